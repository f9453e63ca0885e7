//! Formatting through `kaohe fmt`'s own code ([`crate::formatter`]): the whole text
//! replaced by its canonical layout, or nothing when the file does not parse or the
//! formatter refuses it (the diagnostics already say why).

use lsp_types::TextEdit;

use crate::formatter;

use super::documents::Document;

/// The edit that formats a document; none when it is already formatted or cannot be.
pub fn format(document: &Document) -> Vec<TextEdit> {
    match formatter::format(&document.source) {
        Ok(text) if text != document.text => vec![TextEdit::new(document.full_range(), text)],
        _ => Vec::new(),
    }
}
