//! One test per kind of clause in the 2020 seed, each with its score worked out by hand
//! from the criterion text, in the comment beside the assertion.

use crate::common;

use common::{assert_trace_adds_up, d, item, rubric, sheet, unit};

/// A one-item rubric around the given item body (the section is worth `points`).
fn one_item(points: &str, body: &str) -> String {
    format!("rubric 测试表\ntotal {points}\nyear 2020\nsection 测试 {points} {{\n  item 测试项 {points} {{\n{body}\n  }}\n}}\n")
}

fn score_of(rule: &str, facts: &str) -> rust_decimal::Decimal {
    let r = rubric(rule);
    let s = sheet(&r, &format!("unit = \"测试单位\"\n[\"测试项\"]\n{facts}\n"));
    let it = item(&s, "测试项");
    let start = if rule.contains("start 0") {
        d("0")
    } else {
        it.points
    };
    assert_trace_adds_up(it, start);
    it.score.expect("applicable")
}

#[test]
fn fixed_deductions_on_conditions() {
    // 决策预公开 (county, 4): 未做意见征集 扣2分; 未提供征集有效期 扣1分; 未按时反馈 扣1分.
    let rule = one_item(
        "4",
        r#"fact 未征集 bool "未做意见征集"
           fact 无有效期 bool "未提供征集有效期"
           fact 未反馈 bool "未在1周内反馈"
           if 未征集 -2
           if 无有效期 -1
           if 未反馈 -1"#,
    );
    // Only the period missing: 4 − 1 = 3.
    assert_eq!(
        score_of(
            &rule,
            "\"未征集\" = false\n\"无有效期\" = true\n\"未反馈\" = false"
        ),
        d("3")
    );
    // Nothing solicited and nothing else either: 4 − 2 − 1 − 1 = 0.
    assert_eq!(
        score_of(
            &rule,
            "\"未征集\" = true\n\"无有效期\" = true\n\"未反馈\" = true"
        ),
        d("0")
    );
}

#[test]
fn per_finding_with_floor() {
    // 服务公开 (county, 2): 每发现一条扣1分, never below 0.
    let rule = one_item(
        "2",
        "fact 不规范 count \"不规范的指南条数\"\nper 不规范 -1 floor 0",
    );
    assert_eq!(score_of(&rule, "\"不规范\" = 0"), d("2"));
    // One finding: 2 − 1 = 1.
    assert_eq!(score_of(&rule, "\"不规范\" = 1"), d("1"));
    // Five findings: 2 − 5 = −3, kept at 0 by the floor.
    assert_eq!(score_of(&rule, "\"不规范\" = 5"), d("0"));
    let r = rubric(&rule);
    let s = sheet(&r, "unit = \"u\"\n[\"测试项\"]\n\"不规范\" = 5\n");
    let step = &item(&s, "测试项").trace[0];
    assert_eq!(step.delta, d("-2"));
    assert!(
        step.note_en().contains("5 × -1 = -5")
            && step.note_en().contains("limited to -2 by floor 0"),
        "{}",
        step.note_en()
    );
}

#[test]
fn zero_overrides_everything_and_threshold_is_strict() {
    // 决策公开 (county, 4): 议定事项报道少于10次, 不得分; 未标记失效文件 每条扣1分.
    let rule = one_item(
        "4",
        r#"fact 报道次数 count "议定事项报道次数"
           fact 未标记 count "未标记的失效文件数"
           if 报道次数 < 10 zero
           per 未标记 -1 floor 0"#,
    );
    // 12 reports, one unmarked file: 4 − 1 = 3.
    assert_eq!(score_of(&rule, "\"报道次数\" = 12\n\"未标记\" = 1"), d("3"));
    // Exactly 10 reports is not "fewer than 10": 4.
    assert_eq!(score_of(&rule, "\"报道次数\" = 10\n\"未标记\" = 0"), d("4"));
    // 9 reports: 不得分, 0, whatever the files.
    assert_eq!(score_of(&rule, "\"报道次数\" = 9\n\"未标记\" = 0"), d("0"));
    assert_eq!(score_of(&rule, "\"报道次数\" = 9\n\"未标记\" = 2"), d("0"));
    // The 不得分 step comes last and takes what is left: −2 for the files, then −2.
    let r = rubric(&rule);
    let s = sheet(
        &r,
        "unit = \"u\"\n[\"测试项\"]\n\"报道次数\" = 9\n\"未标记\" = 2\n",
    );
    let trace = &item(&s, "测试项").trace;
    assert_eq!(trace.len(), 2);
    assert!(trace[1].clause_en().starts_with("if 报道次数 < 10 zero"));
    assert_eq!(
        (trace[0].delta, trace[1].delta, trace[1].score),
        (d("-2"), d("-2"), d("0"))
    );
}

