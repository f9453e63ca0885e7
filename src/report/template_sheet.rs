//! `kaohe template --format xlsx`: the evidence form as a workbook.
//!
//! The first sheet, `证据`, is the form: the header of [`crate::evidence::columns`] in
//! row 1, one row per unit below it. Every header cell carries a note — the item and
//! fact, what to write, the fact's description and the item's criterion text — and
//! every column a rule for the cells below it: a drop-down of `true`/`false` for a
//! yes/no, whole numbers for a count (from 0 to its `max`), a drop-down of the members
//! for a set (which still accepts several, separated by `、`), and text format for
//! dates, percentages and sets, so that Excel keeps `2020-12-28` and `3.5%` as typed.
//! The second sheet, `说明`, lists every column with the same explanations, for
//! printing. `kaohe eval` reads the first visible sheet only.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, Formula, Note, Workbook,
    Worksheet, XlsxError,
};

use super::number;
use super::workbook::failed;
use crate::check::Rubric;
use crate::diagnostic::Diagnostic;
use crate::evidence::cell;
use crate::evidence::columns::{self, Column, Part, UNIT_HEADER};
use crate::model::{FactType, Item, Node};

/// The name of the form's sheet.
pub const FORM_SHEET: &str = "证据";
/// The name of the sheet that explains the columns.
pub const GUIDE_SHEET: &str = "说明";
/// The hidden sheet that holds member lists too long for a drop-down's own text.
const LISTS_SHEET: &str = "选项";
/// The last row the rules of the columns cover: the last row of a sheet.
const LAST_ROW: u32 = 1_048_575;

/// The form as the bytes of an XLSX file, or why a spreadsheet cannot hold it.
pub fn template_xlsx(rubric: &Rubric) -> Result<Vec<u8>, Diagnostic> {
    if let Some(d) = super::template::spreadsheet_refusal(rubric) {
        return Err(d);
    }
    build(rubric).map_err(|e| failed("XLSX form", &e))
}

/// The section each item stands in (the innermost), in the table's order.
fn items_with_sections(rubric: &Rubric) -> Vec<(String, &Item)> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Node, String)> = rubric
        .nodes
        .iter()
        .rev()
        .map(|n| (n, String::new()))
        .collect();
    while let Some((node, section)) = stack.pop() {
        match node {
            Node::Section(s) => {
                let name = format!("{} ({})", s.name.node, number(s.points.node));
                stack.extend(s.children.iter().rev().map(|c| (c, name.clone())));
            }
            Node::Item(item) => out.push((section, item)),
        }
    }
    out
}

/// The criterion text of an item, with its notes.
fn criterion(item: &Item) -> String {
    let mut lines: Vec<String> = item.texts.iter().map(|t| t.node.clone()).collect();
    lines.extend(item.notes.iter().map(|n| format!("注: {}", n.node)));
    lines.join("\n")
}

/// What the header of a column says, in a note or on the guide sheet.
fn explanation(column: &Column) -> (String, String) {
    let fact = column.fact;
    let mut about = Vec::new();
    if let Some(d) = &fact.description {
        about.push(d.node.clone());
    }
    if let (Part::Member(m), Some(members)) = (&column.part, fact.ty.node.members()) {
        if let Some(desc) = members
            .iter()
            .find(|x| x.name.node == *m)
            .and_then(|x| x.description.as_ref())
        {
            about.push(format!("{m}: {}", desc.node));
        }
    }
    if let (Part::Value, FactType::Set(members)) = (&column.part, &fact.ty.node) {
        for m in members.iter() {
            if let Some(d) = &m.description {
                about.push(format!("{}: {}", m.name.node, d.node));
            }
        }
    }
    if fact.default.is_some() {
        about.push("may be left blank: the rule file gives a default".into());
    }
    // Backticks mark code in kaohe's messages; a spreadsheet shows them as they are.
    (
        cell::help(fact, &column.part).replace('`', ""),
        about.join("\n"),
    )
}

