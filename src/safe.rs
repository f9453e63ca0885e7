//! Text that evidence or a rule file carries, made safe for the place it is written:
//! a terminal, a text or Markdown report, a CSV cell.
//!
//! Unit names, discretionary reasons and rule texts come from files kaohe does not
//! trust. Written as they are, a control character moves a terminal's cursor, clears
//! its screen or sets its title (ESC, BEL, backspace, NUL), a bidirectional override
//! makes a line read in another order than it is stored, a cell that begins with `=`
//! is run by Excel as a formula, and `<script>` or `[x](javascript:…)` is markup in
//! Markdown. Every report goes through the functions of this module:
//!
//! - [`visible`] writes each hidden character ([`is_hidden`]) as a visible escape in
//!   Rust's spelling, `\u{1b}`, so that what was there can still be read; [`visible_text`]
//!   keeps line feeds and tabs, for a report of several lines.
//! - [`csv_field`] is [`visible`], and a field that a spreadsheet would read as a
//!   formula gets a leading `'` (OWASP's advice for CSV injection).
//! - [`markdown`] is [`visible`], then the characters Markdown reads as markup escaped;
//!   [`html`] is [`visible_text`], then HTML's entities.
//! - [`json`] escapes, as JSON's `\uXXXX`, what serde_json leaves hidden in a document.
//!
//! It sits below every other module (docs/architecture.md, "Layers"): diagnostics use
//! it as the reports do (`diagnostic::hidden`).
//!
//! A backslash that was in the text is left as it is: `\u{1b}` written by the unit
//! itself reads the same as an escaped ESC, which shows nothing hidden either way.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` is hidden or acts on the text around it: the C0 controls (tab and line
/// feed too), DEL, the C1 controls, the bidirectional marks, embeddings, overrides
/// and isolates (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), and
/// the line and paragraph separators (U+2028, U+2029).
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_bidi(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Whether `c` is a bidirectional formatting character.
pub fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` with each character [`is_hidden`] written as `\u{…}` (lowercase hex), as it
/// is for one line: a name, a reason, a table cell. Borrowed when nothing is hidden.
pub fn visible(text: &str) -> Cow<'_, str> {
    escaped(text, is_hidden)
}

/// [`visible`] for a text of several lines: line feeds and tabs are kept, every other
/// hidden character escaped (a carriage return too, which would let a line overwrite
/// itself).
pub fn visible_text(text: &str) -> Cow<'_, str> {
    escaped(text, |c| c != '\n' && c != '\t' && is_hidden(c))
}

fn escaped(text: &str, hide: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&hide) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hide(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether a spreadsheet would read a cell of this text as a formula (or as the start
/// of one): it begins with `=`, `+`, `-` or `@`, or their full-width forms `＝`, `＋`,
/// `－`, `＠` (which WPS folds), after any spaces, tabs or line breaks; or it begins
/// with a tab or a line break itself.
pub fn starts_formula(text: &str) -> bool {
    if text.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    let first = text.chars().find(|c| !c.is_whitespace() && !is_hidden(*c));
    matches!(
        first,
        Some('=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠')
    )
}

/// A text field of a CSV report: [`visible`], and a leading `'` when a spreadsheet
/// would otherwise run it as a formula ([`starts_formula`]). Excel and WPS show the
/// text after the apostrophe, as text. Numbers kaohe writes itself are not text
/// fields, and stay numbers.
pub fn csv_field(text: &str) -> Cow<'_, str> {
    if starts_formula(text) {
        return Cow::Owned(format!("'{}", visible(text)));
    }
    visible(text)
}

/// A text for a Markdown report or table cell: [`visible`], then what would break a
/// table cell or be read as markup escaped: `|`, `\`, `*`, and `<`, `>`, `&` as HTML
/// entities (no raw HTML), the `(` after a `]` (no inline link or image, `[x](…)`),
/// and line breaks as spaces. A reference link needs its definition at the start of a
/// line, where a report's lines begin with kaohe's own `|` or `#`.
pub fn markdown(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    let text = visible(&text);
    let mut out = String::with_capacity(text.len());
    let mut after_bracket = false;
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '*' => out.push_str("\\*"),
            '(' if after_bracket => out.push_str("\\("),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
        after_bracket = c == ']';
    }
    out
}

