//! The points budget: each section's parts add up to the section, the top level to
//! the rubric's total. `bonus` and `penalty` sections stand outside the budget (their
//! points are a cap) and only at the top level.

use rust_decimal::Decimal;

use super::problem::CheckError;
use super::weights::Points;
use crate::diagnostic::Diagnostic;
use crate::span::Spanned;
use crate::syntax::ast::{File, Node, SectionKind};

/// Whether a node counts towards its parent's points.
fn in_budget(n: &Node) -> bool {
    !matches!(n, Node::Section(s) if s.kind != SectionKind::Regular)
}

/// Checks the budget; `points` are every part's points, weights worked out.
pub fn check(
    file: &File,
    total: Option<&Spanned<Decimal>>,
    points: &Points,
    out: &mut Vec<Diagnostic>,
) {
    out.extend(
        problems(file, total, points)
            .into_iter()
            .map(Diagnostic::from),
    );
}

/// The problems of the points budget, as kinds, in the order they are found.
pub fn problems(file: &File, total: Option<&Spanned<Decimal>>, points: &Points) -> Vec<CheckError> {
    let mut out = Vec::new();
    if file.nodes.is_empty() {
        let at = file.settings.last().map(|s| s.span).unwrap_or_default();
        out.push(CheckError::NoItems { span: at });
        return out;
    }
    if let Some(total) = total {
        let parts: Vec<&Node> = file.nodes.iter().filter(|n| in_budget(n)).collect();
        let sum: Decimal = parts.iter().map(|n| points.of(n)).sum();
        if sum != total.node {
            out.push(CheckError::SectionsSum {
                span: total.span,
                sum,
                total: total.node,
                parts: parts.iter().map(|n| part_label(n, points)).collect(),
            });
        }
    }
    // Sections at any depth, without recursion; `true` marks the top level.
    let mut stack: Vec<(&Node, bool)> = file.nodes.iter().map(|n| (n, true)).collect();
    while let Some((node, top)) = stack.pop() {
        match node {
            Node::Section(s) => {
                if s.kind != SectionKind::Regular && !top {
                    out.push(CheckError::NestedKind {
                        span: s.name.span,
                        keyword: s.kind.keyword(),
                    });
                }
                let own = Spanned::new(points.section(s), s.points.span);
                if own.node <= Decimal::ZERO && s.uncapped.is_none() {
                    out.push(zero_points(true, &s.name.node, &own));
                }
                if s.children.is_empty() {
                    out.push(CheckError::EmptySection {
                        span: s.name.span,
                        name: s.name.node.clone(),
                    });
                    continue;
                }
                // A bonus or penalty section's items may together offer more than its cap.
                let sum: Decimal = s
                    .children
                    .iter()
                    .filter(|c| in_budget(c))
                    .map(|c| points.of(c))
                    .sum();
                if s.kind == SectionKind::Regular && sum != own.node {
                    let weighted = s.children.iter().all(|c| c.weight().is_some());
                    let weights =
                        weighted.then(|| s.children.iter().filter_map(Node::weight).sum());
                    out.push(CheckError::ItemsSum {
                        span: s.points.span,
                        name: s.name.node.clone(),
                        sum,
                        points: own.node,
                        weights,
                        parts: s
                            .children
                            .iter()
                            .filter(|c| in_budget(c))
                            .map(|c| part_label(c, points))
                            .collect(),
                    });
                }
                stack.extend(s.children.iter().map(|c| (c, false)));
            }
            Node::Item(i) => {
                let own = Spanned::new(points.item(i), i.points.span);
                if own.node <= Decimal::ZERO && i.uncapped.is_none() {
                    out.push(zero_points(false, &i.name.node, &own));
                }
            }
        }
    }
    out
}

/// `主动公开 30`, or `主动公开 30% = 9` for a weight.
fn part_label(n: &Node, points: &Points) -> String {
    match n.weight() {
        Some(w) => format!("{} {w}% = {}", n.name().node, points.of(n).normalize()),
        None => format!("{} {}", n.name().node, points.of(n)),
    }
}

/// A section (`section` true) or an item worth 0 points.
fn zero_points(section: bool, name: &str, points: &Spanned<Decimal>) -> CheckError {
    CheckError::ZeroPoints {
        span: points.span,
        name: name.to_string(),
        section,
    }
}
