"""Every number the seed notebook prints is an oracle (shared/seed/ann_xor_notebook.txt).

Arrays the notebook printed with 8 decimals are compared after np.round(x, 8), gradients
printed with np.round(x, 5) after the same rounding; full-precision prints by value.
"""

import numpy as np
import pytest

from backprop import A0, Run, backward, forward, gradient_check, init_params, truth_table, unroll

# Cell 3
W0_NB = [[-0.04167578, -0.00562668], [-0.21361961, 0.16402708]]
W1_NB = [[-0.17934356, -0.08417474]]
# Cells 4-12
Z1_00, Z1_10, Z2_00 = 0.09437331727736706, 0.26402708084049886, 0.06140283090901357
Z1_NB = [[0.09437332, 0.05832422, 0.1, 0.05269753], [0.26402708, -0.11361961, 0.1, 0.05040747]]
A1_NB = [[0.09409414, 0.05825817, 0.09966799, 0.05264881], [0.25805832, -0.1131332, 0.09966799, 0.05036482]]
Z2_NB = [[0.06140283, 0.09907473, 0.07373566, 0.08631833]]
A2_NB = [[0.51534589, 0.52474844, 0.51842557, 0.52156619]]
J_NB = 0.12519375208599626
# Cells 16-31: numeric (forward differences) and analytic gradients, np.round(., 5)
NUMERIC_NB = {
    "A2": [[-0.12116, -0.11881, 0.12961, 0.13039]],
    "Z2": [[-0.03026, -0.02963, 0.03236, 0.03254]],
    "W1": [[0.00036, 0.00041]],
    "b1": [[0.005]],
    "A1": [[0.00543, 0.00531, -0.0058, -0.00584], [0.00255, 0.00249, -0.00272, -0.00274]],
    "Z1": [[0.00538, 0.0053, -0.00575, -0.00582], [0.00238, 0.00246, -0.0027, -0.00273]],
    "W0": [[-0.00052, -0.00044], [-0.00027, -0.00035]],
    "b0": [[-0.00089], [-0.00059]],
}
ANALYTIC_NB = dict(NUMERIC_NB, b0=[[-0.00089], [-0.00058]])  # cell 31: the slip shows in db0
# Cell 35: J printed at i = 0, 100, ..., 900 (J of the parameters after i updates)
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
# Cell 36
PREDICTIONS_NB = [0.98, 0.98, 0.016, 0.016]


@pytest.fixture
def net():
    params = init_params(2, 2)
    Y = truth_table("XOR")
    return params, Y, forward(params, A0, Y)


def test_inputs_and_targets_match_cell_3():
    np.testing.assert_array_equal(A0, [[0, 1, 0, 1], [1, 0, 0, 1]])
    np.testing.assert_array_equal(truth_table("XOR"), [[1, 1, 0, 0]])


def test_initial_weights_match_cell_3(net):
    params, _, _ = net
    np.testing.assert_array_equal(np.round(params["W0"], 8), W0_NB)
    np.testing.assert_array_equal(np.round(params["W1"], 8), W1_NB)
    np.testing.assert_array_equal(params["b0"], [[0.1], [0.1]])
    np.testing.assert_array_equal(params["b1"], [[0.1]])


def test_forward_pass_matches_cells_4_to_12(net):
    _, _, cache = net
    assert cache["Z1"][0, 0] == Z1_00
    assert cache["Z1"][1, 0] == Z1_10
    assert cache["Z2"][0, 0] == pytest.approx(Z2_00, rel=1e-15)  # tanh may differ by an ulp between libms
    np.testing.assert_array_equal(np.round(cache["Z1"], 8), Z1_NB)
    np.testing.assert_array_equal(np.round(cache["A1"], 8), A1_NB)
    np.testing.assert_array_equal(np.round(cache["Z2"], 8), Z2_NB)
    np.testing.assert_array_equal(np.round(cache["A2"], 8), A2_NB)
    assert cache["J"] == pytest.approx(J_NB, rel=1e-15)


def test_unrolled_view_matches_the_unrolled_cells(net):
    params, _, cache = net
    u = unroll(params)
    assert u["Z1"][0][0] == Z1_00
    assert u["Z1"][1][0] == Z1_10
    assert u["Z2"][0][0] == pytest.approx(Z2_00, rel=1e-15)
    np.testing.assert_array_equal(np.round(u["Z1"], 8), Z1_NB)
    np.testing.assert_array_equal(np.round(u["A1"], 8), A1_NB)
    np.testing.assert_array_equal(np.round(u["Z2"], 8), Z2_NB)
    np.testing.assert_array_equal(np.round(u["A2"], 8), A2_NB)
    for name in ("Z1", "A1", "Z2", "A2"):
        np.testing.assert_allclose(u[name], cache[name], rtol=1e-14, atol=0)


