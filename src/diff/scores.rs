//! Each unit's evidence scored under the old rubric and under the new one.
//!
//! The evidence was collected for the old rubric. Before it is checked against the new
//! one, the tables of items the new rubric renamed are renamed with them, and the
//! tables of items it removed are set aside (and listed); an `[expect]` table (a case
//! file of `kaohe test`) is set aside under both. Evidence that is still not valid —
//! an added item whose facts it lacks, a fact whose type changed — is reported for
//! that unit, and the other units are scored all the same.
//!
//! A CSV or XLSX file holds a unit a row; its columns are read as they are under each
//! rubric (they are not renamed), so a row whose columns name a renamed or removed item
//! is scored under the old rubric only, and reported for the new one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::ItemPairs;
use crate::check::Rubric;
use crate::diagnostic::{codes, Diagnostic};
use crate::eval::{evaluate, Sheet};
use crate::evidence;
use crate::input::{self, Node, Raw};

/// An item's score in one of the rubrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Score {
    /// The rubric has no such item.
    Absent,
    /// The item does not apply to the unit (折分处理).
    NotApplicable,
    Points(Decimal),
}

impl Score {
    fn value(self) -> Decimal {
        match self {
            Score::Points(d) => d,
            _ => Decimal::ZERO,
        }
    }

    /// The score as the report prints it.
    pub fn describe(self) -> String {
        match self {
            Score::Absent => "—".into(),
            Score::NotApplicable => "不适用".into(),
            Score::Points(d) => crate::report::number(d),
        }
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Score::Absent => s.serialize_none(),
            Score::NotApplicable => s.serialize_str("不适用"),
            Score::Points(d) => rust_decimal::serde::arbitrary_precision::serialize(d, s),
        }
    }
}

/// An item whose score differs between the rubrics, for one unit.
#[derive(Debug, Clone, Serialize)]
pub struct ItemScoreChange {
    /// The item's name in the new rubric (in the old one, if it was removed).
    pub item: String,
    /// Its name in the old rubric, when it was renamed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_name: Option<String>,
    pub old: Score,
    pub new: Score,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub change: Decimal,
}

/// One unit's scores under both rubrics.
#[derive(Debug, Clone, Serialize)]
pub struct UnitChange {
    pub unit: String,
    pub file: String,
    /// The total under the old rubric; `null` when the evidence could not be scored.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub old: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub new: Option<Decimal>,
    /// New less old, when both could be scored.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub change: Option<Decimal>,
    /// The items whose scores differ, in the new rubric's order, removed items last.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemScoreChange>,
    /// Evidence tables set aside under the new rubric: items it removed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<String>,
    /// Why the unit could not be scored under a rubric: `(old|new, message)`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
    /// The problems in full, printed on stderr.
    #[serde(skip)]
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub rubric: &'static str,
    pub code: &'static str,
    pub message: String,
}

