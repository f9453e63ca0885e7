//! The compiled scorer: a rubric compiled once into a plan that scores many units
//! without their trace, as fast as the arithmetic allows.
//!
//! [`super::evaluate`] walks the rubric's tree for every unit and writes each step in
//! words. A [`Scorer`] walks the tree once, when it is built, and keeps for every item
//! what scoring it needs: the slots of the facts its clauses read, each condition
//! compiled ([`Test`]), the members a `missing` clause looks for, the item's start and
//! bounds, and whether each section's applicable points can change at all. Scoring a
//! unit then only reads its facts; counts and bools are compared as integers, and
//! decimal arithmetic is done only when a clause applies, through the same functions
//! [`super::evaluate`] uses ([`raw_change`], [`limit`], [`in_bounds`],
//! [`section_limit`], [`Sum::total`]). Nothing is allocated but the [`Summary`]
//! returned.
//!
//! Two things go further. An item that reads only bools, counts, and dates only its
//! deadlines read has a [`Table`] of its outcomes for every combination of small
//! values, worked out when the scorer is built by the very code that would score
//! them, so most items of a unit are one look-up. And before a unit is scored its
//! facts are read once, all together ([`Scorer::warm`]), so that a unit out of the
//! cache waits for memory once rather than at every clause.
//!
//! The property tests (tests/properties.rs) and the fuzz library check on random
//! rubrics and evidence that a scorer's summary is [`Summary::of`] the sheet
//! [`super::evaluate`] writes, and that both refuse the same units with the same
//! diagnostic.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::condition::{member_name, same_name, slot_of, value_at, Side, Test};
use super::periods::{self, Uncovered};
use super::{
    all_points, in_bounds, limit, missing_candidates, per_count, present_members, raw_change,
    section_limit, start_and_bounds, uncovered, Sum, Summary, Top,
};
use crate::calendar::Calendar;
use crate::check::Rubric;
use crate::diagnostic::Diagnostic;
use crate::evidence::{Fact, Facts, MemberSet, Unit, Value};
use crate::span::Spanned;
use crate::syntax::ast::{
    ClauseKind, Effect, FactPath, FactType, Item, Members, Node, Over, PercentBase, Section,
    SectionKind,
};

/// A rubric compiled for scoring units without their trace. Build it once per rubric
/// and call [`Scorer::summarise`] for each unit: it gives exactly what
/// [`super::summarise`] (and [`Summary::of`] the sheet of [`super::evaluate`]) gives,
/// the same numbers or the same diagnostic.
pub struct Scorer<'r> {
    rubric: &'r Rubric,
    /// What the applicable points add up to when every item is applicable.
    all_points: Decimal,
    /// The top-level sections and items, in the order of the rule file.
    parts: Vec<Part<'r>>,
}

/// A compiled section or item.
enum Part<'r> {
    Section(SectionPlan<'r>),
    Item(ItemPlan<'r>),
}

/// A compiled section.
struct SectionPlan<'r> {
    /// The kind of the top-level section it lies in, which its items score by.
    kind: SectionKind,
    points: Decimal,
    parts: Vec<Part<'r>>,
    /// The section's applicable points when no item in it can be left out (none has
    /// an `applicable unless`): added up once, here, in the order and with the
    /// normalisations scoring a unit would use, so the same decimal.
    fixed_applicable: Option<Decimal>,
}

/// A compiled item.
struct ItemPlan<'r> {
    item: &'r Item,
    points: Decimal,
    /// The score it starts from, and the lowest and highest it may end at.
    start: Decimal,
    low: Decimal,
    high: Decimal,
    /// Whether the start, and 0, lie within the bounds: an item no clause moved ends at
    /// its start, one a `zero` applied to at 0, and neither needs comparing again.
    start_in_bounds: bool,
    zero_in_bounds: bool,
    applicable_unless: Option<Test<'r>>,
    clauses: Vec<ClausePlan<'r>>,
    /// The item's outcomes worked out in advance, when it reads only bools and counts.
    table: Option<Table>,
}

