//! Names and types: indicators are unique; inside each item, facts are declared once,
//! used, and used as their type allows.

mod arith;

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::suggest;
use crate::diagnostic::msg;
use crate::diagnostic::{codes, Diagnostic};
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
                Diagnostic::error(
                    codes::DUPLICATE,
                    msg!("check-duplicate-name", name = &name.node),
                )
                .primary(
                    name.span,
                    if what == "section" {
                        msg!("check-duplicate-name".section)
                    } else {
                        msg!("check-duplicate-name".item)
                    },
                )
                .label(*first, msg!("check-duplicate-name".first))
                .help(msg!("check-duplicate-name".help)),
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
            c.out.push(
                Diagnostic::error(
                    codes::BOUND,
                    msg!("check-start-in-penalty", start = start.node.to_string()),
                )
                .primary(start.span, msg!("check-start-in-penalty".label))
                .help(msg!("check-start-in-penalty".help)),
            );
        } else if start.node < Decimal::ZERO || start.node > context.points {
            c.out.push(
                Diagnostic::error(
                    codes::BOUND,
                    msg!(
                        "check-start-outside",
                        start = start.node.to_string(),
                        points = context.points.to_string()
                    ),
                )
                .primary(start.span, msg!("check-start-outside".label))
                .label(item.points.span, msg!("check-items-points"))
                .help(msg!("check-start-outside".help)),
            );
        }
    }
    if let Some(cond) = &item.applicable_unless {
        if context.kind != SectionKind::Regular {
            c.out.push(
                Diagnostic::error(
                    codes::PLACEMENT,
                    msg!(
                        "check-applicable-placement",
                        keyword = context.kind.keyword()
                    ),
                )
                .primary(cond.span, msg!("check-applicable-placement".label))
                .help(msg!("check-applicable-placement".help)),
            );
        }
        c.condition(cond);
    }
    for clause in &item.clauses {
        c.clause(clause);
    }
    for (fact, used) in item.facts.iter().zip(&c.used) {
        if !used {
            c.out.push(
                Diagnostic::warning(codes::UNUSED, msg!("check-unused", name = &fact.name.node))
                    .primary(fact.name.span, msg!("check-unused".label))
                    .help(msg!("check-unused".help, item = &item.name.node)),
            );
        }
    }
    let ok = !c.out.iter().any(Diagnostic::is_error);
    out.append(&mut c.out);
    ok
}

