//! `--pretty`: a report for a person, each event with its arguments and its sentence.

use std::io::{self, Write};

use sitrep::pb;

use crate::ArticleResult;

/// How a report shows the trigger in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Bold and coloured, for a terminal.
    Color,
    /// Between »guillemets«, for files and pipes.
    Plain,
}

/// Writes the report of one article; `unit` is the unit the span offsets count in.
pub fn write(
    out: &mut impl Write,
    result: &ArticleResult,
    style: Style,
    unit: pb::OffsetUnit,
) -> io::Result<()> {
    if let Some(error) = &result.error {
        return writeln!(out, "== {}: error: {error}\n", result.id);
    }
    let n = result.events.len();
    writeln!(
        out,
        "== {}: {n} event{}",
        result.id,
        if n == 1 { "" } else { "s" }
    )?;
    for (i, event) in result.events.iter().enumerate() {
        writeln!(
            out,
            "\n[{}] {} {}  confidence {:.2}  CAMEO {}  PLOVER {}",
            i + 1,
            name(
                pb::EventType::try_from(event.r#type).map(|t| t.as_str_name()),
                "EVENT_TYPE_"
            ),
            name(
                pb::EventStatus::try_from(event.status).map(|s| s.as_str_name()),
                "EVENT_STATUS_"
            ),
            event.confidence,
            or_dash(&event.cameo_code),
            or_dash(&event.plover_type),
        )?;
        for (label, value) in arguments(event) {
            writeln!(out, "    {label:<14}{value}")?;
        }
        if let (Some(sentence), Some(trigger)) = (&event.sentence, &event.trigger) {
            writeln!(
                out,
                "    {:<14}{}",
                "sentence",
                highlight(sentence, trigger, style, unit)
            )?;
        }
    }
    writeln!(out)
}

fn name<E>(value: Result<&'static str, E>, prefix: &str) -> String {
    value.map_or_else(
        |_| "?".to_string(),
        |v| v.trim_start_matches(prefix).to_string(),
    )
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "-" } else { s }
}

/// The sentence with the trigger marked.
fn highlight(
    sentence: &pb::Span,
    trigger: &pb::Span,
    style: Style,
    unit: pb::OffsetUnit,
) -> String {
    let text = sentence.text.replace(['\n', '\r'], " ");
    let at = |offset: u32| byte_index(&text, offset.saturating_sub(sentence.start), unit);
    let (start, end) = (at(trigger.start), at(trigger.end));
    if trigger.start < sentence.start || start >= end {
        return text;
    }
    let (open, close) = match style {
        Style::Color => ("\x1b[1;33m", "\x1b[0m"),
        Style::Plain => ("»", "«"),
    };
    format!(
        "{}{open}{}{close}{}",
        &text[..start],
        &text[start..end],
        &text[end..]
    )
}

/// The byte index in `text` of an offset counted in `unit`.
fn byte_index(text: &str, offset: u32, unit: pb::OffsetUnit) -> usize {
    let width = |c: char| match unit {
        pb::OffsetUnit::Unspecified | pb::OffsetUnit::Utf8Byte => c.len_utf8(),
        pb::OffsetUnit::Utf16CodeUnit => c.len_utf16(),
        pb::OffsetUnit::CodePoint => 1,
    };
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= offset as usize {
            return i;
        }
        units += width(c);
    }
    text.len()
}

