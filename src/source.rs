//! A named source text, with line and character-column look-ups.
//!
//! miette's own `SourceCode` for strings reports the column of a span in bytes, so a
//! label after three Chinese characters would be announced at column 10 instead of 4.
//! `SourceFile` wraps the text and reports columns in characters.
//!
//! A source may be a part of a file: a large CSV file is read in chunks of rows, and
//! a diagnostic keeps only the lines it shows. Such a part knows where it starts in
//! the file ([`Origin`]), so that lines, columns and byte offsets are those of the
//! whole file, in messages, in rendered snippets and in JSON.

use std::sync::Arc;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::span::Span;

/// A source text (a rule file or an evidence file) and the name it is shown under.
/// Cloning is cheap: diagnostics each keep a handle on their source.
#[derive(Debug, Clone)]
pub struct SourceFile {
    inner: Arc<Inner>,
}

/// Where a source's text starts in its file: its byte offset, and the 1-based line
/// and character column of its first character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub byte: usize,
    pub line: usize,
    pub column: usize,
}

impl Default for Origin {
    /// The start of a file.
    fn default() -> Self {
        Origin {
            byte: 0,
            line: 1,
            column: 1,
        }
    }
}

impl Origin {
    /// Where the text that follows `text` starts, when `text` starts here.
    pub fn after(self, text: &str) -> Origin {
        let byte = self.byte + text.len();
        match memchr::memrchr(b'\n', text.as_bytes()) {
            Some(last) => Origin {
                byte,
                line: self.line + memchr::memchr_iter(b'\n', text.as_bytes()).count(),
                column: text[last + 1..].chars().count() + 1,
            },
            None => Origin {
                byte,
                line: self.line,
                column: self.column + text.chars().count(),
            },
        }
    }
}

#[derive(Debug)]
struct Inner {
    name: String,
    text: String,
    line_starts: Vec<usize>,
    origin: Origin,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile::starting_at(name, text, Origin::default())
    }

    /// A part of a file, whose text starts at `origin` in it.
    pub fn starting_at(name: impl Into<String>, text: impl Into<String>, origin: Origin) -> Self {
        let text: String = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        SourceFile {
            inner: Arc::new(Inner {
                name: name.into(),
                text,
                line_starts,
                origin,
            }),
        }
    }

    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// The text: the whole file's, or the part's that this source holds.
    pub fn text(&self) -> &str {
        &self.inner.text
    }

    /// Where the text starts in its file ([`Origin::default`] for a whole file).
    /// Spans are offsets into [`Self::text`]; add `origin().byte` for the file's.
    pub fn origin(&self) -> Origin {
        self.inner.origin
    }

    /// The byte offset of each line's start in the text, the first line's (0) first.
    pub fn line_starts(&self) -> &[usize] {
        &self.inner.line_starts
    }

    /// The 1-based line and 1-based character column of a byte offset, in the file.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor_char_boundary(offset.min(self.text().len()));
        let line = match self.inner.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.inner.line_starts[line];
        let col = self.text()[start..offset].chars().count();
        let origin = self.inner.origin;
        if line == 0 {
            (origin.line, origin.column + col)
        } else {
            (origin.line + line, col + 1)
        }
    }

    /// The 1-based line of a byte offset, in the file.
    pub fn line(&self, offset: usize) -> usize {
        self.line_col(offset).0
    }

    /// The lines that `span` touches, with `context` lines before and after, as a
    /// source of their own (what a diagnostic needs to be shown, without the rest of
    /// a large text); and the byte offset in this text at which the excerpt starts,
    /// to subtract from spans.
    pub fn excerpt(&self, span: Span, context: usize) -> (SourceFile, usize) {
        let starts = &self.inner.line_starts;
        let line_of = |offset: usize| match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let first = line_of(span.start.min(self.text().len())).saturating_sub(context);
        let last = line_of(span.end.min(self.text().len())) + context;
        let start = starts[first];
        let end = starts.get(last + 1).copied().unwrap_or(self.text().len());
        let origin = if first == 0 {
            self.inner.origin
        } else {
            Origin {
                byte: self.inner.origin.byte + start,
                line: self.inner.origin.line + first,
                column: 1,
            }
        };
        (
            SourceFile::starting_at(self.name(), &self.text()[start..end], origin),
            start,
        )
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while offset > 0 && !self.text().is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text()
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette counts the column in bytes; count it in characters instead. The header
        // of a report reads the column of the primary label with no context lines.
        // A part of a file numbers its lines from its origin. miette also counts the
        // lines from the start of the text to the end of what it read, and draws two
        // labels in one snippet when that count reaches the second: counted from the
        // file's start, a part is drawn as the whole file would be.
        let line = inner.line() + self.inner.origin.line - 1;
        let line_count = inner.line_count() + self.inner.origin.line - 1;
        let column = if context_lines_before == 0 {
            self.line_col(span.offset()).1 - 1
        } else {
            0
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name().to_string(),
            inner.data(),
            *inner.span(),
            line,
            column,
            line_count,
        )))
    }
}
