//! Conditions evaluated on a unit's facts: whether an `applicable unless`, an `if` or
//! an `unless` holds, and which facts a condition reads.
//!
//! [`holds`] is the one definition of what a condition means. It walks the model's
//! condition, which the checker has resolved: each fact by its place in a unit's
//! facts (`FactId`), each member by its place in the fact's list (`MemberId`), so it
//! compares no name. Validating evidence asks it whether an item is not applicable
//! (and so needs only the facts its `applicable unless` reads); the scorer
//! (`crate::eval`) asks it of every `if`, `unless` and `applicable unless`. It lies
//! here, with the facts it reads, so that evidence does not depend on evaluation.
//!
//! A condition reads each value as a [`Quick`] scalar: a count stays an integer, so
//! comparing a count with a whole-number literal is an integer comparison, and only
//! other numbers are compared as decimals.

use std::cmp::Ordering;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::arith::{measure, Halt};
use super::periods;
use super::{Facts, Value};
use crate::calendar::Calendar;
use crate::model::*;

/// Whether a condition holds. The rubric has been checked, so every fact it names is
/// declared with a fitting type; a fact absent from the evidence (possible only for an
/// item that is not applicable) makes the condition not hold. Counting working days can
/// fail on a date in a year the calendar does not list, arithmetic on a divisor of 0.
pub fn holds(cond: &Condition, facts: &Facts, calendar: Option<&Calendar>) -> Result<bool, Halt> {
    Ok(match &cond.kind {
        ConditionKind::Fact(path) => matches!(quick_value(path, facts), Some(Quick::Bool(true))),
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
            let left = operand(left, facts, calendar)?;
            let right = operand(right, facts, calendar)?;
            Quick::compared(left, op.node, right)
        }
    })
}

/// The value a unit gives for the fact a path names (resolved by the checker).
#[inline]
pub fn value_of<'f>(path: &FactPath, facts: &'f Facts) -> Option<&'f Value> {
    value_at(path.id.index(), facts)
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
                    operand_paths(o, &mut out);
                }
            }
        }
    }
    out.sort_unstable_by(|a, b| a.fact.node.cmp(&b.fact.node));
    out.dedup_by(|a, b| a.fact.node == b.fact.node);
    out
}

/// The facts an operand reads, pushed in the order written.
pub fn operand_paths<'a>(o: &'a Operand, out: &mut Vec<&'a FactPath>) {
    match o {
        Operand::Fact(p) | Operand::Periods { fact: p, .. } => out.push(p),
        Operand::Literal(_) => {}
        Operand::Arith(a) => {
            for leaf in a.leaves() {
                operand_paths(leaf, out);
            }
        }
    }
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

/// A single comparable value as conditions compare it: a [`Scalar`] whose numbers
/// that are counts stay integers. A count compares with a decimal number as the
/// decimal it is, so every comparison gives what comparing [`Scalar`]s gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Quick {
    Bool(bool),
    /// A whole number: a count, a tally's count or sum, or a whole literal.
    Count(u64),
    /// Any other number: a discretionary score, a literal with decimals.
    Number(Decimal),
    Percent(Decimal),
    Date(Option<NaiveDate>),
}

impl Quick {
    /// The scalar of a fact's value, or of one member of it (by its place in the
    /// fact's list); `None` for a value that has none (a whole set, periods), which no
    /// condition can then hold on.
    #[inline]
    pub(crate) fn of(value: &Value, member: Option<MemberId>) -> Option<Quick> {
        Some(match (value, member) {
            (Value::Bool(b), None) => Quick::Bool(*b),
            (Value::Count(n), None) => Quick::Count(*n),
            (Value::Percent(p), None) => Quick::Percent(*p),
            (Value::Date(d), None) => Quick::Date(*d),
            (Value::Set(s), Some(m)) => Quick::Bool(s.has(m)),
            (Value::Tally(t), Some(m)) => Quick::Count(t.count(m)),
            (Value::Tally(t), None) => Quick::Count(t.total()),
            (Value::Discretion { score, .. }, None) => Quick::Number(*score),
            (Value::Number(n), None) => Quick::Number(*n),
            _ => return None,
        })
    }

    /// A literal of the rule file.
    pub(crate) fn literal(l: &Literal) -> Quick {
        match *l {
            Literal::Number(n) => Quick::Number(n),
            Literal::Percent(p) => Quick::Percent(p),
            Literal::Date(d) => Quick::Date(Some(d)),
            Literal::Bool(b) => Quick::Bool(b),
        }
    }

    /// The value as a [`Scalar`].
    fn scalar(self) -> Scalar {
        match self {
            Quick::Bool(b) => Scalar::Bool(b),
            Quick::Count(n) => Scalar::Number(n.into()),
            Quick::Number(n) => Scalar::Number(n),
            Quick::Percent(p) => Scalar::Percent(p),
            Quick::Date(d) => Scalar::Date(d),
        }
    }

