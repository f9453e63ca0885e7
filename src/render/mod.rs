//! Rendering: a checked rubric → the table as the notice publishes it, 一级指标 (with
//! its points) | 二级指标 | 分值 | 评分说明与细则, one row per item, in Markdown
//! ([`markdown`]), a self-contained HTML page printable on A4 ([`html`]) or an XLSX
//! workbook with merged cells ([`xlsx`]).
//!
//! All three are drawn from one [`Table`]: the rows in the file's order, and for each
//! row the indicator cells that start on it, each spanning the rows of its items. A
//! rubric deeper than two levels gets one indicator column per level (三级指标, …); an
//! item above the deepest level spans the indicator columns to its right. The last row
//! is 合计 with the rubric's total, as in the notice (and the most a unit may score,
//! when bonus points may lift it above the total). A bonus (加分) or penalty (扣分)
//! section says so after its name, with the most it adds or takes.
//!
//! A draft table (`draft`, or `render --draft`) says so in its title, `…(草稿)`,
//! which every format prints.
//!
//! The headings and the words kaohe adds (合计, 分值, the points after a section's
//! name) are messages of `locales/*/form.ftl`: Chinese by default, as the notice
//! prints them ([`Table::new`]), or in the language asked for ([`Table::in_lang`]).

pub mod html;
pub mod markdown;
pub mod xlsx;

use rust_decimal::Decimal;

use crate::check::Rubric;
use crate::locale::Lang;
use crate::model::{ColumnRole, Node, SectionKind};
use crate::report::number;
use crate::tr;

/// The formats of `kaohe render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Markdown table; a first-level cell is written on the first of its rows only.
    Md,
    /// A self-contained HTML page, printable on A4, first-level cells spanning rows.
    Html,
    /// An XLSX workbook with merged cells and wrapped text, set up for A4.
    Xlsx,
}

impl Format {
    /// The format a file name's extension asks for.
    pub fn of_extension(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// The published table of a rubric.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: String,
    /// Where the table comes from (the rubric's `source`), printed above the title.
    pub source: Option<String>,
    pub total: Decimal,
    /// The most a unit may score, when bonus points may lift it above `total`.
    pub total_max: Option<Decimal>,
    /// `total 100 min none`: the total may go below 0.
    pub total_no_min: bool,
    /// How many indicator columns there are: the depth of the deepest item.
    pub levels: usize,
    pub rows: Vec<Row>,
    /// The language of the headings and of the words kaohe adds.
    pub lang: Lang,
    /// A draft table: its title says so (`…(草稿)`) in every format.
    pub draft: bool,
    /// The headings of the indicator columns, when the rule file names them
    /// (`columns { level "类别" … }`); else 一级指标, 二级指标, ….
    pub level_names: Option<Vec<String>>,
    /// The columns right of the indicators, left to right, with their headings: 分值
    /// and 评分说明与细则, or the rule file's own (`columns { … }`).
    pub tail: Vec<(Tail, String)>,
    /// The 合计 row says `100%`: the table prints weights, and its first-level
    /// sections are all written as weights.
    pub total_percent: bool,
    /// A blended table's methods and weights, under the title: `网上考核占80%,
    /// 现场考核占20%`.
    pub methods: Option<String>,
}

/// A column right of the indicator columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tail {
    /// The points (分值); weights as the table writes them with `percent`.
    Points,
    /// The `n`th text column (考核标准, 评分细则), from 0.
    Text(usize),
}

/// One item's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The indicator cells that start on this row, left to right.
    pub cells: Vec<Cell>,
    /// The item's points (分值).
    pub points: Decimal,
    /// A bonus or penalty item without a cap (`none`): its points column says so.
    pub uncapped: bool,
    /// The item's criterion text (评分说明与细则), one entry per line.
    pub criteria: Vec<String>,
    /// The item's notes, each as printed: `(注:…)`.
    pub notes: Vec<String>,
    /// Each `text` of the item, its lines: the second goes to a second text column.
    pub parts: Vec<Vec<String>>,
    /// The item's weight in percent, when the table prints weights (`points … percent`)
    /// and the item's points are written as one.
    pub weight: Option<Decimal>,
}

