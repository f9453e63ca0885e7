//! XLSX evidence read into a [`Grid`] with calamine.
//!
//! The first visible worksheet is read; the others (such as the template's `说明`)
//! are not. A workbook has no text for a diagnostic to point into, so kaohe writes one
//! for the sheet: one line per row, each cell as kaohe read it, cells separated by
//! ` | `. A diagnostic's line is therefore the sheet's row, its snippet shows the row,
//! and its message names the sheet and the cell (`C7`) with its column's header.
//!
//! Cells keep their workbook types: a TRUE/FALSE cell is a yes/no, a date cell a date
//! (a date-time counts as its day), and a number cell the number it stores, written as
//! the shortest decimal that gives that number. A number cell formatted as a
//! percentage stores a fraction (3.5% is 0.035); it is read as the percentage shown,
//! `3.5%`, never as 0.035%.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, SheetType, SheetVisible, Xlsx};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cell::{Cell, Input};
use super::grid::Grid;
use crate::diagnostic::{codes, Diagnostic};
use crate::source::SourceFile;
use crate::span::Span;

/// What separates cells in the text written for a sheet.
const SEPARATOR: &str = " | ";

/// Reads the first visible worksheet of an XLSX file.
pub fn grid(path: &Path) -> Result<Grid, Diagnostic> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            codes::READ,
            format!("cannot read `{name}`: {}", super::lower_io(&e)),
        )
        .help("check the path, and that the file can be read")
    })?;
    let unreadable = |what: String| {
        Diagnostic::error(
            codes::EVIDENCE_SYNTAX,
            format!("`{name}` cannot be read as an XLSX workbook: {what}"),
        )
        .help("save the file from Excel or WPS as an Excel workbook (.xlsx); .xls, .et and password-protected files are not read")
        .with_source(&SourceFile::new(name.clone(), String::new()))
    };
    let mut book: Xlsx<Cursor<Vec<u8>>> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(lower(&e)))?;
    let sheet = book
        .sheets_metadata()
        .iter()
        .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .ok_or_else(|| unreadable("it has no visible worksheet".into()))?;
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| unreadable(lower(&e)))?;
    // Styles only tell percentages apart; a workbook whose styles cannot be read is
    // still read, as if no cell were a percentage.
    let styles = book.worksheet_style(&sheet).ok();
    let percent = |row: u32, col: u32| {
        styles
            .as_ref()
            .and_then(|s| s.get((row, col)))
            .and_then(|s| s.number_format.as_ref())
            .is_some_and(|f| f.format_code.contains('%'))
    };
    let mut text = String::new();
    let mut rows = Vec::new();
    if let Some((last_row, last_col)) = range.end() {
        for r in 0..=last_row {
            let mut row = Vec::with_capacity(last_col as usize + 1);
            for c in 0..=last_col {
                if c > 0 {
                    text.push_str(SEPARATOR);
                }
                let input = range
                    .get_value((r, c))
                    .map_or(Input::Empty, |d| input(d, percent(r, c)));
                let start = text.len();
                let shown = match &input {
                    Input::Text(t) => t.replace(['\n', '\r', '\t'], " "),
                    other => Cell {
                        input: other.clone(),
                        span: Span::default(),
                        text_at: None,
                    }
                    .text(),
                };
                text.push_str(&shown);
                row.push(Cell {
                    text_at: matches!(input, Input::Text(_)).then_some(start),
                    input,
                    span: Span::new(start, text.len()),
                });
            }
            text.push('\n');
            rows.push(row);
        }
    }
    Ok(Grid {
        source: SourceFile::new(name.clone(), text),
        path: name,
        sheet: Some(sheet),
        rows,
    })
}

/// An error's text in lowercase, as messages are.
fn lower(e: &impl std::fmt::Display) -> String {
    let text = e.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect::<String>(),
        None => text,
    }
    .trim_end_matches('.')
    .to_string()
}

fn input(data: &Data, percent: bool) -> Input {
    match data {
        Data::Empty => Input::Empty,
        Data::String(s) => Input::Text(s.clone()),
        Data::Float(f) => number(format!("{f}"), percent),
        Data::Int(i) => number(i.to_string(), percent),
        Data::Bool(b) => Input::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                Some(day) => Input::Date(day),
                // Excel's 1900-02-29, which never was: `validate` says so.
                None => Input::Text(format!("{y:04}-{m:02}-{d:02}")),
            }
        }
        Data::DateTime(dt) => Input::Number(format!("{}", dt.as_f64())),
        Data::DateTimeIso(s) => {
            match NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
                Ok(day) => Input::Date(day),
                Err(_) => Input::Text(s.clone()),
            }
        }
        Data::DurationIso(s) => Input::Text(s.clone()),
        Data::Error(e) => Input::Error(e.to_string()),
    }
}

/// A number cell; one formatted as a percentage is the percentage it shows.
fn number(text: String, percent: bool) -> Input {
    if percent {
        let shown = Decimal::from_str_exact(&text)
            .ok()
            .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED));
        if let Some(p) = shown {
            return Input::Text(format!("{}%", p.normalize()));
        }
    }
    Input::Number(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_written() {
        assert_eq!(
            number(format!("{}", 3.5_f64), false),
            Input::Number("3.5".into())
        );
        assert_eq!(
            number(format!("{}", 12_f64), false),
            Input::Number("12".into())
        );
        assert_eq!(
            number(format!("{}", 0.035_f64), true),
            Input::Text("3.5%".into())
        );
        assert_eq!(number("0.04".into(), true), Input::Text("4%".into()));
    }

    #[test]
    fn errors_are_lowercase_without_a_period() {
        assert_eq!(lower(&"Zip error: bad."), "zip error: bad");
    }
}
