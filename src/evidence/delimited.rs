//! CSV evidence read in chunks of rows, each a [`Grid`] with every cell's byte span
//! in the chunk's text, so that a file of any number of rows is read in the memory of
//! one chunk.
//!
//! The file is UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8"), or
//! GB18030 (GBK, Excel's "CSV" on Chinese Windows): named, or detected
//! ([`super::encoding`]), and decoded as it is read. The reader follows RFC 4180 as
//! Excel and WPS write it: cells separated by `,`, rows by CRLF, LF or CR; a cell in
//! double quotes may hold commas, line breaks and doubled quotes `""`. Rows are
//! numbered as a spreadsheet numbers them: a blank line is a row, and a quoted cell
//! with a line break stays in its row. A chunk ends only where a row does, so a quoted
//! line break never cuts one; its source ([`SourceFile::starting_at`]) knows where it
//! starts in the file, so that diagnostics name the file's lines and columns. The
//! scanner is written here, not taken from the `csv` crate, because diagnostics point
//! at cells and `csv` keeps only where a record starts.
//!
//! A chunk keeps where each of its rows lies in its text, not the rows' cells: a row's
//! cells are made when the row is read ([`cells`]), by scanning its text again, and
//! their texts are copied only then. So the cells of the row being read are all that
//! is made of them, and reading a row keeps to the processor's cache.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use super::cell::{Cell, DateSystem, Input};
use super::encoding::{self, Encoding, TextReader};
use super::grid::{Grid, Rows};
use crate::diagnostic::{codes, Diagnostic};
use crate::source::{Origin, SourceFile};
use crate::span::Span;

/// How a CSV file is cut: the text of a chunk, and the bytes the encoding is told
/// from.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// A chunk ends at the first row boundary after this many bytes of text.
    pub chunk: usize,
    /// The bytes the encoding is detected from ([`encoding::SNIFF`]).
    pub sniff: usize,
}

/// The rows a first chunk holds at least (when the file has them), so that the
/// header is looked for among as many rows as in a file read whole.
const FIRST_ROWS: usize = super::grid::HEADER_SEARCH_ROWS;

/// One chunk of a CSV file: its rows, and the number of rows above it.
pub struct Chunk {
    pub grid: Grid,
    /// The 0-based row of the file that is the grid's first.
    pub first_row: usize,
}

/// A CSV file read a chunk of rows at a time.
pub struct Chunks {
    text: TextReader<BufReader<File>>,
    name: String,
    sizes: Sizes,
    /// Text decoded and not yet cut into chunks: it starts at a row boundary.
    buffer: String,
    /// Where `buffer` starts in the file.
    origin: Origin,
    /// The row of the file `buffer` starts with.
    row: usize,
    /// The chunks given so far.
    given: usize,
    /// The file's text has all been decoded.
    eof: bool,
    /// No chunk follows (the file has ended, or could not be read on).
    done: bool,
}

