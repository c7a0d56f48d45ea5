//! Tokens and sentences, with byte offsets into the original text.
//!
//! Nothing is normalized in place: curly quotes, non-breaking spaces, soft hyphens and
//! zero-width characters are classified where they stand, so every offset points into the
//! text as given. One pass over the bytes makes the tokens (ASCII spaces, letters and digits by
//! byte, runs of letters and a word's letter case eight bytes at a time; other characters are
//! decoded where they stand); a second pass over the tokens places sentence boundaries.

use super::analysis::{Case, Sentence, Token, TokenKind};
use super::model::Span;
use super::numbers::lex::{ONES, between, eight_bytes};

/// Abbreviations after which a period does not end a sentence (lower case, without the period),
/// sorted and at most eight bytes long (for [`is_abbreviation`]).
const ABBREVIATIONS: &[&str] = &[
    "adm", "amb", "approx", "apr", "atty", "aug", "brig", "capt", "cmdr", "co", "col", "corp",
    "cpl", "dec", "dept", "dr", "est", "etc", "feb", "fr", "ft", "gen", "gens", "gov", "hon",
    "inc", "insp", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mlle", "mme",
    "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "pres", "prof", "pvt", "rep", "reps",
    "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt", "vs",
];

/// Words that start a new sentence after an abbreviation with inner periods ("the U.S. The").
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "on",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "however",
    "meanwhile",
    "after",
    "while",
    "when",
    "if",
    "as",
    "for",
    "at",
    "some",
    "many",
    "officials",
    "according",
];

/// Splits `text` into tokens and sentences.
pub fn tokenize(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    let (tokens, newlines) = Tokenizer::new(text).run();
    let sentences = split_sentences(text, &tokens, &newlines);
    (tokens, sentences)
}

/// True when the article is wire copy in capitals: at least 20 cased ASCII letters, and more
/// than 80 % of them upper case.
pub fn is_all_caps(text: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    // Byte counters over blocks of 255 bytes: the loop runs on vector registers.
    for block in text.as_bytes().chunks(255) {
        let (mut u, mut l) = (0u8, 0u8);
        for &b in block {
            u += u8::from(b.is_ascii_uppercase());
            l += u8::from(b.is_ascii_lowercase());
        }
        upper += usize::from(u);
        lower += usize::from(l);
    }
    upper + lower >= 20 && upper * 5 > (upper + lower) * 4
}

/// The letter case of a word.
pub fn case_of(word: &str) -> Case {
    case_at(word, 0, word.len())
}

/// [`case_of`] of `text[from..to]`: eight bytes at a time while they are ASCII.
#[inline]
fn case_at(text: &str, from: usize, to: usize) -> Case {
    let bytes = text.as_bytes();
    let (mut first, mut any_upper, mut any_lower) = (None, false, false);
    let mut at = from;
    while at < to {
        let x = eight_bytes(bytes, at, to);
        if x & (ONES * 0x80) != 0 {
            return unicode_case_of(&text[from..to]);
        }
        let upper = between(x, 0x40, 0x5B);
        let lower = between(x, 0x60, 0x7B);
        if first.is_none() && (upper | lower) != 0 {
            first = Some(upper.trailing_zeros() < lower.trailing_zeros());
        }
        any_upper |= upper != 0;
        any_lower |= lower != 0;
        at += 8;
    }
    let Some(first_upper) = first else {
        return Case::Other;
    };
    match (first_upper, any_upper, any_lower) {
        (_, false, true) => Case::Lower,
        (true, true, false) => Case::Upper,
        (true, _, true) => Case::Title,
        _ => Case::Other,
    }
}

/// [`case_of`] for words with letters beyond ASCII.
fn unicode_case_of(word: &str) -> Case {
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Case::Other;
    };
    let (mut any_upper, mut any_lower) = (first.is_uppercase(), first.is_lowercase());
    for c in chars {
        any_upper |= c.is_uppercase();
        any_lower |= c.is_lowercase();
    }
    match (first.is_uppercase(), any_upper, any_lower) {
        (_, false, true) => Case::Lower,
        (true, true, false) => Case::Upper,
        (true, _, true) => Case::Title,
        _ => Case::Other,
    }
}

