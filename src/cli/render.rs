//! `kaohe render RULE --format md|html|xlsx [--output FILE]`: the rubric as the table
//! the notice publishes.

use std::path::PathBuf;

use kaohe::render::{self, Format, Table};

use super::formats::RenderFormat;
use super::output::{refuse_binary, refuse_inputs, write_bytes};
use super::{print_diagnostics, Failed, MessageFormat};

/// Print a rubric as the published table: 一级指标 | 二级指标 | 分值 | 评分说明与细则.
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` file.
    rule: PathBuf,
    /// The table's format; by default the one `--output`'s extension names, else `md`.
    #[arg(long, value_enum)]
    format: Option<RenderFormat>,
    /// Write the table to this file (whole, or not at all) instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// How diagnostics are printed on stderr.
    #[arg(long, value_enum, default_value_t)]
    message_format: MessageFormat,
    /// Render the rule file as a draft, whatever it says: sums that do not add up yet
    /// are warnings, and the table is marked 草稿 (DRAFT).
    #[arg(long)]
    draft: bool,
}

pub fn run(args: Args) -> Result<(), Failed> {
    refuse_inputs(args.output.as_deref(), &[&args.rule], args.message_format)?;
    let rubric =
        super::compile_denying_as(&args.rule, None, args.message_format, false, args.draft)?;
    super::output::refuse_calendars(args.output.as_deref(), &[&rubric], args.message_format)?;
    let format = args
        .format
        .map(Format::from)
        .or_else(|| args.output.as_deref().and_then(Format::of_extension))
        .unwrap_or(Format::Md);
    let table = Table::in_lang(&rubric, kaohe::locale::current());
    let bytes = match format {
        Format::Md => render::markdown::markdown(&table).into_bytes(),
        Format::Html => render::html::html(&table).into_bytes(),
        Format::Xlsx => {
            refuse_binary(
                &kaohe::msg!("cli-binary-what-table"),
                args.output.as_deref(),
                args.message_format,
            )?;
            render::xlsx::xlsx(&table).map_err(|d| {
                print_diagnostics(&[d], args.message_format);
                Failed
            })?
        }
    };
    write_bytes(&bytes, args.output.as_deref(), args.message_format)
}
