//! The comparison as a report for people: the header, the sections, the items (removed,
//! added, renamed, changed), and the units' scores, largest change first.

use std::fmt::Write;

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};
use rust_decimal::Decimal;

use super::{ItemChange, Kind, Line, Report, SectionChange};
use crate::locale::{current, Lang};
use crate::report::number;
pub use crate::report::signed;
use crate::tr;

fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// The report in the run's language ([`crate::locale::current`]).
pub fn text(report: &Report) -> String {
    let lang = current();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "diff-old",
            file = &report.old.file,
            title = &report.old.title
        )
    );
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "diff-new",
            file = &report.new.file,
            title = &report.new.title
        )
    );
    if let Some((a, b)) = &report.title {
        let _ = writeln!(out, "\n{}", tr!(lang, "diff-title", old = a, new = b));
    }
    if let Some(t) = &report.total {
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                lang,
                "diff-total",
                old = number(t.old),
                new = number(t.new),
                change = signed(t.new - t.old)
            )
        );
    }
    if let Some((a, b)) = report.year {
        let show =
            |y: Option<i32>| y.map_or_else(|| tr!(lang, "diff-year-none"), |y| y.to_string());
        let _ = writeln!(
            out,
            "\n{}",
            tr!(lang, "diff-year", old = show(a), new = show(b))
        );
    }
    for s in &report.settings {
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| tr!(lang, "diff-year-none"));
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                lang,
                "diff-setting",
                setting = s.setting,
                old = show(&s.old),
                new = show(&s.new)
            )
        );
    }
    let nothing = report.title.is_none()
        && report.settings.is_empty()
        && report.total.is_none()
        && report.year.is_none()
        && report.sections.is_empty()
        && report.items.is_empty();
    if nothing {
        let _ = writeln!(out, "\n{}", tr!(lang, "diff-same"));
    }
    if !report.sections.is_empty() {
        let counts = counts(lang, report.sections.iter().map(|s| s.kind));
        let _ = writeln!(out, "\n{}", tr!(lang, "diff-sections", counts = counts));
        for s in &report.sections {
            section(&mut out, s, report);
        }
    }
    if !report.items.is_empty() {
        let counts = counts(lang, report.items.iter().map(|i| i.kind));
        let _ = writeln!(out, "\n{}", tr!(lang, "diff-items", counts = counts));
        for i in &report.items {
            item(&mut out, i, report);
        }
    }
    if !report.units.is_empty() {
        units(&mut out, report, lang);
    }
    out
}

fn counts(lang: Lang, kinds: impl Iterator<Item = Kind>) -> String {
    let kinds: Vec<Kind> = kinds.collect();
    let mut parts = Vec::new();
    for (kind, key) in [
        (Kind::Removed, "removed"),
        (Kind::Added, "added"),
        (Kind::Renamed, "renamed"),
        (Kind::Changed, "changed"),
    ] {
        let n = kinds.iter().filter(|k| **k == kind).count();
        if n > 0 {
            parts.push(tr!(lang, "diff-count", kind = key, count = n));
        }
    }
    parts.join(&tr!(lang, "diff-count-join"))
}

/// The label of a line of the report in `lang`, by its key.
fn label(lang: Lang, key: &str) -> String {
    tr!(lang, "diff-label", what = key)
}

fn lines(out: &mut String, label: &str, lines: &[Line]) {
    for l in lines {
        let _ = writeln!(out, "      {label:<7} {} {}", l.sign, l.text);
    }
}

/// A section or item removed or added: its name, points and place.
fn placed(lang: Lang, name: &str, points: Decimal, path: &str) -> String {
    tr!(
        lang,
        "diff-placed",
        name = name,
        points = number(points),
        path = path
    )
}

fn section(out: &mut String, s: &SectionChange, report: &Report) {
    let lang = current();
    let (old_file, new_file) = (file_name(&report.old.file), file_name(&report.new.file));
    match (s.kind, &s.old, &s.new) {
        (Kind::Removed, Some(o), _) => {
            let _ = writeln!(
                out,
                "  - {}  [{old_file}:{}]",
                placed(lang, &o.name, o.points, &o.section_path()),
                o.line
            );
        }
        (Kind::Added, _, Some(n)) => {
            let _ = writeln!(
                out,
                "  + {}  [{new_file}:{}]",
                placed(lang, &n.name, n.points, &n.section_path()),
                n.line
            );
        }
        (_, Some(o), Some(n)) => {
            if o.name == n.name {
                let _ = writeln!(out, "  ~ {}  [{new_file}:{}]", n.name, n.line);
            } else {
                let why = s.matched.map_or(String::new(), |m| {
                    let by = reason(lang, m.by, "diff-same-items");
                    tr!(
                        lang,
                        "diff-renamed",
                        by = by,
                        similarity = u64::from(m.similarity)
                    )
                });
                let _ = writeln!(
                    out,
                    "  ~ {} → {}{why}  [{new_file}:{}]",
                    o.name, n.name, n.line
                );
            }
            if s.points_changed {
                let _ = writeln!(
                    out,
                    "      {:<7} {} → {} ({})",
                    label(lang, "points"),
                    number(o.points),
                    number(n.points),
                    signed(n.points - o.points)
                );
            }
            if s.moved {
                let _ = writeln!(
                    out,
                    "      {:<7} {} → {}",
                    label(lang, "moved"),
                    o.section_path(),
                    n.section_path()
                );
            }
            lines(out, &label(lang, "text"), &s.text);
        }
        _ => {}
    }
}

