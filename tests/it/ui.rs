//! UI tests: every fixture in `tests/ui/*.rule` is a small broken rubric; its
//! diagnostics, rendered for people (miette, no colour) and as JSON lines, are
//! snapshotted in `tests/it/snapshots/it__ui__check@<fixture>.snap`.
//!
//! Accept new or changed snapshots with `INSTA_UPDATE=always cargo test --test it ui::`
//! (or `cargo insta review`), then read each one: the underline must sit on the right
//! characters and the `line:column` header must count characters, not bytes.

use kaohe::check::compile;
use kaohe::diagnostic::{render_human, render_json, HumanStyle};
use kaohe::source::SourceFile;

/// The rendered diagnostics of one fixture: each one drawn by miette, then all of
/// them as JSON lines, in the order `compile` gives them; then, when the fixture
/// acknowledges warnings with `allow NAME`, those warnings, drawn and as JSON lines.
fn render(name: &str, text: &str) -> (usize, String) {
    let source = SourceFile::new(name, text);
    let checked = compile(&source).with_calendar(&source, None);
    let mut out = String::new();
    for d in &checked.diagnostics {
        out.push_str(&render_human(d, HumanStyle::Plain));
        out.push('\n');
    }
    out.push_str("--- json ---\n");
    for d in &checked.diagnostics {
        out.push_str(&render_json(d));
        out.push('\n');
    }
    if !checked.acknowledged.is_empty() {
        out.push_str("--- acknowledged ---\n");
        for d in &checked.acknowledged {
            out.push_str(&render_human(d, HumanStyle::Plain));
            out.push('\n');
        }
        for d in &checked.acknowledged {
            out.push_str(&render_json(d));
            out.push('\n');
        }
    }
    (checked.diagnostics.len() + checked.acknowledged.len(), out)
}

#[test]
fn check() {
    insta::glob!("../ui", "*.rule", |path| {
        let file_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("fixture names are UTF-8");
        // A stable name, the same on every machine, rather than the absolute path.
        let name = format!("tests/ui/{file_name}");
        let text = std::fs::read_to_string(path).expect("fixture is readable");
        assert!(
            text.starts_with('#'),
            "{name} must begin with a `#` comment saying what mistake it shows"
        );
        let (count, rendered) = render(&name, &text);
        assert!(
            count > 0,
            "{name} is a broken rubric but gave no diagnostic"
        );
        insta::assert_snapshot!(rendered);
    });
}
