//! The plan a rubric is compiled into ([`Scorer`]): for every section and item what
//! scoring needs, each fact by its slot and each member by its place in the fact's
//! list, each clause's changes worked out in advance when they do not depend on the
//! running score. Conditions are the model's own, which the one
//! [`crate::evidence::condition::holds`] reads: the plan compiles none.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::except::Except;
use super::table::*;
use super::units::*;
use super::{all_points, missing_candidates, raw_change, start_and_bounds};
use crate::check::Rubric;
use crate::evidence::arith::Measured;
use crate::model::{
    Arith, Clause, ClauseKind, Condition, ConditionKind, Effect, FactPath, FactType, Item,
    MemberId, Members, Node, Operand, Over, PercentBase, Section, SectionKind,
};

/// A rubric compiled for scoring units without their trace. Build it once per rubric
/// and call [`Scorer::summarise`] for each unit: it gives exactly what
/// [`super::summarise`] (and [`Summary::of`] the sheet of [`super::evaluate`]) gives,
/// the same numbers or the same diagnostic.
pub struct Scorer<'r> {
    pub(super) rubric: &'r Rubric,
    /// What the applicable points add up to when every item is applicable.
    pub(super) all_points: Decimal,
    /// The same in units, when it fits and only sections lie at the top: the top-level
    /// sections are then added up into the total in units ([`UnitSum`]).
    pub(super) all_points_units: Option<i64>,
    /// The top-level sections and items, in the order of the rule file.
    pub(super) parts: Vec<Part<'r>>,
}

/// A compiled section or item.
pub(super) enum Part<'r> {
    Section(SectionPlan<'r>),
    Item(ItemPlan<'r>),
}

/// A compiled section.
pub(super) struct SectionPlan<'r> {
    pub(super) section: &'r Section,
    /// The kind of the top-level section it lies in, which its items score by.
    pub(super) kind: SectionKind,
    pub(super) points: Decimal,
    pub(super) parts: Vec<Part<'r>>,
    /// The section's applicable points when no item in it can be left out (none has
    /// an `applicable unless`): added up once, here, in the order and with the
    /// normalisations scoring a unit would use, so the same decimal.
    pub(super) fixed_applicable: Option<Decimal>,
    /// Its points, and their negation, in units, which its kind's limit compares a
    /// score in units with; `None` when they do not fit, and the section is then
    /// added up in decimals.
    pub(super) points_units: Option<(i64, i64)>,
}

/// A compiled item.
pub(super) struct ItemPlan<'r> {
    pub(super) item: &'r Item,
    pub(super) points: Decimal,
    /// The score it starts from, and the lowest and highest it may end at (no lowest
    /// in a `pooled` section).
    pub(super) start: Decimal,
    pub(super) low: Option<Decimal>,
    pub(super) high: Option<Decimal>,
    /// Whether the start, and 0, lie within the bounds: an item no clause moved ends at
    /// its start, one a `zero` applied to at 0, and neither needs comparing again.
    pub(super) start_in_bounds: bool,
    pub(super) zero_in_bounds: bool,
    pub(super) applicable_unless: Option<&'r Condition>,
    pub(super) clauses: Vec<ClausePlan<'r>>,
    /// The item's points in units, which a section in units adds to its applicable
    /// points; `None` when they do not fit.
    pub(super) points_units: Option<i64>,
    /// The item's outcomes worked out in advance, when the values of its facts it
    /// tells apart are few.
    pub(super) table: Option<Table>,
}

/// A compiled clause.
pub(super) struct ClausePlan<'r> {
    pub(super) clause: &'r Clause,
    pub(super) kind: KindPlan<'r>,
    pub(super) effect: Effect,
    pub(super) max: Option<Decimal>,
    pub(super) floor: Option<Decimal>,
    pub(super) unless: Option<&'r Condition>,
    /// The raw change of the effect applied once, and applied `n` times for small `n`
    /// (by index), worked out here by [`raw_change`] exactly as scoring would work
    /// them out; empty for `zero` and a percentage of the running score.
    pub(super) once: Option<Decimal>,
    pub(super) times: Vec<Decimal>,
    /// The same for a deadline's `never` effect, once.
    pub(super) never_once: Option<Decimal>,
}

/// How many times the raw changes of small counts are worked out in advance.
pub(super) const SMALL_TIMES: u64 = 32;

/// How many times a clause's effect applies.
#[derive(Clone, Copy)]
pub(super) enum Times {
    /// Once: an `if` that holds, a deadline missed.
    Once,
    /// Once per finding, member or period.
    Count(u64),
    /// A discretionary score's times.
    Given(Decimal),
    /// The points withheld by a `give` (its `max` less what was given).
    Withheld(Decimal),
}

