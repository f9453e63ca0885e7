//! Reading a `bool`, `count`, `percent` or `discretion` cell: the spellings of yes
//! and no ([`YES`], [`NO`]), whole numbers with thousands separators and in Chinese
//! numerals ([`chinese_count`]), percentages and points.

use super::*;

// ── bool ────────────────────────────────────────────────────────────────────────

/// The spellings of yes, compared after [`fold_width`], ASCII letters in any case.
pub const YES: [&str; 10] = ["是", "有", "对", "√", "✓", "✔", "y", "yes", "true", "1"];
/// The spellings of no, compared as [`YES`].
pub const NO: [&str; 10] = ["否", "无", "错", "×", "✗", "✘", "n", "no", "false", "0"];

/// The yes or no a text spells, if it spells one: [`YES`] or [`NO`], compared after
/// [`fold_width`], ASCII letters in any case.
pub fn yes_no(text: &str) -> Option<bool> {
    // A text that is a spelling as it stands is spelled so: no spelling has a space
    // at its ends or a character that folds. Most cells are.
    spelled_yes_no(text).or_else(|| spelled_yes_no(&spelled(text)))
}

/// The yes or no a spelled text is ([`yes_no`] after [`spelled`]): told by one match
/// on its bytes rather than compared with each spelling of the lists in turn. The
/// tests check that it answers as the lists do.
pub(super) fn spelled_yes_no(t: &str) -> Option<bool> {
    // `x | 0x20 == c` holds for an ASCII letter `c` in lower case exactly when `x` is
    // `c` in either case: so are the words compared, a word at a time. Digits are
    // compared as they are.
    let b = t.as_bytes();
    let word =
        |lower: &[u8]| lower.len() == b.len() && b.iter().zip(lower).all(|(x, c)| x | 0x20 == *c);
    match b {
        [b'y' | b'Y' | b'1'] => Some(true),
        [b'n' | b'N' | b'0'] => Some(false),
        [_, _] if word(b"no") => Some(false),
        [_, _, _] if word(b"yes") => Some(true),
        [_, _, _, _] if word(b"true") => Some(true),
        [_, _, _, _, _] if word(b"false") => Some(false),
        // 是 有 对 √ ✓ ✔
        [0xE6, 0x98, 0xAF]
        | [0xE6, 0x9C, 0x89]
        | [0xE5, 0xAF, 0xB9]
        | [0xE2, 0x88, 0x9A]
        | [0xE2, 0x9C, 0x93]
        | [0xE2, 0x9C, 0x94] => Some(true),
        // 否 无 错 × ✗ ✘
        [0xE5, 0x90, 0xA6]
        | [0xE6, 0x97, 0xA0]
        | [0xE9, 0x94, 0x99]
        | [0xC3, 0x97]
        | [0xE2, 0x9C, 0x97]
        | [0xE2, 0x9C, 0x98] => Some(false),
        _ => None,
    }
}

pub(super) fn boolean(name: Name<'_>, cell: &Cell) -> Read {
    let read = match &cell.input {
        Input::Bool(b) => Some(*b),
        Input::Text(t) => yes_no(t),
        Input::Number(t) => yes_no(t),
        _ => None,
    };
    match read {
        Some(b) => node(Raw::Bool(b), cell),
        None => wrong(
            cell,
            CellError::Bool {
                name: name.to_string(),
                text: cell.shown(),
            },
        ),
    }
}

// ── Numbers ─────────────────────────────────────────────────────────────────────

/// ASCII digits, at least one.
pub(super) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Digits, or digits in groups of three separated by `,` (`1,234,567`): the digits
/// without the separators.
fn ungrouped(s: &str) -> Option<String> {
    if is_digits(s) {
        return Some(s.to_string());
    }
    let mut groups = s.split(',');
    let first = groups.next()?;
    if !is_digits(first) || first.len() > 3 {
        return None;
    }
    let mut out = first.to_string();
    for group in groups {
        if group.len() != 3 || !is_digits(group) {
            return None;
        }
        out.push_str(group);
    }
    (out.len() > first.len()).then_some(out)
}

/// A number as written, with an optional `-` and an optional fraction, and thousands
/// separators in its whole part when `grouped`: the plain number (`-1234.5`), and
/// whether it is whole.
fn decimal(s: &str, grouped: bool) -> Option<(String, bool)> {
    // Most numbers are digits alone.
    if is_digits(s) {
        return Some((s.to_string(), true));
    }
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s),
    };
    let (whole, fraction) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    let whole = if grouped {
        ungrouped(whole)?
    } else if is_digits(whole) {
        whole.to_string()
    } else {
        return None;
    };
    match fraction {
        None => Some((format!("{sign}{whole}"), true)),
        Some(f) if is_digits(f) => Some((format!("{sign}{whole}.{f}"), false)),
        Some(_) => None,
    }
}

