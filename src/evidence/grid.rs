//! Spreadsheet evidence — a CSV file or a workbook's sheet — turned row by row into
//! the evidence tree a TOML file gives, then checked by [`super::validate`].
//!
//! The first row that is not blank is the header ([`super::columns`]); every row
//! below it that is not blank is one unit. Each row becomes a table with `unit` and
//! one table per item, every cell read by its column's type ([`super::cell`]), so the
//! checks of values, missing facts and applicability are `validate`'s, the same for
//! every format. This module adds what only a sheet can get wrong — its header, blank
//! cells, rows without a unit — and words `validate`'s findings for a sheet: each names
//! the cell (`C7`), its row and its column's header, and points at the cell.

use std::collections::{HashMap, HashSet};

use super::cell::{self, Cell, Read};
use super::columns::{self, column_letters, Column, Layout, Part, UNIT_HEADER};
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
    /// Every row, blank ones included: `rows[i]` is row `i + 1`.
    pub rows: Vec<Vec<Cell>>,
}

/// A unit read from one row, and where: `` `a.csv` row 7 ``.
#[derive(Debug, Clone)]
pub struct RowUnit {
    pub unit: Unit,
    pub place: String,
}

impl Grid {
    /// The sheet as a message names it: `` `a.csv` `` or `` sheet `证据` of `a.xlsx` ``.
    fn what(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("sheet `{sheet}` of `{}`", self.path),
            None => format!("`{}`", self.path),
        }
    }

    /// How a message begins for one cell: `` cell C7 (row 7, column `决策预公开/未做意见征集`) ``.
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

    /// The span of a whole row, or of the place a row would be.
    fn row_span(&self, row: usize) -> Span {
        match (self.rows[row].first(), self.rows[row].last()) {
            (Some(first), Some(last)) => first.span.to(last.span),
            _ => Span::default(),
        }
    }

    /// The cell at a place, or a blank one at the end of a row that stops short.
    fn cell(&self, row: usize, col: usize) -> Cell {
        match self.rows[row].get(col) {
            Some(cell) => cell.clone(),
            None => {
                let end = self.row_span(row).end;
                Cell {
                    input: cell::Input::Empty,
                    span: Span::new(end, end),
                    text_at: None,
                }
            }
        }
    }
}

/// The header, mapped to the rubric's columns.
struct Header<'r> {
    unit: Option<usize>,
    /// The sheet column of each of the layout's columns that the header has.
    at: HashMap<usize, usize>,
    /// The layout's column of each sheet column.
    of: Vec<Option<usize>>,
    layout: Layout<'r>,
}

/// Reads every unit of a sheet, or reports every problem of it, calling `progress`
/// after each row.
pub fn units(
    rubric: &Rubric,
    grid: &Grid,
    progress: &mut dyn FnMut(),
) -> (Vec<RowUnit>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let Some(h) = grid
        .rows
        .iter()
        .position(|r| r.iter().any(|c| !c.is_blank()))
    else {
        problems.push(
            Diagnostic::error(
                codes::EVIDENCE_UNIT,
                format!("{} holds no unit: it is empty", grid.what()),
            )
            .primary(Span::default(), "empty")
            .help("write the header (`kaohe template RULE --format csv` makes one) and one row per unit below it")
            .with_source(&grid.source),
        );
        return (Vec::new(), problems);
    };
    let header = read_header(rubric, grid, h, &mut problems);
    let mut units = Vec::new();
    let mut any_row = false;
    // Every named row, valid or not, so that a unit twice in one sheet is reported
    // with the rest of its problems.
    let mut named: HashMap<String, (usize, Span)> = HashMap::new();
    for row in h + 1..grid.rows.len() {
        if grid.rows[row].iter().all(Cell::is_blank) {
            continue;
        }
        any_row = true;
        let (unit, mut found, name) = read_row(rubric, grid, &header, row);
        progress();
        problems.append(&mut found);
        let mut twice = false;
        if let Some((name, span)) = name {
            if let Some(&(first, first_span)) = named.get(&name) {
                twice = true;
                problems.push(
                    Diagnostic::error(
                        codes::EVIDENCE_DUPLICATE,
                        format!("unit `{name}` has evidence in two rows"),
                    )
                    .primary(span, "named again here")
                    .label(first_span, "first here")
                    .help(format!(
                        "the first is row {}; keep one row per unit",
                        first + 1
                    ))
                    .with_source(&grid.source),
                );
            } else {
                named.insert(name, (row, span));
            }
        }
        if let (Some(unit), false) = (unit, twice) {
            units.push(RowUnit {
                unit,
                place: format!("{} row {}", grid.what(), row + 1),
            });
        }
    }
    if !any_row {
        problems.push(
            Diagnostic::error(
                codes::EVIDENCE_UNIT,
                format!(
                    "{} holds no unit: there is no row below the header",
                    grid.what()
                ),
            )
            .primary(grid.row_span(h), "the header")
            .help("fill in one row per unit below the header, starting with the unit's name")
            .with_source(&grid.source),
        );
    }
    crate::diagnostic::sort(&mut problems);
    (units, problems)
}

