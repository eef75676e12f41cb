#!/usr/bin/env python3
"""The JAX-jit (float64) peer of losslab-bench: the same workloads on bit-identical inputs.

Each loss is written as a JAX user would (`jnp` expression, `jax.jit(jax.value_and_grad(f))`),
compiled once before timing, timed best of --reps after --warmup runs with
`block_until_ready`, and printed in ns per element as TSV records for Benchmarks/run.sh.
Inputs come from numpy_peer.inputs (SplitMix64, the same numbers as the Swift side).
"""

import argparse
import os
import sys
import time

os.environ.setdefault("JAX_PLATFORMS", "cpu")
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402

jax.config.update("jax_enable_x64", True)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_peer import LO, HI, inputs  # noqa: E402


def mse(p, y):
    return jnp.mean((p - y) ** 2)


def bce(p, y):
    pc = jnp.clip(p, LO, HI)
    return -jnp.mean(y * jnp.log(pc) + (1 - y) * jnp.log(1 - pc))


def huber(p, y, delta=1.0):
    e = p - y
    a = jnp.abs(e)
    return jnp.mean(jnp.where(a <= delta, 0.5 * e**2, delta * (a - 0.5 * delta)))


def asym(p, y):
    e = y - p
    return jnp.mean(jnp.where(e > 0, 2 * e**2, e**2))


def bce_logits(z, y):
    return jnp.mean(jnp.maximum(z, 0) - z * y + jnp.log1p(jnp.exp(-jnp.abs(z))))


def cce_logits(z, y):
    return -jnp.sum(y * jax.nn.log_softmax(z, axis=1)) / z.shape[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--startup-reps", type=int, default=20)  # accepted for run.sh; unused
    ap.add_argument("--tsv", action="store_true")
    args = ap.parse_args()
    n = args.n
    p, y, pb, yb, z, zc, yc = (jax.device_put(a) for a in inputs(args.seed, n))
    print("\t".join(["meta", "jax", f"JAX {jax.__version__} jit, float64, {jax.devices()[0].platform}"]))

    def row(key, label, f, a, b):
        step = jax.jit(jax.value_and_grad(f))
        value = None
        for _ in range(args.warmup + 1):  # the first call compiles
            value, grad = step(a, b)
            grad.block_until_ready()
        best = float("inf")
        for _ in range(args.reps):
            t = time.perf_counter()
            value, grad = step(a, b)
            grad.block_until_ready()
            best = min(best, time.perf_counter() - t)
        print("\t".join(["loss", key, label, repr(best * 1e9 / n), repr(float(value)), ""]))

    row("mse", "mse value+grad", mse, p, y)
    row("bce", "bce value+grad (hard labels)", bce, pb, yb)
    row("huber", "huber value+grad (delta 1)", huber, p, y)
    row("asym", "asym value+grad", asym, p, y)
    row("bce_logits", "bce_logits value+grad", bce_logits, z, yb)
    row("cce_logits", "cce_logits value+grad", cce_logits, zc, yc)


if __name__ == "__main__":
    main()