/// White space, including no-break and other Unicode spaces and zero-width characters.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Characters that continue a word without being letters: combining marks, soft hyphens and
/// zero-width joiners.
fn is_word_continuation(c: char) -> bool {
    // Letters first: the common case answers without the range tests.
    c.is_alphabetic()
        || matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0x00AD | 0x200C | 0x200D)
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// Apostrophes and single quotes.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The tokenizer's cursor over the text: positions are byte offsets, characters are decoded
/// where they stand (ASCII without decoding).
struct Tokenizer<'t> {
    text: &'t str,
    bytes: &'t [u8],
    tokens: Vec<Token>,
    /// The byte offsets of the text's line feeds, in order (all are white space between
    /// tokens, which the tokenizer steps over one by one).
    newlines: Vec<usize>,
}

impl<'t> Tokenizer<'t> {
    fn new(text: &'t str) -> Self {
        Tokenizer {
            text,
            bytes: text.as_bytes(),
            // News prose has about one token per six bytes: reserve so that it does not grow.
            tokens: Vec::with_capacity(text.len() / 4 + 1),
            newlines: Vec::new(),
        }
    }

    /// The character starting at byte `i`.
    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        match self.bytes.get(i) {
            Some(&b) if b < 0x80 => Some(char::from(b)),
            Some(_) => self.text[i..].chars().next(),
            None => None,
        }
    }

    /// The character ending at byte `i`.
    #[inline]
    fn before(&self, i: usize) -> Option<char> {
        match i.checked_sub(1).map(|j| self.bytes[j]) {
            Some(b) if b < 0x80 => Some(char::from(b)),
            Some(_) => self.text[..i].chars().next_back(),
            None => None,
        }
    }

    /// The character at byte `i` and the one after it.
    #[inline]
    fn two_at(&self, i: usize) -> (Option<char>, Option<char>) {
        match self.at(i) {
            Some(c) => (Some(c), self.at(i + c.len_utf8())),
            None => (None, None),
        }
    }

    /// The end of the run of characters from byte `i` on that satisfy `keep`.
    #[inline]
    fn run_end(&self, mut i: usize, keep: impl Fn(char) -> bool) -> usize {
        while let Some(c) = self.at(i).filter(|&c| keep(c)) {
            i += c.len_utf8();
        }
        i
    }

    fn push(&mut self, from: usize, to: usize, kind: TokenKind, case: Case) {
        let span = Span::new(from, to);
        self.tokens.push(Token { span, kind, case });
    }

    /// The tokens, and the offsets of the line feeds.
    fn run(mut self) -> (Vec<Token>, Vec<usize>) {
        let mut i = 0;
        while let Some(&b) = self.bytes.get(i) {
            // ASCII spaces, letters and digits first, by byte.
            match b {
                b' ' | b'\t' | b'\x0B'..=b'\r' => {
                    i += 1;
                    continue;
                }
                b'\n' => {
                    self.newlines.push(i);
                    i += 1;
                    continue;
                }
                b'a'..=b'z' | b'A'..=b'Z' => {
                    i = self.word(i);
                    continue;
                }
                b'0'..=b'9' => {
                    i = self.number(i);
                    continue;
                }
                _ => {}
            }
            let Some(c) = self.at(i) else { break };
            let next = i + c.len_utf8();
            if is_space(c) {
                i = next;
            } else if is_letter(c) {
                i = self.word(i);
            } else if c.is_ascii_digit() {
                i = self.number(i);
            } else if let Some(len) = (is_apostrophe(c) && self.before(i).is_some_and(is_letter))
                .then(|| self.clitic_len(i))
                .flatten()
            {
                // The possessive or contraction ("'s", "’m", "'re") the word before left for us.
                let case = case_at(self.text, i, i + len);
                self.push(i, i + len, TokenKind::Word, case);
                i += len;
            } else if let Some(kind) = self.quote_kind(i, c) {
                self.push(i, next, kind, Case::Other);
                i = next;
            } else if matches!(c, '.' | '!' | '?' | '\u{2026}') {
                let j = self.run_end(next, |c| matches!(c, '.' | '!' | '?' | '\u{2026}'));
                self.push(i, j, TokenKind::Terminal, Case::Other);
                i = j;
            } else {
                // Punctuation, symbols and emoji, one character each (with any combining marks).
                let j = self.run_end(next, |c| is_word_continuation(c) && !is_letter(c));
                self.push(i, j, TokenKind::Punct, Case::Other);
                i = j;
            }
        }
        (self.tokens, self.newlines)
    }

    /// The end of the letters and other word characters from byte `i` on, noting their
    /// letter case in `seen`.
    #[inline]
    fn word_chars_end(&self, mut i: usize, seen: &mut CaseSeen) -> usize {
        loop {
            i = ascii_letters_end(self.bytes, i, seen);
            match self.bytes.get(i) {
                Some(&b) if b >= 0x80 => match self.at(i) {
                    Some(c) if is_word_continuation(c) => {
                        seen.non_ascii = true;
                        i += c.len_utf8();
                    }
                    _ => return i,
                },
                _ => return i,
            }
        }
    }

    /// A word: letters with inner apostrophes ("don't"), hyphens ("technical-level") and
    /// periods between single letters ("U.S.", "a.m."); a possessive "'s" is its own token.
    fn word(&mut self, start: usize) -> usize {
        let mut dotted = false;
        // The letter case, seen while the word is scanned (every letter of the word passes
        // through `ascii_letters_end` or `word_chars_end`).
        let mut seen = CaseSeen::default();
        let mut i = ascii_letters_end(self.bytes, start, &mut seen);
        // Most words are ASCII letters followed by an ASCII byte that cannot go on with a
        // word: not a letter, apostrophe, hyphen or period (nor a byte beyond ASCII).
        if self
            .bytes
            .get(i)
            .is_none_or(|&b| b < 0x80 && !matches!(b, b'\'' | b'-' | b'.'))
        {
            let case = seen.case(self.text, start, i);
            self.push(start, i, TokenKind::Word, case);
            return i;
        }
        loop {
            i = self.word_chars_end(i, &mut seen);
            match self.two_at(i) {
                (Some(a), Some(n)) if is_apostrophe(a) && is_letter(n) => {
                    // A possessive or contraction at a word end ("'s", "’m", "'re", "'ll"):
                    // split it off; "n't" and inner apostrophes ("O'Brien") stay.
                    if self.clitic_len(i).is_some() {
                        break;
                    }
                    seen.non_ascii |= !a.is_ascii();
                    i += a.len_utf8();
                }
                (Some(h @ ('-' | '\u{2010}' | '\u{2011}')), Some(n))
                    if n.is_alphanumeric() && !dotted =>
                {
                    seen.non_ascii |= !h.is_ascii();
                    i += h.len_utf8();
                    if n.is_ascii_digit() {
                        i = self.ascii_digits_end(i);
                    }
                }
                (Some('.'), Some(n)) if is_letter(n) && self.single_letter_run(i, n) => {
                    dotted = true;
                    i += 1;
                }
                _ => break,
            }
        }
        if dotted && self.bytes.get(i) == Some(&b'.') {
            i += 1;
        }
        let case = seen.case(self.text, start, i);
        self.push(start, i, TokenKind::Word, case);
        i
    }

    /// The length in bytes of a clitic starting with the apostrophe at byte `i` ("'s", "'m",
    /// "'re", "'ve", "'ll", "'d"), when one ends the word there.
    fn clitic_len(&self, i: usize) -> Option<usize> {
        let mut j = i + self.at(i).map_or(1, char::len_utf8);
        let mut letters = [0u8; 2];
        let mut n = 0;
        while let Some(c) = self.at(j).filter(|c| is_letter(*c)) {
            if n == 2 || !c.is_ascii() {
                return None;
            }
            letters[n] = c.to_ascii_lowercase() as u8;
            n += 1;
            j += 1;
        }
        if self.at(j).is_some_and(is_word_continuation) {
            return None;
        }
        matches!(&letters[..n], b"s" | b"m" | b"re" | b"ve" | b"ll" | b"d").then_some(j - i)
    }

    /// True when the letters just before the period at byte `dot` are one or two letters long
    /// ("U" in "U.S", "a" in "a.m") and `after` (the letter after the period) is not followed
    /// by another: the pattern of initialisms, not of sentence ends ("end.The").
    fn single_letter_run(&self, dot: usize, after: char) -> bool {
        let mut n = 0;
        let mut j = dot;
        while let Some(c) = self.before(j).filter(|&c| is_letter(c)) {
            n += 1;
            if n > 2 {
                return false;
            }
            j -= c.len_utf8();
        }
        self.at(dot + 1 + after.len_utf8())
            .is_none_or(|c| !is_letter(c))
    }

    /// The end of the ASCII digits from byte `i` on.
    #[inline]
    fn ascii_digits_end(&self, mut i: usize) -> usize {
        while self.bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    }

    /// A number: digits with inner separators followed by digits ("2,000", "3.5", "10:30",
    /// "2025-03-23"), and a glued suffix of letters ("30-day", "2nd", "16mm").
    fn number(&mut self, start: usize) -> usize {
        let mut i = start;
        loop {
            i = self.ascii_digits_end(i);
            match self.two_at(i) {
                (Some(',' | '.' | ':' | '-' | '/'), Some(n)) if n.is_ascii_digit() => i += 1,
                (Some('-'), Some(n)) if is_letter(n) => {
                    i = self.run_end(i + 1, |c| is_word_continuation(c) || c == '-');
                    break;
                }
                (Some(n), _) if is_letter(n) => {
                    i = self.word_chars_end(i, &mut CaseSeen::default());
                    break;
                }
                _ => break,
            }
        }
        self.push(start, i, TokenKind::Number, Case::Other);
        i
    }

    /// Whether the character `c` at byte `i` is a quote mark, and which way it faces.
    fn quote_kind(&self, i: usize, c: char) -> Option<TokenKind> {
        if !matches!(
            c,
            '"' | '\''
                | '\u{2019}'
                | '\u{201C}'
                | '\u{2018}'
                | '\u{201E}'
                | '\u{00AB}'
                | '\u{2039}'
                | '\u{201D}'
                | '\u{00BB}'
                | '\u{203A}'
        ) {
            return None;
        }
        let prev = self.before(i);
        let next = self.at(i + c.len_utf8());
        let opens_by_position = prev
            .is_none_or(|p| is_space(p) || "([{\u{2014}\u{2013}-/".contains(p))
            && next.is_some_and(|n| !is_space(n));
        match c {
            '\u{201C}' | '\u{2018}' | '\u{201E}' | '\u{00AB}' | '\u{2039}' => {
                Some(TokenKind::OpenQuote)
            }
            '\u{201D}' | '\u{00BB}' | '\u{203A}' => Some(TokenKind::CloseQuote),
            _ => {
                if c != '"' && prev.is_some_and(is_letter) && next.is_some_and(is_letter) {
                    return None; // an apostrophe inside a word; words consume these
                }
                if c != '"'
                    && prev.is_some_and(|p| p == 's' || p == 'S')
                    && next.is_none_or(is_space)
                {
                    // "the rebels' base": a plural possessive, not a closing quote
                    return Some(TokenKind::Punct);
                }
                Some(if opens_by_position {
                    TokenKind::OpenQuote
                } else {
                    TokenKind::CloseQuote
                })
            }
        }
    }
}

