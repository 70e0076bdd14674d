#!/usr/bin/env bash
# Benchmarks wegweiser against Hugo on the same generated content, alternating
# runs, and prints medians and ratios. Usage: bench/run.sh [SIZES...]
# (default: 1000 10000 100000). Installs Hugo and GNU time if missing.
# Uses the release profile: the first run compiles it (~15 min cold).
# Then the print edition, and how soon `serve` shows a changed file
# (bench/serve.py; EDITS edits, default 9).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 100000}")
read -r -a sizes <<< "${sizes[*]}"
runs=${RUNS:-3}

need=()
command -v hugo >/dev/null 2>&1 || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release --quiet --bin wegweiser --example gen
bin=${CARGO_TARGET_DIR:-target}/release/wegweiser
gen=${CARGO_TARGET_DIR:-target}/release/examples/gen
work=${BENCH_DIR:-/tmp/wegweiser-bench}
mkdir -p "$work"

median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
# time_cmd CMD... → prints "seconds maxrss_kb"
time_cmd() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; cat "$work/time.txt" >&2; exit 1; }
  cat "$work/time.txt"
}

echo "# wegweiser vs Hugo, $(date -u +%Y-%m-%d), $(nproc) cores, $(hugo version | cut -d' ' -f2)"
printf "%-8s %12s %12s %8s %14s %14s\n" groups wegweiser_s hugo_s ratio weg_rss_MB hugo_rss_MB
for n in "${sizes[@]}"; do
  d="$work/d$n"; h="$work/h$n"
  [ -d "$d" ] || "$gen" --groups "$n" --out "$d" --hugo "$h" 2>/dev/null
  w=(); g=(); wr=0; hr=0
  for ((i = 0; i < runs; i++)); do
    read -r t r < <(time_cmd "$bin" build --root "$d" --out "$work/out$n" --only web --quiet)
    w+=("$t"); wr=$(( r > wr ? r : wr ))
    rm -rf "$h/public"
    read -r t r < <(time_cmd hugo --source "$h" --quiet)
    g+=("$t"); hr=$(( r > hr ? r : hr ))
  done
  wm=$(printf "%s\n" "${w[@]}" | median); hm=$(printf "%s\n" "${g[@]}" | median)
  printf "%-8s %12s %12s %8.2f %14d %14d\n" "$n" "$wm" "$hm" "$(echo "$wm / $hm" | bc -l)" $((wr / 1024)) $((hr / 1024))
done

echo
echo "# print edition (wegweiser print --year 2027)"
printf "%-8s %10s %8s %12s\n" entries seconds pages rss_MB
for n in 1000 10000; do
  d="$work/d$n"
  [ -d "$d" ] || "$gen" --groups "$n" --out "$d" 2>/dev/null
  p=()
  rr=0
  for ((i = 0; i < runs; i++)); do
    read -r t r < <(time_cmd "$bin" print --root "$d" --year 2027 --out "$work/p$n.pdf" --quiet)
    p+=("$t"); rr=$(( r > rr ? r : rr ))
  done
  pages=$(pdfinfo "$work/p$n.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  printf "%-8s %10s %8s %12d\n" "$n" "$(printf "%s\n" "${p[@]}" | median)" "${pages:-?}" $((rr / 1024))
done

echo
echo "# serve: one changed group file at 10000 groups (bench/serve.py, medians)"
d="$work/d10000"
[ -d "$d" ] || "$gen" --groups 10000 --out "$d" 2>/dev/null
python3 bench/serve.py "$bin" "$d" "${EDITS:-9}"

echo
echo "# serve: saves through the editor's API at 10000 groups (bench/serve_api.py, medians)"
python3 bench/serve_api.py "$bin" "$d" "${EDITS:-9}"

echo
bash bench/print-variants.sh 1000
