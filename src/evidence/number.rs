//! Evidence for a `number` fact, read exactly (the digits as written, never through a
//! float), and percentages above a `percent max`.

use rust_decimal::Decimal;

use super::problem::EvidenceError as E;
use super::raw::{Node, Raw};
use super::value::{found, Validator, Value};
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
        match value {
            Some(v) if v >= Decimal::ZERO && max.is_none_or(|m| v <= m) => {
                Some(Value::Number(v.normalize()))
            }
            Some(v) => {
                self.push(E::NumberOutside {
                    span: node.span,
                    fact: name.clone(),
                    value: v,
                    max,
                });
                None
            }
            None => {
                self.push(E::Number {
                    span: node.span,
                    fact: name.clone(),
                    found: found(&node.raw),
                });
                None
            }
        }
    }

    /// A percentage above the `percent max` of its fact.
    pub(super) fn percent_above(&mut self, decl: &FactDecl, p: Decimal, max: Decimal, node: &Node) {
        self.push(E::PercentAboveMax {
            span: node.span,
            fact: decl.name.node.clone(),
            value: p,
            max,
        });
    }
}
