//! Spreadsheet evidence — a CSV file or a workbook's sheet — read row by row into
//! units, each row once ([`facts`]), its values typed by the typing of every format.
//!
//! The header ([`super::columns`]) is found where it is: the first rows that name
//! `单位` or columns of the rubric ([`header_rows`]), below a title or blank rows if
//! there are any, in one row or in two or three (an item's name in a merged cell above
//! its facts' names); failing that, the first row that is not blank. Every row below
//! the header that is not blank is one unit. Each row is read straight into its
//! unit's facts, every cell by its column's type ([`super::cell`]), and the checks of
//! values, missing facts and applicability are the typing's (`super::value`), the
//! same for every format. This module adds what only a sheet can get wrong — its
//! header, blank cells, rows without a unit — and words the typing's findings for a
//! sheet: each names the cell (`C7`), its row and its column's header, and points at
//! the cell. Every word is a message of the diagnostics' catalogue (`sheet-…`), in the
//! run's language; a finding is worded by its kind ([`Finding`]: a kind of
//! [`super::EvidenceError`] and its item), never by its words.
//!
//! A sheet is read a chunk of rows at a time ([`SheetReader`]): a CSV file in as many
//! chunks as its size takes, a workbook's sheet in one. The header is read from the
//! first chunk, and each row's unit is handed on as soon as it is checked; what the
//! checks across rows need (the header's columns, the names seen, the columns without
//! a header already reported) is all that is kept from one chunk to the next. Rows are
//! numbered in the whole sheet.
//!
//! Rows under the units — totals, notes, signatures, rows of formulas — are passed
//! over with one warning ([`footer`]), and so is a column of row numbers (`序号`).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::cell::{self, normalise_name, Cell, DateSystem, Read};
use super::columns::{self, Column, Layout, Part, UNIT_HEADER};
use super::problem::{
    cell_name, cell_ref, cell_with_header, row_name, EvidenceError, SheetError, SheetName,
};
use super::raw::{Node, Raw};
use super::value::{self, Finding, Unit};
use crate::check::{suggest_name, Rubric};
use crate::diagnostic::{codes, msg, Diagnostic};
use crate::source::SourceFile;
use crate::span::{Span, Spanned};

mod facts;
mod footer;
mod header;
mod row;
mod side;
mod wording;

use header::read_header;
pub use header::{expected_headers, has_evidence_header, header_rows, HEADER_SEARCH_ROWS};
use row::{read_row, RowRead};
pub use side::Side;
use wording::{blanks_help, word, Worded};

/// A sheet of cells, each with its place in a source text.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The text diagnostics point into: the CSV file, or the text kaohe writes for a
    /// workbook's sheet (one line per row).
    pub source: SourceFile,
    /// The file's path, as messages name it.
    pub path: String,
    /// The sheet's name, for a workbook.
    pub sheet: Option<String>,
    /// Every row, blank ones included: row `i` ([`Grid::row`]) is row `i + 1` of the
    /// grid (of the file, for all but a CSV file's later chunks).
    pub rows: Rows,
    /// How the workbook counts days (a CSV file has no day numbers).
    pub dates: DateSystem,
}

/// The rows of a grid: their cells, or where they lie in its source's text.
#[derive(Debug, Clone)]
pub enum Rows {
    /// Every row's cells (a workbook's sheet).
    Cells(Vec<Vec<Cell<'static>>>),
    /// A chunk of a CSV file: where each row lies in the source's text (from its first
    /// byte to the next row's), its cells made when it is read
    /// ([`super::delimited::cells`]) and borrowing their texts from the source's, so
    /// that the cells of all its rows are never held at once; and the most cells a row
    /// has.
    Text {
        rows: Vec<Range<usize>>,
        width: usize,
        /// For a file's first chunk, the cells of its first rows, made once when one
        /// of them is first read: the header is looked for among them, reading each
        /// many times.
        top: Option<OnceCell<Vec<Vec<Cell<'static>>>>>,
    },
}

impl Rows {
    /// The rows of a CSV chunk, where each lies in its text; `width`: the most cells a
    /// row has; `first`: the chunk is the file's first, where the header is looked for.
    pub fn text(rows: Vec<Range<usize>>, width: usize, first: bool) -> Rows {
        Rows::Text {
            rows,
            width,
            top: first.then(OnceCell::new),
        }
    }
}

/// The span of a whole row, or of the place a row would be.
fn span_of(cells: &[Cell<'_>]) -> Span {
    match (cells.first(), cells.last()) {
        (Some(first), Some(last)) => first.span.to(last.span),
        _ => Span::default(),
    }
}

/// The cell of a row at a column, or a blank one at the end of a row that stops short.
fn cell_in<'t>(cells: &[Cell<'t>], col: usize) -> Cell<'t> {
    match cells.get(col) {
        Some(cell) => cell.clone(),
        None => {
            let end = span_of(cells).end;
            Cell {
                input: cell::Input::Empty,
                span: Span::new(end, end),
                text_at: None,
            }
        }
    }
}

