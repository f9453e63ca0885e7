//! Numbers that are not counts (rules/examples/numbers-2023.rule and small rubrics):
//! `number` facts, percentages above 100%, arithmetic, steps, proportional
//! deductions, and divisors of 0. Every score is worked out by hand beside its
//! assertion; the fast scorer is checked to agree with the sheet each time.

use crate::common;

use std::path::Path;

use common::{d, item, sheet, unit};
use kaohe::check::{compile, Rubric};
use kaohe::diagnostic::codes;
use kaohe::eval::{evaluate, Scorer, Sheet, Summary};
use kaohe::evidence::{load, load_file};
use kaohe::source::SourceFile;
use rust_decimal::Decimal;

const RULE: &str = "rules/examples/numbers-2023.rule";

fn example() -> Rubric {
    let text = std::fs::read_to_string(RULE).unwrap();
    let checked = compile(&SourceFile::new(RULE, text));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    checked.rubric.unwrap()
}

fn subtotals(s: &Sheet) -> Vec<Decimal> {
    s.categories.iter().map(|c| c.score).collect()
}

/// The sheet of a unit, after checking that the fast scorer gives the same summary.
fn agreed(r: &Rubric, u: &kaohe::evidence::Unit) -> Sheet {
    let s = evaluate(r, u).unwrap();
    let fast = Scorer::new(r).summarise(u).unwrap();
    assert_eq!(format!("{fast:?}"), format!("{:?}", Summary::of(r, &s)));
    s
}

#[test]
fn jia_scores_as_computed_by_hand() {
    // 主动公开 10 + 18 + 17 = 45; 依申请公开 17.5; 机制保障 15; base 77.5; 加分项 +2: 79.5.
    let r = example();
    let u = load(&r, Path::new("examples/numbers-2023/jia.toml")).unwrap();
    let s = agreed(&r, &u);
    assert_eq!(subtotals(&s), ["45", "17.5", "15", "2"].map(d));
    assert_eq!(s.score, d("79.5"));
    // 公开数 150, 规定数 100: 150% − 100% = 50%, two steps of 20%.
    let bonus = item(&s, "超额公开");
    assert_eq!(bonus.score, Some(d("2")));
}

#[test]
fn yi_is_prorated_and_its_zero_divisor_exempted() {
    // 目录公开率 not applicable (应公开数 = 0); 主动公开 12 + 20 = 32 of 40; 依申请公开 20;
    // 机制保障 10; 62 of 80 applicable: 62 ÷ 80 × 100 = 77.5; 规定数 = 0 exempts the bonus.
    let r = example();
    let u = load(&r, Path::new("examples/numbers-2023/yi.toml")).unwrap();
    let s = agreed(&r, &u);
    assert_eq!(subtotals(&s), ["32", "20", "10", "0"].map(d));
    assert_eq!(s.score, d("77.5"));
    assert_eq!(item(&s, "目录公开率").score, None);
}

