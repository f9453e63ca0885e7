//! Spreadsheet evidence — a CSV file or a workbook's sheet — turned row by row into
//! the evidence tree a TOML file gives, then checked by [`super::validate`].
//!
//! The header ([`super::columns`]) is found where it is: the first rows that name
//! `单位` or columns of the rubric ([`header_rows`]), below a title or blank rows if
//! there are any, in one row or in two or three (an item's name in a merged cell above
//! its facts' names); failing that, the first row that is not blank. Every row below
//! the header that is not blank is one unit. Each row becomes a table with `unit` and
//! one table per item, every cell read by its column's type ([`super::cell`]), so the
//! checks of values, missing facts and applicability are `validate`'s, the same for
//! every format. This module adds what only a sheet can get wrong — its header, blank
//! cells, rows without a unit — and words `validate`'s findings for a sheet: each names
//! the cell (`C7`), its row and its column's header, and points at the cell.
//!
//! A sheet is read a chunk of rows at a time ([`SheetReader`]): a CSV file in as many
//! chunks as its size takes, a workbook's sheet in one. The header is read from the
//! first chunk, and each row's unit is handed on as soon as it is checked; what the
//! checks across rows need (the header's columns, the names seen, the columns without
//! a header already reported) is all that is kept from one chunk to the next. Rows are
//! numbered in the whole sheet.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::cell::{self, normalise_name, Cell, DateSystem, Read};
use super::columns::{self, column_letters, Column, Layout, Part, UNIT_HEADER};
use super::fast;
use super::raw::{Node, Raw};
use super::value::{validate, Unit};
use crate::check::{suggest_name, Rubric};
use crate::diagnostic::{codes, Diagnostic};
use crate::source::SourceFile;
use crate::span::{Span, Spanned};

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
        match &self.sheet {
            Some(sheet) => format!("sheet `{sheet}` of `{}`", self.path),
            None => format!("`{}`", self.path),
        }
    }

    /// How a message begins for one cell: `` cell C7 (row 7, column `决策预公开/未做意见征集`) ``,
    /// for the sheet's 0-based `row`.
    fn cell_name(&self, row: usize, col: usize, header: &str) -> String {
        let sheet = match &self.sheet {
            Some(s) => format!("sheet `{s}`, "),
            None => String::new(),
        };
        let column = if header.is_empty() {
            format!("column {}", column_letters(col))
        } else {
            format!("column `{header}`")
        };
        format!(
            "{sheet}cell {}{} (row {}, {column})",
            column_letters(col),
            row + 1,
            row + 1
        )
    }
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

/// The headers a sheet for the rubric may have, as [`normalise_name`] writes them:
/// `单位` and every column's, those of facts no cell can give included (so that their
/// header is found, and they are named there).
pub fn expected_headers(rubric: &Rubric) -> HashSet<String> {
    let layout = columns::layout(rubric);
    layout
        .columns
        .iter()
        .map(|c| normalise_name(&c.header))
        .chain(
            layout
                .unsupported
                .iter()
                .map(|(item, fact)| normalise_name(&columns::header(item, fact))),
        )
        .chain([UNIT_HEADER.to_string()])
        .collect()
}

/// A column's header over the header's rows, its parts joined by `/`, and the row
/// whose cell the header is placed at (the lowest that has text). A cell merged over
/// two rows (`单位`) holds its text in the upper one only, so it is one part. With
/// `fill`, a blank cell takes the text to its left in its row, as a merged cell over
/// several columns shows it, when the column has a name of its own in a row below.
fn column_header(
    part: Placed<'_>,
    rows: HeaderRows,
    col: usize,
    fill: bool,
) -> (String, Option<usize>) {
    let own = |row: usize| part.row(row).get(col).map(|c| c.text()).unwrap_or_default();
    let mut parts: Vec<String> = Vec::new();
    let mut place = None;
    for row in rows.first..rows.end() {
        let own = own(row);
        // Only a cell above a name of the column's own sits under a merged cell (a
        // blank column beside `单位` does not).
        let under = fill && (row + 1..rows.end()).any(|below| !own_text_empty(part, below, col));
        let text = if own.is_empty() && under {
            part.row(row)[..col.min(part.row(row).len())]
                .iter()
                .rev()
                .map(Cell::text)
                .find(|t| !t.is_empty())
                .unwrap_or_default()
        } else {
            if !own.is_empty() {
                place = Some(row);
            }
            own
        };
        if !text.is_empty() {
            parts.push(text);
        }
    }
    (parts.join("/"), place)
}

