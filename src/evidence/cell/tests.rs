//! Tests of the cell readers: every spelling table accepted and refused, the byte
//! tables against the character lists they stand for, and the fast way against the
//! careful one.

use super::dates::{iso_day, scanned_date, ymd};
use super::scalars::spelled_yes_no;
use super::sets::{separator_len, CHARACTER_LEN, MAY_SEPARATE, SET_SEPARATORS};
use super::spelling::{any_folds, folds, normalised_by_characters};
use super::*;
use crate::span::Spanned;

/// A fact of a type, named `事实`, as the tests of the cell readers (here and in
/// `super::fast`) read cells for.
pub(in crate::evidence) fn fact(ty: FactType) -> FactDecl {
    FactDecl {
        id: crate::model::FactId(0),
        name: Spanned::new("事实".into(), Span::default()),
        ty: Spanned::new(ty, Span::default()),
        description: None,
        default: None,
        span: Span::default(),
    }
}

/// The members of a set or tally type, by name.
pub(in crate::evidence) fn members(names: &[&str]) -> Members {
    names
        .iter()
        .map(|n| Member {
            name: Spanned::new(n.to_string(), Span::default()),
            description: None,
        })
        .collect()
}

fn text_cell(t: &str) -> Cell<'_> {
    Cell {
        input: Input::Text(t.into()),
        span: Span::new(100, 100 + t.len()),
        text_at: Some(100),
    }
}

fn input_cell(input: Input) -> Cell {
    Cell {
        input,
        span: Span::default(),
        text_at: None,
    }
}

fn raw(f: &FactDecl, cell: &Cell) -> Raw {
    match read(f, &Part::Value, cell, DateSystem::Excel1900) {
        Read::Value(n) => n.raw,
        other => panic!("not a value: {other:?}"),
    }
}

