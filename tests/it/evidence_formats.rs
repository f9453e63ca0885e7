//! Evidence in every format kaohe reads — TOML, JSON, CSV and XLSX, mixed in one run —
//! scores the same; a spreadsheet's problems are all reported, each naming its row and
//! column and pointing at its cell.

use crate::formats;

use formats::{
    csv_text, examples, json_report, json_text, rendered, rows, scratch, table, write, xlsx_bytes,
};
use kaohe::diagnostic::{codes, render_human, render_json, Diagnostic, HumanStyle};
use kaohe::evidence::{load_all, load_file};

const TABLES: [&str; 2] = ["county", "department"];

fn problems(rubric: &kaohe::check::Rubric, path: &std::path::Path) -> Vec<Diagnostic> {
    let (units, problems) = load_file(rubric, path);
    assert!(
        !problems.is_empty(),
        "expected problems, got {} units",
        units.len()
    );
    problems
}

/// The text a diagnostic's primary label underlines.
fn underlined(d: &Diagnostic) -> String {
    let source = d.source.as_ref().expect("a source");
    let span = d.labels.first().expect("a label").span;
    source.text()[span.start..span.end].to_string()
}

/// The 1-based line of a diagnostic's primary label.
fn line(d: &Diagnostic) -> usize {
    let source = d.source.as_ref().expect("a source");
    source.line(d.labels.first().expect("a label").span.start)
}

#[test]
fn the_same_evidence_in_every_format_scores_the_same() {
    for name in TABLES {
        let rubric = table(name);
        let units = examples(&rubric, name);
        let dir = scratch(&format!("same-{name}"));
        let from_toml = json_report(&rubric, &[format!("examples/jiangmen-2020/{name}").into()])
            .expect("the TOML examples score");

        let json_dir = dir.join("json");
        std::fs::create_dir_all(&json_dir).unwrap();
        for (i, unit) in units.iter().enumerate() {
            write(
                &json_dir.join(format!("{i}.json")),
                json_text(&rubric, unit),
            );
        }
        let csv = write(&dir.join("units.csv"), csv_text(&rows(&rubric, &units)));
        let xlsx = write(&dir.join("units.xlsx"), xlsx_bytes(&rubric, &units, None));

        for (format, paths) in [
            ("json", vec![json_dir.clone()]),
            ("csv", vec![csv.clone()]),
            ("xlsx", vec![xlsx.clone()]),
        ] {
            let report = json_report(&rubric, &paths)
                .unwrap_or_else(|e| panic!("{name} as {format} is refused:\n{e}"));
            assert_eq!(report, from_toml, "{name} as {format} scores differently");
        }
    }
}

#[test]
fn formats_mix_in_one_run() {
    let rubric = table("department");
    let units = examples(&rubric, "department");
    let dir = scratch("mixed");
    // The first unit as TOML, the second as JSON, the third as a row of a workbook.
    std::fs::copy(
        "examples/jiangmen-2020/department/caizheng.toml",
        dir.join("a.toml"),
    )
    .unwrap();
    write(&dir.join("b.json"), json_text(&rubric, &units[1]));
    write(&dir.join("c.xlsx"), xlsx_bytes(&rubric, &units[2..], None));
    let mixed = json_report(&rubric, &[dir.to_path_buf()]).expect("the mixed folder scores");
    let from_toml = json_report(&rubric, &["examples/jiangmen-2020/department".into()]).unwrap();
    assert_eq!(mixed, from_toml);
}

