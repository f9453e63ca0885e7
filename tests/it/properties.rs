//! Properties of scoring that hold for any evidence and any rubric the checker
//! accepts (issue 7), tested with random evidence against both 2020 tables and
//! against randomly generated rubrics:
//!
//! - every item scores within its bounds (0 to its points; minus its points to 0 in a
//!   `penalty` section) and within the range the checker worked out for it, every
//!   section within its own, and the total within 0 and the rubric's most, worked out
//!   here independently with exact rational rounding;
//! - the sum of an item's trace deltas added to its start is its score;
//! - one more finding of a count that only `per … -N` clauses read never raises a
//!   score, and one fewer never lowers it;
//! - an item made not applicable changes the total exactly as the proration formula
//!   says: earned ÷ applicable points × total, rounded as the rubric's `round` says;
//! - the same evidence with its items and facts in another order, in TOML, JSON or
//!   CSV, and units given in any order, give the same results;
//! - `kaohe fmt` of a rubric whose layout is scrambled compiles to the same rubric, and
//!   formatting its output again changes nothing.
//!
//! The random rubrics have the shapes the 2020 tables lack, so that these properties
//! meet them too (tests/it/scorer_random.rs reaches them for the compiled scorer):
//!
//! - items at the top level, before, between and after sections, which the total adds
//!   after the top-level sections;
//! - sections within sections, up to three deep, in regular, bonus and penalty sections;
//! - two clauses reading the same fact: `per` and `missing` on one set with `except`, a
//!   tally counted by `per` and compared in a condition, a count read by two `per`
//!   clauses or by `per` and a condition;
//! - percents compared by all six operators with `4.5%`, `12.25%` and other literals,
//!   and evidence at and beside those literals;
//! - points above 10 (up to 120) and in quarters (`12.25`), with clauses of amounts to
//!   match.
//!
//! Their amounts are quarters of a point and whole percentages, so every sum is exact:
//! the order in which sums are taken, which matters only when a decimal rounds at its
//! 28th digit, is left to tests/it/scorer_random.rs. `the_generator_reaches_every_shape`
//! measures how often each shape is produced and fails if the generator narrows.
//!
//! Each property runs 64 cases; set `PROPTEST_CASES` to run more
//! (`PROPTEST_CASES=5000 cargo test --release --test it properties::`).

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use kaohe::check::{bounds, compile, Rubric};
use kaohe::diagnostic::{render_human, HumanStyle};
use kaohe::eval::{
    condition_facts, evaluate, summarise, ItemScore, Scorer, SectionScore, Sheet, Summary,
};
use kaohe::evidence::{read, validate, Format, Unit};
use kaohe::model::items_with_kind;
use kaohe::model::{
    ClauseKind, Effect, FactType, Item, Node, PercentBase, RoundingMode, SectionKind,
};
use kaohe::source::SourceFile;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;

/// The largest count evidence may give (`kaohe::evidence` refuses more).
const MAX_COUNT: u64 = 1_000_000_000_000;

/// The number of cases of each property: 64, or `PROPTEST_CASES`.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        // A generated rubric the checker refuses is discarded; the generator is built
        // to avoid that, so a few discards in a run are the most expected.
        max_global_rejects: cases / 4 + 8,
        // A failing case is kept beside this file (`properties.proptest-regressions`)
        // and tried first on every later run.
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------
// Evidence: values for every declared fact of a rubric, written as TOML, JSON or CSV.
// ---------------------------------------------------------------------------------

/// A value for one fact, as an assessor might record it.
#[derive(Debug, Clone, PartialEq)]
enum FactValue {
    Bool(bool),
    Count(u64),
    /// A percentage in hundredths of a percent, written as a number or as `"12.5%"`.
    Percent {
        hundredths: u32,
        as_text: bool,
    },
    /// A date, or `None`: never done.
    Date(Option<NaiveDate>),
    /// Which members are present, in the rule file's order.
    Set(Vec<bool>),
    /// Each member's count, or `None`: left out (0).
    Tally(Vec<Option<u64>>),
    /// Periods: a start and an end, or `None`: never ended.
    Periods(Vec<(NaiveDate, Option<NaiveDate>)>),
    /// A discretionary score in hundredths of a point.
    Discretion(u32),
    /// The dates of a `dates` fact, in the year of the rubrics these properties read.
    Dates(Vec<NaiveDate>),
}

/// One fact's place and value in a unit's evidence.
#[derive(Debug, Clone)]
struct Given {
    item: String,
    fact: String,
    /// The fact's member names (for a set or tally) or period field names.
    names: Vec<String>,
    value: FactValue,
}

/// A unit's evidence: every fact of every item, in the rule file's order.
#[derive(Debug, Clone)]
struct Evidence {
    unit: String,
    facts: Vec<Given>,
}

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 7, 1).expect("a day") + chrono::Duration::days(offset)
}

/// A count: small most of the time, now and then large, now and then the largest.
fn count(max: Option<u64>) -> BoxedStrategy<u64> {
    match max {
        Some(m) => (0..=m).boxed(),
        None => prop_oneof![
            12 => 0u64..6,
            2 => 0u64..200,
            1 => 0u64..=MAX_COUNT,
            1 => Just(MAX_COUNT),
        ]
        .boxed(),
    }
}

/// A value of a fact's type.
fn fact_value(ty: &FactType) -> BoxedStrategy<FactValue> {
    match ty {
        FactType::Bool => any::<bool>().prop_map(FactValue::Bool).boxed(),
        FactType::Count { max } => count(max.as_ref().map(|m| m.node))
            .prop_map(FactValue::Count)
            .boxed(),
        FactType::Percent { .. } => (
            prop_oneof![
                3 => 0u32..=10_000,
                2 => proptest::sample::select(&PERCENT_VALUES[..]),
            ],
            any::<bool>(),
        )
            .prop_map(|(hundredths, as_text)| FactValue::Percent {
                hundredths,
                as_text,
            })
            .boxed(),
        // A number fact takes whole numbers too, written as counts are.
        FactType::Number { .. } => count(None).prop_map(FactValue::Count).boxed(),
        FactType::Date => prop_oneof![
            1 => Just(FactValue::Date(None)),
            5 => (0i64..900).prop_map(|d| FactValue::Date(Some(day(d)))),
        ]
        .boxed(),
        FactType::Set(members) => proptest::collection::vec(any::<bool>(), members.len())
            .prop_map(FactValue::Set)
            .boxed(),
        FactType::Tally(members) => {
            proptest::collection::vec(proptest::option::weighted(0.8, count(None)), members.len())
                .prop_map(FactValue::Tally)
                .boxed()
        }
        FactType::Periods { .. } => proptest::collection::vec(
            (0i64..900, proptest::option::weighted(0.85, 0i64..60)),
            0..5,
        )
        .prop_map(|list| {
            FactValue::Periods(
                list.into_iter()
                    .map(|(start, length)| (day(start), length.map(|l| day(start + l))))
                    .collect(),
            )
        })
        .boxed(),
        FactType::Discretion { max } => {
            let top = (max.node * Decimal::ONE_HUNDRED)
                .trunc()
                .to_string()
                .parse::<u32>()
                .unwrap_or(0);
            (0..=top).prop_map(FactValue::Discretion).boxed()
        }
        FactType::Dates => proptest::collection::vec(0i64..366, 0..8)
            .prop_map(|days| {
                let first = NaiveDate::from_ymd_opt(2020, 1, 1).expect("a day");
                FactValue::Dates(
                    days.into_iter()
                        .map(|d| first + chrono::Duration::days(d))
                        .collect(),
                )
            })
            .boxed(),
    }
}

/// Random evidence for every fact a rubric declares.
fn evidence(rubric: &Rubric) -> BoxedStrategy<Evidence> {
    let mut places = Vec::new();
    let mut strategies = Vec::new();
    for item in kaohe::model::items(&rubric.nodes) {
        for fact in &item.facts {
            let names = match &fact.ty.node {
                FactType::Set(m) | FactType::Tally(m) => {
                    m.iter().map(|m| m.name.node.clone()).collect()
                }
                FactType::Periods { from, to } => vec![from.node.clone(), to.node.clone()],
                _ => Vec::new(),
            };
            places.push((item.name.node.clone(), fact.name.node.clone(), names));
            strategies.push(fact_value(&fact.ty.node));
        }
    }
    (strategies, "[甲乙丙丁戊]{1,3}[市区县局]")
        .prop_map(move |(values, unit)| Evidence {
            unit,
            facts: places
                .iter()
                .zip(values)
                .map(|((item, fact, names), value)| Given {
                    item: item.clone(),
                    fact: fact.clone(),
                    names: names.clone(),
                    value,
                })
                .collect(),
        })
        .boxed()
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn percent_text(hundredths: u32) -> String {
    Decimal::new(i64::from(hundredths), 2)
        .normalize()
        .to_string()
}

fn discretion_text(hundredths: u32) -> String {
    Decimal::new(i64::from(hundredths), 2)
        .normalize()
        .to_string()
}

/// How values are written: TOML and JSON differ in dates, keys and separators.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Syntax {
    Toml,
    Json,
}

fn value_text(given: &Given, syntax: Syntax) -> String {
    let eq = match syntax {
        Syntax::Toml => " = ",
        Syntax::Json => ": ",
    };
    let date = |d: NaiveDate| match syntax {
        Syntax::Toml => d.to_string(),
        Syntax::Json => format!("\"{d}\""),
    };
    match &given.value {
        FactValue::Bool(b) => b.to_string(),
        FactValue::Count(n) => n.to_string(),
        FactValue::Percent {
            hundredths,
            as_text: true,
        } => quoted(&format!("{}%", percent_text(*hundredths))),
        FactValue::Percent { hundredths, .. } => percent_text(*hundredths),
        FactValue::Date(Some(d)) => date(*d),
        FactValue::Date(None) => "false".into(),
        FactValue::Dates(list) => {
            let dates: Vec<String> = list.iter().map(|d| date(*d)).collect();
            format!("[{}]", dates.join(", "))
        }
        FactValue::Set(present) => {
            let members: Vec<String> = given
                .names
                .iter()
                .zip(present)
                .filter(|(_, p)| **p)
                .map(|(m, _)| quoted(m))
                .collect();
            format!("[{}]", members.join(", "))
        }
        FactValue::Tally(counts) => {
            let members: Vec<String> = given
                .names
                .iter()
                .zip(counts)
                .filter_map(|(m, n)| n.map(|n| format!("{}{eq}{n}", quoted(m))))
                .collect();
            format!("{{{}}}", members.join(", "))
        }
        FactValue::Periods(list) => {
            let periods: Vec<String> = list
                .iter()
                .map(|(from, to)| {
                    format!(
                        "{{{}{eq}{}, {}{eq}{}}}",
                        quoted(&given.names[0]),
                        date(*from),
                        quoted(&given.names[1]),
                        to.map_or("false".to_string(), date)
                    )
                })
                .collect();
            format!("[{}]", periods.join(", "))
        }
        FactValue::Discretion(hundredths) => format!(
            "{{{}{eq}{}, {}{eq}{}}}",
            quoted("score"),
            discretion_text(*hundredths),
            quoted("reason"),
            quoted("材料齐全")
        ),
    }
}

