//! Slots: every fact of the rubric numbered, and every reference to a fact resolved to
//! that number, so that a unit's facts are a vector and evaluation finds a fact by
//! position instead of by name.
//!
//! This runs last, on a rubric without errors: every name a clause or condition uses is
//! then declared in its item, and every member named is in its fact's list.

use crate::syntax::ast::*;

/// Numbers every fact of every item in the order of the file and resolves every
/// reference; gives the number of slots.
pub fn assign(nodes: &mut [Node]) -> usize {
    let mut next = 0;
    for node in nodes {
        next = node_slots(node, next);
    }
    next
}

fn node_slots(node: &mut Node, mut next: usize) -> usize {
    match node {
        Node::Section(s) => {
            for child in &mut s.children {
                next = node_slots(child, next);
            }
        }
        Node::Item(item) => {
            for decl in &mut item.facts {
                decl.slot = Resolved(Some(next));
                next += 1;
            }
            let facts = &item.facts;
            if let Some(cond) = &mut item.applicable_unless {
                condition(cond, facts);
            }
            for clause in &mut item.clauses {
                match &mut clause.kind {
                    ClauseKind::If(cond) => condition(cond, facts),
                    ClauseKind::Per { fact, .. }
                    | ClauseKind::Missing { fact, .. }
                    | ClauseKind::Deadline { fact, .. } => path(fact, facts),
                }
                if let Some(cond) = &mut clause.unless {
                    condition(cond, facts);
                }
            }
        }
    }
    next
}

fn condition(cond: &mut Condition, facts: &[FactDecl]) {
    // Conditions nest no deeper than the parser allows (`syntax::depth`).
    match &mut cond.kind {
        ConditionKind::Fact(p) => path(p, facts),
        ConditionKind::Not(inner) => condition(inner, facts),
        ConditionKind::And(parts) | ConditionKind::Or(parts) => {
            for p in parts {
                condition(p, facts);
            }
        }
        ConditionKind::Compare { left, right, .. } => {
            for o in [left, right] {
                if let Operand::Fact(p) | Operand::Periods { fact: p, .. } = o {
                    path(p, facts);
                }
            }
        }
    }
}

fn path(p: &mut FactPath, facts: &[FactDecl]) {
    p.slot.0 = facts
        .iter()
        .find(|d| d.name.node == p.fact.node)
        .and_then(|d| {
            let member = match &p.member {
                Some(m) => Some(
                    d.ty.node
                        .members()?
                        .iter()
                        .position(|x| x.name.node == m.node)?,
                ),
                None => None,
            };
            Some(Slot {
                fact: d.slot.get()?,
                member,
            })
        });
}
