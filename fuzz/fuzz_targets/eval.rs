//! Evaluation: evidence that is valid by construction, built from the fuzzer's
//! choices for every fact of a rubric compiled once (`kaohe_fuzz::RULES`), scored and
//! checked against the invariants of every score sheet (each item within its bounds,
//! its trace adding up, the total within 0 and the rubric's most), then reported.
//!
//! The choices reach where hand-written evidence rarely goes: counts up to the
//! largest kaohe accepts, percentages with many decimals, dates over three years (so
//! working days fall outside the calendar), long lists of periods, fractional
//! discretionary scores, and items made not applicable.

#![no_main]

use arbitrary::Arbitrary;
use kaohe::evidence::{read, validate, Format};
use kaohe::model::{self, FactType};
use kaohe::source::SourceFile;
use libfuzzer_sys::fuzz_target;
use rust_decimal::prelude::ToPrimitive;

/// The largest count evidence may give (`kaohe::evidence` accepts up to this).
const MAX_COUNT: u64 = 1_000_000_000_000;

#[derive(Debug, Arbitrary)]
struct Input {
    rubric: u8,
    json: bool,
    choices: Vec<u32>,
}

/// The fuzzer's choices, one at a time; 0 once they run out.
struct Choices<'a>(std::slice::Iter<'a, u32>);

impl Choices<'_> {
    fn next(&mut self) -> u32 {
        self.0.next().copied().unwrap_or(0)
    }

    /// A count: small most of the time, anywhere up to `MAX_COUNT` otherwise.
    fn count(&mut self, max: Option<u64>) -> u64 {
        let c = self.next();
        match max {
            Some(m) => u64::from(c) % (m + 1),
            None if c & 0x8000_0000 != 0 => u64::from(c).wrapping_mul(232_831) % (MAX_COUNT + 1),
            None => u64::from(c % 30),
        }
    }

    fn date(&mut self) -> String {
        let c = self.next();
        let day = chrono_like_day(c % 1100);
        format!("\"{day}\"")
    }
}

