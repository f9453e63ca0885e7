//! Test cases: evidence files that also pin the expected result, for `kaohe test`.
//!
//! A case is an evidence file (TOML or JSON) with one more top-level table, `expect`:
//!
//! ```toml
//! [expect]
//! total = 65.5          # the unit's total (prorated, when items are not applicable)
//! "主动公开" = 19        # a section (一级指标 or deeper): its score
//! "业务培训" = 1.5       # an item: its score
//! "行政执法公示" = "不适用" # an item that does not apply (折分处理)
//! ```
//!
//! The `expect` table is taken out of the tree before the evidence is checked, so the
//! rest is validated exactly as `kaohe eval` validates evidence. docs/testing.md
//! describes the format; [`report`] writes the results. Each problem of the `expect`
//! table is a [`CaseError`] kind, made into its [`Diagnostic`] in one place.

mod problem;
pub mod report;

pub use problem::CaseError;

use rust_decimal::Decimal;

use crate::check::{suggest_name, Rubric};
use crate::diagnostic::Diagnostic;
use crate::eval::{evaluate, ItemScore, SectionScore, Sheet};
use crate::evidence;
use crate::input::{self, Node, Raw};
use crate::model;
use crate::model::Node as AstNode;
use crate::source::SourceFile;
use crate::span::Span;

/// The top-level key that holds a case's expectations.
pub use crate::evidence::EXPECT;
/// The key of the expectations that pins the unit's total.
pub const TOTAL: &str = "total";
/// The values that pin an item as not applicable.
pub const NOT_APPLICABLE: [&str; 3] = ["不适用", "n/a", "N/A"];

/// What an expectation pins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Total,
    Section(String),
    Item(String),
}

impl Target {
    pub fn describe(&self) -> &str {
        match self {
            Target::Total => "total",
            Target::Section(n) | Target::Item(n) => n,
        }
    }
}

/// A score, or "not applicable" for an item left out (折分处理).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Score(Decimal),
    NotApplicable,
}

impl Value {
    pub fn describe(self) -> String {
        match self {
            Value::Score(d) => crate::report::number(d),
            Value::NotApplicable => "不适用".into(),
        }
    }
}

/// One line of a case's `[expect]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    pub target: Target,
    pub value: Value,
    /// The key's place in the case file.
    pub span: Span,
}

/// A case file, read and checked against a rubric.
#[derive(Debug, Clone)]
pub struct Case {
    pub source: SourceFile,
    pub unit: evidence::Unit,
    pub expectations: Vec<Expectation>,
}

/// An expectation the unit's score sheet does not meet.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub expectation: Expectation,
    pub actual: Value,
}

impl Failure {
    /// Actual less expected, when both are scores.
    pub fn difference(&self) -> Option<Decimal> {
        match (self.expectation.value, self.actual) {
            (Value::Score(e), Value::Score(a)) => Some((a - e).normalize()),
            _ => None,
        }
    }
}

/// A case scored: its sheet, and the expectations it missed.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub case: Case,
    pub sheet: Sheet,
    pub failures: Vec<Failure>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Reads a case file and checks both its evidence and its expectations against the
/// rubric; every problem of the file at once.
pub fn load(rubric: &Rubric, path: &std::path::Path) -> Result<Case, Vec<Diagnostic>> {
    let format = input::Format::of(path).unwrap_or(input::Format::Toml);
    if matches!(format, input::Format::Csv | input::Format::Xlsx) {
        return Err(vec![CaseError::Spreadsheet {
            path: path.display().to_string(),
        }
        .into()]);
    }
    let source = input::read_source(path).map_err(|d| vec![d])?;
    let node = input::read(&source, format).map_err(|d| vec![d])?;
    from_tree(rubric, &source, &node)
}

/// Checks a case already read into an evidence tree.
pub fn from_tree(
    rubric: &Rubric,
    source: &SourceFile,
    node: &Node,
) -> Result<Case, Vec<Diagnostic>> {
    let (evidence_node, expect) = split(node);
    let mut problems = Vec::new();
    let expectations = match expect {
        Some((key, table)) => expectations(rubric, key, table, &mut problems),
        None => {
            problems.push(CaseError::NoExpect);
            Vec::new()
        }
    };
    let unit = evidence::validate(rubric, source, &evidence_node);
    let mut problems: Vec<Diagnostic> = problems
        .into_iter()
        .map(|p| Diagnostic::from(p).with_source(source))
        .collect();
    match unit {
        Ok(unit) if problems.is_empty() => {
            return Ok(Case {
                source: source.clone(),
                unit,
                expectations,
            })
        }
        Ok(_) => {}
        Err(mut ds) => problems.append(&mut ds),
    }
    crate::diagnostic::sort(&mut problems);
    Err(problems)
}

/// The evidence tree without its `expect` table, and that table with its key's span.
/// Only the first `expect` counts (TOML cannot repeat a key; JSON can, and the
/// evidence check then reports the second as an unknown item).
pub fn split(node: &Node) -> (Node, Option<(Span, &Node)>) {
    let Raw::Table(entries) = &node.raw else {
        return (node.clone(), None);
    };
    let mut expect = None;
    let mut kept = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        if key.node == EXPECT && expect.is_none() {
            expect = Some((key.span, value));
        } else {
            kept.push((key.clone(), value.clone()));
        }
    }
    (
        Node {
            raw: Raw::Table(kept),
            span: node.span,
        },
        expect,
    )
}

