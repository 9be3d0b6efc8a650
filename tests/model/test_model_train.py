"""Run and Batch: cost semantics, divergence, and K networks in one go equal K single runs."""

import math
import re
import warnings

import numpy as np
import pytest

from backprop import A0, Batch, Config, Run, forward, init_params

LOG_STEP_0, LOG_STEP_100 = 0.12519375208599626, 0.044109941906362596  # notebook cell 35


@pytest.fixture(autouse=True)
def warnings_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_a_new_run_is_ready_at_step_0_with_the_initial_cost():
    run = Run()
    assert run.config == Config()
    assert (run.step, run.status, run.reason) == (0, "ready", None)
    assert run.history == [run.cost]
    assert run.cost == pytest.approx(LOG_STEP_0, rel=1e-15)
    assert type(run.cost) is float


def test_history_k_is_the_cost_after_k_updates():
    run = Run({"notebook_mode": True})
    run.train(100)
    assert run.step == 100 and len(run.history) == 101
    assert run.history[0] == pytest.approx(LOG_STEP_0, rel=1e-9)
    assert run.history[100] == pytest.approx(LOG_STEP_100, rel=1e-9)
    assert run.cost == run.history[100]
    assert run.cost == forward(run.params, A0, run.Y)["J"]  # the current parameters' cost
    assert all(type(J) is float for J in run.history)


def test_training_in_chunks_equals_training_at_once():
    one, chunks = Run(), Run()
    one.train(500)
    for n in (1, 49, 0, 250, 200):
        chunks.train(n)
    assert chunks.step == 500
    assert chunks.history == one.history
    np.testing.assert_array_equal(chunks.theta, one.theta)


def test_gradient_descent_step_by_hand():
    run = Run({"learning_rate": 0.5, "seed": 9, "n_h": 3})
    before = {name: value.copy() for name, value in run.params.items()}
    grads = run.gradients()
    run.train(1)
    for name in before:
        np.testing.assert_array_equal(run.params[name], before[name] - 0.5 * grads["d" + name])


def test_correct_mode_solves_xor_and_predicts_a_grid():
    run = Run()
    run.train(1000)
    assert run.status == "ready" and run.solved
    assert run.cost < LOG_STEP_0 / 100
    xs = np.linspace(0, 1, 100)
    grid = np.array(np.meshgrid(xs, xs)).reshape(2, -1)  # a 100 x 100 decision surface in one call
    surface = run.predict(grid)
    assert surface.shape == (1, 10000)
    np.testing.assert_allclose(run.predict(A0), run.A2, rtol=1e-15)
    assert surface[0, 0] < 0.5 < surface[0, 99]  # (0,0) is 0 and (1,0) is 1 for XOR


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
@pytest.mark.parametrize("cost", ["half_mse", "cross_entropy"])
def test_every_activation_and_cost_learns_xor_with_enough_units(activation, cost):
    run = Run({"activation": activation, "cost": cost, "n_h": 8, "learning_rate": 3, "seed": 3})
    first = run.cost
    run.train(3000)
    assert run.status == "ready" and run.cost < first / 10 and run.solved


def test_relu_with_a_huge_learning_rate_diverges_without_warnings():
    run = Run({"activation": "relu", "learning_rate": 1e200})
    run.train(50)
    assert run.status == "diverged"
    # W1 @ A1 overflows: inf - inf is NaN, or inf where the BLAS kernel sums in another order and the
    # sigmoid then saturates to a finite cost. Either way the run stops at step 1.
    assert run.step == 1 and len(run.history) == 2
    assert not np.isfinite(run.cache["Z2"]).all()
    assert re.fullmatch(
        r"the (cost|output Z2) became (NaN|infinite) at step 1 — the learning rate 1e\+200 is "
        r"too large for this network; try a smaller one",
        run.reason,
    ), run.reason
    assert not run.solved


def test_a_diverged_run_does_not_move():
    run = Run({"activation": "relu", "cost": "cross_entropy", "learning_rate": 1e100})
    run.train(10)
    assert run.status == "diverged" and run.step == 2 and "step 2" in run.reason
    history, theta = list(run.history), run.theta.copy()
    assert math.isnan(run.train(100))
    assert run.step == 2 and len(run.history) == len(history)
    np.testing.assert_array_equal(run.theta, theta)  # NaNs in the same places


def test_a_non_finite_parameter_is_caught_even_when_the_cost_stays_finite():
    run = Run()
    run.params["b0"][1, 0] = np.inf  # tanh(inf) = 1: the cost stays finite, b0 never heals
    run.train(5)
    assert math.isfinite(run.cost)
    assert run.status == "diverged" and run.step == 1
    assert run.reason.startswith("parameter b0 became infinite at step 1")


