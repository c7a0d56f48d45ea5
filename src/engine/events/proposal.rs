//! Proposals and the responses to them.
//!
//! Patterns: "X called for / proposed / offered CONTENT", "X's proposal for CONTENT", "the
//! different proposals for a temporary ceasefire", "…, insisting on CONTENT" (a counter-proposal
//! by the main clause's subject), and responses "Y has rejected the proposal" linked to the
//! proposal they answer, even in a later sentence; a response to something not yet seen
//! ("Y rejected X's demand to …") makes the proposal it answers.

use super::cues::WordRole;
use super::doc::{Doc, same_actor};
use super::{Candidate, Pos, Trigger, TriggerClass, candidate};
use crate::engine::analysis::{Case, EntityKind, TokenKind};
use crate::engine::model::{
    Actor, Detail, EventType, Precision, Proposal, ProposalKind, Response, Span, Stance,
};

/// How many sentences back a response may find the proposal it answers.
const RESPONSE_REACH: u32 = 4;

/// Builds a proposal from its trigger.
pub(crate) fn build(
    doc: &Doc,
    t: Trigger,
    published: Option<jiff::civil::Date>,
) -> Option<Candidate> {
    let sent = doc.sentence_tokens(t.first);
    let cs = doc.clause_start(t.first);
    let ce = doc.clause_end_loose(t.last);
    let participle = super::is_participle_after_comma(doc, t.first) && t.first > sent.start;
    // "a truce proposed by X": the participle belongs to the noun's proposal.
    if t.entry.pos == Pos::Verb
        && t.first > 0
        && doc.is_cue(t.first - 1, WordRole::ProposalNoun)
        && (t.last + 1..(t.last + 3).min(ce)).any(|k| doc.is(k, &["by"]))
    {
        return None;
    }
    // "Putin had no plans to attend": an intention, unless it is to end fighting.
    if t.entry.pos != Pos::Verb
        && doc.is(t.last, &["plan", "plans"])
        && doc.is(t.last + 1, &["to"])
        && kind_of(&doc.lower[doc.span(t.last + 1).start..doc.span(ce.max(t.last + 2) - 1).end])
            == ProposalKind::Other
    {
        return None;
    }
    let own_kind_noun = t.entry.pos != Pos::Verb
        && matches!(
            doc.word(t.last),
            "ceasefire" | "cease-fire" | "truce" | "ceasefires" | "truces"
        );
    // "a U.S.-backed ceasefire proposal": one proposal, that of the head noun.
    if own_kind_noun
        && doc.is_cue(t.last + 1, WordRole::ProposalNoun)
        && !doc.is(
            t.last + 1,
            &["it", "this", "that", "call", "calls", "demand", "demands"],
        )
    {
        return None;
    }
    // "The proposal, presented by X, calls for a 60-day truce": the terms of the proposal
    // the subject names, not a proposal of its own.
    if t.entry.pos == Pos::Verb
        && doc.word(t.first).starts_with("call")
        && let Some(a) = super::statement::subject_of(doc, t.first, sent.start)
        && a.span.slice(doc.text).split_whitespace().count() <= 3
        && doc.is_cue(doc.token_before(a.span.end), WordRole::ProposalNoun)
        && doc.is(
            doc.token_at_or_after(a.span.start),
            &["the", "this", "that"],
        )
    {
        return None;
    }
    if market_demand(doc, t.first) {
        return None;
    }
    // "a ceasefire agreement": a noun a kind word modifies is a proposal of that kind even
    // without terms of its own.
    let kind_modifier = t.entry.pos != Pos::Verb
        && t.first > 0
        && doc.is(
            t.first - 1,
            &[
                "ceasefire",
                "cease-fire",
                "truce",
                "ceasefires",
                "truces",
                "peace",
            ],
        );
    let mut proposers: Vec<Actor> = Vec::new();
    let (content, kind_from_trigger) = if t.entry.pos == Pos::Verb {
        if participle {
            proposers.extend(super::clause_subject_before_comma(doc, t.first - 1));
        } else {
            proposers = doc.actors_in(cs..t.first);
            if proposers.is_empty() {
                proposers.extend(doc.subject_before(t.first, cs).map(|(a, _)| a));
            }
            // "Zelenskyy said he was ready … and urged Washington to …".
            if proposers.is_empty() && t.first > 0 && doc.is(t.first - 1, &["and"]) {
                proposers.extend(super::statement::subject_of(doc, t.first, sent.start));
            }
        }
        // "demanded that Armenia first change its constitution": the clause after "that".
        let terms = if doc.is(t.last + 1, &["that"]) {
            span_between(doc, t.last + 2, doc.clause_end(t.last + 1))
        } else {
            span_between(doc, t.last + 1, ce)
        };
        (terms, None)
    } else {
        proposers.extend(modifier_actor(doc, t.first, cs));
        if proposers.is_empty() {
            proposers.extend(presenter(doc, t.first, cs));
        }
        let mut i = t.last + 1;
        let mut content = None;
        if doc.is(i, &["by", "from"])
            && !doc.has_time(i + 1) // "a ceasefire from tomorrow"
            && let Some((a, mut last)) = doc.np_starting_at(i + 1, ce)
        {
            proposers.push(a);
            // "from Egyptian and Qatari mediators", "by France and Britain".
            while doc.is(last + 1, &["and"])
                && doc.entity(last + 2).is_some()
                && let Some((b, next)) = doc.np_starting_at(last + 2, ce)
            {
                if !proposers.iter().any(|p| same_actor(p, &b)) {
                    proposers.push(b);
                }
                last = next;
            }
            i = last + 1;
        }
        // "a 30-day truce proposed by European leaders", "The proposal, presented by X,".
        if doc.raw(i) == "," && doc.is_cue(i + 1, WordRole::ProposerParticiple) {
            i += 1;
        }
        if proposers.is_empty()
            && doc.is_cue(i, WordRole::ProposerParticiple)
            && let Some(by) = (i + 1..(i + 3).min(sent.end)).find(|&k| doc.is(k, &["by"]))
            && let Some((a, last)) = doc.np_starting_at(by + 1, sent.end)
        {
            proposers.push(a);
            i = last + 1;
        }
        if doc.is(i, &["for", "to", "of", "on", "that"]) {
            let from = if doc.is(i, &["to"]) { i } else { i + 1 };
            // "its response to the proposal for Gaza to Egyptian mediators": "to" before a
            // name or a determiner is a preposition that ends the terms.
            let end = (from + 1..ce)
                .find(|&k| {
                    doc.is(k, &["to"])
                        && (doc.entity(k + 1).is_some() || doc.is(k + 1, &["the", "a", "an"]))
                })
                .unwrap_or(ce);
            content = span_between(doc, from, end);
            // "agreed to the ceasefire proposal on Monday": a time is when, not what.
            if content.is_some_and(|c| {
                (doc.token_at_or_after(c.start)..=doc.token_before(c.end)).all(|k| doc.has_time(k))
            }) {
                content = None;
            }
            // "a ceasefire proposal for Gaza": a place alone is where, not what.
            if let Some(c) = content
                && doc.entity(from).is_some_and(|(_, e)| {
                    e.span == c
                        && matches!(
                            e.kind,
                            EntityKind::City | EntityKind::Region | EntityKind::Country
                        )
                })
            {
                content = None;
            }
        }
        // "The proposal, presented by X last week, calls for a 60-day truce".
        if content.is_none()
            && let Some(k) = (i..(i + 12).min(sent.end))
                .take_while(|&k| doc.raw(k) != ";" && doc.a.tokens[k].kind != TokenKind::Terminal)
                .find(|&k| doc.is(k, &["calls", "called", "envisages", "envisions"]))
        {
            let from = k + 1 + usize::from(doc.is(k + 1, &["for"]));
            content = span_between(doc, from, doc.clause_end_loose(k + 1).max(from));
        }
        let own = t.entry.kind.is_some() || own_kind_noun;
        if content.is_none() && own {
            // "a temporary ceasefire", "a Black Sea ceasefire on ships": the noun phrase itself;
            // "a full and immediate ceasefire": coordinated adjectives too.
            let floor = if cs >= 2
                && cs + 2 >= t.first
                && doc.is(cs - 1, &["and"])
                && doc.a.tokens[cs - 2].case == Case::Lower
                && !doc.is_punct(cs - 2)
                && !doc.word(cs - 2).ends_with("ed")
            {
                doc.clause_start(cs - 2)
            } else {
                cs
            };
            let mut from = t.first;
            while from > floor
                && !doc.is_punct(from - 1)
                && !doc.is(
                    from - 1,
                    &[
                        "for", "to", "of", "on", "a", "an", "the", "in", "as", "with",
                    ],
                )
                && t.first - from < 4
            {
                from -= 1;
            }
            content = Some(doc.span_of(from, t.last));
        }
        (content, t.entry.kind)
    };
    if t.entry.weight <= 0.6 && content.is_none() && proposers.is_empty() && !kind_modifier {
        return None;
    }
    // "urged Western allies to speed up deliveries": an appeal, a proposal only when it is
    // for a ceasefire, peace or talks.
    if t.entry.pos == Pos::Verb
        && doc.word(t.first).starts_with("urg")
        && kind_from_trigger.is_none()
        && content.is_some_and(|c| kind_of(&doc.lower[c.start..c.end]) == ProposalKind::Other)
    {
        return None;
    }
    let content_text = content.map(|s| s.slice(doc.text).to_string());
    // The kind from the trigger, its terms, or a modifier before a noun ("a ceasefire
    // proposal").
    let modifiers_from = if t.entry.pos == Pos::Verb {
        t.first
    } else {
        (cs..t.first)
            .rev()
            .take_while(|&k| !doc.is_punct(k) && !doc.is(k, DETERMINERS_AND_PREPOSITIONS))
            .take(3)
            .last()
            .unwrap_or(t.first)
    };
    let kind = kind_from_trigger.unwrap_or_else(|| {
        let words = content.map_or(doc.span(t.last), |c| c.cover(doc.span(t.last)));
        kind_of(&doc.lower[doc.span(modifiers_from).start.min(words.start)..words.end])
    });
    let duration_days = content
        .map(|c| c.cover(doc.span(t.first)))
        .and_then(|range| {
            doc.a
                .times
                .iter()
                .find(|x| {
                    // "for the first time in four years": when, not how long.
                    let before = doc.token_before(x.span.start);
                    x.precision == Precision::Duration
                        && range.contains(x.span)
                        && !(before < doc.len()
                            && doc.span(before).end <= x.span.start
                            && doc.is(before, &["in", "past", "last", "over"]))
                })
                .and_then(|x| x.duration_days)
        });
    let support = [!proposers.is_empty(), content.is_some()]
        .iter()
        .filter(|&&x| x)
        .count() as f32
        / 2.0;
    let detail = Detail::Proposal(Proposal {
        proposers,
        content: content_text,
        content_span: content,
        kind,
        duration_days,
        responses: Vec::new(),
    });
    let time = doc
        .time_in(t.last + 1..ce)
        .or_else(|| doc.time_in(cs..t.first));
    let mut c = candidate(doc, t, detail, time, published);
    c.support = support;
    Some(c)
}

