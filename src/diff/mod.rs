//! Comparing two rubrics (last year's and this year's): what changed in the table, and
//! what that does to the units' scores.
//!
//! [`compare`] pairs the sections and the items of the two rubrics ([`matching`]:
//! by name, then by similarity of name, criterion text or facts) and lists, for each
//! pair, what differs: points, the section it sits in, its clauses (compared as
//! written, whitespace normalised), its criterion text and notes (with `pooled` and a
//! section's `none`), its facts, `none` (no cap), `start`
//! and `applicable unless`. [`scores`] then scores each unit's evidence under both
//! rubrics. [`text`] writes the report for people, [`html`] a page with a chart of the
//! units' scores; the same [`Report`] serialises to JSON.

pub mod html;
mod key;
pub mod matching;
pub mod scores;
pub mod text;

pub use key::erased;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::check::Rubric;
use crate::model::{self, Item, Node, Section};
use matching::{Profile, Reason};

/// The whole comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub old: Side,
    pub new: Side,
    /// The title, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<(String, String)>,
    /// The total points, when they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<PointsChange>,
    /// The year, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<(Option<i32>, Option<i32>)>,
    pub sections: Vec<SectionChange>,
    pub items: Vec<ItemChange>,
    /// The units' scores under both rubrics; empty when no evidence was given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<scores::UnitChange>,
    /// The settings of the table's form that changed: `draft`, `columns`, `methods`,
    /// each as written (`None` where a file has none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<SettingChange>,
}

/// A setting of the table's form, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingChange {
    pub setting: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The settings of the table's form of a rubric, as written: `draft`, the headings of
/// `columns`, the methods and their weights, and `min none` (a total without a lowest).
fn form_settings(r: &Rubric) -> [(&'static str, Option<String>); 4] {
    let columns = r.layout.as_ref().map(|l| {
        l.columns
            .iter()
            .map(|c| c.heading.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    });
    let methods = (!r.methods.is_empty()).then(|| {
        r.methods
            .iter()
            .map(|m| format!("{} {}%", m.name, m.weight.normalize()))
            .collect::<Vec<_>>()
            .join(", ")
    });
    [
        ("draft", r.draft.then(|| "draft".to_string())),
        ("columns", columns),
        ("methods", methods),
        (
            "total min",
            r.total_min.is_none().then(|| "min none".to_string()),
        ),
    ]
}

/// The settings of the table's form that differ between two rubrics.
fn setting_changes(old: &Rubric, new: &Rubric) -> Vec<SettingChange> {
    form_settings(old)
        .into_iter()
        .zip(form_settings(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((setting, old), (_, new))| SettingChange { setting, old, new })
        .collect()
}

/// Points before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PointsChange {
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub old: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub new: Decimal,
}

/// One of the two rule files.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub file: String,
    pub title: String,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub total: Decimal,
}

/// How an entry changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Removed,
    Added,
    Renamed,
    Changed,
}

/// A section or an item as it stands in one of the rubrics.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub name: String,
    /// The sections around it, outermost first (empty at the top level).
    pub path: Vec<String>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub points: Decimal,
    /// The line of the rule file where it is declared.
    pub line: usize,
}

impl Place {
    /// `主动公开 › 决策公开`, or the name alone at the top level.
    pub fn section_path(&self) -> String {
        if self.path.is_empty() {
            "(top level)".into()
        } else {
            self.path.join(" › ")
        }
    }
}

/// A pairing made by similarity rather than by name.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Matched {
    pub by: Reason,
    /// The similarity, in percent, rounded down.
    pub similarity: u32,
}

/// A line removed (`-`) or added (`+`) in a list of clauses, texts, notes or facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    pub sign: char,
    pub text: String,
}

/// A section added, removed, renamed, or changed in points or place.
#[derive(Debug, Clone, Serialize)]
pub struct SectionChange {
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<Matched>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub points_changed: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<Line>,
}

/// An item added, removed, renamed or changed.
#[derive(Debug, Clone, Serialize)]
pub struct ItemChange {
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<Matched>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub points_changed: bool,
    /// It now sits in another section.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Line>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Line>,
    /// `start` and `applicable unless`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<Line>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<Line>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Line>,
}

