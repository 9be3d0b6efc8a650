"""The network on screen as a standalone Python script: the seed notebook's code (helpers, forward pass,
backpropagation, training loop) with the run's settings and current parameters written in.

It needs only Python 3 and NumPy, prints J every 100 steps as the notebook's training loop does, and
reproduces backprop.Run's costs: the same operations in the same order (W -= learning_rate * dW where
the notebook adds the negative gradient, which is the same step). With one example per step (batch "one" or
"shuffled") each step's backward pass takes the step's example alone (its columns of Z1, A1, Z2, A2, A0 and Y,
m = 1), chosen as backprop.step_examples chooses it. The pieces are shared with the exported notebook
(worker/share/ipynb.py).

A generated data set or the student's own points are written in as literals (A0 and Y for the training points,
A0_test and Y_test for the test points, each number exact), so the script stands alone; with test points the loop
also prints J on them, and the end says how many points of each are right.
"""

import numpy as np

from backprop import PARAM_NAMES
from shared.i18n import N_, _
from worker.share.file_names import file_name
from worker.share.script_data import data_counts, data_lines, learning, number, test_data_lines

COMMENTS = {  # the seed notebook's comments on the parameters' lines
    "W0": N_("Weights between input and hidden layers."),
    "b0": N_("Biases between input and hidden layer."),
    "W1": N_("Weights between hidden and output layers."),
    "b1": N_("Biases between hidden and output layers."),
}


ONE_EXAMPLE = {
    "one": N_("One example per step, in order: step k's gradient is example k % {m}'s alone (J is over all {all})."),
    "shuffled": N_(
        "One example per step, shuffled: each pass over the {all} examples in an order drawn from the seed; "
        "a step's gradient is its example's alone (J is over all {all})."
    ),
}


def matrix(values, indent=""):
    """np.array([[...], ...]) on one line when it is short, else a row a line (4 numbers a line in a long row)."""
    rows = [[number(x) for x in row] for row in np.asarray(values, dtype=float).tolist()]
    one_line = "np.array([" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "])"
    if len(one_line) <= 80:
        return one_line
    lines = []
    for row in rows:
        chunks = [", ".join(row[k : k + 4]) for k in range(0, len(row), 4)]
        lines.append(f"{indent}    [" + f",\n{indent}     ".join(chunks) + "],")
    return "np.array([\n" + "\n".join(lines) + f"\n{indent}])"


def settings_text(config):
    c = config
    if c.data == "table":
        data = f"table={c.table}"
    elif c.data == "points":
        data = "data=points"
    else:
        data = (
            f"data={c.data}, data_seed={c.data_seed}, data_size={c.data_size}, noise={c.noise}, "
            f"train_percent={c.train_percent}"
        )
    return (
        f"n_h={c.n_h}, activation={c.activation}, cost={c.cost}, learning_rate={c.learning_rate!r}, "
        f"seed={c.seed}, {data}, notebook_mode={str(c.notebook_mode).lower()}, batch={c.batch}"
    )


def one_example_text(config, data):
    m = data.m
    # Translators: the truth table's number of examples in words, in "J is over all four".
    every = _("four") if config.data == "table" else m
    return _(ONE_EXAMPLE[config.batch]).format(m=m, all=every)


