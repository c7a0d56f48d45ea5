//! `sitrep.v1.EventExtractor`: validation, extraction on the blocking pool, streaming.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, watch};
use tokio::time::Instant;
use tokio_stream::wrappers::ReceiverStream;
use tonic::metadata::MetadataMap;
use tonic::{Request, Response, Status, Streaming};
use tracing::Instrument;

use crate::convert::{self, Limits, Output};
use crate::engine::Engine;
use crate::error::Error;
use crate::pb;
use crate::pb::event_extractor_server::EventExtractor;
use crate::pb::extract_response::Result as Answer;

use super::admission::Admission;
use super::extraction::{self, Extraction};
use super::metrics::Metrics;
use super::observe::{self, ArticleTrace};
use super::schema;

/// Responses buffered per call before the producer waits for the client to read.
const RESPONSE_BUFFER: usize = 64;

/// The service: shared by every call, cheap to clone.
#[derive(Clone, Debug)]
pub struct Extractor {
    shared: Arc<Shared>,
}

#[derive(Clone, Debug)]
struct Shared {
    engine: Arc<Engine>,
    limits: Limits,
    admission: Admission,
    extraction: Extraction,
    calls: watch::Sender<usize>,
    /// Set when the shutdown grace period is over: calls still running end with UNAVAILABLE.
    stop: watch::Sender<bool>,
    schema: pb::DescribeSchemaResponse,
    metrics: Metrics,
}

impl Extractor {
    /// A service over `engine`, with at most `concurrency` articles extracted at once and
    /// `max_queued` waiting (more are refused), each counted in `metrics`.
    pub fn new(
        engine: Arc<Engine>,
        limits: Limits,
        concurrency: usize,
        max_queued: usize,
        metrics: Metrics,
    ) -> Extractor {
        let schema = schema::describe(&engine, &limits);
        Extractor {
            shared: Arc::new(Shared {
                engine,
                limits,
                admission: Admission::new(concurrency, max_queued),
                extraction: Extraction::default(),
                calls: watch::channel(0).0,
                stop: watch::channel(false).0,
                schema,
                metrics,
            }),
        }
    }

    /// The same service running `extraction` instead of the engine (see [`Extraction`]).
    pub fn with_extraction(&self, extraction: Extraction) -> Extractor {
        let mut shared = Shared::clone(&self.shared);
        shared.extraction = extraction;
        Extractor {
            shared: Arc::new(shared),
        }
    }

    /// Ends every call still running with UNAVAILABLE (the grace period is over), rather than
    /// letting their streams break off.
    pub(crate) fn stop_calls(&self) {
        self.shared.stop.send_replace(true);
    }

    /// The number of calls whose work is still running; changes as calls start and end.
    pub fn calls_in_flight(&self) -> watch::Receiver<usize> {
        self.shared.calls.subscribe()
    }
}

/// Counts a call as in flight while alive.
struct CallGuard(watch::Sender<usize>);

impl CallGuard {
    fn new(calls: &watch::Sender<usize>) -> CallGuard {
        calls.send_modify(|n| *n += 1);
        CallGuard(calls.clone())
    }
}

impl Drop for CallGuard {
    fn drop(&mut self) {
        self.0.send_modify(|n| *n -= 1);
    }
}

impl Shared {
    /// Extracts one article on the blocking pool once a worker is free (refused when the queue
    /// is full too); a panic there becomes `Error::Internal`.
    async fn process(&self, request: convert::Request) -> Result<Output, Error> {
        let article_id = request.article_id.clone();
        let permit = self
            .admission
            .admit()
            .await
            .map_err(|full| Error::Overloaded {
                article_id: article_id.clone(),
                concurrency: full.concurrency,
                max_queued: full.max_queued,
            })?;
        let engine = self.engine.clone();
        let extraction = self.extraction.clone();
        let span = observe::extraction_span();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            span.in_scope(|| extraction.run(&engine, &request))
        })
        .await
        .map_err(|e| Error::Internal {
            reason: extraction::failure(&article_id, e),
            article_id,
        })?
    }
}

type ResponseSender = mpsc::Sender<Result<pb::ExtractResponse, Status>>;

/// Sends the events and summary of one article; false once the client has gone.
async fn send_output(tx: &ResponseSender, article_id: &str, output: Output) -> bool {
    let answers = output
        .events
        .into_iter()
        .map(Answer::Event)
        .chain([Answer::Summary(output.summary)]);
    for answer in answers {
        let response = pb::ExtractResponse {
            article_id: article_id.to_string(),
            result: Some(answer),
        };
        if tx.send(Ok(response)).await.is_err() {
            return false;
        }
    }
    true
}

