"""A step in slow motion and a weight's chain rule on a data set (issue 20): the worker sends the columns of the first
8 examples (and of the step's one example in one-example mode), says it left the others out, and keeps J, the
gradients, the update and the chain rule's sum over every example.

Oracles: plain NumPy written here (the forward and backward pass of a tanh network with half the mean squared error).
"""

import numpy as np
import pytest

from backprop import Config, Run
from worker.network.chain import chain_view
from worker.network.stages import shown_examples, stages_texts

SPIRAL = {"data": "spiral", "data_size": 100, "noise": 5, "n_h": 3, "seed": 4}  # 50 training examples


def numbers(rows):
    return np.array([[float(text) for text in row] for row in rows])


def plain(run, A0=None, Y=None):
    p = {name: np.array(value, dtype=float) for name, value in run.params.items()}
    A0 = np.array(run.A0) if A0 is None else A0
    Y = np.array(run.Y) if Y is None else Y
    m = Y.shape[1]
    Z1 = p["W0"] @ A0 + p["b0"]
    A1 = np.tanh(Z1)
    A2 = 1 / (1 + np.exp(-(p["W1"] @ A1 + p["b1"])))
    dZ2 = (A2 - Y) / m * A2 * (1 - A2)
    dZ1 = (p["W1"].T @ dZ2) * (1 - A1**2)
    return {
        "A1": A1,
        "A2": A2,
        "J": 0.5 * np.mean((A2 - Y) ** 2),
        "dZ2": dZ2,
        "dZ1": dZ1,
        "dW0": dZ1 @ A0.T,
        "dW1": dZ2 @ A1.T,
        "W1": p["W1"],
    }


def test_the_shown_examples():
    assert shown_examples(4, [0, 1, 2, 3]) == [0, 1, 2, 3]
    assert shown_examples(50, list(range(50))) == list(range(8))
    assert shown_examples(50, [13]) == [0, 1, 2, 3, 4, 5, 6, 7, 13]
    assert shown_examples(50, [5]) == list(range(8))


def test_a_full_batch_step_on_fifty_examples_sends_the_first_eight():
    run = Run(Config(**SPIRAL))
    assert run.A0.shape == (2, 50)
    s = stages_texts(run.stages())
    want = plain(run)
    assert s["m"] == 50 and s["examples"] == list(range(50))
    assert s["shown"] == list(range(8)) and s["backward_shown"] == list(range(8)) and s["limit"] == 8
    assert s["A0"] == [[repr(float(x)) for x in row] for row in np.array(run.A0)[:, :8]]
    assert numbers(s["Y"]).tolist() == np.array(run.Y)[:, :8].tolist()
    np.testing.assert_allclose(numbers(s["forward"]["A2"]), want["A2"][:, :8], rtol=1e-13)
    np.testing.assert_allclose(numbers(s["forward"]["A1"]), want["A1"][:, :8], rtol=1e-13, atol=1e-16)
    assert float(s["cost"]["J"]) == pytest.approx(want["J"], rel=1e-13)  # over all 50
    assert len(s["cost"]["share"][0]) == 8
    np.testing.assert_allclose(numbers(s["backward"]["dZ1"]), want["dZ1"][:, :8], rtol=1e-10, atol=1e-18)
    np.testing.assert_allclose(numbers(s["backward"]["dW0"]), want["dW0"], rtol=1e-10)  # over all 50
    np.testing.assert_allclose(numbers(s["backward"]["dW1"]), want["dW1"], rtol=1e-10)


def test_one_example_per_step_sends_the_steps_example_wherever_it_is():
    run = Run(Config(**SPIRAL, batch="one"), step=13)
    assert run.next_examples() == [13]
    s = stages_texts(run.stages())
    assert s["shown"] == [0, 1, 2, 3, 4, 5, 6, 7, 13] and s["backward_shown"] == [13] and s["limit"] == 8
    A0, Y = np.array(run.A0), np.array(run.Y)
    assert [row[8] for row in s["A0"]] == [repr(float(x)) for x in A0[:, 13]]
    one = plain(run, A0[:, 13:14], Y[:, 13:14])  # the gradient of example 13 alone (m = 1)
    np.testing.assert_allclose(numbers(s["backward"]["dZ1"]), one["dZ1"], rtol=1e-10, atol=1e-18)
    np.testing.assert_allclose(numbers(s["backward"]["dW0"]), one["dW0"], rtol=1e-10, atol=1e-18)
    assert float(s["cost"]["J"]) == pytest.approx(plain(run)["J"], rel=1e-13)  # J stays over all 50


def test_the_chain_rule_shows_eight_terms_and_sums_all():
    run = Run(Config(**SPIRAL))
    chain = chain_view(run.stages(), "W0[1,0]")
    want = plain(run)
    A0 = np.array(run.A0)
    assert chain["count"] == 50 and len(chain["terms"]) == 8 and chain["examples"] == list(range(8))
    assert chain["note"] == "The terms of the first 8 of the 50 examples; the sum and dW0[1,0] are over all 50."
    for j, term in enumerate(chain["terms"]):
        product = want["W1"][0, 1] * want["dZ2"][0, j] * (1 - want["A1"][1, j] ** 2) * A0[0, j]
        assert float(term["product"]) == pytest.approx(product, rel=1e-10)
    assert float(chain["sum"]) == pytest.approx(want["dW0"][1, 0], rel=1e-10)
    assert float(chain["gradient"]) == pytest.approx(want["dW0"][1, 0], rel=1e-10)
    assert "m = 50" in chain["definitions"][1]


def test_the_truth_table_leaves_nothing_out():
    run = Run()
    s = stages_texts(run.stages())
    assert s["shown"] == [0, 1, 2, 3] and s["backward_shown"] == [0, 1, 2, 3] and s["limit"] is None
    chain = chain_view(run.stages(), "b1")
    assert chain["count"] == 4 and chain["note"] is None and len(chain["terms"]) == 4
