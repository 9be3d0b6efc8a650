"""The Notebook view's sections 1 and 2: the setup (cell 3) and the forward pass and cost, unrolled entry by
entry (cells 4-12) and as matrix products (cell 13), for the network on screen (see sections.py for the dict)."""

import numpy as np

from backprop import A0, COSTS, PARAM_NAMES, forward, init_params, network, unroll
from shared.i18n import _, ngettext
from worker.notebook.numbers import matrix, number_text, repr_text, scalar

MATCH_RTOL, MATCH_ATOL = 1e-9, 1e-12
UNROLLED = 4  # the unrolled sums are written out for the first four examples (the notebook's all four)
PER_LINE = 6  # numbers per line of a data set's A0 written as a literal
Y_PER_LINE = 20  # and of its Y

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


def is_table(run):
    return run.config.data == "table"


def notebook_A0(run):
    """The run's training inputs as the notebook writes A0: a truth table's as ints (the notebook's), a data set's
    as they are (floats)."""
    return A0_NOTEBOOK.copy() if is_table(run) else np.array(run.A0, dtype=float)


def data_words(run):
    """The data set in words: "the spiral (data seed 0, 200 points, noise 10 %, 50 % for training)", "your
    points", or None for a truth table."""
    c = run.config
    if c.data == "table":
        return None
    if c.data == "points":
        return _("your points")
    values = {"seed": c.data_seed, "size": c.data_size, "noise": c.noise, "train": c.train_percent}
    words = {
        # Translators: a generated data set and its settings, in the Notebook view's "The data on screen, {words}".
        "circle": _("the circle (data seed {seed}, {size} points, noise {noise} %, {train} % for training)"),
        "xor_cloud": _("the XOR cloud (data seed {seed}, {size} points, noise {noise} %, {train} % for training)"),
        "gaussians": _("the two gaussians (data seed {seed}, {size} points, noise {noise} %, {train} % for training)"),
        "spiral": _("the spiral (data seed {seed}, {size} points, noise {noise} %, {train} % for training)"),
    }
    return words[c.data].format(**values)


def data_section(run):
    """What the notebook works on: {"table": bool, "words", "m", "test_m", "unrolled": the examples written out,
    "note": the data in a sentence, or None for a truth table}."""
    m, test_m = run.data.m, run.data.test_m
    words = data_words(run)
    note = None
    if words is not None:
        note = ngettext(
            "The data on screen, {words}: A0 holds its {m} training example, one a column (x1 in row 0, x2 in row 1), "
            "and Y their classes.",
            "The data on screen, {words}: A0 holds its {m} training examples, one a column (x1 in row 0, x2 in row 1), "
            "and Y their classes.",
            m,
        ).format(words=words, m=m)
        if test_m == 1:
            note += " " + _("Its one test point is not in A0: the network never trains on them.")
        elif test_m:
            note += " " + _("Its {n} test points are not in A0: the network never trains on them.").format(n=test_m)
    return {
        "table": words is None,
        "words": words,
        "m": m,
        "test_m": test_m,
        "unrolled": min(m, UNROLLED),
        "note": note,
    }


def _wrapped(numbers, indent, per_line=PER_LINE):
    """Numbers' texts joined by ", ", per_line to a line, the lines after the first indented."""
    lines = [", ".join(numbers[i : i + per_line]) for i in range(0, len(numbers), per_line)] or [""]
    return (",\n" + indent).join(lines)


def A0_code(run, A0_value):
    """Cell 3's A0 line: the notebook's for a truth table, else the training inputs written in (CPython's repr), so
    that the setup's code stays a program that makes these values."""
    if is_table(run):
        return f"A0 = np.array({A0_value.tolist()})"
    rows = [[repr(float(x)) for x in row] for row in A0_value.tolist()]
    return "A0 = np.array([\n    [" + "],\n    [".join(_wrapped(row, "     ") for row in rows) + "],\n])"


def Y_code(Y):
    if len(Y) <= Y_PER_LINE:
        return f"Y = np.array({Y.tolist()})"
    return "Y = np.array([\n    " + _wrapped([str(y) for y in Y.tolist()], "    ", Y_PER_LINE) + ",\n])"


