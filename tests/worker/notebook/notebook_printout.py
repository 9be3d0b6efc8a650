"""The oracles of the Notebook view's tests (tests/worker/notebook): what the seed notebook printed
(shared/seed/ann_xor_notebook.txt, transcribed below as printed), and a forward and backward pass written out
here in plain NumPy. Not a test module: the tests import it."""

import functools
import json
import math

import numpy as np

from backprop import Run
from worker.notebook.sections import notebook

# ---- The notebook's printout, as printed.
# Cell 3 (the code without its comments, and what it printed)
CELL_3_CODE = """np.random.seed(2)
A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]])
Y = np.array([1, 1, 0, 0])
n = len(A0)
m = len(Y)
n_h = 2
n_o = 1
W0 = np.random.randn(n_h, n) * 0.1
b0 = np.full((n_h,1), 0.1)
W1 = np.random.randn(n_o, n_h) * 0.1
b1 = np.full((n_o,1), 0.1)""".splitlines()
CELL_3_PRINTS = {
    "A0": "[[0 1 0 1]\n [1 0 0 1]]",
    "Y": "[1 1 0 0]",
    "n": "2",
    "m": "4",
    "n_h": "2",
    "n_o": "1",
    "W0": "[[-0.04167578 -0.00562668]\n [-0.21361961  0.16402708]]",
    "b0": "[[0.1]\n [0.1]]",
    "W1": "[[-0.17934356 -0.08417474]]",
    "b1": "[[0.1]]",
}
# Cells 4-12
Z1_00, Z1_10 = "0.09437331727736706", "0.26402708084049886"
Z2_00 = "0.06140283090901357"
Z1_PRINT = "[[ 0.09437332  0.05832422  0.1         0.05269753]\n [ 0.26402708 -0.11361961  0.1         0.05040747]]"
A1_PRINT = "[[ 0.09409414  0.05825817  0.09966799  0.05264881]\n [ 0.25805832 -0.1131332   0.09966799  0.05036482]]"
Z2_PRINT = "[[0.06140283 0.09907473 0.07373566 0.08631833]]"
A2_PRINT = "[[0.51534589 0.52474844 0.51842557 0.52156619]]"
J_NB = "0.12519375208599626"
# Cells 16-31: (numeric print, analytic print)
CHECK_PRINTS = {
    "A2": ("[[-0.12116 -0.11881  0.12961  0.13039]]",) * 2,
    "Z2": ("[[-0.03026 -0.02963  0.03236  0.03254]]",) * 2,
    "W1": ("[[0.00036 0.00041]]",) * 2,
    "b1": ("[[0.005]]",) * 2,
    "A1": ("[[ 0.00543  0.00531 -0.0058  -0.00584]\n [ 0.00255  0.00249 -0.00272 -0.00274]]",) * 2,
    "Z1": ("[[ 0.00538  0.0053  -0.00575 -0.00582]\n [ 0.00238  0.00246 -0.0027  -0.00273]]",) * 2,
    "W0": ("[[-0.00052 -0.00044]\n [-0.00027 -0.00035]]",) * 2,
    "b0": ("[[-0.00089]\n [-0.00059]]", "[[-0.00089]\n [-0.00058]]"),
}
# Cell 35: J at i = 0, 100, ..., 900; cell 36: the predictions
LOG_NB = [
    0.12519375208599626,
    0.044109941906362596,
    0.0015874322882328462,
    0.0007888131666023057,
    0.0005181010814237375,
    0.00038344681417277733,
    0.00030337361837437526,
    0.0002504765312000076,
    0.00021301226568328868,
    0.00018512952151354307,
]
PREDICTIONS_NB = "[0.98  0.98  0.016 0.016]"

NOTEBOOK = {"notebook_mode": True}
OTHER = {"n_h": 3, "activation": "relu", "cost": "cross_entropy", "seed": 7}
A0_INT = np.array([[0, 1, 0, 1], [1, 0, 0, 1]])
Y_XOR = np.array([[1.0, 1.0, 0.0, 0.0]])


def by_name(items):
    return {item["name"]: item for item in items}


def strict(result):
    """The result as the page will read it: JSON without NaN or Infinity literals."""

    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(json.dumps(result, allow_nan=False), parse_constant=refuse)


def libm_tanh():
    """Whether NumPy's tanh is the C library's on the notebook's first sum (Pyodide's NumPy 2.0.2 is; a SIMD
    tanh may differ by an ulp or two, and then Z2 and J differ in their last digit from the notebook's)."""
    z = float(Z1_00)
    return float(np.tanh(np.array([z, z]))[0]) == math.tanh(z)


def plain_model(config):
    """The network's forward and backward pass at its initial parameters, written out in plain NumPy."""
    n_h, seed, activation, cost = (
        config.get(k, d) for k, d in (("n_h", 2), ("seed", 2), ("activation", "tanh"), ("cost", "half_mse"))
    )
    state = np.random.get_state()
    try:
        np.random.seed(seed)
        W0 = np.random.randn(n_h, 2) * 0.1
        W1 = np.random.randn(1, n_h) * 0.1
    finally:
        np.random.set_state(state)
    b0, b1 = np.full((n_h, 1), 0.1), np.full((1, 1), 0.1)
    return pass_through({"W0": W0, "b0": b0, "W1": W1, "b1": b1}, activation, cost)


def pass_through(p, activation, cost, Y=Y_XOR):
    A0 = A0_INT.astype(float)
    m = 4
    Z1 = np.dot(p["W0"], A0) + p["b0"]
    A1 = {"tanh": np.tanh, "relu": lambda z: np.where(z > 0, z, 0.0), "sigmoid": lambda z: 1 / (1 + np.exp(-z))}[
        activation
    ](Z1)
    Z2 = np.dot(p["W1"], A1) + p["b1"]
    A2 = 1 / (1 + np.exp(-Z2))
    if cost == "half_mse":
        J = np.mean((A2 - Y) ** 2) / 2
        dA2 = (A2 - Y) / m
        dZ2 = dA2 * A2 * (1 - A2)
    else:
        J = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
        dA2 = (-Y / A2 + (1 - Y) / (1 - A2)) / m
        dZ2 = (A2 - Y) / m
    dA1 = np.dot(p["W1"].T, dZ2)
    g_prime = {"tanh": 1 - np.tanh(Z1) ** 2, "relu": (Z1 > 0).astype(float), "sigmoid": A1 * (1 - A1)}[activation]
    dZ1 = dA1 * g_prime
    grads = {
        "dA2": dA2,
        "dZ2": dZ2,
        "dW1": np.dot(dZ2, A1.T),
        "db1": dZ2.sum(keepdims=True),
        "dA1": dA1,
        "dZ1": dZ1,
        "dW0": np.dot(dZ1, A0.T),
        "db0": dZ1.sum(axis=1, keepdims=True),
    }
    return {"params": p, "Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "J": J, "grads": grads}


@functools.cache
def notebook_mode_view():
    """Step 0, notebook mode, the notebook's settings: everything computed. Shared by the tests, which must
    not change it."""
    return notebook(Run(NOTEBOOK))
