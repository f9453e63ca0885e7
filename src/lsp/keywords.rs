//! The language's keywords, as the grammar has them: which a word is, which the
//! grammar expects at a place, and each one's line of documentation.
//!
//! Nothing here lists the keywords. A word is a keyword when the grammar's
//! `keyword` rule reads it whole; the keywords valid at a place are those the parser
//! tries there (pest's expected rules at the end of the text before it); a keyword's
//! documentation is the message `lsp-keyword-<word>` of the catalogues
//! (locales/*/lsp.ftl), which tests/lsp.rs checks exists for every `kw_` rule of
//! grammar/rule.pest. A keyword added to the grammar is thus known here at once.

use pest::error::{ErrorVariant, InputLocation};
use pest::Parser as _;

use crate::locale;
use crate::syntax::{self, Rule, RuleParser};

/// Whether a word is one of the language's keywords.
pub fn is_keyword(word: &str) -> bool {
    whole(Rule::keyword, word)
}

/// Whether a text is a name the language accepts for a fact or a member.
pub fn is_name(text: &str) -> bool {
    whole(Rule::ident, text)
}

/// Whether `rule` reads the whole of `text`.
fn whole(rule: Rule, text: &str) -> bool {
    match RuleParser::parse(rule, text) {
        Ok(pairs) => pairs.as_str() == text,
        Err(_) => false,
    }
}

/// The catalogue's id of a keyword's documentation.
pub fn doc_id(word: &str) -> String {
    format!("lsp-keyword-{word}")
}

/// A keyword's line of documentation with its example, in the process's language.
pub fn doc(word: &str) -> Option<String> {
    let id = doc_id(word);
    let lang = locale::current();
    locale::has_message(lang, &id).then(|| locale::text(lang, &id, &[]))
}

/// The keyword a rule of the grammar reads: `kw_half_up` reads `half-up`; a statement's
/// rule (`fact_decl`) reads the keyword it opens with.
pub fn keyword_of(rule: Rule) -> Option<String> {
    let name = format!("{rule:?}");
    match name.strip_prefix("kw_") {
        Some(word) => Some(word.replace('_', "-")),
        None => syntax::keyword_word(rule).map(str::to_string),
    }
}

/// What the grammar expects at the end of `prefix` (the text before the cursor, the
/// word being typed left out): the rules the parser tries there. Empty when the text
/// before has an error of its own.
pub fn expected(prefix: &str) -> Vec<Rule> {
    // A character no rule reads at the cursor, so that the parse fails there and says
    // what it wanted instead.
    let probe = format!("{prefix}\u{1}");
    let Err(error) = RuleParser::parse(Rule::file, &probe) else {
        return Vec::new();
    };
    let at = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    if at != prefix.len() {
        return Vec::new();
    }
    match error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        ErrorVariant::CustomError { .. } => Vec::new(),
    }
}

/// Every keyword of the grammar, in its order: the text each `kw_` rule reads.
pub fn all() -> Vec<String> {
    Rule::all_rules()
        .iter()
        .filter(|r| format!("{r:?}").starts_with("kw_"))
        .filter_map(|r| keyword_of(*r))
        .collect()
}

/// Whether the grammar reads `word` at the end of `prefix` and goes on after it.
pub fn accepts(prefix: &str, word: &str) -> bool {
    let probe = format!("{prefix}{word}\u{1}");
    match RuleParser::parse(Rule::file, &probe) {
        Ok(_) => true,
        Err(error) => {
            let at = match error.location {
                InputLocation::Pos(p) => p,
                InputLocation::Span((s, _)) => s,
            };
            at >= prefix.len() + word.len()
        }
    }
}

/// The keywords the grammar accepts at the end of `prefix`, each once, in the
/// grammar's order. pest names what it expects sometimes by the keyword's rule and
/// sometimes by a larger one (`negation` for `not` or a fact); each keyword is then
/// tried in place. Where any word would do (a label), no keyword is offered.
pub fn expected_keywords(prefix: &str) -> Vec<String> {
    let positives = expected(prefix);
    if positives.is_empty() {
        return Vec::new();
    }
    let any_word = positives
        .iter()
        .any(|r| matches!(r, Rule::bare_label | Rule::calendar_name | Rule::allow_name));
    let named: Vec<String> = positives.iter().filter_map(|r| keyword_of(*r)).collect();
    let larger = positives.iter().any(|r| keyword_of(*r).is_none());
    all()
        .into_iter()
        .filter(|word| named.contains(word) || (larger && !any_word && accepts(prefix, word)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_keywords_by_the_grammar() {
        assert!(is_keyword("fact"));
        assert!(is_keyword("half-up"));
        assert!(!is_keyword("perfect"));
        assert!(!is_keyword("未做征集"));
        assert!(is_name("未做征集"));
        assert!(!is_name("fact"));
        assert!(!is_name("a b"));
    }

    #[test]
    fn statement_keywords_in_an_item_and_modifiers_after_an_effect() {
        let body = "rubric 表\ntotal 4\nitem 甲 4 {\n  fact 乙 count\n  ";
        let words = expected_keywords(body);
        for word in ["text", "fact", "if", "per", "missing", "deadline"] {
            assert!(words.contains(&word.to_string()), "{word} in {words:?}");
        }
        assert!(!words.contains(&"floor".to_string()), "{words:?}");
        let after_effect = format!("{body}per 乙 -1 ");
        let words = expected_keywords(&after_effect);
        for word in ["floor", "max", "unless", "per"] {
            assert!(words.contains(&word.to_string()), "{word} in {words:?}");
        }
    }
}