/// Whether a cell has no text (or is past the end of its row).
fn own_text_empty(part: Placed<'_>, row: usize, col: usize) -> bool {
    part.row(row).get(col).is_none_or(Cell::is_blank)
}

/// A column's header as the header's rows give it: with the merged cells above
/// filled in when that names a column of the rubric, as they are otherwise.
fn header_text(
    part: Placed<'_>,
    rows: HeaderRows,
    col: usize,
    expected: &HashSet<String>,
) -> (String, Option<usize>) {
    if rows.count > 1 {
        let filled = column_header(part, rows, col, true);
        if expected.contains(&normalise_name(&filled.0)) {
            return filled;
        }
    }
    column_header(part, rows, col, false)
}

/// A header lies near the top: among the first rows of a sheet, the rest of a large
/// sheet is not searched.
const TOP: usize = 64;
/// The rows a header may take.
const DEEPEST: usize = 3;
/// The rows the search for a header may look at: a chunk of a CSV file that holds as
/// many (or the whole file) finds the header a sheet read whole would.
pub const HEADER_SEARCH_ROWS: usize = TOP + 2 * DEEPEST;

/// Where the header of a sheet is: the rows, among the first that name two columns of
/// the rubric (or `单位` and one), or else one, that name the most. `None` when no row
/// of the top of the sheet names any.
pub fn header_rows(expected: &HashSet<String>, grid: &Grid) -> Option<HeaderRows> {
    best_header(expected, grid).map(|(rows, _)| rows)
}

/// Whether a sheet has an evidence header: rows that name at least two of `单位` and
/// the rubric's columns. (A sheet that lists the columns one per row, as the
/// template's `说明` does, has none.)
pub fn has_evidence_header(expected: &HashSet<String>, grid: &Grid) -> bool {
    best_header(expected, grid).is_some_and(|(_, named)| named >= 2)
}

/// The header's rows and how many columns they name, in a grid that starts the sheet.
fn best_header(expected: &HashSet<String>, grid: &Grid) -> Option<(HeaderRows, usize)> {
    let part = Placed { grid, first: 0 };
    let n = grid.row_count();
    let score = |rows: HeaderRows| {
        let width = (rows.first..rows.end())
            .map(|r| part.row(r).len())
            .max()
            .unwrap_or(0);
        (0..width)
            .filter(|&c| {
                expected.contains(&normalise_name(&header_text(part, rows, c, expected).0))
            })
            .count()
    };
    let candidates = |first: usize| {
        (1..=DEEPEST)
            .filter(move |count| first + count <= n)
            .map(move |count| HeaderRows { first, count })
    };
    let naming =
        |least: usize| (0..n.min(TOP)).find(|&r| candidates(r).any(|rows| score(rows) >= least));
    let start = naming(2).or_else(|| naming(1))?;
    let mut best: Option<(HeaderRows, usize)> = None;
    // A title or a note above the header may name a column by chance when joined to
    // the row below; the rows just below are weighed too.
    for first in start..n.min(start + DEEPEST + 1) {
        for rows in candidates(first) {
            let s = score(rows);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((rows, s));
            }
        }
    }
    best
}

/// The header, mapped to the rubric's columns.
struct Header<'r> {
    unit: Option<usize>,
    /// The sheet column of each of the layout's columns that the header has.
    at: HashMap<usize, usize>,
    /// The layout's column of each sheet column.
    of: Vec<Option<usize>>,
    layout: Layout<'r>,
    /// Whether each column of the header's width is headed by nothing.
    unnamed: Vec<bool>,
    /// The header's last row (0-based).
    last: usize,
    /// Where each fact's cells are, for reading a valid row the fast way.
    plan: Option<fast::RowPlan<'r>>,
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
}

