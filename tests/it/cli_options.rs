//! The command line as people expect it (issue 17, point 5): `explain` reads a sheet
//! (`--encoding`, `--sheet`, `--unit`), `--output`'s extension chooses the format and
//! contradictions are refused, `check` takes folders and standard input, tables fit
//! the terminal, completions and a manual page, `fmt` keeps CRLF and a byte-order
//! mark, and `--color` with `NO_COLOR` and `CLICOLOR_FORCE`.

use crate::common;
use std::io::Write as _;
use std::process::{Command, Output, Stdio};

const RULE: &str = "rules/jiangmen-2020/county.rule";
const PLAIN: &str = "tests/diff/spreadsheet/county.csv";

/// Runs `kaohe` with `args`, the environment `env` (the colour and width variables
/// removed first, so that the caller's shell does not decide), and `input` on stdin.
fn run(args: &[&str], env: &[(&str, &str)], input: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kaohe"));
    c.args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .envs(env.iter().copied())
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("runs kaohe");
    if let Some(text) = input {
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(text.as_bytes()).expect("writes stdin");
    }
    child.wait_with_output().expect("waits for kaohe")
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8")
}

fn scratch(name: &str) -> common::Scratch {
    common::Scratch::new(&format!("cli-options-{name}"))
}

#[test]
fn explain_reads_one_unit_of_a_sheet() {
    let o = run(
        &[
            "explain",
            RULE,
            "tests/office/filled.xlsx",
            "--sheet",
            "考核表",
            "--unit",
            "台山市",
        ],
        &[],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("台山市"), "{}", out(&o));
    assert!(!out(&o).contains("蓬江区"), "{}", out(&o));

    let o = run(
        &[
            "explain",
            RULE,
            "tests/office/filled-gbk.csv",
            "--encoding",
            "gbk",
            "--unit",
            "恩 平 市",
        ],
        &[],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("恩平市"));
    assert!(!out(&o).contains("台山市"));
    // `--encoding gbk` says it: no warning that GBK was detected.
    assert!(!err(&o).contains("encoding_detected"), "{}", err(&o));

    let o = run(&["explain", RULE, PLAIN, "--unit", "台山"], &[], None);
    assert!(!o.status.success());
    assert!(err(&o).contains("kaohe::evidence::unit"), "{}", err(&o));
    assert!(err(&o).contains("has no unit `台山`"), "{}", err(&o));
    assert!(err(&o).contains("did you mean `台山市`?"), "{}", err(&o));
    assert!(out(&o).is_empty());
}

#[test]
fn the_output_extension_chooses_the_format() {
    let dir = scratch("extension");
    let json = dir.join("排名.json");
    let o = run(
        &["eval", RULE, PLAIN, "--output", json.to_str().unwrap()],
        &[],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).expect("JSON");
    assert_eq!(report["units"].as_array().map(Vec::len), Some(3));

    let csv = dir.join("排名.csv");
    let o = run(
        &["eval", RULE, PLAIN, "-o", csv.to_str().unwrap()],
        &[],
        None,
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(std::fs::read_to_string(&csv)
        .unwrap()
        .contains("1,蓬江区,97,"));

    let xlsx = dir.join("表.xlsx");
    let o = run(&["template", RULE, "-o", xlsx.to_str().unwrap()], &[], None);
    assert!(o.status.success(), "{}", err(&o));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
}

#[test]
fn a_format_the_extension_contradicts_is_refused() {
    let dir = scratch("contradicts");
    for (args, message) in [
        (
            vec!["--format", "json", "-o", "排名.csv"],
            "`--format json` contradicts the output file",
        ),
        (vec!["-o", "排名.pdf"], "kaohe writes no `.pdf` file here"),
        (
            vec!["--format", "md", "-o", "排名.docx"],
            "kaohe writes no `.docx` file here",
        ),
    ] {
        let target = dir.join(args.last().unwrap());
        let mut all = vec!["eval", RULE, PLAIN];
        let path = target.to_str().unwrap().to_string();
        all.extend(args[..args.len() - 1].iter().copied());
        all.push(&path);
        let o = run(&all, &[], None);
        assert!(!o.status.success(), "{args:?}");
        assert!(err(&o).contains("kaohe::io::output_format"), "{}", err(&o));
        assert!(err(&o).contains(message), "{}", err(&o));
        assert!(!target.exists(), "{args:?} wrote {}", target.display());
    }
}

#[test]
fn check_takes_folders_and_standard_input() {
    let o = run(&["check", "rules/jiangmen-2020"], &[], None);
    assert!(o.status.success(), "{}", err(&o));

    let empty = scratch("no-rules");
    let o = run(&["check", empty.to_str().unwrap()], &[], None);
    assert!(!o.status.success());
    assert!(err(&o).contains("holds no `.rule` file"), "{}", err(&o));

    let text = std::fs::read_to_string(RULE).unwrap();
    let o = run(&["check", "-"], &[], Some(&text));
    assert!(o.status.success(), "{}", err(&o));
    let broken = format!("{text}\n@@@ 不是规则\n");
    let o = run(&["check", "-"], &[("NO_COLOR", "1")], Some(&broken));
    assert!(!o.status.success());
    assert!(err(&o).contains("<stdin>"), "{}", err(&o));
}

#[test]
fn tables_fit_the_terminal() {
    let wide = run(&["eval", RULE, PLAIN], &[], None);
    let widest = out(&wide)
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap();
    assert!(widest > 120, "the whole table is {widest} wide");
    for columns in [120u16, 100] {
        let o = run(
            &["eval", RULE, PLAIN],
            &[("COLUMNS", &columns.to_string())],
            None,
        );
        assert!(o.status.success(), "{}", err(&o));
        for line in out(&o).lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= usize::from(columns),
                "{columns}: {line}"
            );
        }
        // Still a table, each unit on one line.
        assert_eq!(out(&o).lines().filter(|l| l.contains("蓬江区")).count(), 1);
        assert!(out(&o).contains("┆"));
    }
    // Too narrow for the columns: a block per unit, its headings in the run's language.
    let o = run(
        &["eval", RULE, PLAIN, "--lang", "zh"],
        &[("COLUMNS", "60")],
        None,
    );
    let text = out(&o);
    assert!(!text.contains("┆"), "{text}");
    assert!(
        text.contains("1. 蓬江区  总分 (100): 97\n   主动公开 (30): 28\n"),
        "{text}"
    );
}

