//! `kaohe explain RULE EVIDENCE`: every point one unit lost.

use std::path::PathBuf;

use super::{compile, load_units, score, write_output, Failed, MessageFormat};

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
    /// A calendar file of your own to count working days with, in place of the one
    /// the rule file names (`calendar cn` or a file in its folder).
    #[arg(long, value_name = "FILE")]
    calendar: Option<PathBuf>,
    /// Follow each sentence with its clause and the rule file's line.
    #[arg(long)]
    verbose: bool,
}

pub fn run(args: Args) -> Result<(), Failed> {
    let rubric = compile(&args.rule, args.calendar.as_deref(), args.message_format)?;
    let units = load_units(
        &rubric,
        std::slice::from_ref(&args.evidence),
        args.message_format,
    )?;
    let sheets = score(&rubric, &units, args.message_format)?;
    // The rule file's path as it was given, not made absolute.
    let file = args.rule.display().to_string();
    let verbose = args.verbose.then_some(file.as_str());
    let text: String = sheets
        .iter()
        .map(|s| kaohe::report::explain_in(&rubric, s, kaohe::locale::current(), verbose))
        .collect();
    write_output(&text, None, args.message_format)
}
