//! Cardinal numbers. (Skeleton: being written.)

use super::analysis::{NumberMention, TimeExpr};

/// Finds cardinal numbers outside the time expressions `times`.
pub fn find_numbers(_text: &str, _times: &[TimeExpr]) -> Vec<NumberMention> {
    Vec::new()
}
