//! The sentences of each kind of step, in both languages, compared whole.

use super::*;
use crate::check::Rubric;
use crate::eval::{evaluate, Sheet};

fn rubric(text: &str) -> Rubric {
    crate::check::compile(&crate::source::SourceFile::new("t.rule", text))
        .rubric
        .expect("the rubric compiles")
}

fn sheet(r: &Rubric, evidence: &str) -> Sheet {
    let source = crate::source::SourceFile::new("unit.toml", evidence);
    let node = crate::evidence::read(&source, crate::evidence::Format::Toml).expect("TOML");
    let unit = crate::evidence::validate(r, &source, &node).expect("valid evidence");
    evaluate(r, &unit).expect("scores")
}

/// The sentences of the first item of a one-item rubric, in Chinese and in English.
fn told(item: &str, evidence: &str) -> (Vec<String>, Vec<String>) {
    let r = rubric(&format!(
        "rubric 表\ntotal 6\nyear 2020\nsection 甲 6 {{\n  item 乙 6 {{\n{item}\n  }}\n}}\n"
    ));
    let s = sheet(&r, &format!("unit = \"单位\"\n[\"乙\"]\n{evidence}\n"));
    let item = &s.categories[0].indicators[0];
    let said = |lang| Narrator::new(&r, lang).item(item, SectionKind::Regular);
    (said(Lang::Zh), said(Lang::En))
}

fn one(zh: &str, en: &str) -> (Vec<String>, Vec<String>) {
    (vec![zh.to_string()], vec![en.to_string()])
}

#[test]
fn a_condition_that_holds_is_said_by_its_fact_description() {
    assert_eq!(
        told(
            "fact 未提供征集有效期 bool \"意见征集未提供征集有效期\"\nif 未提供征集有效期 -1",
            "\"未提供征集有效期\" = true"
        ),
        one(
            "意见征集未提供征集有效期,扣1分。",
            "意见征集未提供征集有效期: −1."
        )
    );
}

#[test]
fn a_count_is_said_with_its_measure_word_and_each_deduction() {
    assert_eq!(
        told(
            "fact 未标记数 count \"对已废止或失效的文件未进行标记的条数\"\nper 未标记数 -1 floor 0",
            "\"未标记数\" = 4"
        ),
        one(
            "对已废止或失效的文件未进行标记4条,每条扣1分,扣4分。",
            "对已废止或失效的文件未进行标记的条数 (4): −1 per item, −4."
        )
    );
}

#[test]
fn a_floor_that_cuts_says_the_deduction_stops() {
    assert_eq!(
        told(
            "fact 未同步解读数 count \"未同步解读的篇数\"\nper 未同步解读数 -2 floor 0",
            "\"未同步解读数\" = 4"
        ),
        one(
            "未同步解读4篇,每篇扣2分,扣6分(扣完为止)。",
            "未同步解读的篇数 (4): −2 per item, −6 (no lower than 0)."
        )
    );
}

#[test]
fn members_of_a_set_are_named_and_the_excluded_ones_do_not_count() {
    assert_eq!(
        told(
            "start 0\nfact 解读形式 set {新闻发布会, 图表, 音视频, 图解} \"解读形式\"\nper 解读形式 except 图解 +2 max 6",
            "\"解读形式\" = [\"新闻发布会\", \"图表\", \"图解\"]"
        ),
        one(
            "解读形式:新闻发布会、图表,每项得2分,得4分(图解不计分)。",
            "解读形式 (新闻发布会, 图表): +2 per item, +4 (图解 not counted)."
        )
    );
}

#[test]
fn a_cap_on_what_is_given_is_said() {
    assert_eq!(
        told(
            "start 0\nfact 专区数 count \"设立的政务公开专区个数\"\nper 专区数 +2 max 4",
            "\"专区数\" = 3"
        ),
        one(
            "设立的政务公开专区3个,每个得2分,得4分(最多得4分)。",
            "设立的政务公开专区个数 (3): +2 per item, +4 (at most +4)."
        )
    );
}

#[test]
fn a_percentage_says_the_points_it_comes_to() {
    assert_eq!(
        told(
            "fact 未开展专题培训 bool \"未开展专题培训\"\nif 未开展专题培训 -25% of points",
            "\"未开展专题培训\" = true"
        ),
        one(
            "未开展专题培训,扣25%,即1.5分。",
            "未开展专题培训: −25% of the item's points, that is −1.5."
        )
    );
}

