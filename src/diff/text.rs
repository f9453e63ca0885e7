//! The comparison as a report for people: the header, the sections, the items (removed,
//! added, renamed, changed), and the units' scores, largest change first.

use std::fmt::Write;

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};
use rust_decimal::Decimal;

use super::{ItemChange, Kind, Line, Report, SectionChange};
use crate::report::number;
pub use crate::report::signed;

fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

pub fn text(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "old: {}  ({})", report.old.file, report.old.title);
    let _ = writeln!(out, "new: {}  ({})", report.new.file, report.new.title);
    if let Some((a, b)) = &report.title {
        let _ = writeln!(out, "\ntitle: {a} → {b}");
    }
    if let Some(t) = &report.total {
        let _ = writeln!(
            out,
            "\ntotal: {} → {} ({})",
            number(t.old),
            number(t.new),
            signed(t.new - t.old)
        );
    }
    if let Some((a, b)) = report.year {
        let show = |y: Option<i32>| y.map_or("none".to_string(), |y| y.to_string());
        let _ = writeln!(out, "\nyear: {} → {}", show(a), show(b));
    }
    let nothing = report.title.is_none()
        && report.total.is_none()
        && report.year.is_none()
        && report.sections.is_empty()
        && report.items.is_empty();
    if nothing {
        let _ = writeln!(out, "\nthe two rubrics have the same sections and items");
    }
    if !report.sections.is_empty() {
        let _ = writeln!(
            out,
            "\nsections: {}",
            counts(report.sections.iter().map(|s| s.kind))
        );
        for s in &report.sections {
            section(&mut out, s, report);
        }
    }
    if !report.items.is_empty() {
        let _ = writeln!(
            out,
            "\nitems: {}",
            counts(report.items.iter().map(|i| i.kind))
        );
        for i in &report.items {
            item(&mut out, i, report);
        }
    }
    if !report.units.is_empty() {
        units(&mut out, report);
    }
    out
}

fn counts(kinds: impl Iterator<Item = Kind>) -> String {
    let kinds: Vec<Kind> = kinds.collect();
    let mut parts = Vec::new();
    for (kind, word) in [
        (Kind::Removed, "removed"),
        (Kind::Added, "added"),
        (Kind::Renamed, "renamed"),
        (Kind::Changed, "changed"),
    ] {
        let n = kinds.iter().filter(|k| **k == kind).count();
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    parts.join(", ")
}

fn lines(out: &mut String, label: &str, lines: &[Line]) {
    for l in lines {
        let _ = writeln!(out, "      {label:<7} {} {}", l.sign, l.text);
    }
}

fn section(out: &mut String, s: &SectionChange, report: &Report) {
    let (old_file, new_file) = (file_name(&report.old.file), file_name(&report.new.file));
    match (s.kind, &s.old, &s.new) {
        (Kind::Removed, Some(o), _) => {
            let _ = writeln!(
                out,
                "  - {} ({} points) in {}  [{old_file}:{}]",
                o.name,
                number(o.points),
                o.section_path(),
                o.line
            );
        }
        (Kind::Added, _, Some(n)) => {
            let _ = writeln!(
                out,
                "  + {} ({} points) in {}  [{new_file}:{}]",
                n.name,
                number(n.points),
                n.section_path(),
                n.line
            );
        }
        (_, Some(o), Some(n)) => {
            if o.name == n.name {
                let _ = writeln!(out, "  ~ {}  [{new_file}:{}]", n.name, n.line);
            } else {
                let why = s.matched.map_or(String::new(), |m| {
                    let by = match m.by {
                        super::matching::Reason::SameMembers => "same items",
                        other => other.describe(),
                    };
                    format!(" (renamed; {by}, {}%)", m.similarity)
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
                    "      points  {} → {} ({})",
                    number(o.points),
                    number(n.points),
                    signed(n.points - o.points)
                );
            }
            if s.moved {
                let _ = writeln!(
                    out,
                    "      moved   {} → {}",
                    o.section_path(),
                    n.section_path()
                );
            }
            lines(out, "text", &s.text);
        }
        _ => {}
    }
}

fn item(out: &mut String, i: &ItemChange, report: &Report) {
    let (old_file, new_file) = (file_name(&report.old.file), file_name(&report.new.file));
    match (i.kind, &i.old, &i.new) {
        (Kind::Removed, Some(o), _) => {
            let _ = writeln!(
                out,
                "  - {} ({} points) in {}  [{old_file}:{}]",
                o.name,
                number(o.points),
                o.section_path(),
                o.line
            );
        }
        (Kind::Added, _, Some(n)) => {
            let _ = writeln!(
                out,
                "  + {} ({} points) in {}  [{new_file}:{}]",
                n.name,
                number(n.points),
                n.section_path(),
                n.line
            );
        }
        (_, Some(o), Some(n)) => {
            if o.name == n.name {
                let _ = writeln!(out, "  ~ {}  [{new_file}:{}]", n.name, n.line);
            } else {
                let why = i.matched.map_or(String::new(), |m| {
                    format!(" (renamed; {}, {}%)", m.by.describe(), m.similarity)
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
                    "      points  {} → {} ({})",
                    number(o.points),
                    number(n.points),
                    signed(n.points - o.points)
                );
            }
            if i.moved {
                let _ = writeln!(
                    out,
                    "      moved   {} → {}",
                    o.section_path(),
                    n.section_path()
                );
            }
            lines(out, "clause", &i.clauses);
            lines(out, "fact", &i.facts);
            lines(out, "", &i.settings);
            lines(out, "text", &i.text);
            lines(out, "note", &i.notes);
        }
        _ => {}
    }
}

fn units(out: &mut String, report: &Report) {
    let changed = report
        .units
        .iter()
        .filter(|u| u.change.is_some_and(|c| !c.is_zero()))
        .count();
    let _ = writeln!(
        out,
        "\nscores: {} unit(s), {changed} changed, largest change first",
        report.units.len()
    );
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(vec!["unit", "old", "new", "change"]);
    let show = |d: Option<Decimal>| d.map_or("not scored".to_string(), number);
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
                "  evidence set aside under the new rubric (items it removed): {}",
                u.ignored.join("、")
            );
        }
        for p in &u.problems {
            let _ = writeln!(
                out,
                "  cannot be scored under the {} rubric: {} [{}]",
                p.rubric, p.message, p.code
            );
        }
    }
}
