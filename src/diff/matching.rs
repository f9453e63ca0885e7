//! Pairing the items (or sections) of two rubrics: first by name, then, among those
//! left over, by similarity.
//!
//! Similarity is the Sørensen–Dice coefficient of character bigrams ([`dice`]), which
//! suits Chinese, where a renamed indicator keeps most of its characters (服务公开 →
//! 政务服务公开 scores 0.75). strsim's `sorensen_dice` is not used: it divides by the
//! strings' lengths in bytes, which makes every Chinese pair look three times less
//! alike than it is. Two entries are paired when their
//! names score at least [`NAME_THRESHOLD`], their criterion texts at least
//! [`TEXT_THRESHOLD`], or, by Jaccard index, their facts at least
//! [`FACTS_THRESHOLD`] (items) or their items at least [`ITEMS_THRESHOLD`]
//! (sections); the best-scoring pairs are taken first.
//!
//! Time stays near linear in the entries: equal names are paired through a hash map,
//! and of the entries left over, every old one is compared with every new one only
//! while that makes at most [`MAX_COMPARED`] pairs. Past that (two rubrics of 100,000
//! items renamed), an old entry is compared only with the new ones that share with it
//! an uncommon name or text bigram, or a member: one that at most
//! [`COMMON_KEY`] new entries have.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

/// Names this similar are the same entry renamed.
pub const NAME_THRESHOLD: f64 = 0.6;
/// Criterion texts this similar are the same entry renamed.
pub const TEXT_THRESHOLD: f64 = 0.7;
/// Items sharing this much of their facts are the same item renamed.
pub const FACTS_THRESHOLD: f64 = 0.8;
/// Sections sharing more than half their items are the same section renamed.
pub const ITEMS_THRESHOLD: f64 = 0.5;

/// The most pairs of leftover entries compared one by one.
pub const MAX_COMPARED: usize = 1_000_000;

/// Past [`MAX_COMPARED`], a bigram or member that more new entries than this have
/// does not make two entries candidates.
pub const COMMON_KEY: usize = 32;

/// What two entries are compared by.
pub struct Profile<'a> {
    pub name: &'a str,
    /// The criterion text and notes, joined.
    pub text: String,
    /// The names of an item's facts, or of a section's items.
    pub members: Vec<&'a str>,
}

/// Why two entries with different names were paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Their names are alike.
    SimilarName,
    /// Their criterion texts are alike.
    SimilarText,
    /// They have (nearly) the same facts, or a section the same items.
    SameMembers,
}

/// A pairing of old entry `old` with new entry `new` (indices into the slices given).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub old: usize,
    pub new: usize,
    /// `None` when the names are equal.
    pub reason: Option<(Reason, f64)>,
}