#[test]
fn periods_over_the_limit_are_listed() {
    assert_eq!(
        told(
            "fact 申请 periods from 收到 to 答复 \"依申请公开申请\"\nper 申请 over 20 days -2 floor 0",
            "\"申请\" = [{ \"收到\" = 2020-03-02, \"答复\" = 2020-04-06 }, { \"收到\" = 2020-03-02, \"答复\" = 2020-03-10 }]"
        ),
        one(
            "超过20天的申请1件(2020年3月2日至2020年4月6日,用时35天),扣2分。",
            "1 of 申请 over 20 days (2020-03-02 to 2020-04-06, 35 days): −2."
        )
    );
}

#[test]
fn a_condition_on_periods_past_the_limit_says_so_in_words() {
    let evidence = "\"申请\" = [{ \"收到\" = 2020-03-02, \"答复\" = 2020-04-06 }, { \"收到\" = 2020-03-02, \"答复\" = 2020-03-10 }]";
    assert_eq!(
        told(
            "fact 申请 periods from 收到 to 答复 \"依申请公开申请\"\nif 申请 over 20 days >= 1 -2",
            evidence
        ),
        one(
            "有超过20天的申请1件(2020年3月2日至2020年4月6日,用时35天),扣2分。",
            "1 of 申请 over 20 days (2020-03-02 to 2020-04-06, 35 days): −2."
        )
    );
    // A count other than "any" is said as a count of periods, each named; the
    // deduction is taken once.
    assert_eq!(
        told(
            "fact 申请 periods from 收到 to 答复 \"依申请公开申请\"\nif 申请 over 5 days >= 2 -2",
            evidence
        ),
        one(
            "超过5天的申请2件(2020年3月2日至2020年4月6日,用时35天;2020年3月2日至2020年3月10日,用时8天),不少于2件,扣2分。",
            "2 of 申请 over 5 days (2020-03-02 to 2020-04-06, 35 days; 2020-03-02 to 2020-03-10, 8 days), at least 2: −2."
        )
    );
}

#[test]
fn a_member_of_a_tally_is_named() {
    assert_eq!(
        told(
            "fact 通报 tally {省府办, 市府办} \"被通报的次数\"\nper 通报[省府办] -3 floor 0\nper 通报[市府办] -2 floor 0",
            "\"通报\" = { \"省府办\" = 1, \"市府办\" = 1 }"
        ),
        (
            vec![
                "被通报(省府办)1次,扣3分。".to_string(),
                "被通报(市府办)1次,扣2分。".to_string()
            ],
            vec![
                "被通报的次数 (省府办, 1): −3.".to_string(),
                "被通报的次数 (市府办, 1): −2.".to_string()
            ]
        )
    );
}

#[test]
fn an_exemption_says_why_nothing_was_taken() {
    assert_eq!(
        told(
            "fact 权重 percent \"权重;未说明时填0\"\nfact 有说明 bool \"提供了充分说明材料\"\nif 权重 < 4% -2 unless 有说明",
            "\"权重\" = \"3%\"\n\"有说明\" = true"
        ),
        one(
            "权重为3%,低于4%,但提供了充分说明材料,不扣分。",
            "权重 is 3%, below 4%, but 提供了充分说明材料: nothing taken."
        )
    );
}

#[test]
fn an_item_not_applicable_says_so_and_why() {
    let r = rubric(
        "rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 6 {\n    fact 无职能 bool \"本单位没有行政执法职能\"\n    applicable unless 无职能\n  }\n  item 丙 4 {\n    fact 错 bool \"错\"\n    if 错 -1\n  }\n}\n",
    );
    let s = sheet(
        &r,
        "unit = \"单位\"\n[\"乙\"]\n\"无职能\" = true\n[\"丙\"]\n\"错\" = false\n",
    );
    let item = &s.categories[0].indicators[0];
    let said = |lang| Narrator::new(&r, lang).item(item, SectionKind::Regular);
    assert_eq!(said(Lang::Zh), ["本单位没有行政执法职能,不适用,折分处理。"]);
    assert_eq!(
        said(Lang::En),
        ["本单位没有行政执法职能: not applicable, left out of the total (prorated)."]
    );
}

