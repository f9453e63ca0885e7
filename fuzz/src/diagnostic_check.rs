//! The check of the `diagnostics` fuzz target, shared with the proptest of
//! tests/it/hostile_diagnostics.rs so that it runs in `cargo test` too: a diagnostic on
//! any text, with labels anywhere in it, renders for people without a panic, shows
//! nothing hidden of the text, and stays small whatever the length of the lines;
//! rendered as JSON, it is one valid JSON document.

use kaohe::diagnostic::{render_human, render_json, Diagnostic, HumanStyle, MAX_LABELS, WINDOW};
use kaohe::source::SourceFile;
use kaohe::span::Span;

/// Whether `c` would act on a terminal or reorder a line: a control character other
/// than the line feed, or a bidirectional formatting character.
fn acts(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                | '\u{2028}' | '\u{2029}'
        )
}

/// The byte offset `at` of `text` moved down to a character's start.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Renders a diagnostic whose message is `message` on `text`, with a label on each of
/// `spans` (byte offsets, clamped into the text and to characters' starts), and checks
/// both renderings. Panics, naming what is wrong, when a check fails.
pub fn check_rendering(text: &str, spans: &[(usize, usize)], message: &str) {
    let mut d = Diagnostic::error("kaohe::fuzz", message.to_string()).help("a help");
    for (n, &(a, b)) in spans.iter().enumerate() {
        let (a, b) = (boundary(text, a), boundary(text, b));
        let span = Span::new(a.min(b), a.max(b));
        d = if n == 0 {
            d.primary(span, "here")
        } else {
            d.label(span, "and here")
        };
    }
    let d = d.with_source(&SourceFile::new("fuzz.rule", text));
    let human = render_human(&d, HumanStyle::Plain);
    assert!(
        !human.chars().any(acts),
        "a hidden character is shown as it is: {human:?}"
    );
    // The excerpt: a few lines around at most MAX_LABELS labels, each line cut to
    // windows of WINDOW characters either side of each label's start and end: no line
    // of the report is longer than the windows of every label drawn, and the report
    // has a few lines for each label, whatever the length of the text's lines. (An
    // underline is counted in columns: twice the characters of wide ones.)
    let labels = spans.len().min(MAX_LABELS);
    let widest = 2 * MAX_LABELS * (4 * WINDOW + 8) + 100 + 10 * message.chars().count();
    if let Some(line) = human.lines().find(|l| l.chars().count() > widest) {
        panic!(
            "a line of {} characters in a report on a text of {} bytes: {:?}…",
            line.chars().count(),
            text.len(),
            line.chars().take(80).collect::<String>()
        );
    }
    let most = 12 * (labels + 2) + message.lines().count();
    assert!(
        human.lines().count() <= most,
        "{} lines for {labels} labels: {human}",
        human.lines().count()
    );
    let json = render_json(&d);
    assert!(
        !json.chars().any(acts),
        "a hidden character in JSON: {json:?}"
    );
    serde_json::from_str::<serde_json::Value>(&json).expect("one JSON document");
}
