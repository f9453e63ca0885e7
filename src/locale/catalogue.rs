//! The catalogues: the Fluent files of each language, compiled into the binary and
//! parsed once, on first use.
//!
//! Each area of kaohe keeps its messages in a file of its own, with the same name in
//! both languages' folders, so that work on one area does not touch the others'.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_decimal::Decimal;

use super::Lang;

/// One file of the catalogues: its name, its Chinese text, its English text.
type Source = (&'static str, &'static str, &'static str);

macro_rules! catalogue {
    ($($name:literal),* $(,)?) => {
        &[$((
            $name,
            include_str!(concat!("../../locales/zh-CN/", $name)),
            include_str!(concat!("../../locales/en/", $name)),
        )),*]
    };
}

/// Every file of the catalogues. A new file is added here, in both folders.
const SOURCES: &[Source] = catalogue![
    "kaohe.ftl",
    "diagnostics.ftl",
    "checker.ftl",
    "reports.ftl",
    "html.ftl",
    "form.ftl",
    "cli.ftl",
    "lsp.ftl",
];

/// The files of the catalogues as `(name, Chinese text, English text)`, for the tests
/// that compare them.
pub fn sources() -> &'static [(&'static str, &'static str, &'static str)] {
    SOURCES
}

/// A value given to a message: a text, or a count (which English messages select their
/// plural forms by). Decimals are given as text, written as kaohe writes numbers, so
/// that no float ever formats a score.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Count(i64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_string())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}

impl From<Decimal> for Arg {
    fn from(value: Decimal) -> Self {
        Arg::Text(value.normalize().to_string())
    }
}

macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Self {
                Arg::Count(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
    )*};
}

count_from!(usize, u64, u32, i64, i32);

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static ZH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let tag = lang.tag().parse().expect("the catalogues' tags are valid");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Unicode isolation marks around arguments would reach terminals and files.
        bundle.set_use_isolating(false);
        for (_, zh, en) in SOURCES {
            let text = match lang {
                Lang::Zh => zh,
                Lang::En => en,
            };
            // A catalogue with a syntax error keeps the messages it could read;
            // tests/it/locales.rs fails on the error itself.
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        bundle
    })
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Count(n) => FluentValue::from(*n),
        };
        fluent.set(*name, value);
    }
    fluent
}

/// Whether the catalogue of a language has a message.
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The message `id` in `lang` with its arguments. A message missing from the
/// language's catalogue is taken from the English one; missing from both, the id
/// itself is returned.
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    format(lang, id, None, args)
        .or_else(|| format(Lang::En, id, None, args))
        .unwrap_or_else(|| id.to_string())
}

/// The attribute `attr` (`help`, `label`, …) of the message `id`, when it has one.
pub fn attribute(lang: Lang, id: &str, attr: &str, args: &[(&str, Arg)]) -> Option<String> {
    format(lang, id, Some(attr), args).or_else(|| format(Lang::En, id, Some(attr), args))
}

fn format(lang: Lang, id: &str, attr: Option<&str>, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = bundle(lang);
    let message = bundle.get_message(id)?;
    let pattern = match attr {
        None => message.value()?,
        Some(attr) => message.get_attribute(attr)?.value(),
    };
    let args = fluent_args(args);
    let mut errors = Vec::new();
    let formatted: Cow<str> = bundle.format_pattern(pattern, Some(&args), &mut errors);
    Some(formatted.into_owned())
}
