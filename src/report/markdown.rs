//! The score sheet of each unit as a Markdown table laid out like the official one:
//! 一级指标 | 二级指标 | 分值 | 得分 | 扣分说明, ready to send to the assessed unit.

use std::fmt::Write;

use super::narrative::Narrator;
use super::number;
use super::rows::{explanation, paragraph, rows, total_notes};
use crate::check::Rubric;
use crate::eval::Sheet;
use crate::locale::Lang;
use crate::tr;

/// Text of the evidence or the rule file as Markdown: no markup, nothing hidden
/// ([`crate::safe::markdown`], which the rendered table uses too).
fn cell(text: &str) -> String {
    crate::safe::markdown(text)
}

/// The score sheets in the run's language ([`crate::locale::current`]).
pub fn markdown(rubric: &Rubric, sheets: &[Sheet]) -> String {
    markdown_in(rubric, sheets, crate::locale::current())
}

/// The score sheets in `lang`: the headings and the 扣分说明 ([`Narrator`]).
pub fn markdown_in(rubric: &Rubric, sheets: &[Sheet], lang: Lang) -> String {
    let narrator = Narrator::new(rubric, lang);
    let parts: Vec<String> = sheets
        .iter()
        .map(|s| markdown_sheet(&narrator, rubric, s))
        .collect();
    parts.join("\n")
}

/// One unit's score sheet, as [`markdown`] writes it among the others (which it
/// separates by a blank line), in the narrator's language.
pub fn markdown_sheet(narrator: &Narrator, rubric: &Rubric, sheet: &Sheet) -> String {
    let lang = narrator.lang();
    let mut out = String::new();
    {
        let _ = writeln!(out, "## {} — {}\n", cell(&sheet.unit), cell(&rubric.title));
        let _ = writeln!(out, "{}", tr!(lang, "sheet-md-header"));
        let _ = writeln!(out, "| --- | --- | ---: | ---: | --- |");
        // The first column names the first-level indicator, with its points, once.
        let mut last_top: Option<&str> = None;
        for row in rows(sheet) {
            let top = row.top.map(|s| s.name.as_str());
            let heading = match row.top {
                Some(s) if last_top != top => format!(
                    "{} ({})",
                    cell(&s.name),
                    super::points_text(s.points, s.uncapped, lang)
                ),
                _ => String::new(),
            };
            last_top = top;
            let score = row
                .item
                .score
                .map_or_else(|| tr!(lang, "sheet-not-applicable"), number);
            let _ = writeln!(
                out,
                "| {heading} | {} | {} | {score} | {} |",
                cell(&row.name),
                super::points_text(row.item.points, row.item.uncapped, lang),
                cell(&paragraph(
                    narrator,
                    &explanation(narrator, row.item, row.kind)
                ))
            );
        }
        let how: Vec<String> = total_notes(rubric, sheet, lang)
            .iter()
            .map(|h| cell(h))
            .collect();
        let _ = writeln!(
            out,
            "| {} | | {} | **{}** | {} |",
            tr!(lang, "sheet-total"),
            number(rubric.total),
            number(sheet.score),
            how.join("; ")
        );
    }
    out
}
