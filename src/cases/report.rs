//! The results of `kaohe test` for people: one line per case, and for each expectation
//! missed, the difference and the trace of the item (or the items of the section) it
//! concerns.

use std::fmt::Write;

use super::{item, section, Failure, Outcome, Target};
use crate::check::Rubric;
use crate::eval::ItemScore;
use crate::report::number;

fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// The result of one case.
pub fn outcome(rubric: &Rubric, outcome: &Outcome) -> String {
    let mut out = String::new();
    let case = &outcome.case;
    let n = case.expectations.len();
    if outcome.passed() {
        let _ = writeln!(
            out,
            "case {} ({}): ok, {n} expectation{} met",
            case.source.name(),
            case.unit.name,
            if n == 1 { "" } else { "s" }
        );
        return out;
    }
    let _ = writeln!(
        out,
        "case {} ({}): FAILED, {} of {n} expectation{} missed",
        case.source.name(),
        case.unit.name,
        outcome.failures.len(),
        if n == 1 { "" } else { "s" }
    );
    for f in &outcome.failures {
        failure(&mut out, rubric, outcome, f);
    }
    out
}

fn failure(out: &mut String, rubric: &Rubric, outcome: &Outcome, f: &Failure) {
    let e = &f.expectation;
    let line = outcome.case.source.line(e.span.start);
    let difference = f.difference().map_or(String::new(), |d| {
        format!(" ({})", crate::report::signed(d))
    });
    let _ = writeln!(
        out,
        "  {}: expected {}, got {}{difference}  [{}:{line}]",
        e.target.describe(),
        e.value.describe(),
        f.actual.describe(),
        file_name(outcome.case.source.name()),
    );
    let rule = file_name(rubric.source.name());
    match &e.target {
        Target::Item(name) => {
            if let Some(i) = item(&outcome.sheet, name) {
                trace(out, i, rule);
            }
        }
        Target::Section(name) => {
            if let Some(s) = section(&outcome.sheet.categories, name) {
                // The section's items at any depth, in the rule file's order.
                let items: Vec<&ItemScore> = outcome
                    .sheet
                    .items_with_path()
                    .into_iter()
                    .filter(|(path, _, _)| path.iter().any(|p| std::ptr::eq(*p, s)))
                    .map(|(_, _, i)| i)
                    .collect();
                below(out, &items);
            }
        }
        Target::Total => {
            let items: Vec<&ItemScore> =
                outcome.sheet.items().into_iter().map(|(_, i)| i).collect();
            if outcome.sheet.prorated {
                let _ = writeln!(
                    out,
                    "    折分处理: earned {} of the {} applicable points, × {} ÷ {}, rounded",
                    number(outcome.sheet.earned),
                    number(outcome.sheet.applicable_points),
                    number(rubric.total),
                    number(outcome.sheet.applicable_points)
                );
            }
            below(out, &items);
        }
    }
}

/// The items below their points (or not applicable), one line, for a section or the
/// total; `kaohe explain` gives each one's trace.
fn below(out: &mut String, items: &[&ItemScore]) {
    let parts: Vec<String> = items
        .iter()
        .filter(|i| i.score != Some(i.points))
        .map(|i| match i.score {
            Some(s) => format!("{} {} of {}", i.name, number(s), number(i.points)),
            None => format!("{} 不适用", i.name),
        })
        .collect();
    if parts.is_empty() {
        let _ = writeln!(out, "    every item has its full points");
    } else {
        let _ = writeln!(out, "    items below their points: {}", parts.join(", "));
    }
}

/// An item's score and every step of its trace, as `kaohe explain` prints them.
fn trace(out: &mut String, i: &ItemScore, rule: &str) {
    let score = match i.score {
        Some(s) => format!("{} of {}", number(s), number(i.points)),
        None => format!("不适用 (worth {})", number(i.points)),
    };
    let _ = writeln!(out, "    item {}: {score}  [{rule}:{}]", i.name, i.line);
    if i.trace.is_empty() {
        let note = if i.score == Some(i.points) {
            "no clause changed the score"
        } else {
            "nothing earned: no clause gave points"
        };
        let _ = writeln!(out, "      {note}");
    }
    crate::report::trace_steps(out, i, "      ", crate::locale::current());
}

/// The last line: how many cases passed, failed, or could not be run.
pub fn summary(passed: usize, failed: usize, not_run: usize) -> String {
    let verdict = if failed == 0 && not_run == 0 {
        "ok"
    } else {
        "FAILED"
    };
    let mut out = format!("\ntest result: {verdict}. {passed} passed, {failed} failed");
    if not_run > 0 {
        let _ = write!(
            out,
            ", {not_run} not run (invalid case files, see the diagnostics)"
        );
    }
    out.push('\n');
    out
}
