//! The comparison of two rubrics as one self-contained HTML page (`kaohe diff
//! --format html`): each unit's score under both, as paired bars drawn with the
//! report's charts, and as a table (old, new, change, and why a unit could not be
//! scored); then how many sections and items changed. No script, nothing external;
//! every name is escaped as the eval report's are.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::{Kind, Report};
use crate::report::html::{begin, charts, escape, figure, MAX_CHART_UNITS};
use crate::report::{number, signed};

pub fn html(report: &Report) -> String {
    let mut out = String::new();
    let title = format!("{} → {}", report.old.title, report.new.title);
    begin(&mut out, &title, "kaohe diff");
    let _ = writeln!(
        out,
        "<p class=\"meta\">旧表 {}（满分 {}） · 新表 {}（满分 {}） · 单位 {} 个</p>",
        escape(&report.old.file),
        number(report.old.total),
        escape(&report.new.file),
        number(report.new.total),
        report.units.len()
    );
    changes(&mut out, report);
    if report.units.is_empty() {
        out.push_str("<p class=\"note\">没有给出证据：只比较了两张表。</p>\n");
    } else {
        units(&mut out, report);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// How many sections and items were added, removed, renamed or changed.
fn changes(out: &mut String, report: &Report) {
    let count = |kinds: &mut dyn Iterator<Item = Kind>| {
        let mut n = [0usize; 4];
        for k in kinds {
            n[k as usize] += 1;
        }
        n
    };
    let sections = count(&mut report.sections.iter().map(|s| s.kind));
    let items = count(&mut report.items.iter().map(|i| i.kind));
    out.push_str(
        "<h2>一、表的变动</h2>\n<table>\n<thead><tr><th></th><th>删除</th><th>新增</th>\
         <th>改名</th><th>修改</th></tr></thead>\n<tbody>\n",
    );
    for (name, n) in [("一级指标", sections), ("二级指标", items)] {
        let _ = writeln!(
            out,
            "<tr><th>{name}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            n[Kind::Removed as usize],
            n[Kind::Added as usize],
            n[Kind::Renamed as usize],
            n[Kind::Changed as usize]
        );
    }
    out.push_str(
        "</tbody>\n</table>\n<p class=\"note\">逐项的变动见 <code>kaohe diff</code> 的文本报告。</p>\n",
    );
}

fn units(out: &mut String, report: &Report) {
    out.push_str("<h2>二、各单位得分</h2>\n");
    let shown = &report.units[..report.units.len().min(MAX_CHART_UNITS)];
    if shown.len() < report.units.len() {
        let _ = writeln!(
            out,
            "<p class=\"note\">单位较多，图中只列出前 {MAX_CHART_UNITS} 个单位；完整列表见下表。</p>"
        );
    }
    let pairs: Vec<charts::Pair> = shown
        .iter()
        .map(|u| charts::Pair {
            label: charts::label(&u.unit),
            values: [u.old, u.new],
        })
        .collect();
    let max = report.old.total.max(report.new.total).max(Decimal::ONE);
    figure(
        out,
        "图1 各单位在新旧两表下的得分",
        charts::pairs(&pairs, max, ["旧表", "新表"]),
    );
    out.push_str(
        "<table>\n<thead><tr><th>单位</th><th>旧表得分</th><th>新表得分</th><th>变化</th>\
         <th>说明</th></tr></thead>\n<tbody>\n",
    );
    let cell = |d: Option<Decimal>| d.map_or("—".to_string(), number);
    for u in &report.units {
        let problems: Vec<String> = u
            .problems
            .iter()
            .map(|p| {
                let side = if p.rubric == "old" {
                    "旧表"
                } else {
                    "新表"
                };
                format!("{side}无法评分：{}", p.message)
            })
            .collect();
        let _ = write!(
            out,
            "<tr><td class=\"unit\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td>",
            escape(&u.unit),
            cell(u.old),
            cell(u.new),
            u.change.map_or("—".to_string(), signed),
        );
        for p in problems {
            let _ = write!(out, "<p>{}</p>", escape(&p));
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
