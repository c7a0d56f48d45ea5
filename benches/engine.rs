//! Engine throughput, per stage and per input size.
//!
//! ```sh
//! cargo bench --bench engine                      # everything, a few minutes on 2 cores
//! cargo bench --bench engine -- corpus/           # only the dev corpus
//! taskset -c 1 cargo bench --bench engine         # pinned to one core
//! ```
//!
//! Inputs come from the texts of `../shared/eval/dev/*.jsonl` (beside the repository); without
//! them the benchmarks say so and measure nothing. Every figure is a throughput in bytes of
//! article text per second, on one thread:
//!
//! - `corpus/{foundation,events,whole}`: every dev text once; `foundation` is
//!   [`Engine::analyze`], `events` the event rules over analyses made beforehand, `whole`
//!   [`Engine::extract`]. `corpus-by-set/whole/SET` is the whole engine per data set.
//! - `article/{stage}/{500B,5KB,100KB}`: one article of that size, cut from mixed-case dev
//!   texts (news prose) at a word boundary.
//! - `linear/{stage}/{nopunct-100KB,nopunct-1MB,prose-1MB}`: one sentence without any
//!   punctuation (dev prose with every non-alphanumeric character made a space), at 100 KB and
//!   at 1 MB, and 1 MB of prose. Cost linear in the input means the same MB/s for all three.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use sitrep::engine::{Analysis, Article, Engine, parse_date};

/// One dev text with its dateline.
struct Text {
    set: String,
    id: String,
    text: String,
    published: Option<jiff::civil::Date>,
}

fn dev_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev")
}

/// The texts of every `*.jsonl` file in the dev directory, in file-name then line order.
fn load_dev_texts(dir: &Path) -> Result<Vec<Text>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut texts = Vec::new();
    for file in &files {
        let set = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let content =
            std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        for (n, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", file.display(), n + 1))?;
            let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
                continue;
            };
            let field = |name: &str| value.get(name).and_then(|v| v.as_str()).unwrap_or("");
            texts.push(Text {
                set: set.clone(),
                id: field("id").to_string(),
                text: text.to_string(),
                published: parse_date(field("date")).ok(),
            });
        }
    }
    if texts.is_empty() {
        return Err(format!("no texts in {}/*.jsonl", dir.display()));
    }
    Ok(texts)
}

/// The longest prefix of `text` of at most `len` bytes that ends before a whitespace.
fn cut(text: &str, len: usize) -> &str {
    if text.len() <= len {
        return text;
    }
    let mut end = len;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(char::is_whitespace) {
        Some(space) if space > 0 => text[..space].trim_end(),
        _ => &text[..end],
    }
}

/// Mixed-case news prose: the dev texts that are not wire copy in capitals, one paragraph
/// after another, repeated until `len` bytes, then cut at a word boundary.
fn prose(texts: &[Text], len: usize) -> String {
    let news: Vec<&str> = texts
        .iter()
        .filter(|t| t.set != "muc4")
        .map(|t| t.text.trim())
        .collect();
    let mut out = String::with_capacity(len + 64 * 1024);
    'fill: loop {
        for text in &news {
            if out.len() >= len {
                break 'fill;
            }
            out.push_str(text);
            out.push_str("\n\n");
        }
    }
    cut(&out, len).to_string()
}

/// One sentence of `len` bytes: prose with every character that is not a letter or digit
/// replaced by a space, and runs of spaces squeezed.
fn no_punctuation(texts: &[Text], len: usize) -> String {
    let source = prose(texts, len * 2);
    let mut out = String::with_capacity(len + 16);
    let mut space = true;
    for c in source.chars() {
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
        if out.len() >= len {
            break;
        }
    }
    cut(&out, len).to_string()
}

fn extract_all(engine: &Engine, texts: &[Text]) -> usize {
    texts
        .iter()
        .map(|t| {
            let article = Article {
                id: &t.id,
                text: &t.text,
                published: t.published,
            };
            engine.extract(&article).events.len()
        })
        .sum()
}