/// The items in the order of their first fact, each with its facts.
fn grouped(e: &Evidence) -> Vec<(&str, Vec<&Given>)> {
    let mut items: Vec<(&str, Vec<&Given>)> = Vec::new();
    for g in &e.facts {
        match items.iter_mut().find(|(name, _)| *name == g.item) {
            Some((_, facts)) => facts.push(g),
            None => items.push((&g.item, vec![g])),
        }
    }
    items
}

/// A deterministic shuffle (Fisher–Yates with a small generator) from a seed.
fn shuffle<T>(list: &mut [T], seed: &mut u64) {
    for i in (1..list.len()).rev() {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = ((*seed >> 33) % (i as u64 + 1)) as usize;
        list.swap(i, j);
    }
}

/// The evidence as a TOML file, items and facts shuffled by `seed` (0: as declared).
fn toml_text(e: &Evidence, seed: u64) -> String {
    let mut items = grouped(e);
    let mut seed = seed;
    if seed != 0 {
        shuffle(&mut items, &mut seed);
        for (_, facts) in &mut items {
            shuffle(facts, &mut seed);
        }
    }
    let mut out = format!("unit = {}\n", quoted(&e.unit));
    for (item, facts) in items {
        let _ = writeln!(out, "\n[{}]", quoted(item));
        for g in facts {
            let _ = writeln!(out, "{} = {}", quoted(&g.fact), value_text(g, Syntax::Toml));
        }
    }
    out
}

/// The evidence as a JSON file, items and facts shuffled by `seed`, the unit's name
/// last rather than first.
fn json_text(e: &Evidence, seed: u64) -> String {
    let mut items = grouped(e);
    let mut seed = seed;
    shuffle(&mut items, &mut seed);
    let mut parts = Vec::new();
    for (item, mut facts) in items {
        shuffle(&mut facts, &mut seed);
        let facts: Vec<String> = facts
            .iter()
            .map(|g| format!("{}: {}", quoted(&g.fact), value_text(g, Syntax::Json)))
            .collect();
        parts.push(format!("  {}: {{{}}}", quoted(item), facts.join(", ")));
    }
    parts.push(format!("  \"unit\": {}", quoted(&e.unit)));
    format!("{{\n{}\n}}\n", parts.join(",\n"))
}

/// A spreadsheet cell's text for one part of a fact (`None`: the whole value).
fn cell_text(g: &Given, member: Option<&str>, reason: bool) -> String {
    match (&g.value, member) {
        (FactValue::Tally(counts), Some(m)) => g
            .names
            .iter()
            .zip(counts)
            .find(|(name, _)| name.as_str() == m)
            .map_or("0".into(), |(_, n)| n.unwrap_or(0).to_string()),
        (FactValue::Discretion(_), _) if reason => "材料齐全".into(),
        (FactValue::Discretion(h), _) => discretion_text(*h),
        (FactValue::Bool(b), _) => b.to_string(),
        (FactValue::Count(n), _) => n.to_string(),
        (FactValue::Percent { hundredths, .. }, _) => percent_text(*hundredths),
        (FactValue::Date(Some(d)), _) => d.to_string(),
        (FactValue::Date(None), _) => "false".into(),
        (FactValue::Dates(list), _) if list.is_empty() => "无".into(),
        (FactValue::Dates(list), _) => list
            .iter()
            .map(NaiveDate::to_string)
            .collect::<Vec<_>>()
            .join("、"),
        (FactValue::Set(present), _) => {
            let members: Vec<&str> = g
                .names
                .iter()
                .zip(present)
                .filter(|(_, p)| **p)
                .map(|(m, _)| m.as_str())
                .collect();
            if members.is_empty() {
                "无".into()
            } else {
                members.join("、")
            }
        }
        (other, _) => panic!("no cell for {other:?}"),
    }
}

