//! SIGTERM to the real `sitrep-server` binary during many in-flight calls: each call either
//! completes (every article with its summary) or fails with UNAVAILABLE; none ends silently
//! truncated, and the process exits 0 within the grace period.
#![cfg(feature = "server")]

mod harness;

use std::process::Stdio;
use std::time::{Duration, Instant};

use sitrep::client::Client;
use sitrep::pb;
use sitrep::pb::extract_response::Result as Answer;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::{mpsc, oneshot};
use tokio_stream::StreamExt;
use tonic::Code;

const GRACE: Duration = Duration::from_secs(3);
/// What the process may take beyond the grace period: the final flush (1 s), the extraction
/// still on a worker, and a slow CI machine.
const SLACK: Duration = Duration::from_secs(15);
/// Articles per finite stream.
const ARTICLES: usize = 4;

/// How a call ended.
#[derive(Debug, PartialEq)]
enum End {
    /// The response stream ended cleanly after this many summaries.
    Complete(usize),
    /// It ended with this status.
    Failed(Code, String),
}

/// Starts `sitrep-server` on a free loopback port; its address, from its JSON log.
async fn start_server() -> (tokio::process::Child, std::net::SocketAddr) {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_sitrep-server"))
        .args(["--listen", "127.0.0.1:0", "--log-format", "json"])
        .args(["--shutdown-grace", &format!("{}s", GRACE.as_secs())])
        .args(["--concurrency", "2", "--max-queued", "1000"])
        .env("RUST_LOG", "info")
        .env("OTEL_SDK_DISABLED", "true")
        .env_remove("SITREP_TOKENS_FILE")
        .env_remove("SITREP_TLS_CERT")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let (addr_tx, addr_rx) = oneshot::channel();
    tokio::spawn(async move {
        let mut addr_tx = Some(addr_tx);
        // Keep reading to the end so the server never blocks on a full pipe.
        while let Ok(Some(line)) = lines.next_line().await {
            let Ok(log) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            let fields = &log["fields"];
            if fields["message"] == "serving sitrep.v1.EventExtractor"
                && let (Some(tx), Some(addr)) = (addr_tx.take(), fields["addr"].as_str())
            {
                let _ = tx.send(addr.parse().unwrap());
            }
        }
    });
    let addr = tokio::time::timeout(Duration::from_secs(120), addr_rx)
        .await
        .expect("the server logs its address")
        .expect("the server starts");
    (child, addr)
}

/// A callback that says once, on `first`, that a call is in flight.
fn signal_once(first: mpsc::UnboundedSender<()>) -> impl FnMut() {
    let mut first = Some(first);
    move || {
        if let Some(tx) = first.take() {
            let _ = tx.send(());
        }
    }
}

/// Reads an ExtractStream call to its end, checking each summary against the events before it;
/// says once (on `first`) that the call is in flight.
async fn read_stream(
    mut client: Client,
    requests: impl tokio_stream::Stream<Item = pb::ExtractRequest> + Send + 'static,
    first: mpsc::UnboundedSender<()>,
) -> End {
    let mut signal = signal_once(first);
    let mut responses = match client.extract_many(requests).await {
        Ok(responses) => responses,
        Err(status) => {
            signal();
            return End::Failed(status.code(), status.message().into());
        }
    };
    let (mut events, mut summaries) = (0, 0);
    loop {
        let response = responses.next().await;
        signal();
        match response {
            Some(Ok(response)) => match response.result {
                Some(Answer::Event(_)) => events += 1,
                Some(Answer::Summary(summary)) => {
                    assert_eq!(summary.event_count as usize, events, "an article cut short");
                    events = 0;
                    summaries += 1;
                }
                other => panic!("unexpected answer {other:?}"),
            },
            Some(Err(status)) => return End::Failed(status.code(), status.message().into()),
            None => {
                assert_eq!(events, 0, "events without their summary, then a clean end");
                return End::Complete(summaries);
            }
        }
    }
}

