"""The Notebook view's sections 3 and 4 (py/worker/notebook/backward.py): backpropagation with its gradient
checks, and the notebook's own check as it printed it.

Oracles: what the seed notebook printed (notebook_printout.py, transcribed as printed), the relative error
and CS231n's bands computed here, central and forward differences of a plain NumPy model written out here,
and backprop.Run's gradients.
"""

import numpy as np
import pytest
from notebook_printout import (
    CHECK_PRINTS,
    NOTEBOOK,
    OTHER,
    by_name,
    notebook_mode_view,
    pass_through,
    plain_model,
)

from backprop import GRADIENT_NAMES, PARAM_NAMES, Run
from worker.notebook.sections import notebook

NUMERIC_KEYS = {"numeric", "h", "h_text", "relative_error", "relative_error_text", "verdict", "kink", "verdict_text"}


@pytest.fixture(scope="module")
def nb_view():
    """Step 0, notebook mode, the notebook's settings: everything computed."""
    return notebook_mode_view()


# ---------------------------------------------------------------- 3. backward


def test_backward_lists_the_eight_gradients_in_order(nb_view):
    grads = nb_view["backward"]["gradients"]
    assert [g["name"] for g in grads] == ["dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0"]
    assert [g["of"] for g in grads] == list(GRADIENT_NAMES)


def test_analytic_gradients_are_those_of_the_run(nb_view):
    run = Run(NOTEBOOK)
    expected = run.gradients()
    for g in nb_view["backward"]["gradients"]:
        assert g["analytic"]["values"] == expected[g["name"]].tolist()
        assert g["analytic"]["text"] == np.array2string(expected[g["name"]])
        assert g["analytic"]["shape"] == list(expected[g["name"]].shape)


def test_notebook_mode_gets_dz1_dw0_db0_wrong_at_step_0(nb_view):
    backward = nb_view["backward"]
    verdicts = {g["name"]: g["verdict"] for g in backward["gradients"]}
    assert verdicts == {
        "dA2": "right",
        "dZ2": "right",
        "dW1": "right",
        "db1": "right",
        "dA1": "right",
        "dZ1": "wrong",
        "dW0": "wrong",
        "db0": "wrong",
    }
    for g in backward["gradients"]:
        assert g["h"] == 1e-5 and g["h_text"] == "1e-05" and g["kink"] is False
        analytic, numeric = np.array(g["analytic"]["values"]), np.array(g["numeric"]["values"])
        error = np.linalg.norm(analytic - numeric) / (np.linalg.norm(analytic) + np.linalg.norm(numeric))
        assert g["relative_error"] == pytest.approx(error, rel=1e-12)
        assert g["relative_error_text"] == repr(g["relative_error"])
        band = "right" if error <= 1e-7 else "suspicious" if error <= 1e-4 else "wrong"
        assert g["verdict"] == band
        assert g["verdict"] in g["verdict_text"]
    assert "slip" in by_name(backward["gradients"])["db0"]["verdict_text"]
    note = backward["notebook_note"]
    assert "1 - tanh(A1)**2" in note and "1 - A1**2" in note and "A1 = tanh(Z1)" in note
    assert backward["notebook_mode"] is True


@pytest.mark.parametrize("steps", [0, 500])
def test_default_mode_gets_all_eight_right(steps):
    run = Run()
    run.train(steps)
    backward = notebook(run, log=False)["backward"]
    assert [g["verdict"] for g in backward["gradients"]] == ["right"] * 8
    assert backward["notebook_note"] is None and backward["kink_units"] == []
    for g in backward["gradients"]:
        assert "agrees" in g["verdict_text"]


def test_numeric_gradients_are_central_differences():
    run = Run(OTHER)
    view = by_name(notebook(run, log=False)["backward"]["gradients"])
    plain = plain_model(OTHER)
    p, h = plain["params"], 1e-5
    for name in PARAM_NAMES:  # the parameters' numeric gradients, recomputed here
        numeric = np.zeros_like(p[name])
        for index in np.ndindex(p[name].shape):
            up, down = {k: v.copy() for k, v in p.items()}, {k: v.copy() for k, v in p.items()}
            up[name][index] += h
            down[name][index] -= h
            numeric[index] = (
                pass_through(up, "relu", "cross_entropy")["J"] - pass_through(down, "relu", "cross_entropy")["J"]
            ) / (2 * h)
        np.testing.assert_allclose(view["d" + name]["numeric"]["values"], numeric, rtol=1e-6, atol=1e-10)


