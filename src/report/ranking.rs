//! The ranking as rows of cells — rank, unit, total, each first-level subtotal, and
//! the points a prorated total was worked out from — for CSV and for the XLSX report.
//!
//! Equal totals share a rank and keep the order the units were read in
//! ([`super::ranks`]). Every cell is a plain number, so a spreadsheet can sort and add
//! them; a not-applicable top-level item is an empty cell.

use rust_decimal::Decimal;

use super::{number, ranks};
use crate::check::Rubric;
use crate::eval::Summary;

/// One cell of the ranking.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Number(Decimal),
    Text(String),
    Empty,
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Number(d) => number(*d),
            Value::Text(t) => t.clone(),
            Value::Empty => String::new(),
        }
    }
}

/// The columns every ranking begins with: rank, unit, total, and each top-level
/// section or item with its points (the table's whole header).
pub(super) fn ranked_header(rubric: &Rubric) -> Vec<String> {
    let mut header = vec![
        "排名".to_string(),
        "单位".to_string(),
        format!("总分 ({})", number(rubric.total)),
    ];
    for node in &rubric.nodes {
        header.push(format!(
            "{} ({})",
            node.name().node,
            number(node.points().node)
        ));
    }
    header
}

/// The header of the ranking: the table's, and the points a prorated total was
/// worked out from.
fn header(rubric: &Rubric) -> Vec<String> {
    let mut header = ranked_header(rubric);
    header.push("适用指标得分".into());
    header.push("适用指标分值".into());
    header
}

/// Each row of the ranking, best first, given to `row` in turn, so that a ranking of
/// many units is never held as cells all at once.
fn each_row(summaries: &[Summary], mut row: impl FnMut(Vec<Value>)) {
    let scores: Vec<Decimal> = summaries.iter().map(|s| s.score).collect();
    for (rank, i) in ranks(&scores) {
        let s = &summaries[i];
        let mut cells = Vec::with_capacity(s.top.len() + 5);
        cells.extend([
            Value::Number(Decimal::from(rank)),
            Value::Text(s.unit.clone()),
            Value::Number(s.score),
        ]);
        cells.extend(
            s.top
                .iter()
                .map(|top| top.score.map_or(Value::Empty, Value::Number)),
        );
        cells.push(Value::Number(s.earned));
        cells.push(Value::Number(s.applicable_points));
        row(cells);
    }
}

/// The header and the rows of the ranking, best first.
pub(super) fn rows(rubric: &Rubric, summaries: &[Summary]) -> (Vec<String>, Vec<Vec<Value>>) {
    let mut out = Vec::with_capacity(summaries.len());
    each_row(summaries, |r| out.push(r));
    (header(rubric), out)
}

/// Rows of text as CSV: RFC 4180 quoting, CRLF line ends, as spreadsheets write it.
pub(super) fn csv_rows<S: AsRef<str>>(rows: &[Vec<S>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing text into memory cannot fail.
        let _ = writer.write_record(row.iter().map(AsRef::as_ref));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The ranking as CSV, with a UTF-8 byte-order mark so that Excel and WPS read the
/// Chinese header as UTF-8. Rows are written as they are made.
pub fn ranking_csv(rubric: &Rubric, summaries: &[Summary]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    // Writing text into memory cannot fail.
    let _ = writer.write_record(header(rubric));
    each_row(summaries, |r| {
        let _ = writer.write_record(r.iter().map(Value::text));
    });
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
