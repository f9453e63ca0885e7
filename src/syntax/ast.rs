//! The abstract syntax tree of a `.rule` file, as written, with byte spans.
//!
//! The tree is pure syntax: what the file says, and where. Nothing here is checked
//! beyond what the grammar guarantees; `crate::check` checks it and lowers it into
//! `crate::model`, where names are resolved, which evaluation reads.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::span::{Span, Spanned};

pub use super::arith::{Arith, ArithKind, ArithOp, NumKind};

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
    /// `total 100`, or `total 100 max 105` when bonus points may lift the total above it.
    Total {
        points: Spanned<Decimal>,
        max: Option<Spanned<Decimal>>,
        /// `min none`: the total may go below 0 (the span is the two words).
        no_min: Option<Span>,
    },
    Year(Spanned<i32>),
    Round {
        places: Spanned<u32>,
        mode: Option<Spanned<RoundingMode>>,
    },
    /// `calendar cn` or `calendar "calendars/cn.toml"`: the holidays working days are
    /// counted with.
    Calendar(CalendarRef),
    /// `draft`: a table still being typed, whose sums are warnings rather than errors.
    Draft,
    /// `columns { level "类别" points "分值" text "考核标准" }`: the table's columns, left
    /// to right, as `render` prints them.
    Columns(Vec<ColumnDecl>),
    /// `methods { 网上考核 80%, 现场考核 20% }`: the methods the items are scored by,
    /// each from its own evidence, and their weights.
    Methods(Vec<MethodDecl>),
}

/// One method of `methods { … }`: its name and its weight in percent.
#[derive(Debug, Clone, PartialEq)]
pub struct MethodDecl {
    pub name: Spanned<String>,
    pub weight: Spanned<Decimal>,
    pub span: Span,
}

/// One column of `columns { … }`: what it holds, its heading, and for the points
/// column whether weights are printed as percentages (`points "权重" percent`).
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnDecl {
    pub role: Spanned<ColumnRole>,
    pub heading: Spanned<String>,
    pub percent: Option<Span>,
    pub span: Span,
}

/// What a column of the table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    /// An indicator level (一级指标, 二级指标, 评估点), the outermost first.
    Level,
    /// The points (分值), or the weights (权重) with `percent`.
    Points,
    /// The criterion text (考核标准, 评分细则); a second `text` column takes each item's
    /// second `text`.
    Text,
}

/// The calendar a rule file names: what the rule says, never read by the checker
/// (`kaohe::calendar::resolve` finds and reads it).
#[derive(Debug, Clone, PartialEq)]
pub enum CalendarRef {
    /// `calendar cn`: a calendar shipped inside kaohe, by its name.
    Builtin(Spanned<String>),
    /// `calendar "calendars/cn.toml"`: a file, relative to the rule file's folder and
    /// inside it.
    File(Spanned<String>),
}

impl CalendarRef {
    /// Where the rule file names the calendar.
    pub fn span(&self) -> crate::span::Span {
        match self {
            CalendarRef::Builtin(name) | CalendarRef::File(name) => name.span,
        }
    }
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

impl Node {
    pub fn name(&self) -> &Spanned<String> {
        match self {
            Node::Section(s) => &s.name,
            Node::Item(i) => &i.name,
        }
    }

    pub fn points(&self) -> &Spanned<Decimal> {
        match self {
            Node::Section(s) => &s.points,
            Node::Item(i) => &i.points,
        }
    }
}

/// What a section's score does to the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// `section`: part of the total; its parts add up to it.
    Regular,
    /// `bonus` (加分项): added on top, at most its points.
    Bonus,
    /// `penalty` (倒扣分): taken off, at most its points.
    Penalty,
}

