//! Evaluation: a checked rubric and one unit's evidence → a score [`Sheet`] with a trace.
//!
//! Each item starts from its points (or its `start`; items in `bonus` and `penalty`
//! sections start from 0), and its clauses apply in the order of the file, each one
//! kept by its own `floor` and `max`. `zero` (不得分) sets the item to 0 whatever else
//! applies. Once all of them have applied, the item's score is kept within its bounds
//! (扣完为止 and 最多得N分: 0 to its points; minus its points to 0 in a penalty
//! section), a step of the trace saying so when that cut. Sections add up their
//! items, and a `pooled` section, whose items have no lowest of their own, is kept
//! within 0 and its points (the score sheet keeps the sum it cut); when items are not applicable the total of the regular sections is prorated: earned ÷ applicable points × the rubric's total,
//! rounded as the rubric says. Bonus sections then add at most their points, penalty
//! sections take at most theirs, and the result is kept within 0 and the rubric's
//! `max` (its total, unless the header says `total 100 max 105`); with `total 100 min
//! none` it may go below 0. All arithmetic is
//! exact decimal.
//!
//! There is one interpreter of the clauses: a [`Scorer`] compiles the rubric into a
//! plan, and runs it on a unit either with a trace sink that records every step (the
//! score sheet, [`evaluate`] and [`Scorer::sheet`]) or with one that records nothing
//! and compiles away (a ranking, [`Scorer::summarise`]; [`summarise`] is the one-off
//! convenience). The steps are data ([`Step`]), put into English by one renderer.

mod blend;
mod except;
mod interp;
mod plan;
mod problem;
mod quantity;
mod scorer;
mod sheet;
mod table;
mod trace;
mod units;

pub use crate::evidence::condition::{
    condition_facts, condition_paths, holds, path_value, value_of, Scalar,
};
pub use crate::evidence::periods::Uncovered;
pub use blend::blend;
pub use plan::Scorer;
pub use problem::EvalError;
pub use sheet::{ItemScore, MethodItem, MethodScore, SectionScore, Sheet, Step, Summary, Top};
pub use trace::{Change, ClauseRef, Cut, Did, Late, Used, Why};

use rust_decimal::Decimal;

use crate::check::{self, bounds, Rubric};
use crate::diagnostic::Diagnostic;
use crate::evidence::{Facts, MemberSet, Unit, Value};
use crate::model::*;
use crate::span::Span;

/// The diagnostic for working days that cannot be counted: a date in a year the
/// rubric's calendar does not list.
/// The evidence lacks the discretionary score of a `give` whose condition holds: said
/// at the unit's name in its evidence file.
fn give_lacks(unit: &Unit, item: &str, fact: &str, max: Decimal) -> Diagnostic {
    Diagnostic::from(EvalError::GiveLacks {
        span: unit.name_span,
        item: item.to_string(),
        fact: fact.to_string(),
        max,
    })
    .with_source(&unit.source)
}

fn uncovered(rubric: &Rubric, unit: &Unit, u: Uncovered) -> Diagnostic {
    Diagnostic::from(EvalError::CalendarYear {
        span: u.span,
        year: u.year,
        calendar: rubric
            .calendar
            .as_ref()
            .map(|c| c.source.name().to_string()),
        years: rubric
            .calendar
            .as_ref()
            .map(|c| c.years())
            .unwrap_or_default(),
    })
    .with_source(&unit.source)
}

