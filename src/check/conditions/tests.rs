//! The analysis against brute force: random conditions over a few facts of small
//! domains, decided both by the classes of [`super::domain`] and by trying every
//! value of every fact.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::decide::{eval, not, Answer, Atoms};
use super::domain::Val;
use super::{check_item, IDS};
use crate::locale::{has_message, Lang};
use crate::source::SourceFile;
use crate::syntax::ast::{ClauseKind, Item, Node};

/// An item of one clause, `if COND -1`, over the facts every test draws from.
fn item(cond: &str) -> Item {
    let text = format!(
        "rubric t\ntotal 10\nitem 甲 10 {{\n  fact b0 bool\n  fact b1 bool\n  fact c0 count max 3\n  \
         fact c1 count\n  fact p0 percent\n  fact p1 percent\n  fact d0 date\n  \
         fact t tally {{x, y}}\n  if {cond} -1\n}}\n"
    );
    let file = crate::syntax::parse(&SourceFile::new("t.rule", text.as_str()))
        .unwrap_or_else(|d| panic!("`{cond}` does not parse: {:?}", d[0].message));
    match file.nodes.into_iter().next() {
        Some(Node::Item(item)) => item,
        _ => panic!("no item"),
    }
}

/// Every value a fact of the test item may take, within the small ranges the random
/// conditions compare with (above them every value compares alike).
fn brute_domain(name: &str) -> Vec<Val> {
    match name {
        "b0" | "b1" => vec![Val::Bool(false), Val::Bool(true)],
        "c0" => (0..=3).map(Val::Int).collect(),
        "c1" | "t[x]" => (0..=12).map(Val::Int).collect(),
        "p0" | "p1" => (0..=48)
            .map(|q| Val::Pct(Decimal::new(q * 25, 2)))
            .chain([Val::Pct(Decimal::ONE_HUNDRED)])
            .collect(),
        "d0" => std::iter::once(Val::Date(None))
            .chain((0..19).map(|i| {
                let start = NaiveDate::from_ymd_opt(2019, 12, 28).unwrap_or_default();
                Val::Date(start.checked_add_days(chrono::Days::new(i)))
            }))
            .collect(),
        other => panic!("no brute domain for {other}"),
    }
}

/// Whether some values of the atoms make `expr` hold, trying every one.
fn brute(atoms: &Atoms, expr: &super::decide::Expr) -> bool {
    let domains: Vec<Vec<Val>> = atoms
        .keys
        .iter()
        .map(|k| brute_domain(&k.write()))
        .collect();
    let mut values: Vec<Val> = domains.iter().map(|d| d[0]).collect();
    let mut digits = vec![0usize; domains.len()];
    loop {
        for (i, d) in digits.iter().enumerate() {
            values[i] = domains[i][*d];
        }
        if eval(expr, &values) {
            return true;
        }
        let mut i = 0;
        loop {
            if i == digits.len() {
                return false;
            }
            digits[i] += 1;
            if digits[i] < domains[i].len() {
                break;
            }
            digits[i] = 0;
            i += 1;
        }
    }
}

const OPS: &[&str] = &["<", "<=", ">", ">=", "=", "!="];

/// The comparisons and facts a condition over `fact` may be made of.
fn leaf(fact: &'static str) -> BoxedStrategy<String> {
    let op = prop::sample::select(OPS);
    match fact {
        "b0" | "b1" => prop_oneof![
            Just(fact.to_string()),
            Just(format!("{fact} = true")),
            Just(format!("{fact} != false")),
        ]
        .boxed(),
        "c0" => (
            op,
            prop::sample::select(&["0", "1", "2", "3", "4", "1.5"][..]),
        )
            .prop_map(|(op, n)| format!("c0 {op} {n}"))
            .boxed(),
        "c1" | "t[x]" => (op, 0u32..=10, any::<bool>())
            .prop_map(move |(op, n, half)| {
                format!("{fact} {op} {n}{}", if half { ".5" } else { "" })
            })
            .boxed(),
        "p0" | "p1" => (op, 0u32..=10, any::<bool>())
            .prop_map(move |(op, n, half)| {
                format!("{fact} {op} {n}{}%", if half { ".5" } else { "" })
            })
            .boxed(),
        "d0" => (op, 1u32..=11)
            .prop_map(|(op, d)| format!("d0 {op} 2020-01-{d:02}"))
            .boxed(),
        "c0c1" => op.prop_map(|op| format!("c0 {op} c1")).boxed(),
        "p0p1" => op.prop_map(|op| format!("p0 {op} p1")).boxed(),
        other => panic!("no leaf for {other}"),
    }
}