/// The units as a CSV file laid out as `kaohe template --format csv` lays it out, or
/// `None` when the rubric has facts no cell can give.
fn csv_text(rubric: &Rubric, units: &[Evidence]) -> Option<String> {
    use kaohe::evidence::columns::{layout, Part, UNIT_HEADER};
    let layout = layout(rubric);
    if !layout.unsupported.is_empty() {
        return None;
    }
    let mut rows = vec![std::iter::once(UNIT_HEADER.to_string())
        .chain(layout.columns.iter().map(|c| c.header.clone()))
        .collect::<Vec<_>>()];
    for e in units {
        let mut row = vec![e.unit.clone()];
        for c in &layout.columns {
            let g = e
                .facts
                .iter()
                .find(|g| g.item == c.item.name.node && g.fact == c.fact.name.node)
                .expect("every fact is given");
            row.push(match &c.part {
                Part::Value => cell_text(g, None, false),
                Part::Member(m) => cell_text(g, Some(m), false),
                Part::Reason => cell_text(g, None, true),
            });
        }
        rows.push(row);
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for r in &rows {
        w.write_record(r).expect("a row in memory");
    }
    Some(String::from_utf8(w.into_inner().expect("csv in memory")).expect("utf-8"))
}

fn rendered(ds: &[kaohe::diagnostic::Diagnostic]) -> String {
    ds.iter()
        .map(|d| render_human(d, HumanStyle::Plain))
        .collect()
}

/// Reads and validates an evidence text; random evidence is valid by construction, so
/// any diagnostic fails the case.
fn load(rubric: &Rubric, text: &str, format: Format) -> Result<Unit, TestCaseError> {
    let name = match format {
        Format::Json => "unit.json",
        _ => "unit.toml",
    };
    let source = SourceFile::new(name, text);
    let node = read(&source, format)
        .map_err(|d| TestCaseError::fail(format!("{}\n{text}", rendered(&[d]))))?;
    validate(rubric, &source, &node)
        .map_err(|ds| TestCaseError::fail(format!("{}\n{text}", rendered(&ds))))
}

/// Scores random evidence with the one interpreter, with its trace (the sheet) and
/// without it (a ranking's [`Scorer`], which reads the items' outcome tables and adds
/// up in units of 10⁻⁹, and [`summarise`]), and checks the ranking's totals against
/// the exact oracle of the items' scores ([`sums`], [`expected_total`]); its numbers
/// are the sheet's, written alike (the same decimals to the last digit), or it refuses
/// the unit with the same diagnostic.
fn score(rubric: &Rubric, e: &Evidence) -> Result<Result<Sheet, String>, TestCaseError> {
    let unit = load(rubric, &toml_text(e, 0), Format::Toml)?;
    let refused = |d: kaohe::diagnostic::Diagnostic| (d.code.to_string(), d.message);
    let sheet = evaluate(rubric, &unit).map_err(refused);
    let compiled = Scorer::new(rubric).summarise(&unit).map_err(refused);
    if let (Ok(sheet), Ok(summary)) = (&sheet, &compiled) {
        let sums = sums(rubric, &scores_by_name(sheet));
        prop_assert_eq!(summary.earned, sums.earned, "earned");
        prop_assert_eq!(summary.applicable_points, sums.applicable, "applicable");
        prop_assert_eq!(summary.prorated, sums.applicable != sums.all, "prorated");
        prop_assert_eq!(Some(summary.score), expected_total(rubric, &sums), "total");
    }
    let expected = sheet.clone().map(|s| Summary::of(rubric, &s));
    prop_assert_eq!(&expected, &compiled);
    // `Decimal`'s equality ignores trailing zeros; the reports print them.
    prop_assert_eq!(format!("{expected:?}"), format!("{compiled:?}"));
    let summary = summarise(rubric, &unit).map_err(refused);
    prop_assert_eq!(&expected, &summary);
    Ok(sheet.map_err(|(code, _)| code))
}

// ---------------------------------------------------------------------------------
// The score sheet's invariants, worked out independently of the evaluator.
// ---------------------------------------------------------------------------------

/// `n ÷ d` rounded to `places` as `mode` says, computed exactly on integers.
fn exact_round(n: Decimal, d: Decimal, places: u32, mode: RoundingMode) -> Option<Decimal> {
    // n = a / 10^sa and d = b / 10^sb, so n ÷ d × 10^places = a × 10^(sb + places) ÷ (b × 10^sa).
    let pow = |e: u32| 10i128.checked_pow(e);
    let num = n
        .mantissa()
        .checked_mul(pow(d.scale().checked_add(places)?)?)?;
    let den = d.mantissa().checked_mul(pow(n.scale())?)?;
    if den <= 0 || num < 0 {
        return None;
    }
    let (q, r) = (num / den, num % den);
    let q = match mode {
        RoundingMode::Down => q,
        RoundingMode::Up => q + i128::from(r > 0),
        RoundingMode::HalfUp => q + i128::from(2 * r >= den),
        RoundingMode::HalfEven => match (2 * r).cmp(&den) {
            std::cmp::Ordering::Greater => q + 1,
            std::cmp::Ordering::Equal => q + (q & 1),
            std::cmp::Ordering::Less => q,
        },
    };
    Some(Decimal::from_i128_with_scale(q, places))
}

/// What a unit's score adds up from, worked out from the rubric's tree and its items'
/// scores alone, as docs/language.md ("How a unit's score is added up") says.
#[derive(Debug, Default, PartialEq)]
struct Sums {
    /// The scores of the applicable items of the regular sections, at any depth, and
    /// of the top-level items.
    earned: Decimal,
    /// The points of those applicable items.
    applicable: Decimal,
    /// The points of all those items, applicable or not.
    all: Decimal,
    /// What the bonus sections give, each at most its points.
    bonus: Decimal,
    /// What the penalty sections take (a negative number), each at most its points.
    penalty: Decimal,
}

/// Adds up a rubric's tree from its items' scores, found by name (`None`: the item is
/// not applicable).
fn sums(rubric: &Rubric, scores: &HashMap<&str, Option<Decimal>>) -> Sums {
    fn regular(nodes: &[Node], scores: &HashMap<&str, Option<Decimal>>, out: &mut Sums) {
        for node in nodes {
            match node {
                Node::Item(i) => {
                    out.all += i.points.node;
                    if let Some(Some(s)) = scores.get(i.name.node.as_str()) {
                        out.earned += s;
                        out.applicable += i.points.node;
                    }
                }
                Node::Section(s) => regular(&s.children, scores, out),
            }
        }
    }
    // A bonus section gives the sum of its applicable items, at most its points; a
    // penalty section takes it, at most its points. Sections within them are held to
    // their own points alike.
    fn capped(
        section: &kaohe::model::Section,
        kind: SectionKind,
        scores: &HashMap<&str, Option<Decimal>>,
    ) -> Decimal {
        let sum: Decimal = section
            .children
            .iter()
            .map(|node| match node {
                Node::Item(i) => scores
                    .get(i.name.node.as_str())
                    .copied()
                    .flatten()
                    .unwrap_or_default(),
                Node::Section(s) => capped(s, kind, scores),
            })
            .sum();
        match kind {
            SectionKind::Bonus => sum.min(section.points.node),
            _ => sum.max(-section.points.node),
        }
    }
    let mut out = Sums::default();
    for node in &rubric.nodes {
        match node {
            Node::Section(s) if s.kind == SectionKind::Bonus => {
                out.bonus += capped(s, s.kind, scores);
            }
            Node::Section(s) if s.kind == SectionKind::Penalty => {
                out.penalty += capped(s, s.kind, scores);
            }
            other => regular(std::slice::from_ref(other), scores, &mut out),
        }
    }
    out
}

/// Each item's score by name (`None`: not applicable); names are unique in a rubric.
fn scores_by_name(sheet: &Sheet) -> HashMap<&str, Option<Decimal>> {
    sheet
        .items()
        .into_iter()
        .map(|(_, i)| (i.name.as_str(), i.score))
        .collect()
}

/// The total the formula gives from the items' scores: the regular items' earned
/// points (top-level items and those of regular sections at any depth), prorated over
/// the applicable points when some do not apply and rounded once; the bonus and
/// penalty sections added within their caps; the result within 0 and the rubric's
/// most. `None` when no regular item applies.
fn expected_total(rubric: &Rubric, sums: &Sums) -> Option<Decimal> {
    let base = if sums.applicable == sums.all {
        sums.earned
    } else if sums.applicable.is_zero() {
        return None;
    } else {
        let r = rubric.rounding;
        exact_round(
            sums.earned * rubric.total,
            sums.applicable,
            r.places,
            r.mode,
        )?
    };
    Some(
        (base + sums.bonus + sums.penalty)
            .max(Decimal::ZERO)
            .min(rubric.total_max),
    )
}

/// The sheet's tree is the rubric's: at each level the same sections and the same
/// items, each in the file's order, with the same points.
fn check_tree(
    nodes: &[Node],
    sections: &[SectionScore],
    items: &[ItemScore],
) -> Result<(), TestCaseError> {
    let declared_sections: Vec<&kaohe::model::Section> = nodes
        .iter()
        .filter_map(|n| match n {
            Node::Section(s) => Some(s),
            Node::Item(_) => None,
        })
        .collect();
    let declared_items: Vec<(&str, Decimal)> = nodes
        .iter()
        .filter_map(|n| match n {
            Node::Item(i) => Some((i.name.node.as_str(), i.points.node)),
            Node::Section(_) => None,
        })
        .collect();
    let scored_items: Vec<(&str, Decimal)> =
        items.iter().map(|i| (i.name.as_str(), i.points)).collect();
    prop_assert_eq!(scored_items, declared_items);
    prop_assert_eq!(
        sections.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        declared_sections
            .iter()
            .map(|s| s.name.node.as_str())
            .collect::<Vec<_>>()
    );
    for (declared, scored) in declared_sections.iter().zip(sections) {
        prop_assert_eq!(scored.points, declared.points.node);
        check_tree(&declared.children, &scored.sections, &scored.indicators)?;
    }
    Ok(())
}

/// The sum of a section's applicable items and subsections, and its applicable points.
fn section_sum(s: &SectionScore) -> (Decimal, Decimal) {
    let mut score = Decimal::ZERO;
    let mut points = Decimal::ZERO;
    for i in &s.indicators {
        if let Some(v) = i.score {
            score += v;
            points += i.points;
        }
    }
    for sub in &s.sections {
        score += sub.score;
        points += sub.applicable_points;
    }
    (score, points)
}

fn check_section(s: &SectionScore) -> Result<(), TestCaseError> {
    let (sum, applicable) = section_sum(s);
    prop_assert_eq!(s.applicable_points, applicable, "section `{}`", &s.name);
    match s.kind {
        SectionKind::Regular => {
            prop_assert_eq!(s.score, sum, "section `{}` adds up", &s.name);
            prop_assert!(
                Decimal::ZERO <= s.score && s.score <= s.applicable_points,
                "section `{}` scored {} of {} applicable",
                &s.name,
                s.score,
                s.applicable_points
            );
            prop_assert!(s.applicable_points <= s.points);
        }
        SectionKind::Bonus => {
            prop_assert_eq!(s.score, sum.min(s.points), "bonus `{}`", &s.name);
            prop_assert!(Decimal::ZERO <= s.score && s.score <= s.points);
        }
        SectionKind::Penalty => {
            prop_assert_eq!(s.score, sum.max(-s.points), "penalty `{}`", &s.name);
            prop_assert!(-s.points <= s.score && s.score <= Decimal::ZERO);
        }
    }
    for sub in &s.sections {
        check_section(sub)?;
    }
    Ok(())
}

/// Every invariant of one score sheet.
fn check_sheet(rubric: &Rubric, sheet: &Sheet) -> Result<(), TestCaseError> {
    check_tree(&rubric.nodes, &sheet.categories, &sheet.indicators)?;
    // The sheet's flat list (`Sheet::items`) is in the file's order, top-level items
    // and nested sections mixed as declared (it once put top-level items first and a
    // section's items before its subsections); each item is then found by name.
    let declared = items_with_kind(&rubric.nodes);
    let listed: Vec<&str> = sheet
        .items_with_kind()
        .into_iter()
        .map(|(_, _, item)| item.name.as_str())
        .collect();
    let in_file: Vec<&str> = declared
        .iter()
        .map(|(item, _)| item.name.node.as_str())
        .collect();
    prop_assert_eq!(listed, in_file, "the sheet's items in the file's order");
    let scored: HashMap<&str, (SectionKind, &ItemScore)> = sheet
        .items_with_kind()
        .into_iter()
        .map(|(_, kind, item)| (item.name.as_str(), (kind, item)))
        .collect();
    prop_assert_eq!(sheet.items_with_kind().len(), declared.len());
    prop_assert_eq!(scored.len(), declared.len());
    for (item, kind) in &declared {
        let Some(&(scored_kind, s)) = scored.get(item.name.node.as_str()) else {
            return Err(TestCaseError::fail(format!(
                "`{}` is not in the sheet",
                item.name.node
            )));
        };
        prop_assert_eq!(*kind, scored_kind);
        prop_assert_eq!(item.points.node, s.points);
        let (low, high, start) = bounds(item, *kind);
        let start = item.start.as_ref().map_or(start, |s| s.node);
        match s.score {
            Some(score) => {
                prop_assert!(s.applicable);
                prop_assert!(
                    low.is_none_or(|l| l <= score) && high.is_none_or(|h| score <= h),
                    "item `{}` scored {} outside {:?} to {:?}",
                    &s.name,
                    score,
                    low,
                    high
                );
                // The checker's range holds every score evidence produces.
                prop_assert!(
                    item.reach.low.is_none_or(|l| l <= score)
                        && item.reach.high.is_none_or(|h| score <= h),
                    "item `{}` scored {} outside its reach {:?}",
                    &s.name,
                    score,
                    item.reach
                );
                let sum: Decimal = s.trace.iter().map(|t| t.delta).sum();
                prop_assert_eq!(
                    start + sum,
                    score,
                    "the trace of `{}`: {:#?}",
                    &s.name,
                    &s.trace
                );
                if let Some(last) = s.trace.last() {
                    prop_assert_eq!(last.score, score, "the last step of `{}`", &s.name);
                }
            }
            None => {
                // A not-applicable item's trace says why, and moves nothing.
                prop_assert!(!s.applicable);
                prop_assert!(item.applicable_unless.is_some());
                prop_assert!(s.trace.iter().all(|t| t.delta.is_zero()));
            }
        }
    }
    for s in &sheet.categories {
        check_section(s)?;
    }
    let sums = sums(rubric, &scores_by_name(sheet));
    prop_assert_eq!(sheet.earned, sums.earned, "earned");
    prop_assert_eq!(
        sheet.applicable_points,
        sums.applicable,
        "applicable points"
    );
    prop_assert_eq!(sheet.prorated, sums.applicable != sums.all, "prorated");
    prop_assert_eq!(sheet.bonus, sums.bonus, "bonus");
    prop_assert_eq!(sheet.penalty, sums.penalty, "penalty");
    prop_assert!(Decimal::ZERO <= sheet.score && sheet.score <= rubric.total_max);
    let expected = expected_total(rubric, &sums);
    prop_assert_eq!(Some(sheet.score), expected, "the total of {}", &sheet.unit);
    Ok(())
}

// ---------------------------------------------------------------------------------
// Which facts can be moved, for the finding and proration properties.
// ---------------------------------------------------------------------------------

fn deducts(effect: &Effect) -> bool {
    matches!(effect, Effect::Points(p) | Effect::Percent { percent: p, .. } if *p < Decimal::ZERO)
}

/// Whether every use of a fact in its item is a `per` clause that takes points: then
/// one more finding can only cost points.
fn only_per_deductions(item: &Item, fact: &str) -> bool {
    let mut used = false;
    if let Some(cond) = &item.applicable_unless {
        if condition_facts(cond).contains(&fact) {
            return false;
        }
    }
    for clause in &item.clauses {
        if let Some(cond) = &clause.unless {
            if condition_facts(cond).contains(&fact) {
                return false;
            }
        }
        match &clause.kind {
            ClauseKind::Per { fact: path, .. } if path.fact.node == fact => {
                if !deducts(&clause.effect.node) {
                    return false;
                }
                used = true;
            }
            ClauseKind::Per { .. } => {}
            ClauseKind::If(cond) => {
                if condition_facts(cond).contains(&fact) {
                    return false;
                }
            }
            ClauseKind::Missing { fact: path, .. } | ClauseKind::Deadline { fact: path, .. } => {
                if path.fact.node == fact {
                    return false;
                }
            }
            ClauseKind::Give {
                condition,
                fact: path,
            } => {
                let in_condition = condition
                    .as_ref()
                    .is_some_and(|c| condition_facts(c).contains(&fact));
                if in_condition || path.fact.node == fact {
                    return false;
                }
            }
            ClauseKind::Quantity { .. } => return false,
        }
    }
    used
}

/// A count (or one tally member) that only `per … -N` clauses read: the index of its
/// fact in the evidence, and the member's index for a tally.
fn findings(rubric: &Rubric, e: &Evidence) -> Vec<(usize, Option<usize>)> {
    let items = kaohe::model::items(&rubric.nodes);
    let mut out = Vec::new();
    for (i, g) in e.facts.iter().enumerate() {
        let item = items
            .iter()
            .find(|it| it.name.node == g.item)
            .expect("the fact's item");
        if !only_per_deductions(item, &g.fact) {
            continue;
        }
        match &g.value {
            FactValue::Count(_) => out.push((i, None)),
            FactValue::Tally(members) => out.extend((0..members.len()).map(|m| (i, Some(m)))),
            _ => {}
        }
    }
    out
}

/// The count at a place of the evidence (a tally member left out is 0).
fn count_at(e: &mut Evidence, at: (usize, Option<usize>)) -> &mut u64 {
    match (&mut e.facts[at.0].value, at.1) {
        (FactValue::Count(n), None) => n,
        (FactValue::Tally(members), Some(m)) => members[m].get_or_insert(0),
        other => panic!("not a count: {other:?}"),
    }
}

/// The `count max N` of the fact at a place, if any.
fn count_max(rubric: &Rubric, e: &Evidence, at: usize) -> u64 {
    let g = &e.facts[at];
    kaohe::model::items(&rubric.nodes)
        .iter()
        .find(|it| it.name.node == g.item)
        .and_then(|it| it.facts.iter().find(|f| f.name.node == g.fact))
        .and_then(|f| match &f.ty.node {
            FactType::Count { max } => max.as_ref().map(|m| m.node),
            _ => None,
        })
        .unwrap_or(MAX_COUNT)
}

/// One more finding never raises a score anywhere; one fewer never lowers one.
fn check_findings(
    rubric: &Rubric,
    e: &Evidence,
    pick: proptest::sample::Index,
) -> Result<(), TestCaseError> {
    let candidates = findings(rubric, e);
    if candidates.is_empty() {
        return Ok(());
    }
    let at = candidates[pick.index(candidates.len())];
    let Ok(before) = score(rubric, e)? else {
        return Ok(());
    };
    let n = *count_at(&mut e.clone(), at);
    let item = &e.facts[at.0].item;
    let compare = |lower: &Sheet, higher: &Sheet, what: &str| -> Result<(), TestCaseError> {
        prop_assert!(
            lower.score <= higher.score,
            "{}: total {} then {}",
            what,
            higher.score,
            lower.score
        );
        for ((_, a), (_, b)) in lower.items().iter().zip(higher.items()) {
            if &a.name == item {
                prop_assert!(a.score <= b.score, "{}: `{}` rose", what, &a.name);
            } else {
                prop_assert_eq!(a.score, b.score, "{}: `{}` changed", what, &a.name);
            }
        }
        Ok(())
    };
    if n < count_max(rubric, e, at.0) {
        let mut more = e.clone();
        *count_at(&mut more, at) += 1;
        let after = score(rubric, &more)?.map_err(TestCaseError::fail)?;
        compare(&after, &before, "one more finding")?;
    }
    if n > 0 {
        let mut fewer = e.clone();
        *count_at(&mut fewer, at) -= 1;
        let after = score(rubric, &fewer)?.map_err(TestCaseError::fail)?;
        compare(&before, &after, "one fewer finding")?;
    }
    Ok(())
}

/// Flips each bool that an item's `applicable unless` reads; where the flip makes the
/// item not applicable, the total is the proration formula over the other items.
fn check_proration(rubric: &Rubric, e: &Evidence) -> Result<(), TestCaseError> {
    let items = kaohe::model::items(&rubric.nodes);
    for (i, g) in e.facts.iter().enumerate() {
        let FactValue::Bool(b) = g.value else {
            continue;
        };
        let item = items
            .iter()
            .find(|it| it.name.node == g.item)
            .expect("the fact's item");
        let reads = item
            .applicable_unless
            .as_ref()
            .is_some_and(|c| condition_facts(c).contains(&g.fact.as_str()));
        if !reads {
            continue;
        }
        let mut flipped = e.clone();
        flipped.facts[i].value = FactValue::Bool(!b);
        let one = score(rubric, e)?;
        let other = score(rubric, &flipped)?;
        let applicable_in = |r: &Result<Sheet, String>| {
            r.as_ref().ok().map(|s| {
                s.items()
                    .iter()
                    .find(|(_, it)| it.name == g.item)
                    .is_some_and(|(_, it)| it.applicable)
            })
        };
        let (with, without) = match (applicable_in(&one), applicable_in(&other)) {
            (Some(true), Some(false)) | (Some(true), None) => (one, other),
            (Some(false), Some(true)) | (None, Some(true)) => (other, one),
            _ => continue,
        };
        let with = with.expect("a sheet");
        let (_, scored) = with
            .items()
            .into_iter()
            .find(|(_, it)| it.name == g.item)
            .expect("the item");
        let earned = with.earned - scored.score.expect("applicable");
        let applicable = with.applicable_points - scored.points;
        match without {
            Err(code) => {
                prop_assert!(applicable.is_zero(), "refused with {}", code);
                prop_assert_eq!(code, "kaohe::eval::nothing_applicable");
            }
            Ok(without) => {
                prop_assert_eq!(without.earned, earned.normalize());
                prop_assert_eq!(without.applicable_points, applicable.normalize());
                prop_assert!(without.prorated);
                let r = rubric.rounding;
                let base = exact_round(earned * rubric.total, applicable, r.places, r.mode)
                    .expect("small numbers");
                let total = (base + without.bonus + without.penalty)
                    .max(Decimal::ZERO)
                    .min(rubric.total_max);
                prop_assert_eq!(without.score, total.normalize());
                // Every other item scores as before: facts belong to their item.
                for ((_, a), (_, b)) in with.items().iter().zip(without.items()) {
                    if a.name != g.item {
                        prop_assert_eq!(a.score, b.score);
                    }
                }
            }
        }
    }
    Ok(())
}

/// The same evidence, shuffled, in TOML and JSON (and CSV, when the rubric has a
/// spreadsheet form), gives the same score sheet.
fn check_formats(rubric: &Rubric, e: &Evidence, seed: u64) -> Result<(), TestCaseError> {
    let canonical = load(rubric, &toml_text(e, 0), Format::Toml)?;
    let shuffled = load(rubric, &toml_text(e, seed | 1), Format::Toml)?;
    let json = load(rubric, &json_text(e, seed), Format::Json)?;
    let sheet = |u: &Unit| {
        evaluate(rubric, u)
            .map(|s| serde_json::to_value(&s).expect("a sheet serializes"))
            .map_err(|d| d.code)
    };
    let expected = sheet(&canonical);
    prop_assert_eq!(&sheet(&shuffled), &expected, "TOML in another order");
    prop_assert_eq!(&sheet(&json), &expected, "JSON");
    if let Some(text) = csv_text(rubric, std::slice::from_ref(e)) {
        let path = scratch("csv");
        std::fs::write(&path, &text).expect("a scratch file");
        let (units, problems) = kaohe::evidence::load_file(rubric, &path);
        let _ = std::fs::remove_file(&path);
        prop_assert!(problems.is_empty(), "{}\n{}", rendered(&problems), text);
        prop_assert_eq!(units.len(), 1);
        prop_assert_eq!(&sheet(&units[0].unit), &expected, "CSV");
    }
    Ok(())
}

/// A scratch file of this test process.
fn scratch(extension: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    std::env::temp_dir().join(format!(
        "kaohe-properties-{}-{}.{extension}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Units given in any order are scored the same, and rank the same: each unit keeps
/// its rank, only units of equal score may change places among themselves.
fn check_unit_order(rubric: &Rubric, units: &[Evidence], seed: u64) -> Result<(), TestCaseError> {
    let mut named = Vec::new();
    for (i, e) in units.iter().enumerate() {
        let mut e = e.clone();
        e.unit = format!("单位{i}");
        named.push(e);
    }
    let score_all =
        |list: &[Evidence]| -> Result<HashMap<String, (Decimal, usize)>, TestCaseError> {
            let mut sheets = Vec::new();
            for e in list {
                if let Ok(s) = score(rubric, e)? {
                    sheets.push(s);
                }
            }
            let scores: Vec<Decimal> = sheets.iter().map(|s| s.score).collect();
            Ok(kaohe::report::ranks(&scores)
                .into_iter()
                .map(|(rank, i)| (sheets[i].unit.clone(), (sheets[i].score, rank)))
                .collect())
        };
    let first = score_all(&named)?;
    let mut seed = seed;
    shuffle(&mut named, &mut seed);
    prop_assert_eq!(score_all(&named)?, first);
    Ok(())
}

// ---------------------------------------------------------------------------------
// The 2020 tables.
// ---------------------------------------------------------------------------------

fn table(name: &str) -> Rubric {
    let path = format!("rules/jiangmen-2020/{name}.rule");
    let text = std::fs::read_to_string(&path).expect("rule file");
    compile(&SourceFile::new(path, text))
        .rubric
        .expect("the 2020 table compiles")
}

fn county() -> &'static Rubric {
    static R: std::sync::OnceLock<Rubric> = std::sync::OnceLock::new();
    R.get_or_init(|| table("county"))
}

fn department() -> &'static Rubric {
    static R: std::sync::OnceLock<Rubric> = std::sync::OnceLock::new();
    R.get_or_init(|| table("department"))
}

/// Both tables, with random evidence for one of them.
fn table_evidence() -> impl Strategy<Value = (&'static Rubric, Evidence)> {
    prop_oneof![Just(county()), Just(department())].prop_flat_map(|r| (Just(r), evidence(r)))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn tables_keep_every_bound_and_add_up((rubric, e) in table_evidence()) {
        match score(rubric, &e)? {
            Ok(sheet) => check_sheet(rubric, &sheet)?,
            Err(code) => prop_assert_eq!(code, "kaohe::eval::nothing_applicable"),
        }
    }

    #[test]
    fn tables_never_reward_a_finding(
        (rubric, e) in table_evidence(),
        pick in any::<proptest::sample::Index>(),
    ) {
        check_findings(rubric, &e, pick)?;
    }

    #[test]
    fn tables_prorate_exactly((rubric, e) in table_evidence()) {
        check_proration(rubric, &e)?;
    }

    #[test]
    fn tables_read_any_order_and_format_alike((rubric, e) in table_evidence(), seed in any::<u64>()) {
        check_formats(rubric, &e, seed)?;
    }

    #[test]
    fn tables_rank_units_in_any_order(
        units in proptest::collection::vec(evidence(county()), 1..6),
        seed in any::<u64>(),
    ) {
        check_unit_order(county(), &units, seed)?;
    }
}

/// A 2020 table with `floor 0` written on every fixed or counted deduction that has
/// none (`-N` or `-N% of points` at the end of a clause's line): the form the tables
/// had before the item's own bound (扣完为止) made those floors unneeded, and more.
fn floored(name: &str) -> Rubric {
    let path = format!("rules/jiangmen-2020/{name}.rule");
    let text = std::fs::read_to_string(&path).expect("rule file");
    let deduction = |line: &str| {
        let t = line.trim();
        let clause = ["if ", "per ", "missing ", "deadline "]
            .iter()
            .any(|k| t.starts_with(k));
        let last = t.rsplit(' ').next().unwrap_or("");
        let minus = last.starts_with('-') && last[1..].parse::<Decimal>().is_ok();
        clause
            && !t.contains(" floor ")
            && (minus || t.ends_with("% of points") && t.contains(" -"))
    };
    let mut out = String::new();
    let mut added = 0;
    for line in text.lines() {
        out.push_str(line);
        if deduction(line) {
            out.push_str(" floor 0");
            added += 1;
        }
        out.push('\n');
    }
    assert!(added >= 20, "{name}: {added} floors added");
    compile(&SourceFile::new(path, out))
        .rubric
        .expect("the floored 2020 table compiles")
}

fn floored_tables() -> &'static [(Rubric, Rubric); 2] {
    static R: std::sync::OnceLock<[(Rubric, Rubric); 2]> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        [
            (county().clone(), floored("county")),
            (department().clone(), floored("department")),
        ]
    })
}

