//! Helpers shared by the integration tests: compile a rule text, score an evidence text.

#![allow(dead_code)]

use kaohe::check::{compile, Rubric};
use kaohe::diagnostic::{render_human, Diagnostic, HumanStyle};
use kaohe::eval::{evaluate, ItemScore, Sheet};
use kaohe::evidence::{read, validate, Format};
use kaohe::source::SourceFile;
use rust_decimal::Decimal;

/// Compiles a rule text, failing the test with the rendered diagnostics on any error.
pub fn rubric(text: &str) -> Rubric {
    let checked = compile(&SourceFile::new("test.rule", text));
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
