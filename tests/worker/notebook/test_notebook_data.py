"""The Notebook view on the data on screen (issue 20): a generated set or the student's own points instead of the
four truth-table examples. A0 and Y as they are (the setup's program makes them), the sums unrolled for the first
four examples with a note, the gradient checks, the notebook's own check, the step and the log on every example.

Oracles: plain NumPy written here (forward, backward, gradient descent), finite differences computed here, and the
data's own arrays (run.A0, run.Y: the model's, which the notebook must show as they are).
"""

import functools

import numpy as np
import pytest
from notebook_html_tree import check_tables, check_terms, tree

from backprop import Config, Run
from worker.notebook.html import page
from worker.notebook.sections import notebook

CIRCLE = {"data": "circle", "data_size": 40, "noise": 10, "data_seed": 3}  # 20 training and 20 test points
POINTS = [[0.25, -0.5, 1, 0], [-1.0, 0.75, 0, 0], [0.5, 0.5, 1, 0], [1.25, -0.25, 0, 1]]  # 3 training, 1 test


@functools.cache
def circle():
    run = Run(Config(**CIRCLE, n_h=3, seed=5))
    return run, notebook(run)


def by_name(items):
    return {item["name"]: item for item in items}


def plain(params, A0, Y):
    """tanh hidden layer, sigmoid output, half the mean squared error: forward and backward in NumPy."""
    m = Y.shape[1]
    Z1 = params["W0"] @ A0 + params["b0"]
    A1 = np.tanh(Z1)
    Z2 = params["W1"] @ A1 + params["b1"]
    A2 = 1 / (1 + np.exp(-Z2))
    J = 0.5 * np.mean((A2 - Y) ** 2)
    dZ2 = (A2 - Y) / m * A2 * (1 - A2)
    dZ1 = (params["W1"].T @ dZ2) * (1 - A1**2)
    grads = {"dW1": dZ2 @ A1.T, "db1": dZ2.sum(keepdims=True), "dW0": dZ1 @ A0.T, "db0": dZ1.sum(1, keepdims=True)}
    return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "J": J, "grads": grads}


def params_of(run):
    return {name: np.array(value, dtype=float) for name, value in run.params.items()}


def test_the_setup_writes_the_data_on_screen_in_a_program_that_makes_it():
    run, nb = circle()
    assert run.A0.shape == (2, 20) and run.data.test_m == 20
    items = by_name(nb["setup"])
    namespace = {"np": np}
    exec("\n".join(item["code"] for item in nb["setup"]), namespace)
    assert np.array_equal(namespace["A0"], run.A0)  # repr's texts: the very floats
    assert namespace["Y"].tolist() == run.Y.reshape(-1).astype(int).tolist() and namespace["m"] == 20
    assert items["A0"]["shape"] == [2, 20] and items["A0"]["values"] == run.A0.tolist()
    assert items["m"]["text"] == "20" and items["n"]["text"] == "2"
    assert nb["data"]["m"] == 20 and nb["data"]["test_m"] == 20 and nb["data"]["unrolled"] == 4
    assert "circle (data seed 3, 40 points, noise 10 %, 50 % for training)" in nb["data"]["note"]
    assert "20 training examples" in nb["data"]["note"] and "20 test points are not in A0" in nb["data"]["note"]


def test_the_sums_are_unrolled_for_the_first_four_examples_and_the_cost_is_over_all():
    run, nb = circle()
    f = nb["forward"]
    want = plain(params_of(run), np.array(run.A0), np.array(run.Y))
    assert sorted({e["example"] for e in f["hidden"] + f["output"]}) == [0, 1, 2, 3]
    assert len(f["hidden"]) == 3 * 4 and len(f["output"]) == 4
    assert f["columns"] == 4 and f["m"] == 20
    assert "first 4 of the 20 examples" in f["note"] and "J is the cost over all 20" in f["note"]
    for name in ("Z1", "A1", "Z2", "A2"):
        np.testing.assert_allclose(f[name]["values"], want[name][:, :4], rtol=1e-12, atol=1e-15)
    assert f["J"]["value"] == pytest.approx(want["J"], rel=1e-12)
    first = f["hidden"][0]
    assert first["terms"][0]["input"]["text"] == repr(float(run.A0[0, 0]))  # a float as it is, not an int
    for line in f["matrix"]:
        assert line["matches_unrolled"] is True, line["name"]
        if line["name"] != "J":
            np.testing.assert_allclose(line["values"], want[line["name"]], rtol=1e-12, atol=1e-15)
    assert by_name(f["matrix"])["J"]["values"] == pytest.approx(want["J"], rel=1e-12)


