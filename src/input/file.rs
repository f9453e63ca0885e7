//! Opening the files kaohe reads: rule files, calendars and evidence are read only from
//! regular files, and rule files and calendars only up to [`MAX_SOURCE_BYTES`].
//!
//! A rule file or a calendar may come from another office and may name any file;
//! evidence comes from every assessed unit. A device (`/dev/zero`), a named pipe or a
//! socket named as one of them would make kaohe read without end or wait for ever, so
//! each file is looked at before it is opened (its metadata, through symbolic links)
//! and once more when it is open (the metadata of the open file, in case it was
//! replaced in between), and a text is read with a limit one byte past the largest
//! size accepted, so a file that grows while it is read is still refused.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::diagnostic::msg;
use crate::diagnostic::{codes, io_reason, Diagnostic};

/// The largest rule file or calendar read: 64 MiB. The largest rule file known is a
/// few tens of kilobytes; a calendar, a few kilobytes.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// The largest XLSX workbook read: 256 MiB (the file itself; what it unpacks to has a
/// limit of its own). CSV evidence is read as a stream and has no limit of size.
pub const MAX_WORKBOOK_BYTES: u64 = 256 * 1024 * 1024;

/// What a path is when it is not a regular file, in the words of a message.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

fn cannot_read(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        codes::READ,
        msg!(
            "input-cannot-read",
            path = path.display().to_string(),
            reason = io_reason(e, &msg!("io-not-found"))
        ),
    )
    .help(msg!("input-cannot-read".help))
}

/// The refusal of a path that is not a regular file.
pub fn not_a_file(path: &Path, meta: &std::fs::Metadata) -> Diagnostic {
    let what = match kind_of(meta) {
        "a folder" => msg!("input-not-a-file".folder),
        "a named pipe" => msg!("input-not-a-file".pipe),
        "a device" => msg!("input-not-a-file".device),
        "a socket" => msg!("input-not-a-file".socket),
        _ => msg!("input-not-a-file".other),
    };
    Diagnostic::error(
        codes::NOT_A_FILE,
        msg!(
            "input-not-a-file",
            path = path.display().to_string(),
            what = what
        ),
    )
    .help(msg!("input-not-a-file".help))
}

/// The refusal of a file larger than `limit` bytes.
fn too_large(path: &Path, limit: u64) -> Diagnostic {
    Diagnostic::error(
        codes::TOO_LARGE,
        msg!(
            "input-too-large",
            path = path.display().to_string(),
            mib = (limit / (1024 * 1024)).to_string()
        ),
    )
    .help(msg!("input-too-large".help))
}

/// Opens `path` for reading if it is a regular file (a symbolic link to one is
/// followed); refuses anything else without opening it, so a named pipe is never
/// waited on.
pub fn open_regular(path: &Path) -> Result<File, Diagnostic> {
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(path, &e))?;
    if !meta.is_file() {
        return Err(not_a_file(path, &meta));
    }
    let file = File::open(path).map_err(|e| cannot_read(path, &e))?;
    let meta = file.metadata().map_err(|e| cannot_read(path, &e))?;
    if !meta.is_file() {
        return Err(not_a_file(path, &meta));
    }
    Ok(file)
}

/// The bytes of the regular file `path`, refused when it holds more than `limit`.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Diagnostic> {
    let file = open_regular(path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Err(too_large(path, limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(path, &e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_refused_before_it_is_read() {
        let refused = read_regular(Path::new("/dev/zero"), 16).unwrap_err();
        assert_eq!(refused.code, codes::NOT_A_FILE);
        assert_eq!(
            refused.message,
            "`/dev/zero` is a device, not a regular file"
        );
    }

    #[test]
    fn a_file_past_the_limit_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.rule");
        std::fs::write(&path, vec![b'a'; 17]).unwrap();
        assert_eq!(read_regular(&path, 16).unwrap_err().code, codes::TOO_LARGE);
        assert_eq!(read_regular(&path, 17).unwrap().len(), 17);
    }
}
