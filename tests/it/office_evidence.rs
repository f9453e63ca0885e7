//! Evidence as Chinese offices type and save it (issue 8): CSV in UTF-8, with a
//! byte-order mark and in GBK, and a workbook with a title row, a merged two-row
//! header, a formula column, text-formatted cells, a blank column, a hidden sheet and a
//! sheet of notes in front, all score as the clean TOML examples; every spelling table
//! of docs/evidence.md, accepted and refused, with the code and the cell of each
//! refusal; encodings refused; unit names normalised.

use crate::common;
use crate::run;

use crate::formats;

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use formats::{
    examples, given, json_report, rendered, scratch, table, write, SMALL_HEADER as HEADER,
    SMALL_RULE as SPELLING_RULE,
};
use kaohe::check::Rubric;
use kaohe::diagnostic::{codes, Diagnostic, Severity};
use kaohe::evidence::columns::{self, Part, UNIT_HEADER};
use kaohe::evidence::{
    load_all_with, load_file_with, Encoding, FileEvidence, Options, Unit, Value,
};
use run::kaohe;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};

const TABLES: [&str; 2] = ["county", "department"];

// ── Writing the same evidence as an office would ────────────────────────────────

/// How one file spells its cells: each style uses other spellings of the same values.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    /// 是/否, `2020/4/10`, members separated by `、`, `3.5%`.
    Plain,
    /// √/×, `2020.4.10`, full-width digits, `；` between members, `3.5％`.
    Marks,
    /// 有/无, `2020年4月10日`, counts in Chinese numerals, `，` between members.
    Chinese,
}

/// A count in Chinese numerals, in the standard form.
fn chinese(n: u64) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    assert!(n < 10_000, "{n} has no numeral here");
    if n == 0 {
        return "零".into();
    }
    if (10..20).contains(&n) {
        return format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        );
    }
    let mut out = String::new();
    let (mut started, mut zero) = (false, false);
    for (place, unit) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
        let d = n / place % 10;
        if d == 0 {
            zero |= started;
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        out.push_str(DIGITS[d as usize]);
        out.push_str(unit);
        started = true;
    }
    out
}

fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            c => c,
        })
        .collect()
}

fn spell_count(n: u64, style: Style) -> String {
    match style {
        Style::Plain if n >= 1000 => {
            let s = n.to_string();
            format!("{},{}", &s[..s.len() - 3], &s[s.len() - 3..])
        }
        Style::Plain => n.to_string(),
        Style::Marks => full_width(&n.to_string()),
        Style::Chinese => chinese(n),
    }
}

fn spell_date(d: Option<NaiveDate>, style: Style) -> String {
    match (d, style) {
        (None, Style::Plain) => "否".into(),
        (None, Style::Marks) => "false".into(),
        (None, Style::Chinese) => "无".into(),
        (Some(d), Style::Plain) => format!("{}/{}/{}", d.year(), d.month(), d.day()),
        (Some(d), Style::Marks) => format!("{}.{}.{}", d.year(), d.month(), d.day()),
        (Some(d), Style::Chinese) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    }
}

/// A fact's value as a cell's text in a style.
fn spelled(value: &Value, part: &Part, style: Style) -> String {
    match (value, part) {
        (Value::Tally(t), Part::Member(m)) => {
            spell_count(t.iter().find(|(k, _)| k == m).map_or(0, |(_, n)| n), style)
        }
        (Value::Bool(b), _) => match (b, style) {
            (true, Style::Plain) => "是",
            (false, Style::Plain) => "否",
            (true, Style::Marks) => "√",
            (false, Style::Marks) => "×",
            (true, Style::Chinese) => "有",
            (false, Style::Chinese) => "无",
        }
        .into(),
        (Value::Count(n), _) => spell_count(*n, style),
        (Value::Percent(p), _) => match style {
            Style::Plain => format!("{p}%"),
            Style::Marks => full_width(&format!("{p}%")),
            Style::Chinese => format!("{p} %"),
        },
        (Value::Date(d), _) => spell_date(*d, style),
        (Value::Set(s), _) if s.is_empty() => "无".into(),
        (Value::Set(s), _) => s.to_vec().join(match style {
            Style::Plain => "、",
            Style::Marks => "；",
            Style::Chinese => "， ",
        }),
        (other, _) => panic!("no cell for {other:?}"),
    }
}

/// The rows (header first) of a sheet holding these units, spelled in a style.
fn styled_rows(rubric: &Rubric, units: &[Unit], style: Style) -> Vec<Vec<String>> {
    let layout = columns::layout(rubric);
    let mut out = vec![std::iter::once(UNIT_HEADER.to_string())
        .chain(layout.columns.iter().map(|c| c.header.clone()))
        .collect::<Vec<_>>()];
    for unit in units {
        let mut row = vec![unit.name.clone()];
        for c in &layout.columns {
            row.push(
                given(unit, c.fact)
                    .map(|v| spelled(v, &c.part, style))
                    .unwrap_or_default(),
            );
        }
        out.push(row);
    }
    out
}

/// Rows as CSV text, cells quoted where Excel quotes them, CRLF; a row may be shorter
/// than the others, as a title row is.
fn csv(rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for r in rows {
        w.write_record(r).expect("a row");
    }
    String::from_utf8(w.into_inner().expect("csv")).expect("utf-8")
}

/// Text as Excel's "CSV" on Chinese Windows saves it: GBK.
fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "the text is all GBK");
    bytes.into_owned()
}

/// Text in GB18030, as a Chinese Windows editor saves "ANSI" text.
fn gb18030(text: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(text).0.into_owned()
}

