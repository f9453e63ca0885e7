//! The compiled scorer: a rubric compiled once into a plan, and the one interpreter
//! of that plan, which scores a unit with its trace or without it.
//!
//! A [`Scorer`] walks the rubric's tree once, when it is built, and keeps for every
//! item what scoring it needs: the slots of the facts its clauses read, its
//! conditions (the model's, which [`crate::evidence::condition::holds`] reads), the
//! places of the members a `missing` clause looks for, the item's start and bounds, and whether each section's applicable points can change at all. Scoring a
//! unit then only reads its facts; counts and bools are compared as integers, and
//! decimal arithmetic is done only when a clause applies ([`raw_change`], [`limit`],
//! the item's bound, [`section_limit`], [`Sum::total`]); the top-level items are
//! added after the top-level sections. The interpreter ([`ItemPlan::outcome`],
//! [`ClausePlan::apply`]) is generic over a [`Trace`]: the score sheet runs it with a
//! [`Recorder`], which keeps each step as data, and a ranking with [`NoTrace`], which
//! compiles away, allocating nothing but the [`Summary`] returned (and the scores of
//! top-level items, for a rubric that has them).
//!
//! Three things go further, for a ranking only. An item whose facts are few and read
//! in ways that tell few of their values apart (bools, counts, dates only its
//! deadlines read, sets counted by `per` and `missing`, tallies read member by member,
//! percents compared with literals) has a [`Table`] of its outcomes for every
//! combination of small values, a memo filled when the scorer is built by the same
//! interpreter (with [`NoTrace`]), so most items of a unit are one look-up. Sections,
//! and the top-level sections into the total, are added up as whole numbers of 10⁻⁹
//! ([`to_units`]), exactly, and made decimals once, normalised: the same decimals
//! adding them up as decimals and normalising gives; a score with more decimals, or
//! too large, is added up as decimals instead. And before a unit is scored its facts
//! are read once, all together ([`Scorer::warm`]), so that a unit out of the cache
//! waits for memory once rather than at every clause.
//!
//! The property tests (tests/it/properties.rs) check the sheet against an exact
//! rational oracle, and that a ranking's summary (tables and sums in units) is
//! [`Summary::of`] the sheet, refusing the same units with the same diagnostic.

use rust_decimal::Decimal;

use super::interp::*;
use super::plan::*;
use super::units::*;
use super::{section_limit, Sheet, Sum, Summary, Top, Total};
use crate::diagnostic::Diagnostic;
use crate::evidence::{Fact, Unit, Value};
use crate::model::SectionKind;

/// A section's score (kept by its kind's limit) and applicable points, both
/// normalised; and both in units when they fit.
pub(super) struct Subtotal {
    pub(super) score: Decimal,
    pub(super) applicable: Decimal,
    pub(super) units: Option<(i64, i64)>,
}

impl<'r> Scorer<'r> {
    /// Scores one unit without its trace: the total and each top-level subtotal, as
    /// [`super::summarise`] does.
    pub fn summarise(&self, unit: &Unit) -> Result<Summary, Diagnostic> {
        self.warm(unit);
        let (_, total, top) = self.run(unit, &mut NoTrace)?;
        Ok(Summary {
            unit: unit.name.clone(),
            score: total.score,
            earned: total.earned,
            applicable_points: total.applicable,
            prorated: total.prorated,
            top,
        })
    }

    /// Scores one unit with its trace: the score sheet, every section, every item and
    /// every step, by the interpreter [`Scorer::summarise`] runs (without the items'
    /// tables, which hold no trace, and adding up in decimals).
    pub fn sheet(&self, unit: &Unit) -> Result<Sheet, Diagnostic> {
        let mut recorder = Recorder::new(self.rubric);
        let (sum, total, _) = self.run(unit, &mut recorder)?;
        let (indicators, categories) = recorder.finish();
        Ok(Sheet {
            unit: unit.name.clone(),
            score: total.score,
            earned: total.earned,
            applicable_points: total.applicable,
            prorated: total.prorated,
            bonus: sum.bonus.normalize(),
            penalty: sum.penalty.normalize(),
            limited: total.limited,
            categories,
            indicators,
            methods: Vec::new(),
        })
    }

