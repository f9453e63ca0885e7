//! Evidence files read into one tree with byte spans, whatever their format.
//!
//! TOML is read with `toml`'s spanned document, JSON with `jsonc-parser`'s AST; both
//! keep the byte range of every key and value, so a diagnostic can point into the file.

use std::path::Path;

use super::problem::{reason_of, InputError};
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;
use crate::span::{Span, Spanned};

/// A value of an evidence file, before it is checked against a rubric.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Bool(bool),
    /// An integer, as written.
    Integer(String),
    /// A number with a fraction, as written (read exactly, never as a float).
    Float(String),
    String(String),
    /// A TOML date or date-time, as written.
    Date(String),
    Array(Vec<Node>),
    Table(Vec<(Spanned<String>, Node)>),
    Null,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub raw: Raw,
    pub span: Span,
}

impl Raw {
    /// What kind of value this is, in the run's language: `a whole number`, `整数`.
    pub fn describe(&self) -> String {
        match self {
            Raw::Bool(_) => crate::diagnostic::msg!("raw-bool"),
            Raw::Integer(_) => crate::diagnostic::msg!("raw-integer"),
            Raw::Float(_) => crate::diagnostic::msg!("raw-float"),
            Raw::String(_) => crate::diagnostic::msg!("raw-string"),
            Raw::Date(_) => crate::diagnostic::msg!("raw-date"),
            Raw::Array(_) => crate::diagnostic::msg!("raw-array"),
            Raw::Table(_) => crate::diagnostic::msg!("raw-table"),
            Raw::Null => crate::diagnostic::msg!("raw-null"),
        }
    }
}

/// The formats evidence may come in, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One unit per file.
    Toml,
    /// One unit per file.
    Json,
    /// One unit per file (`super::yaml`).
    Yaml,
    /// One unit per row (`crate::evidence`'s `delimited`).
    Csv,
    /// One unit per row of the first visible sheet (`crate::evidence`'s `workbook`).
    Xlsx,
}

impl Format {
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// Evidence files nest little: a unit, its items, their facts, a tally's members.
const MAX_DEPTH: usize = 16;

pub fn read(source: &SourceFile, format: Format) -> Result<Node, Diagnostic> {
    if let Some(d) = crate::syntax::depth_check(source.text(), MAX_DEPTH) {
        return Err(d.with_source(source));
    }
    match format {
        Format::Toml => read_toml(source),
        Format::Json => read_json(source),
        Format::Yaml => super::yaml::read(source),
        Format::Csv | Format::Xlsx => Err(InputError::SpreadsheetOneUnit {
            name: source.name().to_string(),
        }),
    }
    .map_err(|problem| Diagnostic::from(problem).with_source(source))
}

/// The refusal of a file its parser refuses, with the parser's `message`.
fn syntax_error(message: &str, span: Span, format: Format) -> InputError {
    InputError::Syntax {
        format,
        span,
        reason: reason_of(message),
    }
}

fn read_toml(source: &SourceFile) -> Result<Node, InputError> {
    let doc = toml::de::DeTable::parse(source.text()).map_err(|e| {
        let span = e
            .span()
            .map_or(Span::default(), |r| Span::new(r.start, r.end));
        syntax_error(&super::reason::toml(e.message()), span, Format::Toml)
    })?;
    let span = Span::new(doc.span().start, doc.span().end);
    Ok(Node {
        raw: Raw::Table(toml_table(doc.get_ref())),
        span,
    })
}

fn toml_table(table: &toml::de::DeTable<'_>) -> Vec<(Spanned<String>, Node)> {
    table
        .iter()
        .map(|(k, v)| {
            let key = Spanned::new(
                k.get_ref().to_string(),
                Span::new(k.span().start, k.span().end),
            );
            (key, toml_value(v))
        })
        .collect()
}

fn toml_value(v: &toml::Spanned<toml::de::DeValue<'_>>) -> Node {
    use toml::de::DeValue;
    let span = Span::new(v.span().start, v.span().end);
    let raw = match v.get_ref() {
        DeValue::String(s) => Raw::String(s.to_string()),
        DeValue::Integer(i) if i.radix() == 10 => Raw::Integer(i.as_str().replace('_', "")),
        DeValue::Integer(i) => Raw::String(i.as_str().to_string()),
        DeValue::Float(f) => Raw::Float(f.as_str().replace('_', "")),
        DeValue::Boolean(b) => Raw::Bool(*b),
        DeValue::Datetime(d) => Raw::Date(d.to_string()),
        DeValue::Array(a) => Raw::Array(a.iter().map(toml_value).collect()),
        DeValue::Table(t) => Raw::Table(toml_table(t)),
    };
    Node { raw, span }
}

pub(super) fn read_json(source: &SourceFile) -> Result<Node, InputError> {
    use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};
    // serde_json is the strict judge of JSON syntax (jsonc-parser forgives a missing
    // comma); jsonc-parser then gives the spans. serde_json reports a 1-based line and
    // a 1-based column counted in bytes.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(source.text()) {
        let text = source.text();
        let line_start: usize = text
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum();
        let mut at = (line_start + e.column().saturating_sub(1)).min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let message = e.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        // A comma before an object's `}` leaves serde_json expecting a key; the comma is
        // what is wrong, and the words say so.
        let after_comma = text[..at].trim_end().ends_with(',');
        let message =
            if message == "key must be a string" && text[at..].starts_with('}') && after_comma {
                "trailing comma".to_string()
            } else {
                message
            };
        let next = text[at..].chars().next().map_or(0, char::len_utf8);
        // JSON has no comments; say so rather than "key must be a string".
        let comment = text[at..].starts_with("//") || text[at..].starts_with("/*");
        let span = Span::new(at, at + next);
        return Err(if comment {
            InputError::JsonComment { span }
        } else {
            syntax_error(&super::reason::json(&message), span, Format::Json)
        });
    }
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
    };
    let parsed =
        parse_to_ast(source.text(), &CollectOptions::default(), &options).map_err(|e| {
            let r = e.range();
            syntax_error(
                &super::reason::json(&e.kind().to_string()),
                Span::new(r.start, r.end),
                Format::Json,
            )
        })?;
    let node = match parsed.value {
        Some(v) => json_value(&v),
        None => return Err(InputError::JsonEmpty),
    };
    match twice(&node) {
        Some(key) => Err(InputError::JsonTwice { key: key.clone() }),
        None => Ok(node),
    }
}