/// An item's outcomes worked out in advance, when the item reads only bool and count
/// facts, for every combination of their values (counts below a small bound): so a
/// unit whose values are among them is scored by one look-up. Each outcome is what
/// [`ItemPlan::outcome`] gives on those values, worked out by it, so the same decimal
/// to the last digit; a unit with a larger count is scored the long way.
struct Table {
    /// The facts the item reads, each once, the first the most significant digit of
    /// the index.
    keys: Vec<Key>,
    /// The outcome of each combination (`None` inside: not applicable); `None` where
    /// scoring refuses the item, which is then scored the long way to word the
    /// diagnostic.
    outcomes: Vec<Option<Option<Decimal>>>,
}

/// A fact an item's table is indexed by.
#[derive(Clone, Copy)]
struct Key {
    slot: usize,
    /// How many of its values the table holds: 2 for a bool, counts below this for a
    /// count, 3 for a date.
    radix: u64,
    kind: KeyKind,
}

/// What kind of fact a table is indexed by, and how its values are told apart.
#[derive(Clone, Copy)]
enum KeyKind {
    /// `false` (0) or `true` (1).
    Bool,
    /// The count itself, below the radix.
    Count,
    /// A date read by `deadline` clauses only, all by this day: on time (0), late
    /// (1) or never (2), which is all they tell apart.
    Deadline(NaiveDate),
}

impl KeyKind {
    /// The digit of a unit's value; `None` for a value the table does not hold.
    #[inline]
    fn digit(self, value: &Value, radix: u64) -> Option<u64> {
        match (self, value) {
            (KeyKind::Bool, Value::Bool(b)) => Some(u64::from(*b)),
            (KeyKind::Count, Value::Count(n)) if *n < radix => Some(*n),
            (KeyKind::Deadline(by), Value::Date(Some(d))) => Some(u64::from(*d > by)),
            (KeyKind::Deadline(_), Value::Date(None)) => Some(2),
            _ => None,
        }
    }

    /// A value of the digit's kind: the value the table's outcome for it is worked
    /// out on. `None` if the day after a deadline is past the last date chrono knows.
    fn value(self, digit: u64) -> Option<Value> {
        Some(match self {
            KeyKind::Bool => Value::Bool(digit == 1),
            KeyKind::Count => Value::Count(digit),
            KeyKind::Deadline(by) => Value::Date(match digit {
                0 => Some(by),
                1 => Some(by.succ_opt()?),
                _ => None,
            }),
        })
    }
}

/// The most outcomes an item's table holds.
const TABLE_MOST: usize = 256;
/// The counts a table holds for a count without a smaller `max`: 0 to 15.
const TABLE_COUNTS: u64 = 16;

/// A compiled clause.
struct ClausePlan<'r> {
    kind: KindPlan<'r>,
    effect: Effect,
    max: Option<Decimal>,
    floor: Option<Decimal>,
    unless: Option<Test<'r>>,
    /// The raw change of the effect applied once, and applied `n` times for small `n`
    /// (by index), worked out here by [`raw_change`] exactly as scoring would work
    /// them out; empty for `zero` and a percentage of the running score.
    once: Option<Decimal>,
    times: Vec<Decimal>,
    /// The same for a deadline's `never` effect, once.
    never_once: Option<Decimal>,
}

/// How many times the raw changes of small counts are worked out in advance.
const SMALL_TIMES: u64 = 32;

/// How many times a clause's effect applies.
#[derive(Clone, Copy)]
enum Times {
    /// Once: an `if` that holds, a deadline missed.
    Once,
    /// Once per finding, member or period.
    Count(u64),
    /// A discretionary score's times.
    Given(Decimal),
}