proptest! {
    #![proptest_config(config())]

    /// Every item of the 2020 tables scores the same with its own bound (扣完为止) as
    /// with `floor 0` on each deduction: their items that deduct only deduct, so a
    /// score kept at 0 clause by clause and one kept at 0 once at the end agree. The
    /// rewrite of the tables without their per-clause floors changed no score.
    #[test]
    fn tables_score_alike_with_a_floor_on_every_deduction(
        (which, e) in (0usize..2).prop_flat_map(|w| (Just(w), evidence(&floored_tables()[w].0)))
    ) {
        let (bound, floors) = &floored_tables()[which];
        let a = score(bound, &e)?;
        let b = score(floors, &e)?;
        match (a, b) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(scores_by_name(&a), scores_by_name(&b));
                prop_assert_eq!(a.score, b.score);
            }
            (a, b) => prop_assert_eq!(a.err(), b.err()),
        }
    }
}

/// The department table has the items made not applicable (折分处理) in 2020; the
/// proration property must meet them, not only pass vacuously.
#[test]
fn the_department_table_has_items_to_prorate() {
    let rubric = department();
    let prorated: Vec<&str> = kaohe::model::items(&rubric.nodes)
        .iter()
        .filter(|i| i.applicable_unless.is_some())
        .map(|i| i.name.node.as_str())
        .collect();
    assert!(prorated.len() >= 4, "{prorated:?}");
}

