//! The 扣分说明 of a score sheet in the words of the table: for every item that lost
//! or gained points, one sentence for each clause that changed its score, built from
//! the structured trace ([`crate::eval::trace::Step`]) and the descriptions of the
//! facts it read, in the run's language:
//!
//! - `意见征集未提供征集有效期,扣1分。`
//! - `已废止或失效但未进行标记的文件4条,每条扣1分,扣4分。`
//! - `2020年政策解读采用的形式:新闻发布会、图表,每项得2分,得4分(图解不计分)。`
//!
//! A limit that cut a change is said (`扣完为止`, `最多得6分`). No sentence holds rule
//! syntax, a file's path or a line number: they are for the unit. Every word comes
//! from `locales/*/reports.ftl`; the values and descriptions come from the rule file
//! and the evidence, and are escaped by the writer of each report.

mod arith;
mod words;

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::number;
use crate::check::Rubric;
use crate::eval::ItemScore;
use crate::eval::{Change, ClauseRef, Did, Step, Why};
use crate::locale::Lang;
use crate::model::{self, ClauseKind, Effect, Item, PercentBase, SectionKind};
use crate::tr;
use words::Words;

/// Tells an item's score in sentences: made once for a rubric and a language, then
/// asked for each item of each unit.
pub struct Narrator<'r> {
    lang: Lang,
    items: HashMap<&'r str, &'r Item>,
}

impl<'r> Narrator<'r> {
    /// A narrator for the items of `rubric`, in `lang`.
    pub fn new(rubric: &'r Rubric, lang: Lang) -> Self {
        let items = model::items(&rubric.nodes)
            .into_iter()
            .map(|i| (i.name.node.as_str(), i))
            .collect();
        Narrator { lang, items }
    }

    /// The language of the sentences.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The sentences of an item, one for each step of its trace. A regular item that
    /// fell short with nothing to show says so; a bonus not earned or a penalty not
    /// incurred needs no word.
    pub fn item(&self, item: &ItemScore, kind: SectionKind) -> Vec<String> {
        if !item.methods.is_empty() {
            return self.blended(item);
        }
        if item.trace.is_empty() {
            return match item.score {
                Some(score) if kind == SectionKind::Regular && score < item.points => {
                    vec![tr!(self.lang, "narr-nothing-earned", score = number(score))]
                }
                _ => Vec::new(),
            };
        }
        let decl = self.items.get(item.name.as_str()).copied();
        item.trace.iter().map(|s| self.step(decl, s)).collect()
    }

    /// The sentences of a blended item: under each method, its score and what moved
    /// it, then the weighted score (`网上考核(占80%)得25分: …; 加权得26分。`).
    fn blended(&self, item: &ItemScore) -> Vec<String> {
        let decl = self.items.get(item.name.as_str()).copied();
        let mut out = Vec::new();
        for m in &item.methods {
            let score = m.score.map_or_else(
                || tr!(self.lang, "narr-method-none"),
                |s| tr!(self.lang, "narr-method-score", score = number(s)),
            );
            let (method, weight) = (m.method.as_str(), number(m.weight));
            out.push(if m.trace.is_empty() {
                tr!(
                    self.lang,
                    "narr-method-plain",
                    method = method,
                    weight = weight,
                    score = score
                )
            } else {
                tr!(
                    self.lang,
                    "narr-method",
                    method = method,
                    weight = weight,
                    score = score
                )
            });
            out.extend(m.trace.iter().map(|s| self.step(decl, s)));
        }
        if let Some(score) = item.score {
            out.push(tr!(self.lang, "narr-method-blend", score = number(score)));
        }
        out
    }

