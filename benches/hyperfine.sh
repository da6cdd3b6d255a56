#!/usr/bin/env bash
# Whole-process timings of jobfam and the peers a handbook would run instead, with hyperfine.
#   benches/hyperfine.sh [PAGES_DIR]   (default: ../shared/corpus, else fixtures/)
#
# Needs hyperfine (Debian: apt-get install hyperfine) and python3 (for the ratio table).
# Peers are timed when found, never installed by this script: put them on PATH, or name them
# with TYPOS=…, RUMDL=…, MARKDOWNLINT_CLI2=…, CSPELL=… . To get them in a scratch folder:
#   python3 -m venv /tmp/peers && /tmp/peers/bin/pip install typos rumdl
#   (cd /tmp/peers && npm install markdownlint-cli2 cspell)
#   PATH=/tmp/peers/bin:/tmp/peers/node_modules/.bin:$PATH benches/hyperfine.sh
#
# Two runs: one page (what an editor or a pre-commit hook pays) and the whole tree (a merge-
# request job). Each prints hyperfine's own figures, then a table of medians and of jobfam's
# time as a ratio of each peer's.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus}
[ -d "$dir" ] || dir=fixtures
cargo build --release --quiet
bin=target/release/jobfam
one=$(find "$dir" -name '*.md' -size +8k | sort | head -n 1)
[ -n "$one" ] || one=$(find "$dir" -name '*.md' | sort | head -n 1)

peer() { # NAME ENV_VALUE → the command, or nothing when absent
  local name=$1 given=$2
  if [ -n "$given" ]; then echo "$given"; elif command -v "$name" >/dev/null; then command -v "$name"; fi
}
typos=$(peer typos "${TYPOS:-}")
rumdl=$(peer rumdl "${RUMDL:-}")
mdl=$(peer markdownlint-cli2 "${MARKDOWNLINT_CLI2:-}")
cspell=$(peer cspell "${CSPELL:-}")
for p in typos rumdl mdl cspell; do
  [ -n "${!p}" ] || echo "note: $p not found; it is left out (see the top of this script)" >&2
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # LABEL TARGET TARGET_GLOB
  local label=$1 target=$2 glob=$3
  local args=(-n jobfam "$bin check --format json $target")
  [ -n "$typos" ] && args+=(-n typos "$typos $target")
  [ -n "$rumdl" ] && args+=(-n rumdl "$rumdl check --no-cache $target")
  [ -n "$mdl" ] && args+=(-n markdownlint-cli2 "$mdl $glob")
  [ -n "$cspell" ] && args+=(-n cspell "$cspell --no-progress --no-summary $glob")
  echo "== $label: $target"
  # Findings make every tool exit non-zero, which is not a failure here.
  hyperfine --warmup 2 --runs "${RUNS:-10}" -i --export-json "$out/$label.json" "${args[@]}"
}

run "one page" "$one" "$one"
run "whole tree" "$dir" "$dir/**/*.md"

python3 - "$out" <<'PY'
import json, pathlib, statistics, sys
out = pathlib.Path(sys.argv[1])
for label in ("one page", "whole tree"):
    results = json.loads((out / f"{label}.json").read_text())["results"]
    medians = {r["command"]: statistics.median(r["times"]) for r in results}
    jobfam = medians["jobfam"]
    print(f"\n{label}: median wall seconds, and jobfam's time as a share of each tool's")
    print(f"  {'tool':<20} {'median s':>9} {'jobfam / tool':>14}")
    for name, median in medians.items():
        print(f"  {name:<20} {median:>9.4f} {jobfam / median:>14.2f}")
PY