impl SectionKind {
    pub fn keyword(self) -> &'static str {
        match self {
            SectionKind::Regular => "section",
            SectionKind::Bonus => "bonus",
            SectionKind::Penalty => "penalty",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub name: Spanned<String>,
    /// The points, resolved by the checker when written as a weight.
    pub points: Spanned<Decimal>,
    /// The weight in percent of the parent's points, when written as `30%`.
    pub weight: Option<Decimal>,
    /// `pooled`: its items' deductions may pass their own points, and the section's
    /// score is kept within 0 and its points instead (the word's span).
    pub pooled: Option<Span>,
    /// `none` in place of the points: a bonus or penalty section without a cap (the
    /// word's span); its `points` are then 0.
    pub uncapped: Option<Span>,
    pub texts: Vec<Spanned<String>>,
    pub notes: Vec<Spanned<String>>,
    pub children: Vec<Node>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub name: Spanned<String>,
    /// The points, resolved by the checker when written as a weight.
    pub points: Spanned<Decimal>,
    /// The weight in percent of the parent's points, when written as `50%`.
    pub weight: Option<Decimal>,
    /// `none` in place of the points: a bonus or penalty item without a cap
    /// (每受表彰一次加3分); its `points` are then 0.
    pub uncapped: Option<Span>,
    pub texts: Vec<Spanned<String>>,
    pub notes: Vec<Spanned<String>>,
    pub facts: Vec<FactDecl>,
    pub start: Option<Spanned<Decimal>>,
    pub applicable_unless: Option<Condition>,
    pub clauses: Vec<Clause>,
    /// `allow outside_year`: the checks the author acknowledges for this item, by
    /// name, in the order written.
    pub allows: Vec<Spanned<String>>,
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
    /// A percentage, from 0 to 100% or, with `percent max 200%`, to that.
    Percent {
        max: Option<Spanned<Decimal>>,
    },
    Date,
    /// Which members of an enumeration are present.
    Set(Members),
    /// A count for each member of an enumeration.
    Tally(Members),
    /// A list of periods, each from one date to another (or never ended):
    /// `periods from 收到日期 to 答复日期`.
    Periods {
        from: Spanned<String>,
        to: Spanned<String>,
    },
    /// Points given at the assessor's discretion, from 0 to `max`, with a reason.
    Discretion {
        max: Spanned<Decimal>,
    },
    /// The dates something was done in the rubric's year, such as a column's updates
    /// (每半月更新): read as the gaps between them, from the year's first day to its
    /// last, which `over N days` counts as periods are counted.
    Dates,
    /// A decimal number, 0 or more: `number`, or `number max 100`.
    Number {
        max: Option<Spanned<Decimal>>,
    },
}

impl FactType {
    /// The type's name as a reader sees it in messages.
    pub fn describe(&self) -> &'static str {
        match self {
            FactType::Bool => "bool",
            FactType::Count { .. } => "count",
            FactType::Percent { .. } => "percent",
            FactType::Date => "date",
            FactType::Set(_) => "set",
            FactType::Tally(_) => "tally",
            FactType::Periods { .. } => "periods",
            FactType::Discretion { .. } => "discretion",
            FactType::Dates => "dates",
            FactType::Number { .. } => "number",
        }
    }

    pub fn members(&self) -> Option<&[Member]> {
        match self {
            FactType::Set(m) | FactType::Tally(m) => Some(m),
            _ => None,
        }
    }
}

/// The members of a set or tally type, in the rule file's order. The list is shared:
/// a unit's value of the fact refers to it (`evidence::MemberSet`) instead of copying
/// the names.
pub type Members = std::sync::Arc<[Member]>;

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

// Clauses are built once per file and read in place; boxing the condition would only
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
        except: Vec<Spanned<String>>,
        over: Option<Over>,
    },
    /// `missing FACT EFFECT`: the effect once per enumerated member absent from a set.
    Missing {
        fact: FactPath,
        except: Vec<Spanned<String>>,
    },
    /// `deadline FACT by DATE EFFECT`: the effect when the date is later, or absent;
    /// `… late EFFECT never EFFECT` gives the two cases their own effects (the clause's
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
    /// quantity (发现问题按比重扣分).
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

impl FactPath {
    /// The path as the rule file writes it: `通报[省府办]`.
    pub fn text(&self) -> String {
        match &self.member {
            Some(m) => format!("{}[{}]", self.fact.node, m.node),
            None => self.fact.node.clone(),
        }
    }
}

/// `over 20 workdays`: a period longer than this.
#[derive(Debug, Clone, PartialEq)]
pub struct Over {
    pub count: Spanned<u32>,
    pub unit: DayUnit,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayUnit {
    /// Working days, by the rubric's calendar.
    Workdays,
    /// Calendar days.
    Days,
}

impl DayUnit {
    pub fn keyword(self) -> &'static str {
        match self {
            DayUnit::Workdays => "workdays",
            DayUnit::Days => "days",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub kind: ConditionKind,
    pub span: Span,
}

// Conditions are few and built once per file; boxing the comparison would only add noise.
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
    /// The operand as the rule file would write it.
    pub fn text(&self) -> String {
        match self {
            Operand::Fact(p) => p.text(),
            Operand::Literal(l) => l.node.text(),
            Operand::Periods { fact, over, .. } => format!(
                "{} over {} {}",
                fact.text(),
                over.count.node,
                over.unit.keyword()
            ),
            Operand::Arith(a) => a.write(&mut |o: &Operand| o.text()),
        }
    }

    pub fn span(&self) -> Span {
        match self {
            Operand::Fact(p) => p.span,
            Operand::Literal(l) => l.span,
            Operand::Periods { span, .. } => *span,
            Operand::Arith(a) => a.span,
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
    /// The literal as the rule file writes it.
    pub fn text(&self) -> String {
        match self {
            Literal::Number(n) => n.normalize().to_string(),
            Literal::Percent(p) => format!("{}%", p.normalize()),
            Literal::Date(d) => d.to_string(),
            Literal::Bool(b) => b.to_string(),
        }
    }

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
