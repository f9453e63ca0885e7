//! The one reading of a spreadsheet row's facts: each fact's cells read by its
//! column's type ([`cell::read`]) and typed and checked by the same functions as every
//! format's values ([`check`]), straight into the unit's vector of facts, without an
//! evidence tree. The cells of the common types in their common spellings are read
//! straight into their value ([`cell::quick`]), without a node for the value either.
//!
//! A row with problems reports them from this same reading: each cell refused for its
//! spelling, the facts a tally or a discretionary score gives only in part, the
//! problems the typing finds ([`Finding`]s, worded for the sheet by `wording`), and
//! the facts each item lacks ([`complete`], [`missing`]), where the row's blank
//! cells are recorded for the wording to name.

use super::super::cell::{self, Cell, Quick, Read};
use super::super::columns::Part;
use super::super::members::MemberCounts;
use super::super::raw::{Node, Raw};
use super::super::value::{check, complete, missing, Fact, Finding, Value};
use super::wording::refusal;
use super::{Header, Placed, RowRead};
use crate::check::Rubric;
use crate::diagnostic::Diagnostic;
use crate::evidence::problem::SheetError;
use crate::model::{self, FactDecl, FactType, Item};
use crate::span::{Span, Spanned};

/// Where each fact of the rubric is found in a sheet's rows, worked out once from its
/// header.
#[derive(Debug)]
pub(crate) struct RowPlan<'r> {
    items: Vec<ItemPlan<'r>>,
    slots: usize,
}

#[derive(Debug)]
struct ItemPlan<'r> {
    item: &'r Item,
    facts: Vec<FactPlan<'r>>,
}

#[derive(Debug)]
struct FactPlan<'r> {
    decl: &'r FactDecl,
    slot: usize,
    /// The fact's columns the header has, in the layout's order.
    columns: Vec<PlacedColumn>,
    /// How the cells of a fact of one column are read the fast way.
    reader: cell::QuickReader,
}

/// One of a fact's columns, placed in the sheet.
#[derive(Debug)]
struct PlacedColumn {
    /// The sheet's column.
    col: usize,
    /// The layout's column ([`super::super::columns::Layout::columns`]).
    index: usize,
    part: Part,
}

/// The plan for a sheet whose header puts the layout's column `i` at sheet column
/// `at(i)`. A fact of which the header has some columns and not others (the header's
/// problem, reported there) is read from those it has.
pub(crate) fn plan<'r>(
    rubric: &'r Rubric,
    layout: &super::super::columns::Layout<'r>,
    at: impl Fn(usize) -> Option<usize>,
) -> RowPlan<'r> {
    let mut items = Vec::new();
    // Every item, those whose facts no cell can give included: their defaults and
    // what they lack are worked out as `validate` does.
    for item in model::items(&rubric.nodes) {
        let mut facts = Vec::with_capacity(item.facts.len());
        for decl in &item.facts {
            let placed: Vec<(Option<usize>, usize, Part)> = layout
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| std::ptr::eq(c.fact, decl))
                .map(|(i, c)| (at(i), i, c.part.clone()))
                .collect();
            let count = placed.len();
            let columns: Vec<PlacedColumn> = placed
                .into_iter()
                .filter_map(|(c, index, part)| c.map(|col| PlacedColumn { col, index, part }))
                .collect();
            // A column of its own holds the fact's whole value (a tally's member alone
            // in a column is read the slow way, which refuses it).
            let reader = match columns.as_slice() {
                [PlacedColumn {
                    part: part @ Part::Value,
                    ..
                }] if count == 1 => cell::QuickReader::new(decl, part),
                _ => cell::QuickReader::Slow,
            };
            facts.push(FactPlan {
                decl,
                slot: decl.id.index(),
                columns,
                reader,
            });
        }
        items.push(ItemPlan { item, facts });
    }
    RowPlan {
        items,
        slots: rubric.slots,
    }
}

