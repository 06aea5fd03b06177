#!/usr/bin/env bash
# Builds Runlens (installing what is missing) and runs the whole test suite.
# CI=true selects the ci preset: ASan + UBSan, warnings as errors.
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh
PRESET=${RUNLENS_PRESET:-debug}
[ "${CI:-}" = "true" ] && PRESET=ci
scripts/build.sh "$PRESET"
ctest --preset "$PRESET"
