//! Temporary timing.
#[path = "/work/main/tests/limits_large.rs"] #[allow(dead_code)] mod big;
use big::*;
use kaohe::check::{ast_items, compile};
use kaohe::eval::evaluate;
use kaohe::evidence::{read, validate, Format};
use kaohe::source::SourceFile;
#[test]
fn timing() {
    let t = std::time::Instant::now();
    let text = big_rule();
    let checked = compile(&SourceFile::new("big.rule", text));
    eprintln!("compile {:?}", t.elapsed());
    let rubric = checked.rubric.unwrap();
    let items = ast_items(&rubric.nodes);
    let mut evidence = String::from("unit = \"大单位\"\n");
    for item in items.iter() {
        evidence.push_str(&format!("[\"{}\"]\n\"未征集\" = false\n\"未标记数\" = 0\n\"形式\" = [\"图表\", \"音视频\"]\n", item.name.node));
    }
    let t = std::time::Instant::now();
    let source = SourceFile::new("big.toml", evidence);
    let node = read(&source, Format::Toml).unwrap();
    eprintln!("read {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let unit = validate(&rubric, &source, &node).unwrap();
    eprintln!("validate {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let _ = evaluate(&rubric, &unit).unwrap();
    eprintln!("evaluate {:?}", t.elapsed());
}
