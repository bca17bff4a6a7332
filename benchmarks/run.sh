#!/usr/bin/env bash
# GraphConformance benchmark: release build, then
#   1. full catalogue, cold process, embedded mock (hyperfine), as-is and without the 1.1 s wait case
#   2. runner vs wrk on 10,000 GETs of one position (same URL, headers, concurrency), and libcurl alone (curl-floor.c)
#   3. mock throughput (wrk GET and PATCH, p99 latency)
#   4. peer: the same 20 cases as Tavern YAML (benchmarks/peers/tavern) vs the runner
#   5. peak RSS: runner (full catalogue, /usr/bin/time -v) and the `serve` mock (VmHWM after the load)
#   6. latency-bound: the catalogue against `serve --latency 50`, default (adaptive) and fixed --jobs 4
#      (benchmarks/latency.sh: wall time, the critical-path bound the runner computed, 429s)
#   7. odd responses: 4 MiB binary / invalid-UTF-8 bodies and 100,000 headers, runner CPU beyond a
#      trivial response (benchmarks/bodies.sh)
#   8. explore: steps per second against the embedded mock (benchmarks/explore.sh)
# Prints a table and writes reports/bench.json. Only 127.0.0.1 is ever contacted.
#
# Knobs (environment): JOBS (runner/wrk concurrency, default 4), RUNS (hyperfine runs, default 10),
# WRK_SECONDS (default 5, at most 10), SKIP_BUILD=1, BIN=/path/to/graph-conformance.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/benchmarks/common.sh"
JOBS=${JOBS:-4}
RUNS=${RUNS:-10}
WRK_SECONDS=${WRK_SECONDS:-5}
(( WRK_SECONDS >= 1 && WRK_SECONDS <= 10 )) || { echo "WRK_SECONDS must be 1..10" >&2; exit 2; }
(( RUNS >= 10 )) || { echo "RUNS must be >= 10" >&2; exit 2; }
WRK_THREADS=$(( JOBS < 2 ? JOBS : 2 ))
STEPS_PER_CASE=100
SYNTH_CASES=100   # 100 x 100 = 10,000 requests