/// Pairs old and new entries; the rest are removed (old) or added (new). Members
/// shared at least `members_threshold` (by Jaccard index) pair two entries.
pub fn pair(old: &[Profile<'_>], new: &[Profile<'_>], members_threshold: f64) -> Vec<Pair> {
    let mut pairs = Vec::new();
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    // The first new entry of each name: an old entry pairs with it if it is free.
    let mut first_of: HashMap<&str, usize> = HashMap::with_capacity(new.len());
    for (j, n) in new.iter().enumerate() {
        first_of.entry(n.name).or_insert(j);
    }
    for (i, o) in old.iter().enumerate() {
        if let Some(&j) = first_of.get(o.name) {
            if !new_used[j] {
                old_used[i] = true;
                new_used[j] = true;
                pairs.push(Pair {
                    old: i,
                    new: j,
                    reason: None,
                });
            }
        }
    }
    let old_left: Vec<usize> = (0..old.len()).filter(|&i| !old_used[i]).collect();
    let new_left: Vec<usize> = (0..new.len()).filter(|&j| !new_used[j]).collect();
    let mut candidates: Vec<(f64, usize, usize, Reason)> = Vec::new();
    if old_left.len().saturating_mul(new_left.len()) <= MAX_COMPARED {
        for &i in &old_left {
            for &j in &new_left {
                if let Some((reason, score)) = likeness(&old[i], &new[j], members_threshold) {
                    candidates.push((score, i, j, reason));
                }
            }
        }
    } else {
        let index = KeyIndex::new(new, &new_left);
        let mut seen: HashSet<usize> = HashSet::new();
        for &i in &old_left {
            seen.clear();
            for j in index.candidates(&old[i]) {
                if seen.insert(j) {
                    if let Some((reason, score)) = likeness(&old[i], &new[j], members_threshold) {
                        candidates.push((score, i, j, reason));
                    }
                }
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    for (score, i, j, reason) in candidates {
        if !old_used[i] && !new_used[j] {
            old_used[i] = true;
            new_used[j] = true;
            pairs.push(Pair {
                old: i,
                new: j,
                reason: Some((reason, score)),
            });
        }
    }
    pairs.sort_by_key(|p| (p.new, p.old));
    pairs
}

/// What may make two entries alike: a bigram of the name, a bigram of the text, a
/// member.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Key<'a> {
    Name(char, char),
    Text(char, char),
    Member(&'a str),
}

fn keys<'a>(p: &'a Profile<'_>) -> impl Iterator<Item = Key<'a>> + 'a {
    let bigrams = |s: &'a str| {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        // A name of one character has no bigram: it is its own key.
        if chars.len() == 1 {
            pairs.push((chars[0], chars[0]));
        }
        pairs
    };
    bigrams(p.name)
        .into_iter()
        .map(|(a, b)| Key::Name(a, b))
        .chain(bigrams(&p.text).into_iter().map(|(a, b)| Key::Text(a, b)))
        .chain(p.members.iter().map(|m| Key::Member(m)))
}

/// The new entries that have each key, for the keys that at most [`COMMON_KEY`] of
/// them have.
struct KeyIndex<'a> {
    having: HashMap<Key<'a>, Vec<usize>>,
}

impl<'a> KeyIndex<'a> {
    fn new(new: &'a [Profile<'_>], left: &[usize]) -> Self {
        let mut having: HashMap<Key<'a>, Vec<usize>> = HashMap::new();
        for &j in left {
            for key in keys(&new[j]) {
                let list = having.entry(key).or_default();
                if list.last() != Some(&j) && list.len() <= COMMON_KEY {
                    list.push(j);
                }
            }
        }
        having.retain(|_, list| list.len() <= COMMON_KEY);
        KeyIndex { having }
    }

    /// The new entries sharing an uncommon key with `old`, some more than once.
    fn candidates<'s>(&'s self, old: &'s Profile<'_>) -> impl Iterator<Item = usize> + 's {
        keys(old)
            .filter_map(|k| self.having.get(&k))
            .flatten()
            .copied()
    }
}

/// Whether each of `old` old entries and `new` new entries is in a pair: looked up by
/// index, not by searching the pairs for each entry (quadratic on 100,000 items).
pub fn paired(pairs: &[Pair], old: usize, new: usize) -> (Vec<bool>, Vec<bool>) {
    let (mut o, mut n) = (vec![false; old], vec![false; new]);
    for p in pairs {
        o[p.old] = true;
        n[p.new] = true;
    }
    (o, n)
}

/// The strongest reason to pair two entries, if any passes its threshold.
fn likeness(old: &Profile<'_>, new: &Profile<'_>, members_threshold: f64) -> Option<(Reason, f64)> {
    let name = dice(old.name, new.name);
    let text = if old.text.trim().is_empty() || new.text.trim().is_empty() {
        0.0
    } else {
        dice(&old.text, &new.text)
    };
    let members = jaccard(&old.members, &new.members);
    [
        (Reason::SimilarName, name, NAME_THRESHOLD),
        (Reason::SimilarText, text, TEXT_THRESHOLD),
        (Reason::SameMembers, members, members_threshold),
    ]
    .into_iter()
    .filter(|(_, score, threshold)| score >= threshold)
    .map(|(reason, score, _)| (reason, score))
    .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal))
}