/// Reads an Extract call to its end.
async fn read_extract(
    mut client: Client,
    article: pb::Article,
    first: mpsc::UnboundedSender<()>,
) -> End {
    let mut signal = signal_once(first);
    let mut events = match client.extract(article).await {
        Ok(events) => events,
        Err(status) => {
            signal();
            return End::Failed(status.code(), status.message().into());
        }
    };
    let mut count = 0;
    loop {
        let event = events.next().await;
        signal();
        match event {
            Some(Ok(_)) => count += 1,
            Some(Err(status)) => return End::Failed(status.code(), status.message().into()),
            None => {
                let summary = events.summary().expect("a clean end carries the summary");
                assert_eq!(summary.event_count as usize, count);
                return End::Complete(1);
            }
        }
    }
}

#[tokio::test]
async fn sigterm_during_many_streams_completes_or_fails_each_with_unavailable_then_exits_0() {
    let (mut child, addr) = start_server().await;
    let client = Client::connect(format!("http://{addr}")).await.unwrap();
    let reference = harness::reference_article();
    let short = pb::Article {
        id: "short".into(),
        text: "Ukraine and US officials started talks in Riyadh on Sunday.".into(),
        published_date: "2025-03-23".into(),
        ..Default::default()
    };

    let (first_tx, mut first_rx) = mpsc::unbounded_channel();
    let mut finite = Vec::new();
    for s in 0..12 {
        let requests: Vec<pb::ExtractRequest> = (0..ARTICLES)
            .map(|a| {
                let mut article = reference.clone();
                article.id = format!("s{s}-a{a}");
                article.into()
            })
            .collect();
        finite.push(tokio::spawn(read_stream(
            client.clone(),
            tokio_stream::iter(requests),
            first_tx.clone(),
        )));
    }
    // Streams that never end by themselves: the client keeps its side open.
    let mut endless = Vec::new();
    for _ in 0..4 {
        let requests = tokio_stream::iter([pb::ExtractRequest::from(short.clone())])
            .chain(tokio_stream::pending());
        endless.push(tokio::spawn(read_stream(
            client.clone(),
            requests,
            first_tx.clone(),
        )));
    }
    let mut single = Vec::new();
    for _ in 0..8 {
        single.push(tokio::spawn(read_extract(
            client.clone(),
            reference.clone(),
            first_tx.clone(),
        )));
    }
    drop(first_tx);
    // Every call is in flight (has answered something) before the signal.
    for _ in 0..(finite.len() + endless.len() + single.len()) {
        tokio::time::timeout(Duration::from_secs(300), first_rx.recv())
            .await
            .expect("every call answers")
            .unwrap();
    }

    let pid = child.id().unwrap().to_string();
    let signalled = Instant::now();
    let kill = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(kill.success());

    let unavailable = |end: &End| matches!(end, End::Failed(Code::Unavailable, _));
    for call in finite {
        let end = call.await.unwrap();
        assert!(
            end == End::Complete(ARTICLES) || unavailable(&end),
            "a stream ended {end:?}"
        );
    }
    for call in single {
        let end = call.await.unwrap();
        assert!(
            end == End::Complete(1) || unavailable(&end),
            "a call ended {end:?}"
        );
    }
    for call in endless {
        match call.await.unwrap() {
            End::Failed(Code::Unavailable, message) => assert_eq!(
                message,
                "the server is shutting down and its grace period is over before this call \
                 finished; retry on another server"
            ),
            end => panic!("an endless stream ended {end:?}"),
        }
    }

    let status = tokio::time::timeout(GRACE + SLACK, child.wait())
        .await
        .expect("the server exits after the grace period")
        .unwrap();
    assert!(status.success(), "exit status {status}");
    let took = signalled.elapsed();
    assert!(
        took >= GRACE,
        "the endless streams got their grace: {took:?}"
    );
    assert!(took < GRACE + SLACK, "{took:?}");
    // Nobody is listening any more.
    assert!(Client::connect(format!("http://{addr}")).await.is_err());
}
