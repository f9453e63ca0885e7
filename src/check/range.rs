//! The range of scores an item can reach, worked out from its clauses and the domains
//! of its facts, kept by the item's bound, and the warnings it tells of.
//!
//! The analysis treats every condition as free (it may hold or not) and every count as
//! anywhere in its domain: a `count` is unbounded unless declared `count max N`, a set
//! is bounded by its enumeration, a discretionary score by its `max`. That
//! over-approximates what evidence can produce, so "can never reach" warnings are
//! certain.
//!
//! Each clause's change is limited by its `max` and `floor` as the evaluator limits it.
//! A percentage of the score multiplies the score before the clause, so its range is
//! worked out from the products of the scores and factors at the ends of theirs, which
//! holds on a score below 0 (a penalty item's), where a gain takes and a loss gives.
//!
//! An item's bounds are 0 to its points; in a `penalty` section (倒扣分) they are minus
//! its points to 0, and its score starts at 0. Items in a `bonus` section start at 0.
//! The evaluator keeps the score within them once, after all the item's clauses
//! (扣完为止, 最多得N分), so an item whose clauses could leave them is not refused: the
//! range reported is the one the bound keeps.
//!
//! An item of a `pooled` section has no lowest of its own: its deductions may pass its
//! points (二级指标的扣分可以超过本指标分值), and its section's score is kept within 0
//! and the section's points instead. Its highest stays its points.

use rust_decimal::Decimal;

use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
use crate::model::Reach;
use crate::syntax::ast::*;

/// The bounds the score of an item of points `p` must stay within, and where it
/// starts by default.
pub fn bounds_of(p: Decimal, kind: SectionKind) -> (Decimal, Decimal, Decimal) {
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
        // A `give` withholds at most its fact's `max`.
        ClauseKind::Give { fact, .. } => (fact, &Vec::new(), false),
        ClauseKind::Quantity { quantity, step } => {
            return super::range_arith::quantity_times(item, quantity, step.as_ref())
        }
        _ => return Some(Decimal::ONE),
    };
    let fact = item.facts.iter().find(|f| f.name.node == path.fact.node)?;
    if let Some(times) = super::range_arith::proportion_times(&fact.ty.node) {
        return times;
    }
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

/// What one application of an effect changes: its points, or its percentage of its
/// base (`points`, the item's points, or `score`, its running score); `None` for
/// `zero`, which is not a change but an end. Applied `n` times, the change is this
/// times `n`: the evaluator (`crate::eval`) multiplies it by the times a clause
/// applies, this analysis by the most times, so both read an effect alike.
#[inline]
pub fn once(effect: Effect, points: Decimal, score: Decimal) -> Option<Decimal> {
    match effect {
        Effect::Zero => None,
        Effect::Points(unit) => Some(unit),
        Effect::Percent { percent, base } => Some(
            percent / Decimal::ONE_HUNDRED
                * match base {
                    PercentBase::Points => points,
                    PercentBase::Score => score,
                },
        ),
    }
}

/// A change kept within a clause's `max` either way: at most `max` gained or lost.
#[inline]
pub fn within_max(change: Decimal, max: Decimal) -> Decimal {
    if change.abs() > max {
        if change < Decimal::ZERO {
            -max
        } else {
            max
        }
    } else {
        change
    }
}

/// The lowest a loss may take a score under a clause's `floor`: the floor, or the score
/// itself when it already lies below the floor.
#[inline]
pub fn lowest_under_floor(score: Decimal, floor: Decimal) -> Decimal {
    score.min(floor)
}

/// The change one effect can make, applied from 0 to `times` times, as `(lowest, highest)`
/// (`None`: unbounded), limited by `max`; `None` for `zero`.
fn change(
    effect: Effect,
    points: Decimal,
    times: Option<Decimal>,
    max: Option<Decimal>,
) -> Option<(Option<Decimal>, Option<Decimal>)> {
    // A percentage of the score is worked out by `of_score`; here it is of the points.
    let unit = once(effect, points, points)?;
    let far = times.map(|t| unit * t);
    let (mut lo, mut hi) = if unit < Decimal::ZERO {
        (far, Some(Decimal::ZERO))
    } else {
        (Some(Decimal::ZERO), far)
    };
    if let Some(m) = max {
        // The lowest is at most 0 and the highest at least 0.
        lo = Some(lo.map_or(-m, |d| within_max(d, m)));
        hi = Some(hi.map_or(m, |d| within_max(d, m)));
    }
    Some((lo, hi))
}

