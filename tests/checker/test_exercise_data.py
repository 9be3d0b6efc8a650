"""The exercises as data: every field, consistent with each other."""

import pytest

import exercises


@pytest.mark.parametrize("name", exercises.NAMES)
def test_every_field_is_there_and_consistent(name):
    ex = exercises.get(name)
    assert name == ex.ID and ex.TITLE and all(isinstance(p, str) and p for p in ex.STATEMENT)
    assert set(ex.FORMULAS) == set(ex.CHECKED) == set(ex.HINTS)
    for checked in ex.CHECKED:
        assert len(ex.HINTS[checked]) == 3
        line = exercises.reference_line(ex, checked)
        answered = getattr(ex, "LINES", {}).get(checked, checked)
        assert line and line.startswith((answered + " =", "def " + answered + "("))
        assert all(line not in hint for hint in ex.HINTS[checked])  # the answer is not a hint
    for code in (ex.STARTER, ex.SOLUTION):
        compile(code, "<your code>", "exec")
        for function in ex.FUNCTIONS:
            assert f"def {function}(" in code or f"class {function}:" in code
    assert "# TODO" in ex.STARTER


def test_reference_line():
    assert exercises.reference_line(exercises.backward, "dZ1") == "dZ1 = dA1 * (1 - A1**2)"
    assert exercises.reference_line(exercises.forward, "J") == "J = 1/2 * np.mean((A2 - Y)**2)"
    assert exercises.reference_line(exercises.backward, "dX9") is None
    assert exercises.reference_line(exercises.activations, "tanh") == "def tanh(Z):\n    return np.tanh(Z)"


def test_an_unknown_exercise_is_a_clear_error():
    with pytest.raises(
        ValueError, match="unknown exercise 'sideways'; the exercises are " + ", ".join(exercises.NAMES)
    ):
        exercises.get("sideways")
