"""One example per step (Config.batch "one" and "shuffled"): the step's gradient on its example alone, the cost over
all four.

Oracles: the step written out by hand for m = 1 (each formula below, with scalars for the one example), NumPy's
RandomState for the shuffled order, central differences of the one example's cost (the gradient check), and Run
itself for Batch (each network trained alone).
"""

import math

import numpy as np
import pytest

from backprop import (
    A0,
    PARAM_NAMES,
    Batch,
    Config,
    Run,
    forward,
    gradient_check,
    init_params,
    pass_order,
    step_examples,
    truth_table,
)


def hand_step(params, j, learning_rate, activation="tanh", cost="half_mse", notebook_mode=False):
    """One gradient-descent step on example j alone, written for m = 1 with scalars and small arrays:

    a0 = A0[:, j] (2 inputs), y = Y[j]
    z1_i = W0[i,0]·a0_0 + W0[i,1]·a0_1 + b0_i,  a1_i = g(z1_i)
    z2 = Σ_i W1[0,i]·a1_i + b1,  a2 = 1 / (1 + e^(−z2))
    half-MSE (J_j = ½ (a2 − y)²):              dz2 = (a2 − y) · a2 · (1 − a2)    (divided by m = 1)
    cross-entropy (J_j = −y log a2 − (1 − y) log(1 − a2)):  dz2 = a2 − y
    dW1[0,i] = dz2 · a1_i,  db1 = dz2
    dz1_i = W1[0,i] · dz2 · g′(z1_i)   (tanh: 1 − a1_i²; notebook mode: 1 − tanh(a1_i)²)
    dW0[i,k] = dz1_i · a0_k,  db0_i = dz1_i
    each parameter p ← p − learning_rate · dp
    """
    a0 = [float(A0[0, j]), float(A0[1, j])]
    y = float(truth_table()[0, j])
    W0, b0 = params["W0"].tolist(), [row[0] for row in params["b0"].tolist()]
    W1, b1 = params["W1"][0].tolist(), float(params["b1"][0, 0])
    n_h = len(W0)
    g = {"tanh": math.tanh, "relu": lambda z: max(z, 0.0), "sigmoid": lambda z: 1 / (1 + math.exp(-z))}[activation]
    z1 = [W0[i][0] * a0[0] + W0[i][1] * a0[1] + b0[i] for i in range(n_h)]
    a1 = [g(z) for z in z1]
    z2 = sum(W1[i] * a1[i] for i in range(n_h)) + b1
    a2 = 1 / (1 + math.exp(-z2))
    dz2 = (a2 - y) * a2 * (1 - a2) if cost == "half_mse" else a2 - y
    if activation == "tanh":
        g_prime = [1 - math.tanh(a) ** 2 if notebook_mode else 1 - a**2 for a in a1]
    else:
        g_prime = [1.0 if z > 0 else 0.0 for z in z1]
    dz1 = [W1[i] * dz2 * g_prime[i] for i in range(n_h)]
    return {
        "W0": [[W0[i][k] - learning_rate * dz1[i] * a0[k] for k in range(2)] for i in range(n_h)],
        "b0": [[b0[i] - learning_rate * dz1[i]] for i in range(n_h)],
        "W1": [[W1[i] - learning_rate * dz2 * a1[i] for i in range(n_h)]],
        "b1": [[b1 - learning_rate * dz2]],
    }


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"notebook_mode": True},
        {"n_h": 3, "seed": 6, "learning_rate": 0.7},
        {"n_h": 3, "activation": "relu", "cost": "cross_entropy", "learning_rate": 1, "seed": 5},
    ],
    ids=str,
)
def test_each_step_is_the_hand_computation_on_its_example(settings):
    run = Run(dict(settings, batch="one"))
    c = run.config
    for step in range(9):
        j = step % 4
        want = hand_step(run.params, j, c.learning_rate, c.activation, c.cost, c.notebook_mode)
        assert run.next_examples() == [j]
        run.train(1)
        for name in PARAM_NAMES:
            np.testing.assert_allclose(run.params[name], want[name], rtol=1e-13, atol=1e-16, err_msg=f"{step} {name}")


def test_the_cost_stays_over_all_four_examples():
    run = Run({"batch": "shuffled", "seed": 3})
    for _ in range(10):
        run.train(1)
        J = forward(run.params, A0, truth_table())["J"]
        assert run.cost == J and run.history[-1] == J


def test_in_order_the_examples_go_round():
    config = Config(batch="one")
    assert [step_examples(config, k)[0] for k in range(10)] == [0, 1, 2, 3, 0, 1, 2, 3, 0, 1]
    assert step_examples(Config(), 5) == [0, 1, 2, 3]


