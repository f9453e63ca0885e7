//! The fast way through a spreadsheet row: each cell read by its column's type
//! ([`cell::read`]) and checked as [`super::validate`] checks it ([`typed`]), straight
//! into the unit's vector of facts, without building the row's evidence tree.
//!
//! It takes a row only when every cell is valid and nothing the unit needs is
//! missing: it gives up (`None`) at the first thing that is not so, and the row is
//! then read the careful way (`grid::read_row`), which builds the tree, validates it
//! and words every problem for the sheet. So a valid row gives the same unit either
//! way, and a row with a problem gets the same diagnostics; this is only faster.

use super::cell::{self, Cell, DateSystem, Read};
use super::columns::{Layout, Part};
use super::raw::{Node, Raw};
use super::value::{complete, typed, Fact};
use crate::check::{ast_items, Rubric};
use crate::source::SourceFile;
use crate::span::Spanned;
use crate::syntax::ast::{FactDecl, Item};

/// Where each fact of the rubric is found in a sheet's rows, worked out once from its
/// header.
#[derive(Debug)]
pub struct RowPlan<'r> {
    items: Vec<ItemPlan<'r>>,
    slots: usize,
}

#[derive(Debug)]
struct ItemPlan<'r> {
    item: &'r Item,
    facts: Vec<FactPlan<'r>>,
}

#[derive(Debug)]
struct FactPlan<'r> {
    decl: &'r FactDecl,
    slot: usize,
    /// The fact's columns: the sheet column of each, and what it holds.
    columns: Vec<(usize, Part)>,
}

/// The plan for a sheet whose header puts the layout's column `i` at sheet column
/// `at(i)`; `None` when a fact has some of its columns and not others (the header's
/// problem, reported there), or a fact of the rubric has no slot.
pub fn plan<'r>(
    rubric: &'r Rubric,
    layout: &Layout<'r>,
    at: impl Fn(usize) -> Option<usize>,
) -> Option<RowPlan<'r>> {
    let mut items = Vec::new();
    // Every item, those whose facts no cell can give included: their defaults and
    // what they lack are worked out as `validate` does.
    for item in ast_items(&rubric.nodes) {
        let mut facts = Vec::with_capacity(item.facts.len());
        for decl in &item.facts {
            let placed: Vec<(Option<usize>, Part)> = layout
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| std::ptr::eq(c.fact, decl))
                .map(|(i, c)| (at(i), c.part.clone()))
                .collect();
            let count = placed.len();
            let columns: Vec<(usize, Part)> = placed
                .into_iter()
                .filter_map(|(c, part)| c.map(|c| (c, part)))
                .collect();
            if !columns.is_empty() && columns.len() != count {
                return None;
            }
            facts.push(FactPlan {
                decl,
                slot: decl.slot.get()?,
                columns,
            });
        }
        items.push(ItemPlan { item, facts });
    }
    Some(RowPlan {
        items,
        slots: rubric.slots,
    })
}

/// The facts of one row, when every cell is valid and the unit lacks nothing it needs;
/// `None` sends the row the careful way. `blank` stands for a cell past the end of a
/// short row.
pub fn facts(
    plan: &RowPlan<'_>,
    rubric: &Rubric,
    source: &SourceFile,
    row: &[Cell],
    blank: &Cell,
    dates: DateSystem,
) -> Option<Vec<Option<Fact>>> {
    let mut facts: Vec<Option<Fact>> = vec![None; plan.slots];
    for item in &plan.items {
        for fact in &item.facts {
            let node = match fact.columns.as_slice() {
                [] => None,
                [(c, part)] => {
                    match cell::read(fact.decl, part, row.get(*c).unwrap_or(blank), dates) {
                        Read::Blank => None,
                        Read::Value(node) => Some(node),
                        Read::Wrong { .. } => return None,
                    }
                }
                columns => parts(fact.decl, columns, row, blank, dates)?,
            };
            if let Some(node) = node {
                let value = typed(rubric, source, fact.decl, &node)?;
                facts[fact.slot] = Some(Fact {
                    value,
                    span: Some(node.span),
                });
            }
        }
        if !complete(item.item, &mut facts, rubric.calendar.as_ref()).is_empty() {
            return None;
        }
    }
    Some(facts)
}

/// A fact of several cells (a tally's members, a discretionary score and its reason) as
/// the table `validate` reads: `Some(None)` when every cell is blank (the fact is
/// missing), `None` when some are and others not, or a cell is refused.
fn parts(
    decl: &FactDecl,
    columns: &[(usize, Part)],
    row: &[Cell],
    blank: &Cell,
    dates: DateSystem,
) -> Option<Option<Node>> {
    let mut entries = Vec::with_capacity(columns.len());
    let mut blanks = 0;
    for (c, part) in columns {
        match cell::read(decl, part, row.get(*c).unwrap_or(blank), dates) {
            Read::Blank => blanks += 1,
            Read::Value(node) => {
                let key = match part {
                    Part::Member(m) => m.clone(),
                    Part::Value => "score".to_string(),
                    Part::Reason => "reason".to_string(),
                };
                entries.push((Spanned::new(key, node.span), node));
            }
            Read::Wrong { .. } => return None,
        }
    }
    match (blanks, entries.first()) {
        (0, Some((_, first))) => {
            let span = first.span;
            Some(Some(Node {
                raw: Raw::Table(entries),
                span,
            }))
        }
        (_, None) => Some(None),
        _ => None,
    }
}
