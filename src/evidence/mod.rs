//! Evidence: the facts collected for each assessed unit, read from TOML or JSON (one
//! unit per file) or from CSV and XLSX (one unit per row), and checked against a
//! rubric before anything is scored.
//!
//! An evidence file names the unit and, for each item, the facts the rule file
//! declares (`["决策预公开"]` then `"未做意见征集" = false`). A spreadsheet row is turned
//! straight into facts (`grid`), typed by the same functions as [`validate`] types a
//! tree's values, so one typing checks every format. Every problem
//! is reported with its place in the file, and a unit with any problem is not scored.
//!
//! Evidence is read as a stream ([`stream`]): each valid unit is handed on as soon as
//! it is read, and a CSV file is read a chunk of rows at a time (`delimited`), so that
//! a file of any number of rows is read in bounded memory; only the units' names are
//! kept, to find a unit named twice, and at most [`MAX_PROBLEMS`] problems of a file.
//! [`load_all`] and [`load_file`] collect what the stream gives.

pub mod arith;
pub mod cell;
pub mod columns;
mod dates;
mod delimited;
mod grid;
mod members;
mod names;
mod number;
mod other_rubric;
mod problem;

use names::{At, NameHasher, Names, Repeated};
pub(crate) mod condition;
pub(crate) mod periods;
mod value;
mod workbook;

// The files read as text and the tree read from TOML, JSON and YAML are `input`'s;
// this module's files name them as `super::raw` and `super::encoding`, and kaohe's
// users as `evidence::read` and the rest.
use crate::input::{encoding, raw};
pub use crate::input::{read_source, Encoding};
pub use grid::RowUnit as Loaded;
pub use members::{MemberCounts, MemberSet};
pub use problem::{
    CellError, EvidenceError, FileError, Found, NoDayWhy, NoSuchDay, PartProblem, ScoreField,
    Unread, Unreadable, Want, WorkbookError,
};
pub use raw::{read, Format, Node, Raw};
pub use value::{validate, Fact, Facts, Period, Unit, Value, MAX_COUNT};

use std::path::{Path, PathBuf};

use crate::diagnostic::msg;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;
use crate::span::Span;

/// The top-level key of a case file (`kaohe test`) that holds the case's
/// expectations: evidence leaves it aside, so that a case file is also evidence.
pub const EXPECT: &str = "expect";

/// The extensions of evidence files, as messages list them.
const EXTENSIONS: &str = "`.toml`, `.json`, `.yaml`, `.csv` or `.xlsx`";

/// Spreadsheet files kaohe does not read, by extension, with what they are: refused
/// by name, and in a folder too, so that no unit's evidence is silently left out.
fn unread_spreadsheet(path: &Path) -> Option<Unread> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "et" | "ett" => Some(Unread::Et),
        "xls" => Some(Unread::Xls),
        "xlsm" | "xlsb" => Some(Unread::Xlsm),
        "ods" => Some(Unread::Ods),
        _ => None,
    }
}

fn refuse_spreadsheet(path: &Path, what: Unread) -> Diagnostic {
    FileError::Spreadsheet {
        path: path.display().to_string(),
        what,
    }
    .into()
}