def test_unrolled_entries_spell_out_cell_4(net):
    params, _, _ = net
    first = unroll(params)["hidden"][0]
    assert first["text"] == "Z1[0,0] = W0[0,0]·A0[0,0] + W0[0,1]·A0[1,0] + b0[0] = 0.0944"
    assert [t["weight"]["name"] for t in first["terms"]] == ["W0[0,0]", "W0[0,1]"]
    assert [t["input"]["name"] for t in first["terms"]] == ["A0[0,0]", "A0[1,0]"]
    assert [t["input"]["value"] for t in first["terms"]] == [0.0, 1.0]
    assert first["terms"][1]["product"] == first["terms"][1]["weight"]["value"] * 1.0
    assert first["bias"] == {"name": "b0[0]", "value": 0.1}
    assert first["Z"] == {"name": "Z1[0,0]", "value": Z1_00}
    assert first["A"]["name"] == "A1[0,0]" and first["A"]["function"] == "tanh"
    out = unroll(params)["output"][0]
    assert out["equation"] == "Z2[0,0] = W1[0,0]·A1[0,0] + W1[0,1]·A1[1,0] + b1[0]"
    assert out["A"]["function"] == "sigmoid"


@pytest.mark.parametrize("name", list(NUMERIC_NB))
def test_numeric_gradients_match_cells_16_to_30(net, name):
    params, Y, _ = net
    report = gradient_check(params, A0, Y)
    np.testing.assert_array_equal(np.round(report[name]["numeric"], 5), NUMERIC_NB[name])


@pytest.mark.parametrize("name", list(ANALYTIC_NB))
def test_notebook_mode_analytic_gradients_match_cells_17_to_31(net, name):
    params, Y, cache = net
    grads = backward(params, cache, A0, Y, notebook_mode=True)
    np.testing.assert_array_equal(np.round(grads["d" + name], 5), ANALYTIC_NB[name])


def test_db0_slip_of_cell_31_is_pinned(net):
    params, Y, cache = net
    buggy = backward(params, cache, A0, Y, notebook_mode=True)["db0"]
    true = backward(params, cache, A0, Y, notebook_mode=False)["db0"]
    assert np.round(buggy[1, 0], 5) == -0.00058  # cell 31
    assert np.round(true[1, 0], 5) == -0.00059  # cell 30, the numeric derivative
    assert np.round(gradient_check(params, A0, Y)["b0"]["numeric"][1, 0], 5) == -0.00059


def test_training_log_of_cell_35_replays_in_notebook_mode():
    run = Run({"notebook_mode": True, "learning_rate": 10, "seed": 2, "n_h": 2, "table": "XOR"})
    run.train(1000)
    log = run.history[0:1000:100]
    assert log[0] == pytest.approx(LOG_NB[0], rel=1e-9)
    assert log[1] == pytest.approx(LOG_NB[1], rel=1e-9)
    # Past step 100 a saddle amplifies last-bit differences between libms (tanh): 1e-4 and no looser.
    assert log == pytest.approx(LOG_NB, rel=1e-4)


def test_final_predictions_of_cell_36():
    run = Run({"notebook_mode": True})
    run.train(999)  # the notebook's A2 comes from the forward pass of its last iteration, i = 999
    np.testing.assert_array_equal(np.round(run.A2.squeeze(), 3), PREDICTIONS_NB)
    run.train(1)
    np.testing.assert_array_equal(np.round(run.A2.squeeze(), 3), PREDICTIONS_NB)
    assert run.solved


@pytest.mark.parametrize("n_h, activation", [(1, "relu"), (5, "sigmoid"), (16, "tanh")])
def test_unrolled_view_is_json_and_equals_the_matrix_pass_for_any_width(n_h, activation):
    import json

    params = init_params(n_h, 11)
    u = json.loads(json.dumps(unroll(params, activation), allow_nan=False))
    cache = forward(params, A0, activation=activation)
    assert len(u["hidden"]) == 4 * n_h and len(u["output"]) == 4
    assert all(len(entry["terms"]) == n_h for entry in u["output"])
    for name in ("Z1", "A1", "Z2", "A2"):
        np.testing.assert_allclose(u[name], cache[name], rtol=1e-13, atol=1e-16)
    last = u["output"][-1]
    assert last["equation"].startswith("Z2[0,3] = W1[0,0]·A1[0,3] + ")
    assert last["equation"].endswith(f"W1[0,{n_h - 1}]·A1[{n_h - 1},3] + b1[0]")
