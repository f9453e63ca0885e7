//! Helpers shared by the integration tests: compile a rule text, score an evidence text.

#![allow(dead_code)]

use kaohe::check::{compile, Rubric};
use kaohe::diagnostic::{render_human, Diagnostic, HumanStyle};
use kaohe::eval::{evaluate, ClauseRef, ItemScore, Sheet};
use kaohe::evidence::{load, read, validate, Format};
use kaohe::source::SourceFile;
use rust_decimal::Decimal;

/// Compiles a rule text, failing the test with the rendered diagnostics on any error.
pub fn rubric(text: &str) -> Rubric {
    rubric_named("test.rule", text)
}

/// Compiles a rule text under a file name (a rule file of the repository, or a changed
/// copy of one), failing the test with the rendered diagnostics on any diagnostic.
pub fn rubric_named(name: &str, text: &str) -> Rubric {
    let checked = compile(&SourceFile::new(name, text));
    let rendered: String = checked
        .diagnostics
        .iter()
        .map(|d| render_human(d, HumanStyle::Plain))
        .collect();
    assert!(
        checked.diagnostics.is_empty(),
        "unexpected diagnostics:\n{rendered}"
    );
    checked.rubric.expect("a rubric without diagnostics")
}

/// Every diagnostic of a rule text.
pub fn diagnostics(text: &str) -> Vec<Diagnostic> {
    compile(&SourceFile::new("test.rule", text)).diagnostics
}

/// Validates a TOML evidence text against a rubric.
pub fn unit(rubric: &Rubric, evidence: &str) -> Result<kaohe::evidence::Unit, Vec<Diagnostic>> {
    let source = SourceFile::new("unit.toml", evidence);
    let node = read(&source, Format::Toml).map_err(|d| vec![d])?;
    validate(rubric, &source, &node)
}

/// Scores a TOML evidence text, failing the test on invalid evidence.
pub fn sheet(rubric: &Rubric, evidence: &str) -> Sheet {
    let unit = unit(rubric, evidence).unwrap_or_else(|ds| {
        let rendered: String = ds
            .iter()
            .map(|d| render_human(d, HumanStyle::Plain))
            .collect();
        panic!("invalid evidence:\n{rendered}")
    });
    evaluate(rubric, &unit).expect("evaluates")
}

/// Compiles a rule file of the repository (`rules/examples/limits-2023.rule`), failing
/// the test with the rendered diagnostics on any diagnostic.
pub fn example_rubric(rule: &str) -> Rubric {
    let text = std::fs::read_to_string(rule).expect("the rule file");
    rubric_named(rule, &text)
}

/// The score sheet of an example unit, `examples/FOLDER/NAME.toml`, failing the test
/// when it is not valid evidence or cannot be scored.
pub fn example_sheet(rubric: &Rubric, folder: &str, name: &str) -> Sheet {
    let path = format!("examples/{folder}/{name}.toml");
    let unit =
        load(rubric, std::path::Path::new(&path)).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    evaluate(rubric, &unit).expect("the unit scores")
}

/// Each item's name, score and whether its own bound cut it (a step of the trace says
/// so), in the order of the file.
pub fn items_and_cuts(sheet: &Sheet) -> Vec<(String, Option<Decimal>, bool)> {
    sheet
        .items()
        .into_iter()
        .map(|(_, i)| {
            let cut = i.trace.iter().any(|t| t.clause == ClauseRef::Bound);
            (i.name.clone(), i.score, cut)
        })
        .collect()
}

/// One row of [`items_and_cuts`]: an item scored `score`, cut by its bound or not.
pub fn cut_row(name: &str, score: &str, cut: bool) -> (String, Option<Decimal>, bool) {
    (name.to_string(), Some(d(score)), cut)
}

/// The scored item of that name.
pub fn item<'a>(sheet: &'a Sheet, name: &str) -> &'a ItemScore {
    sheet
        .items()
        .into_iter()
        .map(|(_, i)| i)
        .find(|i| i.name == name)
        .expect("item in the sheet")
}

/// A decimal from its text: `d("1.5")`.
pub fn d(text: &str) -> Decimal {
    Decimal::from_str_exact(text).expect("a decimal")
}

/// The sum of an item's trace deltas added to its starting points must give its score.
pub fn assert_trace_adds_up(item: &ItemScore, start: Decimal) {
    let sum: Decimal = item.trace.iter().map(|s| s.delta).sum();
    assert_eq!(
        Some(start + sum),
        item.score,
        "trace of `{}` does not add up: {:#?}",
        item.name,
        item.trace
    );
}

/// A folder of its own for one test, removed with everything in it when the value is
/// dropped: when the test ends, and also when it fails, as the panic unwinds. Its name
/// starts `kaohe-NAME-`, so a folder left by a test killed from outside says whose it is.
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = tempfile::Builder::new()
            .prefix(&format!("kaohe-{name}-"))
            .tempdir()
            .expect("a scratch folder");
        Scratch(dir)
    }
}

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;

    fn deref(&self) -> &std::path::Path {
        self.0.path()
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        self.0.path()
    }
}
