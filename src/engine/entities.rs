//! Actors, places and groups: dictionary matches, titled people, modifiers, and the later
//! mentions (surnames, pronouns) that refer back to them.
//!
//! Three passes over one article:
//! 1. **Dictionary**: every lexicon surface that matches from a token start to a token end
//!    (ASCII case insensitive, all of them: a [`PhraseIndex`] walked token by token), kept
//!    when the letter case fits the entry ("US" but not "us"; an ambiguous name only
//!    capitalized mid-sentence); then leftmost-longest, with a kind priority among equal spans.
//! 2. **Composition** over the tokens: `[modifier] title Name` makes a titled person
//!    ("Ukrainian Defence Minister Rustem Umerov"), and so does a name in apposition to a
//!    title ("Japan's chief trade negotiator, Ryosei Akazawa,"); a modifier joins a group
//!    ("US officials") or a channel ("Russian state TV"); "the Ukrainian capital" becomes the
//!    capital city.
//! 3. **Reference**: a surname alone refers to the earlier person of that name; "he"/"she"
//!    refer to the nearest earlier person outside quotations when the pronoun is outside them.

use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

use super::analysis::{Case, Entity, EntityKind, Sentence, Token, TokenKind};
use super::lexicon::{EntityEntry, Lexicons, TitleEntry};
use super::model::Span;
use super::phrases::{PhraseHash, PhraseIndex};

/// Lower-case words that may stand inside a personal name ("Mohammed bin Salman").
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "del", "della", "der", "van", "von", "da", "di", "la", "le",
    "du", "dos", "das", "abu", "ben",
];

/// Capitalized words that never start or continue a personal name after a title.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "said",
    "says",
    "told",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "who",
    "which",
    "that",
    "this",
    "after",
    "before",
    "on",
    "with",
    "by",
    "from",
    "as",
    "but",
    "also",
    "earlier",
    "later",
    "last",
    "next",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "during",
    "when",
    "while",
    "because",
    "if",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "not",
];

/// Subject pronouns that stand for a person.
const PERSON_PRONOUNS: [&str; 2] = ["he", "she"];

/// Compiled entity dictionaries; built once per engine.
#[derive(Debug)]
pub struct EntityMatcher {
    /// Every lexicon surface, matched token by token.
    names: PhraseIndex,
    /// The surfaces that text starting with a lower-case ASCII letter may match: those of an
    /// entry whose surface does not start with an upper-case one (no other fits its case).
    lower_names: PhraseIndex,
    /// For each phrase of `lower_names`, its index in `names`.
    lower_patterns: Vec<usize>,
    /// The title phrases: the title automaton runs only at tokens where one ends on a token.
    title_starts: PhraseIndex,
    /// For each phrase of `names`, the entries it stands for.
    pattern_entries: Vec<Vec<u32>>,
    entries: Vec<EntityEntry>,
    titles: AhoCorasick,
    title_entries: Vec<TitleEntry>,
    /// Country code → index of its capital in `entries`.
    capitals: HashMap<Arc<str>, u32>,
}

/// A dictionary match before selection.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    first: usize,
    last: usize,
    entry: u32,
}

