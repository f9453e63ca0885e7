//! `kaohe render`: the published table in Markdown (snapshots of both tables), HTML
//! (self-contained, A4, first-level cells spanning their rows) and XLSX (read back:
//! values and merged cells). scripts/screenshot-render.sh shows the HTML by eye.

use crate::common;
use crate::run;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use kaohe::check::{compile, Rubric};
use kaohe::render::{html::html, markdown::markdown, xlsx::xlsx, Table};
use kaohe::source::SourceFile;
use run::kaohe;

fn rubric(path: &str) -> Rubric {
    let text = std::fs::read_to_string(path).expect("rule file");
    let checked = compile(&SourceFile::new(path, text));
    checked.rubric.expect("a clean rubric")
}

/// Every row of 附件 1 as the notice prints it: (一级指标, 二级指标, 分值).
const ANNEX_1: [(&str, &str, &str); 25] = [
    ("主动公开 (30分)", "决策预公开", "4"),
    ("", "决策公开", "4"),
    ("", "服务公开", "2"),
    ("", "行政执法公示", "4"),
    ("", "执行与结果公开", "3"),
    ("", "重点领域信息公开", "6"),
    ("", "公共事件应急预案", "3"),
    ("", "疫情信息公开", "4"),
    ("依申请公开 (12分)", "依申请公开答复", "4"),
    ("", "闭环管理机制", "4"),
    ("", "政府信息公开被复议或被诉讼", "4"),
    ("政策解读 (25分)", "解读发布", "6"),
    ("", "解读形式", "6"),
    ("", "主要负责人带头解读", "3"),
    ("", "内容深度", "4"),
    ("", "解读推广", "6"),
    (
        "基层政务公开标准化规范化 (8分)",
        "基层政府政务公开事项标准目录",
        "4",
    ),
    ("", "“基层政务公开标准目录”专栏", "4"),
    ("公开渠道 (12分)", "政府公报", "3"),
    ("", "政府网站与新媒体", "6"),
    ("", "线下渠道", "3"),
    ("机制保障 (13分)", "政务舆情", "3"),
    ("", "听取汇报", "3"),
    ("", "绩效考核", "4"),
    ("", "业务培训", "3"),
];

