"""The Notebook view's data (py/worker/notebook/sections.py): the seed notebook's sections for the network on screen.

Oracles: what the seed notebook printed (shared/seed/ann_xor_notebook.txt, transcribed below as printed), the
notebook's own ANN class and loop (tests/model/notebook_ann.py), a forward and backward pass written out here in
plain NumPy, a backprop.Run trained separately, the model's source files read as text, and CPython's repr and
NumPy's array2string.
"""

import json
import math
import pathlib
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest

import backprop
from backprop import GRADIENT_NAMES, PARAM_NAMES, Run
from worker.notebook import sections as notebook_module
from worker.notebook.sections import notebook

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "model"))
from notebook_ann import ANN, notebook_loop

MODEL = pathlib.Path(backprop.__file__).resolve().parent
NETWORK_SOURCE = (MODEL / "network.py").read_text()
TRAIN_SOURCE = (MODEL / "train.py").read_text()

# ---- The notebook's printout, as printed.
# Cell 3 (the code without its comments, and what it printed)
CELL_3_CODE = """np.random.seed(2)
A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]])
Y = np.array([1, 1, 0, 0])
n = len(A0)
m = len(Y)
n_h = 2
n_o = 1
W0 = np.random.randn(n_h, n) * 0.1
b0 = np.full((n_h,1), 0.1)
W1 = np.random.randn(n_o, n_h) * 0.1
b1 = np.full((n_o,1), 0.1)""".splitlines()
CELL_3_PRINTS = {
    "A0": "[[0 1 0 1]\n [1 0 0 1]]",
    "Y": "[1 1 0 0]",
    "n": "2",
    "m": "4",
    "n_h": "2",
    "n_o": "1",
    "W0": "[[-0.04167578 -0.00562668]\n [-0.21361961  0.16402708]]",
    "b0": "[[0.1]\n [0.1]]",
    "W1": "[[-0.17934356 -0.08417474]]",
    "b1": "[[0.1]]",
}
# Cells 4-12
Z1_00, Z1_10 = "0.09437331727736706", "0.26402708084049886"
Z2_00 = "0.06140283090901357"
Z1_PRINT = "[[ 0.09437332  0.05832422  0.1         0.05269753]\n [ 0.26402708 -0.11361961  0.1         0.05040747]]"
A1_PRINT = "[[ 0.09409414  0.05825817  0.09966799  0.05264881]\n [ 0.25805832 -0.1131332   0.09966799  0.05036482]]"
Z2_PRINT = "[[0.06140283 0.09907473 0.07373566 0.08631833]]"
A2_PRINT = "[[0.51534589 0.52474844 0.51842557 0.52156619]]"
J_NB = "0.12519375208599626"
# Cells 16-31: (numeric print, analytic print)
CHECK_PRINTS = {
    "A2": ("[[-0.12116 -0.11881  0.12961  0.13039]]",) * 2,
    "Z2": ("[[-0.03026 -0.02963  0.03236  0.03254]]",) * 2,
    "W1": ("[[0.00036 0.00041]]",) * 2,
    "b1": ("[[0.005]]",) * 2,
    "A1": ("[[ 0.00543  0.00531 -0.0058  -0.00584]\n [ 0.00255  0.00249 -0.00272 -0.00274]]",) * 2,
    "Z1": ("[[ 0.00538  0.0053  -0.00575 -0.00582]\n [ 0.00238  0.00246 -0.0027  -0.00273]]",) * 2,
    "W0": ("[[-0.00052 -0.00044]\n [-0.00027 -0.00035]]",) * 2,
    "b0": ("[[-0.00089]\n [-0.00059]]", "[[-0.00089]\n [-0.00058]]"),
}
# Cell 35: J at i = 0, 100, ..., 900; cell 36: the predictions
LOG_NB = [
    0.12519375208599626,
    0.044109941906362596,
    0.0015874322882328462,
    0.0007888131666023057,
    0.0005181010814237375,
    0.00038344681417277733,
    0.00030337361837437526,
    0.0002504765312000076,
    0.00021301226568328868,
    0.00018512952151354307,
]
PREDICTIONS_NB = "[0.98  0.98  0.016 0.016]"

NOTEBOOK = {"notebook_mode": True}
OTHER = {"n_h": 3, "activation": "relu", "cost": "cross_entropy", "seed": 7}
A0_INT = np.array([[0, 1, 0, 1], [1, 0, 0, 1]])
Y_XOR = np.array([[1.0, 1.0, 0.0, 0.0]])
SECTIONS = ["setup", "forward", "backward", "notebook_check", "step", "log"]
NUMERIC_KEYS = {"numeric", "h", "h_text", "relative_error", "relative_error_text", "verdict", "kink", "verdict_text"}