    /// One step of an item's trace as a sentence.
    pub fn step(&self, decl: Option<&Item>, step: &Step) -> String {
        let lang = self.lang;
        let words = Words {
            lang,
            decl,
            evidence: &step.evidence,
        };
        if let Did::Bound { limit, high } = step.did {
            return bound(lang, limit, high);
        }
        let clause = match step.clause {
            ClauseRef::Clause(i) => decl.and_then(|d| d.clauses.get(i)),
            ClauseRef::ApplicableUnless | ClauseRef::Bound => None,
        };
        if let Why::Instead { score, max, reason } = &step.why {
            // A `give`: what the assessor gave, not what was withheld.
            let condition = match clause.map(|c| &c.kind) {
                Some(ClauseKind::Give {
                    condition: Some(c), ..
                }) => Some(words.condition(c)),
                _ => None,
            };
            return match condition {
                Some(what) => tr!(
                    lang,
                    "narr-give",
                    what = what,
                    score = number(*score),
                    max = number(*max),
                    reason = reason
                ),
                None => tr!(
                    lang,
                    "narr-judged",
                    score = number(*score),
                    max = number(*max),
                    reason = reason
                ),
            };
        }
        let (what, unit, except) = self.why(&words, step, clause.map(|c| &c.kind));
        match &step.did {
            Did::NotApplicable => tr!(lang, "narr-not-applicable", what = what),
            Did::Exempted { unless } => {
                let unless = clause
                    .and_then(|c| c.unless.as_ref())
                    .map_or_else(|| unless.clone(), |u| words.condition(u));
                let gives = clause.is_some_and(|c| match c.effect.node {
                    Effect::Points(p) => p > Decimal::ZERO,
                    Effect::Percent { percent, .. } => percent > Decimal::ZERO,
                    Effect::Zero => false,
                });
                tr!(
                    lang,
                    "narr-exempted",
                    sign = sign(gives),
                    what = what,
                    unless = unless
                )
            }
            Did::Zero { first: true } => tr!(lang, "narr-zero", what = what),
            Did::Zero { first: false } => tr!(lang, "narr-zero-again", what = what),
            // Said above, before the subject of a clause is looked for.
            Did::Bound { limit, high } => bound(lang, *limit, *high),
            Did::Change {
                change,
                times,
                raw,
                max,
                floor,
            } => {
                let gives = match change {
                    Change::Points(p) => *p > Decimal::ZERO,
                    Change::Percent { percent, .. } => *percent > Decimal::ZERO,
                };
                let sign = sign(gives);
                let once = *times == Decimal::ONE
                    || matches!(
                        step.why,
                        Why::Given { .. } | Why::Measured { step: None, .. }
                    );
                let mut parts = Vec::new();
                if !once {
                    parts.push(match change {
                        Change::Points(p) => {
                            tr!(
                                lang,
                                "narr-each",
                                sign = sign,
                                unit = &unit,
                                points = number(p.abs())
                            )
                        }
                        Change::Percent { percent, .. } => tr!(
                            lang,
                            "narr-each-percent",
                            sign = sign,
                            unit = &unit,
                            percent = number(percent.abs())
                        ),
                    });
                }
                let done = floor.or(*max).map_or(*raw, |cut| cut.to);
                let cut = floor.is_some() || max.is_some();
                if let (true, Change::Percent { percent, base, .. }) = (once, change) {
                    let (percent, points) = (number(percent.abs()), number(raw.abs()));
                    parts.push(match base {
                        PercentBase::Points => tr!(
                            lang,
                            "narr-percent",
                            sign = sign,
                            percent = percent,
                            points = points
                        ),
                        PercentBase::Score => tr!(
                            lang,
                            "narr-percent-score",
                            sign = sign,
                            percent = percent,
                            points = points
                        ),
                    });
                }
                let percent_once = once && matches!(change, Change::Percent { .. });
                if floor.is_some() && done.is_zero() && percent_once {
                    parts.push(tr!(lang, "narr-spent"));
                } else if floor.is_some() && done.is_zero() {
                    parts.push(tr!(lang, "narr-floor-spent", points = number(raw.abs())));
                } else if cut || !percent_once {
                    let mut total = tr!(
                        lang,
                        "narr-points",
                        sign = sign,
                        points = number(done.abs())
                    );
                    if let Some(m) = max {
                        total.push_str(&tr!(
                            lang,
                            "narr-max",
                            sign = sign,
                            limit = number(m.limit.abs())
                        ));
                    }
                    if let Some(f) = floor {
                        if f.limit.is_zero() {
                            total.push_str(&tr!(lang, "narr-floor-zero"));
                        } else {
                            total.push_str(&tr!(lang, "narr-floor-at", limit = number(f.limit)));
                        }
                    }
                    parts.push(total);
                }
                if let Some(last) = parts.last_mut() {
                    last.push_str(&except);
                }
                let how = parts.join(&tr!(lang, "narr-part-join"));
                tr!(lang, "narr-sentence", what = what, how = how)
            }
        }
    }

