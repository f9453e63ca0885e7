//! The illustrative 2023 rubric of discretion and deadlines
//! (rules/examples/discretion-2023.rule), scored against its example units. Each unit's
//! hand computation stands at the top of its evidence file and again here; the trace
//! and the Chinese 扣分说明 are checked where they name what happened.

use crate::common;
use crate::run;

use common::d;
use kaohe::eval::{evaluate, Sheet};
use kaohe::locale::Lang;
use kaohe::model::SectionKind;
use kaohe::report::Narrator;
use kaohe::source::SourceFile;
use rust_decimal::Decimal;

const RULE: &str = "rules/examples/discretion-2023.rule";

fn rubric() -> kaohe::check::Rubric {
    common::example_rubric(RULE)
}

fn sheet(name: &str) -> Sheet {
    common::example_sheet(&rubric(), "discretion", name)
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
    // 年报和统计表 10 (both by 2023-01-31; the 31st itself is on time); 制度建设 4 (制度
    // followed: the discretionary score is left out of the evidence, and not needed);
    // 工作成效 judged 6 of 6; 栏目更新 10 (no gap over its limit): total 10 + 10 + 10 = 30.
    let s = sheet("jia");
    assert_eq!(subtotals(&s), ["10", "10", "10"].map(d));
    assert_eq!(s.score, d("30"));
    assert!(common::item(&s, "栏目更新").trace.is_empty());
    assert!(common::item(&s, "年报和统计表").trace.is_empty());
    assert!(common::item(&s, "制度建设").trace.is_empty());
    // All 6 given: the step is still told, with its reason, and takes nothing.
    let judged = common::item(&s, "工作成效");
    assert_eq!(judged.score, Some(d("6")));
    assert_eq!(judged.trace[0].delta, d("0"));
    assert_eq!(
        said(&s, "工作成效"),
        ["根据实际情况评分,得6分(满分6分,理由:培训、解读、回应均达到要求)。"]
    );
}

