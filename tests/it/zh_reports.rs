//! What the assessed unit reads, in its language: `kaohe explain` and the Markdown
//! score sheet pinned in Chinese and in English, and no score sheet in Chinese holding
//! rule syntax, a rule file's name or a line number.

use crate::run;

use run::{kaohe, stderr, stdout};

const COUNTY: &str = "rules/jiangmen-2020/county.rule";
const DEPARTMENT: &str = "rules/jiangmen-2020/department.rule";
const ILLUSTRATION: &str = "rules/examples/illustration-2021.rule";

/// The example units with their rule files.
const EXAMPLES: [(&str, &str); 9] = [
    (COUNTY, "examples/jiangmen-2020/county/pengjiang.toml"),
    (COUNTY, "examples/jiangmen-2020/county/taishan.toml"),
    (COUNTY, "examples/jiangmen-2020/county/enping.toml"),
    (DEPARTMENT, "examples/jiangmen-2020/department/jiaoyu.toml"),
    (
        DEPARTMENT,
        "examples/jiangmen-2020/department/caizheng.toml",
    ),
    (
        DEPARTMENT,
        "examples/jiangmen-2020/department/yanjiushi.toml",
    ),
    (ILLUSTRATION, "examples/illustration/jia.toml"),
    (ILLUSTRATION, "examples/illustration/yi.toml"),
    (ILLUSTRATION, "examples/illustration/bing.toml"),
];

fn run(args: &[&str]) -> String {
    let o = kaohe(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn explain_in_both_languages() {
    let unit = "examples/jiangmen-2020/county/taishan.toml";
    insta::assert_snapshot!(
        "explain_zh",
        run(&["explain", COUNTY, unit, "--lang", "zh"])
    );
    insta::assert_snapshot!(
        "explain_en",
        run(&["explain", COUNTY, unit, "--lang", "en"])
    );
    // With --verbose, each sentence is followed by its clause and line, the rule
    // file's path as it was given.
    insta::assert_snapshot!(
        "explain_zh_verbose",
        run(&[
            "explain",
            ILLUSTRATION,
            "examples/illustration/jia.toml",
            "--lang",
            "zh",
            "--verbose"
        ])
    );
}

#[test]
fn the_markdown_sheet_in_both_languages() {
    let unit = "examples/jiangmen-2020/department/yanjiushi.toml";
    for lang in ["zh", "en"] {
        insta::assert_snapshot!(
            format!("sheet_md_{lang}"),
            run(&["eval", DEPARTMENT, unit, "--format", "md", "--lang", lang])
        );
    }
}

/// Rule syntax, a rule file or a line reference in a text meant for the unit.
fn machine_words(text: &str) -> Option<String> {
    for word in ["if ", "per ", "floor", "max ", "unless", ".rule", "line "] {
        if text.contains(word) {
            return Some(word.to_string());
        }
    }
    // A line reference: a colon and digits, as in `county.rule:51`.
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(1))
        .find(|&i| bytes[i] == b':' && bytes[i + 1].is_ascii_digit())
        .map(|i| text[i.saturating_sub(20)..(i + 2).min(text.len())].to_string())
}

#[test]
fn no_score_sheet_in_chinese_holds_rule_syntax_a_file_or_a_line() {
    for (rule, unit) in EXAMPLES {
        let md = run(&["eval", rule, unit, "--format", "md", "--lang", "zh"]);
        assert!(md.contains("扣分说明"), "{md}");
        if let Some(word) = machine_words(&md) {
            panic!("{unit}: the Markdown sheet holds `{word}`:\n{md}");
        }
        let explained = run(&["explain", rule, unit, "--lang", "zh"]);
        // The criterion texts (│ lines) are the table's own words.
        let said: String = explained
            .lines()
            .filter(|l| !l.trim_start().starts_with('│'))
            .collect::<Vec<_>>()
            .join("\n");
        if let Some(word) = machine_words(&said) {
            panic!("{unit}: explain holds `{word}`:\n{explained}");
        }
        let json: serde_json::Value = serde_json::from_str(&run(&[
            "eval", rule, unit, "--format", "json", "--lang", "zh",
        ]))
        .expect("JSON");
        let mut explanations = Vec::new();
        let mut stack = vec![&json];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(o) => {
                    if let Some(e) = o.get("explanation") {
                        explanations.push(e.to_string());
                    }
                    stack.extend(o.values());
                }
                serde_json::Value::Array(a) => stack.extend(a),
                _ => {}
            }
        }
        assert!(
            !explanations.is_empty(),
            "{unit}: no explanation in the JSON"
        );
        for e in explanations {
            if let Some(word) = machine_words(&e) {
                panic!("{unit}: a JSON explanation holds `{word}`: {e}");
            }
        }
    }
}

#[test]
fn the_json_explanation_follows_the_language() {
    let unit = "examples/jiangmen-2020/county/taishan.toml";
    let item = |lang: &str| {
        let json: serde_json::Value = serde_json::from_str(&run(&[
            "eval", COUNTY, unit, "--format", "json", "--lang", lang,
        ]))
        .expect("JSON");
        json["units"][0]["categories"][0]["indicators"][0].clone()
    };
    let zh = item("zh");
    assert_eq!(zh["name"], "决策预公开");
    assert_eq!(
        zh["explanation"],
        serde_json::json!(["意见征集未提供征集有效期,扣1分。"])
    );
    // The trace keeps its machine fields.
    assert_eq!(zh["trace"][0]["clause"], "if 未提供征集有效期 -1");
    assert_eq!(
        item("en")["explanation"],
        serde_json::json!(["意见征集未提供征集有效期: −1."])
    );
}

#[test]
fn test_and_diff_speak_chinese_under_lang_zh() {
    let o = kaohe(&[
        "test",
        COUNTY,
        "examples/jiangmen-2020/cases/county",
        "--lang",
        "zh",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("用例 examples/jiangmen-2020/cases/county/taishan.toml(台山市):通过,25 项预期全部满足\n"),
        "{out}"
    );
    assert!(
        out.ends_with("\n测试结果:通过。通过 3 个,未通过 0 个\n"),
        "{out}"
    );
    let out = run(&[
        "diff",
        COUNTY,
        "tests/diff/county-changed.rule",
        "examples/jiangmen-2020/county",
        "--lang",
        "zh",
    ]);
    for line in [
        "章节:修改 2 个\n",
        "指标:删除 1 个,新增 1 个,改名 1 个,修改 3 个\n",
        "  - 疫情信息公开(4 分),位于 主动公开  [county.rule:121]\n",
        "      分值      4 → 5 (+1)\n",
        "得分:3 个单位,2 个有变化,变化最大的在前\n",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    // The CSV ranking's header is in the run's language.
    let csv = run(&[
        "eval",
        COUNTY,
        "examples/jiangmen-2020/county",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    assert!(
        csv.starts_with("\u{feff}Rank,Unit,Total (100),主动公开 (30),"),
        "{csv}"
    );
}
