"""The 2-n_h-1 network: activations, costs, initialisation, forward and backward pass.

Examples are columns. Every function here serves one network (W0 of shape (n_h, 2))
and a batch of K networks (W0 of shape (K, n_h, 2)) alike: products use `@`,
transposes swap the last two axes, sums run over the last axis and the cost is
reduced over the last two, so there is one implementation of the maths.
"""

import numpy as np

PARAM_NAMES = ("W0", "b0", "W1", "b1")


def linear(W, A, b):
    """One fully connected layer."""
    return W @ A + b


def sigmoid(Z):
    return 1.0 / (1.0 + np.exp(-Z))


def tanh(Z):
    return np.tanh(Z)


def relu(Z):
    return np.maximum(Z, 0.0)


class Activation:
    """A hidden-layer activation g and its derivative g'(Z), written with A = g(Z) at hand."""

    def __init__(self, name, g, g_prime):
        self.name, self.g, self.g_prime = name, g, g_prime

    def __repr__(self):
        return f"Activation({self.name!r})"


ACTIVATIONS = {
    "tanh": Activation("tanh", tanh, lambda Z, A: 1.0 - A**2),
    "sigmoid": Activation("sigmoid", sigmoid, lambda Z, A: A * (1.0 - A)),
    "relu": Activation("relu", relu, lambda Z, A: Z > 0),
}


class HalfMSE:
    """The notebook's cost: 1/2 * mean((A2 - Y)**2)."""

    name = "half_mse"

    @staticmethod
    def from_A2(A2, Y):
        # 1/2 * np.mean((A2 - Y)**2), bit for bit, without np.mean's Python overhead.
        return 0.5 * ((A2 - Y) ** 2).sum(axis=(-2, -1)) / Y.shape[-1]

    @staticmethod
    def from_Z2(Z2, Y):
        return HalfMSE.from_A2(sigmoid(Z2), Y)

    @staticmethod
    def J(Z2, A2, Y):
        return HalfMSE.from_A2(A2, Y)

    @staticmethod
    def output_gradients(A2, Y):
        dA2 = (A2 - Y) / Y.shape[-1]
        dZ2 = dA2 * A2 * (1.0 - A2)
        return dA2, dZ2


class CrossEntropy:
    """Binary cross-entropy, mean over examples."""

    name = "cross_entropy"

    @staticmethod
    def from_A2(A2, Y):
        # Only for the gradient check on A2; training uses the stable from_Z2.
        return -(Y * np.log(A2) + (1.0 - Y) * np.log(1.0 - A2)).sum(axis=(-2, -1)) / Y.shape[-1]

    @staticmethod
    def from_Z2(Z2, Y):
        # With A2 = sigmoid(Z2) the loss is log(1 + exp(Z2)) - Y*Z2; logaddexp(0, Z2)
        # is log(1 + exp(Z2)) without overflow, so saturated outputs give no inf or NaN.
        return (np.logaddexp(0.0, Z2) - Y * Z2).sum(axis=(-2, -1)) / Y.shape[-1]

    @staticmethod
    def J(Z2, A2, Y):
        return CrossEntropy.from_Z2(Z2, Y)

    @staticmethod
    def output_gradients(A2, Y):
        m = Y.shape[-1]
        dA2 = (A2 - Y) / (A2 * (1.0 - A2)) / m  # shown to students; training needs only dZ2
        dZ2 = (A2 - Y) / m
        return dA2, dZ2


COSTS = {"half_mse": HalfMSE, "cross_entropy": CrossEntropy}


def param_shapes(n_h):
    return {"W0": (n_h, 2), "b0": (n_h, 1), "W1": (1, n_h), "b1": (1, 1)}


def unflatten(vector, n_h):
    """W0, b0, W1, b1 as views into one flat vector (so one operation can update them all)."""
    params, start = {}, 0
    for name, (rows, cols) in param_shapes(n_h).items():
        params[name] = vector[start : start + rows * cols].reshape(rows, cols)
        start += rows * cols
    return params


def init_params(n_h=2, seed=2):
    """The notebook's initialisation, from a private RandomState (the global one is untouched)."""
    rng = np.random.RandomState(seed)
    W0 = rng.randn(n_h, 2) * 0.1
    W1 = rng.randn(1, n_h) * 0.1
    return {"W0": W0, "b0": np.full((n_h, 1), 0.1), "W1": W1, "b1": np.full((1, 1), 0.1)}


def forward(params, A0, Y=None, activation="tanh", cost="half_mse"):
    """Z1, A1, Z2, A2 for the inputs A0 (shape (2, N), any N), and the cost J when Y is given."""
    Z1 = linear(params["W0"], A0, params["b0"])
    A1 = ACTIVATIONS[activation].g(Z1)
    Z2 = linear(params["W1"], A1, params["b1"])
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    if Y is not None:
        cache["J"] = COSTS[cost].J(Z2, A2, Y)
    return cache


def backward(params, cache, A0, Y, activation="tanh", cost="half_mse", notebook_mode=False, out=None):
    """Gradients of J with respect to every intermediate and parameter.

    notebook_mode repeats the notebook's slip: the hidden derivative is evaluated at A1
    instead of Z1 (for tanh, 1 - tanh(A1)**2 rather than 1 - tanh(Z1)**2 = 1 - A1**2).
    out may hold arrays to write dW1, db1, dW0, db0 into (training passes views of one vector).
    """
    out = {} if out is None else out
    act = ACTIVATIONS[activation]
    Z1, A1, A2 = cache["Z1"], cache["A1"], cache["A2"]
    dA2, dZ2 = COSTS[cost].output_gradients(A2, Y)
    dW1 = np.matmul(dZ2, A1.swapaxes(-1, -2), out=out.get("dW1"))
    db1 = dZ2.sum(axis=-1, keepdims=True, out=out.get("db1"))
    dA1 = params["W1"].swapaxes(-1, -2) @ dZ2
    if notebook_mode:
        dZ1 = dA1 * act.g_prime(A1, act.g(A1))
    else:
        dZ1 = dA1 * act.g_prime(Z1, A1)
    dW0 = np.matmul(dZ1, A0.swapaxes(-1, -2), out=out.get("dW0"))
    db0 = dZ1.sum(axis=-1, keepdims=True, out=out.get("db0"))
    return {"dA2": dA2, "dZ2": dZ2, "dW1": dW1, "db1": db1, "dA1": dA1, "dZ1": dZ1, "dW0": dW0, "db0": db0}