/// Excel's day number of a day (from 1900-03-01 on).
fn serial(d: NaiveDate) -> f64 {
    (d - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

/// The units as a workbook comes from an office: a hidden sheet `旧表` with older
/// figures for the same units and a `填表说明` sheet in front; then `证据` with a title
/// merged across the top, a note row and a blank row above the header, the header in
/// two rows (`单位` merged down, each item's name merged across its facts' names), a
/// blank column after the units, a blank row between two units, and cells as people
/// fill them: 是/否 as text and TRUE/FALSE, counts as numbers, as text in
/// text-formatted cells and as formulas with their computed values, percentages
/// formatted as such, dates as date cells and one date column as bare day numbers in
/// General format, "never" as FALSE, members separated by `、`.
fn messy_xlsx(rubric: &Rubric, units: &[Unit]) -> Vec<u8> {
    let layout = columns::layout(rubric);
    let mut book = Workbook::new();

    // Older figures, hidden: every unit with its first yes/no (column B) turned round.
    let mut old = Worksheet::new();
    old.set_name("旧表").unwrap().set_hidden(true);
    let rows = styled_rows(rubric, units, Style::Plain);
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let v = match (c, v.as_str()) {
                (1, "是") => "否",
                (1, "否") => "是",
                (_, v) => v,
            };
            old.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    book.push_worksheet(old);

    let mut notes = Worksheet::new();
    notes.set_name("填表说明").unwrap();
    notes
        .write_string(0, 0, "填表说明：每个单位填一行；是否类填“是”或“否”。")
        .unwrap();
    book.push_worksheet(notes);

    let mut ws = Worksheet::new();
    ws.set_name("证据").unwrap().set_active(true);
    let merged = Format::new();
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let percent = Format::new().set_num_format("0.0%");
    // Column A the units, column B blank, the facts from column C.
    let first = 2u16;
    let last = first + layout.columns.len() as u16 - 1;
    ws.merge_range(0, 0, 0, last, "2020年政务公开工作考核证据汇总表", &merged)
        .unwrap();
    ws.write_string(
        1,
        0,
        "填报单位：市政务服务数据管理局    填报日期：2021年1月5日",
    )
    .unwrap();
    ws.merge_range(3, 0, 4, 0, UNIT_HEADER, &merged).unwrap();
    let mut c = 0;
    while c < layout.columns.len() {
        let item = &layout.columns[c].item.name.node;
        let end = layout.columns[c..]
            .iter()
            .position(|x| &x.item.name.node != item)
            .map_or(layout.columns.len(), |n| c + n);
        let (from, to) = (first + c as u16, first + end as u16 - 1);
        if to > from {
            ws.merge_range(3, from, 3, to, item, &merged).unwrap();
        } else {
            ws.write_string(3, from, item).unwrap();
        }
        for (i, column) in layout.columns[c..end].iter().enumerate() {
            let rest = column.header[item.len() + 1..].to_string();
            ws.write_string(4, from + i as u16, &rest).unwrap();
        }
        c = end;
    }
    // The kinds of cell, taken in turn among the columns of one type.
    let mut seen_bool = 0;
    let mut seen_count = 0;
    let mut r = 5u32;
    for (u, unit) in units.iter().enumerate() {
        if u == 1 {
            r += 1;
        }
        ws.write_string(r, 0, &unit.name).unwrap();
        for (i, column) in layout.columns.iter().enumerate() {
            let c = first + i as u16;
            let Some(v) = given(unit, column.fact) else {
                continue;
            };
            match (v, &column.part) {
                (Value::Bool(b), _) => {
                    seen_bool += 1;
                    if seen_bool % 2 == 0 {
                        ws.write_boolean(r, c, *b).unwrap();
                    } else {
                        ws.write_string(r, c, if *b { "是" } else { "否" }).unwrap();
                    }
                }
                (Value::Count(_), _) | (Value::Tally(_), Part::Member(_)) => {
                    let n = match (v, &column.part) {
                        (Value::Tally(t), Part::Member(m)) => {
                            t.iter().find(|(k, _)| k == m).map_or(0, |(_, n)| n)
                        }
                        (Value::Count(n), _) => *n,
                        _ => unreachable!(),
                    };
                    seen_count += 1;
                    match seen_count % 3 {
                        0 => {
                            ws.write_number(r, c, n as f64).unwrap();
                        }
                        1 => {
                            ws.write_string_with_format(r, c, n.to_string(), &text)
                                .unwrap();
                        }
                        _ => {
                            let f = Formula::new(format!("={n}*1")).set_result(n.to_string());
                            ws.write_formula(r, c, f).unwrap();
                        }
                    }
                }
                (Value::Percent(p), _) => {
                    use rust_decimal::prelude::ToPrimitive;
                    let fraction = (p / rust_decimal::Decimal::ONE_HUNDRED).to_f64().unwrap();
                    ws.write_number_with_format(r, c, fraction, &percent)
                        .unwrap();
                }
                (Value::Date(None), _) => {
                    ws.write_boolean(r, c, false).unwrap();
                }
                (Value::Date(Some(d)), _) => {
                    if i == date_column(&layout) {
                        // A date whose format was lost: Excel's day number, General.
                        ws.write_number(r, c, serial(*d)).unwrap();
                    } else {
                        let day = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .unwrap();
                        ws.write_datetime_with_format(r, c, &day, &date).unwrap();
                    }
                }
                (other, part) => {
                    let t = spelled(other, part, Style::Plain);
                    ws.write_string(r, c, &t).unwrap();
                }
            }
        }
        r += 1;
    }
    assert!(seen_count > 2 && seen_bool > 1);
    book.push_worksheet(ws);
    book.save_to_buffer().expect("xlsx")
}

/// The column (in the layout) whose dates are written as bare day numbers: the first
/// date column.
fn date_column(layout: &columns::Layout<'_>) -> usize {
    layout
        .columns
        .iter()
        .position(|c| matches!(c.fact.ty.node, kaohe::model::FactType::Date))
        .expect("a date column")
}

/// The JSON report of evidence read with options, and the warnings.
fn report_with(
    rubric: &Rubric,
    paths: &[PathBuf],
    options: &Options,
) -> (Result<String, String>, Vec<Diagnostic>) {
    let read = load_all_with(rubric, paths, options, &mut |_| {});
    let report = read.units.map_err(|ds| rendered(&ds)).map(|units| {
        let sheets: Vec<_> = units
            .iter()
            .map(|u| kaohe::eval::evaluate(rubric, u).expect("evaluates"))
            .collect();
        kaohe::report::json(rubric, &sheets)
    });
    (report, read.notes)
}

#[test]
fn evidence_saved_as_offices_save_it_scores_as_the_toml_examples() {
    for name in TABLES {
        let rubric = table(name);
        let units = examples(&rubric, name);
        let dir = scratch(&format!("office-{name}"));
        let from_toml = json_report(&rubric, &[format!("examples/jiangmen-2020/{name}").into()])
            .expect("the TOML examples score");
        let files = [
            (
                "utf8.csv",
                csv(&styled_rows(&rubric, &units, Style::Plain)).into_bytes(),
            ),
            (
                "bom.csv",
                format!(
                    "\u{feff}{}",
                    csv(&styled_rows(&rubric, &units, Style::Marks))
                )
                .into_bytes(),
            ),
            (
                "gbk.csv",
                gbk(&csv(&styled_rows(&rubric, &units, Style::Chinese))),
            ),
            ("messy.xlsx", messy_xlsx(&rubric, &units)),
        ];
        for (file, bytes) in files {
            let path = write(&dir.join(file), bytes);
            let (report, notes) =
                report_with(&rubric, std::slice::from_ref(&path), &Options::default());
            let report = report.unwrap_or_else(|e| panic!("{name} as {file} is refused:\n{e}"));
            assert_eq!(report, from_toml, "{name} as {file} scores differently");
            // Only the GBK file is worth a word: its encoding was detected.
            let got: Vec<(&str, Severity, &str)> = notes
                .iter()
                .map(|d| (d.code, d.severity, d.message.as_str()))
                .collect();
            if file == "gbk.csv" {
                let message = format!(
                    "read `{}` as GB18030 (GBK): it is not UTF-8",
                    path.display()
                );
                assert_eq!(
                    got,
                    vec![(
                        codes::ENCODING_DETECTED,
                        Severity::Warning,
                        message.as_str()
                    )]
                );
                // Named, it is read the same, without a word.
                let gbk = Options {
                    encoding: Some(Encoding::Gb18030),
                    ..Options::default()
                };
                let (again, notes) = report_with(&rubric, &[path], &gbk);
                assert_eq!(again.as_deref(), Ok(from_toml.as_str()));
                assert!(notes.is_empty(), "{}", rendered(&notes));
            } else {
                assert!(notes.is_empty(), "{file}: {}", rendered(&notes));
            }
        }
    }
}

#[test]
fn the_hidden_sheet_is_not_read_unless_named() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let dir = scratch("office-hidden");
    let path = write(&dir.join("messy.xlsx"), messy_xlsx(&rubric, &units));
    let from_toml = json_report(&rubric, &["examples/jiangmen-2020/county".into()]).unwrap();
    // Named, the hidden sheet (every yes/no turned round) is read, and scores otherwise.
    let old = Options {
        sheet: Some("旧表".into()),
        ..Options::default()
    };
    let (report, notes) = report_with(&rubric, std::slice::from_ref(&path), &old);
    assert!(notes.is_empty());
    assert_ne!(report.expect("the old sheet is valid"), from_toml);
    // Named by its visible name, `证据` is the default's choice.
    let evidence = Options {
        sheet: Some("证据".into()),
        ..Options::default()
    };
    assert_eq!(report_with(&rubric, &[path], &evidence).0, Ok(from_toml));
}

#[test]
fn a_header_in_three_rows_as_the_official_table_lays_it_out() {
    // A CSV file keeps no merged cells: an item's name stands above its first fact
    // only, a tally's name above its first member, the members in a third row.
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let layout = columns::layout(&rubric);
    let mut top = vec![String::new(); layout.columns.len() + 1];
    let mut middle = top.clone();
    let mut bottom = top.clone();
    top[0] = UNIT_HEADER.into();
    for (i, c) in layout.columns.iter().enumerate() {
        let before = i.checked_sub(1).map(|p| &layout.columns[p]);
        if before.is_none_or(|b| !std::ptr::eq(b.item, c.item)) {
            top[i + 1] = c.item.name.node.clone();
        }
        if before.is_none_or(|b| !std::ptr::eq(b.fact, c.fact)) {
            middle[i + 1] = c.fact.name.node.clone();
        }
        if let Part::Member(m) = &c.part {
            bottom[i + 1] = m.clone();
        }
    }
    let mut rows = vec![
        vec!["2020年政务公开工作考核证据汇总表".to_string()],
        top,
        middle,
        bottom,
    ];
    rows.extend(
        styled_rows(&rubric, &units, Style::Plain)
            .into_iter()
            .skip(1),
    );
    let dir = scratch("office-three-rows");
    let path = write(&dir.join("grouped.csv"), csv(&rows));
    let from_toml = json_report(&rubric, &["examples/jiangmen-2020/county".into()]).unwrap();
    assert_eq!(json_report(&rubric, &[path]), Ok(from_toml));
}

// ── Sheets ──────────────────────────────────────────────────────────────────────

/// A workbook with a sheet per batch of units, each with a clean header.
fn batches(rubric: &Rubric, units: &[Unit]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, batch) in [("第一批", &units[..1]), ("第二批", &units[1..])] {
        let mut ws = Worksheet::new();
        ws.set_name(name).unwrap();
        for (r, row) in styled_rows(rubric, batch, Style::Plain).iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, v).unwrap();
            }
        }
        book.push_worksheet(ws);
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_second_sheet_with_evidence_is_named_and_can_be_chosen() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let dir = scratch("office-sheets");
    let path = write(&dir.join("batches.xlsx"), batches(&rubric, &units));
    let read = load_file_with(&rubric, &path, &Options::default());
    assert!(read.problems.is_empty(), "{}", rendered(&read.problems));
    assert_eq!(read.units.len(), 1);
    assert_eq!(read.units[0].unit.name, units[0].name);
    assert_eq!(read.notes.len(), 1, "{}", rendered(&read.notes));
    let note = &read.notes[0];
    assert_eq!(
        (note.code, note.severity),
        (codes::EVIDENCE_OTHER_SHEETS, Severity::Warning)
    );
    assert_eq!(
        note.message,
        format!(
            "read sheet `第一批` of `{}`; sheet `第二批` also has an evidence header and was not read",
            path.display()
        )
    );
    assert!(note.help.as_deref().unwrap().contains("--sheet"));

    let second = Options {
        sheet: Some("第二批".into()),
        ..Options::default()
    };
    let read = load_file_with(&rubric, &path, &second);
    assert!(read.problems.is_empty() && read.notes.is_empty());
    let names: Vec<&str> = read.units.iter().map(|l| l.unit.name.as_str()).collect();
    assert_eq!(names, [units[1].name.as_str(), units[2].name.as_str()]);

    let wrong = Options {
        sheet: Some("第二批次".into()),
        ..Options::default()
    };
    let read = load_file_with(&rubric, &path, &wrong);
    assert_eq!(read.problems.len(), 1);
    let d = &read.problems[0];
    assert_eq!(d.code, codes::EVIDENCE_SHEET);
    assert_eq!(
        d.message,
        format!("`{}` has no sheet `第二批次`", path.display())
    );
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `第二批`? Its sheets are `第一批`, `第二批`")
    );
}

