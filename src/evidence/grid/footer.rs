//! The rows an office writes under its units and kaohe passes over: a total or an
//! average (`合计`, `小计`, `平均`), a note (`备注`), who filled and checked the form and
//! when (`填表人`, `审核人`, `制表日期`), and a row of formulas such as `=SUM(C3:C20)`
//! with no unit. Each is skipped, and one warning at the end of the sheet lists them
//! ([`Skipped`]); a row that holds nothing but its number (`序号`) is blank.

use super::*;

/// The words that begin a row under the units, alone in their cell or followed by a
/// colon (`填表人：张三`).
const MARKERS: [&str; 22] = [
    "合计",
    "总计",
    "小计",
    "共计",
    "平均",
    "平均分",
    "平均值",
    "备注",
    "说明",
    "注",
    "填表人",
    "填报人",
    "审核人",
    "制表人",
    "负责人",
    "联系人",
    "联系电话",
    "填表日期",
    "填报日期",
    "制表日期",
    "审核日期",
    "单位负责人",
];

/// Whether a cell's text begins a row under the units: one of [`MARKERS`], its
/// spaces aside (`合　计`), alone or before a colon.
fn is_marker(text: &str) -> bool {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    MARKERS.iter().any(|m| {
        text.strip_prefix(m)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '：']))
    })
}

/// Whether a cell holds a formula: a CSV cell's text or a workbook's total written as
/// `=SUM(…)`.
fn is_formula(cell: &Cell<'_>) -> bool {
    matches!(&cell.input, cell::Input::Text(t) if t.trim_start().starts_with('='))
}

/// What a row below the header is, before it is read as a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Nothing in it but, perhaps, its number.
    Blank,
    /// A row under the units: a total, a note, a signature, a row of formulas.
    Footer,
    /// A unit's row.
    Unit,
}

/// What the row of `cells` is, under `header`.
pub(super) fn kind(header: &Header<'_>, cells: &[Cell<'_>]) -> Kind {
    let other = |c: usize| Some(c) != header.serial;
    let mut given = cells
        .iter()
        .enumerate()
        .filter(|(c, cell)| other(*c) && !cell.is_blank());
    let marked = |cell: &Cell<'_>| matches!(&cell.input, cell::Input::Text(t) if is_marker(t));
    // The label of a total or a note may stand in the column of numbers, merged over
    // the unit's.
    if header.serial.is_some_and(|c| marked(&cell_in(cells, c))) {
        return Kind::Footer;
    }
    let Some((_, first)) = given.clone().next() else {
        return Kind::Blank;
    };
    let unit = header.unit.map(|c| cell_in(cells, c));
    if marked(first) || unit.as_ref().is_some_and(marked) {
        return Kind::Footer;
    }
    let no_unit = unit.as_ref().is_none_or(Cell::is_blank);
    if no_unit && given.all(|(c, cell)| Some(c) == header.unit || is_formula(cell)) {
        return Kind::Footer;
    }
    Kind::Unit
}

/// The rows skipped as under the units, for the one warning that lists them.
#[derive(Default)]
pub(super) struct Skipped {
    /// The rows skipped (0-based), the first [`Skipped::LISTED`] of them.
    rows: Vec<usize>,
    /// How many were skipped.
    count: usize,
    /// The first one's text and span, to point at, its label and the sheet as
    /// messages name it.
    first: Option<(SourceFile, Span, String, String)>,
}

impl Skipped {
    /// The most rows the warning lists by number.
    const LISTED: usize = 20;

    /// Counts a row skipped: the sheet's 0-based `row` of `part`, its first text
    /// `label` at `span`.
    pub(super) fn add(&mut self, part: Placed<'_>, row: usize, (label, span): (String, Span)) {
        self.count += 1;
        if self.rows.len() < Self::LISTED {
            self.rows.push(row);
        }
        self.first
            .get_or_insert_with(|| (part.source().clone(), span, label, part.what()));
    }

    /// The warning that lists the rows skipped, if any was.
    pub(super) fn warning(self) -> Option<Diagnostic> {
        let (source, span, label, what) = self.first?;
        let rows: Vec<String> = self.rows.iter().map(|r| (r + 1).to_string()).collect();
        Some(
            Diagnostic::warning(
                codes::EVIDENCE_SKIPPED,
                msg!(
                    "sheet-skipped",
                    what = what,
                    count = self.count,
                    rows = rows.join(&msg!("evidence-missing".separator)),
                    more = self.count - self.rows.len()
                ),
            )
            .primary(span, msg!("sheet-skipped".label, label = label))
            .help(msg!("sheet-skipped".help))
            .with_source(&source),
        )
    }
}

/// The first text of a row, as the warning quotes it: its first cell that is not
/// blank, at most a few characters.
pub(super) fn label(cells: &[Cell<'_>]) -> (String, Span) {
    match cells.iter().find(|cell| !cell.is_blank()) {
        Some(cell) => {
            let text = cell.text();
            let short: String = text.chars().take(16).collect();
            let short = if short.len() < text.len() {
                format!("{short}…")
            } else {
                short
            };
            (short, cell.span)
        }
        None => (String::new(), span_of(cells)),
    }
}

#[cfg(test)]
mod tests {
    use super::is_marker;

    #[test]
    fn markers_are_read_alone_or_before_a_colon() {
        for text in [
            "合计",
            "合　计",
            "填表人：张三  审核人：李四",
            "制表日期:2021-01-05",
            "平均分",
        ] {
            assert!(is_marker(text), "{text}");
        }
        for text in ["合计局", "台山市", "注册中心", ""] {
            assert!(!is_marker(text), "{text}");
        }
    }
}