/// Opens a CSV file to read in the encoding named, or the one detected; with the
/// warning that says which encoding was detected, when it is not UTF-8. `expected`
/// are the headers a sheet of the rubric may have, which a file decoded in the right
/// encoding holds.
pub fn open(
    path: &Path,
    chosen: Option<Encoding>,
    expected: &HashSet<String>,
    sizes: Sizes,
) -> Result<(Chunks, Option<Diagnostic>), Diagnostic> {
    let name = path.display().to_string();
    // A regular file only: a named pipe would be waited on, a device read for ever.
    let file = crate::input::open_regular(path)?;
    let squeezed: Vec<String> = expected
        .iter()
        .map(|e| e.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    // The file is read a block at a time: as much as a chunk, within bounds that
    // keep reads efficient and tests with tiny chunks quick. A block much smaller than
    // a chunk (of 1 MiB by default) leaves little text after a chunk's last row, which
    // is all that is moved when the chunk is cut off.
    let block = sizes.chunk.clamp(1, 64 << 10);
    let text = TextReader::open(
        &name,
        BufReader::new(file),
        chosen,
        &squeezed,
        sizes.sniff,
        block,
    )?;
    let note = (text.detected() && text.encoding() != Encoding::Utf8)
        .then(|| encoding::detected(&name, text.encoding()));
    Ok((
        Chunks {
            text,
            name,
            sizes,
            buffer: String::new(),
            origin: Origin::default(),
            row: 0,
            given: 0,
            eof: false,
            done: false,
        },
        note,
    ))
}

impl Chunks {
    /// The next chunk of rows: at least `sizes.chunk` bytes of text, whole rows only
    /// (the first at least [`FIRST_ROWS`] rows), unless the file ends first; `None`
    /// after the last; a refusal when the rest of the file cannot be read (an
    /// encoding error, a quote never closed), after which none follows.
    pub fn next_chunk(&mut self) -> Option<Result<Chunk, Diagnostic>> {
        if self.done {
            return None;
        }
        let first = self.given == 0;
        let least = if first { FIRST_ROWS } else { 1 };
        let mut p = 0;
        // Where each row starts, and where the next does.
        let mut rows = Vec::new();
        let mut width = 0;
        loop {
            // The byte-order mark of a file written with two of them.
            if first && p == 0 && self.buffer.starts_with('\u{feff}') {
                p = 3;
            }
            let mut cells = 0;
            let quick = plain_row(&self.buffer, p);
            let scanned = match quick {
                Some((next, count)) => {
                    cells = count;
                    Ok(Scanned::Row(next))
                }
                None => next_row(&self.buffer, p, self.eof, |_| cells += 1),
            };
            let scanned = match scanned {
                // A row is scanned again from its start after each block read, so one
                // that never ends (a quote never closed, early in a large file) would
                // take time in the square of the file's size: past this, it is an
                // error at the row's start.
                Ok(Scanned::More) if self.buffer.len() - p > MAX_ROW => Err((
                    Span::new(
                        p,
                        p + self.buffer[p..].chars().next().map_or(0, char::len_utf8),
                    ),
                    "a row runs on for more than 16 MiB; a quoted cell is most likely never closed",
                    QUOTE_HELP,
                )),
                scanned => scanned,
            };
            match scanned {
                Ok(Scanned::Row(next)) => {
                    width = width.max(cells);
                    rows.push(p..next);
                    p = next;
                    if p >= self.sizes.chunk && rows.len() >= least {
                        break;
                    }
                }
                Ok(Scanned::More) => {
                    if let Err(d) = self.fill() {
                        self.done = true;
                        return Some(Err(d));
                    }
                }
                Ok(Scanned::End) => {
                    self.done = true;
                    if rows.is_empty() {
                        if !first {
                            return None;
                        }
                        // An empty file is one blank row, as a spreadsheet shows it
                        // ([`cells`] makes it of the empty range).
                        rows.push(p..p);
                    }
                    break;
                }
                Err((span, message, help)) => {
                    self.done = true;
                    // The line after the error, for the snippet's context, when the
                    // file goes on.
                    if !self.eof && self.buffer[span.end..].matches('\n').count() < 2 {
                        let _ = self.fill();
                    }
                    // The text from the chunk's start to the end of what was read (for
                    // a quote never closed, the rest of the file); past a chunk's size,
                    // only the lines shown.
                    let whole = first && self.buffer.len() <= self.sizes.chunk;
                    let source = SourceFile::starting_at(
                        self.name.clone(),
                        std::mem::take(&mut self.buffer),
                        self.origin,
                    );
                    let d = Diagnostic::error(
                        codes::EVIDENCE_SYNTAX,
                        crate::diagnostic::msg!("input-syntax", format = "CSV", reason = message),
                    )
                    .primary(span, crate::diagnostic::msg!("input-here"))
                    .help(help)
                    .with_source(&source);
                    return Some(Err(if whole { d } else { super::excerpted(d) }));
                }
            }
        }
        let mut rest = self.buffer.split_off(p);
        // The next chunk's text is read onto the rest of this one's: room for it now
        // saves moving it each time the text outgrows its room.
        rest.reserve(
            self.sizes
                .chunk
                .saturating_add(self.text.block())
                .min(MAX_RESERVE),
        );
        let text = std::mem::replace(&mut self.buffer, rest);
        let source = SourceFile::starting_at(self.name.clone(), text, self.origin);
        self.origin = self.origin.after(source.text());
        let first_row = self.row;
        self.row += rows.len();
        self.given += 1;
        Some(Ok(Chunk {
            grid: Grid {
                source,
                path: self.name.clone(),
                sheet: None,
                rows: Rows::text(rows, width, first),
                dates: DateSystem::default(),
            },
            first_row,
        }))
    }

    /// Decodes more of the file into the buffer.
    fn fill(&mut self) -> Result<(), Diagnostic> {
        if !self.text.read(&mut self.buffer)? {
            self.eof = true;
        }
        Ok(())
    }
}

type ScanError = (Span, &'static str, &'static str);

/// The longest row read: far beyond any row of evidence.
const MAX_ROW: usize = 16 << 20;

/// The most room made at once for a chunk's text (a chunk may be set larger, and
/// then grows as read).
const MAX_RESERVE: usize = 64 << 20;

const QUOTE_HELP: &str =
    "a cell that starts with `\"` must end with `\"` before the next `,` or line break; write a `\"` inside it as `\"\"`";

/// What the scanner finds at a place in the text.
#[derive(Debug)]
enum Scanned {
    /// A whole row, and where the next one starts.
    Row(usize),
    /// The text ends inside a row (or between a CR and the LF that may follow it),
    /// and more of the file follows: the row is scanned again from its start when
    /// there is more text.
    More,
    /// The file has ended, with the last row.
    End,
}

/// One cell as the scanner finds it, before its text is copied.
#[derive(Debug, Clone)]
struct Found {
    /// The whole cell, its quotes included.
    span: Span,
    /// Its text: inside the quotes of a quoted cell.
    content: std::ops::Range<usize>,
    /// Whether the cell is quoted.
    quoted: bool,
    /// Whether its text holds doubled quotes `""`, each one quote of the text.
    doubled: bool,
}

impl Found {
    /// The cell, its text borrowed from the text it was found in.
    fn cell<'t>(&self, text: &'t str) -> Cell<'t> {
        let inside = &text[self.content.clone()];
        let input = if self.doubled {
            Input::Text(Cow::Owned(inside.replace("\"\"", "\"")))
        } else if self.quoted || !inside.is_empty() {
            Input::Text(Cow::Borrowed(inside))
        } else {
            Input::Empty
        };
        Cell {
            input,
            span: self.span,
            // Where the characters stand as they are, so that a part of them can be
            // pointed at: not when a pair of quotes stands for one.
            text_at: (!self.doubled).then_some(self.content.start),
        }
    }
}

