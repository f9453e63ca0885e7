//! The header settings: `rubric`, `source`, `total`, `year`, `round`, `calendar`.
//!
//! The check finds each problem as a [`SettingProblem`], which says what is wrong and
//! where; [`SettingProblem::into_diagnostic`] (or `From`) words it, with its code, its
//! labels and its help, in one place (docs/architecture.md, "Problems as kinds").

use rust_decimal::Decimal;

use super::Rounding;
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::span::{Span, Spanned};
use crate::syntax::ast::{CalendarRef, File, SettingKind};

/// The settings of a file, each once.
pub struct Header {
    pub title: Option<String>,
    pub source_note: Option<String>,
    pub total: Option<Spanned<Decimal>>,
    /// `total 100 max 105`: the most a unit may score with bonus points.
    pub total_max: Option<Decimal>,
    /// `total 100 min none`: where the file says the total may go below 0.
    pub total_no_min: Option<Span>,
    /// `calendar cn` or `calendar "…"`: the calendar the rule names, as written (a file
    /// is relative to the rule file, and never read here).
    pub calendar: Option<CalendarRef>,
    pub year: Option<i32>,
    pub rounding: Rounding,
    /// `draft`: where the file says it is a draft.
    pub draft: Option<Span>,
    /// `columns { … }`: where, and the columns, as written.
    pub columns: Option<(Span, Vec<crate::syntax::ast::ColumnDecl>)>,
    /// `methods { … }`: where, and the methods, as written.
    pub methods: Option<(Span, Vec<crate::syntax::ast::MethodDecl>)>,
}

/// A problem of the header settings, before it is worded.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingProblem {
    /// A setting given a second time (`again`), after its first line (`first`).
    SetTwice {
        keyword: &'static str,
        again: Span,
        first: Span,
    },
    /// `total 100 max 95`: the most a unit may score is below the total.
    MaxBelowTotal {
        max: Decimal,
        total: Decimal,
        at: Span,
    },
    /// A total of 0 (or less).
    ZeroTotal { at: Span },
    /// `round` to more than 10 decimal places.
    TooManyPlaces { at: Span },
    /// No `rubric` line; `at` is where the header starts.
    NoTitle { at: Span },
    /// No `total` line; `at` is where the header starts.
    NoTotal { at: Span },
}

impl SettingProblem {
    /// The code of the diagnostic the problem is shown as.
    pub fn code(&self) -> &'static str {
        match self {
            SettingProblem::SetTwice { .. } => codes::DUPLICATE_SETTING,
            SettingProblem::MaxBelowTotal { .. } => codes::BOUND,
            SettingProblem::ZeroTotal { .. } => codes::ZERO_POINTS,
            SettingProblem::TooManyPlaces { .. } => codes::BAD_NUMBER,
            SettingProblem::NoTitle { .. } | SettingProblem::NoTotal { .. } => {
                codes::MISSING_SETTING
            }
        }
    }

    /// The problem worded: its message, its labels and its help.
    pub fn into_diagnostic(self) -> Diagnostic {
        let code = self.code();
        match self {
            SettingProblem::SetTwice {
                keyword,
                again,
                first,
            } => Diagnostic::error(code, msg!("check-set-twice", keyword = keyword))
                .primary(again, msg!("check-set-twice".label))
                .label(first, msg!("check-set-twice".first))
                .help(msg!("check-set-twice".help, keyword = keyword)),
            SettingProblem::MaxBelowTotal { max, total, at } => Diagnostic::error(
                code,
                msg!(
                    "check-max-below-total",
                    max = max.to_string(),
                    total = total.to_string()
                ),
            )
            .primary(at, msg!("check-max-below-total".label))
            .help(msg!("check-max-below-total".help)),
            SettingProblem::ZeroTotal { at } => Diagnostic::error(code, msg!("check-zero-total"))
                .primary(at, msg!("check-zero-total".label))
                .help(msg!("check-zero-total".help)),
            SettingProblem::TooManyPlaces { at } => {
                Diagnostic::error(code, msg!("check-too-many-places"))
                    .primary(at, msg!("check-too-many-places".label))
                    .help(msg!("check-too-many-places".help))
            }
            SettingProblem::NoTitle { at } => Diagnostic::error(code, msg!("check-no-title"))
                .primary(at, msg!("check-no-title".label))
                .help(msg!("check-no-title".help)),
            SettingProblem::NoTotal { at } => Diagnostic::error(code, msg!("check-no-total"))
                .primary(at, msg!("check-no-total".label))
                .help(msg!("check-no-total".help)),
        }
    }
}

impl From<SettingProblem> for Diagnostic {
    fn from(problem: SettingProblem) -> Self {
        problem.into_diagnostic()
    }
}

