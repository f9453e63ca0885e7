//! Every output neutralises what evidence carries (docs/security.md): unit
//! names and discretionary reasons written by the assessed units reach the CSV and
//! XLSX reports without becoming formulas, the terminal and the text reports without a
//! control or bidirectional character, Markdown without markup; names that cannot be
//! shown are refused when the evidence is read; JSON evidence with a key given twice is
//! refused; the JSON report writes every digit of a score.

use crate::common;
use crate::run;

#[path = "../../fuzz/src/report_check.rs"]
mod report_check;

use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use proptest::prelude::*;
use rust_decimal::Decimal;

use kaohe::check::{compile, Rubric};
use kaohe::evidence::load;
use kaohe::source::SourceFile;
use report_check::{check_reports, check_text, hidden, hostile_units};
use run::{kaohe, stderr, stdout};

const DISCRETION: &str = "tests/hostile/outputs/discretion.rule";
const EXACT: &str = "tests/hostile/outputs/exact.rule";
const EXACT_EVIDENCE: &str = "tests/hostile/outputs/exact.toml";

/// Names a spreadsheet runs as formulas, as OWASP lists them, and with the spaces,
/// tabs, line breaks and full-width forms that hide them.
const FORMULAS: [&str; 10] = [
    "=HYPERLINK(\"http://x\",\"y\")",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    " =1+1",
    "＝2+2",
    "＋3+3",
    "－4+5",
    "＠SUM(B1)",
];

/// Reasons that would act on a terminal or reorder a line: clear the screen, set the
/// window title, a hyperlink, backspaces, NUL, DEL, C1, bidi overrides and isolates.
const REASONS: [&str; 8] = [
    "清屏\u{1b}[2J\u{1b}[H",
    "标题\u{1b}]0;pwned\u{7}",
    "链接\u{1b}]8;;http://x\u{1b}\\点\u{1b}]8;;\u{1b}\\",
    "退格\u{8}\u{8}\u{8}零\u{0}删\u{7f}",
    "C1\u{85}\u{9b}31m",
    "反向\u{202e}txt.exe\u{202c}",
    "隔离\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}\u{61c}",
    "回车\r覆盖",
];

/// A fresh folder for one test.
fn scratch(name: &str) -> common::Scratch {
    common::Scratch::new(&format!("hostile-{name}"))
}

