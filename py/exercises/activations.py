"""Exercise: the activations and their derivatives (the notebook's cell 2, and the derivatives its backward pass
uses), written from the outputs where the notebook has them at hand."""

from shared.i18n import N_

ID = "activations"
TITLE = N_("Write the activations and their derivatives")

STATEMENT = (
    N_(
        "The network's hidden layer applies tanh and its output the sigmoid, element by element. Write "
        "`sigmoid(Z)`, `tanh(Z)` and `relu(Z)` (ReLU, another hidden activation), each returning an array "
        "of the shape of Z."
    ),
    N_(
        "Backpropagation needs their derivatives. The forward pass has already computed the outputs, so the "
        "derivatives of the sigmoid and of tanh are written from the output A instead of from Z: "
        "`sigmoid_prime_from_A(A)` gets A = sigmoid(Z) and `tanh_prime_from_A(A)` gets A = tanh(Z). "
        "ReLU's derivative is written from Z: `relu_prime(Z)` is 1 where Z > 0 and 0 elsewhere."
    ),
    N_("As the notebook does, `np.tanh` may be used for tanh. Write the sigmoid with `np.exp`."),
    N_(
        "Each function is checked on the values of the network on screen and of a few others, and on numbers "
        "as large as ±800, where e^800 overflows: your functions must still give the right answer there."
    ),
)

FUNCTIONS = ("sigmoid", "tanh", "relu", "sigmoid_prime_from_A", "tanh_prime_from_A", "relu_prime")

STARTER = """import numpy as np


def sigmoid(Z):
    return None  # TODO: 1 / (1 + e^(-z)), element by element


def tanh(Z):
    return None  # TODO


def relu(Z):
    return None  # TODO: z where z > 0, else 0


def sigmoid_prime_from_A(A):
    return None  # TODO: the sigmoid's derivative, from A = sigmoid(Z)


def tanh_prime_from_A(A):
    return None  # TODO: tanh's derivative, from A = tanh(Z)


def relu_prime(Z):
    return None  # TODO: 1 where z > 0, else 0
"""

SOLUTION = """import numpy as np


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def tanh(Z):
    return np.tanh(Z)


def relu(Z):
    return np.maximum(Z, 0)


def sigmoid_prime_from_A(A):
    return A * (1 - A)


def tanh_prime_from_A(A):
    return 1 - A**2


def relu_prime(Z):
    return (Z > 0) * 1.0
"""

CHECKED = FUNCTIONS

FORMULAS = {
    "sigmoid": "sigmoid(z) = 1 / (1 + e^(-z))",
    "tanh": "tanh(z) = (e^z - e^(-z)) / (e^z + e^(-z))",
    "relu": "relu(z) = max(z, 0), element by element",
    "sigmoid_prime_from_A": "sigmoid'(z) = sigmoid(z) · (1 - sigmoid(z)) = A · (1 - A)",
    "tanh_prime_from_A": "tanh'(z) = 1 - tanh(z)² = 1 - A²",
    "relu_prime": "relu'(z) = 1 where z > 0, else 0",
}

HINTS = {
    "sigmoid": (
        N_("The sigmoid squashes any number into (0, 1): large negative z gives nearly 0, large positive nearly 1."),
        N_("np.exp works element by element on an array; mind the minus sign in e^(-z)."),
        N_("Return 1 divided by (1 + np.exp(-Z)). For z = -800, np.exp(800) is inf and 1 / inf is 0: right."),
    ),
    "tanh": (
        N_("NumPy has tanh, element by element, as the notebook uses it."),
        N_("Written from exp, (e^z - e^(-z)) / (e^z + e^(-z)) overflows for large z (inf / inf is nan)."),
        N_("Return np.tanh(Z)."),
    ),
    "relu": (
        N_("ReLU keeps positive numbers and replaces negative ones by 0."),
        N_("np.max(Z, 0) is the largest value along axis 0, not an element-by-element maximum."),
        N_("Return np.maximum(Z, 0)."),
    ),
    "sigmoid_prime_from_A": (
        N_("The sigmoid's derivative is sigmoid(z) · (1 - sigmoid(z))."),
        N_("The argument is already A = sigmoid(Z): do not apply the sigmoid to it again."),
        N_("Return A times (1 - A)."),
    ),
    "tanh_prime_from_A": (
        N_("tanh's derivative is 1 - tanh(z)²."),
        N_("The argument is already A = tanh(Z): applying tanh again is the notebook's slip."),
        N_("Return 1 minus A squared."),
    ),
    "relu_prime": (
        N_("ReLU is z for z > 0 (slope 1) and 0 for z < 0 (slope 0)."),
        N_("Z > 0 gives an array of True and False; multiplied by 1.0 it becomes 1.0 and 0.0."),
        N_("Return (Z > 0) * 1.0."),
    ),
}
