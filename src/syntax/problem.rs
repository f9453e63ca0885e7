//! The problems the syntax stage finds, as kinds carrying their data.
//!
//! Each problem a parse or the AST build meets is a variant of [`SyntaxError`] with
//! the spans, names and numbers it concerns; the one `From<SyntaxError> for
//! Diagnostic` below gives each kind its code, message, labels, help and fix, worded
//! in the run's language. A code belongs to its kind here and nowhere else.

use super::error::{describe_expected, help_for};
use super::Rule;
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::span::Span;

/// What stood where the parse failed, as the label says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// The end of the file.
    End,
    /// A space or a line break.
    Space,
    /// A token, at most 12 characters of it.
    Token(String),
}

/// A problem of a rule file's syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxError {
    /// A bracket inside a fact's name (`指南不规范（条）数`).
    NameBracket { span: Span, found: char },
    /// A full-width form of a character of the language (`４`, `（`).
    Fullwidth {
        span: Span,
        found: char,
        ascii: char,
    },
    /// A full-width character whose ASCII form the language has no use for (`：`).
    FullwidthForeign { span: Span, found: char },
    /// The file ends inside a block opened at byte `open`.
    Unclosed { span: Span, open: usize },
    /// A name cut short by a space, to be written as `quoted`.
    SpacedName { span: Span, quoted: String },
    /// A `：` or `:` at `colon` between an item's name and its points at `span`.
    Colon {
        span: Span,
        colon: Span,
        found: char,
    },
    /// Something else than what the grammar expects: the rules pest names, in the
    /// statement `context` opens, and the keyword the word found may misspell.
    Expected {
        span: Span,
        found: Found,
        expected: Vec<Rule>,
        context: Option<&'static str>,
        misspelt: Option<&'static str>,
    },
    /// An item's `start` written twice.
    StartTwice { span: Span },
    /// An item's `applicable unless` written twice.
    ApplicableTwice { span: Span },
    /// A clause's `floor`, `max` or `unless` written twice.
    ModifierTwice { span: Span },
    /// An escape the strings do not know (`\x`).
    Escape { span: Span, escape: char },
    /// Brackets nested deeper than `max`, the first too deep at `span`.
    TooDeep { span: Span, max: usize },
    /// An expression of more than `max` operators.
    TooLong { span: Span, max: usize },
    /// A date that does not exist (`2020-02-30`).
    BadDate { span: Span, text: String },
    /// A number that does not fit (more than a billion, or too many digits).
    BadDecimal { span: Span, text: String },
    /// A whole number that does not fit.
    BadInteger { span: Span, text: String },
}

impl SyntaxError {
    /// The place the problem is reported at: its primary label's start.
    pub fn offset(&self) -> usize {
        match self {
            SyntaxError::Colon { colon, .. } => colon.start,
            SyntaxError::NameBracket { span, .. }
            | SyntaxError::Fullwidth { span, .. }
            | SyntaxError::FullwidthForeign { span, .. }
            | SyntaxError::Unclosed { span, .. }
            | SyntaxError::SpacedName { span, .. }
            | SyntaxError::Expected { span, .. }
            | SyntaxError::StartTwice { span }
            | SyntaxError::ApplicableTwice { span }
            | SyntaxError::ModifierTwice { span }
            | SyntaxError::Escape { span, .. }
            | SyntaxError::TooDeep { span, .. }
            | SyntaxError::TooLong { span, .. }
            | SyntaxError::BadDate { span, .. }
            | SyntaxError::BadDecimal { span, .. }
            | SyntaxError::BadInteger { span, .. } => span.start,
        }
    }
}

