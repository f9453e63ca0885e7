//! The outcome tables of items: a memo of an item's outcomes for every combination
//! of the few values its facts are told apart by, filled when the scorer is built by
//! the one interpreter (with no trace), so that most items of a unit are one look-up.

use std::cmp::Ordering;
use std::collections::hash_map::{self, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::interp::*;
use super::plan::*;
use super::units::*;
use crate::check::Rubric;
use crate::evidence::condition::value_at;
use crate::evidence::{Fact, Facts, MemberCounts, MemberSet, Value};
use crate::model::{FactType, Literal, MemberId, Members, Operand};

/// An item's outcomes worked out in advance, when what the item reads of its facts
/// takes few values ([`KeyKind`]), for every combination of them (counts below a
/// small bound): so a unit whose values are among them is scored by one look-up.
/// Each outcome is what [`ItemPlan::outcome`] gives on values of that combination,
/// worked out by it, so the same decimal to the last digit; a unit with a larger
/// count, or a value of another kind, is scored the long way.
pub(super) struct Table {
    /// What the item reads of its facts, each once, the first the most significant
    /// digit of the index.
    pub(super) keys: Vec<Key>,
    /// Where in `entries` the outcome of each combination is; [`REFUSED`] where
    /// scoring refuses the item, which is then scored the long way to word the
    /// diagnostic.
    pub(super) index: Vec<u16>,
    /// The outcomes of the combinations, each once.
    pub(super) entries: Vec<Entry>,
}

/// The index of a combination whose item scoring refuses.
pub(super) const REFUSED: u16 = u16::MAX;

/// An outcome of an item's table.
#[derive(Clone, Copy)]
pub(super) struct Entry {
    /// The item's score; `None` when it is not applicable.
    pub(super) outcome: Option<Decimal>,
    /// The same as a section adds it up in units.
    pub(super) units: Units,
}

/// A fact an item's table is indexed by (or, for a tally, one member of it).
pub(super) struct Key {
    pub(super) slot: usize,
    /// How many of its digits the table holds: 2 for a bool, counts below this for a
    /// count or a tally's member, 3 for a date, one more than the members counted for
    /// a set, one more than twice the literals for a percent.
    pub(super) radix: u64,
    pub(super) kind: KeyKind,
}

/// What kind of fact a table is indexed by, and how the values its item tells apart
/// are told apart.
pub(super) enum KeyKind {
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
    /// The count of the member at this place in a tally that conditions and `per`
    /// clauses read member by member only (each member a key of its own): the count,
    /// below the radix.
    Member(MemberId),
    /// A percent compared with these percent literals only (in increasing order,
    /// each value once): twice how many of them are below it, and one more when it
    /// equals one of them, which is all the comparisons tell apart. The literals are
    /// also kept in units, when they all fit.
    Percent {
        literals: Box<[Decimal]>,
        units: Option<Box<[i64]>>,
    },
}

impl KeyKind {
    /// The digit of a unit's value; `None` for a value the table does not hold. The
    /// commonest keys are read here, the others in [`KeyKind::other_digit`].
    #[inline(always)]
    pub(super) fn digit(&self, value: &Value, radix: u64) -> Option<u64> {
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
    pub(super) fn other_digit(&self, value: &Value, radix: u64) -> Option<u64> {
        match (self, value) {
            (KeyKind::Set { list, mask }, Value::Set(set)) => {
                Some(u64::from((set.word_of(list)? & mask).count_ones()))
            }
            (KeyKind::Member(member), Value::Tally(tally)) => {
                // As a condition and a `per` read it: by its place.
                let n = tally.count(*member);
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
    pub(super) fn value(&self, digit: u64) -> Option<Value> {
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
pub(super) fn percent_digit<T: Ord>(literals: &[T], p: &T) -> u64 {
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
pub(super) const TABLE_MOST: usize = 1024;
/// The most counts a table holds for a count without a smaller `max`, and for a
/// tally's member: 0 to 15, fewer when the table would otherwise be too large.
pub(super) const TABLE_COUNTS: u64 = 16;

impl Table {
    /// The outcome the table holds for a unit's facts, if it holds it.
    #[inline]
    pub(super) fn lookup(&self, facts: &Facts) -> Option<&Entry> {
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
    pub(super) fn compile(plan: &ItemPlan<'_>, rubric: &Rubric) -> Option<Table> {
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
        let keys: Vec<Key> = keys
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
                let counts = MemberCounts::new(list, |i, _| {
                    digits
                        .iter()
                        .zip(&keys)
                        .find(|(_, key)| {
                            key.slot == *slot
                                && matches!(key.kind, KeyKind::Member(m) if m.index() == i)
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
    pub(super) fn keys(
        plan: &ItemPlan<'_>,
        slot: usize,
        keys: &mut Vec<(Key, bool)>,
        tallies: &mut Vec<(usize, Members)>,
    ) -> Option<()> {
        let decl = plan.item.facts.iter().find(|f| f.id.index() == slot)?;
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
                if list.len() > 64 {
                    return None;
                }
                // The members each read counts: all must count the same.
                let mut mask = None;
                for read in plan.reads(slot) {
                    let counted = match read {
                        Read::Per {
                            member: None,
                            except,
                        } => (0..list.len())
                            .filter(|&i| !except.contains(MemberId(i)))
                            .fold(0u64, |mask, i| mask | 1 << i),
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
                let mut members: Vec<MemberId> = Vec::new();
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
                    if member.index() >= list.len() {
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
            FactType::Percent { .. } => {
                let mut literals = Vec::new();
                for read in plan.reads(slot) {
                    match read {
                        Read::Compared {
                            member: None,
                            other: Operand::Literal(literal),
                        } => match literal.node {
                            Literal::Percent(p) => literals.push(p),
                            _ => return None,
                        },
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
