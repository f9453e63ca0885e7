//! The score sheets of the XLSX report: one sheet a unit, laid out like the official
//! table, or, past [`super::MAX_UNIT_SHEETS`] units, one 得分明细 sheet with a row per
//! item of every unit, written row by row in constant-memory mode.
//!
//! A first-level cell names its indicator with its points and the unit's subtotal
//! there: `主动公开 (34)` and `得分 21(适用 22 分)` when some of its items did not
//! apply. The 扣分说明 is [`rows::explanation`]'s, a clause a line.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{cell_text, col, float, print, Formats};
use crate::check::Rubric;
use crate::eval::{SectionScore, Sheet};
use crate::locale::{self, Lang};
use crate::model::SectionKind;
use crate::report::{number, rows};
use crate::tr;

/// The columns of a unit's sheet (the catalogue's ids of their headings) and their
/// widths.
const COLUMNS: [(&str, f64); 5] = [
    ("sheet-top", 18.0),
    ("sheet-item", 26.0),
    ("sheet-points", 8.0),
    ("sheet-score", 9.0),
    ("sheet-explanation", 70.0),
];

/// A column's heading in a language.
fn heading_of(lang: Lang, id: &str) -> String {
    locale::text(lang, id, &[])
}

/// The first-level cell of a run of rows: the indicator, its points, and the unit's
/// subtotal there with its applicable points when some of its items did not apply.
pub(in crate::report) fn heading(top: Option<&SectionScore>) -> String {
    let Some(s) = top else {
        return String::new();
    };
    let lang = locale::current();
    let mut text = format!(
        "{} ({})\n{}",
        s.name,
        crate::report::points_text(s.points, s.uncapped, lang),
        tr!(lang, "sheet-heading-score", score = number(s.score))
    );
    if s.kind == SectionKind::Regular && s.applicable_points != s.points {
        text.push_str(&tr!(
            lang,
            "sheet-heading-applicable",
            points = number(s.applicable_points)
        ));
    }
    text
}

pub(super) fn unit_sheet(
    ws: &mut Worksheet,
    rubric: &Rubric,
    sheet: &Sheet,
    rank: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = locale::current();
    let narrator = super::super::Narrator::new(rubric, lang);
    let title = tr!(
        lang,
        "xlsx-unit-title",
        unit = &sheet.unit,
        title = &rubric.title,
        score = number(sheet.score),
        rank = rank
    );
    ws.merge_range(0, 0, 0, 4, &cell_text(&title), &f.title)?;
    ws.set_row_height(0, print::row_height([(title.as_str(), 128.0)]).max(24.0))?;
    for (c, (h, width)) in COLUMNS.into_iter().enumerate() {
        ws.write_string_with_format(1, col(c), heading_of(lang, h), &f.header)?;
        ws.set_column_width(col(c), width)?;
    }
    // Rows grouped by their first-level indicator, whose cell spans them.
    let rows = rows::rows(sheet);
    let mut r = 2u32;
    let mut i = 0;
    while i < rows.len() {
        let top = rows[i].top.map(|s| s.name.as_str());
        let run = rows[i..]
            .iter()
            .take_while(|row| row.top.map(|s| s.name.as_str()) == top)
            .count();
        let heading = heading(rows[i].top);
        let last = r + run as u32 - 1;
        if run > 1 {
            ws.merge_range(r, 0, last, 0, &cell_text(&heading), &f.wrap)?;
        } else {
            ws.write_string_with_format(r, 0, cell_text(&heading), &f.wrap)?;
        }
        // The heading's lines beyond what its rows hold go to its last row.
        let heading_lines = print::lines(&heading, COLUMNS[0].1);
        let mut lines_so_far = 0;
        for (k, row) in rows[i..i + run].iter().enumerate() {
            let item = row.item;
            let explanation = rows::explanation(&narrator, item, row.kind).join("\n");
            ws.write_string_with_format(r, 1, cell_text(&row.name), &f.wrap)?;
            if item.uncapped {
                ws.write_string_with_format(r, 2, tr!(lang, "report-no-cap"), &f.number)?;
            } else {
                ws.write_number_with_format(r, 2, float(item.points), &f.number)?;
            }
            match item.score {
                Some(s) => ws.write_number_with_format(r, 3, float(s), &f.number)?,
                None => ws.write_string_with_format(
                    r,
                    3,
                    tr!(lang, "sheet-score-not-applicable"),
                    &f.number,
                )?,
            };
            ws.write_string_with_format(r, 4, cell_text(&explanation), &f.wrap)?;
            let mut lines =
                print::lines(&row.name, COLUMNS[1].1).max(print::lines(&explanation, COLUMNS[4].1));
            if k + 1 == run {
                lines = lines.max(heading_lines.saturating_sub(lines_so_far));
            }
            lines_so_far += lines;
            ws.set_row_height(r, print::height(lines))?;
            r += 1;
        }
        i += run;
    }
    // The 合计 row says how the total was made when it is more than a sum, in the
    // words of the Markdown sheet.
    let note = rows::total_notes(rubric, sheet, lang).join("\n");
    ws.write_string_with_format(r, 0, tr!(lang, "sheet-total"), &f.total)?;
    ws.write_blank(r, 1, &f.total)?;
    ws.write_number_with_format(r, 2, float(rubric.total), &f.total)?;
    ws.write_number_with_format(r, 3, float(sheet.score), &f.total_score)?;
    ws.write_string_with_format(r, 4, cell_text(&note), &f.wrap)?;
    ws.set_row_height(r, print::row_height([(note.as_str(), COLUMNS[4].1)]))?;
    ws.set_freeze_panes(2, 0)?;
    print::a4_landscape(ws, 1, 1, locale::current())?;
    Ok(())
}

