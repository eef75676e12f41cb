#!/usr/bin/env bash
# LossLab's benchmark, both sides in one run, one table:
#
#   bash Benchmarks/run.sh                 # from the repository root (or anywhere)
#   bash Benchmarks/run.sh --results       # also rewrite Benchmarks/RESULTS.md
#
# 1. Builds the release `losslab` of the top-level package (swift build -c release --product
#    losslab; its path is `swift build -c release --show-bin-path`) and the benchmark package
#    Benchmarks/ (default release settings, no -Ounchecked).
# 2. For each size in SIZES, runs losslab-bench, Benchmarks/numpy_peer.py and (when
#    `python3 -c "import jax"` works; `pip install jax`) Benchmarks/jax_peer.py in alternation,
#    ROUNDS times (default 3), and keeps each workload's best: other work on the machine then
#    hurts all sides alike. numpy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for
#    that command only. Other workloads (training steps, plot frames) join the table by adding
#    their records to both sides: report.py shows any key it does not know under its label.
# 3. Times `losslab` to its first prompt on a pseudo-terminal (Benchmarks/first_prompt.py,
#    under `script -qfc`), or says that the shell is not in this build.
# 4. Prints the table (Benchmarks/report.py).
#
# Environment: SIZES ("1000000 10000000"), REPS (15), WARMUP (3), STARTUP_REPS (20), ROUNDS (3),
# SEED (42), JAX (auto; 0 skips it);
# REVISION names what was measured in RESULTS.md (default: the current commit).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

results=""
for arg in "$@"; do
  case "$arg" in
    --results) results="$here/RESULTS.md" ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

SIZES="${SIZES:-${N:-1000000 10000000}}"
REPS="${REPS:-15}"
WARMUP="${WARMUP:-3}"
STARTUP_REPS="${STARTUP_REPS:-20}"
ROUNDS="${ROUNDS:-3}"
SEED="${SEED:-42}"

work="$(mktemp -d "${TMPDIR:-/tmp}/losslab-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== building release binaries" >&2
swift build -c release --product losslab >&2
losslab="$(swift build -c release --show-bin-path)/losslab"
# SwiftPM keeps the benchmark package's build plan across runs and does not notice source
# files added to the main package since; dropping the plan makes it look again (cheap).
rm -f "$here/.build/release.yaml"
swift build -c release --package-path "$here" --product losslab-bench >&2
bench="$(swift build -c release --package-path "$here" --show-bin-path)/losslab-bench"

have_numpy=1
if ! command -v python3 >/dev/null; then
  echo "run.sh: python3 is not installed: the numpy side and the prompt timing are skipped" >&2
  have_numpy=0
elif ! python3 -c "import numpy" 2>/dev/null; then
  echo "run.sh: numpy is not installed (pip install numpy): the numpy side is skipped" >&2
  have_numpy=0
fi

have_jax=0
if [ "${JAX:-auto}" != 0 ] && [ "$have_numpy" = 1 ]; then
  if python3 -c "import jax" 2>/dev/null; then
    have_jax=1
  else
    echo "run.sh: jax is not installed (pip install jax): the JAX-jit side is skipped" >&2
  fi
fi

records=()
for n in $SIZES; do
  common=(--n "$n" --reps "$REPS" --warmup "$WARMUP" --seed "$SEED" --startup-reps "$STARTUP_REPS" --tsv)
  for round in $(seq "$ROUNDS"); do
    echo "== n=$n round $round/$ROUNDS: LossLab" >&2
    "$bench" "${common[@]}" --losslab "$losslab" > "$work/losslab-n$n-$round.tsv"
    records+=("$work/losslab-n$n-$round.tsv")
    if [ "$have_numpy" = 1 ]; then
      echo "== n=$n round $round/$ROUNDS: numpy" >&2
      # Unset in this command only: they pin an old OpenBLAS kernel that slows a current numpy.
      env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
        python3 "$here/numpy_peer.py" "${common[@]}" > "$work/numpy-n$n-$round.tsv"
      records+=("$work/numpy-n$n-$round.tsv")
    fi
    if [ "$have_jax" = 1 ]; then
      echo "== n=$n round $round/$ROUNDS: JAX-jit" >&2
      python3 "$here/jax_peer.py" "${common[@]}" > "$work/jax-n$n-$round.tsv"
      records+=("$work/jax-n$n-$round.tsv")
    fi
  done
done

if command -v python3 >/dev/null && command -v script >/dev/null; then
  echo "== time to first prompt" >&2
  python3 "$here/first_prompt.py" "$losslab" --reps "$STARTUP_REPS" > "$work/losslab-prompt.tsv"
  records+=("$work/losslab-prompt.tsv")
else
  echo "run.sh: time to first prompt needs python3 and script (util-linux): skipped" >&2
fi

echo >&2
if command -v python3 >/dev/null; then
  revision="${REVISION:-$(git -C "$root" log -1 --format='commit %h (%s)' 2>/dev/null || true)}"
  if [ -z "${REVISION:-}" ] && [ -n "$revision" ] \
    && [ -n "$(git -C "$root" status --porcelain -- Sources Package.swift 2>/dev/null)" ]; then
    revision="$revision with uncommitted changes to Sources/"
  fi
  python3 "$here/report.py" ${results:+--markdown "$results"} --revision "$revision" "${records[@]}"
else
  cat "${records[@]}"
fi
