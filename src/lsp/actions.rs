//! Code actions: the one sure fix a diagnostic carries ([`crate::diagnostic::Fix`]),
//! such as the ASCII `,` for a full-width `，` or the declared name a misspelt one is
//! closest to, offered as a quick fix where the diagnostic is.

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Uri, WorkspaceEdit};

use crate::locale;
use crate::span::Span;
use crate::tr;

use super::diagnostics;
use super::documents::Document;

/// The quick fixes of the diagnostics that touch `span`.
pub fn at(uri: &Uri, document: &Document, span: Span) -> Vec<CodeActionOrCommand> {
    let lang = locale::current();
    document
        .diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            if fix.span.end < span.start || span.end < fix.span.start {
                return None;
            }
            let found = document.text.get(fix.span.start..fix.span.end)?;
            let title = if fix.replacement.is_empty() {
                tr!(lang, "lsp-action-delete", found = found)
            } else {
                tr!(
                    lang,
                    "lsp-action-replace",
                    found = found,
                    replacement = &fix.replacement
                )
            };
            let edit = TextEdit::new(document.range(fix.span), fix.replacement.clone());
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostics::convert(uri, document, d)]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..Default::default()
                }),
                is_preferred: Some(true),
                ..Default::default()
            }))
        })
        .collect()
}
