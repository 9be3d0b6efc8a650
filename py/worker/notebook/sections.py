"""The Notebook view's data: the seed notebook's sections, worked through for the network on screen.

`notebook(run, numeric=True, log=True)` takes a `backprop.Run` and returns one JSON-able dict (plain
Python values only: no NumPy types; a float that is not finite travels as "NaN", "Infinity" or
"-Infinity", as in the session's snapshots). Every number a student must read exactly also comes as
TEXT formatted here by CPython's rules: `repr` for a scalar, `np.array2string` with NumPy's default
print options for a matrix (what the notebook's `print` shows). The run is not changed.

A "matrix" below is {"text": np.array2string text, "values": nested lists of numbers, "shape": [rows, cols]};
a "scalar" is {"text": repr text, "value": number}.

    {
      "sections": ["setup", "forward", "backward", "notebook_check", "step", "log"],  # the notebook's
                                     # order; "log" only with log=True
      "run": {"step", "status", "reason", "cost" (number), "cost_text", "config" (the settings dict)},
      "setup": [                     # cell 3: A0, Y, n, m, n_h, n_o, W0, b0, W1, b1, in this order
        {"name": "W0",
         "code": "np.random.seed(2)\nW0 = np.random.randn(n_h, n) * 0.1",   # the notebook's line(s) with
                                     # this network's seed, n_h and truth table; the items' code joined
                                     # in order is a program that makes these values
         "comment": "Weights between input and hidden layers.",   # the notebook's comment on the line
         "text": "[[-0.04167578 -0.00562668]\n [-0.21361961  0.16402708]]",  # what print() shows
         "values": [[...], ...],     # a number for n, m, n_h, n_o; a flat list for Y (the notebook's Y is 1-D)
         "shape": [2, 2],            # [] for a scalar
         # W0, b0, W1, b1 only: the code makes the initial values; the network on screen may have
         # trained (or been edited) since
         "current": matrix, "changed": bool},
        ...],
      "forward": {                   # cells 4-12, from backprop.unroll
        "activation": "tanh",
        "hidden": [entry, ...],      # Z1[i,j], example by example (j), neuron by neuron (i)
        "output": [entry, ...],      # Z2[0,j]
        "Z1", "A1", "Z2", "A2": matrix,   # the unrolled sums and their activations
        "J": scalar,                 # the cost in use, of the unrolled A2
        "matrix": [                  # cell 13: the same pass as matrix products; each line was executed
                                     # as shown to get its value
          {"name": "Z1", "code": "Z1 = np.dot(W0, A0) + b0", "text", "values", "shape",
           "matches_unrolled": bool},    # np.allclose(line's value, unrolled, rtol=1e-9, atol=1e-12)
          ... A1 (the activation in use), Z2, A2, J (the cost in use; "shape": [])]},
      "backward": {                  # cells 16-31 and 32
        "notebook_mode": bool,
        "notebook_note": str or None,   # in notebook mode: the notebook's 1 - tanh(A1)**2 slip explained
        "kink_units": ["Z1[0,2]", ...], # hidden sums within h of relu's kink at 0 ([] unless relu)
        "gradients": [               # dA2, dZ2, dW1, db1, dA1, dZ1, dW0, db0, in this order
          {"name": "dZ1", "of": "Z1",
           "formula": "<math ...>...</math>",   # presentation MathML of the chain rule
           "formula_text": "dZ1 = dA1 ⊙ g′(Z1) = dA1 ⊙ (1 − A1²)",
           "code": "dZ1 = dA1 * act.g_prime(Z1, A1)\nlambda Z, A: 1.0 - A**2",  # code_lines joined
           "code_lines": [{"code": ..., "source": "backprop/network.py: backward"}, ...],  # each line
                                     # verbatim from the model's source (inspect.getsource)
           "analytic": matrix,       # run.gradients(), as training uses them
           # only with numeric=True:
           "numeric": matrix,        # central differences, backprop.numeric_gradient, h = 1e-5
           "h": 1e-05, "h_text": "1e-05",
           "relative_error": number, "relative_error_text": repr text,
           "verdict": "right" (<= 1e-7) | "suspicious" (<= 1e-4) | "wrong" (> 1e-4)
                      | "undefined" (the error is not a finite number: a diverged network),
           "kink": bool,             # relu, a hidden Z1 within h of 0, and this gradient's numeric
                                     # derivative goes through relu (dZ1, dW0, db0)
           "verdict_text": str},     # the verdict in words (says when the kink may explain it)
          ...]},
      "notebook_check": {            # cells 16-31 as the notebook printed them
        "delta": 1e-09, "delta_text": "1e-09", "decimals": 5,
        "note": str,
        "gradients": [               # the same eight, same order
          {"name": "db0", "of": "b0", "numeric_cell": 30, "analytic_cell": 31,
           "numeric_code": str, "analytic_code": str,   # the notebook's cells' code
           "analytic": matrix,       # np.round(gradient, 5)
           # only with numeric=True:
           "numeric": matrix,        # forward differences: np.round((J(x + delta) - J(x)) / delta, 5)
           "agree": bool},           # the two printed texts are equal
          ...]},
      "step": {                      # one gradient-descent step, computed on copies
        "learning_rate": number, "learning_rate_text": repr text,
        "code": ["grad *= c.learning_rate", "theta -= grad"],  # verbatim from backprop.Run.train
        "params": [{"name": "W0", "formula_text": "W0 ← W0 − learning_rate · dW0",
                    "before": matrix, "gradient": matrix, "update": matrix (learning_rate × gradient),
                    "after": matrix}, ... W0, b0, W1, b1],
        "J_before": scalar, "J_after": scalar, "J_change": scalar},
      "log": {                       # only with log=True: cell 35's loop for a fresh run of these settings
        "learning_rate", "learning_rate_text", "steps": 1000, "every": 100,
        "lines": [{"step": 0, "J": number, "text": "0.12519375208599626"}, ... 100, ..., 900],
                                     # J before update i, i = 0, 100, ..., 900, as cell 35 prints it;
                                     # fewer when the run diverges first
        "predictions": {"step": 999, "code": ..., "text": "[0.98  0.98  0.016 0.016]", "values": [...],
                        "Y_text": "[1 1 0 0]"},   # cell 36: np.round(A2.squeeze(), 3) after the loop
        "status": "ready" | "diverged", "reason": str or None}
    }

A forward entry: {"layer": 1, "example": j, "neuron": i, "name": "Z1[i,j]",
"equation": "Z1[0,0] = W0[0,0]·A0[0,0] + W0[0,1]·A0[1,0] + b0[0]", "numbers": "(w)·(a) + (w)·(a) + b",
"text": equation + " = " + numbers + " = " + Z's text, "terms": [{"weight": {"name", "value", "text"},
"input": {"name", "value", "text"}, "product": {"value", "text"}}, ...], "bias": {"name", "value", "text"},
"Z": {"name", "value", "text"}, "A": {"name", "value", "text", "function"},
"activation_text": "A1[0,0] = tanh(Z1[0,0]) = tanh(0.094...) = 0.094..."}. The inputs A0 are printed as
the notebook's integers (0, 1).
"""

