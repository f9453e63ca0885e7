//! Arithmetic in an item: the kinds of its expressions, percentages above 100%
//! compared with what may reach them, `per (…) step …`, divisors that are 0 as
//! written or may be 0 with nothing guarding them.

use rust_decimal::Decimal;

use super::{path_text, percent_limit, percent_over, ItemChecker, Kind};
use crate::check::problem::CheckError;
use crate::span::Spanned;
use crate::syntax::ast::*;

/// The kind of number a fact's kind is in arithmetic, if it is a number at all.
pub(super) fn numeric(k: Kind) -> Option<NumKind> {
    match k {
        Kind::Count | Kind::Discretion | Kind::Number => Some(NumKind::Number),
        Kind::Percent => Some(NumKind::Percent),
        _ => None,
    }
}

impl ItemChecker<'_> {
    /// The kind of an expression, or `None` after reporting why it has none.
    pub(super) fn arith(&mut self, a: &Arith<Operand>, _: Option<()>) -> Option<NumKind> {
        match &a.kind {
            ArithKind::Leaf(leaf) => self.arith_leaf(leaf),
            ArithKind::Binary { op, left, right } => {
                let l = self.arith(left, None);
                let r = self.arith(right, None);
                if op.node == ArithOp::Div {
                    if let ArithKind::Leaf(Operand::Literal(lit)) = &right.kind {
                        if matches!(lit.node, Literal::Number(n) | Literal::Percent(n) if n.is_zero())
                        {
                            self.problem(CheckError::ZeroDivisor { span: lit.span });
                            return None;
                        }
                    }
                }
                let (l, r) = (l?, r?);
                let plain = matches!(
                    &right.kind,
                    ArithKind::Leaf(Operand::Literal(Spanned {
                        node: Literal::Number(_),
                        ..
                    }))
                );
                match NumKind::of(op.node, l, r, plain) {
                    Some(k) => Some(k),
                    None => {
                        self.problem(CheckError::ArithMix {
                            span: op.span,
                            left: left.span,
                            right: right.span,
                            op: op.node.symbol(),
                            left_kind: l.word(),
                            right_kind: r.word(),
                        });
                        None
                    }
                }
            }
        }
    }

    fn arith_leaf(&mut self, leaf: &Operand) -> Option<NumKind> {
        let (kind, span, what) = match leaf {
            Operand::Fact(path) => {
                let k = self.path(path)?;
                (numeric(k), path.span, path_text(path))
            }
            Operand::Periods { fact, over, span } => {
                let k = self.path(fact)?;
                if !self.expect_kind(fact, Some(k), &[Kind::Periods], "`over`") {
                    return None;
                }
                self.over(over);
                (Some(NumKind::Number), *span, path_text(fact))
            }
            Operand::Literal(lit) => {
                if let Literal::Date(d) = lit.node {
                    self.date_in_year(d, lit.span);
                }
                let k = match lit.node {
                    Literal::Number(_) => Some(NumKind::Number),
                    Literal::Percent(_) => Some(NumKind::Percent),
                    _ => None,
                };
                (k, lit.span, lit.node.describe().to_string())
            }
            Operand::Arith(a) => return self.arith(a, None),
        };
        if kind.is_none() {
            let word = match leaf {
                Operand::Fact(path) => self
                    .lookup(&path.fact)
                    .map(|f| {
                        if path.member.is_some() {
                            "bool"
                        } else {
                            f.ty.node.describe()
                        }
                    })
                    .unwrap_or("bool"),
                Operand::Literal(lit) => lit.node.describe(),
                _ => "count",
            };
            self.problem(CheckError::ArithKind {
                span,
                what,
                kind: word,
            });
        }
        kind
    }

    /// A percentage above 100% compared with a fact that cannot reach it.
    pub(super) fn percent_literals(&mut self, left: &Operand, right: &Operand) {
        for (side, other) in [(left, right), (right, left)] {
            let Operand::Literal(Spanned {
                node: Literal::Percent(p),
                span,
            }) = side
            else {
                continue;
            };
            if *p <= Decimal::ONE_HUNDRED {
                continue;
            }
            let reachable = match other {
                Operand::Arith(_) => true,
                Operand::Fact(path) => self
                    .lookup(&path.fact)
                    .is_some_and(|f| percent_limit(&f.ty.node) >= *p),
                _ => false,
            };
            if !reachable {
                self.problem(percent_over(*p, *span));
            }
        }
    }

    /// `per (EXPR) step STEP`: the quantity is a number or percentage, the step one of
    /// the same kind above 0.
    pub(super) fn quantity(
        &mut self,
        clause: &Clause,
        quantity: &Arith<Operand>,
        step: &Option<Spanned<Literal>>,
    ) {
        let kind = self.arith(quantity, None);
        if let Some(step) = step {
            let (value, step_kind) = match step.node {
                Literal::Number(n) => (n, NumKind::Number),
                Literal::Percent(p) => (p, NumKind::Percent),
                _ => (Decimal::ONE, NumKind::Number),
            };
            if value <= Decimal::ZERO {
                self.problem(CheckError::StepZero { span: step.span });
            } else if kind.is_some_and(|k| k != step_kind) {
                let k = kind.unwrap_or(NumKind::Number);
                self.problem(CheckError::StepKind {
                    span: step.span,
                    quantity: quantity.span,
                    step: step_kind.word(),
                    kind: k.word(),
                });
            }
        }
        self.divisors(clause, &[quantity]);
    }

    /// Warns of each fact divided by that may be 0 (every number fact may) when no
    /// condition of the item or the clause compares it on its own: the unit would
    /// then be refused for a division by zero.
    pub(super) fn divisors(&mut self, clause: &Clause, expressions: &[&Arith<Operand>]) {
        let mut guards: Vec<&Condition> = Vec::new();
        guards.extend(self.item.applicable_unless.as_ref());
        guards.extend(clause.unless.as_ref());
        if let ClauseKind::If(cond) = &clause.kind {
            guards.push(cond);
        }
        let mut guarded: Vec<&str> = Vec::new();
        for g in guards {
            compared_alone(g, &mut guarded);
        }
        for expr in expressions {
            let mut divisors = Vec::new();
            divisor_facts(expr, false, &mut divisors);
            for path in divisors {
                if guarded.contains(&path.fact.node.as_str()) {
                    continue;
                }
                self.problem(CheckError::UnguardedDivisor {
                    span: path.span,
                    fact: path_text(path),
                });
                guarded.push(path.fact.node.as_str());
            }
        }
    }
}

