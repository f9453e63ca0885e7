//! The XLSX report of `kaohe eval`: a ranking sheet, then one score sheet per unit laid
//! out like the official table (一级指标 | 二级指标 | 分值 | 得分 | 扣分说明), ready to send
//! to the assessed unit.
//!
//! Scores are exact decimals, but a workbook stores every number as binary floating
//! point. Each score is written as the float nearest to its decimal text, which reads
//! back as the same decimal (any score of up to 15 significant digits does), and is
//! shown by Excel as written.

use std::collections::HashSet;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::number;
use super::ranking::{self, Value};
use super::rows;
use crate::check::Rubric;
use crate::diagnostic::{codes, Diagnostic};
use crate::eval::{Sheet, Summary};

/// The name of the ranking sheet.
pub const RANKING_SHEET: &str = "排名";

/// A decimal as the nearest float, for a workbook's number cell.
pub(super) fn float(d: Decimal) -> f64 {
    d.normalize()
        .to_string()
        .parse::<f64>()
        .unwrap_or_else(|_| d.to_f64().unwrap_or_default())
}

/// The most characters a workbook's cell holds.
const CELL_MAX_CHARS: usize = 32_767;

/// A text as a cell holds it: cut, with `…` at its end, when it is longer than a cell
/// may be (a discretionary reason of a hundred thousand characters), rather than
/// refusing the whole workbook.
pub(super) fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    // A character is at least one byte: a short text needs no counting.
    if text.len() <= CELL_MAX_CHARS || text.chars().count() <= CELL_MAX_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut cut: String = text.chars().take(CELL_MAX_CHARS - 1).collect();
    cut.push('…');
    std::borrow::Cow::Owned(cut)
}

/// A workbook error as kaohe reports it.
pub(super) fn failed(what: &str, e: &XlsxError) -> Diagnostic {
    Diagnostic::error(
        codes::WRITE,
        format!("cannot build the {what}: {}", e.to_string().to_lowercase()),
    )
    .help("this is a limit of the XLSX format (such as more than 1048576 rows); use `--format csv` or `--format json`")
}

/// Names sheets as Excel allows: at most 31 characters, none of `[ ] : * ? / \`, no
/// apostrophe at either end, not `History`, and unique regardless of case (a repeated
/// name gets ` (2)`, ` (3)` …). A control or bidirectional character
/// ([`crate::safe::is_hidden`]) becomes `_` too, so that a sheet's tab shows its name as it is stored.
#[derive(Debug, Default)]
pub(super) struct SheetNames {
    used: HashSet<String>,
}