import ast
import functools
import inspect
import math
import os
import textwrap

import numpy as np

from backprop import (
    A0,
    ACTIVATIONS,
    COSTS,
    GRADIENT_NAMES,
    PARAM_NAMES,
    Run,
    backward,
    forward,
    gradcheck,
    init_params,
    network,
    numeric_gradient,
    relative_error,
    train,
    unroll,
)
from plots.plain import plain

H = 1e-5  # central differences (backprop.numeric_gradient)
NOTEBOOK_DELTA = 10 ** (-9)  # the notebook's forward differences (cells 16-30)
NOTEBOOK_DECIMALS = 5
RIGHT, SUSPICIOUS = 1e-7, 1e-4  # CS231n's gradient-check bands for the relative error
LOG_STEPS, LOG_EVERY = 1000, 100  # cell 35
MATCH_RTOL, MATCH_ATOL = 1e-9, 1e-12

# The notebook's A0 is an array of ints; so is its Y (1-D).
A0_NOTEBOOK = np.rint(A0).astype(int)

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

# Cell 13, with the activation and cost in use (executed as shown; A0 and Y are the notebook's).
MATRIX_A1 = {"tanh": "A1 = np.tanh(Z1)", "sigmoid": "A1 = sigmoid(Z1)", "relu": "A1 = np.maximum(Z1, 0)"}
MATRIX_J = {
    "half_mse": "J = 1/2 * np.mean((A2 - Y)**2)",
    "cross_entropy": "J = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))",
}


