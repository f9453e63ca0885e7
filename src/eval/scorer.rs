//! The compiled scorer: a rubric compiled once into a plan, and the one interpreter
//! of that plan, which scores a unit with its trace or without it.
//!
//! A [`Scorer`] walks the rubric's tree once, when it is built, and keeps for every
//! item what scoring it needs: the slots of the facts its clauses read, each condition
//! compiled ([`Test`]), the members a `missing` clause looks for, the item's start and
//! bounds, and whether each section's applicable points can change at all. Scoring a
//! unit then only reads its facts; counts and bools are compared as integers, and
//! decimal arithmetic is done only when a clause applies ([`raw_change`], [`limit`],
//! [`in_bounds`], [`section_limit`], [`Sum::total`]); the top-level items are added
//! after the top-level sections. The interpreter ([`ItemPlan::outcome`],
//! [`ClausePlan::apply`]) is generic over a [`Trace`]: the score sheet runs it with a
//! [`Recorder`], which keeps each step as data, and a ranking with [`NoTrace`], which
//! compiles away, allocating nothing but the [`Summary`] returned (and the scores of
//! top-level items, for a rubric that has them).
//!
//! Three things go further, for a ranking only. An item whose facts are few and read
//! in ways that tell few of their values apart (bools, counts, dates only its
//! deadlines read, sets counted by `per` and `missing`, tallies read member by member,
//! percents compared with literals) has a [`Table`] of its outcomes for every
//! combination of small values, a memo filled when the scorer is built by the same
//! interpreter (with [`NoTrace`]), so most items of a unit are one look-up. Sections,
//! and the top-level sections into the total, are added up as whole numbers of 10⁻⁹
//! ([`to_units`]), exactly, and made decimals once, normalised: the same decimals
//! adding them up as decimals and normalising gives; a score with more decimals, or
//! too large, is added up as decimals instead. And before a unit is scored its facts
//! are read once, all together ([`Scorer::warm`]), so that a unit out of the cache
//! waits for memory once rather than at every clause.
//!
//! The property tests (tests/properties.rs) check the sheet against an exact
//! rational oracle, and that a ranking's summary (tables and sums in units) is
//! [`Summary::of`] the sheet, refusing the same units with the same diagnostic.

use std::cmp::Ordering;
use std::collections::hash_map::{self, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::condition::{Side, Test};
use super::trace::{ClauseRef, Cut, Did, Step, Why};
use super::{
    all_points, clause_text, in_bounds, limit, missing_candidates, per_count, present_members,
    raw_change, section_limit, start_and_bounds, uncovered, used, ItemScore, SectionScore, Sheet,
    Sum, Summary, Top, Total,
};
use crate::check::Rubric;
use crate::diagnostic::Diagnostic;
use crate::evidence::condition::{
    condition_paths, member_name, same_name, slot_of, value_at, Quick,
};
use crate::evidence::periods::{self, Uncovered};
use crate::evidence::{Fact, Facts, MemberCounts, MemberSet, Unit, Value};
use crate::span::Spanned;
use crate::syntax::ast::{
    Clause, ClauseKind, Effect, FactPath, FactType, Item, Members, Node, Over, PercentBase,
    Section, SectionKind,
};

/// A rubric compiled for scoring units without their trace. Build it once per rubric
/// and call [`Scorer::summarise`] for each unit: it gives exactly what
/// [`super::summarise`] (and [`Summary::of`] the sheet of [`super::evaluate`]) gives,
/// the same numbers or the same diagnostic.
pub struct Scorer<'r> {
    rubric: &'r Rubric,
    /// What the applicable points add up to when every item is applicable.
    all_points: Decimal,
    /// The same in units, when it fits and only sections lie at the top: the top-level
    /// sections are then added up into the total in units ([`UnitSum`]).
    all_points_units: Option<i64>,
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
    section: &'r Section,
    /// The kind of the top-level section it lies in, which its items score by.
    kind: SectionKind,
    points: Decimal,
    parts: Vec<Part<'r>>,
    /// The section's applicable points when no item in it can be left out (none has
    /// an `applicable unless`): added up once, here, in the order and with the
    /// normalisations scoring a unit would use, so the same decimal.
    fixed_applicable: Option<Decimal>,
    /// Its points, and their negation, in units, which its kind's limit compares a
    /// score in units with; `None` when they do not fit, and the section is then
    /// added up in decimals.
    points_units: Option<(i64, i64)>,
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
    /// The item's points in units, which a section in units adds to its applicable
    /// points; `None` when they do not fit.
    points_units: Option<i64>,
    /// The item's outcomes worked out in advance, when the values of its facts it
    /// tells apart are few.
    table: Option<Table<'r>>,
}

/// An item's outcomes worked out in advance, when what the item reads of its facts
/// takes few values ([`KeyKind`]), for every combination of them (counts below a
/// small bound): so a unit whose values are among them is scored by one look-up.
/// Each outcome is what [`ItemPlan::outcome`] gives on values of that combination,
/// worked out by it, so the same decimal to the last digit; a unit with a larger
/// count, or a value of another kind, is scored the long way.
struct Table<'r> {
    /// What the item reads of its facts, each once, the first the most significant
    /// digit of the index.
    keys: Vec<Key<'r>>,
    /// Where in `entries` the outcome of each combination is; [`REFUSED`] where
    /// scoring refuses the item, which is then scored the long way to word the
    /// diagnostic.
    index: Vec<u16>,
    /// The outcomes of the combinations, each once.
    entries: Vec<Entry>,
}

/// The index of a combination whose item scoring refuses.
const REFUSED: u16 = u16::MAX;

/// An outcome of an item's table.
#[derive(Clone, Copy)]
struct Entry {
    /// The item's score; `None` when it is not applicable.
    outcome: Option<Decimal>,
    /// The same as a section adds it up in units.
    units: Units,
}

/// A fact an item's table is indexed by (or, for a tally, one member of it).
struct Key<'r> {
    slot: usize,
    /// How many of its digits the table holds: 2 for a bool, counts below this for a
    /// count or a tally's member, 3 for a date, one more than the members counted for
    /// a set, one more than twice the literals for a percent.
    radix: u64,
    kind: KeyKind<'r>,
}