/// "strong demand for gas turbines", "seeing demand we have never seen": demand in the
/// market's sense, no one's demand.
pub(crate) fn market_demand(doc: &Doc, first: usize) -> bool {
    // "their demands for greater freedom": demands in the plural are made by someone.
    if doc.word(first) != "demand"
        || first > 0 && doc.is(first - 1, &["their", "his", "her", "its"])
    {
        return false;
    }
    let qualified = first > 0
        && doc.is(
            first - 1,
            &[
                "strong", "stronger", "weak", "weaker", "growing", "rising", "high", "higher",
                "low", "lower", "global", "consumer", "robust", "soaring", "slowing", "falling",
                "seeing", "citing", "surging", "booming", "sluggish", "domestic", "export",
                "energy", "oil", "travel", "housing", "customer", "market", "peak", "record",
            ],
        );
    // "demand for gas turbines": a thing wanted, not a demand made of someone.
    let for_goods = doc.is(first + 1, &["for"])
        && doc
            .a
            .tokens
            .get(first + 2)
            .is_some_and(|t| t.case == Case::Lower)
        && !doc.is(
            first + 2,
            &["a", "an", "the", "his", "her", "its", "their", "an", "all"],
        )
        && doc.entity(first + 2).is_none();
    qualified || for_goods
}

