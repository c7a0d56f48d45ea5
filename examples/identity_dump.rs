//! Dumps everything the engine produces, to check that a change leaves its output identical.
//!
//! ```sh
//! cargo run --release --no-default-features --example identity_dump -- DIR
//! cmp REF/dev.txt DIR/dev.txt   # and variants.txt, long.txt, random.txt
//! cargo run --release --no-default-features --example identity_dump -- --time analyze 5
//! ```
//!
//! With a directory it writes four files, one item per line (the `Debug` of every sentence,
//! token, entity, number, time expression and quotation of [`Engine::analyze`], and of every
//! event of [`Engine::extract`]):
//!
//! - `dev.txt`: every text of `../shared/eval/dev/*.jsonl` with its dateline;
//! - `variants.txt`: every 24th of them upper-cased, lower-cased and "mangled" (no-break and
//!   thin spaces, curly quotes, accented and Cyrillic letters, combining marks, soft hyphens,
//!   non-ASCII hyphens);
//! - `long.txt`: about 300 KB of dev prose, and the same with every character that is not a
//!   letter or digit made a space;
//! - `random.txt`: texts built from words, names, numbers, dates, quotes and Unicode oddities
//!   (a fixed seed: the same texts every run).
//!
//! With `--time analyze|extract PASSES` it runs that stage over every dev text PASSES times
//! and prints the throughput (a steadier figure than one benchmark sample).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sitrep::engine::{Article, Engine, parse_date};

/// A dev text: a name ("set:line"), the text, its dateline and its data set.
struct DevText {
    name: String,
    text: String,
    date: Option<jiff::civil::Date>,
    set: String,
}

fn dev_texts() -> Vec<DevText> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut texts = Vec::new();
    for file in &files {
        let set = file.file_stem().expect("a file name").to_string_lossy();
        let content = std::fs::read_to_string(file).expect("a readable dev file");
        for (n, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
                continue;
            };
            let date = value.get("date").and_then(|d| d.as_str());
            texts.push(DevText {
                name: format!("{set}:{n}"),
                text: text.to_string(),
                date: date.and_then(|d| parse_date(d).ok()),
                set: set.to_string(),
            });
        }
    }
    texts
}

/// Appends the analysis and the events of one text to `out`.
fn dump(
    out: &mut String,
    engine: &Engine,
    name: &str,
    text: &str,
    date: Option<jiff::civil::Date>,
) {
    let a = engine.analyze(text, date);
    writeln!(out, "## {name} len={} all_caps={}", text.len(), a.all_caps).unwrap();
    for s in &a.sentences {
        writeln!(out, "S {s:?}").unwrap();
    }
    for t in &a.tokens {
        writeln!(out, "T {t:?}").unwrap();
    }
    for e in &a.entities {
        writeln!(out, "E {e:?}").unwrap();
    }
    for n in &a.numbers {
        writeln!(out, "N {n:?}").unwrap();
    }
    for t in &a.times {
        writeln!(out, "D {t:?}").unwrap();
    }
    for q in &a.quotes {
        writeln!(out, "Q {q:?}").unwrap();
    }
    let article = Article {
        id: name,
        text,
        published: date,
    };
    let x = engine.extract(&article);
    writeln!(
        out,
        "X sentences={} chars={}",
        x.sentence_count, x.char_count
    )
    .unwrap();
    for event in &x.events {
        writeln!(out, "V {event:?}").unwrap();
    }
}

/// A small deterministic generator (a 64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.next() as usize % xs.len()]
    }
}

/// `text` with some characters replaced by Unicode look-alikes, spaces, marks and hyphens.
fn mangle(text: &str, seed: u64) -> String {
    let mut r = Lcg(seed);
    let mut out = String::new();
    let mut double_open = false;
    for c in text.chars() {
        let roll = r.next() % 100;
        match c {
            ' ' if roll < 8 => out.push('\u{a0}'),
            ' ' if roll < 10 => out.push('\u{2009}'),
            '\'' if roll < 60 => out.push('’'),
            '"' => {
                out.push(if double_open { '”' } else { '“' });
                double_open = !double_open;
            }
            'e' if roll < 5 => out.push('é'),
            'o' if roll < 3 => out.push_str("o\u{308}"),
            'a' if roll < 2 => out.push('а'), // Cyrillic
            '-' if roll < 30 => out.push('\u{2011}'),
            _ if c.is_alphabetic() && roll < 1 => {
                out.push(c);
                out.push('\u{ad}');
            }
            _ => out.push(c),
        }
    }
    out
}

