//! Event rules: triggers, arguments, status, responses and merging.
//!
//! For each article: find the trigger words (one Aho-Corasick automaton over every inflected
//! form), build one candidate event per trigger from the structure around it (one builder per
//! event type), credit sources ("according to"), link responses to the proposals they answer,
//! merge mentions of the same talks, then order events by first mention and give them
//! deterministic ids.

mod cues;
mod doc;
mod merge;
mod proposal;
mod statement;
mod status;
mod strike;
mod talks;
mod triggers;

use crate::engine::analysis::{Analysis, Case, EntityKind};
use crate::engine::lexicon::{LexiconError, Lexicons};
use crate::engine::model::{Detail, Event, EventType, Status, TimeRef};

pub use triggers::{Pos, TriggerClass, TriggerEntry};

use cues::{Cues, WordRole};
use doc::Doc;
use triggers::{TriggerMatch, Triggers};

/// A CAMEO code with its PLOVER category, from the `cameo` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CameoCode {
    /// The CAMEO code ("190").
    pub code: String,
    /// Its PLOVER category ("ASSAULT"), empty when PLOVER has none (statements).
    pub plover: String,
    /// What the code means ("Use conventional military force").
    pub description: String,
}

/// The compiled event rules.
#[derive(Debug)]
pub struct EventRules {
    triggers: Triggers,
    cues: Cues,
}

/// One trigger occurrence with the entry chosen for it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Trigger<'e> {
    /// First token.
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// The lexicon entry.
    pub entry: &'e TriggerEntry,
}

/// An event under construction: the event, its trigger's first token and its evidence score.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub event: Event,
    pub first: usize,
    /// How many of the arguments that make this type convincing were found (0..=1).
    pub support: f32,
    /// The lexicon weight of the trigger.
    pub weight: f32,
}

impl EventRules {
    /// Compiles the rules from the lexicons' `triggers`, `cameo` and `cues` tables.
    pub fn new(lexicons: &Lexicons) -> Result<EventRules, LexiconError> {
        Ok(EventRules {
            triggers: Triggers::new(lexicons)?,
            cues: Cues::new(lexicons)?,
        })
    }

    /// The PLOVER category of a CAMEO code, from the `cameo` table.
    pub fn plover(&self, cameo: &str) -> &str {
        self.triggers.plover(cameo)
    }

    /// Every trigger entry, for describing the schema.
    pub fn entries(&self) -> &[TriggerEntry] {
        &self.triggers.entries
    }

    /// The CAMEO codes events of type `t` can carry (responses count as proposals), each with
    /// its PLOVER category and description, in code order.
    pub fn codes(&self, t: EventType) -> Vec<CameoCode> {
        let mut codes: Vec<CameoCode> = Vec::new();
        for e in &self.triggers.entries {
            let of_type = match e.class {
                TriggerClass::Event(x) => x == t,
                TriggerClass::Response(_) => t == EventType::Proposal,
            };
            if of_type && !codes.iter().any(|c| c.code == e.cameo) {
                codes.push(CameoCode {
                    code: e.cameo.clone(),
                    plover: self.triggers.plover(&e.cameo).to_string(),
                    description: self.triggers.description(&e.cameo).to_string(),
                });
            }
        }
        codes.sort_by(|a, b| a.code.cmp(&b.code));
        codes
    }

