//! The problems the checker finds, as kinds carrying their data.
//!
//! Each problem of a rule file's points, names, types, dates, conditions and texts is
//! a variant of [`CheckError`] with the spans, names and numbers it concerns (a type
//! is its keyword, `count`, `percent`: data, worded here). The one
//! `From<CheckError> for Diagnostic` below gives each kind its code, severity,
//! message, labels, help and fix, worded in the run's language: a code belongs to its
//! kind here and nowhere else. The header settings have their own kinds,
//! [`SettingProblem`], worded beside their check and held here as
//! [`CheckError::Setting`].
//!
//! The file is long (about 1,500 lines) on purpose: it is the checker's whole list of
//! problems, about seventy kinds, and each kind's words stand in the one `match` that
//! gives them, where a reader looking for a code or a message finds it. Split by
//! subject, the kinds and their words would be read in two places again.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::settings::SettingProblem;
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::span::Span;

impl From<SettingProblem> for CheckError {
    fn from(problem: SettingProblem) -> Self {
        CheckError::Setting(problem)
    }
}

/// A problem of a rule file, found by the checker.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckError {
    /// A problem of the header settings, a kind of its own.
    Setting(SettingProblem),

    // Names (`items`).
    /// A section's or item's name given a second time.
    DuplicateName {
        span: Span,
        first: Span,
        name: String,
        section: bool,
    },
    /// A fact declared twice in one item.
    DuplicateFact {
        span: Span,
        first: Span,
        name: String,
    },
    /// A member listed twice in a set or tally.
    DuplicateMember {
        span: Span,
        first: Span,
        name: String,
    },
    /// A `periods` fact whose two dates have one name.
    PeriodNames { span: Span, name: String },
    /// A fact not declared in the item, with the closest declared name, if any.
    Undeclared {
        span: Span,
        name: String,
        item: String,
        closest: Option<String>,
    },
    /// A member not in its set's or tally's list, with the closest, if any.
    UnknownMember {
        span: Span,
        member: String,
        name: String,
        listed: Span,
        members: Vec<String>,
        closest: Option<String>,
    },
    /// A fact declared and never used.
    Unused {
        span: Span,
        name: String,
        item: String,
    },
    /// A discretionary fact a `give` reads and another clause reads too.
    GiveShared {
        span: Span,
        other: Span,
        name: String,
    },
    /// One date fact named twice by one `deadline`.
    DeadlineTwice {
        span: Span,
        first: Span,
        name: String,
    },

    // Bounds and placement (`items`).
    /// A `start` other than 0 in a penalty section.
    StartInPenalty { span: Span, start: Decimal },
    /// A `start` outside 0 and the item's points.
    StartOutside {
        span: Span,
        start: Decimal,
        points: Decimal,
        points_span: Span,
    },
    /// `applicable unless` in a bonus or penalty section (`keyword`).
    ApplicablePlacement { span: Span, keyword: &'static str },
    /// A `dates` fact in a rubric without a `year`.
    DatesYear { span: Span, name: String },
    /// A discretionary score's `max` of 0 or less.
    DiscretionMax { span: Span, max: Decimal },
    /// A number's or percentage's `max` of 0 or less.
    NumberMax { span: Span, max: Decimal },
    /// A `give` whose fact's `max` is above the item's points.
    GiveOverPoints {
        span: Span,
        given: Span,
        points_span: Span,
        name: String,
        max: Decimal,
        points: Decimal,
    },
    /// A percentage above 100% where none can be.
    PercentOver { span: Span, percent: Decimal },
    /// A date outside the rubric's `year`.
    DateYear {
        span: Span,
        date: NaiveDate,
        year: i32,
    },
    /// `zero` as the effect of a counted clause (`keyword`).
    ZeroCounted { span: Span, keyword: &'static str },
    /// A `floor` in a penalty section.
    FloorInPenalty { span: Span },
    /// A `floor` above the item's points.
    FloorAbove {
        span: Span,
        floor: Decimal,
        points: Decimal,
        points_span: Span,
    },
    /// A `floor` on a clause that gives points or sets `zero`.
    FloorOnGain { span: Span },
    /// A clause's `max` that lets nothing through.
    MaxNothing { span: Span, max: Decimal },
    /// `over N workdays` in a rubric without a calendar.
    NoCalendar { span: Span },
    /// `over 0 days`.
    ZeroDays { span: Span },

    // Types (`items`, `items::arith`).
    /// A default of another type than its fact's.
    DefaultType {
        span: Span,
        type_span: Span,
        name: String,
        given: &'static str,
        kind: &'static str,
    },
    /// A count's default that is not a whole number within its `max`.
    DefaultCount {
        span: Span,
        default: Decimal,
        max: Option<Decimal>,
    },
    /// A number's default below 0 or above its `max`.
    DefaultNumber {
        span: Span,
        default: Decimal,
        max: Option<Decimal>,
    },
    /// A member named on a fact of a type without members.
    NoMembers {
        span: Span,
        type_span: Span,
        name: String,
        kind: &'static str,
    },
    /// A fact of the type `found` where `role` wants one of `wanted`.
    WrongKind {
        span: Span,
        role: &'static str,
        wanted: Vec<&'static str>,
        fact: String,
        found: &'static str,
    },
    /// A comparison of two literals.
    FixedComparison { span: Span },
    /// A comparison of two kinds that cannot be compared.
    Incomparable {
        left: Span,
        right: Span,
        left_kind: &'static str,
        right_kind: &'static str,
    },
    /// `<`, `>` and the like on a yes-or-no fact.
    OrderedBool { span: Span, op: &'static str },
    /// `except` on a fact that is not a whole set.
    Except {
        span: Span,
        fact: String,
        clause: &'static str,
    },
    /// `per` over periods without `over`.
    PerNeedsOver { span: Span, fact: String },
    /// `over` on a fact that is not periods.
    OverNeedsPeriods {
        span: Span,
        fact: String,
        kind: &'static str,
    },
    /// A division by the literal 0.
    ZeroDivisor { span: Span },
    /// An operator between two kinds it does not join.
    ArithMix {
        span: Span,
        left: Span,
        right: Span,
        op: &'static str,
        left_kind: &'static str,
        right_kind: &'static str,
    },
    /// An operand that is not a number nor a percentage.
    ArithKind {
        span: Span,
        what: String,
        kind: &'static str,
    },
    /// A `step` of 0 or less.
    StepZero { span: Span },
    /// A `step` of another kind than its quantity.
    StepKind {
        span: Span,
        quantity: Span,
        step: &'static str,
        kind: &'static str,
    },
    /// A fact divided by that may be 0, no condition comparing it.
    UnguardedDivisor { span: Span, fact: String },

    // The points budget (`budget`).
    /// A rubric without sections or items; `span` is its last setting.
    NoItems { span: Span },
    /// The top-level parts add up to `sum`, not to the rubric's `total`; `parts` are
    /// the parts as written (`主动公开 30`, `主动公开 30% = 9`).
    SectionsSum {
        span: Span,
        sum: Decimal,
        total: Decimal,
        parts: Vec<String>,
    },
    /// A section's parts add up to `sum`, not to its `points`; `weights` is the sum of
    /// their weights when every part is a weight.
    ItemsSum {
        span: Span,
        name: String,
        sum: Decimal,
        points: Decimal,
        weights: Option<Decimal>,
        parts: Vec<String>,
    },
    /// A bonus or penalty section (`keyword`) inside another section.
    NestedKind { span: Span, keyword: &'static str },
    /// A section (`section`) or an item worth 0 points or less.
    ZeroPoints {
        span: Span,
        name: String,
        section: bool,
    },
    /// A section with nothing in it.
    EmptySection { span: Span, name: String },

    // Limits above the item (`pooled`).
    /// `none` in place of the points of a regular section or item.
    UncappedRegular { span: Span, name: String },
    /// `pooled` on a bonus or penalty section (`keyword`).
    PooledKind { span: Span, keyword: &'static str },
    /// A `pooled` section none of whose items can end below 0.
    PooledIdle { span: Span, name: String },
    /// `min none` in a rubric without a penalty section.
    MinIdle { span: Span },

    // Blended tables (`methods`).
    /// `methods` with fewer than two methods.
    MethodsOne { span: Span },
    /// A method named twice.
    MethodsTwice {
        span: Span,
        first: Span,
        name: String,
    },
    /// A method weighing 0 or less.
    MethodsZero { span: Span, name: String },
    /// Methods whose weights add up to `sum`, not 100%.
    MethodsSum { span: Span, sum: Decimal },

    // The range of an item's scores (`range`).
    /// An item that can never reach its full points (`penalty`: its full deduction);
    /// `most` is as far as it gets.
    FullUnreachable {
        span: Span,
        points_span: Span,
        name: String,
        points: Decimal,
        most: Decimal,
        penalty: bool,
    },
    /// An item that can never reach 0; `least` is as low as it gets.
    ZeroUnreachable {
        span: Span,
        points_span: Span,
        name: String,
        points: Decimal,
        least: Decimal,
    },
    /// A clause that alone takes more (`takes`) than the item is worth.
    ClauseExceeds {
        span: Span,
        points_span: Span,
        takes: Decimal,
        points: Decimal,
    },
    /// Fixed deductions on one path adding up to more (`sum`) than the item is worth;
    /// at the last of them.
    FixedExceed {
        span: Span,
        points_span: Span,
        name: String,
        sum: Decimal,
        points: Decimal,
    },
    /// A clause whose every gain (`gain`) or loss the item's bound cuts; `apart`:
    /// something else in the item moves the other way, on no path with it.
    AlwaysCut {
        span: Span,
        points_span: Span,
        name: String,
        points: Decimal,
        gain: bool,
        apart: bool,
    },

    // Acknowledgements (`allow`, `acknowledge`).
    /// `allow NAME` naming no check; `names` are the ones it takes.
    AllowUnknown {
        span: Span,
        name: String,
        names: Vec<&'static str>,
    },
    /// `allow outside_year` in an item with no date outside the `year` (if any).
    AllowUnused {
        span: Span,
        name: String,
        year: Option<i32>,
    },
    /// `allow NAME` in an item that gives no warning `code` to acknowledge.
    AllowNothing {
        span: Span,
        name: String,
        item: String,
        code: &'static str,
    },

    // Dead effects (`dead`).
    /// A clause whose `floor` is the item's points.
    DeadFloor {
        span: Span,
        points_span: Span,
        floor: Decimal,
        points: Decimal,
    },
    /// A clause written twice, first at `first`.
    DeadRepeat { span: Span, first: Span },
    /// A clause that applies only where the `zero` at `zero` applies too.
    DeadZero { span: Span, zero: Span },

    // Conditions that never or always hold (`conditions`); `domains` and `example`
    // are the values the facts take, as the analysis writes them.
    /// `applicable unless` that can never hold.
    ApplicableNever { span: Span, domains: String },
    /// `applicable unless` that holds for every unit.
    ApplicableAlways { span: Span, domains: String },
    /// A clause's condition that can never hold.
    ConditionNever {
        span: Span,
        effect: Span,
        domains: String,
        example: String,
    },
    /// A condition that holds only where the item does not apply.
    ConditionInapplicable { span: Span, applicable: Span },
    /// A clause's condition that holds for every unit.
    ConditionAlways {
        span: Span,
        effect: Span,
        domains: String,
        example: String,
    },
    /// An `unless` that can never hold.
    UnlessNever { span: Span, domains: String },
    /// An `unless` that holds wherever its clause would apply.
    UnlessAlways {
        span: Span,
        effect: Span,
        example: String,
    },
    /// Conditions of `count` combinations, more than the `limit` tried.
    ConditionUndecided {
        span: Span,
        count: usize,
        limit: usize,
    },

    // The criterion text against the clauses (`text`).
    /// `allow text` where the text and the clauses agree.
    TextAllowUnused { span: Span },
    /// The text says `said`, and no clause carries `number`; `near` is the clause
    /// shown beside it.
    TextUnsaid {
        span: Span,
        said: String,
        number: String,
        near: Option<Span>,
    },
    /// A clause carries `number`, and the text at `text` does not say it.
    TextUntold {
        span: Span,
        text: Span,
        number: String,
    },

    // The table's own columns (`columns`).
    /// `level` columns other in number than the table's `depth` of levels.
    ColumnsLevels {
        span: Span,
        levels: usize,
        depth: usize,
    },
    /// A `level` column after a column of another role.
    ColumnsLevelLate { span: Span },
    /// Other than one `points` column (`count` of them).
    ColumnsPoints { span: Span, count: usize },
    /// No `text` column.
    ColumnsText { span: Span },
    /// `percent` on a column other than `points`.
    ColumnsPercent { span: Span },

    // The file as a whole (`draft`, `lower`).
    /// The warning of a `draft` line.
    Draft { span: Span },
    /// A name the checks let through that lowering could not resolve: kaohe's own
    /// fault, said as such rather than a panic.
    Unresolved,
}

/// A type's or a value's word (`count`, `number`, …) as a message says it.
pub(super) fn kind_text(word: &str) -> String {
    match word {
        "bool" => msg!("check-kind-bool"),
        "count" => msg!("check-kind-count"),
        "percent" => msg!("check-kind-percent"),
        "date" => msg!("check-kind-date"),
        "set" => msg!("check-kind-set"),
        "tally" => msg!("check-kind-tally"),
        "periods" => msg!("check-kind-periods"),
        "discretion" => msg!("check-kind-discretion"),
        "dates" => msg!("check-kind-dates"),
        "number" => msg!("check-kind-number"),
        other => other.to_string(),
    }
}

/// What needs a fact of some type (`a condition`, `` `per` ``, …) as a message says it.
fn role_text(role: &str) -> String {
    match role {
        "a condition" => msg!("check-role-condition"),
        other => other.to_string(),
    }
}

/// How to use a fact of the type `found` where `role` wants another.
fn type_help(role: &str, found: &str) -> String {
    match (role, found) {
        ("a condition", "count") => msg!("check-type-help-count"),
        ("a condition", "percent") => msg!("check-type-help-percent"),
        ("a condition", "date") => msg!("check-type-help-date"),
        ("a condition", "set") | ("a condition", "tally") => msg!("check-type-help-set"),
        ("`per`", _) => msg!("check-type-help-per"),
        ("`missing`", _) => msg!("check-type-help-missing"),
        ("`deadline`", _) => msg!("check-type-help-deadline"),
        ("`give`", _) => msg!("check-type-help-give"),
        _ => msg!("check-type-help-other"),
    }
}

/// How far a sum is from what it should be, in the help's words.
fn sum_help(sum: Decimal, expected: Decimal) -> String {
    let diff = (sum - expected).normalize();
    if diff > Decimal::ZERO {
        msg!("check-sum-too-many", diff = diff.to_string())
    } else {
        msg!("check-sum-too-few", diff = (-diff).to_string())
    }
}

/// The label that says what kind a value is.
fn a_kind(word: &str) -> String {
    msg!("check-a-kind", kind = kind_text(word))
}

impl From<CheckError> for Diagnostic {
    fn from(problem: CheckError) -> Diagnostic {
        use CheckError as E;
        match problem {
            E::Setting(problem) => problem.into_diagnostic(),
            E::DuplicateName {
                span,
                first,
                name,
                section,
            } => Diagnostic::error(codes::DUPLICATE, msg!("check-duplicate-name", name = &name))
                .primary(
                    span,
                    if section {
                        msg!("check-duplicate-name".section)
                    } else {
                        msg!("check-duplicate-name".item)
                    },
                )
                .label(first, msg!("check-duplicate-name".first))
                .help(msg!("check-duplicate-name".help)),
            E::DuplicateFact { span, first, name } => {
                Diagnostic::error(codes::DUPLICATE, msg!("check-duplicate-fact", name = &name))
                    .primary(span, msg!("check-duplicate-fact".label))
                    .label(first, msg!("check-duplicate-fact".first))
                    .help(msg!("check-duplicate-fact".help))
            }
            E::DuplicateMember { span, first, name } => Diagnostic::error(
                codes::DUPLICATE,
                msg!("check-duplicate-member", name = &name),
            )
            .primary(span, msg!("check-duplicate-member".label))
            .label(first, msg!("check-duplicate-member".first))
            .help(msg!("check-duplicate-member".help)),
            E::PeriodNames { span, name } => {
                Diagnostic::error(codes::DUPLICATE, msg!("check-period-names", name = &name))
                    .primary(span, msg!("check-period-names".label))
                    .help(msg!("check-period-names".help))
            }
            E::Undeclared {
                span,
                name,
                item,
                closest,
            } => {
                let help = match &closest {
                    None => msg!("check-undeclared".help, item = &item, name = &name),
                    Some(c) => msg!(
                        "check-undeclared".hint,
                        hint = msg!("check-did-you-mean", name = c.as_str()),
                        item = &item,
                        name = &name
                    ),
                };
                let d = Diagnostic::error(
                    codes::UNDECLARED,
                    msg!("check-undeclared", name = &name, item = &item),
                )
                .primary(span, msg!("check-undeclared".label))
                .help(help);
                match closest {
                    Some(c) => d.fix(span, c),
                    None => d,
                }
            }
            E::UnknownMember {
                span,
                member,
                name,
                listed,
                members,
                closest,
            } => {
                let d = Diagnostic::error(
                    codes::UNKNOWN_MEMBER,
                    msg!("check-unknown-member", member = &member, name = &name),
                )
                .primary(span, msg!("check-unknown-member".label))
                .label(listed, msg!("check-unknown-member".listed))
                .help(match &closest {
                    None => msg!("check-unknown-member".help, members = members.join("、")),
                    Some(c) => msg!(
                        "check-unknown-member".hint,
                        hint = msg!("check-did-you-mean", name = c.as_str()),
                        members = members.join("、")
                    ),
                });
                match closest {
                    Some(c) => d.fix(span, c),
                    None => d,
                }
            }
            E::Unused { span, name, item } => {
                Diagnostic::warning(codes::UNUSED, msg!("check-unused", name = &name))
                    .primary(span, msg!("check-unused".label))
                    .help(msg!("check-unused".help, item = &item))
            }
            E::GiveShared { span, other, name } => {
                Diagnostic::error(codes::DUPLICATE, msg!("check-give-shared", name = &name))
                    .primary(span, msg!("check-give-shared".label))
                    .label(other, msg!("check-give-shared".other))
                    .help(msg!("check-give-shared".help))
            }
            E::DeadlineTwice { span, first, name } => {
                Diagnostic::error(codes::DUPLICATE, msg!("check-deadline-twice", name = &name))
                    .primary(span, msg!("check-deadline-twice".label))
                    .label(first, msg!("check-deadline-twice".first))
                    .help(msg!("check-deadline-twice".help))
            }
            E::StartInPenalty { span, start } => Diagnostic::error(
                codes::BOUND,
                msg!("check-start-in-penalty", start = start.to_string()),
            )
            .primary(span, msg!("check-start-in-penalty".label))
            .help(msg!("check-start-in-penalty".help)),
            E::StartOutside {
                span,
                start,
                points,
                points_span,
            } => Diagnostic::error(
                codes::BOUND,
                msg!(
                    "check-start-outside",
                    start = start.to_string(),
                    points = points.to_string()
                ),
            )
            .primary(span, msg!("check-start-outside".label))
            .label(points_span, msg!("check-items-points"))
            .help(msg!("check-start-outside".help)),
            E::ApplicablePlacement { span, keyword } => Diagnostic::error(
                codes::PLACEMENT,
                msg!("check-applicable-placement", keyword = keyword),
            )
            .primary(span, msg!("check-applicable-placement".label))
            .help(msg!("check-applicable-placement".help)),
            E::DatesYear { span, name } => Diagnostic::error(
                codes::MISSING_SETTING,
                msg!("check-dates-year", name = &name),
            )
            .primary(span, msg!("check-dates-year".label))
            .help(msg!("check-dates-year".help)),
            E::DiscretionMax { span, max } => Diagnostic::error(
                codes::BOUND,
                msg!("check-discretion-max", max = max.to_string()),
            )
            .primary(span, msg!("check-discretion-max".label))
            .help(msg!("check-discretion-max".help)),
            E::NumberMax { span, max } => Diagnostic::error(
                codes::BOUND,
                msg!("check-number-max", max = max.to_string()),
            )
            .primary(span, msg!("check-number-max".label))
            .help(msg!("check-number-max".help)),
            E::GiveOverPoints {
                span,
                given,
                points_span,
                name,
                max,
                points,
            } => Diagnostic::error(
                codes::BOUND,
                msg!(
                    "check-give-over-points",
                    name = &name,
                    max = max.normalize().to_string(),
                    points = points.normalize().to_string()
                ),
            )
            .primary(span, msg!("check-give-over-points".label))
            .label(given, msg!("check-give-over-points".given))
            .label(
                points_span,
                msg!("check-item-worth", points = points.to_string()),
            )
            .help(msg!(
                "check-give-over-points".help,
                points = points.normalize().to_string()
            )),
            E::PercentOver { span, percent } => Diagnostic::error(
                codes::PERCENT_OVER,
                msg!("check-percent-over", percent = percent.to_string()),
            )
            .primary(span, msg!("check-percent-over".label))
            .help(msg!("check-percent-over".help)),
            E::DateYear { span, date, year } => Diagnostic::error(
                codes::DATE_YEAR,
                msg!(
                    "check-date-year",
                    date = date.to_string(),
                    year = year.to_string()
                ),
            )
            .primary(
                span,
                msg!("check-date-year".label, in = date.year().to_string()),
            )
            .help(msg!("check-date-year".help, year = year.to_string())),
            E::ZeroCounted { span, keyword } => {
                Diagnostic::error(codes::TYPE, msg!("check-zero-counted", keyword = keyword))
                    .primary(span, msg!("check-zero-counted".label))
                    .help(msg!("check-zero-counted".help))
            }
            E::FloorInPenalty { span } => {
                Diagnostic::error(codes::BOUND, msg!("check-floor-in-penalty"))
                    .primary(span, msg!("check-floor-in-penalty".label))
                    .help(msg!("check-floor-in-penalty".help))
            }
            E::FloorAbove {
                span,
                floor,
                points,
                points_span,
            } => Diagnostic::error(
                codes::BOUND,
                msg!(
                    "check-floor-above",
                    floor = floor.to_string(),
                    points = points.to_string()
                ),
            )
            .primary(span, msg!("check-floor-above".label))
            .label(points_span, msg!("check-items-points"))
            .help(msg!("check-floor-above".help)),
            E::FloorOnGain { span } => Diagnostic::error(codes::BOUND, msg!("check-floor-on-gain"))
                .primary(span, msg!("check-floor-on-gain".label))
                .help(msg!("check-floor-on-gain".help)),
            E::MaxNothing { span, max } => Diagnostic::error(
                codes::BOUND,
                msg!("check-max-nothing", max = max.to_string()),
            )
            .primary(span, msg!("check-max-nothing".label))
            .help(msg!("check-max-nothing".help)),
            E::NoCalendar { span } => Diagnostic::error(codes::CALENDAR, msg!("check-no-calendar"))
                .primary(span, msg!("check-no-calendar".label))
                .help(msg!("check-no-calendar".help)),
            E::ZeroDays { span } => Diagnostic::error(codes::BOUND, msg!("check-zero-days"))
                .primary(span, msg!("check-zero-days".label))
                .help(msg!("check-zero-days".help)),
            E::DefaultType {
                span,
                type_span,
                name,
                given,
                kind,
            } => Diagnostic::error(
                codes::TYPE,
                msg!(
                    "check-default-type",
                    given = kind_text(given),
                    kind = kind_text(kind),
                    name = &name
                ),
            )
            .primary(span, a_kind(given))
            .label(
                type_span,
                msg!("check-default-type".label, kind = kind_text(kind)),
            )
            .help(msg!("check-default-type".help)),
            E::DefaultCount { span, default, max } => {
                let message = match max {
                    Some(m) => msg!(
                        "check-default-count-to",
                        default = default.to_string(),
                        max = m.to_string()
                    ),
                    None => msg!("check-default-count", default = default.to_string()),
                };
                Diagnostic::error(codes::TYPE, message)
                    .primary(span, msg!("check-default-count".label))
                    .help(msg!("check-default-count".help))
            }
            E::DefaultNumber { span, default, max } => Diagnostic::error(
                codes::TYPE,
                msg!(
                    "check-default-number",
                    default = default.to_string(),
                    max = max.map_or_else(|| "-".to_string(), |m| m.to_string())
                ),
            )
            .primary(span, msg!("check-default-number".label))
            .help(msg!("check-default-number".help)),
            E::NoMembers {
                span,
                type_span,
                name,
                kind,
            } => Diagnostic::error(
                codes::TYPE,
                msg!("check-no-members", name = &name, kind = kind_text(kind)),
            )
            .primary(span, msg!("check-no-members".label))
            .label(
                type_span,
                msg!("check-no-members".declared, kind = kind_text(kind)),
            )
            .help(msg!("check-no-members".help, name = &name)),
            E::WrongKind {
                span,
                role,
                wanted,
                fact,
                found,
            } => {
                let words: Vec<String> = wanted.iter().map(|w| kind_text(w)).collect();
                let wanted = match words.split_last() {
                    Some((last, rest)) if !rest.is_empty() => msg!(
                        "check-kinds-either",
                        first = rest.join(&msg!("check-kinds-separator")),
                        last = last
                    ),
                    _ => words.join(""),
                };
                Diagnostic::error(
                    codes::TYPE,
                    msg!(
                        "check-wrong-kind",
                        role = role_text(role),
                        wanted = wanted,
                        fact = fact,
                        kind = kind_text(found)
                    ),
                )
                .primary(span, a_kind(found))
                .help(type_help(role, found))
            }
            E::FixedComparison { span } => {
                Diagnostic::error(codes::TYPE, msg!("check-fixed-comparison"))
                    .primary(span, msg!("check-fixed-comparison".label))
                    .help(msg!("check-fixed-comparison".help))
            }
            E::Incomparable {
                left,
                right,
                left_kind,
                right_kind,
            } => Diagnostic::error(
                codes::TYPE,
                msg!(
                    "check-incomparable",
                    left = kind_text(left_kind),
                    right = kind_text(right_kind)
                ),
            )
            .primary(left, a_kind(left_kind))
            .label(right, a_kind(right_kind))
            .help(msg!("check-incomparable".help)),
            E::OrderedBool { span, op } => {
                Diagnostic::error(codes::TYPE, msg!("check-ordered-bool", op = op))
                    .primary(span, msg!("check-ordered-bool".label))
                    .help(msg!("check-ordered-bool".help))
            }
            E::Except { span, fact, clause } => {
                Diagnostic::error(codes::TYPE, msg!("check-except", fact = fact))
                    .primary(span, msg!("check-except".label))
                    .help(msg!("check-except".help, clause = clause))
            }
            E::PerNeedsOver { span, fact } => {
                Diagnostic::error(codes::TYPE, msg!("check-per-needs-over", fact = &fact))
                    .primary(span, msg!("check-per-needs-over".label))
                    .help(msg!("check-per-needs-over".help, fact = &fact))
            }
            E::OverNeedsPeriods { span, fact, kind } => Diagnostic::error(
                codes::TYPE,
                msg!(
                    "check-over-needs-periods",
                    fact = &fact,
                    kind = kind_text(kind)
                ),
            )
            .primary(span, msg!("check-over-needs-periods".label))
            .help(msg!("check-over-needs-periods".help)),
            E::ZeroDivisor { span } => {
                Diagnostic::error(codes::ZERO_DIVISOR, msg!("check-zero-divisor"))
                    .primary(span, msg!("check-zero-divisor".label))
                    .help(msg!("check-zero-divisor".help))
            }
            E::ArithMix {
                span,
                left,
                right,
                op,
                left_kind,
                right_kind,
            } => Diagnostic::error(
                codes::TYPE,
                msg!(
                    "check-arith-mix",
                    op = op,
                    left = kind_text(left_kind),
                    right = kind_text(right_kind)
                ),
            )
            .primary(span, msg!("check-arith-mix".label))
            .label(left, a_kind(left_kind))
            .label(right, a_kind(right_kind))
            .help(msg!("check-arith-mix".help)),
            E::ArithKind { span, what, kind } => Diagnostic::error(
                codes::TYPE,
                msg!("check-arith-kind", what = what, kind = kind_text(kind)),
            )
            .primary(span, a_kind(kind))
            .help(msg!("check-arith-kind".help)),
            E::StepZero { span } => Diagnostic::error(codes::STEP, msg!("check-step-zero"))
                .primary(span, msg!("check-step-zero".label))
                .help(msg!("check-step-zero".help)),
            E::StepKind {
                span,
                quantity,
                step,
                kind,
            } => Diagnostic::error(
                codes::TYPE,
                msg!(
                    "check-step-kind",
                    step = kind_text(step),
                    kind = kind_text(kind)
                ),
            )
            .primary(span, a_kind(step))
            .label(quantity, a_kind(kind))
            .help(msg!("check-step-kind".help)),
            E::UnguardedDivisor { span, fact } => Diagnostic::warning(
                codes::UNGUARDED_DIVISOR,
                msg!("check-unguarded-divisor", fact = &fact),
            )
            .primary(span, msg!("check-unguarded-divisor".label))
            .help(msg!("check-unguarded-divisor".help, fact = &fact)),
            E::NoItems { span } => Diagnostic::error(codes::EMPTY, msg!("check-no-items"))
                .primary(span, msg!("check-no-items".label))
                .help(msg!("check-no-items".help)),
            E::SectionsSum {
                span,
                sum,
                total,
                parts,
            } => Diagnostic::error(
                codes::POINTS_SUM,
                msg!(
                    "check-sections-sum",
                    sum = sum.normalize().to_string(),
                    total = total.to_string()
                ),
            )
            .primary(
                span,
                msg!("check-sections-sum".label, total = total.to_string()),
            )
            // The parts listed in the help: labels far apart would show every line of
            // the file between them.
            .help(msg!(
                "check-sum-parts",
                how = sum_help(sum, total),
                parts = parts.join(", ")
            )),
            E::ItemsSum {
                span,
                name,
                sum,
                points,
                weights,
                parts,
            } => {
                let message = match weights {
                    Some(w) => msg!(
                        "check-weights-sum",
                        name = &name,
                        sum = w.normalize().to_string()
                    ),
                    None => msg!(
                        "check-items-sum",
                        name = &name,
                        sum = sum.normalize().to_string(),
                        points = points.to_string()
                    ),
                };
                Diagnostic::error(codes::POINTS_SUM, message)
                    .primary(
                        span,
                        msg!(
                            "check-items-sum".label,
                            name = &name,
                            points = points.to_string()
                        ),
                    )
                    .help(msg!(
                        "check-sum-parts",
                        how = sum_help(sum, points),
                        parts = parts.join(", ")
                    ))
            }
            E::NestedKind { span, keyword } => Diagnostic::error(
                codes::PLACEMENT,
                msg!("check-nested-kind", keyword = keyword),
            )
            .primary(span, msg!("check-nested-kind".label))
            .help(msg!("check-nested-kind".help)),
            E::ZeroPoints {
                span,
                name,
                section,
            } => {
                let (message, help) = if section {
                    (
                        msg!("check-zero-points-section", name = &name),
                        msg!("check-zero-points-section".help),
                    )
                } else {
                    (
                        msg!("check-zero-points-item", name = &name),
                        msg!("check-zero-points-item".help),
                    )
                };
                Diagnostic::error(codes::ZERO_POINTS, message)
                    .primary(span, msg!("check-zero-points-item".label))
                    .help(help)
            }
            E::EmptySection { span, name } => {
                Diagnostic::error(codes::EMPTY, msg!("check-empty-section", name = &name))
                    .primary(span, msg!("check-empty-section".label))
                    .help(msg!("check-empty-section".help))
            }
            E::UncappedRegular { span, name } => Diagnostic::error(
                codes::UNCAPPED,
                msg!("check-uncapped-regular", name = &name),
            )
            .primary(span, msg!("check-uncapped-regular".label))
            .help(msg!("check-uncapped-regular".help)),
            E::PooledKind { span, keyword } => Diagnostic::error(
                codes::POOLED_KIND,
                msg!("check-pooled-kind", keyword = keyword),
            )
            .primary(span, msg!("check-pooled-kind".label, keyword = keyword))
            .help(msg!("check-pooled-kind".help, keyword = keyword)),
            E::PooledIdle { span, name } => {
                Diagnostic::warning(codes::POOLED_IDLE, msg!("check-pooled-idle", name = &name))
                    .primary(span, msg!("check-pooled-idle".label))
                    .help(msg!("check-pooled-idle".help))
            }
            E::MinIdle { span } => Diagnostic::warning(codes::MIN_IDLE, msg!("check-min-idle"))
                .primary(span, msg!("check-min-idle".label))
                .help(msg!("check-min-idle".help)),
            E::MethodsOne { span } => Diagnostic::error(codes::METHODS, msg!("check-methods-one"))
                .primary(span, msg!("check-methods-one".label))
                .help(msg!("check-methods-one".help)),
            E::MethodsTwice { span, first, name } => Diagnostic::error(
                codes::METHODS,
                msg!("check-methods-twice", name = name.as_str()),
            )
            .primary(span, msg!("check-methods-twice".label))
            .label(first, msg!("check-methods-twice".first))
            .help(msg!("check-methods-twice".help)),
            E::MethodsZero { span, name } => Diagnostic::error(
                codes::METHODS,
                msg!("check-methods-zero", name = name.as_str()),
            )
            .primary(span, msg!("check-methods-zero".label))
            .help(msg!("check-methods-zero".help)),
            E::MethodsSum { span, sum } => {
                let sum = sum.normalize().to_string();
                Diagnostic::error(
                    codes::METHODS,
                    msg!("check-methods-sum", sum = sum.as_str()),
                )
                .primary(span, msg!("check-methods-sum".label, sum = sum.as_str()))
                .help(msg!("check-methods-sum".help))
            }
            E::FullUnreachable {
                span,
                points_span,
                name,
                points,
                most,
                penalty,
            } => {
                let message = if penalty {
                    msg!(
                        "check-full-unreachable-penalty",
                        name = &name,
                        points = points.to_string()
                    )
                } else {
                    msg!(
                        "check-full-unreachable",
                        name = &name,
                        points = points.to_string()
                    )
                };
                Diagnostic::warning(codes::FULL_UNREACHABLE, message)
                    .primary(
                        span,
                        msg!(
                            "check-full-unreachable".label,
                            most = most.abs().normalize().to_string()
                        ),
                    )
                    .label(
                        points_span,
                        msg!("check-worth", points = points.to_string()),
                    )
                    .help(msg!("check-full-unreachable".help))
            }
            E::ZeroUnreachable {
                span,
                points_span,
                name,
                points,
                least,
            } => Diagnostic::warning(
                codes::ZERO_UNREACHABLE,
                msg!("check-zero-unreachable", name = &name),
            )
            .primary(
                span,
                msg!(
                    "check-zero-unreachable".label,
                    least = least.normalize().to_string()
                ),
            )
            .label(
                points_span,
                msg!("check-worth", points = points.to_string()),
            )
            .help(msg!("check-zero-unreachable".help)),
            E::ClauseExceeds {
                span,
                points_span,
                takes,
                points,
            } => Diagnostic::warning(
                codes::CLAUSE_EXCEEDS,
                msg!(
                    "check-clause-exceeds",
                    takes = takes.normalize().to_string(),
                    points = points.to_string()
                ),
            )
            .primary(
                span,
                msg!(
                    "check-clause-exceeds".label,
                    takes = takes.normalize().to_string()
                ),
            )
            .label(
                points_span,
                msg!("check-item-worth", points = points.to_string()),
            )
            .help(msg!("check-clause-exceeds".help)),
            E::FixedExceed {
                span,
                points_span,
                name,
                sum,
                points,
            } => {
                let (sum, points) = (sum.normalize().to_string(), points.to_string());
                Diagnostic::warning(
                    codes::CLAUSE_EXCEEDS,
                    msg!(
                        "check-fixed-exceed",
                        name = &name,
                        sum = &sum,
                        points = &points
                    ),
                )
                .primary(span, msg!("check-fixed-exceed".label, sum = &sum))
                .label(points_span, msg!("check-item-worth", points = &points))
                .help(msg!("check-fixed-exceed".help))
            }
            E::AlwaysCut {
                span,
                points_span,
                name,
                points,
                gain,
                apart,
            } => {
                let points = points.to_string();
                let (message, label, help) = match (gain, apart) {
                    (true, false) => (
                        msg!("check-gain-always-cut", name = &name),
                        msg!("check-gain-always-cut".label, points = &points),
                        msg!("check-gain-always-cut".help, points = &points),
                    ),
                    (true, true) => (
                        msg!("check-gain-always-cut", name = &name),
                        msg!("check-gain-always-cut".label, points = &points),
                        msg!("check-gain-always-cut".apart, points = &points),
                    ),
                    (false, false) => (
                        msg!("check-loss-always-cut", name = &name),
                        msg!("check-loss-always-cut".label),
                        msg!("check-loss-always-cut".help),
                    ),
                    (false, true) => (
                        msg!("check-loss-always-cut", name = &name),
                        msg!("check-loss-always-cut".label),
                        msg!("check-loss-always-cut".apart),
                    ),
                };
                Diagnostic::warning(codes::DEAD_CLAUSE, message)
                    .primary(span, label)
                    .label(points_span, msg!("check-item-worth", points = &points))
                    .help(help)
            }
            E::AllowUnknown { span, name, names } => {
                let names = names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                Diagnostic::error(
                    codes::ALLOW,
                    msg!("checker-allow-unknown", name = &name, names = &names),
                )
                .primary(span, msg!("checker-allow-unknown".label))
                .help(msg!(
                    "checker-allow-unknown".help,
                    name = &name,
                    names = names
                ))
            }
            E::AllowUnused { span, name, year } => {
                let year = year.map_or_else(|| "-".to_string(), |y| y.to_string());
                Diagnostic::warning(
                    codes::ALLOW,
                    msg!("checker-allow-unused", name = &name, year = &year),
                )
                .primary(
                    span,
                    msg!("checker-allow-unused".label, name = &name, year = &year),
                )
                .help(msg!("checker-allow-unused".help, name = &name, year = year))
            }
            E::AllowNothing {
                span,
                name,
                item,
                code,
            } => Diagnostic::warning(
                codes::ALLOW,
                msg!(
                    "checker-allow-nothing",
                    name = &name,
                    code = code,
                    item = &item
                ),
            )
            .primary(
                span,
                msg!(
                    "checker-allow-nothing".label,
                    name = &name,
                    code = code,
                    item = &item
                ),
            )
            .help(msg!(
                "checker-allow-nothing".help,
                name = &name,
                code = code,
                item = &item
            )),
            E::DeadFloor {
                span,
                points_span,
                floor,
                points,
            } => Diagnostic::warning(
                codes::DEAD_CLAUSE,
                msg!("checker-dead-floor", floor = floor, points = points),
            )
            .help(msg!(
                "checker-dead-floor".help,
                floor = floor,
                points = points
            ))
            .primary(
                span,
                msg!("checker-dead-floor".label, floor = floor, points = points),
            )
            .label(
                points_span,
                msg!("checker-dead-floor".points, floor = floor, points = points),
            ),
            E::DeadRepeat { span, first } => {
                Diagnostic::warning(codes::DEAD_CLAUSE, msg!("checker-dead-repeat"))
                    .help(msg!("checker-dead-repeat".help))
                    .primary(span, msg!("checker-dead-repeat".label))
                    .label(first, msg!("checker-dead-repeat".first))
            }
            E::DeadZero { span, zero } => {
                Diagnostic::warning(codes::DEAD_CLAUSE, msg!("checker-dead-zero"))
                    .help(msg!("checker-dead-zero".help))
                    .primary(span, msg!("checker-dead-zero".label))
                    .label(zero, msg!("checker-dead-zero".zero))
            }
            E::ApplicableNever { span, domains } => Diagnostic::warning(
                codes::CONDITION_NEVER,
                msg!("checker-applicable-never", domains = &domains),
            )
            .help(msg!("checker-applicable-never".help, domains = domains))
            .primary(span, msg!("checker-applicable-never".label)),
            E::ApplicableAlways { span, domains } => Diagnostic::warning(
                codes::CONDITION_ALWAYS,
                msg!("checker-applicable-always", domains = &domains),
            )
            .help(msg!("checker-applicable-always".help, domains = domains))
            .primary(span, msg!("checker-applicable-always".label)),
            E::ConditionNever {
                span,
                effect,
                domains,
                example,
            } => Diagnostic::warning(
                codes::CONDITION_NEVER,
                msg!(
                    "checker-condition-never",
                    domains = &domains,
                    example = &example
                ),
            )
            .help(msg!(
                "checker-condition-never".help,
                domains = domains,
                example = example
            ))
            .primary(span, msg!("checker-condition-never".label))
            .label(effect, msg!("checker-condition-never".effect)),
            E::ConditionInapplicable { span, applicable } => Diagnostic::warning(
                codes::CONDITION_NEVER,
                msg!("checker-condition-inapplicable"),
            )
            .help(msg!("checker-condition-inapplicable".help))
            .primary(span, msg!("checker-condition-inapplicable".label))
            .label(
                applicable,
                msg!("checker-condition-inapplicable".applicable),
            ),
            E::ConditionAlways {
                span,
                effect,
                domains,
                example,
            } => Diagnostic::warning(
                codes::CONDITION_ALWAYS,
                msg!(
                    "checker-condition-always",
                    domains = &domains,
                    example = &example
                ),
            )
            .help(msg!(
                "checker-condition-always".help,
                domains = domains,
                example = example
            ))
            .primary(span, msg!("checker-condition-always".label))
            .label(effect, msg!("checker-condition-always".effect)),
            E::UnlessNever { span, domains } => Diagnostic::warning(
                codes::CONDITION_NEVER,
                msg!("checker-unless-never", domains = &domains),
            )
            .help(msg!("checker-unless-never".help, domains = domains))
            .primary(span, msg!("checker-unless-never".label)),
            E::UnlessAlways {
                span,
                effect,
                example,
            } => Diagnostic::warning(
                codes::CONDITION_ALWAYS,
                msg!("checker-unless-always", example = &example),
            )
            .help(msg!("checker-unless-always".help, example = example))
            .primary(span, msg!("checker-unless-always".label))
            .label(effect, msg!("checker-unless-always".effect)),
            E::ConditionUndecided { span, count, limit } => Diagnostic::warning(
                codes::CONDITION_UNDECIDED,
                msg!("checker-condition-undecided"),
            )
            .primary(span, msg!("checker-condition-undecided".label))
            .help(msg!(
                "checker-condition-undecided".help,
                count = count.to_string(),
                limit = limit.to_string()
            )),
            E::TextAllowUnused { span } => {
                Diagnostic::warning(codes::ALLOW, msg!("checker-text-allow-unused"))
                    .help(msg!("checker-text-allow-unused".help))
                    .primary(span, msg!("checker-text-allow-unused".label))
            }
            E::TextUnsaid {
                span,
                said,
                number,
                near,
            } => {
                let d = Diagnostic::warning(
                    codes::TEXT_MISMATCH,
                    msg!("checker-text-unsaid", said = &said, number = &number),
                )
                .help(msg!(
                    "checker-text-unsaid".help,
                    said = &said,
                    number = &number
                ))
                .primary(
                    span,
                    msg!("checker-text-unsaid".label, said = &said, number = &number),
                );
                match near {
                    Some(near) => d.label(
                        near,
                        msg!("checker-text-unsaid".clause, said = &said, number = &number),
                    ),
                    None => d,
                }
            }
            E::TextUntold { span, text, number } => Diagnostic::warning(
                codes::TEXT_MISMATCH,
                msg!("checker-text-untold", number = &number),
            )
            .help(msg!("checker-text-untold".help, number = &number))
            .primary(span, msg!("checker-text-untold".label, number = &number))
            .label(text, msg!("checker-text-untold".text, number = &number)),
            E::ColumnsLevels {
                span,
                levels,
                depth,
            } => Diagnostic::error(
                codes::COLUMNS,
                msg!(
                    "check-columns-levels",
                    levels = levels.to_string(),
                    depth = depth.to_string()
                ),
            )
            .primary(
                span,
                msg!("check-columns-levels".label, depth = depth.to_string()),
            )
            .help(msg!("check-columns-levels".help)),
            E::ColumnsLevelLate { span } => {
                Diagnostic::error(codes::COLUMNS, msg!("check-columns-level-late"))
                    .primary(span, msg!("check-columns-level-late".label))
                    .help(msg!("check-columns-level-late".help))
            }
            E::ColumnsPoints { span, count } => Diagnostic::error(
                codes::COLUMNS,
                msg!("check-columns-points", count = count.to_string()),
            )
            .primary(span, msg!("check-columns-points".label))
            .help(msg!("check-columns-points".help)),
            E::ColumnsText { span } => {
                Diagnostic::error(codes::COLUMNS, msg!("check-columns-text"))
                    .primary(span, msg!("check-columns-text".label))
                    .help(msg!("check-columns-text".help))
            }
            E::ColumnsPercent { span } => {
                Diagnostic::error(codes::COLUMNS, msg!("check-columns-percent"))
                    .primary(span, msg!("check-columns-percent".label))
                    .help(msg!("check-columns-percent".help))
            }
            E::Draft { span } => Diagnostic::warning(codes::DRAFT, msg!("check-draft"))
                .primary(span, msg!("check-draft".label))
                .help(msg!("check-draft".help)),
            E::Unresolved => Diagnostic::error(
                codes::UNDECLARED,
                "a name in this rubric could not be resolved after it was checked",
            )
            .primary(Span::new(0, 0), "in this file")
            .help("this is a bug in kaohe: please report it with this file"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// The problems of the points budget of a rule file's text.
    fn budget(text: &str) -> Vec<CheckError> {
        let file = crate::syntax::parse(&SourceFile::new("t.rule", text)).expect("it parses");
        let header = super::super::settings::check(&file, &mut Vec::new());
        let points = super::super::points(&file);
        super::super::budget::problems(&file, header.total.as_ref(), &points)
    }

    #[test]
    fn sums_that_do_not_add_up_are_their_kinds_with_the_numbers() {
        let text = "rubric t\ntotal 10\nsection 甲 6 {\n  item 乙 4 {\n    fact 丙 bool\n    if 丙 -4\n  }\n}\n";
        let total = text.find("10").unwrap();
        let six = text.find('6').unwrap();
        assert_eq!(
            budget(text),
            vec![
                CheckError::SectionsSum {
                    span: Span::new(total, total + 2),
                    sum: Decimal::from(6),
                    total: Decimal::from(10),
                    parts: vec!["甲 6".to_string()],
                },
                CheckError::ItemsSum {
                    span: Span::new(six, six + 1),
                    name: "甲".into(),
                    sum: Decimal::from(4),
                    points: Decimal::from(6),
                    weights: None,
                    parts: vec!["乙 4".to_string()],
                },
            ]
        );
    }

    #[test]
    fn a_sum_keeps_its_code_and_says_how_far_off_it_is() {
        let text = "rubric t\ntotal 10\nsection 甲 6 {\n  item 乙 4 {\n    fact 丙 bool\n    if 丙 -4\n  }\n}\n";
        let problems = budget(text);
        assert!(matches!(
            &problems[1],
            CheckError::ItemsSum { sum, points, .. } if points - sum == Decimal::from(2)
        ));
        let d = Diagnostic::from(problems[1].clone());
        assert_eq!(d.code, codes::POINTS_SUM);
        assert!(d.is_error());
    }

    #[test]
    fn an_empty_rubric_is_one_kind() {
        let problems = budget("rubric t\ntotal 10\n");
        assert!(
            matches!(problems.as_slice(), [CheckError::NoItems { .. }]),
            "{problems:?}"
        );
    }
}
