//! The pest parser generated from `grammar/rule.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/rule.pest"]
pub struct RuleParser;
