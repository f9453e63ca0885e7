//! Evaluation: a checked rubric and one unit's evidence → a score [`Sheet`] with a trace.
//!
//! Each item starts from its points (or its `start`; items in `bonus` and `penalty`
//! sections start from 0), and its clauses apply in the order of the file, each one
//! kept by its own `floor` and `max`. `zero` (不得分) sets the item to 0 whatever else
//! applies. Sections add up their items; when items are not applicable the total of the
//! regular sections is prorated: earned ÷ applicable points × the rubric's total,
//! rounded as the rubric says. Bonus sections then add at most their points, penalty
//! sections take at most theirs, and the result is kept within 0 and the rubric's
//! `max` (its total, unless the header says `total 100 max 105`). All arithmetic is
//! exact decimal.
//!
//! [`evaluate`] walks the rubric's tree and writes the trace; a [`Scorer`] compiles the
//! rubric once and scores many units without it ([`summarise`] is the one-off
//! convenience). Both do the arithmetic through the same functions of this module
//! (`raw_change`, `limit`, `in_bounds`, `section_limit`, `Sum::total`), so they
//! cannot disagree on a number.

mod condition;
mod periods;
mod scorer;
mod sheet;
mod trace;

pub use condition::{condition_facts, condition_paths, holds, path_value, value_of, Scalar};
pub use periods::Uncovered;
pub use scorer::Scorer;
pub use sheet::{ItemScore, SectionScore, Sheet, Step, Summary, Top};
pub use trace::{Change, ClauseRef, Cut, Did, Late, Used, Why};

use rust_decimal::Decimal;

use crate::check::{bounds, Rubric};
use crate::diagnostic::{codes, Diagnostic};
use crate::evidence::{Facts, MemberSet, Unit, Value};
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;

/// What evaluation needs besides the item: the rubric, and the unit for diagnostics.
struct Env<'a> {
    rubric: &'a Rubric,
    unit: &'a Unit,
}

impl Env<'_> {
    fn uncovered(&self, u: Uncovered) -> Diagnostic {
        uncovered(self.rubric, self.unit, u)
    }
}

/// The diagnostic for working days that cannot be counted: a date in a year the
/// rubric's calendar does not list.
fn uncovered(rubric: &Rubric, unit: &Unit, u: Uncovered) -> Diagnostic {
    let name = rubric
        .calendar
        .as_ref()
        .map_or("the calendar".to_string(), |c| {
            format!("`{}`", c.source.name())
        });
    let years: Vec<String> = rubric
        .calendar
        .as_ref()
        .map(|c| c.years().iter().map(i32::to_string).collect())
        .unwrap_or_default();
    let d = Diagnostic::error(
        codes::CALENDAR_YEAR,
        format!("working days in {} cannot be counted: {name} does not list that year", u.year),
    )
    .help(format!(
        "the calendar lists {}; add the year's holidays and make-up working days to it (see its first lines)",
        if years.is_empty() { "no year".to_string() } else { years.join(", ") }
    ))
    .with_source(&unit.source);
    match u.span {
        Some(span) => d.primary(span, format!("a date in {}", u.year)),
        None => d,
    }
}

/// Scores one unit, with the trace of every clause that moved a score.
pub fn evaluate(rubric: &Rubric, unit: &Unit) -> Result<Sheet, Diagnostic> {
    let env = Env { rubric, unit };
    let mut categories = Vec::new();
    let mut indicators = Vec::new();
    for node in &rubric.nodes {
        match node {
            Node::Section(s) => categories.push(section(&env, s, s.kind)?),
            Node::Item(i) => indicators.push(item_in(&env, i, SectionKind::Regular)?),
        }
    }
    let mut sum = Sum::default();
    for s in &categories {
        sum.add_section(s.kind, s.score, s.applicable_points);
    }
    for i in &indicators {
        sum.add_item(i.score, i.points);
    }
    let total = sum.total(rubric, unit, all_points(rubric), true)?;
    Ok(Sheet {
        unit: unit.name.clone(),
        score: total.score,
        earned: total.earned,
        applicable_points: total.applicable,
        prorated: total.prorated,
        bonus: sum.bonus.normalize(),
        penalty: sum.penalty.normalize(),
        limited: total.limited,
        categories,
        indicators,
    })
}