/// The letters of a word seen so far, for its [`Case`].
#[derive(Clone, Copy, Default)]
struct CaseSeen {
    /// 0x80 in the bytes of some eight-byte block that held an upper-case ASCII letter.
    upper: u64,
    /// The same for lower-case ASCII letters.
    lower: u64,
    /// A character beyond ASCII: the case is then [`unicode_case_of`] the whole word.
    non_ascii: bool,
}

impl CaseSeen {
    /// The case of the word `text[from..to]`, which starts with a letter and whose letters
    /// were all seen: what [`case_at`] says.
    #[inline]
    fn case(self, text: &str, from: usize, to: usize) -> Case {
        if self.non_ascii {
            return unicode_case_of(&text[from..to]);
        }
        // The first letter is the first byte, an ASCII letter.
        let first_upper = text.as_bytes()[from].is_ascii_uppercase();
        match (first_upper, self.upper != 0, self.lower != 0) {
            (_, false, true) => Case::Lower,
            (true, true, false) => Case::Upper,
            (true, _, true) => Case::Title,
            _ => Case::Other,
        }
    }
}

/// The end of the ASCII letters from byte `i` on, eight bytes at a time, noting their case in
/// `seen`.
#[inline]
fn ascii_letters_end(bytes: &[u8], mut i: usize, seen: &mut CaseSeen) -> usize {
    while let Some(block) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(block.try_into().expect("eight bytes"));
        // 0x80 in each byte that is a letter once folded to lower case.
        let letters = between(x | (ONES * 0x20), 0x60, 0x7B);
        let run = (!letters & (ONES * 0x80)).trailing_zeros() as usize / 8;
        let in_run = letters & u64::MAX.checked_shr(64 - 8 * run as u32).unwrap_or(0);
        // A letter is lower case when its 0x20 bit (moved to 0x80 here) is set.
        seen.upper |= in_run & !(x << 2);
        seen.lower |= in_run & (x << 2);
        i += run;
        if run < 8 {
            return i;
        }
    }
    while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_alphabetic()) {
        seen.upper |= u64::from(b.is_ascii_uppercase());
        seen.lower |= u64::from(b.is_ascii_lowercase());
        i += 1;
    }
    i
}

