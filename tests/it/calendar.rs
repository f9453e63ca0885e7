//! Working days counted by hand from the State Council notices
//! (../shared/reference/cn-holidays-2020-2021.md) against `rules/calendars/cn.toml`.

use chrono::NaiveDate;
use kaohe::calendar::{Calendar, NotCovered};
use kaohe::source::SourceFile;

fn cn() -> Calendar {
    Calendar::load(std::path::Path::new("rules/calendars/cn.toml"))
        .expect("the shipped calendar is valid")
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

#[test]
fn spring_festival_2020_with_its_extension() {
    let cal = cn();
    // 01-19 (Sunday) was a make-up working day; 02-01 (Saturday) was one until the
    // extension cancelled it; 01-24 … 02-02 are holidays.
    assert!(cal.is_working_day(day("2020-01-19")).unwrap());
    assert!(!cal.is_working_day(day("2020-02-01")).unwrap());
    assert!(!cal.is_working_day(day("2020-01-31")).unwrap());
    assert!(cal.is_working_day(day("2020-02-03")).unwrap());
    // Received Monday 01-20. Working days after it: 01-21, 01-22, 01-23 (3); then
    // 02-03 … 02-07 (8), 02-10 … 02-14 (13), 02-17 … 02-21 (18), 02-24 (19), 02-25 (20).
    assert_eq!(
        cal.add_working_days(day("2020-01-20"), 20).unwrap(),
        day("2020-02-25")
    );
    assert_eq!(
        cal.working_days_between(day("2020-01-20"), day("2020-02-25"))
            .unwrap(),
        20
    );
    assert_eq!(
        cal.working_days_between(day("2020-01-23"), day("2020-02-03"))
            .unwrap(),
        1
    );
}

#[test]
fn national_day_2020_and_its_make_up_days() {
    let cal = cn();
    assert!(cal.is_working_day(day("2020-09-27")).unwrap()); // Sunday, make-up
    assert!(cal.is_working_day(day("2020-10-10")).unwrap()); // Saturday, make-up
    assert!(!cal.is_working_day(day("2020-10-08")).unwrap()); // Thursday, holiday
                                                              // Received Friday 09-25. After it: 09-27 (1), 09-28 … 09-30 (4), 10-09 (5),
                                                              // 10-10 (6), 10-12 … 10-16 (11), 10-19 … 10-23 (16), 10-26 … 10-29 (20).
    assert_eq!(
        cal.add_working_days(day("2020-09-25"), 20).unwrap(),
        day("2020-10-29")
    );
}

#[test]
fn across_the_year_boundary() {
    let cal = cn();
    // Received Monday 2020-12-21. After it: 12-22 … 12-25 (4), 12-28 … 12-31 (8);
    // 2021-01-01 … 01-03 are holidays; 01-04 … 01-08 (13), 01-11 … 01-15 (18),
    // 01-18 (19), 01-19 (20).
    assert_eq!(
        cal.add_working_days(day("2020-12-21"), 20).unwrap(),
        day("2021-01-19")
    );
}

#[test]
fn spring_festival_2021_make_up_days() {
    let cal = cn();
    // 02-07 (Sunday) and 02-20 (Saturday) are make-up days; 02-11 … 02-17 holidays.
    // Received Friday 02-05. After it: 02-07 (1), 02-08 … 02-10 (4), 02-18, 02-19 (6),
    // 02-20 (7), 02-22 … 02-26 (12), 03-01 … 03-05 (17), 03-08 … 03-10 (20).
    assert_eq!(
        cal.add_working_days(day("2021-02-05"), 20).unwrap(),
        day("2021-03-10")
    );
}

#[test]
fn a_year_not_listed_is_an_error() {
    let cal = cn();
    assert_eq!(cal.is_working_day(day("2022-03-01")), Err(NotCovered(2022)));
    // Received 2021-12-20: the 20th working day falls in 2022, which is not listed.
    assert_eq!(
        cal.add_working_days(day("2021-12-20"), 20),
        Err(NotCovered(2022))
    );
    assert_eq!(cal.is_working_day(day("2019-12-31")), Err(NotCovered(2019)));
}

#[test]
fn a_new_year_is_added_by_editing_the_file() {
    let text = std::fs::read_to_string("rules/calendars/cn.toml").unwrap()
        + "\n[2022]\nholidays = [[2022-01-01, 2022-01-03], [2022-01-31, 2022-02-06]]\nworkdays = [2022-01-29, 2022-01-30]\n";
    let cal = Calendar::parse(&SourceFile::new("cn.toml", text)).expect("valid");
    assert_eq!(cal.years(), [2020, 2021, 2022]);
    assert!(cal.is_working_day(day("2022-01-29")).unwrap());
    assert!(!cal.is_working_day(day("2022-02-04")).unwrap());
}

#[test]
fn calendar_mistakes_are_diagnostics() {
    let text = "name = \"x\"\n[2020]\nholidays = [2020-01-01, [2020-02-02, 2020-01-24]]\nworkdays = [2020-01-01]\n";
    let errors = Calendar::parse(&SourceFile::new("bad.toml", text)).unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert!(
        messages.contains(&"the range ends (2020-01-24) before it begins (2020-02-02)"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"the make-up working day 2020-01-01 is a Wednesday, not a weekend day"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"2020-01-01 is both a holiday and a working day"),
        "{messages:?}"
    );
    assert!(errors.iter().all(|e| e.code == "kaohe::calendar::invalid"));
}
