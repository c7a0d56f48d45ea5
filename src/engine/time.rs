//! Time expressions: explicit dates, weekdays resolved by tense, relative dates, times of day
//! and durations, each with its precision.
//!
//! # Design
//! - **One prefilter** (shared with `numbers`, in `numbers::lex`): 64-byte blocks are turned
//!   into letter and digit bit masks with branch-free SWAR once per article, and only word
//!   starts and digit-run starts are looked at; a word is a candidate only when its first three
//!   letters are in a bitset (built once in a `LazyLock`) of the beginnings of the keywords
//!   (marked for both scanners in one pass over the word starts): month names and
//!   abbreviations, weekdays, yesterday/today/tonight/tomorrow, hour/day/week/month/year, the
//!   parts of the day, noon/midnight. Each candidate is then parsed by hand with bounded
//!   look-around (a few words forward, at most two back, never more than a few dozen bytes),
//!   so the scan is linear in the input and allocates only the output.
//! - **Tense of a weekday.** Tense cues (future: will, 'll, won't, shall, is to, are to, is
//!   due, scheduled, plans to, expected to, going to, set to, next, upcoming, tomorrow; past:
//!   said, told, was, were, had, ago, yesterday, last, earlier, started, ...) are found with the
//!   same prefilter, incrementally: the text between the previous weekday and this one is
//!   scanned once, and never more than 300 bytes back, so a long sentence with many weekdays
//!   stays linear. The nearest cue before the weekday in its sentence (and within those 300
//!   bytes) decides; with none, a cue within the next two words ("talks on Monday will ...")
//!   decides; otherwise it is past. Future: the next such weekday on or after the dateline;
//!   past: the most recent on or before (so a Sunday in a Sunday article is that
//!   very day either way). "last"/"next" override (strictly before/after); "this coming" is on
//!   or after; "this past" is strictly before; plain "this" goes by tense. This refines the
//!   plain rule "any future cue means future": a nearer past cue wins ("Talks that started on
//!   Sunday will continue" is past).
//! - **Spans** cover the expression and its modifiers ("last Friday", "earlier this month",
//!   "mid-2014") but not prepositions ("on", "in", "at"): "on Sunday" is the span "Sunday".
//!   "Sunday (Mar 23)" and "Sunday, March 23" are one expression; the explicit date wins.
//! - **Clock times** ("10 a.m.", "10:30 GMT", "noon") have precision TIME_OF_DAY. They take the
//!   date of a day in the same expression ("Sunday at 10 a.m.", "10:30 GMT on March 23",
//!   "10 p.m. yesterday"), which then spans both; alone, their date is `None`.
//! - **Years.** A date without a year takes the occurrence nearest the dateline (Dec 30 in a
//!   January article is last year); without a dateline its date is `None`. Two-digit years
//!   ("3 JAN 90") take the century that puts them within 50 years of the dateline (ties go to
//!   the past); without a dateline, 00-49 are 20xx and 50-99 are 19xx. A bare four-digit year
//!   (1900-2100) is a year only after in/since/by/until/till/before/after/during/from/through/
//!   early/late/mid-/"the year", or after "of" that follows a season or "end"/"start"/... ("the
//!   summer of 2014"): "2000 people" is a count. Decades ("the 1990s") are skipped.
//! - **Ambiguous months.** With a day or year beside it a month name counts in any case ("MAY
//!   5", "march 23"). Alone ("in March") it must be Title-case and follow a cue word (in, since,
//!   by, until, early, late, mid-, last, next, this, ...): "may" and "MARCH" alone are never
//!   dates, and abbreviations ("Mar") always need a number.
//! - **Relative dates**: yesterday/today/tomorrow (DAY), tonight, this morning, last night,
//!   "Monday night" (TIME_OF_DAY), last/this/next week (WEEK, the Monday), month (MONTH, the
//!   1st), year (YEAR, Jan 1), "earlier this month", "N days/weeks/months/years/hours ago".
//!   Without a dateline they keep their span and have date `None`.
//! - **Durations** ("30-day", "30 days", "three-year", "three years", "72-hour", "two weeks"):
//!   precision DURATION, `duration_days` = hours rounded up to days, weeks x7, months x30,
//!   years x365; date `None`.
//! - Not handled: numeric dates with slashes ("23/03/2025", ambiguous), ranges beyond their
//!   first date ("March 23-24" is March 23), seasons, "the weekend", "the day before".

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};

use super::analysis::TimeExpr;
use super::model::{Precision, Span};
use super::numbers::lex::{
    self, Candidate, eq, is_alnum, is_one_of, prev_word, skip_space, word_at, word_ending_at,
    word_is,
};
use super::numbers::word_value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    /// Month number, and whether the word is an abbreviation.
    Month(i8, bool),
    Weekday(Weekday),
    /// yesterday (-1), today (0), tomorrow (1); tonight is `RelDay(0, true)`.
    RelDay(i8, bool),
    /// A unit, singular or plural.
    Unit(Unit, bool),
    /// morning, afternoon, evening, night.
    Part,
    /// noon, midnight.
    Noon,
    Digit,
}

const KEYS: &[(&str, Key)] = &[
    ("january", Key::Month(1, false)),
    ("february", Key::Month(2, false)),
    ("march", Key::Month(3, false)),
    ("april", Key::Month(4, false)),
    ("may", Key::Month(5, false)),
    ("june", Key::Month(6, false)),
    ("july", Key::Month(7, false)),
    ("august", Key::Month(8, false)),
    ("september", Key::Month(9, false)),
    ("october", Key::Month(10, false)),
    ("november", Key::Month(11, false)),
    ("december", Key::Month(12, false)),
    ("jan", Key::Month(1, true)),
    ("feb", Key::Month(2, true)),
    ("mar", Key::Month(3, true)),
    ("apr", Key::Month(4, true)),
    ("jun", Key::Month(6, true)),
    ("jul", Key::Month(7, true)),
    ("aug", Key::Month(8, true)),
    ("sep", Key::Month(9, true)),
    ("sept", Key::Month(9, true)),
    ("oct", Key::Month(10, true)),
    ("nov", Key::Month(11, true)),
    ("dec", Key::Month(12, true)),
    ("monday", Key::Weekday(Weekday::Monday)),
    ("tuesday", Key::Weekday(Weekday::Tuesday)),
    ("wednesday", Key::Weekday(Weekday::Wednesday)),
    ("thursday", Key::Weekday(Weekday::Thursday)),
    ("friday", Key::Weekday(Weekday::Friday)),
    ("saturday", Key::Weekday(Weekday::Saturday)),
    ("sunday", Key::Weekday(Weekday::Sunday)),
    ("yesterday", Key::RelDay(-1, false)),
    ("today", Key::RelDay(0, false)),
    ("tonight", Key::RelDay(0, true)),
    ("tomorrow", Key::RelDay(1, false)),
    ("hour", Key::Unit(Unit::Hour, false)),
    ("hours", Key::Unit(Unit::Hour, true)),
    ("day", Key::Unit(Unit::Day, false)),
    ("days", Key::Unit(Unit::Day, true)),
    ("week", Key::Unit(Unit::Week, false)),
    ("weeks", Key::Unit(Unit::Week, true)),
    ("month", Key::Unit(Unit::Month, false)),
    ("months", Key::Unit(Unit::Month, true)),
    ("year", Key::Unit(Unit::Year, false)),
    ("years", Key::Unit(Unit::Year, true)),
    ("morning", Key::Part),
    ("afternoon", Key::Part),
    ("evening", Key::Part),
    ("night", Key::Part),
    ("noon", Key::Noon),
    ("midnight", Key::Noon),
    ("0", Key::Digit),
    ("1", Key::Digit),
    ("2", Key::Digit),
    ("3", Key::Digit),
    ("4", Key::Digit),
    ("5", Key::Digit),
    ("6", Key::Digit),
    ("7", Key::Digit),
    ("8", Key::Digit),
    ("9", Key::Digit),
];