#[test]
fn awards_per_member_with_exclusion_and_cap() {
    // 解读形式 (6): 新闻发布会、图表、音视频、动漫 每一种得2分, 不包括最基本的图解; at most 6.
    let rule = one_item(
        "6",
        r#"start 0
           fact 形式 set {新闻发布会, 图表, 音视频, 动漫, 图解} "采用的解读形式"
           per 形式 except 图解 +2 max 6"#,
    );
    // 图解 does not count: 新闻发布会 only, 2.
    assert_eq!(
        score_of(&rule, "\"形式\" = [\"新闻发布会\", \"图解\"]"),
        d("2")
    );
    // Four forms: 4 × 2 = 8, capped at 6.
    assert_eq!(
        score_of(
            &rule,
            "\"形式\" = [\"新闻发布会\", \"图表\", \"音视频\", \"动漫\", \"图解\"]"
        ),
        d("6")
    );
    // None: 0.
    assert_eq!(score_of(&rule, "\"形式\" = []"), d("0"));
    // 解读推广 (department, 6): 7 channels, 1 point each, at most 6: all seven give 6.
    let rule = one_item(
        "6",
        "start 0\nfact 渠道 set {门户网站, 新媒体, 新闻媒体, 社会平台, 显示屏, 公报, 发布会}\nper 渠道 +1 max 6",
    );
    let all = "\"渠道\" = [\"门户网站\", \"新媒体\", \"新闻媒体\", \"社会平台\", \"显示屏\", \"公报\", \"发布会\"]";
    assert_eq!(score_of(&rule, all), d("6"));
    assert_eq!(
        score_of(&rule, "\"渠道\" = [\"公报\", \"发布会\", \"公报\"]"),
        d("2")
    );
}

#[test]
fn checklist_of_required_elements() {
    // 依申请公开答复 (county, 4), point 2: 答复内容不规范, 每一项扣2分.
    let rule = one_item(
        "4",
        "fact 要素 set {标题, 文号, 申请人, 申请事实, 法律依据, 处理决定, 救济途径, 答复主体, 答复日期, 印章}\nmissing 要素 -2 floor 0",
    );
    let all = "标题\", \"文号\", \"申请人\", \"申请事实\", \"法律依据\", \"处理决定\", \"救济途径\", \"答复主体\", \"答复日期\", \"印章";
    assert_eq!(score_of(&rule, &format!("\"要素\" = [\"{all}\"]")), d("4"));
    // 印章 missing: 4 − 2 = 2.
    let no_seal = all.replace("\", \"印章", "");
    assert_eq!(
        score_of(&rule, &format!("\"要素\" = [\"{no_seal}\"]")),
        d("2")
    );
    // Three missing: 4 − 6 → 0.
    assert_eq!(score_of(&rule, "\"要素\" = [\"标题\", \"文号\", \"申请人\", \"申请事实\", \"法律依据\", \"处理决定\", \"救济途径\"]"), d("0"));
}

