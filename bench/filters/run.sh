#!/usr/bin/env bash
# Filters on /suche/ (issue 17) at N generated groups (default 10000): size
# of the search index (and gzipped), then in headless Chromium the time to
# the first result and to later ones, filters against today's word search,
# in the same run. Usage: bench/filters/run.sh [GROUPS]  (RUNS=5 by default)
#
# examples/gen.rs makes groups that are all alike in what the filters look
# at; vary.py gives them a reproducible mix of audience, format, status,
# district, language, step-free access and meeting times first.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
runs=${RUNS:-5}
work=${BENCH_DIR:-/tmp/wegweiser-bench-filters}
mkdir -p "$work"

cargo build --quiet --bin wegweiser --example gen
target=${CARGO_TARGET_DIR:-target}
d="$work/d$n"
if [ ! -d "$d" ]; then
  "$target/debug/examples/gen" --groups "$n" --out "$d" >/dev/null 2>&1
  python3 bench/filters/vary.py "$d/content/groups"
fi
"$target/debug/wegweiser" build --root "$d" --out "$work/out$n" --only web --quiet
site="$work/out$n/site"
index="$site/suche/index.json"
[ -d tests/browser/node_modules ] || npm ci --prefix tests/browser --silent --no-audit --no-fund >/dev/null

echo "# filters on /suche/, $n groups, $(date -u +%Y-%m-%d), $(nproc) cores, median of $runs runs"
echo "index.json: $(stat -c %s "$index") B, gzip -6 $(gzip -6 -c "$index" | wc -c) B;" \
  "search.js $(stat -c %s "$site/static/search.js") B; search page $(stat -c %s "$site/suche/index.html") B"
python3 - "$index" <<'PY'
import gzip, json, sys
raw = open(sys.argv[1], "rb").read()
ix = json.loads(raw)
for e in ix["entries"]:
    del e[9:]
bare = json.dumps(ix, ensure_ascii=False, separators=(",", ":")).encode()
print(f"the filter facts (entry field 9) add {len(raw) - len(bare)} B, gzip -6 {len(gzip.compress(raw, 6)) - len(gzip.compress(bare, 6))} B")
PY
node bench/filters/browser.mjs "$site" "$runs"
