//! Time expressions. (Skeleton: being written.)

use super::analysis::TimeExpr;
use super::model::Span;

/// Finds dates, times of day and durations, resolving them against `published`.
pub fn find_times(_text: &str, _sentences: &[Span], _published: Option<jiff::civil::Date>) -> Vec<TimeExpr> {
    Vec::new()
}
