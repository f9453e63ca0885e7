//! The words of a sheet's problems: a cell refused for its spelling, named by its
//! place, and `validate`'s findings reworded to name the cell, its row and its
//! column's header.

use super::*;

/// A cell refused for its spelling, named by its place.
pub(super) fn refusal(
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
    use crate::model::FactType;
    match (&column.part, &column.fact.ty.node) {
        (Part::Member(_), _) => "a count",
        (Part::Reason, _) => "a reason",
        (_, FactType::Discretion { .. }) => "a number of points",
        (_, FactType::Bool) => "yes or no",
        (_, FactType::Count { .. }) => "a count",
        (_, FactType::Percent { .. }) => "a percentage",
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
pub(super) fn reword(
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
