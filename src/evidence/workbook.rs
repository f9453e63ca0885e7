//! XLSX evidence read into a [`Grid`] with calamine.
//!
//! One worksheet is read: the one named with `kaohe eval --sheet`, or else the first
//! visible worksheet that has an evidence header (a row that names at least two of
//! `单位` and the rubric's columns, [`super::grid::has_evidence_header`]), so that a
//! title page or a `说明` sheet in front is passed over. Hidden sheets are not read unless named; a second visible
//! sheet with an evidence header is not read either, and a warning says so. A workbook
//! A rubric's `periods` facts are read from sheets of their own, found by name
//! ([`super::columns::periods_sheet`]) and never taken for the units' sheet. A workbook
//! has no text for a diagnostic to point into, so kaohe writes one for the sheet: one
//! line per row, each cell as kaohe read it, cells separated by ` | `. A diagnostic's
//! line is therefore the sheet's row, its snippet shows the row, and its message names
//! the sheet and the cell (`C7`) with its column's header.
//!
//! Cells keep their workbook types: a TRUE/FALSE cell is a yes/no, a date cell a date
//! (a date-time counts as its day; Excel's day numbers are read with Excel's 1900
//! leap-year quirk, [`super::cell::excel_day`]), and a number cell the number it
//! stores, written as the shortest decimal that gives that number. A formula's cell
//! holds the value Excel or WPS computed when the file was saved, but for a total over
//! a range (`=SUM(C3:C20)`) in a row without text, which is read as its formula for
//! the row to be passed over as a row of totals. A number cell
//! formatted as a percentage stores a fraction (3.5% is 0.035); it is read as the
//! percentage shown, `3.5%`, never as 0.035%.

use std::io::{Cursor, Read, Seek};
use std::path::Path;

use calamine::{Data, Reader, SheetType, SheetVisible, Xlsx};
use rust_decimal::Decimal;

use super::cell::{excel_day, normalise_name, Cell, DateSystem, Input, NoDay};
use super::grid::{Grid, Rows};
use super::problem::{PartProblem, Unreadable, WorkbookError};
use crate::diagnostic::msg;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;
use crate::span::Span;

/// What separates cells in the text written for a sheet.
const SEPARATOR: &str = " | ";

type Book = Xlsx<Cursor<Vec<u8>>>;

/// The most one part of a workbook may unpack to. A county form of 100,000 rows unpacks
/// to about 60 MB; a part far larger is a zip bomb, not evidence.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

/// Refuses a workbook that unpacks to more than kaohe reads, or that lies about its
/// size, before calamine inflates any of it in memory. First the workbook's table of
/// contents is read, without unpacking anything, and a part that declares more than
/// [`MAX_UNPACKED`] is refused. Then every part is unpacked once, as a stream through a
/// fixed buffer into nothing, so that memory stays small: a part that unpacks to more
/// than the size it declares is refused as soon as it passes that size (so no part is
/// ever unpacked past [`MAX_UNPACKED`]), and so is a part that cannot be unpacked at all
/// or whose checksum is wrong. A part that unpacks to fewer bytes than it declares, with
/// the right checksum, is read.
fn refuse_bomb(bytes: &[u8], name: &str, source: &SourceFile) -> Result<(), Diagnostic> {
    // Not a zip: calamine says what is wrong with it.
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(i) else {
            continue;
        };
        if part.size() > MAX_UNPACKED {
            return Err(Diagnostic::from(WorkbookError::TooLarge {
                name: name.to_string(),
                part: part.name().unwrap_or_default().to_string(),
                bytes: part.size(),
            })
            .with_source(source));
        }
    }
    for i in 0..archive.len() {
        // Only the XML parts are read (the workbook, its sheets, strings, styles and
        // relations); pictures and other media are never unpacked.
        let xml = archive
            .name_for_index(i)
            .and_then(Result::ok)
            .is_some_and(|n| n.ends_with(".xml") || n.ends_with(".rels"));
        if !xml {
            continue;
        }
        let problem = match unpacked(&mut archive, i) {
            Unpacked::AsDeclared => continue,
            Unpacked::MoreThanDeclared(declared) => PartProblem::MoreThanDeclared(declared),
            Unpacked::WrongChecksum => PartProblem::WrongChecksum,
            Unpacked::Damaged(why) => PartProblem::Damaged(why),
        };
        let part = archive
            .name_for_index(i)
            .and_then(Result::ok)
            .unwrap_or_default();
        return Err(Diagnostic::from(WorkbookError::Part {
            name: name.to_string(),
            part: part.to_string(),
            problem,
        })
        .with_source(source));
    }
    Ok(())
}