/// How far a sheet is read.
enum State<'r> {
    /// Every row so far is blank: the first chunk's text, to point at should the
    /// sheet be empty, and the sheet's name in messages.
    Blank(Option<(SourceFile, String)>),
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
        }
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
                first_source.get_or_insert_with(|| (grid.source.clone(), grid.what()));
                return;
            };
            let mut problems = Vec::new();
            let header = read_header(self.rubric, part, rows, &self.expected, &mut problems);
            for d in problems {
                found.problem(d);
            }
            let no_row = Diagnostic::error(
                codes::EVIDENCE_UNIT,
                format!(
                    "{} holds no unit: there is no row below the header",
                    part.what()
                ),
            )
            .primary(part.header_span(rows), "the header")
            .help("fill in one row per unit below the header, starting with the unit's name")
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
            if cells.iter().all(Cell::is_blank) {
                continue;
            }
            *no_row = None;
            // A column without a header is fine while it is empty (spreadsheets often
            // carry a few); a value in it would be silently unread, so that is an
            // error, reported at the column's first value.
            for (c, cell) in cells.iter().enumerate() {
                if header.unnamed(c) && !cell.is_blank() && self.reported.insert(c) {
                    found.problem(
                        Diagnostic::error(
                            codes::EVIDENCE_COLUMN,
                            format!(
                                "{}: column {} has values but no header",
                                part.cell_name(row, c, ""),
                                column_letters(c)
                            ),
                        )
                        .primary(cell.span, "a value under no header")
                        .help(format!(
                            "write the fact's header (`ITEM/FACT`) in row {} above it, or delete the column",
                            header.last + 1
                        ))
                        .with_source(part.source()),
                    );
                }
            }
            let read = read_row(self.rubric, part, header, row, &cells);
            found.row();
            if let Some(note) = read.note {
                found.note(note);
            }
            for d in read.problems {
                found.problem(d);
            }
            let mut twice = false;
            // A unit read the fast way carries its name; any other named row has it
            // in `name`.
            let named = match (&read.name, &read.unit) {
                (Some((name, span)), _) => Some((name.as_str(), *span)),
                (None, Some(unit)) => Some((unit.name.as_str(), unit.name_span)),
                (None, None) => None,
            };
            if let Some((name, span)) = named {
                // Every named row, valid or not, so that a unit twice in one sheet is
                // reported with the rest of its problems.
                if let Some((first, first_chunk)) = found.named(name, row, chunk) {
                    twice = true;
                    let d = Diagnostic::error(
                        codes::EVIDENCE_DUPLICATE,
                        format!("unit `{name}` has evidence in two rows"),
                    )
                    .primary(span, "named again here");
                    // The first row can be pointed at while its chunk is read.
                    let d = match header.unit {
                        Some(c) if first_chunk == chunk => {
                            d.label(part.cell(first, c).span, "first here")
                        }
                        _ => d,
                    };
                    found.problem(
                        d.help(format!(
                            "the first is row {}; keep one row per unit",
                            first + 1
                        ))
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
        match self.state {
            // A sheet is given at least one chunk, so its first is there.
            State::Blank(Some((source, what))) => found.problem(
                Diagnostic::error(
                    codes::EVIDENCE_UNIT,
                    format!("{what} holds no unit: it is empty"),
                )
                .primary(Span::default(), "empty")
                .help("write the header (`kaohe template RULE --format csv` makes one) and one row per unit below it")
                .with_source(&source),
            ),
            State::Blank(None) => {}
            State::Rows {
                no_row: Some(d), ..
            } => found.problem(d),
            State::Rows { .. } => {}
        }
    }
}

/// The header's cells, one per column: each column's header over the header's rows,
/// placed at its lowest cell that has text, and that cell's row.
fn header_cells<'g>(
    part: Placed<'g>,
    rows: HeaderRows,
    expected: &HashSet<String>,
) -> Vec<(Cell<'g>, usize)> {
    let width = (rows.first..rows.end())
        .map(|r| part.row(r).len())
        .max()
        .unwrap_or(0);
    (0..width)
        .map(|c| {
            let (text, place) = header_text(part, rows, c, expected);
            let row = place.unwrap_or(rows.end() - 1);
            let at = part.cell(row, c);
            if rows.count == 1 {
                return (at, row);
            }
            let cell = Cell {
                input: if text.is_empty() {
                    cell::Input::Empty
                } else {
                    cell::Input::Text(text.into())
                },
                span: at.span,
                text_at: None,
            };
            (cell, row)
        })
        .collect()
}

