//! The ways an item's clauses can apply together, for the range analysis
//! ([`super::range`]) to follow conditions that clauses share.
//!
//! Two clauses that read the same fact do not apply independently: `if 未按制度实施 -2`
//! and `if not 未按制度实施 -2` never both take, and `if A and B zero` applies only
//! where `if A +1` does. The conditions of an item are compiled over its atoms
//! ([`super::conditions`]), and every combination of the values that stand for the
//! atoms' classes is tried, as the conditions check tries them: each combination says,
//! for each clause, whether its condition (`if`, `if … give`) holds and its `unless`
//! does not. The distinct answers are the item's paths; the range of each is worked
//! out with only the clauses that apply on it, and the item's range is their union.
//!
//! Only conditions are followed. A count that a condition compares and a `per` counts
//! stays free in the `per` (any count its domain allows, whatever the condition said),
//! and a deadline may be met or not on every path, so the union still holds every score
//! the evaluator can reach. Past [`LIMIT`] combinations of values (twelve yes-or-no
//! facts), or when a condition does not compile, there is one path on which every
//! clause may apply or not: the analysis is then the independent one.

use super::conditions::decide::Expr;
use super::conditions::ItemConditions;
use crate::syntax::ast::*;

/// The most combinations of values tried to find an item's paths: 2 to the 12th, so
/// twelve yes-or-no facts, or fewer facts with more classes of values.
pub const LIMIT: usize = 4096;

/// How a clause takes part on one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Its condition fails, or its `unless` holds: it changes nothing.
    Not,
    /// An `if` whose condition holds and whose `unless` does not: it applies exactly
    /// once.
    Once,
    /// It may apply, any number of times its fact allows, or not at all: a `per`, a
    /// `missing`, a `deadline`, a `give` or a quantity not exempted.
    Free,
}

/// The paths of an item: for each, how each of its clauses takes part. Without paths
/// to follow (too many combinations, or a condition that does not compile), the one
/// path on which every clause is free.
pub fn of(item: &Item) -> Vec<Vec<Part>> {
    followed(item).unwrap_or_else(|| vec![vec![Part::Free; item.clauses.len()]])
}

/// The paths of an item when its conditions can be followed.
fn followed(item: &Item) -> Option<Vec<Vec<Part>>> {
    let conds = ItemConditions::of(item)?;
    let mut exprs: Vec<Expr> = vec![conds.applies.clone()];
    exprs.extend((0..item.clauses.len()).map(|i| conds.fires(i)));
    let outcomes = conds.atoms.outcomes(&exprs, LIMIT)?;
    let paths: Vec<Vec<Part>> = outcomes
        .into_iter()
        // Where the item does not apply, none of its clauses is scored.
        .filter(|o| o[0])
        .map(|o| {
            item.clauses
                .iter()
                .zip(&o[1..])
                .map(|(clause, &fires)| match (fires, &clause.kind) {
                    (false, _) => Part::Not,
                    (true, ClauseKind::If(_)) => Part::Once,
                    (true, _) => Part::Free,
                })
                .collect()
        })
        .collect();
    // An item that never applies is reported by the conditions check; its range is
    // worked out as if it did.
    (!paths.is_empty()).then_some(paths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// The first item of a one-item rubric.
    fn item(clauses: &str) -> Item {
        let text = format!(
            "rubric t\ntotal 4\nitem x 4 {{\n  fact A bool \"a\"\n  fact B bool \"b\"\n  fact n count \"n\"\n{clauses}\n}}\n"
        );
        let source = SourceFile::new("t.rule", text);
        let file = crate::syntax::parse(&source).expect("parses");
        match file.nodes.into_iter().next() {
            Some(Node::Item(i)) => i,
            other => panic!("an item, not {other:?}"),
        }
    }

    use Part::{Free, Not, Once};

    #[test]
    fn a_condition_and_its_negation_never_apply_together() {
        let paths = of(&item("  if A -2\n  if not A -2"));
        assert_eq!(paths, vec![vec![Not, Once], vec![Once, Not]]);
    }

    #[test]
    fn a_give_follows_its_condition_and_stays_free() {
        let paths = of(&item(
            "  fact d discretion max 2 \"d\"\n  if A -2\n  if B give d",
        ));
        assert_eq!(
            paths,
            vec![
                vec![Not, Not],
                vec![Not, Free],
                vec![Once, Not],
                vec![Once, Free],
            ]
        );
    }

    #[test]
    fn unless_and_counts_are_followed() {
        // `n >= 3` and `n = 0` never hold together; a `per` is free unless exempted.
        let paths = of(&item("  if n >= 3 -2\n  if n = 0 -1\n  per n -1 unless A"));
        assert_eq!(
            paths,
            vec![
                vec![Not, Not, Not],
                vec![Not, Not, Free],
                vec![Not, Once, Not],
                vec![Not, Once, Free],
                vec![Once, Not, Not],
                vec![Once, Not, Free],
            ]
        );
    }

    #[test]
    fn past_the_limit_every_clause_is_free() {
        let facts: String = (0..13)
            .map(|i| format!("  fact f{i} bool \"f\"\n  if f{i} -0.25\n"))
            .collect();
        let paths = of(&item(&facts));
        assert_eq!(paths, vec![vec![Free; 13]]);
    }

    #[test]
    fn applicable_unless_removes_the_paths_where_the_item_does_not_apply() {
        let paths = of(&item("  applicable unless A\n  if A -2\n  if B -1"));
        assert_eq!(paths, vec![vec![Not, Not], vec![Not, Once]]);
    }
}
