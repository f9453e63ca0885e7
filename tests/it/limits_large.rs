//! A rule file of 10 MB (20,000 items in 200 sections, each with its criterion text,
//! facts and clauses) compiles, keeps every item, adds up, scores a unit, and reports
//! a mistake at its far end with the right line. (Nesting 10,000 deep and a 1 MB
//! string are in tests/it/limits.rs; evidence of a million rows is a benchmark.) Time is measured in the benchmarks
//! (docs/performance.md), not here: these tests pin that the engine is correct at
//! this size, and, by finishing within the test run, that nothing is quadratic.

use kaohe::check::compile;
use kaohe::eval::evaluate;
use kaohe::evidence::{read, validate, Format};
use kaohe::model;
use kaohe::source::SourceFile;
use rust_decimal::Decimal;

const SECTIONS: usize = 200;
const ITEMS_PER_SECTION: usize = 100;

/// One item of about 500 bytes: a criterion text, three facts with defaults (so that
/// evidence names only the items where something was found) and three clauses.
fn item(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  item 指标{n} 1 {{\n    text \"\"\"\n      第{n}项:重大决策出台前未做意见征集,扣0.5分;对已废止或失效的文件未进行标记,每发现一条扣0.25分,扣完为止。\n    \"\"\"\n    fact 未征集 bool \"重大决策出台前未做意见征集\" default false\n    fact 未标记数 count \"已废止或失效但未进行标记的文件条数\" default 0\n    fact 解读比例 percent \"已解读的规范性文件所占比例\" default 100%\n    if 未征集 -0.5\n    per 未标记数 -0.25 floor 0\n    if 解读比例 < 50% -0.25 floor 0\n  }}\n"
    ));
}

/// The 10 MB rule file: 200 sections of 100 items, each item worth 1 point.
fn big_rule() -> String {
    let mut text = String::with_capacity(11 << 20);
    text.push_str(&format!(
        "rubric 大型考核表\ntotal {}\nround 2 half-up\n\n",
        SECTIONS * ITEMS_PER_SECTION
    ));
    for s in 0..SECTIONS {
        text.push_str(&format!("section 部分{s} {ITEMS_PER_SECTION} {{\n"));
        for i in 0..ITEMS_PER_SECTION {
            item(&mut text, s * ITEMS_PER_SECTION + i);
        }
        text.push_str("}\n");
    }
    text
}

#[test]
fn a_ten_megabyte_rule_file_compiles_and_scores() {
    let text = big_rule();
    assert!(text.len() >= 10_000_000, "{} bytes", text.len());
    let checked = compile(&SourceFile::new("big.rule", text));
    // Diagnostics are named by their code and message only: each holds the whole
    // 10 MB source, which a `{:?}` would print once per diagnostic.
    let codes: Vec<String> = checked
        .diagnostics
        .iter()
        .take(3)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    assert!(checked.diagnostics.is_empty(), "{codes:?}");
    let rubric = checked.rubric.expect("the rubric");
    let items = model::items(&rubric.nodes);
    assert_eq!(items.len(), SECTIONS * ITEMS_PER_SECTION);
    assert_eq!(items[12_345].name.node, "指标12345");
    assert_eq!(rubric.total, Decimal::from(SECTIONS * ITEMS_PER_SECTION));

    // The unit loses 0.5 on the first item of each section, 3 × 0.25 = 0.75 on its
    // last, and 0.25 on the one before; the defaults say every other item is clean.
    let mut evidence = String::from("unit = \"大单位\"\n");
    for (n, item) in items.iter().enumerate() {
        let facts = match n % ITEMS_PER_SECTION {
            0 => "\"未征集\" = true",
            98 => "\"解读比例\" = 12.5",
            99 => "\"未标记数\" = 3",
            _ => continue,
        };
        evidence.push_str(&format!("[\"{}\"]\n{facts}\n", item.name.node));
    }
    let source = SourceFile::new("big.toml", evidence);
    let node = read(&source, Format::Toml).expect("the evidence reads");
    let unit = validate(&rubric, &source, &node).expect("the evidence is valid");
    let sheet = evaluate(&rubric, &unit).expect("the unit scores");
    let lost = Decimal::from(SECTIONS) * Decimal::new(150, 2);
    assert_eq!(
        sheet.score,
        Decimal::from(SECTIONS * ITEMS_PER_SECTION) - lost
    );
    assert_eq!(sheet.categories.len(), SECTIONS);
    assert_eq!(sheet.categories[7].score, Decimal::new(9850, 2));
    let last = &sheet.categories[SECTIONS - 1].indicators[ITEMS_PER_SECTION - 1];
    assert_eq!(last.score, Some(Decimal::new(25, 2)));
    assert_eq!(last.trace.len(), 1);
}

#[test]
fn a_mistake_at_the_end_of_ten_megabytes_is_found_with_its_line() {
    let mut text = big_rule();
    // The last item's deduction has a floor above the item's points.
    let at = text.rfind("if 未征集 -0.5").expect("the last item");
    text.replace_range(at..at + "if 未征集 -0.5".len(), "if 未征集 -0.5 floor 1000");
    let line = text[..at].matches('\n').count() + 1;
    let source = SourceFile::new("big.rule", text);
    let checked = compile(&source);
    assert!(checked.rubric.is_none());
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    let codes: Vec<String> = errors
        .iter()
        .take(3)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    assert_eq!(errors.len(), 1, "{codes:?}");
    assert_eq!(errors[0].code, "kaohe::points::bound");
    let offset = errors[0].offset();
    assert_eq!(source.line(offset), line);
}
