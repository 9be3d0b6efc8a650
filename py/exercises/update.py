"""Exercise: one step of gradient descent on W0, b0, W1, b1 (the notebook's training loop, cell 35)."""

from shared.i18n import N_

ID = "update"
TITLE = N_("Write one gradient-descent update")

STATEMENT = (
    N_(
        "Backpropagation gives the gradient of the cost with respect to every parameter: `dW0, db0, dW1, db1`, "
        "each of the shape of its parameter. Gradient descent moves every parameter a small step against its "
        "gradient, the step's size set by the learning rate."
    ),
    N_(
        "Write `update(W0, b0, W1, b1, dW0, db0, dW1, db1, learning_rate)`: it returns the four parameters after "
        "one step, `W0, b0, W1, b1`, in that order."
    ),
    N_(
        "The gradients here are the true ones, dJ/dW0 and so on. The notebook's loop adds instead "
        "(`nn.W1 += nn.dW1 * learning_rate`) because its gradients are the negatives, from dA2 = (Y - A2) / m."
    ),
    N_(
        "Your function is checked with the model's gradients on the network on screen and a few others, each with "
        "its own learning rate."
    ),
)

FUNCTIONS = ("update",)

STARTER = """import numpy as np


def update(W0, b0, W1, b1, dW0, db0, dW1, db1, learning_rate):
    W0 = None  # TODO: a step against dW0
    b0 = None  # TODO
    W1 = None  # TODO
    b1 = None  # TODO
    return W0, b0, W1, b1
"""

SOLUTION = """import numpy as np


def update(W0, b0, W1, b1, dW0, db0, dW1, db1, learning_rate):
    W0 = W0 - learning_rate * dW0
    b0 = b0 - learning_rate * db0
    W1 = W1 - learning_rate * dW1
    b1 = b1 - learning_rate * db1
    return W0, b0, W1, b1
"""

CHECKED = ("W0", "b0", "W1", "b1")

FORMULAS = {name: f"{name} ← {name} - learning_rate · d{name}" for name in CHECKED}

HINTS = {
    "W0": (
        N_("The gradient dW0 points where the cost rises fastest: step the other way."),
        N_("The step is the learning rate times dW0, for every entry of W0 at once."),
        N_("Subtract learning_rate * dW0 from W0 (with its own gradient, dW0)."),
    ),
    "b0": (
        N_("The gradient db0 points where the cost rises fastest: step the other way."),
        N_("The step is the learning rate times db0, for every entry of b0 at once."),
        N_("Subtract learning_rate * db0 from b0 (with its own gradient, db0)."),
    ),
    "W1": (
        N_("The gradient dW1 points where the cost rises fastest: step the other way."),
        N_("The step is the learning rate times dW1, for every entry of W1 at once."),
        N_("Subtract learning_rate * dW1 from W1 (with its own gradient, dW1)."),
    ),
    "b1": (
        N_("The gradient db1 points where the cost rises fastest: step the other way."),
        N_("The step is the learning rate times db1, for every entry of b1 at once."),
        N_("Subtract learning_rate * db1 from b1 (with its own gradient, db1)."),
    ),
}
