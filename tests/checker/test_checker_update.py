"""check("update", ...): one step of gradient descent; named mistakes by hand; the step checked against a step
computed here from finite differences of the notebook's cost."""

import json

import numpy as np
import pytest

import exercises
from checker import door
from shared.protocol import read

EX = exercises.update


def check(code, screen):
    return read(door.check("update", code, screen))[0]


def rows(result):
    return {row["name"]: row for row in result["rows"]}


def test_the_reference_is_right_on_every_network(screen):
    result = check(EX.SOLUTION, screen)
    assert result["summary"] == "4 of 4 right" and result["error"] is None
    assert result["networks"][0].endswith("learning rate 10")  # the notebook's


def test_run_steps_the_network_on_screen_as_finite_differences_say(screen):
    params = {k: np.array([float(x) for x in v]) for k, v in json.loads(screen)["params"].items()}
    shapes = {"W0": (2, 2), "b0": (2, 1), "W1": (1, 2), "b1": (1, 1)}
    params = {k: v.reshape(shapes[k]) for k, v in params.items()}
    A0 = np.array([[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0]])  # the notebook's cell 34
    Y = np.array([[1.0, 1.0, 0.0, 0.0]])

    def J(p):
        A1 = np.tanh(p["W0"] @ A0 + p["b0"])
        A2 = 1 / (1 + np.exp(-(p["W1"] @ A1 + p["b1"])))
        return 0.5 * np.mean((A2 - Y) ** 2)

    values = {v["name"]: v["text"] for v in read(door.run("update", EX.SOLUTION, screen))[0]["values"]}
    for name in ("W1", "b1"):
        grad = np.zeros(shapes[name])
        for index in np.ndindex(grad.shape):
            up = {k: v.copy() for k, v in params.items()}
            down = {k: v.copy() for k, v in params.items()}
            up[name][index] += 1e-6
            down[name][index] -= 1e-6
            grad[index] = (J(up) - J(down)) / 2e-6
        stepped = params[name] - 10 * grad
        assert values[name] == np.array2string(stepped, precision=5, threshold=40, max_line_width=80)


def test_the_starter_is_all_missing(screen):
    assert [row["status"] for row in check(EX.STARTER, screen)["rows"]] == ["missing"] * 4


@pytest.mark.parametrize(
    "old, new, name, mistake",
    [
        ("W0 = W0 - learning_rate * dW0", "W0 = W0 + learning_rate * dW0", "W0", "plus"),
        ("b1 = b1 - learning_rate * db1", "b1 += learning_rate * db1", "b1", "plus"),
        ("W1 = W1 - learning_rate * dW1", "W1 = W1 - dW1", "W1", "no_learning_rate"),
        ("b0 = b0 - learning_rate * db0", "b0 = b0 - learning_rate * db1", "b0", "wrong_gradient"),
        ("W0 = W0 - learning_rate * dW0", "W0 = W0 - learning_rate * db0", "W0", "wrong_gradient"),
        ("W1 = W1 - learning_rate * dW1", "W1_new = W1 - learning_rate * dW1", "W1", "not_updated"),
    ],
)
def test_a_named_mistake_is_diagnosed_as_itself(screen, old, new, name, mistake):
    assert old in EX.SOLUTION
    result = check(EX.SOLUTION.replace(old, new), screen)
    row = rows(result)[name]
    assert row["status"] == "wrong" and row["diagnosis"]["mistake"] == mistake
    assert result["right"] == 3


def test_returning_three_values_is_an_error_in_words(screen):
    result = check(EX.SOLUTION.replace("return W0, b0, W1, b1", "return W0, b0, W1"), screen)
    assert "four parameters" in result["error"]["message"]


def test_updating_in_place_is_right_and_leaves_the_checkers_networks_alone(screen):
    code = EX.SOLUTION.replace("W0 = W0 - learning_rate * dW0", "W0 -= learning_rate * dW0")
    assert check(code, screen)["summary"] == "4 of 4 right"
    assert check(EX.SOLUTION, screen)["summary"] == "4 of 4 right"
