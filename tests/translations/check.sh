#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# check.sh LUPDATE TS_DIR SOURCE...: runs lupdate over the sources into copies of the committed .ts files
# and fails when that leaves a message unfinished (a new or changed text without a translation) or
# vanished (a translation whose text is gone, or that lupdate files under another context than the
# runtime looks it up in). runlens_en.ts holds only plural forms (-pluralonly).
set -euo pipefail
lupdate=$1
ts_dir=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for lang in de en; do
    cp "$ts_dir/runlens_$lang.ts" "$work/"
    options=(-locations none)
    [ "$lang" = en ] && options+=(-pluralonly)
    "$lupdate" "${options[@]}" "$@" -ts "$work/runlens_$lang.ts" >/dev/null
    if grep -n -B3 -E 'type="(unfinished|vanished|obsolete)"' "$work/runlens_$lang.ts"; then
        echo "translations/runlens_$lang.ts is not current: run the update_translations target and translate" >&2
        status=1
    fi
done
exit $status
