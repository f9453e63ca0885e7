//! Input: the files kaohe reads, as text and as trees with byte spans.
//!
//! A rule file, a calendar, and TOML, JSON and YAML evidence are read as UTF-8 text
//! ([`read_source`]), a CSV file in the encoding named or detected (`encoding`); TOML,
//! JSON and YAML text is read into one tree whose every key and value keeps its byte
//! range ([`read`], [`Node`]), so that the calendar and the evidence, which both read
//! it, can point a diagnostic into the file. What the tree means is theirs. Every file
//! is opened through `file`: a regular file only, a text up to a limit, so that a
//! device or a named pipe named as input is refused before it is read.

pub(crate) mod day;
pub(crate) mod encoding;
mod file;
mod problem;
pub(crate) mod raw;
mod reason;
mod yaml;

pub use encoding::Encoding;
pub use file::{not_a_file, open_regular, read_regular, MAX_SOURCE_BYTES, MAX_WORKBOOK_BYTES};
pub use problem::{Binary, InputError, IoProblem, NotRegular, Resave};
pub use raw::{read, Format, Node, Raw};

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// Reads a file as text, or says why it cannot be read.
pub fn read_source(path: &Path) -> Result<SourceFile, Diagnostic> {
    // A regular file only, of at most 64 MiB: a device or a named pipe named as a
    // rule file, a calendar or evidence is refused before it is read.
    let bytes = read_regular(path, MAX_SOURCE_BYTES)?;
    // UTF-8 only, a byte-order mark skipped; another encoding is refused, saying
    // what it looks like (never showing its text decoded wrongly).
    let text = encoding::utf8_only(&path.display().to_string(), bytes)?;
    Ok(SourceFile::new(path.display().to_string(), text))
}

/// The text with full-width ASCII forms (`１２`, `３．５％`, `Ｙ`, `（`, `／`) as their
/// ASCII characters, the ideographic space `U+3000` and the other Unicode spaces as a
/// space, the minus sign `U+2212` as `-`, and zero-width characters dropped. This is
/// the part of Unicode's NFKC that office text needs; it leaves Chinese characters and
/// CJK punctuation (`、`, `“`) as they are.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
            '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
                Some(' ')
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
            '\u{2212}' => Some('-'),
            c => Some(c),
        })
        .collect()
}