/// Every operand a condition compares, on either side of each comparison in it.
fn operands(cond: &Condition) -> Vec<&Operand> {
    let mut out = Vec::new();
    let mut stack = vec![cond];
    while let Some(c) = stack.pop() {
        match &c.kind {
            ConditionKind::Fact(_) => {}
            ConditionKind::Not(inner) => stack.push(inner),
            ConditionKind::And(parts) | ConditionKind::Or(parts) => stack.extend(parts.iter()),
            ConditionKind::Compare { left, right, .. } => out.extend([left, right]),
        }
    }
    out
}

/// Every arithmetic expression of a condition.
pub(super) fn expressions(cond: &Condition) -> Vec<&Arith<Operand>> {
    operands(cond)
        .into_iter()
        .filter_map(|o| match o {
            Operand::Arith(a) => Some(a.as_ref()),
            _ => None,
        })
        .collect()
}

/// The facts a condition compares on their own (`应公开数 > 0`).
fn compared_alone<'a>(cond: &'a Condition, out: &mut Vec<&'a str>) {
    out.extend(operands(cond).into_iter().filter_map(|o| match o {
        Operand::Fact(p) => Some(p.fact.node.as_str()),
        _ => None,
    }));
}

/// The facts an expression divides by (anywhere in a divisor).
fn divisor_facts<'a>(a: &'a Arith<Operand>, in_divisor: bool, out: &mut Vec<&'a FactPath>) {
    match &a.kind {
        ArithKind::Leaf(Operand::Fact(p) | Operand::Periods { fact: p, .. }) if in_divisor => {
            out.push(p)
        }
        ArithKind::Leaf(Operand::Arith(inner)) => divisor_facts(inner, in_divisor, out),
        ArithKind::Leaf(_) => {}
        ArithKind::Binary { op, left, right } => {
            divisor_facts(left, in_divisor, out);
            divisor_facts(right, in_divisor || op.node == ArithOp::Div, out);
        }
    }
}

impl ItemChecker<'_> {
    /// A `number` fact's default: 0 or more, and at most its `max`.
    pub(super) fn number_default(&mut self, fact: &FactDecl, default: &Spanned<Literal>) {
        let (FactType::Number { max }, Literal::Number(n)) = (&fact.ty.node, &default.node) else {
            return;
        };
        let limit = max.as_ref().map(|m| m.node);
        if *n < Decimal::ZERO || limit.is_some_and(|m| *n > m) {
            self.problem(CheckError::DefaultNumber {
                span: default.span,
                default: *n,
                max: limit,
            });
        }
    }
}
