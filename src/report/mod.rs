//! Reports: score sheets → a ranking table, JSON, Markdown, CSV or XLSX, or an
//! explanation of every point lost; summaries kept in a [`RankingStore`] → the ranking
//! CSV, written as it is made; a checked rubric → its outline, or an empty
//! evidence form (`kaohe template`).

mod decimals;
mod explain;
mod json;
mod markdown;
mod outline;
mod ranking;
mod ranking_store;
mod rows;
mod table;
mod template;
mod template_sheet;
mod workbook;

pub use explain::{explain, trace_steps};
pub use json::json;
pub use markdown::markdown;
pub use outline::outline;
pub use ranking::{ranking_csv, write_ranking_csv};
pub use ranking_store::RankingStore;
pub use table::table;
pub use template::{template, template_csv, template_toml, TemplateFormat};
pub use template_sheet::{template_xlsx, FORM_SHEET, GUIDE_SHEET};
pub use workbook::{xlsx, RANKING_SHEET};

use rust_decimal::Decimal;

/// The output formats of `kaohe eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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
}

/// A decimal as people write scores: no trailing zeros.
pub fn number(d: Decimal) -> String {
    d.normalize().to_string()
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
