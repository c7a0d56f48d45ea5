//! The server's metrics, kept twice from the same calls: in a Prometheus registry, served as
//! text on an HTTP port of its own (`--metrics-addr`), and through the global OpenTelemetry
//! meter provider, which exports them over OTLP when the OpenTelemetry variables ask for it
//! (and does nothing otherwise).
//!
//! | Prometheus | OpenTelemetry | labels | what |
//! |---|---|---|---|
//! | `sitrep_rpc_requests_total` | `sitrep.rpc.requests` | `method`, `code` | finished calls |
//! | `sitrep_rpc_duration_seconds` | `sitrep.rpc.duration` | `method` | call latency, to the last response |
//! | `sitrep_rpc_in_flight` | `sitrep.rpc.in_flight` | `method` | calls running |
//! | `sitrep_articles_total` | `sitrep.articles` | `code` | articles, by outcome |
//! | `sitrep_article_bytes_total` | `sitrep.article.bytes` | | text bytes of the articles extracted |
//! | `sitrep_events_total` | `sitrep.events` | `type`, `status` | events sent |
//! | `sitrep_engine_duration_seconds` | `sitrep.engine.duration` | | engine time per article |
//!
//! `code` is the gRPC status code's name (`OK`, `INVALID_ARGUMENT`, ...); an article whose call
//! ended (client gone, deadline) before it was done counts as `CANCELLED`.

use std::convert::Infallible;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use opentelemetry::KeyValue;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::{Registry, Unit};
use tokio::net::TcpListener;
use tonic::Code;
use tonic::codegen::Bytes;

use crate::engine;
use crate::pb;

/// The content type of the text served: OpenMetrics 1.0, which Prometheus reads.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Call latency buckets, in seconds: 1 ms to about 16 s.
fn call_buckets() -> Vec<f64> {
    exponential_buckets(0.001, 2.0, 15).collect()
}

/// Engine time buckets, in seconds: 0.1 ms to about 3 s.
fn engine_buckets() -> Vec<f64> {
    exponential_buckets(0.0001, 2.0, 16).collect()
}