impl ItemChecker<'_> {
    fn declarations(&mut self) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for fact in &self.item.facts {
            if let Some(first) = seen.get(fact.name.node.as_str()) {
                self.out.push(
                    Diagnostic::error(
                        codes::DUPLICATE,
                        msg!("check-duplicate-fact", name = &fact.name.node),
                    )
                    .primary(fact.name.span, msg!("check-duplicate-fact".label))
                    .label(*first, msg!("check-duplicate-fact".first))
                    .help(msg!("check-duplicate-fact".help)),
                );
            } else {
                seen.insert(&fact.name.node, fact.name.span);
            }
            match &fact.ty.node {
                FactType::Periods { from, to } if from.node == to.node => self.out.push(
                    Diagnostic::error(
                        codes::DUPLICATE,
                        msg!("check-period-names", name = &from.node),
                    )
                    .primary(to.span, msg!("check-period-names".label))
                    .help(msg!("check-period-names".help)),
                ),
                FactType::Dates if self.year.is_none() => self.out.push(
                    Diagnostic::error(
                        codes::MISSING_SETTING,
                        msg!("check-dates-year", name = &fact.name.node),
                    )
                    .primary(fact.ty.span, msg!("check-dates-year".label))
                    .help(msg!("check-dates-year".help)),
                ),
                FactType::Discretion { max } if max.node <= Decimal::ZERO => self.out.push(
                    Diagnostic::error(
                        codes::BOUND,
                        msg!("check-discretion-max", max = max.node.to_string()),
                    )
                    .primary(max.span, msg!("check-discretion-max".label))
                    .help(msg!("check-discretion-max".help)),
                ),
                FactType::Number { max: Some(max) } | FactType::Percent { max: Some(max) }
                    if max.node <= Decimal::ZERO =>
                {
                    self.out.push(
                        Diagnostic::error(
                            codes::BOUND,
                            msg!("check-number-max", max = max.node.to_string()),
                        )
                        .primary(max.span, msg!("check-number-max".label))
                        .help(msg!("check-number-max".help)),
                    )
                }
                _ => {}
            }
            if let Some(members) = fact.ty.node.members() {
                let mut seen_m: HashMap<&str, Span> = HashMap::new();
                for m in members {
                    if let Some(first) = seen_m.get(m.name.node.as_str()) {
                        self.out.push(
                            Diagnostic::error(
                                codes::DUPLICATE,
                                msg!("check-duplicate-member", name = &m.name.node),
                            )
                            .primary(m.name.span, msg!("check-duplicate-member".label))
                            .label(*first, msg!("check-duplicate-member".first))
                            .help(msg!("check-duplicate-member".help)),
                        );
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
                    self.out.push(
                        Diagnostic::error(
                            codes::TYPE,
                            msg!(
                                "check-default-type",
                                given = kind_text(default.node.describe()),
                                kind = kind_text(fact.ty.node.describe()),
                                name = &fact.name.node
                            ),
                        )
                        .primary(
                            default.span,
                            msg!("check-a-kind", kind = kind_text(default.node.describe())),
                        )
                        .label(
                            fact.ty.span,
                            msg!(
                                "check-default-type".label,
                                kind = kind_text(fact.ty.node.describe())
                            ),
                        )
                        .help(msg!("check-default-type".help)),
                    );
                } else if let (FactType::Count { max }, Literal::Number(n)) =
                    (&fact.ty.node, &default.node)
                {
                    let limit = max.as_ref().map(|m| Decimal::from(m.node));
                    if n.fract() != Decimal::ZERO
                        || *n < Decimal::ZERO
                        || limit.is_some_and(|m| *n > m)
                    {
                        let message = match limit {
                            Some(m) => msg!(
                                "check-default-count-to",
                                default = n.to_string(),
                                max = m.to_string()
                            ),
                            None => msg!("check-default-count", default = n.to_string()),
                        };
                        self.out.push(
                            Diagnostic::error(codes::TYPE, message)
                                .primary(default.span, msg!("check-default-count".label))
                                .help(msg!("check-default-count".help)),
                        );
                    }
                } else if let Literal::Percent(p) = &default.node {
                    if *p > percent_limit(&fact.ty.node) {
                        self.out.push(percent_over(*p, default.span));
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
                let hint = suggest::did_you_mean(
                    &name.node,
                    item.facts.iter().map(|f| f.name.node.as_str()),
                );
                let help = if hint.is_empty() {
                    msg!(
                        "check-undeclared".help,
                        item = &item.name.node,
                        name = &name.node
                    )
                } else {
                    msg!(
                        "check-undeclared".hint,
                        hint = hint,
                        item = &item.name.node,
                        name = &name.node
                    )
                };
                let diagnostic = Diagnostic::error(
                    codes::UNDECLARED,
                    msg!(
                        "check-undeclared",
                        name = &name.node,
                        item = &item.name.node
                    ),
                )
                .primary(name.span, msg!("check-undeclared".label))
                .help(help);
                let closest =
                    suggest::closest(&name.node, item.facts.iter().map(|f| f.name.node.as_str()));
                self.out.push(match closest {
                    Some(c) => diagnostic.fix(name.span, c),
                    None => diagnostic,
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
        let hint =
            suggest::did_you_mean(&member.node, members.iter().map(|m| m.name.node.as_str()));
        let list: Vec<&str> = members.iter().map(|m| m.name.node.as_str()).collect();
        let closest = suggest::closest(&member.node, list.iter().copied());
        let diagnostic = Diagnostic::error(
            codes::UNKNOWN_MEMBER,
            msg!(
                "check-unknown-member",
                member = &member.node,
                name = &fact.name.node
            ),
        )
        .primary(member.span, msg!("check-unknown-member".label))
        .label(fact.ty.span, msg!("check-unknown-member".listed))
        .help(if hint.is_empty() {
            msg!("check-unknown-member".help, members = list.join("、"))
        } else {
            msg!(
                "check-unknown-member".hint,
                hint = hint,
                members = list.join("、")
            )
        });
        self.out.push(match closest {
            Some(c) => diagnostic.fix(member.span, c),
            None => diagnostic,
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
                    self.out.push(
                        Diagnostic::error(
                            codes::TYPE,
                            msg!(
                                "check-no-members",
                                name = &fact.name.node,
                                kind = kind_text(kind.word())
                            ),
                        )
                        .primary(path.span, msg!("check-no-members".label))
                        .label(
                            fact.ty.span,
                            msg!("check-no-members".declared, kind = kind_text(kind.word())),
                        )
                        .help(msg!("check-no-members".help, name = &fact.name.node)),
                    );
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
            self.out.push(
                Diagnostic::error(
                    codes::DUPLICATE,
                    msg!("check-give-shared", name = &fact.fact.node),
                )
                .primary(fact.span, msg!("check-give-shared".label))
                .label(other.span, msg!("check-give-shared".other))
                .help(msg!("check-give-shared".help)),
            );
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
            self.out.push(
                Diagnostic::error(
                    codes::BOUND,
                    msg!(
                        "check-give-over-points",
                        name = &fact.fact.node,
                        max = max.node.normalize().to_string(),
                        points = points.normalize().to_string()
                    ),
                )
                .primary(max.span, msg!("check-give-over-points".label))
                .label(fact.span, msg!("check-give-over-points".given))
                .label(
                    self.item.points.span,
                    msg!("check-item-worth", points = points.to_string()),
                )
                .help(msg!(
                    "check-give-over-points".help,
                    points = points.normalize().to_string()
                )),
            );
        }
    }

    fn expect_kind(
        &mut self,
        path: &FactPath,
        kind: Option<Kind>,
        wanted: &[Kind],
        role: &str,
    ) -> bool {
        match kind {
            Some(k) if wanted.contains(&k) => true,
            // The gaps of a `dates` fact are periods.
            Some(Kind::Dates) if wanted.contains(&Kind::Periods) => true,
            Some(k) => {
                let words: Vec<String> = wanted.iter().map(|w| kind_text(w.word())).collect();
                self.out.push(
                    Diagnostic::error(
                        codes::TYPE,
                        msg!(
                            "check-wrong-kind",
                            role = role_text(role),
                            wanted = match words.split_last() {
                                Some((last, rest)) if !rest.is_empty() => msg!(
                                    "check-kinds-either",
                                    first = rest.join(&msg!("check-kinds-separator")),
                                    last = last
                                ),
                                _ => words.join(""),
                            },
                            fact = path_text(path),
                            kind = kind_text(k.word())
                        ),
                    )
                    .primary(path.span, msg!("check-a-kind", kind = kind_text(k.word())))
                    .help(type_help(role, k)),
                );
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
                        self.out.push(
                            Diagnostic::error(codes::TYPE, msg!("check-fixed-comparison"))
                                .primary(cond.span, msg!("check-fixed-comparison".label))
                                .help(msg!("check-fixed-comparison".help)),
                        );
                        return;
                    }
                };
                let ordered = !matches!(op.node, CompareOp::Eq | CompareOp::Ne);
                let is_bool =
                    matches!(l, OpKind::Fact(Kind::Bool)) || matches!(r, OpKind::Fact(Kind::Bool));
                if !comparable {
                    self.out.push(
                        Diagnostic::error(
                            codes::TYPE,
                            msg!(
                                "check-incomparable",
                                left = kind_text(l.word()),
                                right = kind_text(r.word())
                            ),
                        )
                        .primary(
                            left.span(),
                            msg!("check-a-kind", kind = kind_text(l.word())),
                        )
                        .label(
                            right.span(),
                            msg!("check-a-kind", kind = kind_text(r.word())),
                        )
                        .help(msg!("check-incomparable".help)),
                    );
                } else if ordered && is_bool {
                    self.out.push(
                        Diagnostic::error(
                            codes::TYPE,
                            msg!("check-ordered-bool", op = op.node.symbol()),
                        )
                        .primary(op.span, msg!("check-ordered-bool".label))
                        .help(msg!("check-ordered-bool".help)),
                    );
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
                self.out.push(
                    Diagnostic::error(
                        codes::DATE_YEAR,
                        msg!(
                            "check-date-year",
                            date = date.to_string(),
                            year = year.to_string()
                        ),
                    )
                    .primary(
                        span,
                        msg!("check-date-year".label, in = date.year().to_string()),
                    )
                    .help(msg!("check-date-year".help, year = year.to_string())),
                );
            }
        }
    }

    fn except(
        &mut self,
        fact: &FactDecl,
        except: &[Spanned<String>],
        path: &FactPath,
        clause: &str,
    ) {
        if except.is_empty() {
            return;
        }
        if !matches!(fact.ty.node, FactType::Set(_)) || path.member.is_some() {
            self.out.push(
                Diagnostic::error(codes::TYPE, msg!("check-except", fact = path_text(path)))
                    .primary(except[0].span, msg!("check-except".label))
                    .help(msg!("check-except".help, clause = clause)),
            );
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
                        (Some(Kind::Periods | Kind::Dates), None) => self.out.push(
                            Diagnostic::error(
                                codes::TYPE,
                                msg!("check-per-needs-over", fact = &path.fact.node),
                            )
                            .primary(path.span, msg!("check-per-needs-over".label))
                            .help(msg!("check-per-needs-over".help, fact = &path.fact.node)),
                        ),
                        (Some(k), Some(over)) => self.out.push(
                            Diagnostic::error(
                                codes::TYPE,
                                msg!(
                                    "check-over-needs-periods",
                                    fact = &path.fact.node,
                                    kind = kind_text(k.word())
                                ),
                            )
                            .primary(over.span, msg!("check-over-needs-periods".label))
                            .help(msg!("check-over-needs-periods".help)),
                        ),
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
                            self.out.push(percent_over(percent, never.span));
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
                        self.out.push(
                            Diagnostic::error(
                                codes::DUPLICATE,
                                msg!("check-deadline-twice", name = &other.fact.node),
                            )
                            .primary(other.span, msg!("check-deadline-twice".label))
                            .label(first.span, msg!("check-deadline-twice".first))
                            .help(msg!("check-deadline-twice".help)),
                        );
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
            Effect::Zero if counted => self.out.push(
                Diagnostic::error(
                    codes::TYPE,
                    msg!("check-zero-counted", keyword = clause.kind.keyword()),
                )
                .primary(clause.effect.span, msg!("check-zero-counted".label))
                .help(msg!("check-zero-counted".help)),
            ),
            Effect::Percent { percent, .. } if percent.abs() > Decimal::ONE_HUNDRED => {
                self.out.push(percent_over(percent, clause.effect.span));
            }
            _ => {}
        }
        let gives = matches!(clause.effect.node, Effect::Points(p) | Effect::Percent { percent: p, .. } if p > Decimal::ZERO);
        if let Some(floor) = &clause.floor {
            if self.kind == SectionKind::Penalty {
                self.out.push(
                    Diagnostic::error(codes::BOUND, msg!("check-floor-in-penalty"))
                        .primary(floor.span, msg!("check-floor-in-penalty".label))
                        .help(msg!("check-floor-in-penalty".help)),
                );
            } else if floor.node > points {
                self.out.push(
                    Diagnostic::error(
                        codes::BOUND,
                        msg!(
                            "check-floor-above",
                            floor = floor.node.to_string(),
                            points = points.to_string()
                        ),
                    )
                    .primary(floor.span, msg!("check-floor-above".label))
                    .label(self.item.points.span, msg!("check-items-points"))
                    .help(msg!("check-floor-above".help)),
                );
            } else if gives || clause.effect.node == Effect::Zero {
                self.out.push(
                    Diagnostic::error(codes::BOUND, msg!("check-floor-on-gain"))
                        .primary(floor.span, msg!("check-floor-on-gain".label))
                        .help(msg!("check-floor-on-gain".help)),
                );
            }
        }
        if let Some(max) = &clause.max {
            if max.node <= Decimal::ZERO || clause.effect.node == Effect::Zero {
                self.out.push(
                    Diagnostic::error(
                        codes::BOUND,
                        msg!("check-max-nothing", max = max.node.to_string()),
                    )
                    .primary(max.span, msg!("check-max-nothing".label))
                    .help(msg!("check-max-nothing".help)),
                );
            }
        }
        if let Some(cond) = &clause.unless {
            self.condition(cond);
        }
    }

    /// `over N workdays` needs the rubric's calendar; `over 0` measures nothing.
    fn over(&mut self, over: &Over) {
        if over.unit == DayUnit::Workdays && !self.has_calendar {
            self.out.push(
                Diagnostic::error(codes::CALENDAR, msg!("check-no-calendar"))
                    .primary(over.span, msg!("check-no-calendar".label))
                    .help(msg!("check-no-calendar".help)),
            );
        }
        if over.count.node == 0 {
            self.out.push(
                Diagnostic::error(codes::BOUND, msg!("check-zero-days"))
                    .primary(over.count.span, msg!("check-zero-days".label))
                    .help(msg!("check-zero-days".help)),
            );
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

fn percent_over(p: Decimal, span: Span) -> Diagnostic {
    Diagnostic::error(
        codes::PERCENT_OVER,
        msg!("check-percent-over", percent = p.to_string()),
    )
    .primary(span, msg!("check-percent-over".label))
    .help(msg!("check-percent-over".help))
}

/// A type's or a value's word (`count`, `number`, …) as a message says it.
fn kind_text(word: &str) -> String {
    match word {
        "bool" => msg!("check-kind-bool"),
        "count" => msg!("check-kind-count"),
        "percent" => msg!("check-kind-percent"),
        "date" => msg!("check-kind-date"),
        "set" => msg!("check-kind-set"),
        "tally" => msg!("check-kind-tally"),
        "periods" => msg!("check-kind-periods"),
        "discretion" => msg!("check-kind-discretion"),
        "dates" => msg!("check-kind-dates"),
        "number" => msg!("check-kind-number"),
        other => other.to_string(),
    }
}

/// What needs a fact of some type (`a condition`, `` `per` ``, …) as a message says it.
fn role_text(role: &str) -> String {
    match role {
        "a condition" => msg!("check-role-condition"),
        other => other.to_string(),
    }
}

fn path_text(path: &FactPath) -> String {
    match &path.member {
        Some(m) => format!("{}[{}]", path.fact.node, m.node),
        None => path.fact.node.clone(),
    }
}

fn type_help(role: &str, found: Kind) -> String {
    match (role, found) {
        ("a condition", Kind::Count) => msg!("check-type-help-count"),
        ("a condition", Kind::Percent) => msg!("check-type-help-percent"),
        ("a condition", Kind::Date) => msg!("check-type-help-date"),
        ("a condition", Kind::Set) | ("a condition", Kind::Tally) => msg!("check-type-help-set"),
        ("`per`", _) => msg!("check-type-help-per"),
        ("`missing`", _) => msg!("check-type-help-missing"),
        ("`deadline`", _) => msg!("check-type-help-deadline"),
        ("`give`", _) => msg!("check-type-help-give"),
        _ => msg!("check-type-help-other"),
    }
}
