//! A ranking's scoring (`kaohe::eval::Scorer::summarise`: the items' outcome tables,
//! the raw changes worked out in advance, sections added up in units of 10⁻⁹) against
//! the score sheet (the same interpreter with its trace, none of those), on randomly
//! generated rubrics and random evidence: for every unit, the scorer's
//! summary must be written exactly as `Summary::of` writes the sheet of `evaluate`
//! (to the last digit of every decimal), and `kaohe::eval::summarise` must give the
//! same; when one of them refuses the unit, all of them must refuse it with the same
//! diagnostic code and message.
//!
//! The generator of tests/it/properties.rs reaches most of the shapes below too, but keeps
//! its amounts exact (quarters of a point, whole percentages), so that its independent
//! formulas hold to the last digit. This one reaches the shapes where the scorer's
//! faster sums could part from the sheet's, long percentages and large points among
//! them (an ordering of sums with top-level items was once wrong, and was found by
//! hand):
//!
//! - (a) items at the top level, beside and between sections;
//! - (b) sections nested in sections, up to three deep;
//! - (c) `per` and `missing` on the same set fact, with `except`;
//! - (d) tallies read per member, as a whole, and in conditions;
//! - (e) percents compared with `4%`, `4.5%` and `12.25%` by all six operators;
//! - (f) percentages with many decimals (`-33.33333333333333333333% of score`) and
//!   points up to 1000000000, so that sums round at 28 digits;
//! - (g) `bonus` and `penalty` sections, with caps below and above their items;
//! - (h) `applicable unless`, so that totals are prorated and rounded, and units to
//!   which nothing applies are refused;
//! - (i) arithmetic in comparisons and `per (…) step …` over counts, tallies and
//!   percents, divisors of 0 among them (both ways refuse the unit alike);
//! - (j) `give` a discretionary score (alone and under a condition), and the late gaps
//!   of a `dates` fact counted by `per … over 15 days`;
//! - (k) deductions without `floor` or `max`, which the item's own bound (扣完为止)
//!   keeps at 0 once its clauses have run;
//! - (l) `pooled` first-level sections, whose items go below 0 and whose score is kept
//!   within 0 and its points, and `total … min none` beside a penalty section;
//! - (m) `bonus` and `penalty` sections without a cap (`none`).
//!
//! Every generated rubric is built to pass the checker (warnings, such as an item that
//! can never score 0, are allowed); the few it still refuses are discarded. The test
//! `the_generator_reaches_every_case` measures how often each shape above is produced
//! and how many rubrics compile, and fails if the generator stops reaching them.
//!
//! The property runs 256 cases; set `PROPTEST_CASES` to run more
//! (`PROPTEST_CASES=2000 cargo test --release --test it scorer_random::`).

use crate::common;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use common::unit;
use kaohe::check::{compile, Rubric};
use kaohe::diagnostic::{render_human, HumanStyle};
use kaohe::eval::{evaluate, summarise, Scorer, Summary};
use kaohe::source::SourceFile;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use rust_decimal::Decimal;

/// The six comparison operators.
const OPERATORS: [&str; 6] = ["<", "<=", ">", ">=", "=", "!="];

/// The percentage literals conditions compare with, of different scales.
const PERCENT_LITERALS: [&str; 6] = ["4%", "4.5%", "12.25%", "0%", "100%", "3.99%"];

/// The numbers counts and tally members are compared with.
const NUMBERS: [&str; 6] = ["0", "1", "2", "2.5", "3", "10"];

/// Arithmetic compared with a literal: a ratio (a percentage, its divisor maybe 0), an
/// average, a product of a count and a percentage, a difference of percentages.
const ARITHMETIC: [(&str, &str); 6] = [
    ("数 / 计[子]", "150%"),
    ("(数 + 计[丑] + 计[寅]) / 3", "1.5"),
    ("数 × 比", "0.5"),
    ("100% - 比", "95.5%"),
    ("比 ÷ (数 + 1)", "2.25%"),
    ("数 - 计[子] * 2", "1"),
];

/// The quantities `per (…) step …` counts, with their steps.
const QUANTITIES: [&str; 4] = [
    "per (数 - 1) step 2",
    "per (比 - 4%) step 0.5%",
    "per (数 / 计[丑] - 100%) step 25%",
    "per ((数 + 计[子]) / 2)",
];

/// The dates date facts are compared with, and deadlines.
const DATES: [&str; 4] = ["2020-03-31", "2020-06-30", "2020-12-30", "2020-01-01"];

/// The percentages of effects, many with long fractions.
const PERCENTS: [&str; 12] = [
    "50",
    "33.33333333333333333333",
    "12.34567890123456789",
    "10",
    "14.28571428571428571429",
    "0.5",
    "4.5",
    "66.66666666666666666667",
    "33.33333333333333333333",
    "99.99",
    "12.34567890123456789",
    "100",
];