@pytest.fixture(scope="module")
def nb_view():
    """Step 0, notebook mode, the notebook's settings: everything computed."""
    return notebook(Run(NOTEBOOK))


def by_name(items):
    return {item["name"]: item for item in items}


def strict(result):
    """The result as the page will read it: JSON without NaN or Infinity literals."""

    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(json.dumps(result, allow_nan=False), parse_constant=refuse)


def libm_tanh():
    """Whether NumPy's tanh is the C library's on the notebook's first sum (Pyodide's NumPy 2.0.2 is; a SIMD
    tanh may differ by an ulp or two, and then Z2 and J differ in their last digit from the notebook's)."""
    z = float(Z1_00)
    return float(np.tanh(np.array([z, z]))[0]) == math.tanh(z)


def plain_model(config):
    """The network's forward and backward pass at its initial parameters, written out in plain NumPy."""
    n_h, seed, activation, cost = (
        config.get(k, d) for k, d in (("n_h", 2), ("seed", 2), ("activation", "tanh"), ("cost", "half_mse"))
    )
    state = np.random.get_state()
    try:
        np.random.seed(seed)
        W0 = np.random.randn(n_h, 2) * 0.1
        W1 = np.random.randn(1, n_h) * 0.1
    finally:
        np.random.set_state(state)
    b0, b1 = np.full((n_h, 1), 0.1), np.full((1, 1), 0.1)
    return pass_through({"W0": W0, "b0": b0, "W1": W1, "b1": b1}, activation, cost)


