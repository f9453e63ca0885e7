//! Working-day calendars: official holidays and make-up working days (调休上班日), read
//! from an editable TOML file such as `rules/calendars/cn.toml`, one table per year.
//!
//! A day is a working day when it is a make-up working day, or a Monday to Friday that
//! is not a holiday. A date in a year the file does not list is an error, never quietly
//! counted as weekends-only: the State Council publishes each year's list in November
//! or December, and staff add it to the file without a new release of kaohe.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::diagnostic::{codes, Diagnostic};
use crate::input::{read, Format, Node, Raw};
use crate::source::SourceFile;
use crate::span::Span;

/// One year of a calendar.
#[derive(Debug, Clone, Default)]
struct Year {
    holidays: HashSet<NaiveDate>,
    workdays: HashSet<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Calendar {
    pub name: String,
    pub source: SourceFile,
    years: BTreeMap<i32, Year>,
}

/// A date in a year the calendar does not list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotCovered(pub i32);

impl Calendar {
    /// Reads and checks a calendar file.
    pub fn load(path: &Path) -> Result<Calendar, Vec<Diagnostic>> {
        let source = crate::input::read_source(path).map_err(|d| vec![d])?;
        Calendar::parse(&source)
    }

    /// Checks a calendar's text; every problem is reported at once.
    pub fn parse(source: &SourceFile) -> Result<Calendar, Vec<Diagnostic>> {
        let root = read(source, Format::Toml).map_err(|d| vec![d])?;
        let mut out = Vec::new();
        let mut calendar = Calendar {
            name: String::new(),
            source: source.clone(),
            years: BTreeMap::new(),
        };
        let Raw::Table(entries) = &root.raw else {
            unreachable!("a TOML document is a table")
        };
        for (key, value) in entries {
            if key.node == "name" {
                match &value.raw {
                    Raw::String(s) => calendar.name = s.clone(),
                    _ => out.push(bad(
                        value.span,
                        "`name` must be a text",
                        "write `name = \"中国大陆法定节假日\"`",
                    )),
                }
                continue;
            }
            let Ok(year) = key.node.parse::<i32>() else {
                out.push(bad(
                    key.span,
                    &format!("`{}` is not a year", key.node),
                    "each year is a table named after it, such as `[2021]`",
                ));
                continue;
            };
            let Raw::Table(fields) = &value.raw else {
                out.push(bad(
                    value.span,
                    &format!("`{year}` must be a table"),
                    "write `[2021]` and the lists below it",
                ));
                continue;
            };
            let mut y = Year::default();
            let mut seen_holidays = false;
            for (field, list) in fields {
                match field.node.as_str() {
                    "holidays" => {
                        seen_holidays = true;
                        y.holidays = dates(year, list, true, &mut out);
                    }
                    "workdays" => y.workdays = dates(year, list, false, &mut out),
                    "source" => {}
                    other => out.push(bad(
                        field.span,
                        &format!("a calendar year has no field `{other}`"),
                        "a year has `source`, `holidays` and `workdays`",
                    )),
                }
            }
            if !seen_holidays {
                out.push(bad(
                    key.span,
                    &format!("the year {year} has no `holidays`"),
                    "list the year's holidays, even if empty: `holidays = []`",
                ));
            }
            for d in y.holidays.intersection(&y.workdays) {
                out.push(bad(
                    value.span,
                    &format!("{d} is both a holiday and a working day"),
                    "list each day in one of the two lists",
                ));
            }
            calendar.years.insert(year, y);
        }
        if calendar.years.is_empty() && out.is_empty() {
            out.push(bad(
                root.span,
                "the calendar lists no year",
                "add a table per year, such as `[2021]` with its `holidays` and `workdays`",
            ));
        }
        if out.is_empty() {
            Ok(calendar)
        } else {
            Err(out.into_iter().map(|d| d.with_source(source)).collect())
        }
    }

    /// The years the calendar lists.
    pub fn years(&self) -> Vec<i32> {
        self.years.keys().copied().collect()
    }

    pub fn is_working_day(&self, day: NaiveDate) -> Result<bool, NotCovered> {
        let year = self.years.get(&day.year()).ok_or(NotCovered(day.year()))?;
        if year.workdays.contains(&day) {
            return Ok(true);
        }
        Ok(!year.holidays.contains(&day) && !matches!(day.weekday(), Weekday::Sat | Weekday::Sun))
    }

    /// The `n`th working day after `start` (the day of `start` itself is not counted, as
    /// in 自收到申请之日起20个工作日内). Every year on the way must be listed.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, NotCovered> {
        let mut day = start;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt().ok_or(NotCovered(day.year() + 1))?;
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// How many working days lie after `start`, up to and including `end`.
    pub fn working_days_between(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<u32, NotCovered> {
        let mut count = 0;
        let mut day = start;
        while day < end {
            day = day.succ_opt().ok_or(NotCovered(day.year() + 1))?;
            if self.is_working_day(day)? {
                count += 1;
            }
        }
        Ok(count)
    }
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn bad(span: Span, message: &str, help: &str) -> Diagnostic {
    Diagnostic::error(codes::CALENDAR, message.to_string())
        .primary(span, "here")
        .help(help.to_string())
}

/// A list of dates and `[from, to]` ranges, all in `year`.
fn dates(year: i32, list: &Node, ranges: bool, out: &mut Vec<Diagnostic>) -> HashSet<NaiveDate> {
    let mut days = HashSet::new();
    let Raw::Array(items) = &list.raw else {
        out.push(bad(
            list.span,
            "expected a list of dates",
            "write `[2021-01-01, [2021-02-11, 2021-02-17]]`",
        ));
        return days;
    };
    for item in items {
        match &item.raw {
            Raw::Array(pair) if ranges && pair.len() == 2 => {
                let (Some(a), Some(b)) = (date(year, &pair[0], out), date(year, &pair[1], out))
                else {
                    continue;
                };
                if b < a {
                    out.push(bad(
                        item.span,
                        &format!("the range ends ({b}) before it begins ({a})"),
                        "write the first day, then the last",
                    ));
                    continue;
                }
                days.extend(a.iter_days().take_while(|d| *d <= b));
            }
            _ => {
                if let Some(d) = date(year, item, out) {
                    // Make-up working days (the list without ranges) fall on weekends.
                    if !ranges && !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                        out.push(bad(
                            item.span,
                            &format!(
                                "the make-up working day {d} is a {}, not a weekend day",
                                weekday_name(d.weekday())
                            ),
                            "`workdays` lists the Saturdays and Sundays that are working days (调休上班日)",
                        ));
                    }
                    days.insert(d);
                }
            }
        }
    }
    days
}

fn date(year: i32, node: &Node, out: &mut Vec<Diagnostic>) -> Option<NaiveDate> {
    let text = match &node.raw {
        Raw::Date(s) | Raw::String(s) => s.as_str(),
        _ => {
            out.push(bad(
                node.span,
                "expected a date such as 2021-02-11",
                "write each day as YYYY-MM-DD, a range as `[first, last]`",
            ));
            return None;
        }
    };
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(d) if d.year() == year => Some(d),
        Ok(d) => {
            out.push(bad(
                node.span,
                &format!("{d} is listed under the year {year}"),
                &format!("move it to the table `[{}]`", d.year()),
            ));
            None
        }
        Err(_) => {
            out.push(bad(
                node.span,
                &format!("`{text}` is not a date"),
                "write each day as YYYY-MM-DD",
            ));
            None
        }
    }
}
