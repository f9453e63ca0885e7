//! Why a TOML, JSON or YAML file cannot be read, in the language of the run.
//!
//! The parsers (toml, serde_json, saphyr) say what is wrong in English. In English
//! their text is kept as it is. In another language, the texts they write that are
//! recognised here are said through the catalogue's `input-reason` (by the kind of
//! problem: a key given twice, a table left open, a missing comma, …), with the
//! tokens TOML expected in their place; a text not recognised is said in general
//! words, the parser's own English kept as a note. Only the words change: the span
//! of the diagnostic is the parser's.

use crate::diagnostic::msg;
use crate::locale::{self, Lang};

/// The kind of problem each description of the TOML parser names, as the catalogue's
/// `input-reason` selects it.
const TOML: &[(&str, &str)] = &[
    ("duplicate key", "duplicate-key"),
    ("invalid unquoted key", "unquoted-key"),
    ("unquoted keys cannot be empty", "empty-key"),
    ("key with no value", "no-value"),
    ("missing value for key", "no-value"),
    ("missing value", "missing-value"),
    ("string values must be quoted", "unquoted-string"),
    ("invalid basic string", "bad-string"),
    ("invalid literal string", "bad-string"),
    ("invalid string", "bad-string"),
    ("invalid multi-line basic string", "bad-string"),
    ("invalid multi-line literal string", "bad-string"),
    ("missing opening quote", "opening-quote"),
    ("unclosed table", "unclosed-table"),
    ("unclosed array table", "unclosed-table"),
    ("unclosed array", "unclosed-array"),
    ("unclosed inline table", "unclosed-inline-table"),
    ("missing comma between array elements", "array-comma"),
    ("missing comma between key-value pairs", "pair-comma"),
    ("extra comma in array", "extra-comma"),
    ("extra comma in inline table", "extra-comma"),
    (
        "missing assignment between key-value pairs",
        "missing-equals",
    ),
    ("extra `=`", "extra-equals"),
    ("extra assignment between key-value pairs", "extra-equals"),
    ("missing escaped value", "escape"),
    ("unexpected leading zero", "leading-zero"),
    ("invalid boolean", "boolean"),
    ("invalid integer number", "number"),
    ("invalid float", "number"),
    ("invalid exponent", "number"),
    ("invalid fraction", "number"),
    ("invalid mantissa", "number"),
    ("invalid hexadecimal number", "number"),
    ("invalid octal number", "number"),
    ("invalid binary number", "number"),
    ("invalid date-time", "date"),
    ("unexpected content", "extra-content"),
    ("unexpected key or value", "extra-content"),
    (
        "unexpected content between comment and newline",
        "extra-content",
    ),
    ("invalid value", "bad-value"),
    ("invalid key-value pair", "bad-pair"),
];

/// The kinds of TOML problem whose words do not say what was expected in their place
/// (a closing bracket, `=`): the tokens toml lists are said after them.
const SAY_EXPECTED: &[&str] = &[
    "unquoted-key",
    "unquoted-string",
    "escape",
    "missing-value",
    "bad-value",
    "bad-pair",
    "extra-content",
];

/// The tokens TOML names by a description where it expected them, as the catalogue's
/// `input-reason-token` selects them.
const TOKENS: &[(&str, &str)] = &[
    ("letters", "letters"),
    ("numbers", "numbers"),
    ("digits", "digits"),
    ("key", "key"),
    ("value", "value"),
    ("literal string", "string"),
    ("basic string", "string"),
    ("multi-line basic string", "string"),
];

/// The texts of serde_json's errors (`Display` of its error codes, without the
/// position), each with its kind of problem.
const JSON: &[(&str, &str)] = &[
    ("EOF while parsing a list", "eof"),
    ("EOF while parsing an object", "eof"),
    ("EOF while parsing a string", "eof"),
    ("EOF while parsing a value", "eof"),
    ("expected `:`", "colon"),
    ("expected `,` or `]`", "comma-array"),
    ("expected `,` or `}`", "comma-object"),
    ("expected ident", "ident"),
    ("expected value", "value"),
    ("invalid escape", "escape"),
    ("invalid number", "number"),
    ("number out of range", "number"),
    ("key must be a string", "json-key"),
    ("trailing comma", "extra-comma"),
    ("trailing characters", "trailing"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "control",
    ),
    ("invalid unicode code point", "unicode"),
    ("lone leading surrogate in hex escape", "unicode"),
    ("unexpected end of hex escape", "unicode"),
];

