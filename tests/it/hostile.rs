//! Hostile inputs, run against the `kaohe` binary (docs/security.md): a rule file that
//! names a calendar outside its folder or a secret file inside it, devices and named
//! pipes named as inputs, files too large to read, and `--output` naming an input.
//! Each run has a deadline, so an attack that makes kaohe hang fails the test instead
//! of hanging it; each asserts the exit status, the diagnostic's code, and that no
//! secret and no raw control byte comes out.
//!
//! The corpus in `tests/hostile/` holds the files that are the same every time; the
//! secrets, links, pipes and large files are made by each test in a folder of its own.

use crate::common;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Text that must never reach stdout or stderr.
const SECRET: &str = "TOPSECRET-5f3a";

/// How long one run may take before it is killed and the test fails: a guard against
/// a run that waits for ever (a named pipe), far above what any run takes, even the
/// signal test's on a loaded machine.
const DEADLINE: Duration = Duration::from_secs(300);

/// A folder of its own for each test.
fn scratch(name: &str) -> common::Scratch {
    common::Scratch::new(&format!("hostile-{name}"))
}

/// Runs `kaohe` in `dir`, failing the test if it has not ended by the deadline (it is
/// then killed). Nothing is given on stdin.
fn kaohe_in(dir: &Path, args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .env("KAOHE_LANG", "en")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs kaohe");
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(DEADLINE) {
        Ok(output) => output.expect("kaohe's output"),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("`kaohe {}` did not end within {DEADLINE:?}", args.join(" "));
        }
    }
}

/// Everything a run printed, stdout then stderr, checked free of the secret and of
/// raw control bytes other than line breaks (the diagnostics are not coloured when
/// stderr is not a terminal).
fn printed(o: &Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!text.contains(SECRET), "the secret was shown:\n{text}");
    assert!(!text.contains("$6$"), "a password hash was shown:\n{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "a control character was printed:\n{text:?}"
    );
    text
}

