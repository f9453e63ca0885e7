//! The one interpreter of an item's clauses, generic over where it tells what it did
//! ([`Trace`]): a ranking runs it with [`NoTrace`], which compiles away, the score
//! sheet with a [`Recorder`], which keeps every step as data.

use rust_decimal::Decimal;

use super::plan::*;
use super::trace::{ClauseRef, Cut, Did, Step, Why};
use super::{
    clause_text, limit, per_count, present_members, raw_change, uncovered, used, ItemScore,
    SectionScore,
};
use crate::check::Rubric;
use crate::diagnostic::Diagnostic;
use crate::evidence::arith::Halt;
use crate::evidence::condition::{condition_paths, holds, late, value_at};
use crate::evidence::periods::{self, Uncovered};
use crate::evidence::{Facts, MemberSet, Unit, Value};
use crate::model::{ClauseKind, FactPath, MemberId};

/// An item's running score while its clauses apply.
pub(super) struct Running {
    pub(super) score: Decimal,
    /// Whether any clause changed the score.
    pub(super) moved: bool,
    /// Whether a `zero` (不得分) applied: the item ends at 0.
    pub(super) zero: bool,
}

/// Where the interpreter tells what it did: every step of an item's clauses, the end
/// of each item and section. A ranking uses [`NoTrace`], whose methods do nothing and
/// compile away, with everything only the trace needs (the words' data is made in the
/// closures it never calls, and `RECORDS` is false); the score sheet a [`Recorder`].
pub(super) trait Trace {
    /// Whether steps are recorded: the interpreter works out what only the trace
    /// reads (the late periods described, the missing members named) only then, and
    /// then reads no table.
    const RECORDS: bool;
    /// A clause moved the score, or would have but for an exemption, or left the
    /// item out.
    fn step(&mut self, make: impl FnOnce() -> Step);
    /// A `zero` (不得分) applied: its step comes after all the others.
    fn zero(&mut self, make: impl FnOnce() -> Step);
    /// The item's clauses have all applied, a `zero` among them, leaving `score`
    /// before the item ends at 0.
    fn zeros(&mut self, score: Decimal);
    /// An item was scored (`None`: not applicable).
    fn item(&mut self, plan: &ItemPlan<'_>, score: Option<Decimal>);
    /// A section begins.
    fn open(&mut self);
    /// A section ends, with its score and applicable points.
    /// `cut`: the parts' sum, when a `pooled` section's limit kept its score from it.
    fn close(
        &mut self,
        plan: &SectionPlan<'_>,
        score: Decimal,
        applicable: Decimal,
        cut: Option<Decimal>,
    );
}

/// The trace of a ranking: nothing.
pub(super) struct NoTrace;

impl Trace for NoTrace {
    const RECORDS: bool = false;
    #[inline(always)]
    fn step(&mut self, _: impl FnOnce() -> Step) {}
    #[inline(always)]
    fn zero(&mut self, _: impl FnOnce() -> Step) {}
    #[inline(always)]
    fn zeros(&mut self, _: Decimal) {}
    #[inline(always)]
    fn item(&mut self, _: &ItemPlan<'_>, _: Option<Decimal>) {}
    #[inline(always)]
    fn open(&mut self) {}
    #[inline(always)]
    fn close(&mut self, _: &SectionPlan<'_>, _: Decimal, _: Decimal, _: Option<Decimal>) {}
}

/// The trace of a score sheet: the steps of the item being scored, and the items and
/// sections of each level being added up.
pub(super) struct Recorder<'a> {
    pub(super) rubric: &'a Rubric,
    pub(super) steps: Vec<Step>,
    /// The steps of the `zero` clauses of the item being scored.
    pub(super) zeros: Vec<Step>,
    /// The items and sections of each open level, the top level first.
    pub(super) levels: Vec<(Vec<ItemScore>, Vec<SectionScore>)>,
}

impl<'a> Recorder<'a> {
    pub(super) fn new(rubric: &'a Rubric) -> Self {
        Recorder {
            rubric,
            steps: Vec::new(),
            zeros: Vec::new(),
            levels: vec![(Vec::new(), Vec::new())],
        }
    }