/// One row as the facts read from it see it.
pub(super) struct RowCells<'a, 'c> {
    /// The sheet's 0-based row.
    pub(super) row: usize,
    pub(super) cells: &'a [Cell<'c>],
    /// A blank cell at the end of the row, for the cells past the end of a short row.
    pub(super) blank: &'a Cell<'c>,
    /// The facts given elsewhere than in the row (a workbook's `periods` facts, each
    /// at its slot), as nodes of the tree TOML gives.
    pub(super) given: &'a [(usize, Node)],
    /// Where the row names its unit, or the row itself when it names none.
    pub(super) unit: Span,
    /// The unit's name, when messages should name the row by it (a valid name).
    pub(super) name: Option<&'a str>,
}

/// The facts of one row, each at its slot, and the typing's problems
/// ([`Finding`]s, sorted as diagnostics are, added to `findings`); the row's own
/// problems (cells refused for their spelling, facts given in part) and its blank
/// cells go to `found`. The row is valid when neither holds a problem.
pub(super) fn facts(
    plan: &RowPlan<'_>,
    rubric: &Rubric,
    part: Placed<'_>,
    header: &Header<'_>,
    row: &RowCells<'_, '_>,
    found: &mut RowRead,
    findings: &mut Vec<Finding>,
) -> Vec<Option<Fact>> {
    // Made with `resize_with`, not `vec![None; n]`, which clones its `None` into each
    // place.
    let mut facts: Vec<Option<Fact>> = Vec::with_capacity(plan.slots);
    facts.resize_with(plan.slots, || None);
    for item in &plan.items {
        let mut reading = ItemReading {
            item: item.item,
            blanks: Vec::new(),
            refused: Vec::new(),
        };
        for fact in &item.facts {
            // Most cells are read the fast way, here; the rest by `ItemReading::cells`.
            match fact.columns.as_slice() {
                [] => continue,
                [column] => {
                    let cell = row.cells.get(column.col).unwrap_or(row.blank);
                    match fact.reader.read(cell) {
                        Quick::Value(value) => {
                            facts[fact.slot] = Some(Fact {
                                value,
                                span: Some(cell.span),
                            });
                            continue;
                        }
                        Quick::Blank => {
                            if fact.decl.default.is_none() {
                                reading.blanks.push((column.col, cell.span));
                            }
                            continue;
                        }
                        Quick::Slow => {}
                    }
                }
                _ => {}
            }
            let Some(node) = reading.cells(part, header, row, fact, &mut facts, found) else {
                continue;
            };
            reading.typed(rubric, part, fact, &node, &mut facts, findings);
        }
        // The facts given elsewhere, after the row's, as they follow them in a tree.
        let mut given_elsewhere = false;
        if !row.given.is_empty() {
            for fact in item.facts.iter().filter(|f| f.columns.is_empty()) {
                if let Some((_, node)) = row.given.iter().find(|(slot, _)| *slot == fact.slot) {
                    given_elsewhere = true;
                    reading.typed(rubric, part, fact, node, &mut facts, findings);
                }
            }
        }
        // An item with every fact given has no default to fill and lacks nothing, as
        // `complete` would find; most items of a valid row are so.
        if item.facts.iter().all(|f| facts[f.slot].is_some()) {
            if !reading.blanks.is_empty() {
                reading.finish(found);
            }
            continue;
        }
        let needed = complete(item.item, &mut facts, rubric.calendar.as_ref());
        // A fact given a value already refused was reported already.
        let lacking: Vec<&FactDecl> = needed
            .into_iter()
            .filter(|f| !reading.refused.contains(&f.id.index()))
            .collect();
        if !lacking.is_empty() {
            // Where the item's entry would stand in a tree: at its first blank cell,
            // or its first cell; at the unit when only facts given elsewhere are.
            let first = item.facts.iter().find_map(|f| f.columns.first());
            let entry = match (reading.blanks.first(), first) {
                (Some(&(_, span)), _) => Some(span),
                (None, Some(column)) => Some(row.cells.get(column.col).unwrap_or(row.blank).span),
                (None, None) => given_elsewhere.then_some(row.unit),
            };
            findings.extend(missing(item.item, &lacking, entry, row.unit));
        }
        if !reading.blanks.is_empty() {
            reading.finish(found);
        }
    }
    // Sorted as `crate::diagnostic::sort` sorts diagnostics.
    findings.sort_by(Finding::order);
    facts
}