#[test]
fn the_templates_guide_sheet_is_no_second_evidence_sheet() {
    // The `说明` sheet lists every column, one per row: it is not an evidence header,
    // in either language (the Chinese one writes `单位` and `被考核单位名称` in a row).
    let rubric = table("county");
    let dir = scratch("office-template");
    for lang in kaohe::locale::Lang::ALL {
        let bytes = kaohe::report::template_xlsx_in(&rubric, lang).expect("a form");
        let path = write(&dir.join(format!("form-{}.xlsx", lang.tag())), bytes);
        let read = load_file_with(&rubric, &path, &Options::default());
        assert!(read.notes.is_empty(), "{lang:?}: {}", rendered(&read.notes));
    }
    let path = dir.join("form-en.xlsx");
    let read = load_file_with(&rubric, &path, &Options::default());
    let got: Vec<(&str, &str)> = read
        .problems
        .iter()
        .map(|d| (d.code, d.message.as_str()))
        .collect();
    let message = format!(
        "sheet `证据` of `{}` holds no unit: there is no row below the header",
        path.display()
    );
    assert_eq!(got, vec![(codes::EVIDENCE_UNIT, message.as_str())]);
}

// ── The spelling tables, on a small rubric ──────────────────────────────────────

/// A row of valid values of the small rubric's sheet.
const BASE: [&str; 5] = ["否", "0", "5", "2020-12-01", "无"];

