//! Clauses, and the references to facts they make.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Arith, Condition, Effect, FactId, Literal, MemberId, Operand, Over};
use crate::span::{Span, Spanned};

/// A scoring clause with its effect and modifiers.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub kind: ClauseKind,
    pub effect: Spanned<Effect>,
    pub floor: Option<Spanned<Decimal>>,
    pub max: Option<Spanned<Decimal>>,
    pub unless: Option<Condition>,
    /// The clause as written: its line and text are what the trace shows.
    pub span: Span,
}

// Clauses are built once per rubric and read in place; boxing the condition would only
// add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum ClauseKind {
    /// `if COND EFFECT`: the effect once when the condition holds.
    If(Condition),
    /// `per FACT EFFECT`: the effect once per finding, member or member of a tally, per
    /// period longer than `over`, or times a discretionary score.
    Per {
        fact: FactPath,
        /// The members after `except`, as written (for what reports show).
        except: Vec<Spanned<String>>,
        /// The same members, each by its place in the set's list (what scoring reads).
        excepted: Vec<MemberId>,
        over: Option<Over>,
    },
    /// `missing FACT EFFECT`: the effect once per enumerated member absent from a set.
    Missing {
        fact: FactPath,
        except: Vec<Spanned<String>>,
        excepted: Vec<MemberId>,
    },
    /// `deadline FACT by DATE EFFECT`, or `… late EFFECT never EFFECT` (the clause's
    /// `effect` is then the one for late, `never` the one for never done).
    Deadline {
        fact: FactPath,
        by: Spanned<NaiveDate>,
        never: Option<Spanned<Effect>>,
        /// The further dates of `deadline {A, B} by …`, after the first (`fact`): the
        /// clause takes `never` when any of them is absent, else `late` once when any
        /// is after the day. Empty for one date.
        more: Vec<FactPath>,
    },
    /// `if COND give FACT` (在2分内酌情给分), or `give FACT` alone (根据实际情况评分): the
    /// part is worth the discretionary fact's `max`, and scores what the assessor gave.
    /// The clause's effect is `-1` for each point withheld (`max` − given), so that
    /// `floor`, `max` and the range analysis read it as any deduction.
    Give {
        condition: Option<Condition>,
        fact: FactPath,
    },
    /// `per (EXPR) step STEP EFFECT`: the effect once per whole step the quantity
    /// holds (none when it is 0 or less); without `step`, the effect times the
    /// quantity.
    Quantity {
        quantity: Arith<Operand>,
        step: Option<Spanned<Literal>>,
    },
}

impl ClauseKind {
    pub fn keyword(&self) -> &'static str {
        match self {
            ClauseKind::If(_) => "if",
            ClauseKind::Per { .. } => "per",
            ClauseKind::Missing { .. } => "missing",
            ClauseKind::Deadline { .. } => "deadline",
            ClauseKind::Give { .. } => "give",
            ClauseKind::Quantity { .. } => "per",
        }
    }
}

/// A resolved reference to a fact, or to one member of a set or tally: `通报[省府办]`.
/// Scoring reads the fact by `id` and the member by `member_id`; the names are kept
/// for what reports, the trace and messages show.
#[derive(Debug, Clone, PartialEq)]
pub struct FactPath {
    /// The fact named.
    pub id: FactId,
    /// The member named, by its place in the fact's list.
    pub member_id: Option<MemberId>,
    pub fact: Spanned<String>,
    pub member: Option<Spanned<String>>,
    pub span: Span,
}

impl FactPath {
    /// The path as the rule file writes it: `通报[省府办]`.
    pub fn text(&self) -> String {
        match &self.member {
            Some(m) => format!("{}[{}]", self.fact.node, m.node),
            None => self.fact.node.clone(),
        }
    }
}