# ---------------------------------------------------------------- plain values and texts


def _nested(x):
    """An array as nested lists of plain numbers (non-finite ones as text)."""
    x = np.asarray(x, dtype=float)
    if x.ndim == 0:
        return plain(x)
    return [_nested(row) for row in x] if x.ndim > 1 else [plain(v) for v in x.tolist()]


def _matrix(x):
    x = np.asarray(x)
    return {"text": np.array2string(x), "values": _nested(x), "shape": list(x.shape)}


def _repr(x):
    return repr(float(x))


def _scalar(x):
    return {"text": _repr(x), "value": plain(x)}


def _number_text(x, integer=False):
    """repr of a float, or of an int for the notebook's integer inputs."""
    x = float(x)
    return repr(int(x)) if integer and x.is_integer() else repr(x)


# ---------------------------------------------------------------- 1. setup (cell 3)


def _article(table):
    return "an" if table in ("AND", "OR") else "a"  # the notebook says "a XOR"


def _setup(run):
    c = run.config
    Y = np.rint(run.Y).astype(int).reshape(-1)
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
    setup = []
    for name, code, comment, value in items:
        if isinstance(value, int):
            item = {"name": name, "code": code, "comment": comment, "text": repr(value), "values": value, "shape": []}
        else:
            item = {"name": name, "code": code, "comment": comment, **_matrix(value)}
        if name in PARAM_NAMES:
            current = np.array(run.params[name])
            item["current"] = _matrix(current)
            item["changed"] = not np.array_equal(current, value)
        setup.append(item)
    return setup


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
        w_text, a_text = _number_text(w["value"]), _number_text(a["value"], integer=hidden)
        terms.append(
            {
                "weight": {"name": w["name"], "value": plain(w["value"]), "text": w_text},
                "input": {"name": a["name"], "value": plain(a["value"]), "text": a_text},
                "product": {"value": plain(term["product"]), "text": _number_text(term["product"])},
            }
        )
        numbers.append(f"{_in_parens(w_text)}·{_in_parens(a_text)}")
    b, Z, A = raw["bias"], raw["Z"], raw["A"]
    b_text, Z_text, A_text = _number_text(b["value"]), _number_text(Z["value"]), _number_text(A["value"])
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
        "bias": {"name": b["name"], "value": plain(b["value"]), "text": b_text},
        "Z": {"name": Z["name"], "value": plain(Z["value"]), "text": Z_text},
        "A": {"name": A["name"], "value": plain(A["value"]), "text": A_text, "function": A["function"]},
        "activation_text": (f"{A['name']} = {A['function']}({Z['name']}) = {A['function']}({Z_text}) = {A_text}"),
    }


def _forward(run):
    c = run.config
    u = unroll(run.params, c.activation)
    Z1, A1, Z2, A2 = (np.array(u[name], dtype=float) for name in ("Z1", "A1", "Z2", "A2"))
    J = COSTS[c.cost].J(Z2, A2, run.Y)
    unrolled = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "J": J}
    # Cell 13 written as matrix products, each line executed as the page shows it.
    namespace = {
        "np": np,
        "sigmoid": network.sigmoid,
        "A0": A0_NOTEBOOK.copy(),
        "Y": np.rint(run.Y).astype(int).reshape(-1),
    }
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
        line.update(_matrix(value) if value.ndim else {"text": _repr(value), "values": plain(value), "shape": []})
        line["matches_unrolled"] = bool(
            np.allclose(value, unrolled[name], rtol=MATCH_RTOL, atol=MATCH_ATOL, equal_nan=True)
        )
        lines.append(line)
    return {
        "activation": c.activation,
        "hidden": [_entry(raw) for raw in u["hidden"]],
        "output": [_entry(raw) for raw in u["output"]],
        "Z1": _matrix(Z1),
        "A1": _matrix(A1),
        "Z2": _matrix(Z2),
        "A2": _matrix(A2),
        "J": _scalar(J),
        "matrix": lines,
    }


