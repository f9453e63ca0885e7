//! `kaohe eval RULE --method 网上考核=FOLDER --method 现场考核=FOLDER`: a blended table
//! (`methods { … }`), its units scored from each method's evidence and the sheets
//! weighed into one ([`kaohe::eval::blend`]), then reported in any format.

use std::path::{Path, PathBuf};

use kaohe::check::Rubric;
use kaohe::diagnostic::{codes, Diagnostic};
use kaohe::eval::{Sheet, Summary};
use kaohe::{evidence, report};

use super::output::{write_bytes, write_output};
use super::{load_units_with, print_diagnostics, Failed, MessageFormat};

/// Every unit's blended sheet: the evidence of each method named by `--method
/// NAME=PATH`, read and scored, the units matched by name.
pub fn sheets(
    rubric: &Rubric,
    given: &[String],
    evidence: &[PathBuf],
    options: &evidence::Options,
    format: MessageFormat,
) -> Result<Vec<Sheet>, Failed> {
    let fail = |message: String, help: String| {
        let d = Diagnostic::error(codes::METHODS, message).help(help);
        print_diagnostics(&[d], format);
        Failed
    };
    let names: Vec<String> = rubric
        .methods
        .iter()
        .map(|m| format!("`{}`", m.name))
        .collect();
    if rubric.methods.is_empty() {
        return Err(fail(
            kaohe::msg!("cli-method-not-blended"),
            kaohe::msg!("cli-method-not-blended".help),
        ));
    }
    let mut paths: Vec<Option<PathBuf>> = vec![None; rubric.methods.len()];
    for g in given {
        let (name, path) = g.split_once('=').unwrap_or((g.as_str(), ""));
        let Some(n) = rubric.methods.iter().position(|m| m.name == name.trim()) else {
            return Err(fail(
                kaohe::msg!("cli-method-unknown", name = name),
                kaohe::msg!("cli-method-unknown".help, names = names.join(", ")),
            ));
        };
        if path.is_empty() {
            return Err(fail(
                kaohe::msg!("cli-method-unknown", name = name),
                kaohe::msg!("cli-method-unknown".help, names = names.join(", ")),
            ));
        }
        paths[n] = Some(PathBuf::from(path));
    }
    if !evidence.is_empty() || paths.iter().any(Option::is_none) {
        return Err(fail(
            kaohe::msg!("cli-method-missing"),
            kaohe::msg!("cli-method-missing".help, names = names.join(", ")),
        ));
    }
    let mut each: Vec<Vec<evidence::Unit>> = Vec::new();
    for path in paths.into_iter().flatten() {
        each.push(load_units_with(
            rubric,
            std::slice::from_ref(&path),
            options,
            format,
        )?);
    }
    let scorer = kaohe::eval::Scorer::for_sheets(rubric);
    let mut out = Vec::new();
    for unit in &each[0] {
        let mut sheets = Vec::new();
        for (n, units) in each.iter().enumerate() {
            let Some(u) = units.iter().find(|u| u.name == unit.name) else {
                return Err(fail(
                    kaohe::msg!(
                        "cli-method-unit",
                        unit = unit.name.as_str(),
                        method = rubric.methods[n].name.as_str()
                    ),
                    kaohe::msg!("cli-method-unit".help),
                ));
            };
            sheets.push(scorer.sheet(u).map_err(|d| {
                print_diagnostics(&[d], format);
                Failed
            })?);
        }
        out.push(kaohe::eval::blend(rubric, sheets));
    }
    for units in each.iter().skip(1) {
        if let Some(u) = units
            .iter()
            .find(|u| !each[0].iter().any(|f| f.name == u.name))
        {
            return Err(fail(
                kaohe::msg!(
                    "cli-method-unit",
                    unit = u.name.as_str(),
                    method = rubric.methods[0].name.as_str()
                ),
                kaohe::msg!("cli-method-unit".help),
            ));
        }
    }
    Ok(out)
}

/// The report of the blended sheets in `format`.
pub fn report(
    rubric: &Rubric,
    sheets: Vec<Sheet>,
    format: report::Format,
    output: Option<&Path>,
    message_format: MessageFormat,
    workbook: impl Fn(&[Sheet]) -> Result<Vec<u8>, Diagnostic>,
    today: impl Fn() -> String,
) -> Result<(), Failed> {
    let summaries = || -> Vec<Summary> { sheets.iter().map(|s| Summary::of(rubric, s)).collect() };
    let text = match format {
        report::Format::Table => {
            report::table_fitted(rubric, &summaries(), super::terminal_width(output))
        }
        report::Format::Csv => report::ranking_csv(rubric, &summaries()),
        report::Format::Json => report::json(rubric, &sheets),
        report::Format::Md => report::markdown(rubric, &sheets),
        report::Format::Html => report::html(rubric, &sheets, Some(&today())),
        report::Format::Xlsx => {
            let bytes = workbook(&sheets).map_err(|d| {
                print_diagnostics(&[d], message_format);
                Failed
            })?;
            return write_bytes(&bytes, output, message_format);
        }
    };
    write_output(&text, output, message_format)
}