fn read_header<'r>(
    rubric: &'r Rubric,
    grid: &Grid,
    h: usize,
    problems: &mut Vec<Diagnostic>,
) -> Header<'r> {
    let layout = columns::layout(rubric);
    let known: HashMap<&str, usize> = layout
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.header.as_str(), i))
        .collect();
    let unsupported: HashMap<String, String> = layout
        .unsupported
        .iter()
        .map(|(item, fact)| {
            (
                columns::header(item, fact),
                fact.ty.node.describe().to_string(),
            )
        })
        .collect();
    let cells = &grid.rows[h];
    let mut unit = None;
    let mut at: HashMap<usize, usize> = HashMap::new();
    let mut of = vec![None; cells.len()];
    let mut unnamed = Vec::new();
    let error = |code, message: String, cell: &Cell, label: &str, help: String| {
        Diagnostic::error(code, message)
            .primary(cell.span, label)
            .help(help)
            .with_source(&grid.source)
    };
    for (c, cell) in cells.iter().enumerate() {
        let text = cell.text();
        if text.is_empty() {
            unnamed.push(c);
            continue;
        }
        let first = if text == UNIT_HEADER {
            unit.replace(c)
        } else if let Some(&i) = known.get(text.as_str()) {
            match at.get(&i) {
                Some(&first) => Some(first),
                None => {
                    at.insert(i, c);
                    of[c] = Some(i);
                    None
                }
            }
        } else if let Some(ty) = unsupported.get(&text) {
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
                    grid.cell_name(h, c, "")
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
            if text == UNIT_HEADER {
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
                format!("the header of {} has no `{UNIT_HEADER}` column", grid.what()),
            )
            .primary(grid.row_span(h), "the header")
            .help(format!(
                "add a column headed `{UNIT_HEADER}` holding each unit's name (`kaohe template` puts it first)"
            ))
            .with_source(&grid.source),
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
                    grid.what(),
                    absent.len(),
                    names.join(", ")
                ),
            )
            .primary(grid.row_span(h), "the header")
            .help("add the missing columns (`kaohe template RULE --format csv` writes a header with every column); only a fact with a `default` may have no column")
            .with_source(&grid.source),
        );
    }
    // A column without a header is fine while it is empty (spreadsheets often carry
    // a few); a value in it would be silently unread, so that is an error.
    let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
    unnamed.extend(cells.len()..width);
    for c in unnamed {
        let filled = (h + 1..grid.rows.len())
            .find(|&r| grid.rows[r].get(c).is_some_and(|cell| !cell.is_blank()));
        if let Some(r) = filled {
            problems.push(error(
                codes::EVIDENCE_COLUMN,
                format!(
                    "{}: column {} has values but no header",
                    grid.cell_name(r, c, ""),
                    column_letters(c)
                ),
                &grid.rows[r][c],
                "a value under no header",
                format!(
                    "write the fact's header (`ITEM/FACT`) in row {} above it, or delete the column",
                    h + 1
                ),
            ));
        }
    }
    Header {
        unit,
        at,
        of,
        layout,
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

/// Reads one row: its unit when valid, its problems, and the unit's name and place
/// when the row names one.
fn read_row(
    rubric: &Rubric,
    grid: &Grid,
    header: &Header<'_>,
    row: usize,
) -> (Option<Unit>, Vec<Diagnostic>, Option<(String, Span)>) {
    let mut found = RowRead {
        problems: Vec::new(),
        refused: HashSet::new(),
        blanks: Vec::new(),
    };
    let (name, name_span) = match header.unit {
        Some(c) => {
            let cell = grid.cell(row, c);
            if cell.is_blank() {
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
                    .with_source(&grid.source),
                );
                (format!("row {}", row + 1), cell.span)
            } else {
                (cell.text(), cell.span)
            }
        }
        // The header's lack of a unit column is reported once; the rows are still
        // checked, under their row numbers.
        None => (format!("row {}", row + 1), grid.row_span(row)),
    };
    // A row without a name goes by a stand-in in the evidence tree, so that its cells
    // are still checked; messages then name the row alone.
    let named = match header.unit {
        Some(c) => !grid.cell(row, c).is_blank(),
        None => false,
    };
    let who = if named {
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
        if let Some(table) = item_table(grid, header, row, i..end, &who, &mut found) {
            entries.push(table);
        }
        i = end;
    }
    let node = Node {
        raw: Raw::Table(entries),
        span: grid.row_span(row),
    };
    let mut problems = std::mem::take(&mut found.problems);
    let name = named.then(|| (name.clone(), name_span));
    match validate(rubric, &grid.source, &node) {
        Ok(unit) if problems.is_empty() => return (Some(unit), problems, name),
        Ok(_) => {}
        Err(ds) => {
            for d in ds {
                if let Some(d) = reword(grid, header, row, (&who, name_span), &found, d) {
                    problems.push(d);
                }
            }
        }
    }
    (None, problems, name)
}

