//! Reading a `set` cell: its members split by their separators, each trimmed and
//! found by its name (compared without width or spacing), or none (`无`, `[]`).

use super::*;

// ── Sets ────────────────────────────────────────────────────────────────────────

/// The separators of a set's members in one cell (the full-width ones as typed, since
/// the cell's text is split before it is folded, to point at each member). The cell is
/// split by their bytes ([`separator_len`]); the tests check it finds these.
#[cfg(test)]
pub(super) const SET_SEPARATORS: [char; 10] = [
    '、', ',', '，', ';', '；', '|', '｜', '\n', '\r', '\u{FF64}',
];

pub(super) fn set(name: Name<'_>, members: &[Member], cell: &Cell) -> Read {
    let Input::Text(t) = &cell.input else {
        return wrong(
            cell,
            CellError::Members {
                name: name.to_string(),
                text: cell.shown(),
                members: members.iter().map(|m| m.name.node.clone()).collect(),
            },
        );
    };
    if says_none(members, t) {
        return node(Raw::Array(Vec::new()), cell);
    }
    let mut elements = Vec::new();
    set_pieces(t, |at, written| {
        // A member written with other spaces or in full-width forms is that member;
        // anything else goes on as written, for `validate` to refuse with a "did you
        // mean".
        let name = member_named(members, written).map_or(written, |i| &members[i].name.node);
        elements.push(Node {
            raw: Raw::String(name.to_string()),
            span: cell.part_span(at, written.len()),
        });
    });
    node(Raw::Array(elements), cell)
}

/// Whether a set's cell says that no member is present: `[]`, or `无` when no member
/// is called so.
pub(super) fn says_none(members: &[Member], text: &str) -> bool {
    // Only a text with `[` (or its full-width form `［`, EF BC BB) or `无` (E6 97 A0)
    // can spell either; most lists are not looked at further.
    let b = text.as_bytes();
    let may = b.iter().enumerate().any(|(i, &c)| match c {
        b'[' => true,
        0xEF => b.get(i + 1..i + 3) == Some(&[0xBC, 0xBB]),
        0xE6 => b.get(i + 1..i + 3) == Some(&[0x97, 0xA0]),
        _ => false,
    });
    if !may {
        return false;
    }
    let trimmed = spelled(text);
    let none_word = !members.iter().any(|m| m.name.node == "无");
    trimmed == "[]" || (none_word && trimmed == "无")
}

/// Calls `each` with every member a set's cell writes, split at the separators
/// ([`separator_len`]): where its text starts in the cell's text, and the text,
/// trimmed (never empty).
pub(super) fn set_pieces(text: &str, mut each: impl FnMut(usize, &str)) {
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut piece = |start: usize, end: usize| {
        // A separator starts and ends at a character's boundary, and so does the text.
        let piece = &text[start..end];
        let written = trim(piece);
        if !written.is_empty() {
            // `written` lies inside `piece`: its offset there is the spaces trimmed.
            let lead = written.as_ptr() as usize - piece.as_ptr() as usize;
            each(start + lead, written);
        }
    };
    while i < b.len() {
        // `i` is at a character's start. Most characters start no separator, which the
        // table says from their first byte at once, and are stepped over whole (a
        // Chinese character is three bytes); a byte that may start one is looked at
        // with the bytes after it.
        let lead = usize::from(b[i]);
        let separator = if MAY_SEPARATE[lead] {
            separator_len(b, i)
        } else {
            0
        };
        if separator == 0 {
            i += usize::from(CHARACTER_LEN[lead]);
            continue;
        }
        piece(start, i);
        i += separator;
        start = i;
    }
    // The end of the text ends the last piece.
    piece(start, b.len());
}

/// The length in bytes of the character a byte starts (1 for a byte that starts
/// none, which text never has at a character's start).
pub(super) const CHARACTER_LEN: [u8; 256] = {
    let mut table = [1; 256];
    let mut b = 0xC0;
    while b < 256 {
        table[b] = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        b += 1;
    }
    table
};

/// The bytes a separator of a set's members ([`separator_len`]) may start with.
pub(super) const MAY_SEPARATE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b',' | b';' | b'|' | b'\n' | b'\r' | 0xE3 | 0xEF);
        b += 1;
    }
    table
};

/// The length in bytes of the separator of a set's members that starts at byte `i`,
/// or 0: `、` `,` `，` `;` `；` `|` `｜` `､` or a line break (`\n`, `\r`). A byte that starts a character of several bytes never
/// stands inside one, so any byte may be looked at.
#[inline]
pub(super) fn separator_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b',' | b';' | b'|' | b'\n' | b'\r' => 1,
        // `、` (U+3001).
        0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x81]) => 3,
        // `，` (U+FF0C), `；` (U+FF1B), `｜` (U+FF5C), `､` (U+FF64).
        0xEF if matches!(
            b.get(i + 1..i + 3),
            Some([0xBC, 0x8C] | [0xBC, 0x9B] | [0xBD, 0x9C] | [0xBD, 0xA4])
        ) =>
        {
            3
        }
        _ => 0,
    }
}

/// The member (its index) a set's cell names with `written`: the member so called, or
/// else the first whose name is `written` once both are compared as names
/// ([`normalise_name`]: other spaces, full-width forms).
pub(super) fn member_named(members: &[Member], written: &str) -> Option<usize> {
    members
        .iter()
        .position(|m| same_name(&m.name.node, written))
        .or_else(|| {
            let wanted = normalise_name(written);
            members
                .iter()
                .position(|m| normalise_name(&m.name.node) == wanted)
        })
}

/// `a == b`, with names of other lengths or last bytes (most of them) told apart
/// without comparing them whole.
fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}
