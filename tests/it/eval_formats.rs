//! `kaohe eval --format csv|xlsx`: the ranking as CSV, and a workbook whose numbers,
//! read back, are the JSON report's; XLSX is never written to stdout; long batches
//! print no progress when stderr is not a terminal.

use crate::run;

use crate::formats;

use calamine::{Data, Reader, Xlsx};
use formats::{csv_text, examples, rows, scratch, table, write};
use kaohe::diagnostic::codes;
use run::{cell_dec, dec, kaohe, path, stderr, stdout, xlsx_report};

const COUNTY: &str = "rules/jiangmen-2020/county.rule";
const DEPARTMENT: &str = "rules/jiangmen-2020/department.rule";

#[test]
fn the_csv_ranking_ranks_ties_alike_in_a_stable_order() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let mut rows = rows(&rubric, &units);
    // 台山市 first, then 蓬江区, 恩平市, and a unit with 蓬江区's evidence under another name.
    rows.swap(1, 3);
    let mut copy = rows[2].clone();
    copy[0] = "蓬江区副本".into();
    rows.push(copy);
    let dir = scratch("ranking");
    let evidence = write(&dir.join("units.csv"), csv_text(&rows));
    // The header is in the run's language: Chinese for an office.
    let o = kaohe(&[
        "eval",
        COUNTY,
        path(&evidence),
        "--format",
        "csv",
        "--lang",
        "zh",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "\u{feff}排名,单位,总分 (100),主动公开 (30),依申请公开 (12),政策解读 (25),基层政务公开标准化规范化 (8),公开渠道 (12),机制保障 (13),适用指标得分,适用指标分值\r\n\
         1,蓬江区,97,28,12,24,8,12,13,97,100\r\n\
         1,蓬江区副本,97,28,12,24,8,12,13,97,100\r\n\
         3,台山市,65.5,19,8,17,7,6,8.5,65.5,100\r\n\
         4,恩平市,27,10,2,6,4,2,3,27,100\r\n"
    );
}

