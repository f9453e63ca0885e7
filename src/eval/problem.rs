//! The problems that stop a unit's scoring, as kinds carrying their data.
//!
//! Evidence that passed its checks can still leave a unit unscored: a discretionary
//! score the evidence lacks, working days in a year the calendar does not list, no
//! item that applies, or arithmetic that divides by zero or overflows. Each is a variant of [`EvalError`]; the one
//! `From<EvalError> for Diagnostic` below gives each kind its code, message, labels
//! and help, worded in the run's language.

use rust_decimal::Decimal;

use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::span::Span;

/// A problem that stops a unit's scoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvalError {
    /// The evidence lacks the discretionary score `fact` of a `give` of `item` whose
    /// condition holds (at most `max`); said at the unit's name.
    GiveLacks {
        span: Span,
        item: String,
        fact: String,
        max: Decimal,
    },
    /// Working days counted in `year`, which the rubric's calendar (the file named
    /// `calendar`, listing `years`) does not list; at the date, when it is known.
    CalendarYear {
        span: Option<Span>,
        year: i32,
        calendar: Option<String>,
        years: Vec<i32>,
    },
    /// No item of the unit `name` applies, so no total can be prorated.
    NothingApplicable { span: Span, name: String },
    /// The expression `expr` of `item`, at `span` in the rule file, divides by zero
    /// for the unit `unit`.
    DivideByZero {
        span: Span,
        unit: String,
        item: String,
        expr: String,
    },
    /// The expression `expr` of `item` overflows for the unit `unit`.
    Overflow {
        span: Span,
        unit: String,
        item: String,
        expr: String,
    },
}

impl From<EvalError> for Diagnostic {
    fn from(problem: EvalError) -> Diagnostic {
        match problem {
            EvalError::GiveLacks {
                span,
                item,
                fact,
                max,
            } => Diagnostic::error(
                codes::EVIDENCE_MISSING,
                msg!("eval-give-lacks", item = &item, fact = &fact),
            )
            .primary(span, msg!("eval-give-lacks".label, item = &item))
            .help(msg!(
                "eval-give-lacks".help,
                item = &item,
                fact = &fact,
                max = max.normalize().to_string()
            )),
            EvalError::CalendarYear {
                span,
                year,
                calendar,
                years,
            } => {
                let name = calendar.map_or("the calendar".to_string(), |c| format!("`{c}`"));
                let years: Vec<String> = years.iter().map(i32::to_string).collect();
                let d = Diagnostic::error(
                    codes::CALENDAR_YEAR,
                    msg!("eval-calendar-year", year = year.to_string(), name = name),
                )
                .help(if years.is_empty() {
                    msg!("eval-calendar-year".none)
                } else {
                    msg!("eval-calendar-year".help, years = years.join(", "))
                });
                match span {
                    Some(span) => d.primary(
                        span,
                        msg!("eval-calendar-year".label, year = year.to_string()),
                    ),
                    None => d,
                }
            }
            EvalError::NothingApplicable { span, name } => Diagnostic::error(
                codes::NOTHING_APPLICABLE,
                msg!("eval-nothing-applicable", name = &name),
            )
            .primary(span, msg!("eval-nothing-applicable".label))
            .help(msg!("eval-nothing-applicable".help)),
            EvalError::DivideByZero {
                span,
                unit,
                item,
                expr,
            } => Diagnostic::error(
                codes::DIVIDE_BY_ZERO,
                msg!(
                    "eval-divide-by-zero",
                    unit = &unit,
                    item = &item,
                    expr = &expr
                ),
            )
            .primary(span, msg!("eval-divide-by-zero".label))
            .help(msg!("eval-divide-by-zero".help, item = &item)),
            EvalError::Overflow {
                span,
                unit,
                item,
                expr,
            } => Diagnostic::error(
                codes::OVERFLOW,
                msg!("eval-overflow", unit = &unit, item = &item, expr = &expr),
            )
            .primary(span, msg!("eval-overflow".label))
            .help(msg!("eval-overflow".help)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_keeps_its_code_and_says_where() {
        let name = Span::new(3, 9);
        let nothing = Diagnostic::from(EvalError::NothingApplicable {
            span: name,
            name: "甲单位".into(),
        });
        assert_eq!(nothing.code, codes::NOTHING_APPLICABLE);
        assert_eq!(nothing.offset(), 3);
        let uncovered = Diagnostic::from(EvalError::CalendarYear {
            span: None,
            year: 2031,
            calendar: Some("cn.toml".into()),
            years: vec![2020, 2021],
        });
        assert_eq!(uncovered.code, codes::CALENDAR_YEAR);
        assert!(uncovered.labels.is_empty());
        let divides = Diagnostic::from(EvalError::DivideByZero {
            span: Span::new(40, 52),
            unit: "甲单位".into(),
            item: "公开率".into(),
            expr: "a / b".into(),
        });
        assert_eq!(divides.code, codes::DIVIDE_BY_ZERO);
        assert_eq!(divides.offset(), 40);
    }
}