#[test]
fn percentage_of_the_items_points() {
    // 业务培训 (county, 3): 未开展考核 扣3分; 没开展专题培训的 扣50% (of the item's 3 points).
    let rule = one_item(
        "3",
        "fact 开展考核 bool\nfact 专题培训 bool\nif not 开展考核 -3\nif not 专题培训 -50% of points floor 0",
    );
    // No topical training: 3 − 1.5 = 1.5.
    assert_eq!(
        score_of(&rule, "\"开展考核\" = true\n\"专题培训\" = false"),
        d("1.5")
    );
    // Neither: 3 − 3 = 0, then −1.5 kept at 0.
    assert_eq!(
        score_of(&rule, "\"开展考核\" = false\n\"专题培训\" = false"),
        d("0")
    );
    // 业务培训 (department, 2): 未开展培训 不得分; 没开展专题培训 扣50%: 2 − 1 = 1.
    let rule = one_item("2", "fact 开展培训 bool\nfact 专题培训 bool\nif not 开展培训 zero\nif not 专题培训 -50% of points");
    assert_eq!(
        score_of(&rule, "\"开展培训\" = true\n\"专题培训\" = false"),
        d("1")
    );
}

#[test]
fn percentage_of_the_running_score() {
    // Not in the seed, but the language has it: −50% of what is left. 4 − 2 = 2, then − 1 = 1.
    let rule = one_item(
        "4",
        "fact a bool\nfact b bool\nfact c bool\nif a -2\nif b -50% of score\nif c zero",
    );
    assert_eq!(score_of(&rule, "a = true\nb = true\nc = false"), d("1"));
    assert_eq!(score_of(&rule, "a = false\nb = true\nc = false"), d("2"));
}

#[test]
fn date_deadline_on_time_late_and_never() {
    // 公共事件应急预案 (county, 3): 未在2020年12月30日前发布, 扣3分.
    let rule = one_item(
        "3",
        "fact 发布日期 date\ndeadline 发布日期 by 2020-12-30 -3",
    );
    // On the deadline day is on time: 3.
    assert_eq!(score_of(&rule, "\"发布日期\" = 2020-12-30"), d("3"));
    assert_eq!(score_of(&rule, "\"发布日期\" = \"2020-06-01\""), d("3"));
    // A day late: 0.
    assert_eq!(score_of(&rule, "\"发布日期\" = 2020-12-31"), d("0"));
    // Never published: 0.
    assert_eq!(score_of(&rule, "\"发布日期\" = false"), d("0"));
}

#[test]
fn exemption_with_unless() {
    // 绩效考核 (county, 4): 权重不足4%或未说明, 扣2分 (如能提供充分说明材料可不扣分).
    let rule = one_item(
        "4",
        "fact 纳入 bool\nfact 权重 percent\nfact 已说明 bool\nfact 有材料 bool\nif not 纳入 zero\nif 权重 < 4% or not 已说明 -2 unless 有材料",
    );
    // 3.5% without material: 4 − 2 = 2.
    assert_eq!(
        score_of(
            &rule,
            "\"纳入\" = true\n\"权重\" = 3.5\n\"已说明\" = true\n\"有材料\" = false"
        ),
        d("2")
    );
    // 3.5% with sufficient material: exempt, 4.
    assert_eq!(
        score_of(
            &rule,
            "\"纳入\" = true\n\"权重\" = \"3.5%\"\n\"已说明\" = true\n\"有材料\" = true"
        ),
        d("4")
    );
    // Exactly 4% is not "不足4%": 4.
    assert_eq!(
        score_of(
            &rule,
            "\"纳入\" = true\n\"权重\" = 4\n\"已说明\" = true\n\"有材料\" = false"
        ),
        d("4")
    );
    // The exemption shows in the trace with no change.
    let r = rubric(&rule);
    let s = sheet(&r, "unit = \"u\"\n[\"测试项\"]\n\"纳入\" = true\n\"权重\" = 3\n\"已说明\" = true\n\"有材料\" = true\n");
    let step = &item(&s, "测试项").trace[0];
    assert_eq!(step.delta, d("0"));
    assert!(step.note_en().contains("exempted"), "{}", step.note_en());
}

