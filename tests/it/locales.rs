//! The two catalogues say the same things: every message of `locales/zh-CN/` is in
//! `locales/en/` and back, with the same attributes and the same arguments, no file
//! has a syntax error, and every message id the source names exists in both.
//!
//! The ids the source names are found where it writes them as literals: in `tr!(lang,
//! "id", …)`, `locale::text(lang, "id", …)`, `locale::attribute(lang, "id", …)` and
//! `msg!("id", …)`. A new way of naming a message is added to `CALLS`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// What a message is made of: the arguments of its value and of each attribute.
#[derive(Debug, PartialEq)]
struct Shape {
    value: Option<BTreeSet<String>>,
    attributes: BTreeMap<String, BTreeSet<String>>,
}

fn variables_of_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                variables_of_inline(a, out);
            }
            for a in &arguments.named {
                variables_of_inline(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

fn variables_of_expression(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_of_pattern(&v.value, out);
            }
        }
        Expression::Inline(inline) => variables_of_inline(inline, out),
    }
}

fn variables_of_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_of_expression(expression, out);
        }
    }
}

fn shapes(name: &str, lang: &str, text: &str) -> BTreeMap<String, Shape> {
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| {
        panic!("locales/{lang}/{name} has syntax errors: {errors:?}")
    });
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let value = m.value.as_ref().map(|p| {
                    let mut vars = BTreeSet::new();
                    variables_of_pattern(p, &mut vars);
                    vars
                });
                let attributes = m
                    .attributes
                    .iter()
                    .map(|a| {
                        let mut vars = BTreeSet::new();
                        variables_of_pattern(&a.value, &mut vars);
                        (a.id.name.to_string(), vars)
                    })
                    .collect();
                let previous = out.insert(m.id.name.to_string(), Shape { value, attributes });
                assert!(
                    previous.is_none(),
                    "locales/{lang}/{name}: `{}` is defined twice",
                    m.id.name
                );
            }
            Entry::Junk { content } => {
                panic!("locales/{lang}/{name}: text that is not Fluent: {content:?}")
            }
            _ => {}
        }
    }
    out
}

/// Every message of both catalogues, by id, with the file it is in.
fn catalogue() -> BTreeMap<String, String> {
    let mut ids = BTreeMap::new();
    for (name, zh, en) in kaohe::locale::sources() {
        for id in shapes(name, "en", en).into_keys() {
            let other = ids.insert(id.clone(), name.to_string());
            assert!(other.is_none(), "`{id}` is in both {name} and {other:?}");
        }
        let _ = zh;
    }
    ids
}

#[test]
fn both_catalogues_have_the_same_messages_attributes_and_arguments() {
    let mut problems = Vec::new();
    for (name, zh, en) in kaohe::locale::sources() {
        let zh = shapes(name, "zh-CN", zh);
        let en = shapes(name, "en", en);
        for (id, shape) in &en {
            match zh.get(id) {
                None => problems.push(format!("{name}: `{id}` is missing from zh-CN")),
                Some(other) if other != shape => problems.push(format!(
                    "{name}: `{id}` differs: en {shape:?}, zh-CN {other:?}"
                )),
                Some(_) => {}
            }
        }
        for id in zh.keys().filter(|id| !en.contains_key(*id)) {
            problems.push(format!("{name}: `{id}` is missing from en"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The Chinese catalogue punctuates as the notice it encodes does (江府办函〔2020〕202号,
/// as received): `,` `:` `;` and `(` `)` between Chinese words, with the full-width `。`
/// and `、`. A full-width `，` `：` `；` `（` `）` is allowed only inside backticks, where
/// a message quotes what a user may type.
#[test]
fn the_chinese_catalogue_punctuates_as_the_notice_does() {
    let mut problems = Vec::new();
    for (name, zh, _) in kaohe::locale::sources() {
        for (n, line) in zh.lines().enumerate() {
            let outside_quotes = line.split('`').step_by(2).collect::<String>();
            if let Some(c) = outside_quotes.chars().find(|c| "，：；（）".contains(*c)) {
                problems.push(format!("{name}:{}: full-width `{c}` in `{line}`", n + 1));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

const CALLS: &[&str] = &["tr!(", "locale::text(", "locale::attribute(", "msg!("];

/// The message ids named in a source text, each with its line.
fn ids_named(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for call in CALLS {
        for (at, _) in text.match_indices(call) {
            let rest = &text[at + call.len()..];
            let Some(quote) = rest.find('"') else {
                continue;
            };
            // The literal must be an argument of this call, not of a later one.
            if rest[..quote].contains([')', ';', '"']) {
                continue;
            }
            let literal = &rest[quote + 1..];
            let Some(end) = literal.find('"') else {
                continue;
            };
            let id = &literal[..end];
            if id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && !id.is_empty() {
                let line = text[..at].matches('\n').count() + 1;
                out.push((line, id.to_string()));
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_message_the_source_names_is_in_the_catalogues() {
    let ids = catalogue();
    let mut files = Vec::new();
    rust_files(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(),
        &mut files,
    );
    let mut missing = Vec::new();
    let mut named = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, id) in ids_named(&text) {
            named += 1;
            if !ids.contains_key(&id) && id != "no-such-message" {
                let shown = file
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(&file);
                missing.push(format!("{}:{line}: `{id}`", shown.display()));
            }
        }
    }
    assert!(named > 0, "the scan found no message named in the source");
    assert!(
        missing.is_empty(),
        "ids in no catalogue:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_scan_finds_ids_in_each_form_of_call() {
    let text =
        "let a = tr!(lang, \"one-id\", n = 1);\nlocale::text(l, \"two\", &[]);\nmsg!(\"three\")";
    let ids: Vec<String> = ids_named(text).into_iter().map(|(_, id)| id).collect();
    assert_eq!(ids, ["one-id", "two", "three"]);
}

#[test]
fn both_languages_format_a_message_with_a_plural() {
    use kaohe::locale::{text, Arg, Lang};
    let one = text(Lang::En, "lang-problems", &[("count", Arg::Count(1))]);
    let two = text(Lang::En, "lang-problems", &[("count", Arg::Count(2))]);
    let zh = text(Lang::Zh, "lang-problems", &[("count", Arg::Count(2))]);
    assert_eq!(
        (one.as_str(), two.as_str(), zh.as_str()),
        ("1 problem", "2 problems", "2 个问题")
    );
}
