//! Typed fact values, and the validation of an evidence tree against a rubric.
//!
//! [`validate`] walks a unit's tree ([`tree`]: the unit's name, its items, the facts
//! each lacks) and types each fact's value by its declared type ([`typing`]: the type,
//! the range, a count's `max`, the members, percentages, dates in the year, periods).
//! The same typing reads the value of a spreadsheet's cell, fact by fact ([`check`]),
//! and the same [`complete`] and [`missing`] find what a unit lacks, so that every
//! format's values are checked by one set of functions; each format words the
//! findings ([`Finding`]) for itself.

mod tree;
mod typing;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::condition::{condition_facts, condition_paths, holds};
use super::members::{MemberCounts, MemberSet};
use super::problem::{EvidenceError, Found};
use super::raw::{Node, Raw};
use crate::check::Rubric;
use crate::diagnostic::Diagnostic;
use crate::model::{self, FactDecl, FactType, Item, Literal};
use crate::source::SourceFile;
use crate::span::Span;

/// A fact's value, of its declared type.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Bool(bool),
    Count(u64),
    Percent(Decimal),
    /// A date, or `None`: never done.
    Date(Option<NaiveDate>),
    /// The members present, each once, in the order the rule file lists them.
    Set(MemberSet),
    /// A count for every member, in the order the rule file lists them (absent: 0).
    Tally(MemberCounts),
    /// Periods, each from a date to another or never ended, in the order given.
    Periods(Vec<Period>),
    /// A score given at the assessor's discretion, with the reason.
    Discretion {
        score: Decimal,
        reason: String,
    },
    /// A decimal number, 0 or more.
    Number(Decimal),
}

/// One period of a `periods` fact, such as a request received and replied to.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub from: NaiveDate,
    /// `None`: it never ended (the request was never replied to).
    pub to: Option<NaiveDate>,
    pub span: Span,
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Count(n) => write!(f, "{n}"),
            Value::Percent(p) => write!(f, "{p}%"),
            Value::Date(Some(d)) => write!(f, "{d}"),
            Value::Date(None) => write!(f, "never"),
            Value::Set(s) => {
                let v: Vec<&str> = s.iter().collect();
                write!(f, "[{}]", v.join(", "))
            }
            Value::Tally(t) => {
                let v: Vec<String> = t.iter().map(|(k, n)| format!("{k}: {n}")).collect();
                write!(f, "{{{}}}", v.join(", "))
            }
            Value::Periods(p) => {
                let v: Vec<String> = p
                    .iter()
                    .map(|p| match p.to {
                        Some(to) => format!("{} → {to}", p.from),
                        None => format!("{} → never", p.from),
                    })
                    .collect();
                write!(f, "[{}]", v.join(", "))
            }
            Value::Discretion { score, reason } => write!(f, "{} ({reason})", score.normalize()),
            Value::Number(n) => write!(f, "{}", n.normalize()),
        }
    }
}

/// A fact's value and where the evidence gave it (`None`: the rule file's default).
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub value: Value,
    pub span: Option<Span>,
}

/// A unit's facts, each at its slot (`FactDecl::slot`, numbered by the checker);
/// `None` where a fact was not given and has no default (only possible for an item
/// that is not applicable).
pub type Facts = [Option<Fact>];

/// One assessed unit's evidence, checked against a rubric.
#[derive(Debug, Clone)]
pub struct Unit {
    pub name: String,
    pub name_span: Span,
    pub source: SourceFile,
    /// Every fact of the rubric, at its slot.
    pub facts: Vec<Option<Fact>>,
}

impl Unit {
    /// The value given for a declared fact.
    pub fn fact(&self, decl: &FactDecl) -> Option<&Fact> {
        self.facts.get(decl.id.index())?.as_ref()
    }

    /// The value given for a fact of an item, both by name.
    pub fn get(&self, rubric: &Rubric, item: &str, fact: &str) -> Option<&Fact> {
        let item = model::items(&rubric.nodes)
            .into_iter()
            .find(|i| i.name.node == item)?;
        self.fact(item.facts.iter().find(|f| f.name.node == fact)?)
    }
}

/// The largest count evidence may give: far above any real number of findings, and
/// small enough that no product of counts and points can overflow.
pub const MAX_COUNT: u64 = 1_000_000_000_000;

/// One of [`validate`]'s problems, as a kind ([`EvidenceError`]), with the item it is
/// about, so that each format words it for itself: a tree by the kind's
/// `Diagnostic`, a sheet for its cells ([`super::grid`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub problem: EvidenceError,
    /// The item whose facts the finding is about, when it is about one.
    pub item: Option<String>,
}