def helpers(config):
    """The notebook's helper functions (its cell 2) for these settings."""
    out = ["# " + _("This is helper functions."), ""]
    if config.activation == "tanh":
        out += [
            "def tanh(Z):",
            "    '''" + _("Activation function in the hidden layer.") + "'''",
            "    return np.tanh(Z)",
            "",
            "",
        ]
    if config.activation == "relu":
        out += [
            "def relu(Z):",
            "    '''" + _("Activation function in the hidden layer: Z where it is positive, else 0.") + "'''",
            "    return np.maximum(Z, 0)",
            "",
            "",
        ]
    if config.activation == "sigmoid":
        where = _("Activation function in the hidden and output layers.")
    else:
        where = _("Activation function in the output layer.")
    out += [
        "def sigmoid(Z):",
        "    '''" + where + "'''",
        "    return 1 / (1 + np.exp(-Z))",
        "",
        "",
    ]
    if config.cost == "half_mse":
        out += [
            "def cost(A, Y):",
            "    '''" + _("A mean squared error based cost.") + "'''",
            "    return 1/2 * np.mean((A - Y)**2)",
            "",
            "",
        ]
    else:
        out += [
            "def cost(Z2, Y):",
            "    '''"
            + _(
                "Binary cross-entropy, the mean of -(Y*log(A2) + (1-Y)*log(1-A2)) with A2 = sigmoid(Z2),\n"
                "    written as log(1 + exp(Z2)) - Y*Z2 so that a saturated output gives no log(0)."
            )
            + "'''",
            "    return np.mean(np.logaddexp(0, Z2) - Y * Z2)",
            "",
            "",
        ]
    out += [
        "def linear(W, A, b):",
        "    '''" + _("One linear fully connected layer.") + "'''",
        "    return np.dot(W, A) + b",
    ]
    return "\n".join(out)


def size_lines(config):
    return [
        "n = len(A0)  # " + _("Number of features."),
        "m = len(Y)  # " + _("Number of training examples."),
        f"n_h = {config.n_h}  # " + _("Number of hidden perceptrons."),
        "n_o = 1  # " + _("Number of output perceptrons."),
    ]


def parameter_lines(run):
    """W0, b0, W1, b1 at the run's step, written in exactly."""
    return [f"{name} = {matrix(run.params[name])}  # " + _(COMMENTS[name]) for name in PARAM_NAMES]


def hidden(config, Z):
    return f"{config.activation}({Z})"


def output_cost(config):
    return "cost(A2, Y)" if config.cost == "half_mse" else "cost(Z2, Y)"


def forward_function(config):
    return "\n".join(
        [
            "def forward(W0, b0, W1, b1):",
            "    '''" + _("The forward pass: Z1, A1, Z2, A2 and the cost J.") + "'''",
            "    Z1 = linear(W0, A0, b0)",
            f"    A1 = {hidden(config, 'Z1')}",
            "    Z2 = linear(W1, A1, b1)",
            "    A2 = sigmoid(Z2)",
            f"    J = {output_cost(config)}",
            "    return Z1, A1, Z2, A2, J",
        ]
    )


def test_cost_function(config):
    """J on the test points (A0_test, Y_test) for given parameters, the forward pass's operations."""
    return "\n".join(
        [
            "def test_cost(W0, b0, W1, b1):",
            "    '''" + _("J on the test points, which training never uses.") + "'''",
            f"    A1 = {hidden(config, 'linear(W0, A0_test, b0)')}",
            "    Z2 = linear(W1, A1, b1)",
            "    A2 = sigmoid(Z2)",
            f"    return {output_cost(config).replace('Y)', 'Y_test)')}",
        ]
    )


def output_gradient_lines(config):
    """dA2 and dZ2 (the gradient of J with respect to A2 and Z2)."""
    if config.cost == "half_mse":
        return ["dA2 = (A2 - Y) / m", "dZ2 = dA2 * sigmoid(Z2) * (1 - sigmoid(Z2))"]
    return [
        "dA2 = (A2 - Y) / (A2 * (1 - A2)) / m",
        "dZ2 = (A2 - Y) / m  # " + _("= {formula}, simplified").format(formula="dA2 * sigmoid(Z2) * (1 - sigmoid(Z2))"),
    ]


def hidden_gradient_line(config):
    """dZ1 = dA1 * the activation's derivative, with the notebook's slip in notebook mode."""
    if config.notebook_mode:
        derivative = {"tanh": "(1 - tanh(A1)**2)", "sigmoid": "(sigmoid(A1) * (1 - sigmoid(A1)))", "relu": "(A1 > 0)"}[
            config.activation
        ]
        why = "  # " + _("The notebook's slip: the derivative taken at A1 instead of Z1.")
    else:
        derivative, why = {
            "tanh": ("(1 - A1**2)", "  # tanh'(Z1) = 1 - tanh(Z1)**2 = 1 - A1**2"),
            "sigmoid": ("(A1 * (1 - A1))", "  # sigmoid'(Z1) = A1 * (1 - A1)"),
            "relu": ("(Z1 > 0)", "  # " + _("relu'(Z1) is 1 where Z1 > 0, else 0")),
        }[config.activation]
    return f"dZ1 = dA1 * {derivative}{why}"


