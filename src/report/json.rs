//! The JSON report: `{"rubric", "total", "units": [sheet, …]}`, numbers as JSON numbers
//! written with every digit of their decimals (never through a float), strings with
//! nothing hidden ([`crate::safe::json`]).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::check::Rubric;
use crate::eval::Sheet;

#[derive(Serialize)]
struct Report<'a> {
    rubric: &'a str,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    total: Decimal,
    units: &'a [Sheet],
}

pub fn json(rubric: &Rubric, sheets: &[Sheet]) -> String {
    let report = Report {
        rubric: &rubric.title,
        total: rubric.total.normalize(),
        units: sheets,
    };
    let out = serde_json::to_string_pretty(&report).expect("score sheets serialise");
    let mut out = crate::safe::json(&out).into_owned();
    out.push('\n');
    out
}