/// The cells of the row of `text` that starts at `row.start` (and ends before
/// `row.end`): a row a chunk's scan has found whole. An empty range is the one blank
/// row of an empty file. `width`: the cells the row most likely has.
pub(super) fn cells(text: &str, row: std::ops::Range<usize>, width: usize) -> Vec<Cell<'_>> {
    let mut cells = Vec::with_capacity(width);
    if row.is_empty() {
        cells.push(Cell {
            input: Input::Empty,
            span: Span::new(row.start, row.start),
            text_at: Some(row.start),
        });
        return cells;
    }
    if plain_cells(text, row.clone(), &mut cells) {
        return cells;
    }
    cells.clear();
    // The row was scanned whole once: it scans so again, and nothing else can come.
    let _ = next_row(&text[..row.end], row.start, true, |found| {
        cells.push(found.cell(text))
    });
    cells
}

/// The row that starts at `p` when no quote comes before its line break, as
/// [`next_row`] finds it: where the next row starts, and the row's cells. `None` when
/// a quote comes first, or the text ends before the line break is known (a CR may
/// have its LF in text not yet read): [`next_row`] then scans the row. A row without a
/// quote has no quoted cell, so it ends at its first line break, and its cells are
/// the texts between its commas.
fn plain_row(text: &str, p: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let end = p + memchr::memchr3(b'"', b'\n', b'\r', b.get(p..)?)?;
    let next = match b[end] {
        b'\n' => end + 1,
        b'\r' => match b.get(end + 1) {
            Some(b'\n') => end + 2,
            Some(_) => end + 1,
            None => return None,
        },
        _ => return None,
    };
    Some((next, memchr::memchr_iter(b',', &b[p..end]).count() + 1))
}

