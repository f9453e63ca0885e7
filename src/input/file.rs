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

use super::problem::{InputError, IoProblem, NotRegular};
use crate::diagnostic::Diagnostic;

/// The largest rule file or calendar read: 64 MiB. The largest rule file known is a
/// few tens of kilobytes; a calendar, a few kilobytes.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// The largest XLSX workbook read: 256 MiB (the file itself; what it unpacks to has a
/// limit of its own). CSV evidence is read as a stream and has no limit of size.
pub const MAX_WORKBOOK_BYTES: u64 = 256 * 1024 * 1024;

/// What a path is when it is not a regular file.
fn kind_of(meta: &std::fs::Metadata) -> NotRegular {
    let kind = meta.file_type();
    if kind.is_dir() {
        return NotRegular::Folder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return NotRegular::Pipe;
        }
        if kind.is_char_device() || kind.is_block_device() {
            return NotRegular::Device;
        }
        if kind.is_socket() {
            return NotRegular::Socket;
        }
    }
    NotRegular::Other
}

fn cannot_read(path: &Path, e: &std::io::Error) -> Diagnostic {
    InputError::CannotRead {
        path: path.display().to_string(),
        io: IoProblem::of(e),
    }
    .into()
}

/// The refusal of a path that is not a regular file.
pub fn not_a_file(path: &Path, meta: &std::fs::Metadata) -> Diagnostic {
    InputError::NotAFile {
        path: path.display().to_string(),
        what: kind_of(meta),
    }
    .into()
}

/// The refusal of a file larger than `limit` bytes.
fn too_large(path: &Path, limit: u64) -> Diagnostic {
    InputError::TooLarge {
        path: path.display().to_string(),
        limit,
    }
    .into()
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
    use crate::diagnostic::codes;

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
