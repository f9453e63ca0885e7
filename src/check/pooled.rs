//! The checks of limits above the item: `pooled` sections (本一级指标扣完为止) and a
//! total without a lowest (`total 100 min none`).
//!
//! `pooled` belongs on a regular section: a `bonus` or `penalty` section already keeps
//! its items' sum within its points, and an item in one scores from 0, so there is
//! nothing there for it to pool. A pooled section none of whose items can end below 0
//! pools nothing either, which is more often a section marked by mistake than one meant.
//! `none` in place of points (a part without a cap, 每受表彰一次加3分) belongs to a
//! `bonus` or `penalty` section or an item in one: a regular part's points are its
//! share of the total, which cannot be without limit.
//! `min none` lets the total go below 0; only a `penalty` section can take it there
//! (every other part scores 0 or more once its limits are kept), so without one the
//! words say nothing.

use rust_decimal::Decimal;

use super::problem::CheckError;
use crate::diagnostic::Diagnostic;
use crate::model::Reach;
use crate::span::Span;
use crate::syntax::ast::{File, Node, SectionKind};

/// Reports `none` (no cap) in place of the points of a regular section or item.
fn uncapped_regular(name: &str, at: Span, out: &mut Vec<Diagnostic>) {
    out.push(
        CheckError::UncappedRegular {
            span: at,
            name: name.to_string(),
        }
        .into(),
    );
}

/// Reports `pooled` on a `bonus` or `penalty` section, or on a section inside one, and
/// `none` in place of the points of a regular section or item.
pub fn check_kind(file: &File, out: &mut Vec<Diagnostic>) {
    // Sections at any depth, without recursion, with the kind of the top-level
    // section each stands in.
    let mut stack: Vec<(&Node, SectionKind)> = file
        .nodes
        .iter()
        .map(|n| (n, SectionKind::Regular))
        .collect();
    while let Some((node, outer)) = stack.pop() {
        let s = match node {
            Node::Section(s) => s,
            Node::Item(i) => {
                if let (Some(at), SectionKind::Regular) = (i.uncapped, outer) {
                    uncapped_regular(&i.name.node, at, out);
                }
                continue;
            }
        };
        let kind = if s.kind == SectionKind::Regular {
            outer
        } else {
            s.kind
        };
        if let (Some(at), SectionKind::Bonus | SectionKind::Penalty) = (s.pooled, kind) {
            out.push(
                CheckError::PooledKind {
                    span: at,
                    keyword: kind.keyword(),
                }
                .into(),
            );
        }
        if let (Some(at), SectionKind::Regular) = (s.uncapped, kind) {
            uncapped_regular(&s.name.node, at, out);
        }
        stack.extend(s.children.iter().map(|c| (c, kind)));
    }
}

/// Reports a `pooled` section none of whose items can end below 0. `reach` holds every
/// item's reach in the order of the file; it is read only when it has one for each.
pub fn check_idle(file: &File, reach: &[Reach], out: &mut Vec<Diagnostic>) {
    // Every section and item in the order of the file, each item numbered as `reach`
    // numbers them, and for each pooled section the range of its items' numbers.
    let mut next = 0usize;
    let mut pooled: Vec<(&str, Span, usize, usize)> = Vec::new();
    // A stack of nodes still to visit, and of pooled sections still open (closed when
    // the marker `None` is popped), so that depth cannot overflow it.
    let mut stack: Vec<Option<&Node>> = file.nodes.iter().rev().map(Some).collect();
    let mut open: Vec<(usize, &str, Span)> = Vec::new();
    while let Some(entry) = stack.pop() {
        match entry {
            None => {
                if let Some((first, name, at)) = open.pop() {
                    pooled.push((name, at, first, next));
                }
            }
            Some(Node::Item(_)) => next += 1,
            Some(Node::Section(s)) => {
                if let Some(at) = s.pooled {
                    open.push((next, &s.name.node, at));
                    stack.push(None);
                }
                stack.extend(s.children.iter().rev().map(Some));
            }
        }
    }
    if next != reach.len() {
        return;
    }
    for (name, at, first, end) in pooled {
        let below = reach[first..end]
            .iter()
            .any(|r| r.low.is_none_or(|l| l < Decimal::ZERO));
        if !below && first < end {
            out.push(
                CheckError::PooledIdle {
                    span: at,
                    name: name.to_string(),
                }
                .into(),
            );
        }
    }
}

/// Reports `min none` in a rubric without a `penalty` section.
pub fn check_min(file: &File, no_min: Option<Span>, out: &mut Vec<Diagnostic>) {
    let Some(at) = no_min else { return };
    let penalty = file
        .nodes
        .iter()
        .any(|n| matches!(n, Node::Section(s) if s.kind == SectionKind::Penalty));
    if !penalty {
        out.push(CheckError::MinIdle { span: at }.into());
    }
}
