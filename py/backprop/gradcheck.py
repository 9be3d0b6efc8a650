"""Numeric gradients by central differences, checked against backprop.

For an intermediate such as Z1 the cost is taken as a function of Z1 alone, with
everything upstream held fixed: the notebook's from_A2 / from_Z2 / from_A1 / from_Z1 /
from_A0 chain (cell 14).
"""

import numpy as np

from .network import ACTIVATIONS, COSTS, backward, forward, linear

# In the notebook's order (cells 16-31).
GRADIENT_NAMES = ("A2", "Z2", "W1", "b1", "A1", "Z1", "W0", "b0")


def from_A2(A2, Y, cost="half_mse"):
    return COSTS[cost].from_A2(A2, Y)


def from_Z2(Z2, Y, cost="half_mse"):
    return COSTS[cost].from_Z2(Z2, Y)


def from_A1(W1, A1, b1, Y, cost="half_mse"):
    return from_Z2(linear(W1, A1, b1), Y, cost)


def from_Z1(Z1, W1, b1, Y, activation="tanh", cost="half_mse"):
    return from_A1(W1, ACTIVATIONS[activation].g(Z1), b1, Y, cost)


def from_A0(A0, W0, b0, W1, b1, Y, activation="tanh", cost="half_mse"):
    return from_Z1(linear(W0, A0, b0), W1, b1, Y, activation, cost)


def numeric_gradient(name, params, A0, Y, activation="tanh", cost="half_mse", h=1e-5):
    """dJ/d(name) for a parameter or intermediate, element by element: (J(x+h) - J(x-h)) / 2h.

    h = 1e-5 keeps rounding (about 1e-16 * J / h) and truncation (about h**2) well below
    1e-6 relative for a fresh network. Where gradients all but vanish (a plateau, saturated
    units) or a relu input sits within h of 0, a large relative error says nothing about backprop.
    """
    W0, b0, W1, b1 = params["W0"], params["b0"], params["W1"], params["b1"]
    cache = forward(params, A0, Y, activation, cost)
    A1 = cache["A1"]
    cost_of = {
        "A2": lambda A2: from_A2(A2, Y, cost),
        "Z2": lambda Z2: from_Z2(Z2, Y, cost),
        "A1": lambda A1: from_A1(W1, A1, b1, Y, cost),
        "W1": lambda W1: from_A1(W1, A1, b1, Y, cost),
        "b1": lambda b1: from_A1(W1, A1, b1, Y, cost),
        "Z1": lambda Z1: from_Z1(Z1, W1, b1, Y, activation, cost),
        "W0": lambda W0: from_A0(A0, W0, b0, W1, b1, Y, activation, cost),
        "b0": lambda b0: from_A0(A0, W0, b0, W1, b1, Y, activation, cost),
    }
    if name not in cost_of:
        raise ValueError(f"no gradient for {name!r}; choose one of {', '.join(GRADIENT_NAMES)}")
    x = np.array(params[name] if name in params else cache[name], dtype=float)
    steps = np.full(x.shape, float(h))
    if name == "A2" and cost == "cross_entropy":
        # log(A2) and log(1 - A2): a step must stay well inside (0, 1).
        steps = np.minimum(steps, 1e-4 * np.minimum(x, 1.0 - x))
    d = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved, step = x[index], steps[index]
        x[index] = saved + step
        J_plus = cost_of[name](x)
        x[index] = saved - step
        J_minus = cost_of[name](x)
        x[index] = saved
        d[index] = (J_plus - J_minus) / (2 * step)
    return d


# CS231n's bands for the relative error of a gradient check: at most RIGHT, the gradient is right; above
# SUSPICIOUS, it is wrong; between, suspicious (a correct backprop can land there where gradients all but vanish).
RIGHT, SUSPICIOUS = 1e-7, 1e-4


def error_band(error):
    """The band of a relative error: "right", "suspicious" or "wrong" (NaN is wrong)."""
    return "right" if error <= RIGHT else ("suspicious" if error <= SUSPICIOUS else "wrong")


def relative_error(analytic, numeric):
    """||a - n|| / (||a|| + ||n||), 0 when both are 0."""
    a, n = np.asarray(analytic, dtype=float), np.asarray(numeric, dtype=float)
    return float(np.linalg.norm(a - n) / max(np.linalg.norm(a) + np.linalg.norm(n), np.finfo(float).tiny))


def gradient_check(params, A0, Y, activation="tanh", cost="half_mse", notebook_mode=False, h=1e-5, examples=None):
    """{name: {"analytic", "numeric", "relative_error"}} for every name in GRADIENT_NAMES.

    examples: the columns of A0 (and Y) whose cost is differentiated, e.g. [j] for one example per step's gradient
    (the cost of example j alone, m = 1); all of them when None, the full batch's."""
    if examples is not None:
        examples = [int(j) for j in examples]
        A0, Y = np.asarray(A0)[:, examples], np.asarray(Y)[:, examples]
    with np.errstate(all="ignore"):
        cache = forward(params, A0, Y, activation, cost)
        grads = backward(params, cache, A0, Y, activation, cost, notebook_mode)
        report = {}
        for name in GRADIENT_NAMES:
            numeric = numeric_gradient(name, params, A0, Y, activation, cost, h)
            analytic = grads["d" + name]
            report[name] = {
                "analytic": analytic,
                "numeric": numeric,
                "relative_error": relative_error(analytic, numeric),
            }
    return report
