//! Check: AST → a [`Rubric`] ready to evaluate, and every diagnostic about it.
//!
//! The checks run in order and all of them run, so one `kaohe check` reports every
//! problem in a file: the header settings ([`settings`]), the points budget of every
//! section and of the whole ([`budget`]), names and types inside each item
//! ([`items`]), and the range of scores each item can reach ([`range`]). A file
//! without errors is then lowered into the [`crate::model`] that evaluation reads
//! ([`lower`]). Each problem is a [`CheckError`] kind (the header's a
//! `settings::SettingProblem`), made into its [`Diagnostic`] in one place
//! (`problem`).

mod acknowledge;
mod allow;
mod budget;
mod columns;
mod conditions;
mod dead;
mod draft;
mod items;
mod lower;
mod methods;
mod paths;
mod pooled;
mod problem;
mod range;
mod range_arith;
mod settings;
mod suggest;
mod text;
mod weights;

use rust_decimal::Decimal;

use crate::calendar::{Calendar, CalendarRef};
use crate::diagnostic::{self, Diagnostic};
use crate::model;
use crate::source::SourceFile;
use crate::syntax::{self, ast};

pub use problem::CheckError;
pub use range::{lowest_under_floor, once, within_max};
pub use weights::Points;

/// The bounds an item's score must stay within in a section of `kind` (lowest,
/// highest), and where it starts by default. An item of a `pooled` section has no
/// lowest of its own (`None`): its section's is kept instead; a penalty item without
/// a cap (`none`) has no lowest either, a bonus item without one no highest.
pub fn bounds(
    item: &model::Item,
    kind: ast::SectionKind,
) -> (Option<Decimal>, Option<Decimal>, Decimal) {
    let (low, high, start) = range::bounds_of(item.points.node, kind);
    let open = item.uncapped;
    (
        (!(item.pooled || open && kind == ast::SectionKind::Penalty)).then_some(low),
        (!(open && kind == ast::SectionKind::Bonus)).then_some(high),
        start,
    )
}

/// `did you mean `X`?` for the closest of some names, or an empty text.
pub fn suggest_name<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    suggest::did_you_mean(name, candidates)
}

/// The range of scores an item's clauses can reach and the scores it can end at, as
/// the checker works them out (its diagnostics set aside): for an editor's hover.
/// `points` are the item's points, a weight worked out ([`points`]).
pub fn reach(
    item: &ast::Item,
    points: Decimal,
    kind: ast::SectionKind,
    pooled: bool,
) -> model::Reach {
    range::check_item(item, points, kind, pooled, &mut Vec::new())
}

/// The points of every section and item of a file, those written as weights (`40%`
/// of the parent) worked out as the checker works them out before its other checks:
/// for an editor, whose tree is the file as written. Without a `total`, the weights
/// stay unresolved (0).
pub fn points(file: &ast::File) -> Points {
    let mut ignored = Vec::new();
    let total = settings::check(file, &mut ignored).total;
    Points::resolve(&file.nodes, total.map(|t| t.node))
}

/// The bounds an item of `points` must stay within in a section of `kind` (lowest,
/// highest), and where it starts by default.
pub fn lowest_and_highest(points: Decimal, kind: ast::SectionKind) -> (Decimal, Decimal, Decimal) {
    range::bounds_of(points, kind)
}

/// A rubric that has passed every check with no error. Evaluation relies on it: every
/// fact a clause names is declared with the right type, and every item's score is
/// kept within its bounds (0 and its points, unless a `pooled` section or `none`
/// lifts one of them).
#[derive(Debug, Clone)]
pub struct Rubric {
    pub source: SourceFile,
    pub title: String,
    pub source_note: Option<String>,
    pub total: Decimal,
    /// The most a unit may score: the total, or more with `total 100 max 105`.
    pub total_max: Decimal,
    /// The least a unit may score: 0, or `None` with `total 100 min none`, when
    /// penalties may take the total below 0.
    pub total_min: Option<Decimal>,
    pub year: Option<i32>,
    pub rounding: Rounding,
    /// The calendar working days are counted with, when the rubric names one.
    pub calendar: Option<Calendar>,
    /// The sections and items, lowered into the model evaluation reads.
    pub nodes: Vec<model::Node>,
    /// How many facts the rubric declares: the length of a unit's vector of facts.
    pub slots: usize,
    /// A draft table (`draft` in the file, or checked with `--draft`): its sums may
    /// not add up yet, `render` marks it 草稿, and `eval` scores it only when told.
    pub draft: bool,
    /// The table's own columns (`columns { … }`), when the rule file names them.
    pub layout: Option<model::Layout>,
    /// The methods of a blended table (`methods { 网上考核 80%, 现场考核 20% }`), in
    /// the file's order; empty for a table scored from one body of evidence.
    pub methods: Vec<model::Method>,
}

