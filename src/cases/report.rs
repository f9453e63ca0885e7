//! The results of `kaohe test` for people: one line per case, and for each expectation
//! missed, the difference and the trace of the item (or the items of the section) it
//! concerns.

use std::fmt::Write;

use super::{item, section, Failure, Outcome, Target};
use crate::check::Rubric;
use crate::eval::ItemScore;
use crate::locale::current;
use crate::report::number;
use crate::tr;

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
            "{}",
            tr!(
                current(),
                "case-ok",
                file = case.source.name(),
                unit = &case.unit.name,
                count = n
            )
        );
        return out;
    }
    let _ = writeln!(
        out,
        "{}",
        tr!(
            current(),
            "case-failed",
            file = case.source.name(),
            unit = &case.unit.name,
            missed = outcome.failures.len(),
            count = n
        )
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
        "  {}{difference}  [{}:{line}]",
        tr!(
            current(),
            "case-expected",
            target = e.target.describe(),
            expected = e.value.describe(),
            actual = f.actual.describe()
        ),
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
                    "    {}",
                    tr!(
                        current(),
                        "explain-prorated",
                        earned = number(outcome.sheet.earned),
                        applicable = number(outcome.sheet.applicable_points),
                        total = number(rubric.total)
                    )
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
            Some(s) => tr!(
                current(),
                "case-below-item",
                name = &i.name,
                score = number(s),
                points = number(i.points)
            ),
            None => tr!(current(), "case-below-na", name = &i.name),
        })
        .collect();
    if parts.is_empty() {
        let _ = writeln!(out, "    {}", tr!(current(), "case-all-full"));
    } else {
        let items = parts.join(&tr!(current(), "case-list-join"));
        let _ = writeln!(out, "    {}", tr!(current(), "case-below", items = items));
    }
}

/// An item's score and every step of its trace, as `kaohe explain` prints them.
fn trace(out: &mut String, i: &ItemScore, rule: &str) {
    let lang = current();
    let score = match i.score {
        Some(s) => tr!(
            lang,
            "case-item-score",
            score = number(s),
            points = number(i.points)
        ),
        None => tr!(lang, "case-item-na", points = number(i.points)),
    };
    let _ = writeln!(
        out,
        "    {}  [{rule}:{}]",
        tr!(lang, "case-item", name = &i.name, score = score),
        i.line
    );
    if i.trace.is_empty() {
        let note = if i.score == Some(i.points) {
            tr!(lang, "case-no-change")
        } else {
            tr!(lang, "case-nothing-earned")
        };
        let _ = writeln!(out, "      {note}");
    }
    crate::report::trace_steps(out, i, "      ", crate::locale::current());
}

/// The last line: how many cases passed, failed, or could not be run.
pub fn summary(passed: usize, failed: usize, not_run: usize) -> String {
    let lang = current();
    let ok = if failed == 0 && not_run == 0 {
        "yes"
    } else {
        "no"
    };
    let mut out = format!(
        "\n{}",
        tr!(
            lang,
            "case-summary",
            ok = ok,
            passed = passed,
            failed = failed
        )
    );
    if not_run > 0 {
        out.push_str(&tr!(lang, "case-not-run", count = not_run));
    }
    out.push('\n');
    out
}
