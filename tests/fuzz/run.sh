#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each one for SECONDS, two at a time,
# then prints executions per second and corpus size per target. Exits 1 when a target crashed.
#
#   tests/fuzz/run.sh SECONDS [TARGET...]
#
# RUNLENS_FUZZ_BUILD: build directory (default build/fuzz). RUNLENS_FUZZ_JOBS: targets at once (2).
# Crashes land in $RUNLENS_FUZZ_BUILD/artifacts/<target>/; keep each in tests/data/crashes/<target>/.
set -euo pipefail
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...]}
shift
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${RUNLENS_FUZZ_BUILD:-$src/build/fuzz}
jobs=${RUNLENS_FUZZ_JOBS:-2}

# libFuzzer's runtime is not in Debian's clang-14 package but in libclang-rt-14-dev.
"$src/scripts/deps.sh"
missing=()
for p in clang-14 libclang-rt-14-dev python3; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "runlens fuzz: installing ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DRUNLENS_FUZZ=ON -DBUILD_TESTING=OFF && cmake --build "$build" --target runlens_fuzzers; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "runlens fuzz: build failed" >&2
    exit 1
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cd "$src/tests/fuzz/corpus" && ls)
fi

# Working corpora grow in the build directory; the committed corpus and the fixture seeds are read-only inputs.
rm -rf "$build/seeds"
python3 "$src/tests/fuzz/seeds.py" "$src/tests/data/fixtures" "$build/seeds"
for target in "${targets[@]}"; do
    mkdir -p "$build/corpus/$target" "$build/artifacts/$target" "$build/seeds/$target" "$build/logs"
done

run_one() {
    local target=$1
    # A leak report from Qt's global statics is not a finding; sanitizer errors still abort.
    ASAN_OPTIONS=detect_leaks=0 "$build/tests/fuzz/fuzz_$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len=16384 -print_final_stats=1 \
        -artifact_prefix="$build/artifacts/$target/" \
        "$build/corpus/$target" "$src/tests/fuzz/corpus/$target" "$build/seeds/$target" \
        >"$build/logs/$target.log" 2>&1
}
export -f run_one
export build src seconds
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {} || true'

status=0
printf '%-30s %12s %8s %8s %14s  %s\n' target executions "exec/s" coverage "corpus" result
for target in "${targets[@]}"; do
    logfile="$build/logs/$target.log"
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logfile" | tail -n1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logfile" | tail -n1)
    # libFuzzer's last status line: "#N DONE cov: C ft: F corp: UNITS/SIZE ..."
    cov=$(grep -o 'cov: [0-9]*' "$logfile" | tail -n1 | cut -d' ' -f2)
    corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$logfile" | tail -n1 | cut -d' ' -f2)
    result=ok
    if ls "$build/artifacts/$target"/* >/dev/null 2>&1; then
        result="FOUND: $(ls "$build/artifacts/$target" | tr '\n' ' ')"
        status=1
    elif ! grep -q '^Done ' "$logfile"; then
        result="did not finish, see $logfile"
        status=1
    fi
    printf '%-30s %12s %8s %8s %14s  %s\n' "$target" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${corp:-?}" "$result"
done
exit $status
