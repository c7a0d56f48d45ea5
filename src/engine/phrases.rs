//! A phrase dictionary matched token by token.
//!
//! A phrase matches where a token starts and a later (or the same) token ends, when the text
//! between them equals the phrase up to ASCII case; non-ASCII bytes must be equal. This is what
//! an anchored, ASCII-case-insensitive byte automaton finds when only the matches on token
//! boundaries are kept, but the walk goes a token at a time: from a first token, the
//! case-folded text is extended by the next gap and token while it is still the beginning of
//! some phrase.
//!
//! The index stores a 64-bit hash of every such beginning: each prefix of a phrase that ends
//! where a token of some text could end. A token never ends right after white space, nor
//! between two letters (words, numbers with a glued suffix and clitics all take every letter
//! that follows), so only the other prefixes are stored; if a text's extension is not among
//! them, no longer phrase can match either. Complete phrases are compared byte by byte, so a
//! hash collision never makes a false match.

use super::analysis::Token;
use super::numbers::lex::{between, eight_bytes};
use super::text::is_space;

/// The running hash of case-folded text: ASCII-lower-cased bytes in blocks of eight from the
/// start of the text, however it is fed, so a text hashes the same whether it comes whole
/// (a phrase) or a gap and a token at a time (a text's tokens).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseHash {
    /// The complete blocks, mixed.
    blocks: u64,
    /// The bytes after them (at most seven) and, in the top byte, how many there are.
    tail: u64,
}

impl PhraseHash {
    /// The hash of no text.
    pub const EMPTY: PhraseHash = PhraseHash {
        blocks: 0x243f_6a88_85a3_08d3,
        tail: 0,
    };

    /// The hash of the text hashed so far followed by `bytes[from..to]`.
    #[inline]
    pub fn extend(mut self, bytes: &[u8], mut from: usize, to: usize) -> PhraseHash {
        while from < to {
            let held = (self.tail >> 56) as usize;
            let take = (8 - held).min(to - from);
            let x = eight_bytes(bytes, from, from + take);
            let folded = x | (between(x, 0x40, 0x5B) >> 2);
            let tail = (self.tail & TAIL_BYTES) | (folded << (8 * held));
            if held + take == 8 {
                self.blocks = (self.blocks ^ tail).wrapping_mul(MIX).rotate_left(31);
                self.tail = 0;
            } else {
                self.tail = tail | (((held + take) as u64) << 56);
            }
            from += take;
        }
        self
    }

    /// The hash of `bytes[from..to]` alone, as [`PhraseHash::EMPTY`] extended by it, with
    /// the first block (all of most tokens) taken whole: the hash of every token of a text.
    #[inline]
    pub fn of_range(bytes: &[u8], from: usize, to: usize) -> PhraseHash {
        let len = to - from;
        // Most tokens: one to seven bytes, with eight bytes readable from their start.
        if (1..8).contains(&len)
            && let Some(block) = bytes.get(from..from + 8)
        {
            let x = u64::from_le_bytes(block.try_into().expect("eight bytes"));
            let x = x & (u64::MAX >> (64 - 8 * len));
            let folded = x | (between(x, 0x40, 0x5B) >> 2);
            return PhraseHash {
                blocks: Self::EMPTY.blocks,
                tail: folded | ((len as u64) << 56),
            };
        }
        let take = len.min(8);
        let x = eight_bytes(bytes, from, from + take);
        let folded = x | (between(x, 0x40, 0x5B) >> 2);
        let first = if take == 8 {
            PhraseHash {
                blocks: (Self::EMPTY.blocks ^ folded)
                    .wrapping_mul(MIX)
                    .rotate_left(31),
                tail: 0,
            }
        } else {
            PhraseHash {
                blocks: Self::EMPTY.blocks,
                tail: folded | ((take as u64) << 56),
            }
        };
        first.extend(bytes, from + take, to)
    }

