//! The problems of a workbook as a whole ([`WorkbookError`]) and of the evidence
//! files named ([`FileError`]), as kinds, each made into its `Diagnostic` in one place.

use crate::check::suggest_name;
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::input::IoProblem;
use crate::span::Span;

/// What is wrong with one part of a workbook's archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartProblem {
    /// It unpacks to more than the size it declares, which is given.
    MoreThanDeclared(u64),
    /// Its checksum is not the one it declares.
    WrongChecksum,
    /// It cannot be unpacked, for the reason the unpacking gives.
    Damaged(String),
}

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// calamine's reason, as `workbook::said` words it.
    Said(String),
    /// No sheet is visible.
    NoVisible,
}

/// A problem of a workbook as a whole (an XLSX file), before its cells are read; the
/// file is named by `name`, and no span points into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    /// A part that declares it unpacks to `bytes`, more than kaohe reads.
    TooLarge {
        name: String,
        part: String,
        bytes: u64,
    },
    /// A part that lies about its size, or is damaged.
    Part {
        name: String,
        part: String,
        problem: PartProblem,
    },
    /// A workbook calamine cannot read.
    Unreadable { name: String, why: Unreadable },
    /// `--sheet` names a sheet the workbook has not, with the sheets it has.
    NoSheet {
        name: String,
        wanted: String,
        sheets: Vec<String>,
    },
    /// `--sheet` names a sheet that is not a worksheet (a chart).
    NotCells { name: String, sheet: String },
    /// `--sheet` names the sheet of a `periods` fact.
    PeriodsSheet { name: String, sheet: String },
    /// A sheet calamine cannot read, with its reason as `workbook::said` words it.
    SheetUnreadable {
        name: String,
        sheet: String,
        reason: String,
    },
    /// The warning that the units were read from `sheet` and `others` were left
    /// aside.
    OtherSheets {
        name: String,
        sheet: String,
        others: Vec<String>,
    },
}

impl WorkbookError {
    /// The code users see, which belongs to the kind here alone.
    pub fn code(&self) -> &'static str {
        use WorkbookError as W;
        match self {
            W::TooLarge { .. }
            | W::Part { .. }
            | W::Unreadable { .. }
            | W::SheetUnreadable { .. } => codes::EVIDENCE_SYNTAX,
            W::NoSheet { .. } | W::NotCells { .. } | W::PeriodsSheet { .. } => {
                codes::EVIDENCE_SHEET
            }
            W::OtherSheets { .. } => codes::EVIDENCE_OTHER_SHEETS,
        }
    }
}

/// Sheets' names as a message lists them: `` `第一批`, `第二批` ``.
fn listed<S: AsRef<str>>(names: &[S]) -> String {
    names
        .iter()
        .map(|n| format!("`{}`", n.as_ref()))
        .collect::<Vec<_>>()
        .join(&msg!("evidence-missing".separator))
}

