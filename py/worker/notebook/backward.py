"""The Notebook view's sections 3 and 4: backpropagation with each gradient's chain rule, the model's own
lines and a gradient check by central differences (cells 16-32 as the model computes them), and the
notebook's own check as it printed it (cells 16-31). See sections.py for the dict."""

import numpy as np

from backprop import (
    ACTIVATIONS,
    GRADIENT_NAMES,
    cost_shares,
    forward,
    gradcheck,
    linear,
    numeric_gradient,
    relative_error,
    sigmoid,
)
from backprop.data import A0 as A0_TABLE
from shared.i18n import _
from worker.notebook.mathml import formulas
from worker.notebook.numbers import matrix
from worker.notebook.source import code_lines
from worker.notebook.verdicts import notebook_note, verdict, verdict_text

H = 1e-5  # central differences (backprop.numeric_gradient)
NOTEBOOK_DELTA = 10 ** (-9)  # the notebook's forward differences (cells 16-30)
BY_ROWS = ("Z2", "A1", "Z1")  # values with a column per example: on a data set, differenced a row at a time
BY_ROWS_ABOVE = 4  # examples above which they are (the truth table's four keep the element-by-element loops)
NOTEBOOK_DECIMALS = 5
THROUGH_RELU = ("Z1", "W0", "b0")  # gradients whose numeric derivative moves a hidden sum Z1
SLIPPED = ("Z1", "W0", "b0")  # gradients the notebook's slip changes

# Cells 16-31: the notebook's numeric check and analytic formula for each gradient.
NOTEBOOK_CELLS = {
    "A2": (16, "d[index] = np.round((from_A2(A2_, Y) - from_A2(A2, Y)) / delta, 5)", "dA2 = (A2 - Y) / m"),
    "Z2": (
        18,
        "d[index] = np.round((from_Z2(Z2_, Y) - from_Z2(Z2, Y)) / delta, 5)",
        "dZ2 = dA2 * sigmoid(Z2) * (1-sigmoid(Z2))",
    ),
    "W1": (
        20,
        "d[index] = np.round((from_A1(W1_, A1, b1, Y) - from_A1(W1, A1, b1, Y)) / delta, 5)",
        "dW1 = np.dot(dZ2, A1.T)",
    ),
    "b1": (
        22,
        "d[index] = np.round((from_A1(W1, A1, b1_, Y) - from_A1(W1, A1, b1, Y)) / delta, 5)",
        "db1 = np.sum(dZ2, keepdims=True)",
    ),
    "A1": (
        24,
        "d[index] = np.round((from_A1(W1, A1_, b1, Y) - from_A1(W1, A1, b1, Y)) / delta, 5)",
        "dA1 = np.dot(W1.T, dZ2)",
    ),
    "Z1": (
        26,
        "d[index] = np.round((from_Z1(Z1_, W1, b1, Y) - from_Z1(Z1, W1, b1, Y)) / delta, 5)",
        "dZ1 = dA1 * (1 - tanh(A1)**2)",
    ),
    "W0": (
        28,
        "d[index] = np.round((from_A0(A0, W0_, b0, W1, b1, Y) - from_A0(A0, W0, b0, W1, b1, Y)) / delta, 5)",
        "dW0 = np.dot(dZ1, A0.T)",
    ),
    "b0": (
        30,
        "d[index] = np.round((from_A0(A0, W0, b0_, W1, b1, Y) - from_A0(A0, W0, b0, W1, b1, Y)) / delta, 5)",
        "db0 = np.sum(dZ1, axis=1, keepdims=True)",
    ),
}
NUMERIC_LOOP = """delta = 10**(-9)
d = np.zeros({x}.shape)
for index, _ in np.ndenumerate({x}):
  {x}_ = np.copy({x})
  {x}_[index] += delta
  {line}
print(d)"""


# ---------------------------------------------------------------- differences a row at a time


def by_rows(name, params, A0, Y, activation, cost, step, central=True):
    """dJ/d(name) for a value with a column per example (Z2, A1 or Z1) on many examples, a row at a time. Moving
    name[i, j] moves example j's term of J alone (backprop.cost_shares: the terms sum to J), so moving all of row i
    by step moves each example's term by its own entry: one evaluation a row instead of one an entry (n_h·m of them for
    Z1: seconds for 16 x 1,000). central: (J(x + step) - J(x - step)) / (2 step), as numeric_gradient;
    else the notebook's forward difference (J(x + step) - J(x)) / step, unrounded."""
    cache = forward(params, A0, Y, activation, cost)
    W1, b1, g = params["W1"], params["b1"], ACTIVATIONS[activation].g

    def shares(x):
        Z2 = x if name == "Z2" else linear(W1, g(x) if name == "Z1" else x, b1)
        return cost_shares({"A2": sigmoid(Z2), "Z2": Z2}, Y, cost)[0]

    x = np.array(cache[name], dtype=float)
    d = np.zeros_like(x)
    base = None if central else shares(x)
    for i in range(x.shape[0]):
        up = x.copy()
        up[i] += step
        if central:
            down = x.copy()
            down[i] -= step
            d[i] = (shares(up) - shares(down)) / (2 * step)
        else:
            d[i] = (shares(up) - base) / step
    return d


def central_differences(name, params, A0, Y, activation, cost, h=H):
    """The central differences of the gradient check: the model's numeric_gradient, or by_rows on
    more than BY_ROWS_ABOVE examples (Z2, A1, Z1)."""
    if name in BY_ROWS and np.shape(Y)[-1] > BY_ROWS_ABOVE:
        return by_rows(name, params, np.asarray(A0, dtype=float), np.asarray(Y, dtype=float), activation, cost, h)
    return numeric_gradient(name, params, A0, Y, activation, cost, h=h)


