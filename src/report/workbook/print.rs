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

/// A4 in Excel's list of paper sizes.
pub(crate) const PAPER_A4: u8 = 9;

/// The height of one line of 10.5- or 11-point text, in points, with its leading.
const LINE: f64 = 14.5;

/// Sets a sheet up for A4 landscape, fitted to one page wide (as many pages tall as it
/// takes), with rows `first..=last` printed at the top of every page.
pub(crate) fn a4_landscape(ws: &mut Worksheet, first: u32, last: u32) -> Result<(), XlsxError> {
    ws.set_paper_size(PAPER_A4);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(first, last)?;
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    Ok(())
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
}
