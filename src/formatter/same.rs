//! Whether two parsed rule files mean the same: their syntax trees equal once every
//! byte span is set aside.
//!
//! The trees are compared through their `Debug` printing with each
//! `Span { start: …, end: … }` erased (outside quoted strings, so a text that happens
//! to contain those words is compared as written). Everything else — names, numbers,
//! dates, texts, members, clauses and their order — must be identical. Comparing the
//! printing rather than walking the tree field by field means a construct added to
//! the language is compared too, with no change here.

use crate::span::Span;
use crate::syntax::ast::{File, Node};

/// The `Debug` printing of a value with its spans erased.
pub fn erased<T: std::fmt::Debug>(value: &T) -> String {
    erase_spans(&format!("{value:?}"))
}

/// Whether two files are the same once spans are set aside.
pub fn same(a: &File, b: &File) -> bool {
    erased(a) == erased(b)
}

/// The place in `a` (the original) of the first setting, section or item that differs
/// from `b`, as deep as the difference goes; `None` when the files are the same.
pub fn first_difference(a: &File, b: &File) -> Option<Span> {
    for (n, setting) in a.settings.iter().enumerate() {
        match b.settings.get(n) {
            Some(other) if erased(setting) == erased(other) => {}
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
        if erased(node) == erased(other) {
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

/// Erases `Span { start: N, end: M }` outside string and character literals.
pub fn erase_spans(debug: &str) -> String {
    const OPEN: &str = "Span { start: ";
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some(c) = rest.chars().next() {
        if c == '"' || c == '\'' {
            let end = literal_end(rest, c);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if let Some(after) = rest.strip_prefix(OPEN) {
            if let Some(len) = span_tail(after) {
                out.push_str("Span");
                rest = &after[len..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The length of a quoted literal that starts `text` with `quote`, quotes included.
fn literal_end(text: &str, quote: char) -> usize {
    let mut chars = text.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if c == quote {
            return i + 1;
        }
    }
    text.len()
}

/// The length of `N, end: M }` at the start of `text`, if that is what it holds.
fn span_tail(text: &str) -> Option<usize> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let a = digits(text);
    let rest = text[a..].strip_prefix(", end: ")?;
    let b = digits(rest);
    let rest = rest[b..].strip_prefix(" }")?;
    (a > 0 && b > 0).then_some(text.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_erased_outside_literals() {
        assert_eq!(
            erase_spans(
                r#"Spanned { node: "Span { start: 1, end: 2 }", span: Span { start: 10, end: 12 } }"#
            ),
            r#"Spanned { node: "Span { start: 1, end: 2 }", span: Span }"#
        );
        assert_eq!(
            erase_spans(r#"A { c: '"', s: Span { start: 0, end: 0 } }"#),
            r#"A { c: '"', s: Span }"#
        );
    }
}
