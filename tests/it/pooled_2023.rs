//! The illustrative 2023 rubric of limits above the item (rules/examples/pooled-2023.rule:
//! a `pooled` first-level section, 二级指标的扣分可以超过本指标分值,但不超过所属一级指标的
//! 分值, a bonus without a cap, `bonus 表彰奖励 none`, and `total 30 max 36 min none`)
//! scored against its example units (examples/pooled/).
//! Each unit's hand computation stands at the top of its evidence file and again here.

use crate::common;

use std::path::Path;

use common::{cut_row as row, d, items_and_cuts};
use kaohe::check::{compile, Rubric};
use kaohe::eval::{evaluate, summarise, ClauseRef, Sheet};
use kaohe::evidence::load;
use kaohe::locale::Lang;
use kaohe::render::{markdown::markdown, Table};
use kaohe::report::{explain_in, markdown_in, outline};
use kaohe::source::SourceFile;
use rust_decimal::Decimal;

const RULE: &str = "rules/examples/pooled-2023.rule";

fn compiled(text: &str) -> Rubric {
    common::rubric_named(RULE, text)
}

fn text() -> String {
    std::fs::read_to_string(RULE).expect("the rule file")
}

fn rubric() -> Rubric {
    common::example_rubric(RULE)
}

fn sheet_of(r: &Rubric, name: &str) -> Sheet {
    common::example_sheet(r, "pooled", name)
}

fn sheet(name: &str) -> Sheet {
    sheet_of(&rubric(), name)
}

/// Each first-level section's score and, when its pooled limit cut, its parts' sum.
fn sections(s: &Sheet) -> Vec<(Decimal, Option<Decimal>)> {
    s.categories.iter().map(|c| (c.score, c.sum)).collect()
}

#[test]
fn jia_passes_no_section_limit_and_the_totals_most() {
    // 政策文件公开 8 − 2 = 6; 政策解读 12 − 3 = 9 → 信息发布 15; 答复规范 10 − 2 = 8;
    // 受表彰 5 × 3 = 15, no cap; 泄密事件 0. Total 15 + 8 + 15 + 0 = 38, kept at 36.
    let s = sheet("jia");
    assert_eq!(
        items_and_cuts(&s),
        [
            row("政策文件公开", "6", false),
            row("政策解读", "9", false),
            row("答复规范", "8", false),
            row("受表彰", "15", false),
            row("泄密事件", "0", false),
        ]
    );
    assert_eq!(
        sections(&s),
        [
            (d("15"), None),
            (d("8"), None),
            (d("15"), None),
            (d("0"), None)
        ]
    );
    assert_eq!(s.bonus, d("15"));
    assert_eq!(s.score, d("36"));
    assert_eq!(
        s.limited.as_deref(),
        Some("38 limited to the rubric's most, 36")
    );
    assert!(s.pooled_cuts().is_empty());
}

#[test]
fn yi_has_an_item_below_0_in_the_pooled_section() {
    // 政策文件公开 8 − 6 × 2 = −4, not kept at 0; 政策解读 12 − 2 × 3 = 6 → 信息发布 2;
    // 答复规范 10. Total 2 + 10 + 0 = 12.
    let s = sheet("yi");
    assert_eq!(
        items_and_cuts(&s),
        [
            row("政策文件公开", "-4", false),
            row("政策解读", "6", false),
            row("答复规范", "10", false),
            row("受表彰", "0", false),
            row("泄密事件", "0", false),
        ]
    );
    assert_eq!(
        sections(&s),
        [
            (d("2"), None),
            (d("10"), None),
            (d("0"), None),
            (d("0"), None)
        ]
    );
    assert_eq!(s.score, d("12"));
    // The trace still adds up: 8 − 12 = −4.
    let (_, item) = s.items()[0];
    let sum: Decimal = item.trace.iter().map(|t| t.delta).sum();
    assert_eq!(d("8") + sum, d("-4"));
}

#[test]
fn without_pooled_the_same_unit_keeps_each_item_at_0() {
    // The same file without `pooled`: 政策文件公开 stops at 0 (扣完为止), 信息发布
    // 0 + 6 = 6, total 6 + 10 = 16.
    let r = compiled(&text().replace("20 pooled {", "20 {"));
    let s = sheet_of(&r, "yi");
    assert_eq!(items_and_cuts(&s)[0], row("政策文件公开", "0", true));
    assert_eq!(s.categories[0].score, d("6"));
    assert_eq!(s.score, d("16"));
}

#[test]
fn bing_is_cut_by_every_limit_and_scores_below_0() {
    // 政策文件公开 8 − 10 = −2; 政策解读 12 − 24 = −12 → 信息发布 −14, kept at 0;
    // 答复规范 10 − 14 = −4 → 0 (扣完为止); 受表彰 5 × 3 = 15; 泄密事件 −20.
    // Total 0 + 0 + 15 − 20 = −5.
    let s = sheet("bing");
    assert_eq!(
        items_and_cuts(&s),
        [
            row("政策文件公开", "-2", false),
            row("政策解读", "-12", false),
            row("答复规范", "0", true),
            row("受表彰", "15", false),
            row("泄密事件", "-20", false),
        ]
    );
    assert_eq!(
        sections(&s),
        [
            (d("0"), Some(d("-14"))),
            (d("0"), None),
            (d("15"), None),
            (d("-20"), None)
        ]
    );
    assert_eq!(s.score, d("-5"));
    assert_eq!(s.limited, None, "min none: the total is not kept at 0");
    let cuts: Vec<&str> = s.pooled_cuts().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(cuts, ["信息发布"]);
}

