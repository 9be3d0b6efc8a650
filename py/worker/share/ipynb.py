"""The network on screen as a Jupyter notebook (.ipynb, nbformat 4.5): the seed notebook's sections for
the run's settings and current parameters, without outputs.

Setup, the forward pass unrolled for one example and in matrix form, backpropagation with a gradient
check for every derivative (backprop's formula against central differences), and the training loop,
which prints the same costs as the exported script (worker/share/script.py, whose pieces it shares). A generated
data set or the student's own points are written in (A0, Y and the test points A0_test, Y_test), as in the script.
"""

import json

from backprop import GRADIENT_NAMES
from shared.i18n import _, ngettext
from worker.share.script import (
    backward_function,
    example_function,
    forward_function,
    helpers,
    hidden,
    hidden_gradient_line,
    output_cost,
    output_gradient_lines,
    parameter_lines,
    right_function,
    settings_text,
    size_lines,
    test_cost_function,
    training_loop,
)
from worker.share.script_data import data_counts, data_lines, learning, test_data_lines

H = 1e-5  # the central differences' step, as the Notebook tab's checks use


def _source(text):
    lines = text.strip("\n").split("\n")
    return [line + "\n" for line in lines[:-1]] + lines[-1:]


def _markdown(text):
    return {"cell_type": "markdown", "metadata": {}, "source": _source(text)}


def _code(text):
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": _source(text)}


def _terms(products, constant):
    """A sum of products, 4 terms a line in parentheses when it is long."""
    terms = products + [constant]
    if len(terms) <= 4:
        return " + ".join(terms)
    lines = [" + ".join(terms[k : k + 4]) for k in range(0, len(terms), 4)]
    return "(" + "\n           + ".join(lines) + ")"


def _intro(run):
    c = run.config
    values = {"n_h": c.n_h, "learning": learning(c, run.data), "step": run.step, "settings": settings_text(c)}
    text = (
        "# "
        + _("Backprop Lab: a 2-{n_h}-1 network learning {learning}").format(**values)
        + "\n\n"
        + _("Exported from Backprop Lab at step {step}. Settings: {settings}.").format(**values)
        + "\n\n"
        + _(
            "The seed notebook's sections (setup, forward pass, backpropagation with gradient checks, training) "
            "with these settings and the page's parameters at step {step} written in. "
            "Run all the cells from the top (Run → Run All Cells); the last one trains the network "
            "and prints J every 100 steps, as the seed notebook does."
        ).format(**values)
    )
    if c.data != "table":
        text += "\n\n" + _("The data: {counts}, written in (A0 and Y train the network).").format(
            counts=data_counts(run.data)
        )
        if run.data.test_m:
            text += " " + _("J on the test points (A0_test, Y_test), which training never uses, is printed beside J.")
    if c.notebook_mode:
        text += "\n\n" + _(
            "**Notebook mode**: the hidden layer's derivative is the seed notebook's, taken at A1 instead "
            "of Z1; the gradient checks below show it wrong for dZ1, dW0 and db0."
        )
    if run.status == "diverged":
        # Translators: {reason} is the model's words for why the run diverged.
        text += "\n\n" + _("This run had diverged on the page: {reason}.").format(reason=run.reason)
    return text


def _setup(run):
    c = run.config
    data = data_lines(c, run.data)
    tests = test_data_lines(run.data)
    sizes = size_lines(c)
    params = parameter_lines(run)
    return "\n".join(
        [
            data[0],
            'print("A0 is:")',
            "print(A0)",
            "",
            data[1],
            """print("Y is:", Y, '\\n')""",
            "",
        ]
        + [line for text in tests for line in [text.strip("\n"), ""]]
        + [
            sizes[0],
            sizes[1],
            'print(f"n={n}", f"m={m}")',
            "",
            sizes[2],
            'print(f"n_h={n_h}")',
            "",
            sizes[3],
            """print(f"n_o={n_o}", '\\n')""",
            "",
            params[0],
            'print("W0 is:")',
            "print(W0)",
            "",
            params[1],
            'print("b0 is:")',
            """print(b0, '\\n')""",
            "",
            params[2],
            'print("W1 is:", W1)',
            "",
            params[3],
            """print("b1 is:", b1, '\\n')""",
            "",
            f"learning_rate = {c.learning_rate!r}",
            'print(f"learning_rate={learning_rate}")',
            "",
            "Z1 = np.zeros((n_h, m))",
            "A1 = np.zeros((n_h, m))",
            "Z2 = np.zeros((n_o, m))",
            "A2 = np.zeros((n_o, m))",
        ]
    )


