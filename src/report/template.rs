//! `kaohe template`: an empty evidence form made from a rule file.
//!
//! - **TOML**, one file per unit: one table per item, headed by the item's points and
//!   criterion text; every fact with its type, the values it takes and its Chinese
//!   description as comments, and its line commented out, to be filled in. A fact left
//!   commented out is missing, so an unfilled form fails `kaohe eval` with a diagnostic
//!   per item rather than scoring anything.
//! - **CSV**, one row per unit: the header only (`单位` and one column per fact, named as
//!   in [`crate::evidence::columns`]), with a UTF-8 byte-order mark so that Excel and
//!   WPS open the Chinese header correctly.
//! - **XLSX**: the same header with a note on every column and drop-down lists
//!   (`template_sheet`).

use std::fmt::Write;

use super::number;
use crate::check::Rubric;
use crate::diagnostic::{codes, Diagnostic};
use crate::evidence::columns::{self, UNIT_HEADER};
use crate::syntax::ast::{FactDecl, FactType, Item, Member, Node, SectionKind};

/// The formats `kaohe template` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFormat {
    /// One TOML file per unit, every fact described in comments.
    Toml,
    /// One row per unit: the header of a CSV file.
    Csv,
    /// One row per unit: an XLSX workbook with notes and drop-down lists.
    Xlsx,
}

/// The form in the format asked for, as the bytes of the file.
pub fn template(rubric: &Rubric, format: TemplateFormat) -> Result<Vec<u8>, Diagnostic> {
    match format {
        TemplateFormat::Toml => Ok(template_toml(rubric).into_bytes()),
        TemplateFormat::Csv => template_csv(rubric).map(String::into_bytes),
        TemplateFormat::Xlsx => super::template_sheet::template_xlsx(rubric),
    }
}

/// The facts of the rubric no spreadsheet cell can give yet, as a diagnostic.
pub(super) fn spreadsheet_refusal(rubric: &Rubric) -> Option<Diagnostic> {
    let layout = columns::layout(rubric);
    let (item, fact) = layout.unsupported.first()?;
    let names: Vec<String> = layout
        .unsupported
        .iter()
        .map(|(i, f)| format!("`{}`", columns::header(i, f)))
        .collect();
    Some(
        Diagnostic::error(
            codes::EVIDENCE_CELL_TYPE,
            crate::diagnostic::msg!("template-cell-type", facts = names.join(", ")),
        )
        .primary(
            fact.span,
            crate::diagnostic::msg!("template-cell-type".label, kind = fact.ty.node.describe()),
        )
        .help(crate::diagnostic::msg!(
            "template-cell-type".help,
            fact = &fact.name.node,
            item = &item.name.node
        ))
        .with_source(&rubric.source),
    )
}

/// The CSV form: a byte-order mark and the header row.
pub fn template_csv(rubric: &Rubric) -> Result<String, Diagnostic> {
    if let Some(d) = spreadsheet_refusal(rubric) {
        return Err(d);
    }
    let layout = columns::layout(rubric);
    let header: Vec<&str> = std::iter::once(UNIT_HEADER)
        .chain(layout.columns.iter().map(|c| c.header.as_str()))
        .collect();
    Ok(format!("\u{feff}{}", super::ranking::csv_rows(&[header])))
}

/// The TOML form: every item's table, every fact's line commented out.
pub fn template_toml(rubric: &Rubric) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Evidence form for {}", rubric.title);
    if let Some(note) = &rubric.source_note {
        let _ = writeln!(out, "# ({note})");
    }
    let _ = writeln!(
        out,
        "# Made by `kaohe template` from {}.",
        rubric.source.name()
    );
    out.push_str(
        "#
# One file per assessed unit. Write the unit's name after `unit`. Then, under each
# item, give every fact: delete the `# ` in front of the fact's line and write its
# value after `=`. A fact whose line is still commented out is missing, and the unit
# is not scored until every fact it needs is given. The values each fact takes are
# above its line; docs/evidence.md explains them all.
",
    );
    out.push('\n');
    out.push_str("unit = \"\"\n");
    let _ = writeln!(
        out,
        "rubric = {}   # a guard against scoring this file with another rule file",
        quoted(&rubric.title)
    );
    let mut stack: Vec<(&Node, usize)> = rubric.nodes.iter().rev().map(|n| (n, 0)).collect();
    while let Some((node, depth)) = stack.pop() {
        match node {
            Node::Section(s) => {
                let kind = match s.kind {
                    SectionKind::Regular => String::new(),
                    SectionKind::Bonus => " 加分项 (bonus)".into(),
                    SectionKind::Penalty => " 倒扣分 (penalty)".into(),
                };
                let rule = if depth == 0 {
                    "════"
                } else {
                    "────"
                };
                let _ = writeln!(
                    out,
                    "\n# {rule} {}{kind} ({} 分) {rule}",
                    s.name.node,
                    number(s.points.node)
                );
                for text in s.texts.iter().chain(&s.notes) {
                    comment_lines(&mut out, &text.node, "");
                }
                stack.extend(s.children.iter().rev().map(|c| (c, depth + 1)));
            }
            Node::Item(item) => item_toml(&mut out, rubric, item),
        }
    }
    // The rule file's texts come from another office: whatever hidden character a
    // comment holds is shown as an escape, never sent to the terminal or the file as
    // it is (a quoted string has already escaped it as TOML does).
    crate::safe::visible_text(&out).into_owned()
}