#[test]
fn sampled_items_are_bounded_by_the_sample() {
    // 内容深度 (department, 6): 随机抽取2份, 每一份扣3分: no floor is needed, 6 − 2 × 3 = 0.
    let rule = one_item(
        "6",
        "fact 不合格 count max 2 \"抽查的2份中解读不合格的份数\"\nper 不合格 -3",
    );
    assert_eq!(score_of(&rule, "\"不合格\" = 1"), d("3"));
    assert_eq!(score_of(&rule, "\"不合格\" = 2"), d("0"));
    // Three of a sample of two is an evidence error, not a score.
    let r = rubric(&rule);
    let errors = unit(&r, "unit = \"u\"\n[\"测试项\"]\n\"不合格\" = 3\n").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code, "kaohe::evidence::value");
}

#[test]
fn deductions_graded_by_issuer() {
    // 政府网站与新媒体 (6): 被国办通报 扣6分; 被省府办通报 1次扣3分; 被市府办通报 1次扣2分.
    let rule = one_item(
        "6",
        "fact 通报 tally {国办, 省府办, 市府办}\nif 通报[国办] >= 1 -6\nper 通报[省府办] -3 floor 0\nper 通报[市府办] -2 floor 0",
    );
    // One provincial and one city notice: 6 − 3 − 2 = 1.
    assert_eq!(
        score_of(&rule, "\"通报\" = { \"省府办\" = 1, \"市府办\" = 1 }"),
        d("1")
    );
    // Two provincial: 6 − 6 = 0.
    assert_eq!(score_of(&rule, "\"通报\" = { \"省府办\" = 2 }"), d("0"));
    // A State Council notice: 0.
    assert_eq!(
        score_of(
            &rule,
            "\"通报\" = { \"国办\" = 1, \"省府办\" = 0, \"市府办\" = 0 }"
        ),
        d("0")
    );
    // No notice: 6.
    assert_eq!(score_of(&rule, "\"通报\" = {}"), d("6"));
}

#[test]
fn late_replies_as_a_count() {
    // 依申请公开答复 (department, 5), point 1: 未在20个工作日内规范回复, 扣3分 (once).
    // The item's second point (答复书要素, checklist) is tested above; a plain -2 stands in.
    let rule = one_item(
        "5",
        "fact 逾期答复数 count\nfact 不规范 bool\nif 逾期答复数 >= 1 -3\nif 不规范 -2",
    );
    assert_eq!(
        score_of(&rule, "\"逾期答复数\" = 0\n\"不规范\" = false"),
        d("5")
    );
    assert_eq!(
        score_of(&rule, "\"逾期答复数\" = 4\n\"不规范\" = false"),
        d("2")
    );
}

const PRORATED: &str = r#"
rubric 折分测试
total 100
year 2020
round 2 half-up
section 甲 10 {
  item 执法公示 4 {
    fact 无执法职能 bool
    fact 未公开 count
    applicable unless 无执法职能
    per 未公开 -1 floor 0
  }
  item 其他 6 {
    fact 扣分 count
    per 扣分 -1 floor 0
  }
}
section 乙 90 {
  item 大项 90 {
    fact 扣分 count
    per 扣分 -1 floor 0
  }
}
"#;

#[test]
fn not_applicable_items_prorate_the_total() {
    let r = rubric(PRORATED);
    // 执法公示 not applicable; 其他 6 − 1 = 5; 大项 90 − 10 = 80. Earned 85 of the 96
    // applicable points: 85 ÷ 96 × 100 = 88.5416… → 88.54.
    let s = sheet(&r, "unit = \"u\"\n[\"执法公示\"]\n\"无执法职能\" = true\n[\"其他\"]\n\"扣分\" = 1\n[\"大项\"]\n\"扣分\" = 10\n");
    assert!(s.prorated);
    assert_eq!(
        (s.earned, s.applicable_points, s.score),
        (d("85"), d("96"), d("88.54"))
    );
    let na = item(&s, "执法公示");
    assert!(!na.applicable);
    assert_eq!(na.score, None);
    assert_eq!(s.categories[0].applicable_points, d("6"));
    // Applicable: 3 + 5 + 80 = 88, no proration, exact.
    let s = sheet(
        &r,
        "unit = \"u\"\n[\"执法公示\"]\n\"无执法职能\" = false\n\"未公开\" = 1\n[\"其他\"]\n\"扣分\" = 1\n[\"大项\"]\n\"扣分\" = 10\n",
    );
    assert!(!s.prorated);
    assert_eq!(s.score, d("88"));
}

