//! The one place where a spreadsheet cell becomes an evidence value.
//!
//! A CSV or XLSX file gives each fact as one cell (a tally as one cell per member).
//! This module reads a cell by the type the rule file declares for its column and
//! gives the same [`Raw`] value a TOML or JSON file would hold, so that one typing
//! (`super::value`) checks every value whatever file it came from. Only the
//! *spelling* of a cell is judged here, the way the TOML reader judges TOML syntax:
//! that `是` is a yes and `2020年12月30日` a date. Whether the value is allowed — a
//! count within its `max`, a member of the list, a percentage from 0 to 100 — is left
//! to the typing.
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
//! | `number` | a number `12.5`, with thousands separators `1,234.5`, its digits as written |
//!
//! A blank cell (nothing but spaces) is a missing fact, never 0 or false. Every other
//! spelling is refused, naming the cell, in the words of the diagnostics' catalogue
//! (`cell-…`, in the run's language). To accept another spelling, change the one
//! function of that type (in `scalars`, `dates` or `sets`, their shared folding in
//! `spelling`); nothing else reads a cell. ([`quick()`], the fast way
//! for a valid row, reads the common spellings straight into their value with these
//! same functions, and leaves every other to them; its tests check that both ways
//! agree.)

use std::borrow::Cow;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::columns::{Part, REASON};
use super::members::MemberSet;
use super::problem::{CellError, NoDayWhy, NoSuchDay};
use super::raw::{Node, Raw};
use super::value::{Value, MAX_COUNT};
use crate::diagnostic::msg;
use crate::model::{FactDecl, FactType, Member, Members};
use crate::span::Span;

mod dates;
mod quick;
mod scalars;
mod sets;
mod spelling;
#[cfg(test)]
pub(super) mod tests;

use dates::{date, date_text, DateText};
pub use dates::{excel_day, NEVER};
pub(crate) use quick::{quick, Quick, QuickReader};
use scalars::{boolean, count, is_digits, number, percent, points};
pub use scalars::{chinese_count, yes_no, NO, YES};
use sets::{member_named, says_none, set, set_pieces};
use spelling::{drops_any, may_start_space, spelled, trim};
pub use spelling::{fold_width, normalise_name};

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
    pub why: NoDayWhy,
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
    /// A spelling the column's type does not accept. The node stands in the value's
    /// place (a null, which the typing refuses, so the fact counts as given but
    /// invalid rather than missing); the problem is reported instead of the typing's.
    Wrong { node: Node, problem: CellError },
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

/// The day one piece of a list of dates spells, in any spelling a date cell takes
/// (`2023-01-05`, `2023/1/5`, `2023年1月5日`); `None` for anything else.
pub(crate) fn loose_day(piece: &str) -> Option<NaiveDate> {
    match date_text(&fold_width(piece.trim())) {
        DateText::Day(day) => Some(day),
        _ => None,
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
            CellError::Error {
                name: name.to_string(),
                error: e.to_string(),
            },
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
        FactType::Percent { .. } => percent(name, cell),
        FactType::Date => date(name, cell, dates),
        FactType::Set(members) => set(name, members, cell),
        FactType::Discretion { max } => points(name, max.node, cell),
        // A list of dates in one cell, read as the TOML text of it is read.
        FactType::Dates => node(Raw::String(cell.text()), cell),
        FactType::Number { .. } => number(name, cell),
        other => wrong(
            cell,
            CellError::Type {
                name: name.to_string(),
                kind: other.describe(),
            },
        ),
    }
}

/// One date cell of a `periods` fact's sheet (the day a period began or ended), read
/// as a `date` column's cell is: the same spellings, day numbers and spellings of
/// never ([`NEVER`]), which the caller refuses for the day a period began.
pub fn period_date(fact: &FactDecl, cell: &Cell, dates: DateSystem) -> Read {
    if cell.is_blank() {
        return Read::Blank;
    }
    date(
        Name {
            fact,
            part: &Part::Value,
        },
        cell,
        dates,
    )
}

/// What to write in a cell of this column, for helps.
// As in `value`, the last arm is for fact types added to the language later.
#[allow(unreachable_patterns)]
pub fn help(fact: &FactDecl, part: &Part) -> String {
    match (part, &fact.ty.node) {
        (Part::Member(_), _) => count_help(None),
        (Part::Reason, _) => msg!("cell-reason"),
        (_, FactType::Discretion { max }) => points_help(max.node),
        (_, FactType::Bool) => msg!("cell-bool".help),
        (_, FactType::Count { max }) => count_help(max.as_ref().map(|m| m.node)),
        (_, FactType::Percent { .. }) => msg!("cell-percent".help),
        (_, FactType::Number { max: Some(m) }) => {
            msg!("cell-number".max, max = m.node.normalize().to_string())
        }
        (_, FactType::Number { max: None }) => msg!("cell-number".help),
        (_, FactType::Date) => msg!("cell-date".help),
        (_, FactType::Set(members)) => set_help(members),
        _ => msg!("cell-type".help),
    }
}

/// What to write in a cell of a count column: how many, in digits or in Chinese
/// numerals, within the count's `max` when it has one.
pub(super) fn count_help(max: Option<u64>) -> String {
    match max {
        Some(m) => msg!("cell-count".max, max = m.to_string()),
        None => msg!("cell-count".help),
    }
}

/// What to write in the points' cell of a discretionary score.
pub(super) fn points_help(max: rust_decimal::Decimal) -> String {
    msg!("cell-points".help, max = max.normalize().to_string())
}

/// What to write in a cell of a set column: its members, and how to separate them.
fn set_help(members: &[Member]) -> String {
    msg!(
        "cell-members".help,
        example = example_members(members),
        members = member_names(members)
    )
}

/// [`set_help`] of the members' names.
pub(super) fn set_help_of(members: &[String]) -> String {
    msg!(
        "cell-members".help,
        example = members
            .iter()
            .take(2)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("、"),
        members = members.join("、")
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

fn wrong(cell: &Cell, problem: CellError) -> Read {
    Read::Wrong {
        node: Node {
            raw: Raw::Null,
            span: cell.span,
        },
        problem,
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