/// The score after a clause whose effect is `share` of the score (`-10% of score` is a
/// share of -0.1), applied from 0 to `times` times (`None`: no limit) to a score from
/// `lo` to `hi`, and limited by `max`, as `(lowest, highest)` (`None`: unbounded). The
/// `floor` is left to the caller.
///
/// The evaluator takes the share of the score before the clause once and multiplies it
/// by the count, without compounding, so the score is multiplied by a factor from 1 to
/// 1 + share × times; the lowest and highest products lie at the corners. A score below
/// 0 (in a penalty section) turns a loss into a gain and a gain into a loss, which the
/// corners account for. `max` keeps the change within `max` of the score before it,
/// however large the count.
fn of_score(
    lo: Option<Decimal>,
    hi: Option<Decimal>,
    share: Decimal,
    times: Option<Decimal>,
    max: Option<Decimal>,
) -> (Option<Decimal>, Option<Decimal>) {
    let beyond = Ext::beyond(Ext::At(share).sign());
    let far = times.map_or(beyond, |t| {
        share
            .checked_mul(t)
            .and_then(|k| Decimal::ONE.checked_add(k))
            .map_or(beyond, Ext::At)
    });
    let scores = [Ext::lower(lo), Ext::upper(hi)];
    let factors = [Ext::At(Decimal::ONE), far];
    let corners = scores.map(|s| factors.map(|f| s.times(f)));
    let corners = corners.iter().flatten();
    let mut lowest = *corners.clone().min().unwrap_or(&Ext::Below);
    let mut highest = *corners.max().unwrap_or(&Ext::Above);
    if let Some(m) = max {
        let down = lo.and_then(|l| l.checked_sub(m));
        let up = hi.and_then(|h| h.checked_add(m));
        lowest = lowest.max(Ext::lower(down));
        highest = highest.min(Ext::upper(up));
    }
    (lowest.finite(), highest.finite())
}

/// A bound of a range that may lie at either infinity, ordered from below to above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ext {
    Below,
    At(Decimal),
    Above,
}

impl Ext {
    /// A lowest value, `None` being unbounded below.
    fn lower(d: Option<Decimal>) -> Ext {
        d.map_or(Ext::Below, Ext::At)
    }

    /// A highest value, `None` being unbounded above.
    fn upper(d: Option<Decimal>) -> Ext {
        d.map_or(Ext::Above, Ext::At)
    }

    /// The infinity on the side of this sign (1 or -1; 0 counts as above).
    fn beyond(sign: i8) -> Ext {
        if sign < 0 {
            Ext::Below
        } else {
            Ext::Above
        }
    }

    /// -1, 0 or 1.
    fn sign(self) -> i8 {
        match self {
            Ext::Below => -1,
            Ext::At(d) if d.is_zero() => 0,
            Ext::At(d) if d.is_sign_negative() => -1,
            Ext::At(_) | Ext::Above => 1,
        }
    }

    /// The product. An infinity stands for values growing without limit, never reached,
    /// so 0 times it is 0; a product too large for a decimal is the infinity of its sign.
    fn times(self, other: Ext) -> Ext {
        if let (Ext::At(a), Ext::At(b)) = (self, other) {
            if let Some(p) = a.checked_mul(b) {
                return Ext::At(p);
            }
        }
        let sign = self.sign() * other.sign();
        if sign == 0 {
            Ext::At(Decimal::ZERO)
        } else {
            Ext::beyond(sign)
        }
    }

    /// The bound as a number, `None` at either infinity.
    fn finite(self) -> Option<Decimal> {
        match self {
            Ext::At(d) => Some(d),
            _ => None,
        }
    }
}

