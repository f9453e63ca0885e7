//! The problems of reading a file, as kinds carrying their data.
//!
//! Each refusal of a file (not a regular file, too large, unreadable), of its
//! encoding, or of its TOML, JSON or YAML syntax is a variant of [`InputError`]; the
//! one `From<InputError> for Diagnostic` below gives each kind its code, message,
//! labels and help, worded in the run's language. The parsers' own reasons travel as
//! they give them.

use super::encoding::{converted, save_csv, Encoding};
use super::raw::Format;
use crate::diagnostic::msg;
use crate::diagnostic::{codes, io_reason, Diagnostic};
use crate::source::SourceFile;
use crate::span::{Span, Spanned};

/// An I/O error as a message gives its reason: its kind, and its own text lowercased
/// for the kinds said in its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoProblem {
    pub kind: std::io::ErrorKind,
    pub text: String,
}

impl IoProblem {
    pub fn of(e: &std::io::Error) -> IoProblem {
        IoProblem {
            kind: e.kind(),
            text: e.to_string(),
        }
    }

    /// The reason in the run's language.
    pub(crate) fn reason(&self) -> String {
        io_reason(
            &std::io::Error::new(self.kind, self.text.clone()),
            &msg!("io-not-found"),
        )
    }
}

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRegular {
    Folder,
    Pipe,
    Device,
    Socket,
    Other,
}

/// What the bytes of a file that is not text look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binary {
    Zip,
    Xls,
    Pdf,
    Png,
    /// Any other NUL byte.
    Nul,
}

/// How a refusal of an encoding says to save the file again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resave {
    /// As UTF-8 text: a rule file, a calendar, TOML, JSON or YAML evidence.
    Text,
    /// As CSV UTF-8 from Excel or WPS.
    Csv,
    /// As UTF-8, the file looking like GBK.
    FromGbk,
}

/// A problem of reading a file.
#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    /// The file cannot be opened or read.
    CannotRead { path: String, io: IoProblem },
    /// The path is not a regular file.
    NotAFile { path: String, what: NotRegular },
    /// The file holds more than `limit` bytes.
    TooLarge { path: String, limit: u64 },
    /// UTF-16 text, with or without its byte-order mark.
    Utf16 {
        name: String,
        bom: bool,
        resave: Resave,
    },
    /// A binary file.
    Binary {
        name: String,
        what: Binary,
        resave: Resave,
    },
    /// A file not UTF-8 that reads as GBK, first at `line`.
    LooksGbk { name: String, line: usize },
    /// A file not valid UTF-8 at `line`.
    NotUtf8 {
        name: String,
        line: usize,
        resave: Resave,
    },
    /// `--encoding gbk` for a file with a UTF-8 byte-order mark.
    BomNotGbk { name: String },
    /// `--encoding gbk` for a file that reads as UTF-8.
    Utf8NotGbk { name: String },
    /// `--encoding gbk` for a file not valid GB18030 at `line`.
    NotGbk { name: String, line: usize },
    /// A file read as GB18030 by detection, not valid GB18030 further on at `line`.
    NotGbkDetected { name: String, line: usize },
    /// A file not UTF-8 whose GB18030 reading holds no header of the rubric.
    Unknown { name: String, line: usize },
    /// A file neither UTF-8 nor GB18030.
    Neither { name: String, line: usize },
    /// The warning that a CSV file was read in a detected encoding.
    Detected { name: String, encoding: Encoding },
    /// A spreadsheet where a file of one unit was expected.
    SpreadsheetOneUnit { name: String },
    /// A TOML, JSON or YAML file its parser refuses, with the parser's reason.
    Syntax {
        format: Format,
        span: Span,
        reason: String,
    },
    /// A comment in a JSON file.
    JsonComment { span: Span },
    /// A JSON file with no value.
    JsonEmpty,
    /// A key given twice in a JSON object, at its second place.
    JsonTwice { key: Spanned<String> },
    /// A YAML anchor's alias.
    YamlAlias { span: Span },
    /// A YAML file with no document.
    YamlEmpty,
    /// A YAML file of several documents, the second at `at`.
    YamlDocuments { at: usize },
    /// A YAML value its parser cannot read.
    YamlValue { span: Span },
    /// Evidence nested deeper than `max`.
    TooDeep { span: Span, max: usize },
}

