//! `--draft` on the commands that score: a draft table (`draft` in the rule file) is
//! refused unless the run says `--draft`, so that the scores of an unfinished table
//! are never published by mistake; with `--draft`, it is scored with a warning, and
//! any rule file is checked as a draft (its sums as warnings).

use std::path::Path;

use kaohe::check::Rubric;
use kaohe::diagnostic::{codes, Diagnostic};

use super::{compile_denying_as, print_diagnostics, Failed, MessageFormat};

/// Compiles a rule file for scoring: as [`super::compile_denying`], then refuses a
/// draft unless `draft` (`--draft`) is given, which also checks the file as a draft.
pub fn compile_for_scoring(
    path: &Path,
    calendar: Option<&Path>,
    format: MessageFormat,
    deny_warnings: bool,
    draft: bool,
) -> Result<Rubric, Failed> {
    let rubric = compile_denying_as(path, calendar, format, deny_warnings, draft)?;
    if !rubric.draft {
        return Ok(rubric);
    }
    let file = path.display().to_string();
    if draft {
        let warning = Diagnostic::warning(codes::DRAFT, kaohe::msg!("check-draft-scored"));
        print_diagnostics(&[warning], format);
        return Ok(rubric);
    }
    let error = Diagnostic::error(
        codes::DRAFT,
        kaohe::msg!("check-draft-refused", file = file),
    )
    .help(kaohe::msg!("check-draft-refused".help));
    print_diagnostics(&[error], format);
    Err(Failed)
}