/// Scores the evidence in `paths` (files, or folders of `.toml`/`.json` files) under
/// both rubrics. Only a path that cannot be listed at all is an error; a file that
/// cannot be read or scored is reported with its unit.
pub fn unit_changes(
    old: &Rubric,
    new: &Rubric,
    items: &ItemPairs<'_>,
    paths: &[PathBuf],
) -> Result<Vec<UnitChange>, Diagnostic> {
    let files = evidence::collect_paths(paths)?;
    let mut renamed: HashMap<&str, &str> = HashMap::new();
    for p in &items.pairs {
        let (o, n) = (&items.old[p.old].0.name.node, &items.new[p.new].0.name.node);
        if o != n {
            renamed.insert(o.as_str(), n.as_str());
        }
    }
    let removed: Vec<&str> = items
        .old
        .iter()
        .enumerate()
        .filter(|(i, _)| !items.pairs.iter().any(|p| p.old == *i))
        .map(|(_, (item, _))| item.name.node.as_str())
        .collect();
    let mut out: Vec<UnitChange> = Vec::new();
    for f in &files {
        match input::Format::of(f) {
            Some(input::Format::Csv | input::Format::Xlsx) => {
                out.extend(spreadsheet_changes(old, new, items, f));
            }
            _ => out.push(unit_change(old, new, items, &renamed, &removed, f)),
        }
    }
    // Largest change first, whichever its sign; units that could not be scored last.
    out.sort_by(|a, b| {
        let key = |u: &UnitChange| u.change.map(|c| std::cmp::Reverse(c.abs()));
        match (key(a), key(b)) {
            (Some(x), Some(y)) => x.cmp(&y).then(a.change.cmp(&b.change)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    Ok(out)
}

fn unit_change(
    old: &Rubric,
    new: &Rubric,
    items: &ItemPairs<'_>,
    renamed: &HashMap<&str, &str>,
    removed: &[&str],
    path: &Path,
) -> UnitChange {
    let mut change = UnitChange {
        unit: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        file: path.display().to_string(),
        old: None,
        new: None,
        change: None,
        items: Vec::new(),
        ignored: Vec::new(),
        problems: Vec::new(),
        diagnostics: Vec::new(),
    };
    let read = input::read_source(path).and_then(|source| {
        let format = input::Format::of(path).unwrap_or(input::Format::Toml);
        input::read(&source, format).map(|node| (source, node))
    });
    let (source, node) = match read {
        Ok(read) => read,
        Err(d) => {
            change.record("old", &d);
            change.record("new", &d);
            change.diagnostics.push(d);
            return change;
        }
    };
    let old_node = rekeyed(&node, &HashMap::new(), &[], &mut Vec::new());
    let new_node = rekeyed(&node, renamed, removed, &mut change.ignored);
    let old_sheet = change.score("old", old, evidence::validate(old, &source, &old_node));
    let new_sheet = change.score("new", new, evidence::validate(new, &source, &new_node));
    change.old = old_sheet.as_ref().map(|s| s.score);
    change.new = new_sheet.as_ref().map(|s| s.score);
    change.change = match (change.old, change.new) {
        (Some(a), Some(b)) => Some((b - a).normalize()),
        _ => None,
    };
    if let (Some(a), Some(b)) = (&old_sheet, &new_sheet) {
        change.items = item_changes(items, a, b);
    }
    change
}

impl UnitChange {
    fn record(&mut self, rubric: &'static str, d: &Diagnostic) {
        self.problems.push(Problem {
            rubric,
            code: d.code,
            message: d.message.clone(),
        });
    }

    /// Scores validated evidence, or records why it cannot be scored.
    fn score(
        &mut self,
        rubric: &'static str,
        r: &Rubric,
        unit: Result<evidence::Unit, Vec<Diagnostic>>,
    ) -> Option<Sheet> {
        match unit.and_then(|u| {
            self.unit = u.name.clone();
            evaluate(r, &u).map_err(|d| vec![d])
        }) {
            Ok(sheet) => Some(sheet),
            Err(ds) => {
                for d in &ds {
                    self.record(rubric, d);
                }
                self.diagnostics.extend(ds);
                None
            }
        }
    }
}

/// The units of a CSV or XLSX file (one a row), each scored under both rubrics. The
/// columns are read as they are under each rubric: a row that is valid under one
/// rubric only is scored under that one, and the file's problems are kept, for
/// stderr, with the first unit (or alone, when no row is valid under either).
fn spreadsheet_changes(
    old: &Rubric,
    new: &Rubric,
    items: &ItemPairs<'_>,
    path: &Path,
) -> Vec<UnitChange> {
    let (old_units, old_problems) = evidence::load_file(old, path);
    let (new_units, new_problems) = evidence::load_file(new, path);
    let mut names: Vec<&str> = old_units.iter().map(|l| l.unit.name.as_str()).collect();
    for l in &new_units {
        if !names.contains(&l.unit.name.as_str()) {
            names.push(l.unit.name.as_str());
        }
    }
    let mut out = Vec::new();
    for name in names {
        let find = |units: &[evidence::Loaded]| units.iter().position(|l| l.unit.name == name);
        let (o, n) = (find(&old_units), find(&new_units));
        let place = o
            .map(|i| old_units[i].place.clone())
            .or_else(|| n.map(|i| new_units[i].place.clone()))
            .unwrap_or_default();
        let mut change = UnitChange {
            unit: name.to_string(),
            file: place.replace('`', ""),
            old: None,
            new: None,
            change: None,
            items: Vec::new(),
            ignored: Vec::new(),
            problems: Vec::new(),
            diagnostics: Vec::new(),
        };
        let mut sheet = |rubric: &'static str, r: &Rubric, unit: Option<&evidence::Unit>| match unit
        {
            Some(u) => change.score(rubric, r, Ok(u.clone())),
            None => {
                change.problems.push(Problem {
                        rubric,
                        code: codes::EVIDENCE_VALUE,
                        message: format!(
                            "its row of `{}` is not valid evidence for the {rubric} rubric (see the diagnostics)",
                            path.display()
                        ),
                    });
                None
            }
        };
        let old_sheet = sheet("old", old, o.map(|i| &old_units[i].unit));
        let new_sheet = sheet("new", new, n.map(|i| &new_units[i].unit));
        change.old = old_sheet.as_ref().map(|s| s.score);
        change.new = new_sheet.as_ref().map(|s| s.score);
        change.change = match (change.old, change.new) {
            (Some(a), Some(b)) => Some((b - a).normalize()),
            _ => None,
        };
        if let (Some(a), Some(b)) = (&old_sheet, &new_sheet) {
            change.items = item_changes(items, a, b);
        }
        out.push(change);
    }
    let mut sides: Vec<(&'static str, Diagnostic)> = Vec::new();
    sides.extend(old_problems.into_iter().map(|d| ("old", d)));
    sides.extend(new_problems.into_iter().map(|d| ("new", d)));
    if !sides.is_empty() {
        let problems: Vec<Diagnostic> = sides.iter().map(|(_, d)| d.clone()).collect();
        match out.first_mut() {
            Some(first) => first.diagnostics.extend(problems),
            None => {
                let mut alone = UnitChange {
                    unit: path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    file: path.display().to_string(),
                    old: None,
                    new: None,
                    change: None,
                    items: Vec::new(),
                    ignored: Vec::new(),
                    problems: Vec::new(),
                    diagnostics: Vec::new(),
                };
                for (side, d) in &sides {
                    alone.record(side, d);
                }
                alone.diagnostics = problems;
                out.push(alone);
            }
        }
    }
    out
}

/// The evidence tree with its top-level tables renamed or set aside.
fn rekeyed(
    node: &Node,
    renamed: &HashMap<&str, &str>,
    removed: &[&str],
    ignored: &mut Vec<String>,
) -> Node {
    let Raw::Table(entries) = &node.raw else {
        return node.clone();
    };
    let mut kept = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        let name = key.node.as_str();
        if name == crate::evidence::EXPECT {
            continue;
        }
        if removed.contains(&name) {
            ignored.push(name.to_string());
            continue;
        }
        let mut key = key.clone();
        if let Some(to) = renamed.get(name) {
            key.node = (*to).to_string();
        }
        kept.push((key, value.clone()));
    }
    Node {
        raw: Raw::Table(kept),
        span: node.span,
    }
}

/// Every item whose score differs between the two sheets.
fn item_changes(items: &ItemPairs<'_>, old: &Sheet, new: &Sheet) -> Vec<ItemScoreChange> {
    let score_of = |sheet: &Sheet, name: &str| {
        sheet
            .items()
            .into_iter()
            .find(|(_, i)| i.name == name)
            .map_or(Score::Absent, |(_, i)| match i.score {
                Some(d) => Score::Points(d),
                None => Score::NotApplicable,
            })
    };
    let mut out = Vec::new();
    for (n, (item, _)) in items.new.iter().enumerate() {
        let name = &item.name.node;
        let old_name = items
            .pairs
            .iter()
            .find(|p| p.new == n)
            .map(|p| &items.old[p.old].0.name.node);
        let before = old_name.map_or(Score::Absent, |o| score_of(old, o));
        let after = score_of(new, name);
        if before != after {
            out.push(ItemScoreChange {
                item: name.clone(),
                old_name: old_name.filter(|o| *o != name).cloned(),
                old: before,
                new: after,
                change: (after.value() - before.value()).normalize(),
            });
        }
    }
    for (n, (item, _)) in items.old.iter().enumerate() {
        if items.pairs.iter().any(|p| p.old == n) {
            continue;
        }
        let before = score_of(old, &item.name.node);
        out.push(ItemScoreChange {
            item: item.name.node.clone(),
            old_name: None,
            old: before,
            new: Score::Absent,
            change: (-before.value()).normalize(),
        });
    }
    out
}