impl EntityMatcher {
    /// Compiles the matcher from the lexicons.
    pub fn new(lexicons: &Lexicons) -> EntityMatcher {
        let entries: Vec<EntityEntry> = lexicons.entities().to_vec();
        let mut pattern_of: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries: Vec<Vec<u32>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let key = e.surface.to_ascii_lowercase();
            let p = *pattern_of.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                pattern_entries.push(Vec::new());
                patterns.len() - 1
            });
            pattern_entries[p].push(i as u32);
        }
        let names = PhraseIndex::new(patterns.iter().map(String::as_str));
        let lower_patterns: Vec<usize> = (0..patterns.len())
            .filter(|&p| {
                pattern_entries[p].iter().any(|&e| {
                    !entries[e as usize]
                        .surface
                        .starts_with(|c: char| c.is_ascii_uppercase())
                })
            })
            .collect();
        let lower_names = PhraseIndex::new(lower_patterns.iter().map(|&p| patterns[p].as_str()));
        let title_entries: Vec<TitleEntry> = lexicons.titles().to_vec();
        let title_starts = PhraseIndex::new(title_entries.iter().map(|t| t.phrase.as_str()));
        // A few hundred phrases: a DFA (about 1 MB) walks several times faster than the NFA.
        let titles = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::DFA))
            .build(title_entries.iter().map(|t| t.phrase.as_str()))
            .expect("title patterns compile");
        let mut capitals = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            if e.capital
                && e.kind == EntityKind::City
                && let Some(c) = &e.country
            {
                let better = capitals.get(c).is_none_or(|&j: &u32| {
                    entries[j as usize].population.unwrap_or(0) < e.population.unwrap_or(0)
                });
                if better {
                    capitals.insert(c.clone(), i as u32);
                }
            }
        }
        EntityMatcher {
            names,
            lower_names,
            lower_patterns,
            title_starts,
            pattern_entries,
            entries,
            titles,
            title_entries,
            capitals,
        }
    }

    /// The capital city of a country (ISO alpha-3), from the gazetteer.
    pub fn capital_of(&self, country: &str) -> Option<&str> {
        self.capitals
            .get(country)
            .map(|&i| &*self.entries[i as usize].canonical)
    }

    /// True when `canonical` names a national capital.
    pub fn is_capital(&self, canonical: &str) -> bool {
        self.capitals
            .values()
            .any(|&i| &*self.entries[i as usize].canonical == canonical)
    }

    /// Finds the entities of one article. `quotes` are the quotation regions, in text order
    /// and not overlapping, as [`quote_regions`] returns them.
    pub fn find(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        quotes: &[Span],
        all_caps: bool,
    ) -> Vec<Entity> {
        let sentence_starts = sentence_start_tokens(sentences, tokens.len());
        let hashes: Vec<PhraseHash> = tokens
            .iter()
            .map(|t| PhraseHash::of_range(text.as_bytes(), t.span.start, t.span.end))
            .collect();
        let found = self.dictionary(text, tokens, &hashes, &sentence_starts, all_caps);
        let mut entities = self.compose(text, tokens, &hashes, found, all_caps);
        resolve_references(text, tokens, &hashes, &mut entities, quotes, all_caps);
        entities
    }

    /// Pass 1: dictionary matches aligned with tokens, leftmost-longest.
    fn dictionary(
        &self,
        text: &str,
        tokens: &[Token],
        hashes: &[PhraseHash],
        sentence_starts: &[bool],
        all_caps: bool,
    ) -> Vec<Candidate> {
        let mut candidates = Vec::new();
        for (first, &hash) in hashes.iter().enumerate() {
            let start = tokens[first].span.start;
            let lower_initial = text.as_bytes()[start].is_ascii_lowercase();
            let (index, pattern_of) = if lower_initial {
                (&self.lower_names, Some(&self.lower_patterns))
            } else {
                (&self.names, None)
            };
            if !index.may_begin(hash) {
                continue;
            }
            let sentence_initial = sentence_starts[first]
                || (first > 0 && tokens[first - 1].kind == TokenKind::OpenQuote);
            index.for_each_match(text, tokens, first, hash, |last, phrase| {
                let pattern = pattern_of.map_or(phrase, |p| p[phrase]);
                let found = &text[start..tokens[last].span.end];
                let best = self.pattern_entries[pattern]
                    .iter()
                    .copied()
                    .filter(|&e| {
                        case_fits(&self.entries[e as usize], found, sentence_initial, all_caps)
                    })
                    .max_by_key(|&e| entry_priority(&self.entries[e as usize]));
                if let Some(entry) = best {
                    candidates.push(Candidate { first, last, entry });
                }
            });
        }
        // Leftmost, then longest, then the stronger kind.
        candidates.sort_by(|a, b| {
            a.first
                .cmp(&b.first)
                .then(b.last.cmp(&a.last))
                .then_with(|| {
                    entry_priority(&self.entries[b.entry as usize])
                        .cmp(&entry_priority(&self.entries[a.entry as usize]))
                })
        });
        let mut chosen: Vec<Candidate> = Vec::with_capacity(candidates.len());
        for c in candidates {
            if chosen.last().is_none_or(|p| c.first > p.last) {
                chosen.push(c);
            }
        }
        chosen
    }

    /// Title phrases aligned with tokens, in text order: (first token, last token, title).
    fn title_at(
        &self,
        text: &str,
        tokens: &[Token],
        hashes: &[PhraseHash],
    ) -> Vec<(usize, usize, usize)> {
        let mut at = Vec::new();
        for (first, token) in tokens.iter().enumerate() {
            // The longest title is kept only when it ends on a token end: the automaton need
            // not run unless some title does.
            let mut aligned = false;
            if self.title_starts.may_begin(hashes[first]) {
                self.title_starts
                    .for_each_match(text, tokens, first, hashes[first], |_, _| aligned = true);
            }
            if !aligned {
                continue;
            }
            let input = Input::new(text)
                .span(token.span.start..text.len())
                .anchored(Anchored::Yes);
            let Some(m) = self.titles.find(input) else {
                continue;
            };
            if let Ok(last) = tokens.binary_search_by_key(&m.end(), |t| t.span.end) {
                at.push((first, last, m.pattern().as_usize()));
            }
        }
        at
    }

    /// Pass 2: titled people, modified groups and channels, "the X capital".
    fn compose(
        &self,
        text: &str,
        tokens: &[Token],
        hashes: &[PhraseHash],
        found: Vec<Candidate>,
        all_caps: bool,
    ) -> Vec<Entity> {
        let titles = self.title_at(text, tokens, hashes);
        let title_at = |i: usize| {
            titles
                .binary_search_by_key(&i, |t| t.0)
                .ok()
                .map(|k| (titles[k].1, titles[k].2))
        };
        // Token index → the index in `found` of the dictionary match that starts there
        // (matches do not overlap); `NONE` where none does or it has been used.
        const NONE: usize = usize::MAX;
        let mut by_first = vec![NONE; tokens.len()];
        for (k, c) in found.iter().enumerate() {
            by_first[c.first] = k;
        }
        let candidate_at = |by_first: &[usize], i: usize| {
            by_first.get(i).and_then(|&k| (k != NONE).then(|| found[k]))
        };
        // Tokens a name after a title may not take: those of other entities, but not of a
        // group noun ("Chief Executive Christian Bruch": "Christian" is his name there).
        let mut covered = vec![false; tokens.len()];
        for c in &found {
            if self.entries[c.entry as usize].kind != EntityKind::Group {
                covered[c.first..=c.last].iter_mut().for_each(|x| *x = true);
            }
        }
        let mut out: Vec<Entity> = Vec::with_capacity(found.len());
        // The first dictionary match and the first title not before the token looked at.
        let (mut next_found, mut next_title) = (0, 0);
        let mut i = 0;
        while i < tokens.len() {
            // Nothing starts at a token where neither an unused dictionary match nor a title
            // does: go to the next one where either does.
            while found
                .get(next_found)
                .is_some_and(|c| c.first < i || by_first[c.first] == NONE)
            {
                next_found += 1;
            }
            while titles.get(next_title).is_some_and(|t| t.0 < i) {
                next_title += 1;
            }
            let next_start = match (found.get(next_found), titles.get(next_title)) {
                (Some(c), Some(t)) => c.first.min(t.0),
                (Some(c), None) => c.first,
                (None, Some(t)) => t.0,
                (None, None) => break,
            };
            i = next_start;
            // A modifier: nationality, country, government seat or organization.
            let modifier = candidate_at(&by_first, i)
                .filter(|c| is_modifier(self.entries[c.entry as usize].kind));
            let after_mod = modifier.map_or(i, |c| c.last + 1);
            // "[modifier] title Name"
            if let Some((title_last, title)) = title_at(after_mod) {
                let name_start = title_last + 1;
                let person = candidate_at(&by_first, name_start)
                    .filter(|c| self.entries[c.entry as usize].kind == EntityKind::Person);
                let name_end = match person {
                    Some(p) => Some(p.last),
                    None => unknown_name(text, tokens, name_start, &covered, all_caps),
                };
                if let Some(name_last) = name_end {
                    let start_tok = modifier.map_or(after_mod, |c| c.first);
                    let head = Span::new(tokens[name_start].span.start, tokens[name_last].span.end);
                    let entry = person.map(|p| &self.entries[p.entry as usize]);
                    let mod_entry = modifier.map(|c| &self.entries[c.entry as usize]);
                    let title = &self.title_entries[title];
                    out.push(Entity {
                        span: Span::new(tokens[start_tok].span.start, head.end),
                        head,
                        kind: EntityKind::Person,
                        canonical: entry
                            .map_or_else(|| Arc::from(head.slice(text)), |e| e.canonical.clone()),
                        country: entry
                            .and_then(|e| e.country.clone())
                            .or_else(|| mod_entry.and_then(|m| m.country.clone())),
                        title: Some(title.canonical.clone()),
                        role: title
                            .role
                            .clone()
                            .or_else(|| entry.and_then(|e| e.role.clone())),
                        antecedent: None,
                    });
                    if let Some(slot) = by_first.get_mut(name_start) {
                        *slot = NONE;
                    }
                    i = name_last + 1;
                    continue;
                }
                // "Japan's chief trade negotiator, Ryosei Akazawa, said": a name in apposition.
                if let Some(person) = self.appositive_person(
                    text,
                    tokens,
                    &found,
                    &by_first,
                    &covered,
                    (after_mod, title_last, title),
                    all_caps,
                ) {
                    while out
                        .last()
                        .is_some_and(|e| e.span.start >= person.span.start)
                    {
                        out.pop();
                    }
                    let name_first = tokens.partition_point(|t| t.span.start < person.head.start);
                    let name_last = tokens.partition_point(|t| t.span.end <= person.head.end) - 1;
                    if let Some(slot) = by_first.get_mut(name_first) {
                        *slot = NONE;
                    }
                    out.push(person);
                    i = name_last + 1;
                    continue;
                }
            }
            if let Some(m) = modifier {
                let m_entry = &self.entries[m.entry as usize];
                // "US officials", "Russian state TV": the modifier joins the group or channel.
                if let Some(next) = candidate_at(&by_first, m.last + 1) {
                    let n_entry = &self.entries[next.entry as usize];
                    if matches!(n_entry.kind, EntityKind::Group | EntityKind::Media)
                        && m_entry.kind != EntityKind::Organization
                    {
                        let span =
                            Span::new(tokens[m.first].span.start, tokens[next.last].span.end);
                        out.push(Entity {
                            span,
                            head: Span::new(tokens[next.first].span.start, span.end),
                            kind: n_entry.kind,
                            canonical: n_entry.canonical.clone(),
                            country: m_entry.country.clone().or_else(|| n_entry.country.clone()),
                            title: None,
                            role: n_entry.role.clone(),
                            antecedent: None,
                        });
                        by_first[next.first] = NONE;
                        i = next.last + 1;
                        continue;
                    }
                }
                // "the Ukrainian capital": the capital city of that country.
                if m_entry.kind == EntityKind::Nationality
                    && tokens
                        .get(m.last + 1)
                        .is_some_and(|t| t.span.slice(text).eq_ignore_ascii_case("capital"))
                    && let Some(&cap) = m_entry.country.as_ref().and_then(|c| self.capitals.get(c))
                {
                    let cap_entry = &self.entries[cap as usize];
                    let mut start = tokens[m.first].span.start;
                    if m.first > 0
                        && tokens[m.first - 1]
                            .span
                            .slice(text)
                            .eq_ignore_ascii_case("the")
                    {
                        start = tokens[m.first - 1].span.start;
                    }
                    let span = Span::new(start, tokens[m.last + 1].span.end);
                    out.push(Entity {
                        span,
                        head: span,
                        kind: EntityKind::City,
                        canonical: cap_entry.canonical.clone(),
                        country: cap_entry.country.clone(),
                        title: None,
                        role: None,
                        antecedent: None,
                    });
                    i = m.last + 2;
                    continue;
                }
            }
            if let Some(c) = candidate_at(&by_first, i) {
                out.push(self.entity_of(text, tokens, c));
                i = c.last + 1;
                continue;
            }
            i += 1;
        }
        out
    }

    /// A person named in apposition to a title: "Japan's chief trade negotiator, Ryosei
    /// Akazawa," or "the U.N.'s humanitarian chief, Tom Fletcher,". `title` is (first token,
    /// last token, title entry) of the title's head; up to two lower-case words before it join
    /// the title as written, and a country, nationality or organization before those (with or
    /// without a possessive) gives the country. The name is a known person, or an unknown one
    /// of at least two capitalized words, and a comma follows it. The entity spans from the
    /// modifier (or the title) to the name; its head is the name.
    #[allow(clippy::too_many_arguments)]
    fn appositive_person(
        &self,
        text: &str,
        tokens: &[Token],
        found: &[Candidate],
        by_first: &[usize],
        covered: &[bool],
        (title_first, title_last, title): (usize, usize, usize),
        all_caps: bool,
    ) -> Option<Entity> {
        let word = |i: usize| tokens.get(i).map(|t| t.span.slice(text));
        if word(title_last + 1) != Some(",") {
            return None;
        }
        let name_first = title_last + 2;
        let known = by_first
            .get(name_first)
            .filter(|&&k| k != usize::MAX)
            .map(|&k| found[k])
            .filter(|c| self.entries[c.entry as usize].kind == EntityKind::Person);
        let name_last = match known {
            Some(c) => c.last,
            None => {
                let last = unknown_name(text, tokens, name_first, covered, all_caps)?;
                let words = (name_first..=last)
                    .filter(|&k| tokens[k].case != Case::Lower)
                    .count();
                (words >= 2).then_some(last)?
            }
        };
        if word(name_last + 1) != Some(",") {
            return None;
        }
        // Lower-case words of the title as written ("chief trade"), then the modifier.
        let mut first = title_first;
        while first > 0
            && title_first - first < 2
            && tokens[first - 1].kind == TokenKind::Word
            && tokens[first - 1].case == Case::Lower
            && tokens[first - 1].span.len() > 1
            && !NOT_NAMES
                .iter()
                .any(|n| n.eq_ignore_ascii_case(tokens[first - 1].span.slice(text)))
            && !matches!(tokens[first - 1].span.slice(text), "'s" | "’s")
        {
            first -= 1;
        }
        let mut before = first;
        if before > 0 && matches!(word(before - 1), Some("'s" | "’s" | "'" | "’")) {
            before -= 1;
        }
        let modifier = found
            .iter()
            .rev()
            .find(|c| c.last + 1 == before)
            .filter(|c| is_modifier(self.entries[c.entry as usize].kind));
        let entry = known.map(|c| &self.entries[c.entry as usize]);
        let mod_entry = modifier.map(|c| &self.entries[c.entry as usize]);
        let title_entry = &self.title_entries[title];
        let title_text = if first == title_first {
            title_entry.canonical.clone()
        } else {
            Arc::from(&text[tokens[first].span.start..tokens[title_last].span.end])
        };
        let head = Span::new(tokens[name_first].span.start, tokens[name_last].span.end);
        let start = modifier.map_or(first, |c| c.first);
        Some(Entity {
            span: Span::new(tokens[start].span.start, head.end),
            head,
            kind: EntityKind::Person,
            canonical: entry.map_or_else(|| Arc::from(head.slice(text)), |e| e.canonical.clone()),
            country: entry
                .and_then(|e| e.country.clone())
                .or_else(|| mod_entry.and_then(|m| m.country.clone())),
            title: Some(title_text),
            role: entry
                .and_then(|e| e.role.clone())
                .or_else(|| mod_entry.and_then(|m| m.role.clone()))
                .or_else(|| title_entry.role.clone()),
            antecedent: None,
        })
    }

    fn entity_of(&self, _text: &str, tokens: &[Token], c: Candidate) -> Entity {
        let e = &self.entries[c.entry as usize];
        let span = Span::new(tokens[c.first].span.start, tokens[c.last].span.end);
        Entity {
            span,
            head: span,
            kind: e.kind,
            canonical: e.canonical.clone(),
            country: e.country.clone(),
            title: e.title.clone(),
            role: e.role.clone(),
            antecedent: None,
        }
    }
}

