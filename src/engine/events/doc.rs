//! The view of one analysed article that the event rules read: per-token lookups of
//! sentences, entities, numbers and times, clause bounds, noun phrases and actors.

use std::sync::Arc;

use super::cues::{Cues, WordRole};
use crate::engine::analysis::{Analysis, Case, Entity, EntityKind, TokenKind};
use crate::engine::model::{Actor, ActorKind, Place, Span, TimeRef};

/// How many tokens a clause may reach on either side of a trigger: news clauses are shorter,
/// and the bound keeps the rules linear on text without punctuation.
pub const CLAUSE_REACH: usize = 60;

/// A `&'static` [`WordSet`] of the given lower-case words, built at compile time:
/// `const ARTICLES: &WordSet = words!["a", "an", "the"]`.
macro_rules! words {
    ($($word:expr),+ $(,)?) => {{
        const WORDS: &[&str] = &[$($word),+];
        const TABLE: [u64; $crate::engine::events::doc::WordSet::capacity(WORDS.len())] =
            $crate::engine::events::doc::WordSet::table(WORDS);
        const SET: $crate::engine::events::doc::WordSet =
            $crate::engine::events::doc::WordSet::new(WORDS, &TABLE);
        &SET
    }};
}
/// A word's key: for one to seven bytes, the bytes little-endian with the length in the top
/// byte (equal keys, equal words); for longer words a hash of the first and last eight bytes
/// and the length, with a top byte of at least 8 (equal keys must be confirmed). 0 for the
/// empty word, which no set holds.
pub const fn word_key(w: &[u8]) -> u64 {
    let n = w.len();
    if n >= 8 {
        return long_key(load8(w, 0), load8(w, n - 8), n);
    }
    let mut key = if n == 0 { 0 } else { (n as u64) << 56 };
    let mut i = 0;
    while i < n {
        key |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The [`word_key`] of `w`, from at most two loads.
#[inline]
pub(super) fn key_of(w: &[u8]) -> u64 {
    let n = w.len();
    // Two loads that overlap in the middle of a short word: the overlap has the same bytes.
    let (low, high) = match n {
        8.. => return long_key(load8(w, 0), load8(w, n - 8), n),
        4..=7 => (load4(w, 0), load4(w, n - 4) << (8 * (n - 4))),
        2..=3 => (load2(w, 0), load2(w, n - 2) << (8 * (n - 2))),
        1 => (u64::from(w[0]), 0),
        0 => return 0,
    };
    low | high | (n as u64) << 56
}

/// The four bytes of `w` from `at`, little-endian.
#[inline]
fn load4(w: &[u8], at: usize) -> u64 {
    let four = w[at..at + 4].try_into().expect("four bytes");
    u64::from(u32::from_le_bytes(four))
}

/// The two bytes of `w` from `at`, little-endian.
#[inline]
fn load2(w: &[u8], at: usize) -> u64 {
    let two = w[at..at + 2].try_into().expect("two bytes");
    u64::from(u16::from_le_bytes(two))
}

/// The [`word_key`] of `text[start..end]`, from one or two eight-byte loads.
#[inline(always)]
pub(super) fn key_at(text: &[u8], start: usize, end: usize) -> u64 {
    let n = end - start;
    if n >= 8 {
        return long_key(load8(text, start), load8(text, end - 8), n);
    }
    match text.get(start..start + 8) {
        Some(eight) => load8(eight, 0) & ((1 << (8 * n)) - 1) | (n as u64) << 56,
        None => short_key_at_end(&text[start..end]),
    }
}

/// The [`word_key`] of a short word within eight bytes of the end of the text.
#[cold]
#[inline(never)]
fn short_key_at_end(w: &[u8]) -> u64 {
    word_key(w)
}

/// The eight bytes of `w` from `at`, little-endian.
#[inline]
const fn load8(w: &[u8], at: usize) -> u64 {
    match w.split_at(at).1.first_chunk::<8>() {
        Some(eight) => u64::from_le_bytes(*eight),
        None => panic!("eight bytes past the offset"),
    }
}

/// The key of a word of `n` bytes, at least eight, that starts with `first` and ends with
/// `last` (eight bytes each, little-endian).
const fn long_key(first: u64, last: u64, n: usize) -> u64 {
    let h = (first ^ last.rotate_left(29) ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h ^ h >> 32) | 1 << 59
}

/// True when a key of [`word_key`] identifies its word (it has fewer than eight bytes).
pub(super) const fn is_exact(key: u64) -> bool {
    key >> 56 < 8
}

/// A constant set of lower-case words: an open-addressing table of their [`word_key`]s, so
/// that [`Doc::is`] answers with one or two probes. Made by [`words!`].
pub struct WordSet {
    words: &'static [&'static str],
    table: &'static [u64],
}

impl WordSet {
    /// The table size for `n` words: a power of two, at least twice `n` (short probe runs,
    /// always an empty slot).
    const fn capacity(n: usize) -> usize {
        (2 * n).next_power_of_two()
    }

    /// The table of `words`' keys, 0 in the empty slots.
    const fn table<const N: usize>(words: &[&str]) -> [u64; N] {
        let mut table = [0u64; N];
        let mut i = 0;
        while i < words.len() {
            let key = word_key(words[i].as_bytes());
            assert!(key != 0, "a word set holds no empty word");
            let mut slot = slot_of(key, N);
            while table[slot] != 0 && table[slot] != key {
                slot = (slot + 1) % N;
            }
            table[slot] = key;
            i += 1;
        }
        table
    }

    /// A set of `words` with their `table`.
    const fn new(words: &'static [&'static str], table: &'static [u64]) -> WordSet {
        WordSet { words, table }
    }

    /// True when the word `text[start..end]` is in the set.
    #[inline(always)]
    fn contains(&self, text: &[u8], start: usize, end: usize) -> bool {
        self.has_key(key_at(text, start, end), || &text[start..end])
    }

    /// True when the word with key `key` (the word itself from `word`, asked only to confirm
    /// an equal long key) is in the set.
    #[inline(always)]
    fn has_key<'w>(&self, key: u64, word: impl FnOnce() -> &'w [u8]) -> bool {
        let size = self.table.len();
        let mut slot = slot_of(key, size);
        loop {
            match self.table[slot] {
                0 => return false,
                k if k == key => return is_exact(key) || self.holds(word()),
                _ => slot = (slot + 1) & (size - 1),
            }
        }
    }

    /// True when `word` is one of the words (the rare check of a long word's equal key).
    #[cold]
    #[inline(never)]
    fn holds(&self, word: &[u8]) -> bool {
        self.words.iter().any(|w| w.as_bytes() == word)
    }
}