fn spelling_rubric() -> Rubric {
    let checked = kaohe::check::compile(&kaohe::source::SourceFile::new("t.rule", SPELLING_RULE));
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        rendered(&checked.diagnostics)
    );
    checked.rubric.unwrap()
}

/// A CSV file of the small rubric: a row per text, the text in column `col` (1 to 5),
/// the other cells valid; units `u2`, `u3`, … after their rows.
fn spelling_sheet(
    name: &str,
    col: usize,
    texts: &[&str],
) -> (common::Scratch, PathBuf, FileEvidence) {
    let mut rows = vec![HEADER.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    for (i, text) in texts.iter().enumerate() {
        let mut row = vec![format!("u{}", i + 2)];
        row.extend(BASE.iter().map(|b| b.to_string()));
        row[col] = text.to_string();
        rows.push(row);
    }
    let dir = scratch(&format!("spelling-{name}"));
    let path = write(&dir.join("s.csv"), csv(&rows));
    let read = load_file_with(&spelling_rubric(), &path, &Options::default());
    (dir, path, read)
}

/// The value each row gave the fact of column `col`.
fn values(col: usize, texts: &[&str]) -> Vec<Value> {
    let (_dir, _, read) = spelling_sheet(&format!("values-{col}"), col, texts);
    assert!(read.problems.is_empty(), "{}", rendered(&read.problems));
    let (item, fact) = HEADER[col].split_once('/').unwrap();
    let rubric = spelling_rubric();
    read.units
        .iter()
        .map(|l| {
            l.unit
                .get(&rubric, item, fact)
                .expect("given")
                .value
                .clone()
        })
        .collect()
}

/// Each refused text's diagnostic: its code, message and the text it underlines.
fn refusals(col: usize, texts: &[&str]) -> Vec<(&'static str, String, String)> {
    let (_dir, _, read) = spelling_sheet(&format!("refused-{col}"), col, texts);
    assert!(read.units.is_empty());
    read.problems
        .iter()
        .map(|d| {
            let source = d.source.as_ref().unwrap();
            let span = d.labels[0].span;
            (
                d.code,
                d.message.clone(),
                source.text()[span.start..span.end].to_string(),
            )
        })
        .collect()
}

/// The message prefix that names the cell of row `row` (1-based) in column `col`.
fn cell(col: usize, row: usize) -> String {
    let letter = columns::column_letters(col);
    format!("cell {letter}{row} (row {row}, column `{}`)", HEADER[col])
}

#[test]
fn booleans_as_people_write_them() {
    let yes = [
        "是",
        "有",
        "对",
        "√",
        "✓",
        "✔",
        "Y",
        "y",
        "yes",
        "YES",
        "true",
        "TRUE",
        "1",
        "Ｙ",
        "１",
        " 是 ",
        "\u{3000}是",
    ];
    let no = [
        "否", "无", "错", "×", "✗", "✘", "N", "n", "no", "false", "False", "0", "ｎ", "０",
    ];
    let got = values(1, &yes);
    assert!(got.iter().all(|v| *v == Value::Bool(true)), "{got:?}");
    let got = values(1, &no);
    assert!(got.iter().all(|v| *v == Value::Bool(false)), "{got:?}");
}

#[test]
fn booleans_refused_name_their_cell() {
    let refused = ["是的", "X", "待定", "2", "不适用"];
    let got = refusals(1, &refused);
    let expected: Vec<(&str, String, String)> = refused
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                codes::EVIDENCE_VALUE,
                format!("{}: `已做` must be yes or no, not `{t}`", cell(1, i + 2)),
                t.to_string(),
            )
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn dates_as_people_write_them() {
    let day = |y, m, d| Value::Date(NaiveDate::from_ymd_opt(y, m, d));
    let texts = [
        "2020-12-30",
        "2020/12/30",
        "2020.12.30",
        "2020年12月30日",
        "2020/4/5",
        "2020-4-5",
        "2020年4月5日",
        "2020 年 4 月 5 日",
        "２０２０年４月５日",
        "2020/12/30 14:30",
        "false",
        "否",
        "无",
    ];
    let expected = [
        day(2020, 12, 30),
        day(2020, 12, 30),
        day(2020, 12, 30),
        day(2020, 12, 30),
        day(2020, 4, 5),
        day(2020, 4, 5),
        day(2020, 4, 5),
        day(2020, 4, 5),
        day(2020, 4, 5),
        day(2020, 12, 30),
        Value::Date(None),
        Value::Date(None),
        Value::Date(None),
    ];
    assert_eq!(values(4, &texts), expected);
}

#[test]
fn dates_refused_name_their_cell() {
    let got = refusals(
        4,
        &[
            "2020-02-30",
            "2020/13/1",
            "12/30/2020",
            "20201230",
            "2020年12月",
            "44195",
        ],
    );
    let messages: Vec<String> = got.iter().map(|(_, m, _)| m.clone()).collect();
    assert!(got.iter().all(|(code, ..)| *code == codes::EVIDENCE_VALUE));
    assert_eq!(
        messages,
        vec![
            format!(
                "{}: `日期` is `2020-02-30`, a day that does not exist: February 2020 has 29 days",
                cell(4, 2)
            ),
            format!(
                "{}: `日期` is `2020/13/1`, a day that does not exist: there is no month 13",
                cell(4, 3)
            ),
            format!(
                "{}: `日期` must be a date or `false`, not `12/30/2020`",
                cell(4, 4)
            ),
            format!(
                "{}: `日期` must be a date or `false`, not `20201230`",
                cell(4, 5)
            ),
            format!(
                "{}: `日期` must be a date or `false`, not `2020年12月`",
                cell(4, 6)
            ),
            format!(
                "{}: `日期` must be a date, not the number `44195`",
                cell(4, 7)
            ),
        ]
    );
    assert_eq!(got[0].2, "2020-02-30");
}

#[test]
fn excel_date_cells_and_day_numbers_are_read_as_excel_shows_them() {
    let rubric = spelling_rubric();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    // Day numbers in General cells: 59 (1900-02-28), 61 (1900-03-01, after Excel's
    // 1900-02-29), 44195 (2020-12-30), and a date-time (2020-12-30 18:00); then a date
    // cell.
    let numbers = [59.0, 61.0, 44195.0, 44195.75];
    for (r, n) in numbers.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, format!("u{}", r + 1)).unwrap();
        for (c, b) in BASE.iter().enumerate() {
            ws.write_string(r, c as u16 + 1, *b).unwrap();
        }
        ws.write_number(r, 4, *n).unwrap();
    }
    ws.write_string(5, 0, "u6").unwrap();
    for (c, b) in BASE.iter().enumerate() {
        ws.write_string(5, c as u16 + 1, *b).unwrap();
    }
    ws.write_datetime_with_format(5, 4, ExcelDateTime::from_ymd(2020, 12, 28).unwrap(), &date)
        .unwrap();
    let dir = scratch("excel-days");
    let path = write(&dir.join("days.xlsx"), book.save_to_buffer().unwrap());
    let read = load_file_with(&rubric, &path, &Options::default());
    assert!(read.problems.is_empty(), "{}", rendered(&read.problems));
    let got: Vec<Value> = read
        .units
        .iter()
        .map(|l| {
            l.unit
                .get(&rubric, "日期", "日期")
                .expect("given")
                .value
                .clone()
        })
        .collect();
    let day = |y, m, d| Value::Date(NaiveDate::from_ymd_opt(y, m, d));
    assert_eq!(
        got,
        [
            day(1900, 2, 28),
            day(1900, 3, 1),
            day(2020, 12, 30),
            day(2020, 12, 30),
            day(2020, 12, 28)
        ]
    );

    // Day 60, Excel's 1900-02-29, never was: as a General number and as a date cell.
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("证据").unwrap();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=2u32 {
        ws.write_string(r, 0, format!("u{}", r + 1)).unwrap();
        for (c, b) in BASE.iter().enumerate() {
            ws.write_string(r, c as u16 + 1, *b).unwrap();
        }
    }
    ws.write_number(1, 4, 60.0).unwrap();
    ws.write_number_with_format(2, 4, 60.0, &date).unwrap();
    let path = write(&dir.join("sixty.xlsx"), book.save_to_buffer().unwrap());
    let read = load_file_with(&rubric, &path, &Options::default());
    let got: Vec<(&str, String)> = read
        .problems
        .iter()
        .map(|d| (d.code, d.message.clone()))
        .collect();
    let sixty = "`日期` holds Excel's day number `60`, which Excel shows as 1900-02-29, a day that never was (Excel takes 1900 for a leap year)";
    assert_eq!(
        got,
        vec![
            (
                codes::EVIDENCE_VALUE,
                format!("sheet `证据`, {}: {sixty}", cell(4, 2))
            ),
            (
                codes::EVIDENCE_VALUE,
                format!("sheet `证据`, {}: {sixty}", cell(4, 3))
            ),
        ]
    );
}

