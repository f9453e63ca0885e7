//! `kaohe diff OLD.rule NEW.rule [EVIDENCE...]`: what changed between two rubrics, and
//! what that does to each unit's score.

use std::path::PathBuf;

use kaohe::diagnostic::{codes, Diagnostic};
use kaohe::diff;

use super::{print_diagnostics, write_output, Failed, MessageFormat};

/// The formats of `kaohe diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A report for people.
    #[default]
    Text,
    /// The same report as one JSON object.
    Json,
    /// A self-contained page: each unit's score under both rubrics as a chart and a table.
    Html,
}

/// Compare two rule files: items added, removed, renamed, points moved, clauses changed,
/// and, given evidence, each unit's score under both.
#[derive(clap::Args)]
pub struct Args {
    /// The old `.rule` file (last year's).
    old: PathBuf,
    /// The new `.rule` file.
    new: PathBuf,
    /// Evidence files (`.toml`, `.json`, `.csv`, `.xlsx`) or folders of them, scored under
    /// both rubrics.
    evidence: Vec<PathBuf>,
    /// The report's format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Write the report to this file (whole, or not at all) instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// How diagnostics are printed on stderr.
    #[arg(long, value_enum, default_value_t)]
    message_format: MessageFormat,
    /// Refuse a rule file with any warning, as with an error: nothing is scored.
    #[arg(long)]
    deny_warnings: bool,
    /// A calendar file of your own to count working days with, in place of the one
    /// the rule file names (`calendar cn` or a file in its folder).
    #[arg(long, value_name = "FILE")]
    calendar: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), Failed> {
    let mut inputs: Vec<&std::path::Path> = vec![&args.old, &args.new];
    inputs.extend(args.evidence.iter().map(PathBuf::as_path));
    inputs.extend(args.calendar.as_deref());
    super::output::refuse_inputs(args.output.as_deref(), &inputs, args.message_format)?;
    let old = super::compile_denying(
        &args.old,
        args.calendar.as_deref(),
        args.message_format,
        args.deny_warnings,
    );
    let new = super::compile_denying(
        &args.new,
        args.calendar.as_deref(),
        args.message_format,
        args.deny_warnings,
    );
    let (old, new) = (old?, new?);
    super::output::refuse_calendars(args.output.as_deref(), &[&old, &new], args.message_format)?;
    let mut report = diff::compare(&old, &new);
    if !args.evidence.is_empty() {
        let pairs = diff::pair_items(&old, &new);
        report.units =
            diff::scores::unit_changes(&old, &new, &pairs, &args.evidence).map_err(|d| {
                print_diagnostics(&[d], args.message_format);
                Failed
            })?;
        for unit in &report.units {
            print_diagnostics(&unit.diagnostics, args.message_format);
        }
    }
    let text = match args.format {
        // Names and texts of the rule files reach a terminal: nothing hidden in them.
        Format::Text => kaohe::safe::visible_text(&diff::text::text(&report)).into_owned(),
        Format::Html => diff::html::html(&report),
        Format::Json => {
            let json = serde_json::to_string_pretty(&report).map_err(|e| {
                print_diagnostics(
                    &[Diagnostic::error(
                        codes::WRITE,
                        kaohe::msg!("cli-diff-json", reason = e.to_string()),
                    )
                    .help(kaohe::msg!("cli-diff-json".help))],
                    args.message_format,
                );
                Failed
            })?;
            let mut json = kaohe::safe::json(&json).into_owned();
            json.push('\n');
            json
        }
    };
    write_output(&text, args.output.as_deref(), args.message_format)
}
