#!/usr/bin/env bash
# `losslab report` over 10,000 progress exports (issue 12: "well under a second"):
#
#   bash Benchmarks/report_bench.sh          # from anywhere; LEARNERS (10000), REPS (5)
#
# Builds the release `losslab`, generates the exports in a temporary folder
# (Benchmarks/report_bench.py, seeded) and prints the best wall time of `losslab report` per
# format, whole process included.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/.."
swift build -c release --product losslab >&2
bin="$(swift build -c release --show-bin-path)"
python3 "$here/report_bench.py" --losslab "$bin/losslab" --learners "${LEARNERS:-10000}" \
  --reps "${REPS:-5}"