/// Words that end the modifiers before a proposal noun, looking left.
const DETERMINERS_AND_PREPOSITIONS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "this", "that", "for", "to", "of", "on", "in",
    "as", "with", "by", "from",
];

/// The proposal kind from its words.
fn kind_of(lower: &str) -> ProposalKind {
    let has = |w: &str| lower.contains(w);
    if has("ceasefire")
        || has("cease-fire")
        || has("truce")
        || has("pause")
        || has("armistice")
        || has("halt")
        || has("moratorium")
        || has("stop the fighting")
    {
        ProposalKind::Ceasefire
    } else if has("peace")
        || has("settlement")
        || has("accord")
        || has("treaty")
        || has("end the war")
        || has("end the conflict")
        || has("end the fighting")
    {
        ProposalKind::PeacePlan
    } else if has("talks") || has("negotiat") || has("meeting") || has("summit") || has("dialogue")
    {
        ProposalKind::Talks
    } else {
        ProposalKind::Other
    }
}

/// Tokens `from..to` as a span, without edge punctuation or a leading preposition; `None`
/// when empty.
fn span_between(doc: &Doc, mut from: usize, mut to: usize) -> Option<Span> {
    while from < to && (doc.is_punct(from) || doc.is(from, &["upon", "on", "with"])) {
        from += 1;
    }
    // "a deal in which all hostages are released": the relative clause after a preposition
    // belongs to the terms.
    if to > from + 1
        && to < doc.len()
        && doc.is(to, &["which", "whom"])
        && doc.is(to - 1, &["in", "under", "by", "through", "for", "with"])
    {
        to = doc.clause_end(to);
    }
    while to > from && doc.is_punct(to - 1) {
        to -= 1;
    }
    (to > from).then(|| doc.span_of(from, to - 1))
}