#[test]
fn rounding_modes_apply_once_to_the_prorated_total() {
    // 其他 5 of 6, 大项 90 − 3 = 87: 92 ÷ 96 × 100 = 95.8333…
    let evidence = "unit = \"u\"\n[\"执法公示\"]\n\"无执法职能\" = true\n[\"其他\"]\n\"扣分\" = 1\n[\"大项\"]\n\"扣分\" = 3\n";
    for (setting, expected) in [
        ("round 2 half-up", "95.83"),
        ("round 1 half-up", "95.8"),
        ("round 0 half-up", "96"),
        ("round 2 up", "95.84"),
        ("round 1 down", "95.8"),
        ("round 3 half-even", "95.833"),
    ] {
        let r = rubric(&PRORATED.replace("round 2 half-up", setting));
        assert_eq!(sheet(&r, evidence).score, d(expected), "{setting}");
    }
    // Half-up and half-even differ on an exact half: 其他 0, 大项 90 − 78 = 12; earned
    // 12 of 96: 12 ÷ 96 × 100 = 12.5 exactly → 13 half-up, 12 half-even.
    let evidence = "unit = \"u\"\n[\"执法公示\"]\n\"无执法职能\" = true\n[\"其他\"]\n\"扣分\" = 6\n[\"大项\"]\n\"扣分\" = 78\n";
    let r = rubric(&PRORATED.replace("round 2 half-up", "round 0 half-up"));
    assert_eq!(sheet(&r, evidence).score, d("13"));
    let r = rubric(&PRORATED.replace("round 2 half-up", "round 0 half-even"));
    assert_eq!(sheet(&r, evidence).score, d("12"));
}

#[test]
fn an_exempted_zero_takes_nothing() {
    // 不得分 with an exemption: when the exemption holds, the item keeps its points.
    let rule = one_item("4", "fact 未纳入 bool\nfact 有材料 bool\nfact 扣分 bool\nif 未纳入 zero unless 有材料\nif 扣分 -4");
    assert_eq!(
        score_of(
            &rule,
            "\"未纳入\" = true\n\"有材料\" = true\n\"扣分\" = false"
        ),
        d("4")
    );
    assert_eq!(
        score_of(
            &rule,
            "\"未纳入\" = true\n\"有材料\" = false\n\"扣分\" = false"
        ),
        d("0")
    );
}

#[test]
fn two_zero_clauses_both_show_and_the_first_takes_what_is_left() {
    let rule = one_item(
        "4",
        "fact a bool\nfact b bool\nfact c count\nif a zero\nif b zero\nper c -1 floor 0",
    );
    let r = rubric(&rule);
    let s = sheet(
        &r,
        "unit = \"u\"\n[\"测试项\"]\na = true\nb = true\nc = 1\n",
    );
    let trace = &item(&s, "测试项").trace;
    // −1 for c, then the first 不得分 takes the remaining 3, the second nothing.
    let deltas: Vec<_> = trace.iter().map(|t| t.delta).collect();
    assert_eq!(deltas, [d("-1"), d("-3"), d("0")]);
    assert!(
        trace[2].note_en().ends_with("the item is already 0"),
        "{}",
        trace[2].note_en()
    );
    // The delta is written without trailing zeros.
    assert_eq!(trace[1].delta.to_string(), "-3");
}
