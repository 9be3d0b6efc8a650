"""Exercise: the cost J and its derivative dA2, for the notebook's half mean squared error (cell 2) and for
cross-entropy."""

from shared.i18n import N_

ID = "cost"
TITLE = N_("Write the cost and its derivative")

STATEMENT = (
    N_(
        "The cost says how far the predictions `A2` (shape (1, 4), one per example) are from the targets `Y` "
        "(shape (1, 4)). Backpropagation starts from its derivative with respect to A2, `dA2`, which has the shape of "
        "A2."
    ),
    N_(
        "The notebook's cost is half the mean squared error over the m = 4 examples: "
        "`J = 1/2 · mean((A2 - Y)²)`. Write `half_mse(A2, Y)`, returning J, and `half_mse_dA2(A2, Y)`, returning "
        "dJ/dA2."
    ),
    N_(
        "Cross-entropy is the cost usually paired with a sigmoid output: "
        "`J = -mean(Y · log(A2) + (1 - Y) · log(1 - A2))`. Write `cross_entropy(A2, Y)` and `cross_entropy_dA2(A2, Y)`."
    ),
    N_(
        "m is the number of examples, `Y.shape[1]` (`len(Y)` is 1: Y has one row). Each function is checked on the "
        "predictions of the network on screen and of a few others, one of them half-way through training."
    ),
)

FUNCTIONS = ("half_mse", "half_mse_dA2", "cross_entropy", "cross_entropy_dA2")

STARTER = """import numpy as np


def half_mse(A2, Y):
    J = None  # TODO: half the mean squared error
    return J


def half_mse_dA2(A2, Y):
    m = Y.shape[1]  # the number of examples
    dA2 = None  # TODO: dJ/dA2, the shape of A2
    return dA2


def cross_entropy(A2, Y):
    J = None  # TODO: minus the mean of Y log(A2) + (1 - Y) log(1 - A2)
    return J


def cross_entropy_dA2(A2, Y):
    m = Y.shape[1]
    dA2 = None  # TODO
    return dA2
"""

SOLUTION = """import numpy as np


def half_mse(A2, Y):
    J = 1/2 * np.mean((A2 - Y)**2)
    return J


def half_mse_dA2(A2, Y):
    m = Y.shape[1]
    dA2 = (A2 - Y) / m
    return dA2


def cross_entropy(A2, Y):
    J = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
    return J


def cross_entropy_dA2(A2, Y):
    m = Y.shape[1]
    dA2 = (A2 - Y) / (A2 * (1 - A2)) / m
    return dA2
"""

CHECKED = FUNCTIONS

FORMULAS = {
    "half_mse": "J = 1/2 · mean((A2 - Y)²)",
    "half_mse_dA2": "dA2 = (A2 - Y) / m",
    "cross_entropy": "J = -mean(Y · log(A2) + (1 - Y) · log(1 - A2))",
    "cross_entropy_dA2": "dA2 = (-Y / A2 + (1 - Y) / (1 - A2)) / m = (A2 - Y) / (A2 · (1 - A2)) / m",
}

HINTS = {
    "half_mse": (
        N_("Square each example's error, average over the examples, then halve."),
        N_("(A2 - Y)**2 is the squared error of each example; np.mean averages, np.sum would add them up."),
        N_("Multiply np.mean((A2 - Y)**2) by 1/2."),
    ),
    "half_mse_dA2": (
        N_("Differentiate 1/2 · (1/m) · Σ (A2[j] - Y[j])² with respect to one A2[j]."),
        N_("The square's 2 cancels the 1/2; the factor 1/m of the mean stays, and the sign is that of A2 - Y."),
        N_("Divide A2 - Y by m = Y.shape[1]."),
    ),
    "cross_entropy": (
        N_("Each example adds -log of the probability the network gave to the right answer."),
        N_(
            "With Y = 1 that is -log(A2), with Y = 0 it is -log(1 - A2): Y · log(A2) + (1 - Y) · log(1 - A2) picks one."
        ),
        N_("Take minus np.mean of Y * np.log(A2) + (1 - Y) * np.log(1 - A2)."),
    ),
    "cross_entropy_dA2": (
        N_("Differentiate -(1/m) · (Y · log(A2) + (1 - Y) · log(1 - A2)) with respect to one A2[j]."),
        N_("The derivative of log(a) is 1/a, and of log(1 - a) it is -1/(1 - a); the mean leaves 1/m."),
        N_("(-Y / A2 + (1 - Y) / (1 - A2)) / m, which simplifies to (A2 - Y) / (A2 * (1 - A2)) / m."),
    ),
}
