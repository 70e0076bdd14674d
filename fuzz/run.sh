#!/usr/bin/env bash
# Runs the cargo-fuzz targets of wegweiser, each for SECONDS (default 60).
#
#   fuzz/run.sh [SECONDS] [TARGET...]      targets: front_matter markdown sort_key
#
# Works on the stable toolchain: cargo-fuzz's -Z flags are let through with
# RUSTC_BOOTSTRAP=1, no sanitizer is used (safe Rust: we look for panics,
# hangs and memory blow-ups, which libFuzzer catches without one), and the
# `dev` profile of fuzz/Cargo.toml keeps the first build short (the
# instrumented dependencies, typst among them, are compiled once into
# fuzz/target/). The corpus grows in fuzz/corpus/<target>/ (not in git),
# seeded from fuzz/seeds/<target>/ (in git). A crash is saved to
# fuzz/artifacts/<target>/; turn it into a case of tests/hardening_props.rs
# and reproduce it with `fuzz/run.sh repro TARGET FILE`.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "fuzz/run.sh: installing cargo-fuzz (a few minutes, once)" >&2
  cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1
flags=(--dev --sanitizer none)

if [ "${1:-}" = "repro" ]; then
  exec nice -n 10 cargo fuzz run "${flags[@]}" "$2" "$3"
fi

secs="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(front_matter markdown sort_key)

status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  cp -n fuzz/seeds/"$t"/* "fuzz/corpus/$t/" 2>/dev/null || true
  echo "fuzz/run.sh: $t for ${secs}s" >&2
  # -timeout: one input taking longer than 10 s counts as a hang;
  # -rss_limit_mb: more than 2 GB counts as a memory blow-up.
  if ! nice -n 10 cargo fuzz run "${flags[@]}" "$t" "fuzz/corpus/$t" -- \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1; then
    echo "fuzz/run.sh: $t FAILED: see fuzz/artifacts/$t/" >&2
    status=1
  fi
done
exit $status
