//! Observability: spans exported over OTLP/gRPC to a receiver in this process (the real
//! `sitrep-server` binary, configured by the standard OpenTelemetry variables), the caller's
//! trace continued, JSON log lines carrying the trace id, metrics over OTLP, and the Prometheus
//! endpoint counting exactly what was sent.
#![cfg(all(feature = "server", unix))]

mod harness;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use opentelemetry::trace::{SpanContext, SpanId, TraceContextExt, TraceFlags, TraceId, TraceState};
use opentelemetry_proto::tonic::collector::metrics::v1::metrics_service_server::{
    MetricsService, MetricsServiceServer,
};
use opentelemetry_proto::tonic::collector::metrics::v1::{
    ExportMetricsServiceRequest, ExportMetricsServiceResponse,
};
use opentelemetry_proto::tonic::collector::trace::v1::trace_service_server::{
    TraceService, TraceServiceServer,
};
use opentelemetry_proto::tonic::collector::trace::v1::{
    ExportTraceServiceRequest, ExportTraceServiceResponse,
};
use opentelemetry_proto::tonic::common::v1::{AnyValue, KeyValue, any_value};
use opentelemetry_proto::tonic::metrics::v1::metric;
use opentelemetry_proto::tonic::trace::v1::Span;
use opentelemetry_proto::tonic::trace::v1::span::SpanKind;
use sitrep::client::Client;
use sitrep::pb;
use sitrep::pb::event_extractor_client::EventExtractorClient;
use sitrep::server::{Config, Server};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio_stream::StreamExt;
use tonic::transport::server::TcpIncoming;
use tonic::{Request, Response, Status};

/// The caller's trace of the first call (sent by `sitrep::client` from the active context).
const TRACE_A: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_A: &str = "00f067aa0ba902b7";
/// The caller's trace of the second call (a raw `traceparent` header).
const TRACE_B: &str = "0af7651916cd43dd8448eb211c80319c";
const PARENT_B: &str = "b7ad6b7169203331";

/// What the receiver got: every OTLP export request, traces and metrics.
#[derive(Clone, Default)]
struct Receiver {
    traces: Arc<Mutex<Vec<ExportTraceServiceRequest>>>,
    metrics: Arc<Mutex<Vec<ExportMetricsServiceRequest>>>,
}

#[tonic::async_trait]
impl TraceService for Receiver {
    async fn export(
        &self,
        request: Request<ExportTraceServiceRequest>,
    ) -> Result<Response<ExportTraceServiceResponse>, Status> {
        self.traces.lock().unwrap().push(request.into_inner());
        Ok(Response::new(ExportTraceServiceResponse::default()))
    }
}

#[tonic::async_trait]
impl MetricsService for Receiver {
    async fn export(
        &self,
        request: Request<ExportMetricsServiceRequest>,
    ) -> Result<Response<ExportMetricsServiceResponse>, Status> {
        self.metrics.lock().unwrap().push(request.into_inner());
        Ok(Response::new(ExportMetricsServiceResponse::default()))
    }
}

/// Starts an OTLP/gRPC receiver on 127.0.0.1:0.
async fn start_receiver() -> (Receiver, SocketAddr) {
    let receiver = Receiver::default();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let serving = tonic::transport::Server::builder()
        .add_service(TraceServiceServer::new(receiver.clone()))
        .add_service(MetricsServiceServer::new(receiver.clone()))
        .serve_with_incoming(TcpIncoming::from(listener));
    tokio::spawn(serving);
    (receiver, addr)
}