    /// Why a step applied, as the subject of its sentence; the measure word of one
    /// application (`条`); and the note on members that do not count.
    fn why(
        &self,
        words: &Words,
        step: &Step,
        clause: Option<&ClauseKind>,
    ) -> (String, String, String) {
        let lang = self.lang;
        let unit_default = || tr!(lang, "narr-unit-default");
        // The fact a step read first: the subject when the clause is not known.
        let first = step.evidence.first().map_or("", |u| u.fact.as_str());
        match &step.why {
            Why::Holds => {
                let condition: Option<&crate::model::Condition> = match (step.clause, clause) {
                    (ClauseRef::ApplicableUnless, _) => {
                        words.decl.and_then(|d| d.applicable_unless.as_ref())
                    }
                    (_, Some(ClauseKind::If(c))) => Some(c),
                    _ => None,
                };
                let what = condition.map_or_else(|| words.subject(first), |c| words.condition(c));
                (what, unit_default(), String::new())
            }
            Why::HoldsLate { late, .. } => {
                let condition = match clause {
                    Some(ClauseKind::If(c)) => Some(c),
                    _ => None,
                };
                let what = condition.map_or_else(
                    || words.subject(first),
                    |c| {
                        words
                            .condition_late(c, late)
                            .unwrap_or_else(|| words.condition(c))
                    },
                );
                (what, unit_default(), String::new())
            }
            Why::Found(n) => {
                let (fact, member, except) = match clause {
                    Some(ClauseKind::Per { fact, except, .. }) => (
                        fact.fact.node.as_str(),
                        fact.member.as_ref().map(|m| m.node.as_str()),
                        except.iter().map(|e| e.node.clone()).collect(),
                    ),
                    _ => (first, None, Vec::new()),
                };
                let is_set = words
                    .fact(fact)
                    .is_some_and(|f| matches!(f.ty.node, crate::model::FactType::Set(_)));
                if is_set && member.is_none() {
                    let present = words.members(fact);
                    let (excluded, counted): (Vec<String>, Vec<String>) =
                        present.into_iter().partition(|m| except.contains(m));
                    let what = tr!(
                        lang,
                        "narr-set",
                        subject = words.subject(fact),
                        members = words.list(&counted)
                    );
                    let note = if excluded.is_empty() {
                        String::new()
                    } else {
                        tr!(lang, "narr-except", members = words.list(&excluded))
                    };
                    (what, unit_default(), note)
                } else {
                    let (what, unit) = words.count(fact, member, Decimal::from(*n));
                    (what, unit, String::new())
                }
            }
            Why::Over { late, limit, unit } => {
                let fact = match clause {
                    Some(ClauseKind::Per { fact, .. }) => fact.fact.node.as_str(),
                    _ => first,
                };
                let day_unit = words::unit_key(*unit);
                // The gaps between the dates of a `dates` fact (每半月更新).
                let gaps = words
                    .fact(fact)
                    .is_some_and(|f| matches!(f.ty.node, crate::model::FactType::Dates));
                if gaps {
                    let each: Vec<String> = late
                        .iter()
                        .map(|l| {
                            tr!(
                                lang,
                                "narr-gap",
                                from = words.date(l.from),
                                to = words.date(l.to.unwrap_or(l.from)),
                                taken = l.taken.unwrap_or_default(),
                                unit = day_unit
                            )
                        })
                        .collect();
                    let what = tr!(
                        lang,
                        "narr-gaps",
                        limit = i64::from(*limit),
                        unit = day_unit,
                        subject = words.deed(fact),
                        count = late.len(),
                        gaps = each.join(&tr!(lang, "narr-period-join"))
                    );
                    return (what, tr!(lang, "narr-unit-gap"), String::new());
                }
                let what = tr!(
                    lang,
                    "narr-over",
                    limit = i64::from(*limit),
                    unit = day_unit,
                    subject = fact,
                    count = late.len(),
                    periods = words.late_periods(late, day_unit)
                );
                (what, tr!(lang, "narr-unit-case"), String::new())
            }
            Why::Given { reason, .. } => (
                tr!(lang, "narr-given", reason = reason),
                unit_default(),
                String::new(),
            ),
            Why::Missing(absent) => {
                let fact = match clause {
                    Some(ClauseKind::Missing { fact, .. }) => fact.fact.node.as_str(),
                    _ => first,
                };
                let what = tr!(
                    lang,
                    "narr-missing",
                    subject = words.subject(fact),
                    members = words.list(absent)
                );
                (what, unit_default(), String::new())
            }
            Why::After { date, deadline } => {
                let what = tr!(
                    lang,
                    "narr-after",
                    subject = words.deed(self.deadline_fact(clause, first)),
                    date = words.date(*date),
                    deadline = words.date(*deadline)
                );
                (what, unit_default(), String::new())
            }
            Why::Never { deadline } => {
                let what = tr!(
                    lang,
                    "narr-never",
                    subject = words.deed(self.deadline_fact(clause, first)),
                    deadline = words.date(*deadline)
                );
                (what, unit_default(), String::new())
            }
            Why::Instead { reason, .. } => (reason.clone(), unit_default(), String::new()),
            Why::Missed { missed, deadline } => {
                let each: Vec<String> = missed
                    .iter()
                    .map(|(fact, date)| match date {
                        Some(date) => tr!(
                            lang,
                            "narr-after",
                            subject = words.deed(fact),
                            date = words.date(*date),
                            deadline = words.date(*deadline)
                        ),
                        None => tr!(
                            lang,
                            "narr-never",
                            subject = words.deed(fact),
                            deadline = words.date(*deadline)
                        ),
                    })
                    .collect();
                let what = each.join(&tr!(lang, "narr-period-join"));
                (what, unit_default(), String::new())
            }
            Why::Measured { value, step, times } => {
                let subject = match clause {
                    Some(ClauseKind::Quantity { quantity, .. }) => match quantity.leaf() {
                        Some(model::Operand::Fact(p)) => words.subject(&p.fact.node),
                        _ => words.arith(quantity),
                    },
                    _ => words.subject(first),
                };
                let what = match step {
                    Some(step) => tr!(
                        lang,
                        "narr-measured-step",
                        subject = subject,
                        value = value,
                        step = step,
                        count = number(*times)
                    ),
                    None => tr!(lang, "narr-measured", subject = subject, value = value),
                };
                (what, tr!(lang, "narr-unit-step"), String::new())
            }
        }
    }

    fn deadline_fact<'c>(&self, clause: Option<&'c ClauseKind>, first: &'c str) -> &'c str {
        match clause {
            Some(ClauseKind::Deadline { fact, .. }) => fact.fact.node.as_str(),
            _ => first,
        }
    }
}

/// The sentence of an item's own bound that cut its score: 扣完为止 at its lowest (0,
/// or minus its points in a penalty section: 最多扣N分), 最多得N分 at its highest.
fn bound(lang: Lang, limit: Decimal, high: bool) -> String {
    if high {
        tr!(lang, "narr-bound-high", limit = number(limit))
    } else if limit.is_zero() {
        tr!(lang, "narr-bound-low")
    } else {
        tr!(lang, "narr-bound-penalty", limit = number(limit.abs()))
    }
}

/// The key of a change's direction in the catalogues' selectors.
fn sign(gives: bool) -> &'static str {
    if gives {
        "plus"
    } else {
        "minus"
    }
}

#[cfg(test)]
mod tests;
