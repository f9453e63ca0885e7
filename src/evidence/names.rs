//! Every unit name read so far, and where: what finds a unit named twice, in two rows
//! of a sheet or in two files.
//!
//! Names are kept in memory, each with two places of a dozen bytes or so, up to a
//! budget ([`super::Limits::names_in_memory`]). Past it, reading goes on keeping only
//! a 64-bit hash of each name, and those too go to sorted runs in temporary files
//! once there are as many ([`crate::spill`]), so that memory does not grow with the
//! units. When the files are read, the runs are merged: a hash met twice marks a name
//! given twice, or two names that collide (rarely). If any is met, the files are read
//! a second time keeping, exactly as before, only the names with those hashes, and the
//! second reading's problems are the answer: the same, in the same order, as if every
//! name had been kept. A second reading keeps at most
//! [`super::Limits::names_again_at_once`] of those names, reading again for the next
//! batch until one finds a problem ([`Suspects`]). It needs files that can be read
//! again; evidence from anything else (a pipe) keeps every name in memory.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::io::{self, BufRead, Write};

use super::{place, Given};
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::span::Span;
use crate::spill::{read_exact_or_end, Merge, Record, Runs};

/// The most characters a unit's name may have. The longest name of an office in China
/// is a few dozen characters; a report puts the name in a heading, a cell and a sheet
/// name, and a workbook refuses a cell of more than 32,767 characters.
pub const NAME_MAX_CHARS: usize = 200;

/// What is wrong with a unit's name (trimmed, as its file or cell writes it), if
/// anything: more than [`NAME_MAX_CHARS`] characters, or a control or bidirectional
/// character ([`crate::safe::is_hidden`]), which would act on the terminal or
/// reorder the text of every report that shows the name. The message and the help of
/// a `kaohe::evidence::bad_name` error.
pub fn bad_name(name: &str) -> Option<(String, String)> {
    let count = name.chars().count();
    if count > NAME_MAX_CHARS {
        let start: String = name.chars().take(20).collect();
        return Some((
            format!(
                "the unit's name `{}…` has {count} characters, more than {NAME_MAX_CHARS}",
                crate::safe::visible(&start)
            ),
            format!("a unit's name has at most {NAME_MAX_CHARS} characters; write the unit's name alone, such as `蓬江区`"),
        ));
    }
    let (at, hidden) = name
        .chars()
        .enumerate()
        .find(|(_, c)| crate::safe::is_hidden(*c))?;
    let kind = if crate::safe::is_bidi(hidden) {
        "a bidirectional formatting character"
    } else {
        "a control character"
    };
    Some((
        format!(
            "the unit's name `{}` holds {kind}, `\\u{{{:x}}}`",
            crate::safe::visible(name),
            u32::from(hidden)
        ),
        format!(
            "character {} of the name cannot be shown in a report as it is; delete it (a tab, a line break, an escape or a right-to-left mark has no place in a name)",
            at + 1
        ),
    ))
}

/// Every unit name read so far, once, and where (see the module's documentation).
#[derive(Default)]
pub(super) struct Names {
    /// Hashed with foldhash, faster than std's SipHash on short names. Its seed is
    /// random, as std's is, so a file cannot simply be written to make its names
    /// collide; foldhash claims less resistance to that than SipHash, which a file of
    /// evidence, written by the people assessed or for them, does not need.
    seen: HashMap<Box<str>, Seen, foldhash::fast::RandomState>,
    /// Each file read, in order: its name, and how messages name its units' place
    /// (`what`, known once it gives a unit).
    files: Vec<(String, String)>,
    /// The names kept in `seen` before they are only hashed; `None` keeps them all.
    budget: Option<usize>,
    /// Where the temporary files are made: the system's temporary folder if `None`.
    folder: Option<std::path::PathBuf>,
    hasher: NameHasher,
    /// The hashes of the names read since `seen` was full.
    hashed: Option<Hashed>,
    /// In a second reading, the hashes of the names to keep: a batch of those given
    /// more than once in the first. The others are passed over: a name given once
    /// cannot be named twice, and the other batches are read in readings of their own.
    only: Option<HashSet<u64>>,
}

/// The 64-bit hash of a name, of a random seed. Two names may collide (for a
/// million names, about once in thirty million runs); that costs a second reading,
/// which keeps the names themselves, never a wrong answer.
#[derive(Clone, Default)]
pub(super) struct NameHasher {
    seed: foldhash::quality::RandomState,
    /// For tests: every name hashes to its length in characters modulo 3, as if
    /// names collided in three groups.
    collide: bool,
}

impl NameHasher {
    pub(super) fn new(collide: bool) -> Self {
        NameHasher {
            collide,
            ..NameHasher::default()
        }
    }

    fn hash(&self, name: &str) -> u64 {
        if self.collide {
            return (name.chars().count() % 3) as u64;
        }
        self.seed.hash_one(name)
    }
}

