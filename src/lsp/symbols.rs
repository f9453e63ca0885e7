//! The outline (sections and items with their points, and each item's facts) and the
//! folding ranges (sections, items and `"""` blocks).

use lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};
use rust_decimal::Decimal;

use crate::formatter::lex::{self, Kind};
use crate::span::Span;
use crate::syntax::ast::{Node, Section};

use super::documents::Document;

/// The outline of a document (empty while it does not parse).
pub fn outline(document: &Document) -> Vec<DocumentSymbol> {
    let Some(file) = &document.ast else {
        return Vec::new();
    };
    file.nodes.iter().map(|n| node(document, n)).collect()
}

fn points(points: Decimal, weight: Option<Decimal>) -> String {
    match weight {
        Some(w) => format!("{}%", w.normalize()),
        None => points.normalize().to_string(),
    }
}

// `deprecated` is a field of the protocol's type that must still be given.
#[allow(deprecated)]
fn symbol(
    document: &Document,
    name: &str,
    detail: String,
    kind: SymbolKind,
    span: Span,
    selection: Span,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: name.to_string(),
        detail: Some(detail),
        kind,
        tags: None,
        deprecated: None,
        range: document.range(span),
        selection_range: document.range(selection),
        children: (!children.is_empty()).then_some(children),
    }
}

fn node(document: &Document, node: &Node) -> DocumentSymbol {
    match node {
        Node::Section(s) => section(document, s),
        Node::Item(item) => {
            let facts = item
                .facts
                .iter()
                .map(|f| {
                    symbol(
                        document,
                        &f.name.node,
                        f.ty.node.describe().to_string(),
                        SymbolKind::FIELD,
                        f.span,
                        f.name.span,
                        Vec::new(),
                    )
                })
                .collect();
            symbol(
                document,
                &item.name.node,
                points(item.points.node, item.weight),
                SymbolKind::METHOD,
                item.span,
                item.name.span,
                facts,
            )
        }
    }
}

fn section(document: &Document, s: &Section) -> DocumentSymbol {
    let children = s.children.iter().map(|n| node(document, n)).collect();
    let detail = match s.kind.keyword() {
        "section" => points(s.points.node, s.weight),
        kind => format!("{kind} {}", points(s.points.node, s.weight)),
    };
    symbol(
        document,
        &s.name.node,
        detail,
        SymbolKind::NAMESPACE,
        s.span,
        s.name.span,
        children,
    )
}

/// The folding ranges: every pair of braces and every block text, over more than
/// one line, and runs of comment lines.
pub fn folding(document: &Document) -> Vec<FoldingRange> {
    let text = &document.text;
    let tokens = lex::tokens(text);
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut comments: Option<(usize, usize)> = None;
    let mut push = |start: usize, end: usize, kind: Option<FoldingRangeKind>| {
        let (a, b) = (
            document.range(Span::new(start, start)),
            document.range(Span::new(end, end)),
        );
        if b.start.line > a.start.line {
            out.push(FoldingRange {
                start_line: a.start.line,
                end_line: b.start.line,
                kind,
                ..Default::default()
            });
        }
    };
    for t in &tokens {
        if t.kind == Kind::Comment {
            comments = match comments {
                Some((start, _)) if t.newlines <= 1 => Some((start, t.start)),
                Some((start, end)) => {
                    push(start, end, Some(FoldingRangeKind::Comment));
                    Some((t.start, t.start))
                }
                None => Some((t.start, t.start)),
            };
            continue;
        }
        if let Some((start, end)) = comments.take() {
            push(start, end, Some(FoldingRangeKind::Comment));
        }
        match t.kind {
            Kind::Open => open.push(t.start),
            Kind::Close => {
                if let Some(start) = open.pop() {
                    push(start, t.start, Some(FoldingRangeKind::Region));
                }
            }
            Kind::Block => push(t.start, t.end, Some(FoldingRangeKind::Region)),
            _ => {}
        }
    }
    if let Some((start, end)) = comments {
        push(start, end, Some(FoldingRangeKind::Comment));
    }
    out
}
