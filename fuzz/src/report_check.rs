//! What every report guarantees about the text evidence carries
//! (docs/security.md), checked on units whose names and discretionary reasons
//! are anything at all: the `report_writers` fuzz target and the proptest of
//! `tests/it/hostile_outputs.rs` both run [`check_reports`].
//!
//! The checks are written from the guarantees, not from kaohe's code: their own list of
//! hidden characters, their own reading of each format (csv, serde_json, calamine).

use std::io::Cursor;
use std::str::FromStr;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use kaohe::check::Rubric;
use kaohe::eval::{evaluate, Sheet, Summary};
use kaohe::evidence::{Unit, Value};
use rust_decimal::Decimal;

/// Whether a character must never reach a terminal or a text report as it is: a C0 or
/// C1 control, DEL, a bidirectional formatting character, a line or paragraph
/// separator.
pub fn hidden(c: char) -> bool {
    let n = u32::from(c);
    n < 0x20
        || (0x7f..=0x9f).contains(&n)
        || matches!(n, 0x061c | 0x200e | 0x200f | 0x2028 | 0x2029)
        || (0x202a..=0x202e).contains(&n)
        || (0x2066..=0x2069).contains(&n)
}

/// `text` with each hidden character written `\u{…}`, as the reports promise.
pub fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| {
            if hidden(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Whether a spreadsheet would take a text cell for a formula.
pub fn formula_like(text: &str) -> bool {
    if text.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    matches!(
        text.chars().find(|c| !c.is_whitespace() && !hidden(*c)),
        Some('=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠')
    )
}

/// Copies of `base` named by `names`, each discretionary reason replaced by one of
/// `reasons` in turn (when there are any).
pub fn hostile_units(base: &Unit, names: &[String], reasons: &[String]) -> Vec<Unit> {
    let mut next = 0;
    names
        .iter()
        .map(|name| {
            let mut unit = base.clone();
            unit.name = name.clone();
            for fact in unit.facts.iter_mut().flatten() {
                if let (Value::Discretion { reason, .. }, false) =
                    (&mut fact.value, reasons.is_empty())
                {
                    *reason = reasons[next % reasons.len()].clone();
                    next += 1;
                }
            }
            unit
        })
        .collect()
}

/// Writes every report of `units` (table, JSON, Markdown, CSV, XLSX, HTML, explain) and
/// checks each: nothing hidden in text meant for a terminal or a viewer, no markup
/// and no formula coming from the units' text, every document well-formed, and the
/// text intact where the format keeps it (JSON, XLSX). The first breach is the error.
pub fn check_reports(rubric: &Rubric, units: &[Unit]) -> Result<(), String> {
    let sheets: Vec<Sheet> = units
        .iter()
        .map(|u| evaluate(rubric, u).map_err(|d| format!("scoring failed: {}", d.message)))
        .collect::<Result<_, _>>()?;
    let summaries: Vec<Summary> = sheets.iter().map(|s| Summary::of(rubric, s)).collect();
    let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
    check_text("table", &kaohe::report::table(rubric, &summaries))?;
    check_table(&kaohe::report::table(rubric, &summaries), units.len())?;
    for sheet in &sheets {
        let explained = kaohe::report::explain(rubric, sheet);
        check_text("explain", &explained)?;
        if !explained.starts_with(&escaped(&sheet.unit)) {
            return Err(format!(
                "explain does not begin with the name: {explained:?}"
            ));
        }
    }
    check_markdown(&kaohe::report::markdown(rubric, &sheets), units.len())?;
    check_json(&kaohe::report::json(rubric, &sheets), &names)?;
    check_csv(&kaohe::report::ranking_csv(rubric, &summaries), &names)?;
    let bytes = kaohe::report::xlsx(rubric, &sheets)
        .map_err(|d| format!("the workbook is refused: {}", d.message))?;
    check_xlsx(bytes, &names)?;
    check_html(&kaohe::report::html(rubric, &sheets, None), units.len())
}

/// The tags the HTML report is written with, and those of its SVG charts.
const HTML_TAGS: &[&str] = &[
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "p",
    "br",
    "table",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "section",
    "figure",
    "figcaption",
    "svg",
    "rect",
    "line",
    "polyline",
    "text",
];

/// The HTML report: nothing hidden, and every `<` one of kaohe's own tags (the units'
/// text is escaped, so it can add no element or attribute); a score sheet per unit.
fn check_html(text: &str, units: usize) -> Result<(), String> {
    check_text("html", text)?;
    for (at, _) in text.match_indices('<') {
        let rest = text[at + 1..].trim_start_matches('/');
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        if !HTML_TAGS.contains(&name.as_str()) {
            let end = text[at..]
                .char_indices()
                .nth(40)
                .map_or(text.len(), |(i, _)| at + i);
            return Err(format!(
                "html holds a tag that is not kaohe's: {:?}",
                &text[at..end]
            ));
        }
    }
    let sheets = text.matches("<section class=\"sheet\">").count();
    if sheets != units {
        return Err(format!(
            "the html report has {sheets} sheets for {units} units"
        ));
    }
    Ok(())
}

/// No hidden character but line feeds.
pub fn check_text(what: &str, text: &str) -> Result<(), String> {
    match text.chars().find(|&c| c != '\n' && hidden(c)) {
        Some(c) => Err(format!("{what} holds U+{:04X}: {text:?}", u32::from(c))),
        None => Ok(()),
    }
}

/// The ranking table: one line of cells for the header and for each unit.
fn check_table(text: &str, units: usize) -> Result<(), String> {
    let rows = text.lines().filter(|l| l.starts_with('│')).count();
    if rows != units + 1 {
        return Err(format!(
            "the table has {rows} rows for {units} units: {text}"
        ));
    }
    Ok(())
}

/// The Markdown score sheets: one heading per unit, every line kaohe's own (a heading
/// or a table row), no raw HTML, no inline link or image.
fn check_markdown(text: &str, units: usize) -> Result<(), String> {
    check_text("markdown", text)?;
    let headings = text.lines().filter(|l| l.starts_with("## ")).count();
    if headings != units {
        return Err(format!("{headings} headings for {units} units: {text}"));
    }
    for line in text.lines() {
        if !(line.is_empty() || line.starts_with("## ") || line.starts_with("| ")) {
            return Err(format!("a line that is not kaohe's: {line:?}"));
        }
        if line.contains('<') || line.contains('>') {
            return Err(format!("raw HTML: {line:?}"));
        }
        if unescaped(line, "](") {
            return Err(format!("an inline link: {line:?}"));
        }
        // A table row has as many cells as the header's five, whatever a name holds.
        if line.starts_with("| ") && pipes(line) != 6 {
            return Err(format!("a row of {} cells: {line:?}", pipes(line) - 1));
        }
    }
    Ok(())
}

/// The `|` of a Markdown line that are not escaped.
fn pipes(line: &str) -> usize {
    let mut n = 0;
    let mut backslashes = 0;
    for c in line.chars() {
        if c == '|' && backslashes % 2 == 0 {
            n += 1;
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    n
}

/// Whether `pattern` occurs in `line` with its last character not escaped.
fn unescaped(line: &str, pattern: &str) -> bool {
    line.match_indices(pattern).any(|(at, _)| {
        let before = &line[..at + pattern.len() - 1];
        before.chars().rev().take_while(|&c| c == '\\').count() % 2 == 0
    })
}

/// The JSON report: a document any reader parses, each unit's name exactly as given,
/// nothing hidden in the text itself (escapes only).
fn check_json(text: &str, names: &[&str]) -> Result<(), String> {
    check_text("json", text)?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("invalid JSON ({e}): {text}"))?;
    let units = value["units"].as_array().ok_or("no units in the JSON")?;
    let got: Vec<&str> = units.iter().filter_map(|u| u["unit"].as_str()).collect();
    if got != names {
        return Err(format!("JSON names {got:?}, not {names:?}"));
    }
    Ok(())
}

/// The CSV ranking: RFC 4180 rows, each unit's name as one field, written `'…` when a
/// spreadsheet would take it for a formula, every other field a number or empty.
fn check_csv(text: &str, names: &[&str]) -> Result<(), String> {
    let body = text.strip_prefix('\u{feff}').ok_or("no byte-order mark")?;
    check_text("csv", &body.replace("\r\n", "\n"))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body.as_bytes());
    let mut got = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("invalid CSV ({e}): {text}"))?;
        for (i, field) in record.iter().enumerate() {
            if i == 1 {
                got.push(field.to_string());
                if formula_like(field) {
                    return Err(format!("a formula cell: {field:?}"));
                }
            } else if !field.is_empty() && Decimal::from_str(field).is_err() {
                return Err(format!("field {i} is not a number: {field:?}"));
            }
        }
    }
    let mut expected: Vec<String> = names
        .iter()
        .map(|n| {
            if formula_like(n) {
                format!("'{}", escaped(n))
            } else {
                escaped(n)
            }
        })
        .collect();
    expected.sort();
    got.sort();
    if got != expected {
        return Err(format!("CSV names {got:?}, not {expected:?}"));
    }
    Ok(())
}