/// The prefilter: the beginnings of every keyword (digits are always candidates).
static ANCHORS: LazyLock<lex::Prefixes> =
    LazyLock::new(|| lex::Prefixes::new(KEYS.iter().map(|(w, _)| *w).filter(|w| w.len() > 1)));

/// The keyword `b[w.0..w.1]` is, if any.
fn key_of(b: &[u8], w: (usize, usize)) -> Option<Key> {
    let mut buf = [0u8; lex::MAX_WORD];
    let low = lex::lower(b, w, &mut buf);
    KEYS.iter()
        .find(|(k, _)| k.as_bytes() == low)
        .map(|(_, key)| *key)
}

/// Words that can begin a tense cue (see [`cue_of`]).
const CUE_WORDS: &[&str] = &[
    "will",
    "shall",
    "scheduled",
    "upcoming",
    "tomorrow",
    "next",
    "ll",
    "won",
    "is",
    "are",
    "plans",
    "plan",
    "planning",
    "expected",
    "expects",
    "going",
    "set",
    "said",
    "told",
    "was",
    "were",
    "had",
    "did",
    "ago",
    "yesterday",
    "last",
    "earlier",
    "began",
    "started",
    "held",
    "met",
    "got",
    "took",
    "killed",
    "launched",
    "signed",
    "agreed",
    "announced",
    "reported",
];

/// The prefilter of the tense cues.
static CUE_PREFIXES: LazyLock<lex::Prefixes> =
    LazyLock::new(|| lex::Prefixes::new(CUE_WORDS.iter().copied()));

/// The tense the word `w` (a whole letter run) marks: `Some(true)` for the future ("will",
/// "'ll", "won't", "is to", "is due", "plans to", "expected to", "going to", "set to", "next",
/// "upcoming", "tomorrow", "scheduled", "shall"), `Some(false)` for the past ("said", "told",
/// "was", "were", "had", "ago", "yesterday", "last", "earlier", "started", ...).
fn cue_of(b: &[u8], w: (usize, usize)) -> Option<bool> {
    let mut buf = [0u8; lex::MAX_WORD];
    let low = lex::lower(b, w, &mut buf);
    let next_is = |word: &str| {
        let j = skip_space(b, w.1);
        j > w.1 && word_is(b, j, word).is_some()
    };
    let apostrophe_at = |i: usize| {
        b.get(i) == Some(&b'\'') || b[i.min(b.len())..].starts_with("\u{2019}".as_bytes())
    };
    match low {
        b"will" | b"shall" | b"scheduled" | b"upcoming" | b"tomorrow" | b"next" => Some(true),
        b"ll" => {
            let after_letter = |i: usize| i > 0 && b[i - 1].is_ascii_alphabetic();
            let quote = if w.0 >= 1 && b[w.0 - 1] == b'\'' {
                Some(w.0 - 1)
            } else if w.0 >= 3 && &b[w.0 - 3..w.0] == "\u{2019}".as_bytes() {
                Some(w.0 - 3)
            } else {
                None
            };
            quote.is_some_and(after_letter).then_some(true)
        }
        // "won't" (but "won" the vote is past)
        b"won" => Some(apostrophe_at(w.1)),
        b"is" | b"are" => (next_is("to") || next_is("due")).then_some(true),
        b"plans" | b"plan" | b"planning" | b"expected" | b"expects" | b"going" | b"set" => {
            next_is("to").then_some(true)
        }
        b"said" | b"told" | b"was" | b"were" | b"had" | b"did" | b"ago" | b"yesterday"
        | b"last" | b"earlier" | b"began" | b"started" | b"held" | b"met" | b"got" | b"took"
        | b"killed" | b"launched" | b"signed" | b"agreed" | b"announced" | b"reported" => {
            Some(false)
        }
        _ => None,
    }
}

/// How far back (bytes) a tense cue may stand from its weekday.
const CUE_WINDOW: usize = 300;

/// Words before a bare year that make it a year ("in 2014").
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "before", "after", "during", "from", "through", "early",
    "late", "year",
];
/// Words before "of" that make the year after it a year ("the summer of 2014").
const OF_YEAR_CUES: &[&str] = &[
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "end",
    "start",
    "beginning",
    "middle",
    "half",
    "quarter",
    "part",
    "course",
];
/// Words before a bare month name that make it a month ("in March").
const MONTH_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "early", "late", "mid", "last", "next", "this", "from",
    "through", "during", "before", "after", "of",
];
/// Time zones after a clock time (upper case only).
const ZONES: &[&str] = &[
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "EST", "EDT", "CST", "CDT", "PST",
    "PDT", "IST", "JST", "KST", "AST",
];

/// One expression found, before it becomes a [`TimeExpr`].
#[derive(Clone, Copy, Debug)]
struct Found {
    start: usize,
    end: usize,
    date: Option<Date>,
    precision: Precision,
    days: Option<u32>,
}

impl Found {
    fn new(start: usize, end: usize, date: Option<Date>, precision: Precision) -> Found {
        Found {
            start,
            end,
            date,
            precision,
            days: None,
        }
    }
}

/// How a weekday is modified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Modifier {
    /// No modifier, or plain "this": by tense.
    Tense,
    /// "last", "this past": strictly before the dateline.
    Last,
    /// "next": strictly after.
    Next,
    /// "this coming", "coming": on or after.
    Coming,
}

struct Scan<'a> {
    b: &'a [u8],
    /// The letters and digits of `b`.
    classes: &'a lex::ByteClasses,
    sentences: &'a [Span],
    published: Option<Date>,
    /// End of the last expression emitted: look-back never goes below it.
    floor: usize,
    /// How far the tense cues have been scanned.
    cue_scanned: usize,
    /// The last tense cue seen: (start, is future).
    cue_last: Option<(usize, bool)>,
}

/// Finds dates, times of day and durations, resolving them against `published`.
///
/// `sentences` (sorted, as the tokenizer gives them) decide which words count for the tense
/// of a weekday. Output is sorted and non-overlapping; spans are byte offsets into `text`.
pub fn find_times(text: &str, sentences: &[Span], published: Option<Date>) -> Vec<TimeExpr> {
    let classes = lex::ByteClasses::new(text.as_bytes());
    let [anchors] = classes.anchors(text.as_bytes(), [time_words()]);
    find_times_in(text, &classes, &anchors, sentences, published)
}

/// The beginnings of the words a time expression is found from: where [`find_times`] looks.
pub(crate) fn time_words() -> &'static lex::Prefixes {
    &ANCHORS
}

/// [`find_times`] with the byte classes of `text` and the anchor words among its words
/// (`classes.anchors(text, [time_words()])`) already found.
pub(crate) fn find_times_in(
    text: &str,
    classes: &lex::ByteClasses,
    anchors: &lex::Anchors,
    sentences: &[Span],
    published: Option<Date>,
) -> Vec<TimeExpr> {
    let mut scan = Scan {
        b: text.as_bytes(),
        classes,
        sentences,
        published,
        floor: 0,
        cue_scanned: 0,
        cue_last: None,
    };
    let len = text.len();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < len {
        let Some(candidate) = classes.next_anchor(scan.b, pos, &ANCHORS, anchors) else {
            break;
        };
        let (s, e, key) = match candidate {
            Candidate::Digit(s) => (s, s + 1, Key::Digit),
            Candidate::Word(s, e) => match key_of(scan.b, (s, e)) {
                Some(key) => (s, e, key),
                None => {
                    pos = e;
                    continue;
                }
            },
        };
        match scan.anchor(s, e, key, true) {
            Some(f) if f.start >= scan.floor && f.end > s && f.end <= len => {
                out.push(TimeExpr {
                    span: Span::new(f.start, f.end),
                    date: f.date,
                    precision: f.precision,
                    duration_days: f.days,
                });
                scan.floor = f.end;
                pos = f.end.max(e);
            }
            _ if key == Key::Digit => pos = lex::digits_end(scan.b, s),
            _ => pos = e,
        }
    }
    out
}

