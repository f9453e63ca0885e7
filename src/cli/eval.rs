//! `kaohe eval RULE EVIDENCE...`: score every unit and report them.

use std::path::PathBuf;

use kaohe::report;

use super::{compile, load_units, score, write_output, Failed, MessageFormat};

/// Score the evidence of each unit against a rubric.
#[derive(clap::Args)]
pub struct Args {
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
    #[arg(long, value_enum, default_value_t)]
    message_format: MessageFormat,
}

pub fn run(args: Args) -> Result<(), Failed> {
    let rubric = compile(&args.rule, args.message_format)?;
    let units = load_units(&rubric, &args.evidence, args.message_format)?;
    let sheets = score(&rubric, &units, args.message_format)?;
    let text = match args.format {
        report::Format::Table => report::table(&rubric, &sheets),
        report::Format::Json => report::json(&rubric, &sheets),
        report::Format::Md => report::markdown(&rubric, &sheets),
    };
    write_output(&text, args.output.as_deref(), args.message_format)
}
