//! The range of scores an item can reach, worked out from its clauses and the domains
//! of its facts, and the diagnostics when that range leaves 0 to the item's points.
//!
//! The analysis treats every condition as free (it may hold or not) and every count as
//! anywhere in its domain: a `count` is unbounded unless declared `count max N`, a set
//! is bounded by its enumeration. That over-approximates what evidence can produce, so
//! "can never reach" warnings are certain and "can exceed" errors are safe.

use rust_decimal::Decimal;

use crate::diagnostic::{codes, Diagnostic};
use crate::syntax::ast::*;

/// A closed range of scores; `None` is unbounded on that side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: Option<Decimal>,
    pub hi: Option<Decimal>,
}

/// How many times a `per` or `missing` clause can apply: from 0 to `hi` (None: no limit).
fn count_range(item: &Item, kind: &ClauseKind) -> Option<Decimal> {
    let (path, except, missing) = match kind {
        ClauseKind::Per { fact, except } => (fact, except, false),
        ClauseKind::Missing { fact, except } => (fact, except, true),
        _ => return Some(Decimal::ONE),
    };
    let fact = item.facts.iter().find(|f| f.name.node == path.fact.node)?;
    match (&fact.ty.node, &path.member) {
        (FactType::Count { max }, _) => max.as_ref().map(|m| Decimal::from(m.node)),
        (FactType::Set(members), None) => {
            let n = members
                .iter()
                .filter(|m| !except.iter().any(|e| e.node == m.name.node))
                .count();
            Some(Decimal::from(n))
        }
        (FactType::Tally(_), _) => None,
        _ if missing => Some(Decimal::ZERO),
        _ => None,
    }
}

fn mul(a: Decimal, b: Option<Decimal>) -> Option<Decimal> {
    b.map(|b| a * b)
}