fn build(rubric: &Rubric) -> Result<Vec<u8>, XlsxError> {
    let layout = columns::layout(rubric);
    let sections = items_with_sections(rubric);
    let section_of = |item: &Item| {
        sections
            .iter()
            .find(|(_, i)| std::ptr::eq(*i, item))
            .map_or(String::new(), |(s, _)| s.clone())
    };
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    // Alternate shades tell one item's columns from the next.
    let shades = [
        header.clone().set_background_color(0xD9E1F2),
        header.clone().set_background_color(0xE2EFDA),
    ];
    let text = Format::new().set_num_format("@");
    let mut lists: Vec<Vec<String>> = Vec::new();
    {
        let form = book.add_worksheet().set_name(FORM_SHEET)?;
        form.write_string_with_format(0, 0, UNIT_HEADER, &header)?;
        form.insert_note(
            0,
            0,
            &note(&format!(
                "{UNIT_HEADER}\nthe assessed unit's name, one row per unit; a unit may be named once"
            )),
        )?;
        form.set_column_width(0, 16)?;
        form.set_column_format(0, &text)?;
        let mut shade = 0;
        for (i, column) in layout.columns.iter().enumerate() {
            let c = u16::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            if i > 0 && !std::ptr::eq(layout.columns[i - 1].item, column.item) {
                shade = 1 - shade;
            }
            form.write_string_with_format(0, c, &column.header, &shades[shade])?;
            let (what, about) = explanation(column);
            let mut body = format!("{}\n{what}", column.header.replace('/', " › "));
            if !about.is_empty() {
                body.push_str(&format!("\n\n{about}"));
            }
            body.push_str(&format!(
                "\n\n{} ({} 分)\n{}",
                column.item.name.node,
                number(column.item.points.node),
                criterion(column.item)
            ));
            form.insert_note(0, c, &note(&body))?;
            form.set_column_width(c, 16)?;
            rule(form, c, column, &what, &text, &mut lists)?;
        }
        form.set_row_height(0, 60)?;
        form.set_freeze_panes(1, 1)?;
    }
    {
        let guide = book.add_worksheet().set_name(GUIDE_SHEET)?;
        guide_sheet(guide, rubric, &layout.columns, &section_of, &header)?;
    }
    if !lists.is_empty() {
        let sheet = book.add_worksheet().set_name(LISTS_SHEET)?;
        for (c, list) in lists.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            for (r, m) in list.iter().enumerate() {
                sheet.write_string(r as u32, c, m)?;
            }
        }
        sheet.set_hidden(true);
    }
    book.save_to_buffer()
}

/// The longest start of a text within Excel's limit, counted in UTF-16 units as Excel
/// counts them.
fn fit(text: &str, limit: usize) -> String {
    let mut used = 0;
    text.chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= limit
        })
        .collect()
}

fn note(text: &str) -> Note {
    let lines = text.lines().count() as u32 + text.chars().count() as u32 / 30;
    Note::new(text)
        .add_author_prefix(false)
        .set_width(360)
        .set_height((24 + 16 * lines).min(480))
}

