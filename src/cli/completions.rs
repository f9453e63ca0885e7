//! `kaohe completions SHELL` and `kaohe man`: the shell's completions and the manual
//! page, made from the command line's own definition (clap_complete, clap_mangen), so
//! they never drift from it.

use clap::CommandFactory as _;

use super::{print_diagnostics, Cli, Failed, MessageFormat};
use kaohe::diagnostic::{codes, Diagnostic};

/// Print the completions of a shell: `kaohe completions bash > /etc/bash_completion.d/kaohe`.
#[derive(clap::Args)]
pub struct Args {
    /// The shell.
    shell: clap_complete::Shell,
}

/// Print kaohe's manual page (roff): `kaohe man > kaohe.1; man ./kaohe.1`.
#[derive(clap::Args)]
pub struct ManArgs {}

pub fn run(args: Args) -> Result<(), Failed> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "kaohe", &mut out);
    super::write_bytes(&out, None, MessageFormat::Human)
}

pub fn man(_: ManArgs) -> Result<(), Failed> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| {
            print_diagnostics(
                &[Diagnostic::error(
                    codes::WRITE,
                    format!(
                        "cannot write the manual page: {}",
                        e.to_string().to_lowercase()
                    ),
                )
                .help("try again; the page is written to standard output")],
                MessageFormat::Human,
            );
            Failed
        })?;
    super::write_bytes(&out, None, MessageFormat::Human)
}
