#!/usr/bin/env bash
# Throughput of `graph-conformance explore` against the embedded mock on this machine: a release
# build, one seeded exploration, steps per second as explore itself measures them (generation,
# requests over libcurl, model, shape checks and comparisons; mock start-up and report writing
# excluded) and the wall time of the whole command. Fails when the rate is below TARGET_RATE or
# when the clean mock shows any disagreement (a false alarm).
#
#   benchmarks/explore.sh                       # budget 10,000 steps, seed 1, --jobs 4
#   BUDGET=2000 JOBS=2 benchmarks/explore.sh
#   BIN=.build/debug/graph-conformance benchmarks/explore.sh   # skip the release build (slower)
set -euo pipefail

cd "$(dirname "$0")/.."
BUDGET=${BUDGET:-10000}
JOBS=${JOBS:-4}
SEED=${SEED:-1}
TARGET_RATE=${TARGET_RATE:-2000}
source benchmarks/common.sh
resolve_release_binary

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
status=0
"$BIN" explore --budget "$BUDGET" --seed "$SEED" --jobs "$JOBS" --junit "$out/junit.xml" --json "$out/report.json" \
    --out "$out/found" --quiet >"$out/stdout" 2>"$out/stderr" || status=$?
end=$(date +%s.%N)

read -r steps rate disagreements < <(python3 - "$out/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
props = {}
def walk(node):
    if isinstance(node, dict):
        if "name" in node and "value" in node and isinstance(node["value"], str):
            props.setdefault(node["name"], node["value"])
        for value in node.values(): walk(value)
    elif isinstance(node, list):
        for value in node: walk(value)
walk(report)
text = json.dumps(report)
print(props.get("explore.steps", "0"), props.get("explore.stepsPerSecond", "0"), text.count("graph.explore-"))
PY
)

cpus=$(nproc)
load=$(cut -d' ' -f1 /proc/loadavg)
printf 'date / machine     %s  %s CPU, load %s\n' "$(date -u +%FT%TZ)" "$cpus" "$load"
printf 'explore            budget %s, seed %s, --jobs %s: %s steps\n' "$BUDGET" "$SEED" "$JOBS" "$steps"
printf 'throughput         %s steps/s (target >= %s)\n' "$rate" "$TARGET_RATE"
printf 'whole command      %.2f s wall (mock start and reports included)\n' "$(echo "$end - $start" | bc -l)"
printf 'disagreements      %s (clean mock: must be 0)\n' "$disagreements"

if (( status != 0 )) || (( disagreements > 0 )); then
    echo "explore.sh: explore exited $status with $disagreements disagreement(s) on the clean mock" >&2
    cat "$out/stderr" >&2
    exit 1
fi
if (( rate < TARGET_RATE )); then
    echo "explore.sh: $rate steps/s is below the target of $TARGET_RATE" >&2
    exit 1
fi
echo "target met"