/// The largest number the language allows (`kaohe::syntax::number`): no points,
/// and so no total, may be larger.
const LARGEST: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// The members of the set fact `集` that every item declares.
const SET_MEMBERS: [&str; 4] = ["甲", "乙", "丙", "丁"];

/// The members of the tally fact `计` that every item declares.
const TALLY_MEMBERS: [&str; 3] = ["子", "丑", "寅"];

/// The facts every generated item declares. Facts a clause does not read are only a
/// warning (`kaohe::name::unused`), which the test allows.
const FACTS: &str = "    fact 是 bool \"是\"
    fact 否 bool \"否\"
    fact 数 count \"数\"
    fact 比 percent \"比\"
    fact 日 date \"日\"
    fact 日二 date \"日二\"
    fact 酌 discretion max 2 \"酌\"
    fact 更 dates \"更\"
    fact 集 set {甲, 乙, 丙, 丁} \"集\"
    fact 计 tally {子, 丑, 寅} \"计\"
";

/// One comparison or fact a condition reads; the numbers pick from the tables above.
#[derive(Debug, Clone)]
struct Atom {
    fact: u8,
    op: u8,
    literal: u8,
    member: u8,
    flip: bool,
}

/// A condition: atoms joined by `not`, `and` and `or`.
#[derive(Debug, Clone)]
enum Cond {
    Atom(Atom),
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
}

/// One clause of an item, before the item decides what it may do.
#[derive(Debug, Clone)]
struct ClauseSeed {
    kind: u8,
    cond: Cond,
    effect: u8,
    amount: Decimal,
    percent: u8,
    floor: u8,
    max: Option<Decimal>,
    unless: Option<Cond>,
    except: u8,
    member: u8,
    deadline: u8,
    two_outcomes: bool,
}

/// The values one item's facts take in the evidence.
#[derive(Debug, Clone)]
struct EvidenceSeed {
    yes: bool,
    no: bool,
    count: u8,
    percent: u8,
    date: u8,
    set: u8,
    tally: [Option<u8>; 3],
}

/// An item: how it scores (`mode`), its amounts, clauses and evidence.
#[derive(Debug, Clone)]
struct ItemSeed {
    mode: u8,
    points: Decimal,
    start: Decimal,
    /// A first clause `if 是 -P% of score floor 0`, with one of the long percentages,
    /// which gives most items a score of 28 digits.
    long: Option<u8>,
    clauses: Vec<ClauseSeed>,
    applicable: Option<Cond>,
    evidence: EvidenceSeed,
}

/// A node of the rubric's tree.
#[derive(Debug, Clone)]
enum Node {
    Item(ItemSeed),
    Section(Vec<Node>),
}

/// A whole rubric: its top-level nodes (each regular, bonus or penalty, with a cap for
/// the latter two), the rubric's `max` and its `round`.
#[derive(Debug, Clone)]
struct RubricSeed {
    top: Vec<(u8, Decimal, Node)>,
    most: Option<Decimal>,
    round: Option<(u8, u8)>,
}

/// A positive amount: small integers, decimals to six places, and large points.
fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (1i64..=20).prop_map(Decimal::from),
        3 => (1i64..1_000_000, 1u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
        2 => prop::sample::select(vec![
            "999000000",
            "999999999.99",
            "123456789.123456789",
            "0.000001",
            "33.333333333333333333",
            "100000000",
        ])
        .prop_map(|t| Decimal::from_str_exact(t).expect("a decimal")),
    ]
}

fn atom() -> impl Strategy<Value = Atom> {
    (0u8..9, 0u8..6, 0u8..6, 0u8..4, any::<bool>()).prop_map(|(fact, op, literal, member, flip)| {
        Atom {
            fact,
            op,
            literal,
            member,
            flip,
        }
    })
}

fn condition() -> impl Strategy<Value = Cond> {
    atom()
        .prop_map(Cond::Atom)
        .prop_recursive(2, 6, 2, |inner| {
            prop_oneof![
                inner.clone().prop_map(|c| Cond::Not(Box::new(c))),
                (inner.clone(), inner.clone())
                    .prop_map(|(a, b)| Cond::And(Box::new(a), Box::new(b))),
                (inner.clone(), inner).prop_map(|(a, b)| Cond::Or(Box::new(a), Box::new(b))),
            ]
        })
}