/// The county table has counts that only `per … -N` clauses read, so the finding
/// property has something to move.
#[test]
fn the_county_table_has_findings_to_add() {
    let rubric = county();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let e = evidence(rubric)
        .new_tree(&mut runner)
        .expect("evidence")
        .current();
    assert!(
        findings(rubric, &e).len() >= 8,
        "{:?}",
        findings(rubric, &e)
    );
}

// ---------------------------------------------------------------------------------
// Random rubrics.
// ---------------------------------------------------------------------------------

/// Where an item stands: it loses points from its full points, earns them from 0, or
/// stands in a bonus or a penalty section.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Loses,
    Earns,
    Bonus,
    Penalty,
}

/// The random choices behind one clause; [`ItemWriter::clause`] turns them into a
/// clause the checker accepts.
#[derive(Debug, Clone)]
struct ClauseSeed {
    pattern: u8,
    /// The clause's amount in quarters of a point.
    quarters: u32,
    percent: u32,
    floor_halves: Option<u32>,
    max_quarters: Option<u32>,
    unless: bool,
    extra: u32,
}

/// The random choices behind one item.
#[derive(Debug, Clone)]
struct ItemSeed {
    /// The item's points in quarters of a point.
    quarters: u32,
    not_applicable: u8,
    clauses: Vec<ClauseSeed>,
}

/// The random choices behind a node of a rubric's tree.
#[derive(Debug, Clone)]
enum NodeSeed {
    /// An item; in a regular section or at the top level, whether it earns its points
    /// from 0 (`start 0`) rather than losing them from its points.
    Item(bool, ItemSeed),
    /// A section, whether its children are written as weights where a weight gives
    /// their points back exactly, and its children.
    Section(bool, Vec<NodeSeed>),
}

/// The random choices behind a rubric: its top-level nodes (sections and items, in any
/// order), whether those are written as weights of the total where exact, its bonus
/// and penalty sections (each a cap in halves of a point and its nodes), how far its
/// most lies above its total, and its `round`.
#[derive(Debug, Clone)]
struct RubricSeed {
    top: Vec<NodeSeed>,
    top_weights: bool,
    bonus: Option<(u32, Vec<NodeSeed>)>,
    penalty: Option<(u32, Vec<NodeSeed>)>,
    total_extra: Option<u32>,
    places: u32,
    mode: u8,
}

/// The six comparison operators.
const OPERATORS: [&str; 6] = ["<", "<=", ">", ">=", "=", "!="];

/// The percentage literals conditions compare with, of different scales; a condition
/// may also compare with a whole percentage.
const PERCENT_LITERALS: [&str; 8] = [
    "4%", "4.5%", "12.25%", "0%", "100%", "3.99%", "50%", "99.99%",
];

/// The percentages, in hundredths, that evidence gives now and then: the literals
/// above and their neighbours, so that equality and the bounds of comparisons are met.
const PERCENT_VALUES: [u32; 14] = [
    400, 450, 1225, 0, 10_000, 399, 5000, 9999, 449, 451, 1224, 1226, 401, 4999,
];

fn clause_seed() -> impl Strategy<Value = ClauseSeed> {
    (
        // Patterns 16 to 19 are pairs of clauses reading the same fact.
        0u8..20,
        1u32..=16,
        prop_oneof![Just(10u32), Just(25), Just(50), Just(100), 1u32..=100],
        proptest::option::weighted(0.4, 0u32..=4),
        proptest::option::weighted(0.3, 1u32..=16),
        proptest::bool::weighted(0.2),
        any::<u32>(),
    )
        .prop_map(
            |(pattern, quarters, percent, floor_halves, max_quarters, unless, extra)| ClauseSeed {
                pattern,
                quarters,
                percent,
                floor_halves,
                max_quarters,
                unless,
                extra,
            },
        )
}

fn item_seed() -> impl Strategy<Value = ItemSeed> {
    (
        prop_oneof![
            // Halves of a point up to 10, as the 2020 tables have them.
            6 => (1u32..=20).prop_map(|h| h * 2),
            // Quarters up to 50: 12.25, 0.75, 37.5.
            2 => 1u32..=200,
            // Whole points from 11 to 120.
            2 => (11u32..=120).prop_map(|p| p * 4),
        ],
        0u8..8,
        proptest::collection::vec(clause_seed(), 1..5),
    )
        .prop_map(|(quarters, not_applicable, clauses)| ItemSeed {
            quarters,
            not_applicable,
            clauses,
        })
}

/// A node: an item, or a section of up to three children, nested up to two levels
/// below it.
fn node_seed() -> impl Strategy<Value = NodeSeed> {
    (any::<bool>(), item_seed())
        .prop_map(|(earns, item)| NodeSeed::Item(earns, item))
        .prop_recursive(2, 4, 3, |inner| {
            (any::<bool>(), proptest::collection::vec(inner, 1..3))
                .prop_map(|(weights, children)| NodeSeed::Section(weights, children))
        })
}

/// A section at the top level (or in a bonus or penalty section), whose children may
/// be sections in turn.
fn section_seed() -> impl Strategy<Value = NodeSeed> {
    (any::<bool>(), proptest::collection::vec(node_seed(), 1..3))
        .prop_map(|(weights, children)| NodeSeed::Section(weights, children))
}

fn rubric_seed() -> impl Strategy<Value = RubricSeed> {
    let top_node = prop_oneof![
        3 => section_seed(),
        1 => (any::<bool>(), item_seed()).prop_map(|(earns, item)| NodeSeed::Item(earns, item)),
    ];
    let extra = || {
        proptest::option::weighted(
            0.3,
            (
                1u32..=30,
                proptest::collection::vec(
                    prop_oneof![
                        4 => item_seed().prop_map(|item| NodeSeed::Item(false, item)),
                        1 => section_seed(),
                    ],
                    1..3,
                ),
            ),
        )
    };
    (
        proptest::collection::vec(top_node, 1..4),
        any::<bool>(),
        extra(),
        extra(),
        proptest::option::weighted(0.3, 0u32..=10),
        0u32..=4,
        0u8..4,
    )
        .prop_map(
            |(top, top_weights, bonus, penalty, total_extra, places, mode)| RubricSeed {
                top,
                top_weights,
                bonus,
                penalty,
                total_extra,
                places,
                mode,
            },
        )
}

fn quarters(q: u32) -> Decimal {
    Decimal::new(i64::from(q) * 25, 2).normalize()
}

fn halves(h: u32) -> Decimal {
    Decimal::new(i64::from(h) * 5, 1).normalize()
}

/// Writes one item, keeping the range of its score as the checker works it out, so
/// that every clause stays within the item's bounds (adding `floor 0`, or a `max` no
/// larger than the room left, where a clause could leave them).
struct ItemWriter {
    role: Role,
    points: Decimal,
    low: Decimal,
    high: Decimal,
    lo: Decimal,
    hi: Decimal,
    facts: Vec<String>,
    clauses: Vec<String>,
    next: usize,
    /// What every amount of a clause is multiplied by: 1, or more for an item of many
    /// points, so that its clauses can still take or give all of them.
    scale: Decimal,
    /// The tally fact of the item, once one is declared: `per` clauses and conditions
    /// read the same one.
    tally: Option<String>,
}

