//! Failure containment and overload through the real server and client: a panic in extraction,
//! load shedding, deadlines shorter than the work, cancelled streams freeing their worker.
//!
//! Extraction is replaced through `Server::with_extraction` (the seam in
//! `src/server/extraction.rs`): articles whose id starts with `hold` block until the test opens
//! a gate, and the article `panic` panics; everything else runs the engine.
#![cfg(feature = "server")]

mod harness;

use std::io::Write;
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use harness::TestServer;
use sitrep::pb;
use sitrep::pb::extract_response::Result as Answer;
use sitrep::server::{Config, Extraction, Server};
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::UnboundedReceiverStream;
use tonic::Code;

/// Long enough never to fire on a slow CI machine; only a hang reaches it.
const BOUND: Duration = Duration::from_secs(60);

/// Holds `hold*` articles until opened; reports each one that starts.
struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
    started: mpsc::UnboundedSender<String>,
}

impl Gate {
    fn open(&self) {
        *self.open.lock().unwrap() = true;
        self.opened.notify_all();
    }
}

/// A server with the gated extraction, and the ids of the held articles as they start.
async fn gated(config: Config) -> (TestServer, Arc<Gate>, mpsc::UnboundedReceiver<String>) {
    let (started, starts) = mpsc::unbounded_channel();
    let gate = Arc::new(Gate {
        open: Mutex::new(false),
        opened: Condvar::new(),
        started,
    });
    let extraction = {
        let gate = gate.clone();
        Extraction::new(move |engine, request| {
            let id = request.article_id.as_str();
            if id.starts_with("hold") {
                let _ = gate.started.send(id.to_string());
                let open = gate.open.lock().unwrap();
                drop(gate.opened.wait_while(open, |open| !*open).unwrap());
            }
            if id == "panic" {
                panic!("a test panic in article {id}");
            }
            sitrep::convert::extract(engine, request)
        })
    };
    let server = Server::with_engine(harness::engine(), &config)
        .unwrap()
        .with_extraction(extraction);
    (TestServer::run(server).await, gate, starts)
}

fn article(id: &str) -> pb::ExtractRequest {
    pb::Article {
        id: id.into(),
        text: "Ukraine and US officials started talks in Riyadh on Sunday.".into(),
        published_date: "2025-03-23".into(),
        ..Default::default()
    }
    .into()
}

/// The summary of an Extract call, or its error status.
async fn extract(
    client: &mut sitrep::client::Client,
    request: pb::ExtractRequest,
) -> Result<pb::Summary, tonic::Status> {
    let mut events = client.extract(request).await?;
    while let Some(event) = events.next().await {
        event?;
    }
    Ok(events.summary().expect("a summary ends the stream").clone())
}

/// Log lines written by the server in this test binary.
fn captured_logs() -> &'static Mutex<Vec<u8>> {
    static LOGS: OnceLock<&'static Mutex<Vec<u8>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs: &'static Mutex<Vec<u8>> = Box::leak(Box::new(Mutex::new(Vec::new())));
        struct Writer(&'static Mutex<Vec<u8>>);
        impl Write for Writer {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::WARN)
            .with_ansi(false)
            .with_writer(move || Writer(logs))
            .init();
        logs
    })
}

#[tokio::test]
async fn a_panic_in_extraction_is_internal_for_that_article_and_the_server_goes_on() {
    let logs = captured_logs();
    let (server, _gate, _starts) = gated(Config::default()).await;
    let mut client = server.client().await;

    let status = extract(&mut client, article("panic")).await.unwrap_err();
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(
        status.message(),
        "extracting article \"panic\" failed: the extraction panicked: a test panic in article panic"
    );
    let log = String::from_utf8(logs.lock().unwrap().clone()).unwrap();
    assert!(
        log.lines().any(|l| l.contains("ERROR")
            && l.contains("extraction failed")
            && l.contains("article_id=\"panic\"")),
        "no error logged: {log}"
    );

    // In a stream, the article gets an in-band error and the stream goes on.
    let responses: Vec<pb::ExtractResponse> = client
        .extract_many(tokio_stream::iter([
            article("before"),
            article("panic"),
            article("after"),
        ]))
        .await
        .unwrap()
        .map(Result::unwrap)
        .collect()
        .await;
    let ends: Vec<(&str, bool)> = responses
        .iter()
        .filter_map(|r| match &r.result {
            Some(Answer::Summary(_)) => Some((r.article_id.as_str(), true)),
            Some(Answer::Error(e)) => {
                assert!(
                    e.message
                        .contains("\"panic\" failed: the extraction panicked")
                );
                Some((r.article_id.as_str(), false))
            }
            _ => None,
        })
        .collect();
    assert_eq!(ends, [("before", true), ("panic", false), ("after", true)]);

    // The server still serves, on the same connection and on a new one.
    let summary = extract(&mut client, article("again")).await.unwrap();
    assert!(summary.event_count > 0);
    extract(&mut server.client().await, article("new"))
        .await
        .unwrap();
    server.stop().await.unwrap();
}

