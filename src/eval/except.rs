//! The members a `per` or `missing` clause leaves out (`per 解读形式 except 图解`), as a
//! bit for each place of the set's list: the checker has resolved each name after
//! `except` to its place (`MemberId`), so a clause compares no name while it counts.

use crate::model::MemberId;

/// The members left out, a bit for each place of the list.
pub(super) struct Except {
    words: Box<[u64]>,
}

impl Except {
    pub(super) fn new(excepted: &[MemberId]) -> Self {
        let len = excepted
            .iter()
            .map(|m| m.index() / 64 + 1)
            .max()
            .unwrap_or(0);
        let mut words = vec![0u64; len].into_boxed_slice();
        for m in excepted {
            words[m.index() / 64] |= 1 << (m.index() % 64);
        }
        Except { words }
    }

    /// Whether the member at this place is left out.
    pub(super) fn contains(&self, member: MemberId) -> bool {
        let i = member.index();
        self.words
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// The bits, a word for each 64 places (none past the last member left out).
    pub(super) fn words(&self) -> &[u64] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_left_out_are_the_bits_set() {
        for places in [vec![], vec![0], vec![3, 63], vec![64, 1], vec![999, 0, 130]] {
            let ids: Vec<MemberId> = places.iter().copied().map(MemberId).collect();
            let except = Except::new(&ids);
            for i in 0..1100 {
                assert_eq!(except.contains(MemberId(i)), places.contains(&i), "{i}");
            }
            let bits: u32 = except.words().iter().map(|w| w.count_ones()).sum();
            assert_eq!(bits as usize, places.len());
        }
    }
}
