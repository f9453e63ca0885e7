//! The points budget: each section's parts add up to the section, the top level to
//! the rubric's total. `bonus` and `penalty` sections stand outside the budget (their
//! points are a cap) and only at the top level.

use rust_decimal::Decimal;

use crate::diagnostic::{codes, Diagnostic};
use crate::span::Spanned;
use crate::syntax::ast::{File, Node, SectionKind};

/// Whether a node counts towards its parent's points.
fn in_budget(n: &Node) -> bool {
    !matches!(n, Node::Section(s) if s.kind != SectionKind::Regular)
}

pub fn check(file: &File, total: Option<&Spanned<Decimal>>, out: &mut Vec<Diagnostic>) {
    if file.nodes.is_empty() {
        let at = file.settings.last().map(|s| s.span).unwrap_or_default();
        out.push(
            Diagnostic::error(codes::EMPTY, "the rubric has no items")
                .primary(at, "nothing is scored after this")
                .help("add a `section` with its items, or an `item`, after the header"),
        );
        return;
    }
    if let Some(total) = total {
        let parts: Vec<&Node> = file.nodes.iter().filter(|n| in_budget(n)).collect();
        let sum: Decimal = parts.iter().map(|n| n.points().node).sum();
        if sum != total.node {
            let mut d = Diagnostic::error(
                codes::POINTS_SUM,
                format!(
                    "the sections add up to {}, not the total {}",
                    sum.normalize(),
                    total.node
                ),
            )
            .primary(total.span, format!("the total is {}", total.node));
            // The parts listed in the help: labels far apart would show every line of
            // the file between them.
            let list: Vec<String> = parts.iter().map(|n| part_label(n)).collect();
            d = d.help(format!(
                "{}; the parts: {}",
                sum_help(sum, total.node),
                list.join(", ")
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
                            format!(
                                "a `{}` section must stand at the top level",
                                s.kind.keyword()
                            ),
                        )
                        .primary(s.name.span, "inside another section")
                        .help("move it out of its section, next to the first-level sections"),
                    );
                }
                if s.points.node <= Decimal::ZERO {
                    out.push(zero_points("section", &s.name.node, &s.points));
                }
                if s.children.is_empty() {
                    out.push(
                        Diagnostic::error(
                            codes::EMPTY,
                            format!("section `{}` has no items", s.name.node),
                        )
                        .primary(s.name.span, "empty section")
                        .help("add its items, or delete the section"),
                    );
                    continue;
                }
                // A bonus or penalty section's items may together offer more than its cap.
                let sum: Decimal = s
                    .children
                    .iter()
                    .filter(|c| in_budget(c))
                    .map(|c| c.points().node)
                    .sum();
                if s.kind == SectionKind::Regular && sum != s.points.node {
                    let weighted = s.children.iter().all(|c| c.weight().is_some());
                    let message = if weighted {
                        let w: Decimal = s.children.iter().filter_map(Node::weight).sum();
                        format!(
                            "the weights of `{}` add up to {}%, not 100%",
                            s.name.node,
                            w.normalize()
                        )
                    } else {
                        format!(
                            "the items of `{}` add up to {}, not {}",
                            s.name.node,
                            sum.normalize(),
                            s.points.node
                        )
                    };
                    let mut d = Diagnostic::error(codes::POINTS_SUM, message).primary(
                        s.points.span,
                        format!("`{}` is worth {}", s.name.node, s.points.node),
                    );
                    let list: Vec<String> = s
                        .children
                        .iter()
                        .filter(|c| in_budget(c))
                        .map(part_label)
                        .collect();
                    d = d.help(format!(
                        "{}; the parts: {}",
                        sum_help(sum, s.points.node),
                        list.join(", ")
                    ));
                    out.push(d);
                }
                stack.extend(s.children.iter().map(|c| (c, false)));
            }
            Node::Item(i) => {
                if i.points.node <= Decimal::ZERO {
                    out.push(zero_points("item", &i.name.node, &i.points));
                }
            }
        }
    }
}

/// `主动公开 30`, or `主动公开 30% = 9` for a weight.
fn part_label(n: &Node) -> String {
    match n.weight() {
        Some(w) => format!("{} {w}% = {}", n.name().node, n.points().node.normalize()),
        None => format!("{} {}", n.name().node, n.points().node),
    }
}

fn zero_points(what: &str, name: &str, points: &Spanned<Decimal>) -> Diagnostic {
    Diagnostic::error(
        codes::ZERO_POINTS,
        format!("{what} `{name}` is worth 0 points"),
    )
    .primary(points.span, "0 points")
    .help(format!(
        "give the {what} its points from the table, or delete it"
    ))
}

fn sum_help(sum: Decimal, expected: Decimal) -> String {
    let diff = (sum - expected).normalize();
    if diff > Decimal::ZERO {
        format!(
            "the parts are {diff} too many: check each part's points against the table, \
             and whether an item sits under the wrong heading"
        )
    } else {
        format!(
            "the parts are {} short: check each part's points against the table, and \
             whether an item is missing or sits under another heading",
            -diff
        )
    }
}
