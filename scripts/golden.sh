#!/usr/bin/env bash
# golden.sh CLI OUTDIR [BIGDIR]: every output of runlens-cli on every fixture (and optionally a big timeline
# directory) into OUTDIR, for a byte comparison (diff -r) of two builds around a change that must not alter them.
set -u
cli=$1; out=$2; big=${3:-}
mkdir -p "$out"
fx=$(cd "$(dirname "$0")/.." && pwd)/tests/data/fixtures
inputs=()
while IFS= read -r p; do inputs+=("$p"); done < <(find "$fx" -name '*.zip' -o -name 'events-*.jsonl' | sort; find "$fx" -type d -name diagnostics | sort)
n=0
for p in "${inputs[@]}"; do
  n=$((n+1)); tag=$(echo "$p" | sed "s|$fx/||; s|[/ ]|_|g")
  for f in json md text; do "$cli" report "$p" --format $f >"$out/$tag.report.$f" 2>"$out/$tag.report.$f.err"; echo $? >>"$out/$tag.report.$f.err"; done
  "$cli" runs "$p" >"$out/$tag.runs" 2>&1
  for f in text md json csv sarif junit; do "$cli" hints "$p" --format $f >"$out/$tag.hints.$f" 2>&1; echo "rc=$?" >>"$out/$tag.hints.$f"; done
  for f in md csv json html; do "$cli" export "$p" --format $f -o "$out/$tag.export.$f" >/dev/null 2>&1; done
  for f in text csv json md; do "$cli" triage "$p" --format $f >"$out/$tag.triage.$f" 2>&1; done
  "$cli" runs "$p" 2>/dev/null | while IFS=$'\t' read -r session run rest; do
    for layout in upstream seed; do
      "$cli" pack "$p" --session "$session" --run "$run" --layout $layout -o "$out/$tag.$session.$run.$layout.zip" >/dev/null 2>&1
      "$cli" pack "$p" --session "$session" --run "$run" --layout $layout --redact -o "$out/$tag.$session.$run.$layout.redacted.zip" >/dev/null 2>&1
    done
  done
done
for f in text csv json md; do "$cli" triage "$fx" --format $f >"$out/all.triage.$f" 2>&1; done
if [ -n "$big" ]; then
  for f in json md text; do "$cli" report "$big" --format $f >"$out/big.report.$f" 2>&1; done
  "$cli" runs "$big" >"$out/big.runs" 2>&1
  for f in json csv; do "$cli" hints "$big" --format $f >"$out/big.hints.$f" 2>&1; done
fi
echo "dumped $n inputs"
