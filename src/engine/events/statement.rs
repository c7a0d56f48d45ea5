//! Statements: speaker, quote or reported content, channel.
//!
//! Patterns: "“…,” X said", "“…,” said X", "X said: “…”", "X said that …", "…, X said",
//! "X told Fox News", "X said on Facebook", "…, saying that …" (the main clause's subject
//! speaks), and "according to X" (X is credited as `reported_by` on the sentence's events).

use super::cues::WordRole;
use super::doc::{BETWEEN_SUBJECT_AND_VERB, Doc};
use super::{Candidate, Trigger, candidate};
use crate::engine::analysis::{Case, EntityKind, TokenKind};
use crate::engine::model::{Actor, ActorKind, Detail, EventType, Span, Statement};

/// How many tokens reported content may run after its verb: a sentence's worth of news; the
/// bound keeps the rules linear on text without sentence ends.
const CONTENT_REACH: usize = 120;

/// Builds a statement from its trigger; nothing when neither a speaker nor a quote is found.
pub(crate) fn build(
    doc: &Doc,
    t: Trigger,
    published: Option<jiff::civil::Date>,
) -> Option<Candidate> {
    let sent = doc.sentence_tokens(t.first);
    let cs = doc.clause_start(t.first);
    let ce = doc.clause_end(t.last);
    if t.entry.reported {
        return according_to(doc, t, published);
    }
    if t.entry.pos != super::Pos::Verb && statement_verb_before(doc, t.first) {
        return None; // "said in a statement": the verb is the event
    }
    // "in a statement posted on X", "a video released by the group": the noun's participle,
    // not a saying of its own.
    if t.first > sent.start
        && doc.is(
            t.first,
            &[
                "posted",
                "released",
                "issued",
                "published",
                "uploaded",
                "shared",
                "circulated",
                "aired",
            ],
        )
        && doc.is_cue(t.first - 1, WordRole::SpeechOccasion)
        && doc.a.tokens[t.first - 1].case == Case::Lower
    {
        return None;
    }
    if super::proposal::market_demand(doc, t.first) {
        return None;
    }
    // "claimed responsibility for the attack": a claim of a deed, told by the strike's
    // attacker, not a saying with content.
    if doc.word(t.first).starts_with("claim") && doc.is(t.last + 1, &["responsibility", "credit"]) {
        return None;
    }
    let participle = super::is_participle_after_comma(doc, t.first) && t.first > sent.start;
    let floor = quote_floor(doc, t.first).max(sent.start);

    let mut speaker: Option<Actor> = None;
    let mut speaker_span: Option<Span> = None;
    // "after the deal was announced", "he was told": the subject is not the speaker; the
    // agent after "by" is.
    let passive = t.entry.pos != super::Pos::Noun
        && t.first > sent.start
        && !doc.word(t.first).ends_with("ing")
        && doc.is(
            t.first - 1,
            &["was", "were", "been", "being", "is", "are", "be"],
        )
        && doc.entity(t.first - 1).is_none(); // "IS proclaimed": the group, not a verb
    // "is said to", "was accused of", "were told that": hearsay, told by someone unnamed.
    let hearsay = passive && doc.is(t.last + 1, &["to", "of", "that"]);
    if passive {
        let by = (t.last + 1..ce.min(t.last + 4)).find(|&i| doc.word(i) == "by");
        if let Some((a, _)) = by.and_then(|i| doc.np_starting_at(i + 1, ce)) {
            speaker_span = Some(a.span);
            speaker = Some(a);
        }
    } else if participle {
        // "…, the air force said Saturday, adding that …": the same speaker goes on.
        speaker = (sent.start..t.first - 1)
            .rev()
            .find(|&k| doc.is(k, &["said", "says", "told"]))
            .and_then(|k| {
                subject_of(doc, k, sent.start).or_else(|| {
                    (doc.raw(k - 1) == "," || k == sent.start)
                        .then(|| doc.np_starting_at(k + 1, t.first - 1).map(|(a, _)| a))
                        .flatten()
                })
            })
            .or_else(|| super::clause_subject_before_comma(doc, t.first - 1));
    } else if let Some((a, first)) = doc.subject_before(t.first, floor) {
        let a = past_reduced_relative(doc, first, floor).unwrap_or(a);
        speaker_span = Some(a.span);
        speaker = Some(a);
    } else if let Some(a) = appositive_subject(doc, t.first, floor) {
        speaker_span = Some(a.span);
        speaker = Some(a);
    } else if let Some(a) = coordinated_subject(doc, t.first, floor) {
        speaker = Some(a);
    }
    // "…, told NBC News that …": whom one tells is not the speaker.
    let inverted = speaker.is_none()
        && t.first > sent.start
        && !doc.is(t.first, &["told", "tells", "tell", "telling"])
        && (doc.raw(t.first - 1) == "," || doc.a.tokens[t.first - 1].kind == TokenKind::CloseQuote);
    // "Dmitri Alperovitch, CrowdStrike's co-founder, told NBC News that …": the first party
    // of the sentence before the set-off verb.
    if speaker.is_none()
        && t.first > sent.start
        && doc.raw(t.first - 1) == ","
        && doc.is(t.first, &["told", "tells"])
    {
        speaker = super::first_party_in(doc, floor..t.first - 1);
    }
    if inverted
        && let Some((mut a, _)) = doc.np_starting_at(t.last + 1, ce.max(t.last + 2).min(sent.end))
    {
        // "…, said a member of a local People's Defense Force": the speaker is the whole
        // phrase after the verb, not the name at its end.
        let from = doc.span(t.last + 1).start;
        if a.span.start > from && doc.is(t.last + 1, &["a", "an", "one", "the"]) {
            a.span = Span::new(from, a.span.end);
            a.name = a.span.slice(doc.text).to_string();
            a.canonical = super::doc::strip_determiner(&a.name).to_string();
        }
        speaker_span = Some(a.span);
        speaker = Some(a);
    }
    if speaker.as_ref().is_some_and(|a| !plausible_speaker(doc, a)) {
        speaker = None;
    }
    // "I say we …" inside a quotation: the quoted speaker's own words, not a new statement.
    if doc.quoted[t.first]
        && speaker
            .as_ref()
            .is_some_and(|a| matches!(a.name.to_ascii_lowercase().as_str(), "i" | "we" | "you"))
    {
        return None;
    }

    // A quotation just before the speaker and verb, or just after the verb.
    let left_edge = speaker_span.map_or(doc.span(t.first).start, |s| {
        s.start.min(doc.span(t.first).start)
    });
    let quote = quote_before(doc, left_edge, t).or_else(|| quote_after(doc, t, sent.end));
    let (content, content_span) = if quote.is_none() {
        reported_content(doc, t, speaker_span, sent.clone())
    } else {
        (None, None)
    };
    let partial = quote.or_else(|| {
        content_span.and_then(|c| doc.quote_starting_after(c.start).filter(|q| c.contains(*q)))
    });
    if speaker.is_none() && quote.is_none() && !(hearsay && content.is_some()) {
        return None;
    }
    // "Iran would respond.": a speaker and a verb with nothing said is no statement, unless
    // the verb only reports speech ("… a narrator in the ad asks.": the words are near).
    if quote.is_none()
        && content.is_none()
        && channel_after(doc, t.last + 1, sent.end).is_none()
        && !doc.is(
            t.first,
            &[
                "said",
                "says",
                "say",
                "told",
                "tells",
                "asked",
                "asks",
                "added",
                "adds",
                "wrote",
                "writes",
                "reported",
                "reports",
                "continued",
                "explained",
            ],
        )
    {
        return None;
    }
    // Punctuation cues speak only with a quotation after a colon ("Trump: “…”"), or with a
    // named speaker after a bar ("“…” ― Jane Doe"), and never after a speech verb.
    let cue = doc.raw(t.first);
    if cue == ":" {
        let after_verb = t.first > 0
            && doc.is(
                t.first - 1,
                &[
                    "said",
                    "says",
                    "told",
                    "wrote",
                    "added",
                    "say",
                    "tweeted",
                    "continued",
                    "explained",
                    "declared",
                    "stated",
                ],
            );
        if after_verb
            || quote.is_none()
            || speaker.is_none()
            || quote_before(doc, left_edge, t).is_some()
        {
            return None;
        }
    } else if cue == "\u{2015}" && speaker.as_ref().is_none_or(|a| a.kind != ActorKind::Person) {
        return None;
    }
    let channel = channel_after(doc, t.last + 1, ce.max((t.last + 8).min(sent.end)));
    // The time of the saying, not of what was said: "said Sunday" but not "said a round
    // scheduled for Sunday had been called off".
    let said_end = content_span
        .or(quote)
        .filter(|c| c.start >= doc.span(t.last).end)
        .map_or(ce, |c| doc.token_at_or_after(c.start).min(ce));
    let time = doc
        .time_in(t.last + 1..said_end)
        .or_else(|| doc.time_in(cs..t.first));
    let quote_inner = partial.map(|q| inner(doc, q));
    let support = [
        speaker.is_some(),
        quote.is_some() || content.is_some(),
        channel.is_some(),
    ]
    .iter()
    .filter(|&&x| x)
    .count() as f32
        / 2.0;
    let detail = Detail::Statement(Statement {
        speaker,
        quote: quote_inner.map(|s| s.slice(doc.text).to_string()),
        quote_span: quote_inner,
        direct: quote.is_some(),
        content,
        content_span,
        channel,
    });
    let mut c = candidate(doc, t, detail, time, published);
    c.support = support;
    Some(c)
}

