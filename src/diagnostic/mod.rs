//! Diagnostics: every problem kaohe reports, in a rule file or in evidence.
//!
//! A [`Diagnostic`] has a stable code (see [`codes`]), a severity, a lowercase message,
//! labels on byte spans of one source file, and a help that says what to change. It
//! implements [`miette::Diagnostic`] for the human rendering and serialises to JSON for
//! editors and CI (`--message-format json`).
//!
//! Every message, label and help is a message of the catalogue
//! `locales/*/diagnostics.ftl`, named by its id through [`msg!`](crate::msg) and worded
//! in the run's language ([`crate::locale::current`]) when the diagnostic is made:
//! a diagnostic is plain text from then on, the same for the terminal, the JSON lines,
//! the reports that quote it and the tests. Each message is written once, in the
//! catalogue, in Chinese and in English; the codes are identifiers and stay as they are.

pub mod codes;
mod excerpt;
mod hidden;
mod render;

pub use excerpt::{Excerpt, LINE_CHARS, WINDOW};
pub use render::{render_human, render_json, HumanStyle, JsonDiagnostic, MAX_LABELS};

use std::fmt;

use crate::source::SourceFile;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
    /// A warning the rule file acknowledges with `allow NAME` on its item: shown by
    /// `kaohe check --verbose`, never failing a run.
    Acknowledged,
}

/// A span with a short text, underlined in the rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Span,
    pub text: String,
    pub primary: bool,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub source: Option<SourceFile>,
    /// The one sure fix, when there is one: the text to put in place of a span (an
    /// editor offers it as a quick fix).
    /// Boxed: most diagnostics have none, and a diagnostic travels in `Result`s.
    pub fix: Option<Box<Fix>>,
}

/// A sure fix: `replacement` in place of the text at `span`.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            source: None,
            fix: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Adds the primary label: the place the header of the report points at.
    pub fn primary(mut self, span: Span, text: impl Into<String>) -> Self {
        for l in &mut self.labels {
            l.primary = false;
        }
        self.labels.insert(
            0,
            Label {
                span,
                text: text.into(),
                primary: true,
            },
        );
        self
    }

    /// Adds a secondary label.
    pub fn label(mut self, span: Span, text: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            text: text.into(),
            primary: false,
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Gives the one sure fix: `replacement` in place of the text at `span`.
    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix = Some(Box::new(Fix {
            span,
            replacement: replacement.into(),
        }));
        self
    }

    pub fn with_source(mut self, source: &SourceFile) -> Self {
        self.source = Some(source.clone());
        self
    }

    /// The byte offset the diagnostic is sorted by: its primary label's start.
    pub fn offset(&self) -> usize {
        self.labels.first().map(|l| l.span.start).unwrap_or(0)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Warning => miette::Severity::Warning,
            Severity::Error => miette::Severity::Error,
            Severity::Acknowledged => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        if self.source.is_none() || self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().map(|l| {
            let text = if l.text.is_empty() {
                None
            } else {
                Some(l.text.clone())
            };
            if l.primary {
                miette::LabeledSpan::new_primary_with_span(text, l.span)
            } else {
                miette::LabeledSpan::new_with_span(text, l.span)
            }
        })))
    }
}

/// A message of the diagnostics' catalogue in the run's language
/// ([`crate::locale::current`]), its arguments given by name: `msg!("syntax-bad-date",
/// text = "2020-02-30")`; an attribute of the message (its `.label` or `.help`) as
/// `msg!("syntax-bad-date".help)`. An id or attribute missing from the catalogue
/// gives the id itself (`tests/it/locales.rs` fails first).
#[macro_export]
macro_rules! msg {
    ($id:literal . $attr:ident $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::locale::attribute(
            $crate::locale::current(),
            $id,
            stringify!($attr),
            &[$((stringify!($name), $crate::locale::Arg::from($value))),*],
        )
        .unwrap_or_else(|| $id.to_string())
    };
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::locale::text(
            $crate::locale::current(),
            $id,
            &[$((stringify!($name), $crate::locale::Arg::from($value))),*],
        )
    };
}

/// The [`msg!`](crate::msg) macro by the path of its layer, `crate::diagnostic::msg`.
pub use super::msg;

/// Sorts diagnostics by file position, errors before warnings at the same place.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(order);
}

/// The order [`sort`] puts two diagnostics in.
pub fn order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    a.offset()
        .cmp(&b.offset())
        .then(b.severity.cmp(&a.severity))
        .then(a.code.cmp(b.code))
}

/// An I/O error in the words of a message: lowercase, and the two common kinds said
/// plainly, a missing file or folder as `not_found` says it.
pub fn io_reason(e: &std::io::Error, not_found: &str) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => not_found.to_string(),
        std::io::ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        _ => e.to_string().to_lowercase(),
    }
}
