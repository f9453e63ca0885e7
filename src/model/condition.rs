//! Conditions over facts (`if`, `unless`, `applicable unless`).

use super::{Arith, CompareOp, FactPath, Literal, Over};
use crate::span::{Span, Spanned};

#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub kind: ConditionKind,
    pub span: Span,
}

// Conditions are few and built once per rubric; boxing the comparison would only add
// noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum ConditionKind {
    Fact(FactPath),
    Not(Box<Condition>),
    And(Vec<Condition>),
    Or(Vec<Condition>),
    Compare {
        left: Operand,
        op: Spanned<CompareOp>,
        right: Operand,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Fact(FactPath),
    Literal(Spanned<Literal>),
    /// `申请 over 20 workdays`: how many periods are longer than that.
    Periods {
        fact: FactPath,
        over: Over,
        span: Span,
    },
    /// `公开数 / 应公开数`: arithmetic (never a single leaf).
    Arith(Box<Arith<Operand>>),
}

impl Operand {
    pub fn span(&self) -> Span {
        match self {
            Operand::Fact(p) => p.span,
            Operand::Literal(l) => l.span,
            Operand::Periods { span, .. } => *span,
            Operand::Arith(a) => a.span,
        }
    }
}
