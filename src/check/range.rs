//! The range of scores an item can reach, worked out from its clauses and the domains
//! of its facts, and the diagnostics when that range leaves the item's bounds.
//!
//! The analysis treats every condition as free (it may hold or not) and every count as
//! anywhere in its domain: a `count` is unbounded unless declared `count max N`, a set
//! is bounded by its enumeration, a discretionary score by its `max`. That
//! over-approximates what evidence can produce, so "can never reach" warnings are
//! certain and "can exceed" errors are safe.
//!
//! An item's bounds are 0 to its points; in a `penalty` section (倒扣分) they are minus
//! its points to 0, and its score starts at 0. Items in a `bonus` section start at 0.

use rust_decimal::Decimal;

use crate::diagnostic::{codes, Diagnostic};
use crate::syntax::ast::*;

/// A closed range of scores; `None` is unbounded on that side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: Option<Decimal>,
    pub hi: Option<Decimal>,
}

/// The bounds an item's score must stay within, and where it starts by default.
pub fn bounds(item: &Item, kind: SectionKind) -> (Decimal, Decimal, Decimal) {
    let p = item.points.node;
    match kind {
        SectionKind::Regular => (Decimal::ZERO, p, p),
        SectionKind::Bonus => (Decimal::ZERO, p, Decimal::ZERO),
        SectionKind::Penalty => (-p, Decimal::ZERO, Decimal::ZERO),
    }
}

/// The most times a `per` or `missing` clause can apply (None: no limit). For a
/// discretionary score, the largest score.
fn times_max(item: &Item, kind: &ClauseKind) -> Option<Decimal> {
    let (path, except, missing) = match kind {
        ClauseKind::Per { fact, except, .. } => (fact, except, false),
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
        (FactType::Discretion { max }, _) => Some(max.node),
        (FactType::Tally(_), _) | (FactType::Periods { .. }, _) => None,
        _ if missing => Some(Decimal::ZERO),
        _ => None,
    }
}

/// The change one effect can make, applied from 0 to `times` times, as `(lowest, highest)`
/// (`None`: unbounded), limited by `max`; `None` for `zero`.
fn change(
    effect: Effect,
    points: Decimal,
    times: Option<Decimal>,
    max: Option<Decimal>,
) -> Option<(Option<Decimal>, Option<Decimal>)> {
    let unit = match effect {
        Effect::Zero => return None,
        Effect::Points(u) => u,
        Effect::Percent { percent, .. } => percent / Decimal::ONE_HUNDRED * points,
    };
    let far = times.map(|t| unit * t);
    let (mut lo, mut hi) = if unit < Decimal::ZERO {
        (far, Some(Decimal::ZERO))
    } else {
        (Some(Decimal::ZERO), far)
    };
    if let Some(m) = max {
        lo = Some(lo.map_or(-m, |d| d.max(-m)));
        hi = Some(hi.map_or(m, |d| d.min(m)));
    }
    Some((lo, hi))
}