/// What random texts are made of.
const PIECES: &[&str] = &[
    "a",
    "B",
    "z",
    "Q",
    "7",
    "0",
    "42",
    "2,000",
    "3.5",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    ".",
    ",",
    "'",
    "\"",
    "’",
    "‘",
    "“",
    "”",
    "-",
    "\u{2010}",
    "\u{a0}",
    "\u{200b}",
    "\u{ad}",
    "\u{301}",
    "é",
    "Ж",
    "Київ",
    "🕊",
    "\u{fe0f}",
    "…",
    "!",
    "?",
    "(",
    ")",
    ":",
    "/",
    "U.S.",
    "Mar.",
    "Kyiv",
    "Putin",
    "President",
    "said",
    "he",
    "she",
    "three",
    "hundred",
    "2025",
    "Sunday",
    "last week",
    "30-day",
    "at least",
    "Washington",
    "the",
    "The",
    "THE",
    "US",
    "us",
    "Russian",
    "Defence Minister",
    "Vladimir Putin",
    "Peskov",
    "Dmitry",
    "officials",
    "UN",
    "NATO",
    "talks",
    "killed",
    "dozens",
    "10:30",
    "a.m.",
    "Gen.",
    "No.",
    "o'clock",
    "'s",
    "n't",
    "St.",
    "March 23",
    "23 March",
    "1990s",
    "AK-47",
    "Al",
    "bin",
    "de",
    "Saudi Arabia",
    "Fox News",
    "state TV",
    "capital",
    "Ukrainian",
    "Mr",
    "Dr.",
    "I",
    "’m",
    "x",
    "ß",
    "İ",
    "ǅ",
    // Numbers and times in more shapes.
    "twenty-five",
    "Thousands",
    "hundreds",
    "million",
    "1.5 million",
    "more than",
    "nearly",
    "about",
    "a dozen",
    "half",
    "Jan.",
    "January",
    "DECEMBER",
    "2024-03-01",
    "3/23",
    "Monday",
    "yesterday",
    "tomorrow",
    "last month",
    "next year",
    "two weeks",
    "five-year",
    "mid-March",
    "1st",
    "5th",
    "noon",
    "p.m.",
    "%",
    "$",
    "12,000,000",
    "one",
    "Two",
    "seven",
    "eleven",
    "fifty",
    "ago",
    "earlier",
    "this week",
    "on Friday",
    "in 2019",
    "since",
    "until",
    "1,000s",
    "1980",
    "tonight",
    "overnight",
    "weekend",
    "hours",
    "days",
    "months",
    "years",
];

fn random_text(r: &mut Lcg) -> String {
    let n = r.next() % 60;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(r.pick(PIECES));
        if !r.next().is_multiple_of(3) {
            s.push(' ');
        }
    }
    s
}

fn write_dumps(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let engine = Engine::embedded().expect("the embedded lexicons");
    let texts = dev_texts();
    let save = |name: &str, out: &mut String| {
        std::fs::write(dir.join(name), &*out).expect("a writable output directory");
        out.clear();
    };
    let mut out = String::new();
    for t in &texts {
        dump(&mut out, &engine, &t.name, &t.text, t.date);
    }
    save("dev.txt", &mut out);
    for (k, t) in texts.iter().enumerate().filter(|(k, _)| k % 24 == 0) {
        let (name, date) = (&t.name, t.date);
        dump(
            &mut out,
            &engine,
            &format!("{name}:upper"),
            &t.text.to_uppercase(),
            date,
        );
        dump(
            &mut out,
            &engine,
            &format!("{name}:lower"),
            &t.text.to_lowercase(),
            date,
        );
        let mangled = mangle(&t.text, k as u64);
        dump(
            &mut out,
            &engine,
            &format!("{name}:mangled"),
            &mangled,
            date,
        );
    }
    save("variants.txt", &mut out);
    let mut prose = String::new();
    for t in texts.iter().filter(|t| t.set != "muc4") {
        if prose.len() > 300_000 {
            break;
        }
        prose.push_str(t.text.trim());
        prose.push_str("\n\n");
    }
    let no_punctuation: String = prose
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let date = parse_date("2025-03-23").ok();
    dump(&mut out, &engine, "prose", &prose, date);
    dump(&mut out, &engine, "nopunct", &no_punctuation, date);
    save("long.txt", &mut out);
    let mut r = Lcg(7);
    for k in 0..5000 {
        dump(
            &mut out,
            &engine,
            &format!("random:{k}"),
            &random_text(&mut r),
            date,
        );
    }
    save("random.txt", &mut out);
}

fn time(stage: &str, passes: usize) {
    let engine = Engine::embedded().expect("the embedded lexicons");
    let texts = dev_texts();
    let bytes: usize = texts.iter().map(|t| t.text.len()).sum();
    let start = std::time::Instant::now();
    let mut items = 0;
    for _ in 0..passes {
        for t in &texts {
            items += match stage {
                "analyze" => engine.analyze(&t.text, t.date).tokens.len(),
                _ => {
                    let article = Article {
                        id: &t.name,
                        text: &t.text,
                        published: t.date,
                    };
                    engine.extract(&article).events.len()
                }
            };
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let rate = (bytes * passes) as f64 / secs / 1e6;
    println!("{stage}: {items} items, {rate:.1} MB/s");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, stage, passes] if flag == "--time" && (stage == "analyze" || stage == "extract") => {
            time(stage, passes.parse().expect("a number of passes"))
        }
        [dir] if !dir.starts_with('-') => write_dumps(Path::new(dir)),
        _ => {
            eprintln!("usage: identity_dump DIR | identity_dump --time analyze|extract PASSES");
            std::process::exit(2);
        }
    }
}