# ---------------------------------------------------------------- 3. backward: the model's own lines


def _source_name(func):
    return f"backprop/{os.path.basename(inspect.getsourcefile(func))}: {func.__qualname__}"


def _parsed(func):
    source = textwrap.dedent(inspect.getsource(func))
    return source, ast.parse(source)


def _assignment(source, tree, target):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == target for t in node.targets):
            return ast.get_source_segment(source, node)
    raise LookupError(f"no assignment to {target} in the model's source")


def _backward_lines(notebook_mode):
    """The lines of network.backward assigning each gradient; dZ1's from the notebook_mode branch or the other."""
    source, tree = _parsed(backward)
    lines = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "notebook_mode":
            branch = node.body if notebook_mode else node.orelse
            lines["dZ1"] = ast.get_source_segment(source, branch[0])
    for name in ("dW1", "db1", "dA1", "dW0", "db0"):
        lines[name] = _assignment(source, tree, name)
    return lines


def _g_prime_line(activation):
    """The lambda that is ACTIVATIONS[activation].g_prime, as written in network.py."""
    g_prime = ACTIVATIONS[activation].g_prime
    source = inspect.getsource(network)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Lambda) and node.lineno == g_prime.__code__.co_firstlineno:
            return ast.get_source_segment(source, node)
    raise LookupError(f"no g_prime for {activation} in the model's source")


def code_lines(cost, activation, notebook_mode):
    """{gradient name: [{"code", "source"}, ...]}: the model's own source lines that compute it."""
    cached = _code_lines(cost, activation, notebook_mode)
    return {name: [dict(line) for line in lines] for name, lines in cached.items()}


@functools.cache  # the model's source does not change while the worker runs
def _code_lines(cost, activation, notebook_mode):
    output_gradients = COSTS[cost].output_gradients
    out_source, out_tree = _parsed(output_gradients)
    lines = _backward_lines(notebook_mode)
    where = _source_name(backward)
    result = {
        name: [{"code": _assignment(out_source, out_tree, name), "source": _source_name(output_gradients)}]
        for name in ("dA2", "dZ2")
    }
    for name in ("dW1", "db1", "dA1", "dZ1", "dW0", "db0"):
        result[name] = [{"code": lines[name], "source": where}]
    result["dZ1"].append(
        {"code": _g_prime_line(activation), "source": f"backprop/network.py: ACTIVATIONS[{activation!r}].g_prime"}
    )
    return result


# ---------------------------------------------------------------- 3. backward: formulas as MathML

MATHML_NS = "http://www.w3.org/1998/Math/MathML"


def _esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mi(x):
    return f"<mi>{_esc(x)}</mi>"


def mo(x):
    return f"<mo>{_esc(x)}</mo>"


def mn(x):
    return f"<mn>{_esc(x)}</mn>"


def row(*parts):
    return "<mrow>" + "".join(parts) + "</mrow>"


def frac(top, bottom):
    return f"<mfrac>{top}{bottom}</mfrac>"


def sup(base, exponent):
    return f"<msup>{base}{exponent}</msup>"


def paren(*parts):
    return row(mo("("), *parts, mo(")"))


def transposed(name):
    return sup(mi(name), mi("T"))


def call(function, *argument):
    return row(mi(function), mo("\u2061"), paren(*argument))  # U+2061: function application


def column_sum(name):
    return row("<munder>" + mo("∑") + mi("j") + "</munder>", f"<msub>{mi(name)}{row(mo(':'), mo(','), mi('j'))}</msub>")


def mathml(*parts):
    return f'<math xmlns="{MATHML_NS}" display="block">' + "".join(parts) + "</math>"


ODOT, DOT, MINUS, EQ = mo("⊙"), mo("⋅"), mo("−"), mo("=")


def one_minus(*x):
    return paren(mn("1"), MINUS, *x)


