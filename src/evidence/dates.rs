//! A `dates` fact (每半月更新: the days a column was updated) read as the gaps between
//! its dates, from the rubric's year's first day to its last: each gap a [`Period`],
//! which `over N days` counts as it counts the periods of a `periods` fact.

use chrono::NaiveDate;

use super::Period;
use crate::span::Span;

/// The separators of a list of dates written in one text or spreadsheet cell:
/// `2023-01-05、2023-01-20`, with `,`, `;` (half- or full-width) or a line break too.
pub(crate) const SEPARATORS: [char; 7] = ['、', ',', '，', ';', '；', '\n', '\r'];

/// The pieces of a list of dates written in one text, each trimmed, empty ones left
/// out (a trailing separator, a blank cell).
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split(SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// The gaps of a list of dates, in the order of the days: from the year's first day
/// to the first date, between each date and the next, and from the last date to the
/// year's last day (with no year, only those between the dates). Each gap carries
/// the span of the date that ends it, or of the last date for the one to the year's
/// end (`whole`, the list's, when there is none).
pub(crate) fn gaps(dates: &[(NaiveDate, Span)], year: Option<i32>, whole: Span) -> Vec<Period> {
    let mut sorted = dates.to_vec();
    sorted.sort_by_key(|(d, _)| *d);
    let first = year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1));
    let last = year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31));
    let mut out = Vec::new();
    let mut from = first;
    for (day, span) in &sorted {
        if let Some(start) = from {
            out.push(Period {
                from: start,
                to: Some(*day),
                span: *span,
            });
        }
        from = Some(*day);
    }
    if let (Some(start), Some(end)) = (from, last) {
        out.push(Period {
            from: start,
            to: Some(end),
            span: sorted.last().map_or(whole, |(_, s)| *s),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn days(list: &[&str], year: Option<i32>) -> Vec<(NaiveDate, Option<NaiveDate>)> {
        let dates: Vec<(NaiveDate, Span)> =
            list.iter().map(|d| (day(d), Span::default())).collect();
        gaps(&dates, year, Span::default())
            .into_iter()
            .map(|p| (p.from, p.to))
            .collect()
    }

    #[test]
    fn gaps_run_from_the_years_first_day_to_its_last_in_order() {
        assert_eq!(
            days(&["2023-06-30", "2023-01-16"], Some(2023)),
            [
                (day("2023-01-01"), Some(day("2023-01-16"))),
                (day("2023-01-16"), Some(day("2023-06-30"))),
                (day("2023-06-30"), Some(day("2023-12-31"))),
            ]
        );
    }

    #[test]
    fn no_update_is_one_gap_over_the_whole_year() {
        assert_eq!(
            days(&[], Some(2023)),
            [(day("2023-01-01"), Some(day("2023-12-31")))]
        );
    }

    #[test]
    fn without_a_year_only_the_gaps_between_dates_count() {
        assert_eq!(
            days(&["2023-01-16", "2023-02-01"], None),
            [(day("2023-01-16"), Some(day("2023-02-01")))]
        );
    }

    #[test]
    fn a_list_is_cut_at_each_separator() {
        let list: Vec<&str> = pieces("2023-01-05、2023-01-20, 2023-02-01；2023-03-01;\n").collect();
        assert_eq!(
            list,
            ["2023-01-05", "2023-01-20", "2023-02-01", "2023-03-01"]
        );
    }
}