impl ItemChange {
    /// The points it is worth now, less what it was worth (0 when added or removed).
    pub fn points_delta(&self) -> Decimal {
        self.new.as_ref().map_or(Decimal::ZERO, |p| p.points)
            - self.old.as_ref().map_or(Decimal::ZERO, |p| p.points)
    }
}

/// Every section of a rubric with the sections around it, in the file's order.
fn sections(nodes: &[Node]) -> Vec<(&Section, Vec<String>)> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Node, Vec<String>)> =
        nodes.iter().rev().map(|n| (n, Vec::new())).collect();
    while let Some((node, path)) = stack.pop() {
        if let Node::Section(s) = node {
            let mut inner = path.clone();
            inner.push(s.name.node.clone());
            stack.extend(s.children.iter().rev().map(|c| (c, inner.clone())));
            out.push((s, path));
        }
    }
    out
}

/// Every item of a rubric with the sections around it, in the file's order.
fn items(nodes: &[Node]) -> Vec<(&Item, Vec<String>)> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Node, Vec<String>)> =
        nodes.iter().rev().map(|n| (n, Vec::new())).collect();
    while let Some((node, path)) = stack.pop() {
        match node {
            Node::Item(i) => out.push((i, path)),
            Node::Section(s) => {
                let mut inner = path.clone();
                inner.push(s.name.node.clone());
                stack.extend(s.children.iter().rev().map(|c| (c, inner.clone())));
            }
        }
    }
    out
}

/// A source text with runs of whitespace made one space.
fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn source_of(rubric: &Rubric, span: crate::span::Span) -> String {
    normalised(rubric.source.text().get(span.start..span.end).unwrap_or(""))
}

/// What the entries of `new` add to and remove from those of `old`, in order. Each
/// entry is `(key, shown)`: entries are equal when their keys are, and shown as
/// `shown`.
fn line_changes(old: &[(String, String)], new: &[(String, String)]) -> Vec<Line> {
    use similar::{capture_diff_slices, Algorithm, DiffTag};
    let old_keys: Vec<&str> = old.iter().map(|(k, _)| k.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|(k, _)| k.as_str()).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if matches!(tag, DiffTag::Delete | DiffTag::Replace) {
            out.extend(old[old_range].iter().map(|(_, t)| Line {
                sign: '-',
                text: t.clone(),
            }));
        }
        if matches!(tag, DiffTag::Insert | DiffTag::Replace) {
            out.extend(new[new_range].iter().map(|(_, t)| Line {
                sign: '+',
                text: t.clone(),
            }));
        }
    }
    out
}

/// Lines of text, each its own key.
fn keyed(lines: Vec<String>) -> Vec<(String, String)> {
    lines.into_iter().map(|l| (l.clone(), l)).collect()
}

/// A piece of the rubric keyed by its meaning ([`key`]: its tree, spans and the
/// checker's numbers set aside) and shown as written, whitespace normalised: a change
/// of layout is not a change.
fn syntax<T: std::fmt::Debug>(
    rubric: &Rubric,
    node: &T,
    span: crate::span::Span,
) -> (String, String) {
    (key::erased(node), source_of(rubric, span))
}

fn lines_of(texts: &[crate::span::Spanned<String>]) -> Vec<String> {
    texts
        .iter()
        .flat_map(|t| t.node.lines().map(str::to_string))
        .collect()
}

fn matched(reason: Option<(Reason, f64)>) -> Option<Matched> {
    reason.map(|(by, score)| Matched {
        by,
        similarity: (score * 100.0).floor() as u32,
    })
}

/// Compares two checked rubrics.
pub fn compare(old: &Rubric, new: &Rubric) -> Report {
    Report {
        old: side(old),
        new: side(new),
        title: (old.title != new.title).then(|| (old.title.clone(), new.title.clone())),
        total: (old.total != new.total).then_some(PointsChange {
            old: old.total.normalize(),
            new: new.total.normalize(),
        }),
        year: (old.year != new.year).then_some((old.year, new.year)),
        sections: compare_sections(old, new),
        items: compare_items(old, new),
        units: Vec::new(),
        settings: setting_changes(old, new),
    }
}

fn side(r: &Rubric) -> Side {
    Side {
        file: r.source.name().to_string(),
        title: r.title.clone(),
        total: r.total.normalize(),
    }
}

