//! kaohe (考核): a rule language and interpreter for government assessment rubrics.
//!
//! The pipeline, one module per stage (docs/architecture.md has the table and the
//! layers: a module uses only the modules of the layers below its own):
//! source text → [`syntax`] (AST with byte spans) → [`check`] (a checked [`check::Rubric`],
//! the syntax lowered into the [`model`], and its diagnostics) → [`eval`] with [`evidence`] (a score sheet with a trace) →
//! [`report`] (table, JSON, explanations). Files are read as text and as trees with
//! spans by [`input`]; [`app`] does what the `kaohe` commands do, printing nothing.

pub mod app;
pub mod calendar;
pub mod cases;
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod evidence;
pub mod formatter;
pub mod input;
pub mod locale;
pub mod lsp;
pub mod model;
pub mod render;
pub mod report;
pub mod safe;
pub mod source;
pub mod span;
pub mod spill;
pub mod syntax;
