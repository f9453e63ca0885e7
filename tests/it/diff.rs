//! `kaohe diff`: the 2020 county table against a changed copy (tests/diff/county-changed.rule:
//! changed points and clause, a renamed, a removed, an added and a moved item), with
//! the score changes of the example units; evidence that is invalid under the new
//! rubric is reported for its unit only.

use crate::common;
use crate::run;

use kaohe::check::{compile, Rubric};
use kaohe::diff::{self, Kind};
use kaohe::source::SourceFile;
use run::kaohe;
use serde_json::Value;

const OLD: &str = "rules/jiangmen-2020/county.rule";
const NEW: &str = "tests/diff/county-changed.rule";

fn rubric(path: &str) -> Rubric {
    let text = std::fs::read_to_string(path).expect("rule file");
    compile(&SourceFile::new(path, text))
        .rubric
        .expect("a clean rubric")
}

#[test]
fn text_report_with_score_changes() {
    let o = kaohe(&[
        "diff",
        OLD,
        NEW,
        "examples/jiangmen-2020/county",
        "tests/diff/evidence",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stdout = String::from_utf8(o.stdout).expect("utf-8");
    insta::assert_snapshot!("county_changed", stdout);
    // The unit that cannot be scored under the new rubric has its diagnostic, placed.
    let stderr = String::from_utf8(o.stderr).expect("utf-8");
    assert!(stderr.contains("kaohe::evidence::value"), "{stderr}");
    assert!(
        stderr.contains("tests/diff/evidence/kaiping.toml:60"),
        "{stderr}"
    );
}

#[test]
fn json_report() {
    let o = kaohe(&[
        "diff",
        OLD,
        NEW,
        "examples/jiangmen-2020/county",
        "tests/diff/evidence",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&o.stdout).expect("one JSON object");
    let items = report["items"].as_array().expect("items");
    let kinds: Vec<(&str, &str)> = items
        .iter()
        .map(|i| {
            let name = i["new"]["name"]
                .as_str()
                .or(i["old"]["name"].as_str())
                .expect("name");
            (i["kind"].as_str().expect("kind"), name)
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("removed", "疫情信息公开"),
            ("added", "政务数据开放"),
            ("renamed", "政务服务公开"),
            ("changed", "决策公开"),
            ("changed", "内容深度"),
            ("changed", "解读推广"),
        ]
    );
    let points = &items[3];
    assert_eq!(
        (
            points["old"]["points"].as_u64(),
            points["new"]["points"].as_u64()
        ),
        (Some(4), Some(5))
    );
    assert_eq!(
        points["clauses"][0]["text"],
        "if 议定事项报道次数 < 10 zero"
    );
    assert_eq!(
        points["clauses"][1]["text"],
        "if 议定事项报道次数 < 12 zero"
    );
    assert_eq!(items[2]["old"]["name"], "服务公开");
    assert_eq!(items[5]["moved"], true);
    assert_eq!(items[5]["old"]["path"][0], "政策解读");
    assert_eq!(items[5]["new"]["path"][0], "公开渠道");

    let units: Vec<(String, Value, Value, Value)> = report["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["unit"].as_str().expect("unit").to_string(),
                u["old"].clone(),
                u["new"].clone(),
                u["change"].clone(),
            )
        })
        .collect();
    let n = |v: &str| serde_json::from_str::<Value>(v).expect("number");
    assert_eq!(
        units,
        [
            ("恩平市".to_string(), n("27"), n("24"), n("-3")),
            ("台山市".to_string(), n("65.5"), n("63.5"), n("-2")),
            ("蓬江区".to_string(), n("97"), n("97"), n("0")),
            ("开平市".to_string(), n("93"), Value::Null, Value::Null),
        ]
    );
    let kaiping = &report["units"][3];
    assert_eq!(kaiping["problems"][0]["rubric"], "new");
    assert_eq!(kaiping["problems"][0]["code"], "kaohe::evidence::value");
}

#[test]
fn score_changes_are_worked_out_item_by_item() {
    let (old, new) = (rubric(OLD), rubric(NEW));
    let pairs = diff::pair_items(&old, &new);
    let units = diff::scores::unit_changes(
        &old,
        &new,
        &pairs,
        &["examples/jiangmen-2020/county/taishan.toml".into()],
    )
    .expect("evidence");
    let taishan = &units[0];
    // 决策公开 +1 (5 points, 12 reports is not fewer than 12), 政务数据开放 +3 (its
    // default), 内容深度 −2 (one failing document now costs 4), 疫情信息公开 −4.
    let changes: Vec<(String, String, String, String)> = taishan
        .items
        .iter()
        .map(|i| {
            (
                i.item.clone(),
                i.old.describe(),
                i.new.describe(),
                i.change.to_string(),
            )
        })
        .collect();
    let s = |a: &str, b: &str, c: &str, d: &str| {
        (a.to_string(), b.to_string(), c.to_string(), d.to_string())
    };
    assert_eq!(
        changes,
        [
            s("决策公开", "3", "4", "1"),
            s("政务数据开放", "—", "3", "3"),
            s("内容深度", "2", "0", "-2"),
            s("疫情信息公开", "4", "—", "-4"),
        ]
    );
    let sum: rust_decimal::Decimal = taishan.items.iter().map(|i| i.change).sum();
    assert_eq!(
        Some(sum),
        taishan.change,
        "the item changes add up to the total's"
    );
    assert_eq!(taishan.ignored, ["疫情信息公开"]);
}

#[test]
fn identical_rubrics_and_layout_changes_are_no_change() {
    let o = kaohe(&["diff", OLD, OLD]);
    assert_eq!(o.status.code(), Some(0));
    let stdout = String::from_utf8(o.stdout).expect("utf-8");
    assert!(
        stdout.ends_with("\nthe two rubrics have the same sections and items\n"),
        "{stdout}"
    );

    // The same table laid out differently (a list without spaces, a clause over two
    // lines) is the same table.
    let text = std::fs::read_to_string(OLD)
        .expect("rule")
        .replace(
            "tally {国办, 省府办, 市府办}",
            "tally { 国办,省府办,市府办 }",
        )
        .replace(
            "    per 未标记失效文件数 -1 floor 0",
            "    per 未标记失效文件数 -1\n      floor 0",
        );
    let relaid = compile(&SourceFile::new("relaid.rule", text))
        .rubric
        .expect("clean");
    let report = diff::compare(&rubric(OLD), &relaid);
    assert!(
        report.items.is_empty() && report.sections.is_empty(),
        "{report:#?}"
    );
}

#[test]
fn renamed_sections_and_removed_ones() {
    let old = "rubric 表\ntotal 6\nsection 甲部分 4 {\n  item 一 2 {\n    fact a bool\n    if a -2\n  }\n  item 二 2 {\n    fact b bool\n    if b -2\n  }\n}\nsection 乙 2 {\n  item 三 2 {\n    fact c bool\n    if c -2\n  }\n}\n";
    let new = "rubric 表\ntotal 6\nsection 新名称 6 {\n  item 一 2 {\n    fact a bool\n    if a -2\n  }\n  item 二 2 {\n    fact b bool\n    if b -2\n  }\n  item 三 2 {\n    fact c bool\n    if c -2\n  }\n}\n";
    let (a, b) = (
        compile(&SourceFile::new("old.rule", old))
            .rubric
            .expect("clean"),
        compile(&SourceFile::new("new.rule", new))
            .rubric
            .expect("clean"),
    );
    let report = diff::compare(&a, &b);
    let sections: Vec<(Kind, Option<&str>, Option<&str>)> = report
        .sections
        .iter()
        .map(|s| {
            (
                s.kind,
                s.old.as_ref().map(|p| p.name.as_str()),
                s.new.as_ref().map(|p| p.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        sections,
        [
            (Kind::Removed, Some("乙"), None),
            (Kind::Renamed, Some("甲部分"), Some("新名称"))
        ]
    );
    let item = &report.items[0];
    assert_eq!((item.kind, item.moved), (Kind::Changed, true));
    let text = diff::text::text(&report);
    assert!(text.contains("  ~ 甲部分 → 新名称 (renamed; same items, 66%)  [new.rule:3]\n      points  4 → 6 (+2)\n"), "{text}");
    assert!(
        text.contains("  ~ 三  [new.rule:12]\n      moved   乙 → 新名称\n"),
        "{text}"
    );
}

#[test]
fn a_rule_file_with_errors_stops_the_diff() {
    let o = kaohe(&["diff", OLD, "tests/ui/points_sum.rule"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("kaohe::points::sum"));
}

#[test]
fn spreadsheet_evidence_is_scored_row_by_row() {
    // tests/diff/spreadsheet/county.csv holds the three county examples, one a row.
    // Against a table that only changes 决策公开, every row is valid under both.
    let dir = common::Scratch::new("diff");
    let changed = std::fs::read_to_string(OLD)
        .expect("rule")
        .replace("section 主动公开 30 {", "section 主动公开 31 {")
        .replace("total 100", "total 101")
        .replace("  item 决策公开 4 {", "  item 决策公开 5 {");
    let path = dir.join("county-5.rule");
    std::fs::write(&path, changed).expect("write");
    let o = kaohe(&[
        "diff",
        OLD,
        path.to_str().expect("utf-8"),
        "tests/diff/spreadsheet/county.csv",
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report: Value = serde_json::from_slice(&o.stdout).expect("json");
    let units: Vec<(&str, &str, String)> = report["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["unit"].as_str().expect("unit"),
                u["file"].as_str().expect("file"),
                u["change"].to_string(),
            )
        })
        .collect();
    // 蓬江区 and 台山市 reported enough 议定事项 to keep 决策公开, and gain its point;
    // 恩平市's 决策公开 is 不得分 under both.
    assert_eq!(
        units,
        [
            (
                "蓬江区",
                "tests/diff/spreadsheet/county.csv row 3",
                "1".to_string()
            ),
            (
                "台山市",
                "tests/diff/spreadsheet/county.csv row 4",
                "1".to_string()
            ),
            (
                "恩平市",
                "tests/diff/spreadsheet/county.csv row 2",
                "0".to_string()
            ),
        ]
    );
    assert_eq!(report["total"]["old"], 100);
    assert_eq!(report["total"]["new"], 101);
}
