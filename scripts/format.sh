#!/usr/bin/env bash
# Formats the project's C++ sources with clang-format (.clang-format at the top).
#   scripts/format.sh                 formats every tracked .cpp/.h in place
#   scripts/format.sh --check         changes nothing; lists the files that differ and fails if any does
#   scripts/format.sh [--check] FILE...  only these files (paths as seen from where it is run)
#   scripts/format.sh --check --staged   the staged versions of the staged files (scripts/pre-commit)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
CLANG_FORMAT=${CLANG_FORMAT:-$(command -v clang-format-14 || command -v clang-format || true)}
if [ -z "$CLANG_FORMAT" ]; then
    echo "runlens: clang-format not found (apt-get install clang-format)" >&2
    exit 1
fi
check=false
staged=false
if [ "${1:-}" = "--check" ]; then
    check=true
    shift
fi
if [ "${1:-}" = "--staged" ]; then
    staged=true
    shift
fi
files=()
if $staged; then
    cd "$top"
    while IFS= read -r f; do files+=("$f"); done < <(git diff --cached --name-only --diff-filter=ACMR -- '*.cpp' '*.h')
elif [ $# -gt 0 ]; then
    for f in "$@"; do
        case "$f" in *.cpp | *.h) [ -f "$f" ] && files+=("$f") ;; esac
    done
else
    # Our sources only: not the fixtures or fuzz corpora under tests/data and tests/fuzz/corpus.
    cd "$top"
    while IFS= read -r f; do files+=("$f"); done < <(git ls-files -- '*.cpp' '*.h' ':!:tests/data/**' ':!:tests/fuzz/corpus/**')
fi
[ ${#files[@]} -eq 0 ] && exit 0
if ! $check; then
    "$CLANG_FORMAT" -i "${files[@]}"
    exit 0
fi
bad=()
for f in "${files[@]}"; do
    if $staged; then
        git show ":$f" | "$CLANG_FORMAT" --dry-run --Werror --assume-filename="$f" >/dev/null 2>&1 || bad+=("$f")
    else
        "$CLANG_FORMAT" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
    fi
done
if [ ${#bad[@]} -gt 0 ]; then
    echo "runlens: not formatted (run scripts/format.sh ${bad[*]}):" >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
fi
