//! Builds the AST from pest's pairs.
//!
//! The grammar fixes the shape of every pair, so this code can rely on it; what the
//! grammar cannot check (that a date exists, that a number fits) becomes a diagnostic.
//! Recursion here follows the nesting of sections and parentheses, which
//! `super::depth` has bounded.

use std::str::FromStr;

use chrono::NaiveDate;
use pest::iterators::{Pair, Pairs};
use rust_decimal::Decimal;

use super::ast::*;
use super::problem::SyntaxError;
use super::Rule;
use crate::span::{Span, Spanned};

struct Builder {
    problems: Vec<SyntaxError>,
}

pub fn file(mut pairs: Pairs<'_, Rule>) -> (File, Vec<SyntaxError>) {
    let mut b = Builder {
        problems: Vec::new(),
    };
    let mut settings = Vec::new();
    let mut nodes = Vec::new();
    if let Some(file) = pairs.next() {
        for pair in file.into_inner() {
            match pair.as_rule() {
                Rule::section | Rule::item => nodes.push(b.node(pair)),
                Rule::EOI => {}
                _ => settings.push(b.setting(pair)),
            }
        }
    }
    (File { settings, nodes }, b.problems)
}

/// The span of a pair without the spaces and comments pest keeps at its end when a
/// repetition inside it fails after skipping them.
fn span(pair: &Pair<'_, Rule>) -> Span {
    let whole = pair.as_span();
    let Some(last) = pair.clone().into_inner().last() else {
        return whole.into();
    };
    let mut end = span(&last).end;
    let input = whole.get_input();
    let tail = &input[end..whole.end()];
    let mut chars = tail.char_indices().peekable();
    let base = end;
    while let Some((i, c)) = chars.next() {
        if c == '#' {
            while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                chars.next();
            }
        } else if !(c.is_whitespace()) {
            end = base + i + c.len_utf8();
        }
    }
    Span::new(whole.start(), end)
}

impl Builder {
    fn problem(&mut self, problem: SyntaxError) {
        self.problems.push(problem);
    }

