"""check("cost", ...): half-MSE and cross-entropy, J and dA2; the notebook's printed J; named mistakes by hand."""

import numpy as np
import pytest

import exercises
from checker import door
from shared.protocol import read

EX = exercises.cost


def check(code, screen):
    return read(door.check("cost", code, screen))[0]


def test_the_reference_is_right_on_every_network(screen):
    result = check(EX.SOLUTION, screen)
    assert result["summary"] == "4 of 4 right" and result["error"] is None
    assert any("after 300 steps" in label for label in result["networks"])


def test_run_shows_the_notebooks_J_and_dA2(screen):
    values = {v["name"]: v["text"] for v in read(door.run("cost", EX.SOLUTION, screen))[0]["values"]}
    assert values["half_mse"] == "0.12519"  # the notebook's cell 13: J=0.12519375208599626
    # cells 16 (by finite differences) and 17: dA2 = (A2 - Y) / m
    assert values["half_mse_dA2"] == "[[-0.12116 -0.11881  0.12961  0.13039]]"


def test_cross_entropy_by_hand(screen):
    # A2 = the notebook's cell 12 (to 5 digits), Y = XOR's targets (1, 1, 0, 0)
    A2 = np.array([0.51535, 0.52475, 0.51843, 0.52157])
    by_hand = -(np.log(A2[0]) + np.log(A2[1]) + np.log(1 - A2[2]) + np.log(1 - A2[3])) / 4
    values = {v["name"]: v["text"] for v in read(door.run("cost", EX.SOLUTION, screen))[0]["values"]}
    assert abs(float(values["cross_entropy"]) - by_hand) < 1e-4


def test_the_starter_is_all_missing(screen):
    assert [row["status"] for row in check(EX.STARTER, screen)["rows"]] == ["missing"] * 4


MISTAKES = [
    ("half_mse", "J = 1/2 * np.mean((A2 - Y)**2)", "J = 1/2 * np.sum((A2 - Y)**2)", "sum_for_mean"),
    ("half_mse", "J = 1/2 * np.mean((A2 - Y)**2)", "J = np.mean((A2 - Y)**2)", "missing_half"),
    ("half_mse_dA2", "dA2 = (A2 - Y) / m", "dA2 = (Y - A2) / m", "sign_flipped"),
    ("half_mse_dA2", "dA2 = (A2 - Y) / m", "dA2 = (A2 - Y) / len(Y)", "forgot_m"),
    ("half_mse_dA2", "dA2 = (A2 - Y) / m", "dA2 = 2 * (A2 - Y) / m", "missing_half"),
    ("cross_entropy", "J = -np.mean(", "J = -np.sum(", "sum_for_mean"),
    ("cross_entropy", "J = -np.mean(", "J = np.mean(", "missing_minus"),
    (
        "cross_entropy_dA2",
        "dA2 = (A2 - Y) / (A2 * (1 - A2)) / m",
        "dA2 = (Y - A2) / (A2 * (1 - A2)) / m",
        "sign_flipped",
    ),
    ("cross_entropy_dA2", "dA2 = (A2 - Y) / (A2 * (1 - A2)) / m", "dA2 = (A2 - Y) / (A2 * (1 - A2))", "forgot_m"),
    ("cross_entropy_dA2", "dA2 = (A2 - Y) / (A2 * (1 - A2)) / m", "dA2 = (A2 - Y) / m", "dZ2_for_dA2"),
]


@pytest.mark.parametrize("name, old, new, mistake", MISTAKES)
def test_a_named_mistake_is_diagnosed_as_itself(screen, name, old, new, mistake):
    assert old in EX.SOLUTION
    result = check(EX.SOLUTION.replace(old, new), screen)
    row = {row["name"]: row for row in result["rows"]}[name]
    assert row["status"] == "wrong" and row["diagnosis"]["mistake"] == mistake
    assert result["right"] == 3


def test_the_cross_entropy_gradient_matches_finite_differences(screen):
    # the oracle: central differences of the cross-entropy J, not the code under test
    A2 = np.array([[0.3, 0.6, 0.2, 0.9]])
    Y = np.array([[1.0, 1.0, 0.0, 0.0]])

    def J(A):
        return -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))

    numeric = np.zeros_like(A2)
    for j in range(4):
        up, down = A2.copy(), A2.copy()
        up[0, j] += 1e-6
        down[0, j] -= 1e-6
        numeric[0, j] = (J(up) - J(down)) / 2e-6
    namespace = {}
    exec(EX.SOLUTION, namespace)
    np.testing.assert_allclose(namespace["cross_entropy_dA2"](A2, Y), numeric, rtol=1e-6)
