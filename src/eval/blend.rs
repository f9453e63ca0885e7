//! One table, two methods, blended: "网上考核占80%, 现场考核占20%".
//!
//! A blended table (`methods { 网上考核 80%, 现场考核 20% }`) is scored once for each
//! method, by the one interpreter, from that method's evidence; [`blend`] then weighs
//! the sheets into one. Every item, section and the earned points are the weighted sum
//! of the methods', exactly; the total is the weighted sum of the methods' totals,
//! rounded once as the rubric's `round` says (a method's own total is rounded only
//! when prorated, as today). An item that does not apply under some method has no
//! blended score (each method's total is prorated on its own). The blended sheet keeps
//! each method's whole sheet, with its trace, in [`Sheet::methods`], and each item its
//! score and trace under each method ([`ItemScore::methods`]), which the 扣分说明 tells
//! method by method; the blended item's own trace is empty, since no clause made it.

use rust_decimal::Decimal;

use super::sheet::{ItemScore, MethodItem, MethodScore, SectionScore, Sheet};
use crate::check::Rubric;

/// The weighted sum of `parts`, each a weight in percent and a value.
fn weighed(parts: impl IntoIterator<Item = (Decimal, Decimal)>) -> Decimal {
    parts.into_iter().map(|(w, v)| w * v).sum::<Decimal>() / Decimal::ONE_HUNDRED
}

/// The sheet of one unit under a blended rubric: `sheets` are the unit's sheets under
/// each of the rubric's methods, in the order of `methods { … }`.
pub fn blend(rubric: &Rubric, sheets: Vec<Sheet>) -> Sheet {
    let weights: Vec<Decimal> = rubric.methods.iter().map(|m| m.weight).collect();
    let parts: Vec<(Decimal, &Sheet)> = weights.iter().copied().zip(&sheets).collect();
    let of =
        |f: &dyn Fn(&Sheet) -> Decimal| weighed(parts.iter().map(|(w, s)| (*w, f(s)))).normalize();
    let names: Vec<&str> = rubric.methods.iter().map(|m| m.name.as_str()).collect();
    let first = &sheets[0];
    let mut sheet = Sheet {
        unit: first.unit.clone(),
        score: rubric.rounding.apply(of(&|s| s.score)),
        earned: of(&|s| s.earned),
        applicable_points: of(&|s| s.applicable_points),
        prorated: sheets.iter().any(|s| s.prorated),
        bonus: of(&|s| s.bonus),
        penalty: of(&|s| s.penalty),
        limited: None,
        categories: Vec::new(),
        indicators: Vec::new(),
        methods: Vec::new(),
    };
    sheet.categories = (0..first.categories.len())
        .map(|n| {
            let each: Vec<(Decimal, &SectionScore)> =
                parts.iter().map(|(w, s)| (*w, &s.categories[n])).collect();
            section(&each, &names)
        })
        .collect();
    sheet.indicators = (0..first.indicators.len())
        .map(|n| {
            let each: Vec<(Decimal, &ItemScore)> =
                parts.iter().map(|(w, s)| (*w, &s.indicators[n])).collect();
            item(&each, &names)
        })
        .collect();
    sheet.methods = rubric
        .methods
        .iter()
        .zip(sheets)
        .map(|(m, s)| MethodScore {
            method: m.name.clone(),
            weight: m.weight,
            sheet: s,
        })
        .collect();
    sheet
}

/// One section blended: the same section of each method's sheet, with its weight.
/// Recursion follows the nesting of sections, which the parser bounds.
fn section(each: &[(Decimal, &SectionScore)], names: &[&str]) -> SectionScore {
    let first = each[0].1;
    SectionScore {
        name: first.name.clone(),
        kind: first.kind,
        points: first.points,
        score: weighed(each.iter().map(|(w, s)| (*w, s.score))).normalize(),
        applicable_points: weighed(each.iter().map(|(w, s)| (*w, s.applicable_points))).normalize(),
        // A blended section's score is the methods' scores weighed, each already
        // kept by its limit: no one sum was cut.
        sum: None,
        uncapped: first.uncapped,
        line: first.line,
        offset: first.offset,
        indicators: (0..first.indicators.len())
            .map(|n| {
                let items: Vec<(Decimal, &ItemScore)> =
                    each.iter().map(|(w, s)| (*w, &s.indicators[n])).collect();
                item(&items, names)
            })
            .collect(),
        sections: (0..first.sections.len())
            .map(|n| {
                let inner: Vec<(Decimal, &SectionScore)> =
                    each.iter().map(|(w, s)| (*w, &s.sections[n])).collect();
                section(&inner, names)
            })
            .collect(),
    }
}

/// One item blended: a score when it applies under every method, and each method's
/// score and trace.
fn item(each: &[(Decimal, &ItemScore)], names: &[&str]) -> ItemScore {
    let first = each[0].1;
    let scores: Option<Vec<(Decimal, Decimal)>> =
        each.iter().map(|(w, i)| i.score.map(|s| (*w, s))).collect();
    ItemScore {
        name: first.name.clone(),
        points: first.points,
        score: scores.map(|s| weighed(s).normalize()),
        uncapped: first.uncapped,
        applicable: each.iter().all(|(_, i)| i.applicable),
        line: first.line,
        offset: first.offset,
        trace: Vec::new(),
        methods: each
            .iter()
            .zip(names)
            .map(|((w, i), name)| MethodItem {
                method: name.to_string(),
                weight: *w,
                score: i.score,
                trace: i.trace.clone(),
            })
            .collect(),
    }
}