impl From<SyntaxError> for Diagnostic {
    fn from(problem: SyntaxError) -> Diagnostic {
        match problem {
            SyntaxError::NameBracket { span, found } => Diagnostic::error(
                codes::SYNTAX,
                msg!("syntax-name-bracket", found = found.to_string()),
            )
            .primary(span, msg!("syntax-name-bracket".label))
            .help(msg!("syntax-name-bracket".help)),
            SyntaxError::Fullwidth { span, found, ascii } => {
                let (found, ascii) = (found.to_string(), ascii.to_string());
                Diagnostic::error(
                    codes::FULLWIDTH,
                    msg!("syntax-fullwidth", found = &found, ascii = &ascii),
                )
                .primary(span, msg!("syntax-fullwidth".label, ascii = &ascii))
                .help(msg!("syntax-fullwidth".help, ascii = &ascii))
                .fix(span, ascii)
            }
            SyntaxError::FullwidthForeign { span, found } => {
                let found = found.to_string();
                Diagnostic::error(
                    codes::FULLWIDTH,
                    msg!("syntax-fullwidth-foreign", found = &found),
                )
                .primary(span, msg!("syntax-fullwidth-foreign".label))
                .help(msg!("syntax-fullwidth-foreign".help, found = &found))
                .fix(span, "")
            }
            SyntaxError::Unclosed { span, open } => {
                Diagnostic::error(codes::SYNTAX, msg!("syntax-unclosed"))
                    .primary(span, msg!("syntax-unclosed".label))
                    .label(Span::new(open, open + 1), msg!("syntax-unclosed".open))
                    .help(msg!("syntax-unclosed".help))
            }
            SyntaxError::SpacedName { span, quoted } => {
                Diagnostic::error(codes::SYNTAX, msg!("syntax-spaced-name"))
                    .primary(span, msg!("syntax-spaced-name".label))
                    .help(msg!("syntax-spaced-name".help, quoted = quoted))
            }
            SyntaxError::Colon { span, colon, found } => {
                let found = found.to_string();
                Diagnostic::error(codes::SYNTAX, msg!("syntax-colon", found = &found))
                    .primary(colon, msg!("syntax-colon".label, found = &found))
                    .label(span, msg!("syntax-colon".points))
                    .help(msg!("syntax-colon".help, found = &found))
            }
            SyntaxError::Expected {
                span,
                found,
                expected,
                context,
                misspelt,
            } => {
                let label = match found {
                    Found::End => msg!("syntax-expected-end"),
                    Found::Space => msg!("syntax-expected-space"),
                    Found::Token(token) => msg!("syntax-expected-found", token = token),
                };
                let diagnostic = Diagnostic::error(
                    codes::SYNTAX,
                    msg!(
                        "syntax-expected",
                        expected = describe_expected(&expected, context)
                    ),
                )
                .primary(span, label)
                .help(match misspelt {
                    Some(keyword) => msg!("syntax-did-you-mean", keyword = keyword),
                    None => help_for(&expected, context),
                });
                // The underlined word is the misspelt keyword: the keyword in its place.
                match misspelt {
                    Some(keyword) => diagnostic.fix(span, keyword),
                    None => diagnostic,
                }
            }
            SyntaxError::StartTwice { span } => {
                Diagnostic::error(codes::DUPLICATE_SETTING, msg!("syntax-start-twice"))
                    .primary(span, msg!("syntax-start-twice".label))
                    .help(msg!("syntax-start-twice".help))
            }
            SyntaxError::ApplicableTwice { span } => {
                Diagnostic::error(codes::DUPLICATE_SETTING, msg!("syntax-applicable-twice"))
                    .primary(span, msg!("syntax-applicable-twice".label))
                    .help(msg!("syntax-applicable-twice".help))
            }
            SyntaxError::ModifierTwice { span } => {
                Diagnostic::error(codes::DUPLICATE_SETTING, msg!("syntax-modifier-twice"))
                    .primary(span, msg!("syntax-modifier-twice".label))
                    .help(msg!("syntax-modifier-twice".help))
            }
            SyntaxError::Escape { span, escape } => Diagnostic::error(
                codes::SYNTAX,
                msg!("syntax-escape", escape = escape.to_string()),
            )
            .primary(span, msg!("syntax-escape".label))
            .help(msg!("syntax-escape".help)),
            SyntaxError::TooDeep { span, max } => Diagnostic::error(
                codes::TOO_DEEP,
                msg!("syntax-too-deep", max = max.to_string()),
            )
            .primary(span, msg!("syntax-too-deep".label))
            .help(msg!("syntax-too-deep".help)),
            SyntaxError::TooLong { span, max } => Diagnostic::error(
                codes::TOO_DEEP,
                msg!("syntax-too-long", max = max.to_string()),
            )
            .primary(span, msg!("syntax-too-long".label))
            .help(msg!("syntax-too-long".help)),
            SyntaxError::BadDate { span, text } => {
                Diagnostic::error(codes::BAD_DATE, msg!("syntax-bad-date", text = text))
                    .primary(span, msg!("syntax-bad-date".label))
                    .help(msg!("syntax-bad-date".help))
            }
            SyntaxError::BadDecimal { span, text } => {
                Diagnostic::error(codes::BAD_NUMBER, msg!("syntax-bad-decimal", text = text))
                    .primary(span, msg!("syntax-bad-decimal".label))
                    .help(msg!("syntax-bad-decimal".help))
            }
            SyntaxError::BadInteger { span, text } => {
                Diagnostic::error(codes::BAD_NUMBER, msg!("syntax-bad-integer", text = text))
                    .primary(span, msg!("syntax-bad-integer".label))
                    .help(msg!("syntax-bad-integer".help))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::problems;

    #[test]
    fn a_date_that_does_not_exist_is_its_kind_with_the_text() {
        let text = "rubric 表\ntotal 3\nyear 2020\nitem 甲 3 {\n  fact 日期 date\n  deadline 日期 by 2020-02-30 -3\n}\n";
        let at = text.find("2020-02-30").unwrap();
        assert_eq!(
            problems(text),
            vec![SyntaxError::BadDate {
                span: Span::new(at, at + 10),
                text: "2020-02-30".into(),
            }]
        );
    }

    #[test]
    fn a_fullwidth_digit_is_its_kind_and_keeps_its_code() {
        let text = "rubric 表\ntotal １0\n";
        let at = text.find('１').unwrap();
        let found = problems(text);
        assert_eq!(
            found,
            vec![SyntaxError::Fullwidth {
                span: Span::new(at, at + '１'.len_utf8()),
                found: '１',
                ascii: '1',
            }]
        );
        let diagnostic = Diagnostic::from(found[0].clone());
        assert_eq!(diagnostic.code, codes::FULLWIDTH);
        assert_eq!(diagnostic.fix.map(|f| f.replacement), Some("1".into()));
    }

    #[test]
    fn a_modifier_written_twice_is_one_problem() {
        let text =
            "rubric 表\ntotal 10\nitem 甲 10 {\n  fact 数 count\n  per 数 -1 max 3 max 4\n}\n";
        let found = problems(text);
        assert!(
            matches!(found.as_slice(), [SyntaxError::ModifierTwice { span }] if &text[span.start..span.end] == "max 4"),
            "{found:?}"
        );
    }
}
