//! Weights: points written as a percentage of the parent (`section 主动公开 30% {`) are
//! turned into points, exactly, before anything else is checked.

use rust_decimal::Decimal;

use crate::syntax::ast::Node;

/// Resolves every weight, top down: a top-level weight is a share of the rubric's total.
pub fn resolve(nodes: &mut [Node], parent_points: Decimal) {
    for node in nodes {
        match node {
            Node::Section(s) => {
                if let Some(w) = s.weight {
                    s.points.node = (w * parent_points / Decimal::ONE_HUNDRED).normalize();
                }
                let points = s.points.node;
                resolve(&mut s.children, points);
            }
            Node::Item(i) => {
                if let Some(w) = i.weight {
                    i.points.node = (w * parent_points / Decimal::ONE_HUNDRED).normalize();
                }
            }
        }
    }
}

impl Node {
    /// The weight in percent, when the points were written as one.
    pub fn weight(&self) -> Option<Decimal> {
        match self {
            Node::Section(s) => s.weight,
            Node::Item(i) => i.weight,
        }
    }
}
