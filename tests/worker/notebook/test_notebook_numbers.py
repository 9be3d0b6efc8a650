"""How the Notebook view's numbers are written (py/worker/notebook/numbers.py): as the notebook's print() writes
them.

Oracles: what the seed notebook printed (W0 in cell 3), CPython's repr and NumPy's array2string with its
default print options, called here.
"""

import math

import numpy as np
import pytest
from notebook_printout import CELL_3_PRINTS

from backprop import init_params
from worker.notebook.numbers import matrix, number_text, repr_text, scalar, values


def test_a_matrix_is_its_print_its_values_and_its_shape():
    W0 = init_params(2, 2)["W0"]
    m = matrix(W0)
    assert m["text"] == CELL_3_PRINTS["W0"] == "[[-0.04167578 -0.00562668]\n [-0.21361961  0.16402708]]"
    assert m["values"] == [[float(x) for x in row] for row in W0]
    assert m["shape"] == [2, 2]
    assert all(type(x) is float for row in m["values"] for x in row)


def test_integers_print_as_integers_and_their_values_are_floats():
    A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]])
    m = matrix(A0)
    assert m["text"] == "[[0 1 0 1]\n [1 0 0 1]]"
    assert m["shape"] == [2, 4]
    assert m["values"] == [[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0]]
    assert values(np.array([1, 1, 0, 0])) == [1.0, 1.0, 0.0, 0.0]


def test_numbers_that_are_not_finite_stay_floats():
    m = matrix(np.array([[np.nan, np.inf, -np.inf, 1e308]]))
    assert m["text"] == np.array2string(np.array([[np.nan, np.inf, -np.inf, 1e308]]))
    assert math.isnan(m["values"][0][0])
    assert m["values"][0][1:] == [math.inf, -math.inf, 1e308]
    assert scalar(np.float64("nan"))["text"] == "nan"
    assert math.isnan(scalar(np.float64("nan"))["value"])
    assert scalar(-np.inf) == {"text": "-inf", "value": -math.inf}


@pytest.mark.parametrize("x", [0.12519375208599626, 0.1, -0.21361960956684542, 1e-05, 7.69857819e305, 2.0])
def test_a_scalar_is_cpythons_repr(x):
    assert repr_text(np.float64(x)) == repr(x)
    assert scalar(np.float64(x)) == {"text": repr(x), "value": x}
    assert type(scalar(np.float64(x))["value"]) is float
    assert number_text(np.float64(x)) == repr(x)


def test_the_notebooks_integer_inputs_print_without_a_point():
    assert (number_text(1.0, integer=True), number_text(0.0, integer=True)) == ("1", "0")
    assert number_text(1.0) == "1.0"
    assert number_text(0.5, integer=True) == "0.5"  # only a whole number is written as an int