/// Every section's name, at any depth.
fn section_names(nodes: &[AstNode]) -> Vec<&str> {
    let mut out = Vec::new();
    let mut stack: Vec<&AstNode> = nodes.iter().collect();
    while let Some(node) = stack.pop() {
        if let AstNode::Section(s) = node {
            out.push(s.name.node.as_str());
            stack.extend(s.children.iter());
        }
    }
    out
}

fn expectations(
    rubric: &Rubric,
    key: Span,
    table: &Node,
    problems: &mut Vec<CaseError>,
) -> Vec<Expectation> {
    let Raw::Table(entries) = &table.raw else {
        problems.push(CaseError::ExpectNotTable {
            span: table.span,
            found: table.raw.clone(),
        });
        return Vec::new();
    };
    if entries.is_empty() {
        problems.push(CaseError::ExpectEmpty { span: key });
    }
    let sections = section_names(&rubric.nodes);
    let items: Vec<&str> = model::items(&rubric.nodes)
        .iter()
        .map(|i| i.name.node.as_str())
        .collect();
    let mut out = Vec::new();
    for (name, value) in entries {
        let target = if name.node == TOTAL {
            Target::Total
        } else if sections.contains(&name.node.as_str()) {
            Target::Section(name.node.clone())
        } else if items.contains(&name.node.as_str()) {
            Target::Item(name.node.clone())
        } else {
            let hint = suggest_name(
                &name.node,
                sections.iter().chain(&items).copied().chain([TOTAL]),
            );
            problems.push(CaseError::Unknown {
                span: name.span,
                name: name.node.clone(),
                hint,
            });
            continue;
        };
        let Some(value) = expected_value(&target, value, problems) else {
            continue;
        };
        if let Some(first) = out.iter().find(|e: &&Expectation| e.target == target) {
            problems.push(CaseError::Twice {
                span: name.span,
                first: first.span,
                target,
            });
            continue;
        }
        out.push(Expectation {
            target,
            value,
            span: name.span,
        });
    }
    out
}

fn expected_value(target: &Target, node: &Node, problems: &mut Vec<CaseError>) -> Option<Value> {
    let value = match &node.raw {
        Raw::Integer(text) | Raw::Float(text) => {
            match Decimal::from_str_exact(text.trim_start_matches('+')) {
                Ok(d) if d >= Decimal::ZERO => Some(Value::Score(d.normalize())),
                _ => None,
            }
        }
        Raw::String(text) if NOT_APPLICABLE.contains(&text.trim()) => Some(Value::NotApplicable),
        _ => None,
    };
    match (value, target) {
        (Some(Value::NotApplicable), Target::Total | Target::Section(_)) => {
            problems.push(CaseError::NotApplicable {
                span: node.span,
                target: target.clone(),
            });
            None
        }
        (Some(v), _) => Some(v),
        (None, _) => {
            problems.push(CaseError::Score {
                span: node.span,
                target: target.clone(),
                found: node.raw.clone(),
            });
            None
        }
    }
}

fn describe_raw(raw: &Raw) -> String {
    match raw {
        Raw::Integer(t) | Raw::Float(t) => format!("`{t}`"),
        Raw::String(t) => crate::diagnostic::msg!("raw-the-text", text = t),
        other => other.describe(),
    }
}

/// Scores a case and compares the sheet with its expectations.
pub fn run(rubric: &Rubric, case: Case) -> Result<Outcome, Diagnostic> {
    let sheet = evaluate(rubric, &case.unit)?;
    let mut failures: Vec<Failure> = case
        .expectations
        .iter()
        .filter_map(|e| {
            let actual = actual(&sheet, &e.target)?;
            (actual != e.value).then(|| Failure {
                expectation: e.clone(),
                actual,
            })
        })
        .collect();
    // The misses in the rule file's order: the total first, then each section and
    // item where the file has it.
    let order = file_order(&rubric.nodes);
    failures.sort_by_key(|f| match &f.expectation.target {
        Target::Total => 0,
        Target::Section(name) | Target::Item(name) => order
            .iter()
            .position(|n| n == name)
            .map_or(usize::MAX, |i| i + 1),
    });
    Ok(Outcome {
        case,
        sheet,
        failures,
    })
}

/// The names of the sections and items, in the order of the rule file.
fn file_order(nodes: &[AstNode]) -> Vec<&str> {
    let mut out = Vec::new();
    let mut stack: Vec<&AstNode> = nodes.iter().rev().collect();
    while let Some(node) = stack.pop() {
        out.push(node.name().node.as_str());
        if let AstNode::Section(s) = node {
            stack.extend(s.children.iter().rev());
        }
    }
    out
}

/// What the sheet gives for a target.
pub fn actual(sheet: &Sheet, target: &Target) -> Option<Value> {
    match target {
        Target::Total => Some(Value::Score(sheet.score)),
        Target::Section(name) => section(&sheet.categories, name).map(|s| Value::Score(s.score)),
        Target::Item(name) => item(sheet, name).map(|i| match i.score {
            Some(d) => Value::Score(d),
            None => Value::NotApplicable,
        }),
    }
}

/// The section of that name at any depth.
pub fn section<'a>(sections: &'a [SectionScore], name: &str) -> Option<&'a SectionScore> {
    let mut stack: Vec<&SectionScore> = sections.iter().collect();
    while let Some(s) = stack.pop() {
        if s.name == name {
            return Some(s);
        }
        stack.extend(s.sections.iter());
    }
    None
}

pub fn item<'a>(sheet: &'a Sheet, name: &str) -> Option<&'a ItemScore> {
    sheet
        .items()
        .into_iter()
        .map(|(_, i)| i)
        .find(|i| i.name == name)
}
