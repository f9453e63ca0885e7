//! Evaluation: a checked rubric and one unit's evidence → a score [`Sheet`] with a trace.
//!
//! Each item starts from its points (or its `start`; items in `bonus` and `penalty`
//! sections start from 0), and its clauses apply in the order of the file, each one
//! kept by its own `floor` and `max`. `zero` (不得分) sets the item to 0 whatever else
//! applies. Sections add up their items; when items are not applicable the total of the
//! regular sections is prorated: earned ÷ applicable points × the rubric's total,
//! rounded as the rubric says. Bonus sections then add at most their points, penalty
//! sections take at most theirs, and the result is kept within 0 and the rubric's
//! `max` (its total, unless the header says `total 100 max 105`). All arithmetic is
//! exact decimal.

mod condition;
mod periods;
mod sheet;

pub use condition::{condition_facts, holds, path_value, Scalar};
pub use periods::Uncovered;
pub use sheet::{ItemScore, SectionScore, Sheet, Step, Used};

use rust_decimal::Decimal;

use crate::check::{bounds, Rubric};
use crate::diagnostic::{codes, Diagnostic};
use crate::evidence::{ItemFacts, Unit, Value};
use crate::span::Span;
use crate::syntax::ast::*;

/// What evaluation needs besides the item: the rubric, and the unit for diagnostics.
struct Env<'a> {
    rubric: &'a Rubric,
    unit: &'a Unit,
}

impl Env<'_> {
    fn uncovered(&self, u: Uncovered) -> Diagnostic {
        let name = self
            .rubric
            .calendar
            .as_ref()
            .map_or("the calendar".to_string(), |c| {
                format!("`{}`", c.source.name())
            });
        let years: Vec<String> = self
            .rubric
            .calendar
            .as_ref()
            .map(|c| c.years().iter().map(i32::to_string).collect())
            .unwrap_or_default();
        let d = Diagnostic::error(
            codes::CALENDAR_YEAR,
            format!("working days in {} cannot be counted: {name} does not list that year", u.year),
        )
        .help(format!(
            "the calendar lists {}; add the year's holidays and make-up working days to it (see its first lines)",
            if years.is_empty() { "no year".to_string() } else { years.join(", ") }
        ))
        .with_source(&self.unit.source);
        match u.span {
            Some(span) => d.primary(span, format!("a date in {}", u.year)),
            None => d,
        }
    }
}

/// Scores one unit.
pub fn evaluate(rubric: &Rubric, unit: &Unit) -> Result<Sheet, Diagnostic> {
    let env = Env { rubric, unit };
    let mut categories = Vec::new();
    let mut indicators = Vec::new();
    for node in &rubric.nodes {
        match node {
            Node::Section(s) => categories.push(section(&env, s, s.kind)?),
            Node::Item(i) => indicators.push(item_in(&env, i, SectionKind::Regular)?),
        }
    }
    let mut earned = Decimal::ZERO;
    let mut applicable = Decimal::ZERO;
    let mut bonus = Decimal::ZERO;
    let mut penalty = Decimal::ZERO;
    for s in &categories {
        match s.kind {
            SectionKind::Regular => {
                earned += s.score;
                applicable += s.applicable_points;
            }
            SectionKind::Bonus => bonus += s.score,
            SectionKind::Penalty => penalty += s.score,
        }
    }
    for i in indicators.iter().filter(|i| i.applicable) {
        earned += i.score.unwrap_or_default();
        applicable += i.points;
    }
    let all_points: Decimal = rubric
        .nodes
        .iter()
        .filter(|n| !matches!(n, Node::Section(s) if s.kind != SectionKind::Regular))
        .map(|n| n.points().node)
        .sum();
    let prorated = applicable != all_points;
    let base = if !prorated {
        earned
    } else if applicable.is_zero() {
        return Err(Diagnostic::error(
            codes::NOTHING_APPLICABLE,
            format!("no item is applicable to `{}`, so it has no score", unit.name),
        )
        .primary(unit.name_span, "this unit")
        .help("an item is left out when its `applicable unless` condition holds; check those facts in the evidence")
        .with_source(&unit.source));
    } else {
        rubric.rounding.apply(earned * rubric.total / applicable)
    };
    let raw = base + bonus + penalty;
    let score = raw.max(Decimal::ZERO).min(rubric.total_max);
    let limited = (score != raw).then(|| {
        if raw > score {
            format!(
                "{} limited to the rubric's most, {}",
                raw.normalize(),
                rubric.total_max.normalize()
            )
        } else {
            format!("{} limited to 0", raw.normalize())
        }
    });
    Ok(Sheet {
        unit: unit.name.clone(),
        score: score.normalize(),
        earned: earned.normalize(),
        applicable_points: applicable.normalize(),
        prorated,
        bonus: bonus.normalize(),
        penalty: penalty.normalize(),
        limited,
        categories,
        indicators,
    })
}