def _forward_cells(config, data):
    n_h = config.n_h
    z1 = [f"Z1[{i},0] = W0[{i},0] * A0[0,0] + W0[{i},1] * A0[1,0] + b0[{i},0]" for i in range(n_h)]
    z2 = _terms([f"W1[0,{i}] * A1[{i},0]" for i in range(n_h)], "b1[0,0]")
    return [
        _markdown("## " + _("Forward pass (unrolled)") + "\n---"),
        _code(
            "\n".join(
                [
                    "# "
                    + ngettext(
                        "Z1 for the {n} hidden perceptron on a first example:",
                        "Z1 for the {n} hidden perceptrons on a first example:",
                        n_h,
                    ).format(n=n_h)
                ]
                + z1
                + [f"print(Z1[{i},0])" for i in range(n_h)]
            )
        ),
        _code(
            "# " + _("Z1 on the other examples, the same way:") + "\n"
            "for j in range(1, m):\n"
            "    for i in range(n_h):\n"
            "        Z1[i,j] = W0[i,0] * A0[0,j] + W0[i,1] * A0[1,j] + b0[i,0]\n"
            'print("Z1 is:")\nprint(Z1)'
        ),
        _code("# " + _("This also can be done via matrix multiplication:") + "\nprint(np.dot(W0, A0) + b0)"),
        _code(
            "# "
            + _("The hidden layer's activation function is {activation}.").format(activation=config.activation)
            + "\n"
            f"A1 = {hidden(config, 'Z1')}\n"
            'print("A1 is:")\nprint(A1)'
        ),
        _code(
            "# "
            + _("Z2 on a first example for a first (and only) output perceptron.")
            + f"\nZ2[0,0] = {z2}\nprint(Z2[0,0])"
        ),
        _code(
            "# " + _("Z2 on the other examples:") + "\n"
            "for j in range(1, m):\n"
            "    Z2[0,j] = sum(W1[0,i] * A1[i,j] for i in range(n_h)) + b1[0,0]\n"
            'print("Z2 is:", Z2)\n\n'
            + "# "
            + _("As in the previous layer it can be calculated via matrix multiplication:")
            + "\n"
            "print(np.dot(W1, A1) + b1)"
        ),
        _code("# " + _("Output activation function is a sigmoid.") + '\nA2 = sigmoid(Z2)\nprint("A2 is:", A2)'),
        _code(f"J = {output_cost(config)}\n" + 'print(f"J={J}")'),
        _markdown("## " + _("Forward pass (compressed)") + "\n---"),
        _code(forward_function(config) + "\n\n\nZ1, A1, Z2, A2, J = forward(W0, b0, W1, b1)\n" + 'print(f"J={J}")'),
    ] + (
        [_code(test_cost_function(config) + '\n\n\nprint(f"test J={test_cost(W0, b0, W1, b1)}")')]
        if data.test_m
        else []
    )


def _chain(config):
    """The notebook's cell 14: the cost as a function of each intermediate, everything upstream held fixed."""
    if config.cost == "half_mse":
        from_a2 = ["def from_A2(A2, Y):", "    return cost(A2, Y)"]
        from_z2 = ["def from_Z2(Z2, Y):", "    A2 = sigmoid(Z2)", "    return from_A2(A2, Y)"]
    else:
        from_a2 = ["def from_A2(A2, Y):", "    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))"]
        from_z2 = ["def from_Z2(Z2, Y):", "    return cost(Z2, Y)"]
    return "\n".join(
        ["# " + _("Let's divide our model by each step."), ""]
        + from_a2
        + ["", ""]
        + from_z2
        + [
            "",
            "",
            "def from_A1(W1, A1, b1, Y):",
            "    Z2 = linear(W1, A1, b1)",
            "    return from_Z2(Z2, Y)",
            "",
            "",
            "def from_Z1(Z1, W1, b1, Y):",
            f"    A1 = {hidden(config, 'Z1')}",
            "    return from_A1(W1, A1, b1, Y)",
            "",
            "",
            "def from_A0(A0, W0, b0, W1, b1, Y):",
            "    Z1 = linear(W0, A0, b0)",
            "    return from_Z1(Z1, W1, b1, Y)",
            "",
            "",
            "# " + _("Check that we have the same cost:"),
            'print(f"J={from_A0(A0, W0, b0, W1, b1, Y)}")',
        ]
    )


def check_helpers():
    """The gradient checks' two helpers (numeric and check), their docstrings in the page's language."""
    numeric_doc = _("dJ/dX by central differences, (f(X + h) - f(X - h)) / 2h, one element of X at a time.")
    check_doc = _("Backprop's gradient against the numeric one: the relative error ||a - n|| / (||a|| + ||n||).")
    return f'''def numeric(f, X, h={H!r}):
    """{numeric_doc}"""
    d = np.zeros(X.shape)
    h = np.broadcast_to(h, X.shape)
    for index, _ in np.ndenumerate(X):
        X_plus, X_minus = np.array(X, dtype=float), np.array(X, dtype=float)
        X_plus[index] += h[index]
        X_minus[index] -= h[index]
        d[index] = (f(X_plus) - f(X_minus)) / (2 * h[index])
    return d


def check(name, analytic, numeric):
    """{check_doc}"""
    error = np.linalg.norm(analytic - numeric) / max(np.linalg.norm(analytic) + np.linalg.norm(numeric), 1e-300)
    verdict = "right" if error <= 1e-7 else "suspicious" if error <= 1e-4 else "wrong"
    print(name, "by backprop:")
    print(np.round(analytic, 5))
    print(name, "by central differences:")
    print(np.round(numeric, 5))
    print(f"relative error {{error:.1e}}: {{verdict}}")'''