/// What a compiled clause counts; each fact by its slot.
enum KindPlan<'r> {
    If(Test<'r>),
    Per {
        slot: usize,
        member: Option<&'r str>,
        except: &'r [Spanned<String>],
        over: Option<&'r Over>,
    },
    Missing {
        slot: usize,
        /// The members of the set the clause looks for (the excepted ones left out).
        candidates: Vec<&'r str>,
        /// The set's list and a bit for each member the clause looks for, when the
        /// list names each member once and has at most 64: a set of that list
        /// ([`MemberSet::word_of`]) then lacks `looked_for & !present` members.
        bits: Option<(Members, u64)>,
    },
    Deadline {
        slot: usize,
        by: NaiveDate,
        never: Option<Effect>,
    },
}

/// An item's running score while its clauses apply.
struct Running {
    score: Decimal,
    /// Whether any clause changed the score.
    moved: bool,
    /// Whether a `zero` (不得分) applied: the item ends at 0.
    zero: bool,
}

impl<'r> Scorer<'r> {
    /// Compiles a checked rubric, with the tables of outcomes of the items that read
    /// only bools and counts (worked out once: some tens of microseconds for each 2020
    /// table).
    pub fn new(rubric: &'r Rubric) -> Self {
        Scorer::compile(rubric, true)
    }

    /// Compiles a checked rubric, with the items' tables or without them (for a scorer
    /// used once, [`super::summarise`]).
    pub(super) fn compile(rubric: &'r Rubric, tables: bool) -> Self {
        let compiler = Compiler { rubric, tables };
        let parts = rubric
            .nodes
            .iter()
            .map(|node| match node {
                Node::Section(s) => Part::Section(SectionPlan::compile(s, s.kind, compiler)),
                Node::Item(i) => Part::Item(ItemPlan::compile(i, SectionKind::Regular, compiler)),
            })
            .collect();
        Scorer {
            rubric,
            all_points: all_points(rubric),
            parts,
        }
    }

    /// The rubric this scorer was compiled from.
    pub fn rubric(&self) -> &'r Rubric {
        self.rubric
    }

    /// Scores one unit without its trace: the total and each top-level subtotal, as
    /// [`super::summarise`] does.
    pub fn summarise(&self, unit: &Unit) -> Result<Summary, Diagnostic> {
        self.warm(unit);
        let mut sum = Sum::default();
        let mut top = Vec::with_capacity(self.parts.len());
        for part in &self.parts {
            match part {
                Part::Section(s) => {
                    let (score, applicable) = self.section(s, unit)?;
                    sum.add_section(s.kind, score, applicable);
                    top.push(Top {
                        kind: Some(s.kind),
                        points: s.points,
                        score: Some(score),
                        applicable_points: applicable,
                    });
                }
                Part::Item(i) => {
                    let score = self.item(i, unit)?;
                    sum.add_item(score, i.points);
                    top.push(Top {
                        kind: None,
                        points: i.points,
                        score: score.map(|s| s.normalize()),
                        applicable_points: if score.is_some() {
                            i.points
                        } else {
                            Decimal::ZERO
                        },
                    });
                }
            }
        }
        let total = sum.total(self.rubric, unit, self.all_points, false)?;
        Ok(Summary {
            unit: unit.name.clone(),
            score: total.score,
            earned: total.earned,
            applicable_points: total.applicable,
            prorated: total.prorated,
            top,
        })
    }

    /// A section's score (kept by its kind's limit) and applicable points, both
    /// normalised.
    fn section(&self, s: &SectionPlan<'r>, unit: &Unit) -> Result<(Decimal, Decimal), Diagnostic> {
        let mut score = Decimal::ZERO;
        let mut applicable = Decimal::ZERO;
        // When no item can be left out, the applicable points are the fixed ones, which
        // is what adding them up here would give.
        let count = s.fixed_applicable.is_none();
        for part in &s.parts {
            match part {
                Part::Section(sub) => {
                    let (sub_score, sub_applicable) = self.section(sub, unit)?;
                    score += sub_score;
                    if count {
                        applicable += sub_applicable;
                    }
                }
                Part::Item(i) => {
                    if let Some(item_score) = self.item(i, unit)? {
                        score += item_score;
                        if count {
                            applicable += i.points;
                        }
                    }
                }
            }
        }
        let score = section_limit(s.kind, score, s.points).normalize();
        let applicable = s.fixed_applicable.unwrap_or_else(|| applicable.normalize());
        Ok((score, applicable))
    }

    /// Reads every slot of the unit's facts, the first byte of its name and the counts
    /// of its tallies (each an allocation of its own) before scoring. A unit read long
    /// ago (one of many held in memory) has them out of the cache, and reading them
    /// here, where no load waits on another, lets their cache misses overlap instead of
    /// coming one after another as the clauses read them. What is read is only summed
    /// and the sum dropped: nothing here affects a score.
    fn warm(&self, unit: &Unit) {
        let mut sum = u64::from(unit.name.as_bytes().first().copied().unwrap_or(0));
        for fact in unit.facts.iter() {
            sum = sum.wrapping_add(match fact {
                Some(Fact {
                    value: Value::Tally(t),
                    ..
                }) => t.total(),
                Some(_) => 1,
                None => 0,
            });
        }
        std::hint::black_box(sum);
    }

    /// An item's score; `None` when it is not applicable. Read from the item's table
    /// when the unit's facts are among those it holds, else worked out.
    fn item(&self, plan: &ItemPlan<'r>, unit: &Unit) -> Result<Option<Decimal>, Diagnostic> {
        if let Some(outcome) = plan.table.as_ref().and_then(|t| t.lookup(&unit.facts)) {
            return Ok(outcome);
        }
        plan.outcome(self.rubric, &unit.facts)
            .map_err(|r| r.diagnostic(self.rubric, unit))
    }
}