fn clause() -> impl Strategy<Value = ClauseSeed> {
    (
        (0u8..10, condition(), 0u8..8, amount(), 0u8..12, 0u8..4),
        (
            prop::option::weighted(0.3, amount()),
            prop::option::weighted(0.25, condition()),
            0u8..6,
            0u8..3,
            0u8..3,
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (kind, cond, effect, amount, percent, floor),
                (max, unless, except, member, deadline, two_outcomes),
            )| ClauseSeed {
                kind,
                cond,
                effect,
                amount,
                percent,
                floor,
                max,
                unless,
                except,
                member,
                deadline,
                two_outcomes,
            },
        )
}

fn evidence() -> impl Strategy<Value = EvidenceSeed> {
    (
        // Most bools are true, so that most `if` clauses on them apply.
        prop::bool::weighted(0.75),
        any::<bool>(),
        0u8..8,
        0u8..12,
        0u8..8,
        0u8..16,
        [
            prop::option::of(0u8..4),
            prop::option::of(0u8..4),
            prop::option::of(0u8..4),
        ],
    )
        .prop_map(|(yes, no, count, percent, date, set, tally)| EvidenceSeed {
            yes,
            no,
            count,
            percent,
            date,
            set,
            tally,
        })
}

fn item() -> impl Strategy<Value = ItemSeed> {
    (
        0u8..4,
        amount(),
        prop_oneof![2 => Just(Decimal::ZERO), 1 => amount()],
        prop::option::weighted(0.6, prop::sample::select(vec![1u8, 2, 4, 7])),
        prop::collection::vec(clause(), 0..6),
        prop::option::weighted(0.3, condition()),
        evidence(),
    )
        .prop_map(
            |(mode, points, start, long, clauses, applicable, evidence)| ItemSeed {
                mode,
                points,
                start,
                long,
                clauses,
                applicable,
                evidence,
            },
        )
}

fn node() -> impl Strategy<Value = Node> {
    item()
        .prop_map(Node::Item)
        .prop_recursive(3, 10, 3, |inner| {
            prop::collection::vec(inner, 1..=3).prop_map(Node::Section)
        })
}

fn rubric_seed() -> impl Strategy<Value = RubricSeed> {
    (
        prop::collection::vec(
            (
                0u8..6,
                amount(),
                prop_oneof![item().prop_map(Node::Item), node()],
            ),
            2..=5,
        ),
        prop::option::of(amount()),
        prop::option::of((0u8..5, 0u8..4)),
    )
        .prop_map(|(top, most, round)| RubricSeed { top, most, round })
}

/// What kind of section an item stands in: how it may score.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Regular,
    Bonus,
    Penalty,
}

/// Which of the cases (a) to (j) of the module's comment a rubric reaches.
#[derive(Debug, Default, Clone)]
struct Coverage {
    top_item: bool,
    nested: bool,
    per_and_missing_with_except: bool,
    tally_per_member_and_condition: bool,
    percent_comparisons: BTreeSet<(&'static str, &'static str)>,
    long_percent: bool,
    large_points: bool,
    bonus_and_penalty: bool,
    applicable_unless: bool,
    give: bool,
    dates: bool,
    arithmetic: bool,
    quantity: bool,
    pooled: bool,
    min_none: bool,
    uncapped: bool,
}

/// A generated rubric and unit, rendered.
struct Rendered {
    rule: String,
    evidence: String,
    coverage: Coverage,
}

/// Renders seeds into rule text and evidence, keeping each item within its bounds so
/// that the checker accepts the rubric.
struct Renderer {
    rule: String,
    evidence: String,
    items: usize,
    sections: usize,
    coverage: Coverage,
    /// The points of every item written so far, which must stay within [`LARGEST`].
    used: Decimal,
    /// Whether large amounts are made smaller (see [`Renderer::amount`]).
    small: bool,
    /// Whether the next first-level section is written `pooled`.
    pool_next: bool,
}

impl Renderer {
    /// An amount as written, or, for an item rendered again because its points would
    /// take the rubric beyond the largest number the language allows, made smaller.
    fn amount(&self, x: Decimal) -> Decimal {
        if self.small && x > Decimal::ONE_THOUSAND {
            x / Decimal::from(1_000_000)
        } else {
            x
        }
    }

