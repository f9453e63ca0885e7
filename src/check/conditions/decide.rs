//! Conditions over an item's facts, decided by trying one value of each class of each
//! fact they read ([`super::domain`]).
//!
//! An item's conditions are compiled into [`Expr`]s over its [`Atoms`]: each fact, set
//! member, tally member or count of periods a condition reads is one atom with its
//! domain. [`Atoms::example`] looks for values of the atoms an expression reads that
//! make it hold: it finds one if any unit's facts can, and says when the combinations
//! to try pass [`LIMIT`] rather than guess.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::domain::{Constants, Domain, Val};
use crate::syntax::ast::*;

/// The most combinations of values tried to decide one question.
pub const LIMIT: usize = 100_000;

/// A condition compiled over an item's atoms.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Const(bool),
    /// A yes-or-no atom: it holds on `true`.
    Atom(usize),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Compare(Side, CompareOp, Side),
}

/// One side of a compiled comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Side {
    Atom(usize),
    Value(Val),
}

/// What a fact reference reads: a fact, one of its members, or its periods over a
/// length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub fact: String,
    pub member: Option<String>,
    pub over: Option<(u32, DayUnit)>,
}

impl Key {
    /// The reference as the rule file writes it.
    pub fn write(&self) -> String {
        let mut out = self.fact.clone();
        if let Some(m) = &self.member {
            out.push_str(&format!("[{m}]"));
        }
        if let Some((n, unit)) = self.over {
            out.push_str(&format!(" over {n} {}", unit.keyword()));
        }
        out
    }
}

/// The facts an item's conditions read, each with its domain and representatives.
#[derive(Debug, Clone, Default)]
pub struct Atoms {
    pub keys: Vec<Key>,
    pub domains: Vec<Domain>,
    values: Vec<Vec<Val>>,
    constants: Constants,
}

/// The answer to "can this hold?".
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// It holds for these values of the atoms (by index; the others are unread).
    Holds(Vec<(usize, Val)>),
    /// No value of the facts makes it hold.
    Never,
    /// More combinations than [`LIMIT`]: not decided.
    TooMany(usize),
}

impl Atoms {
    /// The atoms of an item, with the constants of all its conditions, so that every
    /// comparison of two facts is cut at the same places.
    pub fn of(item: &Item) -> Atoms {
        let mut atoms = Atoms::default();
        let mut conditions: Vec<&Condition> = item.applicable_unless.iter().collect();
        for clause in &item.clauses {
            if let ClauseKind::If(c)
            | ClauseKind::Give {
                condition: Some(c), ..
            } = &clause.kind
            {
                conditions.push(c);
            }
            conditions.extend(clause.unless.iter());
        }
        while let Some(c) = conditions.pop() {
            match &c.kind {
                ConditionKind::Not(inner) => conditions.push(inner),
                ConditionKind::And(parts) | ConditionKind::Or(parts) => conditions.extend(parts),
                ConditionKind::Fact(_) => {}
                ConditionKind::Compare { left, right, .. } => {
                    for side in [left, right] {
                        if let Operand::Literal(l) = side {
                            match l.node {
                                Literal::Number(n) => atoms.constants.numbers.push(n),
                                Literal::Percent(p) => atoms.constants.percents.push(p),
                                Literal::Date(d) => atoms.constants.dates.push(d),
                                Literal::Bool(_) => {}
                            }
                        }
                    }
                }
            }
        }
        atoms
    }

    /// Compiles a condition; `None` when it reads a fact the item does not declare
    /// with a type a condition may read (the type check reports it).
    pub fn compile(&mut self, item: &Item, cond: &Condition) -> Option<Expr> {
        Some(match &cond.kind {
            ConditionKind::Fact(path) => Expr::Atom(self.atom(item, path, None)?),
            ConditionKind::Not(inner) => Expr::Not(Box::new(self.compile(item, inner)?)),
            ConditionKind::And(parts) => Expr::And(
                parts
                    .iter()
                    .map(|p| self.compile(item, p))
                    .collect::<Option<_>>()?,
            ),
            ConditionKind::Or(parts) => Expr::Or(
                parts
                    .iter()
                    .map(|p| self.compile(item, p))
                    .collect::<Option<_>>()?,
            ),
            // A comparison with arithmetic is not cut into classes: it is a yes or no
            // of its own, which may hold or not whatever the other conditions say.
            ConditionKind::Compare { left, op, right }
                if matches!(left, Operand::Arith(_)) || matches!(right, Operand::Arith(_)) =>
            {
                let text = format!("{} {} {}", left.text(), op.node.symbol(), right.text());
                Expr::Atom(self.opaque(text))
            }
            ConditionKind::Compare { left, op, right } => {
                Expr::Compare(self.side(item, left)?, op.node, self.side(item, right)?)
            }
        })
    }

