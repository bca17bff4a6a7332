#!/usr/bin/env bash
# Latency-bound runs (issue #16): the full catalogue against `serve --latency 50` (a Graph-compatible
# server that answers every request after 50 ms), release build:
#   1. default settings (adaptive concurrency, cap 32)
#   2. a fixed pool of 4 (`--concurrency fixed --jobs 4`, the old default)
#   3. a fixed pool of 32 (`--concurrency fixed --jobs 32`): every case must still pass when 32 run at once
#   4. the catalogue cold against the embedded mock (default settings, and fixed 4 for comparison)
# For each: wall time, the critical-path bound the runner computed (its longest case), peak
# concurrency, 429/503 answers, verdict. Prints a table and writes a small JSON (OUT) that the
# integrator can merge into reports/bench.json. Only 127.0.0.1 is ever contacted.
#
# Knobs (environment): LATENCY (ms, default 50), JITTER (ms, default 0), COLD_RUNS (default 5),
# OUT (default reports/bench-latency.json), SKIP_BUILD=1, BIN=/path/to/graph-conformance.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/benchmarks/common.sh"
LATENCY=${LATENCY:-50}
JITTER=${JITTER:-0}
COLD_RUNS=${COLD_RUNS:-5}
OUT=${OUT:-reports/bench-latency.json}

command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 2; }

resolve_release_binary

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gc-latency.XXXXXX")
SERVE_PID=""
stop_serve() {
    if [[ -n $SERVE_PID ]]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi
    SERVE_PID=""
}
trap 'stop_serve; rm -rf "$TMP"' EXIT
mkdir -p "$(dirname "$OUT")"

# run LABEL ARGS…: one catalogue run; appends a JSON line with its figures to $TMP/runs.jsonl.
run() {
    local label=$1; shift
    local json="$TMP/$label.json"
    local started ended status=0
    started=$(date +%s.%N)
    "$BIN" run -q --junit "$TMP/$label.xml" --json "$json" "$@" >"$TMP/$label.out" 2>&1 || status=$?
    ended=$(date +%s.%N)
    python3 - "$label" "$json" "$started" "$ended" "$status" >>"$TMP/runs.jsonl" <<'EOF'
import json, sys
label, path, started, ended, status = sys.argv[1:]
report = json.load(open(path))
props = {p["name"]: p["value"] for p in report["properties"]}
totals = report["totals"]
print(json.dumps({
    "label": label,
    "process_seconds": round(float(ended) - float(started), 3),
    "wall_seconds": float(props.get("run.wallSeconds", "nan")),
    "critical_path_seconds": float(props.get("run.criticalPathSeconds", "nan")),
    "critical_path_case": props.get("run.criticalPathCase", ""),
    "peak_concurrency": int(props.get("run.peakConcurrency", "0")),
    "concurrency": props.get("run.concurrency", ""),
    "throttled_responses": int(props.get("run.throttledResponses", "0")),
    "requests": sum(len(c.get("clientRequestIDs", [])) for s in report["suites"] for c in s["cases"]),
    "tests": totals["tests"], "passed": totals["passed"], "failures": totals["failures"], "errors": totals["errors"],
    "exit": int(status),
}))
EOF
}

log "catalogue against serve --latency $LATENCY --latency-jitter $JITTER"
for spec in "default:" "fixed-4:--concurrency fixed --jobs 4" "fixed-32:--concurrency fixed --jobs 32"; do
    label=${spec%%:*}; args=${spec#*:}
    # A fresh `serve --latency` per run, so every run meets the same empty store.
    start_serve "$TMP" --latency "$LATENCY" --latency-jitter "$JITTER"
    log "  $label ($BASE${args:+, $args})"
    # shellcheck disable=SC2086  # args is a word list on purpose
    run "latency-$label" --base-url "$BASE" --mint-tokens $args
    stop_serve
done

log "catalogue cold against the embedded mock ($COLD_RUNS runs each, alternating)"
for i in $(seq 1 "$COLD_RUNS"); do
    run "embedded-default-$i"
    run "embedded-fixed-4-$i" --concurrency fixed --jobs 4
done

python3 - "$TMP/runs.jsonl" "$OUT" "$LATENCY" "$JITTER" <<'EOF'
import json, statistics, sys
path, out, latency, jitter = sys.argv[1:]
runs = [json.loads(line) for line in open(path)]
latency_runs = {r["label"].removeprefix("latency-"): r for r in runs if r["label"].startswith("latency-")}
cold = {}
for mode in ("default", "fixed-4"):
    mine = [r for r in runs if r["label"].startswith(f"embedded-{mode}-")]
    times = [r["process_seconds"] for r in mine]
    walls = [r["wall_seconds"] for r in mine]
    cold[mode] = {"median_process_seconds": round(statistics.median(times), 3), "min_process_seconds": min(times),
                  "median_run_wall_seconds": round(statistics.median(walls), 3),
                  "peak_concurrency": max(r["peak_concurrency"] for r in mine),
                  "runs": len(times), "all_passed": all(r["exit"] == 0 for r in mine)}
result = {"serve_latency_ms": int(latency), "serve_jitter_ms": int(jitter), "latency_runs": latency_runs, "embedded_cold": cold}
json.dump(result, open(out, "w"), indent=2)
print(f"{'run':<22} {'process s':>9} {'wall s':>7} {'crit. path s':>12} {'peak':>5} {'429/503':>7} {'requests':>8}  verdict")
for label, r in latency_runs.items():
    verdict = f"{r['passed']} passed, {r['failures']} failed, {r['errors']} errors (exit {r['exit']})"
    print(f"{'latency ' + label:<22} {r['process_seconds']:>9.3f} {r['wall_seconds']:>7.3f} {r['critical_path_seconds']:>12.3f} "
          f"{r['peak_concurrency']:>5} {r['throttled_responses']:>7} {r['requests']:>8}  {verdict}")
print(f"  critical path case (default run): {latency_runs.get('default', {}).get('critical_path_case', '?')}")
for mode, c in cold.items():
    print(f"{'embedded cold ' + mode:<22} process median {c['median_process_seconds']:.3f} s (min {c['min_process_seconds']:.3f}), "
          f"run wall median {c['median_run_wall_seconds']:.3f} s, peak {c['peak_concurrency']}, {c['runs']} runs; all passed: {c['all_passed']}")
print(f"JSON: {out}")
EOF
