//! Syntax: a `.rule` source text → the AST of [`ast`], with byte spans.
//!
//! The stage runs in three steps: a scan that bounds the nesting depth (so neither pest
//! nor our own recursion can overflow the stack), the pest parse, and the build of the
//! AST from pest's pairs. A failed parse gives one diagnostic in plain words; the build
//! reports every bad date or number it meets.

pub mod ast;
mod build;
mod depth;

pub use depth::check as depth_check;
mod error;
mod parser;

pub use parser::Rule;

use pest::Parser as _;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// The deepest nesting of brackets and braces a rule file may have. The 2020 tables
/// need 3; deeper tables (三级指标 and below) a few more.
pub const MAX_DEPTH: usize = 64;

/// Parses a rule file into its AST, or gives the diagnostics that stopped it.
pub fn parse(source: &SourceFile) -> Result<ast::File, Vec<Diagnostic>> {
    let text = source.text();
    if let Some(diagnostic) = depth::check(text, MAX_DEPTH) {
        return Err(vec![diagnostic.with_source(source)]);
    }
    let pairs = match parser::RuleParser::parse(Rule::file, text) {
        Ok(pairs) => pairs,
        Err(e) => return Err(vec![error::from_pest(text, &e).with_source(source)]),
    };
    let (file, diagnostics) = build::file(pairs);
    if diagnostics.is_empty() {
        Ok(file)
    } else {
        Err(diagnostics
            .into_iter()
            .map(|d| d.with_source(source))
            .collect())
    }
}
