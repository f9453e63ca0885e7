//! Arithmetic in words: an expression as the table would write it
//! (`公开数÷应公开数−130%`) and, when the step read its facts, its value.

use rust_decimal::Decimal;

use super::words::Words;
use crate::evidence::arith::Measured;
use crate::model::{Arith, ArithKind, ArithOp, Literal, NumKind, Operand};
use crate::tr;

impl Words<'_> {
    /// An expression in the signs a Chinese table writes (`× ÷ −`), each fact by its
    /// name.
    pub fn arith(&self, a: &Arith<Operand>) -> String {
        a.write(&mut |leaf: &Operand| match leaf {
            Operand::Fact(p) => p.text(),
            Operand::Periods { fact, .. } => fact.text(),
            Operand::Literal(l) => l.node.text(),
            Operand::Arith(inner) => self.arith(inner),
        })
        .replace(" * ", "×")
        .replace(" / ", "÷")
        .replace(" - ", "−")
        .replace(" + ", "+")
    }

    /// An expression with its value, when the step read every fact it reads:
    /// `公开数÷应公开数为150%`.
    pub fn arith_with_value(&self, a: &Arith<Operand>) -> String {
        let what = self.arith(a);
        match self.arith_value(a) {
            Some(m) => tr!(self.lang, "narr-value", subject = what, value = m.shown()),
            None => what,
        }
    }

    /// The value of an expression from the values the step read.
    fn arith_value(&self, a: &Arith<Operand>) -> Option<Measured> {
        match &a.kind {
            ArithKind::Leaf(Operand::Literal(l)) => match l.node {
                Literal::Number(n) => Some(Measured {
                    value: n,
                    kind: NumKind::Number,
                }),
                Literal::Percent(p) => Some(Measured {
                    value: p / Decimal::ONE_HUNDRED,
                    kind: NumKind::Percent,
                }),
                _ => None,
            },
            ArithKind::Leaf(Operand::Fact(p)) => {
                let text = self.value(p)?;
                let text = text.split_whitespace().next()?;
                match text.strip_suffix('%') {
                    Some(p) => Some(Measured {
                        value: p.parse::<Decimal>().ok()? / Decimal::ONE_HUNDRED,
                        kind: NumKind::Percent,
                    }),
                    None => Some(Measured {
                        value: text.parse().ok()?,
                        kind: NumKind::Number,
                    }),
                }
            }
            ArithKind::Leaf(Operand::Arith(inner)) => self.arith_value(inner),
            ArithKind::Leaf(Operand::Periods { .. }) => None,
            ArithKind::Binary { op, left, right } => {
                let (l, r) = (self.arith_value(left)?, self.arith_value(right)?);
                let plain = matches!(
                    &right.kind,
                    ArithKind::Leaf(Operand::Literal(l)) if matches!(l.node, Literal::Number(_))
                );
                let value = match op.node {
                    ArithOp::Add => l.value.checked_add(r.value),
                    ArithOp::Sub => l.value.checked_sub(r.value),
                    ArithOp::Mul => l.value.checked_mul(r.value),
                    ArithOp::Div => l.value.checked_div(r.value),
                }?;
                Some(Measured {
                    value: value.normalize(),
                    kind: NumKind::of(op.node, l.kind, r.kind, plain)?,
                })
            }
        }
    }
}
