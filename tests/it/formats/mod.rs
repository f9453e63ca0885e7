//! Helpers for the tests of evidence formats, templates and reports: the Jiangmen
//! tables, their example units, the same evidence written as JSON, CSV and XLSX, and
//! the JSON report of a set of evidence files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kaohe::check::{compile, Rubric};
use kaohe::diagnostic::{render_human, Diagnostic, HumanStyle};
use kaohe::evidence::columns::{self, Part, UNIT_HEADER};
use kaohe::evidence::{load, load_all, Unit, Value};
use kaohe::model::FactDecl;
use kaohe::source::SourceFile;

/// A checked Jiangmen table: `county` or `department`.
pub fn table(name: &str) -> Rubric {
    let path = format!("rules/jiangmen-2020/{name}.rule");
    let text = std::fs::read_to_string(&path).expect("rule file");
    let checked = compile(&SourceFile::new(path, text));
    checked.rubric.expect("a clean rubric")
}

/// The example units of a table, read from their TOML files, in file-name order.
pub fn examples(rubric: &Rubric, name: &str) -> Vec<Unit> {
    let dir = format!("examples/jiangmen-2020/{name}");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| load(rubric, p).unwrap_or_else(|e| panic!("{}: {}", p.display(), rendered(&e))))
        .collect()
}

/// Diagnostics as a person reads them, for failing tests.
pub fn rendered(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| render_human(d, HumanStyle::Plain))
        .collect()
}

/// A fresh folder for one test.
pub fn scratch(name: &str) -> crate::common::Scratch {
    crate::common::Scratch::new(&format!("formats-{name}"))
}

/// The value of a fact the unit's evidence gave (not a default), if any.
pub fn given<'u>(unit: &'u Unit, fact: &FactDecl) -> Option<&'u Value> {
    unit.fact(fact)
        .filter(|f| f.span.is_some())
        .map(|f| &f.value)
}

/// A fact's value as a spreadsheet cell's text, or `None` for a blank cell.
pub fn cell_text(value: &Value, part: &Part) -> Option<String> {
    Some(match (value, part) {
        (Value::Tally(t), Part::Member(m)) => t
            .iter()
            .find(|(k, _)| k == m)
            .map_or("0".into(), |(_, n)| n.to_string()),
        (Value::Discretion { reason, .. }, Part::Reason) => reason.clone(),
        (Value::Discretion { score, .. }, _) => score.to_string(),
        (Value::Bool(b), _) => b.to_string(),
        (Value::Count(n), _) => n.to_string(),
        (Value::Percent(p), _) => p.to_string(),
        (Value::Date(Some(d)), _) => d.to_string(),
        (Value::Date(None), _) => "false".into(),
        (Value::Set(s), _) if s.is_empty() => "无".into(),
        (Value::Set(s), _) => s.to_vec().join("、"),
        (other, _) => panic!("no cell for {other:?}"),
    })
}

/// The rows (header first) of a sheet holding these units, by the rubric's layout.
pub fn rows(rubric: &Rubric, units: &[Unit]) -> Vec<Vec<String>> {
    let layout = columns::layout(rubric);
    let mut out = vec![std::iter::once(UNIT_HEADER.to_string())
        .chain(layout.columns.iter().map(|c| c.header.clone()))
        .collect::<Vec<_>>()];
    for unit in units {
        let mut row = vec![unit.name.clone()];
        for c in &layout.columns {
            row.push(
                given(unit, c.fact)
                    .and_then(|v| cell_text(v, &c.part))
                    .unwrap_or_default(),
            );
        }
        out.push(row);
    }
    out
}

/// Rows as CSV text, quoted where needed.
pub fn csv_text(rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for r in rows {
        w.write_record(r).expect("csv row");
    }
    String::from_utf8(w.into_inner().expect("csv")).expect("utf-8")
}

/// One unit as a JSON evidence file.
pub fn json_text(rubric: &Rubric, unit: &Unit) -> String {
    let mut root = serde_json::Map::new();
    root.insert("unit".into(), unit.name.clone().into());
    for item in kaohe::model::items(&rubric.nodes) {
        let mut facts = serde_json::Map::new();
        for fact in &item.facts {
            let Some(v) = given(unit, fact) else {
                continue;
            };
            let json: serde_json::Value = match v {
                Value::Bool(b) => (*b).into(),
                Value::Count(n) => (*n).into(),
                Value::Percent(p) => format!("{p}%").into(),
                Value::Date(Some(d)) => d.to_string().into(),
                Value::Date(None) => false.into(),
                Value::Set(s) => s.to_vec().into(),
                Value::Tally(t) => t
                    .iter()
                    .map(|(k, n)| (k.to_string(), serde_json::Value::from(n)))
                    .collect::<serde_json::Map<_, _>>()
                    .into(),
                other => panic!("no JSON for {other:?}"),
            };
            facts.insert(fact.name.node.clone(), json);
        }
        if !facts.is_empty() {
            root.insert(item.name.node.clone(), facts.into());
        }
    }
    serde_json::to_string_pretty(&serde_json::Value::Object(root)).expect("json")
}

