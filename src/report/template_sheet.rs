//! `kaohe template --format xlsx`: the evidence form as a workbook.
//!
//! The first sheet, `证据`, is the form. Its header takes two rows: `单位` merged over
//! both, each item's name (二级指标) merged over its facts' columns in the first, each
//! fact's name in the second; the evidence reader joins them into the columns of
//! [`crate::evidence::columns`] (`决策预公开/未做意见征集`). One row per unit below.
//! Every item's cell carries a note with its points and criterion text, every fact's a
//! note with what to write and the fact's description; every column a rule for the
//! cells below it: a drop-down of 是/否 (yes/no in English) for a yes/no (another
//! spelling kaohe reads, typed, is warned about rather than refused), whole
//! numbers for a count (from 0 to its `max`), a drop-down of the members for a set
//! (which still accepts several, separated by `、`), and text format for dates,
//! percentages and sets, so that Excel keeps `2020-12-28` and `3.5%` as typed. Each
//! `periods` fact has a sheet of its own next ([`columns::periods_sheet`],
//! `答复时限-申请`): `单位 | <from> | <to>`, one period a row, its unit cells a drop-down of
//! the form's units and its dates text cells. The sheet `说明` then says what kaohe
//! accepts and lists every column with the same explanations, for printing, and how the
//! periods sheets are filled. `kaohe eval` reads the form's sheet as the units' and the
//! periods sheets by their names.
//!
//! The words are messages of `locales/*/form.ftl`, in the language asked for.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign,
    FormatBorder, Formula, Note, Workbook, Worksheet, XlsxError,
};

use super::number;
use super::workbook::{failed, print};
use crate::check::Rubric;
use crate::diagnostic::Diagnostic;
use crate::evidence::columns::{self, Column, Part, UNIT_HEADER};
use crate::locale::Lang;
use crate::model::{FactType, Item, Node};
use crate::tr;

/// The name of the form's sheet.
pub const FORM_SHEET: &str = "证据";
/// The name of the sheet that explains the columns.
pub const GUIDE_SHEET: &str = "说明";
/// The hidden sheet that holds member lists too long for a drop-down's own text.
const LISTS_SHEET: &str = "选项";
/// The rows the form's header takes: the items' names, then the facts'.
const HEADER_ROWS: u32 = 2;
/// The width of every column of the form, in characters.
const FORM_COLUMN: f64 = 16.0;
/// The last row the rules of the columns cover: the last row of a sheet.
const LAST_ROW: u32 = 1_048_575;

/// The form in English as the bytes of an XLSX file, or why a spreadsheet cannot
/// hold it.
pub fn template_xlsx(rubric: &Rubric) -> Result<Vec<u8>, Diagnostic> {
    template_xlsx_in(rubric, Lang::En)
}

/// The form, its words in `lang`, as the bytes of an XLSX file, or why a spreadsheet
/// cannot hold it.
pub fn template_xlsx_in(rubric: &Rubric, lang: Lang) -> Result<Vec<u8>, Diagnostic> {
    if let Some(d) = super::template::spreadsheet_refusal(rubric, true) {
        return Err(d);
    }
    build(rubric, lang).map_err(|e| failed("XLSX form", &e))
}