#[test]
fn the_csv_ranking_of_prorated_units_gives_the_points_they_came_from() {
    let o = kaohe(&[
        "eval",
        DEPARTMENT,
        "examples/jiangmen-2020/department",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    // 市政府研究室 (tests/hand-computed.md): 65 of the 82 applicable points → 79.27.
    let row = lines
        .iter()
        .find(|l| l.contains(",市政府研究室,"))
        .expect("研究室's row");
    assert!(row.contains(",79.27,"), "{row}");
    assert!(row.ends_with(",65,82"), "{row}");
}

#[test]
fn xlsx_is_not_written_to_stdout() {
    let o = kaohe(&[
        "eval",
        COUNTY,
        "examples/jiangmen-2020/county",
        "--format",
        "xlsx",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains(codes::BINARY_STDOUT), "{}", stderr(&o));
    assert!(stderr(&o).contains("--output"), "{}", stderr(&o));
}

#[test]
fn the_xlsx_report_holds_the_numbers_of_the_json_report() {
    for (rule, evidence) in [
        (COUNTY, "examples/jiangmen-2020/county"),
        (DEPARTMENT, "examples/jiangmen-2020/department"),
    ] {
        let dir = scratch("xlsx-report");
        let out = xlsx_report(rule, evidence, &dir);
        let o = kaohe(&["eval", rule, evidence, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
        let units = json["units"].as_array().expect("units");

        let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("reads back");
        // The ranking, the chart, then each unit's sheet in the order of the ranking
        // (the examples' totals all differ).
        let mut ranked_units: Vec<&serde_json::Value> = units.iter().collect();
        ranked_units.sort_by_key(|u| std::cmp::Reverse(dec(&u["score"])));
        let mut names = vec!["排名".to_string(), "图表".to_string()];
        names.extend(
            ranked_units
                .iter()
                .map(|u| u["unit"].as_str().unwrap().to_string()),
        );
        assert_eq!(book.sheet_names(), names);

        // The ranking: row 3 on, best first; each unit's total and first-level
        // subtotals as in the JSON.
        let ranking = book.worksheet_range("排名").unwrap();
        // The notes that say what 折算 and `21/22` mean follow the ranking, after a
        // blank row.
        let ranked: Vec<&[Data]> = ranking
            .rows()
            .skip(2)
            .take_while(|row| matches!(row[0], Data::Float(_) | Data::Int(_)))
            .collect();
        assert_eq!(ranked.len(), units.len());
        for row in ranked {
            let name = row[1].to_string();
            let unit = units
                .iter()
                .find(|u| u["unit"] == name.as_str())
                .expect("unit");
            assert_eq!(cell_dec(&row[2]), dec(&unit["score"]), "{name}");
            for (i, section) in unit["categories"].as_array().unwrap().iter().enumerate() {
                assert_eq!(cell_dec(&row[3 + i]), dec(&section["score"]), "{name}");
            }
            let n = row.len();
            assert_eq!(cell_dec(&row[n - 2]), dec(&unit["earned"]), "{name}");
            assert_eq!(
                cell_dec(&row[n - 1]),
                dec(&unit["applicable_points"]),
                "{name}"
            );
        }

        // Each unit's sheet: 一级指标 | 二级指标 | 分值 | 得分 | 扣分说明, then 合计.
        for unit in units {
            let name = unit["unit"].as_str().unwrap();
            let sheet = book.worksheet_range(name).unwrap();
            let rows: Vec<&[Data]> = sheet.rows().collect();
            assert_eq!(
                rows[1].iter().map(|c| c.to_string()).collect::<Vec<_>>(),
                ["一级指标", "二级指标", "分值", "得分", "扣分说明"]
            );
            let items: Vec<&serde_json::Value> = unit["categories"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|c| c["indicators"].as_array().unwrap())
                .collect();
            assert_eq!(rows.len(), 2 + items.len() + 1, "{name}");
            for (row, item) in rows[2..].iter().zip(&items) {
                assert_eq!(row[1].to_string(), item["name"].as_str().unwrap());
                assert_eq!(cell_dec(&row[2]), dec(&item["points"]));
                match &item["score"] {
                    serde_json::Value::Null => assert_eq!(row[3].to_string(), "不适用"),
                    score => assert_eq!(cell_dec(&row[3]), dec(score), "{name} {}", item["name"]),
                }
            }
            let total = rows.last().unwrap();
            assert_eq!(total[0].to_string(), "合计");
            assert_eq!(cell_dec(&total[3]), dec(&unit["score"]));
            if unit["prorated"] == true {
                assert!(total[4].to_string().starts_with("折分处理"), "{name}");
            }
        }
    }
}

#[test]
fn an_xlsx_report_that_cannot_be_written_leaves_nothing() {
    let dir = scratch("xlsx-nowhere");
    let out = dir.join("no-such-folder").join("report.xlsx");
    let o = kaohe(&[
        "eval",
        COUNTY,
        "examples/jiangmen-2020/county",
        "--format",
        "xlsx",
        "-o",
        path(&out),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(codes::WRITE), "{}", stderr(&o));
    assert!(!out.exists());
    assert!(!out.parent().unwrap().exists());
}

#[test]
fn a_long_batch_prints_no_progress_when_stderr_is_not_a_terminal() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let mut rows = rows(&rubric, &units[1..2]);
    let template = rows.pop().unwrap();
    for n in 1..=2500 {
        let mut row = template.clone();
        row[0] = format!("单位{n}");
        rows.push(row);
    }
    let dir = scratch("batch");
    let evidence = write(&dir.join("units.csv"), csv_text(&rows));
    let o = kaohe(&["eval", COUNTY, path(&evidence), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let text = stdout(&o);
    let body: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(body.len(), 2500);
    // Every unit has 蓬江区's evidence: all share rank 1, in the order they were read.
    assert!(body[0].starts_with("1,单位1,97,"));
    assert!(body[2499].starts_with("1,单位2500,97,"));
}

/// A rubric whose items are not all in sections of their own: a section with a
/// subsection before its own item, and an item at the top level after the section.
const MIXED_ORDER: &str = r#"rubric 顺序
total 10
year 2020
section 甲节 4 {
  section 乙节 2 { item 乙项 2 { fact 有问题 bool "有问题"  if 有问题 -2 } }
  item 甲项 2 { fact 有问题 bool "有问题"  if 有问题 -2 }
}
item 顶项 6 { fact 有问题 bool "有问题"  if 有问题 -6 }
"#;

#[test]
fn explanations_and_sheets_list_items_in_the_order_of_the_rule_file() {
    // The sheet keeps a level's items and sections apart; they were once listed items
    // first, so that 顶项 came before 甲项 and 甲项 before 乙项.
    let dir = scratch("order");
    let rule = write(&dir.join("order.rule"), MIXED_ORDER);
    let unit = write(
        &dir.join("unit.toml"),
        "unit = \"单位\"\n[\"乙项\"]\n\"有问题\" = true\n[\"甲项\"]\n\"有问题\" = true\n\
         [\"顶项\"]\n\"有问题\" = true\n",
    );
    let explained = kaohe(&["explain", path(&rule), path(&unit)]);
    let md = kaohe(&["eval", path(&rule), path(&unit), "--format", "md"]);
    for out in [explained, md] {
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let at = |name: &str| text.find(name).unwrap_or_else(|| panic!("{name}: {text}"));
        assert!(
            at("乙项") < at("甲项") && at("甲项") < at("顶项"),
            "not in the file's order:\n{text}"
        );
    }
}

/// A bonus section with a subsection of its own beside an item.
const NESTED_BONUS: &str = r#"rubric 加分测试
total 10
year 2020
section 甲 10 {
  item 乙 10 { fact 错 count "错"  per 错 -1 floor 0 }
}
bonus 加分 5 {
  section 奖项 3 {
    item 获奖 3 { fact 次 count "次"  per 次 +2 max 3 }
  }
  item 创新 3 { fact 有 bool "有"  if 有 +3 }
}
"#;

#[test]
fn an_explanation_counts_what_a_bonus_subsection_gave() {
    // 获奖 3 (in 奖项) and 创新 3 give 6; the bonus gives at most 5. The explanation
    // once added only the section's own items (3), and left out a bonus given by a
    // subsection alone.
    let dir = scratch("nested-bonus");
    let rule = write(&dir.join("bonus.rule"), NESTED_BONUS);
    let explain = |evidence: &str| {
        let unit = write(&dir.join("unit.toml"), evidence);
        let out = kaohe(&["explain", path(&rule), path(&unit)]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let both = explain(
        "unit = \"单位\"\n[\"乙\"]\n\"错\" = 6\n[\"获奖\"]\n\"次\" = 2\n[\"创新\"]\n\"有\" = true\n",
    );
    assert!(
        both.contains("\n  bonus 加分: +5 (its items gave 6, the section at most 5)\n"),
        "{both}"
    );
    let subsection_only = explain(
        "unit = \"单位\"\n[\"乙\"]\n\"错\" = 6\n[\"获奖\"]\n\"次\" = 1\n[\"创新\"]\n\"有\" = false\n",
    );
    assert!(
        subsection_only.contains("\n  bonus 加分: +2\n"),
        "{subsection_only}"
    );
}

#[test]
fn the_xlsx_report_speaks_the_language_of_the_run() {
    let dir = scratch("xlsx-english");
    let out = dir.join("report.xlsx");
    let o = kaohe(&[
        "eval",
        DEPARTMENT,
        "examples/jiangmen-2020/department",
        "--format",
        "xlsx",
        "--output",
        path(&out),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("reads back");
    let names = book.sheet_names();
    assert_eq!(names[..2], ["Ranking".to_string(), "Chart".to_string()]);
    let ranking = book.worksheet_range("Ranking").unwrap();
    let header: Vec<String> = ranking
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[..3], ["Rank", "Unit", "Total (100)"]);
    assert_eq!(
        header[header.len() - 2..],
        ["Applicable points earned", "Applicable points"]
    );
    // A unit's sheet: the headings, the 合计 row and the first-level cells in English.
    let sheet = book.worksheet_range(&names[2]).unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(
        rows[1].iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        [
            "First-level indicator",
            "Item",
            "Points",
            "Score",
            "Explanation"
        ]
    );
    assert_eq!(rows.last().unwrap()[0].to_string(), "Total");
    assert!(
        rows[2][0].to_string().contains("\nscore "),
        "{}",
        rows[2][0]
    );
}