fn message(f: &FactDecl, cell: &Cell) -> String {
    match read(f, &Part::Value, cell, DateSystem::Excel1900) {
        Read::Wrong { problem, node } => {
            assert_eq!(node.raw, Raw::Null);
            problem.words().0
        }
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn blank_is_missing_never_zero() {
    let f = fact(FactType::Count { max: None });
    let dates = DateSystem::Excel1900;
    assert_eq!(read(&f, &Part::Value, &text_cell("  "), dates), Read::Blank);
    assert_eq!(
        read(&f, &Part::Value, &text_cell("\u{3000}"), dates),
        Read::Blank
    );
    assert_eq!(
        read(&f, &Part::Value, &input_cell(Input::Empty), dates),
        Read::Blank
    );
}

#[test]
fn bools_as_people_write_them() {
    let f = fact(FactType::Bool);
    for yes in [
        "true", "TRUE", "是", " 有 ", "对", "√", "✓", "✔", "Y", "y", "Yes", "1", "Ｙ", "１",
    ] {
        assert_eq!(raw(&f, &text_cell(yes)), Raw::Bool(true), "{yes}");
    }
    for no in [
        "false",
        "否",
        "无",
        "错",
        "×",
        "✗",
        "✘",
        "N",
        "no",
        "0",
        "ｆａｌｓｅ",
    ] {
        assert_eq!(raw(&f, &text_cell(no)), Raw::Bool(false), "{no}");
    }
    assert_eq!(
        raw(&f, &input_cell(Input::Number("1".into()))),
        Raw::Bool(true)
    );
    assert_eq!(raw(&f, &input_cell(Input::Bool(false))), Raw::Bool(false));
    for refused in ["是的", "X", "待定", "2", "yes!"] {
        assert_eq!(
            message(&f, &text_cell(refused)),
            format!("`事实` must be yes or no, not `{refused}`")
        );
    }
}

#[test]
fn counts_in_digits_groups_and_chinese_numerals() {
    let f = fact(FactType::Count { max: None });
    let int = |s: &str| Raw::Integer(s.into());
    assert_eq!(raw(&f, &text_cell("12")), int("12"));
    assert_eq!(raw(&f, &text_cell("１２")), int("12"));
    assert_eq!(raw(&f, &text_cell("1,234")), int("1234"));
    assert_eq!(raw(&f, &text_cell("1，234，567")), int("1234567"));
    assert_eq!(raw(&f, &text_cell("-1")), int("-1"));
    assert_eq!(raw(&f, &text_cell("三")), int("3"));
    assert_eq!(raw(&f, &text_cell("十二")), int("12"));
    for refused in [
        "2.5",
        "1,23",
        "12,",
        ",123",
        "若干",
        "十二次",
        "3个",
        "+3",
        "1 234",
    ] {
        assert_eq!(
            message(&f, &text_cell(refused)),
            format!("`事实` must be a whole number, not `{refused}`"),
            "{refused}"
        );
    }
    assert_eq!(
        message(&f, &text_cell(&"9".repeat(40))),
        "`事实` is larger than any real count"
    );
    match read(&f, &Part::Value, &text_cell("无"), DateSystem::Excel1900) {
        Read::Wrong { problem, .. } => {
            assert!(
                matches!(&problem, CellError::Count { text, none: true, .. } if text == "无"),
                "{problem:?}"
            );
            let (_, help) = problem.words();
            assert!(help.starts_with("write `0` if there was none"), "{help}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn chinese_numerals_in_their_standard_forms() {
    let cases = [
        ("零", 0),
        ("〇", 0),
        ("两", 2),
        ("九", 9),
        ("十", 10),
        ("十二", 12),
        ("一十二", 12),
        ("二十", 20),
        ("九十九", 99),
        ("一百", 100),
        ("两百", 200),
        ("一百零五", 105),
        ("一百一十", 110),
        ("三千二百", 3200),
        ("一千零一十", 1010),
        ("两千零二十", 2020),
        ("九千九百九十九", 9999),
    ];
    for (text, n) in cases {
        assert_eq!(chinese_count(text), Some(n), "{text}");
    }
    for refused in [
        "一百五",
        "二〇",
        "一万",
        "十十",
        "百",
        "零五",
        "一百零",
        "二百十",
        "三点五",
        "壹",
    ] {
        assert_eq!(chinese_count(refused), None, "{refused}");
    }
}

#[test]
fn percentages() {
    let f = fact(FactType::Percent { max: None });
    assert_eq!(raw(&f, &text_cell("3.5")), Raw::Float("3.5".into()));
    assert_eq!(raw(&f, &text_cell("4")), Raw::Integer("4".into()));
    assert_eq!(raw(&f, &text_cell("3.5%")), Raw::String("3.5%".into()));
    assert_eq!(raw(&f, &text_cell("3 %")), Raw::String("3%".into()));
    assert_eq!(raw(&f, &text_cell("３％")), Raw::String("3%".into()));
    assert_eq!(raw(&f, &text_cell("３．５％")), Raw::String("3.5%".into()));
    for refused in ["百分之四", "3,5%", "3‰", "%3"] {
        assert_eq!(
            message(&f, &text_cell(refused)),
            format!("`事实` must be a percentage, not `{refused}`")
        );
    }
}

#[test]
fn dates_as_people_write_them() {
    let f = fact(FactType::Date);
    let day = |s: &str| Raw::String(s.into());
    for (text, expected) in [
        ("2020-12-30", "2020-12-30"),
        ("2020/12/30", "2020-12-30"),
        ("2020.12.30", "2020-12-30"),
        ("2020/4/5", "2020-04-05"),
        ("2020年12月30日", "2020-12-30"),
        ("2020 年 4 月 5 日", "2020-04-05"),
        ("2020年4月5号", "2020-04-05"),
        ("2020年4月5", "2020-04-05"),
        ("２０２０－１２－３０", "2020-12-30"),
        ("2020/12/30 10:00", "2020-12-30"),
        ("2020-12-30T10:00:00", "2020-12-30"),
        ("2020-12-30 10:00:00.5", "2020-12-30"),
    ] {
        assert_eq!(raw(&f, &text_cell(text)), day(expected), "{text}");
    }
    for never in ["false", "FALSE", "否", "无"] {
        assert_eq!(raw(&f, &text_cell(never)), Raw::Bool(false));
    }
    assert_eq!(
        message(&f, &text_cell("2020-02-30")),
        "`事实` is `2020-02-30`, a day that does not exist: February 2020 has 29 days"
    );
    assert_eq!(
        message(&f, &text_cell("2021年2月29日")),
        "`事实` is `2021年2月29日`, a day that does not exist: February 2021 has 28 days"
    );
    assert_eq!(
        message(&f, &text_cell("2020/13/01")),
        "`事实` is `2020/13/01`, a day that does not exist: there is no month 13"
    );
    for refused in [
        "2020/12-30",
        "20201230",
        "12/30/2020",
        "20/12/30",
        "2020年12月",
        "3月31日",
        "2020-12-30 25:00",
        "2020-12-30 下午",
    ] {
        assert_eq!(
            message(&f, &text_cell(refused)),
            format!("`事实` must be a date or `false`, not `{refused}`"),
            "{refused}"
        );
    }
    // Excel's day number typed out in a CSV file is refused, with the day it is.
    match read(&f, &Part::Value, &text_cell("44195"), DateSystem::Excel1900) {
        Read::Wrong { problem, .. } => {
            assert_eq!(
                problem,
                CellError::DateNumber {
                    name: "事实".into(),
                    text: "44195".into(),
                    day: Some(ymd(2020, 12, 30)),
                }
            );
            let (message, help) = problem.words();
            assert_eq!(message, "`事实` must be a date, not the number `44195`");
            assert!(help.contains("2020-12-30"), "{help}");
        }
        other => panic!("{other:?}"),
    }
    let cell = input_cell(Input::Date(ymd(2020, 3, 31)));
    assert_eq!(raw(&f, &cell), Raw::Date("2020-03-31".into()));
}

#[test]
fn excel_day_numbers_keep_the_1900_leap_year_quirk() {
    let d = |n: f64| excel_day(n, DateSystem::Excel1900);
    assert_eq!(d(1.0), Ok(ymd(1900, 1, 1)));
    assert_eq!(d(59.0), Ok(ymd(1900, 2, 28)));
    assert_eq!(d(60.0), Err(NoDayWhy::Leap));
    assert_eq!(d(61.0), Ok(ymd(1900, 3, 1)));
    assert_eq!(d(44195.0), Ok(ymd(2020, 12, 30)));
    // A time of day is a fraction of the day.
    assert_eq!(d(44195.75), Ok(ymd(2020, 12, 30)));
    assert_eq!(d(2_958_465.0), Ok(ymd(9999, 12, 31)));
    assert_eq!(d(0.0), Err(NoDayWhy::Zero));
    assert_eq!(d(-1.0), Err(NoDayWhy::NoDay));
    assert_eq!(d(2_958_466.0), Err(NoDayWhy::After));
    assert_eq!(d(f64::NAN), Err(NoDayWhy::NoDay));
    let m = |n: f64| excel_day(n, DateSystem::Excel1904);
    assert_eq!(m(0.0), Ok(ymd(1904, 1, 1)));
    assert_eq!(m(42733.0), Ok(ymd(2020, 12, 30)));
    // A workbook's number in a date column is its day number.
    let f = fact(FactType::Date);
    let number = input_cell(Input::Number("44195".into()));
    assert_eq!(raw(&f, &number), Raw::Date("2020-12-30".into()));
    let sixty = input_cell(Input::Number("60".into()));
    assert_eq!(
        message(&f, &sixty),
        "`事实` holds Excel's day number `60`, which Excel shows as 1900-02-29, a day that never was (Excel takes 1900 for a leap year)"
    );
}

#[test]
fn sets_split_and_point_at_each_member() {
    let f = fact(FactType::Set(members(&["图表", "图解", "动漫"])));
    let cell = text_cell("图表、 图解 ,动漫、");
    let Raw::Array(elements) = raw(&f, &cell) else {
        panic!("not a list")
    };
    let got: Vec<(String, Span)> = elements
        .iter()
        .map(|e| match &e.raw {
            Raw::String(s) => (s.clone(), e.span),
            other => panic!("{other:?}"),
        })
        .collect();
    // 图表 is 6 bytes, 、 3, a space 1: 图解 starts at byte 10 of the cell.
    assert_eq!(
        got,
        vec![
            ("图表".into(), Span::new(100, 106)),
            ("图解".into(), Span::new(110, 116)),
            ("动漫".into(), Span::new(118, 124)),
        ]
    );
    assert_eq!(raw(&f, &text_cell("无")), Raw::Array(Vec::new()));
    assert_eq!(raw(&f, &text_cell("[]")), Raw::Array(Vec::new()));
}

#[test]
fn sets_take_every_separator_and_trim_full_width_spaces() {
    let f = fact(FactType::Set(members(&[
        "新闻发布会",
        "图表",
        "图解",
        "音视频",
        "H5 页面",
    ])));
    let names = |text: &str| -> Vec<String> {
        let Raw::Array(elements) = raw(&f, &text_cell(text)) else {
            panic!("not a list")
        };
        elements
            .into_iter()
            .map(|e| match e.raw {
                Raw::String(s) => s,
                other => panic!("{other:?}"),
            })
            .collect()
    };
    assert_eq!(
        names("新闻发布会、图表；音视频"),
        ["新闻发布会", "图表", "音视频"]
    );
    assert_eq!(
        names("\u{3000}图表，图解;音视频|新闻发布会\n图表\r\n图解｜音视频"),
        [
            "图表",
            "图解",
            "音视频",
            "新闻发布会",
            "图表",
            "图解",
            "音视频"
        ]
    );
    // Written with other spaces or full-width letters, a member is still itself.
    assert_eq!(names("新闻 发布会、Ｈ５页面"), ["新闻发布会", "H5 页面"]);
    // Anything else goes on as written, for `validate` to refuse.
    assert_eq!(names("图表 图解"), ["图表 图解"]);
}

/// The pieces of a set's cell as the characters say: split at every separator
/// character, each piece trimmed and kept unless empty, with its offset.
fn pieces_by_characters(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    let ends = text
        .char_indices()
        .filter(|(_, c)| SET_SEPARATORS.contains(c))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain([(text.len(), text.len())]);
    for (end, next) in ends {
        let piece = &text[start..end];
        let written = piece.trim();
        if !written.is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            out.push((start + lead, written.to_string()));
        }
        start = next;
    }
    out
}

#[test]
fn set_pieces_split_as_the_characters_say() {
    let pool: Vec<char> = "图解、，,;；|｜､\n\r 　a1政务公开éß😀［］无\u{3001}\u{FF0C}"
        .chars()
        .collect();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let len = (next() % 12) as usize;
        let text: String = (0..len)
            .map(|_| pool[(next() % pool.len() as u64) as usize])
            .collect();
        let mut pieces = Vec::new();
        set_pieces(&text, |at, written| pieces.push((at, written.to_string())));
        assert_eq!(pieces, pieces_by_characters(&text), "{text:?}");
    }
}

/// What the lists say a spelled text is: the definition [`spelled_yes_no`] is
/// tested against.
fn listed_yes_no(t: &str) -> Option<bool> {
    if YES.iter().any(|y| y.eq_ignore_ascii_case(t)) {
        Some(true)
    } else if NO.iter().any(|n| n.eq_ignore_ascii_case(t)) {
        Some(false)
    } else {
        None
    }
}

/// The text with its printable ASCII in full-width forms, as [`fold_width`] folds
/// them back.
fn fold_back(t: &str) -> String {
    t.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            c => c,
        })
        .collect()
}

#[test]
fn yes_and_no_are_told_as_the_lists_tell_them() {
    let mut texts: Vec<String> = vec!["".into(), "是的".into(), "yess".into()];
    for spelling in YES.iter().chain(&NO).chain(&NEVER) {
        // Every mix of upper and lower case, and the spelling cut short or run on.
        let letters: Vec<char> = spelling.chars().collect();
        for mask in 0..1u32 << letters.len() {
            let mixed: String = letters
                .iter()
                .enumerate()
                .map(|(i, c)| match mask >> i & 1 {
                    1 => c.to_ascii_uppercase(),
                    _ => *c,
                })
                .collect();
            texts.push(format!("{mixed}x"));
            texts.push(mixed[..mixed.len() - letters[letters.len() - 1].len_utf8()].into());
            texts.push(mixed);
        }
    }
    // Every character alone, and every pair of ASCII characters: no other text of
    // at most five bytes is a spelling.
    texts.extend((0..=0x10FFFF).filter_map(char::from_u32).map(String::from));
    for a in 0..128u8 {
        texts.extend((0..128u8).map(|b| String::from_utf8(vec![a, b]).unwrap()));
    }
    let mut told = [0, 0];
    for t in &texts {
        let answer = spelled_yes_no(t);
        assert_eq!(answer, listed_yes_no(t), "{t:?}");
        // And as written in a cell: with spaces, in full-width forms.
        for written in [t.clone(), format!(" {t}\u{3000}"), fold_back(t)] {
            let listed = listed_yes_no(&spelled(&written));
            assert_eq!(yes_no(&written), listed, "{written:?}");
            if written != *t && answer.is_some() {
                assert_eq!(listed, answer, "{written:?}");
            }
        }
        if let Some(yes) = answer {
            told[usize::from(yes)] += 1;
        }
    }
    assert!(told[0] > 40 && told[1] > 40, "{told:?}");
    assert_eq!(yes_no(" ＴＲＵＥ\u{3000}"), Some(true));
    assert_eq!(yes_no("\u{200B}否"), Some(false));
}

#[test]
fn iso_days_are_read_as_the_scanner_reads_them() {
    let mut days = 0;
    for year in [0, 1, 999, 1900, 2000, 2020, 2021, 2100, 9999] {
        for month in 0..=13 {
            for day in 0..=32 {
                let t = format!("{year:04}-{month:02}-{day:02}");
                let scanned = match scanned_date(&t) {
                    DateText::Day(d) => Some(d),
                    _ => None,
                };
                assert_eq!(iso_day(&t), scanned, "{t}");
                days += usize::from(scanned.is_some());
            }
        }
    }
    // The years 0, 2000 and 2020 are leap years.
    assert_eq!(days, 9 * 365 + 3);
    for t in [
        "2020-1-02",
        "2020/01/02",
        "2020-01-2",
        "2020-01-0a",
        "2020-01-02 ",
        "2020-01-02T08:00",
        "2020年01月02日",
        "20200-01-02",
        "",
    ] {
        assert_eq!(iso_day(t), None, "{t}");
    }
}

#[test]
fn names_of_their_own_are_told_by_their_bytes() {
    let mut own = 0;
    for c in (0..0x11000).filter_map(char::from_u32) {
        for t in [
            c.to_string(),
            format!("单位{c}"),
            format!("{c}区"),
            format!("a {c}"),
        ] {
            let name = normalise_name(&t);
            assert_eq!(name, normalised_by_characters(&t), "{t:?}");
            own += usize::from(name == t);
        }
    }
    assert!(own > 200_000, "{own}");
}

#[test]
fn folds_are_told_by_their_bytes() {
    let mut folding = 0;
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        folding += usize::from(folds(c));
        for t in [c.to_string(), format!("图{c}"), format!("{c}a、")] {
            assert_eq!(any_folds(&t), t.chars().any(folds), "{c:?}");
            let dropped = fold_width(&t).chars().count() < t.chars().count();
            assert_eq!(drops_any(&t), dropped, "{c:?}");
        }
    }
    // U+FF01 to U+FF5E, U+3000, U+00A0, U+2000 to U+200D, U+202F, U+205F, U+2060,
    // U+FEFF and U+2212.
    assert_eq!(folding, 94 + 1 + 1 + 14 + 1 + 1 + 1 + 1 + 1);
    assert!(!any_folds(""));
}