#[test]
fn three_bad_cells_are_all_reported_with_their_row_and_column() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let mut rows = rows(&rubric, &units);
    let col = |h: &str| rows[0].iter().position(|x| x == h).expect("column");
    let (b, e, j) = (
        col("决策预公开/未做意见征集"),
        col("决策公开/议定事项报道次数"),
        col("执行与结果公开/上年完成情况公开日期"),
    );
    assert_eq!((b, e, j), (1, 4, 9), "columns B, E and J");
    rows[1][b] = "待定".into();
    rows[2][e] = "若干".into();
    rows[3][j] = "2020/4/31".into();
    let dir = scratch("three");
    let path = write(&dir.join("county.csv"), csv_text(&rows));
    let found = problems(&rubric, &path);
    let got: Vec<(&str, String, String, usize)> = found
        .iter()
        .map(|d| (d.code, d.message.clone(), underlined(d), line(d)))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                codes::EVIDENCE_VALUE,
                "cell B2 (row 2, column `决策预公开/未做意见征集`): `未做意见征集` must be yes or no, not `待定`".to_string(),
                "待定".to_string(),
                2
            ),
            (
                codes::EVIDENCE_VALUE,
                "cell E3 (row 3, column `决策公开/议定事项报道次数`): `议定事项报道次数` must be a whole number, not `若干`".to_string(),
                "若干".to_string(),
                3
            ),
            (
                codes::EVIDENCE_VALUE,
                "cell J4 (row 4, column `执行与结果公开/上年完成情况公开日期`): `上年完成情况公开日期` is `2020/4/31`, a day that does not exist: April 2020 has 30 days".to_string(),
                "2020/4/31".to_string(),
                4
            ),
        ]
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("write `是` or `否` (or `true`/`false`, `有`/`无`, `对`/`错`, `√`/`×`, `✓`/`✗`, `Y`/`N`, `1`/`0`)")
    );
    // The JSON rendering gives the file, the line and the column of the cell: `待定`
    // begins at the 5th character of line 2 (`恩平市,待定`).
    let json: serde_json::Value = serde_json::from_str(&render_json(&found[0])).unwrap();
    assert_eq!(json["file"], path.display().to_string());
    assert_eq!(
        (json["line"].as_u64(), json["column"].as_u64()),
        (Some(2), Some(5))
    );
    // Nothing is scored.
    assert!(load_all(&rubric, &[path], &mut |_| {}).is_err());
}

#[test]
fn a_workbook_problem_names_the_sheet_and_the_cell() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let dir = scratch("xlsx-bad");
    // A workbook whose first unit has a date typed as text in a foreign spelling.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("证据").unwrap();
    let rows = rows(&rubric, &units[..1]);
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    ws.write_string(1, 9, "3月31日").unwrap();
    let path = write(&dir.join("county.xlsx"), book.save_to_buffer().unwrap());
    let found = problems(&rubric, &path);
    assert_eq!(found.len(), 1, "{}", rendered(&found));
    let d = &found[0];
    assert_eq!(d.code, codes::EVIDENCE_VALUE);
    assert_eq!(
        d.message,
        "sheet `证据`, cell J2 (row 2, column `执行与结果公开/上年完成情况公开日期`): `上年完成情况公开日期` must be a date or `false`, not `3月31日`"
    );
    // The text kaohe writes for the sheet has a line per row, so the line is the row,
    // and the label underlines the cell.
    assert_eq!(line(d), 2);
    assert_eq!(underlined(d), "3月31日");
    let human = render_human(d, HumanStyle::Plain);
    assert!(human.contains("恩平市 | "), "{human}");
    assert!(human.contains("county.xlsx:2:"), "{human}");
}

