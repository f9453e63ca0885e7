//! `kaohe::app`, what the commands do, used as a library: nothing printed, the
//! outcome given to the caller.

use crate::common;
use std::path::PathBuf;

use kaohe::app::{self, Failure};
use kaohe::diagnostic::codes;
use kaohe::evidence::Options;

const COUNTY: &str = "rules/jiangmen-2020/county.rule";
const EXAMPLES: &str = "examples/jiangmen-2020/county";

fn scratch(name: &str) -> common::Scratch {
    common::Scratch::new(&format!("app-{name}"))
}

#[test]
fn compile_gives_the_rubric_or_the_reason() {
    let checked = app::compile(COUNTY.as_ref(), None);
    assert!(checked.rubric.is_some());
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);

    let missing = app::compile("no-such.rule".as_ref(), None);
    assert!(missing.rubric.is_none());
    assert_eq!(missing.diagnostics.len(), 1);
    assert_eq!(missing.diagnostics[0].code, codes::READ);
    assert!(
        missing.diagnostics[0]
            .message
            .starts_with("cannot read `no-such.rule`"),
        "{}",
        missing.diagnostics[0].message
    );
}

#[test]
fn score_evidence_keeps_what_the_scorer_gives_and_reports_progress() {
    let rubric = app::compile(COUNTY.as_ref(), None)
        .rubric
        .expect("compiles");
    let mut progress = Vec::new();
    let outcome: app::Outcome<Vec<_>> = app::score_evidence(
        &rubric,
        &[PathBuf::from(EXAMPLES)],
        &Options::default(),
        &mut |n| progress.push(n),
        |unit| kaohe::eval::evaluate(&rubric, unit),
    );
    assert!(outcome.notes.is_empty());
    let sheets = outcome.result.expect("scored");
    let mut units: Vec<_> = sheets.iter().map(|s| s.unit.as_str()).collect();
    units.sort();
    assert_eq!(units, ["台山市", "恩平市", "蓬江区"]);
    assert_eq!(progress, [1, 2, 3]);
    // tests/hand-computed.md works 恩平市's total out by hand.
    let enping = sheets.iter().find(|s| s.unit == "恩平市").expect("恩平市");
    assert_eq!(enping.score, rust_decimal::Decimal::from(27));

    // The same, loaded whole and then scored.
    let loaded = app::load_units(
        &rubric,
        &[PathBuf::from(EXAMPLES)],
        &Options::default(),
        &mut |_| {},
    );
    let units = loaded.result.expect("loaded");
    let whole = app::score(&rubric, &units, &mut |_| {}).expect("scored");
    assert_eq!(whole.len(), 3);
    for sheet in &whole {
        let streamed = sheets
            .iter()
            .find(|s| s.unit == sheet.unit)
            .expect("same units");
        assert_eq!(streamed.score, sheet.score);
    }
}

#[test]
fn evidence_with_problems_is_a_failure_that_sums_itself_up() {
    let rubric = app::compile(COUNTY.as_ref(), None)
        .rubric
        .expect("compiles");
    let dir = scratch("problems");
    let text = std::fs::read_to_string(format!("{EXAMPLES}/enping.toml")).unwrap();
    let bad = text
        .replacen("\"未做意见征集\" = true", "\"未做意见征集\" = 7", 1)
        .replacen(
            "\"未提供征集有效期\" = true",
            "\"未提供征集有效期\" = \"x\"",
            1,
        );
    assert_ne!(bad, text);
    std::fs::write(dir.join("enping.toml"), bad).unwrap();
    let outcome: app::Outcome<Vec<kaohe::eval::Sheet>> = app::score_evidence(
        &rubric,
        &[dir.to_path_buf()],
        &Options::default(),
        &mut |_| {},
        |unit| kaohe::eval::evaluate(&rubric, unit),
    );
    let failure = outcome.result.expect_err("not scored");
    assert!(matches!(
        failure,
        Failure::Evidence {
            shown: 2,
            more: false,
            ..
        }
    ));
    assert_eq!(failure.diagnostics().len(), 2);
    assert!(failure
        .diagnostics()
        .iter()
        .all(|d| d.code.starts_with("kaohe::evidence::")));
    assert_eq!(
        failure.summary().as_deref(),
        Some("no unit was scored: the evidence has 2 problem(s)")
    );

    let empty = scratch("empty");
    let outcome = app::load_units(
        &rubric,
        &[empty.to_path_buf()],
        &Options::default(),
        &mut |_| {},
    );
    let failure = outcome.result.expect_err("no evidence");
    assert!(matches!(failure, Failure::Paths(_)));
    assert_eq!(failure.diagnostics()[0].code, codes::READ);
    assert_eq!(failure.summary(), None);
}