fn section(env: &Env<'_>, s: &Section, kind: SectionKind) -> Result<SectionScore, Diagnostic> {
    let mut out = SectionScore {
        name: s.name.node.clone(),
        kind,
        points: s.points.node,
        score: Decimal::ZERO,
        applicable_points: Decimal::ZERO,
        line: env.rubric.source.line(s.span.start),
        indicators: Vec::new(),
        sections: Vec::new(),
    };
    for child in &s.children {
        match child {
            Node::Section(sub) => {
                let sub = section(env, sub, kind)?;
                out.score += sub.score;
                out.applicable_points += sub.applicable_points;
                out.sections.push(sub);
            }
            Node::Item(i) => {
                let scored = item_in(env, i, kind)?;
                if scored.applicable {
                    out.score += scored.score.unwrap_or_default();
                    out.applicable_points += scored.points;
                }
                out.indicators.push(scored);
            }
        }
    }
    // A bonus gives at most its points, a penalty takes at most its points.
    out.score = match kind {
        SectionKind::Regular => out.score,
        SectionKind::Bonus => out.score.min(s.points.node),
        SectionKind::Penalty => out.score.max(-s.points.node),
    }
    .normalize();
    out.applicable_points = out.applicable_points.normalize();
    Ok(out)
}

fn signed(d: Decimal) -> String {
    let d = d.normalize();
    if d > Decimal::ZERO {
        format!("+{d}")
    } else {
        format!("{d}")
    }
}

