"""check("backward", ...): the reference passes, the starter is all missing, and each known mistake,
written by hand as a student would, is named."""

import pytest

import exercises
from checker import door as exports
from shared.protocol import read

SOLUTION = exercises.backward.SOLUTION


def check(code, screen):
    result = read(exports.check("backward", code, screen))[0]
    return result


def rows(result):
    return {row["name"]: row for row in result["rows"]}


def backward_with(*lines):
    """A student's backward pass: the reference with some lines replaced (old -> new)."""
    code = SOLUTION
    for old, new in lines:
        assert old in code, old
        code = code.replace(old, new)
    return code


def test_the_reference_solution_is_right_on_every_network(screen):
    result = check(SOLUTION, screen)
    assert (result["right"], result["total"], result["summary"]) == (8, 8, "8 of 8 right")
    assert result["first_wrong"] is None and result["formula"] is None and result["note"] is None
    assert result["error"] is None and result["stopped"] is None
    assert len(result["networks"]) >= 5 and result["networks"][0].startswith("the network on screen")
    for row in result["rows"]:
        assert (row["status"], row["band"], row["diagnosis"]) == ("right", "right", None)
        assert row["error"] < 1e-7  # against central differences, on every network


def test_the_starter_code_gives_missing_rows(screen):
    result = check(exercises.backward.STARTER, screen)
    assert result["error"] is None and result["right"] == 0
    assert [row["status"] for row in result["rows"]] == ["missing"] * 8
    assert result["first_wrong"] == "dA2" and result["formula"] == exercises.backward.FORMULAS["dA2"]


NOTEBOOK_CELL_32 = """import numpy as np

def tanh(Z):
  '''Activation function in the hidden layer.'''
  return np.tanh(Z)

def sigmoid(Z):
  '''Activation function in the output layer.'''
  return 1 / (1 + np.exp(-Z))

def backward(A0, Y, W0, b0, W1, b1, Z1, A1, Z2, A2):
  m = Y.shape[1]
  dA2 = (Y - A2) / m
  dZ2 = dA2 * sigmoid(Z2) * (1-sigmoid(Z2))
  dW1 = np.dot(dZ2, A1.T)
  db1 = np.sum(dZ2, keepdims=True)
  dA1 = np.dot(W1.T, dZ2)
  dZ1 = dA1 * (1 - tanh(A1)**2)
  dW0 = np.dot(dZ1, A0.T)
  db0 = np.sum(dZ1, axis=1, keepdims=True)
  return {"dA2": dA2, "dZ2": dZ2, "dW1": dW1, "db1": db1,
          "dA1": dA1, "dZ1": dZ1, "dW0": dW0, "db0": db0}
"""


def test_the_notebooks_cell_32_passes_with_the_sign_note_except_its_tanh_slip(screen):
    result = check(NOTEBOOK_CELL_32, screen)
    by_name = rows(result)
    assert result["note"] and "cell 32" in result["note"]
    for name in ("dA2", "dZ2", "dW1", "db1", "dA1"):
        assert by_name[name]["status"] == "right", by_name[name]
    assert by_name["dZ1"]["status"] == "wrong"
    assert by_name["dZ1"]["diagnosis"]["mistake"] == "tanh_of_A1"
    assert "1 - A1**2" in by_name["dZ1"]["diagnosis"]["text"]
    for name in ("dW0", "db0"):
        assert by_name[name]["status"] == "wrong"
        assert by_name[name]["diagnosis"]["mistake"] == "follows"
        assert "dZ1" in by_name[name]["diagnosis"]["text"]
    assert (result["right"], result["first_wrong"]) == (5, "dZ1")
    assert result["formula"] == "dZ1 = dA1 * (1 - A1²)"


def test_the_negative_convention_throughout_is_accepted_with_the_note(screen):
    result = check(backward_with(("dA2 = (A2 - Y) / m", "dA2 = (Y - A2) / m")), screen)
    assert result["summary"] == "8 of 8 right" and result["note"]


STUDENT_MISTAKES = {
    "forgot_m": ([("dA2 = (A2 - Y) / m", "dA2 = A2 - Y")], "dA2"),
    "sign_flipped": ([("dZ1 = dA1 * (1 - A1**2)", "dZ1 = dA1 * (A1**2 - 1)")], "dZ1"),
    "sigma_prime_missing": ([("dZ2 = dA2 * A2 * (1 - A2)", "dZ2 = dA2")], "dZ2"),
    "tanh_of_A1": ([("dZ1 = dA1 * (1 - A1**2)", "dZ1 = dA1 * (1 - np.tanh(A1)**2)")], "dZ1"),
    "transposed": ([("dW1 = np.dot(dZ2, A1.T)", "dW1 = np.dot(A1, dZ2.T)")], "dW1"),
    "wrong_axis": ([("db0 = np.sum(dZ1, axis=1, keepdims=True)", "db0 = np.sum(dZ1, axis=0, keepdims=True)")], "db0"),
    "no_keepdims": ([("db1 = np.sum(dZ2, axis=1, keepdims=True)", "db1 = np.sum(dZ2, axis=1)")], "db1"),
    "A1_for_A0": ([("dW0 = np.dot(dZ1, A0.T)", "dW0 = np.dot(dZ1, A1.T)")], "dW0"),
}