def test_the_gradient_checks_are_on_every_example():
    run, nb = circle()
    want = plain(params_of(run), np.array(run.A0), np.array(run.Y))
    grads = by_name(nb["backward"]["gradients"])
    for name in ("dW1", "db1", "dW0", "db0"):
        np.testing.assert_allclose(grads[name]["analytic"]["values"], want["grads"][name], rtol=1e-10, atol=1e-16)
        assert grads[name]["verdict"] == "right"
    assert grads["dZ1"]["analytic"]["shape"] == [3, 20] and grads["dA2"]["numeric"]["shape"] == [1, 20]
    # dW0[1, 0] by a central difference written here, on the 20 training examples
    h, params = 1e-5, params_of(run)
    up, down = params_of(run), params_of(run)
    up["W0"][1, 0] += h
    down["W0"][1, 0] -= h
    A0, Y = np.array(run.A0), np.array(run.Y)
    numeric = (plain(up, A0, Y)["J"] - plain(down, A0, Y)["J"]) / (2 * h)
    assert grads["dW0"]["numeric"]["values"][1][0] == pytest.approx(numeric, rel=1e-6)
    assert numeric == pytest.approx(plain(params, A0, Y)["grads"]["dW0"][1, 0], rel=1e-6)


def test_the_notebooks_own_check_is_on_every_example():
    run, nb = circle()
    A0, Y = np.array(run.A0), np.array(run.Y)
    check = by_name(nb["notebook_check"]["gradients"])
    delta, params = 1e-9, params_of(run)
    J = plain(params, A0, Y)["J"]
    expected = np.zeros((1, 3))
    for i in range(3):
        moved = params_of(run)
        moved["W1"][0, i] += delta
        expected[0, i] = np.round((plain(moved, A0, Y)["J"] - J) / delta, 5)
    np.testing.assert_allclose(check["dW1"]["numeric"]["values"], expected, atol=1.5e-5)
    assert check["dW1"]["analytic"]["values"] == np.round(plain(params, A0, Y)["grads"]["dW1"], 5).tolist()
    assert check["dZ1"]["numeric"]["shape"] == [3, 20]


def test_the_step_and_the_log_train_on_every_example():
    run, nb = circle()
    A0, Y = np.array(run.A0), np.array(run.Y)
    params = params_of(run)
    lr = run.config.learning_rate
    want = plain(params, A0, Y)
    after = {name: params[name] - lr * want["grads"]["d" + name] for name in params}
    assert nb["step"]["J_after"]["value"] == pytest.approx(plain(after, A0, Y)["J"], rel=1e-12)
    # cell 35's log: gradient descent written here, from the same start
    log = nb["log"]
    p = params_of(Run(Config(**CIRCLE, n_h=3, seed=5)))
    costs = {}
    for step in range(201):
        out = plain(p, A0, Y)
        costs[step] = out["J"]
        p = {name: p[name] - lr * out["grads"]["d" + name] for name in p}
    lines = {line["step"]: line["J"] for line in log["lines"]}
    for step in (0, 100, 200):
        assert lines[step] == pytest.approx(costs[step], rel=1e-9)
    assert len(log["predictions"]["values"]) == 20
    assert log["predictions"]["Y_text"] == np.array2string(Y.reshape(-1).astype(int))


def test_the_html_shows_the_data_its_first_four_examples_and_scrolling_matrices():
    run, nb = circle()
    html = page(nb)["html"]
    setup = tree(html["setup"])
    assert "nb-data" in setup.find("p").classes() and "20 training examples" in setup.find("p").text()
    tables = check_tables(setup)
    printed = np.array2string(np.array(run.A0)).replace("[", " ").replace("]", " ").split()  # as print() shows A0
    assert tables["A0, shape (2, 20)"] == [printed[:20], printed[20:]]
    forward = tree(html["forward"])
    notes = forward.find_all("p", cls="nb-first-examples")
    assert len(notes) == 1 and "first 4 of the 20 examples" in notes[0].text()
    tables = check_tables(forward)
    assert "Z1[:, :4], shape (3, 4)" in tables and "Z1, shape (3, 20)" in tables
    assert len(check_terms(forward, 3)) > 0  # every term names an example 0 to 3
    assert "The same as J above." in forward.text()
    check_tables(tree(html["backward"]))
    log = tree(html["log"])
    assert (
        len(check_tables(log)["Predictions A2 after step 999, rounded to 3 decimals, against the targets Y"][0]) == 20
    )


