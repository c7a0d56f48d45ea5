//! Cardinal numbers: digits ("3", "2,000", "1.5 million"), words ("three", "twenty-five",
//! "two hundred and fifty", "a dozen"), vague quantities ("dozens", "hundreds") and
//! approximations ("at least 12", "more than 100", "an estimated 300").
//!
//! # Design
//! One prefilter (`lex::ByteClasses`), shared with the time scanner: the text's 64-byte
//! blocks become letter and digit bit masks once per article (branch-free SWAR), and one pass
//! over the word starts marks those whose first three letters begin a number word or a time
//! word (bitsets built once). Only digit-run starts and those words are looked at
//! (`ByteClasses::next_anchor`). Everything else is bounded work around a
//! candidate: a few words forward (the rest of the number, a scale word) and back (an
//! approximation such as "at least", the "a" of "a hundred"), never more than a few dozen
//! bytes, so the cost is linear in the input and nothing is allocated per byte.
//!
//! # Decisions
//! - Offsets are byte offsets into the text as given; spans start and end on ASCII bytes, hence
//!   on char boundaries. Output is sorted and non-overlapping.
//! - Not counts: ordinals ("first", "2nd"), digits glued to letters or to a hyphen and letters
//!   on either side ("M-16", "AK-47", "No.4", "1990s", "10am", "3-member"), numbers glued to a
//!   hyphen and a non-number word ("three-member", "two-thirds"), leading-zero runs ("007"),
//!   decimals without a scale word ("3.5"; "1.5 million" is a count), clock times, ratios and
//!   dates ("10:30", "1/2").
//! - Percentages ("10%", "10 percent", "10 per cent") are skipped: they are never counts of
//!   people or things, which is what the event rules need numbers for.
//! - "one" is a count only before a noun-like word ("one civilian", "one dead"), or after an
//!   approximation ("at least one"); never in "one of", "no one", "the one", "one another".
//! - Vague plurals are lower bounds, flagged approximate: "dozens" 24, "scores (of)" 40,
//!   "hundreds" 200, "thousands" 2,000, "millions" 2,000,000, "tens of thousands" 20,000,
//!   "hundreds of thousands" 200,000.
//! - Pre-tokenized text: "2 , 000" is the numbers 2 (and nothing for "000"); "1 - 1" is two
//!   numbers.
//! - Numbers overlapping a time expression in `times` (sorted, as `find_times` returns them)
//!   are skipped.

use std::sync::LazyLock;

use super::analysis::{NumberMention, TimeExpr};
use super::model::Span;

/// Small lexing helpers over bytes shared by the number and time scanners. Every function is
/// bounded: it looks at no more than a few dozen bytes, whatever the input.
pub(crate) mod lex {
    /// Longest run of spaces (in bytes) skipped between two words of one expression.
    const MAX_SPACE: usize = 16;
    /// Longest word looked at; longer letter runs match no keyword.
    pub const MAX_WORD: usize = 16;

    /// True for an ASCII letter or digit.
    pub fn is_alnum(c: u8) -> bool {
        c.is_ascii_alphanumeric()
    }

