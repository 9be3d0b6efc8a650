"""A step stage by stage (backprop/stages.py, Run.stages()).

Oracles: the seed notebook's printed numbers (tests/model/test_model_notebook.py, its cells 4-13 and 31), the
notebook's own ANN class written out again (tests/model/notebook_ann.py), a 2-3-1 ReLU network with cross-entropy
computed here by hand in NumPy, and Run.train(1) itself for the update's "after" (bit for bit).
"""

import numpy as np
import pytest
from notebook_ann import ANN
from test_model_notebook import A1_NB, A2_NB, ANALYTIC_NB, J_NB, NUMERIC_NB, Z1_00, Z1_10, Z1_NB, Z2_NB

from backprop import A0, PARAM_NAMES, SLIPPED, Config, Run, step_stages, truth_table


def test_the_notebooks_network_at_step_0():
    stages = Run().stages()
    forward = stages["forward"]
    assert forward["Z1"][0, 0] == Z1_00 == 0.09437331727736706
    assert forward["Z1"][1, 0] == Z1_10
    np.testing.assert_array_equal(np.round(forward["Z1"], 8), Z1_NB)
    np.testing.assert_array_equal(np.round(forward["A1"], 8), A1_NB)
    np.testing.assert_array_equal(np.round(forward["Z2"], 8), Z2_NB)
    np.testing.assert_array_equal(np.round(forward["A2"], 8), A2_NB)
    assert stages["cost"]["J"] == pytest.approx(J_NB, rel=1e-15)
    assert (stages["step"], stages["examples"], stages["batch"], stages["m"]) == (0, [0, 1, 2, 3], "full", 4)
    # the notebook's cells 16-31 print each gradient rounded to 5 decimals; the calculus's db0 is the numeric one
    for name in ("Z2", "W1", "b1", "A1", "Z1", "W0", "b0"):
        np.testing.assert_array_equal(np.round(stages["backward"]["d" + name], 5), NUMERIC_NB[name], err_msg=name)
    assert stages["slip"] == []


def test_notebook_mode_shows_the_notebooks_slipped_numbers_and_names_them():
    stages = Run({"notebook_mode": True}).stages()
    assert stages["slip"] == ["dZ1", "dW0", "db0"] == list(SLIPPED)
    np.testing.assert_array_equal(np.round(stages["backward"]["db0"], 5), ANALYTIC_NB["b0"])  # cell 31: -0.00058
    np.testing.assert_array_equal(np.round(stages["backward"]["dW0"], 5), ANALYTIC_NB["W0"])
    # the notebook's class (cell 33) adds (Y - A2) / m's gradient: the negative of dJ, bit for bit
    nn = ANN(2, 2, 2)
    Y = np.array([1, 1, 0, 0])
    nn.forward(A0, Y)
    nn.backward(A0, Y)
    back = stages["backward"]
    np.testing.assert_array_equal(back["dW0"], -nn.dW0)
    np.testing.assert_array_equal(back["db0"], -nn.db0)
    np.testing.assert_array_equal(back["dW1"], -nn.dW1)
    slipped = -(nn.W1.T @ ((Y - nn.A2) / 4 * nn.A2 * (1 - nn.A2))) * (1 - np.tanh(nn.A1) ** 2)
    np.testing.assert_allclose(back["dZ1"], slipped, rtol=1e-15, atol=0)
    correct = Run().stages()["backward"]
    assert not np.array_equal(back["db0"], correct["db0"])  # the slip changes dZ1, dW0, db0 ...
    for name in ("dZ2", "dW1", "db1", "dA1"):  # ... and nothing before it
        np.testing.assert_array_equal(back[name], correct[name], err_msg=name)


def by_hand_relu_cross_entropy(params, learning_rate):
    """A 2-3-1 network, ReLU hidden, sigmoid output, binary cross-entropy, full batch: every stage by hand."""
    X = np.array([[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0]])
    T = np.array([[1.0, 1.0, 0.0, 0.0]])
    W0, b0, W1, b1 = (np.array(params[name], dtype=float) for name in ("W0", "b0", "W1", "b1"))
    Z1 = W0 @ X + b0
    A1 = np.where(Z1 > 0, Z1, 0.0)
    Z2 = W1 @ A1 + b1
    A2 = 1 / (1 + np.exp(-Z2))
    losses = -(T * np.log(A2) + (1 - T) * np.log(1 - A2))
    J = losses.mean()
    dZ2 = (A2 - T) / 4
    dW1 = dZ2 @ A1.T
    db1 = dZ2.sum(axis=1, keepdims=True)
    dA1 = W1.T @ dZ2
    dZ1 = dA1 * (Z1 > 0)
    dW0 = dZ1 @ X.T
    db0 = dZ1.sum(axis=1, keepdims=True)
    after = {
        "W0": W0 - learning_rate * dW0,
        "b0": b0 - learning_rate * db0,
        "W1": W1 - learning_rate * dW1,
        "b1": b1 - learning_rate * db1,
    }
    Z1n = after["W0"] @ X + after["b0"]
    A2n = 1 / (1 + np.exp(-(after["W1"] @ np.maximum(Z1n, 0) + after["b1"])))
    J_after = -(T * np.log(A2n) + (1 - T) * np.log(1 - A2n)).mean()
    return {
        "forward": {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2},
        "cost": {"J": J, "error": A2 - T, "share": losses / 4},
        "backward": {"dZ2": dZ2, "dW1": dW1, "db1": db1, "dA1": dA1, "dZ1": dZ1, "dW0": dW0, "db0": db0},
        "after": after,
        "J_after": J_after,
    }


