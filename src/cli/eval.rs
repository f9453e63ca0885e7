//! `kaohe eval RULE EVIDENCE...`: score every unit and report them.

use std::path::PathBuf;

use kaohe::{evidence, report};

use super::formats::EvalFormat;
use super::output::{refuse_binary, refuse_inputs, write_bytes, write_with};
use super::{compile, print_diagnostics, score_evidence, write_output, Failed, MessageFormat};

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
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    format: EvalFormat,
    /// Write the report to this file (whole, or not at all) instead of stdout; XLSX
    /// needs it.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// How diagnostics are printed on stderr.
    #[arg(long, value_enum, default_value_t)]
    message_format: MessageFormat,
    /// A calendar file of your own to count working days with, in place of the one
    /// the rule file names (`calendar cn` or a file in its folder).
    #[arg(long, value_name = "FILE")]
    calendar: Option<PathBuf>,
    /// The encoding of CSV evidence; detected when left out (UTF-8, or GBK as Excel and
    /// WPS save "CSV" on Chinese Windows, with a warning).
    #[arg(long, value_enum)]
    encoding: Option<EncodingArg>,
    /// The worksheet of XLSX evidence to read; by default the first visible sheet with
    /// an evidence header (`单位` and the rubric's columns).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
}

/// The encodings `--encoding` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum EncodingArg {
    /// UTF-8, with or without a byte-order mark ("CSV UTF-8").
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GBK, read as GB18030, of which it is a part ("CSV" on Chinese Windows).
    Gbk,
    /// GB18030.
    Gb18030,
}

impl From<EncodingArg> for evidence::Encoding {
    fn from(e: EncodingArg) -> Self {
        match e {
            EncodingArg::Utf8 => evidence::Encoding::Utf8,
            EncodingArg::Gbk | EncodingArg::Gb18030 => evidence::Encoding::Gb18030,
        }
    }
}

pub fn run(args: Args) -> Result<(), Failed> {
    let report_format = report::Format::from(args.format);
    if report_format == report::Format::Xlsx {
        refuse_binary("report", args.output.as_deref(), args.message_format)?;
    }
    let mut inputs: Vec<&std::path::Path> = vec![&args.rule];
    inputs.extend(args.evidence.iter().map(PathBuf::as_path));
    inputs.extend(args.calendar.as_deref());
    refuse_inputs(args.output.as_deref(), &inputs, args.message_format)?;
    let rubric = compile(&args.rule, args.calendar.as_deref(), args.message_format)?;
    let options = evidence::Options {
        encoding: args.encoding.map(Into::into),
        sheet: args.sheet.clone(),
    };
    let (paths, format) = (&args.evidence, args.message_format);
    // The rubric compiled once for the score sheets of every unit.
    let sheets = kaohe::eval::Scorer::for_sheets(&rubric);
    let sheet = |unit: &evidence::Unit| sheets.sheet(unit);
    let output = args.output.as_deref();
    let text = match report_format {
        // A ranking needs each unit's total and subtotals only: they are scored
        // without a trace, by the rubric compiled once. For CSV each unit's numbers
        // are kept compactly as soon as they are made, in memory up to a budget and
        // beyond it in sorted temporary files, and the ranking is written as it is
        // merged, never held whole. The table, for people to read, is laid out
        // by comfy-table from every unit's summary at once.
        report::Format::Csv => {
            let scorer = kaohe::eval::Scorer::new(&rubric);
            let ranking: report::RankingSort =
                score_evidence(&rubric, paths, &options, format, |unit| {
                    scorer.summarise(unit)
                })?;
            let rows = ranking.rows().map_err(|d| {
                print_diagnostics(&[d], args.message_format);
                Failed
            })?;
            return write_with(output, args.message_format, |w| {
                report::write_sorted_ranking_csv(&rubric, rows, w)
            });
        }
        report::Format::Table => {
            let scorer = kaohe::eval::Scorer::new(&rubric);
            let summaries: Vec<_> = score_evidence(&rubric, paths, &options, format, |unit| {
                scorer.summarise(unit)
            })?;
            report::table(&rubric, &summaries)
        }
        report::Format::Json => report::json(
            &rubric,
            &score_evidence::<_, Vec<_>>(&rubric, paths, &options, format, sheet)?,
        ),
        report::Format::Md => report::markdown(
            &rubric,
            &score_evidence::<_, Vec<_>>(&rubric, paths, &options, format, sheet)?,
        ),
        report::Format::Xlsx => {
            let sheets: Vec<_> = score_evidence(&rubric, paths, &options, format, sheet)?;
            let bytes = report::xlsx(&rubric, &sheets).map_err(|d| {
                print_diagnostics(&[d], args.message_format);
                Failed
            })?;
            return write_bytes(&bytes, output, args.message_format);
        }
    };
    write_output(&text, output, args.message_format)
}
