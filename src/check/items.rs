//! Names and types: indicators are unique; inside each item, facts are declared once,
//! used, and used as their type allows.

mod arith;

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::problem::CheckError;
use super::suggest;
use crate::diagnostic::Diagnostic;
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;

use arith::numeric;

/// Sections and items share one namespace: evidence and reports name them.
pub fn check_names(nodes: &[Node], out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    let mut stack: Vec<&Node> = nodes.iter().rev().collect();
    while let Some(node) = stack.pop() {
        let name = node.name();
        let what = match node {
            Node::Section(_) => "section",
            Node::Item(_) => "item",
        };
        if let Some(first) = seen.get(name.node.as_str()) {
            out.push(
                CheckError::DuplicateName {
                    span: name.span,
                    first: *first,
                    name: name.node.clone(),
                    section: what == "section",
                }
                .into(),
            );
        } else {
            seen.insert(&name.node, name.span);
        }
        if let Node::Section(s) = node {
            stack.extend(s.children.iter().rev());
        }
    }
}

/// What a fact path or literal stands for in a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bool,
    Count,
    Percent,
    Date,
    Set,
    Tally,
    Periods,
    Discretion,
    /// A `dates` fact: its gaps count as periods do.
    Dates,
    /// A `number` fact.
    Number,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Bool => "bool",
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Date => "date",
            Kind::Set => "set",
            Kind::Tally => "tally",
            Kind::Periods => "periods",
            Kind::Discretion => "discretion",
            Kind::Dates => "dates",
            Kind::Number => "number",
        }
    }
}

/// What every item is checked against: the rubric's year and whether it has a calendar.
pub struct Context {
    pub year: Option<i32>,
    pub has_calendar: bool,
    /// The kind of the top-level section the item stands in.
    pub kind: SectionKind,
    /// The item's points, a weight worked out (`super::weights`).
    pub points: Decimal,
}

struct ItemChecker<'a> {
    item: &'a Item,
    /// The item's points, a weight worked out.
    points: Decimal,
    year: Option<i32>,
    has_calendar: bool,
    kind: SectionKind,
    used: Vec<bool>,
    out: Vec<Diagnostic>,
}

/// Checks one item; true when it has no error, so its range can be worked out.
pub fn check_item(item: &Item, context: &Context, out: &mut Vec<Diagnostic>) -> bool {
    let mut c = ItemChecker {
        item,
        points: context.points,
        year: context.year,
        has_calendar: context.has_calendar,
        kind: context.kind,
        used: vec![false; item.facts.len()],
        out: Vec::new(),
    };
    c.declarations();
    if let Some(start) = &item.start {
        let penalty = context.kind == SectionKind::Penalty;
        if penalty && !start.node.is_zero() {
            c.problem(CheckError::StartInPenalty {
                span: start.span,
                start: start.node,
            });
        } else if start.node < Decimal::ZERO || start.node > context.points {
            c.problem(CheckError::StartOutside {
                span: start.span,
                start: start.node,
                points: context.points,
                points_span: item.points.span,
            });
        }
    }
    if let Some(cond) = &item.applicable_unless {
        if context.kind != SectionKind::Regular {
            c.problem(CheckError::ApplicablePlacement {
                span: cond.span,
                keyword: context.kind.keyword(),
            });
        }
        c.condition(cond);
    }
    for clause in &item.clauses {
        c.clause(clause);
    }
    for (fact, used) in item.facts.iter().zip(&c.used) {
        if !used {
            c.out.push(
                CheckError::Unused {
                    span: fact.name.span,
                    name: fact.name.node.clone(),
                    item: item.name.node.clone(),
                }
                .into(),
            );
        }
    }
    let ok = !c.out.iter().any(Diagnostic::is_error);
    out.append(&mut c.out);
    ok
}

