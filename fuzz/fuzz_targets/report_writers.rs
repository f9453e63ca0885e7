//! The report writers: units of the 2021 illustration whose names and discretionary
//! reasons are whatever the fuzzer writes, into every format (the table, JSON,
//! Markdown, the CSV ranking, the XLSX workbook, explain), each checked by
//! `kaohe_fuzz::report_check::check_reports`: no formula cell, no control or
//! bidirectional character where a terminal or a viewer shows the text, no markup
//! from the units' text, every document well-formed and its text intact.

#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use kaohe::evidence::{load, Unit};
use kaohe_fuzz::report_check::{check_reports, hostile_units};
use kaohe_fuzz::{root, rubrics};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    names: Vec<String>,
    reasons: Vec<String>,
}

/// The example unit 示例甲区 of the illustration, with two discretionary reasons.
fn base() -> &'static Unit {
    static BASE: OnceLock<Unit> = OnceLock::new();
    BASE.get_or_init(|| {
        let path = root().join("examples/illustration/jia.toml");
        load(&rubrics()[2], &path).expect("the example evidence")
    })
}

fuzz_target!(|input: Input| {
    // A few units of short texts: the checks, not the sizes, are what is fuzzed.
    if input.names.is_empty() || input.names.len() > 8 {
        return;
    }
    if input.names.iter().chain(&input.reasons).any(|t| t.len() > 400) {
        return;
    }
    let units = hostile_units(base(), &input.names, &input.reasons);
    if let Err(e) = check_reports(&rubrics()[2], &units) {
        panic!("{e}");
    }
});
