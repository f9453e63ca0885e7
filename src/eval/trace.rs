//! The trace of an item as data: for each clause that moved its score (or would have,
//! but for an exemption), which clause it was, why it applied, the facts it read, the
//! change it made and the limit that cut it, and the score after it.
//!
//! A step holds no sentence. [`Step::clause_en`] and [`Step::note_en`] put it into
//! English, the one place the words of the trace are written: the JSON sheet, the
//! explanation, the Markdown and workbook reports all read them. Another language's
//! wording reads the same data.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

pub use crate::evidence::periods::Late;
use crate::model::{DayUnit, PercentBase};
use crate::span::Span;

/// One clause that changed a score (or would have, but for an exemption), or the
/// `applicable unless` that left the item out.
#[derive(Debug, Clone)]
pub struct Step {
    /// Which clause of the item.
    pub clause: ClauseRef,
    /// Where the clause (or the `applicable unless` condition) is in the rule file.
    pub span: Span,
    pub line: usize,
    /// The clause as written in the rule file, its whitespace collapsed; for an
    /// `applicable unless`, its condition.
    pub text: String,
    /// The facts the clause read, with their values.
    pub evidence: Vec<Used>,
    /// Why the clause applied.
    pub why: Why,
    /// What it did.
    pub did: Did,
    /// The change to the item's score, after floors and limits.
    pub delta: Decimal,
    /// The item's score after this step.
    pub score: Decimal,
}

/// A fact a clause read, and its value as the evidence gives it.
#[derive(Debug, Clone, Serialize)]
pub struct Used {
    pub fact: String,
    pub value: String,
}

/// Which clause of an item a step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseRef {
    /// The item's `applicable unless`.
    ApplicableUnless,
    /// The clause at this index among the item's clauses, in the order of the file.
    Clause(usize),
    /// The item's own bounds (扣完为止, 最多得N分), kept once after all its clauses.
    Bound,
}

/// Why a clause applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// Its condition held (an `if`, or an `applicable unless`).
    Holds,
    /// Its condition, a count of the periods past a limit (`if 申请 over 20 workdays >=
    /// 1`), held: the periods past the limit, each described, as for `per … over`.
    /// The clause applied once, whatever their number.
    HoldsLate {
        late: Vec<Late>,
        limit: u32,
        unit: DayUnit,
    },
    /// Periods longer than the limit, each described.
    Over {
        late: Vec<Late>,
        limit: u32,
        unit: DayUnit,
    },
    /// A discretionary score given, with its reason.
    Given { score: Decimal, reason: String },
    /// This many found (findings, members, a tally's count).
    Found(u64),
    /// These members of the list missing, in the list's order.
    Missing(Vec<String>),
    /// Done on this date, after the deadline.
    After {
        date: NaiveDate,
        deadline: NaiveDate,
    },
    /// Never done; the deadline.
    Never { deadline: NaiveDate },
    /// Of the several dates of a deadline, those that missed it, in the clause's
    /// order: each fact's name and its date (`None`: never done).
    Missed {
        missed: Vec<(String, Option<NaiveDate>)>,
        deadline: NaiveDate,
    },
    /// A `give`: the score the assessor gave of the most they may give, with the
    /// reason; the points withheld are taken.
    Instead {
        score: Decimal,
        max: Decimal,
        reason: String,
    },
    /// A quantity worked out (`150%`, `12.5`): with `step`, the step it was counted
    /// in (`20%`) and how many whole steps it holds; without, what the effect was
    /// multiplied by.
    Measured {
        value: String,
        step: Option<String>,
        times: Decimal,
    },
}

/// What a clause did.
#[derive(Debug, Clone, PartialEq)]
pub enum Did {
    /// The item is not applicable (折分处理): left out, and the total prorated.
    NotApplicable,
    /// Exempted by the clause's `unless` (its condition as written): nothing taken.
    Exempted { unless: String },
    /// 不得分: the item ends at 0. `first` for the first such clause, which takes
    /// what is left; any further one takes nothing more.
    Zero { first: bool },
    /// A change of the score.
    Change {
        /// What one application is.
        change: Change,
        /// How many times it applied (a decimal for a discretionary score).
        times: Decimal,
        /// The change before the clause's limits.
        raw: Decimal,
        /// The clause's `max`, when it cut the change.
        max: Option<Cut>,
        /// The clause's `floor`, when it cut the change.
        floor: Option<Cut>,
    },
    /// The item's score after its clauses lay outside its bounds and was kept at
    /// `limit`: its lowest (扣完为止) when `high` is false, its highest (最多得N分)
    /// when true.
    Bound { limit: Decimal, high: bool },
}

/// A change applied once: points, or a percentage of the item's points or score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    Points(Decimal),
    Percent {
        percent: Decimal,
        base: PercentBase,
        /// The value of the base when the clause applied.
        of: Decimal,
    },
}