fn read_header<'r>(
    rubric: &'r Rubric,
    part: Placed<'_>,
    rows: HeaderRows,
    expected: &HashSet<String>,
    problems: &mut Vec<Diagnostic>,
) -> Header<'r> {
    let layout = columns::layout(rubric);
    let known: HashMap<String, usize> = layout
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| (normalise_name(&c.header), i))
        .collect();
    let unsupported: HashMap<String, String> = layout
        .unsupported
        .iter()
        .map(|(item, fact)| {
            (
                normalise_name(&columns::header(item, fact)),
                fact.ty.node.describe().to_string(),
            )
        })
        .collect();
    let h = rows.end() - 1;
    let (cells, places): (Vec<Cell>, Vec<usize>) =
        header_cells(part, rows, expected).into_iter().unzip();
    let cells = &cells;
    let mut unit = None;
    let mut at: HashMap<usize, usize> = HashMap::new();
    let mut of = vec![None; cells.len()];
    let error = |code, message: String, cell: &Cell, label: &str, help: String| {
        Diagnostic::error(code, message)
            .primary(cell.span, label)
            .help(help)
            .with_source(part.source())
    };
    for (c, cell) in cells.iter().enumerate() {
        let text = cell.text();
        if text.is_empty() {
            continue;
        }
        let key = normalise_name(&text);
        let first = if key == UNIT_HEADER {
            unit.replace(c)
        } else if let Some(&i) = known.get(&key) {
            match at.get(&i) {
                Some(&first) => Some(first),
                None => {
                    at.insert(i, c);
                    of[c] = Some(i);
                    None
                }
            }
        } else if let Some(ty) = unsupported.get(&key) {
            problems.push(error(
                codes::EVIDENCE_CELL_TYPE,
                format!("`{text}` is a {ty} fact, which cannot be given in a spreadsheet cell yet"),
                cell,
                "not readable from a cell",
                "give this rubric's evidence in TOML or JSON (`kaohe template RULE --format toml`)"
                    .into(),
            ));
            continue;
        } else {
            let hint = suggest_name(
                &text,
                layout
                    .columns
                    .iter()
                    .map(|c| c.header.as_str())
                    .chain([UNIT_HEADER]),
            );
            let example = layout
                .columns
                .first()
                .map_or(String::new(), |c| format!(", such as `{}`", c.header));
            problems.push(error(
                codes::EVIDENCE_UNKNOWN,
                format!(
                    "{}: the rubric has no column `{text}`",
                    part.cell_name(places[c], c, "")
                ),
                cell,
                "unknown column",
                if hint.is_empty() {
                    format!("a fact's column is headed `ITEM/FACT` with the names of the rule file{example}; `kaohe template RULE --format csv` writes the whole header")
                } else {
                    hint
                },
            ));
            continue;
        };
        if let Some(first) = first {
            if key == UNIT_HEADER {
                unit = Some(first);
            }
            problems.push(
                error(
                    codes::EVIDENCE_COLUMN,
                    format!("column `{text}` appears twice in the header"),
                    cell,
                    "again here",
                    format!(
                        "keep one column `{text}` (the first is column {}); delete or rename the other",
                        column_letters(first)
                    ),
                )
                .label(cells[first].span, "first here"),
            );
        }
    }
    if unit.is_none() {
        problems.push(
            Diagnostic::error(
                codes::EVIDENCE_COLUMN,
                format!("the header of {} has no `{UNIT_HEADER}` column", part.what()),
            )
            .primary(part.header_span(rows), "the header")
            .help(format!(
                "add a column headed `{UNIT_HEADER}` holding each unit's name (`kaohe template` puts it first)"
            ))
            .with_source(part.source()),
        );
    }
    let absent: Vec<&Column> = layout
        .columns
        .iter()
        .enumerate()
        .filter(|(i, c)| c.required() && !at.contains_key(i))
        .map(|(_, c)| c)
        .collect();
    if !absent.is_empty() {
        const SHOWN: usize = 8;
        let mut names: Vec<String> = absent
            .iter()
            .take(SHOWN)
            .map(|c| format!("`{}`", c.header))
            .collect();
        if absent.len() > SHOWN {
            names.push(format!("and {} more", absent.len() - SHOWN));
        }
        problems.push(
            Diagnostic::error(
                codes::EVIDENCE_MISSING,
                format!(
                    "the header of {} has no column for {} fact value(s): {}",
                    part.what(),
                    absent.len(),
                    names.join(", ")
                ),
            )
            .primary(part.header_span(rows), "the header")
            .help("add the missing columns (`kaohe template RULE --format csv` writes a header with every column); only a fact with a `default` may have no column")
            .with_source(part.source()),
        );
    }
    let plan = fast::plan(rubric, &layout, |i| at.get(&i).copied());
    Header {
        unit,
        at,
        of,
        layout,
        unnamed: cells.iter().map(|c| c.text().is_empty()).collect(),
        last: h,
        plan,
    }
}