#[test]
fn a_blank_cell_is_a_missing_fact_not_zero() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let mut rows = rows(&rubric, &units);
    let col = |h: &str| rows[0].iter().position(|x| x == h).expect("column");
    let (count, member) = (
        col("决策公开/未标记失效文件数"),
        col("政府网站与新媒体/通报/市府办"),
    );
    rows[2][count] = String::new();
    rows[3][member] = "  ".into();
    let dir = scratch("blank");
    let path = write(&dir.join("county.csv"), csv_text(&rows));
    let found = problems(&rubric, &path);
    let got: Vec<(&str, String, String)> = found
        .iter()
        .map(|d| {
            (
                d.code,
                d.message.clone(),
                d.help.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                codes::EVIDENCE_MISSING,
                "row 3 (`蓬江区`): item `决策公开` is missing `未标记失效文件数`".to_string(),
                "fill F3 (`决策公开/未标记失效文件数`); a blank cell is a missing fact, not 0 or false".to_string()
            ),
            (
                codes::EVIDENCE_MISSING,
                format!(
                    "row 4 (`台山市`): `通报` is given only in part: cell {}4 is blank",
                    kaohe::evidence::columns::column_letters(member)
                ),
                format!(
                    "fill {}4 (`政府网站与新媒体/通报/市府办`); write 0 where there was none, as a blank cell is a missing value, not 0",
                    kaohe::evidence::columns::column_letters(member)
                )
            ),
        ]
    );
}

#[test]
fn a_unit_twice_is_refused_across_rows_and_files() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let dir = scratch("twice");
    let mut rows = rows(&rubric, &units);
    rows.push(rows[1].clone());
    let csv = write(&dir.join("county.csv"), csv_text(&rows));
    let found = problems(&rubric, &csv);
    assert_eq!(found.len(), 1, "{}", rendered(&found));
    assert_eq!(found[0].code, codes::EVIDENCE_DUPLICATE);
    assert_eq!(found[0].message, "unit `恩平市` has evidence in two rows");
    assert_eq!(found[0].labels.len(), 2);
    assert_eq!(underlined(&found[0]), "恩平市");
    assert_eq!(line(&found[0]), 5);

    // A TOML file and a row of a workbook for one unit.
    let other = scratch("twice-files");
    std::fs::copy(
        "examples/jiangmen-2020/county/enping.toml",
        other.join("enping.toml"),
    )
    .unwrap();
    write(&other.join("units.xlsx"), xlsx_bytes(&rubric, &units, None));
    let err = load_all(&rubric, &[other.to_path_buf()], &mut |_| {}).expect_err("refused");
    assert_eq!(err.len(), 1, "{}", rendered(&err));
    assert_eq!(err[0].message, "unit `恩平市` has evidence in two files");
    assert_eq!(
        err[0].help.as_deref(),
        Some(
            format!(
                "the first is `{}`; keep one file or row per unit",
                other.join("enping.toml").display()
            )
            .as_str()
        )
    );
}

#[test]
fn header_problems_are_reported_once_at_the_header() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let mut rows = rows(&rubric, &units);
    let dir = scratch("header");
    // A typo in one header, another header twice, a column with values but no
    // header, and the column of 通报/国办 dropped.
    let guonban = rows[0]
        .iter()
        .position(|h| h == "政府网站与新媒体/通报/国办")
        .unwrap();
    for row in &mut rows {
        row.remove(guonban);
    }
    rows[0][1] = "决策预公开/未做意见征集x".into();
    let copied = rows[0][2].clone();
    for row in &mut rows {
        row.push(String::new());
        row.push(String::new());
    }
    let n = rows[0].len();
    rows[0][n - 2] = copied;
    rows[2][n - 1] = "7".into();
    let path = write(&dir.join("county.csv"), csv_text(&rows));
    let found = problems(&rubric, &path);
    let header: Vec<(&str, String)> = found
        .iter()
        .filter(|d| line(d) == 1)
        .map(|d| (d.code, d.message.clone()))
        .collect();
    assert_eq!(
        header,
        vec![
            (
                codes::EVIDENCE_MISSING,
                "the header of `".to_string()
                    + &path.display().to_string()
                    + "` has no column for 2 fact value(s): `决策预公开/未做意见征集`, `政府网站与新媒体/通报/国办`"
            ),
            (
                codes::EVIDENCE_UNKNOWN,
                "cell B1 (row 1, column B): the rubric has no column `决策预公开/未做意见征集x`".to_string()
            ),
            (
                codes::EVIDENCE_COLUMN,
                "column `决策预公开/未提供征集有效期` appears twice in the header".to_string()
            ),
        ]
    );
    assert_eq!(
        found[1].help.as_deref(),
        Some("did you mean `决策预公开/未做意见征集`?")
    );
    assert!(found[2]
        .help
        .as_deref()
        .unwrap()
        .contains("the first is column C"));
    assert_eq!(underlined(&found[2]), "决策预公开/未提供征集有效期");
    let unheaded: Vec<&Diagnostic> = found.iter().filter(|d| line(d) != 1).collect();
    assert_eq!(unheaded.len(), 1, "{}", rendered(&found));
    assert_eq!(unheaded[0].code, codes::EVIDENCE_COLUMN);
    assert_eq!(
        unheaded[0].message,
        format!(
            "cell {}3 (row 3, column {}): column {} has values but no header",
            kaohe::evidence::columns::column_letters(n - 1),
            kaohe::evidence::columns::column_letters(n - 1),
            kaohe::evidence::columns::column_letters(n - 1)
        )
    );
}

