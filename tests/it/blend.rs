//! One table, two methods, blended (rules/examples/blend-2023.rule): "网上考核占80%,
//! 现场考核占20%". Each unit is scored from each method's evidence
//! (examples/blend-2023/online, examples/blend-2023/onsite) and the sheets weighed into
//! one; the hand computations stand at the top of the evidence files and again here.

use crate::common;
use crate::run;

use common::d;
use kaohe::check::Rubric;
use kaohe::eval::{blend, Sheet};
use run::{kaohe, stderr, stdout};
use rust_decimal::Decimal;

const RULE: &str = "rules/examples/blend-2023.rule";
const ONLINE: &str = "网上考核=examples/blend-2023/online";
const ONSITE: &str = "现场考核=examples/blend-2023/onsite";

fn rubric() -> Rubric {
    common::example_rubric(RULE)
}

/// A unit's sheet under one method.
fn method_sheet(r: &Rubric, folder: &str, name: &str) -> Sheet {
    common::example_sheet(r, &format!("blend-2023/{folder}"), name)
}

fn blended(name: &str) -> Sheet {
    let r = rubric();
    let sheets = vec![
        method_sheet(&r, "online", name),
        method_sheet(&r, "onsite", name),
    ];
    blend(&r, sheets)
}

fn items(s: &Sheet) -> Vec<Option<Decimal>> {
    s.items().iter().map(|(_, i)| i.score).collect()
}

#[test]
fn the_methods_and_their_weights_are_the_rubrics() {
    let r = rubric();
    let methods: Vec<(&str, Decimal)> = r
        .methods
        .iter()
        .map(|m| (m.name.as_str(), m.weight))
        .collect();
    assert_eq!(methods, [("网上考核", d("80")), ("现场考核", d("20"))]);
}

#[test]
fn jia_blends_as_computed_by_hand() {
    let s = blended("jia");
    // 87 × 80% + 94 × 20% = 69.6 + 18.8.
    assert_eq!(s.score, d("88.4"));
    let sections: Vec<Decimal> = s.categories.iter().map(|c| c.score).collect();
    assert_eq!(sections, [d("54.8"), d("33.6")]);
    // 25 × 80% + 30 × 20%; 30 × 80% + 24 × 20%; 32 × 80% + 40 × 20%.
    assert_eq!(items(&s), [Some(d("26")), Some(d("28.8")), Some(d("33.6"))]);
    let each: Vec<(&str, Decimal, Decimal)> = s
        .methods
        .iter()
        .map(|m| (m.method.as_str(), m.weight, m.sheet.score))
        .collect();
    assert_eq!(
        each,
        [
            ("网上考核", d("80"), d("87")),
            ("现场考核", d("20"), d("94"))
        ]
    );
}

#[test]
fn yi_blends_as_computed_by_hand() {
    let s = blended("yi");
    // 61 × 80% + 73 × 20% = 48.8 + 14.6.
    assert_eq!(s.score, d("63.4"));
    let sections: Vec<Decimal> = s.categories.iter().map(|c| c.score).collect();
    assert_eq!(sections, [d("33.8"), d("29.6")]);
}

