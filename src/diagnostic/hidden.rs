//! Diagnostics shown with nothing hidden: what a terminal prints of a diagnostic
//! whose message, labels, help or file excerpt holds a character that would act on
//! the terminal or reorder the line ([`crate::safe::is_hidden`]).

use super::{Diagnostic, Label};
use crate::safe::{is_hidden, visible};
use crate::source::SourceFile;
use crate::span::Span;

/// A diagnostic as a terminal may show it, when the one given holds a hidden character
/// (`None` when it holds none): its message, labels and help through [`visible`](crate::safe::visible), and
/// the excerpt of its file with each hidden character near its labels replaced by one
/// of the same length in bytes — `?` (one byte: C0 controls, DEL), `¿` (two: C1
/// controls, U+061C) or `\u{fffd}` (three: bidirectional characters, U+2028, U+2029) —
/// so that every span and column stays where it was. Line feeds, tabs and the carriage
/// return of a CRLF line end are kept: the renderer lays them out.
pub fn for_terminal(d: &Diagnostic) -> Option<Diagnostic> {
    let in_source = d.source.as_ref().and_then(|s| shown_source(s, &d.labels));
    let texts_hidden = d.message.chars().any(is_hidden)
        || d.help.as_deref().is_some_and(|h| h.chars().any(is_hidden))
        || d.labels.iter().any(|l| l.text.chars().any(is_hidden));
    if in_source.is_none() && !texts_hidden {
        return None;
    }
    let mut shown = d.clone();
    shown.message = visible(&d.message).into_owned();
    shown.help = d.help.as_deref().map(|h| visible(h).into_owned());
    for label in &mut shown.labels {
        label.text = visible(&label.text).into_owned();
    }
    if let Some((lines, shift)) = in_source {
        shown.source = Some(lines);
        for label in &mut shown.labels {
            label.span = Span::new(label.span.start - shift, label.span.end - shift);
        }
    }
    Some(shown)
}

/// The lines around `labels` (two before the first and after the last, as a report
/// shows them) as a source of their own, with their hidden characters replaced (see
/// [`for_terminal`]), and the byte offset in the file at which they start, to take
/// from the labels' spans; or `None` when those lines hold none. Only those lines are
/// read and copied, so a diagnostic of a large file costs little.
fn shown_source(source: &SourceFile, labels: &[Label]) -> Option<(SourceFile, usize)> {
    let cover = labels.iter().map(|l| l.span).reduce(Span::to)?;
    let (lines, shift) = source.excerpt(cover, 2);
    let text = lines.text();
    let bad = |(i, c): (usize, char)| {
        c != '\n' && c != '\t' && !(c == '\r' && text[i + 1..].starts_with('\n')) && is_hidden(c)
    };
    if !text.char_indices().any(bad) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if bad((i, c)) {
            out.push(match c.len_utf8() {
                1 => '?',
                2 => '¿',
                _ => '\u{fffd}',
            });
        } else {
            out.push(c);
        }
    }
    Some((
        SourceFile::starting_at(source.name(), out, lines.origin()),
        shift,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_show_nothing_hidden_and_keep_their_places() {
        use crate::diagnostic::{render_human, HumanStyle};
        use crate::safe::is_hidden;
        use crate::span::Span;
        let text = "单位,甲\r\n\u{1b}]0;x\u{7}\u{202e}乙\u{85},是\r\n";
        let at = text.find('乙').unwrap();
        let d = Diagnostic::error("kaohe::test", "`\u{1b}[2J` is wrong".to_string())
            .primary(Span::new(at, at + '乙'.len_utf8()), "here\u{7}")
            .with_source(&SourceFile::new("a.csv", text));
        let shown = for_terminal(&d).expect("something hidden");
        let source = shown.source.as_ref().unwrap();
        assert_eq!(source.text().len(), text.len());
        assert_eq!(&source.text()[at..at + 3], "乙");
        assert_eq!(source.text(), "单位,甲\r\n?]0;x?\u{fffd}乙¿,是\r\n");
        let rendered = render_human(&d, HumanStyle::Plain);
        assert!(
            !rendered.chars().any(|c| c != '\n' && is_hidden(c)),
            "{rendered}"
        );
        assert!(rendered.contains("\\u{1b}[2J"), "{rendered}");
        let clean = Diagnostic::error("kaohe::test", "fine".to_string())
            .primary(Span::new(0, 2), "here")
            .with_source(&SourceFile::new("a.csv", "单位,甲\r\n"));
        assert!(for_terminal(&clean).is_none());
    }

    #[test]
    fn only_the_lines_around_the_labels_are_copied_and_they_keep_their_places() {
        use crate::diagnostic::{render_human, HumanStyle};
        let mut text = "甲,是\n".repeat(100_000);
        let line = text.len();
        text.push_str("\u{1b}]0;x\u{7},乙\n");
        text.push_str(&"丙,否\n".repeat(1_000));
        let at = text.find('乙').unwrap();
        let d = Diagnostic::error("kaohe::test", "wrong".to_string())
            .primary(Span::new(at, at + '乙'.len_utf8()), "here")
            .with_source(&SourceFile::new("a.csv", text.as_str()));
        let shown = for_terminal(&d).expect("something hidden");
        let source = shown.source.as_ref().unwrap();
        assert!(
            source.text().len() < 100,
            "{} bytes copied",
            source.text().len()
        );
        let label = shown.labels[0].span;
        assert_eq!(&source.text()[label.start..label.end], "乙");
        assert_eq!(source.origin().byte + label.start, at);
        assert_eq!(source.origin().byte, line - 2 * "甲,是\n".len());
        let rendered = render_human(&d, HumanStyle::Plain);
        assert!(rendered.contains("a.csv:100001:"), "{rendered}");
        assert!(rendered.contains("?]0;x?,乙"), "{rendered}");
        assert!(
            !rendered.chars().any(|c| c != '\n' && is_hidden(c)),
            "{rendered}"
        );
    }
}
