//! The illustrative 2023 rubric of the item's own bound (rules/examples/limits-2023.rule:
//! 扣完为止 and 最多得N分 without `floor` or `max`) scored against its example units
//! (examples/limits/). Each unit's hand computation stands at the top of its evidence
//! file and again here.

use crate::common;

use common::{cut_row as row, d, items_and_cuts};
use kaohe::eval::Sheet;
use kaohe::locale::Lang;
use kaohe::model::{items_with_kind, Reach};
use kaohe::report::Narrator;
use rust_decimal::Decimal;

const RULE: &str = "rules/examples/limits-2023.rule";

fn rubric() -> kaohe::check::Rubric {
    common::example_rubric(RULE)
}

fn sheet(name: &str) -> Sheet {
    common::example_sheet(&rubric(), "limits", name)
}

#[test]
fn jia_loses_and_earns_within_every_bound() {
    // 政策文件公开 6 − 2 = 4; 公开渠道 one named channel and one other, 2 + 2 = 4;
    // 答复规范 8 − 2 = 6; 制度建设 4 − (2 − 1.5) = 3.5; 泄密事件 0.
    // Total 8 + 6 + 3.5 + 0 = 17.5.
    let s = sheet("jia");
    assert_eq!(
        items_and_cuts(&s),
        [
            row("政策文件公开", "4", false),
            row("公开渠道", "4", false),
            row("答复规范", "6", false),
            row("制度建设", "3.5", false),
            row("泄密事件", "0", false),
        ]
    );
    assert_eq!(s.score, d("17.5"));
    // The open list: each of the two awards says what it gave, under one cap.
    let r = rubric();
    let zh = Narrator::new(&r, Lang::Zh);
    let channels = s
        .categories
        .iter()
        .flat_map(|c| c.indicators.iter().map(move |i| (c.kind, i)))
        .find(|(_, i)| i.name == "公开渠道")
        .map(|(kind, i)| zh.item(i, kind))
        .expect("the item");
    assert_eq!(
        channels,
        [
            "已开设的公开渠道:微博,得2分。",
            "上述四种以外已开设的其他公开渠道1种,得2分。",
        ]
    );
}

#[test]
fn yi_is_kept_by_every_bound_but_the_one_it_never_reaches() {
    // 6 − 8 = −2 → 0 (扣完为止); four named channels and one other, 4 × 2 + 2 = 10 → 6
    // (one cap over both awards, 最高不超过6分); 8 − 10 = −2 → 0;
    // 制度建设 4 − 4 = 0, the discretion not applying, nothing cut; 2 × −3 = −6 → −5
    // (最多倒扣5分). Total 6 + 0 + 0 − 5 = 1.
    let s = sheet("yi");
    assert_eq!(
        items_and_cuts(&s),
        [
            row("政策文件公开", "0", true),
            row("公开渠道", "6", true),
            row("答复规范", "0", true),
            row("制度建设", "0", false),
            row("泄密事件", "-5", true),
        ]
    );
    let subtotals: Vec<Decimal> = s.categories.iter().map(|c| c.score).collect();
    assert_eq!(subtotals, [d("6"), d("0"), d("0"), d("-5")]);
    assert_eq!(s.score, d("1"));
    // The 扣分说明 says where each bound cut.
    let r = rubric();
    let zh = Narrator::new(&r, Lang::Zh);
    let said: Vec<String> = s
        .categories
        .iter()
        .flat_map(|c| c.indicators.iter().map(move |i| (c.kind, i)))
        .filter_map(|(kind, i)| zh.item(i, kind).last().cloned())
        .collect();
    assert_eq!(
        said,
        [
            "扣完为止,本项得0分。",
            "本项最多得6分。",
            "扣完为止,本项得0分。",
            "未建立政务公开工作制度,扣4分。",
            "本项最多扣5分。",
        ]
    );
}

/// The range of 制度建设 follows the condition its two clauses share: where 未建立制度
/// holds, 4 − 4 = 0 and the discretion does not apply; where it does not, 4 − 2 = 2
/// to 4. Its clauses reach 0 to 4, so the bound never cuts; taken one by one they
/// would reach 4 − 4 − 2 = −2. The other items' ranges are as their counts allow.
#[test]
fn the_shared_condition_keeps_the_range_exact() {
    let r = rubric();
    let reach: Vec<(String, Reach)> = items_with_kind(&r.nodes)
        .into_iter()
        .map(|(i, _)| (i.name.node.clone(), i.reach))
        .collect();
    let exact = |low: &str, high: &str| Reach {
        clauses_low: Some(d(low)),
        clauses_high: Some(d(high)),
        low: Some(d(low)),
        high: Some(d(high)),
    };
    assert_eq!(reach[3], ("制度建设".to_string(), exact("0", "4")));
    assert!(!reach[3].1.may_cut());
    // 公开渠道 earns 2 for each of the 4 named channels and 2 for each other kind, a
    // count without a most: its clauses reach without limit above, kept at 6. The
    // counts of the deductions are unbounded too.
    assert_eq!(reach[1].1.clauses_high, None);
    assert_eq!(
        (reach[1].1.low, reach[1].1.high),
        (Some(d("0")), Some(d("6")))
    );
    assert_eq!(reach[0].1.clauses_low, None);
}
