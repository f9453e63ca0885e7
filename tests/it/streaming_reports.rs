//! `--format json` and `md` are written unit by unit (issue 17, point 3): each unit's
//! part is spooled as it is scored and the report written whole at the end. The
//! document is the one the library writes of every sheet at once, byte for byte; a
//! run whose evidence has a problem writes nothing.

use crate::common;
use crate::run;

use kaohe::evidence::{load_all_with, Options};
use run::{kaohe, stderr, stdout};

const RULE: &str = "rules/jiangmen-2020/county.rule";
const EVIDENCE: &str = "examples/jiangmen-2020/county";

fn sheets() -> (kaohe::check::Rubric, Vec<kaohe::eval::Sheet>) {
    let source = kaohe::input::read_source(std::path::Path::new(RULE)).expect("rule");
    let rubric = kaohe::check::compile(&source)
        .with_calendar(&source, None)
        .rubric
        .expect("compiles");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(EVIDENCE)
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let units = load_all_with(&rubric, &paths, &Options::default(), &mut |_| {})
        .units
        .expect("valid evidence");
    let scorer = kaohe::eval::Scorer::for_sheets(&rubric);
    let sheets = units
        .iter()
        .map(|u| scorer.sheet(u).expect("scores"))
        .collect();
    (rubric, sheets)
}

#[test]
fn json_and_md_are_the_documents_of_every_sheet_at_once() {
    let (rubric, sheets) = sheets();
    let o = kaohe(&["eval", RULE, EVIDENCE, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), kaohe::report::json(&rubric, &sheets));
    let o = kaohe(&["eval", RULE, EVIDENCE, "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), kaohe::report::markdown(&rubric, &sheets));
}

#[test]
fn a_run_with_a_problem_writes_no_part_of_the_report() {
    let dir = common::Scratch::new("streaming-reports");
    let text = std::fs::read_to_string("tests/diff/spreadsheet/county.csv").expect("csv");
    // The last unit's first count is no count.
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let last = lines.len() - 1;
    lines[last] = lines[last].replacen(",12,", ",十几,", 1);
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, lines.join("\n")).expect("writes");
    for format in ["json", "md"] {
        let o = kaohe(&[
            "eval",
            RULE,
            bad.to_str().expect("utf-8"),
            "--format",
            format,
        ]);
        assert_eq!(o.status.code(), Some(1), "{format}");
        assert!(o.stdout.is_empty(), "{format}: {}", stdout(&o));
        assert!(
            stderr(&o).contains("kaohe::evidence::value"),
            "{}",
            stderr(&o)
        );
    }
}
