//! The ranking table: rank, unit, total, and each first-level subtotal. Names are
//! written with their hidden characters made visible ([`visible`]).

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

use super::{number, ranks};
use crate::check::Rubric;
use crate::eval::Summary;
use crate::model::SectionKind;
use crate::safe::visible;

/// The ranking of the units scored, best first.
pub fn table(rubric: &Rubric, summaries: &[Summary]) -> String {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(
        super::ranking::ranked_header(rubric)
            .iter()
            .map(|h| visible(h).into_owned()),
    );
    let scores: Vec<_> = summaries.iter().map(|s| s.score).collect();
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
        t.add_row(row);
    }
    for i in 0..t.column_count() {
        if i != 1 {
            if let Some(c) = t.column_mut(i) {
                c.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    format!("{}\n{t}\n", visible(&rubric.title))
}
