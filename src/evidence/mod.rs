//! Evidence: the facts collected for each assessed unit, read from TOML or JSON (one
//! unit per file) or from CSV and XLSX (one unit per row), and checked against a
//! rubric before anything is scored.
//!
//! An evidence file names the unit and, for each item, the facts the rule file
//! declares (`["决策预公开"]` then `"未做意见征集" = false`). A spreadsheet row is turned
//! into the same tree (`grid`), so one [`validate`] checks every format. Every problem
//! is reported with its place in the file, and a unit with any problem is not scored.

pub mod cell;
pub mod columns;
mod delimited;
mod encoding;
mod grid;
mod raw;
mod value;
mod workbook;
mod yaml;

pub use encoding::Encoding;
pub use grid::RowUnit as Loaded;
pub use raw::{read, Format, Node, Raw};
pub use value::{validate, Fact, ItemFacts, Period, Unit, Value};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{codes, Diagnostic};
use crate::source::SourceFile;

/// Reads a file as text, or says why it cannot be read.
pub fn read_source(path: &Path) -> Result<SourceFile, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            codes::READ,
            format!("cannot read `{}`: {}", path.display(), lower_io(&e)),
        )
        .help("check the path, and that the file can be read")
    })?;
    // UTF-8 only, a byte-order mark skipped; another encoding is refused, saying
    // what it looks like (never showing its text decoded wrongly).
    let text = encoding::utf8_only(&path.display().to_string(), bytes)?;
    Ok(SourceFile::new(path.display().to_string(), text))
}

fn lower_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string().to_lowercase(),
    }
}

/// The extensions of evidence files, as messages list them.
const EXTENSIONS: &str = "`.toml`, `.json`, `.yaml`, `.csv` or `.xlsx`";

/// Spreadsheet files kaohe does not read, by extension, with what they are: refused
/// by name, and in a folder too, so that no unit's evidence is silently left out.
fn unread_spreadsheet(path: &Path) -> Option<&'static str> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "et" | "ett" => Some("a WPS spreadsheet (.et)"),
        "xls" => Some("an Excel 97-2003 workbook (.xls)"),
        "xlsm" | "xlsb" => Some("an Excel workbook with macros or in binary form"),
        "ods" => Some("an OpenDocument spreadsheet (.ods)"),
        _ => None,
    }
}

fn refuse_spreadsheet(path: &Path, what: &str) -> Diagnostic {
    Diagnostic::error(
        codes::READ,
        format!("`{}` is {what}, which kaohe does not read", path.display()),
    )
    .help("open it in WPS or Excel and save it as an Excel workbook: 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as \"CSV UTF-8\"")
}

