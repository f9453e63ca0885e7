//! The one place where a spreadsheet cell becomes an evidence value.
//!
//! A CSV or XLSX file gives each fact as one cell (a tally as one cell per member).
//! This module reads a cell by the type the rule file declares for its column and
//! gives the same [`Raw`] value a TOML or JSON file would hold, so that
//! [`super::validate`] checks every value whatever file it came from. Only the
//! *spelling* of a cell is judged here, the way the TOML reader judges TOML syntax:
//! that `是` is a yes and `2020年12月30日` a date. Whether the value is allowed — a
//! count within its `max`, a member of the list, a percentage from 0 to 100 — is left
//! to `validate`.
//!
//! Cells are spelled as people in Chinese offices type them (docs/evidence.md,
//! "Cells, type by type"). Full-width letters, digits and signs (`１２`, `３．５％`,
//! `Ｙ`) are read as their ASCII forms first, and spaces around a cell's text, the
//! ideographic space `U+3000` among them, are dropped:
//!
//! | type | accepted |
//! | --- | --- |
//! | `bool` | yes: `是` `有` `对` `√` `✓` `✔` `Y` `yes` `true` `1`; no: `否` `无` `错` `×` `✗` `✘` `N` `no` `false` `0` (ASCII in any case); a workbook's TRUE/FALSE cell, or its number 1 or 0 |
//! | `count`, a tally's member | a whole number `12`, with thousands separators `1,234`; Chinese numerals from `零` to `九千九百九十九` (`三`, `十二`, `两百`, `一百零五`); a sign is passed on, so `-1` is refused as negative |
//! | `percent` | a number `3.5` (meaning 3.5%), `3.5%` or `3.5％`; a workbook cell formatted as a percentage |
//! | `date` | `2020-12-30`, `2020/12/30`, `2020.12.30` (month and day of one or two digits), `2020年12月30日` (`日` may be left out or be `号`), each may be followed by a time of day, which is ignored; a workbook's date cell, or a whole number in a workbook (Excel's day number, with Excel's 1900 leap-year quirk); never done: `false`, `否`, `无`, or a FALSE cell |
//! | `set` | member names separated by `、` `，` `,` `；` `;` `\|` or line breaks; `无` or `[]` for none |
//! | `discretion` | the points, a number such as `1.5`; its reason, any text, in a column of its own |
//!
//! A blank cell (nothing but spaces) is a missing fact, never 0 or false. Every other
//! spelling is refused, naming the cell. To accept another spelling, change the one
//! function of that type below; nothing else reads a cell. ([`quick`], the fast way
//! for a valid row, reads the common spellings straight into their value with these
//! same functions, and leaves every other to them; its tests check that both ways
//! agree.)

use std::borrow::Cow;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::columns::{Part, REASON};
use super::members::MemberSet;
use super::raw::{Node, Raw};
use super::value::{Value, MAX_COUNT};
use crate::span::Span;
use crate::syntax::ast::{FactDecl, FactType, Member, Members};

/// A cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Input<'t> {
    Empty,
    /// Text as typed; every CSV cell is text, borrowed from the text of the file's
    /// chunk (but for a quoted cell with doubled quotes `""`).
    Text(Cow<'t, str>),
    /// A workbook's number cell, as the shortest decimal that gives the stored number.
    Number(String),
    /// A workbook's TRUE or FALSE cell.
    Bool(bool),
    /// A workbook's date cell (a date-time counts as its day).
    Date(NaiveDate),
    /// A workbook's date cell whose number is no day of the calendar (boxed, as it is
    /// rare, to keep every cell small).
    NoDay(Box<NoDay>),
    /// A workbook's error value, such as `#DIV/0!`.
    Error(String),
}

/// A workbook's date cell whose number is no day of the calendar: Excel's day number,
/// and why it is none (Excel's 1900-02-29, or its day 0).
#[derive(Debug, Clone, PartialEq)]
pub struct NoDay {
    pub serial: String,
    pub why: String,
}

/// How a workbook counts days: Excel's numbers of days count from 1900 (Windows) or
/// from 1904 (old Macintosh workbooks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateSystem {
    #[default]
    Excel1900,
    Excel1904,
}

/// One cell and where it is in the source text diagnostics point into.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell<'t> {
    pub input: Input<'t>,
    /// The cell's place in the source text (a CSV file, or the text kaohe writes for a
    /// workbook's sheet).
    pub span: Span,
    /// Where a text cell's characters start in the source, when they stand there as
    /// they are (not inside quotes with doubled `""`), so a part of the text can be
    /// pointed at; otherwise the whole cell is.
    pub text_at: Option<usize>,
}

impl Cell<'_> {
    /// The cell with its text its own, borrowed from nothing.
    pub fn into_owned(self) -> Cell<'static> {
        let input = match self.input {
            Input::Empty => Input::Empty,
            Input::Text(t) => Input::Text(Cow::Owned(t.into_owned())),
            Input::Number(n) => Input::Number(n),
            Input::Bool(b) => Input::Bool(b),
            Input::Date(d) => Input::Date(d),
            Input::NoDay(n) => Input::NoDay(n),
            Input::Error(e) => Input::Error(e),
        };
        Cell {
            input,
            span: self.span,
            text_at: self.text_at,
        }
    }

    /// A cell with nothing in it but spaces.
    pub fn is_blank(&self) -> bool {
        match &self.input {
            Input::Empty => true,
            Input::Text(t) => is_blank_text(t),
            _ => false,
        }
    }

    /// The cell as a person sees it, trimmed: a header, or a unit's name.
    pub fn text(&self) -> String {
        match &self.input {
            Input::Empty => String::new(),
            Input::Text(t) => t.trim().to_string(),
            Input::Number(n) => n.clone(),
            Input::Bool(true) => "TRUE".into(),
            Input::Bool(false) => "FALSE".into(),
            Input::Date(d) => d.to_string(),
            Input::NoDay(no_day) => no_day.serial.clone(),
            Input::Error(e) => e.clone(),
        }
    }

    /// The cell as [`Self::text`] gives it, borrowed from a text cell rather than
    /// copied.
    pub fn trimmed(&self) -> Cow<'_, str> {
        match &self.input {
            Input::Empty => Cow::Borrowed(""),
            Input::Text(t) => Cow::Borrowed(t.trim()),
            _ => Cow::Owned(self.text()),
        }
    }

    /// The cell as a person sees it, for messages: trimmed, and shortened when long.
    pub fn shown(&self) -> String {
        shorten(&self.text())
    }

    /// The span of `len` bytes at `offset` into the cell's text, or the whole cell
    /// when its text does not stand as it is in the source.
    fn part_span(&self, offset: usize, len: usize) -> Span {
        match self.text_at {
            Some(at) => Span::new(at + offset, at + offset + len),
            None => self.span,
        }
    }
}

/// Whether a text is nothing but spaces, as `text.trim().is_empty()` says: a text
/// whose first character is not a space is answered at once, which is most cells.
fn is_blank_text(text: &str) -> bool {
    match text.as_bytes().first() {
        None => true,
        Some(&first) if !may_start_space(first) => false,
        Some(_) => text.trim().is_empty(),
    }
}