#[test]
fn eval_blends_from_one_folder_per_method() {
    let o = kaohe(&["eval", RULE, "--method", ONLINE, "--method", ONSITE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let table = stdout(&o);
    assert!(table.contains("示例甲市"), "{table}");
    assert!(table.contains("88.4"), "{table}");
    assert!(table.contains("63.4"), "{table}");
    let o = kaohe(&[
        "eval", RULE, "--method", ONLINE, "--method", ONSITE, "--format", "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let jia = &json["units"][0];
    assert_eq!(jia["unit"], "示例甲市");
    assert_eq!(jia["score"], serde_json::json!(88.4));
    assert_eq!(jia["methods"][0]["method"], "网上考核");
    assert_eq!(jia["methods"][0]["sheet"]["score"], serde_json::json!(87));
    assert_eq!(jia["methods"][1]["sheet"]["score"], serde_json::json!(94));
    let o = kaohe(&[
        "eval", RULE, "--method", ONLINE, "--method", ONSITE, "--format", "csv",
    ]);
    assert!(stdout(&o).contains("示例甲市,88.4"), "{}", stdout(&o));
}

#[test]
fn eval_refuses_a_method_missing_or_unknown() {
    let o = kaohe(&["eval", RULE, "--method", ONLINE]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("kaohe::rubric::methods"),
        "{}",
        stderr(&o)
    );
    let o = kaohe(&["eval", RULE, "examples/blend-2023/online"]);
    assert_eq!(o.status.code(), Some(1));
    let o = kaohe(&[
        "eval",
        RULE,
        "--method",
        ONLINE,
        "--method",
        "现场=examples/blend-2023/onsite",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("names no method"), "{}", stderr(&o));
    let o = kaohe(&[
        "eval",
        "rules/examples/tables-2023.rule",
        "--method",
        ONLINE,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("has no `methods`"), "{}", stderr(&o));
}

#[test]
fn render_prints_the_table_once_with_the_weights() {
    let table = kaohe::render::Table::new(&rubric());
    assert_eq!(
        table.methods.as_deref(),
        Some("网上考核占80%,现场考核占20%")
    );
    assert_eq!(table.rows.len(), 3);
    let md = kaohe::render::markdown::markdown(&table);
    assert!(md.contains("\n网上考核占80%,现场考核占20%\n"), "{md}");
    assert!(kaohe::render::html::html(&table).contains("网上考核占80%,现场考核占20%"));
}

/// Weights that do not divide evenly: the items and sections blend exactly, and the
/// total alone is rounded, once, as `round` says.
#[test]
fn the_blended_total_is_rounded_once() {
    let r = common::rubric(
        "rubric t\ntotal 10\nround 2 half-up\nmethods {甲 33.33%, 乙 66.67%}\n\
         section 部分 10 {\n  item 项 10 {\n    fact 错 count\n    per 错 -1 floor 0\n  }\n}\n",
    );
    let a = common::sheet(&r, "unit = \"某单位\"\n[\"项\"]\n\"错\" = 1\n");
    let b = common::sheet(&r, "unit = \"某单位\"\n[\"项\"]\n\"错\" = 0\n");
    let s = blend(&r, vec![a, b]);
    // 9 × 33.33% + 10 × 66.67% = 2.9997 + 6.667 = 9.6667, exact in the item and the
    // section; the total rounded to two places, half up: 9.67.
    assert_eq!(items(&s), [Some(d("9.6667"))]);
    assert_eq!(s.categories[0].score, d("9.6667"));
    assert_eq!(s.score, d("9.67"));
}

/// The 扣分说明 of a blended item tells each method's score and what moved it, then
/// the weighted score; JSON keeps each method's item score and trace.
#[test]
fn the_narrative_tells_each_method_then_the_blend() {
    let r = rubric();
    let s = blended("jia");
    let md = kaohe::report::markdown_in(&r, std::slice::from_ref(&s), kaohe::locale::Lang::Zh);
    assert!(
        md.contains(
            "| 政策文件公开 | 30 | 26 | 网上考核(占80%)得25分:未公开的年度重点政策文件1件,扣5分。\
             现场考核(占20%)得30分。加权得26分。 |"
        ),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(&kaohe::report::json(&r, &[s])).unwrap();
    let item = &json["units"][0]["categories"][0]["indicators"][0];
    assert_eq!(item["methods"][0]["score"], serde_json::json!(25));
    assert_eq!(item["methods"][0]["trace"].as_array().unwrap().len(), 1);
    assert_eq!(item["methods"][1]["score"], serde_json::json!(30));
}

/// The evidence form of a blended table says it is filled once for each method.
#[test]
fn the_form_says_to_fill_it_once_for_each_method() {
    let form = kaohe::report::template_toml_in(&rubric(), kaohe::locale::Lang::Zh);
    assert!(
        form.contains("# 本表按网上考核、现场考核分别考核:每种考核方式各填一份"),
        "{form}"
    );
}
