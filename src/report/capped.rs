//! A collection of units' reports kept in memory, up to a limit.
//!
//! `--format json`, `md`, `table` and `xlsx` lay out every unit at once, so they keep
//! each unit's score sheet (or summary) until the last is read: 100,000 units took
//! 3.2 GB in JSON and 6.4 GB in XLSX, and a million ended in an allocation failure.
//! [`Capped`] keeps them up to a limit on their [`Weight`] (what a unit's report holds:
//! its items and the steps of their trace, for a score sheet) and counts the rest, so
//! that the command can end with a diagnostic (`kaohe::eval::too_many_units`) that
//! suggests the CSV ranking, which is written as it is merged, for any number of
//! units. The limit weighs what is kept rather than counting units, since a unit of a
//! table of 300 items holds ten times what a unit of the 2020 county table holds.

use crate::eval::{Sheet, Summary};

/// The most items and steps the score sheets `--format json`, `md` and `xlsx` keep in
/// all: 20,000 units of the 2020 county table (some 50 items and steps a unit), 3,000
/// of a table of 300 items; about 1 to 3 KB each in memory (measured with 5,000
/// units of 300 items: 4 GB), so at most some 2 GB.
pub const MAX_SHEETS: usize = 1_000_000;

/// The most top-level parts the summaries of `--format table` keep in all (200,000
/// units of a table of four 一级指标).
pub const MAX_SUMMARIES: usize = 1_000_000;

/// What a unit's report holds, for [`Capped`]'s limit.
pub trait Weight {
    fn weight(&self) -> usize;
}

impl Weight for Sheet {
    /// The unit, its items, and the steps of their trace.
    fn weight(&self) -> usize {
        1 + self
            .items_with_path()
            .iter()
            .map(|(_, _, item)| 1 + item.trace.len())
            .sum::<usize>()
    }
}

impl Weight for Summary {
    /// The unit and its top-level parts.
    fn weight(&self) -> usize {
        1 + self.top.len()
    }
}

/// Units' reports in the order given while their weights add up to at most `LIMIT`;
/// after the first that does not fit, the others are only counted.
#[derive(Debug)]
pub struct Capped<T, const LIMIT: usize> {
    kept: Vec<T>,
    weight: usize,
    left_out: usize,
}

impl<T, const LIMIT: usize> Default for Capped<T, LIMIT> {
    fn default() -> Self {
        Capped {
            kept: Vec::new(),
            weight: 0,
            left_out: 0,
        }
    }
}

impl<T: Weight, const LIMIT: usize> Extend<T> for Capped<T, LIMIT> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            let weight = item.weight();
            if self.left_out == 0 && self.weight + weight <= LIMIT {
                self.weight += weight;
                self.kept.push(item);
            } else {
                self.left_out += 1;
            }
        }
    }
}

impl<T, const LIMIT: usize> Capped<T, LIMIT> {
    /// Every item given, or, when there were more than `LIMIT`, how many.
    pub fn all(self) -> Result<Vec<T>, usize> {
        if self.left_out == 0 {
            Ok(self.kept)
        } else {
            Err(self.kept.len() + self.left_out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number weighs what it says.
    impl Weight for u32 {
        fn weight(&self) -> usize {
            *self as usize
        }
    }

    #[test]
    fn keeps_up_to_the_limit_and_counts_the_rest() {
        let mut c: Capped<u32, 3> = Capped::default();
        c.extend([1, 2]);
        assert_eq!(c.all(), Ok(vec![1, 2]));
        // The third weighs too much: it and every later one are only counted, even
        // one that would still fit.
        let mut c: Capped<u32, 3> = Capped::default();
        c.extend([1, 2, 3, 0]);
        assert_eq!(c.all(), Err(4));
    }

    #[test]
    fn a_sheet_weighs_its_items_and_steps() {
        let text = "rubric 表\ntotal 4\nsection 甲 4 {\n  item 乙 2 {\n    fact 有 bool \"有\"\n    if 有 -1\n  }\n  item 丙 2 {\n    fact 无 bool \"无\"\n    if 无 -1\n  }\n}\n";
        let rubric = crate::check::compile(&crate::source::SourceFile::new("a.rule", text))
            .rubric
            .expect("compiles");
        let evidence = crate::source::SourceFile::new(
            "u.toml",
            "unit = \"单位\"\n[\"乙\"]\n\"有\" = true\n[\"丙\"]\n\"无\" = false\n",
        );
        let node = crate::input::read(&evidence, crate::input::Format::Toml).expect("reads");
        let unit = crate::evidence::validate(&rubric, &evidence, &node).expect("valid");
        let sheet = crate::eval::evaluate(&rubric, &unit).expect("scores");
        // The unit, two items, and the one step of 乙.
        assert_eq!(sheet.weight(), 4);
    }
}