def backward_function(config):
    lines = output_gradient_lines(config)
    if config.cost == "cross_entropy":
        lines = lines[1:]  # dA2 is not needed, and is not finite once an output saturates
    if config.batch != "full":
        lines = ["m = len(Y)  # " + _("the examples this step's gradient takes: one")] + lines
    lines += [
        "dW1 = np.dot(dZ2, A1.T)",
        "db1 = np.sum(dZ2, axis=1, keepdims=True)",
        "dA1 = np.dot(W1.T, dZ2)",
        hidden_gradient_line(config),
        "dW0 = np.dot(dZ1, A0.T)",
        "db0 = np.sum(dZ1, axis=1, keepdims=True)",
        "return dW0, db0, dW1, db1",
    ]
    if config.batch == "full":
        head = [
            "def backward(W1, Z1, A1, Z2, A2):",
            "    '''" + _("Backpropagation: the gradient of J with respect to each parameter.") + "'''",
        ]
    else:
        head = [
            "def backward(W1, Z1, A1, Z2, A2, A0, Y):",
            "    '''"
            + _(
                "Backpropagation on the examples given (the columns of Z1, A1, Z2, A2 and A0, the entries of Y):\n"
                "    the gradient of their cost with respect to each parameter."
            )
            + "'''",
        ]
    return "\n".join(head + ["    " + line for line in lines])


def example_function(config):
    """The function that picks each step's example, for one example per step (backprop.step_examples)."""
    if config.batch == "one":
        return "\n".join(
            [
                "def example(step):",
                "    '''"
                + _("The example (column of A0) whose gradient step `step` takes: 0, 1, 2, 3, 0, ... in order.")
                + "'''",
                "    return step % m",
            ]
        )
    return "\n".join(
        [
            "def example(step):",
            "    '''"
            + _(
                "The example (column of A0) whose gradient step `step` takes: each pass p over the m examples\n"
                "    (steps p*m to p*m + m - 1) in the order np.random.RandomState([seed, p]).permutation(m)."
            )
            + "'''",
            f"    return np.random.RandomState([{config.seed}, step // m]).permutation(m)[step % m]",
        ]
    )


def training_loop(step, steps="STEPS", config=None, data=None):
    """The notebook's training loop (its cell 35), from the run's step, then the final J and predictions; with one
    example per step (config.batch "one" or "shuffled"), each step's backward pass on the step's example. For data
    other than a truth table (its Data given), J on the test points beside J when there are any, and at the end the
    points right instead of the predictions."""
    if config is None or config.batch == "full":
        head = [
            "# " + _("Train for {steps} steps, printing J every 100 steps, as the notebook does.").format(steps=steps)
        ]
        gradient = ["    dW0, db0, dW1, db1 = backward(W1, Z1, A1, Z2, A2)"]
    else:
        head = [
            "# "
            # Translators: two comment lines of the exported script: keep the "# " that begins the second line.
            + _(
                "Train for {steps} steps, printing J every 100 steps, as the notebook does. J is over all the\n"
                "# examples; each step's gradient is its one example's (j = example(step), as a list to keep 2-D "
                "arrays)."
            ).format(steps=steps)
        ]
        gradient = [
            f"    j = [example({step} + i)]",
            "    dW0, db0, dW1, db1 = backward(W1, Z1[:, j], A1[:, j], Z2[:, j], A2[:, j], A0[:, j], Y[j])",
        ]
    tests = data is not None and data.test_m > 0
    log = '        print(J, "test J:", test_cost(W0, b0, W1, b1))' if tests else "        print(J)"
    if data is None or (config is not None and config.data == "table"):
        end = ['print("A2 =", np.round(A2.squeeze(), 3))', 'print("Y =", Y)']
    else:
        end = [
            'print(f"Train: {right(A2, Y)} of {m} right.")',
        ]
        if tests:
            end = (
                ['print(f"test J={test_cost(W0, b0, W1, b1)}")']
                + end
                + [
                    f"A2_test = sigmoid(linear(W1, {hidden(config, 'linear(W0, A0_test, b0)')}, b1))",
                    'print(f"Test: {right(A2_test, Y_test)} of {len(Y_test)} right.")',
                ]
            )
    return "\n".join(
        head
        + [
            f"for i in range({steps}):",
            "    Z1, A1, Z2, A2, J = forward(W0, b0, W1, b1)",
            "    if i % 100 == 0:",
            log,
        ]
        + gradient
        + [
            "    W1 -= learning_rate * dW1",
            "    b1 -= learning_rate * db1",
            "    W0 -= learning_rate * dW0",
            "    b0 -= learning_rate * db0",
            "",
            "Z1, A1, Z2, A2, J = forward(W0, b0, W1, b1)",
            f'print(f"J={{J}} after {{{steps}}} steps (step {{{step} + {steps}}} on the page)")',
        ]
        + end
    )


