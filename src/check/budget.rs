//! The points budget: each section's parts add up to the section, the top level to
//! the rubric's total.

use rust_decimal::Decimal;

use crate::diagnostic::{codes, Diagnostic};
use crate::span::Spanned;
use crate::syntax::ast::{File, Node};

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
        let sum: Decimal = file.nodes.iter().map(|n| n.points().node).sum();
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
            for n in &file.nodes {
                d = d.label(
                    n.points().span,
                    format!("{} {}", n.name().node, n.points().node),
                );
            }
            out.push(d.help(sum_help(sum, total.node)));
        }
    }
    // Sections at any depth, without recursion.
    let mut stack: Vec<&Node> = file.nodes.iter().collect();
    while let Some(node) = stack.pop() {
        match node {
            Node::Section(s) => {
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
                let sum: Decimal = s.children.iter().map(|c| c.points().node).sum();
                if sum != s.points.node {
                    let mut d = Diagnostic::error(
                        codes::POINTS_SUM,
                        format!(
                            "the items of `{}` add up to {}, not {}",
                            s.name.node,
                            sum.normalize(),
                            s.points.node
                        ),
                    )
                    .primary(
                        s.points.span,
                        format!("`{}` is worth {}", s.name.node, s.points.node),
                    );
                    for c in &s.children {
                        d = d.label(
                            c.points().span,
                            format!("{} {}", c.name().node, c.points().node),
                        );
                    }
                    out.push(d.help(sum_help(sum, s.points.node)));
                }
                stack.extend(s.children.iter());
            }
            Node::Item(i) => {
                if i.points.node <= Decimal::ZERO {
                    out.push(zero_points("item", &i.name.node, &i.points));
                }
            }
        }
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
