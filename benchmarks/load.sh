#!/usr/bin/env bash
# Bounded load run against the mock: `graph-conformance serve --port 0` on loopback, a real minted
# (unsigned, alg none) token, GET and PATCH of one position with wrk. Prints requests/s, p99,
# non-2xx and 5xx counts, and the server's RSS before and after; fails on any 5xx or non-2xx
# answer, on socket errors, or when RSS grows by more than RSS_GROWTH_LIMIT_KB.
#
#   benchmarks/load.sh                 # ~26 s: 2 s warm-up, 12 s GET, 12 s PATCH
#   DURATION=5 CONNECTIONS=32 benchmarks/load.sh
#   BIN=.build/release/graph-conformance benchmarks/load.sh
#   DURATION=2 SERVE_ARGS="--defect patch-server-error" benchmarks/load.sh   # must fail: 5xx
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-12}            # seconds per phase; two phases plus warm-up stay under 30 s
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
RSS_GROWTH_LIMIT_KB=${RSS_GROWTH_LIMIT_KB:-65536}
SERVE_ARGS=${SERVE_ARGS:-}           # e.g. --defect NAME, to check that the script does fail
if (( DURATION > 14 )); then echo "load.sh: DURATION is capped at 14 s per phase" >&2; DURATION=14; fi

if ! command -v wrk >/dev/null; then
    echo "load.sh: wrk is not installed (Debian/Ubuntu: sudo apt-get install wrk)" >&2
    exit 2
fi
BIN=${BIN:-}
if [[ -z "$BIN" ]]; then
    for candidate in .build/release/graph-conformance .build/debug/graph-conformance; do
        [[ -x "$candidate" ]] && { BIN=$candidate; break; }
    done
fi
if [[ -z "$BIN" ]]; then
    swift build --product graph-conformance >&2
    BIN=.build/debug/graph-conformance
fi

work=$(mktemp -d)
server_pid=
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086
"$BIN" serve --port 0 $SERVE_ARGS >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
base=
for _ in $(seq 1 100); do
    base=$(head -n1 "$work/serve.out" 2>/dev/null || true)
    [[ "$base" == http://127.0.0.1:* ]] && break
    sleep 0.1
done
[[ "$base" == http://127.0.0.1:* ]] || { echo "load.sh: serve printed no loopback URL: $(cat "$work/serve.err")" >&2; exit 1; }

# Minted token with the claims the embedded target gives readWrite (Sources/Runner/TokenMinter.swift).
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header='{"alg":"none","typ":"JWT"}'
payload=$(printf '{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/7c3a1f6e-0b2d-4e5f-8a9b-0c1d2e3f4a5b/","iat":%d,"nbf":%d,"exp":%d,"ver":"1.0","tid":"7c3a1f6e-0b2d-4e5f-8a9b-0c1d2e3f4a5b","appid":"b6e5d4c3-a2b1-4c0d-9e8f-7a6b5c4d3e2f","oid":"8b0c6f3e-2d4a-4c1e-9f7a-1a2b3c4d5e6f","sub":"8b0c6f3e-2d4a-4c1e-9f7a-1a2b3c4d5e6f","upn":"AdeleV@contoso.example","name":"Adele Vance","scp":"User.ReadWrite","idtyp":"user"}' \
    "$now" "$((now - 60))" "$((now + 3600))")
token="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)."

created=$(curl -sS --max-time 5 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"isCurrent":true,"detail":{"jobTitle":"load","company":{"displayName":"Contoso"}}}' "$base/me/profile/positions")
# The position's own id: every "id" member except the user ids inside lastModifiedBy.
id=$(printf '%s' "$created" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 | grep -v '^8b0c6f3e-2d4a-4c1e-9f7a-1a2b3c4d5e6f$' | head -n1 || true)
[[ -n "$id" ]] || { echo "load.sh: could not create a position: $created" >&2; exit 1; }
url="$base/me/profile/positions/$id"

cat >"$work/count.lua" <<'LUA'
-- Counts 5xx answers per thread and reports the total when wrk is done.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) server_errors = 0 end
function response(status, headers, body) if status >= 500 then server_errors = server_errors + 1 end end
function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do total = total + thread:get("server_errors") end
    io.write(string.format("5xx: %d\n", total))
    io.write(string.format("p99_us: %d\n", latency:percentile(99)))
end
LUA
cat "$work/count.lua" >"$work/patch.lua"
cat >>"$work/patch.lua" <<'LUA'
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
    counter = counter + 1
    return wrk.format(nil, nil, nil, string.format('{"detail":{"jobTitle":"load %d","company":{"department":"d%d"}}}', counter, counter % 7))
end
LUA

rss() { awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status"; }

# Warm-up so one-time allocations (buffers, caches) do not count as growth.
wrk -t1 -c"$CONNECTIONS" -d2s -H "Authorization: Bearer $token" "$url" >/dev/null
rss_before=$(rss)

status=0
phase() { # name, extra wrk args...
    local name=$1; shift
    local out="$work/$name.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency -H "Authorization: Bearer $token" "$@" "$url" >"$out"
    local rps non2xx errors5xx p99 sockerr
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out"); non2xx=${non2xx:-0}
    errors5xx=$(awk '/^5xx:/ {print $2}' "$out")
    p99=$(awk '/^p99_us:/ {printf "%.2f ms", $2 / 1000}' "$out")
    sockerr=$(awk '/Socket errors:/ {print}' "$out")
    printf '%-6s requests/s %-10s p99 %-10s non-2xx %-6s 5xx %s%s\n' "$name" "$rps" "$p99" "$non2xx" "$errors5xx" "${sockerr:+  ($sockerr)}"
    if [[ "$errors5xx" != 0 || "$non2xx" != 0 || -n "$sockerr" ]]; then
        echo "load.sh: $name had failing answers:" >&2; cat "$out" >&2; status=1
    fi
}
phase GET -s "$work/count.lua"
phase PATCH -s "$work/patch.lua"

rss_after=$(rss)
growth=$((rss_after - rss_before))
echo "server RSS: before ${rss_before} kB, after ${rss_after} kB (growth ${growth} kB, limit ${RSS_GROWTH_LIMIT_KB} kB)"
if (( growth > RSS_GROWTH_LIMIT_KB )); then echo "load.sh: server memory grew by ${growth} kB" >&2; status=1; fi

final=$(curl -sS --max-time 5 -H "Authorization: Bearer $token" "$url")
case "$final" in *'"jobTitle":"load '*) ;; *) echo "load.sh: position not readable after the run: $final" >&2; status=1 ;; esac
kill -0 "$server_pid" 2>/dev/null || { echo "load.sh: the server died" >&2; status=1; }
exit $status