def right_function():
    """The function that counts the points right, for data other than a truth table."""
    return (
        "def right(A2, Y):\n    '''"
        + _("How many points the network puts on their class's side of 0.5 (A2 above 0.5 for class 1, below for 0).")
        + "'''\n    return int(np.sum(np.where(Y > 0.5, A2 > 0.5, A2 < 0.5)))"
    )


def script(run):
    """The .py text for the run (see the module's docstring)."""
    c, data = run.config, run.data
    name = file_name(c, run.step, "py")
    values = {"n_h": c.n_h, "learning": learning(c, data), "step": run.step}
    header = [
        '"""' + _("Backprop Lab: a 2-{n_h}-1 network learning {learning}, exported at step {step}.").format(**values),
        "",
        _("Settings: {settings}.").format(settings=settings_text(c)),
        _(
            "The code is the seed notebook's (helpers, forward pass, backpropagation, training loop) with these\n"
            "settings and the page's parameters at step {step} written in. Run it with Python 3 and NumPy:"
        ).format(**values),
        "",
        f"    python {name}          # " + _("trains 1000 steps"),
        f"    python {name} 5000     # " + _("another number of steps"),
        "",
    ]
    if c.data == "table":
        header.append(
            _(
                "It prints J every 100 steps (J before the update of that step, as the notebook's loop does), then J\n"
                "after the last step and the predictions A2."
            )
        )
    else:
        header.append(
            _(
                "It prints J every 100 steps (J before the update of that step, as the notebook's loop does), then J\n"
                "after the last step and how many points the network gets right."
            )
        )
        header += [
            "",
            _("The data: {counts}, written in below (A0 and Y train the network).").format(counts=data_counts(data)),
        ]
        if data.test_m:
            header += [_("J on the test points (A0_test, Y_test), which training never uses, is printed beside J.")]
    if c.notebook_mode:
        header += ["", _("Notebook mode: the hidden layer's derivative is the notebook's, taken at A1 instead of Z1.")]
    if c.batch != "full":
        header += ["", one_example_text(c, data)]
    if run.status == "diverged":
        # Translators: {reason} is the model's words for why the run diverged.
        header += ["", _("This run had diverged on the page: {reason}.").format(reason=run.reason)]
    header += ['"""']
    parts = [
        "\n".join(header),
        "import sys\n\nimport numpy as np",
        helpers(c),
        "\n".join(
            ["# " + _("The data, the sizes and the parameters."), ""]
            + data_lines(c, data)
            + test_data_lines(data)
            + [""]
            + size_lines(c)
            + [""]
            + parameter_lines(run)
            + [
                "",
                f"learning_rate = {c.learning_rate!r}",
                "STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000  # "
                + _("python this_file.py 5000: 5000 steps"),
            ]
        ),
        forward_function(c),
    ]
    if data.test_m:
        parts.append(test_cost_function(c))
    parts.append(backward_function(c))
    if c.batch != "full":
        parts.append(example_function(c))
    if c.data != "table":
        parts.append(right_function())
    parts.append(training_loop(run.step, config=c, data=data))
    return parts[0] + "\n\n" + "\n\n\n".join(parts[1:]) + "\n"
