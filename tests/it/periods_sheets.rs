//! `periods` facts in a workbook (issue 17, point 4.3): the XLSX form gives each one a
//! sheet of its own (`答复时限-申请`, headed `单位 | 收到日期 | 答复日期`), `eval` joins
//! its rows to the units by name, and the same evidence scores the same in TOML and in
//! XLSX; the mistakes of such a sheet are refused at their cells, a workbook without
//! the sheet lacks the fact once, and a CSV form is refused with a help that points to
//! the workbook.

use crate::formats;

use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use formats::{rendered, rows, scratch, write};
use kaohe::check::{compile, Rubric};
use kaohe::diagnostic::{codes, Diagnostic};
use kaohe::evidence::{load, load_all_with, Options, Unit, Value};
use kaohe::source::SourceFile;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

const RULE: &str = "rules/examples/illustration-2021.rule";
const SHEET: &str = "答复时限-申请";

fn rubric() -> Rubric {
    let text = std::fs::read_to_string(RULE).expect("rule file");
    compile(&SourceFile::new(RULE, text))
        .rubric
        .expect("the illustration checks")
}

/// The illustration's three units, from their TOML files, in file-name order
/// (示例丙市, 示例甲区, 示例乙县).
fn toml_units(rubric: &Rubric) -> (Vec<PathBuf>, Vec<Unit>) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("examples/illustration")
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let units = paths
        .iter()
        .map(|p| load(rubric, p).unwrap_or_else(|e| panic!("{}", rendered(&e))))
        .collect();
    (paths, units)
}

/// The units' sheet `证据`, every cell written as text, by the rubric's layout.
fn units_sheet(rubric: &Rubric, units: &[Unit]) -> Worksheet {
    let mut ws = Worksheet::new();
    ws.set_name("证据").expect("name");
    for (r, row) in rows(rubric, units).iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32, c as u16, text).expect("cell");
            }
        }
    }
    ws
}

/// A day as a workbook's date cell.
fn day_cell(ws: &mut Worksheet, r: u32, c: u16, d: &str) {
    let d = NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("a day");
    use chrono::Datelike;
    let day =
        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).expect("date");
    ws.write_datetime_with_format(r, c, &day, &Format::new().set_num_format("yyyy-mm-dd"))
        .expect("date");
}

