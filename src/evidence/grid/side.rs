//! The sheets of a workbook that give its `periods` facts: one sheet per fact, named
//! by [`columns::periods_sheet`] (`依申请公开答复-申请`), headed `单位 | <from> | <to>`
//! (`单位 | 收到日期 | 答复日期`), one row per period.
//!
//! Each sheet is read before the units' sheet ([`Side::read`]): every row's two dates
//! are read as a `date` column's cells are ([`cell::period_date`]), and refused at the
//! cell when they are not dates, when the first is a spelling of never, or when the
//! period ends before it begins. The rows are joined to the units by the unit's name,
//! as [`normalise_name`] writes it. Each unit's periods are then given to its row's
//! reading as the array of tables TOML gives them (`申请 = [{ 收到日期 = …, 答复日期 =
//! … }]`), so that the typing reads them as it reads TOML, and the same evidence scores
//! the same in either format ([`Side::node`]).
//!
//! A unit with no row on a fact's sheet has no periods: an empty list, as
//! `申请 = []` is in TOML (a unit that received no request has no row to write). A
//! workbook without the sheet at all lacks the fact for every unit, as a TOML file
//! without the key does: one problem says so, unless the fact has a default. A row
//! whose unit is not on the units' sheet is a problem at its cell
//! ([`Side::unmatched`]), so that a unit misspelt on one sheet is never scored
//! without its periods.

use super::*;

use crate::model::{FactDecl, FactType, Item};

/// The periods of one fact, read from its sheet.
struct Sheet<'r> {
    item: &'r Item,
    decl: &'r FactDecl,
    /// The names of the period's two dates (`收到日期`, `答复日期`).
    from: String,
    to: String,
    /// Each unit's periods, as the TOML values of their two dates: `None` when the
    /// workbook has no such sheet.
    periods: Option<HashMap<String, Vec<(Raw, Raw)>>>,
    /// Every unit the sheet names, with the place of its first row's unit cell and the
    /// sheet's text, for a unit the units' sheet does not have.
    named: Vec<(String, Span, String)>,
    source: Option<SourceFile>,
}

/// Every `periods` fact's sheet of a workbook, read.
pub struct Side<'r> {
    sheets: Vec<Sheet<'r>>,
}

/// A header lies among the first rows of a sheet.
const TOP: usize = 64;

impl<'r> Side<'r> {
    /// The names of the sheets a workbook for the rubric gives its `periods` facts on,
    /// in the rubric's order.
    pub fn sheet_names(rubric: &Rubric) -> Vec<String> {
        columns::layout(rubric).sheet_names()
    }

    /// Reads each `periods` fact's sheet, `grids` in the order of
    /// [`Self::sheet_names`] (`None` where the workbook has no such sheet); `what`
    /// names the workbook. The problems of the rows are put in `problems`.
    pub fn read(
        rubric: &'r Rubric,
        grids: &[Option<Grid>],
        what: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> Side<'r> {
        let layout = columns::layout(rubric);
        let mut sheets = Vec::new();
        let names = layout.sheet_names();
        for (((item, decl), grid), sheet_name) in layout.sheets.iter().zip(grids).zip(&names) {
            let FactType::Periods { from, to } = &decl.ty.node else {
                continue;
            };
            let mut sheet = Sheet {
                item,
                decl,
                from: from.node.clone(),
                to: to.node.clone(),
                periods: None,
                named: Vec::new(),
                source: None,
            };
            match grid {
                Some(grid) => {
                    sheet.source = Some(grid.source.clone());
                    sheet.periods = Some(read_sheet(&mut sheet, grid, problems));
                }
                None if decl.default.is_none() => problems.push(
                    Diagnostic::error(
                        codes::EVIDENCE_MISSING,
                        msg!(
                            "sheet-periods-absent",
                            what = what,
                            sheet = sheet_name.as_str(),
                            fact = columns::header(item, decl)
                        ),
                    )
                    .help(msg!(
                        "sheet-periods-absent".help,
                        sheet = sheet_name.as_str(),
                        unit = UNIT_HEADER,
                        from = from.node.as_str(),
                        to = to.node.as_str()
                    )),
                ),
                None => {}
            }
            sheets.push(sheet);
        }
        Side { sheets }
    }

