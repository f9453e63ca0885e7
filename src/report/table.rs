//! The ranking table: rank, unit, total, and each first-level subtotal.

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

use super::{number, ranks};
use crate::check::Rubric;
use crate::eval::Sheet;

pub fn table(rubric: &Rubric, sheets: &[Sheet]) -> String {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    let mut header = vec![
        "排名".to_string(),
        "单位".to_string(),
        format!("总分 ({})", number(rubric.total)),
    ];
    for node in &rubric.nodes {
        header.push(format!(
            "{} ({})",
            node.name().node,
            number(node.points().node)
        ));
    }
    t.set_header(header);
    let scores: Vec<_> = sheets.iter().map(|s| s.score).collect();
    for (rank, i) in ranks(&scores) {
        let s = &sheets[i];
        let mut row = vec![rank.to_string(), s.unit.clone()];
        row.push(if s.prorated {
            format!(
                "{} (折算: {}/{})",
                number(s.score),
                number(s.earned),
                number(s.applicable_points)
            )
        } else {
            number(s.score)
        });
        let mut sections = s.categories.iter();
        let mut items = s.indicators.iter();
        for node in &rubric.nodes {
            row.push(match node {
                crate::syntax::ast::Node::Section(_) => {
                    sections.next().map_or(String::new(), |c| {
                        // A bonus or penalty section shows what it gave or took.
                        if c.applicable_points == c.points
                            || c.kind != crate::syntax::ast::SectionKind::Regular
                        {
                            number(c.score)
                        } else {
                            format!("{}/{}", number(c.score), number(c.applicable_points))
                        }
                    })
                }
                crate::syntax::ast::Node::Item(_) => {
                    items.next().map_or(String::new(), |i| match i.score {
                        Some(v) => number(v),
                        None => "—".into(),
                    })
                }
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
    format!("{}\n{t}\n", rubric.title)
}
