//! Evidence for a `number` fact, read exactly (the digits as written, never through a
//! float), and percentages above a `percent max`.

use rust_decimal::Decimal;

use super::raw::{Node, Raw};
use super::value::{raw_text, Validator, Value};
use crate::diagnostic::codes;
use crate::diagnostic::msg;
use crate::model::FactDecl;

impl Validator<'_> {
    /// A `number` fact's value: a number or a decimal string, 0 or more, at most `max`.
    pub(super) fn number(
        &mut self,
        decl: &FactDecl,
        max: Option<Decimal>,
        node: &Node,
    ) -> Option<Value> {
        let name = &decl.name.node;
        let text = match &node.raw {
            Raw::Integer(t) | Raw::Float(t) => Some(t.trim().to_string()),
            Raw::String(t) => Some(t.trim().replace([',', '，'], "")),
            _ => None,
        };
        let value = text.and_then(|t| {
            Decimal::from_str_exact(&t)
                .or_else(|_| Decimal::from_scientific(&t))
                .ok()
        });
        let shown = max.map_or_else(String::new, |m| m.normalize().to_string());
        match value {
            Some(v) if v >= Decimal::ZERO && max.is_none_or(|m| v <= m) => {
                Some(Value::Number(v.normalize()))
            }
            Some(v) => {
                let message = match max {
                    Some(_) => msg!(
                        "evidence-number-outside",
                        name = name,
                        value = v.normalize().to_string(),
                        max = &shown
                    ),
                    None => msg!(
                        "evidence-number-negative",
                        name = name,
                        value = v.normalize().to_string()
                    ),
                };
                self.error(
                    codes::EVIDENCE_VALUE,
                    message,
                    node.span,
                    &msg!("evidence-number-outside".label),
                    msg!("evidence-number-outside".help, name = name),
                );
                None
            }
            None => {
                self.error_toml(
                    codes::EVIDENCE_VALUE,
                    msg!("evidence-number", name = name, found = raw_text(&node.raw)),
                    node.span,
                    &msg!("evidence-number".label),
                    msg!("evidence-number".help, name = name),
                );
                None
            }
        }
    }

    /// A percentage above the `percent max` of its fact.
    pub(super) fn percent_above(&mut self, decl: &FactDecl, p: Decimal, max: Decimal, node: &Node) {
        let name = &decl.name.node;
        self.error(
            codes::EVIDENCE_VALUE,
            msg!(
                "evidence-percent-max",
                name = name,
                value = p.normalize().to_string(),
                max = max.normalize().to_string()
            ),
            node.span,
            &msg!("evidence-percent-max".label),
            msg!(
                "evidence-percent-max".help,
                max = max.normalize().to_string()
            ),
        );
    }
}
