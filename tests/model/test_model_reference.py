"""Notebook mode against an independent oracle, the notebook's own ANN class and loop (notebook_ann.py),
for other seeds, tables, widths and learning rates."""

import numpy as np
import pytest
from notebook_ann import notebook_loop

from backprop import Run


@pytest.mark.parametrize(
    "n_h, seed, table, learning_rate",
    [
        (2, 2, "XOR", 10),
        (2, 0, "XOR", 10),
        (2, 7, "XNOR", 3),
        (1, 5, "AND", 10),
        (3, 11, "OR", 1),
        (5, 2, "NAND", 10),
        (16, 123, "NOR", 0.5),
        (4, 2**32 - 1, "XOR", 20),
    ],
)
def test_notebook_mode_replays_the_notebook_class(n_h, seed, table, learning_rate):
    nn, log = notebook_loop(n_h, seed, table, learning_rate, steps=300)
    run = Run({"n_h": n_h, "seed": seed, "table": table, "learning_rate": learning_rate, "notebook_mode": True})
    run.train(300)
    assert run.history == pytest.approx(log, rel=1e-12, abs=0)
    for name in ("W0", "b0", "W1", "b1"):
        np.testing.assert_allclose(run.params[name], getattr(nn, name), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(run.A2, nn.A2, rtol=1e-12)
