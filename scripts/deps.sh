#!/usr/bin/env bash
# Installs the Debian 12 packages Runlens needs, when any is missing. Quiet when all are there.
set -euo pipefail
PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    qt6-5compat-dev libquazip1-qt6-dev
    nlohmann-json3-dev libsimdjson-dev libgl-dev libbenchmark-dev
    qt6-qpa-plugins fonts-dejavu-core python3 chromium
    python3-jsonschema libxml2-utils
    desktop-file-utils appstream groff-base dpkg-dev file
)
# CI also checks the format and runs clang-tidy (test.sh); developers want them for scripts/pre-commit too.
[ "${CI:-}" = "true" ] && PACKAGES+=(clang-format-14 clang-tidy-14)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "runlens: installing ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
