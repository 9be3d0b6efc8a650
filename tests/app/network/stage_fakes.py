"""A stages dict of the worker contract's shape (/py/worker/door.py `stages`), computed here by hand with NumPy in
the notebook's formulas (tanh hidden layer, sigmoid output, half mean squared error), every number as CPython's repr
text: the page's slow-motion player is tested on it without the model's own code."""

import numpy as np

A0 = np.array([[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0]])  # the notebook's XOR inputs, one example a column
Y = np.array([[1.0, 1.0, 0.0, 0.0]])
# The notebook's network at step 0 (seed 2), as cell 3 prints it.
NOTEBOOK_PARAMS = {
    "W0": [[-0.04167578474054706, -0.0056266827226329474], [-0.21361960956684542, 0.16402708084049888]],
    "b0": [[0.1], [0.1]],
    "W1": [[-0.17934355851948633, -0.08417473656562041]],
    "b1": [[0.1]],
}


def texts(matrix):
    return [[repr(float(x)) for x in row] for row in np.atleast_2d(matrix)]


def fake_stages(params=None, examples=(0, 1, 2, 3), notebook_mode=False, learning_rate=10.0, step=0):
    p = {name: np.array(value) for name, value in (params or NOTEBOOK_PARAMS).items()}
    n_h, m = p["W0"].shape[0], A0.shape[1]
    Z1 = p["W0"] @ A0 + p["b0"]
    A1 = np.tanh(Z1)
    Z2 = p["W1"] @ A1 + p["b1"]
    A2 = 1 / (1 + np.exp(-Z2))
    J = 0.5 * np.mean((A2 - Y) ** 2)
    cols = list(examples)
    e = len(cols)
    a0, a1, a2, y = A0[:, cols], A1[:, cols], A2[:, cols], Y[:, cols]
    dZ2 = (a2 - y) / e * a2 * (1 - a2)
    dW1, db1 = dZ2 @ a1.T, dZ2.sum(axis=1, keepdims=True)
    dA1 = p["W1"].T @ dZ2
    dZ1 = dA1 * (1 - np.tanh(a1) ** 2 if notebook_mode else 1 - a1**2)
    dW0, db0 = dZ1 @ a0.T, dZ1.sum(axis=1, keepdims=True)
    grads = {"W0": dW0, "b0": db0, "W1": dW1, "b1": db1}
    update = {}
    after = {}
    for name, before in p.items():
        change = grads[name] * learning_rate
        after[name] = before - change
        update[name] = {"before": texts(before), "change": texts(change), "after": texts(after[name])}
    A2_after = 1 / (1 + np.exp(-(after["W1"] @ np.tanh(after["W0"] @ A0 + after["b0"]) + after["b1"])))
    return {
        "step": step,
        "examples": cols,
        "batch": "full" if e == m else "one",
        "m": m,
        "n_h": n_h,
        "activation": "tanh",
        "cost_function": "half_mse",
        "notebook_mode": notebook_mode,
        "learning_rate": repr(learning_rate),
        "A0": texts(A0),
        "Y": texts(Y),
        "forward": {"Z1": texts(Z1), "A1": texts(A1), "Z2": texts(Z2), "A2": texts(A2)},
        "cost": {"J": repr(float(J)), "error": texts(A2 - Y), "share": texts(0.5 * (A2 - Y) ** 2 / m)},
        "backward": {
            "dZ2": texts(dZ2),
            "dW1": texts(dW1),
            "db1": texts(db1),
            "dA1": texts(dA1),
            "dZ1": texts(dZ1),
            "dW0": texts(dW0),
            "db0": texts(db0),
        },
        "update": update,
        "after": {"J": repr(float(0.5 * np.mean((A2_after - Y) ** 2)))},
        "slip": ["dZ1", "dW0", "db0"] if notebook_mode else [],
    }


