#!/usr/bin/env bash
# Checks that check_file stays linear on pathological inputs, by instruction
# counts (callgrind), which unlike wall-clock time do not depend on the load
# of the machine.
#
#   benches/scaling.sh [KIB] [INPUT...]
#
# For each input of benches/support (`cargo bench --bench stages -- list`),
# runs check_file once at KIB and at 2*KIB KiB (default 256) under callgrind
# and prints the instructions per byte and the growth ratio, which is 2.0 for
# linear work. Exits 1 if any ratio exceeds 2.5. Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."

kib=${1:-256}
shift || true
command -v valgrind >/dev/null || { echo "valgrind not found" >&2; exit 2; }

bin=$(cargo bench --bench stages --no-run 2>&1 | grep -o 'target/release/deps/stages-[0-9a-f]*' | head -1)
[ -x "$bin" ] || { echo "could not build the stages bench" >&2; exit 2; }

if [ $# -gt 0 ]; then inputs=("$@"); else mapfile -t inputs < <("$bin" list); fi

# Instructions executed inside the measured_* functions of one run.
count() {
    local out
    out=$(mktemp)
    valgrind --tool=callgrind --toggle-collect='*measured_*' --callgrind-out-file="$out" \
        "$bin" run check_file "$1" "$2" >/dev/null 2>&1
    grep -m1 '^summary:' "$out" | awk '{print $2}'
    rm -f "$out"
}

worst=0
status=0
printf '%-30s %14s %14s %8s\n' input "Ir/B @${kib}K" "Ir/B @$((2 * kib))K" ratio
for input in "${inputs[@]}"; do
    small=$(count "$input" "$kib")
    large=$(count "$input" $((2 * kib)))
    read -r ratio per_small per_large flag < <(awk -v s="$small" -v l="$large" -v k="$kib" 'BEGIN {
        r = l / s; printf "%.2f %.1f %.1f %s\n", r, s / (k * 1024), l / (2 * k * 1024), (r > 2.5 ? "SUPERLINEAR" : "")
    }')
    printf '%-30s %14s %14s %8s %s\n' "$input" "$per_small" "$per_large" "x$ratio" "$flag"
    [ -n "$flag" ] && status=1
    worst=$(awk -v a="$worst" -v b="$ratio" 'BEGIN { print (b > a ? b : a) }')
done
echo "largest ratio for twice the input: x$worst (linear: x2.00)"
exit $status