    fn side(&mut self, item: &Item, operand: &Operand) -> Option<Side> {
        Some(match operand {
            Operand::Fact(path) => Side::Atom(self.atom(item, path, None)?),
            Operand::Periods { fact, over, .. } => {
                Side::Atom(self.atom(item, fact, Some((over.count.node, over.unit)))?)
            }
            Operand::Arith(_) => return None,
            Operand::Literal(l) => Side::Value(match l.node {
                Literal::Number(n) => Val::Dec(n),
                Literal::Percent(p) => Val::Pct(p),
                Literal::Date(d) => Val::Date(Some(d)),
                Literal::Bool(b) => Val::Bool(b),
            }),
        })
    }

    /// The index of a yes-or-no atom named by its text, added on first use.
    fn opaque(&mut self, text: String) -> usize {
        let key = Key {
            fact: text,
            member: None,
            over: None,
        };
        if let Some(i) = self.keys.iter().position(|k| *k == key) {
            return i;
        }
        self.values
            .push(Domain::Bool.representatives(&self.constants));
        self.keys.push(key);
        self.domains.push(Domain::Bool);
        self.keys.len() - 1
    }

    /// The index of the atom a path reads, added on first use.
    fn atom(
        &mut self,
        item: &Item,
        path: &FactPath,
        over: Option<(u32, DayUnit)>,
    ) -> Option<usize> {
        let key = Key {
            fact: path.fact.node.clone(),
            member: path.member.as_ref().map(|m| m.node.clone()),
            over,
        };
        if let Some(i) = self.keys.iter().position(|k| *k == key) {
            return Some(i);
        }
        let decl = item.facts.iter().find(|f| f.name.node == key.fact)?;
        let domain = match (&decl.ty.node, &key.member, over) {
            (FactType::Periods { .. } | FactType::Dates, None, Some(_)) => {
                Domain::Count { max: None }
            }
            (_, _, Some(_)) => return None,
            (FactType::Bool, None, _) => Domain::Bool,
            (FactType::Count { max }, None, _) => Domain::Count {
                max: max.as_ref().map(|m| m.node),
            },
            (FactType::Percent { max }, None, _) => Domain::Percent {
                max: max.as_ref().map_or(Decimal::ONE_HUNDRED, |m| m.node),
            },
            (FactType::Number { max }, None, _) => Domain::Discretion {
                max: max
                    .as_ref()
                    .map_or(Decimal::from(1_000_000_000u64), |m| m.node),
            },
            (FactType::Date, None, _) => Domain::Date,
            (FactType::Discretion { max }, None, _) => Domain::Discretion { max: max.node },
            (FactType::Set(_), Some(_), _) => Domain::Bool,
            (FactType::Tally(_), Some(_), _) => Domain::Count { max: None },
            (FactType::Tally(_), None, _) => Domain::Count { max: None },
            _ => return None,
        };
        self.values.push(domain.representatives(&self.constants));
        self.keys.push(key);
        self.domains.push(domain);
        Some(self.keys.len() - 1)
    }