    /// The `periods` facts of the unit `name`, as `(item, fact, node)` for its
    /// evidence tree: the array of tables TOML gives, every node placed at `span`
    /// (the unit's cell, since the dates stand on another sheet). A fact whose sheet
    /// the workbook lacks is given as an empty list when it has no default (its
    /// absence is reported once, not on every row), and not at all when it has one.
    pub fn node(&self, name: &str, span: Span) -> Vec<(&'r Item, &'r FactDecl, Node)> {
        let at = |raw: Raw| Node { raw, span };
        self.sheets
            .iter()
            .filter(|s| s.periods.is_some() || s.decl.default.is_none())
            .map(|s| {
                let periods = s
                    .periods
                    .as_ref()
                    .and_then(|p| p.get(name))
                    .map_or(&[][..], Vec::as_slice);
                let entries = periods
                    .iter()
                    .map(|(from, to)| {
                        at(Raw::Table(vec![
                            (Spanned::new(s.from.clone(), span), at(from.clone())),
                            (Spanned::new(s.to.clone(), span), at(to.clone())),
                        ]))
                    })
                    .collect();
                (s.item, s.decl, at(Raw::Array(entries)))
            })
            .collect()
    }

    /// The rows whose unit is not among `units` (the names of the units' sheet), one
    /// problem per unit at its first row.
    pub fn unmatched(&self, units: &HashSet<String>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        // In order, so that of two names as close, the one suggested is always the same.
        let mut sorted: Vec<&str> = units.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        for s in &self.sheets {
            let Some(source) = &s.source else {
                continue;
            };
            for (name, span, place) in &s.named {
                if units.contains(name) {
                    continue;
                }
                let hint = suggest_name(name, sorted.iter().copied());
                out.push(
                    Diagnostic::error(
                        codes::EVIDENCE_UNIT,
                        placed(place, &msg!("sheet-periods-unit", name = name.as_str())),
                    )
                    .primary(*span, msg!("sheet-periods-unit".label))
                    .help(if hint.is_empty() {
                        msg!("sheet-periods-unit".help, unit = UNIT_HEADER)
                    } else {
                        hint
                    })
                    .with_source(source),
                );
            }
        }
        out
    }
}

/// The columns of a periods sheet's header: the unit's, the first date's and the
/// second's.
struct Columns {
    unit: usize,
    from: usize,
    to: usize,
}