    /// The events of one analysed article, in order of first mention.
    pub fn extract(
        &self,
        text: &str,
        analysis: &Analysis,
        article_id: &str,
        published: Option<jiff::civil::Date>,
    ) -> Vec<Event> {
        let doc = Doc::new(text, analysis, &self.cues);
        let matches = self.triggers.find(&doc.lower, &analysis.tokens);
        let mut triggers: Vec<Trigger> = Vec::with_capacity(matches.len());
        let mut group: Vec<&TriggerEntry> = Vec::new();
        for m in &matches {
            self.choose(&doc, m, &mut group, &mut triggers);
        }
        // At most one candidate per trigger before the responses are linked.
        let mut candidates: Vec<Candidate> = Vec::with_capacity(triggers.len());
        let mut responses: Vec<Trigger> = Vec::new();
        for trigger in triggers {
            match trigger.entry.class {
                TriggerClass::Event(EventType::Talks) => {
                    candidates.extend(talks::build(&doc, trigger, published))
                }
                TriggerClass::Event(EventType::Strike) => {
                    candidates.extend(strike::build(&doc, trigger, published))
                }
                TriggerClass::Event(EventType::Statement) => {
                    candidates.extend(statement::build(&doc, trigger, published))
                }
                TriggerClass::Event(EventType::Proposal) => {
                    if trigger.entry.stance.is_some() {
                        responses.push(trigger);
                    }
                    candidates.extend(proposal::build(&doc, trigger, published));
                }
                TriggerClass::Response(_) => responses.push(trigger),
            }
        }
        statement::credit_sources(&doc, &mut candidates);
        merge::drop_nested(&mut candidates);
        proposal::link_responses(&doc, &mut candidates, &responses, published);
        let mut candidates = merge::merge(&doc, candidates);
        candidates.sort_by_key(|c| (c.event.trigger.start, c.event.trigger.end));
        candidates
            .into_iter()
            .map(|mut c| {
                c.event.confidence = confidence(&c);
                c.event.plover_type = self.plover(&c.event.cameo_code).to_string();
                c.event.id = event_id(article_id, text, &c.event);
                c.event
            })
            .collect()
    }

