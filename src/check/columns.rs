//! `columns { … }`: the table's own column headings, checked against the table.
//!
//! The `level` columns come first, one for each level of the table (outermost first),
//! as a table prints its indicators left of its points and criteria; then one `points`
//! column and one or more `text` columns, in any order. `percent` goes with the
//! `points` column alone. Each problem is `kaohe::rubric::columns`, on the column it
//! concerns or on the `columns` line.

use super::problem::CheckError;
use crate::diagnostic::Diagnostic;
use crate::model::{Column, Layout};
use crate::span::Span;
use crate::syntax::ast::{ColumnDecl, ColumnRole, Node};

/// The layout the columns give, when they fit a table of `nodes`; every problem is
/// added to `out`.
pub fn check(
    at: Span,
    columns: &[ColumnDecl],
    nodes: &[Node],
    out: &mut Vec<Diagnostic>,
) -> Option<Layout> {
    let before = out.len();
    let levels = columns
        .iter()
        .filter(|c| c.role.node == ColumnRole::Level)
        .count();
    let depth = depth(nodes);
    if levels != depth {
        out.push(
            CheckError::ColumnsLevels {
                span: at,
                levels,
                depth,
            }
            .into(),
        );
    }
    if let Some(late) = columns
        .iter()
        .skip_while(|c| c.role.node == ColumnRole::Level)
        .find(|c| c.role.node == ColumnRole::Level)
    {
        out.push(
            CheckError::ColumnsLevelLate {
                span: late.role.span,
            }
            .into(),
        );
    }
    let points: Vec<&ColumnDecl> = columns
        .iter()
        .filter(|c| c.role.node == ColumnRole::Points)
        .collect();
    if points.len() != 1 {
        let place = points.get(1).map_or(at, |c| c.role.span);
        out.push(
            CheckError::ColumnsPoints {
                span: place,
                count: points.len(),
            }
            .into(),
        );
    }
    if !columns.iter().any(|c| c.role.node == ColumnRole::Text) {
        out.push(CheckError::ColumnsText { span: at }.into());
    }
    for c in columns {
        if let (Some(p), false) = (c.percent, c.role.node == ColumnRole::Points) {
            out.push(CheckError::ColumnsPercent { span: p }.into());
        }
    }
    (out.len() == before).then(|| Layout {
        columns: columns
            .iter()
            .map(|c| Column {
                role: c.role.node,
                heading: c.heading.node.clone(),
                percent: c.percent.is_some(),
            })
            .collect(),
    })
}

/// The number of levels down to the deepest item: the table's indicator columns.
fn depth(nodes: &[Node]) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&Node, usize)> = nodes.iter().map(|n| (n, 1)).collect();
    while let Some((node, d)) = stack.pop() {
        match node {
            Node::Item(_) => deepest = deepest.max(d),
            Node::Section(s) => stack.extend(s.children.iter().map(|c| (c, d + 1))),
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::codes;
    use crate::model::ColumnRole;

    fn checked(columns: &str) -> crate::check::Checked {
        let text = format!(
            "rubric t\ntotal 4\ncolumns {{ {columns} }}\nsection 甲 4 {{\n  item 乙 4 {{\n    \
             fact 丙 bool\n    if 丙 zero\n  }}\n}}\n"
        );
        crate::check::compile(&crate::source::SourceFile::new("t.rule", text.as_str()))
    }

    #[test]
    fn columns_that_fit_the_table_give_its_layout() {
        let c = checked(r#"level "考评内容" level "评估点" text "评分细则" points "分值""#);
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
        let layout = c.rubric.unwrap().layout.expect("a layout");
        let roles: Vec<ColumnRole> = layout.columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                ColumnRole::Level,
                ColumnRole::Level,
                ColumnRole::Text,
                ColumnRole::Points
            ]
        );
        assert_eq!(layout.columns[2].heading, "评分细则");
    }

    #[test]
    fn columns_that_do_not_fit_are_errors() {
        for wrong in [
            r#"level "类别" points "分值" text "考核标准""#,
            r#"level "类别" points "分值" level "项目" text "考核标准""#,
            r#"level "类别" level "项目" text "考核标准""#,
            r#"level "类别" level "项目" points "分值""#,
            r#"level "类别" level "项目" points "分值" text "考核标准" percent"#,
        ] {
            let c = checked(wrong);
            let found: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
            assert!(found.contains(&codes::COLUMNS), "{wrong}: {found:?}");
            assert!(c.rubric.is_none());
        }
    }
}
