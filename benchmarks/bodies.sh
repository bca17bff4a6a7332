#!/usr/bin/env bash
# No slow paths: the runner's CPU (user+sys) for one response that is odd, minus
# the CPU of the same run against a trivial response. A small python3 http.server (stdlib only,
# 127.0.0.1, ephemeral port) serves
#   trivial  `{}` as application/json (the baseline)
#   octet    4 MiB of random bytes as application/octet-stream
#   json     the same 4 MiB as application/json
#   string   one 4 MiB JSON string of bytes that are not UTF-8, as application/json (scanned to the end)
#   text     4 MiB of ASCII text that is not JSON (only when KINDS names it)
#   headers  100,000 header fields (the client stops at 1,000 fields / 256 KiB: transport.tooLarge)
# Each is one case whose expectation fails (status 200 and shape microsoft.graph.workPosition), so
# the failure path — mismatch message, transcript, reports — runs too. Prints a table.
#
# CPU is the runner's user+sys from wait4 (microsecond resolution), best of RUNS; `timeout` sits
# between, but it waits without spinning.
# Knobs (environment): RUNS (per response, best kept, default 3), KINDS (default
# "octet json string headers"), SKIP_BUILD=1,
# BIN=/path/to/graph-conformance.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/benchmarks/common.sh"
RUNS=${RUNS:-3}
OUT=${OUT:-reports/bench-bodies.json}
KINDS=${KINDS:-octet json string headers}
for tool in python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install python3)" >&2; exit 2; }
done
resolve_release_binary

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gc-bodies.XXXXXX")
SERVER_PID=""
cleanup() {
    if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

cat >"$TMP/server.py" <<'EOF'
import http.server, os, sys

BODY = os.urandom(4 << 20)
TEXT = BODY.translate(bytes(b"abcdefghij klmno\n"[i % 17] for i in range(256)))
STRING = b'"' + bytes(b | 0x80 for b in BODY[: (4 << 20) - 2]) + b'"'
FLOOD = b"".join(b"X-Flood-%d: %d\r\n" % (i, i) for i in range(100_000))

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path.endswith("/trivial"):
            self.answer(b"{}", "application/json")
        elif self.path.endswith("/octet"):
            self.answer(BODY, "application/octet-stream")
        elif self.path.endswith("/json"):
            self.answer(BODY, "application/json")
        elif self.path.endswith("/text"):
            self.answer(TEXT, "application/json")
        elif self.path.endswith("/string"):
            self.answer(STRING, "application/json")
        elif self.path.endswith("/headers"):
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n" + FLOOD + b"\r\n{}")
            self.close_connection = True
        else:
            self.answer(b'{"error":{"code":"notFound","message":"no such path"}}', "application/json", 404)

    def answer(self, body, content_type, status=200):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(f"http://127.0.0.1:{server.server_address[1]}/beta", flush=True)
server.serve_forever()
EOF
python3 "$TMP/server.py" >"$TMP/server.out" 2>"$TMP/server.err" &
SERVER_PID=$!
BASE=""
for _ in $(seq 1 100); do            # at most 10 s
    BASE=$(head -n1 "$TMP/server.out" 2>/dev/null || true)
    [[ $BASE == http://127.0.0.1:*/beta ]] && break
    sleep 0.1
done
[[ $BASE == http://127.0.0.1:*/beta ]] || { cat "$TMP/server.err" >&2; echo "the body server printed no base URL" >&2; exit 1; }

for kind in trivial $KINDS; do
    mkdir -p "$TMP/cases-$kind/bodies"
    cp -r cases/contract cases/targets "$TMP/cases-$kind/"
    cat >"$TMP/cases-$kind/bodies/$kind.yaml" <<EOF
suite: bodies
classname: graph.workPosition.bodies
principal: readWrite
cases:
  - name: $kind response
    steps:
      - method: GET
        path: /$kind
        expect: {status: 200, shape: microsoft.graph.workPosition}
EOF
done

# user+sys of the child in microseconds (wait4's rusage; /usr/bin/time rounds to 10 ms).
cat >"$TMP/cputime.py" <<'EOF'
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
open(sys.argv[1], "w").write(f"{usage.ru_utime + usage.ru_stime:.6f}\n")
sys.exit(os.waitstatus_to_exitcode(status))
EOF
# Best-of-RUNS user+sys of one run; the run must end with exit 1 (a failed case) or 3 (an error).
measure() {
    local kind=$1 best="" cpu rc
    for _ in $(seq 1 "$RUNS"); do
        rc=0
        python3 "$TMP/cputime.py" "$TMP/time.txt" timeout 120 "$BIN" run -q --base-url "$BASE" --mint-tokens --jobs 1 \
            --cases "$TMP/cases-$kind" --junit "$TMP/$kind.xml" --json "$TMP/$kind.json" "$TMP/cases-$kind/bodies" \
            >"$TMP/$kind.out" 2>&1 || rc=$?
        (( rc == 1 || rc == 3 )) || { cat "$TMP/$kind.out" >&2; echo "$kind: exit $rc, wanted 1 or 3 (a failed or erred case)" >&2; exit 1; }
        cpu=$(cat "$TMP/time.txt")
        if [[ -z $best ]] || awk -v a="$cpu" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$cpu; fi
    done
    echo "$best"
}

figures=()
for kind in trivial $KINDS; do
    log "$kind ($RUNS runs)"
    figures+=("$kind=$(measure "$kind")")
done
mkdir -p "$(dirname "$OUT")"
python3 - "$TMP" "$OUT" "${figures[@]}" <<'EOF'
import json, sys
tmp, out, figures = sys.argv[1], sys.argv[2], dict(item.split("=") for item in sys.argv[3:])
labels = {"trivial": "trivial `{}` (baseline)",
          "octet": "4 MiB random bytes, application/octet-stream", "json": "4 MiB random bytes, application/json",
          "text": "4 MiB ASCII text (not JSON), application/json",
          "string": "4 MiB JSON string of invalid UTF-8, application/json", "headers": "100,000 header fields"}
def verdict(kind):
    case = json.load(open(f"{tmp}/{kind}.json"))["suites"][0]["cases"][0]
    problem = case.get("problem") or {}
    return f'{case["outcome"]}: {problem.get("type", "")}; report entry {len(json.dumps(case)) / 1024:.1f} KiB'
base = float(figures["trivial"])
print("| response | runner CPU (user+sys) | beyond the trivial baseline | outcome |")
print("|---|---|---|---|")
for kind, value in figures.items():
    beyond = "—" if kind == "trivial" else f"{max(0.0, float(value) - base) * 1000:.0f} ms"
    print(f"| {labels[kind]} | {float(value) * 1000:.0f} ms | {beyond} | {verdict(kind)} |")
json.dump({kind: {"label": labels[kind], "cpu_s": float(value),
                  "beyond_baseline_ms": max(0.0, float(value) - base) * 1000, "outcome": verdict(kind)}
           for kind, value in figures.items()}, open(out, "w"), indent=2)
EOF