fn bench_corpus(c: &mut Criterion, engine: &Engine, texts: &[Text]) {
    let bytes: usize = texts.iter().map(|t| t.text.len()).sum();
    let analyses: Vec<Analysis> = texts
        .iter()
        .map(|t| engine.analyze(&t.text, t.published))
        .collect();
    let events = extract_all(engine, texts);
    eprintln!(
        "dev corpus: {} texts, {:.2} MB, {events} events",
        texts.len(),
        bytes as f64 / 1e6
    );

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("foundation", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| engine.analyze(black_box(&t.text), t.published).tokens.len())
                .sum::<usize>()
        })
    });
    group.bench_function("events", |b| {
        b.iter(|| {
            texts
                .iter()
                .zip(&analyses)
                .map(|(t, a)| {
                    engine
                        .rules()
                        .extract(black_box(&t.text), a, &t.id, t.published)
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("whole", |b| {
        b.iter(|| extract_all(engine, black_box(texts)))
    });
    group.finish();

    let mut sets: Vec<&str> = texts.iter().map(|t| t.set.as_str()).collect();
    sets.dedup();
    let mut group = c.benchmark_group("corpus-by-set");
    for set in sets {
        let subset: Vec<&Text> = texts.iter().filter(|t| t.set == set).collect();
        let bytes: usize = subset.iter().map(|t| t.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("whole", set), &subset, |b, subset| {
            b.iter(|| {
                subset
                    .iter()
                    .map(|t| {
                        let article = Article {
                            id: &t.id,
                            text: black_box(&t.text),
                            published: t.published,
                        };
                        engine.extract(&article).events.len()
                    })
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

/// Foundation, events and whole over each `(label, text)` input, one group per stage.
fn bench_stages(c: &mut Criterion, engine: &Engine, name: &str, inputs: &[(&str, String)]) {
    let published = parse_date("2025-03-23").ok();
    let analyses: Vec<Analysis> = inputs
        .iter()
        .map(|(_, text)| engine.analyze(text, published))
        .collect();

    let mut group = c.benchmark_group(format!("{name}/foundation"));
    for (label, text) in inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), text, |b, text| {
            b.iter(|| engine.analyze(black_box(text), published).tokens.len())
        });
    }
    group.finish();

    let mut group = c.benchmark_group(format!("{name}/events"));
    for ((label, text), analysis) in inputs.iter().zip(&analyses) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), text, |b, text| {
            b.iter(|| {
                engine
                    .rules()
                    .extract(black_box(text), analysis, "bench", published)
                    .len()
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group(format!("{name}/whole"));
    for (label, text) in inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), text, |b, text| {
            b.iter(|| {
                let article = Article {
                    id: "bench",
                    text: black_box(text),
                    published,
                };
                engine.extract(&article).events.len()
            })
        });
    }
    group.finish();
}

fn main() {
    let dir = dev_dir();
    let texts = match load_dev_texts(&dir) {
        Ok(texts) => texts,
        Err(reason) => {
            eprintln!(
                "benches/engine: skipped, the dev texts are not there ({reason}); \
                 put ../shared/eval/dev/*.jsonl beside the repository to run them"
            );
            return;
        }
    };
    let engine = Engine::embedded().expect("the embedded lexicons load");

    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();

    bench_corpus(&mut c, &engine, &texts);

    let sizes = [
        ("500B", prose(&texts, 500)),
        ("5KB", prose(&texts, 5_000)),
        ("100KB", prose(&texts, 100_000)),
    ];
    bench_stages(&mut c, &engine, "article", &sizes);

    let linear = [
        ("nopunct-100KB", no_punctuation(&texts, 100_000)),
        ("nopunct-1MB", no_punctuation(&texts, 1_000_000)),
        ("prose-1MB", prose(&texts, 1_000_000)),
    ];
    bench_stages(&mut c, &engine, "linear", &linear);

    c.final_summary();
}
