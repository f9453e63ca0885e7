//! The score sheet of one unit: every section, every item, every step of the trace.

use rust_decimal::Decimal;

pub use super::trace::Step;
use crate::model::SectionKind;
use serde::Serialize;

/// One unit's result.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    pub unit: String,
    /// The final score: the sum of the items, or prorated when items are not applicable.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub score: Decimal,
    /// Points earned on the applicable items, before proration.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub earned: Decimal,
    /// The points of the applicable items.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub applicable_points: Decimal,
    pub prorated: bool,
    /// What `bonus` sections added (加分项), at most each section's points.
    #[serde(
        with = "rust_decimal::serde::arbitrary_precision",
        skip_serializing_if = "Decimal::is_zero"
    )]
    pub bonus: Decimal,
    /// What `penalty` sections took (倒扣分), a negative number.
    #[serde(
        with = "rust_decimal::serde::arbitrary_precision",
        skip_serializing_if = "Decimal::is_zero"
    )]
    pub penalty: Decimal,
    /// How the total was kept within 0 and the rubric's most, when it had to be.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limited: Option<String>,
    pub categories: Vec<SectionScore>,
    /// Items at the top level, outside any section.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<ItemScore>,
    /// A blended table's sheet ([`super::blend`]): each method's weight and whole
    /// sheet, of which this one is the weighted sum; empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<MethodScore>,
}

/// One method's part of a blended sheet.
#[derive(Debug, Clone, Serialize)]
pub struct MethodScore {
    pub method: String,
    /// The method's weight in percent.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub weight: Decimal,
    /// The unit's sheet from this method's evidence alone.
    pub sheet: Sheet,
}

/// One unit's result without its trace ([`super::summarise`]): what a ranking shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub unit: String,
    pub score: Decimal,
    pub earned: Decimal,
    pub applicable_points: Decimal,
    pub prorated: bool,
    /// Each top-level section or item, in the order of the rule file.
    pub top: Vec<Top>,
}

/// A top-level section or item of a [`Summary`].
#[derive(Debug, Clone, PartialEq)]
pub struct Top {
    /// The section's kind; `None` for an item.
    pub kind: Option<SectionKind>,
    pub points: Decimal,
    /// The score; `None` for an item that is not applicable.
    pub score: Option<Decimal>,
    pub applicable_points: Decimal,
}

impl Summary {
    /// The summary of a full sheet: the numbers [`super::summarise`] gives, its
    /// top-level sections and items in the order of the rule file.
    pub fn of(rubric: &crate::check::Rubric, sheet: &Sheet) -> Self {
        let mut sections = sheet.categories.iter();
        let mut items = sheet.indicators.iter();
        let top = rubric
            .nodes
            .iter()
            .filter_map(|node| match node {
                crate::model::Node::Section(_) => sections.next().map(Top::section),
                crate::model::Node::Item(_) => items.next().map(Top::item),
            })
            .collect();
        Summary {
            unit: sheet.unit.clone(),
            score: sheet.score,
            earned: sheet.earned,
            applicable_points: sheet.applicable_points,
            prorated: sheet.prorated,
            top,
        }
    }
}

impl Top {
    fn section(s: &SectionScore) -> Self {
        Top {
            kind: Some(s.kind),
            points: s.points,
            score: Some(s.score),
            applicable_points: s.applicable_points,
        }
    }

