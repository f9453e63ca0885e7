//! The words of the table for one item: what its facts are called (their
//! descriptions, shortened to what a sentence needs), how a count of them is said
//! (`已废止或失效但未进行标记的文件条数` = 4 → `已废止或失效但未进行标记的文件4条`), the
//! values the trace read, and its conditions as sentences.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::super::number;
use crate::eval::{Late, Used};
use crate::locale::Lang;
use crate::model::{
    CompareOp, Condition, ConditionKind, FactDecl, FactPath, FactType, Item, Literal, Operand,
};
use crate::tr;

/// Measure words a count's description may end with before `数`: `条数`, `次数`.
const MEASURE_WORDS: &str = "条次件个项份篇起天种家人名处批场期本册部套台张位所户";

/// The facts of one item, and the values one step read.
pub(super) struct Words<'a> {
    pub lang: Lang,
    pub decl: Option<&'a Item>,
    pub evidence: &'a [Used],
}

/// How a count of a fact is said: `已废止或失效但未进行标记的文件` and `条`.
pub(super) struct Counted {
    /// The description before the number.
    pub stem: String,
    /// The measure word after it, in Chinese; the word for one of them in English.
    pub unit: String,
    /// Whether the description ended in a count (`…条数`), so that the number reads
    /// after it; otherwise the sentence says `…为4`.
    pub natural: bool,
}