# ---------------------------------------------------------------- tools
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
[[ -x /usr/bin/time ]] || need_apt+=(time)
command -v python3 >/dev/null || need_apt+=(python3 python3-pip)
command -v curl >/dev/null || need_apt+=(curl)
if (( ${#need_apt[@]} )); then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        log "installing ${need_apt[*]}"
        apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
    else
        echo "missing tools; run: sudo apt-get install -y ${need_apt[*]}" >&2
        exit 2
    fi
fi
if ! python3 -c 'import tavern' 2>/dev/null; then
    log "installing tavern (pip)"
    python3 -m pip install -q tavern || { echo "missing Tavern; run: python3 -m pip install tavern" >&2; exit 2; }
fi

# ---------------------------------------------------------------- build
resolve_release_binary

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gc-bench.XXXXXX")
SERVE_PID=""
cleanup() {
    if [[ -n $SERVE_PID ]]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
mkdir -p reports

# ---------------------------------------------------------------- 1. catalogue, cold
log "1. full catalogue, cold process, embedded mock ($RUNS runs each)"
cp -r cases "$TMP/cases-noaudit"
rm "$TMP/cases-noaudit/semantics/audit-fields.yaml"
# One plain run first: it must pass, and its report gives the request count.
"$BIN" -q >/dev/null
requests_per_run=$(python3 - <<'EOF'
import json
r = json.load(open("reports/report.json"))
print(sum(len(c.get("clientRequestIDs", [])) for s in r["suites"] for c in s["cases"]))
EOF
)
cases_per_run=$(python3 -c 'import json; print(json.load(open("reports/report.json"))["totals"]["tests"])')
"$BIN" -q --cases "$TMP/cases-noaudit" --junit "$TMP/na.xml" --json "$TMP/na.json" >/dev/null
requests_noaudit=$(python3 -c "
import json; r=json.load(open('$TMP/na.json'))
print(sum(len(c.get('clientRequestIDs', [])) for s in r['suites'] for c in s['cases']))")
hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-json "$TMP/h-catalogue.json" \
    -n catalogue "$BIN" \
    -n catalogue-noaudit "$BIN --cases $TMP/cases-noaudit --junit $TMP/na.xml --json $TMP/na.json" >&2

# ---------------------------------------------------------------- 5a. runner peak RSS
log "5. runner peak RSS (full catalogue)"
/usr/bin/time -v "$BIN" -q --junit "$TMP/rss.xml" --json "$TMP/rss.json" >/dev/null 2>"$TMP/time-v.txt"
runner_rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$TMP/time-v.txt")

# ---------------------------------------------------------------- serve (items 2-4)
log "starting graph-conformance serve --port 0"
start_serve "$TMP"
log "mock at $BASE"
create_bench_position

# ---------------------------------------------------------------- 2. runner vs wrk
log "2. runner vs wrk: $((SYNTH_CASES * STEPS_PER_CASE)) GETs, concurrency $JOBS"
SYN="$TMP/cases-synthetic"
write_synthetic_cases "$SYN" "$SYNTH_CASES" "$STEPS_PER_CASE"
run_synth() {
    /usr/bin/time -o "$TMP/synth-time.txt" -f "%e %U %S" \
        timeout 120 "$BIN" run -q --base-url "$BASE" --mint-tokens --jobs "$JOBS" --cases "$SYN" \
        --junit "$TMP/syn.xml" --json "$TMP/syn.json" "$SYN/bench" >/dev/null
}
run_synth   # warm-up (and correctness: must pass)
# Wall: the best of 3 runs. CPU: their median (a loaded VM only ever adds to it).
best_wall="" cpus=()
for _ in 1 2 3; do
    run_synth
    read -r wall user sys <"$TMP/synth-time.txt"
    cpus+=("$(python3 -c "print($user + $sys)")")
    if [[ -z $best_wall ]] || python3 -c "import sys; sys.exit(0 if $wall < $best_wall else 1)"; then
        best_wall=$wall
    fi
done
best_cpu=$(python3 -c "import statistics, sys; print(statistics.median(map(float, sys.argv[1:])))" "${cpus[@]}")
synth_requests=$(python3 -c "
import json; r=json.load(open('$TMP/syn.json'))
print(sum(len(c.get('clientRequestIDs', [])) for s in r['suites'] for c in s['cases']))")
timeout 30 wrk -t "$WRK_THREADS" -c "$JOBS" -d "${WRK_SECONDS}s" --latency \
    -H "$AUTH" -H 'Accept: application/json' -H 'User-Agent: graph-conformance-bench' "$URL" >"$TMP/wrk-get-N.txt"
log "2. libcurl alone (benchmarks/curl-floor.c): $JOBS threads x $((synth_requests / JOBS)) GETs"
curl_floor=$(measure_curl_floor "$URL" "$AUTH" "$JOBS" "$((synth_requests / JOBS))")

# ---------------------------------------------------------------- 3. mock throughput
log "3. mock throughput (wrk GET/PATCH, -c 64 -t 2, ${WRK_SECONDS}s each)"
cat >"$TMP/patch.lua" <<'EOF'
-- PATCH one position, alternating isCurrent so every request changes something. wrk.format's
-- headers argument replaces the -H headers, so copy them (Authorization) and add Content-Type.
local n = 0
local headers = {}
init = function(args)
    for name, value in pairs(wrk.headers) do headers[name] = value end
    headers["Content-Type"] = "application/json"
end
request = function()
    n = n + 1
    local body = (n % 2 == 0) and '{"isCurrent":true}' or '{"isCurrent":false,"categories":["bench"]}'
    return wrk.format("PATCH", nil, headers, body)
end
EOF
timeout 30 wrk -t 2 -c 64 -d "${WRK_SECONDS}s" --latency -H "$AUTH" -H 'Accept: application/json' "$URL" >"$TMP/wrk-get-64.txt"
timeout 30 wrk -t 2 -c 64 -d "${WRK_SECONDS}s" --latency -H "$AUTH" -H 'Accept: application/json' \
    -s "$TMP/patch.lua" "$URL" >"$TMP/wrk-patch-64.txt"
timeout 30 wrk -t "$WRK_THREADS" -c "$JOBS" -d "${WRK_SECONDS}s" --latency -H "$AUTH" -H 'Accept: application/json' \
    -s "$TMP/patch.lua" "$URL" >"$TMP/wrk-patch-N.txt"

# ---------------------------------------------------------------- 4. Tavern peer
log "4. Tavern peer: 20 cases"
TAV=benchmarks/peers/tavern
case_args=()
while IFS= read -r name; do case_args+=(--case "$name"); done < <(
    grep -h '^test_name:' "$TAV"/test_*.tavern.yaml | sed 's/^test_name: "//; s/"$//; s/\\"/"/g')
selected=$("$BIN" run --list "${case_args[@]}" | tail -n1)
[[ $selected == "20 case(s)" ]] || { echo "runner selected '$selected' for the Tavern peer's 20 names" >&2; exit 1; }
printf '%q ' "$BIN" run -q --base-url "$BASE" --mint-tokens "${case_args[@]}" --junit "$TMP/p.xml" --json "$TMP/p.json" >"$TMP/peer-cmd"
peer_cmd=$(cat "$TMP/peer-cmd")
export GRAPH_BASE_URL="$BASE" GRAPH_TOKEN="$TOKEN"
tavern_cmd="python3 -m pytest -q -p no:cacheprovider -W ignore::DeprecationWarning --rootdir $TAV $TAV"
timeout 120 $tavern_cmd >"$TMP/tavern.out" 2>&1 || { cat "$TMP/tavern.out" >&2; echo "Tavern peer failed" >&2; exit 1; }
tail -n1 "$TMP/tavern.out" >&2
hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-json "$TMP/h-peer-runner.json" \
    -n "runner-20 (--jobs 4)" "$peer_cmd" -n "runner-20 (--jobs 1)" "$peer_cmd --jobs 1" >&2
hyperfine --style basic --warmup 1 --runs 5 --export-json "$TMP/h-peer-tavern.json" -n tavern-20 "$tavern_cmd" >&2

# ---------------------------------------------------------------- 5b. mock peak RSS
mock_hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVE_PID/status")

# ---------------------------------------------------------------- 6-8. latency, odd bodies, explore
log "6. catalogue against serve --latency 50 (benchmarks/latency.sh)"
OUT="$TMP/latency.json" BIN="$BIN" benchmarks/latency.sh >"$TMP/latency.txt"
log "7. odd responses (benchmarks/bodies.sh)"
OUT="$TMP/bodies.json" BIN="$BIN" benchmarks/bodies.sh >"$TMP/bodies.txt"
log "8. explore throughput (benchmarks/explore.sh)"
BIN="$BIN" benchmarks/explore.sh >"$TMP/explore.txt" || true
explore_rate=$(awk '/^throughput/ {print $2}' "$TMP/explore.txt")

# ---------------------------------------------------------------- report
python3 - "$TMP" reports/bench.json <<EOF
import json, platform, os, re, subprocess, sys, datetime
tmp, out = sys.argv[1], sys.argv[2]

def hf(name):
    return json.load(open(f"{tmp}/{name}"))["results"]

def wrk(name):
    text = open(f"{tmp}/{name}").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    m = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    p99 = float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[m.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if errors and int(errors.group(1)):
        sys.exit(f"{name}: {errors.group(1)} non-2xx responses; the wrk figures would be meaningless")
    return {"requests_per_s": rps, "p99_ms": p99, "non_2xx": int(errors.group(1)) if errors else 0,
            "requests": int(re.search(r"(\d+) requests in", text).group(1))}

def stats(r):
    return {"median_s": r["median"], "mean_s": r["mean"], "min_s": r["min"], "max_s": r["max"],
            "stddev_s": r["stddev"], "runs": len(r["times"])}

cat, noaudit = hf("h-catalogue.json")
runner20, runner20_j1 = hf("h-peer-runner.json")
tavern20 = hf("h-peer-tavern.json")[0]
synth_requests = int("$synth_requests")
synth_wall = float("$best_wall")
wrk_n = wrk("wrk-get-N.txt")
runner_rps = synth_requests / synth_wall
floor_fields = "$curl_floor".split()
curl_floor = None
if len(floor_fields) == 3:
    fwall, fcpu, freq = map(float, floor_fields)
    curl_floor = {"threads": int("$JOBS"), "requests": int(freq), "wall_s": fwall, "cpu_s": fcpu,
                  "cpu_us_per_request": fcpu / freq * 1e6, "requests_per_s": freq / fwall,
                  "note": "benchmarks/curl-floor.c: the same GET with the runner's curl options, no checks or reports"}
result = {
    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "machine": {"cpus": os.cpu_count(), "kernel": platform.release(),
                "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
                "mem_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                "loadavg_at_end": os.getloadavg()},
    "jobs": int("$JOBS"),
    "catalogue": {**stats(cat), "cases": int("$cases_per_run"), "requests_per_run": int("$requests_per_run")},
    "catalogue_without_audit_fields": {**stats(noaudit), "requests_per_run": int("$requests_noaudit")},
    "runner_vs_wrk": {
        "requests": synth_requests,
        "runner_wall_s": synth_wall, "runner_requests_per_s": runner_rps,
        "runner_cpu_s": float("$best_cpu"), "runner_cpu_us_per_request": float("$best_cpu") / synth_requests * 1e6,
        "wrk": wrk_n, "ratio_runner_over_wrk": runner_rps / wrk_n["requests_per_s"],
        "curl_floor": curl_floor,
        "note": "end-to-end: process start, YAML load of the 10k-step file, requests, reports written; CPU is the median of 3 runs, wall the best"},
    "mock": {"get_c64": wrk("wrk-get-64.txt"), "patch_c64": wrk("wrk-patch-64.txt"),
             "get_cN": wrk_n, "patch_cN": wrk("wrk-patch-N.txt")},
    "peer_tavern_20": {"runner": stats(runner20), "runner_jobs1": stats(runner20_j1), "tavern": stats(tavern20),
                       "speedup": tavern20["median"] / runner20["median"],
                       "speedup_jobs1": tavern20["median"] / runner20_j1["median"]},
    "rss": {"runner_peak_mib": int("$runner_rss_kb") / 1024, "mock_vmhwm_mib": int("$mock_hwm_kb") / 1024},
    "latency": json.load(open(f"{tmp}/latency.json")),
    "odd_responses": json.load(open(f"{tmp}/bodies.json")),
    "explore_steps_per_s": float("${explore_rate:-0}" or 0),
}
t = result
lat = t["latency"]["latency_runs"]
odd = {k: v for k, v in t["odd_responses"].items() if k != "trivial"}
result["targets"] = {
    "catalogue_cold_le_0.25s": t["catalogue"]["median_s"] <= 0.25,
    "latency50_default_le_3s": lat["default"]["process_seconds"] <= 3.0,
    "runner_cpu_le_100us_per_request": t["runner_vs_wrk"]["runner_cpu_us_per_request"] <= 100,
    "runner_ge_0.6x_wrk": t["runner_vs_wrk"]["ratio_runner_over_wrk"] >= 0.6,
    "odd_responses_le_50ms_cpu": all(v["beyond_baseline_ms"] <= 50 for v in odd.values()),
    "catalogue_cold_le_1s": t["catalogue"]["median_s"] <= 1.0,
    "catalogue_cold_without_wait_le_1s": t["catalogue_without_audit_fields"]["median_s"] <= 1.0,
    "runner_ge_0.4x_wrk": t["runner_vs_wrk"]["ratio_runner_over_wrk"] >= 0.4,
    "ge_10x_tavern": t["peer_tavern_20"]["speedup"] >= 10,
    "runner_rss_le_100mib": t["rss"]["runner_peak_mib"] <= 100,
}
json.dump(result, open(out, "w"), indent=2)

def ok(flag): return "met" if flag else "MISSED"
m = result["machine"]
rows = [
    ("date / machine", f"{t['date']}  {m['cpus']} CPU {m['cpu']}, {m['mem_gib']} GiB, load {m['loadavg_at_end'][0]:.2f}"),
    ("1 catalogue cold (median [min-max])", f"{cat['median']:.3f} s [{cat['min']:.3f}-{cat['max']:.3f}]  {t['catalogue']['cases']} cases, {t['catalogue']['requests_per_run']} requests  target <=0.25 s: {ok(t['targets']['catalogue_cold_le_0.25s'])}"),
    ("1 ... without audit-fields (1.1 s wait)", f"{noaudit['median']:.3f} s [{noaudit['min']:.3f}-{noaudit['max']:.3f}]  {t['catalogue_without_audit_fields']['requests_per_run']} requests  target <=1 s: {ok(t['targets']['catalogue_cold_without_wait_le_1s'])}"),
    (f"2 runner 10k GETs --jobs {t['jobs']}", f"{runner_rps:,.0f} req/s end-to-end ({synth_wall:.2f} s); runner CPU {t['runner_vs_wrk']['runner_cpu_us_per_request']:.0f} us/request"),
    (f"2 wrk same URL -c {t['jobs']}", f"{wrk_n['requests_per_s']:,.0f} req/s, p99 {wrk_n['p99_ms']:.2f} ms"),
    ("2 runner CPU per request", f"{t['runner_vs_wrk']['runner_cpu_us_per_request']:.0f} us  target <=100 us: {ok(t['targets']['runner_cpu_le_100us_per_request'])}"),
    ("2 ratio runner/wrk", f"{t['runner_vs_wrk']['ratio_runner_over_wrk']:.2f}  target >=0.6: {ok(t['targets']['runner_ge_0.6x_wrk'])}"),
    *([("2 libcurl alone (floor)", f"{curl_floor['cpu_us_per_request']:.0f} us/request, {curl_floor['requests_per_s']:,.0f} req/s = {curl_floor['requests_per_s'] / wrk_n['requests_per_s']:.2f}x wrk; runner beyond it: {t['runner_vs_wrk']['runner_cpu_us_per_request'] - curl_floor['cpu_us_per_request']:.0f} us/request")] if curl_floor else []),
    ("3 mock GET  -c 64", f"{t['mock']['get_c64']['requests_per_s']:,.0f} req/s, p99 {t['mock']['get_c64']['p99_ms']:.2f} ms"),
    ("3 mock PATCH -c 64", f"{t['mock']['patch_c64']['requests_per_s']:,.0f} req/s, p99 {t['mock']['patch_c64']['p99_ms']:.2f} ms"),
    (f"3 mock PATCH -c {t['jobs']}", f"{t['mock']['patch_cN']['requests_per_s']:,.0f} req/s, p99 {t['mock']['patch_cN']['p99_ms']:.2f} ms"),
    ("4 20 cases: runner --jobs 4 / --jobs 1", f"{runner20['median']:.3f} s / {runner20_j1['median']:.3f} s"),
    ("4 20 cases: Tavern (pytest)", f"{tavern20['median']:.3f} s"),
    ("4 speedup vs Tavern", f"{t['peer_tavern_20']['speedup']:.1f}x (--jobs 1: {t['peer_tavern_20']['speedup_jobs1']:.1f}x)  target >=10x: {ok(t['targets']['ge_10x_tavern'])}"),
    ("5 runner peak RSS (catalogue)", f"{t['rss']['runner_peak_mib']:.1f} MiB  target <=100 MiB: {ok(t['targets']['runner_rss_le_100mib'])}"),
    ("5 mock VmHWM after load", f"{t['rss']['mock_vmhwm_mib']:.1f} MiB"),
    ("6 serve --latency 50, defaults", f"{lat['default']['process_seconds']:.2f} s process, run {lat['default']['wall_seconds']:.2f} s, critical path {lat['default']['critical_path_seconds']:.2f} s, peak {lat['default']['peak_concurrency']}, 429s {lat['default']['throttled_responses']}  target <=3 s: {ok(t['targets']['latency50_default_le_3s'])}"),
    ("6 serve --latency 50, fixed --jobs 4", f"{lat['fixed-4']['process_seconds']:.2f} s process, critical path {lat['fixed-4']['critical_path_seconds']:.2f} s"),
] + [(f"7 {v['label']}", f"{v['beyond_baseline_ms']:.0f} ms CPU beyond baseline  target <=50 ms: {ok(v['beyond_baseline_ms'] <= 50)}") for v in odd.values()] + [
    ("8 explore", f"{t['explore_steps_per_s']:,.0f} steps/s"),
]
width = max(len(k) for k, _ in rows)
print("| " + "measure".ljust(width) + " | result")
print("|-" + "-" * width + "-|-------")
for k, v in rows:
    print("| " + k.ljust(width) + " | " + v)
print(f"\nwritten: {out}")
EOF
