"""The Notebook view's sections 5 and 6 (py/worker/notebook/training.py): one gradient-descent step and the
training log.

Oracles: what the seed notebook printed (notebook_printout.py, transcribed as printed), the notebook's own
ANN class and loop (tests/model/notebook_ann.py), a Run trained separately and a plain NumPy loop.
"""

import pathlib
import sys

import numpy as np
import pytest
from notebook_printout import (
    LOG_NB,
    NOTEBOOK,
    OTHER,
    PREDICTIONS_NB,
    by_name,
    notebook_mode_view,
    pass_through,
    plain_model,
)

from backprop import PARAM_NAMES, Run
from worker.notebook import html as notebook_html
from worker.notebook.sections import notebook

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "model"))
from notebook_ann import notebook_loop


@pytest.fixture(scope="module")
def nb_view():
    """Step 0, notebook mode, the notebook's settings: everything computed."""
    return notebook_mode_view()


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
    assert step["examples"] == [0, 1, 2, 3] and step["one_example_note"] is None


@pytest.mark.parametrize("batch", ["one", "shuffled"])
def test_with_one_example_per_step_the_step_is_the_labs_step(batch):
    run = Run({"batch": batch, "seed": 3})
    run.train(6)
    step = notebook(run, numeric=False, log=False)["step"]
    twin = Run.from_dict(run.to_dict())
    j = twin.next_examples()[0]
    twin.train(1)
    for p in step["params"]:
        assert p["after"]["values"] == twin.params[p["name"]].tolist()
    assert step["J_after"] == {"text": repr(twin.cost), "value": twin.cost}
    assert step["examples"] == [j]
    assert f"gradients are those of example {j} alone (column {j} of A0, m = 1)" in step["one_example_note"]
    html = notebook_html.step_html(step)
    assert html.startswith('<p class="nb-note nb-one-example">One example per step')


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