/// Why an item cannot be scored: a year the calendar does not list (put into words
/// with the unit), or a score outside the item's bounds.
enum Refusal {
    Uncovered(Uncovered),
    Refused(Diagnostic),
}

impl Refusal {
    fn diagnostic(self, rubric: &Rubric, unit: &Unit) -> Diagnostic {
        match self {
            Refusal::Uncovered(u) => uncovered(rubric, unit, u),
            Refusal::Refused(d) => d,
        }
    }
}

impl<'r> SectionPlan<'r> {
    /// Compiles a section whose items score as `kind` says (the kind of the top-level
    /// section it lies in).
    fn compile(s: &'r Section, kind: SectionKind, compiler: Compiler<'_>) -> Self {
        let parts: Vec<Part<'r>> = s
            .children
            .iter()
            .map(|child| match child {
                Node::Section(sub) => Part::Section(SectionPlan::compile(sub, kind, compiler)),
                Node::Item(i) => Part::Item(ItemPlan::compile(i, kind, compiler)),
            })
            .collect();
        // The applicable points of a section no item of which can be left out, added up
        // as scoring adds them.
        let mut fixed = Some(Decimal::ZERO);
        for part in &parts {
            fixed = match (fixed, part) {
                (Some(sum), Part::Section(sub)) => sub.fixed_applicable.map(|a| sum + a),
                (Some(sum), Part::Item(i)) if i.applicable_unless.is_none() => Some(sum + i.points),
                _ => None,
            };
        }
        SectionPlan {
            kind,
            points: s.points.node,
            parts,
            fixed_applicable: fixed.map(|a| a.normalize()),
        }
    }
}

impl<'r> ItemPlan<'r> {
    /// The day of the deadlines that read a slot, when only `deadline` clauses read
    /// it (no condition does) and all by the same day.
    fn deadline_only(&self, slot: usize) -> Option<NaiveDate> {
        let mut read_by_tests = Vec::new();
        if let Some(test) = &self.applicable_unless {
            test.slots(&mut read_by_tests);
        }
        let mut day = None;
        for clause in &self.clauses {
            if let Some(test) = &clause.unless {
                test.slots(&mut read_by_tests);
            }
            match &clause.kind {
                KindPlan::If(test) => test.slots(&mut read_by_tests),
                KindPlan::Deadline { slot: s, by, .. } if *s == slot => {
                    if day.is_some_and(|d| d != *by) {
                        return None;
                    }
                    day = Some(*by);
                }
                KindPlan::Per { slot: s, .. } | KindPlan::Missing { slot: s, .. } if *s == slot => {
                    return None;
                }
                _ => {}
            }
        }
        if read_by_tests.contains(&slot) {
            return None;
        }
        day
    }