/// Lower-case words that [`Doc::is`] tests a token against: a [`WordSet`], or a list
/// (`&["in", "near"]`) compared word by word.
pub trait Words {
    /// True when token `i` of `doc` is, lower-cased, one of the words.
    fn has_token(self, doc: &Doc, i: usize) -> bool;
}

impl Words for &WordSet {
    #[inline]
    fn has_token(self, doc: &Doc, i: usize) -> bool {
        doc.a
            .tokens
            .get(i)
            .is_some_and(|t| self.contains(doc.lower.as_bytes(), t.span.start, t.span.end))
    }
}

impl Words for &[&str] {
    #[inline(always)]
    fn has_token(self, doc: &Doc, i: usize) -> bool {
        // Short constant lists: the length and first byte reject almost every word without a
        // call to `memcmp`.
        let w = doc.word(i).as_bytes();
        let Some((&first, rest)) = w.split_first() else {
            return false;
        };
        self.iter().any(|x| {
            let x = x.as_bytes();
            x.len() == w.len() && x[0] == first && x[1..].iter().zip(rest).all(|(a, b)| a == b)
        })
    }
}

impl<const N: usize> Words for &[&str; N] {
    #[inline(always)]
    fn has_token(self, doc: &Doc, i: usize) -> bool {
        self.as_slice().has_token(doc, i)
    }
}

/// The first slot of `key` in a table of `size` slots (a power of two).
pub(super) const fn slot_of(key: u64, size: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & (size - 1)
}

/// Words that end a clause when scanning away from a trigger.
const CLAUSE_BREAKS: &WordSet = words![
    "while", "whereas", "but", "although", "though", "because", "which", "where", "when",
    "whether", "unless", "however", "yet", "so", "since", "after", "before", "until", "as",
    "despite", "amid", "if", "and",
];

/// Punctuation inside a clause: hyphens, apostrophes, parentheses, slashes, ampersands and
/// [`is_unit_sign`]s.
const INSIDE_CLAUSE: &WordSet = words![
    "-", "'", "’", "(", ")", "/", "&", "%", "$", "€", "£", "¥", "₽", "₴",
];

/// Words that never belong to a subject noun phrase.
const NOT_IN_NP: &WordSet = words![
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "should", "may", "might", "must", "can", "do", "does", "did", "to", "that", "which",
    "who", "whom", "whose", "what", "it", "its", "he", "she", "they", "we", "i", "you", "there",
    "not", "n't", "also", "said", "says", "say", "told", "in", "on", "at", "by", "with", "from",
    "for", "into", "about", "over", "after", "before", "than", "as", "and", "or", "but", "if",
    "while", "when", "where", "how", "why", "because", "so", "then", "now", "just", "only", "even",
    "still", "already", "very", "more", "most", "much", "this", "these", "those",
];

/// Words that cannot end a noun phrase: prepositions, light verbs, contractions.
const NOT_HEADS: &WordSet = words![
    "of",
    "for",
    "to",
    "at",
    "from",
    "with",
    "by",
    "into",
    "onto",
    "than",
    "get",
    "gets",
    "got",
    "getting",
    "'m",
    "\u{2019}m",
    "'re",
    "\u{2019}re",
    "'ve",
    "\u{2019}ve",
    "'ll",
    "\u{2019}ll",
    "'d",
    "\u{2019}d",
    "'s",
    "\u{2019}s",
    "thousands",
    "hundreds",
    "dozens",
    "millions",
];

/// Determiners and possessives that open a noun phrase.
pub const DETERMINERS: &WordSet = words![
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "another", "other", "one", "no", "every", "each", "both", "all", "any", "many",
    "several",
];

/// Adverbs that end a noun phrase after it ("a residential building shortly after 2 a.m.").
const ADVERBS_AFTER_NP: &WordSet = words![
    "overnight",
    "shortly",
    "reportedly",
    "allegedly",
    "apparently",
    "immediately",
    "recently",
    "again",
    "yesterday",
    "today",
    "tonight",
];