/// What one row found, cell by cell, before `validate` sees it.
struct RowRead {
    /// The row's own problems: spellings refused, blank cells in a tally, no unit.
    problems: Vec<Diagnostic>,
    /// The cells refused for their spelling: `validate` refuses them too, and its
    /// words on them are dropped.
    refused: HashSet<Span>,
    /// The blank cells of facts that must be given, by item: (sheet column, span).
    blanks: Vec<(String, Vec<(usize, Span)>)>,
}

/// What one row gives.
struct Row {
    /// The unit, when the row is valid.
    unit: Option<Unit>,
    problems: Vec<Diagnostic>,
    /// The unit's name and place, when the row names one; `None` too for a unit read
    /// the fast way, which holds them.
    name: Option<(String, Span)>,
    /// The warning that the unit's name was normalised.
    note: Option<Diagnostic>,
}

/// Reads one row: its unit when valid, its problems, and the unit's name and place
/// when the row names one. The name is read as [`normalise_name`] writes it, so one
/// unit has one name however its spaces and full-width characters were typed.
///
/// `cells` are the row's cells.
fn read_row(
    rubric: &Rubric,
    part: Placed<'_>,
    header: &Header<'_>,
    row: usize,
    cells: &[Cell],
) -> Row {
    let mut note = None;
    let mut found = RowRead {
        problems: Vec::new(),
        refused: HashSet::new(),
        blanks: Vec::new(),
    };
    // Whether the row names its unit; a row without a name goes by a stand-in in the
    // evidence tree, so that its cells are still checked, and messages then name the
    // row alone.
    let mut named = false;
    let (name, name_span) = match header.unit {
        Some(c) => {
            let cell = cell_in(cells, c);
            let written = cell.trimmed();
            let name = normalise_name(&written);
            // A name with a control or bidirectional character is kept as written, for
            // the validation of the evidence to refuse it (`names::bad_name`): reading
            // it as a name would drop its tabs and line breaks.
            let name = match super::names::bad_name(&written) {
                Some(_) => written.to_string(),
                None => name,
            };
            // A unit's cell names no unit when it is blank, or holds nothing but
            // characters a name drops (zero-width spaces), which would otherwise score
            // a unit with no name.
            if cell.is_blank() || name.is_empty() {
                found.problems.push(
                    Diagnostic::error(
                        codes::EVIDENCE_UNIT,
                        format!(
                            "row {} has values but no unit: cell {}{} is blank",
                            row + 1,
                            column_letters(c),
                            row + 1
                        ),
                    )
                    .primary(cell.span, "blank")
                    .help(format!(
                        "write the assessed unit's name in the `{UNIT_HEADER}` column, such as `蓬江区`"
                    ))
                    .with_source(part.source()),
                );
                (format!("row {}", row + 1), cell.span)
            } else {
                named = true;
                if name != written {
                    note = Some(
                        Diagnostic::warning(
                            codes::EVIDENCE_UNIT_NAME,
                            format!(
                                "{}: unit `{written}` is read as `{name}`",
                                part.cell_name(row, c, UNIT_HEADER)
                            ),
                        )
                        .primary(cell.span, format!("read as `{name}`"))
                        .help(format!(
                            "kaohe drops the spaces beside Chinese characters and reads full-width letters, digits and brackets as ASCII, so that one unit always has one name; write `{name}` to be rid of this warning"
                        ))
                        .with_source(part.source()),
                    );
                }
                (name, cell.span)
            }
        }
        // The header's lack of a unit column is reported once; the rows are still
        // checked, under their row numbers.
        None => (format!("row {}", row + 1), span_of(cells)),
    };
    // A valid row is read straight into the unit's facts; any other goes on, to be
    // validated as a tree and every problem worded for the sheet (a name too long or
    // with hidden characters too, which the tree's validation refuses).
    let good_name = named && super::names::bad_name(&name).is_none();
    if let (true, true, Some(plan)) = (good_name, found.problems.is_empty(), &header.plan) {
        let blank = Cell {
            input: cell::Input::Empty,
            span: Span::default(),
            text_at: None,
        };
        let source = part.source();
        if let Some(facts) = fast::facts(plan, rubric, source, cells, &blank, part.grid.dates) {
            return Row {
                unit: Some(Unit {
                    name,
                    name_span,
                    source: source.clone(),
                    facts,
                }),
                problems: Vec::new(),
                name: None,
                note,
            };
        }
    }
    // A bad name is not repeated in every message of its row: its own says what it is.
    let who = if good_name {
        format!("row {} (`{name}`)", row + 1)
    } else {
        format!("row {}", row + 1)
    };
    let mut entries = vec![(
        Spanned::new("unit".to_string(), name_span),
        Node {
            raw: Raw::String(name.clone()),
            span: name_span,
        },
    )];
    let columns = &header.layout.columns;
    let mut i = 0;
    while i < columns.len() {
        let item = columns[i].item;
        let end = columns[i..]
            .iter()
            .position(|c| !std::ptr::eq(c.item, item))
            .map_or(columns.len(), |n| i + n);
        if let Some(table) = item_table(part, header, (row, cells), i..end, &who, &mut found) {
            entries.push(table);
        }
        i = end;
    }
    let node = Node {
        raw: Raw::Table(entries),
        span: span_of(cells),
    };
    let mut problems = std::mem::take(&mut found.problems);
    let name = named.then(|| (name.clone(), name_span));
    match validate(rubric, part.source(), &node) {
        Ok(unit) if problems.is_empty() => {
            return Row {
                unit: Some(unit),
                problems,
                name,
                note,
            }
        }
        Ok(_) => {}
        Err(ds) => {
            for d in ds {
                if let Some(d) = reword(part, header, (row, cells), (&who, name_span), &found, d) {
                    problems.push(d);
                }
            }
        }
    }
    Row {
        unit: None,
        problems,
        name,
        note,
    }
}

