//! The HTML report of `kaohe eval`: one self-contained page in the run's language
//! (Chinese, as offices publish it, unless English is asked for), for the screen and for
//! A4 paper. It holds the title, the date and the number of units; the ranking
//! (ties ranked alike, in the order of the table and CSV rankings), a prorated total
//! marked `79.27(折算 65/82)` and each 一级指标's subtotal; three charts as inline SVG
//! ([`charts`]): the totals, a heat map of units × 一级指标, and the items where most
//! units lost points; then each unit's score sheet on a printed page of its own, laid
//! out like the official table, with its 扣分说明 ([`super::rows`]).
//!
//! No script, no external style sheet, font or image: the page can be mailed, archived
//! and opened offline. Every text of the evidence or of the rule file goes through
//! [`crate::safe::html`] (in the SVG, [`charts::label`] and plotters' XML escaping).

pub(crate) mod charts;
mod sheet;

use std::fmt::Write;

use rust_decimal::Decimal;

use super::{number, ranks};
use crate::check::Rubric;
use crate::eval::{Sheet, Summary, Top};
use crate::locale;
use crate::model::SectionKind;
use crate::tr;

/// The most units a chart of the report shows (the best first); the ranking table and
/// the score sheets always show every unit.
pub const MAX_CHART_UNITS: usize = 100;

/// The most items the chart of points lost shows.
const MAX_LOST_ITEMS: usize = 15;

/// The style sheet of the HTML reports.
pub(crate) const STYLE: &str = include_str!("style.css");

/// A text of one line (a name, a clause, a note) as HTML: every hidden character made
/// visible, tabs and line feeds too ([`crate::safe::visible`]), then HTML-escaped.
pub(crate) fn escape(text: &str) -> String {
    crate::safe::html(&crate::safe::visible(text))
}

/// The beginning of a report's page: the document's head and the page's title.
pub(crate) fn begin(out: &mut String, title: &str, generator: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{generator}\">\n<title>{}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        locale::current().tag(),
        escape(title),
        escape(title),
    );
}

/// A chart in a figure with its caption, or a note when it could not be drawn.
pub(crate) fn figure(out: &mut String, caption: &str, svg: Result<String, String>) {
    let _ = writeln!(
        out,
        "<figure>\n<figcaption>{}</figcaption>",
        escape(caption)
    );
    match svg {
        Ok(svg) => out.push_str(&svg),
        Err(e) => {
            let _ = write!(
                out,
                "<p class=\"note\">{}</p>",
                escape(&tr!(locale::current(), "html-chart-failed", error = e))
            );
        }
    }
    out.push_str("\n</figure>\n");
}

