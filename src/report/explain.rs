//! `kaohe explain`: every point a unit lost, in the table's order, with the criterion
//! text and the line of the rule file; then what bonus sections gave and penalty
//! sections took. Hidden characters of names and reasons are made visible
//! ([`crate::safe::visible_text`]).

use std::fmt::Write;

use super::number;
use crate::check::Rubric;
use crate::eval::{ItemScore, Sheet};
use crate::model::{self, SectionKind};
use crate::safe::visible;

pub fn explain(rubric: &Rubric, sheet: &Sheet) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", visible(&sheet.unit), rubric.title);
    let _ = writeln!(
        out,
        "score {} of {}",
        number(sheet.score),
        number(rubric.total)
    );
    if sheet.prorated {
        let _ = writeln!(
            out,
            "  折分处理: earned {} of the {} applicable points, × {} ÷ {}, rounded",
            number(sheet.earned),
            number(sheet.applicable_points),
            number(rubric.total),
            number(sheet.applicable_points),
        );
    }
    // What each bonus or penalty section gave or took, and whether its cap bit.
    for section in sheet
        .categories
        .iter()
        .filter(|c| c.kind != SectionKind::Regular)
    {
        // What its items and subsections gave, before its own cap: the evaluator adds
        // a subsection's score, already held to the subsection's points.
        let raw: rust_decimal::Decimal = section
            .indicators
            .iter()
            .filter_map(|i| i.score)
            .chain(section.sections.iter().map(|s| s.score))
            .sum();
        if raw.is_zero() {
            continue;
        }
        let sign = if section.kind == SectionKind::Bonus {
            "+"
        } else {
            ""
        };
        let cap = if raw != section.score {
            format!(
                " (its items {} {}, the section at most {})",
                if section.kind == SectionKind::Bonus {
                    "gave"
                } else {
                    "took"
                },
                number(raw.abs()),
                number(section.points)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {} {}: {sign}{}{cap}",
            section.kind.keyword(),
            section.name,
            number(section.score)
        );
    }
    if let Some(limited) = &sheet.limited {
        let _ = writeln!(out, "  {limited}");
    }
    let file = rubric.source.name();
    let decls = model::items(&rubric.nodes);
    let mut told_any = false;
    for (sections, kind, item) in sheet.items_with_path() {
        let mut names: Vec<&str> = sections.iter().map(|s| s.name.as_str()).collect();
        names.push(&item.name);
        let path = names.join(" › ");
        let heading = match (kind, item.score) {
            (_, None) => format!("{path}: not applicable, left out of the total"),
            (SectionKind::Regular, Some(score)) if score == item.points => continue,
            (SectionKind::Regular, Some(score)) => format!(
                "{path}: {} of {} ({} lost)",
                number(score),
                number(item.points),
                number(item.points - score)
            ),
            // A bonus not earned and a penalty not incurred are no loss.
            (_, Some(score)) if score.is_zero() => continue,
            (SectionKind::Bonus, Some(score)) => format!(
                "{path}: +{} (bonus, at most {})",
                number(score),
                number(item.points)
            ),
            (SectionKind::Penalty, Some(score)) => {
                format!(
                    "{path}: {} (penalty, at most {})",
                    number(score),
                    number(item.points)
                )
            }
        };
        told_any = true;
        let _ = writeln!(out, "\n{heading}  [{file}:{}]", item.line);
        if let Some(decl) = decls.iter().find(|d| d.name.node == item.name) {
            for text in &decl.texts {
                for line in text.node.lines() {
                    let _ = writeln!(out, "  │ {line}");
                }
            }
        }
        steps(&mut out, item);
    }
    if !told_any {
        let _ = writeln!(out, "\nno point lost");
    }
    // Names and reasons from the evidence reach a terminal: nothing hidden in them.
    crate::safe::visible_text(&out).into_owned()
}

fn steps(out: &mut String, item: &ItemScore) {
    if item.trace.is_empty() {
        let _ = writeln!(out, "  nothing earned: no clause gave points");
    }
    trace_steps(out, item, "  ");
}

/// Every step of an item's trace, two lines each (the clause with its line, then the
/// evidence, the score after it and how it was worked out), each line led by `indent`.
/// `kaohe explain` and `kaohe test` print traces alike through this.
pub fn trace_steps(out: &mut String, item: &ItemScore, indent: &str) {
    for step in &item.trace {
        let evidence: Vec<String> = step
            .evidence
            .iter()
            .map(|u| format!("{} = {}", u.fact, visible(&u.value)))
            .collect();
        let _ = writeln!(out, "{indent}line {}: {}", step.line, step.clause_en());
        let _ = writeln!(
            out,
            "{indent}  {}  →  {} ({})",
            evidence.join(", "),
            number(step.score),
            visible(&step.note_en())
        );
    }
}
