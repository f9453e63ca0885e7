//! Running the `kaohe` binary from the integration tests, and reading what it printed.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_decimal::Decimal;

/// Runs `kaohe` with these arguments and waits for it.
pub fn kaohe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kaohe"))
        // The messages are pinned in English unless a test asks for Chinese.
        .env("KAOHE_LANG", "en")
        .args(args)
        .output()
        .expect("runs kaohe")
}

/// What a run printed on stdout.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

/// What a run printed on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8")
}

/// A path as an argument of the command line.
pub fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// A decimal from a number of a JSON report.
pub fn dec(v: &serde_json::Value) -> Decimal {
    Decimal::from_str_exact(&v.to_string()).unwrap_or_else(|_| panic!("not a number: {v}"))
}

/// A decimal from a workbook's number cell, read as the shortest decimal of its float.
pub fn cell_dec(c: &calamine::Data) -> Decimal {
    match c {
        calamine::Data::Float(f) => Decimal::from_str_exact(&f.to_string()).expect("decimal"),
        calamine::Data::Int(i) => Decimal::from(*i),
        other => panic!("not a number cell: {other:?}"),
    }
}

/// `kaohe eval RULE EVIDENCE --format xlsx` into `report.xlsx` in `dir`, in Chinese as
/// an office sends and prints it; the run must succeed.
pub fn xlsx_report(rule: &str, evidence: &str, dir: &Path) -> PathBuf {
    let out = dir.join("report.xlsx");
    let o = kaohe(&[
        "eval",
        rule,
        evidence,
        "--format",
        "xlsx",
        "--output",
        path(&out),
        "--lang",
        "zh",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    out
}