impl Finding {
    /// The order diagnostics are sorted in (`crate::diagnostic::order`): by place, then
    /// by code, every finding being an error.
    pub(crate) fn order(&self, other: &Finding) -> std::cmp::Ordering {
        (self.problem.span().start, self.problem.code())
            .cmp(&(other.problem.span().start, other.problem.code()))
    }
}

/// What the walk of a tree and the typing of values have found so far.
pub(super) struct Validator<'a> {
    out: Vec<Finding>,
    /// The item whose table is being read, for the findings made meanwhile.
    item: Option<String>,
    source: &'a SourceFile,
    calendar: Option<&'a crate::calendar::Calendar>,
    /// The rubric's year, over which a `dates` fact's gaps are counted.
    year: Option<i32>,
}

/// Checks an evidence tree against a rubric and gives the unit, or every problem.
pub fn validate(
    rubric: &Rubric,
    source: &SourceFile,
    node: &Node,
) -> Result<Unit, Vec<Diagnostic>> {
    validate_findings(rubric, source, node).map_err(|found| {
        found
            .into_iter()
            .map(|f| Diagnostic::from(f.problem).with_source(source))
            .collect()
    })
}

/// [`validate`], each problem with what it is about ([`Finding`]).
pub fn validate_findings(
    rubric: &Rubric,
    source: &SourceFile,
    node: &Node,
) -> Result<Unit, Vec<Finding>> {
    let mut v = Validator::new(rubric, source);
    let unit = v.unit(rubric, node);
    if v.out.is_empty() {
        if let Some(unit) = unit {
            return Ok(unit);
        }
    }
    let mut out = v.out;
    // Sorted as `crate::diagnostic::sort` sorts diagnostics.
    out.sort_by(Finding::order);
    Err(out)
}

/// Fills the defaults of the facts of an item that the evidence left out, and gives the
/// facts it still lacks and needs: all of them, unless the item is not applicable,
/// which needs only the facts that say so.
pub(crate) fn complete<'i>(
    item: &'i Item,
    facts: &mut [Option<Fact>],
    calendar: Option<&crate::calendar::Calendar>,
) -> Vec<&'i FactDecl> {
    let given = |facts: &[Option<Fact>], decl: &FactDecl| facts[decl.id.index()].is_some();
    // Defaults fill what the evidence leaves out.
    for decl in &item.facts {
        if !given(facts, decl) {
            if let Some(default) = &decl.default {
                if let Some(v) = default_value(&decl.ty.node, &default.node) {
                    facts[decl.id.index()] = Some(Fact {
                        value: v,
                        span: None,
                    });
                }
            }
        }
    }
    // An item that is not applicable needs only the facts that say so.
    let not_applicable = item.applicable_unless.as_ref().is_some_and(|cond| {
        condition_paths(cond)
            .iter()
            .all(|p| facts[p.id.index()].is_some())
            // A date the calendar does not cover is reported when the unit is scored.
            && holds(cond, facts, calendar).unwrap_or(false)
    });
    let used = match (&item.applicable_unless, not_applicable) {
        (Some(cond), true) => condition_facts(cond),
        _ => Vec::new(),
    };
    item.facts
        .iter()
        .filter(|f| !not_applicable || used.contains(&f.name.node.as_str()))
        .filter(|f| !given(facts, f))
        .filter(|f| !given_when(item, f))
        .collect()
}

/// Whether a fact is the discretionary score of an `if COND give FACT`: needed only
/// where the condition holds, which scoring finds out (and reports the score missing
/// then, at the unit); validation does not weigh conditions.
pub(crate) fn given_when(item: &Item, decl: &FactDecl) -> bool {
    item.clauses.iter().any(|c| {
        matches!(&c.kind, model::ClauseKind::Give { condition: Some(_), fact } if fact.id == decl.id)
    })
}

/// A fact's value typed and checked as [`validate`] types it, wherever it was read: a
/// node of an evidence tree, or a spreadsheet's cell read as one. Its problems are
/// about `item`.
pub(crate) fn check(
    rubric: &Rubric,
    source: &SourceFile,
    item: &Item,
    decl: &FactDecl,
    node: &Node,
) -> Result<Value, Vec<Finding>> {
    let mut v = Validator::new(rubric, source);
    match (v.value(decl, node), v.out.is_empty()) {
        (Some(value), true) => Ok(value),
        _ => Err(v
            .out
            .into_iter()
            .map(|f| Finding {
                problem: f.problem,
                item: Some(item.name.node.clone()),
            })
            .collect()),
    }
}