/// The hashes of the names read once `seen` was full: the last in memory, the rest in
/// sorted runs.
struct Hashed {
    held: Vec<u64>,
    budget: usize,
    runs: Runs<u64>,
    /// The hashes of the names given more than once before they were hashed: the
    /// first reading reported those exactly, so they alone need no second reading,
    /// but a second reading made for others must keep them too.
    early: HashSet<u64>,
    /// The first error of a temporary file; the hashes after it are not kept.
    error: Option<io::Error>,
}

impl Hashed {
    fn push(&mut self, hash: u64) {
        if self.error.is_some() {
            return;
        }
        self.held.push(hash);
        if self.held.len() >= self.budget {
            self.held.sort_unstable();
            if let Err(e) = self.runs.add(self.held.drain(..)) {
                self.error = Some(e);
                self.held = Vec::new();
            }
        }
    }
}

impl Record for u64 {
    fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&self.to_le_bytes())
    }

    fn read_from(input: &mut dyn BufRead) -> io::Result<Option<Self>> {
        let mut bytes = [0u8; 8];
        Ok(read_exact_or_end(input, &mut bytes)?.then(|| u64::from_le_bytes(bytes)))
    }
}

/// What the hashes of a first reading say.
pub(super) enum Repeated {
    /// No name was hashed, or none twice: the first reading found every name given
    /// twice.
    Nothing,
    /// The first hashes of the names given more than once (or colliding), and the
    /// rest: a second reading, keeping these, finds them.
    Names(HashSet<u64>, Suspects),
    /// A temporary file failed: names given twice may have been missed.
    Failed(Diagnostic),
}

/// The hashes met more than once, taken from the merged runs a batch at a time, so
/// that a second reading keeps at most a batch of names however many are given twice.
pub(super) struct Suspects {
    merged: Merge<u64, std::vec::IntoIter<u64>>,
    /// The last hash taken from the runs, and the last put in a batch.
    previous: Option<u64>,
    last: Option<u64>,
    /// The hashes of the names given twice before hashing began: every batch keeps
    /// them, since the first reading found their second units, which a second
    /// reading must find again.
    early: HashSet<u64>,
    at_once: usize,
}

impl Suspects {
    /// The next batch of at most `at_once` hashes met more than once, with the early
    /// ones; `None` when none is left.
    pub(super) fn batch(&mut self) -> Result<Option<HashSet<u64>>, Diagnostic> {
        let mut batch = HashSet::new();
        while batch.len() < self.at_once {
            let Some(hash) = self.merged.next() else {
                break;
            };
            let hash = hash.map_err(|e| failed(&e))?;
            if self.previous == Some(hash) && self.last != Some(hash) {
                batch.insert(hash);
                self.last = Some(hash);
            }
            self.previous = Some(hash);
        }
        if batch.is_empty() {
            return Ok(None);
        }
        batch.extend(self.early.iter().copied());
        Ok(Some(batch))
    }
}

/// The problem of a temporary file of the names that failed.
fn failed(e: &io::Error) -> Diagnostic {
    crate::spill::failed(
        "check that no unit is named twice",
        "the names of many units are checked",
        e,
    )
}

/// Where a unit name was given.
#[derive(Debug, Clone, Copy)]
struct Seen {
    /// The first row to name it, valid or not, in the last sheet that did.
    row: Option<At>,
    /// The first valid unit of that name, and its name's span (start and length).
    unit: Option<(At, [u32; 2])>,
    /// Whether the name was given again after the first time: kept for when the names
    /// are hashed from then on, so that it is known to be given twice.
    repeated: bool,
}

/// A place in the files read: the file (its index in [`Names::files`]), the chunk of
/// it (0 but in large CSV files), and the row of a sheet (0-based; [`At::NO_ROW`] for
/// a unit's own file). Counts beyond `u32` (four billion rows) saturate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct At {
    file: u32,
    pub(super) chunk: u32,
    row: u32,
}

impl At {
    const NO_ROW: u32 = u32::MAX;

    pub(super) fn new(file: usize, chunk: usize, row: Option<usize>) -> At {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        At {
            file: small(file),
            chunk: small(chunk),
            row: row.map_or(At::NO_ROW, |r| small(r).min(At::NO_ROW - 1)),
        }
    }

    pub(super) fn row(self) -> Option<usize> {
        (self.row != At::NO_ROW).then_some(self.row as usize)
    }
}

impl Names {
    /// Names kept in memory up to the limit, and hashed with `hasher` past it.
    pub(super) fn bounded(limits: &super::Limits, hasher: NameHasher) -> Self {
        Names {
            budget: Some(limits.names_in_memory),
            folder: limits.temporary_folder.clone(),
            hasher,
            ..Names::default()
        }
    }

    /// Only the names whose hashes (by `hasher`) are in `only` kept, in memory.
    pub(super) fn only(only: HashSet<u64>, hasher: NameHasher) -> Self {
        Names {
            hasher,
            only: Some(only),
            ..Names::default()
        }
    }

    /// Whether `name` is to be kept in `seen`: not once names are hashed (its hash is
    /// kept), nor in a second reading that passes it over.
    fn keeps(&mut self, name: &str) -> bool {
        if let Some(hashed) = &mut self.hashed {
            hashed.push(self.hasher.hash(name));
            return false;
        }
        match &self.only {
            Some(only) => only.contains(&self.hasher.hash(name)),
            None => true,
        }
    }