    /// Pushes to `out` the entries a trigger occurrence stands for, the best of each class
    /// ("promised" is a statement and a commitment), classes in the order of their best
    /// entries: none for triggers inside a name ("United States"), verb cues used as nouns
    /// ("a note") and infinitives of speech ("to say"). `group` is scratch space.
    fn choose<'e>(
        &'e self,
        doc: &Doc,
        m: &TriggerMatch,
        group: &mut Vec<&'e TriggerEntry>,
        out: &mut Vec<Trigger<'e>>,
    ) {
        let entry = |i: u32| &self.triggers.entries[i as usize];
        for (k, &i) in m.entries.iter().enumerate() {
            let class = entry(i).class;
            if m.entries[..k].iter().any(|&j| entry(j).class == class) {
                continue;
            }
            group.clear();
            group.extend(
                m.entries[k..]
                    .iter()
                    .map(|&j| entry(j))
                    .filter(|e| e.class == class),
            );
            if let Some(t) = self.choose_in(doc, m, group) {
                out.push(t);
            }
        }
    }

    fn choose_in<'e>(
        &'e self,
        doc: &Doc,
        m: &TriggerMatch,
        entries: &[&'e TriggerEntry],
    ) -> Option<Trigger<'e>> {
        if let Some((_, ent)) = doc.entity(m.first)
            && ent.kind != EntityKind::Pronoun
            && ent.span.overlaps(doc.span_of(m.first, m.last))
        {
            return None;
        }
        let after_determiner = m.first > 0
            && doc.is(
                m.first - 1,
                &[
                    "a",
                    "an",
                    "the",
                    "this",
                    "that",
                    "his",
                    "her",
                    "its",
                    "their",
                    "our",
                    "these",
                    "those",
                    "'s",
                    "\u{2019}s",
                    "my",
                    "your",
                    "no",
                    "any",
                    "such",
                ],
            );
        // "Israeli strikes killed 32 people", "two attacks", "attacks have": a noun too.
        let noun_context = m.first > 0
            && (doc
                .entity(m.first - 1)
                .is_some_and(|(_, e)| e.kind == EntityKind::Nationality)
                || doc.number_at[m.first - 1].is_some()
                || doc.has_time(m.first - 1) // "the April 22 attack"
                || m.first > 1 && doc.is(m.first - 2, &["'s", "\u{2019}s"]) // "Hamas's latest offer"
                // "a deadly attack", "the deadliest attack": an article and an adjective.
                || m.first > 1
                    && doc.a.tokens[m.first - 1].case == Case::Lower
                    && (doc.is(m.first - 2, &["a", "an"])
                        || doc.is(m.first - 2, &["the"])
                            && (doc.word(m.first - 1).ends_with("est")
                                || doc.word(m.first - 1).ends_with("ly")))
                || doc.word(m.last).ends_with("ing") && after_article_and_modifiers(doc, m.first)
                || doc.is_cue(m.last + 1, WordRole::Kill)
                || doc.is_cue(m.last + 1, WordRole::Injure)
                || doc.is(m.last + 1, &["have", "has", "had", "were", "was"]));
        // "Houthi targets across Yemen": a verb-only cue in -s before a preposition is a noun.
        let plural_noun = doc.word(m.last).ends_with('s')
            && (doc.is_punct(m.last + 1)
                || doc.is(
                    m.last + 1,
                    &[
                        "across",
                        "in",
                        "inside",
                        "near",
                        "around",
                        "throughout",
                        "of",
                    ],
                ));
        // "two bombs exploded", "four shell bombs": a weapon word after a number or another
        // weapon word is the weapon, not a verb.
        let weapon_noun = m.first > 0
            && doc.cues.weapon(doc.word(m.last)).is_some()
            && (doc.number_at[m.first - 1].is_some()
                || doc.cues.weapon(doc.word(m.first - 1)).is_some());
        if (plural_noun || weapon_noun)
            && m.first == m.last
            && entries
                .iter()
                .all(|e| e.pos == Pos::Verb && e.class == TriggerClass::Event(EventType::Strike))
        {
            return None;
        }
        let entry =
            if after_determiner || noun_context && entries.iter().any(|e| e.pos != Pos::Verb) {
                entries.iter().find(|e| e.pos != Pos::Verb).copied()?
            } else {
                entries
                    .iter()
                    .find(|e| e.pos == Pos::Verb)
                    .or(entries.first())
                    .copied()?
            };
        // "to say", "to find": an infinitive is not something that was said or done.
        if entry.pos == Pos::Verb
            && matches!(entry.class, TriggerClass::Event(EventType::Statement))
            && m.first > 0
            && doc.word(m.first - 1) == "to"
            && entry
                .phrase
                .split('|')
                .next()
                .is_some_and(|lemma| doc.word(m.first) == lemma.split(' ').next().unwrap_or(""))
        {
            return None;
        }
        Some(Trigger {
            first: m.first,
            last: m.last,
            entry,
        })
    }
}

/// Words before a talks noun that give its level ("ministerial talks").
pub(crate) fn level_word(w: &str) -> bool {
    matches!(
        w,
        "ministerial"
            | "technical"
            | "expert"
            | "summit"
            | "working"
            | "bilateral"
            | "trilateral"
            | "indirect"
    )
}

/// The subject of the clause before a participle ("Putin has rejected it, insisting on …",
/// "Kremlin downplayed expectations, saying …"): its first actor outside quotations.
pub(crate) fn clause_subject_before_comma(
    doc: &Doc,
    comma: usize,
) -> Option<crate::engine::model::Actor> {
    if comma == 0 {
        return None;
    }
    // "Zelenskyy rejected any deal that would require Ukraine to cede territory, saying …":
    // past a relative clause to the main one.
    let mut from = doc.clause_start(comma - 1);
    while from >= 2 && doc.is(from - 1, &["that", "which", "who"]) {
        from = doc.clause_start(from - 2);
    }
    first_party_in(doc, from..comma)
}

