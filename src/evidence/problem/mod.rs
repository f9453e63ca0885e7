//! The problems of evidence's values, as kinds carrying their data.
//!
//! The typing of a fact's value (`value::typing`, `number`) and the walk of a unit's
//! tree (`value::tree`) find each problem as a variant of [`EvidenceError`]: the fact,
//! the item, the value as written, the limits and members, and the span — never words.
//! Each format words a kind for itself, in one place each: the tree formats (TOML,
//! JSON, YAML) by `From<EvidenceError> for Diagnostic` below, by the span, with a
//! help that shows in TOML what to write; a sheet by `grid::wording`, by the cell, its
//! row and its column's header, with a help in a sheet's terms. Both take the kind's
//! message and label from [`EvidenceError::words`], and only a kind whose help shows
//! what to write ([`EvidenceError::toml_example`]) is helped differently.
//!
//! A cell refused for its spelling is a [`CellError`] (`cell.rs`), and the problems of
//! a workbook as a whole and of the files named ([`WorkbookError`], [`FileError`]) are
//! kinds of `files.rs`, a sheet's own problems ([`SheetError`]) of `sheet.rs`, each
//! with its one `From<…> for Diagnostic`.

mod cell;
mod files;
mod sheet;

pub use cell::{CellError, NoDayWhy, NoSuchDay};
pub use files::{FileError, PartProblem, Unread, Unreadable, WorkbookError};
pub(crate) use sheet::{cell_name, cell_ref, cell_with_header, row_name};
pub use sheet::{SheetError, SheetName};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::raw::Raw;
use super::value::MAX_COUNT;
use crate::check::suggest_name;
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::span::Span;

/// What a value read from evidence is, as a message names it (`a text`, `a list`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Bool,
    Integer,
    Number,
    Text,
    Date,
    List,
    Table,
    Null,
}

impl Found {
    /// What a value read from evidence is.
    pub fn of(raw: &Raw) -> Found {
        match raw {
            Raw::Bool(_) => Found::Bool,
            Raw::Integer(_) => Found::Integer,
            Raw::Float(_) => Found::Number,
            Raw::String(_) => Found::Text,
            Raw::Date(_) => Found::Date,
            Raw::Array(_) => Found::List,
            Raw::Table(_) => Found::Table,
            Raw::Null => Found::Null,
        }
    }

    /// The words of a message for it, in the run's language.
    fn text(self) -> String {
        match self {
            Found::Bool => msg!("evidence-raw-bool"),
            Found::Integer => msg!("evidence-raw-integer"),
            Found::Number => msg!("evidence-raw-number"),
            Found::Text => msg!("evidence-raw-text"),
            Found::Date => msg!("evidence-raw-date"),
            Found::List => msg!("evidence-raw-list"),
            Found::Table => msg!("evidence-raw-table"),
            Found::Null => msg!("evidence-raw-null"),
        }
    }
}

/// The type a fact's value should have had, when it has another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    Bool,
    Percent,
    Date,
    /// A list of members, the first of which an example shows.
    Members {
        first: String,
    },
    /// A table of counts by member, the first of which an example shows.
    Tally {
        first: String,
    },
}

/// The field a discretionary score lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreField {
    Score,
    Reason,
}

impl ScoreField {
    fn key(self) -> &'static str {
        match self {
            ScoreField::Score => "score",
            ScoreField::Reason => "reason",
        }
    }
}

