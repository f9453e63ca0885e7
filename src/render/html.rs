//! The published table as one self-contained HTML page: no script, no external font,
//! style sheet or image, so it can be mailed, archived and opened offline. It prints on
//! A4 (`@page`), repeats the header row on every page and keeps each row on one page.

use std::fmt::Write;

use super::{Table, Tail};

/// Escapes text for HTML content and attribute values: HTML-escaped text with hidden characters made visible ([`crate::safe::html`]).
fn escape(text: &str) -> String {
    crate::safe::html(text)
}

const STYLE: &str = r#"@page { size: A4 portrait; margin: 16mm 14mm; }
* { box-sizing: border-box; }
html { background: #f2f2f2; }
body {
  margin: 0 auto; padding: 16mm 14mm; width: 210mm; background: #fff;
  color: #000; font-size: 10.5pt; line-height: 1.45;
  font-family: "FangSong", "STFangsong", "FangSong_GB2312", "Noto Serif CJK SC",
    "Source Han Serif SC", "Songti SC", "SimSun", serif;
}
.source { margin: 0 0 2mm; font-size: 10pt; }
h1 {
  margin: 0 0 5mm; text-align: center; font-size: 16pt; font-weight: bold;
  font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
}
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 1.6mm; vertical-align: middle; }
thead th { text-align: center; font-weight: bold; background: #eee; }
th.indicator { text-align: center; font-weight: normal; }
th.level1 { font-weight: bold; }
td.points { text-align: center; }
td.criteria p { margin: 0; }
td.criteria p:empty::before { content: "\00a0"; }
td.criteria p.note { margin-top: 0.8mm; font-size: 9.5pt; }
th .detail { margin-top: 0.8mm; font-size: 9.5pt; font-weight: normal; }
tr.total th, tr.total td { font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  html { background: none; }
  body { width: auto; padding: 0; }
  thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn html(table: &Table) -> String {
    let mut out = String::new();
    let title = escape(&table.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"kaohe render\">\n<title>{title}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n"
    );
    if let Some(source) = &table.source {
        let _ = writeln!(out, "<p class=\"source\">{}</p>", escape(source));
    }
    let _ = writeln!(out, "<h1>{title}</h1>");
    if let Some(methods) = &table.methods {
        let _ = writeln!(out, "<p class=\"source\">{}</p>", escape(methods));
    }
    let _ = writeln!(out, "<table>");
    let _ = writeln!(out, "<colgroup>");
    // The indicator columns share a quarter of the width at two levels, a little more
    // when there are more; 分值 is narrow; the criteria take the rest.
    let indicators = (28 + 6 * table.levels.saturating_sub(2)).min(50);
    let each = indicators as f64 / table.levels as f64;
    for _ in 0..table.levels {
        let _ = writeln!(out, "<col style=\"width: {each:.2}%\">");
    }
    for (t, _) in &table.tail {
        match t {
            Tail::Points => {
                let _ = writeln!(out, "<col style=\"width: 7%\">");
            }
            Tail::Text(_) => {
                let _ = writeln!(out, "<col>");
            }
        }
    }
    let _ = writeln!(out, "</colgroup>");
    let _ = write!(out, "<thead>\n<tr>");
    for h in table.headings() {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(&h));
    }
    let _ = writeln!(out, "</tr>\n</thead>\n<tbody>");
    for row in &table.rows {
        let _ = write!(out, "<tr>");
        for cell in &row.cells {
            let class = if cell.column == 0 {
                "indicator level1"
            } else {
                "indicator"
            };
            let _ = write!(out, "<th class=\"{class}\" scope=\"row\"");
            if cell.rowspan > 1 {
                let _ = write!(out, " rowspan=\"{}\"", cell.rowspan);
            }
            if cell.colspan > 1 {
                let _ = write!(out, " colspan=\"{}\"", cell.colspan);
            }
            let _ = write!(out, ">{}", escape(&cell.name));
            if let Some(points) = cell.points_line(table.lang) {
                let _ = write!(out, "<br>{}", escape(&points));
            }
            for line in &cell.lines {
                let _ = write!(out, "<div class=\"detail\">{}</div>", escape(line));
            }
            let _ = write!(out, "</th>");
        }
        let texts = table.text_columns();
        for (t, _) in &table.tail {
            match t {
                Tail::Points => {
                    let _ = write!(
                        out,
                        "<td class=\"points\">{}</td>",
                        escape(&row.points_text(table.lang))
                    );
                }
                Tail::Text(n) => {
                    let _ = write!(out, "<td class=\"criteria\">");
                    for line in row.text(*n, texts) {
                        let class = if row.notes.contains(&line) {
                            " class=\"note\""
                        } else {
                            ""
                        };
                        let _ = write!(out, "<p{class}>{}</p>", escape(&line));
                    }
                    let _ = write!(out, "</td>");
                }
            }
        }
        let _ = writeln!(out, "</tr>");
    }
    let _ = write!(out, "<tr class=\"total\"><th scope=\"row\"");
    if table.levels > 1 {
        let _ = write!(out, " colspan=\"{}\"", table.levels);
    }
    let _ = write!(out, ">{}</th>", escape(&table.total_word()));
    for (t, _) in &table.tail {
        match t {
            Tail::Points => {
                let _ = write!(
                    out,
                    "<td class=\"points\">{}</td>",
                    escape(&table.total_text())
                );
            }
            Tail::Text(_) => {
                let _ = write!(out, "<td></td>");
            }
        }
    }
    let _ = writeln!(out, "</tr>");
    let _ = writeln!(out, "</tbody>\n</table>\n</body>\n</html>");
    out
}