#[tokio::test]
async fn calls_beyond_the_workers_and_the_queue_are_refused_at_once() {
    let (server, gate, mut starts) = gated(Config {
        concurrency: 1,
        max_queued: 0,
        ..Config::default()
    })
    .await;
    let client = server.client().await;
    let busy = tokio::spawn({
        let mut client = client.clone();
        async move { extract(&mut client, article("hold")).await }
    });
    assert_eq!(starts.recv().await.unwrap(), "hold");

    // The only worker is busy and nothing may wait: refused, without waiting for the worker.
    let began = Instant::now();
    let status = extract(&mut client.clone(), article("shed"))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(
        status.message(),
        "the server is at capacity (1/1 workers busy, 0/0 queue places taken): article \"shed\" \
         was not processed; retry later or elsewhere"
    );
    assert!(began.elapsed() < BOUND);

    // A stream is refused as a whole, naming the article it could not take.
    let mut responses = client
        .clone()
        .extract_many(tokio_stream::iter([article("in-stream")]))
        .await
        .unwrap();
    let status = responses.next().await.unwrap().unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert!(
        status
            .message()
            .contains("article \"in-stream\" was not processed")
    );

    gate.open();
    busy.await.unwrap().unwrap();
    extract(&mut client.clone(), article("after"))
        .await
        .unwrap();
    server.stop().await.unwrap();
}

#[tokio::test]
async fn the_queue_holds_max_queued_articles_and_no_more() {
    let (server, gate, mut starts) = gated(Config {
        concurrency: 1,
        max_queued: 1,
        ..Config::default()
    })
    .await;
    let client = server.client().await;
    let call = |id: &'static str| {
        let mut client = client.clone();
        tokio::spawn(async move { (id, extract(&mut client, article(id)).await) })
    };
    let busy = call("hold");
    assert_eq!(starts.recv().await.unwrap(), "hold");
    // Two more: one takes the only place in the queue, the other is refused at once (which
    // one depends on which arrives first).
    let (mut first, mut second) = (call("b"), call("c"));
    let (refused, waiting) = tokio::select! {
        done = &mut first => (done.unwrap(), second),
        done = &mut second => (done.unwrap(), first),
    };
    assert_eq!(refused.1.unwrap_err().code(), Code::ResourceExhausted);
    gate.open();
    assert!(
        waiting.await.unwrap().1.is_ok(),
        "the queued call is served"
    );
    assert!(busy.await.unwrap().1.is_ok());
    server.stop().await.unwrap();
}

#[tokio::test]
async fn a_deadline_shorter_than_the_work_is_deadline_exceeded() {
    let (server, gate, mut starts) = gated(Config {
        concurrency: 1,
        max_queued: 4,
        ..Config::default()
    })
    .await;
    let mut client = server
        .client()
        .await
        .with_timeout(Duration::from_millis(300));
    // The work itself outlasts the deadline.
    let status = extract(&mut client, article("hold-1")).await.unwrap_err();
    assert_eq!(starts.recv().await.unwrap(), "hold-1");
    assert_eq!(status.code(), Code::DeadlineExceeded);
    assert_eq!(
        status.message(),
        "the call's deadline (grpc-timeout 300ms) passed before its work was done"
    );
    // Waiting in the queue behind it counts too.
    let status = extract(&mut client, article("queued")).await.unwrap_err();
    assert_eq!(status.code(), Code::DeadlineExceeded);

    gate.open();
    let mut patient = server.client().await.with_timeout(BOUND);
    extract(&mut patient, article("after")).await.unwrap();
    server.stop().await.unwrap();
}

#[tokio::test]
async fn a_cancelled_stream_frees_its_worker_and_starts_nothing_more() {
    let (server, gate, mut starts) = gated(Config {
        concurrency: 1,
        max_queued: 1,
        ..Config::default()
    })
    .await;
    let mut calls = server.calls.clone();
    let client = server.client().await;
    let (tx, rx) = mpsc::unbounded_channel();
    for i in 0..5 {
        tx.send(article(&format!("hold-{i}"))).unwrap();
    }
    let responses = client
        .clone()
        .extract_many(UnboundedReceiverStream::new(rx))
        .await
        .unwrap();
    assert_eq!(starts.recv().await.unwrap(), "hold-0");

    // The client goes away while its first article is on the worker, its request stream open.
    drop(responses);
    tokio::time::timeout(BOUND, calls.wait_for(|&n| n == 0))
        .await
        .expect("the cancelled call ends")
        .unwrap();
    gate.open();
    // The worker serves a new call; the cancelled stream's other articles never started.
    let summary = extract(&mut client.clone(), article("next")).await.unwrap();
    assert!(summary.event_count > 0);
    assert!(
        starts.try_recv().is_err(),
        "an article of the cancelled stream ran"
    );
    drop(tx);
    server.stop().await.unwrap();
}