/// What the reading of one item's facts keeps until the item is done.
struct ItemReading<'i> {
    item: &'i Item,
    /// The blank cells of facts that must be given and have nothing: (sheet column,
    /// span).
    blanks: Vec<(usize, Span)>,
    /// The slots of the facts given a value that was refused.
    refused: Vec<usize>,
}

impl ItemReading<'_> {
    /// Reads a fact's cells that the fast way has not read (a single cell it left to
    /// the slow way, or several): their value, then in `facts`, and `None`, when a
    /// tally is read the fast way or the cells are blank; otherwise the node the
    /// cells give, to be typed.
    fn cells(
        &mut self,
        part: Placed<'_>,
        header: &Header<'_>,
        row: &RowCells<'_, '_>,
        fact: &FactPlan<'_>,
        facts: &mut [Option<Fact>],
        found: &mut RowRead,
    ) -> Option<Node> {
        let at = |c: usize| row.cells.get(c).unwrap_or(row.blank);
        let required = fact.decl.default.is_none();
        if let [column] = fact.columns.as_slice() {
            let cell = at(column.col);
            return match cell::read(fact.decl, &column.part, cell, part.grid.dates) {
                Read::Blank => {
                    if required {
                        self.blanks.push((column.col, cell.span));
                    }
                    None
                }
                Read::Value(node) => Some(node),
                Read::Wrong { node, problem } => {
                    let layout = &header.layout.columns[column.index];
                    found
                        .problems
                        .push(refusal(part, row.row, column.col, layout, cell, &problem));
                    found.refused.insert(cell.span);
                    Some(node)
                }
            };
        }
        match tally(fact.decl, &fact.columns, row.cells, row.blank) {
            Quick::Value(value) => {
                // The span of the table the cells give: its first cell's.
                facts[fact.slot] = Some(Fact {
                    value,
                    span: Some(at(fact.columns[0].col).span),
                });
                return None;
            }
            Quick::Blank => {
                if required {
                    let spans = fact.columns.iter().map(|c| (c.col, at(c.col).span));
                    self.blanks.extend(spans);
                }
                return None;
            }
            Quick::Slow => {}
        }
        // A fact of several cells (a tally's members, a discretionary score and its
        // reason), read as the table a tree gives.
        let mut given = Vec::with_capacity(fact.columns.len());
        let mut blank = Vec::new();
        for column in &fact.columns {
            let cell = at(column.col);
            let layout = &header.layout.columns[column.index];
            match cell::read(fact.decl, &column.part, cell, part.grid.dates) {
                Read::Blank => {
                    if required {
                        blank.push((column.col, cell.span, layout.header.as_str()));
                    }
                }
                Read::Value(node) => given.push((column, cell.span, node)),
                Read::Wrong { node, problem } => {
                    found
                        .problems
                        .push(refusal(part, row.row, column.col, layout, cell, &problem));
                    found.refused.insert(cell.span);
                    given.push((column, cell.span, node));
                }
            }
        }
        if given.is_empty() {
            // Nothing given: the fact is missing, and the item's reading says so.
            self.blanks
                .extend(blank.iter().map(|&(c, span, _)| (c, span)));
            return None;
        }
        // A tally (a cell per member) or a discretionary score (points and reason)
        // given only in part: the blank cells are missing, never 0.
        let span = match blank.first() {
            Some(&(c, span, _)) => {
                let tally = fact
                    .columns
                    .iter()
                    .any(|column| matches!(column.part, Part::Member(_)));
                found.problems.push(
                    Diagnostic::from(SheetError::InPart {
                        span,
                        row: row.row,
                        unit: row.name.map(str::to_string),
                        fact: fact.decl.name.node.clone(),
                        col: c,
                        tally,
                        blanks: blank.iter().map(|(c, _, h)| (*c, h.to_string())).collect(),
                    })
                    .with_source(part.source()),
                );
                // The typing says the same of the part that lacks: its words are
                // dropped.
                found.refused.insert(span);
                span
            }
            None => given[0].1,
        };
        let parts = given
            .into_iter()
            .map(|(column, span, node)| {
                let name = match &column.part {
                    Part::Member(m) => m.clone(),
                    Part::Value => "score".to_string(),
                    Part::Reason => "reason".to_string(),
                };
                (Spanned::new(name, span), node)
            })
            .collect();
        Some(Node {
            raw: Raw::Table(parts),
            span,
        })
    }

    /// Types a fact's node into `facts`, or adds its problems to `findings`.
    fn typed(
        &mut self,
        rubric: &Rubric,
        part: Placed<'_>,
        fact: &FactPlan<'_>,
        node: &Node,
        facts: &mut [Option<Fact>],
        findings: &mut Vec<Finding>,
    ) {
        match check(rubric, part.source(), self.item, fact.decl, node) {
            Ok(value) => {
                facts[fact.slot] = Some(Fact {
                    value,
                    span: Some(node.span),
                })
            }
            Err(found) => {
                findings.extend(found);
                self.refused.push(fact.slot);
            }
        }
    }

    /// Hands the item's blank cells to the row's reading, for the wording.
    fn finish(self, found: &mut RowRead) {
        found
            .blanks
            .push((self.item.name.node.clone(), self.blanks));
    }
}

