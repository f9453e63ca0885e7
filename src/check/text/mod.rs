//! The criterion text against its clauses: the numbers and dates the text of an item
//! says ([`read`]) are matched with the ones its clauses carry, both ways. A number or
//! date of the text that no clause carries, or a clause's number or deadline that the
//! text does not say, is a warning pointing at both places ("the text says 扣3分; the
//! clause takes 2"): exactly what goes wrong when last year's table is edited for next
//! year. An item whose text differs on purpose says `allow text`.
//!
//! The matches made:
//!
//! | the text says | a clause carries |
//! | --- | --- |
//! | 扣N分, 得N分, 加N分, 最多得N分, 最高不超过N分 | an effect of N points (`-N`, `+N`, `late`/`never` too), a `max N`, or the item's points N |
//! | 不得分 | `zero`, or an effect of the item's whole points |
//! | 扣N% | an effect of N% (`-N% of points`, `-N% of score`) |
//! | 少于N次 | a condition with the number N (`< N`) or N−1 (`<= N-1`) |
//! | N个工作日 | `over N workdays` |
//! | YYYY年M月D日前, M月D日前 | a deadline or a condition with that date |
//!
//! A mention is carried too when a fact's description says the same words: the count
//! of `逾期答复数 count "未在20个工作日内规范答复的依申请公开件数"` carries the text's
//! 20个工作日. And back: every effect of points must be said by the text (as 扣N分,
//! 得N分, …), except the `+1` of `per` a discretionary score, and every deadline's date,
//! when the text says points (or dates) at all.

pub mod read;

use rust_decimal::Decimal;

use super::allow;
use super::problem::CheckError;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;

use read::{Mention, Said};

/// What the clauses of an item carry, each with where.
#[derive(Default)]
struct Carried {
    points: Vec<(Decimal, Span)>,
    caps: Vec<Decimal>,
    percents: Vec<Decimal>,
    zero: bool,
    numbers: Vec<Decimal>,
    workdays: Vec<u32>,
    dates: Vec<(chrono::NaiveDate, Span)>,
}

fn carried(item: &Item, points: Decimal) -> Carried {
    let mut c = Carried::default();
    let mut effects: Vec<&Spanned<Effect>> = Vec::new();
    let mut conditions: Vec<&Condition> = item.applicable_unless.iter().collect();
    for clause in &item.clauses {
        // `per` a discretionary score multiplies it: its `+1` is no number of the text.
        // Nor is the `-1` a point withheld by `give`.
        let discretion = matches!(&clause.kind, ClauseKind::Per { fact, .. }
            if item.facts.iter().any(|f| f.name.node == fact.fact.node
                && matches!(f.ty.node, FactType::Discretion { .. })))
            || matches!(clause.kind, ClauseKind::Give { .. });
        if !discretion {
            effects.push(&clause.effect);
        }
        if let Some(m) = &clause.max {
            c.caps.push(m.node);
        }
        conditions.extend(clause.unless.iter());
        match &clause.kind {
            ClauseKind::If(cond)
            | ClauseKind::Give {
                condition: Some(cond),
                ..
            } => conditions.push(cond),
            ClauseKind::Give { .. } => {}
            ClauseKind::Per { over, .. } => c.workdays.extend(over_days(over.as_ref())),
            ClauseKind::Missing { .. } => {}
            ClauseKind::Deadline { by, never, .. } => {
                c.dates.push((by.node, by.span));
                effects.extend(never.iter());
            }
            ClauseKind::Quantity { quantity, step } => {
                for leaf in quantity.leaves() {
                    literal_numbers(leaf, &mut c.numbers);
                }
                if let Some(step) = step {
                    literal_numbers(&Operand::Literal(step.clone()), &mut c.numbers);
                }
            }
        }
    }
    for effect in effects {
        match effect.node {
            Effect::Zero => c.zero = true,
            Effect::Points(p) => {
                if p.abs() == points {
                    c.zero = true;
                }
                c.points.push((p.abs(), effect.span));
            }
            Effect::Percent { percent, .. } => c.percents.push(percent.abs()),
        }
    }
    while let Some(cond) = conditions.pop() {
        match &cond.kind {
            ConditionKind::Not(inner) => conditions.push(inner),
            ConditionKind::And(parts) | ConditionKind::Or(parts) => conditions.extend(parts),
            ConditionKind::Fact(_) => {}
            ConditionKind::Compare { left, right, .. } => {
                for side in [left, right] {
                    match side {
                        Operand::Literal(l) => match l.node {
                            Literal::Number(n) => c.numbers.push(n),
                            Literal::Percent(p) => c.numbers.push(p),
                            Literal::Date(d) => c.dates.push((d, l.span)),
                            Literal::Bool(_) => {}
                        },
                        Operand::Periods { over, .. } => c.workdays.extend(over_days(Some(over))),
                        Operand::Fact(_) => {}
                        Operand::Arith(a) => {
                            for leaf in a.leaves() {
                                literal_numbers(leaf, &mut c.numbers);
                            }
                        }
                    }
                }
            }
        }
    }
    c
}

