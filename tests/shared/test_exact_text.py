"""A number's exact value as a label says it (py/shared/exact_text.py), on the page and in the worker alike.

Oracles: CPython's repr of the values, and the words a screen reader should say, written out here.
"""

import math

import pytest

from shared.exact_text import MINUS, exact_value


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (-0.21361960956684542, "\u22120.21361960956684542"),
        (0.1, "0.1"),
        (1e-05, "1e\u221205"),
        (-7.9e305, "\u22127.9e+305"),
        (math.nan, "NaN"),
        (math.inf, "infinity"),
        (-math.inf, "\u2212infinity"),
    ],
)
def test_repr_text_as_said(value, said):
    assert exact_value(repr(value)) == said
    assert MINUS == "\u2212"


def test_escaped_markup_keeps_its_references():
    # the worker says the value of an escaped text: its character references hold no "-", "inf" or "nan"
    assert exact_value("&quot;-&#39;") == "&quot;\u2212&#39;"
    assert exact_value("&lt;&gt;&amp;") == "&lt;&gt;&amp;"


def test_the_diagram_and_the_notebook_say_values_with_it():
    from app.network import weights
    from worker.notebook import terms

    assert weights.exact_value is exact_value
    assert terms.exact_value is exact_value