/// The body rows of a Markdown table, each split into its cells.
fn md_rows(md: &str) -> Vec<Vec<String>> {
    md.lines()
        .skip_while(|l| !l.starts_with("| ---"))
        .skip(1)
        .map(|l| {
            l.trim_start_matches("| ")
                .trim_end_matches(" |")
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn county_markdown_holds_every_row_of_annex_1() {
    let md = markdown(&Table::new(&rubric("rules/jiangmen-2020/county.rule")));
    let rows = md_rows(&md);
    assert_eq!(rows.len(), 26, "25 items and 合计");
    for (row, (first, second, points)) in rows.iter().zip(ANNEX_1) {
        assert_eq!(
            (row[0].as_str(), row[1].as_str(), row[2].as_str()),
            (first, second, points)
        );
        assert!(!row[3].is_empty(), "{second} has its criterion text");
    }
    assert_eq!(rows[25][..3], ["合计", "", "100"]);
    // Notes are printed as the notice prints them, after the text.
    assert!(rows[0][3].ends_with(
        "<br>(注:重大决策含重点督查项目、民生实事、涉民涉企政策措施等,如征集主题未围绕公众关注的政策热点不计分)"
    ));
    assert!(rows[5][3]
        .contains("(注:重点领域信息公开专栏内各栏目的更新频率可参考江门市重点领域信息公开专栏)"));
    assert!(md.starts_with("# 2020年各市(区)政府政务公开工作要点考核表\n\n江门市人民政府办公室 江府办函〔2020〕202号 附件1\n\n"));
}

#[test]
fn markdown_snapshots() {
    for name in ["county", "department"] {
        let md = markdown(&Table::new(&rubric(&format!(
            "rules/jiangmen-2020/{name}.rule"
        ))));
        insta::assert_snapshot!(format!("md_{name}"), md);
    }
    let md = markdown(&Table::new(&rubric("tests/render/nested.rule")));
    insta::assert_snapshot!("md_nested", md);
}

#[test]
fn department_markdown_prorated_notes_and_points() {
    let md = markdown(&Table::new(&rubric("rules/jiangmen-2020/department.rule")));
    let rows = md_rows(&md);
    assert_eq!(rows.len(), 21, "20 items and 合计");
    let points: u32 = rows[..20]
        .iter()
        .map(|r| r[2].parse::<u32>().expect("points"))
        .sum();
    assert_eq!(points, 100);
    let row = rows.iter().find(|r| r[1] == "行政执法公示").expect("row");
    assert!(row[3].ends_with("<br>(注:没有行政执法职能的单位该项指标作折分处理)"));
}

#[test]
fn html_is_self_contained_printable_and_spans_rows() {
    let page = html(&Table::new(&rubric("rules/jiangmen-2020/county.rule")));
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("<title>2020年各市(区)政府政务公开工作要点考核表</title>"));
    assert!(page.contains("<h1>2020年各市(区)政府政务公开工作要点考核表</h1>"));
    assert!(page.contains("@page { size: A4 portrait;"));
    for external in ["http://", "https://", "<script", "<link", "src=", "url("] {
        assert!(!page.contains(external), "the page refers to `{external}`");
    }
    for (name, rows) in [
        ("主动公开", 8),
        ("依申请公开", 3),
        ("政策解读", 5),
        ("基层政务公开标准化规范化", 2),
        ("公开渠道", 3),
        ("机制保障", 4),
    ] {
        let cell = format!("rowspan=\"{rows}\">{name}<br>(");
        assert!(page.contains(&cell), "{name} spans {rows} rows");
    }
    assert_eq!(
        page.matches("<tr>").count(),
        1 + 25,
        "the header row and 25 items"
    );
    assert!(page.contains("<tr class=\"total\"><th scope=\"row\" colspan=\"2\">合计</th><td class=\"points\">100</td>"));
    assert!(page.contains("<p class=\"note\">(注:重大决策含重点督查项目"));
    // Text is escaped.
    assert!(!page.contains("围绕\"六稳\"\"六保\""));
    assert!(page.contains("围绕&quot;六稳&quot;&quot;六保&quot;"));
}

#[test]
fn nested_tables_get_a_column_per_level() {
    let table = Table::new(&rubric("tests/render/nested.rule"));
    assert_eq!(table.levels, 3);
    assert_eq!(
        table.headings(),
        ["一级指标", "二级指标", "三级指标", "分值", "评分说明与细则"]
    );
    let page = html(&table);
    assert!(page.contains("<th class=\"indicator level1\" scope=\"row\" rowspan=\"3\">政务公开<br>(15分)<div class=\"detail\">一级指标的说明</div></th>"));
    assert!(
        page.contains("<th class=\"indicator\" scope=\"row\" rowspan=\"2\">主动公开<br>(9分)</th>")
    );
    assert!(page.contains("<th class=\"indicator\" scope=\"row\" colspan=\"2\">依申请公开</th>"));
    assert!(page.contains("<th class=\"indicator level1\" scope=\"row\" colspan=\"3\">加分项</th>"));
    assert!(page.contains("<th scope=\"row\" colspan=\"3\">合计</th>"));
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn xlsx_has_the_rows_and_merged_cells() {
    let bytes = xlsx(&Table::new(&rubric("rules/jiangmen-2020/county.rule"))).expect("builds");
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("a valid xlsx file");
    let mut merged: Vec<(u32, u32, u32, u32)> = book
        .merge_cells_by_sheet_name("考核表")
        .expect("merged cells")
        .iter()
        .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect();
    merged.sort();
    let range = book.worksheet_range("考核表").expect("the sheet");
    // Row 0: the source; row 1: the title; row 2: the headings; rows 3 to 27: items.
    assert_eq!(
        cell(&range, 0, 0),
        Data::String("江门市人民政府办公室 江府办函〔2020〕202号 附件1".into())
    );
    assert_eq!(
        cell(&range, 1, 0),
        Data::String("2020年各市(区)政府政务公开工作要点考核表".into())
    );
    let headings: Vec<Data> = (0..4).map(|c| cell(&range, 2, c)).collect();
    assert_eq!(
        headings,
        ["一级指标", "二级指标", "分值", "评分说明与细则"].map(|h| Data::String(h.into()))
    );
    for (n, (first, second, points)) in ANNEX_1.iter().enumerate() {
        let row = 3 + n as u32;
        if !first.is_empty() {
            assert_eq!(cell(&range, row, 0), Data::String(first.to_string()));
        }
        assert_eq!(cell(&range, row, 1), Data::String(second.to_string()));
        assert_eq!(
            cell(&range, row, 2),
            Data::Float(points.parse().expect("number"))
        );
    }
    let criteria = cell(&range, 3, 3).to_string();
    assert!(criteria
        .starts_with("1.重大决策出台前未做意见征集, 扣 2 分;\n2.未提供征集有效期, 扣 1 分;\n"));
    assert!(criteria.ends_with("\n(注:重大决策含重点督查项目、民生实事、涉民涉企政策措施等,如征集主题未围绕公众关注的政策热点不计分)"));
    assert_eq!(cell(&range, 28, 0), Data::String("合计".into()));
    assert_eq!(cell(&range, 28, 2), Data::Float(100.0));
    assert_eq!(
        merged,
        vec![
            (0, 0, 0, 3),   // the source
            (1, 0, 1, 3),   // the title
            (3, 0, 10, 0),  // 主动公开, 8 rows
            (11, 0, 13, 0), // 依申请公开, 3 rows
            (14, 0, 18, 0), // 政策解读, 5 rows
            (19, 0, 20, 0), // 基层政务公开标准化规范化, 2 rows
            (21, 0, 23, 0), // 公开渠道, 3 rows
            (24, 0, 27, 0), // 机制保障, 4 rows
            (28, 0, 28, 1), // 合计
        ]
    );
}

#[test]
fn render_command_formats_and_outputs() {
    let o = kaohe(&[
        "render",
        "rules/jiangmen-2020/county.rule",
        "--format",
        "md",
        "--lang",
        "zh",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let expected = markdown(&Table::new(&rubric("rules/jiangmen-2020/county.rule")));
    assert_eq!(String::from_utf8(o.stdout).expect("utf-8"), expected);
    // In English the headings and 合计 are English; the table's own texts are not.
    let o = kaohe(&["render", "rules/jiangmen-2020/county.rule", "--lang", "en"]);
    let md = String::from_utf8(o.stdout).expect("utf-8");
    assert!(md.contains(
        "\n| Level 1 indicator | Level 2 indicator | Points | Scoring rules and details |\n"
    ));
    assert!(md.contains("\n| 公开渠道 (12 points) | "), "{md}");
    assert!(md.ends_with("\n| Total |  | 100 |  |\n"), "{md}");

    let dir = common::Scratch::new("render");
    let page = dir.join("county.html");
    let o = kaohe(&[
        "render",
        "rules/jiangmen-2020/county.rule",
        "-o",
        page.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&page)
            .expect("written")
            .starts_with("<!DOCTYPE html>"),
        "the format follows the extension"
    );

    let book = dir.join("county.xlsx");
    let o = kaohe(&[
        "render",
        "rules/jiangmen-2020/county.rule",
        "--output",
        book.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read(&book).expect("written").starts_with(b"PK"));

    // A workbook is a binary file: it needs `--output`, as with `kaohe eval`.
    let o = kaohe(&[
        "render",
        "rules/jiangmen-2020/county.rule",
        "--format",
        "xlsx",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("kaohe::io::binary_stdout"));

    let o = kaohe(&[
        "render",
        "rules/jiangmen-2020/county.rule",
        "--format",
        "html",
        "-o",
        "/nonexistent/x.html",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("kaohe::io::write"));

    let o = kaohe(&["render", "tests/ui/points_sum.rule"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a rubric with errors is not rendered"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn bonus_and_penalty_sections_say_what_they_do() {
    let table = Table::new(&rubric("rules/examples/illustration-2021.rule"));
    let md = markdown(&table);
    assert!(
        md.contains("\n| 加分项 (加分, 最多5分) | 创新做法 |  | 3 | "),
        "{md}"
    );
    assert!(
        md.contains("\n| 倒扣分 (扣分, 最多10分) | 泄密事件 |  | 10 | "),
        "{md}"
    );
    assert!(
        md.ends_with("\n| 合计 |  |  | 100 (加分后最高103分) |  |\n"),
        "{md}"
    );
    let page = html(&table);
    assert!(page.contains(">加分项<br>(加分, 最多5分)</th>"));
    assert!(page.contains("<td class=\"points\">100 (加分后最高103分)</td>"));
}

/// A draft table (`draft` in the header) renders in every format with its title
/// marked 草稿, though its sections do not add up to the total yet; without `draft`
/// the same file is refused, and `render --draft` renders it as a draft too.
#[test]
fn a_draft_is_rendered_marked_as_one() {
    let half_typed = "rubric 某县2023年政务公开考核表\ntotal 100\nsection 主动公开 40 {\n  \
                      item 政策文件 20 {\n    fact 未公开 bool\n    if 未公开 zero\n  }\n}\n";
    let drafted = format!("draft\n{half_typed}");
    let checked = compile(&SourceFile::new("draft.rule", drafted.as_str()));
    let rubric = checked.rubric.expect("a draft with sums short is a rubric");
    assert!(rubric.draft);
    let table = Table::new(&rubric);
    assert!(table.draft);
    assert!(markdown(&table).starts_with("# 某县2023年政务公开考核表 (草稿)\n"));
    let page = html(&table);
    assert!(page.contains("<title>某县2023年政务公开考核表 (草稿)</title>"));
    assert!(page.contains("<h1>某县2023年政务公开考核表 (草稿)</h1>"));
    let bytes = xlsx(&table).expect("builds");
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("a valid xlsx file");
    let range = book.worksheet_range("考核表").expect("the sheet");
    assert_eq!(
        cell(&range, 0, 0),
        Data::String("某县2023年政务公开考核表 (草稿)".into())
    );
    let english = Table::in_lang(&rubric, kaohe::locale::Lang::En);
    assert_eq!(english.title, "某县2023年政务公开考核表 (DRAFT)");

    let dir = common::Scratch::new("render-draft");
    let path = dir.join("half.rule");
    std::fs::write(&path, half_typed).unwrap();
    let path = path.to_str().unwrap();
    let refused = kaohe(&["render", path]);
    assert_eq!(refused.status.code(), Some(1));
    let o = kaohe(&["render", path, "--draft"]);
    assert_eq!(o.status.code(), Some(0));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(
        md.starts_with("# 某县2023年政务公开考核表 (DRAFT)\n"),
        "{md}"
    );
}
