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
use crate::span::Span;
use crate::syntax::ast::{DayUnit, PercentBase};

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
}

/// Why a clause applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// Its condition held (an `if`, or an `applicable unless`).
    Holds,
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
            ClauseRef::Clause(_) => self.text.clone(),
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