/// One item's table of a row, from its columns `range` of the layout; `None` when
/// the header has none of them.
fn item_table(
    part: Placed<'_>,
    header: &Header<'_>,
    (row, row_cells): (usize, &[Cell]),
    range: std::ops::Range<usize>,
    who: &str,
    found: &mut RowRead,
) -> Option<(Spanned<String>, Node)> {
    let columns = &header.layout.columns;
    let item = columns[range.start].item;
    let present: Vec<(usize, usize)> = range
        .clone()
        .filter_map(|i| header.at.get(&i).map(|&c| (i, c)))
        .collect();
    let &(_, first_col) = present.first()?;
    let mut facts: Vec<(Spanned<String>, Node)> = Vec::new();
    let mut blanks: Vec<(usize, Span)> = Vec::new();
    let mut k = 0;
    while k < present.len() {
        let fact = columns[present[k].0].fact;
        let end = present[k..]
            .iter()
            .position(|(i, _)| !std::ptr::eq(columns[*i].fact, fact))
            .map_or(present.len(), |n| k + n);
        let cells: Vec<(&Column, usize, Cell)> = present[k..end]
            .iter()
            .map(|&(i, c)| (&columns[i], c, cell_in(row_cells, c)))
            .collect();
        let key = |span| Spanned::new(fact.name.node.clone(), span);
        let mut given = Vec::new();
        let mut blank = Vec::new();
        for (column, c, cell) in &cells {
            match cell::read(fact, &column.part, cell, part.grid.dates) {
                Read::Blank => {
                    if column.required() {
                        blank.push((*c, cell.span, column.header.as_str()));
                    }
                }
                Read::Value(node) => given.push((*column, cell.span, node)),
                Read::Wrong {
                    node,
                    message,
                    help,
                } => {
                    found
                        .problems
                        .push(refusal(part, row, *c, column, cell, message, help));
                    found.refused.insert(cell.span);
                    given.push((*column, cell.span, node));
                }
            }
        }
        if given.is_empty() {
            // Nothing given: the fact is missing, and `validate` says so.
            blanks.extend(blank.iter().map(|(c, s, _)| (*c, *s)));
        } else if cells.len() == 1 {
            let (_, span, node) = given.remove(0);
            facts.push((key(span), node));
        } else {
            // A tally (a cell per member) or a discretionary score (points and
            // reason) given only in part: the blank cells are missing, never 0.
            let tally = cells
                .iter()
                .any(|(column, _, _)| matches!(column.part, Part::Member(_)));
            let span = match blank.first() {
                Some(&(c, span, _)) => {
                    let names: Vec<String> = blank
                        .iter()
                        .map(|(c, _, h)| format!("{}{} (`{h}`)", column_letters(*c), row + 1))
                        .collect();
                    found.problems.push(
                        Diagnostic::error(
                            codes::EVIDENCE_MISSING,
                            format!(
                                "{who}: `{}` is given only in part: cell {}{} is blank",
                                fact.name.node,
                                column_letters(c),
                                row + 1
                            ),
                        )
                        .primary(span, "blank")
                        .help(if tally {
                            format!(
                                "fill {}; write 0 where there was none, as a blank cell is a missing value, not 0",
                                names.join(", ")
                            )
                        } else {
                            format!(
                                "fill {}; a discretionary score is given with its points and its reason",
                                names.join(", ")
                            )
                        })
                        .with_source(part.source()),
                    );
                    // `validate` would say the same of the part that lacks.
                    found.refused.insert(span);
                    span
                }
                None => given[0].1,
            };
            let parts = given
                .into_iter()
                .map(|(column, span, node)| {
                    let name = match &column.part {
                        Part::Member(m) => m.clone(),
                        Part::Value => "score".to_string(),
                        Part::Reason => "reason".to_string(),
                    };
                    (Spanned::new(name, span), node)
                })
                .collect();
            facts.push((
                key(span),
                Node {
                    raw: Raw::Table(parts),
                    span,
                },
            ));
        }
        k = end;
    }
    let key_span = blanks
        .first()
        .map_or_else(|| cell_in(row_cells, first_col).span, |(_, s)| *s);
    if !blanks.is_empty() {
        found.blanks.push((item.name.node.clone(), blanks));
    }
    Some((
        Spanned::new(item.name.node.clone(), key_span),
        Node {
            raw: Raw::Table(facts),
            span: key_span,
        },
    ))
}