    /// Every slot the item reads, in its `applicable unless` and its clauses.
    fn slots(&self, out: &mut Vec<usize>) {
        if let Some(test) = &self.applicable_unless {
            test.slots(out);
        }
        for clause in &self.clauses {
            match &clause.kind {
                KindPlan::If(test) => test.slots(out),
                KindPlan::Per { slot, .. }
                | KindPlan::Missing { slot, .. }
                | KindPlan::Deadline { slot, .. } => out.push(*slot),
            }
            if let Some(test) = &clause.unless {
                test.slots(out);
            }
        }
    }

    /// The item's score on a unit's facts; `None` when it is not applicable.
    fn outcome(&self, rubric: &Rubric, facts: &Facts) -> Result<Option<Decimal>, Refusal> {
        let calendar = rubric.calendar.as_ref();
        if let Some(test) = &self.applicable_unless {
            if test.holds(facts, calendar).map_err(Refusal::Uncovered)? {
                return Ok(None);
            }
        }
        let mut running = Running {
            score: self.start,
            moved: false,
            zero: false,
        };
        for clause in &self.clauses {
            clause.apply(self.points, facts, calendar, &mut running)?;
        }
        let score = if running.zero {
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
        in_bounds(rubric, self.item, score, self.low, self.high)
            .map(Some)
            .map_err(Refusal::Refused)
    }

    fn compile(item: &'r Item, kind: SectionKind, compiler: Compiler<'_>) -> Self {
        let (start, low, high) = start_and_bounds(item, kind);
        let within = |score: Decimal| score >= low && score <= high;
        let mut plan = ItemPlan {
            table: None,
            item,
            points: item.points.node,
            start,
            low,
            high,
            start_in_bounds: within(start),
            zero_in_bounds: within(Decimal::ZERO),
            applicable_unless: item.applicable_unless.as_ref().map(Test::compile),
            clauses: item
                .clauses
                .iter()
                .map(|clause| ClausePlan {
                    kind: match &clause.kind {
                        ClauseKind::If(cond) => KindPlan::If(Test::compile(cond)),
                        ClauseKind::Per { fact, except, over } => KindPlan::Per {
                            slot: slot_of(fact),
                            member: member_name(fact),
                            except,
                            over: over.as_ref(),
                        },
                        ClauseKind::Missing { fact, except } => {
                            let candidates: Vec<&str> =
                                missing_candidates(item, fact, except).collect();
                            let bits = set_list(item, fact)
                                .filter(|list| list.len() <= 64 && distinct_names(list))
                                .map(|list| {
                                    let looked_for = list
                                        .iter()
                                        .enumerate()
                                        .filter(|(_, m)| candidates.contains(&m.name.node.as_str()))
                                        .fold(0u64, |mask, (i, _)| mask | 1 << i);
                                    (list.clone(), looked_for)
                                });
                            KindPlan::Missing {
                                slot: slot_of(fact),
                                candidates,
                                bits,
                            }
                        }
                        ClauseKind::Deadline { fact, by, never } => KindPlan::Deadline {
                            slot: slot_of(fact),
                            by: by.node,
                            never: never.as_ref().map(|n| n.node),
                        },
                    },
                    effect: clause.effect.node,
                    max: clause.max.as_ref().map(|m| m.node),
                    floor: clause.floor.as_ref().map(|f| f.node),
                    unless: clause.unless.as_ref().map(Test::compile),
                    once: fixed_change(clause.effect.node, Decimal::ONE, item),
                    times: (0..SMALL_TIMES)
                        .map_while(|n| fixed_change(clause.effect.node, Decimal::from(n), item))
                        .collect(),
                    never_once: match &clause.kind {
                        ClauseKind::Deadline { never: Some(n), .. } => {
                            fixed_change(n.node, Decimal::ONE, item)
                        }
                        _ => None,
                    },
                })
                .collect(),
        };
        if compiler.tables {
            plan.table = Table::compile(&plan, compiler.rubric);
        }
        plan
    }
}

/// What compiling a rubric's parts needs: the rubric (its calendar and source, to work
/// out the items' tables), and whether to work them out.
#[derive(Clone, Copy)]
struct Compiler<'a> {
    rubric: &'a Rubric,
    tables: bool,
}

