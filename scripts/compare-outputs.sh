#!/usr/bin/env bash
# Compares the outputs of two builds of kaohe byte for byte: a git ref (default
# `main`) and the working tree, both built in release. 10,000 generated county units
# of the 2020 table are scored by each (`kaohe eval --format csv` and `--format json`),
# and a few of them explained (`kaohe explain`); any difference is shown and fails.
#
#   scripts/compare-outputs.sh [REF]
#
# COMPARE_DIR (default target/compare) holds the ref's source, the builds and the
# outputs; UNITS (default 10000) is how many units are generated. Both builds use
# the same cargo target directory, so the dependencies are compiled once; each build's
# binary is copied out before the other is built, the ref's kept for the next run.
set -euo pipefail

ref=${1:-main}
root=$(git rev-parse --show-toplevel)
dir=${COMPARE_DIR:-$root/target/compare}
units=${UNITS:-10000}
rule=rules/jiangmen-2020/county.rule
mkdir -p "$dir/out"

hash=$(git -C "$root" rev-parse "$ref")
# A ref's build is kept (by its commit) and reused.
if [ ! -x "$dir/kaohe-$hash" ]; then
    echo "building $ref (${hash:0:7})"
    rm -rf "$dir/src-ref"
    mkdir -p "$dir/src-ref"
    git -C "$root" archive "$hash" | tar -x -C "$dir/src-ref"
    # The same dependencies as the working tree's.
    if [ -f "$root/Cargo.lock" ]; then cp "$root/Cargo.lock" "$dir/src-ref/"; fi
    (cd "$dir/src-ref" && cargo build --quiet --release --bin kaohe --target-dir "$dir/build")
    cp "$dir/build/release/kaohe" "$dir/kaohe-$hash"
fi
cp "$dir/kaohe-$hash" "$dir/kaohe-ref"

echo "building the working tree"
(cd "$root" && cargo build --quiet --release --bin kaohe --target-dir "$dir/build")
cp "$dir/build/release/kaohe" "$dir/kaohe-new"

csv=$dir/units-$units.csv
if [ ! -f "$csv" ]; then
    echo "generating $units units"
    (cd "$root" && cargo run --quiet --example units -- "$rule" "$units" "$csv")
fi

failed=0
compare() {
    local name=$1
    shift
    (cd "$root" && "$dir/kaohe-ref" "$@" >"$dir/out/$name.ref" 2>&1) || true
    (cd "$root" && "$dir/kaohe-new" "$@" >"$dir/out/$name.new" 2>&1) || true
    if cmp -s "$dir/out/$name.ref" "$dir/out/$name.new"; then
        echo "same: $name ($(wc -c <"$dir/out/$name.new") bytes)"
    else
        echo "DIFFERENT: $name"
        diff "$dir/out/$name.ref" "$dir/out/$name.new" | head -20
        failed=1
    fi
}

compare eval.csv eval "$rule" "$csv" --format csv
compare eval.json eval "$rule" "$csv" --format json
# A few units explained, each from a CSV of its own row.
for row in 1 2 8 43 1000 4322 10000; do
    if [ "$row" -le "$units" ]; then
        sed -n "1p;$((row + 1))p" "$csv" >"$dir/out/unit-$row.csv"
        compare "explain-$row" explain "$rule" "$dir/out/unit-$row.csv"
    fi
done
# The hand-made units of the 2020 county table and of the illustration.
for unit in examples/jiangmen-2020/county/*.toml; do
    compare "explain-$(basename "$unit" .toml)" explain "$rule" "$unit"
done
for unit in examples/illustration/*.toml; do
    compare "explain-illustration-$(basename "$unit" .toml)" explain rules/examples/illustration-2021.rule "$unit"
done
compare eval-illustration.json eval rules/examples/illustration-2021.rule examples/illustration --format json

if [ "$failed" -ne 0 ]; then
    echo "the outputs differ"
    exit 1
fi
echo "all outputs identical"