def _g_prime_math(activation, at):
    """g′ written out at `at` ("Z1", or "A1" for the notebook's slip), A1 = g(Z1) at hand."""
    if at == "Z1":
        return {
            "tanh": ([one_minus(sup(mi("A1"), mn("2")))], "(1 − A1²)"),
            "sigmoid": ([mi("A1"), ODOT, one_minus(mi("A1"))], "A1 ⊙ (1 − A1)"),
            "relu": ([row(mo("["), mi("Z1"), mo(">"), mn("0"), mo("]"))], "[Z1 > 0]"),
        }[activation]
    return {
        "tanh": ([one_minus(sup(call("tanh", mi("A1")), mn("2")))], "(1 − tanh(A1)²)"),
        "sigmoid": ([call("σ", mi("A1")), ODOT, one_minus(call("σ", mi("A1")))], "σ(A1) ⊙ (1 − σ(A1))"),
        "relu": ([row(mo("["), mi("A1"), mo(">"), mn("0"), mo("]"))], "[A1 > 0]"),
    }[activation]


def formulas(cost, activation, notebook_mode):
    """{gradient name: (MathML, plain text)}: the chain rule for each gradient of this network."""
    f = {}
    a2_minus_y = row(mi("A2"), MINUS, mi("Y"))
    if cost == "half_mse":
        f["dA2"] = ([frac(a2_minus_y, mi("m"))], "dA2 = (A2 − Y) / m")
        f["dZ2"] = (
            [mi("dA2"), ODOT, call("σ′", mi("Z2")), EQ, mi("dA2"), ODOT, mi("A2"), ODOT, one_minus(mi("A2"))],
            "dZ2 = dA2 ⊙ σ′(Z2) = dA2 ⊙ A2 ⊙ (1 − A2)",
        )
    else:
        f["dA2"] = (
            [frac(a2_minus_y, row(mi("m"), mo("\u2062"), mi("A2"), ODOT, one_minus(mi("A2"))))],
            "dA2 = (A2 − Y) / (A2 ⊙ (1 − A2)) / m",
        )
        f["dZ2"] = (
            [mi("dA2"), ODOT, mi("A2"), ODOT, one_minus(mi("A2")), EQ, frac(a2_minus_y, mi("m"))],
            "dZ2 = dA2 ⊙ A2 ⊙ (1 − A2) = (A2 − Y) / m",
        )
    f["dW1"] = ([mi("dZ2"), DOT, transposed("A1")], "dW1 = dZ2 · A1ᵀ")
    f["db1"] = ([column_sum("dZ2")], "db1 = Σⱼ dZ2[:, j]")
    f["dA1"] = ([transposed("W1"), DOT, mi("dZ2")], "dA1 = W1ᵀ · dZ2")
    at = "A1" if notebook_mode else "Z1"
    g_math, g_text = _g_prime_math(activation, at)
    f["dZ1"] = (
        [mi("dA1"), ODOT, call("g′", mi(at)), EQ, mi("dA1"), ODOT, *g_math],
        f"dZ1 = dA1 ⊙ g′({at}) = dA1 ⊙ {g_text}",
    )
    f["dW0"] = ([mi("dZ1"), DOT, transposed("A0")], "dW0 = dZ1 · A0ᵀ")
    f["db0"] = ([column_sum("dZ1")], "db0 = Σⱼ dZ1[:, j]")
    return {name: (mathml(mi(name), EQ, *parts), text) for name, (parts, text) in f.items()}


# ---------------------------------------------------------------- 3. backward: the check

THROUGH_RELU = ("Z1", "W0", "b0")  # gradients whose numeric derivative moves a hidden sum Z1
SLIPPED = ("Z1", "W0", "b0")  # gradients the notebook's slip changes


def verdict(error):
    if not math.isfinite(error):
        return "undefined"
    return "right" if error <= RIGHT else ("suspicious" if error <= SUSPICIOUS else "wrong")


