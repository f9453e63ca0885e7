//! pest's parse errors in plain words.
//!
//! pest names the grammar rules it expected; a policy officer wants to read "expected
//! the item's points", not `number`. pest's own `into_miette()` is not used: it treats
//! the character column as a byte offset and underlines the wrong CJK character. The
//! span here is the byte offset pest reports. The problem found is a
//! [`SyntaxError`], worded in [`super::problem`].

use pest::error::{Error, ErrorVariant, InputLocation};

use super::problem::{Found, SyntaxError};
use super::Rule;
use crate::diagnostic::msg;
use crate::span::Span;

pub fn from_pest(text: &str, error: &Error<Rule>) -> SyntaxError {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    // A sign followed by a full-width digit (`-４`) fails at the sign: look one further.
    let pos = match text[pos..].char_indices().nth(1) {
        Some((i, c)) if text[pos..].starts_with(['+', '-']) && fullwidth_twin(c).is_some() => {
            pos + i
        }
        _ => pos,
    };
    let found = text[pos..].chars().next();
    // A word (a misspelt keyword) is underlined whole, anything else by its character.
    let word_len = text[pos..]
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
        .map(char::len_utf8)
        .sum::<usize>();
    let span = Span::new(
        pos,
        pos + if word_len > 1 {
            word_len
        } else {
            found.map_or(0, char::len_utf8)
        },
    );

    if let Some(c) = found {
        // Punctuation inside a fact's name (`指南不规范（条）数`): no bracket, full-width
        // or not, may stand in a name.
        let in_name = text[..pos]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphanumeric() || p == '_');
        let bracket = "（）【】()[]《》、，。".contains(c);
        let names_facts = matches!(
            statement_context(text, pos),
            Some("fact" | "per" | "missing" | "deadline" | "if" | "applicable" | "give")
        );
        if bracket && in_name && names_facts {
            return SyntaxError::NameBracket { span, found: c };
        }
        if let Some(ascii) = fullwidth_twin(c) {
            // Only some ASCII characters belong to the language; for the others (such as
            // `：`) the full-width form is simply out of place.
            let in_language = ascii.is_ascii_digit() || "+-%(){}[],=<>!.\"".contains(ascii);
            return if in_language {
                SyntaxError::Fullwidth {
                    span,
                    found: c,
                    ascii,
                }
            } else {
                SyntaxError::FullwidthForeign { span, found: c }
            };
        }
    }

    let positives = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let context = statement_context(text, pos);
    if found.is_none() {
        if let Some(open) = unclosed_brace(text) {
            return SyntaxError::Unclosed { span, open };
        }
    }
    if let Some(quoted) = spaced_name(text, pos, context) {
        return SyntaxError::SpacedName { span, quoted };
    }
    if let Some(colon) = colon_before_points(text, pos, &positives, context) {
        let c = text[colon..].chars().next().unwrap_or(':');
        return SyntaxError::Colon {
            span,
            colon: Span::new(colon, colon + c.len_utf8()),
            found: c,
        };
    }
    let found = match found {
        None => Found::End,
        Some(c) if c.is_whitespace() => Found::Space,
        Some(_) => Found::Token(token_at(text, pos)),
    };
    let misspelt = misspelt_keyword(text, pos, &positives);
    SyntaxError::Expected {
        span,
        found,
        expected: positives,
        context,
        misspelt,
    }
}

/// The byte offset of the last `{` of the file left unclosed, reading past strings and
/// comments.
fn unclosed_brace(text: &str) -> Option<usize> {
    let mut open = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                let block = text[i..].starts_with("\"\"\"");
                if block {
                    let end = text[i + 3..]
                        .find("\"\"\"")
                        .map_or(text.len(), |e| i + 3 + e + 3);
                    while chars.peek().is_some_and(|(j, _)| *j < end) {
                        chars.next();
                    }
                } else {
                    while let Some((_, c)) = chars.next() {
                        match c {
                            '\\' => {
                                chars.next();
                            }
                            '"' | '\n' => break,
                            _ => {}
                        }
                    }
                }
            }
            '{' => open.push(i),
            '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