/// Kinds that may modify a title or a group: "Russian President …", "US officials".
fn is_modifier(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Nationality
            | EntityKind::Country
            | EntityKind::Government
            | EntityKind::Organization
    )
}

/// For each token, whether it starts a sentence.
fn sentence_start_tokens(sentences: &[Sentence], n: usize) -> Vec<bool> {
    let mut starts = vec![false; n];
    for s in sentences {
        if s.tokens.start < n {
            starts[s.tokens.start] = true;
        }
    }
    starts
}

/// Whether a dictionary entry may match `found` (the text as written) here.
fn case_fits(e: &EntityEntry, found: &str, sentence_initial: bool, all_caps: bool) -> bool {
    if found == e.surface {
        // An ambiguous name opening a sentence may be the common word ("Nice weather"), but a
        // country seldom is ("Turkey proposed ...").
        return !(e.ambiguous && sentence_initial && e.kind != EntityKind::Country);
    }
    if all_caps {
        // Wire copy in capitals: only unambiguous, case-insensitive entries.
        return !e.case_sensitive && !e.ambiguous && found.bytes().all(|b| !b.is_ascii_lowercase());
    }
    if e.case_sensitive || e.ambiguous {
        return false;
    }
    let surface_has_upper = e.surface.bytes().any(|b| b.is_ascii_uppercase());
    if !surface_has_upper {
        return true; // common nouns: "officials", "civilians", "state TV" written any way
    }
    // A proper name: it must be capitalized where the dictionary capitalizes it.
    e.surface.split(' ').zip(found.split(' ')).all(|(s, f)| {
        !s.starts_with(|c: char| c.is_ascii_uppercase())
            || f.starts_with(|c: char| c.is_uppercase())
    })
}

