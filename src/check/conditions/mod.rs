//! Conditions decided exactly: for every condition of an item (`if`, `unless`,
//! `applicable unless`), whether some unit's facts make it hold and whether some make
//! it fail, over the facts' real domains (a bool; a count from 0 to its `max`; a
//! percentage from 0% to 100%; a date or none; the members of a set; a tally's counts).
//!
//! The constants an item writes cut each domain into finitely many classes
//! ([`domain`]), and trying one value of each class of each fact decides a condition
//! exactly ([`decide`]). A clause that can never apply, or applies to every unit, is
//! reported with the reason and an example; past [`decide::LIMIT`] combinations a
//! question is left undecided, and the warning says so rather than guess.

pub mod decide;
pub mod domain;

use super::problem::CheckError;
use crate::diagnostic::Diagnostic;
use crate::locale::{self, Arg};
use crate::span::Span;
use crate::syntax::ast::*;

use decide::{all, not, Answer, Atoms, Expr};
use domain::{Domain, Val};

/// An item's conditions compiled over its atoms: whether it applies, and each
/// clause's condition (for `if`) and exemption (`unless`).
#[derive(Debug, Clone)]
pub struct ItemConditions {
    pub atoms: Atoms,
    /// Holds when the item applies: `not` its `applicable unless`, or always.
    pub applies: Expr,
    /// For each clause, its condition (of `if`, or of `if … give`) and its `unless`,
    /// when it has them.
    pub clauses: Vec<(Option<Expr>, Option<Expr>)>,
}

impl ItemConditions {
    /// Compiles every condition of an item; `None` when one reads a fact the item does
    /// not declare with a fitting type (the type check reports that).
    pub fn of(item: &Item) -> Option<ItemConditions> {
        let mut atoms = Atoms::of(item);
        let applies = match &item.applicable_unless {
            Some(c) => not(atoms.compile(item, c)?),
            None => Expr::Const(true),
        };
        let mut clauses = Vec::new();
        for clause in &item.clauses {
            let cond = match &clause.kind {
                ClauseKind::If(c)
                | ClauseKind::Give {
                    condition: Some(c), ..
                } => Some(atoms.compile(item, c)?),
                _ => None,
            };
            let unless = match &clause.unless {
                Some(u) => Some(atoms.compile(item, u)?),
                None => None,
            };
            clauses.push((cond, unless));
        }
        Some(ItemConditions {
            atoms,
            applies,
            clauses,
        })
    }

    /// Holds when clause `i` takes effect for a unit, as far as conditions go: the
    /// item applies, its condition holds and its `unless` does not.
    pub fn fires(&self, i: usize) -> Expr {
        let (cond, unless) = &self.clauses[i];
        let mut parts = vec![self.applies.clone()];
        parts.extend(cond.clone());
        if let Some(u) = unless {
            parts.push(not(u.clone()));
        }
        all(parts)
    }