/// The statement written with its name in quotes, when the error stands on the same
/// line as an unquoted title or name that a space cut short (`rubric 江门市 考核表`,
/// `item 决策 公开 4 {`).
fn spaced_name(text: &str, pos: usize, context: Option<&str>) -> Option<String> {
    let keyword = match context {
        Some(k @ ("rubric" | "source" | "item" | "section")) => k,
        _ => return None,
    };
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..pos];
    let found = text[pos..].chars().next()?;
    if before.contains('"') || found.is_ascii_digit() || "{}\"#".contains(found) {
        return None;
    }
    let mut words = before.split_whitespace();
    if words.next() != Some(keyword) {
        return None;
    }
    let name: Vec<&str> = words.collect();
    if name.is_empty() {
        return None;
    }
    let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let rest: Vec<&str> = text[pos..line_end].split_whitespace().collect();
    // An item or section keeps its points and `{` after the quoted name.
    let (more, tail) = match keyword {
        "item" | "section" => {
            let cut = rest
                .iter()
                .position(|w| w.starts_with(|c: char| c.is_ascii_digit()) || *w == "{")
                .unwrap_or(rest.len());
            (&rest[..cut], rest[cut..].join(" "))
        }
        _ => (&rest[..], String::new()),
    };
    let quoted = [&name[..], more].concat().join(" ");
    Some(
        format!("{keyword} \"{quoted}\" {tail}")
            .trim_end()
            .to_string(),
    )
}

/// Where a `：` or `:` joins an item's or section's name to its points
/// (`item 决策公开：4 {`), when the points are what was expected.
fn colon_before_points(
    text: &str,
    pos: usize,
    positives: &[Rule],
    context: Option<&str>,
) -> Option<usize> {
    let wants_points = positives
        .iter()
        .any(|r| matches!(r, Rule::points | Rule::number | Rule::percent_lit));
    if !wants_points || !matches!(context, Some("item" | "section")) {
        return None;
    }
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..pos];
    if line.contains('"') {
        return None;
    }
    line.rfind(['：', ':']).map(|i| line_start + i)
}

/// The ASCII character a full-width form stands for, for the ones a Chinese input
/// method produces in place of the language's punctuation and digits.
pub fn fullwidth_twin(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}' => Some(' '),
        '\u{201C}' | '\u{201D}' => Some('"'),
        _ => None,
    }
}

/// The expected keyword the word found at `pos` is most likely a misspelling of.
fn misspelt_keyword(text: &str, pos: usize, positives: &[Rule]) -> Option<&'static str> {
    let found: String = text[pos..]
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
        .collect();
    if found.len() < 2 {
        return None;
    }
    let words: Vec<&'static str> = positives.iter().filter_map(|r| keyword_word(*r)).collect();
    words
        .into_iter()
        .map(|w| (strsim::damerau_levenshtein(&found, w), w))
        .filter(|(distance, w)| *distance > 0 && *distance <= 2.min(w.len() / 2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, w)| w)
}