#[test]
fn a_deadline_missed_or_never_met() {
    let item = "fact 预案日期 date \"发布应急预案的日期;false 表示未发布\"\ndeadline 预案日期 by 2020-12-30 -3";
    assert_eq!(
        told(item, "\"预案日期\" = 2020-12-31"),
        one(
            "发布应急预案:于2020年12月31日完成,晚于2020年12月30日,扣3分。",
            "发布应急预案的日期, done on 2020-12-31, after 2020-12-30: −3."
        )
    );
    assert_eq!(
        told(item, "\"预案日期\" = false"),
        one(
            "发布应急预案:未在2020年12月30日前完成,扣3分。",
            "发布应急预案的日期, not done by 2020-12-30: −3."
        )
    );
}

#[test]
fn a_deadline_over_two_dates_names_each_that_missed_it() {
    let item = "fact 年报日期 date \"公开年报的日期\"\nfact 统计表日期 date \"公开统计表的日期\"\n\
                deadline {年报日期, 统计表日期} by 2020-01-31 late -2 never zero";
    assert_eq!(
        told(
            item,
            "\"年报日期\" = 2020-01-31\n\"统计表日期\" = 2020-02-03"
        ),
        one(
            "公开统计表:于2020年2月3日完成,晚于2020年1月31日,扣2分。",
            "公开统计表的日期, done on 2020-02-03, after 2020-01-31: −2."
        )
    );
    assert_eq!(
        told(item, "\"年报日期\" = false\n\"统计表日期\" = 2020-02-03").0,
        ["公开年报:未在2020年1月31日前完成;公开统计表:于2020年2月3日完成,晚于2020年1月31日,不得分。"]
    );
}

#[test]
fn a_discretionary_score_gives_its_reason() {
    assert_eq!(
        told(
            "fact 酌情 discretion max 2 \"酌情扣的分数及理由\"\nper 酌情 -1",
            "\"酌情\" = { score = 1.5, reason = \"答复口径不统一\" }"
        ),
        one(
            "酌情评分,理由:答复口径不统一,扣1.5分。",
            "Discretionary score (答复口径不统一): −1.5."
        )
    );
}

#[test]
fn a_comparison_and_zero() {
    assert_eq!(
        told(
            "fact 报道次数 count \"公开报道议定事项的次数\"\nfact 未公开 bool \"未公开\"\nif 报道次数 < 3 zero\nif 未公开 zero",
            "\"报道次数\" = 2\n\"未公开\" = true"
        ),
        (
            vec![
                "公开报道议定事项2次,少于3次,不得分。".to_string(),
                "未公开,不得分(该项已为0分)。".to_string()
            ],
            vec![
                "公开报道议定事项的次数 (2), below 3: the item scores 0.".to_string(),
                "未公开: the item scores 0 (already 0).".to_string()
            ]
        )
    );
}

#[test]
fn of_two_alternatives_the_one_that_held_is_said() {
    assert_eq!(
        told(
            "fact 未创办 bool \"未创办公报电子版\"\nfact 未更新 bool \"公报未及时更新\"\nif 未创办 or 未更新 zero",
            "\"未创办\" = false\n\"未更新\" = true"
        ),
        one("公报未及时更新,不得分。", "公报未及时更新: the item scores 0.")
    );
}

#[test]
fn a_deduction_on_an_item_already_at_zero_takes_nothing_more() {
    assert_eq!(
        told(
            "fact 甲事 bool \"甲事\"\nfact 乙事 bool \"乙事\"\nif 甲事 -6\nif 乙事 -50% of points floor 0",
            "\"甲事\" = true\n\"乙事\" = true"
        ),
        (
            vec![
                "甲事,扣6分。".to_string(),
                "乙事,扣50%,即3分,该项已扣完,不再扣分。".to_string()
            ],
            vec![
                "甲事: −6.".to_string(),
                "乙事: −50% of the item's points, that is −3, the item is already at 0: nothing more taken.".to_string()
            ]
        )
    );
}

#[test]
fn an_item_that_earned_nothing_says_so() {
    assert_eq!(
        told(
            "start 0\nfact 专区数 count \"专区个数\"\nper 专区数 +1 max 6",
            "\"专区数\" = 0"
        ),
        one("未有得分情形,得0分。", "Nothing earned: 0.")
    );
}
