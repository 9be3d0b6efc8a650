"""The Notebook view's sections 1 and 2: the setup (cell 3) and the forward pass and cost, unrolled entry by
entry (cells 4-12) and as matrix products (cell 13), for the network on screen (see sections.py for the dict)."""

import numpy as np

from backprop import A0, COSTS, PARAM_NAMES, init_params, network, unroll
from worker.notebook.numbers import matrix, number_text, repr_text, scalar

MATCH_RTOL, MATCH_ATOL = 1e-9, 1e-12

# The notebook's A0 is an array of ints; so is its Y (1-D).
A0_NOTEBOOK = np.rint(A0).astype(int)

# Cell 13, with the activation and cost in use (executed as shown; A0 and Y are the notebook's).
MATRIX_A1 = {"tanh": "A1 = np.tanh(Z1)", "sigmoid": "A1 = sigmoid(Z1)", "relu": "A1 = np.maximum(Z1, 0)"}
MATRIX_J = {
    "half_mse": "J = 1/2 * np.mean((A2 - Y)**2)",
    "cross_entropy": "J = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))",
}


def notebook_Y(run):
    """The run's targets as the notebook writes Y: a 1-D array of ints."""
    return np.rint(run.Y).astype(int).reshape(-1)


# ---------------------------------------------------------------- 1. setup (cell 3)


def _article(table):
    return "an" if table in ("AND", "OR") else "a"  # the notebook says "a XOR"


def setup_section(run):
    c = run.config
    Y = notebook_Y(run)
    init = init_params(c.n_h, c.seed)
    items = [
        ("A0", f"A0 = np.array({A0_NOTEBOOK.tolist()})", "Inputs.", A0_NOTEBOOK),
        ("Y", f"Y = np.array({Y.tolist()})", f"Outputs. This is {_article(c.table)} {c.table} function.", Y),
        ("n", "n = len(A0)", "Number of features.", len(A0_NOTEBOOK)),
        ("m", "m = len(Y)", "Number of training exmaples.", len(Y)),
        ("n_h", f"n_h = {c.n_h}", "Number of hidden perceptrons.", c.n_h),
        ("n_o", "n_o = 1", "Number of output perceptrons.", 1),
        (
            "W0",
            f"np.random.seed({c.seed})\nW0 = np.random.randn(n_h, n) * 0.1",
            "Weights between input and hidden layers.",
            init["W0"],
        ),
        ("b0", "b0 = np.full((n_h,1), 0.1)", "Biases between input and hidden layer.", init["b0"]),
        ("W1", "W1 = np.random.randn(n_o, n_h) * 0.1", "Weights between hidden and output layers.", init["W1"]),
        ("b1", "b1 = np.full((n_o,1), 0.1)", "Biases between hidden and output layers.", init["b1"]),
    ]
    result = []
    for name, code, comment, value in items:
        if isinstance(value, int):
            item = {"name": name, "code": code, "comment": comment, "text": repr(value), "values": value, "shape": []}
        else:
            item = {"name": name, "code": code, "comment": comment, **matrix(value)}
        if name in PARAM_NAMES:
            current = np.array(run.params[name])
            item["current"] = matrix(current)
            item["changed"] = not np.array_equal(current, value)
        result.append(item)
    return result


# ---------------------------------------------------------------- 2. forward (cells 4-13)


def _in_parens(text):
    return f"({text})"


def _bias_text(text):
    return _in_parens(text) if text.startswith("-") else text


def _entry(raw):
    hidden = raw["layer"] == 1
    terms, numbers = [], []
    for term in raw["terms"]:
        w, a = term["weight"], term["input"]
        w_text, a_text = number_text(w["value"]), number_text(a["value"], integer=hidden)
        terms.append(
            {
                "weight": {"name": w["name"], "value": float(w["value"]), "text": w_text},
                "input": {"name": a["name"], "value": float(a["value"]), "text": a_text},
                "product": {"value": float(term["product"]), "text": number_text(term["product"])},
            }
        )
        numbers.append(f"{_in_parens(w_text)}·{_in_parens(a_text)}")
    b, Z, A = raw["bias"], raw["Z"], raw["A"]
    b_text, Z_text, A_text = number_text(b["value"]), number_text(Z["value"]), number_text(A["value"])
    numbers = " + ".join(numbers) + " + " + _bias_text(b_text)
    return {
        "layer": raw["layer"],
        "example": raw["example"],
        "neuron": raw["neuron"],
        "name": Z["name"],
        "equation": raw["equation"],
        "numbers": numbers,
        "text": f"{raw['equation']} = {numbers} = {Z_text}",
        "terms": terms,
        "bias": {"name": b["name"], "value": float(b["value"]), "text": b_text},
        "Z": {"name": Z["name"], "value": float(Z["value"]), "text": Z_text},
        "A": {"name": A["name"], "value": float(A["value"]), "text": A_text, "function": A["function"]},
        "activation_text": (f"{A['name']} = {A['function']}({Z['name']}) = {A['function']}({Z_text}) = {A_text}"),
    }


def forward_section(run):
    c = run.config
    u = unroll(run.params, c.activation)
    Z1, A1, Z2, A2 = (np.array(u[name], dtype=float) for name in ("Z1", "A1", "Z2", "A2"))
    J = COSTS[c.cost].J(Z2, A2, run.Y)
    unrolled = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "J": J}
    # Cell 13 written as matrix products, each line executed as the page shows it.
    namespace = {"np": np, "sigmoid": network.sigmoid, "A0": A0_NOTEBOOK.copy(), "Y": notebook_Y(run)}
    namespace.update({name: np.array(run.params[name]) for name in PARAM_NAMES})
    lines = []
    for name, code in (
        ("Z1", "Z1 = np.dot(W0, A0) + b0"),
        ("A1", MATRIX_A1[c.activation]),
        ("Z2", "Z2 = np.dot(W1, A1) + b1"),
        ("A2", "A2 = sigmoid(Z2)"),
        ("J", MATRIX_J[c.cost]),
    ):
        exec(code, namespace)
        value = np.asarray(namespace[name], dtype=float)
        line = {"name": name, "code": code}
        line.update(matrix(value) if value.ndim else {"text": repr_text(value), "values": float(value), "shape": []})
        line["matches_unrolled"] = bool(
            np.allclose(value, unrolled[name], rtol=MATCH_RTOL, atol=MATCH_ATOL, equal_nan=True)
        )
        lines.append(line)
    return {
        "activation": c.activation,
        "hidden": [_entry(raw) for raw in u["hidden"]],
        "output": [_entry(raw) for raw in u["output"]],
        "Z1": matrix(Z1),
        "A1": matrix(A1),
        "Z2": matrix(Z2),
        "A2": matrix(A2),
        "J": scalar(J),
        "matrix": lines,
    }
