//! Criterion benchmarks of the inputs that made kaohe's time quadratic (issue 15,
//! docs/performance.md, "Hostile sizes"): rendering 40,000 diagnostics for people, a
//! `points::sum` diagnostic with 20,000 labels, labels on a 70,000-character line and
//! on a 5 MB cell, the line diff of `fmt --check` when every line differs (20,000
//! items), `diff R R` on 100,000 items, and scoring a set of 100,000 members with
//! 50,000 excepted by `per` and `missing`. Each is measured at the size that was
//! slow; the inputs are generated.
//!
//! `cargo bench --bench hostile -- --quick` runs them all in a few minutes;
//! `KAOHE_HOSTILE_SCALE=0.1` makes every input ten times smaller.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, Criterion};
use kaohe::check::compile;
use kaohe::diagnostic::{render_human, render_json, Diagnostic, HumanStyle};
use kaohe::source::SourceFile;
use kaohe::span::Span;

/// `n` scaled by `KAOHE_HOSTILE_SCALE` (1 by default), at least 10.
fn sized(n: usize) -> usize {
    let scale: f64 = std::env::var("KAOHE_HOSTILE_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1.0);
    ((n as f64 * scale) as usize).max(10)
}

/// A rubric of one section of `n` items, each with one fact used by one clause; each
/// line indented by `indent` spaces more than `kaohe fmt` would.
fn items(n: usize, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut text = format!("rubric 表\ntotal {n}\nyear 2020\nsection 甲 {n} {{\n");
    for i in 0..n {
        text.push_str(&format!(
            "{pad}  item 项{i} 1 {{\n{pad}    fact 事{i} bool\n{pad}    if 事{i} -1\n{pad}  }}\n"
        ));
    }
    text.push_str("}\n");
    text
}

fn diagnostics(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile_diagnostics");
    group.sample_size(10);

    // 40,000 facts declared and never used: one warning each.
    let n = sized(40_000);
    let mut text = String::from("rubric 表\ntotal 1\nyear 2020\nsection 甲 1 {\n  item 乙 1 {\n");
    for i in 0..n {
        text.push_str(&format!("    fact 事{i} bool\n"));
    }
    text.push_str("    if 事0 -1\n  }\n}\n");
    let unused = compile(&SourceFile::new("unused.rule", text)).diagnostics;
    assert!(unused.len() >= n - 1);
    group.bench_function("render_human_40000_unused_facts", |b| {
        b.iter(|| {
            unused
                .iter()
                .map(|d| render_human(black_box(d), HumanStyle::Plain).len())
                .sum::<usize>()
        })
    });
    group.bench_function("render_json_40000_unused_facts", |b| {
        b.iter(|| {
            unused
                .iter()
                .map(|d| render_json(black_box(d)).len())
                .sum::<usize>()
        })
    });

    // 20,000 sections whose points do not add up to the total: one label each.
    let n = sized(20_000);
    let mut text = String::from("rubric 表\ntotal 1\nyear 2020\n");
    for i in 0..n {
        text.push_str(&format!(
            "section 节{i} 1 {{\n  item 项{i} 1 {{\n    fact 事{i} bool\n    if 事{i} -1\n  }}\n}}\n"
        ));
    }
    let sum = compile(&SourceFile::new("sum.rule", text)).diagnostics;
    let sum: Vec<Diagnostic> = sum
        .into_iter()
        .filter(|d| d.code == kaohe::diagnostic::codes::POINTS_SUM)
        .collect();
    assert_eq!(sum.len(), 1);
    group.bench_function("render_human_points_sum_20000_labels", |b| {
        b.iter(|| render_human(black_box(&sum[0]), HumanStyle::Plain).len())
    });

    // A label 70,000 characters into its line (a panic before), and one on a 5 MB cell.
    let long = format!("{}目标\n", "长".repeat(sized(70_000)));
    let at = long.len() - "目标\n".len();
    let far = Diagnostic::error("kaohe::bench", "far into its line")
        .primary(Span::new(at, at + "目标".len()), "here")
        .with_source(&SourceFile::new("long.txt", long));
    group.bench_function("render_human_label_at_70000_columns", |b| {
        b.iter(|| render_human(black_box(&far), HumanStyle::Plain).len())
    });
    let cell = "z".repeat(sized(5_000_000));
    let row = format!("单位,事\n甲,{cell}\n");
    let start = "单位,事\n甲,".len();
    let big = Diagnostic::error("kaohe::bench", "a 5 MB cell")
        .primary(Span::new(start, start + cell.len()), "not yes or no")
        .with_source(&SourceFile::new("cell.csv", row));
    group.bench_function("render_human_5mb_cell", |b| {
        b.iter(|| render_human(black_box(&big), HumanStyle::Plain).len())
    });
    group.finish();
}

fn fmt_and_diff(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile_fmt_diff");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));

    // `fmt --check` on 20,000 items each indented wrong: every line of the diff
    // differs. The same configuration of `similar` as src/cli/fmt.rs.
    let text = items(sized(20_000), 3);
    let source = SourceFile::new("fmt.rule", text);
    let formatted = kaohe::formatter::format(&source).expect("formats");
    group.bench_function("fmt_check_diff_20000_items", |b| {
        b.iter(|| {
            similar::TextDiff::configure()
                .timeout(Duration::from_millis(500))
                .diff_lines(source.text(), black_box(formatted.as_str()))
                .unified_diff()
                .context_radius(3)
                .to_string()
                .len()
        })
    });

    // `diff R R` on 100,000 items, and on 100,000 items every one renamed.
    let n = sized(100_000);
    let text = items(n, 0);
    let old = compile(&SourceFile::new("a.rule", text.clone()))
        .rubric
        .expect("compiles");
    let renamed = compile(&SourceFile::new("b.rule", text.replace('项', "目")))
        .rubric
        .expect("compiles");
    group.bench_function("diff_same_100000_items", |b| {
        b.iter(|| kaohe::diff::compare(black_box(&old), black_box(&old)))
    });
    group.bench_function("diff_renamed_100000_items", |b| {
        b.iter(|| kaohe::diff::compare(black_box(&old), black_box(&renamed)))
    });
    group.finish();
}

/// Scoring one unit's set of `sized(100_000)` members, half of them excepted by a
/// `per` and a `missing` clause and half given: once 14 s for one unit, as each
/// member was looked for among the others.
fn scoring(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile_scoring");
    group.sample_size(10);
    let n = sized(100_000);
    let names: Vec<String> = (0..n).map(|i| format!("项{i}")).collect();
    let except = format!("{{{}}}", names[..n / 2].join(", "));
    let text = format!(
        "rubric 表\ntotal {n}\nsection 甲 {n} {{\n  item 乙 {n} {{\n    fact 要素 set {{{}}} \"要素\"\n    per 要素 except {except} -1 floor 0\n    missing 要素 except {except} -1 floor 0\n  }}\n}}\n",
        names.join(", ")
    );
    let rubric = compile(&SourceFile::new("a.rule", text))
        .rubric
        .expect("compiles");
    let given: Vec<String> = names[n / 4..3 * n / 4]
        .iter()
        .map(|m| format!("\"{m}\""))
        .collect();
    let evidence = SourceFile::new(
        "u.toml",
        format!(
            "unit = \"单位\"\n[\"乙\"]\n\"要素\" = [{}]\n",
            given.join(", ")
        ),
    );
    let node = kaohe::evidence::read(&evidence, kaohe::evidence::Format::Toml).expect("reads");
    let unit = kaohe::evidence::validate(&rubric, &evidence, &node).expect("valid");
    let scorer = kaohe::eval::Scorer::new(&rubric);
    group.bench_function("summarise_set_100000_members", |b| {
        b.iter(|| scorer.summarise(black_box(&unit)).expect("scores"))
    });
    group.bench_function("sheet_set_100000_members", |b| {
        b.iter(|| kaohe::eval::evaluate(&rubric, black_box(&unit)).expect("scores"))
    });
    group.finish();
}

criterion_group!(benches, diagnostics, fmt_and_diff, scoring);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