def test_shuffled_each_pass_is_the_seeds_permutation():
    for seed in (0, 2, 4294967295):
        config = Config(batch="shuffled", seed=seed)
        for p in (0, 1, 7, 2**32 - 1):
            want = np.random.RandomState([seed, p]).permutation(4).tolist()
            assert [step_examples(config, 4 * p + k)[0] for k in range(4)] == want
            assert pass_order(seed, p, 4).tolist() == want
    orders = {tuple(pass_order(2, p, 4)) for p in range(40)}
    assert len(orders) > 10  # the passes differ


def test_shuffled_runs_take_the_examples_step_examples_names():
    run = Run({"batch": "shuffled", "seed": 9})
    for k in range(13):
        assert run.next_examples() == step_examples(run.config, k)
        run.train(1)


def test_a_run_restored_at_a_later_step_goes_on_with_the_same_examples():
    run = Run({"batch": "shuffled", "seed": 5, "learning_rate": 2})
    run.train(10)
    again = Run.from_dict(run.to_dict())
    run.train(7)
    again.train(7)
    for name in PARAM_NAMES:
        assert again.params[name].tobytes() == run.params[name].tobytes()


@pytest.mark.parametrize("settings", [{"batch": "one"}, {"batch": "shuffled", "seed": 4}, {"batch": "full"}], ids=str)
def test_the_one_example_gradient_passes_the_gradient_check(settings):
    run = Run(settings)
    run.train(6)
    stages = run.stages()
    report = gradient_check(run.params, A0, truth_table(), examples=stages["examples"])
    for name in ("W1", "b1", "W0", "b0", "Z2", "Z1", "A1"):
        assert report[name]["relative_error"] < 1e-7, (name, report[name]["relative_error"])
    for name in ("W1", "b1", "W0", "b0"):
        np.testing.assert_allclose(report[name]["analytic"], stages["backward"]["d" + name], rtol=1e-15, atol=0)


def test_the_gradient_check_of_one_example_is_that_examples_cost_alone():
    params = init_params(2, 2)
    one = gradient_check(params, A0, truth_table(), examples=[1])
    alone = gradient_check(params, A0[:, [1]], truth_table()[:, [1]])
    for name in ("W0", "b1"):
        np.testing.assert_array_equal(one[name]["numeric"], alone[name]["numeric"])


@pytest.mark.parametrize("batch", ["one", "shuffled"])
def test_a_batch_trains_each_network_as_its_run(batch):
    seeds = [0, 2, 3, 4, 17]
    networks = Batch({"batch": batch, "n_h": 3, "learning_rate": 3}, seeds=seeds)
    networks.train(30)
    for k, seed in enumerate(seeds):
        run = Run({"batch": batch, "n_h": 3, "learning_rate": 3, "seed": seed})
        run.train(30)
        assert networks.costs[k] == pytest.approx(run.cost, rel=1e-12)
        for name in PARAM_NAMES:
            np.testing.assert_allclose(networks.params[name][k], run.params[name], rtol=1e-11, atol=1e-15)


def test_batch_is_validated_with_the_models_words():
    assert Config(batch=" One ").batch == "one"
    for bad in ("all", "", 1, None, True):
        with pytest.raises(ValueError) as caught:
            Config(batch=bad)
        assert str(caught.value) == f"batch must be one of full, one, shuffled (got {bad!r})"


@pytest.mark.parametrize("batch", ["one", "shuffled"])
def test_a_cost_that_rises_for_a_while_is_not_divergence_with_one_example(batch):
    # Seed 5 at the default learning rate 10: J goes from 0.126 to near twice that for about a hundred steps,
    # then falls back (the full batch's rule, 1.5 times for 20 steps, would stop it at step 104 for "shuffled").
    run = Run(Config(seed=5, batch=batch), history_limit=4000)
    run.train(3000)
    assert run.status == "ready"
    assert max(run.history) > 1.5 * run.history[0]
    three = Batch(Config(batch=batch), seeds=[5, 2, 7])
    three.train(3000)
    assert not three.diverged.any()


@pytest.mark.parametrize("batch", ["one", "shuffled"])
def test_a_cost_that_stays_three_times_its_start_for_twenty_passes_is_divergence_with_one_example(batch):
    # Cross-entropy with ReLU at learning rate 1e10 climbs from 0.695 to about 2.4e9 and stays there.
    config = Config(batch=batch, activation="relu", cost="cross_entropy", learning_rate=1e10)
    run = Run(config)
    run.train(500)
    assert run.status == "diverged"
    assert "stayed above 3 times that for 80 steps" in run.reason
    first_above = next(k for k, J in enumerate(run.history) if 3 * run.history[0] < J)
    assert run.step == first_above + 80 - 1
    batch_of_two = Batch(config, seeds=[2, 3])
    batch_of_two.train(500)
    assert batch_of_two.diverged.all()
