//! A method of a blended table (`methods { 网上考核 80%, 现场考核 20% }`): the items
//! are scored from the evidence of each method, and the scores weighted.

use rust_decimal::Decimal;

/// One method: its name, as the table says it, and its weight in percent.
#[derive(Debug, Clone, PartialEq)]
pub struct Method {
    pub name: String,
    pub weight: Decimal,
}
