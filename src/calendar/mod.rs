//! Working-day calendars: official holidays and make-up working days (调休上班日), read
//! from an editable TOML file such as `rules/calendars/cn.toml`, one table per year.
//!
//! A day is a working day when it is a make-up working day, or a Monday to Friday that
//! is not a holiday. A date in a year the file does not list is an error, never quietly
//! counted as weekends-only: the State Council publishes each year's list in November
//! or December, and staff add it to the file without a new release of kaohe.
//!
//! A rule file names its calendar ([`CalendarRef`]); the checker never reads it.
//! [`resolve`] finds and reads it: a calendar shipped inside kaohe by its name
//! (`calendar cn`), or a file inside the rule file's own folder tree (never an absolute
//! path, a `..` that leaves the folder, or a symbolic link that points out of it), or
//! the user's own file given on the command line (`--calendar FILE`), which replaces
//! the rule file's. A file a rule file names that is not a calendar is reported
//! without any of its text: a rule file may come from another office, and must not be
//! able to show the files beside it.
//!
//! Each problem is a [`CalendarError`] kind, made into its [`Diagnostic`] in one
//! place ([`problem`]).

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

use chrono::{Datelike, NaiveDate, Weekday};

mod problem;

pub use problem::{CalendarError, Leaves};

use crate::diagnostic::msg;
use crate::diagnostic::Diagnostic;
use crate::input::{read, Format, Node, Raw};
use crate::source::SourceFile;
use crate::span::Spanned;

pub use crate::syntax::ast::CalendarRef;

/// The calendars shipped inside kaohe, by the name a rule file gives them
/// (`calendar cn`), with their text.
pub const BUILTIN: &[(&str, &str)] = &[("cn", include_str!("../../rules/calendars/cn.toml"))];

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
        Calendar::from_root(source, &root).map_err(|problems| {
            problems
                .into_iter()
                .map(|p| Diagnostic::from(p).with_source(source))
                .collect()
        })
    }

    /// The problems of a calendar's text, as kinds: none when it reads as a
    /// calendar or is not TOML at all.
    #[cfg(test)]
    pub(crate) fn problems(source: &SourceFile) -> Vec<CalendarError> {
        match read(source, Format::Toml) {
            Ok(root) => Calendar::from_root(source, &root).err().unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }

    /// The calendar a TOML tree describes, or every problem with it.
    fn from_root(source: &SourceFile, root: &Node) -> Result<Calendar, Vec<CalendarError>> {
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
                    _ => out.push(CalendarError::NameNotText { span: value.span }),
                }
                continue;
            }
            let Ok(year) = key.node.parse::<i32>() else {
                out.push(CalendarError::NotAYear {
                    span: key.span,
                    key: key.node.clone(),
                });
                continue;
            };
            let Raw::Table(fields) = &value.raw else {
                out.push(CalendarError::YearNotTable {
                    span: value.span,
                    year,
                });
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
                    other => out.push(CalendarError::UnknownField {
                        span: field.span,
                        field: other.to_string(),
                    }),
                }
            }
            if !seen_holidays {
                out.push(CalendarError::NoHolidays {
                    span: key.span,
                    year,
                });
            }
            for d in y.holidays.intersection(&y.workdays) {
                out.push(CalendarError::Both {
                    span: value.span,
                    day: *d,
                });
            }
            calendar.years.insert(year, y);
        }
        if calendar.years.is_empty() && out.is_empty() {
            out.push(CalendarError::NoYear { span: root.span });
        }
        if out.is_empty() {
            Ok(calendar)
        } else {
            Err(out)
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

/// The calendar shipped inside kaohe under `name` (`cn`: the official holidays and
/// make-up working days of mainland China), or `None`.
pub fn builtin(name: &str) -> Option<Calendar> {
    let (name, text) = BUILTIN.iter().find(|(n, _)| *n == name)?;
    // The shipped calendars are checked by the tests; one with a problem is a bug.
    Calendar::parse(&SourceFile::new(*name, *text)).ok()
}

/// The names of the calendars shipped inside kaohe, as a message lists them.
pub fn builtin_names() -> String {
    BUILTIN
        .iter()
        .map(|(n, _)| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `calendar NAME` naming no calendar shipped inside kaohe.
pub fn unknown_builtin(name: &Spanned<String>) -> Diagnostic {
    CalendarError::UnknownBuiltin {
        span: name.span,
        name: name.node.clone(),
    }
    .into()
}

/// The calendar working days are counted with: the user's own file when one is given
/// (`--calendar FILE`), otherwise the one `rule` names, if any. A file the rule names
/// is read only from the rule file's folder or a folder below it. Problems with a
/// file the rule names point at the name in the rule file; the text of a file that
/// is not a calendar is never shown.
pub fn resolve(
    rule: &SourceFile,
    reference: Option<&CalendarRef>,
    user: Option<&Path>,
) -> Result<Option<Calendar>, Vec<Diagnostic>> {
    if let Some(path) = user {
        // The user chose this file: any path, and every problem shown in full.
        return Calendar::load(path).map(Some);
    }
    match reference {
        None => Ok(None),
        Some(CalendarRef::Builtin(name)) => builtin(&name.node)
            .map(Some)
            .ok_or_else(|| vec![unknown_builtin(name).with_source(rule)]),
        Some(CalendarRef::File(written)) => load_inside(rule, written).map(Some),
    }
}

/// Why a path a rule file names leaves the rule file's folder: an absolute path, or
/// a `..` that climbs above it. `None` when it stays inside (as written).
fn leaves_folder(written: &Path) -> Option<Leaves> {
    let mut depth = 0usize;
    for part in written.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => return Some(Leaves::Absolute),
            Component::CurDir => {}
            Component::ParentDir => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return Some(Leaves::Climbs),
            },
            Component::Normal(_) => depth += 1,
        }
    }
    None
}