#[test]
fn without_min_none_the_total_stops_at_0() {
    // The same file without `min none`: −5 is kept at 0 (总分最低0分).
    let r = compiled(&text().replace("total 30 max 36 min none", "total 30 max 36"));
    let s = sheet_of(&r, "bing");
    assert_eq!(s.score, d("0"));
    assert_eq!(s.limited.as_deref(), Some("-5 limited to 0"));
}

#[test]
fn a_ranking_scores_as_the_sheet_does() {
    // The ranking adds sections up in units, apart from the sheet's decimals: the
    // pooled limit and the total without a lowest must come out the same.
    let r = rubric();
    for (name, total, first) in [("jia", "36", "15"), ("yi", "12", "2"), ("bing", "-5", "0")] {
        let unit = load(&r, Path::new(&format!("examples/pooled/{name}.toml"))).unwrap();
        let summary = summarise(&r, &unit).expect("the unit scores");
        assert_eq!(summary.score, d(total), "{name}");
        assert_eq!(summary.top[0].score, Some(d(first)), "{name}");
    }
}

#[test]
fn the_explanation_says_where_the_section_stopped() {
    let r = rubric();
    let s = sheet_of(&r, "bing");
    let zh = explain_in(&r, &s, Lang::Zh, None);
    assert!(
        zh.contains("信息发布各项合计 -14 分,本指标扣完为止(0至20分),得 0 分"),
        "{zh}"
    );
    assert!(zh.contains("得分 -5(满分 30)"), "{zh}");
    assert!(
        zh.contains("表彰奖励 › 受表彰:加 15 分(加分项,不设上限)"),
        "{zh}"
    );
    let en = explain_in(&r, &s, Lang::En, None);
    assert!(
        en.contains("信息发布: its items add up to -14; the section scores within 0 and 20, so 0"),
        "{en}"
    );
    // The score sheet's 合计 row carries the same sentence, and the item below 0 its
    // own score.
    let md = markdown_in(&r, std::slice::from_ref(&s), Lang::Zh);
    assert!(
        md.contains("| 信息发布 (20) | 政策文件公开 | 8 | -2 |"),
        "{md}"
    );
    assert!(
        md.contains(
            "| 合计 | | 30 | **-5** | 信息发布各项合计 -14 分,本指标扣完为止(0至20分),得 0 分; 加分 +15; 倒扣 -20 |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| 表彰奖励 (不设上限) | 受表彰 | 不设上限 | 15 |"),
        "{md}"
    );
}

#[test]
fn the_checker_reports_the_reach_and_render_prints_the_limits() {
    let r = rubric();
    let text = outline(&r);
    assert!(
        text.contains("no lowest total: penalties may take it below 0, to -20 at the lowest"),
        "{text}"
    );
    assert!(
        text.contains("section 信息发布 20, pooled: kept within 0 and its points"),
        "{text}"
    );
    assert!(
        text.contains("item 政策文件公开 8, scores -∞ to 8"),
        "{text}"
    );
    // The item outside the pooled section keeps its own 0.
    assert!(
        text.contains("item 答复规范 10, scores 0 to 10 (its clauses reach -∞ to 10)"),
        "{text}"
    );
    let table = markdown(&Table::in_lang(&r, Lang::Zh));
    assert!(table.contains("信息发布 (20分,本指标扣完为止)"), "{table}");
    assert!(
        table.contains("| 合计 |  | 30 (加分后最高36分,总分可低于0分) |"),
        "{table}"
    );
    assert!(
        table.contains("| 表彰奖励 (加分, 不设上限) | 受表彰 | 不设上限 |"),
        "{table}"
    );
    assert!(text.contains("bonus 表彰奖励 none"), "{text}");
    assert!(text.contains("item 受表彰 none, scores 0 to ∞"), "{text}");
}

#[test]
fn the_example_is_formatted() {
    let text = text();
    let formatted = kaohe::formatter::format(&SourceFile::new(RULE, text.as_str())).unwrap();
    assert_eq!(formatted, text);
}

