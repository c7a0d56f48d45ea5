//! Helpers shared by the engine test files: a one-line rendering of an event.

use std::fmt::Write as _;

use sitrep::engine::{Actor, Detail, Event, Target};

pub fn actor_text(a: &Actor) -> String {
    let mut s = a.canonical.clone();
    if let Some(c) = &a.country {
        s.push('/');
        s.push_str(c);
    }
    if let Some(t) = &a.title {
        let _ = write!(s, " ({t})");
    }
    s
}

/// One line per event, every argument that is set.
pub fn render(e: &Event, text: &str) -> String {
    let mut s = format!(
        "{} {} trigger={:?}",
        e.event_type().name(),
        e.status.name(),
        e.trigger.slice(text)
    );
    if !e.mentions.is_empty() {
        let m: Vec<&str> = e.mentions.iter().map(|m| m.slice(text)).collect();
        let _ = write!(s, " mentions={m:?}");
    }
    if let Some(t) = &e.time {
        let _ = write!(
            s,
            " time={:?}={}",
            t.text,
            t.date.map_or("?".into(), |d| d.to_string())
        );
    }
    if let Some(p) = &e.place {
        let _ = write!(s, " place={}", p.canonical);
    }
    if let Some(r) = &e.reported_by {
        let _ = write!(s, " reported_by={}", actor_text(r));
    }
    match &e.detail {
        Detail::Talks(t) => {
            let p: Vec<String> = t.participants.iter().map(actor_text).collect();
            let _ = write!(s, " participants={p:?}");
            if let Some(l) = &t.level {
                let _ = write!(s, " level={l}");
            }
            if let Some(h) = &t.host {
                let _ = write!(s, " host={}", actor_text(h));
            }
            if let Some(m) = &t.mediator {
                let _ = write!(s, " mediator={}", actor_text(m));
            }
            if !t.topics.is_empty() {
                let _ = write!(s, " topics={:?}", t.topics);
            }
        }
        Detail::Strike(k) => {
            if let Some(a) = &k.attacker {
                let _ = write!(s, " attacker={}", actor_text(a));
            }
            match &k.target {
                Some(Target::Actor(a)) => {
                    let _ = write!(s, " target={}", actor_text(a));
                }
                Some(Target::Place(p)) => {
                    let _ = write!(s, " target={}", p.canonical);
                }
                None => {}
            }
            if let Some(w) = k.weapon {
                let _ = write!(s, " weapon={}", w.name());
            }
            if let Some(n) = k.casualties.killed {
                let _ = write!(s, " killed={n}");
            }
            if let Some(n) = k.casualties.injured {
                let _ = write!(s, " injured={n}");
            }
            if !k.casualties.victims.is_empty() {
                let v: Vec<&str> = k
                    .casualties
                    .victims
                    .iter()
                    .map(|a| a.canonical.as_str())
                    .collect();
                let _ = write!(s, " victims={v:?}");
            }
        }
        Detail::Statement(st) => {
            if let Some(a) = &st.speaker {
                let _ = write!(s, " speaker={}", actor_text(a));
            }
            if let Some(q) = &st.quote {
                let _ = write!(s, " quote={q:?}");
            }
            if let Some(c) = &st.content {
                let _ = write!(s, " content={c:?}");
            }
            if let Some(c) = &st.channel {
                let _ = write!(s, " channel={}", c.canonical);
            }
            let _ = write!(s, " direct={}", st.direct);
        }
        Detail::Proposal(p) => {
            let pr: Vec<String> = p.proposers.iter().map(actor_text).collect();
            let _ = write!(s, " proposers={pr:?} kind={}", p.kind.name());
            if let Some(c) = &p.content {
                let _ = write!(s, " content={c:?}");
            }
            if let Some(d) = p.duration_days {
                let _ = write!(s, " duration={d}");
            }
            for r in &p.responses {
                let _ = write!(s, " response={}:{}", actor_text(&r.actor), r.stance.name());
            }
        }
    }
    s
}
