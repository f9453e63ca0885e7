//! The one reader of a day written `YYYY-MM-DD`: the dates of an evidence tree
//! (TOML's dates, JSON's and YAML's texts), of a calendar file and of a spreadsheet's
//! cell all go through it. A cell's other spellings (`2020年12月30日`, `2020/12/30` …)
//! are read on top of it by the cell's reader (`evidence::cell`).

use chrono::NaiveDate;

/// The day a text spells as `YYYY-MM-DD` exactly (four, two and two digits), read
/// without chrono's format parser, which is most of the cost of reading a date; `None`
/// for any other text, and for no such day.
pub(crate) fn exact(t: &str) -> Option<NaiveDate> {
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

/// A day written `YYYY-MM-DD`, as `NaiveDate::parse_from_str(text, "%Y-%m-%d")`
/// reads it (which also takes a month or day of one digit, and a signed year): the
/// common form by [`exact`], any other by chrono.
pub(crate) fn day(text: &str) -> Option<NaiveDate> {
    exact(text).or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_as_chrono_reads_it() {
        for text in [
            "2020-12-30",
            "2020-02-29",
            "2021-02-29",
            "2020-13-01",
            "2020-00-10",
            "0000-01-01",
            "2020-1-5",
            "+2020-01-05",
            "2020/12/30",
            "20201230",
            "2020-12-30 ",
            "",
        ] {
            let chrono = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            assert_eq!(day(text), chrono, "{text:?}");
        }
        assert_eq!(exact("2020-1-5"), None);
        assert_eq!(day("2020-1-5"), NaiveDate::from_ymd_opt(2020, 1, 5));
    }
}
