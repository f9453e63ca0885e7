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
//! - **XLSX**: the same columns under a two-row header (each item's name merged over
//!   its facts' columns), with a note on every column and drop-down lists
//!   (`template_sheet`).
//!
//! The words of the forms are messages of `locales/*/form.ftl`, in the language asked
//! for ([`template_in`]); the names of items, facts and members are the rule file's.

use std::fmt::Write;

use super::number;
use crate::check::Rubric;
use crate::diagnostic::{codes, Diagnostic};
use crate::evidence::columns::{self, UNIT_HEADER};
use crate::locale::Lang;
use crate::model::{FactDecl, FactType, Item, Member, Node, SectionKind};
use crate::tr;

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

/// The form in the format asked for, as the bytes of the file, in English.
pub fn template(rubric: &Rubric, format: TemplateFormat) -> Result<Vec<u8>, Diagnostic> {
    template_in(rubric, format, Lang::En)
}

/// The form in the format asked for, its words in `lang`, as the bytes of the file.
pub fn template_in(
    rubric: &Rubric,
    format: TemplateFormat,
    lang: Lang,
) -> Result<Vec<u8>, Diagnostic> {
    match format {
        TemplateFormat::Toml => Ok(template_toml_in(rubric, lang).into_bytes()),
        TemplateFormat::Csv => template_csv(rubric).map(String::into_bytes),
        TemplateFormat::Xlsx => super::template_sheet::template_xlsx_in(rubric, lang),
    }
}

/// The facts of the rubric no spreadsheet cell can give yet, as a diagnostic.
pub(super) fn spreadsheet_refusal(rubric: &Rubric, workbook: bool) -> Option<Diagnostic> {
    let layout = columns::layout(rubric);
    // A workbook gives each `periods` fact a sheet of its own; a CSV file has no
    // second sheet, so there they are refused with the rest.
    let refused: Vec<_> = layout
        .unsupported
        .iter()
        .filter(|(_, f)| !workbook || !layout.sheets.iter().any(|(_, p)| std::ptr::eq(*p, *f)))
        .collect();
    let (item, fact) = refused.first()?;
    let names: Vec<String> = refused
        .iter()
        .map(|(i, f)| format!("`{}`", columns::header(i, f)))
        .collect();
    let only_periods = refused
        .iter()
        .all(|(_, f)| matches!(f.ty.node, crate::model::FactType::Periods { .. }));
    Some(
        Diagnostic::error(
            codes::EVIDENCE_CELL_TYPE,
            crate::diagnostic::msg!("template-cell-type", facts = names.join(", ")),
        )
        .primary(
            fact.span,
            crate::diagnostic::msg!("template-cell-type".label, kind = fact.ty.node.describe()),
        )
        .help(if only_periods {
            crate::diagnostic::msg!(
                "template-cell-type".periods,
                fact = &fact.name.node,
                item = &item.name.node
            )
        } else {
            crate::diagnostic::msg!(
                "template-cell-type".help,
                fact = &fact.name.node,
                item = &item.name.node
            )
        })
        .with_source(&rubric.source),
    )
}

/// The CSV form: a byte-order mark and the header row.
pub fn template_csv(rubric: &Rubric) -> Result<String, Diagnostic> {
    if let Some(d) = spreadsheet_refusal(rubric, false) {
        return Err(d);
    }
    let layout = columns::layout(rubric);
    let header: Vec<&str> = std::iter::once(UNIT_HEADER)
        .chain(layout.columns.iter().map(|c| c.header.as_str()))
        .collect();
    Ok(format!("\u{feff}{}", super::ranking::csv_rows(&[header])))
}

/// The TOML form in English: every item's table, every fact's line commented out.
pub fn template_toml(rubric: &Rubric) -> String {
    template_toml_in(rubric, Lang::En)
}

/// The TOML form, its comments in `lang`.
pub fn template_toml_in(rubric: &Rubric, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}",
        tr!(lang, "form-toml-title", title = &rubric.title)
    );
    if let Some(note) = &rubric.source_note {
        let _ = writeln!(out, "# ({note})");
    }
    let _ = writeln!(
        out,
        "# {}",
        tr!(lang, "form-toml-made", file = rubric.source.name())
    );
    out.push_str("#\n");
    comment_lines(&mut out, &tr!(lang, "form-toml-howto"), "");
    if !rubric.methods.is_empty() {
        // A blended table: the same form is filled once for each method.
        let methods: Vec<String> = rubric.methods.iter().map(|m| m.name.clone()).collect();
        out.push_str("#\n");
        comment_lines(
            &mut out,
            &tr!(
                lang,
                "form-toml-methods",
                methods = methods.join(&tr!(lang, "form-toml-methods-sep"))
            ),
            "",
        );
    }
    out.push('\n');
    out.push_str("unit = \"\"\n");
    let _ = writeln!(
        out,
        "rubric = {}   # {}",
        quoted(&rubric.title),
        tr!(lang, "form-toml-guard")
    );
    let mut stack: Vec<(&Node, usize)> = rubric.nodes.iter().rev().map(|n| (n, 0)).collect();
    while let Some((node, depth)) = stack.pop() {
        match node {
            Node::Section(s) => {
                let kind = match s.kind {
                    SectionKind::Regular => String::new(),
                    SectionKind::Bonus => format!(" {}", tr!(lang, "form-toml-bonus")),
                    SectionKind::Penalty => format!(" {}", tr!(lang, "form-toml-penalty")),
                };
                let rule = if depth == 0 {
                    "════"
                } else {
                    "────"
                };
                let points = if s.uncapped {
                    tr!(lang, "report-no-cap")
                } else {
                    format!("{} 分", number(s.points.node))
                };
                let _ = writeln!(out, "\n# {rule} {}{kind} ({points}) {rule}", s.name.node);
                for text in s.texts.iter().chain(&s.notes) {
                    comment_lines(&mut out, &text.node, "");
                }
                stack.extend(s.children.iter().rev().map(|c| (c, depth + 1)));
            }
            Node::Item(item) => item_toml(&mut out, rubric, item, lang),
        }
    }
    // The rule file's texts come from another office: whatever hidden character a
    // comment holds is shown as an escape, never sent to the terminal or the file as
    // it is (a quoted string has already escaped it as TOML does).
    crate::safe::visible_text(&out).into_owned()
}

