//! Positions: the byte offsets of kaohe's spans, and the line and UTF-16 column the
//! Language Server Protocol counts in.
//!
//! A Chinese character is three bytes of UTF-8 and one UTF-16 unit; a character
//! outside the Basic Multilingual Plane (such as `𠀀`) is four bytes and two units.
//! An editor's column is in units, so every span is converted through here.

use lsp_types::{Position, Range};

use crate::span::Span;

/// Where each line of a text starts, to convert offsets to positions and back.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The position of a byte offset: its line, and its column in UTF-16 units. An
    /// offset inside a character counts from the character's start; one past the end
    /// is the end.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(line as u32, column as u32)
    }

    /// The byte offset of a position. A column past the end of its line is the line's
    /// end, a line past the end of the text is the text's end, and a column inside a
    /// character (between the two units of an astral one) is the character's end.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(text.len(), |next| next - 1);
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }

    /// The range of a span.
    pub fn range(&self, text: &str, span: Span) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end),
        )
    }

    /// The span of a range.
    pub fn span(&self, text: &str, range: Range) -> Span {
        let start = self.offset(text, range.start);
        Span::new(start, self.offset(text, range.end).max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_astral_characters_count_in_utf16_units() {
        // `𠀀` is two UTF-16 units (four bytes); each Chinese character one unit.
        let text = "item 决策𠀀公开 4 {\n  fact 未做征集 bool\n}";
        let index = LineIndex::new(text);
        let at = text.find("公开").unwrap();
        assert_eq!(index.position(text, at), Position::new(0, 9));
        assert_eq!(index.offset(text, Position::new(0, 9)), at);
        let fact = text.find("未做征集").unwrap();
        assert_eq!(index.position(text, fact), Position::new(1, 7));
        assert_eq!(index.offset(text, Position::new(1, 7)), fact);
        let end = fact + "未做征集".len();
        assert_eq!(index.position(text, end), Position::new(1, 11));
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 99)), 2);
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len());
        assert_eq!(index.position(text, 99), Position::new(1, 2));
        // Between the two units of an astral character: the character's end.
        let text = "𠀀x";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 1)), 4);
    }

    #[test]
    fn round_trip_on_every_character() {
        let text = "section 主动公开 30 {\r\n  item 𠀀𠀁 4 { text \"甲\" }\n}\n";
        let index = LineIndex::new(text);
        for (i, _) in text.char_indices() {
            assert_eq!(index.offset(text, index.position(text, i)), i, "at {i}");
        }
    }
}
