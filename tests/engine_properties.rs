//! Properties of the whole engine on arbitrary input: nothing panics, every span lies inside
//! the text on character boundaries, and the output is deterministic.

use std::sync::LazyLock;

use proptest::prelude::*;
use sitrep::engine::{Article, Detail, Engine, Event, Span, Target};

static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::embedded().expect("embedded lexicons load"));

fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} {s:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} not on char boundaries"
    );
}

fn event_spans(e: &Event) -> Vec<(Span, &'static str)> {
    let mut spans = vec![(e.trigger, "trigger"), (e.sentence, "sentence")];
    spans.extend(e.mentions.iter().map(|&m| (m, "mention")));
    spans.extend(e.time.as_ref().map(|t| (t.span, "time")));
    spans.extend(e.place.as_ref().map(|p| (p.span, "place")));
    spans.extend(e.reported_by.as_ref().map(|a| (a.span, "reported_by")));
    match &e.detail {
        Detail::Talks(t) => spans.extend(t.participants.iter().map(|a| (a.span, "participant"))),
        Detail::Strike(s) => {
            spans.extend(s.attacker.as_ref().map(|a| (a.span, "attacker")));
            spans.extend(s.target.as_ref().map(|t| match t {
                Target::Actor(a) => (a.span, "target"),
                Target::Place(p) => (p.span, "target"),
            }));
            spans.extend(s.casualties.victims.iter().map(|a| (a.span, "victim")));
        }
        Detail::Statement(s) => {
            spans.extend(s.speaker.as_ref().map(|a| (a.span, "speaker")));
            spans.extend(s.quote_span.map(|q| (q, "quote")));
            spans.extend(s.content_span.map(|c| (c, "content")));
            spans.extend(s.channel.as_ref().map(|a| (a.span, "channel")));
        }
        Detail::Proposal(p) => {
            spans.extend(p.proposers.iter().map(|a| (a.span, "proposer")));
            spans.extend(p.content_span.map(|c| (c, "content")));
            spans.extend(
                p.responses
                    .iter()
                    .flat_map(|r| [(r.actor.span, "responder"), (r.trigger, "response")]),
            );
        }
    }
    spans
}

/// Text made of news-like pieces, quote marks, scripts and symbols, in any order.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Russian President Vladimir Putin",
        " said",
        " told Fox News",
        "“",
        "”",
        "\"",
        "'",
        "’s",
        " strike on",
        " Kyiv",
        " killed three civilians",
        " talks",
        " with",
        " US officials",
        " on Sunday",
        " (Mar 23)",
        " will hold",
        " rejected the proposal",
        " called for",
        " a 30-day pause",
        ".",
        ",",
        " ",
        "\n\n",
        "\u{00A0}",
        "\u{00AD}",
        "🕊️",
        "e\u{0301}",
        "Київ",
        " U.S.",
        " ALL CAPS TEXT",
        " according to",
        " officials",
        " 2,000",
        " at least",
        " dozens",
        "(",
        ")",
        ":",
        "—",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_are_inside_and_on_boundaries(text in prop_oneof![newsish(), any::<String>()], day in 1u8..=28, month in 1u8..=12) {
        let published = jiff::civil::Date::new(2025, month as i8, day as i8).ok();
        let analysis = ENGINE.analyze(&text, published);
        for s in &analysis.sentences { check_span(&text, s.span, "sentence"); }
        for t in &analysis.tokens { check_span(&text, t.span, "token"); }
        for e in &analysis.entities { check_span(&text, e.span, "entity"); check_span(&text, e.head, "entity head"); }
        for n in &analysis.numbers { check_span(&text, n.span, "number"); }
        for t in &analysis.times { check_span(&text, t.span, "time"); }
        for q in &analysis.quotes { check_span(&text, *q, "quote"); }
        let extraction = ENGINE.extract(&Article { id: "prop", text: &text, published });
        for e in &extraction.events {
            for (s, what) in event_spans(e) { check_span(&text, s, what); }
            prop_assert!(e.sentence.contains(e.trigger));
            prop_assert!((0.0..=1.0).contains(&e.confidence));
        }
        let again = ENGINE.extract(&Article { id: "prop", text: &text, published });
        prop_assert_eq!(&extraction.events, &again.events);
    }
}

#[test]
fn events_come_in_order_of_first_mention_with_stable_ids() {
    let text = "Russia struck Kharkiv on Monday, killing two people. Ukraine and the US started talks in Riyadh. \
                “We want peace,” Zelensky said.";
    let a = ENGINE.extract(&Article {
        id: "a",
        text,
        published: None,
    });
    let starts: Vec<usize> = a.events.iter().map(|e| e.trigger.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    let b = ENGINE.extract(&Article {
        id: "a",
        text,
        published: None,
    });
    let ids =
        |x: &sitrep::engine::Extraction| x.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&a), ids(&b), "same article, same ids");
    let c = ENGINE.extract(&Article {
        id: "another",
        text,
        published: None,
    });
    assert!(
        ids(&a).iter().zip(ids(&c)).all(|(x, y)| *x != y),
        "another article id, other ids"
    );
    assert!(a.events.len() >= 3, "{:#?}", a.events);
}

#[test]
fn evidence_is_the_sentence_or_a_window_around_the_trigger() {
    // A normal sentence is the evidence whole.
    let text = "Russia struck Kharkiv on Monday, killing two people. Talks began.";
    let a = ENGINE.extract(&Article {
        id: "a",
        text,
        published: None,
    });
    let strike = a
        .events
        .iter()
        .find(|e| e.trigger.slice(text) == "struck")
        .expect("strike");
    assert_eq!(
        strike.sentence.slice(text),
        "Russia struck Kharkiv on Monday, killing two people."
    );
    // In 60 KB without a sentence end, each event carries only the words near its trigger.
    let long = "officials held talks with Russia and drones struck Kyiv ".repeat(1_100);
    let b = ENGINE.extract(&Article {
        id: "b",
        text: &long,
        published: None,
    });
    assert!(b.events.len() > 100, "{} events", b.events.len());
    let reach = sitrep::engine::EVIDENCE_WINDOW;
    for e in &b.events {
        assert!(
            e.sentence.contains(e.trigger),
            "{:?} does not contain {:?}",
            e.sentence,
            e.trigger
        );
        assert!(
            e.sentence.len() <= 2 * reach + e.trigger.len() + 64,
            "evidence of {} bytes",
            e.sentence.len()
        );
    }
}