/// "according to X": a statement by X whose content is the rest of the sentence.
fn according_to(doc: &Doc, t: Trigger, published: Option<jiff::civil::Date>) -> Option<Candidate> {
    let sent = doc.sentence_tokens(t.first);
    let (speaker, last) = doc.np_starting_at(t.last + 1, sent.end)?;
    let content_range = if t.first > sent.start + 1 {
        // "BANGKOK (AP) — Myanmar's military …, according to X": not the dateline.
        let dateline = if doc.dateline_end < t.first {
            doc.dateline_end
        } else {
            0
        };
        let from = sent
            .start
            .max(dateline)
            .max(t.first.saturating_sub(CONTENT_REACH));
        let mut end = t.first;
        while end > from && doc.is_punct(end - 1) {
            end -= 1;
        }
        (from < end).then(|| doc.span_of(from, end - 1))
    } else {
        let mut start = last + 1;
        while start < sent.end && doc.is_punct(start) {
            start += 1;
        }
        let mut end = sent.end.min(start + CONTENT_REACH);
        while end > start && doc.is_punct(end - 1) {
            end -= 1;
        }
        (start < end).then(|| doc.span_of(start, end - 1))
    };
    let detail = Detail::Statement(Statement {
        speaker: Some(speaker),
        quote: None,
        quote_span: None,
        direct: false,
        content: content_range.map(|s| s.slice(doc.text).to_string()),
        content_span: content_range,
        channel: None,
    });
    let mut c = candidate(doc, t, detail, None, published);
    c.support = 0.7;
    Some(c)
}

