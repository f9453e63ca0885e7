//! Completion: the keywords the grammar accepts at the cursor, the facts of the item
//! the cursor is in, the members of a set or tally inside `except` and `[...]`, and
//! snippets for an item and a fact.
//!
//! The file is usually broken while it is typed, so the place is read from the text
//! before the cursor ([`keywords::expected`] asks the grammar), and the item's facts
//! from the last version of the file that parsed, found by the item's name.

use lsp_types::{CompletionItem, CompletionItemKind, InsertTextFormat};

use crate::formatter::lex::{self, Kind, Token};
use crate::locale;
use crate::syntax::ast::{File, Item};
use crate::tr;

use super::documents::Document;
use super::keywords;
use super::navigation;

/// The completions at a byte offset.
pub fn at(document: &Document, offset: usize) -> Vec<CompletionItem> {
    let text = &document.text;
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    // The word being typed is left out: the grammar is asked about the place it
    // starts at.
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '-')
        .last()
        .map_or(offset, |(i, _)| i);
    let prefix = &text[..start];
    let tokens = lex::tokens(prefix);
    let item = enclosing_item(prefix, &tokens)
        .and_then(|name| find_item(document.last_good.as_ref()?, &name));
    if let Some(fact) = member_context(prefix) {
        return item.map_or_else(Vec::new, |item| members(item, &fact));
    }
    let mut out: Vec<CompletionItem> = Vec::new();
    let words = keywords::expected_keywords(prefix);
    if words.iter().any(|w| w == "item") {
        out.push(snippet(
            "item",
            tr!(locale::current(), "lsp-snippet-item"),
            "item ${1:名称} ${2:4} {\n  text \"\"\"\n    ${3:评分细则}\n  \"\"\"\n  $0\n}",
        ));
    }
    if words.iter().any(|w| w == "fact") {
        out.push(snippet(
            "fact",
            tr!(locale::current(), "lsp-snippet-fact"),
            "fact ${1:名称} ${2:count} \"${3:说明}\"",
        ));
    }
    for word in words {
        out.push(CompletionItem {
            label: word.clone(),
            kind: Some(CompletionItemKind::KEYWORD),
            documentation: keywords::doc(&word).map(lsp_types::Documentation::String),
            ..Default::default()
        });
    }
    // The item's facts, where the grammar would read one of them.
    let fact_here = item
        .and_then(|i| i.facts.first())
        .is_some_and(|f| keywords::accepts(prefix, &f.name.node));
    if fact_here {
        if let Some(item) = item {
            for fact in &item.facts {
                out.push(CompletionItem {
                    label: fact.name.node.clone(),
                    kind: Some(CompletionItemKind::FIELD),
                    detail: Some(fact.ty.node.describe().to_string()),
                    documentation: fact
                        .description
                        .as_ref()
                        .map(|d| lsp_types::Documentation::String(d.node.clone())),
                    ..Default::default()
                });
            }
        }
    }
    out
}

fn snippet(label: &str, detail: String, body: &str) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(CompletionItemKind::SNIPPET),
        detail: Some(detail),
        insert_text: Some(body.to_string()),
        insert_text_format: Some(InsertTextFormat::SNIPPET),
        ..Default::default()
    }
}

/// The members of a fact of the item.
fn members(item: &Item, fact: &str) -> Vec<CompletionItem> {
    let Some(fact) = item.facts.iter().find(|f| f.name.node == fact) else {
        return Vec::new();
    };
    let detail = tr!(
        locale::current(),
        "lsp-completion-member",
        fact = &fact.name.node
    );
    fact.ty
        .node
        .members()
        .unwrap_or(&[])
        .iter()
        .map(|m| CompletionItem {
            label: m.name.node.clone(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            detail: Some(detail.clone()),
            documentation: m
                .description
                .as_ref()
                .map(|d| lsp_types::Documentation::String(d.node.clone())),
            ..Default::default()
        })
        .collect()
}

/// The fact whose members are wanted at the end of `prefix`: `通报[` or `per 通报
/// except ` or `missing 通报 except {甲, `, on the cursor's line.
fn member_context(prefix: &str) -> Option<String> {
    let line = &prefix[prefix.rfind('\n').map_or(0, |i| i + 1)..];
    let words: Vec<&str> = line
        .split(|c: char| lex::is_space(c) || matches!(c, '{' | '}' | ',' | '、' | ']'))
        .filter(|w| !w.is_empty())
        .collect();
    // `通报[`: the bracket is still open.
    if let Some(open) = line.rfind('[') {
        if !line[open..].contains(']') {
            let before = line[..open].trim_end();
            let fact: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            return (!fact.is_empty()).then_some(fact);
        }
    }
    // `… FACT except` or `… FACT except {甲, `: every word after `except` a member.
    let except = words.iter().rposition(|w| *w == "except")?;
    if except == 0 || line.contains('}') && line.rfind('}') > line.rfind("except") {
        return None;
    }
    let after = &line[line.rfind("except")? + "except".len()..];
    let open_list = after.trim_start().starts_with('{');
    // Without a list, `except` takes one member: after it, the place is an effect.
    if !open_list && words.len() > except + 1 {
        return None;
    }
    Some(words[except - 1].to_string())
}

/// The name of the item whose braces hold the end of `prefix`, if any.
fn enclosing_item(prefix: &str, tokens: &[Token]) -> Option<String> {
    let mut open: Vec<usize> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            Kind::Open => open.push(i),
            Kind::Close => {
                open.pop();
            }
            _ => {}
        }
    }
    // The innermost open brace whose statement starts with `item`.
    for &brace in open.iter().rev() {
        let words: Vec<&Token> = tokens[..brace].iter().rev().take(3).collect();
        if let [_points, name, keyword] = words.as_slice() {
            if &prefix[keyword.start..keyword.end] == "item" {
                let name = &prefix[name.start..name.end];
                let name = name.trim_matches('"');
                return Some(name.to_string());
            }
        }
    }
    None
}

fn find_item<'a>(file: &'a File, name: &str) -> Option<&'a Item> {
    navigation::items(file)
        .into_iter()
        .map(|p| p.item)
        .find(|i| i.name.node == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_wanted_after_except_and_inside_brackets() {
        assert_eq!(member_context("  per 通报 except "), Some("通报".into()));
        assert_eq!(
            member_context("  per 通报 except {甲, "),
            Some("通报".into())
        );
        assert_eq!(member_context("  per 通报 except 甲 "), None);
        assert_eq!(member_context("  per 通报 except {甲} "), None);
        assert_eq!(member_context("  if 通报["), Some("通报".into()));
        assert_eq!(member_context("  if 通报[甲] "), None);
        assert_eq!(member_context("  per 通报 "), None);
    }
}