#[test]
fn bing_from_csv_scores_as_computed_by_hand() {
    // 主动公开 0 + 20 + 20 = 40; 依申请公开 12; 机制保障 0; base 52; 加分项 8 steps, at
    // most 3: 55 (examples/numbers-2023/README.md).
    let r = example();
    let (units, problems) = load_file(&r, Path::new("examples/numbers-2023/bing.csv"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(units.len(), 1);
    let s = agreed(&r, &units[0].unit);
    assert_eq!(subtotals(&s), ["40", "12", "0", "3"].map(d));
    assert_eq!(s.score, d("55"));
}

#[test]
fn the_chinese_narrative_says_the_value_and_the_steps() {
    let r = example();
    let u = load(&r, Path::new("examples/numbers-2023/jia.toml")).unwrap();
    let s = evaluate(&r, &u).unwrap();
    let text = kaohe::report::markdown_in(&r, &[s], kaohe::locale::Lang::Zh);
    for said in [
        "已公开数÷应公开数为90%,低于100%,扣10分。",
        "90−(一季度+二季度+三季度+四季度)÷4为8,每5计一档,计1档,扣2分。",
        "100%−按时率为3.5%,每1%计一档,计3档,每档扣1分,扣3分。",
        "被纠错件数占依申请公开办理总数的比重为12.5%,扣2.5分。",
        "公开数÷规定数−100%为50%,每20%计一档,计2档,每档得1分,得2分。",
    ] {
        assert!(text.contains(said), "{said}\n{text}");
    }
}

/// A one-item rubric of 10 points around an item body, with no error (the warnings
/// of the range analysis, such as an item that never reaches 0, are beside the point
/// here).
fn one_item(body: &str) -> Rubric {
    let text = format!(
        "rubric 表\ntotal 10\nyear 2023\nsection 甲 10 {{\n  item 乙 10 {{\n{body}\n  }}\n}}\n"
    );
    let checked = compile(&SourceFile::new("t.rule", text));
    assert!(
        !checked.diagnostics.iter().any(|d| d.is_error()),
        "{:?}",
        checked.diagnostics
    );
    checked.rubric.unwrap()
}

fn facts(lines: &str) -> String {
    format!("unit = \"单位\"\n[\"乙\"]\n{lines}\n")
}

#[test]
fn numbers_are_read_exactly_and_averaged() {
    // (0.1 + 0.2 + 59.7 + 60) ÷ 4 = 30 exactly (a float would give 29.999…): not below
    // 30, nothing taken; 29.99 is.
    let r = one_item(
        "fact 甲 number\n fact 乙 number\n fact 丙 number\n fact 丁 number\n if (甲 + 乙 + 丙 + 丁) / 4 < 30 -4",
    );
    let s = sheet(
        &r,
        &facts("\"甲\" = 0.1\n\"乙\" = 0.2\n\"丙\" = 59.7\n\"丁\" = \"60\""),
    );
    assert_eq!(s.score, d("10"));
    let s = sheet(
        &r,
        &facts("\"甲\" = 0.1\n\"乙\" = 0.2\n\"丙\" = 59.66\n\"丁\" = 60"),
    );
    assert_eq!(s.score, d("6"));
}

#[test]
fn bad_numbers_and_percentages_above_their_max_are_evidence_errors() {
    let r = one_item(
        "fact 甲 number max 100\n fact 率 percent max 200%\n if 甲 > 50 -1\n if 率 > 150% -1",
    );
    for (lines, found) in [
        (
            "\"甲\" = 100.5\n\"率\" = 100",
            "`甲` is 100.5, outside 0 to 100",
        ),
        ("\"甲\" = -1\n\"率\" = 100", "`甲` is -1, outside 0 to 100"),
        ("\"甲\" = \"十\"\n\"率\" = 100", "`甲` must be a number"),
        ("\"甲\" = 1\n\"率\" = 250", "`率` is 250%, above 200%"),
    ] {
        let errors = unit(&r, &facts(lines)).expect_err(lines);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].code, codes::EVIDENCE_VALUE);
        assert!(errors[0].message.contains(found), "{}", errors[0].message);
    }
    // 180% is within `percent max 200%`, and above 150%: 10 − 1 = 9.
    assert_eq!(
        sheet(&r, &facts("\"甲\" = 1\n\"率\" = \"180%\"")).score,
        d("9")
    );
}

#[test]
fn steps_count_whole_steps_and_nothing_below_zero() {
    // 公开数 ÷ 规定数 − 130%, in steps of 20%, +1 each, at most 3, from 5 points.
    let r = one_item(
        "fact 公开数 count\n fact 规定数 count\n start 5\n applicable unless 规定数 = 0\n per (公开数 / 规定数 - 130%) step 20% +1 max 3",
    );
    for (published, score) in [
        (100, "5"), // 100% − 130% < 0: no step.
        (149, "5"), // 19%: no whole step.
        (150, "6"), // 20%: one step.
        (189, "7"), // 59%: two whole steps (2.95).
        (200, "8"), // 70%: three steps.
        (900, "8"), // 770%: 38 steps, at most +3.
    ] {
        let s = sheet(
            &r,
            &facts(&format!("\"公开数\" = {published}\n\"规定数\" = 100")),
        );
        assert_eq!(s.score, d(score), "{published}");
    }
}

#[test]
fn proportional_deductions_multiply_the_effect() {
    // 按比重扣分: 12.5% of −8 is −1; 2.5 × −2 is −5; 0 takes nothing.
    let r =
        one_item("fact 比重 percent\n fact 次数 number max 5\n per 比重 -8\n per 次数 -2 floor 0");
    assert_eq!(
        sheet(&r, &facts("\"比重\" = 12.5\n\"次数\" = 2.5")).score,
        d("4")
    );
    assert_eq!(
        sheet(&r, &facts("\"比重\" = 0\n\"次数\" = 0")).score,
        d("10")
    );
    // A quantity without a step multiplies too: (a − b) = 1.5 times −2 is −3.
    let r = one_item("fact 甲 number max 5\n fact 乙 number max 5\n per (甲 - 乙) -2 floor 0");
    assert_eq!(sheet(&r, &facts("\"甲\" = 4\n\"乙\" = 2.5")).score, d("7"));
    // Below 0 it takes nothing.
    assert_eq!(sheet(&r, &facts("\"甲\" = 1\n\"乙\" = 2.5")).score, d("10"));
}

