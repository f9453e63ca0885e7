//! Diagnostics in both languages, as `kaohe` prints them: a few broken rubrics of
//! `tests/ui/` (points that do not add up, a fact not declared, a syntax error) and
//! evidence with mistakes (`tests/ui_lang/`), run with `--lang zh` and `--lang en`,
//! with `KAOHE_LANG=zh`, and under a Chinese system locale (`LANG=zh_CN.UTF-8`). The
//! codes stay the same in both languages; the messages, labels, helps and the help's
//! heading follow the run's language, in the JSON lines too.
//!
//! Accept changed snapshots with `INSTA_UPDATE=always cargo test --test it ui_lang::`, then
//! read each one.

use std::process::Command;

/// How the language is chosen for a run.
#[derive(Clone, Copy)]
enum Choice {
    Flag(&'static str),
    KaoheLang(&'static str),
    Locale(&'static str),
}

/// What `kaohe` printed on stderr, run with `args` (a subcommand and its arguments)
/// in the language `choice` gives, with every other variable that chooses a language
/// removed.
fn run(choice: Choice, args: &[&str]) -> String {
    run_in(choice, None, args)
}

/// [`run`], in the folder `dir` when one is given.
fn run_in(choice: Choice, dir: Option<&std::path::Path>, args: &[&str]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kaohe"));
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    for name in ["KAOHE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    let mut args = args.to_vec();
    match choice {
        // `--lang` belongs to the subcommand: `kaohe check --lang zh FILE`.
        Choice::Flag(lang) => {
            args.splice(1..1, ["--lang", lang]);
        }
        Choice::KaoheLang(lang) => {
            command.env("KAOHE_LANG", lang);
        }
        Choice::Locale(locale) => {
            command.env("LANG", locale);
        }
    }
    let output = command
        .args(&args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs kaohe");
    assert!(
        !output.status.success(),
        "a broken input must fail: {args:?}"
    );
    String::from_utf8(output.stderr).expect("utf-8")
}

/// `kaohe check` of a fixture of `tests/ui/` in the language `choice` gives; one that
/// only warns is checked with `--deny-warnings`.
fn check(choice: Choice, fixture: &str) -> String {
    let path = format!("tests/ui/{fixture}.rule");
    if WARNING_FIXTURES.contains(&fixture) {
        run(choice, &["check", "--deny-warnings", &path])
    } else {
        run(choice, &["check", &path])
    }
}

const FIXTURES: &[&str] = &[
    "points_sum",
    "undeclared",
    "missing_points",
    "fullwidth_minus",
    "columns_mismatch",
    "give_over_points",
    "pooled_kind",
    "uncapped_regular",
];

/// Fixtures that only warn: checked with `--deny-warnings`, so that they fail.
const WARNING_FIXTURES: &[&str] = &[
    "gain_always_cut",
    "fixed_deductions_exceed",
    "arith_unguarded_divisor",
    "paths_gain_cut",
    "pooled_idle",
    "min_idle",
];

#[test]
fn check_in_chinese_with_the_flag() {
    for fixture in FIXTURES.iter().chain(WARNING_FIXTURES) {
        insta::assert_snapshot!(format!("zh_{fixture}"), check(Choice::Flag("zh"), fixture));
    }
}

#[test]
fn check_in_english_with_the_flag() {
    for fixture in FIXTURES.iter().chain(WARNING_FIXTURES) {
        insta::assert_snapshot!(format!("en_{fixture}"), check(Choice::Flag("en"), fixture));
    }
}

#[test]
fn the_environment_chooses_chinese_as_the_flag_does() {
    for fixture in FIXTURES.iter().chain(WARNING_FIXTURES) {
        let flag = check(Choice::Flag("zh"), fixture);
        assert_eq!(check(Choice::KaoheLang("zh"), fixture), flag, "{fixture}");
        assert_eq!(
            check(Choice::Locale("zh_CN.UTF-8"), fixture),
            flag,
            "{fixture}"
        );
    }
    // The flag comes before the environment.
    let en = check(Choice::Flag("en"), "points_sum");
    let mut command = Command::new(env!("CARGO_BIN_EXE_kaohe"));
    let output = command
        .env("KAOHE_LANG", "zh")
        .env("NO_COLOR", "1")
        .args(["check", "--lang", "en", "tests/ui/points_sum.rule"])
        .output()
        .expect("runs kaohe");
    assert_eq!(String::from_utf8(output.stderr).expect("utf-8"), en);
}

#[test]
fn an_english_locale_gives_english() {
    assert_eq!(
        check(Choice::Locale("en_US.UTF-8"), "points_sum"),
        check(Choice::Flag("en"), "points_sum")
    );
}

#[test]
fn evidence_with_mistakes_in_both_languages() {
    let args = ["eval", "tests/ui_lang/unit.rule", "tests/ui_lang/unit.toml"];
    insta::assert_snapshot!("zh_evidence", run(Choice::Flag("zh"), &args));
    insta::assert_snapshot!("en_evidence", run(Choice::Flag("en"), &args));
}

#[test]
fn json_lines_carry_the_message_in_the_run_language() {
    let args = [
        "check",
        "--message-format",
        "json",
        "tests/ui/points_sum.rule",
    ];
    let zh = run(Choice::Flag("zh"), &args);
    let en = run(Choice::Flag("en"), &args);
    insta::assert_snapshot!("zh_json_points_sum", zh);
    let zh: serde_json::Value = serde_json::from_str(zh.trim()).expect("one JSON line");
    let en: serde_json::Value = serde_json::from_str(en.trim()).expect("one JSON line");
    // The code, the file and the places are the same; only the words differ.
    for key in ["code", "severity", "file", "span", "line", "column"] {
        assert_eq!(zh[key], en[key], "{key}");
    }
    assert_eq!(
        en["message"],
        "the items of `依申请公开` add up to 8, not 12"
    );
    assert_eq!(
        zh["message"],
        "指标 `依申请公开` 的分值为 12 分,其下各项合计 8 分"
    );
}

/// A draft table scored without `--draft`: its sums and its `draft` line as warnings,
/// then the refusal, in both languages.
#[test]
fn a_draft_refused_in_both_languages() {
    let args = [
        "eval",
        "tests/ui/draft_sums.rule",
        "tests/ui_lang/unit.toml",
    ];
    insta::assert_snapshot!("zh_draft_refused", run(Choice::Flag("zh"), &args));
    insta::assert_snapshot!("en_draft_refused", run(Choice::Flag("en"), &args));
}

/// `kaohe eval` of the sheet's rubric (`tests/ui_lang/sheet.rule`) and `evidence`, run
/// in `dir` (so that the messages name the evidence as given), in the language
/// `choice` gives.
fn eval_sheet(choice: Choice, dir: &std::path::Path, evidence: &str) -> String {
    let rule = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ui_lang/sheet.rule");
    run_in(choice, Some(dir), &["eval", rule, evidence])
}

/// A CSV file of evidence with the mistakes an office makes cell by cell: a yes or no,
/// a count and a member spelled so that they are not read, a day that does not exist,
/// a percentage above 100, a row without its unit, blank cells, a unit twice, a value
/// under no header, a column the rubric does not have and a row of totals. Every
/// problem names its cell, row and column, in both languages; the percentage's help
/// says what to write in the cell, not the TOML example the evidence's validation
/// gives.
#[test]
fn a_csv_file_with_mistakes_in_both_languages() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ui_lang"));
    let zh = eval_sheet(Choice::Flag("zh"), dir, "sheet.csv");
    let en = eval_sheet(Choice::Flag("en"), dir, "sheet.csv");
    // The places are the same in both languages: the cells as Excel names them.
    for cell in ["B3", "C2", "D2", "E3", "A4", "H5"] {
        assert!(zh.contains(cell) && en.contains(cell), "{cell}");
    }
    assert!(
        zh.contains("单元格 C2(第 2 行,`服务公开/指南不规范条数` 列):`指南不规范条数` 应填写整数,不是 `三条`"),
        "{zh}"
    );
    assert!(
        en.contains("cell C2 (row 2, column `服务公开/指南不规范条数`): `指南不规范条数` must be a whole number, not `三条`"),
        "{en}"
    );
    assert!(
        zh.contains("`按时率` 不是 0 至 100 之间的百分比")
            && zh.contains("帮助: 百分比填写数字,3.5% 填 `3.5`,也可填 `3.5%`"),
        "{zh}"
    );
    assert!(
        en.contains("help: write the percentage as a number, `3.5` for 3.5%, or as `3.5%`"),
        "{en}"
    );
    assert!(!zh.contains("\"按时率\" =") && !en.contains("\"按时率\" ="));
    insta::assert_snapshot!("zh_sheet_csv", zh);
    insta::assert_snapshot!("en_sheet_csv", en);
}

/// A workbook of evidence with mistakes a workbook's cells make: a number with a
/// fraction for a count, a dash for none, Excel's day number 60 (1900-02-29, a day that
/// never was) in a date cell, month 13, a member not in the list and a unit's name
/// with spaces, under a header without the column of `网站更新/按时率`; the sheet is
/// named in every place, and a second sheet with an evidence header is said to be
/// left unread.
#[test]
fn a_workbook_with_mistakes_in_both_languages() {
    use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut ws = Worksheet::new();
    ws.set_name("证据").expect("a sheet name");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_string(0, 0, "测试考核表 证据").expect("writes");
    let header = [
        "单位",
        "决策预公开/未做意见征集",
        "服务公开/指南不规范条数",
        "应急预案/预案发布日期",
        "答复规范/答复书要素",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(1, c as u16, *h).expect("writes");
    }
    // 示例甲县: a count of 2.5, and the day number 60 in a date cell.
    ws.write_string(2, 0, "示例甲县").expect("writes");
    ws.write_boolean(2, 1, true).expect("writes");
    ws.write_number(2, 2, 2.5).expect("writes");
    ws.write_number_with_format(2, 3, 60.0, &date)
        .expect("writes");
    ws.write_string(2, 4, "标题").expect("writes");
    // 示例乙县: a dash for none, and a member the list does not have.
    ws.write_string(3, 0, "示例乙县").expect("writes");
    ws.write_string(3, 1, "否").expect("writes");
    ws.write_string(3, 2, "-").expect("writes");
    ws.write_number_with_format(3, 3, 44166.0, &date)
        .expect("writes");
    ws.write_string(3, 4, "标题、全部").expect("writes");
    // 示例丙县, typed with spaces: month 13.
    ws.write_string(4, 0, "示例 丙县").expect("writes");
    ws.write_string(4, 1, "否").expect("writes");
    ws.write_number(4, 2, 1.0).expect("writes");
    ws.write_string(4, 3, "2020.13.01").expect("writes");
    ws.write_string(4, 4, "标题、文号").expect("writes");
    // The total, passed over with a warning.
    ws.write_string(5, 0, "合计").expect("writes");
    ws.write_formula(5, 2, Formula::new("=SUM(C3:C5)").set_result("1"))
        .expect("writes");
    // A second sheet with an evidence header, not read unless named.
    let mut second = Worksheet::new();
    second.set_name("第二批").expect("a sheet name");
    for (c, h) in header.iter().enumerate() {
        second.write_string(0, c as u16, *h).expect("writes");
    }
    let mut book = Workbook::new();
    book.push_worksheet(ws);
    book.push_worksheet(second);
    book.save(dir.path().join("sheet.xlsx")).expect("saves");

    let zh = eval_sheet(Choice::Flag("zh"), dir.path(), "sheet.xlsx");
    let en = eval_sheet(Choice::Flag("en"), dir.path(), "sheet.xlsx");
    assert!(
        zh.contains("工作表 `证据` 单元格 D3(第 3 行,`应急预案/预案发布日期` 列)"),
        "{zh}"
    );
    assert!(
        en.contains("sheet `证据`, cell D3 (row 3, column `应急预案/预案发布日期`)"),
        "{en}"
    );
    insta::assert_snapshot!("zh_sheet_xlsx", zh);
    insta::assert_snapshot!("en_sheet_xlsx", en);
}

/// `kaohe eval` of the rubric `tests/ui_lang/periods.rule`, in `dir`.
fn eval_periods(choice: Choice, dir: &std::path::Path, evidence: &str) -> String {
    let rule = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ui_lang/periods.rule");
    run_in(choice, Some(dir), &["eval", rule, evidence])
}

/// A CSV file cannot give a `periods` fact: said once, at the header, with a help
/// that points to the workbook's sheet of its own, in both languages.
#[test]
fn a_csv_file_cannot_give_periods_in_both_languages() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ui_lang"));
    let zh = eval_periods(Choice::Flag("zh"), dir, "periods.csv");
    let en = eval_periods(Choice::Flag("en"), dir, "periods.csv");
    assert!(
        en.contains("`periods.csv` cannot give `答复时限/申请`, a periods fact"),
        "{en}"
    );
    assert!(
        zh.contains("`periods.csv` 无法填写 `答复时限/申请`"),
        "{zh}"
    );
    for out in [&zh, &en] {
        assert!(out.contains("`答复时限-申请`"), "{out}");
        assert_eq!(
            out.matches("kaohe::evidence::cell_type").count(),
            1,
            "{out}"
        );
    }
    insta::assert_snapshot!("zh_periods_csv", zh);
    insta::assert_snapshot!("en_periods_csv", en);
}

/// A workbook whose periods sheet has the mistakes of such a sheet: a reply left
/// blank, a day received written `否`, a reply before its request, a unit the units'
/// sheet does not have and a row without a unit; each at its cell, in both languages.
#[test]
fn a_periods_sheet_with_mistakes_in_both_languages() {
    use rust_xlsxwriter::{Workbook, Worksheet};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut units = Worksheet::new();
    units.set_name("证据").expect("a sheet name");
    for (r, row) in [
        ["单位", "答复规范/答复不规范"],
        ["示例甲县", "否"],
        ["示例乙县", "是"],
    ]
    .iter()
    .enumerate()
    {
        for (c, text) in row.iter().enumerate() {
            units
                .write_string(r as u32, c as u16, *text)
                .expect("writes");
        }
    }
    let mut periods = Worksheet::new();
    periods.set_name("答复时限-申请").expect("a sheet name");
    let rows: [[&str; 3]; 6] = [
        ["单位", "收到日期", "答复日期"],
        ["示例甲县", "2020-03-02", ""],
        ["示例甲县", "否", "2020-03-30"],
        ["示例乙县", "2020-05-10", "2020-05-08"],
        ["示例丙县", "2020-06-01", "2020-06-05"],
        ["", "2020-07-01", "2020-07-02"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                periods
                    .write_string(r as u32, c as u16, *text)
                    .expect("writes");
            }
        }
    }
    let mut book = Workbook::new();
    book.push_worksheet(units);
    book.push_worksheet(periods);
    book.save(dir.path().join("periods.xlsx")).expect("saves");

    let zh = eval_periods(Choice::Flag("zh"), dir.path(), "periods.xlsx");
    let en = eval_periods(Choice::Flag("en"), dir.path(), "periods.xlsx");
    for cell in ["C2", "B3", "C4", "A5", "A6"] {
        assert!(zh.contains(cell) && en.contains(cell), "{cell}");
    }
    assert!(
        en.contains("sheet `答复时限-申请`, cell C4 (row 4, column `答复日期`): the period ends before it begins"),
        "{en}"
    );
    assert!(
        zh.contains("工作表 `答复时限-申请` 单元格 C4(第 4 行,`答复日期` 列):时段的结束早于开始"),
        "{zh}"
    );
    insta::assert_snapshot!("zh_periods_xlsx", zh);
    insta::assert_snapshot!("en_periods_xlsx", en);
}
