//! The language layer's output: sentences, tokens, entities, numbers and time expressions.
//!
//! An [`Analysis`] is plain data over one article's text, every offset a byte offset into that
//! text as given. The event rules consume it; `sitrep analyze FILE` prints it.

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use super::model::{Precision, Span};

/// Everything the language layer finds in one article.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Analysis {
    /// Sentences in text order; they do not overlap and cover every token.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Named and titled actors, places and groups, in text order, not overlapping.
    pub entities: Vec<Entity>,
    /// Cardinal numbers, in text order.
    pub numbers: Vec<NumberMention>,
    /// Dates, times of day and durations, in text order.
    pub times: Vec<TimeExpr>,
    /// Quotation regions, quote marks included, in text order.
    pub quotes: Vec<Span>,
    /// True when the article is wire copy in capitals (letters mostly upper case).
    pub all_caps: bool,
}

/// One sentence (or headline, or paragraph without final punctuation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Where it stands, from its first to one past its last token.
    pub span: Span,
    /// Its tokens: indices into [`Analysis::tokens`].
    pub tokens: Range<usize>,
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("don't", "U.S.").
    Word,
    /// Digits, possibly with inner separators ("2,000", "3.5", "2025-03-23").
    Number,
    /// An opening quote mark (“ ‘ or a straight quote that opens).
    OpenQuote,
    /// A closing quote mark (” ’ or a straight quote that closes).
    CloseQuote,
    /// Sentence-ending punctuation: . ! ? …
    Terminal,
    /// Any other punctuation or symbol (, ; : ( ) - — emoji).
    Punct,
}

/// The letter case of a word token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Case {
    /// all lower case ("talks").
    Lower,
    /// First letter upper, some lower ("Sunday", "McDonald").
    Title,
    /// Every letter upper ("NATO", "US").
    Upper,
    /// No cased letters, or anything else.
    Other,
}

/// One token: a word, number, quote mark or punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Where it stands.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Its letter case.
    pub case: Case,
}

/// What kind of thing an [`Entity`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum EntityKind {
    /// A country named as such ("Ukraine", "the US").
    Country,
    /// A nationality adjective or demonym ("Ukrainian", "Russian", "American").
    Nationality,
    /// A city or town, with its country.
    City,
    /// A region, province or other area.
    Region,
    /// An organization or institution ("NATO", "the UN").
    Organization,
    /// A seat of government standing for its government ("the Kremlin", "Washington").
    Government,
    /// A non-state armed group.
    ArmedGroup,
    /// A news outlet or channel.
    Media,
    /// A person, named or titled.
    Person,
    /// An unnamed group of people ("officials", "civilians", "troops").
    Group,
    /// A personal pronoun standing for a person ("he", "she").
    Pronoun,
}

/// A named or titled actor, place or group found in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// The whole mention ("Ukrainian Defence Minister Rustem Umerov").
    pub span: Span,
    /// The name itself within it ("Rustem Umerov"); equal to `span` when there is no title.
    pub head: Span,
    /// What it is.
    pub kind: EntityKind,
    /// Dictionary name ("Rustem Umerov", "Ukraine", "Kyiv").
    pub canonical: Arc<str>,
    /// ISO 3166-1 alpha-3 code of its country, when known.
    pub country: Option<Arc<str>>,
    /// Title for a person ("Defence Minister"), when known.
    pub title: Option<Arc<str>>,
    /// Role code (PETRARCH agent style: GOV, MIL, REB, CVL, MED, ...), when known.
    pub role: Option<Arc<str>>,
    /// For a later mention ("Peskov", "he"): index in [`Analysis::entities`] of the full
    /// mention it refers to.
    pub antecedent: Option<usize>,
}

/// A cardinal number ("three", "2,000", "at least 12", "dozens").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NumberMention {
    /// Where it stands, including any approximation words ("at least 12").
    pub span: Span,
    /// Its value (a lower bound for vague quantities: "dozens" is 24).
    pub value: u64,
    /// True for "at least", "more than", "about", "dozens" and the like.
    pub approximate: bool,
}

/// A date, time of day or duration, resolved against the dateline where possible.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimeExpr {
    /// Where it stands ("Sunday (Mar 23)", "last week", "30-day").
    pub span: Span,
    /// The resolved date (first day of the week, month or year for coarser precisions).
    #[serde(serialize_with = "super::model::serialize_date")]
    pub date: Option<jiff::civil::Date>,
    /// How precise it is; [`Precision::Duration`] for lengths of time.
    pub precision: Precision,
    /// For a duration, its length in days ("30-day" is 30, "three-year" 1095).
    pub duration_days: Option<u32>,
}
