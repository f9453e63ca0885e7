//! Finding a sheet's header and mapping it to the rubric's columns: the headers a
//! sheet may have ([`expected_headers`]), the rows that hold them ([`header_rows`],
//! below title rows, over up to three merged rows) and each column's header text.

use super::*;

/// The headers a sheet for the rubric may have, as [`normalise_name`] writes them:
/// the unit's ([`columns::UNIT_HEADERS`]) and every column's, those of facts no cell can give included (so that their
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
        .chain(columns::UNIT_HEADERS.map(str::to_string))
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

/// Whether a sheet has an evidence header: rows that name at least two different ones
/// of the unit's column and the rubric's columns. A sheet that lists the columns one
/// per row, as the template's `说明` does, has none, even where a row names the unit's
/// column twice (`单位`, and `被考核单位名称` in its description).
pub fn has_evidence_header(expected: &HashSet<String>, grid: &Grid) -> bool {
    let Some((rows, _)) = best_header(expected, grid) else {
        return false;
    };
    let part = Placed { grid, first: 0 };
    let width = (rows.first..rows.end())
        .map(|r| part.row(r).len())
        .max()
        .unwrap_or(0);
    // The unit's column is one, however it is headed (`单位`, `被考核单位名称`).
    let named: HashSet<String> = (0..width)
        .map(|c| normalise_name(&header_text(part, rows, c, expected).0))
        .filter(|name| expected.contains(name))
        .map(|name| {
            if columns::is_unit_header(&name) {
                columns::UNIT_HEADER.to_string()
            } else {
                name
            }
        })
        .collect();
    named.len() >= 2
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
            // Of two that name as many, the fewer rows that end at the same row: a
            // title above a column of row numbers (`序号`) is not a part of its header.
            let better = |(b_rows, b): (HeaderRows, usize)| {
                s > b || (s == b && rows.end() == b_rows.end() && rows.count < b_rows.count)
            };
            if best.is_none_or(better) {
                best = Some((rows, s));
            }
        }
    }
    best
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

pub(super) fn read_header<'r>(
    rubric: &'r Rubric,
    part: Placed<'_>,
    rows: HeaderRows,
    expected: &HashSet<String>,
    side: bool,
    problems: &mut Vec<Diagnostic>,
) -> Header<'r> {
    let layout = columns::layout(rubric);
    let known: HashMap<String, usize> = layout
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| (normalise_name(&c.header), i))
        .collect();
    // A `periods` fact's column is refused with the sheet it belongs on, in a workbook.
    let unsupported: HashMap<String, (String, Option<String>)> = layout
        .unsupported
        .iter()
        .map(|(item, fact)| {
            let sheet = layout
                .sheets
                .iter()
                .any(|(_, p)| std::ptr::eq(*p, *fact))
                .then(|| layout.sheet_name(fact));
            (
                normalise_name(&columns::header(item, fact)),
                (fact.ty.node.describe().to_string(), sheet),
            )
        })
        .collect();
    let h = rows.end() - 1;
    let (cells, places): (Vec<Cell>, Vec<usize>) =
        header_cells(part, rows, expected).into_iter().unzip();
    let cells = &cells;
    let mut unit = None;
    let mut serial = None;
    let mut at: HashMap<usize, usize> = HashMap::new();
    let mut of = vec![None; cells.len()];
    let mut unknown = 0usize;
    let error = |problem: SheetError| Diagnostic::from(problem).with_source(part.source());
    for (c, cell) in cells.iter().enumerate() {
        let text = cell.text();
        if text.is_empty() {
            continue;
        }
        let key = normalise_name(&text);
        let first = if columns::is_unit_header(&key) {
            unit.replace(c)
        } else if key == columns::SERIAL_HEADER && serial.is_none() {
            // A column of row numbers, passed over.
            serial = Some(c);
            continue;
        } else if let Some(&i) = known.get(&key) {
            match at.get(&i) {
                Some(&first) => Some(first),
                None => {
                    at.insert(i, c);
                    of[c] = Some(i);
                    None
                }
            }
        } else if let Some((ty, sheet)) = unsupported.get(&key) {
            problems.push(error(SheetError::CellType {
                span: cell.span,
                header: text,
                kind: ty.clone(),
                periods_sheet: sheet.clone(),
            }));
            continue;
        } else {
            // Past the problems a file shows, an unknown column is only counted: no
            // name is suggested, which compares it with every column of the rubric.
            unknown += 1;
            let columns = (unknown <= crate::evidence::MAX_PROBLEMS).then(|| {
                layout
                    .columns
                    .iter()
                    .map(|c| c.header.clone())
                    .chain([UNIT_HEADER.to_string()])
                    .collect()
            });
            problems.push(error(SheetError::UnknownColumn {
                span: cell.span,
                sheet: part.grid.sheet.clone(),
                row: places[c],
                col: c,
                text,
                columns,
                example: layout.columns.first().map(|c| c.header.clone()),
            }));
            continue;
        };
        if let Some(first) = first {
            if columns::is_unit_header(&key) {
                unit = Some(first);
            }
            problems.push(error(SheetError::ColumnTwice {
                span: cell.span,
                text,
                first: cells[first].span,
                first_col: first,
            }));
        }
    }
    if unit.is_none() {
        problems.push(error(SheetError::NoUnitColumn {
            span: part.header_span(rows),
            sheet: part.grid.name(),
        }));
    }
    let absent: Vec<&Column> = layout
        .columns
        .iter()
        .enumerate()
        .filter(|(i, c)| c.required() && !at.contains_key(i))
        .map(|(_, c)| c)
        .collect();
    if !absent.is_empty() {
        problems.push(error(SheetError::AbsentColumns {
            span: part.header_span(rows),
            sheet: part.grid.name(),
            headers: absent.iter().map(|c| c.header.clone()).collect(),
        }));
    }
    // A fact no cell gives, which the sheet does not name either, is missing from
    // every row: said once here, as absent columns are, since no row can say it. A
    // workbook gives its `periods` facts on their own sheets (`side`).
    for (item, fact) in &layout.unsupported {
        let periods = layout.sheets.iter().any(|(_, p)| std::ptr::eq(*p, *fact));
        if fact.default.is_some() || (periods && side) {
            continue;
        }
        let header = columns::header(item, fact);
        if cells
            .iter()
            .any(|c| normalise_name(&c.text()) == normalise_name(&header))
        {
            continue;
        }
        problems.push(error(SheetError::NoCellFact {
            span: part.header_span(rows),
            sheet: part.grid.name(),
            header,
            kind: fact.ty.node.describe(),
            periods_sheet: periods.then(|| layout.sheet_name(fact)),
        }));
    }
    let plan = super::facts::plan(rubric, &layout, |i| at.get(&i).copied());
    Header {
        unit,
        serial,
        of,
        layout,
        unnamed: cells.iter().map(|c| c.text().is_empty()).collect(),
        last: h,
        plan,
    }
}