#[test]
fn a_divisor_of_zero_refuses_the_unit_naming_unit_item_and_expression() {
    let r = compile(&SourceFile::new(
        "t.rule",
        "rubric 表\ntotal 10\nyear 2023\nsection 甲 10 {\n  item 乙 10 {\n fact 公开数 count\n fact 规定数 count\n if 公开数 / 规定数 < 80% -4\n  }\n}\n",
    ));
    // The checker warns that nothing guards the divisor (and that the item never
    // reaches 0).
    let warned: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
    assert!(warned.contains(&codes::UNGUARDED_DIVISOR), "{warned:?}");
    assert!(!r.diagnostics.iter().any(|d| d.is_error()));
    let r = r.rubric.unwrap();
    let u = unit(&r, &facts("\"公开数\" = 3\n\"规定数\" = 0")).unwrap();
    let e = evaluate(&r, &u).unwrap_err();
    assert_eq!(e.code, codes::DIVIDE_BY_ZERO);
    assert!(e.message.contains("`单位`"), "{}", e.message);
    assert!(e.message.contains("`乙`"), "{}", e.message);
    assert!(e.message.contains("`公开数 / 规定数`"), "{}", e.message);
    // The fast scorer refuses it alike.
    let fast = Scorer::new(&r).summarise(&u).unwrap_err();
    assert_eq!((fast.code, fast.message), (e.code, e.message));
}

#[test]
fn the_fast_scorer_agrees_with_the_sheet_over_a_grid_of_values() {
    let r = example();
    let mut scored = 0;
    for published in [0u32, 1, 13, 45, 50, 131, 260] {
        for required in [0u32, 10, 50, 100] {
            for quarter in ["0", "59.9", "84.5", "90", "100"] {
                for share in ["0", "12.5", "100"] {
                    let evidence = format!(
                        "unit = \"格\"\n[\"目录公开率\"]\n\"已公开数\" = {published}\n\"应公开数\" = {required}\n\
                         [\"季度测评\"]\n\"一季度\" = {quarter}\n\"二季度\" = 80\n\"三季度\" = {quarter}\n\"四季度\" = 70.25\n\
                         [\"年报按时率\"]\n\"按时率\" = {share}\n[\"办理质量\"]\n\"纠错比重\" = {share}\n\
                         [\"经费执行\"]\n\"未安排经费\" = false\n\"执行率\" = {published}\n\
                         [\"超额公开\"]\n\"公开数\" = {published}\n\"规定数\" = {required}\n"
                    );
                    let u = match unit(&r, &evidence) {
                        Ok(u) => u,
                        // 执行率 above 300%.
                        Err(_) => continue,
                    };
                    let s = agreed(&r, &u);
                    assert!(s.score >= Decimal::ZERO && s.score <= d("103"));
                    scored += 1;
                }
            }
        }
    }
    assert!(scored > 300, "{scored}");
}

#[test]
fn formatting_keeps_the_arithmetic_and_lays_it_out() {
    let text = "rubric 表\ntotal 10\nyear 2023\nsection 甲 10 {\n  item 乙 10 {\n    fact 甲 number max 4\n    fact 乙 number max 4\n    if (甲+乙)÷2 < 3 -4\n    per (甲×乙 - 1) step 2 -1 floor 0\n  }\n}\n";
    let formatted = kaohe::formatter::format(&SourceFile::new("t.rule", text)).unwrap();
    assert!(formatted.contains("if (甲 + 乙) ÷ 2 < 3 -4"), "{formatted}");
    assert!(
        formatted.contains("per (甲 × 乙 - 1) step 2 -1 floor 0"),
        "{formatted}"
    );
}

#[test]
fn a_fact_counted_in_steps_and_percentages_above_100_where_they_can_be_reached() {
    // 率 150% in steps of 40%: 3 whole steps (120%), +1 each, at most 2, from 0: 2.
    let r = one_item("fact 率 percent max 200%\n start 0\n per 率 step 40% +1 max 2");
    assert_eq!(sheet(&r, &facts("\"率\" = 150")).score, d("2"));
    // 150% compared with a plain percent fact can never hold: refused.
    let plain = "rubric 表\ntotal 10\nyear 2023\nsection 甲 10 {\n  item 乙 10 {\n fact 率 percent\n if 率 > 150% -1\n  }\n}\n";
    let codes_given: Vec<&str> = compile(&SourceFile::new("t.rule", plain))
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert!(
        codes_given.contains(&codes::PERCENT_OVER),
        "{codes_given:?}"
    );
    // Beside arithmetic, or a `percent max 200%` fact, it is what the table says.
    let r = one_item(
        "fact 率 percent max 200%\n fact 甲 count\n fact 乙 count\n if 率 > 150% -1\n if 甲 / 乙 >= 130% -2 unless 乙 = 0",
    );
    let s = sheet(&r, &facts("\"率\" = 160\n\"甲\" = 13\n\"乙\" = 10"));
    assert_eq!(s.score, d("7"));
}

#[test]
fn expressions_are_written_back_with_the_brackets_they_need() {
    // The checker's condition analysis and the narrative write expressions out.
    let r = example();
    let u = load(&r, Path::new("examples/numbers-2023/jia.toml")).unwrap();
    let s = evaluate(&r, &u).unwrap();
    let text = kaohe::report::markdown_in(&r, &[s], kaohe::locale::Lang::En);
    assert!(
        text.contains("90−(一季度+二季度+三季度+四季度)÷4 is 8"),
        "{text}"
    );
}