    fn atom(&mut self, a: &Atom, item: &mut ItemFlags) -> String {
        let op = OPERATORS[a.op as usize];
        let (fact, literal) = match a.fact {
            0 | 1 => {
                let fact = if a.fact == 0 { "是" } else { "否" };
                match a.op % 3 {
                    0 => return fact.to_string(),
                    1 => (fact.to_string(), "true"),
                    _ => (fact.to_string(), "false"),
                }
            }
            2 => {
                let fact = format!("集[{}]", SET_MEMBERS[a.member as usize % 4]);
                match a.op % 3 {
                    0 => return fact,
                    1 => (fact, "true"),
                    _ => (fact, "false"),
                }
            }
            3 => ("数".to_string(), NUMBERS[a.literal as usize]),
            4 => {
                item.tally_condition = true;
                (
                    format!("计[{}]", TALLY_MEMBERS[a.member as usize % 3]),
                    NUMBERS[a.literal as usize],
                )
            }
            5 | 6 => {
                let literal = PERCENT_LITERALS[a.literal as usize];
                self.coverage.percent_comparisons.insert((op, literal));
                ("比".to_string(), literal)
            }
            8 => {
                self.coverage.arithmetic = true;
                let (expression, literal) = ARITHMETIC[a.literal as usize];
                (expression.to_string(), literal)
            }
            _ => ("日".to_string(), DATES[a.literal as usize % 4]),
        };
        // Yes-or-no facts compare with `=` and `!=` only.
        let op = if a.fact <= 2 {
            ["=", "!="][a.op as usize % 2]
        } else {
            op
        };
        if a.flip {
            format!("{literal} {op} {fact}")
        } else {
            format!("{fact} {op} {literal}")
        }
    }

    fn condition(&mut self, c: &Cond, item: &mut ItemFlags) -> String {
        match c {
            Cond::Atom(a) => self.atom(a, item),
            Cond::Not(c) => format!("not ({})", self.condition(c, item)),
            Cond::And(a, b) => format!(
                "({} and {})",
                self.condition(a, item),
                self.condition(b, item)
            ),
            Cond::Or(a, b) => format!(
                "({} or {})",
                self.condition(a, item),
                self.condition(b, item)
            ),
        }
    }