/// The spelling of a keyword rule.
pub fn keyword_word(rule: Rule) -> Option<&'static str> {
    use Rule::*;
    Some(match rule {
        kw_text | text_stmt => "text",
        kw_note | note_stmt => "note",
        kw_fact | fact_decl => "fact",
        kw_start | start_stmt => "start",
        kw_applicable | applicable_stmt => "applicable",
        kw_if | if_clause => "if",
        kw_per | per_clause => "per",
        kw_missing | missing_clause => "missing",
        kw_deadline | deadline_clause => "deadline",
        kw_give | give_clause | give_effect => "give",
        kw_floor | floor_mod => "floor",
        kw_max | max_mod => "max",
        kw_unless | unless_mod => "unless",
        kw_section | section_kind => "section",
        kw_item | item => "item",
        kw_bool | type_bool => "bool",
        kw_count | type_count => "count",
        kw_percent | type_percent => "percent",
        kw_date | type_date => "date",
        kw_set | type_set => "set",
        kw_tally | type_tally => "tally",
        kw_periods | type_periods => "periods",
        kw_discretion | type_discretion => "discretion",
        kw_dates | type_dates => "dates",
        kw_zero | zero_effect => "zero",
        kw_except | except => "except",
        kw_over | over => "over",
        kw_workdays => "workdays",
        kw_days => "days",
        kw_late | two_outcomes => "late",
        kw_never => "never",
        kw_allow | allow_stmt => "allow",
        kw_draft | draft_setting => "draft",
        kw_columns | columns_setting => "columns",
        kw_level => "level",
        kw_methods | methods_setting => "methods",
        kw_pooled | pooled => "pooled",
        kw_min | total_min => "min",
        kw_none | no_cap => "none",
        kw_by => "by",
        kw_of => "of",
        kw_points => "points",
        kw_score => "score",
        kw_total | total_setting => "total",
        kw_year | year_setting => "year",
        kw_round | round_setting => "round",
        kw_rubric | rubric_setting => "rubric",
        kw_source | source_setting => "source",
        kw_calendar | calendar_setting => "calendar",
        kw_bonus => "bonus",
        kw_penalty => "penalty",
        _ => return None,
    })
}

/// The statement keyword that opens the line the error is on, if any.
fn statement_context(text: &str, pos: usize) -> Option<&'static str> {
    const STATEMENTS: [&str; 17] = [
        "item",
        "section",
        "fact",
        "if",
        "per",
        "missing",
        "deadline",
        "give",
        "total",
        "year",
        "round",
        "rubric",
        "text",
        "note",
        "start",
        "applicable",
        "allow",
    ];
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let first = text[line_start..].split_whitespace().next()?;
    STATEMENTS.iter().find(|k| **k == first).copied()
}

/// The token that starts at `pos`, for "found `…`" (at most 12 characters).
fn token_at(text: &str, pos: usize) -> String {
    let rest = &text[pos..];
    let end = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i);
    let token: String = rest[..end].chars().take(12).collect();
    if token.is_empty() {
        rest.chars().next().map(String::from).unwrap_or_default()
    } else {
        token
    }
}