/// A problem of a unit's evidence, or of one fact's value.
#[derive(Debug, Clone, PartialEq)]
pub enum EvidenceError {
    /// The evidence is not a table.
    NotTable { span: Span, found: Found },
    /// `unit` is not a text, or blank.
    UnitName { span: Span },
    /// No `unit`.
    NoUnit,
    /// The unit's name too long or with hidden characters (`names::bad_name`).
    BadName { span: Span, name: String },
    /// `rubric` names another rubric's title; `title` is this rubric's.
    OtherTitle { span: Span, title: String },
    /// The evidence was written for another rubric (`other_rubric`): `unknown` of its
    /// `count` items are not this rubric's, which has `lacks` left out.
    ForOtherRubric {
        span: Span,
        unknown: usize,
        count: usize,
        lacks: Vec<String>,
        title: String,
    },
    /// An item the rubric does not have, with the rubric's items for a did-you-mean.
    UnknownItem {
        span: Span,
        item: String,
        items: Vec<String>,
    },
    /// An item's entry that is not a table.
    ItemNotTable {
        span: Span,
        item: String,
        found: Found,
    },
    /// A fact the item does not declare, with the item's facts.
    UnknownFact {
        span: Span,
        item: String,
        fact: String,
        facts: Vec<String>,
    },
    /// Facts an item needs and lacks, each with an example value in TOML, at the
    /// item's entry (`at_entry`) or else at the unit's name.
    Missing {
        span: Span,
        at_entry: bool,
        item: String,
        facts: Vec<(String, String)>,
    },
    /// A value of another type than the fact's.
    Wrong {
        span: Span,
        fact: String,
        want: Want,
        found: Found,
    },
    /// A count (or a tally's count, `fact` naming it `name[member]`) that is not a
    /// whole number.
    Count {
        span: Span,
        fact: String,
        found: Found,
    },
    /// A count below 0.
    Negative { span: Span, fact: String },
    /// A count above [`MAX_COUNT`].
    TooLarge { span: Span, fact: String },
    /// A count above its fact's `max`.
    CountAboveMax {
        span: Span,
        fact: String,
        count: u64,
        max: u64,
    },
    /// A percentage that is not a number from 0 to 100.
    Percent { span: Span, fact: String },
    /// A percentage above its fact's `percent max`.
    PercentAboveMax {
        span: Span,
        fact: String,
        value: Decimal,
        max: Decimal,
    },
    /// A `number` fact's value that is not a number.
    Number {
        span: Span,
        fact: String,
        found: Found,
    },
    /// A `number` below 0, or above its `max`.
    NumberOutside {
        span: Span,
        fact: String,
        value: Decimal,
        max: Option<Decimal>,
    },
    /// A text that is not a day: of a `date` fact, or of a period's field or a
    /// `dates` fact's list (`in_list`).
    NotADate {
        span: Span,
        fact: String,
        text: String,
        in_list: bool,
    },
    /// A period's field or a `dates` fact's entry that is not a date, or (when
    /// `never_allowed`, the field that ends a period) not `false` either.
    DateWanted {
        span: Span,
        field: String,
        found: Found,
        never_allowed: bool,
    },
    /// A member that is not one of the fact's (`member`), or not a text (`found`),
    /// with the fact's members for a did-you-mean.
    NotAMember {
        span: Span,
        fact: String,
        member: Option<String>,
        found: Found,
        members: Vec<String>,
    },
    /// A `periods` fact that is not a list; `from` and `to` name its fields.
    PeriodsNotList {
        span: Span,
        fact: String,
        found: Found,
        from: String,
        to: String,
    },
    /// A period that is not a table.
    PeriodNotTable {
        span: Span,
        fact: String,
        found: Found,
        from: String,
        to: String,
    },
    /// A period's field other than `from` and `to`.
    PeriodField {
        span: Span,
        fact: String,
        field: String,
        from: String,
        to: String,
    },
    /// A period that ends before it starts.
    PeriodReversed {
        span: Span,
        fact: String,
        from: String,
        to: String,
    },
    /// A period that lacks fields (`absent`).
    PeriodLacks {
        span: Span,
        fact: String,
        absent: Vec<String>,
        from: String,
        to: String,
    },
    /// A `dates` fact that is neither a list nor a text.
    DatesNotList {
        span: Span,
        fact: String,
        found: Found,
    },
    /// A piece of a `dates` fact's text that is not a day.
    DatesPiece {
        span: Span,
        fact: String,
        piece: String,
    },
    /// A date of a `dates` fact outside the rubric's year.
    DatesYear {
        span: Span,
        fact: String,
        date: NaiveDate,
        year: i32,
    },
    /// A discretionary score that is not a table; `max` is its fact's.
    DiscretionNotTable {
        span: Span,
        fact: String,
        found: Found,
        max: Decimal,
    },
    /// A discretionary score's `score` that is not a number.
    ScoreNotNumber {
        span: Span,
        fact: String,
        found: Found,
        max: Decimal,
    },
    /// A discretionary score below 0 or above its `max`.
    ScoreOutside {
        span: Span,
        fact: String,
        score: Decimal,
        max: Decimal,
    },
    /// A discretionary score's `reason` that is not a text, or blank.
    Reason { span: Span, fact: String },
    /// A discretionary score's field other than `score` and `reason`.
    DiscretionField {
        span: Span,
        fact: String,
        field: String,
        max: Decimal,
    },
    /// A discretionary score without its score or its reason.
    DiscretionLacks {
        span: Span,
        fact: String,
        field: ScoreField,
        max: Decimal,
    },
}