impl Times {
    /// The times as a decimal.
    pub(super) fn decimal(self) -> Decimal {
        match self {
            Times::Once => Decimal::ONE,
            Times::Count(n) => Decimal::from(n),
            Times::Given(given) | Times::Withheld(given) => given,
        }
    }
}

/// What a compiled clause counts; each fact by its slot, each member by its place.
pub(super) enum KindPlan<'r> {
    If(&'r Condition),
    Per {
        slot: usize,
        member: Option<MemberId>,
        except: Except,
        over: Option<&'r Over>,
    },
    Missing {
        slot: usize,
        /// The members of the set the clause looks for (the excepted ones left out),
        /// each by its place, with its name for the trace.
        candidates: Vec<(MemberId, &'r str)>,
        /// The set's list and a bit for each member the clause looks for, when the
        /// list names each member once and has at most 64: a set of that list
        /// ([`MemberSet::word_of`]) then lacks `looked_for & !present` members.
        bits: Option<(Members, u64)>,
    },
    Deadline {
        slot: usize,
        by: NaiveDate,
        never: Option<Effect>,
        /// The slots of the further dates of `deadline {A, B} by …`.
        more: Vec<usize>,
    },
    /// `if COND give FACT` (`test`), or `give FACT`: the slot of the discretionary
    /// score and its `max`.
    Give {
        test: Option<&'r Condition>,
        slot: usize,
        max: Decimal,
    },
    /// `per (EXPR) step STEP`, or `per (EXPR)` without a step.
    Quantity {
        quantity: &'r Arith<Operand>,
        step: Option<Measured>,
    },
}

impl<'r> Scorer<'r> {
    /// Compiles a checked rubric, with the tables of outcomes of the items that tell
    /// few values of their facts apart (worked out once: from some microseconds to a
    /// few hundred, for the tables of 512 combinations, for each 2020 table).
    pub fn new(rubric: &'r Rubric) -> Self {
        Scorer::compile(rubric, true)
    }

    /// Compiles a checked rubric for score sheets ([`Scorer::sheet`]): without the
    /// items' tables of outcomes, which hold no trace. Build it once to write the
    /// sheets of many units; [`super::evaluate`] compiles one for each unit.
    pub fn for_sheets(rubric: &'r Rubric) -> Self {
        Scorer::compile(rubric, false)
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
            .collect::<Vec<_>>();
        let all_points = all_points(rubric);
        let sections_only = parts.iter().all(|p| matches!(p, Part::Section(_)));
        Scorer {
            rubric,
            all_points,
            all_points_units: to_units(all_points).filter(|_| sections_only),
            parts,
        }
    }

    /// The rubric this scorer was compiled from.
    pub fn rubric(&self) -> &'r Rubric {
        self.rubric
    }
}

impl<'r> SectionPlan<'r> {
    /// Compiles a section whose items score as `kind` says (the kind of the top-level
    /// section it lies in).
    pub(super) fn compile(s: &'r Section, kind: SectionKind, compiler: Compiler<'_>) -> Self {
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
        let points = s.points.node;
        SectionPlan {
            section: s,
            kind,
            points,
            parts,
            fixed_applicable: fixed.map(|a| a.normalize()),
            points_units: to_units(points).and_then(|p| Some((p, p.checked_neg()?))),
        }
    }
}

impl<'r> ItemPlan<'r> {
    /// The day of the deadlines that read a slot, when only `deadline` clauses read
    /// it (no condition does) and all by the same day.
    pub(super) fn deadline_only(&self, slot: usize) -> Option<NaiveDate> {
        let mut day = None;
        for read in self.reads(slot) {
            match read {
                Read::Deadline(by) if day.is_none_or(|d| d == by) => day = Some(by),
                _ => return None,
            }
        }
        day
    }

