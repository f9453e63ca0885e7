//! Shared pieces of kaohe's fuzz targets: the rubrics evidence is fuzzed against, and
//! the work done on every diagnostic and score sheet a target produces, so that a
//! panic anywhere downstream of the input (rendering a span, writing a report) is
//! found too.

pub mod diagnostic_check;
pub mod report_check;

use std::path::PathBuf;
use std::sync::OnceLock;

use kaohe::check::{bounds, compile, Rubric};
use kaohe::diagnostic::{render_human, render_json, Diagnostic, HumanStyle};
use kaohe::eval::{evaluate, summarise, Scorer, Sheet, Summary};
use kaohe::evidence::Unit;
use kaohe::model::{items_with_kind, SectionKind};
use kaohe::source::SourceFile;

/// The rule files evidence is fuzzed against: both 2020 tables, and the 2021
/// illustration, which uses every construct of the language (periods counted in
/// working days with its calendar, discretionary scores, bonus and penalty sections).
pub const RULES: [&str; 3] = [
    "rules/jiangmen-2020/county.rule",
    "rules/jiangmen-2020/department.rule",
    "rules/examples/illustration-2021.rule",
];

/// The repository's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The rubrics of [`RULES`], compiled once per process. They are read under their
/// real paths, so the illustration finds its calendar.
pub fn rubrics() -> &'static [Rubric] {
    static RUBRICS: OnceLock<Vec<Rubric>> = OnceLock::new();
    RUBRICS.get_or_init(|| {
        RULES
            .iter()
            .map(|rule| {
                let path = root().join(rule);
                let text = std::fs::read_to_string(&path).expect("the rule file");
                let checked = compile(&SourceFile::new(path.display().to_string(), text));
                checked.rubric.expect("the repository's rule files compile")
            })
            .collect()
    })
}

/// Renders every diagnostic as a person and a program would read it.
pub fn render_all(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        std::hint::black_box(render_human(d, HumanStyle::Plain));
        std::hint::black_box(render_json(d));
    }
}

/// Scores a unit, checks the invariants every score sheet must keep, and writes every
/// report of it. An evaluation error is a diagnostic, rendered like any other.
pub fn score_and_report(rubric: &Rubric, unit: &Unit) {
    let summary = summarise(rubric, unit);
    let compiled = Scorer::new(rubric).summarise(unit);
    match evaluate(rubric, unit) {
        Ok(sheet) => {
            check_invariants(rubric, &sheet);
            // Scoring without a trace gives the sheet's numbers, written alike to the
            // last digit (`Decimal`'s equality ignores trailing zeros; reports do not).
            let summary = summary.expect("summarise scores what evaluate scores");
            let compiled = compiled.expect("the compiled scorer scores what evaluate scores");
            let expected = Summary::of(rubric, &sheet);
            assert_eq!(expected, summary, "summarise and evaluate differ");
            assert_eq!(
                expected, compiled,
                "the compiled scorer and evaluate differ"
            );
            assert_eq!(
                format!("{expected:?}"),
                format!("{compiled:?}"),
                "the compiled scorer writes a number differently"
            );
            let sheets = [sheet];
            let summaries = [summary];
            std::hint::black_box(kaohe::report::json(rubric, &sheets));
            std::hint::black_box(kaohe::report::markdown(rubric, &sheets));
            std::hint::black_box(kaohe::report::table(rubric, &summaries));
            std::hint::black_box(kaohe::report::ranking_csv(rubric, &summaries));
            std::hint::black_box(kaohe::report::explain(rubric, &sheets[0]));
        }
        Err(d) => {
            assert!(summary.is_err(), "summarise scores what evaluate refuses");
            let other = compiled.expect_err("the compiled scorer scores what evaluate refuses");
            assert_eq!(
                (other.code, &other.message),
                (d.code, &d.message),
                "the compiled scorer refuses differently"
            );
            render_all(&[d]);
        }
    }
}

/// Every item within its bounds, its trace adding up to its score, and the total
/// within 0 and the rubric's most: a breach is a wrong published score, so it panics.
pub fn check_invariants(rubric: &Rubric, sheet: &Sheet) {
    assert!(
        sheet.score >= rubric_zero() && sheet.score <= rubric.total_max,
        "total {} outside 0 to {}",
        sheet.score,
        rubric.total_max
    );
    let declared = items_with_kind(&rubric.nodes);
    let scored = sheet.items_with_kind();
    assert_eq!(declared.len(), scored.len(), "every item is scored");
    for ((item, kind), (_, scored_kind, score)) in declared.iter().zip(&scored) {
        assert_eq!(item.name.node, score.name);
        assert_eq!(kind, scored_kind);
        let (low, high, start) = bounds(item, *kind);
        let start = item.start.as_ref().map_or(start, |s| s.node);
        match score.score {
            Some(s) => {
                assert!(score.applicable);
                assert!(low <= s && s <= high, "item `{}` scored {s}", score.name);
                let sum: rust_decimal::Decimal = score.trace.iter().map(|t| t.delta).sum();
                assert_eq!(start + sum, s, "the trace of `{}` adds up", score.name);
            }
            // A not-applicable item's trace says why, and moves nothing.
            None => assert!(!score.applicable && score.trace.iter().all(|t| t.delta.is_zero())),
        }
        if *kind == SectionKind::Penalty {
            assert!(score.score.is_none_or(|s| s <= rubric_zero()));
        }
    }
}

fn rubric_zero() -> rust_decimal::Decimal {
    rust_decimal::Decimal::ZERO
}

/// A scratch file for formats kaohe reads from a path (CSV, XLSX), one per process
/// and extension, on a memory-backed file system when there is one.
pub fn scratch(extension: &str) -> PathBuf {
    let dir = if std::path::Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    dir.join(format!("kaohe-fuzz-{}.{extension}", std::process::id()))
}

/// Any bytes as a TOML, JSON or YAML evidence file named `name`: UTF-8 text read in
/// `format` and validated against each rubric; a unit that validates is scored, its
/// invariants checked and every report written.
pub fn text_evidence(data: &[u8], format: kaohe::evidence::Format, name: &str) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::new(name, text);
    let node = match kaohe::evidence::read(&source, format) {
        Ok(node) => node,
        Err(d) => return render_all(&[d]),
    };
    for rubric in rubrics() {
        match kaohe::evidence::validate(rubric, &source, &node) {
            Ok(unit) => score_and_report(rubric, &unit),
            Err(ds) => render_all(&ds),
        }
    }
}
