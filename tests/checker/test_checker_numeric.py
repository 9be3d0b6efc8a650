"""check("numeric", ...): central differences against backpropagation, the chosen h (too large, too small), and
the named mistakes written by hand. Oracles: the notebook's printed gradients (cells 16-31), hand arithmetic."""

import numpy as np
import pytest

import exercises
from checker import door
from shared.protocol import read

EX = exercises.numeric


def check(code, screen):
    return read(door.check("numeric", code, screen))[0]


def rows(result):
    return {row["name"]: row for row in result["rows"]}


def test_the_reference_is_right_on_every_network(screen):
    result = check(EX.SOLUTION, screen)
    assert result["summary"] == "5 of 5 right" and result["error"] is None
    assert len(result["networks"]) == 5


def test_run_shows_the_notebooks_gradients_and_the_chosen_h(screen):
    values = {v["name"]: v["text"] for v in read(door.run("numeric", EX.SOLUTION, screen))[0]["values"]}
    assert values["dW1"] == "[[0.00036 0.00041]]"  # the notebook's cell 26 prints -dW1: [[-0.00036 -0.00041]]
    assert values["db1"] == "[[0.005]]"  # cell 28: [[-0.005]], the notebook's sign
    assert values["h"] == "1e-05"


def test_the_starter_is_all_missing(screen):
    assert [row["status"] for row in check(EX.STARTER, screen)["rows"]] == ["missing"] * 5


def test_a_function_of_a_plain_quadratic_by_hand():
    # f(P) = sum(P**2) has gradient 2P: central differences are exact for a quadratic up to rounding
    namespace = {}
    exec(EX.SOLUTION, namespace)
    P = np.array([[1.0, -2.0], [0.5, 3.0]])
    d = namespace["numeric_gradient"](lambda Q: float(np.sum(Q**2)), P, 1e-5)
    np.testing.assert_allclose(d, 2 * P, rtol=1e-8)
    np.testing.assert_array_equal(P, [[1.0, -2.0], [0.5, 3.0]])  # put back


@pytest.mark.parametrize(
    "h, mistake, words",
    [("1e-2", "h_too_large", "too large"), ("1e-9", "h_too_small", "too small"), ("0", "not_positive", "no step")],
)
def test_an_unsensible_h_is_named_with_its_relative_error(screen, h, mistake, words):
    result = check(EX.SOLUTION.replace("h = 1e-5", "h = " + h), screen)
    row = rows(result)["h"]
    assert row["status"] == "wrong" and row["diagnosis"]["mistake"] == mistake
    assert words in row["diagnosis"]["text"]
    if mistake != "not_positive":
        assert "relative error of" in row["diagnosis"]["text"] and row["error_text"]
    assert result["right"] == 4  # the function itself is right


def test_the_notebooks_delta_is_too_small_here(screen):
    row = rows(check(EX.SOLUTION.replace("h = 1e-5", "h = 10**(-9)"), screen))["h"]
    assert row["diagnosis"]["mistake"] == "h_too_small"


def test_h_between_1e_7_and_1e_4_is_sensible(screen):
    for h in ("1e-7", "1e-4"):
        assert rows(check(EX.SOLUTION.replace("h = 1e-5", "h = " + h), screen))["h"]["status"] == "right"


ONE_SIDED = """import numpy as np

h = 1e-5


def numeric_gradient(f, P, h):
    d = np.zeros(P.shape)
    J = f(P)
    for index in np.ndindex(P.shape):
        P_ = np.copy(P)
        P_[index] += h
        d[index] = (f(P_) - J) / h
    return d
"""

NOT_RESTORED = """import numpy as np

h = 1e-5


def numeric_gradient(f, P, h):
    d = np.zeros(P.shape)
    for i in range(P.shape[0]):
        for j in range(P.shape[1]):
            P[i, j] += h
            up = f(P)
            P[i, j] -= 2 * h
            down = f(P)
            d[i, j] = (up - down) / (2 * h)
    return d
"""


@pytest.mark.parametrize(
    "code, mistake",
    [
        (ONE_SIDED, "one_sided"),
        (NOT_RESTORED, "no_restore"),
        (EX.SOLUTION.replace("/ (2 * h)", "/ h"), "over_h"),
    ],
)
def test_a_named_mistake_is_diagnosed_as_itself(screen, code, mistake):
    result = check(code, screen)
    diagnosed = {row["diagnosis"]["mistake"] for row in result["rows"] if row["diagnosis"]}
    assert diagnosed == {mistake}, result["rows"]
    # db1 has one entry: nothing is left changed before it, so forgetting to restore cannot show there
    wrong = {row["name"] for row in result["rows"] if row["status"] != "right"}
    assert wrong == ({"dW0", "db0", "dW1"} if mistake == "no_restore" else {"dW0", "db0", "dW1", "db1"})
