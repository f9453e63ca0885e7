//! Check: AST → a [`Rubric`] ready to evaluate, and every diagnostic about it.
//!
//! The checks run in order and all of them run, so one `kaohe check` reports every
//! problem in a file: the header settings ([`settings`]), the points budget of every
//! section and of the whole ([`budget`]), names and types inside each item
//! ([`items`]), and the range of scores each item can reach ([`range`]).

mod budget;
mod items;
mod range;
mod settings;
mod suggest;

use rust_decimal::Decimal;

use crate::diagnostic::{self, Diagnostic};
use crate::source::SourceFile;
use crate::syntax::{self, ast};

pub use range::Interval;

/// `did you mean `X`?` for the closest of some names, or an empty text.
pub fn suggest_name<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    suggest::did_you_mean(name, candidates)
}

/// A rubric that has passed every check with no error. Evaluation relies on it: every
/// fact a clause names is declared with the right type, and every item's score stays
/// within 0 and its points.
#[derive(Debug, Clone)]
pub struct Rubric {
    pub source: SourceFile,
    pub title: String,
    pub source_note: Option<String>,
    pub total: Decimal,
    pub year: Option<i32>,
    pub rounding: Rounding,
    pub nodes: Vec<ast::Node>,
}

/// How a prorated total is rounded: `round 2 half-up` (the default when absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    pub places: u32,
    pub mode: ast::RoundingMode,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding {
            places: 2,
            mode: ast::RoundingMode::HalfUp,
        }
    }
}

impl Rounding {
    pub fn apply(self, value: Decimal) -> Decimal {
        use rust_decimal::RoundingStrategy as S;
        let strategy = match self.mode {
            ast::RoundingMode::HalfUp => S::MidpointAwayFromZero,
            ast::RoundingMode::HalfEven => S::MidpointNearestEven,
            ast::RoundingMode::Up => S::AwayFromZero,
            ast::RoundingMode::Down => S::ToZero,
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
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses and checks a rule file.
pub fn compile(source: &SourceFile) -> Checked {
    match syntax::parse(source) {
        Ok(file) => check(file, source),
        Err(diagnostics) => Checked {
            rubric: None,
            diagnostics,
        },
    }
}

/// Checks a parsed rule file.
pub fn check(file: ast::File, source: &SourceFile) -> Checked {
    let mut diagnostics = Vec::new();
    let header = settings::check(&file, &mut diagnostics);
    budget::check(&file, header.total.as_ref(), &mut diagnostics);
    items::check_names(&file.nodes, &mut diagnostics);
    for item in ast_items(&file.nodes) {
        let typed_ok = items::check_item(item, header.year, &mut diagnostics);
        if typed_ok {
            range::check_item(item, &mut diagnostics);
        }
    }
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(|d| d.with_source(source))
        .collect();
    diagnostic::sort(&mut diagnostics);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    let rubric = match (has_errors, header.title, header.total) {
        (false, Some(title), Some(total)) => Some(Rubric {
            source: source.clone(),
            title,
            source_note: header.source_note,
            total: total.node,
            year: header.year,
            rounding: header.rounding,
            nodes: file.nodes,
        }),
        _ => None,
    };
    Checked {
        rubric,
        diagnostics,
    }
}

/// Every item, in the order of the file, at any depth.
pub fn ast_items(nodes: &[ast::Node]) -> Vec<&ast::Item> {
    let mut out = Vec::new();
    let mut stack: Vec<std::slice::Iter<'_, ast::Node>> = vec![nodes.iter()];
    while let Some(iter) = stack.last_mut() {
        match iter.next() {
            Some(ast::Node::Item(item)) => out.push(item),
            Some(ast::Node::Section(section)) => stack.push(section.children.iter()),
            None => {
                stack.pop();
            }
        }
    }
    out
}

impl ast::Node {
    pub fn name(&self) -> &crate::span::Spanned<String> {
        match self {
            ast::Node::Section(s) => &s.name,
            ast::Node::Item(i) => &i.name,
        }
    }

    pub fn points(&self) -> &crate::span::Spanned<Decimal> {
        match self {
            ast::Node::Section(s) => &s.points,
            ast::Node::Item(i) => &i.points,
        }
    }
}
