//! The invented 2023 rubric of the table's own layout (rules/examples/tables-2023.rule):
//! its columns 考评内容 | 评估点 | 考核标准 | 评分细则 | 权重 in every render format, weights
//! printed as percentages, a second text column, and warnings acknowledged with
//! `allow`; scored against its example units, whose hand computations stand at the top
//! of their evidence files and again here.

use crate::common;

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use common::d;
use kaohe::check::{compile, Rubric};
use kaohe::diagnostic::codes;
use kaohe::eval::evaluate;
use kaohe::evidence::load;
use kaohe::render::{html::html, markdown::markdown, xlsx::xlsx, Table};
use kaohe::source::SourceFile;
use rust_decimal::Decimal;

const RULE: &str = "rules/examples/tables-2023.rule";

fn checked() -> kaohe::check::Checked {
    let text = std::fs::read_to_string(RULE).unwrap();
    compile(&SourceFile::new(RULE, text))
}

fn rubric() -> Rubric {
    checked().rubric.expect("the example checks")
}

/// A unit's total and first-level subtotals.
fn scores(name: &str) -> (Decimal, Vec<Decimal>) {
    let r = rubric();
    let unit = load(&r, Path::new(&format!("examples/tables-2023/{name}.toml")))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let sheet = evaluate(&r, &unit).unwrap();
    (
        sheet.score,
        sheet.categories.iter().map(|c| c.score).collect(),
    )
}

#[test]
fn the_example_checks_with_two_warnings_acknowledged() {
    let c = checked();
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let acknowledged: Vec<&str> = c.acknowledged.iter().map(|d| d.code).collect();
    // 政府信息公开指南 (有得10分, 无扣2分) and 业务培训 (培训人次 only recorded).
    assert_eq!(acknowledged, [codes::ZERO_UNREACHABLE, codes::UNUSED]);
}

#[test]
fn units_score_as_computed_by_hand() {
    // Every item at full points: 50 + 30 + 20.
    assert_eq!(scores("jia"), (d("100"), vec![d("50"), d("30"), d("20")]));
    // 8 + 12 + 12.5; 12 + 0 (扣完为止); 10 + 0.
    assert_eq!(scores("yi"), (d("54.5"), vec![d("32.5"), d("12"), d("10")]));
    // 10 + 0 + 17.5; 15 + 9; 0 + 10.
    assert_eq!(
        scores("bing"),
        (d("61.5"), vec![d("27.5"), d("24"), d("10")])
    );
}

#[test]
fn markdown_has_the_tables_own_columns() {
    let md = markdown(&Table::new(&rubric()));
    let lines: Vec<&str> = md.lines().collect();
    assert!(lines.contains(&"| 考评内容 | 评估点 | 考核标准 | 评分细则 | 权重 |"));
    assert!(lines.contains(&"| --- | --- | --- | --- | ---: |"));
    assert!(lines.contains(
        &"| 主动公开 (50%) | 政府信息公开指南 | 编制并公开政府信息公开指南。 | 有得10分, 无扣2分。 | 20% |"
    ));
    assert!(lines.contains(
        &"|  | 重点领域信息公开 | 财政、教育、医疗等重点领域信息公开。 | 每缺一项扣2.5分, 扣完为止。 | 40% |"
    ));
    assert!(lines.contains(&"| 合计 |  |  |  | 100% |"), "{md}");
}

#[test]
fn html_has_the_tables_own_columns() {
    let page = html(&Table::new(&rubric()));
    assert!(page.contains(
        "<th scope=\"col\">考评内容</th><th scope=\"col\">评估点</th><th scope=\"col\">考核标准</th>\
         <th scope=\"col\">评分细则</th><th scope=\"col\">权重</th>"
    ));
    assert!(page.contains(
        "<td class=\"criteria\"><p>年度重点政策文件及时公开。</p></td>\
         <td class=\"criteria\"><p>每有1件未公开扣4分, 扣完为止。</p></td>\
         <td class=\"points\">40%</td>"
    ));
    assert!(page.contains("主动公开<br>(50%)"), "{page}");
}

#[test]
fn xlsx_has_the_tables_own_columns() {
    let bytes = xlsx(&Table::new(&rubric())).expect("builds");
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("a valid xlsx file");
    let range = book.worksheet_range("考核表").expect("the sheet");
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    // Row 0: the source; row 1: the title; row 2: the headings; row 3: the first item.
    let headings: Vec<Data> = (0..5).map(|c| cell(2, c)).collect();
    assert_eq!(
        headings,
        ["考评内容", "评估点", "考核标准", "评分细则", "权重"].map(|h| Data::String(h.into()))
    );
    assert_eq!(cell(3, 0), Data::String("主动公开 (50%)".into()));
    assert_eq!(
        cell(3, 2),
        Data::String("编制并公开政府信息公开指南。".into())
    );
    assert_eq!(cell(3, 3), Data::String("有得10分, 无扣2分。".into()));
    assert_eq!(cell(3, 4), Data::String("20%".into()));
    // The 合计 row after the seven items.
    assert_eq!(cell(10, 0), Data::String("合计".into()));
    assert_eq!(cell(10, 4), Data::String("100%".into()));
}

#[test]
fn the_example_is_formatted() {
    let text = std::fs::read_to_string(RULE).unwrap();
    let source = SourceFile::new(RULE, text.as_str());
    let formatted = kaohe::formatter::format(&source).expect("formats");
    assert_eq!(formatted, text);
}

/// `kaohe diff` reports a change of the table's form: its columns, a draft, its
/// methods.
#[test]
fn diff_reports_the_tables_form() {
    let text = std::fs::read_to_string(RULE).unwrap();
    let changed = text
        .replace("text \"评分细则\"", "text \"评分标准\"")
        .replace("year 2023", "year 2023\ndraft");
    let old = rubric();
    let new = compile(&SourceFile::new("new.rule", changed))
        .rubric
        .expect("checks");
    let report = kaohe::diff::compare(&old, &new);
    let settings: Vec<(&str, Option<&str>, Option<&str>)> = report
        .settings
        .iter()
        .map(|s| (s.setting, s.old.as_deref(), s.new.as_deref()))
        .collect();
    assert_eq!(
        settings,
        [
            ("draft", None, Some("draft")),
            (
                "columns",
                Some("考评内容 | 评估点 | 考核标准 | 评分细则 | 权重"),
                Some("考评内容 | 评估点 | 考核标准 | 评分标准 | 权重")
            ),
        ]
    );
    let text = kaohe::diff::text::text(&report);
    assert!(
        text.contains("columns: 考评内容 | 评估点 | 考核标准 | 评分细则 | 权重 → "),
        "{text}"
    );
}
