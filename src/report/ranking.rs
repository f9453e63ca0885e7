//! The ranking as rows of cells — rank, unit, total, each first-level subtotal, and
//! the points a prorated total was worked out from — for CSV and for the XLSX report.
//!
//! Equal totals share a rank and keep the order the units were read in
//! ([`super::ranks`]). Every cell is a plain number, so a spreadsheet can sort and add
//! them; a not-applicable top-level item is an empty cell. The rows are made from a
//! [`RankingStore`] or a [`super::RankingSort`], one at a time, and the CSV is written as
//! they are made. A text field of the CSV that a spreadsheet would run as a formula
//! (a unit named `=HYPERLINK(…)`) is written with a leading `'`
//! ([`crate::safe::csv_field`]); the XLSX report writes the same text as a text cell,
//! which is never a formula.

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::ranking_sort::{ranked, RankedUnit, RANKING};
use super::ranking_store::RankingStore;
use super::{number, push_number};
use crate::check::Rubric;
use crate::eval::Summary;
use crate::tr;

/// One cell of the ranking.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Number(Decimal),
    Text(String),
    Empty,
}

impl Value {
    /// The value's text written onto the end of `out` as a CSV field: a text that a
    /// spreadsheet would run as a formula gets a leading `'`, and hidden characters
    /// are made visible ([`crate::safe::csv_field`]); a number stays a number.
    fn push_csv(&self, out: &mut String) {
        match self {
            Value::Number(d) => push_number(out, *d),
            Value::Text(t) => out.push_str(&crate::safe::csv_field(t)),
            Value::Empty => {}
        }
    }
}

/// The columns every ranking begins with: rank, unit, total, and each top-level
/// section or item with its points (the table's whole header), in the run's language:
/// offices open the CSV in Excel, so its header is for people too.
pub(super) fn ranked_header(rubric: &Rubric) -> Vec<String> {
    let lang = crate::locale::current();
    let mut header = vec![
        tr!(lang, "ranking-rank"),
        tr!(lang, "ranking-unit"),
        tr!(lang, "ranking-total", points = number(rubric.total)),
    ];
    for node in &rubric.nodes {
        header.push(format!(
            "{} ({})",
            node.name().node,
            super::points_text(node.points().node, node.uncapped(), lang)
        ));
    }
    header
}

/// The header of the ranking: the table's, and the points a prorated total was
/// worked out from.
fn header(rubric: &Rubric) -> Vec<String> {
    let lang = crate::locale::current();
    let mut header = ranked_header(rubric);
    header.push(tr!(lang, "ranking-earned"));
    header.push(tr!(lang, "ranking-applicable"));
    header
}

/// The cells of a row of the ranking.
fn cells((rank, unit): (usize, RankedUnit)) -> Vec<Value> {
    let mut cells = Vec::with_capacity(unit.top.len() + 5);
    cells.extend([
        Value::Number(Decimal::from(rank)),
        Value::Text(unit.unit),
        Value::Number(unit.score),
    ]);
    cells.extend(
        unit.top
            .into_iter()
            .map(|t| t.map_or(Value::Empty, Value::Number)),
    );
    cells.push(Value::Number(unit.earned));
    cells.push(Value::Number(unit.applicable_points));
    cells
}

/// The units of `store`, best first, each with its rank.
fn ranked_store(
    store: &RankingStore,
) -> impl Iterator<Item = io::Result<(usize, RankedUnit)>> + '_ {
    ranked(
        store
            .ranked()
            .map(|(_, i)| Ok(RankedUnit::of(store, i, i as u64))),
    )
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
/// Chinese header as UTF-8.
pub fn ranking_csv(rubric: &Rubric, summaries: &[Summary]) -> String {
    let store: RankingStore = summaries.iter().collect();
    let mut bytes = Vec::new();
    // Writing text into memory cannot fail.
    let _ = write_ranking_csv(rubric, &store, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// Writes the ranking as CSV ([`ranking_csv`]) into `out`, each row as it is made.
pub fn write_ranking_csv(
    rubric: &Rubric,
    store: &RankingStore,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_rows_csv(rubric, ranked_store(store), out)
}

/// Writes the ranking of any number of units as CSV ([`ranking_csv`]) into `out`,
/// each row as it is merged from the runs on disk ([`super::RankingSort::rows`]). An error
/// reading the runs back ends the writing, as an `io::Error` that holds a
/// [`crate::spill::ReadBack`].
pub fn write_sorted_ranking_csv(
    rubric: &Rubric,
    rows: impl Iterator<Item = io::Result<(usize, RankedUnit)>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rows = rows.map(|r| {
        r.map_err(|error| {
            io::Error::other(crate::spill::ReadBack {
                doing: RANKING.0,
                what: RANKING.1,
                error,
            })
        })
    });
    write_rows_csv(rubric, rows, out)
}

fn write_rows_csv(
    rubric: &Rubric,
    rows: impl Iterator<Item = io::Result<(usize, RankedUnit)>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer
        .write_record(
            header(rubric)
                .iter()
                .map(|h| crate::safe::csv_field(h).into_owned()),
        )
        .map_err(io_error)?;
    // Each field is written through one buffer, made once.
    let mut field = String::new();
    for row in rows {
        for value in &cells(row?) {
            field.clear();
            value.push_csv(&mut field);
            writer.write_field(&field).map_err(io_error)?;
        }
        writer.write_record(None::<&[u8]>).map_err(io_error)?;
    }
    writer.flush()
}

/// The error of the writer under a CSV writer, as it was: a broken pipe stays a
/// broken pipe.
fn io_error(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}