/// The section each item stands in (the innermost), in the table's order.
fn items_with_sections(rubric: &Rubric, lang: Lang) -> Vec<(String, &Item)> {
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
                let name = format!(
                    "{} ({})",
                    s.name.node,
                    super::points_text(s.points.node, s.uncapped, lang)
                );
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

/// An item's name with its points: `决策预公开 (6 分)`.
fn item_heading(item: &Item, lang: Lang) -> String {
    if item.uncapped {
        return tr!(lang, "form-item-open", item = &item.name.node);
    }
    tr!(
        lang,
        "form-item-points",
        item = &item.name.node,
        points = number(item.points.node)
    )
}

/// What to write in a cell of a column, as its note, prompt and error box say it.
// As in `cell::help`, the last arm is for fact types added to the language later.
#[allow(unreachable_patterns)]
fn prompt(column: &Column, lang: Lang) -> String {
    match (&column.part, &column.fact.ty.node) {
        (Part::Member(_), _) => tr!(lang, "form-write-member"),
        (Part::Reason, _) => tr!(lang, "form-write-reason"),
        (_, FactType::Discretion { max }) => {
            tr!(lang, "form-write-discretion", max = number(max.node))
        }
        (_, FactType::Bool) => tr!(lang, "form-write-bool"),
        (_, FactType::Count { max: Some(m) }) => {
            tr!(lang, "form-write-count-max", max = m.node.to_string())
        }
        (_, FactType::Count { max: None }) => tr!(lang, "form-write-count"),
        (_, FactType::Percent { max: None }) => tr!(lang, "form-write-percent"),
        (_, FactType::Percent { max: Some(m) }) => {
            tr!(lang, "form-write-percent-max", max = number(m.node))
        }
        (_, FactType::Number { max: Some(m) }) => {
            tr!(lang, "form-write-number-max", max = number(m.node))
        }
        (_, FactType::Number { max: None }) => tr!(lang, "form-write-number"),
        (_, FactType::Date) => tr!(lang, "form-write-date"),
        (_, FactType::Dates) => tr!(lang, "form-write-dates"),
        (_, FactType::Set(members)) => tr!(
            lang,
            "form-write-set",
            members = members
                .iter()
                .map(|m| m.name.node.as_str())
                .collect::<Vec<_>>()
                .join("、")
        ),
        _ => tr!(lang, "form-write-other"),
    }
}

/// What the header of a column says, in a note or on the guide sheet: what to write,
/// and what the fact (and member) is.
fn explanation(rubric: &Rubric, column: &Column, lang: Lang) -> (String, String) {
    let fact = column.fact;
    let mut about = Vec::new();
    if let Some(when) = super::template::given_when(rubric, column.item, fact) {
        about.push(tr!(lang, "form-toml-given-when", when = when));
    }
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
        about.push(tr!(lang, "form-default"));
    }
    (prompt(column, lang), about.join("\n"))
}

