//! `kaohe template RULE`: an empty evidence form made from a rule file.

use std::path::PathBuf;

use kaohe::report;

use super::formats::TemplateFormat;
use super::output::{refuse_binary, refuse_inputs, write_bytes};
use super::{compile, print_diagnostics, Failed, MessageFormat};

/// Write an empty evidence form for a rule file: TOML (one file per unit) or CSV and
/// XLSX (one row per unit), every fact described.
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` file.
    rule: PathBuf,
    /// The form's format; by default the one `--output`'s extension names (`.toml`,
    /// `.csv`, `.xlsx`), else `toml`.
    #[arg(long, value_enum)]
    format: Option<TemplateFormat>,
    /// Write the form to this file (whole, or not at all) instead of stdout; XLSX
    /// needs it.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// How diagnostics are printed on stderr.
    #[arg(long, value_enum, default_value_t)]
    message_format: MessageFormat,
}

pub fn run(args: Args) -> Result<(), Failed> {
    let format = super::chosen::chosen(
        args.format,
        args.output.as_deref(),
        &TemplateFormat::BY_EXTENSION,
        TemplateFormat::Toml,
        TemplateFormat::name,
        args.message_format,
    )?;
    if format == TemplateFormat::Xlsx {
        refuse_binary(
            &kaohe::msg!("cli-binary-what-form"),
            args.output.as_deref(),
            args.message_format,
        )?;
    }
    refuse_inputs(args.output.as_deref(), &[&args.rule], args.message_format)?;
    let rubric = compile(&args.rule, None, args.message_format)?;
    super::output::refuse_calendars(args.output.as_deref(), &[&rubric], args.message_format)?;
    let bytes =
        report::template_in(&rubric, format.into(), kaohe::locale::current()).map_err(|d| {
            print_diagnostics(&[d], args.message_format);
            Failed
        })?;
    write_bytes(&bytes, args.output.as_deref(), args.message_format)
}