/// What kind of fact a table is indexed by, and how the values its item tells apart
/// are told apart.
enum KeyKind<'r> {
    /// `false` (0) or `true` (1).
    Bool,
    /// The count itself, below the radix.
    Count,
    /// A date read by `deadline` clauses only, all by this day: on time (0), late
    /// (1) or never (2), which is all they tell apart.
    Deadline(NaiveDate),
    /// A set of this list (the fact's own, of at most 64 members, each named once)
    /// read by `per` clauses without a member and `missing` clauses only, all
    /// counting the members of `mask`: how many of those are present. A `per` counts
    /// them and a `missing` the others of them, so that is all they tell apart.
    Set { list: Members, mask: u64 },
    /// The count of this member in a tally that conditions and `per` clauses read
    /// member by member only (each member a key of its own): the count, below the
    /// radix.
    Member(&'r str),
    /// A percent compared with these percent literals only (in increasing order,
    /// each value once): twice how many of them are below it, and one more when it
    /// equals one of them, which is all the comparisons tell apart. The literals are
    /// also kept in units, when they all fit.
    Percent {
        literals: Box<[Decimal]>,
        units: Option<Box<[i64]>>,
    },
}

impl KeyKind<'_> {
    /// The digit of a unit's value; `None` for a value the table does not hold. The
    /// commonest keys are read here, the others in [`KeyKind::other_digit`].
    #[inline(always)]
    fn digit(&self, value: &Value, radix: u64) -> Option<u64> {
        match (self, value) {
            (KeyKind::Bool, Value::Bool(b)) => Some(u64::from(*b)),
            (KeyKind::Count, Value::Count(n)) => (*n < radix).then_some(*n),
            (KeyKind::Deadline(by), Value::Date(Some(d))) => Some(u64::from(d > by)),
            (KeyKind::Deadline(_), Value::Date(None)) => Some(2),
            _ => self.other_digit(value, radix),
        }
    }

    /// The digit of a unit's value for a set, a tally's member or a percent.
    #[inline(never)]
    fn other_digit(&self, value: &Value, radix: u64) -> Option<u64> {
        match (self, value) {
            (KeyKind::Set { list, mask }, Value::Set(set)) => {
                Some(u64::from((set.word_of(list)? & mask).count_ones()))
            }
            (KeyKind::Member(member), Value::Tally(tally)) => {
                // As a condition and a `per` read it: the first member of the name.
                let n = tally
                    .iter()
                    .find(|(k, _)| same_name(k, member))
                    .map_or(0, |(_, n)| n);
                (n < radix).then_some(n)
            }
            (KeyKind::Percent { literals, units }, Value::Percent(p)) => {
                // Compared as units when they all fit: the same order.
                Some(match (units, to_units(*p)) {
                    (Some(units), Some(p)) => percent_digit(units, &p),
                    _ => percent_digit(literals, p),
                })
            }
            _ => None,
        }
    }

    /// A value of the digit: the value the table's outcome for it is worked out on.
    /// `None` if there is none (the day after a deadline past the last date chrono
    /// knows, a percent between literals too close to part), and for a tally's
    /// member, whose value the table makes with the tally's other members.
    fn value(&self, digit: u64) -> Option<Value> {
        Some(match self {
            KeyKind::Bool => Value::Bool(digit == 1),
            KeyKind::Count => Value::Count(digit),
            KeyKind::Deadline(by) => Value::Date(match digit {
                0 => Some(*by),
                1 => Some(by.succ_opt()?),
                _ => None,
            }),
            KeyKind::Set { list, mask } => {
                // The first `digit` members of the mask.
                let mut rest = *mask;
                let mut chosen = 0u64;
                for _ in 0..digit {
                    let lowest = rest & rest.wrapping_neg();
                    chosen |= lowest;
                    rest &= !lowest;
                }
                Value::Set(MemberSet::from_mask(list, chosen)?)
            }
            KeyKind::Member(_) => return None,
            KeyKind::Percent { literals, .. } => {
                let i = usize::try_from(digit / 2).ok()?;
                Value::Percent(if digit % 2 == 1 {
                    *literals.get(i)?
                } else if i == 0 {
                    literals.first()?.checked_sub(Decimal::ONE)?
                } else if i == literals.len() {
                    literals.last()?.checked_add(Decimal::ONE)?
                } else {
                    literals[i - 1]
                        .checked_add(literals[i])?
                        .checked_div(Decimal::TWO)?
                })
            }
        })
    }
}

/// The digit of a percent compared with these literals (in increasing order, each
/// value once): twice how many are below it, and one more when it equals one.
#[inline]
fn percent_digit<T: Ord>(literals: &[T], p: &T) -> u64 {
    let mut digit = 0;
    for literal in literals {
        match p.cmp(literal) {
            Ordering::Greater => digit += 2,
            Ordering::Equal => return digit + 1,
            Ordering::Less => break,
        }
    }
    digit
}

/// The most combinations an item's table holds.
const TABLE_MOST: usize = 1024;
/// The most counts a table holds for a count without a smaller `max`, and for a
/// tally's member: 0 to 15, fewer when the table would otherwise be too large.
const TABLE_COUNTS: u64 = 16;

/// The decimals sections are added up to in units: a unit is 10⁻⁹.
const UNIT_SCALE: u32 = 9;
/// Ten to the powers 0 to [`UNIT_SCALE`].
const POWERS_OF_TEN: [i64; UNIT_SCALE as usize + 1] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

/// A decimal as a whole number of units (10⁻⁹): its value times 10⁹, exactly. `None`
/// when it has more than nine decimals or that does not fit.
#[inline]
fn to_units(d: Decimal) -> Option<i64> {
    let scale = d.scale();
    if scale > UNIT_SCALE {
        return None;
    }
    let mantissa = i64::try_from(d.mantissa()).ok()?;
    mantissa.checked_mul(POWERS_OF_TEN[(UNIT_SCALE - scale) as usize])
}

/// The decimal a number of units is, normalised: what `normalize()` gives of any
/// decimal of that value, with no zero ending its decimals and 0 without a sign or
/// decimals, to the last bit.
#[inline]
fn from_units(units: i64) -> Decimal {
    if units == 0 {
        return Decimal::ZERO;
    }
    // The most zeros that can be taken off, found counting down: 10^k divides the
    // units only when 2^k does, and when it does so does 10^j for every j below k.
    let mut strip = units.trailing_zeros().min(UNIT_SCALE);
    while strip > 0 && units % POWERS_OF_TEN[strip as usize] != 0 {
        strip -= 1;
    }
    Decimal::new(units / POWERS_OF_TEN[strip as usize], UNIT_SCALE - strip)
}

/// An item's outcome as a section adds it up in units.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Units {
    /// Not applicable: nothing is added.
    NotApplicable,
    /// Its score, in units.
    Score(i64),
    /// A score with more than nine decimals, or too large: the section is added up in
    /// decimals.
    Misfit,
}

impl Units {
    fn of(outcome: Option<Decimal>) -> Units {
        match outcome {
            None => Units::NotApplicable,
            Some(score) => to_units(score).map_or(Units::Misfit, Units::Score),
        }
    }
}