/// Places sentence boundaries over the tokens; `newlines` are the offsets of the text's line
/// feeds.
fn split_sentences(text: &str, tokens: &[Token], newlines: &[usize]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // The first line feed after the tokens looked at so far.
    let mut line_feed = 0;
    while i < tokens.len() {
        let mut end = i + 1; // exclusive index of the sentence's last token if we split here
        let split = if tokens[i].kind == TokenKind::Terminal {
            // Closing quotes and brackets after the terminal belong to this sentence.
            while end < tokens.len() && closes(text, tokens[end]) {
                end += 1;
            }
            ends_sentence(text, tokens, i, end)
        } else {
            false
        };
        let split = split
            || (end < tokens.len() && {
                let before = tokens[end - 1];
                while newlines
                    .get(line_feed)
                    .is_some_and(|&p| p < before.span.end)
                {
                    line_feed += 1;
                }
                paragraph_break(text, newlines, line_feed, before, tokens[end])
            });
        if split || end == tokens.len() {
            if end > start {
                sentences.push(Sentence {
                    span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                    tokens: start..end,
                });
            }
            start = end;
        }
        i = end;
    }
    sentences
}

fn closes(text: &str, t: Token) -> bool {
    t.kind == TokenKind::CloseQuote
        || (t.kind == TokenKind::Punct && matches!(t.span.slice(text), ")" | "]"))
}

