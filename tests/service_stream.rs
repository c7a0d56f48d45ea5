//! ExtractStream, limits and their messages, deadlines, cancellation and concurrency.
#![cfg(feature = "server")]

mod harness;

use std::time::Duration;

use harness::{TestServer, reference_article};
use sitrep::pb;
use sitrep::pb::extract_response::Result as Answer;
use sitrep::server::Config;
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::UnboundedReceiverStream;
use tonic::Code;

fn article(id: &str, text: &str, published_date: &str) -> pb::ExtractRequest {
    pb::Article {
        id: id.into(),
        text: text.into(),
        published_date: published_date.into(),
        ..Default::default()
    }
    .into()
}

/// The error status of an Extract call for `request`.
async fn extract_error(server: &TestServer, request: pb::ExtractRequest) -> tonic::Status {
    match server.client().await.extract(request).await {
        Err(status) => status,
        Ok(mut events) => loop {
            match events.next().await {
                Some(Err(status)) => break status,
                Some(Ok(_)) => {}
                None => panic!("the call succeeded"),
            }
        },
    }
}

#[tokio::test]
async fn a_bad_article_gets_an_error_in_band_and_the_stream_goes_on() {
    let server = TestServer::default().await;
    let mut client = server.client().await;
    let reference = reference_article();
    let requests = vec![
        pb::ExtractRequest::from(reference.clone()),
        article("bad-date", "Talks began.", "2025-02-30"),
        article("too-large", &"x".repeat(3 << 20), ""),
        pb::ExtractRequest::default(),
        article("blank", " ", "2025-03-23"),
        pb::ExtractRequest::from(reference.clone()),
    ];
    let responses: Vec<pb::ExtractResponse> = client
        .extract_many(tokio_stream::iter(requests))
        .await
        .unwrap()
        .map(Result::unwrap)
        .collect()
        .await;

    // Group the answers by article, in order: each ends with a summary or is one error.
    let mut answers: Vec<(String, usize, Option<pb::Summary>, Option<pb::ArticleError>)> =
        Vec::new();
    let mut events = 0;
    for response in responses {
        match response.result.unwrap() {
            Answer::Event(_) => events += 1,
            Answer::Summary(s) => answers.push((
                response.article_id,
                std::mem::take(&mut events),
                Some(s),
                None,
            )),
            Answer::Error(e) => answers.push((
                response.article_id,
                std::mem::take(&mut events),
                None,
                Some(e),
            )),
        }
    }
    let ids: Vec<&str> = answers.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(
        ids,
        [
            reference.id.as_str(),
            "bad-date",
            "too-large",
            "",
            "blank",
            reference.id.as_str()
        ]
    );
    let error = |i: usize| answers[i].3.clone().expect("an error");
    assert_eq!(
        error(1),
        pb::ArticleError {
            field: "article.published_date".into(),
            message: "article.published_date \"2025-02-30\" is not a calendar date in the form YYYY-MM-DD".into(),
        }
    );
    assert_eq!(
        error(2).message,
        "article.text is 3145728 bytes; the limit is 1048576"
    );
    assert_eq!(error(3).message, "article is missing");
    for i in [0, 4, 5] {
        let (_, events, summary, _) = &answers[i];
        assert_eq!(
            summary.as_ref().expect("a summary").event_count as usize,
            *events
        );
    }
    assert_eq!(
        answers[0].1, answers[5].1,
        "the same article gives the same events"
    );
    server.stop().await.unwrap();
}