/// Pushes the cells of a whole row of `text` that no cell of starts with a quote, as
/// [`next_row`] gives them: the texts between its commas, up to its line break.
/// `false` when a cell starts with a quote: [`next_row`] must read the row, and some
/// of its cells may have been pushed.
fn plain_cells<'t>(text: &'t str, row: std::ops::Range<usize>, cells: &mut Vec<Cell<'t>>) -> bool {
    let b = text.as_bytes();
    // The row ends with its line break (CRLF, LF or CR), or with the file. A row no
    // cell of starts with a quote has no line break before its last.
    let mut end = row.end;
    if end > row.start && b[end - 1] == b'\n' {
        end -= 1;
    }
    if end > row.start && b[end - 1] == b'\r' {
        end -= 1;
    }
    let mut start = row.start;
    let mut push = |start: usize, stop: usize| {
        if start < end && b[start] == b'"' {
            return false;
        }
        debug_assert!(!b[start..stop].iter().any(|&c| c == b'\r' || c == b'\n'));
        // The cell [`Found::cell`] makes of a cell neither quoted nor with doubled
        // quotes, made here at once.
        let inside = &text[start..stop];
        cells.push(Cell {
            input: if inside.is_empty() {
                Input::Empty
            } else {
                Input::Text(Cow::Borrowed(inside))
            },
            span: Span::new(start, stop),
            text_at: Some(start),
        });
        true
    };
    for comma in memchr::memchr_iter(b',', &b[row.start..end]) {
        let stop = row.start + comma;
        if !push(start, stop) {
            return false;
        }
        start = stop + 1;
    }
    push(start, end)
}

