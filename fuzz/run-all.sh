#!/usr/bin/env bash
# Runs every fuzz target one after another, each for SECONDS (default 600), at low
# priority, and keeps each run's log in fuzz/logs/. See docs/fuzzing.md.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
mkdir -p fuzz/logs
for target in eval evidence_toml evidence_json evidence_csv rule evidence_xlsx report_writers diagnostics; do
  mkdir -p "fuzz/corpus/$target"
  echo "== $target: $(date -u +%FT%TZ), ${seconds}s" | tee -a fuzz/logs/summary.txt
  nice -n 10 cargo +nightly fuzz run -O "$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
    > "fuzz/logs/$target.log" 2>&1
  echo "   exit $?: $(grep -E '^(stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb)' "fuzz/logs/$target.log" | tr '\n' ' ')" \
    | tee -a fuzz/logs/summary.txt
done
