"""The exercises checked also on the data on screen (issue 20): the page's network JSON says which data it shows
(a generated set by its parameters, the student's own points as a link's points= text or the model's CSV), and the
checker runs the student's functions on the network on screen with those training examples as one more case, named
"your data (...)". A truth table adds nothing.

Oracles: the model's data generator (backprop.generate, the same points as the page's), NumPy written here, and
solutions that are right on four examples only (m = 4 written in).
"""

import json

import numpy as np
import pytest

import exercises
from backprop import generate
from checker import door as exports
from checker.networks import on_screen, page_data
from shared.protocol import Refused, read

SPIRAL = {"kind": "spiral", "data_seed": 7, "data_size": 60, "noise": 10, "train_percent": 50}
POINTS_TEXT = "0.25_-0.5_1~-1.0_0.75_0~0.5_0.5_1~1.5_1e-07_2~0.125_0.375_0"  # 4 training points, 1 test point


def network_json(n_h=2, seed=2):
    """The page's description of a fresh network (as tests/checker/conftest.py's): the notebook's initialisation."""
    rng = np.random.RandomState(seed)
    params = {
        "W0": rng.randn(n_h, 2) * 0.1,
        "b0": np.full((n_h, 1), 0.1),
        "W1": rng.randn(1, n_h) * 0.1,
        "b1": np.full((1, 1), 0.1),
    }
    flat = {name: [repr(x) for x in value.ravel().tolist()] for name, value in params.items()}
    return json.dumps({"n_h": n_h, "table": "XOR", "seed": seed, "step": 0, "params": flat})


def with_data(data, **kwargs):
    network = json.loads(network_json(**kwargs))
    network["data"] = data
    return json.dumps(network)


def check(exercise, code, screen):
    return read(exports.check(exercise, code, screen))[0]


def test_a_generated_set_is_made_again_from_its_parameters():
    screen = on_screen(with_data(SPIRAL))
    data = generate("spiral", 7, 60, 10, 50)
    assert screen.on_data.label == "your data (spiral, 30 training points)"
    assert np.array_equal(screen.on_data.A0, data.A0) and np.array_equal(screen.on_data.Y, data.Y)
    assert {name: value.tolist() for name, value in screen.on_data.params.items()} == {
        name: value.tolist() for name, value in screen.params.items()
    }
    Z1 = screen.params["W0"] @ data.A0 + screen.params["b0"]
    np.testing.assert_allclose(screen.on_data.cache["A1"], np.tanh(Z1), rtol=1e-13)


def test_own_points_come_as_a_link_text_or_as_the_models_csv():
    label, data = page_data({"kind": "points", "points": POINTS_TEXT})
    assert label == "your data (4 training points)"
    assert data.A0.tolist() == [[0.25, -1.0, 0.5, 0.125], [-0.5, 0.75, 0.5, 0.375]]
    assert data.Y.tolist() == [[1.0, 0.0, 1.0, 0.0]] and data.A0_test.tolist() == [[1.5], [1e-07]]
    csv = (
        "x1,x2,y,split\n0.25,-0.5,1,train\n-1.0,0.75,0,train\n0.5,0.5,1,train\n1.5,1e-07,0,test\n0.125,0.375,0,train\n"
    )
    _, again = page_data({"kind": "points", "csv": csv})
    assert again.A0.tolist() == data.A0.tolist() and again.Y.tolist() == data.Y.tolist()
    assert page_data({"kind": "points", "points": ""}) is None  # no points on screen: nothing more to check
    assert page_data({"kind": "points", "points": "0.5_0.5_3"}) is None  # a test point only: no training point
    assert page_data({"kind": "table"}) is None and page_data(None) is None


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "spiral", "data_size": 5},
        {"kind": "moons"},
        {"kind": "points", "points": "0.5_x_1"},
        {"kind": "points", "points": "0.5_0.5_7"},
        "spiral",
    ],
)
def test_data_the_checker_cannot_take_is_refused_in_words(data):
    with pytest.raises(Refused):
        read(exports.check("forward", exercises.forward.SOLUTION, with_data(data)))


def test_forward_is_checked_on_the_data_too():
    result = check("forward", exercises.forward.SOLUTION, with_data(SPIRAL))
    assert result["networks"][-1] == "your data (spiral, 30 training points)" and len(result["networks"]) == 6
    assert result["summary"] == "5 of 5 right"
    # the same network without data: the five networks of before
    assert len(check("forward", exercises.forward.SOLUTION, network_json())["networks"]) == 5


