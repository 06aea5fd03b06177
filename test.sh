#!/usr/bin/env bash
# Builds Runlens (installing what is missing) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh
PRESET=${RUNLENS_PRESET:-debug}
[ "${CI:-}" = "true" ] && PRESET=ci
cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET" -- -k 0 >/dev/null || cmake --build --preset "$PRESET"
ctest --preset "$PRESET"