/// The evidence files named on the command line: files as they are, directories
/// searched (not recursively) for evidence files, in name order.
pub fn collect_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| {
                Diagnostic::from(FileError::Folder {
                    path: path.display().to_string(),
                    io: crate::input::IoProblem::of(&e),
                })
            })?;
            let found: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
            // A named pipe or a device named as evidence in the folder is refused, not
            // left out: reading it would hang or never end.
            if let Some((p, meta)) = found.iter().find_map(|p| {
                let meta = std::fs::metadata(p).ok()?;
                let named = Format::of(p).is_some() || unread_spreadsheet(p).is_some();
                (named && !meta.is_file() && !meta.is_dir()).then_some((p, meta))
            }) {
                return Err(crate::input::not_a_file(p, &meta));
            }
            let mut found: Vec<PathBuf> = found
                .into_iter()
                // Excel keeps a `~$name.xlsx` lock file beside a workbook it has open.
                .filter(|p| {
                    p.is_file()
                        && (Format::of(p).is_some() || unread_spreadsheet(p).is_some())
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with("~$"))
                })
                .collect();
            found.sort();
            if let Some((p, what)) = found
                .iter()
                .find_map(|p| unread_spreadsheet(p).map(|w| (p, w)))
            {
                return Err(refuse_spreadsheet(p, what));
            }
            if found.is_empty() {
                return Err(FileError::EmptyFolder {
                    path: path.display().to_string(),
                }
                .into());
            }
            out.extend(found);
        } else if let Some(what) = unread_spreadsheet(path) {
            return Err(refuse_spreadsheet(path, what));
        } else if Format::of(path).is_some() || !path.exists() {
            out.push(path.clone());
        } else {
            return Err(FileError::NotEvidence {
                path: path.display().to_string(),
            }
            .into());
        }
    }
    Ok(out)
}

/// How evidence files are read: what `kaohe eval --encoding` and `--sheet` say.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The encoding of CSV files; `None`: detected (UTF-8, or GB18030).
    pub encoding: Option<Encoding>,
    /// The worksheet of XLSX files; `None`: the first visible one with an evidence
    /// header.
    pub sheet: Option<String>,
}

/// Every valid unit of one file, every problem in it, and the warnings about how it
/// was read (an encoding detected, a unit's name normalised, a sheet not read).
#[derive(Debug, Clone, Default)]
pub struct FileEvidence {
    pub units: Vec<Loaded>,
    pub problems: Vec<Diagnostic>,
    pub notes: Vec<Diagnostic>,
}

/// Every unit of a set of evidence files, or every problem; and the warnings about
/// how they were read, which do not stop the scoring.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub units: Result<Vec<Unit>, Vec<Diagnostic>>,
    pub notes: Vec<Diagnostic>,
}

/// Reads and validates the evidence of one unit against a rubric. A CSV or XLSX file
/// is accepted when it holds exactly one unit.
pub fn load(rubric: &crate::check::Rubric, path: &Path) -> Result<Unit, Vec<Diagnostic>> {
    if let Some(Format::Csv | Format::Xlsx) = Format::of(path) {
        let (mut units, problems) = load_file(rubric, path);
        if !problems.is_empty() {
            return Err(problems);
        }
        if units.len() != 1 {
            return Err(vec![FileError::UnitsNotOne {
                path: path.display().to_string(),
                count: units.len(),
            }
            .into()]);
        }
        return Ok(units.remove(0).unit);
    }
    load_one(rubric, path).map(|unit| normalised(unit).0)
}

/// Reads and validates a TOML, JSON or YAML file, its unit's name as written.
fn load_one(rubric: &crate::check::Rubric, path: &Path) -> Result<Unit, Vec<Diagnostic>> {
    let source = read_source(path).map_err(|d| vec![d])?;
    let format = Format::of(path).unwrap_or(Format::Toml);
    let node = read(&source, format).map_err(|d| vec![d])?;
    validate(rubric, &source, &node)
}

/// A unit whose name is read as a spreadsheet's unit names are ([`cell::normalise_name`]),
/// so that one unit has one name in every format; and the warning, when that changed it.
fn normalised(mut unit: Unit) -> (Unit, Option<Diagnostic>) {
    let name = cell::normalise_name(&unit.name);
    if name == unit.name {
        return (unit, None);
    }
    let note = Diagnostic::from(FileError::NameReadAs {
        span: unit.name_span,
        written: unit.name.clone(),
        name: name.clone(),
    })
    .with_source(&unit.source);
    unit.name = name;
    (unit, Some(note))
}