/// The numbers and percentages a leaf of arithmetic writes.
fn literal_numbers(leaf: &Operand, out: &mut Vec<Decimal>) {
    if let Operand::Literal(l) = leaf {
        if let Literal::Number(n) | Literal::Percent(n) = l.node {
            out.push(n);
        }
    }
}

fn over_days(over: Option<&Over>) -> Option<u32> {
    over.filter(|o| o.unit == DayUnit::Workdays)
        .map(|o| o.count.node)
}

/// Compares an item's texts with its clauses and reports each difference, unless the
/// item says `allow text`; an `allow text` with no difference to acknowledge is a
/// warning. `points` are the item's points, a weight worked out.
pub fn check_item(
    item: &Item,
    points: Decimal,
    year: Option<i32>,
    source: &SourceFile,
    out: &mut Vec<Diagnostic>,
) {
    let mentions: Vec<Mention> = item
        .texts
        .iter()
        .flat_map(|t| read::mentions(&source.text()[t.span.start..t.span.end], t.span.start))
        .collect();
    let mut found = Vec::new();
    if !item.texts.is_empty() && !item.clauses.is_empty() {
        differences(item, points, year, &mentions, &mut found);
    }
    let allowed = item.allows.iter().find(|a| a.node == allow::TEXT);
    match allowed {
        Some(a) if found.is_empty() => {
            out.push(CheckError::TextAllowUnused { span: a.span }.into())
        }
        // The differences an `allow text` acknowledges are marked as such by
        // `super::acknowledge`.
        _ => out.extend(found),
    }
}

fn differences(
    item: &Item,
    points: Decimal,
    year: Option<i32>,
    mentions: &[Mention],
    out: &mut Vec<Diagnostic>,
) {
    let c = carried(item, points);
    // What the assessors are asked for: a fact's description that says the text's
    // words (`未在20个工作日内规范答复的依申请公开件数`) carries them into the count.
    let described: Vec<Said> = item
        .facts
        .iter()
        .filter_map(|f| f.description.as_ref())
        .flat_map(|d| read::mentions(&d.node, 0))
        .map(|m| m.said)
        .collect();
    let said_points =
        |n: Decimal| c.points.iter().any(|p| p.0 == n) || c.caps.contains(&n) || n == points;
    let first_effect = item.clauses.first().map(|cl| cl.effect.span);
    for m in mentions {
        let (missing, n) = match m.said {
            // 扣N分 of the item's whole points is said by `zero` too; not by the points.
            Said::Takes(n) => (
                !(c.points.iter().any(|p| p.0 == n)
                    || c.caps.contains(&n)
                    || (n == points && c.zero)),
                format!("{}", n.normalize()),
            ),
            Said::Gives(n) | Said::AtMost(n) => (!said_points(n), format!("{}", n.normalize())),
            Said::Zero => (!c.zero, "`zero`".to_string()),
            Said::Percent(n) => (!c.percents.contains(&n), format!("{}", n.normalize())),
            Said::FewerThan(n) => (
                !c.numbers.contains(&n) && !c.numbers.contains(&(n - Decimal::ONE)),
                format!("{}", n.normalize()),
            ),
            Said::Workdays(n) => (!c.workdays.contains(&n), n.to_string()),
            Said::Before(y, month, day) => {
                let y = y.or(year);
                let same = |d: &chrono::NaiveDate| {
                    use chrono::Datelike;
                    d.month() == month && d.day() == day && y.is_none_or(|y| d.year() == y)
                };
                let written = match y {
                    Some(y) => format!("{y}-{month:02}-{day:02}"),
                    None => format!("{month:02}-{day:02}"),
                };
                (!c.dates.iter().any(|(d, _)| same(d)), written)
            }
        };
        if missing && !described.contains(&m.said) {
            let near = match m.said {
                Said::Before(..) => c.dates.first().map(|d| d.1),
                _ => c.points.first().map(|p| p.1).or(first_effect),
            };
            out.push(
                CheckError::TextUnsaid {
                    span: m.span,
                    said: source_words(m),
                    number: n,
                    near,
                }
                .into(),
            );
        }
    }
    // And back: each effect of points, each deadline, said by the text.
    let text_points: Vec<Decimal> = mentions
        .iter()
        .filter_map(|m| match m.said {
            Said::Takes(n) | Said::Gives(n) | Said::AtMost(n) => Some(n),
            _ => None,
        })
        .collect();
    let text_zero = mentions.iter().any(|m| m.said == Said::Zero);
    // A text that says no points (or no date) at all is not compared back: it
    // describes the item, and its numbers are elsewhere.
    let says_points = text_zero || !text_points.is_empty();
    let says_dates = mentions.iter().any(|m| matches!(m.said, Said::Before(..)));
    for (n, span) in c.points.iter().filter(|_| says_points) {
        let told = text_points.contains(n) || (text_zero && *n == points);
        if !told {
            out.push(
                CheckError::TextUntold {
                    span: *span,
                    text: item.texts[0].span,
                    number: n.normalize().to_string(),
                }
                .into(),
            );
        }
    }
    for clause in &item.clauses {
        if let (ClauseKind::Deadline { by, .. }, true) = (&clause.kind, says_dates) {
            use chrono::Datelike;
            let told = mentions.iter().any(|m| {
                matches!(m.said, Said::Before(y, month, day)
                    if month == by.node.month() && day == by.node.day()
                        && y.is_none_or(|y| y == by.node.year()))
            });
            if !told {
                out.push(
                    CheckError::TextUntold {
                        span: by.span,
                        text: item.texts[0].span,
                        number: by.node.to_string(),
                    }
                    .into(),
                );
            }
        }
    }
}

