//! The model: a checked rubric in the form evaluation reads it.
//!
//! The checker (`crate::check`) lowers the syntax tree into it once every check has
//! passed: sections with their points and kind, items with their points, `start`,
//! applicability and clauses, and every fact declared numbered across the rubric
//! ([`FactId`]), so that a unit's facts are a vector and every reference to a fact —
//! in a clause or a condition — is that number, resolved once; a member of a set or
//! tally that a reference or an `except` names is its place in the fact's list
//! ([`MemberId`]), which scoring reads instead of the name. Names, texts and byte
//! spans stay where reports and diagnostics show them (an item's criterion text, a
//! clause's line and text for the trace).
//!
//! The leaves — operators, literals, effects, dates, types of facts and their lists of
//! members, rounding modes — are the syntax tree's own types, reused as they are.

mod clause;
mod condition;
mod layout;
mod method;
mod node;
mod reach;

pub use clause::{Clause, ClauseKind, FactPath};
pub use condition::{Condition, ConditionKind, Operand};
pub use layout::{Column, ColumnRole, Layout};
pub use method::Method;
pub use node::{items, items_with_kind, FactDecl, Item, Node, Section};
pub use reach::Reach;

pub use crate::syntax::ast::{
    Arith, ArithKind, ArithOp, CompareOp, DayUnit, Effect, FactType, Literal, Member, Members,
    NumKind, Over, PercentBase, RoundingMode, SectionKind,
};

/// Where a unit's value of a fact is kept: the facts of the whole rubric numbered in
/// the order of the file, from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactId(pub usize);

impl FactId {
    /// The fact's place in a unit's vector of facts.
    #[inline]
    pub fn index(self) -> usize {
        self.0
    }
}

/// A member of a set or tally, by its place in the fact's list of members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MemberId(pub usize);

impl MemberId {
    /// The member's place in its fact's list.
    #[inline]
    pub fn index(self) -> usize {
        self.0
    }
}
