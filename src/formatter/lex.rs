//! The formatter's lexer: a rule file cut into words, braces, strings and comments,
//! with the number of line breaks before each.
//!
//! It knows only what the grammar's layout rules say, not its keywords: whitespace is
//! a space, a tab, a line break or the ideographic space U+3000; `#` starts a comment
//! that runs to the end of the line; `"""` starts a block that runs to the next `"""`;
//! `"` starts a one-line string with backslash escapes; `{` and `}` stand alone; every
//! other run of characters is a word (the same characters a bare name may hold). A
//! keyword added to the language is a word like any other, so the formatter needs no
//! change for it.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of characters other than whitespace, `{`, `}`, `"` and `#`.
    Word,
    /// `{`.
    Open,
    /// `}`.
    Close,
    /// A one-line string, `"…"`, quotes included.
    Str,
    /// A block, `"""…"""`, quotes included.
    Block,
    /// A comment, from `#` to the end of its line (the line break excluded).
    Comment,
}

/// One token: its kind, its byte range in the source, and how many line breaks the
/// whitespace before it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub newlines: usize,
}

/// Whitespace as the grammar's `WHITESPACE` rule defines it.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n' | '\u{3000}')
}

/// Cuts a source text into tokens. Every byte of the text that is not whitespace
/// belongs to exactly one token.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut newlines = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if is_space(c) {
            if c == '\n' {
                newlines += 1;
            }
            chars.next();
            continue;
        }
        let (kind, end) = match c {
            '{' => (Kind::Open, start + 1),
            '}' => (Kind::Close, start + 1),
            '#' => {
                let end = text[start..]
                    .find(['\r', '\n'])
                    .map_or(text.len(), |i| start + i);
                (Kind::Comment, end)
            }
            '"' if text[start..].starts_with("\"\"\"") => {
                let end = text[start + 3..]
                    .find("\"\"\"")
                    .map_or(text.len(), |i| start + 3 + i + 3);
                (Kind::Block, end)
            }
            '"' => (Kind::Str, string_end(text, start)),
            _ => {
                let end = text[start..]
                    .find(|c: char| is_space(c) || matches!(c, '{' | '}' | '"' | '#'))
                    .map_or(text.len(), |i| start + i);
                (Kind::Word, end)
            }
        };
        out.push(Token {
            kind,
            start,
            end,
            newlines,
        });
        newlines = 0;
        while chars.peek().is_some_and(|&(i, _)| i < end) {
            chars.next();
        }
    }
    out
}

/// The end of a one-line string that starts at `start`: after its closing quote, or
/// at the line break that leaves it open (a file that does not parse).
fn string_end(text: &str, start: usize) -> usize {
    let mut chars = text[start + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' => return start + 1 + i + 1,
            '\r' | '\n' => return start + 1 + i,
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str, usize)> {
        tokens(text)
            .into_iter()
            .map(|t| (t.kind, &text[t.start..t.end], t.newlines))
            .collect()
    }

    #[test]
    fn words_braces_strings_and_comments() {
        assert_eq!(
            kinds("item 决策公开 4 { # 说明\n  text \"a \\\" b\"\n}"),
            vec![
                (Kind::Word, "item", 0),
                (Kind::Word, "决策公开", 0),
                (Kind::Word, "4", 0),
                (Kind::Open, "{", 0),
                (Kind::Comment, "# 说明", 0),
                (Kind::Word, "text", 1),
                (Kind::Str, "\"a \\\" b\"", 0),
                (Kind::Close, "}", 1),
            ]
        );
    }

    #[test]
    fn blocks_keep_quotes_and_hashes() {
        assert_eq!(
            kinds("text \"\"\"\n  a # b \"c\"\n\"\"\"x"),
            vec![
                (Kind::Word, "text", 0),
                (Kind::Block, "\"\"\"\n  a # b \"c\"\n\"\"\"", 0),
                (Kind::Word, "x", 0),
            ]
        );
    }

    #[test]
    fn ideographic_space_separates_words() {
        assert_eq!(
            kinds("total\u{3000}100\r\n\n"),
            vec![(Kind::Word, "total", 0), (Kind::Word, "100", 0)]
        );
    }

    #[test]
    fn a_comment_ends_at_a_carriage_return() {
        assert_eq!(
            kinds("# a\rtotal"),
            vec![(Kind::Comment, "# a", 0), (Kind::Word, "total", 0)]
        );
    }
}