/// True when a statement verb stands just before a statement noun ("said in a statement").
fn statement_verb_before(doc: &Doc, first: usize) -> bool {
    let from = first.saturating_sub(4);
    (from..first).any(|i| {
        matches!(
            doc.word(i),
            "said" | "says" | "say" | "told" | "announced" | "added" | "wrote" | "stated"
        )
    })
}

/// The start of the speaker search: just after a quotation that closes before the trigger.
fn quote_floor(doc: &Doc, first: usize) -> usize {
    doc.quote_ending_before(doc.span(first).start)
        .map_or(0, |q| doc.token_at_or_after(q.end))
}

/// "X, the Y of Z, said": the subject before an appositive.
fn appositive_subject(doc: &Doc, first: usize, floor: usize) -> Option<Actor> {
    let mut i = first;
    while i > floor && doc.is(i - 1, BETWEEN_SUBJECT_AND_VERB) {
        i -= 1;
    }
    if i <= floor + 1 || doc.raw(i - 1) != "," {
        return None;
    }
    let close = i - 1;
    // "Japan's chief trade negotiator, Ryosei Akazawa, said": a person in apposition to a
    // title is one entity, the speaker.
    if let Some((e, ent)) = doc.entity(close - 1)
        && ent.kind == EntityKind::Person
        && ent.span.slice(doc.text).contains(',')
        && doc.token_at_or_after(ent.span.start) >= floor
    {
        return Some(doc.actor_of(e));
    }
    let mut j = close;
    while j > floor && close - j < 24 {
        j -= 1;
        if doc.raw(j) == "," {
            return doc.np_ending_at(j.checked_sub(1)?, floor).map(|(a, _)| a);
        }
        // "Mr.", "Gen.": an abbreviation's period does not end the appositive.
        let abbreviation = j > 0 && doc.raw(j) == "." && doc.span(j - 1).end == doc.span(j).start;
        if doc.is_punct(j) && !abbreviation {
            break;
        }
    }
    None
}