/// "Russia's proposal", "a US proposal", "Trump's 28-point peace plan": the actor right
/// before the noun, with only a possessive or modifiers between.
fn modifier_actor(doc: &Doc, first: usize, cs: usize) -> Option<Actor> {
    let mut i = first;
    while i > cs && first - i < 4 {
        i -= 1;
        if let Some((e, ent)) = doc.entity(i) {
            let plain_group = matches!(
                ent.kind,
                EntityKind::City | EntityKind::Region | EntityKind::Media | EntityKind::Group
            ) && ent.country.is_none();
            return (!plain_group).then(|| doc.actor_of(e));
        }
        let modifier = matches!(
            doc.word(i),
            "'s" | "\u{2019}s"
                | "new"
                | "latest"
                | "peace"
                | "ceasefire"
                | "draft"
                | "revised"
                | "own"
                | "counter"
                | "initial"
                | "original"
        ) || doc.a.tokens[i].kind == crate::engine::analysis::TokenKind::Number
            || doc.word(i).contains('-');
        if !modifier {
            // "the company's latest offer": the possessor, named or not.
            if doc.is(i + 1, &["'s", "\u{2019}s"]) {
                return doc.np_ending_at(i, cs).map(|(a, _)| a);
            }
            return None;
        }
    }
    None
}

/// The subject of a verb that puts the proposal noun at `first` forward, within three words.
fn presenter(doc: &Doc, first: usize, cs: usize) -> Option<Actor> {
    let verb = (cs..first)
        .rev()
        .take(4)
        .find(|&i| doc.is_cue(i, WordRole::ProposerVerb))?;
    let actors = doc.actors_in(cs..verb);
    actors
        .into_iter()
        .last()
        .or_else(|| doc.subject_before(verb, cs).map(|(a, _)| a))
}

