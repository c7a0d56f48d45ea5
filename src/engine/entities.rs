//! Actors, places and groups. (Skeleton: being written.)

use super::analysis::{Entity, Sentence, Token};
use super::lexicon::Lexicons;

/// Compiled entity dictionaries.
#[derive(Debug)]
pub struct EntityMatcher {}

impl EntityMatcher {
    /// Compiles the matcher from the lexicons.
    pub fn new(_lexicons: &Lexicons) -> EntityMatcher {
        EntityMatcher {}
    }

    /// Finds entities in `text`.
    pub fn find(&self, _text: &str, _tokens: &[Token], _sentences: &[Sentence], _all_caps: bool) -> Vec<Entity> {
        Vec::new()
    }
}
