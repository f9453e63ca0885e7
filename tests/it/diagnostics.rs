//! The most important diagnostics, asserted field by field: code, severity, message,
//! help, the exact text each label underlines, and the 1-based line and character
//! column of the primary label. `tests/it/ui.rs` snapshots the full rendering of every
//! fixture; these tests say what must not change by accident.

use kaohe::check::compile;
use kaohe::diagnostic::{
    codes, render_human, render_json, Diagnostic, HumanStyle, Label, Severity,
};
use kaohe::source::SourceFile;

/// Compiles a rule text under a stable name and gives the source and the diagnostics.
fn check(name: &str, text: &str) -> (SourceFile, Vec<Diagnostic>) {
    let source = SourceFile::new(name, text);
    // The calendar a fixture names is read as the command line reads it.
    let checked = compile(&source).with_calendar(&source, None);
    (source, checked.diagnostics)
}

fn fixture(file: &str) -> (SourceFile, Vec<Diagnostic>) {
    let path = format!("{}/tests/ui/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    check(&format!("tests/ui/{file}"), &text)
}

/// The text a label underlines.
fn underlined<'a>(source: &'a SourceFile, label: &Label) -> &'a str {
    &source.text()[label.span.start..label.span.end]
}

/// The primary label, which is always the first.
fn primary(d: &Diagnostic) -> &Label {
    let first = d
        .labels
        .first()
        .unwrap_or_else(|| panic!("{} has no label", d.code));
    assert!(
        first.primary,
        "the first label of {} is not the primary one",
        d.code
    );
    assert_eq!(
        d.labels.iter().filter(|l| l.primary).count(),
        1,
        "{} has one primary label",
        d.code
    );
    first
}

/// The only diagnostic, after checking there is exactly one.
fn single(diagnostics: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(
        diagnostics.len(),
        1,
        "expected one diagnostic, got: {:#?}",
        diagnostics
            .iter()
            .map(|d| (d.code, &d.message))
            .collect::<Vec<_>>()
    );
    &diagnostics[0]
}

/// The 1-based line and character column of the first occurrence of `needle`
/// (after `after`, when given), for expected positions written as text.
fn position_of(source: &SourceFile, after: &str, needle: &str) -> (usize, usize) {
    let from = source.text().find(after).expect("anchor in the source");
    let at = from
        + source.text()[from..]
            .find(needle)
            .expect("needle after the anchor");
    source.line_col(at)
}

/// A minimal rubric: the header, then one section with `body` inside.
fn rubric(section: &str, points: u32, body: &str) -> String {
    format!("# test\nrubric 测试考核表\ntotal {points}\nyear 2020\n\nsection {section} {points} {{\n{body}}}\n")
}

// ---------------------------------------------------------------------------------
// points::sum on the OCR's placement of 政务舆情
// ---------------------------------------------------------------------------------

#[test]
fn misplaced_yuqing_reports_both_sections_in_one_run() {
    let (source, diagnostics) = fixture("misplaced_yuqing.rule");
    assert_eq!(diagnostics.len(), 2, "{diagnostics:#?}");
    assert!(
        compile(&source).rubric.is_none(),
        "a rubric with errors is not usable"
    );

    // 公开渠道: 3 + 6 + 3 + 3 = 15, not 12.
    let d = &diagnostics[0];
    assert_eq!(d.code, codes::POINTS_SUM);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.message, "the items of `公开渠道` add up to 15, not 12");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "the parts are 3 too many: check each part's points against the table, and \
             whether an item sits under the wrong heading; the parts: 政府公报 3, \
             政府网站与新媒体 6, 线下渠道 3, 政务舆情 3"
        )
    );
    // The parts are listed in the help, not underlined far apart.
    assert_eq!(d.labels.len(), 1);
    let p = primary(d);
    assert_eq!(underlined(&source, p), "12");
    assert_eq!(p.text, "`公开渠道` is worth 12");
    assert_eq!(
        source.line_col(p.span.start),
        position_of(&source, "section 公开渠道 12", "12")
    );
    assert_eq!(
        source.line_col(p.span.start).1,
        14,
        "column counts characters, not bytes"
    );

    // 机制保障: 3 + 4 + 3 = 10, not 13.
    let d = &diagnostics[1];
    assert_eq!(d.code, codes::POINTS_SUM);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.message, "the items of `机制保障` add up to 10, not 13");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "the parts are 3 short: check each part's points against the table, and whether \
             an item is missing or sits under another heading; the parts: 听取汇报 3, \
             绩效考核 4, 业务培训 3"
        )
    );
    let p = primary(d);
    assert_eq!(underlined(&source, p), "13");
    assert_eq!(p.text, "`机制保障` is worth 13");
    assert_eq!(
        source.line_col(p.span.start),
        position_of(&source, "section 机制保障 13", "13")
    );
    assert_eq!(d.labels.len(), 1);
}