fn outside(rule: &SourceFile, written: &Spanned<String>, leaves: Leaves) -> Vec<Diagnostic> {
    vec![Diagnostic::from(CalendarError::Outside {
        span: written.span,
        name: written.node.clone(),
        leaves,
    })
    .with_source(rule)]
}

/// Reads the calendar file a rule file names, inside the rule file's folder tree.
fn load_inside(rule: &SourceFile, written: &Spanned<String>) -> Result<Calendar, Vec<Diagnostic>> {
    if let Some(why) = leaves_folder(Path::new(&written.node)) {
        return Err(outside(rule, written, why));
    }
    let base = Path::new(rule.name())
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let path: PathBuf = if base == Path::new(".") {
        PathBuf::from(&written.node)
    } else {
        base.join(&written.node)
    };
    let named_here = |d: Diagnostic| {
        if d.source.is_none() {
            d.primary(written.span, msg!("calendar-named-here"))
                .with_source(rule)
        } else {
            d
        }
    };
    // Symbolic links are followed, and what they lead to must still lie inside.
    let (Ok(folder), Ok(real)) = (std::fs::canonicalize(base), std::fs::canonicalize(&path)) else {
        let d = crate::input::read_source(&path).err().unwrap_or_else(|| {
            CalendarError::CannotRead {
                path: path.display().to_string(),
            }
            .into()
        });
        return Err(vec![named_here(d)]);
    };
    if !real.starts_with(&folder) {
        return Err(outside(rule, written, Leaves::Link));
    }
    let source = crate::input::read_source(&path).map_err(|d| vec![named_here(d)])?;
    if let Some(at) = not_a_calendar(&source) {
        let (line, column) = source.line_col(at);
        return Err(vec![Diagnostic::from(CalendarError::NotACalendar {
            span: written.span,
            path: path.display().to_string(),
            line,
            column,
        })
        .with_source(rule)]);
    }
    Calendar::parse(&source)
}

