//! `kaohe eval RULE EVIDENCE...`: score every unit and report them.

use std::path::PathBuf;

use kaohe::report;

use super::output::{refuse_binary, write_bytes};
use super::{compile, load_units, print_diagnostics, score, write_output, Failed, MessageFormat};

/// Score the evidence of each unit against a rubric.
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` file.
    rule: PathBuf,
    /// Evidence files (`.toml`, `.json`, `.yaml`: one unit each; `.csv`, `.xlsx`: one unit a row)
    /// or folders of them.
    #[arg(required = true)]
    evidence: Vec<PathBuf>,
    /// The report's format.
    #[arg(long, value_enum, default_value_t = report::Format::Table)]
    format: report::Format,
    /// Write the report to this file (whole, or not at all) instead of stdout; XLSX
    /// needs it.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// How diagnostics are printed on stderr.
    #[arg(long, value_enum, default_value_t)]
    message_format: MessageFormat,
}

pub fn run(args: Args) -> Result<(), Failed> {
    if args.format == report::Format::Xlsx {
        refuse_binary("report", args.output.as_deref(), args.message_format)?;
    }
    let rubric = compile(&args.rule, args.message_format)?;
    let units = load_units(&rubric, &args.evidence, args.message_format)?;
    let sheets = score(&rubric, &units, args.message_format)?;
    let text = match args.format {
        report::Format::Table => report::table(&rubric, &sheets),
        report::Format::Json => report::json(&rubric, &sheets),
        report::Format::Md => report::markdown(&rubric, &sheets),
        report::Format::Csv => report::ranking_csv(&rubric, &sheets),
        report::Format::Xlsx => {
            let bytes = report::xlsx(&rubric, &sheets).map_err(|d| {
                print_diagnostics(&[d], args.message_format);
                Failed
            })?;
            return write_bytes(&bytes, args.output.as_deref(), args.message_format);
        }
    };
    write_output(&text, args.output.as_deref(), args.message_format)
}
