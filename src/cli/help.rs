//! The `--help` of every command in the language of the run.
//!
//! clap's derive takes each command's about and each argument's help from the
//! documentation comments, in English. When kaohe speaks Chinese, the command is
//! built from the derive ([`Cli::command`]) and each about, help and value's help is
//! replaced by its message of `locales/*/cli.ftl`, as are clap's own words: the
//! headings (`用法:`, `参数`, `选项`, `命令`), `-h, --help` and `-V, --version`, the
//! possible values and the default. English help is the derive's, unchanged; the
//! English catalogue says the same words, which a test holds equal.
//!
//! The language must be known before the arguments are parsed: `--lang X` or
//! `--lang=X` among the raw arguments, else `KAOHE_LANG`, else the system locale
//! ([`kaohe::locale::detect`]). What stays English: the placeholders of the usage line
//! (`[OPTIONS]`, `<RULE>`). A command line clap cannot parse is refused in the same
//! language (`usage_error`).

use std::ffi::OsString;

use clap::builder::PossibleValue;
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use kaohe::locale::{self, Lang};

use super::Cli;

/// The command line parsed, its help and its usage errors in the language the
/// arguments, the environment or the system locale ask for; a usage error or a help
/// exits here, as with `Cli::parse`.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = locale::detect(lang_flag(&args), |name| std::env::var(name).ok());
    command(lang)
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .unwrap_or_else(|e| super::usage_error::exit(e, lang))
}

/// The language `--lang` names among the raw arguments (before a `--`), if any.
fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return args.next().and_then(|v| Lang::from_tag(&v));
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Lang::from_tag(value);
        }
    }
    None
}

/// The command line's definition with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let cli = Cli::command();
    match lang {
        Lang::En => cli,
        Lang::Zh => {
            let mut cli = localise(cli, "kaohe", lang, true);
            // clap adds the `help` subcommand when the command is built: built first, its
            // line is put into words as the others.
            cli.build();
            cli.mut_subcommand("help", |help| {
                help.about(locale::text(lang, "cli-help-command", &[]))
            })
        }
    }
}

/// The place of `-h, --help` among the options: after every other, `--lang` too.
const LAST: usize = 100_000;

/// A message of `cli.ftl`, when the catalogue has it.
fn message(lang: Lang, id: &str) -> Option<String> {
    locale::has_message(lang, id).then(|| locale::text(lang, id, &[]))
}

/// The id of an argument as the catalogue spells it: `message_format` → `message-format`.
fn arg_key(arg: &Arg) -> String {
    arg.get_id().as_str().replace('_', "-")
}

/// The help of an argument of command `name`: its own, else the shared one.
fn arg_help(lang: Lang, name: &str, key: &str) -> Option<String> {
    message(lang, &format!("cli-{name}-{key}")).or_else(|| message(lang, &format!("cli-arg-{key}")))
}

/// The help of a value of an argument of command `name`.
fn value_help(lang: Lang, name: &str, key: &str, value: &str) -> Option<String> {
    message(lang, &format!("cli-{name}-{key}-{value}"))
        .or_else(|| message(lang, &format!("cli-value-{key}-{value}")))
}

/// A command and its subcommands with their help in `lang`. `root`: the command that
/// defines the global arguments and the version.
fn localise(mut cmd: Command, name: &str, lang: Lang, root: bool) -> Command {
    let t = |id: &str| locale::text(lang, id, &[]);
    if let Some(about) = message(lang, &format!("cli-{name}")) {
        cmd = cmd.about(about).long_about(None);
    }
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t("cli-usage")
        ))
        .subcommand_help_heading(t("cli-commands"))
        .disable_help_flag(true);
    let ids: Vec<(clap::Id, String)> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .map(|a| (a.get_id().clone(), arg_key(a)))
        .collect();
    for (order, (id, key)) in ids.into_iter().enumerate() {
        cmd = cmd.mut_arg(id, |arg| localise_arg(arg, name, &key, order, lang));
    }
    // `mut_arg` puts the argument it changes last: the flags clap would add are added
    // after, and shown last, as clap shows them.
    cmd = cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(t("cli-help"))
            .help_heading(t("cli-options"))
            .display_order(LAST),
    );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t("cli-version"))
                .help_heading(t("cli-options"))
                .display_order(LAST + 1),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in names {
        cmd = cmd.mut_subcommand(&sub, |s| localise(s, &sub, lang, false));
    }
    cmd
}

