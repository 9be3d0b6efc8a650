"""Training speed of the model against the notebook's own loop (prints figures; never fails).

    python3 bench/bench_model.py
"""
import pathlib
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "py"))
from backprop import Batch, Run  # noqa: E402

REPEATS = 7
STEPS = 2000
BATCH_K, BATCH_STEPS = 1000, 200


# The notebook's helpers (cell 2), class (cell 33) and loop (cell 35), as it wrote them.
def tanh(Z):
    return np.tanh(Z)


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def cost(A, Y):
    return 1/2 * np.mean((A - Y)**2)


def linear(W, A, b):
    return np.dot(W, A) + b


class ANN:
    def __init__(self, n, n_h):
        self.n = n
        self.n_h = n_h
        self.n_o = 1
        np.random.seed(2)
        self.W0 = np.random.randn(n_h, n) * 0.1
        self.b0 = np.full((n_h, 1), 0.1)
        self.W1 = np.random.randn(self.n_o, n_h) * 0.1
        self.b1 = np.full((self.n_o, 1), 0.1)

    def forward(self, A0, Y):
        self.Z1 = linear(self.W0, A0, self.b0)
        self.A1 = tanh(self.Z1)
        self.Z2 = linear(self.W1, self.A1, self.b1)
        self.A2 = sigmoid(self.Z2)
        self.J = cost(self.A2, Y)

    def backward(self, A0, Y):
        dA2 = (Y - self.A2) / len(Y)
        dZ2 = dA2 * sigmoid(self.Z2) * (1-sigmoid(self.Z2))
        dA1 = np.dot(self.W1.T, dZ2)
        dZ1 = dA1 * (1 - tanh(self.A1)**2)
        self.dW1 = np.dot(dZ2, self.A1.T)
        self.db1 = np.sum(dZ2, keepdims=True)
        self.dW0 = np.dot(dZ1, A0.T)
        self.db0 = np.sum(dZ1, axis=1, keepdims=True)


def notebook_loop(nn, steps, learning_rate=10):
    A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]])
    Y = np.array([1, 1, 0, 0])
    for i in range(steps):
        nn.forward(A0, Y)
        nn.backward(A0, Y)
        nn.W1 += nn.dW1 * learning_rate
        nn.b1 += nn.db1 * learning_rate
        nn.W0 += nn.dW0 * learning_rate
        nn.b0 += nn.db0 * learning_rate


def median_rate(setup, work, units):
    """Median over REPEATS of units per second; setup() is not timed."""
    rates = []
    for _ in range(REPEATS):
        state = setup()
        start = time.perf_counter()
        work(state)
        rates.append(units / (time.perf_counter() - start))
    return statistics.median(rates)


def main():
    print(f"numpy {np.__version__}, python {sys.version.split()[0]}; median of {REPEATS} repeats")
    model = median_rate(Run, lambda run: run.train(STEPS), STEPS)
    naive = median_rate(lambda: ANN(2, 2), lambda nn: notebook_loop(nn, STEPS), STEPS)
    batch = median_rate(lambda: Batch(None, range(BATCH_K)), lambda b: b.train(BATCH_STEPS), BATCH_K * BATCH_STEPS)
    print(f"model Run.train, default config:     {model:12,.0f} steps/s")
    print(f"notebook's naive loop (cells 33/35): {naive:12,.0f} steps/s")
    print(f"ratio model / notebook:              {model / naive:12.2f} x")
    print(f"Batch of {BATCH_K:,} networks:            {batch:12,.0f} network-steps/s "
          f"({batch / BATCH_K:,.0f} batch steps/s)")


if __name__ == "__main__":
    main()