/// How a prorated total is rounded: `round 2 half-up` (the default when absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    pub places: u32,
    pub mode: model::RoundingMode,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding {
            places: 2,
            mode: model::RoundingMode::HalfUp,
        }
    }
}

impl Rounding {
    pub fn apply(self, value: Decimal) -> Decimal {
        use rust_decimal::RoundingStrategy as S;
        let strategy = match self.mode {
            model::RoundingMode::HalfUp => S::MidpointAwayFromZero,
            model::RoundingMode::HalfEven => S::MidpointNearestEven,
            model::RoundingMode::Up => S::AwayFromZero,
            model::RoundingMode::Down => S::ToZero,
        };
        value
            .round_dp_with_strategy(self.places, strategy)
            .normalize()
    }
}

/// The result of checking one file: the rubric when there is no error, and every
/// diagnostic (errors and warnings), sorted by position.
#[derive(Debug)]
pub struct Checked {
    pub rubric: Option<Rubric>,
    pub diagnostics: Vec<Diagnostic>,
    /// The calendar the rule file names, read by [`Checked::with_calendar`]: a
    /// rubric naming a calendar file has none until then.
    pub calendar: Option<CalendarRef>,
    /// The warnings the rule file acknowledges with `allow NAME` on their items
    /// ([`diagnostic::Severity::Acknowledged`]): no longer warnings, still shown by
    /// `kaohe check --verbose` and counted by `kaohe check`.
    pub acknowledged: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Reads the calendar the rule file `source` names, or the user's own `user`
    /// (`--calendar FILE`), which replaces it ([`crate::calendar::resolve`]), and gives
    /// it to the rubric; its problems are added to the diagnostics, and leave no rubric.
    pub fn with_calendar(mut self, source: &SourceFile, user: Option<&std::path::Path>) -> Checked {
        // A calendar shipped inside kaohe is already the rubric's, and a name that is
        // not one already reported.
        if user.is_none() && !matches!(self.calendar, Some(CalendarRef::File(_))) {
            return self;
        }
        match crate::calendar::resolve(source, self.calendar.as_ref(), user) {
            Ok(calendar) => {
                if let Some(rubric) = &mut self.rubric {
                    rubric.calendar = calendar;
                }
            }
            Err(problems) => {
                self.diagnostics.extend(problems);
                diagnostic::sort(&mut self.diagnostics);
                self.rubric = None;
            }
        }
        self
    }
}

/// Parses and checks a rule file.
pub fn compile(source: &SourceFile) -> Checked {
    compile_as(source, false)
}

/// Parses and checks a rule file, as a draft when `draft` is true whatever the file
/// says (`kaohe check --draft`): the sums that do not add up are warnings.
pub fn compile_as(source: &SourceFile, draft: bool) -> Checked {
    match syntax::parse(source) {
        Ok(file) => check_as(file, source, draft),
        Err(diagnostics) => Checked {
            rubric: None,
            diagnostics,
            calendar: None,
            acknowledged: Vec::new(),
        },
    }
}

/// Checks a parsed rule file.
pub fn check(file: ast::File, source: &SourceFile) -> Checked {
    check_as(file, source, false)
}

