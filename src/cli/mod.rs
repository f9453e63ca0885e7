//! The commands of the `kaohe` binary, one file each, and what they share: printing
//! diagnostics, compiling a rule file, loading evidence, writing output whole.

mod check;
mod diff;
mod eval;
mod explain;
mod fmt;
mod outline;
mod output;
mod progress;
mod render;
mod template;
mod test;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use kaohe::check::Rubric;
use kaohe::diagnostic::{codes, render_human, render_json, Diagnostic, HumanStyle};
use kaohe::eval::Sheet;
use kaohe::evidence;

pub use output::write_output;

#[derive(Parser)]
#[command(
    name = "kaohe",
    version,
    about = "考核: assessment rubrics as code — check them, score evidence, explain every point lost"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Check(check::Args),
    Outline(outline::Args),
    Eval(eval::Args),
    Explain(explain::Args),
    Template(template::Args),
    Fmt(fmt::Args),
    Render(render::Args),
    Diff(diff::Args),
    Test(test::Args),
}

impl Cli {
    pub fn run(self) -> Result<(), Failed> {
        match self.command {
            Command::Check(args) => check::run(args),
            Command::Outline(args) => outline::run(args),
            Command::Eval(args) => eval::run(args),
            Command::Explain(args) => explain::run(args),
            Command::Template(args) => template::run(args),
            Command::Fmt(args) => fmt::run(args),
            Command::Render(args) => render::run(args),
            Command::Diff(args) => diff::run(args),
            Command::Test(args) => test::run(args),
        }
    }
}

/// The command failed; its diagnostics have been printed.
#[derive(Debug)]
pub struct Failed;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum MessageFormat {
    /// miette's report, for people.
    #[default]
    Human,
    /// One JSON object per line, for editors and CI.
    Json,
}

pub fn print_diagnostics(diagnostics: &[Diagnostic], format: MessageFormat) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in diagnostics {
        let text = match format {
            MessageFormat::Human => render_human(d, HumanStyle::Terminal),
            MessageFormat::Json => render_json(d) + "\n",
        };
        let _ = err.write_all(text.as_bytes());
    }
}

/// Reads and checks a rule file, and reads its calendar (or the user's own,
/// `--calendar FILE`); the diagnostics are printed, warnings included.
pub fn compile(
    path: &Path,
    calendar: Option<&Path>,
    format: MessageFormat,
) -> Result<Rubric, Failed> {
    let source = evidence::read_source(path).map_err(|d| {
        print_diagnostics(&[d], format);
        Failed
    })?;
    let checked = kaohe::check::compile(&source).with_calendar(&source, calendar);
    print_diagnostics(&checked.diagnostics, format);
    checked.rubric.ok_or(Failed)
}

/// Reads and validates every evidence file (a unit per TOML or JSON file, a unit per
/// row of a CSV or XLSX file); on any problem, prints them all and scores nothing.
pub fn load_units(
    rubric: &Rubric,
    paths: &[PathBuf],
    format: MessageFormat,
) -> Result<Vec<evidence::Unit>, Failed> {
    load_units_with(rubric, paths, &evidence::Options::default(), format)
}

/// As [`load_units`], reading the files as `options` say (`--encoding`, `--sheet`);
/// the warnings on how they were read are printed first.
pub fn load_units_with(
    rubric: &Rubric,
    paths: &[PathBuf],
    options: &evidence::Options,
    format: MessageFormat,
) -> Result<Vec<evidence::Unit>, Failed> {
    let files = evidence::collect_paths(paths).map_err(|d| {
        print_diagnostics(&[d], format);
        Failed
    })?;
    let mut progress = progress::Progress::new("units read");
    let loaded = evidence::load_all_with(rubric, &files, options, &mut |n| progress.tick(n));
    progress.finish();
    print_diagnostics(&loaded.notes, format);
    match loaded.units {
        Ok(units) => Ok(units),
        Err(problems) => {
            print_diagnostics(&problems, format);
            let _ = writeln!(
                std::io::stderr(),
                "error: no unit was scored: the evidence has {} problem(s)",
                problems.len()
            );
            Err(Failed)
        }
    }
}