impl ItemWriter {
    fn new(role: Role, points: Decimal, scale: Decimal) -> Self {
        let (low, high, start) = match role {
            Role::Loses => (Decimal::ZERO, points, points),
            Role::Earns | Role::Bonus => (Decimal::ZERO, points, Decimal::ZERO),
            Role::Penalty => (-points, Decimal::ZERO, Decimal::ZERO),
        };
        ItemWriter {
            role,
            points,
            low,
            high,
            lo: start,
            hi: start,
            facts: Vec::new(),
            clauses: Vec::new(),
            next: 0,
            scale,
            tally: None,
        }
    }

    /// The item's tally fact, declared the first time it is asked for.
    fn tally(&mut self) -> String {
        if let Some(t) = &self.tally {
            return t.clone();
        }
        let t = self.fact("通报", "tally {国办, 省府办, 市府办}");
        self.tally = Some(t.clone());
        t
    }

    /// Declares a fact of a fresh name and gives the name.
    /// A count of findings, declared `count max M` (M from 1 to `most`, chosen by
    /// `extra`) unless `extra` is a multiple of 3: its name, and the most times a
    /// `per` clause on it applies (`None`: no limit).
    fn findings(&mut self, extra: u32, most: u32) -> (String, Option<Decimal>) {
        let bounded = !extra.is_multiple_of(3);
        let m = extra % most + 1;
        let ty = if bounded {
            format!("count max {m}")
        } else {
            "count".to_string()
        };
        let n = self.fact("发现数", &ty);
        (n, bounded.then(|| Decimal::from(m)))
    }

    fn fact(&mut self, prefix: &str, ty: &str) -> String {
        self.next += 1;
        let name = format!("{prefix}{}", self.next);
        self.facts
            .push(format!("fact {name} {ty} \"{prefix}的说明\""));
        name
    }

    /// A condition on fresh facts (a bool, a comparison, a member, or a combination),
    /// or on the item's tally, which other clauses may read too.
    fn condition(&mut self, choice: u32) -> String {
        match choice % 9 {
            0 | 1 => self.fact("有问题", "bool"),
            2 => {
                let n = self.fact("次数", "count");
                format!("{n} >= {}", choice / 9 % 5 + 1)
            }
            3 | 4 => {
                // A percent compared by any operator with a literal of any scale, on
                // either side.
                let p = self.fact("比例", "percent");
                let op = OPERATORS[(choice / 9 % 6) as usize];
                let literal = match PERCENT_LITERALS.get((choice / 54 % 9) as usize) {
                    Some(l) => (*l).to_string(),
                    None => format!("{}%", choice / 486 % 100),
                };
                if (choice / 4860).is_multiple_of(2) {
                    format!("{p} {op} {literal}")
                } else {
                    format!("{literal} {op} {p}")
                }
            }
            5 => {
                let d = self.fact("日期", "date");
                format!("{d} > 2020-06-30")
            }
            6 => {
                let s = self.fact("形式", "set {甲, 乙, 丙}");
                format!("{s}[乙]")
            }
            7 => {
                let t = self.tally();
                let member = ["国办", "省府办", "市府办"][(choice / 9 % 3) as usize];
                let op = OPERATORS[(choice / 27 % 6) as usize];
                format!("{t}[{member}] {op} {}", choice / 162 % 3 + 1)
            }
            _ => {
                let a = self.fact("有问题", "bool");
                let b = self.fact("已整改", "bool");
                let n = self.fact("次数", "count max 9");
                format!("({a} and not {b}) or {n} > 3")
            }
        }
    }

    /// Turns a seed into a clause within the item's bounds, or into nothing.
    fn clause(&mut self, seed: &ClauseSeed) {
        if seed.pattern >= 16 {
            self.pair(seed);
            return;
        }
        let giving = matches!(self.role, Role::Earns | Role::Bonus);
        let unit = (quarters(seed.quarters) * self.scale).normalize();
        let pct = Decimal::from(seed.percent);
        // The clause's head, its effect, and how many times it can apply (`None`:
        // without limit).
        let (head, effect, times): (String, Effect, Option<Decimal>) = match seed.pattern {
            0..=2 => (
                format!("if {}", self.condition(seed.extra)),
                Effect::Points(unit),
                Some(Decimal::ONE),
            ),
            3 | 4 => {
                // A count of findings read only here: the finding property moves it.
                let (n, times) = self.findings(seed.extra, 6);
                (format!("per {n}"), Effect::Points(unit), times)
            }
            5 => {
                let s = self.fact("要素", "set {甲, 乙, 丙, 丁}");
                if giving {
                    (
                        format!("per {s} except 丁"),
                        Effect::Points(unit),
                        Some(Decimal::from(3)),
                    )
                } else {
                    (
                        format!("missing {s}"),
                        Effect::Points(unit),
                        Some(Decimal::from(4)),
                    )
                }
            }
            6 => {
                let t = self.tally();
                let member = ["", "[国办]", "[省府办]", "[市府办]"][(seed.extra % 4) as usize];
                (format!("per {t}{member}"), Effect::Points(unit), None)
            }
            7 => {
                let d = self.fact("完成日期", "date");
                if seed.extra.is_multiple_of(2) || giving {
                    (
                        format!("deadline {d} by 2020-06-30"),
                        Effect::Points(unit),
                        Some(Decimal::ONE),
                    )
                } else {
                    // Two outcomes: late takes the amount, never twice the amount, so
                    // the range is worked out with the larger one.
                    (
                        format!("deadline {d} by 2020-06-30 late"),
                        Effect::Points(unit * Decimal::TWO),
                        Some(Decimal::ONE),
                    )
                }
            }
            8 => (
                format!("if {}", self.condition(seed.extra)),
                Effect::Zero,
                Some(Decimal::ONE),
            ),
            9 => (
                format!("if {}", self.condition(seed.extra)),
                Effect::Percent {
                    percent: pct,
                    base: PercentBase::Points,
                },
                Some(Decimal::ONE),
            ),
            10 => {
                // A percentage of the score as it stands, per finding.
                let n = self.fact("发现数", "count");
                (
                    format!("per {n}"),
                    Effect::Percent {
                        percent: pct,
                        base: PercentBase::Score,
                    },
                    None,
                )
            }
            11 => {
                // Periods measured in calendar days; a limit of billions of days is
                // legal and must not overflow a date (tests/it/fuzz_regressions.rs).
                let limit = if seed.extra.is_multiple_of(5) {
                    4_000_000_000u64
                } else {
                    u64::from(seed.extra % 40)
                };
                let p = self.fact("申请", "periods from 收到日期 to 答复日期");
                (
                    format!("per {p} over {limit} days"),
                    Effect::Points(unit),
                    None,
                )
            }
            12 => {
                let max = halves(seed.extra % 8 + 1);
                let q = self.fact("酌情", &format!("discretion max {max}"));
                (format!("per {q}"), Effect::Points(Decimal::ONE), Some(max))
            }
            _ => (
                format!("if {}", self.condition(seed.extra)),
                Effect::Points(unit),
                Some(Decimal::ONE),
            ),
        };
        self.emit(seed, &head, effect, times, giving);
    }

    /// Two clauses that read the same fact: `per` and `missing` on one set (with
    /// `except`), `per` on a tally and a condition on one of its members, two `per`
    /// clauses on one count, or a count both counted and compared.
    fn pair(&mut self, seed: &ClauseSeed) {
        let giving = matches!(self.role, Role::Earns | Role::Bonus);
        let unit = (quarters(seed.quarters) * self.scale).normalize();
        let pct = Decimal::from(seed.percent);
        // The second clause has amounts of its own, and neither `max` nor `unless`.
        let second = ClauseSeed {
            quarters: seed.extra % 8 + 1,
            max_quarters: None,
            unless: false,
            extra: seed.extra / 8,
            ..seed.clone()
        };
        let second_unit = (quarters(second.quarters) * self.scale).normalize();
        match seed.pattern {
            16 => {
                let s = self.fact("要素", "set {甲, 乙, 丙, 丁}");
                let (per_except, per_times) = [
                    (" except 甲", 3),
                    (" except {乙、丁}", 2),
                    (" except {甲, 乙, 丙}", 1),
                ][(seed.extra % 3) as usize];
                let (missing_except, missing_times) =
                    [("", 4), (" except 丁", 3), (" except {甲、丙}", 2)]
                        [(seed.extra / 3 % 3) as usize];
                let per = (
                    format!("per {s}{per_except}"),
                    Effect::Points(unit),
                    Some(Decimal::from(per_times)),
                    giving,
                );
                let missing = (
                    format!("missing {s}{missing_except}"),
                    Effect::Points(second_unit),
                    Some(Decimal::from(missing_times)),
                    false,
                );
                let (first, then) = if seed.extra.is_multiple_of(2) {
                    (per, missing)
                } else {
                    (missing, per)
                };
                self.emit(seed, &first.0, first.1, first.2, first.3);
                self.emit(&second, &then.0, then.1, then.2, then.3);
            }
            17 => {
                let t = self.tally();
                let member = ["", "[国办]", "[省府办]", "[市府办]"][(seed.extra % 4) as usize];
                self.emit(
                    seed,
                    &format!("per {t}{member}"),
                    Effect::Points(unit),
                    None,
                    giving,
                );
                // `condition` reads the item's tally when its choice is 7 modulo 9.
                let condition = self.condition(second.extra / 9 * 9 + 7);
                self.emit(
                    &second,
                    &format!("if {condition}"),
                    Effect::Points(second_unit),
                    Some(Decimal::ONE),
                    giving,
                );
            }
            18 => {
                let (n, times) = self.findings(seed.extra, 5);
                self.emit(
                    seed,
                    &format!("per {n}"),
                    Effect::Points(unit),
                    times,
                    giving,
                );
                self.emit(
                    &second,
                    &format!("per {n}"),
                    Effect::Percent {
                        percent: pct,
                        base: PercentBase::Points,
                    },
                    times,
                    giving,
                );
            }
            _ => {
                let n = self.fact("次数", "count max 9");
                let op = OPERATORS[(seed.extra % 6) as usize];
                let head = format!("if {n} {op} {}", seed.extra / 6 % 4 + 1);
                self.emit(
                    seed,
                    &head,
                    Effect::Points(unit),
                    Some(Decimal::ONE),
                    giving,
                );
                self.emit(
                    &second,
                    &format!("per {n}"),
                    Effect::Points(second_unit),
                    Some(Decimal::from(9)),
                    giving,
                );
            }
        }
    }

