//! An item's own bound (扣完为止, 最多得N分), kept once after all its clauses: the
//! scores worked out by hand, the trace's step for the cut, and the 扣分说明 that says
//! it, for a regular, a bonus and a penalty item.

use crate::common;

use common::{assert_trace_adds_up, d, item, rubric, sheet};
use kaohe::eval::{ClauseRef, Did};
use kaohe::locale::Lang;
use kaohe::model::SectionKind;
use kaohe::report::Narrator;

/// A regular item of 4 that loses 1 per 问题 and gains 1 per 专区, a bonus item of 6 that
/// gains 2 per form, and a penalty item of 10 that takes 5 per case.
const RULE: &str = r#"rubric 测试考核表
total 4

section 主动公开 4 {
  item 决策公开 4 {
    fact 问题数 count "问题数"
    fact 专区数 count "专区数"
    fact 比例低 bool "比例低"
    per 问题数 -1
    per 专区数 +1
    if 比例低 -50% of score
  }
}

bonus 加分项 6 {
  item 创新 6 {
    fact 形式数 count "形式数"
    per 形式数 +2
  }
}

penalty 倒扣分 10 {
  item 泄密 10 {
    fact 泄密次数 count "泄密次数"
    per 泄密次数 -5
  }
}
"#;

fn evidence(problems: u32, zones: u32, low: bool, forms: u32, leaks: u32) -> String {
    format!(
        "unit = \"单位\"\n[\"决策公开\"]\n\"问题数\" = {problems}\n\"专区数\" = {zones}\n\"比例低\" = {low}\n[\"创新\"]\n\"形式数\" = {forms}\n[\"泄密\"]\n\"泄密次数\" = {leaks}\n"
    )
}

#[test]
fn the_bound_applies_once_after_every_clause() {
    let r = rubric(RULE);
    // 5 问题: 4 − 5 = −1, then +2 for 2 专区: 1. The gain makes up for the loss before
    // the bound is applied, which finds 1 within 0 to 4: no cut. (A `floor 0` on the
    // loss would have stopped it at 0, and the gain taken it to 2.)
    let s = sheet(&r, &evidence(5, 2, false, 0, 0));
    let i = item(&s, "决策公开");
    assert_eq!(i.score, Some(d("1")));
    assert!(i.trace.iter().all(|s| s.clause != ClauseRef::Bound));
    assert_trace_adds_up(i, d("4"));

    // 4 − 5 = −1, then −50% of the score as it stands (−1): +0.5, so −0.5; the bound
    // keeps it at 0 (扣完为止), a step of its own with a change of +0.5.
    let s = sheet(&r, &evidence(5, 0, true, 0, 0));
    let i = item(&s, "决策公开");
    assert_eq!(i.score, Some(d("0")));
    let last = i.trace.last().expect("a step");
    assert_eq!(last.clause, ClauseRef::Bound);
    assert_eq!(
        last.did,
        Did::Bound {
            limit: d("0"),
            high: false
        }
    );
    assert_eq!((last.delta, last.score), (d("0.5"), d("0")));
    assert_eq!(last.clause_en(), "item bounds 0 to 4");
    assert_eq!(
        last.note_en(),
        "-0.5 is below the item's lowest, 0: kept at 0 (扣完为止)"
    );
    assert_trace_adds_up(i, d("4"));

    // 4 + 3 for 3 专区 = 7: kept at 4 (最多得4分).
    let s = sheet(&r, &evidence(0, 3, false, 0, 0));
    let i = item(&s, "决策公开");
    assert_eq!(i.score, Some(d("4")));
    assert_eq!(
        i.trace.last().map(|s| &s.did),
        Some(&Did::Bound {
            limit: d("4"),
            high: true
        })
    );
    assert_trace_adds_up(i, d("4"));
}

#[test]
fn bonus_and_penalty_items_are_kept_within_their_points() {
    let r = rubric(RULE);
    // 4 forms × +2 = 8, kept at the bonus item's 6; 3 cases × −5 = −15, kept at −10.
    // The total: 4 + 6 − 10 = 0.
    let s = sheet(&r, &evidence(0, 0, false, 4, 3));
    assert_eq!(item(&s, "创新").score, Some(d("6")));
    assert_eq!(item(&s, "泄密").score, Some(d("-10")));
    assert_eq!(s.score, d("0"));
    assert_trace_adds_up(item(&s, "创新"), d("0"));
    assert_trace_adds_up(item(&s, "泄密"), d("0"));
}

#[test]
fn the_explanation_says_where_the_bound_cut() {
    let r = rubric(RULE);
    let zh = Narrator::new(&r, Lang::Zh);
    let s = sheet(&r, &evidence(5, 0, true, 4, 3));
    let said = |name: &str, kind| zh.item(item(&s, name), kind);
    assert_eq!(
        said("决策公开", SectionKind::Regular)
            .last()
            .map(String::as_str),
        Some("扣完为止,本项得0分。")
    );
    assert_eq!(
        said("创新", SectionKind::Bonus).last().map(String::as_str),
        Some("本项最多得6分。")
    );
    assert_eq!(
        said("泄密", SectionKind::Penalty)
            .last()
            .map(String::as_str),
        Some("本项最多扣10分。")
    );
    let en = Narrator::new(&r, Lang::En);
    assert_eq!(
        en.item(item(&s, "决策公开"), SectionKind::Regular)
            .last()
            .map(String::as_str),
        Some("The item stops at 0.")
    );
}