    /// The top level's items and sections.
    pub(super) fn finish(mut self) -> (Vec<ItemScore>, Vec<SectionScore>) {
        self.levels.pop().unwrap_or_default()
    }
}

impl Trace for Recorder<'_> {
    const RECORDS: bool = true;

    fn step(&mut self, make: impl FnOnce() -> Step) {
        self.steps.push(make());
    }

    fn zero(&mut self, make: impl FnOnce() -> Step) {
        self.zeros.push(make());
    }

    fn zeros(&mut self, mut score: Decimal) {
        for (n, mut zero) in self.zeros.drain(..).enumerate() {
            // Whatever else applied, the item ends at 0. The first such step comes after
            // all the others and takes what is left, so the deltas always add up to the
            // score; any further one takes nothing more.
            zero.delta = (-score).normalize();
            zero.score = Decimal::ZERO;
            zero.did = Did::Zero { first: n == 0 };
            self.steps.push(zero);
            score = Decimal::ZERO;
        }
    }

    fn item(&mut self, plan: &ItemPlan<'_>, score: Option<Decimal>) {
        let item = plan.item;
        let scored = ItemScore {
            name: item.name.node.clone(),
            points: item.points.node,
            score: score.map(|s| s.normalize()),
            uncapped: item.uncapped,
            applicable: score.is_some(),
            line: self.rubric.source.line(item.span.start),
            offset: item.span.start,
            trace: std::mem::take(&mut self.steps),
            methods: Vec::new(),
        };
        self.zeros.clear();
        if let Some(level) = self.levels.last_mut() {
            level.0.push(scored);
        }
    }

    fn open(&mut self) {
        self.levels.push((Vec::new(), Vec::new()));
    }

    fn close(
        &mut self,
        plan: &SectionPlan<'_>,
        score: Decimal,
        applicable: Decimal,
        cut: Option<Decimal>,
    ) {
        let (indicators, sections) = self.levels.pop().unwrap_or_default();
        let s = plan.section;
        let scored = SectionScore {
            name: s.name.node.clone(),
            kind: plan.kind,
            points: s.points.node,
            score,
            applicable_points: applicable,
            sum: cut,
            uncapped: s.uncapped,
            line: self.rubric.source.line(s.span.start),
            offset: s.span.start,
            indicators,
            sections,
        };
        if let Some(level) = self.levels.last_mut() {
            level.1.push(scored);
        }
    }
}

/// Why an item cannot be scored: a year the calendar does not list (put into words
/// with the unit), or arithmetic that cannot be worked out.
pub(super) enum Refusal {
    Uncovered(Uncovered),
    /// A `give` whose condition holds, and the evidence gives no score for it: the
    /// item's name, the fact's, and the most the assessor may give.
    Lacks {
        item: String,
        fact: String,
        max: Decimal,
    },
    /// Arithmetic that cannot be worked out: a divisor of 0, or a value too large.
    Arith(Halt),
}

impl From<Halt> for Refusal {
    fn from(h: Halt) -> Refusal {
        match h {
            Halt::Uncovered(u) => Refusal::Uncovered(u),
            other => Refusal::Arith(other),
        }
    }
}

impl From<Uncovered> for Refusal {
    fn from(u: Uncovered) -> Refusal {
        Refusal::Uncovered(u)
    }
}

impl Refusal {
    pub(super) fn diagnostic(self, rubric: &Rubric, unit: &Unit) -> Diagnostic {
        match self {
            Refusal::Uncovered(u) => uncovered(rubric, unit, u),
            Refusal::Lacks { item, fact, max } => super::give_lacks(unit, &item, &fact, max),
            Refusal::Arith(h) => super::quantity::halted(rubric, unit, h),
        }
    }
}

impl<'r> ItemPlan<'r> {
    /// The item's score on a unit's facts; `None` when it is not applicable. The one
    /// interpreter of an item's clauses: a ranking runs it with [`NoTrace`], which
    /// records nothing and compiles away, and the score sheet with a [`Recorder`],
    /// which keeps every step.
    pub(super) fn outcome<T: Trace>(
        &self,
        rubric: &Rubric,
        facts: &Facts,
        trace: &mut T,
    ) -> Result<Option<Decimal>, Refusal> {
        let calendar = rubric.calendar.as_ref();
        if let Some(cond) = self.applicable_unless {
            if holds(cond, facts, calendar).map_err(Refusal::from)? {
                trace.step(|| Step {
                    clause: ClauseRef::ApplicableUnless,
                    span: cond.span,
                    line: rubric.source.line(cond.span.start),
                    text: clause_text(rubric, cond.span),
                    evidence: used(facts, &condition_paths(cond)),
                    why: Why::Holds,
                    did: Did::NotApplicable,
                    delta: Decimal::ZERO,
                    score: Decimal::ZERO,
                });
                return Ok(None);
            }
        }
        let mut running = Running {
            score: self.start,
            moved: false,
            zero: false,
        };
        for (index, clause) in self.clauses.iter().enumerate() {
            clause.apply(index, rubric, self.points, facts, &mut running, trace)?;
        }
        let score = if running.zero {
            // 不得分: whatever else applied, the item ends at 0.
            trace.zeros(running.score);
            if self.zero_in_bounds {
                return Ok(Some(Decimal::ZERO));
            }
            Decimal::ZERO
        } else {
            if !running.moved && self.start_in_bounds {
                return Ok(Some(self.start));
            }
            running.score
        };
        Ok(Some(self.bound(rubric, score, trace)))
    }

