//! Whether two parsed rule files mean the same: their syntax trees equal once every
//! byte span is set aside.
//!
//! The comparison walks the two trees together ([`SameAs`], implemented for every
//! type of the syntax tree in [`same_as`](super::same_as)): names, numbers, dates,
//! texts, members, clauses and their order must be identical; spans are not looked at.

use crate::span::Span;
use crate::syntax::ast::{File, Node};

/// Equality with every byte span set aside: two pieces of syntax that say the same,
/// wherever they stand in their files.
pub trait SameAs {
    fn same_as(&self, other: &Self) -> bool;
}

/// Whether two files are the same once spans are set aside.
pub fn same(a: &File, b: &File) -> bool {
    a.same_as(b)
}

/// The place in `a` (the original) of the first setting, section or item that differs
/// from `b`, as deep as the difference goes; `None` when the files are the same.
pub fn first_difference(a: &File, b: &File) -> Option<Span> {
    for (n, setting) in a.settings.iter().enumerate() {
        match b.settings.get(n) {
            Some(other) if setting.same_as(other) => {}
            _ => return Some(setting.span),
        }
    }
    if b.settings.len() > a.settings.len() {
        return Some(Span::new(0, 0));
    }
    nodes_difference(&a.nodes, &b.nodes)
}

fn nodes_difference(a: &[Node], b: &[Node]) -> Option<Span> {
    for (n, node) in a.iter().enumerate() {
        let Some(other) = b.get(n) else {
            return Some(node.name().span);
        };
        if node.same_as(other) {
            continue;
        }
        if let (Node::Section(s), Node::Section(t)) = (node, other) {
            if let Some(inner) = nodes_difference(&s.children, &t.children) {
                return Some(inner);
            }
        }
        return Some(node.name().span);
    }
    if b.len() > a.len() {
        return Some(a.last().map_or(Span::new(0, 0), |n| n.name().span));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use crate::syntax;

    fn parse(text: &str) -> File {
        syntax::parse(&SourceFile::new("t.rule", text)).expect("parses")
    }

    #[test]
    fn spans_are_set_aside_and_everything_else_compared() {
        let a = parse("rubric 表\ntotal 2\nitem 甲 2 {\n  fact 乙 count max 3 \"乙\"\n  per 乙 -1 unless 乙 > 1\n}\n");
        let moved = parse("\n\nrubric 表\ntotal 2\nitem 甲 2 {\n    fact 乙 count max 3 \"乙\"\n    per 乙 -1 unless 乙 > 1\n}\n");
        assert!(same(&a, &moved));
        for changed in [
            "rubric 表\ntotal 2\nitem 甲 2 {\n  fact 乙 count max 4 \"乙\"\n  per 乙 -1 unless 乙 > 1\n}\n",
            "rubric 表\ntotal 2\nitem 甲 2 {\n  fact 乙 count max 3 \"丙\"\n  per 乙 -1 unless 乙 > 1\n}\n",
            "rubric 表\ntotal 2\nitem 甲 2 {\n  fact 乙 count max 3 \"乙\"\n  per 乙 -1 unless 乙 >= 1\n}\n",
            "rubric 表\ntotal 2\nitem 甲 2 {\n  fact 乙 count max 3 \"乙\"\n  per 乙 -1 unless 乙 > 2\n}\n",
            "rubric 表\ntotal 2\nitem 甲 2 {\n  fact 乙 count max 3 \"乙\"\n  per 乙 -1 floor 0 unless 乙 > 1\n}\n",
        ] {
            assert!(!same(&a, &parse(changed)), "{changed}");
        }
    }
}
