"""The Notebook view's sections 1 and 2 (py/worker/notebook/forward.py): the setup of cell 3 and the forward pass,
unrolled and as matrix products.

Oracles: what the seed notebook printed (notebook_printout.py, transcribed as printed), the setup's code run
as shown, a plain NumPy forward pass, and CPython's repr and NumPy's array2string.
"""

import numpy as np
import pytest
from notebook_printout import (
    A1_PRINT,
    A2_PRINT,
    CELL_3_CODE,
    CELL_3_PRINTS,
    J_NB,
    NOTEBOOK,
    Z1_00,
    Z1_10,
    Z1_PRINT,
    Z2_00,
    Z2_PRINT,
    by_name,
    libm_tanh,
    notebook_mode_view,
)

from backprop import PARAM_NAMES, Run
from worker.notebook import forward as forward_module
from worker.notebook.sections import notebook


@pytest.fixture(scope="module")
def nb_view():
    """Step 0, notebook mode, the notebook's settings: everything computed."""
    return notebook_mode_view()


# ---------------------------------------------------------------- 1. setup


def test_setup_prints_cell_3(nb_view):
    setup = nb_view["setup"]
    assert [item["name"] for item in setup] == ["A0", "Y", "n", "m", "n_h", "n_o", "W0", "b0", "W1", "b1"]
    for item in setup:
        assert item["text"] == CELL_3_PRINTS[item["name"]], item["name"]
        for line in item["code"].splitlines():
            assert line in CELL_3_CODE, line
    items = by_name(setup)
    assert items["W0"]["code"] == "np.random.seed(2)\nW0 = np.random.randn(n_h, n) * 0.1"
    assert items["A0"]["values"] == [[0, 1, 0, 1], [1, 0, 0, 1]] and items["A0"]["shape"] == [2, 4]
    assert items["Y"]["values"] == [1, 1, 0, 0] and items["Y"]["shape"] == [4]
    assert (items["n"]["values"], items["m"]["values"], items["n_h"]["values"]) == (2, 4, 2)
    assert items["n"]["shape"] == []
    assert items["W0"]["comment"] == "Weights between input and hidden layers."
    np.testing.assert_array_equal(
        np.round(items["W0"]["values"], 8), [[-0.04167578, -0.00562668], [-0.21361961, 0.16402708]]
    )
    for name in PARAM_NAMES:
        assert items[name]["changed"] is False and items[name]["current"]["text"] == CELL_3_PRINTS[name]


@pytest.mark.parametrize(
    "settings", [{}, {"n_h": 3, "seed": 7, "table": "AND"}, {"n_h": 16, "seed": 4096, "table": "NOR"}]
)
def test_setup_code_run_as_shown_makes_the_shown_values(settings):
    setup = notebook(Run(settings), numeric=False, log=False)["setup"]
    program = "\n".join(item["code"] for item in setup)
    namespace = {"np": np}
    state = np.random.get_state()
    try:
        exec(program, namespace)
    finally:
        np.random.set_state(state)
    for item in setup:
        value = namespace[item["name"]]
        assert item["text"] == (np.array2string(np.asarray(value)) if np.ndim(value) else repr(value))
        np.testing.assert_array_equal(item["values"], value)
        assert item["shape"] == list(np.shape(value))
    assert f"n_h = {settings.get('n_h', 2)}" in program
    assert f"np.random.seed({settings.get('seed', 2)})" in program
    table = settings.get("table", "XOR")
    # for the columns (0,1), (1,0), (0,0), (1,1)
    expected_Y = {"XOR": [1, 1, 0, 0], "AND": [0, 0, 0, 1], "NOR": [0, 0, 1, 0]}[table]
    assert by_name(setup)["Y"]["code"] == f"Y = np.array({expected_Y})"
    assert table in by_name(setup)["Y"]["comment"]


def test_setup_shows_the_current_parameters_beside_the_initial_ones_once_trained():
    run = Run()
    run.train(25)
    items = by_name(notebook(run, numeric=False, log=False)["setup"])
    assert items["W0"]["text"] == CELL_3_PRINTS["W0"]
    for name in PARAM_NAMES:
        assert items[name]["changed"] is True
        assert items[name]["current"]["values"] == np.asarray(run.params[name]).tolist()
        assert items[name]["current"]["text"] == np.array2string(np.asarray(run.params[name]))