/// Checks a parsed rule file, as a draft when the file says `draft` or `draft` is true.
pub fn check_as(file: ast::File, source: &SourceFile, draft: bool) -> Checked {
    let mut diagnostics = Vec::new();
    let mut acknowledged = Vec::new();
    let header = settings::check(&file, &mut diagnostics);
    // The points of the parts written as weights, worked out into the checker's own
    // data: the syntax tree keeps the points as written.
    let points = Points::resolve(&file.nodes, header.total.as_ref().map(|t| t.node));
    budget::check(&file, header.total.as_ref(), &points, &mut diagnostics);
    pooled::check_kind(&file, &mut diagnostics);
    pooled::check_min(&file, header.total_no_min, &mut diagnostics);
    items::check_names(&file.nodes, &mut diagnostics);
    let mut reach = Vec::new();
    for (item, kind, pooled) in items_with_kind(&file.nodes) {
        let own = points.item(item);
        let context = items::Context {
            year: header.year,
            has_calendar: header.calendar.is_some(),
            kind,
            points: own,
        };
        let mut found = Vec::new();
        let typed_ok = items::check_item(item, &context, &mut found);
        allow::check(item, header.year, &mut found);
        if typed_ok {
            reach.push(range::check_item(item, own, kind, pooled, &mut found));
            let conds = conditions::check_item(item, &mut found);
            dead::check_item(item, own, conds.as_ref(), source, &mut found);
            text::check_item(item, own, header.year, source, &mut found);
        }
        acknowledge::sort(item, found, &mut diagnostics, &mut acknowledged);
    }
    pooled::check_idle(&file, &reach, &mut diagnostics);
    let layout = header
        .columns
        .as_ref()
        .and_then(|(at, c)| columns::check(*at, c, &file.nodes, &mut diagnostics));
    let methods = header
        .methods
        .as_ref()
        .map(|(at, m)| methods::check(*at, m, &mut diagnostics))
        .unwrap_or_default();
    let draft = draft || header.draft.is_some();
    if draft {
        draft::relax(&mut diagnostics, header.draft);
    }
    let mut acknowledged: Vec<Diagnostic> = acknowledged
        .into_iter()
        .map(|d| d.with_source(source))
        .collect();
    diagnostic::sort(&mut acknowledged);
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(|d| d.with_source(source))
        .collect();
    // No file is read here: a calendar shipped inside kaohe is at hand, and a file is
    // read by `calendar::resolve`, through `Checked::with_calendar`.
    let calendar = match &header.calendar {
        Some(CalendarRef::Builtin(name)) => crate::calendar::builtin(&name.node),
        _ => None,
    };
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    let lowered = if has_errors {
        None
    } else {
        let lowered = lower::nodes(&file.nodes, &reach, &points);
        if lowered.is_none() {
            diagnostics.push(unresolved(source));
        }
        lowered
    };
    diagnostic::sort(&mut diagnostics);
    let rubric = match (lowered, header.title, header.total) {
        (Some((nodes, slots)), Some(title), Some(total)) => Some(Rubric {
            slots,
            source: source.clone(),
            title,
            source_note: header.source_note,
            total: total.node,
            total_max: header.total_max.unwrap_or(total.node),
            total_min: header.total_no_min.is_none().then_some(Decimal::ZERO),
            year: header.year,
            rounding: header.rounding,
            calendar,
            nodes,
            draft,
            layout,
            methods,
        }),
        _ => None,
    };
    Checked {
        rubric,
        diagnostics,
        calendar: header.calendar,
        acknowledged,
    }
}

/// A name that the checks let through and lowering could not resolve: the checks rule
/// that out, so this is kaohe's own fault, said as such rather than a panic.
fn unresolved(source: &SourceFile) -> Diagnostic {
    Diagnostic::from(CheckError::Unresolved).with_source(source)
}

/// Every item with the kind of the top-level section it stands in (`Regular` for an
/// item at the top level), and whether a `pooled` section holds it.
fn items_with_kind(nodes: &[ast::Node]) -> Vec<(&ast::Item, ast::SectionKind, bool)> {
    let mut out = Vec::new();
    // Each node with the kind of its nearest bonus or penalty section, if any, and
    // whether a section around it is pooled.
    let mut stack: Vec<(&ast::Node, ast::SectionKind, bool)> = nodes
        .iter()
        .rev()
        .map(|n| (n, ast::SectionKind::Regular, false))
        .collect();
    while let Some((node, kind, pooled)) = stack.pop() {
        match node {
            ast::Node::Item(i) => out.push((i, kind, pooled)),
            ast::Node::Section(s) => {
                let kind = if s.kind == ast::SectionKind::Regular {
                    kind
                } else {
                    s.kind
                };
                let pooled = pooled || s.pooled.is_some();
                stack.extend(s.children.iter().rev().map(|c| (c, kind, pooled)));
            }
        }
    }
    out
}