// ---------------------------------------------------------------------------------
// The range of an item's score
// ---------------------------------------------------------------------------------

#[test]
fn award_without_max_is_kept_by_the_items_points() {
    // 4 forms at +2 each can give 8, more than the item's 6: the item's own bound
    // (最多得6分) keeps it at 6, so the item is accepted without `max 6`.
    let text = rubric(
        "政策解读",
        6,
        "  item 解读形式 6 {\n    start 0\n    fact 解读形式 set { 新闻发布会, 图表, 音视频, 动漫 } \"采用的形式\"\n    per 解读形式 +2\n  }\n",
    );
    let (_, diagnostics) = check("tests/exceeds.rule", &text);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn a_gain_the_bound_always_cuts_is_a_dead_clause() {
    // An award on an item that starts from its full points and loses none can never
    // change its score: `start 0` is missing.
    let text = rubric(
        "公开渠道",
        3,
        "  item 线下渠道 3 {\n    fact 专区数 count \"专区数\"\n    per 专区数 +1 max 3\n  }\n",
    );
    let (source, diagnostics) = check("tests/cut.rule", &text);
    let d = diagnostics
        .iter()
        .find(|d| d.code == codes::DEAD_CLAUSE)
        .expect("a dead clause");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "a gain of item `线下渠道` can never change its score"
    );
    assert_eq!(underlined(&source, primary(d)), "per 专区数 +1 max 3");
    // With a deduction beside it, the gain can make up for it: no warning.
    let both = text.replace(
        "    per 专区数 +1 max 3\n",
        "    fact 未公开 bool \"未公开\"\n    if 未公开 -2\n    per 专区数 +1 max 3\n",
    );
    let (_, diagnostics) = check("tests/cut.rule", &both);
    assert!(
        !diagnostics.iter().any(|d| d.code == codes::DEAD_CLAUSE),
        "{diagnostics:#?}"
    );
}

#[test]
fn deduction_without_floor_stops_at_zero() {
    // Enough findings take the 2-point item below 0 clause by clause; its own bound
    // (扣完为止) keeps it at 0, so no `floor 0` is needed.
    let text = rubric(
        "主动公开",
        2,
        "  item 服务公开 2 {\n    fact 指南不规范条数 count max 5 \"不规范的指南条数\"\n    per 指南不规范条数 -1\n  }\n",
    );
    let (_, diagnostics) = check("tests/negative.rule", &text);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    // With `floor 0` the same item is accepted as well.
    let fixed = text.replace("per 指南不规范条数 -1", "per 指南不规范条数 -1 floor 0");
    assert!(check("tests/negative.rule", &fixed).1.is_empty());
}