#[test]
fn yi() {
    // 年报和统计表: both late, 10 − 2 = 8 (taken once, not twice); 制度建设: not followed,
    // 1.5 of 2 given, 4 − 0.5 = 3.5; 工作成效 judged 4.5; 栏目更新 10 − 4 − 2 = 4:
    // total 8 + 8 + 4 = 20.
    let s = sheet("yi");
    assert_eq!(subtotals(&s), ["8", "8", "4"].map(d));
    assert_eq!(s.score, d("20"));
    let columns = common::item(&s, "栏目更新");
    // 动态: gaps 9, 41, 9, 153, 122 and 30 days, four over 15.
    let note = columns.trace[0].note_en();
    assert!(note.starts_with("4 over 15 days"), "{note}");
    assert!(note.contains("2023-01-10 → 2023-02-20: 41 days"), "{note}");
    assert!(note.contains("2023-12-01 → 2023-12-31: 30 days"), "{note}");
    // 常规: gaps 104, 168 and 92 days; 92 is not over 92.
    let note = columns.trace[1].note_en();
    assert!(note.starts_with("2 over 92 days"), "{note}");
    assert!(!note.contains("2023-09-30 →"), "{note}");
    assert_eq!(
        said(&s, "栏目更新")[1],
        "常规栏目本年度的更新间隔超过92天2次(2023年1月1日至2023年4月15日,间隔104天;\
         2023年4月15日至2023年9月30日,间隔168天),每次扣1分,扣2分。"
    );
    let given = common::item(&s, "制度建设");
    assert_eq!(given.score, Some(d("3.5")));
    let note = given.trace[0].note_en();
    assert!(note.starts_with("1.5 of 2 given (制度已建立"), "{note}");
    assert!(note.ends_with("0.5 × -1 = -0.5"), "{note}");
    assert_eq!(
        said(&s, "制度建设"),
        ["未按制度实施政务公开工作,酌情给1.5分(理由:制度已建立, 但依申请公开登记未按制度执行)。"]
    );
    assert_eq!(common::item(&s, "工作成效").score, Some(d("4.5")));
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
    // 年报和统计表: 统计表 never published, 不得分 (the late 年报 adds nothing): 0;
    // 制度建设 4 − 2 − (2 − 0) = 0; 工作成效 judged 2; 栏目更新 0 (动态 never updated,
    // one gap of the whole year, over 180 days: 不得分): total 0 + 2 + 0 = 2.
    let s = sheet("bing");
    assert_eq!(subtotals(&s), ["0", "2", "0"].map(d));
    assert_eq!(s.score, d("2"));
    let columns = common::item(&s, "栏目更新");
    assert_eq!(columns.score, Some(d("0")));
    assert!(columns.trace[0]
        .note_en()
        .contains("2023-01-01 → 2023-12-31: 364 days"));
    let told = said(&s, "栏目更新");
    assert_eq!(
        told.last().map(String::as_str),
        Some("动态栏目本年度的更新有间隔超过180天或常规栏目本年度的更新有间隔超过180天,不得分。"),
        "{told:?}"
    );
    assert_eq!(common::item(&s, "制度建设").score, Some(d("0")));
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

#[test]
fn a_give_whose_condition_holds_needs_its_score_where_the_unit_is_named() {
    let r = rubric();
    let evidence = "unit = \"示例丁县\"\n\
        [\"年报和统计表\"]\n\"年报日期\" = 2023-01-02\n\"统计表日期\" = 2023-01-02\n\
        [\"制度建设\"]\n\"未建立制度\" = false\n\"未按制度实施\" = true\n\
        [\"工作成效\"]\n\"成效评分\" = { score = 3, reason = \"一般\" }\n\
        [\"栏目更新\"]\n\"动态更新\" = []\n\"常规更新\" = []\n";
    // Validation does not weigh the condition: the evidence is accepted...
    let unit = common::unit(&r, evidence).expect("valid without the discretionary score");
    // ...and scoring finds the condition holds and the score missing.
    let Err(d) = evaluate(&r, &unit) else {
        panic!("scored without the discretionary score")
    };
    assert_eq!(d.code, "kaohe::evidence::missing");
    assert!(d.message.contains("执行酌情分"), "{}", d.message);
    let label = &d.labels[0];
    assert_eq!(&evidence[label.span.start..label.span.end], "\"示例丁县\"");
}

#[test]
fn a_judgement_row_is_required_and_bounded() {
    let r = rubric();
    let without = "unit = \"示例戊县\"\n\
        [\"年报和统计表\"]\n\"年报日期\" = 2023-01-02\n\"统计表日期\" = 2023-01-02\n\
        [\"制度建设\"]\n\"未建立制度\" = false\n\"未按制度实施\" = false\n";
    let ds = common::unit(&r, without).expect_err("the judgement is always needed");
    assert!(ds
        .iter()
        .any(|d| d.code == "kaohe::evidence::missing" && d.message.contains("成效评分")));
    let over =
        format!("{without}[\"工作成效\"]\n\"成效评分\" = {{ score = 7, reason = \"好\" }}\n");
    let ds = common::unit(&r, &over).expect_err("7 is more than the 6 the assessor may give");
    assert!(
        ds.iter().any(|d| d.code == "kaohe::evidence::value"),
        "{ds:?}"
    );
}

#[test]
fn a_list_of_dates_in_one_text_names_the_piece_that_is_no_date() {
    let r = common::rubric(
        "rubric 表\ntotal 5\nyear 2023\nsection 甲 5 {\n  item 乙 5 {\n\
         fact 更新 dates \"栏目更新日期\"\n    per 更新 over 15 days -1 floor 0\n  }\n}\n",
    );
    let unit = |list: &str| {
        common::unit(
            &r,
            &format!("unit = \"单位\"\n[\"乙\"]\n\"更新\" = {list}\n"),
        )
    };
    let ds = unit("\"2023-01-10、2023-02-30; 2023-03-01\"").expect_err("no 30 February");
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].code, "kaohe::evidence::value");
    assert!(ds[0].message.contains("`2023-02-30`"), "{}", ds[0].message);
    let ds = unit("[2023-01-10, 2022-12-30]").expect_err("a date of another year");
    assert!(ds[0].message.contains("2022-12-30"), "{}", ds[0].message);
    // Written any of the ways a cell takes them, in any order: gaps of 9, 14, 15, 6 and
    // 320 days from 1 January to 31 December; one over 15: 5 − 1 = 4.
    let s = common::sheet(&r, "unit = \"单位\"\n[\"乙\"]\n\"更新\" = \"2023年1月24日, 2023/1/10;2023-02-08、2023-02-14\"\n");
    assert_eq!(s.score, d("4"));
    // Never: one gap, the whole year.
    let s = common::sheet(&r, "unit = \"单位\"\n[\"乙\"]\n\"更新\" = \"无\"\n");
    assert_eq!(s.score, d("4"));
}

