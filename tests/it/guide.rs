//! The commands docs/guide.zh.md shows with their output are run, and their output
//! compared with the guide's, word for word.
//!
//! A command the guide runs is marked by a line `<!-- checked -->` (which Markdown
//! does not show) before its `sh` block, one `kaohe …` line, and is followed by the
//! `text` block of what it prints on stdout. A line `……` in that block stands for any
//! lines left out: the lines before the first `……` begin the output, the lines after
//! the last one end it, and the lines between two of them follow each other in the
//! output, in this order.
//!
//! A command marked `<!-- checked stderr -->` instead shows what it prints on stderr: the
//! diagnostics of a file that has a mistake on purpose. It may end with any exit status.
//! Such a file is shipped, and a line `<!-- file rules/… -->` before a `rule` block says
//! that the block is that file, word for word.
//!
//! Every other command the guide shows (in a `sh` block without a mark) is run too, in
//! a scratch copy of the repository's files as a reader runs it, and checked to succeed
//! (or fail) as the guide says, writing the files it says it writes; a command the
//! test does not know fails it.
//!
//! The test pins `KAOHE_LANG=en` like every other test; the guide is written for Chinese
//! readers, so its commands ask for Chinese themselves with `--lang zh`.

use crate::formats;
use crate::run;

use run::{kaohe, stderr, stdout};

const MARK: &str = "<!-- checked -->";
const MARK_STDERR: &str = "<!-- checked stderr -->";
const FILE: (&str, &str) = ("<!-- file ", " -->");

/// A command of the guide: its line number, its arguments and the output shown.
struct Shown {
    line: usize,
    args: Vec<String>,
    output: Vec<String>,
    stderr: bool,
}

fn shown(guide: &str) -> Vec<Shown> {
    let lines: Vec<&str> = guide.lines().collect();
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let stderr = match line.trim() {
            MARK => false,
            MARK_STDERR => true,
            _ => continue,
        };
        let at = |i: usize| lines.get(i).copied().unwrap_or_default();
        assert_eq!(
            at(n + 1),
            "```sh",
            "line {}: a `sh` block after the mark",
            n + 2
        );
        let command = at(n + 2);
        assert_eq!(at(n + 3), "```", "line {}: one command per block", n + 4);
        let mut i = n + 4;
        while at(i).trim().is_empty() && i < lines.len() {
            i += 1;
        }
        assert_eq!(
            at(i),
            "```text",
            "line {}: its output in a `text` block",
            i + 1
        );
        let output: Vec<String> = lines[i + 1..]
            .iter()
            .take_while(|l| **l != "```")
            .map(|l| l.to_string())
            .collect();
        let args: Vec<String> = command.split_whitespace().map(String::from).collect();
        assert_eq!(
            args.first().map(String::as_str),
            Some("kaohe"),
            "line {}",
            n + 3
        );
        out.push(Shown {
            line: n + 3,
            args: args[1..].to_vec(),
            output,
            stderr,
        });
    }
    out
}

/// Whether the output matches what the guide shows, each `……` standing for lines left out.
fn matches(shown: &[String], printed: &[&str]) -> bool {
    let parts: Vec<&[String]> = shown.split(|l| l == "……").collect();
    let same =
        |a: &[String], b: &[&str]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y);
    let (first, rest) = parts.split_first().expect("split gives one part at least");
    let Some((last, middle)) = rest.split_last() else {
        return same(first, printed);
    };
    if printed.len() < first.len() + last.len()
        || !same(first, &printed[..first.len()])
        || !same(last, &printed[printed.len() - last.len()..])
    {
        return false;
    }
    // The middle parts are found in order, each as early as it can be, between the head
    // and the tail: finding one early never keeps a later one from being found.
    let end = printed.len() - last.len();
    let mut at = first.len();
    for part in middle {
        let found = (at..=end.saturating_sub(part.len()))
            .find(|&i| i + part.len() <= end && same(part, &printed[i..i + part.len()]));
        match found {
            Some(i) => at = i + part.len(),
            None => return false,
        }
    }
    true
}

