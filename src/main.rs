//! The `kaohe` command line: check rule files, score evidence, explain scores.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use kaohe::check::{self, Rubric};
use kaohe::diagnostic::{codes, render_human, render_json, Diagnostic, HumanStyle};
use kaohe::eval::{self, Sheet};
use kaohe::evidence;
use kaohe::report;

#[derive(Parser)]
#[command(
    name = "kaohe",
    version,
    about = "考核: assessment rubrics as code — check them, score evidence, explain every point lost"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check rule files: points that do not add up, undeclared facts, and every other mistake.
    Check {
        /// The `.rule` files to check.
        #[arg(required = true)]
        rules: Vec<PathBuf>,
        /// How diagnostics are printed on stderr.
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Print a checked rubric's outline: sections, items, points, facts and clauses.
    Outline {
        /// The `.rule` file.
        rule: PathBuf,
    },
    /// Score the evidence of each unit against a rubric.
    Eval {
        /// The `.rule` file.
        rule: PathBuf,
        /// Evidence files (`.toml`, `.json`, one unit each) or folders of them.
        #[arg(required = true)]
        evidence: Vec<PathBuf>,
        /// The report's format.
        #[arg(long, value_enum, default_value_t = report::Format::Table)]
        format: report::Format,
        /// Write the report to this file (whole, or not at all) instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// How diagnostics are printed on stderr.
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
    /// Explain every point one unit lost, with the criterion text and the rule file's line.
    Explain {
        /// The `.rule` file.
        rule: PathBuf,
        /// The unit's evidence file.
        evidence: PathBuf,
        /// How diagnostics are printed on stderr.
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MessageFormat {
    /// miette's report, for people.
    Human,
    /// One JSON object per line, for editors and CI.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            rules,
            message_format,
            deny_warnings,
        } => cmd_check(&rules, message_format, deny_warnings),
        Command::Eval {
            rule,
            evidence,
            format,
            output,
            message_format,
        } => cmd_eval(&rule, &evidence, format, output.as_deref(), message_format),
        Command::Explain {
            rule,
            evidence,
            message_format,
        } => cmd_explain(&rule, &evidence, message_format),
        Command::Outline { rule } => compile(&rule, MessageFormat::Human)
            .and_then(|rubric| write_output(&report::outline(&rubric), None, MessageFormat::Human)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failed) => ExitCode::FAILURE,
    }
}

/// The command failed; its diagnostics have been printed.
struct Failed;

fn print_diagnostics(diagnostics: &[Diagnostic], format: MessageFormat) {
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

fn cmd_check(rules: &[PathBuf], format: MessageFormat, deny_warnings: bool) -> Result<(), Failed> {
    let mut failed = false;
    for path in rules {
        let source = match evidence::read_source(path) {
            Ok(s) => s,
            Err(d) => {
                print_diagnostics(&[d], format);
                failed = true;
                continue;
            }
        };
        let checked = check::compile(&source);
        print_diagnostics(&checked.diagnostics, format);
        if checked.has_errors() || (deny_warnings && !checked.diagnostics.is_empty()) {
            failed = true;
        }
    }
    if failed {
        Err(Failed)
    } else {
        Ok(())
    }
}

fn compile(path: &Path, format: MessageFormat) -> Result<Rubric, Failed> {
    let source = evidence::read_source(path).map_err(|d| {
        print_diagnostics(&[d], format);
        Failed
    })?;
    let checked = check::compile(&source);
    print_diagnostics(&checked.diagnostics, format);
    checked.rubric.ok_or(Failed)
}

fn load_units(
    rubric: &Rubric,
    paths: &[PathBuf],
    format: MessageFormat,
) -> Result<Vec<evidence::Unit>, Failed> {
    let files = evidence::collect_paths(paths).map_err(|d| {
        print_diagnostics(&[d], format);
        Failed
    })?;
    let mut units: Vec<evidence::Unit> = Vec::new();
    let mut problems = Vec::new();
    for file in &files {
        match evidence::load(rubric, file) {
            Ok(unit) => {
                if let Some(first) = units.iter().find(|u| u.name == unit.name) {
                    problems.push(
                        Diagnostic::error(
                            codes::EVIDENCE_DUPLICATE,
                            format!("unit `{}` has evidence in two files", unit.name),
                        )
                        .primary(unit.name_span, "named again here")
                        .help(format!(
                            "the first is `{}`; keep one file per unit",
                            first.source.name()
                        ))
                        .with_source(&unit.source),
                    );
                } else {
                    units.push(unit);
                }
            }
            Err(mut ds) => problems.append(&mut ds),
        }
    }
    if problems.is_empty() {
        Ok(units)
    } else {
        print_diagnostics(&problems, format);
        let _ = writeln!(
            std::io::stderr(),
            "error: no unit was scored: the evidence has {} problem(s)",
            problems.len()
        );
        Err(Failed)
    }
}

fn score(
    rubric: &Rubric,
    units: &[evidence::Unit],
    format: MessageFormat,
) -> Result<Vec<Sheet>, Failed> {
    let mut sheets = Vec::with_capacity(units.len());
    let mut problems = Vec::new();
    for unit in units {
        match eval::evaluate(rubric, unit) {
            Ok(s) => sheets.push(s),
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(sheets)
    } else {
        print_diagnostics(&problems, format);
        Err(Failed)
    }
}

fn cmd_eval(
    rule: &Path,
    evidence_paths: &[PathBuf],
    format: report::Format,
    output: Option<&Path>,
    message_format: MessageFormat,
) -> Result<(), Failed> {
    let rubric = compile(rule, message_format)?;
    let units = load_units(&rubric, evidence_paths, message_format)?;
    let sheets = score(&rubric, &units, message_format)?;
    let text = match format {
        report::Format::Table => report::table(&rubric, &sheets),
        report::Format::Json => report::json(&rubric, &sheets),
        report::Format::Md => report::markdown(&rubric, &sheets),
    };
    write_output(&text, output, message_format)
}

fn cmd_explain(
    rule: &Path,
    evidence_path: &Path,
    message_format: MessageFormat,
) -> Result<(), Failed> {
    let rubric = compile(rule, message_format)?;
    let units = load_units(&rubric, &[evidence_path.to_path_buf()], message_format)?;
    let sheets = score(&rubric, &units, message_format)?;
    let mut text = String::new();
    for sheet in &sheets {
        text.push_str(&report::explain(&rubric, sheet));
    }
    write_output(&text, None, message_format)
}

/// Writes the whole report to stdout, or to a file through a temporary file renamed
/// into place, so a reader never sees half a report.
fn write_output(text: &str, output: Option<&Path>, format: MessageFormat) -> Result<(), Failed> {
    let result = match output {
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            lock.write_all(text.as_bytes()).and_then(|()| lock.flush())
        }
        Some(path) => write_atomically(path, text.as_bytes()),
    };
    result.map_err(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Failed;
        }
        let target = output.map_or("stdout".to_string(), |p| format!("`{}`", p.display()));
        print_diagnostics(
            &[Diagnostic::error(
                codes::WRITE,
                format!(
                    "cannot write the report to {target}: {}",
                    e.to_string().to_lowercase()
                ),
            )
            .help("check that the folder exists and can be written")],
            format,
        );
        Failed
    })
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