    /// Every read of a slot by the item's `applicable unless` and its clauses.
    pub(super) fn reads(&self, slot: usize) -> Vec<Read<'_, 'r>> {
        let mut out = Vec::new();
        if let Some(test) = self.applicable_unless {
            condition_reads(test, slot, &mut out);
        }
        for clause in &self.clauses {
            match &clause.kind {
                KindPlan::If(test) => condition_reads(test, slot, &mut out),
                KindPlan::Per {
                    slot: s,
                    member,
                    except,
                    ..
                } if *s == slot => out.push(Read::Per {
                    member: *member,
                    except,
                }),
                KindPlan::Missing { slot: s, bits, .. } if *s == slot => {
                    out.push(Read::Missing(bits.as_ref()));
                }
                KindPlan::Deadline {
                    slot: s, by, more, ..
                } if *s == slot || more.contains(&slot) => {
                    out.push(Read::Deadline(*by));
                }
                KindPlan::Give { test, slot: s, .. } => {
                    if let Some(test) = test {
                        condition_reads(test, slot, &mut out);
                    }
                    if *s == slot {
                        out.push(Read::Given);
                    }
                }
                KindPlan::Quantity { quantity, .. } => arith_reads(quantity, slot, &mut out),
                _ => {}
            }
            if let Some(test) = clause.unless {
                condition_reads(test, slot, &mut out);
            }
        }
        out
    }

    /// Every slot the item reads, in its `applicable unless` and its clauses.
    pub(super) fn slots(&self, out: &mut Vec<usize>) {
        if let Some(test) = self.applicable_unless {
            condition_slots(test, out);
        }
        for clause in &self.clauses {
            match &clause.kind {
                KindPlan::If(test) => condition_slots(test, out),
                KindPlan::Per { slot, .. } | KindPlan::Missing { slot, .. } => out.push(*slot),
                KindPlan::Deadline { slot, more, .. } => {
                    out.push(*slot);
                    out.extend(more);
                }
                KindPlan::Give { test, slot, .. } => {
                    if let Some(test) = test {
                        condition_slots(test, out);
                    }
                    out.push(*slot);
                }
                KindPlan::Quantity { quantity, .. } => arith_slots(quantity, out),
            }
            if let Some(test) = clause.unless {
                condition_slots(test, out);
            }
        }
    }

