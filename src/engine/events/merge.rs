//! One event, many mentions: talks mentioned again ("talks started …", "talks got underway")
//! merge into one event; talks that differ (another date, another place, other parties) stay
//! apart. Strike words side by side ("a drone strike hit", "two bombs exploded") are one strike;
//! a proposal named back ("the proposal", "the ceasefire") or answered the same way by the same
//! party is the earlier one. Two candidates with the same type and trigger are one.

use super::Candidate;
use super::cues::WordRole;
use super::doc::{Doc, same_actor};
use crate::engine::model::{Detail, EventType, ProposalKind, Status};

/// Drops strikes and proposal nouns inside a proposal's content ("a halt in attacks",
/// "proposals for a temporary ceasefire", "X proposed a 21-day ceasefire"): they are part of
/// that proposal, not events. A nested proposal noun stays when it has proposers of its own or
/// answers.
pub(crate) fn drop_nested(candidates: &mut Vec<Candidate>) {
    let contents: Vec<_> = candidates
        .iter()
        .filter_map(|c| match &c.event.detail {
            Detail::Proposal(p) => p
                .content_span
                .map(|s| (s, c.event.trigger, p.proposers.clone())),
            _ => None,
        })
        .collect();
    candidates.retain(|c| {
        !contents.iter().any(|(s, trigger, outer_proposers)| {
            *trigger != c.event.trigger
                && s.contains(c.event.trigger)
                && match &c.event.detail {
                    Detail::Strike(_) => true,
                    Detail::Proposal(p) => {
                        p.responses.is_empty()
                            && p.proposers
                                .iter()
                                .all(|a| outer_proposers.iter().any(|b| same_actor(a, b)))
                    }
                    _ => false,
                }
        })
    });
}

/// Merges mentions of the same event; keeps text order.
pub(crate) fn merge(doc: &Doc, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut sorted = drop_weak_strikes(doc, candidates);
    sorted.sort_by_key(|c| (c.event.trigger.start, c.event.trigger.end));
    let mut out: Vec<Candidate> = Vec::with_capacity(sorted.len());
    for c in sorted {
        // Sorted by trigger: a duplicate can only be among the last events of the same start.
        let duplicate = out
            .iter()
            .rev()
            .take_while(|o| o.event.trigger.start == c.event.trigger.start)
            .any(|o| {
                o.event.event_type() == c.event.event_type() && o.event.trigger == c.event.trigger
            });
        if duplicate {
            continue;
        }
        if c.event.event_type() == EventType::Strike
            && let Some(target) = strike_target(doc, &out, &c)
        {
            let into = &mut out[target];
            // "two bombs exploded", "dynamite attacks": a weapon word right before the word
            // that names the strike is a mention of it, read as a noun (what was read around
            // it as a verb is dropped).
            if into.first + 1 == c.first
                && doc.span_of(into.first, into.first) == into.event.trigger
                && doc.cues.weapon(doc.word(into.first)).is_some()
            {
                let weapon_word = into.event.trigger;
                *into = c;
                into.event.mentions.insert(0, weapon_word);
            } else {
                absorb_strike(into, c);
            }
            continue;
        }
        if c.event.event_type() == EventType::Talks
            && let Some(target) = talks_target(doc, &out, &c)
        {
            absorb(&mut out[target], c);
            continue;
        }
        if c.event.event_type() == EventType::Proposal
            && let Some(target) = proposal_target(doc, &out, &c)
        {
            absorb_proposal(&mut out[target], c);
            continue;
        }
        out.push(c);
    }
    out
}

