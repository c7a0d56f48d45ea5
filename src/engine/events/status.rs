//! Whether an event happened: tense, modality and negation around its trigger.
//!
//! The cues (the `negation`, `hypothesis`, `future` and `ongoing` rows of the `cues` lexicon
//! table) are read in the trigger's clause, left of the trigger (at most eight tokens back),
//! plus a few words right after a noun trigger ("negotiations ahead", "talks are under way").
//! The cue nearest the trigger wins; a resolved date after the dateline makes an event PLANNED
//! unless a stronger cue (negation, hypothesis) says otherwise.

use super::cues::WordRole;
use super::doc::Doc;
use crate::engine::model::{Status, TimeRef};

/// A trigger as the status rules see it.
pub struct TriggerWords {
    /// First token.
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// A noun or fixed phrase: cues right after it count too ("talks ahead").
    pub noun: bool,
    /// A noun whose own verb after it gives the status ("talks … are expected to start").
    pub own_verb: bool,
}

/// The status of an event from its trigger and its resolved time, if any.
pub fn status(
    doc: &Doc,
    t: TriggerWords,
    time: Option<&TimeRef>,
    published: Option<jiff::civil::Date>,
) -> Status {
    let TriggerWords {
        first,
        last,
        noun,
        own_verb,
    } = t;
    let mut floor = doc.clause_start(first).max(first.saturating_sub(8));
    // "Iran would pay for the attack", "did not claim responsibility for the bombing": a
    // definite noun after a preposition names an event already known; the verb's modality
    // before the preposition is not its own.
    if noun && let Some(det) = definite_after_preposition(doc, first) {
        floor = floor.max(det);
    }
    let mut cue: Option<Status> = None;
    // "The RSF denied targeting civilians and said …": a denial's object is not the verb
    // coordinated after it.
    let coordinated = !noun && first > 0 && doc.is(first - 1, &["and"]);
    for i in (floor..first).rev() {
        if coordinated
            && doc.is(
                i,
                &["denied", "denies", "deny", "denying", "refused", "rejected"],
            )
        {
            break;
        }
        if let Some(s) = cue_at(doc, i, first) {
            // "Abdelatty said Egypt would host a conference": the future of a past report.
            cue = Some(if doc.word(i) == "would" && reported_future(doc, i) {
                Status::Planned
            } else if s == Status::Hypothetical
                && (i.saturating_sub(2).max(floor)..i)
                    .any(|k| cue_at(doc, k, first) == Some(Status::Negated))
            {
                Status::Negated // "is not willing to negotiate"
            } else if s == Status::Negated
                && doc.word(i).starts_with("rul")
                && (i.saturating_sub(3).max(floor)..i)
                    .any(|k| cue_at(doc, k, first) == Some(Status::Negated))
            {
                Status::Hypothetical // "has not ruled out strikes"
            } else {
                s
            });
            break;
        }
    }
    // "X denied that Y had bombed …": a denial governs the clause it introduces.
    if cue.is_none()
        && floor == doc.clause_start(first)
        && floor >= 2
        && doc.word(floor - 1) == "that"
    {
        let before = doc.clause_start(floor - 2);
        if (before..floor - 1)
            .any(|i| matches!(doc.word(i), "denied" | "denies" | "deny" | "denying"))
        {
            cue = Some(Status::Negated);
        }
    }
    if noun && cue.is_none() {
        let sent_end = doc.sentence_tokens(last).end;
        for i in last + 1..(last + 4).min(sent_end) {
            let w = doc.word(i);
            if matches!(w, "ahead" | "planned" | "scheduled") {
                cue = Some(Status::Planned);
                break;
            }
            if matches!(w, "underway" | "continuing" | "ongoing" | "beginning")
                || (w == "under" && doc.word(i + 1) == "way")
            {
                cue = Some(Status::Ongoing);
                break;
            }
            if doc.is_punct(i) {
                break;
            }
        }
    }
    if own_verb && cue.is_none() {
        cue = verb_after_noun(doc, last);
    } else if noun && cue.is_none() {
        cue = yet_to_after_noun(doc, last);
    }
    let future_date = match (time.and_then(|t| t.date), published) {
        (Some(d), Some(p)) => d > p,
        _ => false,
    };
    match cue {
        Some(Status::Negated | Status::Hypothetical) => cue.expect("matched"),
        _ if future_date => Status::Planned,
        Some(s) => s,
        None => Status::Occurred,
    }
}

/// The status cue at token `i`, if any (for a trigger at `trigger`): a negation, hypothesis,
/// future or ongoing cue of the `cues` table starting there ("not", "could", "set to",
/// "underway"), or a word ending in "n't".
fn cue_at(doc: &Doc, i: usize, trigger: usize) -> Option<Status> {
    let w = doc.word(i);
    if w == "may" && doc.a.all_caps {
        return None; // the month in wire copy
    }
    if w == "no" && i + 1 != trigger {
        return None;
    }
    if w.ends_with("n't") || w.ends_with("n\u{2019}t") {
        return Some(Status::Negated);
    }
    // "knowledge of the plans said": the noun, not "X plans to".
    if w == "plans"
        && i > 0
        && doc.is(
            i - 1,
            &[
                "the", "of", "his", "her", "their", "its", "our", "these", "any",
            ],
        )
    {
        return None;
    }
    doc.cues.status(|j| doc.word(j), i)
}