impl From<WorkbookError> for Diagnostic {
    fn from(problem: WorkbookError) -> Diagnostic {
        use WorkbookError as W;
        let code = problem.code();
        let mb = |bytes: u64| (bytes / (1024 * 1024)).to_string();
        match problem {
            W::TooLarge { name, part, bytes } => Diagnostic::error(
                code,
                msg!(
                    "workbook-too-large",
                    name = name,
                    mb = mb(bytes),
                    part = part
                ),
            )
            .help(msg!(
                "workbook-too-large".help,
                mb = mb(super::super::workbook::MAX_UNPACKED)
            )),
            W::Part {
                name,
                part,
                problem,
            } => {
                let (reason, help) = match problem {
                    PartProblem::MoreThanDeclared(declared) => (
                        msg!("workbook-part".bomb, declared = declared.to_string()),
                        msg!("workbook-part".bombhelp),
                    ),
                    PartProblem::WrongChecksum => (
                        msg!("workbook-part".checksum),
                        msg!("workbook-part".damaged),
                    ),
                    PartProblem::Damaged(why) => (
                        msg!("workbook-part".unpack, why = why),
                        msg!("workbook-part".damaged),
                    ),
                };
                Diagnostic::error(
                    code,
                    msg!("workbook-part", name = name, part = part, reason = reason),
                )
                .help(help)
            }
            W::Unreadable { name, why } => {
                let what = match why {
                    Unreadable::Said(said) => said,
                    Unreadable::NoVisible => msg!("workbook-no-visible"),
                };
                Diagnostic::error(code, msg!("workbook-unreadable", name = &name, what = what))
                    .help(msg!("workbook-unreadable".help))
            }
            W::NoSheet {
                name,
                wanted,
                sheets,
            } => {
                let hint = suggest_name(&wanted, sheets.iter().map(String::as_str));
                let list = listed(&sheets);
                Diagnostic::error(
                    code,
                    msg!("workbook-no-sheet", name = &name, wanted = &wanted),
                )
                .help(if hint.is_empty() {
                    msg!("workbook-no-sheet".help, list = list)
                } else {
                    msg!("workbook-no-sheet".hint, hint = hint, list = list)
                })
            }
            W::NotCells { name, sheet } => Diagnostic::error(
                code,
                msg!("workbook-not-cells", sheet = &sheet, name = &name),
            )
            .help(msg!("workbook-not-cells".help)),
            W::PeriodsSheet { name, sheet } => Diagnostic::error(
                code,
                msg!("workbook-periods-sheet", sheet = &sheet, name = &name),
            )
            .help(msg!("workbook-periods-sheet".help)),
            W::SheetUnreadable {
                name,
                sheet,
                reason,
            } => Diagnostic::error(
                code,
                msg!(
                    "workbook-sheet-unreadable",
                    sheet = &sheet,
                    name = &name,
                    reason = reason
                ),
            )
            .help(msg!("workbook-sheet-unreadable".help)),
            W::OtherSheets {
                name,
                sheet,
                others,
            } => Diagnostic::warning(
                code,
                msg!(
                    "workbook-other-sheets",
                    sheet = &sheet,
                    name = &name,
                    count = others.len(),
                    list = listed(&others)
                ),
            )
            .help(msg!("workbook-other-sheets".help)),
        }
    }
}

/// A spreadsheet format kaohe does not read, known by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// WPS's `.et` and `.ett`.
    Et,
    /// Excel 97–2003's `.xls`.
    Xls,
    /// Excel's `.xlsm` and `.xlsb`.
    Xlsm,
    /// OpenDocument's `.ods`.
    Ods,
}

/// A problem of the evidence files as a whole: the paths named, the number of units
/// a file holds, the problems and names past what is kept.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// A spreadsheet of a format kaohe does not read.
    Spreadsheet { path: String, what: Unread },
    /// A folder that cannot be listed.
    Folder { path: String, io: IoProblem },
    /// A folder with no evidence file.
    EmptyFolder { path: String },
    /// A file that is not evidence by its extension.
    NotEvidence { path: String },
    /// A sheet of `count` units where one unit's evidence was expected.
    UnitsNotOne { path: String, count: usize },
    /// The warning that a unit's name was read as a sheet's names are.
    NameReadAs {
        span: Span,
        written: String,
        name: String,
    },
    /// Units named twice in batches not read again, `count` names at a time.
    NamesAgain { count: usize },
    /// `count` problems of the file `name` not shown, past `limit`.
    Hidden {
        name: String,
        count: usize,
        limit: usize,
    },
    /// `count` warnings of the file `name` not shown, past `limit`.
    HiddenNotes {
        name: String,
        count: usize,
        limit: usize,
    },
}

impl FileError {
    /// The code users see, which belongs to the kind here alone.
    pub fn code(&self) -> &'static str {
        use FileError as F;
        match self {
            F::Spreadsheet { .. }
            | F::Folder { .. }
            | F::EmptyFolder { .. }
            | F::NotEvidence { .. } => codes::READ,
            F::UnitsNotOne { .. } => codes::EVIDENCE_UNIT,
            F::NameReadAs { .. } => codes::EVIDENCE_UNIT_NAME,
            F::NamesAgain { .. } | F::Hidden { .. } | F::HiddenNotes { .. } => {
                codes::EVIDENCE_TOO_MANY
            }
        }
    }
}