/// saphyr's texts (or their beginnings, for those that go on to say more), each with
/// its kind of problem.
const YAML: &[(&str, &str)] = &[
    (
        "mapping values are not allowed in this context",
        "yaml-mapping",
    ),
    ("duplicated key in mapping", "duplicate-key"),
    ("while scanning a quoted scalar", "bad-string"),
    ("while parsing a flow sequence", "comma-array"),
    ("while parsing a flow mapping", "comma-object"),
    (
        "while parsing a block collection, did not find expected '-' indicator",
        "yaml-dash",
    ),
    ("tabs disallowed within this context", "yaml-tab"),
    ("while scanning a plain scalar, found a tab", "yaml-tab"),
    (
        "while parsing a block mapping, did not find expected key",
        "yaml-key",
    ),
];

/// The kind of problem a text names, found in `table` by the whole text (or its
/// beginning, when `prefix`).
fn kind_of(table: &[(&str, &'static str)], text: &str, prefix: bool) -> Option<&'static str> {
    table
        .iter()
        .find(|(english, _)| {
            if prefix {
                text.starts_with(english)
            } else {
                text == *english
            }
        })
        .map(|(_, kind)| *kind)
}

/// A text not recognised: general words with the parser's own.
fn other(text: &str) -> String {
    msg!("input-reason-other", detail = text)
}

/// Why a TOML file cannot be read, from toml's message (`description, expected …`).
pub fn toml(text: &str) -> String {
    if locale::current() == Lang::En {
        return text.to_string();
    }
    let (description, expected) = match text.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (text, None),
    };
    let Some(kind) = kind_of(TOML, description, false) else {
        return other(text);
    };
    let reason = msg!("input-reason", what = kind);
    // The tokens expected are said where they add to the words of the kind.
    let expected = expected.filter(|_| SAY_EXPECTED.contains(&kind));
    let tokens: Vec<String> = match expected {
        None | Some("nothing") => Vec::new(),
        // toml lists literals in backticks and descriptions in words, with `, `.
        Some(list) => list
            .split(", ")
            .map(|token| match kind_of(TOKENS, token, false) {
                Some(t) => msg!("input-reason-token", token = t),
                None => token.to_string(),
            })
            .collect(),
    };
    match tokens.split_last() {
        None => reason,
        Some((last, [])) => msg!("input-reason-expected", reason = reason, expected = last),
        Some((last, first)) => {
            let separator = msg!("evidence-missing".separator);
            let list = msg!(
                "input-reason-or",
                list = first.join(&separator),
                last = last
            );
            msg!("input-reason-expected", reason = reason, expected = list)
        }
    }
}

/// Why a JSON file cannot be read, from serde_json's message without its position.
pub fn json(text: &str) -> String {
    if locale::current() == Lang::En {
        return text.to_string();
    }
    match kind_of(JSON, text, false) {
        Some(kind) => msg!("input-reason", what = kind),
        None => other(text),
    }
}

/// Why a YAML file cannot be read, from saphyr's message.
pub fn yaml(text: &str) -> String {
    if locale::current() == Lang::En {
        return text.to_string();
    }
    match kind_of(YAML, text, true) {
        Some(kind) => msg!("input-reason", what = kind),
        None => other(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of problem the tables name has its own words in Chinese (the
    /// catalogue's default variant is for a kind it does not know).
    #[test]
    fn every_kind_has_its_words() {
        let default = locale::text(Lang::Zh, "input-reason", &[("what", "?".into())]);
        for (_, kind) in TOML.iter().chain(JSON).chain(YAML) {
            let said = locale::text(Lang::Zh, "input-reason", &[("what", (*kind).into())]);
            assert_ne!(said, default, "{kind}");
        }
        let default = locale::text(Lang::Zh, "input-reason-token", &[("token", "?".into())]);
        for (_, token) in TOKENS {
            let said = locale::text(
                Lang::Zh,
                "input-reason-token",
                &[("token", (*token).into())],
            );
            assert_ne!(said, default, "{token}");
        }
    }
}
