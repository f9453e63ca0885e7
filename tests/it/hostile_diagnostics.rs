//! Diagnostics on hostile inputs stay small, exact and quick to make: labels far
//! into enormous lines (miette measured columns in a `u16` and panicked past 65,535),
//! many problems of one kind, many labels, and the quadratic paths of `check`, `fmt`,
//! `diff` and evidence reading. The large inputs are made by the tests. Nothing here
//! is timed: the sizes that were slow are benchmarks (`benches/hostile.rs`); these
//! tests assert what is printed.

use crate::common;
use crate::run;

#[path = "../../fuzz/src/diagnostic_check.rs"]
mod diagnostic_check;

use kaohe::diagnostic::{render_human, Diagnostic, HumanStyle, LINE_CHARS, MAX_LABELS, WINDOW};
use kaohe::source::SourceFile;
use kaohe::span::Span;
use proptest::prelude::*;
use run::{kaohe, stderr};
use unicode_width::UnicodeWidthChar;

fn scratch(name: &str) -> common::Scratch {
    common::Scratch::new(&format!("hostile-{name}"))
}

/// A diagnostic with one primary label on `span` of `text`, rendered without colour.
fn rendered(text: &str, spans: &[Span]) -> String {
    let source = SourceFile::new("t.txt", text);
    let mut d = Diagnostic::error("kaohe::test", "a test");
    for (i, s) in spans.iter().enumerate() {
        d = if i == 0 {
            d.primary(*s, "here")
        } else {
            d.label(*s, format!("label {i}"))
        };
    }
    render_human(&d.with_source(&source), HumanStyle::Plain)
}

/// The texts underlined in a rendering: for each source line drawn (` N │ text`), the
/// characters above each run of `─`, `┬` or `┼` in the row below it, by display
/// column, as miette measures them.
fn underlined(out: &str) -> Vec<String> {
    let rows: Vec<&str> = out.lines().collect();
    let mut found = Vec::new();
    for pair in rows.windows(2) {
        let (Some((gutter, text)), Some((mark_gutter, marks))) =
            (pair[0].split_once(" │ "), pair[1].split_once(" · "))
        else {
            continue;
        };
        if gutter.trim().parse::<usize>().is_err() || !mark_gutter.trim().is_empty() {
            continue;
        }
        // The display columns each character of the line covers.
        let mut columns = Vec::new();
        let mut at = 0;
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            columns.push((at, at + w.max(1), c));
            at += w;
        }
        let marks: Vec<char> = marks.chars().collect();
        let mut i = 0;
        while i < marks.len() {
            if matches!(marks[i], '─' | '┬' | '┼') {
                let start = i;
                while i < marks.len() && matches!(marks[i], '─' | '┬' | '┼') {
                    i += 1;
                }
                found.push(
                    columns
                        .iter()
                        .filter(|(a, _, _)| *a >= start && *a < i)
                        .map(|(_, _, c)| *c)
                        .collect(),
                );
            } else {
                i += 1;
            }
        }
    }
    found
}

/// The `line:column` of the first snippet's header.
fn header(out: &str) -> &str {
    let at = out.find("[t.txt:").expect("a snippet header") + "[t.txt:".len();
    &out[at..at + out[at..].find(']').expect("header ends")]
}

/// A line of `n` distinct-looking characters: Chinese ones, with astral ones (two
/// columns wide, four bytes) every seventh.
fn mixed(n: usize) -> String {
    (0..n)
        .map(|i| {
            if i % 7 == 3 {
                char::from_u32(0x20000 + (i % 500) as u32).expect("a CJK extension B character")
            } else {
                char::from_u32(0x4E00 + (i % 2000) as u32).expect("a CJK character")
            }
        })
        .collect()
}

