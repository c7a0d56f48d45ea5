//! Server configuration: flags, each with a `SITREP_*` environment fallback.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::convert::{DEFAULT_MAX_ARTICLE_BYTES, Limits};

/// The default largest gRPC message, in bytes (4 MiB, tonic's default).
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 4 << 20;

/// The default number of articles that may wait for a worker.
pub const DEFAULT_MAX_QUEUED: usize = 64;

/// The default time in-flight calls get to finish after SIGTERM or SIGINT.
pub const DEFAULT_SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// How `sitrep-server` is configured.
#[derive(Clone, Debug, PartialEq, clap::Parser)]
#[command(
    name = "sitrep-server",
    version,
    about = "Serves sitrep.v1.EventExtractor over gRPC"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "SITREP_LISTEN", default_value = "0.0.0.0:50051")]
    pub listen: SocketAddr,

    /// Largest article text accepted, in UTF-8 bytes.
    #[arg(long, env = "SITREP_MAX_ARTICLE_BYTES", default_value_t = DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,

    /// Largest gRPC message received or sent, in bytes; must exceed --max-article-bytes.
    #[arg(long, env = "SITREP_MAX_MESSAGE_BYTES", default_value_t = DEFAULT_MAX_MESSAGE_BYTES)]
    pub max_message_bytes: usize,

    /// Articles extracted at once (on the blocking pool); further ones wait (see --max-queued).
    #[arg(long, env = "SITREP_CONCURRENCY", default_value_t = default_concurrency())]
    pub concurrency: usize,

    /// Articles that may wait for a worker; beyond them calls are refused at once with
    /// RESOURCE_EXHAUSTED (load shedding). 0: no waiting.
    #[arg(long, env = "SITREP_MAX_QUEUED", default_value_t = DEFAULT_MAX_QUEUED)]
    pub max_queued: usize,

    /// Time in-flight calls get to finish after SIGTERM or SIGINT (e.g. 30s, 500ms, 2m).
    #[arg(long, env = "SITREP_SHUTDOWN_GRACE", default_value = "30s", value_parser = parse_duration)]
    pub shutdown_grace: Duration,

    /// Directory of extra lexicon files, added to the embedded ones.
    #[arg(long, env = "SITREP_LEXICONS")]
    pub lexicons: Option<PathBuf>,

    /// Log format.
    #[arg(long, env = "SITREP_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Address to serve Prometheus metrics on, as `GET /metrics` (e.g. 0.0.0.0:9464); off when
    /// unset.
    #[arg(long, env = "SITREP_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,

    /// PEM certificate chain to serve TLS with (rustls), with --tls-key; plaintext when unset.
    #[arg(long, env = "SITREP_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// PEM private key of --tls-cert.
    #[arg(long, env = "SITREP_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,

    /// PEM CA certificates that clients must present a certificate from (mutual TLS).
    #[arg(long, env = "SITREP_TLS_CLIENT_CA", requires = "tls_cert")]
    pub tls_client_ca: Option<PathBuf>,

    /// File of bearer tokens, one a line: every call but health checks must carry
    /// `authorization: Bearer TOKEN`. No check when unset.
    #[arg(long, env = "SITREP_TOKENS_FILE")]
    pub tokens_file: Option<PathBuf>,
}

/// How log lines are written (levels come from `RUST_LOG`, default `info`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// For people.
    Text,
    /// One JSON object a line, for log collectors.
    Json,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            listen: SocketAddr::from(([0, 0, 0, 0], 50051)),
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            max_message_bytes: DEFAULT_MAX_MESSAGE_BYTES,
            concurrency: default_concurrency(),
            max_queued: DEFAULT_MAX_QUEUED,
            shutdown_grace: DEFAULT_SHUTDOWN_GRACE,
            lexicons: None,
            log_format: LogFormat::Text,
            metrics_addr: None,
            tls_cert: None,
            tls_key: None,
            tls_client_ca: None,
            tokens_file: None,
        }
    }
}

/// A configuration that cannot work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// Articles could never arrive whole.
    #[error(
        "--max-article-bytes ({article}) must be below --max-message-bytes ({message}): \
         an article travels inside a message"
    )]
    ArticleOverMessage {
        /// The article limit.
        article: usize,
        /// The message limit.
        message: usize,
    },
    /// Offsets are `uint32`.
    #[error("--max-article-bytes ({0}) is over 4294967295, the largest offset a span can carry")]
    ArticleOverOffsets(usize),
    /// Nothing could ever run.
    #[error("--concurrency is 0; it must be at least 1")]
    NoConcurrency,
    /// TLS flags that do not go together.
    #[error("{0}")]
    TlsIncomplete(&'static str),
    /// A TLS or token file that cannot be read or used.
    #[error("{flag} {}: {reason}", path.display())]
    Unusable {
        /// The flag naming the file.
        flag: &'static str,
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

impl Config {
    /// Checks that the settings work together.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.max_article_bytes > u32::MAX as usize {
            return Err(ConfigError::ArticleOverOffsets(self.max_article_bytes));
        }
        if self.max_article_bytes >= self.max_message_bytes {
            return Err(ConfigError::ArticleOverMessage {
                article: self.max_article_bytes,
                message: self.max_message_bytes,
            });
        }
        if self.concurrency == 0 {
            return Err(ConfigError::NoConcurrency);
        }
        Ok(())
    }

    /// The request limits this configuration sets.
    pub fn limits(&self) -> Limits {
        Limits {
            max_article_bytes: self.max_article_bytes,
        }
    }
}

fn default_concurrency() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Parses `500ms`, `30s`, `2m` (a bare number is seconds).
fn parse_duration(value: &str) -> Result<Duration, String> {
    let split = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    let (number, unit) = value.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{value:?} is not a duration such as 500ms, 30s or 2m"))?;
    match unit {
        "ms" => Ok(Duration::from_millis(n)),
        "" | "s" => Ok(Duration::from_secs(n)),
        "m" => Ok(Duration::from_secs(n * 60)),
        _ => Err(format!("{value:?} has unit {unit:?}; use ms, s or m")),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[test]
    fn defaults_match_the_flags() {
        let parsed = Config::try_parse_from(["sitrep-server"]).unwrap();
        // The environment may set SITREP_*; compare only what it does not.
        if std::env::vars().all(|(k, _)| !k.starts_with("SITREP_")) {
            assert_eq!(parsed, Config::default());
        }
        assert!(Config::default().validate().is_ok());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("7"), Ok(Duration::from_secs(7)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert!(parse_duration("2h").is_err());
        assert!(parse_duration("s").is_err());
    }

    #[test]
    fn article_limit_must_fit_in_a_message() {
        let config = Config {
            max_article_bytes: 8 << 20,
            ..Config::default()
        };
        assert_eq!(
            config.validate().unwrap_err().to_string(),
            "--max-article-bytes (8388608) must be below --max-message-bytes (4194304): \
             an article travels inside a message"
        );
    }
}
