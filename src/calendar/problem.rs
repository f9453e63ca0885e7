//! The problems of a calendar, as kinds carrying their data.
//!
//! Each problem met reading a calendar file, or finding the calendar a rule file
//! names, is a variant of [`CalendarError`]; the one `From<CalendarError> for
//! Diagnostic` below gives each kind its code, message, labels and help, worded in
//! the run's language.

use chrono::NaiveDate;

use super::{builtin_names, weekday_name};
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::span::Span;

/// How a path a rule file names leaves the rule file's folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaves {
    /// An absolute path.
    Absolute,
    /// A `..` that climbs above the folder.
    Climbs,
    /// A symbolic link that points out of it.
    Link,
}

/// A problem of a calendar file, or of the calendar a rule file names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// `name` is not a text.
    NameNotText { span: Span },
    /// A key that is neither `name` nor a year.
    NotAYear { span: Span, key: String },
    /// A year that is not a table.
    YearNotTable { span: Span, year: i32 },
    /// A field of a year other than `holidays`, `workdays` and `source`.
    UnknownField { span: Span, field: String },
    /// A year without `holidays`.
    NoHolidays { span: Span, year: i32 },
    /// A day both a holiday and a make-up working day.
    Both { span: Span, day: NaiveDate },
    /// A file that lists no year.
    NoYear { span: Span },
    /// `holidays` or `workdays` that is not a list.
    DateList { span: Span },
    /// A range whose last day comes before its first.
    RangeReversed {
        span: Span,
        first: NaiveDate,
        last: NaiveDate,
    },
    /// A make-up working day on a Monday to Friday.
    WorkdayOnWeekday { span: Span, day: NaiveDate },
    /// Something else than a date where a date belongs.
    ExpectedDate { span: Span },
    /// A date of another year than the table it stands in.
    WrongYear {
        span: Span,
        day: NaiveDate,
        year: i32,
    },
    /// A text that is not a date.
    NotADate { span: Span, text: String },
    /// `calendar NAME` naming no calendar shipped inside kaohe.
    UnknownBuiltin { span: Span, name: String },
    /// A calendar file the rule file names outside its folder.
    Outside {
        span: Span,
        name: String,
        leaves: Leaves,
    },
    /// A calendar file that cannot be read, for a reason no other problem gives.
    CannotRead { path: String },
    /// A file the rule file names that is not shaped as a calendar, first at `line`
    /// and `column`: none of its text is shown.
    NotACalendar {
        span: Span,
        path: String,
        line: usize,
        column: usize,
    },
}

/// A problem inside a calendar file: its message and help, under the label "here".
fn bad(span: Span, message: String, help: String) -> Diagnostic {
    Diagnostic::error(codes::CALENDAR, message)
        .primary(span, msg!("calendar-here"))
        .help(help)
}

impl From<CalendarError> for Diagnostic {
    fn from(problem: CalendarError) -> Diagnostic {
        use CalendarError as E;
        match problem {
            E::NameNotText { span } => bad(
                span,
                msg!("calendar-name-text"),
                msg!("calendar-name-text".help),
            ),
            E::NotAYear { span, key } => bad(
                span,
                msg!("calendar-not-a-year", key = &key),
                msg!("calendar-not-a-year".help),
            ),
            E::YearNotTable { span, year } => bad(
                span,
                msg!("calendar-year-table", year = year.to_string()),
                msg!("calendar-year-table".help),
            ),
            E::UnknownField { span, field } => bad(
                span,
                msg!("calendar-unknown-field", field = field),
                msg!("calendar-unknown-field".help),
            ),
            E::NoHolidays { span, year } => bad(
                span,
                msg!("calendar-no-holidays", year = year.to_string()),
                msg!("calendar-no-holidays".help),
            ),
            E::Both { span, day } => bad(
                span,
                msg!("calendar-both", day = day.to_string()),
                msg!("calendar-both".help),
            ),
            E::NoYear { span } => bad(
                span,
                msg!("calendar-no-year"),
                msg!("calendar-no-year".help),
            ),
            E::DateList { span } => bad(
                span,
                msg!("calendar-date-list"),
                msg!("calendar-date-list".help),
            ),
            E::RangeReversed { span, first, last } => bad(
                span,
                msg!(
                    "calendar-range-reversed",
                    first = first.to_string(),
                    last = last.to_string()
                ),
                msg!("calendar-range-reversed".help),
            ),
            E::WorkdayOnWeekday { span, day } => {
                use chrono::Datelike;
                bad(
                    span,
                    msg!(
                        "calendar-workday-weekday",
                        day = day.to_string(),
                        weekday = weekday_name(day.weekday())
                    ),
                    msg!("calendar-workday-weekday".help),
                )
            }
            E::ExpectedDate { span } => bad(
                span,
                msg!("calendar-expected-date"),
                msg!("calendar-expected-date".help),
            ),
            E::WrongYear { span, day, year } => {
                use chrono::Datelike;
                bad(
                    span,
                    msg!(
                        "calendar-wrong-year",
                        day = day.to_string(),
                        year = year.to_string()
                    ),
                    msg!("calendar-wrong-year".help, in = day.year().to_string()),
                )
            }
            E::NotADate { span, text } => bad(
                span,
                msg!("calendar-not-a-date", text = text),
                msg!("calendar-not-a-date".help),
            ),
            E::UnknownBuiltin { span, name } => Diagnostic::error(
                codes::CALENDAR_UNKNOWN,
                msg!("calendar-unknown-builtin", name = &name),
            )
            .primary(span, msg!("calendar-unknown-builtin".label))
            .help(msg!(
                "calendar-unknown-builtin".help,
                names = builtin_names()
            )),
            E::Outside { span, name, leaves } => {
                let why = match leaves {
                    Leaves::Absolute => msg!("calendar-outside".absolute),
                    Leaves::Climbs => msg!("calendar-outside".climbs),
                    Leaves::Link => msg!("calendar-outside".link),
                };
                Diagnostic::error(
                    codes::CALENDAR_OUTSIDE,
                    msg!("calendar-outside", name = &name),
                )
                .primary(span, why)
                .help(msg!("calendar-outside".help, names = builtin_names()))
            }
            E::CannotRead { path } => {
                Diagnostic::error(codes::READ, msg!("calendar-cannot-read", path = path))
            }
            E::NotACalendar {
                span,
                path,
                line,
                column,
            } => Diagnostic::error(
                codes::CALENDAR_NOT_A_CALENDAR,
                msg!("calendar-not-a-calendar", path = &path),
            )
            .primary(span, msg!("calendar-named-here"))
            .help(msg!(
                "calendar-not-a-calendar".help,
                path = path,
                line = line.to_string(),
                column = column.to_string()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::source::SourceFile;

    #[test]
    fn a_make_up_day_on_a_weekday_and_a_reversed_range_are_their_kinds() {
        let text =
            "[2020]\nholidays = [[\"2020-10-08\", \"2020-10-01\"]]\nworkdays = [\"2020-09-30\"]\n";
        let problems = Calendar::problems(&SourceFile::new("cal.toml", text));
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let range = text.find("[\"2020-10-08\"").unwrap();
        let workday = text.find("\"2020-09-30\"").unwrap();
        assert_eq!(
            problems,
            vec![
                CalendarError::RangeReversed {
                    span: Span::new(range, range + 28),
                    first: day("2020-10-08"),
                    last: day("2020-10-01"),
                },
                CalendarError::WorkdayOnWeekday {
                    span: Span::new(workday, workday + 12),
                    day: day("2020-09-30"),
                },
            ]
        );
    }
}
