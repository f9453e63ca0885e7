//! Evidence validation: every problem reported at once, each with its code and the
//! exact place in the evidence file; nothing scored from invalid evidence.

use crate::common;

use common::{d, rubric, sheet, unit};
use kaohe::evidence::{read, validate, Format};
use kaohe::source::SourceFile;

const RULE: &str = r#"
rubric 证据测试
total 10
year 2020
section 甲 10 {
  item 决策公开 4 {
    fact 报道次数 count
    fact 未标记 count
    if 报道次数 < 10 zero
    per 未标记 -1 floor 0
  }
  item 解读形式 3 {
    start 0
    fact 形式 set {新闻发布会, 图表, 图解}
    per 形式 except 图解 +2 max 3
  }
  item 行政执法公示 3 {
    fact 无执法职能 bool
    fact 发布日期 date
    applicable unless 无执法职能
    deadline 发布日期 by 2020-12-30 -3
  }
}
"#;

fn problems(evidence: &str) -> Vec<(String, String, String)> {
    let r = rubric(RULE);
    let source = SourceFile::new("u.toml", evidence);
    let errors = unit(&r, evidence).expect_err("invalid evidence");
    errors
        .iter()
        .map(|e| {
            let label = e.labels.first().expect("a label");
            (
                e.code.to_string(),
                e.message.clone(),
                source.text()[label.span.start..label.span.end].to_string(),
            )
        })
        .collect()
}

#[test]
fn every_problem_at_once_with_its_place() {
    let got = problems(
        r#"unit = "蓬江区"
["决策公开"]
"报道次数" = -1
"未标己" = 2
["解读形式"]
"形式" = ["新闻发布会", "音视屏"]
["行政执法公示"]
"无执法职能" = false
"发布日期" = "2020-02-30"
"#,
    );
    let expected = [
        ("kaohe::evidence::value", "`报道次数` is negative", "-1"),
        (
            "kaohe::evidence::unknown",
            "item `决策公开` has no fact `未标己`",
            "\"未标己\"",
        ),
        (
            "kaohe::evidence::missing",
            "item `决策公开` is missing `未标记`",
            "\"决策公开\"",
        ),
        (
            "kaohe::evidence::value",
            "`音视屏` is not a member of `形式`",
            "\"音视屏\"",
        ),
        (
            "kaohe::evidence::value",
            "`2020-02-30` is not a date",
            "\"2020-02-30\"",
        ),
    ];
    let got: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    // Sorted by position: the missing-fact diagnostic points at the table's header.
    let mut want = expected.to_vec();
    want.sort_by_key(|(_, _, text)| {
        [
            "\"决策公开\"",
            "-1",
            "\"未标己\"",
            "\"音视屏\"",
            "\"2020-02-30\"",
        ]
        .iter()
        .position(|t| t == text)
    });
    assert_eq!(got, want);
}

#[test]
fn unknown_fact_suggests_the_declared_one() {
    let r = rubric(RULE);
    let errors = unit(&r, "unit = \"u\"\n[\"决策公开\"]\n\"报道次数\" = 10\n\"未标己\" = 0\n\"未标记\" = 0\n[\"解读形式\"]\n\"形式\" = []\n[\"行政执法公示\"]\n\"无执法职能\" = true\n").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].help.as_deref().unwrap(),
        "did you mean `未标记`? Its facts are 报道次数、未标记"
    );
    let source = &errors[0].source.as_ref().unwrap();
    // Line 4, column 1 in characters.
    assert_eq!(source.line_col(errors[0].labels[0].span.start), (4, 1));
}

#[test]
fn a_not_applicable_item_needs_only_its_condition() {
    let r = rubric(RULE);
    let s = sheet(&r, "unit = \"u\"\n[\"决策公开\"]\n\"报道次数\" = 10\n\"未标记\" = 1\n[\"解读形式\"]\n\"形式\" = [\"图表\", \"图解\"]\n[\"行政执法公示\"]\n\"无执法职能\" = true\n");
    // 决策公开 4 − 1 = 3; 解读形式 2 (图表; 图解 excluded); 行政执法公示 left out.
    // Earned 5 of 7 applicable points: 5 ÷ 7 × 10 = 7.142… → 7.14.
    assert_eq!(
        (s.earned, s.applicable_points, s.score),
        (d("5"), d("7"), d("7.14"))
    );
    // When applicable, its date is required.
    let errors = unit(&r, "unit = \"u\"\n[\"决策公开\"]\n\"报道次数\" = 10\n\"未标记\" = 1\n[\"解读形式\"]\n\"形式\" = []\n[\"行政执法公示\"]\n\"无执法职能\" = false\n").unwrap_err();
    assert_eq!(errors[0].code, "kaohe::evidence::missing");
    assert_eq!(
        errors[0].message,
        "item `行政执法公示` is missing `发布日期`"
    );
}

