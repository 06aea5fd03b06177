#!/usr/bin/env bash
# Builds Runlens (installing what is missing) and runs the whole test suite.
# CI=true selects the ci preset: ASan + UBSan, warnings as errors; after its tests come the format check, the
# threaded tests under ThreadSanitizer and clang-tidy over every source (docs/hacking.md).
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh
PRESET=${RUNLENS_PRESET:-debug}
[ "${CI:-}" = "true" ] && PRESET=ci
scripts/build.sh "$PRESET"
ctest --preset "$PRESET"
if [ "${CI:-}" = "true" ]; then
    scripts/format.sh --check
    scripts/build.sh tsan
    ctest --preset tsan
    scripts/tidy.sh "build/$PRESET"
fi
