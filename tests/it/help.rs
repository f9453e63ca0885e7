//! The values `--format` takes, as `--help` lists them: the command line defines them
//! (the library's formats know nothing of clap), and they must stay as they were; and
//! the help of every command in Chinese, clap's own words included.

use crate::run;

use run::{kaohe, stdout};

/// The `--help` of a command, which must succeed.
fn help(command: &str) -> String {
    let o = kaohe(&[command, "--help"]);
    assert_eq!(o.status.code(), Some(0), "{command} --help");
    stdout(&o)
}

#[test]
fn eval_lists_its_formats_and_the_extension_that_chooses_one() {
    assert!(help("eval").contains(
        "      --format <FORMAT>
          The report's format; by default the one `--output`'s extension names (`.xlsx`, `.html`, `.md`, `.json`, `.csv`, `.txt`), else `table`

          Possible values:
          - table: A ranking of the units with each first-level subtotal
          - json:  Every unit's whole score sheet with its trace
          - md:    Each unit's score sheet as a Markdown table laid out like the official one
          - csv:   The ranking as CSV: rank, unit, total, each first-level subtotal
          - xlsx:  A workbook: the ranking, and each unit's score sheet laid out like the official one (needs `--output`)
          - html:  One self-contained page for the screen and A4: the ranking, charts, and each unit's score sheet

  -o, --output"
    ));
}

#[test]
fn template_lists_its_formats_and_the_extension_that_chooses_one() {
    assert!(help("template").contains(
        "      --format <FORMAT>
          The form's format; by default the one `--output`'s extension names (`.toml`, `.csv`, `.xlsx`), else `toml`

          Possible values:
          - toml: One TOML file per unit, every fact described in comments
          - csv:  One row per unit: the header of a CSV file
          - xlsx: One row per unit: an XLSX workbook with notes and drop-down lists

  -o, --output"
    ));
}

#[test]
fn render_lists_its_formats_without_a_default() {
    assert!(help("render").contains(
        "      --format <FORMAT>
          The table's format; by default the one `--output`'s extension names, else `md`

          Possible values:
          - md:   A Markdown table; a first-level cell is written on the first of its rows only
          - html: A self-contained HTML page, printable on A4, first-level cells spanning rows
          - xlsx: An XLSX workbook with merged cells and wrapped text, set up for A4

  -o, --output"
    ));
}

#[test]
fn each_format_is_taken_by_its_name_and_another_refused() {
    for (command, formats) in [
        ("eval", &["table", "json", "md", "csv", "xlsx", "html"][..]),
        ("template", &["toml", "csv", "xlsx"][..]),
        ("render", &["md", "html", "xlsx"][..]),
    ] {
        let mut args = vec![command, "no-such.rule"];
        if command == "eval" {
            args.push("e.toml");
        }
        args.push("--format");
        for format in formats.iter().chain(&["pdf"]) {
            let o = kaohe(&[&args[..], &[format]].concat());
            // A format taken leaves the command to fail on the missing file (1); one
            // not taken is a usage error (2).
            let expected = if *format == "pdf" { 2 } else { 1 };
            assert_eq!(
                o.status.code(),
                Some(expected),
                "{command} --format {format}"
            );
        }
    }
}

const COMMANDS: [&str; 9] = [
    "check", "outline", "eval", "explain", "template", "fmt", "render", "diff", "test",
];

/// The help of a command (or of kaohe, with no command) with `--lang zh`.
fn help_zh(command: Option<&str>, flag: &str) -> String {
    let mut args: Vec<&str> = command.into_iter().collect();
    args.extend([flag, "--lang", "zh"]);
    let o = kaohe(&args);
    assert_eq!(o.status.code(), Some(0), "{command:?} {flag}");
    stdout(&o)
}

#[test]
fn the_chinese_help_of_kaohe_and_eval() {
    insta::assert_snapshot!("help_zh_kaohe", help_zh(None, "--help"));
    insta::assert_snapshot!("help_zh_eval", help_zh(Some("eval"), "--help"));
    insta::assert_snapshot!("help_zh_template_short", help_zh(Some("template"), "-h"));
}

#[test]
fn every_command_helps_in_chinese_without_clap_s_english() {
    for command in COMMANDS {
        for flag in ["--help", "-h"] {
            let text = help_zh(Some(command), flag);
            assert!(text.contains("\n用法: kaohe "), "{command}: {text}");
            assert!(text.contains("\n选项:\n"), "{command}: {text}");
            assert!(text.contains("显示帮助"), "{command}: {text}");
            for english in [
                "Usage:",
                "Options:",
                "Arguments:",
                "Print help",
                "Possible values",
                "possible values",
                "[default",
                "The `.rule` file",
                "How diagnostics are printed",
            ] {
                assert!(
                    !text.contains(english),
                    "{command} {flag}: `{english}` in\n{text}"
                );
            }
        }
        // The English is as it was.
        assert!(help(command).contains("\nUsage: kaohe "));
    }
    let root = help_zh(None, "--help");
    assert!(
        root.contains("\n  help         显示本帮助,或所给命令的帮助\n"),
        "{root}"
    );
    assert!(!root.contains("Print"), "{root}");
}

