#!/usr/bin/env python3
"""The numpy (float64) peer of losslab-bench: the same workloads on bit-identical inputs.

Each loss is written the natural vectorised way a numpy user would write value + gradient
(mean-reduced, gradient including the 1/n, LossLab's conventions), timed best of --reps after
--warmup runs, printed in ns per element. Also `python3 -c "import numpy"` as a whole process.

Run by Benchmarks/run.sh with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for this command
only (they pin an older OpenBLAS kernel on this machine; see the environment notes).
"""

import argparse
import ctypes
import glob
import os
import subprocess
import sys
import time

import numpy as np

GAMMA = np.uint64(0x9E3779B97F4A7C15)
M1 = np.uint64(0xBF58476D1CE4E5B9)
M2 = np.uint64(0x94D049BB133111EB)


def splitmix_unit(seed, stream, n):
    """SplitMix64 element i = mix(seed + stream + (i+1)*gamma), as in the Swift side."""
    with np.errstate(over="ignore"):
        i = np.arange(1, n + 1, dtype=np.uint64)
        z = np.uint64((seed + stream) % 2**64) + i * GAMMA
        z = (z ^ (z >> np.uint64(30))) * M1
        z = (z ^ (z >> np.uint64(27))) * M2
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53


# --- the workloads: value + gradient, written the natural vectorised way -----------------


def mse(p, y):
    n = p.size
    e = p - y
    return np.mean(e**2), (2.0 / n) * e


LO, HI = 1e-15, 1 - 1e-15


def bce(p, y):
    n = p.size
    pc = np.clip(p, LO, HI)
    value = -np.mean(y * np.log(pc) + (1 - y) * np.log(1 - pc))
    # zero gradient where clipping is active, as LossLab does
    grad = np.where(pc == p, (pc - y) / (pc * (1 - pc)), 0.0) / n
    return value, grad


def huber(p, y, delta=1.0):
    n = p.size
    e = p - y
    a = np.abs(e)
    quadratic = a <= delta
    value = np.mean(np.where(quadratic, 0.5 * e**2, delta * (a - 0.5 * delta)))
    grad = np.where(quadratic, e, delta * np.sign(e)) / n
    return value, grad


def asym(p, y):
    # def asym(p, y) = mean(where(y - p > 0, 2*(y-p)^2, (y-p)^2)), gradient w.r.t. p by hand
    n = p.size
    e = y - p
    over = e > 0
    value = np.mean(np.where(over, 2 * e**2, e**2))
    grad = np.where(over, -4 * e, -2 * e) / n
    return value, grad


def bce_logits(z, y):
    # mean(max(z, 0) - z y + log1p(exp(-|z|))), gradient (sigmoid(z) - y) / n
    n = z.size
    value = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
    grad = (1 / (1 + np.exp(-z)) - y) / n
    return value, grad


def cce_logits(z, y):
    # rows of logits, one-hot y: mean over rows of -sum(y log softmax(z)), gradient (softmax - y) / rows
    rows = z.shape[0]
    shifted = z - z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    total = e.sum(axis=1, keepdims=True)
    log_softmax = shifted - np.log(total)
    value = -np.sum(y * log_softmax) / rows
    grad = (e / total * y.sum(axis=1, keepdims=True) - y) / rows
    return value, grad


def inputs(seed, n):
    """The benchmark's inputs, bit-identical to losslab-bench's (also used by jax_peer.py)."""
    p = -2 + 4 * splitmix_unit(seed, 1, n)
    y = -2 + 4 * splitmix_unit(seed, 2, n)
    pb = 0.01 + 0.98 * splitmix_unit(seed, 3, n)
    yb = np.where(splitmix_unit(seed, 4, n) < 0.5, 1.0, 0.0)
    z = -4 + 8 * splitmix_unit(seed, 5, n)
    rows = n // CLASSES
    zc = (-3 + 6 * splitmix_unit(seed, 6, rows * CLASSES)).reshape(rows, CLASSES)
    picks = np.minimum(CLASSES - 1, np.floor(splitmix_unit(seed, 7, rows) * CLASSES)).astype(int)
    yc = np.zeros((rows, CLASSES))
    yc[np.arange(rows), picks] = 1.0
    return p, y, pb, yb, z, zc, yc


