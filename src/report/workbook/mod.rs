//! The XLSX report of `kaohe eval`: the ranking sheet, best first; a 图表 sheet with a
//! native Excel chart of the totals; then one score sheet per unit, in the order of the
//! ranking, laid out like the official table (一级指标 | 二级指标 | 分值 | 得分 | 扣分说明),
//! ready to send to the assessed unit. Past [`MAX_UNIT_SHEETS`] units, one 得分明细 sheet
//! holds every unit's rows instead, written in rust_xlsxwriter's constant-memory mode.
//!
//! Every sheet prints on A4 landscape, one page wide, its header rows repeated
//! ([`print`]); rows of wrapped text are given the height their text takes. Scores are
//! shown to the rubric's rounding (`round 2` → `65.50`); a first-level subtotal of a
//! unit with items that did not apply is shown with its applicable points, `21.00/22`,
//! while the cell keeps the number 21, so that a spreadsheet still sorts and adds it.
//!
//! Scores are exact decimals, but a workbook stores every number as binary floating
//! point. Each score is written as the float nearest to its decimal text, which reads
//! back as the same decimal (any score of up to 15 significant digits does), and is
//! shown by Excel as written.

pub(crate) mod print;
pub(super) mod unit;

use std::collections::HashSet;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartType, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::{number, ranks};
use crate::check::Rubric;
use crate::diagnostic::{codes, Diagnostic};
use crate::eval::{Sheet, Summary, Top};
use crate::model::SectionKind;

/// The catalogue's id of the ranking sheet's name (排名).
pub const RANKING_SHEET: &str = "xlsx-sheet-ranking";
/// The catalogue's id of the name of the sheet of the chart of the totals (图表).
pub const CHART_SHEET: &str = "xlsx-sheet-chart";
/// The catalogue's id of the name of the sheet that holds every unit's rows past
/// [`MAX_UNIT_SHEETS`] units (得分明细).
pub const DETAIL_SHEET: &str = "xlsx-sheet-details";

/// A sheet's name in the run's language, from its catalogue id.
pub fn sheet_name(id: &str) -> String {
    crate::locale::text(crate::locale::current(), id, &[])
}
/// The most units that get a score sheet each; past it, one 得分明细 sheet holds them
/// all (a workbook of thousands of sheets opens slowly and prints as thousands of
/// files' worth of pages).
pub const MAX_UNIT_SHEETS: usize = 200;
/// The most units the chart of the totals shows, the best first.
pub const MAX_CHART_UNITS: usize = 100;

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
            base = sheet_name("xlsx-sheet-unit");
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
    note: Format,
    /// A whole number: a rank, points.
    number: Format,
    /// A score, to the rubric's rounding.
    score: Format,
    total: Format,
    total_score: Format,
    /// The number format of a score (`0.00`), for the formats made per cell.
    score_format: String,
}

impl Formats {
    fn new(rubric: &Rubric) -> Formats {
        let cell = Format::new()
            .set_font_name("宋体")
            .set_font_size(10.5)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let places = rubric.rounding.places.min(10) as usize;
        let score_format = if places == 0 {
            "0".to_string()
        } else {
            format!("0.{}", "0".repeat(places))
        };
        let number = cell.clone().set_align(FormatAlign::Right);
        Formats {
            title: Format::new()
                .set_font_name("黑体")
                .set_font_size(14)
                .set_bold()
                .set_align(FormatAlign::VerticalCenter),
            header: cell
                .clone()
                .set_bold()
                .set_background_color(0xD9E1F2)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            note: Format::new()
                .set_font_name("宋体")
                .set_font_size(10)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            number: number.clone(),
            score: number.clone().set_num_format(&score_format),
            total: cell.clone().set_bold(),
            total_score: number.set_bold().set_num_format(&score_format),
            score_format,
        }
    }