#[test]
fn a_sheet_without_units_or_without_a_unit_column() {
    let rubric = table("county");
    let dir = scratch("empty");
    let empty = write(&dir.join("empty.csv"), "");
    let found = problems(&rubric, &empty);
    assert_eq!(found[0].code, codes::EVIDENCE_UNIT);
    assert!(found[0].message.ends_with("holds no unit: it is empty"));

    let header_only = write(
        &dir.join("header.csv"),
        kaohe::report::template_csv(&rubric).unwrap(),
    );
    let found = problems(&rubric, &header_only);
    assert_eq!(found.len(), 1, "{}", rendered(&found));
    assert_eq!(found[0].code, codes::EVIDENCE_UNIT);
    assert!(found[0]
        .message
        .ends_with("holds no unit: there is no row below the header"));

    let units = examples(&rubric, "county");
    let mut rows = rows(&rubric, &units);
    // `单位名称` and `被考核单位` head the units' column as `单位` does; `单 位 名` not.
    rows[0][0] = "单位名".into();
    let path = write(&dir.join("no-unit.csv"), csv_text(&rows));
    let found = problems(&rubric, &path);
    let codes_found: Vec<&str> = found.iter().map(|d| d.code).collect();
    assert_eq!(
        codes_found,
        vec![codes::EVIDENCE_COLUMN, codes::EVIDENCE_UNKNOWN],
        "{}",
        rendered(&found)
    );
    assert!(found[0].message.ends_with("has no `单位` column"));
    assert_eq!(found[1].help.as_deref(), Some("did you mean `单位`?"));
}

#[test]
fn a_csv_as_excel_saves_it_reads_the_same() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let rows = rows(&rubric, &units);
    // A byte-order mark, CRLF, a blank line and a row of empty cells between units,
    // every cell quoted, and two empty columns at the end.
    let mut text = String::from("\u{feff}");
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
            .chain(["".into(), "".into()])
            .collect();
        text.push_str(&cells.join(","));
        text.push_str("\r\n");
        if i == 1 {
            text.push_str("\r\n");
            text.push_str(&",".repeat(row.len() + 1));
            text.push_str("\r\n");
        }
    }
    let dir = scratch("excel");
    let path = write(&dir.join("county.csv"), text);
    let report = json_report(&rubric, &[path]).unwrap_or_else(|e| panic!("{e}"));
    let from_toml = json_report(&rubric, &["examples/jiangmen-2020/county".into()]).unwrap();
    assert_eq!(report, from_toml);
}

#[test]
fn a_broken_quote_is_a_syntax_error_at_its_place() {
    let rubric = table("county");
    let dir = scratch("quote");
    let path = write(
        &dir.join("bad.csv"),
        "单位,决策预公开/未做意见征集\n\"蓬江区,true\n",
    );
    let found = problems(&rubric, &path);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, codes::EVIDENCE_SYNTAX);
    assert_eq!(
        found[0].message,
        "this CSV file cannot be read: a quoted cell is never closed"
    );
    assert_eq!(line(&found[0]), 2);
}