/// A parser's message as a reason: its first line, lowercase, without a final period.
pub fn reason_of(message: &str) -> String {
    let first = message
        .lines()
        .next()
        .unwrap_or(message)
        .trim()
        .trim_end_matches('.');
    // A sentence's capital is lowered; an abbreviation's (`EOF`, `JSON`) is kept.
    let mut lower = first.to_string();
    let abbreviation = lower.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase());
    if let Some(c) = lower.get(0..1).filter(|_| !abbreviation) {
        lower.replace_range(0..1, &c.to_lowercase());
    }
    lower
}

/// A refusal of a file's encoding: no snippet of the file (it would be mojibake), but
/// the file's name, so that `--message-format json` names it.
fn refusal(name: &str, message: String, help: String) -> Diagnostic {
    Diagnostic::error(codes::ENCODING, message)
        .help(help)
        .with_source(&SourceFile::new(name, String::new()))
}

fn resave(how: Resave) -> String {
    match how {
        Resave::Text => msg!("encoding-save"),
        Resave::Csv => save_csv(),
        Resave::FromGbk => msg!("encoding-not-utf8".gbk),
    }
}

/// A refusal of TOML, JSON or YAML syntax.
fn syntax(format: Format, span: Span, reason: String) -> Diagnostic {
    let (name, help) = match format {
        Format::Toml => ("TOML", msg!("input-syntax".toml)),
        Format::Yaml => ("YAML", msg!("input-syntax".yaml)),
        _ => ("JSON", msg!("input-syntax".help)),
    };
    Diagnostic::error(
        codes::EVIDENCE_SYNTAX,
        msg!("input-syntax", format = name, reason = reason),
    )
    .primary(span, msg!("input-here"))
    .help(help)
}

