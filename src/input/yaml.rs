//! YAML evidence, read with saphyr's marked tree into the same [`Node`] tree TOML and
//! JSON give, with byte spans.
//!
//! saphyr's markers count characters; they are turned into byte offsets here. Numbers
//! are taken from their text in the file, never through a float, so `3.5` stays exactly
//! 3.5. Anchors and aliases are refused: evidence has no use for them, and an alias
//! that expands to copies of copies is how a small file becomes a huge tree.

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

use super::problem::InputError;
use super::raw::{Format, Node, Raw};
use crate::source::SourceFile;
use crate::span::{Span, Spanned};

/// Evidence nests little; deeper than this is refused.
const MAX_DEPTH: usize = 16;

pub fn read(source: &SourceFile) -> Result<Node, InputError> {
    let text = source.text();
    // The byte offset of every character, and of the end.
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let byte = |chars: usize| offsets.get(chars).copied().unwrap_or(text.len());
    let syntax = |e: saphyr::ScanError| {
        let at = byte(e.marker().index());
        let next = text[at..].chars().next().map_or(0, char::len_utf8);
        InputError::Syntax {
            format: Format::Yaml,
            span: Span::new(at, at + next),
            reason: super::reason::yaml(e.info()),
        }
    };
    // Before any tree is built: no alias (saphyr would expand each into a copy, and
    // copies of copies make a small file huge) and no deep nesting. The event stream is
    // read iteratively, so this costs no stack however the file nests.
    let mut depth = 0usize;
    for event in saphyr_parser::Parser::new_from_str(text) {
        let (event, span) = event.map_err(syntax)?;
        let at = byte(span.start.index());
        match event {
            saphyr_parser::Event::Alias(_) => {
                return Err(InputError::YamlAlias {
                    span: Span::new(at, byte(span.end.index()).max(at)),
                });
            }
            saphyr_parser::Event::SequenceStart(..) | saphyr_parser::Event::MappingStart(..) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(InputError::TooDeep {
                        span: Span::new(at, at),
                        max: MAX_DEPTH,
                    });
                }
            }
            saphyr_parser::Event::SequenceEnd | saphyr_parser::Event::MappingEnd => {
                depth = depth.saturating_sub(1)
            }
            _ => {}
        }
    }
    let docs = MarkedYaml::load_from_str(text).map_err(|e| {
        let at = byte(e.marker().index());
        let next = text[at..].chars().next().map_or(0, char::len_utf8);
        InputError::Syntax {
            format: Format::Yaml,
            span: Span::new(at, at + next),
            reason: super::reason::yaml(e.info()),
        }
    })?;
    match docs.as_slice() {
        [doc] => convert(doc, text, &byte, 0),
        [] => Err(InputError::YamlEmpty),
        [_, second, ..] => Err(InputError::YamlDocuments {
            at: byte(second.span.start.index()),
        }),
    }
}

fn convert(
    node: &MarkedYaml<'_>,
    text: &str,
    byte: &dyn Fn(usize) -> usize,
    depth: usize,
) -> Result<Node, InputError> {
    let span = Span::new(
        byte(node.span.start.index()),
        byte(node.span.end.index()).max(byte(node.span.start.index())),
    );
    if depth > MAX_DEPTH {
        return Err(InputError::TooDeep {
            span,
            max: MAX_DEPTH,
        });
    }
    let raw = match &node.data {
        YamlData::Value(Scalar::Null) => Raw::Null,
        YamlData::Value(Scalar::Boolean(b)) => Raw::Bool(*b),
        // The number as written, read exactly later on.
        YamlData::Value(Scalar::Integer(_)) => {
            Raw::Integer(text[span.start..span.end].trim().replace('_', ""))
        }
        YamlData::Value(Scalar::FloatingPoint(_)) => {
            Raw::Float(text[span.start..span.end].trim().to_string())
        }
        YamlData::Value(Scalar::String(s)) => Raw::String(s.to_string()),
        YamlData::Representation(s, _, _) => Raw::String(s.to_string()),
        YamlData::Sequence(items) => Raw::Array(
            items
                .iter()
                .map(|i| convert(i, text, byte, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        YamlData::Mapping(entries) => {
            let mut table = Vec::with_capacity(entries.len());
            for (k, v) in entries {
                let key_span = Span::new(byte(k.span.start.index()), byte(k.span.end.index()));
                let key = match &k.data {
                    YamlData::Value(Scalar::String(s)) => s.to_string(),
                    YamlData::Representation(s, _, _) => s.to_string(),
                    _ => text[key_span.start..key_span.end].trim().to_string(),
                };
                table.push((
                    Spanned::new(key, key_span),
                    convert(v, text, byte, depth + 1)?,
                ));
            }
            Raw::Table(table)
        }
        YamlData::Tagged(_, inner) => return convert(inner, text, byte, depth + 1),
        YamlData::Alias(_) => return Err(InputError::YamlAlias { span }),
        YamlData::BadValue => return Err(InputError::YamlValue { span }),
    };
    Ok(Node { raw, span })
}
