//! The warnings about one item that the item acknowledges with `allow NAME`.
//!
//! Every warning the checker gives about one item has a name `allow` takes
//! ([`WARNINGS`]): an item designed never to reach 0 ("有得10分, 无扣2分") says `allow
//! zero_unreachable`, and the warning is no longer a warning. It is not dropped:
//! [`crate::check::Checked::acknowledged`] keeps it, marked
//! [`Severity::Acknowledged`](crate::diagnostic::Severity::Acknowledged) with a label on
//! the `allow` line, so that `kaohe check` counts it and `--verbose` shows it. An `allow`
//! with no such warning to acknowledge is itself a warning, so that none outlives its
//! reason.

use crate::diagnostic::{codes, Diagnostic, Severity};
use crate::locale::{self, Arg};
use crate::syntax::ast::Item;

use super::allow::TEXT;
use super::problem::CheckError;

/// Each warning about one item that `allow` acknowledges: the name `allow` takes, and
/// the code of the warning (docs/language.md, "Acknowledging a check", has them as a
/// table).
pub const WARNINGS: &[(&str, &str)] = &[
    ("full_unreachable", codes::FULL_UNREACHABLE),
    ("zero_unreachable", codes::ZERO_UNREACHABLE),
    ("clause_exceeds", codes::CLAUSE_EXCEEDS),
    ("condition_never", codes::CONDITION_NEVER),
    ("condition_always", codes::CONDITION_ALWAYS),
    ("condition_undecided", codes::CONDITION_UNDECIDED),
    ("dead_clause", codes::DEAD_CLAUSE),
    ("unused_fact", codes::UNUSED),
    (TEXT, codes::TEXT_MISMATCH),
];

/// The code of the warning `allow name` acknowledges, if `name` is one.
pub fn code_of(name: &str) -> Option<&'static str> {
    WARNINGS.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Sorts the diagnostics `found` about `item`: each warning the item acknowledges
/// goes to `acknowledged`, marked as such, and the rest to `kept`, with a warning for
/// each `allow` that acknowledged nothing (`allow text` says so itself, in
/// [`super::text`]).
pub fn sort(
    item: &Item,
    found: Vec<Diagnostic>,
    kept: &mut Vec<Diagnostic>,
    acknowledged: &mut Vec<Diagnostic>,
) {
    let mut used = vec![false; item.allows.len()];
    for d in found {
        let by = (d.severity == Severity::Warning)
            .then(|| {
                item.allows
                    .iter()
                    .position(|a| code_of(&a.node) == Some(d.code))
            })
            .flatten();
        match by {
            Some(i) => {
                used[i] = true;
                let allow = &item.allows[i];
                let mut d = d.label(
                    allow.span,
                    label("checker-acknowledged", &[("name", Arg::from(&allow.node))]),
                );
                d.severity = Severity::Acknowledged;
                acknowledged.push(d);
            }
            None => kept.push(d),
        }
    }
    for (allow, used) in item.allows.iter().zip(used) {
        let Some(code) = code_of(&allow.node) else {
            continue;
        };
        if used || allow.node == TEXT {
            continue;
        }
        kept.push(
            CheckError::AllowNothing {
                span: allow.span,
                name: allow.node.clone(),
                item: item.name.node.clone(),
                code,
            }
            .into(),
        );
    }
}

/// The label of a message of this module.
fn label(id: &str, args: &[(&str, Arg)]) -> String {
    locale::attribute(locale::current(), id, "label", args).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{codes, Severity};
    use crate::locale::{has_message, Lang};

    /// The item "有得10分, 无扣2分": it can never reach 0.
    fn rubric(allow: &str) -> String {
        format!(
            "rubric t\ntotal 10\nitem 甲 10 {{\n  {allow}\n  fact 有 bool\n  \
             if not 有 -2\n}}\n"
        )
    }

    fn checked(text: String) -> crate::check::Checked {
        let source = crate::source::SourceFile::new("t.rule", text.as_str());
        crate::check::compile(&source)
    }

    #[test]
    fn an_acknowledged_warning_is_kept_as_acknowledged() {
        let plain = checked(rubric(""));
        let codes_of = |ds: &[crate::diagnostic::Diagnostic]| -> Vec<&str> {
            ds.iter().map(|d| d.code).collect()
        };
        assert_eq!(codes_of(&plain.diagnostics), [codes::ZERO_UNREACHABLE]);
        assert!(plain.acknowledged.is_empty());
        let allowed = checked(rubric("allow zero_unreachable"));
        assert!(allowed.diagnostics.is_empty());
        assert_eq!(codes_of(&allowed.acknowledged), [codes::ZERO_UNREACHABLE]);
        assert_eq!(allowed.acknowledged[0].severity, Severity::Acknowledged);
        assert!(allowed.rubric.is_some());
    }

    #[test]
    fn an_allow_with_nothing_to_acknowledge_warns() {
        let text = "rubric t\ntotal 10\nitem 甲 10 {\n  allow zero_unreachable\n  \
                    fact 有 bool\n  if not 有 zero\n}\n";
        let c = checked(text.to_string());
        assert_eq!(c.diagnostics.len(), 1);
        assert_eq!(c.diagnostics[0].code, codes::ALLOW);
        assert!(c.acknowledged.is_empty());
    }

    #[test]
    fn every_message_is_in_both_catalogues() {
        for id in ["checker-acknowledged", "checker-allow-nothing"] {
            for lang in Lang::ALL {
                assert!(has_message(lang, id), "{id} in {lang:?}");
            }
        }
    }
}