#[test]
fn completions_and_a_manual_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = run(&["completions", shell], &[], None);
        assert!(o.status.success(), "{shell}: {}", err(&o));
        let text = out(&o);
        assert!(text.contains("kaohe"), "{shell}");
        assert!(text.contains("explain"), "{shell}");
        assert!(text.contains("unit"), "{shell}");
    }
    let o = run(&["completions", "tcsh"], &[], None);
    assert!(!o.status.success());
    let o = run(&["man"], &[], None);
    assert!(o.status.success(), "{}", err(&o));
    let page = out(&o);
    assert!(page.contains(".TH kaohe 1"), "{page}");
    assert!(page.contains("completions"), "{page}");
}

#[test]
fn fmt_keeps_crlf_and_a_byte_order_mark() {
    let dir = scratch("crlf");
    let canonical = std::fs::read_to_string("rules/examples/illustration-2021.rule").unwrap();
    let notepad = format!("\u{feff}{}", canonical.replace('\n', "\r\n"));
    let path = dir.join("a.rule");
    std::fs::write(&path, &notepad).unwrap();
    let p = path.to_str().unwrap();

    // Canonical but for its line ends and mark: nothing to do.
    let o = run(&["fmt", "--check", p], &[], None);
    assert!(o.status.success(), "{}{}", out(&o), err(&o));

    // One line out of place: the diff shows that line, and writing keeps the style.
    let line = canonical
        .lines()
        .find(|l| l.starts_with("  section"))
        .expect("an indented section");
    let moved = notepad.replacen(line, &format!("    {}", line.trim_start()), 1);
    std::fs::write(&path, &moved).unwrap();
    let o = run(&["fmt", "--check", p], &[], None);
    assert!(!o.status.success());
    let diff = out(&o);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('-') || l.starts_with('+'))
                && !l.starts_with("---")
                && !l.starts_with("+++")
        })
        .collect();
    assert_eq!(changed.len(), 2, "{diff}");
    assert!(!diff.contains('\r'), "{diff:?}");
    let o = run(&["fmt", p], &[], None);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), notepad);

    // Standard input, formatted onto standard output.
    let o = run(&["fmt", "-"], &[], Some(&moved.replace("\r\n", "\n")));
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), canonical);
}

#[test]
fn color_as_asked_and_as_the_environment_says() {
    let dir = scratch("color");
    let bad = dir.join("bad.csv");
    let text = std::fs::read_to_string(PLAIN).unwrap();
    std::fs::write(&bad, text.replacen(",6,", ",abc,", 1)).unwrap();
    let b = bad.to_str().unwrap();
    let colored = |o: &Output| err(o).contains("\u{1b}[");
    let o = run(&["eval", RULE, b, "--color", "always"], &[], None);
    assert!(!o.status.success());
    assert!(colored(&o), "{}", err(&o));
    let o = run(
        &["eval", RULE, b, "--color", "never"],
        &[("CLICOLOR_FORCE", "1")],
        None,
    );
    assert!(!colored(&o), "{}", err(&o));
    let o = run(&["eval", RULE, b], &[("CLICOLOR_FORCE", "1")], None);
    assert!(colored(&o), "{}", err(&o));
    let o = run(
        &["eval", RULE, b],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        None,
    );
    assert!(!colored(&o), "{}", err(&o));
    // Into a pipe, by default: none.
    let o = run(&["eval", RULE, b], &[], None);
    assert!(!colored(&o), "{}", err(&o));
    assert!(
        err(&o).contains("must be a whole number, not `abc`"),
        "{}",
        err(&o)
    );
}