#[test]
fn numbers_as_people_write_them() {
    let count = |n: u64| Value::Count(n);
    assert_eq!(
        values(
            2,
            &[
                "12",
                "１２",
                "1,234",
                "1，234",
                "12,345,678",
                "三",
                "十二",
                "两百",
                "一百零五",
                "零",
                " 7 "
            ]
        ),
        [
            count(12),
            count(12),
            count(1234),
            count(1234),
            count(12_345_678),
            count(3),
            count(12),
            count(200),
            count(105),
            count(0),
            count(7)
        ]
    );
    let percent = |s: &str| Value::Percent(s.parse().unwrap());
    assert_eq!(
        values(
            3,
            &["3", "3.5", "3%", "3.5%", "3.5 %", "3％", "３．５％", "100%"]
        ),
        [
            percent("3"),
            percent("3.5"),
            percent("3"),
            percent("3.5"),
            percent("3.5"),
            percent("3"),
            percent("3.5"),
            percent("100")
        ]
    );
}

#[test]
fn numbers_refused_name_their_cell() {
    let counts = [
        "2.5",
        "1,23",
        "1.234,5",
        "若干",
        "十二次",
        "一百五",
        "3个",
        "无",
        "-",
        "-1",
    ];
    let got = refusals(2, &counts);
    let messages: Vec<String> = got.iter().map(|(_, m, _)| m.clone()).collect();
    let mut expected: Vec<String> = counts[..9]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "{}: `次数` must be a whole number, not `{t}`",
                cell(2, i + 2)
            )
        })
        .collect();
    // A sign is passed on: `-1` is a number, refused as negative.
    expected.push(format!("{}: `次数` is negative", cell(2, 11)));
    assert_eq!(messages, expected);
    assert!(got.iter().all(|(code, ..)| *code == codes::EVIDENCE_VALUE));
    let (_dir, _, read) = spelling_sheet("none-count", 2, &["无"]);
    assert!(
        read.problems[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("write `0` if there was none"),
        "{:?}",
        read.problems[0].help
    );

    let percents = ["百分之三", "3,5%", "3‰", "150%"];
    let got = refusals(3, &percents);
    let messages: Vec<String> = got.iter().map(|(_, m, _)| m.clone()).collect();
    assert_eq!(
        messages,
        vec![
            format!(
                "{}: `比例` must be a percentage, not `百分之三`",
                cell(3, 2)
            ),
            format!("{}: `比例` must be a percentage, not `3,5%`", cell(3, 3)),
            format!("{}: `比例` must be a percentage, not `3‰`", cell(3, 4)),
            format!("{}: `比例` is not a percentage from 0 to 100", cell(3, 5)),
        ]
    );
}

#[test]
fn a_blank_cell_is_missing_not_zero() {
    let (_dir, _, read) = spelling_sheet("blank", 2, &["", "\u{3000}"]);
    let got: Vec<(&str, String)> = read
        .problems
        .iter()
        .map(|d| (d.code, d.message.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                codes::EVIDENCE_MISSING,
                "row 2 (`u2`): item `次数` is missing `次数`".to_string()
            ),
            (
                codes::EVIDENCE_MISSING,
                "row 3 (`u3`): item `次数` is missing `次数`".to_string()
            ),
        ]
    );
}

#[test]
fn lists_as_people_write_them() {
    let set = |names: &[&str]| Value::Set(kaohe::evidence::MemberSet::of_names(names));
    assert_eq!(
        values(
            5,
            &[
                "新闻发布会、图表；音视频",
                "图表,图解",
                "图表，图解",
                "图表;图解",
                "图表|图解",
                "图表\n图解",
                "\u{3000}图表 、\u{3000}图解\u{3000}",
                "图解、图表、图解",
                "新闻 发布会",
                "无",
                "[]",
            ]
        ),
        [
            set(&["新闻发布会", "图表", "音视频"]),
            set(&["图表", "图解"]),
            set(&["图表", "图解"]),
            set(&["图表", "图解"]),
            set(&["图表", "图解"]),
            set(&["图表", "图解"]),
            set(&["图表", "图解"]),
            set(&["图表", "图解"]),
            set(&["新闻发布会"]),
            set(&[]),
            set(&[])
        ]
    );
}

#[test]
fn a_member_not_in_the_list_is_refused_with_a_did_you_mean() {
    let (_dir, path, read) = spelling_sheet("members", 5, &["图表、新闻发布"]);
    assert_eq!(read.problems.len(), 1, "{}", rendered(&read.problems));
    let d = &read.problems[0];
    assert_eq!(d.code, codes::EVIDENCE_VALUE);
    assert_eq!(
        d.message,
        format!("{}: `新闻发布` is not a member of `形式`", cell(5, 2))
    );
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `新闻发布会`? The members are 新闻发布会、图表、图解、音视频")
    );
    // The label underlines the member, inside the cell.
    let text = std::fs::read_to_string(&path).unwrap();
    let span = d.labels[0].span;
    assert_eq!(&text[span.start..span.end], "新闻发布");
}