/// Every valid unit of one evidence file, and every problem in it: one unit for TOML,
/// JSON and YAML, one per row for CSV and XLSX. CSV files are read in the encoding
/// detected, workbooks from their first visible sheet with an evidence header.
pub fn load_file(rubric: &crate::check::Rubric, path: &Path) -> (Vec<Loaded>, Vec<Diagnostic>) {
    let read = load_file_with(rubric, path, &Options::default());
    (read.units, read.problems)
}

/// As [`load_file`], read as `options` say, with the warnings about how it was read.
/// (The file's units are all kept; [`stream`] reads a large file in bounded memory.)
pub fn load_file_with(
    rubric: &crate::check::Rubric,
    path: &Path,
    options: &Options,
) -> FileEvidence {
    let mut units = Vec::new();
    let (problems, notes) = read_file(
        rubric,
        path,
        options,
        &Limits::default(),
        &mut Names::default(),
        &mut || {},
        &mut |given| {
            units.push(Loaded {
                place: given.place(),
                unit: given.unit,
            });
        },
    );
    FileEvidence {
        units,
        problems,
        notes,
    }
}

/// The problems kept of one file, at most: one more says how many are not shown.
pub const MAX_PROBLEMS: usize = 1000;

/// How evidence is read in bounded memory: how large a CSV file's chunks are, how much
/// of it its encoding is detected from, and how many problems (and as many warnings)
/// of one file are kept. Tests make them small, to read a small file as a large one is
/// read.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct Limits {
    /// A CSV file's chunk of rows ends at the first row boundary after this many bytes
    /// of text (the first holds at least 70 rows, among which the header is looked
    /// for).
    pub chunk_bytes: usize,
    /// The bytes at the start of a CSV file its encoding is told from.
    pub sniff_bytes: usize,
    /// The problems, and the warnings, kept of one file.
    pub max_problems: usize,
    /// The unit names kept in memory; past them, names are hashed to temporary files
    /// and checked when every file is read (`names.rs`).
    pub names_in_memory: usize,
    /// The names met twice that a second reading keeps at once; past them, it reads
    /// again for the next (`names.rs`).
    pub names_again_at_once: usize,
    /// Where those temporary files are made: the system's temporary folder if `None`.
    pub temporary_folder: Option<PathBuf>,
    /// For tests: every name hashed past `names_in_memory` collides with every other,
    /// so that they are all read a second time.
    pub names_collide: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // A chunk keeps its text and where each row lies in it; a row's cells
            // are made when it is read. 1 MiB of text is about 2,400 rows of the
            // 2020 county table.
            chunk_bytes: 1 << 20,
            sniff_bytes: encoding::SNIFF,
            max_problems: MAX_PROBLEMS,
            // Some 100 bytes a name in memory: about 7 MB.
            names_in_memory: 1 << 16,
            names_again_at_once: 1 << 16,
            temporary_folder: None,
            names_collide: false,
        }
    }
}

/// What reading a set of evidence files gives besides its units: every problem (with
/// any, no unit may be scored) and the warnings about how the files were read.
#[derive(Debug, Clone, Default)]
pub struct Streamed {
    pub problems: Vec<Diagnostic>,
    pub notes: Vec<Diagnostic>,
}

/// Reads and validates every evidence file and folder named, giving each valid unit
/// to `on_unit` as soon as it is read, so that the units are never all held at once:
/// a CSV file is read in chunks of rows, whatever its size. `progress` is called with
/// the number of units (files or rows) read so far after each one. A unit named twice
/// (in two files, or two rows) is a problem. Only the names of the units read are
/// kept, to find those: in memory up to [`Limits::names_in_memory`], in which case only
/// the first of two units of one name is given; past that as hashes in temporary
/// files, checked when every file is read, and a unit named twice is then found by a
/// second reading, after both units were given (`names.rs`).
///
/// The problems of a file come in the order of its chunks, each chunk's by place
/// ([`crate::diagnostic::sort`]), then a chunk's units named in an earlier file; at
/// most [`MAX_PROBLEMS`] problems and as many warnings are kept of one file, and one
/// more says how many were not. The caller decides what to do with the units given
/// when there are problems: `kaohe eval` scores none of them then.
pub fn stream(
    rubric: &crate::check::Rubric,
    paths: &[PathBuf],
    options: &Options,
    progress: &mut dyn FnMut(usize),
    on_unit: &mut dyn FnMut(Unit),
) -> Streamed {
    stream_with(
        rubric,
        paths,
        options,
        &Limits::default(),
        progress,
        on_unit,
    )
}