    /// Renders one clause of an item of `kind`. `free` is what deductions without a
    /// floor may still take (none once a floored deduction has run), and `awarded` the
    /// most the awards so far can give; both keep the item within its bounds.
    // The clause's seed, where it stands and what it may read: the generator's state
    // is passed along rather than gathered into a struct used nowhere else.
    #[allow(clippy::too_many_arguments)]
    fn clause(
        &mut self,
        c: &ClauseSeed,
        kind: Kind,
        can_earn: bool,
        start: Decimal,
        free: &mut Option<Decimal>,
        awarded: &mut Decimal,
        item: &mut ItemFlags,
    ) -> String {
        let amount = self.amount(c.amount);
        let max = c.max.map(|m| self.amount(m));
        // What the clause reads, and whether it applies at most once.
        let (head, once) = match c.kind {
            0..=2 => (format!("if {}", self.condition(&c.cond, item)), true),
            // Now and then the gaps of a `dates` fact, counted as a count is.
            3 if c.except == 1 => {
                item.dates = true;
                ("per 更 over 15 days".to_string(), false)
            }
            3 => ("per 数".to_string(), false),
            4 | 5 => {
                let except = match c.except {
                    0 => " except 甲".to_string(),
                    1 => " except {乙、丁}".to_string(),
                    _ => String::new(),
                };
                if !except.is_empty() {
                    item.except = true;
                }
                if c.kind == 4 {
                    item.per_set = true;
                    (format!("per 集{except}"), false)
                } else {
                    item.missing_set = true;
                    (format!("missing 集{except}"), false)
                }
            }
            6 => {
                item.per_tally_member = true;
                (
                    format!("per 计[{}]", TALLY_MEMBERS[c.member as usize]),
                    false,
                )
            }
            7 => ("per 计".to_string(), false),
            // A deadline over two dates now and then.
            _ if c.except == 0 => (
                format!("deadline {{日, 日二}} by {}", DATES[c.deadline as usize]),
                true,
            ),
            9 => {
                self.coverage.quantity = true;
                (QUANTITIES[c.member as usize % 4].to_string(), false)
            }
            _ => (
                format!("deadline 日 by {}", DATES[c.deadline as usize]),
                true,
            ),
        };
        // Now and then a deduction is a `give` (the points withheld of 2, each −1),
        // alone or under the clause's condition, with the modifiers of any deduction.
        // One `give` an item: its score belongs to that clause alone.
        let give =
            c.kind == 3 && c.except == 2 && !item.give && !(can_earn && c.effect.is_multiple_of(2));
        let head = if give {
            item.give = true;
            if c.two_outcomes {
                format!("if {} give 酌", self.condition(&c.cond, item))
            } else {
                "give 酌".to_string()
            }
        } else {
            head
        };
        let percent = PERCENTS[c.percent as usize];
        if percent.len() > 10 {
            item.long_percent = true;
        }
        let unless = |r: &mut Self, item: &mut ItemFlags| match &c.unless {
            Some(u) => format!(" unless {}", r.condition(u, item)),
            None => String::new(),
        };
        // Bonus items and items that start below their points may earn; penalty items
        // and items that start at their points only take.
        let earns = can_earn && c.effect.is_multiple_of(2);
        if earns {
            // An award, limited by its `max` (or its single amount), added to what
            // the item's points must leave room for.
            let (effect, size) = match c.effect / 2 {
                0 if once => (format!("+{}", amount), amount),
                1 => {
                    let m = max.unwrap_or(amount);
                    (format!("+{percent}% of points max {m}"), m)
                }
                // The checker bounds a percentage of the score only when the clause
                // applies once, and by the percentage of the most the score can be
                // before it, whatever the `max`; the points leave room for either.
                2 if once => {
                    let m = max.unwrap_or(amount);
                    let share = Decimal::from_str_exact(percent).expect("a percentage")
                        / Decimal::ONE_HUNDRED
                        * (start + *awarded);
                    (format!("+{percent}% of score max {m}"), m.max(share))
                }
                _ => {
                    let m = max.unwrap_or(amount);
                    (format!("+{} max {m}", amount), m)
                }
            };
            *awarded += size;
            let unless = unless(self, item);
            return format!("{head} {effect}{unless}");
        }
        if kind == Kind::Penalty {
            // Every deduction of a penalty item is limited by its `max` (or its single
            // amount), and the item's points are the sum of those limits.
            let (effect, size) = match c.effect % 4 {
                _ if give => {
                    let m = max.unwrap_or(amount);
                    (format!("max {m}"), m)
                }
                0 if once => ("zero".to_string(), Decimal::ZERO),
                1 if once => (format!("-{}", amount), amount),
                2 => {
                    let m = max.unwrap_or(amount);
                    (format!("-{percent}% of points max {m}"), m)
                }
                _ => {
                    let m = max.unwrap_or(amount);
                    (format!("-{} max {m}", amount), m)
                }
            };
            *awarded += size;
            let unless = unless(self, item);
            return format!("{head} {effect}{unless}");
        }
        // A deduction of a regular or bonus item.
        let effect = match c.effect % 8 {
            _ if give => String::new(),
            1 | 6 => format!("-{percent}% of points"),
            3 | 7 => format!("-{percent}% of score"),
            5 if once => "zero".to_string(),
            _ => format!("-{}", amount),
        };
        if effect == "zero" {
            let unless = unless(self, item);
            return format!("{head} zero{unless}");
        }
        // A deadline may take one amount when late and another when never met.
        let effect = if c.kind == 8 && c.two_outcomes {
            format!("late {effect} never -{percent}% of points")
        } else {
            effect
        };
        let two = effect.contains("never");
        let modifiers = match (*free, c.floor) {
            // A fixed deduction applied once, without a floor, while the item has room.
            (Some(room), 3) if once && !two && !effect.contains('%') && amount <= room => {
                *free = Some(room - amount);
                String::new()
            }
            // A deduction limited by `max`, without a floor, while the item has room.
            (Some(room), 3) if room > Decimal::ZERO && !two && !effect.contains("score") => {
                let m = max.unwrap_or(amount).min(room);
                *free = Some(room - m);
                format!(" max {m}")
            }
            // No limit at all: the item's own bound (扣完为止) keeps it.
            (_, 0) if !two => {
                *free = None;
                String::new()
            }
            _ => {
                *free = None;
                let floor = if c.floor == 1 && kind == Kind::Regular {
                    start / Decimal::TWO
                } else {
                    Decimal::ZERO
                };
                match max {
                    Some(m) if c.floor == 2 => format!(" max {m} floor {floor}"),
                    _ => format!(" floor {floor}"),
                }
            }
        };
        let unless = unless(self, item);
        format!("{head} {effect}{modifiers}{unless}")
    }

    /// Renders an item and its evidence; returns its points. An item that would take
    /// the points of the rubric beyond [`LARGEST`] is rendered again with smaller
    /// amounts.
    fn item(&mut self, seed: &ItemSeed, kind: Kind, depth: usize) -> Decimal {
        let (rule, evidence, coverage) =
            (self.rule.len(), self.evidence.len(), self.coverage.clone());
        let points = self.item_once(seed, kind, depth);
        // Room is kept for the items still to come, made smaller if they must be.
        if self.used + points <= LARGEST - Decimal::from(1_000_000) {
            self.used += points;
            return points;
        }
        self.rule.truncate(rule);
        self.evidence.truncate(evidence);
        self.coverage = coverage;
        self.items -= 1;
        self.small = true;
        let points = self.item_once(seed, kind, depth);
        self.small = false;
        self.used += points;
        points
    }

