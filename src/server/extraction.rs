//! What a worker runs for one article, and what becomes of a panic there.
//!
//! The server runs [`convert::extract`] (the engine). [`Extraction::new`] replaces it, through
//! [`Server::with_extraction`](super::Server::with_extraction): a seam for tests that need
//! extraction to panic or to take long (the engine does neither on purpose), and for callers
//! that wrap it. A panic is caught where the worker runs it (tokio's blocking pool), logged, and
//! answered as INTERNAL for that article alone; the server goes on serving.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

use tokio::task::JoinError;

use crate::convert::{self, Output, Request};
use crate::engine::Engine;
use crate::error::Error;

/// The function a worker runs for one validated article.
#[derive(Clone)]
pub struct Extraction(Arc<ExtractFn>);

type ExtractFn = dyn Fn(&Engine, &Request) -> Result<Output, Error> + Send + Sync;

impl Extraction {
    /// Extraction by `f` instead of the engine's [`convert::extract`].
    pub fn new(
        f: impl Fn(&Engine, &Request) -> Result<Output, Error> + Send + Sync + 'static,
    ) -> Extraction {
        Extraction(Arc::new(f))
    }

    /// Runs it (blocking: CPU-bound).
    pub(crate) fn run(&self, engine: &Engine, request: &Request) -> Result<Output, Error> {
        (self.0)(engine, request)
    }
}

impl Default for Extraction {
    fn default() -> Extraction {
        Extraction::new(convert::extract)
    }
}

impl fmt::Debug for Extraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Extraction")
    }
}

/// Why a worker's task for `article_id` did not return, logged as an error: a panic (with its
/// message) or a cancelled task.
pub(crate) fn failure(article_id: &str, error: JoinError) -> String {
    let reason = match error.try_into_panic() {
        Ok(payload) => format!("the extraction panicked: {}", panic_message(&*payload)),
        Err(error) => format!("the extraction task ended: {error}"),
    };
    tracing::error!(article_id, %reason, "extraction failed; the server goes on");
    reason
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(message) = payload.downcast_ref::<&str>() {
        message
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message
    } else {
        "(no message)"
    }
}