#[test]
fn fixed_deductions_beyond_the_points_are_warned_of() {
    // 2 + 1 + 2 = 5 from an item worth 4: a wrong number, usually.
    let text = rubric(
        "主动公开",
        4,
        "  item 决策预公开 4 {\n    fact 甲 bool \"甲\"\n    fact 乙 bool \"乙\"\n    fact 丙 bool \"丙\"\n    if 甲 -2\n    if 乙 -1\n    if 丙 -2\n  }\n",
    );
    let (source, diagnostics) = check("tests/fixed.rule", &text);
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::CLAUSE_EXCEEDS);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "the fixed deductions of item `决策预公开` add up to 5, more than its 4 points"
    );
    assert_eq!(underlined(&source, primary(d)), "if 丙 -2");
    // A `floor` says where the deductions stop: the author meant it.
    let floored = text.replace("if 丙 -2", "if 丙 -2 floor 0");
    assert!(check("tests/fixed.rule", &floored).1.is_empty());
}

/// The one diagnostic of a rule text, after checking its code and the text of its
/// primary label.
fn only(text: &str, code: &str, label: &str) -> Diagnostic {
    let (_, diagnostics) = check("tests/range.rule", text);
    let d = single(&diagnostics);
    assert_eq!(d.code, code, "{}", d.message);
    assert_eq!(primary(d).text, label, "{}", d.message);
    d.clone()
}

#[test]
fn percent_of_score_per_finding_is_limited_by_its_max() {
    // Each finding takes 10% of the score of 10, but `max 10` keeps the clause from
    // taking more than 10 in all: the item never goes below 0. It was refused as able
    // to go below 0 without limit, the `max` left out.
    let body = |max: u32| {
        format!("  item 公开指南 10 {{\n    fact 不规范条数 count \"不规范条数\"\n    per 不规范条数 -10% of score max {max}\n  }}\n")
    };
    let (_, diagnostics) = check("tests/range.rule", &rubric("主动公开", 10, &body(10)));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    // Under `max 4` it keeps at least 6.
    let d = only(
        &rubric("主动公开", 10, &body(4)),
        codes::ZERO_UNREACHABLE,
        "at least 6",
    );
    assert_eq!(d.severity, Severity::Warning);
    // Under `max 11` it can go below 0 clause by clause; the item's bound keeps it
    // at 0, and it is accepted.
    let (_, diagnostics) = check("tests/range.rule", &rubric("主动公开", 10, &body(11)));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn percent_of_score_award_is_limited_by_its_max() {
    // From 6, doubling the score gives at most 4 under `max 4`, and from 5 any number
    // of 10% awards give at most 5 under `max 5`: neither passes 10. Both were refused,
    // the `max` left out (up to 12, and without limit).
    let once = |max: u32| {
        format!("  item 解读回应 10 {{\n    start 6\n    fact 优秀 bool \"优秀\"\n    fact 未回应 bool \"未回应\"\n    if 优秀 +100% of score max {max}\n    if 未回应 zero\n  }}\n")
    };
    let per = |max: u32| {
        format!("  item 解读回应 10 {{\n    start 5\n    fact 创新数 count \"创新数\"\n    fact 未回应 bool \"未回应\"\n    per 创新数 +10% of score max {max}\n    if 未回应 zero\n  }}\n")
    };
    for body in [once(4), per(5)] {
        let (_, diagnostics) = check("tests/range.rule", &rubric("政策解读", 10, &body));
        assert!(diagnostics.is_empty(), "{body}: {diagnostics:#?}");
    }
    // One more point of `max` can pass 10: the item's bound (最多得10分) keeps it.
    for body in [once(5), per(6)] {
        let (_, diagnostics) = check("tests/range.rule", &rubric("政策解读", 10, &body));
        assert!(diagnostics.is_empty(), "{body}: {diagnostics:#?}");
    }
}

/// A rubric of one regular item and one penalty item of 5 points, which reads the
/// count 泄密次数 and the fact `second`, and after a deduction of up to 5 has `clause`.
fn penalty(second: &str, clause: &str) -> String {
    format!(
        "# test\nrubric 测试考核表\ntotal 2\nyear 2020\n\nsection 主动公开 2 {{\n  item 服务公开 2 {{\n    fact 不规范条数 count \"不规范条数\"\n    per 不规范条数 -1 floor 0\n  }}\n}}\npenalty 倒扣分 5 {{\n  item 泄密 5 {{\n    fact 泄密次数 count \"泄密次数\"\n    {second}\n    per 泄密次数 -1 max 5\n    {clause}\n  }}\n}}\n"
    )
}

const SERIOUS: &str = "fact 情节严重 bool \"情节严重\"";

#[test]
fn percent_of_score_below_zero_turns_a_gain_into_a_loss() {
    // In a penalty section the score is at most 0, so `+50% of score` takes: from -5 it
    // takes the score to -7.5, beyond the item's 5 points; the item's bound (最多扣5分)
    // keeps it at -5, and it is accepted.
    let (_, diagnostics) = check(
        "tests/range.rule",
        &penalty(SERIOUS, "if 情节严重 +50% of score"),
    );
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    // And `-50% of score` gives back: from -5 to -2.5, or to -5 when it does not apply,
    // so the item can still take all its points.
    let (_, diagnostics) = check(
        "tests/range.rule",
        &penalty(SERIOUS, "if 情节严重 -50% of score"),
    );
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

// ---------------------------------------------------------------------------------
// Names and types
// ---------------------------------------------------------------------------------

#[test]
fn undeclared_fact_suggests_the_close_name() {
    let (source, diagnostics) = fixture("undeclared.rule");
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::UNDECLARED);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "fact `未做征集` is not declared in item `决策预公开`"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `未做意见征集`? Otherwise declare it in `决策预公开` with `fact 未做征集 …`")
    );
    let p = primary(d);
    assert_eq!(underlined(&source, p), "未做征集");
    assert_eq!(p.text, "not declared");
    assert_eq!(source.line_col(p.span.start), (9, 8));
}

