//! Evidence: the facts collected for one assessed unit, read from TOML or JSON and
//! checked against a rubric before anything is scored.
//!
//! An evidence file names the unit and, for each item, the facts the rule file
//! declares (`["决策预公开"]` then `"未做意见征集" = false`). Every problem is reported
//! with its place in the file, and a unit with any problem is not scored.

mod raw;
mod value;

pub use raw::{read, Format, Node, Raw};
pub use value::{validate, Fact, ItemFacts, Period, Unit, Value};

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

/// The evidence files named on the command line: files as they are, directories
/// searched (not recursively) for `.toml` and `.json` files, in name order.
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
                .filter(|p| p.is_file() && Format::of(p).is_some())
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Diagnostic::error(
                    codes::READ,
                    format!(
                        "the folder `{}` holds no `.toml` or `.json` evidence",
                        path.display()
                    ),
                )
                .help("name evidence files `*.toml` or `*.json`, one unit each"));
            }
            out.extend(found);
        } else if Format::of(path).is_some() || !path.exists() {
            out.push(path.clone());
        } else {
            return Err(Diagnostic::error(
                codes::READ,
                format!(
                    "`{}` is not a `.toml` or `.json` evidence file",
                    path.display()
                ),
            )
            .help("evidence is read from `.toml` and `.json` files, one unit each"));
        }
    }
    Ok(out)
}

/// Reads and validates one evidence file against a rubric.
pub fn load(rubric: &crate::check::Rubric, path: &Path) -> Result<Unit, Vec<Diagnostic>> {
    let source = read_source(path).map_err(|d| vec![d])?;
    let format = Format::of(path).unwrap_or(Format::Toml);
    let node = read(&source, format).map_err(|d| vec![d])?;
    validate(rubric, &source, &node)
}
