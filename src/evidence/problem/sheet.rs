//! A sheet's own problems, as kinds ([`SheetError`]): what only a spreadsheet can get
//! wrong, beside the typing's problems of its cells, each with its place as data (the
//! file, the sheet, the row and column) and worded in one place, with the words that
//! name a sheet and a cell in messages ([`SheetName::what`], [`cell_name`]).

use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::evidence::columns::{column_letters, UNIT_HEADER};
use crate::span::Span;

/// A sheet as messages name it: a CSV file, or a sheet of a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetName {
    /// The file's path, as messages name it.
    pub path: String,
    /// The sheet's name, for a workbook.
    pub sheet: Option<String>,
}

impl SheetName {
    /// The sheet in the words of a message: `` `a.csv` `` or `` sheet `证据` of `a.xlsx` ``.
    pub fn what(&self) -> String {
        match &self.sheet {
            Some(sheet) => msg!("sheet-what".sheet, sheet = sheet, path = &self.path),
            None => msg!("sheet-what", path = &self.path),
        }
    }
}

/// A cell's reference as Excel shows it, `C7`, for the sheet's 0-based `row`.
pub(crate) fn cell_ref(row: usize, col: usize) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// How a message begins for one cell of a sheet (`sheet`: a workbook's sheet's name):
/// `` cell C7 (row 7, column `决策预公开/未做意见征集`) ``, for the sheet's 0-based `row`;
/// the column by its letters when `header` is empty.
pub(crate) fn cell_name(sheet: Option<&str>, row: usize, col: usize, header: &str) -> String {
    let column = if header.is_empty() {
        msg!("sheet-column", letters = column_letters(col))
    } else {
        msg!("sheet-column".header, header = header)
    };
    let cell = cell_ref(row, col);
    match sheet {
        Some(sheet) => msg!(
            "sheet-cell".sheet,
            sheet = sheet,
            cell = cell,
            row = row + 1,
            column = column
        ),
        None => msg!("sheet-cell", cell = cell, row = row + 1, column = column),
    }
}

/// A row as messages name it: `` row 7 (`台山市`) ``, or `row 7` when it names no
/// unit (or a name the messages should not repeat).
pub(crate) fn row_name(row: usize, name: Option<&str>) -> String {
    match name {
        Some(name) => msg!("sheet-row".named, row = row + 1, name = name),
        None => msg!("sheet-row", row = row + 1),
    }
}

/// A cell and its column's header, as a help lists the cells to fill: `` C7 (`决策预公开/未做意见征集`) ``.
pub(crate) fn cell_with_header(row: usize, col: usize, header: &str) -> String {
    msg!(
        "sheet-cell-header",
        cell = cell_ref(row, col),
        header = header
    )
}

/// A problem of a sheet as a whole or of its rows, other than its cells' values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// A header (at `span`) with no row of units under it.
    NoRow { span: Span, sheet: SheetName },
    /// A sheet with nothing in it.
    Empty { sheet: SheetName },
    /// A value in a column without a header, at its first (0-based `row` and `col`);
    /// `header_row` is the header's last row, 0-based.
    Unheaded {
        span: Span,
        sheet: SheetName,
        row: usize,
        col: usize,
        header_row: usize,
    },
    /// A unit named a second time in one sheet (at `span`), first in the 0-based
    /// `first_row`, at `first` when that can be pointed at.
    UnitTwice {
        span: Span,
        name: String,
        first_row: usize,
        first: Option<Span>,
    },
    /// A header's column headed `text` a second time (at `span`), first in column
    /// `first_col` (at `first`).
    ColumnTwice {
        span: Span,
        text: String,
        first: Span,
        first_col: usize,
    },
    /// A header naming a fact (`header`) of a `kind` no cell can give; a `periods`
    /// fact's sheet in a workbook when it has one.
    CellType {
        span: Span,
        header: String,
        kind: String,
        periods_sheet: Option<String>,
    },
    /// A header the rubric has no column for, in the header's cell (`sheet`'s 0-based
    /// `row` and `col`); `columns` are the rubric's headers to suggest one of (`None`
    /// past the problems a file shows), `example` the first.
    UnknownColumn {
        span: Span,
        sheet: Option<String>,
        row: usize,
        col: usize,
        text: String,
        columns: Option<Vec<String>>,
        example: Option<String>,
    },
    /// A header (at `span`) with no column of the units' names.
    NoUnitColumn { span: Span, sheet: SheetName },
    /// A header (at `span`) without the columns of fact values `headers`.
    AbsentColumns {
        span: Span,
        sheet: SheetName,
        headers: Vec<String>,
    },
    /// A row (0-based) whose unit's cell (in column `col`, at `span`) names no unit.
    NoUnit { span: Span, row: usize, col: usize },
    /// The warning that the unit's name in a row's cell (of a workbook's `sheet`) was
    /// read as another, as names are read in every format.
    NameReadAs {
        span: Span,
        sheet: Option<String>,
        row: usize,
        col: usize,
        written: String,
        name: String,
    },
    /// A tally or a discretionary score given in part in a row (0-based, of the unit
    /// `unit` when messages should name it): its first blank cell (in column `col`,
    /// at `span`), and every blank cell with its header.
    InPart {
        span: Span,
        row: usize,
        unit: Option<String>,
        fact: String,
        col: usize,
        tally: bool,
        blanks: Vec<(usize, String)>,
    },
    /// A fact (`header`) of a `kind` no cell can give, which the header does not name
    /// either, so every row lacks it; a workbook's sheet for it when it is a
    /// `periods` fact.
    NoCellFact {
        span: Span,
        sheet: SheetName,
        header: String,
        kind: &'static str,
        periods_sheet: Option<String>,
    },
}