def test_a_backward_right_on_four_examples_only_is_wrong_on_the_data():
    four = exercises.backward.SOLUTION.replace("m = Y.shape[1]", "m = 4")
    assert check("backward", four, network_json())["summary"] == "8 of 8 right"  # the truth tables have m = 4
    result = check("backward", four, with_data(SPIRAL))
    rows = {row["name"]: row for row in result["rows"]}
    assert rows["dA2"]["status"] == "wrong" and rows["dA2"]["network"] == "your data (spiral, 30 training points)"
    assert rows["dA2"]["result_text"] == "wrong (on your data (spiral, 30 training points))"
    assert check("backward", exercises.backward.SOLUTION, with_data(SPIRAL))["summary"] == "8 of 8 right"


def test_the_cost_exercise_is_checked_on_the_data():
    four = exercises.cost.SOLUTION.replace("m = Y.shape[1]", "m = 4")
    result = check("cost", four, with_data({"kind": "points", "points": POINTS_TEXT + "~0.75_0.25_1"}))
    rows = {row["name"]: row for row in result["rows"]}
    assert rows["half_mse_dA2"]["status"] == "wrong" and rows["half_mse_dA2"]["network"].startswith("A2 and Y of your")
    assert rows["half_mse"]["status"] == "right"
    right = check(
        "cost", exercises.cost.SOLUTION, with_data({"kind": "points", "points": POINTS_TEXT + "~0.75_0.25_1"})
    )
    assert right["right"] == right["total"] and right["networks"][-1] == "A2 and Y of your data (5 training points)"


@pytest.mark.parametrize("exercise", ["activations", "numeric", "update"])
def test_the_other_exercises_add_the_data_as_a_case(exercise):
    module = getattr(exercises, exercise)
    result = check(exercise, module.SOLUTION, with_data(SPIRAL))
    assert [n for n in result["networks"] if "your data" in n] == [
        {
            "activations": "Z1 and Z2 of your data (spiral, 30 training points)",
            "numeric": "your data (spiral, 30 training points)",
            "update": "your data (spiral, 30 training points), learning rate 10",
        }[exercise]
    ]
    assert result["right"] == result["total"], result["rows"]


def test_the_data_cases_numbers_are_numpys():
    """The reference the student's dW0 is compared with on the data: NumPy's backward written here."""
    from checker.check import references

    screen = on_screen(with_data(SPIRAL))
    net = screen.on_data
    p = net.params
    A0, Y = net.A0, net.Y
    A1 = np.tanh(p["W0"] @ A0 + p["b0"])
    A2 = 1 / (1 + np.exp(-(p["W1"] @ A1 + p["b1"])))
    dZ2 = (A2 - Y) / Y.shape[1] * A2 * (1 - A2)
    dW0 = ((p["W1"].T @ dZ2) * (1 - A1**2)) @ A0.T
    refs = references(exercises.get("backward"), net)
    np.testing.assert_allclose(refs["dW0"][0], dW0, rtol=1e-12)
    np.testing.assert_allclose(refs["dW0"][1], dW0, rtol=1e-6)  # the numeric gradient


def test_the_hidden_values_numeric_reference_is_a_central_difference_of_j():
    """On the data (more than four examples) Z2, A1 and Z1 are differenced a row at a time: each entry is still J's
    central difference in that entry alone, computed here from Z1 on."""
    from checker.check import numeric_reference

    net = on_screen(with_data(SPIRAL, n_h=3)).on_data
    p, Y = net.params, net.Y
    Z1 = net.cache["Z1"]

    def J_of(Z):
        A2 = 1 / (1 + np.exp(-(p["W1"] @ np.tanh(Z) + p["b1"])))
        return 0.5 * np.mean((A2 - Y) ** 2)

    d = numeric_reference("Z1", net)
    assert d.shape == (3, 30)
    for i, j in ((0, 0), (2, 17), (1, 29)):
        up, down = Z1.copy(), Z1.copy()
        up[i, j] += 1e-5
        down[i, j] -= 1e-5
        assert d[i, j] == pytest.approx((J_of(up) - J_of(down)) / 2e-5, rel=1e-6, abs=1e-13)
    A1 = np.tanh(Z1)
    A2 = 1 / (1 + np.exp(-(p["W1"] @ A1 + p["b1"])))
    dZ2 = (A2 - Y) / 30 * A2 * (1 - A2)
    np.testing.assert_allclose(numeric_reference("A1", net), p["W1"].T @ dZ2, rtol=1e-6, atol=1e-12)
    np.testing.assert_allclose(numeric_reference("Z2", net), dZ2, rtol=1e-6, atol=1e-12)
