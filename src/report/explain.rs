//! `kaohe explain`: every point a unit lost, in the table's order, with the criterion
//! text and the line of the rule file.

use std::fmt::Write;

use super::number;
use crate::check::{ast_items, Rubric};
use crate::eval::Sheet;

pub fn explain(rubric: &Rubric, sheet: &Sheet) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", sheet.unit, rubric.title);
    if sheet.prorated {
        let _ = writeln!(
            out,
            "score {} of {} (折分处理: earned {} of the {} applicable points, × {} ÷ {}, rounded)",
            number(sheet.score),
            number(rubric.total),
            number(sheet.earned),
            number(sheet.applicable_points),
            number(rubric.total),
            number(sheet.applicable_points),
        );
    } else {
        let _ = writeln!(
            out,
            "score {} of {}",
            number(sheet.score),
            number(rubric.total)
        );
    }
    let file = rubric.source.name();
    let decls = ast_items(&rubric.nodes);
    let mut lost_any = false;
    for (section, item) in sheet.items() {
        let full = item.score == Some(item.points);
        if full {
            continue;
        }
        lost_any = true;
        let path = if section.is_empty() {
            item.name.clone()
        } else {
            format!("{section} › {}", item.name)
        };
        out.push('\n');
        match item.score {
            Some(score) => {
                let _ = writeln!(
                    out,
                    "{path}: {} of {} ({} lost)  [{file}:{}]",
                    number(score),
                    number(item.points),
                    number(item.points - score),
                    item.line
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "{path}: not applicable, left out of the total  [{file}:{}]",
                    item.line
                );
            }
        }
        if let Some(decl) = decls.iter().find(|d| d.name.node == item.name) {
            for text in &decl.texts {
                for line in text.node.lines() {
                    let _ = writeln!(out, "  │ {line}");
                }
            }
        }
        if item.trace.is_empty() {
            let _ = writeln!(out, "  nothing earned: no clause gave points");
        }
        for step in &item.trace {
            let evidence: Vec<String> = step
                .evidence
                .iter()
                .map(|u| format!("{} = {}", u.fact, u.value))
                .collect();
            let _ = writeln!(out, "  line {}: {}", step.line, step.clause);
            let _ = writeln!(
                out,
                "    {}  →  {} ({})",
                evidence.join(", "),
                number(step.score),
                step.note
            );
        }
    }
    if !lost_any {
        let _ = writeln!(out, "\nno point lost");
    }
    out
}
