//! The customer's two 2020 tables: their structure as the seed prints it, their outline
//! and every example unit's score sheet pinned by snapshots, and whole units whose
//! totals were computed by hand from the seed text (tests/hand-computed.md).

use crate::common;

use std::path::Path;

use common::d;
use kaohe::check::{compile, Rubric};
use kaohe::eval::{evaluate, Sheet};
use kaohe::evidence::load;
use kaohe::model;
use kaohe::report;
use kaohe::source::SourceFile;
use rust_decimal::Decimal;

fn table(name: &str) -> Rubric {
    let path = format!("rules/jiangmen-2020/{name}.rule");
    let text = std::fs::read_to_string(&path).expect("rule file");
    let checked = compile(&SourceFile::new(path, text));
    assert!(
        checked.diagnostics.is_empty(),
        "{name}.rule is not clean: {:?}",
        checked.diagnostics
    );
    checked.rubric.expect("rubric")
}

fn unit(rubric: &Rubric, path: &str) -> Sheet {
    let unit = load(rubric, Path::new(path)).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    evaluate(rubric, &unit).expect("evaluates")
}

fn sections(rubric: &Rubric) -> Vec<(String, Decimal, usize)> {
    rubric
        .nodes
        .iter()
        .map(|n| match n {
            kaohe::model::Node::Section(s) => {
                (s.name.node.clone(), s.points.node, s.children.len())
            }
            kaohe::model::Node::Item(i) => (i.name.node.clone(), i.points.node, 0),
        })
        .collect()
}

#[test]
fn county_table_has_the_seeds_structure() {
    let r = table("county");
    assert_eq!(r.total, d("100"));
    assert_eq!(model::items(&r.nodes).len(), 25);
    let expected = [
        ("主动公开", "30", 8),
        ("依申请公开", "12", 3),
        ("政策解读", "25", 5),
        ("基层政务公开标准化规范化", "8", 2),
        ("公开渠道", "12", 3),
        ("机制保障", "13", 4),
    ];
    let got = sections(&r);
    assert_eq!(got.len(), expected.len());
    for ((name, points, items), (en, ep, ei)) in got.iter().zip(expected) {
        assert_eq!((name.as_str(), *points, *items), (en, d(ep), ei));
    }
}

#[test]
fn department_table_has_the_seeds_structure() {
    let r = table("department");
    assert_eq!(model::items(&r.nodes).len(), 20);
    let expected = [
        ("主动公开", "34", 6),
        ("依申请公开", "14", 3),
        ("政策解读", "29", 5),
        ("公开渠道", "13", 3),
        ("机制保障", "10", 3),
    ];
    let got = sections(&r);
    for ((name, points, items), (en, ep, ei)) in got.iter().zip(expected) {
        assert_eq!((name.as_str(), *points, *items), (en, d(ep), ei));
    }
}

#[test]
fn outlines() {
    insta::assert_snapshot!("county_outline", report::outline(&table("county")));
    insta::assert_snapshot!("department_outline", report::outline(&table("department")));
}

#[test]
fn example_score_sheets() {
    for (table_name, units) in [
        ("county", ["pengjiang", "taishan", "enping"]),
        ("department", ["jiaoyu", "caizheng", "yanjiushi"]),
    ] {
        let r = table(table_name);
        for name in units {
            let sheet = unit(
                &r,
                &format!("examples/jiangmen-2020/{table_name}/{name}.toml"),
            );
            insta::assert_snapshot!(
                format!("sheet_{table_name}_{name}"),
                report::markdown_in(&r, &[sheet], kaohe::locale::Lang::Zh)
            );
        }
    }
}

#[test]
fn json_report_shape() {
    let r = table("department");
    let sheets = vec![
        unit(&r, "examples/jiangmen-2020/department/jiaoyu.toml"),
        unit(&r, "examples/jiangmen-2020/department/yanjiushi.toml"),
    ];
    let json: serde_json::Value =
        serde_json::from_str(&report::json(&r, &sheets)).expect("valid JSON");
    assert_eq!(json["rubric"], "2020年市政府各部门政务公开工作要点考核表");
    assert_eq!(json["total"], serde_json::json!(100));
    let units = json["units"].as_array().expect("units");
    assert_eq!(units[0]["unit"], "市教育局");
    assert_eq!(units[0]["score"], serde_json::json!(78));
    // Numbers are JSON numbers, written exactly: 79.27, not "79.27" nor 79.27000000001.
    assert!(report::json(&r, &sheets).contains("\"score\": 79.27"));
    let category = &units[1]["categories"][0];
    assert_eq!(category["name"], "主动公开");
    assert_eq!(category["points"], serde_json::json!(34));
    assert_eq!(category["applicable_points"], serde_json::json!(22));
    let enforcement = &category["indicators"][3];
    assert_eq!(enforcement["name"], "行政执法公示");
    assert_eq!(enforcement["applicable"], false);
    assert_eq!(enforcement["score"], serde_json::Value::Null);
    let trace = &units[1]["categories"][0]["indicators"][2]["trace"][0];
    for key in ["clause", "line", "evidence", "delta", "score", "note"] {
        assert!(
            trace.get(key).is_some(),
            "trace step lacks `{key}`: {trace}"
        );
    }
}