    /// Scores one unit, telling the trace every step, item and section: the sums of
    /// the top-level nodes, the total (its limit put into words when the trace
    /// records), and each top-level subtotal.
    pub(super) fn run<T: Trace>(
        &self,
        unit: &Unit,
        trace: &mut T,
    ) -> Result<(Sum, Total, Vec<Top>), Diagnostic> {
        let mut sum = Sum::default();
        // Only sections lie at the top: they are added up in units, while they fit
        // (not for the trace, which adds up in decimals).
        let mut units = self
            .all_points_units
            .filter(|_| !T::RECORDS)
            .map(|_| UnitSum::default());
        let mut fits = true;
        let mut top = Vec::with_capacity(self.parts.len());
        // The scores of the top-level items, added after every top-level section, as
        // `evaluate` adds them: at 28 digits a decimal sum rounds, and its order can
        // change its last digit. (No vector is made for a rubric without such items.)
        let mut items = Vec::new();
        for part in &self.parts {
            match part {
                Part::Section(s) => {
                    let sub = if T::RECORDS {
                        self.section_in_decimals(s, unit, trace)?
                    } else {
                        self.section(s, unit)?
                    };
                    match &mut units {
                        Some(units) => {
                            fits = fits
                                && sub.units.is_some_and(|(score, applicable)| {
                                    units.add_section(s.kind, score, applicable).is_some()
                                });
                        }
                        None => sum.add_section(s.kind, sub.score, sub.applicable),
                    }
                    top.push(Top {
                        kind: Some(s.kind),
                        points: s.points,
                        score: Some(sub.score),
                        applicable_points: sub.applicable,
                    });
                }
                Part::Item(i) => {
                    let score = self.item(i, unit, trace)?;
                    items.push((score, i.points));
                    top.push(Top {
                        kind: None,
                        points: i.points,
                        score: score.map(|s| s.normalize()),
                        applicable_points: if score.is_some() {
                            i.points
                        } else {
                            Decimal::ZERO
                        },
                    });
                }
            }
        }
        for (score, points) in items {
            sum.add_item(score, points);
        }
        if let Some(units) = units {
            // A total that is not prorated reads only the values of the sums, which
            // those in units are; else the sections are added up in decimals, as
            // above, in the same order.
            sum = if fits && self.all_points_units == Some(units.applicable) {
                units.sum()
            } else {
                sections_sum(&top)
            };
        }
        let total = sum.total(self.rubric, unit, self.all_points, T::RECORDS)?;
        Ok((sum, total, top))
    }

    /// A section's score (kept by its kind's limit) and applicable points, both
    /// normalised: added up in units, or in decimals when a score does not fit.
    pub(super) fn section(&self, s: &SectionPlan<'r>, unit: &Unit) -> Result<Subtotal, Diagnostic> {
        if let Some(subtotal) = self.section_in_units(s, unit)? {
            return Ok(subtotal);
        }
        self.section_in_decimals(s, unit, &mut NoTrace)
    }

    /// A section added up in units; `None` when its points, or a score or sum in it,
    /// do not fit. A score in units is its decimal's value exactly, and a sum of them
    /// is then exactly what adding up the decimals gives (whose sums are too small to
    /// be rounded), so the normalised decimal of the sum is, to the last bit, the
    /// normalised decimal sum. Its items are scored in the same order as in decimals,
    /// so a unit an item refuses gives the same diagnostic either way.
    pub(super) fn section_in_units(
        &self,
        s: &SectionPlan<'r>,
        unit: &Unit,
    ) -> Result<Option<Subtotal>, Diagnostic> {
        let Some((points, negated)) = s.points_units else {
            return Ok(None);
        };
        let mut score = 0i64;
        let mut applicable = 0i64;
        for part in &s.parts {
            let (part_score, part_applicable) = match part {
                Part::Section(sub) => match self.section(sub, unit)?.units {
                    Some(both) => both,
                    None => return Ok(None),
                },
                Part::Item(i) => match (self.item_units(i, unit)?, i.points_units) {
                    (Units::NotApplicable, _) => continue,
                    (Units::Score(item_score), Some(item_points)) => (item_score, item_points),
                    _ => return Ok(None),
                },
            };
            match (
                score.checked_add(part_score),
                applicable.checked_add(part_applicable),
            ) {
                (Some(new_score), Some(new_applicable)) => {
                    score = new_score;
                    applicable = new_applicable;
                }
                _ => return Ok(None),
            }
        }
        // The kind's limit, as `section_limit` keeps it: a comparison of values.
        let score = match s.kind {
            SectionKind::Regular if s.section.pooled => score.max(0).min(points),
            SectionKind::Regular => score,
            _ if s.section.uncapped => score,
            SectionKind::Bonus => score.min(points),
            SectionKind::Penalty => score.max(negated),
        };
        Ok(Some(Subtotal {
            score: from_units(score),
            applicable: s.fixed_applicable.unwrap_or_else(|| from_units(applicable)),
            units: Some((score, applicable)),
        }))
    }