def test_numeric_false_leaves_out_every_numeric_key():
    view = notebook(Run(NOTEBOOK), numeric=False, log=False)
    for g in view["backward"]["gradients"]:
        assert not NUMERIC_KEYS & set(g)
        assert {"name", "of", "formula", "formula_text", "code", "code_lines", "analytic"} <= set(g)
    for g in view["notebook_check"]["gradients"]:
        assert "numeric" not in g and "agree" not in g and "analytic" in g
    assert "1 - tanh(A1)**2" in view["backward"]["notebook_note"]


def test_relu_kink_within_h_is_flagged():
    run = Run({"activation": "relu"})
    params = {name: np.asarray(run.params[name]).tolist() for name in PARAM_NAMES}
    params["b0"][0][0] = 0.0  # example (0,0): Z1[0,2] = b0[0] = 0, on the kink
    run.set_params(params)
    backward = notebook(run, log=False)["backward"]
    assert backward["kink_units"] == ["Z1[0,2]"]
    grads = by_name(backward["gradients"])
    for name, g in grads.items():
        assert g["kink"] is (name in ("dZ1", "dW0", "db0")), name
    # relu'(0) is 0 in backprop, the central difference says 1/2: a mismatch that is the kink's.
    assert grads["dZ1"]["verdict"] in ("suspicious", "wrong")
    assert "kink" in grads["dZ1"]["verdict_text"] and "Z1[0,2]" in grads["dZ1"]["verdict_text"]
    assert "kink" not in grads["dA1"]["verdict_text"]


# ---------------------------------------------------------------- 4. the notebook's own check


def test_notebook_check_prints_cells_16_to_31(nb_view):
    check = nb_view["notebook_check"]
    assert check["delta"] == 1e-9 and check["decimals"] == 5
    for g in check["gradients"]:
        name = g["of"]
        numeric_print, analytic_print = CHECK_PRINTS[name]
        assert g["numeric"]["text"] == numeric_print, name
        assert g["analytic"]["text"] == analytic_print, name
        printed = [[float(x) for x in line.strip(" []").split()] for line in numeric_print.splitlines()]
        np.testing.assert_array_equal(g["numeric"]["values"], printed)
        assert g["agree"] is (numeric_print == analytic_print)
        assert g["analytic_cell"] == g["numeric_cell"] + 1
    db0 = by_name(check["gradients"])["db0"]
    assert (db0["numeric_cell"], db0["agree"]) == (30, False)
    assert [g["numeric_cell"] for g in check["gradients"]] == [16, 18, 20, 22, 24, 26, 28, 30]


def test_notebook_check_of_the_corrected_model_agrees_with_its_numeric_print():
    check = by_name(notebook(Run(), log=False)["notebook_check"]["gradients"])
    assert check["db0"]["analytic"]["text"] == check["db0"]["numeric"]["text"] == CHECK_PRINTS["b0"][0]


def test_notebook_check_is_a_forward_difference_rounded_to_5_decimals():
    plain = plain_model(OTHER)
    p, delta = plain["params"], 10 ** (-9)
    check = by_name(notebook(Run(OTHER), log=False)["notebook_check"]["gradients"])
    for name in PARAM_NAMES:
        d = np.zeros(p[name].shape)
        for index, _ in np.ndenumerate(p[name]):
            moved = {k: v.copy() for k, v in p.items()}
            moved[name][index] += delta
            d[index] = np.round((pass_through(moved, "relu", "cross_entropy")["J"] - plain["J"]) / delta, 5)
        # the last bit of J may differ between two ways of summing; a print may then differ by 1e-5
        np.testing.assert_allclose(check["d" + name]["numeric"]["values"], d, rtol=0, atol=1.0001e-5)
        np.testing.assert_array_equal(check["d" + name]["analytic"]["values"], np.round(plain["grads"]["d" + name], 5))
