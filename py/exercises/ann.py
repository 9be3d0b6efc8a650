"""Exercise: the notebook's ANN class (cells 33-36): initialisation with the seed, forward, backward, update, a
training loop that prints J every 100 steps, and predict."""

from shared.i18n import N_

ID = "ann"
TITLE = N_("Write the ANN class and train it")

STATEMENT = (
    N_("The notebook gathers everything into one class, `ANN`, and trains it. Write `ANN` with these methods:"),
    N_(
        "`__init__(self, n, n_h, seed=2)`: `np.random.seed(seed)`, then W0 = randn(n_h, n) · 0.1, b0 = 0.1 "
        "(shape (n_h, 1)), W1 = randn(1, n_h) · 0.1, b1 = 0.1 (shape (1, 1)), drawn in that order, as the notebook's "
        "cell 33. `forward(self, A0, Y)` keeps Z1, A1, Z2, A2 and the cost J on self; `backward(self, A0, Y)` keeps "
        "dW0, db0, dW1, db1; `update(self, learning_rate)` takes one gradient-descent step."
    ),
    N_(
        "`fit(self, A0, Y, learning_rate, steps)` repeats forward, backward and update, and prints J every 100 steps "
        "(at steps 0, 100, 200, ...: J before that step's update), as the notebook's cell 35. `predict(self, A0)` "
        "returns the network's outputs A2 for the inputs A0."
    ),
    N_(
        "A0 has shape (2, 4) and Y shape (1, 4), so m = Y.shape[1]. Your class is trained for 1000 steps on the "
        "network on screen's n_h and seed and on a few others; its printed log, trained parameters and predictions "
        "are compared with the model's for the same settings."
    ),
)

FUNCTIONS = ("ANN",)

STARTER = """import numpy as np


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


class ANN:
    def __init__(self, n, n_h, seed=2):
        np.random.seed(seed)
        self.W0 = None  # TODO: randn(n_h, n) * 0.1
        self.b0 = None  # TODO
        self.W1 = None  # TODO
        self.b1 = None  # TODO

    def forward(self, A0, Y):
        pass  # TODO: self.Z1, self.A1, self.Z2, self.A2 and self.J

    def backward(self, A0, Y):
        pass  # TODO: self.dW0, self.db0, self.dW1, self.db1

    def update(self, learning_rate):
        pass  # TODO

    def fit(self, A0, Y, learning_rate, steps):
        pass  # TODO: forward, print J every 100 steps, backward, update

    def predict(self, A0):
        return None  # TODO: A2 for the inputs A0
"""

SOLUTION = """import numpy as np


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


class ANN:
    def __init__(self, n, n_h, seed=2):
        np.random.seed(seed)
        self.W0 = np.random.randn(n_h, n) * 0.1
        self.b0 = np.full((n_h, 1), 0.1)
        self.W1 = np.random.randn(1, n_h) * 0.1
        self.b1 = np.full((1, 1), 0.1)

    def forward(self, A0, Y):
        self.Z1 = np.dot(self.W0, A0) + self.b0
        self.A1 = np.tanh(self.Z1)
        self.Z2 = np.dot(self.W1, self.A1) + self.b1
        self.A2 = sigmoid(self.Z2)
        self.J = 1/2 * np.mean((self.A2 - Y)**2)

    def backward(self, A0, Y):
        m = Y.shape[1]
        dA2 = (self.A2 - Y) / m
        dZ2 = dA2 * self.A2 * (1 - self.A2)
        dA1 = np.dot(self.W1.T, dZ2)
        dZ1 = dA1 * (1 - self.A1**2)
        self.dW1 = np.dot(dZ2, self.A1.T)
        self.db1 = np.sum(dZ2, axis=1, keepdims=True)
        self.dW0 = np.dot(dZ1, A0.T)
        self.db0 = np.sum(dZ1, axis=1, keepdims=True)

    def update(self, learning_rate):
        self.W0 = self.W0 - learning_rate * self.dW0
        self.b0 = self.b0 - learning_rate * self.db0
        self.W1 = self.W1 - learning_rate * self.dW1
        self.b1 = self.b1 - learning_rate * self.db1

    def fit(self, A0, Y, learning_rate, steps):
        for i in range(steps):
            self.forward(A0, Y)
            if i % 100 == 0:
                print(self.J)
            self.backward(A0, Y)
            self.update(learning_rate)

    def predict(self, A0):
        A1 = np.tanh(np.dot(self.W0, A0) + self.b0)
        return sigmoid(np.dot(self.W1, A1) + self.b1)
"""

CHECKED = ("log", "W0", "b0", "W1", "b1", "predict")
LINES = {"log": "fit", "W0": "backward", "b0": "backward", "W1": "backward", "b1": "backward"}

FORMULAS = {
    "log": "J at steps 0, 100, ..., 900, printed before each of those steps' update",
    "W0": "W0 after 1000 steps of W0 ← W0 - learning_rate · dW0",
    "b0": "b0 after 1000 steps of b0 ← b0 - learning_rate · db0",
    "W1": "W1 after 1000 steps of W1 ← W1 - learning_rate · dW1",
    "b1": "b1 after 1000 steps of b1 ← b1 - learning_rate · db1",
    "predict": "predict(A0) = sigmoid(W1 · tanh(W0 · A0 + b0) + b1) with the trained parameters",
}

_TRAINED = (
    N_("The trained parameters follow from every method: if the log is wrong too, fix forward and backward first."),
    N_("backward is the usual culprit: tanh's derivative is 1 - A1**2 (A1 is already tanh(Z1)), and m = Y.shape[1]."),
    N_("Compare your backward, line by line, with the backward pass exercise's solution, written with self."),
)
HINTS = {
    "log": (
        N_("The log is J of the network at steps 0, 100, ...: print it after forward and before the update."),
        N_(
            "Step 0's J depends only on __init__ and forward: if it is wrong, check the seed and the order of the "
            "draws (W0 first, then W1)."
        ),
        N_("In fit: for i in range(steps): forward; if i % 100 == 0: print(self.J); backward; update."),
    ),
    "W0": _TRAINED,
    "b0": _TRAINED,
    "W1": _TRAINED,
    "b1": _TRAINED,
    "predict": (
        N_("predict is the forward pass with the trained parameters, on the inputs it is given."),
        N_("It needs no Y and no cost: only the two layers."),
        N_("Return sigmoid(np.dot(self.W1, np.tanh(np.dot(self.W0, A0) + self.b0)) + self.b1)."),
    ),
}