/// The evidence files named on the command line: files as they are, directories
/// searched (not recursively) for evidence files, in name order.
pub fn collect_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| {
                Diagnostic::error(
                    codes::READ,
                    format!(
                        "cannot read the folder `{}`: {}",
                        path.display(),
                        lower_io(&e)
                    ),
                )
                .help("check the path")
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
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
                return Err(Diagnostic::error(
                    codes::READ,
                    format!(
                        "the folder `{}` holds no {EXTENSIONS} evidence",
                        path.display()
                    ),
                )
                .help("name evidence files `*.toml`, `*.json` or `*.yaml` (one unit each), or `*.csv` or `*.xlsx` (one unit a row)"));
            }
            out.extend(found);
        } else if let Some(what) = unread_spreadsheet(path) {
            return Err(refuse_spreadsheet(path, what));
        } else if Format::of(path).is_some() || !path.exists() {
            out.push(path.clone());
        } else {
            return Err(Diagnostic::error(
                codes::READ,
                format!("`{}` is not a {EXTENSIONS} evidence file", path.display()),
            )
            .help("evidence is read from `.toml`, `.json` and `.yaml` files (one unit each) and from `.csv` and `.xlsx` files (one unit a row)"));
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
            return Err(vec![Diagnostic::error(
                codes::EVIDENCE_UNIT,
                format!("`{}` holds {} units, not one", path.display(), units.len()),
            )
            .help(
                "give one unit's evidence here, or read the file with `kaohe eval`",
            )]);
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
    let note = Diagnostic::warning(
        codes::EVIDENCE_UNIT_NAME,
        format!("unit `{}` is read as `{name}`", unit.name),
    )
    .primary(unit.name_span, format!("read as `{name}`"))
    .help(format!("kaohe drops the spaces beside Chinese characters and reads full-width letters, digits and brackets as ASCII, so that one unit always has one name; write `{name}` to be rid of this warning"))
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
pub fn load_file_with(
    rubric: &crate::check::Rubric,
    path: &Path,
    options: &Options,
) -> FileEvidence {
    read_file(rubric, path, options, &mut || {})
}

/// As [`load_file_with`], calling `row` after each unit (or row) is read, valid or not.
fn read_file(
    rubric: &crate::check::Rubric,
    path: &Path,
    options: &Options,
    row: &mut dyn FnMut(),
) -> FileEvidence {
    let mut notes = Vec::new();
    let grid = match Format::of(path).unwrap_or(Format::Toml) {
        Format::Toml | Format::Json | Format::Yaml => {
            row();
            return match load_one(rubric, path) {
                Ok(unit) => {
                    let (unit, note) = normalised(unit);
                    FileEvidence {
                        units: vec![Loaded {
                            unit,
                            place: format!("`{}`", path.display()),
                        }],
                        problems: Vec::new(),
                        notes: note.into_iter().collect(),
                    }
                }
                Err(problems) => FileEvidence {
                    problems,
                    ..FileEvidence::default()
                },
            };
        }
        Format::Csv => delimited::read(path, options.encoding, &grid::expected_headers(rubric))
            .map(|(grid, note)| {
                notes.extend(note);
                grid
            }),
        Format::Xlsx => {
            let expected = grid::expected_headers(rubric);
            let has_header = |g: &grid::Grid| grid::has_evidence_header(&expected, g);
            workbook::grid(path, options.sheet.as_deref(), &has_header).map(|(grid, mut found)| {
                notes.append(&mut found);
                grid
            })
        }
    };
    match grid {
        Ok(grid) => {
            let mut read = grid::units(rubric, &grid, row);
            notes.append(&mut read.notes);
            FileEvidence {
                units: read.units,
                problems: read.problems,
                notes,
            }
        }
        Err(d) => FileEvidence {
            problems: vec![d],
            notes,
            ..FileEvidence::default()
        },
    }
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
/// read (given whether or not the evidence has problems).
pub fn load_all_with(
    rubric: &crate::check::Rubric,
    paths: &[PathBuf],
    options: &Options,
    progress: &mut dyn FnMut(usize),
) -> Evidence {
    let files = match collect_paths(paths) {
        Ok(files) => files,
        Err(d) => {
            return Evidence {
                units: Err(vec![d]),
                notes: Vec::new(),
            }
        }
    };
    let mut units: Vec<Loaded> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut read = 0;
    for file in &files {
        let mut found = read_file(rubric, file, options, &mut || {
            read += 1;
            progress(read);
        });
        problems.append(&mut found.problems);
        notes.append(&mut found.notes);
        for next in found.units {
            match seen.get(&next.unit.name) {
                Some(&first) => problems.push(duplicate(&units[first], &next)),
                None => {
                    seen.insert(next.unit.name.clone(), units.len());
                    units.push(next);
                }
            }
        }
    }
    Evidence {
        units: if problems.is_empty() {
            Ok(units.into_iter().map(|l| l.unit).collect())
        } else {
            Err(problems)
        },
        notes,
    }
}

/// A unit named a second time, pointing at the second and naming the first.
fn duplicate(first: &Loaded, again: &Loaded) -> Diagnostic {
    let same_file = first.unit.source.name() == again.unit.source.name();
    let d = Diagnostic::error(
        codes::EVIDENCE_DUPLICATE,
        format!(
            "unit `{}` has evidence in two {}",
            again.unit.name,
            if same_file { "rows" } else { "files" }
        ),
    )
    .primary(again.unit.name_span, "named again here")
    .help(format!(
        "the first is {}; keep one file or row per unit",
        first.place
    ))
    .with_source(&again.unit.source);
    if same_file {
        d.label(first.unit.name_span, "first here")
    } else {
        d
    }
}
