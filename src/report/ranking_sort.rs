//! The ranking of any number of units in bounded memory: units kept compactly in a
//! [`RankingStore`] up to a budget, and beyond it written, best first, to sorted runs
//! in temporary files that are merged as the ranking is written ([`crate::spill`]).
//!
//! The order is the one [`super::ranks`] gives: the highest total first, equal totals
//! sharing a rank and keeping the order they were read in. The runs are sorted by
//! total and then by the place a unit was read at, so merging them gives exactly
//! that order, whatever the budget.

use std::cmp::{Ordering, Reverse};
use std::io::{self, BufRead, Write};

use rust_decimal::Decimal;

use super::ranking_store::RankingStore;
use crate::eval::Summary;
use crate::spill::{read_exact_or_end, Record, Runs};

/// The units a ranking keeps in memory before it writes them to a temporary file: some
/// 7 MB of numbers for the 2020 county table.
pub const DEFAULT_BUDGET: usize = 1 << 16;

/// What kaohe is doing with what, in the problem of a temporary file that failed.
pub(super) const RANKING: (&str, &str) = ("rank the units", "a ranking of many units is sorted");

/// What one row of the ranking shows of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankedUnit {
    /// The unit's place in the order the units were read.
    pub seq: u64,
    pub unit: String,
    pub score: Decimal,
    /// Each top-level section's or item's score; `None` for an item that is not
    /// applicable.
    pub top: Vec<Option<Decimal>>,
    pub earned: Decimal,
    pub applicable_points: Decimal,
}

impl RankedUnit {
    /// The `i`-th unit of `store`, read at `seq`.
    pub(super) fn of(store: &RankingStore, i: usize, seq: u64) -> Self {
        RankedUnit {
            seq,
            unit: store.unit(i).to_string(),
            score: store.score(i),
            top: (0..store.tops()).map(|t| store.top_score(i, t)).collect(),
            earned: store.earned(i),
            applicable_points: store.applicable_points(i),
        }
    }
}

impl PartialOrd for RankedUnit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RankedUnit {
    /// The ranking's order: the higher total first, then the unit read first.
    fn cmp(&self, other: &Self) -> Ordering {
        (Reverse(self.score), self.seq).cmp(&(Reverse(other.score), other.seq))
    }
}

impl Record for RankedUnit {
    fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&self.seq.to_le_bytes())?;
        out.write_all(&self.score.serialize())?;
        out.write_all(&self.earned.serialize())?;
        out.write_all(&self.applicable_points.serialize())?;
        out.write_all(&(self.unit.len() as u64).to_le_bytes())?;
        out.write_all(self.unit.as_bytes())?;
        out.write_all(&(self.top.len() as u64).to_le_bytes())?;
        for top in &self.top {
            match top {
                Some(d) => {
                    out.write_all(&[1])?;
                    out.write_all(&d.serialize())?;
                }
                None => out.write_all(&[0])?,
            }
        }
        Ok(())
    }

    fn read_from(input: &mut dyn BufRead) -> io::Result<Option<Self>> {
        let mut word = [0u8; 8];
        if !read_exact_or_end(input, &mut word)? {
            return Ok(None);
        }
        let seq = u64::from_le_bytes(word);
        let score = read_decimal(input)?;
        let earned = read_decimal(input)?;
        let applicable_points = read_decimal(input)?;
        let mut name = vec![0u8; read_len(input)?];
        input.read_exact(&mut name)?;
        let unit = String::from_utf8(name).map_err(|e| io::Error::other(e.to_string()))?;
        let n = read_len(input)?;
        let mut top = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            let mut tag = [0u8; 1];
            input.read_exact(&mut tag)?;
            top.push(match tag[0] {
                0 => None,
                _ => Some(read_decimal(input)?),
            });
        }
        Ok(Some(RankedUnit {
            seq,
            unit,
            score,
            top,
            earned,
            applicable_points,
        }))
    }
}

fn read_decimal(input: &mut dyn BufRead) -> io::Result<Decimal> {
    let mut bytes = [0u8; 16];
    input.read_exact(&mut bytes)?;
    Ok(Decimal::deserialize(bytes))
}

fn read_len(input: &mut dyn BufRead) -> io::Result<usize> {
    let mut word = [0u8; 8];
    input.read_exact(&mut word)?;
    usize::try_from(u64::from_le_bytes(word)).map_err(|e| io::Error::other(e.to_string()))
}

/// The units scored, for a ranking: the last of them in memory, the rest in sorted
/// runs on disk. Summaries are added with [`RankingSort::push`] (or `extend`); a
/// temporary file that cannot be written is kept as an error and given by
/// [`RankingSort::rows`], and the units after it are dropped.
pub struct RankingSort {
    held: RankingStore,
    /// The place, in the order read, of `held`'s first unit.
    first: u64,
    budget: usize,
    runs: Runs<RankedUnit>,
    error: Option<io::Error>,
}