/// An argument with its help, values and default in `lang`, under its heading;
/// `order` is its place among the command's arguments as declared.
fn localise_arg(mut arg: Arg, name: &str, key: &str, order: usize, lang: Lang) -> Arg {
    let t = |id: &str| locale::text(lang, id, &[]);
    arg = if arg.is_positional() {
        // Under a heading of their own, arguments are shown in their display order,
        // which must then be the order they are given in.
        arg.help_heading(t("cli-arguments")).display_order(order)
    } else {
        arg.help_heading(t("cli-options"))
    };
    if !arg.get_action().takes_values() {
        return match arg_help(lang, name, key) {
            Some(help) => arg.help(help).long_help(None::<&str>),
            None => arg,
        };
    }
    let Some(help) = arg_help(lang, name, key) else {
        return arg;
    };
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let default: Vec<String> = if !arg.is_hide_default_value_set() {
        arg.get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect()
    } else {
        Vec::new()
    };
    if values.is_empty() && default.is_empty() {
        return arg.help(help).long_help(None::<&str>);
    }
    let mut short = help.clone();
    let mut long = help;
    if !values.is_empty() {
        let width = values.iter().map(|v| v.get_name().len()).max().unwrap_or(0);
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short.push_str(&format!(
            " [{} {}]",
            t("cli-possible-values"),
            names.join(", ")
        ));
        long.push_str(&format!("\n\n{}", t("cli-possible-values")));
        for v in &values {
            let about = value_help(lang, name, key, v.get_name())
                .or_else(|| v.get_help().map(|h| h.to_string()))
                .unwrap_or_default();
            let pad = " ".repeat(width - v.get_name().len());
            long.push_str(&format!("\n- {}:{pad} {about}", v.get_name()));
        }
        arg = arg.hide_possible_values(true);
    }
    if !default.is_empty() {
        let said = locale::text(lang, "cli-default", &[("value", default.join(", ").into())]);
        short.push_str(&format!(" [{said}]"));
        long.push_str(&format!("\n\n[{said}]"));
        arg = arg.hide_default_value(true);
    }
    arg.help(short).long_help(long)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        assert_eq!(
            lang_flag(&args(&["kaohe", "eval", "--lang", "zh"])),
            Some(Lang::Zh)
        );
        assert_eq!(
            lang_flag(&args(&["kaohe", "--lang=en", "check"])),
            Some(Lang::En)
        );
        assert_eq!(lang_flag(&args(&["kaohe", "check", "x.rule"])), None);
        assert_eq!(lang_flag(&args(&["kaohe", "--", "--lang", "zh"])), None);
        assert_eq!(lang_flag(&args(&["kaohe", "--lang", "fr"])), None);
    }

    /// Every command, with the name its messages are found by.
    fn commands(cmd: &Command, name: &str, out: &mut Vec<(String, Command)>) {
        out.push((name.to_string(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            commands(sub, sub.get_name(), out);
        }
    }

    /// The English catalogue says what the commands' documentation says, word for
    /// word, and the Chinese has a message for every about, help and value.
    #[test]
    fn the_catalogues_cover_every_command_argument_and_value() {
        let mut all = Vec::new();
        commands(&Cli::command(), "kaohe", &mut all);
        let mut problems = Vec::new();
        for (name, cmd) in &all {
            let about = cmd.get_about().map(|a| a.to_string());
            if message(Lang::En, &format!("cli-{name}")) != about {
                problems.push(format!("cli-{name}: the English differs from {about:?}"));
            }
            for arg in cmd.get_arguments() {
                let key = arg_key(arg);
                let help = arg.get_help().map(|h| h.to_string());
                if arg_help(Lang::En, name, &key) != help {
                    problems.push(format!("{name} {key}: the English differs from {help:?}"));
                }
                for v in arg.get_possible_values() {
                    let help = v.get_help().map(|h| h.to_string());
                    if value_help(Lang::En, name, &key, v.get_name()) != help {
                        problems.push(format!(
                            "{name} {key} {}: the English differs from {help:?}",
                            v.get_name()
                        ));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_chinese_command_line_is_valid_and_parses_as_the_english() {
        command(Lang::Zh).debug_assert();
        let line = [
            "kaohe", "eval", "a.rule", "e.toml", "--format", "csv", "--lang", "zh",
        ];
        let matches = command(Lang::Zh).try_get_matches_from(line).unwrap();
        assert!(Cli::from_arg_matches(&matches).is_ok());
    }
}
