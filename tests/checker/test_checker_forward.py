"""check("forward", ...) and run("forward", ...)."""

import exercises
from checker import door as exports
from shared.protocol import read

SOLUTION = exercises.forward.SOLUTION


def check(code, screen):
    result = read(exports.check("forward", code, screen))[0]
    return result


def test_the_reference_forward_pass_is_right(screen):
    result = check(SOLUTION, screen)
    assert result["summary"] == "5 of 5 right" and result["note"] is None
    assert [row["name"] for row in result["rows"]] == ["Z1", "A1", "Z2", "A2", "J"]


def test_run_shows_the_notebooks_printed_values(screen):
    result = read(exports.run("forward", SOLUTION, screen))[0]
    values = {v["name"]: v["text"] for v in result["values"]}
    # cells 5, 9, 11 and 12 of the notebook
    assert values["Z1"] == "[[ 0.09437  0.05832  0.1      0.0527 ]\n [ 0.26403 -0.11362  0.1      0.05041]]"
    assert values["Z2"] == "[[0.0614  0.09907 0.07374 0.08632]]"
    assert values["A2"] == "[[0.51535 0.52475 0.51843 0.52157]]"
    assert values["J"] == "0.12519"


def test_the_starter_is_all_missing(screen):
    result = check(exercises.forward.STARTER, screen)
    assert [row["status"] for row in result["rows"]] == ["missing"] * 5 and result["error"] is None


def test_a_wrong_A1_makes_Z2_and_A2_follow_from_it(screen):
    result = check(SOLUTION.replace("A1 = np.tanh(Z1)", "A1 = sigmoid(Z1)"), screen)
    by_name = {row["name"]: row for row in result["rows"]}
    assert by_name["Z1"]["status"] == "right" and by_name["A1"]["status"] == "wrong"
    assert by_name["Z2"]["diagnosis"]["from"] == "A1" and by_name["A2"]["diagnosis"]["from"] == "Z2"
    assert by_name["J"]["status"] == "right"  # the cost is checked on the model's A2
    assert result["first_wrong"] == "A1" and result["formula"] == "A1 = tanh(Z1)"


def test_a_cost_without_the_half_is_wrong(screen):
    result = check(SOLUTION.replace("J = 1/2 * np.mean", "J = np.mean"), screen)
    assert {row["name"]: row["status"] for row in result["rows"]}["J"] == "wrong"


def test_forward_returning_three_values_is_an_error(screen):
    result = check(SOLUTION.replace("return Z1, A1, Z2, A2", "return Z1, A1, A2"), screen)
    assert result["error"]["kind"] == "TypeError" and "four values" in result["error"]["message"]