WITH_RESPECT_TO = {  # J as a function of each name alone (the chain above)
    "A2": "lambda A2_: from_A2(A2_, Y)",
    "Z2": "lambda Z2_: from_Z2(Z2_, Y)",
    "W1": "lambda W1_: from_A1(W1_, A1, b1, Y)",
    "b1": "lambda b1_: from_A1(W1, A1, b1_, Y)",
    "A1": "lambda A1_: from_A1(W1, A1_, b1, Y)",
    "Z1": "lambda Z1_: from_Z1(Z1_, W1, b1, Y)",
    "W0": "lambda W0_: from_A0(A0, W0_, b0, W1, b1, Y)",
    "b0": "lambda b0_: from_A0(A0, W0, b0_, W1, b1, Y)",
}


def _formulas(config):
    dA2, dZ2 = output_gradient_lines(config)
    return {
        "A2": dA2,
        "Z2": dZ2,
        "W1": "dW1 = np.dot(dZ2, A1.T)",
        "b1": "db1 = np.sum(dZ2, axis=1, keepdims=True)",
        "A1": "dA1 = np.dot(W1.T, dZ2)",
        "Z1": hidden_gradient_line(config),
        "W0": "dW0 = np.dot(dZ1, A0.T)",
        "b0": "db0 = np.sum(dZ1, axis=1, keepdims=True)",
    }


def _gradient_cells(config):
    formulas = _formulas(config)
    cells = [
        _markdown(
            "## "
            + _("Backpropagation and gradient checks")
            + "\n---\n"
            + _(
                "Each derivative of J by backprop's formula (the chain rule), checked against central "
                "differences with h = {h}: the relative error is right up to 1e-7, suspicious up to 1e-4, "
                "wrong above. Where the gradients all but vanish, or a ReLU input sits within h of 0, a large "
                "relative error says little about backprop."
            ).format(h=f"{H:g}")
        ),
        _code(_chain(config)),
        _code(check_helpers()),
    ]
    for name in GRADIENT_NAMES:
        step = comment = ""
        if name == "A2" and config.cost == "cross_entropy":
            step = ", h=np.minimum(1e-5, 1e-4 * np.minimum(A2, 1 - A2))"
            comment = "  # " + _("log(A2) and log(1 - A2): each step stays inside (0, 1)")
        cells.append(
            _code(
                "# " + _("How J changes with each element of {name}.").format(name=name) + "\n" + f"{formulas[name]}\n"
                f'check("d{name}", d{name}, numeric({WITH_RESPECT_TO[name]}, {name}{step})){comment}'
            )
        )
    return cells


def notebook(run):
    """The .ipynb JSON text for the run (see the module's docstring)."""
    c = run.config
    cells = [
        _markdown(_intro(run)),
        _code("import numpy as np"),
        _code(helpers(c)),
        _markdown(
            "## "
            + _("Initialization")
            + "\n---\n"
            + _(
                "The inputs A0 (the examples are the columns), the targets Y, the sizes, and the parameters at "
                "step {step}. At step 0 they are the notebook's initialisation with seed {seed}: after "
                "{seed_code}, {W0_code}, then {W1_code}; every bias is 0.1."
            ).format(
                step=run.step,
                seed=c.seed,
                seed_code=f"`np.random.seed({c.seed})`",
                W0_code="`W0 = np.random.randn(n_h, n) * 0.1`",
                W1_code="`W1 = np.random.randn(n_o, n_h) * 0.1`",
            )
        ),
        _code(_setup(run)),
        *_forward_cells(c, run.data),
        *_gradient_cells(c),
        _markdown("## " + _("Backpropagation (compressed)") + "\n---"),
        _code(backward_function(c) + ("\n\n\n" + example_function(c) if c.batch != "full" else "")),
        _markdown(
            "## "
            + _("Training: gradient descent")
            + "\n---\n"
            + _(
                "From step {step}, the cost J every 100 steps (before that step's update), then J after the "
                "last step and the predictions."
            ).format(step=run.step)
        ),
        _code(
            ("" if c.data == "table" else right_function() + "\n\n\n")
            + "STEPS = 1000\n\n"
            + training_loop(run.step, config=c, data=run.data)
        ),
    ]
    for k, cell in enumerate(cells, start=1):
        cell["id"] = f"cell-{k}"
    nb = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
