//! `kaohe eval RULE EVIDENCE...`: score every unit and report them.

use std::path::PathBuf;

use kaohe::diagnostic::{codes, Diagnostic};
use kaohe::{evidence, report};

use super::formats::EvalFormat;
use super::output::{refuse_binary, refuse_inputs, write_bytes, write_with};
use super::{print_diagnostics, score_evidence, write_output, Failed, MessageFormat};

/// Score the evidence of each unit against a rubric.
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` file.
    rule: PathBuf,
    /// Evidence files (`.toml`, `.json`, `.yaml`: one unit each; `.csv`, `.xlsx`: one unit a row)
    /// or folders of them.
    #[arg(required_unless_present = "method")]
    evidence: Vec<PathBuf>,
    /// The evidence of one method of a blended table (`methods` in the rule file), as
    /// `NAME=PATH`: one for each method, in place of EVIDENCE.
    #[arg(long, value_name = "NAME=PATH")]
    method: Vec<String>,
    /// The report's format; by default the one `--output`'s extension names (`.xlsx`,
    /// `.html`, `.md`, `.json`, `.csv`, `.txt`), else `table`.
    #[arg(long, value_enum)]
    format: Option<EvalFormat>,
    /// Write the report to this file (whole, or not at all) instead of stdout; XLSX
    /// needs it.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// How diagnostics are printed on stderr.
    #[arg(long, value_enum, default_value_t)]
    message_format: MessageFormat,
    /// Refuse a rule file with any warning, as with an error: nothing is scored.
    #[arg(long)]
    deny_warnings: bool,
    /// Score a draft table (`draft` in the rule file), and check any rule file as a
    /// draft: its sums as warnings. The scores are not final.
    #[arg(long)]
    draft: bool,
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
pub(super) enum EncodingArg {
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
    let chosen = super::chosen::chosen(
        args.format,
        args.output.as_deref(),
        &EvalFormat::BY_EXTENSION,
        EvalFormat::Table,
        EvalFormat::name,
        args.message_format,
    )?;
    let report_format = report::Format::from(chosen);
    if report_format == report::Format::Xlsx {
        refuse_binary(
            &kaohe::msg!("cli-binary-what-report"),
            args.output.as_deref(),
            args.message_format,
        )?;
    }
    let mut inputs: Vec<&std::path::Path> = vec![&args.rule];
    inputs.extend(args.evidence.iter().map(PathBuf::as_path));
    inputs.extend(args.calendar.as_deref());
    refuse_inputs(args.output.as_deref(), &inputs, args.message_format)?;
    let rubric = super::draft::compile_for_scoring(
        &args.rule,
        args.calendar.as_deref(),
        args.message_format,
        args.deny_warnings,
        args.draft,
    )?;
    super::output::refuse_calendars(args.output.as_deref(), &[&rubric], args.message_format)?;
    let options = evidence::Options {
        encoding: args.encoding.map(Into::into),
        sheet: args.sheet.clone(),
    };
    if !rubric.methods.is_empty() || !args.method.is_empty() {
        let sheets = super::blend::sheets(
            &rubric,
            &args.method,
            &args.evidence,
            &options,
            args.message_format,
        )?;
        return super::blend::report(
            &rubric,
            sheets,
            report_format,
            args.output.as_deref(),
            args.message_format,
            |s| workbook(&rubric, s),
            today,
        );
    }
    let (paths, format) = (&args.evidence, args.message_format);
    // The rubric compiled once for the score sheets of every unit.
    let sheets = kaohe::eval::Scorer::for_sheets(&rubric);
    let sheet = |unit: &evidence::Unit| sheets.sheet(unit);
    // The 扣分说明 of the score sheets, in the run's language.
    let narrator = report::Narrator::new(&rubric, kaohe::locale::current());
    let output = args.output.as_deref();
    let text = match report_format {
        // A ranking needs each unit's total and subtotals only: they are scored
        // without a trace, by the rubric compiled once. For CSV each unit's numbers
        // are kept compactly as soon as they are made, in memory up to a budget and
        // beyond it in sorted temporary files, and the ranking is written as it is
        // merged, never held whole. The table, for people to read, is laid out
        // by comfy-table from every unit's summary at once, up to a limit.
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
            let summaries: report::Capped<_, { report::MAX_SUMMARIES }> =
                score_evidence(&rubric, paths, &options, format, |unit| {
                    scorer.summarise(unit)
                })?;
            let width = super::terminal_width(output);
            report::table_fitted(&rubric, &all_units(summaries, "table", format)?, width)
        }
        // Each unit's part of the report is made as soon as it is scored and spooled
        // to a temporary file; the report is written whole once every unit is.
        report::Format::Json => {
            let spooled: report::Spooled =
                score_evidence(&rubric, paths, &options, format, |unit| {
                    report::json_part(&sheets.sheet(unit)?, &narrator)
                })?;
            return write_with(output, args.message_format, |w| {
                spooled.write_json(&rubric, w)
            });
        }
        report::Format::Md => {
            let spooled: report::Spooled =
                score_evidence(&rubric, paths, &options, format, |unit| {
                    Ok(report::markdown_sheet(
                        &narrator,
                        &rubric,
                        &sheets.sheet(unit)?,
                    ))
                })?;
            return write_with(output, args.message_format, |w| spooled.write_markdown(w));
        }
        report::Format::Html => report::html(
            &rubric,
            &all_units::<_, { report::MAX_SHEETS }>(
                score_evidence(&rubric, paths, &options, format, sheet)?,
                "html",
                format,
            )?,
            Some(&today()),
        ),
        report::Format::Xlsx => {
            let sheets = all_units::<_, { report::MAX_SHEETS }>(
                score_evidence(&rubric, paths, &options, format, sheet)?,
                "xlsx",
                format,
            )?;
            let bytes = workbook(&rubric, &sheets).map_err(|d| {
                print_diagnostics(&[d], args.message_format);
                Failed
            })?;
            return write_bytes(&bytes, output, args.message_format);
        }
    };
    write_output(&text, output, args.message_format)
}

/// Every unit a report that lays them out at once keeps, or, past its limit
/// ([`report::MAX_SHEETS`], [`report::MAX_SUMMARIES`]), a diagnostic that suggests the
/// CSV ranking, instead of running out of memory.
fn all_units<T: report::Weight, const LIMIT: usize>(
    units: report::Capped<T, LIMIT>,
    name: &str,
    format: MessageFormat,
) -> Result<Vec<T>, Failed> {
    units.all().map_err(|count| {
        let d = Diagnostic::error(
            codes::TOO_MANY_UNITS,
            kaohe::msg!(
                "cli-too-many-units",
                count = count.to_string(),
                format = name,
                limit = LIMIT.to_string()
            ),
        )
        .help(kaohe::msg!("cli-too-many-units".help));
        print_diagnostics(&[d], format);
        Failed
    })
}

/// The workbook of every unit's score sheet. rust_xlsxwriter lays each worksheet out
/// in a thread of its own; when the system refuses one (many sheets, a memory limit)
/// it panics: that is reported as a diagnostic, not as a crash.
fn workbook(
    rubric: &kaohe::check::Rubric,
    sheets: &[kaohe::eval::Sheet],
) -> Result<Vec<u8>, Diagnostic> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        report::xlsx(rubric, sheets)
    }));
    std::panic::set_hook(hook);
    made.unwrap_or_else(|_| {
        Err(Diagnostic::error(
            codes::TOO_MANY_UNITS,
            kaohe::msg!("cli-workbook-refused", count = sheets.len().to_string()),
        )
        .help(kaohe::msg!("cli-too-many-units".help)))
    })
}

/// The date the report is made on, in Beijing time (UTC+8), as a report prints it:
/// `2026年12月7日` (`7 December 2026` in English). `SOURCE_DATE_EPOCH` (seconds since 1970, as reproducible builds
/// set it) gives another moment, for a report that must come out the same each time.
fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    let beijing = chrono::DateTime::from_timestamp(seconds.saturating_add(8 * 3600), 0)
        .unwrap_or_default()
        .date_naive();
    match kaohe::locale::current() {
        kaohe::locale::Lang::Zh => beijing.format("%Y年%-m月%-d日").to_string(),
        kaohe::locale::Lang::En => beijing.format("%-d %B %Y").to_string(),
    }
}
