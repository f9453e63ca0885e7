//! Forms as offices fill them (issue 17, point 4): a title row, a `序号` column, the
//! units' column headed `被考核单位`, a numbered row left empty, and rows under the
//! units (a `合计` row of `=SUM(…)` totals, a row of bare formulas, a `备注` and the
//! signatures). The same form as CSV in UTF-8 and in GBK and as a workbook scores as
//! the plain form does, with one warning listing the rows passed over; a bad cell is
//! named once, with its header and its value.

use crate::common;
use crate::run;

use run::{kaohe, stderr, stdout};

const RULE: &str = "rules/jiangmen-2020/county.rule";

/// The plain form of the same three units: a header and one row per unit.
const PLAIN: &str = "tests/diff/spreadsheet/county.csv";

/// The forms with a title, `序号`, totals, notes and signatures.
const FILLED: [&str; 3] = [
    "tests/office/filled-utf8.csv",
    "tests/office/filled-gbk.csv",
    "tests/office/filled.xlsx",
];

/// A file named `name` in a folder of its own, removed when the `Scratch` is dropped.
fn scratch(name: &str) -> (common::Scratch, std::path::PathBuf) {
    let dir = common::Scratch::new("office-forms");
    let path = dir.join(name);
    (dir, path)
}

#[test]
fn a_filled_form_scores_as_the_plain_one_with_one_warning() {
    let plain = kaohe(&["eval", RULE, PLAIN, "--format", "csv"]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    for form in FILLED {
        let out = kaohe(&["eval", RULE, form, "--format", "csv"]);
        let err = stderr(&out);
        assert!(out.status.success(), "{form}: {err}");
        assert_eq!(stdout(&out), stdout(&plain), "{form}");
        assert_eq!(
            err.matches("kaohe::evidence::skipped_rows").count(),
            1,
            "{form}: {err}"
        );
        assert!(
            err.contains("4 row(s) under the units skipped: row 7, 8, 9, 10"),
            "{form}: {err}"
        );
        assert!(err.contains("`合计`: not a unit"), "{form}: {err}");
        // Nothing else: no error, and no warning but the encoding's (GBK).
        assert!(!err.contains("kaohe::evidence::unit\n"), "{form}: {err}");
        assert!(!err.contains("kaohe::evidence::missing"), "{form}: {err}");
        assert!(!err.contains("kaohe::evidence::unknown"), "{form}: {err}");
    }
}

#[test]
fn the_units_column_may_be_headed_as_offices_head_it() {
    let text = std::fs::read_to_string(PLAIN).expect("plain form");
    for head in ["单位名称", "被考核单位"] {
        let (_dir, path) = scratch(&format!("{head}.csv"));
        let renamed = text.replacen("单位,", &format!("{head},"), 1);
        std::fs::write(&path, renamed).expect("write");
        let out = kaohe(&[
            "eval",
            RULE,
            path.to_str().expect("path"),
            "--format",
            "csv",
        ]);
        assert!(out.status.success(), "{head}: {}", stderr(&out));
        assert!(stdout(&out).contains("1,蓬江区,97,"), "{head}");
    }
}

/// The filled form with one cell changed.
fn with_cell(row: usize, col: usize, value: &str) -> (common::Scratch, std::path::PathBuf) {
    let text = std::fs::read_to_string(FILLED[0]).expect("filled form");
    let mut rows: Vec<Vec<String>> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    rows[row][col] = value.to_string();
    let (dir, path) = scratch(&format!("cell-{row}-{col}.csv"));
    let out: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
    std::fs::write(&path, out.join("\n")).expect("write");
    (dir, path)
}

#[test]
fn a_bad_cell_is_named_once_with_its_header_and_value() {
    // Row 4 (台山市), column F: `决策公开/议定事项报道次数`, a count.
    let (_dir, path) = with_cell(3, 5, "十几次");
    let out = kaohe(&[
        "eval",
        RULE,
        path.to_str().expect("path"),
        "--format",
        "csv",
    ]);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert_eq!(err.matches("kaohe::evidence::value").count(), 1, "{err}");
    let message = err
        .lines()
        .find(|l| l.contains("cell F4"))
        .unwrap_or_else(|| panic!("no message names cell F4: {err}"));
    assert!(
        message.contains("(row 4, column `决策公开/议定事项报道次数`)"),
        "{message}"
    );
    assert_eq!(message.matches("十几次").count(), 1, "{message}");
    assert_eq!(err.matches("cell F4").count(), 1, "{err}");
    // The rows are shown once, in one excerpt: a few lines, not the sheet.
    let block = err
        .split("kaohe::evidence::value")
        .nth(1)
        .expect("the problem");
    let block = block.split("kaohe::evidence::").next().expect("its lines");
    assert!(block.lines().count() < 16, "{block}");
}

#[test]
fn a_row_of_blanks_is_one_problem_naming_its_cells() {
    // The numbered row left empty, given a unit: every fact of it is blank.
    let (_dir, path) = with_cell(5, 1, "开平市");
    let out = kaohe(&[
        "eval",
        RULE,
        path.to_str().expect("path"),
        "--format",
        "csv",
    ]);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert_eq!(err.matches("kaohe::evidence::missing").count(), 1, "{err}");
    assert!(
        err.contains("row 6 (`开平市`): 45 cell(s) of 25 item(s) are blank"),
        "{err}"
    );
    assert!(err.contains("C6 (`决策预公开/未做意见征集`)"), "{err}");
    assert!(err.contains("and 33 more"), "{err}");
    let block = err
        .split("kaohe::evidence::missing")
        .nth(1)
        .expect("the problem");
    let block = block.split("kaohe::evidence::").next().expect("its lines");
    assert!(block.lines().count() < 20, "{block}");
}
