"""Exercise: one step of gradient descent on W0, b0, W1, b1 (the notebook's training loop, cell 35)."""

ID = "update"
TITLE = "Write one gradient-descent update"

STATEMENT = (
    "Backpropagation gives the gradient of the cost with respect to every parameter: `dW0, db0, dW1, db1`, "
    "each of the shape of its parameter. Gradient descent moves every parameter a small step against its "
    "gradient, the step's size set by the learning rate.",
    "Write `update(W0, b0, W1, b1, dW0, db0, dW1, db1, learning_rate)`: it returns the four parameters after "
    "one step, `W0, b0, W1, b1`, in that order.",
    "The gradients here are the true ones, dJ/dW0 and so on. The notebook's loop adds instead "
    "(`nn.W1 += nn.dW1 * learning_rate`) because its gradients are the negatives, from dA2 = (Y - A2) / m.",
    "Your function is checked with the model's gradients on the network on screen and a few others, each with "
    "its own learning rate.",
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
    name: (
        f"The gradient d{name} points where the cost rises fastest: step the other way.",
        f"The step is the learning rate times d{name}, for every entry of {name} at once.",
        f"Subtract learning_rate * d{name} from {name} (with its own gradient, d{name}).",
    )
    for name in CHECKED
}