impl Scan<'_> {
    /// Parses the expression around the anchor `b[s..e]`.
    fn anchor(&mut self, s: usize, e: usize, key: Key, clock_ok: bool) -> Option<Found> {
        let b = self.b;
        if key == Key::Digit {
            return self.digits(s, clock_ok);
        }
        if (s > 0 && is_alnum(b[s - 1])) || b.get(e).is_some_and(|c| is_alnum(*c)) {
            return None;
        }
        match key {
            Key::Month(m, abbr) => self.month_first(s, e, m, abbr, false),
            Key::Weekday(wd) => self.weekday(s, e, wd, clock_ok),
            Key::RelDay(off, tonight) => self.rel_day(s, e, off, tonight, clock_ok),
            Key::Unit(u, plural) => self.unit(s, e, u, plural),
            Key::Part => self.part(s, e),
            Key::Noon => self.clock_expr(s, clock_ok),
            Key::Digit => None,
        }
    }

    /// The anchor starting exactly at `k`, if any.
    fn key_at(&self, k: usize) -> Option<(usize, Key)> {
        let b = self.b;
        match b.get(k)? {
            c if c.is_ascii_digit() => Some((k + 1, Key::Digit)),
            c if c.is_ascii_alphabetic() => {
                let mut e = k;
                while e < b.len() && b[e].is_ascii_alphabetic() && e - k <= lex::MAX_WORD {
                    e += 1;
                }
                key_of(b, (k, e)).map(|key| (e, key))
            }
            _ => None,
        }
    }

    /// A calendar day written out at `k` ("Mar 23", "23 March 2025", "2025-03-23").
    fn explicit_at(&mut self, k: usize) -> Option<Found> {
        let (e, key) = self.key_at(k)?;
        let f = match key {
            Key::Month(m, abbr) => {
                if k > 0 && is_alnum(self.b[k - 1]) || self.b.get(e).is_some_and(|c| is_alnum(*c)) {
                    return None;
                }
                self.month_first(k, e, m, abbr, true)?
            }
            Key::Digit => self.digits(k, false)?,
            _ => return None,
        };
        (f.precision == Precision::Day && f.start == k).then_some(f)
    }

    /// A day at `k` that a clock time can attach to: a weekday, yesterday/today/tomorrow or an
    /// explicit date.
    fn day_at(&mut self, k: usize) -> Option<Found> {
        let (e, key) = self.key_at(k)?;
        let f = match key {
            Key::Weekday(_) | Key::RelDay(_, false) => self.anchor(k, e, key, false)?,
            Key::Month(..) | Key::Digit => self.explicit_at(k)?,
            _ => return None,
        };
        (f.start == k && f.precision != Precision::Duration).then_some(f)
    }

    // ---- digits ----------------------------------------------------------------------------

    fn digits(&mut self, s: usize, clock_ok: bool) -> Option<Found> {
        let b = self.b;
        let run = lex::digits_end(b, s);
        let n = run - s;
        if s > 0 {
            let p = b[s - 1];
            let pp = if s > 1 { b[s - 2] } else { b' ' };
            let mid = p == b'-' && word_ending_at(b, s - 1, 0).is_some_and(|w| eq(b, w, "mid"));
            if p.is_ascii_alphanumeric()
                || (matches!(p, b'.' | b',' | b':' | b'/' | b'-') && is_alnum(pp) && !mid)
            {
                return None;
            }
        }
        // ISO date: 2025-03-23
        if n == 4 && b.get(run) == Some(&b'-') && lex::digits_end(b, run + 1) == run + 3 {
            if b.get(run + 3) == Some(&b'-')
                && lex::digits_end(b, run + 4) == run + 6
                && !b.get(run + 6).is_some_and(|c| is_alnum(*c))
            {
                let y = num(&b[s..run])? as i16;
                let m = num(&b[run + 1..run + 3])? as i8;
                let d = num(&b[run + 4..run + 6])? as i8;
                let date = Date::new(y, m, d).ok()?;
                return Some(Found::new(s, run + 6, Some(date), Precision::Day));
            }
            return None;
        }
        if n > 4 {
            return None;
        }
        let v = num(&b[s..run])?;
        if n <= 2 {
            if let Some(f) = self.clock_expr(s, clock_ok) {
                return Some(f);
            }
            if let Some(f) = self.day_month(s, run, v) {
                return Some(f);
            }
        }
        if let Some(f) = self.digit_duration(s, run, v) {
            return Some(f);
        }
        if n == 4 {
            return self.bare_year(s, run, v);
        }
        None
    }

    /// "23 March", "23rd of March 2025", "3 JAN 90", "30 DECEMBER".
    fn day_month(&mut self, s: usize, run: usize, day: u64) -> Option<Found> {
        let b = self.b;
        if !(1..=31).contains(&day) {
            return None;
        }
        let mut i = run;
        if i + 2 <= b.len()
            && is_one_of(b, (i, i + 2), &["st", "nd", "rd", "th"])
            && !b.get(i + 2).is_some_and(|c| is_alnum(*c))
        {
            i += 2;
        }
        let mut j = skip_space(b, i);
        if j == i {
            return None;
        }
        if let Some(of) = word_is(b, j, "of") {
            let k = skip_space(b, of);
            if k == of {
                return None;
            }
            j = k;
        }
        let (me, key) = self.key_at(j)?;
        let Key::Month(month, abbr) = key else {
            return None;
        };
        if b.get(me).is_some_and(|c| is_alnum(*c)) {
            return None;
        }
        let mut end = me;
        if abbr && b.get(end) == Some(&b'.') {
            end += 1;
        }
        // Year: four digits, or two digits with nothing but punctuation after them.
        let mut year = None;
        let k = skip_space(b, end);
        if k > end {
            let yr = lex::digits_end(b, k);
            let glued = b.get(yr).is_some_and(|c| is_alnum(*c))
                || (matches!(b.get(yr), Some(b',' | b'.' | b':'))
                    && b.get(yr + 1).is_some_and(|c| c.is_ascii_digit()));
            let after_ok = !glued;
            if yr - k == 4 && after_ok {
                year = Some(num(&b[k..yr])? as i16);
                end = yr;
            } else if yr - k == 2 && after_ok {
                let next = skip_space(b, yr);
                if !b.get(next).is_some_and(|c| is_alnum(*c)) {
                    year = Some(self.two_digit_year(num(&b[k..yr])? as i16));
                    end = yr;
                }
            }
        }
        if Date::new(2000, month, day as i8).is_err() {
            return None;
        }
        let date = self.calendar(year, month, day as i8);
        if year.is_some() && date.is_none() {
            return None;
        }
        Some(Found::new(s, end, date, Precision::Day))
    }

    /// "30-day", "30 days", "72-hour", "3 days ago".
    fn digit_duration(&mut self, s: usize, run: usize, v: u64) -> Option<Found> {
        let b = self.b;
        let j = match b.get(run) {
            Some(b'-') => run + 1,
            _ => {
                let j = skip_space(b, run);
                if j == run {
                    return None;
                }
                j
            }
        };
        let (e, key) = self.key_at(j)?;
        let Key::Unit(unit, _) = key else {
            return None;
        };
        if b.get(e).is_some_and(|c| is_alnum(*c)) {
            return None;
        }
        self.amount(s, e, unit, v)
    }

    /// A number of units ending at `e`: a duration, or a relative date with "ago".
    fn amount(&mut self, start: usize, e: usize, unit: Unit, n: u64) -> Option<Found> {
        if n == 0 {
            return None;
        }
        let b = self.b;
        let j = skip_space(b, e);
        if j > e
            && let Some(ago) = word_is(b, j, "ago")
        {
            let n = i64::try_from(n).ok()?;
            let p = self.published;
            let (date, precision) = match unit {
                Unit::Hour => (p.and_then(|p| add_days(p, -(n / 24))), Precision::TimeOfDay),
                Unit::Day => (p.and_then(|p| add_days(p, -n)), Precision::Day),
                Unit::Week => (
                    p.and_then(|p| add_days(p, n.checked_mul(-7)?))
                        .and_then(monday_of),
                    Precision::Week,
                ),
                Unit::Month => (
                    p.and_then(|p| add_months(p.first_of_month(), -n)),
                    Precision::Month,
                ),
                Unit::Year => (
                    p.and_then(|p| {
                        Date::new(i16::try_from(i64::from(p.year()) - n).ok()?, 1, 1).ok()
                    }),
                    Precision::Year,
                ),
            };
            return Some(Found::new(start, ago, date, precision));
        }
        let days = match unit {
            Unit::Hour => n.div_ceil(24),
            Unit::Day => n,
            Unit::Week => n.checked_mul(7)?,
            Unit::Month => n.checked_mul(30)?,
            Unit::Year => n.checked_mul(365)?,
        };
        let days = u32::try_from(days).ok()?;
        Some(Found {
            days: Some(days),
            ..Found::new(start, e, None, Precision::Duration)
        })
    }

    /// "in 2014", "since 1990", "mid-2014", "the summer of 2014".
    fn bare_year(&mut self, s: usize, run: usize, v: u64) -> Option<Found> {
        let b = self.b;
        if !(1900..=2100).contains(&v) {
            return None;
        }
        match b.get(run) {
            Some(c) if c.is_ascii_alphanumeric() => return None,
            Some(b',' | b'.' | b':' | b'/')
                if b.get(run + 1).is_some_and(|c| c.is_ascii_digit()) =>
            {
                return None;
            }
            _ => {}
        }
        let mut start = s;
        let cue = if s > 0 && b[s - 1] == b'-' {
            // "mid-2014"
            let w = word_ending_at(b, s - 1, self.floor).filter(|w| eq(b, *w, "mid"));
            if let Some(w) = w {
                start = w.0;
            }
            w.is_some()
        } else if let Some(w) = prev_word(b, s, self.floor) {
            if is_one_of(b, w, &["early", "late"]) {
                start = w.0;
                true
            } else if eq(b, w, "of") {
                prev_word(b, w.0, self.floor).is_some_and(|w0| is_one_of(b, w0, OF_YEAR_CUES))
            } else {
                is_one_of(b, w, YEAR_CUES)
            }
        } else {
            false
        };
        if !cue {
            return None;
        }
        let date = Date::new(v as i16, 1, 1).ok();
        Some(Found::new(start, run, date, Precision::Year))
    }

    // ---- clock times -----------------------------------------------------------------------

    /// The end of a clock time at `k` ("10 a.m.", "10:30", "10:30 GMT", "noon").
    fn clock_at(&self, k: usize) -> Option<usize> {
        let b = self.b;
        if let Some(e) = word_is(b, k, "noon").or_else(|| word_is(b, k, "midnight")) {
            return Some(e);
        }
        let run = lex::digits_end(b, k);
        if run == k || run - k > 2 || (k > 0 && is_alnum(b[k - 1])) {
            return None;
        }
        let h = num(&b[k..run])?;
        let mut end = run;
        let mut minutes = false;
        if b.get(run) == Some(&b':') && lex::digits_end(b, run + 1) == run + 3 {
            if num(&b[run + 1..run + 3])? > 59 {
                return None;
            }
            end = run + 3;
            minutes = true;
            if b.get(end) == Some(&b':') && lex::digits_end(b, end + 1) == end + 3 {
                end += 3;
            }
        }
        if b.get(end).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        if let Some(ae) = am_pm(b, skip_space(b, end)) {
            if !(1..=12).contains(&h) {
                return None;
            }
            end = ae;
        } else if !minutes || h > 24 || b.get(end).is_some_and(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let z = skip_space(b, end);
        if z > end
            && let Some(w) = word_at(b, z)
            && ZONES.iter().any(|zone| zone.as_bytes() == &b[w.0..w.1])
        {
            end = w.1;
        }
        Some(end)
    }

    /// A clock time at `s`, merged with a day after it ("10 a.m. on Sunday") when
    /// `clock_ok`.
    fn clock_expr(&mut self, s: usize, clock_ok: bool) -> Option<Found> {
        let end = self.clock_at(s)?;
        let mut f = Found::new(s, end, None, Precision::TimeOfDay);
        if clock_ok {
            let j = skip_space(self.b, end);
            let k = match word_is(self.b, j, "on") {
                Some(on) if j > end => skip_space(self.b, on),
                _ => j,
            };
            if k > end
                && let Some(d) = self.day_at(k)
            {
                f.end = d.end;
                f.date = d.date;
            }
        }
        Some(f)
    }

    /// Extends a day with a clock time after it ("Sunday at 10 a.m.").
    fn with_clock(&mut self, mut f: Found) -> Found {
        let j = skip_space(self.b, f.end);
        if j > f.end
            && let Some(at) = word_is(self.b, j, "at")
        {
            let k = skip_space(self.b, at);
            if k > at
                && let Some(ce) = self.clock_at(k)
            {
                f.end = ce;
                f.precision = Precision::TimeOfDay;
            }
        }
        f
    }

    /// The end of a part of the day ("evening") at `j`.
    fn part_at(&self, j: usize) -> Option<usize> {
        let w = word_at(self.b, j)?;
        is_one_of(self.b, w, &["morning", "afternoon", "evening", "night"]).then_some(w.1)
    }

    // ---- months ----------------------------------------------------------------------------

    /// A month name at `b[s..e]`: "March 23", "Mar. 23, 2025", "March 2025", "in March".
    fn month_first(
        &mut self,
        s: usize,
        e: usize,
        month: i8,
        abbr: bool,
        day_only: bool,
    ) -> Option<Found> {
        let b = self.b;
        let i = if abbr && b.get(e) == Some(&b'.') {
            e + 1
        } else {
            e
        };
        let j = skip_space(b, i);
        if j > i && b.get(j).is_some_and(|c| c.is_ascii_digit()) {
            let run = lex::digits_end(b, j);
            let n = run - j;
            let v = num(&b[j..run])?;
            let after = b.get(run).copied();
            let glued_num = matches!(after, Some(b',' | b'.' | b':' | b'/'))
                && b.get(run + 1).is_some_and(|c| c.is_ascii_digit());
            if n <= 2 && (1..=31).contains(&v) && !glued_num {
                let mut end = run;
                if end + 2 <= b.len()
                    && is_one_of(b, (end, end + 2), &["st", "nd", "rd", "th"])
                    && !b.get(end + 2).is_some_and(|c| is_alnum(*c))
                {
                    end += 2;
                } else if after.is_some_and(|c| c.is_ascii_alphabetic()) {
                    return None;
                }
                let mut year = None;
                let mut k = end;
                if b.get(k) == Some(&b',') {
                    k += 1;
                }
                let k2 = skip_space(b, k);
                if k2 > end {
                    let yr = lex::digits_end(b, k2);
                    if yr - k2 == 4
                        && !b.get(yr).is_some_and(|c| is_alnum(*c))
                        && !(matches!(b.get(yr), Some(b',' | b'.' | b':'))
                            && b.get(yr + 1).is_some_and(|c| c.is_ascii_digit()))
                    {
                        year = Some(num(&b[k2..yr])? as i16);
                        end = yr;
                    }
                }
                if Date::new(2000, month, v as i8).is_err() {
                    return None;
                }
                let date = self.calendar(year, month, v as i8);
                if year.is_some() && date.is_none() {
                    return None;
                }
                return Some(Found::new(s, end, date, Precision::Day));
            }
            if n == 4 && !day_only && !b.get(run).is_some_and(|c| is_alnum(*c)) && !glued_num {
                let date = Date::new(v as i16, month, 1).ok()?;
                return Some(Found::new(s, run, Some(date), Precision::Month));
            }
            return None;
        }
        if day_only || (abbr && month != 5) || i != e {
            return None;
        }
        // A bare month: Title case, after a cue word.
        let title = b[s].is_ascii_uppercase() && b[s + 1..e].iter().all(|c| c.is_ascii_lowercase());
        if !title {
            return None;
        }
        let mut start = s;
        let prev = if s > 0 && b[s - 1] == b'-' {
            word_ending_at(b, s - 1, self.floor).filter(|w| eq(b, *w, "mid"))
        } else {
            prev_word(b, s, self.floor)
        };
        let prev = prev.filter(|w| is_one_of(b, *w, MONTH_CUES))?;
        let modifier = if is_one_of(b, prev, &["last", "next", "this", "early", "late", "mid"]) {
            start = prev.0;
            Some(&b[prev.0..prev.1])
        } else {
            None
        };
        let date = self.published.and_then(|p| {
            let (py, pm) = (i64::from(p.year()), i64::from(p.month()));
            let m = i64::from(month);
            let delta = match modifier {
                Some(w) if w.eq_ignore_ascii_case(b"last") => {
                    if m < pm {
                        m - pm
                    } else {
                        m - pm - 12
                    }
                }
                Some(w) if w.eq_ignore_ascii_case(b"next") => {
                    if m > pm {
                        m - pm
                    } else {
                        m - pm + 12
                    }
                }
                _ => {
                    let d = m - pm;
                    if d > 6 {
                        d - 12
                    } else if d < -5 {
                        d + 12
                    } else {
                        d
                    }
                }
            };
            let total = py * 12 + (pm - 1) + delta;
            Date::new(
                i16::try_from(total.div_euclid(12)).ok()?,
                (total.rem_euclid(12) + 1) as i8,
                1,
            )
            .ok()
        });
        Some(Found::new(start, e, date, Precision::Month))
    }

    // ---- weekdays and relative days --------------------------------------------------------

    fn weekday(&mut self, s: usize, e: usize, wd: Weekday, clock_ok: bool) -> Option<Found> {
        let b = self.b;
        let mut start = s;
        let mut modifier = Modifier::Tense;
        if let Some(w) = prev_word(b, s, self.floor) {
            let before = prev_word(b, w.0, self.floor);
            let this_before = before.filter(|w0| eq(b, *w0, "this"));
            if eq(b, w, "last") {
                (start, modifier) = (w.0, Modifier::Last);
            } else if eq(b, w, "next") {
                (start, modifier) = (w.0, Modifier::Next);
            } else if eq(b, w, "this") {
                (start, modifier) = (w.0, Modifier::Tense);
            } else if eq(b, w, "past") {
                (start, modifier) = (this_before.map_or(w.0, |t| t.0), Modifier::Last);
            } else if eq(b, w, "coming") {
                (start, modifier) = (this_before.map_or(w.0, |t| t.0), Modifier::Coming);
            }
        }
        let mut end = e;
        let mut precision = Precision::Day;
        // A date confirming it: "Sunday (Mar 23)", "Sunday, March 23", "Sunday 23 March".
        let mut explicit = None;
        let j = skip_space(b, end);
        match b.get(j) {
            Some(b'(') => {
                let k = skip_space(b, j + 1);
                if let Some(d) = self.explicit_at(k) {
                    let l = skip_space(b, d.end);
                    if b.get(l) == Some(&b')') {
                        explicit = Some(d);
                        end = l + 1;
                    }
                }
            }
            Some(b',') => {
                let k = skip_space(b, j + 1);
                if k > j + 1
                    && let Some(d) = self.explicit_at(k)
                {
                    explicit = Some(d);
                    end = d.end;
                }
            }
            _ if j > end => {
                if let Some(d) = self.explicit_at(j) {
                    explicit = Some(d);
                    end = d.end;
                }
            }
            _ => {}
        }
        let j = skip_space(b, end);
        if j > end
            && let Some(pe) = self.part_at(j)
        {
            end = pe;
            precision = Precision::TimeOfDay;
        }
        let date = match explicit.and_then(|d| d.date) {
            Some(d) => Some(d),
            None => self.resolve_weekday(wd, modifier, start, end),
        };
        let f = Found::new(start, end, date, precision);
        Some(if clock_ok { self.with_clock(f) } else { f })
    }

    fn resolve_weekday(
        &mut self,
        wd: Weekday,
        modifier: Modifier,
        start: usize,
        end: usize,
    ) -> Option<Date> {
        let p = self.published?;
        let back = i64::from(wd.until(p.weekday()));
        let fwd = i64::from(p.weekday().until(wd));
        let offset = match modifier {
            Modifier::Last => -(if back == 0 { 7 } else { back }),
            Modifier::Next => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            Modifier::Coming => fwd,
            Modifier::Tense => {
                if self.is_future(start, end) {
                    fwd
                } else {
                    -back
                }
            }
        };
        add_days(p, offset)
    }

    /// Whether the sentence around `b[start..end]` speaks of the future (see the module docs).
    fn is_future(&mut self, start: usize, end: usize) -> bool {
        let len = self.b.len();
        let i = self.sentences.partition_point(|s| s.end <= start);
        let (ss, se) = match self.sentences.get(i) {
            Some(s) if s.start <= start => (s.start, s.end.clamp(end, len)),
            _ => (start.saturating_sub(200), (end + 64).min(len)),
        };
        // Cues count within the sentence and at most CUE_WINDOW bytes back.
        let ss = ss.max(start.saturating_sub(CUE_WINDOW));
        let from = self.cue_scanned.max(ss);
        if from < start {
            let before = &self.b[..start];
            let mut i = from;
            while let Some(c) = self.classes.next_candidate(before, i, &CUE_PREFIXES) {
                match c {
                    Candidate::Word(s, e) => {
                        if let Some(future) = cue_of(self.b, (s, e)) {
                            self.cue_last = Some((s, future));
                        }
                        i = e;
                    }
                    Candidate::Digit(d) => i = d + 1,
                }
            }
        }
        self.cue_scanned = self.cue_scanned.max(start);
        if let Some((p, future)) = self.cue_last
            && p >= ss
        {
            return future;
        }
        // A future cue within the next two words: "talks on Monday will ...".
        let b = self.b;
        let mut i = end;
        for _ in 0..2 {
            i = skip_space(b, i);
            if i >= se {
                break;
            }
            let Some(w) = word_at(b, i) else { break };
            if let Some(future) = cue_of(b, w) {
                return future;
            }
            if is_one_of(
                b,
                w,
                &[
                    "that", "when", "and", "but", "after", "before", "as", "while",
                ],
            ) {
                break;
            }
            i = w.1;
        }
        false
    }

    fn rel_day(
        &mut self,
        s: usize,
        e: usize,
        off: i8,
        tonight: bool,
        clock_ok: bool,
    ) -> Option<Found> {
        let date = self.published.and_then(|p| add_days(p, i64::from(off)));
        let mut f = Found::new(
            s,
            e,
            date,
            if tonight {
                Precision::TimeOfDay
            } else {
                Precision::Day
            },
        );
        let j = skip_space(self.b, e);
        if !tonight
            && j > e
            && let Some(pe) = self.part_at(j)
        {
            f.end = pe;
            f.precision = Precision::TimeOfDay;
        }
        Some(if clock_ok { self.with_clock(f) } else { f })
    }

    /// "this morning", "last night" (a weekday or yesterday before it was taken with it).
    fn part(&mut self, s: usize, e: usize) -> Option<Found> {
        let b = self.b;
        let w = prev_word(b, s, self.floor)?;
        let off = if eq(b, w, "this") {
            0
        } else if eq(b, w, "last") && is_one_of(b, (s, e), &["night", "evening"]) {
            -1
        } else {
            return None;
        };
        let date = self.published.and_then(|p| add_days(p, off));
        Some(Found::new(w.0, e, date, Precision::TimeOfDay))
    }

    /// A unit word: "last week", "earlier this month", "three-year", "two weeks ago".
    fn unit(&mut self, s: usize, e: usize, unit: Unit, plural: bool) -> Option<Found> {
        let b = self.b;
        let floor = self.floor;
        if s > 0 && b[s - 1] == b'-' {
            // "three-year", "twenty-five-year"
            let w = word_ending_at(b, s - 1, floor)?;
            let (start, n) = self.number_words_ending(w)?;
            return self.amount(start, e, unit, n);
        }
        let w = prev_word(b, s, floor)?;
        if !plural && matches!(unit, Unit::Week | Unit::Month | Unit::Year) {
            let k: i64 = if eq(b, w, "last") {
                -1
            } else if eq(b, w, "this") {
                0
            } else if eq(b, w, "next") {
                1
            } else {
                2
            };
            if k != 2 {
                let before = prev_word(b, w.0, floor);
                if before.is_some_and(|w0| is_one_of(b, w0, &["the", "past", "a", "every"])) {
                    return None;
                }
                let start = before
                    .filter(|w0| is_one_of(b, *w0, &["earlier", "later", "early", "late"]))
                    .map_or(w.0, |w0| w0.0);
                let p = self.published;
                let (date, precision) = match unit {
                    Unit::Week => (
                        p.and_then(|p| add_days(p, 7 * k)).and_then(monday_of),
                        Precision::Week,
                    ),
                    Unit::Month => (
                        p.and_then(|p| add_months(p.first_of_month(), k)),
                        Precision::Month,
                    ),
                    _ => (
                        p.and_then(|p| {
                            Date::new(i16::try_from(i64::from(p.year()) + k).ok()?, 1, 1).ok()
                        }),
                        Precision::Year,
                    ),
                };
                return Some(Found::new(start, e, date, precision));
            }
        }
        if is_one_of(b, w, &["a", "an"]) {
            // "a week ago", "an hour ago" (but not "a week" alone).
            let j = skip_space(b, e);
            word_is(b, j, "ago").filter(|_| j > e)?;
            return self.amount(w.0, e, unit, 1);
        }
        let (start, n) = self.number_words_ending(w)?;
        self.amount(start, e, unit, n)
    }

    /// A number in words ending with the word `w` ("three", "twenty-five", "twenty five"):
    /// its start and value.
    fn number_words_ending(&self, w: (usize, usize)) -> Option<(usize, u64)> {
        let b = self.b;
        let v = word_value(std::str::from_utf8(&b[w.0..w.1]).ok()?)?;
        if (1..10).contains(&v) {
            // "twenty-five", "twenty five"
            let tens = if w.0 > 0 && b[w.0 - 1] == b'-' {
                word_ending_at(b, w.0 - 1, self.floor)
            } else {
                prev_word(b, w.0, self.floor)
            };
            if let Some(t) = tens
                && let Some(tv) = word_value(std::str::from_utf8(&b[t.0..t.1]).ok()?)
                && tv >= 20
                && tv % 10 == 0
            {
                return Some((t.0, tv + v));
            }
        }
        Some((w.0, v))
    }

    // ---- resolution ------------------------------------------------------------------------

    /// A calendar day: with its year, or the occurrence nearest the dateline.
    fn calendar(&self, year: Option<i16>, month: i8, day: i8) -> Option<Date> {
        if let Some(y) = year {
            return Date::new(y, month, day).ok();
        }
        let p = self.published?;
        let mut best: Option<(i64, Date)> = None;
        for dy in [-1i16, 0, 1] {
            let Some(y) = p.year().checked_add(dy) else {
                continue;
            };
            let Ok(d) = Date::new(y, month, day) else {
                continue;
            };
            let Ok(diff) = d.since(p) else { continue };
            let dist = i64::from(diff.get_days()).abs();
            if best.is_none_or(|(bd, _)| dist < bd) {
                best = Some((dist, d));
            }
        }
        best.map(|(_, d)| d)
    }

    /// A two-digit year: within 50 years of the dateline (ties to the past); without one,
    /// 00-49 are 20xx and 50-99 are 19xx.
    fn two_digit_year(&self, yy: i16) -> i16 {
        match self.published {
            Some(p) => {
                let py = p.year();
                let base = py - py.rem_euclid(100) + yy;
                [base - 100, base, base + 100]
                    .into_iter()
                    .min_by_key(|c| ((c - py).abs(), *c > py))
                    .unwrap_or(base)
            }
            None if yy < 50 => 2000 + yy,
            None => 1900 + yy,
        }
    }
}