impl Row {
    /// What the points column prints: the points, or the weight as written (`30%`).
    pub fn points_text(&self, lang: Lang) -> String {
        match self.weight {
            Some(w) => format!("{}%", number(w)),
            None if self.uncapped => tr!(lang, "render-no-cap"),
            None => number(self.points),
        }
    }

    /// The lines of text column `n` of `count`: with one text column, every text and
    /// note; with more, each column takes the item's text of its place, and the last
    /// takes the texts left and the notes.
    pub fn text(&self, n: usize, count: usize) -> Vec<String> {
        if count <= 1 {
            return self.criteria.iter().chain(&self.notes).cloned().collect();
        }
        if n + 1 < count {
            return self.parts.get(n).cloned().unwrap_or_default();
        }
        self.parts
            .iter()
            .skip(n)
            .flatten()
            .chain(&self.notes)
            .cloned()
            .collect()
    }
}

/// An indicator cell: a section's (with its points) or an item's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The first indicator column it occupies (0 is 一级指标).
    pub column: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub name: String,
    /// A section's points, printed after its name: `主动公开 (30分)`.
    pub points: Option<Decimal>,
    /// What a section's points do to the total (a bonus or a penalty section says so).
    pub kind: SectionKind,
    /// A section's own text and notes (an item's are in its row), one entry per line.
    pub lines: Vec<String>,
    /// A section's weight in percent, when the table prints weights (`points …
    /// percent`) and the section's points are written as one: `主动公开 (30%)`.
    pub weight: Option<Decimal>,
    /// A `pooled` section: its points are the limit of its items' deductions together
    /// (`信息发布 (20分, 扣完为止)`).
    pub pooled: bool,
    /// A bonus or penalty section without a cap (`none`): `表彰奖励 (加分, 不设上限)`.
    pub uncapped: bool,
}

impl Cell {
    /// The cell's heading: the name, and a section's points as the notice prints them
    /// (`主动公开 (30分)`); a bonus section `加分项 (加分, 最多5分)`, a penalty section
    /// `倒扣分 (扣分, 最多10分)`.
    pub fn heading(&self, lang: Lang) -> String {
        match self.points_line(lang) {
            Some(points) => format!("{} {points}", self.name),
            None => self.name.clone(),
        }
    }

    /// The points line under the name, as HTML and XLSX print it: `(30分)`.
    pub fn points_line(&self, lang: Lang) -> Option<String> {
        let p = match self.weight {
            Some(w) => format!("{}%", number(w)),
            None => number(self.points?),
        };
        if self.weight.is_some() && self.kind == SectionKind::Regular && !self.pooled {
            return Some(format!("({p})"));
        }
        Some(match self.kind {
            SectionKind::Bonus if self.uncapped => tr!(lang, "render-bonus-open"),
            SectionKind::Penalty if self.uncapped => tr!(lang, "render-penalty-open"),
            SectionKind::Bonus => tr!(lang, "render-bonus-points", points = p),
            SectionKind::Penalty => tr!(lang, "render-penalty-points", points = p),
            _ if self.pooled => tr!(lang, "render-pooled-points", points = p),
            _ => tr!(lang, "render-section-points", points = p),
        })
    }
}

impl Table {
    /// The 合计 row's points: `100`, or `100 (加分后最高103分)`.
    pub fn total_text(&self) -> String {
        if self.total_percent {
            return "100%".to_string();
        }
        match self.total_note() {
            Some(note) => format!("{} ({note})", number(self.total)),
            None => number(self.total),
        }
    }

    /// What the table says of its total beyond its points: the most with bonus
    /// points (`加分后最高103分`), and that it may go below 0 (`可低于0分`).
    pub fn total_note(&self) -> Option<String> {
        let mut notes = Vec::new();
        if let Some(max) = self.total_max {
            notes.push(self.total_max_text(max));
        }
        if self.total_no_min {
            notes.push(tr!(self.lang, "render-total-no-min"));
        }
        (!notes.is_empty()).then(|| notes.join(&tr!(self.lang, "render-method-sep")))
    }

