//! Arithmetic on a unit's facts: the value of an expression (`公开数 / 应公开数`),
//! exactly, and why it has none (a divisor of 0, a value too large for a decimal).
//!
//! A percentage is the fraction it stands for (150% is 1.5), so the arithmetic is plain
//! decimal arithmetic; the expression's kind ([`NumKind`]) says how its value is
//! compared and shown. A quotient that does not end (1 / 3) is rounded to the 28
//! significant digits a decimal holds.

use rust_decimal::Decimal;

use super::condition::{value_of, Quick};
use super::periods::{self, Uncovered};
use super::{Facts, Value};
use crate::calendar::Calendar;
use crate::model::{Arith, ArithKind, ArithOp, Literal, NumKind, Operand};
use crate::span::Span;

/// Why a condition or a clause cannot be worked out for a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Halt {
    /// Working days in a year the calendar does not list.
    Uncovered(Uncovered),
    /// A division by 0: the division's span.
    ZeroDivisor(Span),
    /// A value too large for a decimal: the operation's span.
    Overflow(Span),
}

impl From<Uncovered> for Halt {
    fn from(u: Uncovered) -> Halt {
        Halt::Uncovered(u)
    }
}

/// The value of an expression: a decimal (a percentage as its fraction) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measured {
    pub value: Decimal,
    pub kind: NumKind,
}

impl Measured {
    /// The value as a condition compares it: a percentage as its number of percent.
    pub(crate) fn quick(self, span: Span) -> Result<Quick, Halt> {
        Ok(match self.kind {
            NumKind::Number => Quick::Number(self.value),
            NumKind::Percent => Quick::Percent(
                self.value
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .ok_or(Halt::Overflow(span))?,
            ),
        })
    }

    /// The value as a reader sees it: `150%`, `12.5`.
    pub fn shown(self) -> String {
        match self.kind {
            NumKind::Number => self.value.normalize().to_string(),
            NumKind::Percent => match self.value.checked_mul(Decimal::ONE_HUNDRED) {
                Some(p) => format!("{}%", p.round_dp(4).normalize()),
                None => self.value.normalize().to_string(),
            },
        }
    }
}

/// The value of an expression on a unit's facts; `None` when a fact it reads is not
/// given (an item that is not applicable). The rubric has been checked, so every
/// leaf is a number or a percentage, and every expression's kinds combine.
pub fn measure(
    expr: &Arith<Operand>,
    facts: &Facts,
    calendar: Option<&Calendar>,
) -> Result<Option<Measured>, Halt> {
    match &expr.kind {
        ArithKind::Leaf(leaf) => leaf_value(leaf, facts, calendar),
        ArithKind::Binary { op, left, right } => {
            let Some(l) = measure(left, facts, calendar)? else {
                return Ok(None);
            };
            let Some(r) = measure(right, facts, calendar)? else {
                return Ok(None);
            };
            let plain = matches!(
                &right.kind,
                ArithKind::Leaf(Operand::Literal(l)) if matches!(l.node, Literal::Number(_))
            );
            let kind = NumKind::of(op.node, l.kind, r.kind, plain).unwrap_or(NumKind::Number);
            let value = match op.node {
                ArithOp::Add => l.value.checked_add(r.value),
                ArithOp::Sub => l.value.checked_sub(r.value),
                ArithOp::Mul => l.value.checked_mul(r.value),
                ArithOp::Div if r.value.is_zero() => return Err(Halt::ZeroDivisor(expr.span)),
                ArithOp::Div => l.value.checked_div(r.value),
            }
            .ok_or(Halt::Overflow(expr.span))?;
            Ok(Some(Measured {
                value: value.normalize(),
                kind,
            }))
        }
    }
}

fn leaf_value(
    leaf: &Operand,
    facts: &Facts,
    calendar: Option<&Calendar>,
) -> Result<Option<Measured>, Halt> {
    let number = |value: Decimal| Measured {
        value,
        kind: NumKind::Number,
    };
    Ok(match leaf {
        Operand::Literal(l) => match l.node {
            Literal::Number(n) => Some(number(n)),
            Literal::Percent(p) => Some(percent(p)),
            _ => None,
        },
        Operand::Fact(path) => {
            let Some(value) = value_of(path, facts) else {
                return Ok(None);
            };
            match Quick::of(value, path.member_id) {
                Some(Quick::Count(n)) => Some(number(Decimal::from(n))),
                Some(Quick::Number(n)) => Some(number(n)),
                Some(Quick::Percent(p)) => Some(percent(p)),
                _ => None,
            }
        }
        Operand::Periods { fact, over, .. } => match value_of(fact, facts) {
            Some(Value::Periods(list)) => Some(number(Decimal::from(periods::count_over(
                list, over, calendar,
            )?))),
            _ => None,
        },
        Operand::Arith(inner) => measure(inner, facts, calendar)?,
    })
}

/// A percentage as the fraction it stands for.
fn percent(p: Decimal) -> Measured {
    Measured {
        value: p / Decimal::ONE_HUNDRED,
        kind: NumKind::Percent,
    }
}

/// How many whole steps a quantity holds: none when it is 0 or less.
pub fn steps(quantity: Decimal, step: Decimal) -> u64 {
    use rust_decimal::prelude::ToPrimitive;
    if quantity <= Decimal::ZERO || step <= Decimal::ZERO {
        return 0;
    }
    quantity
        .checked_div(step)
        .map(|q| q.floor())
        .and_then(|q| q.to_u64())
        .unwrap_or(u64::MAX)
        .min(super::value::MAX_COUNT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn steps_count_whole_steps_and_none_below_zero() {
        // 150% - 130% = 20%: one step of 20%; 19.99% none; 59% two.
        assert_eq!(steps(d("0.2"), d("0.2")), 1);
        assert_eq!(steps(d("0.1999"), d("0.2")), 0);
        assert_eq!(steps(d("0.59"), d("0.2")), 2);
        assert_eq!(steps(d("-0.4"), d("0.2")), 0);
        assert_eq!(steps(Decimal::ZERO, d("0.2")), 0);
    }

    #[test]
    fn percentages_show_as_percent_and_numbers_as_numbers() {
        let p = Measured {
            value: d("1.5"),
            kind: NumKind::Percent,
        };
        assert_eq!(p.shown(), "150%");
        let n = Measured {
            value: d("12.50"),
            kind: NumKind::Number,
        };
        assert_eq!(n.shown(), "12.5");
    }
}
