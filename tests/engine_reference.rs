//! The reference article (`../shared/fixtures/`): its analysis and its events, as insta
//! snapshots, plus the facts a careful reader finds checked one by one.

mod common;

use std::fmt::Write as _;

use sitrep::engine::analysis::EntityKind;
use sitrep::engine::{Article, Engine, parse_date};

const ARTICLE: &str = include_str!("../../shared/fixtures/ukraine-talks-2025-03-23.txt");

/// The dateline and the article without its `date YYYY-MM-DD` header, as clients send it.
fn body() -> (jiff::civil::Date, &'static str) {
    let rest = ARTICLE
        .trim_start()
        .strip_prefix("date ")
        .expect("dated fixture");
    let (date, text) = rest.split_at(10);
    (
        parse_date(date).expect("fixture date"),
        text.strip_prefix(' ').unwrap_or(text),
    )
}

#[test]
fn reference_article_analysis() {
    let engine = Engine::embedded().expect("embedded lexicons load");
    let (date, text) = body();
    let a = engine.analyze(text, Some(date));
    let mut out = String::new();
    let _ = writeln!(out, "sentences: {}", a.sentences.len());
    for e in &a.entities {
        let antecedent = e
            .antecedent
            .map(|i| format!(" -> {:?}", a.entities[i].span.slice(text)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "entity {:?} {:?} canonical={:?} country={:?} title={:?}{antecedent}",
            e.span.slice(text),
            e.kind,
            &*e.canonical,
            e.country.as_deref(),
            e.title.as_deref()
        );
    }
    for n in &a.numbers {
        let _ = writeln!(
            out,
            "number {:?} = {} approximate={}",
            n.span.slice(text),
            n.value,
            n.approximate
        );
    }
    for t in &a.times {
        let _ = writeln!(
            out,
            "time {:?} = {:?} {:?} duration={:?}",
            t.span.slice(text),
            t.date.map(|d| d.to_string()),
            t.precision,
            t.duration_days
        );
    }
    insta::assert_snapshot!(out);

    // The facts a careful reader finds, checked one by one.
    let has = |mention: &str, kind: EntityKind, canonical: &str, country: Option<&str>| {
        a.entities.iter().any(|e| {
            e.span.slice(text) == mention
                && e.kind == kind
                && &*e.canonical == canonical
                && e.country.as_deref() == country
        })
    };
    assert!(has("Ukraine", EntityKind::Country, "Ukraine", Some("UKR")));
    assert!(has(
        "Saudi Arabia",
        EntityKind::Country,
        "Saudi Arabia",
        Some("SAU")
    ));
    assert!(has("Riyadh", EntityKind::City, "Riyadh", Some("SAU")));
    assert!(has(
        "the Ukrainian capital",
        EntityKind::City,
        "Kyiv",
        Some("UKR")
    ));
    assert!(has(
        "Ukrainian Defence Minister Rustem Umerov",
        EntityKind::Person,
        "Rustem Umerov",
        Some("UKR")
    ));
    assert!(has(
        "US special envoy Steve Witkoff",
        EntityKind::Person,
        "Steve Witkoff",
        Some("USA")
    ));
    assert!(has(
        "Russian President Vladimir Putin",
        EntityKind::Person,
        "Vladimir Putin",
        Some("RUS")
    ));
    assert!(has(
        "Kremlin spokesman Dmitry Peskov",
        EntityKind::Person,
        "Dmitry Peskov",
        Some("RUS")
    ));
    assert!(has(
        "Facebook",
        EntityKind::Media,
        "Facebook",
        a.entities
            .iter()
            .find(|e| e.span.slice(text) == "Facebook")
            .and_then(|e| e.country.as_deref())
    ));
    assert!(
        a.entities
            .iter()
            .any(|e| e.span.slice(text) == "Fox News" && e.kind == EntityKind::Media)
    );
    assert!(
        a.entities
            .iter()
            .any(|e| e.span.slice(text) == "Russian state TV" && e.kind == EntityKind::Media)
    );
    assert!(
        a.entities
            .iter()
            .any(|e| e.span.slice(text) == "Peskov" && &*e.canonical == "Dmitry Peskov"),
        "surname resolves"
    );
    let pronoun_targets: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Pronoun)
        .map(|e| &*e.canonical)
        .collect();
    assert_eq!(
        pronoun_targets,
        [
            "Rustem Umerov",
            "Steve Witkoff",
            "Steve Witkoff",
            "Dmitry Peskov"
        ],
        "he/He resolve to the speakers"
    );
    let date_of = |mention: &str| {
        a.times
            .iter()
            .find(|t| t.span.slice(text).starts_with(mention))
            .and_then(|t| t.date)
            .map(|d| d.to_string())
    };
    assert_eq!(date_of("Sunday (Mar 23)").as_deref(), Some("2025-03-23"));
    assert_eq!(date_of("Monday (Mar 24)").as_deref(), Some("2025-03-24"));
    assert_eq!(date_of("Sunday evening").as_deref(), Some("2025-03-23"));
    let number = |mention: &str| {
        a.numbers
            .iter()
            .find(|n| n.span.slice(text) == mention)
            .map(|n| n.value)
    };
    assert_eq!(number("three"), Some(3));
    assert_eq!(number("two"), Some(2));
}

#[test]
fn reference_article_events() {
    let engine = Engine::embedded().expect("embedded lexicons load");
    let (date, text) = body();
    let extraction = engine.extract(&Article {
        id: "ukraine-talks-2025-03-23",
        text,
        published: Some(date),
    });
    let rendered: Vec<String> = extraction
        .events
        .iter()
        .map(|e| common::render(e, text))
        .collect();
    insta::assert_snapshot!(rendered.join("\n"));
}