/// "a.m.", "am", "P.M.", "pm" at `j`: its end.
fn am_pm(b: &[u8], j: usize) -> Option<usize> {
    let c = b.get(j)?.to_ascii_lowercase();
    if c != b'a' && c != b'p' {
        return None;
    }
    let mut i = j + 1;
    let dotted = b.get(i) == Some(&b'.');
    if dotted {
        i += 1;
    }
    if !b.get(i).is_some_and(|c| c.eq_ignore_ascii_case(&b'm')) {
        return None;
    }
    i += 1;
    if dotted && b.get(i) == Some(&b'.') {
        i += 1;
    }
    (!b.get(i).is_some_and(|c| c.is_ascii_alphanumeric())).then_some(i)
}

fn num(digits: &[u8]) -> Option<u64> {
    lex::digits_value(digits)
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

fn monday_of(d: Date) -> Option<Date> {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Precision::{Day, Duration as Dur, Month, TimeOfDay as Tod, Week, Year};

    /// Naive sentences for the tests: split after . ! ? followed by space, and at newlines.
    fn sentences(text: &str) -> Vec<Span> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        for i in 0..b.len() {
            let end_here = b[i] == b'\n'
                || (matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1).is_none_or(|c| *c == b' '));
            if end_here {
                if i + 1 > start {
                    out.push(Span::new(start, i + 1));
                }
                start = i + 1;
            }
        }
        if start < b.len() {
            out.push(Span::new(start, b.len()));
        }
        out
    }

    type Want = (&'static str, Option<&'static str>, Precision, Option<u32>);

    /// (text, dateline, expected expressions as (span text, date, precision, duration days)).
    const CASES: &[(&str, Option<&str>, &[Want])] = &[
        // Explicit dates.
        (
            "on Mar 23 talks",
            Some("2025-03-23"),
            &[("Mar 23", Some("2025-03-23"), Day, None)],
        ),
        (
            "on Mar. 23 talks",
            Some("2025-03-20"),
            &[("Mar. 23", Some("2025-03-23"), Day, None)],
        ),
        (
            "March 23 talks",
            Some("2025-03-23"),
            &[("March 23", Some("2025-03-23"), Day, None)],
        ),
        (
            "on 23 March talks",
            Some("2025-03-23"),
            &[("23 March", Some("2025-03-23"), Day, None)],
        ),
        (
            "on 23 March 2025.",
            None,
            &[("23 March 2025", Some("2025-03-23"), Day, None)],
        ),
        (
            "on March 23, 2025, talks",
            None,
            &[("March 23, 2025", Some("2025-03-23"), Day, None)],
        ),
        (
            "on 2025-03-23 talks",
            None,
            &[("2025-03-23", Some("2025-03-23"), Day, None)],
        ),
        (
            "the 23rd of March",
            Some("2025-04-01"),
            &[("23rd of March", Some("2025-03-23"), Day, None)],
        ),
        (
            "March 23rd",
            Some("2025-04-01"),
            &[("March 23rd", Some("2025-03-23"), Day, None)],
        ),
        (
            "SAN SALVADOR, 3 JAN 90 (RADIO)",
            None,
            &[("3 JAN 90", Some("1990-01-03"), Day, None)],
        ),
        (
            "ON 30 DECEMBER, REBELS",
            Some("1990-01-03"),
            &[("30 DECEMBER", Some("1989-12-30"), Day, None)],
        ),
        (
            "3 JAN 24 --",
            Some("2025-03-23"),
            &[("3 JAN 24", Some("2024-01-03"), Day, None)],
        ),
        (
            "3 jan 24 -- no dateline",
            None,
            &[("3 jan 24", Some("2024-01-03"), Day, None)],
        ),
        (
            "on Dec 30 it",
            Some("2025-01-05"),
            &[("Dec 30", Some("2024-12-30"), Day, None)],
        ),
        (
            "on Jan 2 it",
            Some("2024-12-28"),
            &[("Jan 2", Some("2025-01-02"), Day, None)],
        ),
        ("on March 23 talks", None, &[("March 23", None, Day, None)]),
        (
            "in March 2025 talks",
            None,
            &[("March 2025", Some("2025-03-01"), Month, None)],
        ),
        (
            "in March talks",
            Some("2025-01-10"),
            &[("March", Some("2025-03-01"), Month, None)],
        ),
        (
            "last March talks",
            Some("2025-01-10"),
            &[("last March", Some("2024-03-01"), Month, None)],
        ),
        (
            "in 2014 Russia",
            None,
            &[("2014", Some("2014-01-01"), Year, None)],
        ),
        (
            "since 1991 and by late 2030",
            None,
            &[
                ("1991", Some("1991-01-01"), Year, None),
                ("late 2030", Some("2030-01-01"), Year, None),
            ],
        ),
        (
            "in mid-2014 and the summer of 2015",
            None,
            &[
                ("mid-2014", Some("2014-01-01"), Year, None),
                ("2015", Some("2015-01-01"), Year, None),
            ],
        ),
        ("2000 people and a total of 2014 and the 1990s", None, &[]),
        ("Feb 30 and 2025-02-30", Some("2025-03-23"), &[]),
        // Ambiguous month words.
        ("you may go and march on", Some("2025-03-23"), &[]),
        ("March on Washington. May God help", Some("2025-03-23"), &[]),
        ("THE TROOPS MAY MARCH IN MAY", Some("2025-03-23"), &[]),
        (
            "THE TALKS ON MAY 5 AND 5 MAY",
            Some("2025-03-23"),
            &[
                ("MAY 5", Some("2025-05-05"), Day, None),
                ("5 MAY", Some("2025-05-05"), Day, None),
            ],
        ),
        (
            "we march 23 miles in may",
            Some("2025-03-23"),
            &[("march 23", Some("2025-03-23"), Day, None)],
        ),
        (
            "Theresa May said in May",
            Some("2025-03-23"),
            &[("May", Some("2025-05-01"), Month, None)],
        ),
        ("the Mar and Jan said", Some("2025-03-23"), &[]),
        // Weekdays with a parenthetical or comma date.
        (
            "talks on Sunday (Mar 23) began",
            Some("2025-03-23"),
            &[("Sunday (Mar 23)", Some("2025-03-23"), Day, None)],
        ),
        (
            "talks on Sunday (Mar 22) began",
            Some("2025-03-23"),
            &[("Sunday (Mar 22)", Some("2025-03-22"), Day, None)],
        ),
        (
            "talks on Sunday ( Mar 23 ) .",
            None,
            &[("Sunday ( Mar 23 )", None, Day, None)],
        ),
        (
            "talks on Sunday, March 23, 2025, began",
            None,
            &[("Sunday, March 23, 2025", Some("2025-03-23"), Day, None)],
        ),
        // Relative days and parts of the day.
        (
            "yesterday, today, tonight and tomorrow",
            Some("2025-03-23"),
            &[
                ("yesterday", Some("2025-03-22"), Day, None),
                ("today", Some("2025-03-23"), Day, None),
                ("tonight", Some("2025-03-23"), Tod, None),
                ("tomorrow", Some("2025-03-24"), Day, None),
            ],
        ),
        (
            "YESTERDAY and Tomorrow",
            None,
            &[
                ("YESTERDAY", None, Day, None),
                ("Tomorrow", None, Day, None),
            ],
        ),
        (
            "this morning and last night and yesterday evening",
            Some("2025-03-23"),
            &[
                ("this morning", Some("2025-03-23"), Tod, None),
                ("last night", Some("2025-03-22"), Tod, None),
                ("yesterday evening", Some("2025-03-22"), Tod, None),
            ],
        ),
        (
            "met on Monday night",
            Some("2025-03-23"),
            &[("Monday night", Some("2025-03-17"), Tod, None)],
        ),
        (
            "last week, this week and next week",
            Some("2025-03-23"),
            &[
                ("last week", Some("2025-03-10"), Week, None),
                ("this week", Some("2025-03-17"), Week, None),
                ("next week", Some("2025-03-24"), Week, None),
            ],
        ),
        (
            "last month, earlier this month, next month",
            Some("2025-03-23"),
            &[
                ("last month", Some("2025-02-01"), Month, None),
                ("earlier this month", Some("2025-03-01"), Month, None),
                ("next month", Some("2025-04-01"), Month, None),
            ],
        ),
        (
            "last year and this year",
            Some("2025-03-23"),
            &[
                ("last year", Some("2024-01-01"), Year, None),
                ("this year", Some("2025-01-01"), Year, None),
            ],
        ),
        (
            "over the last year and the past week",
            Some("2025-03-23"),
            &[],
        ),
        ("last week", None, &[("last week", None, Week, None)]),
        (
            "3 days ago, two weeks ago, a year ago",
            Some("2025-03-23"),
            &[
                ("3 days ago", Some("2025-03-20"), Day, None),
                ("two weeks ago", Some("2025-03-03"), Week, None),
                ("a year ago", Some("2024-01-01"), Year, None),
            ],
        ),
        // Clock times.
        (
            "at 10 a.m. and at 10:30 GMT and 5pm",
            Some("2025-03-23"),
            &[
                ("10 a.m.", None, Tod, None),
                ("10:30 GMT", None, Tod, None),
                ("5pm", None, Tod, None),
            ],
        ),
        (
            "AT 10 A.M. ON SUNDAY",
            Some("2025-03-23"),
            &[("10 A.M. ON SUNDAY", Some("2025-03-23"), Tod, None)],
        ),
        (
            "talks on Sunday at 10 a.m. ended",
            Some("2025-03-23"),
            &[("Sunday at 10 a.m.", Some("2025-03-23"), Tod, None)],
        ),
        (
            "at 10:30 on March 23, 2025",
            None,
            &[("10:30 on March 23, 2025", Some("2025-03-23"), Tod, None)],
        ),
        ("a 1:1 draw and 25:61 and 10 amid", None, &[]),
        // Durations.
        ("a 30-day pause", None, &[("30-day", None, Dur, Some(30))]),
        ("for 30 days", None, &[("30 days", None, Dur, Some(30))]),
        (
            "the three-year war",
            None,
            &[("three-year", None, Dur, Some(1095))],
        ),
        (
            "for three years",
            None,
            &[("three years", None, Dur, Some(1095))],
        ),
        ("a 72-hour truce", None, &[("72-hour", None, Dur, Some(3))]),
        (
            "two weeks of talks",
            None,
            &[("two weeks", None, Dur, Some(14))],
        ),
        (
            "twenty-five years and six months",
            None,
            &[
                ("twenty-five years", None, Dur, Some(9125)),
                ("six months", None, Dur, Some(180)),
            ],
        ),
        (
            "A 30-DAY CEASEFIRE",
            None,
            &[("30-DAY", None, Dur, Some(30))],
        ),
        ("a week, a zero-day and 0 days", None, &[]),
        // Not times.
        (
            "Sundays and Mondayx and holiday and todays",
            Some("2025-03-23"),
            &[],
        ),
    ];

    #[test]
    fn table() {
        for (text, published, want) in CASES {
            let published = published.map(|d| d.parse::<Date>().unwrap());
            let got: Vec<(String, Option<String>, Precision, Option<u32>)> =
                find_times(text, &sentences(text), published)
                    .iter()
                    .map(|t| {
                        (
                            t.span.slice(text).to_string(),
                            t.date.map(|d| d.to_string()),
                            t.precision,
                            t.duration_days,
                        )
                    })
                    .collect();
            let want: Vec<(String, Option<String>, Precision, Option<u32>)> = want
                .iter()
                .map(|(s, d, p, n)| (s.to_string(), d.map(str::to_string), *p, *n))
                .collect();
            assert_eq!(got, want, "in {text:?}");
        }
    }

    /// (text, dateline, weekday span, expected date): past, future, dateline weekday, none.
    const WEEKDAYS: &[(&str, Option<&str>, &str, Option<&str>)] = &[
        // Dateline Wednesday 2025-03-19.
        (
            "Talks began on Monday.",
            Some("2025-03-19"),
            "Monday",
            Some("2025-03-17"),
        ),
        (
            "Talks will begin on Monday.",
            Some("2025-03-19"),
            "Monday",
            Some("2025-03-24"),
        ),
        (
            "Officials said talks are to resume on Friday.",
            Some("2025-03-19"),
            "Friday",
            Some("2025-03-21"),
        ),
        (
            "Talks on Friday will focus on ships.",
            Some("2025-03-19"),
            "Friday",
            Some("2025-03-21"),
        ),
        (
            "Talks that started on Monday will continue.",
            Some("2025-03-19"),
            "Monday",
            Some("2025-03-17"),
        ),
        (
            "He will go. Talks began on Monday.",
            Some("2025-03-19"),
            "Monday",
            Some("2025-03-17"),
        ),
        (
            "It is scheduled for Monday.",
            Some("2025-03-19"),
            "Monday",
            Some("2025-03-24"),
        ),
        (
            "You'll see on Monday.",
            Some("2025-03-19"),
            "Monday",
            Some("2025-03-24"),
        ),
        (
            "THE TALKS WILL RESUME ON MONDAY",
            Some("2025-03-19"),
            "MONDAY",
            Some("2025-03-24"),
        ),
        // The dateline's own weekday is that day, past or future.
        (
            "Talks began on Wednesday.",
            Some("2025-03-19"),
            "Wednesday",
            Some("2025-03-19"),
        ),
        (
            "Talks will begin on Wednesday.",
            Some("2025-03-19"),
            "Wednesday",
            Some("2025-03-19"),
        ),
        // Modifiers override the tense.
        (
            "They will meet last Friday.",
            Some("2025-03-19"),
            "last Friday",
            Some("2025-03-14"),
        ),
        (
            "They met next Tuesday.",
            Some("2025-03-19"),
            "next Tuesday",
            Some("2025-03-25"),
        ),
        (
            "They met next Wednesday.",
            Some("2025-03-19"),
            "next Wednesday",
            Some("2025-03-26"),
        ),
        (
            "They met last Wednesday.",
            Some("2025-03-19"),
            "last Wednesday",
            Some("2025-03-12"),
        ),
        (
            "They will meet this Friday.",
            Some("2025-03-19"),
            "this Friday",
            Some("2025-03-21"),
        ),
        (
            "They met this past Monday.",
            Some("2025-03-19"),
            "this past Monday",
            Some("2025-03-17"),
        ),
        // No dateline: the span stays, the date is unknown.
        ("Talks will begin on Monday.", None, "Monday", None),
        (
            "Talks began on Monday evening.",
            None,
            "Monday evening",
            None,
        ),
    ];

    #[test]
    fn weekdays_by_tense() {
        for (text, published, span, want) in WEEKDAYS {
            let published = published.map(|d| d.parse::<Date>().unwrap());
            let got = find_times(text, &sentences(text), published);
            assert_eq!(got.len(), 1, "in {text:?}: {got:?}");
            assert_eq!(got[0].span.slice(text), *span, "in {text:?}");
            assert_eq!(
                got[0].date.map(|d| d.to_string()).as_deref(),
                *want,
                "in {text:?}"
            );
        }
    }

    #[test]
    fn reference_article() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/fixtures/ukraine-talks-2025-03-23.txt"
        );
        let text = &std::fs::read_to_string(path).expect("the reference article");
        let published = Some(Date::new(2025, 3, 23).unwrap());
        let got: Vec<(&str, Option<String>, Precision, Option<u32>)> =
            find_times(text, &sentences(text), published)
                .iter()
                .map(|t| {
                    (
                        t.span.slice(text),
                        t.date.map(|d| d.to_string()),
                        t.precision,
                        t.duration_days,
                    )
                })
                .collect();
        let s = |d: &str| Some(d.to_string());
        assert_eq!(
            got,
            [
                ("2025-03-23", s("2025-03-23"), Day, None),
                ("Sunday (Mar 23)", s("2025-03-23"), Day, None),
                ("Monday (Mar 24)", s("2025-03-24"), Day, None),
                ("three-year", None, Dur, Some(1095)),
                ("Sunday evening", s("2025-03-23"), Tod, None),
                ("Sunday (Mar 23)", s("2025-03-23"), Day, None),
                ("Monday", s("2025-03-24"), Day, None),
                ("30-day", None, Dur, Some(30)),
            ]
        );
    }

    #[test]
    fn linear_on_long_unpunctuated_input() {
        // Many weekdays in one 1 MB sentence: each byte is scanned for cues at most once.
        let text = "on Sunday they will meet again ".repeat(1 << 15);
        let got = find_times(
            &text,
            &[Span::new(0, text.len())],
            Some(Date::new(2025, 3, 19).unwrap()),
        );
        assert_eq!(got.len(), 1 << 15);
        assert!(
            got.iter()
                .all(|t| t.date == Some(Date::new(2025, 3, 23).unwrap()))
        );
    }
}