#[test]
fn a_section_inside_a_pooled_one_has_no_limit_of_its_own() {
    // 一 3 − 3 × 2 = −3 (pooled: no 0 of its own); 二 0 + 2 × 2 = 4, kept at 3 (its
    // highest stays); 乙 −3 + 3 = 0, not limited itself; 三 4 − 5 × 1 = −1; 甲 0 − 1 = −1,
    // kept at 0. Total 0.
    let r = compiled(
        "rubric 测试\ntotal 10\nsection 甲 10 pooled {\n  section 乙 6 {\n    \
         item 一 3 {\n      fact a count \"a\"\n      per a -2\n    }\n    \
         item 二 3 {\n      start 0\n      fact b count \"b\"\n      per b +2\n    }\n  }\n  \
         item 三 4 {\n    fact c count \"c\"\n    per c -1\n  }\n}\n",
    );
    let unit = common::unit(
        &r,
        "unit = \"单位\"\n[\"一\"]\n\"a\" = 3\n[\"二\"]\n\"b\" = 2\n[\"三\"]\n\"c\" = 5\n",
    )
    .expect("the evidence");
    let s = evaluate(&r, &unit).expect("the unit scores");
    assert_eq!(
        items_and_cuts(&s),
        [
            row("一", "-3", false),
            row("二", "3", true),
            row("三", "-1", false),
        ]
    );
    let top = &s.categories[0];
    assert_eq!((top.score, top.sum), (d("0"), Some(d("-1"))));
    let inner = &top.sections[0];
    assert_eq!((inner.score, inner.sum), (d("0"), None));
    assert_eq!(s.score, d("0"));
    // The highest's cut is a step of its own: 4 → 3.
    let (_, two) = s.items()[1];
    let step = two.trace.last().expect("the bound's step");
    assert_eq!(step.clause, ClauseRef::Bound);
    assert_eq!(step.text, "item at most 3");
    assert_eq!(step.delta, d("-1"));
}

#[test]
fn a_penalty_without_a_cap_takes_every_finding() {
    // 泄密 3 × −5 = −15, no most taken; the section adds it as it is. Total 10 − 15 = −5.
    let r = compiled(
        "rubric 测试\ntotal 10 min none\nsection 信息发布 10 {\n  item 政策文件 10 {\n    \
         fact a count \"a\"\n    per a -2\n  }\n}\npenalty 倒扣分 none {\n  item 泄密 none {\n    \
         fact b count \"b\"\n    per b -5\n  }\n}\n",
    );
    let unit = common::unit(
        &r,
        "unit = \"单位\"\n[\"政策文件\"]\n\"a\" = 0\n[\"泄密\"]\n\"b\" = 3\n",
    )
    .expect("the evidence");
    let s = evaluate(&r, &unit).expect("the unit scores");
    assert_eq!(
        items_and_cuts(&s),
        [row("政策文件", "10", false), row("泄密", "-15", false)]
    );
    assert_eq!(s.categories[1].score, d("-15"));
    assert!(s.categories[1].uncapped);
    assert_eq!(s.penalty, d("-15"));
    assert_eq!(s.score, d("-5"));
    let text = outline(&r);
    assert!(
        text.contains("no lowest total: penalties may take it below 0, without limit"),
        "{text}"
    );
    assert!(text.contains("item 泄密 none, scores -∞ to 0"), "{text}");
}

#[test]
fn none_is_refused_where_points_are_a_share_of_the_total() {
    let text = "rubric 测试\ntotal 10\nsection 信息发布 10 {\n  item 政策文件 none {\n    \
                fact a count \"a\"\n    per a -2\n  }\n}\n";
    let checked = compile(&SourceFile::new("t.rule", text));
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"kaohe::rubric::uncapped"), "{codes:?}");
    assert!(checked.rubric.is_none());
}

#[test]
fn diff_tells_pooled_none_and_min_none_apart() {
    // Last year's file, with a cap, no `pooled` and the total kept at 0, against this
    // year's example.
    let old = compiled(
        &text()
            .replace("20 pooled {", "20 {")
            .replace("bonus 表彰奖励 none {", "bonus 表彰奖励 6 {")
            .replace("item 受表彰 none {", "item 受表彰 6 {")
            .replace("total 30 max 36 min none", "total 30 max 36"),
    );
    let report = kaohe::diff::compare(&old, &rubric());
    let settings: Vec<(&str, Option<&str>, Option<&str>)> = report
        .settings
        .iter()
        .map(|s| (s.setting, s.old.as_deref(), s.new.as_deref()))
        .collect();
    assert_eq!(settings, [("total min", None, Some("min none"))]);
    let lines = |name: &str| -> Vec<String> {
        let s = report
            .sections
            .iter()
            .find(|s| s.new.as_ref().is_some_and(|n| n.name == name))
            .expect("the section changed");
        s.text
            .iter()
            .map(|l| format!("{}{}", l.sign, l.text))
            .collect()
    };
    assert_eq!(lines("信息发布"), ["+pooled"]);
    assert_eq!(lines("表彰奖励"), ["+none (no cap)"]);
    // The cap taken away is the change; its points (6, then none) are not another.
    let section = report
        .sections
        .iter()
        .find(|s| s.new.as_ref().is_some_and(|n| n.name == "表彰奖励"))
        .expect("the section changed");
    assert!(!section.points_changed);
    let item = report
        .items
        .iter()
        .find(|i| i.new.as_ref().is_some_and(|n| n.name == "受表彰"))
        .expect("the item changed");
    let settings: Vec<String> = item
        .settings
        .iter()
        .map(|l| format!("{}{}", l.sign, l.text))
        .collect();
    assert_eq!(settings, ["+none (no cap)"]);
    assert!(!item.points_changed);
}
