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
import training_workloads as tw  # noqa: E402


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


def adam_update(params, grads, m, v, t, lr):
    m = [tw.BETA1 * a + (1 - tw.BETA1) * g for a, g in zip(m, grads)]
    v = [tw.BETA2 * a + (1 - tw.BETA2) * g * g for a, g in zip(v, grads)]
    params = [
        w - lr * (a / (1 - tw.BETA1**t)) / (jnp.sqrt(c / (1 - tw.BETA2**t)) + tw.EPS)
        for w, a, c in zip(params, m, v)
    ]
    return params, m, v


def logreg_loss(params, X, y):
    # softplus(z) - z y: bce_logits's value, and a gradient (sigmoid(z) - y) that is right at
    # z = 0 too, where every example starts (the max/abs form's subgradients give -y there).
    w, b = params
    z = X @ w + b
    return jnp.mean(jnp.logaddexp(z, 0.0) - z * y)


@jax.jit
def logreg_run(X, y):
    """All 1,000 steps in one compiled loop (lax.fori_loop); the loss after the last."""
    grad = jax.grad(logreg_loss)
    zero = [jnp.zeros(X.shape[1]), jnp.zeros(())]

    def body(i, state):
        params, m, v = state
        t = (i + 1).astype(jnp.float64)
        return adam_update(params, grad(params, X, y), m, v, t, tw.LOGREG_LR)

    params, _, _ = jax.lax.fori_loop(0, tw.LOGREG_STEPS, body, (zero, zero, zero))
    return logreg_loss(params, X, y)


def asym_line_loss(params, x, y):
    w, b = params
    return asym(w * x + b, y)


@jax.jit
def asym_step(params, m, v, t, x, y):
    """One compiled adam step (value_and_grad and the update); Python loops over steps."""
    value, grads = jax.value_and_grad(asym_line_loss)(params, x, y)
    params, m, v = adam_update(params, grads, m, v, t, tw.ASYM_LR)
    return params, m, v, value


def asym_run(x, y):
    zero = [jnp.zeros(()), jnp.zeros(())]
    params, m, v = zero, zero, zero
    for t in range(1, tw.ASYM_STEPS + 1):
        params, m, v, _ = asym_step(params, m, v, float(t), x, y)
    value = asym_line_loss(params, x, y)
    return value.block_until_ready()


@jax.jit
def landscape_grid(x, y):
    ws = jnp.asarray(tw.grid(-1, 5, tw.GRID_COLUMNS))
    bs = jnp.asarray(tw.grid(-4, 2, tw.GRID_ROWS))
    p = ws[None, :, None] * x + bs[:, None, None]
    return jnp.min(jnp.mean((p - y) ** 2, axis=2))


def training_rows(p, y, reps):
    X, labels = (jax.device_put(a) for a in tw.breast_cancer())
    xl, yl = (jax.device_put(a) for a in tw.line_data(p, y))
    xs, ys = (jax.device_put(a) for a in tw.landscape_data())
    cases = [
        ("logreg", "logistic regression 569×30, 1,000 adam steps (jit fori_loop)", 1000.0,
         lambda: logreg_run(X, labels).block_until_ready()),
        ("asym_train", "asym line model, n points: ms per adam step (jit step)", 1000.0 / tw.ASYM_STEPS,
         lambda: asym_run(xl, yl)),
        ("landscape", "landscape frame 60×20 over 1,000 points (jit grid)", 1000.0,
         lambda: landscape_grid(xs, ys).block_until_ready()),
    ]
    for key, label, scale, body in cases:
        value = body()  # compiles
        best = float("inf")
        for _ in range(reps):
            t = time.perf_counter()
            value = body()
            best = min(best, time.perf_counter() - t)
        print("\t".join(["step", key, label, repr(best * scale), repr(float(value)), ""]))


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
    training_rows(p, y, max(1, args.reps // 5))


if __name__ == "__main__":
    main()