    fn setting(&mut self, pair: Pair<'_, Rule>) -> Setting {
        let whole = span(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner();
        let keyword = span(&inner.next().expect("setting keyword"));
        let kind = match rule {
            Rule::rubric_setting => SettingKind::Rubric(self.label(inner.next().expect("title"))),
            Rule::source_setting => SettingKind::Source(self.label(inner.next().expect("source"))),
            Rule::total_setting => {
                let points = self.decimal(inner.next().expect("total"));
                let mut max = None;
                let mut no_min = None;
                for p in inner {
                    match p.as_rule() {
                        Rule::number => max = Some(self.decimal(p)),
                        Rule::total_min => no_min = Some(span(&p)),
                        _ => {}
                    }
                }
                SettingKind::Total {
                    points,
                    max,
                    no_min,
                }
            }
            Rule::calendar_setting => {
                let named = inner.next().expect("calendar");
                SettingKind::Calendar(if named.as_rule() == Rule::calendar_name {
                    CalendarRef::Builtin(Spanned::new(named.as_str().to_string(), span(&named)))
                } else {
                    CalendarRef::File(self.string_value(named))
                })
            }
            Rule::year_setting => {
                let p = inner.next().expect("year");
                SettingKind::Year(self.integer(p))
            }
            Rule::round_setting => {
                let places = self.integer(inner.next().expect("places"));
                let mode = inner.next().map(|m| {
                    let s = span(&m);
                    let mode = match m.into_inner().next().map(|k| k.as_rule()) {
                        Some(Rule::kw_half_even) => RoundingMode::HalfEven,
                        Some(Rule::kw_up) => RoundingMode::Up,
                        Some(Rule::kw_down) => RoundingMode::Down,
                        _ => RoundingMode::HalfUp,
                    };
                    Spanned::new(mode, s)
                });
                SettingKind::Round { places, mode }
            }
            Rule::draft_setting => SettingKind::Draft,
            Rule::methods_setting => SettingKind::Methods(
                inner
                    .filter(|p| p.as_rule() == Rule::method_decl)
                    .map(|p| self.method_decl(p))
                    .collect(),
            ),
            Rule::columns_setting => SettingKind::Columns(
                inner
                    .filter(|p| p.as_rule() == Rule::column_decl)
                    .map(|p| self.column_decl(p))
                    .collect(),
            ),
            other => unreachable!("not a setting: {other:?}"),
        };
        Setting {
            kind,
            span: whole,
            keyword,
        }
    }

    /// One method of `methods { … }`.
    fn method_decl(&mut self, pair: Pair<'_, Rule>) -> MethodDecl {
        let whole = span(&pair);
        let mut inner = pair.into_inner();
        let name = inner.next().expect("method name");
        let name = Spanned::new(name.as_str().to_string(), span(&name));
        let weight = inner.next().expect("method weight");
        let at = span(&weight);
        let weight = Spanned::new(
            self.decimal_str(weight.as_str().trim_end_matches('%'), at),
            at,
        );
        MethodDecl {
            name,
            weight,
            span: whole,
        }
    }

    /// One column of `columns { … }`.
    fn column_decl(&mut self, pair: Pair<'_, Rule>) -> ColumnDecl {
        let whole = span(&pair);
        let mut inner = pair.into_inner();
        let role_pair = inner.next().expect("column role");
        let role_span = span(&role_pair);
        let role = match role_pair.into_inner().next().map(|k| k.as_rule()) {
            Some(Rule::kw_level) => ColumnRole::Level,
            Some(Rule::kw_points) => ColumnRole::Points,
            _ => ColumnRole::Text,
        };
        let heading = self.string_value(inner.next().expect("column heading"));
        let percent = inner.next().map(|p| span(&p));
        ColumnDecl {
            role: Spanned::new(role, role_span),
            heading,
            percent,
            span: whole,
        }
    }

    fn node(&mut self, pair: Pair<'_, Rule>) -> Node {
        match pair.as_rule() {
            Rule::section => Node::Section(self.section(pair)),
            _ => Node::Item(self.item(pair)),
        }
    }

    /// Points as written: a number, or a weight `30%` (resolved later by the checker).
    /// The points, a weight when written as one, and where `none` says there is no
    /// cap (the points are then 0).
    fn points(
        &mut self,
        pair: Pair<'_, Rule>,
    ) -> (Spanned<Decimal>, Option<Decimal>, Option<Span>) {
        let s = span(&pair);
        let value = pair.into_inner().next().expect("points value");
        match value.as_rule() {
            Rule::percent_lit => {
                let pct = self.decimal_str(value.as_str().trim_end_matches('%'), s);
                (Spanned::new(Decimal::ZERO, s), Some(pct), None)
            }
            Rule::no_cap => (Spanned::new(Decimal::ZERO, s), None, Some(s)),
            _ => (self.decimal(value), None, None),
        }
    }

    fn section(&mut self, pair: Pair<'_, Rule>) -> Section {
        let whole = span(&pair);
        let mut inner = pair.into_inner();
        let kind = match inner
            .next()
            .and_then(|k| k.into_inner().next())
            .map(|k| k.as_rule())
        {
            Some(Rule::kw_bonus) => SectionKind::Bonus,
            Some(Rule::kw_penalty) => SectionKind::Penalty,
            _ => SectionKind::Regular,
        };
        let name = self.label(inner.next().expect("section name"));
        let (points, weight, uncapped) = self.points(inner.next().expect("section points"));
        let mut section = Section {
            kind,
            name,
            points,
            weight,
            pooled: None,
            uncapped,
            texts: Vec::new(),
            notes: Vec::new(),
            children: Vec::new(),
            span: whole,
        };
        for p in inner {
            match p.as_rule() {
                Rule::text_stmt => section.texts.push(self.stmt_string(p)),
                Rule::note_stmt => section.notes.push(self.stmt_string(p)),
                Rule::pooled => section.pooled = Some(span(&p)),
                _ => section.children.push(self.node(p)),
            }
        }
        section
    }

    fn item(&mut self, pair: Pair<'_, Rule>) -> Item {
        let whole = span(&pair);
        let mut inner = pair.into_inner();
        inner.next(); // `item`
        let name = self.label(inner.next().expect("item name"));
        let (points, weight, uncapped) = self.points(inner.next().expect("item points"));
        let mut item = Item {
            name,
            points,
            weight,
            uncapped,
            texts: Vec::new(),
            notes: Vec::new(),
            facts: Vec::new(),
            start: None,
            applicable_unless: None,
            clauses: Vec::new(),
            allows: Vec::new(),
            span: whole,
        };
        for p in inner {
            match p.as_rule() {
                Rule::text_stmt => item.texts.push(self.stmt_string(p)),
                Rule::note_stmt => item.notes.push(self.stmt_string(p)),
                Rule::fact_decl => item.facts.push(self.fact(p)),
                Rule::allow_stmt => {
                    let name = p.into_inner().nth(1).expect("allowed check");
                    item.allows
                        .push(Spanned::new(name.as_str().to_string(), span(&name)));
                }
                Rule::start_stmt => {
                    let s = span(&p);
                    let value = self.decimal(p.into_inner().nth(1).expect("start value"));
                    if item.start.is_some() {
                        self.problem(SyntaxError::StartTwice { span: s });
                    }
                    item.start = Some(value);
                }
                Rule::applicable_stmt => {
                    let s = span(&p);
                    let cond = self.condition(p.into_inner().nth(2).expect("condition"));
                    if item.applicable_unless.is_some() {
                        self.problem(SyntaxError::ApplicableTwice { span: s });
                    }
                    item.applicable_unless = Some(cond);
                }
                _ => item.clauses.push(self.clause(p)),
            }
        }
        item
    }

    fn stmt_string(&mut self, pair: Pair<'_, Rule>) -> Spanned<String> {
        let p = pair.into_inner().nth(1).expect("statement text");
        self.string_value(p)
    }

    fn label(&mut self, pair: Pair<'_, Rule>) -> Spanned<String> {
        match pair.as_rule() {
            Rule::bare_label => Spanned::new(pair.as_str().to_string(), span(&pair)),
            _ => self.string_value(pair),
        }
    }

    fn string_value(&mut self, pair: Pair<'_, Rule>) -> Spanned<String> {
        let s = span(&pair);
        let rule = pair.as_rule();
        let inner = pair.into_inner().next().expect("string contents");
        let text = match rule {
            Rule::block_string => dedent(inner.as_str()),
            _ => self.unescape(inner.as_str(), span(&inner).start),
        };
        Spanned::new(text, s)
    }

    fn unescape(&mut self, raw: &str, offset: usize) -> String {
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((j, other)) => {
                    self.problem(SyntaxError::Escape {
                        span: Span::new(offset + i, offset + j + other.len_utf8()),
                        escape: other,
                    });
                    out.push(other);
                }
                None => {}
            }
        }
        out
    }

    fn fact(&mut self, pair: Pair<'_, Rule>) -> FactDecl {
        let whole = span(&pair);
        let mut inner = pair.into_inner();
        inner.next(); // `fact`
        let name = ident(inner.next().expect("fact name"));
        let ty_pair = inner.next().expect("fact type");
        let ty_span = span(&ty_pair);
        let ty = match ty_pair.as_rule() {
            Rule::type_bool => FactType::Bool,
            Rule::type_count => {
                let max = ty_pair.into_inner().nth(2).map(|p| self.integer(p));
                FactType::Count { max }
            }
            Rule::type_percent => {
                let max = ty_pair.into_inner().nth(2).map(|p| {
                    let s = span(&p);
                    Spanned::new(self.decimal_str(p.as_str().trim_end_matches('%'), s), s)
                });
                FactType::Percent { max }
            }
            Rule::type_number => {
                let max = ty_pair.into_inner().nth(2).map(|p| self.decimal(p));
                FactType::Number { max }
            }
            Rule::type_date => FactType::Date,
            Rule::type_dates => FactType::Dates,
            Rule::type_set => {
                FactType::Set(self.members(ty_pair.into_inner().nth(1).expect("members")))
            }
            Rule::type_periods => {
                let mut parts = ty_pair.into_inner();
                let from = ident(parts.nth(2).expect("from field"));
                let to = ident(parts.nth(1).expect("to field"));
                FactType::Periods { from, to }
            }
            Rule::type_discretion => {
                let max = self.decimal(ty_pair.into_inner().nth(2).expect("discretion max"));
                FactType::Discretion { max }
            }
            _ => FactType::Tally(self.members(ty_pair.into_inner().nth(1).expect("members"))),
        };
        let mut description = None;
        let mut default = None;
        for p in inner {
            match p.as_rule() {
                Rule::fact_default => {
                    let lit = p.into_inner().nth(1).expect("default value");
                    default = Some(self.literal(lit));
                }
                _ => description = Some(self.string_value(p)),
            }
        }
        FactDecl {
            name,
            ty: Spanned::new(ty, ty_span),
            description,
            default,
            span: whole,
        }
    }

    fn members(&mut self, pair: Pair<'_, Rule>) -> Members {
        pair.into_inner()
            .map(|m| {
                let mut inner = m.into_inner();
                let name = ident(inner.next().expect("member name"));
                let description = inner.next().map(|d| self.string_value(d));
                Member { name, description }
            })
            .collect()
    }

    /// A clause's effect, or its `late` and `never` effects (the `never` one put in
    /// the deadline `kind`).
    fn clause_effect(
        &mut self,
        effect_pair: Pair<'_, Rule>,
        kind: &mut ClauseKind,
    ) -> Spanned<Effect> {
        if effect_pair.as_rule() == Rule::two_outcomes {
            let mut parts = effect_pair.into_inner();
            let late = self.effect(parts.nth(1).expect("late effect"));
            let never_effect = self.effect(parts.nth(1).expect("never effect"));
            if let ClauseKind::Deadline { never, .. } = kind {
                *never = Some(never_effect);
            }
            late
        } else {
            self.effect(effect_pair)
        }
    }

    fn clause(&mut self, pair: Pair<'_, Rule>) -> Clause {
        let whole = span(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner().peekable();
        if rule != Rule::give_clause {
            inner.next(); // the clause keyword
        }
        let condition = match rule {
            Rule::if_clause => Some(self.condition(inner.next().expect("condition"))),
            _ => None,
        };
        // `give FACT`, alone or after `if COND`: the effect is `-1` for each point
        // withheld, written where `give` is.
        let give = match inner.peek().map(|p| p.as_rule()) {
            Some(Rule::give_effect) => {
                let g = inner.next().expect("give");
                let at = span(&g);
                let fact = fact_path(g.into_inner().nth(1).expect("given fact"));
                Some((fact, at))
            }
            _ => None,
        };
        let kind = match rule {
            _ if give.is_some() => {
                let (fact, _) = give.clone().expect("give");
                ClauseKind::Give { condition, fact }
            }
            Rule::if_clause => ClauseKind::If(condition.expect("condition")),
            Rule::per_clause if inner.peek().map(|p| p.as_rule()) == Some(Rule::quantity) => {
                let mut parts = inner.next().expect("quantity").into_inner();
                let quantity = match parts.next().expect("quantity") {
                    p if p.as_rule() == Rule::arith => self.arith(p),
                    p => {
                        let s = span(&p);
                        Arith {
                            kind: ArithKind::Leaf(Operand::Fact(fact_path(p))),
                            span: s,
                        }
                    }
                };
                let step = parts
                    .next()
                    .map(|st| self.literal(st.into_inner().nth(1).expect("step value")));
                ClauseKind::Quantity { quantity, step }
            }
            Rule::per_clause | Rule::missing_clause => {
                let fact = fact_path(inner.next().expect("fact"));
                let except = match inner.peek().map(|p| p.as_rule()) {
                    Some(Rule::except) => inner
                        .next()
                        .expect("except")
                        .into_inner()
                        .skip(1)
                        .map(ident)
                        .collect(),
                    _ => Vec::new(),
                };
                let over = match inner.peek().map(|p| p.as_rule()) {
                    Some(Rule::over) => Some(self.over(inner.next().expect("over"))),
                    _ => None,
                };
                if rule == Rule::per_clause {
                    ClauseKind::Per { fact, except, over }
                } else {
                    ClauseKind::Missing { fact, except }
                }
            }
            _ => {
                let first = inner.next().expect("fact");
                let (fact, more) = if first.as_rule() == Rule::deadline_facts {
                    let mut paths = first.into_inner().map(fact_path);
                    let fact = paths.next().expect("first deadline fact");
                    (fact, paths.collect())
                } else {
                    (fact_path(first), Vec::new())
                };
                inner.next(); // `by`
                let by = self.date(inner.next().expect("deadline date"));
                ClauseKind::Deadline {
                    fact,
                    by,
                    never: None,
                    more,
                }
            }
        };
        let mut kind = kind;
        let effect = if let Some((_, at)) = give {
            Spanned::new(Effect::Points(-Decimal::ONE), at)
        } else {
            self.clause_effect(inner.next().expect("effect"), &mut kind)
        };
        let mut clause = Clause {
            kind,
            effect,
            floor: None,
            max: None,
            unless: None,
            span: whole,
        };
        for m in inner {
            let m_span = span(&m);
            let rule = m.as_rule();
            let value = m.into_inner().nth(1).expect("modifier value");
            let duplicate = match rule {
                Rule::floor_mod => clause.floor.replace(self.decimal(value)).is_some(),
                Rule::max_mod => clause.max.replace(self.decimal(value)).is_some(),
                _ => clause.unless.replace(self.condition(value)).is_some(),
            };
            if duplicate {
                self.problem(SyntaxError::ModifierTwice { span: m_span });
            }
        }
        clause
    }

    fn effect(&mut self, pair: Pair<'_, Rule>) -> Spanned<Effect> {
        let s = span(&pair);
        let effect = match pair.as_rule() {
            Rule::zero_effect => Effect::Zero,
            Rule::points_effect => Effect::Points(self.decimal_str(pair.as_str(), s)),
            _ => {
                let mut inner = pair.into_inner();
                let pct = inner.next().expect("percent");
                let text = pct.as_str().trim_end_matches('%');
                let percent = self.decimal_str(text, span(&pct));
                let base = match inner
                    .nth(1)
                    .and_then(|b| b.into_inner().next())
                    .map(|k| k.as_rule())
                {
                    Some(Rule::kw_score) => PercentBase::Score,
                    _ => PercentBase::Points,
                };
                Effect::Percent { percent, base }
            }
        };
        Spanned::new(effect, s)
    }

    fn condition(&mut self, pair: Pair<'_, Rule>) -> Condition {
        let s = span(&pair);
        match pair.as_rule() {
            Rule::condition | Rule::conjunction => {
                let is_or = pair.as_rule() == Rule::condition;
                let parts: Vec<Condition> = pair
                    .into_inner()
                    .filter(|p| !matches!(p.as_rule(), Rule::kw_or | Rule::kw_and))
                    .map(|p| self.condition(p))
                    .collect();
                if parts.len() == 1 {
                    parts.into_iter().next().expect("one part")
                } else if is_or {
                    Condition {
                        kind: ConditionKind::Or(parts),
                        span: s,
                    }
                } else {
                    Condition {
                        kind: ConditionKind::And(parts),
                        span: s,
                    }
                }
            }
            Rule::negation => {
                let mut nots = Vec::new();
                let mut primary = None;
                for p in pair.into_inner() {
                    if p.as_rule() == Rule::kw_not {
                        nots.push(span(&p).start);
                    } else {
                        primary = Some(self.condition(p));
                    }
                }
                let cond = primary.expect("negated condition");
                // `not not X` is `X`: a chain of `not`s folds by its parity into at most
                // one, so no chain, however long, nests (and no recursion over it can
                // overflow the stack in the checker, the evaluator or drop).
                match nots.first() {
                    Some(&start) if nots.len() % 2 == 1 => Condition {
                        span: Span::new(start, cond.span.end),
                        kind: ConditionKind::Not(Box::new(cond)),
                    },
                    _ => cond,
                }
            }
            Rule::comparison => {
                let mut inner = pair.into_inner();
                let left = self.operand(inner.next().expect("left"));
                let op_pair = inner.next().expect("operator");
                let op = match op_pair.as_str() {
                    "<" => CompareOp::Lt,
                    "<=" => CompareOp::Le,
                    ">" => CompareOp::Gt,
                    ">=" => CompareOp::Ge,
                    "=" => CompareOp::Eq,
                    _ => CompareOp::Ne,
                };
                let right = self.operand(inner.next().expect("right"));
                Condition {
                    kind: ConditionKind::Compare {
                        left,
                        op: Spanned::new(op, span(&op_pair)),
                        right,
                    },
                    span: s,
                }
            }
            Rule::fact_path => Condition {
                kind: ConditionKind::Fact(fact_path(pair)),
                span: s,
            },
            other => unreachable!("not a condition: {other:?}"),
        }
    }

    fn over(&mut self, pair: Pair<'_, Rule>) -> Over {
        let s = span(&pair);
        let mut inner = pair.into_inner();
        inner.next(); // `over`
        let count = self.integer(inner.next().expect("over count"));
        let unit = match inner
            .next()
            .and_then(|u| u.into_inner().next())
            .map(|k| k.as_rule())
        {
            Some(Rule::kw_days) => DayUnit::Days,
            _ => DayUnit::Workdays,
        };
        Over {
            count,
            unit,
            span: s,
        }
    }

    /// An operand of a comparison: a leaf as it was before arithmetic, or arithmetic.
    fn operand(&mut self, pair: Pair<'_, Rule>) -> Operand {
        if pair.as_rule() != Rule::arith {
            return self.leaf(pair);
        }
        let arith = self.arith(pair);
        match arith.kind {
            ArithKind::Leaf(leaf) => leaf,
            kind => Operand::Arith(Box::new(Arith {
                kind,
                span: arith.span,
            })),
        }
    }

    /// An arithmetic expression (`arith` or `term`), left to right; a single leaf, or a
    /// single expression in brackets, is that leaf or expression. The operators of
    /// one expression are bounded ([`MAX_OPERATORS`]), so no walk over it overflows.
    fn arith(&mut self, pair: Pair<'_, Rule>) -> Arith<Operand> {
        let whole = span(&pair);
        let operators = pair
            .clone()
            .into_inner()
            .flatten()
            .filter(|p| matches!(p.as_rule(), Rule::add_op | Rule::mul_op))
            .count();
        if operators > super::arith::MAX_OPERATORS {
            self.problem(SyntaxError::TooLong {
                span: whole,
                max: super::arith::MAX_OPERATORS,
            });
            return Arith {
                kind: ArithKind::Leaf(Operand::Literal(Spanned::new(
                    Literal::Number(Decimal::ZERO),
                    whole,
                ))),
                span: whole,
            };
        }
        self.arith_part(pair)
    }

    fn arith_part(&mut self, pair: Pair<'_, Rule>) -> Arith<Operand> {
        match pair.as_rule() {
            Rule::arith | Rule::term => {
                let mut inner = pair.into_inner();
                let mut left = self.arith_part(inner.next().expect("first operand"));
                while let Some(op_pair) = inner.next() {
                    let op = match op_pair.as_str() {
                        "+" => ArithOp::Add,
                        "-" => ArithOp::Sub,
                        "*" | "×" => ArithOp::Mul,
                        _ => ArithOp::Div,
                    };
                    let right = self.arith_part(inner.next().expect("second operand"));
                    let whole = left.span.to(right.span);
                    left = Arith {
                        kind: ArithKind::Binary {
                            op: Spanned::new(op, span(&op_pair)),
                            left: Box::new(left),
                            right: Box::new(right),
                        },
                        span: whole,
                    };
                }
                left
            }
            _ => {
                let s = span(&pair);
                Arith {
                    kind: ArithKind::Leaf(self.leaf(pair)),
                    span: s,
                }
            }
        }
    }

    fn leaf(&mut self, pair: Pair<'_, Rule>) -> Operand {
        match pair.as_rule() {
            Rule::fact_path => Operand::Fact(fact_path(pair)),
            Rule::period_count => {
                let s = span(&pair);
                let mut inner = pair.into_inner();
                let fact = fact_path(inner.next().expect("fact"));
                let over = self.over(inner.next().expect("over"));
                Operand::Periods {
                    fact,
                    over,
                    span: s,
                }
            }
            _ => Operand::Literal(self.literal(pair)),
        }
    }

    fn literal(&mut self, pair: Pair<'_, Rule>) -> Spanned<Literal> {
        let s = span(&pair);
        let lit = match pair.as_rule() {
            Rule::date => Literal::Date(self.date(pair).node),
            Rule::percent_lit => {
                Literal::Percent(self.decimal_str(pair.as_str().trim_end_matches('%'), s))
            }
            Rule::kw_true => Literal::Bool(true),
            Rule::kw_false => Literal::Bool(false),
            _ => Literal::Number(self.decimal(pair).node),
        };
        Spanned::new(lit, s)
    }

    fn date(&mut self, pair: Pair<'_, Rule>) -> Spanned<NaiveDate> {
        let s = span(&pair);
        let date = NaiveDate::parse_from_str(pair.as_str(), "%Y-%m-%d").unwrap_or_else(|_| {
            self.problem(SyntaxError::BadDate {
                span: s,
                text: pair.as_str().to_string(),
            });
            NaiveDate::MIN
        });
        Spanned::new(date, s)
    }

    fn decimal(&mut self, pair: Pair<'_, Rule>) -> Spanned<Decimal> {
        let s = span(&pair);
        Spanned::new(self.decimal_str(pair.as_str(), s), s)
    }

    fn decimal_str(&mut self, text: &str, s: Span) -> Decimal {
        let unsigned = text.trim_start_matches('+');
        match Decimal::from_str_exact(unsigned) {
            Ok(d) if d.abs() <= Decimal::from(1_000_000_000u64) => d.normalize(),
            _ => {
                self.problem(SyntaxError::BadDecimal {
                    span: s,
                    text: text.to_string(),
                });
                Decimal::ZERO
            }
        }
    }

    fn integer<T: FromStr + Default>(&mut self, pair: Pair<'_, Rule>) -> Spanned<T> {
        let s = span(&pair);
        let value = pair.as_str().parse::<T>().unwrap_or_else(|_| {
            self.problem(SyntaxError::BadInteger {
                span: s,
                text: pair.as_str().to_string(),
            });
            T::default()
        });
        Spanned::new(value, s)
    }
}

fn ident(pair: Pair<'_, Rule>) -> Spanned<String> {
    Spanned::new(pair.as_str().to_string(), span(&pair))
}

fn fact_path(pair: Pair<'_, Rule>) -> FactPath {
    let s = span(&pair);
    let mut inner = pair.into_inner();
    let fact = ident(inner.next().expect("fact name"));
    let member = inner.next().map(ident);
    FactPath {
        fact,
        member,
        span: s,
    }
}

/// The text of a `"""` block: the line break after the opening quotes and the
/// indentation common to all its lines removed, trailing blank space dropped.
pub fn dedent(raw: &str) -> String {
    let raw = raw
        .strip_prefix("\r\n")
        .or_else(|| raw.strip_prefix('\n'))
        .unwrap_or(raw);
    let lines: Vec<&str> = raw.lines().collect();
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    // Remove at most `indent` leading spaces or tabs from each line: a line indented
    // with other blank characters (the ideographic space U+3000) keeps them whole.
    let mut out: Vec<&str> = lines
        .iter()
        .map(|l| {
            let cut = l
                .bytes()
                .take(indent)
                .take_while(|b| *b == b' ' || *b == b'\t')
                .count();
            &l[cut..]
        })
        .map(|l| l.trim_end())
        .collect();
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}