/// Scores one unit without its trace: the total and each top-level subtotal, which is
/// what a ranking needs. The numbers are [`evaluate`]'s; only the words of the trace
/// are not written. This compiles the rubric for the one unit: to score many, build a
/// [`Scorer`] once and call [`Scorer::summarise`] for each.
pub fn summarise(rubric: &Rubric, unit: &Unit) -> Result<Summary, Diagnostic> {
    Scorer::compile(rubric, false).summarise(unit)
}

/// What the top-level nodes add up to, before the total is worked out.
#[derive(Default)]
struct Sum {
    earned: Decimal,
    applicable: Decimal,
    bonus: Decimal,
    penalty: Decimal,
}

/// The total of a unit and how it was reached.
struct Total {
    score: Decimal,
    earned: Decimal,
    applicable: Decimal,
    prorated: bool,
    limited: Option<String>,
}

impl Sum {
    fn add_section(&mut self, kind: SectionKind, score: Decimal, applicable: Decimal) {
        match kind {
            SectionKind::Regular => {
                self.earned += score;
                self.applicable += applicable;
            }
            SectionKind::Bonus => self.bonus += score,
            SectionKind::Penalty => self.penalty += score,
        }
    }

    /// A top-level item; `None` when it is not applicable.
    fn add_item(&mut self, score: Option<Decimal>, points: Decimal) {
        if let Some(score) = score {
            self.earned += score;
            self.applicable += points;
        }
    }

    /// The total: prorated when items are not applicable, then bonus and penalty, kept
    /// within 0 and the rubric's most. `all_points` is [`all_points`] of the rubric;
    /// `limited` is put into words only when `words` is set.
    fn total(
        &self,
        rubric: &Rubric,
        unit: &Unit,
        all_points: Decimal,
        words: bool,
    ) -> Result<Total, Diagnostic> {
        let prorated = self.applicable != all_points;
        let base = if !prorated {
            self.earned
        } else if self.applicable.is_zero() {
            return Err(Diagnostic::error(
                codes::NOTHING_APPLICABLE,
                format!("no item is applicable to `{}`, so it has no score", unit.name),
            )
            .primary(unit.name_span, "this unit")
            .help("an item is left out when its `applicable unless` condition holds; check those facts in the evidence")
            .with_source(&unit.source));
        } else {
            rubric
                .rounding
                .apply(self.earned * rubric.total / self.applicable)
        };
        let raw = base + self.bonus + self.penalty;
        let score = raw.max(Decimal::ZERO).min(rubric.total_max);
        let limited = (words && score != raw).then(|| {
            if raw > score {
                format!(
                    "{} limited to the rubric's most, {}",
                    raw.normalize(),
                    rubric.total_max.normalize()
                )
            } else {
                format!("{} limited to 0", raw.normalize())
            }
        });
        Ok(Total {
            score: score.normalize(),
            earned: self.earned.normalize(),
            applicable: self.applicable.normalize(),
            prorated,
            limited,
        })
    }
}

/// The points of the regular top-level sections and items: what the applicable points
/// add up to when every item is applicable.
fn all_points(rubric: &Rubric) -> Decimal {
    rubric
        .nodes
        .iter()
        .filter(|n| !matches!(n, Node::Section(s) if s.kind != SectionKind::Regular))
        .map(|n| n.points().node)
        .sum()
}

/// A bonus gives at most its points, a penalty takes at most its points.
fn section_limit(kind: SectionKind, score: Decimal, points: Decimal) -> Decimal {
    match kind {
        SectionKind::Regular => score,
        SectionKind::Bonus => score.min(points),
        SectionKind::Penalty => score.max(-points),
    }
}

fn section(env: &Env<'_>, s: &Section, kind: SectionKind) -> Result<SectionScore, Diagnostic> {
    let mut out = SectionScore {
        name: s.name.node.clone(),
        kind,
        points: s.points.node,
        score: Decimal::ZERO,
        applicable_points: Decimal::ZERO,
        line: env.rubric.source.line(s.span.start),
        offset: s.span.start,
        indicators: Vec::new(),
        sections: Vec::new(),
    };
    for child in &s.children {
        match child {
            Node::Section(sub) => {
                let sub = section(env, sub, kind)?;
                out.score += sub.score;
                out.applicable_points += sub.applicable_points;
                out.sections.push(sub);
            }
            Node::Item(i) => {
                let scored = item_in(env, i, kind)?;
                if scored.applicable {
                    out.score += scored.score.unwrap_or_default();
                    out.applicable_points += scored.points;
                }
                out.indicators.push(scored);
            }
        }
    }
    out.score = section_limit(kind, out.score, s.points.node).normalize();
    out.applicable_points = out.applicable_points.normalize();
    Ok(out)
}

