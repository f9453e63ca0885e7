//! The commands of the `kaohe` binary, one file each, and what they share: printing
//! diagnostics, compiling a rule file, loading evidence, writing output whole. What a
//! command does is the library's ([`kaohe::app`]); the binary parses the arguments,
//! prints and chooses the exit code.

mod blend;
mod check;
mod chosen;
mod color;
mod completions;
mod diff;
mod draft;
mod eval;
mod explain;
mod fmt;
mod formats;
mod help;
mod lsp;
mod outline;
mod output;
mod progress;
mod render;
mod template;
mod test;
mod usage_error;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use kaohe::app;
use kaohe::check::Rubric;
use kaohe::diagnostic::{render_human, render_json, Diagnostic};
use kaohe::eval::Sheet;
use kaohe::evidence;

pub use help::parse;
pub use output::{write_bytes, write_output};

#[derive(Parser)]
#[command(
    name = "kaohe",
    version,
    about = "考核: assessment rubrics as code — check them, score evidence, explain every point lost"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages and reports: zh (简体中文) or en; else `KAOHE_LANG`, else the system locale.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<formats::LangArg>,
    /// Colour in diagnostics: `auto` on a terminal (not with `NO_COLOR`; always with
    /// `CLICOLOR_FORCE`), `always`, or `never`.
    #[arg(long, value_enum, global = true, default_value_t, value_name = "WHEN")]
    color: color::ColorChoice,
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
    Completions(completions::Args),
    Man(completions::ManArgs),
    Lsp(lsp::Args),
}

impl Cli {
    pub fn run(self) -> Result<(), Failed> {
        let lang =
            kaohe::locale::detect(self.lang.map(Into::into), |name| std::env::var(name).ok());
        kaohe::locale::set_current(lang);
        color::choose(self.color);
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
            Command::Completions(args) => completions::run(args),
            Command::Man(args) => completions::man(args),
            Command::Lsp(args) => lsp::run(args, self.lang.map(Into::into)),
        }
    }
}

/// The width a table is fitted to: `COLUMNS` when set, else the terminal's when the
/// output is one; `None` for a file or a pipe, where the table is drawn whole.
fn terminal_width(output: Option<&Path>) -> Option<u16> {
    if output.is_some() {
        return None;
    }
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
    {
        return Some(n).filter(|&n: &u16| n > 0);
    }
    use std::io::IsTerminal as _;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size().map(|(w, _)| w.0)
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
            MessageFormat::Human => render_human(d, color::style()),
            MessageFormat::Json => render_json(d) + "\n",
        };
        let _ = err.write_all(text.as_bytes());
    }
}

/// Prints the warnings on how the evidence was read, then gives what was scored, or
/// prints why nothing was: every problem, and the line that sums them up.
fn reported<T>(outcome: app::Outcome<T>, format: MessageFormat) -> Result<T, Failed> {
    print_diagnostics(&outcome.notes, format);
    outcome.result.map_err(|failure| failed(&failure, format))
}

/// Prints a failure: its diagnostics, then the line that sums them up, if any.
fn failed(failure: &app::Failure, format: MessageFormat) -> Failed {
    print_diagnostics(failure.diagnostics(), format);
    // With `--message-format json`, the stream holds JSON alone.
    if let (Some(summary), MessageFormat::Human) = (failure.summary(), format) {
        let error = kaohe::msg!("diagnostic-error");
        let _ = writeln!(std::io::stderr(), "{error}: {summary}");
    }
    Failed
}

/// Reads and checks a rule file, and reads its calendar (or the user's own,
/// `--calendar FILE`); the diagnostics are printed, warnings included.
pub fn compile(
    path: &Path,
    calendar: Option<&Path>,
    format: MessageFormat,
) -> Result<Rubric, Failed> {
    compile_denying(path, calendar, format, false)
}

/// As [`compile`]; with `deny_warnings` (`--deny-warnings`), a rubric with any warning
/// is refused too, so that nothing is scored while a warning stands.
pub fn compile_denying(
    path: &Path,
    calendar: Option<&Path>,
    format: MessageFormat,
    deny_warnings: bool,
) -> Result<Rubric, Failed> {
    compile_denying_as(path, calendar, format, deny_warnings, false)
}

/// As [`compile_denying`], as a draft when `draft` is true (`--draft`).
pub fn compile_denying_as(
    path: &Path,
    calendar: Option<&Path>,
    format: MessageFormat,
    deny_warnings: bool,
    draft: bool,
) -> Result<Rubric, Failed> {
    let checked = app::compile_as(path, calendar, draft);
    print_diagnostics(&checked.diagnostics, format);
    let warnings = checked.diagnostics.iter().filter(|d| !d.is_error()).count();
    if deny_warnings && warnings > 0 && checked.rubric.is_some() {
        if format == MessageFormat::Human {
            let lang = kaohe::locale::current();
            let line = kaohe::tr!(lang, "checker-denied-warnings", count = warnings);
            let _ = writeln!(std::io::stderr(), "error: {line}");
        }
        return Err(Failed);
    }
    checked.rubric.ok_or(Failed)
}

/// Reads and validates every evidence file (a unit per TOML or JSON file, a unit per
/// row of a CSV or XLSX file) as `options` say (`--encoding`, `--sheet`); the
/// warnings on how they were read are printed first. On any problem, prints them all
/// and scores nothing.
pub fn load_units_with(
    rubric: &Rubric,
    paths: &[PathBuf],
    options: &evidence::Options,
    format: MessageFormat,
) -> Result<Vec<evidence::Unit>, Failed> {
    let mut progress = progress::Progress::new(progress::Counting::Read);
    let loaded = app::load_units(rubric, paths, options, &mut |n| progress.tick(n));
    progress.finish();
    reported(loaded, format)
}

/// Scores every unit, or prints why one could not be scored.
pub fn score(
    rubric: &Rubric,
    units: &[evidence::Unit],
    format: MessageFormat,
) -> Result<Vec<Sheet>, Failed> {
    let mut progress = progress::Progress::new(progress::Counting::Scored);
    let sheets = app::score(rubric, units, &mut |n| progress.tick(n));
    progress.finish();
    sheets.map_err(|failure| failed(&failure, format))
}

/// Reads the evidence and scores each unit as it is read ([`app::score_evidence`]),
/// keeping only what `scorer` gives for it; on any problem in the evidence, or any
/// unit that cannot be scored, prints every problem and gives nothing.
pub fn score_evidence<T, C: Default + Extend<T>>(
    rubric: &Rubric,
    paths: &[PathBuf],
    options: &evidence::Options,
    format: MessageFormat,
    scorer: impl Fn(&evidence::Unit) -> Result<T, Diagnostic>,
) -> Result<C, Failed> {
    let mut progress = progress::Progress::new(progress::Counting::ReadAndScored);
    let scored = app::score_evidence(rubric, paths, options, &mut |n| progress.tick(n), scorer);
    progress.finish();
    reported(scored, format)
}