    fn compare(self, other: Quick) -> Option<Ordering> {
        match (self, other) {
            (Quick::Bool(a), Quick::Bool(b)) => Some(a.cmp(&b)),
            (Quick::Count(a), Quick::Count(b)) => Some(a.cmp(&b)),
            (Quick::Count(a), Quick::Number(b)) => Some(count_cmp(a, b)),
            (Quick::Number(a), Quick::Count(b)) => Some(count_cmp(b, a).reverse()),
            (Quick::Number(a), Quick::Number(b)) => Some(a.cmp(&b)),
            (Quick::Percent(a), Quick::Percent(b)) => Some(a.cmp(&b)),
            // A date never given (the thing was never done) compares with nothing.
            (Quick::Date(Some(a)), Quick::Date(Some(b))) => Some(a.cmp(&b)),
            _ => None,
        }
    }

    /// Whether `left op right` holds; a side without a value (a fact not given) or
    /// values of different kinds never do.
    pub(crate) fn compared(left: Option<Quick>, op: CompareOp, right: Option<Quick>) -> bool {
        match (left, right) {
            (Some(l), Some(r)) => l.compare(r).is_some_and(|o| op.holds(o)),
            _ => false,
        }
    }
}

/// A count compared with a decimal number as the decimal it is: a number written
/// without decimals (the literals of a rule file, mostly) is its mantissa, compared as
/// an integer; any other is compared as a decimal.
#[inline]
fn count_cmp(count: u64, n: Decimal) -> Ordering {
    if n.scale() == 0 {
        i128::from(count).cmp(&n.mantissa())
    } else {
        Decimal::from(count).cmp(&n)
    }
}

fn operand(o: &Operand, facts: &Facts, calendar: Option<&Calendar>) -> Result<Option<Quick>, Halt> {
    Ok(match o {
        Operand::Arith(a) => match measure(a, facts, calendar)? {
            Some(m) => Some(m.quick(a.span)?),
            None => None,
        },
        Operand::Fact(p) => quick_value(p, facts),
        Operand::Literal(l) => Some(Quick::literal(&l.node)),
        Operand::Periods { fact, over, .. } => match value_of(fact, facts) {
            Some(Value::Periods(list)) => {
                Some(Quick::Count(periods::count_over(list, over, calendar)?))
            }
            _ => None,
        },
    })
}

/// The value of `fact` or `fact[member]` as conditions compare it.
#[inline]
pub(crate) fn quick_value(path: &FactPath, facts: &Facts) -> Option<Quick> {
    Quick::of(value_of(path, facts)?, path.member_id)
}

/// The value of `fact` or `fact[member]` as a scalar.
pub fn path_value(path: &FactPath, facts: &Facts) -> Option<Scalar> {
    quick_value(path, facts).map(Quick::scalar)
}

/// The value at a slot, as [`value_of`] reads it.
#[inline]
/// When a condition is a count of the periods of a `periods` fact past a limit compared
/// with a number (`申请 over 20 workdays >= 1`), the periods past the limit, each
/// described, and the limit; `None` for any other condition. The trace names them.
pub fn late<'c>(
    cond: &'c Condition,
    facts: &Facts,
    calendar: Option<&Calendar>,
) -> Result<Option<(Vec<periods::Late>, &'c Over)>, Halt> {
    let ConditionKind::Compare {
        left: Operand::Periods { fact, over, .. },
        right: Operand::Literal(_),
        ..
    } = &cond.kind
    else {
        return Ok(None);
    };
    match value_of(fact, facts) {
        Some(Value::Periods(list)) => Ok(Some((periods::over(list, over, calendar)?, over))),
        _ => Ok(None),
    }
}

pub(crate) fn value_at(slot: usize, facts: &Facts) -> Option<&Value> {
    facts.get(slot)?.as_ref().map(|f| &f.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_compare_with_numbers_as_decimals_do() {
        let numbers = [
            Decimal::new(25, 1),
            Decimal::new(10, 0),
            Decimal::new(100, 1),
            Decimal::new(-1, 0),
            Decimal::new(0, 0),
            Decimal::new(i64::MAX, 0),
            Decimal::from(u64::MAX),
            Decimal::MAX,
            Decimal::MIN,
        ];
        for count in [0u64, 2, 3, 10, 11, u64::MAX] {
            for n in numbers {
                for op in [CompareOp::Lt, CompareOp::Ge, CompareOp::Eq, CompareOp::Ne] {
                    let literal = Some(Quick::literal(&Literal::Number(n)));
                    let fast = Quick::compared(Some(Quick::Count(count)), op, literal);
                    let slow = op.holds(Decimal::from(count).cmp(&n));
                    assert_eq!(fast, slow, "{count} {} {n}", op.symbol());
                    let fast = Quick::compared(literal, op, Some(Quick::Count(count)));
                    let slow = op.holds(n.cmp(&Decimal::from(count)));
                    assert_eq!(fast, slow, "{n} {} {count}", op.symbol());
                }
            }
        }
        // Numbers of different kinds never compare.
        let percent = Some(Quick::Percent(Decimal::new(4, 0)));
        assert!(!Quick::compared(
            Some(Quick::Count(4)),
            CompareOp::Eq,
            percent
        ));
    }
}
