//! The columns of spreadsheet evidence (CSV and XLSX): which header names which fact.
//!
//! A spreadsheet holds one unit per row. Its first row is the header: a column headed
//! `单位` for the unit's name, and one column per fact, headed by the item's name and
//! the fact's name joined by `/`, as in `决策预公开/未做意见征集`. A tally has one column
//! per member, `政府网站与新媒体/通报/省府办`, and a discretionary score two, the points
//! `ITEM/FACT` and the reason `ITEM/FACT/理由`. Item names are written exactly as in the
//! rule file, so a header can be matched to its fact without guessing, and `kaohe
//! template` writes its header from the same list, so form and reader cannot drift.
//! The unit's column may also be headed `单位名称` or `被考核单位` ([`UNIT_HEADERS`]),
//! and a column of row numbers headed `序号` ([`SERIAL_HEADER`]) is passed over. A
//! `periods` fact, a list of periods, has no column: a workbook gives it on a sheet of
//! its own ([`periods_sheet`]), one row per period, and a CSV file cannot give it.

use crate::check::Rubric;
use crate::model::{self, FactDecl, FactType, Item};

/// The header of the column that names each row's unit.
pub const UNIT_HEADER: &str = "单位";

/// Every header a sheet may give the column of units: offices head it `单位`,
/// `单位名称` or `被考核单位`.
pub const UNIT_HEADERS: [&str; 4] = [UNIT_HEADER, "单位名称", "被考核单位", "被考核单位名称"];

/// Whether a header (as [`crate::evidence::cell::normalise_name`] writes it) heads the
/// column of units.
pub fn is_unit_header(text: &str) -> bool {
    UNIT_HEADERS.contains(&text)
}

/// The header of a column of row numbers, which offices put before the units and
/// kaohe does not read.
pub const SERIAL_HEADER: &str = "序号";

/// What one column of a fact holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// The fact's whole value: a bool, a count, a percentage, a date, or a set's
    /// members in one cell.
    Value,
    /// The count of one member of a tally.
    Member(String),
    /// The reason given with a discretionary score (the score is its `Value`).
    Reason,
}

/// The last part of the header of a discretionary score's reason column.
pub const REASON: &str = "理由";

/// One column a spreadsheet for the rubric has.
#[derive(Debug, Clone)]
pub struct Column<'r> {
    pub item: &'r Item,
    pub fact: &'r FactDecl,
    pub part: Part,
    /// The header text, such as `决策预公开/未做意见征集`.
    pub header: String,
}

impl Column<'_> {
    /// Whether every row must give this column a value: facts with a `default` may be
    /// left blank.
    pub fn required(&self) -> bool {
        self.fact.default.is_none()
    }
}

/// The columns of a rubric's spreadsheet, in the table's order, and the facts whose
/// type no cell can give yet.
#[derive(Debug, Clone)]
pub struct Layout<'r> {
    pub columns: Vec<Column<'r>>,
    /// Facts that cannot be written in a cell (types the spreadsheet reader does not
    /// know yet), with their item.
    pub unsupported: Vec<(&'r Item, &'r FactDecl)>,
    /// The `periods` facts among them, which a workbook gives on a sheet of their own
    /// ([`periods_sheet`]), one row per period.
    pub sheets: Vec<(&'r Item, &'r FactDecl)>,
}

/// The most characters Excel allows in a sheet's name.
const SHEET_NAME_MAX: usize = 31;

/// The name of the sheet that holds a `periods` fact's rows in a workbook (unless
/// another fact's sheet has it: [`Layout::sheet_names`]): the item's name and the
/// fact's joined by `-`, `依申请公开答复-申请`. The characters Excel
/// refuses in a sheet's name (`[]:*?/\`) are written `_`, and a name longer than
/// Excel's 31 characters is cut, so that the form can always be saved.
pub fn periods_sheet(item: &Item, fact: &FactDecl) -> String {
    format!("{}-{}", item.name.node, fact.name.node)
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c => c,
        })
        .take(SHEET_NAME_MAX)
        .collect()
}

impl Layout<'_> {
    /// The names of the sheets of the `periods` facts, in the order of
    /// [`Layout::sheets`]: each [`periods_sheet`], and a name already taken (two names
    /// cut to the same 31 characters, compared as Excel does, regardless of case)
    /// followed by `-2`, `-3` … within the limit, so that every sheet has its own.
    pub fn sheet_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(self.sheets.len());
        for (item, fact) in &self.sheets {
            let base = periods_sheet(item, fact);
            let mut name = base.clone();
            // At most one more try than there are names already taken.
            for n in 2..out.len() + 3 {
                if !out.iter().any(|o| o.to_lowercase() == name.to_lowercase()) {
                    break;
                }
                let suffix = format!("-{n}");
                let keep = SHEET_NAME_MAX - suffix.chars().count();
                name = base.chars().take(keep).collect::<String>() + &suffix;
            }
            out.push(name);
        }
        out
    }

    /// The name of the sheet of one of the layout's `periods` facts.
    pub fn sheet_name(&self, fact: &FactDecl) -> String {
        let names = self.sheet_names();
        self.sheets
            .iter()
            .position(|(_, f)| std::ptr::eq(*f, fact))
            .and_then(|i| names.into_iter().nth(i))
            .unwrap_or_default()
    }
}

/// The header of a fact's column: `ITEM/FACT`.
pub fn header(item: &Item, fact: &FactDecl) -> String {
    format!("{}/{}", item.name.node, fact.name.node)
}

/// The columns of every fact of the rubric, in the order of the rule file.
pub fn layout(rubric: &Rubric) -> Layout<'_> {
    let mut columns = Vec::new();
    let mut unsupported = Vec::new();
    let mut sheets = Vec::new();
    for item in model::items(&rubric.nodes) {
        for fact in &item.facts {
            match parts(&fact.ty.node) {
                Some(parts) => {
                    for part in parts {
                        let header = match &part {
                            Part::Value => header(item, fact),
                            Part::Member(m) => format!("{}/{m}", header(item, fact)),
                            Part::Reason => format!("{}/{REASON}", header(item, fact)),
                        };
                        columns.push(Column {
                            item,
                            fact,
                            part,
                            header,
                        });
                    }
                }
                None => {
                    if matches!(fact.ty.node, FactType::Periods { .. }) {
                        sheets.push((item, fact));
                    }
                    unsupported.push((item, fact));
                }
            }
        }
    }
    Layout {
        columns,
        unsupported,
        sheets,
    }
}

/// The columns a fact of this type takes, or `None` when a cell cannot give it yet.
// Fact types the language gains later reach the last arm until the spreadsheet
// reader learns them; until then the arm is unreachable, which is what the `allow`
// is for.
#[allow(unreachable_patterns)]
fn parts(ty: &FactType) -> Option<Vec<Part>> {
    match ty {
        FactType::Bool
        | FactType::Count { .. }
        | FactType::Percent { .. }
        | FactType::Number { .. }
        | FactType::Date
        | FactType::Set(_)
        | FactType::Dates => Some(vec![Part::Value]),
        FactType::Tally(members) => Some(
            members
                .iter()
                .map(|m| Part::Member(m.name.node.clone()))
                .collect(),
        ),
        FactType::Discretion { .. } => Some(vec![Part::Value, Part::Reason]),
        _ => None,
    }
}

/// The spreadsheet column letters of a 0-based column index: `A`, …, `Z`, `AA`, ….
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::column_letters;

    #[test]
    fn letters_follow_the_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(51), "AZ");
        assert_eq!(column_letters(52), "BA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
