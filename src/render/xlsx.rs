//! The published table as an XLSX workbook: one sheet, 考核表, with the title and the
//! source above the table, indicator cells merged over the rows (and columns) they
//! span, criteria in wrapped text with each row as tall as its text, points as numbers,
//! and the page set up for A4 (landscape, one page wide, the header row repeated on
//! every page).

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{Table, Tail};
use crate::diagnostic::{codes, Diagnostic};
use crate::report::workbook::print;

/// The width of an indicator column, in characters.
const INDICATOR_WIDTH: f64 = 14.0;
/// The width of the criteria column, in characters: A4 landscape, one page wide.
const CRITERIA_WIDTH: f64 = 96.0;

struct Formats {
    title: Format,
    source: Format,
    heading: Format,
    indicator: Format,
    level1: Format,
    points: Format,
    criteria: Format,
    total: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = || {
            Format::new()
                .set_font_name("宋体")
                .set_font_size(10.5)
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
        };
        Formats {
            title: Format::new()
                .set_font_name("黑体")
                .set_font_size(16)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            source: Format::new().set_font_name("宋体").set_font_size(10.5),
            heading: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xEEEEEE)),
            indicator: cell().set_align(FormatAlign::Center),
            level1: cell().set_bold().set_align(FormatAlign::Center),
            points: cell().set_align(FormatAlign::Center),
            criteria: cell().set_align(FormatAlign::Left),
            total: cell().set_bold().set_align(FormatAlign::Center),
        }
    }
}

/// The workbook's bytes, or why it could not be built.
pub fn xlsx(table: &Table) -> Result<Vec<u8>, Diagnostic> {
    build(table).map_err(|e| {
        Diagnostic::error(
            codes::WRITE,
            crate::diagnostic::msg!("render-xlsx", reason = e.to_string().to_lowercase()),
        )
        .help(crate::diagnostic::msg!("render-xlsx".help))
    })
}

fn build(table: &Table) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(&table.title));
    let sheet = workbook.add_worksheet();
    sheet.set_name("考核表")?;
    let columns = (table.levels + table.tail.len()) as u16;
    let last_col = columns - 1;
    let first_tail = table.levels as u16;
    let texts = table.text_columns();
    // The text columns share the width of the one criteria column.
    let text_width = CRITERIA_WIDTH / texts.max(1) as f64;
    for c in 0..table.levels as u16 {
        sheet.set_column_width(c, INDICATOR_WIDTH)?;
    }
    for (i, (t, _)) in table.tail.iter().enumerate() {
        let width = match t {
            Tail::Points => 7.0,
            Tail::Text(_) => text_width,
        };
        sheet.set_column_width(first_tail + i as u16, width)?;
    }

    let mut row: u32 = 0;
    if let Some(source) = &table.source {
        write_across(sheet, row, last_col, source, &f.source)?;
        row += 1;
    }
    write_across(sheet, row, last_col, &table.title, &f.title)?;
    sheet.set_row_height(row, 30)?;
    row += 1;
    if let Some(methods) = &table.methods {
        write_across(sheet, row, last_col, methods, &f.source)?;
        row += 1;
    }
    let heading_row = row;
    for (c, h) in table.headings().iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, h, &f.heading)?;
    }
    row += 1;

    let first = row;
    for (n, r) in table.rows.iter().enumerate() {
        let at = first + n as u32;
        for cell in &r.cells {
            let mut text = cell.heading(table.lang);
            for line in &cell.lines {
                text.push('\n');
                text.push_str(line);
            }
            let format = if cell.column == 0 {
                &f.level1
            } else {
                &f.indicator
            };
            let col = cell.column as u16;
            let last_row = at + cell.rowspan.max(1) as u32 - 1;
            let last = col + cell.colspan.max(1) as u16 - 1;
            if last_row > at || last > col {
                sheet.merge_range(at, col, last_row, last, &text, format)?;
            } else {
                sheet.write_string_with_format(at, col, &text, format)?;
            }
        }
        let mut columns_text: Vec<(u16, String)> = Vec::new();
        for (i, (t, _)) in table.tail.iter().enumerate() {
            let col = first_tail + i as u16;
            match t {
                Tail::Points if r.weight.is_some() || r.uncapped => {
                    sheet.write_string_with_format(
                        at,
                        col,
                        r.points_text(table.lang),
                        &f.points,
                    )?;
                }
                Tail::Points => write_points(sheet, at, col, r.points, &f.points)?,
                Tail::Text(n) => columns_text.push((col, r.text(*n, texts).join("\n"))),
            }
        }
        // The row is as tall as its criteria, or as an indicator cell that is on this
        // row alone; a cell spanning rows has theirs.
        let texts: Vec<(String, f64)> = r
            .cells
            .iter()
            .filter(|cell| cell.rowspan <= 1)
            .map(|cell| {
                (
                    cell.heading(table.lang),
                    INDICATOR_WIDTH * cell.colspan.max(1) as f64,
                )
            })
            .collect();
        sheet.set_row_height(
            at,
            print::row_height(
                texts
                    .iter()
                    .map(|(text, width)| (text.as_str(), *width))
                    .chain(columns_text.iter().map(|(_, t)| (t.as_str(), text_width))),
            ),
        )?;
        for (col, text) in columns_text {
            sheet.write_string_with_format(at, col, text, &f.criteria)?;
        }
    }
    row = first + table.rows.len() as u32;
    if table.levels > 1 {
        sheet.merge_range(row, 0, row, first_tail - 1, &table.total_word(), &f.total)?;
    } else {
        sheet.write_string_with_format(row, 0, table.total_word(), &f.total)?;
    }
    let mut max_written = false;
    for (i, (t, _)) in table.tail.iter().enumerate() {
        let col = first_tail + i as u16;
        match (t, table.total_note()) {
            (Tail::Points, _) if table.total_percent => {
                sheet.write_string_with_format(row, col, table.total_text(), &f.total)?;
            }
            (Tail::Points, _) => write_points(sheet, row, col, table.total, &f.total)?,
            (Tail::Text(_), Some(note)) if !max_written => {
                max_written = true;
                sheet.write_string_with_format(row, col, note, &f.criteria)?;
            }
            (Tail::Text(_), _) => {
                sheet.write_blank(row, col, &f.criteria)?;
            }
        }
    }

    print::a4_landscape(sheet, heading_row, heading_row, table.lang)?;
    sheet.set_print_center_horizontally(true);
    sheet.set_freeze_panes(heading_row + 1, 0)?;
    workbook.save_to_buffer()
}

/// Writes a line across every column of the table.
fn write_across(
    sheet: &mut Worksheet,
    row: u32,
    last_col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if last_col > 0 {
        sheet.merge_range(row, 0, row, last_col, text, format)?;
    } else {
        sheet.write_string_with_format(row, 0, text, format)?;
    }
    Ok(())
}

/// Points as a number, so that a spreadsheet can add them up; as text in the rare
/// case a decimal has no `f64` near enough.
fn write_points(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    points: rust_decimal::Decimal,
    format: &Format,
) -> Result<(), XlsxError> {
    match points.to_f64() {
        Some(v) if v.is_finite() => sheet.write_number_with_format(row, col, v, format)?,
        _ => sheet.write_string_with_format(row, col, points.normalize().to_string(), format)?,
    };
    Ok(())
}
