#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy at the top) over every project .cpp of a configured and built build
# directory, two at a time, and fails on any warning. Built first: moc's and uic's outputs must exist.
#   scripts/tidy.sh [BUILD_DIR] [FILE_REGEX]      BUILD_DIR defaults to build/debug, FILE_REGEX to every .cpp of ours
# Generated sources (moc, qrc, *_autogen) are never checked; our headers are, through HeaderFilterRegex.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
build=${1:-build/debug}
RUN_CLANG_TIDY=${RUN_CLANG_TIDY:-$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)}
CLANG_TIDY=${CLANG_TIDY:-$(command -v clang-tidy-14 || command -v clang-tidy || true)}
if [ -z "$RUN_CLANG_TIDY" ] || [ -z "$CLANG_TIDY" ]; then
    echo "runlens: clang-tidy not found (apt-get install clang-tidy-14)" >&2
    exit 1
fi
if [ ! -f "$build/compile_commands.json" ]; then
    echo "runlens: $build/compile_commands.json missing: configure and build a preset first (cmake --preset debug)" >&2
    exit 1
fi
regex=${2:-"^$top/(app|model|views|detectors|report|synth|tests|bench)/.*\\.cpp\$"}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# -Wno-error: the ci preset builds with -Werror, which would turn clang's own compiler warnings (not ours to
# check here; g++ is the compiler) into errors.
"$RUN_CLANG_TIDY" -p "$build" -clang-tidy-binary "$CLANG_TIDY" -j "${TIDY_JOBS:-2}" -quiet -extra-arg=-Wno-error "$regex" 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' >"$log" || status=$?
# Every finding is an error (WarningsAsErrors); the summary lines of a clean file are dropped.
if [ $status -ne 0 ] || grep -qE '(warning|error):' "$log"; then
    grep -vE '^([^ ]*clang-tidy[^ ]* |[0-9]+ warnings? (and [0-9]+ errors? )?generated\.|Suppressed [0-9]+ warnings|Use -header-filter|Running clang-tidy|Enabled checks:|$)' "$log" >&2 || true
    echo "runlens: clang-tidy found problems (scripts/tidy.sh $build)" >&2
    exit 1
fi
