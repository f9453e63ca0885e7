//! The score sheet of each unit as a Markdown table laid out like the official one:
//! 一级指标 | 二级指标 | 分值 | 得分 | 扣分说明, ready to send to the assessed unit.

use std::fmt::Write;

use super::number;
use crate::check::Rubric;
use crate::eval::{ItemScore, Sheet};
use crate::syntax::ast::SectionKind;

/// Escapes the characters that would break a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn explanation(item: &ItemScore, kind: SectionKind, file: &str) -> String {
    // A bonus not earned or a penalty not incurred needs no word.
    if item.trace.is_empty()
        && kind == SectionKind::Regular
        && item.score.is_some_and(|s| s < item.points)
    {
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
        // The first column is the first-level indicator, with its points, once; deeper
        // sections stand before the item's name: 决策公开 › 决策预公开.
        let mut last_top: Option<&str> = None;
        for (path, kind, item) in sheet.items_with_path() {
            let top = path.first().map(|s| s.name.as_str());
            let heading = match path.first() {
                Some(s) if last_top != top => format!("{} ({})", cell(&s.name), number(s.points)),
                _ => String::new(),
            };
            last_top = top;
            let mut name: Vec<&str> = path.iter().skip(1).map(|s| s.name.as_str()).collect();
            name.push(&item.name);
            let score = item.score.map_or("不适用".to_string(), number);
            let _ = writeln!(
                out,
                "| {heading} | {} | {} | {score} | {} |",
                cell(&name.join(" › ")),
                number(item.points),
                explanation(item, kind, file)
            );
        }
        // The 合计 row says how the total was made when it is more than a sum.
        let mut how = Vec::new();
        if sheet.prorated {
            how.push(format!(
                "折分处理: 适用指标得分 {} ÷ 适用指标分值 {} × {}",
                number(sheet.earned),
                number(sheet.applicable_points),
                number(rubric.total)
            ));
        }
        if !sheet.bonus.is_zero() {
            how.push(format!("加分 +{}", number(sheet.bonus)));
        }
        if !sheet.penalty.is_zero() {
            how.push(format!("倒扣 {}", number(sheet.penalty)));
        }
        if let Some(limited) = &sheet.limited {
            how.push(cell(limited));
        }
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
