//! Syntax: a `.rule` source text → the AST of [`ast`], with byte spans.
//!
//! The stage runs in three steps: a scan that bounds the nesting depth (so neither pest
//! nor our own recursion can overflow the stack), the pest parse, and the build of the
//! AST from pest's pairs. A failed parse gives one diagnostic in plain words; the build
//! reports every bad date or number it meets. Each problem is a [`SyntaxError`] kind,
//! made into its [`Diagnostic`] in one place ([`problem`]).

mod arith;
pub mod ast;
mod build;
mod depth;

pub use build::dedent;
pub use error::{fullwidth_twin, keyword_word};
mod error;
mod parser;
mod problem;

pub use parser::{Rule, RuleParser};
pub use problem::{Found, SyntaxError};

use pest::Parser as _;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// The deepest nesting of brackets and braces a rule file may have. The 2020 tables
/// need 3; deeper tables (三级指标 and below) a few more.
pub const MAX_DEPTH: usize = 64;

/// How many syntax errors one run reports at most.
pub const MAX_SYNTAX_ERRORS: usize = 20;

/// Parses a rule file into its AST, or gives the diagnostics that stopped it.
///
/// After a parse error, the line it is on is blanked (with spaces, so every byte offset
/// stays where it was) and the file parsed again, to report the next error too — as
/// long as that line opens or closes no block and each error lies further on than the
/// last. A line with a brace is not blanked: the errors after it would be echoes.
pub fn parse(source: &SourceFile) -> Result<ast::File, Vec<Diagnostic>> {
    parse_text(source.text()).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| Diagnostic::from(p).with_source(source))
            .collect()
    })
}

/// The syntax problems of a rule file's text, as kinds, in the order [`parse`]
/// reports them: none when it parses.
pub fn problems(text: &str) -> Vec<SyntaxError> {
    parse_text(text).err().unwrap_or_default()
}

/// Scans, parses and builds a text: its AST, or the problems that stopped it.
fn parse_text(text: &str) -> Result<ast::File, Vec<SyntaxError>> {
    if let Some(problem) = depth::check(text, MAX_DEPTH) {
        return Err(vec![problem]);
    }
    let pairs = match parser::RuleParser::parse(Rule::file, text) {
        Ok(pairs) => pairs,
        Err(e) => return Err(recover(text, e)),
    };
    let (file, problems) = build::file(pairs);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
}

/// The first bracket nested deeper than `max`, as a diagnostic.
pub fn depth_check(text: &str, max: usize) -> Option<Diagnostic> {
    depth::check(text, max).map(Diagnostic::from)
}

/// Every syntax error that blanking one line at a time can reach.
fn recover(text: &str, first: pest::error::Error<Rule>) -> Vec<SyntaxError> {
    let mut errors = vec![error::from_pest(text, &first)];
    let mut scratch = text.to_string();
    let mut last = errors[0].offset();
    while errors.len() < MAX_SYNTAX_ERRORS {
        let line_start = scratch[..last].rfind('\n').map_or(0, |i| i + 1);
        let line_end = scratch[last..]
            .find('\n')
            .map_or(scratch.len(), |i| last + i);
        let line = &scratch[line_start..line_end];
        if line.contains(['{', '}']) || line.contains("\"\"\"") || line.trim().is_empty() {
            break;
        }
        // A character of n bytes becomes n spaces, so every offset stays where it was.
        let blank: String = line
            .chars()
            .map(|c| {
                if c == '\r' {
                    "\r".to_string()
                } else {
                    " ".repeat(c.len_utf8())
                }
            })
            .collect();
        scratch.replace_range(line_start..line_end, &blank);
        match parser::RuleParser::parse(Rule::file, &scratch) {
            Ok(_) => break,
            Err(e) => {
                let d = error::from_pest(&scratch, &e);
                if d.offset() <= line_end {
                    break;
                }
                last = d.offset();
                errors.push(d);
            }
        }
    }
    errors
}
