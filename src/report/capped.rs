//! A collection of units' reports kept in memory, up to a limit.
//!
//! `--format json`, `md`, `table` and `xlsx` lay out every unit at once, so they keep
//! each unit's score sheet (or summary) until the last is read: 100,000 units took
//! 3.2 GB in JSON and 6.4 GB in XLSX, and a million ended in an allocation failure.
//! [`Capped`] keeps at most `LIMIT` of them and counts the rest, so that the command
//! can end with a diagnostic (`kaohe::eval::too_many_units`) that suggests the CSV
//! ranking, which is written as it is merged, for any number of units.

/// The most units whose whole score sheets `--format json`, `md` and `xlsx` keep:
/// some 32 KB each in JSON, 64 KB in XLSX.
pub const MAX_SHEETS: usize = 20_000;

/// The most units whose summaries `--format table` keeps.
pub const MAX_SUMMARIES: usize = 200_000;

/// At most `LIMIT` items, in the order given; the others are only counted.
#[derive(Debug)]
pub struct Capped<T, const LIMIT: usize> {
    kept: Vec<T>,
    left_out: usize,
}

impl<T, const LIMIT: usize> Default for Capped<T, LIMIT> {
    fn default() -> Self {
        Capped {
            kept: Vec::new(),
            left_out: 0,
        }
    }
}

impl<T, const LIMIT: usize> Extend<T> for Capped<T, LIMIT> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            if self.kept.len() < LIMIT {
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

    #[test]
    fn keeps_up_to_the_limit_and_counts_the_rest() {
        let mut c: Capped<u32, 3> = Capped::default();
        c.extend([1, 2]);
        c.extend([3]);
        assert_eq!(c.all(), Ok(vec![1, 2, 3]));
        let mut c: Capped<u32, 3> = Capped::default();
        c.extend(0..10);
        assert_eq!(c.all(), Err(10));
    }
}