# ---------------------------------------------------------------- 3. backpropagation and gradient checks


def backward_section(run, grads, numeric):
    c = run.config
    lines = code_lines(c.cost, c.activation, c.notebook_mode)
    maths = formulas(c.cost, c.activation, c.notebook_mode)
    Z1 = np.asarray(run.cache["Z1"])
    kink_units = []
    if c.activation == "relu":
        kink_units = [f"Z1[{i},{j}]" for i, j in zip(*np.nonzero(np.abs(Z1) <= H))]
    slip = c.notebook_mode and c.activation != "relu"
    entries = []
    for name in GRADIENT_NAMES:
        d = "d" + name
        entry = {
            "name": d,
            "of": name,
            "formula": maths[d][0],
            "formula_text": maths[d][1],
            "code": "\n".join(line["code"] for line in lines[d]),
            "code_lines": lines[d],
            "analytic": matrix(grads[d]),
        }
        if numeric:
            params = {key: np.array(value) for key, value in run.params.items()}
            num = central_differences(name, params, run.A0, run.Y, c.activation, c.cost)
            error = relative_error(grads[d], num)
            band = verdict(error)
            kink = bool(kink_units) and name in THROUGH_RELU
            entry.update(
                {
                    "numeric": matrix(num),
                    "h": H,
                    "h_text": repr(H),
                    "relative_error": error,
                    "relative_error_text": repr(error),
                    "verdict": band,
                    "kink": kink,
                    "verdict_text": verdict_text(
                        name, error, band, H, kink_units if kink else (), slip and name in SLIPPED
                    ),
                }
            )
        entries.append(entry)
    return {
        "notebook_mode": c.notebook_mode,
        "notebook_note": notebook_note(c.activation) if c.notebook_mode else None,
        "kink_units": kink_units,
        "gradients": entries,
    }


# ---------------------------------------------------------------- 4. the notebook's own check (cells 16-31)


def forward_difference(
    name, params, Y, activation="tanh", cost="half_mse", delta=NOTEBOOK_DELTA, decimals=NOTEBOOK_DECIMALS, A0=A0_TABLE
):
    """dJ/d(name) as cells 16-30 compute it: np.round((J(x + delta) - J(x)) / delta, 5), element by element,
    with J taken from x on through the model's from_A2 ... from_A0 chain (backprop.gradcheck, cell 14), on the
    examples A0 (columns) with targets Y: the truth table's four by default."""
    W0, b0, W1, b1 = (np.array(params[key], dtype=float) for key in ("W0", "b0", "W1", "b1"))
    if name in BY_ROWS and np.shape(Y)[-1] > BY_ROWS_ABOVE:  # a data set: a row at a time (see by_rows)
        together = {"W0": W0, "b0": b0, "W1": W1, "b1": b1}
        Y = np.asarray(Y, dtype=float)
        return np.round(
            by_rows(name, together, np.asarray(A0, dtype=float), Y, activation, cost, delta, False), decimals
        )
    cache = forward({"W0": W0, "b0": b0, "W1": W1, "b1": b1}, A0, Y, activation, cost)
    A1 = cache["A1"]
    cost_of = {
        "A2": lambda A2_: gradcheck.from_A2(A2_, Y, cost),
        "Z2": lambda Z2_: gradcheck.from_Z2(Z2_, Y, cost),
        "W1": lambda W1_: gradcheck.from_A1(W1_, A1, b1, Y, cost),
        "b1": lambda b1_: gradcheck.from_A1(W1, A1, b1_, Y, cost),
        "A1": lambda A1_: gradcheck.from_A1(W1, A1_, b1, Y, cost),
        "Z1": lambda Z1_: gradcheck.from_Z1(Z1_, W1, b1, Y, activation, cost),
        "W0": lambda W0_: gradcheck.from_A0(A0, W0_, b0, W1, b1, Y, activation, cost),
        "b0": lambda b0_: gradcheck.from_A0(A0, W0, b0_, W1, b1, Y, activation, cost),
    }[name]
    x = np.array(params[name] if name in params else cache[name], dtype=float)
    d = np.zeros(x.shape)
    for index, __ in np.ndenumerate(x):
        x_ = np.copy(x)
        x_[index] += delta
        d[index] = np.round((cost_of(x_) - cost_of(x)) / delta, decimals)
    return d


def notebook_check_section(run, grads, numeric):
    c = run.config
    entries = []
    for name in GRADIENT_NAMES:
        cell, numeric_line, analytic_code = NOTEBOOK_CELLS[name]
        printed = np.round(grads["d" + name], NOTEBOOK_DECIMALS)
        entry = {
            "name": "d" + name,
            "of": name,
            "numeric_cell": cell,
            "analytic_cell": cell + 1,
            "numeric_code": NUMERIC_LOOP.format(x=name, line=numeric_line),
            "analytic_code": f"{analytic_code}\nprint(np.round(d{name}, 5))",
            "analytic": matrix(printed),
        }
        if numeric:
            d = forward_difference(name, run.params, run.Y, c.activation, c.cost, A0=run.A0)
            entry["numeric"] = matrix(d)
            entry["agree"] = entry["numeric"]["text"] == entry["analytic"]["text"]
        entries.append(entry)
    return {
        "delta": NOTEBOOK_DELTA,
        "delta_text": repr(NOTEBOOK_DELTA),
        "decimals": NOTEBOOK_DECIMALS,
        "note": _(
            "The notebook's own check: a forward difference with delta = 1e-9, rounded to 5 decimals, "
            "then the analytic formula, rounded the same way. Five decimals can hide a small error: at "
            "the notebook's settings, in notebook mode only db0's print shows the slip."
        ),
        "gradients": entries,
    }