fn item_toml(out: &mut String, rubric: &Rubric, item: &Item, lang: Lang) {
    let points = if item.uncapped {
        tr!(lang, "report-no-cap")
    } else {
        format!("{} 分", number(item.points.node))
    };
    let _ = writeln!(out, "\n# ── {} ({points}) ──", item.name.node);
    for text in &item.texts {
        comment_lines(out, &text.node, "");
    }
    for note in &item.notes {
        comment_lines(out, &note.node, "注: ");
    }
    if let Some(cond) = &item.applicable_unless {
        let text = &rubric.source.text()[cond.span.start..cond.span.end];
        let needed = crate::eval::condition_facts(cond).join("、");
        let condition = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(
            out,
            "# {}",
            tr!(
                lang,
                "form-toml-not-applicable",
                condition = condition,
                facts = needed
            )
        );
    }
    let _ = writeln!(out, "[{}]", quoted(&item.name.node));
    for fact in &item.facts {
        out.push('\n');
        let year = rubric.year.unwrap_or(2020);
        let _ = writeln!(
            out,
            "# {}: {}",
            fact.name.node,
            toml_values(fact, year, lang)
        );
        if let Some(when) = given_when(rubric, item, fact) {
            let _ = writeln!(
                out,
                "#   {}",
                tr!(lang, "form-toml-given-when", when = when)
            );
        }
        if let Some(d) = &fact.description {
            comment_lines(out, &d.node, "  ");
        }
        if let Some(members) = fact.ty.node.members() {
            let _ = writeln!(
                out,
                "#   {}",
                tr!(lang, "form-toml-members", members = member_list(members))
            );
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

/// The condition, as written, of the `if COND give FACT` that reads a fact: the
/// evidence needs the fact only where it holds.
pub(super) fn given_when(
    rubric: &Rubric,
    item: &crate::model::Item,
    fact: &FactDecl,
) -> Option<String> {
    item.clauses.iter().find_map(|c| match &c.kind {
        crate::model::ClauseKind::Give {
            condition: Some(cond),
            fact: f,
        } if f.id == fact.id => Some(
            rubric.source.text()[cond.span.start..cond.span.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        _ => None,
    })
}

/// The type of a fact and the values it takes, in TOML.
// The last arm is for fact types the language gains later.
#[allow(unreachable_patterns)]
fn toml_values(fact: &FactDecl, year: i32, lang: Lang) -> String {
    let values = match &fact.ty.node {
        FactType::Bool => tr!(lang, "form-toml-bool"),
        FactType::Count { max: Some(m) } => {
            tr!(lang, "form-toml-count-max", max = m.node.to_string())
        }
        FactType::Count { max: None } => tr!(lang, "form-toml-count"),
        FactType::Percent { max: None } => tr!(lang, "form-toml-percent"),
        FactType::Percent { max: Some(m) } => {
            tr!(
                lang,
                "form-toml-percent-max",
                max = m.node.normalize().to_string()
            )
        }
        FactType::Number { max: Some(m) } => {
            tr!(
                lang,
                "form-toml-number-max",
                max = m.node.normalize().to_string()
            )
        }
        FactType::Number { max: None } => tr!(lang, "form-toml-number"),
        FactType::Date => tr!(lang, "form-toml-date", example = format!("{year}-12-28")),
        FactType::Dates => tr!(
            lang,
            "form-toml-dates",
            example = format!("[{year}-01-10, {year}-01-24]"),
            year = year.to_string()
        ),
        FactType::Set(m) => tr!(
            lang,
            "form-toml-set",
            example = m
                .iter()
                .take(2)
                .map(|m| quoted(&m.name.node))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        FactType::Tally(_) => tr!(lang, "form-toml-tally"),
        FactType::Periods { from, to } => tr!(
            lang,
            "form-toml-periods",
            example = format!(
                "{{ {} = {year}-03-02, {} = {year}-03-30 }}",
                quoted(&from.node),
                quoted(&to.node)
            ),
            to = &to.node
        ),
        FactType::Discretion { max } => tr!(
            lang,
            "form-toml-discretion",
            max = number(max.node),
            example = "{ score = 1.5, reason = \"…\" }"
        ),
        other => other.describe().to_string(),
    };
    match &fact.default {
        Some(d) => tr!(
            lang,
            "form-toml-default",
            values = values,
            default = literal(&d.node)
        ),
        None => values,
    }
}

fn literal(lit: &crate::model::Literal) -> String {
    use crate::model::Literal;
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
