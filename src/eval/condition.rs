//! Conditions compiled for the scorer: each fact by its slot, each member by its
//! name, each literal as the scalar it is compared as ([`Test`]). A compiled condition
//! holds exactly when [`holds`] holds on the condition it was compiled from: both read
//! values through the same [`Quick`] scalars.

use crate::calendar::Calendar;
use crate::evidence::arith::{measure, Halt};
use crate::evidence::condition::{member_name, slot_of, value_at, Quick};
use crate::evidence::periods::{self, Late};
use crate::evidence::{Facts, Value};
use crate::model::*;

#[cfg(doc)]
use crate::evidence::condition::holds;

/// A condition compiled once per rubric for the scorer: each fact by its slot, each
/// member by its name, each literal as the scalar it is compared as. It holds exactly
/// when [`holds`] holds on the condition it was compiled from, and fails alike.
#[derive(Debug)]
pub(super) enum Test<'r> {
    /// A bool fact, the commonest condition: it holds when the value is `true`.
    Bool(usize),
    Fact {
        slot: usize,
        member: Option<&'r str>,
    },
    Not(Box<Test<'r>>),
    And(Vec<Test<'r>>),
    Or(Vec<Test<'r>>),
    Compare {
        left: Side<'r>,
        op: CompareOp,
        right: Side<'r>,
    },
}

/// One side of a compiled comparison.
#[derive(Debug)]
pub(super) enum Side<'r> {
    Fact {
        slot: usize,
        member: Option<&'r str>,
    },
    Literal(Quick),
    Periods {
        slot: usize,
        over: &'r Over,
    },
    /// Arithmetic, worked out as [`measure`] works it out.
    Arith(&'r Arith<Operand>),
}

impl<'r> Test<'r> {
    /// Compiles a condition of the tree. The nesting is bounded by the syntax stage's
    /// depth check, as [`holds`]'s recursion is.
    pub(super) fn compile(cond: &'r Condition) -> Test<'r> {
        match &cond.kind {
            // A fact without a member holds only on the value `true`, whatever its type.
            ConditionKind::Fact(path) if path.member.is_none() => Test::Bool(slot_of(path)),
            ConditionKind::Fact(path) => Test::Fact {
                slot: slot_of(path),
                member: member_name(path),
            },
            ConditionKind::Not(inner) => Test::Not(Box::new(Test::compile(inner))),
            ConditionKind::And(parts) => Test::And(parts.iter().map(Test::compile).collect()),
            ConditionKind::Or(parts) => Test::Or(parts.iter().map(Test::compile).collect()),
            ConditionKind::Compare { left, op, right } => Test::Compare {
                left: Side::compile(left),
                op: op.node,
                right: Side::compile(right),
            },
        }
    }

    /// Whether the condition holds on a unit's facts, as [`holds`] says.
    pub(super) fn holds(&self, facts: &Facts, calendar: Option<&Calendar>) -> Result<bool, Halt> {
        Ok(match self {
            Test::Bool(slot) => matches!(value_at(*slot, facts), Some(Value::Bool(true))),
            Test::Fact { slot, member } => matches!(
                value_at(*slot, facts).and_then(|v| Quick::of(v, *member)),
                Some(Quick::Bool(true))
            ),
            Test::Not(inner) => !inner.holds(facts, calendar)?,
            Test::And(parts) => {
                for p in parts {
                    if !p.holds(facts, calendar)? {
                        return Ok(false);
                    }
                }
                true
            }
            Test::Or(parts) => {
                for p in parts {
                    if p.holds(facts, calendar)? {
                        return Ok(true);
                    }
                }
                false
            }
            Test::Compare { left, op, right } => {
                let left = left.value(facts, calendar)?;
                let right = right.value(facts, calendar)?;
                Quick::compared(left, *op, right)
            }
        })
    }
}

impl<'r> Test<'r> {
    /// When the condition is a count of the periods of a `periods` fact past a limit
    /// compared with a number (`申请 over 20 workdays >= 1`), the periods past the
    /// limit, each described, and the limit; `None` for any other condition.
    pub(super) fn late(
        &self,
        facts: &Facts,
        calendar: Option<&Calendar>,
    ) -> Result<Option<(Vec<Late>, &'r Over)>, Halt> {
        let Test::Compare {
            left: Side::Periods { slot, over },
            right: Side::Literal(_),
            ..
        } = self
        else {
            return Ok(None);
        };
        match value_at(*slot, facts) {
            Some(Value::Periods(list)) => Ok(Some((periods::over(list, over, calendar)?, over))),
            _ => Ok(None),
        }
    }
}

impl<'r> Side<'r> {
    fn compile(o: &'r Operand) -> Side<'r> {
        match o {
            Operand::Fact(path) => Side::Fact {
                slot: slot_of(path),
                member: member_name(path),
            },
            Operand::Literal(l) => Side::Literal(Quick::literal(&l.node).whole()),
            Operand::Periods { fact, over, .. } => Side::Periods {
                slot: slot_of(fact),
                over,
            },
            Operand::Arith(a) => Side::Arith(a),
        }
    }

    /// The side's value, as [`operand`] gives it.
    fn value(&self, facts: &Facts, calendar: Option<&Calendar>) -> Result<Option<Quick>, Halt> {
        Ok(match self {
            Side::Fact { slot, member } => {
                value_at(*slot, facts).and_then(|v| Quick::of(v, *member))
            }
            Side::Literal(q) => Some(*q),
            Side::Periods { slot, over } => match value_at(*slot, facts) {
                Some(Value::Periods(list)) => {
                    Some(Quick::Count(periods::count_over(list, over, calendar)?))
                }
                _ => None,
            },
            Side::Arith(a) => match measure(a, facts, calendar)? {
                Some(m) => Some(m.quick(a.span)?),
                None => None,
            },
        })
    }
}