/// As [`stream`], within the limits given.
#[doc(hidden)]
pub fn stream_with(
    rubric: &crate::check::Rubric,
    paths: &[PathBuf],
    options: &Options,
    limits: &Limits,
    progress: &mut dyn FnMut(usize),
    on_unit: &mut dyn FnMut(Unit),
) -> Streamed {
    let files = match collect_paths(paths) {
        Ok(files) => files,
        Err(d) => {
            return Streamed {
                problems: vec![d],
                notes: Vec::new(),
            }
        }
    };
    // Names beyond the budget are checked by a second reading, for which the files
    // must be there to read again.
    let rereadable = files
        .iter()
        .all(|f| std::fs::metadata(f).is_ok_and(|m| m.is_file()));
    let hasher = NameHasher::new(limits.names_collide);
    let mut names = if rereadable {
        Names::bounded(limits, hasher.clone())
    } else {
        Names::default()
    };
    let mut read = 0;
    let mut out = read_files(
        rubric,
        &files,
        options,
        limits,
        &mut names,
        &mut |given| on_unit(given.unit),
        &mut || {
            read += 1;
            progress(read);
        },
    );
    let (mut batch, mut suspects) = match names.repeated(limits.names_again_at_once) {
        Repeated::Nothing => return out,
        Repeated::Failed(d) => {
            out.problems.push(d);
            return out;
        }
        Repeated::Names(first, suspects) => (first, suspects),
    };
    // Read again for the problems only, the units having been given the first time,
    // keeping a batch of the names met twice at a time: the first batch whose reading
    // finds a problem has the answer.
    loop {
        let mut names = Names::only(batch, hasher.clone());
        let mut again = read_files(
            rubric,
            &files,
            options,
            limits,
            &mut names,
            &mut |_| {},
            &mut || {},
        );
        let next = suspects.batch();
        if again.problems.is_empty() {
            match next {
                Ok(Some(next)) => batch = next,
                Ok(None) => return out,
                Err(d) => {
                    out.problems.push(d);
                    return out;
                }
            }
            continue;
        }
        // Names of later batches were not looked at: some units named twice are
        // not shown.
        if !matches!(next, Ok(None)) {
            again.problems.push(
                FileError::NamesAgain {
                    count: limits.names_again_at_once.max(1),
                }
                .into(),
            );
        }
        return again;
    }
}

/// Reads every file in turn with `names` (see [`stream_with`]).
fn read_files(
    rubric: &crate::check::Rubric,
    files: &[PathBuf],
    options: &Options,
    limits: &Limits,
    names: &mut Names,
    on_unit: &mut dyn FnMut(Given<'_>),
    progress: &mut dyn FnMut(),
) -> Streamed {
    let mut out = Streamed::default();
    for file in files {
        let (mut problems, mut notes) =
            read_file(rubric, file, options, limits, names, progress, on_unit);
        out.problems.append(&mut problems);
        out.notes.append(&mut notes);
    }
    out
}

/// Reads and validates every evidence file and folder named, calling `progress` with
/// the number of units (files or rows) read so far after each one. Every problem of every file is
/// returned, a unit named twice (in two files, or two rows) among them; with any
/// problem no unit is given, so nothing is scored from invalid evidence.
pub fn load_all(
    rubric: &crate::check::Rubric,
    paths: &[PathBuf],
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<Unit>, Vec<Diagnostic>> {
    load_all_with(rubric, paths, &Options::default(), progress).units
}

/// As [`load_all`], read as `options` say, with the warnings about how the files were
/// read (given whether or not the evidence has problems). The units are all kept:
/// [`stream`] hands them on one by one.
pub fn load_all_with(
    rubric: &crate::check::Rubric,
    paths: &[PathBuf],
    options: &Options,
    progress: &mut dyn FnMut(usize),
) -> Evidence {
    let mut units = Vec::new();
    let read = stream(rubric, paths, options, progress, &mut |unit| {
        units.push(unit)
    });
    Evidence {
        units: if read.problems.is_empty() {
            Ok(units)
        } else {
            Err(read.problems)
        },
        notes: read.notes,
    }
}

/// A valid unit as a file gives it, with where it was read.
struct Given<'a> {
    unit: Unit,
    /// The row of a sheet (0-based), or `None` for a unit's own file.
    row: Option<usize>,
    /// The file or sheet, as messages name it: `` `a.csv` ``, `` sheet `证据` of `a.xlsx` ``.
    what: &'a str,
}

impl Given<'_> {
    /// Where the unit was read: `` `a.csv` row 7 ``, or `` `a.toml` ``.
    fn place(&self) -> String {
        place(self.what, self.row)
    }
}

