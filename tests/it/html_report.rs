//! `kaohe eval --format html` and `kaohe diff --format html`: the page parsed (scraper)
//! and its numbers checked against the JSON report of the same run; nothing in it runs
//! or loads from elsewhere; hostile unit names are escaped in the tables and the SVG.

use crate::formats;
use crate::run;

use std::process::{Command, Output};

use formats::{csv_text, examples, rows, scratch, table, write};
use run::{dec, kaohe, path, stderr, stdout};
use rust_decimal::Decimal;
use scraper::{ElementRef, Html, Selector};

const COUNTY: &str = "rules/jiangmen-2020/county.rule";
const DEPARTMENT: &str = "rules/jiangmen-2020/department.rule";

/// 2020-06-30 16:00 UTC: 2020-07-01 in Beijing.
const EPOCH: &str = "1593532800";

/// Runs `kaohe` at a fixed date.
fn kaohe_at(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("runs kaohe")
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("a selector")
}

fn text(e: ElementRef<'_>) -> String {
    e.text().collect::<String>().trim().to_string()
}

/// A number as the report writes it.
fn num(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_else(|_| panic!("not a number: {text:?}"))
}

#[test]
fn the_html_report_holds_the_numbers_of_the_json_report() {
    for (rule, evidence) in [
        (COUNTY, "examples/jiangmen-2020/county"),
        (DEPARTMENT, "examples/jiangmen-2020/department"),
    ] {
        // In Chinese, as an office publishes it.
        let o = kaohe_at(&["eval", rule, evidence, "--format", "html", "--lang", "zh"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let page = Html::parse_document(&stdout(&o));
        let o = kaohe(&["eval", rule, evidence, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
        let units = json["units"].as_array().expect("units");
        let unit = |name: &str| {
            units
                .iter()
                .find(|u| u["unit"] == name)
                .unwrap_or_else(|| panic!("no unit {name}"))
        };

        // The title, the date and the number of units.
        let h1 = page.select(&sel("h1")).next().expect("a title");
        assert_eq!(text(h1), json["rubric"].as_str().unwrap());
        let meta = text(page.select(&sel("p.meta")).next().expect("meta"));
        assert!(meta.contains("2020年7月1日"), "{meta}");
        assert!(
            meta.contains(&format!("被考核单位 {} 个", units.len())),
            "{meta}"
        );

        // The ranking: best first, ties alike; each total and subtotal the JSON's.
        let ranked: Vec<ElementRef> = page.select(&sel("table.ranking tbody tr")).collect();
        assert_eq!(ranked.len(), units.len());
        let mut previous: Option<Decimal> = None;
        for (p, row) in ranked.iter().enumerate() {
            let cells: Vec<String> = row.select(&sel("td")).map(text).collect();
            let u = unit(&cells[1]);
            let score = dec(&u["score"]);
            let higher = units.iter().filter(|o| dec(&o["score"]) > score).count();
            assert_eq!(cells[0], (higher + 1).to_string(), "{}", cells[1]);
            if let Some(previous) = previous {
                assert!(previous >= score);
            }
            previous = Some(score);
            if u["prorated"] == true {
                assert_eq!(
                    cells[2],
                    format!(
                        "{}(折算 {}/{})",
                        score.normalize(),
                        dec(&u["earned"]).normalize(),
                        dec(&u["applicable_points"]).normalize()
                    )
                );
            } else {
                assert_eq!(num(&cells[2]), score, "row {p}");
            }
            for (i, section) in u["categories"].as_array().unwrap().iter().enumerate() {
                let cell = &cells[3 + i];
                match cell.split_once('/') {
                    Some((got, of)) => {
                        assert_eq!(num(got), dec(&section["score"]));
                        assert_eq!(num(of), dec(&section["applicable_points"]));
                        assert_ne!(num(of), dec(&section["points"]));
                    }
                    None => assert_eq!(num(cell), dec(&section["score"])),
                }
            }
        }

        // Three charts, each an inline SVG with a text for every unit it shows.
        let svgs: Vec<ElementRef> = page.select(&sel("figure svg")).collect();
        assert_eq!(svgs.len(), 3);
        let totals: Vec<String> = svgs[0].select(&sel("text")).map(text).collect();
        for u in units {
            let label = u["unit"].as_str().unwrap();
            assert!(totals.iter().any(|t| t.ends_with(label)), "{label}");
            assert!(totals.contains(&dec(&u["score"]).normalize().to_string()));
        }

        // Each unit's sheet, in the order of the ranking, with the JSON's scores.
        let sheets: Vec<ElementRef> = page.select(&sel("section.sheet")).collect();
        assert_eq!(sheets.len(), units.len());
        for (sheet, row) in sheets.iter().zip(&ranked) {
            let name = text(row.select(&sel("td")).nth(1).unwrap());
            let h3 = text(sheet.select(&sel("h3")).next().unwrap());
            assert_eq!(h3, format!("{name}评分表"));
            let u = unit(&name);
            let items: Vec<&serde_json::Value> = u["categories"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|c| c["indicators"].as_array().unwrap())
                .collect();
            let rows: Vec<ElementRef> = sheet.select(&sel("tbody tr")).collect();
            assert_eq!(rows.len(), items.len() + 1, "{name}");
            for (row, item) in rows.iter().zip(&items) {
                let cells: Vec<String> = row.select(&sel("td")).map(text).collect();
                assert_eq!(cells[0], item["name"].as_str().unwrap());
                assert_eq!(num(&cells[1]), dec(&item["points"]));
                match &item["score"] {
                    serde_json::Value::Null => assert_eq!(cells[2], "不适用"),
                    score => assert_eq!(num(&cells[2]), dec(score), "{name}"),
                }
            }
            let total: Vec<String> = rows.last().unwrap().select(&sel("td")).map(text).collect();
            assert_eq!(num(&total[2]), dec(&u["score"]));
        }
    }
}

#[test]
fn the_items_where_units_lost_points_are_counted() {
    let o = kaohe_at(&[
        "eval",
        COUNTY,
        "examples/jiangmen-2020/county",
        "--format",
        "html",
    ]);
    let page = Html::parse_document(&stdout(&o));
    let o = kaohe(&[
        "eval",
        COUNTY,
        "examples/jiangmen-2020/county",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let rows: Vec<Vec<String>> = page
        .select(&sel("table.lost tbody tr"))
        .map(|r| r.select(&sel("td")).map(text).collect())
        .collect();
    assert!(!rows.is_empty());
    let mut last = usize::MAX;
    for row in &rows {
        let (top, item) = row[0].split_once(" › ").expect("top › item");
        let (mut units, mut lost) = (0usize, Decimal::ZERO);
        for u in json["units"].as_array().unwrap() {
            let section = u["categories"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["name"] == top)
                .expect("section");
            let i = section["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["name"] == item)
                .expect("item");
            if !i["score"].is_null() && dec(&i["score"]) < dec(&i["points"]) {
                units += 1;
                lost += dec(&i["points"]) - dec(&i["score"]);
            }
        }
        assert_eq!(row[1], units.to_string(), "{}", row[0]);
        assert_eq!(num(&row[2]), lost, "{}", row[0]);
        assert!(units <= last, "most units first");
        last = units;
    }
}

#[test]
fn the_page_runs_nothing_and_loads_nothing() {
    let o = kaohe_at(&[
        "eval",
        DEPARTMENT,
        "examples/jiangmen-2020/department",
        "--format",
        "html",
    ]);
    let html = stdout(&o);
    let page = Html::parse_document(&html);
    for tag in [
        "script", "link", "img", "iframe", "object", "embed", "image", "use", "a",
    ] {
        assert_eq!(page.select(&sel(tag)).count(), 0, "<{tag}>");
    }
    for element in page
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        for (name, _) in element.value().attrs() {
            assert!(
                !name.starts_with("on") && name != "src" && name != "href",
                "{name}"
            );
        }
    }
    // The only address is the SVG namespace's name.
    let addresses = html.matches("http").count();
    assert_eq!(
        addresses,
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert!(!html.contains("url("));
    assert!(!html.contains("@import"));
}

#[test]
fn hostile_unit_names_are_escaped_in_the_tables_and_the_charts() {
    let rubric = table("county");
    let units = examples(&rubric, "county");
    let mut rows = rows(&rubric, &units);
    let names = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "&lt;b&gt; 'x'",
    ];
    for (row, name) in rows.iter_mut().skip(1).zip(names) {
        row[0] = name.to_string();
    }
    let dir = scratch("html-hostile");
    let evidence = write(&dir.join("units.csv"), csv_text(&rows));
    let o = kaohe_at(&["eval", COUNTY, path(&evidence), "--format", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    let page = Html::parse_document(&html);
    assert_eq!(page.select(&sel("script")).count(), 0);
    assert_eq!(page.select(&sel("img")).count(), 0);
    let ranked: Vec<String> = page
        .select(&sel("table.ranking td.unit"))
        .map(text)
        .collect();
    let svg_texts: Vec<String> = page.select(&sel("svg text")).map(text).collect();
    for shown in names {
        // The name as text in the ranking, and (cut to a label) in the charts.
        assert!(ranked.iter().any(|r| r == shown), "{shown}: {ranked:?}");
        let label: String = shown.chars().take(8).collect();
        assert!(
            svg_texts.iter().any(|t| t.contains(&label)),
            "{label}: {svg_texts:?}"
        );
    }
}

#[test]
fn the_diff_page_charts_each_units_scores_under_both_rubrics() {
    let args = [
        "diff",
        COUNTY,
        "tests/diff/county-changed.rule",
        "examples/jiangmen-2020/county",
        "tests/diff/evidence",
    ];
    let o = kaohe(&[&args[..], &["--format", "html"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = Html::parse_document(&stdout(&o));
    let o = kaohe(&[&args[..], &["--format", "json"]].concat());
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let units = json["units"].as_array().expect("units");
    assert_eq!(page.select(&sel("script")).count(), 0);
    let svgs: Vec<ElementRef> = page.select(&sel("figure svg")).collect();
    assert_eq!(svgs.len(), 1);
    let labels: Vec<String> = svgs[0].select(&sel("text")).map(text).collect();
    let rows: Vec<Vec<String>> = page
        .select(&sel("table"))
        .nth(1)
        .expect("the units' table")
        .select(&sel("tbody tr"))
        .map(|r| r.select(&sel("td")).map(text).collect())
        .collect();
    assert_eq!(rows.len(), units.len());
    for (row, u) in rows.iter().zip(units) {
        assert_eq!(row[0], u["unit"].as_str().unwrap());
        assert!(labels.contains(&row[0]), "{}", row[0]);
        for (cell, key) in [(&row[1], "old"), (&row[2], "new")] {
            match &u[key] {
                serde_json::Value::Null => assert_eq!(cell, "—"),
                score => {
                    assert_eq!(num(cell), dec(score));
                    // Each score is written at its bar.
                    assert!(labels.contains(&dec(score).normalize().to_string()));
                }
            }
        }
    }
}

/// Evidence refuses a unit named with a bidirectional control; a report is still
/// written safely if one reaches it: the character is shown as an escape.
#[test]
fn bidirectional_controls_are_shown_as_escapes() {
    let rubric = table("county");
    let mut sheets: Vec<kaohe::eval::Sheet> = examples(&rubric, "county")
        .iter()
        .map(|u| kaohe::eval::evaluate(&rubric, u).expect("evaluates"))
        .collect();
    sheets[0].unit = "\u{202e}甲区\u{2066}<svg onload=alert(1)>".into();
    let html = kaohe::report::html(&rubric, &sheets, None);
    assert!(!html.contains('\u{202e}') && !html.contains('\u{2066}'));
    assert!(!html.contains("<svg onload"));
    let page = Html::parse_document(&html);
    let shown = "\\u{202e}甲区\\u{2066}<svg onload=alert(1)>";
    assert!(page
        .select(&sel("table.ranking td.unit"))
        .any(|td| text(td) == shown));
    let label: String = shown.chars().take(12).collect();
    assert!(page
        .select(&sel("svg text"))
        .any(|t| text(t).contains(&label)));
    // No date was given: none is printed.
    assert!(!html.contains("生成日期"));
}

#[test]
fn the_page_speaks_the_language_of_the_run() {
    let args = |lang| {
        [
            "eval",
            COUNTY,
            "examples/jiangmen-2020/county",
            "--format",
            "html",
            "--lang",
            lang,
        ]
    };
    let headings = |page: &Html| -> Vec<String> {
        page.select(&sel("h2, figcaption, table.ranking th, section.sheet th"))
            .map(text)
            .collect()
    };
    let zh = Html::parse_document(&stdout(&kaohe_at(&args("zh"))));
    let en = Html::parse_document(&stdout(&kaohe_at(&args("en"))));
    let (zh_headings, en_headings) = (headings(&zh), headings(&en));
    for h in [
        "一、排名",
        "二、图表",
        "三、各单位评分表",
        "图1 总分",
        "排名",
        "扣分说明",
        "合计",
    ] {
        assert!(zh_headings.iter().any(|t| t == h), "{h}: {zh_headings:?}");
    }
    for h in [
        "1. Ranking",
        "2. Charts",
        "3. Each unit's score sheet",
        "Figure 1. Totals",
        "Rank",
        "Explanation",
        "Total",
    ] {
        assert!(en_headings.iter().any(|t| t == h), "{h}: {en_headings:?}");
    }
    // Nothing of kaohe's own words is left in Chinese on the English page: every
    // heading that holds Chinese holds a name from the rule file.
    let names = [
        "主动公开",
        "依申请公开",
        "政策解读",
        "基层政务公开标准化规范化",
        "公开渠道",
        "机制保障",
    ];
    for t in &en_headings {
        let cjk = t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(!cjk || names.iter().any(|n| t.contains(n)), "{t}");
    }
    let html_tag = |page: &Html| {
        page.select(&sel("html"))
            .next()
            .and_then(|e| e.value().attr("lang").map(str::to_string))
    };
    assert_eq!(html_tag(&zh).as_deref(), Some("zh-CN"));
    assert_eq!(html_tag(&en).as_deref(), Some("en"));
    let meta = |page: &Html| text(page.select(&sel("p.meta")).next().expect("meta"));
    assert!(meta(&en).contains("made on 1 July 2020"), "{}", meta(&en));
    assert!(meta(&zh).contains("生成日期 2020年7月1日"), "{}", meta(&zh));
}
