#!/usr/bin/env python3
"""Times `losslab report` over a folder of generated progress exports (issue 12, "Speed").

    python3 Benchmarks/report_bench.py --losslab PATH [--learners 10000] [--reps 5] [--keep DIR]

Writes LEARNERS exports (the `losslab progress --export` format, format_version 1) into a
temporary folder: each learner has done 1 to 12 of the built-in lessons, with per-step attempts,
hints, skips, wrong-answer signatures and compute answers, as a class would hand them in
(seeded, so every run reads the same files). Then runs `losslab report FOLDER` REPS times per
format after one warm-up run and prints the best wall time of each, as a Markdown table row.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import tempfile
import time

LESSONS = [
    ("darts", 11), ("hot-and-cold", 12), ("gps", 12), ("absolute-vs-squared", 14),
    ("cross-entropy", 15), ("loss-landscape", 12), ("learning-loop", 14),
    ("custom-losses", 13), ("common-mistakes", 16), ("reading-loss-curves", 12),
    ("choosing-a-loss", 14), ("recap", 8),
]
MISCONCEPTIONS = [
    "sum((p - y)^2)", "mean(p - y)", "mean(abs(p - y))^2", "-log2(0.9)", "log(0.9)",
    "sqrt(mse(p, y))", "bce(p, y)", "mean((y - p)^2) * 2",
]
ANSWERS = ["mse(p, y)", "mean((p - y)^2)", "0.375", "sum((p - y)^2) / 4", "0.37", "1.5"]


def export(learner, rng):
    lessons = {}
    done = rng.randint(1, len(LESSONS))
    for index, (lesson_id, steps) in enumerate(LESSONS[:done]):
        finished = index < done - 1 or rng.random() < 0.5
        reached = steps if finished else rng.randint(1, steps)
        records = {}
        for step in range(1, reached + 1):
            if rng.random() < 0.4:
                continue
            attempts = rng.randint(1, 6)
            record = {
                "attempts": attempts,
                "hints": rng.randint(0, 2),
                "skipped": rng.random() < 0.05,
                "misconceptions": {
                    m: rng.randint(1, 3)
                    for m in rng.sample(MISCONCEPTIONS, rng.randint(0, 2))
                },
                "answers": rng.sample(ANSWERS, rng.randint(0, 3)),
            }
            records[str(step)] = record
        lessons[lesson_id] = {
            "completed_at": "2026-12-01T10:%02d:00.000Z" % (index % 60) if finished else None,
            "step": reached,
            "attempts": sum(r["attempts"] for r in records.values()),
            "hints": sum(r["hints"] for r in records.values()),
            "skips": sum(1 for r in records.values() if r["skipped"]),
            "seconds": round(rng.uniform(60, 1200), 3),
            "steps": records,
        }
    return {
        "format_version": 1,
        "kind": "losslab-progress-export",
        "learner": learner,
        "exported_at": "2026-12-01T12:00:00.000Z",
        "lessons": lessons,
    }


def generate(folder, learners, seed=42):
    rng = random.Random(seed)
    total = 0
    for number in range(learners):
        learner = "learner-%05d" % number
        data = json.dumps(export(learner, rng), indent=2, sort_keys=True).encode() + b"\n"
        with open(os.path.join(folder, learner + ".json"), "wb") as file:
            file.write(data)
        total += len(data)
    return total


def best_time(command, reps):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    best = float("inf")
    for _ in range(reps):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--losslab", required=True)
    parser.add_argument("--learners", type=int, default=10000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--keep", help="generate into this folder and keep it")
    arguments = parser.parse_args()
    folder = arguments.keep or tempfile.mkdtemp(prefix="losslab-report-bench-")
    os.makedirs(folder, exist_ok=True)
    try:
        size = generate(folder, arguments.learners)
        print("%d exports, %.1f MB in %s" % (arguments.learners, size / 1e6, folder))
        print()
        print("| workload | best of %d (ms) |" % arguments.reps)
        print("|---|---:|")
        for format in ["table", "json"]:
            seconds = best_time(
                [arguments.losslab, "report", folder, "--format", format], arguments.reps)
            print("| `losslab report` over %d exports, --format %s | %.0f |"
                  % (arguments.learners, format, seconds * 1000))
    finally:
        if not arguments.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