fn call_histogram() -> Histogram {
    Histogram::new(call_buckets())
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CallLabels {
    method: &'static str,
    code: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct MethodLabels {
    method: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabels {
    code: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EventLabels {
    r#type: &'static str,
    status: &'static str,
}

/// The server's metrics; cheap to clone, shared by every call.
#[derive(Clone)]
pub struct Metrics {
    inner: Arc<Inner>,
}

struct Inner {
    registry: Registry,
    requests: Family<CallLabels, Counter>,
    duration: Family<MethodLabels, Histogram, fn() -> Histogram>,
    in_flight: Family<MethodLabels, Gauge>,
    articles: Family<CodeLabels, Counter>,
    article_bytes: Counter,
    events: Family<EventLabels, Counter>,
    engine_time: Histogram,
    otel: Instruments,
}

/// The same measurements as OpenTelemetry instruments of the global meter provider.
struct Instruments {
    requests: opentelemetry::metrics::Counter<u64>,
    duration: opentelemetry::metrics::Histogram<f64>,
    in_flight: opentelemetry::metrics::UpDownCounter<i64>,
    articles: opentelemetry::metrics::Counter<u64>,
    article_bytes: opentelemetry::metrics::Counter<u64>,
    events: opentelemetry::metrics::Counter<u64>,
    engine_time: opentelemetry::metrics::Histogram<f64>,
}

impl Instruments {
    fn new() -> Instruments {
        let meter = opentelemetry::global::meter("sitrep");
        Instruments {
            requests: meter
                .u64_counter("sitrep.rpc.requests")
                .with_description("Finished calls")
                .build(),
            duration: meter
                .f64_histogram("sitrep.rpc.duration")
                .with_unit("s")
                .with_description("Call latency, to the last response")
                .with_boundaries(call_buckets())
                .build(),
            in_flight: meter
                .i64_up_down_counter("sitrep.rpc.in_flight")
                .with_description("Calls running")
                .build(),
            articles: meter
                .u64_counter("sitrep.articles")
                .with_description("Articles, by outcome")
                .build(),
            article_bytes: meter
                .u64_counter("sitrep.article.bytes")
                .with_unit("By")
                .with_description("Text bytes of the articles extracted")
                .build(),
            events: meter
                .u64_counter("sitrep.events")
                .with_description("Events sent")
                .build(),
            engine_time: meter
                .f64_histogram("sitrep.engine.duration")
                .with_unit("s")
                .with_description("Engine time per article")
                .with_boundaries(engine_buckets())
                .build(),
        }
    }
}

impl fmt::Debug for Metrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Default for Metrics {
    fn default() -> Metrics {
        Metrics::new()
    }
}

impl Metrics {
    /// A fresh set of metrics, all at zero. The OpenTelemetry instruments come from the global
    /// meter provider as it is now: set it up first (see [`super::Telemetry`]).
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("sitrep");
        let requests = Family::<CallLabels, Counter>::default();
        registry.register(
            "rpc_requests",
            "Finished calls, by method and gRPC status code",
            requests.clone(),
        );
        let duration = Family::new_with_constructor(call_histogram as fn() -> Histogram);
        registry.register_with_unit(
            "rpc_duration",
            "Call latency, to the last response",
            Unit::Seconds,
            duration.clone(),
        );
        let in_flight = Family::<MethodLabels, Gauge>::default();
        registry.register("rpc_in_flight", "Calls running", in_flight.clone());
        let articles = Family::<CodeLabels, Counter>::default();
        registry.register(
            "articles",
            "Articles, by gRPC status code of their outcome",
            articles.clone(),
        );
        let article_bytes = Counter::default();
        registry.register_with_unit(
            "article",
            "Text bytes of the articles extracted",
            Unit::Bytes,
            article_bytes.clone(),
        );
        let events = Family::<EventLabels, Counter>::default();
        registry.register("events", "Events sent, by type and status", events.clone());
        let engine_time = Histogram::new(engine_buckets());
        registry.register_with_unit(
            "engine_duration",
            "Engine time per article",
            Unit::Seconds,
            engine_time.clone(),
        );
        Metrics {
            inner: Arc::new(Inner {
                registry,
                requests,
                duration,
                in_flight,
                articles,
                article_bytes,
                events,
                engine_time,
                otel: Instruments::new(),
            }),
        }
    }

    /// The metrics in the OpenMetrics text format ([`CONTENT_TYPE`]).
    pub fn encode(&self) -> String {
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.inner.registry)
            .expect("writing to a String does not fail");
        text
    }

    /// Serves [`Metrics::encode`] as `GET /metrics` over HTTP/1.1 on `listener`, until the
    /// task is dropped.
    pub async fn serve(self, listener: TcpListener) {
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                Err(error) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    tracing::warn!(%error, "metrics endpoint cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let metrics = self.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request| {
                    let response = metrics.respond(&request);
                    async move { Ok::<_, Infallible>(response) }
                });
                let served = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(Duration::from_secs(10))
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
                if let Err(error) = served {
                    tracing::debug!(%error, "metrics connection failed");
                }
            });
        }
    }

    fn respond(&self, request: &http::Request<Incoming>) -> http::Response<Full<Bytes>> {
        let (status, content_type, body) = match (request.method(), request.uri().path()) {
            (&http::Method::GET, "/metrics") => (http::StatusCode::OK, CONTENT_TYPE, self.encode()),
            (_, "/metrics") => (
                http::StatusCode::METHOD_NOT_ALLOWED,
                "text/plain; charset=utf-8",
                "GET /metrics\n".to_string(),
            ),
            _ => (
                http::StatusCode::NOT_FOUND,
                "text/plain; charset=utf-8",
                "the metrics are at /metrics\n".to_string(),
            ),
        };
        let mut response = http::Response::new(Full::new(Bytes::from(body)));
        *response.status_mut() = status;
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static(content_type),
        );
        response
    }

    /// A call of `method` started.
    pub(crate) fn call_started(&self, method: &'static str) {
        let inner = &self.inner;
        inner
            .in_flight
            .get_or_create(&MethodLabels { method })
            .inc();
        inner
            .otel
            .in_flight
            .add(1, &[KeyValue::new("method", method)]);
    }

    /// A call of `method` ended with `code` after `elapsed`.
    pub(crate) fn call_finished(&self, method: &'static str, code: Code, elapsed: Duration) {
        let inner = &self.inner;
        let code = code_name(code);
        inner
            .in_flight
            .get_or_create(&MethodLabels { method })
            .dec();
        inner
            .requests
            .get_or_create(&CallLabels { method, code })
            .inc();
        inner
            .duration
            .get_or_create(&MethodLabels { method })
            .observe(elapsed.as_secs_f64());
        let method = KeyValue::new("method", method);
        inner.otel.in_flight.add(-1, std::slice::from_ref(&method));
        inner
            .otel
            .requests
            .add(1, &[method.clone(), KeyValue::new("code", code)]);
        inner.otel.duration.record(elapsed.as_secs_f64(), &[method]);
    }

    /// An article ended with `code`.
    pub(crate) fn article_finished(&self, code: Code) {
        let code = code_name(code);
        self.inner
            .articles
            .get_or_create(&CodeLabels { code })
            .inc();
        self.inner
            .otel
            .articles
            .add(1, &[KeyValue::new("code", code)]);
    }

    /// An article of `bytes` was extracted in `engine_time`, giving `events`.
    pub(crate) fn article_extracted(
        &self,
        bytes: usize,
        events: &[pb::Event],
        engine_time: Duration,
    ) {
        let inner = &self.inner;
        inner.article_bytes.inc_by(bytes as u64);
        inner.otel.article_bytes.add(bytes as u64, &[]);
        inner.engine_time.observe(engine_time.as_secs_f64());
        inner
            .otel
            .engine_time
            .record(engine_time.as_secs_f64(), &[]);
        for event in events {
            let labels = EventLabels {
                r#type: event_type_name(event.r#type()),
                status: status_name(event.status()),
            };
            inner.events.get_or_create(&labels).inc();
            inner.otel.events.add(
                1,
                &[
                    KeyValue::new("type", labels.r#type),
                    KeyValue::new("status", labels.status),
                ],
            );
        }
    }
}

