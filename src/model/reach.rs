//! The range of scores an item can reach, as the checker worked it out.

use rust_decimal::Decimal;

/// The scores an item's clauses can reach over all evidence, before and after its
/// bound (扣完为止, 最多得N分) keeps them within the item's lowest and highest.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Reach {
    /// The lowest score its clauses can reach before the bound; `None`: without limit.
    pub clauses_low: Option<Decimal>,
    /// The highest score its clauses can reach before the bound; `None`: without limit.
    pub clauses_high: Option<Decimal>,
    /// The lowest score the item can end at; `None`: without limit (an item of a
    /// `pooled` section whose clauses take without limit).
    pub low: Option<Decimal>,
    /// The highest score the item can end at; `None`: without limit (a bonus item
    /// without a cap whose clauses give without limit).
    pub high: Option<Decimal>,
}

impl Reach {
    /// Whether the bound may cut: the clauses can reach past the item's ends.
    pub fn may_cut(&self) -> bool {
        (match (self.clauses_low, self.low) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(l), Some(low)) => l < low,
        }) || match (self.clauses_high, self.high) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(h), Some(high)) => h > high,
        }
    }
}
