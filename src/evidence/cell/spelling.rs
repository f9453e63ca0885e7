//! The spellings every type shares: a cell's text folded to its ASCII forms
//! ([`fold_width`]), trimmed of spaces (the ideographic space among them), and unit and
//! member names normalised ([`normalise_name`]), each looked at byte by byte first so
//! that most cells, which need none of it, are borrowed as they are.

use super::*;

// ── Spellings shared by every type ──────────────────────────────────────────────

pub use crate::input::fold_width;

/// A name as kaohe compares names: a unit's name, a header, a set's member.
/// [`fold_width`] first; then spaces around the name are dropped, spaces beside a
/// character that is not ASCII (`台 山 市`, `江门市 (区)`) are dropped, and any other run
/// of spaces (between two ASCII words) becomes one space. So `台　山　市`, `台山市 ` and
/// `台山市` are one name, and so are `ＡＢＣ区` and `ABC区`.
pub fn normalise_name(text: &str) -> String {
    // A name with no byte that may start a space, and no character that folds, is
    // its own: most are, such as `台山市` or `单位7`.
    if !text.is_empty() && !text.bytes().any(may_start_space) && !any_folds(text) {
        return text.to_string();
    }
    normalised_by_characters(text)
}

/// [`normalise_name`], one character at a time.
pub(super) fn normalised_by_characters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    // Most names need no folding, and are not copied to be folded.
    let folded = if !any_folds(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(fold_width(text))
    };
    for c in folded.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space && c.is_ascii() && out.chars().next_back().is_some_and(|p| p.is_ascii()) {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// The cell's text as a value is spelled: full-width forms folded, trimmed. Most
/// cells need no folding and are borrowed as they are.
pub(super) fn spelled(text: &str) -> Cow<'_, str> {
    if any_folds(text) {
        Cow::Owned(fold_width(text).trim().to_string())
    } else {
        Cow::Borrowed(trim(text))
    }
}

/// `text.trim()`, answered at once when the text starts and ends with characters that
/// cannot be spaces, as most cells do.
pub(super) fn trim(text: &str) -> &str {
    let b = text.as_bytes();
    let (Some(&first), Some(&end)) = (b.first(), b.last()) else {
        return text;
    };
    // A printable ASCII character at each end, as most cells have: no space to trim.
    if (b'!'..=b'~').contains(&first) && (b'!'..=b'~').contains(&end) {
        return text;
    }
    // The first byte of the last character: it has at most three after it. A byte
    // from 0xE0 three from the end starts a character of three bytes, which must be
    // the last (a Chinese character is); else the bytes are looked at one by one.
    let last = match b.len().checked_sub(3).map(|i| b[i]) {
        Some(lead @ 0xE0..=0xEF) => Some(lead),
        _ => b.iter().rev().take(4).find(|&&c| c & 0xC0 != 0x80).copied(),
    };
    match last {
        Some(last) if !may_start_space(first) && !may_start_space(last) => text,
        _ => text.trim(),
    }
}

/// Whether a character that starts with this byte may be a space
/// (`char::is_whitespace`): an ASCII space or control from U+0009 to U+000D, or a
/// character from U+0080 to U+00FF (`0xC2`, U+0085 and U+00A0 among them), U+1000 to
/// U+1FFF (`0xE1`, U+1680), U+2000 to U+2FFF (`0xE2`, U+2000 to U+205F) or U+3000 to
/// U+3FFF (`0xE3`, U+3000). No other character is a space.
pub(super) fn may_start_space(byte: u8) -> bool {
    MAY_START_SPACE[usize::from(byte)]
}

/// The bytes of [`may_start_space`], as a table.
const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b' ' | 0x09..=0x0D | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        b += 1;
    }
    table
};
/// Whether [`fold_width`] changes or drops a character of the text: `text.chars()
/// .any(folds)`, told from the bytes without decoding a character. Every character
/// that folds starts with the byte `0xC2`, `0xE2`, `0xE3` or `0xEF` (none is ASCII),
/// and such a byte never continues a character, so any byte may be looked at.
pub(super) fn any_folds(text: &str) -> bool {
    let b = text.as_bytes();
    !text.is_ascii()
        && b.iter()
            .enumerate()
            .any(|(i, lead)| matches!(lead, 0xC2 | 0xE2 | 0xE3 | 0xEF) && folds_at(b, i))
}

/// Whether the text holds a character that [`fold_width`] drops: U+200B to U+200D
/// (E2 80 8B to 8D), U+2060 (E2 81 A0) or U+FEFF (EF BB BF).
pub(super) fn drops_any(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(0xE2, 0xEF, b).any(|i| {
        matches!(
            (b[i], b.get(i + 1), b.get(i + 2)),
            (0xE2, Some(0x80), Some(0x8B..=0x8D))
                | (0xE2, Some(0x81), Some(0xA0))
                | (0xEF, Some(0xBB), Some(0xBF))
        )
    })
}

/// Whether the character that starts at byte `i` folds ([`folds`]).
fn folds_at(b: &[u8], i: usize) -> bool {
    let next = (b.get(i + 1).copied(), b.get(i + 2).copied());
    match b[i] {
        // U+00A0.
        0xC2 => next.0 == Some(0xA0),
        // U+2000 to U+200D, U+202F, U+205F, U+2060, U+2212.
        0xE2 => matches!(
            next,
            (Some(0x80), Some(0x80..=0x8D | 0xAF))
                | (Some(0x81), Some(0x9F | 0xA0))
                | (Some(0x88), Some(0x92))
        ),
        // U+3000.
        0xE3 => next == (Some(0x80), Some(0x80)),
        // U+FF01 to U+FF5E, U+FEFF.
        0xEF => matches!(
            next,
            (Some(0xBC), Some(0x81..=0xBF))
                | (Some(0xBD), Some(0x80..=0x9E))
                | (Some(0xBB), Some(0xBF))
        ),
        _ => false,
    }
}

/// Whether [`fold_width`] changes or drops a character: the definition that
/// [`any_folds`] is tested against, character by character.
#[cfg(test)]
pub(super) fn folds(c: char) -> bool {
    matches!(c,
        '\u{FF01}'..='\u{FF5E}'
        | '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
        | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{2212}')
}
