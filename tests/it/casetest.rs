//! `kaohe test`: the repository's example cases pass; changing one expectation makes
//! the run fail and name the item with its trace; malformed expectations are
//! diagnostics with their place, and do not stop the other cases.

use crate::common;
use crate::run;

use std::path::Path;

use kaohe::cases::{self, Target, Value};
use kaohe::check::{compile, Rubric};
use kaohe::evidence::{read, Format};
use kaohe::source::SourceFile;
use run::{kaohe, stderr, stdout};

const COUNTY: &str = "rules/jiangmen-2020/county.rule";
const DEPARTMENT: &str = "rules/jiangmen-2020/department.rule";

fn scratch(name: &str) -> common::Scratch {
    common::Scratch::new(&format!("casetest-{name}"))
}

fn rubric(path: &str) -> Rubric {
    let text = std::fs::read_to_string(path).expect("rule file");
    compile(&SourceFile::new(path, text))
        .rubric
        .expect("a clean rubric")
}

fn case(rubric: &Rubric, text: &str) -> Result<cases::Case, Vec<kaohe::diagnostic::Diagnostic>> {
    let source = SourceFile::new("case.toml", text);
    let node = read(&source, Format::Toml).map_err(|d| vec![d])?;
    cases::from_tree(rubric, &source, &node)
}

#[test]
fn the_example_cases_pass() {
    for (rule, folder) in [
        (COUNTY, "examples/jiangmen-2020/cases/county"),
        (DEPARTMENT, "examples/jiangmen-2020/cases/department"),
    ] {
        let o = kaohe(&["test", rule, folder]);
        assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
        let out = stdout(&o);
        assert_eq!(out.matches(": ok, ").count(), 3, "{out}");
        assert!(
            out.ends_with("\ntest result: ok. 3 passed, 0 failed\n"),
            "{out}"
        );
        assert_eq!(stderr(&o), "");
    }
}

#[test]
fn the_example_cases_pin_every_section_and_the_hand_computed_totals() {
    let r = rubric(DEPARTMENT);
    let c = cases::load(
        &r,
        Path::new("examples/jiangmen-2020/cases/department/yanjiushi.toml"),
    )
    .expect("a valid case");
    assert_eq!(c.unit.name, "市政府研究室");
    let total = c
        .expectations
        .iter()
        .find(|e| e.target == Target::Total)
        .expect("total");
    assert_eq!(
        total.value,
        Value::Score(rust_decimal::Decimal::new(7927, 2))
    );
    let sections = c
        .expectations
        .iter()
        .filter(|e| matches!(e.target, Target::Section(_)))
        .count();
    assert_eq!(sections, 5);
    let not_applicable = c
        .expectations
        .iter()
        .filter(|e| e.value == Value::NotApplicable)
        .count();
    assert_eq!(not_applicable, 3);
}