/// The words of a mention as the text writes them, without its spaces.
fn source_words(m: &Mention) -> String {
    match m.said {
        Said::Takes(n) => format!("扣{}分", n.normalize()),
        Said::Gives(n) => format!("得{}分", n.normalize()),
        Said::AtMost(n) => format!("最多{}分", n.normalize()),
        Said::Zero => "不得分".into(),
        Said::Percent(n) => format!("扣{}%", n.normalize()),
        Said::FewerThan(n) => format!("少于{}次", n.normalize()),
        Said::Workdays(n) => format!("{n}个工作日"),
        Said::Before(Some(y), m, d) => format!("{y}年{m}月{d}日前"),
        Said::Before(None, m, d) => format!("{m}月{d}日前"),
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::codes;
    use crate::locale::{has_message, Lang};
    use crate::source::SourceFile;

    /// The codes of the checks of text for one item of 3 points.
    fn found(body: &str) -> Vec<&'static str> {
        let text = format!("rubric t\ntotal 3\nyear 2020\nitem 甲 3 {{\n{body}\n}}\n");
        let source = SourceFile::new("t.rule", text.as_str());
        crate::check::compile(&source)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .filter(|c| *c == codes::TEXT_MISMATCH || *c == codes::ALLOW)
            .collect()
    }

    #[test]
    fn the_text_and_the_clauses_are_matched_both_ways() {
        let per = "  fact n count\n  per n -1 floor 0";
        assert!(found(&format!("  text \"每发现一条扣1分\"\n{per}")).is_empty());
        assert_eq!(
            found(&format!("  text \"每发现一条扣2分\"\n{per}")),
            [codes::TEXT_MISMATCH, codes::TEXT_MISMATCH]
        );
        let zero = "  fact a bool\n  if a zero";
        assert!(found(&format!("  text \"未公开的, 不得分\"\n{zero}")).is_empty());
        assert!(found(&format!("  text \"未公开的, 扣3分\"\n{zero}")).is_empty());
        let late = "  fact d date\n  deadline d by 2020-12-30 -3";
        assert!(found(&format!("  text \"12月30日前未发布的, 扣3分\"\n{late}")).is_empty());
        assert_eq!(
            found(&format!("  text \"12月31日前未发布的, 扣3分\"\n{late}")).len(),
            2
        );
        assert!(found(&format!("  allow text\n  text \"扣2分\"\n{per}")).is_empty());
        assert_eq!(
            found(&format!("  allow text\n  text \"扣1分\"\n{per}")),
            [codes::ALLOW]
        );
    }

    #[test]
    fn every_message_is_in_both_catalogues() {
        for id in [
            "checker-text-unsaid",
            "checker-text-untold",
            "checker-text-allow-unused",
        ] {
            for lang in Lang::ALL {
                assert!(has_message(lang, id), "{id} in {lang:?}");
            }
        }
    }
}
