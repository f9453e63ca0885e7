//! Properties of scoring that hold for any evidence and any rubric the checker
//! accepts (issue 7), tested with random evidence against both 2020 tables and
//! against randomly generated rubrics:
//!
//! - every item scores within its bounds (0 to its points; minus its points to 0 in a
//!   `penalty` section), every section within its own, and the total within 0 and the
//!   rubric's most, worked out here independently with exact rational rounding;
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
//! Each property runs 64 cases; set `PROPTEST_CASES` to run more
//! (`PROPTEST_CASES=5000 cargo test --release --test properties`).

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use kaohe::check::{bounds, compile, items_with_kind, Rubric};
use kaohe::diagnostic::{render_human, HumanStyle};
use kaohe::eval::{condition_facts, evaluate, summarise, Scorer, SectionScore, Sheet, Summary};
use kaohe::evidence::{read, validate, Format, Unit};
use kaohe::source::SourceFile;
use kaohe::syntax::ast::{
    ClauseKind, Effect, FactType, Item, PercentBase, RoundingMode, SectionKind,
};
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
        FactType::Percent => (0u32..=10_000, any::<bool>())
            .prop_map(|(hundredths, as_text)| FactValue::Percent {
                hundredths,
                as_text,
            })
            .boxed(),
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
    }
}

