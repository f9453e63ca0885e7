//! Range analysis of arithmetic: the values an expression can take, worked out by
//! interval arithmetic over the bounds of the facts it reads (a `count max`, a
//! `number max`, a `percent max`, a discretionary score's `max`), and so the most
//! times a `per` over a quantity can apply. A fact without a bound gives an
//! unbounded range, which the clause's `max` (or the item's bounds) must then cap.

use rust_decimal::Decimal;

use crate::span::Spanned;
use crate::syntax::ast::*;

/// The values an expression can take: `None` for no bound on that side. A percentage
/// is the fraction it stands for, as evaluation works it out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub lo: Option<Decimal>,
    pub hi: Option<Decimal>,
}

impl Range {
    fn exactly(v: Decimal) -> Range {
        Range {
            lo: Some(v),
            hi: Some(v),
        }
    }

    const ANY: Range = Range { lo: None, hi: None };

    fn from_zero(hi: Option<Decimal>) -> Range {
        Range {
            lo: Some(Decimal::ZERO),
            hi,
        }
    }

    fn non_negative(self) -> bool {
        self.lo.is_some_and(|l| l >= Decimal::ZERO)
    }
}

/// The most times a `per` over a quantity can apply: whole steps of the largest value,
/// or the largest value itself without a step; `None` when it has no bound.
pub fn quantity_times(
    item: &Item,
    quantity: &Arith<Operand>,
    step: Option<&Spanned<Literal>>,
) -> Option<Decimal> {
    let hi = range(item, quantity).hi?;
    if hi <= Decimal::ZERO {
        return Some(Decimal::ZERO);
    }
    match step.map(|s| s.node.clone()) {
        Some(Literal::Percent(p)) if p > Decimal::ZERO => {
            hi.checked_div(p / Decimal::ONE_HUNDRED).map(|q| q.floor())
        }
        Some(Literal::Number(n)) if n > Decimal::ZERO => hi.checked_div(n).map(|q| q.floor()),
        _ => Some(hi),
    }
}

/// The most times `per` over a `number` or `percent` fact multiplies its effect by.
pub fn proportion_times(ty: &FactType) -> Option<Option<Decimal>> {
    match ty {
        FactType::Number { max } => Some(max.as_ref().map(|m| m.node)),
        FactType::Percent { max } => Some(Some(
            max.as_ref().map_or(Decimal::ONE_HUNDRED, |m| m.node) / Decimal::ONE_HUNDRED,
        )),
        _ => None,
    }
}

/// The values an expression can take.
pub fn range(item: &Item, a: &Arith<Operand>) -> Range {
    match &a.kind {
        ArithKind::Leaf(leaf) => leaf_range(item, leaf),
        ArithKind::Binary { op, left, right } => {
            let l = range(item, left);
            let r = range(item, right);
            match op.node {
                ArithOp::Add => Range {
                    lo: l.lo.zip(r.lo).and_then(|(a, b)| a.checked_add(b)),
                    hi: l.hi.zip(r.hi).and_then(|(a, b)| a.checked_add(b)),
                },
                ArithOp::Sub => Range {
                    lo: l.lo.zip(r.hi).and_then(|(a, b)| a.checked_sub(b)),
                    hi: l.hi.zip(r.lo).and_then(|(a, b)| a.checked_sub(b)),
                },
                ArithOp::Mul if l.non_negative() && r.non_negative() => Range {
                    lo: l.lo.zip(r.lo).and_then(|(a, b)| a.checked_mul(b)),
                    hi: l.hi.zip(r.hi).and_then(|(a, b)| a.checked_mul(b)),
                },
                ArithOp::Mul => match (l.lo, l.hi, r.lo, r.hi) {
                    (Some(a), Some(b), Some(c), Some(d)) => corners([a * c, a * d, b * c, b * d]),
                    _ => Range::ANY,
                },
                ArithOp::Div => {
                    // A divisor of 0 refuses the unit, so a whole number divides by 1
                    // or more; any other divisor may come as near 0 as it likes.
                    let lowest = match r.lo {
                        Some(lo) if lo > Decimal::ZERO => Some(lo),
                        Some(lo) if lo.is_zero() && whole(item, right) => Some(Decimal::ONE),
                        _ => None,
                    };
                    match lowest {
                        Some(lowest) if l.non_negative() => Range {
                            lo: Some(match r.hi {
                                Some(h) => {
                                    l.lo.unwrap_or_default().checked_div(h).unwrap_or_default()
                                }
                                None => Decimal::ZERO,
                            }),
                            hi: l.hi.and_then(|h| h.checked_div(lowest)),
                        },
                        _ => Range::ANY,
                    }
                }
            }
        }
    }
}

