//! `kaohe fmt`: every rule file of the repository is already canonical, a scrambled
//! layout comes out canonical (snapshot), the meaning never changes, and the command
//! writes files whole, only when asked.

use crate::common;
use crate::run;

use std::path::PathBuf;

use kaohe::formatter::{self, lex};
use kaohe::source::SourceFile;
use kaohe::syntax;
use run::kaohe;

fn scratch(name: &str) -> common::Scratch {
    common::Scratch::new(&format!("fmt-{name}"))
}

/// Every `.rule` file under the repository's rules, tests and examples.
fn rule_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut folders: Vec<PathBuf> = ["rules", "tests", "examples"].map(PathBuf::from).to_vec();
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("readable folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rule") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn format(name: &str, text: &str) -> String {
    formatter::format(&SourceFile::new(name, text)).unwrap_or_else(|ds| {
        panic!(
            "{name} does not format: {:?}",
            ds.iter().map(|d| &d.message).collect::<Vec<_>>()
        )
    })
}

/// The two texts parse to the same syntax tree, spans set aside.
fn assert_same_meaning(name: &str, a: &str, b: &str) {
    let ta = syntax::parse(&SourceFile::new(name, a)).expect("the original parses");
    let tb = syntax::parse(&SourceFile::new(name, b)).expect("the result parses");
    assert!(
        formatter::same(&ta, &tb),
        "{name}: formatting changed the syntax tree"
    );
    let checked_a = kaohe::check::compile(&SourceFile::new(name, a));
    let checked_b = kaohe::check::compile(&SourceFile::new(name, b));
    let codes =
        |c: &kaohe::check::Checked| c.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
    assert_eq!(
        codes(&checked_a),
        codes(&checked_b),
        "{name}: the checker sees another file"
    );
}

/// The comments of a text, in order, without trailing spaces.
fn comments(text: &str) -> Vec<&str> {
    lex::tokens(text)
        .iter()
        .filter(|t| t.kind == lex::Kind::Comment)
        .map(|t| text[t.start..t.end].trim_end())
        .collect()
}

#[test]
fn every_rule_file_in_the_repository_is_canonical() {
    let mut formatted = 0;
    for path in rule_files() {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).expect("readable");
        let source = SourceFile::new(name.clone(), text.as_str());
        match syntax::parse(&source) {
            Ok(_) => {
                let out = format(&name, &text);
                assert!(
                    out == text,
                    "{name} is not canonical; run `kaohe fmt {name}`:\n{}",
                    similar::TextDiff::from_lines(&text, &out).unified_diff()
                );
                formatted += 1;
            }
            Err(parse_errors) => {
                // A file that does not parse is not formatted: the formatter gives the
                // parser's own diagnostics.
                let ds = formatter::format(&source).expect_err("a broken file is refused");
                let codes: Vec<_> = ds.iter().map(|d| d.code).collect();
                let expected: Vec<_> = parse_errors.iter().map(|d| d.code).collect();
                assert_eq!(codes, expected, "{name}");
            }
        }
    }
    // Both 2020 tables, the diff and render fixtures, and most of tests/ui.
    assert!(
        formatted >= 38,
        "only {formatted} rule files were formatted"
    );
}

#[test]
fn a_scrambled_layout_gives_the_canonical_one() {
    let input = std::fs::read_to_string("tests/fmt/scrambled.rule.in").expect("fixture");
    let out = format("scrambled.rule", &input);
    insta::assert_snapshot!("scrambled", out);
    assert_same_meaning("scrambled.rule", &input, &out);
    assert_eq!(
        comments(&input),
        comments(&out),
        "comments are kept, in order"
    );
    assert_eq!(
        format("scrambled.rule", &out),
        out,
        "formatting is idempotent"
    );
    assert!(
        !out.lines().any(|l| l.ends_with([' ', '\t'])),
        "no trailing spaces"
    );
    assert!(!out.contains("\n\n\n"), "at most one blank line");
    assert!(
        !out.contains('\t') && !out.contains('\u{3000}'),
        "no tab or wide space between words"
    );
}

/// A deterministic generator of small numbers, for reproducible scrambling.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    fn blanks(&mut self, min: u64, max: u64) -> String {
        let n = min + self.roll(max - min + 1);
        (0..n)
            .map(|_| [" ", "\t", "\u{3000}"][self.roll(3) as usize])
            .collect()
    }
}

