//! App: what the `kaohe` commands do, as a library, so that a program can check a rule
//! file and score evidence as the command line does, without it.
//!
//! Nothing here prints. A rule file compiles to its rubric and every diagnostic; the
//! evidence is read and scored to what the caller keeps of each unit, with the
//! warnings on how the files were read, or to a [`Failure`] that says why no unit was
//! scored. Progress is reported to a callback with the number of units done. The
//! command line (`src/cli/`) parses the arguments, calls these, prints what they give
//! and chooses the exit code.

use std::path::{Path, PathBuf};

use crate::check::{Checked, Rubric};
use crate::diagnostic::{codes, Diagnostic};
use crate::eval::Sheet;
use crate::evidence::{self, Options, Unit};

/// Reads a rule file and checks it, then reads the calendar it names or the user's own
/// (`calendar`, `--calendar FILE`): the rubric when there is no error, and every
/// diagnostic, warnings included. A file that cannot be read gives its diagnostic and
/// no rubric.
pub fn compile(path: &Path, calendar: Option<&Path>) -> Checked {
    compile_as(path, calendar, false)
}

/// As [`compile`], as a draft when `draft` is true whatever the file says
/// (`--draft`): the sums that do not add up are warnings.
pub fn compile_as(path: &Path, calendar: Option<&Path>, draft: bool) -> Checked {
    match crate::input::read_source(path) {
        Ok(source) => crate::check::compile_as(&source, draft).with_calendar(&source, calendar),
        Err(d) => Checked {
            rubric: None,
            diagnostics: vec![d],
            calendar: None,
            acknowledged: Vec::new(),
        },
    }
}

/// What reading evidence gave: the warnings on how the files were read, which come
/// whatever the outcome, and the outcome.
#[derive(Debug)]
pub struct Outcome<T> {
    pub notes: Vec<Diagnostic>,
    pub result: Result<T, Failure>,
}

impl<T> Outcome<T> {
    /// A failure before any file was read: no notes on how files were read.
    fn failed(failure: Failure) -> Self {
        Outcome {
            notes: Vec::new(),
            result: Err(failure),
        }
    }
}

/// Why no unit was scored.
#[derive(Debug)]
pub enum Failure {
    /// The evidence files named cannot be listed: a folder that cannot be read or
    /// holds no evidence, a spreadsheet kaohe does not read.
    Paths(Diagnostic),
    /// The evidence has problems, so no unit was scored: `shown` problems, and `more`
    /// when the last of `problems` says that there are more than are kept.
    Evidence {
        problems: Vec<Diagnostic>,
        shown: usize,
        more: bool,
    },
    /// Units that cannot be scored (nothing applicable, a year the calendar lacks),
    /// each with its diagnostic; a last one may say how many more there are.
    Unscored(Vec<Diagnostic>),
}

impl Failure {
    /// The diagnostics of the failure, in the order they are shown.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Failure::Paths(d) => std::slice::from_ref(d),
            Failure::Evidence { problems, .. } => problems,
            Failure::Unscored(problems) => problems,
        }
    }

    /// The line shown after the diagnostics of evidence with problems, such as `no
    /// unit was scored: the evidence has 3 problem(s)`; `None` for other failures,
    /// whose diagnostics say it all.
    pub fn summary(&self) -> Option<String> {
        match self {
            Failure::Evidence {
                shown, more: true, ..
            } => Some(crate::diagnostic::msg!(
                "app-not-scored".more,
                shown = shown.to_string()
            )),
            Failure::Evidence {
                shown, more: false, ..
            } => Some(crate::diagnostic::msg!(
                "app-not-scored",
                shown = shown.to_string()
            )),
            Failure::Paths(_) | Failure::Unscored(_) => None,
        }
    }
}

