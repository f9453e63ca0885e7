//! The words of a sheet's problems: a cell refused for its spelling, named by its
//! place, and the typing's problems ([`Finding`]: a kind of
//! [`super::super::EvidenceError`] and its item) worded to name the cell, its row and
//! its column's header, with a help in a sheet's terms: the one wording of the kinds
//! for a sheet, as the kinds' `Diagnostic` is the one for the tree formats.

use super::*;
use crate::evidence::problem::CellError;

/// A cell refused for its spelling ([`CellError`]), named by its place.
pub(super) fn refusal(
    part: Placed<'_>,
    row: usize,
    col: usize,
    column: &Column,
    cell: &Cell,
    problem: &CellError,
) -> Diagnostic {
    let (message, help) = problem.words();
    Diagnostic::error(
        codes::EVIDENCE_VALUE,
        placed(&part.cell_name(row, col, &column.header), &message),
    )
    .primary(cell.span, expected(column))
    .help(help)
    .with_source(part.source())
}

/// What a column expects, for labels.
fn expected(column: &Column) -> String {
    use crate::model::FactType;
    match (&column.part, &column.fact.ty.node) {
        (Part::Member(_), _) => msg!("sheet-expected".count),
        (Part::Reason, _) => msg!("sheet-expected".reason),
        (_, FactType::Discretion { .. }) => msg!("sheet-expected".points),
        (_, FactType::Bool) => msg!("sheet-expected".bool),
        (_, FactType::Count { .. }) => msg!("sheet-expected".count),
        (_, FactType::Percent { .. }) => msg!("sheet-expected".percent),
        (_, FactType::Date) => msg!("sheet-expected".date),
        (_, FactType::Set(_)) => msg!("sheet-expected".members),
        _ => msg!("sheet-expected"),
    }
}

/// The help that lists the blank cells of a row to fill, the first `shown` of them,
/// each with its column's header when the header has one.
pub(super) fn blanks_help(header: &Header<'_>, row: usize, cols: &[usize], shown: usize) -> String {
    let names: Vec<String> = cols
        .iter()
        .take(shown)
        .map(|&c| match header.of.get(c).copied().flatten() {
            Some(i) => cell_with_header(row, c, &header.layout.columns[i].header),
            None => cell_ref(row, c),
        })
        .collect();
    msg!(
        "sheet-blanks".help,
        names = names.join(&msg!("evidence-missing".separator)),
        more = cols.len().saturating_sub(shown)
    )
}

/// One of the typing's findings worded for a sheet.
pub(super) enum Worded {
    /// A problem of the row as it is.
    Problem(Diagnostic),
    /// Blank cells of one item, which the row's other blank cells may join
    /// (`row::blanks_of_row`).
    Blank(Diagnostic),
}

/// Words one of the typing's findings for a sheet, by its kind: the message named by
/// the cell, its row and its column's header, the help in a sheet's terms where the
/// kind's help shows what to write (in a tree, a TOML example); `None` drops it, when
/// the row's own reading has said it already.
pub(super) fn word(
    part: Placed<'_>,
    header: &Header<'_>,
    (row, cells): (usize, &[Cell]),
    (who, unit_span): (&str, Span),
    found: &RowRead,
    finding: Finding,
) -> Option<Worded> {
    let RowRead {
        refused, blanks, ..
    } = found;
    let problem = &finding.problem;
    let span = problem.span();
    if refused.contains(&span) {
        return None;
    }
    let words = problem.words();
    if let EvidenceError::Missing { .. } = problem {
        // Facts missing because the header has no column for them were reported once,
        // at the header; what is left are the row's blank cells.
        if span == unit_span {
            return None;
        }
        // Items whose blank cells all lie past the end of a short row share one
        // place; the item the finding is about is the one.
        let candidates: Vec<&(String, Vec<(usize, Span)>)> = blanks
            .iter()
            .filter(|(_, b)| b.iter().any(|(_, s)| *s == span))
            .collect();
        let (_, cells_of_item) = candidates
            .iter()
            .find(|(item, _)| finding.item.as_deref() == Some(item.as_str()))
            .or(candidates.first())?;
        let cols: Vec<usize> = cells_of_item.iter().map(|(c, _)| *c).collect();
        return Some(Worded::Blank(
            Diagnostic::error(words.code, placed(who, &words.message))
                .primary(span, msg!("sheet-blanks".label))
                .help(blanks_help(header, row, &cols, cols.len()))
                .with_source(part.source()),
        ));
    }
    let col = cells.iter().position(|c| c.span == span).or_else(|| {
        cells
            .iter()
            .position(|c| c.span.start <= span.start && span.end <= c.span.end)
    });
    let column = col.and_then(|c| header.of.get(c).copied().flatten().map(|i| (c, i)));
    let (message, help) = match column {
        Some((c, i)) => {
            let column = &header.layout.columns[i];
            (
                placed(&part.cell_name(row, c, &column.header), &words.message),
                // What to write in the cell, where a tree shows it in TOML.
                words
                    .help
                    .unwrap_or_else(|| cell::help(column.fact, &column.part)),
            )
        }
        None => (
            placed(who, &words.message),
            words
                .help
                .or_else(|| problem.toml_example())
                .unwrap_or_default(),
        ),
    };
    Some(Worded::Problem(
        Diagnostic::error(words.code, message)
            .primary(span, words.label)
            .help(help)
            .with_source(part.source()),
    ))
}
