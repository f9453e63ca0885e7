//! The ranking table: rank, unit, total, and each first-level subtotal. Names are
//! written with their hidden characters made visible ([`visible`]). Given a width
//! (the terminal's), the table is fitted to it ([`table_fitted`]): its headings and
//! cells wrapped within their columns, or, when even that is too wide, one unit per
//! block, a line per subtotal.

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

use super::{number, ranks};
use crate::check::Rubric;
use crate::eval::Summary;
use crate::model::SectionKind;
use crate::safe::visible;

/// The ranking of the units scored, best first.
pub fn table(rubric: &Rubric, summaries: &[Summary]) -> String {
    table_fitted(rubric, summaries, None)
}

/// The ranking of the units scored, best first, fitted to `width` columns when one
/// is given: its headings wrapped within their columns, or, when a unit's row would
/// have to be broken too, one unit per block.
pub fn table_fitted(rubric: &Rubric, summaries: &[Summary], width: Option<u16>) -> String {
    let header: Vec<String> = super::ranking::ranked_header(rubric)
        .iter()
        .map(|h| visible(h).into_owned())
        .collect();
    let rows = rows(summaries);
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED);
    match width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t.set_header(header.clone());
    for row in &rows {
        t.add_row(row.clone());
    }
    for i in 0..t.column_count() {
        if i != 1 {
            if let Some(c) = t.column_mut(i) {
                c.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    let drawn = t.to_string();
    let fits = |w: u16| {
        drawn
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= usize::from(w))
    };
    // A unit's row broken over lines (`蓬` over `江` over `区`) is not read: past that
    // width, one unit per block.
    let body = drawn
        .lines()
        .skip_while(|l| !l.starts_with('╞'))
        .skip(1)
        .count()
        .saturating_sub(1);
    let broken = !rows.is_empty() && body > rows.len();
    match width {
        Some(w) if !fits(w) || broken => {
            format!("{}\n{}", visible(&rubric.title), blocks(&header, &rows))
        }
        _ => format!("{}\n{drawn}\n", visible(&rubric.title)),
    }
}

/// The table one unit per block, for a terminal too narrow for its columns: the rank,
/// the unit and the total on a line, then each subtotal on a line of its own.
fn blocks(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let (rank, unit, total) = (&row[0], &row[1], &row[2]);
        out.push_str(&format!("{rank}. {unit}  {}: {total}\n", header[2]));
        for (h, v) in header.iter().zip(row).skip(3) {
            out.push_str(&format!("   {h}: {v}\n"));
        }
    }
    out
}

/// Each unit's row, best first: rank, unit, total, each first-level subtotal.
fn rows(summaries: &[Summary]) -> Vec<Vec<String>> {
    let scores: Vec<_> = summaries.iter().map(|s| s.score).collect();
    let mut rows = Vec::with_capacity(summaries.len());
    for (rank, i) in ranks(&scores) {
        let s = &summaries[i];
        let mut row = vec![rank.to_string(), visible(&s.unit).into_owned()];
        row.push(if s.prorated {
            crate::tr!(
                crate::locale::current(),
                "ranking-prorated",
                score = number(s.score),
                earned = number(s.earned),
                applicable = number(s.applicable_points)
            )
        } else {
            number(s.score)
        });
        for top in &s.top {
            row.push(match (top.kind, top.score) {
                // A bonus or penalty section shows what it gave or took.
                (Some(kind), Some(score))
                    if top.applicable_points != top.points && kind == SectionKind::Regular =>
                {
                    format!("{}/{}", number(score), number(top.applicable_points))
                }
                (_, Some(score)) => number(score),
                // An item that is not applicable.
                (_, None) => "—".into(),
            });
        }
        rows.push(row);
    }
    rows
}
