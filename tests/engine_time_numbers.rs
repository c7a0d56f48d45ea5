//! Properties of the time and number scanners on arbitrary input: nothing panics, every span
//! lies inside the text on char boundaries, output is sorted, non-overlapping and
//! deterministic.

use jiff::civil::Date;
use proptest::prelude::*;
use sitrep::engine::Span;
use sitrep::engine::numbers::find_numbers;
use sitrep::engine::time::find_times;

/// Words and marks the scanners care about, mixed with hostile characters.
const PIECES: &[&str] = &[
    "Sunday",
    "MONDAY",
    "tuesday",
    "(",
    ")",
    "Mar",
    "Mar.",
    "March",
    "MAY",
    "may",
    "23",
    "2025",
    "2025-03-23",
    "3",
    "2,000",
    "1.5",
    "million",
    "at least",
    "about",
    "three",
    "twenty-five",
    "-",
    "year",
    "years",
    "day",
    "days",
    "ago",
    "last",
    "next",
    "this",
    "week",
    "month",
    "will",
    "said",
    "'ll",
    "\u{2019}ll",
    "10",
    ":",
    "30",
    "a.m.",
    "GMT",
    "on",
    "at",
    "in",
    "of",
    "one",
    "dozens",
    "hundreds",
    "of thousands",
    "a",
    "hundred",
    "and",
    "evening",
    "night",
    "tonight",
    "yesterday",
    ",",
    ".",
    "\n",
    " ",
    "  ",
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    "\u{ad}",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "😀",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{301}",
    "ü",
    "Київ",
    "四",
    "M-16",
    "No.4",
    "1990s",
    "%",
    "mid-",
    "3 JAN 90",
    "30 DECEMBER",
    "72-hour",
    "30-day",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<String>(),
            1 => "[ -~]{0,12}",
        ],
        0..40,
    )
    .prop_map(|v| v.join(" "))
}

fn dates() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        1 => Just(None),
        1 => Just(Some(Date::MIN)),
        1 => Just(Some(Date::MAX)),
        6 => (-9999i16..=9999, 1i8..=12, 1i8..=28)
            .prop_map(|(y, m, d)| Some(Date::new(y, m, d).unwrap())),
    ]
}

/// Sentences as a tokenizer would give them: split after . ! ? and newlines.
fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n') {
            let end = i + c.len_utf8();
            out.push(Span::new(start, end));
            start = end;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

fn check_spans(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for s in spans {
        prop_assert!(s.start < s.end, "empty span {s:?}");
        prop_assert!(s.end <= text.len(), "span {s:?} past the end");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert!(s.start >= last_end, "unsorted or overlapping at {s:?}");
        last_end = s.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_sound_and_deterministic(text in pieces(), published in dates()) {
        let sents = sentences(&text);
        let times = find_times(&text, &sents, published);
        let spans: Vec<Span> = times.iter().map(|t| t.span).collect();
        check_spans(&text, &spans)?;
        prop_assert_eq!(&times, &find_times(&text, &sents, published));
        for t in &times {
            prop_assert_eq!(t.duration_days.is_some(), t.precision == sitrep::engine::Precision::Duration);
        }

        let numbers = find_numbers(&text, &times);
        let nspans: Vec<Span> = numbers.iter().map(|n| n.span).collect();
        check_spans(&text, &nspans)?;
        prop_assert_eq!(&numbers, &find_numbers(&text, &times));
        for n in &nspans {
            prop_assert!(!spans.iter().any(|t| t.overlaps(*n)), "number {n:?} inside a time");
        }
    }

    #[test]
    fn arbitrary_strings_do_not_panic(text in any::<String>(), published in dates()) {
        let times = find_times(&text, &sentences(&text), published);
        let spans: Vec<Span> = times.iter().map(|t| t.span).collect();
        check_spans(&text, &spans)?;
        let numbers = find_numbers(&text, &times);
        let nspans: Vec<Span> = numbers.iter().map(|n| n.span).collect();
        check_spans(&text, &nspans)?;
    }

    #[test]
    fn odd_sentence_spans_do_not_panic(
        text in pieces(),
        raw in prop::collection::vec((0usize..400, 0usize..400), 0..8),
        published in dates(),
    ) {
        // Sentences that are out of order, empty or past the end must not break the scan.
        let sents: Vec<Span> = raw.into_iter().map(|(a, b)| Span::new(a, b)).collect();
        let times = find_times(&text, &sents, published);
        let spans: Vec<Span> = times.iter().map(|t| t.span).collect();
        check_spans(&text, &spans)?;
    }
}