/// A section's score (kept by its kind's limit) and applicable points, both
/// normalised; and both in units when they fit.
struct Subtotal {
    score: Decimal,
    applicable: Decimal,
    units: Option<(i64, i64)>,
}

/// What the top-level sections add up to in units, as [`Sum`] adds them up in
/// decimals.
#[derive(Default)]
struct UnitSum {
    earned: i64,
    applicable: i64,
    bonus: i64,
    penalty: i64,
}

impl UnitSum {
    /// Adds a section's score and applicable points, as [`Sum::add_section`] does;
    /// `None` when a sum does not fit.
    fn add_section(&mut self, kind: SectionKind, score: i64, applicable: i64) -> Option<()> {
        match kind {
            SectionKind::Regular => {
                self.earned = self.earned.checked_add(score)?;
                self.applicable = self.applicable.checked_add(applicable)?;
            }
            SectionKind::Bonus => self.bonus = self.bonus.checked_add(score)?,
            SectionKind::Penalty => self.penalty = self.penalty.checked_add(score)?,
        }
        Some(())
    }

    /// The sums as decimals: of the values [`Sum`] adds up to, though not always of
    /// its decimals' scale, which only a prorated total reads (its division), so this
    /// serves only a total that is not prorated.
    fn sum(&self) -> Sum {
        Sum {
            earned: from_units(self.earned),
            applicable: from_units(self.applicable),
            bonus: from_units(self.bonus),
            penalty: from_units(self.penalty),
        }
    }
}

/// A compiled clause.
struct ClausePlan<'r> {
    clause: &'r Clause,
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

impl Times {
    /// The times as a decimal.
    fn decimal(self) -> Decimal {
        match self {
            Times::Once => Decimal::ONE,
            Times::Count(n) => Decimal::from(n),
            Times::Given(given) => given,
        }
    }
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
    /// Compiles a checked rubric, with the tables of outcomes of the items that tell
    /// few values of their facts apart (worked out once: from some microseconds to a
    /// few hundred, for the tables of 512 combinations, for each 2020 table).
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

    /// Scores one unit without its trace: the total and each top-level subtotal, as
    /// [`super::summarise`] does.
    pub fn summarise(&self, unit: &Unit) -> Result<Summary, Diagnostic> {
        self.warm(unit);
        let (_, total, top) = self.run(unit, &mut NoTrace)?;
        Ok(Summary {
            unit: unit.name.clone(),
            score: total.score,
            earned: total.earned,
            applicable_points: total.applicable,
            prorated: total.prorated,
            top,
        })
    }