/// Reads one periods sheet: each unit's periods, and the problems of its rows.
fn read_sheet(
    sheet: &mut Sheet<'_>,
    grid: &Grid,
    problems: &mut Vec<Diagnostic>,
) -> HashMap<String, Vec<(Raw, Raw)>> {
    let part = Placed { grid, first: 0 };
    let mut out: HashMap<String, Vec<(Raw, Raw)>> = HashMap::new();
    let (from_key, to_key) = (normalise_name(&sheet.from), normalise_name(&sheet.to));
    // The header is the first row that names the unit's column.
    let header = (0..grid.row_count().min(TOP)).find(|&r| {
        part.row(r)
            .iter()
            .any(|c| columns::is_unit_header(&normalise_name(&c.text())))
    });
    let found = header.and_then(|r| {
        let row = part.row(r);
        let col =
            |test: &dyn Fn(&str) -> bool| row.iter().position(|c| test(&normalise_name(&c.text())));
        Some((
            r,
            Columns {
                unit: col(&columns::is_unit_header)?,
                from: col(&|t| t == from_key)?,
                to: col(&|t| t == to_key)?,
            },
        ))
    });
    let Some((header, cols)) = found else {
        let span = header.map_or_else(Span::default, |r| part.row_span(r));
        problems.push(
            Diagnostic::error(
                codes::EVIDENCE_COLUMN,
                msg!(
                    "sheet-periods-header",
                    what = grid.what(),
                    unit = UNIT_HEADER,
                    from = sheet.from.as_str(),
                    to = sheet.to.as_str()
                ),
            )
            .primary(span, msg!("sheet-periods-header".label))
            .help(msg!(
                "sheet-periods-header".help,
                unit = UNIT_HEADER,
                from = sheet.from.as_str(),
                to = sheet.to.as_str()
            ))
            .with_source(part.source()),
        );
        return out;
    };
    let mut seen: HashSet<String> = HashSet::new();
    for r in header + 1..grid.row_count() {
        let row = part.row(r);
        if row.iter().all(Cell::is_blank) {
            continue;
        }
        let unit = cell_in(&row, cols.unit);
        let name = normalise_name(&unit.trimmed());
        let mut error = |code, col: usize, header: &str, message: String, label, help| {
            problems.push(
                Diagnostic::error(code, placed(&part.cell_name(r, col, header), &message))
                    .primary(cell_in(&row, col).span, label)
                    .help(help)
                    .with_source(part.source()),
            );
        };
        if name.is_empty() {
            error(
                codes::EVIDENCE_UNIT,
                cols.unit,
                UNIT_HEADER,
                msg!("sheet-periods-no-unit"),
                msg!("sheet-periods-no-unit".label),
                msg!("sheet-periods-no-unit".help, unit = UNIT_HEADER),
            );
        } else if seen.insert(name.clone()) {
            sheet.named.push((
                name.clone(),
                unit.span,
                part.cell_name(r, cols.unit, UNIT_HEADER),
            ));
        }
        let mut date = |col: usize, label: &str, first: bool| -> Option<Raw> {
            let cell = cell_in(&row, col);
            match cell::period_date(sheet.decl, &cell, grid.dates) {
                Read::Blank => {
                    error(
                        codes::EVIDENCE_MISSING,
                        col,
                        label,
                        msg!("sheet-periods-blank", column = label),
                        msg!("sheet-periods-blank".label),
                        if first {
                            msg!("sheet-periods-blank".from)
                        } else {
                            msg!("sheet-periods-blank".to)
                        },
                    );
                    None
                }
                Read::Wrong { problem, .. } => {
                    let (message, help) = problem.words();
                    error(
                        codes::EVIDENCE_VALUE,
                        col,
                        label,
                        message,
                        msg!("sheet-periods-date".label),
                        help,
                    );
                    None
                }
                Read::Value(node) if first && matches!(node.raw, Raw::Bool(false)) => {
                    error(
                        codes::EVIDENCE_VALUE,
                        col,
                        label,
                        msg!("sheet-periods-date", column = label, text = cell.shown()),
                        msg!("sheet-periods-date".label),
                        msg!("sheet-periods-date".help, column = label),
                    );
                    None
                }
                Read::Value(node) => Some(node.raw),
            }
        };
        let from = date(cols.from, &sheet.from.clone(), true);
        let to = date(cols.to, &sheet.to.clone(), false);
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        let day = |raw: &Raw| match raw {
            Raw::Date(s) | Raw::String(s) => crate::input::day::day(s),
            _ => None,
        };
        if let (Some(a), Some(b)) = (day(&from), day(&to)) {
            if b < a {
                let label = sheet.to.clone();
                problems.push(
                    Diagnostic::error(
                        codes::EVIDENCE_VALUE,
                        placed(
                            &part.cell_name(r, cols.to, &label),
                            &msg!(
                                "sheet-periods-reversed",
                                from = sheet.from.as_str(),
                                to = label.as_str()
                            ),
                        ),
                    )
                    .primary(
                        cell_in(&row, cols.to).span,
                        msg!("sheet-periods-reversed".label),
                    )
                    .label(
                        cell_in(&row, cols.from).span,
                        msg!("sheet-periods-reversed".first),
                    )
                    .help(msg!(
                        "sheet-periods-reversed".help,
                        from = sheet.from.as_str(),
                        to = label.as_str()
                    ))
                    .with_source(part.source()),
                );
                continue;
            }
        }
        if !name.is_empty() {
            out.entry(name).or_default().push((from, to));
        }
    }
    out
}