@pytest.mark.parametrize("mistake", list(STUDENT_MISTAKES))
def test_each_known_mistake_is_named(mistake, screen):
    lines, name = STUDENT_MISTAKES[mistake]
    result = check(backward_with(*lines), screen)
    row = rows(result)[name]
    assert row["status"] in ("wrong", "wrong shape"), row
    assert row["diagnosis"] and row["diagnosis"]["mistake"] == mistake, row
    assert row["diagnosis"]["text"].startswith(name)
    assert result["first_wrong"] == name
    assert result["note"] is None


def test_a_mistake_is_inherited_downstream(screen):
    by_name = rows(check(backward_with(("dA2 = (A2 - Y) / m", "dA2 = A2 - Y")), screen))
    assert by_name["dA2"]["diagnosis"]["mistake"] == "forgot_m"
    for name, up in (
        ("dZ2", "dA2"),
        ("dW1", "dZ2"),
        ("db1", "dZ2"),
        ("dA1", "dZ2"),
        ("dZ1", "dA1"),
        ("dW0", "dZ1"),
        ("db0", "dZ1"),
    ):
        assert by_name[name]["diagnosis"] == {
            "mistake": "follows",
            "from": up,
            "text": f"{name} follows from {up}: fix that first.",
        }


def test_transposed_products_in_both_layers(screen):
    code = backward_with(
        ("dW1 = np.dot(dZ2, A1.T)", "dW1 = np.dot(A1, dZ2.T)"), ("dW0 = np.dot(dZ1, A0.T)", "dW0 = np.dot(A0, dZ1.T)")
    )
    by_name = rows(check(code, screen))
    assert by_name["dW1"]["diagnosis"]["mistake"] == "transposed"
    assert by_name["dW0"]["diagnosis"]["mistake"] == "transposed"
    assert by_name["dW1"]["status"] == "wrong shape"
    assert by_name["dW1"]["shape"] == [1, 2] and by_name["dW1"]["got_shape"] == [2, 1]


def test_a_wrong_shape_names_the_expected_shape(screen):
    row = rows(check(backward_with(("db0 = np.sum(dZ1, axis=1, keepdims=True)", "db0 = np.sum(dZ1, axis=1)")), screen))[
        "db0"
    ]
    assert row["status"] == "wrong shape"
    assert row["shape"] == [2, 1] and row["got_shape"] == [2]
    assert row["network"].startswith("the network on screen")
    # What the page shows, written by the worker (the page's MicroPython formats floats otherwise).
    assert row["result_text"] == "wrong shape: db0 must have shape (2, 1), not shape (2,)"
    assert row["error_text"] == ""


def test_the_texts_of_a_wrong_row_name_its_network_error_and_band(screen):
    row = rows(check(backward_with(("dA2 = (A2 - Y) / m", "dA2 = (A2 - Y)")), screen))["dA2"]
    assert row["result_text"] == "wrong (on " + row["network"] + ")"
    assert row["error"] > 0.5  # 4 times too big: |4g - g| / (|4g| + |g|) = 0.6
    assert row["error_text"] == "6.0e-01 (wrong)"


def test_a_missing_key_is_missing(screen):
    result = check(SOLUTION.replace('"db0": db0', '"db_0": db0'), screen)
    assert rows(result)["db0"]["status"] == "missing" and result["right"] == 7


def test_returning_something_else_than_a_dict_is_an_error(screen):
    result = check(
        SOLUTION.replace("return {", "return ({").replace('"dW0": dW0, "db0": db0}', '"dW0": dW0, "db0": db0},)'),
        screen,
    )
    assert result["error"]["kind"] == "TypeError" and "dict" in result["error"]["message"]
    assert [row["status"] for row in result["rows"]] == ["missing"] * 8


def test_a_missing_function_is_named(screen):
    result = check("import numpy as np\n\ndef backwards(A0, Y):\n    return {}\n", screen)
    assert result["error"]["kind"] == "NameError" and "backward" in result["error"]["message"]


def test_a_gradient_that_is_not_numbers_is_wrong(screen):
    result = check(SOLUTION.replace('"dA2": dA2', '"dA2": "dA2"'), screen)
    assert rows(result)["dA2"]["status"] == "wrong" and result["error"] is None


def test_code_that_only_works_for_two_hidden_units_says_on_which_network_it_failed(screen):
    code = SOLUTION.replace("dA1 = np.dot(W1.T, dZ2)", "dA1 = np.dot(W1.T, dZ2).reshape(2, 4)")
    result = check(code, screen)
    assert result["error"]["kind"] == "ValueError"
    assert result["error"]["network"] == "seed 0, 1 hidden unit"
    assert result["error"]["text"] == "dA1 = np.dot(W1.T, dZ2).reshape(2, 4)"
    assert result["right"] == 0  # not right on every network
