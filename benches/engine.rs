//! Criterion benchmarks of kaohe's engine (docs/performance.md has the method and the
//! figures): parsing and checking each 2020 table, scoring one unit, and a batch of
//! generated county units read from CSV, compared with only parsing the same CSV with
//! the `csv` crate.
//!
//! `cargo bench --bench engine`. The batch holds 100,000 units by default; criterion
//! takes at least ten samples of each measurement, which at today's speed is about
//! half an hour, so `KAOHE_BENCH_UNITS=10000 cargo bench --bench engine` gives the same
//! ratios in minutes (the cost per unit does not depend on the batch's size: see the
//! peak-memory benchmark's times at 10,000 and 100,000 units).

mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, Criterion, Throughput};
use kaohe::check::compile;
use kaohe::eval::{evaluate, Scorer};
use kaohe::evidence::{load, load_file, stream, Options, Unit};
use kaohe::source::SourceFile;

fn units() -> usize {
    std::env::var("KAOHE_BENCH_UNITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

fn parse_and_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    for name in ["county", "department"] {
        let path = format!("rules/jiangmen-2020/{name}.rule");
        let text = std::fs::read_to_string(&path).expect("the rule file");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let checked = compile(&SourceFile::new(path.as_str(), black_box(text.as_str())));
                assert!(checked.rubric.is_some());
                checked
            })
        });
    }
    group.finish();
}

fn eval_one(c: &mut Criterion) {
    let mut group = c.benchmark_group("eval_one");
    for (name, example) in [("county", "enping"), ("department", "yanjiushi")] {
        let rubric = common::table(name);
        let path = format!("examples/jiangmen-2020/{name}/{example}.toml");
        let unit = load(&rubric, Path::new(&path)).expect("the example unit");
        group.throughput(Throughput::Elements(1));
        group.bench_function(name, |b| {
            b.iter(|| evaluate(&rubric, black_box(&unit)).expect("scores"))
        });
        // The same unit scored without writing its trace, as a ranking is: by the
        // rubric compiled once.
        let scorer = Scorer::new(&rubric);
        group.bench_function(format!("{name}_summary"), |b| {
            b.iter(|| scorer.summarise(black_box(&unit)).expect("scores"))
        });
        // Compiling the rubric for the scorer, done once per run.
        group.bench_function(format!("{name}_compile"), |b| {
            b.iter(|| Scorer::new(black_box(&rubric)))
        });
    }
    group.finish();
}

/// Only parsing the CSV, with the `csv` crate: every record read and checked as
/// UTF-8, every field's length added up so that nothing is optimized away.
fn csv_crate_parse(path: &Path) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .expect("the CSV file");
    let mut record = csv::StringRecord::new();
    let mut bytes = 0;
    while reader.read_record(&mut record).expect("a record") {
        bytes += record.iter().map(str::len).sum::<usize>();
    }
    bytes
}

