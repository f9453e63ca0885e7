//! The pest parser generated from `grammar/rule.pest`: the one parser of rule files,
//! which the syntax tree is built from and the formatter reads the pairs of.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/rule.pest"]
pub struct RuleParser;