    pub(super) fn compile(item: &'r Item, kind: SectionKind, compiler: Compiler<'_>) -> Self {
        let (start, low, high) = start_and_bounds(item, kind);
        let within =
            |score: Decimal| low.is_none_or(|l| score >= l) && high.is_none_or(|h| score <= h);
        let mut plan = ItemPlan {
            table: None,
            item,
            points: item.points.node,
            points_units: to_units(item.points.node),
            start,
            low,
            high,
            start_in_bounds: within(start),
            zero_in_bounds: within(Decimal::ZERO),
            applicable_unless: item.applicable_unless.as_ref(),
            clauses: item
                .clauses
                .iter()
                .map(|clause| ClausePlan {
                    clause,
                    kind: match &clause.kind {
                        ClauseKind::If(cond) => KindPlan::If(cond),
                        ClauseKind::Give { condition, fact } => KindPlan::Give {
                            test: condition.as_ref(),
                            slot: fact.id.index(),
                            max: match item.fact(fact.id).map(|f| &f.ty.node) {
                                Some(FactType::Discretion { max }) => max.node,
                                _ => Decimal::ZERO,
                            },
                        },
                        ClauseKind::Per {
                            fact,
                            excepted,
                            over,
                            ..
                        } => KindPlan::Per {
                            slot: fact.id.index(),
                            member: fact.member_id,
                            except: Except::new(excepted),
                            over: over.as_ref(),
                        },
                        ClauseKind::Missing { fact, excepted, .. } => {
                            let except = Except::new(excepted);
                            let candidates = missing_candidates(item, fact, &except);
                            let bits =
                                set_list(item, fact)
                                    .filter(|list| list.len() <= 64)
                                    .map(|list| {
                                        let looked_for = candidates
                                            .iter()
                                            .fold(0u64, |mask, (m, _)| mask | 1 << m.index());
                                        (list.clone(), looked_for)
                                    });
                            KindPlan::Missing {
                                slot: fact.id.index(),
                                candidates,
                                bits,
                            }
                        }
                        ClauseKind::Deadline {
                            fact,
                            by,
                            never,
                            more,
                        } => KindPlan::Deadline {
                            slot: fact.id.index(),
                            by: by.node,
                            never: never.as_ref().map(|n| n.node),
                            more: more.iter().map(|p| p.id.index()).collect(),
                        },
                        ClauseKind::Quantity { quantity, step } => KindPlan::Quantity {
                            quantity,
                            step: step.as_ref().map(|s| super::quantity::step_of(&s.node)),
                        },
                    },
                    effect: clause.effect.node,
                    max: clause.max.as_ref().map(|m| m.node),
                    floor: clause.floor.as_ref().map(|f| f.node),
                    unless: clause.unless.as_ref(),
                    once: compiler
                        .tables
                        .then(|| fixed_change(clause.effect.node, Decimal::ONE, item))
                        .flatten(),
                    times: (0..SMALL_TIMES)
                        .take_while(|_| compiler.tables)
                        .map_while(|n| fixed_change(clause.effect.node, Decimal::from(n), item))
                        .collect(),
                    never_once: match &clause.kind {
                        ClauseKind::Deadline { never: Some(n), .. } if compiler.tables => {
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

/// How a condition or clause reads a fact.
pub(super) enum Read<'a, 'r> {
    /// A condition on the fact itself (`if 未发布`): it holds only on `true`.
    Whole,
    /// A condition on a member of it (`if 形式[图解]`).
    Member,
    /// One side of a comparison (the fact itself, or a member of it), the other side
    /// being `other`.
    Compared {
        member: Option<MemberId>,
        other: &'r Operand,
    },
    /// Its periods counted by a comparison.
    Periods,
    /// A `per` clause.
    Per {
        member: Option<MemberId>,
        except: &'a Except,
    },
    /// A `missing` clause, with its list and the bits of the members it looks for.
    Missing(Option<&'a (Members, u64)>),
    /// A `deadline` clause by this day.
    Deadline(NaiveDate),
    /// A `give` clause's discretionary score.
    Given,
    /// Arithmetic: an item that reads a fact so has no table.
    Arith,
}

/// What compiling a rubric's parts needs: the rubric (its calendar and source, to work
/// out the items' tables), and whether to work them out.
#[derive(Clone, Copy)]
pub(super) struct Compiler<'a> {
    pub(super) rubric: &'a Rubric,
    pub(super) tables: bool,
}

/// The list of members of the set fact a path names (the fact declared at its slot).
pub(super) fn set_list<'r>(item: &'r Item, fact: &FactPath) -> Option<&'r Members> {
    let decl = item.fact(fact.id)?;
    match &decl.ty.node {
        FactType::Set(list) => Some(list),
        _ => None,
    }
}

/// The raw change of an effect applied `times` times when it does not depend on the
/// running score, worked out by [`raw_change`] as scoring works it out: so the same
/// decimal, to the last digit. `None` for `zero` and a percentage of the score.
pub(super) fn fixed_change(effect: Effect, times: Decimal, item: &Item) -> Option<Decimal> {
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

/// Every read of a slot by a condition. The nesting is bounded by the syntax stage's
/// depth check, as [`crate::evidence::condition::holds`]'s recursion is.
pub(super) fn condition_reads<'a, 'r: 'a>(
    cond: &'r Condition,
    slot: usize,
    out: &mut Vec<Read<'a, 'r>>,
) {
    match &cond.kind {
        ConditionKind::Fact(p) if p.id.index() == slot => out.push(match p.member_id {
            None => Read::Whole,
            Some(_) => Read::Member,
        }),
        ConditionKind::Fact(_) => {}
        ConditionKind::Not(inner) => condition_reads(inner, slot, out),
        ConditionKind::And(parts) | ConditionKind::Or(parts) => {
            parts.iter().for_each(|p| condition_reads(p, slot, out))
        }
        ConditionKind::Compare { left, right, .. } => {
            for (side, other) in [(left, right), (right, left)] {
                match side {
                    Operand::Fact(p) if p.id.index() == slot => out.push(Read::Compared {
                        member: p.member_id,
                        other,
                    }),
                    Operand::Periods { fact, .. } if fact.id.index() == slot => {
                        out.push(Read::Periods)
                    }
                    Operand::Arith(a) => arith_reads(a, slot, out),
                    _ => {}
                }
            }
        }
    }
}

/// Every slot a condition reads.
pub(super) fn condition_slots(cond: &Condition, out: &mut Vec<usize>) {
    out.extend(
        crate::evidence::condition::condition_paths(cond)
            .into_iter()
            .map(|p| p.id.index()),
    );
}

/// Every slot an expression reads.
pub(super) fn arith_slots(a: &Arith<Operand>, out: &mut Vec<usize>) {
    let mut paths = Vec::new();
    for leaf in a.leaves() {
        crate::evidence::condition::operand_paths(leaf, &mut paths);
    }
    out.extend(paths.into_iter().map(|p| p.id.index()));
}

/// A read of the slot by an expression, if it reads it.
fn arith_reads(a: &Arith<Operand>, slot: usize, out: &mut Vec<Read<'_, '_>>) {
    let mut slots = Vec::new();
    arith_slots(a, &mut slots);
    if slots.contains(&slot) {
        out.push(Read::Arith);
    }
}
