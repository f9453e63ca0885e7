//! `kaohe fmt [--check] FILE...`: rule files in the one canonical layout.
//!
//! Without `--check`, each file that is not canonical is rewritten in place, through a
//! temporary file renamed over it (so it is never left half written), keeping its
//! permissions and writing through a symbolic link to its target. With `--check`,
//! nothing is written: each file that would change is shown as a unified diff, and the
//! command fails. A file that does not parse is never formatted. A file's line ends
//! (CRLF, as Notepad saves) and its byte-order mark are kept, and the diff shows the
//! lines that change, not their ends. `-` formats standard input onto standard output.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use kaohe::diagnostic::{codes, Diagnostic};
use kaohe::source::SourceFile;

use super::{print_diagnostics, Failed, MessageFormat};

/// Lay out rule files in kaohe's canonical layout, keeping comments and texts exactly.
#[derive(clap::Args)]
pub struct Args {
    /// The `.rule` files, folders to search for them (with their subfolders), or `-`
    /// to format standard input onto standard output.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Write nothing: show what would change as a unified diff, and fail if anything would.
    #[arg(long)]
    check: bool,
    /// How diagnostics are printed on stderr.
    #[arg(long, value_enum, default_value_t)]
    message_format: MessageFormat,
}

pub fn run(args: Args) -> Result<(), Failed> {
    let (files, problems) = rule_files(&args.files);
    print_diagnostics(&problems, args.message_format);
    let mut failed = !problems.is_empty();
    let mut diffs = String::new();
    for path in &files {
        let stdin = path.as_os_str() == "-";
        let source = match super::check::read(path) {
            Ok(s) => s,
            Err(d) => {
                print_diagnostics(&[d], args.message_format);
                failed = true;
                continue;
            }
        };
        let style = Style::of(path, &source);
        // The file as the formatter reads it: its lines ended by `\n` alone.
        let plain = source.text().replace("\r\n", "\n");
        let read = SourceFile::new(source.name(), plain.clone());
        let formatted = match kaohe::formatter::format(&read) {
            Ok(text) => text,
            Err(ds) => {
                print_diagnostics(&ds, args.message_format);
                failed = true;
                continue;
            }
        };
        let written = style.apply(&formatted);
        if stdin && !args.check {
            let _ = std::io::stdout().lock().write_all(written.as_bytes());
            continue;
        }
        if written.strip_prefix('\u{feff}').unwrap_or(&written) == source.text() {
            continue;
        }
        if args.check {
            // What really changes: the lines, not their ends, which are kept.
            diffs.push_str(&unified_diff(&read, &formatted));
            failed = true;
        } else if let Err(d) = rewrite(path, &written) {
            print_diagnostics(&[d], args.message_format);
            failed = true;
        } else {
            let _ = writeln!(std::io::stderr(), "formatted {}", path.display());
        }
    }
    if !diffs.is_empty() {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let _ = out.write_all(diffs.as_bytes()).and_then(|()| out.flush());
    }
    if failed {
        Err(Failed)
    } else {
        Ok(())
    }
}

/// How a file ends its lines and whether it begins with a byte-order mark, as
/// Notepad saves it (`\r\n`, a mark): kept when the file is rewritten.
struct Style {
    crlf: bool,
    bom: bool,
}

impl Style {
    /// The style of a rule file: CRLF when most of its lines end so.
    fn of(path: &Path, source: &SourceFile) -> Style {
        let text = source.text();
        let crlf = text.matches("\r\n").count();
        let bom = path.as_os_str() != "-" && {
            let mut head = [0u8; 3];
            std::fs::File::open(path)
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
                .is_ok_and(|()| head == [0xEF, 0xBB, 0xBF])
        };
        Style {
            crlf: crlf > 0 && crlf * 2 >= text.matches('\n').count(),
            bom,
        }
    }

    /// A formatted text (lines ended by `\n`) in this style.
    fn apply(&self, formatted: &str) -> String {
        let mut out = String::with_capacity(formatted.len() + formatted.len() / 16 + 3);
        if self.bom {
            out.push('\u{feff}');
        }
        if self.crlf {
            out.push_str(&formatted.replace('\n', "\r\n"));
        } else {
            out.push_str(formatted);
        }
        out
    }
}

/// The rule files named on the command line: files as they are, folders searched with
/// their subfolders (hidden ones skipped) for `*.rule`, in name order; and a
/// diagnostic for each folder that cannot be read or holds no rule file.
pub(super) fn rule_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        // `-` is standard input, read by the command.
        if !path.is_dir() || path.as_os_str() == "-" {
            out.push(path.clone());
            continue;
        }
        let before = out.len();
        let mut folders = vec![path.clone()];
        while let Some(folder) = folders.pop() {
            let entries = match std::fs::read_dir(&folder) {
                Ok(entries) => entries,
                Err(e) => {
                    problems.push(
                        Diagnostic::error(
                            codes::READ,
                            kaohe::msg!(
                                "evidence-folder",
                                path = folder.display().to_string(),
                                reason = e.to_string().to_lowercase()
                            ),
                        )
                        .help(kaohe::msg!("cli-fmt-folder".help)),
                    );
                    continue;
                }
            };
            for entry in entries.filter_map(Result::ok) {
                let p = entry.path();
                let hidden = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'));
                if hidden {
                    continue;
                }
                if p.is_dir() {
                    folders.push(p);
                } else if p.extension().is_some_and(|e| e == "rule") {
                    out.push(p);
                }
            }
        }
        if out.len() == before {
            problems.push(
                Diagnostic::error(
                    codes::READ,
                    kaohe::msg!("cli-fmt-folder", path = path.display().to_string()),
                )
                .help(kaohe::msg!("cli-fmt-folder".none)),
            );
        }
        out[before..].sort();
    }
    (out, problems)
}

/// How long the diff of one file may look for the smallest set of changes: Myers's
/// algorithm takes time in the product of the lengths when every line differs (a file
/// of 20,000 items reindented took 35 seconds). Past it, the rest of the file is
/// given as replaced: a correct diff, if not the smallest.
const DIFF_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(500);

/// A unified diff from the file as it is to the file formatted.
fn unified_diff(source: &SourceFile, formatted: &str) -> String {
    let diff = similar::TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_lines(source.text(), formatted);
    let mut out = diff
        .unified_diff()
        .context_radius(3)
        .header(source.name(), &format!("{} (formatted)", source.name()))
        .to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Replaces a file's contents whole: a temporary file beside the target, with the
/// target's permissions, renamed over it.
fn rewrite(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let result = (|| {
        let target = std::fs::canonicalize(path)?;
        let permissions = std::fs::metadata(&target)?.permissions();
        if permissions.readonly() {
            return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        }
        let dir = target.parent().unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.{}.fmt.tmp", std::process::id()));
        let written = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            std::fs::set_permissions(&tmp, permissions)?;
            std::fs::rename(&tmp, &target)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    })();
    result.map_err(|e| {
        let reason = match e.kind() {
            std::io::ErrorKind::PermissionDenied => {
                kaohe::msg!("cli-fmt-rewrite".denied)
            }
            _ => e.to_string().to_lowercase(),
        };
        Diagnostic::error(
            codes::WRITE,
            kaohe::msg!(
                "cli-fmt-rewrite",
                path = path.display().to_string(),
                reason = reason
            ),
        )
        .help(kaohe::msg!("cli-fmt-rewrite".help))
    })
}
