//! Locale: the two languages kaohe speaks, Simplified Chinese and English, and the
//! catalogues of its messages.
//!
//! Every sentence a user reads is a message of a Fluent catalogue
//! (`locales/zh-CN/*.ftl` and `locales/en/*.ftl`, compiled into the binary), found by
//! its id and given its arguments by name: [`text`] or the [`tr!`](crate::tr) macro.
//! A message may carry attributes (`.help`, `.label`), read with [`attribute`]. Both
//! catalogues have the same ids, attributes and arguments; `tests/it/locales.rs` fails
//! when they differ, or when the source names an id that no catalogue has.
//!
//! The language of a run is chosen once by the command line ([`detect`]: `--lang`,
//! then `KAOHE_LANG`, then the system locale) and kept as the process's [`current`]
//! language; library code that writes for people takes a [`Lang`], and the default,
//! for a program that uses the library without choosing, is English.

mod catalogue;
mod detect;

pub use catalogue::{attribute, has_message, sources, text, Arg};
pub use detect::{detect, from_locale};

use std::sync::atomic::{AtomicU8, Ordering};

/// A language kaohe speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub enum Lang {
    /// Simplified Chinese (`zh-CN`): the language of the offices kaohe is written for.
    Zh,
    /// English: the second language, and the developers'.
    #[default]
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language of a tag as `--lang` and `KAOHE_LANG` take it: `zh`, `zh-CN`,
    /// `zh_CN.UTF-8`, `en`, `en-US` and the like, in any case; `None` for any other.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let language = tag
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match language.as_str() {
            "zh" | "chinese" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag of the language's catalogue folder: `zh-CN` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(1);

/// Sets the language of this process's messages (the command line does, once).
pub fn set_current(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::Zh => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language of this process's messages: English until [`set_current`] is called.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        0 => Lang::Zh,
        _ => Lang::En,
    }
}

/// A message of the catalogues in a language, its arguments given by name:
/// `tr!(lang, "lang-problems", count = 3usize)`. An id missing from the language's
/// catalogue falls back to English, then to the id itself; it never panics.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::locale::text(
            $lang,
            $id,
            &[$((stringify!($name), $crate::locale::Arg::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_the_language_before_any_region_or_encoding() {
        assert_eq!(Lang::from_tag("zh"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("ZH-Hans"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en_GB.utf8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr_FR"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn the_macro_formats_named_arguments_in_both_languages() {
        assert_eq!(tr!(Lang::En, "lang-problems", count = 1usize), "1 problem");
        assert_eq!(tr!(Lang::En, "lang-problems", count = 3usize), "3 problems");
        assert_eq!(tr!(Lang::Zh, "lang-problems", count = 3usize), "3 个问题");
    }

    #[test]
    fn a_missing_id_falls_back_to_the_id() {
        assert_eq!(text(Lang::Zh, "no-such-message", &[]), "no-such-message");
    }
}
