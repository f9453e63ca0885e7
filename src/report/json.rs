//! The JSON report: `{"rubric", "total", "units": [sheet, …]}`, numbers as JSON numbers
//! written with every digit of their decimals (never through a float), strings with
//! nothing hidden ([`crate::safe::json`]).
//!
//! Each item carries its trace for machines (`clause`, `line`, `note`: rule syntax and
//! English, as identifiers are) and its `explanation`: the sentences of the score
//! sheet's 扣分说明 in the run's language ([`super::Narrator`]).

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::narrative::Narrator;
use crate::check::Rubric;
use crate::eval::{ItemScore, SectionScore, Sheet};
use crate::locale::Lang;
use crate::model::SectionKind;

#[derive(Serialize)]
struct Report<'a> {
    rubric: &'a str,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    total: Decimal,
    units: Vec<Value>,
}

/// The JSON report in the run's language ([`crate::locale::current`]).
pub fn json(rubric: &Rubric, sheets: &[Sheet]) -> String {
    json_in(rubric, sheets, crate::locale::current())
}

/// The JSON report, its explanations in `lang`.
pub fn json_in(rubric: &Rubric, sheets: &[Sheet], lang: Lang) -> String {
    let narrator = Narrator::new(rubric, lang);
    let units = sheets
        .iter()
        .map(|sheet| {
            let mut value = serde_json::to_value(sheet).expect("score sheets serialise");
            explained(&mut value, sheet, &narrator);
            value
        })
        .collect();
    let report = Report {
        rubric: &rubric.title,
        total: rubric.total.normalize(),
        units,
    };
    let out = serde_json::to_string_pretty(&report).expect("score sheets serialise");
    let mut out = crate::safe::json(&out).into_owned();
    out.push('\n');
    out
}

/// Puts the explanation of every item of a sheet beside its trace.
fn explained(value: &mut Value, sheet: &Sheet, narrator: &Narrator) {
    items(
        &mut value["indicators"],
        &sheet.indicators,
        SectionKind::Regular,
        narrator,
    );
    // The sections to visit, each with its kind (a subsection takes its top's): a
    // stack, not recursion, so that depth cannot overflow it.
    let mut stack: Vec<(&mut Value, &SectionScore, SectionKind)> = Vec::new();
    if let Some(values) = value["categories"].as_array_mut() {
        for (v, s) in values.iter_mut().zip(&sheet.categories) {
            stack.push((v, s, s.kind));
        }
    }
    while let Some((value, section, kind)) = stack.pop() {
        let Some(object) = value.as_object_mut() else {
            continue;
        };
        if let Some(v) = object.get_mut("indicators") {
            items(v, &section.indicators, kind, narrator);
        }
        if let Some(Value::Array(values)) = object.get_mut("sections") {
            for (v, s) in values.iter_mut().zip(&section.sections) {
                stack.push((v, s, kind));
            }
        }
    }
}

fn items(values: &mut Value, items: &[ItemScore], kind: SectionKind, narrator: &Narrator) {
    let Some(values) = values.as_array_mut() else {
        return;
    };
    for (value, item) in values.iter_mut().zip(items) {
        if let Some(object) = value.as_object_mut() {
            object.insert("explanation".into(), Value::from(narrator.item(item, kind)));
        }
    }
}
