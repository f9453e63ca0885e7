//! The illustrative draft table (rules/examples/draft-2023.rule: a table still being
//! typed, marked `draft`) through the commands a typist runs on it: `check` warns of
//! the sums without refusing, `render` marks it 草稿, `eval` refuses it unless told
//! `--draft`, and then scores the example unit (examples/draft-2023/) as computed by
//! hand at the top of its evidence file.

use crate::run::{dec, kaohe, stderr, stdout};
use rust_decimal::Decimal;

const RULE: &str = "rules/examples/draft-2023.rule";
const EVIDENCE: &str = "examples/draft-2023";

/// The codes of the diagnostics a run printed, in order.
fn codes(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with("kaohe::"))
        .map(str::trim)
        .collect()
}

#[test]
fn check_warns_of_the_draft_and_its_two_short_sums() {
    let o = kaohe(&["check", RULE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(
        codes(&err),
        [
            "kaohe::rubric::draft",
            "kaohe::points::sum",
            "kaohe::points::sum"
        ]
    );
    // 主动公开 (40) holds 20 + 10 so far, and the whole (100) only 主动公开.
    assert!(
        err.contains("the items of `主动公开` add up to 30, not 40"),
        "{err}"
    );
    assert!(
        err.contains("the sections add up to 40, not the total 100"),
        "{err}"
    );
    // A draft never passes `--deny-warnings`.
    assert_eq!(
        kaohe(&["check", "--deny-warnings", RULE]).status.code(),
        Some(1)
    );
}

#[test]
fn render_marks_the_table_as_a_draft() {
    let o = kaohe(&["render", RULE, "--lang", "zh"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("# 示例:某县2023年政务公开工作考核表 (草稿)\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn eval_scores_the_draft_only_when_told() {
    let refused = kaohe(&["eval", RULE, EVIDENCE]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stdout(&refused).is_empty());
    assert!(
        stderr(&refused).contains("is a draft table: its scores would not be final"),
        "{}",
        stderr(&refused)
    );

    let o = kaohe(&["eval", "--draft", RULE, EVIDENCE, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("scored from a draft table: the scores are not final"));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let unit = &json["units"][0];
    // 政策文件公开 20 − 3 × 2 = 14; 政策解读 10 − 1 × 2 = 8: 22 of the 30 points typed
    // so far, prorated over them as 折分处理 would be, 22 ÷ 30 × 100 = 73.33.
    let items: Vec<(String, Decimal)> = unit["categories"][0]["indicators"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| (i["name"].as_str().unwrap().to_string(), dec(&i["score"])))
        .collect();
    assert_eq!(
        items,
        [
            ("政策文件公开".to_string(), Decimal::from(14)),
            ("政策解读".to_string(), Decimal::from(8)),
        ]
    );
    assert_eq!(dec(&unit["earned"]), Decimal::from(22));
    assert_eq!(dec(&unit["applicable_points"]), Decimal::from(30));
    assert_eq!(unit["prorated"], true);
    assert_eq!(dec(&unit["score"]), Decimal::new(7333, 2));
}