/// The columns of the form (after `单位`, column A) that each item takes, as
/// `(item, first column, last column)`.
fn item_spans<'r>(cols: &[Column<'r>]) -> Vec<(&'r Item, u16, u16)> {
    let mut spans: Vec<(&'r Item, u16, u16)> = Vec::new();
    for (i, column) in cols.iter().enumerate() {
        let c = (i + 1) as u16;
        match spans.last_mut() {
            Some((item, _, last)) if std::ptr::eq(*item, column.item) => *last = c,
            _ => spans.push((column.item, c, c)),
        }
    }
    spans
}

/// The text of a column's cell in the header's second row: the header without the
/// item's name, which is in the first row above it (`未做意见征集`, `通报/省府办`).
fn fact_header(column: &Column) -> String {
    column
        .header
        .strip_prefix(&format!("{}/", column.item.name.node))
        .unwrap_or(&column.header)
        .to_string()
}

fn build(rubric: &Rubric, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let layout = columns::layout(rubric);
    if layout.columns.len() >= usize::from(u16::MAX) {
        return Err(XlsxError::RowColumnLimitError);
    }
    let sections = items_with_sections(rubric, lang);
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
        form.merge_range(0, 0, HEADER_ROWS - 1, 0, UNIT_HEADER, &header)?;
        form.insert_note(
            0,
            0,
            &note(&format!("{UNIT_HEADER}\n{}", tr!(lang, "form-unit"))),
        )?;
        form.set_column_width(0, FORM_COLUMN)?;
        form.set_column_format(0, &text)?;
        for (n, (item, first, last)) in item_spans(&layout.columns).into_iter().enumerate() {
            let shade = &shades[n % 2];
            if last > first {
                form.merge_range(0, first, 0, last, &item.name.node, shade)?;
            } else {
                form.write_string_with_format(0, first, &item.name.node, shade)?;
            }
            let body = format!("{}\n{}", item_heading(item, lang), criterion(item));
            form.insert_note(0, first, &note(&body))?;
            for (i, column) in layout.columns[usize::from(first - 1)..usize::from(last)]
                .iter()
                .enumerate()
            {
                let c = first + i as u16;
                form.write_string_with_format(1, c, fact_header(column), shade)?;
                let (what, about) = explanation(rubric, column, lang);
                let mut body = format!("{}\n{what}", column.header.replace('/', " › "));
                if !about.is_empty() {
                    body.push_str(&format!("\n\n{about}"));
                }
                form.insert_note(1, c, &note(&body))?;
                form.set_column_width(c, FORM_COLUMN)?;
                rule(form, c, column, &what, &text, &mut lists, lang)?;
            }
        }
        form.set_row_height(0, 36)?;
        form.set_row_height(1, 48)?;
        form.set_freeze_panes(HEADER_ROWS, 1)?;
        let groups: Vec<(u16, u16, f64)> = item_spans(&layout.columns)
            .into_iter()
            .map(|(_, first, last)| (first, last, FORM_COLUMN))
            .collect();
        print::form_pages(form, HEADER_ROWS, &[FORM_COLUMN], &groups, lang)?;
    }
    for ((item, fact), name) in layout.sheets.iter().zip(layout.sheet_names()) {
        let sheet = book.add_worksheet().set_name(name)?;
        periods_sheet(sheet, item, fact, &header, &shades[0], &text, lang)?;
    }
    {
        let guide = book.add_worksheet().set_name(GUIDE_SHEET)?;
        guide_sheet(guide, rubric, &layout, &section_of, &header, lang)?;
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

/// The sheet of one `periods` fact: `单位 | <from> | <to>` in its header, one period a
/// row below. The unit's cells offer the units of the form's sheet in a drop-down
/// (a name typed instead is warned about, not refused: the form may not list them
/// yet); the dates are text cells, as the form's dates are, so that Excel keeps
/// `2020-03-02` as typed.
fn periods_sheet(
    sheet: &mut Worksheet,
    item: &Item,
    fact: &crate::model::FactDecl,
    header: &Format,
    shade: &Format,
    text: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    let FactType::Periods { from, to } = &fact.ty.node else {
        return Ok(());
    };
    sheet.write_string_with_format(0, 0, UNIT_HEADER, header)?;
    sheet.insert_note(
        0,
        0,
        &note(&format!(
            "{UNIT_HEADER}\n{}",
            tr!(lang, "form-period-unit", form = FORM_SHEET)
        )),
    )?;
    sheet.set_column_width(0, 16)?;
    sheet.set_column_format(0, text)?;
    let units = DataValidation::new()
        .allow_list_formula(Formula::new(format!(
            "={FORM_SHEET}!$A${}:$A${}",
            HEADER_ROWS + 1,
            LAST_ROW + 1
        )))
        .set_error_style(DataValidationErrorStyle::Warning);
    sheet.add_data_validation(1, 0, LAST_ROW, 0, &units)?;
    let about = {
        let mut about = vec![item_heading(item, lang), columns::header(item, fact)];
        if let Some(d) = &fact.description {
            about.push(d.node.clone());
        }
        about.join("\n")
    };
    for (c, (name, what)) in [
        (&from.node, tr!(lang, "form-write-period-from")),
        (&to.node, tr!(lang, "form-write-period-to")),
    ]
    .into_iter()
    .enumerate()
    {
        let c = c as u16 + 1;
        sheet.write_string_with_format(0, c, name, shade)?;
        sheet.insert_note(0, c, &note(&format!("{name}\n{what}\n\n{about}")))?;
        sheet.set_column_width(c, 18)?;
        sheet.set_column_format(c, text)?;
        let title = fit(name, 32);
        let message = fit(&what, 255);
        let prompt = DataValidation::new()
            .allow_any_value()
            .set_input_title(title)?
            .set_input_message(message)?;
        sheet.add_data_validation(1, c, LAST_ROW, c, &prompt)?;
    }
    sheet.set_row_height(0, 30)?;
    sheet.set_freeze_panes(1, 1)?;
    print::form_pages(sheet, 1, &[16.0], &[(1, 2, 18.0)], lang)?;
    Ok(())
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
    lang: Lang,
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
        (_, FactType::Bool) => {
            // The drop-down offers 是 and 否; a value typed instead (`true`, `有`, `√`)
            // is one kaohe reads, so the error box warns and lets it stand.
            let (yes, no) = (tr!(lang, "form-yes"), tr!(lang, "form-no"));
            Some(
                base.allow_list_strings(&[yes.as_str(), no.as_str()])?
                    .set_error_style(DataValidationErrorStyle::Warning),
            )
        }
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
        // Typed as text, so that a decimal is read as written, never through a float.
        (
            _,
            FactType::Date | FactType::Percent { .. } | FactType::Number { .. } | FactType::Dates,
        ) => {
            form.set_column_format(c, text)?;
            None
        }
        _ => None,
    };
    if let Some(v) = validation {
        form.add_data_validation(HEADER_ROWS, c, LAST_ROW, c, &v)?;
    }
    Ok(())
}

fn guide_sheet(
    guide: &mut Worksheet,
    rubric: &Rubric,
    layout: &columns::Layout,
    section_of: &dyn Fn(&Item) -> String,
    header: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    let wrap = Format::new()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    guide.write_string_with_format(
        0,
        0,
        tr!(lang, "form-guide-title", title = &rubric.title),
        &Format::new().set_bold().set_font_size(14),
    )?;
    let titles = [
        (tr!(lang, "form-guide-column"), 6.0),
        (tr!(lang, "form-guide-header"), 28.0),
        (tr!(lang, "form-guide-section"), 16.0),
        (tr!(lang, "form-guide-item"), 18.0),
        (tr!(lang, "form-guide-write"), 40.0),
        (tr!(lang, "form-guide-about"), 40.0),
        (tr!(lang, "form-guide-criteria"), 60.0),
    ];
    for (c, (t, width)) in titles.iter().enumerate() {
        let c = c as u16;
        guide.write_string_with_format(3, c, t, header)?;
        guide.set_column_width(c, *width)?;
    }
    // What to fill and how, each a paragraph over the table's width, wrapped.
    let last = (titles.len() - 1) as u16;
    let width: f64 = titles.iter().map(|(_, w)| w).sum();
    let paragraph = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let paragraph_row = |guide: &mut Worksheet, r: u32, text: &str| -> Result<(), XlsxError> {
        guide.merge_range(r, 0, r, last, text, &paragraph)?;
        guide.set_row_height(r, print::row_height([(text, width)]))?;
        Ok(())
    };
    paragraph_row(
        guide,
        1,
        &tr!(
            lang,
            "form-guide-made",
            sheet = FORM_SHEET,
            unit = UNIT_HEADER
        ),
    )?;
    paragraph_row(guide, 2, &tr!(lang, "form-guide-accepts"))?;
    let mut rows: Vec<[String; 7]> = vec![[
        "A".into(),
        UNIT_HEADER.into(),
        String::new(),
        String::new(),
        tr!(lang, "form-unit-short"),
        tr!(lang, "form-unit-about"),
        String::new(),
    ]];
    for (i, column) in layout.columns.iter().enumerate() {
        let (what, about) = explanation(rubric, column, lang);
        rows.push([
            columns::column_letters(i + 1),
            column.header.clone(),
            section_of(column.item),
            item_heading(column.item, lang),
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
        guide.set_row_height(
            r,
            print::row_height(row.iter().zip(&titles).map(|(v, (_, w))| (v.as_str(), *w))),
        )?;
    }
    // Each `periods` fact's sheet, said in a line below the table.
    let mut r = rows.len() as u32 + 5;
    for (item, fact) in &layout.sheets {
        if let FactType::Periods { from, to } = &fact.ty.node {
            paragraph_row(
                guide,
                r,
                &tr!(
                    lang,
                    "form-guide-periods",
                    fact = columns::header(item, fact),
                    sheet = layout.sheet_name(fact),
                    unit = UNIT_HEADER,
                    form = FORM_SHEET,
                    from = &from.node,
                    to = &to.node
                ),
            )?;
            r += 1;
        }
    }
    guide.set_freeze_panes(4, 2)?;
    // Printed: A4 landscape, one page wide, the table's header on every page.
    print::a4_landscape(guide, 3, 3, lang)?;
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