impl ItemChecker<'_> {
    fn problem(&mut self, problem: CheckError) {
        self.out.push(problem.into());
    }

    fn declarations(&mut self) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for fact in &self.item.facts {
            if let Some(first) = seen.get(fact.name.node.as_str()) {
                self.problem(CheckError::DuplicateFact {
                    span: fact.name.span,
                    first: *first,
                    name: fact.name.node.clone(),
                });
            } else {
                seen.insert(&fact.name.node, fact.name.span);
            }
            match &fact.ty.node {
                FactType::Periods { from, to } if from.node == to.node => {
                    self.problem(CheckError::PeriodNames {
                        span: to.span,
                        name: from.node.clone(),
                    })
                }
                FactType::Dates if self.year.is_none() => self.problem(CheckError::DatesYear {
                    span: fact.ty.span,
                    name: fact.name.node.clone(),
                }),
                FactType::Discretion { max } if max.node <= Decimal::ZERO => {
                    self.problem(CheckError::DiscretionMax {
                        span: max.span,
                        max: max.node,
                    })
                }
                FactType::Number { max: Some(max) } | FactType::Percent { max: Some(max) }
                    if max.node <= Decimal::ZERO =>
                {
                    self.problem(CheckError::NumberMax {
                        span: max.span,
                        max: max.node,
                    })
                }
                _ => {}
            }
            if let Some(members) = fact.ty.node.members() {
                let mut seen_m: HashMap<&str, Span> = HashMap::new();
                for m in members {
                    if let Some(first) = seen_m.get(m.name.node.as_str()) {
                        self.problem(CheckError::DuplicateMember {
                            span: m.name.span,
                            first: *first,
                            name: m.name.node.clone(),
                        });
                    } else {
                        seen_m.insert(&m.name.node, m.name.span);
                    }
                }
            }
            if let Some(default) = &fact.default {
                let fits = matches!(
                    (&fact.ty.node, &default.node),
                    (FactType::Bool, Literal::Bool(_))
                        | (FactType::Count { .. }, Literal::Number(_))
                        | (FactType::Percent { .. }, Literal::Percent(_))
                        | (FactType::Number { .. }, Literal::Number(_))
                        | (FactType::Date, Literal::Date(_))
                );
                if !fits {
                    self.problem(CheckError::DefaultType {
                        span: default.span,
                        type_span: fact.ty.span,
                        name: fact.name.node.clone(),
                        given: default.node.describe(),
                        kind: fact.ty.node.describe(),
                    });
                } else if let (FactType::Count { max }, Literal::Number(n)) =
                    (&fact.ty.node, &default.node)
                {
                    let limit = max.as_ref().map(|m| Decimal::from(m.node));
                    if n.fract() != Decimal::ZERO
                        || *n < Decimal::ZERO
                        || limit.is_some_and(|m| *n > m)
                    {
                        self.problem(CheckError::DefaultCount {
                            span: default.span,
                            default: *n,
                            max: limit,
                        });
                    }
                } else if let Literal::Percent(p) = &default.node {
                    if *p > percent_limit(&fact.ty.node) {
                        self.problem(percent_over(*p, default.span));
                    }
                } else {
                    self.number_default(fact, default);
                }
            }
        }
    }

    /// Looks a fact up by name, marks it used, or reports it undeclared.
    fn resolve(&mut self, name: &Spanned<String>) -> Option<&FactDecl> {
        let item = self.item;
        match item.facts.iter().position(|f| f.name.node == name.node) {
            Some(i) => {
                self.used[i] = true;
                Some(&item.facts[i])
            }
            None => {
                let closest =
                    suggest::closest(&name.node, item.facts.iter().map(|f| f.name.node.as_str()));
                self.problem(CheckError::Undeclared {
                    span: name.span,
                    name: name.node.clone(),
                    item: item.name.node.clone(),
                    closest: closest.map(str::to_string),
                });
                None
            }
        }
    }

    fn check_member(&mut self, fact: &FactDecl, member: &Spanned<String>) -> bool {
        let members = fact.ty.node.members().unwrap_or(&[]);
        if members.iter().any(|m| m.name.node == member.node) {
            return true;
        }
        let list: Vec<&str> = members.iter().map(|m| m.name.node.as_str()).collect();
        let closest = suggest::closest(&member.node, list.iter().copied());
        self.problem(CheckError::UnknownMember {
            span: member.span,
            member: member.node.clone(),
            name: fact.name.node.clone(),
            listed: fact.ty.span,
            closest: closest.map(str::to_string),
            members: list.into_iter().map(str::to_string).collect(),
        });
        false
    }

    /// The kind a fact path stands for, or None after reporting why it has none.
    fn path(&mut self, path: &FactPath) -> Option<Kind> {
        let fact = self.resolve(&path.fact)?.clone();
        let kind = match &fact.ty.node {
            FactType::Bool => Kind::Bool,
            FactType::Count { .. } => Kind::Count,
            FactType::Percent { .. } => Kind::Percent,
            FactType::Date => Kind::Date,
            FactType::Set(_) => Kind::Set,
            FactType::Tally(_) => Kind::Tally,
            FactType::Periods { .. } => Kind::Periods,
            FactType::Discretion { .. } => Kind::Discretion,
            // Its gaps are periods: `over N days` counts them.
            FactType::Dates => Kind::Dates,
            FactType::Number { .. } => Kind::Number,
        };
        match &path.member {
            None => Some(kind),
            Some(member) => match kind {
                Kind::Set => self.check_member(&fact, member).then_some(Kind::Bool),
                Kind::Tally => self.check_member(&fact, member).then_some(Kind::Count),
                _ => {
                    self.problem(CheckError::NoMembers {
                        span: path.span,
                        type_span: fact.ty.span,
                        name: fact.name.node.clone(),
                        kind: kind.word(),
                    });
                    None
                }
            },
        }
    }

    /// A `give` reads its discretionary fact alone: the evidence need not give it where
    /// the clause's condition does not hold, so no other clause may count on it.
    fn give_shared(&mut self, clause: &Clause, fact: &FactPath) {
        let other = self.item.clauses.iter().find(|c| {
            !std::ptr::eq(*c, clause)
                && match &c.kind {
                    ClauseKind::Per { fact: f, .. }
                    | ClauseKind::Missing { fact: f, .. }
                    | ClauseKind::Give { fact: f, .. } => f.fact.node == fact.fact.node,
                    _ => false,
                }
        });
        if let Some(other) = other {
            self.problem(CheckError::GiveShared {
                span: fact.span,
                other: other.span,
                name: fact.fact.node.clone(),
            });
        }
    }

    /// A `give`'s part is worth its fact's `max`, and the item's clauses take from its
    /// points what the assessor withheld: a `max` above the points would turn a score
    /// given within it (7 of 8 on a 6-point item) into points lost (6 − 1 = 5), so it
    /// is refused rather than cut by the item's bound.
    fn give_within_points(&mut self, fact: &FactPath) {
        let Some(decl) = self.lookup(&fact.fact) else {
            return;
        };
        let FactType::Discretion { max } = &decl.ty.node else {
            return;
        };
        let points = self.points;
        if max.node > points {
            self.problem(CheckError::GiveOverPoints {
                span: max.span,
                given: fact.span,
                points_span: self.item.points.span,
                name: fact.fact.node.clone(),
                max: max.node,
                points,
            });
        }
    }

    fn expect_kind(
        &mut self,
        path: &FactPath,
        kind: Option<Kind>,
        wanted: &[Kind],
        role: &'static str,
    ) -> bool {
        match kind {
            Some(k) if wanted.contains(&k) => true,
            // The gaps of a `dates` fact are periods.
            Some(Kind::Dates) if wanted.contains(&Kind::Periods) => true,
            Some(k) => {
                self.problem(CheckError::WrongKind {
                    span: path.span,
                    role,
                    wanted: wanted.iter().map(|w| w.word()).collect(),
                    fact: path_text(path),
                    found: k.word(),
                });
                false
            }
            None => false,
        }
    }

    fn condition(&mut self, cond: &Condition) {
        match &cond.kind {
            ConditionKind::Fact(path) => {
                let k = self.path(path);
                self.expect_kind(path, k, &[Kind::Bool], "a condition");
            }
            ConditionKind::Not(inner) => self.condition(inner),
            ConditionKind::And(parts) | ConditionKind::Or(parts) => {
                for p in parts {
                    self.condition(p);
                }
            }
            ConditionKind::Compare { left, op, right } => {
                let l = self.operand(left);
                let r = self.operand(right);
                self.percent_literals(left, right);
                let (Some(l), Some(r)) = (l, r) else { return };
                let comparable = match (l, r) {
                    (OpKind::Fact(a), OpKind::Fact(b)) => {
                        (a == b && a != Kind::Set && a != Kind::Tally)
                            || (numeric(a) == Some(NumKind::Number)
                                && numeric(b) == Some(NumKind::Number))
                    }
                    (OpKind::Arith(a), OpKind::Arith(b)) => a == b,
                    (OpKind::Arith(a), OpKind::Fact(k)) | (OpKind::Fact(k), OpKind::Arith(a)) => {
                        numeric(k) == Some(a)
                    }
                    (OpKind::Arith(a), OpKind::Lit(lit)) | (OpKind::Lit(lit), OpKind::Arith(a)) => {
                        lit == a.word()
                    }
                    (OpKind::Fact(k), OpKind::Lit(lit)) | (OpKind::Lit(lit), OpKind::Fact(k)) => {
                        matches!(
                            (k, lit),
                            (Kind::Count | Kind::Discretion | Kind::Number, "number")
                                | (Kind::Percent, "percent")
                                | (Kind::Date, "date")
                                | (Kind::Bool, "bool")
                        )
                    }
                    (OpKind::Lit(_), OpKind::Lit(_)) => {
                        self.problem(CheckError::FixedComparison { span: cond.span });
                        return;
                    }
                };
                let ordered = !matches!(op.node, CompareOp::Eq | CompareOp::Ne);
                let is_bool =
                    matches!(l, OpKind::Fact(Kind::Bool)) || matches!(r, OpKind::Fact(Kind::Bool));
                if !comparable {
                    self.problem(CheckError::Incomparable {
                        left: left.span(),
                        right: right.span(),
                        left_kind: l.word(),
                        right_kind: r.word(),
                    });
                } else if ordered && is_bool {
                    self.problem(CheckError::OrderedBool {
                        span: op.span,
                        op: op.node.symbol(),
                    });
                }
            }
        }
    }

    fn operand(&mut self, operand: &Operand) -> Option<OpKind> {
        match operand {
            Operand::Periods { fact, over, .. } => {
                let k = self.path(fact);
                if !self.expect_kind(fact, k, &[Kind::Periods], "`over`") {
                    return None;
                }
                self.over(over);
                Some(OpKind::Fact(Kind::Count))
            }
            Operand::Fact(path) => {
                let k = self.path(path)?;
                Some(OpKind::Fact(k))
            }
            Operand::Literal(lit) => {
                if let Literal::Date(d) = lit.node {
                    self.date_in_year(d, lit.span);
                }
                Some(OpKind::Lit(lit.node.describe()))
            }
            Operand::Arith(a) => self.arith(a, None).map(OpKind::Arith),
        }
    }

    fn date_in_year(&mut self, date: chrono::NaiveDate, span: Span) {
        use chrono::Datelike;
        if let Some(year) = self.year {
            let allowed = super::allow::allows(self.item, super::allow::OUTSIDE_YEAR);
            if date.year() != year && date != chrono::NaiveDate::MIN && !allowed {
                self.problem(CheckError::DateYear { span, date, year });
            }
        }
    }

    fn except(
        &mut self,
        fact: &FactDecl,
        except: &[Spanned<String>],
        path: &FactPath,
        clause: &'static str,
    ) {
        if except.is_empty() {
            return;
        }
        if !matches!(fact.ty.node, FactType::Set(_)) || path.member.is_some() {
            self.problem(CheckError::Except {
                span: except[0].span,
                fact: path_text(path),
                clause,
            });
            return;
        }
        for member in except {
            self.check_member(fact, member);
        }
    }

    fn clause(&mut self, clause: &Clause) {
        let points = self.points;
        match &clause.kind {
            ClauseKind::If(cond) => {
                self.condition(cond);
                self.divisors(clause, &arith::expressions(cond));
            }
            ClauseKind::Give { condition, fact } => {
                if let Some(cond) = condition {
                    self.condition(cond);
                }
                let kind = self.path(fact);
                if self.expect_kind(fact, kind, &[Kind::Discretion], "`give`") {
                    self.give_within_points(fact);
                }
                self.give_shared(clause, fact);
            }
            ClauseKind::Per {
                fact: path,
                except,
                over,
            } => {
                let kind = self.path(path);
                let wanted = [
                    Kind::Count,
                    Kind::Set,
                    Kind::Tally,
                    Kind::Discretion,
                    Kind::Periods,
                    Kind::Number,
                    Kind::Percent,
                ];
                if self.expect_kind(path, kind, &wanted, "`per`") {
                    if let Some(f) = self.lookup(&path.fact) {
                        self.except(&f, except, path, "per");
                    }
                    match (kind, over) {
                        (Some(Kind::Periods | Kind::Dates), Some(over)) => self.over(over),
                        (Some(Kind::Periods | Kind::Dates), None) => {
                            self.problem(CheckError::PerNeedsOver {
                                span: path.span,
                                fact: path.fact.node.clone(),
                            })
                        }
                        (Some(k), Some(over)) => self.problem(CheckError::OverNeedsPeriods {
                            span: over.span,
                            fact: path.fact.node.clone(),
                            kind: k.word(),
                        }),
                        _ => {}
                    }
                }
            }
            ClauseKind::Missing { fact: path, except } => {
                let kind = self.path(path);
                if self.expect_kind(path, kind, &[Kind::Set], "`missing`") {
                    if let Some(f) = self.lookup(&path.fact) {
                        self.except(&f, except, path, "missing");
                    }
                }
            }
            ClauseKind::Deadline {
                fact: path,
                by,
                never,
                more,
            } => {
                if let Some(never) = never {
                    if let Effect::Percent { percent, .. } = never.node {
                        if percent.abs() > Decimal::ONE_HUNDRED {
                            self.problem(percent_over(percent, never.span));
                        }
                    }
                }
                let kind = self.path(path);
                self.expect_kind(path, kind, &[Kind::Date], "`deadline`");
                for (n, other) in more.iter().enumerate() {
                    let kind = self.path(other);
                    self.expect_kind(other, kind, &[Kind::Date], "`deadline`");
                    let earlier = std::iter::once(path).chain(&more[..n]);
                    if let Some(first) =
                        earlier.into_iter().find(|p| p.fact.node == other.fact.node)
                    {
                        self.problem(CheckError::DeadlineTwice {
                            span: other.span,
                            first: first.span,
                            name: other.fact.node.clone(),
                        });
                    }
                }
                self.date_in_year(by.node, by.span);
            }
            ClauseKind::Quantity { quantity, step } => self.quantity(clause, quantity, step),
        }
        let counted = matches!(
            clause.kind,
            ClauseKind::Per { .. } | ClauseKind::Missing { .. } | ClauseKind::Quantity { .. }
        );
        match clause.effect.node {
            Effect::Zero if counted => self.problem(CheckError::ZeroCounted {
                span: clause.effect.span,
                keyword: clause.kind.keyword(),
            }),
            Effect::Percent { percent, .. } if percent.abs() > Decimal::ONE_HUNDRED => {
                self.problem(percent_over(percent, clause.effect.span));
            }
            _ => {}
        }
        let gives = matches!(clause.effect.node, Effect::Points(p) | Effect::Percent { percent: p, .. } if p > Decimal::ZERO);
        if let Some(floor) = &clause.floor {
            if self.kind == SectionKind::Penalty {
                self.problem(CheckError::FloorInPenalty { span: floor.span });
            } else if floor.node > points {
                self.problem(CheckError::FloorAbove {
                    span: floor.span,
                    floor: floor.node,
                    points,
                    points_span: self.item.points.span,
                });
            } else if gives || clause.effect.node == Effect::Zero {
                self.problem(CheckError::FloorOnGain { span: floor.span });
            }
        }
        if let Some(max) = &clause.max {
            if max.node <= Decimal::ZERO || clause.effect.node == Effect::Zero {
                self.problem(CheckError::MaxNothing {
                    span: max.span,
                    max: max.node,
                });
            }
        }
        if let Some(cond) = &clause.unless {
            self.condition(cond);
        }
    }

    /// `over N workdays` needs the rubric's calendar; `over 0` measures nothing.
    fn over(&mut self, over: &Over) {
        if over.unit == DayUnit::Workdays && !self.has_calendar {
            self.problem(CheckError::NoCalendar { span: over.span });
        }
        if over.count.node == 0 {
            self.problem(CheckError::ZeroDays {
                span: over.count.span,
            });
        }
    }

    fn lookup(&self, name: &Spanned<String>) -> Option<FactDecl> {
        self.item
            .facts
            .iter()
            .find(|f| f.name.node == name.node)
            .cloned()
    }
}

#[derive(Debug, Clone, Copy)]
enum OpKind {
    Fact(Kind),
    Lit(&'static str),
    /// Arithmetic, of this kind.
    Arith(NumKind),
}

impl OpKind {
    fn word(self) -> &'static str {
        match self {
            OpKind::Fact(k) => k.word(),
            OpKind::Lit(w) => w,
            OpKind::Arith(k) => k.word(),
        }
    }
}

/// The highest percentage a fact of this type may hold: 100%, or its `max`.
fn percent_limit(ty: &FactType) -> Decimal {
    match ty {
        FactType::Percent { max: Some(max) } => max.node,
        _ => Decimal::ONE_HUNDRED,
    }
}

fn percent_over(percent: Decimal, span: Span) -> CheckError {
    CheckError::PercentOver { span, percent }
}

fn path_text(path: &FactPath) -> String {
    match &path.member {
        Some(m) => format!("{}[{}]", path.fact.node, m.node),
        None => path.fact.node.clone(),
    }
}