/// The periods sheet as an office fills it: rows of the units interleaved, days as
/// date cells and as typed text, `否` for a request never replied to; 示例乙县 received
/// none and has no row.
fn periods_sheet() -> Worksheet {
    let mut ws = Worksheet::new();
    ws.set_name(SHEET).expect("name");
    for (c, h) in ["单位", "收到日期", "答复日期"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    ws.write_string(1, 0, "示例甲区").expect("cell");
    day_cell(&mut ws, 1, 1, "2021-02-05");
    day_cell(&mut ws, 1, 2, "2021-03-10");
    ws.write_string(2, 0, "示例丙市").expect("cell");
    ws.write_string(2, 1, "2020年12月21日").expect("cell");
    ws.write_string(2, 2, "2021/1/19").expect("cell");
    ws.write_string(3, 0, "示例甲区").expect("cell");
    ws.write_string(3, 1, "2021.9.15").expect("cell");
    day_cell(&mut ws, 3, 2, "2021-10-20");
    // A blank row between, as offices leave them.
    ws.write_string(5, 0, " 示例甲区 ").expect("cell");
    day_cell(&mut ws, 5, 1, "2021-06-01");
    ws.write_string(5, 2, "否").expect("cell");
    ws
}

fn workbook(sheets: Vec<Worksheet>) -> Vec<u8> {
    let mut book = Workbook::new();
    for s in sheets {
        book.push_worksheet(s);
    }
    book.save_to_buffer().expect("xlsx")
}

fn read(rubric: &Rubric, path: &std::path::Path) -> Result<Vec<Unit>, Vec<Diagnostic>> {
    load_all_with(
        rubric,
        &[path.to_path_buf()],
        &Options::default(),
        &mut |_| {},
    )
    .units
}

/// The JSON report of the units, scored.
fn report(rubric: &Rubric, units: &[Unit]) -> String {
    let mut units = units.to_vec();
    units.sort_by(|a, b| a.name.cmp(&b.name));
    let sheets: Vec<_> = units
        .iter()
        .map(|u| kaohe::eval::evaluate(rubric, u).expect("evaluates"))
        .collect();
    kaohe::report::json(rubric, &sheets)
}

#[test]
fn the_form_gives_each_periods_fact_a_sheet_of_its_own() {
    let rubric = rubric();
    let dir = scratch("periods-form");
    let out = write(
        &dir.join("form.xlsx"),
        kaohe::report::template_xlsx(&rubric).expect("a workbook form"),
    );
    let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("opens");
    let names = book.sheet_names();
    assert_eq!(&names[..3], ["证据", SHEET, "说明"], "{names:?}");
    let sheet = book.worksheet_range(SHEET).expect("the periods sheet");
    let header: Vec<&Data> = (0..3).map(|c| sheet.get((0, c)).expect("cell")).collect();
    assert_eq!(
        header,
        [
            &Data::String("单位".into()),
            &Data::String("收到日期".into()),
            &Data::String("答复日期".into())
        ]
    );
    // The units' sheet has no column for the periods.
    let form = book.worksheet_range("证据").expect("the form");
    assert!(!form
        .rows()
        .take(2)
        .flatten()
        .any(|c| matches!(c, Data::String(s) if s == "申请")));
    let guide = book.worksheet_range("说明").expect("the guide");
    let said = guide
        .rows()
        .flatten()
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .find(|s| s.contains(SHEET))
        .expect("the guide names the periods sheet");
    assert!(
        said.contains("`收到日期`") && said.contains("has no row there (it has none)"),
        "{said}"
    );

    // The guide is for whoever fills the form: no rule file, no command, no TOML.
    for cell in guide.rows().flatten() {
        let text = cell.to_string();
        assert!(
            !text.contains(".rule") && !text.contains("kaohe eval") && !text.contains("TOML"),
            "{text}"
        );
    }

    // The form read back, filled with nothing, is refused for having no unit, not for
    // the periods sheet.
    let found = read(&rubric, &out).expect_err("no unit");
    assert!(
        found.iter().all(|d| !d.message.contains(SHEET)),
        "{}",
        rendered(&found)
    );
}

#[test]
fn the_same_units_in_toml_and_in_a_workbook_score_the_same() {
    let rubric = rubric();
    let (paths, units) = toml_units(&rubric);
    let dir = scratch("periods-same");
    let path = write(
        &dir.join("units.xlsx"),
        workbook(vec![units_sheet(&rubric, &units), periods_sheet()]),
    );
    let read = read(&rubric, &path).unwrap_or_else(|e| panic!("{}", rendered(&e)));
    assert_eq!(read.len(), 3);
    let jia = read.iter().find(|u| u.name == "示例甲区").expect("甲区");
    let periods = match &jia.get(&rubric, "答复时限", "申请").expect("given").value {
        Value::Periods(p) => p
            .iter()
            .map(|p| (p.from.to_string(), p.to.map(|d| d.to_string())))
            .collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    // In the order of the sheet's rows, as in the TOML file.
    assert_eq!(
        periods,
        [
            ("2021-02-05".to_string(), Some("2021-03-10".to_string())),
            ("2021-09-15".to_string(), Some("2021-10-20".to_string())),
            ("2021-06-01".to_string(), None),
        ]
    );
    // 示例乙县 has no row: no periods, as `申请 = []` in its TOML file.
    let yi = read.iter().find(|u| u.name == "示例乙县").expect("乙县");
    assert_eq!(
        yi.get(&rubric, "答复时限", "申请").map(|f| &f.value),
        Some(&Value::Periods(Vec::new()))
    );
    let from_toml = report(&rubric, &units);
    let from_xlsx = report(&rubric, &read);
    assert_eq!(from_toml, from_xlsx);
    // By hand (examples/illustration/jia.toml): 答复时限 18 − 2 × 2 = 14, total 89.25.
    let json: serde_json::Value = serde_json::from_str(&from_xlsx).expect("json");
    let text = json.to_string();
    assert!(text.contains("89.25"), "{text}");
    let _ = paths;
}

#[test]
fn a_periods_sheet_named_with_sheet_is_not_read_as_the_units() {
    let rubric = rubric();
    let (_, units) = toml_units(&rubric);
    let dir = scratch("periods-chosen");
    let path = write(
        &dir.join("units.xlsx"),
        workbook(vec![units_sheet(&rubric, &units), periods_sheet()]),
    );
    let options = Options {
        sheet: Some("答复时限-申请".to_string()),
        ..Options::default()
    };
    let found = load_all_with(&rubric, &[path], &options, &mut |_| {})
        .units
        .expect_err("refused");
    assert_eq!(found.len(), 1, "{}", rendered(&found));
    assert_eq!(found[0].code, codes::EVIDENCE_SHEET);
    assert!(
        found[0].message.starts_with("sheet `答复时限-申请` of `")
            && found[0]
                .message
                .ends_with("holds the periods of one fact, a row per period, not the units"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_workbook_without_the_periods_sheet_lacks_the_fact_once() {
    let rubric = rubric();
    let (_, units) = toml_units(&rubric);
    let dir = scratch("periods-absent");
    let path = write(
        &dir.join("units.xlsx"),
        workbook(vec![units_sheet(&rubric, &units)]),
    );
    let found = read(&rubric, &path).expect_err("the fact is missing");
    let lacking: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| d.message.contains("申请"))
        .collect();
    assert_eq!(lacking.len(), 1, "{}", rendered(&found));
    assert_eq!(lacking[0].code, codes::EVIDENCE_MISSING);
    assert!(
        lacking[0]
            .message
            .ends_with("has no sheet `答复时限-申请` for the periods of `答复时限/申请`"),
        "{}",
        lacking[0].message
    );
}

#[test]
fn the_mistakes_of_a_periods_sheet_are_refused_at_their_cells() {
    let rubric = rubric();
    let (_, units) = toml_units(&rubric);
    let mut ws = Worksheet::new();
    ws.set_name(SHEET).expect("name");
    ws.write_string(0, 0, "申请登记表").expect("title");
    for (c, h) in ["序号", "单位", "收到日期", "答复日期"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).expect("header");
    }
    let rows: [[&str; 4]; 5] = [
        ["1", "示例甲区", "2021-02-05", ""],
        ["2", "示例丁县", "2021-02-05", "2021-02-06"],
        ["3", "示例甲区", "否", "2021-02-06"],
        ["4", "示例丙市", "2021-03-10", "2021-03-01"],
        ["5", "", "2021-03-10", "2021-03-11"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32 + 2, c as u16, *text)
                    .expect("cell");
            }
        }
    }
    let dir = scratch("periods-mistakes");
    let path = write(
        &dir.join("units.xlsx"),
        workbook(vec![units_sheet(&rubric, &units), ws]),
    );
    let found = read(&rubric, &path).expect_err("refused");
    let messages: Vec<(&str, &str)> = found.iter().map(|d| (d.code, d.message.as_str())).collect();
    let expect = [
        (
            codes::EVIDENCE_MISSING,
            "sheet `答复时限-申请`, cell D3 (row 3, column `答复日期`): `答复日期` is blank",
        ),
        (
            codes::EVIDENCE_VALUE,
            "sheet `答复时限-申请`, cell C5 (row 5, column `收到日期`): `收到日期` must be a date, not `否`",
        ),
        (
            codes::EVIDENCE_VALUE,
            "sheet `答复时限-申请`, cell D6 (row 6, column `答复日期`): the period ends before it begins: `答复日期` is earlier than `收到日期`",
        ),
        (
            codes::EVIDENCE_UNIT,
            "sheet `答复时限-申请`, cell B7 (row 7, column `单位`): the period names no unit: the cell is blank",
        ),
        (
            codes::EVIDENCE_UNIT,
            "sheet `答复时限-申请`, cell B4 (row 4, column `单位`): `示例丁县` is not a unit of the units' sheet",
        ),
    ];
    for (code, message) in expect {
        assert!(
            messages.contains(&(code, message)),
            "{message}\n{}",
            rendered(&found)
        );
    }
    assert_eq!(found.len(), expect.len(), "{}", rendered(&found));
}

#[test]
fn a_csv_form_points_to_the_workbook() {
    let rubric = rubric();
    let err = kaohe::report::template_csv(&rubric).expect_err("refused");
    assert_eq!(err.code, codes::EVIDENCE_CELL_TYPE);
    let help = err.help.as_deref().expect("a help");
    assert!(
        help.contains("--format xlsx") && help.contains("--format toml"),
        "{help}"
    );
}

/// Two facts whose sheets' names are cut to the same 31 characters, Excel's limit, get
/// sheets of their own: the second is followed by `-2`, and the form is written.
#[test]
fn sheets_cut_to_one_name_are_told_apart() {
    let long = "一二三四五六七八九十".repeat(3);
    let text = format!(
        "rubric 长名称\ntotal 4\n\
         item {long}同甲 2 {{\n  fact 申请 periods from 收到日期 to 答复日期 \"申请\"\n  per 申请 over 20 days -1 floor 0\n}}\n\
         item {long}同乙 2 {{\n  fact 申请 periods from 收到日期 to 答复日期 \"申请\"\n  per 申请 over 20 days -1 floor 0\n}}\n"
    );
    let checked = compile(&SourceFile::new("long.rule", text));
    let rubric = checked
        .rubric
        .unwrap_or_else(|| panic!("{}", rendered(&checked.diagnostics)));
    let names = kaohe::evidence::columns::layout(&rubric).sheet_names();
    let first = format!("{long}同");
    let second: String = long.chars().take(29).collect::<String>() + "-2";
    assert_eq!(names, [first, second]);
    assert!(names.iter().all(|n| n.chars().count() <= 31));
    kaohe::report::template_xlsx(&rubric).expect("a workbook form");
}
