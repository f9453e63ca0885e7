//! What a diagnostic's human rendering shows of its source: the lines its labels
//! touch, one line of context around them, and of a long line only windows around
//! the labels' ends, marked with `…`.
//!
//! miette draws the whole of each line it shows, and measures columns in a `u16`: a
//! label more than 65,535 columns into its line made it panic, and a diagnostic on a
//! line of five megabytes printed five megabytes. miette's own reading of a string
//! source also scans the text from its start for every label, which made rendering
//! time quadratic in the number of diagnostics. An [`Excerpt`] is built from the
//! source's line index in time proportional to what it shows (plus the count of
//! characters before each label, for its column), holds at most [`LINE_CHARS`]
//! characters of a line without labels and [`WINDOW`] characters either side of
//! each label's start and end, and reports true line numbers and true character
//! columns, so the `line:column` header and the line numbers are the file's.

use std::collections::BTreeMap;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::SourceFile;
use crate::span::Span;

/// A line of at most this many characters is shown whole; a longer one is cut.
pub const LINE_CHARS: usize = 120;

/// Of a line that is cut, this many characters are shown before and after each
/// start and end of a label on it.
pub const WINDOW: usize = 60;

/// The mark of a cut: characters of the line that are not shown.
const CUT: char = '…';

/// Lines shown before and after a label (miette's default, which the renderer uses).
const CONTEXT: usize = 1;

/// Two labels whose lines are at most this many lines apart, context aside, are
/// drawn in one snippet with the lines between them; farther ones in two snippets.
pub const GAP: usize = 3;

/// A run of bytes of the excerpt that are the source's own bytes.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Where the run starts in the excerpt's text.
    view: usize,
    /// Where the run starts in the source's text.
    source: usize,
    len: usize,
}

/// One line of the source, as the excerpt shows it.
#[derive(Debug)]
struct Line {
    /// The line's index in the source text (0 for its first line).
    index: usize,
    /// Where the line starts in the excerpt's text.
    start: usize,
    /// The runs of the source's bytes it shows, in order.
    segments: Vec<Segment>,
    /// The first and last index in `Excerpt::lines` of the contiguous lines it
    /// belongs to.
    run: (usize, usize),
}

/// The lines of a source that a diagnostic shows, cut around its labels; it
/// implements miette's [`SourceCode`] with the source's line numbers and columns.
#[derive(Debug)]
pub struct Excerpt {
    source: SourceFile,
    text: String,
    /// The lines shown, in the excerpt's order: the primary label's run first.
    lines: Vec<Line>,
    /// Each line's index in the source and its position in `lines`, by the first.
    by_index: Vec<(usize, usize)>,
}

impl Excerpt {
    /// The excerpt of `source` that shows `spans` (byte spans of its text), and the
    /// spans as byte spans of the excerpt's text. The lines around the first span (the
    /// primary label's) come first, so that miette draws them first and heads the
    /// report with the primary label's place; the others follow in the file's order.
    pub fn new(source: &SourceFile, spans: &[Span]) -> (Excerpt, Vec<Span>) {
        let text = source.text();
        let starts = source.line_starts();
        let line_of = |offset: usize| match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let clamp = |offset: usize| floor_boundary(text, offset.min(text.len()));
        let spans: Vec<Span> = spans
            .iter()
            .map(|s| {
                let start = clamp(s.start);
                Span::new(start, clamp(s.end).max(start))
            })
            .collect();

        // The ends of labels on each line, and the ranges of lines to show.
        let mut ends: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for s in &spans {
            let (first, last) = (line_of(s.start), line_of(s.end));
            ends.entry(first).or_default().push(s.start);
            ends.entry(last).or_default().push(s.end);
            ranges.push((
                first.saturating_sub(CONTEXT),
                (last + CONTEXT).min(starts.len() - 1),
            ));
        }
        ranges.sort_unstable();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (a, b) in ranges {
            match runs.last_mut() {
                Some(last) if a <= last.1 + 1 + GAP => last.1 = last.1.max(b),
                _ => runs.push((a, b)),
            }
        }
        if let Some(first) = spans.first() {
            let line = line_of(first.start);
            if let Some(k) = runs.iter().position(|&(a, b)| a <= line && line <= b) {
                runs[..=k].rotate_right(1);
            }
        }

        let mut out = String::new();
        let mut lines = Vec::new();
        for (a, b) in runs {
            let run_start = lines.len();
            let run_end = run_start + (b - a);
            for index in a..=b {
                let start = starts[index];
                let end = starts.get(index + 1).copied().unwrap_or(text.len());
                let line_ends = ends.get(&index).map(Vec::as_slice).unwrap_or(&[]);
                let view_start = out.len();
                let segments = show_line(text, start, end, line_ends, &mut out);
                lines.push(Line {
                    index,
                    start: view_start,
                    segments,
                    run: (run_start, run_end),
                });
            }
        }
        let mut by_index: Vec<(usize, usize)> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| (l.index, i))
            .collect();
        by_index.sort_unstable();
        let excerpt = Excerpt {
            source: source.clone(),
            text: out,
            lines,
            by_index,
        };
        let spans = spans
            .iter()
            .map(|s| Span::new(excerpt.to_view(s.start), excerpt.to_view(s.end)))
            .collect();
        (excerpt, spans)
    }

    /// The excerpt's text, as miette draws it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The excerpt offset of a source offset on one of the lines shown.
    fn to_view(&self, offset: usize) -> usize {
        let starts = self.source.line_starts();
        let index = match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let Ok(at) = self.by_index.binary_search_by_key(&index, |&(i, _)| i) else {
            return 0;
        };
        let line = self.by_index[at].1;
        let segments = &self.lines[line].segments;
        segments
            .iter()
            .find(|s| s.source <= offset && offset <= s.source + s.len)
            .map(|s| s.view + (offset - s.source))
            .unwrap_or(self.lines[line].start)
    }

    /// The index in `lines` of the line an excerpt offset lies on.
    fn line_at(&self, offset: usize) -> usize {
        match self.lines.binary_search_by_key(&offset, |l| l.start) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The source offset of an excerpt offset: a `…` stands for the first character
    /// shown after it.
    fn to_source(&self, offset: usize) -> usize {
        let line = &self.lines[self.line_at(offset)];
        let segment = line
            .segments
            .iter()
            .find(|s| offset <= s.view + s.len)
            .or(line.segments.last());
        match segment {
            Some(s) => s.source + offset.saturating_sub(s.view).min(s.len),
            None => self.source.line_starts()[line.index],
        }
    }

    /// The end of a line in the excerpt's text, its line break included.
    fn line_end(&self, i: usize) -> usize {
        self.lines
            .get(i + 1)
            .map_or(self.text.len(), |next| next.start)
    }
}