def test_own_points_fewer_than_four_are_all_unrolled_and_the_log_uses_them():
    run = Run(Config(data="points", n_h=2), points=POINTS)
    nb = notebook(run)
    assert nb["forward"]["columns"] == 3 and nb["forward"]["note"] is None
    assert len(nb["forward"]["output"]) == 3
    assert "your points" in nb["data"]["note"] and "one test point is not in A0" in nb["data"]["note"]
    assert nb["log"]["predictions"]["Y_text"] == "[1 0 1]"
    A0 = np.array([[0.25, -1.0, 0.5], [-0.5, 0.75, 0.5]])
    assert np.array_equal(by_name(nb["setup"])["A0"]["values"], A0)
    want = plain(params_of(Run(Config(n_h=2))), A0, np.array([[1.0, 0.0, 1.0]]))
    assert nb["log"]["lines"][0]["J"] == pytest.approx(want["J"], rel=1e-12)
    assert "nb-first-examples" not in page(nb)["html"]["forward"]


def test_a_truth_table_says_nothing_of_data():
    nb = notebook(Run(), numeric=False, log=False)
    assert nb["data"] == {"table": True, "words": None, "m": 4, "test_m": 0, "unrolled": 4, "note": None}
    html = page(nb)["html"]
    assert "nb-data" not in html["setup"] and "nb-first-examples" not in html["forward"]
    assert by_name(nb["setup"])["A0"]["code"] == "A0 = np.array([[0, 1, 0, 1], [1, 0, 0, 1]])"


def test_a0_beyond_numpys_print_threshold_is_whole_in_its_table():
    rng = np.random.RandomState(0)
    xy = np.round(rng.uniform(-1, 1, (600, 2)), 2)
    points = [[float(x1), float(x2), int(x1 > x2), 0] for x1, x2 in xy]
    run = Run(Config(data="points"), points=points)
    nb = notebook(run, numeric=False, log=False)
    A0 = by_name(nb["setup"])["A0"]
    assert "..." in A0["text"] and A0["text"] == np.array2string(xy.T)  # print() summarises 1200 numbers
    tables = check_tables(tree(page(nb)["html"]["setup"]))
    whole = np.array2string(xy.T, threshold=10**6).replace("[", " ").replace("]", " ").split()
    assert tables["A0, shape (2, 600)"] == [whole[:600], whole[600:]]


def test_the_hidden_values_numeric_derivatives_are_central_differences_of_j():
    """On a data set Z2, A1 and Z1 are differenced a row at a time; each entry is still dJ/dZ1[i, j]: J moved by
    Z1[i, j] alone, written here from Z1 on."""
    run, nb = circle()
    p, Y = params_of(run), np.array(run.Y)
    Z1 = p["W0"] @ np.array(run.A0) + p["b0"]

    def J_of(Z):
        A2 = 1 / (1 + np.exp(-(p["W1"] @ np.tanh(Z) + p["b1"])))
        return 0.5 * np.mean((A2 - Y) ** 2)

    grads = by_name(nb["backward"]["gradients"])
    check = by_name(nb["notebook_check"]["gradients"])
    for i, j in ((0, 0), (2, 7), (1, 19)):
        up, down = Z1.copy(), Z1.copy()
        up[i, j] += 1e-5
        down[i, j] -= 1e-5
        central = (J_of(up) - J_of(down)) / 2e-5
        assert grads["dZ1"]["numeric"]["values"][i][j] == pytest.approx(central, rel=1e-6, abs=1e-12)
        moved = Z1.copy()
        moved[i, j] += 1e-9
        assert check["dZ1"]["numeric"]["values"][i][j] == pytest.approx((J_of(moved) - J_of(Z1)) / 1e-9, abs=1.5e-5)
    assert all(g["verdict"] == "right" for g in nb["backward"]["gradients"])
    assert all(g["agree"] for g in nb["notebook_check"]["gradients"])


def test_a_matrix_too_large_for_numpys_whole_text_is_written_from_its_values():
    from worker.notebook.blocks import cells
    from worker.notebook.numbers import matrix

    x = np.random.RandomState(2).randn(16, 1000)
    m = matrix(x)
    assert "cells" not in m and "..." in m["text"]  # print()'s summary; the table is written from the values
    assert cells(m) == ["%.8g" % v for v in x.ravel().tolist()]