#[test]
fn fmt_render_template_and_diff_know_the_new_constructs() {
    let text = std::fs::read_to_string(RULE).unwrap();
    // `fmt` leaves the canonical file as it is.
    let formatted = kaohe::formatter::format(&SourceFile::new(RULE, text.as_str())).unwrap();
    assert_eq!(formatted, text);
    // The form asks for the dates and says when the discretionary score is needed.
    let form = kaohe::report::template_toml_in(&rubric(), Lang::Zh);
    assert!(
        form.contains("# 动态更新: 一组日期,填 2023 年每一次的日期"),
        "{form}"
    );
    assert!(
        form.contains("#   只在 `未按制度实施` 成立时填写,否则不填"),
        "{form}"
    );
    assert!(
        form.contains("# 成效评分: 酌情评分,填 0 至 6 的分数并写明理由"),
        "{form}"
    );
    // `render` prints the rows as the table has them.
    let o = run::kaohe(&["render", "--lang", "zh", RULE]);
    let table = String::from_utf8(o.stdout).unwrap();
    assert!(
        table.contains("|  | 工作成效 | 6 | 根据政务公开工作的实际成效评分。 |"),
        "{table}"
    );
    // `diff` reports a change to each construct.
    let changed = text
        .replace("deadline {年报日期, 统计表日期}", "deadline 年报日期")
        .replace("if 未按制度实施 give 执行酌情分", "if 未按制度实施 -2")
        .replace("over 15 days", "over 31 days");
    let dir = common::Scratch::new("discretion");
    let new = dir.join("changed.rule");
    std::fs::write(&new, changed).unwrap();
    let o = run::kaohe(&["diff", RULE, new.to_str().unwrap()]);
    let report = String::from_utf8(o.stdout).unwrap();
    for line in [
        "- deadline {年报日期, 统计表日期} by 2023-01-31 late -2 never zero",
        "+ deadline 年报日期 by 2023-01-31 late -2 never zero",
        "- if 未按制度实施 give 执行酌情分",
        "+ if 未按制度实施 -2",
        "- per 动态更新 over 15 days -1 floor 0",
        "+ per 动态更新 over 31 days -1 floor 0",
    ] {
        assert!(report.contains(line), "{line}\n{report}");
    }
}

#[test]
fn the_new_evidence_mistakes_in_both_languages() {
    let run = |lang: &str, evidence: &str| {
        let o = run::kaohe(&["eval", "--lang", lang, RULE, evidence]);
        assert_eq!(o.status.code(), Some(1), "{evidence} must be refused");
        String::from_utf8(o.stderr).unwrap()
    };
    // A date of the list that does not exist: validation, at the text.
    let zh = run("zh", "tests/discretion/bad-date.toml");
    assert!(
        zh.contains("`动态更新` 的日期中,`2023-02-30` 不是日期"),
        "{zh}"
    );
    let en = run("en", "tests/discretion/bad-date.toml");
    assert!(
        en.contains("`2023-02-30` in the dates of `动态更新` is not a date"),
        "{en}"
    );
    // The discretionary score of a `give` whose condition holds: scoring, at the unit.
    let zh = run("zh", "tests/discretion/lacks-score.toml");
    assert!(
        zh.contains("`制度建设` 需要酌情分 `执行酌情分`:本单位符合给分的条件"),
        "{zh}"
    );
    assert!(zh.contains("本单位的证据"), "{zh}");
    let en = run("en", "tests/discretion/lacks-score.toml");
    assert!(
        en.contains("`制度建设` needs the discretionary score `执行酌情分`"),
        "{en}"
    );
}