/// Links each response to the proposal it answers, or makes that proposal.
pub(crate) fn link_responses(
    doc: &Doc,
    candidates: &mut Vec<Candidate>,
    responses: &[Trigger],
    published: Option<jiff::civil::Date>,
) {
    for r in responses {
        let stance = match (r.entry.class, r.entry.stance) {
            (TriggerClass::Response(s), _) => s,
            (_, Some(s)) => s,
            _ => continue,
        };
        // "sign up to receive it", "sign in": a phrasal verb of another sense.
        if doc.word(r.last).starts_with("sign") && doc.is(r.last + 1, &["up", "in", "out"]) {
            continue;
        }
        // "will not accept": a refusal.
        // "stopped short of endorsing": not given either.
        let negated = (r.first.saturating_sub(3)..r.first)
            .any(|i| doc.is(i, &["not", "n't", "never", "no"]))
            || r.first >= 2 && doc.is(r.first - 1, &["of"]) && doc.is(r.first - 2, &["short"]);
        let stance = if negated && stance == Stance::Accepted {
            Stance::Rejected
        } else {
            stance
        };
        let sent = doc.sentence_tokens(r.first);
        let cs = doc.clause_start(r.first);
        let ce = doc.clause_end_loose(r.last);
        let participle = super::is_participle_after_comma(doc, r.first) && r.first > sent.start;
        let passive = r.first > 0 && doc.is(r.first - 1, &["was", "were", "been", "is", "are"]);
        // "was rejected by X": the agent; "is willing to", "is committed to": the subject.
        let agent = passive.then(|| by_agent(doc, r.last + 1, ce)).flatten();
        let mut actors: Vec<Actor> = if participle {
            super::clause_subject_before_comma(doc, r.first - 1)
                .into_iter()
                .collect()
        } else if let Some(agent) = agent {
            vec![agent]
        } else {
            let a = doc.actors_in(cs..r.first);
            if a.is_empty() {
                super::statement::subject_of(doc, r.first, sent.start)
                    .into_iter()
                    .collect()
            } else {
                a
            }
        };
        actors.retain(|a| !matches!(a.kind, crate::engine::model::ActorKind::Media));
        // "called on both sides to agree to a truce": asked of others, not given; whoever asks
        // proposes.
        let request = (r.first > cs + 1 && doc.is(r.first - 1, &["to"]))
            .then(|| {
                (cs.max(r.first.saturating_sub(10))..r.first - 1)
                    .rev()
                    .find(|&i| doc.is_cue(i, WordRole::Request))
            })
            .flatten();
        if let Some(verb) = request {
            let requester = doc
                .actors_in(cs..verb)
                .into_iter()
                .next()
                .or_else(|| doc.subject_before(verb, cs).map(|(a, _)| a));
            propose_by_request(doc, candidates, r, requester, ce);
            continue;
        }
        // A weak cue ("support", "willing to") answers only for a named party.
        if r.entry.weight < 0.6 {
            actors.retain(|a| {
                a.country.is_some()
                    || matches!(
                        a.kind,
                        crate::engine::model::ActorKind::Person
                            | crate::engine::model::ActorKind::Organization
                            | crate::engine::model::ActorKind::ArmedGroup
                    )
            });
            if actors.is_empty() {
                continue;
            }
        }
        // "agreed on Tuesday to stop attacking …": a time after the verb is when, not what.
        let mut object_from = r.last + 1;
        while object_from < ce
            && (doc.has_time(object_from)
                || doc.is(object_from, &["on", "late", "early"]) && doc.has_time(object_from + 1))
        {
            object_from += 1;
        }
        let object = span_between(doc, object_from, ce);
        // "rejected the proposal" answers one already told of; "rejected any deal that …"
        // names a new one.
        let indefinite = doc.is(r.last + 1, &["a", "an", "any", "no", "every", "some"]);
        let object_names_proposal = !indefinite
            && (r.last + 1..ce.min(r.last + 5)).any(|i| doc.is_cue(i, WordRole::ProposalNoun));
        let trigger_span = doc.span_of(r.first, r.last);
        let counter = stance == Stance::CounterProposed;
        // The proposal answered: one named in the object ("accepted Egypt's proposal"), else
        // the nearest earlier one within reach.
        // "agreed to the ceasefire proposal" answers a ceasefire, not an earlier plan of
        // another kind.
        let object_kind =
            object.map_or(ProposalKind::Other, |o| kind_of(&doc.lower[o.start..o.end]));
        let same_kind = |c: &Candidate| match &c.event.detail {
            Detail::Proposal(p) => object_kind == ProposalKind::Other || p.kind == object_kind,
            _ => false,
        };
        let in_object = candidates.iter().position(|c| {
            c.event.event_type() == EventType::Proposal
                && object.is_some_and(|o| o.contains(c.event.trigger))
                && has_own_arguments(c)
        });
        let answered = if let Some(i) = in_object.filter(|_| !counter) {
            Some(i)
        } else if object_names_proposal || counter {
            candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.event.event_type() == EventType::Proposal
                        && same_kind(c)
                        && c.event.trigger.end <= trigger_span.start
                        && doc.sentence_of[r.first] - doc.sentence_of[c.first] <= RESPONSE_REACH
                })
                .filter(|(_, c)| {
                    // A proposal noun that is this response's own object is not what it answers.
                    object.is_none_or(|o| !o.contains(c.event.trigger))
                })
                // The one whose terms share most words with the object ("rejected the
                // proposal for a full ceasefire"), then the nearest in the text: proposals made
                // from earlier answers sit at the end of the list.
                .max_by_key(|(_, c)| (shared_words(doc, object, c), c.event.trigger.start))
                .map(|(i, _)| i)
        } else {
            None
        };
        // The object's own proposal noun ("rejected the proposal") is a mention, not an event.
        let mut object_nouns: Vec<usize> = candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.event.event_type() == EventType::Proposal
                    && object.is_some_and(|o| o.contains(c.event.trigger))
                    && !has_own_arguments(c)
            })
            .map(|(i, _)| i)
            .collect();
        // Nothing earlier of its kind: the object's own proposal noun is what is answered.
        let answered = answered
            .or_else(|| (!counter && !object_nouns.is_empty()).then(|| object_nouns.remove(0)));
        let responses: Vec<Response> = actors
            .iter()
            .map(|a| Response {
                actor: a.clone(),
                stance,
                trigger: trigger_span,
            })
            .collect();
        match answered {
            Some(i) => {
                let mut mentions: Vec<Span> = object_nouns
                    .iter()
                    .map(|&k| candidates[k].event.trigger)
                    .collect();
                if !counter {
                    mentions.push(trigger_span);
                }
                let target = &mut candidates[i];
                if let Detail::Proposal(p) = &mut target.event.detail {
                    for resp in responses {
                        if !p
                            .responses
                            .iter()
                            .any(|x| same_actor(&x.actor, &resp.actor) && x.stance == resp.stance)
                        {
                            p.responses.push(resp);
                        }
                    }
                }
                target.event.mentions.extend(mentions);
                target.support = (target.support + 0.5).min(1.0);
                remove_indices(candidates, object_nouns);
            }
            // "supported Democrats", "rejected Mr. Trump": a stance towards a party, not an
            // answer to a proposal.
            // "rejected the claim": an answer to words, not to a proposal.
            None if !counter
                && (object.is_some() || !actors.is_empty())
                && !object_is_party(doc, r.last + 1, ce)
                && !(object_from..ce.min(object_from + 4))
                    .any(|i| doc.is_cue(i, WordRole::NotProposalObject)) =>
            {
                // "Y rejected X's demand to …": the proposal is known only from its answer.
                // "ready to meet Putin", "agreed on Tuesday to stop attacking Ukraine's …": whom
                // the verb after "to" acts on proposed nothing.
                let verb_at = if doc.word(r.last) == "to" {
                    r.last + 1
                } else if doc.is(object_from, &["to"]) {
                    object_from + 1
                } else {
                    usize::MAX
                };
                let verb_object = verb_at != usize::MAX
                    && doc.entity(verb_at).is_none()
                    && doc
                        .a
                        .tokens
                        .get(verb_at)
                        .is_some_and(|t| t.kind != crate::engine::analysis::TokenKind::Number)
                    && !doc.is(
                        verb_at,
                        &[
                            "a", "an", "the", "any", "this", "that", "its", "their", "his", "her",
                        ],
                    )
                    && doc.raw(verb_at).starts_with(|c: char| c.is_lowercase());
                let proposers: Vec<Actor> = object
                    .filter(|_| !verb_object)
                    .map(|o| {
                        let first = doc.token_at_or_after(o.start);
                        let last = doc.token_before(o.end);
                        doc.actors_in(first..last + 1)
                            .into_iter()
                            .filter(|a| !actors.iter().any(|b| same_actor(a, b)))
                            .filter(|a| puts_forward(doc, a))
                            .take(1)
                            .collect()
                    })
                    .unwrap_or_default();
                let detail = Detail::Proposal(Proposal {
                    proposers,
                    content: object.map(|o| o.slice(doc.text).to_string()),
                    content_span: object,
                    kind: object_kind,
                    duration_days: None,
                    responses,
                });
                let mut c = candidate(doc, *r, detail, None, published);
                c.event
                    .mentions
                    .extend(object_nouns.iter().map(|&k| candidates[k].event.trigger));
                c.support = if actors.is_empty() { 0.3 } else { 0.8 };
                remove_indices(candidates, object_nouns);
                candidates.push(c);
            }
            None => {}
        }
    }
}