/// Which of several entries with the same surface wins.
fn entry_priority(e: &EntityEntry) -> (u8, u64) {
    let kind = match e.kind {
        EntityKind::Person => 9,
        EntityKind::ArmedGroup => 8,
        EntityKind::Media => 7,
        EntityKind::Organization => 6,
        EntityKind::Government => 5,
        EntityKind::Country => 4,
        EntityKind::Nationality => 3,
        EntityKind::City => 2,
        EntityKind::Region => 1,
        EntityKind::Group | EntityKind::Pronoun => 0,
    };
    (kind, e.population.unwrap_or(0))
}

/// An unknown personal name after a title: one to four capitalized words (with particles),
/// not already covered by another entity. Returns the index of its last token.
fn unknown_name(
    text: &str,
    tokens: &[Token],
    start: usize,
    covered: &[bool],
    all_caps: bool,
) -> Option<usize> {
    let is_name_word = |i: usize| {
        let t = tokens.get(i)?;
        let w = t.span.slice(text);
        let ok = t.kind == TokenKind::Word
            && !covered[i]
            && matches!(t.case, Case::Title | Case::Upper)
            && !NOT_NAMES.iter().any(|n| n.eq_ignore_ascii_case(w));
        ok.then_some(())
    };
    is_name_word(start)?;
    // Particles ("bin", "Al") do not count: "Sheikh Mohammed bin Abdulrahman Al Thani".
    let max_words = if all_caps { 2 } else { 4 };
    let is_particle =
        |t: &Token| NAME_PARTICLES.contains(&t.span.slice(text).to_ascii_lowercase().as_str());
    let mut words = 1;
    let mut last = start;
    let mut i = start + 1;
    while words < max_words + 1 && i - start < 2 * max_words {
        let Some(t) = tokens.get(i) else { break };
        if t.span.start != tokens[i - 1].span.end + 1
            && !text[tokens[i - 1].span.end..t.span.start].trim().is_empty()
        {
            break;
        }
        let particle = is_particle(t);
        if is_name_word(i).is_some() && (words < max_words || particle) {
            words += usize::from(!particle);
            last = i;
            i += 1;
        } else if particle && is_name_word(i + 1).is_some() {
            i += 1;
        } else {
            break;
        }
    }
    Some(last)
}