/// The engine's name of an event type (`talks`, `strike`, ...), `unspecified` for none.
pub(crate) fn event_type_name(event_type: pb::EventType) -> &'static str {
    engine::EventType::ALL
        .into_iter()
        .find(|&t| crate::convert::event_type(t) == event_type)
        .map_or("unspecified", engine::EventType::name)
}

/// An event status without its prefix (`OCCURRED`, `PLANNED`, ...).
fn status_name(status: pb::EventStatus) -> &'static str {
    let name = status.as_str_name();
    name.strip_prefix("EVENT_STATUS_").unwrap_or(name)
}

/// The canonical name of a gRPC status code, as in the gRPC specification.
pub(crate) fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_calls_articles_and_events() {
        let metrics = Metrics::new();
        metrics.call_started("Extract");
        metrics.call_started("Extract");
        metrics.call_finished("Extract", Code::Ok, Duration::from_millis(3));
        metrics.article_finished(Code::InvalidArgument);
        let event = pb::Event {
            r#type: pb::EventType::Talks as i32,
            status: pb::EventStatus::Planned as i32,
            ..Default::default()
        };
        metrics.article_extracted(120, &[event.clone(), event], Duration::from_micros(250));
        let text = metrics.encode();
        for line in [
            "sitrep_rpc_in_flight{method=\"Extract\"} 1",
            "sitrep_rpc_requests_total{method=\"Extract\",code=\"OK\"} 1",
            "sitrep_rpc_duration_seconds_count{method=\"Extract\"} 1",
            "sitrep_rpc_duration_seconds_bucket{le=\"0.004\",method=\"Extract\"} 1",
            "sitrep_rpc_duration_seconds_bucket{le=\"0.002\",method=\"Extract\"} 0",
            "sitrep_articles_total{code=\"INVALID_ARGUMENT\"} 1",
            "sitrep_article_bytes_total 120",
            "sitrep_events_total{type=\"talks\",status=\"PLANNED\"} 2",
            "sitrep_engine_duration_seconds_count 1",
        ] {
            assert!(
                text.lines().any(|l| l == line),
                "{line:?} missing in\n{text}"
            );
        }
        assert!(text.ends_with("# EOF\n"));
    }

    #[test]
    fn names() {
        assert_eq!(event_type_name(pb::EventType::Strike), "strike");
        assert_eq!(event_type_name(pb::EventType::Unspecified), "unspecified");
        assert_eq!(status_name(pb::EventStatus::Negated), "NEGATED");
        assert_eq!(code_name(Code::DeadlineExceeded), "DEADLINE_EXCEEDED");
    }
}