/// How many words of four letters or more a response's object shares with a proposal's
/// terms (lower case, the proposal nouns themselves left out).
fn shared_words(doc: &Doc, object: Option<Span>, c: &Candidate) -> usize {
    let (Some(o), Detail::Proposal(p)) = (object, &c.event.detail) else {
        return 0;
    };
    let Some(terms) = p.content_span else {
        return 0;
    };
    let words = |s: Span| {
        (doc.token_at_or_after(s.start)..doc.token_at_or_after(s.end))
            .filter(|&k| doc.word(k).len() >= 4 && !doc.is_cue(k, WordRole::ProposalNoun))
            .map(|k| doc.word(k))
            .collect::<Vec<_>>()
    };
    let theirs = words(terms);
    words(o).iter().filter(|w| theirs.contains(w)).count()
}

/// Whether an actor in a response's object is who put the answered proposal forward: "X's
/// demand", "a plan by X", "the U.S. plan"; not "a deal in which all hostages are released".
fn puts_forward(doc: &Doc, a: &Actor) -> bool {
    let first = doc.token_at_or_after(a.span.start);
    let last = doc.token_before(a.span.end);
    doc.is(last + 1, &["'s", "\u{2019}s"])
        || first > 0 && doc.is(first - 1, &["by", "from"])
        || (last + 1..last + 3).any(|k| doc.is_cue(k, WordRole::ProposalNoun))
}

