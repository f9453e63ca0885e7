//! Writing a report whole: to stdout, or to a file through a temporary file renamed
//! into place, so a reader never sees half a report. A device or a pipe named as the
//! output (`--output /dev/null`) is written to, never replaced. A report may be made
//! as it is written ([`write_with`]), so that it is never held whole in memory.
//!
//! An output never replaces what the same run reads ([`refuse_inputs`]: the rule
//! file, an evidence file, a file in a folder of evidence, a calendar, compared once
//! every symbolic link is resolved). The temporary file is made by the `tempfile`
//! crate, under a name no one can guess (`.NAME.kaohe-XXXXXX.tmp`), created only if
//! no file has that name, so a link planted beside the output is never followed; it is
//! removed when the run fails, and when it is stopped by Ctrl-C or SIGTERM (the run
//! then exits with 130 or 143). A run killed outright (SIGKILL) leaves it behind: the
//! next run writing to that folder names such files in a warning and leaves them,
//! since another run may be writing one at that moment.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use kaohe::diagnostic::{codes, Diagnostic};

use super::{print_diagnostics, Failed, MessageFormat};

/// What is written to stdout, a device or a pipe is gathered up to this size and
/// written at once, so a report of up to this size reaches it in one write, as it did
/// when every report was made whole first (a reader that stops early, such as
/// `| head`, then sees the same as before).
const AT_ONCE: usize = 1 << 20;

pub fn write_output(
    text: &str,
    output: Option<&Path>,
    format: MessageFormat,
) -> Result<(), Failed> {
    write_bytes(text.as_bytes(), output, format)
}

pub fn write_bytes(
    bytes: &[u8],
    output: Option<&Path>,
    format: MessageFormat,
) -> Result<(), Failed> {
    write_with(output, format, |w| w.write_all(bytes))
}

/// Writes the report that `write` makes into `output`, or stdout, as it is made: to
/// a file through a temporary file renamed into place only once `write` has written
/// it all, so the file holds the whole report or is left as it was; to stdout through
/// a buffer. A broken pipe on stdout (`| head`) fails silently; any other error is a
/// diagnostic.
pub fn write_with(
    output: Option<&Path>,
    format: MessageFormat,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failed> {
    let result = match output {
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::with_capacity(AT_ONCE, stdout.lock());
            write(&mut w).and_then(|()| w.flush())
        }
        Some(path) => {
            if let Some(stale) = stale_temporaries(path) {
                print_diagnostics(&[stale], format);
            }
            write_atomically(path, write)
        }
    };
    result.map_err(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Failed;
        }
        // What was being written failed, not the writing: a temporary file read back.
        if let Some(read_back) = e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<kaohe::spill::ReadBack>())
        {
            print_diagnostics(&[read_back.diagnostic()], format);
            return Failed;
        }
        let target = output.map_or("stdout".to_string(), |p| format!("`{}`", p.display()));
        let reason = kaohe::diagnostic::io_reason(&e, &kaohe::msg!("cli-write".nofolder));
        print_diagnostics(
            &[Diagnostic::error(
                codes::WRITE,
                kaohe::msg!("cli-write", target = target.to_string(), reason = reason),
            )
            .help(kaohe::msg!("cli-write".help))],
            format,
        );
        Failed
    })
}

/// Where a report written to `path` really goes, and the folder of its temporary
/// file; `None` when `path` is a device, a pipe or anything else written to directly.
fn target_of(path: &Path) -> std::io::Result<Option<(PathBuf, PathBuf)>> {
    let target = match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => return Ok(None),
        // An existing file (or a link to one) is replaced where it really lies. A
        // folder is left to fail at the rename, with the usual message.
        Ok(_) => std::fs::canonicalize(path)?,
        Err(_) => path.to_path_buf(),
    };
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    Ok(Some((target, dir)))
}

/// The marker in the names of kaohe's temporary files: `.NAME.kaohe-XXXXXX.tmp`.
const TEMPORARY_MARK: &str = ".kaohe-";

