//! The walk of a unit's evidence tree: its name, its items and their facts, each
//! fact's value typed ([`super::typing`]), and the facts each item lacks.

use std::collections::HashMap;

use super::super::problem::EvidenceError as E;
use super::super::raw::{Node, Raw};
use super::{complete, found, Fact, Finding, Unit, Validator};
use crate::check::Rubric;
use crate::model::{self, FactDecl, Item};
use crate::span::Span;

impl Validator<'_> {
    pub(super) fn unit(&mut self, rubric: &Rubric, node: &Node) -> Option<Unit> {
        let Raw::Table(entries) = &node.raw else {
            self.push(E::NotTable {
                span: node.span,
                found: found(&node.raw),
            });
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
        // A `unit` given but not a name is its own problem, not also a unit missing.
        let mut unit_given = false;
        for (key, value) in entries {
            unit_given |= key.node == "unit";
            match key.node.as_str() {
                "unit" => match &value.raw {
                    Raw::String(s) if !s.trim().is_empty() => {
                        // A name too long or with hidden characters is refused here,
                        // in every format, pointing at it (`names::bad_name`).
                        if let Some(finding) = super::bad_name(s, value.span) {
                            self.out.push(finding);
                        }
                        name = Some((s.trim().to_string(), value.span))
                    }
                    _ => self.push(E::UnitName { span: value.span }),
                },
                // `expect` belongs to a test case (`kaohe test`); scoring leaves it aside,
                // so a case file is also evidence `kaohe eval` reads.
                super::super::EXPECT => {}
                "rubric" => {
                    if !matches!(&value.raw, Raw::String(s) if *s == rubric.title) {
                        other_title = Some(value.span);
                        self.push(E::OtherTitle {
                            span: value.span,
                            title: rubric.title.clone(),
                        });
                    }
                }
                item_name => match by_name.contains(item_name) {
                    true => {
                        tables.insert(item_name, (value, key.span));
                    }
                    false => {
                        unknown_items.push(key.span);
                        self.push(E::UnknownItem {
                            span: key.span,
                            item: item_name.to_string(),
                            items: items.iter().map(|i| i.name.node.clone()).collect(),
                        });
                    }
                },
            }
        }
        // Evidence written for another rubric is said so first and alone.
        let names: Vec<&str> = items.iter().map(|i| i.name.node.as_str()).collect();
        let given = |n: &str| tables.contains_key(n);
        if let Some(problem) =
            super::super::other_rubric::problem(rubric, other_title, &unknown_items, &names, given)
        {
            match other_title {
                // Its own problem, made above, is the one shown.
                Some(span) => self.out.retain(|kept| kept.problem.span() == span),
                None => {
                    self.out.clear();
                    self.out.push(Finding {
                        problem,
                        item: None,
                    });
                }
            }
            return None;
        }
        let Some((name, name_span)) = name else {
            if !unit_given {
                self.push(E::NoUnit);
            }
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
                                self.push(E::UnknownFact {
                                    span: key.span,
                                    item: item.name.node.clone(),
                                    fact: key.node.clone(),
                                    facts: item.facts.iter().map(|f| f.name.node.clone()).collect(),
                                });
                            }
                        }
                    }
                }
                other => self.push(E::ItemNotTable {
                    span: node.span,
                    item: item.name.node.clone(),
                    found: found(other),
                }),
            }
        }
        let needed = complete(item, facts, self.calendar);
        let missing: Vec<&str> = needed
            .iter()
            // A fact with an invalid value was reported already.
            .filter(|f| !self.given_but_invalid(table, &f.name.node))
            .map(|f| f.name.node.as_str())
            .collect();
        let missing: Vec<&FactDecl> = missing
            .iter()
            .filter_map(|m| item.facts.iter().find(|f| f.name.node == *m))
            .collect();
        if let Some(finding) = super::missing(item, &missing, table.map(|(_, key)| key), unit_span)
        {
            self.out.push(finding);
        }
    }

    fn given_but_invalid(&self, table: Option<(&Node, Span)>, fact: &str) -> bool {
        matches!(table, Some((Node { raw: Raw::Table(entries), .. }, _)) if entries.iter().any(|(k, _)| k.node == fact))
    }
}
