//! Reports: score sheets → a ranking table, JSON, Markdown, CSV, XLSX or HTML, or an
//! explanation of every point lost; summaries kept in a [`RankingStore`] → the ranking
//! CSV, written as it is made; a checked rubric → its outline, or an empty
//! evidence form (`kaohe template`).

mod capped;
mod decimals;
mod explain;
pub(crate) mod html;
mod json;
mod markdown;
mod narrative;
mod outline;
mod ranking;
mod ranking_sort;
mod ranking_store;
mod rows;
mod spooled;

mod table;
mod template;
mod template_sheet;
pub(crate) mod workbook;

pub use capped::{Capped, Weight, MAX_SHEETS, MAX_SUMMARIES};
pub use explain::{explain, explain_in, trace_steps};
pub use html::{html, MAX_CHART_UNITS};
pub use json::{json, json_in};
pub use markdown::{markdown, markdown_in, markdown_sheet};
pub use narrative::Narrator;
pub use outline::outline;
pub use ranking::{ranking_csv, write_ranking_csv, write_sorted_ranking_csv};
pub use ranking_sort::{RankedUnit, RankingSort, DEFAULT_BUDGET as RANKING_BUDGET};
pub use ranking_store::RankingStore;
pub use spooled::{json_part, Spooled};
pub use table::{table, table_fitted};
pub use template::{
    template, template_csv, template_in, template_toml, template_toml_in, TemplateFormat,
};
pub use template_sheet::{template_xlsx, template_xlsx_in, FORM_SHEET, GUIDE_SHEET};
pub use workbook::{xlsx, CHART_SHEET, DETAIL_SHEET, MAX_UNIT_SHEETS, RANKING_SHEET};

use rust_decimal::Decimal;

/// The output formats of `kaohe eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A ranking of the units with each first-level subtotal.
    Table,
    /// Every unit's whole score sheet with its trace.
    Json,
    /// Each unit's score sheet as a Markdown table laid out like the official one.
    Md,
    /// The ranking as CSV: rank, unit, total, each first-level subtotal.
    Csv,
    /// A workbook: the ranking, and each unit's score sheet laid out like the official one (needs `--output`).
    Xlsx,
    /// One self-contained page for the screen and A4: the ranking, charts, and each unit's score sheet.
    Html,
}

/// A change of score, its sign always written: `+2`, `-1.5`, `0`.
pub fn signed(d: Decimal) -> String {
    let d = d.normalize();
    if d > Decimal::ZERO {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

/// A part's points as a report prints them: the number, or 不设上限 (`no cap`) for a
/// bonus or penalty part written `none`, whose points are 0.
pub fn points_text(points: Decimal, uncapped: bool, lang: crate::locale::Lang) -> String {
    if uncapped {
        crate::tr!(lang, "report-no-cap")
    } else {
        number(points)
    }
}

/// A decimal as people write scores: no trailing zeros.
pub fn number(d: Decimal) -> String {
    let mut out = String::new();
    push_number(&mut out, d);
    out
}

/// [`number`] written onto the end of `out`: the digits of the decimal's mantissa
/// with its point put in, as `Decimal`'s `Display` writes them once normalised
/// (the tests compare the two), without the formatting machinery, which took a tenth
/// of writing a large ranking.
pub fn push_number(out: &mut String, d: Decimal) {
    let d = d.normalize();
    let scale = d.scale() as usize;
    let mut buffer = [0u8; 40];
    let digits = decimal_digits(d.mantissa().unsigned_abs(), &mut buffer);
    if d.is_sign_negative() {
        out.push('-');
    }
    let push = |out: &mut String, digits: &[u8]| out.extend(digits.iter().map(|&b| char::from(b)));
    if scale == 0 {
        push(out, digits);
    } else if digits.len() > scale {
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        push(out, whole);
        out.push('.');
        push(out, fraction);
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', scale - digits.len()));
        push(out, digits);
    }
}

/// The decimal digits of `n` (at most 39), written at the end of `buffer`.
fn decimal_digits(n: u128, buffer: &mut [u8; 40]) -> &[u8] {
    let mut at = buffer.len();
    // Most scores fit a machine word, whose division is quick.
    match u64::try_from(n) {
        Ok(mut n) => loop {
            at -= 1;
            buffer[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        },
        Err(_) => {
            let mut n = n;
            loop {
                at -= 1;
                buffer[at] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
        }
    }
    &buffer[at..]
}

/// Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4), and ties
/// keep the order of the input, so the order is stable.
pub fn ranks(scores: &[Decimal]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|a, b| scores[*b].cmp(&scores[*a]));
    let mut out = Vec::with_capacity(order.len());
    for (pos, &i) in order.iter().enumerate() {
        let rank = match out.last() {
            Some(&(prev_rank, prev)) if scores[prev] == scores[i] => prev_rank,
            _ => pos + 1,
        };
        out.push((rank, i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `number` wrote before it wrote the digits itself: the definition.
    fn displayed(d: Decimal) -> String {
        d.normalize().to_string()
    }

    #[test]
    fn numbers_are_written_as_decimal_displays_them() {
        let mut values = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::new(-0, 3),
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(5, 1),
            Decimal::new(-5, 1),
            Decimal::new(50, 2),
            Decimal::new(7927, 2),
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
            Decimal::new(100, 0),
            Decimal::from(u64::MAX),
            Decimal::from(u64::MAX) + Decimal::ONE,
        ];
        // Mantissas across the 96 bits, each at every scale, both signs.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for bits in [4, 20, 40, 63, 64, 65, 80, 96] {
            for _ in 0..40 {
                let wide = (u128::from(next()) << 64 | u128::from(next())) >> (128 - bits);
                let lo = wide as u32;
                let mid = (wide >> 32) as u32;
                let hi = (wide >> 64) as u32;
                for scale in [0, 1, 2, 5, 9, 18, 27, 28] {
                    for negative in [false, true] {
                        values.push(Decimal::from_parts(lo, mid, hi, negative, scale));
                    }
                }
            }
        }
        for d in values {
            assert_eq!(number(d), displayed(d), "{d:?}");
            let mut out = "排名 ".to_string();
            push_number(&mut out, d);
            assert_eq!(out, format!("排名 {}", displayed(d)));
        }
    }
}