/// Long cell texts are cut in messages, so one bad cell cannot fill the screen.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// What a cell gives its fact.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// Nothing: the fact is missing (a blank cell is never 0).
    Blank,
    /// The value, as TOML or JSON would give it.
    Value(Node),
    /// A spelling the column's type does not accept. The node goes into the evidence
    /// tree in the value's place (a null, which `validate` refuses, so the fact counts
    /// as given but invalid rather than missing); the message and help are reported
    /// instead of `validate`'s.
    Wrong {
        node: Node,
        message: String,
        help: String,
    },
}

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
fn normalised_by_characters(text: &str) -> String {
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
fn spelled(text: &str) -> Cow<'_, str> {
    if any_folds(text) {
        Cow::Owned(fold_width(text).trim().to_string())
    } else {
        Cow::Borrowed(trim(text))
    }
}

/// `text.trim()`, answered at once when the text starts and ends with characters that
/// cannot be spaces, as most cells do.
fn trim(text: &str) -> &str {
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
fn may_start_space(byte: u8) -> bool {
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
fn any_folds(text: &str) -> bool {
    let b = text.as_bytes();
    !text.is_ascii()
        && b.iter()
            .enumerate()
            .any(|(i, lead)| matches!(lead, 0xC2 | 0xE2 | 0xE3 | 0xEF) && folds_at(b, i))
}

/// Whether the text holds a character that [`fold_width`] drops: U+200B to U+200D
/// (E2 80 8B to 8D), U+2060 (E2 81 A0) or U+FEFF (EF BB BF).
fn drops_any(text: &str) -> bool {
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
fn folds(c: char) -> bool {
    matches!(c,
        '\u{FF01}'..='\u{FF5E}'
        | '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
        | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{2212}')
}

// ── Reading a cell ──────────────────────────────────────────────────────────────

/// The name a cell's value goes by in messages: the fact, `fact[member]` or
/// `fact/理由`. It is written out only when a message is.
#[derive(Clone, Copy)]
struct Name<'a> {
    fact: &'a FactDecl,
    part: &'a Part,
}

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fact = &self.fact.name.node;
        match self.part {
            Part::Value => write!(f, "{fact}"),
            Part::Member(m) => write!(f, "{fact}[{m}]"),
            Part::Reason => write!(f, "{fact}/{REASON}"),
        }
    }
}

/// Reads one cell of a fact's column; `dates` is how the workbook counts days.
pub fn read(fact: &FactDecl, part: &Part, cell: &Cell, dates: DateSystem) -> Read {
    if cell.is_blank() {
        return Read::Blank;
    }
    let name = Name { fact, part };
    if let Input::Error(e) = &cell.input {
        return wrong(
            cell,
            format!("`{name}` holds the spreadsheet error `{e}`, not a value"),
            "correct the formula, or type the value into the cell".into(),
        );
    }
    match part {
        Part::Member(_) => count(name, None, cell),
        Part::Reason => node(Raw::String(cell.text()), cell),
        Part::Value => value(fact, name, cell, dates),
    }
}

// Fact types the language gains later reach the last arm until this parser learns
// them; `columns::layout` keeps them out of every sheet, so the arm is a safeguard.
#[allow(unreachable_patterns)]
fn value(fact: &FactDecl, name: Name<'_>, cell: &Cell, dates: DateSystem) -> Read {
    match &fact.ty.node {
        FactType::Bool => boolean(name, cell),
        FactType::Count { max } => count(name, max.as_ref().map(|m| m.node), cell),
        FactType::Percent => percent(name, cell),
        FactType::Date => date(name, cell, dates),
        FactType::Set(members) => set(name, members, cell),
        FactType::Discretion { max } => points(name, max.node, cell),
        other => wrong(
            cell,
            format!(
                "`{name}` is a {} fact, which cannot be given in a spreadsheet cell yet",
                other.describe()
            ),
            "give this unit's evidence in TOML or JSON".into(),
        ),
    }
}

/// What to write in a cell of a bool column.
const BOOL_HELP: &str = "write `是` or `否` (or `true`/`false`, `有`/`无`, `对`/`错`, `√`/`×`, `✓`/`✗`, `Y`/`N`, `1`/`0`)";

/// What to write in a cell of a date column.
const DATE_HELP: &str = "write the day as `2020-12-30`, `2020/12/30`, `2020.12.30` or `2020年12月30日`, or `否` (or `false`, `无`) if it was never done";

/// What to write in a cell of a count column, after the range.
const COUNT_HELP: &str =
    "in digits (`12`, `1,234`) or in Chinese numerals (`十二`); write `0` where there was none";

/// What to write in a cell of this column, for helps.
// As in `value`, the last arm is for fact types added to the language later.
#[allow(unreachable_patterns)]
pub fn help(fact: &FactDecl, part: &Part) -> String {
    match (part, &fact.ty.node) {
        (Part::Member(_), _) => count_help(None),
        (Part::Reason, _) => "write the reason for the score, in words".into(),
        (_, FactType::Discretion { max }) => {
            format!(
                "write the points given, a number from 0 to {}",
                max.node.normalize()
            )
        }
        (_, FactType::Bool) => BOOL_HELP.into(),
        (_, FactType::Count { max }) => count_help(max.as_ref().map(|m| m.node)),
        (_, FactType::Percent) => PERCENT_HELP.into(),
        (_, FactType::Date) => DATE_HELP.into(),
        (_, FactType::Set(members)) => set_help(members),
        _ => "give this unit's evidence in TOML or JSON".into(),
    }
}

fn count_help(max: Option<u64>) -> String {
    match max {
        Some(m) => format!("write how many, a whole number from 0 to {m}, {COUNT_HELP}"),
        None => format!("write how many, a whole number, {COUNT_HELP}"),
    }
}

/// What to write in a cell of a percent column.
const PERCENT_HELP: &str = "write the percentage as a number, `3.5` for 3.5%, or as `3.5%`";

fn set_help(members: &[Member]) -> String {
    format!(
        "list the members present, separated by `、` (or `，` `,` `；` `;` `|` or line breaks), such as `{}`, or write `无` for none; the members are {}",
        example_members(members),
        member_names(members)
    )
}

fn member_names(members: &[Member]) -> String {
    members
        .iter()
        .map(|m| m.name.node.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

fn example_members(members: &[Member]) -> String {
    members
        .iter()
        .take(2)
        .map(|m| m.name.node.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

fn node(raw: Raw, cell: &Cell) -> Read {
    Read::Value(Node {
        raw,
        span: cell.span,
    })
}

fn wrong(cell: &Cell, message: String, help: String) -> Read {
    Read::Wrong {
        node: Node {
            raw: Raw::Null,
            span: cell.span,
        },
        message,
        help,
    }
}

/// The cell's text as a value is spelled, for the types whose spelling is read from
/// text: a text cell folded and trimmed, or a workbook's number.
fn text<'a>(cell: &'a Cell<'_>) -> Option<Cow<'a, str>> {
    match &cell.input {
        Input::Text(t) => Some(spelled(t)),
        Input::Number(n) => Some(Cow::Borrowed(n)),
        _ => None,
    }
}

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
fn spelled_yes_no(t: &str) -> Option<bool> {
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

fn boolean(name: Name<'_>, cell: &Cell) -> Read {
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
            format!("`{name}` must be yes or no, not `{}`", cell.shown()),
            BOOL_HELP.into(),
        ),
    }
}

// ── Numbers ─────────────────────────────────────────────────────────────────────

/// ASCII digits, at least one.
fn is_digits(s: &str) -> bool {
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

fn count(name: Name<'_>, max: Option<u64>, cell: &Cell) -> Read {
    let refuse = |help: String| {
        wrong(
            cell,
            format!("`{name}` must be a whole number, not `{}`", cell.shown()),
            help,
        )
    };
    let Some(t) = text(cell) else {
        return refuse(count_help(max));
    };
    let whole = match decimal(&t, true) {
        Some((n, true)) => Some(n),
        Some((_, false)) => return refuse(count_help(max)),
        None => chinese_count(&t).map(|n| n.to_string()),
    };
    match whole {
        // Counts longer than this are far beyond any real count (and beyond what
        // `validate` reads); they are refused here with the same words it uses.
        Some(n) if n.trim_start_matches(['-', '0']).len() > 30 => wrong(
            cell,
            format!("`{name}` is larger than any real count"),
            "check the value".into(),
        ),
        Some(n) => node(Raw::Integer(n), cell),
        // A dash or `无` is often written for none; a count needs its 0.
        None if ["无", "没有", "-", "--", "—", "——", "/", "n/a"]
            .contains(&t.to_lowercase().as_str()) =>
        {
            refuse(format!(
                "write `0` if there was none (`{}` is not read as 0); {}",
                cell.shown(),
                count_help(max)
            ))
        }
        None => refuse(count_help(max)),
    }
}

fn percent(name: Name<'_>, cell: &Cell) -> Read {
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
            format!("`{name}` must be a percentage, not `{}`", cell.shown()),
            PERCENT_HELP.into(),
        ),
    }
}

fn points(name: Name<'_>, max: rust_decimal::Decimal, cell: &Cell) -> Read {
    match text(cell).and_then(|t| decimal(&t, false)) {
        Some((n, true)) => node(Raw::Integer(n), cell),
        Some((n, false)) => node(Raw::Float(n), cell),
        None => wrong(
            cell,
            format!(
                "`{name}` must be a number of points, not `{}`",
                cell.shown()
            ),
            format!(
                "write the points given, a number from 0 to {}",
                max.normalize()
            ),
        ),
    }
}

// ── Dates ───────────────────────────────────────────────────────────────────────

/// The spellings of "never done" in a date column, compared as [`YES`].
pub const NEVER: [&str; 3] = ["false", "否", "无"];

/// The last day Excel counts to: 9999-12-31 (day 2958465 from 1900).
const LAST_EXCEL_DAY: f64 = 2_958_465.0;

/// The day Excel shows for one of its day numbers (a fraction is a time of that day),
/// or why it shows none. Excel counts from 1900-01-01 as day 1 and, as Lotus 1-2-3 did,
/// takes 1900 for a leap year: day 60 is 1900-02-29, which never was, and every day
/// from 61 on is one more than the calendar's count. Workbooks of the 1904 system
/// count from 1904-01-01 as day 0.
pub fn excel_day(serial: f64, dates: DateSystem) -> Result<NaiveDate, String> {
    if !serial.is_finite() || serial < 0.0 {
        return Err("which is no day".into());
    }
    if serial >= LAST_EXCEL_DAY + 1.0 {
        return Err("which is after 9999-12-31, the last day Excel counts".into());
    }
    // The number is finite, from 0 and below 2958466, so the cast is exact.
    let day = serial.floor() as i64;
    let from = |start: NaiveDate, days: i64| {
        start
            .checked_add_signed(chrono::Duration::days(days))
            .ok_or_else(|| "which is no day".to_string())
    };
    match (dates, day) {
        (DateSystem::Excel1904, _) => from(ymd(1904, 1, 1), day),
        (DateSystem::Excel1900, 0) => {
            Err("which Excel shows as 1900-01-00, a day that does not exist".into())
        }
        (DateSystem::Excel1900, 60) => Err(
            "which Excel shows as 1900-02-29, a day that never was (Excel takes 1900 for a leap year)"
                .into(),
        ),
        (DateSystem::Excel1900, 1..=59) => from(ymd(1899, 12, 31), day),
        (DateSystem::Excel1900, _) => from(ymd(1899, 12, 30), day),
    }
}

/// A day known to exist.
fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// What a text gives a date column.
#[derive(Debug, Clone, PartialEq)]
enum DateText {
    Day(NaiveDate),
    /// Spelled as a date, but no such day: why.
    NoSuchDay(String),
    NotADate,
}

/// Reads the date spellings of the module's table from a folded, trimmed text.
fn date_text(t: &str) -> DateText {
    match iso_day(t) {
        Some(day) => DateText::Day(day),
        None => scanned_date(t),
    }
}

/// The day a text spells as `YYYY-MM-DD` exactly, the spelling most dates are in,
/// read without scanning it as [`scanned_date`] does (which gives the same day);
/// `None` for any other text, and for no such day.
fn iso_day(t: &str) -> Option<NaiveDate> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = t.as_bytes() else {
        return None;
    };
    let mut digits = [y0, y1, y2, y3, m0, m1, d0, d1];
    for d in &mut digits {
        *d = d.wrapping_sub(b'0');
        if *d > 9 {
            return None;
        }
    }
    let [y0, y1, y2, y3, m0, m1, d0, d1] = digits.map(u32::from);
    let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    NaiveDate::from_ymd_opt(year as i32, m0 * 10 + m1, d0 * 10 + d1)
}

/// Reads the date spellings of the module's table from a folded, trimmed text, one
/// piece at a time.
fn scanned_date(t: &str) -> DateText {
    let mut c = Scan { s: t, at: 0 };
    let Some(year) = c.digits(4, 4) else {
        return DateText::NotADate;
    };
    let (month, day) = if c.eat_spaced('年') {
        let Some(month) = c.digits(1, 2) else {
            return DateText::NotADate;
        };
        if !c.eat_spaced('月') {
            return DateText::NotADate;
        }
        let Some(day) = c.digits(1, 2) else {
            return DateText::NotADate;
        };
        c.spaces();
        if !c.eat('日') {
            c.eat('号');
        }
        (month, day)
    } else {
        let Some(sep) = c.peek().filter(|s| matches!(s, '-' | '/' | '.')) else {
            return DateText::NotADate;
        };
        c.at += 1;
        let Some(month) = c.digits(1, 2) else {
            return DateText::NotADate;
        };
        if !c.eat(sep) {
            return DateText::NotADate;
        }
        let Some(day) = c.digits(1, 2) else {
            return DateText::NotADate;
        };
        (month, day)
    };
    // A time of day may follow, after a space or ISO's `T`; it must be one.
    if !c.done() {
        let spaced = c.spaces();
        if !(spaced || c.eat('T')) || !c.time() || !c.done() {
            return DateText::NotADate;
        }
    }
    let year = year as i32;
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => DateText::Day(d),
        None if !(1..=12).contains(&month) => {
            DateText::NoSuchDay(format!("there is no month {month}"))
        }
        None if day == 0 => DateText::NoSuchDay("there is no day 0".into()),
        None => {
            let first = ymd(year, month, 1);
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)
            };
            let days = next.map_or(31, |n| (n - first).num_days());
            DateText::NoSuchDay(format!(
                "{} {year} has {days} days",
                MONTHS[first.month0() as usize]
            ))
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A cursor over a text, for the date spellings.
struct Scan<'a> {
    s: &'a str,
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.at..].chars().next()
    }

    fn done(&self) -> bool {
        self.at == self.s.len()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Skips spaces; whether there were any.
    fn spaces(&mut self) -> bool {
        let start = self.at;
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += self.peek().map_or(0, char::len_utf8);
        }
        self.at > start
    }

    /// A character with spaces allowed around it, as in `2020 年 12 月`.
    fn eat_spaced(&mut self, c: char) -> bool {
        let start = self.at;
        self.spaces();
        if self.eat(c) {
            self.spaces();
            true
        } else {
            self.at = start;
            false
        }
    }

    /// From `min` to `max` ASCII digits, as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let run = self.s[self.at..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if run < min || run > max {
            return None;
        }
        let n = self.s[self.at..self.at + run].parse().ok()?;
        self.at += run;
        Some(n)
    }

    /// A time of day: `10:30`, `10:30:00`, `10:30:00.000`.
    fn time(&mut self) -> bool {
        let Some(hour) = self.digits(1, 2) else {
            return false;
        };
        if !self.eat(':') {
            return false;
        }
        let Some(minute) = self.digits(2, 2) else {
            return false;
        };
        let mut second = 0;
        if self.eat(':') {
            let Some(s) = self.digits(2, 2) else {
                return false;
            };
            second = s;
            if self.eat('.') && self.digits(1, 9).is_none() {
                return false;
            }
        }
        hour < 24 && minute < 60 && second < 60
    }
}