    fn item_once(&mut self, seed: &ItemSeed, kind: Kind, depth: usize) -> Decimal {
        self.items += 1;
        let name = format!("项{}", self.items);
        let mut flags = ItemFlags::default();
        // A regular item of mode 0 or 1 starts at its points and only takes; of mode
        // 2 or 3 it starts at `start` (often 0) and its points leave room for awards.
        let deducts = kind == Kind::Regular && seed.mode < 2;
        let start = match kind {
            Kind::Regular if deducts => self.amount(seed.points),
            Kind::Regular => self.amount(seed.start),
            _ => Decimal::ZERO,
        };
        let mut free = match kind {
            Kind::Penalty => None,
            _ => Some(start),
        };
        let mut awarded = Decimal::ZERO;
        let can_earn = kind == Kind::Bonus || (kind == Kind::Regular && !deducts);
        let mut lines: Vec<String> = seed
            .long
            .filter(|_| kind != Kind::Penalty)
            .map(|p| {
                flags.long_percent = true;
                format!("if 是 -{}% of score floor 0", PERCENTS[p as usize])
            })
            .into_iter()
            .collect();
        if !lines.is_empty() {
            // Deductions without a floor may no longer follow.
            free = None;
        }
        lines.extend(seed.clauses.iter().map(|c| {
            self.clause(
                c,
                kind,
                can_earn,
                start,
                &mut free,
                &mut awarded,
                &mut flags,
            )
        }));
        let points = match kind {
            Kind::Regular if deducts => self.amount(seed.points),
            _ => {
                let p = start + awarded + self.amount(seed.points) * Decimal::from(seed.mode % 2);
                if p.is_zero() {
                    self.amount(seed.points)
                } else {
                    p
                }
            }
        };
        if points >= Decimal::from(100_000_000) {
            self.coverage.large_points = true;
        }
        // Only items of the regular sections may be not applicable.
        let applicable = seed
            .applicable
            .as_ref()
            .filter(|_| kind == Kind::Regular)
            .map(|c| format!("    applicable unless {}\n", self.condition(c, &mut flags)));
        if applicable.is_some() {
            self.coverage.applicable_unless = true;
        }
        if depth == 0 {
            self.coverage.top_item = true;
        }
        self.coverage.per_and_missing_with_except |=
            flags.per_set && flags.missing_set && flags.except;
        self.coverage.tally_per_member_and_condition |=
            flags.per_tally_member && flags.tally_condition;
        self.coverage.long_percent |= flags.long_percent;
        self.coverage.give |= flags.give;
        self.coverage.dates |= flags.dates;
        let indent = "  ".repeat(depth);
        writeln!(self.rule, "{indent}item {name} {points} {{").unwrap();
        self.rule.push_str(FACTS);
        if kind == Kind::Regular && !deducts {
            writeln!(self.rule, "    start {start}").unwrap();
        }
        if let Some(a) = applicable {
            self.rule.push_str(&a);
        }
        for line in lines {
            writeln!(self.rule, "    {line}").unwrap();
        }
        writeln!(self.rule, "{indent}}}").unwrap();
        self.unit(&name, &seed.evidence);
        points
    }

    /// Writes the evidence of one item.
    fn unit(&mut self, name: &str, e: &EvidenceSeed) {
        const COUNTS: [&str; 8] = ["0", "1", "2", "3", "5", "10", "1000", "0"];
        const PERCENT_VALUES: [&str; 12] = [
            "4",
            "4.5",
            "12.25",
            "3.99",
            "0",
            "100",
            "4.0",
            "12.2500",
            "\"4.5%\"",
            "\"12.25 %\"",
            "4.49",
            "12.26",
        ];
        // The updates of the `dates` fact: none, on time, and late now and then.
        const UPDATES: [&str; 4] = [
            "",
            "2020-01-15, 2020-01-30, 2020-02-10",
            "2020-12-20, 2020-06-30, 2020-07-10, 2020-12-31",
            "2020-01-01, 2020-01-16, 2020-02-01, 2020-03-01",
        ];
        const DATE_VALUES: [&str; 8] = [
            "2020-03-31",
            "2020-04-01",
            "2020-06-30",
            "2020-07-01",
            "2020-12-30",
            "2020-12-31",
            "2020-01-01",
            "false",
        ];
        let set: Vec<String> = SET_MEMBERS
            .iter()
            .enumerate()
            .filter(|(i, _)| e.set & (1 << i) != 0)
            .map(|(_, m)| format!("\"{m}\""))
            .collect();
        let tally: Vec<String> = TALLY_MEMBERS
            .iter()
            .zip(e.tally)
            .filter_map(|(m, n)| n.map(|n| format!("\"{m}\" = {n}")))
            .collect();
        write!(
            self.evidence,
            "[\"{name}\"]\n\"是\" = {}\n\"否\" = {}\n\"数\" = {}\n\"比\" = {}\n\"日\" = {}\n\"日二\" = {}\n\"酌\" = {{ score = {}, reason = \"理由\" }}\n\"更\" = [{}]\n\"集\" = [{}]\n\"计\" = {{ {} }}\n",
            e.yes,
            e.no,
            COUNTS[e.count as usize],
            PERCENT_VALUES[e.percent as usize],
            DATE_VALUES[e.date as usize],
            // The second date, another of the same values.
            DATE_VALUES[(e.date as usize + e.count as usize) % DATE_VALUES.len()],
            ["0", "0.5", "1.25", "2"][e.count as usize % 4],
            UPDATES[e.percent as usize % UPDATES.len()],
            set.join(", "),
            tally.join(", "),
        )
        .unwrap();
    }