/// Pass 3: surnames and pronouns refer back to the people they mean. `hashes` are the
/// tokens' [`PhraseHash`]es.
fn resolve_references(
    text: &str,
    tokens: &[Token],
    hashes: &[PhraseHash],
    entities: &mut Vec<Entity>,
    quotes: &[Span],
    all_caps: bool,
) {
    // The regions are in text order and do not overlap: only the last one starting at or
    // before a span can hold it.
    let in_quote = |s: Span| {
        let after = quotes.partition_point(|q| q.start <= s.start);
        after > 0 && quotes[after - 1].contains(s)
    };
    // Surname (last word of a person's name) → index of the person's full mention.
    let mut added: Vec<Entity> = Vec::new();
    // The latest person mentioned, and the latest outside quotations: the antecedents of a
    // pronoun inside and outside them.
    let (mut last_person, mut last_unquoted_person) = (None, None);
    let mut next_entity = 0;
    let mut surname_of: HashMap<String, usize> = HashMap::new();
    // Most capitalized words are no surname: a small Bloom filter answers them before the map.
    let mut surname_filter = SurnameFilter::default();
    let mut lowered = String::new();
    let pronoun_hashes = PERSON_PRONOUNS.map(|p| PhraseHash::of(p.as_bytes()));
    for (i, t) in tokens.iter().enumerate() {
        while next_entity < entities.len() && entities[next_entity].span.end <= t.span.start {
            let ent = &entities[next_entity];
            if ent.kind == EntityKind::Person {
                last_person = Some(next_entity);
                if !in_quote(ent.span) {
                    last_unquoted_person = Some(next_entity);
                }
                let head = ent.head.slice(text);
                if let Some(last) = head.split_whitespace().last()
                    && head.contains(' ')
                {
                    let surname = last.to_lowercase();
                    surname_filter.insert(PhraseHash::of(surname.as_bytes()));
                    surname_of.insert(surname, next_entity);
                }
            }
            next_entity += 1;
        }
        // Inside the first entity not ended before the token.
        let covered = entities
            .get(next_entity)
            .is_some_and(|ent| ent.span.start <= t.span.start);
        if covered || t.kind != TokenKind::Word {
            continue;
        }
        let capitalized = matches!(t.case, Case::Title | Case::Upper);
        if capitalized
            && (all_caps || t.case == Case::Title)
            && !surname_of.is_empty()
            && let word = t.span.slice(text)
            && surname_filter.may_hold(if word.is_ascii() {
                // Lower case is ASCII case folding here: the token's own hash.
                hashes[i]
            } else {
                PhraseHash::of(lower_case(word, &mut lowered).as_bytes())
            })
            && let Some(&target) = surname_of.get(lower_case(word, &mut lowered))
        {
            added.push(reference(
                t.span,
                EntityKind::Person,
                &entities[target],
                target,
            ));
            continue;
        }
        // No other letters lower-case to ASCII h, e or s: an ASCII comparison is the same test,
        // and a word that passes it has a pronoun's hash.
        if pronoun_hashes.contains(&hashes[i])
            && PERSON_PRONOUNS
                .iter()
                .any(|p| t.span.slice(text).eq_ignore_ascii_case(p))
        {
            let antecedent = if in_quote(t.span) {
                last_person
            } else {
                last_unquoted_person
            };
            if let Some(target) = antecedent {
                let root = entities[target].antecedent.unwrap_or(target);
                added.push(reference(
                    t.span,
                    EntityKind::Pronoun,
                    &entities[root],
                    root,
                ));
            }
        }
    }
    if added.is_empty() {
        return;
    }
    // Merge in text order; antecedent indices must be renumbered.
    let old = std::mem::take(entities);
    let mut new_index = vec![0usize; old.len()];
    let mut merged = Vec::with_capacity(old.len() + added.len());
    let mut a = added.into_iter().peekable();
    for (k, ent) in old.into_iter().enumerate() {
        while a.peek().is_some_and(|x| x.span.start < ent.span.start) {
            merged.push(a.next().expect("peeked"));
        }
        new_index[k] = merged.len();
        merged.push(ent);
    }
    merged.extend(a);
    for ent in &mut merged {
        if let Some(old_idx) = ent.antecedent {
            ent.antecedent = Some(new_index[old_idx]);
        }
    }
    *entities = merged;
}