fn compare_sections(old: &Rubric, new: &Rubric) -> Vec<SectionChange> {
    let a = sections(&old.nodes);
    let b = sections(&new.nodes);
    let item_names = |s: &Section| -> Vec<String> {
        model::items(&s.children)
            .iter()
            .map(|i| i.name.node.clone())
            .collect()
    };
    let a_items: Vec<Vec<String>> = a.iter().map(|(s, _)| item_names(s)).collect();
    let b_items: Vec<Vec<String>> = b.iter().map(|(s, _)| item_names(s)).collect();
    let (pa, pb) = (
        section_profiles(&a, &a_items),
        section_profiles(&b, &b_items),
    );
    let pairs = matching::pair(&pa, &pb, matching::ITEMS_THRESHOLD);
    let place = |r: &Rubric, s: &Section, path: &[String]| Place {
        name: s.name.node.clone(),
        path: path.to_vec(),
        points: s.points.node.normalize(),
        line: r.source.line(s.name.span.start),
    };
    let mut out = Vec::new();
    for p in &pairs {
        let (s, path) = &a[p.old];
        let (t, new_path) = &b[p.new];
        // `pooled` and `none` are listed with the section's texts: a line `pooled`
        // added or removed says the section's limit moved from its items to itself or
        // back, a line `none (no cap)` that its cap was taken away or given.
        let pooled = |s: &Section| -> Vec<String> {
            let mut lines: Vec<String> =
                s.pooled.then(|| "pooled".to_string()).into_iter().collect();
            if s.uncapped {
                lines.push("none (no cap)".to_string());
            }
            lines
        };
        let text = line_changes(
            &keyed([lines_of(&s.texts), lines_of(&s.notes), pooled(s)].concat()),
            &keyed([lines_of(&t.texts), lines_of(&t.notes), pooled(t)].concat()),
        );
        // A part that gained or lost its cap says so by its `none (no cap)` line; its
        // points (0 without a cap) are no change of their own.
        let points_changed = s.points.node != t.points.node && !(s.uncapped || t.uncapped);
        let moved = path != new_path;
        let renamed = p.reason.is_some();
        if !(renamed || points_changed || moved || !text.is_empty()) {
            continue;
        }
        out.push(SectionChange {
            kind: if renamed {
                Kind::Renamed
            } else {
                Kind::Changed
            },
            old: Some(place(old, s, path)),
            new: Some(place(new, t, new_path)),
            matched: matched(p.reason),
            points_changed,
            moved,
            text,
        });
    }
    let (old_paired, new_paired) = matching::paired(&pairs, a.len(), b.len());
    for (i, (s, path)) in a.iter().enumerate() {
        if !old_paired[i] {
            out.push(SectionChange {
                kind: Kind::Removed,
                old: Some(place(old, s, path)),
                new: None,
                matched: None,
                points_changed: false,
                moved: false,
                text: Vec::new(),
            });
        }
    }
    for (j, (t, path)) in b.iter().enumerate() {
        if !new_paired[j] {
            out.push(SectionChange {
                kind: Kind::Added,
                old: None,
                new: Some(place(new, t, path)),
                matched: None,
                points_changed: false,
                moved: false,
                text: Vec::new(),
            });
        }
    }
    out.sort_by_key(|c| c.kind);
    out
}

fn section_profiles<'a>(
    list: &[(&'a Section, Vec<String>)],
    items: &'a [Vec<String>],
) -> Vec<Profile<'a>> {
    list.iter()
        .zip(items)
        .map(|((s, _), items)| Profile {
            name: s.name.node.as_str(),
            text: lines_of(&s.texts).join("\n"),
            members: items.iter().map(String::as_str).collect(),
        })
        .collect()
}

