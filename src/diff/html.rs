//! The comparison of two rubrics as one self-contained HTML page (`kaohe diff
//! --format html`): each unit's score under both, as paired bars drawn with the
//! report's charts, and as a table (old, new, change, and why a unit could not be
//! scored); then how many sections and items changed. No script, nothing external;
//! every name is escaped as the eval report's are.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::{Kind, Report};
use crate::locale;
use crate::report::html::{begin, charts, escape, figure, MAX_CHART_UNITS};
use crate::report::{number, signed};
use crate::tr;

pub fn html(report: &Report) -> String {
    let mut out = String::new();
    let title = format!("{} → {}", report.old.title, report.new.title);
    begin(&mut out, &title, "kaohe diff");
    let lang = locale::current();
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        escape(&tr!(
            lang,
            "html-diff-meta",
            old = &report.old.file,
            old_total = number(report.old.total),
            new = &report.new.file,
            new_total = number(report.new.total),
            units = report.units.len()
        ))
    );
    changes(&mut out, report);
    if report.units.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            escape(&tr!(lang, "html-diff-no-evidence"))
        );
    } else {
        units(&mut out, report);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// How many sections and items were added, removed, renamed or changed.
fn changes(out: &mut String, report: &Report) {
    let count = |kinds: &mut dyn Iterator<Item = Kind>| {
        let mut n = [0usize; 4];
        for k in kinds {
            n[k as usize] += 1;
        }
        n
    };
    let sections = count(&mut report.sections.iter().map(|s| s.kind));
    let items = count(&mut report.items.iter().map(|i| i.kind));
    let lang = locale::current();
    let _ = write!(
        out,
        "<h2>{}</h2>\n<table>\n<thead><tr><th></th><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        escape(&tr!(lang, "html-diff-changes")),
        escape(&tr!(lang, "html-diff-removed")),
        escape(&tr!(lang, "html-diff-added")),
        escape(&tr!(lang, "html-diff-renamed")),
        escape(&tr!(lang, "html-diff-changed")),
    );
    for (name, n) in [
        (tr!(lang, "html-diff-sections"), sections),
        (tr!(lang, "html-diff-items"), items),
    ] {
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&name),
            n[Kind::Removed as usize],
            n[Kind::Added as usize],
            n[Kind::Renamed as usize],
            n[Kind::Changed as usize]
        );
    }
    // The catalogue's text holds markup of its own (`<code>`): it is kaohe's, not input.
    let _ = writeln!(
        out,
        "</tbody>\n</table>\n<p class=\"note\">{}</p>",
        tr!(lang, "html-diff-see-text")
    );
}

fn units(out: &mut String, report: &Report) {
    let lang = locale::current();
    let _ = writeln!(out, "<h2>{}</h2>", escape(&tr!(lang, "html-diff-units")));
    let shown = &report.units[..report.units.len().min(MAX_CHART_UNITS)];
    if shown.len() < report.units.len() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            escape(&tr!(lang, "html-diff-chart-limited", max = MAX_CHART_UNITS))
        );
    }
    let pairs: Vec<charts::Pair> = shown
        .iter()
        .map(|u| charts::Pair {
            label: charts::label(&u.unit),
            values: [u.old, u.new],
        })
        .collect();
    let max = report.old.total.max(report.new.total).max(Decimal::ONE);
    let (old, new) = (tr!(lang, "html-diff-old"), tr!(lang, "html-diff-new"));
    figure(
        out,
        &tr!(lang, "html-diff-figure"),
        charts::pairs(&pairs, max, [&old, &new]),
    );
    let _ = write!(
        out,
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th></tr></thead>\n<tbody>\n",
        escape(&tr!(lang, "html-diff-unit")),
        escape(&tr!(lang, "html-diff-old-score")),
        escape(&tr!(lang, "html-diff-new-score")),
        escape(&tr!(lang, "html-diff-change")),
        escape(&tr!(lang, "html-diff-why")),
    );
    let cell = |d: Option<Decimal>| d.map_or("—".to_string(), number);
    for u in &report.units {
        let problems: Vec<String> = u
            .problems
            .iter()
            .map(|p| {
                let side = if p.rubric == "old" { &old } else { &new };
                tr!(
                    lang,
                    "html-diff-cannot-score",
                    side = side,
                    message = &p.message
                )
            })
            .collect();
        let _ = write!(
            out,
            "<tr><td class=\"unit\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td>",
            escape(&u.unit),
            cell(u.old),
            cell(u.new),
            u.change.map_or("—".to_string(), signed),
        );
        for p in problems {
            let _ = write!(out, "<p>{}</p>", escape(&p));
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