impl SheetNames {
    pub(super) fn name(&mut self, wanted: &str) -> String {
        let cleaned: String = wanted
            .chars()
            .map(|c| {
                if "[]:*?/\\".contains(c) || crate::safe::is_hidden(c) {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let mut base = cleaned.trim().trim_matches('\'').to_string();
        if base.is_empty() {
            base = "单位".into();
        }
        if base.eq_ignore_ascii_case("history") {
            base.push('_');
        }
        let cut = |text: &str, n: usize| -> String {
            let s: String = text.chars().take(n).collect();
            s.trim_end_matches('\'').to_string()
        };
        let mut name = cut(&base, 31);
        let mut n = 2;
        while self.used.contains(&name.to_lowercase()) {
            let suffix = format!(" ({n})");
            name = format!("{}{suffix}", cut(&base, 31 - suffix.chars().count()));
            n += 1;
        }
        self.used.insert(name.to_lowercase());
        name
    }
}

/// The formats the report's sheets share.
struct Formats {
    title: Format,
    header: Format,
    text: Format,
    wrap: Format,
    number: Format,
    total: Format,
    total_number: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: cell
                .clone()
                .set_bold()
                .set_background_color(0xD9E1F2)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            number: cell.clone().set_align(FormatAlign::Right),
            total: cell.clone().set_bold(),
            total_number: cell.set_bold().set_align(FormatAlign::Right),
        }
    }
}

/// The report as the bytes of an XLSX file.
pub fn xlsx(rubric: &Rubric, sheets: &[Sheet]) -> Result<Vec<u8>, Diagnostic> {
    build(rubric, sheets).map_err(|e| failed("XLSX report", &e))
}

fn build(rubric: &Rubric, sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    let mut names = SheetNames::default();
    let ranking_name = names.name(RANKING_SHEET);
    ranking_sheet(
        book.add_worksheet().set_name(ranking_name)?,
        rubric,
        sheets,
        &formats,
    )?;
    for sheet in sheets {
        let name = names.name(&sheet.unit);
        unit_sheet(
            book.add_worksheet().set_name(name)?,
            rubric,
            sheet,
            &formats,
        )?;
    }
    book.save_to_buffer()
}

fn ranking_sheet(
    ws: &mut Worksheet,
    rubric: &Rubric,
    sheets: &[Sheet],
    f: &Formats,
) -> Result<(), XlsxError> {
    let summaries: Vec<Summary> = sheets.iter().map(|s| Summary::of(rubric, s)).collect();
    let (header, rows) = ranking::rows(rubric, &summaries);
    ws.write_string_with_format(0, 0, &rubric.title, &f.title)?;
    for (c, h) in header.iter().enumerate() {
        let c = col(c);
        ws.write_string_with_format(1, c, h, &f.header)?;
        ws.set_column_width(c, if c == 1 { 18 } else { 12 })?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        for (c, value) in row.iter().enumerate() {
            let c = col(c);
            match value {
                Value::Number(d) => ws.write_number_with_format(r, c, float(*d), &f.number)?,
                Value::Text(t) => ws.write_string_with_format(r, c, cell_text(t), &f.text)?,
                Value::Empty => ws.write_blank(r, c, &f.text)?,
            };
        }
    }
    ws.set_row_height(1, 32)?;
    ws.set_freeze_panes(2, 2)?;
    Ok(())
}

/// Column numbers are small: the official table has five columns, and a ranking one
/// per first-level section (the rubric's checker keeps them few).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn unit_sheet(
    ws: &mut Worksheet,
    rubric: &Rubric,
    sheet: &Sheet,
    f: &Formats,
) -> Result<(), XlsxError> {
    let narrator = super::Narrator::new(rubric, crate::locale::current());
    ws.merge_range(
        0,
        0,
        0,
        4,
        &cell_text(&format!("{} — {}", sheet.unit, rubric.title)),
        &f.title,
    )?;
    for (c, (h, width)) in [
        ("一级指标", 18.0),
        ("二级指标", 24.0),
        ("分值", 8.0),
        ("得分", 8.0),
        ("扣分说明", 80.0),
    ]
    .into_iter()
    .enumerate()
    {
        ws.write_string_with_format(1, col(c), h, &f.header)?;
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
        let heading = rows[i].top.map_or(String::new(), |c| {
            format!("{} ({})", c.name, number(c.points))
        });
        let last = r + run as u32 - 1;
        if run > 1 {
            ws.merge_range(r, 0, last, 0, &heading, &f.wrap)?;
        } else {
            ws.write_string_with_format(r, 0, &heading, &f.wrap)?;
        }
        for row in &rows[i..i + run] {
            let item = row.item;
            ws.write_string_with_format(r, 1, &row.name, &f.wrap)?;
            ws.write_number_with_format(r, 2, float(item.points), &f.number)?;
            match item.score {
                Some(s) => ws.write_number_with_format(r, 3, float(s), &f.number)?,
                None => ws.write_string_with_format(r, 3, "不适用", &f.number)?,
            };
            ws.write_string_with_format(
                r,
                4,
                cell_text(&rows::explanation(&narrator, item, row.kind).join("\n")),
                &f.wrap,
            )?;
            r += 1;
        }
        i += run;
    }
    // The 合计 row says how the total was made when it is more than a sum, in the
    // words of the Markdown sheet.
    let note = rows::total_notes(rubric, sheet, crate::locale::current());
    ws.write_string_with_format(r, 0, "合计", &f.total)?;
    ws.write_blank(r, 1, &f.total)?;
    ws.write_number_with_format(r, 2, float(rubric.total), &f.total_number)?;
    ws.write_number_with_format(r, 3, float(sheet.score), &f.total_number)?;
    ws.write_string_with_format(r, 4, cell_text(&note.join("; ")), &f.wrap)?;
    ws.set_freeze_panes(2, 0)?;
    ws.set_landscape();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_follow_excel() {
        let mut names = SheetNames::default();
        assert_eq!(names.name("排名"), "排名");
        assert_eq!(names.name("排名"), "排名 (2)");
        assert_eq!(names.name("a/b[c]:d*e?f\\g"), "a_b_c__d_e_f_g");
        assert_eq!(names.name("'引号'"), "引号");
        assert_eq!(names.name("History"), "History_");
        let long = "江".repeat(40);
        let first = names.name(&long);
        assert_eq!(first.chars().count(), 31);
        let second = names.name(&long);
        assert_eq!(second.chars().count(), 31);
        assert!(second.ends_with(" (2)"));
        assert_eq!(names.name("ABC"), "ABC");
        assert_eq!(names.name("abc"), "abc (2)");
        assert_eq!(names.name("  "), "单位");
        assert_eq!(names.name("\u{202e}甲\u{1b}[2J乙\u{2066}"), "_甲__2J乙_");
    }

    #[test]
    fn long_texts_are_cut_to_a_cell() {
        assert_eq!(cell_text("扣分理由"), "扣分理由");
        let long = "理".repeat(100_000);
        let cut = cell_text(&long);
        assert_eq!(cut.chars().count(), CELL_MAX_CHARS);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn floats_read_back_as_the_decimal() {
        for text in ["74.5", "83.33", "79.27", "0.1", "100"] {
            let d = Decimal::from_str_exact(text).unwrap();
            assert_eq!(format!("{}", float(d)), text);
        }
    }
}
