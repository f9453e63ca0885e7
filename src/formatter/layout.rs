//! The canonical layout of a rule file, worked out from its tokens and its parse tree.
//!
//! The rules, in the order they apply:
//!
//! 1. Each statement of the file, and of a `{ … }` that spans lines, starts its own
//!    line; other line breaks are the author's, with at most one blank line in a row
//!    and none at the start or end of the file or before a `}`.
//! 2. A `{ … }` written on one line stays on one line. One that spans lines opens at
//!    the end of a line (a `{` alone on a line joins the line above) and closes at the
//!    start of one (text after the `}`, such as a fact's description, stays after it).
//! 3. A line is indented by two spaces for each `{ … }` around it; a line that
//!    continues the statement above by two more. A comment alone on its line is
//!    indented like the line after it; a comment after code stays on its line, and
//!    the comments after code on consecutive lines start in one column (display
//!    columns, a Chinese character counting two), one space after the widest code.
//! 4. Words are separated by one space, except: none before `,` `、` `)` `]` `[`, none
//!    after `(` `[` `、`, none inside a one-line `{…}` (`tally {国办, 省府办}`). `x<10`
//!    becomes `x < 10`, but a name such as `甲(乙)` is one word and is never cut.
//! 5. A `"""` block that spans lines is re-indented: its text two spaces deeper than
//!    the line it starts on, its closing quotes at that line's indentation. Its text —
//!    what the block means once the common indentation is removed — is unchanged.
//!    Comments and one-line strings are kept exactly (comments lose trailing spaces).
//!
//! [`Spacing::AsWritten`] keeps the source's spacing inside lines (rule 4 off); the
//! formatter falls back to it only if the canonical spacing would change what the file
//! means, which the grammar of today never does.

use unicode_width::UnicodeWidthStr;

use super::lex::{Kind, Token};
use super::tree::{GroupKind, Tree};

/// How words on a line are spaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spacing {
    /// Rule 4 of the module's documentation.
    Canonical,
    /// One space where the source has whitespace, none where it has none.
    AsWritten,
}

/// The characters of the grammar that may be cut out of a word and spaced by rule 4.
const PUNCTUATION: [char; 6] = ['(', ')', '[', ']', ',', '、'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PieceKind {
    /// A leaf of the parse tree, or a word kept whole.
    Text,
    Punct(char),
    Open,
    Close,
    Str,
    Block,
    Comment,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    kind: PieceKind,
    start: usize,
    end: usize,
    /// Line breaks in the source before the piece.
    newlines: usize,
    /// No whitespace in the source between the previous piece and this one.
    glued: bool,
    /// The piece starts a statement.
    statement: bool,
}

/// Lays out a source text; `tree` is its parse tree's view.
pub fn layout(text: &str, tokens: &[Token], tree: &Tree, spacing: Spacing) -> String {
    let pieces = pieces(text, tokens, tree, spacing);
    let groups = Groups::new(text, &pieces, tree);
    let order = reorder(&pieces, &groups);
    let lines = lines(&pieces, &groups, &order);
    render(text, &pieces, &groups, &lines, spacing)
}

/// Cuts the tokens into pieces: words into their leaves and punctuation (when the
/// spacing is canonical and the word is made of nothing else).
fn pieces(text: &str, tokens: &[Token], tree: &Tree, spacing: Spacing) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(tokens.len());
    let mut previous_end = None;
    for t in tokens {
        let glued = previous_end == Some(t.start);
        previous_end = Some(t.end);
        let kind = match t.kind {
            Kind::Open => PieceKind::Open,
            Kind::Close => PieceKind::Close,
            Kind::Str => PieceKind::Str,
            Kind::Block => PieceKind::Block,
            Kind::Comment => PieceKind::Comment,
            Kind::Word => PieceKind::Text,
        };
        let parts = match (t.kind, spacing) {
            (Kind::Word, Spacing::Canonical) => split_word(text, t.start, t.end, &tree.leaves),
            _ => None,
        };
        match parts {
            Some(parts) => {
                for (n, (kind, start, end)) in parts.into_iter().enumerate() {
                    out.push(Piece {
                        kind,
                        start,
                        end,
                        newlines: if n == 0 { t.newlines } else { 0 },
                        glued: n > 0 || glued,
                        statement: tree.statement_starts.contains(&start),
                    });
                }
            }
            None => out.push(Piece {
                kind,
                start: t.start,
                end: t.end,
                newlines: t.newlines,
                glued,
                statement: tree.statement_starts.contains(&t.start),
            }),
        }
    }
    out
}

