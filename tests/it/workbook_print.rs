//! Workbooks that print: `kaohe eval --format xlsx` and `kaohe render --format xlsx`
//! set every sheet up for A4 landscape, one page wide, with the header rows repeated;
//! the report's sheets come in the order of the ranking, after the ranking and a 图表
//! sheet with a native chart; past 200 units one 得分明细 sheet holds every unit.
//! The workbooks are read back with calamine, and their parts with zip.

use crate::formats;
use crate::run;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use formats::{csv_text, examples, rows, scratch, table, write};
use run::{cell_dec, dec, kaohe, path, stderr, stdout, xlsx_report};

const COUNTY: &str = "rules/jiangmen-2020/county.rule";
const DEPARTMENT: &str = "rules/jiangmen-2020/department.rule";

/// Every part of the zip whose name starts with `prefix`, by name, as text.
fn parts(file: &Path, prefix: &str) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).expect("opens")).expect("a zip");
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part");
        let name = part.name().expect("a part's name").to_string();
        if name.starts_with(prefix) {
            let mut text = String::new();
            part.read_to_string(&mut text).expect("text");
            out.push((name, text));
        }
    }
    out.sort();
    out
}

fn part(file: &Path, name: &str) -> String {
    parts(file, name)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no part {name}"))
        .1
}

/// Each worksheet prints on A4 landscape, fitted to one page wide (`fitToWidth` is 1
/// when left out) and as many tall as it takes.
fn assert_prints_on_a4_landscape(file: &Path) {
    let sheets = parts(file, "xl/worksheets/sheet");
    assert!(!sheets.is_empty());
    for (name, xml) in sheets {
        assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{name}");
        let setup = xml
            .split("<pageSetup ")
            .nth(1)
            .and_then(|s| s.split("/>").next())
            .unwrap_or_else(|| panic!("{name}: no pageSetup"));
        assert!(setup.contains("paperSize=\"9\""), "{name}: {setup}");
        assert!(
            setup.contains("orientation=\"landscape\""),
            "{name}: {setup}"
        );
        assert!(setup.contains("fitToHeight=\"0\""), "{name}: {setup}");
        assert!(
            !setup.contains("fitToWidth") || setup.contains("fitToWidth=\"1\""),
            "{name}: {setup}"
        );
        assert!(xml.contains("<oddFooter>&amp;C"), "{name}: no page number");
        assert!(xml.contains("&amp;P") && xml.contains("&amp;N"), "{name}");
    }
}