fn item_toml(out: &mut String, rubric: &Rubric, item: &Item) {
    let _ = writeln!(
        out,
        "\n# ── {} ({} 分) ──",
        item.name.node,
        number(item.points.node)
    );
    for text in &item.texts {
        comment_lines(out, &text.node, "");
    }
    for note in &item.notes {
        comment_lines(out, &note.node, "注: ");
    }
    if let Some(cond) = &item.applicable_unless {
        let text = &rubric.source.text()[cond.span.start..cond.span.end];
        let needed = crate::eval::condition_facts(cond).join("、");
        let _ = writeln!(
            out,
            "# Not applicable (折分处理) when `{}`; then only {needed} is needed.",
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    let _ = writeln!(out, "[{}]", quoted(&item.name.node));
    for fact in &item.facts {
        out.push('\n');
        let year = rubric.year.unwrap_or(2020);
        let _ = writeln!(out, "# {}: {}", fact.name.node, toml_values(fact, year));
        if let Some(d) = &fact.description {
            comment_lines(out, &d.node, "  ");
        }
        if let Some(members) = fact.ty.node.members() {
            let _ = writeln!(out, "#   members: {}", member_list(members));
            for m in members.iter().filter(|m| m.description.is_some()) {
                let _ = writeln!(
                    out,
                    "#   {}: {}",
                    m.name.node,
                    m.description.as_ref().map_or("", |d| d.node.as_str())
                );
            }
        }
        let _ = writeln!(out, "# {} ={}", quoted(&fact.name.node), blank_value(fact));
    }
}

/// Each line of a text as a comment, with a prefix on the first.
fn comment_lines(out: &mut String, text: &str, first: &str) {
    for (n, line) in text.lines().enumerate() {
        let prefix = if n == 0 { first } else { "" };
        let line = format!("# {prefix}{line}");
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// A TOML basic string: quotes, with `"` and `\` escaped, and every other hidden
/// character ([`crate::safe::is_hidden`]) as TOML's `\uXXXX`.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // Every hidden character is in the Basic Multilingual Plane.
            c if crate::safe::is_hidden(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn member_list(members: &[Member]) -> String {
    members
        .iter()
        .map(|m| m.name.node.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

/// The type of a fact and the values it takes, in TOML.
// The last arm is for fact types the language gains later.
#[allow(unreachable_patterns)]
fn toml_values(fact: &FactDecl, year: i32) -> String {
    let values = match &fact.ty.node {
        FactType::Bool => "bool, true or false".to_string(),
        FactType::Count { max: Some(m) } => {
            format!("count, a whole number from 0 to {}", m.node)
        }
        FactType::Count { max: None } => "count, a whole number, 0 or more".into(),
        FactType::Percent => "percent, a number (3.5 for 3.5%) or a text \"3.5%\"".into(),
        FactType::Date => format!("date, such as {year}-12-28, or false if it was never done"),
        FactType::Set(m) => format!(
            "set, the members present, such as [{}], or [] for none",
            m.iter()
                .take(2)
                .map(|m| quoted(&m.name.node))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        FactType::Tally(_) => "tally, how many for each member; a member left out is 0".into(),
        FactType::Periods { from, to } => format!(
            "periods, a list such as [{{ {} = {year}-03-02, {} = {year}-03-30 }}], {} false if it never ended, or [] for none",
            quoted(&from.node),
            quoted(&to.node),
            to.node
        ),
        FactType::Discretion { max } => format!(
            "discretion, the points given from 0 to {} with the reason, such as {{ score = 1.5, reason = \"…\" }}",
            number(max.node)
        ),
        other => other.describe().to_string(),
    };
    match &fact.default {
        Some(d) => format!("{values}; may be left out (default {})", literal(&d.node)),
        None => values,
    }
}

fn literal(lit: &crate::syntax::ast::Literal) -> String {
    use crate::syntax::ast::Literal;
    match lit {
        Literal::Number(n) => number(*n),
        Literal::Percent(p) => format!("{}%", number(*p)),
        Literal::Date(d) => d.to_string(),
        Literal::Bool(b) => b.to_string(),
    }
}

/// What follows `=` on a fact's commented-out line: nothing, so that a line
/// uncommented but not filled in is an error rather than a value; a tally and a
/// discretionary score show their keys.
fn blank_value(fact: &FactDecl) -> String {
    match &fact.ty.node {
        FactType::Tally(m) => format!(
            " {{ {} }}",
            m.iter()
                .map(|m| format!("{} =", quoted(&m.name.node)))
                .collect::<Vec<_>>()
                .join(" , ")
        ),
        FactType::Discretion { .. } => " { score = , reason = \"\" }".into(),
        _ => String::new(),
    }
}