pub fn check(file: &File, out: &mut Vec<Diagnostic>) -> Header {
    let mut header = Header {
        title: None,
        source_note: None,
        total: None,
        total_max: None,
        total_no_min: None,
        calendar: None,
        year: None,
        rounding: Rounding::default(),
        draft: None,
        columns: None,
        methods: None,
    };
    let mut seen: Vec<(&'static str, Span)> = Vec::new();
    for setting in &file.settings {
        let keyword = match &setting.kind {
            SettingKind::Rubric(_) => "rubric",
            SettingKind::Source(_) => "source",
            SettingKind::Total { .. } => "total",
            SettingKind::Calendar(_) => "calendar",
            SettingKind::Year(_) => "year",
            SettingKind::Round { .. } => "round",
            SettingKind::Draft => "draft",
            SettingKind::Columns(_) => "columns",
            SettingKind::Methods(_) => "methods",
        };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == keyword) {
            out.push(
                SettingProblem::SetTwice {
                    keyword,
                    again: setting.span,
                    first: *first,
                }
                .into(),
            );
            continue;
        }
        seen.push((keyword, setting.span));
        match &setting.kind {
            SettingKind::Rubric(t) => header.title = Some(t.node.clone()),
            SettingKind::Source(s) => header.source_note = Some(s.node.clone()),
            SettingKind::Calendar(c) => {
                if let CalendarRef::Builtin(name) = c {
                    if !crate::calendar::BUILTIN
                        .iter()
                        .any(|(n, _)| *n == name.node)
                    {
                        out.push(crate::calendar::unknown_builtin(name));
                    }
                }
                header.calendar = Some(c.clone());
            }
            SettingKind::Total {
                points: t,
                max,
                no_min,
            } => {
                header.total_no_min = *no_min;
                if let Some(max) = max {
                    if max.node < t.node {
                        out.push(
                            SettingProblem::MaxBelowTotal {
                                max: max.node,
                                total: t.node,
                                at: max.span,
                            }
                            .into(),
                        );
                    }
                    header.total_max = Some(max.node);
                }
                if t.node <= Decimal::ZERO {
                    out.push(SettingProblem::ZeroTotal { at: t.span }.into());
                }
                header.total = Some(t.clone());
            }
            SettingKind::Year(y) => header.year = Some(y.node),
            SettingKind::Draft => header.draft = Some(setting.span),
            SettingKind::Columns(c) => header.columns = Some((setting.keyword, c.clone())),
            SettingKind::Methods(m) => header.methods = Some((setting.keyword, m.clone())),
            SettingKind::Round { places, mode } => {
                if places.node > 10 {
                    out.push(SettingProblem::TooManyPlaces { at: places.span }.into());
                }
                header.rounding.places = places.node.min(10);
                if let Some(m) = mode {
                    header.rounding.mode = m.node;
                }
            }
        }
    }
    let start = file.settings.first().map(|s| s.span).unwrap_or_default();
    let first = Span::new(start.start, start.start);
    if header.title.is_none() {
        out.push(SettingProblem::NoTitle { at: first }.into());
    }
    if header.total.is_none() {
        out.push(SettingProblem::NoTotal { at: first }.into());
    }
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<Diagnostic> {
        let source = crate::source::SourceFile::new("t.rule", text.to_string());
        let file = crate::syntax::parse(&source).expect("parses");
        let mut out = Vec::new();
        check(&file, &mut out);
        out
    }

    #[test]
    fn each_problem_keeps_the_code_users_see() {
        let at = Span::new(0, 1);
        for (problem, code) in [
            (
                SettingProblem::SetTwice {
                    keyword: "year",
                    again: at,
                    first: at,
                },
                "kaohe::rubric::duplicate_setting",
            ),
            (
                SettingProblem::MaxBelowTotal {
                    max: Decimal::from(95),
                    total: Decimal::from(100),
                    at,
                },
                "kaohe::points::bound",
            ),
            (SettingProblem::ZeroTotal { at }, "kaohe::points::zero"),
            (
                SettingProblem::TooManyPlaces { at },
                "kaohe::syntax::number",
            ),
            (
                SettingProblem::NoTitle { at },
                "kaohe::rubric::missing_setting",
            ),
            (
                SettingProblem::NoTotal { at },
                "kaohe::rubric::missing_setting",
            ),
        ] {
            assert_eq!(problem.code(), code);
            assert_eq!(Diagnostic::from(problem).code, code);
        }
    }

    #[test]
    fn the_check_words_what_it_finds_through_the_kinds() {
        let found = problems("rubric 表\nrubric 表\ntotal 100 max 95\nround 11\nsection 甲 100 {\n  item 乙 100 {\n    fact 丙 bool\n    if 丙 -100\n  }\n}\n");
        let messages: Vec<_> = found.iter().map(|d| (d.code, d.message.as_str())).collect();
        assert_eq!(
            messages,
            [
                (codes::DUPLICATE_SETTING, "`rubric` is set twice"),
                (codes::BOUND, "`max 95` is below the total 100"),
                (codes::BAD_NUMBER, "rounding to more than 10 decimal places"),
            ]
        );
    }
}
