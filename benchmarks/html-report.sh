#!/usr/bin/env bash
# Time and size of the HTML report for a run in which every case fails: 200 failing cases (the
# catalogue has 179), each with five pointer mismatches sharing a snapshot pair, a retry and a
# 4 KB transcript (Tests/ReportingTests/HTMLFixtures.swift, `large`). Render + atomic write,
# median of 7. Target: well under 1 s, under a few MB.
#
#   benchmarks/html-report.sh            # release build (what users run)
#   benchmarks/html-report.sh debug      # debug build, quicker to build
set -euo pipefail
cd "$(dirname "$0")/.."
configuration="${1:-release}"
out="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$out" "$log"' EXIT
flags=()
[ "$configuration" = release ] && flags=(-c release)
if ! GC_HTML_BENCHMARK=1 GC_HTML_BENCHMARK_OUT="$out" swift test "${flags[@]}" --filter HTMLBenchmark >"$log" 2>&1; then
    tail -40 "$log" >&2
    exit 1
fi
echo "$(date -u +%FT%TZ) $configuration $(nproc) CPU load $(cut -d' ' -f1 /proc/loadavg): $(cat "$out")"