/// Reads and validates every evidence file and folder named (a unit per TOML, JSON or
/// YAML file, a unit per row of a CSV or XLSX file), as `options` say, keeping every
/// unit; on any problem, gives them all and no unit. `progress` is called with the
/// number of units read so far.
pub fn load_units(
    rubric: &Rubric,
    paths: &[PathBuf],
    options: &Options,
    progress: &mut dyn FnMut(usize),
) -> Outcome<Vec<Unit>> {
    let files = match evidence::collect_paths(paths) {
        Ok(files) => files,
        Err(d) => return Outcome::failed(Failure::Paths(d)),
    };
    let loaded = evidence::load_all_with(rubric, &files, options, progress);
    Outcome {
        notes: loaded.notes,
        result: loaded.units.map_err(|problems| Failure::Evidence {
            shown: problems.len(),
            problems,
            more: false,
        }),
    }
}

/// Scores every unit with its whole score sheet, or gives why some could not be
/// scored. `progress` is called with the number of units scored so far.
pub fn score(
    rubric: &Rubric,
    units: &[Unit],
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<Sheet>, Failure> {
    let mut sheets = Vec::with_capacity(units.len());
    let mut problems = Vec::new();
    let scorer = crate::eval::Scorer::for_sheets(rubric);
    for (n, unit) in units.iter().enumerate() {
        match scorer.sheet(unit) {
            Ok(s) => sheets.push(s),
            Err(d) => problems.push(d),
        }
        progress(n + 1);
    }
    if problems.is_empty() {
        Ok(sheets)
    } else {
        Err(Failure::Unscored(problems))
    }
}

/// Reads the evidence and scores each unit as it is read, keeping only what `scorer`
/// gives for it (a full sheet, or a summary for a ranking, from a rubric compiled
/// once), so that the units themselves are never all held at once. What is kept is
/// added to `C` as soon as it is made: a `Vec` of sheets, or a
/// [`crate::report::RankingSort`] that keeps a summary's numbers compactly. On any
/// problem in the evidence, or any unit that cannot be scored, gives every problem
/// (at most [`evidence::MAX_PROBLEMS`] units that cannot be scored, and how many more)
/// and nothing scored. `progress` is called with the number of units read so far.
pub fn score_evidence<T, C: Default + Extend<T>>(
    rubric: &Rubric,
    paths: &[PathBuf],
    options: &Options,
    progress: &mut dyn FnMut(usize),
    scorer: impl Fn(&Unit) -> Result<T, Diagnostic>,
) -> Outcome<C> {
    let files = match evidence::collect_paths(paths) {
        Ok(files) => files,
        Err(d) => return Outcome::failed(Failure::Paths(d)),
    };
    let mut scored = C::default();
    // Units that cannot be scored (nothing applicable, a year the calendar lacks): the
    // first are kept, each with only the lines of its file it shows; the rest counted.
    let mut unscored = Vec::new();
    let mut not_shown = 0usize;
    let read = evidence::stream(
        rubric,
        &files,
        options,
        progress,
        &mut |unit| match scorer(&unit) {
            Ok(s) => scored.extend(std::iter::once(s)),
            Err(d) if unscored.len() < evidence::MAX_PROBLEMS => {
                unscored.push(evidence::excerpted(d))
            }
            Err(_) => not_shown += 1,
        },
    );
    let notes = read.notes;
    if !read.problems.is_empty() {
        let capped = |d: &&Diagnostic| d.code == codes::EVIDENCE_TOO_MANY;
        let shown = read.problems.iter().filter(|d| !capped(d)).count();
        let more = read.problems.iter().any(|d| capped(&d));
        return Outcome {
            notes,
            result: Err(Failure::Evidence {
                problems: read.problems,
                shown,
                more,
            }),
        };
    }
    if not_shown > 0 {
        unscored.push(
            Diagnostic::error(
                codes::EVIDENCE_TOO_MANY,
                crate::diagnostic::msg!("app-units-left-out", count = not_shown.to_string()),
            )
            .help(crate::diagnostic::msg!(
                "app-units-left-out".help,
                shown = evidence::MAX_PROBLEMS.to_string()
            )),
        );
    }
    let result = if unscored.is_empty() {
        Ok(scored)
    } else {
        Err(Failure::Unscored(unscored))
    };
    Outcome { notes, result }
}