/// A 256-bit Bloom filter of the surnames seen so far in an article, by the [`PhraseHash`] of
/// their lower-case text.
#[derive(Default)]
struct SurnameFilter([u64; 4]);

impl SurnameFilter {
    fn bits(hash: PhraseHash) -> [usize; 2] {
        let h = hash.key();
        [(h & 255) as usize, ((h >> 8) & 255) as usize]
    }

    fn insert(&mut self, hash: PhraseHash) {
        for bit in Self::bits(hash) {
            self.0[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// False when no surname of this hash was inserted.
    fn may_hold(&self, hash: PhraseHash) -> bool {
        Self::bits(hash)
            .iter()
            .all(|&bit| self.0[bit / 64] & (1 << (bit % 64)) != 0)
    }
}

/// `word` in lower case (as `str::to_lowercase`), written into `buf`.
fn lower_case<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&word.to_lowercase());
    }
    buf
}

fn reference(span: Span, kind: EntityKind, target: &Entity, target_index: usize) -> Entity {
    Entity {
        span,
        head: span,
        kind,
        canonical: target.canonical.clone(),
        country: target.country.clone(),
        title: target.title.clone(),
        role: target.role.clone(),
        antecedent: Some(target_index),
    }
}

/// Quotation regions: each opening quote to its closing quote; an opening quote left open runs
/// to the end of its paragraph (news style for quotes over several paragraphs).
pub fn quote_regions(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    for t in tokens {
        match t.kind {
            TokenKind::OpenQuote => {
                if let Some(start) = open {
                    // A new opening quote in a new paragraph: the previous one ran to its end.
                    let gap = &text[start..t.span.start];
                    if let Some(p) = gap.find("\n\n") {
                        regions.push(Span::new(start, start + p));
                    }
                }
                open = Some(t.span.start);
            }
            TokenKind::CloseQuote => {
                if let Some(start) = open.take() {
                    regions.push(Span::new(start, t.span.end));
                }
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        let end = text[start..].find("\n\n").map_or(text.len(), |p| start + p);
        regions.push(Span::new(start, end));
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text;

    const TEST_ENTITIES: &str = "# table: entities
# source: test data written for these tests
# licence: MIT OR Apache-2.0
# columns: surface\tkind\tcanonical\tcountry\tattrs
Ukraine\tCOUNTRY\tUkraine\tUKR\t
Ukrainian\tNATIONALITY\tUkraine\tUKR\t
Russia\tCOUNTRY\tRussia\tRUS\t
Russian\tNATIONALITY\tRussia\tRUS\t
US\tCOUNTRY\tUnited States\tUSA\tcase
U.S.\tCOUNTRY\tUnited States\tUSA\t
Saudi Arabia\tCOUNTRY\tSaudi Arabia\tSAU\t
Kyiv\tCITY\tKyiv\tUKR\tcapital;pop=2797553
Kiev\tCITY\tKyiv\tUKR\tcapital;pop=2797553
Riyadh\tCITY\tRiyadh\tSAU\tcapital;pop=4205961
Kremlin\tGOVERNMENT\tKremlin\tRUS\t
Washington\tGOVERNMENT\tUnited States government\tUSA\t
Facebook\tMEDIA\tFacebook\t\t
Fox News\tMEDIA\tFox News\tUSA\t
state TV\tMEDIA\tstate TV\t\t
officials\tGROUP\tofficials\t\trole=GOV
civilians\tGROUP\tcivilians\t\trole=CVL
Vladimir Putin\tPERSON\tVladimir Putin\tRUS\ttitle=President;role=GOV
Nice\tCITY\tNice\tFRA\tambiguous;pop=342669
San Salvador\tCITY\tSan Salvador\tSLV\tcapital;pop=525990
FMLN\tARMED_GROUP\tFarabundo Marti National Liberation Front\tSLV\t
";
    const TEST_TITLES: &str = "# table: titles
# source: test data written for these tests
# licence: MIT OR Apache-2.0
# columns: phrase\tcanonical\trole
defence minister\tDefence Minister\tGOV
spokesman\tspokesman\tGOV
special envoy\tspecial envoy\tGOV
envoy\tenvoy\tGOV
president\tPresident\tGOV
";

    fn matcher() -> EntityMatcher {
        let mut lex = Lexicons::empty();
        lex.add_str("test/entities.tsv", TEST_ENTITIES).unwrap();
        lex.add_str("test/titles.tsv", TEST_TITLES).unwrap();
        EntityMatcher::new(&lex)
    }

    /// (mention, kind, canonical, country, title, antecedent's mention)
    type Row = (
        String,
        EntityKind,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    fn find(m: &EntityMatcher, text: &str) -> Vec<Row> {
        let (tokens, sentences) = text::tokenize(text);
        let quotes = quote_regions(text, &tokens);
        let all_caps = text::is_all_caps(text);
        let found = m.find(text, &tokens, &sentences, &quotes, all_caps);
        found
            .iter()
            .map(|e| {
                (
                    e.span.slice(text).to_string(),
                    e.kind,
                    e.canonical.to_string(),
                    e.country.as_deref().map(str::to_string),
                    e.title.as_deref().map(str::to_string),
                    e.antecedent.map(|a| found[a].span.slice(text).to_string()),
                )
            })
            .collect()
    }

    fn has(
        rows: &[Row],
        mention: &str,
        kind: EntityKind,
        canonical: &str,
        country: Option<&str>,
    ) -> bool {
        rows.iter()
            .any(|r| r.0 == mention && r.1 == kind && r.2 == canonical && r.3.as_deref() == country)
    }

    #[test]
    fn dictionary_and_composition() {
        use EntityKind::*;
        let m = matcher();
        type Want<'a> = (&'a str, EntityKind, &'a str, Option<&'a str>);
        let cases: &[(&str, &[Want])] = &[
            (
                "Ukraine and the US officials met in Saudi Arabia.",
                &[
                    ("Ukraine", Country, "Ukraine", Some("UKR")),
                    ("US officials", Group, "officials", Some("USA")),
                    ("Saudi Arabia", Country, "Saudi Arabia", Some("SAU")),
                ],
            ),
            (
                "Ukrainian Defence Minister Rustem Umerov confirmed it.",
                &[(
                    "Ukrainian Defence Minister Rustem Umerov",
                    Person,
                    "Rustem Umerov",
                    Some("UKR"),
                )],
            ),
            (
                "Kremlin spokesman Dmitry Peskov told Russian state TV.",
                &[
                    (
                        "Kremlin spokesman Dmitry Peskov",
                        Person,
                        "Dmitry Peskov",
                        Some("RUS"),
                    ),
                    ("Russian state TV", Media, "state TV", Some("RUS")),
                ],
            ),
            (
                "US special envoy Steve Witkoff spoke to Fox News.",
                &[
                    (
                        "US special envoy Steve Witkoff",
                        Person,
                        "Steve Witkoff",
                        Some("USA"),
                    ),
                    ("Fox News", Media, "Fox News", Some("USA")),
                ],
            ),
            (
                "Russian President Vladimir Putin has rejected it.",
                &[(
                    "Russian President Vladimir Putin",
                    Person,
                    "Vladimir Putin",
                    Some("RUS"),
                )],
            ),
            (
                "A strike on the Ukrainian capital killed three civilians.",
                &[
                    ("the Ukrainian capital", City, "Kyiv", Some("UKR")),
                    ("civilians", Group, "civilians", None),
                ],
            ),
            (
                "Talks in Kiev and Riyadh.",
                &[
                    ("Kiev", City, "Kyiv", Some("UKR")),
                    ("Riyadh", City, "Riyadh", Some("SAU")),
                ],
            ),
            (
                "Washington hopes for progress but the Kremlin warns.",
                &[
                    (
                        "Washington",
                        Government,
                        "United States government",
                        Some("USA"),
                    ),
                    ("Kremlin", Government, "Kremlin", Some("RUS")),
                ],
            ),
            (
                "TERRORISTS OF THE FMLN ATTACKED SAN SALVADOR.",
                &[
                    (
                        "FMLN",
                        ArmedGroup,
                        "Farabundo Marti National Liberation Front",
                        Some("SLV"),
                    ),
                    ("SAN SALVADOR", City, "San Salvador", Some("SLV")),
                ],
            ),
        ];
        for (text, want) in cases {
            let rows = find(&m, text);
            for &(mention, kind, canonical, country) in *want {
                assert!(
                    has(&rows, mention, kind, canonical, country),
                    "{text:?}: want {mention:?} {kind:?} {canonical:?} {country:?}, got {rows:#?}"
                );
            }
        }
    }

    #[test]
    fn case_rules_reject_common_words() {
        let m = matcher();
        let cases = [
            "let us talk about it.",               // "us" is not the US
            "Nice weather today.",                 // ambiguous city at sentence start
            "the kremlin is a fortress word here", // proper name written lower case
            "THEY SAID US TROOPS LEFT.", // case-sensitive "US" in wire copy? it is exact: kept
        ];
        assert!(find(&m, cases[0]).is_empty(), "{:?}", find(&m, cases[0]));
        assert!(find(&m, cases[1]).is_empty(), "{:?}", find(&m, cases[1]));
        assert!(find(&m, cases[2]).is_empty(), "{:?}", find(&m, cases[2]));
        assert!(has(
            &find(&m, cases[3]),
            "US",
            EntityKind::Country,
            "United States",
            Some("USA")
        ));
        assert!(has(
            &find(&m, "They met in Nice on Monday."),
            "Nice",
            EntityKind::City,
            "Nice",
            Some("FRA")
        ));
    }

    #[test]
    fn surnames_and_pronouns_refer_back() {
        let m = matcher();
        let text = "“We are only at the beginning,” Kremlin spokesman Dmitry Peskov told Russian state TV. \
                    “There are difficult negotiations ahead,” Peskov said. \
                    “I feel that (Russian President Vladimir Putin) wants peace,” he told Fox News.";
        let rows = find(&m, text);
        let peskov = rows
            .iter()
            .find(|r| r.0 == "Peskov")
            .expect("surname found");
        assert_eq!(peskov.2, "Dmitry Peskov");
        assert_eq!(peskov.5.as_deref(), Some("Kremlin spokesman Dmitry Peskov"));
        let he = rows.iter().find(|r| r.0 == "he").expect("pronoun found");
        assert_eq!(he.1, EntityKind::Pronoun);
        // The person inside the quotation is not the speaker's antecedent.
        assert_eq!(he.2, "Dmitry Peskov", "{rows:#?}");
    }

    #[test]
    fn quote_regions_pair_marks_and_run_over_paragraphs() {
        let text = "“One,” he said. “Two\n\n“Three,” she said.";
        let (tokens, _) = text::tokenize(text);
        let regions: Vec<&str> = quote_regions(text, &tokens)
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(regions, ["“One,”", "“Two", "“Three,”"]);
    }
}