/// A weak strike cue ("killed", "shot") in a sentence that already has a stronger strike
/// trigger tells of that strike's toll, not of another strike: its casualties and attacker go
/// to the strong strike when it lacks them ("the April 22 attack, in which gunmen killed 26
/// men").
fn drop_weak_strikes(doc: &Doc, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let strong: Vec<(usize, u32, crate::engine::model::Span)> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.event.event_type() == EventType::Strike && c.weight >= 0.6)
        .map(|(i, c)| (i, doc.sentence_of[c.first], c.event.trigger))
        .collect();
    let mut dropped: Vec<(usize, usize)> = Vec::new(); // (weak, strong it tells of)
    for (i, c) in candidates.iter().enumerate() {
        if c.event.event_type() != EventType::Strike || c.weight >= 0.6 {
            continue;
        }
        let sentence = doc.sentence_of[c.first];
        let (attacker, target) = match &c.event.detail {
            Detail::Strike(s) => (s.attacker.as_ref().map(|a| a.span), s.target.is_some()),
            _ => (None, false),
        };
        // "U.S. warplanes pounded Houthi targets": an attack of its own (a toll word such
        // as "killed" still tells of the strong strike).
        if attacker.is_some() && target && !doc.is_cue(c.first, WordRole::Kill) {
            continue;
        }
        // Kept when its subject names the strong strike: merged into it later.
        let tells_of = strong.iter().find(|&&(_, s, trigger)| {
            s == sentence && attacker.is_none_or(|a| !a.contains(trigger))
        });
        if let Some(&(k, _, _)) = tells_of {
            dropped.push((i, k));
        } else if super::is_participle_after_comma(doc, c.first) {
            // "A missile hit a building, killing two people": a participle after a comma tells
            // the toll of the strike before it in the sentence, however weak that one's word.
            let before = candidates
                .iter()
                .enumerate()
                .filter(|(_, o)| {
                    o.event.event_type() == EventType::Strike
                        && doc.sentence_of[o.first] == sentence
                        && o.event.trigger.end <= c.event.trigger.start
                })
                .max_by_key(|(_, o)| o.event.trigger.end);
            if let Some((k, _)) = before {
                dropped.push((i, k));
            }
        }
    }
    let mut candidates: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    for &(weak, strong) in &dropped {
        let Some(w) = candidates[weak].take() else {
            continue;
        };
        if let (Some(s), Detail::Strike(ws)) = (candidates[strong].as_mut(), w.event.detail)
            && let Detail::Strike(ss) = &mut s.event.detail
        {
            let toll = &ss.casualties;
            if toll.killed.is_none() && toll.injured.is_none() && toll.victims.is_empty() {
                ss.casualties = ws.casualties;
            }
            // "the strike near the town of Bint Jbeil killed one person": words between the
            // strike noun and the toll verb modify the noun; they did not attack.
            let between = ws.attacker.as_ref().is_some_and(|a| {
                let gap =
                    doc.token_at_or_after(s.event.trigger.end)..doc.token_at_or_after(a.span.start);
                a.span.start >= s.event.trigger.end
                    && a.span.end <= w.event.trigger.start
                    && doc.is(
                        gap.start,
                        &["near", "in", "at", "on", "outside", "inside", "of"],
                    )
                    && !gap.clone().any(|k| {
                        doc.is_punct(k)
                            || doc.is(k, &["which", "who", "that", "where", "and", "was", "were"])
                    })
            });
            if ss.attacker.is_none() && !between {
                ss.attacker = ws.attacker;
            }
        }
    }
    candidates.into_iter().flatten().collect()
}

/// Status families that may describe one event: what happened or is happening, what is
/// planned, what may happen, what did not.
fn family(s: Status) -> u8 {
    match s {
        Status::Occurred | Status::Ongoing => 0,
        Status::Planned => 1,
        Status::Hypothetical => 2,
        Status::Negated => 3,
    }
}

/// How many earlier talks events a new talks mention is compared with.
const TALKS_REACH: usize = 32;