#[test]
fn separators_and_spaces_are_told_by_their_bytes() {
    let mut separators = 0;
    for c in (0..0x11000).filter_map(char::from_u32) {
        let mut buffer = [0; 4];
        let text = c.encode_utf8(&mut buffer);
        let len = separator_len(text.as_bytes(), 0);
        assert_eq!(len > 0, SET_SEPARATORS.contains(&c), "{c:?}");
        let lead = usize::from(text.as_bytes()[0]);
        assert_eq!(usize::from(CHARACTER_LEN[lead]), c.len_utf8(), "{c:?}");
        if len > 0 {
            assert_eq!(len, text.len());
            assert!(MAY_SEPARATE[usize::from(text.as_bytes()[0])], "{c:?}");
            separators += 1;
        }
        if c.is_whitespace() {
            assert!(may_start_space(text.as_bytes()[0]), "{c:?}");
        }
        for t in [
            text.to_string(),
            format!("a{c}"),
            format!("{c}b"),
            format!(" {c}图"),
        ] {
            assert_eq!(trim(&t), t.trim(), "{t:?}");
            assert_eq!(is_blank_text(&t), t.trim().is_empty(), "{t:?}");
        }
    }
    assert_eq!(separators, SET_SEPARATORS.len());
    assert_eq!(trim(""), "");
}

#[test]
fn a_member_called_none_is_a_member() {
    let f = fact(FactType::Set(members(&["有", "无"])));
    let Raw::Array(elements) = raw(&f, &text_cell("无")) else {
        panic!("not a list")
    };
    assert_eq!(elements.len(), 1);
}

#[test]
fn names_are_compared_without_width_or_spacing() {
    assert_eq!(normalise_name("台　山　市"), "台山市");
    assert_eq!(normalise_name(" 台山市 "), "台山市");
    assert_eq!(normalise_name("ＡＢＣ区"), "ABC区");
    assert_eq!(normalise_name("江门市 （区）"), "江门市(区)");
    assert_eq!(normalise_name("Open   Data  Office"), "Open Data Office");
    assert_eq!(
        normalise_name("决策预公开 / 未做意见征集"),
        "决策预公开/未做意见征集"
    );
    assert_eq!(normalise_name("H5 页面"), "H5页面");
    assert_eq!(normalise_name("a\u{200B}b"), "ab");
}
