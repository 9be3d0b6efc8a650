"""The gradient checks' verdicts and their words (py/worker/notebook/verdicts.py).

Oracles: CS231n's bands for the relative error of a gradient check (at most 1e-7 right, above 1e-4 wrong,
suspicious between), written out here, and the notebook's slip as its cells 30 and 31 printed it.
"""

import math

import pytest

from backprop import gradcheck
from worker.notebook.verdicts import VERDICT_WORDS, notebook_note, summary, verdict, verdict_text


def test_the_bands_are_cs231ns():
    assert (gradcheck.RIGHT, gradcheck.SUSPICIOUS) == (1e-7, 1e-4)


@pytest.mark.parametrize(
    ("error", "band"),
    [
        (0.0, "right"),
        (1e-7, "right"),
        (1.0000001e-7, "suspicious"),
        (1e-4, "suspicious"),
        (1.0000001e-4, "wrong"),
        (0.5, "wrong"),
        (math.inf, "undefined"),
        (math.nan, "undefined"),
    ],
)
def test_a_relative_error_falls_in_one_band(error, band):
    assert verdict(error) == band


def test_the_checker_uses_the_same_bands():
    from checker.check import band

    for error in (0.0, 1e-7, 2e-7, 1e-4, 2e-4, 1.0):
        assert band(error) == verdict(error)
    assert band(None) is None


def test_each_verdict_in_words():
    h = 1e-5
    right = verdict_text("W0", 3.2e-11, "right", h)
    assert right == (
        "Relative error 3.2e-11, at most 1e-7: backprop's dW0 agrees with the numeric derivative. "
        "This gradient is right."
    )
    suspicious = verdict_text("b1", 2.5e-6, "suspicious", h)
    assert suspicious.startswith("Relative error 2.5e-06, above 1e-7 but at most 1e-4: suspicious.")
    assert suspicious.endswith("look closer before trusting db1.")
    wrong = verdict_text("Z1", 0.02, "wrong", h)
    assert wrong == (
        "Relative error 2.0e-02, above 1e-4: backprop's dZ1 disagrees with the numeric derivative. It is wrong."
    )
    undefined = verdict_text("A2", math.nan, "undefined", h)
    assert "dA2 is not a number" in undefined
    assert "diverged" in undefined


def test_a_kink_and_the_slip_are_said_where_they_apply():
    kink = verdict_text("Z1", 0.3, "wrong", 1e-5, ["Z1[0,2]", "Z1[1,3]"])
    assert " But Z1[0,2], Z1[1,3] lie within h = 1e-05 of relu's kink at 0" in kink
    slip = verdict_text("b0", 0.01, "wrong", 1e-5, slip=True)
    assert slip.endswith(" This is the notebook's slip in dZ1, which dW0 and db0 inherit (see the note).")
    assert "slip" not in verdict_text("b0", 1e-9, "right", 1e-5, slip=True)  # a right gradient has no slip


def test_the_summary_counts_the_verdicts():
    def gradients(*bands):
        return [{"verdict": band} for band in bands]

    assert summary(gradients(*["right"] * 8)) == "8 of 8 gradients right."
    assert summary(gradients(*["right"] * 5, "wrong", "wrong", "wrong")) == "5 of 8 gradients right; 3 wrong."
    assert (
        summary(gradients("undefined", "wrong", "suspicious", "right"))
        == "1 of 4 gradients right; 1 suspicious, 1 wrong, 1 undefined."
    )
    assert set(VERDICT_WORDS) == {"right", "suspicious", "wrong", "undefined"}


def test_the_note_on_the_notebooks_slip():
    tanh = notebook_note("tanh")
    assert "dZ1 = dA1 * (1 - tanh(A1)**2)" in tanh
    assert "-0.00059" in tanh
    assert "-0.00058" in tanh
    assert "σ(A1)(1 - σ(A1))" in notebook_note("sigmoid")
    assert "no harm" in notebook_note("relu")
