//! Soak: many concurrent streams of good and bad articles through the server on loopback for a
//! while: no unexpected error, every article answered in order, and resident memory flat after
//! warm-up. `soak_briefly` runs in CI (20 s); `soak_long` is the same for
//! `SITREP_SOAK_SECS` seconds (default 600):
//!
//! ```sh
//! SITREP_SOAK_SECS=1800 cargo test --release --test safety_soak -- --ignored --nocapture
//! ```
#![cfg(feature = "server")]

mod harness;

use std::time::{Duration, Instant};

use harness::TestServer;
use sitrep::pb;
use sitrep::pb::extract_response::Result as Answer;
use sitrep::server::Config;
use tokio_stream::StreamExt;

/// Concurrent ExtractStream calls.
const STREAMS: usize = 24;

/// What each article must get back.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    Summary,
    Error(&'static str),
}

/// The rotation of articles every stream sends, and what each must get.
fn articles() -> Vec<(pb::Article, Expect)> {
    let article = |id: &str, text: String, date: &str| pb::Article {
        id: id.into(),
        text,
        published_date: date.into(),
        ..Default::default()
    };
    let talks = "Ukraine and US officials started talks in Riyadh on Sunday.";
    vec![
        (harness::reference_article(), Expect::Summary),
        (
            article("short", talks.into(), "2025-03-23"),
            Expect::Summary,
        ),
        (
            article("bad-date", talks.into(), "2025-02-30"),
            Expect::Error("article.published_date"),
        ),
        (
            article("too-large", "y".repeat((1 << 20) + 1), ""),
            Expect::Error("article.text"),
        ),
        (article("blank", " \n ".into(), ""), Expect::Summary),
        (
            article(
                "odd",
                format!("«{talks}» 🇺🇦 (((\"Кyiv\u{301}\0 ДРОН {}", "\"".repeat(300)),
                "2025-03-23",
            ),
            Expect::Summary,
        ),
        (
            pb::Article {
                language: "fr".into(),
                ..article("french", talks.into(), "")
            },
            Expect::Error("article.language"),
        ),
    ]
}

/// Resident memory of this process, in KiB.
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/self/status")
}

/// One stream of every article in rotation, starting at `offset`; the number answered.
async fn one_stream(client: &mut sitrep::client::Client, offset: usize) -> usize {
    let rotation = articles();
    let sent: Vec<(pb::Article, Expect)> = (0..rotation.len())
        .map(|i| rotation[(i + offset) % rotation.len()].clone())
        .collect();
    let requests: Vec<pb::ExtractRequest> = sent.iter().map(|(a, _)| a.clone().into()).collect();
    let mut responses = client
        .extract_many(tokio_stream::iter(requests))
        .await
        .expect("the call starts");
    let mut answered = 0;
    let mut events = 0;
    while let Some(response) = responses.next().await {
        let response = response.expect("no unexpected error");
        let (article, expect) = &sent[answered];
        assert_eq!(response.article_id, article.id, "answers in request order");
        match (response.result.unwrap(), expect) {
            (Answer::Event(_), Expect::Summary) => events += 1,
            (Answer::Summary(summary), Expect::Summary) => {
                assert_eq!(summary.event_count, events);
                events = 0;
                answered += 1;
            }
            (Answer::Error(error), Expect::Error(field)) => {
                assert_eq!(error.field, *field, "{}", error.message);
                answered += 1;
            }
            (answer, expect) => panic!("{}: {answer:?}, expected {expect:?}", article.id),
        }
    }
    assert_eq!(answered, sent.len(), "every article answered");
    answered
}

async fn soak(duration: Duration) {
    let server = TestServer::start(Config {
        max_queued: STREAMS,
        ..Config::default()
    })
    .await;
    let client = server.client().await.with_timeout(Duration::from_secs(600));
    let started = Instant::now();
    let warm_up = duration / 4;
    let mut warm_rss = None;
    let mut answered = 0;
    let mut round = 0;
    while started.elapsed() < duration {
        let calls: Vec<_> = (0..STREAMS)
            .map(|s| {
                let mut client = client.clone();
                tokio::spawn(async move { one_stream(&mut client, s + round).await })
            })
            .collect();
        for call in calls {
            answered += call.await.expect("no stream panicked");
        }
        round += 1;
        if warm_rss.is_none() && started.elapsed() >= warm_up {
            warm_rss = Some(rss_kib());
        }
    }
    let warm = warm_rss.unwrap_or_else(rss_kib);
    let end = rss_kib();
    eprintln!(
        "soak: {round} rounds, {answered} articles in {:?}; RSS {warm} KiB after warm-up, \
         {end} KiB at the end",
        started.elapsed()
    );
    assert!(round >= 2, "too few rounds to say anything");
    // Flat: the allocator may keep some pages, but no growth with the number of articles.
    assert!(
        end <= warm + warm / 2 + 64 * 1024,
        "RSS grew from {warm} KiB to {end} KiB"
    );
    assert_eq!(*server.calls.borrow(), 0, "no call left running");
    server.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn soak_briefly() {
    soak(Duration::from_secs(20)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "long: run with --ignored, SITREP_SOAK_SECS seconds (default 600)"]
async fn soak_long() {
    let secs = std::env::var("SITREP_SOAK_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    soak(Duration::from_secs(secs)).await;
}
