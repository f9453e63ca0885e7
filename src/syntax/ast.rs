//! The abstract syntax tree of a `.rule` file, as written, with byte spans.
//!
//! Nothing here is checked beyond what the grammar guarantees: names are not yet
//! resolved and points not yet added up. `crate::check` does that.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::span::{Span, Spanned};

/// A whole rule file.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub settings: Vec<Setting>,
    pub nodes: Vec<Node>,
}

/// One header line, such as `total 100`.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    pub kind: SettingKind,
    pub span: Span,
    pub keyword: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SettingKind {
    Rubric(Spanned<String>),
    Source(Spanned<String>),
    Total(Spanned<Decimal>),
    Year(Spanned<i32>),
    Round {
        places: Spanned<u32>,
        mode: Option<Spanned<RoundingMode>>,
    },
}

/// How a prorated total is rounded (`round 2 half-up`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoundingMode {
    HalfUp,
    HalfEven,
    Up,
    Down,
}

impl RoundingMode {
    pub fn keyword(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half-up",
            RoundingMode::HalfEven => "half-even",
            RoundingMode::Up => "up",
            RoundingMode::Down => "down",
        }
    }
}

/// A section (一级指标, or deeper) or an item (the scored, lowest level).
// Nodes are built once per file and never moved in bulk; boxing would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Section(Section),
    Item(Item),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub name: Spanned<String>,
    pub points: Spanned<Decimal>,
    pub texts: Vec<Spanned<String>>,
    pub notes: Vec<Spanned<String>>,
    pub children: Vec<Node>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub name: Spanned<String>,
    pub points: Spanned<Decimal>,
    pub texts: Vec<Spanned<String>>,
    pub notes: Vec<Spanned<String>>,
    pub facts: Vec<FactDecl>,
    pub start: Option<Spanned<Decimal>>,
    pub applicable_unless: Option<Condition>,
    pub clauses: Vec<Clause>,
    pub span: Span,
}

/// `fact 未标记失效文件 count "对已废止或失效的文件未进行标记的条数"`.
#[derive(Debug, Clone, PartialEq)]
pub struct FactDecl {
    pub name: Spanned<String>,
    pub ty: Spanned<FactType>,
    pub description: Option<Spanned<String>>,
    pub default: Option<Spanned<Literal>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FactType {
    Bool,
    /// A count of findings; `count max 2` for a sample of two.
    Count {
        max: Option<Spanned<u64>>,
    },
    Percent,
    Date,
    /// Which members of an enumeration are present.
    Set(Vec<Member>),
    /// A count for each member of an enumeration.
    Tally(Vec<Member>),
}

impl FactType {
    /// The type's name as a reader sees it in messages.
    pub fn describe(&self) -> &'static str {
        match self {
            FactType::Bool => "bool",
            FactType::Count { .. } => "count",
            FactType::Percent => "percent",
            FactType::Date => "date",
            FactType::Set(_) => "set",
            FactType::Tally(_) => "tally",
        }
    }

    pub fn members(&self) -> Option<&[Member]> {
        match self {
            FactType::Set(m) | FactType::Tally(m) => Some(m),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub name: Spanned<String>,
    pub description: Option<Spanned<String>>,
}

/// A scoring clause with its effect and modifiers.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub kind: ClauseKind,
    pub effect: Spanned<Effect>,
    pub floor: Option<Spanned<Decimal>>,
    pub max: Option<Spanned<Decimal>>,
    pub unless: Option<Condition>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClauseKind {
    /// `if COND EFFECT`: the effect once when the condition holds.
    If(Condition),
    /// `per FACT EFFECT`: the effect once per finding, member or member of a tally.
    Per {
        fact: FactPath,
        except: Vec<Spanned<String>>,
    },
    /// `missing FACT EFFECT`: the effect once per enumerated member absent from a set.
    Missing {
        fact: FactPath,
        except: Vec<Spanned<String>>,
    },
    /// `deadline FACT by DATE EFFECT`: the effect when the date is later, or absent.
    Deadline {
        fact: FactPath,
        by: Spanned<NaiveDate>,
    },
}

impl ClauseKind {
    pub fn keyword(&self) -> &'static str {
        match self {
            ClauseKind::If(_) => "if",
            ClauseKind::Per { .. } => "per",
            ClauseKind::Missing { .. } => "missing",
            ClauseKind::Deadline { .. } => "deadline",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Effect {
    /// `zero` (不得分): the item scores 0 whatever else applies.
    Zero,
    /// `-2`, `+1`: points added or taken.
    Points(Decimal),
    /// `-50% of points` or `-50% of score`.
    Percent { percent: Decimal, base: PercentBase },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentBase {
    /// The item's full points, as written in the file.
    Points,
    /// The item's score as it stands when the clause applies.
    Score,
}

/// A reference to a fact, or to one member of a tally: `通报[省府办]`.
#[derive(Debug, Clone, PartialEq)]
pub struct FactPath {
    pub fact: Spanned<String>,
    pub member: Option<Spanned<String>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub kind: ConditionKind,
    pub span: Span,
}

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
}

impl Operand {
    pub fn span(&self) -> Span {
        match self {
            Operand::Fact(p) => p.span,
            Operand::Literal(l) => l.span,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Number(Decimal),
    Percent(Decimal),
    Date(NaiveDate),
    Bool(bool),
}

impl Literal {
    pub fn describe(&self) -> &'static str {
        match self {
            Literal::Number(_) => "number",
            Literal::Percent(_) => "percent",
            Literal::Date(_) => "date",
            Literal::Bool(_) => "bool",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl CompareOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
            CompareOp::Eq => "=",
            CompareOp::Ne => "!=",
        }
    }

    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
        }
    }
}