def test_a_run_loaded_with_a_non_finite_cost_starts_diverged():
    params = {"W0": [[0.0, 0.0], [0.0, 0.0]], "b0": [[20.0], [20.0]], "W1": [[1e308, 1e308]], "b1": [[0.0]]}
    run = Run({"cost": "cross_entropy"}, params)  # Z2 overflows to inf, inf - inf in the cost
    assert run.status == "diverged" and run.step == 0 and "NaN at step 0" in run.reason
    run.train(3)
    assert run.step == 0


def test_training_leaves_numpy_error_settings_alone():
    before = np.geterr()
    Run({"activation": "relu", "learning_rate": 1e200}).train(3)
    Batch({"activation": "relu", "learning_rate": 1e200}, range(3)).train(3)
    assert np.geterr() == before


def test_initialisation_leaves_the_global_random_state_alone():
    np.random.seed(1234)
    expected = np.random.rand(3)
    np.random.seed(1234)
    init_params(5, 7)
    Run({"seed": 99})
    Batch(None, range(4))
    np.testing.assert_array_equal(np.random.rand(3), expected)


def test_init_is_the_notebooks_draw_order_for_any_seed():
    rng = np.random.RandomState(31337)
    W0 = rng.randn(4, 2) * 0.1
    W1 = rng.randn(1, 4) * 0.1
    params = init_params(4, 31337)
    np.testing.assert_array_equal(params["W0"], W0)
    np.testing.assert_array_equal(params["W1"], W1)
    np.testing.assert_array_equal(params["b0"], np.full((4, 1), 0.1))
    np.testing.assert_array_equal(params["b1"], [[0.1]])


BATCH_CONFIGS = [
    {},
    {"n_h": 5, "activation": "sigmoid", "cost": "cross_entropy", "learning_rate": 2, "table": "XNOR"},
    {"n_h": 16, "activation": "relu", "learning_rate": 0.3, "table": "AND", "notebook_mode": True},
    {"n_h": 1, "notebook_mode": True, "table": "NOR"},
]


@pytest.mark.parametrize("config", BATCH_CONFIGS)
def test_a_batch_equals_k_single_runs(config):
    seeds = [0, 1, 2, 3, 5, 8, 13]
    batch = Batch(config, seeds)
    assert batch.params["W0"].shape == (7, Config.from_dict(config).n_h, 2)
    batch.train(300)
    batch.train(200)
    assert batch.step == 500 and batch.costs.shape == (7,)
    for k, seed in enumerate(seeds):
        run = Run(dict(config, seed=seed))
        run.train(500)
        assert batch.costs[k] == pytest.approx(run.cost, rel=1e-12, abs=1e-15)
        for name, value in run.params.items():
            np.testing.assert_allclose(batch.params[name][k], value, rtol=1e-12, atol=1e-15)
        assert batch.solved[k] == run.solved
    assert not batch.diverged.any() and (batch.diverged_at == -1).all()


def test_batch_solved_flags_tell_solvers_from_stuck_networks():
    batch = Batch({"n_h": 2, "learning_rate": 1}, range(20))
    batch.train(2000)
    assert 0 < batch.solved.sum() < 20  # at a small learning rate some seeds are still on a plateau
    for k in np.flatnonzero(~batch.solved)[:2]:
        run = Run({"n_h": 2, "learning_rate": 1, "seed": k})
        run.train(2000)
        assert not run.solved


@pytest.mark.parametrize(
    "config, steps",
    [
        ({"activation": "relu", "cost": "cross_entropy", "learning_rate": 1e100}, 30),  # NaN, then rising costs
        ({"activation": "tanh", "cost": "half_mse", "learning_rate": 60}, 200),  # rising costs at various steps
    ],
)
def test_diverging_networks_freeze_while_the_others_train_as_single_runs_do(config, steps):
    batch = Batch(config, range(12))
    batch.train(steps)
    assert batch.diverged.any()
    for k in range(12):
        run = Run(dict(config, seed=k))
        run.train(steps)
        assert batch.diverged[k] == (run.status == "diverged")
        assert batch.diverged_at[k] == (run.step if run.status == "diverged" else -1)
        np.testing.assert_allclose(batch.params["W1"][k], run.params["W1"], rtol=1e-12)
    assert not batch.solved[batch.diverged].any()


def test_nan_networks_stop_at_once_and_are_not_trained_further():
    config = {"activation": "relu", "cost": "cross_entropy", "learning_rate": 1e100}
    batch = Batch(config, range(12))
    batch.train(5)
    assert list(np.flatnonzero(batch.diverged)) == [2, 3]  # their cost is NaN at step 2
    frozen = {name: value[[2, 3]].copy() for name, value in batch.params.items()}
    batch.train(10)
    for name in frozen:
        np.testing.assert_array_equal(batch.params[name][[2, 3]], frozen[name])