    /// A section added up in decimals, and so are the sections in it (each once, not
    /// first tried in units again).
    pub(super) fn section_in_decimals<T: Trace>(
        &self,
        s: &SectionPlan<'r>,
        unit: &Unit,
        trace: &mut T,
    ) -> Result<Subtotal, Diagnostic> {
        trace.open();
        let mut score = Decimal::ZERO;
        let mut applicable = Decimal::ZERO;
        // When no item can be left out, the applicable points are the fixed ones, which
        // is what adding them up here would give.
        let count = s.fixed_applicable.is_none();
        for part in &s.parts {
            match part {
                Part::Section(sub) => {
                    let sub = self.section_in_decimals(sub, unit, trace)?;
                    score += sub.score;
                    if count {
                        applicable += sub.applicable;
                    }
                }
                Part::Item(i) => {
                    if let Some(item_score) = self.item(i, unit, trace)? {
                        score += item_score;
                        if count {
                            applicable += i.points;
                        }
                    }
                }
            }
        }
        let sum = score.normalize();
        let score = section_limit(s.section, s.kind, score).normalize();
        let applicable = s.fixed_applicable.unwrap_or_else(|| applicable.normalize());
        let cut = s.section.pooled && score != sum;
        trace.close(s, score, applicable, cut.then_some(sum));
        Ok(Subtotal {
            score,
            applicable,
            units: to_units(score).zip(to_units(applicable)),
        })
    }

    /// Reads every slot of the unit's facts, the first byte of its name and the counts
    /// of its tallies (each an allocation of its own) before scoring. A unit read long
    /// ago (one of many held in memory) has them out of the cache, and reading them
    /// here, where no load waits on another, lets their cache misses overlap instead of
    /// coming one after another as the clauses read them. What is read is only summed
    /// and the sum dropped: nothing here affects a score.
    pub(super) fn warm(&self, unit: &Unit) {
        let mut sum = u64::from(unit.name.as_bytes().first().copied().unwrap_or(0));
        for fact in unit.facts.iter() {
            sum = sum.wrapping_add(match fact {
                Some(Fact {
                    value: Value::Tally(t),
                    ..
                }) => t.total(),
                Some(_) => 1,
                None => 0,
            });
        }
        std::hint::black_box(sum);
    }

    /// An item's score; `None` when it is not applicable. Read from the item's table
    /// when the unit's facts are among those it holds, else worked out.
    pub(super) fn item<T: Trace>(
        &self,
        plan: &ItemPlan<'r>,
        unit: &Unit,
        trace: &mut T,
    ) -> Result<Option<Decimal>, Diagnostic> {
        if !T::RECORDS {
            if let Some(entry) = plan.table.as_ref().and_then(|t| t.lookup(&unit.facts)) {
                return Ok(entry.outcome);
            }
        }
        let score = plan
            .outcome(self.rubric, &unit.facts, trace)
            .map_err(|r| r.diagnostic(self.rubric, unit))?;
        trace.item(plan, score);
        Ok(score)
    }