/// The subject of the verb at `first`: before it, before an appositive ("Pakistan, a key ally,
/// has refused"), or of an earlier coordinated verb.
pub(crate) fn subject_of(doc: &Doc, first: usize, floor: usize) -> Option<Actor> {
    doc.subject_before(first, floor)
        .map(|(a, _)| a)
        .or_else(|| appositive_subject(doc, first, floor))
        .or_else(|| coordinated_subject(doc, first, floor))
}

/// "two officials briefed on the negotiations said", "sources familiar with the matter said",
/// "a person with knowledge of the plans said": the noun phrase before the verb belongs to a
/// modifier of the speaker, who stands before it.
fn past_reduced_relative(doc: &Doc, np_first: usize, floor: usize) -> Option<Actor> {
    if np_first < floor + 2 || !doc.is(np_first - 1, &["on", "with", "to", "of", "in", "about"]) {
        return None;
    }
    let modifier = np_first - 2;
    let head_end =
        if doc.is(modifier, &["knowledge"]) && doc.is(modifier.checked_sub(1)?, &["with"]) {
            modifier.checked_sub(2)?
        } else if doc.is(
            modifier,
            &[
                "familiar",
                "close",
                "briefed",
                "involved",
                "informed",
                "privy",
                "knowledgeable",
                "aware",
                "speaking",
                "sympathetic",
                "linked",
                "loyal",
                "opposed",
            ],
        ) {
            modifier.checked_sub(1)?
        } else {
            return None;
        };
    if head_end < floor || doc.is_punct(head_end) {
        return None;
    }
    doc.np_ending_at(head_end, floor).map(|(a, _)| a)
}

/// "X promised … and said …": the subject of the first verb speaks in the second.
fn coordinated_subject(doc: &Doc, first: usize, floor: usize) -> Option<Actor> {
    // "Benin opened its borders …, but was still refusing admittance": past the auxiliaries
    // to ", but", then the subject of the clause before the comma.
    let mut k = first;
    while k > floor + 2
        && doc.is(
            k - 1,
            &[
                "was", "were", "is", "are", "has", "have", "had", "did", "does", "do", "not",
                "n't", "never", "still", "also", "would", "could", "will", "should", "may",
                "might", "can", "cannot", "again", "then", "just",
            ],
        )
    {
        k -= 1;
    }
    if k < first && k >= 2 && doc.word(k - 1) == "but" && doc.raw(k - 2) == "," {
        let sentence = doc.sentence_tokens(k).start.max(floor);
        return super::clause_subject_before_comma(doc, k - 2)
            .or_else(|| super::first_party_in(doc, sentence..k - 2));
    }
    if first < 2 || doc.word(first - 1) != "and" {
        return None;
    }
    let clause = doc.clause_start(first - 1).max(floor);
    // "X said Israel was violating the truce and called on …", "The group denied targeting
    // civilians and accused …": the subject of the first speech verb, not a name in its words.
    if let Some(verb) = (clause..first - 1).find(|&k| {
        doc.is_cue(k, WordRole::ReportingVerb) || doc.is(k, &["denied", "denies", "insisted"])
    }) && let Some(a) = subject_of(doc, verb, floor)
    {
        return Some(a);
    }
    let (e, _) = (clause..first - 1).find_map(|i| {
        doc.entity(i).filter(|(_, ent)| {
            !matches!(
                ent.kind,
                EntityKind::City | EntityKind::Region | EntityKind::Media
            )
        })
    })?;
    Some(doc.actor_of(e))
}