impl SheetError {
    /// The code users see, which belongs to the kind here alone.
    pub fn code(&self) -> &'static str {
        use SheetError as S;
        match self {
            S::NoRow { .. } | S::Empty { .. } | S::NoUnit { .. } => codes::EVIDENCE_UNIT,
            S::NameReadAs { .. } => codes::EVIDENCE_UNIT_NAME,
            S::InPart { .. } => codes::EVIDENCE_MISSING,
            S::Unheaded { .. } | S::ColumnTwice { .. } | S::NoUnitColumn { .. } => {
                codes::EVIDENCE_COLUMN
            }
            S::UnitTwice { .. } => codes::EVIDENCE_DUPLICATE,
            S::CellType { .. } | S::NoCellFact { .. } => codes::EVIDENCE_CELL_TYPE,
            S::UnknownColumn { .. } => codes::EVIDENCE_UNKNOWN,
            S::AbsentColumns { .. } => codes::EVIDENCE_MISSING,
        }
    }
}

/// The help of a fact no cell can give: its workbook's sheet, or TOML and JSON.
fn cell_type_help(periods_sheet: Option<String>) -> String {
    match periods_sheet {
        Some(sheet) => msg!("sheet-cell-type".periods, sheet = sheet),
        None => msg!("sheet-cell-type".help),
    }
}