    /// The format of a score shown with the points it is out of: `21.00/22`.
    fn score_of(&self, of: Decimal) -> Format {
        self.score
            .clone()
            .set_num_format(format!("{}\"/{}\"", self.score_format, number(of)))
    }
}

/// The report as the bytes of an XLSX file.
pub fn xlsx(rubric: &Rubric, sheets: &[Sheet]) -> Result<Vec<u8>, Diagnostic> {
    build(rubric, sheets).map_err(|e| failed("XLSX report", &e))
}

fn build(rubric: &Rubric, sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new(rubric);
    let mut book = Workbook::new();
    let mut names = SheetNames::default();
    let summaries: Vec<Summary> = sheets.iter().map(|s| Summary::of(rubric, s)).collect();
    let scores: Vec<Decimal> = summaries.iter().map(|s| s.score).collect();
    // The order of the table and CSV rankings: best first, ties in the input's order.
    let order = ranks(&scores);
    let ranking_name = names.name(&sheet_name(RANKING_SHEET));
    ranking_sheet(
        book.add_worksheet().set_name(&ranking_name)?,
        rubric,
        &summaries,
        &order,
        &formats,
    )?;
    chart_sheet(
        book.add_worksheet()
            .set_name(names.name(&sheet_name(CHART_SHEET)))?,
        rubric,
        &ranking_name,
        order.len(),
    )?;
    if sheets.len() > MAX_UNIT_SHEETS {
        let ws = book
            .add_worksheet_with_constant_memory()?
            .set_name(names.name(&sheet_name(DETAIL_SHEET)))?;
        unit::detail_sheet(ws, rubric, sheets, &order, &formats)?;
    } else {
        for &(rank, i) in &order {
            let name = names.name(&sheets[i].unit);
            unit::unit_sheet(
                book.add_worksheet().set_name(name)?,
                rubric,
                &sheets[i],
                rank,
                &formats,
            )?;
        }
    }
    book.save_to_buffer()
}

/// The header of the ranking: rank, unit, total, each top-level section or item with
/// its points, and the points a prorated total was worked out from.
fn ranking_header(rubric: &Rubric) -> Vec<String> {
    let lang = crate::locale::current();
    let mut header = super::ranking::ranked_header(rubric);
    header.push(crate::tr!(lang, "ranking-earned"));
    header.push(crate::tr!(lang, "ranking-applicable"));
    header
}

fn ranking_sheet(
    ws: &mut Worksheet,
    rubric: &Rubric,
    summaries: &[Summary],
    order: &[(usize, usize)],
    f: &Formats,
) -> Result<(), XlsxError> {
    let header = ranking_header(rubric);
    let last = col(header.len().saturating_sub(1));
    ws.merge_range(0, 0, 0, last, &cell_text(&rubric.title), &f.title)?;
    ws.set_row_height(0, 24)?;
    let mut widths = Vec::with_capacity(header.len());
    for (c, h) in header.iter().enumerate() {
        let width = if c == 0 {
            6.0
        } else if c == 1 {
            18.0
        } else {
            12.0
        };
        widths.push(width);
        ws.write_string_with_format(1, col(c), h, &f.header)?;
        ws.set_column_width(col(c), width)?;
    }
    ws.set_row_height(
        1,
        print::row_height(
            header
                .iter()
                .map(String::as_str)
                .zip(widths.iter().copied()),
        ),
    )?;
    let mut partial = false;
    let mut r = 2u32;
    for &(rank, i) in order {
        let s = &summaries[i];
        ws.write_number_with_format(r, 0, rank as f64, &f.number)?;
        ws.write_string_with_format(r, 1, cell_text(&s.unit), &f.text)?;
        ws.write_number_with_format(r, 2, float(s.score), &f.score)?;
        for (c, top) in s.top.iter().enumerate() {
            let c = col(c + 3);
            match top.score {
                Some(score) => match applicable_of(top) {
                    Some(of) => {
                        partial = true;
                        ws.write_number_with_format(r, c, float(score), &f.score_of(of))?
                    }
                    None => ws.write_number_with_format(r, c, float(score), &f.score)?,
                },
                None => ws.write_blank(r, c, &f.text)?,
            };
        }
        let c = col(s.top.len() + 3);
        ws.write_number_with_format(r, c, float(s.earned), &f.score)?;
        ws.write_number_with_format(r, c + 1, float(s.applicable_points), &f.number)?;
        if s.unit.width_cjk() > 16 {
            ws.set_row_height(r, print::row_height([(s.unit.as_str(), widths[1])]))?;
        }
        r += 1;
    }
    // What the numbers mean, under the table.
    let lang = crate::locale::current();
    let mut notes = Vec::new();
    if summaries.iter().any(|s| s.prorated) {
        notes.push(crate::tr!(lang, "xlsx-note-prorated"));
    }
    if partial {
        notes.push(crate::tr!(lang, "xlsx-note-partial"));
    }
    for note in notes {
        r += 1;
        ws.merge_range(r, 0, r, last, &note, &f.note)?;
        let width: f64 = widths.iter().sum();
        ws.set_row_height(r, print::row_height([(note.as_str(), width)]))?;
    }
    ws.set_freeze_panes(2, 2)?;
    print::a4_landscape(ws, 1, 1, crate::locale::current())?;
    Ok(())
}