/// A limit that cut a change: its value as written, and the change it left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cut {
    pub limit: Decimal,
    pub to: Decimal,
}

/// A decimal with its sign, `+` for a positive one, normalised.
pub(super) fn signed(d: Decimal) -> String {
    let d = d.normalize();
    if d > Decimal::ZERO {
        format!("+{d}")
    } else {
        format!("{d}")
    }
}

impl Step {
    /// The clause in English, as the trace shows it.
    pub fn clause_en(&self) -> String {
        match self.clause {
            ClauseRef::ApplicableUnless => format!("applicable unless {}", self.text),
            ClauseRef::Clause(_) | ClauseRef::Bound => self.text.clone(),
        }
    }

    /// What the clause did and why, in English.
    pub fn note_en(&self) -> String {
        let why = self.why.en();
        match &self.did {
            Did::NotApplicable => {
                "not applicable (折分处理): left out, and the total prorated".into()
            }
            Did::Exempted { unless } => {
                format!("{why}, but exempted by `unless {unless}`: nothing taken")
            }
            Did::Zero { first: true } => format!(
                "{why}: 不得分, so the item scores 0 whatever else applies ({})",
                signed(self.delta)
            ),
            Did::Zero { first: false } => format!("{why}: 不得分; the item is already 0"),
            Did::Bound { limit, high } => {
                let raw = (self.score - self.delta).normalize();
                if *high {
                    format!(
                        "{raw} is above the item's highest, {}: kept at {} (最多得{}分)",
                        limit.normalize(),
                        limit.normalize(),
                        limit.normalize()
                    )
                } else {
                    format!(
                        "{raw} is below the item's lowest, {}: kept at {} (扣完为止)",
                        limit.normalize(),
                        limit.normalize()
                    )
                }
            }
            Did::Change {
                change,
                times,
                raw,
                max,
                floor,
            } => {
                let times_en = if *times == Decimal::ONE {
                    String::new()
                } else {
                    format!("{} × ", times.normalize())
                };
                let how = match change {
                    Change::Points(unit) if times_en.is_empty() => signed(*unit),
                    Change::Points(unit) => {
                        format!("{times_en}{} = {}", signed(*unit), signed(*raw))
                    }
                    Change::Percent { percent, base, of } => format!(
                        "{times_en}{}% of {} {} = {}",
                        signed(*percent),
                        match base {
                            PercentBase::Points => "points",
                            PercentBase::Score => "score",
                        },
                        of.normalize(),
                        signed(*raw)
                    ),
                };
                let mut note = format!("{why}: {how}");
                if let Some(cut) = max {
                    note.push_str(&format!(
                        ", limited to {} by max {}",
                        signed(cut.to),
                        cut.limit
                    ));
                }
                if let Some(cut) = floor {
                    note.push_str(&format!(
                        ", limited to {} by floor {}",
                        signed(cut.to),
                        cut.limit
                    ));
                }
                note
            }
        }
    }
}

impl Why {
    /// Why a clause applied, in English.
    fn en(&self) -> String {
        match self {
            Why::Holds => "the condition holds".into(),
            Why::HoldsLate { late, limit, unit } => format!(
                "the condition holds: {} over {limit} {} ({})",
                late.len(),
                unit.keyword(),
                late.iter().map(Late::en).collect::<Vec<_>>().join("; ")
            ),
            Why::Over { late, limit, unit } => format!(
                "{} over {limit} {} ({})",
                late.len(),
                unit.keyword(),
                late.iter().map(Late::en).collect::<Vec<_>>().join("; ")
            ),
            Why::Given { score, reason } => format!("{} given ({reason})", score.normalize()),
            Why::Found(n) => format!("{n} found"),
            Why::Missing(absent) => format!("{} missing ({})", absent.len(), absent.join("、")),
            Why::After { date, deadline } => format!("{date} is after the deadline {deadline}"),
            Why::Never { deadline } => format!("never done, deadline {deadline}"),
            Why::Missed { missed, deadline } => {
                let each: Vec<String> = missed
                    .iter()
                    .map(|(fact, date)| match date {
                        Some(date) => format!("{fact} {date} is after the deadline {deadline}"),
                        None => format!("{fact} never done, deadline {deadline}"),
                    })
                    .collect();
                each.join("; ")
            }
            Why::Instead { score, max, reason } => format!(
                "{} of {} given ({reason})",
                score.normalize(),
                max.normalize()
            ),
            Why::Measured {
                value,
                step: Some(step),
                times,
            } => format!("{value}; whole steps of {step}: {}", times.normalize()),
            Why::Measured { value, .. } => value.clone(),
        }
    }
}

impl Late {
    /// The period in English: its dates, the days it took and the day it was due.
    pub fn en(&self) -> String {
        let from = self.from;
        match (self.to, self.unit) {
            (Some(to), DayUnit::Days) => {
                format!("{from} → {to}: {} days", self.taken.unwrap_or_default())
            }
            (Some(to), DayUnit::Workdays) => {
                let mut out = format!("{from} → {to}: {} workdays", self.taken.unwrap_or_default());
                if let Some(due) = self.due {
                    out.push_str(&format!(", due {due}"));
                }
                out
            }
            (None, _) => match self.due {
                Some(due) => format!("{from} → never, due {due}"),
                None => format!("{from} → never"),
            },
        }
    }
}

