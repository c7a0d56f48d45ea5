//! Talks: participants, place, time, topics, level, host and mediator.
//!
//! Patterns: "X and Y started talks", "talks between X and Y", "talks with X", "X officials
//! will hold discussions with Y officials on DATE in PLACE", "X met Y", "talks on TOPIC",
//! "talks mediated by X", "a meeting hosted by X", "X will host talks".

use super::cues::WordRole;
use super::doc::{Doc, same_actor};
use super::{Candidate, Pos, Trigger, candidate};
use crate::engine::analysis::EntityKind;
use crate::engine::model::{Actor, Detail, Place, Talks};

/// Builds a talks event from its trigger.
pub(crate) fn build(
    doc: &Doc,
    t: Trigger,
    published: Option<jiff::civil::Date>,
) -> Option<Candidate> {
    let cs = doc.clause_start(t.first);
    let ce = doc.clause_end(t.last);
    // "must meet education requirements", "met the deadline": no meeting.
    if t.entry.pos == Pos::Verb
        && (t.last + 1..(t.last + 6).min(ce))
            .take_while(|&i| {
                !doc.is_punct(i) && !doc.is(i, &["with", "at", "in", "on", "for", "to", "of"])
            })
            .any(|i| doc.is_cue(i, WordRole::NotTalksObject))
    {
        return None;
    }
    let mut participants: Vec<Actor> = left_participants(doc, t, cs);
    if participants.is_empty()
        && t.entry.pos == Pos::Verb
        && let Some(a) = doc
            .subject_before(t.first, cs)
            .map(|(a, _)| a)
            .or_else(|| doc.subject_of_infinitive(t.first, cs))
            // "Anwar Ibrahim, who chairs ASEAN this year, met …": past the set-off clause.
            .or_else(|| {
                super::statement::subject_of(doc, t.first, doc.sentence_tokens(t.first).start)
            })
    {
        participants.push(a);
    }
    let mut place: Option<Place> = None;
    let mut topics: Vec<String> = Vec::new();
    let mut host: Option<Actor> = None;
    let mut mediator: Option<Actor> = None;
    // "Egypt will host talks": the subject of the hosting verb hosts; "a meeting hosted by
    // Turkey" is the noun's (its host comes from "by").
    if t.entry.pos == Pos::Verb && doc.word(t.first).starts_with("host") {
        if doc.is(t.last + 1, &["by"]) {
            return None;
        }
        host = participants.last().cloned();
    }
    let mut i = t.last + 1;
    // "X met Y": the object right after the verb is a participant, past capitalized title
    // words the dictionary does not know ("met Senior Gen. Min Aung Hlaing").
    let object = (i..ce.min(i + 4))
        .take_while(|&k| {
            doc.entity(k).is_some()
                || doc.a.tokens[k].case == crate::engine::analysis::Case::Title
                || doc.raw(k) == "."
        })
        .find(|&k| doc.entity(k).is_some());
    if t.entry.pos == Pos::Verb
        && let Some(k) = object
    {
        add_all(&mut participants, doc.actors_in(k..phrase_end(doc, k, ce)));
    }
    while i < ce {
        let w = doc.word(i);
        match w {
            "with" | "between" | "among" | "involving" => {
                let end = phrase_end(doc, i + 1, ce);
                add_all(&mut participants, doc.actors_in(i + 1..end));
                if (participants.is_empty() || doc.actors_in(i + 1..end).is_empty())
                    && let Some((a, _)) = doc.np_starting_at(i + 1, end)
                {
                    add_all(&mut participants, vec![a]);
                }
                i = end;
                continue;
            }
            // "talks mediated by Qatar", "a meeting hosted by Turkey".
            "mediated" | "brokered" | "facilitated" | "hosted" if doc.is(i + 1, &["by"]) => {
                let end = phrase_end(doc, i + 2, ce);
                let actor = doc
                    .actors_in(i + 2..end)
                    .into_iter()
                    .next()
                    .or_else(|| doc.np_starting_at(i + 2, end).map(|(a, _)| a));
                if w == "hosted" {
                    host = host.or(actor);
                } else {
                    mediator = mediator.or(actor);
                }
                i = end;
                continue;
            }
            // "meeting to discuss a proposal for a ceasefire in Gaza": a place inside what is
            // discussed is not where.
            "in" | "at"
                if place.is_none()
                    && !(t.last + 1..i).any(|k| {
                        doc.is(
                            k,
                            &[
                                "discuss",
                                "discussed",
                                "discussing",
                                "about",
                                "over",
                                "proposal",
                                "plan",
                                "ceasefire",
                                "truce",
                                "deal",
                            ],
                        )
                    }) =>
            {
                if let Some((e, _)) = doc.entity(i + 1) {
                    place = doc.place_of(e);
                }
            }
            // "on the sidelines of the summit" is where, not what.
            "on" | "about" | "over" | "regarding" | "concerning"
                if topics.is_empty()
                    && !doc.has_time(i + 1)
                    && !doc.is(i + 1 + usize::from(doc.is(i + 1, &["the"])), &["sidelines"]) =>
            {
                let end = topic_end(doc, i + 1, ce);
                if end > i + 1 {
                    topics.push(doc.span_of(i + 1, end - 1).slice(doc.text).to_string());
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if place.is_none() {
        for i in cs..t.first {
            // "in Riyadh", "travel to Kuala Lumpur … to meet": a city gone to as well.
            let to_city = doc.is(i, &["to"])
                && doc
                    .entity(i + 1)
                    .is_some_and(|(_, e)| matches!(e.kind, EntityKind::City | EntityKind::Region));
            if (doc.is(i, &["in", "at"]) || to_city)
                && let Some((e, _)) = doc.entity(i + 1)
            {
                place = doc.place_of(e);
            }
        }
    }
    if mediator.is_none() {
        mediator = mediator_in_sentence(doc, t.first);
    }
    // A participant that is only the place ("talks in Saudi Arabia") is not a participant.
    if let Some(p) = &place {
        participants.retain(|a| a.span != p.span);
    }
    // "told reporters at the summit": the press covers talks, it does not take part.
    participants.retain(|a| a.canonical != "journalists");
    let level = t
        .entry
        .level
        .clone()
        .or_else(|| level_before(doc, t.first, cs));
    if t.entry.weight < 0.8 && participants.is_empty() && place.is_none() {
        return None;
    }
    let time = doc
        .time_in(t.last + 1..ce)
        .or_else(|| doc.time_in(cs..t.first));
    let support = [
        !participants.is_empty(),
        participants.len() >= 2,
        place.is_some(),
        time.is_some(),
    ]
    .iter()
    .filter(|&&x| x)
    .count() as f32
        / 3.0;
    let detail = Detail::Talks(Talks {
        participants,
        host,
        mediator,
        topics,
        level,
    });
    let mut c = candidate(doc, t, detail, time, published);
    c.event.place = place;
    c.support = support;
    Some(c)
}

/// The parties named before the trigger: for a noun, only when nothing but support words
/// ("started", "will hold") stands between them and the trigger.
fn left_participants(doc: &Doc, t: Trigger, cs: usize) -> Vec<Actor> {
    // "Abdelatty said Egypt would host": the speaker is not a party.
    let cs = (cs..t.first)
        .rev()
        .find(|&i| {
            doc.is(
                i,
                &[
                    "said",
                    "says",
                    "told",
                    "tells",
                    "announced",
                    "added",
                    "stated",
                    "that",
                ],
            )
        })
        .map_or(cs, |i| i + 1);
    let mut actors = doc.actors_in(cs..t.first);
    // "will travel to Kuala Lumpur next week to meet": a city gone to is the place, not a
    // party.
    actors.retain(|a| {
        let first = doc.token_at_or_after(a.span.start);
        let city = doc
            .entity(first)
            .is_some_and(|(_, e)| matches!(e.kind, EntityKind::City | EntityKind::Region));
        !(city && first > 0 && doc.is(first - 1, &["to", "in", "into", "at", "from"]))
    });
    let Some(last) = actors.last() else {
        return actors;
    };
    let after = doc.token_at_or_after(last.span.end);
    // "is due in Beirut next week for talks": a place the parties go to may stand between.
    let in_place = |i: usize| {
        if doc.is(i, &["in", "to"]) {
            return doc.entity(i + 1).is_some_and(|(_, e)| is_place(e.kind));
        }
        doc.entity(i).is_some_and(|(_, e)| {
            let first = doc.token_at_or_after(e.span.start);
            is_place(e.kind) && first > 0 && doc.is(first - 1, &["in", "to"])
        })
    };
    let linked = (after..t.first).all(|i| {
        doc.is_cue(i, WordRole::TalksSupport)
            || doc.has_time(i)
            || doc.word(i).ends_with("-level")
            || super::level_word(doc.word(i))
            || in_place(i)
    });
    if linked || t.entry.pos == Pos::Verb {
        actors
    } else {
        Vec::new()
    }
}

fn add_all(into: &mut Vec<Actor>, more: Vec<Actor>) {
    for a in more {
        if !into.iter().any(|b| same_actor(b, &a)) {
            into.push(a);
        }
    }
}

/// End of a coordinated actor phrase starting at `i`: stops at the next preposition.
fn phrase_end(doc: &Doc, i: usize, ce: usize) -> usize {
    let mut j = i;
    while j < ce
        && !doc.is(
            j,
            &[
                "on", "in", "at", "over", "about", "to", "for", "from", "after", "before",
                "during", "as",
            ],
        )
    {
        j += 1;
    }
    j
}

/// End of a topic phrase: the clause, up to a time expression, "as"/"while"/"at", or a place
/// phrase ("in Riyadh") after the first few words.
fn topic_end(doc: &Doc, i: usize, ce: usize) -> usize {
    let place_phrase = |j: usize| {
        j > i + 3
            && doc.is(j, &["in"])
            && doc
                .entity(j + 1)
                .is_some_and(|(e, _)| doc.place_of(e).is_some())
    };
    // "talks on a permanent end to the war are expected to start": the verb ends the topic.
    const VERBS: &[&str] = &[
        "is", "are", "was", "were", "will", "would", "could", "should", "may", "might", "have",
        "has", "had", "which", "that", "who",
    ];
    let ends_here = |j: usize| {
        doc.has_time(j)
            || doc.is(j, &["as", "while", "at"])
            || (j > i && doc.is(j, VERBS))
            || place_phrase(j)
    };
    let mut j = i;
    while j < ce && !ends_here(j) {
        j += 1;
    }
    j
}

/// "technical-level", "ministerial", "high-level" right before the trigger.
fn level_before(doc: &Doc, first: usize, cs: usize) -> Option<String> {
    let mut i = first;
    let mut steps = 0;
    while i > cs && steps < 3 {
        i -= 1;
        steps += 1;
        let w = doc.word(i);
        if w.ends_with("-level") || super::level_word(w) {
            return Some(doc.raw(i).to_string());
        }
        if !doc.is(
            i,
            &[
                "separate", "new", "first", "formal", "further", "more", "fresh", "direct",
            ],
        ) {
            break;
        }
    }
    None
}

/// "with Qatari and Egyptian mediators shuttling between the delegations", "mediators from
/// Egypt", "Omani mediation": the first mediator the trigger's sentence names.
fn mediator_in_sentence(doc: &Doc, trigger: usize) -> Option<Actor> {
    let sent = doc.sentence_tokens(trigger);
    sent.clone().find_map(|k| {
        if !doc.is(k, &["mediator", "mediators", "mediation"]) {
            return None;
        }
        let mut before = k;
        // "Qatari and Egyptian mediators": the first of the coordinated names.
        while before > sent.start
            && (doc.entity(before - 1).is_some() || doc.is(before - 1, &["and"]))
        {
            before -= 1;
        }
        let named_before = (before..k)
            .find_map(|i| doc.entity(i))
            .and_then(|(e, ent)| {
                matches!(
                    ent.kind,
                    EntityKind::Nationality
                        | EntityKind::Country
                        | EntityKind::Organization
                        | EntityKind::Government
                        | EntityKind::Person
                )
                .then(|| doc.actor_of(e))
            });
        named_before.or_else(|| {
            doc.is(k + 1, &["from", "by", "of"])
                .then(|| doc.entity(k + 2).map(|(e, _)| doc.actor_of(e)))
                .flatten()
        })
    })
}

/// A city, region or country: where talks are, or where their parties go.
fn is_place(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::City | EntityKind::Region | EntityKind::Country
    )
}
