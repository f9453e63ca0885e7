//! `kaohe outline RULE`: the checked rubric, one line per section, item, fact and clause.

use std::path::PathBuf;

use super::{compile, write_output, Failed, MessageFormat};

/// Print a checked rubric's outline: sections, items, points, facts and clauses.
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` file.
    rule: PathBuf,
}

pub fn run(args: Args) -> Result<(), Failed> {
    let rubric = compile(&args.rule, None, MessageFormat::Human)?;
    write_output(&kaohe::report::outline(&rubric), None, MessageFormat::Human)
}