/// The byte offset of the `n`th character of `s`.
fn at_char(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

#[test]
fn a_label_past_65535_columns_is_drawn_on_an_excerpt() {
    let text = format!("{}目标 after\n", "a".repeat(70_000));
    let out = rendered(&text, &[Span::new(70_000, 70_006)]);
    assert_eq!(underlined(&out), ["目标"]);
    assert_eq!(header(&out), "1:70001");
    assert!(out.len() < 1000, "{} bytes", out.len());
    assert!(out.contains('…'), "the cut is marked:\n{out}");
}

#[test]
fn labels_at_the_start_and_the_end_of_an_enormous_line() {
    let line = mixed(200_000);
    let text = format!("{line}\n");
    let first = Span::new(0, at_char(&line, 2));
    let out = rendered(&text, &[first]);
    assert_eq!(underlined(&out), [line.chars().take(2).collect::<String>()]);
    assert_eq!(header(&out), "1:1");
    assert!(out.len() < 2000, "{} bytes", out.len());

    let last = Span::new(at_char(&line, 199_997), line.len());
    let out = rendered(&text, &[last]);
    assert_eq!(
        underlined(&out),
        [line.chars().skip(199_997).collect::<String>()]
    );
    assert_eq!(header(&out), "1:199998");
    assert!(out.len() < 2000, "{} bytes", out.len());
}

#[test]
fn chinese_and_astral_characters_are_underlined_exactly() {
    let line = mixed(100_000);
    let text = format!("before\n{line}\nafter\n");
    for start in [0, 1, 3, 59, 60, 61, 70_000, 99_990] {
        let a = 7 + at_char(&line, start);
        let b = 7 + at_char(&line, start + 5);
        let out = rendered(&text, &[Span::new(a, b)]);
        let want: String = line.chars().skip(start).take(5).collect();
        assert_eq!(underlined(&out), [want], "at character {start}:\n{out}");
        assert_eq!(header(&out), format!("2:{}", start + 1));
    }
}

#[test]
fn two_labels_far_apart_on_one_line_each_get_a_window() {
    let line = mixed(150_000);
    let text = format!("{line}\n");
    let a = Span::new(at_char(&line, 10), at_char(&line, 12));
    let b = Span::new(at_char(&line, 120_000), at_char(&line, 120_003));
    let out = rendered(&text, &[b, a]);
    let mut got = underlined(&out);
    got.sort();
    let mut want: Vec<String> = vec![
        line.chars().skip(10).take(2).collect(),
        line.chars().skip(120_000).take(3).collect(),
    ];
    want.sort();
    assert_eq!(got, want, "{out}");
    assert_eq!(header(&out), "1:120001");
    assert!(out.len() < 3000, "{} bytes", out.len());
}

#[test]
fn a_label_on_an_empty_line_between_enormous_ones() {
    let long = "x".repeat(300_000);
    let text = format!("{long}\n\n{long}\n");
    let out = rendered(&text, &[Span::new(300_001, 300_001)]);
    assert_eq!(header(&out), "2:1");
    assert!(
        out.len() < 2 * LINE_CHARS + 600,
        "{} bytes:\n{out}",
        out.len()
    );
}

#[test]
fn a_label_covering_an_enormous_cell_shows_its_two_ends() {
    let cell = "y".repeat(5_000_000);
    let text = format!("unit,{cell},z\n");
    let out = rendered(&text, &[Span::new(5, 5 + cell.len())]);
    assert_eq!(header(&out), "1:6");
    assert!(out.len() < 8 * WINDOW + 600, "{} bytes", out.len());
}

#[test]
fn a_label_at_the_end_of_a_file_without_a_final_line_break() {
    let text = "z".repeat(100_000);
    let out = rendered(&text, &[Span::new(100_000, 100_000)]);
    assert_eq!(header(&out), "1:100001");
    assert!(out.len() < 1000, "{} bytes", out.len());
    let out = rendered("", &[Span::new(0, 0)]);
    assert_eq!(header(&out), "1:1");
}

#[test]
fn at_most_max_labels_are_drawn_and_the_rest_are_counted() {
    let text: String = (0..1000).map(|i| format!("line {i}\n")).collect();
    let spans: Vec<Span> = (0..1000)
        .map(|i| {
            let at = text.find(&format!("line {i}\n")).expect("line");
            Span::new(at, at + 4)
        })
        .collect();
    let out = rendered(&text, &spans);
    assert_eq!(underlined(&out).len(), MAX_LABELS, "{out}");
    assert!(
        out.contains(&format!("{} more labels are not shown", 1000 - MAX_LABELS)),
        "{out}"
    );
}

#[test]
fn a_70000_character_title_then_an_error_is_reported_not_a_panic() {
    let dir = scratch("title");
    let rule = dir.join("long.rule");
    let title = "长".repeat(70_000);
    std::fs::write(
        &rule,
        format!("rubric {title} total 10\nyear 2020\nsection 甲 8 {{\n  item 乙 8 {{\n    fact 丙 bool\n    if 丙 -8\n  }}\n}}\n"),
    )
    .expect("writes");
    let o = kaohe(&["check", rule.to_str().expect("utf-8")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("kaohe::"), "{err}");
    assert!(err.len() < 5000, "{} bytes", err.len());
}

/// The header of the county table's CSV template.
fn county_header() -> String {
    let o = kaohe(&["template", COUNTY, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).expect("utf-8");
    text.trim_start_matches('\u{feff}')
        .lines()
        .next()
        .expect("a header")
        .to_string()
}

const COUNTY: &str = "rules/jiangmen-2020/county.rule";

#[test]
fn a_header_of_2000_unknown_columns_gives_bounded_diagnostics() {
    let dir = scratch("wide");
    let csv = dir.join("wide.csv");
    let n = 2000;
    let header: Vec<String> = std::iter::once("单位".to_string())
        .chain((0..n).map(|i| format!("无此列{i}")))
        .collect();
    let row: Vec<&str> = std::iter::once("甲").chain((0..n).map(|_| "1")).collect();
    std::fs::write(&csv, format!("{}\n{}\n", header.join(","), row.join(","))).expect("writes");
    let o = kaohe(&["eval", COUNTY, csv.to_str().expect("utf-8")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(!err.contains("panicked"));
    // The first 1,000 problems of the file, among them the columns the header lacks.
    let shown = err.matches("kaohe::evidence::unknown").count();
    assert!((990..=1000).contains(&shown), "{shown} shown");
    assert!(
        err.contains("kaohe::evidence::too_many"),
        "{}",
        &err[err.len() - 2000..]
    );
    // Each diagnostic shows an excerpt of the header, not its 20,000 characters.
    assert!(err.len() < 2_000_000, "{} bytes", err.len());
}

#[test]
fn a_five_megabyte_cell_is_reported_in_a_few_lines() {
    let dir = scratch("cell");
    let csv = dir.join("cell.csv");
    let header = county_header();
    let n = header.split(',').count();
    let rest = vec!["否"; n - 2].join(",");
    let cell = "z".repeat(5_000_000);
    std::fs::write(&csv, format!("{header}\n甲,{cell},{rest}\n")).expect("writes");
    let o = kaohe(&["eval", COUNTY, csv.to_str().expect("utf-8")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("kaohe::evidence::value"),
        "{}",
        &err[..err.len().min(2000)]
    );
    assert!(
        err.contains("cell.csv:2:3]"),
        "{}",
        &err[..err.len().min(2000)]
    );
    assert!(err.len() < 100_000, "{} bytes", err.len());
}

/// The reports that lay every unit out at once keep score sheets up to a weight: a
/// table of 200 items, each with a step of its trace, weighs 401 a unit, so a few
/// thousand units are more than `--format xlsx` keeps (the unit count alone let 20,000
/// units of 300 items take 16 GB). `--format json` writes them unit by unit.
#[test]
fn more_units_than_xlsx_keeps_end_in_a_diagnostic_that_suggests_csv() {
    let dir = scratch("units");
    let rule = dir.join("many.rule");
    let mut text = String::from("rubric 表\ntotal 200\nyear 2020\nsection 甲 200 {\n");
    let mut csv = String::from("单位");
    for i in 0..200 {
        text.push_str(&format!(
            "  item 乙{i} 1 {{\n    fact 丙 bool\n    if 丙 -1\n  }}\n"
        ));
        csv.push_str(&format!(",乙{i}/丙"));
    }
    text.push_str("}\n");
    csv.push('\n');
    std::fs::write(&rule, text).expect("writes");
    let weight = 1 + 200 * 2;
    let n = kaohe::report::MAX_SHEETS / weight + 1;
    let row = ",是".repeat(200);
    for i in 0..n {
        csv.push_str(&format!("单位{i}{row}\n"));
    }
    let evidence = dir.join("units.csv");
    std::fs::write(&evidence, csv).expect("writes");
    let (rule, evidence) = (
        rule.to_str().expect("utf-8"),
        evidence.to_str().expect("utf-8"),
    );
    let book = dir.join("units.xlsx");
    let o = kaohe(&["eval", rule, evidence, "-o", book.to_str().expect("utf-8")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!book.exists());
    assert!(err.contains("kaohe::eval::too_many_units"), "{err}");
    assert!(
        err.contains(&format!("{n} units are more than `--format xlsx` keeps")),
        "{err}"
    );
    assert!(err.contains("--format csv"), "{err}");
    let o = kaohe(&["eval", rule, evidence, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(report["units"].as_array().map(Vec::len), Some(n));
    let o = kaohe(&["eval", rule, evidence, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), n + 1);
}

#[test]
fn far_apart_labels_are_drawn_apart_the_primary_first() {
    let text: String = (1..=100).map(|i| format!("line {i}\n")).collect();
    let at = |needle: &str| text.find(needle).expect("line");
    let primary = Span::new(at("line 90\n"), at("line 90\n") + 4);
    let other = Span::new(at("line 5\n"), at("line 5\n") + 6);
    let out = rendered(&text, &[primary, other]);
    assert_eq!(header(&out), "90:1", "{out}");
    assert_eq!(underlined(&out), ["line", "line 5"], "{out}");
    // Only the labels' lines and their context are shown.
    assert!(!out.contains("line 50"), "{out}");
    assert_eq!(out.matches("╭─[").count(), 2, "{out}");
}

/// The pieces random texts are made of: CJK, astral, combining and wide characters,
/// controls, bidirectional overrides, tabs, CRLF and line feeds.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("考核".to_string()),
        Just("𠀋𝄞".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{1b}[2J\u{7}".to_string()),
        Just("\u{202e}\u{2066}".to_string()),
        Just("\t".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\u{0}\u{85}\u{7f}".to_string()),
        "[a-z ]{0,12}",
        (1usize..4).prop_map(|n| "长".repeat(n * 30_000)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The `diagnostics` fuzz target's check (fuzz/src/diagnostic_check.rs) on random
    /// texts with lines up to 90,000 characters, random labels and messages.
    #[test]
    fn any_label_on_any_text_renders_small_and_shows_nothing_hidden(
        pieces in proptest::collection::vec(piece(), 0..12),
        spans in proptest::collection::vec((0usize..400_000, 0usize..400_000), 0..24),
        message in proptest::collection::vec(piece(), 0..3),
    ) {
        let text: String = pieces.concat();
        let spans: Vec<(usize, usize)> = spans
            .iter()
            .map(|&(a, b)| (a % (text.len() + 1), b % (text.len() + 1)))
            .collect();
        let message: String = message.concat().chars().take(500).collect();
        diagnostic_check::check_rendering(&text, &spans, &message);
    }
}