/// How the items of the two rubrics pair up: (old index, new index, reason), with the
/// items themselves. Used by [`compare`] and by [`scores`] to follow a renamed item.
pub struct ItemPairs<'a> {
    pub old: Vec<(&'a Item, Vec<String>)>,
    pub new: Vec<(&'a Item, Vec<String>)>,
    pub pairs: Vec<matching::Pair>,
}

pub fn pair_items<'a>(old: &'a Rubric, new: &'a Rubric) -> ItemPairs<'a> {
    let a = items(&old.nodes);
    let b = items(&new.nodes);
    let profile = |i: &'a Item| Profile {
        name: i.name.node.as_str(),
        text: [lines_of(&i.texts), lines_of(&i.notes)].concat().join("\n"),
        members: i.facts.iter().map(|f| f.name.node.as_str()).collect(),
    };
    let pa: Vec<Profile<'a>> = a.iter().map(|(i, _)| profile(i)).collect();
    let pb: Vec<Profile<'a>> = b.iter().map(|(i, _)| profile(i)).collect();
    let pairs = matching::pair(&pa, &pb, matching::FACTS_THRESHOLD);
    ItemPairs {
        old: a,
        new: b,
        pairs,
    }
}

fn compare_items(old: &Rubric, new: &Rubric) -> Vec<ItemChange> {
    let ItemPairs {
        old: a,
        new: b,
        pairs,
    } = pair_items(old, new);
    let place = |r: &Rubric, i: &Item, path: &[String]| Place {
        name: i.name.node.clone(),
        path: path.to_vec(),
        points: i.points.node.normalize(),
        line: r.source.line(i.name.span.start),
    };
    let clauses = |r: &Rubric, i: &Item| -> Vec<(String, String)> {
        i.clauses.iter().map(|c| syntax(r, c, c.span)).collect()
    };
    let facts = |r: &Rubric, i: &Item| -> Vec<(String, String)> {
        i.facts.iter().map(|f| syntax(r, f, f.span)).collect()
    };
    let settings = |r: &Rubric, i: &Item| -> Vec<(String, String)> {
        let mut out = Vec::new();
        // `none` in place of the points: its points (0) say nothing of it.
        if i.uncapped {
            out.push(("none".to_string(), "none (no cap)".to_string()));
        }
        if let Some(s) = &i.start {
            let shown = format!("start {}", s.node.normalize());
            out.push((shown.clone(), shown));
        }
        if let Some(c) = &i.applicable_unless {
            let (key, shown) = syntax(r, c, c.span);
            out.push((key, format!("applicable unless {shown}")));
        }
        out
    };
    let mut out = Vec::new();
    for p in &pairs {
        let (i, path) = &a[p.old];
        let (j, new_path) = &b[p.new];
        let change = ItemChange {
            kind: if p.reason.is_some() {
                Kind::Renamed
            } else {
                Kind::Changed
            },
            old: Some(place(old, i, path)),
            new: Some(place(new, j, new_path)),
            matched: matched(p.reason),
            points_changed: i.points.node != j.points.node && !(i.uncapped || j.uncapped),
            moved: path != new_path,
            clauses: line_changes(&clauses(old, i), &clauses(new, j)),
            facts: line_changes(&facts(old, i), &facts(new, j)),
            settings: line_changes(&settings(old, i), &settings(new, j)),
            text: line_changes(&keyed(lines_of(&i.texts)), &keyed(lines_of(&j.texts))),
            notes: line_changes(&keyed(lines_of(&i.notes)), &keyed(lines_of(&j.notes))),
        };
        let unchanged = change.kind == Kind::Changed
            && !change.points_changed
            && !change.moved
            && change.clauses.is_empty()
            && change.facts.is_empty()
            && change.settings.is_empty()
            && change.text.is_empty()
            && change.notes.is_empty();
        if !unchanged {
            out.push(change);
        }
    }
    let empty = |kind, old_place, new_place| ItemChange {
        kind,
        old: old_place,
        new: new_place,
        matched: None,
        points_changed: false,
        moved: false,
        clauses: Vec::new(),
        facts: Vec::new(),
        settings: Vec::new(),
        text: Vec::new(),
        notes: Vec::new(),
    };
    let (old_paired, new_paired) = matching::paired(&pairs, a.len(), b.len());
    for (n, (i, path)) in a.iter().enumerate() {
        if !old_paired[n] {
            out.push(empty(Kind::Removed, Some(place(old, i, path)), None));
        }
    }
    for (n, (j, path)) in b.iter().enumerate() {
        if !new_paired[n] {
            out.push(empty(Kind::Added, None, Some(place(new, j, path))));
        }
    }
    out.sort_by_key(|c| c.kind);
    out
}
