//! The open documents: each one's text, and what kaohe knows of it — its syntax tree
//! when it parses, the last tree that did (completion works on a file being typed),
//! and its diagnostics, as `kaohe check` gives them.

use std::collections::HashMap;

use lsp_types::{Position, Range, Uri};

use crate::check;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;
use crate::span::Span;
use crate::syntax::{self, ast};

use super::positions::LineIndex;

/// One open document.
#[derive(Debug)]
pub struct Document {
    pub text: String,
    pub lines: LineIndex,
    pub source: SourceFile,
    /// The syntax tree, when the text parses: the file as written.
    pub ast: Option<ast::File>,
    /// The points of the tree's sections and items, those written as weights (`40%`)
    /// worked out as the checker works them out (none when the text does not parse).
    pub points: check::Points,
    /// The tree of the last text that parsed (this one's when it does).
    pub last_good: Option<ast::File>,
    /// Every diagnostic of `kaohe check`, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Reads and checks a text; `previous` is the document it replaces, if any.
    pub fn new(uri: &Uri, text: String, previous: Option<Document>) -> Document {
        let source = SourceFile::new(name_of(uri), text.as_str());
        let ast = syntax::parse(&source).ok();
        // Points written as weights (`40%`) worked out, as the checker reads them.
        let points = ast.as_ref().map(check::points).unwrap_or_default();
        let checked = check::compile(&source).with_calendar(&source, None);
        let last_good = ast.clone().or(previous.and_then(|p| p.last_good));
        Document {
            lines: LineIndex::new(&text),
            text,
            source,
            ast,
            points,
            last_good,
            diagnostics: checked.diagnostics,
        }
    }

    pub fn range(&self, span: Span) -> Range {
        self.lines.range(&self.text, span)
    }

    pub fn offset(&self, position: Position) -> usize {
        self.lines.offset(&self.text, position)
    }

    pub fn span(&self, range: Range) -> Span {
        self.lines.span(&self.text, range)
    }
}

/// The open documents, by address.
#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<Uri, Document>,
}

impl Documents {
    /// Opens or replaces a document's text, and checks it.
    pub fn set(&mut self, uri: Uri, text: String) {
        let previous = self.open.remove(&uri);
        let document = Document::new(&uri, text, previous);
        self.open.insert(uri, document);
    }

    pub fn close(&mut self, uri: &Uri) {
        self.open.remove(uri);
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.open.get(uri)
    }
}

/// The name a document's diagnostics are told under: its file's path for a `file:`
/// address (so that a calendar file the rule names is found beside it, as `kaohe
/// check` finds it), else the address itself.
fn name_of(uri: &Uri) -> String {
    let text = uri.as_str();
    match text.strip_prefix("file://") {
        Some(rest) => {
            let path = percent_decode(rest);
            // `file:///C:/rules/a.rule` on Windows is the path `C:/rules/a.rule`.
            match path.as_bytes() {
                [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() => path[1..].to_string(),
                _ => path,
            }
        }
        None => text.to_string(),
    }
}

/// `%E4%B8%BB` → `主`: the escapes of an address decoded, byte by byte, as UTF-8.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_address_names_its_path() {
        let uri: Uri = "file:///rules/%E5%8E%BF.rule".parse().unwrap();
        assert_eq!(name_of(&uri), "/rules/县.rule");
        let uri: Uri = "file:///C:/rules/a%20b.rule".parse().unwrap();
        assert_eq!(name_of(&uri), "C:/rules/a b.rule");
        let uri: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(name_of(&uri), "untitled:Untitled-1");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
