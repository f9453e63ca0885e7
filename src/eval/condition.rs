//! Conditions evaluated on an item's facts.

use std::cmp::Ordering;

use super::periods::{self, Uncovered};
use crate::calendar::Calendar;
use crate::evidence::{Facts, Value};
use crate::syntax::ast::*;

/// Whether a condition holds. The rubric has been checked, so every fact it names is
/// declared with a fitting type; a fact absent from the evidence (possible only for an
/// item that is not applicable) makes the condition not hold. Counting working days can
/// fail on a date in a year the calendar does not list.
pub fn holds(
    cond: &Condition,
    facts: &Facts,
    calendar: Option<&Calendar>,
) -> Result<bool, Uncovered> {
    Ok(match &cond.kind {
        ConditionKind::Fact(path) => matches!(path_value(path, facts), Some(Scalar::Bool(true))),
        ConditionKind::Not(inner) => !holds(inner, facts, calendar)?,
        ConditionKind::And(parts) => {
            for p in parts {
                if !holds(p, facts, calendar)? {
                    return Ok(false);
                }
            }
            true
        }
        ConditionKind::Or(parts) => {
            for p in parts {
                if holds(p, facts, calendar)? {
                    return Ok(true);
                }
            }
            false
        }
        ConditionKind::Compare { left, op, right } => {
            match (
                operand(left, facts, calendar)?,
                operand(right, facts, calendar)?,
            ) {
                (Some(l), Some(r)) => l.compare(&r).is_some_and(|o| op.node.holds(o)),
                _ => false,
            }
        }
    })
}

/// The value a unit gives for the fact a path names (resolved by the checker).
pub fn value_of<'f>(path: &FactPath, facts: &'f Facts) -> Option<&'f Value> {
    let slot = path.slot.get()?;
    facts.get(slot.fact)?.as_ref().map(|f| &f.value)
}

/// The facts a condition reads, each once, in the order of their names.
pub fn condition_paths(cond: &Condition) -> Vec<&FactPath> {
    let mut out = Vec::new();
    let mut stack = vec![cond];
    while let Some(c) = stack.pop() {
        match &c.kind {
            ConditionKind::Fact(p) => out.push(p),
            ConditionKind::Not(inner) => stack.push(inner),
            ConditionKind::And(parts) | ConditionKind::Or(parts) => stack.extend(parts.iter()),
            ConditionKind::Compare { left, right, .. } => {
                for o in [left, right] {
                    if let Operand::Fact(p) | Operand::Periods { fact: p, .. } = o {
                        out.push(p);
                    }
                }
            }
        }
    }
    out.sort_unstable_by(|a, b| a.fact.node.cmp(&b.fact.node));
    out.dedup_by(|a, b| a.fact.node == b.fact.node);
    out
}

/// The names of the facts a condition reads.
pub fn condition_facts(cond: &Condition) -> Vec<&str> {
    condition_paths(cond)
        .into_iter()
        .map(|p| p.fact.node.as_str())
        .collect()
}

/// A single comparable value.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Bool(bool),
    Number(rust_decimal::Decimal),
    Percent(rust_decimal::Decimal),
    Date(Option<chrono::NaiveDate>),
}

impl Scalar {
    fn compare(&self, other: &Scalar) -> Option<Ordering> {
        match (self, other) {
            (Scalar::Bool(a), Scalar::Bool(b)) => Some(a.cmp(b)),
            (Scalar::Number(a), Scalar::Number(b)) => Some(a.cmp(b)),
            (Scalar::Percent(a), Scalar::Percent(b)) => Some(a.cmp(b)),
            // A date never given (the thing was never done) compares with nothing.
            (Scalar::Date(Some(a)), Scalar::Date(Some(b))) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

fn operand(
    o: &Operand,
    facts: &Facts,
    calendar: Option<&Calendar>,
) -> Result<Option<Scalar>, Uncovered> {
    Ok(match o {
        Operand::Fact(p) => path_value(p, facts),
        Operand::Literal(l) => Some(match l.node {
            Literal::Number(n) => Scalar::Number(n),
            Literal::Percent(p) => Scalar::Percent(p),
            Literal::Date(d) => Scalar::Date(Some(d)),
            Literal::Bool(b) => Scalar::Bool(b),
        }),
        Operand::Periods { fact, over, .. } => match value_of(fact, facts) {
            Some(Value::Periods(list)) => Some(Scalar::Number(
                (periods::over(list, over, calendar)?.len() as u64).into(),
            )),
            _ => None,
        },
    })
}

/// The value of `fact` or `fact[member]` as a scalar.
pub fn path_value(path: &FactPath, facts: &Facts) -> Option<Scalar> {
    let value = value_of(path, facts)?;
    Some(match (value, &path.member) {
        (Value::Bool(b), None) => Scalar::Bool(*b),
        (Value::Count(n), None) => Scalar::Number((*n).into()),
        (Value::Percent(p), None) => Scalar::Percent(*p),
        (Value::Date(d), None) => Scalar::Date(*d),
        (Value::Set(s), Some(m)) => Scalar::Bool(s.contains(&m.node)),
        (Value::Tally(t), Some(m)) => Scalar::Number(
            t.iter()
                .find(|(k, _)| *k == m.node)
                .map_or(0, |(_, n)| *n)
                .into(),
        ),
        (Value::Tally(t), None) => Scalar::Number(t.iter().map(|(_, n)| n).sum::<u64>().into()),
        (Value::Discretion { score, .. }, None) => Scalar::Number(*score),
        _ => return None,
    })
}
