//! Dead effects: clauses that can never change a unit's score although their
//! condition may hold. A `floor` at the item's points (the clause may take nothing), a
//! clause written twice, and a clause that applies only where a `zero` of the same
//! item applies too (不得分 leaves nothing for it to change).

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::conditions::decide::{all, not, Answer};
use super::conditions::ItemConditions;
use super::problem::CheckError;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;
use crate::syntax::ast::*;

/// Reports every dead clause of a checked item; `conds` are its conditions as
/// [`super::conditions::check_item`] compiled them, when they compiled; `points` the
/// item's points, a weight worked out.
pub fn check_item(
    item: &Item,
    points: Decimal,
    conds: Option<&ItemConditions>,
    source: &SourceFile,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<String, &Clause> = HashMap::new();
    for (i, clause) in item.clauses.iter().enumerate() {
        if let Some(floor) = &clause.floor {
            if floor.node >= points {
                out.push(
                    CheckError::DeadFloor {
                        span: floor.span,
                        points_span: item.points.span,
                        floor: floor.node,
                        points,
                    }
                    .into(),
                );
                continue;
            }
        }
        let text = words(&source.text()[clause.span.start..clause.span.end]);
        if let Some(first) = seen.get(&text) {
            out.push(
                CheckError::DeadRepeat {
                    span: clause.span,
                    first: first.span,
                }
                .into(),
            );
            continue;
        }
        seen.insert(text, clause);
        if let Some(conds) = conds {
            zeroed(item, conds, i, out);
        }
    }
}

/// Reports clause `i` when every unit it applies to has a `zero` of the item applying
/// too. A clause other than `if` and `if … give` is taken to apply whenever the item
/// applies and its `unless` does not: more often than it does, so a clause reported
/// is dead indeed.
fn zeroed(item: &Item, conds: &ItemConditions, i: usize, out: &mut Vec<Diagnostic>) {
    let fires = conds.fires(i);
    // A clause that never applies is reported as such by the conditions.
    if !matches!(conds.atoms.example(&fires), Answer::Holds(_)) {
        return;
    }
    for (z, zero) in item.clauses.iter().enumerate() {
        // Only an `if`'s condition says exactly when its `zero` applies; a deadline's
        // lateness is not a condition the analysis reads.
        let exact = matches!(zero.kind, ClauseKind::If(_));
        if z == i || zero.effect.node != Effect::Zero || !exact {
            continue;
        }
        let zero_fires = conds.fires(z);
        if !matches!(conds.atoms.example(&zero_fires), Answer::Holds(_)) {
            continue;
        }
        // Two `zero`s that apply alike: the later one is the one reported.
        if item.clauses[i].effect.node == Effect::Zero && z > i {
            continue;
        }
        let escape = all(vec![fires.clone(), not(zero_fires)]);
        if conds.atoms.example(&escape) == Answer::Never {
            let clause = &item.clauses[i];
            out.push(
                CheckError::DeadZero {
                    span: clause.span,
                    zero: zero.span,
                }
                .into(),
            );
            return;
        }
    }
}

/// A clause's text with its spaces and line breaks made single spaces, so that two
/// clauses written alike compare equal however they are laid out.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::codes;
    use crate::locale::{has_message, Lang};
    use crate::source::SourceFile;

    fn dead(clauses: &str) -> usize {
        let text = format!(
            "rubric t\ntotal 3\nitem 甲 3 {{\n  fact a bool\n  fact b bool\n  fact n count\n{clauses}\n}}\n"
        );
        let source = SourceFile::new("t.rule", text.as_str());
        crate::check::compile(&source)
            .diagnostics
            .iter()
            .filter(|d| d.code == codes::DEAD_CLAUSE)
            .count()
    }

    #[test]
    fn dead_clauses_are_found_and_live_ones_left_alone() {
        assert_eq!(dead("  if a -1\n  per n -1 floor 3\n  if b zero"), 1);
        assert_eq!(dead("  if a -1\n  per n -1 floor 2\n  if b zero"), 0);
        assert_eq!(
            dead("  if a -1\n  if  a   -1\n  per n -1 floor 0\n  if b zero"),
            1
        );
        assert_eq!(dead("  if a and b -1\n  per n -1 floor 0\n  if a zero"), 1);
        assert_eq!(dead("  if a or b -1\n  per n -1 floor 0\n  if a zero"), 0);
        assert_eq!(
            dead("  if b -1\n  per n -1 floor 0\n  if a zero unless b"),
            0
        );
        // A deadline's `zero` applies only when late: nothing is known to be dead.
        let deadline = "  fact d date\n  if a -1\n  if b -1\n  per n -1 floor 0\n  deadline d by 2020-12-30 zero";
        assert_eq!(dead(deadline), 0);
    }

    #[test]
    fn every_message_is_in_both_catalogues() {
        for id in [
            "checker-dead-floor",
            "checker-dead-repeat",
            "checker-dead-zero",
        ] {
            for lang in Lang::ALL {
                assert!(has_message(lang, id), "{id} in {lang:?}");
            }
        }
    }
}
