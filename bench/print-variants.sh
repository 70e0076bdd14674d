#!/usr/bin/env bash
# The booklet's variants and the verification sheets against the standard
# booklet, on the same generated directory, alternating runs, medians.
# Usage: bench/print-variants.sh [GROUPS] (default 1000). PROFILE=release
# (default) or PROFILE=dev (the debug profile the tests use: dependencies,
# typst included, are optimised at opt-level 2 there, wegweiser itself not).
# The directory: examples/gen.rs with --groups N (plus its organisations
# and contact points).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
runs=${RUNS:-3}
profile=${PROFILE:-release}
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
if [ "$profile" = release ]; then
  cargo build --release --quiet --bin wegweiser --example gen
  dir=release
else
  # `cargo test --no-run` builds the binary and the examples (the same
  # dependency builds as `cargo build`: scripts/compiled-once).
  cargo test --no-run --quiet
  dir=debug
fi
bin=${CARGO_TARGET_DIR:-target}/$dir/wegweiser
gen=${CARGO_TARGET_DIR:-target}/$dir/examples/gen
work=${BENCH_DIR:-/tmp/wegweiser-bench}
mkdir -p "$work"
d="$work/d$n"
[ -d "$d" ] || "$gen" --groups "$n" --out "$d" 2>/dev/null

median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
time_cmd() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; cat "$work/time.txt" >&2; exit 1; }
  cat "$work/time.txt"
}
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

s=(); l=(); r=(); srss=0; lrss=0; rrss=0
for ((i = 0; i < runs; i++)); do
  read -r t m < <(time_cmd "$bin" print --root "$d" --year 2027 --out "$work/std$n.pdf" --quiet)
  s+=("$t"); srss=$(( m > srss ? m : srss ))
  read -r t m < <(time_cmd "$bin" print --root "$d" --year 2027 --variant large --out "$work/large$n.pdf" --quiet)
  l+=("$t"); lrss=$(( m > lrss ? m : lrss ))
  read -r t m < <(time_cmd "$bin" sheets --root "$d" --year 2027 --out "$work/sheets$n.pdf" --quiet)
  r+=("$t"); rrss=$(( m > rrss ? m : rrss ))
done
sm=$(printf "%s\n" "${s[@]}" | median); lm=$(printf "%s\n" "${l[@]}" | median); rm_=$(printf "%s\n" "${r[@]}" | median)
echo "# booklet variants and sheets, $n groups, profile $profile, $(date -u +%Y-%m-%d), $(nproc) cores, medians of $runs"
printf "%-22s %10s %8s %10s %8s\n" what seconds pages rss_MB ratio
printf "%-22s %10s %8s %10d %8.2f\n" "print (standard)" "$sm" "$(pages "$work/std$n.pdf")" $((srss / 1024)) 1
printf "%-22s %10s %8s %10d %8.2f\n" "print --variant large" "$lm" "$(pages "$work/large$n.pdf")" $((lrss / 1024)) "$(echo "$lm / $sm" | bc -l)"
printf "%-22s %10s %8s %10d %8.2f\n" "sheets" "$rm_" "$(pages "$work/sheets$n.pdf")" $((rrss / 1024)) "$(echo "$rm_ / $sm" | bc -l)"