/// Works out the item's range clause by clause and reports where it leaves its bounds.
pub fn check_item(item: &Item, kind: SectionKind, out: &mut Vec<Diagnostic>) -> Interval {
    let points = item.points.node;
    let (low, high, default_start) = bounds(item, kind);
    let start = item.start.as_ref().map_or(default_start, |s| s.node);
    let mut lo: Option<Decimal> = Some(start);
    let mut hi: Option<Decimal> = Some(start);
    let mut can_zero = false;
    let mut reported_low = false;
    let mut reported_high = false;

    for clause in &item.clauses {
        let counted = matches!(
            clause.kind,
            ClauseKind::Per { .. } | ClauseKind::Missing { .. }
        );
        let times = if counted {
            times_max(item, &clause.kind)
        } else {
            Some(Decimal::ONE)
        };
        let max = clause.max.as_ref().map(|m| m.node);
        let floor = clause.floor.as_ref().map(|f| f.node);
        // A deadline with two outcomes may take either effect.
        let mut effects = vec![clause.effect.node];
        if let ClauseKind::Deadline { never: Some(n), .. } = &clause.kind {
            effects.push(n.node);
        }
        for effect in &effects {
            if let Effect::Points(u) | Effect::Percent { percent: u, .. } = effect {
                let unit = match effect {
                    Effect::Percent { .. } => *u / Decimal::ONE_HUNDRED * points,
                    _ => *u,
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
            }
        }
        let mut new_lo = lo;
        let mut new_hi = hi;
        let mut first = true;
        for effect in effects {
            let (l, h) = match effect {
                Effect::Zero => {
                    can_zero = true;
                    (lo, hi)
                }
                Effect::Percent {
                    percent,
                    base: PercentBase::Score,
                } => {
                    let p = percent / Decimal::ONE_HUNDRED;
                    let factor = times.map(|t| Decimal::ONE + p * t);
                    if p < Decimal::ZERO {
                        let lowered = match (lo, factor) {
                            (Some(l), Some(f)) if f >= Decimal::ZERO => Some(l * f),
                            (Some(l), Some(f)) => Some(hi.map_or(l * f, |h| h * f)),
                            _ => None,
                        };
                        (floored(lo, lowered, floor), hi)
                    } else {
                        (
                            lo,
                            match (hi, factor) {
                                (Some(h), Some(f)) => Some(h * f),
                                _ => None,
                            },
                        )
                    }
                }
                _ => {
                    let (d_lo, d_hi) = change(effect, points, times, max)
                        .unwrap_or((Some(Decimal::ZERO), Some(Decimal::ZERO)));
                    let lowered = match (lo, d_lo) {
                        (Some(l), Some(d)) => Some(l + d),
                        _ => None,
                    };
                    let raised = match (hi, d_hi) {
                        (Some(h), Some(d)) => Some(h + d),
                        _ => None,
                    };
                    (floored(lo, lowered, floor), raised)
                }
            };
            if first {
                (new_lo, new_hi) = (l, h);
                first = false;
            } else {
                new_lo = min(new_lo, l);
                new_hi = max_of(new_hi, h);
            }
        }
        lo = new_lo;
        hi = new_hi;
        if lo.is_none_or(|l| l < low) {
            if !reported_low {
                reported_low = true;
                let reach = lo.map_or("without limit".to_string(), |l| {
                    format!("to {}", l.normalize())
                });
                let (message, help) = if kind == SectionKind::Penalty {
                    (
                        format!("item `{}` can take more than its {} points", item.name.node, points),
                        format!("add `max {points}` to the clause, or check the deductions against the table"),
                    )
                } else {
                    (
                        format!("item `{}` can go below 0", item.name.node),
                        if clause.effect.node.is_deduction() {
                            "add `floor 0` to the clause (扣完为止: never below 0), or check the deductions against the table".to_string()
                        } else {
                            "check the clause against the table".to_string()
                        },
                    )
                };
                out.push(
                    Diagnostic::error(codes::POINTS_NEGATIVE, message)
                        .primary(
                            clause.span,
                            format!("with the clauses before it, this can take the score {reach}"),
                        )
                        .label(item.points.span, format!("the item is worth {points}"))
                        .help(help),
                );
            }
            lo = Some(low);
        }
        if hi.is_none_or(|h| h > high) {
            if !reported_high {
                reported_high = true;
                let reach = hi.map_or("without limit".to_string(), |h| {
                    format!("up to {}", h.normalize())
                });
                let (message, help) = if kind == SectionKind::Penalty {
                    (
                        format!(
                            "item `{}` can give points in a penalty section",
                            item.name.node
                        ),
                        "a penalty (倒扣分) only takes points: write its clauses with `-`"
                            .to_string(),
                    )
                } else if start >= high {
                    (
                        format!("item `{}` can score more than its {} points", item.name.node, points),
                        format!(
                            "the item starts from its full {points} points, so any gain exceeds them; \
                             write `start 0` if the item earns its points (每…得…分)"
                        ),
                    )
                } else {
                    let room = (high - start).normalize();
                    (
                        format!("item `{}` can score more than its {} points", item.name.node, points),
                        format!("add `max {room}` to the clause (最多得{room}分), or check the points against the table"),
                    )
                };
                out.push(
                    Diagnostic::error(codes::POINTS_EXCEED, message)
                        .primary(
                            clause.span,
                            format!("with the clauses before it, this can give {reach}"),
                        )
                        .label(item.points.span, format!("the item is worth {points}"))
                        .help(help),
                );
            }
            hi = Some(high);
        }
    }

    let lo_final = if can_zero {
        lo.map(|l| l.min(Decimal::ZERO))
    } else {
        lo
    };
    let hi_final = if can_zero {
        hi.map(|h| h.max(Decimal::ZERO))
    } else {
        hi
    };
    // What "full" and "nothing" mean: for a penalty, taking all its points and nothing.
    let (full, none) = match kind {
        SectionKind::Penalty => (low, high),
        _ => (high, low),
    };
    let reaches_full = if kind == SectionKind::Penalty {
        lo_final.is_none_or(|l| l <= full)
    } else {
        hi_final.is_none_or(|h| h >= full)
    };
    let reaches_none = if kind == SectionKind::Penalty {
        hi_final.is_none_or(|h| h >= none)
    } else {
        lo_final.is_none_or(|l| l <= none)
    };
    if !reported_high && !reported_low && !reaches_full {
        let (message, at) = if kind == SectionKind::Penalty {
            (
                format!(
                    "item `{}` can never take all its {} points",
                    item.name.node, points
                ),
                lo_final,
            )
        } else {
            (
                format!(
                    "item `{}` can never reach its {} points",
                    item.name.node, points
                ),
                hi_final,
            )
        };
        out.push(
            Diagnostic::warning(codes::FULL_UNREACHABLE, message)
                .primary(
                    item.name.span,
                    format!("at most {}", at.unwrap_or_default().abs().normalize()),
                )
                .label(item.points.span, format!("worth {points}"))
                .help("check the awards and their `max` against the table, or the item's `start`"),
        );
    }
    if !reported_high && !reported_low && !reaches_none && kind != SectionKind::Penalty {
        out.push(
            Diagnostic::warning(codes::ZERO_UNREACHABLE, format!("item `{}` can never score 0", item.name.node))
                .primary(item.name.span, format!("at least {}", lo_final.unwrap_or_default().normalize()))
                .label(item.points.span, format!("worth {points}"))
                .help("the deductions add up to less than the item's points; check them against the table"),
        );
    }
    Interval {
        lo: lo_final,
        hi: hi_final,
    }
}

/// A lowered bound kept from going under `floor` (or under the bound itself, when it
/// already is below the floor).
fn floored(
    before: Option<Decimal>,
    lowered: Option<Decimal>,
    floor: Option<Decimal>,
) -> Option<Decimal> {
    match (floor, before) {
        (Some(f), Some(b)) => Some(lowered.map_or(b.min(f), |l| l.max(b.min(f)))),
        _ => lowered,
    }
}

fn min(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    Some(a?.min(b?))
}

fn max_of(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    Some(a?.max(b?))
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
