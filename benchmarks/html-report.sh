#!/usr/bin/env bash
# Time and size of the HTML report when every case fails: 200 failing cases (the catalogue has
# 179), each with five pointer mismatches sharing one snapshot pair, a retry and a 4 KB
# transcript — the test fixture `HTMLFixtures.large` (Tests/ReportingTests/HTMLFixtures.swift).
# Render + atomic write, median of 7. Target: well under 1 s and under a few MB.
#
# Only the two modules involved (JSONShape, Reporting) and the fixture are compiled, optimised
# (-O, whole module) as in a release build, so the figure does not wait for a release build of
# the whole package.
#
#   benchmarks/html-report.sh [CASES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
flags=(-O -wmo -swift-version 6 -parse-as-library -I "$build" -L "$build")
swiftc "${flags[@]}" -module-name JSONShape -emit-library -emit-module -emit-module-path "$build/JSONShape.swiftmodule" \
    -o "$build/libJSONShape.so" Sources/JSONShape/*.swift
swiftc "${flags[@]}" -module-name Reporting -emit-library -emit-module -emit-module-path "$build/Reporting.swiftmodule" \
    -lJSONShape -o "$build/libReporting.so" Sources/Reporting/*.swift
swiftc -O -swift-version 6 -I "$build" -L "$build" -lJSONShape -lReporting -Xlinker -rpath -Xlinker "$build" \
    -module-name HTMLBenchmark -o "$build/html-benchmark" \
    Tests/ReportingTests/Fixtures.swift Tests/ReportingTests/HTMLFixtures.swift benchmarks/html-report/main.swift
echo "$(date -u +%FT%TZ) $(nproc) CPU, load $(cut -d' ' -f1 /proc/loadavg): $("$build/html-benchmark" "${1:-200}" "${2:-7}")"