/// The units as an XLSX workbook, every cell of its natural type: TRUE/FALSE cells,
/// number cells, date cells, a percentage as a number cell formatted `0.0%` (3.5% is
/// stored as 0.035), and a set as text.
pub fn xlsx_bytes(rubric: &Rubric, units: &[Unit], header: Option<&[String]>) -> Vec<u8> {
    let heads: Vec<String> = match header {
        Some(h) => h.to_vec(),
        None => std::iter::once(UNIT_HEADER.to_string())
            .chain(
                columns::layout(rubric)
                    .columns
                    .iter()
                    .map(|c| c.header.clone()),
            )
            .collect(),
    };
    xlsx_bytes_under(rubric, units, std::slice::from_ref(&heads), &heads)
}

/// A workbook whose first rows are `top` (a header over one or more rows, written as
/// text), then one row per unit, its cells in the order of `heads` (each column's
/// whole header, `ITEM/FACT`), typed as in [`xlsx_bytes`].
pub fn xlsx_bytes_under(
    rubric: &Rubric,
    units: &[Unit],
    top: &[Vec<String>],
    heads: &[String],
) -> Vec<u8> {
    use rust_decimal::prelude::ToPrimitive;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let layout = columns::layout(rubric);
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("证据").expect("name");
    for (r, row) in top.iter().enumerate() {
        for (c, h) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, h).expect("header");
        }
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let percent = Format::new().set_num_format("0.0%");
    for (r, unit) in units.iter().enumerate() {
        let r = (r + top.len()) as u32;
        for (c, h) in heads.iter().enumerate() {
            let c = c as u16;
            if h == UNIT_HEADER {
                ws.write_string(r, c, &unit.name).expect("unit");
                continue;
            }
            let column = layout
                .columns
                .iter()
                .find(|col| col.header == *h)
                .unwrap_or_else(|| panic!("no column {h}"));
            let Some(v) = given(unit, column.fact) else {
                continue;
            };
            match (v, &column.part) {
                (Value::Bool(b), _) => {
                    ws.write_boolean(r, c, *b).expect("bool");
                }
                (Value::Date(None), _) => {
                    ws.write_boolean(r, c, false).expect("never");
                }
                (Value::Count(n), _) => {
                    ws.write_number(r, c, *n as f64).expect("count");
                }
                (Value::Tally(t), Part::Member(m)) => {
                    let n = t.iter().find(|(k, _)| k == m).map_or(0, |(_, n)| n);
                    ws.write_number(r, c, n as f64).expect("member");
                }
                (Value::Percent(p), _) => {
                    let fraction = (p / rust_decimal::Decimal::ONE_HUNDRED)
                        .to_f64()
                        .expect("f64");
                    ws.write_number_with_format(r, c, fraction, &percent)
                        .expect("percent");
                }
                (Value::Date(Some(d)), _) => {
                    use chrono::Datelike;
                    let day =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .expect("date");
                    ws.write_datetime_with_format(r, c, &day, &date)
                        .expect("date");
                }
                (other, part) => {
                    let text = cell_text(other, part).expect("text");
                    ws.write_string(r, c, &text).expect("text");
                }
            }
        }
    }
    book.save_to_buffer().expect("xlsx")
}

/// Every unit of the evidence paths, scored, as the JSON report; the rendered
/// diagnostics when the evidence is refused.
pub fn json_report(rubric: &Rubric, paths: &[PathBuf]) -> Result<String, String> {
    let units = load_all(rubric, paths, &mut |_| {}).map_err(|ds| rendered(&ds))?;
    let sheets: Vec<_> = units
        .iter()
        .map(|u| kaohe::eval::evaluate(rubric, u).expect("evaluates"))
        .collect();
    Ok(kaohe::report::json(rubric, &sheets))
}

/// Writes a file, creating nothing else.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> PathBuf {
    std::fs::write(path, bytes).expect("write");
    path.to_path_buf()
}

/// A small rubric with one fact of each type a single cell gives: bool, count,
/// percent, date and set.
pub const SMALL_RULE: &str = r#"
rubric 拼写测试
total 10
year 2020
section 甲 10 {
  item 是否 2 {
    fact 已做 bool
    if 已做 -2
  }
  item 次数 2 {
    fact 次数 count
    per 次数 -1 floor 0
  }
  item 比例 2 {
    fact 比例 percent
    if 比例 < 4% -2
  }
  item 日期 2 {
    fact 日期 date
    deadline 日期 by 2020-12-30 -2
  }
  item 形式 2 {
    start 0
    fact 形式 set {新闻发布会, 图表, 图解, 音视频}
    per 形式 +1 max 2
  }
}
"#;

/// The header of [`SMALL_RULE`]'s sheet.
pub const SMALL_HEADER: [&str; 6] = [
    "单位",
    "是否/已做",
    "次数/次数",
    "比例/比例",
    "日期/日期",
    "形式/形式",
];