#[test]
fn the_guides_commands_print_what_it_shows() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide.zh.md"))
        .expect("docs/guide.zh.md");
    let commands = shown(&guide);
    assert!(
        commands.len() >= 5,
        "the guide's checked commands were not found"
    );
    let mut problems = Vec::new();
    for c in &commands {
        let args: Vec<&str> = c.args.iter().map(String::as_str).collect();
        let o = kaohe(&args);
        if !c.stderr && o.status.code() != Some(0) {
            problems.push(format!(
                "line {}: `kaohe {}` failed: {}",
                c.line,
                args.join(" "),
                stderr(&o)
            ));
            continue;
        }
        let text = if c.stderr { stderr(&o) } else { stdout(&o) };
        let printed: Vec<&str> = text.lines().collect();
        if !matches(&c.output, &printed) {
            problems.push(format!(
                "line {}: `kaohe {}` prints\n{text}\nthe guide shows\n{}",
                c.line,
                args.join(" "),
                c.output.join("\n")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The `rule` blocks the guide says are shipped files, with their line numbers, paths and
/// lines.
fn files(guide: &str) -> Vec<(usize, String, Vec<String>)> {
    let lines: Vec<&str> = guide.lines().collect();
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let Some(path) = line
            .trim()
            .strip_prefix(FILE.0)
            .and_then(|l| l.strip_suffix(FILE.1))
        else {
            continue;
        };
        assert_eq!(
            lines.get(n + 1).copied(),
            Some("```rule"),
            "line {}: a `rule` block after the mark",
            n + 2
        );
        let text = lines[n + 2..]
            .iter()
            .take_while(|l| **l != "```")
            .map(|l| l.to_string())
            .collect();
        out.push((n + 1, path.to_string(), text));
    }
    out
}

#[test]
fn the_files_the_guide_shows_are_shipped_as_shown() {
    let root = env!("CARGO_MANIFEST_DIR");
    let guide =
        std::fs::read_to_string(format!("{root}/docs/guide.zh.md")).expect("docs/guide.zh.md");
    let shown = files(&guide);
    assert!(shown.len() >= 5, "the guide's shipped files were not found");
    for (line, path, text) in shown {
        let file = std::fs::read_to_string(format!("{root}/{path}"))
            .unwrap_or_else(|e| panic!("line {line}: {path}: {e}"));
        let file: Vec<&str> = file.lines().collect();
        assert_eq!(text, file, "line {line}: the block is not {path}");
    }
}

#[test]
fn a_gap_stands_for_lines_left_out_and_nothing_else() {
    let shown: Vec<String> = ["a", "……", "z"].map(String::from).to_vec();
    assert!(matches(&shown, &["a", "b", "c", "z"]));
    assert!(matches(&shown, &["a", "z"]));
    assert!(!matches(&shown, &["a", "b"]));
    assert!(!matches(&["a".to_string()], &["a", "b"]));
    assert!(matches(&[], &[]));
    let two: Vec<String> = ["a", "……", "m", "n", "……", "z"].map(String::from).to_vec();
    assert!(matches(&two, &["a", "b", "m", "n", "y", "z"]));
    assert!(matches(&two, &["a", "m", "n", "z"]));
    assert!(!matches(&two, &["a", "n", "m", "z"]));
    assert!(!matches(&two, &["a", "m", "z"]));
    assert!(!matches(&two, &["a", "m", "n"]));
}

/// The commands of the guide's `sh` blocks that are not marked (their output is not
/// shown), each line continued by `\` joined to the next, in the guide's order.
fn unmarked(guide: &str) -> Vec<String> {
    let lines: Vec<&str> = guide.lines().collect();
    let mut out = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        let marked = n > 0 && lines[n - 1].trim().starts_with("<!-- checked");
        if lines[n] != "```sh" || marked {
            n += 1;
            continue;
        }
        let mut command = String::new();
        for line in lines[n + 1..].iter().take_while(|l| **l != "```") {
            n += 1;
            match line.trim().strip_suffix('\\') {
                Some(head) => command.push_str(&format!("{} ", head.trim())),
                None => {
                    command.push_str(line.trim());
                    out.push(std::mem::take(&mut command));
                }
            }
        }
        n += 2;
    }
    out
}

/// Copies a folder of the repository into the scratch copy, whole.
fn copy_tree(from: &std::path::Path, to: &std::path::Path, depth: usize) {
    assert!(depth < 16, "{}: folders nested too deep", from.display());
    std::fs::create_dir_all(to).expect("a folder of the copy");
    for entry in std::fs::read_dir(from).expect("a folder of the repository") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("its type").is_dir() {
            copy_tree(&entry.path(), &target, depth + 1);
        } else {
            std::fs::copy(entry.path(), &target).expect("a file of the copy");
        }
    }
}

/// kaohe run in the scratch copy `dir`, on the arguments of a line of the guide.
fn kaohe_in(dir: &std::path::Path, line: &str) -> std::process::Output {
    let args: Vec<&str> = line.split_whitespace().skip(1).collect();
    std::process::Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .current_dir(dir)
        .env("KAOHE_LANG", "en")
        .args(&args)
        .output()
        .expect("runs kaohe")
}

/// The codes of the diagnostics a run printed as JSON (`--message-format json`).
fn codes(o: &std::process::Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Every other command the guide shows, run in a scratch copy of `rules/` and
/// `examples/` as a reader runs it: the folder it makes, the file it copies, the
/// reader's own `rules/jiangmen-2021/` and `evidence/2021/county/` (the walkthrough's
/// file and its example unit, as the guide says they are), the forms `template`
/// writes (read back by `eval`), GBK CSV and a workbook of several sheets.
#[test]
fn the_guides_other_commands_run_as_it_says() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(root.join("docs/guide.zh.md")).expect("docs/guide.zh.md");
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let dir = scratch.path();
    copy_tree(&root.join("rules"), &dir.join("rules"), 0);
    copy_tree(&root.join("examples"), &dir.join("examples"), 0);
    let at = |p: &str| dir.join(p);
    let ok = |line: &str| {
        let o = kaohe_in(dir, line);
        assert_eq!(o.status.code(), Some(0), "{line}: {}", stderr(&o));
        stdout(&o)
    };
    // The reader's evidence of 2021: the walkthrough's example unit.
    let county = at("evidence/2021/county");
    std::fs::create_dir_all(&county).expect("the evidence folder");
    std::fs::copy(
        at("examples/guide/county-2021/shiliqu.toml"),
        county.join("shiliqu.toml"),
    )
    .expect("the example unit");
    let twenty = formats::table("county");
    let units = formats::examples(&twenty, "county");
    let mut seen = Vec::new();
    for line in unmarked(&guide) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words[..] {
            ["cargo", ..] => continue,
            ["mkdir", folder] => std::fs::create_dir(at(folder)).expect("mkdir"),
            ["cp", from, to] => {
                std::fs::copy(at(from), at(to)).expect("cp");
                // The copy is 2020's table unchanged: it checks.
                ok("kaohe check rules/jiangmen-2021/county.rule");
            }
            _ => {}
        }
        if words[0] != "kaohe" {
            continue;
        }
        seen.push(line.clone());
        match line.as_str() {
            "kaohe check rules/jiangmen-2021/county.rule --lang zh" => {
                // After 3.2 the file is the shipped step, without its two lines of
                // notes: three errors, the dates of 2020 left in it, two lines higher.
                let step = std::fs::read_to_string(at("rules/guide/steps/county-2021-step1.rule"))
                    .expect("the step");
                let mine: Vec<&str> = step.lines().skip(2).collect();
                std::fs::write(at("rules/jiangmen-2021/county.rule"), mine.join("\n") + "\n")
                    .expect("the reader's file");
                let o = kaohe_in(dir, &line);
                assert_eq!(o.status.code(), Some(1), "{line}");
                let said = stderr(&o);
                let errors = said.lines().filter(|l| l.starts_with("  × ") || l.starts_with("  x ")).count();
                assert_eq!(errors, 3, "{said}");
                let shipped = kaohe_in(dir, "kaohe check rules/guide/steps/county-2021-step1.rule --lang zh");
                let first = |text: &str| {
                    text.lines()
                        .find_map(|l| l.trim().strip_prefix(",-[").map(str::to_string))
                        .unwrap_or_default()
                };
                let (mine, theirs) = (first(&said), first(&stderr(&shipped)));
                let line_of = |at: &str| -> usize {
                    at.split(':').nth(1).and_then(|n| n.parse().ok()).unwrap_or_default()
                };
                assert_eq!(line_of(&mine) + 2, line_of(&theirs), "{mine} / {theirs}");
                // The reader then makes the changes of chapter 3: the walkthrough's file.
                std::fs::copy(at("rules/guide/county-2021.rule"), at("rules/jiangmen-2021/county.rule"))
                    .expect("the finished file");
            }
            "kaohe check rules/jiangmen-2021/county.rule" => {
                let o = kaohe_in(dir, &line);
                assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
                // 没有任何输出:没有发现问题。
                assert_eq!((stdout(&o), stderr(&o)), (String::new(), String::new()));
            }
            "kaohe diff rules/jiangmen-2020/county.rule rules/jiangmen-2021/county.rule evidence/2021/county" => {
                let out = ok(&line);
                assert!(out.contains("示例区"), "{out}");
            }
            "kaohe eval rules/jiangmen-2021/county.rule evidence/2021/county" => {
                let out = ok(&line);
                assert!(out.contains("│    1 ┆ 示例区 ┆ 70.68 (prorated: 65.5/94)"), "{out}");
            }
            "kaohe explain rules/jiangmen-2021/county.rule evidence/2021/county/shiliqu.toml" => {
                assert!(ok(&line).starts_with("示例区: 2021年各市(区)政府政务公开工作要点考核表\nscore 70.68 of 100\n"));
            }
            "kaohe template rules/guide/county-2021.rule --output 空白证据表.toml" => {
                ok(&line);
                // Written; read back by `eval`, it lacks only the unit's name, as the
                // guide warns.
                let blank = std::fs::read_to_string(at("空白证据表.toml")).expect("the form");
                assert!(blank.contains("\nunit = \"\"\n"), "{blank}");
                let o = kaohe_in(dir, "kaohe eval rules/guide/county-2021.rule 空白证据表.toml --message-format json");
                assert_eq!(o.status.code(), Some(1));
                let found = codes(&o);
                assert!(!found.is_empty() && found.iter().all(|c| c == "kaohe::evidence::unit"), "{found:?}");
            }
            "kaohe template rules/jiangmen-2020/county.rule --format xlsx --output 证据填报表.xlsx --lang zh" => {
                ok(&line);
                let mut book: calamine::Xlsx<_> =
                    calamine::open_workbook(at("证据填报表.xlsx")).expect("a workbook");
                use calamine::Reader as _;
                assert_eq!(book.sheet_names()[..2], ["证据".to_string(), "说明".to_string()]);
                assert!(book.worksheet_range("证据").is_ok());
                // Read back by `eval`: its header is taken, and no row is filled yet.
                let o = kaohe_in(dir, "kaohe eval rules/jiangmen-2020/county.rule 证据填报表.xlsx --message-format json");
                assert_eq!(o.status.code(), Some(1));
                let found = codes(&o);
                // Only that: the `说明` sheet is not taken for a second sheet of units.
                assert_eq!(found, ["kaohe::evidence::unit"], "{found:?}");
            }
            "kaohe eval rules/jiangmen-2020/county.rule 各区证据.csv --encoding gbk" => {
                // The three example units saved as Excel saves "CSV" on Chinese Windows.
                let text = formats::csv_text(&formats::rows(&twenty, &units));
                let (gbk, _, lossy) = encoding_rs::GBK.encode(&text);
                assert!(!lossy);
                std::fs::write(at("各区证据.csv"), gbk).expect("the GBK file");
                let out = ok(&line);
                assert_eq!(out, ok("kaohe eval rules/jiangmen-2020/county.rule examples/jiangmen-2020/county"));
            }
            "kaohe eval rules/jiangmen-2020/county.rule 证据.xlsx --sheet 第二批" => {
                // A workbook of two sheets of units: the first unit, then the other two.
                let rows = formats::rows(&twenty, &units);
                let mut book = rust_xlsxwriter::Workbook::new();
                for (name, range) in [("第一批", 1..2), ("第二批", 2..rows.len())] {
                    let ws = book.add_worksheet();
                    ws.set_name(name).expect("the sheet's name");
                    for (r, row) in std::iter::once(&rows[0]).chain(&rows[range]).enumerate() {
                        for (c, cell) in row.iter().enumerate() {
                            if !cell.is_empty() {
                                ws.write_string(r as u32, c as u16, cell).expect("a cell");
                            }
                        }
                    }
                }
                book.save(at("证据.xlsx")).expect("the workbook");
                let out = ok(&line);
                assert!(!out.contains(&units[0].name), "{out}");
                for unit in &units[1..] {
                    assert!(out.contains(&unit.name), "{}: {out}", unit.name);
                }
            }
            "kaohe render rules/jiangmen-2020/county.rule --output 考核表.xlsx" => {
                ok(&line);
                let mut book: calamine::Xlsx<_> =
                    calamine::open_workbook(at("考核表.xlsx")).expect("a workbook");
                use calamine::Reader as _;
                let first = book.sheet_names()[0].clone();
                let range = book.worksheet_range(&first).expect("its sheet");
                // The table of the notice: every item of the rule file in its rows.
                let cells: Vec<String> = range.rows().flatten().map(|c| c.to_string()).collect();
                let header = &formats::rows(&twenty, &[])[0];
                for item in header[1..].iter().filter_map(|h| h.split('/').next()) {
                    assert!(cells.iter().any(|c| c.contains(item)), "{item}: {cells:?}");
                }
            }
            "kaohe eval rules/examples/blend-2023.rule --method 网上考核=examples/blend-2023/online --method 现场考核=examples/blend-2023/onsite" => {
                assert!(ok(&line).contains("示例甲市"));
            }
            other => panic!("the guide shows `{other}`, which this test does not run yet"),
        }
    }
    assert_eq!(seen.len(), 11, "{seen:#?}");
}
