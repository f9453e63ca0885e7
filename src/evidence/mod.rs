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
mod grid;
mod raw;
mod value;
mod yaml;
mod workbook;

pub use grid::RowUnit as Loaded;
pub use raw::{read, Format, Node, Raw};
pub use value::{validate, Fact, ItemFacts, Period, Unit, Value};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{codes, Diagnostic};
use crate::source::SourceFile;
use crate::span::Span;

/// Reads a file as text, or says why it cannot be read.
pub fn read_source(path: &Path) -> Result<SourceFile, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            codes::READ,
            format!("cannot read `{}`: {}", path.display(), lower_io(&e)),
        )
        .help("check the path, and that the file can be read")
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let source = SourceFile::new(path.display().to_string(), String::from_utf8_lossy(e.as_bytes()).into_owned());
        Diagnostic::error(codes::READ, format!("`{}` is not UTF-8 text", path.display()))
            .primary(Span::new(at, at), "the first byte that is not UTF-8")
            .help("save the file as UTF-8 (in Excel or WPS: 另存为 → CSV UTF-8; in an editor: encoding UTF-8)")
            .with_source(&source)
    })?;
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
                        && Format::of(p).is_some()
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with("~$"))
                })
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Diagnostic::error(
                    codes::READ,
                    format!(
                        "the folder `{}` holds no {EXTENSIONS} evidence",
                        path.display()
                    ),
                )
                .help("name evidence files `*.toml` or `*.json` (one unit each), or `*.csv` or `*.xlsx` (one unit a row)"));
            }
            out.extend(found);
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
    let source = read_source(path).map_err(|d| vec![d])?;
    let format = Format::of(path).unwrap_or(Format::Toml);
    let node = read(&source, format).map_err(|d| vec![d])?;
    validate(rubric, &source, &node)
}

/// Every valid unit of one evidence file, and every problem in it: one unit for TOML
/// and JSON, one per row for CSV and XLSX.
pub fn load_file(rubric: &crate::check::Rubric, path: &Path) -> (Vec<Loaded>, Vec<Diagnostic>) {
    read_file(rubric, path, &mut || {})
}

/// As [`load_file`], calling `row` after each unit (or row) is read, valid or not.
fn read_file(
    rubric: &crate::check::Rubric,
    path: &Path,
    row: &mut dyn FnMut(),
) -> (Vec<Loaded>, Vec<Diagnostic>) {
    let grid = match Format::of(path).unwrap_or(Format::Toml) {
        Format::Toml | Format::Json | Format::Yaml => {
            row();
            return match load(rubric, path) {
                Ok(unit) => (
                    vec![Loaded {
                        unit,
                        place: format!("`{}`", path.display()),
                    }],
                    Vec::new(),
                ),
                Err(problems) => (Vec::new(), problems),
            };
        }
        Format::Csv => read_source(path)
            .and_then(|source| delimited::grid(&source, &path.display().to_string())),
        Format::Xlsx => workbook::grid(path),
    };
    match grid {
        Ok(grid) => grid::units(rubric, &grid, row),
        Err(d) => (Vec::new(), vec![d]),
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
    let files = collect_paths(paths).map_err(|d| vec![d])?;
    let mut units: Vec<Loaded> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut problems = Vec::new();
    let mut read = 0;
    for file in &files {
        let (loaded, mut found) = read_file(rubric, file, &mut || {
            read += 1;
            progress(read);
        });
        problems.append(&mut found);
        for next in loaded {
            match seen.get(&next.unit.name) {
                Some(&first) => problems.push(duplicate(&units[first], &next)),
                None => {
                    seen.insert(next.unit.name.clone(), units.len());
                    units.push(next);
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(units.into_iter().map(|l| l.unit).collect())
    } else {
        Err(problems)
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