/// The text with its whitespace changed at random but its line structure kept: runs
/// of spaces, tabs and ideographic spaces between words, random indentation, trailing
/// blanks, extra blank lines, and `"""` blocks shifted as a whole.
fn scramble(text: &str, seed: u64) -> String {
    let mut dice = Dice(seed);
    let tokens = lex::tokens(text);
    let mut out = String::new();
    let mut at = 0;
    for t in &tokens {
        let gap = &text[at..t.start];
        let newlines = gap.matches('\n').count();
        if newlines > 0 {
            let lines = if newlines == 1 {
                1
            } else {
                newlines + dice.roll(2) as usize
            };
            for _ in 0..lines {
                out.push_str(&dice.blanks(0, 2));
                out.push('\n');
            }
            out.push_str(&dice.blanks(0, 6));
        } else if !gap.is_empty() {
            out.push_str(&dice.blanks(1, 3));
        }
        let token = &text[t.start..t.end];
        if t.kind == lex::Kind::Block && token.contains('\n') {
            let shift = " ".repeat(dice.roll(5) as usize);
            out.push_str(&token.replace('\n', &format!("\n{shift}")));
        } else {
            out.push_str(token);
        }
        at = t.end;
    }
    out.push_str(&dice.blanks(0, 2));
    out.push('\n');
    out
}

#[test]
fn scrambled_repository_files_format_back_to_themselves() {
    let mut n = 0;
    for path in rule_files() {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).expect("readable");
        if syntax::parse(&SourceFile::new(name.as_str(), text.as_str())).is_err() {
            continue;
        }
        for seed in [1, 2] {
            let scrambled = scramble(&text, seed + n);
            assert_same_meaning(&name, &text, &scrambled);
            let out = format(&name, &scrambled);
            assert!(
                out == text,
                "{name} scrambled with seed {seed} formats to something else:\n{}",
                similar::TextDiff::from_lines(&text, &out).unified_diff()
            );
        }
        n += 1;
    }
    assert!(n >= 38, "only {n} rule files were scrambled");
}

#[test]
fn texts_and_names_are_never_rewritten() {
    // Full-width punctuation inside names and texts, a `#` in a text, spaces inside a
    // one-line string and a block with a deeper line: all kept as written.
    let text = "rubric   测试（全角）表\ntotal 2\nitem “甲”：项 2 {\n  text \"a  #b  ,c\"\n text \"\"\"\n      第一行\n        第二行更深\n   \"\"\"\n  fact 丙 bool\n  if 丙 -2\n}\n";
    let out = format("t.rule", text);
    assert_eq!(
        out,
        "rubric 测试（全角）表\ntotal 2\nitem “甲”：项 2 {\n  text \"a  #b  ,c\"\n  text \"\"\"\n    第一行\n      第二行更深\n  \"\"\"\n  fact 丙 bool\n  if 丙 -2\n}\n"
    );
    assert_same_meaning("t.rule", text, &out);
}

#[test]
fn operators_lists_and_paths_are_spaced_one_way() {
    let text = "rubric 表\ntotal 6\nitem 甲 6 {\n  fact 通报 tally {国办 ,省府办、 市府办}\n  fact 形式 set {图表、图解}\n  if 通报 [ 国办 ]>=1 -2\n  per 形式 except {图解} +1 max 2\n  if not( 通报[省府办]<1 or 通报[市府办]!=0 ) -2\n  start 2\n}\n";
    let out = format("t.rule", text);
    assert_eq!(
        out,
        "rubric 表\ntotal 6\nitem 甲 6 {\n  fact 通报 tally {国办, 省府办、市府办}\n  fact 形式 set {图表、图解}\n  if 通报[国办] >= 1 -2\n  per 形式 except {图解} +1 max 2\n  if not (通报[省府办] < 1 or 通报[市府办] != 0) -2\n  start 2\n}\n"
    );
    assert_same_meaning("t.rule", text, &out);
}

#[test]
fn a_brace_alone_on_its_line_joins_the_line_above_before_its_comments() {
    let text = "rubric 表 # 标题\ntotal 2\nsection 甲 2 # 一级指标\n# 说明\n{\nitem 乙 2 { fact 丙 bool\nif 丙 -2 }\n}";
    let out = format("t.rule", text);
    assert_eq!(
        out,
        "rubric 表 # 标题\ntotal 2\nsection 甲 2 { # 一级指标\n  # 说明\n  item 乙 2 {\n    fact 丙 bool\n    if 丙 -2\n  }\n}\n"
    );
    assert_eq!(comments(text), comments(&out));
}

#[test]
fn empty_and_comment_only_files() {
    assert_eq!(format("t.rule", ""), "");
    assert_eq!(format("t.rule", "\n\n  \n"), "");
    assert_eq!(
        format("t.rule", "\n  # 只有注释  \n\n\n# 第二条\r\n"),
        "# 只有注释\n\n# 第二条\n"
    );
}

#[test]
fn a_file_that_does_not_parse_is_not_formatted() {
    let ds = formatter::format(&SourceFile::new(
        "t.rule",
        "rubric 表\ntotal 2\nitem 甲 {\n}\n",
    ))
    .expect_err("refused");
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].code, "kaohe::syntax::unexpected");
}

