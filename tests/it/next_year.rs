//! Misuse of each construct beyond the 2020 tables ends in a diagnostic with its code,
//! message and place: weights, two-outcome deadlines, periods and working days,
//! discretionary points, bonus and penalty sections, and the total's maximum.

use crate::common;

use common::{d, diagnostics, rubric, unit};

fn codes_and_messages(text: &str) -> Vec<(String, String)> {
    diagnostics(text)
        .into_iter()
        .map(|d| (d.code.to_string(), d.message))
        .collect()
}

const HEAD: &str = "rubric 表\ntotal 10\nyear 2021\ncalendar cn\n";

#[test]
fn weights_must_add_up_to_100_percent() {
    let text = "rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 60% {\n    fact a bool\n    if a zero\n  }\n  item 丙 30% {\n    fact b bool\n    if b zero\n  }\n}\n";
    let d = diagnostics(text);
    assert_eq!(d.len(), 1);
    assert_eq!(
        (d[0].code, d[0].message.as_str()),
        (
            "kaohe::points::sum",
            "the weights of `甲` add up to 90%, not 100%"
        )
    );
    let help = d[0].help.as_deref().unwrap_or_default();
    assert!(
        help.ends_with("; the parts: 乙 60% = 6, 丙 30% = 3"),
        "{help}"
    );
}

#[test]
fn a_two_outcome_deadline_needs_a_date() {
    let text = format!("{HEAD}section 甲 10 {{\n  item 乙 10 {{\n    fact n count\n    deadline n by 2021-03-31 late -2 never zero\n  }}\n}}\n");
    assert_eq!(
        codes_and_messages(&text),
        [(
            "kaohe::type::mismatch".to_string(),
            "`deadline` needs a date, and `n` is a count".to_string()
        )]
    );
}

#[test]
fn periods_need_over_and_over_needs_periods() {
    let text = format!(
        "{HEAD}section 甲 10 {{\n  item 乙 10 {{\n    fact 申请 periods from 收到 to 答复\n    fact n count\n    per 申请 -2 floor 0\n    per n over 5 days -1 floor 0\n  }}\n}}\n"
    );
    assert_eq!(
        codes_and_messages(&text),
        [
            (
                "kaohe::type::mismatch".to_string(),
                "`per 申请` needs `over`".to_string()
            ),
            (
                "kaohe::type::mismatch".to_string(),
                "`over` needs periods, and `n` is a count".to_string()
            ),
        ]
    );
}

#[test]
fn a_penalty_item_only_takes_and_stays_within_its_points() {
    // 丙 can take 2 per finding without limit: its bound (最多扣5分) keeps it. 丁 only
    // gives, from 0, the most a penalty item scores: its bound cuts every gain.
    let text = "rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact a bool\n    if a zero\n  }\n}\npenalty 倒扣 5 {\n  item 丙 5 {\n    fact n count\n    fact b bool\n    per n -2\n  }\n  item 丁 3 {\n    fact b bool\n    if b +1\n  }\n}\n";
    let got = codes_and_messages(text);
    assert!(!got.iter().any(|(_, m)| m.contains("`丙`")), "{got:?}");
    assert!(
        got.contains(&(
            "kaohe::clause::dead".to_string(),
            "a gain of item `丁` can never change its score".to_string()
        )),
        "{got:?}"
    );
}

#[test]
fn a_bonus_item_is_kept_within_its_points() {
    // +1 per finding without `max`: the item's bound (最多得2分) keeps it.
    let text = "rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact a bool\n    if a zero\n  }\n}\nbonus 加分 5 {\n  item 丙 2 {\n    fact n count\n    per n +1\n  }\n}\n";
    assert_eq!(codes_and_messages(text), []);
}

#[test]
fn the_most_cannot_be_below_the_total() {
    let text = "rubric 表\ntotal 10 max 9\nsection 甲 10 {\n  item 乙 10 {\n    fact a bool\n    if a zero\n  }\n}\n";
    assert_eq!(
        codes_and_messages(text),
        [(
            "kaohe::points::bound".to_string(),
            "`max 9` is below the total 10".to_string()
        )]
    );
}

const DISCRETION: &str = "rubric 表\ntotal 4\nsection 甲 4 {\n  item 乙 4 {\n    start 0\n    fact 酌情 discretion max 4 \"酌情给分\"\n    per 酌情 +1\n  }\n}\n";