    /// The facts of an answer as the rule file writes them: "`a` = 1, `b` = true".
    pub fn example(&self, values: &[(usize, Val)]) -> String {
        let absent = locale::text(locale::current(), "checker-value-absent", &[]);
        values
            .iter()
            .map(|(a, v)| format!("`{}` = {}", self.atoms.keys[*a].write(), v.write(&absent)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What values each atom an expression reads may take, for a reason.
    fn domains(&self, expr: &Expr) -> String {
        let mut read = Vec::new();
        collect(expr, &mut read);
        read.sort_unstable();
        read.dedup();
        let lang = locale::current();
        read.iter()
            .map(|&a| {
                let name = Arg::from(self.atoms.keys[a].write());
                match self.atoms.domains[a] {
                    Domain::Bool => locale::text(lang, "checker-domain-bool", &[("name", name)]),
                    Domain::Count { max: None } => {
                        locale::text(lang, "checker-domain-count", &[("name", name)])
                    }
                    Domain::Count { max: Some(m) } => locale::text(
                        lang,
                        "checker-domain-count-max",
                        &[("name", name), ("max", Arg::from(m.to_string()))],
                    ),
                    Domain::Discretion { max } => locale::text(
                        lang,
                        "checker-domain-count-max",
                        &[("name", name), ("max", Arg::from(max))],
                    ),
                    Domain::Percent { .. } => {
                        locale::text(lang, "checker-domain-percent", &[("name", name)])
                    }
                    Domain::Date => locale::text(lang, "checker-domain-date", &[("name", name)]),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn collect(expr: &Expr, out: &mut Vec<usize>) {
    match expr {
        Expr::Const(_) => {}
        Expr::Atom(a) => out.push(*a),
        Expr::Not(inner) => collect(inner, out),
        Expr::And(parts) | Expr::Or(parts) => parts.iter().for_each(|p| collect(p, out)),
        Expr::Compare(l, _, r) => {
            for side in [l, r] {
                if let decide::Side::Atom(a) = side {
                    out.push(*a);
                }
            }
        }
    }
}

/// Decides every condition of a checked item and reports the ones that can never hold
/// or always hold. Gives the compiled conditions for the checks that build on them.
pub fn check_item(item: &Item, out: &mut Vec<Diagnostic>) -> Option<ItemConditions> {
    let conds = ItemConditions::of(item)?;
    let mut undecided: Option<(Span, usize)> = None;
    let mut ask = |expr: &Expr, span: Span| -> Option<Option<Vec<(usize, Val)>>> {
        match conds.atoms.example(expr) {
            Answer::Holds(values) => Some(Some(values)),
            Answer::Never => Some(None),
            Answer::TooMany(n) => {
                undecided.get_or_insert((span, n));
                None
            }
        }
    };
    if let Some(c) = &item.applicable_unless {
        let unless = not(conds.applies.clone());
        match (ask(&unless, c.span), ask(&conds.applies, c.span)) {
            (Some(None), _) => out.push(
                CheckError::ApplicableNever {
                    span: c.span,
                    domains: conds.domains(&unless),
                }
                .into(),
            ),
            (_, Some(None)) => out.push(
                CheckError::ApplicableAlways {
                    span: c.span,
                    domains: conds.domains(&unless),
                }
                .into(),
            ),
            _ => {}
        }
    }
    for (i, clause) in item.clauses.iter().enumerate() {
        let (cond, unless) = &conds.clauses[i];
        // The condition of an `if`, or of an `if … give` (the discretion it governs).
        let written = match &clause.kind {
            ClauseKind::If(c) => Some(c),
            ClauseKind::Give {
                condition: Some(c), ..
            } => Some(c),
            _ => None,
        };
        if let (Some(c), Some(expr)) = (written, cond) {
            let holds = ask(expr, c.span);
            let fails = ask(&all(vec![conds.applies.clone(), not(expr.clone())]), c.span);
            match (holds, fails) {
                (Some(None), fails) => {
                    let example = fails
                        .flatten()
                        .map(|v| conds.example(&v))
                        .unwrap_or_default();
                    out.push(
                        CheckError::ConditionNever {
                            span: c.span,
                            effect: clause.effect.span,
                            domains: conds.domains(expr),
                            example,
                        }
                        .into(),
                    );
                    continue;
                }
                (Some(Some(_)), _)
                    if matches!(
                        ask(&all(vec![conds.applies.clone(), expr.clone()]), c.span),
                        Some(None)
                    ) =>
                {
                    out.push(
                        CheckError::ConditionInapplicable {
                            span: c.span,
                            applicable: item.applicable_unless.as_ref().map_or(c.span, |a| a.span),
                        }
                        .into(),
                    );
                    continue;
                }
                (Some(Some(values)), Some(None)) => {
                    out.push(
                        CheckError::ConditionAlways {
                            span: c.span,
                            effect: clause.effect.span,
                            domains: conds.domains(expr),
                            example: conds.example(&values),
                        }
                        .into(),
                    );
                }
                _ => {}
            }
        }
        if let (Some(u), Some(uexpr)) = (&clause.unless, unless) {
            let before = all(vec![conds.applies.clone()]
                .into_iter()
                .chain(cond.clone())
                .collect());
            let exempt = ask(&all(vec![before.clone(), uexpr.clone()]), u.span);
            let applies = ask(&all(vec![before, not(uexpr.clone())]), u.span);
            match (exempt, applies) {
                (Some(None), _) => out.push(
                    CheckError::UnlessNever {
                        span: u.span,
                        domains: conds.domains(uexpr),
                    }
                    .into(),
                ),
                (Some(Some(values)), Some(None)) => out.push(
                    CheckError::UnlessAlways {
                        span: u.span,
                        effect: clause.effect.span,
                        example: conds.example(&values),
                    }
                    .into(),
                ),
                _ => {}
            }
        }
    }
    if let Some((span, count)) = undecided {
        out.push(
            CheckError::ConditionUndecided {
                span,
                count,
                limit: decide::LIMIT,
            }
            .into(),
        );
    }
    Some(conds)
}

/// Every message id of this module, for the test that both catalogues have them.
#[cfg(test)]
const IDS: &[&str] = &[
    "checker-value-absent",
    "checker-domain-bool",
    "checker-domain-count",
    "checker-domain-count-max",
    "checker-domain-percent",
    "checker-domain-date",
    "checker-applicable-never",
    "checker-applicable-always",
    "checker-condition-never",
    "checker-condition-inapplicable",
    "checker-condition-always",
    "checker-unless-never",
    "checker-unless-always",
    "checker-condition-undecided",
];

#[cfg(test)]
mod tests;