impl From<SheetError> for Diagnostic {
    fn from(problem: SheetError) -> Diagnostic {
        let code = problem.code();
        match problem {
            SheetError::NoRow { span, sheet } => {
                Diagnostic::error(code, msg!("sheet-no-row", what = sheet.what()))
                    .primary(span, msg!("sheet-no-row".label))
                    .help(msg!("sheet-no-row".help))
            }
            SheetError::Empty { sheet } => {
                Diagnostic::error(code, msg!("sheet-empty", what = sheet.what()))
                    .primary(Span::default(), msg!("sheet-empty".label))
                    .help(msg!("sheet-empty".help))
            }
            SheetError::Unheaded {
                span,
                sheet,
                row,
                col,
                header_row,
            } => Diagnostic::error(
                code,
                msg!(
                    "sheet-at",
                    place = cell_name(sheet.sheet.as_deref(), row, col, ""),
                    message = msg!("sheet-unheaded", letters = column_letters(col))
                ),
            )
            .primary(span, msg!("sheet-unheaded".label))
            .help(msg!("sheet-unheaded".help, row = header_row + 1)),
            SheetError::UnitTwice {
                span,
                name,
                first_row,
                first,
            } => {
                let d = Diagnostic::error(code, msg!("sheet-unit-twice", name = &name))
                    .primary(span, msg!("sheet-unit-twice".label));
                let d = match first {
                    Some(first) => d.label(first, msg!("sheet-unit-twice".first)),
                    None => d,
                };
                d.help(msg!("sheet-unit-twice".help, row = first_row + 1))
            }
            SheetError::ColumnTwice {
                span,
                text,
                first,
                first_col,
            } => Diagnostic::error(code, msg!("sheet-column-twice", text = &text))
                .primary(span, msg!("sheet-column-twice".label))
                .help(msg!(
                    "sheet-column-twice".help,
                    text = &text,
                    letters = column_letters(first_col)
                ))
                .label(first, msg!("sheet-column-twice".first)),
            SheetError::CellType {
                span,
                header,
                kind,
                periods_sheet,
            } => Diagnostic::error(code, msg!("sheet-cell-type", header = &header, kind = kind))
                .primary(span, msg!("sheet-cell-type".label))
                .help(cell_type_help(periods_sheet)),
            SheetError::UnknownColumn {
                span,
                sheet,
                row,
                col,
                text,
                columns,
                example,
            } => {
                let hint = columns.map_or_else(String::new, |columns| {
                    crate::check::suggest_name(&text, columns.iter().map(String::as_str))
                });
                let example = example.map_or(String::new(), |header| {
                    msg!("sheet-unknown-column".example, header = &header)
                });
                Diagnostic::error(
                    code,
                    msg!(
                        "sheet-at",
                        place = cell_name(sheet.as_deref(), row, col, ""),
                        message = msg!("sheet-unknown-column", text = &text)
                    ),
                )
                .primary(span, msg!("sheet-unknown-column".label))
                .help(if hint.is_empty() {
                    msg!("sheet-unknown-column".help, example = example)
                } else {
                    hint
                })
            }
            SheetError::NoUnit { span, row, col } => Diagnostic::error(
                code,
                msg!("sheet-no-unit", row = row + 1, cell = cell_ref(row, col)),
            )
            .primary(span, msg!("sheet-no-unit".label))
            .help(msg!("sheet-no-unit".help, unit = UNIT_HEADER)),
            SheetError::NameReadAs {
                span,
                sheet,
                row,
                col,
                written,
                name,
            } => Diagnostic::warning(
                code,
                msg!(
                    "sheet-at",
                    place = cell_name(sheet.as_deref(), row, col, UNIT_HEADER),
                    message = msg!("evidence-name-read-as", written = &written, name = &name)
                ),
            )
            .primary(span, msg!("evidence-name-read-as".label, name = &name))
            .help(msg!("evidence-name-read-as".help, name = &name)),
            SheetError::InPart {
                span,
                row,
                unit,
                fact,
                col,
                tally,
                blanks,
            } => {
                let names = blanks
                    .iter()
                    .map(|(c, h)| cell_with_header(row, *c, h))
                    .collect::<Vec<_>>()
                    .join(&msg!("evidence-missing".separator));
                Diagnostic::error(
                    code,
                    msg!(
                        "sheet-at",
                        place = row_name(row, unit.as_deref()),
                        message = msg!("sheet-in-part", fact = &fact, cell = cell_ref(row, col))
                    ),
                )
                .primary(span, msg!("sheet-in-part".label))
                .help(if tally {
                    msg!("sheet-in-part".tally, cells = names)
                } else {
                    msg!("sheet-in-part".discretion, cells = names)
                })
            }
            SheetError::NoUnitColumn { span, sheet } => Diagnostic::error(
                code,
                msg!(
                    "sheet-no-unit-column",
                    what = sheet.what(),
                    unit = UNIT_HEADER
                ),
            )
            .primary(span, msg!("sheet-no-unit-column".label))
            .help(msg!("sheet-no-unit-column".help, unit = UNIT_HEADER)),
            SheetError::AbsentColumns {
                span,
                sheet,
                headers,
            } => {
                const SHOWN: usize = 8;
                let names: Vec<String> = headers
                    .iter()
                    .take(SHOWN)
                    .map(|h| format!("`{h}`"))
                    .collect();
                Diagnostic::error(
                    code,
                    msg!(
                        "sheet-absent-columns",
                        what = sheet.what(),
                        count = headers.len(),
                        names = names.join(&msg!("evidence-missing".separator)),
                        more = headers.len().saturating_sub(SHOWN)
                    ),
                )
                .primary(span, msg!("sheet-absent-columns".label))
                .help(msg!("sheet-absent-columns".help))
            }
            SheetError::NoCellFact {
                span,
                sheet,
                header,
                kind,
                periods_sheet,
            } => Diagnostic::error(
                code,
                msg!(
                    "sheet-no-cell-fact",
                    what = sheet.what(),
                    fact = &header,
                    kind = kind
                ),
            )
            .primary(span, msg!("sheet-no-cell-fact".label))
            .help(cell_type_help(periods_sheet)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_twice_points_at_the_first_when_it_can() {
        let twice = |first| SheetError::UnitTwice {
            span: Span::new(40, 46),
            name: "台山市".into(),
            first_row: 3,
            first,
        };
        assert_eq!(twice(None).code(), codes::EVIDENCE_DUPLICATE);
        assert_eq!(Diagnostic::from(twice(None)).labels.len(), 1);
        let d = Diagnostic::from(twice(Some(Span::new(10, 16))));
        assert_eq!(d.labels.len(), 2);
        assert_eq!(d.labels[1].span, Span::new(10, 16));
    }

    #[test]
    fn absent_columns_name_eight_and_count_the_rest() {
        let problem = SheetError::AbsentColumns {
            span: Span::new(0, 9),
            sheet: SheetName {
                path: "a.csv".into(),
                sheet: None,
            },
            headers: (1..=10).map(|i| format!("甲/{i}")).collect(),
        };
        assert_eq!(problem.code(), codes::EVIDENCE_MISSING);
        let message = Diagnostic::from(problem).message;
        assert!(message.contains("`甲/8`"), "{message}");
        assert!(!message.contains("`甲/9`"), "{message}");
        assert!(message.contains("10"), "{message}");
    }
}