/// The Sørensen–Dice coefficient of two texts' character bigrams, whitespace left
/// out: twice the bigrams they share over the bigrams of both, from 0 to 1. Texts
/// of fewer than two characters are alike only when equal.
pub fn dice(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().filter(|c| !c.is_whitespace()).collect();
    let b: Vec<char> = b.chars().filter(|c| !c.is_whitespace()).collect();
    if a == b {
        return 1.0;
    }
    if a.len() < 2 || b.len() < 2 {
        return 0.0;
    }
    let mut counts: HashMap<(char, char), usize> = HashMap::new();
    for w in a.windows(2) {
        *counts.entry((w[0], w[1])).or_insert(0) += 1;
    }
    let mut shared = 0usize;
    for w in b.windows(2) {
        if let Some(n) = counts.get_mut(&(w[0], w[1])) {
            if *n > 0 {
                *n -= 1;
                shared += 1;
            }
        }
    }
    (2 * shared) as f64 / (a.len() - 1 + b.len() - 1) as f64
}

fn jaccard(a: &[&str], b: &[&str]) -> f64 {
    let a: HashSet<&str> = a.iter().copied().collect();
    let b: HashSet<&str> = b.iter().copied().collect();
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p<'a>(name: &'a str, text: &str, members: &[&'a str]) -> Profile<'a> {
        Profile {
            name,
            text: text.to_string(),
            members: members.to_vec(),
        }
    }

    #[test]
    fn names_first_then_similarity() {
        let old = [
            p("决策公开", "", &["甲"]),
            p("服务公开", "", &["乙"]),
            p("疫情信息公开", "", &["丙"]),
        ];
        let new = [
            p("政务服务公开", "", &["丁"]),
            p("决策公开", "", &["甲"]),
            p("数据开放", "", &["戊"]),
        ];
        let pairs = pair(&old, &new, FACTS_THRESHOLD);
        assert_eq!(pairs.len(), 2);
        assert_eq!((pairs[0].old, pairs[0].new), (1, 0));
        assert_eq!(pairs[0].reason.map(|r| r.0), Some(Reason::SimilarName));
        assert_eq!((pairs[1].old, pairs[1].new, pairs[1].reason), (0, 1, None));
    }

    #[test]
    fn dice_counts_characters_not_bytes() {
        assert_eq!(dice("服务公开", "政务服务公开"), 0.75);
        assert_eq!(dice("决策公开", "决策公开"), 1.0);
        assert_eq!(dice("甲", "乙"), 0.0);
        assert_eq!(dice("ab", "a b"), 1.0);
    }

    #[test]
    fn a_new_name_with_the_same_text_is_a_rename() {
        let text = "未在省行政执法信息公示平台上公开行政执法职责、执法依据,每发现一条扣1分。";
        let old = [p("行政执法公示", text, &[])];
        let new = [p("执法信息公开", text, &[])];
        let pairs = pair(&old, &new, FACTS_THRESHOLD);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].reason.map(|r| r.0), Some(Reason::SimilarText));
    }

    #[test]
    fn many_renamed_entries_are_paired_through_their_uncommon_bigrams() {
        let n = 1100;
        assert!(n * n > MAX_COMPARED);
        let names = |suffix: &str| -> Vec<String> {
            (0..n as u32)
                .map(|i| {
                    let a = char::from_u32(0x4E00 + i).expect("a CJK character");
                    let b = char::from_u32(0x5E00 + i).expect("a CJK character");
                    format!("{a}{b}公开{suffix}")
                })
                .collect()
        };
        let (old_names, new_names) = (names(""), names("工作"));
        let old: Vec<Profile<'_>> = old_names.iter().map(|s| p(s, "", &[])).collect();
        // The new entries in reverse order, and equal names paired first.
        let mut new: Vec<Profile<'_>> = new_names.iter().rev().map(|s| p(s, "", &[])).collect();
        new.push(p(&old_names[0], "", &[]));
        let pairs = pair(&old, &new, FACTS_THRESHOLD);
        assert_eq!(pairs.len(), n);
        for pr in &pairs {
            if pr.old == 0 {
                assert_eq!((pr.new, pr.reason), (n, None));
            } else {
                assert_eq!(pr.new, n - 1 - pr.old);
                assert_eq!(pr.reason.map(|r| r.0), Some(Reason::SimilarName));
            }
        }
    }
}
