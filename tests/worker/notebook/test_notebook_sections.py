"""The Notebook view's sections as one dict (py/worker/notebook/sections.py): their order, the run summary the
page reads as JSON, a diverged run, another network end to end, and the run left unchanged.

Oracles: what the seed notebook printed (notebook_printout.py, transcribed as printed), the notebook's own
ANN class (tests/model/notebook_ann.py), a plain NumPy model, and a Run trained separately.
"""

import math
import pathlib
import sys

import numpy as np
import pytest
from notebook_printout import (
    A0_INT,
    NOTEBOOK,
    OTHER,
    by_name,
    notebook_mode_view,
    pass_through,
    plain_model,
    strict,
)

from backprop import PARAM_NAMES, Run
from worker.notebook.sections import notebook

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "model"))
from notebook_ann import ANN

SECTIONS = ["setup", "forward", "backward", "notebook_check", "step", "log"]


@pytest.fixture(scope="module")
def nb_view():
    """Step 0, notebook mode, the notebook's settings: everything computed."""
    return notebook_mode_view()


# ---------------------------------------------------------------- the whole


def test_sections_come_in_the_notebooks_order(nb_view):
    assert nb_view["sections"] == SECTIONS
    assert list(strict(nb_view))[:2] == ["sections", "run"]
    assert [key for key in nb_view if key in SECTIONS] == SECTIONS
    light = notebook(Run(), numeric=False, log=False)
    assert light["sections"] == SECTIONS[:-1] and "log" not in light


# ---------------------------------------------------------------- another network


def test_another_network_gives_the_numbers_of_a_plain_numpy_model():
    view = notebook(Run(OTHER))
    plain = plain_model(OTHER)
    items = by_name(view["setup"])
    for name in PARAM_NAMES:
        assert items[name]["values"] == plain["params"][name].tolist()
    assert items["n_h"]["text"] == "3" and "np.random.seed(7)" in items["W0"]["code"]
    forward = view["forward"]
    for name in ("Z1", "A1", "Z2", "A2"):
        np.testing.assert_allclose(forward[name]["values"], plain[name], rtol=1e-13, atol=1e-16)
        assert forward[name]["text"] == np.array2string(np.array(forward[name]["values"]))
        assert by_name(forward["matrix"])[name]["matches_unrolled"] is True
    assert forward["J"]["value"] == pytest.approx(plain["J"], rel=1e-13)
    assert by_name(forward["matrix"])["A1"]["code"] == "A1 = np.maximum(Z1, 0)"
    assert by_name(forward["matrix"])["J"]["values"] == pytest.approx(plain["J"], rel=1e-13)
    assert len(forward["hidden"]) == 12 and all(len(e["terms"]) == 3 for e in forward["output"])
    for entry in forward["hidden"] + forward["output"]:
        i, j = entry["neuron"], entry["example"]
        Z = plain["Z1" if entry["layer"] == 1 else "Z2"][i, j]
        A = plain["A1" if entry["layer"] == 1 else "A2"][i, j]
        assert float(entry["text"].rsplit(" = ", 1)[1]) == pytest.approx(Z, rel=1e-13, abs=1e-16)
        assert entry["A"]["value"] == pytest.approx(A, rel=1e-13, abs=1e-16)
        assert entry["A"]["function"] == ("relu" if entry["layer"] == 1 else "sigmoid")
    for g in view["backward"]["gradients"]:
        np.testing.assert_allclose(g["analytic"]["values"], plain["grads"][g["name"]], rtol=1e-12, atol=1e-18)
        assert g["verdict"] == "right" and g["kink"] is False
    step = by_name(view["step"]["params"])
    after = {name: plain["params"][name] - 10.0 * plain["grads"]["d" + name] for name in PARAM_NAMES}
    for name in PARAM_NAMES:
        np.testing.assert_allclose(step[name]["after"]["values"], after[name], rtol=1e-13)
    assert view["step"]["J_after"]["value"] == pytest.approx(
        pass_through(after, "relu", "cross_entropy")["J"], rel=1e-12
    )