#[test]
fn the_language_of_the_help_comes_from_kaohe_lang_too() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .env("KAOHE_LANG", "zh")
        .args(["check", "--help"])
        .output()
        .expect("runs kaohe");
    assert!(stdout(&o).starts_with("检查规则文件:"), "{}", stdout(&o));
    // `--lang` comes before the environment, in either of its spellings.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .env("KAOHE_LANG", "zh")
        .args(["check", "--help", "--lang=en"])
        .output()
        .expect("runs kaohe");
    assert!(
        stdout(&o).starts_with("Check rule files:"),
        "{}",
        stdout(&o)
    );
}

/// A run of kaohe with these variables of the environment (the language unset first:
/// the variables given choose it).
fn kaohe_with(env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kaohe"));
    for var in ["KAOHE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied())
        .args(args)
        .output()
        .expect("runs kaohe")
}

/// What a usage error prints on stderr, which must end the run with clap's code 2 and
/// print nothing on stdout.
fn usage_error(env: &[(&str, &str)], args: &[&str]) -> String {
    let o = kaohe_with(env, args);
    assert_eq!(o.status.code(), Some(2), "{args:?}");
    assert_eq!(stdout(&o), "", "{args:?}");
    run::stderr(&o)
}

#[test]
fn a_usage_error_is_said_in_chinese_with_its_tip_and_usage_line() {
    let zh = [("KAOHE_LANG", "zh")];
    assert_eq!(
        usage_error(&zh, &["eval", "a.rule", "e.toml", "--formt", "csv"]),
        "错误: 无法识别的参数 `--formt`\n\n  \
         提示: 有相近的参数:`--format`\n\n\
         用法: kaohe eval --format <FORMAT> <RULE> <EVIDENCE>...\n\n\
         详细说明,请用 `--help` 查看。\n"
    );
    assert_eq!(
        usage_error(&zh, &["check", "--foo"]),
        "错误: 无法识别的参数 `--foo`\n\n  \
         提示: 如要把 `--foo` 作为值传入,请写作 `-- --foo`\n\n\
         用法: kaohe check [OPTIONS] <RULES>...\n\n\
         详细说明,请用 `--help` 查看。\n"
    );
    assert_eq!(
        usage_error(&zh, &["eval"]),
        "错误: 缺少以下必需的参数:\n  <RULE>\n  <EVIDENCE>...\n\n\
         用法: kaohe eval <RULE> <EVIDENCE>...\n\n\
         详细说明,请用 `--help` 查看。\n"
    );
    assert_eq!(
        usage_error(&zh, &["eval", "a.rule", "e.toml", "--format", "pdf"]),
        "错误: `--format <FORMAT>` 的值 `pdf` 无效\n  \
         (可选值:table, json, md, csv, xlsx, html)\n\n\
         详细说明,请用 `--help` 查看。\n"
    );
    assert_eq!(
        usage_error(&zh, &["render", "a.rule", "--format"]),
        "错误: `--format <FORMAT>` 须给出一个值,但没有给出\n  \
         (可选值:md, html, xlsx)\n\n\
         详细说明,请用 `--help` 查看。\n"
    );
    assert_eq!(
        usage_error(
            &zh,
            &["eval", "a.rule", "e.toml", "-o", "a.csv", "-o", "b.csv"]
        ),
        "错误: 参数 `--output <OUTPUT>` 不能重复使用\n\n\
         用法: kaohe eval [OPTIONS] <RULE> [EVIDENCE]...\n\n\
         详细说明,请用 `--help` 查看。\n"
    );
    assert_eq!(
        usage_error(&zh, &["chek", "a.rule"]),
        "错误: 没有 `chek` 这个命令\n\n  \
         提示: 有相近的命令:`check`\n\n\
         用法: kaohe [OPTIONS] <COMMAND>\n\n\
         详细说明,请用 `--help` 查看。\n"
    );
}

#[test]
fn the_language_of_a_usage_error_is_known_before_the_line_is_parsed() {
    let bad = ["check", "--foo"];
    let chinese = "错误: 无法识别的参数 `--foo`\n";
    // `--lang zh` next to the bad argument, before it or after it, in either spelling.
    for args in [
        &["check", "--foo", "--lang", "zh"][..],
        &["--lang", "zh", "check", "--foo"],
        &["check", "--lang=zh", "--foo"],
    ] {
        assert!(usage_error(&[], args).starts_with(chinese), "{args:?}");
    }
    // `KAOHE_LANG`, and a Chinese system locale.
    assert!(usage_error(&[("KAOHE_LANG", "zh")], &bad).starts_with(chinese));
    assert!(usage_error(&[("LANG", "zh_CN.UTF-8")], &bad).starts_with(chinese));
    assert!(usage_error(&[("LC_ALL", "zh_CN.GB18030")], &bad).starts_with(chinese));
    // `--lang en` comes before a Chinese environment; English is clap's own words.
    let english = usage_error(&[("KAOHE_LANG", "zh")], &["check", "--foo", "--lang", "en"]);
    assert_eq!(
        english,
        "error: unexpected argument '--foo' found\n\n  \
         tip: to pass '--foo' as a value, use '-- --foo'\n\n\
         Usage: kaohe check [OPTIONS] <RULES>...\n\n\
         For more information, try '--help'.\n"
    );
    assert!(usage_error(&[("LANG", "en_US.UTF-8")], &bad).starts_with("error: unexpected"));
    // A bad value of `--lang` itself is refused in the language of the environment.
    assert!(usage_error(
        &[("LANG", "zh_CN.UTF-8")],
        &["check", "x.rule", "--lang", "fr"]
    )
    .starts_with("错误: `--lang <LANG>` 的值 `fr` 无效\n  (可选值:zh, en)\n"));
}