/// Random evidence for every fact a rubric declares.
fn evidence(rubric: &Rubric) -> BoxedStrategy<Evidence> {
    let mut places = Vec::new();
    let mut strategies = Vec::new();
    for item in kaohe::check::ast_items(&rubric.nodes) {
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

/// Scores random evidence, and checks on the way that scoring without a trace (a
/// compiled [`Scorer`], what rankings use, and [`summarise`]) gives the numbers of the
/// full sheet, written alike (the same decimals to the last digit), or refuses the
/// unit with the same diagnostic.
fn score(rubric: &Rubric, e: &Evidence) -> Result<Result<Sheet, String>, TestCaseError> {
    let unit = load(rubric, &toml_text(e, 0), Format::Toml)?;
    let refused = |d: kaohe::diagnostic::Diagnostic| (d.code.to_string(), d.message);
    let sheet = evaluate(rubric, &unit).map_err(refused);
    let expected = sheet.clone().map(|s| Summary::of(rubric, &s));
    let compiled = Scorer::new(rubric).summarise(&unit).map_err(refused);
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

/// The total the formula gives from the items' scores: the regular items' earned
/// points, prorated over the applicable points when some do not apply and rounded
/// once; the bonus and penalty sections added within their caps; the result within 0
/// and the rubric's most. `None` when no regular item applies.
fn expected_total(rubric: &Rubric, sheet: &Sheet) -> Option<Decimal> {
    let mut earned = Decimal::ZERO;
    let mut applicable = Decimal::ZERO;
    let mut all = Decimal::ZERO;
    let mut extra = Decimal::ZERO;
    for (_, kind, item) in sheet.items_with_kind() {
        if kind == SectionKind::Regular {
            all += item.points;
            if let Some(s) = item.score {
                earned += s;
                applicable += item.points;
            }
        }
    }
    for s in &sheet.categories {
        match s.kind {
            SectionKind::Bonus => extra += s.score,
            SectionKind::Penalty => extra += s.score,
            SectionKind::Regular => {}
        }
    }
    let base = if applicable == all {
        earned
    } else if applicable.is_zero() {
        return None;
    } else {
        let r = rubric.rounding;
        exact_round(earned * rubric.total, applicable, r.places, r.mode)?
    };
    Some((base + extra).max(Decimal::ZERO).min(rubric.total_max))
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
    let declared = items_with_kind(&rubric.nodes);
    let scored = sheet.items_with_kind();
    prop_assert_eq!(declared.len(), scored.len());
    for ((item, kind), (_, scored_kind, s)) in declared.iter().zip(&scored) {
        prop_assert_eq!(&item.name.node, &s.name);
        prop_assert_eq!(*kind, *scored_kind);
        prop_assert_eq!(item.points.node, s.points);
        let (low, high, start) = bounds(item, *kind);
        let start = item.start.as_ref().map_or(start, |s| s.node);
        match s.score {
            Some(score) => {
                prop_assert!(s.applicable);
                prop_assert!(
                    low <= score && score <= high,
                    "item `{}` scored {} outside {} to {}",
                    &s.name,
                    score,
                    low,
                    high
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
    prop_assert!(Decimal::ZERO <= sheet.score && sheet.score <= rubric.total_max);
    let expected = expected_total(rubric, sheet);
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
        }
    }
    used
}

/// A count (or one tally member) that only `per … -N` clauses read: the index of its
/// fact in the evidence, and the member's index for a tally.
fn findings(rubric: &Rubric, e: &Evidence) -> Vec<(usize, Option<usize>)> {
    let items = kaohe::check::ast_items(&rubric.nodes);
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
    kaohe::check::ast_items(&rubric.nodes)
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
    let items = kaohe::check::ast_items(&rubric.nodes);
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

/// The department table has the items made not applicable (折分处理) in 2020; the
/// proration property must meet them, not only pass vacuously.
#[test]
fn the_department_table_has_items_to_prorate() {
    let rubric = department();
    let prorated: Vec<&str> = kaohe::check::ast_items(&rubric.nodes)
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
    halves: u32,
    not_applicable: u8,
    clauses: Vec<ClauseSeed>,
}

/// The random choices behind a rubric.
#[derive(Debug, Clone)]
struct RubricSeed {
    sections: Vec<(bool, Vec<(bool, ItemSeed)>)>,
    bonus: Option<(u32, Vec<ItemSeed>)>,
    penalty: Option<(u32, Vec<ItemSeed>)>,
    total_extra: Option<u32>,
    places: u32,
    mode: u8,
}

fn clause_seed() -> impl Strategy<Value = ClauseSeed> {
    (
        0u8..16,
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
        1u32..=20,
        0u8..8,
        proptest::collection::vec(clause_seed(), 1..5),
    )
        .prop_map(|(halves, not_applicable, clauses)| ItemSeed {
            halves,
            not_applicable,
            clauses,
        })
}

fn rubric_seed() -> impl Strategy<Value = RubricSeed> {
    (
        proptest::collection::vec(
            (
                any::<bool>(),
                proptest::collection::vec((any::<bool>(), item_seed()), 1..4),
            ),
            1..4,
        ),
        proptest::option::weighted(
            0.3,
            (1u32..=10, proptest::collection::vec(item_seed(), 1..3)),
        ),
        proptest::option::weighted(
            0.3,
            (1u32..=10, proptest::collection::vec(item_seed(), 1..3)),
        ),
        proptest::option::weighted(0.3, 0u32..=10),
        0u32..=4,
        0u8..4,
    )
        .prop_map(
            |(sections, bonus, penalty, total_extra, places, mode)| RubricSeed {
                sections,
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
}

impl ItemWriter {
    fn new(role: Role, points: Decimal) -> Self {
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
        }
    }

    /// Declares a fact of a fresh name and gives the name.
    fn fact(&mut self, prefix: &str, ty: &str) -> String {
        self.next += 1;
        let name = format!("{prefix}{}", self.next);
        self.facts
            .push(format!("fact {name} {ty} \"{prefix}的说明\""));
        name
    }

    /// A condition on fresh facts: a bool, a comparison, a member, or a combination.
    fn condition(&mut self, choice: u32) -> String {
        match choice % 7 {
            0 | 1 => self.fact("有问题", "bool"),
            2 => {
                let n = self.fact("次数", "count");
                format!("{n} >= {}", choice / 7 % 5 + 1)
            }
            3 => {
                let p = self.fact("比例", "percent");
                format!("{p} < {}%", choice / 7 % 100)
            }
            4 => {
                let d = self.fact("日期", "date");
                format!("{d} > 2020-06-30")
            }
            5 => {
                let s = self.fact("形式", "set {甲, 乙, 丙}");
                format!("{s}[乙]")
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
        let giving = matches!(self.role, Role::Earns | Role::Bonus);
        let unit = quarters(seed.quarters);
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
                let bounded = !seed.extra.is_multiple_of(3);
                let most = seed.extra % 6 + 1;
                let ty = if bounded {
                    format!("count max {most}")
                } else {
                    "count".to_string()
                };
                let n = self.fact("发现数", &ty);
                let times = bounded.then(|| Decimal::from(most));
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
                let t = self.fact("通报", "tally {国办, 省府办, 市府办}");
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
                // legal and must not overflow a date (tests/fuzz_regressions.rs).
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
        let mut max = seed.max_quarters.map(quarters);
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
                // floor keeps a large product of findings and percent from taking it
                // below 0, and the lowest score is then the floor or what it was.
                max = None;
                let f = *floor.get_or_insert(Decimal::ZERO);
                self.lo = self.lo.min(f);
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

/// Writes a rubric from its seed: regular sections whose items add up (some written
/// as weights in percent), optional bonus and penalty sections, a total that may
/// allow bonus points above it, and a random `round`.
fn rubric_text(seed: &RubricSeed) -> String {
    let mut body = String::new();
    let mut total = Decimal::ZERO;
    let mut n = 0;
    for (s, (weights, items)) in seed.sections.iter().enumerate() {
        let points: Decimal = items.iter().map(|(_, i)| halves(i.halves)).sum();
        total += points;
        let _ = writeln!(body, "section 部分{s} {points} {{");
        for (earns, item) in items {
            n += 1;
            let p = halves(item.halves);
            let share = p * Decimal::ONE_HUNDRED / points;
            // A weight is written only where it gives the points back exactly.
            let points_text = if *weights && share * points / Decimal::ONE_HUNDRED == p {
                format!("{}%", share.normalize())
            } else {
                p.to_string()
            };
            let role = if *earns { Role::Earns } else { Role::Loses };
            body.push_str(&ItemWriter::new(role, p).text(&format!("项目{n}"), &points_text, item));
        }
        body.push_str("}\n");
    }
    for (keyword, name, role, part) in [
        ("bonus", "加分项", Role::Bonus, &seed.bonus),
        ("penalty", "倒扣分", Role::Penalty, &seed.penalty),
    ] {
        if let Some((cap, items)) = part {
            let _ = writeln!(body, "{keyword} {name} {} {{", halves(*cap));
            for item in items {
                n += 1;
                let p = halves(item.halves);
                body.push_str(&ItemWriter::new(role, p).text(
                    &format!("项目{n}"),
                    &p.to_string(),
                    item,
                ));
            }
            body.push_str("}\n");
        }
    }
    let max = seed
        .total_extra
        .map(|x| format!(" max {}", total + Decimal::from(x)))
        .unwrap_or_default();
    let mode = ["half-up", "half-even", "up", "down"][usize::from(seed.mode)];
    format!(
        "rubric 随机考核表\ntotal {total}{max}\nround {} {mode}\n\n{body}",
        seed.places
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
    use kaohe::formatter::{erased, format};
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

/// The generator writes rubrics the checker accepts: a refusal would mean the
/// generator and the checker disagree about a clause's range, so none is allowed here
/// (the properties above discard refusals only as a safety valve).
#[test]
fn generated_rubrics_compile() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut refused = Vec::new();
    for _ in 0..200 {
        let seed = rubric_seed()
            .new_tree(&mut runner)
            .expect("a seed")
            .current();
        let text = rubric_text(&seed);
        let checked = compile(&SourceFile::new("random.rule", text.as_str()));
        if checked.rubric.is_none() {
            refused.push(format!("{}\n{text}", rendered(&checked.diagnostics)));
        }
    }
    assert!(refused.is_empty(), "{}", refused.join("\n----\n"));
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
