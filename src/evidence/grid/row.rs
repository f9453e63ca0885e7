//! Reading one row below the header: its unit's name, then its facts, read once
//! straight into the unit's facts ([`super::facts`]); a row with problems has them
//! worded for the sheet from that same reading.

use super::*;

/// What one row's reading found, cell by cell, besides the typing's findings.
pub(super) struct RowRead {
    /// The row's own problems: spellings refused, blank cells in a tally, no unit.
    pub(super) problems: Vec<Diagnostic>,
    /// The cells refused for their spelling (or given in part): the typing refuses
    /// them too, and its words on them are dropped.
    pub(super) refused: HashSet<Span>,
    /// The blank cells of facts that must be given, by item: (sheet column, span).
    pub(super) blanks: Vec<(String, Vec<(usize, Span)>)>,
}

/// What one row gives.
pub(super) struct Row {
    /// The unit, when the row is valid.
    pub(super) unit: Option<Unit>,
    pub(super) problems: Vec<Diagnostic>,
    /// The unit's name and place, when the row names one and has a problem (a valid
    /// unit holds them).
    pub(super) name: Option<(String, Span)>,
    /// The warning that the unit's name was normalised.
    pub(super) note: Option<Diagnostic>,
}

/// Reads one row: its unit when valid, its problems, and the unit's name and place
/// when the row names one. The name is read as [`normalise_name`] writes it, so one
/// unit has one name however its spaces and full-width characters were typed.
///
/// `cells` are the row's cells.
pub(super) fn read_row(
    rubric: &Rubric,
    part: Placed<'_>,
    header: &Header<'_>,
    row: usize,
    cells: &[Cell],
    side: Option<&Side<'_>>,
) -> Row {
    let mut note = None;
    let mut found = RowRead {
        problems: Vec::new(),
        refused: HashSet::new(),
        blanks: Vec::new(),
    };
    // Whether the row names its unit; a row without a name goes by a stand-in, so
    // that its cells are still checked, and messages then name the row alone.
    let mut named = false;
    let (name, name_span) = match header.unit {
        Some(c) => {
            let cell = cell_in(cells, c);
            let written = cell.trimmed();
            let name = normalise_name(&written);
            // A name with a control or bidirectional character is kept as written, for
            // the validation of the evidence to refuse it (`names::bad_name`): reading
            // it as a name would drop its tabs and line breaks.
            let name = match super::super::names::bad_name(&written) {
                Some(_) => written.to_string(),
                None => name,
            };
            // A unit's cell names no unit when it is blank, or holds nothing but
            // characters a name drops (zero-width spaces), which would otherwise score
            // a unit with no name.
            if cell.is_blank() || name.is_empty() {
                found.problems.push(
                    Diagnostic::from(SheetError::NoUnit {
                        span: cell.span,
                        row,
                        col: c,
                    })
                    .with_source(part.source()),
                );
                (row_name(row, None), cell.span)
            } else {
                named = true;
                if name != written {
                    note = Some(
                        Diagnostic::from(SheetError::NameReadAs {
                            span: cell.span,
                            sheet: part.grid.sheet.clone(),
                            row,
                            col: c,
                            written: written.to_string(),
                            name: name.clone(),
                        })
                        .with_source(part.source()),
                    );
                }
                (name, cell.span)
            }
        }
        // The header's lack of a unit column is reported once; the rows are still
        // checked, under their row numbers.
        None => (row_name(row, None), span_of(cells)),
    };
    // Whether the row names its unit by a name that is not refused.
    let good_name = named && super::super::names::bad_name(&name).is_none();
    // The unit's `periods` facts, from their own sheets, as TOML gives them.
    let given: Vec<(usize, Node)> = side.map_or_else(Vec::new, |side| {
        side.node(&name, name_span)
            .into_iter()
            .map(|(_, decl, node)| (decl.id.index(), node))
            .collect()
    });
    // The name is checked as every format's is: too long, or with hidden characters
    // (a good name, as it is without spaces around it, was checked above).
    let checked = good_name && name.trim().len() == name.len();
    let mut findings: Vec<Finding> = (!checked)
        .then(|| value::bad_name(&name, name_span))
        .flatten()
        .into_iter()
        .collect();
    let end = span_of(cells).end;
    let blank = Cell {
        input: cell::Input::Empty,
        span: Span::new(end, end),
        text_at: None,
    };
    let read = facts::RowCells {
        row,
        cells,
        blank: &blank,
        given: &given,
        unit: name_span,
        name: good_name.then_some(name.as_str()),
    };
    let facts = facts::facts(
        &header.plan,
        rubric,
        part,
        header,
        &read,
        &mut found,
        &mut findings,
    );
    if found.problems.is_empty() && findings.is_empty() {
        return Row {
            unit: Some(Unit {
                name,
                name_span,
                source: part.source().clone(),
                facts,
            }),
            problems: Vec::new(),
            name: None,
            note,
        };
    }
    // A bad name is not repeated in every message of its row: its own says what it is.
    let who = row_name(row, good_name.then_some(name.as_str()));
    let mut problems = std::mem::take(&mut found.problems);
    let mut blank = Vec::new();
    for finding in findings {
        match word(
            part,
            header,
            (row, cells),
            (&who, name_span),
            &found,
            finding,
        ) {
            Some(Worded::Blank(d)) => blank.push(d),
            Some(Worded::Problem(d)) => problems.push(d),
            None => {}
        }
    }
    problems.extend(blanks_of_row(part, header, row, &who, &found, blank));
    Row {
        unit: None,
        problems,
        name: named.then_some((name, name_span)),
        note,
    }
}

/// The blank cells of a row, as its reading found them item by item: one problem for
/// the row when several items lack facts, naming each cell and its header once,
/// rather than one per item, each showing the row again.
fn blanks_of_row(
    part: Placed<'_>,
    header: &Header<'_>,
    row: usize,
    who: &str,
    found: &RowRead,
    mut blank: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    if blank.len() < 2 {
        return blank;
    }
    /// The most cells the help names.
    const NAMED: usize = 12;
    let items: Vec<&str> = found.blanks.iter().map(|(item, _)| item.as_str()).collect();
    let cells: Vec<usize> = found
        .blanks
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|(c, _)| *c))
        .collect();
    let first = blank.remove(0);
    let span = first.labels.first().map_or_else(Span::default, |l| l.span);
    vec![Diagnostic::error(
        codes::EVIDENCE_MISSING,
        placed(
            who,
            &msg!(
                "sheet-blanks",
                cells = cells.len().max(blank.len() + 1),
                items = items.len().max(blank.len() + 1)
            ),
        ),
    )
    .primary(span, msg!("sheet-blanks".label))
    .help(blanks_help(header, row, &cells, NAMED))
    .with_source(part.source())]
}