/// Scans the row that starts at `p`, giving `each` of its cells as it is found.
/// `eof`: the text is the rest of the file, so a row it ends inside of ends there.
/// When the row is not whole (`More`) or refused, some of its cells may have been
/// given.
fn next_row(
    text: &str,
    mut p: usize,
    eof: bool,
    mut each: impl FnMut(Found),
) -> Result<Scanned, ScanError> {
    let b = text.as_bytes();
    if p >= b.len() {
        return Ok(if eof { Scanned::End } else { Scanned::More });
    }
    loop {
        let start = p;
        let found = if b.get(p) == Some(&b'"') {
            p += 1;
            let content = p;
            let mut doubled = false;
            loop {
                match b.get(p) {
                    None if !eof => return Ok(Scanned::More),
                    None => {
                        return Err((
                            Span::new(start, start + 1),
                            "a quoted cell is never closed",
                            QUOTE_HELP,
                        ))
                    }
                    // A quote at the end of the text may be the first of a doubled one.
                    Some(b'"') if p + 1 == b.len() && !eof => return Ok(Scanned::More),
                    Some(b'"') if b.get(p + 1) == Some(&b'"') => {
                        p += 2;
                        doubled = true;
                    }
                    Some(b'"') => {
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
            Found {
                span: Span::new(start, p),
                content: content..p - 1,
                quoted: true,
                doubled,
            }
        } else {
            while p < b.len() && !matches!(b[p], b',' | b'\r' | b'\n') {
                p += 1;
            }
            if p == b.len() && !eof {
                return Ok(Scanned::More);
            }
            Found {
                span: Span::new(start, p),
                content: start..p,
                quoted: false,
                doubled: false,
            }
        };
        each(found);
        match b.get(p) {
            Some(b',') => p += 1,
            Some(b'\r' | b'\n') => {
                if b[p] == b'\r' {
                    match b.get(p + 1) {
                        Some(b'\n') => p += 1,
                        None if !eof => return Ok(Scanned::More),
                        _ => {}
                    }
                }
                return Ok(Scanned::Row(p + 1));
            }
            None if !eof => return Ok(Scanned::More),
            _ => return Ok(Scanned::Row(p)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of a whole text, as a file of that text is read.
    fn scan(text: &str) -> Result<Vec<Vec<Cell<'_>>>, ScanError> {
        let mut rows = Vec::new();
        let mut p = 0;
        while let Scanned::Row(next) = next_row(text, p, true, |_| {})? {
            rows.push(cells(text, p..next, 0));
            p = next;
        }
        if rows.is_empty() {
            rows.push(cells(text, p..p, 0));
        }
        Ok(rows)
    }

    fn texts(text: &str) -> Vec<Vec<(String, Span, Option<usize>)>> {
        scan(text)
            .expect("scans")
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|c| {
                        let t = match c.input {
                            Input::Text(t) => t.to_string(),
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
        let rows = texts("单位,a\r\n\r\n蓬江区,\"x,\"\"y\"\"\"\n\"图表、图解\",\n");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0][0], ("单位".into(), Span::new(0, 6), Some(0)));
        assert_eq!(rows[0][1], ("a".into(), Span::new(7, 8), Some(7)));
        // The blank line is a row of its own, as in a spreadsheet.
        assert_eq!(rows[1], vec![(String::new(), Span::new(10, 10), Some(10))]);
        assert_eq!(rows[2][1], ("x,\"y\"".into(), Span::new(22, 31), None));
        assert_eq!(rows[3][0].0, "图表、图解");
        assert_eq!(rows[3][0].2, Some(33));
        assert_eq!(rows[3][1].0, "");
        // An empty text is one blank row.
        assert_eq!(
            texts(""),
            vec![vec![(String::new(), Span::new(0, 0), Some(0))]]
        );
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

    /// Whether the row at the start of a text is whole before the file's end.
    fn whole(text: &str) -> bool {
        matches!(next_row(text, 0, false, |_| {}), Ok(Scanned::Row(..)))
    }

    #[test]
    fn a_row_is_whole_only_at_its_line_break() {
        // Cut anywhere before its line break, a row needs more text: a cell, a quoted
        // line break, a quote that may be doubled, a CR that may have its LF.
        let row = "蓬江区,\"第一\r\n第\"\"二\"\"\",3\r\n";
        for (at, _) in row.char_indices().skip(1) {
            assert!(!whole(&row[..at]), "{:?}", &row[..at]);
        }
        assert!(whole(row));
        match next_row(row, 0, false, |_| {}) {
            Ok(Scanned::Row(next)) => {
                assert_eq!(next, row.len());
                let cells = cells(row, 0..next, 0);
                assert_eq!(cells.len(), 3);
                assert!(matches!(&cells[1].input, Input::Text(t) if t == "第一\r\n第\"二\""));
            }
            other => panic!("{other:?}"),
        }
        // A bare CR is a line break once what follows is known.
        assert!(whole("a\rb"));
        assert!(!whole("a\r"));
        assert!(matches!(
            next_row("a\r", 0, true, |_| {}),
            Ok(Scanned::Row(2))
        ));
    }
    /// Texts with every way a row may end and a cell be written: quoted cells with
    /// commas, line breaks and doubled quotes, a quote inside an unquoted cell, blank
    /// lines, empty cells, CR, LF and CRLF, and a last row with and without its line
    /// break.
    const MIXED: &[&str] = &[
        "单位,a,b\r\n蓬江区,1,\r\n\r\n,,\n江海区,\"x,\"\"y\"\"\",3\n",
        "a,\"1\r\n2\",c\rb,3\r\r\nx\"y,\"\"\nlast,\"\"",
        "\n\r\n\r,\r\"\"\"\"\n a ,b\"\",\"\n\",",
        "a,b\r",
        "\"q\"",
        "甲乙,丙\n丁",
    ];

    /// The row at `p` as [`next_row`] alone scans it: what it finds, and its cells.
    fn careful(text: &str, p: usize, eof: bool) -> (Result<Scanned, ScanError>, Vec<Cell<'_>>) {
        let mut cells = Vec::new();
        let scanned = next_row(text, p, eof, |found| cells.push(found.cell(text)));
        (scanned, cells)
    }

    #[test]
    fn a_row_without_quotes_is_found_as_the_careful_scan_finds_it() {
        for text in MIXED {
            // Every cut of the text, as a chunk's buffer may end, and every row start.
            for (cut, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let part = &text[..cut];
                for eof in [false, true] {
                    let mut p = 0;
                    loop {
                        let (scanned, found) = careful(part, p, eof);
                        if let Some((next, count)) = plain_row(part, p) {
                            assert!(
                                matches!(scanned, Ok(Scanned::Row(n)) if n == next),
                                "{part:?} at {p}: {scanned:?}, plain {next}"
                            );
                            assert_eq!(count, found.len(), "{part:?} at {p}");
                        }
                        match scanned {
                            Ok(Scanned::Row(next)) => {
                                assert_eq!(cells(part, p..next, 0), found, "{part:?} at {p}");
                                p = next;
                            }
                            _ => break,
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn plain_rows_end_at_their_first_line_break() {
        assert_eq!(plain_row("a,b\nc", 0), Some((4, 2)));
        assert_eq!(plain_row("a,b\r\nc", 0), Some((5, 2)));
        assert_eq!(plain_row("a,,b\rc", 0), Some((5, 3)));
        assert_eq!(plain_row("\n", 0), Some((1, 1)));
        // A CR at the end of the text may have its LF in the text not yet read; a
        // quote, and a row the text ends inside of, are for the careful scan.
        assert_eq!(plain_row("a\r", 0), None);
        assert_eq!(plain_row("a,\"b\"\n", 0), None);
        assert_eq!(plain_row("a\"b\n", 0), None);
        assert_eq!(plain_row("a,b", 0), None);
        assert_eq!(plain_row("a", 1), None);
    }

    /// The rows of a file as it is read in chunks of `chunk` bytes of text: each row's
    /// place in the file and its cells' texts, spans and places.
    fn chunked(path: &Path, chunk: usize) -> Vec<(usize, Vec<Cell<'static>>)> {
        let sizes = Sizes {
            chunk,
            sniff: chunk,
        };
        let (mut chunks, _) =
            open(path, Some(Encoding::Utf8), &HashSet::new(), sizes).expect("opens");
        let mut rows = Vec::new();
        while let Some(chunk) = chunks.next_chunk() {
            let chunk = chunk.expect("reads");
            let at = chunk.grid.source.origin().byte;
            for i in 0..chunk.grid.row_count() {
                let row: Vec<Cell<'static>> = chunk
                    .grid
                    .row(i)
                    .iter()
                    .map(|c| {
                        let mut c = c.clone().into_owned();
                        c.span = Span::new(c.span.start + at, c.span.end + at);
                        c.text_at = c.text_at.map(|t| t + at);
                        c
                    })
                    .collect();
                rows.push((chunk.first_row + i, row));
            }
        }
        rows
    }

    #[test]
    fn a_file_read_in_chunks_of_any_size_gives_the_rows_of_the_file_read_whole() {
        // Removed with what it holds when the test ends.
        let scratch = tempfile::Builder::new()
            .prefix("kaohe-delimited-")
            .tempdir()
            .expect("makes a folder");
        let dir = scratch.path();
        for (i, mixed) in MIXED.iter().enumerate() {
            // The rows above fill the first chunk, so that later chunks start anywhere
            // in the mixed rows.
            let text = &format!("{}{mixed}", "x,y\n".repeat(FIRST_ROWS));
            let path = dir.join(format!("{i}.csv"));
            std::fs::write(&path, text).expect("writes");
            let whole = chunked(&path, 1 << 20);
            // The rows of the text, as the careful scan alone finds them.
            let mut expected = Vec::new();
            let mut p = 0;
            while let (Ok(Scanned::Row(next)), found) = careful(text, p, true) {
                let found = found.into_iter().map(Cell::into_owned).collect();
                expected.push((expected.len(), found));
                p = next;
            }
            assert_eq!(whole, expected, "{text:?}");
            // Chunks end at every place a row may be cut, the first holding at least
            // the rows the header is looked for among.
            for chunk in 1..=mixed.len() + 4 * FIRST_ROWS + 1 {
                assert_eq!(
                    chunked(&path, chunk),
                    whole,
                    "{text:?} in chunks of {chunk}"
                );
            }
        }
    }
}