/// A response asked of others ("urged Y to accept the truce"): the proposal in its object, or
/// else the nearest earlier one in its sentence, gets the requester as proposer.
fn propose_by_request(
    doc: &Doc,
    candidates: &mut [Candidate],
    r: &Trigger,
    requester: Option<Actor>,
    ce: usize,
) {
    let Some(requester) = requester else { return };
    let object = span_between(doc, r.last + 1, ce);
    let sentence = doc.sentence_of[r.first];
    let in_object = |c: &Candidate| object.is_some_and(|o| o.contains(c.event.trigger));
    let proposal = candidates
        .iter()
        .position(|c| c.event.event_type() == EventType::Proposal && in_object(c))
        .or_else(|| {
            candidates.iter().rposition(|c| {
                c.event.event_type() == EventType::Proposal
                    && doc.sentence_of[c.first] == sentence
                    && c.event.trigger.end <= doc.span(r.first).start
            })
        });
    if let Some(i) = proposal
        && let Detail::Proposal(p) = &mut candidates[i].event.detail
    {
        if !p.proposers.iter().any(|a| same_actor(a, &requester)) {
            p.proposers.push(requester);
        }
        candidates[i]
            .event
            .mentions
            .push(doc.span_of(r.first, r.last));
    }
}

/// A proposal noun with proposers or content of its own stands as its own event.
/// True when the object at `from` is a person, group or state itself ("Mr. Trump",
/// "the Palestinian Liberation Organization", "them"), not a thing it proposed ("Russia's
/// plan", "a U.N. Security Council resolution").
fn object_is_party(doc: &Doc, from: usize, ce: usize) -> bool {
    let mut i = from;
    while i < ce && doc.is(i, &["the", "a", "an"]) {
        i += 1;
    }
    if i >= ce {
        return false;
    }
    if doc.is(i, &["him", "her", "them", "us", "me", "you"]) {
        return true;
    }
    let Some((_, ent)) = doc.entity(i) else {
        return false;
    };
    if matches!(
        ent.kind,
        EntityKind::City | EntityKind::Region | EntityKind::Media | EntityKind::Nationality
    ) {
        return false;
    }
    let after = doc.token_at_or_after(ent.span.end);
    if doc.is(after, &["'s", "\u{2019}s", "'", "\u{2019}"]) {
        return false; // "President Obama ’s decision"
    }
    after >= ce
        || doc.is_punct(after)
        || doc.is(
            after,
            &[
                "and", "or", "but", "in", "on", "at", "for", "during", "as", "who", "which",
                "that", "because", "after", "before", "over", "with", "to", "from", "by", "since",
                "until", "while", "if", "when",
            ],
        )
}

fn has_own_arguments(c: &Candidate) -> bool {
    matches!(&c.event.detail, Detail::Proposal(p) if !p.proposers.is_empty() || (p.content.is_some() && p.kind != ProposalKind::Other && p.content_span.is_some_and(|s| s.len() > 30)))
}

/// "was rejected by X": the agent.
fn by_agent(doc: &Doc, from: usize, to: usize) -> Option<Actor> {
    let by = (from..to).find(|&i| doc.word(i) == "by")?;
    doc.np_starting_at(by + 1, to).map(|(a, _)| a)
}

fn remove_indices(candidates: &mut Vec<Candidate>, mut idx: Vec<usize>) {
    idx.sort_unstable();
    for i in idx.into_iter().rev() {
        candidates.remove(i);
    }
}