/// The drop-down, the check and the cell format of one column.
// As in `cell::help`, the last arm is for fact types added to the language later.
#[allow(unreachable_patterns)]
fn rule(
    form: &mut Worksheet,
    c: u16,
    column: &Column,
    what: &str,
    text: &Format,
    lists: &mut Vec<Vec<String>>,
) -> Result<(), XlsxError> {
    let title = fit(&column.fact.name.node, 32);
    let message = fit(what, 255);
    let base = DataValidation::new()
        .set_input_title(title.clone())?
        .set_input_message(message.clone())?
        .set_error_title(title)?
        .set_error_message(message)?;
    let count = |max: Option<u64>| match max.and_then(|m| i32::try_from(m).ok()) {
        Some(m) => DataValidationRule::Between(0, m),
        None => DataValidationRule::GreaterThanOrEqualTo(0),
    };
    let validation = match (&column.part, &column.fact.ty.node) {
        (Part::Member(_), _) => Some(base.allow_whole_number(count(None))),
        (Part::Reason, _) => {
            form.set_column_format(c, text)?;
            None
        }
        (_, FactType::Bool) => Some(base.allow_list_strings(&["true", "false"])?),
        (_, FactType::Count { max }) => {
            Some(base.allow_whole_number(count(max.as_ref().map(|m| m.node))))
        }
        (_, FactType::Discretion { max }) => Some(base.allow_decimal_number(
            DataValidationRule::Between(0.0, super::workbook::float(max.node)),
        )),
        (_, FactType::Set(members)) => {
            form.set_column_format(c, text)?;
            let names: Vec<String> = members.iter().map(|m| m.name.node.clone()).collect();
            // The drop-down offers one member; several are typed, separated by
            // `、`, so a value outside the list is not refused here.
            let listed = match base.clone().allow_list_strings(&names) {
                Ok(v) => v,
                Err(_) => {
                    let n = lists.len();
                    lists.push(names.clone());
                    let col = columns::column_letters(n);
                    base.allow_list_formula(Formula::new(format!(
                        "={LISTS_SHEET}!${col}$1:${col}${}",
                        names.len()
                    )))
                }
            };
            Some(listed.show_error_message(false))
        }
        (_, FactType::Date | FactType::Percent) => {
            form.set_column_format(c, text)?;
            None
        }
        _ => None,
    };
    if let Some(v) = validation {
        form.add_data_validation(1, c, LAST_ROW, c, &v)?;
    }
    Ok(())
}

fn guide_sheet(
    guide: &mut Worksheet,
    rubric: &Rubric,
    columns: &[Column],
    section_of: &dyn Fn(&Item) -> String,
    header: &Format,
) -> Result<(), XlsxError> {
    let wrap = Format::new()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    guide.write_string_with_format(
        0,
        0,
        format!("Evidence form for {}", rubric.title),
        &Format::new().set_bold().set_font_size(14),
    )?;
    guide.write_string(
        1,
        0,
        format!(
            "Made by `kaohe template` from {}. Fill sheet `{FORM_SHEET}`: one row per unit, the unit's name under `{UNIT_HEADER}`, one value per cell. A blank cell is a missing fact, never 0 or false: every fact without a default must be given.",
            rubric.source.name()
        ),
    )?;
    let titles = [
        ("列", 6.0),
        ("表头", 28.0),
        ("一级指标", 16.0),
        ("二级指标", 18.0),
        ("填写", 40.0),
        ("说明", 40.0),
        ("评分说明与细则", 60.0),
    ];
    for (c, (t, width)) in titles.iter().enumerate() {
        let c = c as u16;
        guide.write_string_with_format(3, c, *t, header)?;
        guide.set_column_width(c, *width)?;
    }
    let mut rows: Vec<[String; 7]> = vec![[
        "A".into(),
        UNIT_HEADER.into(),
        String::new(),
        String::new(),
        "the assessed unit's name".into(),
        "one row per unit; a unit may be named once".into(),
        String::new(),
    ]];
    for (i, column) in columns.iter().enumerate() {
        let (what, about) = explanation(column);
        rows.push([
            columns::column_letters(i + 1),
            column.header.clone(),
            section_of(column.item),
            format!(
                "{} ({})",
                column.item.name.node,
                number(column.item.points.node)
            ),
            what,
            about,
            criterion(column.item),
        ]);
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 4;
        for (c, value) in row.iter().enumerate() {
            guide.write_string_with_format(r, c as u16, value, &wrap)?;
        }
    }
    guide.set_freeze_panes(4, 2)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn texts_fit_excels_limits() {
        assert_eq!(fit("未做意见征集", 3), "未做意");
        assert_eq!(fit("ab😀c", 3), "ab");
        assert_eq!(fit("short", 32), "short");
    }
}