// ── Unit names ──────────────────────────────────────────────────────────────────

#[test]
fn one_unit_written_two_ways_is_one_unit() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let dir = scratch("office-names");
    let mut rows = styled_rows(&rubric, &units, Style::Plain);
    let first = rows[1][0].clone();
    // Names aligned with full-width spaces, as people align them in a table.
    let spaced: String = first
        .chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join("\u{3000}");
    rows[1][0] = spaced.clone();
    // A header written with spaces and a full-width slash is its column.
    rows[0][1] = rows[0][1].replace('/', " ／ ");
    let path = write(&dir.join("spaced.csv"), csv(&rows));
    let (report, notes) = report_with(&rubric, std::slice::from_ref(&path), &Options::default());
    let from_toml = json_report(&rubric, &["examples/jiangmen-2020/county".into()]).unwrap();
    assert_eq!(report, Ok(from_toml));
    assert_eq!(notes.len(), 1, "{}", rendered(&notes));
    assert_eq!(
        (notes[0].code, notes[0].severity, notes[0].message.clone()),
        (
            codes::EVIDENCE_UNIT_NAME,
            Severity::Warning,
            format!("cell A2 (row 2, column `单位`): unit `{spaced}` is read as `{first}`")
        )
    );

    // The same unit twice, once spaced: a duplicate, in one sheet and across files.
    rows.push(rows[2].clone());
    let last = rows.len() - 1;
    // `蓬江区` as ` 蓬 江区 `: spaces around and inside.
    let name: Vec<char> = rows[2][0].chars().collect();
    rows[last][0] = format!(" {} {} ", name[0], name[1..].iter().collect::<String>());
    let twice = write(&dir.join("twice.csv"), csv(&rows));
    let read = load_file_with(&rubric, &twice, &Options::default());
    let duplicates: Vec<&Diagnostic> = read
        .problems
        .iter()
        .filter(|d| d.code == codes::EVIDENCE_DUPLICATE)
        .collect();
    assert_eq!(duplicates.len(), 1, "{}", rendered(&read.problems));
    assert_eq!(
        duplicates[0].message,
        format!("unit `{}` has evidence in two rows", rows[2][0])
    );

    let both = scratch("office-names-files");
    std::fs::copy(
        "examples/jiangmen-2020/county/enping.toml",
        both.join("enping.toml"),
    )
    .unwrap();
    write(&both.join("spaced.csv"), csv(&rows[..2]));
    let read = load_all_with(
        &rubric,
        &[both.to_path_buf()],
        &Options::default(),
        &mut |_| {},
    );
    let problems = read.units.expect_err("a unit twice");
    assert_eq!(problems.len(), 1, "{}", rendered(&problems));
    assert_eq!(problems[0].code, codes::EVIDENCE_DUPLICATE);
    assert_eq!(
        problems[0].message,
        format!("unit `{first}` has evidence in two files")
    );
}

// ── Encodings and files refused ─────────────────────────────────────────────────

fn csv_problem(name: &str, file: &str, bytes: &[u8], options: &Options) -> Diagnostic {
    let rubric = table("county");
    let dir = scratch(&format!("enc-{name}"));
    let path = write(&dir.join(file), bytes);
    let read = load_file_with(&rubric, &path, options);
    assert_eq!(read.problems.len(), 1, "{}", rendered(&read.problems));
    read.problems[0].clone()
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

#[test]
fn utf16_binary_and_undecidable_files_are_refused() {
    let header = "单位,决策预公开/未做意见征集\r\n恩平市,是\r\n";
    let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
        (
            "utf16",
            "u.csv",
            utf16le(header, true),
            "is UTF-16 text, which kaohe does not read",
        ),
        (
            "utf16-bare",
            "u.csv",
            utf16le(header, false),
            "is UTF-16 text without a byte-order mark, which kaohe does not read",
        ),
        (
            "png",
            "u.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "is a PNG picture, not a text",
        ),
        (
            "zip",
            "u.csv",
            b"PK\x03\x04\x14\0\0\0".to_vec(),
            "is a zip archive, such as an XLSX workbook, not a CSV text",
        ),
        (
            "nul",
            "u.csv",
            b"\x00\x00\x00\x01garbage\x00\x00\xff".to_vec(),
            "is a binary file, not a text (it holds NUL bytes)",
        ),
    ];
    for (name, file, bytes, ends) in cases {
        let d = csv_problem(name, file, &bytes, &Options::default());
        assert_eq!(d.code, codes::ENCODING, "{name}");
        assert!(d.message.ends_with(ends), "{name}: {}", d.message);
        assert!(d.help.as_deref().unwrap().contains("CSV UTF-8"), "{name}");
        // No line of the file is quoted: decoded wrongly it would be mojibake.
        assert!(d.labels.is_empty(), "{name}");
    }
    // Big5 (traditional characters, as Taiwan and Hong Kong save them) decodes as
    // GB18030 into nonsense without `单位`: kaohe cannot tell, and says so.
    let (big5, _, _) = encoding_rs::BIG5.encode("單位,決策預公開/未做意見徵集\r\n恩平市,是\r\n");
    let d = csv_problem("big5", "u.csv", &big5, &Options::default());
    assert_eq!(d.code, codes::ENCODING);
    assert!(
        d.message.starts_with("cannot tell the encoding of"),
        "{}",
        d.message
    );
    assert!(d.help.as_deref().unwrap().contains("--encoding gbk"));
}

#[test]
fn a_named_encoding_is_checked_against_the_bytes() {
    let text = "单位,决策预公开/未做意见征集\r\n恩平市,是\r\n";
    let gbk_only = Options {
        encoding: Some(Encoding::Gb18030),
        ..Options::default()
    };
    let d = csv_problem("named-utf8", "u.csv", text.as_bytes(), &gbk_only);
    assert_eq!(d.code, codes::ENCODING);
    assert!(
        d.message
            .ends_with("is UTF-8 text, not GB18030 (GBK): read as GB18030 it would be garbled"),
        "{}",
        d.message
    );
    let d = csv_problem(
        "named-bom",
        "u.csv",
        format!("\u{feff}{text}").as_bytes(),
        &gbk_only,
    );
    assert!(d.message.contains("byte-order mark"), "{}", d.message);
    let utf8_only = Options {
        encoding: Some(Encoding::Utf8),
        ..Options::default()
    };
    let d = csv_problem("named-gbk", "u.csv", &gbk(text), &utf8_only);
    assert!(
        d.message
            .ends_with("is not UTF-8 text: line 1 holds a byte that is not UTF-8"),
        "{}",
        d.message
    );
    assert!(d.help.as_deref().unwrap().contains("--encoding gbk"));
}