/// The columns of the 得分明细 sheet (the catalogue's ids of their headings) and their
/// widths.
const DETAIL_COLUMNS: [(&str, f64); 7] = [
    ("ranking-rank", 6.0),
    ("ranking-unit", 16.0),
    ("sheet-top", 16.0),
    ("sheet-item", 24.0),
    ("sheet-points", 7.0),
    ("sheet-score", 8.0),
    ("sheet-explanation", 60.0),
];

/// Every unit's rows on one sheet, the units in the order of the ranking, each ending
/// with its 合计 row. The sheet is in constant-memory mode: its rows are written in
/// order, each row's height set before its cells, and nothing is merged.
pub(super) fn detail_sheet(
    ws: &mut Worksheet,
    rubric: &Rubric,
    sheets: &[Sheet],
    order: &[(usize, usize)],
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = locale::current();
    let narrator = super::super::Narrator::new(rubric, lang);
    for (c, (_, width)) in DETAIL_COLUMNS.into_iter().enumerate() {
        ws.set_column_width(col(c), width)?;
    }
    ws.set_row_height(0, 24)?;
    ws.write_string_with_format(
        0,
        0,
        cell_text(&tr!(lang, "xlsx-details-title", title = &rubric.title)),
        &f.title,
    )?;
    for (c, (h, _)) in DETAIL_COLUMNS.into_iter().enumerate() {
        ws.write_string_with_format(1, col(c), heading_of(lang, h), &f.header)?;
    }
    let mut r = 2u32;
    for &(rank, i) in order {
        let sheet = &sheets[i];
        let unit = cell_text(&sheet.unit);
        for row in rows::rows(sheet) {
            let item = row.item;
            let heading = heading(row.top);
            let explanation = rows::explanation(&narrator, item, row.kind).join("\n");
            ws.set_row_height(
                r,
                print::row_height([
                    (sheet.unit.as_str(), DETAIL_COLUMNS[1].1),
                    (heading.as_str(), DETAIL_COLUMNS[2].1),
                    (row.name.as_str(), DETAIL_COLUMNS[3].1),
                    (explanation.as_str(), DETAIL_COLUMNS[6].1),
                ]),
            )?;
            ws.write_number_with_format(r, 0, rank as f64, &f.number)?;
            ws.write_string_with_format(r, 1, unit.as_ref(), &f.wrap)?;
            ws.write_string_with_format(r, 2, cell_text(&heading), &f.wrap)?;
            ws.write_string_with_format(r, 3, cell_text(&row.name), &f.wrap)?;
            if item.uncapped {
                ws.write_string_with_format(r, 4, tr!(lang, "report-no-cap"), &f.number)?;
            } else {
                ws.write_number_with_format(r, 4, float(item.points), &f.number)?;
            }
            match item.score {
                Some(s) => ws.write_number_with_format(r, 5, float(s), &f.number)?,
                None => ws.write_string_with_format(
                    r,
                    5,
                    tr!(lang, "sheet-score-not-applicable"),
                    &f.number,
                )?,
            };
            ws.write_string_with_format(r, 6, cell_text(&explanation), &f.wrap)?;
            r += 1;
        }
        let note = rows::total_notes(rubric, sheet, lang).join("\n");
        ws.set_row_height(r, print::row_height([(note.as_str(), DETAIL_COLUMNS[6].1)]))?;
        ws.write_number_with_format(r, 0, rank as f64, &f.total)?;
        ws.write_string_with_format(r, 1, unit.as_ref(), &f.total)?;
        ws.write_string_with_format(r, 2, tr!(lang, "sheet-total"), &f.total)?;
        ws.write_blank(r, 3, &f.total)?;
        ws.write_number_with_format(r, 4, float(rubric.total), &f.total)?;
        ws.write_number_with_format(r, 5, float(sheet.score), &f.total_score)?;
        ws.write_string_with_format(r, 6, cell_text(&note), &f.wrap)?;
        r += 1;
    }
    ws.set_freeze_panes(2, 0)?;
    print::a4_landscape(ws, 1, 1, locale::current())?;
    Ok(())
}