#[test]
fn a_changed_expectation_fails_and_names_the_item() {
    let dir = scratch("changed");
    let original =
        std::fs::read_to_string("examples/jiangmen-2020/cases/county/taishan.toml").expect("case");
    assert!(original.contains("\n\"决策公开\" = 3\n"));
    std::fs::write(
        dir.join("taishan.toml"),
        original.replace("\n\"决策公开\" = 3\n", "\n\"决策公开\" = 4\n"),
    )
    .expect("write");
    std::fs::copy(
        "examples/jiangmen-2020/cases/county/enping.toml",
        dir.join("enping.toml"),
    )
    .expect("copy");
    let o = kaohe(&["test", COUNTY, dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let line = original
        .lines()
        .position(|l| l == "\"决策公开\" = 3")
        .expect("line")
        + 1;
    let expected = format!(
        "(台山市): FAILED, 1 of 25 expectations missed\n  决策公开: expected 4, got 3 (-1)  [taishan.toml:{line}]\n    item 决策公开: 3 of 4  [county.rule:56]\n      line 64: per 未标记失效文件数 -1\n        未标记失效文件数 = 1  →  3 (1 found: -1)\n"
    );
    assert!(out.contains(&expected), "{out}");
    assert!(out.contains("(恩平市): ok, 29 expectations met\n"), "{out}");
    assert!(
        out.ends_with("\ntest result: FAILED. 1 passed, 1 failed\n"),
        "{out}"
    );
}

#[test]
fn a_changed_total_or_section_lists_the_items_below_their_points() {
    let dir = scratch("total");
    let original =
        std::fs::read_to_string("examples/jiangmen-2020/cases/department/yanjiushi.toml")
            .expect("case");
    let changed = original
        .replace("total = 79.27\n", "total = 79.26\n")
        .replace("\n\"机制保障\" = 6\n", "\n\"机制保障\" = 10\n");
    std::fs::write(dir.join("yanjiushi.toml"), changed).expect("write");
    let o = kaohe(&["test", DEPARTMENT, dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("  total: expected 79.26, got 79.27 (+0.01)"),
        "{out}"
    );
    assert!(
        out.contains("    折分处理: earned 65 of the 82 applicable points, × 100 ÷ 82, rounded\n"),
        "{out}"
    );
    assert!(out.contains("  机制保障: expected 10, got 6 (-4)"), "{out}");
    assert!(
        out.contains("    items below their points: 听取汇报 0 of 4\n"),
        "{out}"
    );
}

#[test]
fn not_applicable_is_an_expectation_of_its_own() {
    let dir = scratch("na");
    let original =
        std::fs::read_to_string("examples/jiangmen-2020/cases/department/yanjiushi.toml")
            .expect("case");
    let changed = original.replace("\"服务公开\" = 5\n", "\"服务公开\" = \"不适用\"\n");
    std::fs::write(dir.join("yanjiushi.toml"), changed).expect("write");
    let o = kaohe(&["test", DEPARTMENT, dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("  服务公开: expected 不适用, got 5  ["),
        "{}",
        stdout(&o)
    );
}

#[test]
fn malformed_expectations_are_placed_diagnostics() {
    let r = rubric(COUNTY);
    let evidence =
        std::fs::read_to_string("examples/jiangmen-2020/county/pengjiang.toml").expect("evidence");
    let text = format!(
        "{evidence}\n[expect]\ntotal = \"很高\"\n\"决策公开x\" = 1\n\"主动公开\" = \"不适用\"\n\"决策公开\" = -1\n\"服务公开\" = 2\n\"服务公开 \" = 2\n"
    );
    let ds = case(&r, &text).expect_err("malformed");
    let found: Vec<(&str, String)> = ds
        .iter()
        .map(|d| {
            let l = d.labels[0].span;
            (d.code, text[l.start..l.end].to_string())
        })
        .collect();
    assert_eq!(
        found,
        [
            ("kaohe::test::expect", "\"很高\"".to_string()),
            ("kaohe::test::unknown", "\"决策公开x\"".to_string()),
            ("kaohe::test::expect", "\"不适用\"".to_string()),
            ("kaohe::test::expect", "-1".to_string()),
            ("kaohe::test::unknown", "\"服务公开 \"".to_string()),
        ]
    );
    assert_eq!(ds[1].help.as_deref(), Some("did you mean `决策公开`?"));
    for d in &ds {
        assert!(d.help.is_some() && d.source.is_some());
        assert!(!d.message.ends_with('.') && d.message.starts_with(char::is_lowercase));
    }
}

#[test]
fn a_case_must_pin_something() {
    let r = rubric(COUNTY);
    let evidence =
        std::fs::read_to_string("examples/jiangmen-2020/county/pengjiang.toml").expect("evidence");
    let ds = case(&r, &evidence).expect_err("no [expect]");
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].code, "kaohe::test::no_expectation");
    let ds = case(&r, &format!("{evidence}\n[expect]\n")).expect_err("empty [expect]");
    assert_eq!(ds[0].code, "kaohe::test::no_expectation");
    let ds = case(&r, &format!("expect = 3\n{evidence}")).expect_err("not a table");
    assert_eq!(ds[0].code, "kaohe::test::expect");
}

#[test]
fn evidence_problems_and_expectation_problems_come_together_and_other_cases_run() {
    let dir = scratch("invalid");
    let evidence =
        std::fs::read_to_string("examples/jiangmen-2020/county/pengjiang.toml").expect("evidence");
    let bad = evidence.replace("\"指南不规范条数\" = 1", "\"指南不规范条数\" = -1")
        + "\n[expect]\n\"没有这个\" = 1\n";
    std::fs::write(dir.join("a-bad.toml"), bad).expect("write");
    std::fs::copy(
        "examples/jiangmen-2020/cases/county/pengjiang.toml",
        dir.join("b-good.toml"),
    )
    .expect("copy");
    let o = kaohe(&[
        "test",
        COUNTY,
        dir.to_str().expect("utf-8"),
        "--message-format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let codes: Vec<String> = stderr(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["code"]
                .as_str()
                .expect("code")
                .to_string()
        })
        .collect();
    assert_eq!(codes, ["kaohe::evidence::value", "kaohe::test::unknown"]);
    let out = stdout(&o);
    assert!(
        out.contains("a-bad.toml: not run, 2 problems (see the diagnostics)\n"),
        "{out}"
    );
    assert!(out.contains("(蓬江区): ok, 13 expectations met\n"), "{out}");
    assert!(out.ends_with("test result: FAILED. 1 passed, 0 failed, 1 not run (invalid case files, see the diagnostics)\n"), "{out}");
}

#[test]
fn json_cases_work_too() {
    let dir = scratch("json");
    let path = dir.join("case.json");
    std::fs::write(
        &path,
        r#"{
  "unit": "示例区",
  "决策公开": { "未标记数": 2 },
  "服务公开": { "不规范条数": 0 },
  "依申请公开": { "逾期": true },
  "加分项": { "获表彰": true },
  "expect": { "total": 12, "主动公开": 7, "政务公开": 7, "决策公开": 3, "依申请公开": 0 }
}
"#,
    )
    .expect("write");
    let o = kaohe(&[
        "test",
        "tests/render/nested.rule",
        path.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("(示例区): ok, 5 expectations met\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_spreadsheet_is_not_a_case() {
    let o = kaohe(&["test", COUNTY, "tests/diff/spreadsheet/county.csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("kaohe::test::expect"), "{}", stderr(&o));
    assert!(stderr(&o).contains("is a spreadsheet, and a case is a TOML or JSON file"));
}

#[test]
fn a_changed_section_lists_its_items_in_the_rule_files_order() {
    // A section with two subsections, each with an item below its points: they are
    // listed as the file declares them (the last subsection was once listed first).
    let dir = scratch("order");
    let rule = dir.join("order.rule");
    std::fs::write(
        &rule,
        "rubric 顺序\ntotal 6\nyear 2020\nsection 甲 6 {\n  item 甲一 2 { fact 错 count \"错\"  per 错 -1 floor 0 }\n  \
         section 乙 2 { item 乙一 2 { fact 错 count \"错\"  per 错 -1 floor 0 } }\n  \
         section 丙 2 { item 丙一 2 { fact 错 count \"错\"  per 错 -1 floor 0 } }\n}\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("case.toml"),
        "unit = \"单位\"\n[\"甲一\"]\n\"错\" = 1\n[\"乙一\"]\n\"错\" = 1\n[\"丙一\"]\n\"错\" = 1\n\
         [expect]\n\"甲\" = 6\n",
    )
    .expect("write");
    let o = kaohe(&[
        "test",
        rule.to_str().expect("utf-8"),
        dir.join("case.toml").to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("    items below their points: 甲一 1 of 2, 乙一 1 of 2, 丙一 1 of 2\n"),
        "{out}"
    );
}

#[test]
fn misses_are_listed_in_the_rule_file_order() {
    let dir = scratch("misses-order");
    let original =
        std::fs::read_to_string("examples/jiangmen-2020/cases/county/taishan.toml").expect("case");
    // The case lists the section 依申请公开 before the item 决策公开; the rule file has
    // the item first.
    let changed = original
        .replace("\n\"依申请公开\" = 8\n", "\n\"依申请公开\" = 9\n")
        .replace("\n\"决策公开\" = 3\n", "\n\"决策公开\" = 4\n");
    std::fs::write(dir.join("taishan.toml"), changed).expect("write");
    let o = kaohe(&["test", COUNTY, dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let item = out.find("  决策公开: expected 4").expect("the item's miss");
    let section = out
        .find("  依申请公开: expected 9")
        .expect("the section's miss");
    assert!(item < section, "{out}");
}

#[test]
fn json_messages_leave_the_stream_to_json() {
    let dir = scratch("json-messages");
    std::fs::write(dir.join("bad.toml"), "unit = \"甲市\"\n[\"没有的指标\"]\n").expect("write");
    let o = kaohe(&[
        "test",
        COUNTY,
        dir.to_str().expect("utf-8"),
        "--message-format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(!err.is_empty());
    for line in err.lines() {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_ok(),
            "not JSON: {line}"
        );
    }
}