def _verdict_text(name, error, band, kink, kink_units, slip):
    d = "d" + name
    if band == "undefined":
        return (
            f"The relative error of {d} is not a number: the network's values are no longer finite "
            "(it has diverged), so backprop and the numeric derivative cannot be compared."
        )
    e = f"{error:.1e}"
    if band == "right":
        return (
            f"Relative error {e}, at most 1e-7: backprop's {d} agrees with the numeric derivative. "
            "This gradient is right."
        )
    if band == "suspicious":
        text = (
            f"Relative error {e}, above 1e-7 but at most 1e-4: suspicious. A correct backprop can give this "
            f"where gradients all but vanish; look closer before trusting {d}."
        )
    else:
        text = f"Relative error {e}, above 1e-4: backprop's {d} disagrees with the numeric derivative. It is wrong."
    if kink:
        text += (
            f" But {', '.join(kink_units)} lies within h = {H!r} of relu's kink at 0, where relu has no "
            "derivative: the central difference straddles the kink, so the error may be the kink's, "
            "not backprop's."
        )
    if slip and band == "wrong":
        text += " This is the notebook's slip in dZ1, which dW0 and db0 inherit (see the note)."
    return text


def notebook_note(activation):
    if activation == "tanh":
        return (
            "The notebook computes dZ1 = dA1 * (1 - tanh(A1)**2). The chain rule needs tanh′ at Z1: "
            "tanh′(Z1) = 1 - tanh(Z1)**2, and since A1 = tanh(Z1) that is 1 - A1**2. Taking tanh of A1 "
            "applies tanh twice, so dZ1 comes out slightly wrong, and dW0 and db0, computed from dZ1, "
            "with it. The gradient check catches it: cell 30's numeric db0 ends in -0.00059, cell 31's "
            "analytic db0 in -0.00058. The network still learns, because the direction is nearly right."
        )
    if activation == "sigmoid":
        return (
            "Notebook mode repeats the notebook's 1 - tanh(A1)**2 slip with the activation in use: it "
            "evaluates g′ at A1 instead of Z1, σ(A1)(1 - σ(A1)) where the chain rule says "
            "σ(Z1)(1 - σ(Z1)) = A1(1 - A1). dZ1, and dW0 and db0 computed from it, come out wrong."
        )
    return (
        "Notebook mode repeats the notebook's 1 - tanh(A1)**2 slip, evaluating g′ at A1 instead of Z1. "
        "For relu that does no harm: A1 = max(Z1, 0) is above 0 exactly when Z1 is."
    )


def _backward(run, grads, numeric):
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
            "analytic": _matrix(grads[d]),
        }
        if numeric:
            params = {key: np.array(value) for key, value in run.params.items()}
            num = numeric_gradient(name, params, A0, run.Y, c.activation, c.cost, h=H)
            error = relative_error(grads[d], num)
            band = verdict(error)
            kink = bool(kink_units) and name in THROUGH_RELU
            entry.update(
                {
                    "numeric": _matrix(num),
                    "h": H,
                    "h_text": repr(H),
                    "relative_error": plain(error),
                    "relative_error_text": repr(error),
                    "verdict": band,
                    "kink": kink,
                    "verdict_text": _verdict_text(name, error, band, kink, kink_units, slip and name in SLIPPED),
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
    name, params, Y, activation="tanh", cost="half_mse", delta=NOTEBOOK_DELTA, decimals=NOTEBOOK_DECIMALS
):
    """dJ/d(name) as cells 16-30 compute it: np.round((J(x + delta) - J(x)) / delta, 5), element by element,
    with J taken from x on through the model's from_A2 ... from_A0 chain (backprop.gradcheck, cell 14)."""
    W0, b0, W1, b1 = (np.array(params[key], dtype=float) for key in ("W0", "b0", "W1", "b1"))
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
    for index, _ in np.ndenumerate(x):
        x_ = np.copy(x)
        x_[index] += delta
        d[index] = np.round((cost_of(x_) - cost_of(x)) / delta, decimals)
    return d


def _notebook_check(run, grads, numeric):
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
            "analytic": _matrix(printed),
        }
        if numeric:
            d = forward_difference(name, run.params, run.Y, c.activation, c.cost)
            entry["numeric"] = _matrix(d)
            entry["agree"] = entry["numeric"]["text"] == entry["analytic"]["text"]
        entries.append(entry)
    return {
        "delta": NOTEBOOK_DELTA,
        "delta_text": repr(NOTEBOOK_DELTA),
        "decimals": NOTEBOOK_DECIMALS,
        "note": (
            "The notebook's own check: a forward difference with delta = 1e-9, rounded to 5 decimals, "
            "then the analytic formula, rounded the same way. Five decimals can hide a small error: at "
            "the notebook's settings, in notebook mode only db0's print shows the slip."
        ),
        "gradients": entries,
    }