def Y_comment(run):
    c = run.config
    if is_table(run):
        # Translators: the seed notebook's comment on Y ("a XOR", its grammar, as it is); {table} is XOR, AND, OR...
        if c.table in ("AND", "OR"):
            return _("Outputs. This is an {table} function.").format(table=c.table)
        return _("Outputs. This is a {table} function.").format(table=c.table)
    return _("Outputs: the class of each training point, 0 or 1.")


# ---------------------------------------------------------------- 1. setup (cell 3)


def setup_section(run):
    c = run.config
    Y = notebook_Y(run)
    A0_value = notebook_A0(run)
    init = init_params(c.n_h, c.seed)
    items = [
        ("A0", A0_code(run, A0_value), _("Inputs."), A0_value),
        ("Y", Y_code(Y), Y_comment(run), Y),
        ("n", "n = len(A0)", _("Number of features."), len(A0_value)),
        # Translators: the seed notebook's comment, its typo ("exmaples") as it is; translate it without one.
        ("m", "m = len(Y)", _("Number of training exmaples."), len(Y)),
        ("n_h", f"n_h = {c.n_h}", _("Number of hidden perceptrons."), c.n_h),
        ("n_o", "n_o = 1", _("Number of output perceptrons."), 1),
        (
            "W0",
            f"np.random.seed({c.seed})\nW0 = np.random.randn(n_h, n) * 0.1",
            _("Weights between input and hidden layers."),
            init["W0"],
        ),
        ("b0", "b0 = np.full((n_h,1), 0.1)", _("Biases between input and hidden layer."), init["b0"]),
        ("W1", "W1 = np.random.randn(n_o, n_h) * 0.1", _("Weights between hidden and output layers."), init["W1"]),
        ("b1", "b1 = np.full((n_o,1), 0.1)", _("Biases between hidden and output layers."), init["b1"]),
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


def _entry(raw, integer_inputs=True):
    hidden = raw["layer"] == 1 and integer_inputs
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
    """Cells 4-13. With more than UNROLLED examples the sums are written out for the first UNROLLED (A0's first
    columns), "note" says so, and the unrolled matrices are those columns ("columns": k); J is the cost over every
    example, and each matrix product's first k columns are compared with the unrolled ones."""
    c = run.config
    m = run.data.m
    k = min(m, UNROLLED)
    u = unroll(run.params, c.activation, A0=run.A0[:, :k])
    Z1, A1, Z2, A2 = (np.array(u[name], dtype=float) for name in ("Z1", "A1", "Z2", "A2"))
    if k == m:
        J = COSTS[c.cost].J(Z2, A2, run.Y)
    else:  # the cost over every example, from the model's forward pass
        J = forward(run.params, run.A0, run.Y, c.activation, c.cost)["J"]
    unrolled = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "J": J}
    # Cell 13 written as matrix products, each line executed as the page shows it.
    namespace = {"np": np, "sigmoid": network.sigmoid, "A0": notebook_A0(run), "Y": notebook_Y(run)}
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
        compared = value[:, :k] if value.ndim else value
        line["matches_unrolled"] = bool(
            np.allclose(compared, unrolled[name], rtol=MATCH_RTOL, atol=MATCH_ATOL, equal_nan=True)
        )
        lines.append(line)
    table = is_table(run)
    note = None
    if k < m:
        note = _(
            "The sums are written out for the first {k} of the {m} examples (columns 0 to {last} of A0), and Z1, "
            "A1, Z2 and A2 below them are those {k} columns; J is the cost over all {m}. The matrix products "
            "further down take every example at once."
        ).format(k=k, m=m, last=k - 1)
    return {
        "activation": c.activation,
        "m": m,
        "columns": k,
        "note": note,
        "hidden": [_entry(raw, table) for raw in u["hidden"]],
        "output": [_entry(raw, table) for raw in u["output"]],
        "Z1": matrix(Z1),
        "A1": matrix(A1),
        "Z2": matrix(Z2),
        "A2": matrix(A2),
        "J": scalar(J),
        "matrix": lines,
    }
