//! The fast way through a spreadsheet row: each cell read by its column's type
//! ([`cell::read`]) and checked as [`super::validate`] checks it ([`typed`]), straight
//! into the unit's vector of facts, without building the row's evidence tree. The
//! cells of the common types in their common spellings are read straight into their
//! value ([`cell::quick`]), without the tree's node for the value either.
//!
//! It takes a row only when every cell is valid and nothing the unit needs is
//! missing: it gives up (`None`) at the first thing that is not so, and the row is
//! then read the careful way (`grid::read_row`), which builds the tree, validates it
//! and words every problem for the sheet. So a valid row gives the same unit either
//! way, and a row with a problem gets the same diagnostics; this is only faster.

use super::cell::{self, Cell, DateSystem, Quick, Read};
use super::columns::{Layout, Part};
use super::members::MemberCounts;
use super::raw::{Node, Raw};
use super::value::{complete, typed, Fact, Value};
use crate::check::Rubric;
use crate::model::{self, FactDecl, FactType, Item};
use crate::source::SourceFile;
use crate::span::Spanned;

/// Where each fact of the rubric is found in a sheet's rows, worked out once from its
/// header.
#[derive(Debug)]
pub struct RowPlan<'r> {
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
    /// The fact's columns: the sheet column of each, and what it holds.
    columns: Vec<(usize, Part)>,
    /// How the cells of a fact of one column are read the fast way.
    reader: cell::QuickReader,
}