/// Whether `word` is one of [`ABBREVIATIONS`] up to ASCII case.
fn is_abbreviation(word: &str) -> bool {
    let mut lower = [0u8; 8];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false; // longer than any
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    ABBREVIATIONS
        .binary_search_by(|a| a.as_bytes().cmp(lower))
        .is_ok()
}

/// Whether the terminal token `i` (with closers up to `next`) ends its sentence.
fn ends_sentence(text: &str, tokens: &[Token], i: usize, next: usize) -> bool {
    let Some(following) = tokens.get(next) else {
        return true;
    };
    let term = tokens[i];
    // Glued to the next token ("No.4", "3.5" is one number already): not an end.
    if following.span.start == term.span.end && following.kind != TokenKind::OpenQuote {
        return false;
    }
    let starts_like_sentence = match following.kind {
        TokenKind::Word => following.case != Case::Lower,
        TokenKind::Number | TokenKind::OpenQuote => true,
        TokenKind::Punct => matches!(
            following.span.slice(text),
            "(" | "[" | "-" | "\u{2014}" | "\u{2013}"
        ),
        _ => false,
    };
    if !starts_like_sentence {
        return false;
    }
    if term.span.slice(text) != "." || i == 0 || tokens[i - 1].span.end != term.span.start {
        return true;
    }
    // A period glued to the word before it: an abbreviation or an initial?
    let prev = tokens[i - 1];
    let word = prev.span.slice(text);
    if prev.kind != TokenKind::Word {
        return true;
    }
    if is_abbreviation(word) {
        // "Mar. 23", "Gen. Smith": never an end; "No." only before a number.
        return word.eq_ignore_ascii_case("no") && following.kind != TokenKind::Number;
    }
    let single_initial = word.chars().count() == 1 && prev.case == Case::Upper;
    // "wrote on X. The group …": the platform X after "on" or "via", not an initial.
    let platform = i >= 2
        && matches!(tokens[i - 2].span.slice(text), "on" | "via")
        && tokens[i - 2].span.end < prev.span.start;
    if single_initial && !platform {
        return false;
    }
    true
}

