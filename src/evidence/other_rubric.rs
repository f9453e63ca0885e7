//! Evidence written for another rubric, told once and alone: not as one problem among
//! the items it names that this rubric has not and the items of this rubric it lacks.
//!
//! It is told when the evidence names another rubric's title (`rubric = "…"`), when
//! most of its items are not this rubric's, or when one of them is not and two or more
//! of this rubric's items are left out: a unit of this rubric with a mistyped item name
//! has one unknown for one left out, while another table's evidence, which shares many
//! item names (the department table shares 19 of its 20 with the county table), leaves
//! several out.

use super::problem::EvidenceError;
use crate::check::Rubric;
use crate::span::Span;

/// Whether the evidence was written for another rubric, and the one problem to show
/// then. `other_title`: where the evidence names another rubric's title (its problem is
/// already made, and stays alone); `unknown`: the items it names that the rubric has
/// not; `items`: the rubric's items, `given` telling those the evidence has.
pub(super) fn problem(
    rubric: &Rubric,
    other_title: Option<Span>,
    unknown: &[Span],
    items: &[&str],
    given: impl Fn(&str) -> bool,
) -> Option<EvidenceError> {
    let known = items.iter().filter(|n| given(n)).count();
    let lacks: Vec<&str> = items.iter().copied().filter(|n| !given(n)).collect();
    let mostly_unknown = unknown.len() >= 2 && unknown.len() > known;
    let other_table = !unknown.is_empty() && lacks.len() >= 2;
    if other_title.is_none() && !mostly_unknown && !other_table {
        return None;
    }
    let first = other_title.or(unknown.first().copied())?;
    Some(EvidenceError::ForOtherRubric {
        span: first,
        unknown: unknown.len(),
        count: unknown.len() + known,
        lacks: lacks.iter().map(|n| n.to_string()).collect(),
        title: rubric.title.clone(),
    })
}
