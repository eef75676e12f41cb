#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 30) and fails on the first crash, leak or
# timeout. Usage: bash Fuzz/run.sh [SECONDS] [TARGET...]
#   targets: expression lesson template progress (default: all)
# Each run starts from a copy of Fuzz/Corpus/<target> (the committed seeds stay as they are);
# a crash leaves its reproducer in Fuzz/.findings/<target>/ and the script prints it.
# Replay one: Fuzz/.build/debug/fuzz-<target> Fuzz/.findings/<target>/crash-…
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(expression lesson template progress)

# Every Swift target is compiled with libFuzzer's coverage and AddressSanitizer; only the fuzz
# targets link libFuzzer (Package.swift), whose driver each target's main starts.
swift build -c debug -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp

status=0
for target in "${targets[@]}"; do
  binary=".build/debug/fuzz-$target"
  work="$(mktemp -d)"
  findings=".findings/$target"
  mkdir -p "$findings"
  cp -R "Corpus/$target/." "$work/"
  echo "== fuzz-$target for ${seconds}s ($(ls "Corpus/$target" | wc -l) seeds)"
  # -seed=1: the same inputs in the same order every run, so CI is repeatable (a slower machine
  # runs a prefix of them); -timeout: one input may take at most 10 s (evaluation stops after 1 s);
  # -rss_limit_mb: above the 1 GiB per-evaluation budget, below what the machine has.
  if ! "$binary" "$work" -seed=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 \
    -max_len=4096 -print_final_stats=1 -artifact_prefix="$findings/" 2>"$work.log"; then
    status=1
    tail -40 "$work.log"
    echo "fuzz-$target found a problem; reproducer(s): $(ls "$findings")"
  else
    grep -E "^stat::number_of_executed_units|^Done" "$work.log" || true
  fi
  rm -rf "$work" "$work.log"
done
exit $status
