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
//! The test pins `KAOHE_LANG=en` like every other test; the guide is written for Chinese
//! readers, so its commands ask for Chinese themselves with `--lang zh`.

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
