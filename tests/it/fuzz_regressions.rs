//! Regressions found by fuzzing and by the property tests (docs/fuzzing.md): each
//! input that once crashed kaohe, reduced to its smallest form. Each must end in a
//! score or a diagnostic, never in a panic.

use kaohe::check::compile;
use kaohe::eval::evaluate;
use kaohe::evidence::{read, validate, Format};
use kaohe::source::SourceFile;

/// Compiles a rule text that must be clean, and scores one TOML unit against it.
fn score(rule: &str, evidence: &str) -> Result<kaohe::eval::Sheet, String> {
    let checked = compile(&SourceFile::new("regression.rule", rule));
    let rubric = checked
        .rubric
        .unwrap_or_else(|| panic!("the rule compiles: {:?}", checked.diagnostics));
    let source = SourceFile::new("regression.toml", evidence);
    let node = read(&source, Format::Toml).map_err(|d| d.message)?;
    let unit = validate(&rubric, &source, &node).map_err(|ds| {
        ds.into_iter()
            .map(|d| d.message)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    evaluate(&rubric, &unit).map_err(|d| d.message)
}

/// Found by the property tests (random rubrics): `over N days` added N days to the
/// period's start with chrono's `+`, which panicked when the sum passed the last date
/// chrono knows (`NaiveDate + Days` out of range, src/eval/periods.rs); it now uses
/// `checked_add_days`. The checker accepts any `u32` limit, so a rule file can ask for
/// four billion days. A limit beyond every date means no period ended too late; one
/// that never ended still is.
#[test]
fn a_limit_of_billions_of_days_does_not_overflow_a_date() {
    let rule = "rubric 表\ntotal 4\nsection 甲 4 {\n  item 乙 4 {\n    fact 申请 periods from 收到 to 答复\n    per 申请 over 4000000000 days -1 floor 0\n  }\n}\n";
    let sheet = score(
        rule,
        "unit = \"u\"\n[\"乙\"]\n\"申请\" = [{ \"收到\" = 2020-01-01, \"答复\" = 2020-02-01 }, { \"收到\" = 2020-03-01, \"答复\" = false }]\n",
    )
    .expect("the unit scores");
    // The answered request is on time, the one never answered is late: 4 − 1 = 3.
    assert_eq!(sheet.score, rust_decimal::Decimal::from(3));
}

/// The same limit in a comparison (`申请 over N days >= 1`) goes through the same
/// date arithmetic.
#[test]
fn a_limit_of_billions_of_days_in_a_condition_does_not_overflow_a_date() {
    let rule = "rubric 表\ntotal 4\nsection 甲 4 {\n  item 乙 4 {\n    fact 申请 periods from 收到 to 答复\n    if 申请 over 4294967295 days >= 1 -2\n  }\n}\n";
    let sheet = score(
        rule,
        "unit = \"u\"\n[\"乙\"]\n\"申请\" = [{ \"收到\" = 2020-01-01, \"答复\" = 2020-02-01 }]\n",
    )
    .expect("the unit scores");
    assert_eq!(sheet.score, rust_decimal::Decimal::from(4));
}
