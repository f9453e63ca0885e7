//! Formatting: a rule file → the same file in kaohe's one canonical layout.
//!
//! The syntax tree has no comments (the grammar skips them), so the formatter works on
//! the source's tokens ([`lex`]) and takes from pest's parse tree only what it needs to
//! know where statements start ([`tree`]); [`layout`] states the rules. Comments,
//! names, one-line strings and the text of `"""` blocks are kept exactly; only
//! whitespace changes.
//!
//! Nothing is trusted: the result is parsed again and its syntax tree compared with
//! the original's, spans set aside ([`same`]). A result that differs is never given
//! back; the caller gets a `kaohe::fmt::changed_meaning` diagnostic instead and the
//! file stays as it was.

mod layout;
pub mod lex;
mod same;
mod same_as;
mod tree;

pub use layout::block_text;
pub use same::{first_difference, same, SameAs};

use crate::diagnostic::{codes, Diagnostic};
use crate::source::SourceFile;
use crate::span::Span;
use crate::syntax;

/// Formats a rule file. A file that does not parse gives its syntax diagnostics and is
/// not formatted.
pub fn format(source: &SourceFile) -> Result<String, Vec<Diagnostic>> {
    let before = syntax::parse(source)?;
    let text = source.text();
    let tokens = lex::tokens(text);
    let Some(tree) = tree::analyse(text, &tokens) else {
        return Err(vec![changed_meaning(
            source,
            Span::new(0, 0),
            "the formatter's parser refused a file that kaohe's parser accepts",
        )]);
    };
    let mut failure: Option<(Span, &str)> = None;
    for spacing in [layout::Spacing::Canonical, layout::Spacing::AsWritten] {
        let out = layout::layout(text, &tokens, &tree, spacing);
        match syntax::parse(&SourceFile::new(source.name(), out.as_str())) {
            Ok(after) if same(&before, &after) => return Ok(out),
            Ok(after) => {
                let at = first_difference(&before, &after).unwrap_or_default();
                failure.get_or_insert((at, "formatted, this would mean something else"));
            }
            Err(_) => {
                failure.get_or_insert((Span::new(0, 0), "formatted, this file would not parse"));
            }
        }
    }
    let (at, label) = failure.unwrap_or((Span::new(0, 0), "here"));
    Err(vec![changed_meaning(source, at, label)])
}

fn changed_meaning(source: &SourceFile, at: Span, label: &str) -> Diagnostic {
    Diagnostic::error(
        codes::FMT_CHANGED_MEANING,
        crate::diagnostic::msg!("fmt-changed-meaning", name = source.name()),
    )
    .primary(at, label)
    .help(crate::diagnostic::msg!("fmt-changed-meaning".help))
    .with_source(source)
}