/// Totals and first-level subtotals worked out by hand from the seed's text; the
/// arithmetic for each item is in tests/hand-computed.md.
#[test]
fn hand_computed_county_units() {
    let r = table("county");
    // 主动公开 | 依申请公开 | 政策解读 | 基层… | 公开渠道 | 机制保障 | total
    let cases = [
        // 蓬江区: 28 + 12 + 24 + 8 + 12 + 13 = 97.
        ("pengjiang", ["28", "12", "24", "8", "12", "13"], "97"),
        // 台山市: 19 + 8 + 17 + 7 + 6 + 8.5 = 65.5 (业务培训 3 − 50% × 3 = 1.5).
        ("taishan", ["19", "8", "17", "7", "6", "8.5"], "65.5"),
        // 恩平市: 10 + 2 + 6 + 4 + 2 + 3 = 27.
        ("enping", ["10", "2", "6", "4", "2", "3"], "27"),
    ];
    for (name, subtotals, total) in cases {
        let s = unit(&r, &format!("examples/jiangmen-2020/county/{name}.toml"));
        let got: Vec<Decimal> = s.categories.iter().map(|c| c.score).collect();
        assert_eq!(got, subtotals.map(d).to_vec(), "{name}");
        assert_eq!(s.score, d(total), "{name}");
        assert!(!s.prorated);
    }
}

#[test]
fn hand_computed_department_units() {
    let r = table("department");
    // 主动公开 | 依申请公开 | 政策解读 | 公开渠道 | 机制保障 | total
    let cases = [
        // 市教育局: 26 + 11 + 24 + 8 + 9 = 78.
        ("jiaoyu", ["26", "11", "24", "8", "9"], "78"),
        // 市财政局: 18 + 5 + 5 + 4 + 4 = 36.
        ("caizheng", ["18", "5", "5", "4", "4"], "36"),
        // 市政府研究室: 行政执法公示 (4), 重点领域信息公开 (8), 内容深度 (6) not applicable;
        // earned 21 + 14 + 16 + 8 + 6 = 65 of 100 − 18 = 82: 65 ÷ 82 × 100 = 79.268… → 79.27.
        ("yanjiushi", ["21", "14", "16", "8", "6"], "79.27"),
    ];
    for (name, subtotals, total) in cases {
        let s = unit(
            &r,
            &format!("examples/jiangmen-2020/department/{name}.toml"),
        );
        let got: Vec<Decimal> = s.categories.iter().map(|c| c.score).collect();
        assert_eq!(got, subtotals.map(d).to_vec(), "{name}");
        assert_eq!(s.score, d(total), "{name}");
    }
    let s = unit(&r, "examples/jiangmen-2020/department/yanjiushi.toml");
    assert_eq!(
        (s.earned, s.applicable_points, s.prorated),
        (d("65"), d("82"), true)
    );
}

#[test]
fn every_trace_adds_up_and_every_item_stays_in_bounds() {
    for (table_name, units) in [
        ("county", ["pengjiang", "taishan", "enping"]),
        ("department", ["jiaoyu", "caizheng", "yanjiushi"]),
    ] {
        let r = table(table_name);
        let decls = model::items(&r.nodes);
        for name in units {
            let s = unit(
                &r,
                &format!("examples/jiangmen-2020/{table_name}/{name}.toml"),
            );
            for (_, item) in s.items() {
                let Some(score) = item.score else { continue };
                assert!(
                    score >= Decimal::ZERO && score <= item.points,
                    "{name} {}",
                    item.name
                );
                let decl = decls
                    .iter()
                    .find(|d| d.name.node == item.name)
                    .expect("declared");
                let start = decl.start.as_ref().map_or(item.points, |s| s.node);
                common::assert_trace_adds_up(item, start);
            }
        }
    }
}
