//! `sitrep analyze FILE`: the engine's language layer, for a person or as JSON.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use sitrep::engine::analysis::{Analysis, Entity};
use sitrep::engine::{self, Span};

use sitrep::convert;

use crate::{BoxError, load_engine};

/// Analyzes one article file (`-` is stdin) and prints the result.
pub fn run(file: &Path, json: bool, lexicons: Option<&Path>) -> Result<ExitCode, BoxError> {
    let raw = if file == Path::new("-") {
        std::io::read_to_string(std::io::stdin())?
    } else {
        std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?
    };
    let (date, text) = convert::split_date_header(&raw);
    let published = date.map(engine::parse_date).transpose()?;
    let engine = load_engine(lexicons)?;
    let analysis = engine.analyze(text, published);
    if json {
        println!("{}", serde_json::to_string_pretty(&analysis)?);
    } else {
        print!("{}", describe(text, published, &analysis));
    }
    Ok(ExitCode::SUCCESS)
}

/// The analysis sentence by sentence: each with the entities, numbers and times inside it.
fn describe(text: &str, published: Option<jiff::civil::Date>, a: &Analysis) -> String {
    let mut out = String::new();
    let published = published.map_or_else(|| "none".to_string(), |d| d.to_string());
    let _ = writeln!(
        out,
        "published {published}; {} sentences, {} tokens, {} entities, {} numbers, {} times{}",
        a.sentences.len(),
        a.tokens.len(),
        a.entities.len(),
        a.numbers.len(),
        a.times.len(),
        if a.all_caps { "; all capitals" } else { "" },
    );
    let inside = |outer: Span, inner: Span| outer.contains(inner);
    for (i, sentence) in a.sentences.iter().enumerate() {
        let s = sentence.span;
        let _ = writeln!(
            out,
            "\n[{}] {}..{}  {}",
            i + 1,
            s.start,
            s.end,
            one_line(s.slice(text))
        );
        for entity in a.entities.iter().filter(|e| inside(s, e.span)) {
            let _ = writeln!(
                out,
                "    entity  {:<28} {}",
                quoted(entity.span.slice(text)),
                entity_info(text, a, entity)
            );
        }
        for number in a.numbers.iter().filter(|n| inside(s, n.span)) {
            let approx = if number.approximate {
                " (approximate)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "    number  {:<28} {}{approx}",
                quoted(number.span.slice(text)),
                number.value
            );
        }
        for time in a.times.iter().filter(|t| inside(s, t.span)) {
            let date = time
                .date
                .map_or_else(|| "unresolved".to_string(), |d| d.to_string());
            let days = time
                .duration_days
                .map(|d| format!(", {d} days"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    time    {:<28} {date} ({}{days})",
                quoted(time.span.slice(text)),
                time.precision.name()
            );
        }
    }
    out
}

fn entity_info(text: &str, a: &Analysis, e: &Entity) -> String {
    let mut info = format!("{:?} → {}", e.kind, e.canonical);
    for (label, value) in [
        ("country", &e.country),
        ("title", &e.title),
        ("role", &e.role),
    ] {
        if let Some(value) = value {
            let _ = write!(info, ", {label} {value}");
        }
    }
    if let Some(antecedent) = e.antecedent.and_then(|i| a.entities.get(i)) {
        let _ = write!(info, ", refers to {}", quoted(antecedent.span.slice(text)));
    }
    info
}

fn quoted(s: &str) -> String {
    format!("“{}”", one_line(s))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
