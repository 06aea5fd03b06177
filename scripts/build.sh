#!/usr/bin/env bash
# Configures and builds one preset; quiet on success, the full log on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=$1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { cmake --preset "$preset" && cmake --build --preset "$preset"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "runlens: build failed (preset $preset)" >&2
    exit 1
fi
