//! The values a fact can take, cut into finitely many classes.
//!
//! A condition compares each fact only with the constants its item writes (and with
//! other facts of its item). Between two neighbouring constants every value compares
//! alike with all of them, so one value of each class stands for the class; two are
//! kept where two facts may be compared with each other, so that `a < b`, `a = b` and
//! `a > b` all have a witness. The representatives of a domain are therefore few, and
//! trying each combination of them decides a condition exactly.

use std::cmp::Ordering;

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One value a fact (or a member of it, or a count of periods) may take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Val {
    Bool(bool),
    /// A count: of findings, of a tally's member, of periods.
    Int(u64),
    /// A discretionary score, or a number written in the rule file.
    Dec(Decimal),
    Pct(Decimal),
    /// A date, or none (the thing was never done).
    Date(Option<NaiveDate>),
}

impl Val {
    /// How two values compare, as a unit's facts compare in a condition: values of
    /// different kinds, and a date never given, compare with nothing.
    pub fn compare(self, other: Val) -> Option<Ordering> {
        match (self, other) {
            (Val::Bool(a), Val::Bool(b)) => Some(a.cmp(&b)),
            (Val::Int(a), Val::Int(b)) => Some(a.cmp(&b)),
            (Val::Int(a), Val::Dec(b)) => Some(Decimal::from(a).cmp(&b)),
            (Val::Dec(a), Val::Int(b)) => Some(a.cmp(&Decimal::from(b))),
            (Val::Dec(a), Val::Dec(b)) => Some(a.cmp(&b)),
            (Val::Pct(a), Val::Pct(b)) => Some(a.cmp(&b)),
            (Val::Date(Some(a)), Val::Date(Some(b))) => Some(a.cmp(&b)),
            _ => None,
        }
    }

    /// The value as the rule file writes it; a date never given as `absent`.
    pub fn write(self, absent: &str) -> String {
        match self {
            Val::Bool(b) => b.to_string(),
            Val::Int(n) => n.to_string(),
            Val::Dec(d) => d.normalize().to_string(),
            Val::Pct(p) => format!("{}%", p.normalize()),
            Val::Date(Some(d)) => d.to_string(),
            Val::Date(None) => absent.to_string(),
        }
    }
}

/// The values a fact may take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Domain {
    /// `true` or `false`: a bool, or whether a set holds a member.
    Bool,
    /// A whole number from 0 to `max` (or with no end).
    Count { max: Option<u64> },
    /// A decimal number from 0 to `max`: a discretionary score.
    Discretion { max: Decimal },
    /// A percentage from 0% to `max` (100%, or a `percent max`).
    Percent { max: Decimal },
    /// A date, or none.
    Date,
}

/// The constants an item compares with, by kind.
#[derive(Debug, Clone, Default)]
pub struct Constants {
    pub numbers: Vec<Decimal>,
    pub percents: Vec<Decimal>,
    pub dates: Vec<NaiveDate>,
}

impl Domain {
    /// One or two values of each class the constants cut the domain into, each value
    /// within the domain, in increasing order.
    pub fn representatives(self, constants: &Constants) -> Vec<Val> {
        match self {
            Domain::Bool => vec![Val::Bool(false), Val::Bool(true)],
            Domain::Count { max } => counts(max, &constants.numbers)
                .into_iter()
                .map(Val::Int)
                .collect(),
            Domain::Discretion { max } => between(Decimal::ZERO, max, &constants.numbers)
                .into_iter()
                .map(Val::Dec)
                .collect(),
            Domain::Percent { max } => between(Decimal::ZERO, max, &constants.percents)
                .into_iter()
                .map(Val::Pct)
                .collect(),
            Domain::Date => {
                let mut out: Vec<Option<NaiveDate>> = vec![None];
                let anchors: Vec<NaiveDate> = if constants.dates.is_empty() {
                    vec![NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()]
                } else {
                    constants.dates.clone()
                };
                for d in anchors {
                    for shift in -2i64..=2 {
                        if let Some(day) = d.checked_add_signed(chrono::Duration::days(shift)) {
                            out.push(Some(day));
                        }
                    }
                }
                out.sort();
                out.dedup();
                out.into_iter().map(Val::Date).collect()
            }
        }
    }
}

/// Whole numbers from 0 to `max`: the two smallest of each class (below the first
/// constant, at each whole constant, between two constants, above the last) and the
/// largest.
fn counts(max: Option<u64>, numbers: &[Decimal]) -> Vec<u64> {
    use rust_decimal::prelude::ToPrimitive;
    let mut out = vec![0u64, 1];
    for c in numbers {
        if *c < Decimal::ZERO {
            continue;
        }
        // Counts beyond what any unit can hold compare alike with smaller constants.
        let Some(floor) = c.floor().to_u64() else {
            continue;
        };
        out.extend([floor, floor.saturating_add(1), floor.saturating_add(2)]);
    }
    if let Some(max) = max {
        out.push(max);
        out.push(max.saturating_sub(1));
        out.retain(|n| *n <= max);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Decimals from `low` to `high`: the ends, each constant between them, and for each
/// gap between two of these a quarter and a half of the way across.
fn between(low: Decimal, high: Decimal, constants: &[Decimal]) -> Vec<Decimal> {
    let mut points: Vec<Decimal> = vec![low, high];
    points.extend(
        constants
            .iter()
            .copied()
            .filter(|c| *c >= low && *c <= high),
    );
    points.sort_unstable();
    points.dedup();
    let mut out = points.clone();
    for pair in points.windows(2) {
        let gap = pair[1] - pair[0];
        out.push(pair[0] + gap / Decimal::from(4));
        out.push(pair[0] + gap / Decimal::TWO);
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_a_value_in_each_class_and_stay_within_max() {
        let c = Constants {
            numbers: vec![Decimal::from(10), Decimal::new(25, 1)],
            ..Constants::default()
        };
        let values = counts(Some(11), &c.numbers);
        assert_eq!(values, vec![0, 1, 2, 3, 4, 10, 11]);
        assert_eq!(counts(None, &[Decimal::from(-1)]), vec![0, 1]);
    }

    #[test]
    fn decimals_are_cut_at_each_constant() {
        let values = between(Decimal::ZERO, Decimal::from(100), &[Decimal::from(4)]);
        assert_eq!(
            values,
            vec![
                Decimal::ZERO,
                Decimal::ONE,
                Decimal::TWO,
                Decimal::from(4),
                Decimal::from(28),
                Decimal::from(52),
                Decimal::from(100)
            ]
        );
    }
}