/// The plan for a sheet whose header puts the layout's column `i` at sheet column
/// `at(i)`; `None` when a fact has some of its columns and not others (the header's
/// problem, reported there), or a fact of the rubric has no slot.
pub fn plan<'r>(
    rubric: &'r Rubric,
    layout: &Layout<'r>,
    at: impl Fn(usize) -> Option<usize>,
) -> Option<RowPlan<'r>> {
    let mut items = Vec::new();
    // Every item, those whose facts no cell can give included: their defaults and
    // what they lack are worked out as `validate` does.
    for item in model::items(&rubric.nodes) {
        let mut facts = Vec::with_capacity(item.facts.len());
        for decl in &item.facts {
            let placed: Vec<(Option<usize>, Part)> = layout
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| std::ptr::eq(c.fact, decl))
                .map(|(i, c)| (at(i), c.part.clone()))
                .collect();
            let count = placed.len();
            let columns: Vec<(usize, Part)> = placed
                .into_iter()
                .filter_map(|(c, part)| c.map(|c| (c, part)))
                .collect();
            if !columns.is_empty() && columns.len() != count {
                return None;
            }
            // A column of its own holds the fact's whole value (a tally's member alone
            // in a column is left to the slow way, which refuses it).
            let reader = match columns.as_slice() {
                [(_, part @ Part::Value)] => cell::QuickReader::new(decl, part),
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
    Some(RowPlan {
        items,
        slots: rubric.slots,
    })
}

/// The facts of one row, when every cell is valid and the unit lacks nothing it needs;
/// `None` sends the row the careful way. `blank` stands for a cell past the end of a
/// short row; `given` are the nodes of facts given elsewhere than in the row (a
/// workbook's `periods` facts, each at its slot), read as the row's are.
pub fn facts(
    plan: &RowPlan<'_>,
    rubric: &Rubric,
    source: &SourceFile,
    (row, given): (&[Cell], &[(usize, Node)]),
    blank: &Cell,
    dates: DateSystem,
) -> Option<Vec<Option<Fact>>> {
    // Made with `resize_with`, not `vec![None; n]`, which clones its `None` into each
    // place.
    let mut facts: Vec<Option<Fact>> = Vec::with_capacity(plan.slots);
    facts.resize_with(plan.slots, || None);
    for item in &plan.items {
        for fact in &item.facts {
            let node = match fact.columns.as_slice() {
                [] => given
                    .iter()
                    .find(|(slot, _)| *slot == fact.slot)
                    .map(|(_, node)| node.clone()),
                [(c, part)] => {
                    let cell = row.get(*c).unwrap_or(blank);
                    match fact.reader.read(cell) {
                        Quick::Blank => None,
                        Quick::Value(value) => {
                            facts[fact.slot] = Some(Fact {
                                value,
                                span: Some(cell.span),
                            });
                            continue;
                        }
                        Quick::Slow => match cell::read(fact.decl, part, cell, dates) {
                            Read::Blank => None,
                            Read::Value(node) => Some(node),
                            Read::Wrong { .. } => return None,
                        },
                    }
                }
                columns => match tally(fact.decl, columns, row, blank) {
                    Quick::Blank => None,
                    Quick::Value(value) => {
                        // The span of the table `parts` would give: its first cell's.
                        let first = row.get(columns[0].0).unwrap_or(blank);
                        facts[fact.slot] = Some(Fact {
                            value,
                            span: Some(first.span),
                        });
                        continue;
                    }
                    Quick::Slow => parts(fact.decl, columns, row, blank, dates)?,
                },
            };
            if let Some(node) = node {
                let value = typed(rubric, source, fact.decl, &node)?;
                facts[fact.slot] = Some(Fact {
                    value,
                    span: Some(node.span),
                });
            }
        }
        // An item with every fact given has no default to fill and lacks nothing, as
        // `complete` would find; most items of a valid row are so.
        let all_given = item.facts.iter().all(|f| facts[f.slot].is_some());
        if !all_given && !complete(item.item, &mut facts, rubric.calendar.as_ref()).is_empty() {
            return None;
        }
    }
    Some(facts)
}

/// A tally, one cell per member, read the fast way ([`cell::quick`]) into the value
/// [`parts`] and `typed` give it: [`Quick::Blank`] when every cell is blank (the fact
/// is missing), the tally when every cell holds a count in digits, and otherwise
/// [`Quick::Slow`] (a cell blank and others not, a count in another spelling or out of
/// range, a fact that is no tally), for [`parts`] to read.
fn tally(decl: &FactDecl, columns: &[(usize, Part)], row: &[Cell], blank: &Cell) -> Quick {
    let FactType::Tally(members) = &decl.ty.node else {
        return Quick::Slow;
    };
    let mut counts = vec![0u64; members.len()];
    let mut blanks = 0;
    for (c, part) in columns {
        let Part::Member(member) = part else {
            return Quick::Slow;
        };
        if !members.iter().any(|m| m.name.node == *member) {
            return Quick::Slow;
        }
        match cell::quick(decl, part, row.get(*c).unwrap_or(blank)) {
            Quick::Blank => blanks += 1,
            Quick::Value(Value::Count(n)) => {
                // `validate` gives the count to every member of that name.
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

/// A fact of several cells (a tally's members, a discretionary score and its reason) as
/// the table `validate` reads: `Some(None)` when every cell is blank (the fact is
/// missing), `None` when some are and others not, or a cell is refused.
fn parts(
    decl: &FactDecl,
    columns: &[(usize, Part)],
    row: &[Cell],
    blank: &Cell,
    dates: DateSystem,
) -> Option<Option<Node>> {
    let mut entries = Vec::with_capacity(columns.len());
    let mut blanks = 0;
    for (c, part) in columns {
        match cell::read(decl, part, row.get(*c).unwrap_or(blank), dates) {
            Read::Blank => blanks += 1,
            Read::Value(node) => {
                let key = match part {
                    Part::Member(m) => m.clone(),
                    Part::Value => "score".to_string(),
                    Part::Reason => "reason".to_string(),
                };
                entries.push((Spanned::new(key, node.span), node));
            }
            Read::Wrong { .. } => return None,
        }
    }
    match (blanks, entries.first()) {
        (0, Some((_, first))) => {
            let span = first.span;
            Some(Some(Node {
                raw: Raw::Table(entries),
                span,
            }))
        }
        (_, None) => Some(None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::cell::tests::{fact, members};
    use super::*;
    use crate::check::compile;
    use crate::evidence::MemberSet;
    use crate::model::FactType;
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

    /// What a cell gives its fact the slow way, as the fast way says it: blank, the
    /// value `read` and `typed` give it, or refused (`Slow`).
    fn slow(rubric: &Rubric, source: &SourceFile, decl: &FactDecl, cell: &Cell) -> Quick {
        match cell::read(decl, &Part::Value, cell, DateSystem::Excel1900) {
            Read::Blank => Quick::Blank,
            Read::Value(node) => match typed(rubric, source, decl, &node) {
                Some(value) => {
                    assert_eq!(node.span, cell.span);
                    Quick::Value(value)
                }
                None => Quick::Slow,
            },
            Read::Wrong { .. } => Quick::Slow,
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

    /// A tally's member cells the fast way and the slow way (`parts`, then `typed`),
    /// as [`agree`] compares single cells; the row may stop short of the columns.
    fn tally_agrees(rubric: &Rubric, source: &SourceFile, texts: &[&str]) -> Quick {
        let names = ["国办", "省府办", "市府办"];
        let decl = fact(FactType::Tally(members(&names)));
        let columns: Vec<(usize, Part)> = names
            .iter()
            .enumerate()
            .map(|(i, m)| (i, Part::Member(m.to_string())))
            .collect();
        let blank = Cell {
            input: cell::Input::Empty,
            span: Span::default(),
            text_at: None,
        };
        let row: Vec<Cell> = texts.iter().map(|t| text_cell(t)).collect();
        let quick = tally(&decl, &columns, &row, &blank);
        let slow = match parts(&decl, &columns, &row, &blank, DateSystem::Excel1900) {
            None => Quick::Slow,
            Some(None) => Quick::Blank,
            Some(Some(node)) => {
                assert_eq!(node.span, row[0].span);
                typed(rubric, source, &decl, &node).map_or(Quick::Slow, Quick::Value)
            }
        };
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
