"""The data sets beside the truth tables (backprop/datasets.py): the generators, a student's own points, and a
network trained on them, checked against NumPy written out here."""

import math

import numpy as np
import pytest

from backprop import GENERATED, POINTS_LIMIT, Batch, Config, Run, generate, make_data, points_data
from backprop.datasets import sin_cos


def every_point(data):
    return np.concatenate([data.A0, data.A0_test], axis=1), np.concatenate([data.Y, data.Y_test], axis=1)


@pytest.mark.parametrize("kind", GENERATED)
@pytest.mark.parametrize("size, train_percent", [(20, 10), (200, 50), (500, 90)])
def test_shape_split_and_classes(kind, size, train_percent):
    data = generate(kind, 3, size, 10, train_percent)
    assert data.A0.shape == (2, data.m) and data.Y.shape == (1, data.m)
    assert data.A0_test.shape == (2, data.test_m) and data.Y_test.shape == (1, data.test_m)
    assert data.m == round(size * train_percent / 100) and data.m + data.test_m == size
    _, Y = every_point(data)
    assert set(np.unique(Y)) <= {0.0, 1.0}
    if kind in ("gaussians", "spiral"):  # half of each class by construction
        assert Y.sum() == size // 2
    else:  # the circle's noisy points and the cloud's quadrants decide the class
        assert 0.35 < Y.mean() < 0.65


@pytest.mark.parametrize("kind", GENERATED)
def test_a_data_seed_gives_the_same_points_and_another_seed_others(kind):
    assert generate(kind, 5, 100, 20, 50).points() == generate(kind, 5, 100, 20, 50).points()
    assert generate(kind, 5, 100, 20, 50).points() != generate(kind, 6, 100, 20, 50).points()


def test_without_noise_each_class_is_where_its_shape_puts_it():
    A0, Y = every_point(generate("circle", 1, 400, 0, 50))
    radius = np.hypot(A0[0], A0[1])  # TensorFlow Playground's radius 5, scaled by 1/5: inside 0.5, outside 0.7 to 1
    assert (radius[Y[0] == 1] <= 0.5).all() and ((radius[Y[0] == 0] >= 0.7) & (radius[Y[0] == 0] <= 1.0)).all()
    A0, Y = every_point(generate("xor_cloud", 1, 400, 0, 50))
    assert ((A0[0] * A0[1] < 0) == (Y[0] == 1)).all()  # class 1 where x1 and x2 differ in sign, as XOR's 1
    assert (np.abs(A0) >= 0.3 / 5).all()  # padded away from the axes
    A0, Y = every_point(generate("gaussians", 1, 400, 0, 50))
    assert np.allclose(A0[:, Y[0] == 1].mean(axis=1), [0.4, 0.4], atol=0.05)
    assert np.allclose(A0[:, Y[0] == 0].mean(axis=1), [-0.4, -0.4], atol=0.05)
    assert np.allclose(A0.std(axis=1), np.sqrt(0.4**2 + 0.5 / 25), rtol=0.1)  # the centres' spread and the variance
    A0, Y = every_point(generate("spiral", 1, 400, 0, 50))
    # Each arm: radius k / 200 at angle 1.75 * 2 pi * k / 200 (+ pi for the second arm), x = r sin t, y = r cos t.
    for arm in (0, 1):
        points = A0[:, Y[0] == 1 - arm]
        r = np.hypot(points[0], points[1])
        k = np.rint(r * 200)
        t = 1.75 * 2 * np.pi * k / 200 + arm * np.pi
        assert np.allclose(points, [r * np.sin(t), r * np.cos(t)], atol=1e-12)


@pytest.mark.parametrize("kind", GENERATED)
def test_noise_blurs_the_classes(kind):
    """A fixed rule separates the noiseless classes; with 50 % noise it gets more points wrong."""
    rules = {
        "circle": lambda A0: np.hypot(A0[0], A0[1]) < 0.6,
        "xor_cloud": lambda A0: A0[0] * A0[1] < 0,
        "gaussians": lambda A0: A0[0] + A0[1] > 0,
        "spiral": None,
    }
    if rules[kind] is None:  # the spiral's noise moves the points: their spread from the clean arms grows
        clean, noisy = (every_point(generate(kind, 4, 300, n, 50))[0] for n in (0, 50))
        assert np.abs(noisy - clean).mean() > 0.02
        return
    wrong = []
    for noise in (0, 50):
        A0, Y = every_point(generate(kind, 4, 300, noise, 50))
        wrong.append(int((rules[kind](A0) != (Y[0] == 1)).sum()))
    assert wrong[0] <= 3 < wrong[1]


def test_sin_cos_is_the_sine_and_cosine():
    for t in np.linspace(0, 25, 1001):
        assert sin_cos(t) == pytest.approx((math.sin(t), math.cos(t)), abs=1e-14)


def test_extent_covers_the_points_with_a_margin():
    assert make_data(Config()).extent() == (-0.5, 1.5)  # the truth table's square, as before
    data = points_data([[-1.2, 0.3, 1], [0.9, 0.1, 0, 1]])
    assert data.extent() == (-1.5, 1.5)
    assert points_data([[0.26, 0.3, 1]]).extent() == (0.0, 1.0)


