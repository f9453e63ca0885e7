//! `allow NAME` in an item: the checks an author acknowledges for that item.
//!
//! An acknowledgement is written where the thing acknowledged is, on the item, so that
//! a reader of the rule file sees it beside the clause: `allow outside_year` lets a
//! date outside the rubric's `year` stand (a deadline in January of the next year),
//! `allow text` lets the numbers of the criterion text differ from the clauses'
//! ([`super::text`]), and each warning about one item has its name too
//! ([`super::acknowledge`]). Any other name is an error, and an acknowledgement with nothing
//! to acknowledge is a warning, so that none outlives its reason.

use chrono::Datelike;

use super::problem::CheckError;
use crate::diagnostic::Diagnostic;
use crate::syntax::ast::*;

/// A date outside the rubric's year is meant (`kaohe::date::outside_year`).
pub const OUTSIDE_YEAR: &str = "outside_year";
/// The numbers of the criterion text differ from the clauses' on purpose
/// (`kaohe::text::mismatch`).
pub const TEXT: &str = "text";

/// Every name `allow` takes: `outside_year`, and the names of the warnings of
/// [`super::acknowledge::WARNINGS`].
fn names() -> impl Iterator<Item = &'static str> {
    std::iter::once(OUTSIDE_YEAR).chain(super::acknowledge::WARNINGS.iter().map(|(n, _)| *n))
}

/// Whether the item acknowledges the check `name`.
pub fn allows(item: &Item, name: &str) -> bool {
    item.allows.iter().any(|a| a.node == name)
}

/// Checks the names of an item's `allow` lines, and that an `allow outside_year` has a
/// date outside the year to acknowledge (the text's use is checked by
/// [`super::text`]).
pub fn check(item: &Item, year: Option<i32>, out: &mut Vec<Diagnostic>) {
    for allow in &item.allows {
        if !names().any(|n| n == allow.node) {
            out.push(
                CheckError::AllowUnknown {
                    span: allow.span,
                    name: allow.node.clone(),
                    names: names().collect(),
                }
                .into(),
            );
        } else if allow.node == OUTSIDE_YEAR {
            let outside = year.is_some_and(|y| dates(item).iter().any(|d| d.year() != y));
            if !outside {
                out.push(
                    CheckError::AllowUnused {
                        span: allow.span,
                        name: allow.node.clone(),
                        year,
                    }
                    .into(),
                );
            }
        }
    }
}

/// Every date the item's clauses and conditions name.
fn dates(item: &Item) -> Vec<chrono::NaiveDate> {
    let mut out = Vec::new();
    let mut conditions: Vec<&Condition> = item.applicable_unless.iter().collect();
    for clause in &item.clauses {
        match &clause.kind {
            ClauseKind::If(c) => conditions.push(c),
            ClauseKind::Deadline { by, .. } => out.push(by.node),
            _ => {}
        }
        conditions.extend(clause.unless.iter());
    }
    while let Some(c) = conditions.pop() {
        match &c.kind {
            ConditionKind::Not(inner) => conditions.push(inner),
            ConditionKind::And(parts) | ConditionKind::Or(parts) => conditions.extend(parts),
            ConditionKind::Compare { left, right, .. } => {
                for side in [left, right] {
                    if let Operand::Literal(l) = side {
                        if let Literal::Date(d) = l.node {
                            out.push(d);
                        }
                    }
                }
            }
            ConditionKind::Fact(_) => {}
        }
    }
    out.retain(|d| *d != chrono::NaiveDate::MIN);
    out
}

#[cfg(test)]
mod tests {
    use crate::locale::{has_message, Lang};

    #[test]
    fn an_acknowledged_date_outside_the_year_is_no_error() {
        use crate::diagnostic::codes;
        let text = |allow: &str| {
            format!(
                "rubric t\ntotal 3\nyear 2020\nitem 甲 3 {{\n  {allow}\n  fact 日期 date\n  \
                 deadline 日期 by 2021-01-15 -3\n}}\n"
            )
        };
        let codes_of = |text: String| -> Vec<&'static str> {
            let source = crate::source::SourceFile::new("t.rule", text.as_str());
            crate::check::compile(&source)
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect()
        };
        assert_eq!(codes_of(text("")), [codes::DATE_YEAR]);
        assert!(codes_of(text("allow outside_year")).is_empty());
    }

    #[test]
    fn every_message_is_in_both_catalogues() {
        for id in ["checker-allow-unknown", "checker-allow-unused"] {
            for lang in Lang::ALL {
                assert!(has_message(lang, id), "{id} in {lang:?}");
            }
        }
    }
}