/// The report of every unit's sheet. `date` is the date the report is made on, as it
/// is printed (`2026年12月7日`); left out, the report names none.
pub fn html(rubric: &Rubric, sheets: &[Sheet], date: Option<&str>) -> String {
    let summaries: Vec<Summary> = sheets.iter().map(|s| Summary::of(rubric, s)).collect();
    let scores: Vec<Decimal> = summaries.iter().map(|s| s.score).collect();
    let order = ranks(&scores);
    let header = super::ranking::ranked_header(rubric);
    let lang = locale::current();
    let mut out = String::new();
    begin(&mut out, &rubric.title, "kaohe eval");
    let mut meta = tr!(
        lang,
        "html-meta",
        total = number(rubric.total),
        units = sheets.len()
    );
    if let Some(date) = date {
        let _ = write!(meta, " · {}", tr!(lang, "html-meta-date", date = date));
    }
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&meta));

    ranking(&mut out, &header, &summaries, &order);
    charts_section(&mut out, rubric, &header, sheets, &summaries, &order);

    let _ = writeln!(
        out,
        "<h2 class=\"sheets\">{}</h2>",
        escape(&tr!(lang, "html-sheets"))
    );
    for &(rank, i) in &order {
        sheet::sheet(&mut out, rubric, &sheets[i], rank);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A total as the ranking shows it: `97`, or `79.27(折算 65/82)` when prorated.
pub(crate) fn total(s: &Summary) -> String {
    if s.prorated {
        tr!(
            locale::current(),
            "html-prorated",
            score = number(s.score),
            earned = number(s.earned),
            applicable = number(s.applicable_points)
        )
    } else {
        number(s.score)
    }
}

/// A first-level subtotal as the ranking shows it: its score, with its applicable
/// points when some of a regular section's items did not apply (`21/22`); `—` for an
/// item that did not apply.
fn subtotal(top: &Top) -> String {
    match (top.kind, top.score) {
        (Some(SectionKind::Regular), Some(score)) if top.applicable_points != top.points => {
            format!("{}/{}", number(score), number(top.applicable_points))
        }
        (_, Some(score)) => number(score),
        (_, None) => "—".into(),
    }
}

fn ranking(out: &mut String, header: &[String], summaries: &[Summary], order: &[(usize, usize)]) {
    let lang = locale::current();
    let _ = write!(
        out,
        "<h2>{}</h2>\n<table class=\"ranking\">\n<thead><tr>",
        escape(&tr!(lang, "html-ranking"))
    );
    for h in header {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut partial = false;
    for &(rank, i) in order {
        let s = &summaries[i];
        let _ = write!(
            out,
            "<tr><td class=\"num\">{rank}</td><td class=\"unit\">{}</td><td class=\"num\">{}</td>",
            escape(&s.unit),
            escape(&total(s))
        );
        for top in &s.top {
            let cell = subtotal(top);
            partial |= cell.contains('/');
            let _ = write!(out, "<td class=\"num\">{}</td>", escape(&cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    if summaries.iter().any(|s| s.prorated) {
        note(out, &tr!(lang, "html-note-prorated"));
    }
    if partial {
        note(out, &tr!(lang, "html-note-partial"));
    }
}

/// A note under a table or a chart.
fn note(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(text));
}

fn charts_section(
    out: &mut String,
    rubric: &Rubric,
    header: &[String],
    sheets: &[Sheet],
    summaries: &[Summary],
    order: &[(usize, usize)],
) {
    let lang = locale::current();
    let _ = writeln!(out, "<h2>{}</h2>", escape(&tr!(lang, "html-charts")));
    if order.is_empty() {
        note(out, &tr!(lang, "html-no-units"));
        return;
    }
    let shown = &order[..order.len().min(MAX_CHART_UNITS)];
    if shown.len() < order.len() {
        note(out, &tr!(lang, "html-chart-limited", max = MAX_CHART_UNITS));
    }
    let bars: Vec<charts::Bar> = shown
        .iter()
        .map(|&(rank, i)| {
            let s = &summaries[i];
            charts::Bar {
                label: format!("{rank}. {}", charts::label(&s.unit)),
                value: s.score,
                text: number(s.score),
            }
        })
        .collect();
    figure(
        out,
        &tr!(lang, "html-figure-totals"),
        charts::bars(
            &bars,
            rubric.total,
            &tr!(lang, "html-axis-total"),
            11,
            false,
        ),
    );

    // The heat map: the regular sections and the items of the top level.
    let columns: Vec<usize> = summaries.first().map_or(Vec::new(), |s| {
        s.top
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.kind, None | Some(SectionKind::Regular)))
            .map(|(c, _)| c)
            .collect()
    });
    let names: Vec<String> = columns
        .iter()
        .map(|&c| {
            header
                .get(3 + c)
                .map_or(String::new(), |h| charts::label(h))
        })
        .collect();
    let rows: Vec<(String, Vec<charts::Share>)> = shown
        .iter()
        .map(|&(_, i)| {
            let s = &summaries[i];
            let shares = columns
                .iter()
                .map(|&c| s.top.get(c).and_then(share))
                .collect();
            (charts::label(&s.unit), shares)
        })
        .collect();
    figure(
        out,
        &tr!(lang, "html-figure-shares"),
        charts::heat_map(&rows, &names),
    );

    let lost = lost_points(sheets);
    if lost.is_empty() {
        note(out, &tr!(lang, "html-no-losses"));
        return;
    }
    let most = lost.iter().map(|l| l.units).max().unwrap_or(1);
    let bars: Vec<charts::Bar> = lost
        .iter()
        .take(MAX_LOST_ITEMS)
        .map(|l| charts::Bar {
            label: charts::label(&l.name),
            value: Decimal::from(l.units),
            text: tr!(
                lang,
                "html-lost-bar",
                units = l.units,
                lost = number(l.lost)
            ),
        })
        .collect();
    figure(
        out,
        &tr!(lang, "html-figure-lost"),
        charts::bars(
            &bars,
            Decimal::from(most),
            &tr!(lang, "html-axis-lost-units"),
            most.min(10) + 1,
            true,
        ),
    );
    let _ = writeln!(
        out,
        "<table class=\"lost\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        escape(&tr!(lang, "html-lost-item")),
        escape(&tr!(lang, "html-lost-units")),
        escape(&tr!(lang, "html-lost-points")),
    );
    for l in lost.iter().take(MAX_LOST_ITEMS) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&l.name),
            l.units,
            number(l.lost)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The share of its points a top-level part earned: of its applicable points for a
/// section, of its points for an item; `None` when none applied.
fn share(top: &Top) -> charts::Share {
    let score = top.score?;
    let of = match top.kind {
        Some(_) => top.applicable_points,
        None => top.points,
    };
    (!of.is_zero()).then(|| score / of)
}

/// An item on which units lost points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Lost {
    /// The item's name after its first-level indicator's: 主动公开 › 决策公开.
    pub name: String,
    /// How many units scored less than its points.
    pub units: usize,
    /// The points they lost in all.
    pub lost: Decimal,
}

/// The regular items on which units lost points, most units first (then most points
/// lost, then the table's order).
pub(crate) fn lost_points(sheets: &[Sheet]) -> Vec<Lost> {
    let mut items: Vec<Lost> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for sheet in sheets {
        for row in super::rows::rows(sheet) {
            let Some(score) = row.item.score else {
                continue;
            };
            if row.kind != SectionKind::Regular || score >= row.item.points {
                continue;
            }
            let name = match row.top {
                Some(top) => format!("{} › {}", top.name, row.name),
                None => row.name.clone(),
            };
            let k = *at.entry(name.clone()).or_insert_with(|| {
                items.push(Lost {
                    name,
                    units: 0,
                    lost: Decimal::ZERO,
                });
                items.len() - 1
            });
            items[k].units += 1;
            items[k].lost += row.item.points - score;
        }
    }
    // A stable sort keeps the table's order among equals.
    items.sort_by(|a, b| b.units.cmp(&a.units).then(b.lost.cmp(&a.lost)));
    items
}
