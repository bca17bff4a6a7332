# Shared by the benchmark scripts (sourced, not run): progress lines and the binary to measure.

log() { printf '== %s\n' "$*" >&2; }

# The release binary as it would be shipped: the Swift runtime and Foundation linked in, so it
# starts without resolving their symbols (about 7 ms of every cold run) and runs where no Swift is
# installed. Switching this flag rebuilds everything, so every script builds the same way.
RELEASE_BUILD=(swift build -c release --static-swift-stdlib --product graph-conformance)

# Sets BIN to the release build of graph-conformance: BIN as given, else the release build
# (built first unless SKIP_BUILD is set). Exits 2 when there is no executable there.
resolve_release_binary() {
    if [[ -z ${BIN:-} ]]; then
        if [[ -z ${SKIP_BUILD:-} ]]; then
            log "${RELEASE_BUILD[*]}"
            "${RELEASE_BUILD[@]}" >&2
        fi
        BIN="$(swift build -c release --show-bin-path)/graph-conformance"
    fi
    [[ -x $BIN ]] || { echo "no binary at $BIN" >&2; exit 2; }
}

# libcurl alone, as a floor for the runner's CPU per request: compiles benchmarks/curl-floor.c (needs
# cc and libcurl4-openssl-dev) and runs THREADS threads x PER_THREAD GETs of URL with header AUTH.
# Prints "wall_seconds cpu_seconds requests", or nothing when there is no C compiler.
measure_curl_floor() {
    local url=$1 auth=$2 threads=$3 per_thread=$4 dir
    command -v cc >/dev/null || return 0
    dir=$(mktemp -d "${TMPDIR:-/tmp}/gc-curl-floor.XXXXXX")
    cc -O2 -o "$dir/curl-floor" "$ROOT/benchmarks/curl-floor.c" -lcurl -lpthread || { rm -rf "$dir"; return 0; }
    "$dir/curl-floor" "$url" "$auth" "$threads" "$per_thread"   # warm-up
    /usr/bin/time -o "$dir/time.txt" -f "%e %U %S" "$dir/curl-floor" "$url" "$auth" "$threads" "$per_thread"
    read -r wall user sys <"$dir/time.txt"
    python3 -c "print($wall, $user + $sys, $threads * $per_thread)"
    rm -rf "$dir"
}

# Starts "$BIN serve --port 0 [ARGS…]" in the background with its output in DIR: sets SERVE_PID and
# BASE (the printed 127.0.0.1 base URL); exits 1 when none appears within 10 s. The caller stops it.
start_serve() {
    local dir=$1
    shift
    "$BIN" serve --port 0 "$@" >"$dir/serve.out" 2>"$dir/serve.err" &
    SERVE_PID=$!
    BASE=""
    for _ in $(seq 1 100); do
        BASE=$(head -n1 "$dir/serve.out" 2>/dev/null || true)
        [[ $BASE == http://127.0.0.1:*/beta ]] && break
        sleep 0.1
    done
    [[ $BASE == http://127.0.0.1:*/beta ]] || { echo "serve printed no 127.0.0.1 base URL: '$BASE'" >&2; cat "$dir/serve.err" >&2; exit 1; }
}

# Creates one position on BASE with a minted token: sets TOKEN, AUTH, POSITION_ID and URL (the
# position's own URL, which the synthetic cases and wrk GET).
create_bench_position() {
    TOKEN=$(python3 "$ROOT/benchmarks/peers/tavern/mint.py")
    AUTH="Authorization: Bearer $TOKEN"
    POSITION_ID=$(curl -sS --max-time 5 -X POST "$BASE/me/profile/positions" -H "$AUTH" -H 'Content-Type: application/json' \
        -d '{"allowedAudiences":"organization","isCurrent":true,"categories":["bench"],"detail":{"jobTitle":"Bench Engineer","company":{"displayName":"Contoso"}}}' \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    URL="$BASE/me/profile/positions/$POSITION_ID"
}

# Writes a case directory DIR (the contract and targets, and bench/get.yaml): CASES cases of STEPS
# GETs of POSITION_ID, each expecting 200 and the microsoft.graph.workPosition shape.
write_synthetic_cases() {
    local dir=$1 cases=$2 steps=$3
    mkdir -p "$dir/bench"
    cp -r "$ROOT/cases/contract" "$ROOT/cases/targets" "$dir/"
    python3 - "$dir/bench/get.yaml" "$POSITION_ID" "$cases" "$steps" <<'PY'
import sys
path, pid, ncases, nsteps = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
step = (f"      - method: GET\n        path: /me/profile/positions/{pid}\n"
        "        expect: {status: 200, shape: microsoft.graph.workPosition}\n")
with open(path, "w") as out:
    out.write("suite: bench\nclassname: graph.workPosition.bench\nprincipal: readWrite\ncases:\n")
    for i in range(ncases):
        out.write(f"  - name: get {i + 1}\n    steps:\n" + step * nsteps)
PY
}