def fake_layout(n_h, spacing=64.0, hidden_box=(30.0, 12.0)):
    """A diagram geometry of app/network/diagram.py's layout(n_h) shape: inputs at x 44, hidden units at x 196
    `spacing` apart, the output at x 352 level with their middle; each line from a box's edge to the next's."""
    cy = 120.0
    boxes = {"input": (20.0, 12.0), "hidden": hidden_box, "output": (40.0, 27.0)}
    inputs = [(44.0, cy - 50.0), (44.0, cy + 50.0)]
    hidden = [(196.0, cy + (i - (n_h - 1) / 2) * spacing) for i in range(n_h)]
    output = [(352.0, cy)]
    W0 = [[(64.0, inputs[k][1], 196.0 - hidden_box[0], y) for k in range(2)] for _, y in hidden]
    W1 = [(196.0 + hidden_box[0], y, 312.0, cy) for _, y in hidden]
    return {
        "width": 400.0,
        "height": 2 * cy,
        "input": inputs,
        "hidden": hidden,
        "output": output,
        "W0": W0,
        "W1": W1,
        "boxes": boxes,
    }


def fake_data_stages(m=12, examples=None, limit=8, step=5):
    """The stages the worker sends for a data set of m examples (tanh, half mean squared error, n_h 2): its own
    computation here with NumPy, then only the columns of the first `limit` examples (and of the step's one example)
    with "shown", "backward_shown" and "limit", as the worker contract says (py/worker/network/stages.py)."""
    rng = np.random.RandomState(3)
    A0d = np.round(rng.uniform(-1, 1, (2, m)), 2)
    Yd = (A0d[0:1] * A0d[1:2] > 0).astype(float)
    p = {name: np.array(value) for name, value in NOTEBOOK_PARAMS.items()}
    examples = list(range(m)) if examples is None else list(examples)
    Z1 = p["W0"] @ A0d + p["b0"]
    A1 = np.tanh(Z1)
    Z2 = p["W1"] @ A1 + p["b1"]
    A2 = 1 / (1 + np.exp(-Z2))
    J = 0.5 * np.mean((A2 - Yd) ** 2)
    a0, a1, a2, y = A0d[:, examples], A1[:, examples], A2[:, examples], Yd[:, examples]
    dZ2 = (a2 - y) / len(examples) * a2 * (1 - a2)
    dA1 = p["W1"].T @ dZ2
    dZ1 = dA1 * (1 - a1**2)
    grads = {"W0": dZ1 @ a0.T, "b0": dZ1.sum(axis=1, keepdims=True), "W1": dZ2 @ a1.T, "b1": dZ2.sum(keepdims=True)}
    shown = sorted(set(range(min(m, limit))) | (set(examples) if len(examples) <= limit else set()))
    kept = [e for e, j in enumerate(examples) if j in shown]
    update = {
        name: {"before": texts(p[name]), "change": texts(grads[name]), "after": texts(p[name] - grads[name])}
        for name in p
    }
    return {
        "step": step,
        "examples": examples,
        "batch": "full" if len(examples) == m else "one",
        "m": m,
        "n_h": 2,
        "activation": "tanh",
        "cost_function": "half_mse",
        "notebook_mode": False,
        "learning_rate": "1.0",
        "A0": texts(A0d[:, shown]),
        "Y": texts(Yd[:, shown]),
        "forward": {
            "Z1": texts(Z1[:, shown]),
            "A1": texts(A1[:, shown]),
            "Z2": texts(Z2[:, shown]),
            "A2": texts(A2[:, shown]),
        },
        "cost": {
            "J": repr(float(J)),
            "error": texts((A2 - Yd)[:, shown]),
            "share": texts((0.5 * (A2 - Yd) ** 2 / m)[:, shown]),
        },
        "backward": {
            "dZ2": texts(dZ2[:, kept]),
            "dW1": texts(grads["W1"]),
            "db1": texts(grads["b1"]),
            "dA1": texts(dA1[:, kept]),
            "dZ1": texts(dZ1[:, kept]),
            "dW0": texts(grads["W0"]),
            "db0": texts(grads["b0"]),
        },
        "update": update,
        "after": {"J": repr(float(J))},
        "slip": [],
        "shown": shown,
        "backward_shown": [examples[e] for e in kept],
        "limit": limit if len(shown) < m else None,
        "_A0": A0d,  # the whole data, for the tests' oracles (not in the contract)
        "_A2": A2,
    }
