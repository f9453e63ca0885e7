//! The score sheet of each unit as a Markdown table laid out like the official one:
//! 一级指标 | 二级指标 | 分值 | 得分 | 扣分说明, ready to send to the assessed unit.

use std::fmt::Write;

use super::number;
use crate::check::Rubric;
use crate::eval::{ItemScore, Sheet};

/// Escapes the characters that would break a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn explanation(item: &ItemScore, file: &str) -> String {
    if item.trace.is_empty() && item.score.is_some_and(|s| s < item.points) {
        return format!("no clause gave points [{file}:{}]", item.line);
    }
    let parts: Vec<String> = item
        .trace
        .iter()
        .map(|s| {
            let evidence: Vec<String> = s
                .evidence
                .iter()
                .map(|u| format!("{} = {}", u.fact, u.value))
                .collect();
            format!(
                "{} ({}): {} [{file}:{}]",
                s.clause,
                evidence.join(", "),
                s.note,
                s.line
            )
        })
        .collect();
    cell(&parts.join("; "))
}

pub fn markdown(rubric: &Rubric, sheets: &[Sheet]) -> String {
    let mut out = String::new();
    let file = rubric.source.name();
    for (n, sheet) in sheets.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "## {} — {}\n", cell(&sheet.unit), cell(&rubric.title));
        let _ = writeln!(out, "| 一级指标 | 二级指标 | 分值 | 得分 | 扣分说明 |");
        let _ = writeln!(out, "| --- | --- | ---: | ---: | --- |");
        let mut last_section = "";
        for (section, item) in sheet.items() {
            let heading = if section == last_section {
                String::new()
            } else {
                let points = sheet
                    .categories
                    .iter()
                    .find(|c| c.name == section)
                    .map_or(String::new(), |c| format!(" ({})", number(c.points)));
                format!("{}{points}", cell(section))
            };
            last_section = section;
            let score = item.score.map_or("不适用".to_string(), number);
            let _ = writeln!(
                out,
                "| {heading} | {} | {} | {score} | {} |",
                cell(&item.name),
                number(item.points),
                explanation(item, file)
            );
        }
        if sheet.prorated {
            let _ = writeln!(
                out,
                "| 合计 | 折分处理: {} ÷ {} × {} | {} | **{}** | 适用指标得分 {}, 适用指标分值 {} |",
                number(sheet.earned),
                number(sheet.applicable_points),
                number(rubric.total),
                number(rubric.total),
                number(sheet.score),
                number(sheet.earned),
                number(sheet.applicable_points)
            );
        } else {
            let _ = writeln!(
                out,
                "| 合计 | | {} | **{}** | |",
                number(rubric.total),
                number(sheet.score)
            );
        }
    }
    out
}
