//! `kaohe check RULE...`: every mistake in the rule files, with its place. Folders
//! are searched for `.rule` files as `fmt` does; `-` reads a rule file from standard
//! input.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use kaohe::diagnostic::{codes, Diagnostic};
use kaohe::source::SourceFile;

use super::{print_diagnostics, Failed, MessageFormat};

/// Check rule files: points that do not add up, undeclared facts, and every other mistake.
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` files, folders to search for them (with their subfolders), or `-`
    /// for standard input.
    #[arg(required = true)]
    rules: Vec<PathBuf>,
    /// How diagnostics are printed on stderr.
    #[arg(long, value_enum, default_value_t)]
    message_format: MessageFormat,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Show the warnings the rule file acknowledges with `allow NAME` too (otherwise
    /// only counted).
    #[arg(long)]
    verbose: bool,
    /// Check the rule files as drafts, whatever they say: the sums that do not add up
    /// yet are warnings.
    #[arg(long)]
    draft: bool,
    /// A calendar file of your own to count working days with, in place of the one
    /// the rule file names (`calendar cn` or a file in its folder).
    #[arg(long, value_name = "FILE")]
    calendar: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), Failed> {
    let (files, problems) = super::fmt::rule_files(&args.rules);
    print_diagnostics(&problems, args.message_format);
    let mut failed = !problems.is_empty();
    for path in &files {
        let source = match read(path) {
            Ok(s) => s,
            Err(d) => {
                print_diagnostics(&[d], args.message_format);
                failed = true;
                continue;
            }
        };
        let checked = kaohe::check::compile_as(&source, args.draft)
            .with_calendar(&source, args.calendar.as_deref());
        print_diagnostics(&checked.diagnostics, args.message_format);
        acknowledged(&checked.acknowledged, args.verbose, args.message_format);
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

/// The warnings a rule file acknowledges: listed with `--verbose`, and counted in a
/// line of their own (for people, not in JSON lines).
fn acknowledged(acknowledged: &[Diagnostic], verbose: bool, format: MessageFormat) {
    if acknowledged.is_empty() {
        return;
    }
    if verbose {
        print_diagnostics(acknowledged, format);
    }
    if format == MessageFormat::Human {
        let lang = kaohe::locale::current();
        let mut line = kaohe::tr!(
            lang,
            "checker-acknowledged-count",
            count = acknowledged.len()
        );
        if !verbose {
            let hint = kaohe::tr!(lang, "checker-acknowledged-verbose");
            line = format!("{line} ({hint})");
        }
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "{line}");
    }
}

/// A rule file, or standard input for `-`.
pub(super) fn read(path: &Path) -> Result<SourceFile, Diagnostic> {
    if path.as_os_str() != "-" {
        return kaohe::input::read_source(path);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(kaohe::input::MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Diagnostic::error(
                codes::READ,
                format!(
                    "cannot read standard input: {}",
                    e.to_string().to_lowercase()
                ),
            )
            .help("give the rule file's path instead of `-`")
        })?;
    if bytes.len() as u64 > kaohe::input::MAX_SOURCE_BYTES {
        return Err(Diagnostic::error(
            codes::READ,
            "standard input holds more than a rule file may".to_string(),
        )
        .help("a rule file is read up to 64 MiB; give a rule file's path instead of `-`"));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostic::error(
            codes::ENCODING,
            "standard input is not UTF-8 text".to_string(),
        )
        .help("save the rule file as UTF-8, as `kaohe fmt` writes it")
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok(SourceFile::new("<stdin>", text))
}