fn place(what: &str, row: Option<usize>) -> String {
    match row {
        Some(row) => msg!("evidence-row", what = what, row = (row + 1).to_string()),
        None => what.to_string(),
    }
}

/// Reads one evidence file, giving each valid unit to `on_unit` unless an earlier one
/// has its name (in this file or another that `names` has seen); `progress` is called
/// after each unit (or row) read, valid or not. Gives the file's problems and warnings.
fn read_file(
    rubric: &crate::check::Rubric,
    path: &Path,
    options: &Options,
    limits: &Limits,
    names: &mut Names,
    progress: &mut dyn FnMut(),
    on_unit: &mut dyn FnMut(Given<'_>),
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let name = path.display().to_string();
    let mut sink = Sink {
        findings: Findings::new(limits.max_problems),
        file: names.file(name.clone()),
        names,
        progress,
        on_unit,
    };
    match Format::of(path).unwrap_or(Format::Toml) {
        Format::Toml | Format::Json | Format::Yaml => {
            (sink.progress)();
            match load_one(rubric, path) {
                Ok(unit) => {
                    let (unit, note) = normalised(unit);
                    if let Some(note) = note {
                        sink.findings.note(note);
                    }
                    let what = format!("`{name}`");
                    let given = Given {
                        unit,
                        row: None,
                        what: &what,
                    };
                    sink.give(given, 0);
                }
                // As `validate` orders them.
                Err(problems) => problems.into_iter().for_each(|d| sink.findings.after(d)),
            }
        }
        Format::Csv => {
            let expected = grid::expected_headers(rubric);
            let sizes = delimited::Sizes {
                chunk: limits.chunk_bytes,
                sniff: limits.sniff_bytes,
            };
            match delimited::open(path, options.encoding, &expected, sizes) {
                Err(d) => sink.findings.fatal(d),
                Ok((mut chunks, note)) => {
                    if let Some(note) = note {
                        sink.findings.note(note);
                    }
                    let mut sheet = grid::SheetReader::new(rubric, expected);
                    let mut read = 0;
                    loop {
                        match chunks.next_chunk() {
                            None => break,
                            Some(Ok(chunk)) => {
                                if read > 0 {
                                    sink.findings.end_chunk(true);
                                }
                                sheet.chunk(&chunk.grid, chunk.first_row, &mut sink);
                                read += 1;
                            }
                            // The rest of the file cannot be read: what was read is
                            // reported, and the reason.
                            Some(Err(d)) => {
                                sink.findings.end_chunk(true);
                                sink.findings.fatal(d);
                                return sink.findings.finish(&name);
                            }
                        }
                    }
                    sheet.finish(&mut sink);
                    sink.findings.end_chunk(read > 1);
                }
            }
        }
        Format::Xlsx => {
            let expected = grid::expected_headers(rubric);
            let has_header = |g: &grid::Grid| grid::has_evidence_header(&expected, g);
            let periods = grid::Side::sheet_names(rubric);
            match workbook::grid(path, options.sheet.as_deref(), &periods, &has_header) {
                Ok(sheets) => {
                    sheets
                        .warnings
                        .into_iter()
                        .for_each(|d| sink.findings.note(d));
                    let mut sheet = grid::SheetReader::new(rubric, expected);
                    if !periods.is_empty() {
                        let mut problems = Vec::new();
                        let what = msg!("sheet-what", path = &name);
                        let side = grid::Side::read(rubric, &sheets.periods, &what, &mut problems);
                        for d in problems {
                            sink.findings.problem(d);
                        }
                        sheet = sheet.with_side(side);
                    }
                    let grid = sheets.units;
                    sheet.chunk(&grid, 0, &mut sink);
                    sheet.finish(&mut sink);
                }
                Err(d) => sink.findings.fatal(d),
            }
        }
    }
    sink.findings.finish(&name)
}

/// Where a sheet's findings go while a file is read.
struct Sink<'a> {
    findings: Findings,
    /// The file's index in `names`.
    file: usize,
    names: &'a mut Names,
    progress: &'a mut dyn FnMut(),
    on_unit: &'a mut dyn FnMut(Given<'_>),
}

