//! The ranking's numbers for every unit scored, kept compactly as units are scored.
//!
//! A [`Summary`] costs some 650 bytes: its own name, its numbers as 16-byte decimals,
//! and a list of top-level sections and items that repeats, for every unit, each one's
//! kind and points from the rubric. A ranking of a million units does not need that:
//! the store keeps the names one after the other in one text, the numbers that vary
//! by unit in columns of packed exact decimals ([`Decimals`]), the kinds and points of
//! the top-level sections and items once, and a bit per unit for a prorated total and
//! a bit per top-level item that is not applicable. A section's applicable points are
//! kept only where they differ from its points (it has an item that is not
//! applicable). Every number comes back exactly as the summary gave it.

use rust_decimal::Decimal;

use super::decimals::Decimals;
use super::ranks;
use crate::eval::{Summary, Top};
use crate::model::SectionKind;

/// The summaries of the units scored, in the order they were read. A unit is named
/// by its place in that order, below [`RankingStore::len`], as a slice's index; past
/// the end, as a slice, the store panics.
#[derive(Debug, Clone, Default)]
pub struct RankingStore {
    /// Each top-level section's or item's kind and points, taken from the first
    /// summary: they come from the rubric and are the same for every unit.
    tops: Vec<(Option<SectionKind>, Decimal)>,
    /// The units' names, one after the other.
    names: String,
    /// Where each unit's name ends in `names`, less a multiple of 2³²: `wraps` holds
    /// the units at which that multiple grows, once per step.
    ends: Vec<u32>,
    wraps: Vec<usize>,
    scores: Decimals,
    earned: Decimals,
    applicable_points: Decimals,
    /// Each unit's top-level scores, `tops.len()` of them a unit; zero for an item
    /// that is not applicable.
    top_scores: Decimals,
    /// Per unit, `1 + tops.len()` bits: whether its total is prorated, then whether
    /// each top-level item is not applicable.
    bits: Vec<u64>,
    /// The top-level applicable points that are not the default (a section's points,
    /// an item's points or zero as it is applicable or not), by their place in
    /// `top_scores`, in increasing order.
    odd_applicable_at: Vec<u64>,
    odd_applicable: Decimals,
}

impl RankingStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a unit's summary after those already kept.
    pub fn push(&mut self, summary: &Summary) {
        if self.ends.is_empty() {
            self.tops = summary.top.iter().map(|t| (t.kind, t.points)).collect();
        }
        debug_assert!(
            summary.top.len() == self.tops.len()
                && summary
                    .top
                    .iter()
                    .zip(&self.tops)
                    .all(|(t, k)| (t.kind, t.points) == *k),
            "every summary has the rubric's top-level sections and items"
        );
        let unit = self.ends.len();
        let before = self.names.len() as u64;
        self.names.push_str(&summary.unit);
        let after = self.names.len() as u64;
        for _ in (before >> 32)..(after >> 32) {
            self.wraps.push(unit);
        }
        self.ends.push(after as u32);
        self.scores.push(summary.score);
        self.earned.push(summary.earned);
        self.applicable_points.push(summary.applicable_points);
        let width = self.bits_per_unit();
        self.set_bit(unit * width, summary.prorated);
        for t in 0..self.tops.len() {
            let top = summary.top.get(t);
            let score = top.and_then(|top| top.score);
            self.set_bit(unit * width + 1 + t, score.is_none());
            self.top_scores.push(score.unwrap_or_default());
            let default = default_applicable(self.tops[t], score);
            if let Some(top) = top.filter(|top| top.applicable_points != default) {
                self.odd_applicable_at
                    .push((unit * self.tops.len() + t) as u64);
                self.odd_applicable.push(top.applicable_points);
            }
        }
    }

    /// Forgets every unit, keeping the memory it took for the next.
    pub fn clear(&mut self) {
        self.names.clear();
        self.ends.clear();
        self.wraps.clear();
        self.scores.clear();
        self.earned.clear();
        self.applicable_points.clear();
        self.top_scores.clear();
        self.bits.clear();
        self.odd_applicable_at.clear();
        self.odd_applicable.clear();
    }

    /// The number of units kept.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The number of top-level sections and items of each unit.
    pub fn tops(&self) -> usize {
        self.tops.len()
    }

    /// The `t`-th top-level section's kind (`None` for an item) and its points.
    pub fn top(&self, t: usize) -> (Option<SectionKind>, Decimal) {
        self.tops[t]
    }

    /// The `i`-th unit's name.
    pub fn unit(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            name_end(&self.ends, &self.wraps, i - 1)
        };
        &self.names[start..name_end(&self.ends, &self.wraps, i)]
    }

    /// The `i`-th unit's total.
    pub fn score(&self, i: usize) -> Decimal {
        self.scores.get(i)
    }

    /// The points the `i`-th unit earned on the applicable items (what a prorated
    /// total was worked out from).
    pub fn earned(&self, i: usize) -> Decimal {
        self.earned.get(i)
    }

    /// The points of the `i`-th unit's applicable items.
    pub fn applicable_points(&self, i: usize) -> Decimal {
        self.applicable_points.get(i)
    }

    /// Whether the `i`-th unit's total was prorated.
    pub fn prorated(&self, i: usize) -> bool {
        self.bit(i * self.bits_per_unit())
    }

    /// The `i`-th unit's score in its `t`-th top-level section or item; `None` for an
    /// item that is not applicable.
    pub fn top_score(&self, i: usize, t: usize) -> Option<Decimal> {
        if self.bit(i * self.bits_per_unit() + 1 + t) {
            None
        } else {
            Some(self.top_scores.get(i * self.tops.len() + t))
        }
    }

    /// The points of the applicable items of the `i`-th unit's `t`-th top-level
    /// section or item.
    pub fn top_applicable_points(&self, i: usize, t: usize) -> Decimal {
        let at = (i * self.tops.len() + t) as u64;
        match self.odd_applicable_at.binary_search(&at) {
            Ok(k) => self.odd_applicable.get(k),
            Err(_) => default_applicable(self.tops[t], self.top_score(i, t)),
        }
    }

    /// The `i`-th unit's summary, as it was pushed.
    pub fn summary(&self, i: usize) -> Summary {
        Summary {
            unit: self.unit(i).to_string(),
            score: self.score(i),
            earned: self.earned(i),
            applicable_points: self.applicable_points(i),
            prorated: self.prorated(i),
            top: (0..self.tops.len())
                .map(|t| Top {
                    kind: self.tops[t].0,
                    points: self.tops[t].1,
                    score: self.top_score(i, t),
                    applicable_points: self.top_applicable_points(i, t),
                })
                .collect(),
        }
    }

    /// Each unit's rank and place in the store, best first: as [`ranks`] gives them
    /// for the totals, equal totals sharing a rank and keeping the order they were
    /// read in. The order takes four bytes a unit.
    pub fn ranked(&self) -> Box<dyn Iterator<Item = (usize, usize)> + '_> {
        let Ok(len) = u32::try_from(self.len()) else {
            let scores: Vec<Decimal> = (0..self.len()).map(|i| self.score(i)).collect();
            return Box::new(ranks(&scores).into_iter());
        };
        let mut order: Vec<u32> = (0..len).collect();
        // A stable sort, as in `ranks`: equal totals keep the order they were read in.
        order.sort_by_key(|&i| std::cmp::Reverse(self.score(i as usize)));
        let mut previous: Option<(usize, Decimal)> = None;
        Box::new(order.into_iter().enumerate().map(move |(pos, i)| {
            let i = i as usize;
            let score = self.score(i);
            let rank = match previous {
                Some((rank, prev)) if prev == score => rank,
                _ => pos + 1,
            };
            previous = Some((rank, score));
            (rank, i)
        }))
    }

    fn bits_per_unit(&self) -> usize {
        1 + self.tops.len()
    }

    fn set_bit(&mut self, at: usize, value: bool) {
        let (word, bit) = (at / 64, at % 64);
        if self.bits.len() <= word {
            self.bits.resize(word + 1, 0);
        }
        if value {
            self.bits[word] |= 1 << bit;
        }
    }

    fn bit(&self, at: usize) -> bool {
        self.bits
            .get(at / 64)
            .is_some_and(|word| word & (1 << (at % 64)) != 0)
    }
}

