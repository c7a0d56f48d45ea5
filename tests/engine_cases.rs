//! Table-driven event cases: one file per event type under `tests/cases/`. Each case names
//! the pattern it covers, the text (` ¶ ` stands for a paragraph break), and what one event of
//! that type must say; the rendering of every event found is also kept as an insta snapshot,
//! reviewed by hand.

mod common;

use std::fmt::Write as _;

use common::render;
use sitrep::engine::{Actor, Article, Detail, Engine, Event, EventType, Target, parse_date};

struct Case {
    comment: String,
    date: Option<String>,
    text: String,
    expect: String,
}

fn cases(file: &str) -> Vec<Case> {
    let mut out = Vec::new();
    let mut comment = String::new();
    for line in file.lines() {
        if let Some(c) = line.strip_prefix('#') {
            comment = c.trim().to_string();
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.splitn(3, '|').collect();
        assert_eq!(
            parts.len(),
            3,
            "case line needs `date | text | expectations`: {line}"
        );
        let date = parts[0].trim();
        out.push(Case {
            comment: comment.clone(),
            date: (!date.is_empty()).then(|| date.to_string()),
            text: parts[1].trim().replace(" ¶ ", "\n\n"),
            expect: parts[2].trim().to_string(),
        });
    }
    out
}

fn actor_is(a: &Actor, want: &str) -> bool {
    if want.len() == 3 && want.bytes().all(|b| b.is_ascii_uppercase()) {
        return a.country.as_deref() == Some(want);
    }
    let w = want.to_lowercase();
    [&a.canonical, &a.name]
        .iter()
        .any(|n| n.to_lowercase().contains(&w))
}

/// Whether `e` satisfies one `key=value` expectation.
fn satisfies(e: &Event, text: &str, key: &str, value: &str) -> bool {
    let lower = value.to_lowercase();
    match (key, &e.detail) {
        ("status", _) => e.status.name() == value,
        ("trigger", _) => e.trigger.slice(text).eq_ignore_ascii_case(value),
        ("date", _) => e
            .time
            .as_ref()
            .and_then(|t| t.date)
            .is_some_and(|d| d.to_string() == value),
        ("place", _) if value == "none" => e.place.is_none(),
        ("place", _) => e.place.as_ref().is_some_and(|p| {
            p.canonical.to_lowercase().contains(&lower) || p.name.to_lowercase().contains(&lower)
        }),
        ("mentions", _) => e.mentions.len().to_string() == value,
        ("participants", Detail::Talks(t)) => value
            .split(',')
            .all(|w| t.participants.iter().any(|a| actor_is(a, w.trim()))),
        ("absent", Detail::Talks(t)) => !t.participants.iter().any(|a| actor_is(a, value)),
        ("host", Detail::Talks(t)) => t.host.as_ref().is_some_and(|a| actor_is(a, value)),
        ("mediator", Detail::Talks(t)) => t.mediator.as_ref().is_some_and(|a| actor_is(a, value)),
        ("level", Detail::Talks(t)) => t.level.as_deref() == Some(value),
        ("topic", Detail::Talks(t)) => t.topics.iter().any(|x| x.contains(value)),
        ("attacker", Detail::Strike(k)) if value == "none" => k.attacker.is_none(),
        ("attacker", Detail::Strike(k)) => k.attacker.as_ref().is_some_and(|a| actor_is(a, value)),
        ("target", Detail::Strike(k)) if value == "none" => k.target.is_none(),
        ("target", Detail::Strike(k)) => match &k.target {
            Some(Target::Actor(a)) => actor_is(a, value),
            Some(Target::Place(p)) => {
                p.canonical.to_lowercase().contains(&lower)
                    || p.name.to_lowercase().contains(&lower)
            }
            None => false,
        },
        ("weapon", Detail::Strike(k)) => k.weapon.is_some_and(|w| w.name() == value),
        ("killed", Detail::Strike(k)) => {
            k.casualties.killed.map(|n| n.to_string()).as_deref() == Some(value)
        }
        ("injured", Detail::Strike(k)) => {
            k.casualties.injured.map(|n| n.to_string()).as_deref() == Some(value)
        }
        ("victims", Detail::Strike(k)) => k.casualties.victims.iter().any(|a| actor_is(a, value)),
        ("speaker", Detail::Statement(s)) => s.speaker.as_ref().is_some_and(|a| actor_is(a, value)),
        ("title", Detail::Statement(s)) => s
            .speaker
            .as_ref()
            .and_then(|a| a.title.as_deref())
            .is_some_and(|t| t.to_lowercase().contains(&lower)),
        ("quote", Detail::Statement(s)) => s.quote.as_deref().is_some_and(|q| q.starts_with(value)),
        ("content", Detail::Statement(s)) => {
            s.content.as_deref().is_some_and(|c| c.contains(value))
        }
        ("whole", Detail::Statement(s)) => s.content.as_deref() == Some(value),
        ("channel", Detail::Statement(s)) => s.channel.as_ref().is_some_and(|a| actor_is(a, value)),
        ("direct", Detail::Statement(s)) => s.direct.to_string() == value,
        ("proposers", Detail::Proposal(p)) if value == "none" => p.proposers.is_empty(),
        ("proposers", Detail::Proposal(p)) => value
            .split(',')
            .all(|w| p.proposers.iter().any(|a| actor_is(a, w.trim()))),
        ("absent", Detail::Proposal(p)) => !p.proposers.iter().any(|a| actor_is(a, value)),
        ("kind", Detail::Proposal(p)) => p.kind.name() == value,
        ("duration", Detail::Proposal(p)) => {
            p.duration_days.map(|d| d.to_string()).as_deref() == Some(value)
        }
        ("content", Detail::Proposal(p)) => p.content.as_deref().is_some_and(|c| c.contains(value)),
        ("responses", Detail::Proposal(p)) => p.responses.len().to_string() == value,
        ("response", Detail::Proposal(p)) => {
            let (actor, stance) = value.rsplit_once(':').expect("response=actor:STANCE");
            p.responses
                .iter()
                .any(|r| actor_is(&r.actor, actor) && r.stance.name() == stance)
        }
        _ => panic!("unknown expectation {key}={value} for {:?}", e.event_type()),
    }
}

/// Splits "a=b c=d e f=g" into pairs; a value runs until the next ` key=`.
fn expectations(s: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for word in s.split(' ') {
        match word.split_once('=') {
            Some((k, v)) if k.bytes().all(|b| b.is_ascii_lowercase()) => {
                out.push((k.to_string(), v.to_string()))
            }
            _ => {
                let last = out.last_mut().expect("expectations start with key=value");
                last.1.push(' ');
                last.1.push_str(word);
            }
        }
    }
    out
}

fn run(event_type: EventType, file: &str) -> String {
    let engine = Engine::embedded().expect("embedded lexicons load");
    let mut report = String::new();
    let mut failures = Vec::new();
    for case in cases(file) {
        let published = case
            .date
            .as_deref()
            .map(|d| parse_date(d).expect("case date"));
        let extraction = engine.extract(&Article {
            id: "case",
            text: &case.text,
            published,
        });
        let events: Vec<&Event> = extraction
            .events
            .iter()
            .filter(|e| e.event_type() == event_type)
            .collect();
        let _ = writeln!(report, "# {}\n{}", case.comment, case.text);
        for e in &events {
            let _ = writeln!(report, "  {}", render(e, &case.text));
        }
        let ok = if case.expect == "none" {
            events.is_empty()
        } else {
            // `count=N`: the text has exactly N events of this type (its mentions merged).
            let (count, want): (Vec<_>, Vec<_>) = expectations(&case.expect)
                .into_iter()
                .partition(|(k, _)| k == "count");
            count.iter().all(|(_, n)| events.len().to_string() == *n)
                && events
                    .iter()
                    .any(|e| want.iter().all(|(k, v)| satisfies(e, &case.text, k, v)))
        };
        if !ok {
            failures.push(format!(
                "{}: {:?}\n  want {}\n  got {:#?}",
                case.comment,
                case.text,
                case.expect,
                events
                    .iter()
                    .map(|e| render(e, &case.text))
                    .collect::<Vec<_>>()
            ));
        }
        report.push('\n');
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    report
}

#[test]
fn strike_cases() {
    insta::assert_snapshot!(run(EventType::Strike, include_str!("cases/strike.cases")));
}

#[test]
fn talks_cases() {
    insta::assert_snapshot!(run(EventType::Talks, include_str!("cases/talks.cases")));
}

#[test]
fn statement_cases() {
    insta::assert_snapshot!(run(
        EventType::Statement,
        include_str!("cases/statement.cases")
    ));
}

#[test]
fn proposal_cases() {
    insta::assert_snapshot!(run(
        EventType::Proposal,
        include_str!("cases/proposal.cases")
    ));
}