/// The list of members of the set fact a path names (the fact declared at its slot).
fn set_list<'r>(item: &'r Item, fact: &FactPath) -> Option<&'r Members> {
    let slot = fact.slot.get().map(|s| s.fact);
    let decl = item
        .facts
        .iter()
        .find(|f| f.slot.get().is_some() && f.slot.get() == slot)?;
    match &decl.ty.node {
        FactType::Set(list) => Some(list),
        _ => None,
    }
}

/// The raw change of an effect applied `times` times when it does not depend on the
/// running score, worked out by [`raw_change`] as scoring works it out: so the same
/// decimal, to the last digit. `None` for `zero` and a percentage of the score.
fn fixed_change(effect: Effect, times: Decimal, item: &Item) -> Option<Decimal> {
    match effect {
        Effect::Zero
        | Effect::Percent {
            base: PercentBase::Score,
            ..
        } => None,
        // The running score is not read by these effects.
        _ => raw_change(effect, times, item.points.node, Decimal::ZERO).map(|(raw, _)| raw),
    }
}

/// How many of the members a `missing` clause looks for the evidence does not give,
/// each searched for by name, as [`super::evaluate`] does: for a set not of the
/// declared list, or of a list of more than 64 members or naming one twice (others
/// are counted on their bits).
fn count_missing(candidates: &[&str], present: Option<&MemberSet>) -> usize {
    candidates
        .iter()
        .filter(|m| !present.is_some_and(|p| p.iter().any(|g| same_name(g, m))))
        .count()
}

/// Whether a list names each member once.
fn distinct_names(list: &Members) -> bool {
    list.iter()
        .enumerate()
        .all(|(i, m)| list[..i].iter().all(|o| o.name.node != m.name.node))
}

impl ClausePlan<'_> {
    /// Applies the clause to an item's running score, as [`super::evaluate`] applies
    /// it, without the words.
    fn apply(
        &self,
        points: Decimal,
        facts: &Facts,
        calendar: Option<&Calendar>,
        running: &mut Running,
    ) -> Result<(), Refusal> {
        let clause = self;
        let mut never = false;
        // How many times the effect applies (a decimal for a discretionary score).
        let times = match &clause.kind {
            KindPlan::If(test) => {
                if !test.holds(facts, calendar).map_err(Refusal::Uncovered)? {
                    return Ok(());
                }
                Times::Once
            }
            KindPlan::Per {
                slot,
                member,
                except,
                over,
            } => match (value_at(*slot, facts), over) {
                (Some(Value::Periods(list)), Some(over)) => {
                    let n =
                        periods::count_over(list, over, calendar).map_err(Refusal::Uncovered)?;
                    if n == 0 {
                        return Ok(());
                    }
                    Times::Count(n)
                }
                (Some(Value::Discretion { score: given, .. }), _) => {
                    if given.is_zero() {
                        return Ok(());
                    }
                    Times::Given(*given)
                }
                (value, _) => {
                    let n = per_count(value, *member, except);
                    if n == 0 {
                        return Ok(());
                    }
                    Times::Count(n)
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
                Times::Count(n as u64)
            }
            KindPlan::Deadline {
                slot,
                by,
                never: never_effect,
            } => match value_at(*slot, facts) {
                Some(Value::Date(Some(d))) if d <= by => return Ok(()),
                Some(Value::Date(Some(_))) => Times::Once,
                _ => {
                    never = never_effect.is_some();
                    Times::Once
                }
            },
        };
        if let Some(unless) = &clause.unless {
            // Exempted: the clause takes nothing.
            if unless.holds(facts, calendar).map_err(Refusal::Uncovered)? {
                return Ok(());
            }
        }
        let effect = match &clause.kind {
            KindPlan::Deadline { never: Some(n), .. } if never => *n,
            _ => clause.effect,
        };
        // The raw change: worked out in advance when it can be, else now, the same way.
        let ready = match times {
            Times::Once if never => clause.never_once,
            Times::Once => clause.once,
            Times::Count(n) => usize::try_from(n)
                .ok()
                .and_then(|n| clause.times.get(n))
                .copied(),
            Times::Given(_) => None,
        };
        let raw = match ready {
            Some(raw) => raw,
            None => {
                let times = match times {
                    Times::Once => Decimal::ONE,
                    Times::Count(n) => Decimal::from(n),
                    Times::Given(given) => given,
                };
                match raw_change(effect, times, points, running.score) {
                    Some((raw, _)) => raw,
                    None => {
                        running.zero = true;
                        return Ok(());
                    }
                }
            }
        };
        let limited = limit(raw, clause.max, clause.floor, running.score);
        if limited.applies() {
            running.score += limited.delta;
            running.moved = true;
        }
        Ok(())
    }
}

