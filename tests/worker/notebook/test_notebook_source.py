"""The code lines the Notebook view shows (py/worker/notebook/source.py): each verbatim from the model's own
source.

Oracles: the model's source files read as text.
"""

import pathlib

import pytest
from notebook_printout import (
    by_name,
    notebook_mode_view,
)

import backprop
from backprop import Run
from worker.notebook.sections import notebook

MODEL = pathlib.Path(backprop.__file__).resolve().parent
NETWORK_SOURCE = (MODEL / "network.py").read_text()
TRAIN_SOURCE = (MODEL / "train.py").read_text()


@pytest.fixture(scope="module")
def nb_view():
    """Step 0, notebook mode, the notebook's settings: everything computed."""
    return notebook_mode_view()


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