/// The determiner of a noun trigger in "PREPOSITION the [ADJECTIVE] NOUN", if it is one. Not
/// "of": "ahead of the talks" looks forward.
fn definite_after_preposition(doc: &Doc, first: usize) -> Option<usize> {
    // "in the April 22 attack": a date may stand between.
    let mut near = first;
    while near > 0 && doc.has_time(near - 1) {
        near -= 1;
    }
    let det = (near.saturating_sub(2)..near)
        .find(|&k| doc.is(k, &["the", "this", "that", "these", "those"]))?;
    // "has not confirmed the meeting": a verb that speaks of the event, not one that makes
    // it happen, is like a preposition here.
    let preposition = det > 0
        && (doc.is(
            det - 1,
            &[
                "for",
                "after",
                "since",
                "over",
                "about",
                "behind",
                "in",
                "to",
                "following",
                "against",
                "from",
                "during",
                "on",
            ],
        ) || doc.is(
            det - 1,
            &[
                "confirm",
                "confirms",
                "confirmed",
                "comment",
                "discuss",
                "discussed",
                "mention",
                "mentioned",
                "disclose",
                "disclosed",
                "acknowledge",
                "acknowledged",
                "announce",
                "announced",
                "condemn",
                "condemned",
                "investigate",
                "explain",
                "explained",
            ],
        ));
    (preposition && (det + 1..first).all(|k| !doc.is_punct(k))).then_some(det)
}

/// True when "would" at `i` reports a plan: a past speech verb shortly before it in the
/// sentence ("said that Egypt would host"), and no condition after it ("would … if …").
fn reported_future(doc: &Doc, i: usize) -> bool {
    let sent = doc.sentence_tokens(i);
    let Some(verb) = (sent.start.max(i.saturating_sub(12))..i)
        .rev()
        .find(|&k| doc.is_cue(k, WordRole::PastSpeechVerb))
    else {
        return false;
    };
    // "said he hoped it would", "would sometimes dismiss": a wish or a habit, not a plan.
    let hedged = (verb + 1..i).any(|k| cue_at(doc, k, i) == Some(Status::Hypothetical))
        || doc.is(
            i + 1,
            &["sometimes", "often", "always", "usually", "never", "rather"],
        );
    let conditional = (i + 1..sent.end.min(i + 20)).any(|k| doc.is(k, &["if", "unless"]));
    !hedged && !conditional
}

/// The status a noun trigger's own verb gives, a few words after it: "talks on a permanent
/// end to the war are expected to start", "strikes could resume". Stops at punctuation and
/// relative pronouns (their verb is another clause's).
fn verb_after_noun(doc: &Doc, last: usize) -> Option<Status> {
    let sent_end = doc.sentence_tokens(last).end;
    for i in last + 1..(last + 12).min(sent_end) {
        if doc.is_punct(i) || doc.is(i, &["who", "which", "that", "and", "but"]) {
            return None;
        }
        if doc.is(i, &["will", "shall"]) {
            return Some(Status::Planned);
        }
        if doc.is(i, &["would", "could", "might", "may", "should"]) {
            return cue_at(doc, i, i + 1);
        }
        if let Some(s) = yet_to(doc, i) {
            return Some(s);
        }
        if doc.is(i, &["is", "are", "was", "were", "be", "been"]) {
            return match doc.word(i + 1) {
                "expected" | "likely" | "unlikely" | "possible" => Some(Status::Hypothetical),
                "set" | "due" | "scheduled" | "planned" | "slated" => Some(Status::Planned),
                // "a city council meeting on the budget was postponed".
                "postponed" | "cancelled" | "canceled" | "scrapped" => Some(Status::Negated),
                "called" if doc.is(i + 2, &["off"]) => Some(Status::Negated),
                _ => None,
            };
        }
    }
    None
}

/// "has yet to be signed", "have yet to begin": not yet, but expected (PLANNED).
fn yet_to(doc: &Doc, i: usize) -> Option<Status> {
    (doc.is(i, &["has", "have", "had"]) && doc.is(i + 1, &["yet"]) && doc.is(i + 2, &["to"]))
        .then_some(Status::Planned)
}

/// For a noun whose later verbs tell of its terms ("the plan would cap …"), only a verb that
/// says the event is still to come counts ("A final peace treaty has yet to be signed").
fn yet_to_after_noun(doc: &Doc, last: usize) -> Option<Status> {
    let sent_end = doc.sentence_tokens(last).end;
    (last + 1..(last + 8).min(sent_end))
        .take_while(|&i| !doc.is_punct(i) && !doc.is(i, &["who", "which", "that", "and", "but"]))
        .find_map(|i| yet_to(doc, i))
}
