//! The `kaohe` binary: exit codes, output formats, and files written whole or not at all.

use crate::common;
use crate::run;

use run::{kaohe, stderr, stdout};

fn scratch(name: &str) -> common::Scratch {
    common::Scratch::new(&format!("cli-{name}"))
}

const COUNTY: &str = "rules/jiangmen-2020/county.rule";
const DEPARTMENT: &str = "rules/jiangmen-2020/department.rule";

#[test]
fn check_passes_both_tables() {
    let o = kaohe(&["check", COUNTY, DEPARTMENT, "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}

#[test]
fn check_fails_with_json_diagnostics() {
    let dir = scratch("check");
    let rule = dir.join("bad.rule");
    std::fs::write(&rule, "rubric 表\ntotal 10\nsection 甲 8 {\n  item 乙 8 {\n    fact 丙 bool\n    if 丙 -8\n  }\n}\n").unwrap();
    let o = kaohe(&["check", rule.to_str().unwrap(), "--message-format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stderr(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 1);
    let d = &lines[0];
    assert_eq!(d["code"], "kaohe::points::sum");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "the sections add up to 8, not the total 10");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(7))
    );
    // "rubric 表\n" is 11 bytes and "total " 6: the total's `10` starts at byte 17.
    assert_eq!(d["span"]["start"], 17);
    assert!(d["help"].as_str().unwrap().contains("2 short"));
    assert_eq!(d["labels"].as_array().unwrap().len(), 1);
    assert!(d["help"].as_str().unwrap().ends_with("; the parts: 甲 8"));
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let dir = scratch("warn");
    let rule = dir.join("warn.rule");
    std::fs::write(&rule, "rubric 表\ntotal 4\nsection 甲 4 {\n  item 乙 4 {\n    fact 丙 bool\n    fact 丁 bool\n    if 丙 zero\n  }\n}\n").unwrap();
    let path = rule.to_str().unwrap();
    let o = kaohe(&["check", path]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("kaohe::name::unused"));
    assert_eq!(
        kaohe(&["check", path, "--deny-warnings"]).status.code(),
        Some(1)
    );
}

#[test]
fn scoring_commands_refuse_a_rubric_with_warnings_under_deny_warnings() {
    let dir = scratch("deny");
    let rule = dir.join("warn.rule");
    std::fs::write(&rule, "rubric 表\ntotal 4\nsection 甲 4 {\n  item 乙 4 {\n    fact 丙 count\n    if 丙 < 0 zero\n  }\n}\n").unwrap();
    let unit = dir.join("unit.toml");
    std::fs::write(&unit, "unit = \"甲市\"\n[\"乙\"]\n\"丙\" = 3\n").unwrap();
    let (rule, unit) = (rule.to_str().unwrap(), unit.to_str().unwrap());
    let o = kaohe(&["eval", rule, unit]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("kaohe::condition::never"));
    for command in ["eval", "explain"] {
        let o = kaohe(&["--lang", "en", command, rule, unit, "--deny-warnings"]);
        assert_eq!(o.status.code(), Some(1), "{command}");
        assert_eq!(stdout(&o), "", "{command} scored nothing");
        assert!(
            stderr(&o).contains("`--deny-warnings` refuses any"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn eval_refuses_a_deadline_outside_the_year_unless_acknowledged() {
    let dir = scratch("year");
    let text = |allow: &str| {
        format!("rubric 表\ntotal 3\nyear 2020\nsection 甲 3 {{\n  item 乙 3 {{\n    {allow}\n    fact 丙 date\n    deadline 丙 by 2019-12-30 -3\n  }}\n}}\n")
    };
    let unit = dir.join("unit.toml");
    std::fs::write(&unit, "unit = \"甲市\"\n[\"乙\"]\n\"丙\" = 2020-12-20\n").unwrap();
    let rule = dir.join("year.rule");
    std::fs::write(&rule, text("")).unwrap();
    let o = kaohe(&["eval", rule.to_str().unwrap(), unit.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("kaohe::date::outside_year"));
    std::fs::write(&rule, text("allow outside_year")).unwrap();
    let o = kaohe(&["eval", rule.to_str().unwrap(), unit.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}

#[test]
fn eval_table_ranks_units() {
    let o = kaohe(&["eval", COUNTY, "examples/jiangmen-2020/county"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let first = out
        .lines()
        .find(|l| l.contains("┆ 1 ") || l.contains("    1 ┆"))
        .expect("a first row");
    assert!(first.contains("蓬江区") && first.contains("97"), "{out}");
    assert!(out.find("台山市").unwrap() < out.find("恩平市").unwrap());
}

#[test]
fn eval_json_to_a_file() {
    let dir = scratch("json");
    let out = dir.join("scores.json");
    let o = kaohe(&[
        "eval",
        DEPARTMENT,
        "examples/jiangmen-2020/department",
        "--format",
        "json",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let scores: Vec<String> = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["score"].to_string())
        .collect();
    assert_eq!(scores, ["36", "78", "79.27"]);
    // No temporary file is left beside the output.
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

/// Runs `kaohe eval` on the department examples for a CSV ranking, with these
/// arguments more, and checks that it succeeds.
fn eval_department_csv(more: &[&str]) -> std::process::Output {
    let mut args = vec![
        "eval",
        DEPARTMENT,
        "examples/jiangmen-2020/department",
        "--format",
        "csv",
    ];
    args.extend_from_slice(more);
    let o = kaohe(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    o
}

/// The department ranking as `kaohe eval` prints it on stdout, in CSV.
fn department_csv() -> String {
    stdout(&eval_department_csv(&[]))
}

#[test]
fn an_output_through_a_symbolic_link_keeps_the_link() {
    let dir = scratch("symlink");
    let real = dir.join("real.csv");
    let link = dir.join("link.csv");
    let _ = std::fs::remove_file(&link);
    std::fs::write(&real, "old\n").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    eval_department_csv(&["--output", link.to_str().unwrap()]);
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    assert_eq!(std::fs::read_to_string(&real).unwrap(), department_csv());
    let mut left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, ["link.csv", "real.csv"]);
}

/// A named pipe (or a device such as `/dev/null`) named by `--output` is written to. The
/// temporary-file-and-rename way would put a regular file in its place: that is how a
/// machine's `/dev/null` can become a file.
#[test]
fn an_output_to_a_named_pipe_is_written_into_it() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = scratch("fifo");
    let fifo = dir.join("scores.csv");
    let _ = std::fs::remove_file(&fifo);
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // The reader opens the pipe first; opening it blocks until kaohe opens it to write.
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    eval_department_csv(&["--output", fifo.to_str().unwrap()]);
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    // Checked before joining: had the pipe been replaced, the reader would wait forever.
    assert!(kind.is_fifo(), "the pipe was replaced by {kind:?}");
    assert_eq!(reader.join().unwrap(), department_csv());
}

#[test]
fn invalid_evidence_scores_nothing_and_writes_nothing() {
    let dir = scratch("invalid");
    let good = std::fs::read_to_string("examples/jiangmen-2020/county/pengjiang.toml").unwrap();
    std::fs::write(dir.join("a.toml"), &good).unwrap();
    let bad = good
        .replacen("unit = \"蓬江区\"", "unit = \"台山市\"", 1)
        .replacen("= false", "= 3", 1);
    std::fs::write(dir.join("b.toml"), bad).unwrap();
    // Outside the folder of evidence: an output inside it is refused before reading.
    let elsewhere = scratch("invalid-out");
    let out = elsewhere.join("out.json");
    let o = kaohe(&[
        "eval",
        COUNTY,
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("kaohe::evidence::value"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("no unit was scored"));
    assert!(!out.exists());
    // With JSON messages the stream holds JSON alone: no summing-up line.
    let o = kaohe(&[
        "eval",
        COUNTY,
        dir.to_str().unwrap(),
        "--message-format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    for line in stderr(&o).lines() {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_ok(),
            "not JSON: {line}"
        );
    }
}

#[test]
fn the_same_unit_twice_is_an_error() {
    let dir = scratch("twice");
    let good = std::fs::read_to_string("examples/jiangmen-2020/county/pengjiang.toml").unwrap();
    std::fs::write(dir.join("a.toml"), &good).unwrap();
    std::fs::write(dir.join("b.toml"), &good).unwrap();
    let o = kaohe(&["eval", COUNTY, dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("kaohe::evidence::duplicate_unit"));
    assert_eq!(stdout(&o), "");
}

#[test]
fn json_evidence_scores_like_toml() {
    let dir = scratch("jsonev");
    // The same facts as taishan.toml, written as JSON by converting the TOML.
    let toml_text = std::fs::read_to_string("examples/jiangmen-2020/county/taishan.toml").unwrap();
    let value: toml::Value = toml::from_str(&toml_text).unwrap();
    let json = serde_json::to_string_pretty(&to_json(value)).unwrap();
    std::fs::write(dir.join("taishan.json"), json).unwrap();
    let a = kaohe(&[
        "eval",
        COUNTY,
        "examples/jiangmen-2020/county/taishan.toml",
        "--format",
        "json",
    ]);
    let b = kaohe(&[
        "eval",
        COUNTY,
        dir.join("taishan.json").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
    assert_eq!(stdout(&a), stdout(&b));
}

#[test]
fn explain_lists_every_point_lost() {
    let o = kaohe(&[
        "explain",
        DEPARTMENT,
        "examples/jiangmen-2020/department/yanjiushi.toml",
        "--verbose",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "市政府研究室: 2020年市政府各部门政务公开工作要点考核表\nscore 79.27 of 100"
        ),
        "{out}"
    );
    assert!(
        out.contains("机制保障 › 听取汇报: 0 of 4 (4 lost)  [rules/jiangmen-2020/department.rule:")
    );
    assert!(out.contains("行政执法公示: not applicable"));
    // In the table's order: 服务公开 before 听取汇报.
    assert!(out.find("服务公开").unwrap() < out.find("听取汇报").unwrap());
    // Items at full points are not listed.
    assert!(!out.contains("决策预公开"));
}

#[test]
fn missing_files_are_diagnostics() {
    let o = kaohe(&["check", "no/such.rule"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("kaohe::io::read"));
    let o = kaohe(&["eval", COUNTY, "no/such.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no such file"));
}

/// TOML to JSON, with dates as `"YYYY-MM-DD"` texts.
fn to_json(v: toml::Value) -> serde_json::Value {
    match v {
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Table(t) => {
            serde_json::Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
        toml::Value::Array(a) => serde_json::Value::Array(a.into_iter().map(to_json).collect()),
        other => serde_json::to_value(other).unwrap(),
    }
}

/// TOML to block-style YAML: tables indented, lists and tally tables inline, dates bare.
fn to_yaml(v: &toml::Value, indent: usize, out: &mut String) {
    let inline = |v: &toml::Value| -> String {
        match v {
            toml::Value::Datetime(d) => d.to_string(),
            other => serde_json::to_string(&to_json(other.clone())).unwrap(),
        }
    };
    if let toml::Value::Table(t) = v {
        for (k, v) in t {
            out.push_str(&" ".repeat(indent));
            out.push_str(&serde_json::to_string(k).unwrap());
            match v {
                toml::Value::Table(inner) if indent == 0 && !inner.is_empty() => {
                    out.push_str(":\n");
                    to_yaml(v, indent + 2, out);
                }
                other => {
                    out.push_str(": ");
                    out.push_str(&inline(other));
                    out.push('\n');
                }
            }
        }
    }
}

#[test]
fn yaml_evidence_scores_like_toml() {
    let dir = scratch("yamlev");
    for (table, unit) in [("county", "taishan"), ("department", "yanjiushi")] {
        let path = format!("examples/jiangmen-2020/{table}/{unit}.toml");
        let value: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut yaml = String::from("# 由 TOML 转换而来\n");
        to_yaml(&value, 0, &mut yaml);
        let target = dir.join(format!("{unit}.yaml"));
        std::fs::write(&target, yaml).unwrap();
        let rule = format!("rules/jiangmen-2020/{table}.rule");
        let a = kaohe(&["eval", &rule, &path, "--format", "json"]);
        let b = kaohe(&["eval", &rule, target.to_str().unwrap(), "--format", "json"]);
        assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
        assert_eq!(stdout(&a), stdout(&b));
    }
}

#[test]
fn a_test_case_is_also_evidence_for_eval() {
    // `[expect]` is reserved: `kaohe eval` leaves a case's expectations aside.
    let o = kaohe(&[
        "eval",
        DEPARTMENT,
        "examples/jiangmen-2020/cases/department/caizheng.toml",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["units"][0]["score"], serde_json::json!(36));
}

#[test]
fn units_that_cannot_be_scored_are_shown_up_to_a_thousand_and_nothing_is_written() {
    // Every unit says its one item is not applicable, so none has a score.
    let dir = scratch("unscored");
    let rule = dir.join("na.rule");
    std::fs::write(
        &rule,
        "rubric 不适用\ntotal 2\nsection 甲 2 {\n  item 乙 2 {\n    fact 无此职能 bool\n    applicable unless 无此职能\n  }\n}\n",
    )
    .unwrap();
    let mut csv = String::from("单位,乙/无此职能\n");
    for i in 0..1_003 {
        csv.push_str(&format!("单位{i},是\n"));
    }
    let evidence = dir.join("units.csv");
    std::fs::write(&evidence, csv).unwrap();
    let out = dir.join("ranking.csv");
    let o = kaohe(&[
        "eval",
        rule.to_str().unwrap(),
        evidence.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
        "--message-format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists(), "nothing is written");
    let lines: Vec<serde_json::Value> = stderr(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON diagnostic"))
        .collect();
    let count = |code: &str| lines.iter().filter(|d| d["code"] == code).count();
    assert_eq!(count("kaohe::eval::nothing_applicable"), 1_000);
    assert_eq!(count("kaohe::evidence::too_many"), 1);
    let last = lines.last().expect("diagnostics");
    assert_eq!(last["message"], "3 more unit(s) cannot be scored");
}

/// "有得10分, 无扣2分": an item that never reaches 0, acknowledged with `allow
/// zero_unreachable`. `check` passes under `--deny-warnings`, counts the acknowledged
/// warning in a line of its own, in both languages, and lists it with `--verbose`.
#[test]
fn acknowledged_warnings_are_counted_and_pass_deny_warnings() {
    let dir = scratch("acknowledged");
    let rule = dir.join("ack.rule");
    let text = |allow: &str| {
        format!(
            "rubric 表\ntotal 10\nitem 指南 10 {{\n  {allow}\n  fact 有 bool\n  if not 有 -2\n}}\n"
        )
    };
    let path = rule.to_str().unwrap();
    std::fs::write(&rule, text("")).unwrap();
    let o = kaohe(&["check", path, "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("kaohe::points::zero_unreachable"));

    std::fs::write(&rule, text("allow zero_unreachable")).unwrap();
    let o = kaohe(&["check", path, "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "1 warning acknowledged by `allow` in the rule file (`kaohe check --verbose` shows them)\n"
    );
    let o = kaohe(&["check", "--lang", "zh", path, "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stderr(&o),
        "规则文件以 `allow` 确认了 1 个警告 (`kaohe check --verbose` 可列出这些警告)\n"
    );
    let o = kaohe(&["check", path, "--verbose", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(err.contains("kaohe::points::zero_unreachable"), "{err}");
    assert!(
        err.contains("acknowledged by `allow zero_unreachable`"),
        "{err}"
    );
    assert!(
        err.ends_with("1 warning acknowledged by `allow` in the rule file\n"),
        "{err}"
    );
    // JSON lines: acknowledged warnings only with `--verbose`, and no count line.
    let o = kaohe(&["check", path, "--message-format", "json"]);
    assert_eq!(stderr(&o), "");
    let o = kaohe(&["check", path, "--message-format", "json", "--verbose"]);
    let line: serde_json::Value = serde_json::from_str(stderr(&o).trim()).unwrap();
    assert_eq!(line["severity"], "acknowledged");
    // Scoring under `--deny-warnings` is not refused either: 10 − 2 = 8.
    let unit = dir.join("unit.toml");
    std::fs::write(&unit, "unit = \"甲\"\n[\"指南\"]\n\"有\" = false\n").unwrap();
    let o = kaohe(&[
        "eval",
        path,
        unit.to_str().unwrap(),
        "--deny-warnings",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"score\": 8,"), "{}", stdout(&o));
}

/// A draft table: `check` passes with its sums as warnings, `eval` refuses it unless
/// `--draft`, which scores it with a warning; `check --draft` relaxes any file's sums.
#[test]
fn a_draft_is_scored_only_with_draft() {
    let dir = scratch("draft");
    let rule = dir.join("draft.rule");
    let body = "rubric 表\ntotal 10\nsection 甲 8 {\n  item 乙 8 {\n    fact 丙 bool\n    if 丙 -8\n  }\n}\n";
    std::fs::write(&rule, format!("draft\n{body}")).unwrap();
    let unit = dir.join("unit.toml");
    std::fs::write(&unit, "unit = \"某单位\"\n[\"乙\"]\n\"丙\" = false\n").unwrap();
    let (path, unit) = (rule.to_str().unwrap(), unit.to_str().unwrap());
    let o = kaohe(&["check", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("kaohe::points::sum"));
    assert!(stderr(&o).contains("kaohe::rubric::draft"));
    let o = kaohe(&["check", path, "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1));
    let o = kaohe(&["eval", path, unit]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is a draft table"), "{}", stderr(&o));
    let o = kaohe(&["eval", path, unit, "--draft", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("scored from a draft table"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("\"score\": 8,"), "{}", stdout(&o));

    std::fs::write(&rule, body).unwrap();
    let o = kaohe(&["check", path]);
    assert_eq!(o.status.code(), Some(1));
    let o = kaohe(&["check", path, "--draft"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("kaohe::rubric::draft"));
}