#[test]
fn misspelt_member_is_reported_with_the_list() {
    let (source, diagnostics) = fixture("unknown_member.rule");
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::UNKNOWN_MEMBER);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.message, "`省府` is not a member of `通报`");
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `省府办`? The members are 国办、省府办、市府办")
    );
    let p = primary(d);
    assert_eq!(underlined(&source, p), "省府");
    assert_eq!(p.text, "not in the list");
    assert_eq!(source.line_col(p.span.start), (10, 12));
    assert_eq!(d.labels.len(), 2);
    assert_eq!(
        underlined(&source, &d.labels[1]),
        "tally {国办, 省府办, 市府办}"
    );
    assert_eq!(d.labels[1].text, "the members are listed here");
    assert_eq!(source.line_col(d.labels[1].span.start), (8, 13));
}

#[test]
fn date_compared_with_count_is_a_type_mismatch() {
    let (source, diagnostics) = fixture("type_mismatch.rule");
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::TYPE);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.message, "a date compared with a count");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "compare a count with a number (`< 10`), a percent with a percentage (`< 4%`), \
             a date with a date (`> 2020-03-31`)"
        )
    );
    let p = primary(d);
    assert_eq!(underlined(&source, p), "预案发布日期");
    assert_eq!(p.text, "a date");
    assert_eq!(source.line_col(p.span.start), (10, 8));
    assert_eq!(underlined(&source, &d.labels[1]), "预案数");
    assert_eq!(d.labels[1].text, "a count");
    assert_eq!(source.line_col(d.labels[1].span.start), (10, 17));
}

// ---------------------------------------------------------------------------------
// Syntax
// ---------------------------------------------------------------------------------