impl From<FileError> for Diagnostic {
    fn from(problem: FileError) -> Diagnostic {
        use FileError as F;
        let code = problem.code();
        match problem {
            F::Spreadsheet { path, what } => Diagnostic::error(
                code,
                msg!(
                    "evidence-spreadsheet",
                    path = path,
                    what = match what {
                        Unread::Et => msg!("evidence-spreadsheet".et),
                        Unread::Xls => msg!("evidence-spreadsheet".xls),
                        Unread::Xlsm => msg!("evidence-spreadsheet".xlsm),
                        Unread::Ods => msg!("evidence-spreadsheet".ods),
                    }
                ),
            )
            .help(msg!("evidence-spreadsheet".help)),
            F::Folder { path, io } => Diagnostic::error(
                code,
                msg!("evidence-folder", path = path, reason = io.reason()),
            )
            .help(msg!("evidence-folder".help)),
            F::EmptyFolder { path } => Diagnostic::error(
                code,
                msg!(
                    "evidence-empty-folder",
                    path = path,
                    extensions = super::super::EXTENSIONS
                ),
            )
            .help(msg!("evidence-empty-folder".help)),
            F::NotEvidence { path } => Diagnostic::error(
                code,
                msg!(
                    "evidence-not-evidence",
                    path = path,
                    extensions = super::super::EXTENSIONS
                ),
            )
            .help(msg!("evidence-not-evidence".help)),
            F::UnitsNotOne { path, count } => Diagnostic::error(
                code,
                msg!(
                    "evidence-units-not-one",
                    path = path,
                    count = count.to_string()
                ),
            )
            .help(msg!("evidence-units-not-one".help)),
            F::NameReadAs {
                span,
                written,
                name,
            } => Diagnostic::warning(
                code,
                msg!("evidence-name-read-as", written = &written, name = &name),
            )
            .primary(span, msg!("evidence-name-read-as".label, name = &name))
            .help(msg!("evidence-name-read-as".help, name = &name)),
            F::NamesAgain { count } => Diagnostic::error(
                code,
                msg!("evidence-names-again", count = count.to_string()),
            )
            .help(msg!("evidence-names-again".help)),
            F::Hidden { name, count, limit } => Diagnostic::error(
                code,
                msg!("evidence-hidden", count = count.to_string(), name = name),
            )
            .help(msg!("evidence-hidden".help, limit = limit.to_string())),
            F::HiddenNotes { name, count, limit } => Diagnostic::warning(
                code,
                msg!(
                    "evidence-hidden-notes",
                    count = count.to_string(),
                    name = name
                ),
            )
            .help(msg!(
                "evidence-hidden-notes".help,
                limit = limit.to_string()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_problem_has_its_code_and_no_place() {
        let name = || "表.xlsx".to_string();
        let cases = [
            (
                WorkbookError::Part {
                    name: name(),
                    part: "xl/worksheets/sheet1.xml".into(),
                    problem: PartProblem::WrongChecksum,
                },
                codes::EVIDENCE_SYNTAX,
            ),
            (
                WorkbookError::NoSheet {
                    name: name(),
                    wanted: "第三批".into(),
                    sheets: vec!["第一批".into(), "第二批".into()],
                },
                codes::EVIDENCE_SHEET,
            ),
            (
                WorkbookError::OtherSheets {
                    name: name(),
                    sheet: "第一批".into(),
                    others: vec!["第二批".into()],
                },
                codes::EVIDENCE_OTHER_SHEETS,
            ),
        ];
        for (problem, code) in cases {
            let warning = matches!(problem, WorkbookError::OtherSheets { .. });
            let d = Diagnostic::from(problem);
            assert_eq!(d.code, code);
            assert_eq!(d.is_error(), !warning);
            assert!(d.labels.is_empty());
        }
    }
}