/// The earlier talks event a new mention belongs to, if any.
fn talks_target(_doc: &Doc, out: &[Candidate], c: &Candidate) -> Option<usize> {
    let Detail::Talks(ct) = &c.event.detail else {
        return None;
    };
    let mut best: Option<(usize, u32)> = None;
    // The last talks events only: a mention refers back a few events, and the bound keeps
    // merging linear in long articles.
    let recent = out
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, o)| o.event.event_type() == EventType::Talks)
        .take(TALKS_REACH)
        .collect::<Vec<_>>();
    for (i, o) in recent.into_iter().rev() {
        let Detail::Talks(ot) = &o.event.detail else {
            continue;
        };
        let date = (
            c.event.time.as_ref().and_then(|t| t.date),
            o.event.time.as_ref().and_then(|t| t.date),
        );
        if let (Some(a), Some(b)) = date
            && a != b
        {
            continue;
        }
        let places = (&c.event.place, &o.event.place);
        if let (Some(a), Some(b)) = places
            && a.country.is_some()
            && b.country.is_some()
            && a.country != b.country
        {
            continue;
        }
        let shared = ct
            .participants
            .iter()
            .filter(|a| ot.participants.iter().any(|b| same_actor(a, b)))
            .count();
        if !ct.participants.is_empty() && !ot.participants.is_empty() && shared == 0 {
            continue;
        }
        let same_date = matches!(date, (Some(a), Some(b)) if a == b);
        if family(c.event.status) != family(o.event.status) && !same_date {
            continue;
        }
        // Score the evidence that they are the same; the latest event wins ties.
        let score =
            shared as u32 * 2 + same_date as u32 * 3 + matches!(places, (Some(_), Some(_))) as u32;
        let bare = ct.participants.is_empty() && c.event.time.is_none() && c.event.place.is_none();
        if (score > 0 || bare) && best.is_none_or(|(_, s)| score >= s) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

/// How many earlier proposals a definite proposal noun is compared with.
const PROPOSAL_REACH: usize = 4;

/// "… a U.S.-backed ceasefire proposal … The proposal, presented by Witkoff, calls for …": a
/// proposal noun after "the" or "this" names the latest earlier proposal of a kind and by
/// proposers that fit.
fn proposal_target(doc: &Doc, out: &[Candidate], c: &Candidate) -> Option<usize> {
    let Detail::Proposal(cp) = &c.event.detail else {
        return None;
    };
    let first = doc.token_at_or_after(c.event.trigger.start);
    let named_back = first > 0 && doc.is(first - 1, &["the", "this"]);
    // "India and Pakistan agreed to a full and immediate ceasefire … have agreed to a FULL AND
    // IMMEDIATE CEASEFIRE": the same parties giving the same answer to the same kind.
    let same_answer = |op: &crate::engine::model::Proposal| {
        cp.kind != ProposalKind::Other
            && cp.kind == op.kind
            && cp.responses.iter().any(|r| {
                op.responses
                    .iter()
                    .any(|q| q.stance == r.stance && same_actor(&q.actor, &r.actor))
            })
    };
    // "Pakistan denied breaching the ceasefire": a bare mention named back is the proposal,
    // whatever the verb around it says.
    let bare = named_back && cp.proposers.is_empty() && cp.responses.is_empty();
    out.iter()
        .enumerate()
        .rev()
        .filter(|(_, o)| o.event.event_type() == EventType::Proposal)
        .take(PROPOSAL_REACH)
        .find(|(_, o)| {
            let Detail::Proposal(op) = &o.event.detail else {
                return false;
            };
            if same_answer(op) {
                return true;
            }
            if !named_back {
                return false;
            }
            let kinds = cp.kind == op.kind
                || cp.kind == ProposalKind::Other
                || op.kind == ProposalKind::Other;
            let proposers = cp.proposers.is_empty()
                || op.proposers.is_empty()
                || cp.proposers.iter().any(|a| {
                    op.proposers
                        .iter()
                        .any(|b| same_actor(a, b) || a.country.is_some() && a.country == b.country)
                });
            kinds && proposers && (bare || family(o.event.status) == family(c.event.status))
        })
        .map(|(i, _)| i)
}

/// Adds a later mention of a proposal, with the proposers, terms and answers it adds.
fn absorb_proposal(into: &mut Candidate, c: Candidate) {
    into.event.mentions.push(c.event.trigger);
    into.event.mentions.extend(c.event.mentions);
    if into.event.time.is_none() {
        into.event.time = c.event.time;
    }
    if let (Detail::Proposal(a), Detail::Proposal(b)) = (&mut into.event.detail, c.event.detail) {
        for p in b.proposers {
            if !a.proposers.iter().any(|x| same_actor(x, &p)) {
                a.proposers.push(p);
            }
        }
        if a.content.is_none() {
            a.content = b.content;
            a.content_span = b.content_span;
        }
        if a.kind == ProposalKind::Other {
            a.kind = b.kind;
        }
        if a.duration_days.is_none() {
            a.duration_days = b.duration_days;
        }
        for r in b.responses {
            if !a
                .responses
                .iter()
                .any(|q| q.stance == r.stance && same_actor(&q.actor, &r.actor))
            {
                a.responses.push(r);
            }
        }
    }
    into.support = (into.support + 0.2).min(1.0);
}

/// "Coalition airstrikes hit a market": a strike verb whose subject holds an earlier strike
/// trigger tells of that same strike.
fn strike_target(doc: &Doc, out: &[Candidate], c: &Candidate) -> Option<usize> {
    let Detail::Strike(s) = &c.event.detail else {
        return None;
    };
    // "An Israeli drone strike hit a car", "two bombs exploded", "bomb attacks": strike words
    // side by side name one strike.
    if let Some((i, _)) = out.iter().enumerate().next_back().filter(|(_, o)| {
        o.event.event_type() == EventType::Strike
            && c.first > 0
            && doc.token_before(o.event.trigger.end) == c.first - 1
            && doc.a.tokens[c.first - 1].span.end == o.event.trigger.end
    }) {
        return Some(i);
    }
    let attacker = s.attacker.as_ref()?.span;
    // Sorted by trigger: only the last events can lie inside the attacker's words.
    out.iter()
        .enumerate()
        .rev()
        .take_while(|(_, o)| o.event.trigger.end > attacker.start)
        .find(|(_, o)| {
            o.event.event_type() == EventType::Strike && attacker.contains(o.event.trigger)
        })
        .map(|(i, _)| i)
}

/// Adds a strike verb's mention and the arguments its noun lacked.
fn absorb_strike(into: &mut Candidate, c: Candidate) {
    into.event.mentions.push(c.event.trigger);
    if into.event.place.is_none() {
        into.event.place = c.event.place;
    }
    if let (Detail::Strike(a), Detail::Strike(b)) = (&mut into.event.detail, c.event.detail) {
        if a.target.is_none() {
            a.target = b.target;
        }
        if a.casualties.killed.is_none() && a.casualties.injured.is_none() {
            a.casualties = b.casualties;
        }
        if a.weapon.is_none() {
            a.weapon = b.weapon;
        }
    }
    into.support = (into.support + 0.2).min(1.0);
}

/// Adds a later mention's trigger and arguments to an event.
fn absorb(into: &mut Candidate, c: Candidate) {
    into.event.mentions.push(c.event.trigger);
    into.event.mentions.extend(c.event.mentions);
    if into.event.place.is_none() {
        into.event.place = c.event.place;
    }
    if into.event.time.is_none() {
        into.event.time = c.event.time;
    }
    if into.event.reported_by.is_none() {
        into.event.reported_by = c.event.reported_by;
    }
    if let (Detail::Talks(a), Detail::Talks(b)) = (&mut into.event.detail, c.event.detail) {
        for p in b.participants {
            if !a.participants.iter().any(|x| same_actor(x, &p)) {
                a.participants.push(p);
            }
        }
        if a.level.is_none() {
            a.level = b.level;
        }
        if a.host.is_none() {
            a.host = b.host;
        }
        if a.mediator.is_none() {
            a.mediator = b.mediator;
        }
        for t in b.topics {
            if !a.topics.contains(&t) {
                a.topics.push(t);
            }
        }
    }
    into.support = (into.support + 0.2).min(1.0);
}
