//! A cell refused for its spelling, as a kind ([`CellError`]), with why a day number
//! or a written date names no day ([`NoDayWhy`], [`NoSuchDay`]); a sheet words it at
//! its cell (`grid::wording::refusal`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostic::msg;

/// Why one of Excel's day numbers shows no day ([`super::super::cell::excel_day`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoDayWhy {
    /// Below 0, not a number, or past the days a date can count.
    NoDay,
    /// After 9999-12-31, the last day Excel counts to.
    After,
    /// Day 0 of the 1900 system, 1900-01-00.
    Zero,
    /// Day 60 of the 1900 system, 1900-02-29, which never was.
    Leap,
}

impl NoDayWhy {
    /// The reason in the words of a message.
    fn text(self) -> String {
        match self {
            NoDayWhy::NoDay => msg!("cell-no-day"),
            NoDayWhy::After => msg!("cell-no-day".after),
            NoDayWhy::Zero => msg!("cell-no-day".zero),
            NoDayWhy::Leap => msg!("cell-no-day".leap),
        }
    }
}

/// Why a date written as a text names no day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSuchDay {
    /// A month not from 1 to 12.
    Month(u32),
    /// Day 0.
    DayZero,
    /// A day past the `days` of `month` in `year`.
    MonthDays { month: u32, year: i32, days: i64 },
}

impl NoSuchDay {
    /// The reason in the words of a message.
    fn text(self) -> String {
        match self {
            NoSuchDay::Month(month) => msg!("cell-no-month", month = month),
            NoSuchDay::DayZero => msg!("cell-no-day-zero"),
            NoSuchDay::MonthDays { month, year, days } => msg!(
                "cell-month-days",
                month = month,
                year = year.to_string(),
                days = days.to_string()
            ),
        }
    }
}

/// A cell refused for its spelling: what its column's type does not accept. `name`
/// is what the cell's value goes by (the fact, `fact[member]`, `fact/理由`), `text`
/// the cell as shown. A sheet names the cell's place around the message
/// (`grid::wording::refusal`).
#[derive(Debug, Clone, PartialEq)]
pub enum CellError {
    /// A spreadsheet error (`#DIV/0!`).
    Error { name: String, error: String },
    /// A fact of a type no cell can give.
    Type { name: String, kind: &'static str },
    /// Not yes or no.
    Bool { name: String, text: String },
    /// Not a whole number; `none` when it is a spelling of none (`无`, `-`), and
    /// `max` the count's.
    Count {
        name: String,
        text: String,
        max: Option<u64>,
        none: bool,
    },
    /// A count of more digits than any real count.
    TooLarge { name: String },
    /// Not a percentage.
    Percent { name: String, text: String },
    /// Not a number.
    Number { name: String, text: String },
    /// Not a number of points, at most `max`.
    Points {
        name: String,
        text: String,
        max: Decimal,
    },
    /// Not a list of members; `members` are the fact's.
    Members {
        name: String,
        text: String,
        members: Vec<String>,
    },
    /// Not a date.
    Date { name: String, text: String },
    /// One of Excel's day numbers that shows no day: a workbook's date cell
    /// (`in_date_cell`) or a number in a date column.
    DayNumber {
        name: String,
        serial: String,
        why: NoDayWhy,
        in_date_cell: bool,
    },
    /// A date that does not exist (`2020-02-30`).
    NoSuchDay {
        name: String,
        text: String,
        why: NoSuchDay,
    },
    /// Five digits in a CSV file's date column, most likely Excel's day number, with
    /// the day it shows.
    DateNumber {
        name: String,
        text: String,
        day: Option<NaiveDate>,
    },
}

impl CellError {
    /// The message and the help, in the run's language.
    pub fn words(&self) -> (String, String) {
        use CellError as C;
        match self {
            C::Error { name, error } => (
                msg!("cell-error", name = name, error = error),
                msg!("cell-error".help),
            ),
            C::Type { name, kind } => (
                msg!("cell-type", name = name, kind = *kind),
                msg!("cell-type".help),
            ),
            C::Bool { name, text } => (
                msg!("cell-bool", name = name, text = text),
                msg!("cell-bool".help),
            ),
            C::Count {
                name,
                text,
                max,
                none,
            } => {
                let help = super::super::cell::count_help(*max);
                (
                    msg!("cell-count", name = name, text = text),
                    if *none {
                        msg!("cell-count".none, text = text, help = help)
                    } else {
                        help
                    },
                )
            }
            C::TooLarge { name } => (
                msg!("cell-too-large", name = name),
                msg!("cell-too-large".help),
            ),
            C::Percent { name, text } => (
                msg!("cell-percent", name = name, text = text),
                msg!("cell-percent".help),
            ),
            C::Number { name, text } => (
                msg!("cell-number", name = name, text = text),
                msg!("cell-number".help),
            ),
            C::Points { name, text, max } => (
                msg!("cell-points", name = name, text = text),
                super::super::cell::points_help(*max),
            ),
            C::Members {
                name,
                text,
                members,
            } => (
                msg!("cell-members", name = name, text = text),
                super::super::cell::set_help_of(members),
            ),
            C::Date { name, text } => (
                msg!("cell-date", name = name, text = text),
                msg!("cell-date".help),
            ),
            C::DayNumber {
                name,
                serial,
                why,
                in_date_cell,
            } => (
                msg!(
                    "cell-day-number",
                    name = name,
                    serial = serial,
                    why = why.text()
                ),
                if *in_date_cell {
                    msg!("cell-day-number".help)
                } else {
                    msg!("cell-day-number".format)
                },
            ),
            C::NoSuchDay { name, text, why } => (
                msg!(
                    "cell-no-such-day",
                    name = name,
                    text = text,
                    why = why.text()
                ),
                msg!("cell-no-such-day".help),
            ),
            C::DateNumber { name, text, day } => (
                msg!("cell-date-number", name = name, text = text),
                match day {
                    Some(day) => msg!("cell-date-number".help, text = text, day = day.to_string()),
                    None => msg!("cell-date".help),
                },
            ),
        }
    }
}
