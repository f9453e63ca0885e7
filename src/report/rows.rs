//! The rows of a unit's score sheet laid out like the official table, shared by the
//! Markdown and the XLSX sheets: the first-level indicator of each row, the item's name
//! (after any deeper sections), its explanation, and what the 合计 row says.

use super::number;
use crate::check::Rubric;
use crate::eval::{ItemScore, SectionScore, Sheet};
use crate::model::SectionKind;

/// One item of the sheet.
pub struct Row<'a> {
    /// The first-level section the item stands in (None for an item at the top level).
    pub top: Option<&'a SectionScore>,
    /// The item's name, after the names of any sections between it and `top`:
    /// 决策公开 › 决策预公开.
    pub name: String,
    pub kind: SectionKind,
    pub item: &'a ItemScore,
}

/// Every item in the table's order.
pub fn rows(sheet: &Sheet) -> Vec<Row<'_>> {
    sheet
        .items_with_path()
        .into_iter()
        .map(|(path, kind, item)| {
            let mut names: Vec<&str> = path.iter().skip(1).map(|s| s.name.as_str()).collect();
            names.push(&item.name);
            Row {
                top: path.first().copied(),
                name: names.join(" › "),
                kind,
                item,
            }
        })
        .collect()
}

/// The 扣分说明 of an item, one part per clause that changed its score: the clause, the
/// evidence it read, what it did, and its line in the rule file. A regular item that
/// fell short with nothing to show says so; a bonus not earned or a penalty not
/// incurred needs no word.
pub fn explanation(item: &ItemScore, kind: SectionKind, file: &str) -> Vec<String> {
    if item.trace.is_empty()
        && kind == SectionKind::Regular
        && item.score.is_some_and(|s| s < item.points)
    {
        return vec![format!("no clause gave points [{file}:{}]", item.line)];
    }
    item.trace
        .iter()
        .map(|s| {
            let evidence: Vec<String> = s
                .evidence
                .iter()
                .map(|u| format!("{} = {}", u.fact, u.value))
                .collect();
            format!(
                "{} ({}): {} [{file}:{}]",
                s.clause_en(),
                evidence.join(", "),
                s.note_en(),
                s.line
            )
        })
        .collect()
}

/// How the total was made, when it is more than a sum: proration, bonus, penalty, and
/// the rubric's limits.
pub fn total_notes(rubric: &Rubric, sheet: &Sheet) -> Vec<String> {
    let mut how = Vec::new();
    if sheet.prorated {
        how.push(format!(
            "折分处理: 适用指标得分 {} ÷ 适用指标分值 {} × {}",
            number(sheet.earned),
            number(sheet.applicable_points),
            number(rubric.total)
        ));
    }
    if !sheet.bonus.is_zero() {
        how.push(format!("加分 +{}", number(sheet.bonus)));
    }
    if !sheet.penalty.is_zero() {
        how.push(format!("倒扣 {}", number(sheet.penalty)));
    }
    if let Some(limited) = &sheet.limited {
        how.push(limited.clone());
    }
    how
}