/// A cell refused for its spelling, named by its place.
fn refusal(
    part: Placed<'_>,
    row: usize,
    col: usize,
    column: &Column,
    cell: &Cell,
    message: String,
    help: String,
) -> Diagnostic {
    Diagnostic::error(
        codes::EVIDENCE_VALUE,
        format!("{}: {message}", part.cell_name(row, col, &column.header)),
    )
    .primary(cell.span, format!("expected {}", expected(column)))
    .help(help)
    .with_source(part.source())
}

/// What a column expects, for labels.
fn expected(column: &Column) -> &'static str {
    use crate::syntax::ast::FactType;
    match (&column.part, &column.fact.ty.node) {
        (Part::Member(_), _) => "a count",
        (Part::Reason, _) => "a reason",
        (_, FactType::Discretion { .. }) => "a number of points",
        (_, FactType::Bool) => "yes or no",
        (_, FactType::Count { .. }) => "a count",
        (_, FactType::Percent) => "a percentage",
        (_, FactType::Date) => "a date or false",
        (_, FactType::Set(_)) => "member names",
        _ => "a value",
    }
}

/// A help with a TOML example in it (`"未做意见征集" = true`, `["决策预公开"]`) speaks
/// of the wrong format for a sheet.
fn speaks_toml(help: &str) -> bool {
    help.contains("\" = ") || help.contains("[\"")
}

