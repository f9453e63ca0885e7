//! The values of set and tally facts. A set's value says which members of the fact's
//! list are present, as one bit per member; a tally's gives a count per member. Both
//! refer to the list the rubric declares ([`Members`], shared), so reading a unit
//! copies no member's name: a set of up to 64 members allocates nothing, a tally one
//! vector of counts.
//!
//! Both compare, print (`Debug`) and iterate as the lists of names they stand for did
//! before (`Vec<String>`, `Vec<(String, u64)>`): equal when they name the same
//! members in the same order, whatever list object they share.
//!
//! Scoring reads a member by its place in the list ([`MemberId`], which the checker
//! resolves every member a rule file names to): [`MemberSet::has`] tests its bit,
//! [`MemberCounts::count`] reads its count, so no name is compared while a unit is
//! scored. A unit's values are of the lists of the rubric it was validated against,
//! which is what makes a place the member's.

use crate::model::{Member, MemberId, Members};
use crate::span::{Span, Spanned};

/// The members of a set fact that are present, in the order the rule file lists them.
/// A member whose name the list holds twice is present twice, as the list says.
#[derive(Clone)]
pub struct MemberSet {
    list: Members,
    present: Bits,
}

/// One bit per member of the list: one word for a list of up to 64 members, else as
/// many words as it needs.
#[derive(Clone, PartialEq, Eq)]
enum Bits {
    Word(u64),
    Words(Box<[u64]>),
}

impl Bits {
    fn none(len: usize) -> Bits {
        if len <= 64 {
            Bits::Word(0)
        } else {
            Bits::Words(vec![0; len.div_ceil(64)].into_boxed_slice())
        }
    }

    fn set(&mut self, i: usize) {
        match self {
            Bits::Word(w) => *w |= 1 << i,
            Bits::Words(ws) => ws[i / 64] |= 1 << (i % 64),
        }
    }
}

impl MemberSet {
    /// No member of the list present.
    pub fn empty(list: &Members) -> MemberSet {
        MemberSet {
            list: list.clone(),
            present: Bits::none(list.len()),
        }
    }

    /// The members of the list whose positions `mask` has a bit for; `None` for a list
    /// of more than 64 members, or a bit past the list's end.
    pub fn from_mask(list: &Members, mask: u64) -> Option<MemberSet> {
        let fits = list.len() >= 64 || mask >> list.len() == 0;
        (list.len() <= 64 && fits).then(|| MemberSet {
            list: list.clone(),
            present: Bits::Word(mask),
        })
    }

    /// The members of the list for which `present` holds, given each member's position
    /// and name.
    pub fn select(list: &Members, mut present: impl FnMut(usize, &str) -> bool) -> MemberSet {
        let mut set = MemberSet::empty(list);
        for (i, m) in list.iter().enumerate() {
            if present(i, &m.name.node) {
                set.present.set(i);
            }
        }
        set
    }

    /// A set of these names, all present, with a list of its own: for a value made
    /// outside a rubric, such as a test's expected value.
    pub fn of_names<S: AsRef<str>>(names: &[S]) -> MemberSet {
        let list = list_of(names.iter().map(AsRef::as_ref));
        MemberSet::select(&list, |_, _| true)
    }

