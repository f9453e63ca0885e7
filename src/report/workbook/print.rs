//! How the workbooks kaohe writes print: A4 landscape, one page wide, the header rows
//! repeated on every page; and the height of a row of wrapped text, estimated from its
//! width in characters (a CJK character takes two columns, as `unicode-width` counts
//! them), so that no row's text is cut or runs over the next when printed.
//!
//! Excel and LibreOffice do not grow a row to its wrapped text when a file sets no
//! height (they do it only when the text is typed in), so every row of wrapped text is
//! given its height here.

use rust_xlsxwriter::{Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::locale::Lang;
use crate::tr;

/// A4 in Excel's list of paper sizes.
pub(crate) const PAPER_A4: u8 = 9;

/// The height of one line of 10.5- or 11-point text, in points, with its leading.
const LINE: f64 = 14.5;

/// Sets a sheet up for A4 landscape, fitted to one page wide (as many pages tall as it
/// takes), with rows `first..=last` printed at the top of every page.
pub(crate) fn a4_landscape(
    ws: &mut Worksheet,
    first: u32,
    last: u32,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_paper_size(PAPER_A4);
    page_footer(ws, lang);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(first, last)?;
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    Ok(())
}

/// The page number at the foot of every printed page: `第 1 页 共 3 页`.
pub(crate) fn page_footer(ws: &mut Worksheet, lang: Lang) {
    ws.set_footer(tr!(lang, "xlsx-page-footer"));
}

/// The width of an A4 landscape page inside the margins [`a4_landscape`] and
/// [`form_pages`] set: 11.69 in less 2 × 0.5 in.
const PAGE_INCHES: f64 = 11.69 - 1.0;

/// The printed width of a column one character wide, at the scale of 100%. Excel draws
/// a character of its default font 7 pixels wide (0.073 in); LibreOffice prints the
/// same column wider, about 0.101 in a character (a 16-character column of the county
/// form measures 1.62 in on its PDF). The wider is taken, so that the pages planned
/// here hold in both, and neither adds breaks of its own inside an item.
const INCHES_PER_CHARACTER: f64 = 0.102;

/// The scale a form prints at, in percent: its text stays above 9 points, and a page
/// holds six columns of 16 characters beside the unit's.
const FORM_SCALE: u16 = 85;

/// The printed width of a column `width` characters wide, at [`FORM_SCALE`].
fn column_inches(width: f64) -> f64 {
    width * INCHES_PER_CHARACTER * f64::from(FORM_SCALE) / 100.0
}

/// Sets a form up to print near its full size ([`FORM_SCALE`]) on A4 landscape, for filling in by hand or
/// checking on paper: the header rows `0..header_rows` and the first `kept` columns
/// (the unit's name) repeated on every page, gridlines printed, the page number at the
/// foot. A form too wide for one page is not shrunk to fit (its cells would be too small
/// to read or write in) but broken across pages between groups of columns, not inside
/// one that fits on a page: `groups` are the first and last column of each group (an item's facts), and
/// each page holds as many whole groups as fit in the width left by the kept columns; a
/// group wider than that fills the rest of the page it starts on and is broken every
/// page's width. Pages are printed across, then down, so the pages of the same units
/// follow each other.
pub(crate) fn form_pages(
    ws: &mut Worksheet,
    header_rows: u32,
    kept: &[f64],
    groups: &[(u16, u16, f64)],
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_paper_size(PAPER_A4);
    ws.set_landscape();
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(0, header_rows.saturating_sub(1))?;
    if !kept.is_empty() {
        ws.set_repeat_columns(0, (kept.len() - 1) as u16)?;
    }
    ws.set_print_gridlines(true);
    ws.set_print_scale(FORM_SCALE);
    ws.set_page_order(false);
    page_footer(ws, lang);
    ws.set_vertical_page_breaks(&column_breaks(kept, groups))?;
    Ok(())
}

/// The columns a new page starts at, for [`form_pages`]: each group `(first, last,
/// width of each of its columns)` kept whole on a page when it fits.
fn column_breaks(kept: &[f64], groups: &[(u16, u16, f64)]) -> Vec<u32> {
    let room = PAGE_INCHES - kept.iter().map(|w| column_inches(*w)).sum::<f64>();
    let mut breaks = Vec::new();
    let mut used = 0.0;
    for &(first, last, width) in groups {
        let column = column_inches(width);
        let whole = column * f64::from(last - first + 1);
        // A group that fits on a page starts a page rather than be cut; one wider than a
        // page is cut anyway, so it fills the rest of the page it starts on.
        if used > 0.0 && used + whole > room && whole <= room {
            breaks.push(u32::from(first));
            used = 0.0;
        }
        for c in first..=last {
            if used > 0.0 && used + column > room {
                breaks.push(u32::from(c));
                used = 0.0;
            }
            used += column;
        }
    }
    breaks
}

/// The lines `text` takes when wrapped in a column `width` characters wide (Excel's
/// unit: the width of a digit), each of its own lines at least one.
pub(crate) fn lines(text: &str, width: f64) -> usize {
    // A cell's padding takes about one character.
    let usable = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|line| ((line.width() as f64 / usable).ceil() as usize).max(1))
        .sum()
}

/// The height in points of a row whose tallest cell has `lines` lines.
pub(crate) fn height(lines: usize) -> f64 {
    lines.max(1) as f64 * LINE + 4.0
}

/// The height of a row of `cells`, each a text and the width of its column.
pub(crate) fn row_height<'a>(cells: impl IntoIterator<Item = (&'a str, f64)>) -> f64 {
    height(
        cells
            .into_iter()
            .map(|(text, width)| lines(text, width))
            .max()
            .unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_cjk_as_two_columns() {
        assert_eq!(lines("", 10.0), 1);
        assert_eq!(lines("abc", 10.0), 1);
        // Nine columns fit a column ten wide: four CJK characters a line.
        assert_eq!(lines("政务公开工作要点", 10.0), 2);
        assert_eq!(lines("政务公开\n工作要点", 10.0), 2);
        assert_eq!(lines("政务公开工作要点考核", 10.0), 3);
        assert!(height(3) > height(1));
    }

    #[test]
    fn a_wide_form_breaks_between_items() {
        // Beside a unit column 16 wide, a page holds six columns 16 wide.
        let kept = [16.0];
        assert_eq!(((PAGE_INCHES / column_inches(16.0)) as usize) - 1, 6);
        // Items of 3, 2, 2 and 9 columns from column 1 (B).
        let groups = [(1, 3, 16.0), (4, 5, 16.0), (6, 7, 16.0), (8, 16, 16.0)];
        // 3 + 2 fit; the next 2 would make 7: a page from column 6 (G). The 9-column
        // item, wider than any page, fills that page's last four columns (8 to 11) and
        // goes on at 12 (M).
        assert_eq!(column_breaks(&kept, &groups), vec![6, 12]);
        // A narrow form is one page wide.
        assert_eq!(column_breaks(&kept, &[(1, 3, 16.0)]), Vec::<u32>::new());
    }
}