#[test]
fn fullwidth_minus_after_cjk_is_underlined_alone() {
    let (source, diagnostics) = fixture("fullwidth_minus.rule");
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::FULLWIDTH);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "full-width `－` where kaohe expects the ASCII `-`"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "a Chinese input method types full-width punctuation and digits; switch it to \
             English mode (usually Shift) and type `-`"
        )
    );
    let p = primary(d);
    assert_eq!(
        underlined(&source, p),
        "－",
        "exactly the full-width minus, all 3 bytes of it"
    );
    assert_eq!(p.text, "type `-` here");
    // `    if 未做意见征集 －2`: 4 spaces, `if`, a space, 6 characters, a space: column 15.
    // Counting bytes would give 27.
    assert_eq!(source.line_col(p.span.start), (9, 15));
    let human = render_human(d, HumanStyle::Plain);
    assert!(
        human.contains("[tests/ui/fullwidth_minus.rule:9:15]"),
        "{human}"
    );
    let json: serde_json::Value = serde_json::from_str(&render_json(d)).expect("one JSON object");
    assert_eq!(json["line"], 9);
    assert_eq!(json["column"], 15);
}

#[test]
fn missing_item_points_are_asked_for_in_plain_words() {
    let (source, diagnostics) = fixture("missing_points.rule");
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::SYNTAX);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.message, "expected the item's points after its name");
    assert_eq!(
        d.help.as_deref(),
        Some("write the item's points after its name, as in `item 决策公开 4 {`")
    );
    let p = primary(d);
    assert_eq!(underlined(&source, p), "{");
    assert_eq!(p.text, "found `{`");
    assert_eq!(source.line_col(p.span.start), (7, 13));
}

/// Ten thousand `(` must give `too_deep`, not a stack overflow. The check runs on a
/// thread with a small stack, to show it does not depend on a large one.
#[test]
fn ten_thousand_parentheses_are_too_deep_not_a_stack_overflow() {
    let depth = 10_000;
    let body = format!(
        "  item 决策预公开 2 {{\n    fact 未做意见征集 bool\n    if {}未做意见征集{} -2\n  }}\n",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let text = rubric("主动公开", 2, &body);
    let (source, diagnostics) = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || check("tests/deep.rule", &text))
        .expect("thread")
        .join()
        .expect("no panic");
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::TOO_DEEP);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.message, "brackets nested more than 64 deep");
    assert_eq!(
        d.help.as_deref(),
        Some("a rubric needs only a few levels: split the condition, or the section, into smaller ones")
    );
    let p = primary(d);
    assert_eq!(underlined(&source, p), "(");
    assert_eq!(p.text, "this one is too deep");
    // `section {` and `item {` are two levels: the 63rd `(` is the 65th level.
    let first = source.text().find('(').expect("a parenthesis");
    assert_eq!(p.span.start, first + 62);
    assert_eq!(source.line_col(p.span.start), (9, 8 + 62));
}

#[test]
fn ten_thousand_nested_sections_are_too_deep() {
    let depth = 10_000;
    let text = format!(
        "# test\nrubric 测试考核表\ntotal 2\nyear 2020\n{}item 决策预公开 2 {{ fact 未做意见征集 bool\n if 未做意见征集 -2 }}{}\n",
        "section 主动公开 2 {\n".repeat(depth),
        "}".repeat(depth)
    );
    let (source, diagnostics) = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || check("tests/deep.rule", &text))
        .expect("thread")
        .join()
        .expect("no panic");
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::TOO_DEEP);
    assert_eq!(underlined(&source, primary(d)), "{");
    assert_eq!(source.line_col(primary(d).span.start), (4 + 65, 16));
}

/// A chain of `not`s is a repetition in the grammar and is not bounded by the depth
/// scan. It once aborted the process with a stack overflow at about a thousand `not`s
/// (the checker recursed once per `not`); see docs/errors-to-improve.md. Any length
/// must now be checked, on a small stack, with no diagnostic.
#[test]
fn long_chain_of_not_does_not_overflow() {
    for n in [1_000, 100_000, 100_001] {
        let body = format!(
            "  item 决策预公开 2 {{\n    fact 未做意见征集 bool\n    if {}未做意见征集 -2\n  }}\n",
            "not ".repeat(n)
        );
        let text = rubric("主动公开", 2, &body);
        let diagnostics = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || check("tests/not.rule", &text).1)
            .expect("thread")
            .join()
            .expect("no stack overflow");
        assert!(diagnostics.is_empty(), "{n} `not`s: {diagnostics:#?}");
    }
}

