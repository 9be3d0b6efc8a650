"""Exercise: backpropagation (the notebook's cells 14-32), every gradient of the half-MSE cost."""

from shared.i18n import N_

ID = "backward"
TITLE = N_("Write the backward pass")

STATEMENT = (
    N_(
        "Backpropagation gives the gradient of the cost `J = 1/2 · mean((A2 - Y)²)` with respect to every value "
        "of the network, from the output back to the first layer, by the chain rule."
    ),
    N_(
        "Write `backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2)`: it gets the inputs A0 (shape (2, 4), examples "
        "are columns), the targets Y (shape (1, 4)), the parameters and the forward pass's values, and returns a "
        "dict with the eight gradients `dA2, dZ2, dW1, db1, dA1, dZ1, dW0, db0`. Each gradient has the shape of "
        "what it is the gradient of: dW0 the shape of W0, db0 that of b0, dZ1 that of Z1."
    ),
    N_(
        "The hidden activation is tanh and the output activation the sigmoid. m = Y.shape[1] is the number of examples."
    ),
    N_(
        "Every gradient is checked against central differences (the numeric gradient) on the network on screen "
        "and on a few others. The notebook writes dA2 = (Y - A2) / m, the negative of the gradient, and adds it "
        "in its update; that convention is accepted too, as long as all your gradients follow it."
    ),
)

FUNCTIONS = ("backward",)

STARTER = """import numpy as np


def backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2):
    m = Y.shape[1]  # the number of examples
    dA2 = None  # TODO: dJ/dA2
    dZ2 = None  # TODO: through the sigmoid
    dW1 = None  # TODO
    db1 = None  # TODO
    dA1 = None  # TODO: back through W1
    dZ1 = None  # TODO: through tanh
    dW0 = None  # TODO
    db0 = None  # TODO
    return {"dA2": dA2, "dZ2": dZ2, "dW1": dW1, "db1": db1,
            "dA1": dA1, "dZ1": dZ1, "dW0": dW0, "db0": db0}
"""

SOLUTION = """import numpy as np


def backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2):
    m = Y.shape[1]
    dA2 = (A2 - Y) / m
    dZ2 = dA2 * A2 * (1 - A2)
    dW1 = np.dot(dZ2, A1.T)
    db1 = np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W1.T, dZ2)
    dZ1 = dA1 * (1 - A1**2)
    dW0 = np.dot(dZ1, A0.T)
    db0 = np.sum(dZ1, axis=1, keepdims=True)
    return {"dA2": dA2, "dZ2": dZ2, "dW1": dW1, "db1": db1,
            "dA1": dA1, "dZ1": dZ1, "dW0": dW0, "db0": db0}
"""

CHECKED = ("dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0")

FORMULAS = {
    "dA2": "dA2 = (A2 - Y) / m",
    "dZ2": "dZ2 = dA2 * A2 * (1 - A2)",
    "dW1": "dW1 = dZ2 · A1ᵀ",
    "db1": "db1 = sum of dZ2 over the examples (axis 1, keepdims)",
    "dA1": "dA1 = W1ᵀ · dZ2",
    "dZ1": "dZ1 = dA1 * (1 - A1²)",
    "dW0": "dW0 = dZ1 · A0ᵀ",
    "db0": "db0 = sum of dZ1 over the examples (axis 1, keepdims)",
}

HINTS = {
    "dA2": (
        N_("Differentiate J = 1/2 · mean((A2 - Y)²) with respect to one element of A2."),
        N_("The 1/2 cancels the square's 2, and the mean over the examples leaves a factor 1/m."),
        N_("dA2 is A2 - Y divided by the number of examples m."),
    ),
    "dZ2": (
        N_("A2 = sigmoid(Z2): the chain rule multiplies dA2 by the sigmoid's derivative."),
        N_("The sigmoid's derivative is sigmoid(Z2) · (1 - sigmoid(Z2)), and sigmoid(Z2) is A2."),
        N_("Multiply dA2 element by element by A2 * (1 - A2)."),
    ),
    "dW1": (
        N_("Z2 = W1 · A1 + b1, so W1[0, i] meets A1[i, j] in every example j."),
        N_("Sum dZ2[0, j] · A1[i, j] over the examples j: that is a matrix product with a transpose."),
        N_("np.dot(dZ2, A1.T) has the shape of W1, (1, n_h)."),
    ),
    "db1": (
        N_("b1 is added to every example's Z2, so its gradient collects dZ2 from every example."),
        N_("Sum dZ2 over the examples, which are the columns: axis=1."),
        N_("Keep the result a column, shape (1, 1), with keepdims=True."),
    ),
    "dA1": (
        N_("Each hidden activation A1[i, j] reaches Z2[0, j] through the weight W1[0, i]."),
        N_("Going backward through a matrix product means multiplying by the transposed matrix."),
        N_("np.dot(W1.T, dZ2) has the shape of A1, (n_h, 4)."),
    ),
    "dZ1": (
        N_("A1 = tanh(Z1): multiply dA1 by tanh's derivative, element by element."),
        N_("tanh'(z) = 1 - tanh(z)², and tanh(Z1) is already A1."),
        N_("Multiply dA1 by (1 - A1**2), not by 1 - tanh(A1)**2."),
    ),
    "dW0": (
        N_("Z1 = W0 · A0 + b0: dW0 is built from dZ1 and the layer's input, like dW1 from dZ2 and A1."),
        N_("The layer's input is A0; sum over the examples with a matrix product."),
        N_("np.dot(dZ1, A0.T) has the shape of W0, (n_h, 2)."),
    ),
    "db0": (
        N_("b0 is added to every example's Z1, so its gradient collects dZ1 from every example."),
        N_("Sum dZ1 over the examples (the columns), one sum per hidden unit."),
        N_("np.sum(dZ1, axis=1, keepdims=True) has the shape of b0, (n_h, 1)."),
    ),
}