    /// Values of the atoms `expr` reads that make it hold, if there are any.
    pub fn example(&self, expr: &Expr) -> Answer {
        let mut read = Vec::new();
        reads(expr, &mut read);
        read.sort_unstable();
        read.dedup();
        let mut combinations: usize = 1;
        for &a in &read {
            combinations = combinations.saturating_mul(self.values[a].len().max(1));
        }
        if combinations > LIMIT {
            return Answer::TooMany(combinations);
        }
        let mut assignment: Vec<Val> = self
            .values
            .iter()
            .map(|v| v.first().copied().unwrap_or(Val::Bool(false)))
            .collect();
        let mut digits = vec![0usize; read.len()];
        loop {
            for (d, &a) in digits.iter().zip(&read) {
                assignment[a] = self.values[a][*d];
            }
            if eval(expr, &assignment) {
                return Answer::Holds(read.iter().map(|&a| (a, assignment[a])).collect());
            }
            // The next combination, as an odometer turns.
            let mut i = 0;
            loop {
                if i == digits.len() {
                    return Answer::Never;
                }
                digits[i] += 1;
                if digits[i] < self.values[read[i]].len() {
                    break;
                }
                digits[i] = 0;
                i += 1;
            }
        }
    }
}

impl Atoms {
    /// The yes-or-no outcomes of several expressions together, one vector for each
    /// way the facts they read can make them come out (in the order of `exprs`), each
    /// way once and in a fixed order; `None` when the combinations of values to try
    /// pass `limit`.
    ///
    /// Every combination of the representatives of the atoms read is tried, as
    /// [`Atoms::example`] tries them, so the outcomes are exactly those some unit's
    /// facts can produce.
    pub fn outcomes(&self, exprs: &[Expr], limit: usize) -> Option<Vec<Vec<bool>>> {
        let mut read = Vec::new();
        exprs.iter().for_each(|e| reads(e, &mut read));
        read.sort_unstable();
        read.dedup();
        let mut combinations: usize = 1;
        for &a in &read {
            combinations = combinations.saturating_mul(self.values[a].len().max(1));
        }
        if combinations > limit {
            return None;
        }
        let mut assignment: Vec<Val> = self
            .values
            .iter()
            .map(|v| v.first().copied().unwrap_or(Val::Bool(false)))
            .collect();
        let mut digits = vec![0usize; read.len()];
        let mut found: BTreeSet<Vec<bool>> = BTreeSet::new();
        loop {
            for (d, &a) in digits.iter().zip(&read) {
                if let Some(v) = self.values[a].get(*d) {
                    assignment[a] = *v;
                }
            }
            let outcome: Vec<bool> = exprs.iter().map(|e| eval(e, &assignment)).collect();
            found.insert(outcome);
            // The next combination, as an odometer turns.
            let mut i = 0;
            loop {
                if i == digits.len() {
                    return Some(found.into_iter().collect());
                }
                digits[i] += 1;
                if digits[i] < self.values[read[i]].len() {
                    break;
                }
                digits[i] = 0;
                i += 1;
            }
        }
    }
}

/// The atoms an expression reads.
fn reads(expr: &Expr, out: &mut Vec<usize>) {
    match expr {
        Expr::Const(_) => {}
        Expr::Atom(a) => out.push(*a),
        Expr::Not(inner) => reads(inner, out),
        Expr::And(parts) | Expr::Or(parts) => parts.iter().for_each(|p| reads(p, out)),
        Expr::Compare(l, _, r) => {
            for side in [l, r] {
                if let Side::Atom(a) = side {
                    out.push(*a);
                }
            }
        }
    }
}

/// Whether an expression holds when the atoms take these values.
pub fn eval(expr: &Expr, values: &[Val]) -> bool {
    match expr {
        Expr::Const(b) => *b,
        Expr::Atom(a) => values[*a] == Val::Bool(true),
        Expr::Not(inner) => !eval(inner, values),
        Expr::And(parts) => parts.iter().all(|p| eval(p, values)),
        Expr::Or(parts) => parts.iter().any(|p| eval(p, values)),
        Expr::Compare(l, op, r) => {
            let value = |s: &Side| match s {
                Side::Atom(a) => values[*a],
                Side::Value(v) => *v,
            };
            value(l).compare(value(r)).is_some_and(|o| op.holds(o))
        }
    }
}

/// `a and b and …`.
pub fn all(parts: Vec<Expr>) -> Expr {
    Expr::And(parts)
}

/// `not e`.
pub fn not(e: Expr) -> Expr {
    Expr::Not(Box::new(e))
}