/// Scores every unit, or prints why one could not be scored.
pub fn score(
    rubric: &Rubric,
    units: &[evidence::Unit],
    format: MessageFormat,
) -> Result<Vec<Sheet>, Failed> {
    let mut sheets = Vec::with_capacity(units.len());
    let mut problems = Vec::new();
    let mut progress = progress::Progress::new("units scored");
    for (n, unit) in units.iter().enumerate() {
        match kaohe::eval::evaluate(rubric, unit) {
            Ok(s) => sheets.push(s),
            Err(d) => problems.push(d),
        }
        progress.tick(n + 1);
    }
    progress.finish();
    if problems.is_empty() {
        Ok(sheets)
    } else {
        print_diagnostics(&problems, format);
        Err(Failed)
    }
}

/// Reads the evidence and scores each unit as it is read, keeping only what `scorer`
/// gives for it (a full sheet, or a summary for a ranking, from a rubric compiled
/// once), so that the units themselves are never all held at once. What is kept is
/// added to `C` as soon as it is made: a `Vec` of sheets, or a
/// [`kaohe::report::RankingStore`] that keeps a summary's numbers compactly. On any
/// problem in the evidence, or any unit that cannot be scored, prints every problem
/// and gives nothing.
pub fn score_evidence<T, C: Default + Extend<T>>(
    rubric: &Rubric,
    paths: &[PathBuf],
    options: &evidence::Options,
    format: MessageFormat,
    scorer: impl Fn(&evidence::Unit) -> Result<T, Diagnostic>,
) -> Result<C, Failed> {
    let files = evidence::collect_paths(paths).map_err(|d| {
        print_diagnostics(&[d], format);
        Failed
    })?;
    let mut scored = C::default();
    // Units that cannot be scored (nothing applicable, a year the calendar lacks): the
    // first are kept, each with only the lines of its file it shows; the rest counted.
    let mut unscored = Vec::new();
    let mut not_shown = 0usize;
    let mut progress = progress::Progress::new("units read and scored");
    let read = evidence::stream(
        rubric,
        &files,
        options,
        &mut |n| progress.tick(n),
        &mut |unit| match scorer(&unit) {
            Ok(s) => scored.extend(std::iter::once(s)),
            Err(d) if unscored.len() < evidence::MAX_PROBLEMS => {
                unscored.push(evidence::excerpted(d))
            }
            Err(_) => not_shown += 1,
        },
    );
    progress.finish();
    print_diagnostics(&read.notes, format);
    if !read.problems.is_empty() {
        print_diagnostics(&read.problems, format);
        let capped = |d: &&Diagnostic| d.code == codes::EVIDENCE_TOO_MANY;
        let shown = read.problems.iter().filter(|d| !capped(d)).count();
        let _ = if read.problems.iter().any(|d| capped(&d)) {
            writeln!(
                std::io::stderr(),
                "error: no unit was scored: the evidence has more than {shown} problems"
            )
        } else {
            writeln!(
                std::io::stderr(),
                "error: no unit was scored: the evidence has {shown} problem(s)"
            )
        };
        return Err(Failed);
    }
    if not_shown > 0 {
        unscored.push(
            Diagnostic::error(
                codes::EVIDENCE_TOO_MANY,
                format!("{not_shown} more unit(s) cannot be scored"),
            )
            .help(format!(
                "the first {} units that cannot be scored are shown: correct their evidence and score again to see the rest",
                evidence::MAX_PROBLEMS
            )),
        );
    }
    if !unscored.is_empty() {
        print_diagnostics(&unscored, format);
        return Err(Failed);
    }
    Ok(scored)
}
