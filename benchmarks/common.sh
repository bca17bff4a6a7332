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