/// Works out the item's range clause by clause and reports where it leaves bounds.
pub fn check_item(item: &Item, out: &mut Vec<Diagnostic>) -> Interval {
    let points = item.points.node;
    let start = item.start.as_ref().map_or(points, |s| s.node);
    let mut lo: Option<Decimal> = Some(start);
    let mut hi: Option<Decimal> = Some(start);
    let mut can_zero = false;
    let mut reported_negative = false;
    let mut reported_exceed = false;

    for clause in &item.clauses {
        let n_hi = count_range(item, &clause.kind);
        let counted = matches!(
            clause.kind,
            ClauseKind::Per { .. } | ClauseKind::Missing { .. }
        );
        let times = if counted { n_hi } else { Some(Decimal::ONE) };
        let (new_lo, new_hi) = match clause.effect.node {
            Effect::Zero => {
                can_zero = true;
                continue;
            }
            Effect::Points(_)
            | Effect::Percent {
                base: PercentBase::Points,
                ..
            } => {
                let unit = match clause.effect.node {
                    Effect::Points(u) => u,
                    Effect::Percent { percent, .. } => percent / Decimal::ONE_HUNDRED * points,
                    Effect::Zero => Decimal::ZERO,
                };
                if unit < Decimal::ZERO && -unit > points {
                    out.push(
                        Diagnostic::warning(
                            codes::CLAUSE_EXCEEDS,
                            format!("one clause takes {} from an item worth {}", (-unit).normalize(), points),
                        )
                        .primary(clause.effect.span, format!("takes {}", (-unit).normalize()))
                        .label(item.points.span, format!("the item is worth {points}"))
                        .help("check the deduction against the table; a deduction of everything is written `zero` (不得分)"),
                    );
                }
                let mut d_lo = if unit < Decimal::ZERO {
                    mul(unit, times)
                } else {
                    Some(Decimal::ZERO)
                };
                let mut d_hi = if unit > Decimal::ZERO {
                    mul(unit, times)
                } else {
                    Some(Decimal::ZERO)
                };
                if let Some(max) = &clause.max {
                    d_lo = Some(d_lo.map_or(-max.node, |d| d.max(-max.node)));
                    d_hi = Some(d_hi.map_or(max.node, |d| d.min(max.node)));
                }
                let floor = clause.floor.as_ref().map(|f| f.node);
                (apply(lo, d_lo, floor), add(hi, d_hi))
            }
            Effect::Percent {
                percent,
                base: PercentBase::Score,
            } => {
                let p = percent / Decimal::ONE_HUNDRED;
                // The factor the score is multiplied by, from `1 + p × times` to 1.
                let f_far = times.map(|t| Decimal::ONE + p * t);
                let floor = clause.floor.as_ref().map(|f| f.node);
                if p < Decimal::ZERO {
                    let lowered = match (lo, f_far) {
                        (Some(l), Some(f)) => Some(if f >= Decimal::ZERO {
                            l * f
                        } else {
                            hi.map_or(l * f, |h| h * f)
                        }),
                        _ => None,
                    };
                    let new_lo = match floor {
                        Some(fl) => Some(lowered.map_or(lo.unwrap_or(fl).min(fl), |v| {
                            v.max(lo.unwrap_or(fl).min(fl))
                        })),
                        None => lowered,
                    };
                    (new_lo, hi)
                } else {
                    (
                        lo,
                        match (hi, f_far) {
                            (Some(h), Some(f)) => Some(h * f),
                            _ => None,
                        },
                    )
                }
            }
        };
        lo = new_lo;
        hi = new_hi;
        if lo.is_none_or(|l| l < Decimal::ZERO) {
            if !reported_negative {
                reported_negative = true;
                let reach = lo.map_or("any negative score".to_string(), |l| {
                    format!("{}", l.normalize())
                });
                out.push(
                    Diagnostic::error(
                        codes::POINTS_NEGATIVE,
                        format!("item `{}` can go below 0", item.name.node),
                    )
                    .primary(clause.span, format!("with the clauses before it, this can take the score to {reach}"))
                    .label(item.points.span, format!("the item is worth {points}"))
                    .help(if clause.effect.node.is_deduction() {
                        "add `floor 0` to the clause (扣完为止: never below 0), or check the deductions against the table".to_string()
                    } else {
                        "check the clause against the table".to_string()
                    }),
                );
            }
            lo = Some(Decimal::ZERO);
        }
        if hi.is_none_or(|h| h > points) {
            if !reported_exceed {
                reported_exceed = true;
                let reach = hi.map_or("without limit".to_string(), |h| {
                    format!("up to {}", h.normalize())
                });
                out.push(
                    Diagnostic::error(
                        codes::POINTS_EXCEED,
                        format!("item `{}` can score more than its {} points", item.name.node, points),
                    )
                    .primary(clause.span, format!("with the clauses before it, this can give {reach}"))
                    .label(item.points.span, format!("the item is worth {points}"))
                    .help(if start >= points {
                        format!(
                            "the item starts from its full {points} points, so any gain exceeds them; \
                             write `start 0` if the item earns its points (每…得…分)"
                        )
                    } else {
                        let room = (points - start).normalize();
                        format!("add `max {room}` to the clause (最多得{room}分), or check the points against the table")
                    }),
                );
            }
            hi = Some(points);
        }
    }

    let lo_final = if can_zero {
        lo.map(|l| l.min(Decimal::ZERO))
    } else {
        lo
    };
    if !reported_exceed && hi.is_some_and(|h| h < points) {
        out.push(
            Diagnostic::warning(
                codes::FULL_UNREACHABLE,
                format!(
                    "item `{}` can never reach its {} points",
                    item.name.node, points
                ),
            )
            .primary(
                item.name.span,
                format!("at most {}", hi.unwrap_or_default().normalize()),
            )
            .label(item.points.span, format!("worth {points}"))
            .help("check the awards and their `max` against the table, or the item's `start`"),
        );
    }
    if !reported_negative && lo_final.is_some_and(|l| l > Decimal::ZERO) {
        out.push(
            Diagnostic::warning(codes::ZERO_UNREACHABLE, format!("item `{}` can never score 0", item.name.node))
                .primary(item.name.span, format!("at least {}", lo_final.unwrap_or_default().normalize()))
                .label(item.points.span, format!("worth {points}"))
                .help("the deductions add up to less than the item's points; check them against the table"),
        );
    }
    Interval { lo: lo_final, hi }
}

impl Effect {
    pub fn is_deduction(&self) -> bool {
        match self {
            Effect::Zero => true,
            Effect::Points(p) => *p < Decimal::ZERO,
            Effect::Percent { percent, .. } => *percent < Decimal::ZERO,
        }
    }
}

/// `s + d`, with `d` a deduction kept from taking `s` below `floor`.
fn apply(s: Option<Decimal>, d: Option<Decimal>, floor: Option<Decimal>) -> Option<Decimal> {
    match (s, d, floor) {
        (Some(s), Some(d), Some(f)) => Some((s + d).max(s.min(f))),
        (Some(s), None, Some(f)) => Some(s.min(f)),
        (Some(s), Some(d), None) => Some(s + d),
        _ => None,
    }
}

fn add(s: Option<Decimal>, d: Option<Decimal>) -> Option<Decimal> {
    Some(s? + d?)
}
