//! The table's own layout, from `columns { … }`: the headings `render` prints, left to
//! right, and what each column holds.

pub use crate::syntax::ast::ColumnRole;

/// The columns of the published table, as the rule file names them.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub columns: Vec<Column>,
}

/// One column: what it holds, its heading, and for the points column whether a
/// weight is printed as the percentage the table writes (`30%`) rather than points.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub role: ColumnRole,
    pub heading: String,
    pub percent: bool,
}

impl Layout {
    /// How many `text` columns the table has.
    pub fn texts(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| c.role == ColumnRole::Text)
            .count()
    }
}