// ---------------------------------------------------------------------------------
// Every problem in one run, in the order of the file
// ---------------------------------------------------------------------------------

#[test]
fn three_independent_problems_give_three_diagnostics_in_order() {
    let (source, diagnostics) = fixture("three_problems.rule");
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [codes::POINTS_SUM, codes::UNDECLARED, codes::BOUND]);
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the items of `主动公开` add up to 4, not 8",
            "fact `未提供有效期` is not declared in item `决策预公开`",
            "`floor 3` is above the item's 2 points",
        ]
    );
    let places: Vec<(usize, usize)> = diagnostics
        .iter()
        .map(|d| source.line_col(primary(d).span.start))
        .collect();
    assert_eq!(places, [(6, 14), (9, 18), (13, 26)]);
    let underlines: Vec<&str> = diagnostics
        .iter()
        .map(|d| underlined(&source, primary(d)))
        .collect();
    assert_eq!(underlines, ["8", "未提供有效期", "3"]);
}

/// Every fixture's diagnostics come sorted by position, errors before warnings at one
/// place, and every message follows the style: lowercase, no final period.
#[test]
fn every_fixture_is_sorted_and_in_style() {
    let dir = format!("{}/tests/ui", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/ui")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rule"))
        .collect();
    names.sort();
    assert!(names.len() >= 40, "{names:?}");
    for name in names {
        let (_, diagnostics) = fixture(&name);
        assert!(!diagnostics.is_empty(), "{name}");
        for pair in diagnostics.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(
                (a.offset(), std::cmp::Reverse(a.severity))
                    <= (b.offset(), std::cmp::Reverse(b.severity)),
                "{name}: `{}` comes before `{}`",
                a.message,
                b.message
            );
        }
        for d in &diagnostics {
            let first = d.message.chars().next().expect("a message");
            assert!(
                !first.is_uppercase(),
                "{name}: `{}` starts in upper case",
                d.message
            );
            assert!(
                !d.message.ends_with('.'),
                "{name}: `{}` ends with a period",
                d.message
            );
            assert!(
                d.help.as_deref().is_some_and(|h| !h.is_empty()),
                "{name}: `{}` has no help",
                d.message
            );
            assert!(
                !d.labels.is_empty(),
                "{name}: `{}` points nowhere",
                d.message
            );
            let p = primary(d);
            let text = d.source.as_ref().expect("a source").text();
            assert!(p.span.end <= text.len(), "{name}: span outside the file");
            assert!(
                text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end),
                "{name}: `{}` splits a character",
                d.message
            );
        }
    }
}

#[test]
fn crlf_line_endings_do_not_shift_columns() {
    let text = rubric(
        "主动公开",
        2,
        "  item 决策预公开 2 {\n    fact 未做意见征集 bool\n    if 未做征集 -2\n    if 未做意见征集 -2\n  }\n",
    )
    .replace('\n', "\r\n");
    let (source, diagnostics) = check("tests/crlf.rule", &text);
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::UNDECLARED);
    assert_eq!(underlined(&source, primary(d)), "未做征集");
    assert_eq!(source.line_col(primary(d).span.start), (9, 8));
}

// ---------------------------------------------------------------------------------
// The real rule files
// ---------------------------------------------------------------------------------

#[test]
fn real_rule_files_compile_without_any_diagnostic() {
    for file in ["county.rule", "department.rule"] {
        let path = format!("{}/rules/jiangmen-2020/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let source = SourceFile::new(format!("rules/jiangmen-2020/{file}"), text);
        let checked = compile(&source);
        let rendered: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| render_human(d, HumanStyle::Plain))
            .collect();
        assert!(
            checked.diagnostics.is_empty(),
            "{file}:\n{}",
            rendered.join("\n")
        );
        let rubric = checked.rubric.expect("a usable rubric");
        assert_eq!(rubric.total, rust_decimal::Decimal::from(100));
        assert_eq!(rubric.year, Some(2020));
    }
}