impl Serialize for Step {
    /// The step as the JSON sheet writes it: the clause and the note in English, with
    /// the evidence and the numbers.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            clause: String,
            line: usize,
            evidence: &'a [Used],
            #[serde(with = "rust_decimal::serde::arbitrary_precision")]
            delta: Decimal,
            #[serde(with = "rust_decimal::serde::arbitrary_precision")]
            score: Decimal,
            note: String,
        }
        Json {
            clause: self.clause_en(),
            line: self.line,
            evidence: &self.evidence,
            delta: self.delta,
            score: self.score,
            note: self.note_en(),
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Rubric;
    use crate::eval::evaluate;

    fn rubric(text: &str) -> Rubric {
        crate::check::compile(&crate::source::SourceFile::new("t.rule", text))
            .rubric
            .expect("the rubric compiles")
    }

    fn steps(r: &Rubric, evidence: &str) -> Vec<Step> {
        let source = crate::source::SourceFile::new("unit.toml", evidence);
        let node = crate::evidence::read(&source, crate::evidence::Format::Toml).expect("TOML");
        let unit = crate::evidence::validate(r, &source, &node).expect("valid evidence");
        let sheet = evaluate(r, &unit).expect("scores");
        sheet.categories[0].indicators[0].trace.clone()
    }

    fn d(n: i64, scale: u32) -> Decimal {
        Decimal::new(n, scale)
    }

    #[test]
    fn a_step_holds_what_another_language_needs_to_word_it() {
        let r = rubric("rubric 表\ntotal 4\nsection 甲 4 {\n  item 乙 4 {\n    fact 数 count \"数\"\n    fact 否 bool \"否\"\n    fact 免 bool \"免\"\n    per 数 -1 floor 0\n    if 否 -50% of points floor 0 unless 免\n  }\n}\n");
        let trace = steps(
            &r,
            "unit = \"单位\"\n[\"乙\"]\n\"数\" = 9\n\"否\" = true\n\"免\" = true\n",
        );
        let [per, exempt] = &trace[..] else {
            panic!("two steps: {trace:?}")
        };
        // 9 found, 9 × −1 = −9, cut by the floor 0 to −4.
        assert_eq!(per.clause, ClauseRef::Clause(0));
        assert_eq!(per.line, 8);
        assert_eq!(per.why, Why::Found(9));
        assert_eq!(
            per.did,
            Did::Change {
                change: Change::Points(d(-1, 0)),
                times: d(9, 0),
                raw: d(-9, 0),
                max: None,
                floor: Some(Cut {
                    limit: d(0, 0),
                    to: d(-4, 0)
                }),
            }
        );
        assert_eq!((per.delta, per.score), (d(-4, 0), d(0, 0)));
        assert_eq!(per.evidence[0].fact, "数");
        assert_eq!(per.evidence[0].value, "9");
        assert_eq!(per.clause_en(), "per 数 -1 floor 0");
        assert_eq!(
            per.note_en(),
            "9 found: 9 × -1 = -9, limited to -4 by floor 0"
        );
        // Exempted by `unless 免`, which the evidence of the step then shows.
        assert_eq!(exempt.why, Why::Holds);
        assert_eq!(
            exempt.did,
            Did::Exempted {
                unless: "免".into()
            }
        );
        let read: Vec<&str> = exempt.evidence.iter().map(|u| u.fact.as_str()).collect();
        assert_eq!(read, ["否", "免"]);
        assert_eq!(
            exempt.note_en(),
            "the condition holds, but exempted by `unless 免`: nothing taken"
        );
    }

    #[test]
    fn late_periods_are_worded_as_before() {
        let day = |m, d| NaiveDate::from_ymd_opt(2020, m, d).expect("a date");
        let late = |to, taken, unit, due| Late {
            from: day(3, 2),
            to,
            taken,
            unit,
            due,
        };
        assert_eq!(
            late(Some(day(4, 6)), Some(35), DayUnit::Days, None).en(),
            "2020-03-02 → 2020-04-06: 35 days"
        );
        assert_eq!(
            late(
                Some(day(4, 6)),
                Some(24),
                DayUnit::Workdays,
                Some(day(3, 30))
            )
            .en(),
            "2020-03-02 → 2020-04-06: 24 workdays, due 2020-03-30"
        );
        assert_eq!(
            late(None, None, DayUnit::Workdays, Some(day(3, 30))).en(),
            "2020-03-02 → never, due 2020-03-30"
        );
        assert_eq!(
            late(None, None, DayUnit::Days, None).en(),
            "2020-03-02 → never"
        );
    }
}