/// The problem of a unit's name too long or with hidden characters
/// ([`super::names::bad_name`]), in every format, pointing at it.
pub(crate) fn bad_name(name: &str, span: Span) -> Option<Finding> {
    super::names::bad_name(name.trim())?;
    Some(Finding {
        problem: EvidenceError::BadName {
            span,
            name: name.to_string(),
        },
        item: None,
    })
}

/// The problem of an item that lacks facts it needs (`lacking`, those [`complete`]
/// gives but for the ones given a value already refused): at the item's entry in the
/// evidence (`entry`), or at the unit's name (`unit`) when the evidence has none;
/// `None` when it lacks nothing.
pub(crate) fn missing(
    item: &Item,
    lacking: &[&FactDecl],
    entry: Option<Span>,
    unit: Span,
) -> Option<Finding> {
    if lacking.is_empty() {
        return None;
    }
    Some(Finding {
        problem: EvidenceError::Missing {
            span: entry.unwrap_or(unit),
            at_entry: entry.is_some(),
            item: item.name.node.clone(),
            facts: lacking
                .iter()
                .map(|f| (f.name.node.clone(), example_value(&f.ty.node)))
                .collect(),
        },
        item: Some(item.name.node.clone()),
    })
}

impl<'a> Validator<'a> {
    /// A validator of evidence against `rubric`, its findings placed in `source`.
    fn new(rubric: &'a Rubric, source: &'a SourceFile) -> Validator<'a> {
        Validator {
            out: Vec::new(),
            item: None,
            source,
            calendar: rubric.calendar.as_ref(),
            year: rubric.year,
        }
    }
}

impl Validator<'_> {
    /// Adds a problem, about the item whose table is being read.
    pub(super) fn push(&mut self, problem: EvidenceError) {
        self.out.push(Finding {
            problem,
            item: self.item.clone(),
        });
    }
}

/// What a value read from evidence is, as a problem holds it.
pub(super) fn found(raw: &Raw) -> Found {
    Found::of(raw)
}
fn default_value(ty: &FactType, lit: &Literal) -> Option<Value> {
    use rust_decimal::prelude::ToPrimitive;
    match (ty, lit) {
        (FactType::Bool, Literal::Bool(b)) => Some(Value::Bool(*b)),
        (FactType::Count { .. }, Literal::Number(n)) => n.to_u64().map(Value::Count),
        (FactType::Percent { .. }, Literal::Percent(p)) => Some(Value::Percent(*p)),
        (FactType::Number { .. }, Literal::Number(n)) => Some(Value::Number(*n)),
        (FactType::Date, Literal::Date(d)) => Some(Value::Date(Some(*d))),
        _ => None,
    }
}