/// What unpacking one part of a workbook found.
enum Unpacked {
    /// The part unpacks to no more than it declares, and its checksum is right.
    AsDeclared,
    /// The part unpacks to more than the size it declares, which is given.
    MoreThanDeclared(u64),
    /// The part unpacks to as many bytes as it declares, or fewer, but their checksum is
    /// not the one it declares.
    WrongChecksum,
    /// The part cannot be unpacked, for the reason given.
    Damaged(String),
}

/// Unpacks the archive's part `i` into nothing, checking its checksum, and says what
/// that found. A part that fails is unpacked a second time, without the checksum, to
/// tell a wrong checksum from a part that goes on past its declared size (both fail at
/// the same step, after the declared bytes) and from a part that cannot be unpacked.
fn unpacked<R: Read + Seek>(archive: &mut zip::ZipArchive<R>, i: usize) -> Unpacked {
    let declared = archive.by_index_raw(i).map_or(0, |part| part.size());
    match unpack(archive, i, true) {
        Ok(End::AsDeclared) => return Unpacked::AsDeclared,
        Ok(End::Past) => return Unpacked::MoreThanDeclared(declared),
        Err(_) => {}
    }
    match unpack(archive, i, false) {
        Ok(End::AsDeclared) => Unpacked::WrongChecksum,
        Ok(End::Past) | Err(Failed::AtEnd) => Unpacked::MoreThanDeclared(declared),
        Err(Failed::Early(why)) => Unpacked::Damaged(why),
    }
}

/// How unpacking a part ended.
enum End {
    /// No byte follows the ones the part declares.
    AsDeclared,
    /// A byte follows the ones the part declares.
    Past,
}

/// Why unpacking a part failed.
enum Failed {
    /// The part could not be opened, or failed before the end of its declared bytes,
    /// for the reason given.
    Early(String),
    /// The part failed after its declared bytes: it goes on past them (the zip crate
    /// fails a read that passes the declared size), or its checksum, checked at its
    /// end, is wrong. Without the checksum, it goes on past them.
    AtEnd,
}

/// Unpacks the archive's part `i` into nothing, in two steps: first the bytes it
/// declares, then one byte more, which must not be there. The first step never reads
/// past the declared bytes, since `take` asks for no more, and the second reads one
/// byte at most, so that no part is unpacked past its declared size (at most
/// [`MAX_UNPACKED`]) and the buffer is fixed. The checksum, when asked for, is checked
/// as the part ends.
fn unpack<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    i: usize,
    checksum: bool,
) -> Result<End, Failed> {
    let options = zip::read::ZipReadOptions::new().ignore_crc32(!checksum);
    let mut part = archive
        .by_index_with_options(i, options)
        .map_err(|e| Failed::Early(lower(&e)))?;
    let declared = part.size();
    std::io::copy(&mut (&mut part).take(declared), &mut std::io::sink())
        .map_err(|e| Failed::Early(lower(&e)))?;
    match part.read(&mut [0]) {
        Ok(0) => Ok(End::AsDeclared),
        Ok(_) => Ok(End::Past),
        Err(_) => Err(Failed::AtEnd),
    }
}

/// A workbook's sheets, read: the units' sheet, the sheets of the `periods` facts asked
/// for (`None` where the workbook has no such sheet), and the warnings about the sheets
/// not read.
pub struct Sheets {
    pub units: Grid,
    pub periods: Vec<Option<Grid>>,
    pub warnings: Vec<Diagnostic>,
}

