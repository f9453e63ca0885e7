//! Peak memory and time of reading and scoring generated county units, at several
//! sizes, each measured in a child process of its own (docs/performance.md): CSV
//! evidence of 10,000, 100,000 and 1,000,000 rows, an XLSX workbook of 100,000
//! rows, and an XLSX zip bomb: 10 MB that unzip to a sheet of 1 GiB whose
//! `<dimension>` claims the largest sheet Excel allows. Each child reports its peak resident memory (`VmHWM` of /proc/self/status),
//! so the figures do not mix. The children run under a virtual-memory limit of
//! 8 GiB (`ulimit -v`), so an input that would take unbounded memory ends there
//! instead of taking the machine.
//!
//! For each CSV size, the whole command is measured too: `kaohe eval RULE FILE --format
//! csv -o OUT`, reading, scoring, keeping each unit's numbers in a ranking (sorted in
//! temporary files past 65,536 units) and writing the ranking, its peak resident memory and wall time as `/usr/bin/time -v`
//! reports them (skipped where there is no `/usr/bin/time`); and `--format json` and
//! `--format md`, each unit's part spooled to a temporary file as it is scored.
//!
//! `cargo bench --bench peak_memory`; `KAOHE_BENCH_SIZES=10000,100000` chooses the
//! CSV sizes, `KAOHE_BENCH_FORMATS=csv,json` the commands' formats, `KAOHE_BENCH_XLSX=0` skips the workbook and `KAOHE_BENCH_BOMB=0` the
//! zip bomb.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use kaohe::eval::Scorer;
use kaohe::evidence::{stream, Options};
use kaohe::report::RankingSort;

/// The peak resident memory of this process so far, in KiB.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// In the child: read and score every unit of one file as `kaohe eval --format csv`
/// does (streamed, each unit scored without a trace as it is read by the rubric
/// compiled once, its numbers kept in the ranking, in memory up to a budget and in
/// sorted temporary files past it, then merged), then report.
fn child(path: &Path) {
    let rubric = common::table("county");
    let scorer = Scorer::new(&rubric);
    let before = peak_rss_kib();
    let start = Instant::now();
    let mut ranking = RankingSort::new();
    let (mut scored, mut unscored) = (0usize, 0usize);
    let read = stream(
        &rubric,
        &[path.to_path_buf()],
        &Options::default(),
        &mut |_| {},
        &mut |unit| match scorer.summarise(&unit) {
            Ok(s) => {
                scored += 1;
                ranking.push(&s);
            }
            Err(_) => unscored += 1,
        },
    );
    let runs = ranking.runs();
    // The ranking is merged from its runs, as it is when written.
    let ranked = ranking.rows().map_or(0, |rows| rows.count());
    let total = start.elapsed();
    println!(
        "units={} ranked={ranked} runs={runs} problems={} unscored={unscored} total_s={:.3} rubric_kib={before} peak_kib={}",
        scored + unscored,
        read.problems.len(),
        total.as_secs_f64(),
        peak_rss_kib()
    );
}

/// Runs the child on a file under the memory limit and prints its report.
fn measure(label: &str, path: &Path, bytes: u64) {
    let exe = std::env::current_exe().expect("this benchmark's path");
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 8388608; exec \"$0\" --child \"$1\"")
        .arg(&exe)
        .arg(path)
        .output()
        .expect("the child runs");
    let report = String::from_utf8_lossy(&output.stdout);
    let status = if output.status.success() {
        "ok".to_string()
    } else {
        format!(
            "failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .unwrap_or("")
        )
    };
    println!(
        "{label:<14} file_mib={:<8.1} {} {status}",
        bytes as f64 / 1_048_576.0,
        report.trim()
    );
}

/// Runs `kaohe eval --format FORMAT` on a file under the memory limit, through
/// `/usr/bin/time -v`, and prints the command's peak resident memory and wall time:
/// the CSV ranking written to a file (`-o OUT`), the JSON and Markdown reports, which
/// take 16 and 4 KB a county unit, to standard output into `/dev/null`.
fn measure_cli(label: &str, path: &Path, format: &str) {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        println!("{label:<14} skipped: no /usr/bin/time");
        return;
    }
    let out = std::env::temp_dir().join(format!("kaohe-bench-ranking-{}.csv", std::process::id()));
    let script = if format == "csv" {
        "ulimit -v 8388608; exec \"$0\" -v \"$1\" eval rules/jiangmen-2020/county.rule \"$2\" --format csv -o \"$3\""
    } else {
        "ulimit -v 8388608; exec \"$0\" -v \"$1\" eval rules/jiangmen-2020/county.rule \"$2\" --format \"$4\" > /dev/null"
    };
    let output = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(time)
        .arg(env!("CARGO_BIN_EXE_kaohe"))
        .arg(path)
        .arg(&out)
        .arg(format)
        .output()
        .expect("the command runs");
    let _ = std::fs::remove_file(&out);
    let report = String::from_utf8_lossy(&output.stderr);
    let field = |name: &str| {
        report
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .map_or("?".to_string(), |v| v.trim().to_string())
    };
    let status = if output.status.success() {
        "ok".to_string()
    } else {
        format!("failed ({})", output.status)
    };
    println!(
        "{label:<14} peak_kib={} wall={} {status}",
        field("Maximum resident set size (kbytes):"),
        field("Elapsed (wall clock) time (h:mm:ss or m:ss):")
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(Path::new(&args[i + 1]));
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this as a test with
    // no argument: then only the smallest size is measured, as a smoke test.
    let smoke = !args.iter().any(|a| a == "--bench");
    let sizes: Vec<usize> = if smoke {
        vec![1_000]
    } else {
        std::env::var("KAOHE_BENCH_SIZES")
            .ok()
            .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
            .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000])
    };
    let formats: Vec<String> = std::env::var("KAOHE_BENCH_FORMATS")
        .ok()
        .map(|v| v.split(',').map(|s| s.trim().to_string()).collect())
        .unwrap_or_else(|| vec!["csv".into(), "json".into(), "md".into()]);
    let rubric = common::table("county");
    for n in sizes {
        let path = common::scratch(&format!("county-{n}.csv"));
        if !path.exists() {
            common::write_csv(&rubric, n, &path);
        }
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        measure(&format!("csv {n}"), &path, bytes);
        for format in &formats {
            measure_cli(&format!("cli {format} {n}"), &path, format);
        }
    }
    if !smoke && std::env::var("KAOHE_BENCH_XLSX").as_deref() != Ok("0") {
        let n = 100_000;
        let path = common::scratch(&format!("county-{n}.xlsx"));
        if !path.exists() {
            common::write_xlsx(&rubric, n, &path);
        }
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        measure(&format!("xlsx {n}"), &path, bytes);
    }
    if !smoke && std::env::var("KAOHE_BENCH_BOMB").as_deref() != Ok("0") {
        let expanded = 1u64 << 30;
        let path = common::scratch("bomb-1gib.xlsx");
        if !path.exists() {
            common::write_zip_bomb(&rubric, expanded, &path);
        }
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        measure("xlsx bomb 1GiB", &path, bytes);
    }
}