#[test]
fn discretion_is_bounded_and_needs_a_reason() {
    let r = rubric(DISCRETION);
    let s = common::sheet(
        &r,
        "unit = \"u\"\n[\"乙\"]\n\"酌情\" = { score = 2.5, reason = \"材料较完整\" }\n",
    );
    assert_eq!(s.score, d("2.5"));
    let errors = unit(
        &r,
        "unit = \"u\"\n[\"乙\"]\n\"酌情\" = { score = 4.5, reason = \"很好\" }\n",
    )
    .unwrap_err();
    assert_eq!(
        errors[0].message,
        "the score 4.5 of `酌情` is outside 0 to 4"
    );
    let errors = unit(
        &r,
        "unit = \"u\"\n[\"乙\"]\n\"酌情\" = { score = 1, reason = \" \" }\n",
    )
    .unwrap_err();
    assert_eq!(
        errors[0].message,
        "the reason for `酌情` must be a text that is not empty"
    );
    let errors = unit(&r, "unit = \"u\"\n[\"乙\"]\n\"酌情\" = { score = 1 }\n").unwrap_err();
    assert_eq!(errors[0].message, "`酌情` has no `reason`");
}

const REPLIES: &str = "rubric 表\ntotal 4\nyear 2021\ncalendar cn\nsection 甲 4 {\n  item 乙 4 {\n    fact 申请 periods from 收到 to 答复\n    per 申请 over 20 workdays -2 floor 0\n  }\n}\n";

#[test]
fn a_reply_in_a_year_the_calendar_lacks_is_an_error_not_weekends_only() {
    let r = rubric(REPLIES);
    let evidence =
        "unit = \"u\"\n[\"乙\"]\n\"申请\" = [{ \"收到\" = 2022-01-04, \"答复\" = 2022-01-20 }]\n";
    let u = unit(&r, evidence).unwrap();
    let e = kaohe::eval::evaluate(&r, &u).unwrap_err();
    assert_eq!(e.code, "kaohe::eval::calendar_year");
    assert_eq!(
        e.message,
        "working days in 2022 cannot be counted: `cn` does not list that year"
    );
    let label = &e.labels[0];
    assert_eq!(
        &evidence[label.span.start..label.span.end],
        "{ \"收到\" = 2022-01-04, \"答复\" = 2022-01-20 }"
    );
}

#[test]
fn a_period_that_ends_before_it_begins_is_an_evidence_error() {
    let r = rubric(REPLIES);
    let errors = unit(
        &r,
        "unit = \"u\"\n[\"乙\"]\n\"申请\" = [{ \"收到\" = 2021-03-04, \"答复\" = 2021-03-01 }]\n",
    )
    .unwrap_err();
    assert_eq!(
        errors[0].message,
        "a period of `申请` ends before it begins"
    );
    let errors = unit(
        &r,
        "unit = \"u\"\n[\"乙\"]\n\"申请\" = [{ \"收到\" = 2021-03-04 }]\n",
    )
    .unwrap_err();
    assert_eq!(errors[0].message, "a period of `申请` lacks `答复`");
}

#[test]
fn late_replies_counted_in_a_condition() {
    // `if 申请 over 20 workdays >= 1 -2`: once for any late reply, as the 2020 tables
    // read 未在20个工作日内规范回复, 扣2分.
    let text = REPLIES.replace(
        "per 申请 over 20 workdays -2 floor 0",
        "if 申请 over 20 workdays >= 1 -4",
    );
    let r = rubric(&text);
    // Received 2021-09-15, due 2021-10-19, replied 10-20: late, 4 − 4 = 0.
    let late = "unit = \"u\"\n[\"乙\"]\n\"申请\" = [{ \"收到\" = 2021-09-15, \"答复\" = 2021-10-20 }, { \"收到\" = 2021-03-01, \"答复\" = 2021-03-02 }]\n";
    assert_eq!(common::sheet(&r, late).score, d("0"));
    let on_time = late.replace("2021-10-20", "2021-10-19");
    assert_eq!(common::sheet(&r, &on_time).score, d("4"));
}

