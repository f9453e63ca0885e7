//! The architecture's invariants (docs/architecture.md), checked on the source: every
//! module uses only the modules of the layers below its own, and the library does not
//! mention clap.
//!
//! Every `crate::X` path of a file under `src/` is an edge from the file's module to
//! `X`, whether it opens a `use` line, a group (`use crate::{a, b}`) or a path inside
//! the code (`crate::eval::holds(…)`). Comments are left out: a link in documentation
//! is not a dependency.

use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may use the modules of the layers before its
/// own, never one of its own layer (other than itself) or of a later one.
///
/// The shared modules come first, in the order they use each other; `report` is a
/// layer of its own below `render`, `diff` and `cases`, which may use it and not each
/// other; `cli` is the binary (`src/main.rs` and `src/cli/`). `tr` is the locale's
/// macro, exported at the crate's root (`crate::tr!`).
const LAYERS: &[&[&str]] = &[
    &["span", "safe", "locale", "tr"],
    &["source"],
    &["diagnostic"],
    &["spill"],
    &["syntax"],
    &["input"],
    &["calendar"],
    &["model"],
    &["check", "formatter"],
    &["evidence"],
    &["eval"],
    &["report"],
    &["render", "diff", "cases"],
    &["app"],
    &["lsp"],
    &["cli"],
];

/// Edges against the layers that are known and are being removed, each with the
/// file it is in and the module it uses. An entry that no longer occurs fails the
/// test, so that the list only shrinks. Empty it as they go.
const KNOWN_BACK_EDGES: &[(&str, &str)] = &[];

/// The files of the binary; the rest of `src/` is the library.
fn in_binary(path: &str) -> bool {
    path == "src/main.rs" || path.starts_with("src/cli/")
}

/// The module a file under `src/` belongs to: `src/eval/scorer.rs` is `eval`,
/// `src/spill.rs` is `spill`, the binary's files are `cli`, and `src/lib.rs`
/// none (it only declares the modules).
fn module_of(path: &str) -> Option<String> {
    if in_binary(path) {
        return Some("cli".to_string());
    }
    let rest = path.strip_prefix("src/")?;
    if rest == "lib.rs" {
        return None;
    }
    let first = rest.split('/').next()?;
    Some(first.strip_suffix(".rs").unwrap_or(first).to_string())
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// A use of a module: the module used, and the 1-based line it is named on.
#[derive(Debug, PartialEq)]
struct Edge {
    to: String,
    line: usize,
}

/// The text with every comment blanked out (line breaks kept, so lines still count),
/// and string literals left as they are.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '/' if chars.peek() == Some(&'/') => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut depth = 1;
                let mut last = ' ';
                for n in chars.by_ref() {
                    if n == '\n' {
                        out.push('\n');
                    }
                    if last == '/' && n == '*' {
                        depth += 1;
                        last = ' ';
                        continue;
                    }
                    if last == '*' && n == '/' {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                        last = ' ';
                        continue;
                    }
                    last = n;
                }
            }
            // A character literal such as '"' is not the start of a string.
            '\'' => {
                out.push(c);
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\"'") {
                    out.push(chars.next().unwrap_or(' '));
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every `crate::X` of a file's code, with the lines they are on; a group
/// `crate::{a::b, c}` gives `a` and `c`.
fn edges(text: &str) -> Vec<Edge> {
    let code = without_comments(text);
    let bytes = code.as_bytes();
    let line_at = |at: usize| code[..at].matches('\n').count() + 1;
    let ident_at =
        |at: usize| -> String { code[at..].chars().take_while(|&c| is_ident(c)).collect() };
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| is_ident(c) || c == '$') {
            continue;
        }
        let mut i = at + "crate::".len();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'{') {
            let name = ident_at(i);
            if !name.is_empty() {
                out.push(Edge {
                    to: name,
                    line: line_at(i),
                });
            }
            continue;
        }
        // A group: the names at its first level, each at the start of an entry.
        let mut depth = 0;
        let mut entry_start = true;
        while i < bytes.len() {
            match bytes[i] {
                b'{' => {
                    depth += 1;
                    entry_start = depth == 1;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                b',' if depth == 1 => entry_start = true,
                b if b.is_ascii_whitespace() => {}
                _ if entry_start && depth == 1 => {
                    let name = ident_at(i);
                    if !name.is_empty() {
                        out.push(Edge {
                            to: name.clone(),
                            line: line_at(i),
                        });
                        i += name.len();
                        entry_start = false;
                        continue;
                    }
                    entry_start = false;
                }
                _ => {}
            }
            i += 1;
        }
    }
    out
}