/// The first entity in `range` that can be a party (not a place, a medium or inside a
/// quotation).
pub(crate) fn first_party_in(
    doc: &Doc,
    range: std::ops::Range<usize>,
) -> Option<crate::engine::model::Actor> {
    range.into_iter().find_map(|i| {
        let (e, ent) = doc.entity(i)?;
        let ok = !doc.quoted[i]
            && !matches!(
                ent.kind,
                EntityKind::City | EntityKind::Region | EntityKind::Media
            );
        ok.then(|| doc.actor_of(e))
    })
}

/// True when token `first` is an "-ing" participle right after a comma.
pub(crate) fn is_participle_after_comma(doc: &Doc, first: usize) -> bool {
    first > 0 && doc.word(first).ends_with("ing") && doc.raw(first - 1) == ","
}

/// "the council meeting", "a city council meeting", "the deadly bombing": one or two
/// lower-case modifiers after an article stand right before token `first`.
fn after_article_and_modifiers(doc: &Doc, first: usize) -> bool {
    let article = |k: usize| doc.is(k, &["a", "an", "the"]);
    let modifier =
        |k: usize| doc.a.tokens[k].case == Case::Lower && !doc.is_punct(k) && !article(k);
    (first.saturating_sub(3)..first.saturating_sub(1))
        .rev()
        .find(|&k| !modifier(k))
        .is_some_and(|k| article(k) && (k + 1..first).all(modifier))
}

/// A new candidate with the common fields filled: trigger, sentence, time and status.
pub(crate) fn candidate(
    doc: &Doc,
    t: Trigger,
    detail: Detail,
    time: Option<TimeRef>,
    published: Option<jiff::civil::Date>,
) -> Candidate {
    let noun = t.entry.pos != Pos::Verb;
    // "talks … are expected to start", "strikes could resume": the noun's own verb; a
    // statement or proposal noun's verb tells of its content instead ("the plan would cap").
    let own_verb = t.entry.pos != Pos::Verb
        && matches!(
            t.entry.class,
            TriggerClass::Event(EventType::Talks | EventType::Strike)
        );
    let status = status::status(
        doc,
        status::TriggerWords {
            first: t.first,
            last: t.last,
            noun,
            own_verb,
        },
        time.as_ref(),
        published,
    );
    Candidate {
        event: Event {
            id: String::new(),
            status,
            trigger: doc.span_of(t.first, t.last),
            mentions: Vec::new(),
            sentence: doc.evidence_span(t.first, t.last),
            time,
            place: None,
            reported_by: None,
            confidence: 0.0,
            cameo_code: t.entry.cameo.clone(),
            plover_type: String::new(),
            detail,
        },
        first: t.first,
        support: 0.0,
        weight: t.entry.weight,
    }
}

/// Confidence: the trigger's lexicon weight, raised by the arguments found, lowered for
/// events that did not (or may not) happen.
fn confidence(c: &Candidate) -> f32 {
    let mut x = c.weight * (0.6 + 0.4 * c.support.clamp(0.0, 1.0));
    if matches!(c.event.status, Status::Hypothetical) {
        x *= 0.9;
    }
    (x * 100.0).round() / 100.0
}

/// A deterministic id: FNV-1a over the article id, the engine version, the text's length,
/// the type and the trigger offsets.
fn event_id(article_id: &str, text: &str, e: &Event) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    feed(article_id.as_bytes());
    feed(crate::engine::ENGINE_VERSION.as_bytes());
    feed(&(text.len() as u64).to_le_bytes());
    feed(e.event_type().name().as_bytes());
    feed(&(e.trigger.start as u64).to_le_bytes());
    feed(&(e.trigger.end as u64).to_le_bytes());
    let name = e.event_type().name();
    let mut id = String::with_capacity(name.len() + 17);
    id.push_str(name);
    id.push('-');
    for shift in (0..16).rev() {
        let digit = ((h >> (4 * shift)) & 0xf) as u8;
        id.push(char::from(if digit < 10 {
            b'0' + digit
        } else {
            b'a' + digit - 10
        }));
    }
    id
}
