//! `kaohe explain`: every point a unit lost, in the table's order, with the criterion
//! text and the 扣分说明 of the score sheet ([`Narrator`]); the exemptions that applied;
//! the items not applicable; then what bonus sections gave and penalty sections took.
//! With `verbose`, each sentence is followed by its clause and the rule file's line.
//! Hidden characters of names and reasons are made visible
//! ([`crate::safe::visible_text`]).

use std::fmt::Write;

use super::narrative::Narrator;
use super::number;
use crate::check::Rubric;
use crate::eval::{Did, ItemScore, Sheet};
use crate::locale::Lang;
use crate::model::{self, SectionKind};
use crate::safe::visible;
use crate::tr;

/// The explanation of one unit's sheet in the run's language ([`crate::locale::current`]).
pub fn explain(rubric: &Rubric, sheet: &Sheet) -> String {
    explain_in(rubric, sheet, crate::locale::current(), None)
}

/// The explanation of one unit's sheet in `lang`. `verbose` is the rule file's path as
/// the user gave it: each sentence is then followed by its clause and line.
pub fn explain_in(rubric: &Rubric, sheet: &Sheet, lang: Lang, verbose: Option<&str>) -> String {
    let narrator = Narrator::new(rubric, lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", visible(&sheet.unit), rubric.title);
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "explain-score",
            score = number(sheet.score),
            total = number(rubric.total)
        )
    );
    for note in super::rows::pooled_notes(sheet, lang) {
        let _ = writeln!(out, "  {note}");
    }
    if sheet.prorated {
        let _ = writeln!(
            out,
            "  {}",
            tr!(
                lang,
                "explain-prorated",
                earned = number(sheet.earned),
                applicable = number(sheet.applicable_points),
                total = number(rubric.total)
            )
        );
    }
    // What each bonus or penalty section gave or took, and whether its cap bit.
    for section in sheet
        .categories
        .iter()
        .filter(|c| c.kind != SectionKind::Regular)
    {
        // What its items and subsections gave, before its own cap: the evaluator adds
        // a subsection's score, already held to the subsection's points.
        let raw: rust_decimal::Decimal = section
            .indicators
            .iter()
            .filter_map(|i| i.score)
            .chain(section.sections.iter().map(|s| s.score))
            .sum();
        if raw.is_zero() {
            continue;
        }
        let (kind, verb) = if section.kind == SectionKind::Bonus {
            ("bonus", "gave")
        } else {
            ("penalty", "took")
        };
        let cap = if raw != section.score {
            tr!(
                lang,
                "explain-section-cap",
                verb = verb,
                raw = number(raw.abs()),
                points = number(section.points)
            )
        } else {
            String::new()
        };
        let score = if section.kind == SectionKind::Bonus {
            format!("+{}", number(section.score))
        } else {
            number(section.score)
        };
        let _ = writeln!(
            out,
            "  {}{cap}",
            tr!(
                lang,
                "explain-section",
                kind = kind,
                name = &section.name,
                score = score
            )
        );
    }
    if let Some(limited) = &sheet.limited {
        let _ = writeln!(out, "  {}", super::rows::limited_note(limited, sheet, lang));
    }
    let decls = model::items(&rubric.nodes);
    let mut told_any = false;
    for (sections, kind, item) in sheet.items_with_path() {
        let mut names: Vec<&str> = sections.iter().map(|s| s.name.as_str()).collect();
        names.push(&item.name);
        let path = names.join(" › ");
        let exempted = item
            .trace
            .iter()
            .any(|s| matches!(s.did, Did::Exempted { .. }));
        let heading = match (kind, item.score) {
            (_, None) => tr!(lang, "explain-item-na", path = &path),
            (SectionKind::Regular, Some(score)) if score == item.points && !exempted => continue,
            (SectionKind::Regular, Some(score)) if score == item.points => tr!(
                lang,
                "explain-item-full",
                path = &path,
                score = number(score),
                points = number(item.points)
            ),
            (SectionKind::Regular, Some(score)) => tr!(
                lang,
                "explain-item-lost",
                path = &path,
                score = number(score),
                points = number(item.points),
                lost = number(item.points - score)
            ),
            // A bonus not earned and a penalty not incurred are no loss.
            (_, Some(score)) if score.is_zero() && !exempted => continue,
            (SectionKind::Bonus, Some(score)) if item.uncapped => tr!(
                lang,
                "explain-item-bonus-open",
                path = &path,
                score = number(score)
            ),
            (SectionKind::Penalty, Some(score)) if item.uncapped => tr!(
                lang,
                "explain-item-penalty-open",
                path = &path,
                score = number(score.abs())
            ),
            (SectionKind::Bonus, Some(score)) => tr!(
                lang,
                "explain-item-bonus",
                path = &path,
                score = number(score),
                points = number(item.points)
            ),
            (SectionKind::Penalty, Some(score)) => tr!(
                lang,
                "explain-item-penalty",
                path = &path,
                score = number(score.abs()),
                points = number(item.points)
            ),
        };
        told_any = true;
        match verbose {
            Some(file) => {
                let _ = writeln!(out, "\n{heading}  [{file}:{}]", item.line);
            }
            None => {
                let _ = writeln!(out, "\n{heading}");
            }
        }
        if let Some(decl) = decls.iter().find(|d| d.name.node == item.name) {
            for text in &decl.texts {
                for line in text.node.lines() {
                    let _ = writeln!(out, "  │ {line}");
                }
            }
        }
        sentences(&mut out, &narrator, item, kind, verbose);
    }
    if !told_any {
        let _ = writeln!(out, "\n{}", tr!(lang, "explain-none"));
    }
    // Names and reasons from the evidence reach a terminal: nothing hidden in them.
    crate::safe::visible_text(&out).into_owned()
}

/// The sentences of an item, one a line; with `verbose`, each followed by its clause
/// and line.
fn sentences(
    out: &mut String,
    narrator: &Narrator,
    item: &ItemScore,
    kind: SectionKind,
    verbose: Option<&str>,
) {
    let said = narrator.item(item, kind);
    if item.trace.is_empty() {
        for sentence in &said {
            let _ = writeln!(out, "  {}", visible(sentence));
        }
        return;
    }
    for (sentence, step) in said.iter().zip(&item.trace) {
        let _ = writeln!(out, "  {}", visible(sentence));
        if let Some(file) = verbose {
            let _ = writeln!(
                out,
                "    {}",
                tr!(
                    narrator.lang(),
                    "explain-clause",
                    clause = step.clause_en(),
                    file = file,
                    line = step.line
                )
            );
        }
    }
}

/// Every step of an item's trace, two lines each (the clause with its line, then the
/// evidence, the score after it and how it was worked out), each line led by `indent`:
/// the trace for whoever writes the rule file, which `kaohe test` prints.
pub fn trace_steps(out: &mut String, item: &ItemScore, indent: &str, lang: Lang) {
    for step in &item.trace {
        let evidence: Vec<String> = step
            .evidence
            .iter()
            .map(|u| format!("{} = {}", u.fact, visible(&u.value)))
            .collect();
        let _ = writeln!(
            out,
            "{indent}{}",
            tr!(
                lang,
                "trace-line",
                line = step.line,
                clause = step.clause_en()
            )
        );
        let _ = writeln!(
            out,
            "{indent}  {}  →  {} ({})",
            evidence.join(", "),
            number(step.score),
            visible(&step.note_en())
        );
    }
}
