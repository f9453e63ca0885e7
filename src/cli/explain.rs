//! `kaohe explain RULE EVIDENCE`: every point a unit lost, for each unit of the
//! evidence or the one `--unit` names.

use std::path::PathBuf;

use kaohe::diagnostic::{codes, Diagnostic};
use kaohe::evidence;

use super::eval::EncodingArg;
use super::{load_units_with, print_diagnostics, score, write_output, Failed, MessageFormat};

/// Explain every point a unit lost, in the words of the table, with the criterion text (`--verbose`: each clause and the rule file's line).
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` file.
    rule: PathBuf,
    /// The evidence file: one unit's (`.toml`, `.json`, `.yaml`), or a sheet of units
    /// (`.csv`, `.xlsx`), each explained unless `--unit` names one.
    evidence: PathBuf,
    /// Explain only the unit of this name (`单位` of a sheet's row, `unit` of a file).
    #[arg(long, value_name = "NAME")]
    unit: Option<String>,
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
    /// Follow each sentence with its clause and the rule file's line.
    #[arg(long)]
    verbose: bool,
    /// The encoding of CSV evidence; detected when left out (UTF-8, or GBK as Excel and
    /// WPS save "CSV" on Chinese Windows, with a warning).
    #[arg(long, value_enum)]
    encoding: Option<EncodingArg>,
    /// The worksheet of XLSX evidence to read; by default the first visible sheet with
    /// an evidence header (`单位` and the rubric's columns).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
}

pub fn run(args: Args) -> Result<(), Failed> {
    let rubric = super::draft::compile_for_scoring(
        &args.rule,
        args.calendar.as_deref(),
        args.message_format,
        args.deny_warnings,
        args.draft,
    )?;
    let options = evidence::Options {
        encoding: args.encoding.map(Into::into),
        sheet: args.sheet.clone(),
    };
    let mut units = load_units_with(
        &rubric,
        std::slice::from_ref(&args.evidence),
        &options,
        args.message_format,
    )?;
    if let Some(wanted) = &args.unit {
        // The name as a sheet's cell is read, so that `台 山 市` finds `台山市`.
        let name = evidence::cell::normalise_name(wanted.trim());
        let names: Vec<String> = units.iter().map(|u| u.name.clone()).collect();
        units.retain(|u| u.name == name || u.name == *wanted);
        if units.is_empty() {
            let hint = kaohe::check::suggest_name(&name, names.iter().map(String::as_str));
            let listed: Vec<String> = names.iter().take(8).map(|n| format!("`{n}`")).collect();
            let more = names.len().saturating_sub(listed.len());
            let help = if hint.is_empty() {
                format!(
                    "the evidence names {}{}",
                    listed.join(", "),
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    }
                )
            } else {
                hint
            };
            let d = Diagnostic::error(
                codes::EVIDENCE_UNIT,
                format!("`{}` has no unit `{wanted}`", args.evidence.display()),
            )
            .help(help);
            print_diagnostics(&[d], args.message_format);
            return Err(Failed);
        }
    }
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