fn batch(c: &mut Criterion) {
    let n = units();
    let rubric = common::table("county");
    let path = common::scratch(&format!("county-{n}.csv"));
    if !path.exists() {
        common::write_csv(&rubric, n, &path);
    }
    let mut group = c.benchmark_group(format!("batch_{n}"));
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("csv_crate_parse", |b| b.iter(|| csv_crate_parse(&path)));
    // Reading as `kaohe eval` reads: the file streamed in chunks of rows, each unit
    // handed over as soon as it is valid.
    let files = [path.clone()];
    let options = Options::default();
    group.bench_function("kaohe_read", |b| {
        b.iter(|| {
            let mut n = 0usize;
            let read = stream(&rubric, &files, &options, &mut |_| {}, &mut |_| n += 1);
            assert!(read.problems.is_empty());
            n
        })
    });
    // Reading and scoring each unit as it comes, as `kaohe eval --format csv|table`
    // does: without a trace, by the rubric compiled once, keeping only the totals.
    let scorer = Scorer::new(&rubric);
    group.bench_function("kaohe_read_and_eval", |b| {
        b.iter(|| {
            let mut total = rust_decimal::Decimal::ZERO;
            let read = stream(&rubric, &files, &options, &mut |_| {}, &mut |u| {
                total += scorer.summarise(&u).expect("scores").score
            });
            assert!(read.problems.is_empty());
            total
        })
    });
    // The units already read, for scoring alone; read after the other measurements,
    // so that they do not run with these units in memory.
    let loaded: Vec<Unit> = {
        let (units, problems) = load_file(&rubric, &path);
        assert!(problems.is_empty(), "{}", problems[0].message);
        assert_eq!(units.len(), n);
        units.into_iter().map(|l| l.unit).collect()
    };
    group.bench_function("eval_only", |b| {
        b.iter(|| {
            let mut total = rust_decimal::Decimal::ZERO;
            for u in &loaded {
                total += scorer.summarise(u).expect("scores").score;
            }
            total
        })
    });
    group.bench_function("eval_only_traced", |b| {
        b.iter(|| {
            let mut total = rust_decimal::Decimal::ZERO;
            for u in &loaded {
                total += evaluate(&rubric, u).expect("scores").score;
            }
            total
        })
    });
    group.finish();
}

/// The CPU time this thread has run, from Linux's scheduler statistics; the wall
/// clock where they cannot be read. A thread's CPU time leaves out the time other
/// processes took the core, which the wall clock of a busy machine counts.
fn cpu_time(start: std::time::Instant) -> std::time::Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(std::time::Duration::from_nanos)
        .unwrap_or_else(|| start.elapsed())
}

/// `KAOHE_BENCH_ROUNDS=N`: instead of criterion's measurements, the batch's reading
/// alone, reading and scoring, and the `csv` crate's parse, each run once a round for
/// `N` rounds, one after another, and their CPU time per unit printed with the
/// ratios to the parse. Taking turns spreads any change in the machine's load over
/// all three, so that the ratios of one run can be trusted where the times cannot.
fn rounds(n: usize) {
    let units = units();
    let rubric = common::table("county");
    let path = common::scratch(&format!("county-{units}.csv"));
    if !path.exists() {
        common::write_csv(&rubric, units, &path);
    }
    let files = [path.clone()];
    let options = Options::default();
    let scorer = Scorer::new(&rubric);
    let read = || {
        let mut n = 0usize;
        let read = stream(&rubric, &files, &options, &mut |_| {}, &mut |_| n += 1);
        assert!(read.problems.is_empty());
        n
    };
    let read_and_eval = || {
        let mut total = rust_decimal::Decimal::ZERO;
        let read = stream(&rubric, &files, &options, &mut |_| {}, &mut |u| {
            total += scorer.summarise(&u).expect("scores").score
        });
        assert!(read.problems.is_empty());
        total.mantissa() as usize
    };
    let parse = || csv_crate_parse(&path);
    let routines: [(&str, &dyn Fn() -> usize); 3] = [
        ("csv_crate_parse", &parse),
        ("kaohe_read", &read),
        ("kaohe_read_and_eval", &read_and_eval),
    ];
    let mut spent = [std::time::Duration::ZERO; 3];
    for _ in 0..n {
        for (i, (_, routine)) in routines.iter().enumerate() {
            let start = std::time::Instant::now();
            let before = cpu_time(start);
            black_box(routine());
            spent[i] += cpu_time(start) - before;
        }
    }
    let per_unit = |d: std::time::Duration| d.as_secs_f64() * 1e9 / (n * units) as f64;
    for (i, (name, _)) in routines.iter().enumerate() {
        println!(
            "{name:20} {:8.0} ns CPU a unit   {:5.2}x the parse",
            per_unit(spent[i]),
            spent[i].as_secs_f64() / spent[0].as_secs_f64()
        );
    }
}

criterion_group!(benches, parse_and_check, eval_one, batch);

fn main() {
    if let Some(n) = std::env::var("KAOHE_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        rounds(n);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