/// The evidence form is not shrunk to one page: it prints at its size, its two header
/// rows and its unit column on every page, broken between items, never inside one.
#[test]
fn the_evidence_form_prints_across_pages_between_items() {
    let dir = scratch("form-print");
    let out = dir.join("form.xlsx");
    let o = kaohe(&[
        "template",
        COUNTY,
        "--format",
        "xlsx",
        "--output",
        path(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let xml = part(&out, "xl/worksheets/sheet1.xml");
    assert!(!xml.contains("fitToPage"), "{xml}");
    assert!(xml.contains("<printOptions gridLines=\"1\"/>"), "{xml}");
    assert!(xml.contains("pageOrder=\"overThenDown\""), "{xml}");
    assert!(xml.contains("<oddFooter>&amp;C"), "{xml}");
    assert!(xml.contains("scale=\"85\""), "{xml}");
    let book_xml = part(&out, "xl/workbook.xml");
    assert!(book_xml.contains("证据!$A:$A,证据!$1:$2"), "{book_xml}");

    // The pages start at these columns (0 is A, the unit's, repeated on every page).
    let breaks: Vec<u32> = xml
        .split("<brk id=\"")
        .skip(1)
        .map(|s| {
            s.split('"')
                .next()
                .expect("an id")
                .parse()
                .expect("a column")
        })
        .collect();
    let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("a workbook");
    let form = book.worksheet_range("证据").expect("the form");
    let last = form.width() as u32 - 1;
    assert!(
        breaks.len() >= 3,
        "{breaks:?}: the county form is {last} columns wide"
    );
    // A page holds at most six columns of 16 beside the unit's. Each page starts
    // where an item's name stands, in the merged first row, unless the item before it
    // is wider than a page (the county form has none).
    let mut starts = vec![1];
    starts.extend(&breaks);
    starts.push(last + 1);
    for pair in starts.windows(2) {
        assert!(pair[1] - pair[0] <= 6, "{pair:?} of {breaks:?}");
        let name = form.get_value((0, pair[0])).expect("a cell").to_string();
        assert!(
            !name.is_empty(),
            "column {} is inside an item: {breaks:?}",
            pair[0]
        );
    }
}

#[test]
fn the_report_workbook_prints_in_rank_order_with_a_chart() {
    let dir = scratch("workbook-print");
    let file = xlsx_report(DEPARTMENT, "examples/jiangmen-2020/department", &dir);
    assert_prints_on_a4_landscape(&file);

    let o = kaohe(&[
        "eval",
        DEPARTMENT,
        "examples/jiangmen-2020/department",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let mut units: Vec<&serde_json::Value> = json["units"].as_array().unwrap().iter().collect();
    units.sort_by_key(|u| std::cmp::Reverse(dec(&u["score"])));

    // The ranking first, then the chart, then the units best first.
    let mut book: Xlsx<_> = calamine::open_workbook(&file).expect("reads back");
    let mut names = vec!["排名".to_string(), "图表".to_string()];
    names.extend(
        units
            .iter()
            .map(|u| u["unit"].as_str().unwrap().to_string()),
    );
    assert_eq!(book.sheet_names(), names);
    let ranking = book.worksheet_range("排名").unwrap();
    let ranked: Vec<&[Data]> = ranking.rows().skip(2).take(units.len()).collect();
    for (row, u) in ranked.iter().zip(&units) {
        assert_eq!(row[1].to_string(), u["unit"].as_str().unwrap());
        assert_eq!(cell_dec(&row[2]), dec(&u["score"]));
    }

    // Header rows repeated on every printed page of each sheet.
    let book_xml = part(&file, "xl/workbook.xml");
    assert!(
        book_xml.contains(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">排名!$2:$2</definedName>"
        ),
        "{book_xml}"
    );
    for (i, u) in units.iter().enumerate() {
        let title = format!(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{}\">{}!$2:$2</definedName>",
            i + 2,
            u["unit"].as_str().unwrap()
        );
        assert!(book_xml.contains(&title), "{title}");
    }

    // A native chart of the totals, read from the ranking's columns.
    let charts = parts(&file, "xl/charts/chart");
    assert_eq!(charts.len(), 1);
    let chart = &charts[0].1;
    assert!(chart.contains("<c:barChart>"), "{chart}");
    assert!(chart.contains("排名!$B$3:$B$5"), "{chart}");
    assert!(chart.contains("排名!$C$3:$C$5"), "{chart}");

    // Scores shown to the rubric's rounding (`round 2`), and a subtotal of a section
    // with items that did not apply shown out of its applicable points: 21.00/22.
    let styles = part(&file, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"0.00\""), "{styles}");
    assert!(
        styles.contains("formatCode=\"0.00&quot;/22&quot;\""),
        "{styles}"
    );

    // Every row of a unit's sheet has its height set from its text: the rows of
    // several lines are taller.
    let sheet3 = part(&file, "xl/worksheets/sheet3.xml");
    let heights: Vec<f64> = sheet3
        .split("<row ")
        .skip(1)
        .filter_map(|row| {
            let ht = row.split("ht=\"").nth(1)?.split('"').next()?;
            ht.parse().ok()
        })
        .collect();
    let items = units[0]["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["indicators"].as_array().unwrap().len())
        .sum::<usize>();
    assert!(heights.len() > items, "{heights:?}");
    assert!(heights.iter().any(|&h| h > 30.0), "{heights:?}");
}

#[test]
fn past_two_hundred_units_one_detail_sheet_holds_them_all() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let rows = rows(&rubric, &units);
    let mut many = vec![rows[0].clone()];
    for n in 0..201 {
        let mut row = rows[1 + n % (rows.len() - 1)].clone();
        row[0] = format!("单位{n:03}");
        many.push(row);
    }
    let dir = scratch("workbook-detail");
    let evidence = write(&dir.join("units.csv"), csv_text(&many));
    let file = xlsx_report(COUNTY, path(&evidence), &dir);
    assert_prints_on_a4_landscape(&file);
    let mut book: Xlsx<_> = calamine::open_workbook(&file).expect("reads back");
    assert_eq!(book.sheet_names(), ["排名", "图表", "得分明细"]);
    let detail = book.worksheet_range("得分明细").unwrap();
    let body: Vec<&[Data]> = detail.rows().skip(2).collect();
    let items = kaohe::eval::evaluate(&rubric, &units[0])
        .expect("evaluates")
        .items_with_path()
        .len();
    // A row per item and a 合计 row, for each unit, in the order of the ranking.
    assert_eq!(body.len(), 201 * (items + 1));
    let totals: Vec<&[Data]> = body.iter().copied().filter(|r| r[2] == "合计").collect();
    assert_eq!(totals.len(), 201);
    for pair in totals.windows(2) {
        assert!(cell_dec(&pair[0][5]) >= cell_dec(&pair[1][5]));
        assert!(cell_dec(&pair[0][0]) <= cell_dec(&pair[1][0]));
    }
    // The chart shows the best 100.
    let chart = &parts(&file, "xl/charts/chart")[0].1;
    assert!(chart.contains("排名!$C$3:$C$102"), "{chart}");
}

#[test]
fn the_rendered_table_prints_on_a4_landscape() {
    let dir = scratch("render-print");
    let out = dir.join("table.xlsx");
    let o = kaohe(&["render", COUNTY, "--format", "xlsx", "--output", path(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_prints_on_a4_landscape(&out);
    let book_xml = part(&out, "xl/workbook.xml");
    assert!(book_xml.contains("_xlnm.Print_Titles"), "{book_xml}");
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    let custom = sheet.matches("customHeight=\"1\"").count();
    assert!(custom > 20, "{custom} rows with a height");
}
