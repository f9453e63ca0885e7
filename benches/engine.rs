//! Criterion benchmarks of kaohe's engine (docs/performance.md).

use criterion::{criterion_group, criterion_main, Criterion};

fn parse_and_check(c: &mut Criterion) {
    let text = std::fs::read_to_string("rules/jiangmen-2020/county.rule").expect("rule file");
    c.bench_function("check/county", |b| {
        b.iter(|| kaohe::check::compile(&kaohe::source::SourceFile::new("county.rule", text.as_str())))
    });
}

criterion_group!(benches, parse_and_check);
criterion_main!(benches);