fn date(name: Name<'_>, cell: &Cell, dates: DateSystem) -> Read {
    let refuse = |message: String, help: String| wrong(cell, message, help);
    let not_a_date = || {
        refuse(
            format!("`{name}` must be a date or `false`, not `{}`", cell.shown()),
            DATE_HELP.into(),
        )
    };
    match &cell.input {
        Input::Date(d) => node(Raw::Date(d.to_string()), cell),
        Input::Bool(false) => node(Raw::Bool(false), cell),
        Input::NoDay(no_day) => refuse(
            format!(
                "`{name}` holds Excel's day number `{}`, {}",
                no_day.serial, no_day.why
            ),
            "type the date into the cell, such as `2020-12-30`".into(),
        ),
        // A workbook's number in a date column is the day Excel shows for it once the
        // cell is formatted as a date: Excel keeps every date as its day number.
        Input::Number(n) => match n.parse::<f64>().map(|v| excel_day(v, dates)) {
            Ok(Ok(day)) => node(Raw::Date(day.to_string()), cell),
            Ok(Err(why)) => refuse(
                format!("`{name}` holds Excel's day number `{n}`, {why}"),
                "format the cell as a date (设置单元格格式 → 日期) to see the day, and type the right one".into(),
            ),
            Err(_) => not_a_date(),
        },
        Input::Text(t) => {
            let t = spelled(t);
            if NEVER.iter().any(|n| n.eq_ignore_ascii_case(&t)) {
                return node(Raw::Bool(false), cell);
            }
            match date_text(&t) {
                DateText::Day(d) => node(Raw::String(d.to_string()), cell),
                DateText::NoSuchDay(why) => refuse(
                    format!("`{name}` is `{}`, a day that does not exist: {why}", cell.shown()),
                    "correct the date in the cell; it is read as year, month, day, in that order".into(),
                ),
                // Five digits in a CSV file are most likely Excel's day number, written
                // out when the cell lost its date format.
                DateText::NotADate if t.len() == 5 && is_digits(&t) => {
                    let shown = t
                        .parse::<f64>()
                        .ok()
                        .and_then(|v| excel_day(v, DateSystem::Excel1900).ok());
                    refuse(
                        format!("`{name}` must be a date, not the number `{t}`"),
                        match shown {
                            Some(day) => format!("`{t}` is Excel's day number of {day}; if that is the day, write `{day}`"),
                            None => DATE_HELP.into(),
                        },
                    )
                }
                DateText::NotADate => not_a_date(),
            }
        }
        _ => not_a_date(),
    }
}