/// Writes what `write` makes to `path` whole. A regular file (or a new one) is
/// written through a temporary file beside it, renamed over it once all is written;
/// on any error the temporary file is removed. A symbolic link is followed, so the
/// link stays and its target is replaced. Anything else that exists there, such as
/// `/dev/null`, `/dev/stdout` or a named pipe, is written to directly: renaming over
/// it would replace the device with a regular file.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let Some((target, dir)) = target_of(path)? else {
        let f = std::fs::OpenOptions::new().write(true).open(path)?;
        let mut w = BufWriter::with_capacity(AT_ONCE, f);
        return write(&mut w).and_then(|()| w.flush());
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}{TEMPORARY_MARK}");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // Readable as a file made by `File::create` is (the umask applies), not only by
    // its owner as a temporary file is by default: it becomes the report.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // Created exclusively under a random name; removed when dropped on any error, and
    // by a signal from the moment it exists.
    let (mut tmp, _removed_on_signal) =
        interrupt::Registered::create(|| builder.tempfile_in(&dir), |t| t.path())?;
    {
        let mut w = BufWriter::new(tmp.as_file_mut());
        write(&mut w)?;
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// The warning naming kaohe's temporary files left in the folder `path` is written
/// to, by a run that was killed while it wrote; `None` when there is none.
fn stale_temporaries(path: &Path) -> Option<Diagnostic> {
    let (_, dir) = target_of(path).ok()??;
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.contains(TEMPORARY_MARK) && n.ends_with(".tmp"))
        .collect();
    if found.is_empty() {
        return None;
    }
    found.sort();
    let count = found.len();
    // A file name may hold any character but `/`: control characters are not printed.
    let shown: Vec<String> = found
        .iter()
        .take(5)
        .map(|n| {
            let clean: String = n
                .chars()
                .map(|c| if c.is_control() { '?' } else { c })
                .collect();
            format!("`{clean}`")
        })
        .collect();
    let more = if count > shown.len() {
        kaohe::msg!("cli-stale".more, count = (count - shown.len()).to_string())
    } else {
        String::new()
    };
    Some(
        Diagnostic::warning(
            codes::STALE_TEMPORARY,
            kaohe::msg!(
                "cli-stale",
                count = count.to_string(),
                dir = dir.display().to_string(),
                files = shown.join(", "),
                more = more
            ),
        )
        .help(kaohe::msg!("cli-stale".help)),
    )
}

/// Removing the temporary file being written when the run is stopped by Ctrl-C
/// (SIGINT) or SIGTERM. signal-hook is used rather than the `ctrlc` crate because it
/// says which signal came, so that the exit status is the one a shell expects of a
/// process stopped by it (130 or 143). The handler is installed when the first
/// temporary file is made.
#[cfg(unix)]
mod interrupt {
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, OnceLock};

    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    /// The temporary file being written, if any.
    static CURRENT: Mutex<Option<PathBuf>> = Mutex::new(None);
    static INSTALLED: OnceLock<()> = OnceLock::new();

    /// While it lives, a signal removes the temporary file it registered before the
    /// run exits.
    pub struct Registered;

    impl Registered {
        /// Makes a temporary file with `make` and registers its path (`path_of`). The
        /// handler is installed first, and the file is made while the handler cannot
        /// read the registration, so that a signal that comes as the file appears
        /// waits for its path and removes it: there is no moment at which the file
        /// exists unregistered.
        pub fn create<T>(
            make: impl FnOnce() -> std::io::Result<T>,
            path_of: impl Fn(&T) -> &Path,
        ) -> std::io::Result<(T, Registered)> {
            INSTALLED.get_or_init(install);
            let mut current = CURRENT.lock().unwrap_or_else(|e| e.into_inner());
            let made = make()?;
            *current = Some(path_of(&made).to_path_buf());
            Ok((made, Registered))
        }
    }

    impl Drop for Registered {
        fn drop(&mut self) {
            *CURRENT.lock().unwrap_or_else(|e| e.into_inner()) = None;
        }
    }

    fn install() {
        // Without the handler, a signal stops the run as it always did.
        let Ok(mut signals) = Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                if let Some(path) = CURRENT.lock().unwrap_or_else(|e| e.into_inner()).take() {
                    let _ = std::fs::remove_file(path);
                }
                std::process::exit(128 + signal);
            }
        });
    }
}