/// Whether a sentence ends between `before` and `after` without a terminal: at a blank line,
/// at a line break that is no wrapping, or after a word token with inner periods that ends in
/// one ("U.S.") when a typical sentence opener follows (checked in [`ends_dotted`]).
/// `newlines[k..]` are the offsets of the line feeds after `before`.
fn paragraph_break(text: &str, newlines: &[usize], k: usize, before: Token, after: Token) -> bool {
    let line_feeds = newlines[k..]
        .iter()
        .take_while(|&&p| p < after.span.start)
        .count();
    if line_feeds >= 2 {
        return true;
    }
    if line_feeds == 1 {
        // A line break ends a sentence when the next line's first word would have fitted on
        // the line before, or the line is short (a headline); wrapped wire copy fills its lines.
        if after.case == Case::Lower {
            return false;
        }
        // The line feed of the gap is `newlines[k]`: the lines are found among the offsets.
        let line_start_after = |line: usize| line.checked_sub(1).map_or(0, |p| newlines[p] + 1);
        let line_start = line_start_after(k);
        let line_len = before.span.end - line_start;
        let above_len = k
            .checked_sub(1)
            .map_or(0, |p| newlines[p] - line_start_after(p));
        let next_line_len = newlines.get(k + 1).map_or(text.len(), |&p| p) - after.span.start;
        let rest = &text[after.span.start..];
        let first_word = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let gap = &text.as_bytes()[before.span.end..after.span.start];
        let indented = matches!(gap.last(), Some(b' ' | b'\t')) && gap.len() > 2;
        let width = line_len.max(above_len).max(next_line_len);
        return indented || line_len < 40 || line_len + 1 + first_word + 8 <= width;
    }
    if before.kind == TokenKind::Word && text.as_bytes()[before.span.end - 1] == b'.' {
        return ends_dotted(text, after);
    }
    false
}

