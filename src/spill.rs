//! Sorting more records than memory should hold: sorted runs written to temporary
//! files and merged, an external merge sort.
//!
//! The caller keeps a bounded buffer of records in memory, sorts it when it is full
//! and hands it over as a run ([`Runs::add`]); at the end the runs and the last,
//! in-memory buffer are merged into one sorted sequence ([`Runs::merge`]). Memory
//! stays bounded however many records there are:
//! - a run is read through a buffer of [`READ_BUFFER`] bytes;
//! - no more than [`FAN_IN`] runs are ever merged at once: as soon as there are
//!   `FAN_IN` runs of one length, they are merged into one longer run, and before the
//!   final merge the shortest are merged until at most `FAN_IN` are left, so that it
//!   reads from at most `FAN_IN` files and the in-memory buffer.
//!
//! The temporary files are made by [`tempfile::tempfile`] in the system's temporary
//! folder (`TMPDIR`). They have no name in the folder, so they disappear when closed,
//! even if the process is killed.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The most runs merged at once.
pub const FAN_IN: usize = 16;

/// The buffer each run is read and written through, in bytes.
pub const READ_BUFFER: usize = 64 * 1024;

/// A record that can be written to a run and read back, and ordered. Records that
/// compare equal come out of a merge in an unspecified order, so a caller that needs a
/// stable order puts the sequence number in the record.
pub trait Record: Ord + Sized {
    /// Writes the record.
    fn write_to(&self, out: &mut dyn Write) -> io::Result<()>;

    /// Reads the next record, or `None` at the end of the run.
    fn read_from(input: &mut dyn BufRead) -> io::Result<Option<Self>>;
}

/// Sorted runs written so far, each with its level: a run written by [`Runs::add`]
/// is of level 0, and [`FAN_IN`] runs of one level are merged into one of the next, as
/// soon as there are that many. The runs are kept in decreasing level, so those to
/// merge are always the last; each record is written once a level, and the levels grow
/// as the logarithm of the number of runs.
pub struct Runs<R> {
    runs: Vec<(u32, File)>,
    /// Where the temporary files are made: the system's temporary folder if `None`.
    folder: Option<PathBuf>,
    _records: std::marker::PhantomData<R>,
}

impl<R> Default for Runs<R> {
    fn default() -> Self {
        Runs {
            runs: Vec::new(),
            folder: None,
            _records: std::marker::PhantomData,
        }
    }
}

impl<R: Record> Runs<R> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs whose temporary files are made in `folder`.
    pub fn in_folder(folder: PathBuf) -> Self {
        Runs {
            folder: Some(folder),
            ..Self::default()
        }
    }

    /// The number of runs on disk.
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Writes `sorted`, which must come in order, as a new run.
    pub fn add(&mut self, sorted: impl IntoIterator<Item = R>) -> io::Result<()> {
        let run = write_run(self.folder.as_deref(), sorted.into_iter().map(Ok))?;
        self.runs.push((0, run));
        while self.runs.len() >= FAN_IN {
            let level = self.runs[self.runs.len() - 1].0;
            if self.runs[self.runs.len() - FAN_IN..]
                .iter()
                .any(|(l, _)| *l != level)
            {
                break;
            }
            self.merge_last(FAN_IN, level + 1)?;
        }
        Ok(())
    }

    /// Merges the last `n` runs into one of level `level`.
    fn merge_last(&mut self, n: usize, level: u32) -> io::Result<()> {
        let at = self.runs.len() - n;
        let last: Vec<File> = self.runs.drain(at..).map(|(_, f)| f).collect();
        let merged = write_run(
            self.folder.as_deref(),
            Merge::new(last, std::iter::empty::<R>())?,
        )?;
        self.runs.push((level, merged));
        Ok(())
    }

    /// Every record of the runs and of `last` (in order, too), in order.
    pub fn merge<I: Iterator<Item = R>>(mut self, last: I) -> io::Result<Merge<R, I>> {
        // At most `FAN_IN` runs are read at once: the smallest are merged first.
        while self.runs.len() > FAN_IN {
            let level = self.runs[self.runs.len() - FAN_IN].0;
            self.merge_last(FAN_IN, level)?;
        }
        Merge::new(self.runs.into_iter().map(|(_, f)| f).collect(), last)
    }
}