impl<'a> Words<'a> {
    /// The declaration of a fact of the item.
    pub fn fact(&self, name: &str) -> Option<&'a FactDecl> {
        self.decl?.facts.iter().find(|f| f.name.node == name)
    }

    /// What a fact is called in a sentence: its description without the notes for
    /// whoever fills in the evidence (after `;`, or in brackets at its end), else its
    /// name.
    pub fn subject(&self, name: &str) -> String {
        let description = self
            .fact(name)
            .and_then(|f| f.description.as_ref())
            .map(|d| d.node.as_str());
        description.map_or_else(|| name.to_string(), shorten)
    }

    /// What a date fact is called: its subject without a final `日期`, so that
    /// `发布应急预案的日期` reads `发布应急预案:于…完成`.
    pub fn deed(&self, name: &str) -> String {
        let subject = self.subject(name);
        if self.lang != Lang::Zh {
            return subject;
        }
        let short = subject
            .strip_suffix("的日期")
            .or_else(|| subject.strip_suffix("日期"))
            .unwrap_or(&subject);
        if short.is_empty() {
            subject.clone()
        } else {
            short.to_string()
        }
    }

    /// How a count of a fact is said.
    pub fn counted(&self, name: &str) -> Counted {
        let subject = self.subject(name);
        let default = || Counted {
            stem: subject.clone(),
            unit: tr!(self.lang, "narr-unit-default"),
            natural: false,
        };
        if self.lang != Lang::Zh {
            // English says the number after the description: `… (4)`.
            return Counted {
                unit: tr!(self.lang, "narr-unit-found"),
                natural: true,
                ..default()
            };
        }
        let Some(before) = subject.strip_suffix('数') else {
            return default();
        };
        let (stem, unit) = match before.chars().last() {
            Some(c) if MEASURE_WORDS.contains(c) => {
                (&before[..before.len() - c.len_utf8()], c.to_string())
            }
            _ => (before, tr!(self.lang, "narr-unit-found")),
        };
        let stem = stem.strip_suffix('的').unwrap_or(stem);
        if stem.is_empty() {
            return default();
        }
        Counted {
            stem: stem.to_string(),
            unit,
            natural: true,
        }
    }

    /// `已废止或失效但未进行标记的文件4条`, or `…(省府办)1次` for a member of a tally.
    pub fn count(
        &self,
        name: &str,
        member: Option<&str>,
        n: impl Into<Decimal>,
    ) -> (String, String) {
        let counted = self.counted(name);
        let n = number(n.into());
        // The measure word follows the number in Chinese: `4条`.
        let count = if counted.natural && self.lang == Lang::Zh {
            format!("{n}{}", counted.unit)
        } else {
            n
        };
        let text = match (member, counted.natural) {
            (None, true) => tr!(
                self.lang,
                "narr-count",
                subject = counted.stem,
                count = count
            ),
            (Some(m), true) => tr!(
                self.lang,
                "narr-count-member",
                subject = counted.stem,
                member = m,
                count = count
            ),
            (None, false) => tr!(
                self.lang,
                "narr-value",
                subject = counted.stem,
                value = count
            ),
            (Some(m), false) => tr!(
                self.lang,
                "narr-value-member",
                subject = counted.stem,
                member = m,
                value = count
            ),
        };
        (text, counted.unit)
    }

    /// The value the step read of a fact (of one member of a tally), as the evidence
    /// gives it.
    pub fn value(&self, path: &FactPath) -> Option<String> {
        let used = self.evidence.iter().find(|u| u.fact == path.fact.node)?;
        match &path.member {
            None => Some(used.value.clone()),
            Some(member) => member_value(&used.value, &member.node),
        }
    }

    /// The members of a set the step read, in the evidence's order.
    pub fn members(&self, name: &str) -> Vec<String> {
        let known: Vec<&str> = self
            .fact(name)
            .and_then(|f| f.ty.node.members())
            .map(|m| m.iter().map(|m| m.name.node.as_str()).collect())
            .unwrap_or_default();
        let Some(used) = self.evidence.iter().find(|u| u.fact == name) else {
            return Vec::new();
        };
        let inner = used
            .value
            .strip_prefix('[')
            .and_then(|v| v.strip_suffix(']'))
            .unwrap_or("");
        inner
            .split(", ")
            .filter(|m| known.contains(m))
            .map(str::to_string)
            .collect()
    }

    /// Names joined as a list: `文号、法律依据、印章`.
    pub fn list(&self, names: &[String]) -> String {
        names.join(&tr!(self.lang, "narr-list-join"))
    }

    /// A date as the table writes it: `2020年12月30日`; in English, `2020-12-30`.
    pub fn date(&self, date: NaiveDate) -> String {
        if self.lang != Lang::Zh {
            return date.to_string();
        }
        tr!(
            self.lang,
            "narr-date",
            year = i64::from(date.year()),
            month = i64::from(date.month()),
            day = i64::from(date.day())
        )
    }

    /// A condition that held, as a clause of a sentence.
    pub fn condition(&self, condition: &Condition) -> String {
        match &condition.kind {
            ConditionKind::Fact(path) => self.fact_holds(path),
            ConditionKind::Not(inner) => {
                let what = match &inner.kind {
                    ConditionKind::Fact(path) if path.member.is_none() => {
                        self.subject(&path.fact.node)
                    }
                    _ => self.condition(inner),
                };
                tr!(self.lang, "narr-not", what = what)
            }
            ConditionKind::And(parts) => self.join(parts.iter(), "narr-and-join"),
            ConditionKind::Or(parts) => {
                // Say which of the alternatives held, when the values show it.
                let held: Vec<&Condition> = parts
                    .iter()
                    .filter(|c| self.truth(c) == Some(true))
                    .collect();
                if held.is_empty() {
                    self.join(parts.iter(), "narr-or-join")
                } else {
                    self.join(held.into_iter(), "narr-and-join")
                }
            }
            ConditionKind::Compare { left, op, right } => self.compare(left, op.node, right),
        }
    }

    fn join<'c>(&self, parts: impl Iterator<Item = &'c Condition>, by: &str) -> String {
        let joiner = crate::locale::text(self.lang, by, &[]);
        parts
            .map(|c| self.condition(c))
            .collect::<Vec<_>>()
            .join(&joiner)
    }

    /// A fact named as a condition: a yes-or-no fact by its description, any other
    /// with its value.
    fn fact_holds(&self, path: &FactPath) -> String {
        let name = &path.fact.node;
        match self.fact(name).map(|f| &f.ty.node) {
            Some(FactType::Bool) | None => self.subject(name),
            Some(_) => self.with_value(path),
        }
    }

    /// A fact with the value the step read: `…议定事项6次`, `…分值权重为0%`.
    fn with_value(&self, path: &FactPath) -> String {
        let name = &path.fact.node;
        let value = self.value(path).unwrap_or_default();
        let member = path.member.as_ref().map(|m| m.node.as_str());
        if self.is_count(name) {
            if let Ok(n) = value.parse::<Decimal>() {
                return self.count(name, member, n).0;
            }
        }
        let value = self.shown(name, &value);
        let subject = self.subject(name);
        match member {
            None => tr!(self.lang, "narr-value", subject = subject, value = value),
            Some(m) => tr!(
                self.lang,
                "narr-value-member",
                subject = subject,
                member = m,
                value = value
            ),
        }
    }

    /// A value of the evidence as a person reads it: 是/否, dates in words.
    fn shown(&self, name: &str, value: &str) -> String {
        match (self.fact(name).map(|f| &f.ty.node), value) {
            (Some(FactType::Bool), "true") => tr!(self.lang, "narr-yes"),
            (Some(FactType::Bool), "false") => tr!(self.lang, "narr-no"),
            (Some(FactType::Date), v) => v
                .parse::<NaiveDate>()
                .map_or_else(|_| v.to_string(), |d| self.date(d)),
            (_, v) => v.to_string(),
        }
    }

    fn is_dates(&self, name: &str) -> bool {
        matches!(self.fact(name).map(|f| &f.ty.node), Some(FactType::Dates))
    }

    fn is_count(&self, name: &str) -> bool {
        matches!(
            self.fact(name).map(|f| &f.ty.node),
            Some(FactType::Count { .. } | FactType::Tally(_))
        )
    }

    /// The periods past a limit, each with its dates and the days it took (or the day
    /// it began, when it was never done), joined as a list.
    pub fn late_periods(&self, late: &[Late], day_unit: &str) -> String {
        let periods: Vec<String> = late
            .iter()
            .map(|l| match (l.to, l.taken) {
                (Some(to), Some(taken)) => tr!(
                    self.lang,
                    "narr-period",
                    from = self.date(l.from),
                    to = self.date(to),
                    taken = taken,
                    unit = day_unit
                ),
                _ => tr!(self.lang, "narr-period-never", from = self.date(l.from)),
            })
            .collect();
        periods.join(&tr!(self.lang, "narr-period-join"))
    }

    /// A condition on the periods of a `periods` fact past a limit (`申请 over 20
    /// workdays >= 1`) that held, naming the periods: 有超过20个工作日的申请1件(…). The
    /// clause applied once: no 每件. `None` for any other condition, said as
    /// [`Words::condition`] says it.
    pub fn condition_late(&self, condition: &Condition, late: &[Late]) -> Option<String> {
        let ConditionKind::Compare { left, op, right } = &condition.kind else {
            return None;
        };
        let (Operand::Periods { fact, over, .. }, Operand::Literal(l)) = (left, right) else {
            return None;
        };
        if self.is_dates(&fact.fact.node) || late.is_empty() {
            return None;
        }
        let op = op.node;
        let any = at_least_one(op, &l.node);
        let unit = unit_key(over.unit);
        let limit = i64::from(over.count.node);
        let subject = fact.fact.node.as_str();
        let periods = self.late_periods(late, unit);
        if any {
            return Some(tr!(
                self.lang,
                "narr-periods-late",
                subject = subject,
                limit = limit,
                unit = unit,
                count = late.len(),
                periods = periods
            ));
        }
        let count = self.applications(&l.node);
        Some(tr!(
            self.lang,
            "narr-compare",
            what = tr!(
                self.lang,
                "narr-over",
                limit = limit,
                unit = unit,
                subject = subject,
                count = late.len(),
                periods = periods
            ),
            op = op_key(op),
            limit = count
        ))
    }

    fn compare(&self, left: &Operand, op: CompareOp, right: &Operand) -> String {
        // The gaps of a `dates` fact: `动态更新 over 180 days >= 1` is a gap that long.
        if let (Operand::Periods { fact, over, .. }, Operand::Literal(l)) = (left, right) {
            let any = at_least_one(op, &l.node);
            let unit = unit_key(over.unit);
            let limit = i64::from(over.count.node);
            if any && self.is_dates(&fact.fact.node) {
                return tr!(
                    self.lang,
                    "narr-gap-any",
                    subject = self.deed(&fact.fact.node),
                    limit = limit,
                    unit = unit
                );
            }
            // The periods of a `periods` fact past the limit, counted as `per … over`
            // counts them (超过20个工作日的申请).
            if !self.is_dates(&fact.fact.node) {
                let subject = fact.fact.node.as_str();
                if any {
                    return tr!(
                        self.lang,
                        "narr-periods-any",
                        subject = subject,
                        limit = limit,
                        unit = unit
                    );
                }
                let count = self.applications(&l.node);
                return tr!(
                    self.lang,
                    "narr-compare",
                    what = tr!(
                        self.lang,
                        "narr-periods-over",
                        subject = subject,
                        limit = limit,
                        unit = unit
                    ),
                    op = op_key(op),
                    limit = count
                );
            }
        }
        let (path, op, literal) = match (left, right) {
            (Operand::Fact(p), Operand::Literal(l)) => (p, op, &l.node),
            (Operand::Literal(l), Operand::Fact(p)) => (p, flipped(op), &l.node),
            _ => {
                let what = self.operand(left);
                return tr!(
                    self.lang,
                    "narr-compare-value",
                    what = what,
                    op = op_key(op),
                    limit = self.operand(right)
                );
            }
        };
        let what = self.with_value(path);
        if self.is_count(&path.fact.node) {
            let one = Decimal::ONE;
            let trivial = matches!(
                (op, literal),
                (CompareOp::Ge, Literal::Number(n)) if *n == one
            ) || matches!((op, literal), (CompareOp::Gt, Literal::Number(n)) if n.is_zero());
            if trivial {
                return what;
            }
            let counted = self.counted(&path.fact.node);
            let mut limit = self.literal(literal);
            if counted.natural && self.lang == Lang::Zh {
                limit.push_str(&counted.unit);
            }
            return tr!(
                self.lang,
                "narr-compare",
                what = what,
                op = op_key(op),
                limit = limit
            );
        }
        tr!(
            self.lang,
            "narr-compare-value",
            what = what,
            op = op_key(op),
            limit = self.literal(literal)
        )
    }

    fn operand(&self, operand: &Operand) -> String {
        match operand {
            Operand::Fact(p) => self.with_value(p),
            Operand::Literal(l) => self.literal(&l.node),
            Operand::Periods { fact, .. } => self.subject(&fact.fact.node),
            Operand::Arith(a) => self.arith_with_value(a),
        }
    }

    /// A number of applications in a comparison: `2件` in Chinese, `2` in English.
    fn applications(&self, literal: &Literal) -> String {
        let mut count = self.literal(literal);
        if self.lang == Lang::Zh {
            count.push('件');
        }
        count
    }

    fn literal(&self, literal: &Literal) -> String {
        match literal {
            Literal::Number(n) => number(*n),
            Literal::Percent(p) => format!("{}%", number(*p)),
            Literal::Date(d) => self.date(*d),
            Literal::Bool(true) => tr!(self.lang, "narr-yes"),
            Literal::Bool(false) => tr!(self.lang, "narr-no"),
        }
    }

    /// Whether a condition held, when the values the step read show it.
    fn truth(&self, condition: &Condition) -> Option<bool> {
        match &condition.kind {
            ConditionKind::Fact(path) => match self.value(path)?.as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            ConditionKind::Not(inner) => self.truth(inner).map(|t| !t),
            ConditionKind::And(parts) => parts
                .iter()
                .map(|c| self.truth(c))
                .try_fold(true, |all, t| t.map(|t| all && t)),
            ConditionKind::Or(parts) => parts
                .iter()
                .map(|c| self.truth(c))
                .try_fold(false, |any, t| t.map(|t| any || t)),
            ConditionKind::Compare { left, op, right } => {
                let (path, op, literal) = match (left, right) {
                    (Operand::Fact(p), Operand::Literal(l)) => (p, op.node, &l.node),
                    (Operand::Literal(l), Operand::Fact(p)) => (p, flipped(op.node), &l.node),
                    _ => return None,
                };
                let value = self.value(path)?;
                let (value, limit) = match literal {
                    Literal::Number(n) => (value.parse::<Decimal>().ok()?, *n),
                    Literal::Percent(p) => (value.strip_suffix('%')?.parse::<Decimal>().ok()?, *p),
                    _ => return None,
                };
                Some(op.holds(value.cmp(&limit)))
            }
        }
    }
}