/// Reads one worksheet of an XLSX file: `sheet` when named, otherwise the first
/// visible worksheet whose grid `has_header` (the first visible one when none has),
/// and the sheets named `periods` (of the rubric's `periods` facts, which are never
/// taken for the units' sheet), found by their names as [`normalise_name`] writes them.
pub fn grid(
    path: &Path,
    sheet: Option<&str>,
    periods: &[String],
    has_header: &dyn Fn(&Grid) -> bool,
) -> Result<Sheets, Diagnostic> {
    let name = path.display().to_string();
    // A regular file only, of a bounded size (what it unpacks to is bounded below).
    let bytes = crate::input::read_regular(path, crate::input::MAX_WORKBOOK_BYTES)?;
    let source = SourceFile::new(name.clone(), String::new());
    let unreadable = |why: Unreadable| {
        Diagnostic::from(WorkbookError::Unreadable {
            name: name.clone(),
            why,
        })
        .with_source(&source)
    };
    refuse_bomb(&bytes, &name, &source)?;
    let mut book: Book = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| unreadable(Unreadable::Said(said(&e))))?;
    let dates = if book.has_1904_epoch() {
        DateSystem::Excel1904
    } else {
        DateSystem::Excel1900
    };
    let sheets: Vec<(String, SheetType, SheetVisible)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.typ, s.visible))
        .collect();
    let mut side = Vec::with_capacity(periods.len());
    for wanted in periods {
        let key = normalise_name(wanted);
        let found = sheets
            .iter()
            .find(|(n, typ, _)| *typ == SheetType::WorkSheet && normalise_name(n) == key);
        side.push(match found {
            Some((found, ..)) => Some(read_sheet(&mut book, &name, found, dates)?),
            None => None,
        });
    }
    let is_side = |sheet: &str| {
        periods
            .iter()
            .any(|p| normalise_name(p) == normalise_name(sheet))
    };
    let done = |units: Grid, warnings: Vec<Diagnostic>| Sheets {
        units,
        periods: side,
        warnings,
    };
    if let Some(wanted) = sheet {
        let found = sheets.iter().find(|(n, ..)| n == wanted).or_else(|| {
            sheets
                .iter()
                .find(|(n, ..)| normalise_name(n) == normalise_name(wanted))
        });
        let Some((found, typ, _)) = found else {
            return Err(Diagnostic::from(WorkbookError::NoSheet {
                name: name.clone(),
                wanted: wanted.to_string(),
                sheets: sheets.iter().map(|(n, ..)| n.clone()).collect(),
            })
            .with_source(&source));
        };
        if *typ != SheetType::WorkSheet {
            return Err(Diagnostic::from(WorkbookError::NotCells {
                name: name.clone(),
                sheet: found.clone(),
            })
            .with_source(&source));
        }
        // The sheet of a `periods` fact holds a row per period, not a row per unit.
        if is_side(found) {
            return Err(Diagnostic::from(WorkbookError::PeriodsSheet {
                name: name.clone(),
                sheet: found.clone(),
            })
            .with_source(&source));
        }
        return Ok(done(
            read_sheet(&mut book, &name, found, dates)?,
            Vec::new(),
        ));
    }
    let visible: Vec<&str> = sheets
        .iter()
        .filter(|(n, typ, vis)| {
            *typ == SheetType::WorkSheet && *vis == SheetVisible::Visible && !is_side(n)
        })
        .map(|(n, ..)| n.as_str())
        .collect();
    if visible.is_empty() {
        return Err(unreadable(Unreadable::NoVisible));
    }
    let mut chosen: Option<Grid> = None;
    let mut others = Vec::new();
    for sheet in &visible {
        let grid = read_sheet(&mut book, &name, sheet, dates)?;
        if !has_header(&grid) {
            continue;
        }
        match chosen {
            None => chosen = Some(grid),
            Some(_) => others.push(sheet.to_string()),
        }
    }
    let Some(grid) = chosen else {
        // No sheet has an evidence header: the first is read, and its header's
        // problems are reported.
        return Ok(done(
            read_sheet(&mut book, &name, visible[0], dates)?,
            Vec::new(),
        ));
    };
    let warnings = if others.is_empty() {
        Vec::new()
    } else {
        vec![Diagnostic::from(WorkbookError::OtherSheets {
            name: name.clone(),
            sheet: grid.sheet.clone().unwrap_or_default(),
            others,
        })
        .with_source(&source)]
    };
    Ok(done(grid, warnings))
}