/// The applicable points of a regular section some of whose items did not apply.
fn applicable_of(top: &Top) -> Option<Decimal> {
    (top.kind == Some(SectionKind::Regular) && top.applicable_points != top.points)
        .then_some(top.applicable_points)
}

/// A column chart of the totals of the best [`MAX_CHART_UNITS`] units, read from the
/// ranking sheet.
fn chart_sheet(
    ws: &mut Worksheet,
    rubric: &Rubric,
    ranking: &str,
    units: usize,
) -> Result<(), XlsxError> {
    let lang = crate::locale::current();
    let shown = units.min(MAX_CHART_UNITS) as u32;
    let mut chart = Chart::new(ChartType::Column);
    chart
        .title()
        .set_name(crate::tr!(lang, "xlsx-chart-title", title = &rubric.title).as_str());
    if shown > 0 {
        chart
            .add_series()
            .set_name(crate::tr!(lang, "xlsx-chart-series").as_str())
            .set_categories((ranking, 2, 1, shown + 1, 1))
            .set_values((ranking, 2, 2, shown + 1, 2))
            .set_data_label(ChartDataLabel::new().show_value());
    }
    chart.legend().set_hidden();
    chart
        .y_axis()
        .set_min(0)
        .set_max(float(rubric.total.max(Decimal::ONE)));
    chart
        .x_axis()
        .set_name(crate::tr!(lang, "xlsx-chart-x").as_str());
    chart
        .y_axis()
        .set_name(crate::tr!(lang, "xlsx-chart-y").as_str());
    let width = (shown * 36).clamp(720, 4000);
    chart.set_width(width).set_height(440);
    ws.insert_chart(1, 0, &chart)?;
    if (shown as usize) < units {
        ws.write_string(
            0,
            0,
            crate::tr!(
                lang,
                "xlsx-chart-limited",
                max = MAX_CHART_UNITS,
                sheet = ranking
            ),
        )?;
    }
    print::a4_landscape(ws, 0, 0, crate::locale::current())?;
    Ok(())
}

/// Column numbers are small: the official table has five columns, and a ranking one
/// per first-level section (the rubric's checker keeps them few).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// The width of a text in columns, a CJK character two.
trait WidthCjk {
    fn width_cjk(&self) -> usize;
}

impl WidthCjk for str {
    fn width_cjk(&self) -> usize {
        unicode_width::UnicodeWidthStr::width(self)
    }
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
        // A name of nothing is the word for a unit, in the language of the process
        // (English until the command line sets it).
        assert_eq!(names.name("  "), "Unit");
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