#[test]
fn the_first_difference_is_found_in_the_original() {
    let a = "rubric 表\ntotal 4\nsection 甲 4 {\n  item 乙 2 {\n    fact 丙 bool\n    if 丙 -2\n  }\n  item 丁 2 {\n    fact 戊 bool\n    if 戊 -2\n  }\n}\n";
    let b = a.replace("if 戊 -2", "if 戊 -1");
    let ta = syntax::parse(&SourceFile::new("a", a)).expect("parses");
    let tb = syntax::parse(&SourceFile::new("b", b.as_str())).expect("parses");
    assert!(!formatter::same(&ta, &tb));
    let at = formatter::first_difference(&ta, &tb).expect("a difference");
    assert_eq!(&a[at.start..at.end], "丁");
    let moved = a.replace("  item 乙", "\n\n  item 乙");
    let tm = syntax::parse(&SourceFile::new("m", moved.as_str())).expect("parses");
    assert!(formatter::same(&ta, &tm), "spans are set aside");
    assert_eq!(formatter::first_difference(&ta, &tm), None);
}

#[test]
fn check_shows_a_diff_and_writes_nothing() {
    let dir = scratch("check");
    let path = dir.join("table.rule");
    let text = "rubric 表\ntotal 2\nitem 甲 2 {\n fact 乙 bool\n    if 乙<1 -2\n}\n";
    std::fs::write(&path, text).expect("write");
    let p = path.to_str().expect("utf-8");
    let o = kaohe(&["fmt", "--check", p]);
    assert_eq!(o.status.code(), Some(1));
    let stdout = String::from_utf8(o.stdout).expect("utf-8");
    assert!(
        stdout.starts_with(&format!("--- {p}\n+++ {p} (formatted)\n@@ ")),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n- fact 乙 bool\n-    if 乙<1 -2\n+  fact 乙 bool\n+  if 乙 < 1 -2\n"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "--check writes nothing"
    );

    let o = kaohe(&["fmt", p]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!("formatted {p}\n")
    );
    let canonical = "rubric 表\ntotal 2\nitem 甲 2 {\n  fact 乙 bool\n  if 乙 < 1 -2\n}\n";
    assert_eq!(std::fs::read_to_string(&path).expect("read"), canonical);

    let o = kaohe(&["fmt", "--check", p]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
    let leftovers: Vec<_> = std::fs::read_dir(&dir).expect("dir").collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn broken_files_are_reported_and_the_others_still_formatted() {
    let dir = scratch("broken");
    let broken = dir.join("a-broken.rule");
    let good = dir.join("b-good.rule");
    let broken_text = "rubric 表\ntotal 2\nitem 甲 {\n}\n";
    std::fs::write(&broken, broken_text).expect("write");
    std::fs::write(&good, "rubric 表\n  total 2\n").expect("write");
    std::fs::write(dir.join("notes.txt"), "not a rule file").expect("write");
    let o = kaohe(&["fmt", dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("kaohe::syntax::unexpected"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&broken).expect("read"), broken_text);
    assert_eq!(
        std::fs::read_to_string(&good).expect("read"),
        "rubric 表\ntotal 2\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).expect("read"),
        "not a rule file"
    );
}

#[test]
fn a_missing_file_or_an_empty_folder_is_an_error() {
    let dir = scratch("missing");
    let o = kaohe(&["fmt", dir.join("nothing.rule").to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("kaohe::io::read"));
    let o = kaohe(&["fmt", dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("holds no `.rule` file"));
}

#[cfg(unix)]
#[test]
fn rewriting_keeps_permissions_and_symbolic_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("perms");
    let target = dir.join("table.rule");
    std::fs::write(&target, "rubric 表\n total 2\n").expect("write");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = dir.join("link.rule");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let o = kaohe(&["fmt", link.to_str().expect("utf-8")]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(std::fs::symlink_metadata(&link)
        .expect("meta")
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "rubric 表\ntotal 2\n"
    );
    let mode = std::fs::metadata(&target)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o640);

    std::fs::write(&target, "rubric 表\n total 2\n").expect("write");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let o = kaohe(&["fmt", target.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("kaohe::io::write"));
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "rubric 表\n total 2\n"
    );
}

#[test]
fn the_formatter_is_robust_to_crlf_and_wide_spaces() {
    let text = "rubric\u{3000}表\r\ntotal 2\r\nitem 甲 2 {\r\n\ttext \"\"\"\r\n\t  一行\r\n\t\"\"\"\r\n\tfact 乙 bool # 说明\r\n\tif 乙 -2\r\n}\r\n";
    let out = format("t.rule", text);
    assert_eq!(
        out,
        "rubric 表\ntotal 2\nitem 甲 2 {\n  text \"\"\"\n    一行\n  \"\"\"\n  fact 乙 bool # 说明\n  if 乙 -2\n}\n"
    );
    assert_same_meaning("t.rule", text, &out);
}