/// Speakers that are really something else ("it", a bare number, a place).
fn plausible_speaker(doc: &Doc, a: &Actor) -> bool {
    let lower = a.name.to_ascii_lowercase();
    // "The deal calls for …": an agreement's terms, not someone speaking.
    let head = lower.rsplit(' ').next().unwrap_or("");
    !(doc.cues.is(WordRole::ProposalNoun, head)
        || lower == "it"
        || lower == "this"
        || lower == "that"
        || lower.chars().all(|c| c.is_ascii_digit()))
}

/// A quotation ending right before the speaker and verb: only punctuation and the speaker
/// between its end and the trigger.
fn quote_before(doc: &Doc, left_edge: usize, t: Trigger) -> Option<Span> {
    let q = doc.quote_ending_before(left_edge)?;
    let gap = &doc.text[q.end..left_edge];
    // "…,” Oversight Chairman Jason Chaffetz said": up to three capitalized words of the
    // speaker's title may stand before the speaker found.
    let words = gap
        .trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == '\u{2014}' || c == '-');
    let comma_inside = doc.text[q.start..q.end]
        .trim_end_matches(is_quote_mark)
        .ends_with(',');
    let title_words = words.is_empty()
        || comma_inside
            && words.split_whitespace().count() <= 3
            && words.split_whitespace().all(|w| {
                (w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "a" | "an" | "the"))
                    && !w.ends_with(',')
            });
    // A quotation closing the paragraph before belongs to that paragraph's speaker.
    let gap_ok = title_words && gap.len() - words.len() < 8 && gap.matches('\n').count() < 2;
    let q_last = doc.token_before(q.end);
    let same_or_adjacent = doc.sentence_of[q_last] + 1 >= doc.sentence_of[t.first];
    // "… which the union rejected as “insulting.” General Motors said …": a quotation at the
    // end of a sentence of other words belongs to that sentence.
    let own_sentence = doc.sentence_of[q_last] == doc.sentence_of[t.first]
        || doc.span(doc.sentence_tokens(q_last).start).start >= q.start;
    (gap_ok && same_or_adjacent && own_sentence).then_some(q)
}

/// A quotation right after the verb: "said: “…”", "told Reuters “…”".
fn quote_after(doc: &Doc, t: Trigger, sent_end: usize) -> Option<Span> {
    let after = doc.span(t.last).end;
    let q = doc.quote_starting_after(after)?;
    let first_q = doc.token_at_or_after(q.start);
    if first_q > t.last + 9 {
        return None;
    }
    let in_range = first_q < sent_end || doc.raw(t.last + 1) == ":";
    // Only punctuation, a channel, a time or a listener between the verb and the quotation;
    // "said that … “questions”" is reported speech with a quoted word, not a quotation.
    let clean = (t.last + 1..first_q).all(|i| {
        doc.is_punct(i)
            && !matches!(
                doc.a.tokens[i].kind,
                TokenKind::Terminal | TokenKind::CloseQuote
            )
            || doc.is(
                i,
                &[
                    "on",
                    "to",
                    "in",
                    "a",
                    "an",
                    "the",
                    "statement",
                    "interview",
                    "reporters",
                    "journalists",
                    "post",
                    "video",
                    "message",
                    "him",
                    "her",
                    "them",
                    "us",
                    "me",
                ],
            )
            || doc.has_time(i)
            || doc.entity(i).is_some_and(|(_, e)| {
                matches!(
                    e.kind,
                    EntityKind::Media | EntityKind::Person | EntityKind::Pronoun
                )
            })
    });
    (in_range && clean).then_some(q)
}

