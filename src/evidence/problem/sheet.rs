//! A sheet's own problems, as kinds ([`SheetError`]): what only a spreadsheet can get
//! wrong, beside the typing's problems of its cells, each with its place as data (the
//! file, the sheet, the row and column) and worded in one place, with the words that
//! name a sheet and a cell in messages ([`SheetName::what`], [`cell_name`]).

use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::evidence::columns::column_letters;
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
}

impl SheetError {
    /// The code users see, which belongs to the kind here alone.
    pub fn code(&self) -> &'static str {
        match self {
            SheetError::NoRow { .. } | SheetError::Empty { .. } => codes::EVIDENCE_UNIT,
            SheetError::Unheaded { .. } => codes::EVIDENCE_COLUMN,
            SheetError::UnitTwice { .. } => codes::EVIDENCE_DUPLICATE,
        }
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
}