/// After a dotted abbreviation ("U.S.", "a.m."), a new sentence starts only with a common
/// sentence opener ("the U.S. The talks ...").
fn ends_dotted(text: &str, after: Token) -> bool {
    after.kind == TokenKind::Word
        && after.case != Case::Lower
        && SENTENCE_STARTERS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(after.span.slice(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let (tokens, _) = tokenize(text);
        tokens.iter().map(|t| t.span.slice(text)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let (_, sentences) = tokenize(text);
        sentences.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn tokens_keep_original_offsets() {
        let cases: &[(&str, &[&str])] = &[
            ("“real progress”", &["“", "real", "progress", "”"]),
            ("Putin’s plan", &["Putin", "’s", "plan"]),
            ("Russia's war", &["Russia", "'s", "war"]),
            ("don't stop", &["don't", "stop"]),
            (
                "I’m sure they're here",
                &["I", "’m", "sure", "they", "'re", "here"],
            ),
            ("O'Brien said", &["O'Brien", "said"]),
            (
                "the U.S. and U.N. said",
                &["the", "U.S.", "and", "U.N.", "said"],
            ),
            ("a 30-day pause", &["a", "30-day", "pause"]),
            ("technical-level talks", &["technical-level", "talks"]),
            (
                "2,000 people, 3.5 km",
                &["2,000", "people", ",", "3.5", "km"],
            ),
            ("on 2025-03-23.", &["on", "2025-03-23", "."]),
            ("a 1 - 1 tie .", &["a", "1", "-", "1", "tie", "."]),
            ("Kyiv\u{00A0}said", &["Kyiv", "said"]),
            ("co\u{00AD}operation", &["co\u{00AD}operation"]),
            ("peace 🕊️ now", &["peace", "🕊\u{fe0f}", "now"]),
            ("Zelens\u{0301}kyy", &["Zelens\u{0301}kyy"]),
            ("the rebels' base", &["the", "rebels", "'", "base"]),
            ("\"Yes,\" he said", &["\"", "Yes", ",", "\"", "he", "said"]),
            ("M-16 RIFLE", &["M-16", "RIFLE"]),
            ("Wait... what?!", &["Wait", "...", "what", "?!"]),
            ("Київ заявив", &["Київ", "заявив"]),
            (
                "counteroffensives,INTERNATIONALLY;Ünïcödé",
                &["counteroffensives", ",", "INTERNATIONALLY", ";", "Ünïcödé"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "tokens of {text:?}");
        }
    }

    #[test]
    fn quotes_face_the_right_way() {
        let text = "He said \"no\" and ‘maybe’.";
        let (tokens, _) = tokenize(text);
        let kinds: Vec<_> = tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::OpenQuote | TokenKind::CloseQuote))
            .map(|t| (t.span.slice(text), t.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("\"", TokenKind::OpenQuote),
                ("\"", TokenKind::CloseQuote),
                ("‘", TokenKind::OpenQuote),
                ("’", TokenKind::CloseQuote)
            ]
        );
    }

    const MUC_FIRST: &str = "COPREFA] [TEXT] THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50
PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS OF THE
FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL
DEPARTMENT.";
    const MUC_WRAPPED: &str =
        "COPREFA] [TEXT] THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50
PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS OF THE
FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL
DEPARTMENT.  ACCORDING TO THAT GARRISON, THE MASS KIDNAPPING TOOK PLACE ON
30 DECEMBER IN SAN LUIS DE LA REINA.";

    #[test]
    fn sentence_boundaries() {
        let cases: &[(&str, &[&str])] = &[
            ("Talks began. They ended.", &["Talks began.", "They ended."]),
            (
                "Talks with the U.S. started on Mar. 23 in Riyadh.",
                &["Talks with the U.S. started on Mar. 23 in Riyadh."],
            ),
            (
                "Gen. Smith and Lt. Col. Jones met Dr. Who.",
                &["Gen. Smith and Lt. Col. Jones met Dr. Who."],
            ),
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            (
                "Fletcher wrote on X. The RSF denied it.",
                &["Fletcher wrote on X.", "The RSF denied it."],
            ),
            (
                "It grew 3.5 percent. Then it fell.",
                &["It grew 3.5 percent.", "Then it fell."],
            ),
            (
                "He lives at No. 10 Downing St. in London.",
                &["He lives at No. 10 Downing St. in London."],
            ),
            (
                "“We are at the beginning,” he said. “There is more.”",
                &["“We are at the beginning,” he said.", "“There is more.”"],
            ),
            ("“Is it over?” she asked.", &["“Is it over?” she asked."]),
            (
                "He left (for good.) She stayed.",
                &["He left (for good.)", "She stayed."],
            ),
            (
                "A deal with the U.S. The talks continue.",
                &["A deal with the U.S.", "The talks continue."],
            ),
            (
                "US envoy hopeful on talks\n\nUS special envoy Steve Witkoff spoke.",
                &[
                    "US envoy hopeful on talks",
                    "US special envoy Steve Witkoff spoke.",
                ],
            ),
            (
                "Kremlin says talks only at beginning\nHowever, Kremlin downplayed it.",
                &[
                    "Kremlin says talks only at beginning",
                    "However, Kremlin downplayed it.",
                ],
            ),
            (
                MUC_WRAPPED,
                &[
                    MUC_FIRST,
                    "ACCORDING TO THAT GARRISON, THE MASS KIDNAPPING TOOK PLACE ON\n30 DECEMBER IN SAN LUIS DE LA REINA.",
                ],
            ),
            (
                "MILITARY DETACHMENT NO.4 REPORTED THAT A TERRORIST WAS KILLED.",
                &["MILITARY DETACHMENT NO.4 REPORTED THAT A TERRORIST WAS KILLED."],
            ),
            (
                "the match ended in a 1 - 1 tie . Fans rushed in .",
                &["the match ended in a 1 - 1 tie .", "Fans rushed in ."],
            ),
            ("no final punctuation", &["no final punctuation"]),
            ("", &[]),
            ("   \n\n  ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&sentences(text), want, "sentences of {text:?}");
        }
    }

    #[test]
    fn abbreviations_are_found_in_any_ascii_case() {
        assert!(ABBREVIATIONS.is_sorted() && ABBREVIATIONS.iter().all(|a| a.len() <= 8));
        for word in ABBREVIATIONS {
            assert!(is_abbreviation(word), "{word}");
            assert!(is_abbreviation(&word.to_ascii_uppercase()), "{word}");
        }
        for word in ["Mrx", "M", "", "approxima", "Ｍr", "mr."] {
            assert!(!is_abbreviation(word), "{word}");
        }
        assert!(is_abbreviation("Gen") && is_abbreviation("sEPT"));
    }

    #[test]
    fn all_caps_detection() {
        assert!(is_all_caps(
            "THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS"
        ));
        assert!(!is_all_caps(
            "Ukraine and the US officials started talks in Saudi Arabia"
        ));
        assert!(!is_all_caps("NATO"));
    }

    #[test]
    fn word_tokens_carry_the_case_of_their_text() {
        let text = "NATO's U.S.-backed Internationalization co\u{AD}operation ÉCOLE Zelens\u{301}kyy \
                    O'Brien O’BRIEN don’t technical-level 30-day 12345678-Day AK-47 x-ray ABCDEFGHIJk \
                    abcdefghIJKLMNOP київ Київ a.m. P.M. mIxEd\u{2011}Case Ab";
        let (tokens, _) = tokenize(text);
        for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let word = t.span.slice(text);
            assert_eq!(t.case, case_of(word), "case of {word:?}");
        }
    }

    #[test]
    fn word_case() {
        assert_eq!(case_of("talks"), Case::Lower);
        assert_eq!(case_of("Sunday"), Case::Title);
        assert_eq!(case_of("NATO"), Case::Upper);
        assert_eq!(case_of("U.S."), Case::Upper);
        assert_eq!(case_of("McDonald"), Case::Title);
        assert_eq!(case_of("30-day"), Case::Lower);
        assert_eq!(case_of("2025"), Case::Other);
        // Longer than one eight-byte block, non-ASCII letters, letters after other bytes.
        assert_eq!(case_of("INTERNATIONAL"), Case::Upper);
        assert_eq!(case_of("Internationalization"), Case::Title);
        assert_eq!(case_of("counter-offensives"), Case::Lower);
        assert_eq!(case_of("12345678-day"), Case::Lower);
        assert_eq!(case_of("12345678-Day"), Case::Title);
        assert_eq!(case_of("U.S.-backed"), Case::Title);
        assert_eq!(case_of("ÉCOLE"), Case::Upper);
        assert_eq!(case_of("Zelens\u{0301}kyy"), Case::Title);
        assert_eq!(case_of("київ"), Case::Lower);
        assert_eq!(case_of("--"), Case::Other);
    }
}
