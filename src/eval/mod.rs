//! Evaluation: a checked rubric and one unit's evidence → a score [`Sheet`] with a trace.
//!
//! Each item starts from its points (or its `start`), and its clauses apply in the
//! order of the file, each one kept by its own `floor` and `max`. `zero` (不得分) sets
//! the item to 0 whatever else applies. Sections add up their items; when items are
//! not applicable the total is prorated: earned ÷ applicable points × the rubric's
//! total, rounded as the rubric says. All arithmetic is exact decimal.

mod condition;
mod sheet;

pub use condition::{condition_facts, holds, path_value, Scalar};
pub use sheet::{ItemScore, SectionScore, Sheet, Step, Used};

use rust_decimal::Decimal;

use crate::check::Rubric;
use crate::diagnostic::{codes, Diagnostic};
use crate::evidence::{ItemFacts, Unit, Value};
use crate::syntax::ast::*;

/// Scores one unit.
pub fn evaluate(rubric: &Rubric, unit: &Unit) -> Result<Sheet, Diagnostic> {
    let empty = ItemFacts::new();
    let mut categories = Vec::new();
    let mut indicators = Vec::new();
    for node in &rubric.nodes {
        match node {
            Node::Section(s) => categories.push(section(rubric, unit, s, &empty)?),
            Node::Item(i) => indicators.push(item(
                rubric,
                i,
                unit.items.get(&i.name.node).unwrap_or(&empty),
            )?),
        }
    }
    let mut earned = Decimal::ZERO;
    let mut applicable = Decimal::ZERO;
    for s in &categories {
        earned += s.score;
        applicable += s.applicable_points;
    }
    for i in indicators.iter().filter(|i| i.applicable) {
        earned += i.score.unwrap_or_default();
        applicable += i.points;
    }
    let all_points: Decimal = rubric.nodes.iter().map(|n| n.points().node).sum();
    let prorated = applicable != all_points;
    let score = if !prorated {
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
    Ok(Sheet {
        unit: unit.name.clone(),
        score: score.normalize(),
        earned: earned.normalize(),
        applicable_points: applicable.normalize(),
        prorated,
        categories,
        indicators,
    })
}

fn section(
    rubric: &Rubric,
    unit: &Unit,
    s: &Section,
    empty: &ItemFacts,
) -> Result<SectionScore, Diagnostic> {
    let mut out = SectionScore {
        name: s.name.node.clone(),
        points: s.points.node,
        score: Decimal::ZERO,
        applicable_points: Decimal::ZERO,
        line: rubric.source.line(s.span.start),
        indicators: Vec::new(),
        sections: Vec::new(),
    };
    for child in &s.children {
        match child {
            Node::Section(sub) => {
                let sub = section(rubric, unit, sub, empty)?;
                out.score += sub.score;
                out.applicable_points += sub.applicable_points;
                out.sections.push(sub);
            }
            Node::Item(i) => {
                let scored = item(rubric, i, unit.items.get(&i.name.node).unwrap_or(empty))?;
                if scored.applicable {
                    out.score += scored.score.unwrap_or_default();
                    out.applicable_points += scored.points;
                }
                out.indicators.push(scored);
            }
        }
    }
    out.score = out.score.normalize();
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

fn clause_text(rubric: &Rubric, span: crate::span::Span) -> String {
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

/// Scores one item.
pub fn item(rubric: &Rubric, item: &Item, facts: &ItemFacts) -> Result<ItemScore, Diagnostic> {
    let line = rubric.source.line(item.span.start);
    let points = item.points.node;
    if let Some(cond) = &item.applicable_unless {
        if holds(cond, facts) {
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
    let mut score = item.start.as_ref().map_or(points, |s| s.node);
    let mut trace: Vec<Step> = Vec::new();
    // 不得分 steps wait until every other clause has applied.
    let mut zeros: Vec<Step> = Vec::new();
    for clause in &item.clauses {
        let Some(applied) = apply(rubric, item, clause, facts, &mut score) else {
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
    if score < Decimal::ZERO || score > points {
        // The checker proves this cannot happen; a score outside the item's points is
        // refused rather than clamped, so a bug can never publish a wrong score.
        return Err(Diagnostic::error(
            codes::POINTS_EXCEED,
            format!("internal error: item `{}` scored {} outside 0 to {}", item.name.node, score, points),
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
    rubric: &Rubric,
    item: &Item,
    clause: &Clause,
    facts: &ItemFacts,
    score: &mut Decimal,
) -> Option<Applied> {
    let points = item.points.node;
    let step = |delta: Decimal, names: Vec<&str>, note: String, score_after: Decimal| Step {
        clause: clause_text(rubric, clause.span),
        line: rubric.source.line(clause.span.start),
        evidence: used(facts, &names),
        delta,
        score: score_after,
        note,
    };
    // How many times the effect applies, and why, in words.
    let (times, mut names, why): (u64, Vec<&str>, String) = match &clause.kind {
        ClauseKind::If(cond) => {
            let names = condition_facts(cond);
            if !holds(cond, facts) {
                return None;
            }
            (1, names, "the condition holds".into())
        }
        ClauseKind::Per { fact, except } => {
            let n = per_count(fact, except, facts);
            if n == 0 {
                return None;
            }
            (n, vec![fact.fact.node.as_str()], format!("{n} found"))
        }
        ClauseKind::Missing { fact, except } => {
            let absent = missing_members(item, fact, except, facts);
            if absent.is_empty() {
                return None;
            }
            let n = absent.len() as u64;
            (
                n,
                vec![fact.fact.node.as_str()],
                format!("{n} missing ({})", absent.join("、")),
            )
        }
        ClauseKind::Deadline { fact, by } => {
            let why = match facts.get(&fact.fact.node).map(|f| &f.value) {
                Some(Value::Date(Some(d))) if *d <= by.node => return None,
                Some(Value::Date(Some(d))) => format!("{d} is after the deadline {}", by.node),
                _ => format!("never done, deadline {}", by.node),
            };
            (1, vec![fact.fact.node.as_str()], why)
        }
    };
    if let Some(unless) = &clause.unless {
        if holds(unless, facts) {
            let mut exempt_names = condition_facts(unless);
            names.append(&mut exempt_names);
            let note = format!(
                "{why}, but exempted by `unless {}`: nothing taken",
                clause_text(rubric, unless.span)
            );
            return Some(Applied::Step(step(Decimal::ZERO, names, note, *score)));
        }
    }
    let times_d = Decimal::from(times);
    let (raw, how) = match clause.effect.node {
        Effect::Zero => {
            return Some(Applied::Zero(step(
                Decimal::ZERO,
                names,
                format!("{why}: 不得分"),
                *score,
            )))
        }
        Effect::Points(unit) => (
            unit * times_d,
            if times == 1 {
                signed(unit)
            } else {
                format!("{times} × {} = {}", signed(unit), signed(unit * times_d))
            },
        ),
        Effect::Percent { percent, base } => {
            let (base_value, base_word) = match base {
                PercentBase::Points => (points, "points"),
                PercentBase::Score => (*score, "score"),
            };
            let each = percent / Decimal::ONE_HUNDRED * base_value;
            let total = each * times_d;
            let how = if times == 1 {
                format!(
                    "{}% of {base_word} {} = {}",
                    signed(percent),
                    base_value.normalize(),
                    signed(total)
                )
            } else {
                format!(
                    "{times} × {}% of {base_word} {} = {}",
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
        return None;
    }
    *score += delta;
    let mut note = format!("{why}: {how}");
    for l in limits {
        note.push_str(", ");
        note.push_str(&l);
    }
    Some(Applied::Step(step(
        delta.normalize(),
        names,
        note,
        score.normalize(),
    )))
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