    /// Length of the horizontal space (ASCII blanks, NBSP, thin and narrow spaces) at `i`.
    fn space_len(b: &[u8], i: usize) -> usize {
        match b.get(i) {
            Some(b' ' | b'\t') => 1,
            Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
            Some(0xE2)
                if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x89 | 0xAF)) =>
            {
                3
            }
            _ => 0,
        }
    }

    /// Skips horizontal space forward from `i` (bounded).
    pub fn skip_space(b: &[u8], mut i: usize) -> usize {
        let start = i;
        while i - start < MAX_SPACE {
            let n = space_len(b, i);
            if n == 0 {
                break;
            }
            i += n;
        }
        i
    }

    /// Skips horizontal space backward from `i` (bounded), never below `floor`.
    pub fn skip_space_back(b: &[u8], mut i: usize, floor: usize) -> usize {
        let start = i;
        while i > floor && start - i < MAX_SPACE {
            if matches!(b[i - 1], b' ' | b'\t') {
                i -= 1;
            } else if i >= floor + 2 && b[i - 2] == 0xC2 && b[i - 1] == 0xA0 {
                i -= 2;
            } else if i >= floor + 3
                && b[i - 3] == 0xE2
                && b[i - 2] == 0x80
                && matches!(b[i - 1], 0x89 | 0xAF)
            {
                i -= 3;
            } else {
                break;
            }
        }
        i
    }

    /// The ASCII letter run starting at `i`, if it is a whole word of at most
    /// [`MAX_WORD`] letters (not glued to a digit after it).
    pub fn word_at(b: &[u8], i: usize) -> Option<(usize, usize)> {
        let mut e = i;
        while e < b.len() && b[e].is_ascii_alphabetic() {
            e += 1;
            if e - i > MAX_WORD {
                return None;
            }
        }
        if e == i || (e < b.len() && b[e].is_ascii_digit()) {
            return None;
        }
        if i > 0 && is_alnum(b[i - 1]) {
            return None;
        }
        Some((i, e))
    }

    /// The word just before `i`, separated from it by horizontal space only, starting at or
    /// after `floor`.
    pub fn prev_word(b: &[u8], i: usize, floor: usize) -> Option<(usize, usize)> {
        let e = skip_space_back(b, i, floor);
        if e == i && i > 0 && is_alnum(b[i - 1]) {
            return None;
        }
        word_ending_at(b, e, floor)
    }

    /// The whole word ending exactly at `e` (its first letter at or after `floor`).
    pub fn word_ending_at(b: &[u8], e: usize, floor: usize) -> Option<(usize, usize)> {
        let mut s = e;
        while s > floor && b[s - 1].is_ascii_alphabetic() {
            s -= 1;
            if e - s > MAX_WORD {
                return None;
            }
        }
        if s == e || (s > 0 && is_alnum(b[s - 1])) || (e < b.len() && is_alnum(b[e])) {
            return None;
        }
        Some((s, e))
    }

    /// ASCII case-insensitive equality of `b[s..e]` with the lower-case `word`.
    #[inline]
    pub fn eq(b: &[u8], (s, e): (usize, usize), word: &str) -> bool {
        e - s == word.len() && b[s..e].eq_ignore_ascii_case(word.as_bytes())
    }

    /// `b[s..e]` in lower case, in `buf`; empty when longer than [`MAX_WORD`].
    #[inline]
    pub fn lower<'x>(b: &[u8], (s, e): (usize, usize), buf: &'x mut [u8; MAX_WORD]) -> &'x [u8] {
        if e - s > MAX_WORD {
            return &[];
        }
        let out = &mut buf[..e - s];
        out.copy_from_slice(&b[s..e]);
        out.make_ascii_lowercase();
        out
    }

    /// True when `b[s..e]` equals one of the lower-case `words` (ASCII case-insensitive).
    #[inline]
    pub fn is_one_of(b: &[u8], w: (usize, usize), words: &[&str]) -> bool {
        let mut buf = [0u8; MAX_WORD];
        let low = lower(b, w, &mut buf);
        !low.is_empty() && words.iter().any(|x| x.as_bytes() == low)
    }

    /// Byte classes: bit 0 for an ASCII letter, bit 1 for an ASCII digit.
    static CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut c = 0;
        while c < 256 {
            let b = c as u8;
            t[c] = if b.is_ascii_alphabetic() {
                1
            } else if b.is_ascii_digit() {
                2
            } else {
                0
            };
            c += 1;
        }
        t
    };

    /// 0x01 in every byte.
    pub const ONES: u64 = 0x0101_0101_0101_0101;

    /// Per byte of `x`: 0x80 where `m < byte < n` (bytes of 0x80 and above never match).
    #[inline]
    pub fn between(x: u64, m: u64, n: u64) -> u64 {
        let low = x & (ONES * 127);
        (ONES * (127 + n)).wrapping_sub(low) & !x & (low + ONES * (127 - m)) & (ONES * 128)
    }

    /// The bytes `at..min(at + 8, end)` of `bytes` as a little-endian word, zero beyond
    /// `end` (`end <= bytes.len()`).
    #[inline]
    pub fn eight_bytes(bytes: &[u8], at: usize, end: usize) -> u64 {
        let x = match bytes.get(at..at + 8) {
            Some(block) => u64::from_le_bytes(block.try_into().expect("eight bytes")),
            None => bytes[at..end]
                .iter()
                .rev()
                .fold(0, |x, &b| (x << 8) | u64::from(b)),
        };
        match end - at {
            n if n >= 8 => x,
            n => x & ((1 << (8 * n)) - 1),
        }
    }

    /// The 0x80 bits of the eight bytes of `x`, as an 8-bit mask (byte k at bit k).
    #[inline]
    fn movemask(x: u64) -> u64 {
        (x.wrapping_mul(0x0002_0408_1020_4081)) >> 56
    }

    /// Letter and digit bit masks of up to 64 bytes (bit k for byte k).
    #[inline]
    fn classify(chunk: &[u8]) -> (u64, u64) {
        let (mut letters, mut digits) = (0u64, 0u64);
        let mut words = chunk.chunks_exact(8);
        let mut k = 0;
        for w in words.by_ref() {
            let x = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
            letters |= movemask(between(x | (ONES * 0x20), 0x60, 0x7B)) << k;
            digits |= movemask(between(x, 0x2F, 0x3A)) << k;
            k += 8;
        }
        for &c in words.remainder() {
            let class = CLASS[usize::from(c)];
            letters |= u64::from(class & 1) << k;
            digits |= u64::from(class >> 1) << k;
            k += 1;
        }
        (letters, digits)
    }

    #[cfg(test)]
    #[test]
    fn classify_matches_the_byte_classes() {
        // Every byte value at every position, and every high-bit pattern for movemask.
        for c in 0..=255u8 {
            for pos in 0..64 {
                let mut chunk = [b' '; 64];
                chunk[pos] = c;
                let (l, d) = classify(&chunk[..]);
                assert_eq!(l, u64::from(c.is_ascii_alphabetic()) << pos, "{c} at {pos}");
                assert_eq!(d, u64::from(c.is_ascii_digit()) << pos, "{c} at {pos}");
                let (l, d) = classify(&chunk[..61]);
                if pos < 61 {
                    assert_eq!(l, u64::from(c.is_ascii_alphabetic()) << pos);
                    assert_eq!(d, u64::from(c.is_ascii_digit()) << pos);
                }
            }
        }
        for m in 0..=255u64 {
            let x = (0..8).fold(0u64, |x, k| x | (((m >> k) & 1) << (8 * k + 7)));
            assert_eq!(movemask(x), m);
        }
        let text = b"Ab9 zZ@[`{/0:\x80\xff";
        let (l, d) = classify(text);
        let want_l = text
            .iter()
            .enumerate()
            .fold(0, |m, (k, c)| m | (u64::from(c.is_ascii_alphabetic()) << k));
        let want_d = text
            .iter()
            .enumerate()
            .fold(0, |m, (k, c)| m | (u64::from(c.is_ascii_digit()) << k));
        assert_eq!((l, d), (want_l, want_d));
    }

    /// Letter index: 0..=25 for a letter of either case, 26 for anything else.
    static LETTER: [u8; 256] = {
        let mut t = [26u8; 256];
        let mut c = 0;
        while c < 26 {
            t[b'a' as usize + c] = c as u8;
            t[b'A' as usize + c] = c as u8;
            c += 1;
        }
        t
    };

    /// The prefilter: the set of word beginnings of a keyword list, one bit per beginning.
    /// A beginning is the first three letters of a word (a shorter word is padded with "not a
    /// letter", so two-letter keywords are matched whole).
    pub struct Prefixes {
        bits: Vec<u64>,
    }

    fn index(a: u8, b: u8, c: u8) -> usize {
        (usize::from(a) * 27 + usize::from(b)) * 27 + usize::from(c)
    }

    impl Prefixes {
        /// The beginnings of `words` (ASCII letters, at least two).
        pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Prefixes {
            let mut p = Prefixes {
                bits: vec![0; 27 * 27 * 27 / 64 + 1],
            };
            for w in words {
                let at = |i: usize| w.as_bytes().get(i).map_or(26, |c| LETTER[usize::from(*c)]);
                let i = index(at(0), at(1), if at(1) == 26 { 26 } else { at(2) });
                p.bits[i / 64] |= 1 << (i % 64);
            }
            p
        }

        /// True when the word starting at `s` may be one of the words.
        #[inline]
        fn may_match(&self, b: &[u8], s: usize) -> bool {
            self.holds(Prefixes::index_at(b, s))
        }

        /// The index of the beginning of the word starting at `s`.
        #[inline]
        fn index_at(b: &[u8], s: usize) -> usize {
            if let Some(&[x, y, z]) = b.get(s..s + 3) {
                let (x, y) = (LETTER[usize::from(x)], LETTER[usize::from(y)]);
                return index(x, y, if y == 26 { 26 } else { LETTER[usize::from(z)] });
            }
            let at = |i: usize| b.get(i).map_or(26, |c| LETTER[usize::from(*c)]);
            let (x, y) = (at(s), at(s + 1));
            index(x, y, if y == 26 { 26 } else { at(s + 2) })
        }

        /// True when the beginning of index `i` is in the set.
        #[inline]
        fn holds(&self, i: usize) -> bool {
            self.bits[i / 64] & (1 << (i % 64)) != 0
        }
    }

    /// One candidate of the prefilter scan.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Candidate {
        /// A whole ASCII letter run `(start, end)` whose beginning is in the set.
        Word(usize, usize),
        /// The first digit of a digit run.
        Digit(usize),
    }

    /// The ASCII letters and digits of a whole text as bit masks (bit `k % 64` of word
    /// `k / 64` for byte `k`), classified once per article and shared by every scan over it
    /// (numbers, times, tense cues).
    pub struct ByteClasses {
        letters: Vec<u64>,
        digits: Vec<u64>,
    }

    /// The word starts of a text (letters after a non-letter) whose beginning is in one
    /// [`Prefixes`] set, as bit masks like those of [`ByteClasses`].
    pub struct Anchors {
        words: Vec<u64>,
    }

    impl ByteClasses {
        /// Classifies `b`, 64 bytes at a time (branch-free).
        pub fn new(b: &[u8]) -> ByteClasses {
            let blocks = b.len().div_ceil(64);
            let mut letters = Vec::with_capacity(blocks);
            let mut digits = Vec::with_capacity(blocks);
            for chunk in b.chunks(64) {
                let (l, d) = classify(chunk);
                letters.push(l);
                digits.push(d);
            }
            ByteClasses { letters, digits }
        }

        /// The starts of letter runs (a letter after a non-letter or at the start) and of
        /// digit runs in block `block`.
        #[inline]
        fn run_starts(&self, block: usize) -> (u64, u64) {
            let (letters, digits) = (self.letters[block], self.digits[block]);
            let (letter_carry, digit_carry) = match block.checked_sub(1) {
                Some(p) => (self.letters[p] >> 63, self.digits[p] >> 63),
                None => (0, 0),
            };
            (
                letters & !((letters << 1) | letter_carry),
                digits & !((digits << 1) | digit_carry),
            )
        }

        /// The word starts of `b` (the text classified) whose beginning is in each of `sets`,
        /// found in one pass over the word starts.
        pub fn anchors<const N: usize>(&self, b: &[u8], sets: [&Prefixes; N]) -> [Anchors; N] {
            let mut words = [(); N].map(|_| Vec::with_capacity(self.letters.len()));
            for block in 0..self.letters.len() {
                let (mut starts, _) = self.run_starts(block);
                let mut kept = [0u64; N];
                while starts != 0 {
                    let k = starts.trailing_zeros();
                    starts &= starts - 1;
                    let i = Prefixes::index_at(b, block * 64 + k as usize);
                    for (set, kept) in sets.iter().zip(&mut kept) {
                        *kept |= u64::from(set.holds(i)) << k;
                    }
                }
                for (words, kept) in words.iter_mut().zip(kept) {
                    words.push(kept);
                }
            }
            words.map(|words| Anchors { words })
        }

        /// The next candidate at or after `i` in `b` (the text classified, or a prefix of it):
        /// a word that may be a keyword of `set`, or the first digit of a digit run (`i`
        /// counts as following a non-letter).
        pub fn next_candidate(&self, b: &[u8], i: usize, set: &Prefixes) -> Option<Candidate> {
            let n = b.len();
            let mut block = i / 64;
            let mut from = !0u64 << (i % 64);
            while block * 64 < n {
                let base = block * 64;
                let within = if n - base < 64 {
                    (1u64 << (n - base)) - 1
                } else {
                    !0
                };
                let (mut word_starts, mut digit_starts) = self.run_starts(block);
                if base <= i {
                    // `i` starts a run whatever comes before it.
                    let at_i = 1u64 << (i % 64);
                    word_starts |= self.letters[block] & at_i;
                    digit_starts |= self.digits[block] & at_i;
                }
                let (word_starts, digit_starts) = (word_starts & from, digit_starts & from);
                let mut starts = (word_starts | digit_starts) & within;
                while starts != 0 {
                    let k = starts.trailing_zeros() as usize;
                    starts &= starts - 1;
                    if digit_starts & (1 << k) != 0 {
                        return Some(Candidate::Digit(base + k));
                    }
                    if set.may_match(b, base + k) {
                        return Some(Candidate::Word(base + k, letters_end(b, base + k)));
                    }
                }
                from = !0;
                block += 1;
            }
            None
        }

        /// [`ByteClasses::next_candidate`] over the whole text classified, with the words of
        /// `set` found beforehand as `anchors` (`ByteClasses::anchors(b, set)`): the same
        /// answer, without looking at every word start again.
        #[inline]
        pub fn next_anchor(
            &self,
            b: &[u8],
            i: usize,
            set: &Prefixes,
            anchors: &Anchors,
        ) -> Option<Candidate> {
            let n = b.len();
            if i >= n {
                return None;
            }
            // Inside a letter or digit run, `i` is a start that the masks do not hold.
            if i > 0 {
                let (c, p) = (b[i], b[i - 1]);
                if c.is_ascii_digit() && p.is_ascii_digit() {
                    return Some(Candidate::Digit(i));
                }
                if c.is_ascii_alphabetic() && p.is_ascii_alphabetic() && set.may_match(b, i) {
                    return Some(Candidate::Word(i, letters_end(b, i)));
                }
            }
            let mut block = i / 64;
            let mut from = !0u64 << (i % 64);
            while block < self.letters.len() {
                let (_, digit_starts) = self.run_starts(block);
                let digit_starts = digit_starts & from;
                let starts = (anchors.words[block] & from) | digit_starts;
                if starts != 0 {
                    let k = starts.trailing_zeros() as usize;
                    let s = block * 64 + k;
                    return Some(if digit_starts & (1 << k) != 0 {
                        Candidate::Digit(s)
                    } else {
                        Candidate::Word(s, letters_end(b, s))
                    });
                }
                from = !0;
                block += 1;
            }
            None
        }
    }

    #[cfg(test)]
    #[test]
    fn scans_match_a_byte_by_byte_reference() {
        /// The candidate at or after `i` found byte by byte.
        fn reference(b: &[u8], i: usize, set: &Prefixes) -> Option<Candidate> {
            (i..b.len()).find_map(|s| {
                let fresh = |same: fn(&u8) -> bool| s == i || !same(&b[s - 1]);
                if b[s].is_ascii_digit() && fresh(u8::is_ascii_digit) {
                    Some(Candidate::Digit(s))
                } else if b[s].is_ascii_alphabetic()
                    && fresh(u8::is_ascii_alphabetic)
                    && set.may_match(b, s)
                {
                    Some(Candidate::Word(s, letters_end(b, s)))
                } else {
                    None
                }
            })
        }
        let set = Prefixes::new(["one", "two", "hundred", "at", "march"]);
        let pieces: &[&[u8]] = &[
            b"one",
            b"Two",
            b"hundreds",
            b"onerous",
            b"at",
            b"March",
            b"x",
            b"12",
            b"3,000",
            b" ",
            b"-",
            b"\xc2\xa0",
            b"\xe2\x80\x89",
            b"tw",
            b"o",
            b"7up",
            b"a1b2",
        ];
        let mut seed = 7u64;
        for _ in 0..300 {
            let mut text = Vec::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let words = (seed >> 40) % 90;
            for _ in 0..words {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.extend_from_slice(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let classes = ByteClasses::new(&text);
            let [anchors] = classes.anchors(&text, [&set]);
            for i in 0..=text.len() {
                let want = reference(&text, i, &set);
                assert_eq!(
                    classes.next_anchor(&text, i, &set, &anchors),
                    want,
                    "at {i}"
                );
                for end in i..=text.len() {
                    let prefix = &text[..end];
                    let want = reference(prefix, i, &set);
                    assert_eq!(classes.next_candidate(prefix, i, &set), want, "{i}..{end}");
                }
            }
        }
    }

    /// The end of the ASCII letter run at `s`.
    #[inline]
    fn letters_end(b: &[u8], s: usize) -> usize {
        let mut e = s + 1;
        while e < b.len() && b[e].is_ascii_alphabetic() {
            e += 1;
        }
        e
    }

    /// The word at `i` if it is `word` (case-insensitive), as its end.
    pub fn word_is(b: &[u8], i: usize, word: &str) -> Option<usize> {
        let w = word_at(b, i)?;
        eq(b, w, word).then_some(w.1)
    }

    /// The end of the ASCII digit run at `i` (`i` itself when there is none).
    pub fn digits_end(b: &[u8], mut i: usize) -> usize {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    }

    /// The value of a short digit run (at most 18 digits).
    pub fn digits_value(b: &[u8]) -> Option<u64> {
        if b.is_empty() || b.len() > 18 {
            return None;
        }
        Some(b.iter().fold(0u64, |v, c| v * 10 + u64::from(c - b'0')))
    }
}

use lex::{Candidate, eq, is_alnum, is_one_of, prev_word, skip_space, word_at};

/// The value of a number word below one hundred ("one" .. "nineteen", "twenty" .. "ninety"),
/// ASCII case-insensitive.
pub fn word_value(word: &str) -> Option<u64> {
    match NumWord::parse(word.as_bytes())? {
        NumWord::Small(v) | NumWord::Tens(v) => Some(v),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumWord {
    /// one .. nineteen
    Small(u64),
    /// twenty .. ninety
    Tens(u64),
    Hundred,
    /// thousand, million, billion, trillion
    Scale(u64),
    Dozen,
    Score,
    /// "dozens", "hundreds", ...: a vague lower bound; the value is the plural's multiplier
    /// ("hundreds" 100) applied twice over ("hundreds" is 200).
    Plural(u64),
    /// "tens" (only in "tens of thousands").
    Tens10,
}

const SMALL: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const OTHER: [(&str, NumWord); 14] = [
    ("hundred", NumWord::Hundred),
    ("thousand", NumWord::Scale(1_000)),
    ("million", NumWord::Scale(1_000_000)),
    ("billion", NumWord::Scale(1_000_000_000)),
    ("trillion", NumWord::Scale(1_000_000_000_000)),
    ("dozen", NumWord::Dozen),
    ("score", NumWord::Score),
    ("dozens", NumWord::Plural(12)),
    ("scores", NumWord::Plural(20)),
    ("hundreds", NumWord::Plural(100)),
    ("thousands", NumWord::Plural(1_000)),
    ("millions", NumWord::Plural(1_000_000)),
    ("billions", NumWord::Plural(1_000_000_000)),
    ("tens", NumWord::Tens10),
];

impl NumWord {
    fn parse(w: &[u8]) -> Option<NumWord> {
        if w.len() > 9 {
            return None;
        }
        let mut buf = [0u8; 9];
        let low = &mut buf[..w.len()];
        low.copy_from_slice(w);
        low.make_ascii_lowercase();
        let low: &[u8] = low;
        if let Some(i) = SMALL.iter().position(|x| x.as_bytes() == low) {
            return Some(NumWord::Small(i as u64 + 1));
        }
        if let Some(i) = TENS.iter().position(|x| x.as_bytes() == low) {
            return Some(NumWord::Tens(20 + 10 * i as u64));
        }
        OTHER
            .iter()
            .find(|(x, _)| x.as_bytes() == low)
            .map(|(_, n)| *n)
    }
}

/// The prefilter: the beginnings of every number word (digits are always candidates).
static ANCHORS: LazyLock<lex::Prefixes> = LazyLock::new(|| {
    lex::Prefixes::new(
        SMALL
            .into_iter()
            .chain(TENS)
            .chain(OTHER.iter().map(|(w, _)| *w)),
    )
});

/// Words after which a lone "one" is a pronoun, not a count.
const ONE_BEFORE_NOT: &[&str] = &[
    "no", "the", "this", "that", "every", "each", "any", "which", "some", "anyone", "only",
];
/// Words after "one" that make it a pronoun or a non-count.
const ONE_AFTER_NOT: &[&str] = &[
    "of", "who", "whom", "whose", "that", "which", "another", "or", "and", "nor", "is", "was",
    "has", "had", "would", "will", "can", "could", "must", "may", "might", "should", "does", "did",
    "to", "in", "on", "at", "by", "for", "with", "from", "as", "than", "if", "but", "the", "a",
    "an", "day", "time", "way", "thing", "side", "hand", "says", "said", "knows", "thinks", "way",
    "here", "there", "too", "else",
];
/// Words after a number that make it a percentage.
const PERCENT: &[&str] = &["percent", "pc", "percentage"];

/// Finds cardinal numbers outside the time expressions `times` (sorted by start, as
/// [`super::time::find_times`] returns them).
pub fn find_numbers(text: &str, times: &[TimeExpr]) -> Vec<NumberMention> {
    let classes = lex::ByteClasses::new(text.as_bytes());
    let [anchors] = classes.anchors(text.as_bytes(), [number_words()]);
    find_numbers_in(text, &classes, &anchors, times)
}

/// The beginnings of every number word: where [`find_numbers`] looks.
pub(crate) fn number_words() -> &'static lex::Prefixes {
    &ANCHORS
}

/// [`find_numbers`] with the byte classes of `text` and the number words among its words
/// (`classes.anchors(text, [number_words()])`) already found.
pub(crate) fn find_numbers_in(
    text: &str,
    classes: &lex::ByteClasses,
    anchors: &lex::Anchors,
    times: &[TimeExpr],
) -> Vec<NumberMention> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    let mut floor = 0;
    while pos < b.len() {
        let Some(candidate) = classes.next_anchor(b, pos, &ANCHORS, anchors) else {
            break;
        };
        let (found, min_resume) = match candidate {
            Candidate::Digit(s) => (digit_number(b, s), lex::digits_end(b, s)),
            Candidate::Word(s, e) => (word_number(b, s, e, floor), e),
        };
        let (core, value, mut approx) = match found {
            Ok(f) => f,
            Err(resume) => {
                pos = resume.max(min_resume);
                continue;
            }
        };
        if let Some(t) = overlapping(times, core) {
            pos = t.end.max(core.end);
            continue;
        }
        let mut span = core;
        if let Some(q) = qualifier(b, core.start, floor) {
            let full = Span::new(q, core.end);
            if overlapping(times, full).is_none() {
                span = full;
                approx = true;
            }
        }
        if value == 1 && !approx && !one_is_count(b, core, floor) {
            pos = core.end;
            continue;
        }
        out.push(NumberMention {
            span,
            value,
            approximate: approx,
        });
        floor = span.end;
        pos = span.end;
    }
    out
}

/// The first time expression overlapping `span`, if any (binary search: `times` is sorted).
fn overlapping(times: &[TimeExpr], span: Span) -> Option<Span> {
    let i = times.partition_point(|t| t.span.end <= span.start);
    times.get(i).map(|t| t.span).filter(|t| t.overlaps(span))
}

/// The start of an approximation right before a number at `s` ("at least", "about", ...).
fn qualifier(b: &[u8], s: usize, floor: usize) -> Option<usize> {
    let w1 = prev_word(b, s, floor)?;
    let single = [
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "roughly",
        "approximately",
        "over",
        "estimated",
        "approx",
        "circa",
    ];
    if eq(b, w1, "estimated") {
        if let Some(w0) = prev_word(b, w1.0, floor).filter(|w| is_one_of(b, *w, &["an"])) {
            return Some(w0.0);
        }
        return Some(w1.0);
    }
    if is_one_of(b, w1, &single) {
        return Some(w1.0);
    }
    let w0 = prev_word(b, w1.0, floor)?;
    let pairs: [(&str, &[&str]); 5] = [
        ("least", &["at"]),
        ("most", &["at"]),
        ("than", &["more", "fewer", "less", "greater"]),
        ("to", &["up", "close"]),
        ("of", &["upwards", "upward"]),
    ];
    for (second, firsts) in pairs {
        if eq(b, w1, second) && is_one_of(b, w0, firsts) {
            return Some(w0.0);
        }
    }
    if eq(b, w1, "as") && eq(b, w0, "many") {
        let a = prev_word(b, w0.0, floor).filter(|w| eq(b, *w, "as"))?;
        return Some(a.0);
    }
    None
}

/// True when a lone "one" at `core` counts something.
fn one_is_count(b: &[u8], core: Span, floor: usize) -> bool {
    if !b[core.start].is_ascii_alphabetic() {
        return true;
    }
    if let Some(w) = prev_word(b, core.start, floor)
        && is_one_of(b, w, ONE_BEFORE_NOT)
    {
        return false;
    }
    let i = skip_space(b, core.end);
    let Some(next) = word_at(b, i) else {
        return false;
    };
    if i == core.end || is_one_of(b, next, ONE_AFTER_NOT) {
        return false;
    }
    let w = &b[next.0..next.1];
    !(w.len() > 3 && w[w.len() - 2..].eq_ignore_ascii_case(b"ly")) && NumWord::parse(w).is_none()
}

/// A digit number at `s`: `Ok((span, value, approximate))`, or `Err(resume)` with where to
/// resume the scan when it is not a count.
fn digit_number(b: &[u8], s: usize) -> Result<(Span, u64, bool), usize> {
    let run = lex::digits_end(b, s);
    // Glued to what comes before: an identifier ("M-16", "No.4", "A4") or part of another
    // number, date or clock time ("1.5", "10:30", "1/2").
    if s > 0 {
        let p = b[s - 1];
        let pp = if s > 1 { b[s - 2] } else { b' ' };
        let glued = p.is_ascii_alphabetic()
            || (p == b'-' && pp.is_ascii_alphabetic())
            || (matches!(p, b'.' | b',' | b'/' | b':') && is_alnum(pp))
            || p == b'#';
        if glued {
            return Err(skip_glued(b, run));
        }
        // "No. 4"
        let j = lex::skip_space_back(b, s, 0);
        if j < s
            && j > 0
            && b[j - 1] == b'.'
            && lex::word_ending_at(b, j - 1, 0).is_some_and(|w| eq(b, w, "no"))
        {
            return Err(run);
        }
    }
    if run - s > 1 && b[s] == b'0' {
        return Err(run);
    }
    let mut value = lex::digits_value(&b[s..run]).ok_or(run)?;
    let mut end = run;
    // Thousands groups: "2,000", "1,000,000" (exactly three digits, no spaces).
    if run - s <= 3 {
        while b.get(end) == Some(&b',') && lex::digits_end(b, end + 1) == end + 4 {
            let g = lex::digits_value(&b[end + 1..end + 4]).ok_or(end)?;
            value = value
                .checked_mul(1000)
                .and_then(|v| v.checked_add(g))
                .ok_or(end)?;
            end += 4;
        }
    }
    // Decimal part: only with a scale word after it ("1.5 million").
    let mut frac: Option<(u64, u32)> = None;
    if end + 1 < b.len() && b[end] == b'.' && b[end + 1].is_ascii_digit() {
        let fe = lex::digits_end(b, end + 1);
        let digits = (fe - end - 1).min(9);
        let f = lex::digits_value(&b[end + 1..end + 1 + digits]).ok_or(fe)?;
        frac = Some((f, digits as u32));
        end = fe;
    }
    // What follows must not glue it to something else.
    match b.get(end) {
        Some(c) if c.is_ascii_alphabetic() => return Err(skip_glued(b, end)),
        Some(b'-') if b.get(end + 1).is_some_and(|c| c.is_ascii_alphabetic()) => {
            return Err(skip_glued(b, end));
        }
        Some(b'%') => return Err(end + 1),
        Some(b':' | b'/') if b.get(end + 1).is_some_and(|c| c.is_ascii_digit()) => {
            return Err(skip_glued(b, end));
        }
        Some(b'.' | b',') if b.get(end + 1).is_some_and(|c| c.is_ascii_digit()) => {
            return Err(skip_glued(b, end));
        }
        _ => {}
    }
    let i = skip_space(b, end);
    let next = if i > end { word_at(b, i) } else { None };
    if let Some(w) = next {
        if is_one_of(b, w, PERCENT) {
            return Err(w.1);
        }
        if eq(b, w, "per") && word_at(b, skip_space(b, w.1)).is_some_and(|w2| eq(b, w2, "cent")) {
            return Err(w.1);
        }
        if let Some(NumWord::Scale(scale)) = NumWord::parse(&b[w.0..w.1]) {
            let whole = value.checked_mul(scale).ok_or(w.1)?;
            let part = match frac {
                Some((f, d)) => scale.checked_mul(f).ok_or(w.1)? / 10u64.pow(d),
                None => 0,
            };
            return Ok((
                Span::new(s, w.1),
                whole.checked_add(part).ok_or(w.1)?,
                false,
            ));
        }
    }
    if frac.is_some() {
        return Err(end);
    }
    Ok((Span::new(s, end), value, false))
}

/// The end of the alphanumeric-and-hyphen run from `i` (bounded), to resume after a glued
/// identifier.
fn skip_glued(b: &[u8], mut i: usize) -> usize {
    let start = i;
    while i < b.len() && i - start < 64 && (is_alnum(b[i]) || b[i] == b'-') {
        i += 1;
    }
    i
}

/// A number in words starting with the anchor `b[s..e]`.
fn word_number(b: &[u8], s: usize, e: usize, floor: usize) -> Result<(Span, u64, bool), usize> {
    if (s > 0 && is_alnum(b[s - 1])) || b.get(e).is_some_and(|c| is_alnum(*c)) {
        return Err(e);
    }
    let first = (s, e);
    let Some(kind) = NumWord::parse(&b[first.0..first.1]) else {
        return Err(e);
    };
    // Vague plurals: "dozens", "hundreds (of thousands)", "tens of thousands".
    if let NumWord::Plural(_) | NumWord::Tens10 = kind {
        return plural(b, first, kind, floor);
    }
    // "a hundred", "a dozen", "a score of", "a million".
    let mut start = s;
    let mut st = Parse::default();
    if matches!(
        kind,
        NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen | NumWord::Score
    ) {
        let a = prev_word(b, s, floor).filter(|w| is_one_of(b, *w, &["a", "an"]));
        let Some(a) = a else {
            return Err(e);
        };
        start = a.0;
        st.cur = 1;
        st.last = Last::Unit;
    }
    let mut i = s;
    let mut end = s;
    while let Some(w) = word_at(b, i) {
        let Some(nw) = NumWord::parse(&b[w.0..w.1]) else {
            break;
        };
        if !st.push(nw) {
            break;
        }
        end = w.1;
        if nw == NumWord::Score {
            break;
        }
        // Separator: a hyphen inside "twenty-five", else horizontal space, optionally "and".
        let mut j = if b.get(w.1) == Some(&b'-') && matches!(nw, NumWord::Tens(_)) {
            w.1 + 1
        } else {
            let j = skip_space(b, w.1);
            if j == w.1 {
                break;
            }
            j
        };
        if matches!(st.last, Last::Hundred | Last::Scale)
            && let Some(and) = lex::word_is(b, j, "and")
        {
            let k = skip_space(b, and);
            let after = word_at(b, k).and_then(|w| NumWord::parse(&b[w.0..w.1]));
            if k == and || !matches!(after, Some(NumWord::Small(_) | NumWord::Tens(_))) {
                break;
            }
            j = k;
        }
        i = j;
    }
    if end == s {
        return Err(e);
    }
    let value = st.value().ok_or(end)?;
    // "a score" only in "a score of".
    if st.last == Last::Score && lex::word_is(b, skip_space(b, end), "of").is_none() {
        return Err(end);
    }
    // Glued to a hyphen and a non-number word: "three-member", "two-thirds", "one-sided".
    if b.get(end) == Some(&b'-') && b.get(end + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
        return Err(skip_glued(b, end));
    }
    if b.get(end).is_some_and(|c| c.is_ascii_digit()) {
        return Err(end);
    }
    Ok((Span::new(start, end), value, false))
}

/// "dozens", "scores of", "hundreds", "thousands", "tens of thousands", "hundreds of
/// thousands".
fn plural(
    b: &[u8],
    w: (usize, usize),
    kind: NumWord,
    floor: usize,
) -> Result<(Span, u64, bool), usize> {
    let of = lex::word_is(b, skip_space(b, w.1), "of").filter(|o| *o > w.1);
    let unit = match kind {
        NumWord::Plural(u) => u,
        _ => 10,
    };
    // "hundreds of thousands", "tens of thousands", "thousands of millions"
    if let Some(of) = of {
        let k = skip_space(b, of);
        if let Some(w2) = word_at(b, k).filter(|_| k > of)
            && let Some(NumWord::Plural(u2)) = NumWord::parse(&b[w2.0..w2.1])
            && u2 > unit
            && u2 >= 1000
        {
            return Ok((Span::new(w.0, w2.1), 2 * unit * u2, true));
        }
    }
    if kind == NumWord::Tens10 {
        return Err(w.1);
    }
    // "scores" is a verb unless "scores of".
    if unit == 20 && of.is_none() {
        return Err(w.1);
    }
    // "the hundreds" / "the thousands" (a decade, a place in a list) are not counts.
    if prev_word(b, w.0, floor).is_some_and(|p| is_one_of(b, p, &["the", "his", "her", "their"])) {
        return Err(w.1);
    }
    Ok((Span::new(w.0, w.1), 2 * unit, true))
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Last {
    #[default]
    None,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Dozen,
    Score,
}

/// The running state of a number in words.
#[derive(Debug, Default)]
struct Parse {
    total: u64,
    cur: u64,
    last: Last,
    /// The last scale word used (thousand, million), to refuse "a thousand million thousand".
    scale: u64,
}

impl Parse {
    /// Takes the next word; false when it does not continue the number.
    fn push(&mut self, w: NumWord) -> bool {
        use Last as L;
        match w {
            NumWord::Small(v) if v < 10 => {
                let after_tens = self.last == L::Tens && self.cur.is_multiple_of(10);
                if !(matches!(self.last, L::None | L::Hundred | L::Scale) || after_tens) {
                    return false;
                }
                self.cur += v;
                self.last = L::Unit;
            }
            NumWord::Small(v) => {
                if !matches!(self.last, L::None | L::Hundred | L::Scale) {
                    return false;
                }
                self.cur += v;
                self.last = L::Teen;
            }
            NumWord::Tens(v) => {
                if !matches!(self.last, L::None | L::Hundred | L::Scale) {
                    return false;
                }
                self.cur += v;
                self.last = L::Tens;
            }
            NumWord::Hundred => {
                if !matches!(self.last, L::Unit | L::Teen) || self.cur >= 100 {
                    return false;
                }
                self.cur *= 100;
                self.last = L::Hundred;
            }
            NumWord::Scale(sc) => {
                if self.cur == 0 || self.last == L::Dozen || (self.scale != 0 && sc >= self.scale) {
                    return false;
                }
                let Some(add) = self.cur.checked_mul(sc) else {
                    return false;
                };
                self.total = self.total.saturating_add(add);
                self.cur = 0;
                self.scale = sc;
                self.last = L::Scale;
            }
            NumWord::Dozen => {
                if !matches!(self.last, L::Unit | L::Teen | L::Tens) || self.total != 0 {
                    return false;
                }
                self.cur *= 12;
                self.last = L::Dozen;
            }
            NumWord::Score => {
                if self.last != L::Unit || self.cur != 1 || self.total != 0 {
                    return false;
                }
                self.cur = 20;
                self.last = L::Score;
            }
            NumWord::Plural(_) | NumWord::Tens10 => return false,
        }
        true
    }

    fn value(&self) -> Option<u64> {
        let v = self.total.checked_add(self.cur)?;
        (v > 0).then_some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::Precision;

    /// An expected number: (span text, value, approximate).
    type Want = (&'static str, u64, bool);

    /// (text, expected numbers).
    const CASES: &[(&str, &[Want])] = &[
        // The reference article.
        (
            "A recent Russian strike on the Ukrainian capital killed three civilians while \
             Ukrainian drone strikes in Russia resulted in two deaths, according to officials.",
            &[("three", 3, false), ("two", 2, false)],
        ),
        // Digits.
        ("3 people died", &[("3", 3, false)]),
        (
            "2,000 troops and 12,500 refugees",
            &[("2,000", 2000, false), ("12,500", 12500, false)],
        ),
        ("1,000,000 votes", &[("1,000,000", 1_000_000, false)]),
        ("1.5 million people", &[("1.5 million", 1_500_000, false)]),
        (
            "$2.25 billion in aid",
            &[("2.25 billion", 2_250_000_000, false)],
        ),
        ("3 million displaced", &[("3 million", 3_000_000, false)]),
        ("a 3.5 magnitude quake", &[]),
        // Words.
        ("three soldiers", &[("three", 3, false)]),
        ("twenty-five people", &[("twenty-five", 25, false)]),
        ("twenty five people", &[("twenty five", 25, false)]),
        ("a hundred protesters", &[("a hundred", 100, false)]),
        (
            "two hundred and fifty rockets",
            &[("two hundred and fifty", 250, false)],
        ),
        (
            "three hundred fifty rockets",
            &[("three hundred fifty", 350, false)],
        ),
        ("one thousand shells", &[("one thousand", 1000, false)]),
        (
            "two thousand five hundred troops",
            &[("two thousand five hundred", 2500, false)],
        ),
        ("a thousand drones", &[("a thousand", 1000, false)]),
        (
            "fifteen hundred people",
            &[("fifteen hundred", 1500, false)],
        ),
        ("two million refugees", &[("two million", 2_000_000, false)]),
        ("a dozen villages", &[("a dozen", 12, false)]),
        ("two dozen villages", &[("two dozen", 24, false)]),
        ("dozens were hurt", &[("dozens", 24, true)]),
        ("scores of people", &[("scores", 40, true)]),
        ("he scores often", &[]),
        ("hundreds of people", &[("hundreds", 200, true)]),
        ("thousands fled", &[("thousands", 2000, true)]),
        (
            "tens of thousands fled",
            &[("tens of thousands", 20_000, true)],
        ),
        (
            "hundreds of thousands fled",
            &[("hundreds of thousands", 200_000, true)],
        ),
        ("in the hundreds", &[]),
        // Approximations.
        ("at least 12 people", &[("at least 12", 12, true)]),
        ("more than 100 drones", &[("more than 100", 100, true)]),
        ("over 50 missiles", &[("over 50", 50, true)]),
        ("about 30 soldiers", &[("about 30", 30, true)]),
        ("around 40 tanks", &[("around 40", 40, true)]),
        ("nearly 2,000 homes", &[("nearly 2,000", 2000, true)]),
        ("almost ten days of", &[("almost ten", 10, true)]),
        ("some 40 tanks", &[("some 40", 40, true)]),
        ("up to 20 ships", &[("up to 20", 20, true)]),
        ("roughly 70 people", &[("roughly 70", 70, true)]),
        (
            "an estimated 300 fighters",
            &[("an estimated 300", 300, true)],
        ),
        ("fewer than 5 boats", &[("fewer than 5", 5, true)]),
        ("as many as 60 people", &[("as many as 60", 60, true)]),
        (
            "more than a dozen drones",
            &[("more than a dozen", 12, true)],
        ),
        ("at least one civilian", &[("at least one", 1, true)]),
        // ALL-CAPS and pre-tokenized.
        ("THREE PEASANTS WERE KILLED", &[("THREE", 3, false)]),
        ("ABOUT 50 GUERRILLAS", &[("ABOUT 50", 50, true)]),
        ("TWENTY-FIVE SOLDIERS", &[("TWENTY-FIVE", 25, false)]),
        ("a 1 - 1 tie .", &[("1", 1, false), ("1", 1, false)]),
        ("1-1 draw", &[("1", 1, false), ("1", 1, false)]),
        ("2 , 000 people", &[("2", 2, false)]),
        // Not counts.
        ("the first and 2nd rounds", &[]),
        ("an M-16 and an AK-47 rifle", &[]),
        ("bus No.4 and No. 5", &[]),
        ("the 1990s and 10am", &[]),
        ("a 3-member team", &[]),
        ("two-thirds of the city", &[]),
        ("one of them said no one knew", &[]),
        ("the one he saw", &[]),
        ("one another", &[]),
        (
            "one soldier and one dead",
            &[("one", 1, false), ("one", 1, false)],
        ),
        ("someone phoned; often done", &[]),
        ("10% and 20 percent and 5 per cent", &[]),
        ("at 10:30 and 1/2", &[]),
        ("agent 007", &[]),
        // Unicode around numbers.
        (
            "“3” people — 四 ünd 5\u{a0}million",
            &[("3", 3, false), ("5\u{a0}million", 5_000_000, false)],
        ),
    ];

    #[test]
    fn table() {
        for (text, want) in CASES {
            let got: Vec<(&str, u64, bool)> = find_numbers(text, &[])
                .iter()
                .map(|n| (n.span.slice(text), n.value, n.approximate))
                .collect();
            assert_eq!(&got, want, "in {text:?}");
        }
    }

    #[test]
    fn numbers_inside_times_are_skipped() {
        let text = "a 30-day pause and 3 ships on March 23";
        let t = |s: &str, p| TimeExpr {
            span: {
                let i = text.find(s).unwrap();
                Span::new(i, i + s.len())
            },
            date: None,
            precision: p,
            duration_days: None,
        };
        let times = [
            t("30-day", Precision::Duration),
            t("March 23", Precision::Day),
        ];
        let got: Vec<_> = find_numbers(text, &times)
            .iter()
            .map(|n| n.span.slice(text))
            .collect();
        assert_eq!(got, ["3"]);
    }

    #[test]
    fn word_values() {
        assert_eq!(word_value("Seventeen"), Some(17));
        assert_eq!(word_value("NINETY"), Some(90));
        assert_eq!(word_value("hundred"), None);
        assert_eq!(word_value("first"), None);
    }
}
