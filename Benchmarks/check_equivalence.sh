#!/usr/bin/env bash
# Proof that a speed-up changed no result: runs Benchmarks/equivalence/corpus.txt through
# `losslab eval --json` built from REV and from the working tree, and compares the outputs
# byte for byte (every value and gradient, printed to full precision, and every error).
#
#   bash Benchmarks/check_equivalence.sh REV      # e.g. main, or the commit before a change
#
# REV is exported with `git archive` into a temporary folder and built there in release mode.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
rev="${1:?usage: bash Benchmarks/check_equivalence.sh REV}"
corpus="$here/equivalence/corpus.txt"

work="$(mktemp -d "${TMPDIR:-/tmp}/losslab-equivalence.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== building $rev" >&2
mkdir "$work/base"
git -C "$root" archive "$rev" | tar -x -C "$work/base"
(cd "$work/base" && swift build -c release --product losslab >&2)
base="$(cd "$work/base" && swift build -c release --show-bin-path)/losslab"

echo "== building the working tree" >&2
(cd "$root" && swift build -c release --product losslab >&2)
new="$(cd "$root" && swift build -c release --show-bin-path)/losslab"

"$base" eval --json < "$corpus" > "$work/base.out" || true
"$new" eval --json < "$corpus" > "$work/new.out" || true
lines="$(wc -l < "$work/base.out")"
if cmp -s "$work/base.out" "$work/new.out"; then
  echo "identical: $lines results (values, gradients and errors) agree byte for byte with $rev"
else
  echo "DIFFERENT from $rev:" >&2
  diff <(cut -c1-200 "$work/base.out") <(cut -c1-200 "$work/new.out") | head -40 >&2
  exit 1
fi
