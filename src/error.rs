//! The API's one error type, and its mapping to gRPC status codes (here and nowhere else).

use std::time::Duration;

use tonic::{Code, Status};

use crate::engine::DateError;
use crate::pb;

/// Everything that can go wrong with one request, each message naming the field and the value
/// or limit at fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The request has no article.
    #[error("article is missing")]
    MissingArticle,
    /// The article text is over the server's limit.
    #[error("article.text is {bytes} bytes; the limit is {limit}")]
    ArticleTooLarge {
        /// Size of the text in UTF-8 bytes.
        bytes: usize,
        /// The limit in UTF-8 bytes.
        limit: usize,
    },
    /// `published_date` is not a calendar date.
    #[error("article.published_date {0}")]
    BadDate(#[from] DateError),
    /// A language the engine does not extract from.
    #[error("article.language is {0:?}; only English (\"en\") is supported")]
    UnsupportedLanguage(String),
    /// `min_confidence` outside 0..1.
    #[error("options.min_confidence is {0}; it must be between 0 and 1")]
    BadMinConfidence(f32),
    /// An unset or unknown event type among those asked for.
    #[error("options.types[{index}] is {value}; expected one of {expected}", value = event_type_name(*.value), expected = known_event_types())]
    BadEventType {
        /// Position in `options.types`.
        index: usize,
        /// The value sent.
        value: i32,
    },
    /// An unknown offset unit.
    #[error("options.offset_unit is {0}; expected a value of sitrep.v1.OffsetUnit")]
    BadOffsetUnit(i32),
    /// The call's deadline (`grpc-timeout`) passed before the work was done.
    #[error("the call's deadline (grpc-timeout {timeout:?}) passed before its work was done")]
    DeadlineExceeded {
        /// The timeout the client gave.
        timeout: Duration,
    },
    /// Every worker is busy and the queue in front of them is full: the article was shed.
    #[error(
        "the server is at capacity ({concurrency}/{concurrency} workers busy, \
         {max_queued}/{max_queued} queue places taken): article {article_id:?} was not \
         processed; retry later or elsewhere"
    )]
    Overloaded {
        /// The article refused.
        article_id: String,
        /// Articles extracted at once (`--concurrency`).
        concurrency: usize,
        /// Articles allowed to wait (`--max-queued`).
        max_queued: usize,
    },
    /// The answer would carry more text than `convert::MAX_ANSWER_BYTES` (every event repeats
    /// its sentence: a long text without sentence ends, dense in trigger words).
    #[error(
        "article {article_id:?} would be answered with {bytes} bytes of sentences; the limit is \
         {limit} (is article.text missing its sentence punctuation?)"
    )]
    AnswerTooLarge {
        /// The article.
        article_id: String,
        /// Sentence and trigger bytes its events would carry.
        bytes: usize,
        /// `convert::MAX_ANSWER_BYTES`.
        limit: usize,
    },
    /// The server is shutting down and the call outlasted its grace period.
    #[error(
        "the server is shutting down and its grace period is over before this call finished; \
         retry on another server"
    )]
    ShuttingDown,
    /// Extraction itself failed: a bug, never the caller's fault.
    #[error("extracting article {article_id:?} failed: {reason}")]
    Internal {
        /// The article being processed.
        article_id: String,
        /// What went wrong.
        reason: String,
    },
}

impl Error {
    /// The gRPC status code for this error.
    pub fn code(&self) -> Code {
        match self {
            Error::MissingArticle
            | Error::BadDate(_)
            | Error::BadMinConfidence(_)
            | Error::BadEventType { .. }
            | Error::BadOffsetUnit(_)
            | Error::UnsupportedLanguage(_)
            | Error::ArticleTooLarge { .. } => Code::InvalidArgument,
            Error::DeadlineExceeded { .. } => Code::DeadlineExceeded,
            Error::Overloaded { .. } | Error::AnswerTooLarge { .. } => Code::ResourceExhausted,
            Error::ShuttingDown => Code::Unavailable,
            Error::Internal { .. } => Code::Internal,
        }
    }

    /// The request field at fault, empty when it is not the request's fault.
    pub fn field(&self) -> &'static str {
        match self {
            Error::MissingArticle => "article",
            Error::ArticleTooLarge { .. } | Error::AnswerTooLarge { .. } => "article.text",
            Error::BadDate(_) => "article.published_date",
            Error::UnsupportedLanguage(_) => "article.language",
            Error::BadMinConfidence(_) => "options.min_confidence",
            Error::BadEventType { .. } => "options.types",
            Error::BadOffsetUnit(_) => "options.offset_unit",
            Error::DeadlineExceeded { .. }
            | Error::Overloaded { .. }
            | Error::ShuttingDown
            | Error::Internal { .. } => "",
        }
    }
}

impl From<Error> for Status {
    fn from(error: Error) -> Status {
        Status::new(error.code(), error.to_string())
    }
}

impl From<&Error> for pb::ArticleError {
    fn from(error: &Error) -> pb::ArticleError {
        pb::ArticleError {
            field: error.field().to_string(),
            message: error.to_string(),
        }
    }
}

fn event_type_name(value: i32) -> String {
    match pb::EventType::try_from(value) {
        Ok(t) => t.as_str_name().to_string(),
        Err(_) => value.to_string(),
    }
}

fn known_event_types() -> String {
    crate::engine::EventType::ALL
        .map(|t| crate::convert::event_type(t).as_str_name())
        .join(", ")
}
