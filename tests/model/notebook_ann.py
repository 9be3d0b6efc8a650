"""The notebook's helpers (cell 2), ANN class (cell 33) and training loop (cell 35), written out again
as an independent oracle. One change: the class seeds its own RandomState instead of np.random.seed,
so other seeds can be replayed without touching NumPy's global state. Used by tests and by bench/."""

import numpy as np


def tanh(Z):
    return np.tanh(Z)


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def cost(A, Y):
    return 1 / 2 * np.mean((A - Y) ** 2)


def linear(W, A, b):
    return np.dot(W, A) + b


class ANN:
    def __init__(self, n, n_h, seed):
        self.n_o = 1
        rng = np.random.RandomState(seed)
        self.W0 = rng.randn(n_h, n) * 0.1
        self.b0 = np.full((n_h, 1), 0.1)
        self.W1 = rng.randn(self.n_o, n_h) * 0.1
        self.b1 = np.full((self.n_o, 1), 0.1)

    def forward(self, A0, Y):
        self.Z1 = linear(self.W0, A0, self.b0)
        self.A1 = tanh(self.Z1)
        self.Z2 = linear(self.W1, self.A1, self.b1)
        self.A2 = sigmoid(self.Z2)
        self.J = cost(self.A2, Y)

    def backward(self, A0, Y):
        dA2 = (Y - self.A2) / len(Y)
        dZ2 = dA2 * sigmoid(self.Z2) * (1 - sigmoid(self.Z2))
        dA1 = np.dot(self.W1.T, dZ2)
        dZ1 = dA1 * (1 - tanh(self.A1) ** 2)
        self.dW1 = np.dot(dZ2, self.A1.T)
        self.db1 = np.sum(dZ2, keepdims=True)
        self.dW0 = np.dot(dZ1, A0.T)
        self.db0 = np.sum(dZ1, axis=1, keepdims=True)


A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]])
TARGETS = {  # written out by hand for the columns (0,1), (1,0), (0,0), (1,1)
    "XOR": [1, 1, 0, 0],
    "XNOR": [0, 0, 1, 1],
    "AND": [0, 0, 0, 1],
    "OR": [1, 1, 0, 1],
    "NAND": [1, 1, 1, 0],
    "NOR": [0, 0, 1, 0],
}


def notebook_loop(n_h, seed, table, learning_rate, steps):
    Y = np.array(TARGETS[table])
    nn = ANN(2, n_h, seed)
    log = []
    for i in range(steps + 1):
        nn.forward(A0, Y)
        log.append(nn.J)
        if i == steps:
            break
        nn.backward(A0, Y)
        nn.W1 += nn.dW1 * learning_rate
        nn.b1 += nn.db1 * learning_rate
        nn.W0 += nn.dW0 * learning_rate
        nn.b0 += nn.db0 * learning_rate
    return nn, log
