//! The illustrative 2023 rubric of discretion and deadlines
//! (rules/examples/discretion-2023.rule), scored against its example units. Each unit's
//! hand computation stands at the top of its evidence file and again here; the trace
//! and the Chinese 扣分说明 are checked where they name what happened.

mod common;

use std::path::Path;

use common::d;
use kaohe::check::compile;
use kaohe::eval::{evaluate, Sheet};
use kaohe::evidence::load;
use kaohe::locale::Lang;
use kaohe::model::SectionKind;
use kaohe::report::Narrator;
use kaohe::source::SourceFile;
use rust_decimal::Decimal;

const RULE: &str = "rules/examples/discretion-2023.rule";

fn rubric() -> kaohe::check::Rubric {
    let text = std::fs::read_to_string(RULE).unwrap();
    let checked = compile(&SourceFile::new(RULE, text));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    checked.rubric.unwrap()
}

fn sheet(name: &str) -> Sheet {
    let r = rubric();
    let unit = load(&r, Path::new(&format!("examples/discretion/{name}.toml")))
        .unwrap_or_else(|e| panic!("{e:?}"));
    evaluate(&r, &unit).unwrap()
}

fn subtotals(s: &Sheet) -> Vec<Decimal> {
    s.categories.iter().map(|c| c.score).collect()
}

/// The Chinese 扣分说明 of one item of a unit.
fn said(s: &Sheet, item: &str) -> Vec<String> {
    let r = rubric();
    Narrator::new(&r, Lang::Zh).item(common::item(s, item), SectionKind::Regular)
}

#[test]
fn jia() {
    // 年报和统计表 10 (both by 2023-01-31; the 31st itself is on time): total 10.
    let s = sheet("jia");
    assert_eq!(subtotals(&s), ["10"].map(d));
    assert_eq!(s.score, d("10"));
    assert!(common::item(&s, "年报和统计表").trace.is_empty());
}

#[test]
fn yi() {
    // 年报和统计表: both late, 10 − 2 = 8 (taken once, not twice): total 8.
    let s = sheet("yi");
    assert_eq!(subtotals(&s), ["8"].map(d));
    assert_eq!(s.score, d("8"));
    let item = common::item(&s, "年报和统计表");
    assert_eq!(item.trace.len(), 1);
    let note = item.trace[0].note_en();
    assert!(
        note.contains("统计表日期 2023-02-10 is after the deadline 2023-01-31"),
        "{note}"
    );
    assert!(note.contains("年报日期 2023-02-03"), "{note}");
    assert_eq!(
        said(&s, "年报和统计表"),
        [
            "公开政府信息公开工作年度报告:于2023年2月3日完成,晚于2023年1月31日;\
          公开年度报告统计表:于2023年2月10日完成,晚于2023年1月31日,扣2分。"
        ]
    );
}

#[test]
fn bing() {
    // 年报和统计表: 统计表 never published, 不得分 (the late 年报 adds nothing): 0.
    let s = sheet("bing");
    assert_eq!(subtotals(&s), ["0"].map(d));
    assert_eq!(s.score, d("0"));
    let said = said(&s, "年报和统计表");
    assert!(
        said[0].contains("公开年度报告统计表:未在2023年1月31日前完成,不得分"),
        "{said:?}"
    );
}

#[test]
fn a_deadline_over_two_dates_takes_never_before_late_and_once() {
    let r = common::rubric(
        "rubric 表\ntotal 5\nyear 2023\nsection 甲 5 {\n  item 乙 5 {\n\
         fact 甲日 date \"甲\"\n    fact 乙日 date \"乙\"\n\
         deadline {甲日、乙日} by 2023-01-31 late -2 never -5\n  }\n}\n",
    );
    // (甲日, 乙日) → score: on time, one late, both late, one never, both never.
    for (a, b, score) in [
        ("2023-01-31", "2023-01-01", "5"),
        ("2023-02-01", "2023-01-01", "3"),
        ("2023-02-01", "2023-03-01", "3"),
        ("2023-01-01", "false", "0"),
        ("2023-02-01", "false", "0"),
        ("false", "false", "0"),
    ] {
        let s = common::sheet(
            &r,
            &format!("unit = \"单位\"\n[\"乙\"]\n\"甲日\" = {a}\n\"乙日\" = {b}\n"),
        );
        assert_eq!(s.score, d(score), "{a} {b}");
    }
}