/// Reported speech: the clause after the verb ("said that …"), or the words before the
/// speaker ("…, officials said").
/// Auxiliaries and modals: a clause of its own has begun.
const CLAUSE_VERBS: &[&str] = &[
    "would", "will", "could", "can", "should", "may", "might", "must", "had", "has", "have", "was",
    "were", "is", "are",
];

/// Adverbs that link a sentence to the one before ("Meanwhile, …").
const LINKING_ADVERBS: &[&str] = &[
    "meanwhile",
    "however",
    "separately",
    "earlier",
    "later",
    "elsewhere",
    "also",
    "moreover",
    "still",
];

/// Prepositions that join a time to a verb ("said on Wednesday", "said late on Friday").
const TIME_PREPOSITIONS: &[&str] = &["on", "in", "at", "late", "early", "earlier", "during"];

fn reported_content(
    doc: &Doc,
    t: Trigger,
    speaker: Option<Span>,
    sent: std::ops::Range<usize>,
) -> (Option<String>, Option<Span>) {
    // "…, said a member of the local defence force, who spoke …": after a speaker set after
    // the verb comes no content; what was said stands before.
    let inverted = t.first > sent.start
        && !super::is_participle_after_comma(doc, t.first) // ", saying the President was …"
        && (doc.raw(t.first - 1) == "," || doc.a.tokens[t.first - 1].kind == TokenKind::CloseQuote)
        && speaker.is_some_and(|s| {
            let after = doc.token_at_or_after(s.end);
            s.start >= doc.span(t.last).end
                && doc.token_at_or_after(s.start) <= t.last + 2
                // "said Arthur Caplan, a bioethicist …", not "said his patients are …".
                && (after >= sent.end || doc.is_punct(after) || doc.is(after, &["'s", "\u{2019}s"]))
        });
    let mut start = if inverted { sent.end } else { t.last + 1 };
    // "said Friday he would …", "said on Wednesday.": a time right after the verb is not
    // content.
    while start < sent.end
        && (doc.has_time(start)
            || doc.is(start, TIME_PREPOSITIONS) && start + 1 < sent.end && doc.has_time(start + 1))
    {
        start += 1;
    }
    // "told Congress the bank would …": the person told is not content.
    if doc.is(t.last, &["told", "tell", "tells", "telling"]) {
        let det = usize::from(doc.is(start, &["the"]) && doc.entity(start + 1).is_some());
        if let Some((_, ent)) = doc.entity(start + det) {
            start = doc.token_at_or_after(ent.span.end);
        } else if doc.is(start, &["him", "her", "them", "us", "me", "you"]) {
            start += 1;
        }
    }
    // Skip an object or channel: "told reporters that", "said on Facebook that"; not past a
    // comma ("said Saturday, adding that …": that "that" is the next verb's).
    // Nor past a clause of its own ("said Israel would not agree to any deal that …").
    // "said in a phone call with his Qatari counterpart that …": a longer reach past the
    // occasion of the saying.
    let occasion_first = doc.is(start, &["in", "at", "during"])
        && (start + 1..(start + 4).min(sent.end)).any(|i| doc.is_cue(i, WordRole::SpeechOccasion));
    let reach = if occasion_first { 14 } else { 8 };
    let that = (start..(start + reach).min(sent.end))
        .take_while(|&i| {
            doc.raw(i) != ","
                && !doc.is(i, CLAUSE_VERBS)
                // "said in a statement when he introduced legislation that …"
                && !(i > start && doc.is(i, &["when", "while", "after", "because", "before"]))
                // "pledging to end fighting … that has killed": an infinitive's object.
                && !(doc.is(i, &["to"])
                    && !doc.is(i + 1, &["reporters", "journalists", "a", "an", "the"])
                    && doc.entity(i + 1).is_none())
        })
        .find(|&i| doc.word(i) == "that");
    // "Iran fired 180 missiles, the military said, sending people into shelters": a speaker
    // set off by commas speaks of the words before it.
    // "…, the rebels' media office said, a day after …": the speaker's own modifiers may
    // stand between that comma and the name.
    let lead_comma = speaker.and_then(|s| {
        let first = doc.token_at_or_after(s.start);
        (first.saturating_sub(4).max(sent.start)..first)
            .rev()
            .take_while(|&k| {
                if doc.is_punct(k) {
                    matches!(doc.raw(k), "," | "'" | "\u{2019}")
                } else {
                    // "advisers to Mr. Obama": a preposition ends the speaker's modifiers.
                    !doc.is(
                        k,
                        &["to", "of", "for", "in", "on", "at", "by", "with", "from"],
                    )
                }
            })
            .find(|&k| doc.raw(k) == ",")
    });
    let parenthetical = that.is_none() && doc.raw(start) == "," && lead_comma.is_some();
    if let Some(i) = that {
        start = i + 1;
    } else {
        while start < sent.end
            && (doc.is_punct(start) && doc.raw(start) != "\u{201c}"
                || doc.is(start, &["reporters", "journalists"]))
        {
            start += 1;
        }
    }
    let mut end = sent.end.min(start + CONTENT_REACH);
    // "it had accepted the proposal, but Netanyahu's office said …": another clause.
    // "denied targeting civilians and said …": the next speech verb starts its own content.
    if let Some(k) = (start + 1..end).find(|&k| {
        !doc.quoted[k]
            && (doc.raw(k) == ","
                && doc.is(k + 1, &["but", "while", "whereas", "although"])
                && !doc.is(k + 2, &["also", "not"]) // "…, but also of hope"
                || doc.is(k, &["and"]) && doc.is(k + 1, &["said", "says", "told", "added"]))
    }) {
        end = k;
    }
    while end > start && doc.a.tokens[end - 1].kind == TokenKind::Terminal {
        end -= 1;
    }
    // "wrote on Telegram.", "said in a statement.": a channel is not content.
    let only_channel = (start..end).all(|i| {
        doc.is_punct(i)
            || doc.is(
                i,
                &[
                    "on",
                    "in",
                    "to",
                    "via",
                    "a",
                    "an",
                    "the",
                    "its",
                    "his",
                    "her",
                    "their",
                    "post",
                    "statement",
                    "interview",
                    "video",
                    "message",
                ],
            )
            || doc.has_time(i)
            || doc
                .entity(i)
                .is_some_and(|(_, e)| e.kind == EntityKind::Media)
    });
    // "said in an interview published on Friday", "said at a rally in Ohio when …": where
    // it was said, not what.
    // "said on condition of anonymity because …": how it was said.
    let occasion = that.is_none()
        && (doc.is(start, &["in", "at", "during", "on", "via", "after"])
            && (start + 1..(start + 4).min(end)).any(|i| doc.is_cue(i, WordRole::SpeechOccasion))
            || doc.is(start, &["on"]) && doc.is(start + 1, &["condition"]))
        && !(start..end).any(|i| doc.a.tokens[i].kind == TokenKind::OpenQuote);
    if end > start + 1 && !parenthetical && !only_channel && !occasion {
        let span = doc.span_of(start, end - 1);
        return (Some(span.slice(doc.text).to_string()), Some(span));
    }
    // Nothing after: the content stands before the speaker, when the speaker and verb are set
    // off after it ("…, the military said."; not "… said Iran would respond.").
    let stop = speaker.map_or(doc.span(t.first).start, |s| {
        s.start.min(doc.span(t.first).start)
    });
    let left = doc.token_at_or_after(stop);
    // The mark may stand a few words before the speaker found ("…, Mr. Van Voorhis said",
    // "…,\" retired Air Force general Lloyd Newton said").
    let set_off = lead_comma.is_some()
        || (left.saturating_sub(7).max(sent.start)..left)
            .rev()
            .find(|&k| {
                doc.is_punct(k) && doc.raw(k) != "."
                    || doc.is(
                        k,
                        &[
                            "to", "in", "on", "at", "by", "with", "from", "that", "which", "who",
                        ],
                    )
            })
            .is_some_and(|k| {
                matches!(doc.raw(k), "," | "\u{2014}" | "\u{2013}" | "-" | "''")
                    || doc.a.tokens[k].kind == TokenKind::CloseQuote
            });
    if !set_off {
        return (None, None);
    }
    let mut last = lead_comma.unwrap_or_else(|| doc.token_before(stop));
    // "…, the State Department said", "…, Qatari Prime Minister X said": the speaker's
    // determiner and nationality are not content.
    while last > sent.start
        && (doc.is_punct(last)
            || doc.is(last, &["the", "a", "an"])
            || doc.entity(last).is_some_and(|(_, e)| {
                e.kind == EntityKind::Nationality || speaker.is_some_and(|s| e.span.overlaps(s))
            }))
    {
        last -= 1;
    }
    let dateline = if doc.dateline_end <= last {
        doc.dateline_end
    } else {
        0
    };
    let mut from = sent
        .start
        .max(last.saturating_sub(CONTENT_REACH))
        .max(dateline);
    // "Meanwhile, Israeli air strikes …": a linking adverb is not what was said.
    if doc.is(from, LINKING_ADVERBS) && doc.raw(from + 1) == "," {
        from += 2;
    }
    if last > from && doc.span(last).end <= stop {
        let span = doc.span_of(from, last);
        return (Some(span.slice(doc.text).to_string()), Some(span));
    }
    (None, None)
}