/// A kind's code, primary place and words, the same in every format but its help.
pub(crate) struct Words {
    pub code: &'static str,
    pub span: Span,
    pub message: String,
    pub label: String,
    /// The help in words that hold for every format; `None` when the help shows what
    /// to write, which each format shows in its own terms
    /// ([`EvidenceError::toml_example`] for the tree formats).
    pub help: Option<String>,
}

/// The example of a discretionary score that helps say how to write one.
fn score_example(fact: &str, max: Decimal) -> String {
    let example_score = (max / Decimal::TWO).normalize();
    format!("`\"{fact}\" = {{ score = {example_score}, reason = \"材料齐全, 做法有创新\" }}`")
}

/// The example of a `periods` fact's value.
fn periods_example(from: &str, to: &str) -> String {
    format!("[{{ \"{from}\" = 2020-03-02, \"{to}\" = 2020-03-30 }}]")
}

impl EvidenceError {
    /// The code users see, which belongs to the kind here alone.
    pub fn code(&self) -> &'static str {
        use EvidenceError as E;
        match self {
            E::BadName { .. } => codes::EVIDENCE_BAD_NAME,
            E::UnitName { .. } | E::NoUnit => codes::EVIDENCE_UNIT,
            E::OtherTitle { .. }
            | E::ForOtherRubric { .. }
            | E::UnknownItem { .. }
            | E::UnknownFact { .. }
            | E::PeriodField { .. }
            | E::DiscretionField { .. } => codes::EVIDENCE_UNKNOWN,
            E::Missing { .. } | E::PeriodLacks { .. } | E::DiscretionLacks { .. } => {
                codes::EVIDENCE_MISSING
            }
            E::NotTable { .. }
            | E::ItemNotTable { .. }
            | E::Wrong { .. }
            | E::Count { .. }
            | E::Negative { .. }
            | E::TooLarge { .. }
            | E::CountAboveMax { .. }
            | E::Percent { .. }
            | E::PercentAboveMax { .. }
            | E::Number { .. }
            | E::NumberOutside { .. }
            | E::NotADate { .. }
            | E::DateWanted { .. }
            | E::NotAMember { .. }
            | E::PeriodsNotList { .. }
            | E::PeriodNotTable { .. }
            | E::PeriodReversed { .. }
            | E::DatesNotList { .. }
            | E::DatesPiece { .. }
            | E::DatesYear { .. }
            | E::DiscretionNotTable { .. }
            | E::ScoreNotNumber { .. }
            | E::ScoreOutside { .. }
            | E::Reason { .. } => codes::EVIDENCE_VALUE,
        }
    }

    /// Where the problem is: the value, key or entry it is about.
    pub fn span(&self) -> Span {
        use EvidenceError as E;
        match self {
            E::NoUnit => Span::new(0, 0),
            E::NotTable { span, .. }
            | E::UnitName { span }
            | E::BadName { span, .. }
            | E::OtherTitle { span, .. }
            | E::ForOtherRubric { span, .. }
            | E::UnknownItem { span, .. }
            | E::ItemNotTable { span, .. }
            | E::UnknownFact { span, .. }
            | E::Missing { span, .. }
            | E::Wrong { span, .. }
            | E::Count { span, .. }
            | E::Negative { span, .. }
            | E::TooLarge { span, .. }
            | E::CountAboveMax { span, .. }
            | E::Percent { span, .. }
            | E::PercentAboveMax { span, .. }
            | E::Number { span, .. }
            | E::NumberOutside { span, .. }
            | E::NotADate { span, .. }
            | E::DateWanted { span, .. }
            | E::NotAMember { span, .. }
            | E::PeriodsNotList { span, .. }
            | E::PeriodNotTable { span, .. }
            | E::PeriodField { span, .. }
            | E::PeriodReversed { span, .. }
            | E::PeriodLacks { span, .. }
            | E::DatesNotList { span, .. }
            | E::DatesPiece { span, .. }
            | E::DatesYear { span, .. }
            | E::DiscretionNotTable { span, .. }
            | E::ScoreNotNumber { span, .. }
            | E::ScoreOutside { span, .. }
            | E::Reason { span, .. }
            | E::DiscretionField { span, .. }
            | E::DiscretionLacks { span, .. } => *span,
        }
    }

    /// The kind's message, label and help in words, in the run's language.
    pub(crate) fn words(&self) -> Words {
        use EvidenceError as E;
        let (message, label, help) = match self {
            E::NotTable { found, .. } => (
                msg!("evidence-not-table", found = found.text()),
                msg!("evidence-here"),
                Some(msg!("evidence-not-table".help)),
            ),
            E::UnitName { .. } => (
                msg!("evidence-unit-name"),
                msg!("evidence-unit-name".label),
                Some(msg!("evidence-unit-name".help)),
            ),
            E::NoUnit => (
                msg!("evidence-no-unit"),
                msg!("evidence-no-unit".label),
                Some(msg!("evidence-no-unit".help)),
            ),
            E::BadName { name, .. } => {
                let (message, help) = super::names::bad_name(name.trim()).unwrap_or_default();
                (message, msg!("evidence-this-name"), Some(help))
            }
            E::OtherTitle { title, .. } => (
                msg!("evidence-other-rubric"),
                msg!("evidence-other-rubric".label),
                Some(msg!("evidence-other-rubric".help, title = title)),
            ),
            E::ForOtherRubric {
                unknown,
                count,
                lacks,
                title,
                ..
            } => {
                let listed: Vec<String> = lacks.iter().take(8).map(|n| format!("`{n}`")).collect();
                let more = lacks.len() - listed.len();
                (
                    msg!(
                        "evidence-for-other-rubric",
                        unknown = *unknown,
                        count = *count,
                        missing = lacks.len(),
                        title = title
                    ),
                    msg!("evidence-for-other-rubric".label),
                    Some(msg!(
                        "evidence-for-other-rubric".help,
                        lacks = listed.join(", "),
                        more = more
                    )),
                )
            }
            E::UnknownItem { item, items, .. } => {
                let hint = suggest_name(item, items.iter().map(String::as_str));
                (
                    msg!("evidence-unknown-item", item = item),
                    msg!("evidence-unknown-item".label),
                    Some(if hint.is_empty() {
                        msg!("evidence-unknown-item".help)
                    } else {
                        hint
                    }),
                )
            }
            E::ItemNotTable { item, found, .. } => (
                msg!("evidence-item-not-table", item = item, found = found.text()),
                msg!("evidence-item-not-table".label),
                None,
            ),
            E::UnknownFact {
                item, fact, facts, ..
            } => {
                let hint = suggest_name(fact, facts.iter().map(String::as_str));
                (
                    msg!("evidence-unknown-fact", item = item, fact = fact),
                    msg!("evidence-unknown-fact".label),
                    Some(if hint.is_empty() {
                        msg!("evidence-unknown-fact".help, facts = facts.join("、"))
                    } else {
                        msg!(
                            "evidence-unknown-fact".hint,
                            hint = hint,
                            facts = facts.join("、")
                        )
                    }),
                )
            }
            E::Missing {
                at_entry,
                item,
                facts,
                ..
            } => (
                msg!(
                    "evidence-missing",
                    item = item,
                    facts = facts
                        .iter()
                        .map(|(f, _)| format!("`{f}`"))
                        .collect::<Vec<_>>()
                        .join(&msg!("evidence-missing".separator))
                ),
                if *at_entry {
                    msg!("evidence-missing".lacks)
                } else {
                    msg!("evidence-missing".label, item = item)
                },
                None,
            ),
            E::Wrong {
                fact, want, found, ..
            } => {
                let want = want.text();
                (
                    msg!(
                        "evidence-wrong",
                        name = fact,
                        want = &want,
                        found = found.text()
                    ),
                    msg!("evidence-wrong".label, want = &want),
                    None,
                )
            }
            E::Count { fact, found, .. } => (
                msg!("evidence-count", name = fact, found = found.text()),
                msg!("evidence-count".label),
                None,
            ),
            E::Negative { fact, .. } => (
                msg!("evidence-negative", name = fact),
                msg!("evidence-negative".label),
                Some(msg!("evidence-negative".help)),
            ),
            E::TooLarge { fact, .. } => (
                msg!("evidence-too-large", name = fact),
                msg!("evidence-too-large".label),
                Some(msg!("evidence-too-large".help, max = MAX_COUNT.to_string())),
            ),
            E::CountAboveMax {
                fact, count, max, ..
            } => (
                msg!(
                    "evidence-count-max",
                    name = fact,
                    count = count.to_string(),
                    max = max.to_string()
                ),
                msg!("evidence-count-max".label, max = max.to_string()),
                Some(msg!("evidence-count-max".help, max = max.to_string())),
            ),
            E::Percent { fact, .. } => (
                msg!("evidence-percent", name = fact),
                msg!("evidence-percent".label),
                None,
            ),
            E::PercentAboveMax {
                fact, value, max, ..
            } => (
                msg!(
                    "evidence-percent-max",
                    name = fact,
                    value = value.normalize().to_string(),
                    max = max.normalize().to_string()
                ),
                msg!("evidence-percent-max".label),
                Some(msg!(
                    "evidence-percent-max".help,
                    max = max.normalize().to_string()
                )),
            ),
            E::Number { fact, found, .. } => (
                msg!("evidence-number", name = fact, found = found.text()),
                msg!("evidence-number".label),
                None,
            ),
            E::NumberOutside {
                fact, value, max, ..
            } => (
                match max {
                    Some(max) => msg!(
                        "evidence-number-outside",
                        name = fact,
                        value = value.normalize().to_string(),
                        max = max.normalize().to_string()
                    ),
                    None => msg!(
                        "evidence-number-negative",
                        name = fact,
                        value = value.normalize().to_string()
                    ),
                },
                msg!("evidence-number-outside".label),
                Some(msg!("evidence-number-outside".help, name = fact)),
            ),
            E::NotADate {
                fact,
                text,
                in_list,
                ..
            } => (
                msg!("evidence-not-a-date", text = text),
                msg!("evidence-not-a-date".label),
                in_list.then(|| msg!("evidence-not-a-date".period, name = fact)),
            ),
            E::DateWanted {
                field,
                found,
                never_allowed,
                ..
            } => {
                let (message, help) = if *never_allowed {
                    (
                        msg!("evidence-date-or-never", name = field, found = found.text()),
                        msg!("evidence-date-or-never".help, name = field),
                    )
                } else {
                    (
                        msg!("evidence-date", name = field, found = found.text()),
                        msg!("evidence-date".help, name = field),
                    )
                };
                (message, msg!("evidence-date".label), Some(help))
            }
            E::NotAMember {
                fact,
                member,
                found,
                members,
                ..
            } => {
                let (message, hint) = match member {
                    Some(s) => (
                        msg!("evidence-member", member = s, name = fact),
                        suggest_name(s.trim(), members.iter().map(String::as_str)),
                    ),
                    None => (
                        msg!("evidence-member-name", name = fact, found = found.text()),
                        String::new(),
                    ),
                };
                let help = if hint.is_empty() {
                    msg!("evidence-member".help, members = members.join("、"))
                } else {
                    msg!(
                        "evidence-member".hint,
                        hint = hint,
                        members = members.join("、")
                    )
                };
                (message, msg!("evidence-member".label), Some(help))
            }
            E::PeriodsNotList { fact, found, .. } => (
                msg!("evidence-periods", name = fact, found = found.text()),
                msg!("evidence-periods".label),
                None,
            ),
            E::PeriodNotTable { fact, found, .. } => (
                msg!("evidence-period-table", name = fact, found = found.text()),
                msg!("evidence-period-table".label),
                None,
            ),
            E::PeriodField {
                fact,
                field,
                from,
                to,
                ..
            } => (
                msg!("evidence-period-field", name = fact, field = field),
                msg!("evidence-unknown-field"),
                Some(msg!("evidence-period-field".help, from = from, to = to)),
            ),
            E::PeriodReversed { fact, from, to, .. } => (
                msg!("evidence-period-reversed", name = fact),
                msg!("evidence-period-reversed".label),
                Some(msg!("evidence-period-reversed".help, from = from, to = to)),
            ),
            E::PeriodLacks { fact, absent, .. } => (
                msg!(
                    "evidence-period-lacks",
                    name = fact,
                    fields = absent.join("`, `")
                ),
                msg!("evidence-period-lacks".label),
                None,
            ),
            E::DatesNotList { fact, found, .. } => (
                msg!("evidence-dates", name = fact, found = found.text()),
                msg!("evidence-dates".label),
                None,
            ),
            E::DatesPiece { fact, piece, .. } => (
                msg!("evidence-dates-piece", name = fact, piece = piece),
                msg!("evidence-dates-piece".label, piece = piece),
                Some(msg!("evidence-dates-piece".help)),
            ),
            E::DatesYear {
                fact, date, year, ..
            } => (
                msg!(
                    "evidence-dates-year",
                    name = fact,
                    date = date.to_string(),
                    year = year.to_string()
                ),
                msg!("evidence-dates-year".label, year = year.to_string()),
                Some(msg!("evidence-dates-year".help, year = year.to_string())),
            ),
            E::DiscretionNotTable { fact, found, .. } => (
                msg!("evidence-discretion", name = fact, found = found.text()),
                msg!("evidence-discretion".label),
                None,
            ),
            E::ScoreNotNumber { fact, found, .. } => (
                msg!("evidence-score-number", name = fact, found = found.text()),
                msg!("evidence-score-number".label),
                None,
            ),
            E::ScoreOutside {
                fact, score, max, ..
            } => (
                msg!(
                    "evidence-score-outside",
                    score = score.normalize().to_string(),
                    name = fact,
                    max = max.to_string()
                ),
                msg!("evidence-score-outside".label, max = max.to_string()),
                Some(msg!("evidence-score-outside".help, max = max.to_string())),
            ),
            E::Reason { fact, .. } => (
                msg!("evidence-reason", name = fact),
                msg!("evidence-reason".label),
                Some(msg!("evidence-reason".help)),
            ),
            E::DiscretionField { fact, field, .. } => (
                msg!("evidence-discretion-field", name = fact, field = field),
                msg!("evidence-unknown-field"),
                None,
            ),
            E::DiscretionLacks { fact, field, .. } => (
                msg!(
                    "evidence-discretion-lacks",
                    name = fact,
                    field = field.key()
                ),
                msg!("evidence-discretion-lacks".label, field = field.key()),
                None,
            ),
        };
        Words {
            code: self.code(),
            span: self.span(),
            message,
            label,
            help,
        }
    }

    /// The help of a kind whose help shows what to write ([`Words::help`] `None`), as
    /// the tree formats show it: an example in TOML (`"未做意见征集" = true`). `None`
    /// for a kind whose help is words for every format.
    pub(crate) fn toml_example(&self) -> Option<String> {
        use EvidenceError as E;
        Some(match self {
            E::ItemNotTable { item, .. } => msg!("evidence-item-not-table".help, item = item),
            E::Missing { item, facts, .. } => {
                let example: Vec<String> = facts
                    .iter()
                    .map(|(f, value)| format!("\"{f}\" = {value}"))
                    .collect();
                msg!(
                    "evidence-missing".help,
                    item = item,
                    example = example.join("; ")
                )
            }
            E::Wrong { fact, want, .. } => {
                msg!("evidence-wrong".help, name = fact, example = want.example())
            }
            E::Count { fact, .. } => msg!("evidence-count".help, name = fact),
            E::Percent { fact, .. } => msg!("evidence-percent".help, name = fact),
            E::Number { fact, .. } => msg!("evidence-number".help, name = fact),
            E::NotADate {
                fact,
                in_list: false,
                ..
            } => msg!("evidence-not-a-date".help, name = fact),
            E::PeriodsNotList { fact, from, to, .. } => msg!(
                "evidence-periods".help,
                name = fact,
                example = periods_example(from, to)
            ),
            E::PeriodNotTable { fact, from, to, .. } => msg!(
                "evidence-wrong".help,
                name = fact,
                example = periods_example(from, to)
            ),
            E::PeriodLacks { from, to, .. } => {
                msg!("evidence-period-lacks".help, from = from, to = to)
            }
            E::DatesNotList { fact, .. } => msg!("evidence-dates".help, name = fact),
            E::DiscretionNotTable { fact, max, .. } | E::ScoreNotNumber { fact, max, .. } => {
                msg!(
                    "evidence-discretion".help,
                    example = score_example(fact, *max)
                )
            }
            E::DiscretionField { fact, max, .. } => msg!(
                "evidence-discretion-field".help,
                example = score_example(fact, *max)
            ),
            E::DiscretionLacks { fact, max, .. } => msg!(
                "evidence-discretion-lacks".help,
                example = score_example(fact, *max)
            ),
            _ => return None,
        })
    }
}