def pass_through(p, activation, cost, Y=Y_XOR):
    A0 = A0_INT.astype(float)
    m = 4
    Z1 = np.dot(p["W0"], A0) + p["b0"]
    A1 = {"tanh": np.tanh, "relu": lambda z: np.where(z > 0, z, 0.0), "sigmoid": lambda z: 1 / (1 + np.exp(-z))}[
        activation
    ](Z1)
    Z2 = np.dot(p["W1"], A1) + p["b1"]
    A2 = 1 / (1 + np.exp(-Z2))
    if cost == "half_mse":
        J = np.mean((A2 - Y) ** 2) / 2
        dA2 = (A2 - Y) / m
        dZ2 = dA2 * A2 * (1 - A2)
    else:
        J = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
        dA2 = (-Y / A2 + (1 - Y) / (1 - A2)) / m
        dZ2 = (A2 - Y) / m
    dA1 = np.dot(p["W1"].T, dZ2)
    g_prime = {"tanh": 1 - np.tanh(Z1) ** 2, "relu": (Z1 > 0).astype(float), "sigmoid": A1 * (1 - A1)}[activation]
    dZ1 = dA1 * g_prime
    grads = {
        "dA2": dA2,
        "dZ2": dZ2,
        "dW1": np.dot(dZ2, A1.T),
        "db1": dZ2.sum(keepdims=True),
        "dA1": dA1,
        "dZ1": dZ1,
        "dW0": np.dot(dZ1, A0.T),
        "db0": dZ1.sum(axis=1, keepdims=True),
    }
    return {"params": p, "Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "J": J, "grads": grads}


# ---------------------------------------------------------------- the whole


def test_sections_come_in_the_notebooks_order_and_are_strict_json(nb_view):
    assert nb_view["sections"] == SECTIONS
    assert list(strict(nb_view))[:2] == ["sections", "run"]
    assert [key for key in nb_view if key in SECTIONS] == SECTIONS
    light = notebook(Run(), numeric=False, log=False)
    assert light["sections"] == SECTIONS[:-1] and "log" not in light


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
    real = notebook_module.unroll

    def off_by_a_little(params, activation="tanh", A0=None):
        u = real(params, activation)
        u["Z2"][0][3] += 1e-6
        return u

    monkeypatch.setattr(notebook_module, "unroll", off_by_a_little)
    lines = by_name(notebook(Run(), numeric=False, log=False)["forward"]["matrix"])
    assert lines["Z2"]["matches_unrolled"] is False
    assert lines["Z1"]["matches_unrolled"] is True and lines["A2"]["matches_unrolled"] is True


# ---------------------------------------------------------------- 3. backward


def test_backward_lists_the_eight_gradients_in_order(nb_view):
    grads = nb_view["backward"]["gradients"]
    assert [g["name"] for g in grads] == ["dA2", "dZ2", "dW1", "db1", "dA1", "dZ1", "dW0", "db0"]
    assert [g["of"] for g in grads] == list(GRADIENT_NAMES)


@pytest.mark.parametrize("notebook_mode", [False, True])
@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
@pytest.mark.parametrize("cost", ["half_mse", "cross_entropy"])
def test_code_lines_are_the_models_own_source_lines(cost, activation, notebook_mode):
    run = Run({"cost": cost, "activation": activation, "notebook_mode": notebook_mode})
    grads = by_name(notebook(run, numeric=False, log=False)["backward"]["gradients"])
    for name, g in grads.items():
        assert g["code"] == "\n".join(line["code"] for line in g["code_lines"])
        for line in g["code_lines"]:
            assert line["code"] in NETWORK_SOURCE, (name, line)
            assert line["source"].startswith("backprop/network.py: ")
        assert g["code_lines"][0]["code"].startswith(name + " = "), name
    # dZ1: the branch the model takes in this mode, and this activation's derivative.
    lines = [line.strip() for line in NETWORK_SOURCE.splitlines()]
    branch = lines.index("if notebook_mode:")
    assert lines[branch + 2] == "else:"
    assert grads["dZ1"]["code_lines"][0]["code"] == lines[branch + 1 if notebook_mode else branch + 3]
    g_prime = grads["dZ1"]["code_lines"][1]["code"]
    assert g_prime.startswith("lambda Z, A: ")
    assert any(line.startswith(f'"{activation}": Activation(') and g_prime in line for line in lines)
    # dA2 and dZ2: from this cost's class.
    cost_class = NETWORK_SOURCE.split(f'name = "{cost}"')[1].split("\nclass ")[0]
    for name in ("dA2", "dZ2"):
        assert grads[name]["code"] in cost_class


def test_update_lines_are_the_models_own(nb_view):
    code = nb_view["step"]["code"]
    assert code and all(line in TRAIN_SOURCE for line in code)
    assert any(line.startswith("theta -= ") for line in code)


MATHML_TAGS = {"math", "mrow", "mi", "mo", "mn", "mfrac", "msup", "msub", "munder"}


@pytest.mark.parametrize("settings", [{}, NOTEBOOK, OTHER, {"activation": "sigmoid", "notebook_mode": True}])
def test_formulas_are_presentation_mathml(settings):
    grads = notebook(Run(settings), numeric=False, log=False)["backward"]["gradients"]
    for g in grads:
        root = ET.fromstring(g["formula"])
        ns = "{http://www.w3.org/1998/Math/MathML}"
        assert root.tag == ns + "math"
        assert {el.tag[len(ns) :] for el in root.iter()} <= MATHML_TAGS
        assert root[0].tag == ns + "mi" and root[0].text == g["name"]
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
    assert "<mi>tanh</mi>" in slip["formula"] and "<mi>tanh</mi>" not in default["formula"]


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


# ---------------------------------------------------------------- 5. one step


def test_step_is_the_runs_next_step_computed_on_a_copy():
    run = Run(NOTEBOOK)
    run.train(3)
    step = notebook(run, numeric=False, log=False)["step"]
    twin = Run.from_dict(run.to_dict())
    J_before = twin.cost
    grads = twin.gradients()
    twin.train(1)
    assert step["learning_rate"] == 10.0 and step["learning_rate_text"] == "10.0"
    for p in step["params"]:
        name = p["name"]
        assert p["before"]["values"] == run.params[name].tolist()
        assert p["gradient"]["values"] == grads["d" + name].tolist()
        np.testing.assert_allclose(p["update"]["values"], 10.0 * grads["d" + name], rtol=1e-15, atol=0)
        assert p["after"]["values"] == twin.params[name].tolist()
        assert p["after"]["text"] == np.array2string(twin.params[name])
        assert p["formula_text"] == f"{name} ← {name} − learning_rate · d{name}"
    assert step["J_before"] == {"text": repr(J_before), "value": J_before}
    assert step["J_after"] == {"text": repr(twin.cost), "value": twin.cost}
    assert step["J_change"]["value"] == twin.cost - J_before


def test_step_at_step_0_is_the_notebooks_first_update():
    step = notebook(Run(NOTEBOOK), numeric=False, log=False)["step"]
    nn, log = notebook_loop(2, 2, "XOR", 10, 1)
    assert step["J_before"]["value"] == pytest.approx(LOG_NB[0], rel=1e-15)
    assert step["J_after"]["value"] == pytest.approx(log[1], rel=1e-13)
    after = by_name(step["params"])
    for name in PARAM_NAMES:
        np.testing.assert_allclose(after[name]["after"]["values"], getattr(nn, name), rtol=1e-13)


# ---------------------------------------------------------------- 6. the log


def test_log_replays_cells_35_and_36_in_notebook_mode(nb_view):
    log = nb_view["log"]
    assert (log["steps"], log["every"], log["learning_rate"], log["learning_rate_text"]) == (1000, 100, 10.0, "10.0")
    lines = log["lines"]
    assert [line["step"] for line in lines] == list(range(0, 1000, 100))
    values = [line["J"] for line in lines]
    assert values[0] == pytest.approx(LOG_NB[0], rel=1e-9)
    assert values[1] == pytest.approx(LOG_NB[1], rel=1e-9)
    assert values == pytest.approx(LOG_NB, rel=1e-4)
    assert all(line["text"] == repr(line["J"]) for line in lines)
    assert log["predictions"]["text"] == PREDICTIONS_NB and log["predictions"]["Y_text"] == "[1 1 0 0]"
    assert log["predictions"]["values"] == [0.98, 0.98, 0.016, 0.016] and log["predictions"]["step"] == 999
    assert (log["status"], log["reason"]) == ("ready", None)


def test_log_is_of_a_fresh_run_whatever_the_run_on_screen():
    run = Run(NOTEBOOK)
    run.train(250)
    log = notebook(run, numeric=False)["log"]
    assert log["lines"][0]["J"] == pytest.approx(LOG_NB[0], rel=1e-15)
    assert log["lines"][1]["J"] == pytest.approx(LOG_NB[1], rel=1e-9)
    assert run.step == 250


def test_log_of_other_settings_follows_a_plain_numpy_loop():
    settings = dict(OTHER, seed=10, learning_rate=3)  # a relu network that learns XOR (seed 7's does not)
    log = notebook(Run(settings), numeric=False)["log"]
    p = {k: v.copy() for k, v in plain_model(settings)["params"].items()}
    costs = []
    for i in range(1000):
        state = pass_through(p, "relu", "cross_entropy")
        if i % 100 == 0:
            costs.append(state["J"])
        for name in PARAM_NAMES:
            p[name] = p[name] - 3.0 * state["grads"]["d" + name]
    assert [line["J"] for line in log["lines"]] == pytest.approx(costs, rel=1e-6)
    assert costs[-1] < 0.01
    assert log["predictions"]["text"] == np.array2string(np.round(state["A2"].squeeze(), 3))
    assert log["predictions"]["step"] == 999 and log["status"] == "ready"


def test_log_of_a_network_that_stops_learning_says_so():
    log = notebook(Run(OTHER), numeric=False)["log"]  # seed 7's relu units die; J rises and stays up
    assert log["status"] == "diverged" and "the cost rose" in log["reason"]
    assert [line["step"] for line in log["lines"]] == [0]


def test_log_stops_where_a_run_diverges():
    log = notebook(Run({"learning_rate": 1000}), numeric=False)["log"]
    assert log["status"] == "diverged" and "learning rate 1000" in log["reason"]
    assert [line["step"] for line in log["lines"]] == [0]
    assert log["predictions"]["step"] < 100


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
def test_a_diverged_run_gives_strict_json(make, shows):
    run = make()
    assert run.status == "diverged"
    view = strict(notebook(run))
    assert view["run"]["status"] == "diverged" and view["run"]["reason"] == run.reason
    for g in view["backward"]["gradients"]:
        assert g["verdict"] in ("right", "suspicious", "wrong", "undefined")
    if shows == "undefined dA2":  # dA2 = (A2 - Y) / (A2 * (1 - A2)) / m divides by 0
        dA2 = view["backward"]["gradients"][0]
        assert dA2["verdict"] == "undefined" and "not a number" in dA2["verdict_text"]
        assert {"Infinity", "NaN"} & set(dA2["analytic"]["values"][0])
    if shows == "Infinity":
        # example (1,1): tanh(2.1) * 1e308 twice overflows
        assert by_name(view["forward"]["matrix"])["Z2"]["values"][0][3] == "Infinity"
        assert view["forward"]["output"][3]["Z"] == {"name": "Z2[0,3]", "value": "Infinity", "text": "inf"}
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
