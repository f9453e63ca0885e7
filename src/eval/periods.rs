//! Periods measured in working days or calendar days: which requests were replied to
//! later than `over 20 workdays` allows.

use chrono::Datelike;

use crate::calendar::Calendar;
use crate::evidence::Period;
use crate::span::Span;
use crate::syntax::ast::{DayUnit, Over};

/// A date in a year the rubric's calendar does not list, or working days counted with
/// no calendar at all (the checker prevents the latter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uncovered {
    pub year: i32,
    pub span: Option<Span>,
}

/// The periods longer than the limit, each described for the trace.
pub fn over(
    periods: &[Period],
    over: &Over,
    calendar: Option<&Calendar>,
) -> Result<Vec<String>, Uncovered> {
    let n = over.count.node;
    let mut late = Vec::new();
    for p in periods {
        let uncovered = |year: i32| Uncovered {
            year,
            span: Some(p.span),
        };
        let description = match over.unit {
            DayUnit::Days => {
                let limit = p.from + chrono::Days::new(u64::from(n));
                match p.to {
                    Some(to) if to <= limit => continue,
                    Some(to) => format!("{} → {to}: {} days", p.from, (to - p.from).num_days()),
                    None => format!("{} → never", p.from),
                }
            }
            DayUnit::Workdays => {
                let cal = calendar.ok_or(uncovered(p.from.year()))?;
                // Every date must lie in a year the calendar lists.
                for d in [Some(p.from), p.to].into_iter().flatten() {
                    if !cal.years().contains(&d.year()) {
                        return Err(uncovered(d.year()));
                    }
                }
                let deadline = cal
                    .add_working_days(p.from, n)
                    .map_err(|e| uncovered(e.0))?;
                match p.to {
                    Some(to) if to <= deadline => continue,
                    Some(to) => {
                        let taken = cal
                            .working_days_between(p.from, to)
                            .map_err(|e| uncovered(e.0))?;
                        format!("{} → {to}: {taken} workdays, due {deadline}", p.from)
                    }
                    None => format!("{} → never, due {deadline}", p.from),
                }
            }
        };
        late.push(description);
    }
    Ok(late)
}