# ---------------------------------------------------------------- 5. one step of gradient descent


@functools.cache
def _update_lines():
    """The lines of Run.train that update the parameters, verbatim: its augmented assignments to local
    names (grad *= learning rate, theta -= grad), not to attributes such as self.step."""
    source, tree = _parsed(train.Run.train)
    return tuple(
        ast.get_source_segment(source, node)
        for node in ast.walk(tree)
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name)
    )


def _step(run, grads):
    c = run.config
    lr = c.learning_rate
    after = {}
    params = []
    for name in PARAM_NAMES:
        before = np.array(run.params[name])
        gradient = np.array(grads["d" + name])
        update = gradient * lr  # as Run.train: grad *= learning_rate; theta -= grad
        after[name] = before - update
        params.append(
            {
                "name": name,
                "formula_text": f"{name} ← {name} − learning_rate · d{name}",
                "before": _matrix(before),
                "gradient": _matrix(gradient),
                "update": _matrix(update),
                "after": _matrix(after[name]),
            }
        )
    J_after = forward(after, A0, run.Y, c.activation, c.cost)["J"]
    return {
        "learning_rate": plain(lr),
        "learning_rate_text": repr(lr),
        "code": list(_update_lines()),
        "params": params,
        "J_before": _scalar(run.cost),
        "J_after": _scalar(J_after),
        "J_change": _scalar(J_after - run.cost),
    }


# ---------------------------------------------------------------- 6. the training log (cells 34-36)


@functools.lru_cache(maxsize=16)  # a fresh run's log depends on the settings alone: kept while they stay
def _log(config):
    fresh = Run(config)
    lines = [{"step": 0, "J": plain(fresh.cost), "text": _repr(fresh.cost)}]
    for target in range(LOG_EVERY, LOG_STEPS, LOG_EVERY):
        fresh.train(target - fresh.step)
        if fresh.step != target:  # diverged: training stopped
            break
        lines.append({"step": target, "J": plain(fresh.cost), "text": _repr(fresh.cost)})
    # The notebook's A2 is that of its last forward pass, before update 999.
    fresh.train(LOG_STEPS - 1 - fresh.step)
    A2 = np.round(np.asarray(fresh.A2).squeeze(), 3)
    Y = np.rint(fresh.Y).astype(int).reshape(-1)
    return {
        "learning_rate": plain(config.learning_rate),
        "learning_rate_text": repr(config.learning_rate),
        "steps": LOG_STEPS,
        "every": LOG_EVERY,
        "lines": lines,
        "predictions": {
            "step": fresh.step,
            "code": 'print("A2 =", np.round(nn.A2.squeeze(), 3))',
            "text": np.array2string(A2),
            "values": _nested(A2),
            "Y_text": np.array2string(Y),
        },
        "status": fresh.status,
        "reason": fresh.reason,
    }


# ---------------------------------------------------------------- all of it


def notebook(run, numeric=True, log=True):
    """The notebook's sections for this run, as one JSON-able dict (see the module's docstring).

    numeric=False leaves out the numeric derivatives (the costly part with the log); log=False leaves
    out the training log (1000 steps of a fresh run). The run is not changed.
    """
    with np.errstate(all="ignore"):
        grads = run.gradients()
        result = {
            "sections": ["setup", "forward", "backward", "notebook_check", "step"] + (["log"] if log else []),
            "run": {
                "step": run.step,
                "status": run.status,
                "reason": run.reason,
                "cost": plain(run.cost),
                "cost_text": _repr(run.cost),
                "config": run.config.to_dict(),
            },
            "setup": _setup(run),
            "forward": _forward(run),
            "backward": _backward(run, grads, numeric),
            "notebook_check": _notebook_check(run, grads, numeric),
            "step": _step(run, grads),
        }
        if log:
            result["log"] = _log(run.config)
    return result
