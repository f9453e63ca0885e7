//! A linear scan that bounds the nesting of `(`, `[` and `{` before pest runs.
//!
//! pest recurses once per nested bracket and so does the AST builder; a file of ten
//! thousand `(` would overflow the stack. Strings and comments are skipped, as the
//! grammar skips them.

use super::problem::SyntaxError;
use crate::span::Span;

pub fn check(text: &str, max: usize) -> Option<SyntaxError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i += 3;
                while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                    i += 1;
                }
                i += 2;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(SyntaxError::TooDeep {
                        span: Span::new(i, i + 1),
                        max,
                    });
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}