/// A count in Chinese numerals, from `零` to `九千九百九十九`, in the standard forms:
/// `三`, `十二` (or `一十二`), `二十`, `两百`, `一百零五`, `一千零一十`, `三千二百`. Forms
/// people read two ways are refused: `一百五` (150 to some, 105 to others), digits one
/// by one (`二〇`), and anything past 9999.
pub fn chinese_count(text: &str) -> Option<u64> {
    fn digit(c: char) -> Option<u64> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    }
    fn unit(c: char) -> Option<u64> {
        Some(match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        })
    }
    let chars: Vec<char> = text.chars().collect();
    if let [only] = chars.as_slice() {
        if let Some(d) = digit(*only) {
            return Some(d);
        }
    }
    let mut total = 0;
    // The unit of the last place written, so that places only fall (`百` then `十`).
    let mut last_unit = 10_000;
    // A digit waiting for its unit.
    let mut pending: Option<u64> = None;
    // A `零` was written since the last unit: the next digit stands in a lower place.
    let mut zero = false;
    for (i, &c) in chars.iter().enumerate() {
        if let Some(u) = unit(c) {
            if u >= last_unit {
                return None;
            }
            let d = match pending.take() {
                Some(0) => return None,
                Some(d) => d,
                // `十二`: a leading ten stands for one ten.
                None if u == 10 && i == 0 => 1,
                None => return None,
            };
            total += d * u;
            last_unit = u;
            zero = false;
        } else if let Some(d) = digit(c) {
            if pending.is_some() {
                return None;
            }
            if d == 0 {
                // A zero marks a skipped place, between a unit and a digit.
                if zero || i == 0 || i + 1 == chars.len() {
                    return None;
                }
                zero = true;
                continue;
            }
            pending = Some(d);
        } else {
            return None;
        }
    }
    if let Some(d) = pending {
        // A last digit is in the ones place: after `十`, or after a `零`; after `百` or
        // `千` alone it would be read as tens or hundreds by some, so it is refused.
        if last_unit != 10 && !zero && last_unit != 10_000 {
            return None;
        }
        total += d;
    }
    Some(total)
}

pub(super) fn count(name: Name<'_>, max: Option<u64>, cell: &Cell) -> Read {
    let refuse = |none: bool| {
        wrong(
            cell,
            CellError::Count {
                name: name.to_string(),
                text: cell.shown(),
                max,
                none,
            },
        )
    };
    let Some(t) = text(cell) else {
        return refuse(false);
    };
    let whole = match decimal(&t, true) {
        Some((n, true)) => Some(n),
        Some((_, false)) => return refuse(false),
        None => chinese_count(&t).map(|n| n.to_string()),
    };
    match whole {
        // Counts longer than this are far beyond any real count (and beyond what
        // `validate` reads); they are refused here with the same words it uses.
        Some(n) if n.trim_start_matches(['-', '0']).len() > 30 => wrong(
            cell,
            CellError::TooLarge {
                name: name.to_string(),
            },
        ),
        Some(n) => node(Raw::Integer(n), cell),
        // A dash or `无` is often written for none; a count needs its 0.
        None if ["无", "没有", "-", "--", "—", "——", "/", "n/a"]
            .contains(&t.to_lowercase().as_str()) =>
        {
            refuse(true)
        }
        None => refuse(false),
    }
}

pub(super) fn percent(name: Name<'_>, cell: &Cell) -> Read {
    let read = text(cell).and_then(|t| match t.strip_suffix('%') {
        Some(number) => {
            decimal(number.trim_end(), false).map(|(n, _)| Raw::String(format!("{n}%")))
        }
        None => decimal(&t, false).map(|(n, whole)| {
            if whole {
                Raw::Integer(n)
            } else {
                Raw::Float(n)
            }
        }),
    });
    match read {
        Some(raw) => node(raw, cell),
        None => wrong(
            cell,
            CellError::Percent {
                name: name.to_string(),
                text: cell.shown(),
            },
        ),
    }
}

/// A `number` fact's cell: the digits as written (never through a float).
pub(super) fn number(name: Name<'_>, cell: &Cell) -> Read {
    match text(cell).and_then(|t| decimal(&t, false)) {
        Some((n, true)) => node(Raw::Integer(n), cell),
        Some((n, false)) => node(Raw::Float(n), cell),
        None => wrong(
            cell,
            CellError::Number {
                name: name.to_string(),
                text: cell.shown(),
            },
        ),
    }
}

pub(super) fn points(name: Name<'_>, max: rust_decimal::Decimal, cell: &Cell) -> Read {
    match text(cell).and_then(|t| decimal(&t, false)) {
        Some((n, true)) => node(Raw::Integer(n), cell),
        Some((n, false)) => node(Raw::Float(n), cell),
        None => wrong(
            cell,
            CellError::Points {
                name: name.to_string(),
                text: cell.shown(),
                max,
            },
        ),
    }
}