/// A description shortened to what a sentence needs: the note after `;` and a
/// bracketed note at its end left out.
fn shorten(description: &str) -> String {
    let mut text = description
        .split([';', ';'])
        .next()
        .unwrap_or(description)
        .trim();
    for (open, close) in [('(', ')'), ('(', ')')] {
        if let Some(rest) = text.strip_suffix(close) {
            if let Some(at) = rest.rfind(open) {
                let kept = rest[..at].trim_end();
                if !kept.is_empty() {
                    text = kept;
                }
            }
        }
    }
    text.to_string()
}

/// The value of one member in a tally as the trace writes it: `{国办: 1, 省府办: 2}`.
fn member_value(tally: &str, member: &str) -> Option<String> {
    let inner = tally.strip_prefix('{')?.strip_suffix('}')?;
    inner.split(", ").find_map(|pair| {
        let (name, value) = pair.split_once(": ")?;
        (name == member).then(|| value.to_string())
    })
}

/// The comparison read from the other side: `3 > 数` is `数 < 3`.
fn flipped(op: CompareOp) -> CompareOp {
    match op {
        CompareOp::Lt => CompareOp::Gt,
        CompareOp::Le => CompareOp::Ge,
        CompareOp::Gt => CompareOp::Lt,
        CompareOp::Ge => CompareOp::Le,
        other => other,
    }
}

