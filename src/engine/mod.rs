//! The extraction engine: article text in, typed events out.
//!
//! Pure Rust, no transport: it knows nothing of gRPC, protobuf or async runtimes, and builds
//! and tests alone (`cargo test --no-default-features`). An [`Engine`] is built once from its
//! lexicons (the embedded defaults plus an optional user directory), is immutable, and is
//! shared by every request.
//!
//! The pipeline, per article:
//! 1. [`text`]: tokens and sentences, offsets into the original text;
//! 2. [`entities`], [`numbers`], [`time`]: actors, places, numbers and resolved dates;
//! 3. `events`: triggers, arguments, status, merging (see `events/`).

pub mod analysis;
pub mod entities;
pub mod events;
pub mod lexicon;
pub mod model;
pub mod numbers;
pub mod phrases;
pub mod text;
pub mod time;

use std::path::PathBuf;

pub use analysis::Analysis;
pub use lexicon::{LexiconError, Lexicons};
pub use model::*;

/// How far the evidence of an event (`Event::sentence`) reaches on each side of its trigger in
/// a sentence longer than twice this many bytes.
pub const EVIDENCE_WINDOW: usize = 1_000;

/// The engine's version, part of every event id and of the schema description.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One article to extract events from.
#[derive(Clone, Copy, Debug)]
pub struct Article<'a> {
    /// Caller's id; part of the event ids.
    pub id: &'a str,
    /// The text, UTF-8.
    pub text: &'a str,
    /// The dateline that relative dates ("on Sunday") resolve against.
    pub published: Option<jiff::civil::Date>,
}

/// The events of one article and what it took to find them.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// Events in order of first mention.
    pub events: Vec<Event>,
    /// Sentences in the article.
    pub sentence_count: usize,
    /// Characters (code points) processed.
    pub char_count: usize,
}

/// Parses a `published_date` (`YYYY-MM-DD`).
pub fn parse_date(value: &str) -> Result<jiff::civil::Date, DateError> {
    let bad = || DateError {
        value: value.to_string(),
    };
    let b = value.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(bad());
    }
    value.parse().map_err(|_| bad())
}

/// A `published_date` that is not a real `YYYY-MM-DD` calendar date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a calendar date in the form YYYY-MM-DD")]
pub struct DateError {
    /// The value as given.
    pub value: String,
}

/// Builds an [`Engine`]: embedded lexicons plus, optionally, a user directory.
#[derive(Debug, Default)]
pub struct EngineBuilder {
    user_lexicons: Option<PathBuf>,
}

impl EngineBuilder {
    /// Adds the lexicon files of `dir` (every `*.tsv` below it) to the embedded ones.
    pub fn user_lexicons(mut self, dir: impl Into<PathBuf>) -> Self {
        self.user_lexicons = Some(dir.into());
        self
    }

    /// Loads and validates the lexicons and compiles the matchers.
    pub fn build(self) -> Result<Engine, LexiconError> {
        let mut lexicons = Lexicons::embedded()?;
        if let Some(dir) = &self.user_lexicons {
            lexicons.load_dir(dir)?;
        }
        Engine::from_lexicons(lexicons)
    }
}

/// The extraction engine: immutable once built, `Send + Sync`, shared by every request.
#[derive(Debug)]
pub struct Engine {
    entities: entities::EntityMatcher,
    events: events::EventRules,
    lexicon_version: String,
}

impl Engine {
    /// A builder with no user lexicons yet.
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// The engine on its embedded lexicons alone.
    pub fn embedded() -> Result<Engine, LexiconError> {
        Engine::builder().build()
    }

    /// Compiles the matchers from loaded lexicons.
    pub fn from_lexicons(lexicons: Lexicons) -> Result<Engine, LexiconError> {
        Ok(Engine {
            entities: entities::EntityMatcher::new(&lexicons),
            events: events::EventRules::new(&lexicons)?,
            lexicon_version: lexicons.version().to_string(),
        })
    }

    /// The compiled event rules (trigger entries, CAMEO → PLOVER).
    pub fn rules(&self) -> &events::EventRules {
        &self.events
    }

    /// The version of the loaded lexicons (a digest of their contents).
    pub fn lexicon_version(&self) -> &str {
        &self.lexicon_version
    }

    /// The language layer alone: sentences, tokens, entities, numbers and times.
    pub fn analyze(&self, text: &str, published: Option<jiff::civil::Date>) -> Analysis {
        let (tokens, sentences) = text::tokenize(text);
        let all_caps = text::is_all_caps(text);
        let sentence_spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
        // One classification of the text's bytes for both scanners.
        let classes = numbers::lex::ByteClasses::new(text.as_bytes());
        let [time_words, number_words] = classes.anchors(
            text.as_bytes(),
            [time::time_words(), numbers::number_words()],
        );
        let times = time::find_times_in(text, &classes, &time_words, &sentence_spans, published);
        let numbers = numbers::find_numbers_in(text, &classes, &number_words, &times);
        let quotes = entities::quote_regions(text, &tokens);
        let entities = self
            .entities
            .find(text, &tokens, &sentences, &quotes, all_caps);
        Analysis {
            sentences,
            tokens,
            entities,
            numbers,
            times,
            quotes,
            all_caps,
        }
    }

    /// Finds the events of one article.
    pub fn extract(&self, article: &Article) -> Extraction {
        let analysis = self.analyze(article.text, article.published);
        Extraction {
            events: self
                .events
                .extract(article.text, &analysis, article.id, article.published),
            sentence_count: analysis.sentences.len(),
            char_count: article.text.chars().count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Engine>();
    }

    #[test]
    fn parse_date_accepts_calendar_dates_only() {
        assert_eq!(parse_date("2025-03-23").unwrap().to_string(), "2025-03-23");
        for bad in [
            "2025-02-30",
            "2025-3-23",
            "23/03/2025",
            "",
            "2025-03-23T00:00",
            "２０２５-03-23",
        ] {
            assert!(parse_date(bad).is_err(), "{bad:?} accepted");
        }
    }
}