/// Runs `work` for a call until it ends, the client goes away or the deadline passes.
fn spawn_call<F>(shared: &Arc<Shared>, tx: ResponseSender, deadline: Option<Deadline>, work: F)
where
    F: Future<Output = Result<(), Error>> + Send + 'static,
{
    let guard = CallGuard::new(&shared.calls);
    let mut stop = shared.stop.subscribe();
    let task = async move {
        let stopped = async {
            if stop.wait_for(|&stop| stop).await.is_err() {
                // The service itself is gone: nothing will stop this call.
                std::future::pending::<()>().await;
            }
        };
        let _guard = guard;
        let until = async {
            match deadline {
                Some(d) => tokio::time::sleep_until(d.at).await,
                None => std::future::pending().await,
            }
        };
        let outcome = tokio::select! {
            outcome = work => outcome,
            () = until => Err(Error::DeadlineExceeded { timeout: deadline.map_or(Duration::ZERO, |d| d.timeout) }),
            () = tx.closed() => return,
            () = stopped => Err(Error::ShuttingDown),
        };
        if let Err(error) = outcome {
            tracing::debug!(%error, "call failed");
            let _ = tx.send(Err(error.into())).await;
        }
    };
    // The call's span (see `observe`) goes with its work.
    tokio::spawn(task.in_current_span());
}

#[tonic::async_trait]
impl EventExtractor for Extractor {
    type ExtractStream = ReceiverStream<Result<pb::ExtractResponse, Status>>;
    type ExtractStreamStream = ReceiverStream<Result<pb::ExtractResponse, Status>>;

    async fn extract(
        &self,
        request: Request<pb::ExtractRequest>,
    ) -> Result<Response<Self::ExtractStream>, Status> {
        let deadline = Deadline::from_metadata(request.metadata());
        let article = ArticleTrace::start(&self.shared.metrics, request.get_ref());
        let request = match convert::validate(request.into_inner(), &self.shared.limits) {
            Ok(request) => request,
            Err(error) => {
                article.finish(Err(&error));
                return Err(error.into());
            }
        };
        let (tx, rx) = mpsc::channel(RESPONSE_BUFFER);
        let shared = self.shared.clone();
        let sender = tx.clone();
        spawn_call(&self.shared, tx, deadline, async move {
            let article_id = request.article_id.clone();
            let span = article.span().clone();
            let result = shared.process(request).instrument(span).await;
            article.finish(result.as_ref());
            send_output(&sender, &article_id, result?).await;
            Ok(())
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn extract_stream(
        &self,
        request: Request<Streaming<pb::ExtractRequest>>,
    ) -> Result<Response<Self::ExtractStreamStream>, Status> {
        let deadline = Deadline::from_metadata(request.metadata());
        let mut inbound = request.into_inner();
        let (tx, rx) = mpsc::channel(RESPONSE_BUFFER);
        let shared = self.shared.clone();
        let sender = tx.clone();
        spawn_call(&self.shared, tx, deadline, async move {
            loop {
                let request = match inbound.message().await {
                    Ok(Some(request)) => request,
                    Ok(None) => return Ok(()),
                    Err(status) => {
                        // The client's side of the stream broke (e.g. a message over the size
                        // limit): pass the status on and stop.
                        let _ = sender.send(Err(status)).await;
                        return Ok(());
                    }
                };
                let article_id = request
                    .article
                    .as_ref()
                    .map(|a| a.id.clone())
                    .unwrap_or_default();
                let article = ArticleTrace::start(&shared.metrics, &request);
                let span = article.span().clone();
                let result = async {
                    let request = convert::validate(request, &shared.limits)?;
                    shared.process(request).await
                }
                .instrument(span)
                .await;
                article.finish(result.as_ref());
                let sent = match result {
                    // Not the article's fault: the whole stream is refused, to be retried.
                    Err(error @ Error::Overloaded { .. }) => return Err(error),
                    Ok(output) => send_output(&sender, &article_id, output).await,
                    Err(error) => {
                        tracing::debug!(%error, article_id, "article failed");
                        let response = pb::ExtractResponse {
                            article_id,
                            result: Some(Answer::Error((&error).into())),
                        };
                        sender.send(Ok(response)).await.is_ok()
                    }
                };
                if !sent {
                    return Ok(());
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn describe_schema(
        &self,
        _request: Request<pb::DescribeSchemaRequest>,
    ) -> Result<Response<pb::DescribeSchemaResponse>, Status> {
        Ok(Response::new(self.shared.schema.clone()))
    }
}

/// When a call must be done by: from the `grpc-timeout` the client sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Deadline {
    at: Instant,
    timeout: Duration,
}

impl Deadline {
    fn from_metadata(metadata: &MetadataMap) -> Option<Deadline> {
        let value = metadata.get("grpc-timeout")?.to_str().ok()?;
        let timeout = parse_grpc_timeout(value)?;
        Some(Deadline {
            at: Instant::now() + timeout,
            timeout,
        })
    }
}

/// Parses a `grpc-timeout` value: up to 8 digits and a unit (H, M, S, m, u, n).
fn parse_grpc_timeout(value: &str) -> Option<Duration> {
    if !value.is_ascii() {
        return None;
    }
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grpc_timeout_values() {
        assert_eq!(parse_grpc_timeout("5S"), Some(Duration::from_secs(5)));
        assert_eq!(parse_grpc_timeout("250m"), Some(Duration::from_millis(250)));
        assert_eq!(parse_grpc_timeout("2H"), Some(Duration::from_secs(7200)));
        assert_eq!(
            parse_grpc_timeout("99999999n"),
            Some(Duration::from_nanos(99_999_999))
        );
        for bad in ["", "S", "123456789S", "5s", "-5S", "5", "5é"] {
            assert_eq!(parse_grpc_timeout(bad), None, "{bad:?}");
        }
    }
}
