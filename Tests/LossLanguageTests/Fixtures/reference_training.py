#!/usr/bin/env python3
"""Reference training curves for LossLab's `train`, computed by plain float64 numpy loops.

Writes training_curves.json beside this script (committed; the Swift tests read it, no Python at
test time). Run: python3 Tests/LossLanguageTests/Fixtures/reference_training.py

Each case gives LossLab lines that set up the data and the starting parameters, the loss
expression as the learner types it, and, per optimizer, the loss curve (steps + 1 values: the
loss before the first update and after each one) and the final parameters. Gradients here are
written by hand; the optimizers follow PyTorch's documented updates (no weight decay).
"""
import json
import os

import numpy as np

STEPS = 40


def sgd():
    def step(ws, gs, state):
        return [w - state["lr"] * g for w, g in zip(ws, gs)]
    return step


def momentum(nesterov):
    beta = 0.9

    def step(ws, gs, state):
        if "v" not in state:
            state["v"] = [g.copy() for g in gs]
        else:
            state["v"] = [beta * v + g for v, g in zip(state["v"], gs)]
        if nesterov:
            return [w - state["lr"] * (g + beta * v) for w, g, v in zip(ws, gs, state["v"])]
        return [w - state["lr"] * v for w, v in zip(ws, state["v"])]
    return step


def rmsprop():
    alpha, eps = 0.99, 1e-8

    def step(ws, gs, state):
        s = state.setdefault("s", [np.zeros_like(g) for g in gs])
        state["s"] = [alpha * si + (1 - alpha) * (g * g) for si, g in zip(s, gs)]
        return [w - state["lr"] * g / (np.sqrt(si) + eps) for w, g, si in zip(ws, gs, state["s"])]
    return step


def adam():
    b1, b2, eps = 0.9, 0.999, 1e-8

    def step(ws, gs, state):
        m = state.setdefault("m", [np.zeros_like(g) for g in gs])
        v = state.setdefault("v", [np.zeros_like(g) for g in gs])
        state["t"] = state.get("t", 0) + 1
        t = state["t"]
        state["m"] = [b1 * mi + (1 - b1) * g for mi, g in zip(m, gs)]
        state["v"] = [b2 * vi + (1 - b2) * (g * g) for vi, g in zip(v, gs)]
        c1, c2 = 1 - b1 ** t, 1 - b2 ** t
        return [w - state["lr"] * (mi / c1) / (np.sqrt(vi / c2) + eps)
                for w, mi, vi in zip(ws, state["m"], state["v"])]
    return step


OPTIMIZERS = {
    "sgd": sgd, "momentum": lambda: momentum(False), "nesterov": lambda: momentum(True),
    "rmsprop": rmsprop, "adam": adam,
}


def sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))


def literal(a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return repr(float(a))
    if a.ndim == 1:
        return "[" + ", ".join(repr(float(v)) for v in a) + "]"
    return "[" + ", ".join(literal(row) for row in a) + "]"


x = np.array([0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0])
y_line = np.array([1.9, 3.1, 3.9, 5.2, 5.8, 7.1, 8.0, 8.9])
labels = np.array([0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0])
y_poly = np.array([0.8, 0.9, 1.6, 2.9, 4.1, 6.2, 8.3, 11.1])
X3 = np.array([[1.0, 0.2], [0.8, 0.5], [0.1, 1.0], [-0.3, 0.9], [-1.0, -0.2], [-0.6, -0.8],
               [0.2, -1.1], [1.1, -0.4], [0.0, 0.3]])
classes = np.array([0, 0, 1, 1, 2, 2, 2, 0, 1])
Y3 = np.eye(3)[classes]


def line_fit(ws):
    w, b = ws
    e = w * x + b - y_line
    return np.mean(e * e), [np.mean(2 * e * x), np.mean(2 * e)]


def logistic_bce(ws):
    w, b = ws
    p = sigmoid(w * x + b)
    loss = -np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p))
    d = (p - labels) / len(x)  # d bce / d z through the sigmoid (no clipping active here)
    return loss, [np.sum(d * x), np.sum(d)]


def logistic_logits(ws):
    w, b = ws
    z = w * x + b
    loss = np.mean(np.maximum(z, 0) - z * labels + np.log1p(np.exp(-np.abs(z))))
    d = (sigmoid(z) - labels) / len(x)
    return loss, [np.sum(d * x), np.sum(d)]


def polynomial(ws):
    a, b, c = ws
    e = a + b * x + c * x * x - y_poly
    return np.mean(e * e), [np.mean(2 * e), np.mean(2 * e * x), np.mean(2 * e * x * x)]