/// The codes of the diagnostics of a run with `--message-format json`.
fn codes(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

/// The corpus's rubric counting working days, naming `calendar` as given.
fn replies_rule(calendar: &str) -> String {
    let text = std::fs::read_to_string("tests/hostile/replies.rule").unwrap();
    assert!(text.contains("\ncalendar cn\n"));
    text.replace("\ncalendar cn\n", &format!("\ncalendar {calendar}\n"))
}

/// A folder with a secret beside a `rules/` folder that holds `a.rule` naming
/// `calendar`, and the evidence of the corpus.
fn setup(name: &str, calendar: &str) -> common::Scratch {
    let dir = scratch(name);
    std::fs::write(
        dir.join("shadow"),
        format!("root:$6${SECRET}:19000:0:99999:7:::\n"),
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::write(dir.join("rules/a.rule"), replies_rule(calendar)).unwrap();
    std::fs::copy("tests/hostile/reply.toml", dir.join("reply.toml")).unwrap();
    dir
}

/// `kaohe check` and `kaohe eval` on `rules/a.rule` both fail with `code`, showing no
/// secret.
fn refused_with(dir: &Path, code: &str) -> String {
    let check = kaohe_in(dir, &["check", "rules/a.rule", "--message-format", "json"]);
    assert_eq!(check.status.code(), Some(1), "{}", printed(&check));
    assert_eq!(codes(&check), [code], "{}", printed(&check));
    let eval = kaohe_in(dir, &["eval", "rules/a.rule", "reply.toml"]);
    assert_eq!(eval.status.code(), Some(1));
    let text = printed(&eval);
    assert!(text.contains(code), "{text}");
    text
}

#[test]
fn a_calendar_by_an_absolute_path_is_refused_unread() {
    let dir = scratch("absolute");
    let secret = dir.join("shadow");
    let dir = setup("absolute", &format!("{:?}", secret.display().to_string()));
    let text = refused_with(&dir, "kaohe::calendar::outside");
    assert!(text.contains("an absolute path"), "{text}");
    // The same with a system file, which exists on every machine the tests run on.
    std::fs::write(dir.join("rules/a.rule"), replies_rule("\"/etc/passwd\"")).unwrap();
    let text = refused_with(&dir, "kaohe::calendar::outside");
    assert!(!text.contains("root:"), "{text}");
}

#[test]
fn a_calendar_that_climbs_out_with_dot_dot_is_refused_unread() {
    let dir = setup("dotdot", "\"../shadow\"");
    refused_with(&dir, "kaohe::calendar::outside");
    let dir = setup("dotdot-deep", "\"sub/../../shadow\"");
    refused_with(&dir, "kaohe::calendar::outside");
    // Down and up again, staying inside, is a path like any other (here, no file).
    let dir = setup("dotdot-inside", "\"sub/../cal.toml\"");
    std::fs::create_dir_all(dir.join("rules/sub")).unwrap();
    std::fs::copy("rules/calendars/cn.toml", dir.join("rules/cal.toml")).unwrap();
    let o = kaohe_in(&dir, &["check", "rules/a.rule"]);
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
}

/// The calendar a rule file names is read by the run as the rule file is: `--output`
/// naming it is refused by every command that writes a file, and it is left as it was.
#[test]
fn the_output_never_replaces_the_calendar_the_rule_file_names() {
    let dir = setup("output-calendar", "\"cal.toml\"");
    std::fs::copy("rules/calendars/cn.toml", dir.join("rules/cal.toml")).unwrap();
    let before = std::fs::read(dir.join("rules/cal.toml")).unwrap();
    for args in [
        &[
            "eval",
            "rules/a.rule",
            "reply.toml",
            "--format",
            "json",
            "-o",
            "rules/cal.toml",
        ][..],
        &[
            "diff",
            "rules/a.rule",
            "rules/a.rule",
            "-o",
            "rules/cal.toml",
        ],
        &["render", "rules/a.rule", "-o", "rules/cal.toml"],
        &["template", "rules/a.rule", "-o", "rules/cal.toml"],
    ] {
        let mut args = args.to_vec();
        args.extend(["--message-format", "json"]);
        let o = kaohe_in(&dir, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", printed(&o));
        assert_eq!(
            codes(&o),
            ["kaohe::io::output_is_input"],
            "{args:?}: {}",
            printed(&o)
        );
    }
    assert_eq!(std::fs::read(dir.join("rules/cal.toml")).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_calendar_through_a_link_out_of_the_folder_is_refused_unread() {
    let dir = setup("symlink", "\"cal.toml\"");
    std::os::unix::fs::symlink("../shadow", dir.join("rules/cal.toml")).unwrap();
    let text = refused_with(&dir, "kaohe::calendar::outside");
    assert!(text.contains("symbolic link"), "{text}");
    // A link to a folder outside, then a file in it.
    let dir = setup("symlink-folder", "\"up/shadow\"");
    std::os::unix::fs::symlink("..", dir.join("rules/up")).unwrap();
    refused_with(&dir, "kaohe::calendar::outside");
}

#[test]
fn a_secret_inside_the_folder_is_not_a_calendar_and_is_not_shown() {
    // A password file, a `.env` file, and TOML holding a token: none is a calendar,
    // and none of their text may appear, only where each stops being one.
    let cases = [
        (
            "passwd",
            format!("root:$6${SECRET}:0:0:root:/root:/bin/bash\n"),
        ),
        (".env", format!("db_password={SECRET}\n")),
        ("tokens.toml", format!("token = \"{SECRET}\"\n")),
        ("year.toml", format!("[2021]\npassword = \"{SECRET}\"\n")),
        ("dates.toml", format!("[2021]\nholidays = [\"{SECRET}\"]\n")),
    ];
    for (file, text) in cases {
        let dir = setup("inside", &format!("\"{file}\""));
        std::fs::write(dir.join("rules").join(file), text).unwrap();
        let shown = refused_with(&dir, "kaohe::calendar::not_a_calendar");
        assert!(
            shown.contains(&format!("`rules/{file}` is not a calendar")),
            "{shown}"
        );
        assert!(
            shown.contains(&format!("rules/{file}:")),
            "the place is given: {shown}"
        );
    }
}

#[test]
fn the_calendar_shipped_inside_kaohe_counts_working_days() {
    let dir = setup("builtin", "cn");
    let o = kaohe_in(
        &dir,
        &["eval", "rules/a.rule", "reply.toml", "--format", "csv"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
    let csv = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(csv.lines().nth(1).unwrap().contains(",4"), "on time: {csv}");
    let o = kaohe_in(&dir, &["outline", "rules/a.rule"]);
    assert!(printed(&o).contains("working days by cn (2020, 2021)"));
    // A name kaohe does not ship.
    let dir = setup("builtin-unknown", "xx");
    refused_with(&dir, "kaohe::calendar::unknown");
}

#[test]
fn calendar_on_the_command_line_replaces_the_rule_files() {
    // The user's own file may be anywhere, even where a rule file may not point.
    let dir = setup("user", "\"../shadow\"");
    std::fs::copy("tests/hostile/no-holidays.toml", dir.join("mine.toml")).unwrap();
    for command in ["check", "test"] {
        let mut args = vec![command, "rules/a.rule", "--calendar", "mine.toml"];
        if command == "test" {
            // `test` needs cases, and fails on the one without `[expect]`; what
            // matters is that the calendar is accepted.
            args.insert(2, "reply.toml");
        }
        let o = kaohe_in(&dir, &args);
        let text = printed(&o);
        assert!(!text.contains("kaohe::calendar"), "{command}: {text}");
    }
    let o = kaohe_in(
        &dir,
        &[
            "eval",
            "rules/a.rule",
            "reply.toml",
            "--format",
            "csv",
            "--calendar",
            "mine.toml",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
    let csv = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        csv.lines().nth(1).unwrap().contains(",2"),
        "late without holidays: {csv}"
    );
    let o = kaohe_in(
        &dir,
        &[
            "explain",
            "rules/a.rule",
            "reply.toml",
            "--calendar",
            "mine.toml",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
    let o = kaohe_in(
        &dir,
        &[
            "diff",
            "rules/a.rule",
            "rules/a.rule",
            "reply.toml",
            "--calendar",
            "mine.toml",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
    // A user's calendar that is not one is shown in full: the user chose it.
    let o = kaohe_in(
        &dir,
        &[
            "check",
            "rules/a.rule",
            "--calendar",
            "/dev/zero",
            "--message-format",
            "json",
        ],
    );
    assert_eq!(codes(&o), ["kaohe::io::not_a_file"], "{}", printed(&o));
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
}

#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_device_is_never_read() {
    let dir = setup("pipes", "\"pipe.toml\"");
    mkfifo(&dir.join("rules/pipe.toml"));
    // A calendar that is a named pipe: `check` waited on it for ever.
    refused_with(&dir, "kaohe::io::not_a_file");
    // A rule file that is a named pipe, or a device.
    mkfifo(&dir.join("pipe.rule"));
    for rule in ["pipe.rule", "/dev/zero"] {
        let o = kaohe_in(&dir, &["check", rule, "--message-format", "json"]);
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(codes(&o), ["kaohe::io::not_a_file"], "{}", printed(&o));
    }
    // Evidence: a named pipe by name, a link to /dev/zero by name, and both in a folder.
    std::fs::write(dir.join("rules/a.rule"), replies_rule("cn")).unwrap();
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    mkfifo(&dir.join("evidence/pipe.csv"));
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.toml")).unwrap();
    for evidence in ["evidence/pipe.csv", "zero.toml", "evidence"] {
        let o = kaohe_in(
            &dir,
            &["eval", "rules/a.rule", evidence, "--message-format", "json"],
        );
        assert_eq!(o.status.code(), Some(1), "{evidence}");
        assert!(
            codes(&o).contains(&"kaohe::io::not_a_file".to_string()),
            "{evidence}: {}",
            printed(&o)
        );
    }
}

#[test]
fn a_rule_file_past_64_mib_is_refused_unread() {
    let dir = scratch("large");
    let rule = dir.join("big.rule");
    // A sparse file: large, yet nothing written.
    let f = std::fs::File::create(&rule).unwrap();
    f.set_len(64 * 1024 * 1024 + 1).unwrap();
    let o = kaohe_in(&dir, &["check", "big.rule", "--message-format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(codes(&o), ["kaohe::io::too_large"], "{}", printed(&o));
}

/// The bytes of each file, to compare before and after a run.
fn contents(paths: &[&Path]) -> Vec<Vec<u8>> {
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn output_never_replaces_an_input() {
    let dir = setup("output", "cn");
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    std::fs::copy("tests/hostile/reply.toml", dir.join("evidence/reply.toml")).unwrap();
    let rule = dir.join("rules/a.rule");
    let evidence = dir.join("reply.toml");
    let before = contents(&[&rule, &evidence]);
    let refused: &[&[&str]] = &[
        &["render", "rules/a.rule", "-o", "rules/a.rule"],
        &["render", "rules/a.rule", "-o", "./rules/../rules/a.rule"],
        &["template", "rules/a.rule", "-o", "rules/a.rule"],
        &["eval", "rules/a.rule", "reply.toml", "-o", "reply.toml"],
        &[
            "eval",
            "rules/a.rule",
            "reply.toml",
            "--format",
            "csv",
            "-o",
            "rules/a.rule",
        ],
        &[
            "eval",
            "rules/a.rule",
            "evidence",
            "--format",
            "csv",
            "-o",
            "evidence/out.csv",
        ],
        &[
            "eval",
            "rules/a.rule",
            "evidence",
            "-o",
            "evidence/reply.toml",
        ],
        &["diff", "rules/a.rule", "rules/a.rule", "-o", "rules/a.rule"],
        &[
            "diff",
            "rules/a.rule",
            "rules/a.rule",
            "reply.toml",
            "-o",
            "reply.toml",
        ],
    ];
    for args in refused {
        let mut args = args.to_vec();
        args.extend(["--message-format", "json"]);
        let o = kaohe_in(&dir, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", printed(&o));
        assert_eq!(
            codes(&o),
            ["kaohe::io::output_is_input"],
            "{args:?}: {}",
            printed(&o)
        );
    }
    assert_eq!(
        contents(&[&rule, &evidence]),
        before,
        "an input was changed"
    );
    assert!(!dir.join("evidence/out.csv").exists());
    // Through a symbolic link, and a hard link.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("rules/a.rule", dir.join("link.md")).unwrap();
        std::fs::hard_link(&rule, dir.join("hard.md")).unwrap();
        for output in ["link.md", "hard.md"] {
            let o = kaohe_in(
                &dir,
                &[
                    "render",
                    "rules/a.rule",
                    "-o",
                    output,
                    "--message-format",
                    "json",
                ],
            );
            assert_eq!(
                codes(&o),
                ["kaohe::io::output_is_input"],
                "{output}: {}",
                printed(&o)
            );
        }
        assert_eq!(
            contents(&[&rule, &evidence]),
            before,
            "an input was changed"
        );
    }
    // Beside the inputs, or to a device, the report is written.
    let o = kaohe_in(&dir, &["eval", "rules/a.rule", "evidence", "-o", "out.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
    let o = kaohe_in(&dir, &["render", "rules/a.rule", "-o", "/dev/null"]);
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
}

/// The files in `dir` whose names start with `.`.
fn hidden(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn temporary_files_are_unpredictable_and_stale_ones_are_named() {
    let dir = setup("temporary", "cn");
    let o = kaohe_in(&dir, &["render", "rules/a.rule", "-o", "table.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
    assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
    // A file left by a run that was killed: named in a warning, and left alone.
    let stale = ".table.md.kaohe-Ab12Cd.tmp";
    std::fs::write(dir.join(stale), "half a report").unwrap();
    let o = kaohe_in(
        &dir,
        &[
            "render",
            "rules/a.rule",
            "-o",
            "table.md",
            "--message-format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
    assert_eq!(codes(&o), ["kaohe::io::stale_temporary"]);
    assert!(printed(&o).contains(stale));
    assert_eq!(hidden(&dir), [stale]);
    // The temporary file's name is random, made by `tempfile`: two runs take two names.
    std::fs::remove_file(dir.join(stale)).unwrap();
    let o = kaohe_in(&dir, &["render", "rules/a.rule", "-o", "table.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
    assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
}

/// A run stopped by Ctrl-C (SIGINT) or SIGTERM while it writes its report removes its
/// temporary file and exits with 130 or 143. The run is stopped once its temporary
/// file is seen: the JSON report of 18,000 units of sixteen items, each with a step
/// of its trace (about 70 MB; under the weight of sheets the JSON report keeps), takes long
/// enough to write for that.
#[cfg(unix)]
#[test]
fn a_run_stopped_while_writing_leaves_no_temporary_file() {
    let dir = scratch("signal");
    let mut rule = String::from("rubric 表\ntotal 160\nsection 甲 160 {\n");
    let mut csv = String::from("单位");
    for i in 0..16 {
        rule.push_str(&format!(
            "  item 乙{i} 10 {{\n    fact 有 bool \"未按规定公开的情形\"\n    if 有 zero\n  }}\n"
        ));
        csv.push_str(&format!(",乙{i}/有"));
    }
    rule.push_str("}\n");
    csv.push('\n');
    std::fs::write(dir.join("b.rule"), rule).unwrap();
    let row = ",是".repeat(16);
    for n in 0..18_000 {
        csv.push_str(&format!("单位{n}{row}\n"));
    }
    std::fs::write(dir.join("units.csv"), csv).unwrap();
    std::fs::create_dir_all(dir.join("out")).unwrap();
    for (signal, status) in [("TERM", 143), ("INT", 130)] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kaohe"))
            .env("KAOHE_LANG", "en")
            .args([
                "eval",
                "b.rule",
                "units.csv",
                "--format",
                "json",
                "-o",
                "out/r.json",
            ])
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("runs kaohe");
        let (tx, rx) = mpsc::channel();
        let pid = child.id();
        // The deadline: a run that does not end is killed, and the test fails.
        std::thread::spawn(move || {
            if rx.recv_timeout(DEADLINE).is_err() {
                let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            }
        });
        let mut seen = false;
        while child.try_wait().unwrap().is_none() {
            if !hidden(&dir.join("out")).is_empty() {
                seen = true;
                let sent = Command::new("kill")
                    .args([&format!("-{signal}"), &pid.to_string()])
                    .status()
                    .unwrap();
                assert!(sent.success());
                break;
            }
            std::thread::yield_now();
        }
        let ended = child.wait().unwrap();
        let _ = tx.send(());
        assert!(
            seen,
            "the temporary file was never seen: the run ended first"
        );
        assert_eq!(ended.code(), Some(status), "SIG{signal}: {ended:?}");
        assert_eq!(
            hidden(&dir.join("out")),
            Vec::<String>::new(),
            "SIG{signal}"
        );
        assert!(!dir.join("out/r.json").exists());
    }
}
