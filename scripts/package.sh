#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the package preset (release, without the benchmarks) in build/package, packs it with
# `cpack -G DEB` and inspects the .deb: the files it must hold, Depends on the Debian Qt 6 libraries
# (from dpkg-shlibdeps), and the extracted binaries running against the system's libraries.
# Prints the path of the .deb last. Takes about as long as a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
build=build/package # the release build without the benchmarks, which the package does not hold
cmake --preset package >/dev/null
cmake --build "$build" -j"${RUNLENS_JOBS:-2}"
rm -f "$build"/runlens_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/runlens_*.deb)

fail() {
    echo "package.sh: $*" >&2
    exit 1
}
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for file in usr/bin/runlens usr/bin/runlens-cli \
    usr/share/applications/org.runlens.Runlens.desktop \
    usr/share/icons/hicolor/scalable/apps/org.runlens.Runlens.svg \
    usr/share/mime/packages/org.runlens.Runlens.xml \
    usr/share/metainfo/org.runlens.Runlens.metainfo.xml \
    usr/share/man/man1/runlens.1.gz usr/share/man/man1/runlens-cli.1.gz \
    usr/share/bash-completion/completions/runlens-cli; do
    grep -qx "\./$file" <<<"$contents" || fail "$deb lacks /$file"
done
dpkg-deb -I "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
for library in libqt6core6 libqt6gui6 libqt6widgets6 libquazip1-qt6; do
    grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done

# The extracted tree: binaries that run on the system's libraries, and metadata that validates.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
env -u LD_LIBRARY_PATH "$root/usr/bin/runlens-cli" --version
env -u LD_LIBRARY_PATH -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/runlens" --version
env -u LD_LIBRARY_PATH "$root/usr/bin/runlens-cli" rules >/dev/null
desktop-file-validate "$root/usr/share/applications/org.runlens.Runlens.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.runlens.Runlens.metainfo.xml" >/dev/null
echo "$deb"