#[test]
fn a_file_that_is_not_a_workbook_is_refused() {
    let rubric = table("county");
    let dir = scratch("notxlsx");
    let path = write(&dir.join("units.xlsx"), "单位,决策预公开/未做意见征集\n");
    let found = problems(&rubric, &path);
    assert_eq!(found[0].code, codes::EVIDENCE_SYNTAX);
    assert!(found[0].message.starts_with(&format!(
        "`{}` cannot be read as an XLSX workbook: ",
        path.display()
    )));
    // Rendering it does not need a label.
    let human = render_human(&found[0], HumanStyle::Plain);
    assert!(human.contains("kaohe::evidence::syntax"), "{human}");
}

#[test]
fn a_discretionary_score_takes_two_columns() {
    let rule = r#"
rubric 酌情测试
total 4
section 甲 4 {
  item 成效 4 {
    start 0
    fact 开展 bool
    fact 成效 discretion max 2
    if 开展 +2
    per 成效 +1
  }
}
"#;
    let checked = kaohe::check::compile(&kaohe::source::SourceFile::new("t.rule", rule));
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        rendered(&checked.diagnostics)
    );
    let rubric = checked.rubric.unwrap();
    let header = kaohe::report::template_csv(&rubric).unwrap();
    assert_eq!(
        header,
        "\u{feff}单位,成效/开展,成效/成效,成效/成效/理由\r\n"
    );
    let dir = scratch("discretion");
    let good = write(
        &dir.join("good.csv"),
        format!("{header}甲区,true,1.5,材料齐全\r\n"),
    );
    let report = json_report(&rubric, &[good]).unwrap_or_else(|e| panic!("{e}"));
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(json["units"][0]["score"].to_string(), "3.5");

    let bad = write(
        &dir.join("bad.csv"),
        format!("{header}甲区,true,1.5,\r\n乙区,true,3,太多\r\n"),
    );
    let found = problems(&rubric, &bad);
    let got: Vec<(&str, String)> = found.iter().map(|d| (d.code, d.message.clone())).collect();
    assert_eq!(
        got,
        vec![
            (
                codes::EVIDENCE_MISSING,
                "row 2 (`甲区`): `成效` is given only in part: cell D2 is blank".to_string()
            ),
            (
                codes::EVIDENCE_VALUE,
                "cell C3 (row 3, column `成效/成效`): the score 3 of `成效` is outside 0 to 2"
                    .to_string()
            ),
        ]
    );
}

#[test]
fn a_fact_no_cell_can_give_is_named_at_the_header() {
    let rubric = {
        let path = "rules/examples/illustration-2021.rule";
        let text = std::fs::read_to_string(path).unwrap();
        kaohe::check::compile(&kaohe::source::SourceFile::new(path, text))
            .rubric
            .expect("the illustration checks")
    };
    let err = kaohe::report::template_csv(&rubric).expect_err("refused");
    assert_eq!(err.code, codes::EVIDENCE_CELL_TYPE);
    assert!(err.message.contains("`答复时限/申请`"), "{}", err.message);
    assert!(err.help.as_deref().unwrap().contains("--format toml"));

    let dir = scratch("periods");
    let path = write(
        &dir.join("u.csv"),
        "单位,答复时限/申请\r\n甲区,2021-02-05\r\n",
    );
    let found = problems(&rubric, &path);
    let d = found
        .iter()
        .find(|d| d.code == codes::EVIDENCE_CELL_TYPE)
        .expect("the periods column is named");
    assert_eq!(
        d.message,
        "`答复时限/申请` is a periods fact, which cannot be given in a spreadsheet cell yet"
    );
    assert_eq!(underlined(d), "答复时限/申请");
}
