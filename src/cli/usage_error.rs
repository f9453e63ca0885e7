//! A command line clap cannot parse, said in the language of the run.
//!
//! clap writes its usage errors in English. Under Chinese, the error is put into words
//! here from what clap knows of it: its kind ([`ErrorKind`]) and its context (the
//! argument, the value, the values it takes, the similar names it suggests, the usage
//! line), each through a message of `locales/*/cli.ftl`. The layout is clap's: the
//! error, the tips, the usage line (`用法: `) and where to find more, with clap's exit
//! code 2. English is clap's own text; the English catalogue says the same words,
//! which a test holds equal for every kind of error.
//!
//! A tip clap writes as free text is recognised by its words; one that is not is
//! given as clap wrote it, introduced as the parser's own words.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use kaohe::locale::{self, Arg, Lang};

/// The indentation clap gives the lines of a list and the tips.
const TAB: &str = "  ";

/// Prints the error in `lang` and ends the process with clap's exit code; a help or a
/// version asked for is printed by clap itself, as it already speaks the language.
pub fn exit(error: clap::Error, lang: Lang) -> ! {
    let said = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            | ErrorKind::DisplayVersion
    );
    if lang == Lang::En || said || !error.use_stderr() {
        error.exit();
    }
    eprint!("{}", message(&error, lang));
    std::process::exit(error.exit_code());
}

/// A message of `cli.ftl` with its arguments.
fn t(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    locale::text(lang, id, args)
}

/// A name as the language quotes it: `'--format'` in English, `` `--format` `` in Chinese.
fn quoted(lang: Lang, text: &str) -> String {
    t(lang, "cli-error-quoted", &[("text", text.into())])
}

/// Names joined as the language lists them.
fn joined<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let separator = t(lang, "cli-error-separator", &[]);
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(&separator)
}

