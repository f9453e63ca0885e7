//! Draft tables: `draft` in the header, or `kaohe check --draft`.
//!
//! A table being typed from a notice rarely adds up until its last row is in. A draft
//! is checked as any table, but the sums that do not add up yet
//! (`kaohe::points::sum`) are warnings rather than errors, so that every other mistake
//! is found while typing, and the table can be rendered (marked 草稿) to be compared
//! with the notice. A file that says `draft` is told so by a warning of its own
//! (`kaohe::rubric::draft`), so that a draft never passes `--deny-warnings`, and
//! `eval` refuses to score it unless told (`--draft`).

use super::problem::CheckError;
use crate::diagnostic::{codes, msg, Diagnostic, Severity};
use crate::span::Span;

/// Turns the sums of a draft into warnings, each saying why, and adds the warning of
/// the `draft` line, when the file has one (`at`).
pub fn relax(diagnostics: &mut Vec<Diagnostic>, at: Option<Span>) {
    for d in diagnostics.iter_mut() {
        if d.code == codes::POINTS_SUM && d.severity == Severity::Error {
            d.severity = Severity::Warning;
            let help = d.help.take().unwrap_or_default();
            d.help = Some(msg!("check-draft-sum", help = help));
        }
    }
    if let Some(at) = at {
        diagnostics.push(CheckError::Draft { span: at }.into());
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{codes, Severity};

    const HALF_TYPED: &str = "rubric t\ntotal 10\nsection 甲 6 {\n  item 乙 4 {\n    \
                              fact 丙 bool\n    if 丙 -4\n  }\n}\n";

    fn codes_of(text: &str, draft: bool) -> Vec<(&'static str, Severity)> {
        let source = crate::source::SourceFile::new("t.rule", text);
        crate::check::compile_as(&source, draft)
            .diagnostics
            .iter()
            .map(|d| (d.code, d.severity))
            .collect()
    }

    #[test]
    fn the_sums_of_a_draft_are_warnings() {
        let sums = |s| vec![(codes::POINTS_SUM, s), (codes::POINTS_SUM, s)];
        assert_eq!(codes_of(HALF_TYPED, false), sums(Severity::Error));
        assert_eq!(codes_of(HALF_TYPED, true), sums(Severity::Warning));
        let in_file = format!("draft\n{HALF_TYPED}");
        let mut expected = sums(Severity::Warning);
        expected.insert(0, (codes::DRAFT, Severity::Warning));
        assert_eq!(codes_of(&in_file, false), expected);
    }

    #[test]
    fn a_draft_rubric_is_marked_as_one() {
        let source = crate::source::SourceFile::new("t.rule", HALF_TYPED);
        let rubric = crate::check::compile_as(&source, true)
            .rubric
            .expect("a rubric");
        assert!(rubric.draft);
        let rubric = crate::check::compile(&crate::source::SourceFile::new(
            "t.rule",
            "rubric t\ntotal 4\nitem 乙 4 {\n  fact 丙 bool\n  if 丙 -4\n}\n",
        ))
        .rubric
        .expect("a rubric");
        assert!(!rubric.draft);
    }
}