    /// Writes a clause of a head and an effect (turned to a deduction unless `giving`)
    /// that applies at most `times` times (`None`: without limit), with the seed's
    /// `max`, `floor` and `unless` where they keep it within the item's bounds; writes
    /// nothing where it cannot be.
    fn emit(
        &mut self,
        seed: &ClauseSeed,
        head: &str,
        effect: Effect,
        times: Option<Decimal>,
        giving: bool,
    ) {
        let unit = (quarters(seed.quarters) * self.scale).normalize();
        let effect = match effect {
            Effect::Points(u) if !giving => Effect::Points(-u),
            Effect::Percent { percent, base } if !giving => Effect::Percent {
                percent: -percent,
                base,
            },
            // An award of a percentage of the score is left to the regular items.
            Effect::Percent {
                base: PercentBase::Score,
                ..
            } => Effect::Points(unit),
            other => other,
        };
        let score_based = matches!(
            effect,
            Effect::Percent {
                base: PercentBase::Score,
                ..
            }
        );
        if (effect == Effect::Zero || score_based) && self.role == Role::Penalty {
            return;
        }
        let effect_text = match effect {
            Effect::Zero => "zero".to_string(),
            Effect::Points(u) if u < Decimal::ZERO => format!("{u}"),
            Effect::Points(u) => format!("+{u}"),
            Effect::Percent { percent, base } => format!(
                "{}{percent}% of {}",
                if percent < Decimal::ZERO { "" } else { "+" },
                match base {
                    PercentBase::Points => "points",
                    PercentBase::Score => "score",
                }
            ),
        };
        // With two outcomes the effect written is the larger one, for never; late
        // takes half of it.
        let (effect_text, never) = match (head.ends_with(" late"), effect) {
            (true, Effect::Points(u)) => (
                (u / Decimal::TWO).normalize().to_string(),
                format!(" never {u}"),
            ),
            _ => (effect_text, String::new()),
        };
        let mut max = seed
            .max_quarters
            .map(|q| (quarters(q) * self.scale).normalize());
        let mut floor = seed.floor_halves.map(halves).filter(|f| *f <= self.points);
        match effect {
            Effect::Zero => {
                max = None;
                floor = None;
            }
            Effect::Percent {
                base: PercentBase::Score,
                ..
            } => {
                // The range of a percentage of the score, counted without limit: a
                // `max` keeps what it takes within the max however many findings, and
                // without one, or with one larger than the room left, a floor keeps a
                // large product of findings and percent from taking it below 0. The
                // lowest score is then the larger of what the two allow.
                if max.is_none_or(|m| self.lo - m < self.low) {
                    floor.get_or_insert(Decimal::ZERO);
                }
                self.lo = match (floor, max) {
                    (Some(f), Some(m)) => (self.lo - m).max(self.lo.min(f)),
                    (Some(f), None) => self.lo.min(f),
                    (None, Some(m)) => self.lo - m,
                    (None, None) => unreachable!("a floor was added"),
                };
            }
            Effect::Points(_) | Effect::Percent { .. } => {
                let u = match effect {
                    Effect::Percent { percent, .. } => percent / Decimal::ONE_HUNDRED * self.points,
                    Effect::Points(u) => u,
                    Effect::Zero => unreachable!("handled above"),
                };
                let far = times.map(|t| u.abs() * t);
                let mut size = match (far, max) {
                    (Some(f), Some(m)) => Some(f.min(m)),
                    (f, None) => f,
                    (None, m) => m,
                };
                if u < Decimal::ZERO {
                    if self.role == Role::Penalty {
                        floor = None;
                        let room = self.lo - self.low;
                        if size.is_none_or(|s| s > room) {
                            if room.is_zero() {
                                return;
                            }
                            max = Some(max.map_or(room, |m| m.min(room)));
                            size = Some(size.map_or(room, |s| s.min(room)));
                        }
                        self.lo -= size.unwrap_or_default();
                    } else {
                        if floor.is_none() && size.is_none_or(|s| self.lo - s < self.low) {
                            floor = Some(Decimal::ZERO);
                        }
                        self.lo = match (floor, size) {
                            (Some(f), Some(s)) => (self.lo - s).max(self.lo.min(f)),
                            (Some(f), None) => self.lo.min(f),
                            (None, Some(s)) => self.lo - s,
                            (None, None) => unreachable!("a floor was added"),
                        };
                    }
                } else {
                    floor = None;
                    let room = self.high - self.hi;
                    if size.is_none_or(|s| s > room) {
                        if room.is_zero() {
                            return;
                        }
                        max = Some(max.map_or(room, |m| m.min(room)));
                        size = Some(size.map_or(room, |s| s.min(room)));
                    }
                    self.hi += size.unwrap_or_default();
                }
            }
        }
        let mut clause = format!("{head} {effect_text}{never}");
        if let Some(m) = max {
            let _ = write!(clause, " max {m}");
        }
        if let Some(f) = floor {
            let _ = write!(clause, " floor {f}");
        }
        if seed.unless {
            let u = self.fact("可豁免", "bool");
            let _ = write!(clause, " unless {u}");
        }
        self.clauses.push(clause);
    }

    fn text(mut self, name: &str, points_text: &str, seed: &ItemSeed) -> String {
        for c in &seed.clauses {
            self.clause(c);
        }
        if self.clauses.is_empty() {
            // An item needs a clause; a plain yes/no deduction or award always fits.
            let b = self.fact("有问题", "bool");
            let sign = if self.role == Role::Earns || self.role == Role::Bonus {
                "+"
            } else {
                "-"
            };
            self.clauses.push(format!("if {b} {sign}{}", self.points));
        }
        let mut out = format!("  item {name} {points_text} {{\n    text \"{name}的评分细则\"\n");
        if self.role == Role::Earns {
            out.push_str("    start 0\n");
        }
        for f in &self.facts {
            let _ = writeln!(out, "    {f}");
        }
        if matches!(self.role, Role::Loses | Role::Earns) && seed.not_applicable < 3 {
            let na = format!("不适用{}", self.next + 1);
            let _ = writeln!(out, "    fact {na} bool \"本单位无此职能\"");
            let _ = writeln!(out, "    applicable unless {na}");
        }
        for c in &self.clauses {
            let _ = writeln!(out, "    {c}");
        }
        out.push_str("  }\n");
        out
    }
}

/// The points of a node: an item's own, a section's its children's.
fn node_points(node: &NodeSeed) -> Decimal {
    match node {
        NodeSeed::Item(_, item) => quarters(item.quarters),
        NodeSeed::Section(_, children) => children.iter().map(node_points).sum(),
    }
}

/// A node's points as written: a weight in percent of its parent's points where
/// `weights` is set and the weight gives the points back exactly, else the points.
fn points_text(points: Decimal, parent: Decimal, weights: bool) -> String {
    let share = (points * Decimal::ONE_HUNDRED / parent).normalize();
    if weights && share.scale() <= 4 && share * parent / Decimal::ONE_HUNDRED == points {
        format!("{}%", share.normalize())
    } else {
        points.to_string()
    }
}

/// Writes the sections and items of a rubric, numbering them in the file's order.
#[derive(Default)]
struct TreeWriter {
    body: String,
    items: usize,
    sections: usize,
}

impl TreeWriter {
    /// Writes a node whose items stand in a section of `kind` (or at the top level,
    /// as regular), its points written against its parent's.
    fn node(
        &mut self,
        node: &NodeSeed,
        kind: SectionKind,
        parent: Decimal,
        weights: bool,
        depth: usize,
    ) {
        let points = node_points(node);
        let indent = "  ".repeat(depth);
        match node {
            NodeSeed::Item(earns, item) => {
                self.items += 1;
                let role = match kind {
                    SectionKind::Bonus => Role::Bonus,
                    SectionKind::Penalty => Role::Penalty,
                    SectionKind::Regular if *earns => Role::Earns,
                    SectionKind::Regular => Role::Loses,
                };
                // An item of more than 10 points has clauses of larger amounts.
                let scale = if points > Decimal::TEN {
                    (points / Decimal::from(8)).ceil()
                } else {
                    Decimal::ONE
                };
                let text = ItemWriter::new(role, points, scale).text(
                    &format!("项目{}", self.items),
                    &points_text(points, parent, weights),
                    item,
                );
                for line in text.lines() {
                    let _ = writeln!(self.body, "{indent}{line}");
                }
            }
            NodeSeed::Section(children_weights, children) => {
                self.sections += 1;
                let _ = writeln!(
                    self.body,
                    "{indent}section 部分{} {} {{",
                    self.sections,
                    points_text(points, parent, weights)
                );
                for child in children {
                    // Weights are shares of a regular section's points only.
                    let w = *children_weights && kind == SectionKind::Regular;
                    self.node(child, kind, points, w, depth + 1);
                }
                let _ = writeln!(self.body, "{indent}}}");
            }
        }
    }
}

/// Writes a rubric from its seed: top-level sections (nested up to three deep) and
/// items whose points add up (some written as weights in percent), optional bonus and
/// penalty sections, a total that may allow bonus points above it, and a random
/// `round`.
fn rubric_text(seed: &RubricSeed) -> String {
    let total = seed
        .top
        .iter()
        .map(node_points)
        .sum::<Decimal>()
        .normalize();
    let mut w = TreeWriter::default();
    for node in &seed.top {
        w.node(node, SectionKind::Regular, total, seed.top_weights, 0);
    }
    for (keyword, name, kind, part) in [
        ("bonus", "加分项", SectionKind::Bonus, &seed.bonus),
        ("penalty", "倒扣分", SectionKind::Penalty, &seed.penalty),
    ] {
        if let Some((cap, nodes)) = part {
            let _ = writeln!(w.body, "{keyword} {name} {} {{", halves(*cap));
            for node in nodes {
                w.node(node, kind, Decimal::ONE, false, 1);
            }
            w.body.push_str("}\n");
        }
    }
    let max = seed
        .total_extra
        .map(|x| format!(" max {}", total + Decimal::from(x)))
        .unwrap_or_default();
    let mode = ["half-up", "half-even", "up", "down"][usize::from(seed.mode)];
    format!(
        "rubric 随机考核表\ntotal {total}{max}\nround {} {mode}\n\n{}",
        seed.places, w.body
    )
}

