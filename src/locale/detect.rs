//! Which language a run speaks: `--lang`, else `KAOHE_LANG`, else the system locale.
//!
//! The system locale is the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and
//! not empty, as POSIX orders them; where none is (Windows, macOS applications), the
//! user's locale as the system reports it through `sys-locale`. Chinese when that
//! locale's language is Chinese (`zh_CN.UTF-8`, `zh-Hans-CN`, `zh_TW`), English
//! otherwise (`C`, `POSIX`, `en_US.UTF-8`, `fr_FR`).

use super::Lang;

/// The language of a run. `flag` is `--lang` when given; `var` reads an environment
/// variable (the command line passes `std::env::var`, tests a table). A `KAOHE_LANG`
/// that names no language kaohe speaks is passed over.
pub fn detect(flag: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag {
        return lang;
    }
    if let Some(lang) = var("KAOHE_LANG").and_then(|v| Lang::from_tag(&v)) {
        return lang;
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = var(name).filter(|v| !v.trim().is_empty()) {
            return from_locale(&value);
        }
    }
    match system_locale() {
        Some(locale) => from_locale(&locale),
        None => Lang::En,
    }
}

/// The language of a locale name: Chinese for any Chinese locale, else English.
pub fn from_locale(locale: &str) -> Lang {
    match Lang::from_tag(locale) {
        Some(Lang::Zh) => Lang::Zh,
        _ => Lang::En,
    }
}

/// The user's locale where the environment names none. On Unix `sys-locale` reads the
/// same variables, which [`detect`] has already read, so it is asked elsewhere only.
fn system_locale() -> Option<String> {
    if cfg!(unix) && !cfg!(target_os = "macos") {
        None
    } else {
        sys_locale::get_locale()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_comes_first() {
        let lang = detect(
            Some(Lang::En),
            env(&[("KAOHE_LANG", "zh"), ("LANG", "zh_CN")]),
        );
        assert_eq!(lang, Lang::En);
    }

    #[test]
    fn kaohe_lang_comes_before_the_locale() {
        let lang = detect(None, env(&[("KAOHE_LANG", "zh"), ("LANG", "en_US.UTF-8")]));
        assert_eq!(lang, Lang::Zh);
        let lang = detect(
            None,
            env(&[("KAOHE_LANG", "en"), ("LC_ALL", "zh_CN.UTF-8")]),
        );
        assert_eq!(lang, Lang::En);
    }

    #[test]
    fn an_unknown_kaohe_lang_is_passed_over() {
        let lang = detect(
            None,
            env(&[("KAOHE_LANG", "klingon"), ("LANG", "zh_CN.GBK")]),
        );
        assert_eq!(lang, Lang::Zh);
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang() {
        let vars = &[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "zh_CN.UTF-8"),
            ("LANG", "en_US.UTF-8"),
        ];
        assert_eq!(detect(None, env(vars)), Lang::Zh);
        assert_eq!(
            detect(None, env(&[("LC_ALL", "C"), ("LANG", "zh_CN")])),
            Lang::En
        );
        assert_eq!(detect(None, env(&[("LANG", "zh_TW.Big5")])), Lang::Zh);
    }
}
