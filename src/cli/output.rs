//! Writing a report whole: to stdout, or to a file through a temporary file renamed
//! into place, so a reader never sees half a report. A device or a pipe named as the
//! output (`--output /dev/null`) is written to, never replaced. A report may be made
//! as it is written ([`write_with`]), so that it is never held whole in memory.

use std::io::{BufWriter, Write};
use std::path::Path;

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
        Some(path) => write_atomically(path, write),
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
        let reason = kaohe::diagnostic::io_reason(&e, "no such folder");
        print_diagnostics(
            &[Diagnostic::error(
                codes::WRITE,
                format!("cannot write the report to {target}: {reason}"),
            )
            .help("check that the folder exists and can be written")],
            format,
        );
        Failed
    })
}

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
    let target = match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            let f = std::fs::OpenOptions::new().write(true).open(path)?;
            let mut w = BufWriter::with_capacity(AT_ONCE, f);
            return write(&mut w).and_then(|()| w.flush());
        }
        // An existing file (or a link to one) is replaced where it really lies. A
        // folder is left to fail at the rename, with the usual message.
        Ok(_) => std::fs::canonicalize(path)?,
        Err(_) => path.to_path_buf(),
    };
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut w = BufWriter::new(std::fs::File::create(&tmp)?);
        write(&mut w)?;
        let f = w
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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
            format!("an XLSX {what} is a binary file and is not written to stdout"),
        )
        .help("name the file to write with `--output FILE`, such as `--output 考核结果.xlsx`")],
        format,
    );
    Err(Failed)
}