def test_own_points_are_read_with_their_split():
    data = points_data([[0.5, -1, 1], [2, 3, 0, 1], ["1.5", " 2 ", 1.0, 0]])
    assert data.A0.tolist() == [[0.5, 1.5], [-1.0, 2.0]] and data.Y.tolist() == [[1.0, 1.0]]
    assert data.A0_test.tolist() == [[2.0], [3.0]] and data.Y_test.tolist() == [[0.0]]
    assert data.points() == [[0.5, -1.0, 1, 0], [1.5, 2.0, 1, 0], [2.0, 3.0, 0, 1]]


@pytest.mark.parametrize(
    "points, message",
    [
        ([[0, 0]], "point 1 must be [x1, x2, y] or [x1, x2, y, test]"),
        ([[0, 0, 1], [0, "a", 1]], "point 2: x2 is not a number (got 'a')"),
        ([[0, 0, 1], [float("nan"), 0, 1]], "point 2: x1 must be a finite number"),
        ([[math.inf, 0, 1]], "point 1: x1 must be a finite number"),
        ([[1e7, 0, 1]], "point 1: x1 must be at most 1e+06 in size"),
        ([[0, 0, 2]], "point 1: the class y must be 0 or 1 (got 2)"),
        ([[0, 0, 0.5]], "point 1: the class y must be 0 or 1"),
        ([[0, 0, 1, 2]], "point 1: test must be 0 (a training point) or 1 (a test point) (got 2)"),
        ([[0, 0, 1, 1]], "the points need at least one training point"),
        ([[0, 0, 1]] * (POINTS_LIMIT + 1), f"at most {POINTS_LIMIT} points (got {POINTS_LIMIT + 1})"),
        ("0,0,1", "points must be a list"),
    ],
)
def test_bad_points_are_refused_by_name(points, message):
    with pytest.raises(ValueError) as caught:
        points_data(points)
    assert str(caught.value).startswith(message)


def independent_cost(params, A0, Y):
    """J (half-MSE, tanh hidden, sigmoid output) written out, example by example."""
    total = 0.0
    for j in range(A0.shape[1]):
        hidden = [
            math.tanh(params["W0"][i][0] * A0[0, j] + params["W0"][i][1] * A0[1, j] + params["b0"][i][0])
            for i in range(len(params["W0"]))
        ]
        z = sum(w * a for w, a in zip(params["W1"][0], hidden)) + params["b1"][0][0]
        total += 0.5 * (1 / (1 + math.exp(-z)) - Y[0, j]) ** 2
    return total / A0.shape[1]


def test_a_run_learns_the_training_points_and_reports_the_test_cost():
    run = Run(Config(data="spiral", data_seed=3, data_size=100, noise=10, train_percent=70, n_h=4, learning_rate=2))
    data = run.data
    assert run.cost == pytest.approx(independent_cost(run.to_dict()["params"], data.A0, data.Y), abs=1e-12)
    assert run.test_cost() == pytest.approx(
        independent_cost(run.to_dict()["params"], data.A0_test, data.Y_test), abs=1e-12
    )
    run.train(50)
    params = run.to_dict()["params"]
    assert run.cost == pytest.approx(independent_cost(params, data.A0, data.Y), abs=1e-12)
    assert len(run.test_history) == len(run.history) == 51
    assert run.test_history[-1] == pytest.approx(independent_cost(params, data.A0_test, data.Y_test), abs=1e-12)
    A2_test = run.predict(data.A0_test)
    right = int(((A2_test > 0.5) == (data.Y_test > 0.5)).sum())
    assert run.accuracy()["test"] == (right, 30) and run.accuracy()["train"][1] == 70


def test_a_truth_table_run_has_no_test_curve():
    run = Run()
    run.train(10)
    assert run.test_history == [] and math.isnan(run.test_cost())
    assert run.accuracy() == {"train": (run.accuracy()["train"][0], 4), "test": (0, 0)}


def test_own_points_round_trip_through_a_saved_run():
    points = [[0.1, 0.2, 1, 0], [-0.5, 0.25, 0, 0], [0.7, -0.3, 1, 1]]
    run = Run(Config(data="points"), points=points, step=5)
    state = run.to_dict()
    assert state["points"] == points
    again = Run.from_dict(state)
    assert again.data.points() == points and again.cost == run.cost
    assert "points" not in Run().to_dict()
    with pytest.raises(ValueError, match="data points needs the points"):
        Run(Config(data="points"))


def test_set_points_goes_on_from_the_same_parameters_and_step():
    run = Run()
    run.train(30)
    params, step = run.to_dict()["params"], run.step
    points = [[0.0, 0.0, 0], [1.0, 1.0, 0], [0.5, 0.5, 1], [2.0, 2.0, 1, 1]]
    run.set_points(points)
    assert run.step == step and run.to_dict()["params"] == params and run.config.data == "points"
    train = np.array([[0.0, 1.0, 0.5], [0.0, 1.0, 0.5]])
    assert run.cost == pytest.approx(independent_cost(params, train, np.array([[0.0, 0.0, 1.0]])), abs=1e-12)
    assert len(run.test_history) == len(run.history) and math.isnan(run.test_history[0])
    run.train(5)
    assert run.step == step + 5 and len(run.test_history) == len(run.history)


def test_many_networks_learn_the_same_points_as_one():
    config = Config(data="circle", data_size=60, n_h=3, learning_rate=3)
    batch = Batch(config, seeds=[0, 1])
    batch.train(40)
    for k, seed in enumerate([0, 1]):
        run = Run(config.replace(seed=seed))
        run.train(40)
        assert batch.costs[k] == pytest.approx(run.cost, rel=1e-12)