/// Writes records to a new temporary file (in `folder`, or the system's temporary
/// folder), and rewinds it for reading.
fn write_run<R: Record>(
    folder: Option<&Path>,
    records: impl Iterator<Item = io::Result<R>>,
) -> io::Result<File> {
    let mut file = match folder {
        Some(folder) => tempfile::tempfile_in(folder)?,
        None => tempfile::tempfile()?,
    };
    {
        let mut out = BufWriter::with_capacity(READ_BUFFER, &mut file);
        for record in records {
            record?.write_to(&mut out)?;
        }
        out.flush()?;
    }
    file.seek(SeekFrom::Start(0))?;
    Ok(file)
}

/// One record waiting in the merge, with the source it came from: a run's index, or
/// `usize::MAX` for the in-memory records.
struct Head<R> {
    record: R,
    source: usize,
}

impl<R: Ord> PartialEq for Head<R> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<R: Ord> Eq for Head<R> {}

impl<R: Ord> PartialOrd for Head<R> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<R: Ord> Ord for Head<R> {
    /// By record, and by source between equal records, so that the merge is the same
    /// from run to run.
    fn cmp(&self, other: &Self) -> Ordering {
        self.record
            .cmp(&other.record)
            .then(self.source.cmp(&other.source))
    }
}

const IN_MEMORY: usize = usize::MAX;

/// The records of several sorted runs and of one sorted iterator, in order.
pub struct Merge<R, I> {
    readers: Vec<BufReader<File>>,
    last: I,
    heap: BinaryHeap<Reverse<Head<R>>>,
    /// The first error met; the merge ends after giving it.
    failed: bool,
}

impl<R: Record, I: Iterator<Item = R>> Merge<R, I> {
    fn new(runs: Vec<File>, mut last: I) -> io::Result<Self> {
        let mut readers: Vec<BufReader<File>> = runs
            .into_iter()
            .map(|f| BufReader::with_capacity(READ_BUFFER, f))
            .collect();
        let mut heap = BinaryHeap::with_capacity(readers.len() + 1);
        for (source, reader) in readers.iter_mut().enumerate() {
            if let Some(record) = R::read_from(reader)? {
                heap.push(Reverse(Head { record, source }));
            }
        }
        if let Some(record) = last.next() {
            heap.push(Reverse(Head {
                record,
                source: IN_MEMORY,
            }));
        }
        Ok(Merge {
            readers,
            last,
            heap,
            failed: false,
        })
    }
}

impl<R: Record, I: Iterator<Item = R>> Iterator for Merge<R, I> {
    type Item = io::Result<R>;

    fn next(&mut self) -> Option<io::Result<R>> {
        if self.failed {
            return None;
        }
        let Reverse(Head { record, source }) = self.heap.pop()?;
        let next = if source == IN_MEMORY {
            Ok(self.last.next())
        } else {
            R::read_from(&mut self.readers[source])
        };
        match next {
            Ok(Some(next)) => self.heap.push(Reverse(Head {
                record: next,
                source,
            })),
            Ok(None) => {}
            Err(e) => {
                self.failed = true;
                return Some(Err(e));
            }
        }
        Some(Ok(record))
    }
}

/// The problem of a temporary file that failed while kaohe was `doing` something (`"check
/// that no unit is named twice"`) with many `what` (`"the names of many units are
/// checked"`).
pub fn failed(doing: &str, what: &str, e: &io::Error) -> crate::diagnostic::Diagnostic {
    let reason = crate::diagnostic::io_reason(e, "no such folder");
    crate::diagnostic::Diagnostic::error(
        crate::diagnostic::codes::TEMPORARY,
        format!("cannot {doing}: a temporary file failed: {reason}"),
    )
    .help(format!(
        "{what} in temporary files in the system's temporary folder: free some space there, or set `TMPDIR` to a folder with room"
    ))
}

