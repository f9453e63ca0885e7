//! Typed fact values, and the validation of an evidence tree against a rubric.

use std::collections::HashMap;
use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::condition::{condition_facts, condition_paths, holds};
use super::members::{MemberCounts, MemberSet};
use super::raw::{Node, Raw};
use crate::check::{suggest_name, Rubric};
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
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

/// One of [`validate`]'s findings, with what it is about, so that a sheet can word it
/// for its cells ([`super::grid`]) without reading its words.
#[derive(Debug, Clone)]
pub struct Finding {
    pub diagnostic: Diagnostic,
    /// The item whose facts the finding is about, when it is about one.
    pub item: Option<String>,
    /// What the finding's help is.
    pub help: HelpKind,
}

/// What a finding's help says: words that hold for every format, or an example
/// written in TOML (`"未做意见征集" = true`), which a sheet says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpKind {
    Words,
    Toml,
}

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
    validate_findings(rubric, source, node)
        .map_err(|found| found.into_iter().map(|f| f.diagnostic).collect())
}

/// [`validate`], each problem with what it is about ([`Finding`]).
pub fn validate_findings(
    rubric: &Rubric,
    source: &SourceFile,
    node: &Node,
) -> Result<Unit, Vec<Finding>> {
    let mut v = Validator {
        out: Vec::new(),
        item: None,
        source,
        calendar: rubric.calendar.as_ref(),
        year: rubric.year,
    };
    let unit = v.unit(rubric, node);
    if v.out.is_empty() {
        if let Some(unit) = unit {
            return Ok(unit);
        }
    }
    let mut out: Vec<Finding> = v
        .out
        .into_iter()
        .map(|f| Finding {
            diagnostic: f.diagnostic.with_source(source),
            ..f
        })
        .collect();
    // Sorted as `crate::diagnostic::sort` sorts diagnostics.
    out.sort_by(|a, b| crate::diagnostic::order(&a.diagnostic, &b.diagnostic));
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

/// A fact's value read from an evidence node as [`validate`] reads it, or `None` when
/// `validate` would refuse it (and say why: the caller then takes that way).
pub(crate) fn typed(
    rubric: &Rubric,
    source: &SourceFile,
    decl: &FactDecl,
    node: &Node,
) -> Option<Value> {
    let mut v = Validator {
        out: Vec::new(),
        item: None,
        source,
        calendar: rubric.calendar.as_ref(),
        year: rubric.year,
    };
    let value = v.value(decl, node);
    if v.out.is_empty() {
        value
    } else {
        None
    }
}

impl Validator<'_> {
    pub(super) fn error(
        &mut self,
        code: &'static str,
        message: String,
        span: Span,
        label: &str,
        help: String,
    ) {
        self.push(code, message, (span, label), help, HelpKind::Words);
    }

    /// [`Self::error`] with a help that gives an example in TOML.
    pub(super) fn error_toml(
        &mut self,
        code: &'static str,
        message: String,
        span: Span,
        label: &str,
        help: String,
    ) {
        self.push(code, message, (span, label), help, HelpKind::Toml);
    }

    fn push(
        &mut self,
        code: &'static str,
        message: String,
        (span, label): (Span, &str),
        help: String,
        kind: HelpKind,
    ) {
        self.out.push(Finding {
            diagnostic: Diagnostic::error(code, message)
                .primary(span, label)
                .help(help),
            item: self.item.clone(),
            help: kind,
        });
    }

    fn unit(&mut self, rubric: &Rubric, node: &Node) -> Option<Unit> {
        let Raw::Table(entries) = &node.raw else {
            self.error(
                codes::EVIDENCE_VALUE,
                msg!("evidence-not-table", found = raw_text(&node.raw)),
                node.span,
                &msg!("evidence-here"),
                msg!("evidence-not-table".help),
            );
            return None;
        };
        let items = model::items(&rubric.nodes);
        // Looked up once per evidence table: a linear search would be quadratic in the items.
        let by_name: std::collections::HashSet<&str> =
            items.iter().map(|i| i.name.node.as_str()).collect();
        let mut name: Option<(String, Span)> = None;
        let mut tables: HashMap<&str, (&Node, Span)> = HashMap::new();
        // Where the evidence shows it was written for another rubric: a `rubric` that
        // names another title, and the items this rubric does not have.
        let mut other_title: Option<Span> = None;
        let mut unknown_items: Vec<Span> = Vec::new();
        for (key, value) in entries {
            match key.node.as_str() {
                "unit" => match &value.raw {
                    Raw::String(s) if !s.trim().is_empty() => {
                        // A name too long or with hidden characters is refused here,
                        // in every format, pointing at it (`names::bad_name`).
                        if let Some((message, help)) = super::names::bad_name(s.trim()) {
                            self.error(
                                codes::EVIDENCE_BAD_NAME,
                                message,
                                value.span,
                                &msg!("evidence-this-name"),
                                help,
                            );
                        }
                        name = Some((s.trim().to_string(), value.span))
                    }
                    _ => self.error(
                        codes::EVIDENCE_UNIT,
                        msg!("evidence-unit-name"),
                        value.span,
                        &msg!("evidence-unit-name".label),
                        msg!("evidence-unit-name".help),
                    ),
                },
                // `expect` belongs to a test case (`kaohe test`); scoring leaves it aside,
                // so a case file is also evidence `kaohe eval` reads.
                super::EXPECT => {}
                "rubric" => {
                    if !matches!(&value.raw, Raw::String(s) if *s == rubric.title) {
                        other_title = Some(value.span);
                        self.error(
                            codes::EVIDENCE_UNKNOWN,
                            msg!("evidence-other-rubric"),
                            value.span,
                            &msg!("evidence-other-rubric".label),
                            msg!("evidence-other-rubric".help, title = &rubric.title),
                        );
                    }
                }
                item_name => match by_name.contains(item_name) {
                    true => {
                        tables.insert(item_name, (value, key.span));
                    }
                    false => {
                        unknown_items.push(key.span);
                        let hint =
                            suggest_name(item_name, items.iter().map(|i| i.name.node.as_str()));
                        self.error(
                            codes::EVIDENCE_UNKNOWN,
                            msg!("evidence-unknown-item", item = item_name),
                            key.span,
                            &msg!("evidence-unknown-item".label),
                            if hint.is_empty() {
                                msg!("evidence-unknown-item".help)
                            } else {
                                hint
                            },
                        );
                    }
                },
            }
        }
        // Evidence written for another rubric is said so first and alone.
        let names: Vec<&str> = items.iter().map(|i| i.name.node.as_str()).collect();
        let given = |n: &str| tables.contains_key(n);
        if let Some(d) =
            super::other_rubric::problem(rubric, other_title, &unknown_items, &names, given)
        {
            match other_title {
                // Its own problem, made above, is the one shown.
                Some(span) => self.out.retain(|kept| {
                    kept.diagnostic
                        .labels
                        .first()
                        .is_some_and(|l| l.span == span)
                }),
                None => {
                    self.out.clear();
                    self.out.push(Finding {
                        diagnostic: d,
                        item: None,
                        help: HelpKind::Words,
                    });
                }
            }
            return None;
        }
        let Some((name, name_span)) = name else {
            self.error(
                codes::EVIDENCE_UNIT,
                msg!("evidence-no-unit"),
                Span::new(0, 0),
                &msg!("evidence-no-unit".label),
                msg!("evidence-no-unit".help),
            );
            return None;
        };
        let mut facts = vec![None; rubric.slots];
        for item in items {
            self.item(
                item,
                tables.get(item.name.node.as_str()).copied(),
                name_span,
                &mut facts,
            );
        }
        Some(Unit {
            name,
            name_span,
            source: self.source.clone(),
            facts,
        })
    }

    fn item(
        &mut self,
        item: &Item,
        table: Option<(&Node, Span)>,
        unit_span: Span,
        facts: &mut [Option<Fact>],
    ) {
        self.item = Some(item.name.node.clone());
        self.item_facts(item, table, unit_span, facts);
        self.item = None;
    }

    fn item_facts(
        &mut self,
        item: &Item,
        table: Option<(&Node, Span)>,
        unit_span: Span,
        facts: &mut [Option<Fact>],
    ) {
        if let Some((node, _)) = table {
            match &node.raw {
                Raw::Table(entries) => {
                    for (key, value) in entries {
                        match item.facts.iter().find(|f| f.name.node == key.node) {
                            Some(decl) => {
                                if let Some(v) = self.value(decl, value) {
                                    facts[decl.id.index()] = Some(Fact {
                                        value: v,
                                        span: Some(value.span),
                                    });
                                }
                            }
                            None => {
                                let hint = suggest_name(
                                    &key.node,
                                    item.facts.iter().map(|f| f.name.node.as_str()),
                                );
                                let names: Vec<&str> =
                                    item.facts.iter().map(|f| f.name.node.as_str()).collect();
                                self.error(
                                    codes::EVIDENCE_UNKNOWN,
                                    msg!(
                                        "evidence-unknown-fact",
                                        item = &item.name.node,
                                        fact = &key.node
                                    ),
                                    key.span,
                                    &msg!("evidence-unknown-fact".label),
                                    if hint.is_empty() {
                                        msg!("evidence-unknown-fact".help, facts = names.join("、"))
                                    } else {
                                        msg!(
                                            "evidence-unknown-fact".hint,
                                            hint = hint,
                                            facts = names.join("、")
                                        )
                                    },
                                );
                            }
                        }
                    }
                }
                other => self.error_toml(
                    codes::EVIDENCE_VALUE,
                    msg!(
                        "evidence-item-not-table",
                        item = &item.name.node,
                        found = raw_text(other)
                    ),
                    node.span,
                    &msg!("evidence-item-not-table".label),
                    msg!("evidence-item-not-table".help, item = &item.name.node),
                ),
            }
        }
        let needed = complete(item, facts, self.calendar);
        let missing: Vec<&str> = needed
            .iter()
            // A fact with an invalid value was reported already.
            .filter(|f| !self.given_but_invalid(table, &f.name.node))
            .map(|f| f.name.node.as_str())
            .collect();
        if !missing.is_empty() {
            let (span, label) = match table {
                Some((_, key_span)) => (key_span, msg!("evidence-missing".lacks)),
                None => (
                    unit_span,
                    msg!("evidence-missing".label, item = &item.name.node),
                ),
            };
            let example: Vec<String> = missing
                .iter()
                .filter_map(|m| item.facts.iter().find(|f| f.name.node == *m))
                .map(|f| format!("\"{}\" = {}", f.name.node, example_value(&f.ty.node)))
                .collect();
            self.error_toml(
                codes::EVIDENCE_MISSING,
                msg!(
                    "evidence-missing",
                    item = &item.name.node,
                    facts = missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(&msg!("evidence-missing".separator))
                ),
                span,
                &label,
                msg!(
                    "evidence-missing".help,
                    item = &item.name.node,
                    example = example.join("; ")
                ),
            );
        }
    }

    fn given_but_invalid(&self, table: Option<(&Node, Span)>, fact: &str) -> bool {
        matches!(table, Some((Node { raw: Raw::Table(entries), .. }, _)) if entries.iter().any(|(k, _)| k.node == fact))
    }

    fn value(&mut self, decl: &FactDecl, node: &Node) -> Option<Value> {
        let name = &decl.name.node;
        let wrong = |v: &mut Self, want: &str, example: &str| {
            v.error_toml(
                codes::EVIDENCE_VALUE,
                msg!(
                    "evidence-wrong",
                    name = name,
                    want = want,
                    found = raw_text(&node.raw)
                ),
                node.span,
                &msg!("evidence-wrong".label, want = want),
                msg!("evidence-wrong".help, name = name, example = example),
            );
            None
        };
        match &decl.ty.node {
            FactType::Periods { from, to } => self.periods(decl, &from.node, &to.node, node),
            FactType::Discretion { max } => self.discretion(decl, max.node, node),
            FactType::Dates => self.dates(decl, node),
            FactType::Bool => match node.raw {
                Raw::Bool(b) => Some(Value::Bool(b)),
                _ => wrong(self, &msg!("evidence-want-bool"), "true"),
            },
            FactType::Count { max } => {
                let n = self.count(name, node)?;
                if let Some(max) = max {
                    if n > max.node {
                        self.error(
                            codes::EVIDENCE_VALUE,
                            msg!(
                                "evidence-count-max",
                                name = name,
                                count = n.to_string(),
                                max = max.node.to_string()
                            ),
                            node.span,
                            &msg!("evidence-count-max".label, max = max.node.to_string()),
                            msg!("evidence-count-max".help, max = max.node.to_string()),
                        );
                        return None;
                    }
                }
                Some(Value::Count(n))
            }
            FactType::Number { max } => self.number(decl, max.as_ref().map(|m| m.node), node),
            FactType::Percent { max } => {
                let limit = max.as_ref().map_or(Decimal::ONE_HUNDRED, |m| m.node);
                let text = match &node.raw {
                    Raw::Integer(s) | Raw::Float(s) => s.clone(),
                    Raw::String(s) if s.trim().ends_with('%') => {
                        s.trim().trim_end_matches('%').trim().to_string()
                    }
                    _ => return wrong(self, &msg!("evidence-want-percent"), "3.5"),
                };
                match Decimal::from_str_exact(&text).or_else(|_| Decimal::from_scientific(&text)) {
                    Ok(p) if p >= Decimal::ZERO && p <= limit => {
                        Some(Value::Percent(p.normalize()))
                    }
                    Ok(p) if p >= Decimal::ZERO && max.is_some() => {
                        self.percent_above(decl, p, limit, node);
                        None
                    }
                    _ => {
                        self.error_toml(
                            codes::EVIDENCE_VALUE,
                            msg!("evidence-percent", name = name),
                            node.span,
                            &msg!("evidence-percent".label),
                            msg!("evidence-percent".help, name = name),
                        );
                        None
                    }
                }
            }
            FactType::Date => match &node.raw {
                Raw::Bool(false) => Some(Value::Date(None)),
                Raw::Date(s) | Raw::String(s) => {
                    let day = s.get(0..10).unwrap_or(s);
                    match iso_day(day) {
                        Ok(d) if s.len() == 10 || matches!(node.raw, Raw::Date(_)) => {
                            Some(Value::Date(Some(d)))
                        }
                        _ => {
                            self.error_toml(
                                codes::EVIDENCE_VALUE,
                                msg!("evidence-not-a-date", text = s),
                                node.span,
                                &msg!("evidence-not-a-date".label),
                                msg!("evidence-not-a-date".help, name = name),
                            );
                            None
                        }
                    }
                }
                _ => wrong(self, &msg!("evidence-want-date"), "2020-12-28"),
            },
            FactType::Set(members) => {
                let Raw::Array(elements) = &node.raw else {
                    return wrong(
                        self,
                        &msg!("evidence-want-members"),
                        &format!("[\"{}\"]", members[0].name.node),
                    );
                };
                // A long list is asked through a hash set of its names, so that a unit
                // giving many members of a list of many takes time linear in both.
                let listed: Option<HashSet<&str>> = (members.len() > 16)
                    .then(|| members.iter().map(|m| m.name.node.as_str()).collect());
                let is_member = |name: &str| match &listed {
                    Some(listed) => listed.contains(name),
                    None => members.iter().any(|m| m.name.node == name),
                };
                let mut present: HashSet<&str> = HashSet::new();
                for e in elements {
                    match &e.raw {
                        Raw::String(s) if is_member(s.trim()) => {
                            present.insert(s.trim());
                        }
                        _ => self.member_error(decl, e),
                    }
                }
                let set = MemberSet::select(members, |_, m| present.contains(m));
                Some(Value::Set(set))
            }
            FactType::Tally(members) => {
                let Raw::Table(entries) = &node.raw else {
                    return wrong(
                        self,
                        &msg!("evidence-want-tally"),
                        &format!("{{ \"{}\" = 1 }}", members[0].name.node),
                    );
                };
                let mut given: HashMap<String, u64> = HashMap::new();
                for (key, value) in entries {
                    if !members.iter().any(|m| m.name.node == key.node) {
                        let k = Node {
                            raw: Raw::String(key.node.clone()),
                            span: key.span,
                        };
                        self.member_error(decl, &k);
                        continue;
                    }
                    if let Some(n) = self.count(&format!("{name}[{}]", key.node), value) {
                        given.insert(key.node.clone(), n);
                    }
                }
                let tally = MemberCounts::new(members, |_, m| given.get(m).copied().unwrap_or(0));
                Some(Value::Tally(tally))
            }
        }
    }

    fn date_of(
        &mut self,
        name: &str,
        node: &Node,
        never_allowed: bool,
    ) -> Option<Option<NaiveDate>> {
        match &node.raw {
            Raw::Bool(false) if never_allowed => Some(None),
            Raw::Date(s) | Raw::String(s) => {
                let day = s.get(0..10).unwrap_or(s);
                match iso_day(day) {
                    Ok(d) if s.len() == 10 || matches!(node.raw, Raw::Date(_)) => Some(Some(d)),
                    _ => {
                        self.error(
                            codes::EVIDENCE_VALUE,
                            msg!("evidence-not-a-date", text = s),
                            node.span,
                            &msg!("evidence-not-a-date".label),
                            msg!("evidence-not-a-date".period, name = name),
                        );
                        None
                    }
                }
            }
            other => {
                let (message, help) = if never_allowed {
                    (
                        msg!(
                            "evidence-date-or-never",
                            name = name,
                            found = raw_text(other)
                        ),
                        msg!("evidence-date-or-never".help, name = name),
                    )
                } else {
                    (
                        msg!("evidence-date", name = name, found = raw_text(other)),
                        msg!("evidence-date".help, name = name),
                    )
                };
                self.error(
                    codes::EVIDENCE_VALUE,
                    message,
                    node.span,
                    &msg!("evidence-date".label),
                    help,
                );
                None
            }
        }
    }

    fn periods(&mut self, decl: &FactDecl, from: &str, to: &str, node: &Node) -> Option<Value> {
        let name = &decl.name.node;
        let example = format!("[{{ \"{from}\" = 2020-03-02, \"{to}\" = 2020-03-30 }}]");
        let Raw::Array(entries) = &node.raw else {
            self.error_toml(
                codes::EVIDENCE_VALUE,
                msg!("evidence-periods", name = name, found = raw_text(&node.raw)),
                node.span,
                &msg!("evidence-periods".label),
                msg!("evidence-periods".help, name = name, example = &example),
            );
            return None;
        };
        let mut periods = Vec::new();
        let mut ok = true;
        for entry in entries {
            let Raw::Table(fields) = &entry.raw else {
                self.error_toml(
                    codes::EVIDENCE_VALUE,
                    msg!(
                        "evidence-period-table",
                        name = name,
                        found = raw_text(&entry.raw)
                    ),
                    entry.span,
                    &msg!("evidence-period-table".label),
                    msg!("evidence-wrong".help, name = name, example = &example),
                );
                ok = false;
                continue;
            };
            let mut start = None;
            let mut end = None;
            for (key, value) in fields {
                if key.node == from {
                    start = self.date_of(from, value, false);
                } else if key.node == to {
                    end = self.date_of(to, value, true);
                } else {
                    self.error(
                        codes::EVIDENCE_UNKNOWN,
                        msg!("evidence-period-field", name = name, field = &key.node),
                        key.span,
                        &msg!("evidence-unknown-field"),
                        msg!("evidence-period-field".help, from = from, to = to),
                    );
                    ok = false;
                }
            }
            match (start, end) {
                (Some(Some(a)), Some(b)) => {
                    if b.is_some_and(|b| b < a) {
                        self.error(
                            codes::EVIDENCE_VALUE,
                            msg!("evidence-period-reversed", name = name),
                            entry.span,
                            &msg!("evidence-period-reversed".label),
                            msg!("evidence-period-reversed".help, from = from, to = to),
                        );
                        ok = false;
                    }
                    periods.push(Period {
                        from: a,
                        to: b,
                        span: entry.span,
                    });
                }
                (s, e) => {
                    let absent: Vec<&str> = [(s.is_none(), from), (e.is_none(), to)]
                        .iter()
                        .filter(|(missing, _)| *missing)
                        .map(|(_, f)| *f)
                        .collect();
                    if !fields.iter().all(|(k, _)| k.node == from || k.node == to)
                        || absent.len() < 2
                        || fields.is_empty()
                    {
                        self.error_toml(
                            codes::EVIDENCE_MISSING,
                            msg!(
                                "evidence-period-lacks",
                                name = name,
                                fields = absent.join("`, `")
                            ),
                            entry.span,
                            &msg!("evidence-period-lacks".label),
                            msg!("evidence-period-lacks".help, from = from, to = to),
                        );
                    }
                    ok = false;
                }
            }
        }
        ok.then_some(Value::Periods(periods))
    }

    /// A `dates` fact: a list of dates (or one text of dates separated by `、`, `,` or
    /// `;`, as a spreadsheet cell gives it), each in the rubric's year, read as the
    /// gaps between them.
    fn dates(&mut self, decl: &FactDecl, node: &Node) -> Option<Value> {
        let name = &decl.name.node;
        let mut days = Vec::new();
        let mut ok = true;
        match &node.raw {
            Raw::Array(entries) => {
                for entry in entries {
                    match self.date_of(name, entry, false) {
                        Some(Some(d)) => days.push((d, entry.span)),
                        _ => ok = false,
                    }
                }
            }
            Raw::String(text) => {
                // `无` (or `否`, `false`) alone: never done, no date.
                let never = super::cell::NEVER.contains(&text.trim());
                for piece in super::dates::pieces(text).filter(|_| !never) {
                    match iso_day(piece)
                        .ok()
                        .or_else(|| super::cell::loose_day(piece))
                    {
                        Some(d) => days.push((d, node.span)),
                        None => {
                            self.error(
                                codes::EVIDENCE_VALUE,
                                msg!("evidence-dates-piece", name = name, piece = piece),
                                node.span,
                                &msg!("evidence-dates-piece".label, piece = piece),
                                msg!("evidence-dates-piece".help),
                            );
                            ok = false;
                        }
                    }
                }
            }
            other => {
                self.error_toml(
                    codes::EVIDENCE_VALUE,
                    msg!("evidence-dates", name = name, found = raw_text(other)),
                    node.span,
                    &msg!("evidence-dates".label),
                    msg!("evidence-dates".help, name = name),
                );
                return None;
            }
        }
        if let Some(year) = self.year {
            for (d, span) in &days {
                if chrono::Datelike::year(d) != year {
                    self.error(
                        codes::EVIDENCE_VALUE,
                        msg!(
                            "evidence-dates-year",
                            name = name,
                            date = d.to_string(),
                            year = year.to_string()
                        ),
                        *span,
                        &msg!("evidence-dates-year".label, year = year.to_string()),
                        msg!("evidence-dates-year".help, year = year.to_string()),
                    );
                    ok = false;
                }
            }
        }
        ok.then(|| Value::Periods(super::dates::gaps(&days, self.year, node.span)))
    }

    fn discretion(&mut self, decl: &FactDecl, max: Decimal, node: &Node) -> Option<Value> {
        let name = &decl.name.node;
        let example_score = (max / Decimal::TWO).normalize();
        let example = format!(
            "`\"{name}\" = {{ score = {example_score}, reason = \"材料齐全, 做法有创新\" }}`"
        );
        let Raw::Table(fields) = &node.raw else {
            self.error_toml(
                codes::EVIDENCE_VALUE,
                msg!(
                    "evidence-discretion",
                    name = name,
                    found = raw_text(&node.raw)
                ),
                node.span,
                &msg!("evidence-discretion".label),
                msg!("evidence-discretion".help, example = &example),
            );
            return None;
        };
        let mut score = None;
        let mut reason = None;
        let mut ok = true;
        for (key, value) in fields {
            match key.node.as_str() {
                "score" => {
                    let text = match &value.raw {
                        Raw::Integer(t) | Raw::Float(t) => Some(t.clone()),
                        _ => None,
                    };
                    match text.and_then(|t| {
                        Decimal::from_str_exact(&t)
                            .or_else(|_| Decimal::from_scientific(&t))
                            .ok()
                    }) {
                        Some(v) if v >= Decimal::ZERO && v <= max => score = Some(v.normalize()),
                        Some(v) => {
                            self.error(
                                codes::EVIDENCE_VALUE,
                                msg!(
                                    "evidence-score-outside",
                                    score = v.normalize().to_string(),
                                    name = name,
                                    max = max.to_string()
                                ),
                                value.span,
                                &msg!("evidence-score-outside".label, max = max.to_string()),
                                msg!("evidence-score-outside".help, max = max.to_string()),
                            );
                            ok = false;
                        }
                        None => {
                            self.error_toml(
                                codes::EVIDENCE_VALUE,
                                msg!(
                                    "evidence-score-number",
                                    name = name,
                                    found = raw_text(&value.raw)
                                ),
                                value.span,
                                &msg!("evidence-score-number".label),
                                msg!("evidence-discretion".help, example = &example),
                            );
                            ok = false;
                        }
                    }
                }
                "reason" => match &value.raw {
                    Raw::String(r) if !r.trim().is_empty() => reason = Some(r.trim().to_string()),
                    _ => {
                        self.error(
                            codes::EVIDENCE_VALUE,
                            msg!("evidence-reason", name = name),
                            value.span,
                            &msg!("evidence-reason".label),
                            msg!("evidence-reason".help),
                        );
                        ok = false;
                    }
                },
                other => {
                    self.error_toml(
                        codes::EVIDENCE_UNKNOWN,
                        msg!("evidence-discretion-field", name = name, field = other),
                        key.span,
                        &msg!("evidence-unknown-field"),
                        msg!("evidence-discretion-field".help, example = &example),
                    );
                    ok = false;
                }
            }
        }
        if ok && (score.is_none() || reason.is_none()) {
            let lacking = if score.is_none() { "score" } else { "reason" };
            self.error_toml(
                codes::EVIDENCE_MISSING,
                msg!("evidence-discretion-lacks", name = name, field = lacking),
                node.span,
                &msg!("evidence-discretion-lacks".label, field = lacking),
                msg!("evidence-discretion-lacks".help, example = &example),
            );
            return None;
        }
        Some(Value::Discretion {
            score: score?,
            reason: reason?,
        })
    }

    fn count(&mut self, name: &str, node: &Node) -> Option<u64> {
        let parsed = match &node.raw {
            Raw::Integer(s) => s.parse::<i128>().ok(),
            _ => None,
        };
        match parsed {
            Some(n) if (0..=MAX_COUNT as i128).contains(&n) => Some(n as u64),
            Some(n) if n < 0 => {
                self.error(
                    codes::EVIDENCE_VALUE,
                    msg!("evidence-negative", name = name),
                    node.span,
                    &msg!("evidence-negative".label),
                    msg!("evidence-negative".help),
                );
                None
            }
            Some(_) => {
                self.error(
                    codes::EVIDENCE_VALUE,
                    msg!("evidence-too-large", name = name),
                    node.span,
                    &msg!("evidence-too-large".label),
                    msg!("evidence-too-large".help, max = MAX_COUNT.to_string()),
                );
                None
            }
            None => {
                self.error_toml(
                    codes::EVIDENCE_VALUE,
                    msg!("evidence-count", name = name, found = raw_text(&node.raw)),
                    node.span,
                    &msg!("evidence-count".label),
                    msg!("evidence-count".help, name = name),
                );
                None
            }
        }
    }

    fn member_error(&mut self, decl: &FactDecl, e: &Node) {
        let members = decl.ty.node.members().unwrap_or(&[]);
        let names: Vec<&str> = members.iter().map(|m| m.name.node.as_str()).collect();
        let (message, hint) = match &e.raw {
            Raw::String(s) => (
                msg!("evidence-member", member = s, name = &decl.name.node),
                suggest_name(s.trim(), names.iter().copied()),
            ),
            other => (
                msg!(
                    "evidence-member-name",
                    name = &decl.name.node,
                    found = raw_text(other)
                ),
                String::new(),
            ),
        };
        let help = if hint.is_empty() {
            msg!("evidence-member".help, members = names.join("、"))
        } else {
            msg!(
                "evidence-member".hint,
                hint = hint,
                members = names.join("、")
            )
        };
        self.error(
            codes::EVIDENCE_VALUE,
            message,
            e.span,
            &msg!("evidence-member".label),
            help,
        );
    }
}