/// The XLSX report: a workbook calamine opens, no cell a formula, each unit's name
/// intact in the ranking, sheet names legal (at most 31 characters, none of
/// `[]:*?/\`, nothing hidden).
fn check_xlsx(bytes: Vec<u8>, names: &[&str]) -> Result<(), String> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("calamine cannot open the workbook: {e}"))?;
    let sheets = book.sheet_names();
    // The ranking, the chart, and a sheet per unit or, past 200 units, one for all.
    let expected = 2 + if names.len() > kaohe::report::MAX_UNIT_SHEETS {
        1
    } else {
        names.len()
    };
    if sheets.len() != expected {
        return Err(format!("{} sheets for {} units", sheets.len(), names.len()));
    }
    for sheet in &sheets {
        if sheet.chars().count() > 31 || sheet.chars().any(|c| hidden(c) || "[]:*?/\\".contains(c))
        {
            return Err(format!("an illegal sheet name: {sheet:?}"));
        }
        let formulas = book
            .worksheet_formula(sheet)
            .map_err(|e| format!("cannot read the formulas of {sheet:?}: {e}"))?;
        if let Some(f) = formulas.used_cells().find(|(_, _, f)| !f.is_empty()) {
            return Err(format!("a formula in {sheet:?}: {f:?}"));
        }
    }
    let ranking = book
        .worksheet_range(&sheets[0])
        .map_err(|e| format!("cannot read the ranking: {e}"))?;
    // The ranking's rows begin with their rank; notes may follow them.
    let mut got: Vec<String> = ranking
        .rows()
        .skip(2)
        .take_while(|row| matches!(row.first(), Some(Data::Float(_) | Data::Int(_))))
        .map(|row| match row.get(1) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Empty) => String::new(),
            other => format!("{other:?}"),
        })
        .collect();
    let mut expected: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    got.sort();
    expected.sort();
    if got != expected {
        return Err(format!("workbook names {got:?}, not {expected:?}"));
    }
    Ok(())
}
