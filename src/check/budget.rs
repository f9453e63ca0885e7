//! The points budget: each section's parts add up to the section, the top level to
//! the rubric's total. `bonus` and `penalty` sections stand outside the budget (their
//! points are a cap) and only at the top level.

use rust_decimal::Decimal;

use super::weights::Points;
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
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
    if file.nodes.is_empty() {
        let at = file.settings.last().map(|s| s.span).unwrap_or_default();
        out.push(
            Diagnostic::error(codes::EMPTY, msg!("check-no-items"))
                .primary(at, msg!("check-no-items".label))
                .help(msg!("check-no-items".help)),
        );
        return;
    }
    if let Some(total) = total {
        let parts: Vec<&Node> = file.nodes.iter().filter(|n| in_budget(n)).collect();
        let sum: Decimal = parts.iter().map(|n| points.of(n)).sum();
        if sum != total.node {
            let mut d = Diagnostic::error(
                codes::POINTS_SUM,
                msg!(
                    "check-sections-sum",
                    sum = sum.normalize().to_string(),
                    total = total.node.to_string()
                ),
            )
            .primary(
                total.span,
                msg!("check-sections-sum".label, total = total.node.to_string()),
            );
            // The parts listed in the help: labels far apart would show every line of
            // the file between them.
            let list: Vec<String> = parts.iter().map(|n| part_label(n, points)).collect();
            d = d.help(msg!(
                "check-sum-parts",
                how = sum_help(sum, total.node),
                parts = list.join(", ")
            ));
            out.push(d);
        }
    }
    // Sections at any depth, without recursion; `true` marks the top level.
    let mut stack: Vec<(&Node, bool)> = file.nodes.iter().map(|n| (n, true)).collect();
    while let Some((node, top)) = stack.pop() {
        match node {
            Node::Section(s) => {
                if s.kind != SectionKind::Regular && !top {
                    out.push(
                        Diagnostic::error(
                            codes::PLACEMENT,
                            msg!("check-nested-kind", keyword = s.kind.keyword()),
                        )
                        .primary(s.name.span, msg!("check-nested-kind".label))
                        .help(msg!("check-nested-kind".help)),
                    );
                }
                let own = Spanned::new(points.section(s), s.points.span);
                if own.node <= Decimal::ZERO && s.uncapped.is_none() {
                    out.push(zero_points(true, &s.name.node, &own));
                }
                if s.children.is_empty() {
                    out.push(
                        Diagnostic::error(
                            codes::EMPTY,
                            msg!("check-empty-section", name = &s.name.node),
                        )
                        .primary(s.name.span, msg!("check-empty-section".label))
                        .help(msg!("check-empty-section".help)),
                    );
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
                    let message = if weighted {
                        let w: Decimal = s.children.iter().filter_map(Node::weight).sum();
                        msg!(
                            "check-weights-sum",
                            name = &s.name.node,
                            sum = w.normalize().to_string()
                        )
                    } else {
                        msg!(
                            "check-items-sum",
                            name = &s.name.node,
                            sum = sum.normalize().to_string(),
                            points = own.node.to_string()
                        )
                    };
                    let mut d = Diagnostic::error(codes::POINTS_SUM, message).primary(
                        s.points.span,
                        msg!(
                            "check-items-sum".label,
                            name = &s.name.node,
                            points = own.node.to_string()
                        ),
                    );
                    let list: Vec<String> = s
                        .children
                        .iter()
                        .filter(|c| in_budget(c))
                        .map(|c| part_label(c, points))
                        .collect();
                    d = d.help(msg!(
                        "check-sum-parts",
                        how = sum_help(sum, own.node),
                        parts = list.join(", ")
                    ));
                    out.push(d);
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
}

/// `主动公开 30`, or `主动公开 30% = 9` for a weight.
fn part_label(n: &Node, points: &Points) -> String {
    match n.weight() {
        Some(w) => format!("{} {w}% = {}", n.name().node, points.of(n).normalize()),
        None => format!("{} {}", n.name().node, points.of(n)),
    }
}

/// A section (`section` true) or an item worth 0 points.
fn zero_points(section: bool, name: &str, points: &Spanned<Decimal>) -> Diagnostic {
    let (message, help) = if section {
        (
            msg!("check-zero-points-section", name = name),
            msg!("check-zero-points-section".help),
        )
    } else {
        (
            msg!("check-zero-points-item", name = name),
            msg!("check-zero-points-item".help),
        )
    };
    Diagnostic::error(codes::ZERO_POINTS, message)
        .primary(points.span, msg!("check-zero-points-item".label))
        .help(help)
}

fn sum_help(sum: Decimal, expected: Decimal) -> String {
    let diff = (sum - expected).normalize();
    if diff > Decimal::ZERO {
        msg!("check-sum-too-many", diff = diff.to_string())
    } else {
        msg!("check-sum-too-few", diff = (-diff).to_string())
    }
}
