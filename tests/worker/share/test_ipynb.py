"""The exported Jupyter notebook (worker/share/ipynb.py).

Oracles: nbformat's own validator (skipped under Pyodide, which does not have it), backprop.Run trained
independently, the exported script's output for the same run, and the seed notebook's printed values. The
notebook is executed as Jupyter would run it top to bottom: each code cell in turn, in one namespace.
"""

import contextlib
import io
import json
import re
import sys

import pytest
from test_script import EVERY_SETTING, SETTINGS, assert_costs, expected, parse, run_at, run_in_process

from backprop import GRADIENT_NAMES
from worker.share.ipynb import notebook
from worker.share.script import script


def execute(text):
    """[(cell, its printed output)] for every code cell, run in order in one namespace, and the namespace."""
    namespace, outputs = {"__name__": "__main__"}, []
    for k, cell in enumerate(json.loads(text)["cells"]):
        if cell["cell_type"] == "code":
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile("".join(cell["source"]), f"cell-{k}", "exec"), namespace)
            outputs.append((cell, out.getvalue()))
    return outputs, namespace


def verdicts(outputs):
    """{"dW0": "right", ...} from the gradient checks' printed lines."""
    found = {}
    for _, output in outputs:
        name = re.search(r"^(d\w+) by backprop:$", output, re.M)
        verdict = re.search(r"^relative error \S+: (\w+)$", output, re.M)
        if name and verdict:
            found[name.group(1)] = verdict.group(1)
    return found


@pytest.mark.skipif(sys.platform == "emscripten", reason="nbformat is not in Pyodide")
@pytest.mark.parametrize("settings", EVERY_SETTING[:4] + EVERY_SETTING[-6:], ids=str)
def test_notebook_is_valid_nbformat_4(settings):
    nbformat = pytest.importorskip("nbformat")
    text = notebook(run_at(settings, 20))
    nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor) == (4, 5)


def test_notebook_shape_cells_without_outputs():
    data = json.loads(notebook(run_at({}, 0)))
    assert data["metadata"]["kernelspec"] == {"display_name": "Python 3", "language": "python", "name": "python3"}
    ids = [cell["id"] for cell in data["cells"]]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", i) for i in ids)
    code = [cell for cell in data["cells"] if cell["cell_type"] == "code"]
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)
    markdown = "".join("".join(cell["source"]) for cell in data["cells"] if cell["cell_type"] == "markdown")
    for title in [
        "## Initialization",
        "## Forward pass (unrolled)",
        "## Forward pass (compressed)",
        "## Backpropagation and gradient checks",
        "## Backpropagation (compressed)",
        "## Training",
    ]:
        assert title in markdown


@pytest.mark.parametrize("start", [0, 100, 1000])
@pytest.mark.parametrize("name", list(SETTINGS))
def test_notebook_runs_top_to_bottom_and_reproduces_the_runs_costs(name, start):
    settings = SETTINGS[name]
    run = run_at(settings, start)
    outputs, _ = execute(notebook(run))
    log, J, steps, page_step = parse(outputs[-1][1])
    want_log, want_J = expected(settings, start, 1000)
    assert_costs(log + [J], want_log + [want_J])
    assert (steps, page_step) == (1000, start + 1000)
    assert outputs[-1][1] == run_in_process(script(run))  # the same lines as the script prints


@pytest.mark.parametrize("settings", EVERY_SETTING, ids=str)
def test_notebook_runs_for_every_setting(settings):
    run = run_at(settings, 30)
    outputs, _namespace = execute(notebook(run).replace("STEPS = 1000", "STEPS = 200"))
    log, J, _, _ = parse(outputs[-1][1])
    want_log, want_J = expected(settings, 30, 200)
    assert_costs(log + [J], want_log + [want_J])
    checks = verdicts(outputs)
    assert list(checks) == ["d" + name for name in GRADIENT_NAMES]
    # Only tanh's are all clear-cut here: sigmoid's gradients all but vanish on a plateau, ReLU has kinks.
    if settings.get("activation", "tanh") == "tanh":
        wrong = {name for name, verdict in checks.items() if verdict != "right"}
        assert wrong == ({"dZ1", "dW0", "db0"} if settings.get("notebook_mode") else set())  # the notebook's slip


def test_setup_and_forward_pass_print_the_seed_notebooks_numbers():
    outputs, _namespace = execute(notebook(run_at({"notebook_mode": True}, 0)))
    printed = "".join(output for _, output in outputs[:-1])
    for text in [
        "W0 is:\n[[-0.04167578 -0.00562668]\n [-0.21361961  0.16402708]]",  # cell 3
        "W1 is: [[-0.17934356 -0.08417474]]",
        "0.09437331727736706\n0.26402708084049886",  # cell 4
        "Z1 is:\n[[ 0.09437332  0.05832422  0.1         0.05269753]\n"
        " [ 0.26402708 -0.11361961  0.1         0.05040747]]",
        "A2 is: [[0.51534589 0.52474844 0.51842557 0.52156619]]",  # cell 11
        "J=0.12519375208599626",  # cell 12
        "db0 by backprop:\n[[-0.00089]\n [-0.00058]]",  # cell 31, the slip
        "db0 by central differences:\n[[-0.00089]\n [-0.00059]]",
    ]:  # cell 30
        assert text in printed, text


def test_parameters_are_written_in_exactly():
    run = run_at({"n_h": 7, "activation": "sigmoid"}, 77)
    text = notebook(run)
    cells = [cell for cell in json.loads(text)["cells"] if cell["cell_type"] == "code"]
    namespace = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in cells[:3]:  # import, helpers, setup
            exec("".join(cell["source"]), namespace)
    for name in ("W0", "b0", "W1", "b1"):
        assert namespace[name].tobytes() == run.params[name].tobytes()