/// Elsewhere, a temporary file is removed on any error, not on a signal.
#[cfg(not(unix))]
mod interrupt {
    pub struct Registered;

    impl Registered {
        pub fn create<T>(
            make: impl FnOnce() -> std::io::Result<T>,
            _path_of: impl Fn(&T) -> &std::path::Path,
        ) -> std::io::Result<(T, Registered)> {
            Ok((make()?, Registered))
        }
    }
}

/// Refuses an `--output` that names a file this run reads: the rule file, an evidence
/// file, a calendar, or a file inside a folder of evidence. Paths are compared once
/// every symbolic link is resolved, and a hard link to an input is the input. A
/// device or a pipe (`--output /dev/null`) is never an input.
/// The calendar file a rubric was read with, when it is a file and not a calendar
/// shipped inside kaohe: the rule file names it, so the run reads it as it reads the
/// rule file, and `--output` must not replace it.
pub fn calendar_file(rubric: &kaohe::check::Rubric) -> Option<&Path> {
    let calendar = rubric.calendar.as_ref()?;
    let name = calendar.source.name();
    (!kaohe::calendar::BUILTIN.iter().any(|(n, _)| *n == name)).then(|| Path::new(name))
}

/// [`refuse_inputs`] for the calendar files the rubrics were read with
/// ([`calendar_file`]), which are known only once the rule files are read.
pub fn refuse_calendars(
    output: Option<&Path>,
    rubrics: &[&kaohe::check::Rubric],
    format: MessageFormat,
) -> Result<(), Failed> {
    let calendars: Vec<&Path> = rubrics.iter().filter_map(|r| calendar_file(r)).collect();
    refuse_inputs(output, &calendars, format)
}

pub fn refuse_inputs(
    output: Option<&Path>,
    inputs: &[&Path],
    format: MessageFormat,
) -> Result<(), Failed> {
    let Some(output) = output else {
        return Ok(());
    };
    let Some(real) = resolved(output) else {
        return Ok(());
    };
    let out_meta = std::fs::metadata(output).ok();
    if out_meta
        .as_ref()
        .is_some_and(|m| !m.is_file() && !m.is_dir())
    {
        return Ok(());
    }
    for input in inputs {
        let Ok(meta) = std::fs::metadata(input) else {
            continue;
        };
        let Ok(input_real) = std::fs::canonicalize(input) else {
            continue;
        };
        let refused = if meta.is_dir() {
            real.starts_with(&input_real).then(|| {
                kaohe::msg!(
                    "cli-output-in-input-folder",
                    output = output.display().to_string(),
                    input = input.display().to_string()
                )
            })
        } else {
            (real == input_real || out_meta.as_ref().is_some_and(|m| same_file(m, &meta))).then(
                || {
                    kaohe::msg!(
                        "cli-output-same-as-input",
                        output = output.display().to_string(),
                        input = input.display().to_string()
                    )
                },
            )
        };
        if let Some(message) = refused {
            print_diagnostics(
                &[Diagnostic::error(
                    codes::OUTPUT_IS_INPUT,
                    kaohe::msg!("cli-output-is-input", reason = message),
                )
                .help(kaohe::msg!("cli-output-is-input".help))],
                format,
            );
            return Err(Failed);
        }
    }
    Ok(())
}

/// `path` with every symbolic link resolved; for a file that does not exist yet, its
/// folder resolved and its name added. `None` when its folder does not exist either.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Some(real);
    }
    let name = path.file_name()?;
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

/// Whether two files are one, through hard links.
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Refuses to write a binary file (an XLSX workbook) to stdout: it needs `--output`.
pub fn refuse_binary(
    what: &str,
    output: Option<&Path>,
    format: MessageFormat,
) -> Result<(), Failed> {
    if output.is_some() {
        return Ok(());
    }
    print_diagnostics(
        &[Diagnostic::error(
            codes::BINARY_STDOUT,
            kaohe::msg!("cli-binary-stdout", what = what),
        )
        .help(kaohe::msg!("cli-binary-stdout".help))],
        format,
    );
    Err(Failed)
}
