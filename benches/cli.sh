#!/usr/bin/env bash
# Whole-CLI throughput: `attrcheck --format json` on a directory of articles,
# reading, checking and printing every file, as a user runs it.
#
#   benches/cli.sh [COPIES]
#
# Builds the release binary, writes COPIES (default 200) copies of the corpus
# (the seed, the fixture articles and, when present, the Wikinews dev texts
# from ../shared/eval, which stay outside the repository) into a temporary
# directory, and times the CLI on it with one job and with all cores:
# hyperfine when installed, else the best of 3 `time` runs. Prints MB/s, and
# MB/s per core for the parallel run.
set -euo pipefail
cd "$(dirname "$0")/.."

copies=${1:-200}
cargo build --release --quiet
bin=target/release/attrcheck

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sources=(seeds/*.txt fixtures/*/*.txt fixtures/*/*/*.txt)
if compgen -G "../shared/eval/wikinews-dev/*.txt" >/dev/null; then
    sources+=(../shared/eval/wikinews-dev/*.txt)
else
    echo "note: ../shared/eval/wikinews-dev not found; the seed and fixtures only" >&2
fi
for ((i = 0; i < copies; i++)); do
    mkdir -p "$dir/$i"
    n=0
    for f in "${sources[@]}"; do
        [ -f "$f" ] && cp "$f" "$dir/$i/$n.txt" && n=$((n + 1))
    done
done
files=$(find "$dir" -name '*.txt' | wc -l)
bytes=$(find "$dir" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
cores=$(nproc)
echo "corpus: $files files, $((bytes / 1000000)) MB; $cores cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"

# Best wall-clock seconds of a run of the CLI with $1 jobs.
best_time() {
    local jobs=$1
    if command -v hyperfine >/dev/null; then
        local json
        json=$(mktemp)
        hyperfine --warmup 1 --runs 5 -N --ignore-failure --export-json "$json" \
            "$bin --format json --jobs $jobs $dir" >/dev/null 2>&1
        python3 -c "import json,sys; print(min(json.load(open(sys.argv[1]))['results'][0]['times']))" "$json"
        rm -f "$json"
    else
        local best=999999 t
        for _ in 1 2 3; do
            t=$( { TIMEFORMAT=%R; time "$bin" --format json --jobs "$jobs" "$dir" >/dev/null 2>&1 || true; } 2>&1 )
            best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
        done
        echo "$best"
    fi
}

one=$(best_time 1)
all=$(best_time "$cores")
awk -v b="$bytes" -v t1="$one" -v tn="$all" -v c="$cores" 'BEGIN {
    printf "1 job:   %.2f s = %.0f MB/s\n", t1, b / t1 / 1e6
    printf "%d jobs:  %.2f s = %.0f MB/s (%.0f MB/s per core)\n", c, tn, b / tn / 1e6, b / tn / 1e6 / c
}'