/// Where the `i`-th name ends: its end less a multiple of 2³² (`ends`), and that
/// multiple, the number of steps in `wraps` at or before it.
fn name_end(ends: &[u32], wraps: &[usize], i: usize) -> usize {
    let high = wraps.partition_point(|&w| w <= i) as u64;
    ((high << 32) | u64::from(ends[i])) as usize
}

/// A top-level section's or item's applicable points when nothing says otherwise: a
/// section's points, an applicable item's points, and zero for an item that is not.
fn default_applicable(
    (kind, points): (Option<SectionKind>, Decimal),
    score: Option<Decimal>,
) -> Decimal {
    match (kind, score) {
        (None, None) => Decimal::ZERO,
        _ => points,
    }
}

impl Extend<Summary> for RankingStore {
    fn extend<I: IntoIterator<Item = Summary>>(&mut self, summaries: I) {
        for s in summaries {
            self.push(&s);
        }
    }
}

impl<'a> Extend<&'a Summary> for RankingStore {
    fn extend<I: IntoIterator<Item = &'a Summary>>(&mut self, summaries: I) {
        for s in summaries {
            self.push(s);
        }
    }
}

impl FromIterator<Summary> for RankingStore {
    fn from_iter<I: IntoIterator<Item = Summary>>(summaries: I) -> Self {
        let mut store = Self::new();
        store.extend(summaries);
        store
    }
}

impl<'a> FromIterator<&'a Summary> for RankingStore {
    fn from_iter<I: IntoIterator<Item = &'a Summary>>(summaries: I) -> Self {
        let mut store = Self::new();
        store.extend(summaries);
        store
    }
}

#[cfg(all(test, target_pointer_width = "64"))]
mod tests {
    use super::name_end;

    /// Names past the first 4 GiB of the text end where they do: a step of 2³² at the
    /// unit whose name crosses it, two for a name longer than 4 GiB.
    #[test]
    fn names_past_four_gibibytes_end_where_they_do() {
        let ends = [10, 5, 7, 3];
        let wraps = [1, 3, 3];
        let ends: Vec<usize> = (0..4).map(|i| name_end(&ends, &wraps, i)).collect();
        assert_eq!(ends, [10, (1 << 32) + 5, (1 << 32) + 7, (3 << 32) + 3]);
    }
}