    /// Renders a node; returns its points.
    fn node(&mut self, node: &Node, kind: Kind, depth: usize) -> Decimal {
        match node {
            Node::Item(seed) => self.item(seed, kind, depth),
            Node::Section(children) => {
                if depth >= 1 {
                    self.coverage.nested = true;
                }
                self.sections += 1;
                let name = format!("节{}", self.sections);
                // The section's points are its children's, known once they are written.
                let at = self.rule.len();
                let mut points = Decimal::ZERO;
                for child in children {
                    points += self.node(child, kind, depth + 1);
                }
                let indent = "  ".repeat(depth);
                let pooled = if depth == 0 && std::mem::take(&mut self.pool_next) {
                    self.coverage.pooled = true;
                    " pooled"
                } else {
                    ""
                };
                self.rule
                    .insert_str(at, &format!("{indent}section {name} {points}{pooled} {{\n"));
                writeln!(self.rule, "{indent}}}").unwrap();
                points
            }
        }
    }
}

/// What one item does, for [`Coverage`].
#[derive(Default)]
struct ItemFlags {
    per_set: bool,
    missing_set: bool,
    except: bool,
    per_tally_member: bool,
    tally_condition: bool,
    long_percent: bool,
    give: bool,
    dates: bool,
}

/// Renders a rubric seed into rule text and the evidence of one unit.
fn render(seed: &RubricSeed) -> Rendered {
    let mut r = Renderer {
        rule: String::new(),
        evidence: "unit = \"单位\"\n".to_string(),
        items: 0,
        sections: 0,
        coverage: Coverage::default(),
        used: Decimal::ZERO,
        small: false,
        pool_next: false,
    };
    let mut total = Decimal::ZERO;
    let (mut bonus, mut penalty) = (false, false);
    for (i, (seed_kind, cap, node)) in seed.top.iter().enumerate() {
        // The first node is always regular, so that the points add up to a total.
        let kind = match seed_kind {
            4 if i > 0 => Kind::Bonus,
            5 if i > 0 => Kind::Penalty,
            _ => Kind::Regular,
        };
        match kind {
            Kind::Regular => {
                // Some first-level sections pool their items' limits (they need an
                // item that can go below 0, which most have).
                r.pool_next = matches!(*seed_kind, 2 | 3);
                total += r.node(node, kind, 0);
                r.pool_next = false;
            }
            Kind::Bonus | Kind::Penalty => {
                let word = if kind == Kind::Bonus {
                    bonus = true;
                    "bonus"
                } else {
                    penalty = true;
                    "penalty"
                };
                r.sections += 1;
                // Every other one is without a cap (`none`): its items' sum as it is.
                if i % 2 == 0 {
                    r.coverage.uncapped = true;
                    writeln!(r.rule, "{word} 节{} none {{", r.sections).unwrap();
                } else {
                    writeln!(r.rule, "{word} 节{} {cap} {{", r.sections).unwrap();
                }
                match node {
                    Node::Item(_) => {
                        r.node(node, kind, 1);
                    }
                    Node::Section(children) => {
                        for child in children {
                            r.node(child, kind, 1);
                        }
                    }
                }
                writeln!(r.rule, "}}").unwrap();
            }
        }
    }
    r.coverage.bonus_and_penalty = bonus && penalty;
    let mut header = format!("rubric 表\ntotal {total}");
    if let Some(most) = seed.most {
        write!(header, " max {}", (total + most).min(LARGEST)).unwrap();
    }
    // A total without a lowest, where a penalty section can take it below 0.
    if penalty && seed.top.first().is_some_and(|(k, _, _)| k % 2 == 1) {
        header.push_str(" min none");
        r.coverage.min_none = true;
    }
    header.push_str("\nyear 2020\n");
    if let Some((places, mode)) = seed.round {
        let mode = ["half-up", "half-even", "up", "down"][mode as usize];
        writeln!(header, "round {places} {mode}").unwrap();
    }
    Rendered {
        rule: header + &r.rule,
        evidence: r.evidence,
        coverage: r.coverage,
    }
}