/// A unit read from one row, and where: `` `a.csv` row 7 ``.
#[derive(Debug, Clone)]
pub struct RowUnit {
    pub unit: Unit,
    pub place: String,
}

impl Grid {
    /// The number of rows.
    pub fn row_count(&self) -> usize {
        match &self.rows {
            Rows::Cells(rows) => rows.len(),
            Rows::Text { rows, .. } => rows.len(),
        }
    }

    /// The cells of the grid's row `i` (0-based), which must be one of its rows: a CSV
    /// chunk's made now from its text, but for the first rows'.
    pub fn row(&self, i: usize) -> Cow<'_, [Cell<'_>]> {
        match &self.rows {
            Rows::Cells(rows) => Cow::Borrowed(&rows[i]),
            Rows::Text { rows, width, top } => {
                let text = self.source.text();
                let make = |row: &Range<usize>| super::delimited::cells(text, row.clone(), *width);
                match top {
                    Some(top) if i < HEADER_SEARCH_ROWS => {
                        let top = top.get_or_init(|| {
                            rows.iter()
                                .take(HEADER_SEARCH_ROWS)
                                .map(|row| make(row).into_iter().map(Cell::into_owned).collect())
                                .collect()
                        });
                        Cow::Borrowed(&top[i])
                    }
                    _ => Cow::Owned(make(&rows[i])),
                }
            }
        }
    }

    /// The sheet as a message names it: `` `a.csv` `` or `` sheet `证据` of `a.xlsx` ``.
    fn what(&self) -> String {
        self.name().what()
    }

    /// The sheet's name and file, as a problem holds them.
    fn name(&self) -> SheetName {
        SheetName {
            path: self.path.clone(),
            sheet: self.sheet.clone(),
        }
    }

    /// How a message begins for one cell: `` cell C7 (row 7, column `决策预公开/未做意见征集`) ``,
    /// for the sheet's 0-based `row`.
    fn cell_name(&self, row: usize, col: usize, header: &str) -> String {
        cell_name(self.sheet.as_deref(), row, col, header)
    }
}

/// A message that begins with its place: `` cell C7 (…): … `` or `` row 7 (`台山市`): … ``.
fn placed(place: &str, message: &str) -> String {
    msg!("sheet-at", place = place, message = message)
}

/// A grid as a part of its sheet: one chunk of a CSV file's rows, numbered as in the
/// whole file (`first` rows above it), or a whole sheet (`first` 0). Every row index
/// of this module is the sheet's.
#[derive(Clone, Copy)]
struct Placed<'g> {
    grid: &'g Grid,
    first: usize,
}

impl<'g> Placed<'g> {
    /// A row of the sheet, which must be in this part.
    fn row(&self, row: usize) -> Cow<'g, [Cell<'g>]> {
        self.grid.row(row - self.first)
    }

    /// The row below the last of this part.
    fn end(&self) -> usize {
        self.first + self.grid.row_count()
    }

    fn source(&self) -> &'g SourceFile {
        &self.grid.source
    }

    fn what(&self) -> String {
        self.grid.what()
    }

    fn cell_name(&self, row: usize, col: usize, header: &str) -> String {
        self.grid.cell_name(row, col, header)
    }

    /// The span of a whole row, or of the place a row would be.
    fn row_span(&self, row: usize) -> Span {
        span_of(&self.row(row))
    }

    /// The span of the header's rows.
    fn header_span(&self, rows: HeaderRows) -> Span {
        self.row_span(rows.first)
            .to(self.row_span(rows.first + rows.count - 1))
    }

    /// The cell at a place, or a blank one at the end of a row that stops short.
    fn cell(&self, row: usize, col: usize) -> Cell<'g> {
        cell_in(&self.row(row), col)
    }
}