/// Writes the line `text[start..end]` (its line break included) to `out` as shown,
/// whole or cut around `ends`, and gives the segments of the source it shows.
fn show_line(
    text: &str,
    start: usize,
    end: usize,
    ends: &[usize],
    out: &mut String,
) -> Vec<Segment> {
    let line = &text[start..end];
    let body_len = line
        .strip_suffix('\n')
        .map_or(line.len(), |l| l.strip_suffix('\r').unwrap_or(l).len());
    let body_end = start + body_len;
    let whole = body_len <= LINE_CHARS || line[..body_len].chars().nth(LINE_CHARS).is_none();
    if whole {
        let view = out.len();
        out.push_str(line);
        return vec![Segment {
            view,
            source: start,
            len: line.len(),
        }];
    }
    // Windows of characters, as byte ranges of the text, merged where they meet.
    let mut windows: Vec<(usize, usize)> = if ends.is_empty() {
        vec![(start, forward(text, start, body_end, LINE_CHARS))]
    } else {
        ends.iter()
            .map(|&e| {
                let e = e.clamp(start, body_end);
                (
                    back(text, e, start, WINDOW),
                    forward(text, e, body_end, WINDOW),
                )
            })
            .collect()
    };
    windows.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(windows.len());
    for (a, b) in windows {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let mut segments = Vec::with_capacity(merged.len());
    let mut shown_to = start;
    for (a, b) in merged {
        if a > shown_to {
            out.push(CUT);
        }
        // The last window that reaches the end of the line takes its line break.
        let b = if b == body_end { end } else { b };
        segments.push(Segment {
            view: out.len(),
            source: a,
            len: b - a,
        });
        out.push_str(&text[a..b]);
        shown_to = b;
    }
    if shown_to < body_end {
        out.push(CUT);
        out.push_str(&text[body_end..end]);
    }
    segments
}

/// The offset `n` characters before `at`, not before `floor`.
fn back(text: &str, at: usize, floor: usize, n: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(floor, |(i, _)| floor + i)
}

/// The offset `n` characters after `at`, not after `ceiling`.
fn forward(text: &str, at: usize, ceiling: usize, n: usize) -> usize {
    text[at..ceiling]
        .char_indices()
        .nth(n)
        .map_or(ceiling, |(i, _)| at + i)
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (offset, len) = (span.offset(), span.len());
        if offset + len > self.text.len() || self.lines.is_empty() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.line_at(offset);
        let last = self.line_at(if len > 0 { offset + len - 1 } else { offset });
        // Two runs of lines are two snippets: miette merges two labels' snippets only
        // when it can read a span covering both.
        if self.lines[first].run != self.lines[last].run {
            return Err(MietteError::OutOfBounds);
        }
        let from = first
            .saturating_sub(context_lines_before)
            .max(self.lines[first].run.0);
        let to = (last + context_lines_after).min(self.lines[last].run.1);
        // Like miette's own reading: without lines before, the contents start at the span.
        let start = if context_lines_before == 0 {
            offset
        } else {
            self.lines[from].start
        };
        let end = self.line_end(to).max(start);
        let origin_line = self.source.origin().line - 1;
        let column = if context_lines_before == 0 {
            self.source.line_col(self.to_source(offset)).1 - 1
        } else {
            0
        };
        let source_line = |i: usize| origin_line + self.lines[i].index;
        Ok(Box::new(MietteSpanContents::new_named(
            self.source.name().to_string(),
            &self.text.as_bytes()[start..end],
            (start, end - start).into(),
            if context_lines_before == 0 {
                source_line(first)
            } else {
                source_line(from)
            },
            column,
            // miette draws two labels in one snippet when the first's line and line
            // count reach the second's line: counted to the end of the run of lines
            // shown together, the labels of a run share a snippet and no other.
            source_line(self.lines[to].run.1) - source_line(from) + 1,
        )))
    }
}
