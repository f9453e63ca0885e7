//! The formats the commands' `--format` names, as clap reads them, each turned into
//! the library's own: the library does not depend on clap. Their documentation is
//! the help `--help` prints for each value.

use kaohe::{locale, render, report};

/// The output formats of `kaohe eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
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

impl From<EvalFormat> for report::Format {
    fn from(f: EvalFormat) -> Self {
        match f {
            EvalFormat::Table => report::Format::Table,
            EvalFormat::Json => report::Format::Json,
            EvalFormat::Md => report::Format::Md,
            EvalFormat::Csv => report::Format::Csv,
            EvalFormat::Xlsx => report::Format::Xlsx,
            EvalFormat::Html => report::Format::Html,
        }
    }
}

/// The formats `kaohe template` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateFormat {
    /// One TOML file per unit, every fact described in comments.
    Toml,
    /// One row per unit: the header of a CSV file.
    Csv,
    /// One row per unit: an XLSX workbook with notes and drop-down lists.
    Xlsx,
}

impl From<TemplateFormat> for report::TemplateFormat {
    fn from(f: TemplateFormat) -> Self {
        match f {
            TemplateFormat::Toml => report::TemplateFormat::Toml,
            TemplateFormat::Csv => report::TemplateFormat::Csv,
            TemplateFormat::Xlsx => report::TemplateFormat::Xlsx,
        }
    }
}

/// The formats of `kaohe render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderFormat {
    /// A Markdown table; a first-level cell is written on the first of its rows only.
    Md,
    /// A self-contained HTML page, printable on A4, first-level cells spanning rows.
    Html,
    /// An XLSX workbook with merged cells and wrapped text, set up for A4.
    Xlsx,
}

impl From<RenderFormat> for render::Format {
    fn from(f: RenderFormat) -> Self {
        match f {
            RenderFormat::Md => render::Format::Md,
            RenderFormat::Html => render::Format::Html,
            RenderFormat::Xlsx => render::Format::Xlsx,
        }
    }
}

/// The languages of `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// 简体中文.
    Zh,
    /// English.
    En,
}

impl From<LangArg> for locale::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => locale::Lang::Zh,
            LangArg::En => locale::Lang::En,
        }
    }
}
