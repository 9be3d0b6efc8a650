"""Exercise: the forward pass and the cost (the notebook's cells 4-13)."""

from shared.i18n import N_

ID = "forward"
TITLE = N_("Write the forward pass")

STATEMENT = (
    N_(
        "The network takes the four examples as the columns of `A0` (shape (2, 4)) and gives a prediction "
        "`A2` for each (shape (1, 4)). Write `forward(A0, W0, b0, W1, b1)` so that it returns `Z1, A1, Z2, A2`, "
        "and `cost(A2, Y)` so that it returns the cost `J`."
    ),
    N_(
        "The hidden layer is a linear layer followed by tanh: `Z1 = W0 · A0 + b0`, `A1 = tanh(Z1)`. The output "
        "layer is a linear layer followed by the sigmoid: `Z2 = W1 · A1 + b1`, `A2 = sigmoid(Z2)`, where "
        "sigmoid(z) = 1 / (1 + e^(-z)). Write the sigmoid yourself; NumPy has np.tanh."
    ),
    N_(
        "The cost is half the mean squared error over the m = 4 examples: `J = 1/2 · mean((A2 - Y)²)`. "
        "Your `cost` is checked on the model's own A2, so a slip in `forward` does not hide a right cost."
    ),
    N_(
        "Your code is checked on the network on screen and on a few others (other seeds, 1 to 4 hidden units, "
        "one network half-way through training)."
    ),
)

FUNCTIONS = ("forward", "cost")

STARTER = """import numpy as np


def forward(A0, W0, b0, W1, b1):
    Z1 = None  # TODO: the hidden layer's weighted sums, shape (n_h, 4)
    A1 = None  # TODO: tanh of Z1
    Z2 = None  # TODO: the output's weighted sums, shape (1, 4)
    A2 = None  # TODO: the sigmoid of Z2
    return Z1, A1, Z2, A2


def cost(A2, Y):
    J = None  # TODO: half the mean squared error
    return J
"""

SOLUTION = """import numpy as np


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def forward(A0, W0, b0, W1, b1):
    Z1 = np.dot(W0, A0) + b0
    A1 = np.tanh(Z1)
    Z2 = np.dot(W1, A1) + b1
    A2 = sigmoid(Z2)
    return Z1, A1, Z2, A2


def cost(A2, Y):
    J = 1/2 * np.mean((A2 - Y)**2)
    return J
"""

CHECKED = ("Z1", "A1", "Z2", "A2", "J")

FORMULAS = {
    "Z1": "Z1 = W0 · A0 + b0",
    "A1": "A1 = tanh(Z1)",
    "Z2": "Z2 = W1 · A1 + b1",
    "A2": "A2 = sigmoid(Z2) = 1 / (1 + exp(-Z2))",
    "J": "J = 1/2 · mean((A2 - Y)²)",
}

HINTS = {
    "Z1": (
        N_("Each hidden unit takes a weighted sum of the two inputs of an example, plus its bias."),
        N_(
            "W0 has one row per hidden unit and A0 one column per example, so a matrix product gives every "
            "unit's sum for every example at once: np.dot(W0, A0) has shape (n_h, 4)."
        ),
        N_("Add b0 (shape (n_h, 1)): NumPy broadcasts it along the 4 columns."),
    ),
    "A1": (
        N_("The hidden layer's activation is tanh, applied to every element."),
        N_("NumPy's element-wise tanh is np.tanh."),
        N_("Apply np.tanh to Z1 (not to A0)."),
    ),
    "Z2": (
        N_("The output layer is built like the hidden one, with W1, b1 and the hidden activations as input."),
        N_("Its input is A1, not A0: np.dot(W1, A1) has shape (1, 4)."),
        N_("Add b1 to np.dot(W1, A1)."),
    ),
    "A2": (
        N_("The output's activation is the sigmoid, which squashes any number into (0, 1)."),
        N_("sigmoid(z) = 1 / (1 + e^(-z)); np.exp works element by element."),
        N_("Compute 1 / (1 + np.exp(-Z2))."),
    ),
    "J": (
        N_("The cost averages the squared error over the four examples, then halves it."),
        N_("(A2 - Y)**2 gives the squared error of each example; np.mean averages them."),
        N_("Multiply np.mean((A2 - Y)**2) by 1/2."),
    ),
}