/// Compiles a rule text; `None` if the checker finds an error. Warnings are allowed.
fn compiled(text: &str) -> Result<Rubric, String> {
    let checked = compile(&SourceFile::new("random.rule", text));
    if checked.has_errors() {
        return Err(checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| render_human(d, HumanStyle::Plain))
            .collect());
    }
    checked.rubric.ok_or_else(|| "no rubric".to_string())
}

/// The number of cases: 256, or `PROPTEST_CASES`.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        // A generated rubric the checker refuses is discarded; the generator avoids
        // that, so few are expected.
        max_global_rejects: cases / 4 + 8,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_scorer_scores_as_evaluate(seed in rubric_seed()) {
        let rendered = render(&seed);
        let rubric = compiled(&rendered.rule);
        prop_assume!(rubric.is_ok());
        let rubric = rubric.unwrap();
        let unit = unit(&rubric, &rendered.evidence).unwrap_or_else(|ds| {
            panic!(
                "invalid evidence {ds:?}\n{}\n{}",
                rendered.rule, rendered.evidence
            )
        });
        let refused = |e: kaohe::diagnostic::Diagnostic| (e.code.to_string(), e.message);
        let compiled = Scorer::new(&rubric).summarise(&unit).map_err(refused);
        let expected = evaluate(&rubric, &unit)
            .map(|sheet| Summary::of(&rubric, &sheet))
            .map_err(refused);
        prop_assert_eq!(
            format!("{compiled:?}"),
            format!("{expected:?}"),
            "the scorer and evaluate differ on\n{}\n{}",
            rendered.rule,
            rendered.evidence
        );
        let summarised = summarise(&rubric, &unit).map_err(refused);
        prop_assert_eq!(
            format!("{summarised:?}"),
            format!("{expected:?}"),
            "summarise and evaluate differ on\n{}\n{}",
            rendered.rule,
            rendered.evidence
        );
    }
}

/// The generator reaches each case of the module's comment, and the checker accepts
/// most of what it writes: 400 rubrics drawn with a fixed seed.
#[test]
fn the_generator_reaches_every_case() {
    let mut runner = TestRunner::deterministic();
    let strategy = rubric_seed();
    let drawn = 400;
    let mut compiled_count = 0;
    let mut counts = [0usize; 12];
    let mut percent_comparisons = BTreeSet::new();
    let mut first_error = None;
    let mut refusals = std::collections::BTreeMap::new();
    for _ in 0..drawn {
        let seed = strategy.new_tree(&mut runner).expect("a rubric").current();
        let rendered = render(&seed);
        match compiled(&rendered.rule) {
            Ok(_) => compiled_count += 1,
            Err(e) => {
                for line in e.lines().filter(|l| l.starts_with("kaohe::")) {
                    *refusals.entry(line.to_string()).or_insert(0usize) += 1;
                }
                first_error.get_or_insert_with(|| format!("{e}\n{}", rendered.rule));
            }
        }
        let c = &rendered.coverage;
        let reached = [
            c.top_item,
            c.nested,
            c.per_and_missing_with_except,
            c.tally_per_member_and_condition,
            !c.percent_comparisons.is_empty(),
            c.long_percent && c.large_points,
            c.bonus_and_penalty,
            c.applicable_unless,
            c.arithmetic && c.quantity,
            c.give && c.dates,
            c.pooled && c.min_none,
            c.uncapped,
        ];
        for (count, hit) in counts.iter_mut().zip(reached) {
            *count += usize::from(hit);
        }
        percent_comparisons.extend(c.percent_comparisons.iter().copied());
    }
    eprintln!(
        "compiled {compiled_count} of {drawn}; rubrics reaching (a)..(j), (l), (m): {counts:?}; \
         percent comparisons: {} of {}; refused for {refusals:?}",
        percent_comparisons.len(),
        OPERATORS.len() * PERCENT_LITERALS.len()
    );
    if let Some(e) = &first_error {
        eprintln!("first refused:\n{e}");
    }
    assert!(
        compiled_count * 10 >= drawn * 8,
        "only {compiled_count} of {drawn} rubrics compile; the first refused: {first_error:?}"
    );
    for (case, count) in "abcdefghijlm".chars().zip(counts) {
        assert!(
            count * 20 >= drawn,
            "case ({case}) reached by {count} of {drawn} rubrics only"
        );
    }
    for op in OPERATORS {
        for literal in ["4%", "4.5%", "12.25%"] {
            assert!(
                percent_comparisons.contains(&(op, literal)),
                "no rubric compares a percent with `{op} {literal}`"
            );
        }
    }
}