/// Adverbs and auxiliaries that may stand between a subject and its verb.
pub const BETWEEN_SUBJECT_AND_VERB: &WordSet = words![
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "will",
    "would",
    "could",
    "shall",
    "must",
    "can",
    "cannot",
    "did",
    "does",
    "not",
    "never",
    "should",
    "may",
    "might",
    "also",
    "still",
    "later",
    "earlier",
    "previously",
    "reportedly",
    "publicly",
    "repeatedly",
    "then",
    "again",
    "once",
    "already",
    "recently",
    "separately",
    "further",
    "subsequently",
    "last",
    "this",
    "yesterday",
    "today",
    "now",
    "had",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "never",
    "allegedly",
    "initially",
    "finally",
    "first",
    "just",
    "officially",
    "openly",
    "privately",
    "bluntly",
    "flatly",
    "strongly",
    "firmly",
    "quickly",
    "immediately",
];

/// One analysed article with per-token indices.
pub struct Doc<'a> {
    /// The article text.
    pub text: &'a str,
    /// ASCII-lower-cased copy of `text`: the same byte offsets.
    pub lower: String,
    /// The language layer's output.
    pub a: &'a Analysis,
    /// Token → sentence index.
    pub sentence_of: Vec<u32>,
    /// Token → index of the entity covering it.
    pub entity_at: Vec<Option<u32>>,
    /// Token → index of the number covering it.
    pub number_at: Vec<Option<u32>>,
    /// Token → index of the time expression covering it.
    pub time_at: Vec<Option<u32>>,
    /// Token → inside a quotation region.
    pub quoted: Vec<bool>,
    /// The cue words of the `cues` lexicon table.
    pub cues: &'a Cues,
    /// The first token after an opening dateline ("KHARTOUM, June 12 (Reuters) -"), else 0.
    pub dateline_end: usize,
}

impl<'a> Doc<'a> {
    /// Indexes an analysis of `text`, with the cue words the rules read.
    pub fn new(text: &'a str, a: &'a Analysis, cues: &'a Cues) -> Doc<'a> {
        let n = a.tokens.len();
        let mut sentence_of = vec![0u32; n];
        for (si, s) in a.sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                sentence_of[t] = si as u32;
            }
        }
        let entity_at = cover(a, a.entities.iter().map(|e| e.span));
        let number_at = cover(a, a.numbers.iter().map(|x| x.span));
        let time_at = cover(a, a.times.iter().map(|x| x.span));
        let mut quoted = vec![false; n];
        mark(a, a.quotes.iter().copied(), |i, _| quoted[i] = true);
        Doc {
            text,
            lower: text.to_ascii_lowercase(),
            a,
            sentence_of,
            entity_at,
            number_at,
            time_at,
            quoted,
            cues,
            dateline_end: dateline_end(text, a),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.a.tokens.len()
    }

