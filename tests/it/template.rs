//! `kaohe template`: the forms for both tables in TOML, CSV and XLSX, filled in with
//! the example evidence, score exactly as the examples do; an unfilled form is refused
//! with diagnostics, never scored.

use crate::run;

use crate::formats;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use formats::{
    examples, given, json_report, rendered, rows, scratch, table, write, xlsx_bytes_under,
};
use kaohe::diagnostic::codes;
use kaohe::evidence::{load_all, load_file, Unit, Value};
use kaohe::locale::Lang;
use kaohe::report::{template, template_in, template_toml_in, TemplateFormat};
use run::{kaohe, stderr};

const TABLES: [&str; 2] = ["county", "department"];

/// A value as TOML writes it.
fn toml_value(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Count(n) => n.to_string(),
        Value::Percent(p) => p.to_string(),
        Value::Date(Some(d)) => d.to_string(),
        Value::Date(None) => "false".into(),
        Value::Set(s) => format!(
            "[{}]",
            s.iter()
                .map(|m| format!("\"{m}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Tally(t) => format!(
            "{{ {} }}",
            t.iter()
                .map(|(k, n)| format!("\"{k}\" = {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => panic!("no TOML for {other:?}"),
    }
}

/// Fills the TOML form as an assessor would: the unit's name, and each fact the unit
/// has, uncommented with its value; facts it does not need stay commented out.
fn fill_toml(rubric: &kaohe::check::Rubric, form: &str, unit: &Unit) -> String {
    let mut item = String::new();
    let mut out = String::new();
    for line in form.lines() {
        let filled = if line == "unit = \"\"" {
            format!("unit = \"{}\"", unit.name)
        } else if let Some(name) = line.strip_prefix("[\"").and_then(|l| l.strip_suffix("\"]")) {
            item = name.to_string();
            line.to_string()
        } else if let Some(rest) = line.strip_prefix("# \"") {
            let fact = rest.split('"').next().unwrap_or_default();
            let decl = kaohe::model::items(&rubric.nodes)
                .into_iter()
                .find(|i| i.name.node == item)
                .and_then(|i| i.facts.iter().find(|f| f.name.node == fact));
            match decl.and_then(|d| given(unit, d)) {
                Some(v) => format!("\"{fact}\" = {}", toml_value(v)),
                None => line.to_string(),
            }
        } else {
            line.to_string()
        };
        out.push_str(&filled);
        out.push('\n');
    }
    out
}

fn report_of_examples(rubric: &kaohe::check::Rubric, name: &str) -> String {
    json_report(rubric, &[format!("examples/jiangmen-2020/{name}").into()]).expect("scores")
}

#[test]
fn the_toml_form_filled_in_scores_as_the_examples() {
    for name in TABLES {
        let rubric = table(name);
        let form = String::from_utf8(template(&rubric, TemplateFormat::Toml).unwrap()).unwrap();
        let dir = scratch(&format!("toml-form-{name}"));
        for (i, unit) in examples(&rubric, name).iter().enumerate() {
            write(
                &dir.join(format!("{i}.toml")),
                fill_toml(&rubric, &form, unit),
            );
        }
        let report =
            json_report(&rubric, &[dir.to_path_buf()]).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(report, report_of_examples(&rubric, name), "{name}");
    }
}

#[test]
fn the_csv_form_filled_in_scores_as_the_examples() {
    for name in TABLES {
        let rubric = table(name);
        let form = String::from_utf8(template(&rubric, TemplateFormat::Csv).unwrap()).unwrap();
        // The form is its header; the rows below are the units.
        assert!(form.starts_with('\u{feff}'), "a byte-order mark for Excel");
        let units = examples(&rubric, name);
        let body = formats::csv_text(&rows(&rubric, &units)[1..]);
        let header_line = form.trim_start_matches('\u{feff}');
        assert_eq!(header_line.matches("\r\n").count(), 1);
        assert_eq!(
            header_line.trim_end().split(',').collect::<Vec<_>>(),
            rows(&rubric, &units)[0]
        );
        let dir = scratch(&format!("csv-form-{name}"));
        let path = write(&dir.join("filled.csv"), format!("{form}{body}"));
        let report = json_report(&rubric, &[path]).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(report, report_of_examples(&rubric, name), "{name}");
    }
}

/// A sheet's rows as text, merged cells blank but their first.
fn sheet_rows(range: &calamine::Range<Data>) -> Vec<Vec<String>> {
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// The columns' headers of a two-row header: a blank cell of the first row is under
/// the item's name to its left (a merged cell), a blank of the second (`单位`) has no
/// part of its own.
fn joined_header(top: &[String], below: &[String]) -> Vec<String> {
    let mut item = String::new();
    top.iter()
        .zip(below)
        .map(|(t, b)| {
            if !t.is_empty() {
                item = t.clone();
            }
            if b.is_empty() {
                item.clone()
            } else {
                format!("{item}/{b}")
            }
        })
        .collect()
}

#[test]
fn the_xlsx_form_filled_in_scores_as_the_examples() {
    for name in TABLES {
        let rubric = table(name);
        let units = examples(&rubric, name);
        let expected = rows(&rubric, &units)[0].clone();
        for lang in [Lang::Zh, Lang::En] {
            let form = template_in(&rubric, TemplateFormat::Xlsx, lang).unwrap();
            let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(form)).unwrap();
            assert_eq!(book.sheet_names(), vec!["证据", "说明"]);
            let sheet = book.worksheet_range("证据").unwrap();
            assert_eq!(sheet.height(), 2, "the form is its header, over two rows");
            let top = sheet_rows(&sheet);
            // 单位 over both rows; each item's name over its facts' names.
            assert_eq!((top[0][0].as_str(), top[1][0].as_str()), ("单位", ""));
            let header = joined_header(&top[0], &top[1]);
            assert_eq!(header, expected);
            let items = kaohe::model::items(&rubric.nodes);
            let named: Vec<&String> = top[0].iter().filter(|t| !t.is_empty()).collect();
            assert_eq!(named.len(), items.len() + 1, "each item named once");
            // The guide lists every column, the unit's first.
            let guide = book.worksheet_range("说明").unwrap();
            let listed: Vec<String> = guide
                .rows()
                .skip(4)
                .map(|r| r.get(1).map(|c| c.to_string()).unwrap_or_default())
                .collect();
            assert_eq!(listed, header);
            // Filled below the form's own two header rows, with typed cells.
            let dir = scratch(&format!("xlsx-form-{name}-{}", lang.tag()));
            let path = write(
                &dir.join("filled.xlsx"),
                xlsx_bytes_under(&rubric, &units, &top, &header),
            );
            let report = json_report(&rubric, &[path]).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(report, report_of_examples(&rubric, name), "{name}");
        }
    }
}

/// The words of the XLSX form: its notes, prompts, drop-downs and 说明 sheet, as the
/// workbook's XML holds them.
fn form_xml(lang: Lang) -> String {
    use std::io::Read;
    let form = template_in(&table("county"), TemplateFormat::Xlsx, lang).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(form)).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        if file.name().is_ok_and(|n| n.ends_with(".xml")) {
            file.read_to_string(&mut all).unwrap();
        }
    }
    all
}

#[test]
fn the_xlsx_form_speaks_chinese_and_offers_yes_and_no_as_shi_and_fou() {
    let zh = form_xml(Lang::Zh);
    assert!(
        zh.contains("<formula1>\"是,否\"</formula1>"),
        "a 是/否 drop-down"
    );
    assert!(!zh.contains("\"true,false\""));
    for words in [
        "选择“是”或“否”",
        "填日期,如 2020-12-30 或 2020年12月30日",
        "填数量,0 或以上的整数",
        "证据填报表:2020年各市(区)政府政务公开工作要点考核表",
        "空白单元格表示缺少该项",
        "评分说明与细则",
    ] {
        assert!(zh.contains(words), "{words}");
    }
    let en = form_xml(Lang::En);
    assert!(en.contains("<formula1>\"yes,no\"</formula1>"));
    assert!(en.contains("Evidence form for 2020年各市(区)政府政务公开工作要点考核表"));
    assert!(!en.contains("选择“是”或“否”"));
}

#[test]
fn an_unfilled_form_is_refused_not_scored() {
    for name in TABLES {
        let rubric = table(name);
        let dir = scratch(&format!("unfilled-{name}"));
        let toml = write(
            &dir.join("form.toml"),
            template(&rubric, TemplateFormat::Toml).unwrap(),
        );
        let (units, found) = load_file(&rubric, &toml);
        assert!(units.is_empty());
        assert!(
            found.iter().all(|d| d.code == codes::EVIDENCE_UNIT),
            "{}",
            rendered(&found)
        );
        assert!(!found.is_empty());
        for (ext, format) in [("csv", TemplateFormat::Csv), ("xlsx", TemplateFormat::Xlsx)] {
            let path = write(
                &dir.join(format!("form.{ext}")),
                template(&rubric, format).unwrap(),
            );
            let found = load_all(&rubric, &[path], &mut |_| {}).expect_err("refused");
            assert_eq!(found.len(), 1, "{}", rendered(&found));
            assert_eq!(found[0].code, codes::EVIDENCE_UNIT);
            assert!(found[0]
                .message
                .ends_with("holds no unit: there is no row below the header"));
        }
    }
}

#[test]
fn a_toml_form_with_its_name_but_no_fact_reports_every_item() {
    let rubric = table("department");
    let form = String::from_utf8(template(&rubric, TemplateFormat::Toml).unwrap()).unwrap();
    let named = form.replace("unit = \"\"", "unit = \"市档案馆\"");
    let dir = scratch("named-form");
    let path = write(&dir.join("form.toml"), named);
    let (_, found) = load_file(&rubric, &path);
    let items = kaohe::model::items(&rubric.nodes);
    assert_eq!(found.len(), items.len(), "{}", rendered(&found));
    assert!(found.iter().all(|d| d.code == codes::EVIDENCE_MISSING));
    assert!(found[0].message.starts_with("item `决策预公开` is missing"));
}

#[test]
fn the_toml_form_of_the_county_table() {
    let rubric = table("county");
    let form = String::from_utf8(template(&rubric, TemplateFormat::Toml).unwrap()).unwrap();
    insta::assert_snapshot!(form);
}

#[test]
fn the_toml_form_of_the_county_table_in_chinese() {
    let form = template_toml_in(&table("county"), Lang::Zh);
    insta::assert_snapshot!(form);
}

#[test]
fn the_chinese_toml_form_filled_in_scores_as_the_examples() {
    for name in TABLES {
        let rubric = table(name);
        let form = template_toml_in(&rubric, Lang::Zh);
        let dir = scratch(&format!("toml-form-zh-{name}"));
        let paths: Vec<_> = examples(&rubric, name)
            .iter()
            .enumerate()
            .map(|(i, unit)| {
                write(
                    &dir.join(format!("{i}.toml")),
                    fill_toml(&rubric, &form, unit),
                )
            })
            .collect();
        let report = json_report(&rubric, &paths).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(report, report_of_examples(&rubric, name), "{name}");
    }
}

#[test]
fn the_command_writes_each_format_and_refuses_xlsx_on_stdout() {
    let rule = "rules/jiangmen-2020/department.rule";
    let o = kaohe(&["template", rule]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("# Evidence form for 2020年市政府各部门政务公开工作要点考核表\n"));
    assert!(text.contains("\n[\"行政执法公示\"]\n"));
    assert!(text.contains(
        "# Not applicable (折分处理) when `无行政执法职能`; then only 无行政执法职能 is needed.\n"
    ));

    let o = kaohe(&["template", rule, "--lang", "zh"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("# 证据填报表:2020年市政府各部门政务公开工作要点考核表\n"));
    assert!(
        text.contains("# 当 `无行政执法职能` 时不适用(折分处理),此时只需填写 无行政执法职能。\n")
    );

    let o = kaohe(&["template", rule, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o
        .stdout
        .starts_with("\u{feff}单位,决策预公开/未做意见征集,".as_bytes()));

    let o = kaohe(&["template", rule, "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains(codes::BINARY_STDOUT), "{}", stderr(&o));

    let dir = scratch("cli-form");
    let out = dir.join("form.xlsx");
    let o = kaohe(&[
        "template",
        rule,
        "--format",
        "xlsx",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let header = book.worksheet_range("证据").unwrap();
    assert_eq!(header.get((0, 0)), Some(&Data::String("单位".into())));

    // A rubric whose facts a cell cannot give has only the TOML form.
    let o = kaohe(&[
        "template",
        "rules/examples/illustration-2021.rule",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(codes::EVIDENCE_CELL_TYPE),
        "{}",
        stderr(&o)
    );
    let o = kaohe(&["template", "rules/examples/illustration-2021.rule"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