#[test]
fn a_condition_on_late_replies_names_them_and_deducts_once() {
    let text = REPLIES.replace(
        "per 申请 over 20 workdays -2 floor 0",
        "if 申请 over 20 workdays >= 1 -4",
    );
    let r = rubric(&text);
    // Two late of three: received 2021-09-15, due 2021-10-19 (the 20th working day
    // after the National Day holiday), replied 10-20, the 21st; received 2021-12-01,
    // never replied, due 2021-12-29 (the 20th working day after). The reply of
    // 2021-03-01 came the next day. Four points taken once: 4 − 4 = 0.
    let evidence = "unit = \"u\"\n[\"乙\"]\n\"申请\" = [{ \"收到\" = 2021-09-15, \"答复\" = 2021-10-20 }, { \"收到\" = 2021-03-01, \"答复\" = 2021-03-02 }, { \"收到\" = 2021-12-01, \"答复\" = false }]\n";
    let s = common::sheet(&r, evidence);
    assert_eq!(s.score, d("0"));
    let item = common::item(&s, "乙");
    assert_eq!(item.trace.len(), 1);
    let kaohe::eval::Why::HoldsLate { late, limit, unit } = &item.trace[0].why else {
        panic!("{:?}", item.trace[0].why);
    };
    assert_eq!((*limit, *unit), (20, kaohe::model::DayUnit::Workdays));
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2021, m, d);
    let seen: Vec<_> = late
        .iter()
        .map(|l| (Some(l.from), l.to, l.taken, l.due))
        .collect();
    assert_eq!(
        seen,
        [
            (day(9, 15), day(10, 20), Some(21), day(10, 19)),
            (day(12, 1), None, None, day(12, 29)),
        ]
    );
    assert_eq!(
        item.trace[0].note_en(),
        "the condition holds: 2 over 20 workdays (2021-09-15 → 2021-10-20: 21 workdays, due 2021-10-19; 2021-12-01 → never, due 2021-12-29): -4"
    );
    let said = |lang| {
        kaohe::report::Narrator::new(&r, lang).item(item, kaohe::model::SectionKind::Regular)
    };
    assert_eq!(
        said(kaohe::locale::Lang::Zh),
        ["有超过20个工作日的申请2件(2021年9月15日至2021年10月20日,用时21个工作日;2021年12月1日起未办结),扣4分。"]
    );
    assert_eq!(
        said(kaohe::locale::Lang::En),
        ["2 of 申请 over 20 workdays (2021-09-15 to 2021-10-20, 21 workdays; 2021-12-01 to never): −4."]
    );
}

#[test]
fn a_december_reply_needs_no_calendar_for_next_year() {
    // Received 2021-12-20, replied 2021-12-22: two working days, on time, although the
    // deadline itself would fall in 2022, which the calendar does not list.
    let r = rubric(REPLIES);
    let s = common::sheet(
        &r,
        "unit = \"u\"\n[\"乙\"]\n\"申请\" = [{ \"收到\" = 2021-12-20, \"答复\" = 2021-12-22 }]\n",
    );
    assert_eq!(s.score, d("4"));
    // Never replied: late, whatever the deadline.
    let s = common::sheet(
        &r,
        "unit = \"u\"\n[\"乙\"]\n\"申请\" = [{ \"收到\" = 2021-12-20, \"答复\" = false }]\n",
    );
    assert_eq!(s.score, d("2"));
    assert_eq!(
        common::item(&s, "乙").trace[0].note_en(),
        "1 over 20 workdays (2021-12-20 → never): -2"
    );
}

#[test]
fn penalty_items_have_no_floor_no_start_and_no_proration() {
    let text = "rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact a bool\n    if a zero\n  }\n}\npenalty 倒扣 5 {\n  item 丙 5 {\n    start 1\n    fact n count\n    fact b bool\n    applicable unless b\n    per n -1 floor 0 max 5\n  }\n}\n";
    let got = codes_and_messages(text);
    assert_eq!(
        got,
        [
            (
                "kaohe::points::bound".to_string(),
                "`start 1` in a penalty section".to_string()
            ),
            (
                "kaohe::rubric::placement".to_string(),
                "`applicable unless` in a penalty section".to_string()
            ),
            (
                "kaohe::points::bound".to_string(),
                "`floor` in a penalty section".to_string()
            ),
        ]
    );
}

#[test]
fn an_empty_discretion_and_a_period_named_twice() {
    let text = "rubric 表\ntotal 4\nyear 2021\ncalendar cn\nsection 甲 4 {\n  item 乙 4 {\n    fact 酌情 discretion max 0\n    fact 申请 periods from 日期 to 日期\n    per 酌情 -1\n    per 申请 over 5 workdays -4 floor 0\n  }\n}\n";
    let got = codes_and_messages(text);
    assert!(
        got.contains(&(
            "kaohe::points::bound".to_string(),
            "`discretion max 0` leaves nothing to give".to_string()
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "kaohe::name::duplicate".to_string(),
            "a period's two dates are both called `日期`".to_string()
        )),
        "{got:?}"
    );
}