    /// The lower-cased text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &str {
        self.a
            .tokens
            .get(i)
            .map_or("", |t| &self.lower[t.span.start..t.span.end])
    }

    /// The text of token `i` as written.
    pub fn raw(&self, i: usize) -> &str {
        self.a.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// True when token `i` is, lower-cased, one of `words` (false past the last token).
    #[inline(always)]
    pub fn is(&self, i: usize, words: impl Words) -> bool {
        words.has_token(self, i)
    }

    /// True when token `i` is, lower-cased, a cue word of `role` in the `cues` table.
    pub fn is_cue(&self, i: usize, role: WordRole) -> bool {
        self.a.tokens.get(i).is_some_and(|t| {
            self.cues
                .is_at(role, self.lower.as_bytes(), t.span.start, t.span.end)
        })
    }

    /// True when token `i` is in a time expression that is not a duration or an age ("on
    /// Sunday", not "2-year-old").
    pub fn is_point_in_time(&self, i: usize) -> bool {
        self.time_at.get(i).copied().flatten().is_some_and(|k| {
            self.a.times[k as usize].precision != crate::engine::model::Precision::Duration
        })
    }

    /// Span of token `i`.
    pub fn span(&self, i: usize) -> Span {
        self.a.tokens[i].span
    }

    /// Span from token `first` to token `last`, inclusive.
    pub fn span_of(&self, first: usize, last: usize) -> Span {
        Span::new(
            self.a.tokens[first].span.start,
            self.a.tokens[last].span.end,
        )
    }

    /// Token range of the sentence holding token `i`.
    pub fn sentence_tokens(&self, i: usize) -> std::ops::Range<usize> {
        self.a.sentences[self.sentence_of[i] as usize]
            .tokens
            .clone()
    }

    /// The evidence for a trigger at tokens `first..=last`: its sentence, or in a sentence longer
    /// than twice [`crate::engine::EVIDENCE_WINDOW`], the whole tokens within that many bytes
    /// of the trigger.
    pub fn evidence_span(&self, first: usize, last: usize) -> Span {
        let sentence = self.sentence_span(first);
        let reach = crate::engine::EVIDENCE_WINDOW;
        if sentence.len() <= 2 * reach {
            return sentence;
        }
        let trigger = self.span_of(first, last);
        let from = self.token_at_or_after(trigger.start.saturating_sub(reach).max(sentence.start));
        let to = self.token_before((trigger.end + reach).min(sentence.end));
        Span::new(
            self.span(from.min(first)).start,
            self.span(to.max(last)).end,
        )
    }

    /// Span of the sentence holding token `i`.
    pub fn sentence_span(&self, i: usize) -> Span {
        self.a.sentences[self.sentence_of[i] as usize].span
    }

    /// True when token `i` is a quotation mark between two words of one phrase (nine
    /// "terrorist infrastructure" sites), not one that ends a quotation (`now," they said`).
    fn scare_quote(&self, i: usize) -> bool {
        let word = |k: usize| {
            self.a
                .tokens
                .get(k)
                .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        };
        let kind = |k: usize| self.a.tokens.get(k).map(|t| t.kind);
        // The other mark of the pair, two to four words away, with only words between.
        let paired = |open: usize, close: usize| {
            kind(open) == Some(TokenKind::OpenQuote)
                && kind(close) == Some(TokenKind::CloseQuote)
                && (open + 1..close).all(word)
                && open > 0
                && word(open - 1)
                && word(close + 1)
        };
        match kind(i) {
            Some(TokenKind::OpenQuote) => (i + 2..=i + 5).any(|close| paired(i, close)),
            Some(TokenKind::CloseQuote) => {
                (i.saturating_sub(5)..=i.saturating_sub(2)).any(|open| paired(open, i))
            }
            _ => false,
        }
    }

    /// True when token `i` is punctuation (not a word or number); past the last token too.
    pub fn is_punct(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_none_or(|t| match t.kind {
            TokenKind::Word | TokenKind::Number => false,
            // "145%", "$5 billion": a unit sign belongs to its number.
            TokenKind::Punct => !is_unit_sign(t.span.slice(self.text)),
            _ => true,
        })
    }

    /// The entity at token `i`.
    pub fn entity(&self, i: usize) -> Option<(usize, &Entity)> {
        self.entity_at
            .get(i)
            .copied()
            .flatten()
            .map(|e| (e as usize, &self.a.entities[e as usize]))
    }

    /// First token of the clause holding `trigger` (first..=last): scanning left stops at
    /// punctuation other than hyphens and apostrophes, quote marks, and clause-breaking words.
    pub fn clause_start(&self, first: usize) -> usize {
        let sent = self.sentence_tokens(first);
        let floor = sent.start.max(first.saturating_sub(CLAUSE_REACH));
        let mut i = first;
        while i > floor {
            let j = i - 1;
            if self.is_clause_break(j, true) {
                break;
            }
            i = j;
        }
        i
    }

    /// One past the last token of the clause after `last`.
    pub fn clause_end(&self, last: usize) -> usize {
        let end = self.sentence_tokens(last).end.min(last + 1 + CLAUSE_REACH);
        let mut i = last + 1;
        while i < end && !self.is_clause_break(i, false) {
            i += 1;
        }
        i
    }

    /// One past the last token of a noun phrase or clause after `last` that may contain "and"
    /// ("a full and immediate 30-day pause"): stops at punctuation and other clause breaks.
    pub fn clause_end_loose(&self, last: usize) -> usize {
        let end = self.sentence_tokens(last).end.min(last + 1 + CLAUSE_REACH);
        let mut i = last + 1;
        while i < end && (self.word(i) == "and" || !self.is_clause_break(i, false)) {
            i += 1;
        }
        i
    }

    /// True when token `i` starts or lies in a time expression.
    pub fn has_time(&self, i: usize) -> bool {
        self.time_at.get(i).copied().flatten().is_some()
    }

    fn is_clause_break(&self, i: usize, leftward: bool) -> bool {
        let t = self.a.tokens[i];
        match t.kind {
            TokenKind::OpenQuote | TokenKind::CloseQuote => !self.scare_quote(i),
            // "met Senior Gen. Min Aung Hlaing in Bangkok", "Mr. Putin": a period the
            // sentence splitter left inside the sentence ends an abbreviation, not a clause.
            TokenKind::Terminal => {
                !(self.raw(i) == "."
                    && i > 0
                    && self.span(i - 1).end == t.span.start
                    && i + 1 < self.sentence_tokens(i).end)
            }
            TokenKind::Punct => {
                let key = key_at(self.text.as_bytes(), t.span.start, t.span.end);
                // "SPLM/A", "and/or", "AT&T", "145%": inside a clause.
                !INSIDE_CLAUSE.has_key(key, || t.span.slice(self.text).as_bytes())
                    || (leftward && key == word_key(b"("))
            }
            TokenKind::Word => {
                let key = key_at(self.lower.as_bytes(), t.span.start, t.span.end);
                if key == word_key(b"and") {
                    // "Ukraine and the US started talks": a conjunction between two actors
                    // stays inside the clause.
                    let actor_before = i > 0 && self.entity(i - 1).is_some();
                    let actor_after = self.entity(i + 1).is_some() || self.entity(i + 2).is_some();
                    return !(actor_before || actor_after);
                }
                CLAUSE_BREAKS.has_key(key, || self.word(i).as_bytes()) || key == word_key(b"that")
            }
            TokenKind::Number => false,
        }
    }

    /// The actor an entity stands for (a pronoun or surname takes its antecedent's identity).
    pub fn actor_of(&self, e: usize) -> Actor {
        let ent = &self.a.entities[e];
        let root = ent.antecedent.map_or(ent, |r| &self.a.entities[r]);
        let kind = match root.kind {
            EntityKind::Country | EntityKind::Nationality => ActorKind::Country,
            EntityKind::City | EntityKind::Region => ActorKind::Country,
            EntityKind::Government | EntityKind::Organization => ActorKind::Organization,
            EntityKind::ArmedGroup => ActorKind::ArmedGroup,
            EntityKind::Media => ActorKind::Media,
            EntityKind::Person | EntityKind::Pronoun => ActorKind::Person,
            EntityKind::Group => ActorKind::Group,
        };
        let name = ent.span.slice(self.text).to_string();
        let canonical = match root.kind {
            EntityKind::Group if root.country.is_some() => root.span.slice(self.text).to_string(),
            _ => root.canonical.to_string(),
        };
        Actor {
            name,
            canonical,
            kind,
            country: root.country.as_deref().map(str::to_string),
            title: root.title.as_deref().map(str::to_string),
            span: ent.span,
        }
    }

    /// The place an entity names, when it is a place (or a country, or a seat of government).
    pub fn place_of(&self, e: usize) -> Option<Place> {
        let ent = &self.a.entities[e];
        matches!(
            ent.kind,
            EntityKind::City | EntityKind::Region | EntityKind::Country | EntityKind::Government
        )
        .then(|| Place {
            name: ent.span.slice(self.text).to_string(),
            canonical: if ent.kind == EntityKind::Government {
                ent.span.slice(self.text).to_string()
            } else {
                ent.canonical.to_string()
            },
            country: ent.country.as_deref().map(str::to_string),
            span: ent.span,
        })
    }

    /// True when the entity can act (propose, attack, meet, speak).
    pub fn is_actor_entity(&self, e: usize) -> bool {
        !matches!(self.a.entities[e].kind, EntityKind::Region)
    }

    /// The time expression at token `i` as a [`TimeRef`] (durations excluded).
    pub fn time_at_token(&self, i: usize) -> Option<TimeRef> {
        let t = &self.a.times[self.time_at.get(i).copied().flatten()? as usize];
        (t.precision != crate::engine::model::Precision::Duration).then(|| TimeRef {
            text: t.span.slice(self.text).to_string(),
            date: t.date,
            precision: t.precision,
            span: t.span,
        })
    }

    /// The first time expression (not a duration) in tokens `range`.
    pub fn time_in(&self, range: std::ops::Range<usize>) -> Option<TimeRef> {
        range.into_iter().find_map(|i| self.time_at_token(i))
    }

    /// The subject before a verb or noun at `first`: skips auxiliaries and adverbs, then takes
    /// the entity or noun phrase ending there. Returns the actor and its first token.
    pub fn subject_before(&self, first: usize, floor: usize) -> Option<(Actor, usize)> {
        let mut i = first;
        while i > floor {
            let j = i - 1;
            if self.is(j, BETWEEN_SUBJECT_AND_VERB) || self.time_at[j].is_some() {
                i = j;
                continue;
            }
            // "Sanders on Tuesday said": the preposition of a time just stepped over.
            if i < first
                && self.time_at[i].is_some()
                && self.is(j, &["on", "in", "at", "during", "early", "late", "earlier"])
            {
                i = j;
                continue;
            }
            // "Sen. Lindsey Graham (R-S.C.) told": step over a short parenthetical.
            if self.raw(j) == ")"
                && let Some(open) = (j.saturating_sub(6)..j).rev().find(|&k| self.raw(k) == "(")
                && open > floor
            {
                i = open;
                continue;
            }
            break;
        }
        if i == floor || i == 0 {
            return None;
        }
        if let Some(p) = self.pronoun_subject(i - 1) {
            return Some((p, i - 1));
        }
        // "listeners who said", "the campaign, which said": the noun before the relative.
        if self.is(i - 1, &["who", "which"]) && i >= 2 {
            let k = if self.raw(i - 2) == "," { i - 2 } else { i - 1 };
            if k > floor {
                return self.np_ending_at(k - 1, floor);
            }
        }
        let np = self.np_ending_at(i - 1, floor);
        // "The African Union mission in Somalia condemned", "The Red Cross operating in Iraq
        // said": the noun before "in" (and a participle) and a place.
        if let Some((a, start)) = &np
            && a.kind == ActorKind::Country
            && *start >= floor + 2
            && self.is(start - 1, &["in"])
            && !self.is_punct(start - 2)
            && let participle = (self.word(start - 2).ends_with("ing")
                || self.is(start - 2, &["based", "stationed", "deployed"]))
            && let Some(head_end) = (start - 2).checked_sub(usize::from(participle))
            && head_end > floor
            && let Some(head) = self.np_ending_at(head_end, floor)
            && matches!(
                head.0.kind,
                ActorKind::Organization
                    | ActorKind::Group
                    | ActorKind::Person
                    | ActorKind::ArmedGroup
            )
        {
            return Some(head);
        }
        np
    }

    /// "Trump has threatened to bomb Iran", "both sides had agreed to meet": the subject of
    /// the verb an infinitive at `first` depends on.
    pub fn subject_of_infinitive(&self, first: usize, floor: usize) -> Option<Actor> {
        if first < floor + 2 || !self.is(first - 1, &["to"]) || self.is_punct(first - 2) {
            return None;
        }
        self.subject_before(first - 2, floor).map(|(a, _)| a)
    }

    /// "they", "we", "I" as a subject: a speaker the article does not name here.
    fn pronoun_subject(&self, i: usize) -> Option<Actor> {
        if self.entity(i).is_some() {
            return None;
        }
        let w = self.word(i);
        let kind = match w {
            "they" | "we" => ActorKind::Group,
            "i" | "you" => ActorKind::Person,
            _ => return None,
        };
        let span = self.span(i);
        let name = span.slice(self.text).to_string();
        Some(Actor {
            canonical: name.clone(),
            name,
            kind,
            country: None,
            title: None,
            span,
        })
    }

    /// The entity or noun phrase whose last token is `last` (not before `floor`).
    pub fn np_ending_at(&self, last: usize, floor: usize) -> Option<(Actor, usize)> {
        if self.is_punct(last) {
            return None;
        }
        // "SPLM/A": two acronyms joined by a slash name one organization.
        if last >= floor + 2
            && self.raw(last - 1) == "/"
            && self.span(last - 2).end == self.span(last - 1).start
            && self.span(last - 1).end == self.span(last).start
            && self.a.tokens[last].case == Case::Upper
            && self.a.tokens[last - 2].case == Case::Upper
            && !self.a.all_caps
        {
            let span = self.span_of(last - 2, last);
            let name = span.slice(self.text).to_string();
            return Some((
                Actor {
                    canonical: name.clone(),
                    name,
                    kind: ActorKind::Organization,
                    country: None,
                    title: None,
                    span,
                },
                last - 2,
            ));
        }
        if let Some((e, ent)) = self.entity(last) {
            let first = self.token_at_or_after(ent.span.start);
            // "Russia's foreign ministry": an entity that is only a possessive is not the head.
            if ent.span.end == self.span(last).end {
                let mut actor = self.actor_of(e);
                let mut first = first;
                // "M23 fighters", "Taliban gunmen", "NATO troops": the group or organization
                // the members belong to.
                if ent.kind == EntityKind::Group
                    && first > floor
                    && let Some((g, group)) = self.entity(first - 1)
                    && matches!(
                        group.kind,
                        EntityKind::ArmedGroup | EntityKind::Organization
                    )
                    && group.span.end == self.span(first - 1).end
                {
                    let mut actor = self.actor_of(g);
                    actor.span = Span::new(group.span.start, ent.span.end);
                    actor.name = actor.span.slice(self.text).to_string();
                    return Some((actor, self.token_at_or_after(group.span.start)));
                }
                // "the rebels", "the militants": the armed group named last, a few sentences
                // back.
                if ent.kind == EntityKind::Group
                    && ent.role.as_deref() == Some("REB")
                    && first > floor
                    && self.is(first - 1, &["the"])
                    && let Some(actor) = self.armed_group_before(
                        first - 1,
                        Span::new(self.span(first - 1).start, ent.span.end),
                    )
                {
                    return Some((actor, first - 1));
                }
                // "local officials", "senior Western diplomats": modifiers join a group.
                if ent.kind == EntityKind::Group {
                    while first > floor && last - first < 4 {
                        let j = first - 1;
                        let plain = self.a.tokens[j].kind == TokenKind::Word
                            && self.a.tokens[j].case == Case::Lower
                            && !self.is(j, NOT_IN_NP)
                            && !self.is(j, DETERMINERS)
                            && self.entity(j).is_none();
                        if !plain {
                            break;
                        }
                        first = j;
                    }
                    actor.span = Span::new(self.span(first).start, ent.span.end);
                    actor.name = actor.span.slice(self.text).to_string();
                } else {
                    actor.span = ent.span;
                }
                return Some((actor, first));
            }
        }
        // A plain noun phrase: words back to a determiner or a break.
        let mut first = last;
        let mut country: Option<Arc<str>> = None;
        let mut steps = 0;
        while first > floor && steps < 7 {
            let j = first - 1;
            if self.scare_quote(j) && j > floor {
                first = j;
                continue;
            }
            if self.is_punct(j) || self.is(j, NOT_IN_NP) {
                break;
            }
            if let Some((_, ent)) = self.entity(j) {
                if ent.kind == EntityKind::Pronoun {
                    break;
                }
                country = country.or_else(|| ent.country.clone());
            }
            first = j;
            steps += 1;
            if self.is(j, DETERMINERS) {
                break;
            }
        }
        let head = self.word(last);
        // "the Federal Bureau of Prisons", "Secretary of State": the noun before "of" heads.
        let of_head = (first + 1..last)
            .find(|&i| self.is(i, &["of"]))
            .map_or(head, |of| self.word(of - 1));
        if self.is(last, NOT_IN_NP)
            || self.is(last, DETERMINERS)
            || self.is(last, NOT_HEADS)
            || head.len() < 2
        {
            return None;
        }
        if self.a.tokens[last].kind != TokenKind::Word {
            return None;
        }
        let lone_pronoun = matches!(head, "they" | "we" | "i" | "it" | "you");
        let span = self.span_of(first, last);
        let name = span.slice(self.text).to_string();
        let capitalized =
            matches!(self.a.tokens[last].case, Case::Title | Case::Upper) && !self.a.all_caps;
        // "the British maritime security agency UKMTO": an acronym names an organization.
        let acronym =
            self.a.tokens[last].case == Case::Upper && !self.a.all_caps && head.len() >= 3;
        let kind = if self.cues.is(WordRole::OrganizationHead, head)
            || self.cues.is(WordRole::OrganizationHead, of_head)
            || acronym
        {
            ActorKind::Organization
        } else if lone_pronoun || head.ends_with('s') && !capitalized {
            ActorKind::Group
        } else if capitalized {
            ActorKind::Person
        } else {
            ActorKind::Group
        };
        // "the group", "the militant group": the armed group named last, a few sentences back.
        if head == "group"
            && self.is(first, &["the"])
            && last - first <= 2
            && let Some(actor) = self.armed_group_before(first, span)
        {
            return Some((actor, first));
        }
        let canonical = strip_determiner(&name).to_string();
        Some((
            Actor {
                name,
                canonical,
                kind,
                country: country.as_deref().map(str::to_string),
                title: None,
                span,
            },
            first,
        ))
    }

    /// The armed group an anaphor at token `first` ("the group") refers to: the latest armed
    /// group entity within three sentences before it, named with the anaphor's words.
    fn armed_group_before(&self, first: usize, span: Span) -> Option<Actor> {
        let start = self.span(first).start;
        let sentence = self.sentence_of[first];
        let before = self.a.entities.partition_point(|e| e.span.start < start);
        let e = (0..before).rev().take(40).find(|&e| {
            let ent = &self.a.entities[e];
            let root = ent.antecedent.map_or(ent, |r| &self.a.entities[r]);
            root.kind == EntityKind::ArmedGroup
        })?;
        let tok = self.token_at_or_after(self.a.entities[e].span.start);
        if sentence - self.sentence_of[tok] > 3 {
            return None;
        }
        let mut actor = self.actor_of(e);
        actor.span = span;
        actor.name = span.slice(self.text).to_string();
        Some(actor)
    }

    /// The entity or noun phrase starting at token `first` (up to `ceil`), for objects and
    /// inverted speakers ("said Peskov", "said the official").
    pub fn np_starting_at(&self, first: usize, ceil: usize) -> Option<(Actor, usize)> {
        if first >= ceil || first >= self.len() {
            return None;
        }
        if let Some((e, ent)) = self.entity(first) {
            let last = self.token_before(ent.span.end);
            if self.span(first).start == ent.span.start {
                // "Indian military bases", "Ukrainian military airfields": a country,
                // nationality or organization before plain nouns modifies them; the phrase is
                // the object.
                if matches!(
                    ent.kind,
                    EntityKind::Country | EntityKind::Nationality | EntityKind::Organization
                ) && let Some(end) = self.plain_nouns_after(last, ceil)
                    && let Some((actor, _)) = self.np_ending_at(end, first)
                {
                    return Some((actor, end));
                }
                return Some((self.actor_of(e), last));
            }
        }
        let mut last = first;
        let mut i = first;
        let mut seen_noun = false;
        // The last token of the last entity passed: "the paramilitary Rapid Support Forces hit
        // a fuel depot" ends there when the longer run is no noun phrase.
        let mut entity_last = None;
        while i < ceil && i < first + 7 {
            // nine "terrorist infrastructure" sites
            if i > first && self.scare_quote(i) {
                i += 1;
                continue;
            }
            if self.is_punct(i)
                || (self.is(i, NOT_IN_NP) && !(i == first && self.is(i, DETERMINERS)))
                // "the southern suburbs of Beirut overnight": a time ends the phrase.
                || (i > first
                    && !self.is(i - 1, &["of"])
                    && (self.is_point_in_time(i) || self.is(i, ADVERBS_AFTER_NP)))
            {
                break;
            }
            // "between congressional leaders remained stalled": a past verb after a plural or
            // a name ends the phrase.
            if seen_noun
                && i > first
                && self.a.tokens[i].case == Case::Lower
                && self.word(i).ends_with("ed")
                && (self.entity(i - 1).is_some() || self.word(i - 1).ends_with('s'))
            {
                break;
            }
            if let Some((_, ent)) = self.entity(i) {
                // "the Russian official": an entity inside a longer phrase is a modifier.
                let end_tok = self.token_before(ent.span.end);
                last = end_tok;
                entity_last = Some(end_tok);
                i = end_tok + 1;
                seen_noun = true;
                continue;
            }
            if !self.is(i, DETERMINERS) {
                seen_noun = true;
            }
            last = i;
            i += 1;
        }
        if !seen_noun {
            return None;
        }
        let np_to = |last: usize| {
            self.np_ending_at(last, first)
                .filter(|(_, f)| *f >= first)
                .map(|(a, _)| (a, last))
        };
        np_to(last).or_else(|| entity_last.filter(|&l| l < last).and_then(np_to))
    }

    /// The last of one to three plain lower-case nouns right after token `last` that end a
    /// phrase (then punctuation, a function word or `ceil`): "bases" in "Indian military
    /// bases and …"; `None` for verbs, adverbs, times and entities ("Israel killed",
    /// "Iran overnight", "Hamas fighters").
    fn plain_nouns_after(&self, last: usize, ceil: usize) -> Option<usize> {
        let mut end = None;
        for j in last + 1..ceil.min(last + 4) {
            if self.is_punct(j) || self.is(j, NOT_IN_NP) || self.is(j, CLAUSE_BREAKS) {
                break;
            }
            let w = self.word(j);
            let plain = self.a.tokens[j].kind == TokenKind::Word
                && self.a.tokens[j].case == Case::Lower
                && self.entity(j).is_none()
                && !self.has_time(j)
                && !self.is(j, ADVERBS_AFTER_NP)
                && !self.is(
                    j,
                    &[
                        "minutes", "hours", "days", "weeks", "months", "years", "times",
                    ],
                )
                && !self.is(j, DETERMINERS)
                && !self.is_cue(j, WordRole::Kill)
                && !self.is_cue(j, WordRole::Injure)
                && !["ed", "ing", "ly"].iter().any(|s| w.ends_with(s));
            if !plain {
                return None;
            }
            end = Some(j);
        }
        let end = end?;
        let next = end + 1;
        (next >= ceil
            || self.is_punct(next)
            || self.is(next, NOT_IN_NP)
            || self.is(next, CLAUSE_BREAKS))
        .then_some(end)
    }

    /// The last quotation ending at or before byte `offset`.
    pub fn quote_ending_before(&self, offset: usize) -> Option<Span> {
        let k = self.a.quotes.partition_point(|q| q.end <= offset);
        k.checked_sub(1).map(|k| self.a.quotes[k])
    }

    /// The first quotation starting at or after byte `offset`.
    pub fn quote_starting_after(&self, offset: usize) -> Option<Span> {
        let k = self.a.quotes.partition_point(|q| q.start < offset);
        self.a.quotes.get(k).copied()
    }

    /// Index of the first token starting at or after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.a.tokens.partition_point(|t| t.span.start < offset)
    }

    /// Index of the last token ending at or before byte `offset`.
    pub fn token_before(&self, offset: usize) -> usize {
        self.a
            .tokens
            .partition_point(|t| t.span.end <= offset)
            .saturating_sub(1)
    }

    /// Actor entities (not places alone) among tokens `range`, coordinated ones included, in
    /// text order, without repeats.
    pub fn actors_in(&self, range: std::ops::Range<usize>) -> Vec<Actor> {
        let mut out: Vec<Actor> = Vec::new();
        let mut last_entity = None;
        for i in range {
            if let Some((e, ent)) = self.entity(i) {
                if Some(e) == last_entity
                    || !self.is_actor_entity(e)
                    || ent.kind == EntityKind::Media
                {
                    continue;
                }
                last_entity = Some(e);
                let actor = self.actor_of(e);
                if !out.iter().any(|a| same_actor(a, &actor)) {
                    out.push(actor);
                }
            }
        }
        out
    }
}