#[tokio::test]
async fn each_limit_names_the_field_and_the_limit() {
    let server = TestServer::default().await;
    let status = extract_error(&server, article("big", &"x".repeat(3 << 20), "")).await;
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(
        status.message(),
        "article.text is 3145728 bytes; the limit is 1048576"
    );

    let with_options = |options: pb::ExtractOptions| pb::ExtractRequest {
        article: Some(pb::Article {
            id: "a".into(),
            text: "Talks.".into(),
            ..Default::default()
        }),
        options: Some(options),
    };
    let cases = [
        (
            with_options(pb::ExtractOptions {
                min_confidence: 1.5,
                ..Default::default()
            }),
            "options.min_confidence is 1.5; it must be between 0 and 1",
        ),
        (
            with_options(pb::ExtractOptions {
                offset_unit: 9,
                ..Default::default()
            }),
            "options.offset_unit is 9; expected a value of sitrep.v1.OffsetUnit",
        ),
        (
            with_options(pb::ExtractOptions {
                types: vec![2, 0],
                ..Default::default()
            }),
            "options.types[1] is EVENT_TYPE_UNSPECIFIED; expected one of EVENT_TYPE_TALKS, EVENT_TYPE_STRIKE, EVENT_TYPE_STATEMENT, EVENT_TYPE_PROPOSAL",
        ),
        (pb::ExtractRequest::default(), "article is missing"),
        (
            pb::Article {
                id: "a".into(),
                text: "x".into(),
                language: "fr".into(),
                ..Default::default()
            }
            .into(),
            "article.language is \"fr\"; only English (\"en\") is supported",
        ),
    ];
    for (request, message) in cases {
        let status = extract_error(&server, request).await;
        assert_eq!(
            (status.code(), status.message()),
            (Code::InvalidArgument, message)
        );
    }
    server.stop().await.unwrap();

    let small = TestServer::start(Config {
        max_article_bytes: 100,
        max_message_bytes: 1000,
        ..Config::default()
    })
    .await;
    let status = extract_error(&small, article("a", &"y".repeat(101), "")).await;
    assert_eq!(
        status.message(),
        "article.text is 101 bytes; the limit is 100"
    );
    // A message over the message limit never reaches the service: the transport refuses it.
    let status = extract_error(&small, article("a", &"y".repeat(2000), "")).await;
    assert_eq!(status.code(), Code::OutOfRange);
    assert!(status.message().contains("1000"), "{}", status.message());
    small.stop().await.unwrap();
}

#[tokio::test]
async fn a_stream_ends_with_deadline_exceeded_when_its_deadline_passes() {
    let server = TestServer::default().await;
    let mut client = server
        .client()
        .await
        .with_timeout(Duration::from_millis(500));
    let (tx, rx) = mpsc::unbounded_channel();
    tx.send(article(
        "first",
        "Talks began in Riyadh on Sunday.",
        "2025-03-23",
    ))
    .unwrap();
    let mut responses = client
        .extract_many(UnboundedReceiverStream::new(rx))
        .await
        .unwrap();
    // The first article is answered; then the client sends nothing more and keeps the stream
    // open, until the deadline ends it.
    loop {
        let response = responses.next().await.unwrap().unwrap();
        if matches!(response.result, Some(Answer::Summary(_))) {
            break;
        }
    }
    let status = responses.next().await.unwrap().unwrap_err();
    assert_eq!(status.code(), Code::DeadlineExceeded);
    assert_eq!(
        status.message(),
        "the call's deadline (grpc-timeout 500ms) passed before its work was done"
    );
    drop(tx);
    server.stop().await.unwrap();
}

#[tokio::test]
async fn work_stops_when_the_client_goes_away() {
    let server = TestServer::default().await;
    let mut calls = server.calls.clone();
    let mut client = server.client().await;
    let (tx, rx) = mpsc::unbounded_channel();
    tx.send(article(
        "first",
        "Talks began in Riyadh on Sunday.",
        "2025-03-23",
    ))
    .unwrap();
    let mut responses = client
        .extract_many(UnboundedReceiverStream::new(rx))
        .await
        .unwrap();
    while !matches!(
        responses.next().await.unwrap().unwrap().result,
        Some(Answer::Summary(_))
    ) {}
    assert_eq!(*calls.borrow(), 1, "the stream is still open");

    // The client drops its side, with its request stream still open: the server must notice and
    // stop the call rather than wait for more articles.
    drop(responses);
    tokio::time::timeout(Duration::from_secs(20), calls.wait_for(|&n| n == 0))
        .await
        .expect("the call stops")
        .unwrap();
    drop(tx);
    server.stop().await.unwrap();
}

#[tokio::test]
async fn calls_beyond_the_concurrency_limit_wait_their_turn() {
    let server = TestServer::start(Config {
        concurrency: 1,
        ..Config::default()
    })
    .await;
    let client = server.client().await;
    let article = reference_article();
    let calls = (0..6).map(|_| {
        let mut client = client.clone();
        let article = article.clone();
        tokio::spawn(async move {
            let mut events = client.extract(article).await?;
            while let Some(event) = events.next().await {
                event?;
            }
            Ok::<_, tonic::Status>(events.summary().cloned())
        })
    });
    for call in calls.collect::<Vec<_>>() {
        assert!(call.await.unwrap().unwrap().is_some());
    }
    server.stop().await.unwrap();
}
