//! Peak memory of batch evaluation at two sizes (docs/performance.md).

fn main() {
    let text = std::fs::read_to_string("rules/jiangmen-2020/county.rule").expect("rule file");
    let checked = kaohe::check::compile(&kaohe::source::SourceFile::new("county.rule", text));
    assert!(checked.rubric.is_some());
}