    /// The item's score after its clauses kept within its bounds (扣完为止: not below
    /// its lowest; 最多得N分: not above its highest), once, after all of them: a step
    /// of the trace says so when the bound cut.
    fn bound<T: Trace>(&self, rubric: &Rubric, score: Decimal, trace: &mut T) -> Decimal {
        let (limit, high) = match (self.low, self.high) {
            (Some(low), _) if score < low => (low, false),
            (_, Some(most)) if score > most => (most, true),
            _ => return score,
        };
        let item = self.item;
        let text = match (self.low, self.high) {
            (Some(low), Some(most)) => {
                format!("item bounds {} to {}", low.normalize(), most.normalize())
            }
            (None, Some(most)) => format!("item at most {}", most.normalize()),
            (Some(low), None) => format!("item at least {}", low.normalize()),
            (None, None) => String::new(),
        };
        trace.step(|| Step {
            clause: ClauseRef::Bound,
            span: item.points.span,
            line: rubric.source.line(item.span.start),
            text,
            evidence: Vec::new(),
            why: Why::Holds,
            did: Did::Bound { limit, high },
            delta: (limit - score).normalize(),
            score: limit.normalize(),
        });
        limit
    }
}

/// How many of the members a `missing` clause looks for the evidence does not give,
/// each asked of the set by its place ([`MemberSet::has`]): for a set of a list of
/// more than 64 members, or not of the declared list object (others are counted on
/// their bits, all at once).
pub(super) fn count_missing(candidates: &[(MemberId, &str)], present: Option<&MemberSet>) -> usize {
    candidates
        .iter()
        .filter(|(m, _)| !present.is_some_and(|p| p.has(*m)))
        .count()
}

impl ClausePlan<'_> {
    /// Applies the clause (the `index`th of its item) to an item's running score, and
    /// tells the trace what it did, when it did anything.
    pub(super) fn apply<T: Trace>(
        &self,
        index: usize,
        rubric: &Rubric,
        points: Decimal,
        facts: &Facts,
        running: &mut Running,
        trace: &mut T,
    ) -> Result<(), Refusal> {
        let calendar = rubric.calendar.as_ref();
        let clause = self;
        let mut never = false;
        // How many times the effect applies (a decimal for a discretionary score), and,
        // for the trace only, why.
        let (times, why) = match &clause.kind {
            KindPlan::If(test) => {
                if !holds(test, facts, calendar).map_err(Refusal::from)? {
                    return Ok(());
                }
                // A count of late periods names them, for the trace only.
                let why = if T::RECORDS {
                    Some(match late(test, facts, calendar).map_err(Refusal::from)? {
                        Some((late, over)) => Why::HoldsLate {
                            late,
                            limit: over.count.node,
                            unit: over.unit,
                        },
                        None => Why::Holds,
                    })
                } else {
                    None
                };
                (Times::Once, why)
            }
            KindPlan::Per {
                slot,
                member,
                except,
                over,
            } => match (value_at(*slot, facts), over) {
                (Some(Value::Periods(list)), Some(over)) => {
                    // The late periods are described only for the trace.
                    let (n, why) = if T::RECORDS {
                        let late = periods::over(list, over, calendar).map_err(Refusal::from)?;
                        let n = late.len() as u64;
                        let why = Why::Over {
                            late,
                            limit: over.count.node,
                            unit: over.unit,
                        };
                        (n, Some(why))
                    } else {
                        let n = periods::count_over(list, over, calendar).map_err(Refusal::from)?;
                        (n, None)
                    };
                    if n == 0 {
                        return Ok(());
                    }
                    (Times::Count(n), why)
                }
                (
                    Some(Value::Discretion {
                        score: given,
                        reason,
                    }),
                    _,
                ) => {
                    if given.is_zero() {
                        return Ok(());
                    }
                    let why = T::RECORDS.then(|| Why::Given {
                        score: *given,
                        reason: reason.clone(),
                    });
                    (Times::Given(*given), why)
                }
                (Some(value @ (Value::Number(_) | Value::Percent(_))), _) => {
                    // 按比重: the effect times the number (a percentage as its fraction).
                    match super::quantity::proportion(value, clause.clause.span)? {
                        Some((times, shown)) => {
                            let why = T::RECORDS.then(|| Why::Measured {
                                value: shown,
                                step: None,
                                times: times.decimal(),
                            });
                            (times, why)
                        }
                        None => return Ok(()),
                    }
                }
                (value, _) => {
                    let n = per_count(value, *member, except);
                    if n == 0 {
                        return Ok(());
                    }
                    (Times::Count(n), T::RECORDS.then_some(Why::Found(n)))
                }
            },
            KindPlan::Missing {
                slot,
                candidates,
                bits,
            } => {
                let present = present_members(value_at(*slot, facts));
                let word = bits
                    .as_ref()
                    .zip(present)
                    .and_then(|((list, looked_for), set)| Some((looked_for, set.word_of(list)?)));
                let n = match word {
                    Some((looked_for, present)) => (looked_for & !present).count_ones() as usize,
                    None => count_missing(candidates, present),
                };
                if n == 0 {
                    return Ok(());
                }
                let why = T::RECORDS.then(|| Why::Missing(absent(candidates, present)));
                (Times::Count(n as u64), why)
            }
            KindPlan::Give { test, slot, max } => {
                if let Some(test) = test {
                    if !holds(test, facts, calendar).map_err(Refusal::from)? {
                        return Ok(());
                    }
                }
                match value_at(*slot, facts) {
                    Some(Value::Discretion {
                        score: given,
                        reason,
                    }) => {
                        let why = T::RECORDS.then(|| Why::Instead {
                            score: *given,
                            max: *max,
                            reason: reason.clone(),
                        });
                        (Times::Withheld(*max - *given), why)
                    }
                    // Needed only where the condition holds: validation let it be left
                    // out, and here it is needed.
                    _ => {
                        let fact = match &clause.clause.kind {
                            ClauseKind::Give { fact, .. } => fact.fact.node.clone(),
                            _ => String::new(),
                        };
                        return Err(Refusal::Lacks {
                            item: self_item_name(rubric, clause.clause),
                            fact,
                            max: *max,
                        });
                    }
                }
            }
            KindPlan::Quantity { quantity, step } => {
                // An exemption is asked first: it may guard a divisor of 0.
                if let Some(unless) = clause.unless {
                    if holds(unless, facts, calendar).map_err(Refusal::from)? {
                        let score = running.score;
                        trace.step(|| Step {
                            clause: ClauseRef::Clause(index),
                            span: clause.clause.span,
                            line: rubric.source.line(clause.clause.span.start),
                            text: clause_text(rubric, clause.clause.span),
                            evidence: used(facts, &super::quantity::paths(clause.clause)),
                            why: Why::Holds,
                            did: Did::Exempted {
                                unless: clause_text(rubric, unless.span),
                            },
                            delta: Decimal::ZERO,
                            score,
                        });
                        return Ok(());
                    }
                }
                match super::quantity::times(quantity, *step, facts, calendar)? {
                    Some((times, measured)) => {
                        let why = T::RECORDS.then(|| Why::Measured {
                            value: measured.shown(),
                            step: step.map(|s| super::quantity::step_shown(s, measured)),
                            times: times.decimal(),
                        });
                        (times, why)
                    }
                    None => return Ok(()),
                }
            }
            KindPlan::Deadline {
                slot,
                by,
                never: never_effect,
                more,
            } if !more.is_empty() => {
                // Several dates: never when any is absent, else late (once) when any is
                // after the day.
                let date = |slot: usize| match value_at(slot, facts) {
                    Some(Value::Date(Some(d))) => Some(*d),
                    _ => None,
                };
                let dates = std::iter::once(*slot).chain(more.iter().copied());
                let mut absent = false;
                let mut late = false;
                for d in dates.clone().map(date) {
                    match d {
                        None => absent = true,
                        Some(d) if d > *by => late = true,
                        Some(_) => {}
                    }
                }
                if !absent && !late {
                    return Ok(());
                }
                never = absent && never_effect.is_some();
                let why = T::RECORDS.then(|| {
                    let names = deadline_names(clause.clause);
                    let missed = names
                        .into_iter()
                        .zip(dates.map(date))
                        .filter(|(_, d)| d.is_none_or(|d| d > *by))
                        .collect();
                    Why::Missed {
                        missed,
                        deadline: *by,
                    }
                });
                (Times::Once, why)
            }
            KindPlan::Deadline {
                slot,
                by,
                never: never_effect,
                ..
            } => match value_at(*slot, facts) {
                Some(Value::Date(Some(d))) if d <= by => return Ok(()),
                Some(Value::Date(Some(d))) => (
                    Times::Once,
                    T::RECORDS.then_some(Why::After {
                        date: *d,
                        deadline: *by,
                    }),
                ),
                _ => {
                    never = never_effect.is_some();
                    (
                        Times::Once,
                        T::RECORDS.then_some(Why::Never { deadline: *by }),
                    )
                }
            },
        };
        // The step of the trace: the clause, the facts it read, and what it did.
        let step = |why: Option<Why>, did: Did, delta: Decimal, score: Decimal| {
            let ast = clause.clause;
            let mut paths: Vec<&FactPath> = match &ast.kind {
                ClauseKind::If(cond) => condition_paths(cond),
                ClauseKind::Per { fact, .. } | ClauseKind::Missing { fact, .. } => vec![fact],
                ClauseKind::Give { condition, fact } => {
                    let mut paths = condition.as_ref().map(condition_paths).unwrap_or_default();
                    paths.push(fact);
                    paths
                }
                ClauseKind::Deadline { fact, more, .. } => {
                    std::iter::once(fact).chain(more).collect()
                }
                ClauseKind::Quantity { .. } => super::quantity::paths(ast),
            };
            if matches!(did, Did::Exempted { .. }) {
                if let Some(unless) = &ast.unless {
                    paths.extend(condition_paths(unless));
                }
            }
            Step {
                clause: ClauseRef::Clause(index),
                span: ast.span,
                line: rubric.source.line(ast.span.start),
                text: clause_text(rubric, ast.span),
                evidence: used(facts, &paths),
                why: why.unwrap_or(Why::Holds),
                did,
                delta,
                score,
            }
        };
        if let Some(unless) = clause
            .unless
            .filter(|_| !matches!(clause.kind, KindPlan::Quantity { .. }))
        {
            // Exempted: the clause takes nothing.
            if holds(unless, facts, calendar).map_err(Refusal::from)? {
                let score = running.score;
                trace.step(|| {
                    let did = Did::Exempted {
                        unless: clause_text(rubric, unless.span),
                    };
                    step(why, did, Decimal::ZERO, score)
                });
                return Ok(());
            }
        }
        let effect = match &clause.kind {
            KindPlan::Deadline { never: Some(n), .. } if never => *n,
            _ => clause.effect,
        };
        // The raw change: worked out in advance when it can be, else now, the same way.
        // The trace always works it out now, for the change it shows.
        let ready = match times {
            _ if T::RECORDS => None,
            Times::Once if never => clause.never_once,
            Times::Once => clause.once,
            Times::Count(n) => usize::try_from(n)
                .ok()
                .and_then(|n| clause.times.get(n))
                .copied(),
            Times::Given(_) | Times::Withheld(_) => None,
        };
        let (raw, change) = match ready {
            Some(raw) => (raw, None),
            None => match raw_change(effect, times.decimal(), points, running.score) {
                Some((raw, change)) => (raw, Some(change)),
                None => {
                    running.zero = true;
                    let score = running.score;
                    trace.zero(|| step(why, Did::Zero { first: true }, Decimal::ZERO, score));
                    return Ok(());
                }
            },
        };
        let limited = limit(raw, clause.max, clause.floor, running.score);
        // A `give` is told even when all was given: the evidence says what was given.
        if limited.applies() || matches!(times, Times::Withheld(_)) {
            running.score += limited.delta;
            running.moved = true;
            if let Some(change) = change {
                let score = running.score;
                trace.step(|| {
                    let did = Did::Change {
                        change,
                        times: times.decimal(),
                        raw,
                        max: clause.max.filter(|_| limited.by_max).map(|max| Cut {
                            limit: max,
                            to: limited.after_max,
                        }),
                        floor: limited.by_floor.map(|floor| Cut {
                            limit: floor,
                            to: limited.delta,
                        }),
                    };
                    step(why, did, limited.delta.normalize(), score.normalize())
                });
            }
        }
        Ok(())
    }
}

/// The names of the members a `missing` clause looks for that the evidence does not
/// give, in the list's order, each asked of the set by its place: what
/// [`count_missing`] counts, named for the trace.
pub(super) fn absent(candidates: &[(MemberId, &str)], present: Option<&MemberSet>) -> Vec<String> {
    candidates
        .iter()
        .filter(|(m, _)| !present.is_some_and(|p| p.has(*m)))
        .map(|(_, name)| name.to_string())
        .collect()
}

/// The names of the dates a `deadline` clause reads, in the clause's order.
fn deadline_names(clause: &crate::model::Clause) -> Vec<String> {
    match &clause.kind {
        ClauseKind::Deadline { fact, more, .. } => std::iter::once(fact)
            .chain(more)
            .map(|p| p.fact.node.clone())
            .collect(),
        _ => Vec::new(),
    }
}

/// The name of the item a clause belongs to, found by the clause's place.
fn self_item_name(rubric: &Rubric, clause: &crate::model::Clause) -> String {
    crate::model::items(&rubric.nodes)
        .into_iter()
        .find(|i| i.clauses.iter().any(|c| std::ptr::eq(c, clause)))
        .map(|i| i.name.node.clone())
        .unwrap_or_default()
}
