//! Whether an event happened: tense, modality and negation around its trigger.
//!
//! The cues (the `negation`, `hypothesis`, `future` and `ongoing` rows of the `cues` lexicon
//! table) are read in the trigger's clause, left of the trigger (at most eight tokens back),
//! plus a few words right after a noun trigger ("negotiations ahead", "talks are under way").
//! The cue nearest the trigger wins; a resolved date after the dateline makes an event PLANNED
//! unless a stronger cue (negation, hypothesis) says otherwise.

use super::doc::Doc;
use crate::engine::model::{Status, TimeRef};

/// The status of an event whose trigger is tokens `first..=last`, with `noun` true for noun
/// triggers (which take cues after them too) and the event's resolved time, if any.
pub fn status(
    doc: &Doc,
    first: usize,
    last: usize,
    noun: bool,
    time: Option<&TimeRef>,
    published: Option<jiff::civil::Date>,
) -> Status {
    let floor = doc.clause_start(first).max(first.saturating_sub(8));
    let mut cue: Option<Status> = None;
    for i in (floor..first).rev() {
        if let Some(s) = cue_at(doc, i, first) {
            cue = Some(s);
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
    doc.cues.status(|j| doc.word(j), i)
}