fn clause_text(rubric: &Rubric, span: Span) -> String {
    rubric.source.text()[span.start..span.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn used(facts: &ItemFacts, names: &[&str]) -> Vec<Used> {
    names
        .iter()
        .map(|n| Used {
            fact: (*n).to_string(),
            value: facts
                .get(*n)
                .map_or("(not given)".to_string(), |f| f.value.to_string()),
        })
        .collect()
}

/// Scores one item of a regular section.
pub fn item(rubric: &Rubric, unit: &Unit, item: &Item) -> Result<ItemScore, Diagnostic> {
    item_in(&Env { rubric, unit }, item, SectionKind::Regular)
}

fn item_in(env: &Env<'_>, item: &Item, kind: SectionKind) -> Result<ItemScore, Diagnostic> {
    let empty = ItemFacts::new();
    let facts = env.unit.items.get(&item.name.node).unwrap_or(&empty);
    let rubric = env.rubric;
    let calendar = rubric.calendar.as_ref();
    let line = rubric.source.line(item.span.start);
    let points = item.points.node;
    if let Some(cond) = &item.applicable_unless {
        if holds(cond, facts, calendar).map_err(|u| env.uncovered(u))? {
            let names = condition_facts(cond);
            return Ok(ItemScore {
                name: item.name.node.clone(),
                points,
                score: None,
                applicable: false,
                line,
                trace: vec![Step {
                    clause: format!("applicable unless {}", clause_text(rubric, cond.span)),
                    line: rubric.source.line(cond.span.start),
                    evidence: used(facts, &names),
                    delta: Decimal::ZERO,
                    score: Decimal::ZERO,
                    note: "not applicable (折分处理): left out, and the total prorated".into(),
                }],
            });
        }
    }
    let (low, high, default_start) = bounds(item, kind);
    let mut score = item.start.as_ref().map_or(default_start, |s| s.node);
    let mut trace: Vec<Step> = Vec::new();
    // 不得分 steps wait until every other clause has applied.
    let mut zeros: Vec<Step> = Vec::new();
    for clause in &item.clauses {
        let Some(applied) = apply(env, item, clause, facts, &mut score)? else {
            continue;
        };
        match applied {
            Applied::Zero(step) => zeros.push(step),
            Applied::Step(step) => trace.push(step),
        }
    }
    for (n, mut zero) in zeros.into_iter().enumerate() {
        // 不得分: whatever else applied, the item ends at 0. The first such step comes
        // after all the others and takes what is left, so the deltas always add up to
        // the score; any further one takes nothing more.
        zero.delta = (-score).normalize();
        zero.score = Decimal::ZERO;
        zero.note = if n == 0 {
            format!(
                "{}, so the item scores 0 whatever else applies ({})",
                zero.note,
                signed(zero.delta)
            )
        } else {
            format!("{}; the item is already 0", zero.note)
        };
        score = Decimal::ZERO;
        trace.push(zero);
    }
    if score < low || score > high {
        // The checker proves this cannot happen; a score outside the item's bounds is
        // refused rather than clamped, so a bug can never publish a wrong score.
        return Err(Diagnostic::error(
            codes::POINTS_EXCEED,
            format!("internal error: item `{}` scored {} outside {} to {}", item.name.node, score, low, high),
        )
        .primary(item.name.span, "this item")
        .help("this is a bug in kaohe's checker; please report it with the rule file and the evidence")
        .with_source(&rubric.source));
    }
    Ok(ItemScore {
        name: item.name.node.clone(),
        points,
        score: Some(score.normalize()),
        applicable: true,
        line,
        trace,
    })
}

/// What a clause did: an ordinary step, or a 不得分 that applies after all the others.
enum Applied {
    Step(Step),
    Zero(Step),
}

/// Applies one clause to the running score; the step when it changed anything.
fn apply(
    env: &Env<'_>,
    item: &Item,
    clause: &Clause,
    facts: &ItemFacts,
    score: &mut Decimal,
) -> Result<Option<Applied>, Diagnostic> {
    let rubric = env.rubric;
    let calendar = rubric.calendar.as_ref();
    let points = item.points.node;
    let step = |delta: Decimal, names: Vec<&str>, note: String, score_after: Decimal| Step {
        clause: clause_text(rubric, clause.span),
        line: rubric.source.line(clause.span.start),
        evidence: used(facts, &names),
        delta,
        score: score_after,
        note,
    };
    let mut effect = clause.effect.node;
    // How many times the effect applies (a decimal for a discretionary score), and why.
    let (times, mut names, why): (Decimal, Vec<&str>, String) = match &clause.kind {
        ClauseKind::If(cond) => {
            if !holds(cond, facts, calendar).map_err(|u| env.uncovered(u))? {
                return Ok(None);
            }
            (
                Decimal::ONE,
                condition_facts(cond),
                "the condition holds".into(),
            )
        }
        ClauseKind::Per { fact, except, over } => {
            let name = vec![fact.fact.node.as_str()];
            match (facts.get(&fact.fact.node).map(|f| &f.value), over) {
                (Some(Value::Periods(list)), Some(over)) => {
                    let late = periods::over(list, over, calendar).map_err(|u| env.uncovered(u))?;
                    if late.is_empty() {
                        return Ok(None);
                    }
                    let why = format!(
                        "{} over {} {} ({})",
                        late.len(),
                        over.count.node,
                        over.unit.keyword(),
                        late.join("; ")
                    );
                    (Decimal::from(late.len() as u64), name, why)
                }
                (
                    Some(Value::Discretion {
                        score: given,
                        reason,
                    }),
                    _,
                ) => {
                    if given.is_zero() {
                        return Ok(None);
                    }
                    (
                        *given,
                        name,
                        format!("{} given ({reason})", given.normalize()),
                    )
                }
                _ => {
                    let n = per_count(fact, except, facts);
                    if n == 0 {
                        return Ok(None);
                    }
                    (Decimal::from(n), name, format!("{n} found"))
                }
            }
        }
        ClauseKind::Missing { fact, except } => {
            let absent = missing_members(item, fact, except, facts);
            if absent.is_empty() {
                return Ok(None);
            }
            let n = absent.len() as u64;
            (
                Decimal::from(n),
                vec![fact.fact.node.as_str()],
                format!("{n} missing ({})", absent.join("、")),
            )
        }
        ClauseKind::Deadline { fact, by, never } => {
            let why = match facts.get(&fact.fact.node).map(|f| &f.value) {
                Some(Value::Date(Some(d))) if *d <= by.node => return Ok(None),
                Some(Value::Date(Some(d))) => format!("{d} is after the deadline {}", by.node),
                _ => {
                    if let Some(n) = never {
                        effect = n.node;
                    }
                    format!("never done, deadline {}", by.node)
                }
            };
            (Decimal::ONE, vec![fact.fact.node.as_str()], why)
        }
    };
    if let Some(unless) = &clause.unless {
        if holds(unless, facts, calendar).map_err(|u| env.uncovered(u))? {
            let mut exempt_names = condition_facts(unless);
            names.append(&mut exempt_names);
            let note = format!(
                "{why}, but exempted by `unless {}`: nothing taken",
                clause_text(rubric, unless.span)
            );
            return Ok(Some(Applied::Step(step(
                Decimal::ZERO,
                names,
                note,
                *score,
            ))));
        }
    }
    let once = times == Decimal::ONE;
    let (raw, how) = match effect {
        Effect::Zero => {
            return Ok(Some(Applied::Zero(step(
                Decimal::ZERO,
                names,
                format!("{why}: 不得分"),
                *score,
            ))));
        }
        Effect::Points(unit) => (
            unit * times,
            if once {
                signed(unit)
            } else {
                format!(
                    "{} × {} = {}",
                    times.normalize(),
                    signed(unit),
                    signed(unit * times)
                )
            },
        ),
        Effect::Percent { percent, base } => {
            let (base_value, base_word) = match base {
                PercentBase::Points => (points, "points"),
                PercentBase::Score => (*score, "score"),
            };
            let total = percent / Decimal::ONE_HUNDRED * base_value * times;
            let how = if once {
                format!(
                    "{}% of {base_word} {} = {}",
                    signed(percent),
                    base_value.normalize(),
                    signed(total)
                )
            } else {
                format!(
                    "{} × {}% of {base_word} {} = {}",
                    times.normalize(),
                    signed(percent),
                    base_value.normalize(),
                    signed(total)
                )
            };
            (total, how)
        }
    };
    let mut delta = raw;
    let mut limits = Vec::new();
    if let Some(max) = &clause.max {
        if delta.abs() > max.node {
            delta = if delta < Decimal::ZERO {
                -max.node
            } else {
                max.node
            };
            limits.push(format!("limited to {} by max {}", signed(delta), max.node));
        }
    }
    if let Some(floor) = &clause.floor {
        if delta < Decimal::ZERO {
            let lowest = (*score).min(floor.node);
            if *score + delta < lowest {
                delta = lowest - *score;
                limits.push(format!(
                    "limited to {} by floor {}",
                    signed(delta),
                    floor.node
                ));
            }
        }
    }
    if delta.is_zero() && limits.is_empty() {
        return Ok(None);
    }
    *score += delta;
    let mut note = format!("{why}: {how}");
    for l in limits {
        note.push_str(", ");
        note.push_str(&l);
    }
    Ok(Some(Applied::Step(step(
        delta.normalize(),
        names,
        note,
        score.normalize(),
    ))))
}

fn per_count(fact: &FactPath, except: &[crate::span::Spanned<String>], facts: &ItemFacts) -> u64 {
    match (facts.get(&fact.fact.node).map(|f| &f.value), &fact.member) {
        (Some(Value::Count(n)), _) => *n,
        (Some(Value::Set(s)), None) => s
            .iter()
            .filter(|m| !except.iter().any(|e| &e.node == *m))
            .count() as u64,
        (Some(Value::Tally(t)), Some(m)) => {
            t.iter().find(|(k, _)| *k == m.node).map_or(0, |(_, n)| *n)
        }
        (Some(Value::Tally(t)), None) => t.iter().map(|(_, n)| n).sum(),
        _ => 0,
    }
}

fn missing_members(
    item: &Item,
    fact: &FactPath,
    except: &[crate::span::Spanned<String>],
    facts: &ItemFacts,
) -> Vec<String> {
    let Some(decl) = item.facts.iter().find(|f| f.name.node == fact.fact.node) else {
        return Vec::new();
    };
    let present = match facts.get(&fact.fact.node).map(|f| &f.value) {
        Some(Value::Set(s)) => s.clone(),
        _ => Vec::new(),
    };
    decl.ty
        .node
        .members()
        .unwrap_or(&[])
        .iter()
        .map(|m| &m.name.node)
        .filter(|m| !present.contains(*m) && !except.iter().any(|e| &e.node == *m))
        .cloned()
        .collect()
}