    /// The hash of `text`.
    pub fn of(text: &[u8]) -> PhraseHash {
        PhraseHash::EMPTY.extend(text, 0, text.len())
    }

    /// The 64-bit key of the text hashed so far (never 0).
    #[inline]
    pub fn key(self) -> u64 {
        let h = (self.blocks ^ self.tail).wrapping_mul(MIX);
        (h ^ (h >> 32)).max(1)
    }
}

/// The low seven bytes of a word.
const TAIL_BYTES: u64 = (1 << 56) - 1;
/// An odd multiplier with well-spread bits.
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// One slot of the open-addressing table: a stored prefix hash and the phrases that end there.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The prefix's key ([`PhraseHash::key`]); 0 for an empty slot.
    key: u64,
    /// `complete[from..to]`: the phrases whose whole text has this hash.
    from: u32,
    to: u32,
}

/// A Bloom filter of keys, two bits per key in one 64-bit word.
#[derive(Debug)]
struct KeyFilter {
    words: Vec<u64>,
    /// log2 of the number of words.
    shift: u32,
}

impl KeyFilter {
    /// A filter for `keys` keys with at least `bits_per_key` bits for each.
    fn new(keys: usize, bits_per_key: usize) -> KeyFilter {
        let words = (keys * bits_per_key / 64 + 1).next_power_of_two();
        KeyFilter {
            words: vec![0; words],
            shift: words.trailing_zeros(),
        }
    }

    /// The word of `key` (its top bits) and its two bits there (its low bits).
    #[inline]
    fn place(&self, key: u64) -> (usize, u64) {
        let word = key.checked_shr(64 - self.shift).unwrap_or(0) as usize;
        (word, (1 << (key & 63)) | (1 << ((key >> 6) & 63)))
    }

    fn insert(&mut self, key: u64) {
        let (word, bits) = self.place(key);
        self.words[word] |= bits;
    }

    /// False when `key` was never inserted.
    #[inline]
    fn may_hold(&self, key: u64) -> bool {
        let (word, bits) = self.place(key);
        self.words[word] & bits == bits
    }
}

/// Phrases (lexicon surfaces, title phrases), indexed for the token walk.
#[derive(Debug)]
pub struct PhraseIndex {
    /// Case-folded phrases, as given to [`PhraseIndex::new`] (ASCII lower-cased).
    phrases: Vec<Box<[u8]>>,
    slots: Vec<Slot>,
    /// The indices of phrases, grouped by the slot that ends them.
    complete: Vec<u32>,
    /// The stored keys (a quick "no" before the table).
    filter: KeyFilter,
    /// The stored keys of prefixes without white space, the only ones a single token can be:
    /// small enough to stay in cache for the test at every token (32 KB for the 13,938
    /// such keys of the embedded lexicons' surfaces), and twice as sparse as `filter`, since most tokens are
    /// no phrase's beginning.
    first_filter: KeyFilter,
    /// The longest phrase, in bytes.
    longest: usize,
}