/// A word's leaves and the punctuation between them, or `None` when the word holds
/// anything else (then it is kept whole).
fn split_word(
    text: &str,
    start: usize,
    end: usize,
    leaves: &[(usize, usize)],
) -> Option<Vec<(PieceKind, usize, usize)>> {
    let mut out = Vec::new();
    let mut at = start;
    let first = leaves.partition_point(|&(_, e)| e <= start);
    for &(s, e) in leaves[first..].iter().take_while(|&&(s, _)| s < end) {
        if s < at || e > end {
            return None;
        }
        punctuation(text, at, s, &mut out)?;
        out.push((PieceKind::Text, s, e));
        at = e;
    }
    punctuation(text, at, end, &mut out)?;
    Some(out)
}

fn punctuation(
    text: &str,
    from: usize,
    to: usize,
    out: &mut Vec<(PieceKind, usize, usize)>,
) -> Option<()> {
    for (i, c) in text[from..to].char_indices() {
        if !PUNCTUATION.contains(&c) {
            return None;
        }
        out.push((PieceKind::Punct(c), from + i, from + i + c.len_utf8()));
    }
    Some(())
}

/// The brace groups: for each `{` piece, its `}`, whether it spans lines, its kind.
struct Groups {
    /// By piece index of the `{`: the index of its `}`.
    close: Vec<Option<usize>>,
    /// By piece index of the `{` or the `}`: the group spans lines.
    multiline: Vec<bool>,
    /// By piece index of the `{`: how its statements are separated.
    kind: Vec<GroupKind>,
}

impl Groups {
    fn new(text: &str, pieces: &[Piece], tree: &Tree) -> Groups {
        let n = pieces.len();
        let mut g = Groups {
            close: vec![None; n],
            multiline: vec![false; n],
            kind: vec![GroupKind::List; n],
        };
        let mut stack: Vec<usize> = Vec::new();
        for (i, p) in pieces.iter().enumerate() {
            match p.kind {
                PieceKind::Open => stack.push(i),
                PieceKind::Close => {
                    if let Some(open) = stack.pop() {
                        g.close[open] = Some(i);
                        let spans_lines = pieces[open + 1..=i].iter().any(|q| {
                            q.newlines > 0
                                || q.kind == PieceKind::Comment
                                || (q.kind == PieceKind::Block
                                    && text[q.start..q.end].contains('\n'))
                        });
                        g.multiline[open] = spans_lines;
                        g.multiline[i] = spans_lines;
                        g.kind[open] = tree
                            .groups
                            .get(&pieces[open].start)
                            .copied()
                            .unwrap_or(GroupKind::List);
                    }
                }
                _ => {}
            }
        }
        g
    }

    fn opens_block(&self, pieces: &[Piece], i: usize) -> bool {
        pieces[i].kind == PieceKind::Open && self.multiline[i]
    }

    fn closes_block(&self, pieces: &[Piece], i: usize) -> bool {
        pieces[i].kind == PieceKind::Close && self.multiline[i]
    }
}

/// The order pieces are written in: the source's, except that a `{` opening a block
/// moves in front of the comments between it and the code before it, so that it can
/// end that code's line.
fn reorder(pieces: &[Piece], groups: &Groups) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(pieces.len());
    let mut comments: Vec<usize> = Vec::new();
    for i in 0..pieces.len() {
        if groups.opens_block(pieces, i) {
            while order
                .last()
                .is_some_and(|&k| pieces[k].kind == PieceKind::Comment)
            {
                comments.extend(order.pop());
            }
            if order.is_empty() {
                // Nothing but comments before it: it stays where it is.
                order.extend(comments.drain(..).rev());
                order.push(i);
            } else {
                order.push(i);
                order.extend(comments.drain(..).rev());
            }
        } else {
            order.push(i);
        }
    }
    order
}