/// The key of a comparison in the catalogues' selectors.
fn op_key(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "lt",
        CompareOp::Le => "le",
        CompareOp::Gt => "gt",
        CompareOp::Ge => "ge",
        CompareOp::Eq => "eq",
        CompareOp::Ne => "ne",
    }
}

/// Whether a comparison of a count with a literal says "at least one" (`>= 1`, `> 0`),
/// which the 扣分说明 words as 有…的 rather than as a comparison.
fn at_least_one(op: CompareOp, literal: &Literal) -> bool {
    matches!((op, literal), (CompareOp::Ge, Literal::Number(n)) if *n == Decimal::ONE)
        || matches!((op, literal), (CompareOp::Gt, Literal::Number(n)) if n.is_zero())
}

/// The catalogue's key of a unit of days (`workdays`, `days`).
pub(super) fn unit_key(unit: crate::model::DayUnit) -> &'static str {
    match unit {
        crate::model::DayUnit::Workdays => "workdays",
        crate::model::DayUnit::Days => "days",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_lose_the_notes_for_whoever_fills_in_the_evidence() {
        assert_eq!(shorten("公开日期;false 表示未公开"), "公开日期");
        assert_eq!(
            shorten("年度重点政策文件的公开日期 (未公开填 false)"),
            "年度重点政策文件的公开日期"
        );
        assert_eq!(
            shorten("未在政策公布时(3个工作日内)同步公布的解读材料个数"),
            "未在政策公布时(3个工作日内)同步公布的解读材料个数"
        );
        assert_eq!(shorten("(只有注释)"), "(只有注释)");
    }

    #[test]
    fn a_member_of_a_tally_is_read_from_the_trace() {
        assert_eq!(
            member_value("{国办: 1, 省府办: 2}", "省府办").as_deref(),
            Some("2")
        );
        assert_eq!(member_value("{国办: 1}", "市府办"), None);
    }
}