/// Every breach of the layers and of the library's independence from clap in the
/// files given (paths relative to the crate's root, such as `src/eval/mod.rs`), each
/// naming the file, the line and the edge; and the allowed back edges that were
/// found, so that an entry of [`KNOWN_BACK_EDGES`] no longer needed is noticed.
fn breaches(
    files: &[(String, String)],
    known: &[(&str, &str)],
) -> (Vec<String>, Vec<(String, String)>) {
    let mut found = Vec::new();
    let mut allowed = Vec::new();
    for (path, text) in files {
        if !in_binary(path) {
            for (n, line) in text.lines().enumerate() {
                if line.contains("clap") {
                    found.push(format!(
                        "{path}:{}: the library mentions clap: `{}`",
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
        let Some(from) = module_of(path) else {
            continue;
        };
        let Some(from_layer) = layer_of(&from) else {
            found.push(format!(
                "{path}: the module `{from}` is in no layer: add it to LAYERS and to docs/architecture.md"
            ));
            continue;
        };
        for mut edge in edges(text) {
            // `tr!`, the locale's macro, is exported at the crate's root.
            if edge.to == "tr" {
                edge.to = "locale".to_string();
            }
            if edge.to == from {
                continue;
            }
            let Some(to_layer) = layer_of(&edge.to) else {
                // `crate::X` for an item of the crate's root: the binary has only `cli`,
                // and the library's root only declares modules.
                found.push(format!(
                    "{path}:{}: `crate::{}` is not a module of any layer",
                    edge.line, edge.to
                ));
                continue;
            };
            if to_layer < from_layer {
                continue;
            }
            if known.contains(&(path.as_str(), edge.to.as_str())) {
                allowed.push((path.clone(), edge.to.clone()));
                continue;
            }
            let why = if to_layer == from_layer {
                "a module of the same layer"
            } else {
                "a module of a higher layer"
            };
            found.push(format!(
                "{path}:{}: {from} → {} ({why}): `crate::{}`",
                edge.line, edge.to, edge.to
            ));
        }
    }
    (found, allowed)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every file under `src/`, by its path relative to the crate's root, with its text.
fn source_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    rust_files(&root.join("src"), &mut paths);
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let relative = p.strip_prefix(root).expect("under the crate");
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (name, std::fs::read_to_string(p).expect("a text file"))
        })
        .collect();
    assert!(files.len() > 50, "src/ holds the crate's files");
    files
}

#[test]
fn modules_use_only_lower_layers_and_the_library_not_clap() {
    let files = source_files();
    let (found, allowed) = breaches(&files, KNOWN_BACK_EDGES);
    assert!(
        found.is_empty(),
        "edges against the layers of docs/architecture.md:\n{}",
        found.join("\n")
    );
    let stale: Vec<_> = KNOWN_BACK_EDGES
        .iter()
        .filter(|(file, to)| !allowed.iter().any(|(f, t)| f == file && t == to))
        .collect();
    assert!(
        stale.is_empty(),
        "these back edges are gone: take them out of KNOWN_BACK_EDGES: {stale:?}"
    );
}

/// The syntax tree is read by the checker, which lowers it into the model, and by the
/// formatter; every stage above them reads the model only. The language server is
/// the one exception: an editor works on the text as written, where the tree's spans
/// are, even while the file does not check.
#[test]
fn only_the_checker_and_the_formatter_read_the_syntax_tree() {
    let above = layer_of("check").expect("check is in a layer");
    let mut found = Vec::new();
    for (path, text) in source_files() {
        let Some(from) = module_of(&path) else {
            continue;
        };
        if from != "lsp" && layer_of(&from).is_some_and(|l| l > above) {
            found.extend(
                edges(&text)
                    .into_iter()
                    .filter(|e| e.to == "syntax")
                    .map(|e| format!("{path}:{}: {from} → syntax", e.line)),
            );
        }
    }
    assert!(
        found.is_empty(),
        "read the model (`crate::model`), not the syntax tree:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_module_of_the_library_is_in_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("src/lib.rs");
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';'))
        .collect();
    assert!(declared.len() > 10, "{declared:?}");
    for module in declared {
        assert!(layer_of(module).is_some(), "`{module}` is in no layer");
    }
}

/// The checker itself, on a made-up tree.
mod checker {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> Vec<(String, String)> {
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn a_use_line_against_the_layers_is_named_with_its_file_and_line() {
        let files = tree(&[
            ("src/span.rs", "pub struct Span;\n"),
            (
                "src/calendar.rs",
                "//! Calendars.\n\nuse crate::span::Span;\nuse crate::evidence::{read, Node};\n",
            ),
        ]);
        let (found, _) = breaches(&files, &[]);
        assert_eq!(
            found,
            ["src/calendar.rs:4: calendar → evidence (a module of a higher layer): `crate::evidence`"]
        );
    }

    #[test]
    fn an_inline_path_and_a_group_are_edges_too() {
        let files = tree(&[(
            "src/evidence/value.rs",
            "use crate::{\n    span::Span,\n    cases::{EXPECT, TOTAL},\n};\n\nfn f() {\n    let x = crate::eval::holds(1);\n}\n",
        )]);
        let (found, _) = breaches(&files, &[]);
        assert_eq!(
            found,
            [
                "src/evidence/value.rs:3: evidence → cases (a module of a higher layer): `crate::cases`",
                "src/evidence/value.rs:7: evidence → eval (a module of a higher layer): `crate::eval`",
            ]
        );
    }

    #[test]
    fn peers_may_not_use_each_other_but_may_use_report() {
        let files = tree(&[
            (
                "src/cases/report.rs",
                "use crate::report::number;\nfn f() { crate::diff::text::signed(1) }\n",
            ),
            ("src/check/mod.rs", "use crate::formatter::format;\n"),
        ]);
        let (found, _) = breaches(&files, &[]);
        assert_eq!(
            found,
            [
                "src/cases/report.rs:2: cases → diff (a module of the same layer): `crate::diff`",
                "src/check/mod.rs:1: check → formatter (a module of the same layer): `crate::formatter`",
            ]
        );
    }

    #[test]
    fn comments_strings_and_macros_are_not_edges() {
        let files = tree(&[(
            "src/syntax/ast.rs",
            "//! See [`crate::evidence::Unit`].\n/* crate::eval */\nconst A: &str = \"// not a comment\";\nfn f() { let c = '\"'; $crate::eval::x }\n/// [`crate::report`]\nuse crate::span::Span;\n",
        )]);
        let (found, _) = breaches(&files, &[]);
        assert_eq!(found, Vec::<String>::new());
        assert_eq!(
            edges(&files[0].1),
            [Edge {
                to: "span".to_string(),
                line: 6
            }]
        );
    }

    #[test]
    fn the_library_may_not_mention_clap_and_the_binary_may() {
        let files = tree(&[
            (
                "src/report/mod.rs",
                "#[derive(Clone, clap::ValueEnum)]\npub enum Format { Table }\n",
            ),
            (
                "src/cli/eval.rs",
                "#[derive(clap::Args)]\npub struct Args;\n",
            ),
            ("src/main.rs", "use clap::Parser;\nuse crate::cli::Cli;\n"),
        ]);
        let (found, _) = breaches(&files, &[]);
        assert_eq!(
            found,
            ["src/report/mod.rs:1: the library mentions clap: `#[derive(Clone, clap::ValueEnum)]`"]
        );
    }

    #[test]
    fn a_known_back_edge_is_allowed_and_reported_as_found() {
        let files = tree(&[("src/check/mod.rs", "fn f() { crate::evidence::read(p) }\n")]);
        let (found, allowed) = breaches(&files, &[("src/check/mod.rs", "evidence")]);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(
            allowed,
            [("src/check/mod.rs".to_string(), "evidence".to_string())]
        );
    }

    #[test]
    fn a_module_in_no_layer_is_named() {
        let files = tree(&[("src/widgets/mod.rs", "use crate::span::Span;\n")]);
        let (found, _) = breaches(&files, &[]);
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("`widgets` is in no layer"), "{found:?}");
    }
}
