//! The range of scores an item can reach, worked out from its clauses and the domains
//! of its facts, kept by the item's bound, and the warnings it tells of.
//!
//! The analysis follows the conditions clauses share ([`super::paths`]): on each way
//! the item's conditions can come out, only the clauses that apply there are added up,
//! an `if` exactly once, and the item's range is the union over those ways. Every
//! count stays anywhere in its domain: a `count` is unbounded unless declared `count
//! max N`, a set is bounded by its enumeration, a discretionary score by its `max`.
//! That over-approximates what evidence can produce, so "can never reach" warnings are
//! certain. Past [`super::paths::LIMIT`] combinations every condition is free (it may
//! hold or not), as if clauses applied independently.
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

use super::paths::{self, Part};
use super::problem::CheckError;
use crate::diagnostic::Diagnostic;
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
/// (`None`: unbounded), limited by `max`; `None` for `zero`. Applied exactly once
/// (`exact`, an `if` whose condition holds), the one change it makes.
fn change(
    effect: Effect,
    points: Decimal,
    times: Option<Decimal>,
    max: Option<Decimal>,
    exact: bool,
) -> Option<(Option<Decimal>, Option<Decimal>)> {
    // A percentage of the score is worked out by `of_score`; here it is of the points.
    let unit = once(effect, points, points)?;
    if exact {
        let unit = max.map_or(unit, |m| within_max(unit, m));
        return Some((Some(unit), Some(unit)));
    }
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
/// share of -0.1), applied from `from` (0, or 1 for an `if` that applies) to `times`
/// times (`None`: no limit) to a score from `lo` to `hi`, and limited by `max`, as
/// `(lowest, highest)` (`None`: unbounded). The `floor` is left to the caller.
///
/// The evaluator takes the share of the score before the clause once and multiplies it
/// by the count, without compounding, so the score is multiplied by a factor from 1 to
/// 1 + share × times (from 1 + share × `from`); the lowest and highest products lie at
/// the corners. A score below
/// 0 (in a penalty section) turns a loss into a gain and a gain into a loss, which the
/// corners account for. `max` keeps the change within `max` of the score before it,
/// however large the count.
fn of_score(
    lo: Option<Decimal>,
    hi: Option<Decimal>,
    share: Decimal,
    from: Decimal,
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
    let near = share
        .checked_mul(from)
        .and_then(|k| Decimal::ONE.checked_add(k))
        .map_or(beyond, Ext::At);
    let factors = [near, far];
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

/// Works out the item's range clause by clause on each of its paths ([`super::paths`]),
/// and the range its bound (扣完为止, 最多得N分) keeps it to: the running score is not
/// kept between clauses (a later clause, a `% of score` among them, reads it as it is),
/// only once after all of them, as the evaluator keeps it. Reports a clause whose every
/// change the bound cuts, and an item that can never reach its points or 0.
/// `points` are the item's points, a weight worked out (`super::weights`).
pub fn check_item(
    item: &Item,
    points: Decimal,
    kind: SectionKind,
    pooled: bool,
    out: &mut Vec<Diagnostic>,
) -> Reach {
    let (low, high, default_start) = bounds_of(points, kind);
    // `none` in place of the points: a bonus item without a most, a penalty item
    // without a most taken.
    let open = item.uncapped.is_some();
    let start = item.start.as_ref().map_or(default_start, |s| s.node);
    // Taking more than the item's points is what a pooled section or an item without
    // a cap says, not a mistake.
    if !pooled && !open {
        exceeds(item, points, out);
    }
    let paths = paths::of(item);
    let mut reach: Option<(Option<Decimal>, Option<Decimal>)> = None;
    for path in &paths {
        let (l, h) = path_range(item, points, start, path);
        reach = Some(match reach {
            None => (l, h),
            Some((lo, hi)) => (min(lo, l), max_of(hi, h)),
        });
    }
    let (lo_raw, hi_raw) = reach.unwrap_or((Some(start), Some(start)));
    if !pooled && !open {
        always_cut(item, points, start, low, high, &paths, out);
        fixed_exceed(item, points, &paths, out);
    }

    // The item's bound, once, after all its clauses. Its own ends: none below in a
    // pooled section or a penalty item without a cap, none above in a bonus item
    // without a cap.
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
        let penalty = kind == SectionKind::Penalty;
        let most = if penalty {
            lo_final.unwrap_or(low)
        } else {
            hi_final.unwrap_or(high)
        };
        out.push(
            CheckError::FullUnreachable {
                span: item.name.span,
                points_span: item.points.span,
                name: item.name.node.clone(),
                points,
                most,
                penalty,
            }
            .into(),
        );
    }
    if !reaches_none && kind != SectionKind::Penalty {
        out.push(
            CheckError::ZeroUnreachable {
                span: item.name.span,
                points_span: item.points.span,
                name: item.name.node.clone(),
                points,
                least: lo_final.unwrap_or(low),
            }
            .into(),
        );
    }
    Reach {
        clauses_low: lo_raw,
        clauses_high: hi_raw,
        low: lo_final,
        high: hi_final,
    }
}

/// Reports each clause that alone takes more than the item is worth: a fixed
/// deduction. (A `give` whose discretionary `max` passes the item's points is refused
/// where its fact's type is checked, `kaohe::points::bound`.)
fn exceeds(item: &Item, points: Decimal, out: &mut Vec<Diagnostic>) {
    for clause in &item.clauses {
        if matches!(clause.kind, ClauseKind::Give { .. }) {
            continue;
        }
        for effect in effects(clause) {
            let unit = match effect {
                Effect::Points(u) => u,
                Effect::Percent { percent, .. } => percent / Decimal::ONE_HUNDRED * points,
                Effect::Zero => continue,
            };
            if unit < Decimal::ZERO && -unit > points {
                out.push(
                    CheckError::ClauseExceeds {
                        span: clause.effect.span,
                        points_span: item.points.span,
                        takes: -unit,
                        points,
                    }
                    .into(),
                );
            }
        }
    }
}

/// The range of scores the clauses of one path reach from `start`, before the item's
/// bound, as `(lowest, highest)` (`None`: unbounded): the clauses that do not apply on
/// it are passed over, an `if` that applies makes its one change, and the others make
/// any change from none to the most their facts allow. A `zero` that applies sets the
/// score to 0; one that may apply (a deadline's) adds 0 to the range.
fn path_range(
    item: &Item,
    points: Decimal,
    start: Decimal,
    path: &[Part],
) -> (Option<Decimal>, Option<Decimal>) {
    let mut lo: Option<Decimal> = Some(start);
    let mut hi: Option<Decimal> = Some(start);
    let mut can_zero = false;
    let mut must_zero = false;
    for (clause, part) in item.clauses.iter().zip(path) {
        let exact = match part {
            Part::Not => continue,
            Part::Once => true,
            Part::Free => false,
        };
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
        let mut new_lo = lo;
        let mut new_hi = hi;
        let mut first = true;
        for effect in effects(clause) {
            let (l, h) = match effect {
                Effect::Zero => {
                    if exact {
                        must_zero = true;
                    }
                    can_zero = true;
                    (lo, hi)
                }
                Effect::Percent {
                    percent,
                    base: PercentBase::Score,
                } => {
                    let from = if exact { Decimal::ONE } else { Decimal::ZERO };
                    let share = percent / Decimal::ONE_HUNDRED;
                    let (l, h) = of_score(lo, hi, share, from, times, max);
                    (floored(lo, l, floor), floored_high(hi, h, floor))
                }
                _ => {
                    let (d_lo, d_hi) = change(effect, points, times, max, exact)
                        .unwrap_or((Some(Decimal::ZERO), Some(Decimal::ZERO)));
                    let lowered = match (lo, d_lo) {
                        (Some(l), Some(d)) => l.checked_add(d),
                        _ => None,
                    };
                    let raised = match (hi, d_hi) {
                        (Some(h), Some(d)) => h.checked_add(d),
                        _ => None,
                    };
                    (floored(lo, lowered, floor), floored_high(hi, raised, floor))
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
    if must_zero {
        (Some(Decimal::ZERO), Some(Decimal::ZERO))
    } else if can_zero {
        (
            lo.map(|l| l.min(Decimal::ZERO)),
            hi.map(|h| h.max(Decimal::ZERO)),
        )
    } else {
        (lo, hi)
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
/// that can apply together, on one of its paths, add up to more than its points, which
/// is a wrong number more often than not: the bound (扣完为止) keeps the score at 0, but
/// a table that means it says so of counted deductions (每发现一处扣1分), seldom of
/// fixed ones. Deductions whose conditions exclude each other (`if A -3`, `if not A
/// -3`) are never added. A single clause larger than the item is told by its own
/// warning instead; an item with a `floor` is left alone, its author having said where
/// the deductions stop.
fn fixed_exceed(item: &Item, points: Decimal, paths: &[Vec<Part>], out: &mut Vec<Diagnostic>) {
    if item.clauses.iter().any(|c| c.floor.is_some()) {
        return;
    }
    let mut takes = Vec::new();
    for clause in &item.clauses {
        let fixed = matches!(clause.kind, ClauseKind::If(_) | ClauseKind::Deadline { .. });
        let most = effects(clause)
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
            .max()
            .filter(|_| fixed);
        if most.is_some_and(|t| t > points) {
            return;
        }
        takes.push(most);
    }
    // The path whose fixed deductions add up to the most, and the last of them.
    let mut worst: Option<(Decimal, &Clause)> = None;
    for path in paths {
        let mut sum = Decimal::ZERO;
        let mut last = None;
        for ((clause, part), take) in item.clauses.iter().zip(path).zip(&takes) {
            if let (Some(t), false) = (take, *part == Part::Not) {
                sum += *t;
                last = Some(clause);
            }
        }
        if let Some(last) = last {
            if worst.is_none_or(|(most, _)| sum > most) {
                worst = Some((sum, last));
            }
        }
    }
    let Some((sum, last)) = worst.filter(|(sum, _)| *sum > points) else {
        return;
    };
    out.push(
        CheckError::FixedExceed {
            span: last.span,
            points_span: item.points.span,
            name: item.name.node.clone(),
            sum,
            points,
        }
        .into(),
    );
}

/// A test of an effect: whether it gains, or takes.
type Test<'a> = dyn Fn(&Effect) -> bool + 'a;

/// Reports each clause whose every change the item's bound cuts, so that it can never
/// change the score: a gain in an item that starts at its highest (its full points, or
/// 0 in a penalty section) where no clause that applies with it, on any path, takes
/// anything; or a deduction in one that starts at its lowest where none that applies
/// with it gives anything. A percentage of the score, which may move either way,
/// counts as both. A clause that applies on no path is left to the conditions check.
fn always_cut(
    item: &Item,
    points: Decimal,
    start: Decimal,
    low: Decimal,
    high: Decimal,
    paths: &[Vec<Part>],
    out: &mut Vec<Diagnostic>,
) {
    let of_score = |e: &Effect| {
        matches!(
            e,
            Effect::Percent {
                base: PercentBase::Score,
                ..
            }
        )
    };
    let gains =
        |e: &Effect| of_score(e) || (!e.is_deduction() && *e != Effect::Points(Decimal::ZERO));
    let takes = |e: &Effect| of_score(e) || e.is_deduction();
    let loses = |e: &Effect| takes(e) && *e != Effect::Zero;
    let (cut, against, gain): (&Test<'_>, &Test<'_>, bool) = if start >= high {
        (&gains, &takes, true)
    } else if start <= low {
        (&loses, &gains, false)
    } else {
        return;
    };
    // Whether anything in the item moves the other way at all: the help says which.
    // Which clauses move the other way, worked out once for every path.
    let moves: Vec<bool> = item
        .clauses
        .iter()
        .map(|c| effects(c).iter().any(against))
        .collect();
    let anywhere = moves.contains(&true);
    for (i, clause) in item.clauses.iter().enumerate() {
        if !effects(clause).iter().any(|e| cut(e) && !of_score(e)) {
            continue;
        }
        let mut applies = false;
        let mut answered = false;
        for path in paths.iter().filter(|p| p[i] != Part::Not) {
            applies = true;
            answered |= moves
                .iter()
                .zip(path)
                .any(|(m, part)| *m && *part != Part::Not);
        }
        if !applies || answered {
            continue;
        }
        out.push(
            CheckError::AlwaysCut {
                span: clause.span,
                points_span: item.points.span,
                name: item.name.node.clone(),
                points,
                gain,
                apart: anywhere,
            }
            .into(),
        );
    }
}

/// A highest score after a clause kept from going under `floor` (or under the highest
/// before it, when that is below the floor): a loss that applies for certain may
/// bring the highest down only as far as the floor lets it. Unbounded stays unbounded.
fn floored_high(
    before: Option<Decimal>,
    raised: Option<Decimal>,
    floor: Option<Decimal>,
) -> Option<Decimal> {
    let raised = raised?;
    match (floor, before) {
        (Some(f), Some(b)) => Some(raised.max(lowest_under_floor(b, f))),
        _ => Some(raised),
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
    use crate::diagnostic::codes;

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
                        let (l, h) = of_score(
                            Some(d(lo, 0)),
                            Some(d(hi, 0)),
                            share,
                            Decimal::ZERO,
                            times,
                            max,
                        );
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
            of_score(ten, ten, d(-1, 1), Decimal::ZERO, None, Some(d(4, 0))),
            (Some(d(6, 0)), ten)
        );
        // From -5, a gain of half the score takes it to -7.5.
        assert_eq!(
            of_score(
                Some(d(-5, 0)),
                Some(Decimal::ZERO),
                d(5, 1),
                Decimal::ZERO,
                Some(Decimal::ONE),
                None
            ),
            (Some(d(-75, 1)), Some(Decimal::ZERO))
        );
    }

    /// The first item of a rubric of one item with facts `A` and `B` (yes or no), and
    /// its reach in a section of `kind` with the codes of the warnings found.
    fn reach_of(points: &str, kind: &str, body: &str) -> (Reach, Vec<&'static str>) {
        let text = format!(
            "rubric t\ntotal {points}\n{kind} s {points} {{\n  item x {points} {{\n    fact A bool \"a\"\n    fact B bool \"b\"\n{body}\n  }}\n}}\n"
        );
        let source = crate::source::SourceFile::new("t.rule", text);
        let file = crate::syntax::parse(&source).expect("parses");
        let (item, kind) = match file.nodes.into_iter().next() {
            Some(Node::Section(s)) => match s.children.into_iter().next() {
                Some(Node::Item(i)) => (i, s.kind),
                other => panic!("an item, not {other:?}"),
            },
            other => panic!("a section, not {other:?}"),
        };
        let mut out = Vec::new();
        let reach = check_item(&item, item.points.node, kind, false, &mut out);
        (reach, out.iter().map(|d| d.code).collect())
    }

    fn reach(clauses_low: Option<i64>, clauses_high: Option<i64>, low: i64, high: i64) -> Reach {
        Reach {
            clauses_low: clauses_low.map(Decimal::from),
            clauses_high: clauses_high.map(Decimal::from),
            low: Some(Decimal::from(low)),
            high: Some(Decimal::from(high)),
        }
    }

    /// `if A -3` and `if not A -3` never both apply: one of them always does, so the
    /// item scores 3 − 3 = 0 on every unit, never its 3 points. Taken independently
    /// they would reach 3 − 6 = −3 to 3, and add up to 6 fixed points taken.
    #[test]
    fn a_condition_and_its_negation_take_once() {
        let (r, codes) = reach_of("3", "section", "    if A -3\n    if not A -3");
        assert_eq!(r, reach(Some(0), Some(0), 0, 0));
        assert_eq!(codes, vec![codes::FULL_UNREACHABLE]);
    }

    /// 未建立制度 takes all 4 points; only where a 制度 exists is its following judged
    /// (at most 2 withheld): 0 where A; 4 − 2 = 2 to 4 where B alone; 4 where neither.
    /// The clauses reach 0 to 4, not 4 − 4 − 2 = −2.
    #[test]
    fn a_give_that_applies_apart_from_a_deduction() {
        let body = "    fact d discretion max 2 \"d\"\n    if A -4\n    if not A and B give d";
        let (r, codes) = reach_of("4", "section", body);
        assert_eq!(r, reach(Some(0), Some(4), 0, 4));
        assert!(codes.is_empty(), "{codes:?}");
    }

    /// The 4-point item: A takes 2, B takes 2 and withholds up to 2 more. Where
    /// both hold, 4 − 2 − 2 − 2 = −2 is reached, so the bound may cut: −2 to 4 as before.
    #[test]
    fn a_shared_condition_that_adds_up_keeps_its_range() {
        let body = "    fact d discretion max 2 \"d\"\n    if A -2\n    if B -2\n    if B give d";
        let (r, codes) = reach_of("4", "section", body);
        assert_eq!(r, reach(Some(-2), Some(4), 0, 4));
        assert!(codes.is_empty(), "{codes:?}");
    }

    /// A `zero` that applies sets the item to 0 on its path: `if A -1` and `if not A
    /// zero` on 2 points end at 2 − 1 = 1 or at 0, never at 2 (taken independently,
    /// 2 could be reached where neither applies).
    #[test]
    fn a_zero_that_applies_ends_its_path_at_zero() {
        let (r, codes) = reach_of("2", "section", "    if A -1\n    if not A zero");
        assert_eq!(r, reach(Some(0), Some(1), 0, 1));
        assert_eq!(codes, vec![codes::FULL_UNREACHABLE]);
    }

    /// A percentage of the score that applies takes its share exactly: 10 − 50% × 10 =
    /// 5 where A, 10 − 5 = 5 where not A; the item always scores 5.
    #[test]
    fn a_percentage_of_the_score_that_applies_takes_its_share() {
        let (r, codes) = reach_of("10", "section", "    if A -50% of score\n    if not A -5");
        assert_eq!(r, reach(Some(5), Some(5), 5, 5));
        assert_eq!(
            codes,
            vec![codes::FULL_UNREACHABLE, codes::ZERO_UNREACHABLE]
        );
    }

    /// Deductions that exclude each other are not added up: 3 where A, at most 1 + 2
    /// where not A, so never more than the item's 3 points.
    #[test]
    fn exclusive_fixed_deductions_are_not_added() {
        let body =
            "    fact C bool \"c\"\n    if A -3\n    if not A and B -1\n    if not A and C -2";
        let (r, codes) = reach_of("3", "section", body);
        assert_eq!(r, reach(Some(0), Some(3), 0, 3));
        assert!(codes.is_empty(), "{codes:?}");
        // Where both can apply, 2 + 2 = 4 is more than 3.
        let (_, codes) = reach_of("3", "section", "    if A -2\n    if B -2");
        assert_eq!(codes, vec![codes::CLAUSE_EXCEEDS]);
    }

    /// A gain that applies only where nothing takes is always cut by the points; one
    /// that applies where a deduction does is not.
    #[test]
    fn a_gain_apart_from_every_deduction_is_cut() {
        let (_, codes) = reach_of("2", "section", "    if A -2\n    if not A and B +1");
        assert_eq!(codes, vec![codes::DEAD_CLAUSE]);
        let (r, codes) = reach_of("2", "section", "    if A -2\n    if A and B +1");
        assert_eq!(r, reach(Some(0), Some(2), 0, 2));
        assert!(codes.is_empty(), "{codes:?}");
        // In a bonus section (from 0), a deduction only where nothing gives is cut.
        let (_, codes) = reach_of("2", "bonus", "    if A +2\n    if not A -1");
        assert_eq!(codes, vec![codes::DEAD_CLAUSE]);
        let (r, codes) = reach_of("2", "bonus", "    if A +2\n    if A and B -1");
        assert_eq!(r, reach(Some(0), Some(2), 0, 2));
        assert!(codes.is_empty(), "{codes:?}");
    }

    /// A loss that applies keeps the highest score at its `floor`: from 3, `-3` then
    /// `-1 floor 1` leave 0 (below the floor already: the floor takes nothing), and the
    /// highest is 0, not 0 − 1.
    #[test]
    fn a_floor_holds_the_highest_of_a_loss_that_applies() {
        let text =
            "rubric t\ntotal 3\nitem x 3 {\n  fact A bool \"a\"\n  if A -3\n  if A -1 floor 1\n}\n";
        let source = crate::source::SourceFile::new("t.rule", text);
        let file = crate::syntax::parse(&source).expect("parses");
        let Some(Node::Item(item)) = file.nodes.into_iter().next() else {
            panic!("an item");
        };
        let three = Decimal::from(3);
        assert_eq!(
            path_range(&item, item.points.node, three, &[Part::Once, Part::Once]),
            (Some(Decimal::ZERO), Some(Decimal::ZERO))
        );
        // From 3 with only the second: 3 − 1 = 2, above the floor.
        assert_eq!(
            path_range(&item, item.points.node, three, &[Part::Not, Part::Once]),
            (Some(Decimal::TWO), Some(Decimal::TWO))
        );
        // Either may apply or not: 3 − 3 − 0 = 0 at the lowest (the floor keeps it
        // from −1), 3 at the highest.
        assert_eq!(
            path_range(&item, item.points.node, three, &[Part::Free, Part::Free]),
            (Some(Decimal::ZERO), Some(three))
        );
    }

    /// Twelve yes-or-no facts are followed; a thirteenth passes the limit, and the
    /// clauses are taken independently. With `if f0 -2` and `if not f0 -2` (one of
    /// them always) and `if fK -0.1` for the others, 4 points: followed, 4 − 2 − 1.1 =
    /// 0.9 to 4 − 2 = 2 (eleven of 0.1); independent, 4 − 4 − 1.2 = −1.2 to 4.
    #[test]
    fn past_the_limit_the_clauses_are_independent() {
        let item = |facts: usize| {
            let mut body = String::from("    if A -2\n    if not A -2\n");
            for k in 1..facts {
                body.push_str(&format!("    fact f{k} bool \"f\"\n    if f{k} -0.1\n"));
            }
            body
        };
        let (r, _) = reach_of("4", "section", &item(12));
        assert_eq!(r.clauses_low, Some(Decimal::new(9, 1)));
        assert_eq!(r.clauses_high, Some(Decimal::TWO));
        let (r, _) = reach_of("4", "section", &item(13));
        assert_eq!(r.clauses_low, Some(Decimal::new(-12, 1)));
        assert_eq!(r.clauses_high, Some(Decimal::from(4)));
    }
}
