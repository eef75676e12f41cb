"""The training and plot rows of the numpy and JAX peers: the loops losslab-bench runs through
`train` and `landscape`, from the same data and the same start, written as a numpy user would.

- logreg: bce_logits(Xs @ w + b, malignant) on the standardised breast-cancer features
  (Tests/LossLanguageTests/Fixtures/breast_cancer.csv, the data of `breast_cancer()`), w = 0,
  b = 0, 1,000 adam steps at lr 0.01 (PyTorch's adam: betas 0.9, 0.999, eps 1e-8); the value is
  the loss after the last step.
- asym_train: mean(where(y - p > 0, 2(y - p)^2, (y - p)^2)) for p = w x + b over n points
  (x = the benchmark's p, y = 2x - 1 + 0.5·(the benchmark's y)), 50 adam steps at lr 0.05;
  amount = ms per step.
- landscape: the mse of w x + b against y = 3x - 1 + 0.1x^2 (x = linspace(-2, 2, 1000)) at
  every cell of the 60×20 grid over w in [-1, 5], b in [-4, 2]; the value is the lowest cell.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
BREAST_CANCER = os.path.join(HERE, "..", "Tests", "LossLanguageTests", "Fixtures", "breast_cancer.csv")

LOGREG_STEPS, LOGREG_LR = 1000, 0.01
ASYM_STEPS, ASYM_LR = 50, 0.05
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
GRID_COLUMNS, GRID_ROWS = 60, 20


def breast_cancer():
    """Standardised features (std over n, as `standardize`) and the 0/1 malignant label."""
    table = np.loadtxt(BREAST_CANCER, delimiter=",", skiprows=1)
    X, y = table[:, :30], table[:, 30]
    return (X - X.mean(axis=0)) / X.std(axis=0), y


def line_data(p, y):
    return p, 2 * p - 1 + 0.5 * y


def landscape_data():
    x = np.linspace(-2, 2, 1000)
    return x, 3 * x - 1 + 0.1 * x**2


def grid(lo, hi, count):
    """PlotBuilder.grid: `count` points, both ends included, the last exactly `hi`."""
    g = lo + (hi - lo) * (np.arange(count) / (count - 1))
    g[-1] = hi
    return g


def adam(params, grads, m, v, t, lr):
    out = []
    for i, (w, g) in enumerate(zip(params, grads)):
        m[i] = BETA1 * m[i] + (1 - BETA1) * g
        v[i] = BETA2 * v[i] + (1 - BETA2) * g * g
        mhat = m[i] / (1 - BETA1**t)
        vhat = v[i] / (1 - BETA2**t)
        out.append(w - lr * mhat / (np.sqrt(vhat) + EPS))
    return out


def logreg_loss_grad(X, y, w, b):
    n = y.size
    z = X @ w + b
    value = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
    gz = (1 / (1 + np.exp(-z)) - y) / n
    return value, X.T @ gz, np.sum(gz)


def logreg_numpy(X, y):
    w, b = np.zeros(X.shape[1]), 0.0
    m, v = [np.zeros_like(w), 0.0], [np.zeros_like(w), 0.0]
    for t in range(1, LOGREG_STEPS + 1):
        _, gw, gb = logreg_loss_grad(X, y, w, b)
        w, b = adam([w, b], [gw, gb], m, v, t, LOGREG_LR)
    return float(logreg_loss_grad(X, y, w, b)[0])


def asym_loss_grad(x, y, w, b):
    n = x.size
    e = y - (w * x + b)
    over = e > 0
    value = np.mean(np.where(over, 2 * e**2, e**2))
    gp = np.where(over, -4 * e, -2 * e) / n
    return value, np.dot(gp, x), np.sum(gp)


def asym_numpy(x, y):
    w, b = 0.0, 0.0
    m, v = [0.0, 0.0], [0.0, 0.0]
    for t in range(1, ASYM_STEPS + 1):
        _, gw, gb = asym_loss_grad(x, y, w, b)
        w, b = adam([w, b], [gw, gb], m, v, t, ASYM_LR)
    return float(asym_loss_grad(x, y, w, b)[0])


def landscape_numpy(x, y):
    ws = grid(-1, 5, GRID_COLUMNS)
    bs = grid(-4, 2, GRID_ROWS)
    p = ws[None, :, None] * x + bs[:, None, None]
    values = np.mean((p - y) ** 2, axis=2)
    return float(values.min())


def rows(p, y):
    """(key, label, seconds → amount, function of no arguments giving the value) per row."""
    X, labels = breast_cancer()
    xl, yl = line_data(p, y)
    xs, ys = landscape_data()
    return [
        ("logreg", "logistic regression 569×30, 1,000 adam steps", 1000.0, lambda: logreg_numpy(X, labels)),
        ("asym_train", "asym line model, n points: ms per adam step", 1000.0 / ASYM_STEPS, lambda: asym_numpy(xl, yl)),
        ("landscape", "landscape frame 60×20 over 1,000 points (grid only)", 1000.0, lambda: landscape_numpy(xs, ys)),
    ]