/// The rows of a sheet's header: one, or two or three when an item's name stands in a
/// merged cell above its facts' names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderRows {
    /// The first row of the header (0-based).
    pub first: usize,
    /// How many rows it takes.
    pub count: usize,
}

impl HeaderRows {
    /// The first row below the header.
    fn end(self) -> usize {
        self.first + self.count
    }
}

/// The header, mapped to the rubric's columns.
struct Header<'r> {
    unit: Option<usize>,
    /// The column of row numbers (`序号`), when the header has one.
    serial: Option<usize>,
    /// The layout's column of each sheet column.
    of: Vec<Option<usize>>,
    layout: Layout<'r>,
    /// Whether each column of the header's width is headed by nothing.
    unnamed: Vec<bool>,
    /// The header's last row (0-based).
    last: usize,
    /// Where each fact's cells are, for reading the rows.
    plan: facts::RowPlan<'r>,
}

impl Header<'_> {
    /// Whether a column has no header: blank in the header, or past its end.
    fn unnamed(&self, col: usize) -> bool {
        self.unnamed.get(col).copied().unwrap_or(true)
    }
}

/// Where a sheet's findings go, as soon as they are found.
pub trait Found {
    /// A problem of the sheet (of its header, or of a row, whose unit is then not
    /// given).
    fn problem(&mut self, problem: Diagnostic);
    /// A warning about how a row was read.
    fn note(&mut self, note: Diagnostic);
    /// The sheet's 0-based `row`, in its chunk `chunk` (the first is 0), names a unit,
    /// valid or not: the row and chunk of the sheet's first row to name it, if an
    /// earlier one did (the names are kept by the caller, once for every check).
    fn named(&mut self, name: &str, row: usize, chunk: usize) -> Option<(usize, usize)>;
    /// A valid unit, read from the sheet's `row` in its chunk `chunk`, of the sheet
    /// `what` (as [`Grid::what`] names it).
    fn unit(&mut self, unit: Unit, row: usize, chunk: usize, what: &str);
    /// A row that is not blank was read, valid or not.
    fn row(&mut self);
}

/// A sheet read a chunk of rows at a time: [`Self::chunk`] for each, in order, then
/// [`Self::finish`]. Only what the checks across rows need is kept between chunks (and
/// the names of the units, by the caller).
pub struct SheetReader<'r> {
    rubric: &'r Rubric,
    expected: HashSet<String>,
    state: State<'r>,
    /// The columns without a header whose first value has been reported.
    reported: HashSet<usize>,
    /// The chunks read so far.
    chunks: usize,
    /// The rows under the units skipped so far.
    skipped: footer::Skipped,
    /// A workbook's sheets of `periods` facts, joined to the rows by the unit's name.
    side: Option<Side<'r>>,
    /// The names of the units read, kept only when there are such sheets, for their
    /// rows whose unit is not here.
    units: HashSet<String>,
}

/// How far a sheet is read.
enum State<'r> {
    /// Every row so far is blank: the first chunk's text, to point at should the
    /// sheet be empty, and the sheet's name in messages.
    Blank(Option<(SourceFile, SheetName)>),
    /// The header is read. `no_row` says that no row follows it, until one does.
    Rows {
        header: Box<Header<'r>>,
        no_row: Option<Diagnostic>,
    },
}

impl<'r> SheetReader<'r> {
    /// A reader of a sheet for the rubric; `expected` are the headers its sheets may
    /// have ([`expected_headers`]).
    pub fn new(rubric: &'r Rubric, expected: HashSet<String>) -> Self {
        SheetReader {
            rubric,
            expected,
            state: State::Blank(None),
            reported: HashSet::new(),
            chunks: 0,
            skipped: footer::Skipped::default(),
            side: None,
            units: HashSet::new(),
        }
    }

    /// The reader, with the sheets of a workbook's `periods` facts to join to its rows.
    pub fn with_side(mut self, side: Side<'r>) -> Self {
        self.side = Some(side);
        self
    }

