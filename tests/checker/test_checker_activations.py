"""check("activations", ...): the reference passes everywhere, the starter is missing, named mistakes by hand."""

import numpy as np
import pytest

import exercises
from checker import door
from shared.protocol import read

EX = exercises.activations


def check(code, screen):
    return read(door.check("activations", code, screen))[0]


def rows(result):
    return {row["name"]: row for row in result["rows"]}


def test_the_reference_is_right_on_every_case_including_large_z(screen):
    result = check(EX.SOLUTION, screen)
    assert result["summary"] == "6 of 6 right" and result["error"] is None and result["stopped"] is None
    assert "numbers from -800 to 800" in result["networks"] and len(result["networks"]) == 6
    assert result["output"] == ""  # e^800 overflows inside the sigmoid: no warning shown, no error


def test_run_shows_the_notebooks_sigmoid_of_Z2(screen):
    values = {v["name"]: v["text"] for v in read(door.run("activations", EX.SOLUTION, screen))[0]["values"]}
    # the notebook's cell 12 prints A2 = sigmoid(Z2) = [[0.51535 0.52475 0.51843 0.52157]]: Z2 is the last row here
    assert values["sigmoid"].splitlines()[-1].strip() == "[0.51535 0.52475 0.51843 0.52157]]"


def test_the_starter_is_all_missing(screen):
    result = check(EX.STARTER, screen)
    assert [row["status"] for row in result["rows"]] == ["missing"] * 6


def _with(old, new):
    assert old in EX.SOLUTION
    return EX.SOLUTION.replace(old, new)


MISTAKES = [
    ("tanh_prime_from_A", "return 1 - A**2", "return 1 - np.tanh(A)**2", "tanh_of_A1"),
    ("tanh_prime_from_A", "return 1 - A**2", "return A * (1 - A)", "sigmoid_derivative"),
    ("sigmoid", "return 1 / (1 + np.exp(-Z))", "return 1 / (1 + np.exp(Z))", "plus_z"),
    ("sigmoid", "return 1 / (1 + np.exp(-Z))", "return np.exp(Z) / (1 + np.exp(Z))", "overflow"),
    ("tanh", "return np.tanh(Z)", "return (np.exp(Z) - np.exp(-Z)) / (np.exp(Z) + np.exp(-Z))", "overflow"),
    ("relu", "return np.maximum(Z, 0)", "return np.max(Z, 0)", "np_max"),
    ("sigmoid_prime_from_A", "return A * (1 - A)", "return 1 - A**2", "tanh_derivative"),
    (
        "sigmoid_prime_from_A",
        "return A * (1 - A)",
        "return 1 / (1 + np.exp(-A)) * (1 - 1 / (1 + np.exp(-A)))",
        "sigmoid_of_A",
    ),
    ("relu_prime", "return (Z > 0) * 1.0", "return np.maximum(Z, 0)", "relu_itself"),
    ("relu_prime", "return (Z > 0) * 1.0", "return np.where(Z < 0, 1.0, 0.0)", "flipped"),
]


@pytest.mark.parametrize("name, old, new, mistake", MISTAKES)
def test_a_named_mistake_is_diagnosed_as_itself(screen, name, old, new, mistake):
    result = check(_with(old, new), screen)
    row = rows(result)[name]
    assert row["status"] in ("wrong", "wrong shape") and row["diagnosis"]["mistake"] == mistake
    assert sum(r["status"] == "right" for r in result["rows"]) == 5  # only that one is wrong


def test_the_notebooks_slip_is_named_as_the_notebooks(screen):
    row = rows(check(_with("return 1 - A**2", "return 1 - np.tanh(A)**2"), screen))["tanh_prime_from_A"]
    assert "notebook's slip" in row["diagnosis"]["text"]


def test_an_unstable_sigmoid_is_right_on_the_networks_and_wrong_only_at_large_z(screen):
    row = rows(check(_with("return 1 / (1 + np.exp(-Z))", "return np.exp(Z) / (1 + np.exp(Z))"), screen))["sigmoid"]
    assert row["network"] == "numbers from -800 to 800" and row["status"] == "wrong"


def test_the_large_numbers_are_large():
    # by hand: sigmoid(-800) underflows to 0 and sigmoid(800) is 1; tanh saturates at -1 and 1
    from checker.specs.activations import LARGE

    assert LARGE.min() == -800 and LARGE.max() == 800 and not (LARGE == 0).any()
    with np.errstate(over="ignore"):
        assert 1 / (1 + np.exp(800.0)) == 0.0