/// Words one of `validate`'s findings for a sheet; `None` drops it, when the row's own
/// reading has said it already.
fn reword(
    part: Placed<'_>,
    header: &Header<'_>,
    (row, cells): (usize, &[Cell]),
    (who, unit_span): (&str, Span),
    found: &RowRead,
    mut d: Diagnostic,
) -> Option<Diagnostic> {
    let RowRead {
        refused, blanks, ..
    } = found;
    let Some(span) = d.labels.first().map(|l| l.span) else {
        d.message = format!("{who}: {}", d.message);
        return Some(d);
    };
    if refused.contains(&span) {
        return None;
    }
    let col = cells.iter().position(|c| c.span == span).or_else(|| {
        cells
            .iter()
            .position(|c| c.span.start <= span.start && span.end <= c.span.end)
    });
    if d.code == codes::EVIDENCE_MISSING {
        // Facts missing because the header has no column for them were reported once,
        // at the header; what is left are the row's blank cells.
        if span == unit_span {
            return None;
        }
        // Items whose blank cells all lie past the end of a short row share one
        // place; the item the message names is the one.
        let candidates: Vec<&(String, Vec<(usize, Span)>)> = blanks
            .iter()
            .filter(|(_, b)| b.iter().any(|(_, s)| *s == span))
            .collect();
        let (_, cells_of_item) = candidates
            .iter()
            .find(|(item, _)| d.message.contains(&format!("`{item}`")))
            .or(candidates.first())?;
        let names: Vec<String> = cells_of_item
            .iter()
            .map(|(c, _)| {
                let head = header
                    .of
                    .get(*c)
                    .copied()
                    .flatten()
                    .map_or(String::new(), |i| {
                        format!(" (`{}`)", header.layout.columns[i].header)
                    });
                format!("{}{}{head}", column_letters(*c), row + 1)
            })
            .collect();
        d.message = format!("{who}: {}", d.message);
        d.help = Some(format!(
            "fill {}; a blank cell is a missing fact, not 0 or false",
            names.join(", ")
        ));
        if let Some(label) = d.labels.first_mut() {
            label.text = "blank".into();
        }
        return Some(d);
    }
    match col.and_then(|c| header.of.get(c).copied().flatten().map(|i| (c, i))) {
        Some((c, i)) => {
            let column = &header.layout.columns[i];
            d.message = format!("{}: {}", part.cell_name(row, c, &column.header), d.message);
            if d.help.as_deref().is_some_and(speaks_toml) {
                d.help = Some(cell::help(column.fact, &column.part));
            }
        }
        None => d.message = format!("{who}: {}", d.message),
    }
    Some(d)
}
