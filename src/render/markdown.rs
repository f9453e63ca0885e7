//! The published table in Markdown.
//!
//! Markdown tables cannot span rows, so an indicator cell is written on the first row
//! it spans and left blank below, as the printed table looks; an item above the
//! deepest level is written in its own column, the columns to its right left blank.
//! Lines of a criterion text are separated by `<br>`, which GitHub, GitLab and most
//! Markdown viewers show as line breaks.

use std::fmt::Write;

use super::{Table, Tail};

/// Escapes what would break a table cell or be read as markup, and makes hidden
/// characters visible ([`crate::safe::markdown`], which the score sheets use too).
fn escape(text: &str) -> String {
    crate::safe::markdown(text)
}

fn lines_cell<'a>(lines: impl IntoIterator<Item = &'a String>) -> String {
    lines
        .into_iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

pub fn markdown(table: &Table) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&table.title));
    if let Some(source) = &table.source {
        let _ = writeln!(out, "{}\n", escape(source));
    }
    if let Some(methods) = &table.methods {
        let _ = writeln!(
            out,
            "{}
",
            escape(methods)
        );
    }
    let headings = table.headings();
    let _ = writeln!(out, "| {} |", headings.join(" | "));
    let mut rule: Vec<&str> = vec!["---"; table.levels];
    rule.extend(table.tail.iter().map(|(t, _)| match t {
        Tail::Points => "---:",
        Tail::Text(_) => "---",
    }));
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for row in &table.rows {
        let mut indicators = vec![String::new(); table.levels];
        for cell in &row.cells {
            let mut text = escape(&cell.heading(table.lang));
            if !cell.lines.is_empty() {
                text.push_str("<br>");
                text.push_str(&lines_cell(&cell.lines));
            }
            if let Some(slot) = indicators.get_mut(cell.column) {
                *slot = text;
            }
        }
        let texts = table.text_columns();
        let tail: Vec<String> = table
            .tail
            .iter()
            .map(|(t, _)| match t {
                Tail::Points => row.points_text(table.lang),
                Tail::Text(n) => lines_cell(&row.text(*n, texts)),
            })
            .collect();
        let _ = writeln!(out, "| {} | {} |", indicators.join(" | "), tail.join(" | "));
    }
    let mut total = vec![String::new(); table.levels];
    total[0] = escape(&table.total_word());
    let tail: Vec<String> = table
        .tail
        .iter()
        .map(|(t, _)| match t {
            Tail::Points => escape(&table.total_text()),
            Tail::Text(_) => String::new(),
        })
        .collect();
    let _ = writeln!(out, "| {} | {} |", total.join(" | "), tail.join(" | "));
    out
}