impl Default for RankingSort {
    fn default() -> Self {
        Self::with_budget(DEFAULT_BUDGET)
    }
}

impl RankingSort {
    pub fn new() -> Self {
        Self::default()
    }

    /// A ranking that keeps at most `budget` units (at least one) in memory.
    pub fn with_budget(budget: usize) -> Self {
        RankingSort {
            held: RankingStore::new(),
            first: 0,
            budget: budget.max(1),
            runs: Runs::new(),
            error: None,
        }
    }

    /// A ranking that keeps at most `budget` units in memory and makes its temporary
    /// files in `folder`.
    pub fn with_budget_in(budget: usize, folder: std::path::PathBuf) -> Self {
        RankingSort {
            runs: Runs::in_folder(folder),
            ..Self::with_budget(budget)
        }
    }

    /// Adds a unit's summary after those already added.
    pub fn push(&mut self, summary: &Summary) {
        if self.error.is_some() {
            return;
        }
        self.held.push(summary);
        if self.held.len() >= self.budget {
            if let Err(e) = self.spill() {
                self.error = Some(e);
                self.held = RankingStore::new();
            }
        }
    }

    /// The number of runs written to temporary files so far.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    /// Writes the units held, best first, as a run.
    fn spill(&mut self) -> io::Result<()> {
        let (held, first) = (&self.held, self.first);
        self.runs.add(
            held.ranked()
                .map(|(_, i)| RankedUnit::of(held, i, first + i as u64)),
        )?;
        self.first += self.held.len() as u64;
        self.held.clear();
        Ok(())
    }

    /// Every unit with its rank, best first; or the problem of a temporary file that
    /// kept a unit from being kept. An error reading a temporary file back ends the
    /// rows.
    pub fn rows(
        self,
    ) -> Result<impl Iterator<Item = io::Result<(usize, RankedUnit)>>, crate::diagnostic::Diagnostic>
    {
        let failed = |e: &io::Error| crate::spill::failed(RANKING.0, RANKING.1, e);
        if let Some(e) = &self.error {
            return Err(failed(e));
        }
        let RankingSort {
            held, first, runs, ..
        } = self;
        let order: Vec<usize> = held.ranked().map(|(_, i)| i).collect();
        let last = order
            .into_iter()
            .map(move |i| RankedUnit::of(&held, i, first + i as u64));
        Ok(ranked(runs.merge(last).map_err(|e| failed(&e))?))
    }
}

/// Units in the ranking's order, each with its rank: one more than the units before
/// it, or the rank of the unit before it when their totals are equal.
pub(super) fn ranked(
    units: impl Iterator<Item = io::Result<RankedUnit>>,
) -> impl Iterator<Item = io::Result<(usize, RankedUnit)>> {
    let mut previous: Option<(usize, Decimal)> = None;
    units.enumerate().map(move |(pos, unit)| {
        let unit = unit?;
        let rank = match previous {
            Some((rank, score)) if score == unit.score => rank,
            _ => pos + 1,
        };
        previous = Some((rank, unit.score));
        Ok((rank, unit))
    })
}

impl Extend<Summary> for RankingSort {
    fn extend<I: IntoIterator<Item = Summary>>(&mut self, summaries: I) {
        for s in summaries {
            self.push(&s);
        }
    }
}

impl<'a> Extend<&'a Summary> for RankingSort {
    fn extend<I: IntoIterator<Item = &'a Summary>>(&mut self, summaries: I) {
        for s in summaries {
            self.push(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ranked_unit_is_read_back_as_it_was_written() {
        let unit = RankedUnit {
            seq: 1 << 40,
            unit: "台山市人民政府".into(),
            score: Decimal::new(9_750, 2),
            top: vec![Some(Decimal::new(-15, 1)), None, Some(Decimal::MAX)],
            earned: Decimal::new(1, 28),
            applicable_points: Decimal::from(100),
        };
        let mut bytes = Vec::new();
        unit.write_to(&mut bytes).expect("writes");
        bytes.extend_from_slice(&bytes.clone());
        let mut input = bytes.as_slice();
        for _ in 0..2 {
            let back = RankedUnit::read_from(&mut input).expect("reads");
            assert_eq!(back.as_ref(), Some(&unit));
            // The scale is kept, as `Decimal`'s equality would not show.
            assert_eq!(back.expect("a unit").score.scale(), 2);
        }
        assert!(RankedUnit::read_from(&mut input).expect("ends").is_none());
    }
}
