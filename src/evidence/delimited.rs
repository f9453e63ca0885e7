//! CSV evidence read into a [`Grid`], every cell with its byte span in the file.
//!
//! The file is UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8"), or
//! GB18030 (GBK, Excel's "CSV" on Chinese Windows): named, or detected
//! ([`super::encoding`]); spans point into the decoded text. The reader follows RFC
//! 4180 as Excel and WPS write it: cells separated by `,`, rows by CRLF, LF or CR; a
//! cell in double quotes may hold commas, line breaks and doubled quotes `""`. Rows are
//! numbered as a spreadsheet numbers them: a blank line is a row, and a quoted cell
//! with a line break stays in its row. The scanner is written here, not taken from
//! the `csv` crate, because diagnostics point at cells and `csv` keeps only where a
//! record starts.

use std::collections::HashSet;
use std::path::Path;

use super::cell::{Cell, DateSystem, Input};
use super::encoding::{self, Encoding};
use super::grid::Grid;
use crate::diagnostic::{codes, Diagnostic};
use crate::source::SourceFile;
use crate::span::Span;

/// Reads a CSV file in the encoding named, or the one detected, into rows of cells;
/// with the warning that says which encoding was detected, when it is not UTF-8.
/// `expected` are the headers a sheet of the rubric may have, which a file decoded in
/// the right encoding holds.
pub fn read(
    path: &Path,
    chosen: Option<Encoding>,
    expected: &HashSet<String>,
) -> Result<(Grid, Option<Diagnostic>), Diagnostic> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            codes::READ,
            format!("cannot read `{name}`: {}", super::lower_io(&e)),
        )
        .help("check the path, and that the file can be read")
    })?;
    let squeezed: Vec<String> = expected
        .iter()
        .map(|e| e.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let decoded = encoding::decode_csv(&name, &bytes, chosen, &squeezed)?;
    let note = (decoded.detected && decoded.encoding != Encoding::Utf8)
        .then(|| encoding::detected(&name, decoded.encoding));
    let source = SourceFile::new(name.clone(), decoded.text);
    Ok((grid(&source, &name)?, note))
}

/// Reads a CSV text into rows of cells.
pub fn grid(source: &SourceFile, path: &str) -> Result<Grid, Diagnostic> {
    let rows = scan(source.text()).map_err(|(span, message, help)| {
        Diagnostic::error(
            codes::EVIDENCE_SYNTAX,
            format!("this CSV file cannot be read: {message}"),
        )
        .primary(span, "here")
        .help(help)
        .with_source(source)
    })?;
    Ok(Grid {
        source: source.clone(),
        path: path.to_string(),
        sheet: None,
        rows,
        dates: DateSystem::default(),
    })
}

type ScanError = (Span, &'static str, &'static str);

const QUOTE_HELP: &str =
    "a cell that starts with `\"` must end with `\"` before the next `,` or line break; write a `\"` inside it as `\"\"`";

fn scan(text: &str) -> Result<Vec<Vec<Cell>>, ScanError> {
    let b = text.as_bytes();
    let mut p = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    loop {
        let start = p;
        let cell = if b.get(p) == Some(&b'"') {
            p += 1;
            let content = p;
            let mut value = String::new();
            let mut segment = p;
            let mut plain = true;
            loop {
                match b.get(p) {
                    None => {
                        return Err((
                            Span::new(start, start + 1),
                            "a quoted cell is never closed",
                            QUOTE_HELP,
                        ))
                    }
                    Some(b'"') if b.get(p + 1) == Some(&b'"') => {
                        value.push_str(&text[segment..=p]);
                        p += 2;
                        segment = p;
                        plain = false;
                    }
                    Some(b'"') => {
                        value.push_str(&text[segment..p]);
                        p += 1;
                        break;
                    }
                    Some(_) => p += 1,
                }
            }
            if !matches!(b.get(p), None | Some(b',' | b'\r' | b'\n')) {
                return Err((
                    Span::new(p, p + text[p..].chars().next().map_or(0, char::len_utf8)),
                    "text after the closing quote of a cell",
                    QUOTE_HELP,
                ));
            }
            Cell {
                input: Input::Text(value),
                span: Span::new(start, p),
                text_at: plain.then_some(content),
            }
        } else {
            while p < b.len() && !matches!(b[p], b',' | b'\r' | b'\n') {
                p += 1;
            }
            Cell {
                input: if p == start {
                    Input::Empty
                } else {
                    Input::Text(text[start..p].to_string())
                },
                span: Span::new(start, p),
                text_at: Some(start),
            }
        };
        row.push(cell);
        match b.get(p) {
            Some(b',') => p += 1,
            Some(b'\r' | b'\n') => {
                if b[p] == b'\r' && b.get(p + 1) == Some(&b'\n') {
                    p += 1;
                }
                p += 1;
                rows.push(std::mem::take(&mut row));
                if p == b.len() {
                    break;
                }
            }
            _ => {
                rows.push(std::mem::take(&mut row));
                break;
            }
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<Vec<(String, Span, Option<usize>)>> {
        scan(text)
            .expect("scans")
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|c| {
                        let t = match c.input {
                            Input::Text(t) => t,
                            Input::Empty => String::new(),
                            other => panic!("{other:?}"),
                        };
                        (t, c.span, c.text_at)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn cells_keep_their_spans() {
        let rows = texts("\u{feff}单位,a\r\n\r\n蓬江区,\"x,\"\"y\"\"\"\n\"图表、图解\",\n");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0][0], ("单位".into(), Span::new(3, 9), Some(3)));
        assert_eq!(rows[0][1], ("a".into(), Span::new(10, 11), Some(10)));
        // The blank line is a row of its own, as in a spreadsheet.
        assert_eq!(rows[1], vec![(String::new(), Span::new(13, 13), Some(13))]);
        assert_eq!(rows[2][1], ("x,\"y\"".into(), Span::new(25, 34), None));
        assert_eq!(rows[3][0].0, "图表、图解");
        assert_eq!(rows[3][0].2, Some(36));
        assert_eq!(rows[3][1].0, "");
    }

    #[test]
    fn a_quoted_line_break_stays_in_its_row() {
        let rows = texts("a,\"1\n2\"\nb,3");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][1].0, "1\n2");
        assert_eq!(rows[1][0].0, "b");
    }

    #[test]
    fn broken_quotes_are_refused_with_their_place() {
        let (span, message, _) = scan("a,\"bc\nd").unwrap_err();
        assert_eq!(
            (span, message),
            (Span::new(2, 3), "a quoted cell is never closed")
        );
        let (span, message, _) = scan("a,\"b\"c,d").unwrap_err();
        assert_eq!(
            (span, message),
            (Span::new(5, 6), "text after the closing quote of a cell")
        );
    }
}