def test_a_relu_cross_entropy_network_against_a_hand_computation():
    run = Run({"n_h": 3, "activation": "relu", "cost": "cross_entropy", "learning_rate": 0.5, "seed": 7})
    run.train(20)  # a few steps in, so that the units are not at their initial values
    stages = run.stages()
    hand = by_hand_relu_cross_entropy(run.params, 0.5)
    for part in ("forward", "backward"):
        for name, value in hand[part].items():
            np.testing.assert_allclose(stages[part][name], value, rtol=1e-13, atol=1e-17, err_msg=name)
    assert stages["cost"]["J"] == pytest.approx(hand["cost"]["J"], rel=1e-13)
    np.testing.assert_allclose(stages["cost"]["error"], hand["cost"]["error"], rtol=1e-13)
    np.testing.assert_allclose(stages["cost"]["share"], hand["cost"]["share"], rtol=1e-12)
    for name in PARAM_NAMES:
        np.testing.assert_allclose(stages["update"][name]["after"], hand["after"][name], rtol=1e-13, atol=1e-17)
        np.testing.assert_allclose(stages["update"][name]["change"], 0.5 * hand["backward"]["d" + name], rtol=1e-15)
        np.testing.assert_array_equal(stages["update"][name]["before"], run.params[name])
    assert stages["after"]["J"] == pytest.approx(hand["J_after"], rel=1e-12)
    assert (stages["n_h"], stages["activation"], stages["cost_function"]) == (3, "relu", "cross_entropy")


CASES = [
    {},
    {"notebook_mode": True},
    {"n_h": 3, "activation": "relu", "cost": "cross_entropy", "learning_rate": 1},
    {"n_h": 16, "activation": "sigmoid", "table": "NAND", "seed": 11},
    {"batch": "one"},
    {"batch": "shuffled", "seed": 4},
    {"batch": "one", "n_h": 5, "activation": "relu", "cost": "cross_entropy", "learning_rate": 1},
    {"batch": "shuffled", "notebook_mode": True, "n_h": 3, "learning_rate": 3},
]


@pytest.mark.parametrize("settings", CASES, ids=str)
def test_the_update_after_is_what_train_gives_bit_for_bit(settings):
    run = Run(settings)
    for _ in range(60):
        before = (run.step, run.cost, list(run.history), run.theta.copy())
        stages = run.stages()
        assert (run.step, run.cost, run.history) == before[:3] and np.array_equal(run.theta, before[3])  # unchanged
        assert stages["examples"] == run.next_examples() and stages["step"] == run.step
        run.train(1)
        for name in PARAM_NAMES:
            assert stages["update"][name]["after"].tobytes() == run.params[name].tobytes(), (run.step, name)
        assert stages["after"]["J"] == run.cost
    assert run.status == "ready"


def test_the_cost_stage_is_over_every_example_and_its_shares_sum_to_J():
    for settings in ({}, {"cost": "cross_entropy"}, {"batch": "one"}):
        run = Run(settings)
        run.train(5)
        stages = run.stages()
        assert stages["cost"]["J"] == run.cost
        np.testing.assert_array_equal(stages["cost"]["error"], run.A2 - truth_table())
        assert stages["cost"]["share"].sum() == pytest.approx(run.cost, rel=1e-15)
        assert stages["forward"]["A2"].shape == (1, 4)


def test_one_example_per_step_takes_the_backward_pass_on_its_column():
    run = Run({"batch": "one"})
    run.train(2)
    stages = run.stages()
    assert stages["examples"] == [2] and stages["backward"]["dZ2"].shape == (1, 1)
    assert stages["backward"]["dZ1"].shape == (2, 1) and stages["backward"]["dW0"].shape == (2, 2)


def test_step_stages_takes_any_examples_and_leaves_the_params_alone():
    params = Run().params
    saved = {name: params[name].copy() for name in PARAM_NAMES}
    full = step_stages(params, truth_table(), Config(), [0, 1, 2, 3])
    pair = step_stages(params, truth_table(), Config(), [3, 1])
    for name in PARAM_NAMES:
        np.testing.assert_array_equal(params[name], saved[name])
    np.testing.assert_array_equal(pair["backward"]["dZ1"][:, 0], 2 * full["backward"]["dZ1"][:, 3])  # m = 2, not 4


def test_relu_in_notebook_mode_has_no_slip_to_show():
    notebook, calculus = Run({"notebook_mode": True, "activation": "relu"}), Run({"activation": "relu"})
    for run in (notebook, calculus):
        run.train(15)
    stages = notebook.stages()
    assert stages["slip"] == [] and stages["notebook_mode"] is True
    for name in SLIPPED:  # A1 > 0 exactly where Z1 > 0: the notebook's derivative gives the same numbers
        np.testing.assert_array_equal(stages["backward"][name], calculus.stages()["backward"][name])
    assert Run({"notebook_mode": True, "activation": "sigmoid"}).stages()["slip"] == list(SLIPPED)