    /// An item's score as a section adds it up in units: read from its table, or
    /// worked out and put into units.
    pub(super) fn item_units(&self, plan: &ItemPlan<'r>, unit: &Unit) -> Result<Units, Diagnostic> {
        if let Some(entry) = plan.table.as_ref().and_then(|t| t.lookup(&unit.facts)) {
            return Ok(entry.units);
        }
        plan.outcome(self.rubric, &unit.facts, &mut NoTrace)
            .map(Units::of)
            .map_err(|r| r.diagnostic(self.rubric, unit))
    }
}

/// The top-level sections added up in decimals, in order, from their subtotals in the
/// summary: as [`Scorer::summarise`] adds them up when it does not in units.
pub(super) fn sections_sum(top: &[Top]) -> Sum {
    let mut sum = Sum::default();
    for t in top {
        if let (Some(kind), Some(score)) = (t.kind, t.score) {
            sum.add_section(kind, score, t.applicable_points);
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Rubric;
    use crate::eval::evaluate;
    use crate::eval::interp::{absent, count_missing, NoTrace};
    use crate::eval::plan::{Compiler, ItemPlan, Part, SMALL_TIMES};
    use crate::eval::table::{percent_digit, KeyKind};
    use crate::eval::units::{from_units, to_units, Units};
    use crate::evidence::{Fact, MemberCounts, MemberSet, Value};
    use crate::model::{FactType, MemberId, Members};
    use chrono::NaiveDate;

    fn decimal(s: &str) -> Decimal {
        s.parse().expect("a decimal")
    }

    /// A checked rubric of a rule text.
    fn rubric(text: &str) -> Rubric {
        let checked = crate::check::compile(&crate::source::SourceFile::new("t.rule", text));
        let messages: Vec<&str> = checked
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        checked
            .rubric
            .unwrap_or_else(|| panic!("the rubric does not compile: {messages:?}"))
    }

    /// A unit of a TOML evidence text.
    fn unit(rubric: &Rubric, evidence: &str) -> Unit {
        let source = crate::source::SourceFile::new("unit.toml", evidence);
        let node = crate::evidence::read(&source, crate::evidence::Format::Toml).expect("TOML");
        crate::evidence::validate(rubric, &source, &node).expect("valid evidence")
    }

    #[test]
    fn units_are_the_decimals_exactly_and_normalise_as_they_do() {
        let bits = |d: Decimal| d.serialize();
        for s in [
            "0",
            "0.00",
            "-0",
            "-0.000",
            "0.5",
            "0.50",
            "1",
            "1.000000000",
            "-2.5",
            "12.375",
            "100",
            "-100.10",
            "0.000000001",
            "-0.000000001",
            "9223372036.854775807",
            "-9223372036.854775808",
        ] {
            let units = to_units(decimal(s)).expect("fits");
            assert_eq!(bits(from_units(units)), bits(decimal(s).normalize()), "{s}");
        }
        assert_eq!(to_units(decimal("-0.50")), Some(-500_000_000));
        // More than nine decimals (even zeros), or too large: no units.
        assert_eq!(to_units(decimal("0.0000000001")), None);
        assert_eq!(to_units(decimal("1.0000000000")), None);
        assert_eq!(to_units(decimal("9223372036.854775808")), None);
        assert_eq!(to_units(decimal("10000000000")), None);
        // Sums in units, normalised once, are the decimal sums normalised.
        for terms in [
            &["0.50", "0.5"][..],
            &["1.25", "-1.25"],
            &["-0.5", "-0.25", "0.750"],
            &["3", "-3.00", "0.1"],
            &["0.1", "0.2", "0.30"],
            &["-0", "0.000"],
            &["2.000", "-12.5", "0.125"],
        ] {
            let mut sum = Decimal::ZERO;
            let mut units = 0i64;
            for t in terms {
                sum += decimal(t);
                units += to_units(decimal(t)).expect("fits");
            }
            assert_eq!(bits(from_units(units)), bits(sum.normalize()), "{terms:?}");
        }
    }

    /// A rubric of nested, bonus and penalty sections whose scores have decimals of
    /// several scales, one item that can be left out and one whose score can have
    /// more than nine decimals.
    const SECTIONS: &str = "rubric 表\ntotal 10\nsection 甲 6 {\n  item 乙 4 {\n    fact 比 percent \"比\"\n    fact 次 count \"次\"\n    if 比 < 50% -12.5% of points\n    per 次 -0.50 floor 0\n  }\n  section 丙 2 {\n    item 丁 2 {\n      fact 否 bool \"否\"\n      fact 微 bool \"微\"\n      applicable unless 否\n      if 微 -0.0000000001\n      if not 微 -2.00 floor 0\n    }\n  }\n}\nsection 戊 4 {\n  item 己 4 {\n    fact 数 count \"数\"\n    per 数 -1.5 floor 0\n  }\n}\nbonus 加 2 {\n  item 庚 2 {\n    fact 数 count \"数\"\n    per 数 +0.75 max 2\n  }\n}\npenalty 减 3 {\n  item 辛 3 {\n    fact 数 count \"数\"\n    per 数 -1.25 max 3\n  }\n  item 壬 3 {\n    fact 数 count \"数\"\n    per 数 -2 max 3\n  }\n}\n";

    fn sections_unit(r: &Rubric, per: u64, bonus: u64, penalty: u64, no: bool, tiny: bool) -> Unit {
        unit(
            r,
            &format!(
                "unit = \"单位\"\n[\"乙\"]\n\"比\" = 40\n\"次\" = {per}\n[\"丁\"]\n\"否\" = {no}\n\"微\" = {tiny}\n[\"己\"]\n\"数\" = {per}\n[\"庚\"]\n\"数\" = {bonus}\n[\"辛\"]\n\"数\" = {penalty}\n[\"壬\"]\n\"数\" = {penalty}\n"
            ),
        )
    }

    #[test]
    fn sections_add_up_in_units_as_in_decimals() {
        let r = rubric(SECTIONS);
        let bits = |d: Decimal| d.serialize();
        for tables in [true, false] {
            let scorer = Scorer::compile(&r, tables);
            assert!(scorer.all_points_units.is_some());
            for (per, bonus, penalty, no, tiny) in [
                (0, 0, 0, false, false),
                (1, 1, 1, false, false),
                (2, 3, 2, true, false),
                (5, 2, 3, false, false),
                (3, 4, 1, false, true),
                (1, 0, 3, true, true),
            ] {
                let u = sections_unit(&r, per, bonus, penalty, no, tiny);
                let case = format!("{per} {bonus} {penalty} {no} {tiny} {tables}");
                for part in &scorer.parts {
                    let Part::Section(s) = part else {
                        panic!("only sections")
                    };
                    let in_decimals = scorer
                        .section_in_decimals(s, &u, &mut NoTrace)
                        .expect("scores");
                    let in_units = scorer.section_in_units(s, &u).expect("scores");
                    // Only the section holding the score of ten decimals is added up
                    // in decimals, and its sum then has no units.
                    let misfit = tiny && !no && s.points == Decimal::from(6);
                    assert_eq!(in_units.is_none(), misfit, "{case}");
                    assert_eq!(in_decimals.units.is_none(), misfit, "{case}");
                    if let Some(in_units) = in_units {
                        assert_eq!(bits(in_units.score), bits(in_decimals.score), "{case}");
                        assert_eq!(
                            bits(in_units.applicable),
                            bits(in_decimals.applicable),
                            "{case}"
                        );
                        assert_eq!(in_units.units, in_decimals.units, "{case}");
                    }
                }
                // The summary is the sheet's, to the scale of every decimal.
                let compiled = scorer.summarise(&u).expect("scores");
                let expected = Summary::of(&r, &evaluate(&r, &u).expect("scores"));
                assert_eq!(format!("{compiled:?}"), format!("{expected:?}"), "{case}");
                assert_eq!(bits(compiled.score), bits(expected.score), "{case}");
                assert_eq!(bits(compiled.earned), bits(expected.earned), "{case}");
                assert_eq!(
                    bits(compiled.applicable_points),
                    bits(expected.applicable_points),
                    "{case}"
                );
            }
        }
        // By hand: 2 per count on 己 is 4 − 3 = 1; 乙 4 − 0.5 (40% < 50%) − 1 = 2.5;
        // 丁 2 − 2.00 = 0.00; a bonus of 3 × 0.75 = 2.25 kept at 2; a penalty of
        // 2 × −1.25 − 2 × 2 = −6.5 kept at −3: 2.5 + 0 + 1 + 2 − 3 = 2.5.
        let u = sections_unit(&r, 2, 3, 2, false, false);
        let summary = Scorer::new(&r).summarise(&u).expect("scores");
        assert_eq!(summary.score.to_string(), "2.5");
        assert_eq!(
            summary.top[0].score.map(|s| s.to_string()),
            Some("2.5".to_string())
        );
        assert_eq!(
            summary.top[2].score.map(|s| s.to_string()),
            Some("2".to_string())
        );
        assert_eq!(
            summary.top[3].score.map(|s| s.to_string()),
            Some("-3".to_string())
        );
    }

    /// The one item of a rubric of one section, compiled with its table.
    fn with_table<'r>(r: &'r Rubric) -> ItemPlan<'r> {
        let item = crate::model::items(&r.nodes)[0];
        ItemPlan::compile(
            item,
            SectionKind::Regular,
            Compiler {
                rubric: r,
                tables: true,
            },
        )
    }

    /// Checks that an item's table, on each of these facts, gives what scoring it
    /// gives, to the last bit; and that it holds how many of them it is said to.
    fn table_agrees(r: &Rubric, plan: &ItemPlan<'_>, all: &[Vec<Option<Fact>>], held: usize) {
        let table = plan.table.as_ref().expect("a table");
        let mut found = 0;
        for facts in all {
            let scored = plan.outcome(r, facts, &mut NoTrace).ok();
            if let Some(entry) = table.lookup(facts) {
                found += 1;
                assert_eq!(
                    entry.outcome.map(|d| d.serialize()),
                    scored.expect("scores").map(|d| d.serialize()),
                    "{facts:?}"
                );
                assert_eq!(entry.units, Units::of(entry.outcome));
            }
        }
        assert_eq!(found, held);
    }

    /// The list of members of the set or tally declared at a slot.
    fn list_at(plan: &ItemPlan<'_>, slot: usize) -> Members {
        let decl = plan
            .item
            .facts
            .iter()
            .find(|f| f.id.index() == slot)
            .expect("declared");
        match &decl.ty.node {
            FactType::Set(list) | FactType::Tally(list) => list.clone(),
            _ => panic!("a set or tally"),
        }
    }

    fn fact(value: Value) -> Option<Fact> {
        Some(Fact { value, span: None })
    }

    #[test]
    fn tables_of_sets_count_the_members_the_clauses_count() {
        let r = rubric("rubric 表\ntotal 4\nsection 甲 4 {\n  item 乙 4 {\n    fact 要素 set {甲, 乙, 丙, 丁, 戊} \"要素\"\n    fact 逾期 count \"逾期\"\n    per 要素 except 丁 -1 floor 0\n    missing 要素 except 丁 -1.5 floor 1\n    if 逾期 >= 1 -2 floor 0\n  }\n}\n");
        let plan = with_table(&r);
        let table = plan.table.as_ref().expect("a table");
        // Four members counted (0 to 4 present) times 16 counts.
        assert_eq!(table.index.len(), 5 * 16);
        let slot = |name: &str| {
            plan.item
                .facts
                .iter()
                .find(|f| f.name.node == name)
                .map(|f| f.id.index())
                .expect("a slot")
        };
        let (set, count) = (slot("要素"), slot("逾期"));
        let list = list_at(&plan, set);
        let mut all = Vec::new();
        for mask in 0..32u64 {
            for n in [0, 1, 2, 15, 16] {
                let mut facts: Vec<Option<Fact>> = vec![None, None, None];
                facts[set] = fact(Value::Set(
                    MemberSet::from_mask(&list, mask).expect("a set"),
                ));
                facts[count] = fact(Value::Count(n));
                all.push(facts);
            }
        }
        // Every set of the list with a count below 16 is held.
        table_agrees(&r, &plan, &all, 32 * 4);
        // A set of the same names but another list is scored the long way.
        let mut other = vec![None, None, None];
        other[set] = fact(Value::Set(MemberSet::of_names(&[
            "甲", "乙", "丙", "丁", "戊",
        ])));
        other[count] = fact(Value::Count(0));
        assert!(table.lookup(&other).is_none());
        // A set a condition reads member by member has no table.
        let r = rubric("rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact 要素 set {甲, 乙} \"要素\"\n    per 要素 -1\n    if 要素[甲] -2\n  }\n}\n");
        assert!(with_table(&r).table.is_none());
        // Nor one two clauses count differently.
        let r = rubric("rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact 要素 set {甲, 乙, 丙} \"要素\"\n    per 要素 except 甲 -1\n    missing 要素 -2 floor 0\n  }\n}\n");
        assert!(with_table(&r).table.is_none());
    }

    #[test]
    fn tables_of_tallies_and_percents_tell_apart_what_the_clauses_do() {
        let r = rubric("rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact 通报 tally {国办, 省府办, 市府办} \"通报\"\n    fact 比 percent \"比\"\n    if 通报[国办] >= 1 -6\n    per 通报[省府办] -3 floor 0\n    per 通报[市府办] -0.5 floor 0\n    if 比 < 4% or 比 >= 12.5% -2 floor 0\n    if 比 = 7% -1 floor 0\n  }\n}\n");
        let plan = with_table(&r);
        let table = plan.table.as_ref().expect("a table");
        // Three members' counts, cut to 0 to 3 (16 × 16 × 16 × 7 and 8 × 8 × 8 × 7 are
        // more than 1024 combinations), and 7 places among the three literals.
        assert_eq!(table.index.len(), 4 * 4 * 4 * 7);
        let (tally, percent) = (0, 1);
        assert!(plan.item.facts[0].id.index() == tally);
        let list = list_at(&plan, tally);
        let mut all = Vec::new();
        for p in [
            "0", "3.9", "4", "4.00", "5", "7", "7.0", "9.99", "12.5", "12.50", "13", "-1",
        ] {
            for counts in [
                [0, 0, 0],
                [1, 2, 3],
                [3, 3, 3],
                [0, 4, 0],
                [2, 0, 7],
                [9, 9, 9],
            ] {
                let mut facts = vec![None, None];
                facts[tally] = fact(Value::Tally(
                    MemberCounts::from_counts(&list, counts.to_vec()).expect("counts"),
                ));
                facts[percent] = fact(Value::Percent(decimal(p)));
                all.push(facts);
            }
        }
        // All but the counts of 4 and more.
        table_agrees(&r, &plan, &all, 12 * 3);
        // A tally read by place: only 市府办's count (place 2) given, the others 0.
        let mut other = all[0].clone();
        other[tally] = fact(Value::Tally(MemberCounts::new(&list, |i, _| {
            u64::from(i == 2)
        })));
        table_agrees(&r, &plan, &[other], 1);
        // The places: below, at and above each literal.
        let literals = [decimal("4"), decimal("7"), decimal("12.5")];
        let place = |p: &str| percent_digit(&literals, &decimal(p));
        assert_eq!(
            ["3", "4.0", "5", "7", "8", "12.50", "99"].map(place),
            [0, 1, 2, 3, 4, 5, 6]
        );
        // A percent compared with another fact, or a tally read as a whole, has none.
        let r = rubric("rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact 比 percent \"比\"\n    fact 限 percent \"限\"\n    if 比 < 限 -2\n  }\n}\n");
        assert!(with_table(&r).table.is_none());
        let r = rubric("rubric 表\ntotal 10\nsection 甲 10 {\n  item 乙 10 {\n    fact 通报 tally {国办, 省府办} \"通报\"\n    per 通报 -1 floor 0\n  }\n}\n");
        assert!(with_table(&r).table.is_none());
    }

    /// The list of a set fact, and the members a `missing` clause looks for in it,
    /// by place: all but 印章 (place 2), as `except 印章` leaves it out.
    const LIST: [&str; 5] = ["标题", "文号", "印章", "法律依据", "救济途径"];
    const LOOKED_FOR: [(MemberId, &str); 4] = [
        (MemberId(0), "标题"),
        (MemberId(1), "文号"),
        (MemberId(3), "法律依据"),
        (MemberId(4), "救济途径"),
    ];

    /// The members missing when these are given, each asked of the set by its place.
    fn count(present: &[&str]) -> usize {
        let members: Members = LIST
            .iter()
            .map(|n| crate::model::Member {
                name: crate::span::Spanned::new(n.to_string(), crate::span::Span::default()),
                description: None,
            })
            .collect();
        let set = MemberSet::select(&members, |_, name| present.contains(&name));
        let missing = count_missing(&LOOKED_FOR, Some(&set));
        assert_eq!(absent(&LOOKED_FOR, Some(&set)).len(), missing);
        missing
    }

    #[test]
    fn missing_members_are_asked_for_by_place() {
        assert_eq!(count(&[]), 4);
        assert_eq!(count(&["标题", "法律依据"]), 2);
        // A member not looked for (excepted) given or not changes nothing.
        assert_eq!(count(&["文号", "印章"]), 3);
        assert_eq!(count(&["标题", "文号", "法律依据", "救济途径", "印章"]), 0);
        assert_eq!(count(&["救济途径", "标题"]), 2);
        // No set given: every member looked for is missing, named in the list's order.
        assert_eq!(count_missing(&LOOKED_FOR, None), 4);
        assert_eq!(
            absent(&LOOKED_FOR, None),
            ["标题", "文号", "法律依据", "救济途径"]
        );
    }

    #[test]
    fn table_digits_tell_apart_what_the_clauses_tell_apart() {
        let by = NaiveDate::from_ymd_opt(2020, 3, 31).unwrap();
        let day = |d: u32| Value::Date(NaiveDate::from_ymd_opt(2020, 3, d));
        let deadline = KeyKind::Deadline(by);
        assert_eq!(deadline.digit(&day(30), 3), Some(0));
        assert_eq!(deadline.digit(&day(31), 3), Some(0));
        assert_eq!(
            deadline.digit(&Value::Date(Some(by.succ_opt().unwrap())), 3),
            Some(1)
        );
        assert_eq!(deadline.digit(&Value::Date(None), 3), Some(2));
        // Each digit's value gives the digit back.
        for digit in 0..3 {
            assert_eq!(
                deadline.digit(&deadline.value(digit).unwrap(), 3),
                Some(digit)
            );
        }
        // Counts at or above the radix, and values of another kind, are not held.
        assert_eq!(KeyKind::Count.digit(&Value::Count(15), 16), Some(15));
        assert_eq!(KeyKind::Count.digit(&Value::Count(16), 16), None);
        assert_eq!(KeyKind::Count.digit(&Value::Bool(true), 16), None);
        assert_eq!(KeyKind::Bool.digit(&Value::Count(1), 2), None);
        assert_eq!(KeyKind::Bool.digit(&Value::Bool(true), 2), Some(1));
    }

    #[test]
    fn fixed_changes_are_what_scoring_works_out() {
        let rubric = crate::check::compile(&crate::source::SourceFile::new(
            "t.rule",
            "rubric 表\ntotal 3\nsection 甲 3 {\n  item 乙 3 {\n    fact 数 count \"数\"\n    fact 否 bool \"否\"\n    per 数 -0.5 floor 0\n    if 否 -50% of points floor 0\n    if 否 -50% of score\n  }\n}\n",
        ))
        .rubric
        .expect("the rubric compiles");
        let item = crate::model::items(&rubric.nodes)[0];
        let plan = ItemPlan::compile(
            item,
            SectionKind::Regular,
            Compiler {
                rubric: &rubric,
                tables: true,
            },
        );
        let [per, of_points, of_score] = &plan.clauses[..] else {
            panic!("three clauses")
        };
        assert_eq!(per.times.len(), SMALL_TIMES as usize);
        assert_eq!(per.times[3], Decimal::new(-15, 1));
        assert_eq!(of_points.once, Some(Decimal::new(-15, 1)));
        // A percentage of the running score cannot be worked out in advance.
        assert!(of_score.once.is_none() && of_score.times.is_empty());
        // Two facts: 16 counts × 2 bools.
        assert_eq!(plan.table.as_ref().map(|t| t.index.len()), Some(32));
    }
}
