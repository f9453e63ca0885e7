//! Reading one row below the header: each cell by its column's type into the unit's
//! table and one table per item (or straight into the unit's facts the fast way),
//! then checked by `validate`, whose findings are worded for the sheet.

use super::*;

/// What one row found, cell by cell, before `validate` sees it.
pub(super) struct RowRead {
    /// The row's own problems: spellings refused, blank cells in a tally, no unit.
    pub(super) problems: Vec<Diagnostic>,
    /// The cells refused for their spelling: `validate` refuses them too, and its
    /// words on them are dropped.
    pub(super) refused: HashSet<Span>,
    /// The blank cells of facts that must be given, by item: (sheet column, span).
    pub(super) blanks: Vec<(String, Vec<(usize, Span)>)>,
}

/// What one row gives.
pub(super) struct Row {
    /// The unit, when the row is valid.
    pub(super) unit: Option<Unit>,
    pub(super) problems: Vec<Diagnostic>,
    /// The unit's name and place, when the row names one; `None` too for a unit read
    /// the fast way, which holds them.
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
            let name = match super::super::names::bad_name(&written) {
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
                        msg!("sheet-no-unit", row = row + 1, cell = cell_ref(row, c)),
                    )
                    .primary(cell.span, msg!("sheet-no-unit".label))
                    .help(msg!("sheet-no-unit".help, unit = UNIT_HEADER))
                    .with_source(part.source()),
                );
                (row_name(row, None), cell.span)
            } else {
                named = true;
                if name != written {
                    note = Some(
                        Diagnostic::warning(
                            codes::EVIDENCE_UNIT_NAME,
                            placed(
                                &part.cell_name(row, c, UNIT_HEADER),
                                &msg!(
                                    "evidence-name-read-as",
                                    written = written.as_ref(),
                                    name = &name
                                ),
                            ),
                        )
                        .primary(cell.span, msg!("evidence-name-read-as".label, name = &name))
                        .help(msg!("evidence-name-read-as".help, name = &name))
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
    // A valid row is read straight into the unit's facts; any other goes on, to be
    // validated as a tree and every problem worded for the sheet (a name too long or
    // with hidden characters too, which the tree's validation refuses).
    let good_name = named && super::super::names::bad_name(&name).is_none();
    // The unit's `periods` facts, from their own sheets, as TOML gives them.
    let periods = side.map_or_else(Vec::new, |side| side.node(&name, name_span));
    if let (true, true, Some(plan)) = (good_name, found.problems.is_empty(), &header.plan) {
        let blank = Cell {
            input: cell::Input::Empty,
            span: Span::default(),
            text_at: None,
        };
        let source = part.source();
        let given: Vec<(usize, Node)> = periods
            .iter()
            .map(|(_, decl, node)| (decl.id.index(), node.clone()))
            .collect();
        if let Some(facts) = fast::facts(
            plan,
            rubric,
            source,
            (cells, &given),
            &blank,
            part.grid.dates,
        ) {
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
    let who = row_name(row, good_name.then_some(name.as_str()));
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
    for (item, decl, node) in periods {
        let entry = (Spanned::new(decl.name.node.clone(), name_span), node);
        let table = entries
            .iter_mut()
            .skip(1)
            .find(|(key, _)| key.node == item.name.node);
        match table {
            Some((
                _,
                Node {
                    raw: Raw::Table(facts),
                    ..
                },
            )) => facts.push(entry),
            _ => entries.push((
                Spanned::new(item.name.node.clone(), name_span),
                Node {
                    raw: Raw::Table(vec![entry]),
                    span: name_span,
                },
            )),
        }
    }
    let node = Node {
        raw: Raw::Table(entries),
        span: span_of(cells),
    };
    let mut problems = std::mem::take(&mut found.problems);
    let name = named.then(|| (name.clone(), name_span));
    match validate_findings(rubric, part.source(), &node) {
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
            let mut blank = Vec::new();
            for finding in ds {
                match reword(
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
pub(super) fn item_table(
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
                    let names = blank
                        .iter()
                        .map(|(c, _, h)| cell_with_header(row, *c, h))
                        .collect::<Vec<_>>()
                        .join(&msg!("evidence-missing".separator));
                    found.problems.push(
                        Diagnostic::error(
                            codes::EVIDENCE_MISSING,
                            placed(
                                who,
                                &msg!(
                                    "sheet-in-part",
                                    fact = &fact.name.node,
                                    cell = cell_ref(row, c)
                                ),
                            ),
                        )
                        .primary(span, msg!("sheet-in-part".label))
                        .help(if tally {
                            msg!("sheet-in-part".tally, cells = names)
                        } else {
                            msg!("sheet-in-part".discretion, cells = names)
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

/// The blank cells of a row, as `validate` found them item by item: one problem for
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
