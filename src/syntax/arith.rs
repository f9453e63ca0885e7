//! Arithmetic between facts and literals (`公开数 / 应公开数 - 130%`): the tree, shared
//! by the syntax tree and the model (each with its own leaves), and the typing rules.
//!
//! A value of an expression is a decimal of one of two kinds ([`NumKind`]): a number
//! (a count, a `number`, a discretionary score, a plain literal) or a percentage. A
//! percentage is the fraction it stands for (150% is 1.5), so the arithmetic itself
//! is plain decimal arithmetic; the kind says only how the value is compared and
//! shown. docs/language.md ("Numbers and arithmetic") gives the rules and why.

use crate::span::{Span, Spanned};

/// The most operators one expression may hold: every walk over an expression recurses
/// once per operator, so this bounds the stack with the nesting of brackets.
pub const MAX_OPERATORS: usize = 64;

/// An arithmetic expression whose leaves are `L` (a fact, a literal, periods over a
/// limit).
#[derive(Debug, Clone, PartialEq)]
pub struct Arith<L> {
    pub kind: ArithKind<L>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ArithKind<L> {
    /// A fact, a literal, or periods counted.
    Leaf(L),
    /// `left op right`.
    Binary {
        op: Spanned<ArithOp>,
        left: Box<Arith<L>>,
        right: Box<Arith<L>>,
    },
}

/// An operator of arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl ArithOp {
    /// The operator as the formatter writes it.
    pub fn symbol(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
        }
    }

    /// The operator as a Chinese sentence writes it.
    pub fn zh(self) -> &'static str {
        match self {
            ArithOp::Add => "加",
            ArithOp::Sub => "减",
            ArithOp::Mul => "乘以",
            ArithOp::Div => "除以",
        }
    }
}

/// The kind of a number: what it may be compared with and added to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// A count, a `number`, a discretionary score, a plain literal.
    Number,
    /// A percentage (a `percent` fact, a literal `30%`, a ratio of two numbers).
    Percent,
}

impl NumKind {
    pub fn word(self) -> &'static str {
        match self {
            NumKind::Number => "number",
            NumKind::Percent => "percent",
        }
    }

    /// The kind of `left op right`, or `None` when the two cannot be combined (a
    /// number and a percentage added). Dividing by a plain number (`/ 4`) keeps the
    /// kind (an average, a share); a number divided by another is a ratio, a
    /// percentage (`公开数 / 应公开数`).
    pub fn of(op: ArithOp, left: NumKind, right: NumKind, right_plain: bool) -> Option<NumKind> {
        use NumKind::*;
        match op {
            ArithOp::Add | ArithOp::Sub => (left == right).then_some(left),
            ArithOp::Mul => Some(if left == Percent && right == Percent {
                Percent
            } else {
                Number
            }),
            ArithOp::Div if right_plain => Some(left),
            ArithOp::Div => Some(match (left, right) {
                (Number, Percent) => Number,
                _ => Percent,
            }),
        }
    }
}

impl<L> Arith<L> {
    /// The leaves, left to right.
    pub fn leaves(&self) -> Vec<&L> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(a) = stack.pop() {
            match &a.kind {
                ArithKind::Leaf(l) => out.push(l),
                ArithKind::Binary { left, right, .. } => {
                    stack.push(right);
                    stack.push(left);
                }
            }
        }
        out
    }

    /// The same tree with every leaf mapped; `None` when a leaf maps to none.
    pub fn try_map<M>(&self, f: &mut impl FnMut(&L) -> Option<M>) -> Option<Arith<M>> {
        Some(Arith {
            kind: match &self.kind {
                ArithKind::Leaf(l) => ArithKind::Leaf(f(l)?),
                ArithKind::Binary { op, left, right } => ArithKind::Binary {
                    op: op.clone(),
                    left: Box::new(left.try_map(f)?),
                    right: Box::new(right.try_map(f)?),
                },
            },
            span: self.span,
        })
    }

    /// The expression written out, each leaf by `leaf`, brackets where the operators'
    /// precedence needs them.
    pub fn write(&self, leaf: &mut impl FnMut(&L) -> String) -> String {
        match &self.kind {
            ArithKind::Leaf(l) => leaf(l),
            ArithKind::Binary { op, left, right } => {
                let tight = |a: &Arith<L>| match &a.kind {
                    ArithKind::Binary { op: inner, .. } => {
                        matches!(inner.node, ArithOp::Add | ArithOp::Sub)
                    }
                    ArithKind::Leaf(_) => false,
                };
                let strong = matches!(op.node, ArithOp::Mul | ArithOp::Div);
                let mut l = left.write(leaf);
                if strong && tight(left) {
                    l = format!("({l})");
                }
                let mut r = right.write(leaf);
                let right_binary = matches!(right.kind, ArithKind::Binary { .. });
                let needs = match op.node {
                    ArithOp::Add => false,
                    ArithOp::Sub | ArithOp::Mul => tight(right),
                    ArithOp::Div => right_binary,
                };
                if needs {
                    r = format!("({r})");
                }
                format!("{l} {} {r}", op.node.symbol())
            }
        }
    }

    /// The leaf, when the expression is only one.
    pub fn leaf(&self) -> Option<&L> {
        match &self.kind {
            ArithKind::Leaf(l) => Some(l),
            ArithKind::Binary { .. } => None,
        }
    }
}
