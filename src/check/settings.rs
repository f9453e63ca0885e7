//! The header settings: `rubric`, `source`, `total`, `year`, `round`, `calendar`.

use rust_decimal::Decimal;

use super::Rounding;
use crate::diagnostic::{codes, Diagnostic};
use crate::span::{Span, Spanned};
use crate::syntax::ast::{CalendarRef, File, SettingKind};

/// The settings of a file, each once.
pub struct Header {
    pub title: Option<String>,
    pub source_note: Option<String>,
    pub total: Option<Spanned<Decimal>>,
    /// `total 100 max 105`: the most a unit may score with bonus points.
    pub total_max: Option<Decimal>,
    /// `calendar cn` or `calendar "…"`: the calendar the rule names, as written (a file
    /// is relative to the rule file, and never read here).
    pub calendar: Option<CalendarRef>,
    pub year: Option<i32>,
    pub rounding: Rounding,
}

pub fn check(file: &File, out: &mut Vec<Diagnostic>) -> Header {
    let mut header = Header {
        title: None,
        source_note: None,
        total: None,
        total_max: None,
        calendar: None,
        year: None,
        rounding: Rounding::default(),
    };
    let mut seen: Vec<(&'static str, Span)> = Vec::new();
    for setting in &file.settings {
        let keyword = match &setting.kind {
            SettingKind::Rubric(_) => "rubric",
            SettingKind::Source(_) => "source",
            SettingKind::Total { .. } => "total",
            SettingKind::Calendar(_) => "calendar",
            SettingKind::Year(_) => "year",
            SettingKind::Round { .. } => "round",
        };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == keyword) {
            out.push(
                Diagnostic::error(
                    codes::DUPLICATE_SETTING,
                    format!("`{keyword}` is set twice"),
                )
                .primary(setting.span, "set again here")
                .label(*first, "first set here")
                .help(format!("keep one `{keyword}` line")),
            );
            continue;
        }
        seen.push((keyword, setting.span));
        match &setting.kind {
            SettingKind::Rubric(t) => header.title = Some(t.node.clone()),
            SettingKind::Source(s) => header.source_note = Some(s.node.clone()),
            SettingKind::Calendar(c) => {
                if let CalendarRef::Builtin(name) = c {
                    if !crate::calendar::BUILTIN
                        .iter()
                        .any(|(n, _)| *n == name.node)
                    {
                        out.push(crate::calendar::unknown_builtin(name));
                    }
                }
                header.calendar = Some(c.clone());
            }
            SettingKind::Total { points: t, max } => {
                if let Some(max) = max {
                    if max.node < t.node {
                        out.push(
                            Diagnostic::error(codes::BOUND, format!("`max {}` is below the total {}", max.node, t.node))
                                .primary(max.span, "the most a unit may score")
                                .help("`total 100 max 105` lets bonus points lift a score up to 105; the max cannot be below the total"),
                        );
                    }
                    header.total_max = Some(max.node);
                }
                if t.node <= Decimal::ZERO {
                    out.push(
                        Diagnostic::error(codes::ZERO_POINTS, "the rubric's total is 0")
                            .primary(t.span, "the total")
                            .help("write the points the whole table is worth, such as `total 100`"),
                    );
                }
                header.total = Some(t.clone());
            }
            SettingKind::Year(y) => header.year = Some(y.node),
            SettingKind::Round { places, mode } => {
                if places.node > 10 {
                    out.push(
                        Diagnostic::error(
                            codes::BAD_NUMBER,
                            "rounding to more than 10 decimal places",
                        )
                        .primary(places.span, "too many places")
                        .help("scores are published with 0 to 4 places; write `round 2 half-up`"),
                    );
                }
                header.rounding.places = places.node.min(10);
                if let Some(m) = mode {
                    header.rounding.mode = m.node;
                }
            }
        }
    }
    let start = file.settings.first().map(|s| s.span).unwrap_or_default();
    let first = Span::new(start.start, start.start);
    if header.title.is_none() {
        out.push(
            Diagnostic::error(codes::MISSING_SETTING, "the rubric has no title")
                .primary(first, "expected `rubric` and the table's title before this")
                .help("begin the file with `rubric` and the title, such as `rubric 2020年市政府各部门政务公开工作要点考核表`"),
        );
    }
    if header.total.is_none() {
        out.push(
            Diagnostic::error(codes::MISSING_SETTING, "the rubric has no total")
                .primary(first, "expected `total` and the table's points before this")
                .help(
                    "write the points the whole table is worth, such as `total 100`, in the header",
                ),
        );
    }
    header
}
