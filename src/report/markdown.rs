//! The score sheet of each unit as a Markdown table laid out like the official one:
//! 一级指标 | 二级指标 | 分值 | 得分 | 扣分说明, ready to send to the assessed unit.

use std::fmt::Write;

use super::number;
use super::rows::{explanation, rows, total_notes};
use crate::check::Rubric;
use crate::eval::Sheet;

/// Text of the evidence or the rule file as Markdown: no markup, nothing hidden
/// ([`crate::safe::markdown`], which the rendered table uses too).
fn cell(text: &str) -> String {
    crate::safe::markdown(text)
}

pub fn markdown(rubric: &Rubric, sheets: &[Sheet]) -> String {
    let parts: Vec<String> = sheets.iter().map(|s| markdown_sheet(rubric, s)).collect();
    parts.join("\n")
}

/// One unit's score sheet, as [`markdown`] writes it among the others (which it
/// separates by a blank line).
pub fn markdown_sheet(rubric: &Rubric, sheet: &Sheet) -> String {
    let mut out = String::new();
    let file = rubric.source.name();
    {
        let _ = writeln!(out, "## {} — {}\n", cell(&sheet.unit), cell(&rubric.title));
        let _ = writeln!(out, "| 一级指标 | 二级指标 | 分值 | 得分 | 扣分说明 |");
        let _ = writeln!(out, "| --- | --- | ---: | ---: | --- |");
        // The first column names the first-level indicator, with its points, once.
        let mut last_top: Option<&str> = None;
        for row in rows(sheet) {
            let top = row.top.map(|s| s.name.as_str());
            let heading = match row.top {
                Some(s) if last_top != top => format!("{} ({})", cell(&s.name), number(s.points)),
                _ => String::new(),
            };
            last_top = top;
            let score = row.item.score.map_or("不适用".to_string(), number);
            let _ = writeln!(
                out,
                "| {heading} | {} | {} | {score} | {} |",
                cell(&row.name),
                number(row.item.points),
                cell(&explanation(row.item, row.kind, file).join("; "))
            );
        }
        let how: Vec<String> = total_notes(rubric, sheet).iter().map(|h| cell(h)).collect();
        let _ = writeln!(
            out,
            "| 合计 | | {} | **{}** | {} |",
            number(rubric.total),
            number(sheet.score),
            how.join("; ")
        );
    }
    out
}
