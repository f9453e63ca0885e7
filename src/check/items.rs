//! Names and types: indicators are unique; inside each item, facts are declared once,
//! used, and used as their type allows.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::suggest;
use crate::diagnostic::{codes, Diagnostic};
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;

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
                Diagnostic::error(codes::DUPLICATE, format!("two indicators are called `{}`", name.node))
                    .primary(name.span, format!("this {what} repeats the name"))
                    .label(*first, "first used here")
                    .help("give each section and item its own name, as evidence and reports refer to them by name"),
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
        }
    }
}

/// What every item is checked against: the rubric's year and whether it has a calendar.
pub struct Context {
    pub year: Option<i32>,
    pub has_calendar: bool,
    /// The kind of the top-level section the item stands in.
    pub kind: SectionKind,
}

struct ItemChecker<'a> {
    item: &'a Item,
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
                Diagnostic::error(codes::BOUND, format!("`start {}` in a penalty section", start.node))
                    .primary(start.span, "a penalty item starts from 0")
                    .help("delete `start`: a penalty (倒扣分) item starts from 0 and its clauses take points"),
            );
        } else if start.node < Decimal::ZERO || start.node > item.points.node {
            c.out.push(
                Diagnostic::error(
                    codes::BOUND,
                    format!(
                        "`start {}` is outside 0 to {}",
                        start.node, item.points.node
                    ),
                )
                .primary(start.span, "the item cannot start here")
                .label(item.points.span, "the item's points")
                .help("an item starts from 0 (it earns points) or from its points (it loses them)"),
            );
        }
    }
    if let Some(cond) = &item.applicable_unless {
        if context.kind != SectionKind::Regular {
            c.out.push(
                Diagnostic::error(
                    codes::PLACEMENT,
                    format!("`applicable unless` in a {} section", context.kind.keyword()),
                )
                .primary(cond.span, "nothing to prorate")
                .help("折分处理 prorates the regular sections; a bonus or penalty item that does not apply simply gives or takes nothing"),
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
                Diagnostic::warning(codes::UNUSED, format!("fact `{}` is never used", fact.name.node))
                    .primary(fact.name.span, "declared here")
                    .help(format!(
                        "use it in a clause of `{}`, or delete the line so assessors are not asked for it",
                        item.name.node
                    )),
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
                        format!("fact `{}` is declared twice", fact.name.node),
                    )
                    .primary(fact.name.span, "declared again here")
                    .label(*first, "first declared here")
                    .help("delete one of the two, or rename it"),
                );
            } else {
                seen.insert(&fact.name.node, fact.name.span);
            }
            match &fact.ty.node {
                FactType::Periods { from, to } if from.node == to.node => self.out.push(
                    Diagnostic::error(codes::DUPLICATE, format!("a period's two dates are both called `{}`", from.node))
                        .primary(to.span, "named like its start")
                        .help("name the start and the end apart, as in `periods from 收到日期 to 答复日期`"),
                ),
                FactType::Discretion { max } if max.node <= Decimal::ZERO => self.out.push(
                    Diagnostic::error(codes::BOUND, format!("`discretion max {}` leaves nothing to give", max.node))
                        .primary(max.span, "the most the assessor may give")
                        .help("write the bound from the table, such as `discretion max 2` for 在2分内酌情给分"),
                ),
                _ => {}
            }
            if let Some(members) = fact.ty.node.members() {
                let mut seen_m: HashMap<&str, Span> = HashMap::new();
                for m in members {
                    if let Some(first) = seen_m.get(m.name.node.as_str()) {
                        self.out.push(
                            Diagnostic::error(
                                codes::DUPLICATE,
                                format!("member `{}` is listed twice", m.name.node),
                            )
                            .primary(m.name.span, "listed again here")
                            .label(*first, "first listed here")
                            .help("list each member once"),
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
                        | (FactType::Percent, Literal::Percent(_))
                        | (FactType::Date, Literal::Date(_))
                );
                if !fits {
                    self.out.push(
                        Diagnostic::error(
                            codes::TYPE,
                            format!("a {} default for the {} fact `{}`", default.node.describe(), fact.ty.node.describe(), fact.name.node),
                        )
                        .primary(default.span, format!("a {}", default.node.describe()))
                        .label(fact.ty.span, format!("the fact is a {}", fact.ty.node.describe()))
                        .help("write a default of the fact's type: `false`, `0`, `0%` or a date; sets, tallies, periods and discretionary scores have no default"),
                    );
                } else if let (FactType::Count { max }, Literal::Number(n)) =
                    (&fact.ty.node, &default.node)
                {
                    let limit = max.as_ref().map(|m| Decimal::from(m.node));
                    if n.fract() != Decimal::ZERO
                        || *n < Decimal::ZERO
                        || limit.is_some_and(|m| *n > m)
                    {
                        let range =
                            limit.map_or("0 or more".to_string(), |m| format!("from 0 to {m}"));
                        self.out.push(
                            Diagnostic::error(codes::TYPE, format!("the default {n} is not a count {range}"))
                                .primary(default.span, "this default")
                                .help("a count's default is a whole number of findings, such as `default 0`"),
                        );
                    }
                } else if let Literal::Percent(p) = &default.node {
                    if *p > Decimal::ONE_HUNDRED {
                        self.out.push(percent_over(*p, default.span));
                    }
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
                    format!(
                        "declare it in `{}`, as in `fact {} bool \"说明\"`; facts belong to the item that declares them",
                        item.name.node, name.node
                    )
                } else {
                    format!(
                        "{hint} Otherwise declare it in `{}` with `fact {} …`",
                        item.name.node, name.node
                    )
                };
                self.out.push(
                    Diagnostic::error(
                        codes::UNDECLARED,
                        format!(
                            "fact `{}` is not declared in item `{}`",
                            name.node, item.name.node
                        ),
                    )
                    .primary(name.span, "not declared")
                    .help(help),
                );
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
        self.out.push(
            Diagnostic::error(
                codes::UNKNOWN_MEMBER,
                format!("`{}` is not a member of `{}`", member.node, fact.name.node),
            )
            .primary(member.span, "not in the list")
            .label(fact.ty.span, "the members are listed here")
            .help(if hint.is_empty() {
                format!("the members are {}", list.join("、"))
            } else {
                format!("{hint} The members are {}", list.join("、"))
            }),
        );
        false
    }

    /// The kind a fact path stands for, or None after reporting why it has none.
    fn path(&mut self, path: &FactPath) -> Option<Kind> {
        let fact = self.resolve(&path.fact)?.clone();
        let kind = match &fact.ty.node {
            FactType::Bool => Kind::Bool,
            FactType::Count { .. } => Kind::Count,
            FactType::Percent => Kind::Percent,
            FactType::Date => Kind::Date,
            FactType::Set(_) => Kind::Set,
            FactType::Tally(_) => Kind::Tally,
            FactType::Periods { .. } => Kind::Periods,
            FactType::Discretion { .. } => Kind::Discretion,
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
                            format!(
                                "`{}` is a {}, it has no members",
                                fact.name.node,
                                kind.word()
                            ),
                        )
                        .primary(path.span, "`[…]` needs a set or a tally")
                        .label(fact.ty.span, format!("declared as {}", kind.word()))
                        .help(format!("write `{}` alone", fact.name.node)),
                    );
                    None
                }
            },
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
            Some(k) => {
                let words: Vec<&str> = wanted.iter().map(|w| w.word()).collect();
                self.out.push(
                    Diagnostic::error(
                        codes::TYPE,
                        format!(
                            "{role} needs a {}, and `{}` is a {}",
                            match words.split_last() {
                                Some((last, rest)) if !rest.is_empty() =>
                                    format!("{} or {last}", rest.join(", ")),
                                _ => words.join(""),
                            },
                            path_text(path),
                            k.word()
                        ),
                    )
                    .primary(path.span, format!("a {}", k.word()))
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
                let (Some(l), Some(r)) = (l, r) else { return };
                let comparable = match (l, r) {
                    (OpKind::Fact(a), OpKind::Fact(b)) => {
                        a == b && a != Kind::Set && a != Kind::Tally
                    }
                    (OpKind::Fact(k), OpKind::Lit(lit)) | (OpKind::Lit(lit), OpKind::Fact(k)) => {
                        matches!(
                            (k, lit),
                            (Kind::Count | Kind::Discretion, "number")
                                | (Kind::Percent, "percent")
                                | (Kind::Date, "date")
                                | (Kind::Bool, "bool")
                        )
                    }
                    (OpKind::Lit(_), OpKind::Lit(_)) => {
                        self.out.push(
                            Diagnostic::error(codes::TYPE, "a comparison of two fixed values")
                                .primary(cond.span, "this is always true or always false")
                                .help("compare a fact with a value, such as `报道次数 < 10`"),
                        );
                        return;
                    }
                };
                let ordered = !matches!(op.node, CompareOp::Eq | CompareOp::Ne);
                let is_bool =
                    matches!(l, OpKind::Fact(Kind::Bool)) || matches!(r, OpKind::Fact(Kind::Bool));
                if !comparable {
                    self.out.push(
                        Diagnostic::error(codes::TYPE, format!("a {} compared with a {}", l.word(), r.word()))
                            .primary(left.span(), format!("a {}", l.word()))
                            .label(right.span(), format!("a {}", r.word()))
                            .help("compare a count with a number (`< 10`), a percent with a percentage (`< 4%`), a date with a date (`> 2020-03-31`)"),
                    );
                } else if ordered && is_bool {
                    self.out.push(
                        Diagnostic::error(
                            codes::TYPE,
                            format!("`{}` on a yes-or-no fact", op.node.symbol()),
                        )
                        .primary(op.span, "a bool has no order")
                        .help("use the fact itself as the condition, or `not` and the fact"),
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
                if let Literal::Percent(p) = lit.node {
                    if p > Decimal::ONE_HUNDRED {
                        self.out.push(percent_over(p, lit.span));
                    }
                }
                Some(OpKind::Lit(lit.node.describe()))
            }
        }
    }

    fn date_in_year(&mut self, date: chrono::NaiveDate, span: Span) {
        use chrono::Datelike;
        if let Some(year) = self.year {
            let allowed = super::allow::allows(self.item, super::allow::OUTSIDE_YEAR);
            if date.year() != year && date != chrono::NaiveDate::MIN && !allowed {
                self.out.push(
                    Diagnostic::error(codes::DATE_YEAR, format!("the date {date} is outside the rubric's year {year}"))
                        .primary(span, format!("in {}", date.year()))
                        .help(format!("when copying last year's file, move every date to {year}; if the date is meant, write `allow outside_year` in the item")),
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
                Diagnostic::error(codes::TYPE, format!("`except` needs a set, and `{}` is not one", path_text(path)))
                    .primary(except[0].span, "nothing to leave out")
                    .help(format!("`{clause} … except` leaves members of a set out of the count; delete `except …`")),
            );
            return;
        }
        for member in except {
            self.check_member(fact, member);
        }
    }

    fn clause(&mut self, clause: &Clause) {
        let points = self.item.points.node;
        match &clause.kind {
            ClauseKind::If(cond) => self.condition(cond),
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
                ];
                if self.expect_kind(path, kind, &wanted, "`per`") {
                    if let Some(f) = self.lookup(&path.fact) {
                        self.except(&f, except, path, "per");
                    }
                    match (kind, over) {
                        (Some(Kind::Periods), Some(over)) => self.over(over),
                        (Some(Kind::Periods), None) => self.out.push(
                            Diagnostic::error(codes::TYPE, format!("`per {}` needs `over`", path.fact.node))
                                .primary(path.span, "which periods count?")
                                .help(format!(
                                    "count the periods longer than a limit: `per {} over 20 workdays -2`",
                                    path.fact.node
                                )),
                        ),
                        (Some(k), Some(over)) => self.out.push(
                            Diagnostic::error(codes::TYPE, format!("`over` needs periods, and `{}` is a {}", path.fact.node, k.word()))
                                .primary(over.span, "nothing to measure")
                                .help("declare the fact as `periods from 收到日期 to 答复日期`, or delete `over …`"),
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
                self.date_in_year(by.node, by.span);
            }
        }
        let counted = matches!(
            clause.kind,
            ClauseKind::Per { .. } | ClauseKind::Missing { .. }
        );
        match clause.effect.node {
            Effect::Zero if counted => self.out.push(
                Diagnostic::error(
                    codes::TYPE,
                    format!("`zero` cannot be counted with `{}`", clause.kind.keyword()),
                )
                .primary(clause.effect.span, "不得分 happens once")
                .help("write the condition with `if`, such as `if 未更新栏目数 >= 1 zero`"),
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
                    Diagnostic::error(codes::BOUND, "`floor` in a penalty section")
                        .primary(floor.span, "it would stop every deduction")
                        .help("a penalty (倒扣分) item starts from 0 and goes down; limit what a clause takes with `max`"),
                );
            } else if floor.node > points {
                self.out.push(
                    Diagnostic::error(codes::BOUND, format!("`floor {}` is above the item's {} points", floor.node, points))
                        .primary(floor.span, "the floor")
                        .label(self.item.points.span, "the item's points")
                        .help("`floor 0` keeps the item from going below zero; a floor cannot exceed the points"),
                );
            } else if gives || clause.effect.node == Effect::Zero {
                self.out.push(
                    Diagnostic::error(codes::BOUND, "`floor` on a clause that takes nothing")
                        .primary(floor.span, "only a deduction can reach a floor")
                        .help("delete `floor …`; to limit what a clause gives, write `max …`"),
                );
            }
        }
        if let Some(max) = &clause.max {
            if max.node <= Decimal::ZERO || clause.effect.node == Effect::Zero {
                self.out.push(
                    Diagnostic::error(codes::BOUND, format!("`max {}` limits nothing", max.node))
                        .primary(max.span, "this limit")
                        .help("`max` is the most a clause may give or take in all, a number above 0; `zero` has no limit"),
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
                Diagnostic::error(codes::CALENDAR, "working days are counted without a calendar")
                    .primary(over.span, "which days are holidays?")
                    .help("name the calendar in the header, such as `calendar \"../calendars/cn.toml\"` (rules/calendars/ has them)"),
            );
        }
        if over.count.node == 0 {
            self.out.push(
                Diagnostic::error(codes::BOUND, "a period limit of 0 days")
                    .primary(over.count.span, "every period is over 0")
                    .help("write the limit from the table, such as `over 20 workdays`"),
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
}

impl OpKind {
    fn word(self) -> &'static str {
        match self {
            OpKind::Fact(k) => k.word(),
            OpKind::Lit(w) => w,
        }
    }
}

fn percent_over(p: Decimal, span: Span) -> Diagnostic {
    Diagnostic::error(codes::PERCENT_OVER, format!("{p}% is more than 100%"))
        .primary(span, "over 100%")
        .help("a percentage of the item's points or score is at most 100%; `zero` takes everything")
}

fn path_text(path: &FactPath) -> String {
    match &path.member {
        Some(m) => format!("{}[{}]", path.fact.node, m.node),
        None => path.fact.node.clone(),
    }
}

fn type_help(role: &str, found: Kind) -> String {
    match (role, found) {
        ("a condition", Kind::Count) => "compare the count with a number, such as `报道次数 < 10` or `未标记文件数 >= 1`".into(),
        ("a condition", Kind::Percent) => "compare the percent with a percentage, such as `权重 < 4%`".into(),
        ("a condition", Kind::Date) => "for a date, write a `deadline` clause, or compare it: `发布日期 > 2020-12-30`".into(),
        ("a condition", Kind::Set) | ("a condition", Kind::Tally) => {
            "name one member, as in `形式[图表]`, or count them with `per`".into()
        }
        ("`per`", _) => "`per` counts a count, the members of a set, or a tally; for a yes-or-no fact write `if`".into(),
        ("`missing`", _) => "`missing` counts the members absent from a set; declare the fact as `set {…}`".into(),
        ("`deadline`", _) => "`deadline` compares a date fact with the date after `by`; declare the fact as `date`".into(),
        _ => "see docs/language.md for what each clause accepts".into(),
    }
}