    /// Reads the next chunk of the sheet, whose first row is the sheet's `first_row`:
    /// the header when it is in it (a header is looked for in the first chunk, which
    /// holds at least [`HEADER_SEARCH_ROWS`] rows, or else is the first row that is not
    /// blank), then every row below it. Each valid unit, problem and note goes to
    /// `found` as it is read.
    pub fn chunk(&mut self, grid: &Grid, first_row: usize, found: &mut dyn Found) {
        let part = Placed {
            grid,
            first: first_row,
        };
        let chunk = self.chunks;
        self.chunks += 1;
        let mut from = first_row;
        if let State::Blank(first_source) = &mut self.state {
            let header = if chunk == 0 && first_row == 0 {
                header_rows(&self.expected, grid)
            } else {
                None
            };
            let header = header.or_else(|| {
                (part.first..part.end())
                    .find(|&r| part.row(r).iter().any(|c| !c.is_blank()))
                    .map(|first| HeaderRows { first, count: 1 })
            });
            let Some(rows) = header else {
                first_source.get_or_insert_with(|| (grid.source.clone(), grid.name()));
                return;
            };
            let mut problems = Vec::new();
            let header = read_header(
                self.rubric,
                part,
                rows,
                &self.expected,
                self.side.is_some(),
                &mut problems,
            );
            for d in problems {
                found.problem(d);
            }
            let no_row = Diagnostic::from(SheetError::NoRow {
                span: part.header_span(rows),
                sheet: part.grid.name(),
            })
            .with_source(part.source());
            self.state = State::Rows {
                header: Box::new(header),
                no_row: Some(no_row),
            };
            from = rows.end();
        }
        let State::Rows { header, no_row } = &mut self.state else {
            return;
        };
        let what = part.what();
        for row in from..part.end() {
            // The row's cells, made once for all that reads them.
            let cells = part.row(row);
            match footer::kind(header, &cells) {
                footer::Kind::Blank => continue,
                footer::Kind::Footer => {
                    self.skipped.add(part, row, footer::label(&cells));
                    continue;
                }
                footer::Kind::Unit => {}
            }
            *no_row = None;
            // A column without a header is fine while it is empty (spreadsheets often
            // carry a few); a value in it would be silently unread, so that is an
            // error, reported at the column's first value.
            for (c, cell) in cells.iter().enumerate() {
                if header.unnamed(c) && !cell.is_blank() && self.reported.insert(c) {
                    found.problem(
                        Diagnostic::from(SheetError::Unheaded {
                            span: cell.span,
                            sheet: part.grid.name(),
                            row,
                            col: c,
                            header_row: header.last,
                        })
                        .with_source(part.source()),
                    );
                }
            }
            let read = read_row(self.rubric, part, header, row, &cells, self.side.as_ref());
            found.row();
            if let Some(note) = read.note {
                found.note(note);
            }
            for d in read.problems {
                found.problem(d);
            }
            let mut twice = false;
            // A valid unit carries its name; any other named row has it in `name`.
            let named = match (&read.name, &read.unit) {
                (Some((name, span)), _) => Some((name.as_str(), *span)),
                (None, Some(unit)) => Some((unit.name.as_str(), unit.name_span)),
                (None, None) => None,
            };
            if let (Some((name, _)), Some(_)) = (named, &self.side) {
                self.units.insert(name.to_string());
            }
            if let Some((name, span)) = named {
                // Every named row, valid or not, so that a unit twice in one sheet is
                // reported with the rest of its problems.
                if let Some((first, first_chunk)) = found.named(name, row, chunk) {
                    twice = true;
                    // The first row can be pointed at while its chunk is read.
                    let at_first = match header.unit {
                        Some(c) if first_chunk == chunk => Some(part.cell(first, c).span),
                        _ => None,
                    };
                    found.problem(
                        Diagnostic::from(SheetError::UnitTwice {
                            span,
                            name: name.to_string(),
                            first_row: first,
                            first: at_first,
                        })
                        .with_source(part.source()),
                    );
                }
            }
            if let (Some(unit), false) = (read.unit, twice) {
                found.unit(unit, row, chunk, &what);
            }
        }
    }

    /// Ends the sheet: says it holds no unit, when it holds none.
    pub fn finish(self, found: &mut dyn Found) {
        if let Some(side) = &self.side {
            for d in side.unmatched(&self.units) {
                found.problem(d);
            }
        }
        if let Some(note) = self.skipped.warning() {
            found.note(note);
        }
        match self.state {
            // A sheet is given at least one chunk, so its first is there.
            State::Blank(Some((source, sheet))) => {
                found.problem(Diagnostic::from(SheetError::Empty { sheet }).with_source(&source))
            }
            State::Blank(None) => {}
            State::Rows {
                no_row: Some(d), ..
            } => found.problem(d),
            State::Rows { .. } => {}
        }
    }
}