fn corners(values: [Decimal; 4]) -> Range {
    let lo = values.iter().copied().min();
    let hi = values.iter().copied().max();
    Range { lo, hi }
}

/// Whether an expression's values are whole numbers (a count, a tally's count,
/// periods counted, a whole literal).
fn whole(item: &Item, a: &Arith<Operand>) -> bool {
    match a.leaf() {
        Some(Operand::Periods { .. }) => true,
        Some(Operand::Literal(l)) => matches!(l.node, Literal::Number(n) if n.fract().is_zero()),
        Some(Operand::Fact(p)) => matches!(
            fact_type(item, p),
            Some(FactType::Count { .. } | FactType::Tally(_))
        ),
        _ => false,
    }
}

fn fact_type<'a>(item: &'a Item, path: &FactPath) -> Option<&'a FactType> {
    item.facts
        .iter()
        .find(|f| f.name.node == path.fact.node)
        .map(|f| &f.ty.node)
}

fn leaf_range(item: &Item, leaf: &Operand) -> Range {
    match leaf {
        Operand::Literal(l) => match l.node {
            Literal::Number(n) => Range::exactly(n),
            Literal::Percent(p) => Range::exactly(p / Decimal::ONE_HUNDRED),
            _ => Range::ANY,
        },
        Operand::Periods { .. } => Range::from_zero(None),
        Operand::Arith(a) => range(item, a),
        Operand::Fact(p) => match (fact_type(item, p), &p.member) {
            (Some(FactType::Count { max }), _) => {
                Range::from_zero(max.as_ref().map(|m| Decimal::from(m.node)))
            }
            (Some(FactType::Number { max }), _) => Range::from_zero(max.as_ref().map(|m| m.node)),
            (Some(FactType::Percent { max }), _) => Range::from_zero(Some(
                max.as_ref().map_or(Decimal::ONE_HUNDRED, |m| m.node) / Decimal::ONE_HUNDRED,
            )),
            (Some(FactType::Discretion { max }), _) => Range::from_zero(Some(max.node)),
            (Some(FactType::Tally(_)), _) => Range::from_zero(None),
            _ => Range::ANY,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn item(text: &str) -> Item {
        let file = crate::syntax::parse(&SourceFile::new("t.rule", text.to_string())).unwrap();
        match file.nodes.into_iter().next() {
            Some(Node::Item(i)) => i,
            _ => panic!("no item"),
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn bounded_facts_bound_their_ratio_and_steps() {
        // 公开数 ≤ 300, 应公开数 a count (≥ 1 when divided by): the ratio is at most
        // 300 (30000%); less 130% leaves 298.7, which holds 1493 steps of 20%.
        let i = item(
            "item 甲 5 { fact 公开数 count max 300\n fact 应公开数 count\n per (公开数 / 应公开数 - 130%) step 20% +1 max 3 }",
        );
        let ClauseKind::Quantity { quantity, step } = &i.clauses[0].kind else {
            panic!()
        };
        let r = range(&i, quantity);
        assert_eq!(r.hi, Some(d("298.7")));
        assert_eq!(r.lo, Some(d("-1.3")));
        assert_eq!(quantity_times(&i, quantity, step.as_ref()), Some(d("1493")));
    }

    #[test]
    fn unbounded_facts_give_unbounded_ranges() {
        let i =
            item("item 甲 5 { fact 甲数 number\n fact 乙数 number max 4\n per (甲数 + 乙数) -1 }");
        let ClauseKind::Quantity { quantity, step } = &i.clauses[0].kind else {
            panic!()
        };
        assert_eq!(range(&i, quantity).hi, None);
        assert_eq!(quantity_times(&i, quantity, step.as_ref()), None);
        // A number divided by a number may come near 0: no bound.
        let i = item(
            "item 甲 5 { fact 甲数 number max 4\n fact 乙数 number max 4\n per (甲数 / 乙数) -1 }",
        );
        let ClauseKind::Quantity { quantity, .. } = &i.clauses[0].kind else {
            panic!()
        };
        assert_eq!(range(&i, quantity).hi, None);
    }

    #[test]
    fn averages_stay_within_their_parts() {
        let i = item(
            "item 甲 5 { fact 一 discretion max 10\n fact 二 discretion max 10\n per ((一 + 二) / 2) step 5 +1 }",
        );
        let ClauseKind::Quantity { quantity, step } = &i.clauses[0].kind else {
            panic!()
        };
        assert_eq!(
            range(&i, quantity),
            Range {
                lo: Some(d("0")),
                hi: Some(d("10"))
            }
        );
        assert_eq!(quantity_times(&i, quantity, step.as_ref()), Some(d("2")));
    }
}