// ── Sets ────────────────────────────────────────────────────────────────────────

/// The separators of a set's members in one cell (the full-width ones as typed, since
/// the cell's text is split before it is folded, to point at each member). The cell is
/// split by their bytes ([`separator_len`]); the tests check it finds these.
#[cfg(test)]
const SET_SEPARATORS: [char; 10] = [
    '、', ',', '，', ';', '；', '|', '｜', '\n', '\r', '\u{FF64}',
];

fn set(name: Name<'_>, members: &[Member], cell: &Cell) -> Read {
    let Input::Text(t) = &cell.input else {
        return wrong(
            cell,
            format!("`{name}` must list members by name, not `{}`", cell.shown()),
            set_help(members),
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
fn says_none(members: &[Member], text: &str) -> bool {
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
fn set_pieces(text: &str, mut each: impl FnMut(usize, &str)) {
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
const CHARACTER_LEN: [u8; 256] = {
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
const MAY_SEPARATE: [bool; 256] = {
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
fn separator_len(b: &[u8], i: usize) -> usize {
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
fn member_named(members: &[Member], written: &str) -> Option<usize> {
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

// ── The fast way ────────────────────────────────────────────────────────────────

/// What a cell gives its fact when read the fast way ([`quick`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Quick {
    /// Nothing: the fact is missing, as [`Read::Blank`].
    Blank,
    /// The value that [`read`] and then `value::typed` give the cell.
    Value(Value),
    /// Not read here: the cell is read by [`read`], and its node typed by
    /// `value::typed`, which refuse it or give its value.
    Slow,
}

/// A cell of a fact's column read straight into the fact's value, for the fast way
/// through a valid row (`super::fast`). It reads the text cells of the common types
/// (bool, count, percent, date, set), in their common spellings, with this module's
/// own functions, and gives [`Quick::Value`] only where [`read`] gives a node that
/// `value::typed` accepts, with the value it gives: the same value without the node
/// and its strings. Anything else — a spelling refused, a value out of range, a
/// workbook's cell, a tally, a discretionary score — is [`Quick::Slow`], and goes the
/// way every cell went before. The tests check both ways agree, spelling by spelling.
///
/// A tally's member cell gives its count as a [`Value::Count`], which `super::fast`
/// gathers into the tally.
pub(crate) fn quick(fact: &FactDecl, part: &Part, cell: &Cell) -> Quick {
    QuickReader::new(fact, part).read(cell)
}

/// How the fast way reads the cells of a fact's column ([`quick`]): told once from
/// the fact's type and the column's part, for every cell of the column.
#[derive(Debug)]
pub(crate) enum QuickReader {
    /// A tally's member alone in its column: a count.
    Member,
    Bool,
    Count(Option<u64>),
    Percent,
    Date,
    Set(SetLookup),
    /// Every cell but a blank goes the slow way: a reason, a discretionary score,
    /// periods, a set of more than 64 members.
    Slow,
}

impl QuickReader {
    /// The reader of a column of `fact` that holds `part` of it.
    pub(crate) fn new(fact: &FactDecl, part: &Part) -> QuickReader {
        match (part, &fact.ty.node) {
            (Part::Reason, _) => QuickReader::Slow,
            (Part::Member(_), _) => QuickReader::Member,
            (_, FactType::Bool) => QuickReader::Bool,
            (_, FactType::Count { max }) => QuickReader::Count(max.as_ref().map(|m| m.node)),
            (_, FactType::Percent) => QuickReader::Percent,
            (_, FactType::Date) => QuickReader::Date,
            (_, FactType::Set(members)) => {
                SetLookup::new(members).map_or(QuickReader::Slow, QuickReader::Set)
            }
            _ => QuickReader::Slow,
        }
    }

    /// A cell of the column read the fast way ([`quick`]).
    pub(crate) fn read(&self, cell: &Cell) -> Quick {
        if cell.is_blank() {
            return Quick::Blank;
        }
        let Input::Text(text) = &cell.input else {
            return Quick::Slow;
        };
        let value = match self {
            QuickReader::Slow => None,
            QuickReader::Member => quick_count(text, None).map(Value::Count),
            QuickReader::Bool => yes_no(text).map(Value::Bool),
            QuickReader::Count(max) => quick_count(text, *max).map(Value::Count),
            QuickReader::Percent => {
                let t = spelled(text);
                // A plain number (`4`, `3.5`) is the text `percent` gives and
                // `validate` reads exactly; a percent sign, a sign or groups go the
                // slow way.
                let plain = match t.split_once('.') {
                    Some((whole, fraction)) => is_digits(whole) && is_digits(fraction),
                    None => is_digits(&t),
                };
                plain
                    .then(|| Decimal::from_str_exact(&t).ok())
                    .flatten()
                    .filter(|p| *p >= Decimal::ZERO && *p <= Decimal::ONE_HUNDRED)
                    .map(|p| Value::Percent(p.normalize()))
            }
            QuickReader::Date => {
                let t = spelled(text);
                if NEVER.iter().any(|n| n.eq_ignore_ascii_case(&t)) {
                    Some(Value::Date(None))
                } else {
                    match date_text(&t) {
                        // The day `validate` reads back from the `YYYY-MM-DD` that
                        // `date` writes (a year of four digits, so always ten
                        // characters).
                        DateText::Day(d) => Some(Value::Date(Some(d))),
                        _ => None,
                    }
                }
            }
            QuickReader::Set(set) => set.read(text),
        };
        value.map_or(Quick::Slow, Quick::Value)
    }
}

/// A count's cell read as [`count`] reads it and `validate` checks it (from 0 to
/// [`MAX_COUNT`] and to the fact's `max`), when it is written in digits alone: the
/// whole number `count` gives, and `validate` parses. Up to 18 digits fit a `u64`.
fn quick_count(text: &str, max: Option<u64>) -> Option<u64> {
    // Most counts are digits alone, which `spelled` would leave as they are: they are
    // added up as they are read, without looking at the text twice.
    let b = text.as_bytes();
    let n = if !b.is_empty() && b.len() <= 18 && b.iter().all(u8::is_ascii_digit) {
        b.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0'))
    } else {
        let t = spelled(text);
        (is_digits(&t) && t.len() <= 18)
            .then(|| t.parse::<u64>().ok())
            .flatten()?
    };
    Some(n).filter(|&n| n <= MAX_COUNT && max.is_none_or(|m| n <= m))
}

/// A set's members as the fast way looks a cell's pieces up among them, worked out
/// once for the set's column ([`SetLookup::new`]) rather than for every cell.
#[derive(Debug)]
pub(crate) struct SetLookup {
    members: Members,
    /// Each member's name's length and last byte, side by side, so that most members
    /// are told apart from a piece without following the pointer to their name.
    keys: Vec<(usize, Option<u8>)>,
    /// For each member, the members `validate` keeps for its name (it keeps every
    /// member of that name); 0 for a member named with spaces around it, which
    /// `validate` compares trimmed: a piece naming it goes the slow way, to be judged
    /// there.
    masks: Vec<u64>,
}

impl SetLookup {
    /// The lookup of a set's members; `None` for a set too large for the bit mask
    /// used here (more than 64 members), whose cells go the slow way.
    pub(crate) fn new(members: &Members) -> Option<SetLookup> {
        if members.len() > 64 {
            return None;
        }
        let keys = members
            .iter()
            .map(|m| (m.name.node.len(), m.name.node.as_bytes().last().copied()))
            .collect();
        let masks = members
            .iter()
            .map(|m| {
                let name = &m.name.node;
                if trim(name) != name {
                    return 0;
                }
                members
                    .iter()
                    .enumerate()
                    .filter(|(_, other)| other.name.node == *name)
                    .fold(0, |mask, (j, _)| mask | 1 << j)
            })
            .collect();
        Some(SetLookup {
            members: members.clone(),
            keys,
            masks,
        })
    }

    /// A set's cell read as [`set`] reads it and `validate` types it: the members
    /// present, in the rule file's order; `None` when a piece names no member
    /// (refused) or a member named with spaces around it.
    fn read(&self, text: &str) -> Option<Value> {
        let members = &self.members;
        let mut present = 0u64;
        let mut named_all = true;
        let mut pieces = 0;
        set_pieces(text, |_, written| {
            pieces += 1;
            match self.member_named(written) {
                Some(i) if self.masks[i] != 0 => present |= self.masks[i],
                _ => named_all = false,
            }
        });
        // `[]` or `无` is looked for only in a text of one piece, or one holding a
        // character that folding drops. Between two pieces stands a separator, which
        // folding never drops; trimming takes it away only if everything on one side
        // folds to spaces or nothing, and a piece (trimmed, not empty) has a character
        // that is no space and folds to none, unless it is one that folding drops.
        if (pieces <= 1 || drops_any(text)) && says_none(members, text) {
            return Some(Value::Set(MemberSet::empty(members)));
        }
        if !named_all {
            return None;
        }
        MemberSet::from_mask(members, present).map(Value::Set)
    }

    /// The member a piece names, as [`member_named`] finds it: the first so called,
    /// found by the keys; else by comparing names as names.
    fn member_named(&self, written: &str) -> Option<usize> {
        let key = (written.len(), written.as_bytes().last().copied());
        self.keys
            .iter()
            .zip(self.members.iter())
            .position(|(k, m)| *k == key && m.name.node == written)
            .or_else(|| member_named(&self.members, written))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::span::Spanned;

    /// A fact of a type, named `事实`, as the tests of the cell readers (here and in
    /// `super::fast`) read cells for.
    pub(in crate::evidence) fn fact(ty: FactType) -> FactDecl {
        FactDecl {
            name: Spanned::new("事实".into(), Span::default()),
            ty: Spanned::new(ty, Span::default()),
            description: None,
            default: None,
            span: Span::default(),
            slot: crate::syntax::ast::Resolved(None),
        }
    }

    /// The members of a set or tally type, by name.
    pub(in crate::evidence) fn members(names: &[&str]) -> Members {
        names
            .iter()
            .map(|n| Member {
                name: Spanned::new(n.to_string(), Span::default()),
                description: None,
            })
            .collect()
    }

    fn text_cell(t: &str) -> Cell<'_> {
        Cell {
            input: Input::Text(t.into()),
            span: Span::new(100, 100 + t.len()),
            text_at: Some(100),
        }
    }

    fn input_cell(input: Input) -> Cell {
        Cell {
            input,
            span: Span::default(),
            text_at: None,
        }
    }

    fn raw(f: &FactDecl, cell: &Cell) -> Raw {
        match read(f, &Part::Value, cell, DateSystem::Excel1900) {
            Read::Value(n) => n.raw,
            other => panic!("not a value: {other:?}"),
        }
    }

    fn message(f: &FactDecl, cell: &Cell) -> String {
        match read(f, &Part::Value, cell, DateSystem::Excel1900) {
            Read::Wrong { message, node, .. } => {
                assert_eq!(node.raw, Raw::Null);
                message
            }
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn blank_is_missing_never_zero() {
        let f = fact(FactType::Count { max: None });
        let dates = DateSystem::Excel1900;
        assert_eq!(read(&f, &Part::Value, &text_cell("  "), dates), Read::Blank);
        assert_eq!(
            read(&f, &Part::Value, &text_cell("\u{3000}"), dates),
            Read::Blank
        );
        assert_eq!(
            read(&f, &Part::Value, &input_cell(Input::Empty), dates),
            Read::Blank
        );
    }

    #[test]
    fn bools_as_people_write_them() {
        let f = fact(FactType::Bool);
        for yes in [
            "true", "TRUE", "是", " 有 ", "对", "√", "✓", "✔", "Y", "y", "Yes", "1", "Ｙ", "１",
        ] {
            assert_eq!(raw(&f, &text_cell(yes)), Raw::Bool(true), "{yes}");
        }
        for no in [
            "false",
            "否",
            "无",
            "错",
            "×",
            "✗",
            "✘",
            "N",
            "no",
            "0",
            "ｆａｌｓｅ",
        ] {
            assert_eq!(raw(&f, &text_cell(no)), Raw::Bool(false), "{no}");
        }
        assert_eq!(
            raw(&f, &input_cell(Input::Number("1".into()))),
            Raw::Bool(true)
        );
        assert_eq!(raw(&f, &input_cell(Input::Bool(false))), Raw::Bool(false));
        for refused in ["是的", "X", "待定", "2", "yes!"] {
            assert_eq!(
                message(&f, &text_cell(refused)),
                format!("`事实` must be yes or no, not `{refused}`")
            );
        }
    }

    #[test]
    fn counts_in_digits_groups_and_chinese_numerals() {
        let f = fact(FactType::Count { max: None });
        let int = |s: &str| Raw::Integer(s.into());
        assert_eq!(raw(&f, &text_cell("12")), int("12"));
        assert_eq!(raw(&f, &text_cell("１２")), int("12"));
        assert_eq!(raw(&f, &text_cell("1,234")), int("1234"));
        assert_eq!(raw(&f, &text_cell("1，234，567")), int("1234567"));
        assert_eq!(raw(&f, &text_cell("-1")), int("-1"));
        assert_eq!(raw(&f, &text_cell("三")), int("3"));
        assert_eq!(raw(&f, &text_cell("十二")), int("12"));
        for refused in [
            "2.5",
            "1,23",
            "12,",
            ",123",
            "若干",
            "十二次",
            "3个",
            "+3",
            "1 234",
        ] {
            assert_eq!(
                message(&f, &text_cell(refused)),
                format!("`事实` must be a whole number, not `{refused}`"),
                "{refused}"
            );
        }
        assert_eq!(
            message(&f, &text_cell(&"9".repeat(40))),
            "`事实` is larger than any real count"
        );
        match read(&f, &Part::Value, &text_cell("无"), DateSystem::Excel1900) {
            Read::Wrong { help, .. } => {
                assert!(help.starts_with("write `0` if there was none"), "{help}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn chinese_numerals_in_their_standard_forms() {
        let cases = [
            ("零", 0),
            ("〇", 0),
            ("两", 2),
            ("九", 9),
            ("十", 10),
            ("十二", 12),
            ("一十二", 12),
            ("二十", 20),
            ("九十九", 99),
            ("一百", 100),
            ("两百", 200),
            ("一百零五", 105),
            ("一百一十", 110),
            ("三千二百", 3200),
            ("一千零一十", 1010),
            ("两千零二十", 2020),
            ("九千九百九十九", 9999),
        ];
        for (text, n) in cases {
            assert_eq!(chinese_count(text), Some(n), "{text}");
        }
        for refused in [
            "一百五",
            "二〇",
            "一万",
            "十十",
            "百",
            "零五",
            "一百零",
            "二百十",
            "三点五",
            "壹",
        ] {
            assert_eq!(chinese_count(refused), None, "{refused}");
        }
    }

    #[test]
    fn percentages() {
        let f = fact(FactType::Percent);
        assert_eq!(raw(&f, &text_cell("3.5")), Raw::Float("3.5".into()));
        assert_eq!(raw(&f, &text_cell("4")), Raw::Integer("4".into()));
        assert_eq!(raw(&f, &text_cell("3.5%")), Raw::String("3.5%".into()));
        assert_eq!(raw(&f, &text_cell("3 %")), Raw::String("3%".into()));
        assert_eq!(raw(&f, &text_cell("３％")), Raw::String("3%".into()));
        assert_eq!(raw(&f, &text_cell("３．５％")), Raw::String("3.5%".into()));
        for refused in ["百分之四", "3,5%", "3‰", "%3"] {
            assert_eq!(
                message(&f, &text_cell(refused)),
                format!("`事实` must be a percentage, not `{refused}`")
            );
        }
    }

    #[test]
    fn dates_as_people_write_them() {
        let f = fact(FactType::Date);
        let day = |s: &str| Raw::String(s.into());
        for (text, expected) in [
            ("2020-12-30", "2020-12-30"),
            ("2020/12/30", "2020-12-30"),
            ("2020.12.30", "2020-12-30"),
            ("2020/4/5", "2020-04-05"),
            ("2020年12月30日", "2020-12-30"),
            ("2020 年 4 月 5 日", "2020-04-05"),
            ("2020年4月5号", "2020-04-05"),
            ("2020年4月5", "2020-04-05"),
            ("２０２０－１２－３０", "2020-12-30"),
            ("2020/12/30 10:00", "2020-12-30"),
            ("2020-12-30T10:00:00", "2020-12-30"),
            ("2020-12-30 10:00:00.5", "2020-12-30"),
        ] {
            assert_eq!(raw(&f, &text_cell(text)), day(expected), "{text}");
        }
        for never in ["false", "FALSE", "否", "无"] {
            assert_eq!(raw(&f, &text_cell(never)), Raw::Bool(false));
        }
        assert_eq!(
            message(&f, &text_cell("2020-02-30")),
            "`事实` is `2020-02-30`, a day that does not exist: February 2020 has 29 days"
        );
        assert_eq!(
            message(&f, &text_cell("2021年2月29日")),
            "`事实` is `2021年2月29日`, a day that does not exist: February 2021 has 28 days"
        );
        assert_eq!(
            message(&f, &text_cell("2020/13/01")),
            "`事实` is `2020/13/01`, a day that does not exist: there is no month 13"
        );
        for refused in [
            "2020/12-30",
            "20201230",
            "12/30/2020",
            "20/12/30",
            "2020年12月",
            "3月31日",
            "2020-12-30 25:00",
            "2020-12-30 下午",
        ] {
            assert_eq!(
                message(&f, &text_cell(refused)),
                format!("`事实` must be a date or `false`, not `{refused}`"),
                "{refused}"
            );
        }
        // Excel's day number typed out in a CSV file is refused, with the day it is.
        match read(&f, &Part::Value, &text_cell("44195"), DateSystem::Excel1900) {
            Read::Wrong { message, help, .. } => {
                assert_eq!(message, "`事实` must be a date, not the number `44195`");
                assert!(help.contains("2020-12-30"), "{help}");
            }
            other => panic!("{other:?}"),
        }
        let cell = input_cell(Input::Date(ymd(2020, 3, 31)));
        assert_eq!(raw(&f, &cell), Raw::Date("2020-03-31".into()));
    }

    #[test]
    fn excel_day_numbers_keep_the_1900_leap_year_quirk() {
        let d = |n: f64| excel_day(n, DateSystem::Excel1900);
        assert_eq!(d(1.0), Ok(ymd(1900, 1, 1)));
        assert_eq!(d(59.0), Ok(ymd(1900, 2, 28)));
        assert!(d(60.0).unwrap_err().contains("1900-02-29"));
        assert_eq!(d(61.0), Ok(ymd(1900, 3, 1)));
        assert_eq!(d(44195.0), Ok(ymd(2020, 12, 30)));
        // A time of day is a fraction of the day.
        assert_eq!(d(44195.75), Ok(ymd(2020, 12, 30)));
        assert_eq!(d(2_958_465.0), Ok(ymd(9999, 12, 31)));
        assert!(d(0.0).unwrap_err().contains("1900-01-00"));
        assert!(d(-1.0).is_err());
        assert!(d(2_958_466.0).is_err());
        assert!(d(f64::NAN).is_err());
        let m = |n: f64| excel_day(n, DateSystem::Excel1904);
        assert_eq!(m(0.0), Ok(ymd(1904, 1, 1)));
        assert_eq!(m(42733.0), Ok(ymd(2020, 12, 30)));
        // A workbook's number in a date column is its day number.
        let f = fact(FactType::Date);
        let number = input_cell(Input::Number("44195".into()));
        assert_eq!(raw(&f, &number), Raw::Date("2020-12-30".into()));
        let sixty = input_cell(Input::Number("60".into()));
        assert_eq!(
            message(&f, &sixty),
            "`事实` holds Excel's day number `60`, which Excel shows as 1900-02-29, a day that never was (Excel takes 1900 for a leap year)"
        );
    }

    #[test]
    fn sets_split_and_point_at_each_member() {
        let f = fact(FactType::Set(members(&["图表", "图解", "动漫"])));
        let cell = text_cell("图表、 图解 ,动漫、");
        let Raw::Array(elements) = raw(&f, &cell) else {
            panic!("not a list")
        };
        let got: Vec<(String, Span)> = elements
            .iter()
            .map(|e| match &e.raw {
                Raw::String(s) => (s.clone(), e.span),
                other => panic!("{other:?}"),
            })
            .collect();
        // 图表 is 6 bytes, 、 3, a space 1: 图解 starts at byte 10 of the cell.
        assert_eq!(
            got,
            vec![
                ("图表".into(), Span::new(100, 106)),
                ("图解".into(), Span::new(110, 116)),
                ("动漫".into(), Span::new(118, 124)),
            ]
        );
        assert_eq!(raw(&f, &text_cell("无")), Raw::Array(Vec::new()));
        assert_eq!(raw(&f, &text_cell("[]")), Raw::Array(Vec::new()));
    }

    #[test]
    fn sets_take_every_separator_and_trim_full_width_spaces() {
        let f = fact(FactType::Set(members(&[
            "新闻发布会",
            "图表",
            "图解",
            "音视频",
            "H5 页面",
        ])));
        let names = |text: &str| -> Vec<String> {
            let Raw::Array(elements) = raw(&f, &text_cell(text)) else {
                panic!("not a list")
            };
            elements
                .into_iter()
                .map(|e| match e.raw {
                    Raw::String(s) => s,
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        assert_eq!(
            names("新闻发布会、图表；音视频"),
            ["新闻发布会", "图表", "音视频"]
        );
        assert_eq!(
            names("\u{3000}图表，图解;音视频|新闻发布会\n图表\r\n图解｜音视频"),
            [
                "图表",
                "图解",
                "音视频",
                "新闻发布会",
                "图表",
                "图解",
                "音视频"
            ]
        );
        // Written with other spaces or full-width letters, a member is still itself.
        assert_eq!(names("新闻 发布会、Ｈ５页面"), ["新闻发布会", "H5 页面"]);
        // Anything else goes on as written, for `validate` to refuse.
        assert_eq!(names("图表 图解"), ["图表 图解"]);
    }

    /// The pieces of a set's cell as the characters say: split at every separator
    /// character, each piece trimmed and kept unless empty, with its offset.
    fn pieces_by_characters(text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut start = 0;
        let ends = text
            .char_indices()
            .filter(|(_, c)| SET_SEPARATORS.contains(c))
            .map(|(i, c)| (i, i + c.len_utf8()))
            .chain([(text.len(), text.len())]);
        for (end, next) in ends {
            let piece = &text[start..end];
            let written = piece.trim();
            if !written.is_empty() {
                let lead = piece.len() - piece.trim_start().len();
                out.push((start + lead, written.to_string()));
            }
            start = next;
        }
        out
    }

    #[test]
    fn set_pieces_split_as_the_characters_say() {
        let pool: Vec<char> = "图解、，,;；|｜､\n\r 　a1政务公开éß😀［］无\u{3001}\u{FF0C}"
            .chars()
            .collect();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = (next() % 12) as usize;
            let text: String = (0..len)
                .map(|_| pool[(next() % pool.len() as u64) as usize])
                .collect();
            let mut pieces = Vec::new();
            set_pieces(&text, |at, written| pieces.push((at, written.to_string())));
            assert_eq!(pieces, pieces_by_characters(&text), "{text:?}");
        }
    }

    /// What the lists say a spelled text is: the definition [`spelled_yes_no`] is
    /// tested against.
    fn listed_yes_no(t: &str) -> Option<bool> {
        if YES.iter().any(|y| y.eq_ignore_ascii_case(t)) {
            Some(true)
        } else if NO.iter().any(|n| n.eq_ignore_ascii_case(t)) {
            Some(false)
        } else {
            None
        }
    }

    /// The text with its printable ASCII in full-width forms, as [`fold_width`] folds
    /// them back.
    fn fold_back(t: &str) -> String {
        t.chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                c => c,
            })
            .collect()
    }

    #[test]
    fn yes_and_no_are_told_as_the_lists_tell_them() {
        let mut texts: Vec<String> = vec!["".into(), "是的".into(), "yess".into()];
        for spelling in YES.iter().chain(&NO).chain(&NEVER) {
            // Every mix of upper and lower case, and the spelling cut short or run on.
            let letters: Vec<char> = spelling.chars().collect();
            for mask in 0..1u32 << letters.len() {
                let mixed: String = letters
                    .iter()
                    .enumerate()
                    .map(|(i, c)| match mask >> i & 1 {
                        1 => c.to_ascii_uppercase(),
                        _ => *c,
                    })
                    .collect();
                texts.push(format!("{mixed}x"));
                texts.push(mixed[..mixed.len() - letters[letters.len() - 1].len_utf8()].into());
                texts.push(mixed);
            }
        }
        // Every character alone, and every pair of ASCII characters: no other text of
        // at most five bytes is a spelling.
        texts.extend((0..=0x10FFFF).filter_map(char::from_u32).map(String::from));
        for a in 0..128u8 {
            texts.extend((0..128u8).map(|b| String::from_utf8(vec![a, b]).unwrap()));
        }
        let mut told = [0, 0];
        for t in &texts {
            let answer = spelled_yes_no(t);
            assert_eq!(answer, listed_yes_no(t), "{t:?}");
            // And as written in a cell: with spaces, in full-width forms.
            for written in [t.clone(), format!(" {t}\u{3000}"), fold_back(t)] {
                let listed = listed_yes_no(&spelled(&written));
                assert_eq!(yes_no(&written), listed, "{written:?}");
                if written != *t && answer.is_some() {
                    assert_eq!(listed, answer, "{written:?}");
                }
            }
            if let Some(yes) = answer {
                told[usize::from(yes)] += 1;
            }
        }
        assert!(told[0] > 40 && told[1] > 40, "{told:?}");
        assert_eq!(yes_no(" ＴＲＵＥ\u{3000}"), Some(true));
        assert_eq!(yes_no("\u{200B}否"), Some(false));
    }

    #[test]
    fn iso_days_are_read_as_the_scanner_reads_them() {
        let mut days = 0;
        for year in [0, 1, 999, 1900, 2000, 2020, 2021, 2100, 9999] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let t = format!("{year:04}-{month:02}-{day:02}");
                    let scanned = match scanned_date(&t) {
                        DateText::Day(d) => Some(d),
                        _ => None,
                    };
                    assert_eq!(iso_day(&t), scanned, "{t}");
                    days += usize::from(scanned.is_some());
                }
            }
        }
        // The years 0, 2000 and 2020 are leap years.
        assert_eq!(days, 9 * 365 + 3);
        for t in [
            "2020-1-02",
            "2020/01/02",
            "2020-01-2",
            "2020-01-0a",
            "2020-01-02 ",
            "2020-01-02T08:00",
            "2020年01月02日",
            "20200-01-02",
            "",
        ] {
            assert_eq!(iso_day(t), None, "{t}");
        }
    }

    #[test]
    fn names_of_their_own_are_told_by_their_bytes() {
        let mut own = 0;
        for c in (0..0x11000).filter_map(char::from_u32) {
            for t in [
                c.to_string(),
                format!("单位{c}"),
                format!("{c}区"),
                format!("a {c}"),
            ] {
                let name = normalise_name(&t);
                assert_eq!(name, normalised_by_characters(&t), "{t:?}");
                own += usize::from(name == t);
            }
        }
        assert!(own > 200_000, "{own}");
    }

    #[test]
    fn folds_are_told_by_their_bytes() {
        let mut folding = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            folding += usize::from(folds(c));
            for t in [c.to_string(), format!("图{c}"), format!("{c}a、")] {
                assert_eq!(any_folds(&t), t.chars().any(folds), "{c:?}");
                let dropped = fold_width(&t).chars().count() < t.chars().count();
                assert_eq!(drops_any(&t), dropped, "{c:?}");
            }
        }
        // U+FF01 to U+FF5E, U+3000, U+00A0, U+2000 to U+200D, U+202F, U+205F, U+2060,
        // U+FEFF and U+2212.
        assert_eq!(folding, 94 + 1 + 1 + 14 + 1 + 1 + 1 + 1 + 1);
        assert!(!any_folds(""));
    }

    #[test]
    fn separators_and_spaces_are_told_by_their_bytes() {
        let mut separators = 0;
        for c in (0..0x11000).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            let text = c.encode_utf8(&mut buffer);
            let len = separator_len(text.as_bytes(), 0);
            assert_eq!(len > 0, SET_SEPARATORS.contains(&c), "{c:?}");
            let lead = usize::from(text.as_bytes()[0]);
            assert_eq!(usize::from(CHARACTER_LEN[lead]), c.len_utf8(), "{c:?}");
            if len > 0 {
                assert_eq!(len, text.len());
                assert!(MAY_SEPARATE[usize::from(text.as_bytes()[0])], "{c:?}");
                separators += 1;
            }
            if c.is_whitespace() {
                assert!(may_start_space(text.as_bytes()[0]), "{c:?}");
            }
            for t in [
                text.to_string(),
                format!("a{c}"),
                format!("{c}b"),
                format!(" {c}图"),
            ] {
                assert_eq!(trim(&t), t.trim(), "{t:?}");
                assert_eq!(is_blank_text(&t), t.trim().is_empty(), "{t:?}");
            }
        }
        assert_eq!(separators, SET_SEPARATORS.len());
        assert_eq!(trim(""), "");
    }

    #[test]
    fn a_member_called_none_is_a_member() {
        let f = fact(FactType::Set(members(&["有", "无"])));
        let Raw::Array(elements) = raw(&f, &text_cell("无")) else {
            panic!("not a list")
        };
        assert_eq!(elements.len(), 1);
    }

    #[test]
    fn names_are_compared_without_width_or_spacing() {
        assert_eq!(normalise_name("台　山　市"), "台山市");
        assert_eq!(normalise_name(" 台山市 "), "台山市");
        assert_eq!(normalise_name("ＡＢＣ区"), "ABC区");
        assert_eq!(normalise_name("江门市 （区）"), "江门市(区)");
        assert_eq!(normalise_name("Open   Data  Office"), "Open Data Office");
        assert_eq!(
            normalise_name("决策预公开 / 未做意见征集"),
            "决策预公开/未做意见征集"
        );
        assert_eq!(normalise_name("H5 页面"), "H5页面");
        assert_eq!(normalise_name("a\u{200B}b"), "ab");
    }
}
