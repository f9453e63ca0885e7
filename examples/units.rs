//! Writes generated units of a rubric as a CSV file laid out as `kaohe template` lays
//! it out: the evidence `scripts/compare-outputs.sh` scores with two builds.
//!
//! `cargo run --example units -- RULE_FILE UNITS OUT.csv`

#[path = "../benches/common/mod.rs"]
mod common;

use kaohe::check::compile;
use kaohe::source::SourceFile;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [rule, units, out] = &args[..] else {
        return Err("usage: units RULE_FILE UNITS OUT.csv".into());
    };
    let text = std::fs::read_to_string(rule).map_err(|e| format!("`{rule}`: {e}"))?;
    let rubric = compile(&SourceFile::new(rule.clone(), text))
        .rubric
        .ok_or_else(|| format!("`{rule}` does not compile: run `kaohe check {rule}`"))?;
    let units: usize = units
        .parse()
        .map_err(|e| format!("`{units}` is not a number of units: {e}"))?;
    common::write_csv(&rubric, units, std::path::Path::new(out));
    Ok(())
}
