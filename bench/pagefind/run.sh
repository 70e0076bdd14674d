#!/usr/bin/env bash
# Issue 3: pagefind (fed compact records via add_custom_record) vs.
# wegweiser's compact JSON index + MiniSearch, at N groups (default 10000).
# Usage: bench/pagefind/run.sh [N]   (RUNS=3, BENCH_DIR=/tmp/pf)
# Needs the release wegweiser and gen (built here if missing), node, GNU time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
main=$(cd "$here/../.." && pwd)
n=${1:-10000}
runs=${RUNS:-3}
work=${BENCH_DIR:-/tmp/pf}
mkdir -p "$work"

[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
# The reference wegweiser: the one linked here (cargo build --release
# --features wegweiser) if built, else the main crate's release binary.
weg=$here/target/release/wegweiser-cli
[ -x "$weg" ] || weg=$main/target/release/wegweiser
weg=${WEGWEISER:-$weg}
gen=${GEN:-$main/target/release/examples/gen}
[ -x "$weg" ] && [ -x "$gen" ] || (cd "$main" && nice cargo build --release --quiet --bin wegweiser --example gen)
(cd "$here" && nice cargo build --release --quiet --bin pagefind-bench)
pf=$here/target/release/pagefind-bench

d=$work/d$n site=$work/site$n bundle=$work/pagefind$n grouped=$work/pagefind$n-grouped
[ -d "$d" ] || "$gen" --groups "$n" --out "$d" >/dev/null 2>&1
"$weg" build --root "$d" --out "$site" --only web --quiet
index=$site/site/suche/index.json

median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
timed() { /usr/bin/time -f "%e %M" -o "$work/time.txt" nice "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" "$work/time.txt" >&2; exit 1; }; cat "$work/time.txt"; }

wt=() wr=() pt=() pr=() gt=() gr=()
for ((i = 0; i < runs; i++)); do   # alternate, so changes in load hit all three
  read -r t r < <(timed "$weg" build --root "$d" --out "$site" --only web --quiet); wt+=("$t"); wr+=("$r")
  read -r t r < <(timed "$pf" "$index" "$bundle"); pt+=("$t"); pr+=("$r"); cp "$work/stderr.txt" "$work/stderr-pf.txt"
  read -r t r < <(timed env PF_MAX_FRAGMENTS=100 "$pf" "$index" "$grouped"); gt+=("$t"); gr+=("$r")
done
gz() { gzip -6 -c "$1" | wc -c; }
sum_gz() { local s=0; for f in "$@"; do s=$((s + $(gz "$f"))); done; echo $s; }

echo "# issue 3 search engines, $n groups, $(date -u +%Y-%m-%d), $(nproc) cores, median of $runs"
echo "wegweiser build --only web (whole site, index included): $(printf '%s\n' "${wt[@]}" | median) s, peak RSS $(( $(printf '%s\n' "${wr[@]}" | median | cut -d. -f1) / 1024 )) MB"
echo "pagefind-bench (read JSON + add_custom_record + write bundle): $(printf '%s\n' "${pt[@]}" | median) s, peak RSS $(( $(printf '%s\n' "${pr[@]}" | median | cut -d. -f1) / 1024 )) MB; last run: $(cat "$work/stderr-pf.txt")"
echo "pagefind-bench, PF_MAX_FRAGMENTS=100: $(printf '%s\n' "${gt[@]}" | median) s, peak RSS $(( $(printf '%s\n' "${gr[@]}" | median | cut -d. -f1) / 1024 )) MB; last run: $(cat "$work/stderr.txt")"
echo "wegweiser index.json: $(stat -c %s "$index") B, gzip -6 $(gz "$index") B; minisearch.min.js $(stat -c %s "$site/site/static/minisearch.min.js") B (gzip $(gz "$site/site/static/minisearch.min.js")); search.js $(stat -c %s "$site/site/static/search.js") B (gzip $(gz "$site/site/static/search.js"))"
for b in "$bundle" "$grouped"; do
  echo "pagefind bundle $(basename "$b"): $(find "$b" -type f | wc -l) files, $(find "$b" -type f -printf '%s\n' | awk '{s+=$1} END {print s}') B, on disk $(du -sk "$b" | cut -f1) KiB"
  for sub in fragment index filter; do
    echo "  $sub/: $(find "$b/$sub" -type f | wc -l) files, $(find "$b/$sub" -type f -printf '%s\n' | awk '{s+=$1} END {print s}') B"
  done
done
echo "  top level: $(find "$bundle" -maxdepth 1 -type f | wc -l) files, $(find "$bundle" -maxdepth 1 -type f -printf '%s\n' | awk '{s+=$1} END {print s}') B (UI scripts and styles included; a search page without pagefind's UI needs pagefind.js, pagefind-entry.json, the .pf_meta and wasm.de.pagefind)"

if [ -x "$here/target/release/weg-index" ]; then
  echo "search::index alone: $("$here/target/release/weg-index" "$d" 7 2>/dev/null)"
fi

if command -v node >/dev/null; then
  qs=(Diab Zoeliakie Diabetis Parkinsn Oestringen)
  echo "# query side (node $(node --version), cold process, median of $runs; node alone: RSS $(node -e 'console.log(Math.round(process.memoryUsage().rss / 2 ** 20))') MB)"
  for ((i = 0; i < runs; i++)); do
    nice node "$here/query.mjs" minisearch "$site/site" "${qs[@]}"
    nice node --experimental-default-type=module "$here/query.mjs" pagefind "$bundle" "${qs[@]}"
    nice node --experimental-default-type=module "$here/query.mjs" pagefind "$grouped" "${qs[@]}" | sed 's/"pagefind"/"pagefind-grouped"/'
  done > "$work/query.jsonl"
  node -e '
    const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
    const med = (a) => { a = a.slice().sort((x, y) => x - y); return a[(a.length - 1) >> 1]; };
    for (const e of ["minisearch", "pagefind", "pagefind-grouped"]) {
      const r = rows.filter((x) => x.engine === e);
      const first = e === "minisearch"
        ? r.map((x) => x.parse_ms + x.index_ms + x.queries[0].ms)
        : r.map((x) => x.init_ms + x.queries[0].with_10_results_ms);
      const firstBytes = e === "minisearch" ? r[0].bytes : r[0].queries[0].new_bytes;
      console.log(`${e}: first query "${r[0].queries[0].q}" ready after ${med(first).toFixed(0)} ms, ${firstBytes} B downloaded` +
        (e === "minisearch" ? ` (parse ${med(r.map((x) => x.parse_ms))}, index ${med(r.map((x) => x.index_ms))})` : ` (init ${med(r.map((x) => x.init_ms))}, incl. data of top 10)`) +
        `; downloaded for all ${r[0].queries.length} queries: ${r[0].files} files, ${r[0].bytes} B; JS heap ${med(r.map((x) => x.heap_mb))} MB, process RSS ${med(r.map((x) => x.rss_mb))} MB`);
      r[0].queries.forEach((q, i) => console.log(`  ${q.q}: ${q.hits} hits, ${med(r.map((x) => x.queries[i].ms ?? x.queries[i].with_10_results_ms))} ms` +
        (q.new_files !== undefined ? `, ${q.new_files} new files (${q.new_bytes} B)` : "") + `; top: ${q.top.join(" | ")}`));
    }' "$work/query.jsonl"
fi