def softmax_regression(ws):
    W, b = ws
    Z = X3 @ W + b
    m = Z.max(axis=1, keepdims=True)
    logsm = Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))
    loss = np.mean(-(Y3 * logsm).sum(axis=1))
    dZ = (np.exp(logsm) - Y3) / len(X3)
    return loss, [X3.T @ dZ, dZ.sum(axis=0)]


def asymmetric(ws):
    w, b = ws
    r = y_line - (w * x + b)
    loss = np.mean(np.where(r > 0, 2 * r * r, r * r))
    dp = np.where(r > 0, -4 * r, -2 * r) / len(x)  # d loss / d prediction
    return loss, [np.sum(dp * x), np.sum(dp)]


CASES = [
    dict(name="line fit", f=line_fit,
         setup=[f"x = {literal(x)}", f"y = {literal(y_line)}", "w = 0", "b = 0"],
         loss="mse(w * x + b, y)", params=["w", "b"], start=[0.0, 0.0],
         lr={"sgd": 0.05, "momentum": 0.01, "nesterov": 0.01, "rmsprop": 0.05, "adam": 0.1}),
    dict(name="logistic regression (sigmoid + bce)", f=logistic_bce,
         setup=[f"x = {literal(x)}", f"y = {literal(labels)}", "w = 0.1", "b = -0.2"],
         loss="bce(sigmoid(w * x + b), y)", params=["w", "b"], start=[0.1, -0.2],
         lr={"sgd": 0.5, "momentum": 0.1, "nesterov": 0.1, "rmsprop": 0.05, "adam": 0.1}),
    dict(name="logistic regression (bce_logits)", f=logistic_logits,
         setup=[f"x = {literal(x)}", f"y = {literal(labels)}", "w = 0.1", "b = -0.2"],
         loss="bce_logits(w * x + b, y)", params=["w", "b"], start=[0.1, -0.2],
         lr={"sgd": 0.5, "momentum": 0.1, "nesterov": 0.1, "rmsprop": 0.05, "adam": 0.1}),
    dict(name="3-parameter polynomial", f=polynomial,
         setup=[f"x = {literal(x)}", f"y = {literal(y_poly)}", "a = 0", "b = 0", "c = 0"],
         loss="mse(a + b * x + c * x^2, y)", params=["a", "b", "c"], start=[0.0, 0.0, 0.0],
         lr={"sgd": 0.005, "momentum": 0.001, "nesterov": 0.001, "rmsprop": 0.02, "adam": 0.05}),
    dict(name="softmax regression", f=softmax_regression,
         setup=[f"X = {literal(X3)}", f"Y = {literal(Y3)}",
                "W = [[0.1, -0.1, 0], [0, 0.2, -0.2]]", "b = [0, 0, 0]"],
         loss="cce_logits(X @ W + b, Y)", params=["W", "b"],
         start=[np.array([[0.1, -0.1, 0.0], [0.0, 0.2, -0.2]]), np.zeros(3)],
         lr={"sgd": 0.5, "momentum": 0.1, "nesterov": 0.1, "rmsprop": 0.05, "adam": 0.1}),
    dict(name="user-defined asymmetric loss", f=asymmetric,
         setup=[f"x = {literal(x)}", f"y = {literal(y_line)}", "w = 0", "b = 0",
                "def asym(p, y) = mean(where(y - p > 0, 2 * (y - p)^2, (y - p)^2))"],
         loss="asym(w * x + b, y)", params=["w", "b"], start=[0.0, 0.0],
         lr={"sgd": 0.02, "momentum": 0.005, "nesterov": 0.005, "rmsprop": 0.05, "adam": 0.1}),
]


def run(case, optimizer):
    ws = [np.array(s, dtype=float) for s in case["start"]]
    state = {"lr": case["lr"][optimizer]}
    update = OPTIMIZERS[optimizer]()
    loss, gs = case["f"](ws)
    curve = [float(loss)]
    for _ in range(STEPS):
        ws = update(ws, [np.asarray(g, dtype=float) for g in gs], state)
        loss, gs = case["f"](ws)
        curve.append(float(loss))
    return curve, ws


def main():
    out = {"steps": STEPS, "numpy": np.__version__, "cases": []}
    for case in CASES:
        runs = []
        for optimizer in OPTIMIZERS:
            curve, ws = run(case, optimizer)
            runs.append({"optimizer": optimizer, "lr": case["lr"][optimizer], "curve": curve,
                         "final": {n: np.asarray(w).reshape(-1).tolist()
                                   for n, w in zip(case["params"], ws)}})
        out["cases"].append({"name": case["name"], "setup": case["setup"], "loss": case["loss"],
                             "params": case["params"], "runs": runs})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "training_curves.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
