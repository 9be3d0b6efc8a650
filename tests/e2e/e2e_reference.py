"""An independent NumPy transcription of the notebook's network (cells 33-35), written out here and not
imported from py/, as the oracle for values the page shows. Examples are columns in the notebook's order
(0,1), (1,0), (0,0), (1,1); the initialisation is the notebook's: W0 then W1 from randn * 0.1 after
seeding, biases 0.1."""

import numpy as np

A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]], dtype=float)
TABLES = {
    "XOR": [1, 1, 0, 0],
    "XNOR": [0, 0, 1, 1],
    "AND": [0, 0, 0, 1],
    "OR": [1, 1, 0, 1],
    "NAND": [1, 1, 1, 0],
    "NOR": [0, 0, 1, 0],
}

# The notebook's printed log (cell 35): J before update i, for i = 0, 100, 200, ...
NOTEBOOK_COSTS = [0.12519375208599626, 0.044109941906362596, 0.0015874322882328462, 0.0007888131666023057]


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


ACTIVATIONS = {"tanh": np.tanh, "sigmoid": sigmoid, "relu": lambda Z: np.maximum(Z, 0)}


def initial_params(n_h=2, seed=2):
    rng = np.random.RandomState(seed)
    W0 = rng.randn(n_h, 2) * 0.1
    W1 = rng.randn(1, n_h) * 0.1
    return W0, np.full((n_h, 1), 0.1), W1, np.full((1, 1), 0.1)


def cost(A2, Y, kind="half_mse"):
    if kind == "half_mse":
        return 0.5 * np.mean((A2 - Y) ** 2)
    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))


def initial_cost(n_h=2, activation="tanh", cost_kind="half_mse", seed=2, table="XOR"):
    W0, b0, W1, b1 = initial_params(n_h, seed)
    A2 = sigmoid(W1 @ ACTIVATIONS[activation](W0 @ A0 + b0) + b1)
    return float(cost(A2, np.array([TABLES[table]], dtype=float), cost_kind))


def tanh_half_mse_costs(steps, learning_rate=10.0, seed=2, notebook_mode=False):
    """J after 0, 1, ..., steps updates of the default network (XOR, 2 tanh units, half MSE).

    notebook_mode uses the notebook's hidden-layer derivative 1 - tanh(A1)**2; otherwise 1 - A1**2.
    """
    W0, b0, W1, b1 = initial_params(2, seed)
    Y = np.array([TABLES["XOR"]], dtype=float)
    costs = []
    for _ in range(steps + 1):
        A1 = np.tanh(W0 @ A0 + b0)
        A2 = sigmoid(W1 @ A1 + b1)
        costs.append(float(cost(A2, Y)))
        dZ2 = (A2 - Y) / Y.shape[1] * A2 * (1 - A2)
        dZ1 = (W1.T @ dZ2) * (1 - (np.tanh(A1) if notebook_mode else A1) ** 2)
        W1, b1 = W1 - learning_rate * dZ2 @ A1.T, b1 - learning_rate * dZ2.sum(keepdims=True)
        W0, b0 = W0 - learning_rate * dZ1 @ A0.T, b0 - learning_rate * dZ1.sum(axis=1, keepdims=True)
    return costs


def one_example_costs(steps, order="one", learning_rate=10.0, seed=2):
    """J over all four examples after 0, 1, ..., steps updates of the default network trained one example per step:
    step k's gradient is that of example j's own cost (m = 1), j = k % 4 in order, or for "shuffled" the
    (k % 4)-th of np.random.RandomState([seed, k // 4]).permutation(4)."""
    W0, b0, W1, b1 = initial_params(2, seed)
    Y = np.array([TABLES["XOR"]], dtype=float)
    costs = []
    for k in range(steps + 1):
        costs.append(float(cost(sigmoid(W1 @ np.tanh(W0 @ A0 + b0) + b1), Y)))
        j = k % 4 if order == "one" else int(np.random.RandomState([seed, k // 4]).permutation(4)[k % 4])
        x, y = A0[:, [j]], Y[:, [j]]
        a1 = np.tanh(W0 @ x + b0)
        a2 = sigmoid(W1 @ a1 + b1)
        dz2 = (a2 - y) * a2 * (1 - a2)  # divided by m = 1
        dz1 = (W1.T @ dz2) * (1 - a1**2)
        W1, b1 = W1 - learning_rate * dz2 @ a1.T, b1 - learning_rate * dz2
        W0, b0 = W0 - learning_rate * dz1 @ x.T, b0 - learning_rate * dz1
    return costs


def params_cost(W0, b0, W1, b1, table="XOR"):
    """J of the tanh, half-MSE network with these parameters over the four examples."""
    A2 = sigmoid(W1 @ np.tanh(W0 @ A0 + b0) + b1)
    return float(cost(A2, np.array([TABLES[table]], dtype=float)))


def dW1_terms(W0, b0, W1, b1, i, table="XOR"):
    """(dW1[0,i], [dZ2[0,j], A1[i,j] for each example j]) of the tanh, half-MSE network, full batch."""
    Y = np.array([TABLES[table]], dtype=float)
    A1 = np.tanh(W0 @ A0 + b0)
    A2 = sigmoid(W1 @ A1 + b1)
    dZ2 = (A2 - Y) / Y.shape[1] * A2 * (1 - A2)
    return float((dZ2 @ A1.T)[0, i]), [(float(dZ2[0, j]), float(A1[i, j])) for j in range(A0.shape[1])]
