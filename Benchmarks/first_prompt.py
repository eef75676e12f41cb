#!/usr/bin/env python3
"""Time from starting `losslab` on a pseudo-terminal to its first "losslab>" prompt.

The shell runs under `script -qfc` (util-linux), so it sees a real terminal and draws its
prompt with libedit exactly as for a learner. Best of --reps after one warm-up run. History and
progress go to a temporary XDG_STATE_HOME, so a benchmark run never touches the learner's own.
The same harness also starts `sh -c "printf 'losslab> '"` to show its own floor.

Prints one TSV record per measurement (kind, key, label, milliseconds, "", note), or a note
saying the shell is not there when `losslab` exits without a prompt.
"""

import argparse
import os
import re
import select
import shlex
import subprocess
import sys
import tempfile
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]|[\x01\x02]")
PROMPT = b"losslab>"


def time_to_prompt(command, env, timeout):
    """Seconds until PROMPT is on the screen; None if the program exits first or times out."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        ["script", "-qfc", command, "/dev/null"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    fd = proc.stdout.fileno()
    seen = b""
    elapsed = None
    deadline = start + timeout
    try:
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                break
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                break
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            seen += chunk
            if PROMPT in ANSI.sub(b"", seen):
                elapsed = time.perf_counter() - start
                break
    finally:
        try:
            proc.stdin.write(b"\x04")  # Ctrl-D on an empty line: the shell's clean exit
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    return elapsed, seen


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("losslab", help="path of the release losslab binary")
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--timeout", type=float, default=10.0)
    args = ap.parse_args()

    state = tempfile.mkdtemp(prefix="losslab-bench-state-")
    env = dict(os.environ, XDG_STATE_HOME=state, TERM=os.environ.get("TERM") or "xterm-256color")
    env.pop("NO_COLOR", None)

    def record(key, label, ms, note=""):
        print("\t".join(["startup", key, label, "" if ms is None else repr(ms), "", note]))

    first, seen = time_to_prompt(shlex.quote(args.losslab), env, args.timeout)
    if first is None:
        text = ANSI.sub(b"", seen).decode(errors="replace").strip().splitlines()
        print(f"first_prompt.py: no 'losslab>' within {args.timeout:g} s; it printed: "
              + (text[0][:80] if text else "nothing"), file=sys.stderr)
        record("prompt", "losslab to first prompt (pty)", None,
               "not measured: this build has no interactive shell yet (`losslab` shows no `losslab>` prompt)")
    else:
        best = first
        for _ in range(args.reps):
            t, _ = time_to_prompt(shlex.quote(args.losslab), env, args.timeout)
            if t is not None:
                best = min(best, t)
        record("prompt", "losslab to first prompt (pty)", best * 1000)

    floor = None
    for _ in range(args.reps + 1):
        t, _ = time_to_prompt("printf 'losslab> '; read -r line", env, args.timeout)
        if t is not None:
            floor = t if floor is None else min(floor, t)
    record("prompt_floor", "script + sh printing a prompt (harness floor)", None if floor is None else floor * 1000)


if __name__ == "__main__":
    sys.exit(main())
