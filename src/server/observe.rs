//! Spans and metrics around the service: a span per call that continues the caller's W3C trace
//! context, a child span per article, and the extraction as the article's child.
//!
//! ```text
//! rpc  sitrep.v1.EventExtractor/Extract   rpc.system, rpc.service, rpc.method, rpc.grpc.status_code
//! └─ article                              sitrep.article.{id, bytes, sentences, events, events.TYPE, status_code}
//!    └─ extraction                        the engine, on the blocking pool
//! ```
//!
//! The call span's `trace_id` field puts the trace id on every log line written within a call.

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use http_body::{Frame, SizeHint};
use opentelemetry::trace::{TraceContextExt, TraceId};
use tokio::time::Instant;
use tonic::body::Body;
use tonic::codegen::{Bytes, Service};
use tonic::server::NamedService;
use tonic::{Code, Status};
use tracing::field::Empty;
use tracing::{Instrument, Span};
use tracing_opentelemetry::OpenTelemetrySpanExt;

use super::metrics::{Metrics, code_name, event_type_name};
use crate::convert::Output;
use crate::error::Error;
use crate::pb;

/// The methods of `sitrep.v1.EventExtractor`: the only values of the `method` label, so that
/// a client sending made-up paths cannot grow the metrics.
const METHODS: [&str; 3] = ["Extract", "ExtractStream", "DescribeSchema"];

/// The method a request path names, `unknown` for anything else.
fn method_of(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or_default();
    METHODS
        .into_iter()
        .find(|&method| method == name)
        .unwrap_or("unknown")
}

/// Codes that are the server's fault, so an error status on its span (the OpenTelemetry
/// conventions for gRPC servers); the others are the caller's.
fn is_server_fault(code: Code) -> bool {
    matches!(
        code,
        Code::Unknown
            | Code::DeadlineExceeded
            | Code::Unimplemented
            | Code::Internal
            | Code::Unavailable
            | Code::DataLoss
    )
}

/// A gRPC service wrapped with a span and call metrics for each call.
#[derive(Clone, Debug)]
pub(crate) struct Observed<S> {
    inner: S,
    metrics: Metrics,
}

impl<S> Observed<S> {
    /// Wraps `inner`, counting its calls in `metrics`.
    pub(crate) fn new(inner: S, metrics: Metrics) -> Observed<S> {
        Observed { inner, metrics }
    }
}

impl<S: NamedService> NamedService for Observed<S> {
    const NAME: &'static str = S::NAME;
}

impl<S> Service<http::Request<Body>> for Observed<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>, Error = Infallible>
        + NamedService,
    S::Future: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future =
        Pin<Box<dyn Future<Output = Result<http::Response<Body>, Infallible>> + Send + 'static>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let method = method_of(request.uri().path());
        let span = call_span(S::NAME, method, request.headers());
        let mut call = Call::start(self.metrics.clone(), method, span.clone());
        let response = self.inner.call(request).instrument(span);
        Box::pin(async move {
            let Ok(response) = response.await;
            let (parts, body) = response.into_parts();
            // A call that fails at once answers with its status in the headers.
            if let Some(code) = grpc_status(&parts.headers) {
                call.finish(code);
            }
            let body = Body::new(ObservedBody { inner: body, call });
            Ok(http::Response::from_parts(parts, body))
        })
    }
}

/// The span of one call, continuing the trace context its headers carry.
fn call_span(service: &'static str, method: &'static str, headers: &http::HeaderMap) -> Span {
    let span = tracing::info_span!(
        "rpc",
        otel.name = %format_args!("{service}/{method}"),
        otel.kind = "server",
        otel.status_code = Empty,
        rpc.system = "grpc",
        rpc.service = service,
        rpc.method = method,
        rpc.grpc.status_code = Empty,
        trace_id = Empty,
    );
    let parent = crate::propagation::extract(headers);
    let remote = parent.span().span_context().trace_id();
    if remote != TraceId::INVALID {
        // Fails only when no OpenTelemetry layer is installed: nothing to continue then.
        let _ = span.set_parent(parent);
    }
    // The span's own trace when spans are exported, else the caller's (logs still carry it).
    let own = span.context().span().span_context().trace_id();
    let trace_id = if own != TraceId::INVALID { own } else { remote };
    if trace_id != TraceId::INVALID {
        span.record("trace_id", tracing::field::display(trace_id));
    }
    span
}

/// The `grpc-status` of a header or trailer map.
fn grpc_status(headers: &http::HeaderMap) -> Option<Code> {
    let value = headers.get("grpc-status")?.to_str().ok()?;
    Some(Code::from(value.parse::<i32>().ok()?))
}

/// One call from its start to its status; dropped before a status, it was cancelled.
struct Call {
    metrics: Metrics,
    method: &'static str,
    span: Span,
    started: Instant,
    finished: bool,
}

impl Call {
    fn start(metrics: Metrics, method: &'static str, span: Span) -> Call {
        metrics.call_started(method);
        Call {
            metrics,
            method,
            span,
            started: Instant::now(),
            finished: false,
        }
    }

    /// Records the call's status once; later calls do nothing.
    fn finish(&mut self, code: Code) {
        if std::mem::replace(&mut self.finished, true) {
            return;
        }
        let elapsed = self.started.elapsed();
        self.metrics.call_finished(self.method, code, elapsed);
        self.span.record("rpc.grpc.status_code", i32::from(code));
        if is_server_fault(code) {
            self.span.record("otel.status_code", "ERROR");
        }
        self.span.in_scope(|| {
            tracing::info!(
                code = code_name(code),
                elapsed_ms = elapsed.as_secs_f64() * 1e3,
                "call finished"
            );
        });
    }
}