/// The day `n` days after 2019-01-01, as `YYYY-MM-DD`.
fn chrono_like_day(n: u32) -> String {
    const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut left = n;
    let mut year = 2019;
    loop {
        let leap = year % 4 == 0;
        let len = if leap { 366 } else { 365 };
        if left < len {
            break;
        }
        left -= len;
        year += 1;
    }
    let mut month = 0;
    loop {
        let len = DAYS[month] + u32::from(month == 1 && year % 4 == 0);
        if left < len {
            break;
        }
        left -= len;
        month += 1;
    }
    format!("{year:04}-{:02}-{:02}", month + 1, left + 1)
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fuzz_target!(|input: Input| {
    let rubrics = kaohe_fuzz::rubrics();
    let rubric = &rubrics[usize::from(input.rubric) % rubrics.len()];
    let mut choices = Choices(input.choices.iter());
    // The evidence is written as JSON (every value is valid JSON and, with `=` for `:`
    // in tables, valid TOML), so one builder serves both formats.
    let mut items = Vec::new();
    for item in model::items(&rubric.nodes) {
        let mut facts = Vec::new();
        for fact in &item.facts {
            let c = choices.next();
            // Leave a fact out now and then: a default fills it, or the item is not
            // applicable and does not need it, or validation says it is missing.
            if c % 17 == 16 {
                continue;
            }
            let value = match &fact.ty.node {
                FactType::Bool => (c & 1 == 1).to_string(),
                FactType::Count { max } => choices.count(max.as_ref().map(|m| m.node)).to_string(),
                FactType::Percent { .. } => {
                    let hundredths = choices.next() % 10_001;
                    let p = format!("{}.{:02}", hundredths / 100, hundredths % 100);
                    if c & 2 == 0 {
                        p
                    } else {
                        quoted(&format!("{p}%"))
                    }
                }
                FactType::Date => {
                    if c & 7 == 0 {
                        "false".into()
                    } else {
                        choices.date()
                    }
                }
                FactType::Set(members) => {
                    let mask = choices.next();
                    let present: Vec<String> = members
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask >> (i % 32) & 1 == 1)
                        .map(|(_, m)| quoted(&m.name.node))
                        .collect();
                    format!("[{}]", present.join(", "))
                }
                FactType::Tally(members) => {
                    let mut parts = Vec::new();
                    for m in members.iter() {
                        if choices.next() & 3 != 0 {
                            parts.push(format!(
                                "{}: {}",
                                quoted(&m.name.node),
                                choices.count(None)
                            ));
                        }
                    }
                    format!("{{{}}}", parts.join(", "))
                }
                FactType::Periods { from, to } => {
                    let n = choices.next() % 8;
                    let mut periods = Vec::new();
                    for _ in 0..n {
                        let start = choices.next() % 1100;
                        let length = choices.next();
                        let end = if length & 15 == 0 {
                            "false".to_string()
                        } else {
                            format!("\"{}\"", chrono_like_day((start + length % 90).min(1099)))
                        };
                        periods.push(format!(
                            "{{{}: \"{}\", {}: {end}}}",
                            quoted(&from.node),
                            chrono_like_day(start),
                            quoted(&to.node)
                        ));
                    }
                    format!("[{}]", periods.join(", "))
                }
                FactType::Discretion { max } => {
                    let hundredths = max.node * rust_decimal::Decimal::ONE_HUNDRED;
                    let top = hundredths.trunc().to_u32().unwrap_or(0);
                    let score =
                        rust_decimal::Decimal::new(i64::from(choices.next() % (top + 1)), 2);
                    format!("{{\"score\": {}, \"reason\": \"酌情\"}}", score.normalize())
                }
                FactType::Number { .. } => {
                    let hundredths = choices.next() % 10_001;
                    format!("{}.{:02}", hundredths / 100, hundredths % 100)
                }
            };
            facts.push(format!("{}: {value}", quoted(&fact.name.node)));
        }
        items.push(format!(
            "{}: {{{}}}",
            quoted(&item.name.node),
            facts.join(", ")
        ));
    }
    let json = format!("{{\"unit\": \"fuzz\", {}}}", items.join(", "));
    let (text, format, name) = if input.json {
        (json, Format::Json, "fuzz.json")
    } else {
        (json_to_toml(&json), Format::Toml, "fuzz.toml")
    };
    let source = SourceFile::new(name, text);
    let node = match read(&source, format) {
        Ok(node) => node,
        Err(d) => panic!("evidence built to be valid does not read: {}", d.message),
    };
    match validate(rubric, &source, &node) {
        Ok(unit) => kaohe_fuzz::score_and_report(rubric, &unit),
        // A fact left out is a validation error, as it should be; nothing else is.
        Err(ds) => {
            for d in &ds {
                assert_eq!(d.code, "kaohe::evidence::missing", "{}", d.message);
            }
            kaohe_fuzz::render_all(&ds);
        }
    }
});

/// The JSON text above as a TOML document: the outer braces dropped, each item a
/// `key = { … }` line, `:` as `=` outside strings. Dates stay strings, which kaohe
/// reads as dates in both formats.
fn json_to_toml(json: &str) -> String {
    let inner = &json[1..json.len() - 1];
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut depth = 0;
    for ch in inner.chars() {
        if in_string {
            out.push(ch);
            if escaped {
                escaped = false;
            } else if ch == '\\' {
                escaped = true;
            } else if ch == '"' {
                in_string = false;
            }
            continue;
        }
        match ch {
            '"' => {
                in_string = true;
                out.push(ch);
            }
            ':' => out.push_str(" ="),
            '{' | '[' => {
                depth += 1;
                out.push(ch);
            }
            '}' | ']' => {
                depth -= 1;
                out.push(ch);
            }
            ',' if depth == 0 => out.push('\n'),
            _ => out.push(ch),
        }
    }
    out
}
