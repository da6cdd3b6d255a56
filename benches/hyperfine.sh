#!/usr/bin/env bash
# Whole-process timings with hyperfine (Debian: apt-get install hyperfine).
#   benches/hyperfine.sh [PAGES_DIR]   (default: ../shared/corpus, else fixtures/)
# Measures the three ways users run jobfam: one page (editor, pre-commit), and a whole tree (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus}
[ -d "$dir" ] || dir=fixtures
cargo build --release --quiet
bin=target/release/jobfam
one=$(find "$dir" -name '*.md' | sort | head -n 1)
hyperfine --warmup 3 -N \
  -n "one page" "$bin check --format compact $one" \
  -n "whole tree, json" "$bin check --format json $dir" \
  -n "whole tree, human" "$bin check --color never $dir" \
  -i  # findings make jobfam exit 1, which is not a failure here
