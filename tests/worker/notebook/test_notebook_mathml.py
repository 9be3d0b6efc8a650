"""The gradients' chain rule as MathML and plain text (py/worker/notebook/mathml.py).

Oracles: MathML's presentation elements read back with ElementTree, and the chain rule of each activation
written out here.
"""

import xml.etree.ElementTree as ET

import pytest
from notebook_printout import (
    NOTEBOOK,
    OTHER,
    by_name,
)

from backprop import Run
from worker.notebook.sections import notebook

MATHML_TAGS = {"math", "mrow", "mi", "mo", "mn", "mfrac", "msup", "msub", "munder"}


@pytest.mark.parametrize("settings", [{}, NOTEBOOK, OTHER, {"activation": "sigmoid", "notebook_mode": True}])
def test_formulas_are_presentation_mathml(settings):
    grads = notebook(Run(settings), numeric=False, log=False)["backward"]["gradients"]
    for g in grads:
        root = ET.fromstring(g["formula"])
        ns = "{http://www.w3.org/1998/Math/MathML}"
        assert root.tag == ns + "math"
        assert {el.tag[len(ns) :] for el in root.iter()} <= MATHML_TAGS
        assert root[0].tag == ns + "mi"
        assert root[0].text == g["name"]
        assert root[1].text == "="
        assert g["formula_text"].startswith(g["name"] + " = ")
    dZ1 = by_name(grads)["dZ1"]["formula_text"]
    at = "A1" if settings.get("notebook_mode") else "Z1"
    assert f"g′({at})" in dZ1


def test_formula_for_dz1_shows_the_slip_only_in_notebook_mode():
    default = by_name(notebook(Run(), numeric=False, log=False)["backward"]["gradients"])["dZ1"]
    slip = by_name(notebook(Run(NOTEBOOK), numeric=False, log=False)["backward"]["gradients"])["dZ1"]
    assert default["formula_text"].endswith("(1 − A1²)")
    assert slip["formula_text"].endswith("(1 − tanh(A1)²)")
    assert "<mi>tanh</mi>" in slip["formula"]
    assert "<mi>tanh</mi>" not in default["formula"]


# g′ at Z1 written with A1 = g(Z1): tanh′ = 1 − tanh² = 1 − A1², σ′ = σ(1 − σ) = A1(1 − A1), relu′ = [Z1 > 0];
# the notebook's slip evaluates g′ at A1 instead.
G_PRIME = {"tanh": "(1 − A1²)", "sigmoid": "A1 ⊙ (1 − A1)", "relu": "[Z1 > 0]"}
G_PRIME_SLIP = {"tanh": "(1 − tanh(A1)²)", "sigmoid": "σ(A1) ⊙ (1 − σ(A1))", "relu": "[A1 > 0]"}


@pytest.mark.parametrize("notebook_mode", [False, True])
@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
@pytest.mark.parametrize("cost", ["half_mse", "cross_entropy"])
def test_every_network_has_eight_formulas(cost, activation, notebook_mode):
    from worker.notebook.mathml import formulas

    f = formulas(cost, activation, notebook_mode)
    assert list(f) == ["dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0"]
    for name, (markup, text) in f.items():
        root = ET.fromstring(markup)
        assert root.attrib["display"] == "block"
        assert root[0].text == name
        assert text.startswith(name + " = ")
    at = "A1" if notebook_mode else "Z1"
    expected = (G_PRIME_SLIP if notebook_mode else G_PRIME)[activation]
    assert f["dZ1"][1] == f"dZ1 = dA1 ⊙ g′({at}) = dA1 ⊙ {expected}"
    # both costs give dZ2 = (A2 − Y) / m with a sigmoid output
    assert f["dZ2"][1].endswith("(A2 − Y) / m" if cost == "cross_entropy" else "A2 ⊙ (1 − A2)")
    assert f["dW0"][1] == "dW0 = dZ1 · A0ᵀ"
    assert f["db0"][1] == "db0 = Σⱼ dZ1[:, j]"