impl PhraseIndex {
    /// Indexes `phrases`; a match reports a phrase by its position in this sequence.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseIndex {
        let phrases: Vec<Box<[u8]>> = phrases
            .into_iter()
            .map(|p| p.to_ascii_lowercase().into_bytes().into_boxed_slice())
            .collect();
        // Every stored prefix hash, with the phrases it completes and whether it holds no
        // white space.
        let mut prefixes: std::collections::HashMap<u64, (Vec<u32>, bool)> = Default::default();
        for (id, phrase) in phrases.iter().enumerate() {
            let text = std::str::from_utf8(phrase).expect("phrases are text");
            let mut chars = text.char_indices().peekable();
            let mut hash = PhraseHash::EMPTY;
            let mut done = 0;
            let mut one_token = true;
            while let Some((_, c)) = chars.next() {
                one_token &= !is_space(c);
                let end = chars.peek().map_or(text.len(), |&(i, _)| i);
                hash = hash.extend(phrase, done, end);
                done = end;
                let next = chars.peek().map(|&(_, n)| n);
                // Between two letters, or right after white space, no token ends.
                let inside_word = c.is_alphabetic() && next.is_some_and(char::is_alphabetic);
                let token_may_end = !(is_space(c) || inside_word);
                if end == text.len() || token_may_end {
                    let (ids, single) = prefixes.entry(hash.key()).or_default();
                    *single |= one_token;
                    if end == text.len() {
                        ids.push(id as u32);
                    }
                }
            }
        }
        // Linear probing at a load of at most 3/4.
        let capacity = (prefixes.len() * 4 / 3 + 1).next_power_of_two().max(16);
        let mut slots = vec![Slot::default(); capacity];
        let mut complete = Vec::new();
        let singles = prefixes.values().filter(|(_, single)| *single).count();
        let mut filter = KeyFilter::new(prefixes.len(), 8);
        let mut first_filter = KeyFilter::new(singles, 16);
        let mut keys: Vec<(u64, (Vec<u32>, bool))> = prefixes.into_iter().collect();
        keys.sort_unstable();
        for (key, (ids, single)) in keys {
            filter.insert(key);
            if single {
                first_filter.insert(key);
            }
            let mut i = key as usize & (capacity - 1);
            while slots[i].key != 0 {
                i = (i + 1) & (capacity - 1);
            }
            let from = complete.len() as u32;
            complete.extend(ids);
            slots[i] = Slot {
                key,
                from,
                to: complete.len() as u32,
            };
        }
        let longest = phrases.iter().map(|p| p.len()).max().unwrap_or(0);
        PhraseIndex {
            phrases,
            slots,
            complete,
            filter,
            first_filter,
            longest,
        }
    }

    /// The slot of a stored prefix hash.
    #[inline]
    fn slot(&self, hash: PhraseHash) -> Option<&Slot> {
        let key = hash.key();
        if !self.filter.may_hold(key) {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return Some(slot);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// False when no phrase begins with the case-folded token whose hash is `hash` (ended
    /// where a token may end): a small filter, so that most tokens need no walk. A "true" may
    /// be wrong; [`PhraseIndex::for_each_match`] then finds nothing.
    #[inline]
    pub fn may_begin(&self, hash: PhraseHash) -> bool {
        self.first_filter.may_hold(hash.key())
    }

    /// Every phrase that matches from the start of `tokens[first]` to the end of some token:
    /// `found(last, phrase)` for each, shortest first. `first_hash` is the hash of the first
    /// token's text.
    pub fn for_each_match(
        &self,
        text: &str,
        tokens: &[Token],
        first: usize,
        first_hash: PhraseHash,
        mut found: impl FnMut(usize, usize),
    ) {
        let bytes = text.as_bytes();
        let start = tokens[first].span.start;
        let mut hash = first_hash;
        let mut last = first;
        while let Some(slot) = self.slot(hash) {
            let end = tokens[last].span.end;
            for &id in &self.complete[slot.from as usize..slot.to as usize] {
                if self.phrases[id as usize].eq_ignore_ascii_case(&bytes[start..end]) {
                    found(last, id as usize);
                }
            }
            last += 1;
            let Some(next) = tokens.get(last) else { return };
            if next.span.end - start > self.longest {
                return;
            }
            hash = hash.extend(bytes, end, next.span.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text;

    /// The phrases found at each token, as (first token, last token, phrase).
    fn matches(index: &PhraseIndex, text: &str) -> Vec<(String, String)> {
        let (tokens, _) = text::tokenize(text);
        let mut out = Vec::new();
        for (first, t) in tokens.iter().enumerate() {
            let hash = PhraseHash::of(t.span.slice(text).as_bytes());
            index.for_each_match(text, &tokens, first, hash, |last, id| {
                let seen = &text[t.span.start..tokens[last].span.end];
                out.push((seen.to_string(), format!("#{id}")));
            });
        }
        out
    }

    #[test]
    fn matches_whole_tokens_in_any_ascii_case() {
        let index = PhraseIndex::new([
            "New York",
            "new york times",
            "York",
            "U.S.",
            "US",
            "Côte d'Ivoire",
            "al-Qaeda",
            "state TV",
            "Київ",
        ]);
        let cases: &[(&str, &[(&str, &str)])] = &[
            // Every match at a token start, the shorter one first.
            (
                "The New York Times said",
                &[("New York", "#0"), ("New York Times", "#1"), ("York", "#2")],
            ),
            ("NEW YORK", &[("NEW YORK", "#0"), ("YORK", "#2")]),
            ("new york", &[("new york", "#0"), ("york", "#2")]),
            // The gap must be the phrase's: two spaces or a line break do not match.
            ("New  York", &[("York", "#2")]),
            ("New\nYork", &[("York", "#2")]),
            // Inside a longer token: no match.
            ("Yorkshire and NewYork", &[]),
            ("the U.S. and the US", &[("U.S.", "#3"), ("US", "#4")]),
            ("in Côte d'Ivoire", &[("Côte d'Ivoire", "#5")]),
            // Non-ASCII letters are compared exactly: no case folding beyond ASCII.
            ("in CÔTE D'IVOIRE", &[]),
            ("in CôTE D'IVOIRE", &[("CôTE D'IVOIRE", "#5")]),
            ("AL-QAEDA fighters", &[("AL-QAEDA", "#6")]),
            ("Russian State TV", &[("State TV", "#7")]),
            ("у Київ", &[("Київ", "#8")]),
            ("", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(matches(&index, text), want, "matches in {text:?}");
        }
    }

    #[test]
    fn phrases_whose_words_hold_punctuation_match() {
        // Text tokens end inside these phrases after a non-letter ("rebels" + "'", "M-16"):
        // the prefixes there are stored, so the walk goes on to the end of the phrase.
        let index = PhraseIndex::new(["rebels' base", "M-16 rifle", "No. 10"]);
        assert_eq!(
            matches(&index, "the rebels' base, an M-16 rifle and no. 10"),
            [
                ("rebels' base".to_string(), "#0".to_string()),
                ("M-16 rifle".to_string(), "#1".to_string()),
                ("no. 10".to_string(), "#2".to_string())
            ]
        );
    }

    #[test]
    fn a_text_hashes_the_same_however_it_is_fed() {
        for text in [
            "",
            "a",
            "Kyiv",
            "New York Times",
            "Côte d'Ivoire",
            "ABCDEFGHIJKLMNOPQ",
        ] {
            let b = text.as_bytes();
            let whole = PhraseHash::of(b);
            assert_eq!(whole, PhraseHash::of(text.to_ascii_lowercase().as_bytes()));
            for cut in 0..=b.len() {
                for cut2 in cut..=b.len() {
                    let fed = PhraseHash::EMPTY
                        .extend(b, 0, cut)
                        .extend(b, cut, cut2)
                        .extend(b, cut2, b.len());
                    assert_eq!(fed, whole, "{text:?} fed in pieces at {cut} and {cut2}");
                    assert_eq!(
                        PhraseHash::of_range(b, cut, cut2),
                        PhraseHash::EMPTY.extend(b, cut, cut2),
                        "{text:?} from {cut} to {cut2}"
                    );
                }
            }
        }
        assert_ne!(PhraseHash::of(b"ab").key(), PhraseHash::of(b"ab ").key());
        assert_ne!(PhraseHash::of(b"").key(), PhraseHash::of(b"\0").key());
    }

    #[test]
    fn equal_hashes_of_different_phrases_are_told_apart() {
        let index = PhraseIndex::new(["kyiv", "Kyiv", "kiev"]);
        assert_eq!(
            matches(&index, "Kyiv, KIEV"),
            [
                ("Kyiv".to_string(), "#0".to_string()),
                ("Kyiv".to_string(), "#1".to_string()),
                ("KIEV".to_string(), "#2".to_string())
            ]
        );
    }
}