#[test]
fn toml_json_and_rule_files_are_utf8_only_with_a_way_to_convert() {
    let dir = scratch("utf8-only");
    let toml = std::fs::read_to_string("examples/jiangmen-2020/county/enping.toml").unwrap();
    let path = write(&dir.join("enping.toml"), gb18030(&toml));
    let rubric = table("county");
    let read = load_file_with(&rubric, &path, &Options::default());
    assert_eq!(read.problems.len(), 1);
    let d = &read.problems[0];
    assert_eq!(d.code, codes::ENCODING);
    assert!(
        d.message
            .contains("is not UTF-8 text: it looks like GB18030 (GBK), from line "),
        "{}",
        d.message
    );
    assert!(d
        .help
        .as_deref()
        .unwrap()
        .contains("iconv -f GB18030 -t UTF-8"));
    let rule = std::fs::read_to_string("rules/jiangmen-2020/county.rule").unwrap();
    let path = write(&dir.join("county.rule"), gb18030(&rule));
    let d = kaohe::evidence::read_source(&path).expect_err("refused");
    assert_eq!(d.code, codes::ENCODING);
    let path = write(&dir.join("county16.rule"), utf16le(&rule, true));
    let d = kaohe::evidence::read_source(&path).expect_err("refused");
    assert!(d
        .message
        .ends_with("is UTF-16 text, which kaohe does not read"));

    // A byte-order mark, as Notepad writes one, is skipped in every UTF-8 file.
    let path = write(&dir.join("bom.rule"), format!("\u{feff}{rule}"));
    let source = kaohe::evidence::read_source(&path).unwrap();
    assert!(kaohe::check::compile(&source).rubric.is_some());
    let bom = scratch("utf8-bom");
    write(&bom.join("enping.toml"), format!("\u{feff}{toml}"));
    let json = formats::json_text(&rubric, &examples(&rubric, "county")[1]);
    write(&bom.join("pengjiang.json"), format!("\u{feff}{json}"));
    std::fs::copy(
        "examples/jiangmen-2020/county/taishan.toml",
        bom.join("taishan.toml"),
    )
    .unwrap();
    let from_toml = json_report(&rubric, &["examples/jiangmen-2020/county".into()]).unwrap();
    assert_eq!(json_report(&rubric, &[bom.to_path_buf()]), Ok(from_toml));
}

