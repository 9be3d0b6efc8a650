"""Exercise: the numeric gradient (the notebook's cells 16-31 check every derivative by perturbing one entry at a
time), written once for any parameter, with central differences and a chosen step h."""

from shared.i18n import N_

ID = "numeric"
TITLE = N_("Write the numeric gradient")

STATEMENT = (
    N_(
        "The notebook checks each derivative by its definition: it nudges one entry of an array by a small `delta`, "
        "computes the cost again and divides the change by delta (its cells 16 to 31). Write that check once, for any "
        "parameter."
    ),
    N_(
        "Write `numeric_gradient(f, P, h)`: f(P) is the cost J as a function of a parameter P (an array, such as W0), "
        "everything else held fixed. Return an array of the shape of P whose every entry is the central difference "
        "`(f(P with that entry + h) - f(P with that entry - h)) / (2h)`. Change one entry at a time and put it back "
        "before the next."
    ),
    N_(
        "Also set `h`, the step you would choose. Your function is checked with h = 1e-5 against the model's "
        "backpropagation for W0, b0, W1 and b1 of the network on screen and a few others; your h is checked by the "
        "relative error the model's central differences reach with it."
    ),
)

FUNCTIONS = ("numeric_gradient",)

STARTER = """import numpy as np

h = None  # TODO: the step you choose


def numeric_gradient(f, P, h):
    d = np.zeros(P.shape)
    for index in np.ndindex(P.shape):
        pass  # TODO: change P[index] by +h and -h, compute f(P) each time, put P[index] back
    return None  # TODO: return d
"""

SOLUTION = """import numpy as np

h = 1e-5


def numeric_gradient(f, P, h):
    d = np.zeros(P.shape)
    for index in np.ndindex(P.shape):
        saved = P[index]
        P[index] = saved + h
        J_plus = f(P)
        P[index] = saved - h
        J_minus = f(P)
        P[index] = saved
        d[index] = (J_plus - J_minus) / (2 * h)
    return d
"""

CHECKED = ("dW0", "db0", "dW1", "db1", "h")
LINES = {"dW0": "numeric_gradient", "db0": "numeric_gradient", "dW1": "numeric_gradient", "db1": "numeric_gradient"}

_CENTRAL = "d[i] = (f(P + h·e_i) - f(P - h·e_i)) / (2h), one entry i at a time"
FORMULAS = {
    "dW0": _CENTRAL + ", with P = W0",
    "db0": _CENTRAL + ", with P = b0",
    "dW1": _CENTRAL + ", with P = W1",
    "db1": _CENTRAL + ", with P = b1",
    "h": "h small enough that the h² error is tiny, large enough that J(P + h) - J(P - h) keeps its digits",
}

_HINTS = (
    N_(
        "Go through every entry of P (np.ndindex(P.shape) gives each index), and compute the cost with that entry "
        "a little larger and a little smaller."
    ),
    N_(
        "Keep the entry's value, set P[index] = saved + h, call f(P); set P[index] = saved - h, call f(P); then put "
        "saved back, or every later entry is computed on a changed P."
    ),
    N_("d[index] = (J_plus - J_minus) / (2 * h): the two points are 2h apart. Return d."),
)
HINTS = {
    "dW0": _HINTS,
    "db0": _HINTS,
    "dW1": _HINTS,
    "db1": _HINTS,
    "h": (
        N_("A central difference is off by about h² (times the third derivative): a large h is inaccurate."),
        N_(
            "A tiny h loses digits: J(P + h) and J(P - h) agree in nearly all of their 16 digits, and the "
            "difference keeps only the rest. The notebook's delta = 1e-9 is already too small here."
        ),
        N_("Somewhere between 1e-7 and 1e-4; 1e-5 is the usual choice."),
    ),
}
