#!/usr/bin/env bash
# Builds Runlens (installing what is missing) and opens the GUI on PATH..., or on the bundled demo pack.
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh
scripts/build.sh release
if [ $# -eq 0 ]; then
    set -- resources/demo/runpack_demo.zip
fi
exec build/release/app/runlens "$@"