# ---------------------------------------------------------------- 2. forward


@pytest.mark.parametrize("mode", [NOTEBOOK, {}])
def test_forward_shows_the_notebooks_numbers_at_step_0(mode):
    forward = notebook(Run(mode), numeric=False, log=False)["forward"]
    first, second = forward["hidden"][0], forward["hidden"][1]
    assert first["name"] == "Z1[0,0]" and second["name"] == "Z1[1,0]"
    assert first["Z"]["text"] == Z1_00 and second["Z"]["text"] == Z1_10
    assert first["Z"]["value"] == float(Z1_00)
    assert first["text"].startswith("Z1[0,0] = W0[0,0]·A0[0,0] + W0[0,1]·A0[1,0] + b0[0] = (")
    assert first["text"].endswith(" + 0.1 = " + Z1_00)
    assert second["text"].endswith(" + 0.1 = " + Z1_10)
    W0 = Run().params["W0"]
    assert first["numbers"] == f"({float(W0[0, 0])!r})·(0) + ({float(W0[0, 1])!r})·(1) + 0.1"
    assert [t["weight"]["name"] for t in first["terms"]] == ["W0[0,0]", "W0[0,1]"]
    assert [t["input"]["name"] for t in first["terms"]] == ["A0[0,0]", "A0[1,0]"]
    assert [t["input"]["text"] for t in first["terms"]] == ["0", "1"]
    assert first["bias"] == {"name": "b0[0]", "value": 0.1, "text": "0.1"}
    assert first["A"]["function"] == "tanh"
    assert first["activation_text"] == f"A1[0,0] = tanh(Z1[0,0]) = tanh({Z1_00}) = {first['A']['text']}"
    out = forward["output"][0]
    assert out["name"] == "Z2[0,0]" and out["A"]["function"] == "sigmoid"
    assert out["equation"] == "Z2[0,0] = W1[0,0]·A1[0,0] + W1[0,1]·A1[1,0] + b1[0]"
    assert float(out["Z"]["text"]) == pytest.approx(float(Z2_00), rel=1e-15)
    assert float(forward["J"]["text"]) == pytest.approx(float(J_NB), rel=1e-15)
    if libm_tanh():  # as in the page's worker
        assert out["Z"]["text"] == Z2_00 and out["text"].endswith(" = " + Z2_00)
        assert forward["J"]["text"] == J_NB
    assert forward["Z1"]["text"] == Z1_PRINT
    assert forward["A1"]["text"] == A1_PRINT
    assert forward["Z2"]["text"] == Z2_PRINT
    assert forward["A2"]["text"] == A2_PRINT
    assert len(forward["hidden"]) == 8 and len(forward["output"]) == 4
    assert [e["name"] for e in forward["hidden"][:4]] == ["Z1[0,0]", "Z1[1,0]", "Z1[0,1]", "Z1[1,1]"]


def test_matrix_form_lines_give_the_notebooks_prints(nb_view):
    lines = nb_view["forward"]["matrix"]
    assert [(line["name"], line["code"]) for line in lines] == [
        ("Z1", "Z1 = np.dot(W0, A0) + b0"),
        ("A1", "A1 = np.tanh(Z1)"),
        ("Z2", "Z2 = np.dot(W1, A1) + b1"),
        ("A2", "A2 = sigmoid(Z2)"),
        ("J", "J = 1/2 * np.mean((A2 - Y)**2)"),
    ]
    assert [line["text"] for line in lines[:4]] == [Z1_PRINT, A1_PRINT, Z2_PRINT, A2_PRINT]  # cells 6, 7, 10, 11
    assert float(lines[4]["text"]) == pytest.approx(float(J_NB), rel=1e-15) and lines[4]["shape"] == []
    assert all(line["matches_unrolled"] is True for line in lines)


def test_matches_unrolled_is_computed_not_assumed(monkeypatch):
    real = forward_module.unroll

    def off_by_a_little(params, activation="tanh", A0=None):
        u = real(params, activation)
        u["Z2"][0][3] += 1e-6
        return u

    monkeypatch.setattr(forward_module, "unroll", off_by_a_little)
    lines = by_name(notebook(Run(), numeric=False, log=False)["forward"]["matrix"])
    assert lines["Z2"]["matches_unrolled"] is False
    assert lines["Z1"]["matches_unrolled"] is True and lines["A2"]["matches_unrolled"] is True
