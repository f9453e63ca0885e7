//! Diagnostics: kaohe's diagnostics of a document as the protocol's, each at the
//! UTF-16 range of its primary label, with its help, and its other labels as related
//! information.
//!
//! A sum that does not add up is often one item under the wrong heading: one
//! section is short by what another has too many. Each such diagnostic points to the
//! other headings whose sums are off, so that both are seen from either.

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri};

use crate::diagnostic::{codes, Diagnostic, Severity};

use super::documents::Document;

/// Every diagnostic of a document, in the protocol's terms.
pub fn of_document(uri: &Uri, document: &Document) -> Vec<lsp_types::Diagnostic> {
    document
        .diagnostics
        .iter()
        .map(|d| convert(uri, document, d))
        .collect()
}

/// One diagnostic in the protocol's terms.
pub fn convert(uri: &Uri, document: &Document, d: &Diagnostic) -> lsp_types::Diagnostic {
    let primary = d.labels.iter().find(|l| l.primary);
    let range = document.range(primary.map_or(Default::default(), |l| l.span));
    let mut message = d.message.clone();
    if let Some(label) = primary.filter(|l| !l.text.is_empty()) {
        message.push_str(&format!(" ({})", label.text));
    }
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(help);
    }
    let mut related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter(|l| !l.primary)
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), document.range(l.span)),
            message: if l.text.is_empty() {
                d.message.clone()
            } else {
                l.text.clone()
            },
        })
        .collect();
    if d.code == codes::POINTS_SUM {
        related.extend(
            document
                .diagnostics
                .iter()
                .filter(|other| other.code == codes::POINTS_SUM && other.offset() != d.offset())
                .map(|other| DiagnosticRelatedInformation {
                    location: Location::new(
                        uri.clone(),
                        document.range(other.labels.first().map_or(Default::default(), |l| l.span)),
                    ),
                    message: other.message.clone(),
                }),
        );
    }
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            // A warning the rule file acknowledges (`allow`): shown faintly.
            Severity::Acknowledged => DiagnosticSeverity::HINT,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("kaohe".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}
