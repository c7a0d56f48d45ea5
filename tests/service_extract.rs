//! Extract and DescribeSchema against a server in-process, through the generated client.
#![cfg(feature = "server")]

mod harness;

use harness::{TestServer, assert_spans_match, reference_article};
use sitrep::pb;
use tokio_stream::StreamExt;

fn request(article: pb::Article, unit: pb::OffsetUnit) -> pb::ExtractRequest {
    pb::ExtractRequest {
        article: Some(article),
        options: Some(pb::ExtractOptions {
            offset_unit: unit as i32,
            ..Default::default()
        }),
    }
}

#[tokio::test]
async fn events_in_text_order_then_a_summary_that_counts_them() {
    let server = TestServer::default().await;
    let mut client = server.client().await;
    let article = reference_article();
    let mut events = client
        .extract(request(article.clone(), pb::OffsetUnit::Unspecified))
        .await
        .unwrap();
    let mut received = Vec::new();
    while let Some(event) = events.next().await {
        received.push(event.unwrap());
    }
    let summary = events.summary().expect("a summary ends the stream").clone();

    let starts: Vec<u32> = received
        .iter()
        .map(|e| e.trigger.as_ref().unwrap().start)
        .collect();
    assert!(starts.is_sorted(), "triggers out of text order: {starts:?}");
    assert_eq!(summary.event_count as usize, received.len());
    for count in &summary.event_counts {
        let streamed = received.iter().filter(|e| e.r#type == count.r#type).count();
        assert_eq!(count.count as usize, streamed, "type {}", count.r#type);
    }
    assert_eq!(
        summary.event_counts.iter().map(|c| c.count).sum::<u32>(),
        summary.event_count
    );
    assert_eq!(summary.char_count as usize, article.text.chars().count());
    assert_eq!(summary.engine_version, sitrep::engine::ENGINE_VERSION);
    assert_eq!(summary.lexicon_version, harness::engine().lexicon_version());
    assert!(summary.processing_time.is_some());
    for event in &received {
        assert!(!event.id.is_empty());
        assert!(
            (0.0..=1.0).contains(&event.confidence),
            "confidence {}",
            event.confidence
        );
        let detail_type = match event.detail {
            Some(pb::event::Detail::Talks(_)) => pb::EventType::Talks,
            Some(pb::event::Detail::Strike(_)) => pb::EventType::Strike,
            Some(pb::event::Detail::Statement(_)) => pb::EventType::Statement,
            Some(pb::event::Detail::Proposal(_)) => pb::EventType::Proposal,
            None => pb::EventType::Unspecified,
        };
        assert_eq!(
            event.r#type, detail_type as i32,
            "event {} type agrees with its detail",
            event.id
        );
    }
    server.stop().await.unwrap();
}

#[tokio::test]
async fn the_reference_article_yields_every_event_type() {
    let server = TestServer::default().await;
    let mut events = server
        .client()
        .await
        .extract(reference_article())
        .await
        .unwrap();
    while let Some(event) = events.next().await {
        event.unwrap();
    }
    let mut types: Vec<i32> = events
        .summary()
        .unwrap()
        .event_counts
        .iter()
        .map(|c| c.r#type)
        .collect();
    types.sort();
    let all = [
        pb::EventType::Talks,
        pb::EventType::Strike,
        pb::EventType::Statement,
        pb::EventType::Proposal,
    ];
    assert_eq!(types, all.map(|t| t as i32));
    server.stop().await.unwrap();
}

#[tokio::test]
async fn span_text_is_the_article_slice_in_every_offset_unit() {
    let server = TestServer::default().await;
    let mut client = server.client().await;
    let article = reference_article();
    let mut by_unit = Vec::new();
    for unit in [
        pb::OffsetUnit::Utf8Byte,
        pb::OffsetUnit::Utf16CodeUnit,
        pb::OffsetUnit::CodePoint,
    ] {
        let events: Vec<pb::Event> = client
            .extract(request(article.clone(), unit))
            .await
            .unwrap()
            .map(Result::unwrap)
            .collect()
            .await;
        assert_spans_match(&article.text, &events, unit);
        by_unit.push(events);
    }
    // The same events whatever the unit: only offsets differ.
    let ids = |events: &[pb::Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&by_unit[0]), ids(&by_unit[1]));
    assert_eq!(ids(&by_unit[0]), ids(&by_unit[2]));
    server.stop().await.unwrap();
}

async fn all_events(
    client: &mut sitrep::client::Client,
    request: pb::ExtractRequest,
) -> Vec<pb::Event> {
    client
        .extract(request)
        .await
        .unwrap()
        .map(Result::unwrap)
        .collect()
        .await
}

#[tokio::test]
async fn ids_are_deterministic_and_filters_apply() {
    let server = TestServer::default().await;
    let mut client = server.client().await;
    let article = reference_article();
    let first = all_events(&mut client, article.clone().into()).await;
    let second = all_events(&mut client, article.clone().into()).await;
    assert_eq!(first, second);

    let strikes_only = pb::ExtractRequest {
        article: Some(article.clone()),
        options: Some(pb::ExtractOptions {
            types: vec![pb::EventType::Strike as i32],
            ..Default::default()
        }),
    };
    let strikes = all_events(&mut client, strikes_only).await;
    assert!(
        strikes
            .iter()
            .all(|e| e.r#type == pb::EventType::Strike as i32)
    );
    assert_eq!(
        strikes.len(),
        first
            .iter()
            .filter(|e| e.r#type == pb::EventType::Strike as i32)
            .count()
    );

    let confident = pb::ExtractRequest {
        article: Some(article),
        options: Some(pb::ExtractOptions {
            min_confidence: 0.8,
            ..Default::default()
        }),
    };
    let kept = all_events(&mut client, confident).await;
    assert!(kept.iter().all(|e| e.confidence >= 0.8));
    assert_eq!(
        kept.len(),
        first.iter().filter(|e| e.confidence >= 0.8).count()
    );
    server.stop().await.unwrap();
}

#[tokio::test]
async fn blank_text_is_not_an_error() {
    let server = TestServer::default().await;
    let mut client = server.client().await;
    for text in ["", "  \n\t "] {
        let article = pb::Article {
            id: "blank".into(),
            text: text.into(),
            ..Default::default()
        };
        let mut events = client.extract(article).await.unwrap();
        assert!(events.next().await.is_none());
        let summary = events.summary().unwrap();
        assert_eq!((summary.event_count, summary.sentence_count), (0, 0));
    }
    server.stop().await.unwrap();
}

#[tokio::test]
async fn describe_schema_lists_types_roles_enums_and_versions() {
    let server = TestServer::default().await;
    let schema = server.client().await.describe_schema().await.unwrap();
    assert_eq!(schema.api_version, "sitrep.v1");
    assert_eq!(schema.engine_version, sitrep::engine::ENGINE_VERSION);
    let names: Vec<&str> = schema.event_types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["talks", "strike", "statement", "proposal"]);
    let proposal = &schema.event_types[3];
    assert_eq!(
        proposal.roles,
        [
            "proposers",
            "content",
            "content_span",
            "kind",
            "duration_days",
            "responses"
        ]
    );
    assert_eq!(schema.statuses.len(), 5);
    assert_eq!(schema.stances.len(), 4);
    assert_eq!(schema.proposal_kinds.len(), 4);
    assert_eq!(schema.actor_kinds.len(), 6);
    assert_eq!(schema.max_article_bytes, 1 << 20);
    server.stop().await.unwrap();
}