/// The token after an opening dateline: a place in capitals, then only capitalized words,
/// numbers and parentheses ("June 12 (Reuters)"), then a dash. 0 when the article has none,
/// or is all capitals (no case to go by).
fn dateline_end(text: &str, a: &Analysis) -> usize {
    let Some(first) = a.sentences.first() else {
        return 0;
    };
    let tokens = &a.tokens[first.tokens.clone()];
    let opens = tokens
        .first()
        .is_some_and(|t| t.kind == TokenKind::Word && t.case == Case::Upper && t.span.len() >= 3);
    if a.all_caps || !opens {
        return 0;
    }
    for (k, t) in tokens.iter().enumerate().take(14).skip(1) {
        if matches!(
            t.span.slice(text),
            "-" | "--" | "\u{2013}" | "\u{2014}" | "\u{2015}"
        ) {
            return first.tokens.start + k + 1;
        }
        if t.case == Case::Lower || t.kind == TokenKind::Terminal {
            return 0;
        }
    }
    0
}

/// True when two actors name the same party (same canonical name, or both country-level
/// actors of one country).
pub fn same_actor(a: &Actor, b: &Actor) -> bool {
    a.canonical == b.canonical
        || (a.country.is_some()
            && a.country == b.country
            && a.kind != ActorKind::Person
            && b.kind != ActorKind::Person)
}

