//! The problems of a case file's expectations, as kinds carrying their data.
//!
//! Each problem of a case's `expect` table is a variant of [`CaseError`]; the one
//! `From<CaseError> for Diagnostic` below gives each kind its code, message, labels
//! and help, worded in the run's language. The problems of the evidence beside it
//! are the evidence's own.

use super::{describe_raw, Target};
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::input::Raw;
use crate::span::Span;

/// A problem of a case file.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseError {
    /// A spreadsheet given as a case: a case is one unit's TOML or JSON.
    Spreadsheet { path: String },
    /// No `expect` table.
    NoExpect,
    /// An `expect` that is not a table: `found` is what it is.
    ExpectNotTable { span: Span, found: Raw },
    /// An empty `expect` table, its key at `span`.
    ExpectEmpty { span: Span },
    /// A name that is no section or item of the rubric, nor `total`; `hint` is the
    /// "did you mean" for the closest name, or empty.
    Unknown {
        span: Span,
        name: String,
        hint: String,
    },
    /// The same target pinned twice, first at `first`.
    Twice {
        span: Span,
        first: Span,
        target: Target,
    },
    /// "not applicable" pinned for the total or a section.
    NotApplicable { span: Span, target: Target },
    /// A value that is not a score of at least 0 nor "not applicable".
    Score {
        span: Span,
        target: Target,
        found: Raw,
    },
}

impl From<CaseError> for Diagnostic {
    fn from(problem: CaseError) -> Diagnostic {
        use CaseError as E;
        match problem {
            E::Spreadsheet { path } => {
                Diagnostic::error(codes::CASE_EXPECT, msg!("case-spreadsheet", path = path))
                    .help(msg!("case-spreadsheet".help))
            }
            E::NoExpect => Diagnostic::error(codes::CASE_NO_EXPECTATION, msg!("case-no-expect"))
                .primary(Span::new(0, 0), msg!("case-no-expect".label))
                .help(msg!("case-no-expect".help)),
            E::ExpectNotTable { span, found } => Diagnostic::error(
                codes::CASE_EXPECT,
                msg!("case-expect-table", found = found.describe()),
            )
            .primary(span, msg!("case-expect-table".label))
            .help(msg!("case-expect-table".help)),
            E::ExpectEmpty { span } => {
                Diagnostic::error(codes::CASE_NO_EXPECTATION, msg!("case-expect-empty"))
                    .primary(span, msg!("case-expect-empty".label))
                    .help(msg!("case-expect-empty".help))
            }
            E::Unknown { span, name, hint } => {
                Diagnostic::error(codes::CASE_UNKNOWN, msg!("case-unknown", name = &name))
                    .primary(span, msg!("case-unknown".label))
                    .help(if hint.is_empty() {
                        msg!("case-unknown".help)
                    } else {
                        hint
                    })
            }
            E::Twice {
                span,
                first,
                target,
            } => Diagnostic::error(
                codes::CASE_EXPECT,
                msg!("case-twice", name = target.describe()),
            )
            .primary(span, msg!("case-twice".label))
            .label(first, msg!("case-twice".first))
            .help(msg!("case-twice".help)),
            E::NotApplicable { span, target } => Diagnostic::error(
                codes::CASE_EXPECT,
                msg!("case-not-applicable", name = target.describe()),
            )
            .primary(span, msg!("case-not-applicable".label))
            .help(msg!("case-not-applicable".help)),
            E::Score {
                span,
                target,
                found,
            } => Diagnostic::error(
                codes::CASE_EXPECT,
                msg!(
                    "case-score",
                    name = target.describe(),
                    found = describe_raw(&found)
                ),
            )
            .primary(span, msg!("case-score".label))
            .help(msg!("case-score".help)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{read, Format};
    use crate::source::SourceFile;

    const RULE: &str = "rubric 测试考核表\ntotal 2\nyear 2020\n\nsection 主动公开 2 {\n  item 服务公开 2 {\n    fact 指南不规范条数 count \"指南不规范条数\"\n    per 指南不规范条数 -1 floor 0\n  }\n}\n";

    #[test]
    fn each_bad_expectation_is_its_kind() {
        let checked = crate::check::compile(&SourceFile::new("t.rule", RULE));
        let rubric = checked.rubric.expect("the rule file checks");
        let text = "[expect]\ntotal = \"不适用\"\n\"服务公开\" = -1\n\"主动公开\" = 1\n";
        let node = read(&SourceFile::new("c.toml", text), Format::Toml).unwrap();
        let (_, expect) = super::super::split(&node);
        let (key, table) = expect.expect("an expect table");
        let mut problems = Vec::new();
        let kept = super::super::expectations(&rubric, key, table, &mut problems);
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(
            problems,
            vec![
                CaseError::NotApplicable {
                    span: Span::new(at("\"不适用\""), at("\"不适用\"") + 11),
                    target: Target::Total,
                },
                CaseError::Score {
                    span: Span::new(at("-1"), at("-1") + 2),
                    target: Target::Item("服务公开".into()),
                    found: Raw::Integer("-1".into()),
                },
            ]
        );
        // The section's 1 is kept.
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].target, Target::Section("主动公开".into()));
    }
}