/// Reads one worksheet into a grid.
fn read_sheet(
    book: &mut Book,
    name: &str,
    sheet: &str,
    dates: DateSystem,
) -> Result<Grid, Diagnostic> {
    let range = book.worksheet_range(sheet).map_err(|e| {
        Diagnostic::from(WorkbookError::SheetUnreadable {
            name: name.to_string(),
            sheet: sheet.to_string(),
            reason: said(&e),
        })
        .with_source(&SourceFile::new(name, String::new()))
    })?;
    // Styles only tell percentages apart; a workbook whose styles cannot be read is
    // still read, as if no cell were a percentage.
    let styles = book.worksheet_style(sheet).ok();
    let percent = |row: u32, col: u32| {
        styles
            .as_ref()
            .and_then(|s| s.get((row, col)))
            .and_then(|s| s.number_format.as_ref())
            .is_some_and(|f| f.format_code.contains('%'))
    };
    // The formulas only tell a row of totals apart; a workbook whose formulas cannot
    // be read is still read, by the values Excel or WPS computed.
    let formulas = book.worksheet_formula(sheet).ok();
    let mut text = String::new();
    let mut rows = Vec::new();
    if let Some((last_row, last_col)) = range.end() {
        for r in 0..=last_row {
            let mut row = Vec::with_capacity(last_col as usize + 1);
            // A row without text (so without a unit's name) is read with its totals as
            // formulas, `=SUM(C3:C20)`, for the reader to pass it over as a row of
            // totals, not a unit without a name.
            let totals = !(0..=last_col).any(|c| {
                matches!(range.get_value((r, c)), Some(Data::String(t)) if !t.trim().is_empty())
            });
            for c in 0..=last_col {
                if c > 0 {
                    text.push_str(SEPARATOR);
                }
                let total = formulas
                    .as_ref()
                    .filter(|_| totals)
                    .and_then(|f| f.get_value((r, c)))
                    .filter(|f| is_total(f));
                let input = match total {
                    Some(f) => Input::Text(format!("={f}").into()),
                    None => range
                        .get_value((r, c))
                        .map_or(Input::Empty, |d| input(d, percent(r, c), dates)),
                };
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
        source: SourceFile::new(name, text),
        path: name.to_string(),
        sheet: Some(sheet.to_string()),
        rows: Rows::Cells(rows),
        dates,
    })
}

/// Whether a formula totals a range of cells: `SUM(C3:C20)`, `AVERAGE(…)`,
/// `SUBTOTAL(9,…)`, `COUNT(…)`.
fn is_total(formula: &str) -> bool {
    let f = formula
        .trim_start_matches('=')
        .trim_start()
        .to_ascii_uppercase();
    [
        "SUM(",
        "SUBTOTAL(",
        "AVERAGE(",
        "COUNT(",
        "COUNTA(",
        "COUNTIF(",
    ]
    .iter()
    .any(|name| f.starts_with(name))
        && f.contains(':')
}

/// An error's text in lowercase, as messages are.
/// Why calamine cannot read a workbook or a sheet, in the language of the run: in
/// English calamine's own text; in Chinese the kind of its error in words (not a
/// workbook, protected by a password, damaged), and calamine's text as a note for an
/// error of another kind.
fn said(e: &calamine::XlsxError) -> String {
    use calamine::XlsxError as E;
    if crate::locale::current() == crate::locale::Lang::En {
        return lower(e);
    }
    let what = match e {
        E::Zip(_) => "not-zip",
        E::Password => "password",
        E::Xml(_)
        | E::XmlAttr(_)
        | E::XmlEof(_)
        | E::UnexpectedNode(_)
        | E::Parse(_)
        | E::ParseFloat(_)
        | E::ParseInt(_)
        | E::Encoding(_)
        | E::Unexpected(_)
        | E::RelationshipNotFound => "damaged",
        E::FileNotFound(_) => "missing-part",
        _ => return msg!("input-reason-other", detail = lower(e)),
    };
    msg!("workbook-reason", what = what)
}

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

fn input(data: &Data, percent: bool, dates: DateSystem) -> Input<'static> {
    match data {
        Data::Empty => Input::Empty,
        Data::String(s) => Input::Text(s.clone().into()),
        Data::Float(f) => number(format!("{f}"), percent),
        Data::Int(i) => number(i.to_string(), percent),
        Data::Bool(b) => Input::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => match excel_day(dt.as_f64(), dates) {
            Ok(day) => Input::Date(day),
            // Excel's 1900-02-29 and day 0, which never were: the date column says so.
            Err(why) => Input::NoDay(Box::new(NoDay {
                serial: format!("{}", dt.as_f64()),
                why,
            })),
        },
        Data::DateTime(dt) => Input::Number(format!("{}", dt.as_f64())),
        Data::DateTimeIso(s) => {
            match chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
                Ok(day) => Input::Date(day),
                Err(_) => Input::Text(s.clone().into()),
            }
        }
        Data::DurationIso(s) => Input::Text(s.clone().into()),
        Data::Error(e) => Input::Error(e.to_string()),
    }
}

/// A number cell; one formatted as a percentage is the percentage it shows.
fn number(text: String, percent: bool) -> Input<'static> {
    if percent {
        let shown = Decimal::from_str_exact(&text)
            .ok()
            .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED));
        if let Some(p) = shown {
            return Input::Text(format!("{}%", p.normalize()).into());
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