// ---------------------------------------------------------------------------------
// Every code is documented, and every rule-file code has a fixture
// ---------------------------------------------------------------------------------

/// The codes declared in src/diagnostic/codes.rs, read from its text so that a new
/// code cannot be forgotten here.
fn declared_codes() -> Vec<String> {
    let path = format!("{}/src/diagnostic/codes.rs", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("codes.rs");
    text.lines()
        .filter_map(|l| l.split('"').nth(1))
        .filter(|c| c.starts_with("kaohe::"))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_code_is_documented_in_docs_diagnostics_md() {
    let path = format!("{}/docs/diagnostics.md", env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(path).expect("docs/diagnostics.md");
    let codes = declared_codes();
    assert!(codes.len() >= 30, "{codes:?}");
    for code in codes {
        assert!(
            docs.contains(&format!("### `{code}`")),
            "docs/diagnostics.md has no section for {code}"
        );
    }
}

#[test]
fn every_rule_file_code_has_a_fixture() {
    let dir = format!("{}/tests/it/snapshots", env!("CARGO_MANIFEST_DIR"));
    let mut snapshots = String::new();
    for entry in std::fs::read_dir(dir).expect("tests/it/snapshots") {
        let path = entry.expect("entry").path();
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("it__ui__"))
        {
            snapshots.push_str(&std::fs::read_to_string(path).expect("snapshot"));
        }
    }
    // `kaohe::test::` is about case files (evidence with `[expect]`), and
    // `kaohe::fmt::changed_meaning` is the formatter's guard against its own bugs.
    let not_rule_file = [
        "kaohe::evidence::",
        "kaohe::io::",
        "kaohe::eval::",
        "kaohe::test::",
        "kaohe::fmt::",
    ];
    for code in declared_codes() {
        if not_rule_file.iter().any(|p| code.starts_with(p)) {
            continue;
        }
        assert!(
            snapshots.contains(&format!("\"code\":\"{code}\"")),
            "no fixture in tests/ui gives {code}"
        );
    }
}

#[test]
fn fullwidth_digit_after_a_sign_is_named() {
    let body = "  item 决策预公开 2 {\n    fact 未做意见征集 bool\n    if 未做意见征集 -２\n  }\n";
    let text = rubric("主动公开", 2, body);
    let (source, diagnostics) = check("tests/sign.rule", &text);
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::FULLWIDTH);
    assert_eq!(underlined(&source, primary(d)), "２");
    assert_eq!(
        d.message,
        "full-width `２` where kaohe expects the ASCII `2`"
    );
}

#[test]
fn a_fractional_count_default_is_refused() {
    let body = "  item 决策预公开 2 {\n    fact 未标记 count default 1.7\n    per 未标记 -1 floor 0\n  }\n";
    let text = rubric("主动公开", 2, body);
    let (source, diagnostics) = check("tests/default.rule", &text);
    let d = single(&diagnostics);
    assert_eq!(d.code, codes::TYPE);
    assert_eq!(d.message, "the default 1.7 is not a count 0 or more");
    assert_eq!(underlined(&source, primary(d)), "1.7");
}

#[test]
fn several_syntax_errors_are_reported_in_one_run() {
    let (source, diagnostics) = fixture("several_syntax_errors.rule");
    let got: Vec<(&str, usize, &str)> = diagnostics
        .iter()
        .map(|d| {
            (
                d.code,
                source.line_col(primary(d).span.start).0,
                underlined(&source, primary(d)),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (codes::FULLWIDTH, 11, "－"),
            (codes::SYNTAX, 12, "flor"),
            (codes::SYNTAX, 13, "2"),
        ]
    );
    assert_eq!(
        diagnostics[1].help.as_deref(),
        Some("did you mean `floor`?")
    );
}