/// What a value read from evidence is (`a text`, `a list`, …) as a message says it.
pub(super) fn raw_text(raw: &Raw) -> String {
    match raw {
        Raw::Bool(_) => msg!("evidence-raw-bool"),
        Raw::Integer(_) => msg!("evidence-raw-integer"),
        Raw::Float(_) => msg!("evidence-raw-number"),
        Raw::String(_) => msg!("evidence-raw-text"),
        Raw::Date(_) => msg!("evidence-raw-date"),
        Raw::Array(_) => msg!("evidence-raw-list"),
        Raw::Table(_) => msg!("evidence-raw-table"),
        Raw::Null => msg!("evidence-raw-null"),
    }
}

/// A day written `YYYY-MM-DD`, as `NaiveDate::parse_from_str(text, "%Y-%m-%d")` reads
/// it; the common form (four, two and two digits) is read without chrono's format
/// parser, which is most of the cost of reading a date.
fn iso_day(text: &str) -> chrono::ParseResult<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
    {
        let number =
            |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        // A month or day out of range goes to chrono, for its error.
        if let Some(d) = NaiveDate::from_ymd_opt(number(0..4) as i32, number(5..7), number(8..10)) {
            return Ok(d);
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
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

    /// The findings of evidence for a rubric of two items, each of one fact.
    fn findings(evidence: &str) -> Vec<Finding> {
        let rubric = crate::check::compile(&SourceFile::new(
            "t.rule",
            "rubric 表\ntotal 4\nyear 2020\nsection 甲 4 {\n  item 乙 2 {\n    fact 未做 bool \"未做\"\n    if 未做 -2\n  }\n  item 丙 2 {\n    fact 条数 count \"条数\"\n    per 条数 -1\n  }\n}\n",
        ))
        .rubric
        .expect("the rubric compiles");
        let source = SourceFile::new("unit.toml", evidence);
        let node = super::super::read(&source, super::super::Format::Toml).expect("TOML");
        validate_findings(&rubric, &source, &node).expect_err("invalid evidence")
    }

    #[test]
    fn a_finding_says_its_item_and_whether_its_help_is_a_toml_example() {
        let found = findings("unit = \"单位\"\n[\"乙\"]\n\"未做\" = 3\n[\"丙\"]\n");
        let about: Vec<(&str, Option<&str>, HelpKind)> = found
            .iter()
            .map(|f| (f.diagnostic.code, f.item.as_deref(), f.help))
            .collect();
        assert_eq!(
            about,
            [
                (codes::EVIDENCE_VALUE, Some("乙"), HelpKind::Toml),
                (codes::EVIDENCE_MISSING, Some("丙"), HelpKind::Toml),
            ]
        );
        // A finding of the unit as a whole is about no item, and its help is words.
        let found = findings("unit = \"单位\"\n[\"丁\"]\n");
        let unknown = found
            .iter()
            .find(|f| f.diagnostic.code == codes::EVIDENCE_UNKNOWN)
            .expect("the unknown item");
        assert_eq!(
            (unknown.item.as_deref(), unknown.help),
            (None, HelpKind::Words)
        );
    }
}