/// A key given twice in an object of a JSON file, at its second place, as
/// TOML's and YAML's readers refuse one (`kaohe::evidence::syntax`). Nesting is
/// bounded by [`MAX_DEPTH`].
fn twice(node: &Node) -> Option<&Spanned<String>> {
    match &node.raw {
        Raw::Table(entries) => {
            let mut seen = std::collections::HashSet::with_capacity(entries.len());
            for (key, _) in entries {
                if !seen.insert(key.node.as_str()) {
                    return Some(key);
                }
            }
            entries.iter().find_map(|(_, value)| twice(value))
        }
        Raw::Array(values) => values.iter().find_map(twice),
        _ => None,
    }
}

fn json_value(v: &jsonc_parser::ast::Value<'_>) -> Node {
    use jsonc_parser::ast::{ObjectPropName, Value};
    let range = |r: jsonc_parser::common::Range| Span::new(r.start, r.end);
    match v {
        Value::StringLit(s) => Node {
            raw: Raw::String(s.value.to_string()),
            span: range(s.range),
        },
        Value::NumberLit(n) => {
            let text = n.value.to_string();
            let raw = if text.contains(['.', 'e', 'E']) {
                Raw::Float(text)
            } else {
                Raw::Integer(text)
            };
            Node {
                raw,
                span: range(n.range),
            }
        }
        Value::BooleanLit(b) => Node {
            raw: Raw::Bool(b.value),
            span: range(b.range),
        },
        Value::NullKeyword(n) => Node {
            raw: Raw::Null,
            span: range(n.range),
        },
        Value::Array(a) => Node {
            raw: Raw::Array(a.elements.iter().map(json_value).collect()),
            span: range(a.range),
        },
        Value::Object(o) => Node {
            raw: Raw::Table(
                o.properties
                    .iter()
                    .map(|p| {
                        let key = match &p.name {
                            ObjectPropName::String(s) => {
                                Spanned::new(s.value.to_string(), range(s.range))
                            }
                            ObjectPropName::Word(w) => {
                                Spanned::new(w.value.to_string(), range(w.range))
                            }
                        };
                        (key, json_value(&p.value))
                    })
                    .collect(),
            ),
            span: range(o.range),
        },
    }
}
