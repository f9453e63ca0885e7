//! Quantities of `per`: how many whole steps an expression holds (`per (…) step 20%`),
//! or what it multiplies the effect by (`per (…)`, `per 问题比重`); and the
//! diagnostic of arithmetic that cannot be worked out for a unit.

use rust_decimal::Decimal;

use super::plan::Times;
use super::problem::EvalError;
use crate::calendar::Calendar;
use crate::check::Rubric;
use crate::diagnostic::Diagnostic;
use crate::evidence::arith::{measure, steps, Halt, Measured};
use crate::evidence::condition::operand_paths;
use crate::evidence::{Facts, Unit, Value};
use crate::model::{self, Arith, Clause, ClauseKind, FactPath, Literal, NumKind, Operand};
use crate::span::Span;

/// A step as written (`20%`, `5`), as the value it is compared with.
pub(super) fn step_of(lit: &Literal) -> Measured {
    match *lit {
        Literal::Percent(p) => Measured {
            value: p / Decimal::ONE_HUNDRED,
            kind: NumKind::Percent,
        },
        Literal::Number(n) => Measured {
            value: n,
            kind: NumKind::Number,
        },
        // The checker admits only numbers and percentages.
        _ => Measured {
            value: Decimal::ONE,
            kind: NumKind::Number,
        },
    }
}

/// A step as a reader sees it, in the kind of its quantity.
pub(super) fn step_shown(step: Measured, quantity: Measured) -> String {
    Measured {
        value: step.value,
        kind: quantity.kind,
    }
    .shown()
}

/// How many times a quantity clause's effect applies, with the quantity; `None` when
/// it does not apply (a fact not given, no whole step, a quantity of 0 or less).
pub(super) fn times(
    quantity: &Arith<Operand>,
    step: Option<Measured>,
    facts: &Facts,
    calendar: Option<&Calendar>,
) -> Result<Option<(Times, Measured)>, Halt> {
    let Some(measured) = measure(quantity, facts, calendar)? else {
        return Ok(None);
    };
    match step {
        Some(step) => {
            let n = steps(measured.value, step.value);
            Ok((n > 0).then_some((Times::Count(n), measured)))
        }
        None if measured.value <= Decimal::ZERO => Ok(None),
        None if measured.value > Decimal::from(crate::evidence::MAX_COUNT) => {
            Err(Halt::Overflow(quantity.span))
        }
        None => Ok(Some((Times::Given(measured.value), measured))),
    }
}

/// What `per` over a `number` or `percent` fact multiplies its effect by (a
/// percentage as its fraction), with the value as shown; `None` for 0.
pub(super) fn proportion(value: &Value, span: Span) -> Result<Option<(Times, String)>, Halt> {
    let (times, shown) = match value {
        Value::Number(n) => (*n, n.normalize().to_string()),
        Value::Percent(p) => (*p / Decimal::ONE_HUNDRED, format!("{}%", p.normalize())),
        _ => return Ok(None),
    };
    if times <= Decimal::ZERO {
        return Ok(None);
    }
    if times > Decimal::from(crate::evidence::MAX_COUNT) {
        return Err(Halt::Overflow(span));
    }
    Ok(Some((Times::Given(times), shown)))
}

/// The facts a quantity clause reads, each once.
pub(super) fn paths(clause: &Clause) -> Vec<&FactPath> {
    let mut out = Vec::new();
    if let ClauseKind::Quantity { quantity, .. } = &clause.kind {
        for leaf in quantity.leaves() {
            operand_paths(leaf, &mut out);
        }
    }
    out.sort_unstable_by(|a, b| a.fact.node.cmp(&b.fact.node));
    out.dedup_by(|a, b| a.fact.node == b.fact.node);
    out
}

/// The diagnostic of arithmetic that cannot be worked out for a unit: the unit, the
/// item and the expression, in the rule file.
pub(super) fn halted(rubric: &Rubric, unit: &Unit, halt: Halt) -> Diagnostic {
    let (span, divides) = match halt {
        Halt::ZeroDivisor(span) => (span, true),
        Halt::Overflow(span) => (span, false),
        Halt::Uncovered(_) => (Span::default(), false),
    };
    let item = model::items(&rubric.nodes)
        .into_iter()
        .find(|i| i.span.start <= span.start && span.end <= i.span.end)
        .map_or_else(String::new, |i| i.name.node.clone());
    let expr = rubric
        .source
        .text()
        .get(span.start..span.end)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let unit = unit.name.clone();
    Diagnostic::from(if divides {
        EvalError::DivideByZero {
            span,
            unit,
            item,
            expr,
        }
    } else {
        EvalError::Overflow {
            span,
            unit,
            item,
            expr,
        }
    })
    .with_source(&rubric.source)
}