fn describe(rule: Rule, context: Option<&str>) -> Option<String> {
    use Rule::*;
    let kw = |k: &str| Some(format!("`{k}`"));
    match rule {
        kw_rubric => kw("rubric"),
        kw_source => kw("source"),
        kw_total => kw("total"),
        kw_year => kw("year"),
        kw_round => kw("round"),
        kw_section => kw("section"),
        kw_item => kw("item"),
        kw_text => kw("text"),
        kw_note => kw("note"),
        kw_fact => kw("fact"),
        kw_bool => kw("bool"),
        kw_count => kw("count"),
        kw_percent => kw("percent"),
        kw_date => kw("date"),
        kw_set => kw("set"),
        kw_tally => kw("tally"),
        kw_default => kw("default"),
        kw_start => kw("start"),
        kw_applicable => kw("applicable"),
        kw_unless => kw("unless"),
        kw_if => kw("if"),
        kw_per => kw("per"),
        kw_missing => kw("missing"),
        kw_deadline => kw("deadline"),
        kw_by => kw("by"),
        kw_except => kw("except"),
        kw_zero | zero_effect => kw("zero"),
        kw_of => kw("of"),
        kw_points => kw("points"),
        kw_score => kw("score"),
        kw_floor | floor_mod => kw("floor"),
        kw_max | max_mod => kw("max"),
        kw_not => kw("not"),
        kw_and => kw("and"),
        kw_or => kw("or"),
        kw_true => kw("true"),
        kw_false => kw("false"),
        kw_half_up | kw_half_even | kw_up | kw_down | rounding_mode => {
            Some(msg!("syntax-expect-rounding"))
        }
        unless_mod => kw("unless"),
        number | integer | points => Some(match context {
            Some("item") => msg!("syntax-expect-item-points"),
            Some("section") => msg!("syntax-expect-section-points"),
            Some("total") => msg!("syntax-expect-total"),
            Some("year") => msg!("syntax-expect-year"),
            Some("start") => msg!("syntax-expect-start"),
            Some("round") => msg!("syntax-expect-places"),
            _ if rule == integer => msg!("syntax-expect-integer"),
            _ => msg!("syntax-expect-number"),
        }),
        date => Some(msg!("syntax-expect-date")),
        allow_name => Some(msg!("syntax-expect-allow-name")),
        ident | fact_path => Some(match context {
            Some("fact") => msg!("syntax-expect-fact-name"),
            _ => msg!("syntax-expect-a-fact-name"),
        }),
        calendar_name => Some(msg!("syntax-expect-calendar")),
        bare_label | string | block_string => Some(match context {
            Some("item") => msg!("syntax-expect-item-name"),
            Some("section") => msg!("syntax-expect-section-name"),
            Some("rubric") => msg!("syntax-expect-title"),
            _ => msg!("syntax-expect-text"),
        }),
        string_inner | block_inner => Some(msg!("syntax-expect-closing-quote")),
        points_effect | percent_effect | signed_percent => Some(msg!("syntax-expect-effect")),
        percent_base => Some(msg!("syntax-expect-percent-base")),
        // Points may be a weight (`30%`) or a number: said as the points, not as a
        // percentage alone.
        percent_lit => Some(match context {
            Some("item") => msg!("syntax-expect-item-points"),
            Some("section") => msg!("syntax-expect-section-points"),
            _ => msg!("syntax-expect-percentage"),
        }),
        compare_op => Some(msg!("syntax-expect-comparison")),
        condition | conjunction | negation | comparison => Some(msg!("syntax-expect-condition")),
        type_bool | type_count | type_percent | type_date | type_set | type_tally => {
            Some(msg!("syntax-expect-fact-type"))
        }
        member_list => Some(msg!("syntax-expect-member-list")),
        member => Some(msg!("syntax-expect-member")),
        fact_default => kw("default"),
        except => kw("except"),
        text_stmt | note_stmt | fact_decl | start_stmt | applicable_stmt | if_clause
        | per_clause | missing_clause | deadline_clause | allow_stmt | give_clause => {
            Some(msg!("syntax-expect-statement"))
        }
        section_kind => Some("`section`".into()),
        section | item => Some(msg!("syntax-expect-section-or-item")),
        rubric_setting | source_setting | total_setting | year_setting | round_setting => {
            Some(msg!("syntax-expect-setting"))
        }
        EOI => Some(msg!("syntax-expect-end")),
        _ => None,
    }
}

pub(super) fn describe_expected(positives: &[Rule], context: Option<&str>) -> String {
    let mut words: Vec<String> = Vec::new();
    for rule in positives {
        if let Some(w) = describe(*rule, context) {
            if !words.contains(&w) {
                words.push(w);
            }
        }
    }
    match words.len() {
        0 => msg!("syntax-expect-something-else"),
        1 => words.remove(0),
        _ => {
            let last = words.pop().unwrap_or_default();
            msg!(
                "syntax-expect-either",
                first = words.join(&msg!("syntax-expect-separator")),
                last = last
            )
        }
    }
}

pub(super) fn help_for(positives: &[Rule], context: Option<&str>) -> String {
    use Rule::*;
    let has = |r: Rule| positives.contains(&r);
    let weight = has(percent_lit) && matches!(context, Some("item" | "section"));
    if has(number) || has(integer) || has(points) || weight {
        return match context {
            Some("item") => msg!("syntax-help-item-points"),
            Some("section") => msg!("syntax-help-section-points"),
            _ => msg!("syntax-help-digits"),
        };
    }
    if has(points_effect) || has(percent_effect) || has(zero_effect) {
        return msg!("syntax-help-effect");
    }
    if has(ident) || has(fact_path) {
        return msg!("syntax-help-name");
    }
    if has(text_stmt) || has(if_clause) {
        return msg!("syntax-help-statement");
    }
    msg!("syntax-help-language")
}
