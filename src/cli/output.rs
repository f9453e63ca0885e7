//! Writing a report whole: to stdout in one write, or to a file through a temporary
//! file renamed into place, so a reader never sees half a report. A device or a pipe
//! named as the output (`--output /dev/null`) is written to, never replaced.

use std::io::Write as _;
use std::path::Path;

use kaohe::diagnostic::{codes, Diagnostic};

use super::{print_diagnostics, Failed, MessageFormat};

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
    let result = match output {
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            lock.write_all(bytes).and_then(|()| lock.flush())
        }
        Some(path) => write_atomically(path, bytes),
    };
    result.map_err(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Failed;
        }
        let target = output.map_or("stdout".to_string(), |p| format!("`{}`", p.display()));
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => "no such folder".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string().to_lowercase(),
        };
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

/// Writes `bytes` to `path` whole. A regular file (or a new one) is written through a
/// temporary file beside it, renamed over it; a symbolic link is followed, so the link
/// stays and its target is replaced. Anything else that exists there, such as
/// `/dev/null`, `/dev/stdout` or a named pipe, is written to directly: renaming over it
/// would replace the device with a regular file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
            return f.write_all(bytes).and_then(|()| f.flush());
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
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
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
