#!/usr/bin/env bash
# What a new handbook team does, from a clean clone: install jobfam as a Python wheel into a
# fresh venv, run it, then switch on the pre-commit hook in a scratch handbook repository and
# check that it passes a clean job page, a README and a policy page, and fails only on a broken
# job page. Run by .ci/run; by hand: scripts/new-user.sh [COMMIT] (default: HEAD).
#
# Needs git, python3 with venv, and the network for PyPI (maturin, pre-commit). Without pip or
# the network the steps that need them are skipped with a message; a step that runs and fails
# fails the script.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-HEAD}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# One target folder for the wheel's build and pre-commit's `cargo install`, so the second
# build reuses the first.
export CARGO_TARGET_DIR="$work/target"

step() { printf '\n== %s\n' "$*"; }
skip() { printf 'skipped: %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

step "clean clone of $rev"
git clone --quiet --no-local "$repo" "$work/jobfam"
git -C "$work/jobfam" checkout --quiet --detach "$(git -C "$repo" rev-parse "$rev")"
commit="$(git -C "$work/jobfam" rev-parse HEAD)"
echo "$commit"

step "pip install . into a fresh venv"
if ! python3 -m venv "$work/venv" 2>/dev/null; then
  skip "python3 cannot make a venv (install python3-venv)"
  exit 0
fi
pip=("$work/venv/bin/python" -m pip --quiet --disable-pip-version-check)
if ! "${pip[@]}" install "$work/jobfam"; then
  skip "pip install . failed; is PyPI reachable (maturin is fetched from it)?"
  exit 0
fi
export PATH="$work/venv/bin:$PATH"
[ "$(command -v jobfam)" = "$work/venv/bin/jobfam" ] || fail "jobfam is not on PATH from the venv"
jobfam --version

step "a scratch handbook repository"
hb="$work/handbook"
mkdir -p "$hb/handbook/job-families/analytics" "$hb/handbook/policies"
cat > "$hb/README.md" <<'EOF'
# Team handbook

Pages for the analytics team. Run `pre-commit install` after cloning.
EOF
cat > "$hb/handbook/policies/travel.md" <<'EOF'
---
title: Travel policy
---

## Booking

Book travel through the company's travel tool at least two weeks ahead.
EOF
G='/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades'
cat > "$hb/handbook/job-families/analytics/data-analyst.md" <<EOF
---
layout: job_family_page
title: Data Analyst
description: Data Analysts turn questions into measured answers.
---

## Responsibilities

- Build dashboards that answer the questions teams ask.

## Requirements

- Ability to use GitLab

## Levels

### Data Analyst

The Data Analyst is a [grade 6]($G).

### Senior Data Analyst

The Senior Data Analyst is a [grade 7]($G).

## Performance Indicators

- Questions answered

## Hiring Process

- A call with a recruiter
EOF
# Broken: a misspelt section, a grade under the wrong level, a link to no anchor.
sed -e 's/^## Responsibilities/## Responsibilties/' \
    -e 's/The Senior Data Analyst is a/The Data Analyst is a/' \
    -e 's/- Questions answered/- [Questions answered](#kpis)/' \
    "$hb/handbook/job-families/analytics/data-analyst.md" \
    > "$hb/handbook/job-families/analytics/broken-analyst.md"
git -C "$hb" init --quiet
git -C "$hb" add -A
git -C "$hb" -c user.name=new -c user.email=new@example.com commit --quiet -m pages

step "jobfam check on the scratch repository"
( cd "$hb" && jobfam check --format compact . ) > "$work/check.txt" && fail "a broken page passed"
cat "$work/check.txt"
if grep -v '/broken-analyst\.md:' "$work/check.txt" | grep -q .; then
  fail "findings on pages other than the broken one"
fi

step "the pre-commit hook (pre-commit try-repo)"
if ! command -v pre-commit >/dev/null; then
  if ! "${pip[@]}" install pre-commit; then
    skip "pre-commit is not installed and could not be installed with pip"
    exit 0
  fi
fi
cd "$hb"
export PRE_COMMIT_HOME="$work/pre-commit-cache"
clean=(README.md handbook/policies/travel.md handbook/job-families/analytics/data-analyst.md)
pre-commit try-repo "$work/jobfam" jobfam --ref "$commit" --files "${clean[@]}" \
  > "$work/hook-clean.txt" 2>&1 || { cat "$work/hook-clean.txt"; fail "the hook failed clean pages"; }
grep -E '^jobfam\.+Passed' "$work/hook-clean.txt" || { cat "$work/hook-clean.txt"; fail "the hook did not run"; }
pre-commit try-repo "$work/jobfam" jobfam --ref "$commit" \
  --files "${clean[@]}" handbook/job-families/analytics/broken-analyst.md \
  > "$work/hook-broken.txt" 2>&1 && { cat "$work/hook-broken.txt"; fail "the hook passed a broken page"; }
grep -E '^jobfam\.+Failed' "$work/hook-broken.txt" >/dev/null || { cat "$work/hook-broken.txt"; fail "the hook did not fail"; }
sed -n '/^jobfam\.*Failed/,$p' "$work/hook-broken.txt"
if grep -oE '[A-Za-z0-9_./-]+\.md:[0-9]+:[0-9]+' "$work/hook-broken.txt" | grep -v 'broken-analyst\.md' | grep -q .; then
  fail "the hook reported a page other than the broken one"
fi

step "all good"
