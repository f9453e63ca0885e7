//! Rendering diagnostics for people (miette's graphical report) and for programs (JSON).

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use serde::Serialize;

use super::excerpt::Excerpt;
use super::{Diagnostic, Severity};
use crate::span::Span;

/// The most labels a diagnostic shows in its human rendering; `--message-format
/// json` gives them all. A rubric of 20,000 sections whose points do not add up has
/// a label on each: miette's drawing takes time in the square of their number.
pub const MAX_LABELS: usize = 16;

/// How human-readable diagnostics are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HumanStyle {
    /// Colours when the terminal has them, the terminal's width.
    Terminal,
    /// No colour, unicode box drawing, 100 columns: stable for snapshots.
    Plain,
    /// Colours even when not on a terminal (`--color always`, `CLICOLOR_FORCE`).
    Colored,
    /// No colour, unicode box drawing, the terminal's width (`--color never`).
    Uncolored,
}

/// Renders one diagnostic as miette's graphical report.
pub fn render_human(diagnostic: &Diagnostic, style: HumanStyle) -> String {
    let handler = match style {
        HumanStyle::Terminal => GraphicalReportHandler::new(),
        HumanStyle::Plain => {
            GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_width(100)
        }
        HumanStyle::Colored => GraphicalReportHandler::new_themed(GraphicalTheme::unicode()),
        HumanStyle::Uncolored => {
            GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        }
    };
    // Nothing hidden in the file or the texts reaches the terminal as it is.
    let shown = super::hidden::for_terminal(diagnostic);
    let diagnostic = shown.as_ref().unwrap_or(diagnostic);
    let mut out = String::new();
    if handler
        .render_report(&mut out, &Shown::new(diagnostic))
        .is_err()
    {
        // A span outside its source is a bug in kaohe; still say what the problem was.
        out = format!(
            "{}: {} [{}]\n",
            severity_word(diagnostic.severity),
            diagnostic.message,
            diagnostic.code
        );
    } else if diagnostic.help.is_some() {
        out = with_help_heading(out);
    }
    out
}

/// miette's report with the heading of its help in the run's language. miette writes
/// `help: ` (eight columns with its indent) before the help, the last part of the
/// report; the heading in Chinese takes the same eight columns, so that the lines the
/// help wraps onto stay aligned under it.
fn with_help_heading(out: String) -> String {
    const MIETTE: &str = "  help: ";
    let heading = super::msg!("diagnostic-help-heading");
    if heading == MIETTE {
        return out;
    }
    match out.rfind(MIETTE) {
        Some(at) => format!("{}{heading}{}", &out[..at], &out[at + MIETTE.len()..]),
        None => out,
    }
}

/// A diagnostic as its human rendering shows it: at most [`MAX_LABELS`] labels,
/// on an [`Excerpt`] of its source rather than the whole text.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    excerpt: Option<Excerpt>,
    /// The labels kept, with their spans in the excerpt.
    labels: Vec<(Span, &'a super::Label)>,
    help: Option<String>,
}

impl<'a> Shown<'a> {
    fn new(d: &'a Diagnostic) -> Self {
        let kept = &d.labels[..d.labels.len().min(MAX_LABELS)];
        let left_out = d.labels.len() - kept.len();
        let help = if left_out == 0 {
            d.help.clone()
        } else {
            let note = super::msg!("diagnostic-labels-left-out", count = left_out.to_string());
            Some(match &d.help {
                Some(h) => format!("{h}\n{note}"),
                None => note,
            })
        };
        let (excerpt, labels) = match &d.source {
            Some(source) if !kept.is_empty() => {
                let spans: Vec<Span> = kept.iter().map(|l| l.span).collect();
                let (excerpt, spans) = Excerpt::new(source, &spans);
                (Some(excerpt), spans.into_iter().zip(kept).collect())
            }
            _ => (None, Vec::new()),
        };
        Shown {
            diagnostic: d,
            excerpt,
            labels,
            help,
        }
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        miette::Diagnostic::code(self.diagnostic)
    }

    fn severity(&self) -> Option<miette::Severity> {
        miette::Diagnostic::severity(self.diagnostic)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.excerpt.as_ref().map(|e| e as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.excerpt.as_ref()?;
        Some(Box::new(self.labels.iter().map(|(span, l)| {
            let text = (!l.text.is_empty()).then(|| l.text.clone());
            if l.primary {
                LabeledSpan::new_primary_with_span(text, *span)
            } else {
                LabeledSpan::new_with_span(text, *span)
            }
        })))
    }
}

fn severity_word(s: Severity) -> String {
    match s {
        Severity::Error => super::msg!("diagnostic-error"),
        Severity::Warning => super::msg!("diagnostic-warning"),
        Severity::Acknowledged => super::msg!("diagnostic-acknowledged"),
    }
}

/// One diagnostic as `--message-format json` prints it, one object per line.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: Option<String>,
    pub span: Option<Span>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub labels: Vec<JsonLabel>,
    pub help: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct JsonLabel {
    pub message: String,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub primary: bool,
}

impl JsonDiagnostic {
    pub fn new(d: &Diagnostic) -> Self {
        let place = |span: Span| {
            d.source
                .as_ref()
                .map(|s| s.line_col(span.start))
                .unwrap_or((0, 0))
        };
        // A diagnostic's source may be a part of its file (a chunk of a large CSV
        // file, or the lines it shows): spans are given as offsets in the whole file.
        let shift = d.source.as_ref().map_or(0, |s| s.origin().byte);
        let in_file = |span: Span| Span::new(span.start + shift, span.end + shift);
        let primary = d.labels.first();
        JsonDiagnostic {
            code: d.code,
            severity: d.severity,
            message: d.message.clone(),
            file: d.source.as_ref().map(|s| s.name().to_string()),
            span: primary.map(|l| in_file(l.span)),
            line: primary.map(|l| place(l.span).0),
            column: primary.map(|l| place(l.span).1),
            labels: d
                .labels
                .iter()
                .map(|l| {
                    let (line, column) = place(l.span);
                    JsonLabel {
                        message: l.text.clone(),
                        span: in_file(l.span),
                        line,
                        column,
                        primary: l.primary,
                    }
                })
                .collect(),
            help: d.help.clone(),
        }
    }
}

/// Renders one diagnostic as a single line of JSON.
pub fn render_json(diagnostic: &Diagnostic) -> String {
    let json =
        serde_json::to_string(&JsonDiagnostic::new(diagnostic)).expect("diagnostics serialise");
    // DEL, C1 and bidirectional characters as `\uXXXX`, as the JSON reports write them.
    crate::safe::json(&json).into_owned()
}
