//! The format an `--output` file's extension chooses: `report.xlsx` is a workbook
//! without `--format xlsx`. An explicit `--format` that contradicts the extension, or
//! an extension kaohe writes no file of (`.pdf`, `.docx`), is refused before anything
//! is read, instead of writing text into a file that claims to be a document.

use std::path::Path;

use kaohe::diagnostic::{codes, Diagnostic};

use super::{print_diagnostics, Failed, MessageFormat};

/// Extensions of documents kaohe writes none of, whatever `--format` says.
const NOT_WRITTEN: [&str; 16] = [
    "pdf", "doc", "docx", "wps", "odt", "rtf", "xls", "et", "ods", "ppt", "pptx", "png", "jpg",
    "jpeg", "svg", "zip",
];

/// The format of a command's output: the one `--format` names, or the one the
/// output's extension names in `by_extension`, or else `default`. `name` gives the
/// name `--format` knows a format by. Refused (the diagnostic printed): a `--format`
/// the extension contradicts, and an extension of a document kaohe does not write,
/// or one `unavailable` lists (a format of another command, such as `html`).
pub fn chosen<F: Copy + PartialEq>(
    explicit: Option<F>,
    output: Option<&Path>,
    by_extension: &[(&str, F)],
    default: F,
    name: impl Fn(F) -> &'static str,
    message_format: MessageFormat,
) -> Result<F, Failed> {
    let refuse = |d: Diagnostic| {
        print_diagnostics(&[d], message_format);
        Failed
    };
    let Some(path) = output else {
        return Ok(explicit.unwrap_or(default));
    };
    let Some(extension) = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    else {
        return Ok(explicit.unwrap_or(default));
    };
    let shown = path.display();
    let written: Vec<String> = by_extension
        .iter()
        .map(|(e, _)| format!("`.{e}`"))
        .collect();
    let by_ext = by_extension
        .iter()
        .find(|(e, _)| *e == extension)
        .map(|&(_, f)| f);
    match (by_ext, explicit) {
        (Some(f), Some(given)) if f != given => Err(refuse(
            Diagnostic::error(
                codes::OUTPUT_FORMAT,
                format!(
                    "`--format {}` contradicts the output file `{shown}`, a `.{extension}` file",
                    name(given)
                ),
            )
            .help(format!(
                "leave out `--format` (the extension `.{extension}` chooses `{}`), or name the output file with the extension of `{}`",
                name(f),
                name(given)
            )),
        )),
        (Some(f), _) => Ok(f),
        (None, _) if NOT_WRITTEN.contains(&extension.as_str()) || extension == "html" || extension == "htm" => {
            Err(refuse(
                Diagnostic::error(
                    codes::OUTPUT_FORMAT,
                    format!("kaohe writes no `.{extension}` file here: `{shown}`"),
                )
                .help(format!(
                    "name the output file with one of {} (the extension chooses the format); to make a PDF, open the `.xlsx` in Excel or WPS and print it to PDF",
                    written.join(", ")
                )),
            ))
        }
        (None, given) => Ok(given.unwrap_or(default)),
    }
}