    /// Once `seen` holds more names than the budget, hashes them (noting those given
    /// more than once) and keeps only hashes from then on.
    fn mind_budget(&mut self) {
        let Some(budget) = self.budget else { return };
        if self.seen.len() <= budget {
            return;
        }
        let mut hashed = Hashed {
            held: Vec::with_capacity(budget.max(1)),
            budget: budget.max(1),
            runs: match &self.folder {
                Some(folder) => Runs::in_folder(folder.clone()),
                None => Runs::new(),
            },
            early: HashSet::new(),
            error: None,
        };
        for (name, seen) in std::mem::take(&mut self.seen) {
            let hash = self.hasher.hash(&name);
            hashed.push(hash);
            if seen.repeated {
                hashed.early.insert(hash);
            }
        }
        self.hashed = Some(hashed);
    }

    /// What the hashes say once every file is read.
    pub(super) fn repeated(self, at_once: usize) -> Repeated {
        let Some(Hashed {
            mut held,
            runs,
            early,
            error,
            ..
        }) = self.hashed
        else {
            return Repeated::Nothing;
        };
        if let Some(e) = error {
            return Repeated::Failed(failed(&e));
        }
        held.sort_unstable();
        let merged = match runs.merge(held.into_iter()) {
            Ok(merged) => merged,
            Err(e) => return Repeated::Failed(failed(&e)),
        };
        let mut suspects = Suspects {
            merged,
            previous: None,
            last: None,
            early,
            at_once: at_once.max(1),
        };
        match suspects.batch() {
            Ok(Some(first)) => Repeated::Names(first, suspects),
            Ok(None) => Repeated::Nothing,
            Err(d) => Repeated::Failed(d),
        }
    }

    /// Starts a file; its index.
    pub(super) fn file(&mut self, name: String) -> usize {
        self.files.push((name, String::new()));
        self.files.len() - 1
    }

    /// A sheet's row names a unit: the first row of the same file (the same reading
    /// of it) to name it, if there is one.
    pub(super) fn row(&mut self, name: &str, at: At) -> Option<At> {
        if !self.keeps(name) {
            return None;
        }
        // Most names are new: the name is copied for the map, and hashed once.
        let first = match self.seen.entry(name.into()) {
            Entry::Occupied(mut seen) => {
                seen.get_mut().repeated = true;
                match seen.get().row {
                    Some(first) if first.file == at.file => Some(first),
                    _ => {
                        seen.get_mut().row = Some(at);
                        None
                    }
                }
            }
            Entry::Vacant(vacant) => {
                vacant.insert(Seen {
                    row: Some(at),
                    unit: None,
                    repeated: false,
                });
                None
            }
        };
        self.mind_budget();
        first
    }

    /// A valid unit: the problem that an earlier unit has its name, if one has.
    pub(super) fn unit(&mut self, given: &Given<'_>, at: At) -> Option<Diagnostic> {
        let file = at.file as usize;
        if self.files[file].1.is_empty() {
            self.files[file].1 = given.what.to_string();
        }
        let unit = &given.unit;
        // A sheet's row was hashed, or passed over, as its name was read.
        let kept = match (&self.hashed, at.row()) {
            (Some(_), Some(_)) => false,
            _ => self.keeps(&unit.name),
        };
        if !kept {
            return None;
        }
        let span = {
            let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            [small(unit.name_span.start), small(unit.name_span.len())]
        };
        match self.seen.get_mut(unit.name.as_str()) {
            Some(Seen {
                unit: Some((first, first_span)),
                repeated,
                ..
            }) => {
                *repeated = true;
                let (first, first_span) = (*first, *first_span);
                Some(self.duplicate(first, first_span, given, at))
            }
            Some(seen) => {
                seen.unit = Some((at, span));
                None
            }
            None => {
                let seen = Seen {
                    row: None,
                    unit: Some((at, span)),
                    repeated: false,
                };
                self.seen.insert(unit.name.as_str().into(), seen);
                self.mind_budget();
                None
            }
        }
    }

    /// A unit named a second time, pointing at the second and naming the first; the
    /// first is pointed at too when it lies in the same text (the same file, and
    /// chunk).
    fn duplicate(&self, first: At, span: [u32; 2], again: &Given<'_>, at: At) -> Diagnostic {
        let source = &again.unit.source;
        let (first_file, first_what) = &self.files[first.file as usize];
        let same_file = first_file == source.name();
        let d = Diagnostic::error(
            codes::EVIDENCE_DUPLICATE,
            if same_file {
                msg!("evidence-twice".rows, name = &again.unit.name)
            } else {
                msg!("evidence-twice", name = &again.unit.name)
            },
        )
        .primary(again.unit.name_span, msg!("evidence-twice".label))
        .help(msg!(
            "evidence-twice".help,
            first = place(first_what, first.row())
        ))
        .with_source(source);
        if same_file && first.chunk == at.chunk {
            let start = span[0] as usize;
            d.label(
                Span::new(start, start + span[1] as usize),
                msg!("evidence-twice".first),
            )
        } else {
            d
        }
    }
}