/// A text of the error's context, if it has one of that kind.
fn text(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// A number of the error's context.
fn number(error: &clap::Error, kind: ContextKind) -> Option<isize> {
    match error.get(kind)? {
        ContextValue::Number(n) => Some(*n),
        _ => None,
    }
}

/// The texts of the error's context, if it has a list of that kind.
fn texts(error: &clap::Error, kind: ContextKind) -> Option<Vec<String>> {
    match error.get(kind)? {
        ContextValue::Strings(s) => Some(s.clone()),
        _ => None,
    }
}

/// A value of a list, quoted as clap quotes one with spaces.
fn escaped(value: &str) -> String {
    if value.contains(char::is_whitespace) {
        format!("{value:?}")
    } else {
        value.to_string()
    }
}

/// The list of values an argument takes, or of the subcommands, on a line of its own.
fn values_list(lang: Lang, id: &str, values: Option<Vec<String>>) -> String {
    match values {
        Some(values) if !values.is_empty() => {
            let values: Vec<String> = values.iter().map(|v| escaped(v)).collect();
            let values = values.join(", ");
            format!("\n{TAB}{}", t(lang, id, &[("values", values.into())]))
        }
        _ => String::new(),
    }
}

/// The first line of the error (with its list, if any), or `None` when the context
/// does not hold what the kind needs.
fn headline(error: &clap::Error, lang: Lang) -> Option<String> {
    let arg = text(error, ContextKind::InvalidArg);
    let value = text(error, ContextKind::InvalidValue);
    let said = match error.kind() {
        ErrorKind::ArgumentConflict => {
            let (subject, prefix) = match (&arg, text(error, ContextKind::InvalidSubcommand)) {
                (Some(arg), _) => (arg.clone(), "cli-error-argument-conflict"),
                (None, Some(sub)) => (sub, "cli-error-subcommand-conflict"),
                (None, None) => return None,
            };
            let prior = error.get(ContextKind::PriorArg);
            if prefix == "cli-error-argument-conflict"
                && prior == Some(&ContextValue::String(subject.clone()))
            {
                return Some(t(
                    lang,
                    "cli-error-argument-repeated",
                    &[("arg", subject.into())],
                ));
            }
            match prior {
                Some(ContextValue::Strings(others)) => {
                    let mut line = t(lang, &format!("{prefix}-many"), &[("arg", subject.into())]);
                    for other in others {
                        line.push_str(&format!("\n{TAB}{other}"));
                    }
                    line
                }
                Some(ContextValue::String(other)) => t(
                    lang,
                    &format!("{prefix}-one"),
                    &[("arg", subject.into()), ("other", other.into())],
                ),
                _ => t(lang, &format!("{prefix}-any"), &[("arg", subject.into())]),
            }
        }
        ErrorKind::NoEquals => t(lang, "cli-error-no-equals", &[("arg", arg?.into())]),
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            let mut line = if value.is_empty() {
                t(lang, "cli-error-missing-value", &[("arg", arg.into())])
            } else {
                t(
                    lang,
                    "cli-error-invalid-value",
                    &[("arg", arg.into()), ("value", value.into())],
                )
            };
            line.push_str(&values_list(
                lang,
                "cli-error-possible-values",
                texts(error, ContextKind::ValidValue),
            ));
            line
        }
        ErrorKind::InvalidSubcommand => {
            let name = text(error, ContextKind::InvalidSubcommand)?;
            t(
                lang,
                "cli-error-invalid-subcommand",
                &[("name", name.into())],
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = texts(error, ContextKind::InvalidArg)?;
            let mut line = t(lang, "cli-error-missing-arguments", &[]);
            for m in missing {
                line.push_str(&format!("\n{TAB}{m}"));
            }
            line
        }
        ErrorKind::MissingSubcommand => {
            let name = text(error, ContextKind::InvalidSubcommand)?;
            let mut line = t(
                lang,
                "cli-error-missing-subcommand",
                &[("name", name.into())],
            );
            line.push_str(&values_list(
                lang,
                "cli-error-subcommands",
                texts(error, ContextKind::ValidSubcommand),
            ));
            line
        }
        ErrorKind::TooManyValues => t(
            lang,
            "cli-error-too-many-values",
            &[("arg", arg?.into()), ("value", value?.into())],
        ),
        ErrorKind::TooFewValues => t(
            lang,
            "cli-error-too-few-values",
            &[
                ("arg", arg?.into()),
                (
                    "actual",
                    count(number(error, ContextKind::ActualNumValues)?),
                ),
                ("min", count(number(error, ContextKind::MinValues)?)),
            ],
        ),
        ErrorKind::WrongNumberOfValues => t(
            lang,
            "cli-error-wrong-number-of-values",
            &[
                ("arg", arg?.into()),
                (
                    "actual",
                    count(number(error, ContextKind::ActualNumValues)?),
                ),
                (
                    "expected",
                    count(number(error, ContextKind::ExpectedNumValues)?),
                ),
            ],
        ),
        ErrorKind::ValueValidation => {
            let args = [("arg", arg?.into()), ("value", value?.into())];
            match std::error::Error::source(error) {
                Some(reason) => {
                    let mut args = args.to_vec();
                    args.push(("reason", reason.to_string().into()));
                    t(lang, "cli-error-value-validation-reason", &args)
                }
                None => t(lang, "cli-error-value-validation", &args),
            }
        }
        ErrorKind::UnknownArgument => {
            t(lang, "cli-error-unknown-argument", &[("arg", arg?.into())])
        }
        ErrorKind::InvalidUtf8 => t(lang, "cli-error-invalid-utf8", &[]),
        _ => return None,
    };
    Some(said)
}

/// A count of the context as a message's argument.
fn count(n: isize) -> Arg {
    Arg::Count(n as i64)
}

/// The line of a similar name clap suggests: `id` names the kind of name.
fn similar(lang: Lang, id: &str, names: &ContextValue) -> Option<String> {
    let names: Vec<String> = match names {
        ContextValue::String(name) => vec![name.clone()],
        ContextValue::Strings(names) => names.clone(),
        _ => return None,
    };
    if names.is_empty() {
        return None;
    }
    let quoted: Vec<String> = names.iter().map(|n| quoted(lang, n)).collect();
    Some(t(
        lang,
        id,
        &[
            ("count", names.len().into()),
            ("names", joined(lang, &quoted).into()),
        ],
    ))
}

/// A tip clap wrote as free text, in `lang` when its words are recognised.
fn free_tip(lang: Lang, tip: &str) -> String {
    let recognised = if let Some(rest) = tip.strip_prefix("to pass '") {
        rest.split_once("' as a value, use '")
            .and_then(|(arg, rest)| {
                let usage = rest.strip_suffix('\'')?;
                Some(t(
                    lang,
                    "cli-error-pass-as-value",
                    &[("arg", arg.into()), ("usage", usage.into())],
                ))
            })
    } else if let Some(rest) = tip.strip_prefix("subcommand '") {
        rest.strip_suffix("' exists; to use it, remove the '--' before it")
            .map(|name| {
                t(
                    lang,
                    "cli-error-remove-double-dash",
                    &[("name", name.into())],
                )
            })
    } else if let Some(rest) = tip.strip_prefix('\'') {
        rest.strip_suffix("' exists").map(|usage| {
            t(
                lang,
                "cli-error-flag-of-subcommand",
                &[("usage", usage.into())],
            )
        })
    } else {
        None
    };
    recognised.unwrap_or_else(|| t(lang, "cli-error-other-tip", &[("text", tip.into())]))
}

/// clap's own text of the error, without its `error: ` and what follows the first
/// paragraph: the detail of an error this file does not put into words.
fn clap_detail(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let first = rendered.split("\n\n").next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

/// The whole text of the error in `lang`, laid out as clap lays it out.
pub fn message(error: &clap::Error, lang: Lang) -> String {
    let said = headline(error, lang).unwrap_or_else(|| {
        t(
            lang,
            "cli-error-other",
            &[("detail", clap_detail(error).into())],
        )
    });
    let mut out = t(lang, "cli-error-line", &[("message", said.into())]);
    let mut tips = Vec::new();
    for (kind, id) in [
        (
            ContextKind::SuggestedSubcommand,
            "cli-error-similar-subcommand",
        ),
        (ContextKind::SuggestedArg, "cli-error-similar-argument"),
        (ContextKind::SuggestedValue, "cli-error-similar-value"),
    ] {
        if let Some(line) = error.get(kind).and_then(|names| similar(lang, id, names)) {
            tips.push(line);
        }
    }
    let mut free = Vec::new();
    if let Some(ContextValue::StyledStrs(suggested)) = error.get(ContextKind::Suggested) {
        free = suggested
            .iter()
            .map(|s| free_tip(lang, &s.to_string()))
            .collect();
    }
    if !tips.is_empty() || !free.is_empty() {
        out.push('\n');
    }
    for tip in tips.iter().chain(&free) {
        out.push('\n');
        out.push_str(TAB);
        out.push_str(&t(lang, "cli-error-tip", &[("text", tip.into())]));
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str("\n\n");
        out.push_str(&t(lang, "cli-error-usage", &[("usage", usage.into())]));
    }
    out.push_str("\n\n");
    out.push_str(&t(lang, "cli-error-try-help", &[("help", "--help".into())]));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use clap::{Arg as ClapArg, ArgAction, Command, CommandFactory};

    use super::*;
    use crate::cli::Cli;

    /// The error of a command line `cmd` cannot parse.
    fn error_of(cmd: Command, line: &[&str]) -> clap::Error {
        match cmd.try_get_matches_from(line) {
            Ok(_) => panic!("{line:?} parses"),
            Err(e) => e,
        }
    }

    /// A command with the arguments of the kinds kaohe's own do not reach: conflicts
    /// between arguments, counted values, `=` required, required subcommands.
    fn toy() -> Command {
        Command::new("toy")
            .arg(ClapArg::new("a").long("alpha").conflicts_with("b"))
            .arg(ClapArg::new("b").long("beta").action(ArgAction::SetTrue))
            .arg(ClapArg::new("pair").long("pair").num_args(2))
            .arg(ClapArg::new("few").long("few").num_args(3..=4))
            .arg(ClapArg::new("one").long("one").require_equals(true))
            .arg(
                ClapArg::new("n")
                    .long("n")
                    .value_parser(clap::value_parser!(u8)),
            )
            .subcommand(
                Command::new("sub")
                    .subcommand_required(true)
                    .subcommand(Command::new("leaf")),
            )
    }

    /// The command lines of every kind of usage error, on kaohe's command or the toy.
    fn cases() -> Vec<(ErrorKind, Command, Vec<&'static str>)> {
        let kaohe = Cli::command;
        vec![
            (
                ErrorKind::UnknownArgument,
                kaohe(),
                vec!["kaohe", "check", "x.rule", "--foo"],
            ),
            (
                ErrorKind::UnknownArgument,
                kaohe(),
                vec!["kaohe", "eval", "a", "b", "--formt", "csv"],
            ),
            (
                ErrorKind::UnknownArgument,
                kaohe(),
                vec!["kaohe", "check", "--foo"],
            ),
            (
                ErrorKind::UnknownArgument,
                kaohe(),
                vec!["kaohe", "--", "check"],
            ),
            (
                ErrorKind::UnknownArgument,
                kaohe(),
                vec!["kaohe", "--verbose", "explain"],
            ),
            (
                ErrorKind::MissingRequiredArgument,
                kaohe(),
                vec!["kaohe", "check"],
            ),
            (
                ErrorKind::MissingRequiredArgument,
                kaohe(),
                vec!["kaohe", "eval"],
            ),
            (
                ErrorKind::InvalidValue,
                kaohe(),
                vec!["kaohe", "eval", "a", "b", "--format", "pdf"],
            ),
            (
                ErrorKind::InvalidValue,
                kaohe(),
                vec!["kaohe", "eval", "a", "b", "--format", "jsn"],
            ),
            (
                ErrorKind::InvalidValue,
                kaohe(),
                vec!["kaohe", "eval", "a", "b", "--format"],
            ),
            (
                ErrorKind::ArgumentConflict,
                kaohe(),
                vec![
                    "kaohe", "eval", "a", "b", "--format", "csv", "--format", "md",
                ],
            ),
            (ErrorKind::InvalidSubcommand, kaohe(), vec!["kaohe", "chek"]),
            (
                ErrorKind::InvalidSubcommand,
                kaohe(),
                vec!["kaohe", "frobnicate"],
            ),
            (
                ErrorKind::ArgumentConflict,
                toy(),
                vec!["toy", "--alpha", "x", "--beta"],
            ),
            (
                ErrorKind::WrongNumberOfValues,
                toy(),
                vec!["toy", "--pair", "x"],
            ),
            (
                ErrorKind::TooFewValues,
                toy(),
                vec!["toy", "--few", "x", "y"],
            ),
            (ErrorKind::NoEquals, toy(), vec!["toy", "--one", "x"]),
            (ErrorKind::ValueValidation, toy(), vec!["toy", "--n", "300"]),
            (ErrorKind::MissingSubcommand, toy(), vec!["toy", "sub"]),
        ]
    }

    /// The English catalogue says clap's own words, byte for byte, for every kind.
    #[test]
    fn the_english_is_clap_s_own() {
        for (kind, cmd, line) in cases() {
            let e = error_of(cmd, &line);
            assert_eq!(e.kind(), kind, "{line:?}");
            assert_eq!(message(&e, Lang::En), e.render().to_string(), "{line:?}");
        }
    }

    /// The Chinese has no English words of clap's left, but for the usage line's
    /// placeholders and the names the user wrote.
    #[test]
    fn the_chinese_says_each_kind_in_chinese() {
        for (_, cmd, line) in cases() {
            let said = message(&error_of(cmd, &line), Lang::Zh);
            assert!(said.starts_with("错误: "), "{said}");
            assert!(said.ends_with("详细说明,请用 `--help` 查看。\n"), "{said}");
            for english in [
                "error:", "tip:", "Usage:", "found", "provided", "required", "exist",
            ] {
                assert!(!said.contains(english), "{english} in {said}");
            }
        }
    }

    #[test]
    fn the_chinese_of_each_kind() {
        let zh = |cmd: Command, line: &[&str]| message(&error_of(cmd, line), Lang::Zh);
        assert_eq!(
            zh(
                Cli::command(),
                &["kaohe", "eval", "a", "b", "--formt", "csv"]
            ),
            "错误: 无法识别的参数 `--formt`\n\n  \
             提示: 有相近的参数:`--format`\n\n\
             用法: kaohe eval --format <FORMAT> <RULE> <EVIDENCE>...\n\n\
             详细说明,请用 `--help` 查看。\n"
        );
        assert_eq!(
            zh(Cli::command(), &["kaohe", "--", "check"]),
            "错误: 无法识别的参数 `check`\n\n  \
             提示: 有 `check` 这个命令;要使用它,请去掉它前面的 `--`\n\n\
             用法: kaohe [OPTIONS] <COMMAND>\n\n\
             详细说明,请用 `--help` 查看。\n"
        );
        assert_eq!(
            zh(
                Cli::command(),
                &["kaohe", "eval", "a", "b", "--format", "jsn"]
            ),
            "错误: `--format <FORMAT>` 的值 `jsn` 无效\n  \
             (可选值:table, json, md, csv, xlsx, html)\n\n  \
             提示: 有相近的值:`json`\n\n\
             详细说明,请用 `--help` 查看。\n"
        );
        assert_eq!(
            zh(toy(), &["toy", "--alpha", "x", "--beta"]),
            "错误: 参数 `--alpha <a>` 不能与 `--beta` 同时使用\n\n\
             用法: toy --alpha <a>\n\n\
             详细说明,请用 `--help` 查看。\n"
        );
        assert!(zh(toy(), &["toy", "--pair", "x"])
            .starts_with("错误: `--pair <pair> <pair>` 需要 2 个值,给出了 1 个\n"));
        assert!(zh(toy(), &["toy", "--few", "x", "y"])
            .starts_with("错误: `--few <few> <few> <few>...` 至少需要 3 个值,只给出了 2 个\n"));
        assert!(zh(toy(), &["toy", "--one", "x"])
            .starts_with("错误: 给 `--one=<one>` 赋值须用等号,写作 `--one=<one>=值`\n"));
        assert!(zh(toy(), &["toy", "--n", "300"])
            .starts_with("错误: `--n <n>` 的值 `300` 无效(解析器原文:300 is not in 0..=255)\n"));
        assert!(zh(toy(), &["toy", "sub"])
            .starts_with("错误: `toy sub` 后须接一个命令,但没有给出\n  (可用的命令:leaf, help)\n"));
    }
}
