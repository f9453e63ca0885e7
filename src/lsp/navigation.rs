//! Navigation: where each fact and set or tally member of an item is declared and
//! read, for go to definition, find references and rename.
//!
//! Names are the item's own: a fact of one item is not the fact of the same name in
//! another, so every look-up stays inside the item the cursor is in.

use std::collections::HashMap;

use lsp_types::{Location, TextEdit, Uri, WorkspaceEdit};

use crate::span::Span;
use crate::syntax::ast::{
    Arith, ArithKind, ClauseKind, Condition, ConditionKind, FactPath, File, Item, Node, Operand,
    Section, SectionKind,
};

use super::documents::Document;
use super::keywords;

/// A name an item declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Symbol {
    Fact(String),
    /// A member of a set or tally: the fact, then the member.
    Member(String, String),
}

/// One place a name is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub symbol: Symbol,
    pub span: Span,
    pub declaration: bool,
}

/// An item with the section it stands in (none at the top level) and the kind of
/// its nearest bonus or penalty section.
pub struct Placed<'a> {
    pub item: &'a Item,
    pub parent: Option<&'a Section>,
    pub kind: SectionKind,
    /// Whether a `pooled` section holds it: its score has no lowest of its own.
    pub pooled: bool,
}

/// Every item of a file, in order.
pub fn items(file: &File) -> Vec<Placed<'_>> {
    fn walk<'a>(
        nodes: &'a [Node],
        parent: Option<&'a Section>,
        kind: SectionKind,
        pooled: bool,
        out: &mut Vec<Placed<'a>>,
    ) {
        for node in nodes {
            match node {
                Node::Item(item) => out.push(Placed {
                    item,
                    parent,
                    kind,
                    pooled,
                }),
                Node::Section(s) => {
                    let kind = if s.kind == SectionKind::Regular {
                        kind
                    } else {
                        s.kind
                    };
                    let pooled = pooled || s.pooled.is_some();
                    walk(&s.children, Some(s), kind, pooled, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&file.nodes, None, SectionKind::Regular, false, &mut out);
    out
}

/// Every section of a file, in order, outer ones first.
pub fn sections(file: &File) -> Vec<&Section> {
    fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Section>) {
        for node in nodes {
            if let Node::Section(s) = node {
                out.push(s);
                walk(&s.children, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&file.nodes, &mut out);
    out
}

/// Every place an item declares or reads one of its facts or members.
pub fn occurrences(item: &Item) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for fact in &item.facts {
        out.push(Occurrence {
            symbol: Symbol::Fact(fact.name.node.clone()),
            span: fact.name.span,
            declaration: true,
        });
        for member in fact.ty.node.members().unwrap_or(&[]) {
            out.push(Occurrence {
                symbol: Symbol::Member(fact.name.node.clone(), member.name.node.clone()),
                span: member.name.span,
                declaration: true,
            });
        }
    }
    if let Some(condition) = &item.applicable_unless {
        in_condition(condition, &mut out);
    }
    for clause in &item.clauses {
        match &clause.kind {
            ClauseKind::If(condition) => in_condition(condition, &mut out),
            ClauseKind::Per { fact, except, .. } | ClauseKind::Missing { fact, except } => {
                in_path(fact, &mut out);
                for member in except {
                    out.push(Occurrence {
                        symbol: Symbol::Member(fact.fact.node.clone(), member.node.clone()),
                        span: member.span,
                        declaration: false,
                    });
                }
            }
            ClauseKind::Deadline { fact, more, .. } => {
                in_path(fact, &mut out);
                for path in more {
                    in_path(path, &mut out);
                }
            }
            ClauseKind::Give { condition, fact } => {
                if let Some(condition) = condition {
                    in_condition(condition, &mut out);
                }
                in_path(fact, &mut out);
            }
            ClauseKind::Quantity { quantity, .. } => in_arith(quantity, &mut out),
        }
        if let Some(condition) = &clause.unless {
            in_condition(condition, &mut out);
        }
    }
    out
}

fn in_path(path: &FactPath, out: &mut Vec<Occurrence>) {
    out.push(Occurrence {
        symbol: Symbol::Fact(path.fact.node.clone()),
        span: path.fact.span,
        declaration: false,
    });
    if let Some(member) = &path.member {
        out.push(Occurrence {
            symbol: Symbol::Member(path.fact.node.clone(), member.node.clone()),
            span: member.span,
            declaration: false,
        });
    }
}

fn in_condition(condition: &Condition, out: &mut Vec<Occurrence>) {
    // Conditions nest by `and`, `or` and `not`: a stack, not recursion, so that no
    // depth of them costs stack.
    let mut stack = vec![condition];
    while let Some(c) = stack.pop() {
        match &c.kind {
            ConditionKind::Fact(path) => in_path(path, out),
            ConditionKind::Not(inner) => stack.push(inner),
            ConditionKind::And(parts) | ConditionKind::Or(parts) => {
                stack.extend(parts.iter().rev())
            }
            ConditionKind::Compare { left, right, .. } => {
                in_operand(left, out);
                in_operand(right, out);
            }
        }
    }
}

fn in_operand(operand: &Operand, out: &mut Vec<Occurrence>) {
    match operand {
        Operand::Fact(path) | Operand::Periods { fact: path, .. } => in_path(path, out),
        Operand::Literal(_) => {}
        Operand::Arith(arith) => in_arith(arith, out),
    }
}

fn in_arith(arith: &Arith<Operand>, out: &mut Vec<Occurrence>) {
    // Arithmetic nests; a stack, as for conditions.
    let mut stack = vec![arith];
    while let Some(a) = stack.pop() {
        match &a.kind {
            ArithKind::Leaf(operand) => in_operand(operand, out),
            ArithKind::Binary { left, right, .. } => {
                stack.push(right);
                stack.push(left);
            }
        }
    }
}

/// The item a byte offset is in, and the name written there, if any.
pub fn at(file: &File, offset: usize) -> Option<(Placed<'_>, Option<Occurrence>)> {
    let placed = items(file)
        .into_iter()
        .find(|p| p.item.span.start <= offset && offset <= p.item.span.end)?;
    let occurrence = occurrences(placed.item)
        .into_iter()
        .find(|o| o.span.start <= offset && offset <= o.span.end);
    Some((placed, occurrence))
}

/// Where the name at a place is declared.
pub fn definition(uri: &Uri, document: &Document, offset: usize) -> Option<Location> {
    let (placed, found) = at(document.ast.as_ref()?, offset)?;
    let found = found?;
    let declaration = occurrences(placed.item)
        .into_iter()
        .find(|o| o.declaration && o.symbol == found.symbol)?;
    Some(Location::new(uri.clone(), document.range(declaration.span)))
}

/// Every place the name at a place is written, its declaration too when asked.
pub fn references(
    uri: &Uri,
    document: &Document,
    offset: usize,
    with_declaration: bool,
) -> Vec<Location> {
    same_name(document, offset)
        .into_iter()
        .filter(|o| with_declaration || !o.declaration)
        .map(|o| Location::new(uri.clone(), document.range(o.span)))
        .collect()
}

/// The occurrences of the name at a place, in its item.
fn same_name(document: &Document, offset: usize) -> Vec<Occurrence> {
    let Some(file) = document.ast.as_ref() else {
        return Vec::new();
    };
    let Some((placed, Some(found))) = at(file, offset) else {
        return Vec::new();
    };
    occurrences(placed.item)
        .into_iter()
        .filter(|o| o.symbol == found.symbol)
        .collect()
}

/// Whether a name at a place can be renamed: its span.
pub fn prepare_rename(document: &Document, offset: usize) -> Option<Span> {
    let (_, found) = at(document.ast.as_ref()?, offset)?;
    found.map(|o| o.span)
}

/// The edits that rename the name at a place everywhere in its item, or why not.
pub fn rename(
    uri: &Uri,
    document: &Document,
    offset: usize,
    new_name: &str,
) -> Result<WorkspaceEdit, String> {
    if !keywords::is_name(new_name) {
        return Err(crate::tr!(
            crate::locale::current(),
            "lsp-rename-not-a-name",
            name = new_name
        ));
    }
    let places = same_name(document, offset);
    if places.is_empty() {
        return Err(crate::tr!(crate::locale::current(), "lsp-rename-nothing"));
    }
    let edits = places
        .into_iter()
        .map(|o| TextEdit::new(document.range(o.span), new_name.to_string()))
        .collect();
    Ok(WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    })
}
