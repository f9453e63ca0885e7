//! The compiled outline of a rubric: every section and item with its points (an item
//! with the scores it can reach, and what its clauses reach when its bound may cut), facts
//! and clauses, one line each, as the checker understood them. A reader can hold it
//! against the printed table; tests pin it with a snapshot. Hidden characters of the
//! rule file's texts are made visible ([`crate::safe::visible_text`]). Its words are
//! the run's language; the rule file's own (keywords, names, clauses) stay as written.

use std::fmt::Write;

use super::number;
use crate::check::Rubric;
use crate::locale;
use crate::model::{FactType, Node};
use crate::tr;

pub fn outline(rubric: &Rubric) -> String {
    let lang = locale::current();
    let mut out = String::new();
    if rubric.total_max != rubric.total {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "outline-title-max",
                title = &rubric.title,
                total = number(rubric.total),
                max = number(rubric.total_max)
            )
        );
    } else {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "outline-title",
                title = &rubric.title,
                total = number(rubric.total)
            )
        );
    }
    if rubric.total_min.is_none() {
        // The lowest a total can reach: nothing from the regular parts (each scores 0
        // or more once its limits are kept), and every penalty section's points taken.
        // A penalty section without a cap (`none`) takes without limit.
        let penalties: Vec<&crate::model::Section> = rubric
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Section(s) if s.kind == crate::model::SectionKind::Penalty => Some(s),
                _ => None,
            })
            .collect();
        let lowest = if penalties.iter().any(|s| s.uncapped) {
            tr!(lang, "outline-lowest-unlimited")
        } else {
            let sum: rust_decimal::Decimal = penalties.iter().map(|s| s.points.node).sum();
            tr!(lang, "outline-lowest", sum = number(sum))
        };
        let _ = writeln!(out, "{}", tr!(lang, "outline-no-lowest", lowest = lowest));
    }
    if let Some(year) = rubric.year {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "outline-year",
                year = year.to_string(),
                places = rubric.rounding.places.to_string(),
                mode = rubric.rounding.mode.keyword()
            )
        );
    }
    if let Some(calendar) = &rubric.calendar {
        let years: Vec<String> = calendar.years().iter().map(i32::to_string).collect();
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "outline-calendar",
                file = calendar.source.name(),
                years = years.join(", ")
            )
        );
    }
    let mut stack: Vec<(&Node, usize)> = rubric.nodes.iter().rev().map(|n| (n, 0)).collect();
    while let Some((node, depth)) = stack.pop() {
        let indent = "  ".repeat(depth);
        let line = tr!(
            lang,
            "outline-line",
            line = rubric.source.line(node.name().span.start).to_string()
        );
        let weight = node
            .weight()
            .map_or(String::new(), |w| format!(" ({}%)", number(w)));
        match node {
            Node::Section(s) => {
                let _ = writeln!(
                    out,
                    "{indent}{} {} {}{weight}{}  {line}",
                    s.kind.keyword(),
                    s.name.node,
                    if s.uncapped {
                        "none".to_string()
                    } else {
                        number(s.points.node)
                    },
                    if s.pooled {
                        tr!(lang, "outline-pooled")
                    } else {
                        String::new()
                    }
                );
                stack.extend(s.children.iter().rev().map(|c| (c, depth + 1)));
            }
            Node::Item(i) => {
                let start = i.start.as_ref().map_or(String::new(), |s| {
                    tr!(lang, "outline-starts", start = number(s.node))
                });
                let r = &i.reach;
                let low = r.low.map_or("-∞".to_string(), number);
                let high = r.high.map_or("∞".to_string(), number);
                let mut reach = tr!(lang, "outline-scores", low = low, high = high);
                if r.may_cut() {
                    let end = |d: Option<rust_decimal::Decimal>, far: &str| {
                        d.map_or(far.to_string(), number)
                    };
                    let _ = write!(
                        reach,
                        " {}",
                        tr!(
                            lang,
                            "outline-clauses-reach",
                            low = end(r.clauses_low, "-∞"),
                            high = end(r.clauses_high, "∞")
                        )
                    );
                }
                let _ = writeln!(
                    out,
                    "{indent}item {} {}{weight}{start}{reach}  {line}",
                    i.name.node,
                    if i.uncapped {
                        "none".to_string()
                    } else {
                        number(i.points.node)
                    }
                );
                for f in &i.facts {
                    let ty = match &f.ty.node {
                        FactType::Count { max: Some(m) } => format!("count max {}", m.node),
                        FactType::Set(m) | FactType::Tally(m) => format!(
                            "{} {{{}}}",
                            f.ty.node.describe(),
                            m.iter()
                                .map(|m| m.name.node.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        FactType::Periods { from, to } => {
                            format!("periods from {} to {}", from.node, to.node)
                        }
                        FactType::Discretion { max } => {
                            format!("discretion max {}", number(max.node))
                        }
                        other => other.describe().to_string(),
                    };
                    let _ = writeln!(out, "{indent}  fact {}: {ty}", f.name.node);
                }
                if let Some(c) = &i.applicable_unless {
                    let text = &rubric.source.text()[c.span.start..c.span.end];
                    let _ = writeln!(out, "{indent}  applicable unless {text}");
                }
                for c in &i.clauses {
                    let text: Vec<&str> = rubric.source.text()[c.span.start..c.span.end]
                        .split_whitespace()
                        .collect();
                    let _ = writeln!(
                        out,
                        "{indent}  {}  {}",
                        text.join(" "),
                        tr!(
                            lang,
                            "outline-line",
                            line = rubric.source.line(c.span.start).to_string()
                        )
                    );
                }
            }
        }
    }
    // Names and texts of the rule file reach a terminal: nothing hidden in them.
    crate::safe::visible_text(&out).into_owned()
}