/// An error reading a run back, as the `io::Error` of a writer that was writing what
/// the merge gave: kept whole, so that whoever reports the writer's error can tell it
/// apart and report it as [`failed`] says.
#[derive(Debug)]
pub struct ReadBack {
    /// What kaohe was doing (`"rank the units"`) and with what (see [`failed`]).
    pub doing: &'static str,
    pub what: &'static str,
    pub error: io::Error,
}

impl std::fmt::Display for ReadBack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a temporary file failed: {}", self.error)
    }
}

impl std::error::Error for ReadBack {}

impl ReadBack {
    /// The problem to report.
    pub fn diagnostic(&self) -> crate::diagnostic::Diagnostic {
        failed(self.doing, self.what, &self.error)
    }
}

/// Reads exactly `buf.len()` bytes, or none at the end of the input: `false` then.
/// A record cut short is an error.
pub fn read_exact_or_end(input: &mut dyn BufRead, buf: &mut [u8]) -> io::Result<bool> {
    if buf.is_empty() {
        return Ok(true);
    }
    if input.fill_buf()?.is_empty() {
        return Ok(false);
    }
    input.read_exact(buf)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record of a key and a sequence number, written as two little-endian words.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    struct Pair(u64, u64);

    impl Record for Pair {
        fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
            out.write_all(&self.0.to_le_bytes())?;
            out.write_all(&self.1.to_le_bytes())
        }

        fn read_from(input: &mut dyn BufRead) -> io::Result<Option<Self>> {
            let mut bytes = [0u8; 16];
            if !read_exact_or_end(input, &mut bytes)? {
                return Ok(None);
            }
            let word = |at: usize| {
                let mut w = [0u8; 8];
                w.copy_from_slice(&bytes[at..at + 8]);
                u64::from_le_bytes(w)
            };
            Ok(Some(Pair(word(0), word(8))))
        }
    }

    /// Sorts `keys` in buffers of `buffer` records, as a caller of `Runs` does.
    fn sorted(keys: &[u64], buffer: usize) -> (Vec<Pair>, usize) {
        let mut runs = Runs::new();
        let mut most = 0;
        let mut held = Vec::new();
        for (seq, &k) in keys.iter().enumerate() {
            held.push(Pair(k, seq as u64));
            if held.len() == buffer {
                held.sort();
                runs.add(std::mem::take(&mut held)).expect("writes a run");
                most = most.max(runs.len());
            }
        }
        held.sort();
        let out = runs
            .merge(held.into_iter())
            .expect("merges")
            .collect::<io::Result<Vec<_>>>()
            .expect("reads back");
        (out, most)
    }

    /// Pseudo-random keys with many repeats.
    fn keys(n: usize) -> Vec<u64> {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % 97
            })
            .collect()
    }

    #[test]
    fn merged_runs_give_every_record_in_order() {
        let keys = keys(5_000);
        let mut expected: Vec<Pair> = keys
            .iter()
            .enumerate()
            .map(|(s, &k)| Pair(k, s as u64))
            .collect();
        expected.sort();
        for buffer in [1, 7, 100, 4_999, 5_000, 10_000] {
            let (out, most) = sorted(&keys, buffer);
            assert_eq!(out, expected, "buffer of {buffer}");
            // 5,000 runs of one record make three levels of merges, each keeping
            // fewer than `FAN_IN` runs.
            assert!(
                most < 3 * FAN_IN,
                "{most} runs kept with a buffer of {buffer}"
            );
        }
    }

    #[test]
    fn no_records_merge_to_none() {
        let (out, _) = sorted(&[], 3);
        assert!(out.is_empty());
    }

    #[test]
    fn a_run_cut_short_is_an_error() {
        let mut input: &[u8] = &[1, 2, 3];
        let e = Pair::read_from(&mut input).expect_err("a record of 3 bytes");
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);
        let mut empty: &[u8] = &[];
        assert!(Pair::read_from(&mut empty).expect("reads").is_none());
    }
}
