//! Periods measured in working days or calendar days: which requests were replied to
//! later than `over 20 workdays` allows. Conditions count them ([`super::condition`]),
//! and so do `per … over` clauses, which describe each for the trace.

use chrono::{Datelike, NaiveDate};

use super::Period;
use crate::calendar::Calendar;
use crate::model::{DayUnit, Over};
use crate::span::Span;

/// A date in a year the rubric's calendar does not list, or working days counted with
/// no calendar at all (the checker prevents the latter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uncovered {
    pub year: i32,
    pub span: Option<Span>,
}

/// A period longer than its limit.
#[derive(Debug, Clone, PartialEq)]
pub struct Late {
    pub from: NaiveDate,
    /// The reply; `None` when there was none.
    pub to: Option<NaiveDate>,
    /// The days (of `unit`) it took, when there was a reply.
    pub taken: Option<i64>,
    pub unit: DayUnit,
    /// The day it was due, counted in working days, when it can be known.
    pub due: Option<NaiveDate>,
}

/// The periods longer than the limit, each described for the trace.
pub fn over(
    periods: &[Period],
    over: &Over,
    calendar: Option<&Calendar>,
) -> Result<Vec<Late>, Uncovered> {
    let mut late = Vec::new();
    scan(periods, over, calendar, Some(&mut late))?;
    Ok(late)
}

/// How many periods are longer than the limit: [`over`] without the descriptions, so
/// nothing is allocated; it fails on exactly the dates [`over`] fails on.
pub fn count_over(
    periods: &[Period],
    over: &Over,
    calendar: Option<&Calendar>,
) -> Result<u64, Uncovered> {
    scan(periods, over, calendar, None)
}

/// Counts the periods longer than the limit, and describes each in `late` when given.
/// Both [`over`] and [`count_over`] are this one walk, so they cannot disagree.
fn scan(
    periods: &[Period],
    over: &Over,
    calendar: Option<&Calendar>,
    mut late: Option<&mut Vec<Late>>,
) -> Result<u64, Uncovered> {
    let n = over.count.node;
    let mut count = 0u64;
    for p in periods {
        let uncovered = |year: i32| Uncovered {
            year,
            span: Some(p.span),
        };
        let description = match over.unit {
            DayUnit::Days => {
                // A limit past the last date chrono knows is never reached: on time.
                let limit = p.from.checked_add_days(chrono::Days::new(u64::from(n)));
                match p.to {
                    Some(to) if limit.is_none_or(|limit| to <= limit) => continue,
                    Some(to) => late.as_ref().map(|_| Late {
                        from: p.from,
                        to: Some(to),
                        taken: Some((to - p.from).num_days()),
                        unit: DayUnit::Days,
                        due: None,
                    }),
                    None => late.as_ref().map(|_| Late {
                        from: p.from,
                        to: None,
                        taken: None,
                        unit: DayUnit::Days,
                        due: None,
                    }),
                }
            }
            DayUnit::Workdays => {
                let cal = calendar.ok_or(uncovered(p.from.year()))?;
                // Every date given must lie in a year the calendar lists. Asking whether
                // a day is a working day fails exactly for a year the calendar does not
                // list, and, unlike listing the years, allocates nothing.
                for d in [Some(p.from), p.to].into_iter().flatten() {
                    if cal.is_working_day(d).is_err() {
                        return Err(uncovered(d.year()));
                    }
                }
                match p.to {
                    // Counting the working days up to the reply needs only the years the
                    // period spans, so a December reply to a December request never needs
                    // next year's list.
                    Some(to) => {
                        let taken = cal
                            .working_days_between(p.from, to)
                            .map_err(|e| uncovered(e.0))?;
                        if taken <= n {
                            continue;
                        }
                        // The due date is worked out even when it is not described: a
                        // due date in a year the calendar lacks is an error either way.
                        let due = cal
                            .add_working_days(p.from, n)
                            .map_err(|e| uncovered(e.0))?;
                        late.as_ref().map(|_| Late {
                            from: p.from,
                            to: Some(to),
                            taken: Some(i64::from(taken)),
                            unit: DayUnit::Workdays,
                            due: Some(due),
                        })
                    }
                    // Never replied: late whatever the deadline; name it when it can be known.
                    None => late.as_ref().map(|_| Late {
                        from: p.from,
                        to: None,
                        taken: None,
                        unit: DayUnit::Workdays,
                        due: cal.add_working_days(p.from, n).ok(),
                    }),
                }
            }
        };
        count += 1;
        if let (Some(late), Some(description)) = (late.as_deref_mut(), description) {
            late.push(description);
        }
    }
    Ok(count)
}