/// One item's table of a row, from its columns `range` of the layout; `None` when
/// the header has none of them.
fn item_table(
    grid: &Grid,
    header: &Header<'_>,
    row: usize,
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
            .map(|&(i, c)| (&columns[i], c, grid.cell(row, c)))
            .collect();
        let key = |span| Spanned::new(fact.name.node.clone(), span);
        let mut given = Vec::new();
        let mut blank = Vec::new();
        for (column, c, cell) in &cells {
            match cell::read(fact, &column.part, cell) {
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
                        .push(refusal(grid, row, *c, column, cell, message, help));
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
                        .with_source(&grid.source),
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
        .map_or_else(|| grid.cell(row, first_col).span, |(_, s)| *s);
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
    grid: &Grid,
    row: usize,
    col: usize,
    column: &Column,
    cell: &Cell,
    message: String,
    help: String,
) -> Diagnostic {
    Diagnostic::error(
        codes::EVIDENCE_VALUE,
        format!("{}: {message}", grid.cell_name(row, col, &column.header)),
    )
    .primary(cell.span, format!("expected {}", expected(column)))
    .help(help)
    .with_source(&grid.source)
}

/// What a column expects, for labels.
fn expected(column: &Column) -> &'static str {
    use crate::syntax::ast::FactType;
    match (&column.part, &column.fact.ty.node) {
        (Part::Member(_), _) => "a count",
        (Part::Reason, _) => "a reason",
        (_, FactType::Discretion { .. }) => "a number of points",
        (_, FactType::Bool) => "true or false",
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
    grid: &Grid,
    header: &Header<'_>,
    row: usize,
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
    let cells = &grid.rows[row];
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
            d.message = format!("{}: {}", grid.cell_name(row, c, &column.header), d.message);
            if d.help.as_deref().is_some_and(speaks_toml) {
                d.help = Some(cell::help(column.fact, &column.part));
            }
        }
        None => d.message = format!("{who}: {}", d.message),
    }
    Some(d)
}