/// A JSON document whose strings show nothing hidden: serde_json escapes the C0
/// controls already; DEL, the C1 controls, the bidirectional characters and the line
/// and paragraph separators it writes as they are, and here they become `\uXXXX`
/// escapes, which a JSON reader decodes to the same string. Outside its strings a
/// JSON document holds only ASCII punctuation, digits, letters and white space, so
/// every such character stands in a string.
pub fn json(document: &str) -> Cow<'_, str> {
    let Some(first) = first_hidden_past_controls(document) else {
        return Cow::Borrowed(document);
    };
    let mut out = String::with_capacity(document.len() + 8);
    out.push_str(&document[..first]);
    for c in document[first..].chars() {
        if c > '\u{1f}' && is_hidden(c) {
            // Every hidden character is in the Basic Multilingual Plane.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Where the first character [`is_hidden`] past the C0 controls starts in `text`, if
/// any. Each such character begins with one of four bytes in UTF-8: DEL is `7F`, the
/// C1 controls `C2 80`–`C2 9F`, U+061C `D8 9C`, and the other bidirectional marks and
/// the separators `E2 80` or `E2 81`; so a whole report is searched for those bytes
/// (memchr), and only a character that begins with one is decoded. A report of
/// several megabytes with nothing hidden costs a fraction of decoding it.
fn first_hidden_past_controls(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let del = memchr::memchr(0x7f, bytes);
    let before = &bytes[..del.unwrap_or(bytes.len())];
    memchr::memchr3_iter(0xc2, 0xd8, 0xe2, before)
        // A lead byte always starts a character.
        .find(|&at| text[at..].chars().next().is_some_and(is_hidden))
        .or(del)
}

/// A text for HTML: [`visible`], then `&`, `<`, `>`, `"` and `'` as entities.
pub fn html(text: &str) -> String {
    let text = visible_text(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_escaped() {
        assert_eq!(visible("蓬江区"), "蓬江区");
        assert!(matches!(visible("蓬江区"), Cow::Borrowed(_)));
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(visible("\u{202e}abc"), "\\u{202e}abc");
        assert_eq!(
            visible("a\nb\tc\u{7f}\u{85}"),
            "a\\u{a}b\\u{9}c\\u{7f}\\u{85}"
        );
        assert_eq!(visible_text("a\nb\tc\r"), "a\nb\tc\\u{d}");
    }

    #[test]
    fn formulas_get_an_apostrophe() {
        for text in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "=cmd|' /C calc'!A0",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            " =1+1",
            "\t=1",
            "\r\n=1",
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(A1)",
            "\u{3000}=1",
        ] {
            assert!(csv_field(text).starts_with('\''), "{text:?}");
        }
        assert_eq!(csv_field("蓬江区"), "蓬江区");
        assert_eq!(csv_field("A=B"), "A=B");
    }

    #[test]
    fn markdown_has_no_markup_left() {
        assert_eq!(
            markdown("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(markdown("[x](javascript:y)"), "[x]\\(javascript:y)");
        assert_eq!(markdown("![x](y) [r.rule:3]"), "![x]\\(y) [r.rule:3]");
        assert_eq!(markdown("a|b\nc"), "a\\|b c");
        assert_eq!(html("<a href='x'>&"), "&lt;a href=&#39;x&#39;&gt;&amp;");
    }

    #[test]
    fn json_finds_each_hidden_character_past_the_controls() {
        for hidden in [
            '\u{7f}', '\u{85}', '\u{9f}', '\u{61c}', '\u{200e}', '\u{202e}', '\u{2029}', '\u{2069}',
        ] {
            let document = format!("{{\"unit\":\"“甲”…—{hidden}乙\"}}");
            let at = document.find(hidden).unwrap();
            assert_eq!(
                first_hidden_past_controls(&document),
                Some(at),
                "{hidden:?}"
            );
            assert!(!json(&document)
                .chars()
                .any(|c| c > '\u{1f}' && is_hidden(c)));
        }
        let clean = "{\"unit\":\"“甲”…— é ©\"}";
        assert_eq!(first_hidden_past_controls(clean), None);
        assert!(matches!(json(clean), Cow::Borrowed(_)));
    }

    #[test]
    fn json_strings_keep_their_value() {
        let name = "甲\u{202e}乙\u{85}\u{7f}\u{1b}";
        let document = serde_json::to_string(&serde_json::json!({ "unit": name })).unwrap();
        let safe = json(&document);
        assert!(!safe.chars().any(is_hidden), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["unit"], name);
    }
}