impl Want {
    /// The type in the words of a message.
    fn text(&self) -> String {
        match self {
            Want::Bool => msg!("evidence-want-bool"),
            Want::Percent => msg!("evidence-want-percent"),
            Want::Date => msg!("evidence-want-date"),
            Want::Members { .. } => msg!("evidence-want-members"),
            Want::Tally { .. } => msg!("evidence-want-tally"),
        }
    }

    /// A value of the type, in TOML.
    fn example(&self) -> String {
        match self {
            Want::Bool => "true".into(),
            Want::Percent => "3.5".into(),
            Want::Date => "2020-12-28".into(),
            Want::Members { first } => format!("[\"{first}\"]"),
            Want::Tally { first } => format!("{{ \"{first}\" = 1 }}"),
        }
    }
}

/// The tree formats' wording (TOML, JSON, YAML): at the span, the help showing in
/// TOML what to write where the kind's help does.
impl From<EvidenceError> for Diagnostic {
    fn from(problem: EvidenceError) -> Diagnostic {
        let words = problem.words();
        let help = match words.help {
            Some(help) => help,
            None => problem.toml_example().unwrap_or_default(),
        };
        Diagnostic::error(words.code, words.message)
            .primary(words.span, words.label)
            .help(help)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_the_code_users_saw() {
        let span = Span::new(3, 5);
        let fact = || "条数".to_string();
        let cases = [
            (EvidenceError::NoUnit, codes::EVIDENCE_UNIT),
            (
                EvidenceError::BadName {
                    span,
                    name: "a\u{202e}b".into(),
                },
                codes::EVIDENCE_BAD_NAME,
            ),
            (
                EvidenceError::PeriodField {
                    span,
                    fact: fact(),
                    field: "x".into(),
                    from: "收到".into(),
                    to: "答复".into(),
                },
                codes::EVIDENCE_UNKNOWN,
            ),
            (
                EvidenceError::DiscretionLacks {
                    span,
                    fact: fact(),
                    field: ScoreField::Reason,
                    max: Decimal::TWO,
                },
                codes::EVIDENCE_MISSING,
            ),
            (
                EvidenceError::CountAboveMax {
                    span,
                    fact: fact(),
                    count: 7,
                    max: 5,
                },
                codes::EVIDENCE_VALUE,
            ),
        ];
        for (problem, code) in cases {
            assert_eq!(problem.code(), code, "{problem:?}");
            let d = Diagnostic::from(problem.clone());
            assert_eq!(d.code, code);
            assert_eq!(d.offset(), problem.span().start);
        }
    }

    #[test]
    fn only_a_help_that_shows_what_to_write_is_a_toml_example() {
        let span = Span::new(0, 1);
        let wrong = EvidenceError::Wrong {
            span,
            fact: "未做".into(),
            want: Want::Bool,
            found: Found::Integer,
        };
        assert!(wrong.words().help.is_none());
        assert!(wrong.toml_example().is_some());
        let above = EvidenceError::CountAboveMax {
            span,
            fact: "条数".into(),
            count: 7,
            max: 5,
        };
        assert!(above.words().help.is_some());
        assert!(above.toml_example().is_none());
        // A date not a day is helped by an example as a `date` fact, in words in a list.
        let not_a_day = |in_list| EvidenceError::NotADate {
            span,
            fact: "日期".into(),
            text: "2020-13-01".into(),
            in_list,
        };
        assert!(not_a_day(false).words().help.is_none());
        assert!(not_a_day(true).words().help.is_some());
    }
}