impl Table {
    /// The outcome the table holds for a unit's facts, if it holds it.
    #[inline]
    fn lookup(&self, facts: &Facts) -> Option<Option<Decimal>> {
        let mut index = 0u64;
        for key in &self.keys {
            let digit = key.kind.digit(value_at(key.slot, facts)?, key.radix)?;
            index = index * key.radix + digit;
        }
        *self.outcomes.get(usize::try_from(index).ok()?)?
    }

    /// Works out an item's table, when it reads only bool and count facts of its own,
    /// and dates only its deadlines read, and the combinations of their values are few
    /// enough.
    fn compile(plan: &ItemPlan<'_>, rubric: &Rubric) -> Option<Table> {
        let mut slots = Vec::new();
        plan.slots(&mut slots);
        slots.sort_unstable();
        slots.dedup();
        let mut keys = Vec::with_capacity(slots.len());
        let mut size = 1usize;
        for &slot in &slots {
            let decl = plan
                .item
                .facts
                .iter()
                .find(|f| f.slot.get() == Some(slot))?;
            let key = match &decl.ty.node {
                FactType::Bool => Key {
                    slot,
                    radix: 2,
                    kind: KeyKind::Bool,
                },
                FactType::Count { max } => Key {
                    slot,
                    radix: max
                        .as_ref()
                        .map_or(TABLE_COUNTS, |m| m.node.saturating_add(1).min(TABLE_COUNTS)),
                    kind: KeyKind::Count,
                },
                FactType::Date => Key {
                    slot,
                    radix: 3,
                    kind: KeyKind::Deadline(plan.deadline_only(slot)?),
                },
                _ => return None,
            };
            size = size.checked_mul(usize::try_from(key.radix).ok()?)?;
            if size > TABLE_MOST {
                return None;
            }
            keys.push(key);
        }
        let mut facts: Vec<Option<Fact>> = (0..slots.last().map_or(0, |s| s + 1))
            .map(|_| None)
            .collect();
        let mut outcomes = Vec::with_capacity(size);
        for index in 0..size as u64 {
            let mut rest = index;
            for key in keys.iter().rev() {
                let digit = rest % key.radix;
                rest /= key.radix;
                let value = key.kind.value(digit)?;
                facts[key.slot] = Some(Fact { value, span: None });
            }
            outcomes.push(plan.outcome(rubric, &facts).ok());
        }
        Some(Table { keys, outcomes })
    }
}