impl Sink<'_> {
    /// A valid unit, read from the file's chunk `chunk`: given on, or a problem when an
    /// earlier unit has its name.
    fn give(&mut self, given: Given<'_>, chunk: usize) {
        let at = At::new(self.file, chunk, given.row);
        match self.names.unit(&given, at) {
            Some(d) => self.findings.after(d),
            None => (self.on_unit)(given),
        }
    }
}

impl grid::Found for Sink<'_> {
    fn problem(&mut self, problem: Diagnostic) {
        self.findings.problem(problem);
    }

    fn note(&mut self, note: Diagnostic) {
        self.findings.note(note);
    }

    fn named(&mut self, name: &str, row: usize, chunk: usize) -> Option<(usize, usize)> {
        let first = self.names.row(name, At::new(self.file, chunk, Some(row)))?;
        Some((first.row().unwrap_or_default(), first.chunk as usize))
    }

    fn unit(&mut self, unit: Unit, row: usize, chunk: usize, what: &str) {
        let given = Given {
            unit,
            row: Some(row),
            what,
        };
        self.give(given, chunk);
    }

    fn row(&mut self) {
        (self.progress)();
    }
}

/// The problems and warnings of one file, kept as they are found up to a limit, in
/// bounded memory however many there are. A chunk's problems are sorted by place when
/// the chunk ends; those found against other files (`after`) follow them. Once the
/// file is read in more than one chunk, each diagnostic kept keeps only the lines of
/// its chunk it shows, so that no chunk's text outlives its reading.
struct Findings {
    limit: usize,
    kept: Vec<Diagnostic>,
    /// The current chunk's problems, sorted and kept when it ends.
    pending: Vec<Diagnostic>,
    /// The current chunk's problems that come after its own, in the order found.
    after: Vec<Diagnostic>,
    /// Problems not kept.
    hidden: usize,
    notes: Vec<Diagnostic>,
    /// The current chunk's warnings.
    pending_notes: Vec<Diagnostic>,
    hidden_notes: usize,
}

impl Findings {
    fn new(limit: usize) -> Self {
        Findings {
            limit,
            kept: Vec::new(),
            pending: Vec::new(),
            after: Vec::new(),
            hidden: 0,
            notes: Vec::new(),
            pending_notes: Vec::new(),
            hidden_notes: 0,
        }
    }

    /// How many more problems can be kept.
    fn room(&self) -> usize {
        self.limit.saturating_sub(self.kept.len())
    }

    fn problem(&mut self, d: Diagnostic) {
        if self.room() == 0 {
            self.hidden += 1;
            return;
        }
        self.pending.push(d);
        // A chunk with many problems keeps only those that can be shown: the first
        // by place are the same whether the rest is dropped now or at its end.
        if self.pending.len() >= 2 * self.limit.max(1) {
            self.settle();
        }
    }