/// One output line: its pieces in order, and whether a blank line comes before it.
struct Line {
    pieces: Vec<usize>,
    blank_before: bool,
}

/// Decides the line breaks (rules 1 and 2).
fn lines(pieces: &[Piece], groups: &Groups, order: &[usize]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    // The `{` of each group around the current piece.
    let mut around: Vec<usize> = Vec::new();
    let mut previous: Option<usize> = None;
    for &i in order {
        let p = &pieces[i];
        if p.kind == PieceKind::Close {
            around.pop();
        }
        let breaks = match previous {
            None => 0,
            Some(prev) => {
                let prev_piece = &pieces[prev];
                let mut b = p.newlines.min(2);
                if groups.opens_block(pieces, i) {
                    b = 0;
                } else if groups.closes_block(pieces, i) {
                    b = 1;
                } else if p.kind == PieceKind::Comment && p.newlines == 0 {
                    b = 0;
                } else {
                    if groups.opens_block(pieces, prev) {
                        b = b.max(1);
                    }
                    let in_statement_block = match around.last() {
                        None => true,
                        Some(&open) => {
                            groups.multiline[open] && groups.kind[open] == GroupKind::Statements
                        }
                    };
                    if p.statement && in_statement_block {
                        b = b.max(1);
                    }
                }
                if prev_piece.kind == PieceKind::Comment {
                    b = b.max(1);
                }
                b
            }
        };
        if p.kind == PieceKind::Open {
            around.push(i);
        }
        if breaks == 0 && !lines.is_empty() {
            if let Some(line) = lines.last_mut() {
                line.pieces.push(i);
            }
        } else {
            lines.push(Line {
                pieces: vec![i],
                blank_before: breaks >= 2,
            });
        }
        previous = Some(i);
    }
    lines
}

/// Works out each line's indentation (rule 3).
fn indents(pieces: &[Piece], groups: &Groups, lines: &[Line]) -> Vec<usize> {
    // For each open block: the indentation of its contents and of its `}`.
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut out = vec![0; lines.len()];
    let mut comments: Vec<usize> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let first = line.pieces[0];
        let contents = blocks.last().map_or(0, |b| b.0);
        let p = &pieces[first];
        if p.kind == PieceKind::Comment {
            comments.push(n);
            continue;
        }
        let indent = if groups.closes_block(pieces, first) {
            blocks.last().map_or(0, |b| b.1)
        } else if p.statement {
            contents
        } else {
            contents + 2
        };
        // Comments alone on their lines take the indentation of the code below them,
        // or of the block's contents when that code closes the block.
        let for_comments = if groups.closes_block(pieces, first) {
            contents
        } else {
            indent
        };
        for c in comments.drain(..) {
            out[c] = for_comments;
        }
        out[n] = indent;
        for &i in &line.pieces {
            if groups.opens_block(pieces, i) {
                blocks.push((indent + 2, indent));
            } else if groups.closes_block(pieces, i) {
                blocks.pop();
            }
        }
    }
    let contents = blocks.last().map_or(0, |b| b.0);
    for c in comments {
        out[c] = contents;
    }
    out
}