impl Drop for Call {
    fn drop(&mut self) {
        self.finish(Code::Cancelled);
    }
}

/// A response body that records its call's status when the trailers go out.
struct ObservedBody {
    inner: Body,
    call: Call,
}

impl http_body::Body for ObservedBody {
    type Data = Bytes;
    type Error = Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Status>>> {
        let this = &mut *self;
        let polled = Pin::new(&mut this.inner).poll_frame(cx);
        match &polled {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(code) = frame.trailers_ref().and_then(grpc_status) {
                    this.call.finish(code);
                }
            }
            Poll::Ready(Some(Err(status))) => this.call.finish(status.code()),
            // The end without a status: a gRPC client reads that as an unknown error.
            Poll::Ready(None) => this.call.finish(Code::Unknown),
            Poll::Pending => {}
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// One article's span and metrics, from before its validation to its outcome. Dropped before
/// [`ArticleTrace::finish`] (its call ended: client gone, deadline passed), it counts as
/// `CANCELLED`.
pub(crate) struct ArticleTrace {
    span: Span,
    metrics: Metrics,
    bytes: usize,
    finished: bool,
}

impl ArticleTrace {
    /// Opens the span of the article `request` carries, as a child of the current span. The
    /// article's text never goes into the span.
    pub(crate) fn start(metrics: &Metrics, request: &pb::ExtractRequest) -> ArticleTrace {
        let (id, bytes) = request
            .article
            .as_ref()
            .map_or(("", 0), |a| (a.id.as_str(), a.text.len()));
        let span = tracing::info_span!(
            "article",
            sitrep.article.id = id,
            // Integers as i64: tracing-opentelemetry exports u64 fields as strings.
            sitrep.article.bytes = i64::try_from(bytes).unwrap_or(i64::MAX),
            sitrep.article.sentences = Empty,
            sitrep.article.events = Empty,
            sitrep.article.status_code = Empty,
            otel.status_code = Empty,
            otel.status_message = Empty,
        );
        ArticleTrace {
            span,
            metrics: metrics.clone(),
            bytes,
            finished: false,
        }
    }

    /// The article's span, to run its work in.
    pub(crate) fn span(&self) -> &Span {
        &self.span
    }

    /// Records how the article ended.
    pub(crate) fn finish(mut self, outcome: Result<&Output, &Error>) {
        self.finished = true;
        let span = &self.span;
        match outcome {
            Ok(output) => {
                let summary = &output.summary;
                span.record(
                    "sitrep.article.sentences",
                    i64::from(summary.sentence_count),
                );
                span.record("sitrep.article.events", i64::from(summary.event_count));
                for count in &summary.event_counts {
                    span.set_attribute(
                        format!("sitrep.article.events.{}", event_type_name(count.r#type())),
                        i64::from(count.count),
                    );
                }
                span.record("sitrep.article.status_code", code_name(Code::Ok));
                let engine_time = summary
                    .processing_time
                    .as_ref()
                    .map_or(Duration::ZERO, |d| {
                        Duration::new(
                            u64::try_from(d.seconds).unwrap_or(0),
                            u32::try_from(d.nanos).unwrap_or(0),
                        )
                    });
                self.metrics
                    .article_extracted(self.bytes, &output.events, engine_time);
                self.metrics.article_finished(Code::Ok);
            }
            Err(error) => {
                let code = error.code();
                span.record("sitrep.article.status_code", code_name(code));
                if is_server_fault(code) {
                    span.record("otel.status_code", "ERROR");
                }
                span.record("otel.status_message", tracing::field::display(error));
                self.metrics.article_finished(code);
            }
        }
    }
}

impl Drop for ArticleTrace {
    fn drop(&mut self) {
        if !self.finished {
            self.span
                .record("sitrep.article.status_code", code_name(Code::Cancelled));
            self.metrics.article_finished(Code::Cancelled);
        }
    }
}

/// The span of the engine's work on one article, a child of the current (article) span.
pub(crate) fn extraction_span() -> Span {
    tracing::info_span!("extraction")
}

#[cfg(test)]
mod tests {
    use prost::Message;

    use super::*;

    #[test]
    fn methods_are_those_of_the_service() {
        let set = prost_types::FileDescriptorSet::decode(pb::FILE_DESCRIPTOR_SET).unwrap();
        let service = set
            .file
            .iter()
            .flat_map(|f| &f.service)
            .find(|s| s.name() == "EventExtractor")
            .unwrap();
        let mut declared: Vec<&str> = service.method.iter().map(|m| m.name()).collect();
        let mut known = METHODS.to_vec();
        declared.sort_unstable();
        known.sort_unstable();
        assert_eq!(declared, known);
    }

    #[test]
    fn method_names_are_bounded() {
        assert_eq!(method_of("/sitrep.v1.EventExtractor/Extract"), "Extract");
        assert_eq!(
            method_of("/sitrep.v1.EventExtractor/ExtractStream"),
            "ExtractStream"
        );
        assert_eq!(method_of("/sitrep.v1.EventExtractor/Nope"), "unknown");
        assert_eq!(method_of(""), "unknown");
    }

    #[test]
    fn status_from_headers() {
        let mut headers = http::HeaderMap::new();
        assert_eq!(grpc_status(&headers), None);
        headers.insert("grpc-status", "3".parse().unwrap());
        assert_eq!(grpc_status(&headers), Some(Code::InvalidArgument));
    }
}