    fn item(i: &ItemScore) -> Self {
        Top {
            kind: None,
            points: i.points,
            score: i.score,
            applicable_points: if i.applicable {
                i.points
            } else {
                Decimal::ZERO
            },
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionScore {
    pub name: String,
    /// `regular`, `bonus` or `penalty`.
    #[serde(skip_serializing_if = "is_regular")]
    pub kind: crate::model::SectionKind,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub points: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub score: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub applicable_points: Decimal,
    /// What the parts of a `pooled` section add up to, when its limit (0 to its
    /// points, 本一级指标扣完为止) kept its score from it; `None` otherwise.
    #[serde(
        with = "rust_decimal::serde::arbitrary_precision_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub sum: Option<Decimal>,
    /// A bonus or penalty section without a cap (`none`; its points are 0).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub uncapped: bool,
    pub line: usize,
    /// Where the section is declared in the rule file (a byte offset): its place in
    /// the table among the items and sections beside it, which are kept apart.
    #[serde(skip)]
    pub offset: usize,
    pub indicators: Vec<ItemScore>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionScore>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemScore {
    pub name: String,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub points: Decimal,
    /// The item's score; `null` when it is not applicable.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub score: Option<Decimal>,
    /// A bonus or penalty item without a cap (`none`; its points are 0).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub uncapped: bool,
    pub applicable: bool,
    pub line: usize,
    /// Where the item is declared in the rule file (a byte offset): its place in the
    /// table among the items and sections beside it, which are kept apart.
    #[serde(skip)]
    pub offset: usize,
    pub trace: Vec<Step>,
    /// A blended table's item ([`super::blend`]): its score and trace under each
    /// method; empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<MethodItem>,
}

/// One method's part of a blended item.
#[derive(Debug, Clone, Serialize)]
pub struct MethodItem {
    pub method: String,
    /// The method's weight in percent.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub weight: Decimal,
    /// The item's score under this method; `null` when it is not applicable.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub score: Option<Decimal>,
    pub trace: Vec<Step>,
}

impl Sheet {
    /// Every item of the sheet in the table's order, with its section's name.
    pub fn items(&self) -> Vec<(&str, &ItemScore)> {
        self.items_with_kind()
            .into_iter()
            .map(|(name, _, item)| (name, item))
            .collect()
    }

    /// Every item in the table's order, with its section's name and the kind of its
    /// top-level section (a bonus or penalty item scores differently).
    pub fn items_with_kind(&self) -> Vec<(&str, SectionKind, &ItemScore)> {
        self.items_with_path()
            .into_iter()
            .map(|(path, kind, item)| (path.last().map_or("", |s| s.name.as_str()), kind, item))
            .collect()
    }

    /// Every item in the table's order, with the sections above it (the first-level one
    /// first) and the kind of its top-level section. The items and the sections of a
    /// level are kept apart in the sheet; they are put back in the order the rule file
    /// declares them. A stack, not recursion, so that depth cannot overflow it.
    pub fn items_with_path(&self) -> Vec<(Vec<&SectionScore>, SectionKind, &ItemScore)> {
        /// What is still to list: an item with its path, or a section to open.
        enum Next<'a> {
            Item(Vec<&'a SectionScore>, &'a ItemScore),
            Section(Vec<&'a SectionScore>),
        }
        /// The items and sections of one level, in the file's order, pushed so that
        /// the first is popped first.
        fn push_level<'a>(
            stack: &mut Vec<Next<'a>>,
            path: &[&'a SectionScore],
            items: &'a [ItemScore],
            sections: &'a [SectionScore],
        ) {
            let mut level: Vec<(usize, Next<'a>)> = items
                .iter()
                .map(|i| (i.offset, Next::Item(path.to_vec(), i)))
                .chain(sections.iter().map(|s| {
                    let mut deeper = path.to_vec();
                    deeper.push(s);
                    (s.offset, Next::Section(deeper))
                }))
                .collect();
            // Stable: a sheet made without offsets (all 0) keeps items before sections.
            level.sort_by_key(|(offset, _)| *offset);
            stack.extend(level.into_iter().rev().map(|(_, next)| next));
        }
        let mut out = Vec::new();
        let mut stack = Vec::new();
        push_level(&mut stack, &[], &self.indicators, &self.categories);
        while let Some(next) = stack.pop() {
            match next {
                Next::Item(path, item) => {
                    let kind = path.first().map_or(SectionKind::Regular, |s| s.kind);
                    out.push((path, kind, item));
                }
                Next::Section(path) => {
                    let here = path[path.len() - 1];
                    push_level(&mut stack, &path, &here.indicators, &here.sections);
                }
            }
        }
        out
    }

    /// Every `pooled` section whose limit cut its score (本一级指标扣完为止), outer ones
    /// first, in the file's order. A stack, not recursion, so that depth cannot
    /// overflow it.
    pub fn pooled_cuts(&self) -> Vec<&SectionScore> {
        let mut out = Vec::new();
        let mut stack: Vec<&SectionScore> = self.categories.iter().rev().collect();
        while let Some(s) = stack.pop() {
            if s.sum.is_some() {
                out.push(s);
            }
            stack.extend(s.sections.iter().rev());
        }
        out
    }
}

fn is_regular(kind: &crate::model::SectionKind) -> bool {
    *kind == crate::model::SectionKind::Regular
}
