#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs a Runlens .deb into a fresh, minimal Debian 12 (debootstrap --variant=minbase, in a chroot)
# with apt, so that its Depends must pull in everything the binaries need, and runs what a user runs:
# both binaries' --version and --help, a report and SARIF of a runpack, and the window's screenshot of
# the pack offscreen. Needs root and the Debian mirror. The fresh system is kept in $RUNLENS_FRESH_ROOT
# (default /tmp/runlens-fresh) for the next run, and the package removed again at the end.
#   scripts/fresh-install.sh [build/package/runlens_*.deb]
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(realpath "${1:-$(ls build/package/runlens_*.deb)}")
root=${RUNLENS_FRESH_ROOT:-/tmp/runlens-fresh}
pack=tests/data/fixtures/upstream/error-embed/data/diagnostics/runpacks/sess-embed-error/runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip

fail() {
    echo "fresh-install.sh: $*" >&2
    exit 1
}
[ "$(id -u)" = 0 ] || fail "needs root (debootstrap and chroot)"
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
if [ ! -x "$root/usr/bin/apt-get" ]; then
    rm -rf "$root"
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/" 2>/dev/null || true

mount --bind /proc "$root/proc"
work=$(mktemp -d "$root/tmp/runlens.XXXXXX")
cleanup() {
    chroot "$root" apt-get purge -y -qq runlens >/dev/null 2>&1 || true
    rm -rf "$work"
    umount "$root/proc"
}
trap cleanup EXIT
inside=/tmp/$(basename "$work")
cp "$deb" "$pack" "$work/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

in_root apt-get update -qq
# Only what the package's Depends name comes in: a missing dependency fails here or below.
in_root apt-get install -y -qq --no-install-recommends "$inside/$(basename "$deb")" >/dev/null
in_root dpkg -s runlens | grep -E '^(Status|Version|Depends):'
in_root runlens-cli --version
in_root runlens --version
in_root runlens --help | grep -q -- --screenshot || fail "runlens --help lacks --screenshot"
in_root man -w runlens-cli >/dev/null 2>&1 || in_root test -f /usr/share/man/man1/runlens-cli.1.gz \
    || fail "no man page"
packed="$inside/$(basename "$pack")"
in_root runlens-cli report --format text "$packed" | grep -q "Failed" || fail "report of the pack shows no failure"
# Exit code 1: hints were found (the pack's embed failed), as documented.
status=0
in_root runlens-cli hints --format sarif "$packed" >"$work/out.sarif" || status=$?
[ "$status" = 1 ] || fail "hints exited $status, not 1"
grep -q '"ruleId": "stage:failed"' "$work/out.sarif" || fail "SARIF lacks stage:failed"
in_root env QT_QPA_PLATFORM=offscreen runlens --screenshot "$inside/shot.png" --size 1280x800 "$packed" 2>/dev/null
[ "$(head -c 8 "$work/shot.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "no PNG screenshot"
echo "fresh-install.sh: $(basename "$deb") installs and runs on a fresh Debian 12 ($root)"