/// The medium after the verb: "on Facebook", "told Fox News", "told Russian state TV".
fn channel_after(doc: &Doc, from: usize, to: usize) -> Option<Actor> {
    (from..to.min(doc.len())).find_map(|i| {
        let (e, ent) = doc.entity(i)?;
        (ent.kind == EntityKind::Media).then(|| doc.actor_of(e))
    })
}

/// A quotation without its quote marks and a trailing comma.
fn inner(doc: &Doc, q: Span) -> Span {
    let s = q.slice(doc.text);
    let mut start = q.start;
    let mut end = q.end;
    if let Some(c) = s.chars().next().filter(|c| is_quote_mark(*c)) {
        start += c.len_utf8();
    }
    if let Some(c) = doc.text[start..end]
        .chars()
        .next_back()
        .filter(|c| is_quote_mark(*c))
    {
        end -= c.len_utf8();
    }
    while end > start && doc.text[start..end].ends_with([',', ' ']) {
        end -= 1;
    }
    Span::new(start, end)
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{201E}'
    )
}

/// "according to X" credits X on the other events of its sentence.
pub(crate) fn credit_sources(doc: &Doc, candidates: &mut [Candidate]) {
    // Sentence → (source, its trigger); the first "according to" of a sentence wins.
    let mut sources: std::collections::HashMap<u32, (Actor, Span)> =
        std::collections::HashMap::new();
    for c in candidates.iter() {
        let according = c.event.event_type() == EventType::Statement
            && doc.lower[c.event.trigger.start..c.event.trigger.end].starts_with("according");
        if let (true, Detail::Statement(s)) = (according, &c.event.detail)
            && let Some(a) = &s.speaker
        {
            sources
                .entry(doc.sentence_of[c.first])
                .or_insert_with(|| (a.clone(), c.event.trigger));
        }
    }
    if sources.is_empty() {
        return;
    }
    for c in candidates.iter_mut() {
        if let Some((actor, trigger)) = sources.get(&doc.sentence_of[c.first])
            && c.event.trigger != *trigger
            && c.event.reported_by.is_none()
        {
            c.event.reported_by = Some(actor.clone());
        }
    }
}
