//! The JSON report: `{"rubric", "total", "units": [sheet, …]}`, numbers as JSON numbers.

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
    let mut out = serde_json::to_string_pretty(&report).expect("score sheets serialise");
    out.push('\n');
    out
}