/// The byte offset of the first place where `source` is not shaped as a calendar:
/// TOML, with only `name` (a text) and years, each a table of `holidays` and
/// `workdays` (lists of dates and ranges of dates) and `source` (a text). `None`
/// when it is shaped as one, so that its problems, all about dates, can be shown
/// with its lines.
fn not_a_calendar(source: &SourceFile) -> Option<usize> {
    let root = match read(source, Format::Toml) {
        Ok(root) => root,
        Err(d) => return Some(d.offset()),
    };
    let Raw::Table(entries) = &root.raw else {
        return Some(root.span.start);
    };
    let is_date = |n: &Node| match &n.raw {
        Raw::Date(_) => true,
        Raw::String(s) => crate::input::day::day(s).is_some(),
        _ => false,
    };
    for (key, value) in entries {
        if key.node == "name" {
            if !matches!(value.raw, Raw::String(_)) {
                return Some(value.span.start);
            }
            continue;
        }
        if key.node.parse::<i32>().is_err() {
            return Some(key.span.start);
        }
        let Raw::Table(fields) = &value.raw else {
            return Some(value.span.start);
        };
        for (field, list) in fields {
            match (field.node.as_str(), &list.raw) {
                ("source", Raw::String(_)) => {}
                ("holidays" | "workdays", Raw::Array(items)) => {
                    for item in items {
                        let fine = match &item.raw {
                            Raw::Array(pair) => pair.iter().all(is_date),
                            _ => is_date(item),
                        };
                        if !fine {
                            return Some(item.span.start);
                        }
                    }
                }
                ("source" | "holidays" | "workdays", _) => return Some(list.span.start),
                _ => return Some(field.span.start),
            }
        }
    }
    None
}

fn weekday_name(w: Weekday) -> String {
    match w {
        Weekday::Mon => msg!("calendar-monday"),
        Weekday::Tue => msg!("calendar-tuesday"),
        Weekday::Wed => msg!("calendar-wednesday"),
        Weekday::Thu => msg!("calendar-thursday"),
        Weekday::Fri => msg!("calendar-friday"),
        Weekday::Sat => msg!("calendar-saturday"),
        Weekday::Sun => msg!("calendar-sunday"),
    }
}

/// A list of dates and `[from, to]` ranges, all in `year`.
fn dates(year: i32, list: &Node, ranges: bool, out: &mut Vec<CalendarError>) -> HashSet<NaiveDate> {
    let mut days = HashSet::new();
    let Raw::Array(items) = &list.raw else {
        out.push(CalendarError::DateList { span: list.span });
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
                    out.push(CalendarError::RangeReversed {
                        span: item.span,
                        first: a,
                        last: b,
                    });
                    continue;
                }
                days.extend(a.iter_days().take_while(|d| *d <= b));
            }
            _ => {
                if let Some(d) = date(year, item, out) {
                    // Make-up working days (the list without ranges) fall on weekends.
                    if !ranges && !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                        out.push(CalendarError::WorkdayOnWeekday {
                            span: item.span,
                            day: d,
                        });
                    }
                    days.insert(d);
                }
            }
        }
    }
    days
}

fn date(year: i32, node: &Node, out: &mut Vec<CalendarError>) -> Option<NaiveDate> {
    let text = match &node.raw {
        Raw::Date(s) | Raw::String(s) => s.as_str(),
        _ => {
            out.push(CalendarError::ExpectedDate { span: node.span });
            return None;
        }
    };
    match crate::input::day::day(text) {
        Some(d) if d.year() == year => Some(d),
        Some(d) => {
            out.push(CalendarError::WrongYear {
                span: node.span,
                day: d,
                year,
            });
            None
        }
        None => {
            out.push(CalendarError::NotADate {
                span: node.span,
                text: text.to_string(),
            });
            None
        }
    }
}
