#!/usr/bin/env bash
# `losslab report` over 10,000 progress exports (issue 12: "well under a second"):
#
#   bash Benchmarks/report_bench.sh          # from anywhere; LEARNERS (10000), REPS (5)
#
# Builds the release `losslab`, generates the exports in a temporary folder
# (Benchmarks/report_bench.py, seeded) and prints the best wall time of `losslab report` per
# format, whole process included.
#
# Measured 2026-12-02 on the shared 2-core machine with a load average of 16 (four builds
# running), so wall times there are not the program's: 10,000 exports (130.8 MB, pretty-printed
# as `progress --export` writes them) took 5.1 s of CPU (user) in release, 27 s wall; with
# Foundation's JSONDecoder alone it was 1.75 s of CPU per 1,000 exports (about 17.5 s for
# 10,000). Rerun on an idle machine for the wall time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/.."
swift build -c release --product losslab >&2
bin="$(swift build -c release --show-bin-path)"
python3 "$here/report_bench.py" --losslab "$bin/losslab" --learners "${LEARNERS:-10000}" \
  --reps "${REPS:-5}"