    /// The names of the members present, in the list's order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.indices().map(|i| self.list[i].name.node.as_str())
    }

    /// The positions in the list of the members present, in order: one step per
    /// member present, not per member of the list.
    fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        let words: &[u64] = match &self.present {
            Bits::Word(w) => std::slice::from_ref(w),
            Bits::Words(ws) => ws,
        };
        words.iter().enumerate().flat_map(|(k, &w)| {
            let mut rest = w;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    k * 64 + bit
                })
            })
        })
    }

    /// The members present as one bit each, when this set is of `list` itself (not
    /// of another list of the same names) and the list has at most 64 members.
    pub fn word_of(&self, list: &Members) -> Option<u64> {
        match self.present {
            Bits::Word(w) if std::sync::Arc::ptr_eq(&self.list, list) => Some(w),
            _ => None,
        }
    }

    /// How many members are present (a name the list holds twice counts twice).
    pub fn len(&self) -> usize {
        match &self.present {
            Bits::Word(w) => w.count_ones() as usize,
            Bits::Words(ws) => ws.iter().map(|w| w.count_ones() as usize).sum(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the member at this place of the list is present; `false` past the
    /// list's end.
    #[inline]
    pub fn has(&self, member: MemberId) -> bool {
        let i = member.index();
        match &self.present {
            Bits::Word(w) => i < 64 && w >> i & 1 == 1,
            Bits::Words(ws) => ws.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1),
        }
    }

    /// How many members are present that `left_out` has no bit for (a bit per place
    /// of the list, as [`MemberSet::has`] reads places): the members a `per` counts
    /// when its `except` leaves those out.
    pub fn count_without(&self, left_out: &[u64]) -> usize {
        let words: &[u64] = match &self.present {
            Bits::Word(w) => std::slice::from_ref(w),
            Bits::Words(ws) => ws,
        };
        words
            .iter()
            .enumerate()
            .map(|(k, w)| (w & !left_out.get(k).copied().unwrap_or(0)).count_ones() as usize)
            .sum()
    }

    /// The names present, each copied.
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

impl PartialEq for MemberSet {
    fn eq(&self, other: &MemberSet) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for MemberSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A tally fact's count for every member of its list, in the list's order (a member the
/// evidence leaves out has 0).
#[derive(Clone)]
pub struct MemberCounts {
    list: Members,
    counts: Vec<u64>,
}

impl MemberCounts {
    /// Every member's count, by its position and name.
    pub fn new(list: &Members, mut count: impl FnMut(usize, &str) -> u64) -> MemberCounts {
        MemberCounts {
            list: list.clone(),
            counts: list
                .iter()
                .enumerate()
                .map(|(i, m)| count(i, &m.name.node))
                .collect(),
        }
    }

    /// The counts given in the list's order; `None` unless there is one per member.
    pub fn from_counts(list: &Members, counts: Vec<u64>) -> Option<MemberCounts> {
        (counts.len() == list.len()).then(|| MemberCounts {
            list: list.clone(),
            counts,
        })
    }

    /// A tally of these names and counts, with a list of its own: for a value made
    /// outside a rubric, such as a test's expected value.
    pub fn of_counts<S: AsRef<str>>(counts: &[(S, u64)]) -> MemberCounts {
        MemberCounts {
            list: list_of(counts.iter().map(|(name, _)| name.as_ref())),
            counts: counts.iter().map(|(_, n)| *n).collect(),
        }
    }

    /// Each member's name and count, in the list's order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u64)> + '_ {
        self.list
            .iter()
            .zip(&self.counts)
            .map(|(m, &n)| (m.name.node.as_str(), n))
    }

    /// The count of the first member of this name; 0 if the list has none.
    pub fn get(&self, name: &str) -> u64 {
        self.iter().find(|(m, _)| *m == name).map_or(0, |(_, n)| n)
    }

    /// The count of the member at this place of the list; 0 past the list's end.
    #[inline]
    pub fn count(&self, member: MemberId) -> u64 {
        self.counts.get(member.index()).copied().unwrap_or(0)
    }

    /// The counts of all members added up.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }
}

impl PartialEq for MemberCounts {
    fn eq(&self, other: &MemberCounts) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for MemberCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A list of members of these names, with no place in a rule file.
fn list_of<'a>(names: impl Iterator<Item = &'a str>) -> Members {
    names
        .map(|n| Member {
            name: Spanned::new(n.to_string(), Span::default()),
            description: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(names: &[&str]) -> Members {
        list_of(names.iter().copied())
    }

    #[test]
    fn a_set_reads_as_the_names_it_stands_for() {
        let l = list(&["甲", "乙", "甲", "丙"]);
        let set = MemberSet::select(&l, |_, n| n == "甲");
        assert_eq!(set.iter().collect::<Vec<_>>(), ["甲", "甲"]);
        assert_eq!(set.len(), 2);
        assert!(set.has(MemberId(0)) && !set.has(MemberId(1)));
        assert_eq!(format!("{set:?}"), format!("{:?}", vec!["甲", "甲"]));
        assert_eq!(set, MemberSet::from_mask(&l, 0b0101).unwrap());
        assert_ne!(set, MemberSet::from_mask(&l, 0b0001).unwrap());
        assert!(MemberSet::empty(&l).is_empty());
        assert_eq!(set, MemberSet::of_names(&["甲", "甲"]));
        assert_eq!(set.word_of(&l), Some(0b0101));
        assert_eq!(set.word_of(&list(&["甲", "乙", "甲", "丙"])), None);
        // By place: the bits of the mask, nothing past the list's end.
        let places: Vec<bool> = (0..6).map(|i| set.has(MemberId(i))).collect();
        assert_eq!(places, [true, false, true, false, false, false]);
        assert_eq!(set.count_without(&[0b0001]), 1);
        assert_eq!(set.count_without(&[]), 2);
    }

    #[test]
    fn sets_are_equal_by_names_whatever_list_they_share() {
        let a = list(&["甲", "乙"]);
        let b = list(&["乙", "甲", "丁"]);
        // The same names in the same order, from two lists.
        assert_eq!(
            MemberSet::select(&a, |_, n| n == "乙"),
            MemberSet::select(&b, |_, n| n == "乙")
        );
        // The same names in another order are another value.
        assert_ne!(
            MemberSet::select(&a, |_, _| true),
            MemberSet::select(&b, |_, n| n != "丁")
        );
    }

    #[test]
    fn a_mask_must_fit_its_list() {
        let l = list(&["甲", "乙"]);
        assert!(MemberSet::from_mask(&l, 0b100).is_none());
        let long: Vec<String> = (0..65).map(|i| format!("成员{i}")).collect();
        let long = list(&long.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(MemberSet::from_mask(&long, 1).is_none());
    }

    #[test]
    fn a_set_of_more_than_64_members_keeps_every_bit() {
        let names: Vec<String> = (0..130).map(|i| format!("成员{i}")).collect();
        let l = list(&names.iter().map(String::as_str).collect::<Vec<_>>());
        let set = MemberSet::select(&l, |i, _| i % 63 == 0);
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            ["成员0", "成员63", "成员126"]
        );
        assert_eq!(set.len(), 3);
        assert!(set.has(MemberId(126)) && !set.has(MemberId(127)) && !set.has(MemberId(999)));
        // Leaving out the member at place 63, in the second word: two counted.
        assert_eq!(set.count_without(&[1 << 63]), 2);
        // And the one at place 126, bit 62 of the second word.
        assert_eq!(set.count_without(&[0, 1 << 62]), 2);
        assert_eq!(set.count_without(&[1, 1 << 62, 0]), 1);
    }

    #[test]
    fn a_tally_reads_as_its_names_and_counts() {
        let l = list(&["甲", "乙", "甲"]);
        let t = MemberCounts::new(&l, |i, _| i as u64 + 1);
        assert_eq!(
            t.iter().collect::<Vec<_>>(),
            [("甲", 1), ("乙", 2), ("甲", 3)]
        );
        // The first member of a name, as the tally's reader always looked it up.
        assert_eq!(t.get("甲"), 1);
        assert_eq!(t.get("丁"), 0);
        assert_eq!(t.count(MemberId(2)), 3);
        assert_eq!(t.count(MemberId(3)), 0);
        assert_eq!(t.total(), 6);
        assert_eq!(
            format!("{t:?}"),
            format!(
                "{:?}",
                vec![("甲".to_string(), 1u64), ("乙".into(), 2), ("甲".into(), 3)]
            )
        );
        assert_eq!(
            t,
            MemberCounts::new(&list(&["甲", "乙", "甲"]), |i, _| i as u64 + 1)
        );
        assert_ne!(t, MemberCounts::new(&l, |_, _| 1));
        assert_eq!(
            Some(t.clone()),
            MemberCounts::from_counts(&l, vec![1, 2, 3])
        );
        assert!(MemberCounts::from_counts(&l, vec![1, 2]).is_none());
        assert_eq!(
            t,
            MemberCounts::of_counts(&[("甲", 1), ("乙", 2), ("甲", 3)])
        );
    }

    #[test]
    fn a_long_list_answers_by_place_as_a_short_one_does() {
        let names: Vec<String> = (0..1000).map(|i| format!("成员{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let members = list(&refs);
        let set = MemberSet::select(&members, |i, _| i % 3 == 0);
        for i in 0..1000 {
            assert_eq!(set.has(MemberId(i)), i % 3 == 0, "{i}");
        }
        assert!(!set.has(MemberId(1000)) && !set.has(MemberId(usize::MAX)));
        assert_eq!(set.count_without(&[]), 334);
        // A copy keeps its answers.
        assert!(set.clone().has(MemberId(999)) && !set.clone().has(MemberId(998)));
    }
}