    /// Sorts the current chunk's problems, and drops those past the limit.
    fn settle(&mut self) {
        crate::diagnostic::sort(&mut self.pending);
        let room = self.room();
        if self.pending.len() > room {
            self.hidden += self.pending.len() - room;
            self.pending.truncate(room);
        }
    }

    fn after(&mut self, d: Diagnostic) {
        self.after.push(d);
    }

    fn note(&mut self, d: Diagnostic) {
        if self.notes.len() + self.pending_notes.len() >= self.limit {
            self.hidden_notes += 1;
        } else {
            self.pending_notes.push(d);
        }
    }

    /// A problem that ends the reading of the file, given whatever the limit.
    fn fatal(&mut self, d: Diagnostic) {
        self.end_chunk(false);
        self.kept.push(d);
    }

    /// Keeps what the current chunk found. `chunked`: the file is read in more than
    /// one chunk, so each diagnostic keeps only the lines it shows.
    fn end_chunk(&mut self, chunked: bool) {
        self.settle();
        let room = self.room().saturating_sub(self.pending.len());
        let mut after = std::mem::take(&mut self.after);
        if after.len() > room {
            self.hidden += after.len() - room;
            after.truncate(room);
        }
        let trim = |d: Diagnostic| if chunked { excerpted(d) } else { d };
        let pending = std::mem::take(&mut self.pending);
        self.kept.extend(pending.into_iter().chain(after).map(trim));
        let notes = std::mem::take(&mut self.pending_notes);
        self.notes.extend(notes.into_iter().map(trim));
    }

    /// The file's problems and warnings, each list ending with one that says how many
    /// more were not kept, if any.
    fn finish(mut self, name: &str) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        self.end_chunk(false);
        let source = SourceFile::new(name, String::new());
        if self.hidden > 0 {
            self.kept.push(
                Diagnostic::from(FileError::Hidden {
                    name: name.to_string(),
                    count: self.hidden,
                    limit: self.limit,
                })
                .with_source(&source),
            );
        }
        if self.hidden_notes > 0 {
            self.notes.push(
                Diagnostic::from(FileError::HiddenNotes {
                    name: name.to_string(),
                    count: self.hidden_notes,
                    limit: self.limit,
                })
                .with_source(&source),
            );
        }
        (self.kept, self.notes)
    }
}

/// A diagnostic that keeps, of its source, only the lines it shows (with two lines
/// around, more than a rendering shows): what keeps a chunk of a large file from
/// being held by its problems. The rendering and the JSON are the same, but for a
/// label far from the primary one (more than 64 KiB of text away), which is dropped.
pub fn excerpted(mut d: Diagnostic) -> Diagnostic {
    const CONTEXT: usize = 2;
    const MOST: usize = 64 * 1024;
    let Some(source) = d.source.take() else {
        return d;
    };
    let cover =
        |labels: &[crate::diagnostic::Label]| labels.iter().map(|l| l.span).reduce(Span::to);
    let Some(all) = cover(&d.labels) else {
        // Nothing is shown of the text.
        d.source = Some(SourceFile::starting_at(
            source.name(),
            String::new(),
            source.origin(),
        ));
        return d;
    };
    let (mut excerpt, mut shift) = source.excerpt(all, CONTEXT);
    if excerpt.text().len() > MOST {
        let (near, from) = source.excerpt(d.labels[0].span, CONTEXT);
        let to = from + near.text().len();
        d.labels
            .retain(|l| l.primary || (from <= l.span.start && l.span.end <= to));
        if let Some(kept) = cover(&d.labels) {
            (excerpt, shift) = source.excerpt(kept, CONTEXT);
        }
    }
    for label in &mut d.labels {
        label.span = Span::new(
            label.span.start.saturating_sub(shift),
            label.span.end.saturating_sub(shift),
        );
    }
    d.source = Some(excerpt);
    d
}