#[test]
fn missing_unit_and_missing_item_tables() {
    let r = rubric(RULE);
    let errors = unit(&r, "[\"决策公开\"]\n\"报道次数\" = 10\n\"未标记\" = 0\n").unwrap_err();
    assert_eq!(errors[0].code, "kaohe::evidence::unit");
    let errors = unit(
        &r,
        "unit = \"u\"\n[\"决策公开\"]\n\"报道次数\" = 10\n\"未标记\" = 0\n",
    )
    .unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "item `解读形式` is missing `形式`",
            "item `行政执法公示` is missing `无执法职能`, `发布日期`"
        ]
    );
}

#[test]
fn syntax_errors_point_at_the_character() {
    // JSON: the missing comma after a Chinese value, at line 2, counted in characters.
    let source = SourceFile::new("u.json", "{\"unit\": \"蓬江区\"\n \"决策公开\": {}}");
    let e = read(&source, Format::Json).unwrap_err();
    assert_eq!(e.code, "kaohe::evidence::syntax");
    assert_eq!(source.line_col(e.labels[0].span.start), (2, 2));
    // TOML: an unquoted Chinese key.
    let source = SourceFile::new("u.toml", "unit = \"蓬江区\"\n[决策公开]\n");
    let e = read(&source, Format::Toml).unwrap_err();
    assert_eq!(e.code, "kaohe::evidence::syntax");
    assert_eq!(source.line_col(e.labels[0].span.start).0, 2);
    assert!(e.help.as_deref().unwrap().contains("quoted"));
}

#[test]
fn json_evidence_is_validated_the_same_way() {
    let r = rubric(RULE);
    let text = r#"{"unit": "蓬江区", "决策公开": {"报道次数": 12, "未标记": 0},
        "解读形式": {"形式": ["新闻发布会", "图表"]},
        "行政执法公示": {"无执法职能": false, "发布日期": "2020-12-31"}}"#;
    let source = SourceFile::new("u.json", text);
    let node = read(&source, Format::Json).unwrap();
    let u = validate(&r, &source, &node).unwrap();
    let s = kaohe::eval::evaluate(&r, &u).unwrap();
    // 4 + (2 × 2 = 4, capped at 3) + (3 − 3, a day late) = 7.
    assert_eq!(s.score, d("7"));
    let bad = text.replace("12", "12.5");
    let source = SourceFile::new("u.json", bad.as_str());
    let node = read(&source, Format::Json).unwrap();
    let e = validate(&r, &source, &node).unwrap_err();
    assert_eq!(
        e[0].message,
        "`报道次数` must be a whole number, not a number"
    );
}

#[test]
fn a_comment_in_json_is_named_as_such() {
    let source = SourceFile::new("u.json", "{\n  // 蓬江区\n  \"unit\": \"蓬江区\"\n}");
    let e = read(&source, Format::Json).unwrap_err();
    assert_eq!(
        e.message,
        "this JSON file cannot be read: comments are not allowed in JSON"
    );
    assert_eq!(source.line_col(e.labels[0].span.start), (2, 3));
    assert!(e.help.as_deref().unwrap().contains("TOML"));
}

#[test]
fn yaml_evidence_with_its_places() {
    let r = rubric(RULE);
    let text = "unit: 蓬江区\n决策公开:\n  报道次数: 12\n  未标记: -1\n解读形式:\n  形式: [新闻发布会, 音视屏]\n行政执法公示:\n  无执法职能: true\n";
    let source = SourceFile::new("u.yaml", text);
    let node = read(&source, Format::Yaml).unwrap();
    let errors = validate(&r, &source, &node).unwrap_err();
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| {
            (
                e.message.as_str(),
                &text[e.labels[0].span.start..e.labels[0].span.end],
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("`未标记` is negative", "-1"),
            ("`音视屏` is not a member of `形式`", "音视屏")
        ]
    );
    // A syntax error points at its character, counted in characters on its line.
    let source = SourceFile::new("u.yaml", "unit: 蓬江区\n决策公开: [报道次数\n");
    let e = read(&source, Format::Yaml).unwrap_err();
    assert_eq!(e.code, "kaohe::evidence::syntax");
    assert_eq!(source.line_col(e.labels[0].span.start).0, 3);
    // Aliases are refused.
    let source = SourceFile::new("u.yaml", "unit: &a 蓬江区\n决策公开:\n  报道次数: *a\n");
    let e = read(&source, Format::Yaml).unwrap_err();
    assert_eq!(e.message, "YAML aliases are not accepted in evidence");
    // Decimals stay exact.
    let source = SourceFile::new("u.yaml", "unit: u\n决策公开:\n  报道次数: 12\n  未标记: 0\n解读形式:\n  形式: []\n行政执法公示:\n  无执法职能: false\n  发布日期: 2020-12-30\n");
    let node = read(&source, Format::Yaml).unwrap();
    let s = kaohe::eval::evaluate(&r, &validate(&r, &source, &node).unwrap()).unwrap();
    assert_eq!(s.score, d("7"));
}