impl Test<'_> {
    /// Every slot the condition reads.
    fn slots(&self, out: &mut Vec<usize>) {
        match self {
            Test::Bool(slot) | Test::Fact { slot, .. } => out.push(*slot),
            Test::Not(inner) => inner.slots(out),
            Test::And(parts) | Test::Or(parts) => parts.iter().for_each(|p| p.slots(out)),
            Test::Compare { left, right, .. } => {
                for side in [left, right] {
                    match side {
                        Side::Fact { slot, .. } | Side::Periods { slot, .. } => out.push(*slot),
                        Side::Literal(_) => {}
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOOKED_FOR: [&str; 4] = ["标题", "文号", "法律依据", "救济途径"];

    /// The members missing when these are given, each searched for by name.
    fn count(present: &[&str]) -> usize {
        count_missing(&LOOKED_FOR, Some(&MemberSet::of_names(present)))
    }

    #[test]
    fn missing_members_are_searched_for_by_name() {
        assert_eq!(count(&[]), 4);
        assert_eq!(count(&["标题", "法律依据"]), 2);
        // A member not looked for (excepted) given or not changes nothing.
        assert_eq!(count(&["文号", "印章"]), 3);
        assert_eq!(count(&["标题", "文号", "法律依据", "救济途径", "印章"]), 0);
        // Out of the list's order, a name twice, a name not in the list at all.
        assert_eq!(count(&["救济途径", "标题"]), 2);
        assert_eq!(count(&["文号", "文号"]), 3);
        assert_eq!(count(&["公告", "标题"]), 3);
        // No set given: every member looked for is missing.
        assert_eq!(count_missing(&LOOKED_FOR, None), 4);
    }

    #[test]
    fn table_digits_tell_apart_what_the_clauses_tell_apart() {
        let by = NaiveDate::from_ymd_opt(2020, 3, 31).unwrap();
        let day = |d: u32| Value::Date(NaiveDate::from_ymd_opt(2020, 3, d));
        let deadline = KeyKind::Deadline(by);
        assert_eq!(deadline.digit(&day(30), 3), Some(0));
        assert_eq!(deadline.digit(&day(31), 3), Some(0));
        assert_eq!(
            deadline.digit(&Value::Date(Some(by.succ_opt().unwrap())), 3),
            Some(1)
        );
        assert_eq!(deadline.digit(&Value::Date(None), 3), Some(2));
        // Each digit's value gives the digit back.
        for digit in 0..3 {
            assert_eq!(
                deadline.digit(&deadline.value(digit).unwrap(), 3),
                Some(digit)
            );
        }
        // Counts at or above the radix, and values of another kind, are not held.
        assert_eq!(KeyKind::Count.digit(&Value::Count(15), 16), Some(15));
        assert_eq!(KeyKind::Count.digit(&Value::Count(16), 16), None);
        assert_eq!(KeyKind::Count.digit(&Value::Bool(true), 16), None);
        assert_eq!(KeyKind::Bool.digit(&Value::Count(1), 2), None);
        assert_eq!(KeyKind::Bool.digit(&Value::Bool(true), 2), Some(1));
    }

    #[test]
    fn fixed_changes_are_what_scoring_works_out() {
        let rubric = crate::check::compile(&crate::source::SourceFile::new(
            "t.rule",
            "rubric 表\ntotal 3\nsection 甲 3 {\n  item 乙 3 {\n    fact 数 count \"数\"\n    fact 否 bool \"否\"\n    per 数 -0.5 floor 0\n    if 否 -50% of points floor 0\n    if 否 -50% of score\n  }\n}\n",
        ))
        .rubric
        .expect("the rubric compiles");
        let item = crate::check::ast_items(&rubric.nodes)[0];
        let plan = ItemPlan::compile(
            item,
            SectionKind::Regular,
            Compiler {
                rubric: &rubric,
                tables: true,
            },
        );
        let [per, of_points, of_score] = &plan.clauses[..] else {
            panic!("three clauses")
        };
        assert_eq!(per.times.len(), SMALL_TIMES as usize);
        assert_eq!(per.times[3], Decimal::new(-15, 1));
        assert_eq!(of_points.once, Some(Decimal::new(-15, 1)));
        // A percentage of the running score cannot be worked out in advance.
        assert!(of_score.once.is_none() && of_score.times.is_empty());
        // Two facts: 16 counts × 2 bools.
        assert_eq!(plan.table.as_ref().map(|t| t.outcomes.len()), Some(32));
    }
}
