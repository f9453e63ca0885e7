//! The rows of a unit's score sheet laid out like the official table, shared by the
//! Markdown and the XLSX sheets: the first-level indicator of each row, the item's name
//! (after any deeper sections), its explanation, and what the 合计 row says.

use super::narrative::Narrator;
use super::number;
use crate::check::Rubric;
use crate::eval::{ItemScore, SectionScore, Sheet};
use crate::locale::Lang;
use crate::model::SectionKind;
use crate::tr;

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

/// The 扣分说明 of an item: one sentence for each clause that changed its score, in the
/// words of the table and the narrator's language ([`Narrator`]). The one place every
/// score sheet (Markdown, XLSX, JSON) gets an item's explanation.
pub fn explanation(narrator: &Narrator, item: &ItemScore, kind: SectionKind) -> Vec<String> {
    narrator.item(item, kind)
}

/// The sentences of an explanation as one paragraph of a cell: side by side in
/// Chinese, a space between them in English.
pub fn paragraph(narrator: &Narrator, sentences: &[String]) -> String {
    sentences.join(&tr!(narrator.lang(), "narr-paragraph-join"))
}

/// How the total was made, when it is more than a sum: proration, bonus, penalty, and
/// the rubric's limits.
pub fn total_notes(rubric: &Rubric, sheet: &Sheet, lang: Lang) -> Vec<String> {
    let mut how = pooled_notes(sheet, lang);
    if sheet.prorated {
        how.push(tr!(
            lang,
            "sheet-prorated",
            earned = number(sheet.earned),
            applicable = number(sheet.applicable_points),
            total = number(rubric.total)
        ));
    }
    if !sheet.bonus.is_zero() {
        how.push(tr!(lang, "sheet-bonus", points = number(sheet.bonus)));
    }
    if !sheet.penalty.is_zero() {
        how.push(tr!(lang, "sheet-penalty", points = number(sheet.penalty)));
    }
    if let Some(limited) = &sheet.limited {
        how.push(limited_note(limited, sheet, lang));
    }
    how
}

/// What each `pooled` section's limit did to the sum of its items, in `lang`:
/// 「信息发布各项合计-2分,本指标扣完为止,得0分」.
pub fn pooled_notes(sheet: &Sheet, lang: Lang) -> Vec<String> {
    sheet
        .pooled_cuts()
        .into_iter()
        .filter_map(|s| {
            let sum = s.sum?;
            Some(tr!(
                lang,
                "sheet-pooled-cut",
                name = &s.name,
                sum = number(sum),
                score = number(s.score),
                points = number(s.points)
            ))
        })
        .collect()
}

/// How the total was kept within 0 and the rubric's most, in `lang`: the evaluator
/// gives the total before the limit first (`105 limited to …`).
pub fn limited_note(limited: &str, sheet: &Sheet, lang: Lang) -> String {
    let raw = limited
        .split(' ')
        .next()
        .and_then(|n| n.parse::<rust_decimal::Decimal>().ok());
    match raw {
        Some(raw) if raw > sheet.score => tr!(
            lang,
            "sheet-limited-most",
            raw = number(raw),
            score = number(sheet.score)
        ),
        Some(raw) => tr!(lang, "sheet-limited-zero", raw = number(raw)),
        None => limited.to_string(),
    }
}