    /// Scores one unit with its trace: the score sheet, every section, every item and
    /// every step, by the interpreter [`Scorer::summarise`] runs (without the items'
    /// tables, which hold no trace, and adding up in decimals).
    pub fn sheet(&self, unit: &Unit) -> Result<Sheet, Diagnostic> {
        let mut recorder = Recorder::new(self.rubric);
        let (sum, total, _) = self.run(unit, &mut recorder)?;
        let (indicators, categories) = recorder.finish();
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

    /// Scores one unit, telling the trace every step, item and section: the sums of
    /// the top-level nodes, the total (its limit put into words when the trace
    /// records), and each top-level subtotal.
    fn run<T: Trace>(
        &self,
        unit: &Unit,
        trace: &mut T,
    ) -> Result<(Sum, Total, Vec<Top>), Diagnostic> {
        let mut sum = Sum::default();
        // Only sections lie at the top: they are added up in units, while they fit
        // (not for the trace, which adds up in decimals).
        let mut units = self
            .all_points_units
            .filter(|_| !T::RECORDS)
            .map(|_| UnitSum::default());
        let mut fits = true;
        let mut top = Vec::with_capacity(self.parts.len());
        // The scores of the top-level items, added after every top-level section, as
        // `evaluate` adds them: at 28 digits a decimal sum rounds, and its order can
        // change its last digit. (No vector is made for a rubric without such items.)
        let mut items = Vec::new();
        for part in &self.parts {
            match part {
                Part::Section(s) => {
                    let sub = if T::RECORDS {
                        self.section_in_decimals(s, unit, trace)?
                    } else {
                        self.section(s, unit)?
                    };
                    match &mut units {
                        Some(units) => {
                            fits = fits
                                && sub.units.is_some_and(|(score, applicable)| {
                                    units.add_section(s.kind, score, applicable).is_some()
                                });
                        }
                        None => sum.add_section(s.kind, sub.score, sub.applicable),
                    }
                    top.push(Top {
                        kind: Some(s.kind),
                        points: s.points,
                        score: Some(sub.score),
                        applicable_points: sub.applicable,
                    });
                }
                Part::Item(i) => {
                    let score = self.item(i, unit, trace)?;
                    items.push((score, i.points));
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
        for (score, points) in items {
            sum.add_item(score, points);
        }
        if let Some(units) = units {
            // A total that is not prorated reads only the values of the sums, which
            // those in units are; else the sections are added up in decimals, as
            // above, in the same order.
            sum = if fits && self.all_points_units == Some(units.applicable) {
                units.sum()
            } else {
                sections_sum(&top)
            };
        }
        let total = sum.total(self.rubric, unit, self.all_points, T::RECORDS)?;
        Ok((sum, total, top))
    }

    /// A section's score (kept by its kind's limit) and applicable points, both
    /// normalised: added up in units, or in decimals when a score does not fit.
    fn section(&self, s: &SectionPlan<'r>, unit: &Unit) -> Result<Subtotal, Diagnostic> {
        if let Some(subtotal) = self.section_in_units(s, unit)? {
            return Ok(subtotal);
        }
        self.section_in_decimals(s, unit, &mut NoTrace)
    }

    /// A section added up in units; `None` when its points, or a score or sum in it,
    /// do not fit. A score in units is its decimal's value exactly, and a sum of them
    /// is then exactly what adding up the decimals gives (whose sums are too small to
    /// be rounded), so the normalised decimal of the sum is, to the last bit, the
    /// normalised decimal sum. Its items are scored in the same order as in decimals,
    /// so a unit an item refuses gives the same diagnostic either way.
    fn section_in_units(
        &self,
        s: &SectionPlan<'r>,
        unit: &Unit,
    ) -> Result<Option<Subtotal>, Diagnostic> {
        let Some((points, negated)) = s.points_units else {
            return Ok(None);
        };
        let mut score = 0i64;
        let mut applicable = 0i64;
        for part in &s.parts {
            let (part_score, part_applicable) = match part {
                Part::Section(sub) => match self.section(sub, unit)?.units {
                    Some(both) => both,
                    None => return Ok(None),
                },
                Part::Item(i) => match (self.item_units(i, unit)?, i.points_units) {
                    (Units::NotApplicable, _) => continue,
                    (Units::Score(item_score), Some(item_points)) => (item_score, item_points),
                    _ => return Ok(None),
                },
            };
            match (
                score.checked_add(part_score),
                applicable.checked_add(part_applicable),
            ) {
                (Some(new_score), Some(new_applicable)) => {
                    score = new_score;
                    applicable = new_applicable;
                }
                _ => return Ok(None),
            }
        }
        // The kind's limit, as `section_limit` keeps it: a comparison of values.
        let score = match s.kind {
            SectionKind::Regular => score,
            SectionKind::Bonus => score.min(points),
            SectionKind::Penalty => score.max(negated),
        };
        Ok(Some(Subtotal {
            score: from_units(score),
            applicable: s.fixed_applicable.unwrap_or_else(|| from_units(applicable)),
            units: Some((score, applicable)),
        }))
    }

    /// A section added up in decimals, and so are the sections in it (each once, not
    /// first tried in units again).
    fn section_in_decimals<T: Trace>(
        &self,
        s: &SectionPlan<'r>,
        unit: &Unit,
        trace: &mut T,
    ) -> Result<Subtotal, Diagnostic> {
        trace.open();
        let mut score = Decimal::ZERO;
        let mut applicable = Decimal::ZERO;
        // When no item can be left out, the applicable points are the fixed ones, which
        // is what adding them up here would give.
        let count = s.fixed_applicable.is_none();
        for part in &s.parts {
            match part {
                Part::Section(sub) => {
                    let sub = self.section_in_decimals(sub, unit, trace)?;
                    score += sub.score;
                    if count {
                        applicable += sub.applicable;
                    }
                }
                Part::Item(i) => {
                    if let Some(item_score) = self.item(i, unit, trace)? {
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
        trace.close(s, score, applicable);
        Ok(Subtotal {
            score,
            applicable,
            units: to_units(score).zip(to_units(applicable)),
        })
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
    fn item<T: Trace>(
        &self,
        plan: &ItemPlan<'r>,
        unit: &Unit,
        trace: &mut T,
    ) -> Result<Option<Decimal>, Diagnostic> {
        if !T::RECORDS {
            if let Some(entry) = plan.table.as_ref().and_then(|t| t.lookup(&unit.facts)) {
                return Ok(entry.outcome);
            }
        }
        let score = plan
            .outcome(self.rubric, &unit.facts, trace)
            .map_err(|r| r.diagnostic(self.rubric, unit))?;
        trace.item(plan, score);
        Ok(score)
    }

    /// An item's score as a section adds it up in units: read from its table, or
    /// worked out and put into units.
    fn item_units(&self, plan: &ItemPlan<'r>, unit: &Unit) -> Result<Units, Diagnostic> {
        if let Some(entry) = plan.table.as_ref().and_then(|t| t.lookup(&unit.facts)) {
            return Ok(entry.units);
        }
        plan.outcome(self.rubric, &unit.facts, &mut NoTrace)
            .map(Units::of)
            .map_err(|r| r.diagnostic(self.rubric, unit))
    }
}

/// The top-level sections added up in decimals, in order, from their subtotals in the
/// summary: as [`Scorer::summarise`] adds them up when it does not in units.
fn sections_sum(top: &[Top]) -> Sum {
    let mut sum = Sum::default();
    for t in top {
        if let (Some(kind), Some(score)) = (t.kind, t.score) {
            sum.add_section(kind, score, t.applicable_points);
        }
    }
    sum
}

/// Where the interpreter tells what it did: every step of an item's clauses, the end
/// of each item and section. A ranking uses [`NoTrace`], whose methods do nothing and
/// compile away, with everything only the trace needs (the words' data is made in the
/// closures it never calls, and `RECORDS` is false); the score sheet a [`Recorder`].
trait Trace {
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
    fn close(&mut self, plan: &SectionPlan<'_>, score: Decimal, applicable: Decimal);
}

/// The trace of a ranking: nothing.
struct NoTrace;

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
    fn close(&mut self, _: &SectionPlan<'_>, _: Decimal, _: Decimal) {}
}

/// The trace of a score sheet: the steps of the item being scored, and the items and
/// sections of each level being added up.
struct Recorder<'a> {
    rubric: &'a Rubric,
    steps: Vec<Step>,
    /// The steps of the `zero` clauses of the item being scored.
    zeros: Vec<Step>,
    /// The items and sections of each open level, the top level first.
    levels: Vec<(Vec<ItemScore>, Vec<SectionScore>)>,
}

impl<'a> Recorder<'a> {
    fn new(rubric: &'a Rubric) -> Self {
        Recorder {
            rubric,
            steps: Vec::new(),
            zeros: Vec::new(),
            levels: vec![(Vec::new(), Vec::new())],
        }
    }

    /// The top level's items and sections.
    fn finish(mut self) -> (Vec<ItemScore>, Vec<SectionScore>) {
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
            applicable: score.is_some(),
            line: self.rubric.source.line(item.span.start),
            offset: item.span.start,
            trace: std::mem::take(&mut self.steps),
        };
        self.zeros.clear();
        if let Some(level) = self.levels.last_mut() {
            level.0.push(scored);
        }
    }

    fn open(&mut self) {
        self.levels.push((Vec::new(), Vec::new()));
    }

    fn close(&mut self, plan: &SectionPlan<'_>, score: Decimal, applicable: Decimal) {
        let (indicators, sections) = self.levels.pop().unwrap_or_default();
        let s = plan.section;
        let scored = SectionScore {
            name: s.name.node.clone(),
            kind: plan.kind,
            points: s.points.node,
            score,
            applicable_points: applicable,
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
    fn deadline_only(&self, slot: usize) -> Option<NaiveDate> {
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
    fn reads(&self, slot: usize) -> Vec<Read<'_, 'r>> {
        let mut out = Vec::new();
        if let Some(test) = &self.applicable_unless {
            test.reads(slot, &mut out);
        }
        for clause in &self.clauses {
            match &clause.kind {
                KindPlan::If(test) => test.reads(slot, &mut out),
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
                KindPlan::Deadline { slot: s, by, .. } if *s == slot => {
                    out.push(Read::Deadline(*by));
                }
                _ => {}
            }
            if let Some(test) = &clause.unless {
                test.reads(slot, &mut out);
            }
        }
        out
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

    /// The item's score on a unit's facts; `None` when it is not applicable. The one
    /// interpreter of an item's clauses: a ranking runs it with [`NoTrace`], which
    /// records nothing and compiles away, and the score sheet with a [`Recorder`],
    /// which keeps every step.
    fn outcome<T: Trace>(
        &self,
        rubric: &Rubric,
        facts: &Facts,
        trace: &mut T,
    ) -> Result<Option<Decimal>, Refusal> {
        let calendar = rubric.calendar.as_ref();
        if let Some(test) = &self.applicable_unless {
            if test.holds(facts, calendar).map_err(Refusal::Uncovered)? {
                if let Some(cond) = &self.item.applicable_unless {
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
                }
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
            points_units: to_units(item.points.node),
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
                    clause,
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
enum Read<'a, 'r> {
    /// A condition on the fact itself (`if 未发布`): it holds only on `true`.
    Whole,
    /// A condition on a member of it (`if 形式[图解]`).
    Member,
    /// One side of a comparison (the fact itself, or a member of it), the other side
    /// being `other`.
    Compared {
        member: Option<&'r str>,
        other: &'a Side<'r>,
    },
    /// Its periods counted by a comparison.
    Periods,
    /// A `per` clause.
    Per {
        member: Option<&'r str>,
        except: &'r [Spanned<String>],
    },
    /// A `missing` clause, with its list and the bits of the members it looks for.
    Missing(Option<&'a (Members, u64)>),
    /// A `deadline` clause by this day.
    Deadline(NaiveDate),
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
    /// Applies the clause (the `index`th of its item) to an item's running score, and
    /// tells the trace what it did, when it did anything.
    fn apply<T: Trace>(
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
                if !test.holds(facts, calendar).map_err(Refusal::Uncovered)? {
                    return Ok(());
                }
                (Times::Once, T::RECORDS.then_some(Why::Holds))
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
                        let late =
                            periods::over(list, over, calendar).map_err(Refusal::Uncovered)?;
                        let n = late.len() as u64;
                        let why = Why::Over {
                            late,
                            limit: over.count.node,
                            unit: over.unit,
                        };
                        (n, Some(why))
                    } else {
                        let n = periods::count_over(list, over, calendar)
                            .map_err(Refusal::Uncovered)?;
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
            KindPlan::Deadline {
                slot,
                by,
                never: never_effect,
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
                ClauseKind::Per { fact, .. }
                | ClauseKind::Missing { fact, .. }
                | ClauseKind::Deadline { fact, .. } => vec![fact],
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
        if let Some(unless) = &clause.unless {
            // Exempted: the clause takes nothing.
            if unless.holds(facts, calendar).map_err(Refusal::Uncovered)? {
                if let Some(cond) = &clause.clause.unless {
                    let did = Did::Exempted {
                        unless: clause_text(rubric, cond.span),
                    };
                    trace.step(|| step(why, did, Decimal::ZERO, running.score));
                }
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
            Times::Given(_) => None,
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
        if limited.applies() {
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

/// The members a `missing` clause looks for that the evidence does not give, in the
/// list's order, each searched for by name: what [`count_missing`] counts.
fn absent(candidates: &[&str], present: Option<&MemberSet>) -> Vec<String> {
    candidates
        .iter()
        .filter(|m| !present.is_some_and(|p| p.iter().any(|g| same_name(g, m))))
        .map(|m| m.to_string())
        .collect()
}

impl<'r> Table<'r> {
    /// The outcome the table holds for a unit's facts, if it holds it.
    #[inline]
    fn lookup(&self, facts: &Facts) -> Option<&Entry> {
        let mut index = 0u64;
        for key in &self.keys {
            let digit = key.kind.digit(value_at(key.slot, facts)?, key.radix)?;
            index = index * key.radix + digit;
        }
        let entry = *self.index.get(usize::try_from(index).ok()?)?;
        // The refused combinations' index is past the last entry.
        self.entries.get(usize::from(entry))
    }

    /// Works out an item's table, when every fact it reads is a fact of its own that
    /// a key tells apart as the item reads it ([`Table::keys`]), and the combinations
    /// of their digits are few enough.
    fn compile(plan: &ItemPlan<'r>, rubric: &Rubric) -> Option<Table<'r>> {
        let mut slots = Vec::new();
        plan.slots(&mut slots);
        slots.sort_unstable();
        slots.dedup();
        // The keys, with the most digits each may have: those of counts are cut down
        // together until the combinations are few enough.
        let mut keys = Vec::with_capacity(slots.len());
        let mut tallies = Vec::new();
        for &slot in &slots {
            Table::keys(plan, slot, &mut keys, &mut tallies)?;
        }
        let mut counts = TABLE_COUNTS;
        let size = loop {
            let size = keys
                .iter()
                .try_fold(1usize, |size, (key, cut): &(Key, bool)| {
                    let radix = if *cut {
                        key.radix.min(counts)
                    } else {
                        key.radix
                    };
                    size.checked_mul(usize::try_from(radix).ok()?)
                });
            match size {
                Some(size) if size <= TABLE_MOST => break size,
                _ if counts > 2 => counts /= 2,
                _ => return None,
            }
        };
        let keys: Vec<Key<'r>> = keys
            .into_iter()
            .map(|(mut key, cut)| {
                if cut {
                    key.radix = key.radix.min(counts);
                }
                key
            })
            .collect();
        let mut facts: Vec<Option<Fact>> = (0..slots.last().map_or(0, |s| s + 1))
            .map(|_| None)
            .collect();
        let mut digits = vec![0u64; keys.len()];
        let mut index = Vec::with_capacity(size);
        let mut entries: Vec<Entry> = Vec::new();
        // Where each distinct outcome (told by its bits, as `==` would not tell 4
        // from 4.0) stands among the entries: found by hashing, so that a table of
        // many outcomes is made in time linear in its size.
        let mut seen: HashMap<Option<[u8; 16]>, u16> = HashMap::new();
        for combination in 0..size as u64 {
            let mut rest = combination;
            for (digit, key) in digits.iter_mut().zip(&keys).rev() {
                *digit = rest % key.radix;
                rest /= key.radix;
            }
            for (&digit, key) in digits.iter().zip(&keys) {
                if !matches!(key.kind, KeyKind::Member(_)) {
                    let value = key.kind.value(digit)?;
                    facts[key.slot] = Some(Fact { value, span: None });
                }
            }
            for (slot, list) in &tallies {
                // Each member read at its digit, the others at 0.
                let counts = MemberCounts::new(list, |_, name| {
                    digits
                        .iter()
                        .zip(&keys)
                        .find(|(_, key)| {
                            key.slot == *slot && matches!(key.kind, KeyKind::Member(m) if m == name)
                        })
                        .map_or(0, |(&digit, _)| digit)
                });
                facts[*slot] = Some(Fact {
                    value: Value::Tally(counts),
                    span: None,
                });
            }
            // The values made for the combination give its digits back, as a unit's
            // would: else the table is not made.
            let read_back = digits.iter().zip(&keys).all(|(&digit, key)| {
                value_at(key.slot, &facts).and_then(|v| key.kind.digit(v, key.radix)) == Some(digit)
            });
            if !read_back {
                return None;
            }
            index.push(match plan.outcome(rubric, &facts, &mut NoTrace) {
                Ok(outcome) => match seen.entry(outcome.map(|d| d.serialize())) {
                    hash_map::Entry::Occupied(at) => *at.get(),
                    hash_map::Entry::Vacant(vacant) => {
                        let at = u16::try_from(entries.len()).ok()?;
                        entries.push(Entry {
                            outcome,
                            units: Units::of(outcome),
                        });
                        *vacant.insert(at)
                    }
                },
                Err(_) => REFUSED,
            });
        }
        Some(Table {
            keys,
            index,
            entries,
        })
    }

    /// The keys of a slot the item reads (with whether their radix is a count's, to
    /// be cut down with the others), and for a tally its list, to make its values
    /// from the digits of its members. `None` when the fact is not the item's own, or
    /// of a type, or read in a way, no key tells apart: a set read by a condition,
    /// say, or a percent compared with another fact.
    fn keys(
        plan: &ItemPlan<'r>,
        slot: usize,
        keys: &mut Vec<(Key<'r>, bool)>,
        tallies: &mut Vec<(usize, Members)>,
    ) -> Option<()> {
        let decl = plan
            .item
            .facts
            .iter()
            .find(|f| f.slot.get() == Some(slot))?;
        let key = |radix, kind| Key { slot, radix, kind };
        match &decl.ty.node {
            FactType::Bool => keys.push((key(2, KeyKind::Bool), false)),
            FactType::Count { max } => keys.push((
                key(
                    max.as_ref().map_or(u64::MAX, |m| m.node.saturating_add(1)),
                    KeyKind::Count,
                ),
                true,
            )),
            FactType::Date => {
                keys.push((key(3, KeyKind::Deadline(plan.deadline_only(slot)?)), false))
            }
            FactType::Set(list) => {
                if list.len() > 64 || !distinct_names(list) {
                    return None;
                }
                // The members each read counts: all must count the same.
                let mut mask = None;
                for read in plan.reads(slot) {
                    let counted = match read {
                        Read::Per {
                            member: None,
                            except,
                        } => list
                            .iter()
                            .enumerate()
                            .filter(|(_, m)| {
                                !except.iter().any(|e| same_name(&e.node, &m.name.node))
                            })
                            .fold(0u64, |mask, (i, _)| mask | 1 << i),
                        Read::Missing(Some((missing_list, looked_for)))
                            if std::sync::Arc::ptr_eq(missing_list, list) =>
                        {
                            *looked_for
                        }
                        _ => return None,
                    };
                    if mask.is_some_and(|m| m != counted) {
                        return None;
                    }
                    mask = Some(counted);
                }
                let mask = mask?;
                keys.push((
                    key(
                        u64::from(mask.count_ones()) + 1,
                        KeyKind::Set {
                            list: list.clone(),
                            mask,
                        },
                    ),
                    false,
                ));
            }
            FactType::Tally(list) => {
                if !distinct_names(list) {
                    return None;
                }
                let mut members: Vec<&'r str> = Vec::new();
                for read in plan.reads(slot) {
                    let member = match read {
                        Read::Compared {
                            member: Some(m), ..
                        }
                        | Read::Per {
                            member: Some(m), ..
                        } => m,
                        _ => return None,
                    };
                    if !list.iter().any(|m| m.name.node == member) {
                        return None;
                    }
                    if !members.contains(&member) {
                        members.push(member);
                    }
                }
                if members.is_empty() {
                    return None;
                }
                for member in members {
                    keys.push((key(u64::MAX, KeyKind::Member(member)), true));
                }
                tallies.push((slot, list.clone()));
            }
            FactType::Percent => {
                let mut literals = Vec::new();
                for read in plan.reads(slot) {
                    match read {
                        Read::Compared {
                            member: None,
                            other: Side::Literal(Quick::Percent(p)),
                        } => literals.push(*p),
                        _ => return None,
                    }
                }
                if literals.is_empty() {
                    return None;
                }
                literals.sort_unstable();
                literals.dedup();
                let radix = 2 * u64::try_from(literals.len()).ok()? + 1;
                let units = literals.iter().map(|l| to_units(*l)).collect();
                keys.push((
                    key(
                        radix,
                        KeyKind::Percent {
                            literals: literals.into(),
                            units,
                        },
                    ),
                    false,
                ));
            }
            _ => return None,
        }
        Some(())
    }
}

impl<'r> Test<'r> {
    /// Every read of a slot by the condition.
    fn reads<'a>(&'a self, slot: usize, out: &mut Vec<Read<'a, 'r>>) {
        match self {
            Test::Bool(s) if *s == slot => out.push(Read::Whole),
            Test::Fact { slot: s, .. } if *s == slot => out.push(Read::Member),
            Test::Bool(_) | Test::Fact { .. } => {}
            Test::Not(inner) => inner.reads(slot, out),
            Test::And(parts) | Test::Or(parts) => parts.iter().for_each(|p| p.reads(slot, out)),
            Test::Compare { left, right, .. } => {
                for (side, other) in [(left, right), (right, left)] {
                    match side {
                        Side::Fact { slot: s, member } if *s == slot => {
                            out.push(Read::Compared {
                                member: *member,
                                other,
                            });
                        }
                        Side::Periods { slot: s, .. } if *s == slot => out.push(Read::Periods),
                        _ => {}
                    }
                }
            }
        }
    }

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
    use crate::eval::evaluate;

    fn decimal(s: &str) -> Decimal {
        s.parse().expect("a decimal")
    }

    /// A checked rubric of a rule text.
    fn rubric(text: &str) -> Rubric {
        let checked = crate::check::compile(&crate::source::SourceFile::new("t.rule", text));
        let messages: Vec<&str> = checked
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        checked
            .rubric
            .unwrap_or_else(|| panic!("the rubric does not compile: {messages:?}"))
    }

    /// A unit of a TOML evidence text.
    fn unit(rubric: &Rubric, evidence: &str) -> Unit {
        let source = crate::source::SourceFile::new("unit.toml", evidence);
        let node = crate::evidence::read(&source, crate::evidence::Format::Toml).expect("TOML");
        crate::evidence::validate(rubric, &source, &node).expect("valid evidence")
    }

    #[test]
    fn units_are_the_decimals_exactly_and_normalise_as_they_do() {
        let bits = |d: Decimal| d.serialize();
        for s in [
            "0",
            "0.00",
            "-0",
            "-0.000",
            "0.5",
            "0.50",
            "1",
            "1.000000000",
            "-2.5",
            "12.375",
            "100",
            "-100.10",
            "0.000000001",
            "-0.000000001",
            "9223372036.854775807",
            "-9223372036.854775808",
        ] {
            let units = to_units(decimal(s)).expect("fits");
            assert_eq!(bits(from_units(units)), bits(decimal(s).normalize()), "{s}");
        }
        assert_eq!(to_units(decimal("-0.50")), Some(-500_000_000));
        // More than nine decimals (even zeros), or too large: no units.
        assert_eq!(to_units(decimal("0.0000000001")), None);
        assert_eq!(to_units(decimal("1.0000000000")), None);
        assert_eq!(to_units(decimal("9223372036.854775808")), None);
        assert_eq!(to_units(decimal("10000000000")), None);
        // Sums in units, normalised once, are the decimal sums normalised.
        for terms in [
            &["0.50", "0.5"][..],
            &["1.25", "-1.25"],
            &["-0.5", "-0.25", "0.750"],
            &["3", "-3.00", "0.1"],
            &["0.1", "0.2", "0.30"],
            &["-0", "0.000"],
            &["2.000", "-12.5", "0.125"],
        ] {
            let mut sum = Decimal::ZERO;
            let mut units = 0i64;
            for t in terms {
                sum += decimal(t);
                units += to_units(decimal(t)).expect("fits");
            }
            assert_eq!(bits(from_units(units)), bits(sum.normalize()), "{terms:?}");
        }
    }

    /// A rubric of nested, bonus and penalty sections whose scores have decimals of
    /// several scales, one item that can be left out and one whose score can have
    /// more than nine decimals.
    const SECTIONS: &str = "rubric 表\ntotal 10\nsection 甲 6 {\n  item 乙 4 {\n    fact 比 percent \"比\"\n    fact 次 count \"次\"\n    if 比 < 50% -12.5% of points\n    per 次 -0.50 floor 0\n  }\n  section 丙 2 {\n    item 丁 2 {\n      fact 否 bool \"否\"\n      fact 微 bool \"微\"\n      applicable unless 否\n      if 微 -0.0000000001\n      if not 微 -2.00 floor 0\n    }\n  }\n}\nsection 戊 4 {\n  item 己 4 {\n    fact 数 count \"数\"\n    per 数 -1.5 floor 0\n  }\n}\nbonus 加 2 {\n  item 庚 2 {\n    fact 数 count \"数\"\n    per 数 +0.75 max 2\n  }\n}\npenalty 减 3 {\n  item 辛 3 {\n    fact 数 count \"数\"\n    per 数 -1.25 max 3\n  }\n  item 壬 3 {\n    fact 数 count \"数\"\n    per 数 -2 max 3\n  }\n}\n";

    fn sections_unit(r: &Rubric, per: u64, bonus: u64, penalty: u64, no: bool, tiny: bool) -> Unit {
        unit(
            r,
            &format!(
                "unit = \"单位\"\n[\"乙\"]\n\"比\" = 40\n\"次\" = {per}\n[\"丁\"]\n\"否\" = {no}\n\"微\" = {tiny}\n[\"己\"]\n\"数\" = {per}\n[\"庚\"]\n\"数\" = {bonus}\n[\"辛\"]\n\"数\" = {penalty}\n[\"壬\"]\n\"数\" = {penalty}\n"
            ),
        )
    }

    #[test]
    fn sections_add_up_in_units_as_in_decimals() {
        let r = rubric(SECTIONS);
        let bits = |d: Decimal| d.serialize();
        for tables in [true, false] {
            let scorer = Scorer::compile(&r, tables);
            assert!(scorer.all_points_units.is_some());
            for (per, bonus, penalty, no, tiny) in [
                (0, 0, 0, false, false),
                (1, 1, 1, false, false),
                (2, 3, 2, true, false),
                (5, 2, 3, false, false),
                (3, 4, 1, false, true),
                (1, 0, 3, true, true),
            ] {
                let u = sections_unit(&r, per, bonus, penalty, no, tiny);
                let case = format!("{per} {bonus} {penalty} {no} {tiny} {tables}");
                for part in &scorer.parts {
                    let Part::Section(s) = part else {
                        panic!("only sections")
                    };
                    let in_decimals = scorer
                        .section_in_decimals(s, &u, &mut NoTrace)
                        .expect("scores");
                    let in_units = scorer.section_in_units(s, &u).expect("scores");
                    // Only the section holding the score of ten decimals is added up
                    // in decimals, and its sum then has no units.
                    let misfit = tiny && !no && s.points == Decimal::from(6);
                    assert_eq!(in_units.is_none(), misfit, "{case}");
                    assert_eq!(in_decimals.units.is_none(), misfit, "{case}");
                    if let Some(in_units) = in_units {
                        assert_eq!(bits(in_units.score), bits(in_decimals.score), "{case}");
                        assert_eq!(
                            bits(in_units.applicable),
                            bits(in_decimals.applicable),
                            "{case}"
                        );
                        assert_eq!(in_units.units, in_decimals.units, "{case}");
                    }
                }
                // The summary is the sheet's, to the scale of every decimal.
                let compiled = scorer.summarise(&u).expect("scores");
                let expected = Summary::of(&r, &evaluate(&r, &u).expect("scores"));
                assert_eq!(format!("{compiled:?}"), format!("{expected:?}"), "{case}");
                assert_eq!(bits(compiled.score), bits(expected.score), "{case}");
                assert_eq!(bits(compiled.earned), bits(expected.earned), "{case}");
                assert_eq!(
                    bits(compiled.applicable_points),
                    bits(expected.applicable_points),
                    "{case}"
                );
            }
        }
        // By hand: 2 per count on 己 is 4 − 3 = 1; 乙 4 − 0.5 (40% < 50%) − 1 = 2.5;
        // 丁 2 − 2.00 = 0.00; a bonus of 3 × 0.75 = 2.25 kept at 2; a penalty of
        // 2 × −1.25 − 2 × 2 = −6.5 kept at −3: 2.5 + 0 + 1 + 2 − 3 = 2.5.
        let u = sections_unit(&r, 2, 3, 2, false, false);
        let summary = Scorer::new(&r).summarise(&u).expect("scores");
        assert_eq!(summary.score.to_string(), "2.5");
        assert_eq!(
            summary.top[0].score.map(|s| s.to_string()),
            Some("2.5".to_string())
        );
        assert_eq!(
            summary.top[2].score.map(|s| s.to_string()),
            Some("2".to_string())
        );
        assert_eq!(
            summary.top[3].score.map(|s| s.to_string()),
            Some("-3".to_string())
        );
    }

    /// The one item of a rubric of one section, compiled with its table.
    fn with_table<'r>(r: &'r Rubric) -> ItemPlan<'r> {
        let item = crate::check::ast_items(&r.nodes)[0];
        ItemPlan::compile(
            item,
            SectionKind::Regular,
            Compiler {
                rubric: r,
                tables: true,
            },
        )
    }

    /// Checks that an item's table, on each of these facts, gives what scoring it
    /// gives, to the last bit; and that it holds how many of them it is said to.
    fn table_agrees(r: &Rubric, plan: &ItemPlan<'_>, all: &[Vec<Option<Fact>>], held: usize) {
        let table = plan.table.as_ref().expect("a table");
        let mut found = 0;
        for facts in all {
            let scored = plan.outcome(r, facts, &mut NoTrace).ok();
            if let Some(entry) = table.lookup(facts) {
                found += 1;
                assert_eq!(
                    entry.outcome.map(|d| d.serialize()),
                    scored.expect("scores").map(|d| d.serialize()),
                    "{facts:?}"
                );
                assert_eq!(entry.units, Units::of(entry.outcome));
            }
        }
        assert_eq!(found, held);
    }

    /// The list of members of the set or tally declared at a slot.
    fn list_at(plan: &ItemPlan<'_>, slot: usize) -> Members {
        let decl = plan
            .item
            .facts
            .iter()
            .find(|f| f.slot.get() == Some(slot))
            .expect("declared");
        match &decl.ty.node {
            FactType::Set(list) | FactType::Tally(list) => list.clone(),
            _ => panic!("a set or tally"),
        }
    }

    fn fact(value: Value) -> Option<Fact> {
        Some(Fact { value, span: None })
    }

    #[test]
    fn tables_of_sets_count_the_members_the_clauses_count() {
        let r = rubric("rubric 表\ntotal 4\nsection 甲 4 {\n  item 乙 4 {\n    fact 要素 set {甲, 乙, 丙, 丁, 戊} \"要素\"\n    fact 逾期 count \"逾期\"\n    per 要素 except 丁 -1 floor 0\n    missing 要素 except 丁 -1.5 floor 1\n    if 逾期 >= 1 -2 floor 0\n  }\n}\n");
        let plan = with_table(&r);
        let table = plan.table.as_ref().expect("a table");
        // Four members counted (0 to 4 present) times 16 counts.
        assert_eq!(table.index.len(), 5 * 16);
        let slot = |name: &str| {
            plan.item
                .facts
                .iter()
                .find(|f| f.name.node == name)
                .and_then(|f| f.slot.get())
                .expect("a slot")
        };
        let (set, count) = (slot("要素"), slot("逾期"));
        let list = list_at(&plan, set);
        let mut all = Vec::new();
        for mask in 0..32u64 {
            for n in [0, 1, 2, 15, 16] {
                let mut facts: Vec<Option<Fact>> = vec![None, None, None];
                facts[set] = fact(Value::Set(
                    MemberSet::from_mask(&list, mask).expect("a set"),
                ));
                facts[count] = fact(Value::Count(n));
                all.push(facts);
            }
        }
        // Every set of the list with a count below 16 is held.
        table_agrees(&r, &plan, &all, 32 * 4);
        // A set of the same names but another list is scored the long way.
        let mut other = vec![None, None, None];
        other[set] = fact(Value::Set(MemberSet::of_names(&[
            "甲", "乙", "丙", "丁", "戊",
        ])));
        other[count] = fact(Value::Count(0));
        assert!(table.lookup(&other).is_none());
        // A set a condition reads member by member has no table.
        let r = rubric("rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact 要素 set {甲, 乙} \"要素\"\n    per 要素 -1\n    if 要素[甲] -2\n  }\n}\n");
        assert!(with_table(&r).table.is_none());
        // Nor one two clauses count differently.
        let r = rubric("rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact 要素 set {甲, 乙, 丙} \"要素\"\n    per 要素 except 甲 -1\n    missing 要素 -2 floor 0\n  }\n}\n");
        assert!(with_table(&r).table.is_none());
    }

    #[test]
    fn tables_of_tallies_and_percents_tell_apart_what_the_clauses_do() {
        let r = rubric("rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact 通报 tally {国办, 省府办, 市府办} \"通报\"\n    fact 比 percent \"比\"\n    if 通报[国办] >= 1 -6\n    per 通报[省府办] -3 floor 0\n    per 通报[市府办] -0.5 floor 0\n    if 比 < 4% or 比 >= 12.5% -2 floor 0\n    if 比 = 7% -1 floor 0\n  }\n}\n");
        let plan = with_table(&r);
        let table = plan.table.as_ref().expect("a table");
        // Three members' counts, cut to 0 to 3 (16 × 16 × 16 × 7 and 8 × 8 × 8 × 7 are
        // more than 1024 combinations), and 7 places among the three literals.
        assert_eq!(table.index.len(), 4 * 4 * 4 * 7);
        let (tally, percent) = (0, 1);
        assert!(plan.item.facts[0].slot.get() == Some(tally));
        let list = list_at(&plan, tally);
        let mut all = Vec::new();
        for p in [
            "0", "3.9", "4", "4.00", "5", "7", "7.0", "9.99", "12.5", "12.50", "13", "-1",
        ] {
            for counts in [
                [0, 0, 0],
                [1, 2, 3],
                [3, 3, 3],
                [0, 4, 0],
                [2, 0, 7],
                [9, 9, 9],
            ] {
                let mut facts = vec![None, None];
                facts[tally] = fact(Value::Tally(
                    MemberCounts::from_counts(&list, counts.to_vec()).expect("counts"),
                ));
                facts[percent] = fact(Value::Percent(decimal(p)));
                all.push(facts);
            }
        }
        // All but the counts of 4 and more.
        table_agrees(&r, &plan, &all, 12 * 3);
        // A tally of other names reads 0 for the members it lacks, as scoring does.
        let mut other = all[0].clone();
        other[tally] = fact(Value::Tally(MemberCounts::of_counts(&[
            ("市府办", 1),
            ("外", 9),
        ])));
        table_agrees(&r, &plan, &[other], 1);
        // The places: below, at and above each literal.
        let literals = [decimal("4"), decimal("7"), decimal("12.5")];
        let place = |p: &str| percent_digit(&literals, &decimal(p));
        assert_eq!(
            ["3", "4.0", "5", "7", "8", "12.50", "99"].map(place),
            [0, 1, 2, 3, 4, 5, 6]
        );
        // A percent compared with another fact, or a tally read as a whole, has none.
        let r = rubric("rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact 比 percent \"比\"\n    fact 限 percent \"限\"\n    if 比 < 限 -2\n  }\n}\n");
        assert!(with_table(&r).table.is_none());
        let r = rubric("rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact 通报 tally {国办, 省府办} \"通报\"\n    per 通报 -1 floor 0\n  }\n}\n");
        assert!(with_table(&r).table.is_none());
    }

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
        assert_eq!(plan.table.as_ref().map(|t| t.index.len()), Some(32));
    }
}