impl From<InputError> for Diagnostic {
    fn from(problem: InputError) -> Diagnostic {
        use InputError as E;
        match problem {
            E::CannotRead { path, io } => Diagnostic::error(
                codes::READ,
                msg!("input-cannot-read", path = path, reason = io.reason()),
            )
            .help(msg!("input-cannot-read".help)),
            E::NotAFile { path, what } => {
                let what = match what {
                    NotRegular::Folder => msg!("input-not-a-file".folder),
                    NotRegular::Pipe => msg!("input-not-a-file".pipe),
                    NotRegular::Device => msg!("input-not-a-file".device),
                    NotRegular::Socket => msg!("input-not-a-file".socket),
                    NotRegular::Other => msg!("input-not-a-file".other),
                };
                Diagnostic::error(
                    codes::NOT_A_FILE,
                    msg!("input-not-a-file", path = path, what = what),
                )
                .help(msg!("input-not-a-file".help))
            }
            E::TooLarge { path, limit } => Diagnostic::error(
                codes::TOO_LARGE,
                msg!(
                    "input-too-large",
                    path = path,
                    mib = (limit / (1024 * 1024)).to_string()
                ),
            )
            .help(msg!("input-too-large".help)),
            E::Utf16 {
                name,
                bom,
                resave: how,
            } => refusal(
                &name,
                if bom {
                    msg!("encoding-utf16", name = &name)
                } else {
                    msg!("encoding-utf16".nobom, name = &name)
                },
                resave(how),
            ),
            E::Binary {
                name,
                what,
                resave: how,
            } => {
                let what = match what {
                    Binary::Zip => msg!("encoding-binary".zip),
                    Binary::Xls => msg!("encoding-binary".xls),
                    Binary::Pdf => msg!("encoding-binary".pdf),
                    Binary::Png => msg!("encoding-binary".png),
                    Binary::Nul => msg!("encoding-binary".nul),
                };
                refusal(
                    &name,
                    msg!("encoding-binary", name = &name, what = what),
                    resave(how),
                )
            }
            E::LooksGbk { name, line } => refusal(
                &name,
                msg!("encoding-looks-gbk", name = &name, line = line.to_string()),
                msg!(
                    "encoding-looks-gbk".help,
                    save = msg!("encoding-save"),
                    name = &name,
                    converted = converted(&name)
                ),
            ),
            E::NotUtf8 {
                name,
                line,
                resave: how,
            } => refusal(
                &name,
                msg!("encoding-not-utf8", name = &name, line = line.to_string()),
                resave(how),
            ),
            E::BomNotGbk { name } => refusal(
                &name,
                msg!("encoding-bom-not-gbk", name = &name),
                msg!("encoding-bom-not-gbk".help),
            ),
            E::Utf8NotGbk { name } => refusal(
                &name,
                msg!("encoding-utf8-not-gbk", name = &name),
                msg!("encoding-bom-not-gbk".help),
            ),
            E::NotGbk { name, line } => refusal(
                &name,
                msg!("encoding-not-gbk", name = &name, line = line.to_string()),
                save_csv(),
            ),
            E::NotGbkDetected { name, line } => refusal(
                &name,
                msg!(
                    "encoding-neither".gbk,
                    name = &name,
                    line = line.to_string()
                ),
                save_csv(),
            ),
            E::Unknown { name, line } => refusal(
                &name,
                msg!("encoding-unknown", name = &name, line = line.to_string()),
                msg!("encoding-unknown".help, save = save_csv()),
            ),
            E::Neither { name, line } => refusal(
                &name,
                msg!("encoding-neither", name = &name, line = line.to_string()),
                save_csv(),
            ),
            E::Detected { name, encoding } => Diagnostic::warning(
                codes::ENCODING_DETECTED,
                msg!(
                    "encoding-detected",
                    name = &name,
                    encoding = encoding.name()
                ),
            )
            .help(msg!("encoding-detected".help))
            .with_source(&SourceFile::new(name, String::new())),
            E::SpreadsheetOneUnit { name } => {
                Diagnostic::error(codes::READ, msg!("input-spreadsheet-one-unit", name = name))
                    .help(msg!("input-spreadsheet-one-unit".help))
            }
            E::Syntax {
                format,
                span,
                reason,
            } => syntax(format, span, reason),
            E::JsonComment { span } => {
                syntax(Format::Json, span, reason_of(&msg!("input-json-comment")))
                    .help(msg!("input-json-comment".help))
            }
            E::JsonEmpty => syntax(
                Format::Json,
                Span::default(),
                reason_of(&msg!("input-json-empty")),
            ),
            E::JsonTwice { key } => syntax(
                Format::Json,
                key.span,
                reason_of(&msg!("input-json-twice", key = &key.node)),
            )
            .help(msg!("input-json-twice".help, key = &key.node)),
            E::YamlAlias { span } => {
                Diagnostic::error(codes::EVIDENCE_SYNTAX, msg!("input-yaml-alias"))
                    .primary(span, msg!("input-yaml-alias".label))
                    .help(msg!("input-yaml-alias".help))
            }
            E::YamlEmpty => Diagnostic::error(codes::EVIDENCE_SYNTAX, msg!("input-yaml-empty"))
                .primary(Span::new(0, 0), msg!("input-yaml-empty".label))
                .help(msg!("input-yaml-empty".help)),
            E::YamlDocuments { at } => {
                Diagnostic::error(codes::EVIDENCE_SYNTAX, msg!("input-yaml-documents"))
                    .primary(Span::new(at, at), msg!("input-yaml-documents".label))
                    .help(msg!("input-yaml-documents".help))
            }
            E::YamlValue { span } => {
                Diagnostic::error(codes::EVIDENCE_SYNTAX, msg!("input-yaml-value"))
                    .primary(span, msg!("input-here"))
                    .help(msg!("input-yaml-value".help))
            }
            E::TooDeep { span, max } => Diagnostic::error(
                codes::TOO_DEEP,
                msg!("input-too-deep", max = max.to_string()),
            )
            .primary(span, msg!("input-too-deep".label))
            .help(msg!("input-too-deep".help)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_given_twice_in_json_is_its_kind_at_its_second_place() {
        let text = "{\"甲\": 1, \"甲\": 2}";
        let second = text.rfind("\"甲\"").unwrap();
        let problem = super::super::raw::read_json(&SourceFile::new("a.json", text)).unwrap_err();
        assert_eq!(
            problem,
            InputError::JsonTwice {
                key: Spanned::new("甲".to_string(), Span::new(second, second + 5)),
            }
        );
        assert_eq!(Diagnostic::from(problem).code, codes::EVIDENCE_SYNTAX);
    }

    #[test]
    fn a_yaml_alias_is_refused_as_its_kind() {
        let text = "a: &x 1\nb: *x\n";
        let alias = text.find("*x").unwrap();
        assert_eq!(
            super::super::yaml::read(&SourceFile::new("a.yaml", text)).unwrap_err(),
            InputError::YamlAlias {
                span: Span::new(alias, alias + 2),
            }
        );
    }

    #[test]
    fn an_encoding_refusal_keeps_its_code_and_names_the_file() {
        let d = Diagnostic::from(InputError::Neither {
            name: "a.csv".into(),
            line: 3,
        });
        assert_eq!(d.code, codes::ENCODING);
        assert_eq!(d.source.map(|s| s.name().to_string()), Some("a.csv".into()));
    }
}