fn clause_text(rubric: &Rubric, span: Span) -> String {
    rubric.source.text()[span.start..span.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn used(facts: &Facts, paths: &[&FactPath]) -> Vec<Used> {
    paths
        .iter()
        .map(|p| Used {
            fact: p.fact.node.clone(),
            value: value_of(p, facts).map_or("(not given)".to_string(), Value::to_string),
        })
        .collect()
}

/// Scores one item of a regular section.
pub fn item(rubric: &Rubric, unit: &Unit, item: &Item) -> Result<ItemScore, Diagnostic> {
    let env = Env { rubric, unit };
    item_in(&env, item, SectionKind::Regular)
}

fn item_in(env: &Env<'_>, item: &Item, kind: SectionKind) -> Result<ItemScore, Diagnostic> {
    let outcome = item_core(env, item, kind)?;
    Ok(ItemScore {
        name: item.name.node.clone(),
        points: item.points.node,
        score: outcome.score.map(|s| s.normalize()),
        applicable: outcome.score.is_some(),
        line: env.rubric.source.line(item.span.start),
        offset: item.span.start,
        trace: outcome.trace,
    })
}

/// An item's score (`None`: not applicable) and its steps.
struct Outcome {
    score: Option<Decimal>,
    trace: Vec<Step>,
}

/// The score an item starts from: its `start`, or what its section's kind starts from;
/// with the lowest and highest it may end at.
fn start_and_bounds(item: &Item, kind: SectionKind) -> (Decimal, Decimal, Decimal) {
    let (low, high, default_start) = bounds(item, kind);
    (
        item.start.as_ref().map_or(default_start, |s| s.node),
        low,
        high,
    )
}

/// An item's final score, refused when it lies outside the item's bounds. The checker
/// proves this cannot happen; a score outside the bounds is refused rather than
/// clamped, so a bug can never publish a wrong score.
fn in_bounds(
    rubric: &Rubric,
    item: &Item,
    score: Decimal,
    low: Decimal,
    high: Decimal,
) -> Result<Decimal, Diagnostic> {
    if score < low || score > high {
        return Err(Diagnostic::error(
            codes::POINTS_EXCEED,
            format!("internal error: item `{}` scored {} outside {} to {}", item.name.node, score, low, high),
        )
        .primary(item.name.span, "this item")
        .help("this is a bug in kaohe's checker; please report it with the rule file and the evidence")
        .with_source(&rubric.source));
    }
    Ok(score)
}

fn item_core(env: &Env<'_>, item: &Item, kind: SectionKind) -> Result<Outcome, Diagnostic> {
    let facts: &Facts = &env.unit.facts;
    let rubric = env.rubric;
    let calendar = rubric.calendar.as_ref();
    if let Some(cond) = &item.applicable_unless {
        if holds(cond, facts, calendar).map_err(|u| env.uncovered(u))? {
            let trace = vec![Step {
                clause: ClauseRef::ApplicableUnless,
                span: cond.span,
                line: rubric.source.line(cond.span.start),
                text: clause_text(rubric, cond.span),
                evidence: used(facts, &condition_paths(cond)),
                why: Why::Holds,
                did: Did::NotApplicable,
                delta: Decimal::ZERO,
                score: Decimal::ZERO,
            }];
            return Ok(Outcome { score: None, trace });
        }
    }
    let (mut score, low, high) = start_and_bounds(item, kind);
    let mut trace: Vec<Step> = Vec::new();
    // 不得分 steps wait until every other clause has applied.
    let mut zeros: Vec<Step> = Vec::new();
    for (index, clause) in item.clauses.iter().enumerate() {
        match apply(env, item, index, clause, facts, &mut score)? {
            None => {}
            Some(Applied::Zero(step)) => zeros.push(step),
            Some(Applied::Step(step)) => trace.push(step),
        }
    }
    for (n, mut zero) in zeros.into_iter().enumerate() {
        // 不得分: whatever else applied, the item ends at 0. The first such step comes
        // after all the others and takes what is left, so the deltas always add up to
        // the score; any further one takes nothing more.
        zero.delta = (-score).normalize();
        zero.score = Decimal::ZERO;
        zero.did = Did::Zero { first: n == 0 };
        trace.push(zero);
        score = Decimal::ZERO;
    }
    let score = in_bounds(rubric, item, score, low, high)?;
    Ok(Outcome {
        score: Some(score),
        trace,
    })
}

/// What a clause did: an ordinary step, or a 不得分 that applies after all the others.
enum Applied {
    Step(Step),
    Zero(Step),
}

/// The change an effect other than `zero` makes, applied `times` times, before the
/// clause's `max` and `floor`: `points` is the item's points, `score` its running
/// score. `None` for `zero`, which is not a change but an end.
fn raw_change(
    effect: Effect,
    times: Decimal,
    points: Decimal,
    score: Decimal,
) -> Option<(Decimal, Change)> {
    match effect {
        Effect::Zero => None,
        Effect::Points(unit) => Some((unit * times, Change::Points(unit))),
        Effect::Percent { percent, base } => {
            let of = match base {
                PercentBase::Points => points,
                PercentBase::Score => score,
            };
            Some((
                percent / Decimal::ONE_HUNDRED * of * times,
                Change::Percent { percent, base, of },
            ))
        }
    }
}

/// A change kept by its clause's `max` and `floor`.
struct Limited {
    /// The change made.
    delta: Decimal,
    /// The change after `max`, before `floor`.
    after_max: Decimal,
    by_max: bool,
    /// The floor, when it limited the change.
    by_floor: Option<Decimal>,
}

impl Limited {
    /// Whether the clause moves the score, or would have but for its `max` or `floor`
    /// (and so is a step of the trace).
    fn applies(&self) -> bool {
        !self.delta.is_zero() || self.by_max || self.by_floor.is_some()
    }
}

/// Keeps a raw change by the clause's `max` (at most that much either way) and then
/// its `floor` (a loss never takes the score below the floor, or below where it
/// already is when that is lower).
fn limit(raw: Decimal, max: Option<Decimal>, floor: Option<Decimal>, score: Decimal) -> Limited {
    let mut delta = raw;
    let mut by_max = false;
    let mut by_floor = None;
    if let Some(max) = max {
        if delta.abs() > max {
            delta = if delta < Decimal::ZERO { -max } else { max };
            by_max = true;
        }
    }
    let after_max = delta;
    if let Some(floor) = floor {
        if delta < Decimal::ZERO {
            let lowest = score.min(floor);
            if score + delta < lowest {
                delta = lowest - score;
                by_floor = Some(floor);
            }
        }
    }
    Limited {
        delta,
        after_max,
        by_max,
        by_floor,
    }
}

/// Applies one clause to the running score; what it did, when it did anything.
fn apply(
    env: &Env<'_>,
    item: &Item,
    index: usize,
    clause: &Clause,
    facts: &Facts,
    score: &mut Decimal,
) -> Result<Option<Applied>, Diagnostic> {
    let rubric = env.rubric;
    let calendar = rubric.calendar.as_ref();
    let points = item.points.node;
    let mut effect = clause.effect.node;
    // How many times the effect applies (a decimal for a discretionary score), and why.
    let (times, why): (Decimal, Why) = match &clause.kind {
        ClauseKind::If(cond) => {
            if !holds(cond, facts, calendar).map_err(|u| env.uncovered(u))? {
                return Ok(None);
            }
            (Decimal::ONE, Why::Holds)
        }
        ClauseKind::Per { fact, except, over } => match (value_of(fact, facts), over) {
            (Some(Value::Periods(list)), Some(over)) => {
                let late = periods::over(list, over, calendar).map_err(|u| env.uncovered(u))?;
                if late.is_empty() {
                    return Ok(None);
                }
                (
                    Decimal::from(late.len() as u64),
                    Why::Over {
                        late,
                        limit: over.count.node,
                        unit: over.unit,
                    },
                )
            }
            (
                Some(Value::Discretion {
                    score: given,
                    reason,
                }),
                _,
            ) => {
                if given.is_zero() {
                    return Ok(None);
                }
                (
                    *given,
                    Why::Given {
                        score: *given,
                        reason: reason.clone(),
                    },
                )
            }
            (value, _) => {
                let n = per_count(value, condition::member_name(fact), except);
                if n == 0 {
                    return Ok(None);
                }
                (Decimal::from(n), Why::Found(n))
            }
        },
        ClauseKind::Missing { fact, except } => {
            let present = present_members(value_of(fact, facts));
            let absent: Vec<String> = missing_candidates(item, fact, except)
                .filter(|m| !present.is_some_and(|p| p.contains(m)))
                .map(str::to_string)
                .collect();
            if absent.is_empty() {
                return Ok(None);
            }
            (Decimal::from(absent.len() as u64), Why::Missing(absent))
        }
        ClauseKind::Deadline { fact, by, never } => match value_of(fact, facts) {
            Some(Value::Date(Some(d))) if *d <= by.node => return Ok(None),
            Some(Value::Date(Some(d))) => (
                Decimal::ONE,
                Why::After {
                    date: *d,
                    deadline: by.node,
                },
            ),
            _ => {
                if let Some(n) = never {
                    effect = n.node;
                }
                (Decimal::ONE, Why::Never { deadline: by.node })
            }
        },
    };
    // The step of the trace: the facts the clause read, and what it did.
    let step = |delta: Decimal, did: Did, score_after: Decimal| {
        let mut paths: Vec<&FactPath> = match &clause.kind {
            ClauseKind::If(cond) => condition_paths(cond),
            ClauseKind::Per { fact, .. }
            | ClauseKind::Missing { fact, .. }
            | ClauseKind::Deadline { fact, .. } => vec![fact],
        };
        if matches!(did, Did::Exempted { .. }) {
            if let Some(unless) = &clause.unless {
                paths.extend(condition_paths(unless));
            }
        }
        Step {
            clause: ClauseRef::Clause(index),
            span: clause.span,
            line: rubric.source.line(clause.span.start),
            text: clause_text(rubric, clause.span),
            evidence: used(facts, &paths),
            why: why.clone(),
            did,
            delta,
            score: score_after,
        }
    };
    if let Some(unless) = &clause.unless {
        if holds(unless, facts, calendar).map_err(|u| env.uncovered(u))? {
            let did = Did::Exempted {
                unless: clause_text(rubric, unless.span),
            };
            return Ok(Some(Applied::Step(step(Decimal::ZERO, did, *score))));
        }
    }
    let Some((raw, change)) = raw_change(effect, times, points, *score) else {
        return Ok(Some(Applied::Zero(step(
            Decimal::ZERO,
            Did::Zero { first: true },
            *score,
        ))));
    };
    let limited = limit(
        raw,
        clause.max.as_ref().map(|m| m.node),
        clause.floor.as_ref().map(|f| f.node),
        *score,
    );
    if !limited.applies() {
        return Ok(None);
    }
    let delta = limited.delta;
    *score += delta;
    let did = Did::Change {
        change,
        times,
        raw,
        max: match (&clause.max, limited.by_max) {
            (Some(max), true) => Some(Cut {
                limit: max.node,
                to: limited.after_max,
            }),
            _ => None,
        },
        floor: limited.by_floor.map(|floor| Cut {
            limit: floor,
            to: delta,
        }),
    };
    Ok(Some(Applied::Step(step(
        delta.normalize(),
        did,
        score.normalize(),
    ))))
}

/// How many times a `per` clause counts a fact's value that is neither periods with an
/// `over` nor a discretionary score: a count, the members of a set but those excepted,
/// one member's count of a tally, or a whole tally's.
fn per_count(value: Option<&Value>, member: Option<&str>, except: &[Spanned<String>]) -> u64 {
    match (value, member) {
        (Some(Value::Count(n)), _) => *n,
        (Some(Value::Set(s)), None) => s
            .iter()
            .filter(|m| !except.iter().any(|e| condition::same_name(&e.node, m)))
            .count() as u64,
        (Some(Value::Tally(t)), Some(m)) => t
            .iter()
            .find(|(k, _)| condition::same_name(k, m))
            .map_or(0, |(_, n)| n),
        (Some(Value::Tally(t)), None) => t.total(),
        _ => 0,
    }
}

/// The members of a set a `missing` clause looks for: those of the fact's list (the
/// fact declared at the path's slot) but the excepted ones, in the list's order.
fn missing_candidates<'a>(
    item: &'a Item,
    fact: &FactPath,
    except: &'a [Spanned<String>],
) -> impl Iterator<Item = &'a str> + 'a {
    let slot = fact.slot.get().map(|s| s.fact);
    let decl = item
        .facts
        .iter()
        .find(|f| f.slot.get().is_some() && f.slot.get() == slot);
    decl.and_then(|d| d.ty.node.members())
        .unwrap_or(&[])
        .iter()
        .map(|m| m.name.node.as_str())
        .filter(move |m| !except.iter().any(|e| e.node == *m))
}

/// The members a set's value gives; none for any other value, or none given.
fn present_members(value: Option<&Value>) -> Option<&MemberSet> {
    match value {
        Some(Value::Set(s)) => Some(s),
        _ => None,
    }
}
