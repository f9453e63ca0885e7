//! Sections, items and the facts they declare.

use rust_decimal::Decimal;

use super::{Clause, Condition, FactId, FactType, Literal, Reach, SectionKind};
use crate::span::{Span, Spanned};

/// A section (一级指标, or deeper) or an item (the scored, lowest level).
// Nodes are built once per rubric and never moved in bulk; boxing would only add noise.
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

    /// Whether it is a bonus or penalty part without a cap (`none` in place of its
    /// points, which are then 0).
    pub fn uncapped(&self) -> bool {
        match self {
            Node::Section(s) => s.uncapped,
            Node::Item(i) => i.uncapped,
        }
    }

    /// The weight in percent, when the points were written as one.
    pub fn weight(&self) -> Option<Decimal> {
        match self {
            Node::Section(s) => s.weight,
            Node::Item(i) => i.weight,
        }
    }
}

/// A section: its points (a weight already worked out), and its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub name: Spanned<String>,
    pub points: Spanned<Decimal>,
    /// The weight in percent of the parent's points, when written as `30%`.
    pub weight: Option<Decimal>,
    /// `pooled`: its items' deductions may pass their own points, and its score is
    /// kept within 0 and its points instead (本一级指标扣完为止).
    pub pooled: bool,
    /// `none` in place of the points: a bonus or penalty section without a cap (its
    /// `points` are 0).
    pub uncapped: bool,
    pub texts: Vec<Spanned<String>>,
    pub notes: Vec<Spanned<String>>,
    pub children: Vec<Node>,
    pub span: Span,
}

/// A scored item: its points, facts and clauses.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub name: Spanned<String>,
    pub points: Spanned<Decimal>,
    /// The weight in percent of the parent's points, when written as `50%`.
    pub weight: Option<Decimal>,
    pub texts: Vec<Spanned<String>>,
    pub notes: Vec<Spanned<String>>,
    pub facts: Vec<FactDecl>,
    pub start: Option<Spanned<Decimal>>,
    pub applicable_unless: Option<Condition>,
    pub clauses: Vec<Clause>,
    pub span: Span,
    /// The scores it can reach, as the checker worked them out.
    pub reach: Reach,
    /// Whether it stands in a `pooled` section (at any depth): its score then has no
    /// lowest of its own, the section's being kept instead.
    pub pooled: bool,
    /// `none` in place of the points: a bonus or penalty item without a cap
    /// (每受表彰一次加3分; its `points` are 0).
    pub uncapped: bool,
}

impl Item {
    /// The fact of this item kept at `id`.
    pub fn fact(&self, id: FactId) -> Option<&FactDecl> {
        self.facts.iter().find(|f| f.id == id)
    }
}

/// A fact an item declares, with its place in a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct FactDecl {
    /// Where a unit's value of this fact is kept ([`crate::model::FactId`]).
    pub id: FactId,
    pub name: Spanned<String>,
    pub ty: Spanned<FactType>,
    pub description: Option<Spanned<String>>,
    pub default: Option<Spanned<Literal>>,
    pub span: Span,
}

/// Every item with the kind of the top-level section it stands in (`Regular` for an
/// item at the top level).
pub fn items_with_kind(nodes: &[Node]) -> Vec<(&Item, SectionKind)> {
    let mut out = Vec::new();
    // Each node with the kind of its nearest bonus or penalty section, if any.
    let mut stack: Vec<(&Node, SectionKind)> = nodes
        .iter()
        .rev()
        .map(|n| (n, SectionKind::Regular))
        .collect();
    while let Some((node, kind)) = stack.pop() {
        match node {
            Node::Item(i) => out.push((i, kind)),
            Node::Section(s) => {
                let kind = if s.kind == SectionKind::Regular {
                    kind
                } else {
                    s.kind
                };
                stack.extend(s.children.iter().rev().map(|c| (c, kind)));
            }
        }
    }
    out
}

/// Every item, in the order of the file, at any depth.
pub fn items(nodes: &[Node]) -> Vec<&Item> {
    let mut out = Vec::new();
    let mut stack: Vec<std::slice::Iter<'_, Node>> = vec![nodes.iter()];
    while let Some(iter) = stack.last_mut() {
        match iter.next() {
            Some(Node::Item(item)) => out.push(item),
            Some(Node::Section(section)) => stack.push(section.children.iter()),
            None => {
                stack.pop();
            }
        }
    }
    out
}
