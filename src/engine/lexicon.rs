//! Lexicon files: loading and validation. (Skeleton: being written.)

use std::path::Path;

/// A lexicon file that cannot be used: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {reason}")]
pub struct LexiconError {
    /// The file.
    pub path: String,
    /// 1-based line (0 for the whole file).
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// All lexicon tables, embedded and user-supplied.
#[derive(Debug, Default)]
pub struct Lexicons {}

impl Lexicons {
    /// The lexicons compiled into the binary.
    pub fn embedded() -> Result<Lexicons, LexiconError> {
        Ok(Lexicons {})
    }

    /// Adds every `*.tsv` file below `dir`.
    pub fn load_dir(&mut self, _dir: &Path) -> Result<(), LexiconError> {
        Ok(())
    }

    /// A digest of the loaded contents.
    pub fn version(&self) -> &str {
        "0"
    }
}
