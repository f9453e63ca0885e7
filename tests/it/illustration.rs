//! The illustrative 2021 rubric (rules/examples/illustration-2021.rule), which uses every
//! construct beyond the 2020 tables, scored against its example units. Each unit's
//! hand computation stands at the top of its evidence file and again here.

use crate::common;

use common::d;
use rust_decimal::Decimal;

const RULE: &str = "rules/examples/illustration-2021.rule";

fn rubric() -> kaohe::check::Rubric {
    common::example_rubric(RULE)
}

fn sheet(name: &str) -> kaohe::eval::Sheet {
    common::example_sheet(&rubric(), "illustration", name)
}

fn subtotals(s: &kaohe::eval::Sheet) -> Vec<Decimal> {
    s.categories.iter().map(|c| c.score).collect()
}

#[test]
fn weights_resolve_to_exact_points() {
    let r = rubric();
    let outline = kaohe::report::outline(&r);
    // 40% of 100; 50% of 40; 60% and 40% of 20.
    for line in [
        "section 主动公开 40 (40%)",
        "section 决策公开 20 (50%)",
        "item 决策预公开 12 (60%)",
        "item 政策文件公开 8 (40%)",
    ] {
        assert!(outline.contains(line), "{line}\n{outline}");
    }
    insta::assert_snapshot!("illustration_outline", outline);
}

#[test]
fn jia() {
    // 主动公开 9 + 6 + 10 + 6.75 = 31.75; 依申请公开 14 + 9.5 = 23.5; 机制保障 20 + 9 = 29;
    // base 84.25; bonus 2 + 4 = 6, capped at 5; penalty 0: 89.25.
    let s = sheet("jia");
    assert_eq!(subtotals(&s), ["31.75", "23.5", "29", "5", "0"].map(d));
    assert_eq!((s.bonus, s.penalty, s.score), (d("5"), d("0"), d("89.25")));
    // The reply received 2021-09-15 was due 2021-10-19 and came a day late; the one
    // received 2021-02-05 was due 2021-03-10, the day it came.
    let reply = common::item(&s, "答复时限");
    assert_eq!(reply.score, Some(d("14")));
    let note = &reply.trace[0].note_en();
    assert!(note.starts_with("2 over 20 workdays"), "{note}");
    assert!(
        note.contains("2021-09-15 → 2021-10-20: 21 workdays, due 2021-10-19"),
        "{note}"
    );
    assert!(note.contains("2021-06-01 → never"), "{note}");
    assert!(!note.contains("2021-02-05"), "{note}");
    // The late annual report had a good reason: exempted.
    assert_eq!(common::item(&s, "工作机制").score, Some(d("20")));
    // Discretion: 12 − 2 (印章) − 0.5 = 9.5; 0 + 6 + 3 = 9.
    assert_eq!(common::item(&s, "答复规范").score, Some(d("9.5")));
    assert_eq!(common::item(&s, "培训成效").score, Some(d("9")));
    // Published 2021-04-15, after 03-31: the `late` outcome, −2.
    assert_eq!(common::item(&s, "政策文件公开").score, Some(d("6")));
}

#[test]
fn yi() {
    // 主动公开 0 + 0 + 0 + 7.5; 依申请公开 18 + 10; 机制保障 0 + 0; base 35.5;
    // penalty: −15 limited to −10 by max 10, −4, together −14, capped at −10: 25.5.
    let s = sheet("yi");
    assert_eq!(subtotals(&s), ["7.5", "28", "0", "0", "-10"].map(d));
    assert_eq!((s.penalty, s.score), (d("-10"), d("25.5")));
    // Never published: the `never` outcome, 不得分.
    assert_eq!(common::item(&s, "政策文件公开").score, Some(d("0")));
    assert_eq!(common::item(&s, "泄密事件").score, Some(d("-10")));
}

#[test]
fn bing_is_limited_to_the_rubrics_most() {
    // 100 + 5 (bonus 7, capped at 5) = 105, limited to `total 100 max 103`.
    let s = sheet("bing");
    assert_eq!(s.score, d("103"));
    assert_eq!(
        s.limited.as_deref(),
        Some("105 limited to the rubric's most, 103")
    );
    // A reply received 2020-12-21 and given 2021-01-19, the 20th working day after it
    // across the New Year holiday, is on time.
    assert_eq!(common::item(&s, "答复时限").score, Some(d("18")));
}

#[test]
fn score_sheets() {
    let r = rubric();
    for name in ["jia", "yi", "bing"] {
        insta::assert_snapshot!(
            format!("illustration_{name}"),
            kaohe::report::markdown_in(&r, &[sheet(name)], kaohe::locale::Lang::Zh)
        );
    }
}
