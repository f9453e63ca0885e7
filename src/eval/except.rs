//! The members a `per` or `missing` clause leaves out (`per 解读形式 except 图解`),
//! asked by name.

use std::collections::HashSet;

use crate::span::Spanned;

/// The names after `except`, as a clause asks them: a scan of the few a table writes,
/// or a hash set of their names when there are many, so that counting a set of many
/// members against many exceptions stays linear in both.
pub(super) struct Except<'r> {
    names: &'r [Spanned<String>],
    set: Option<HashSet<&'r str>>,
}

impl<'r> Except<'r> {
    /// How many names are scanned rather than hashed.
    const SCANNED: usize = 16;

    pub(super) fn new(names: &'r [Spanned<String>]) -> Self {
        let set =
            (names.len() > Self::SCANNED).then(|| names.iter().map(|e| e.node.as_str()).collect());
        Except { names, set }
    }

    /// Whether the member `name` is left out.
    pub(super) fn contains(&self, name: &str) -> bool {
        match &self.set {
            Some(set) => set.contains(name),
            None => self.names.iter().any(|e| e.node == name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn names(n: usize) -> Vec<Spanned<String>> {
        (0..n)
            .map(|i| Spanned {
                node: format!("要素{i}"),
                span: Span::new(0, 0),
            })
            .collect()
    }

    #[test]
    fn few_and_many_names_answer_alike() {
        for n in [0, 1, Except::SCANNED, Except::SCANNED + 1, 1000] {
            let written = names(n);
            let except = Except::new(&written);
            assert_eq!(except.set.is_some(), n > Except::SCANNED);
            for i in 0..n + 3 {
                assert_eq!(
                    except.contains(&format!("要素{i}")),
                    i < n,
                    "{n} names, {i}"
                );
            }
            assert!(!except.contains("要素"));
        }
    }
}
