//! The typing of one fact's value, by its declared type: the value from an evidence
//! tree's node (TOML, JSON or YAML) or from a spreadsheet's cell read as one, checked
//! and given as a [`Value`], or every problem found, each with its place.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::super::members::{MemberCounts, MemberSet};
use super::super::raw::{Node, Raw};
use super::{raw_text, Period, Validator, Value, MAX_COUNT};
use crate::check::suggest_name;
use crate::diagnostic::{codes, msg};
use crate::input::day::day as day_of;
use crate::model::{FactDecl, FactType};

impl Validator<'_> {
    pub(super) fn value(&mut self, decl: &FactDecl, node: &Node) -> Option<Value> {
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
                    match day_of(day) {
                        Some(d) if s.len() == 10 || matches!(node.raw, Raw::Date(_)) => {
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
                match day_of(day) {
                    Some(d) if s.len() == 10 || matches!(node.raw, Raw::Date(_)) => Some(Some(d)),
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
                let never = super::super::cell::NEVER.contains(&text.trim());
                for piece in super::super::dates::pieces(text).filter(|_| !never) {
                    match day_of(piece).or_else(|| super::super::cell::loose_day(piece)) {
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
        ok.then(|| Value::Periods(super::super::dates::gaps(&days, self.year, node.span)))
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
