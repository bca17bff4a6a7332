#!/usr/bin/env bash
# Runner CPU per request, measured the way benchmarks/run.sh section 2 does: `serve --port 0`, one
# position created with curl, a synthetic case file of CASES x STEPS GETs of that position with
# `expect: {status: 200, shape: microsoft.graph.workPosition}`, the runner's user+sys CPU from
# /usr/bin/time (the mock is a separate process, so this is the runner's own CPU), and wrk on the
# same URL at the same concurrency, and libcurl alone (benchmarks/curl-floor.c, when cc is there) as
# the floor. Prints one table; only 127.0.0.1 is contacted.
#
# Knobs (environment): JOBS (default 4), CASES (default 100), STEPS (default 100), RUNS (timed runs
# after one warm-up, best wall time kept, default 3), WRK_SECONDS (default 5, 0 skips wrk),
# SKIP_BUILD=1, BIN=/path/to/graph-conformance, PROFILE=perf (one extra run under perf record;
# self and inclusive tops to $PROFILE_OUT, default /tmp/gc-cpu-perf.txt) or PROFILE=callgrind (one extra run under
# valgrind --tool=callgrind; the annotated inclusive top entries go to $PROFILE_OUT, default
# /tmp/gc-cpu-callgrind.txt; use CASES/STEPS to make that run small, e.g. CASES=10).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/benchmarks/common.sh"
JOBS=${JOBS:-4}
CASES=${CASES:-100}
STEPS=${STEPS:-100}
RUNS=${RUNS:-3}
WRK_SECONDS=${WRK_SECONDS:-5}
WRK_THREADS=$(( JOBS < 2 ? JOBS : 2 ))

for tool in curl python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install curl python3 time)" >&2; exit 2; }
done
if (( WRK_SECONDS > 0 )); then command -v wrk >/dev/null || { echo "missing wrk (apt-get install wrk) or set WRK_SECONDS=0" >&2; exit 2; }; fi

resolve_release_binary

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gc-cpu.XXXXXX")
SERVE_PID=""
cleanup() {
    if [[ -n $SERVE_PID ]]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

start_serve "$TMP"
create_bench_position
SYN="$TMP/cases-synthetic"
write_synthetic_cases "$SYN" "$CASES" "$STEPS"
runner_args=(run -q --base-url "$BASE" --mint-tokens --jobs "$JOBS" --cases "$SYN" --junit "$TMP/syn.xml" --json "$TMP/syn.json" "$SYN/bench")
run_synth() {
    /usr/bin/time -o "$TMP/synth-time.txt" -f "%e %U %S" timeout 300 "$BIN" "${runner_args[@]}" >/dev/null
}
log "runner: $((CASES * STEPS)) GETs, --jobs $JOBS (1 warm-up + $RUNS runs)"
run_synth   # warm-up, and it must pass
best_wall="" best_cpu=""
for _ in $(seq 1 "$RUNS"); do
    run_synth
    read -r wall user sys <"$TMP/synth-time.txt"
    log "  wall $wall s, user $user s, sys $sys s"
    if [[ -z $best_wall ]] || python3 -c "import sys; sys.exit(0 if $wall < $best_wall else 1)"; then
        best_wall=$wall best_cpu=$(python3 -c "print($user + $sys)")
    fi
done
requests=$(python3 -c "
import json; r=json.load(open('$TMP/syn.json'))
print(sum(len(c.get('clientRequestIDs', [])) for s in r['suites'] for c in s['cases']))")

wrk_rps=""
if (( WRK_SECONDS > 0 )); then
    log "wrk -t $WRK_THREADS -c $JOBS -d ${WRK_SECONDS}s"
    timeout 30 wrk -t "$WRK_THREADS" -c "$JOBS" -d "${WRK_SECONDS}s" \
        -H "$AUTH" -H 'Accept: application/json' -H 'User-Agent: graph-conformance-bench' "$URL" >"$TMP/wrk.txt"
    wrk_rps=$(awk '/Requests\/sec:/ {print $2}' "$TMP/wrk.txt")
fi

log "libcurl alone (benchmarks/curl-floor.c): $JOBS threads x $((requests / JOBS)) GETs"
floor=$(measure_curl_floor "$URL" "$AUTH" "$JOBS" "$((requests / JOBS))")

if [[ ${PROFILE:-} == callgrind ]]; then
    out=${PROFILE_OUT:-/tmp/gc-cpu-callgrind.txt}
    log "callgrind run -> $out (and ${out%.txt}-self.txt)"
    # Valgrind 3.19 cannot read the DWARF 5 a Swift build writes; the symbol table is enough.
    strip --strip-debug -o "$TMP/gc-nodebug" "$BIN"
    valgrind --tool=callgrind --dump-instr=no --callgrind-out-file="$TMP/cg.out" \
        "$TMP/gc-nodebug" "${runner_args[@]}" >/dev/null 2>"$TMP/cg.err" || { head -40 "$TMP/cg.err" >&2; exit 1; }
    demangle() { if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else cat; fi; }
    callgrind_annotate --inclusive=yes "$TMP/cg.out" 2>/dev/null | head -n 100 | demangle >"$out"
    callgrind_annotate "$TMP/cg.out" 2>/dev/null | head -n 80 | demangle >"${out%.txt}-self.txt"
elif [[ ${PROFILE:-} == perf ]]; then
    out=${PROFILE_OUT:-/tmp/gc-cpu-perf.txt}
    log "perf record -> $out"
    perf record -q -F 2000 -g -o "$TMP/perf.data" "$BIN" "${runner_args[@]}" >/dev/null 2>"$TMP/perf.err" || { head -20 "$TMP/perf.err" >&2; exit 1; }
    perf report -i "$TMP/perf.data" --no-children --percent-limit 0.7 --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 60 >"$out"
    cp "$TMP/perf.data" "${out%.txt}.data"
    perf report -i "$TMP/perf.data" --children --percent-limit 2 --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 80 >"${out%.txt}-inclusive.txt"
fi

python3 - "$requests" "$best_wall" "$best_cpu" "${wrk_rps:-0}" "$JOBS" ${floor:-} <<'EOF'
import sys
requests, wall, cpu, wrk, jobs = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
floor = [float(x) for x in sys.argv[6:9]] if len(sys.argv) >= 9 else None
rps = requests / wall
print(f"| measure | result |\n|---|---|")
print(f"| runner, {requests} GETs with shape checks, --jobs {jobs} | {rps:,.0f} req/s end-to-end ({wall:.2f} s wall) |")
print(f"| runner CPU (user+sys) | {cpu:.2f} s = {cpu / requests * 1e6:.0f} us/request |")
if wrk > 0:
    print(f"| wrk same URL -c {jobs} | {wrk:,.0f} req/s |")
    print(f"| ratio runner/wrk | {rps / wrk:.2f} |")
if floor:
    fwall, fcpu, freq = floor
    print(f"| libcurl alone (C, {jobs} threads, no checks) | {fcpu / freq * 1e6:.0f} us/request, {freq / fwall:,.0f} req/s"
          + (f" = {freq / fwall / wrk:.2f}x wrk |" if wrk > 0 else " |"))
    print(f"| runner CPU beyond libcurl's | {(cpu / requests - fcpu / freq) * 1e6:.0f} us/request |")
EOF