#[test]
fn wps_and_old_excel_files_are_refused_with_what_to_do() {
    let rubric = table("county");
    let dir = scratch("et");
    for (file, what) in [
        ("县区.et", "a WPS spreadsheet (.et)"),
        ("县区.xls", "an Excel 97-2003 workbook (.xls)"),
    ] {
        let path = write(&dir.join(file), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        let read = load_all_with(
            &rubric,
            std::slice::from_ref(&path),
            &Options::default(),
            &mut |_| {},
        );
        let problems = read.units.expect_err("refused");
        assert_eq!(problems[0].code, codes::READ);
        assert_eq!(
            problems[0].message,
            format!("`{}` is {what}, which kaohe does not read", path.display())
        );
        assert!(problems[0].help.as_deref().unwrap().contains("另存为"));
    }
    // In a folder too: a unit's evidence is never silently left out.
    std::fs::copy(
        "examples/jiangmen-2020/county/enping.toml",
        dir.join("a.toml"),
    )
    .unwrap();
    let read = load_all_with(
        &rubric,
        &[dir.to_path_buf()],
        &Options::default(),
        &mut |_| {},
    );
    let problems = read.units.expect_err("refused");
    assert!(
        problems[0].message.contains("县区.et"),
        "{}",
        problems[0].message
    );
}

// ── The command line ────────────────────────────────────────────────────────────

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn eval_says_which_encoding_it_read_and_takes_encoding_and_sheet() {
    const COUNTY: &str = "rules/jiangmen-2020/county.rule";
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let dir = scratch("office-cli");
    let path = write(
        &dir.join("县区.csv"),
        gbk(&csv(&styled_rows(&rubric, &units, Style::Chinese))),
    );
    let toml = kaohe(&["eval", COUNTY, "examples/jiangmen-2020/county"]);
    let o = kaohe(&["eval", COUNTY, arg(&path)]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), text(&toml.stdout));
    let err = text(&o.stderr);
    assert!(err.contains("kaohe::io::encoding_detected"), "{err}");
    assert!(
        err.contains(&format!("read `{}` as GB18030 (GBK)", path.display())),
        "{err}"
    );
    // The text on stderr is Chinese, never mojibake.
    assert!(!err.contains('\u{FFFD}'), "{err}");

    let o = kaohe(&["eval", COUNTY, arg(&path), "--encoding", "gbk"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stderr), "");
    assert_eq!(text(&o.stdout), text(&toml.stdout));
    let o = kaohe(&[
        "eval",
        COUNTY,
        arg(&path),
        "--encoding",
        "utf-8",
        "--message-format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let first: serde_json::Value =
        serde_json::from_str(text(&o.stderr).lines().next().unwrap()).unwrap();
    assert_eq!(first["code"], codes::ENCODING);
    assert_eq!(first["file"], path.display().to_string());

    let book = write(&dir.join("batches.xlsx"), batches(&rubric, &units));
    let o = kaohe(&[
        "eval",
        COUNTY,
        arg(&book),
        "--sheet",
        "第二批",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let ranking = text(&o.stdout);
    assert!(
        !ranking.contains(&units[0].name) && ranking.contains(&units[1].name),
        "{ranking}"
    );
    let o = kaohe(&["eval", COUNTY, arg(&book), "--sheet", "第三批"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("kaohe::evidence::sheet"),
        "{}",
        text(&o.stderr)
    );
}

/// A workbook whose sheet would unpack to 300 MB is refused from its table of contents,
/// before anything is unpacked (the XLSX zip bomb of issue 7).
#[test]
fn a_workbook_that_unpacks_to_hundreds_of_megabytes_is_refused() {
    use std::io::Write as _;
    let dir = common::Scratch::new("bomb");
    let path = dir.join("bomb.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..300 {
        zip.write_all(&block).unwrap();
    }
    zip.finish().unwrap();
    assert!(
        std::fs::metadata(&path).unwrap().len() < 2 * 1024 * 1024,
        "the bomb is small on disk"
    );
    let rubric = {
        let text = std::fs::read_to_string("rules/jiangmen-2020/county.rule").unwrap();
        kaohe::check::compile(&kaohe::source::SourceFile::new("county.rule", text))
            .rubric
            .unwrap()
    };
    let (units, problems) = kaohe::evidence::load_file(&rubric, &path);
    assert!(units.is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].code, "kaohe::evidence::syntax");
    assert!(
        problems[0].message.ends_with(
            "would unpack to 300 MB in its part `xl/worksheets/sheet1.xml`, more than kaohe reads"
        ),
        "{}",
        problems[0].message
    );
}

/// The workbook `real` written again: its parts are copied as they are, but for
/// `sheet`, which is deflated again with `more` bytes of one row repeated after its rows.
/// The zip writer can seek back in its output, so the part's local header, as well as
/// its central directory entry, declares its sizes (no data descriptor follows the
/// part). The part is deflated as it is written, 64 KiB at a time.
fn rewritten(real: Vec<u8>, sheet: &str, more: usize) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let mut base = zip::ZipArchive::new(std::io::Cursor::new(real)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for i in 0..base.len() {
        let mut part = base.by_index(i).unwrap();
        if part.name().unwrap() != sheet {
            drop(part);
            out.raw_copy_file(base.by_index_raw(i).unwrap()).unwrap();
            continue;
        }
        let mut xml = String::new();
        part.read_to_string(&mut xml).unwrap();
        let end = xml.find("</sheetData>").unwrap();
        out.start_file(sheet, options).unwrap();
        out.write_all(&xml.as_bytes()[..end]).unwrap();
        let row = "<row><c t=\"inlineStr\"><is><t>恩平市</t></is></c></row>";
        let block = row.repeat(64 * 1024 / row.len());
        for _ in 0..more.div_ceil(block.len()) {
            out.write_all(block.as_bytes()).unwrap();
        }
        out.write_all(&xml.as_bytes()[end..]).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Where the part named `part` is in a zip file: the offset of its local header and of
/// its central directory entry, found by the name's bytes after each header.
fn zip_headers(zip: &[u8], part: &str) -> (usize, usize) {
    let name = part.as_bytes();
    let (mut local, mut central) = (Vec::new(), Vec::new());
    for at in 0..zip.len().saturating_sub(name.len()) {
        if &zip[at..at + name.len()] != name {
            continue;
        }
        if at >= 30 && zip[at - 30..at - 26] == *b"PK\x03\x04" {
            local.push(at - 30);
        } else if at >= 46 && zip[at - 46..at - 42] == *b"PK\x01\x02" {
            central.push(at - 46);
        }
    }
    assert_eq!((local.len(), central.len()), (1, 1), "one `{part}`");
    (local[0], central[0])
}

/// A little-endian 32-bit field of a zip header.
fn field(zip: &mut [u8], at: usize) -> &mut [u8; 4] {
    (&mut zip[at..at + 4]).try_into().unwrap()
}

/// Makes the local header and the central directory entry of `part` declare `size`
/// bytes unpacked, and gives the size they declared before (the same in both).
fn declare_size(zip: &mut [u8], part: &str, size: u32) -> u32 {
    let (local, central) = zip_headers(zip, part);
    let before = u32::from_le_bytes(*field(zip, local + 22));
    assert_eq!(before, u32::from_le_bytes(*field(zip, central + 24)));
    *field(zip, local + 22) = size.to_le_bytes();
    *field(zip, central + 24) = size.to_le_bytes();
    before
}

/// A workbook whose sheet unpacks to 300 MB, while the zip directory and the part's own
/// header say 4 KB, is refused before calamine reads anything: the part is unpacked into
/// nothing, through a fixed buffer, and refused as soon as it passes the size it
/// declares (the zip bomb of issue 7, made to lie so that the check of declared sizes
/// lets it by).
#[test]
fn a_workbook_that_lies_about_its_unpacked_size_is_refused() {
    const SHEET: &str = "xl/worksheets/sheet1.xml";
    const MORE: usize = 300 * 1024 * 1024;
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let mut bytes = rewritten(batches(&rubric, &units), SHEET, MORE);
    assert!(bytes.len() < 8 * 1024 * 1024, "the bomb is small on disk");
    let declared = declare_size(&mut bytes, SHEET, 4096);
    assert!(declared as usize > MORE, "the sheet unpacks to 300 MB");
    let dir = scratch("lying-bomb");
    let path = write(&dir.join("bomb.xlsx"), bytes);

    let (units, problems) = kaohe::evidence::load_file(&rubric, &path);
    assert!(units.is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].code, codes::EVIDENCE_SYNTAX);
    assert_eq!(
        problems[0].message,
        format!(
            "`{}` cannot be read as an XLSX workbook: its part `{SHEET}` unpacks to more than the 4096 bytes its zip directory declares",
            path.display()
        )
    );
}

/// A part that unpacks to fewer bytes than it declares is read; one whose checksum is
/// wrong, or whose compressed bytes are damaged, is refused with a diagnostic.
#[test]
fn a_workbook_part_that_is_damaged_is_refused_with_a_diagnostic() {
    const SHEET: &str = "xl/worksheets/sheet1.xml";
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let real = rewritten(batches(&rubric, &units), SHEET, 0);
    let dir = scratch("damaged-part");
    let load = |name: &str, bytes: Vec<u8>| {
        let path = write(&dir.join(name), bytes);
        let (units, problems) = kaohe::evidence::load_file(&rubric, &path);
        (path, units, problems)
    };

    // A part that declares twice the bytes it unpacks to is read as it is.
    let mut bytes = real.clone();
    let declared = declare_size(&mut bytes, SHEET, 0);
    declare_size(&mut bytes, SHEET, declared * 2);
    let (_, read, problems) = load("overstated.xlsx", bytes);
    assert!(problems.is_empty(), "{problems:?}");
    // The first sheet holds the first unit alone.
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].unit.name, units[0].name);

    // One bit of the checksum is changed, in both headers.
    let mut bytes = real.clone();
    let (local, central) = zip_headers(&bytes, SHEET);
    for at in [local + 14, central + 16] {
        let crc = u32::from_le_bytes(*field(&mut bytes, at));
        *field(&mut bytes, at) = (crc ^ 1).to_le_bytes();
    }
    let (path, read, problems) = load("checksum.xlsx", bytes);
    assert!(read.is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].code, codes::EVIDENCE_SYNTAX);
    assert_eq!(
        problems[0].message,
        format!(
            "`{}` cannot be read as an XLSX workbook: its part `{SHEET}` unpacks to bytes whose checksum is not the one its zip directory declares",
            path.display()
        )
    );

    // A first byte of all ones starts the deflate stream with a block of the type that
    // deflate reserves, which no inflater reads.
    let mut bytes = real;
    let (local, _) = zip_headers(&bytes, SHEET);
    let name_len = u16::from_le_bytes([bytes[local + 26], bytes[local + 27]]);
    let extra_len = u16::from_le_bytes([bytes[local + 28], bytes[local + 29]]);
    bytes[local + 30 + usize::from(name_len) + usize::from(extra_len)] = 0xFF;
    let (path, read, problems) = load("deflate.xlsx", bytes);
    assert!(read.is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].code, codes::EVIDENCE_SYNTAX);
    assert!(
        problems[0].message.starts_with(&format!(
            "`{}` cannot be read as an XLSX workbook: its part `{SHEET}` cannot be unpacked: ",
            path.display()
        )),
        "{}",
        problems[0].message
    );
}