/// Random conditions over at most three facts of the test item.
fn condition() -> impl Strategy<Value = String> {
    let pool = vec![
        "b0", "b1", "c0", "c1", "t[x]", "p0", "p1", "d0", "c0c1", "p0p1",
    ];
    prop::sample::subsequence(pool, 1..=2).prop_flat_map(|facts| {
        let leaves: Vec<BoxedStrategy<String>> = facts.iter().map(|f| leaf(f)).collect();
        let leaf = prop::strategy::Union::new(leaves);
        leaf.prop_recursive(3, 8, 3, |inner| {
            prop_oneof![
                inner.clone().prop_map(|c| format!("not ({c})")),
                prop::collection::vec(inner.clone(), 2..=3)
                    .prop_map(|parts| format!("({})", parts.join(" and "))),
                prop::collection::vec(inner, 2..=3)
                    .prop_map(|parts| format!("({})", parts.join(" or "))),
            ]
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The classes decide what trying every value decides, for a condition and for its
    /// negation, and every example given makes the condition hold.
    #[test]
    fn classes_decide_as_brute_force_does(cond in condition()) {
        let item = item(&cond);
        let ClauseKind::If(c) = &item.clauses[0].kind else { panic!("an if clause") };
        let mut atoms = Atoms::of(&item);
        let expr = atoms.compile(&item, c).expect("the condition compiles");
        for e in [expr.clone(), not(expr)] {
            let expected = brute(&atoms, &e);
            match atoms.example(&e) {
                Answer::Holds(values) => {
                    prop_assert!(expected, "`{}`: classes found {:?}, brute force none", cond, values);
                    let mut all: Vec<Val> = atoms.keys.iter().map(|_| Val::Bool(false)).collect();
                    for (a, v) in values {
                        all[a] = v;
                    }
                    prop_assert!(eval(&e, &all), "`{}`: the example does not hold", cond);
                }
                Answer::Never => prop_assert!(!expected, "`{}`: brute force holds, classes never", cond),
                Answer::TooMany(n) => prop_assert!(false, "`{}`: {} combinations", cond, n),
            }
        }
    }
}

/// The codes `check_item` gives for one condition.
fn codes(cond: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    check_item(&item(cond), &mut out);
    out.iter().map(|d| d.code).collect()
}

#[test]
fn the_mistakes_of_the_issue_are_caught() {
    use crate::diagnostic::codes::{CONDITION_ALWAYS, CONDITION_NEVER};
    assert_eq!(codes("c1 < 0"), [CONDITION_NEVER]);
    assert_eq!(codes("b0 and not b0"), [CONDITION_NEVER]);
    assert_eq!(codes("c0 > 3"), [CONDITION_NEVER]);
    assert_eq!(codes("p0 > 100%"), [CONDITION_NEVER]);
    assert_eq!(codes("c1 >= 0"), [CONDITION_ALWAYS]);
    assert_eq!(codes("b0 or not b0"), [CONDITION_ALWAYS]);
    // A date may be never given: `d0 > X or d0 <= X` fails then.
    assert!(codes("d0 > 2020-01-05 or d0 <= 2020-01-05").is_empty());
    assert!(codes("c1 < 10").is_empty());
    assert!(codes("c0 < c1 and c1 < 2").is_empty());
    assert_eq!(codes("c0 < c1 and c1 < 1"), [CONDITION_NEVER]);
}

#[test]
fn every_message_is_in_both_catalogues() {
    for id in IDS {
        for lang in Lang::ALL {
            assert!(has_message(lang, id), "{id} in {lang:?}");
        }
    }
}
