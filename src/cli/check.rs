//! `kaohe check RULE...`: every mistake in the rule files, with its place.

use std::path::PathBuf;

use super::{print_diagnostics, Failed, MessageFormat};

/// Check rule files: points that do not add up, undeclared facts, and every other mistake.
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` files to check.
    #[arg(required = true)]
    rules: Vec<PathBuf>,
    /// How diagnostics are printed on stderr.
    #[arg(long, value_enum, default_value_t)]
    message_format: MessageFormat,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// A calendar file of your own to count working days with, in place of the one
    /// the rule file names (`calendar cn` or a file in its folder).
    #[arg(long, value_name = "FILE")]
    calendar: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), Failed> {
    let mut failed = false;
    for path in &args.rules {
        let source = match kaohe::input::read_source(path) {
            Ok(s) => s,
            Err(d) => {
                print_diagnostics(&[d], args.message_format);
                failed = true;
                continue;
            }
        };
        let checked =
            kaohe::check::compile(&source).with_calendar(&source, args.calendar.as_deref());
        print_diagnostics(&checked.diagnostics, args.message_format);
        if checked.has_errors() || (args.deny_warnings && !checked.diagnostics.is_empty()) {
            failed = true;
        }
    }
    if failed {
        Err(Failed)
    } else {
        Ok(())
    }
}
