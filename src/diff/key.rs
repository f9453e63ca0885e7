//! The key a piece of a rubric is paired by: what it means, whatever its place in the
//! file and whatever numbers the checker gave its facts.
//!
//! The key is the piece's `Debug` printing with every `Span { start: …, end: … }` and
//! every checker's number (`FactId(…)`, `MemberId(…)`) erased, outside quoted strings
//! (so a text that happens to contain those words is compared as written). Everything
//! else — names, numbers, dates, texts, members, clauses and their order — stays.

/// The `Debug` printing of a value with its spans and the checker's numbers erased.
pub fn erased<T: std::fmt::Debug>(value: &T) -> String {
    erase(&format!("{value:?}"))
}

/// What is erased: the text that opens it, the digits' separator, and what closes it;
/// it is replaced with its name alone.
const ERASED: &[(&str, &str, &str, &str)] = &[
    ("Span { start: ", ", end: ", " }", "Span"),
    ("FactId(", "", ")", "FactId"),
    ("MemberId(", "", ")", "MemberId"),
];

/// Erases the spans and numbers of [`ERASED`] outside string and character literals.
pub fn erase(debug: &str) -> String {
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    'text: while let Some(c) = rest.chars().next() {
        if c == '"' || c == '\'' {
            let end = literal_end(rest, c);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        for &(open, separator, close, name) in ERASED {
            if let Some(after) = rest.strip_prefix(open) {
                if let Some(len) = numbers_then(after, separator, close) {
                    out.push_str(name);
                    rest = &after[len..];
                    continue 'text;
                }
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

/// The length of `N` then `close` (or `N`, `separator`, `M` then `close` when there is
/// a separator) at the start of `text`, if that is what it holds.
fn numbers_then(text: &str, separator: &str, close: &str) -> Option<usize> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let a = digits(text);
    let mut rest = &text[a..];
    if a == 0 {
        return None;
    }
    if !separator.is_empty() {
        rest = rest.strip_prefix(separator)?;
        let b = digits(rest);
        if b == 0 {
            return None;
        }
        rest = &rest[b..];
    }
    let rest = rest.strip_prefix(close)?;
    Some(text.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_numbers_are_erased_outside_literals() {
        assert_eq!(
            erase(
                r#"Spanned { node: "Span { start: 1, end: 2 }", span: Span { start: 10, end: 12 } }"#
            ),
            r#"Spanned { node: "Span { start: 1, end: 2 }", span: Span }"#
        );
        assert_eq!(
            erase(r#"A { c: '"', s: Span { start: 0, end: 0 } }"#),
            r#"A { c: '"', s: Span }"#
        );
        assert_eq!(
            erase(
                r#"FactPath { id: FactId(12), member_id: Some(MemberId(3)), fact: "FactId(1)" }"#
            ),
            r#"FactPath { id: FactId, member_id: Some(MemberId), fact: "FactId(1)" }"#
        );
        assert_eq!(
            erase("FactId() Span { start: 1 }"),
            "FactId() Span { start: 1 }"
        );
    }
}