/// The event's arguments as (label, value) lines, leaving out what is not known.
fn arguments(event: &pb::Event) -> Vec<(&'static str, String)> {
    let mut lines = Vec::new();
    let mut push = |label: &'static str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            lines.push((label, value));
        }
    };
    push("trigger", event.trigger.as_ref().map(span));
    push("time", event.time.as_ref().map(time));
    push("place", event.place.as_ref().map(place));
    push("reported by", event.reported_by.as_ref().map(actor));
    use pb::event::Detail;
    match &event.detail {
        Some(Detail::Talks(t)) => {
            push("participants", Some(actors(&t.participants)));
            push("host", t.host.as_ref().map(actor));
            push("mediator", t.mediator.as_ref().map(actor));
            push("topics", Some(t.topics.join("; ")));
            push("level", Some(t.level.clone()));
        }
        Some(Detail::Strike(s)) => {
            push("attacker", s.attacker.as_ref().map(actor));
            push(
                "target",
                s.target
                    .as_ref()
                    .and_then(|t| t.target.as_ref())
                    .map(|t| match t {
                        pb::target::Target::Actor(a) => actor(a),
                        pb::target::Target::Place(p) => place(p),
                    }),
            );
            let weapon = pb::Weapon::try_from(s.weapon)
                .ok()
                .filter(|w| *w != pb::Weapon::Unspecified);
            push(
                "weapon",
                weapon.map(|w| name(Ok::<_, ()>(w.as_str_name()), "WEAPON_")),
            );
            if let Some(c) = &s.casualties {
                push("killed", c.killed.map(|n| n.to_string()));
                push("injured", c.injured.map(|n| n.to_string()));
                push("victims", Some(actors(&c.victims)));
            }
        }
        Some(Detail::Statement(s)) => {
            push("speaker", s.speaker.as_ref().map(actor));
            push(
                "quote",
                (!s.quote.is_empty()).then(|| format!("“{}”", s.quote)),
            );
            push("content", Some(s.content.clone()));
            push(
                "speech",
                Some(if s.direct { "direct" } else { "reported" }.to_string()),
            );
            push("channel", s.channel.as_ref().map(actor));
        }
        Some(Detail::Proposal(p)) => {
            push("proposers", Some(actors(&p.proposers)));
            push(
                "kind",
                pb::ProposalKind::try_from(p.kind)
                    .ok()
                    .map(|k| name(Ok::<_, ()>(k.as_str_name()), "PROPOSAL_KIND_")),
            );
            push("content", Some(p.content.clone()));
            push("duration", p.duration_days.map(|d| format!("{d} days")));
            for r in &p.responses {
                let stance = name(
                    pb::Stance::try_from(r.stance).map(|s| s.as_str_name()),
                    "STANCE_",
                );
                let by = r.actor.as_ref().map(actor).unwrap_or_default();
                push("response", Some(format!("{stance} by {by}")));
            }
        }
        None => {}
    }
    for mention in &event.mentions {
        push("also", Some(span(mention)));
    }
    lines
}

fn span(s: &pb::Span) -> String {
    format!("“{}” [{}..{})", s.text, s.start, s.end)
}

fn actor(a: &pb::Actor) -> String {
    let kind = name(
        pb::ActorKind::try_from(a.kind).map(|k| k.as_str_name()),
        "ACTOR_KIND_",
    );
    let mut about: Vec<&str> = vec![&kind];
    about.extend(
        [a.country.as_str(), a.title.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty()),
    );
    let shown = if a.canonical.is_empty() || a.canonical == a.name {
        a.name.clone()
    } else {
        format!("{} → {}", a.name, a.canonical)
    };
    format!("{shown} ({})", about.join(", "))
}

fn actors(list: &[pb::Actor]) -> String {
    list.iter().map(actor).collect::<Vec<_>>().join("; ")
}

fn place(p: &pb::Place) -> String {
    let shown = if p.canonical.is_empty() || p.canonical == p.name {
        p.name.clone()
    } else {
        format!("{} → {}", p.name, p.canonical)
    };
    if p.country.is_empty() {
        shown
    } else {
        format!("{shown} ({})", p.country)
    }
}

fn time(t: &pb::TimeRef) -> String {
    let precision = name(
        pb::Precision::try_from(t.precision).map(|p| p.as_str_name()),
        "PRECISION_",
    );
    if t.date.is_empty() {
        format!("{} ({precision})", t.text)
    } else {
        format!("{} → {} ({precision})", t.text, t.date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_in_each_unit() {
        // "é" is 2 bytes, 1 UTF-16 unit, 1 code point; the sentence starts at offset 10.
        let sentence = |start| pb::Span {
            start,
            end: start + 20,
            text: "é talks".into(),
        };
        for (unit, start) in [
            (pb::OffsetUnit::Utf8Byte, 13),
            (pb::OffsetUnit::Utf16CodeUnit, 12),
            (pb::OffsetUnit::CodePoint, 12),
        ] {
            let trigger = pb::Span {
                start,
                end: start + 5,
                text: "talks".into(),
            };
            assert_eq!(
                highlight(&sentence(10), &trigger, Style::Plain, unit),
                "é »talks«",
                "{unit:?}"
            );
        }
    }
}