fn item(out: &mut String, i: &ItemChange, report: &Report) {
    let lang = current();
    let (old_file, new_file) = (file_name(&report.old.file), file_name(&report.new.file));
    match (i.kind, &i.old, &i.new) {
        (Kind::Removed, Some(o), _) => {
            let _ = writeln!(
                out,
                "  - {}  [{old_file}:{}]",
                placed(lang, &o.name, o.points, &o.section_path()),
                o.line
            );
        }
        (Kind::Added, _, Some(n)) => {
            let _ = writeln!(
                out,
                "  + {}  [{new_file}:{}]",
                placed(lang, &n.name, n.points, &n.section_path()),
                n.line
            );
        }
        (_, Some(o), Some(n)) => {
            if o.name == n.name {
                let _ = writeln!(out, "  ~ {}  [{new_file}:{}]", n.name, n.line);
            } else {
                let why = i.matched.map_or(String::new(), |m| {
                    tr!(
                        lang,
                        "diff-renamed",
                        by = reason(lang, m.by, "diff-same-facts"),
                        similarity = u64::from(m.similarity)
                    )
                });
                let _ = writeln!(
                    out,
                    "  ~ {} → {}{why}  [{new_file}:{}]",
                    o.name, n.name, n.line
                );
            }
            if i.points_changed {
                let _ = writeln!(
                    out,
                    "      {:<7} {} → {} ({})",
                    label(lang, "points"),
                    number(o.points),
                    number(n.points),
                    signed(n.points - o.points)
                );
            }
            if i.moved {
                let _ = writeln!(
                    out,
                    "      {:<7} {} → {}",
                    label(lang, "moved"),
                    o.section_path(),
                    n.section_path()
                );
            }
            lines(out, &label(lang, "clause"), &i.clauses);
            lines(out, &label(lang, "fact"), &i.facts);
            lines(out, "", &i.settings);
            lines(out, &label(lang, "text"), &i.text);
            lines(out, &label(lang, "note"), &i.notes);
        }
        _ => {}
    }
}

fn units(out: &mut String, report: &Report, lang: Lang) {
    let changed = report
        .units
        .iter()
        .filter(|u| u.change.is_some_and(|c| !c.is_zero()))
        .count();
    let _ = writeln!(
        out,
        "\n{}",
        tr!(
            lang,
            "diff-scores",
            count = report.units.len(),
            changed = changed
        )
    );
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(["unit", "old", "new", "change"].map(|key| tr!(lang, "diff-column", what = key)));
    let show = |d: Option<Decimal>| d.map_or_else(|| tr!(lang, "diff-not-scored"), number);
    for u in &report.units {
        t.add_row(vec![
            u.unit.clone(),
            show(u.old),
            show(u.new),
            u.change.map_or("—".to_string(), signed),
        ]);
    }
    for c in 1..4 {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    let _ = writeln!(out, "{t}");
    for u in &report.units {
        if u.items.is_empty() && u.problems.is_empty() && u.ignored.is_empty() {
            continue;
        }
        let head = match u.change {
            Some(c) => format!(
                "{}: {} → {} ({})",
                u.unit,
                show(u.old),
                show(u.new),
                signed(c)
            ),
            None => format!("{}: {} → {}", u.unit, show(u.old), show(u.new)),
        };
        let _ = writeln!(out, "\n{head}  [{}]", u.file);
        for i in &u.items {
            let name = match &i.old_name {
                Some(o) => format!("{o} → {}", i.item),
                None => i.item.clone(),
            };
            let _ = writeln!(
                out,
                "  {name}: {} → {} ({})",
                i.old.describe(),
                i.new.describe(),
                signed(i.change)
            );
        }
        if !u.ignored.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                tr!(lang, "diff-set-aside", items = u.ignored.join("、"))
            );
        }
        for p in &u.problems {
            let _ = writeln!(
                out,
                "  {} [{}]",
                tr!(
                    lang,
                    "diff-cannot-score",
                    rubric = p.rubric,
                    message = &p.message
                ),
                p.code
            );
        }
    }
}

/// Why two entries of different names were paired, in words: `same_members` is the
/// catalogue's id for a section's "same items" or an item's "same facts".
fn reason(lang: Lang, by: super::matching::Reason, same_members: &str) -> String {
    use super::matching::Reason;
    match by {
        Reason::SimilarName => tr!(lang, "diff-similar-name"),
        Reason::SimilarText => tr!(lang, "diff-similar-text"),
        Reason::SameMembers => crate::locale::text(lang, same_members, &[]),
    }
}
