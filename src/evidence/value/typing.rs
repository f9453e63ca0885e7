//! The typing of one fact's value, by its declared type: the value from an evidence
//! tree's node (TOML, JSON or YAML) or from a spreadsheet's cell read as one, checked
//! and given as a [`Value`], or every problem found, each with its place.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::super::members::{MemberCounts, MemberSet};
use super::super::problem::{EvidenceError as E, ScoreField, Want};
use super::super::raw::{Node, Raw};
use super::{found, Period, Validator, Value, MAX_COUNT};
use crate::input::day::day as day_of;
use crate::model::{FactDecl, FactType};

impl Validator<'_> {
    pub(super) fn value(&mut self, decl: &FactDecl, node: &Node) -> Option<Value> {
        let name = &decl.name.node;
        let wrong = |v: &mut Self, want: Want| {
            v.push(E::Wrong {
                span: node.span,
                fact: name.clone(),
                want,
                found: found(&node.raw),
            });
            None
        };
        match &decl.ty.node {
            FactType::Periods { from, to } => self.periods(decl, &from.node, &to.node, node),
            FactType::Discretion { max } => self.discretion(decl, max.node, node),
            FactType::Dates => self.dates(decl, node),
            FactType::Bool => match node.raw {
                Raw::Bool(b) => Some(Value::Bool(b)),
                _ => wrong(self, Want::Bool),
            },
            FactType::Count { max } => {
                let n = self.count(name, node)?;
                if let Some(max) = max {
                    if n > max.node {
                        self.push(E::CountAboveMax {
                            span: node.span,
                            fact: name.clone(),
                            count: n,
                            max: max.node,
                        });
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
                    _ => return wrong(self, Want::Percent),
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
                        self.push(E::Percent {
                            span: node.span,
                            fact: name.clone(),
                        });
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
                            self.push(E::NotADate {
                                span: node.span,
                                fact: name.clone(),
                                text: s.clone(),
                                in_list: false,
                            });
                            None
                        }
                    }
                }
                _ => wrong(self, Want::Date),
            },
            FactType::Set(members) => {
                let Raw::Array(elements) = &node.raw else {
                    return wrong(
                        self,
                        Want::Members {
                            first: members[0].name.node.clone(),
                        },
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
                        Want::Tally {
                            first: members[0].name.node.clone(),
                        },
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
                        self.push(E::NotADate {
                            span: node.span,
                            fact: name.to_string(),
                            text: s.clone(),
                            in_list: true,
                        });
                        None
                    }
                }
            }
            other => {
                self.push(E::DateWanted {
                    span: node.span,
                    field: name.to_string(),
                    found: found(other),
                    never_allowed,
                });
                None
            }
        }
    }

    fn periods(&mut self, decl: &FactDecl, from: &str, to: &str, node: &Node) -> Option<Value> {
        let name = &decl.name.node;
        let Raw::Array(entries) = &node.raw else {
            self.push(E::PeriodsNotList {
                span: node.span,
                fact: name.clone(),
                found: found(&node.raw),
                from: from.to_string(),
                to: to.to_string(),
            });
            return None;
        };
        let mut periods = Vec::new();
        let mut ok = true;
        for entry in entries {
            let Raw::Table(fields) = &entry.raw else {
                self.push(E::PeriodNotTable {
                    span: entry.span,
                    fact: name.clone(),
                    found: found(&entry.raw),
                    from: from.to_string(),
                    to: to.to_string(),
                });
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
                    self.push(E::PeriodField {
                        span: key.span,
                        fact: name.clone(),
                        field: key.node.clone(),
                        from: from.to_string(),
                        to: to.to_string(),
                    });
                    ok = false;
                }
            }
            match (start, end) {
                (Some(Some(a)), Some(b)) => {
                    if b.is_some_and(|b| b < a) {
                        self.push(E::PeriodReversed {
                            span: entry.span,
                            fact: name.clone(),
                            from: from.to_string(),
                            to: to.to_string(),
                        });
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
                        self.push(E::PeriodLacks {
                            span: entry.span,
                            fact: name.clone(),
                            absent: absent.iter().map(|f| f.to_string()).collect(),
                            from: from.to_string(),
                            to: to.to_string(),
                        });
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
                            self.push(E::DatesPiece {
                                span: node.span,
                                fact: name.clone(),
                                piece: piece.to_string(),
                            });
                            ok = false;
                        }
                    }
                }
            }
            other => {
                self.push(E::DatesNotList {
                    span: node.span,
                    fact: name.clone(),
                    found: found(other),
                });
                return None;
            }
        }
        if let Some(year) = self.year {
            for (d, span) in &days {
                if chrono::Datelike::year(d) != year {
                    self.push(E::DatesYear {
                        span: *span,
                        fact: name.clone(),
                        date: *d,
                        year,
                    });
                    ok = false;
                }
            }
        }
        ok.then(|| Value::Periods(super::super::dates::gaps(&days, self.year, node.span)))
    }

    fn discretion(&mut self, decl: &FactDecl, max: Decimal, node: &Node) -> Option<Value> {
        let name = &decl.name.node;
        let Raw::Table(fields) = &node.raw else {
            self.push(E::DiscretionNotTable {
                span: node.span,
                fact: name.clone(),
                found: found(&node.raw),
                max,
            });
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
                            self.push(E::ScoreOutside {
                                span: value.span,
                                fact: name.clone(),
                                score: v,
                                max,
                            });
                            ok = false;
                        }
                        None => {
                            self.push(E::ScoreNotNumber {
                                span: value.span,
                                fact: name.clone(),
                                found: found(&value.raw),
                                max,
                            });
                            ok = false;
                        }
                    }
                }
                "reason" => match &value.raw {
                    Raw::String(r) if !r.trim().is_empty() => reason = Some(r.trim().to_string()),
                    _ => {
                        self.push(E::Reason {
                            span: value.span,
                            fact: name.clone(),
                        });
                        ok = false;
                    }
                },
                other => {
                    self.push(E::DiscretionField {
                        span: key.span,
                        fact: name.clone(),
                        field: other.to_string(),
                        max,
                    });
                    ok = false;
                }
            }
        }
        if ok && (score.is_none() || reason.is_none()) {
            let field = if score.is_none() {
                ScoreField::Score
            } else {
                ScoreField::Reason
            };
            self.push(E::DiscretionLacks {
                span: node.span,
                fact: name.clone(),
                field,
                max,
            });
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
                self.push(E::Negative {
                    span: node.span,
                    fact: name.to_string(),
                });
                None
            }
            Some(_) => {
                self.push(E::TooLarge {
                    span: node.span,
                    fact: name.to_string(),
                });
                None
            }
            None => {
                self.push(E::Count {
                    span: node.span,
                    fact: name.to_string(),
                    found: found(&node.raw),
                });
                None
            }
        }
    }

    fn member_error(&mut self, decl: &FactDecl, e: &Node) {
        let members = decl.ty.node.members().unwrap_or(&[]);
        self.push(E::NotAMember {
            span: e.span,
            fact: decl.name.node.clone(),
            member: match &e.raw {
                Raw::String(s) => Some(s.clone()),
                _ => None,
            },
            found: found(&e.raw),
            members: members.iter().map(|m| m.name.node.clone()).collect(),
        });
    }
}
