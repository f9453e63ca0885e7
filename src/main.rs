//! The `kaohe` command line: check rule files, score evidence, explain scores.
//!
//! Each command lives in its own file under `src/cli/`; this file only parses the
//! arguments (their help in the language of the run, `cli::parse`) and maps the
//! result to an exit code (0 success, 1 failure with diagnostics printed, 2 a usage
//! error from clap).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::parse().run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(cli::Failed) => ExitCode::FAILURE,
    }
}
