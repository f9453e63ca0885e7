//! Reading a `date` cell: the days people type (`2020-12-30`, `2020年12月30日` …),
//! a workbook's date cells and Excel's day numbers ([`excel_day`]), and the spellings
//! of never done ([`NEVER`]).

use super::*;

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
pub fn excel_day(serial: f64, dates: DateSystem) -> Result<NaiveDate, NoDayWhy> {
    if !serial.is_finite() || serial < 0.0 {
        return Err(NoDayWhy::NoDay);
    }
    if serial >= LAST_EXCEL_DAY + 1.0 {
        return Err(NoDayWhy::After);
    }
    // The number is finite, from 0 and below 2958466, so the cast is exact.
    let day = serial.floor() as i64;
    let from = |start: NaiveDate, days: i64| {
        start
            .checked_add_signed(chrono::Duration::days(days))
            .ok_or(NoDayWhy::NoDay)
    };
    match (dates, day) {
        (DateSystem::Excel1904, _) => from(ymd(1904, 1, 1), day),
        (DateSystem::Excel1900, 0) => Err(NoDayWhy::Zero),
        (DateSystem::Excel1900, 60) => Err(NoDayWhy::Leap),
        (DateSystem::Excel1900, 1..=59) => from(ymd(1899, 12, 31), day),
        (DateSystem::Excel1900, _) => from(ymd(1899, 12, 30), day),
    }
}

/// A day known to exist.
pub(super) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// What a text gives a date column.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum DateText {
    Day(NaiveDate),
    /// Spelled as a date, but no such day: why.
    NoSuchDay(NoSuchDay),
    NotADate,
}

/// Reads the date spellings of the module's table from a folded, trimmed text.
pub(super) fn date_text(t: &str) -> DateText {
    match iso_day(t) {
        Some(day) => DateText::Day(day),
        None => scanned_date(t),
    }
}

/// The day a text spells as `YYYY-MM-DD` exactly, the spelling most dates are in,
/// read by the one reader of such days ([`crate::input::day`]) without scanning it as
/// [`scanned_date`] does (which gives the same day).
pub(super) use crate::input::day::exact as iso_day;

/// Reads the date spellings of the module's table from a folded, trimmed text, one
/// piece at a time.
pub(super) fn scanned_date(t: &str) -> DateText {
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
        None if !(1..=12).contains(&month) => DateText::NoSuchDay(NoSuchDay::Month(month)),
        None if day == 0 => DateText::NoSuchDay(NoSuchDay::DayZero),
        None => {
            let first = ymd(year, month, 1);
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)
            };
            let days = next.map_or(31, |n| (n - first).num_days());
            DateText::NoSuchDay(NoSuchDay::MonthDays {
                month: first.month(),
                year,
                days,
            })
        }
    }
}

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

pub(super) fn date(name: Name<'_>, cell: &Cell, dates: DateSystem) -> Read {
    let refuse = |problem: CellError| wrong(cell, problem);
    let not_a_date = || {
        refuse(CellError::Date {
            name: name.to_string(),
            text: cell.shown(),
        })
    };
    match &cell.input {
        Input::Date(d) => node(Raw::Date(d.to_string()), cell),
        Input::Bool(false) => node(Raw::Bool(false), cell),
        Input::NoDay(no_day) => refuse(CellError::DayNumber {
            name: name.to_string(),
            serial: no_day.serial.clone(),
            why: no_day.why,
            in_date_cell: true,
        }),
        // A workbook's number in a date column is the day Excel shows for it once the
        // cell is formatted as a date: Excel keeps every date as its day number.
        Input::Number(n) => match n.parse::<f64>().map(|v| excel_day(v, dates)) {
            Ok(Ok(day)) => node(Raw::Date(day.to_string()), cell),
            Ok(Err(why)) => refuse(CellError::DayNumber {
                name: name.to_string(),
                serial: n.to_string(),
                why,
                in_date_cell: false,
            }),
            Err(_) => not_a_date(),
        },
        Input::Text(t) => {
            let t = spelled(t);
            if NEVER.iter().any(|n| n.eq_ignore_ascii_case(&t)) {
                return node(Raw::Bool(false), cell);
            }
            match date_text(&t) {
                DateText::Day(d) => node(Raw::String(d.to_string()), cell),
                DateText::NoSuchDay(why) => refuse(CellError::NoSuchDay {
                    name: name.to_string(),
                    text: cell.shown(),
                    why,
                }),
                // Five digits in a CSV file are most likely Excel's day number, written
                // out when the cell lost its date format.
                DateText::NotADate if t.len() == 5 && is_digits(&t) => {
                    let day = t
                        .parse::<f64>()
                        .ok()
                        .and_then(|v| excel_day(v, DateSystem::Excel1900).ok());
                    refuse(CellError::DateNumber {
                        name: name.to_string(),
                        text: t.to_string(),
                        day,
                    })
                }
                DateText::NotADate => not_a_date(),
            }
        }
        _ => not_a_date(),
    }
}
