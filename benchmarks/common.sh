# Shared by the benchmark scripts (sourced, not run): progress lines and the binary to measure.

log() { printf '== %s\n' "$*" >&2; }

# Sets BIN to the release build of graph-conformance: BIN as given, else the release build
# (built first unless SKIP_BUILD is set). Exits 2 when there is no executable there.
resolve_release_binary() {
    if [[ -z ${BIN:-} ]]; then
        if [[ -z ${SKIP_BUILD:-} ]]; then
            log "swift build -c release"
            swift build -c release --product graph-conformance >&2
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
