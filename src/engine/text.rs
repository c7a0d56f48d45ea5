//! Tokens and sentences. (Skeleton: being written.)

use super::analysis::{Sentence, Token};

/// Splits `text` into tokens and sentences.
pub fn tokenize(_text: &str) -> (Vec<Token>, Vec<Sentence>) {
    (Vec::new(), Vec::new())
}

/// True when the letters of `text` are mostly upper case.
pub fn is_all_caps(_text: &str) -> bool {
    false
}
