//! Diagnostics in both languages, as `kaohe` prints them: a few broken rubrics of
//! `tests/ui/` (points that do not add up, a fact not declared, a syntax error) and
//! evidence with mistakes (`tests/ui_lang/`), run with `--lang zh` and `--lang en`,
//! with `KAOHE_LANG=zh`, and under a Chinese system locale (`LANG=zh_CN.UTF-8`). The
//! codes stay the same in both languages; the messages, labels, helps and the help's
//! heading follow the run's language, in the JSON lines too.
//!
//! Accept changed snapshots with `INSTA_UPDATE=always cargo test --test ui_lang`, then
//! read each one.

use std::process::Command;

/// How the language is chosen for a run.
#[derive(Clone, Copy)]
enum Choice {
    Flag(&'static str),
    KaoheLang(&'static str),
    Locale(&'static str),
}

/// What `kaohe` printed on stderr, run with `args` (a subcommand and its arguments)
/// in the language `choice` gives, with every other variable that chooses a language
/// removed.
fn run(choice: Choice, args: &[&str]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kaohe"));
    for name in ["KAOHE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    let mut args = args.to_vec();
    match choice {
        // `--lang` belongs to the subcommand: `kaohe check --lang zh FILE`.
        Choice::Flag(lang) => {
            args.splice(1..1, ["--lang", lang]);
        }
        Choice::KaoheLang(lang) => {
            command.env("KAOHE_LANG", lang);
        }
        Choice::Locale(locale) => {
            command.env("LANG", locale);
        }
    }
    let output = command
        .args(&args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs kaohe");
    assert!(
        !output.status.success(),
        "a broken input must fail: {args:?}"
    );
    String::from_utf8(output.stderr).expect("utf-8")
}

/// `kaohe check` of a fixture of `tests/ui/` in the language `choice` gives; one that
/// only warns is checked with `--deny-warnings`.
fn check(choice: Choice, fixture: &str) -> String {
    let path = format!("tests/ui/{fixture}.rule");
    if WARNING_FIXTURES.contains(&fixture) {
        run(choice, &["check", "--deny-warnings", &path])
    } else {
        run(choice, &["check", &path])
    }
}

const FIXTURES: &[&str] = &[
    "points_sum",
    "undeclared",
    "missing_points",
    "fullwidth_minus",
    "columns_mismatch",
    "pooled_kind",
    "uncapped_regular",
];

/// Fixtures that only warn: checked with `--deny-warnings`, so that they fail.
const WARNING_FIXTURES: &[&str] = &[
    "gain_always_cut",
    "fixed_deductions_exceed",
    "pooled_idle",
    "min_idle",
];

#[test]
fn check_in_chinese_with_the_flag() {
    for fixture in FIXTURES.iter().chain(WARNING_FIXTURES) {
        insta::assert_snapshot!(format!("zh_{fixture}"), check(Choice::Flag("zh"), fixture));
    }
}

#[test]
fn check_in_english_with_the_flag() {
    for fixture in FIXTURES.iter().chain(WARNING_FIXTURES) {
        insta::assert_snapshot!(format!("en_{fixture}"), check(Choice::Flag("en"), fixture));
    }
}

#[test]
fn the_environment_chooses_chinese_as_the_flag_does() {
    for fixture in FIXTURES.iter().chain(WARNING_FIXTURES) {
        let flag = check(Choice::Flag("zh"), fixture);
        assert_eq!(check(Choice::KaoheLang("zh"), fixture), flag, "{fixture}");
        assert_eq!(
            check(Choice::Locale("zh_CN.UTF-8"), fixture),
            flag,
            "{fixture}"
        );
    }
    // The flag comes before the environment.
    let en = check(Choice::Flag("en"), "points_sum");
    let mut command = Command::new(env!("CARGO_BIN_EXE_kaohe"));
    let output = command
        .env("KAOHE_LANG", "zh")
        .env("NO_COLOR", "1")
        .args(["check", "--lang", "en", "tests/ui/points_sum.rule"])
        .output()
        .expect("runs kaohe");
    assert_eq!(String::from_utf8(output.stderr).expect("utf-8"), en);
}

#[test]
fn an_english_locale_gives_english() {
    assert_eq!(
        check(Choice::Locale("en_US.UTF-8"), "points_sum"),
        check(Choice::Flag("en"), "points_sum")
    );
}

#[test]
fn evidence_with_mistakes_in_both_languages() {
    let args = ["eval", "tests/ui_lang/unit.rule", "tests/ui_lang/unit.toml"];
    insta::assert_snapshot!("zh_evidence", run(Choice::Flag("zh"), &args));
    insta::assert_snapshot!("en_evidence", run(Choice::Flag("en"), &args));
}

#[test]
fn json_lines_carry_the_message_in_the_run_language() {
    let args = [
        "check",
        "--message-format",
        "json",
        "tests/ui/points_sum.rule",
    ];
    let zh = run(Choice::Flag("zh"), &args);
    let en = run(Choice::Flag("en"), &args);
    insta::assert_snapshot!("zh_json_points_sum", zh);
    let zh: serde_json::Value = serde_json::from_str(zh.trim()).expect("one JSON line");
    let en: serde_json::Value = serde_json::from_str(en.trim()).expect("one JSON line");
    // The code, the file and the places are the same; only the words differ.
    for key in ["code", "severity", "file", "span", "line", "column"] {
        assert_eq!(zh[key], en[key], "{key}");
    }
    assert_eq!(
        en["message"],
        "the items of `依申请公开` add up to 8, not 12"
    );
    assert_eq!(
        zh["message"],
        "指标 `依申请公开` 的分值为 12 分,其下各项合计 8 分"
    );
}

/// A draft table scored without `--draft`: its sums and its `draft` line as warnings,
/// then the refusal, in both languages.
#[test]
fn a_draft_refused_in_both_languages() {
    let args = [
        "eval",
        "tests/ui/draft_sums.rule",
        "tests/ui_lang/unit.toml",
    ];
    insta::assert_snapshot!("zh_draft_refused", run(Choice::Flag("zh"), &args));
    insta::assert_snapshot!("en_draft_refused", run(Choice::Flag("en"), &args));
}