def test_a_batch_catches_a_non_finite_parameter_per_network():
    batch = Batch(None, [2, 3, 4])
    batch.params["b0"][1, 0, 0] = np.inf
    batch.train(20)
    assert list(batch.diverged) == [False, True, False]
    assert list(batch.diverged_at) == [-1, 1, -1]
    run = Run({"seed": 4})
    run.train(20)
    np.testing.assert_allclose(batch.params["W0"][2], run.params["W0"], rtol=1e-12)


def test_a_batch_that_has_all_diverged_stops():
    batch = Batch({"activation": "relu", "learning_rate": 1e200}, [2, 3])
    batch.train(10)
    assert batch.diverged.all() and batch.step == 1


def test_a_batch_needs_seeds_and_checks_them():
    with pytest.raises(ValueError, match="seeds"):
        Batch(None, [])
    with pytest.raises(ValueError, match="seed must be a whole number"):
        Batch(None, [1, -1])


def test_a_learning_rate_of_1000_diverges_by_a_rising_cost_and_says_so():
    run = Run({"learning_rate": 1000})
    J0 = run.cost
    run.train(100)
    assert run.status == "diverged"
    assert run.step <= Run.RISE_STEPS + 5  # noticed within a few steps of the rise
    assert math.isfinite(run.cost) and run.cost > Run.RISE_RATIO * J0  # a readable, finite cost
    assert run.reason.startswith(f"the cost rose from {J0:.4g} to ")
    assert "the learning rate 1000 is too large" in run.reason
    step = run.step
    run.train(10)
    assert run.step == step


@pytest.mark.parametrize("seed", range(40))
def test_the_default_learning_rate_never_counts_as_diverged(seed):
    # Some seeds' cost jumps above 1.5 J0 for a single step on the way down; that is not divergence.
    run = Run({"seed": seed})
    run.train(2000)
    assert run.status == "ready" and run.solved


def test_changing_the_learning_rate_keeps_training_from_the_same_network():
    run, reference = Run(), Run()
    run.train(300)
    reference.train(300)
    run.set_learning_rate("2.5")
    assert run.config.learning_rate == 2.5 and run.step == 300
    grads = reference.gradients()
    expected = {name: reference.params[name] - 2.5 * grads["d" + name] for name in run.params}
    run.train(1)
    for name in run.params:
        np.testing.assert_array_equal(run.params[name], expected[name])
    with pytest.raises(ValueError, match="learning_rate must be a finite number greater than 0"):
        run.set_learning_rate("nan")
    assert run.config.learning_rate == 2.5


def test_raising_the_learning_rate_mid_run_is_judged_from_the_cost_at_that_moment():
    run = Run()
    run.train(20)
    low = run.cost
    run.set_learning_rate(1000)
    run.train(100)
    assert run.status == "diverged"
    assert run.reason.startswith(f"the cost rose from {low:.4g} to ")


def test_a_trained_network_can_take_a_huge_learning_rate():
    # Near a solution the sigmoid saturates and the gradient all but vanishes: no rise, no divergence.
    run = Run()
    run.train(1000)
    low = run.cost
    run.set_learning_rate(1000)
    run.train(200)
    assert run.status == "ready" and run.cost < low


def test_a_history_limit_keeps_an_evenly_thinned_curve():
    full, limited = Run(), Run(history_limit=100)
    full.train(1000)
    limited.train(1000)
    assert len(limited.history) <= 101
    stride = limited.history_stride
    assert stride == 16  # 1001 points thinned by halving until at most 101 remain
    assert limited.history == full.history[::stride][: len(limited.history)]
    assert (limited.step, limited.cost) == (full.step, full.cost)


@pytest.mark.parametrize("limit", [1, 3, 0, "many"])
def test_a_history_limit_must_be_an_even_whole_number_of_at_least_2(limit):
    with pytest.raises(ValueError, match="history_limit"):
        Run(history_limit=limit)


def test_a_batch_tracks_the_step_from_which_each_network_stays_solved():
    config = {"learning_rate": 3}
    seeds = range(6)
    batch = Batch(config, seeds, track_solved=True)
    assert Batch(config, seeds).solved_since is None  # nothing tracked unless asked
    singles = [Run({**config, "seed": seed}) for seed in seeds]
    since = [-1] * len(singles)
    for step in range(1, 400):
        batch.train(1)
        for k, run in enumerate(singles):
            run.train(1)
            since[k] = (since[k] if since[k] >= 0 else step) if run.solved else -1
        assert batch.solved_since.tolist() == since
    assert any(s >= 0 for s in since) and any(s < 0 for s in since)


def test_a_batch_draws_the_same_initial_networks_as_init_params():
    seeds = [0, 1, 2, 2**32 - 1]
    batch = Batch({"n_h": 5}, seeds)
    for k, seed in enumerate(seeds):
        for name, value in init_params(5, seed).items():
            np.testing.assert_array_equal(batch.params[name][k], value)