/// A value of the type, as an example in help texts and templates.
pub fn example_value(ty: &FactType) -> String {
    match ty {
        FactType::Bool => "false".into(),
        FactType::Count { .. } => "0".into(),
        FactType::Percent { .. } => "4".into(),
        FactType::Date => "2020-12-28".into(),
        FactType::Set(m) => format!("[\"{}\"]", m[0].name.node),
        FactType::Tally(m) => format!("{{ \"{}\" = 0 }}", m[0].name.node),
        FactType::Periods { from, to } => {
            format!(
                "[{{ \"{}\" = 2020-03-02, \"{}\" = 2020-03-30 }}]",
                from.node, to.node
            )
        }
        FactType::Discretion { .. } => "{ score = 1, reason = \"…\" }".into(),
        FactType::Dates => "[2020-01-10, 2020-01-24]".into(),
        FactType::Number { .. } => "12.5".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rubric of two items, each of one fact.
    fn rubric() -> Rubric {
        crate::check::compile(&SourceFile::new(
            "t.rule",
            "rubric 表\ntotal 4\nyear 2020\nsection 甲 4 {\n  item 乙 2 {\n    fact 未做 bool \"未做\"\n    if 未做 -2\n  }\n  item 丙 2 {\n    fact 条数 count max 5 \"条数\"\n    per 条数 -1\n  }\n}\n",
        ))
        .rubric
        .expect("the rubric compiles")
    }

    /// The findings of evidence for [`rubric`].
    fn findings(evidence: &str) -> Vec<Finding> {
        let rubric = rubric();
        let source = SourceFile::new("unit.toml", evidence);
        let node = super::super::read(&source, super::super::Format::Toml).expect("TOML");
        validate_findings(&rubric, &source, &node).expect_err("invalid evidence")
    }

    #[test]
    fn a_finding_is_a_kind_with_its_item() {
        let text = "unit = \"单位\"\n[\"乙\"]\n\"未做\" = 3\n[\"丙\"]\n";
        let found = findings(text);
        let three = text.find('3').expect("the value");
        let table = text.find("[\"丙\"]").expect("the table") + 1;
        assert_eq!(
            found,
            [
                Finding {
                    problem: EvidenceError::Wrong {
                        span: Span::new(three, three + 1),
                        fact: "未做".into(),
                        want: super::super::Want::Bool,
                        found: Found::Integer,
                    },
                    item: Some("乙".into()),
                },
                Finding {
                    problem: EvidenceError::Missing {
                        span: Span::new(table, table + 3 + 2),
                        at_entry: true,
                        item: "丙".into(),
                        facts: vec![("条数".into(), "0".into())],
                    },
                    item: Some("丙".into()),
                },
            ]
        );
        // A finding of the unit as a whole is about no item: here, one item unknown
        // and both of the rubric's left out, evidence for another rubric.
        let text = "unit = \"单位\"\n[\"丁\"]\n";
        let at = text.find("\"丁\"").expect("the item");
        assert_eq!(
            findings(text),
            [Finding {
                problem: EvidenceError::ForOtherRubric {
                    span: Span::new(at, at + 5),
                    unknown: 1,
                    count: 1,
                    lacks: vec!["乙".into(), "丙".into()],
                    title: "表".into(),
                },
                item: None,
            }]
        );
    }

    /// A value is typed by one set of functions: [`check`], which a sheet's row calls
    /// fact by fact, finds of a node what [`validate`] finds of it in a whole tree, with
    /// the same kinds and place, and the same value when it is valid.
    #[test]
    fn a_blank_unit_is_one_problem_at_its_value() {
        // A blank form's `unit = ""`: the name is not given, at the empty string; the
        // unit is not also said to be missing from the file.
        let text = "unit = \"\"\n[\"乙\"]\n\"未做\" = true\n[\"丙\"]\n";
        let at = text.find("\"\"").expect("the empty string");
        let found: Vec<EvidenceError> = findings(text).into_iter().map(|f| f.problem).collect();
        assert_eq!(
            found.first(),
            Some(&EvidenceError::UnitName {
                span: Span::new(at, at + 2)
            })
        );
        assert!(!found.contains(&EvidenceError::NoUnit), "{found:?}");
        // Without the key, the unit is missing.
        let found: Vec<EvidenceError> = findings("[\"乙\"]\n\"未做\" = true\n")
            .into_iter()
            .map(|f| f.problem)
            .collect();
        assert!(found.contains(&EvidenceError::NoUnit), "{found:?}");
    }

    #[test]
    fn a_value_is_typed_alike_in_a_tree_and_alone() {
        let rubric = rubric();
        let items = model::items(&rubric.nodes);
        let (item, decl) = (items[1], &items[1].facts[0]);
        for (value, valid) in [("3", true), ("7", false), ("-1", false), ("\"三\"", false)] {
            let text = format!(
                "unit = \"单位\"\n[\"乙\"]\n\"未做\" = true\n[\"丙\"]\n\"条数\" = {value}\n"
            );
            let source = SourceFile::new("unit.toml", &text);
            let tree = super::super::read(&source, super::super::Format::Toml).expect("TOML");
            let Raw::Table(entries) = &tree.raw else {
                panic!("a table")
            };
            let table = entries.iter().find(|(key, _)| key.node == "丙");
            let Some((
                _,
                Node {
                    raw: Raw::Table(facts),
                    ..
                },
            )) = table
            else {
                panic!("the item's table")
            };
            let node = &facts[0].1;
            let alone = check(&rubric, &source, item, decl, node);
            match validate_findings(&rubric, &source, &tree) {
                Ok(unit) => {
                    assert!(valid, "{value}");
                    assert_eq!(unit.fact(decl).map(|f| &f.value), alone.as_ref().ok());
                    assert_eq!(alone.ok(), Some(Value::Count(3)));
                }
                Err(found) => {
                    assert!(!valid, "{value}");
                    let alone = alone.expect_err("refused alone too");
                    let kinds = |f: &[Finding]| -> Vec<EvidenceError> {
                        f.iter().map(|f| f.problem.clone()).collect()
                    };
                    assert_eq!(kinds(&found), kinds(&alone), "{value}");
                    assert!(alone.iter().all(|f| f.item.as_deref() == Some("丙")));
                }
            }
        }
    }
}
