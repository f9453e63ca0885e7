//! Weights: points written as a percentage of the parent (`section 主动公开 30% {`) worked
//! out, exactly, into the checker's own data ([`Points`]), before anything else is
//! checked. The syntax tree keeps the points as written (a weight's are 0 there); every
//! check that needs a section's or an item's points reads them through [`Points`], and
//! lowering puts them into the model.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::span::Span;
use crate::syntax::ast::{Item, Node, Section};

/// The points of every section and item as the checker reads them: those written as a
/// weight worked out from their parent's, the others as written.
#[derive(Debug, Clone, Default)]
pub struct Points {
    /// The worked-out points of each part written as a weight, by the part's span.
    weighed: HashMap<Span, Decimal>,
}

impl Points {
    /// Works out every weight, top down: a top-level weight is a share of the rubric's
    /// `total`. Without a total the weights stay unresolved, their points 0. The
    /// nesting is bounded by the syntax stage's depth check.
    pub fn resolve(nodes: &[Node], total: Option<Decimal>) -> Points {
        let mut points = Points::default();
        if let Some(total) = total {
            points.weigh(nodes, total);
        }
        points
    }

    fn weigh(&mut self, nodes: &[Node], parent_points: Decimal) {
        for node in nodes {
            let share = |w: Decimal| (w * parent_points / Decimal::ONE_HUNDRED).normalize();
            match node {
                Node::Section(s) => {
                    if let Some(w) = s.weight {
                        self.weighed.insert(s.span, share(w));
                    }
                    let points = self.section(s);
                    self.weigh(&s.children, points);
                }
                Node::Item(i) => {
                    if let Some(w) = i.weight {
                        self.weighed.insert(i.span, share(w));
                    }
                }
            }
        }
    }

    /// An item's points.
    pub fn item(&self, item: &Item) -> Decimal {
        self.weighed
            .get(&item.span)
            .copied()
            .unwrap_or(item.points.node)
    }

    /// A section's points.
    pub fn section(&self, section: &Section) -> Decimal {
        self.weighed
            .get(&section.span)
            .copied()
            .unwrap_or(section.points.node)
    }

    /// A section's or an item's points.
    pub fn of(&self, node: &Node) -> Decimal {
        match node {
            Node::Section(s) => self.section(s),
            Node::Item(i) => self.item(i),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn tree(text: &str) -> crate::syntax::ast::File {
        crate::syntax::parse(&SourceFile::new("t.rule", text)).expect("parses")
    }

    #[test]
    fn weights_are_worked_out_top_down_and_the_tree_keeps_what_it_says() {
        let file = tree("rubric 表\ntotal 50\nsection 甲 40% {\n  item 乙 25% {\n    fact 否 bool \"否\"\n    if 否 -1\n  }\n  item 丙 15 {\n    fact 否 bool \"否\"\n    if 否 -1\n  }\n}\nsection 丁 30 {\n  item 戊 30 {\n    fact 否 bool \"否\"\n    if 否 -1\n  }\n}\n");
        let points = super::super::points(&file);
        let Node::Section(jia) = &file.nodes[0] else {
            panic!("a section")
        };
        let Node::Item(yi) = &jia.children[0] else {
            panic!("an item")
        };
        // 40% of 50 = 20; 25% of 20 = 5; the others as written.
        assert_eq!(points.section(jia), Decimal::new(20, 0));
        assert_eq!(points.item(yi), Decimal::new(5, 0));
        assert_eq!(points.of(&jia.children[1]), Decimal::new(15, 0));
        assert_eq!(points.of(&file.nodes[1]), Decimal::new(30, 0));
        // The syntax tree says what the file says: a weight, its points 0.
        assert_eq!(
            (jia.weight, jia.points.node),
            (Some(Decimal::new(40, 0)), Decimal::ZERO)
        );
        assert_eq!(
            (yi.weight, yi.points.node),
            (Some(Decimal::new(25, 0)), Decimal::ZERO)
        );
        // Without a total, the weights stay unresolved.
        let points = Points::resolve(&file.nodes, None);
        assert_eq!(points.section(jia), Decimal::ZERO);
        assert_eq!(points.item(yi), Decimal::ZERO);
    }
}
