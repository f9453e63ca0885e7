//! `kaohe test RULE CASE...`: score each case and compare it with its `[expect]` table.

use std::path::PathBuf;

use kaohe::cases;
use kaohe::evidence::collect_paths;

use super::{print_diagnostics, write_output, Failed, MessageFormat};

/// Run test cases: evidence files whose `[expect]` table pins the total and any section
/// or item; fail on any difference.
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` file.
    rule: PathBuf,
    /// Case files (`.toml`, `.json`) or folders of them.
    #[arg(required = true)]
    cases: Vec<PathBuf>,
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
    let files = collect_paths(&args.cases).map_err(|d| {
        print_diagnostics(&[d], args.message_format);
        Failed
    })?;
    let mut out = String::new();
    let (mut passed, mut failed, mut not_run) = (0, 0, 0);
    for path in &files {
        let outcome = cases::load(&rubric, path)
            .and_then(|case| cases::run(&rubric, case).map_err(|d| vec![d]));
        match outcome {
            Ok(outcome) => {
                if outcome.passed() {
                    passed += 1;
                } else {
                    failed += 1;
                }
                out.push_str(&cases::report::outcome(&rubric, &outcome));
            }
            Err(ds) => {
                print_diagnostics(&ds, args.message_format);
                not_run += 1;
                out.push_str(&format!(
                    "case {}: not run, {} problem{} (see the diagnostics)\n",
                    path.display(),
                    ds.len(),
                    if ds.len() == 1 { "" } else { "s" }
                ));
            }
        }
    }
    out.push_str(&cases::report::summary(passed, failed, not_run));
    // Names and reasons from the cases reach a terminal: nothing hidden in them.
    let out = kaohe::safe::visible_text(&out);
    write_output(&out, None, args.message_format)?;
    if failed == 0 && not_run == 0 {
        Ok(())
    } else {
        Err(Failed)
    }
}