/// A tally, one cell per member, read the fast way ([`cell::quick`]) into the value
/// the table of its cells is typed as: [`Quick::Blank`] when every cell is blank (the
/// fact is missing), the tally when every cell holds a count in digits, and otherwise
/// [`Quick::Slow`] (a cell blank and others not, a count in another spelling or out of
/// range, a fact that is no tally), for the cells to be read one by one.
fn tally(decl: &FactDecl, columns: &[PlacedColumn], row: &[Cell], blank: &Cell) -> Quick {
    let FactType::Tally(members) = &decl.ty.node else {
        return Quick::Slow;
    };
    let mut counts = vec![0u64; members.len()];
    let mut blanks = 0;
    for column in columns {
        let Part::Member(member) = &column.part else {
            return Quick::Slow;
        };
        if !members.iter().any(|m| m.name.node == *member) {
            return Quick::Slow;
        }
        match cell::quick(decl, &column.part, row.get(column.col).unwrap_or(blank)) {
            Quick::Blank => blanks += 1,
            Quick::Value(Value::Count(n)) => {
                // The typing gives the count to every member of that name.
                for (m, count) in members.iter().zip(&mut counts) {
                    if m.name.node == *member {
                        *count = n;
                    }
                }
            }
            _ => return Quick::Slow,
        }
    }
    match blanks {
        0 => MemberCounts::from_counts(members, counts)
            .map_or(Quick::Slow, |t| Quick::Value(Value::Tally(t))),
        b if b == columns.len() => Quick::Blank,
        _ => Quick::Slow,
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::cell::tests::{fact, members};
    use super::super::super::cell::DateSystem;
    use super::*;
    use crate::check::compile;
    use crate::evidence::MemberSet;
    use crate::model::FactType;
    use crate::source::SourceFile;
    use crate::span::Span;
    use proptest::prelude::*;

    /// A rubric to type values against (only its calendar is read: it has none).
    fn rubric() -> Rubric {
        let text = "rubric 快慢\ntotal 2\nyear 2020\nsection 甲 2 {\n  item 是否 2 {\n    fact 已做 bool\n    if 已做 -2\n  }\n}\n";
        let checked = compile(&SourceFile::new("quick.rule", text));
        assert!(checked.diagnostics.is_empty());
        checked.rubric.expect("a rubric")
    }

    /// A fact of every type the fast way reads, and of those it leaves to the slow.
    fn facts() -> Vec<FactDecl> {
        let max = |m: u64| Some(Spanned::new(m, Span::default()));
        vec![
            fact(FactType::Bool),
            fact(FactType::Count { max: None }),
            fact(FactType::Count { max: max(5) }),
            fact(FactType::Percent { max: None }),
            fact(FactType::Date),
            fact(FactType::Set(members(&[
                "新闻发布会",
                "图表",
                "图解",
                "音视频",
                "H5 页面",
            ]))),
            fact(FactType::Set(members(&["有", "无"]))),
            fact(FactType::Set(members(&["甲", "乙", "甲"]))),
            fact(FactType::Set(members(&[" 丙 ", "丁"]))),
            fact(FactType::Discretion {
                max: Spanned::new(rust_decimal::Decimal::TWO, Span::default()),
            }),
        ]
    }

    /// The node of a cell typed as every format's values are, as the fast way says
    /// it: the value, or refused (`Slow`).
    fn typed(rubric: &Rubric, source: &SourceFile, decl: &FactDecl, node: &Node) -> Quick {
        let item = model::items(&rubric.nodes)[0];
        check(rubric, source, item, decl, node).map_or(Quick::Slow, Quick::Value)
    }

    /// What a cell gives its fact the slow way, as the fast way says it: blank, the
    /// value `read` and the typing give it, or refused (`Slow`).
    fn slow(rubric: &Rubric, source: &SourceFile, decl: &FactDecl, cell: &Cell) -> Quick {
        match cell::read(decl, &Part::Value, cell, DateSystem::Excel1900) {
            Read::Blank => Quick::Blank,
            Read::Value(node) => {
                let value = typed(rubric, source, decl, &node);
                if value != Quick::Slow {
                    assert_eq!(node.span, cell.span);
                }
                value
            }
            Read::Wrong { .. } => Quick::Slow,
        }
    }

    /// A tally's cells read the slow way, one by one, into the table a tree gives,
    /// then typed: blank when every cell is, `Slow` when some are and others not or a
    /// cell is refused.
    fn slow_tally(
        rubric: &Rubric,
        source: &SourceFile,
        decl: &FactDecl,
        (columns, row, blank): (&[PlacedColumn], &[Cell], &Cell),
    ) -> Quick {
        let mut entries = Vec::new();
        for column in columns {
            let cell = row.get(column.col).unwrap_or(blank);
            match cell::read(decl, &column.part, cell, DateSystem::Excel1900) {
                Read::Blank => {}
                Read::Value(node) => {
                    let Part::Member(m) = &column.part else {
                        return Quick::Slow;
                    };
                    entries.push((Spanned::new(m.clone(), node.span), node));
                }
                Read::Wrong { .. } => return Quick::Slow,
            }
        }
        match entries.first() {
            None => Quick::Blank,
            Some(_) if entries.len() < columns.len() => Quick::Slow,
            Some((_, first)) => {
                assert_eq!(first.span, row[0].span);
                let span = first.span;
                let node = Node {
                    raw: Raw::Table(entries),
                    span,
                };
                typed(rubric, source, decl, &node)
            }
        }
    }

    fn text_cell(text: &str) -> Cell<'_> {
        Cell {
            input: cell::Input::Text(text.into()),
            span: Span::new(7, 7 + text.len()),
            text_at: Some(7),
        }
    }

    /// The fast way gives a value only where the slow way gives the same one, and a
    /// blank where it gives a blank; every other cell it leaves to the slow way.
    fn agree(rubric: &Rubric, source: &SourceFile, decl: &FactDecl, text: &str) -> Quick {
        let cell = text_cell(text);
        let quick = cell::quick(decl, &Part::Value, &cell);
        let slow = slow(rubric, source, decl, &cell);
        match &quick {
            Quick::Slow => {}
            _ => assert_eq!(quick, slow, "{:?} as {:?}", text, decl.ty.node),
        }
        quick
    }

    #[test]
    fn the_fast_way_reads_as_the_slow_way_spelling_by_spelling() {
        let rubric = rubric();
        let source = SourceFile::new("quick.csv", "");
        let spellings = [
            "",
            " ",
            "\u{3000}",
            "\u{200B}",
            "0",
            "1",
            "12",
            "０",
            "１２",
            " 12 ",
            "\u{3000}12",
            "1\u{200B}2",
            "1,234",
            "1，234",
            "-1",
            "+3",
            "2.5",
            "3.50",
            "100",
            "100.0",
            "100.01",
            "101",
            "5",
            "6",
            "007",
            "1000000000000",
            "1000000000001",
            "999999999999999999",
            "9999999999999999999",
            "三",
            "十二",
            "两百",
            "无",
            "-",
            "是",
            "否",
            "有",
            "对",
            "错",
            "√",
            "×",
            "✓",
            "✗",
            "Y",
            "n",
            "yes",
            "NO",
            "true",
            "FALSE",
            "Ｙ",
            "ｆａｌｓｅ",
            "是的",
            "3.5%",
            "3.5％",
            "３．５％",
            "4 %",
            ".5",
            "5.",
            "1e2",
            "2020-12-30",
            "2020/12/30",
            "2020.12.30",
            "2020/4/5",
            "2020年12月30日",
            "2020 年 4 月 5 日",
            "2020年4月5号",
            "２０２０－１２－３０",
            "2020-12-30 10:00",
            "2020-12-30T10:00:00",
            "2020-02-30",
            "2021年2月29日",
            "2020/13/01",
            "2020-00-10",
            "0000-01-01",
            "20201230",
            "44195",
            "[]",
            "图表",
            "图表、图解",
            "图表、 图解 ,动漫、",
            "新闻 发布会、Ｈ５页面",
            "H5 页面",
            "图表 图解",
            "、、",
            "图表;图解；音视频|新闻发布会\n图表\r\n图解｜音视频",
            "\u{3000}图表，图解",
            "甲",
            "甲、乙",
            "丙",
            "丁",
            " 丙 ",
            "有、无",
            "无、有",
            // A separator that trimming takes away once a character beside it is
            // dropped by folding: the text says none.
            "\u{200B}\n无",
            "[]\r\u{FEFF}",
            "\u{2060}、[]",
        ];
        let mut fast = 0;
        for decl in facts() {
            for text in spellings {
                if matches!(agree(&rubric, &source, &decl, text), Quick::Value(_)) {
                    fast += 1;
                }
            }
        }
        // The common spellings are read the fast way.
        assert!(fast > 80, "{fast}");
        let decls = facts();
        let value = |decl: &FactDecl, text: &str| cell::quick(decl, &Part::Value, &text_cell(text));
        assert_eq!(value(&decls[0], "是"), Quick::Value(Value::Bool(true)));
        assert_eq!(value(&decls[1], "１２"), Quick::Value(Value::Count(12)));
        assert_eq!(value(&decls[2], "6"), Quick::Slow);
        assert_eq!(
            value(&decls[3], "3.50"),
            Quick::Value(Value::Percent(rust_decimal::Decimal::new(35, 1)))
        );
        assert_eq!(
            value(&decls[4], "2020年4月5号"),
            Quick::Value(Value::Date(chrono::NaiveDate::from_ymd_opt(2020, 4, 5)))
        );
        assert_eq!(value(&decls[4], "否"), Quick::Value(Value::Date(None)));
        assert_eq!(
            value(&decls[5], "音视频、新闻 发布会、图表"),
            Quick::Value(Value::Set(MemberSet::of_names(&[
                "新闻发布会",
                "图表",
                "音视频"
            ])))
        );
        assert_eq!(value(&decls[5], "图表、动漫"), Quick::Slow);
        assert_eq!(
            value(&decls[6], "无"),
            Quick::Value(Value::Set(MemberSet::of_names(&["无"])))
        );
        assert_eq!(value(&decls[5], " "), Quick::Blank);
    }

    /// A tally's member cells the fast way and the slow way ([`slow_tally`]), as
    /// [`agree`] compares single cells; the row may stop short of the columns.
    fn tally_agrees(rubric: &Rubric, source: &SourceFile, texts: &[&str]) -> Quick {
        let names = ["国办", "省府办", "市府办"];
        let decl = fact(FactType::Tally(members(&names)));
        let columns: Vec<PlacedColumn> = names
            .iter()
            .enumerate()
            .map(|(i, m)| PlacedColumn {
                col: i,
                index: i,
                part: Part::Member(m.to_string()),
            })
            .collect();
        let blank = Cell {
            input: cell::Input::Empty,
            span: Span::default(),
            text_at: None,
        };
        let row: Vec<Cell> = texts.iter().map(|t| text_cell(t)).collect();
        let quick = tally(&decl, &columns, &row, &blank);
        let slow = slow_tally(rubric, source, &decl, (&columns, &row, &blank));
        if quick != Quick::Slow {
            assert_eq!(quick, slow, "{texts:?}");
        }
        quick
    }

    #[test]
    fn a_tally_reads_as_the_slow_way() {
        let rubric = rubric();
        let source = SourceFile::new("quick.csv", "");
        let tally = |texts: &[&str]| tally_agrees(&rubric, &source, texts);
        assert_eq!(
            tally(&["0", " 12", "１"]),
            Quick::Value(Value::Tally(MemberCounts::of_counts(&[
                ("国办", 0),
                ("省府办", 12),
                ("市府办", 1)
            ])))
        );
        assert_eq!(tally(&["", " ", "\u{3000}"]), Quick::Blank);
        assert_eq!(tally(&[]), Quick::Blank);
        for slow in [
            &["1", "", "2"][..],
            &["1", "2"],
            &["三", "0", "0"],
            &["1,000", "0", "0"],
            &["-1", "0", "0"],
            &["1000000000001", "0", "0"],
            &["x", "0", "0"],
        ] {
            assert_eq!(tally(slow), Quick::Slow, "{slow:?}");
        }
    }

    /// Texts made of the pieces cells are spelled with, right and wrong.
    fn spelling() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "0",
            "1",
            "2",
            "9",
            "12",
            "１",
            "５",
            ".",
            "．",
            ",",
            "，",
            "%",
            "％",
            "-",
            "−",
            "+",
            " ",
            "\u{3000}",
            "\u{200B}",
            "\u{FEFF}",
            "\u{A0}",
            "\n",
            "2020",
            "12",
            "30",
            "年",
            "月",
            "日",
            "号",
            "/",
            "T",
            ":",
            "是",
            "否",
            "无",
            "有",
            "Y",
            "n",
            "true",
            "false",
            "三",
            "十",
            "百",
            "零",
            "两",
            "、",
            "；",
            "|",
            "图表",
            "图解",
            "音视频",
            "新闻发布会",
            "Ｈ５",
            "H5",
            "页面",
            "甲",
            "乙",
            "丙",
            "[]",
            "e",
        ]);
        prop::collection::vec(pieces, 0..7).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 2048,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]
        #[test]
        fn the_fast_way_never_reads_a_cell_otherwise(text in spelling()) {
            let rubric = rubric();
            let source = SourceFile::new("quick.csv", "");
            for decl in facts() {
                agree(&rubric, &source, &decl, &text);
            }
        }

        #[test]
        fn the_fast_way_never_reads_a_tally_otherwise(
            texts in prop::collection::vec(spelling(), 0..4),
        ) {
            let rubric = rubric();
            let source = SourceFile::new("quick.csv", "");
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            tally_agrees(&rubric, &source, &texts);
        }
    }
}