/// A TOML string, every character that is not plain printable ASCII or CJK escaped.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if hidden(c) || c == '\u{7f}' => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes one TOML evidence file for discretion.rule.
fn unit_file(dir: &Path, file: &str, name: &str, reason: &str) -> String {
    let path = dir.join(file);
    let text = format!(
        "unit = {}\n\n[\"甲\"]\n\"酌情\" = {{ score = 1, reason = {} }}\n\n[\"乙\"]\n\"缺\" = false\n",
        toml_string(name),
        toml_string(reason)
    );
    std::fs::write(&path, text).expect("evidence");
    path.display().to_string()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Finding 2: a unit named as a formula is a text field of the CSV ranking, led by
/// `'`; the numbers kaohe writes stay numbers.
#[test]
fn csv_ranking_writes_formula_names_as_text() {
    let dir = scratch("csv");
    let mut args = vec!["eval".to_string(), DISCRETION.to_string()];
    for (i, name) in FORMULAS.iter().enumerate() {
        args.push(unit_file(&dir, &format!("u{i}.toml"), name, "理由"));
    }
    args.extend(["--format".into(), "csv".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = kaohe(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let body = text.trim_start_matches('\u{feff}');
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let mut names = Vec::new();
    for record in reader.records() {
        let record = record.expect("a CSV row");
        let unit = &record[1];
        assert!(unit.starts_with('\''), "{unit:?} would run as a formula");
        names.push(unit[1..].to_string());
        // Rank, total, subtotals: numbers, the total 9 (one point taken at discretion).
        assert_eq!(Decimal::from_str(&record[2]).unwrap(), Decimal::from(9));
        for field in record.iter().enumerate().filter(|(i, _)| *i != 1) {
            assert!(Decimal::from_str(field.1).is_ok(), "{field:?}");
        }
    }
    // The names come back whole after the apostrophe (full-width forms as kaohe reads them).
    names.sort();
    let mut expected: Vec<String> = FORMULAS
        .iter()
        .map(|n| {
            kaohe::evidence::cell::normalise_name(n.trim())
                .chars()
                .collect::<String>()
        })
        .collect();
    expected.sort();
    assert_eq!(names, expected);
}

/// Finding 2, XLSX: every name is a text cell, never a formula, and reads back whole.
#[test]
fn xlsx_report_has_no_formula_and_keeps_the_names() {
    let dir = scratch("xlsx");
    let mut args = vec!["eval".to_string(), DISCRETION.to_string()];
    for (i, name) in FORMULAS.iter().enumerate() {
        args.push(unit_file(&dir, &format!("u{i}.toml"), name, name));
    }
    let out = dir.join("report.xlsx");
    args.extend([
        "--format".into(),
        "xlsx".into(),
        "-o".into(),
        path_str(&out).into(),
        // In Chinese, as an office's report is.
        "--lang".into(),
        "zh".into(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = kaohe(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).expect("the workbook");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook");
    for sheet in book.sheet_names() {
        let formulas = book.worksheet_formula(&sheet).expect("formulas");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "a formula in {sheet}"
        );
    }
    let ranking = book.worksheet_range("排名").expect("the ranking");
    let mut names: Vec<String> = ranking
        .rows()
        .skip(2)
        .map(|r| match &r[1] {
            Data::String(s) => s.clone(),
            other => panic!("the unit is not a text cell: {other:?}"),
        })
        .collect();
    names.sort();
    let mut expected: Vec<String> = FORMULAS
        .iter()
        .map(|n| kaohe::evidence::cell::normalise_name(n.trim()))
        .collect();
    expected.sort();
    assert_eq!(names, expected);
}

/// Finding 3: reasons with controls and bidi characters reach no terminal and no text
/// report as they are: the table, Markdown, JSON, explain and test print none.
#[test]
fn reasons_reach_no_terminal_raw() {
    let dir = scratch("terminal");
    let mut files = Vec::new();
    for (i, reason) in REASONS.iter().enumerate() {
        files.push(unit_file(
            &dir,
            &format!("u{i}.toml"),
            &format!("单位{i}"),
            reason,
        ));
    }
    for format in ["table", "md", "json", "csv"] {
        let mut args = vec!["eval", DISCRETION, "--format", format];
        args.extend(files.iter().map(String::as_str));
        let o = kaohe(&args);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        let out = stdout(&o).replace("\r\n", "\n");
        check_text(format, &out).unwrap();
    }
    for file in &files {
        let o = kaohe(&["explain", DISCRETION, file]);
        assert!(o.status.success(), "{}", stderr(&o));
        check_text("explain", &stdout(&o)).unwrap();
        // The reason is there, escaped.
        assert!(stdout(&o).contains("\\u{"), "{}", stdout(&o));
    }
    // A case whose expectation fails prints its item's trace, with the reason.
    let case = dir.join("case.toml");
    let evidence = std::fs::read_to_string(&files[1]).unwrap();
    std::fs::write(&case, format!("{evidence}\n[expect]\ntotal = 3\n")).unwrap();
    let o = kaohe(&["test", DISCRETION, path_str(&case)]);
    assert!(!o.status.success());
    let out = stdout(&o);
    check_text("test", &out).unwrap();
}

/// Finding 3, rule files: a text with a bidi override reaches the terminal escaped in
/// `kaohe diff` and `kaohe outline`, and in the rendered Markdown and HTML.
#[test]
fn rule_texts_show_nothing_hidden() {
    let dir = scratch("diff");
    let old = std::fs::read_to_string(DISCRETION).unwrap();
    let new = old.replace("缺项扣4分", "缺项扣4分\u{202e}");
    let (a, b) = (dir.join("old.rule"), dir.join("new.rule"));
    std::fs::write(&a, &old).unwrap();
    std::fs::write(&b, &new).unwrap();
    let o = kaohe(&["outline", path_str(&b)]);
    assert!(o.status.success(), "{}", stderr(&o));
    check_text("outline", &stdout(&o)).unwrap();
    for format in ["md", "html"] {
        let o = kaohe(&["render", path_str(&b), "--format", format]);
        assert!(o.status.success(), "{}", stderr(&o));
        check_text(format, &stdout(&o)).unwrap();
    }
    for format in ["text", "json"] {
        let o = kaohe(&["diff", path_str(&a), path_str(&b), "--format", format]);
        let out = stdout(&o);
        check_text(format, &out).unwrap();
        if o.status.success() && format == "text" {
            assert!(out.contains("\\u{202e}"), "{out}");
        }
    }
}

/// Finding 4: a name that is markup is written as text in the Markdown score sheet.
#[test]
fn markdown_escapes_names_and_reasons() {
    let dir = scratch("markdown");
    let files = [
        unit_file(
            &dir,
            "a.toml",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
        ),
        unit_file(
            &dir,
            "b.toml",
            "[点我](javascript:alert(1))",
            "![x](http://x/y.png) | 分隔",
        ),
    ];
    let o = kaohe(&["eval", DISCRETION, &files[0], &files[1], "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('<') && !out.contains('>'), "{out}");
    assert!(
        !out.contains("](javascript") && !out.contains("](http"),
        "{out}"
    );
    assert!(out.contains("## &lt;script&gt;alert(1)&lt;/script&gt; — 报告安全测试"));
    assert!(out.contains("## [点我]\\(javascript:alert(1)) — 报告安全测试"));
    // The `|` of a reason does not split the cell: every row has five cells.
    for line in out.lines().filter(|l| l.starts_with("| ")) {
        let cells = line.replace("\\|", "").matches('|').count() - 1;
        assert_eq!(cells, 5, "{line}");
    }
}

/// The code of the first diagnostic `kaohe --message-format json` printed.
fn codes(o: &std::process::Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["code"].as_str().map(str::to_string))
        .collect()
}

/// Finding 9: a name too long, or with a control or bidi character, is refused when
/// the evidence is read, in every format, pointing at the name.
#[test]
fn bad_names_are_refused_in_every_format() {
    let dir = scratch("names");
    let long = "名".repeat(201);
    let longest = "名".repeat(200);
    let bad = [
        long.as_str(),
        "甲\u{1b}[2J",
        "乙\u{202e}",
        "丙\t丁",
        "戊\u{85}己",
    ];
    for (i, name) in bad.iter().enumerate() {
        let toml = unit_file(&dir, &format!("b{i}.toml"), name, "理由");
        let json = dir.join(format!("b{i}.json"));
        std::fs::write(
            &json,
            serde_json::json!({"unit": name, "甲": {"酌情": {"score": 1, "reason": "r"}}, "乙": {"缺": false}})
                .to_string(),
        )
        .unwrap();
        let yaml = dir.join(format!("b{i}.yaml"));
        std::fs::write(
            &yaml,
            format!(
                "unit: {}\n甲:\n  酌情: {{score: 1, reason: r}}\n乙:\n  缺: false\n",
                // TOML's escapes are YAML's too.
                toml_string(name)
            ),
        )
        .unwrap();
        let csv = dir.join(format!("b{i}.csv"));
        let mut writer = csv::Writer::from_path(&csv).unwrap();
        writer
            .write_record(["单位", "甲/酌情", "甲/酌情/理由", "乙/缺"])
            .unwrap();
        writer.write_record(["好单位", "1", "r", "否"]).unwrap();
        writer.write_record([*name, "1", "r", "否"]).unwrap();
        writer.flush().unwrap();
        drop(writer);
        let xlsx = dir.join(format!("b{i}.xlsx"));
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in ["单位", "甲/酌情", "甲/酌情/理由", "乙/缺"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in [["好单位", "1", "r", "否"], [name, "1", "r", "否"]]
            .iter()
            .enumerate()
        {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, *v).unwrap();
            }
        }
        book.save(&xlsx).unwrap();
        for file in [
            toml,
            json.display().to_string(),
            yaml.display().to_string(),
            csv.display().to_string(),
            xlsx.display().to_string(),
        ] {
            let o = kaohe(&[
                "eval",
                DISCRETION,
                &file,
                "--format",
                "csv",
                "--message-format",
                "json",
            ]);
            assert!(!o.status.success(), "{file}: {name:?} accepted");
            assert_eq!(
                codes(&o),
                ["kaohe::evidence::bad_name"],
                "{file}: {}",
                stderr(&o)
            );
            assert!(stdout(&o).is_empty());
            check_text("diagnostics", &stderr(&o)).unwrap();
        }
    }
    // A name of 200 characters is a name, and makes a workbook.
    let ok = unit_file(&dir, "ok.toml", &longest, "理由");
    let out = dir.join("ok.xlsx");
    let o = kaohe(&[
        "eval",
        DISCRETION,
        &ok,
        "--format",
        "xlsx",
        "-o",
        path_str(&out),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Finding 9, for reasons: a reason longer than a workbook's cell is cut in its cell,
/// rather than refusing the whole workbook.
#[test]
fn a_reason_longer_than_a_cell_does_not_refuse_the_workbook() {
    let dir = scratch("long-reason");
    let reason = "理".repeat(40_000);
    let file = unit_file(&dir, "a.toml", "甲区", &reason);
    let out = dir.join("a.xlsx");
    let o = kaohe(&[
        "eval",
        DISCRETION,
        &file,
        "--format",
        "xlsx",
        "-o",
        path_str(&out),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&out).unwrap())).unwrap();
    let sheet = book.worksheet_range("甲区").expect("the unit's sheet");
    let longest = sheet
        .used_cells()
        .filter_map(|(_, _, c)| match c {
            Data::String(s) => Some(s.chars().count()),
            _ => None,
        })
        .max();
    assert_eq!(longest, Some(32_767));
}

/// Finding 3, diagnostics: a cell or a name with control characters is reported with
/// its line of the file shown, and none of them reaches the terminal as it is.
#[test]
fn diagnostics_show_nothing_hidden() {
    let dir = scratch("diagnostics");
    let csv = dir.join("a.csv");
    std::fs::write(
        &csv,
        "单位,甲/酌情,甲/酌情/理由,乙/缺\r\n\
         甲区,\u{1b}[2J\u{1b}]0;x\u{7},理由,否\r\n\
         乙区\u{1b}[H\u{202e},1,理由\u{85},否\r\n",
    )
    .unwrap();
    let o = kaohe(&["eval", DISCRETION, path_str(&csv)]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("kaohe::evidence::bad_name"), "{err}");
    assert!(err.contains("kaohe::evidence::"), "{err}");
    check_text("diagnostics", &err).unwrap();
    let o = kaohe(&[
        "eval",
        DISCRETION,
        path_str(&csv),
        "--message-format",
        "json",
    ]);
    let err = stderr(&o);
    check_text("diagnostics", &err).unwrap();
    assert_eq!(codes(&o).len(), 2, "{err}");
}

/// Finding 9: the message of a bad name shows it escaped, and points at it.
#[test]
fn a_bad_name_is_shown_escaped_where_it_stands() {
    let dir = scratch("name-place");
    let file = unit_file(&dir, "a.toml", "甲\u{1b}]0;x\u{7}", "理由");
    let o = kaohe(&["eval", DISCRETION, &file, "--message-format", "json"]);
    let line = stderr(&o);
    let d: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(d["code"], "kaohe::evidence::bad_name");
    assert_eq!(
        d["message"],
        "the unit's name `甲\\u{1b}]0;x\\u{7}` holds a control character, `\\u{1b}`"
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(8))
    );
}

/// Finding 10: a key given twice in JSON evidence is refused as TOML refuses one, at
/// the second key.
#[test]
fn json_keys_given_twice_are_refused() {
    let dir = scratch("json-keys");
    let cases = [
        (
            r#"{"unit": "甲区", "甲": {"酌情": {"score": 1, "reason": "r"}}, "乙": {"缺": false}, "unit": "乙区"}"#,
            "unit",
        ),
        (
            r#"{"unit": "甲区", "甲": {"酌情": {"score": 1, "reason": "r"}}, "乙": {"缺": false, "缺": true}}"#,
            "缺",
        ),
        (
            r#"{"unit": "甲区", "甲": {"酌情": {"score": 1, "score": 2, "reason": "r"}}, "乙": {"缺": false}}"#,
            "score",
        ),
    ];
    for (i, (text, key)) in cases.iter().enumerate() {
        let path = dir.join(format!("d{i}.json"));
        std::fs::write(&path, text).unwrap();
        let o = kaohe(&[
            "eval",
            DISCRETION,
            path_str(&path),
            "--message-format",
            "json",
        ]);
        assert!(!o.status.success(), "{text}");
        let d: serde_json::Value =
            serde_json::from_str(stderr(&o).lines().next().unwrap()).unwrap();
        assert_eq!(d["code"], "kaohe::evidence::syntax");
        assert_eq!(
            d["message"],
            format!("this JSON file cannot be read: duplicate key `{key}`")
        );
        let quoted = format!("\"{key}\"");
        let second = text.rfind(&quoted).unwrap();
        assert_eq!(d["span"]["start"].as_u64(), Some(second as u64), "{text}");
    }
    // TOML refuses one with the same code.
    let toml = dir.join("d.toml");
    std::fs::write(&toml, "unit = \"甲区\"\nunit = \"乙区\"\n").unwrap();
    let o = kaohe(&[
        "eval",
        DISCRETION,
        path_str(&toml),
        "--message-format",
        "json",
    ]);
    assert_eq!(codes(&o)[0], "kaohe::evidence::syntax");
}

/// Finding 14: the JSON report writes a score with every digit, as the CSV ranking.
#[test]
fn json_numbers_are_the_csv_numbers() {
    let csv = stdout(&kaohe(&["eval", EXACT, EXACT_EVIDENCE, "--format", "csv"]));
    let row = csv.lines().nth(1).expect("a row");
    let total = row.split(',').nth(2).expect("the total");
    assert_eq!(total, "99.999999999999999999999995");
    let json = stdout(&kaohe(&["eval", EXACT, EXACT_EVIDENCE, "--format", "json"]));
    assert!(
        json.contains(&format!("\"score\": {total},")),
        "the JSON total is not {total}: {json}"
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["units"][0]["score"].to_string(),
        "99.999999999999999999999995"
    );
    assert_eq!(
        value["units"][0]["indicators"][1]["trace"][0]["delta"].to_string(),
        "-0.000000000000000000000005"
    );
    let table = stdout(&kaohe(&["eval", EXACT, EXACT_EVIDENCE]));
    assert!(table.contains(total), "{table}");
}

/// The rubric of the proptest, and a unit of it to copy.
fn discretion_unit() -> (Rubric, kaohe::evidence::Unit) {
    let text = std::fs::read_to_string(DISCRETION).unwrap();
    let rubric = compile(&SourceFile::new(DISCRETION, text))
        .rubric
        .expect("a rubric");
    let dir = scratch("proptest-base");
    let file = unit_file(&dir, "base.toml", "基准", "理由");
    let unit = load(&rubric, Path::new(&file)).expect("a unit");
    (rubric, unit)
}

#[test]
fn every_hostile_name_and_reason_passes_the_report_checks() {
    let (rubric, base) = discretion_unit();
    let mut names: Vec<String> = FORMULAS.iter().map(|s| s.to_string()).collect();
    names.extend(REASONS.iter().map(|s| s.to_string()));
    names.extend(
        [
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "a|b",
            "\t=1",
            "\r\n+1",
            "",
            "_x001B_",
        ]
        .map(String::from),
    );
    let reasons: Vec<String> = REASONS.iter().map(|s| s.to_string()).collect();
    let units = hostile_units(&base, &names, &reasons);
    check_reports(&rubric, &units).unwrap();
}

/// Any character at all, with the hostile ones often.
fn any_text() -> impl Strategy<Value = String> {
    let hostile = prop::sample::select(vec![
        '=', '+', '-', '@', '＝', '＋', '－', '＠', ' ', '\t', '\r', '\n', '\u{0}', '\u{7}',
        '\u{8}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{200f}',
        '\u{61c}', '\u{2028}', '<', '>', '&', '[', ']', '(', ')', '|', '\\', '*', '`', '#', '"',
        '\'', '_', '甲', 'x',
    ]);
    let any = any::<char>();
    prop::collection::vec(prop_oneof![3 => hostile, 1 => any], 0..24)
        .prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The fuzz target `report_writers`'s check, on random names and reasons.
    #[test]
    fn reports_neutralise_any_name_and_reason(
        names in prop::collection::vec(any_text(), 1..4),
        reasons in prop::collection::vec(any_text(), 1..3),
    ) {
        let (rubric, base) = discretion_unit();
        let units = hostile_units(&base, &names, &reasons);
        if let Err(e) = check_reports(&rubric, &units) {
            prop_assert!(false, "{}", e);
        }
    }
}

/// A rule file from another office with hidden characters in its title, texts and a
/// fact's description: `kaohe template`'s TOML form shows them as escapes, in comments
/// and in quoted strings alike, and stays a TOML document that reads back.
#[test]
fn the_evidence_form_shows_nothing_hidden_of_the_rule_file() {
    let rule = "rubric \"表\u{1b}]0;x\u{7}\"\ntotal 10\nsection 甲 10 {\n  text \"说明\u{1b}[2J\u{202e}\"\n  item 乙 10 {\n    text \"细则\u{8}\u{85}\"\n    fact 有 bool \"情形\u{1b}[31m\u{2028}\"\n    if 有 zero\n  }\n}\n";
    let source = kaohe::source::SourceFile::new("a.rule", rule);
    let rubric = kaohe::check::compile(&source).rubric.expect("compiles");
    let form = kaohe::report::template_toml(&rubric);
    assert!(
        !form.chars().any(|c| c != '\n' && kaohe::safe::is_hidden(c)),
        "{form}"
    );
    assert!(form.contains("\\u{1b}[2J"), "{form}");
    let value: toml::Value = toml::from_str(&form).expect("the form is TOML");
    assert!(value.get("unit").is_some(), "{form}");
}