def test_the_notebooks_class_agrees_on_another_seed_in_notebook_mode():
    view = notebook(Run({"notebook_mode": True, "seed": 11, "n_h": 4}), numeric=False, log=False)
    nn = ANN(2, 4, 11)
    nn.forward(A0_INT, np.array([1, 1, 0, 0]))
    nn.backward(A0_INT, np.array([1, 1, 0, 0]))
    assert view["forward"]["J"]["value"] == pytest.approx(nn.J, rel=1e-14)
    grads = by_name(view["backward"]["gradients"])
    for name in PARAM_NAMES:  # the notebook's d's have the opposite sign (its dA2 is (Y - A2) / m)
        np.testing.assert_allclose(grads["d" + name]["analytic"]["values"], -getattr(nn, "d" + name), rtol=1e-12)


# ---------------------------------------------------------------- JSON and the run left alone


def diverged(settings):
    run = Run(settings)
    while run.status != "diverged":
        run.train(1)
    return run


OVERFLOW = {"W0": [[1.0, 1.0], [1.0, 1.0]], "b0": [[0.1], [0.1]], "W1": [[1e308, 1e308]], "b1": [[0.1]]}


@pytest.mark.parametrize(
    "make, shows",
    [
        (lambda: diverged({"learning_rate": 1000}), None),  # the cost rose and stayed up; every number finite
        (lambda: diverged({"learning_rate": 1000, "cost": "cross_entropy"}), "undefined dA2"),  # A2 rounds to 1
        (lambda: Run(params=OVERFLOW), "Infinity"),  # Z2 overflows at step 0
    ],
    ids=["half_mse", "cross_entropy", "overflow"],
)
def test_a_diverged_run(make, shows):
    """Numbers that are not finite stay floats in the sections (the HTML shows their texts); the run summary,
    which the page reads as JSON, is strict JSON."""
    run = make()
    assert run.status == "diverged"
    view = notebook(run)
    summary = strict(view["run"])
    assert summary["status"] == "diverged" and summary["reason"] == run.reason
    if math.isfinite(run.cost):
        assert summary["cost"] == run.cost
    else:
        assert summary["cost"] == ("NaN" if math.isnan(run.cost) else "Infinity")
    assert summary["cost_text"] == repr(run.cost)
    for g in view["backward"]["gradients"]:
        assert g["verdict"] in ("right", "suspicious", "wrong", "undefined")
    if shows == "undefined dA2":  # dA2 = (A2 - Y) / (A2 * (1 - A2)) / m divides by 0
        dA2 = view["backward"]["gradients"][0]
        assert dA2["verdict"] == "undefined" and "not a number" in dA2["verdict_text"]
        assert not all(math.isfinite(x) for x in dA2["analytic"]["values"][0])
    if shows == "Infinity":
        # example (1,1): tanh(2.1) * 1e308 twice overflows
        assert by_name(view["forward"]["matrix"])["Z2"]["values"][0][3] == math.inf
        assert view["forward"]["output"][3]["Z"] == {"name": "Z2[0,3]", "value": math.inf, "text": "inf"}
        assert view["forward"]["output"][3]["text"].endswith(" + 0.1 = inf")


def snapshot(run):
    return {
        "theta": run.theta.copy(),
        "params": {k: v.copy() for k, v in run.params.items()},
        "step": run.step,
        "cost": run.cost,
        "history": list(run.history),
        "status": run.status,
        "reason": run.reason,
        "config": run.config,
        "cache": {k: np.copy(v) for k, v in run.cache.items()},
        "views": all(np.shares_memory(run.params[k], run.theta) for k in PARAM_NAMES),
    }


@pytest.mark.parametrize("settings, steps", [(NOTEBOOK, 0), ({}, 40), (OTHER, 7)])
def test_the_run_is_left_unchanged(settings, steps):
    run = Run(settings)
    run.train(steps)
    before = snapshot(run)
    notebook(run)
    after = snapshot(run)
    for key in ("step", "cost", "history", "status", "reason", "config", "views"):
        assert after[key] == before[key], key
    np.testing.assert_array_equal(after["theta"], before["theta"])
    for name in PARAM_NAMES:
        np.testing.assert_array_equal(after["params"][name], before["params"][name])
    for name in before["cache"]:
        np.testing.assert_array_equal(after["cache"][name], before["cache"][name])
    run.train(1)  # and it trains on as if nothing happened
    twin = Run(settings)
    twin.train(steps + 1)
    assert run.cost == twin.cost
