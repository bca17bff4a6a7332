#!/usr/bin/env bash
# Before/after on a noisy machine: alternates two or more builds of graph-conformance, ROUNDS times,
# on (1) the runner's CPU per request for CASES x STEPS GETs with shape checks against one
# `serve --port 0` (the first build's mock, so every build meets the same server) and (2) the full
# catalogue cold against the embedded mock. Alternating spreads load changes over all builds alike;
# the table gives medians and minimums (load only ever adds to CPU time).
#
#   benchmarks/compare.sh /tmp/gc-before .build/release/graph-conformance
#
# Knobs (environment): ROUNDS (default 8), CASES (100), STEPS (100), JOBS (4). Only 127.0.0.1 is
# contacted; run from anywhere.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/benchmarks/common.sh"
ROUNDS=${ROUNDS:-8}
CASES=${CASES:-100}
STEPS=${STEPS:-100}
JOBS=${JOBS:-4}
(( $# >= 2 )) || { echo "usage: $0 BINARY BINARY [BINARY…]" >&2; exit 2; }
for binary in "$@"; do [[ -x $binary ]] || { echo "not an executable: $binary" >&2; exit 2; }; done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gc-compare.XXXXXX")
SERVE_PID=""
cleanup() {
    if [[ -n $SERVE_PID ]]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

BIN=$1 start_serve "$TMP"
create_bench_position
write_synthetic_cases "$TMP/cases" "$CASES" "$STEPS"

# measure KIND BINARY: one timed run; appends "KIND BINARY wall cpu" to $TMP/results.
measure() {
    local kind=$1 binary=$2
    local args=(-q --junit "$TMP/c.xml" --json "$TMP/c.json")
    if [[ $kind == synthetic ]]; then
        args=(run -q --base-url "$BASE" --mint-tokens --jobs "$JOBS" --cases "$TMP/cases" --junit "$TMP/s.xml" "$TMP/cases/bench")
    fi
    /usr/bin/time -o "$TMP/time.txt" -f "%e %U %S" timeout 300 "$binary" "${args[@]}" >/dev/null \
        || { echo "$binary failed its $kind run" >&2; exit 1; }
    read -r wall user sys <"$TMP/time.txt"
    echo "$kind $binary $wall $(python3 -c "print($user + $sys)")" >>"$TMP/results"
}

log "$ROUNDS rounds x $# builds: $((CASES * STEPS)) GETs (--jobs $JOBS) and the catalogue cold"
for binary in "$@"; do measure synthetic "$binary"; done   # warm-up, not counted
: >"$TMP/results"
for round in $(seq 1 "$ROUNDS"); do
    for binary in "$@"; do
        measure synthetic "$binary"
        measure catalogue "$binary"
    done
    log "  round $round done"
done

python3 - "$TMP/results" "$((CASES * STEPS))" "$@" <<'PY'
import statistics, sys
path, requests, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rows = [line.split() for line in open(path)]
def pick(kind, binary, column): return [float(r[column]) for r in rows if r[0] == kind and r[1] == binary]
print("| build | runner CPU per request, median (min) | GETs per second, median | catalogue cold wall, median (min) | catalogue CPU, median |")
print("|---|---|---|---|---|")
for binary in binaries:
    cpu = [c / requests * 1e6 for c in pick("synthetic", binary, 3)]
    rate = [requests / w for w in pick("synthetic", binary, 2)]
    cold = pick("catalogue", binary, 2)
    cold_cpu = pick("catalogue", binary, 3)
    print(f"| {binary} | {statistics.median(cpu):.0f} µs ({min(cpu):.0f}) | {statistics.median(rate):,.0f} "
          f"| {statistics.median(cold):.3f} s ({min(cold):.3f}) | {statistics.median(cold_cpu):.2f} s |")
PY
