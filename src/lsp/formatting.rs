//! Formatting through `kaohe fmt`'s own code ([`crate::formatter`]): the file laid out
//! whole, then given back as the runs of lines that change (so the cursor and the
//! editor's marks stay where they were), or nothing when the file does not parse or
//! the formatter refuses it (the diagnostics already say why). Range formatting keeps
//! the runs that lie within the range's lines.

use lsp_types::{Range, TextEdit};
use similar::{DiffTag, TextDiff};

use crate::formatter;
use crate::span::Span;

use super::documents::Document;

/// The edits that format a document; none when it is already formatted or cannot be.
pub fn format(document: &Document) -> Vec<TextEdit> {
    edits(document, None)
}

/// The edits that format the lines of a range.
pub fn format_range(document: &Document, range: Range) -> Vec<TextEdit> {
    edits(document, Some(range))
}

fn edits(document: &Document, within: Option<Range>) -> Vec<TextEdit> {
    let Ok(text) = formatter::format(&document.source) else {
        return Vec::new();
    };
    if text == document.text {
        return Vec::new();
    }
    let old_lines: Vec<&str> = document.text.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = text.split_inclusive('\n').collect();
    // Where each old line starts, and the text's end after the last.
    let mut starts = Vec::with_capacity(old_lines.len() + 1);
    let mut at = 0;
    for line in &old_lines {
        starts.push(at);
        at += line.len();
    }
    starts.push(at);
    let diff = TextDiff::from_slices(&old_lines, &new_lines);
    diff.ops()
        .iter()
        .filter(|op| op.tag() != DiffTag::Equal)
        .filter_map(|op| {
            let (old, new) = (op.old_range(), op.new_range());
            if let Some(range) = within {
                let (first, last) = (range.start.line as usize, range.end.line as usize);
                // A run that only inserts lines is within the range when its place is.
                let end = old.end.max(old.start + 1) - 1;
                if old.start < first || end > last {
                    return None;
                }
            }
            let span = Span::new(starts[old.start], starts[old.end]);
            Some(TextEdit::new(document.range(span), new_lines[new].concat()))
        })
        .collect()
}