/// A random rubric the checker accepts, with random evidence for it.
fn random_rubric() -> impl Strategy<Value = (std::sync::Arc<Rubric>, Evidence)> {
    rubric_seed()
        .prop_filter_map("the checker refused the rubric", |seed| {
            let text = rubric_text(&seed);
            compile(&SourceFile::new("random.rule", text))
                .rubric
                .map(std::sync::Arc::new)
        })
        .prop_flat_map(|r| {
            let e = evidence(&r);
            (Just(r), e)
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_rubrics_keep_every_bound_and_add_up((rubric, e) in random_rubric()) {
        match score(&rubric, &e)? {
            Ok(sheet) => check_sheet(&rubric, &sheet)?,
            Err(code) => prop_assert_eq!(code, "kaohe::eval::nothing_applicable"),
        }
    }

    #[test]
    fn random_rubrics_never_reward_a_finding(
        (rubric, e) in random_rubric(),
        pick in any::<proptest::sample::Index>(),
    ) {
        check_findings(&rubric, &e, pick)?;
    }

    #[test]
    fn random_rubrics_prorate_exactly((rubric, e) in random_rubric()) {
        check_proration(&rubric, &e)?;
    }

    #[test]
    fn random_rubrics_read_any_order_and_format_alike((rubric, e) in random_rubric(), seed in any::<u64>()) {
        check_formats(&rubric, &e, seed)?;
    }
}

/// The rubric's text with its layout scrambled from `seed`: each space becomes one or
/// more spaces, a tab or an ideographic space, and each line break may gain a blank
/// line or trailing spaces. The generated texts have no space inside a quoted text,
/// so the meaning stays the same.
fn scrambled(text: &str, seed: u64) -> String {
    let mut seed = seed | 1;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        match c {
            ' ' => out.push_str([" ", "  ", "\t", "\u{3000}", "   "][(next() % 5) as usize]),
            '\n' => out.push_str(["\n", "\n\n", "  \n", "\n"][(next() % 4) as usize]),
            other => out.push(other),
        }
    }
    out
}

/// `kaohe fmt` gives text that compiles to the same rubric, and formatting it again
/// changes nothing.
fn check_format(rubric: &Rubric, seed: u64) -> Result<(), TestCaseError> {
    use kaohe::diff::erased;
    use kaohe::formatter::format;
    let text = scrambled(rubric.source.text(), seed);
    let formatted = format(&SourceFile::new("random.rule", text.as_str()))
        .map_err(|ds| TestCaseError::fail(format!("{}\n{text}", rendered(&ds))))?;
    let again = format(&SourceFile::new("random.rule", formatted.as_str()))
        .map_err(|ds| TestCaseError::fail(rendered(&ds)))?;
    prop_assert_eq!(&again, &formatted, "formatting is idempotent");
    let checked = compile(&SourceFile::new("random.rule", formatted.as_str()));
    let Some(compiled) = checked.rubric else {
        return Err(TestCaseError::fail(format!(
            "{}\n{formatted}",
            rendered(&checked.diagnostics)
        )));
    };
    prop_assert_eq!(erased(&compiled.nodes), erased(&rubric.nodes));
    prop_assert_eq!(compiled.total, rubric.total);
    prop_assert_eq!(compiled.total_max, rubric.total_max);
    prop_assert_eq!(compiled.rounding, rubric.rounding);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_rubrics_format_to_the_same_rubric((rubric, _e) in random_rubric(), seed in any::<u64>()) {
        check_format(&rubric, seed)?;
    }
}

/// The shapes of a compiled rubric that the generator must reach, read from the
/// rubric's tree rather than from the generator's choices.
#[derive(Debug, Default)]
struct Shapes {
    /// Items at the top level, beside sections.
    top_item: bool,
    /// An item at the top level after a section: the total adds it after all the
    /// top-level sections, not in the file's order.
    top_item_after_section: bool,
    /// Sections within sections.
    nested: bool,
    /// `per` and `missing` on the same set fact of an item, one of them with `except`.
    set_per_and_missing: bool,
    /// A tally read by a `per` clause and by a condition of the same item.
    tally_per_and_condition: bool,
    /// A count read by two clauses of an item.
    count_read_twice: bool,
    /// A percent compared with a literal that is not a whole percentage, by an
    /// operator other than `<`.
    fine_percent_comparison: bool,
    /// An item of more than 10 points.
    large_points: bool,
    /// An item whose points are not whole, other than halves.
    quarter_points: bool,
    /// Every (operator, literal) pair a percent is compared by.
    percent_comparisons: std::collections::BTreeSet<(&'static str, String)>,
}

impl Shapes {
    fn of(rubric: &Rubric) -> Self {
        let mut shapes = Shapes {
            top_item: rubric.nodes.iter().any(|n| matches!(n, Node::Item(_))),
            top_item_after_section: rubric
                .nodes
                .iter()
                .skip_while(|n| matches!(n, Node::Item(_)))
                .any(|n| matches!(n, Node::Item(_))),
            nested: nested(&rubric.nodes, 0),
            ..Shapes::default()
        };
        for item in kaohe::model::items(&rubric.nodes) {
            shapes.item(item);
        }
        shapes
    }

    fn item(&mut self, item: &Item) {
        let points = item.points.node;
        self.large_points |= points > Decimal::TEN;
        self.quarter_points |= !(points * Decimal::TWO).fract().is_zero();
        let conditions: Vec<&kaohe::model::Condition> = item
            .applicable_unless
            .iter()
            .chain(item.clauses.iter().filter_map(|c| match &c.kind {
                ClauseKind::If(cond) => Some(cond),
                _ => None,
            }))
            .chain(item.clauses.iter().filter_map(|c| c.unless.as_ref()))
            .collect();
        for cond in &conditions {
            self.comparisons(cond);
        }
        for fact in &item.facts {
            let name = fact.name.node.as_str();
            let per: Vec<&Vec<kaohe::span::Spanned<String>>> = item
                .clauses
                .iter()
                .filter_map(|c| match &c.kind {
                    ClauseKind::Per { fact, except, .. } if fact.fact.node == name => Some(except),
                    _ => None,
                })
                .collect();
            let missing: Vec<&Vec<kaohe::span::Spanned<String>>> = item
                .clauses
                .iter()
                .filter_map(|c| match &c.kind {
                    ClauseKind::Missing { fact, except, .. } if fact.fact.node == name => {
                        Some(except)
                    }
                    _ => None,
                })
                .collect();
            let in_conditions = conditions
                .iter()
                .filter(|c| condition_facts(c).contains(&name))
                .count();
            match fact.ty.node {
                FactType::Set(_) => {
                    self.set_per_and_missing |= !per.is_empty()
                        && !missing.is_empty()
                        && per.iter().chain(&missing).any(|e| !e.is_empty());
                }
                FactType::Tally(_) => {
                    self.tally_per_and_condition |= !per.is_empty() && in_conditions > 0;
                }
                FactType::Count { .. } => {
                    self.count_read_twice |= per.len() + in_conditions >= 2;
                }
                _ => {}
            }
        }
    }

    fn comparisons(&mut self, cond: &kaohe::model::Condition) {
        use kaohe::model::{ConditionKind, Literal, Operand};
        match &cond.kind {
            ConditionKind::Fact(_) => {}
            ConditionKind::Not(c) => self.comparisons(c),
            ConditionKind::And(cs) | ConditionKind::Or(cs) => {
                for c in cs {
                    self.comparisons(c);
                }
            }
            ConditionKind::Compare { left, op, right } => {
                for side in [left, right] {
                    if let Operand::Literal(l) = side {
                        if let Literal::Percent(p) = l.node {
                            let op = op.node.symbol();
                            self.fine_percent_comparison |= op != "<" && !p.fract().is_zero();
                            self.percent_comparisons
                                .insert((op, format!("{}%", p.normalize())));
                        }
                    }
                }
            }
        }
    }
}

/// Whether a section stands within a section.
fn nested(nodes: &[Node], depth: usize) -> bool {
    nodes.iter().any(|n| match n {
        Node::Section(s) => depth > 0 || nested(&s.children, depth + 1),
        Node::Item(_) => false,
    })
}

/// The generator writes rubrics the checker accepts (a refusal would mean the
/// generator and the checker disagree about a clause's range, so none is allowed; the
/// properties above discard refusals only as a safety valve), and it keeps reaching
/// the shapes the properties must meet: of 400 rubrics drawn with a fixed seed, each
/// shape of [`Shapes`] is in at least one in twenty, and a percent is compared with
/// `4.5%` and `12.25%` by each of the six operators.
#[test]
fn the_generator_reaches_every_shape() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let drawn = 400;
    let mut refused = Vec::new();
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    let mut comparisons = std::collections::BTreeSet::new();
    for _ in 0..drawn {
        let seed = rubric_seed()
            .new_tree(&mut runner)
            .expect("a seed")
            .current();
        let text = rubric_text(&seed);
        let checked = compile(&SourceFile::new("random.rule", text.as_str()));
        let Some(rubric) = checked.rubric else {
            refused.push(format!("{}\n{text}", rendered(&checked.diagnostics)));
            continue;
        };
        let shapes = Shapes::of(&rubric);
        for (name, reached) in [
            ("top-level items", shapes.top_item),
            (
                "a top-level item after a section",
                shapes.top_item_after_section,
            ),
            ("nested sections", shapes.nested),
            ("per and missing on one set", shapes.set_per_and_missing),
            (
                "a tally per and in a condition",
                shapes.tally_per_and_condition,
            ),
            ("a count read twice", shapes.count_read_twice),
            ("a fine percent comparison", shapes.fine_percent_comparison),
            ("points above 10", shapes.large_points),
            ("points in quarters", shapes.quarter_points),
        ] {
            *counts.entry(name).or_default() += usize::from(reached);
        }
        comparisons.extend(shapes.percent_comparisons);
    }
    eprintln!("of {drawn} rubrics: {counts:?}");
    assert!(refused.is_empty(), "{}", refused.join("\n----\n"));
    for (name, count) in &counts {
        assert!(
            count * 20 >= drawn,
            "{name}: reached by {count} of {drawn} rubrics only"
        );
    }
    for op in OPERATORS {
        for literal in ["4.5%", "12.25%"] {
            assert!(
                comparisons.contains(&(op, literal.to_string())),
                "no rubric compares a percent with `{op} {literal}`"
            );
        }
    }
}

/// The exact rounding these properties compare with, checked on the worked example of
/// docs/language.md (80 of 96 applicable points, × 100) and on the four modes.
#[test]
fn exact_rounding_matches_the_documented_examples() {
    let d = |s: &str| Decimal::from_str_exact(s).expect("a decimal");
    assert_eq!(
        exact_round(d("8000"), d("96"), 2, RoundingMode::HalfUp),
        Some(d("83.33"))
    );
    assert_eq!(
        exact_round(d("8000"), d("96"), 2, RoundingMode::Up),
        Some(d("83.34"))
    );
    for (mode, want) in [
        (RoundingMode::HalfUp, "13"),
        (RoundingMode::HalfEven, "12"),
        (RoundingMode::Up, "13"),
        (RoundingMode::Down, "12"),
    ] {
        assert_eq!(exact_round(d("12.5"), d("1"), 0, mode), Some(d(want)));
    }
    assert_eq!(
        exact_round(d("1"), d("3"), 2, RoundingMode::Down),
        Some(d("0.33"))
    );
}