/// Works out the item's range clause by clause, and the range its bound (扣完为止,
/// 最多得N分) keeps it to: the running score is not kept between clauses (a later
/// clause, a `% of score` among them, reads it as it is), only once after all of them,
/// as the evaluator keeps it. Reports a clause whose every change the bound cuts, and
/// an item that can never reach its points or 0.
pub fn check_item(
    item: &Item,
    kind: SectionKind,
    pooled: bool,
    out: &mut Vec<Diagnostic>,
) -> Reach {
    let points = item.points.node;
    let (low, high, default_start) = bounds_of(item.points.node, kind);
    // `none` in place of the points: a bonus item without a most, a penalty item
    // without a most taken.
    let open = item.uncapped.is_some();
    let start = item.start.as_ref().map_or(default_start, |s| s.node);
    let mut lo: Option<Decimal> = Some(start);
    let mut hi: Option<Decimal> = Some(start);
    let mut can_zero = false;

    for clause in &item.clauses {
        let counted = matches!(
            clause.kind,
            ClauseKind::Per { .. }
                | ClauseKind::Missing { .. }
                | ClauseKind::Give { .. }
                | ClauseKind::Quantity { .. }
        );
        let times = if counted {
            times_max(item, &clause.kind)
        } else {
            Some(Decimal::ONE)
        };
        let max = clause.max.as_ref().map(|m| m.node);
        let floor = clause.floor.as_ref().map(|f| f.node);
        let effects = effects(clause);
        for effect in &effects {
            if let Effect::Points(u) | Effect::Percent { percent: u, .. } = effect {
                let unit = match effect {
                    Effect::Percent { .. } => *u / Decimal::ONE_HUNDRED * points,
                    _ => *u,
                };
                // A `give` withholds a point at a time, at most its fact's `max`: what
                // it can take at once is the whole of that.
                let unit = match (&clause.kind, times) {
                    (ClauseKind::Give { .. }, Some(t)) => unit * t,
                    _ => unit,
                };
                if unit < Decimal::ZERO && -unit > points && !pooled && !open {
                    out.push(
                        Diagnostic::warning(
                            codes::CLAUSE_EXCEEDS,
                            msg!(
                                "check-clause-exceeds",
                                takes = (-unit).normalize().to_string(),
                                points = points.to_string()
                            ),
                        )
                        .primary(
                            clause.effect.span,
                            msg!(
                                "check-clause-exceeds".label,
                                takes = (-unit).normalize().to_string()
                            ),
                        )
                        .label(
                            item.points.span,
                            msg!("check-item-worth", points = points.to_string()),
                        )
                        .help(msg!("check-clause-exceeds".help)),
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
                    let (l, h) = of_score(lo, hi, percent / Decimal::ONE_HUNDRED, times, max);
                    (floored(lo, l, floor), h)
                }
                _ => {
                    let (d_lo, d_hi) = change(effect, points, times, max)
                        .unwrap_or((Some(Decimal::ZERO), Some(Decimal::ZERO)));
                    let lowered = match (lo, d_lo) {
                        (Some(l), Some(d)) => l.checked_add(d),
                        _ => None,
                    };
                    let raised = match (hi, d_hi) {
                        (Some(h), Some(d)) => h.checked_add(d),
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
    }
    if !pooled && !open {
        always_cut(item, start, low, high, out);
        fixed_exceed(item, out);
    }

    let lo_raw = if can_zero {
        lo.map(|l| l.min(Decimal::ZERO))
    } else {
        lo
    };
    let hi_raw = if can_zero {
        hi.map(|h| h.max(Decimal::ZERO))
    } else {
        hi
    };
    // The item's bound, once, after all its clauses.
    // The item's own ends: none below in a pooled section or a penalty item without
    // a cap, none above in a bonus item without a cap.
    let low_end = (!(pooled || open && kind == SectionKind::Penalty)).then_some(low);
    let high_end = (!(open && kind == SectionKind::Bonus)).then_some(high);
    let keep = |d: Decimal| {
        let d = low_end.map_or(d, |l| d.max(l));
        high_end.map_or(d, |h| d.min(h))
    };
    let lo_final = lo_raw.map(keep).or(low_end);
    let hi_final = hi_raw.map(keep).or(high_end);
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
    if !reaches_full && !open {
        let (message, at) = if kind == SectionKind::Penalty {
            (
                msg!(
                    "check-full-unreachable-penalty",
                    name = &item.name.node,
                    points = points.to_string()
                ),
                lo_final.unwrap_or(low),
            )
        } else {
            (
                msg!(
                    "check-full-unreachable",
                    name = &item.name.node,
                    points = points.to_string()
                ),
                hi_final.unwrap_or(high),
            )
        };
        out.push(
            Diagnostic::warning(codes::FULL_UNREACHABLE, message)
                .primary(
                    item.name.span,
                    msg!(
                        "check-full-unreachable".label,
                        most = at.abs().normalize().to_string()
                    ),
                )
                .label(
                    item.points.span,
                    msg!("check-worth", points = points.to_string()),
                )
                .help(msg!("check-full-unreachable".help)),
        );
    }
    if !reaches_none && kind != SectionKind::Penalty {
        out.push(
            Diagnostic::warning(
                codes::ZERO_UNREACHABLE,
                msg!("check-zero-unreachable", name = &item.name.node),
            )
            .primary(
                item.name.span,
                msg!(
                    "check-zero-unreachable".label,
                    least = lo_final.unwrap_or(low).normalize().to_string()
                ),
            )
            .label(
                item.points.span,
                msg!("check-worth", points = points.to_string()),
            )
            .help(msg!("check-zero-unreachable".help)),
        );
    }
    Reach {
        clauses_low: lo_raw,
        clauses_high: hi_raw,
        low: lo_final,
        high: hi_final,
    }
}

/// The effects a clause may make: its own, and a deadline's for never done.
fn effects(clause: &Clause) -> Vec<Effect> {
    let mut effects = vec![clause.effect.node];
    if let ClauseKind::Deadline { never: Some(n), .. } = &clause.kind {
        effects.push(n.node);
    }
    effects
}

/// Reports an item whose fixed deductions (those of `if` and `deadline`, each once)
/// add up to more than its points, which is a wrong number more often than not: the
/// bound (扣完为止) keeps the score at 0, but a table that means it says so of counted
/// deductions (每发现一处扣1分), seldom of fixed ones. A single clause larger than
/// the item is told by its own warning instead; an item with a `floor` is left alone,
/// its author having said where the deductions stop.
fn fixed_exceed(item: &Item, out: &mut Vec<Diagnostic>) {
    if item.clauses.iter().any(|c| c.floor.is_some()) {
        return;
    }
    let points = item.points.node;
    let mut sum = Decimal::ZERO;
    let mut last = None;
    for clause in &item.clauses {
        if !matches!(clause.kind, ClauseKind::If(_) | ClauseKind::Deadline { .. }) {
            continue;
        }
        let takes = effects(clause)
            .into_iter()
            .filter_map(|e| match e {
                Effect::Percent {
                    base: PercentBase::Score,
                    ..
                }
                | Effect::Zero => None,
                e => once(e, points, points),
            })
            .filter(|d| *d < Decimal::ZERO)
            .map(|d| -d)
            .max();
        if let Some(takes) = takes {
            if takes > points {
                return;
            }
            sum += takes;
            last = Some(clause);
        }
    }
    let Some(last) = last.filter(|_| sum > points) else {
        return;
    };
    let (sum, points) = (sum.normalize().to_string(), points.to_string());
    out.push(
        Diagnostic::warning(
            codes::CLAUSE_EXCEEDS,
            msg!(
                "check-fixed-exceed",
                name = &item.name.node,
                sum = &sum,
                points = &points
            ),
        )
        .primary(last.span, msg!("check-fixed-exceed".label, sum = &sum))
        .label(item.points.span, msg!("check-item-worth", points = &points))
        .help(msg!("check-fixed-exceed".help)),
    );
}

/// Reports each clause whose every change the item's bound cuts, so that it can never
/// change the score: a gain in an item that starts at its highest (its full points, or
/// 0 in a penalty section) where no clause takes anything, or a deduction in one that
/// starts at its lowest where no clause gives anything. A percentage of the score,
/// which may move either way, leaves the item alone.
fn always_cut(item: &Item, start: Decimal, low: Decimal, high: Decimal, out: &mut Vec<Diagnostic>) {
    let all: Vec<Effect> = item.clauses.iter().flat_map(effects).collect();
    if all.iter().any(|e| {
        matches!(
            e,
            Effect::Percent {
                base: PercentBase::Score,
                ..
            }
        )
    }) {
        return;
    }
    let gains = |e: &Effect| !e.is_deduction() && *e != Effect::Points(Decimal::ZERO);
    let takes = |e: &Effect| e.is_deduction();
    let loses = |e: &Effect| takes(e) && *e != Effect::Zero;
    let points = item.points.node.to_string();
    let (cut, id): (&dyn Fn(&Effect) -> bool, &str) = if start >= high && !all.iter().any(takes) {
        (&gains, "check-gain-always-cut")
    } else if start <= low && !all.iter().any(gains) {
        (&loses, "check-loss-always-cut")
    } else {
        return;
    };
    for clause in &item.clauses {
        if effects(clause).iter().any(cut) {
            let (message, label, help) = if id == "check-gain-always-cut" {
                (
                    msg!("check-gain-always-cut", name = &item.name.node),
                    msg!("check-gain-always-cut".label, points = &points),
                    msg!("check-gain-always-cut".help, points = &points),
                )
            } else {
                (
                    msg!("check-loss-always-cut", name = &item.name.node),
                    msg!("check-loss-always-cut".label),
                    msg!("check-loss-always-cut".help),
                )
            };
            out.push(
                Diagnostic::warning(codes::DEAD_CLAUSE, message)
                    .primary(clause.span, label)
                    .label(item.points.span, msg!("check-item-worth", points = &points))
                    .help(help),
            );
        }
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
        (Some(f), Some(b)) => {
            let lowest = lowest_under_floor(b, f);
            Some(lowered.map_or(lowest, |l| l.max(lowest)))
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64, scale: u32) -> Decimal {
        Decimal::new(n, scale)
    }

    /// `of_score` holds every score the evaluator can reach: the score before the
    /// clause times the share times the count, kept within `max` (as
    /// `crate::eval::limit` keeps it), for scores across the range, on both sides of 0.
    #[test]
    fn percent_of_score_holds_every_score_the_evaluator_reaches() {
        let ranges = [(0, 10), (6, 6), (-5, 0), (-5, -2), (-3, 4), (0, 0)];
        let shares = [d(-1, 0), d(-5, 1), d(-1, 1), d(1, 1), d(5, 1), d(1, 0)];
        let maxes = [None, Some(d(4, 0)), Some(d(5, 1)), Some(d(12, 0))];
        for (lo, hi) in ranges {
            for share in shares {
                for max in maxes {
                    for times in [Some(Decimal::ONE), Some(d(7, 0)), None] {
                        let (l, h) = of_score(Some(d(lo, 0)), Some(d(hi, 0)), share, times, max);
                        let most = times.map_or(40, |t| i64::try_from(t.mantissa()).unwrap());
                        for tenth in lo * 10..=hi * 10 {
                            let s = d(tenth, 1);
                            for n in 0..=most {
                                let mut change = share * s * Decimal::from(n);
                                if let Some(m) = max {
                                    change = change.clamp(-m, m);
                                }
                                let after = s + change;
                                let case = format!(
                                    "{lo}..{hi} {share} {times:?} {max:?}: {s} × {n} → {after}"
                                );
                                assert!(l.is_none_or(|l| l <= after), "{case} below {l:?}");
                                assert!(h.is_none_or(|h| h >= after), "{case} above {h:?}");
                            }
                        }
                    }
                }
            }
        }
        // And no wider than it must be: a loss of 10% a finding under `max 4`, from 10.
        let ten = Some(d(10, 0));
        assert_eq!(
            of_score(ten, ten, d(-1, 1), None, Some(d(4, 0))),
            (Some(d(6, 0)), ten)
        );
        // From -5, a gain of half the score takes it to -7.5.
        assert_eq!(
            of_score(
                Some(d(-5, 0)),
                Some(Decimal::ZERO),
                d(5, 1),
                Some(Decimal::ONE),
                None
            ),
            (Some(d(-75, 1)), Some(Decimal::ZERO))
        );
    }
}