pub(crate) fn strip_determiner(s: &str) -> &str {
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = s.strip_prefix(d) {
            return rest;
        }
    }
    s
}

/// Token → index of the span (from `spans`, sorted) covering it.
fn cover(a: &Analysis, spans: impl Iterator<Item = Span>) -> Vec<Option<u32>> {
    let mut at = vec![None; a.tokens.len()];
    mark(a, spans, |i, k| at[i] = Some(k as u32));
    at
}

/// Calls `set(token, k)` for every token that the `k`-th of `spans` overlaps, span by span.
fn mark(a: &Analysis, spans: impl Iterator<Item = Span>, mut set: impl FnMut(usize, usize)) {
    for (k, s) in spans.enumerate() {
        let first = a.tokens.partition_point(|t| t.span.end <= s.start);
        for (i, t) in a.tokens.iter().enumerate().skip(first) {
            if t.span.start >= s.end {
                break;
            }
            set(i, k);
        }
    }
}

/// A sign that is read with the number it stands beside: percent and currency signs.
fn is_unit_sign(p: &str) -> bool {
    matches!(p, "%" | "$" | "€" | "£" | "¥" | "₽" | "₴")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_quickly_equal_the_words_keys() {
        let text =
            "a an the however, ’s n't x\u{0}y previously subsequently 1,200 \u{00e9}t\u{00e9} z";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for end in start..=bytes.len().min(start + 20) {
                let want = word_key(&bytes[start..end]);
                assert_eq!(key_at(bytes, start, end), want, "{start}..{end}");
                assert_eq!(key_of(&bytes[start..end]), want, "{start}..{end}");
            }
        }
    }

    #[test]
    fn word_sets_hold_exactly_their_words() {
        const SET: &WordSet = words!["a", "the", "however", "previously", "’s", "a"];
        let words = ["a", "the", "however", "previously", "’s"];
        let others = [
            "",
            "an",
            "th",
            "thee",
            "howeve",
            "however,",
            "previousl",
            "previouslyy",
            "'s",
            "s",
            "a\u{0}",
            "subsequently",
        ];
        for w in words.iter().chain(&others) {
            let text = format!("{w} tail of the text");
            let found = SET.contains(text.as_bytes(), 0, w.len());
            assert_eq!(found, words.contains(w), "{w:?}");
            let at_end = SET.contains(w.as_bytes(), 0, w.len());
            assert_eq!(at_end, words.contains(w), "{w:?} at the end");
        }
    }
}