    /// What the most a unit may score is called: `加分后最高103分`.
    pub fn total_max_text(&self, max: Decimal) -> String {
        tr!(self.lang, "render-total-max", points = number(max))
    }

    /// The word of the last row: 合计.
    pub fn total_word(&self) -> String {
        tr!(self.lang, "render-total")
    }

    /// The table of a checked rubric, its headings in Chinese as the notice prints them.
    pub fn new(rubric: &Rubric) -> Table {
        Table::in_lang(rubric, Lang::Zh)
    }

    /// The table of a checked rubric, its headings in `lang` (the rubric's own texts
    /// stay as the rule file writes them).
    pub fn in_lang(rubric: &Rubric, lang: Lang) -> Table {
        let levels = depth(&rubric.nodes).max(1);
        let percent = rubric
            .layout
            .as_ref()
            .is_some_and(|l| l.columns.iter().any(|c| c.percent));
        let mut rows = Vec::new();
        add_rows(&rubric.nodes, 0, levels, percent, &mut rows);
        let (level_names, tail) = columns(rubric, lang);
        let title = if rubric.draft {
            tr!(lang, "render-draft-title", title = rubric.title.as_str())
        } else {
            rubric.title.clone()
        };
        Table {
            title,
            source: rubric.source_note.clone(),
            total: rubric.total,
            total_max: (rubric.total_max != rubric.total).then_some(rubric.total_max),
            total_no_min: rubric.total_min.is_none(),
            levels,
            rows,
            lang,
            draft: rubric.draft,
            level_names,
            tail,
            methods: (!rubric.methods.is_empty()).then(|| {
                rubric
                    .methods
                    .iter()
                    .map(|m| {
                        tr!(
                            lang,
                            "render-method",
                            name = m.name.as_str(),
                            weight = number(m.weight)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(&tr!(lang, "render-method-sep"))
            }),
            total_percent: percent
                && rubric
                    .nodes
                    .iter()
                    .filter(|n| !matches!(n, Node::Section(s) if s.kind != SectionKind::Regular))
                    .all(|n| n.weight().is_some()),
        }
    }

    /// How many text columns the table has.
    pub fn text_columns(&self) -> usize {
        self.tail
            .iter()
            .filter(|(t, _)| matches!(t, Tail::Text(_)))
            .count()
    }

    /// The column headings: 一级指标, 二级指标, … then 分值 and 评分说明与细则, or the
    /// rule file's own.
    pub fn headings(&self) -> Vec<String> {
        if let Some(names) = &self.level_names {
            let mut out = names.clone();
            out.extend(self.tail.iter().map(|(_, h)| h.clone()));
            return out;
        }
        let mut out: Vec<String> = (1..=self.levels)
            .map(|n| {
                let level = match self.lang {
                    Lang::Zh => chinese_ordinal(n),
                    Lang::En => n.to_string(),
                };
                tr!(self.lang, "render-level", level = level)
            })
            .collect();
        out.extend(self.tail.iter().map(|(_, h)| h.clone()));
        out
    }
}

/// The headings of the indicator columns the rule file names, if it does, and the
/// columns right of them: the rule file's, or 分值 and 评分说明与细则 in `lang`.
fn columns(rubric: &Rubric, lang: Lang) -> (Option<Vec<String>>, Vec<(Tail, String)>) {
    let Some(layout) = &rubric.layout else {
        return (
            None,
            vec![
                (Tail::Points, tr!(lang, "render-points")),
                (Tail::Text(0), tr!(lang, "render-criteria")),
            ],
        );
    };
    let mut levels = Vec::new();
    let mut tail = Vec::new();
    for c in &layout.columns {
        match c.role {
            ColumnRole::Level => levels.push(c.heading.clone()),
            ColumnRole::Points => tail.push((Tail::Points, c.heading.clone())),
            ColumnRole::Text => {
                let n = tail
                    .iter()
                    .filter(|(t, _)| matches!(t, Tail::Text(_)))
                    .count();
                tail.push((Tail::Text(n), c.heading.clone()));
            }
        }
    }
    (Some(levels), tail)
}

/// The number of levels down to the deepest item.
fn depth(nodes: &[Node]) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&Node, usize)> = nodes.iter().map(|n| (n, 1)).collect();
    while let Some((node, d)) = stack.pop() {
        match node {
            Node::Item(_) => deepest = deepest.max(d),
            Node::Section(s) => stack.extend(s.children.iter().map(|c| (c, d + 1))),
        }
    }
    deepest
}

/// Adds the rows of `nodes`, which stand at indicator column `column`. Recursion
/// follows the nesting of sections, which the parser bounds.
/// With `percent`, a weight is printed as the percentage it is written as.
fn add_rows(nodes: &[Node], column: usize, levels: usize, percent: bool, rows: &mut Vec<Row>) {
    for node in nodes {
        match node {
            Node::Item(item) => {
                let criteria = item
                    .texts
                    .iter()
                    .flat_map(|t| t.node.lines().map(str::to_string))
                    .collect();
                rows.push(Row {
                    cells: vec![Cell {
                        column,
                        rowspan: 1,
                        colspan: levels.saturating_sub(column).max(1),
                        name: item.name.node.clone(),
                        points: None,
                        kind: SectionKind::Regular,
                        lines: Vec::new(),
                        weight: None,
                        pooled: false,
                        uncapped: false,
                    }],
                    points: item.points.node,
                    uncapped: item.uncapped,
                    criteria,
                    notes: item.notes.iter().map(|n| note(&n.node)).collect(),
                    parts: item
                        .texts
                        .iter()
                        .map(|t| t.node.lines().map(str::to_string).collect())
                        .collect(),
                    weight: item.weight.filter(|_| percent),
                });
            }
            Node::Section(section) => {
                let first = rows.len();
                add_rows(&section.children, column + 1, levels, percent, rows);
                let mut lines: Vec<String> = section
                    .texts
                    .iter()
                    .flat_map(|t| t.node.lines().map(str::to_string))
                    .collect();
                lines.extend(section.notes.iter().map(|n| note(&n.node)));
                let cell = Cell {
                    column,
                    rowspan: rows.len() - first,
                    colspan: 1,
                    name: section.name.node.clone(),
                    points: Some(section.points.node),
                    kind: section.kind,
                    lines,
                    weight: section.weight.filter(|_| percent),
                    pooled: section.pooled,
                    uncapped: section.uncapped,
                };
                if let Some(row) = rows.get_mut(first) {
                    row.cells.insert(0, cell);
                }
            }
        }
    }
}

/// A note as the notice prints it: `(注:…)`, unless it is already written so.
pub fn note(text: &str) -> String {
    let text = text.trim();
    if text.starts_with('(') || text.starts_with('（') {
        text.to_string()
    } else if text.starts_with("注:") || text.starts_with("注：") {
        format!("({text})")
    } else {
        format!("(注:{text})")
    }
}

/// 一, 二, … 十, 十一, … 九十九 for the level headings; digits beyond.
fn chinese_ordinal(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_string(),
        10..=99 => {
            let (tens, ones) = (n / 10, n % 10);
            let tens = if tens == 1 {
                String::new()
            } else {
                DIGITS[tens].to_string()
            };
            format!("{tens}十{}", DIGITS[ones])
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 10, 11, 20, 35, 100]
            .iter()
            .map(|&n| chinese_ordinal(n))
            .collect();
        assert_eq!(
            got,
            ["一", "二", "三", "十", "十一", "二十", "三十五", "100"]
        );
    }

    #[test]
    fn notes_get_their_brackets_once() {
        assert_eq!(note("重大决策含…"), "(注:重大决策含…)");
        assert_eq!(note("注:已有前缀"), "(注:已有前缀)");
        assert_eq!(note("(注:已有括号)"), "(注:已有括号)");
    }
}