CLASSES = 10


def best_of(body, warmup, reps):
    value = None
    for _ in range(warmup):
        value = body()
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        value = body()
        best = min(best, time.perf_counter() - t)
    return best, value


def openblas_core():
    """The OpenBLAS kernel numpy's bundled library runs (threadpoolctl's answer, without it)."""
    try:
        from threadpoolctl import threadpool_info

        for info in threadpool_info():
            if info.get("internal_api") == "openblas":
                return info.get("architecture", "?")
    except ImportError:
        pass
    libs = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in glob.glob(os.path.join(libs, "*openblas*")):
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename"):
            if hasattr(lib, name):
                f = getattr(lib, name)
                f.restype = ctypes.c_char_p
                return f().decode()
    return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--startup-reps", type=int, default=20)
    ap.add_argument("--tsv", action="store_true", help="machine-readable records for run.sh")
    args = ap.parse_args()
    n = args.n

    p, y, pb, yb, z, zc, yc = inputs(args.seed, n)

    def emit(kind, key, label, amount, value=None, unit="ns/elem"):
        if args.tsv:
            print("\t".join([kind, key, label, repr(amount), "" if value is None else repr(value), ""]))
        elif unit == "ms":
            print(f"{label:<44}{amount:9.2f} ms")
        else:
            gbps = 24.0 / amount
            v = "" if value is None else repr(value)
            print(f"{label:<44}{amount:9.3f} ns/elem {gbps:8.2f} GB/s   {v}")

    info = f"numpy {np.__version__}, OpenBLAS core {openblas_core()}"
    if args.tsv:
        print("\t".join(["meta", "numpy", info]))
    else:
        print(f"{info}; n = {n} float64, best of {args.reps} after {args.warmup} warm-up runs")

    def loss_row(key, label, fn, a, b):
        def body():
            value, grad = fn(a, b)
            return float(value) + float(grad.flat[n // 2 % grad.size]) * 0

        seconds, value = best_of(body, args.warmup, args.reps)
        emit("loss", key, label, seconds * 1e9 / n, value)

    loss_row("mse", "mse value+grad", mse, p, y)
    loss_row("bce", "bce value+grad (hard labels)", bce, pb, yb)
    loss_row("huber", "huber value+grad (delta 1)", huber, p, y)
    loss_row("asym", "asym value+grad", asym, p, y)
    loss_row("bce_logits", "bce_logits value+grad", bce_logits, z, yb)
    loss_row("cce_logits", "cce_logits value+grad", cce_logits, zc, yc)

    from training_workloads import rows as training_rows

    for key, label, scale, body in training_rows(p, y):
        seconds, value = best_of(body, 1, max(1, args.reps // 5))
        emit("step", key, label, seconds * scale, value, unit="ms")

    src = np.concatenate([p, y[: n // 2]])
    dst = np.empty_like(src)
    seconds, _ = best_of(lambda: np.copyto(dst, src), args.warmup, args.reps)
    emit("loss", "copy", "copy floor: copyto 12 B/elem (24 B moved)", seconds * 1e9 / n)
    out = np.empty_like(p)
    seconds, _ = best_of(lambda: np.add(p, y, out=out), args.warmup, args.reps)
    emit("loss", "stream", "stream floor: add(p, y, out=g)", seconds * 1e9 / n)

    def spawn(cmd):
        for _ in range(2):
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = float("inf")
        for _ in range(args.startup_reps):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            best = min(best, time.perf_counter() - t)
        return best * 1000

    if not args.tsv:
        print(f"\nStartup, best of {args.startup_reps} (spawned with subprocess.run)")
    emit("startup", "eval", 'python3 -c "import numpy" (whole process)', spawn([sys.executable, "-c", "import numpy"]), unit="ms")
    emit("startup", "spawn", "/bin/true (spawn floor of this harness)", spawn(["/bin/true"]), unit="ms")


if __name__ == "__main__":
    main()