/// The `sitrep-server` binary, killed if the test fails before it stops.
struct ServerProcess {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl ServerProcess {
    fn start(otlp: SocketAddr) -> ServerProcess {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sitrep-server"));
        for (name, _) in std::env::vars() {
            if name.starts_with("OTEL_") || name.starts_with("SITREP_") {
                command.env_remove(name);
            }
        }
        let mut child = command
            .args(["--listen", "127.0.0.1:0", "--log-format", "json"])
            .args(["--shutdown-grace", "10s"])
            .env("RUST_LOG", "info")
            .env("OTEL_EXPORTER_OTLP_ENDPOINT", format!("http://{otlp}"))
            .env("OTEL_SERVICE_NAME", "sitrep-under-test")
            .env(
                "OTEL_RESOURCE_ATTRIBUTES",
                "deployment.environment.name=test",
            )
            .env("OTEL_TRACES_SAMPLER", "parentbased_always_on")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sitrep-server starts");
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        ServerProcess {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits (at most a minute: a debug build loads its lexicons) for the serving address.
    fn grpc_addr(&mut self) -> SocketAddr {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self
                .lines
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no 'serving' line; stderr so far: {:#?}", self.seen));
            self.seen.push(line.clone());
            let json: serde_json::Value = serde_json::from_str(&line).expect("JSON log lines");
            if json["fields"]["message"] == "serving sitrep.v1.EventExtractor" {
                return json["fields"]["addr"].as_str().unwrap().parse().unwrap();
            }
        }
    }

    /// Sends SIGTERM and waits (bounded) for a clean exit; returns every stderr line. The
    /// receiver keeps running meanwhile: the server flushes its spans to it while stopping.
    async fn stop(mut self) -> Vec<String> {
        let pid = self.child.id().to_string();
        let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(killed.success());
        let deadline = Instant::now() + Duration::from_secs(30);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                self.seen.extend(self.lines.try_iter());
                panic!("sitrep-server did not stop; stderr: {:#?}", self.seen);
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert!(status.success(), "sitrep-server exited with {status}");
        // The reader thread ends at EOF, once the process has exited.
        self.seen.extend(self.lines.iter());
        std::mem::take(&mut self.seen)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn attr<'a>(attributes: &'a [KeyValue], key: &str) -> Option<&'a any_value::Value> {
    attributes
        .iter()
        .find(|kv| kv.key == key)
        .and_then(|kv| kv.value.as_ref())
        .and_then(|v: &AnyValue| v.value.as_ref())
}

fn str_attr<'a>(attributes: &'a [KeyValue], key: &str) -> Option<&'a str> {
    match attr(attributes, key)? {
        any_value::Value::StringValue(s) => Some(s),
        _ => None,
    }
}

fn int_attr(attributes: &[KeyValue], key: &str) -> Option<i64> {
    match attr(attributes, key)? {
        any_value::Value::IntValue(i) => Some(*i),
        _ => None,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The engine's name of an event type (`talks`), as the server labels and names it.
fn type_name(t: pb::EventType) -> String {
    t.as_str_name()
        .trim_start_matches("EVENT_TYPE_")
        .to_lowercase()
}

fn status_name(s: pb::EventStatus) -> &'static str {
    s.as_str_name().trim_start_matches("EVENT_STATUS_")
}

fn article(id: &str, text: &str, date: &str) -> pb::ExtractRequest {
    pb::ExtractRequest {
        article: Some(pb::Article {
            id: id.into(),
            text: text.into(),
            published_date: date.into(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spans_continue_the_callers_trace_and_are_flushed_on_shutdown() {
    let (receiver, otlp) = start_receiver().await;
    let mut server = ServerProcess::start(otlp);
    let url = format!("http://{}", server.grpc_addr());

    // Call 1: sitrep::client sends the active OpenTelemetry context.
    let reference = harness::reference_article();
    let parent_a = SpanContext::new(
        TraceId::from_hex(TRACE_A).unwrap(),
        SpanId::from_hex(PARENT_A).unwrap(),
        TraceFlags::SAMPLED,
        true,
        TraceState::default(),
    );
    let (events, summary) = {
        let _active = opentelemetry::Context::new()
            .with_remote_span_context(parent_a)
            .attach();
        let mut client = Client::connect(url.clone()).await.unwrap();
        let mut stream = client.extract(reference.clone()).await.unwrap();
        let mut events = Vec::new();
        while let Some(event) = stream.next().await {
            events.push(event.unwrap());
        }
        (events, stream.summary().cloned().unwrap())
    };
    assert!(!events.is_empty());

    // Call 2: a raw `traceparent` header on ExtractStream, one good article and one bad.
    let mut raw = EventExtractorClient::connect(url.clone()).await.unwrap();
    let mut request = Request::new(tokio_stream::iter([
        article("good", "Talks began in Riyadh on Sunday.", "2025-03-23"),
        article("bad", "Talks began.", "2025-02-30"),
    ]));
    request.metadata_mut().insert(
        "traceparent",
        format!("00-{TRACE_B}-{PARENT_B}-01").parse().unwrap(),
    );
    let responses: Vec<_> = raw
        .extract_stream(request)
        .await
        .unwrap()
        .into_inner()
        .collect()
        .await;
    assert!(responses.iter().all(Result::is_ok));
    // An idle connection left open holds the server's drain until the grace period ends.
    drop(raw);

    let lines = server.stop().await;

    // --- traces: every span was flushed on shutdown ---
    let exported = receiver.traces.lock().unwrap().clone();
    let mut spans: Vec<Span> = Vec::new();
    for request in &exported {
        for resource_spans in &request.resource_spans {
            let resource = resource_spans.resource.as_ref().unwrap();
            assert_eq!(
                str_attr(&resource.attributes, "service.name"),
                Some("sitrep-under-test")
            );
            assert_eq!(
                str_attr(&resource.attributes, "deployment.environment.name"),
                Some("test")
            );
            for scope in &resource_spans.scope_spans {
                spans.extend(scope.spans.iter().cloned());
            }
        }
    }
    let in_trace = |trace: &str| -> Vec<&Span> {
        spans.iter().filter(|s| hex(&s.trace_id) == trace).collect()
    };
    let children = |parent: &Span, name: &str| -> Vec<Span> {
        spans
            .iter()
            .filter(|s| s.parent_span_id == parent.span_id && s.name == name)
            .cloned()
            .collect()
    };

    // Call 1: rpc → article → extraction, all in the caller's trace.
    let trace_a = in_trace(TRACE_A);
    let rpc = trace_a
        .iter()
        .find(|s| s.name == "sitrep.v1.EventExtractor/Extract")
        .unwrap_or_else(|| panic!("no Extract span in trace A: {trace_a:#?}"));
    assert_eq!(hex(&rpc.parent_span_id), PARENT_A);
    assert_eq!(rpc.kind, SpanKind::Server as i32);
    assert_eq!(str_attr(&rpc.attributes, "rpc.system"), Some("grpc"));
    assert_eq!(
        str_attr(&rpc.attributes, "rpc.service"),
        Some("sitrep.v1.EventExtractor")
    );
    assert_eq!(str_attr(&rpc.attributes, "rpc.method"), Some("Extract"));
    assert_eq!(int_attr(&rpc.attributes, "rpc.grpc.status_code"), Some(0));

    let [article_span] = children(rpc, "article").try_into().unwrap();
    let a = &article_span.attributes;
    assert_eq!(
        str_attr(a, "sitrep.article.id"),
        Some(reference.id.as_str())
    );
    assert_eq!(
        int_attr(a, "sitrep.article.bytes"),
        Some(reference.text.len() as i64)
    );
    assert_eq!(
        int_attr(a, "sitrep.article.sentences"),
        Some(i64::from(summary.sentence_count))
    );
    assert_eq!(
        int_attr(a, "sitrep.article.events"),
        Some(events.len() as i64)
    );
    let mut by_type: BTreeMap<String, i64> = BTreeMap::new();
    for event in &events {
        *by_type.entry(type_name(event.r#type())).or_default() += 1;
    }
    for (name, count) in &by_type {
        assert_eq!(
            int_attr(a, &format!("sitrep.article.events.{name}")),
            Some(*count),
            "events of type {name}"
        );
    }
    assert_eq!(str_attr(a, "sitrep.article.status_code"), Some("OK"));
    assert_eq!(children(&article_span, "extraction").len(), 1);

    // Call 2: the raw header's trace, one article span per article.
    let trace_b = in_trace(TRACE_B);
    let rpc = trace_b
        .iter()
        .find(|s| s.name == "sitrep.v1.EventExtractor/ExtractStream")
        .unwrap_or_else(|| panic!("no ExtractStream span in trace B: {trace_b:#?}"));
    assert_eq!(hex(&rpc.parent_span_id), PARENT_B);
    assert_eq!(int_attr(&rpc.attributes, "rpc.grpc.status_code"), Some(0));
    let articles = children(rpc, "article");
    let code_of = |id: &str| {
        let span = articles
            .iter()
            .find(|s| str_attr(&s.attributes, "sitrep.article.id") == Some(id))
            .unwrap();
        str_attr(&span.attributes, "sitrep.article.status_code").map(str::to_string)
    };
    assert_eq!(articles.len(), 2);
    assert_eq!(code_of("good").as_deref(), Some("OK"));
    assert_eq!(code_of("bad").as_deref(), Some("INVALID_ARGUMENT"));

    // --- logs: JSON, the trace id on each line within a call, no article text ---
    let finished: Vec<serde_json::Value> = lines
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON log lines"))
        .filter(|json| json["fields"]["message"] == "call finished")
        .collect();
    for trace in [TRACE_A, TRACE_B] {
        assert!(
            finished
                .iter()
                .any(|json| json["spans"][0]["trace_id"] == trace),
            "no 'call finished' line with trace_id {trace}: {finished:#?}"
        );
    }
    let sentence = "A recent Russian strike on the Ukrainian capital";
    assert!(reference.text.contains(sentence));
    assert!(lines.iter().all(|l| !l.contains(sentence)));

    // --- metrics over OTLP: exported at shutdown too ---
    let exported = receiver.metrics.lock().unwrap().clone();
    let mut requests = BTreeMap::new();
    for metric in exported
        .iter()
        .flat_map(|r| &r.resource_metrics)
        .flat_map(|r| &r.scope_metrics)
        .flat_map(|s| &s.metrics)
        .filter(|m| m.name == "sitrep.rpc.requests")
    {
        let Some(metric::Data::Sum(sum)) = &metric.data else {
            panic!("sitrep.rpc.requests is a sum")
        };
        for point in &sum.data_points {
            let key = (
                str_attr(&point.attributes, "method").unwrap().to_string(),
                str_attr(&point.attributes, "code").unwrap().to_string(),
            );
            let value = match point.value {
                Some(opentelemetry_proto::tonic::metrics::v1::number_data_point::Value::AsInt(
                    v,
                )) => v,
                other => panic!("an integer count, not {other:?}"),
            };
            // Cumulative: the last export holds the totals.
            requests.insert(key, value);
        }
    }
    assert_eq!(requests.get(&("Extract".into(), "OK".into())), Some(&1));
    assert_eq!(
        requests.get(&("ExtractStream".into(), "OK".into())),
        Some(&1)
    );
}

/// One sample of the OpenMetrics text: its value, if the series exists.
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    let mut wanted: Vec<String> = labels.iter().map(|(k, v)| format!("{k}=\"{v}\"")).collect();
    wanted.sort();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|line| {
            let (series, value) = line.rsplit_once(' ')?;
            let (series_name, series_labels) = match series.split_once('{') {
                Some((n, rest)) => (n, rest.strip_suffix('}')?),
                None => (series, ""),
            };
            let mut found: Vec<String> = series_labels
                .split(',')
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
            found.sort();
            (series_name == name && found == wanted).then(|| value.parse().unwrap())
        })
}

/// Every sample of `name`, with its labels.
fn samples<'t>(text: &'t str, name: &str) -> Vec<(&'t str, f64)> {
    let prefix = format!("{name}{{");
    text.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix(&prefix)?;
            let (labels, value) = rest.rsplit_once("} ")?;
            Some((labels, value.parse().unwrap()))
        })
        .collect()
}

/// `GET path` over HTTP/1.1: the status line, the headers and the body.
async fn http_get(addr: SocketAddr, path: &str) -> (String, String, String) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let (status, headers) = head.split_once("\r\n").unwrap();
    (status.into(), headers.to_lowercase(), body.into())
}

#[tokio::test]
async fn prometheus_endpoint_counts_exactly_what_was_sent() {
    let server = Server::with_engine(harness::engine(), &Config::default()).unwrap();
    let metrics_listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let metrics_addr = metrics_listener.local_addr().unwrap();
    let metrics_task = tokio::spawn(server.metrics().serve(metrics_listener));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    let serving = tokio::spawn(server.serve(listener, async {
        let _ = stopped.await;
    }));

    // Nothing counted yet.
    let (status, headers, text) = http_get(metrics_addr, "/metrics").await;
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(headers.contains("content-type: application/openmetrics-text"));
    // Families without labels show zeros; labelled ones have no series yet.
    assert!(text.contains("sitrep_article_bytes_total 0\n"), "{text}");
    assert!(samples(&text, "sitrep_rpc_requests_total").is_empty());

    let mut client = Client::connect(url.clone()).await.unwrap();
    let mut received: Vec<pb::Event> = Vec::new();
    let mut good_bytes = 0;
    // Two good Extract calls and a bad one.
    let good = [
        harness::reference_article(),
        pb::Article {
            id: "short".into(),
            text: "Russia rejected the ceasefire proposal on Monday.".into(),
            published_date: "2025-03-24".into(),
            ..Default::default()
        },
    ];
    for article in good {
        good_bytes += article.text.len();
        let mut stream = client.extract(article).await.unwrap();
        while let Some(event) = stream.next().await {
            received.push(event.unwrap());
        }
    }
    let bad = article("bad-date", "Talks began.", "2025-02-30");
    let status = client.extract(bad.clone()).await.unwrap_err();
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    // One ExtractStream call: two good articles around a bad one.
    let batch = [
        article("s1", "Talks began in Riyadh on Sunday.", "2025-03-23"),
        bad,
        article(
            "s3",
            "A drone strike on Kyiv killed three civilians.",
            "2025-03-23",
        ),
    ];
    good_bytes += batch
        .iter()
        .filter(|r| r.article.as_ref().unwrap().id != "bad-date")
        .map(|r| r.article.as_ref().unwrap().text.len())
        .sum::<usize>();
    let mut responses = client
        .extract_many(tokio_stream::iter(batch))
        .await
        .unwrap();
    while let Some(response) = responses.next().await {
        if let Some(pb::extract_response::Result::Event(event)) = response.unwrap().result {
            received.push(event);
        }
    }
    drop(responses);
    client.describe_schema().await.unwrap();

    let (_, _, text) = http_get(metrics_addr, "/metrics").await;
    let count = |name: &str, labels: &[(&str, &str)]| sample(&text, name, labels).unwrap_or(0.0);
    let requests = "sitrep_rpc_requests_total";
    assert_eq!(
        count(requests, &[("method", "Extract"), ("code", "OK")]),
        2.0
    );
    assert_eq!(
        count(
            requests,
            &[("method", "Extract"), ("code", "INVALID_ARGUMENT")]
        ),
        1.0
    );
    assert_eq!(
        count(requests, &[("method", "ExtractStream"), ("code", "OK")]),
        1.0
    );
    assert_eq!(
        count(requests, &[("method", "DescribeSchema"), ("code", "OK")]),
        1.0
    );
    assert_eq!(samples(&text, requests).len(), 4, "{text}");

    // The latency histogram: one observation per call, cumulative buckets up to +Inf.
    for (method, calls) in [
        ("Extract", 3.0),
        ("ExtractStream", 1.0),
        ("DescribeSchema", 1.0),
    ] {
        let of = [("method", method)];
        assert_eq!(count("sitrep_rpc_duration_seconds_count", &of), calls);
        assert_eq!(
            count(
                "sitrep_rpc_duration_seconds_bucket",
                &[("method", method), ("le", "+Inf")]
            ),
            calls
        );
        assert!(count("sitrep_rpc_duration_seconds_sum", &of) > 0.0);
        assert_eq!(count("sitrep_rpc_in_flight", &of), 0.0);
        let buckets: Vec<f64> = samples(&text, "sitrep_rpc_duration_seconds_bucket")
            .into_iter()
            .filter(|(labels, _)| labels.contains(&format!("method=\"{method}\"")))
            .map(|(_, v)| v)
            .collect();
        assert!(buckets.windows(2).all(|w| w[0] <= w[1]), "{buckets:?}");
    }

    // Articles, bytes, engine time, events.
    assert_eq!(count("sitrep_articles_total", &[("code", "OK")]), 4.0);
    assert_eq!(
        count("sitrep_articles_total", &[("code", "INVALID_ARGUMENT")]),
        2.0
    );
    assert_eq!(count("sitrep_article_bytes_total", &[]), good_bytes as f64);
    assert_eq!(count("sitrep_engine_duration_seconds_count", &[]), 4.0);
    let mut by_kind: BTreeMap<(String, &str), f64> = BTreeMap::new();
    for event in &received {
        *by_kind
            .entry((type_name(event.r#type()), status_name(event.status())))
            .or_default() += 1.0;
    }
    assert!(!by_kind.is_empty());
    for ((kind, status), n) in &by_kind {
        assert_eq!(
            count(
                "sitrep_events_total",
                &[("type", kind.as_str()), ("status", status)]
            ),
            *n,
            "{kind} {status}"
        );
    }
    assert_eq!(samples(&text, "sitrep_events_total").len(), by_kind.len());

    // Anything but /metrics.
    let (status, _, _) = http_get(metrics_addr, "/").await;
    assert_eq!(status, "HTTP/1.1 404 Not Found");

    let _ = stop.send(());
    serving.await.unwrap().unwrap();
    metrics_task.abort();
}