fn render(
    text: &str,
    pieces: &[Piece],
    groups: &Groups,
    lines: &[Line],
    spacing: Spacing,
) -> String {
    let indents = indents(pieces, groups, lines);
    // Each line as its code and its trailing comment, aligned afterwards.
    let mut rendered: Vec<(String, Option<&str>, bool)> = Vec::with_capacity(lines.len());
    for (line, &indent) in lines.iter().zip(&indents) {
        let mut code = String::new();
        push_spaces(&mut code, indent);
        let mut comment = None;
        let mut previous: Option<usize> = None;
        for &i in &line.pieces {
            let p = &pieces[i];
            let source = &text[p.start..p.end];
            if p.kind == PieceKind::Comment {
                if previous.is_some() {
                    comment = Some(source.trim_end());
                } else {
                    code.push_str(source.trim_end());
                }
                previous = Some(i);
                continue;
            }
            if let Some(prev) = previous {
                if space_between(&pieces[prev], p, groups, prev, i, pieces, spacing) {
                    code.push(' ');
                }
            }
            match p.kind {
                PieceKind::Block => push_block(&mut code, source, indent),
                _ => code.push_str(source),
            }
            previous = Some(i);
        }
        // A line never ends in spaces; a line of nothing but indentation is empty.
        let kept = code.trim_end_matches(' ').len();
        code.truncate(kept);
        rendered.push((code, comment, line.blank_before));
    }
    align_comments(&mut rendered);
    let mut out = String::with_capacity(text.len());
    for (code, comment, blank_before) in rendered {
        if blank_before {
            out.push('\n');
        }
        out.push_str(&code);
        if let Some(comment) = comment {
            out.push_str(comment);
        }
        out.push('\n');
    }
    out
}

/// Pads the code of lines with a trailing comment so that the comments of consecutive
/// such lines start in one column (one space after the widest code, counted in display
/// columns: a Chinese character is two); a lone trailing comment gets one space.
fn align_comments(lines: &mut [(String, Option<&str>, bool)]) {
    let aligned = |line: &(String, Option<&str>, bool)| line.1.is_some() && !line.0.contains('\n');
    let mut start = 0;
    while start < lines.len() {
        if !aligned(&lines[start]) {
            if lines[start].1.is_some() {
                lines[start].0.push(' ');
            }
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < lines.len() && aligned(&lines[end]) && !lines[end].2 {
            end += 1;
        }
        let column = lines[start..end]
            .iter()
            .map(|l| UnicodeWidthStr::width(l.0.as_str()))
            .max()
            .unwrap_or(0)
            + 1;
        for line in &mut lines[start..end] {
            let width = UnicodeWidthStr::width(line.0.as_str());
            push_spaces(&mut line.0, column - width);
        }
        start = end;
    }
}

fn push_spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// Rule 4: whether a space separates two pieces on one line.
fn space_between(
    prev: &Piece,
    next: &Piece,
    groups: &Groups,
    prev_index: usize,
    next_index: usize,
    pieces: &[Piece],
    spacing: Spacing,
) -> bool {
    if next.kind == PieceKind::Comment {
        return true;
    }
    if spacing == Spacing::AsWritten {
        return !next.glued;
    }
    let inline_open = prev.kind == PieceKind::Open && !groups.opens_block(pieces, prev_index);
    let inline_close = next.kind == PieceKind::Close && !groups.closes_block(pieces, next_index);
    if inline_open || inline_close {
        return false;
    }
    if matches!(next.kind, PieceKind::Punct(',' | '、' | ')' | ']' | '[')) {
        return false;
    }
    !matches!(prev.kind, PieceKind::Punct('(' | '[' | '、'))
}

/// Writes a `"""` block: as written when it is on one line, else re-indented.
fn push_block(out: &mut String, source: &str, indent: usize) {
    let raw = match source
        .strip_prefix("\"\"\"")
        .and_then(|s| s.strip_suffix("\"\"\""))
    {
        Some(raw) if source.len() >= 6 && raw.contains('\n') => raw,
        _ => {
            out.push_str(source);
            return;
        }
    };
    let text = block_text(raw);
    out.push_str("\"\"\"\n");
    if !text.is_empty() {
        for line in text.split('\n') {
            if !line.is_empty() {
                push_spaces(out, indent + 2);
                out.push_str(line);
            }
            out.push('\n');
        }
    }
    push_spaces(out, indent);
    out.push_str("\"\"\"");
}

/// The text a `"""` block means, as `crate::syntax` reads it (docs/language.md,
/// "Texts and notes"): the line break after the opening quotes dropped, at most the
/// indentation common to the lines that are not blank removed from each line (spaces
/// and tabs only), spaces at line ends and blank lines at the end dropped.
pub fn block_text(raw: &str) -> String {
    crate::syntax::dedent(raw)
}
