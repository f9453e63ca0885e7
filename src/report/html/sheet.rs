//! A unit's score sheet in the HTML report, on a printed page of its own: 一级指标 |
//! 二级指标 | 分值 | 得分 | 扣分说明, the first-level cell spanning its items' rows, and a
//! 合计 row that says how the total was made when it is more than a sum; in the run's
//! language, its 扣分说明 too.

use std::fmt::Write;

use super::escape;
use crate::check::Rubric;
use crate::eval::Sheet;
use crate::locale;
use crate::report::number;
use crate::report::rows::{explanation, rows, total_notes};
use crate::report::Narrator;
use crate::tr;

pub(super) fn sheet(out: &mut String, rubric: &Rubric, sheet: &Sheet, rank: usize) {
    let lang = locale::current();
    let narrator = Narrator::new(rubric, lang);
    let _ = write!(
        out,
        "<section class=\"sheet\">\n<h3>{}</h3>\n<p class=\"meta\">{}</p>\n",
        escape(&tr!(lang, "html-sheet-title", unit = &sheet.unit)),
        escape(&tr!(
            lang,
            "html-sheet-meta",
            title = &rubric.title,
            score = number(sheet.score),
            rank = rank
        )),
    );
    let _ = write!(
        out,
        "<table>\n<colgroup><col class=\"top\"><col class=\"name\"><col class=\"points\">\
         <col class=\"score\"><col></colgroup>\n<thead><tr><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        escape(&tr!(lang, "sheet-top")),
        escape(&tr!(lang, "sheet-item")),
        escape(&tr!(lang, "sheet-points")),
        escape(&tr!(lang, "sheet-score")),
        escape(&tr!(lang, "sheet-explanation")),
    );
    let rows = rows(sheet);
    let mut i = 0;
    while i < rows.len() {
        let top = rows[i].top.map(|s| s.name.as_str());
        let run = rows[i..]
            .iter()
            .take_while(|row| row.top.map(|s| s.name.as_str()) == top)
            .count();
        for (k, row) in rows[i..i + run].iter().enumerate() {
            out.push_str("<tr>");
            if k == 0 {
                // The indicator, its points, and the unit's subtotal there.
                let heading = crate::report::workbook::unit::heading(row.top);
                let _ = write!(out, "<th rowspan=\"{run}\">");
                for (n, line) in heading.lines().enumerate() {
                    let tag = if n == 0 { "" } else { "<br>" };
                    let _ = write!(out, "{tag}{}", escape(line));
                }
                out.push_str("</th>");
            }
            let score = row
                .item
                .score
                .map_or_else(|| escape(&tr!(lang, "sheet-score-not-applicable")), number);
            let _ = write!(
                out,
                "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{score}</td><td class=\"explain\">",
                escape(&row.name),
                escape(&crate::report::points_text(
                    row.item.points,
                    row.item.uncapped,
                    narrator.lang()
                )),
            );
            for line in explanation(&narrator, row.item, row.kind) {
                let _ = write!(out, "<p>{}</p>", escape(&line));
            }
            out.push_str("</td></tr>\n");
        }
        i += run;
    }
    let _ = write!(
        out,
        "<tr class=\"total\"><th>{}</th><td></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"explain\">",
        escape(&tr!(lang, "sheet-total")),
        number(rubric.total),
        number(sheet.score),
    );
    for note in total_notes(rubric, sheet, lang) {
        let _ = write!(out, "<p>{}</p>", escape(&note));
    }
    out.push_str("</td></tr>\n</tbody>\n</table>\n</section>\n");
}
