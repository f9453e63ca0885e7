//! `kaohe explain RULE EVIDENCE`: every point one unit lost.

use std::path::PathBuf;

use super::{load_units, score, write_output, Failed, MessageFormat};

/// Explain every point one unit lost, with the criterion text and the rule file's line.
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` file.
    rule: PathBuf,
    /// The unit's evidence file.
    evidence: PathBuf,
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
    let rubric = super::compile_denying(
        &args.rule,
        args.calendar.as_deref(),
        args.message_format,
        args.deny_warnings,
    )?;
    let units = load_units(
        &rubric,
        std::slice::from_ref(&args.evidence),
        args.message_format,
    )?;
    let sheets = score(&rubric, &units, args.message_format)?;
    let text: String = sheets
        .iter()
        .map(|s| kaohe::report::explain(&rubric, s))
        .collect();
    write_output(&text, None, args.message_format)
}