/// Scores one unit, with the trace of every clause that moved a score. This compiles
/// the rubric for the one unit (without the items' tables); to score many, build a
/// [`Scorer`] once and call [`Scorer::sheet`] for each.
pub fn evaluate(rubric: &Rubric, unit: &Unit) -> Result<Sheet, Diagnostic> {
    Scorer::compile(rubric, false).sheet(unit)
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
            return Err(Diagnostic::from(EvalError::NothingApplicable {
                span: unit.name_span,
                name: unit.name.clone(),
            })
            .with_source(&unit.source));
        } else {
            rubric
                .rounding
                .apply(self.earned * rubric.total / self.applicable)
        };
        let raw = base + self.bonus + self.penalty;
        let lowest = rubric.total_min.map_or(raw, |min| raw.max(min));
        let score = lowest.min(rubric.total_max);
        let limited = (words && score != raw).then(|| {
            if raw > score {
                format!(
                    "{} limited to the rubric's most, {}",
                    raw.normalize(),
                    rubric.total_max.normalize()
                )
            } else {
                format!("{} limited to {}", raw.normalize(), score.normalize())
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

/// A bonus gives at most its points, a penalty takes at most its points, and a
/// `pooled` section scores within 0 and its points (本一级指标扣完为止); a bonus or
/// penalty section without a cap (`none`) adds its items' sum as it is.
fn section_limit(s: &Section, kind: SectionKind, score: Decimal) -> Decimal {
    let points = s.points.node;
    match kind {
        SectionKind::Regular if s.pooled => score.max(Decimal::ZERO).min(points),
        SectionKind::Regular => score,
        // `none`: a bonus or penalty section without a cap.
        _ if s.uncapped => score,
        SectionKind::Bonus => score.min(points),
        SectionKind::Penalty => score.max(-points),
    }
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

/// The score an item starts from: its `start`, or what its section's kind starts from;
/// with the lowest and highest it may end at.
fn start_and_bounds(item: &Item, kind: SectionKind) -> (Decimal, Option<Decimal>, Option<Decimal>) {
    let (low, high, default_start) = bounds(item, kind);
    (
        item.start.as_ref().map_or(default_start, |s| s.node),
        low,
        high,
    )
}

/// The change an effect other than `zero` makes, applied `times` times, before the
/// clause's `max` and `floor`: `points` is the item's points, `score` its running
/// score. `None` for `zero`, which is not a change but an end. One application is
/// [`check::once`], which the range analysis reads too.
fn raw_change(
    effect: Effect,
    times: Decimal,
    points: Decimal,
    score: Decimal,
) -> Option<(Decimal, Change)> {
    let change = match effect {
        Effect::Zero => return None,
        Effect::Points(unit) => Change::Points(unit),
        Effect::Percent { percent, base } => Change::Percent {
            percent,
            base,
            of: match base {
                PercentBase::Points => points,
                PercentBase::Score => score,
            },
        },
    };
    Some((check::once(effect, points, score)? * times, change))
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
        // Cut exactly when it lies beyond `max`, so the kept value differs from it.
        let kept = check::within_max(delta, max);
        by_max = kept != delta;
        delta = kept;
    }
    let after_max = delta;
    if let Some(floor) = floor {
        if delta < Decimal::ZERO {
            let lowest = check::lowest_under_floor(score, floor);
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

/// How many times a `per` clause counts a fact's value that is neither periods with an
/// `over` nor a discretionary score: a count, the members of a set but those excepted,
/// one member's count of a tally (by its place in the list), or a whole tally's.
fn per_count(value: Option<&Value>, member: Option<MemberId>, except: &except::Except) -> u64 {
    match (value, member) {
        (Some(Value::Count(n)), _) => *n,
        (Some(Value::Set(s)), None) => s.count_without(except.words()) as u64,
        (Some(Value::Tally(t)), Some(m)) => t.count(m),
        (Some(Value::Tally(t)), None) => t.total(),
        _ => 0,
    }
}

/// The members of a set a `missing` clause looks for: those of the fact's list (the
/// fact declared at the path's slot) but the excepted ones, in the list's order, each
/// by its place, with its name for the trace.
fn missing_candidates<'a>(
    item: &'a Item,
    fact: &FactPath,
    except: &except::Except,
) -> Vec<(MemberId, &'a str)> {
    item.fact(fact.id)
        .and_then(|d| d.ty.node.members())
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(|(i, m)| (MemberId(i), m.name.node.as_str()))
        .filter(|(m, _)| !except.contains(*m))
        .collect()
}

/// The members a set's value gives; none for any other value, or none given.
fn present_members(value: Option<&Value>) -> Option<&MemberSet> {
    match value {
        Some(Value::Set(s)) => Some(s),
        _ => None,
    }
}
