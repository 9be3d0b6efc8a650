"""The data of the network on screen as Python source, for the exported script and notebook (worker/share/script.py,
ipynb.py): the truth table as the seed notebook writes it, or a generated set's or the student's points written in
as literals, each number exact, so that the script stands alone.
"""

import math

import numpy as np

from backprop import truth_table
from shared.i18n import _, ngettext

PER_LINE = 20  # classes a line of Y


def number(x):
    """x as Python source: CPython's repr, exact; np.nan / np.inf for what is not finite."""
    x = float(x)
    if math.isfinite(x):
        return repr(x)
    return "np.nan" if math.isnan(x) else ("np.inf" if x > 0 else "-np.inf")


def learning(config, data):
    """What the network learns, for a title: XOR, a spiral of 200 points, your 25 points."""
    if config.data == "table":
        return config.table
    n = data.m + data.test_m
    # Translators: what a network learns, in the exported files' titles ("a 2-2-1 network learning a spiral of 200
    # points").
    words = {
        "circle": ngettext("a circle of {n} point", "a circle of {n} points", n),
        "xor_cloud": ngettext("an XOR cloud of {n} point", "an XOR cloud of {n} points", n),
        "gaussians": ngettext("two gaussians of {n} point", "two gaussians of {n} points", n),
        "spiral": ngettext("a spiral of {n} point", "a spiral of {n} points", n),
        "points": ngettext("your {n} point", "your {n} points", n),
    }
    return words[config.data].format(n=n)


def data_counts(data):
    """The training and test points in words: "100 training points and 100 test points"."""
    train = ngettext("{n} training point", "{n} training points", data.m).format(n=data.m)
    if not data.test_m:
        return train
    test = ngettext("{n} test point", "{n} test points", data.test_m).format(n=data.test_m)
    # Translators: {train} is "100 training points", {test} "20 test points".
    return _("{train} and {test}").format(train=train, test=test)


def points_array(A0):
    """The points (the columns of A0) as source: np.array([[x1, x2], ...]).T, a point a line, each number exact.
    The transpose gives A0 the memory layout backprop.Data gives it (column-major), so that NumPy sums dW0's
    products in the same order as the page's model and the costs agree to the last bit."""
    rows = [f"    [{number(x1)}, {number(x2)}]," for x1, x2 in np.asarray(A0, dtype=float).T.tolist()]
    return "np.array([\n" + "\n".join(rows) + "\n]).T"


def classes(values):
    """The classes as np.array([1, 0, ...]) source, PER_LINE a line when they are many."""
    ys = [str(int(y)) for y in np.asarray(values).reshape(-1).tolist()]
    if len(ys) <= PER_LINE:
        return "np.array([" + ", ".join(ys) + "])"
    lines = [", ".join(ys[k : k + PER_LINE]) for k in range(0, len(ys), PER_LINE)]
    return "np.array([\n    " + ",\n    ".join(lines) + ",\n])"


def data_lines(config, data=None):
    """A0 and Y as the notebook writes them (its cell 3) for the run's truth table; for other data (its Data given),
    the training points written in."""
    if config.data == "table" or data is None:
        Y = [int(y) for y in truth_table(config.table).reshape(-1)]
        return [
            "A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]])  # " + _("Inputs: the four examples are the columns."),
            f"Y = np.array({Y})  # " + _("Outputs: the {table} function.").format(table=config.table),
        ]
    return [
        "# "
        + ngettext(
            "Inputs: the {m} training point, a point (x1, x2) a line; A0 has it as its column (.T).",
            "Inputs: the {m} training points, a point (x1, x2) a line; A0 has them as its columns (.T).",
            data.m,
        ).format(m=data.m)
        + f"\nA0 = {points_array(data.A0)}",
        f"Y = {classes(data.Y)}  # " + _("Outputs: each training point's class."),
    ]


def test_data_lines(data):
    """A0_test and Y_test, the test points written in ([] when there are none)."""
    if data is None or not data.test_m:
        return []
    return [
        "\n# "
        + ngettext(
            "The {n} test point, which training never uses: J on it shows how the network generalises.",
            "The {n} test points, which training never uses: J on them shows how the network generalises.",
            data.test_m,
        ).format(n=data.test_m)
        + f"\nA0_test = {points_array(data.A0_test)}",
        f"Y_test = {classes(data.Y_test)}",
    ]
