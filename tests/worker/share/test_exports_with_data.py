"""The exported .py and .ipynb (worker/share/script.py, ipynb.py) for data other than a truth table: a generated set
or the student's own points, written in as literals (A0, Y, A0_test, Y_test), so the file stands alone.

Oracles: backprop.Run trained independently (its cost and test cost at every step, its accuracy), the data's own
arrays (read back from the script bit for bit), and the script run as a subprocess of plain CPython + NumPy.
"""

import math
import re
import subprocess
import sys

import numpy as np
import pytest
from test_ipynb import execute
from test_script import NO_SUBPROCESS, run_in_process

from backprop import Config, Run
from worker.share.file_names import file_name, points_file_name
from worker.share.ipynb import notebook
from worker.share.script import script

FINAL = re.compile(r"^J=(\S+) after (\d+) steps \(step (\d+) on the page\)$")
OWN_POINTS = [[0.25, -0.5, 1, 0], [-0.75, 0.5, 0, 0], [1.5, 1.25, 1, 0], [0.0, 0.0, 0, 0], [-1.0, -1.0, 1, 1]]


def run_at(settings, step, points=None):
    run = Run(Config.from_dict(settings), points=points)
    run.train(step)
    return run


def expected(run, steps):
    """(J, test J) every 100 steps, then (J, test J) after the last, of a copy of run trained steps more."""
    copy = Run.from_dict(run.to_dict())
    log = []
    for i in range(steps):
        if i % 100 == 0:
            log.append((copy.cost, copy.test_cost()))
        copy.train(1)
    assert copy.status != "diverged"
    return log, (copy.cost, copy.test_cost()), copy.accuracy()


def parse(output):
    """([(J, test J or NaN)] logged, (final J, final test J or NaN), {"train": (right, m), "test": ...}, steps)."""
    lines = output.splitlines()
    final = next(i for i, line in enumerate(lines) if FINAL.match(line))
    log = []
    for line in lines[:final]:
        parts = line.split(" test J: ")
        log.append((float(parts[0]), float(parts[1]) if len(parts) > 1 else math.nan))
    J = float(FINAL.match(lines[final]).group(1))
    test_J, right = math.nan, {}
    for line in lines[final + 1 :]:
        if line.startswith("test J="):
            test_J = float(line[len("test J=") :])
        found = re.match(r"^(Train|Test): (\d+) of (\d+) right\.$", line)
        if found:
            right[found.group(1).lower()] = (int(found.group(2)), int(found.group(3)))
    return log, (J, test_J), right, int(FINAL.match(lines[final]).group(2))


def assert_close(got, want):
    """Pairs of costs equal to 1e-9 (relative), NaN where the want is NaN."""
    assert len(got) == len(want)
    for (J, test_J), (want_J, want_test) in zip(got, want):
        assert pytest.approx(want_J, rel=1e-9, abs=1e-12) == J
        if math.isnan(want_test):
            assert math.isnan(test_J)
        else:
            assert test_J == pytest.approx(want_test, rel=1e-9, abs=1e-12)


@NO_SUBPROCESS
def test_a_spiral_script_reproduces_the_runs_costs_in_cpython(tmp_path):
    run = run_at({"data": "spiral", "data_size": 200, "noise": 10, "n_h": 6, "learning_rate": 3}, 100)
    path = tmp_path / file_name(run.config, run.step, "py")
    path.write_text(script(run))
    result = subprocess.run(
        [sys.executable, str(path), "100"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    log, final, right, steps = parse(result.stdout)
    want_log, want_final, accuracy = expected(run, 100)
    assert steps == 100 and len(log) == 1
    assert_close(log + [final], want_log + [want_final])
    assert right == {"train": accuracy["train"], "test": accuracy["test"]}
    assert path.name == "backprop-lab_spiral_noise10_nh6_lr3.0_seed2_step100.py"


@pytest.mark.parametrize(
    "settings, points",
    [
        ({"data": "circle", "data_size": 40, "noise": 20}, None),
        ({"data": "xor_cloud", "data_size": 60, "train_percent": 80, "data_seed": 5}, None),
        (
            {"data": "gaussians", "data_size": 20, "activation": "relu", "cost": "cross_entropy", "learning_rate": 1},
            None,
        ),
        ({"data": "spiral", "data_size": 30, "batch": "shuffled", "learning_rate": 1}, None),
        ({"data": "points", "n_h": 3}, OWN_POINTS),
        ({"data": "points", "batch": "one", "notebook_mode": True}, [p[:3] for p in OWN_POINTS[:4]]),
    ],
    ids=["circle", "xor_cloud", "gaussians", "spiral-shuffled", "points", "points-one-no-test"],
)
def test_every_data_kind_reproduces_the_runs_costs(settings, points):
    run = run_at(settings, 30, points)
    log, final, right, _ = parse(run_in_process(script(run), "300"))
    want_log, want_final, accuracy = expected(run, 300)
    assert_close(log + [final], want_log + [want_final])
    assert right["train"] == accuracy["train"]
    assert right.get("test") == (accuracy["test"] if run.data.test_m else None)


def test_the_data_are_written_in_exactly():
    run = run_at({"data": "spiral", "data_size": 120, "noise": 30, "train_percent": 30}, 0)
    text = script(run)
    setup = text[: text.index("def forward")]
    namespace = {}
    exec(compile(setup.replace("import sys", "import sys; sys.argv = ['x']"), "setup", "exec"), namespace)
    assert namespace["A0"].tobytes() == run.data.A0.tobytes()
    # The same memory layout as the model's, so that NumPy sums dW0's products in the same order (bit for bit).
    assert namespace["A0"].strides == run.A0.strides and namespace["A0_test"].strides == run.data.A0_test.strides
    assert namespace["A0_test"].tobytes() == run.data.A0_test.tobytes()
    assert namespace["Y"].tolist() == run.data.Y[0].tolist()
    assert namespace["Y_test"].tolist() == run.data.Y_test[0].tolist()
    assert (namespace["m"], run.data.m) == (36, 36)
    assert "learning a spiral of 120 points" in text and "36 training points and 84 test points" in text
    assert "data=spiral, data_seed=0, data_size=120, noise=30, train_percent=30" in text
    table = script(run_at({}, 0))
    assert "A0_test" not in table and "test_cost" not in table and "Train:" not in table


def test_points_without_test_points_print_no_test_cost():
    run = run_at({"data": "points"}, 5, OWN_POINTS[:4])
    output = run_in_process(script(run), "200")
    assert "test" not in output.lower() and output.splitlines()[-1] == "Train: {} of 4 right.".format(
        run_at({"data": "points"}, 205, OWN_POINTS[:4]).accuracy()["train"][0]
    )
    assert "learning your 4 points" in script(run)


def test_a_spiral_notebook_runs_and_prints_what_the_script_prints():
    run = run_at({"data": "spiral", "data_size": 40, "noise": 5}, 20)
    outputs, namespace = execute(notebook(run).replace("STEPS = 1000", "STEPS = 200"))
    assert outputs[-1][1] == run_in_process(script(run), "200")
    log, final, _, _ = parse(outputs[-1][1])
    want_log, want_final, _ = expected(run, 200)
    assert_close(log + [final], want_log + [want_final])
    assert np.array_equal(namespace["A0_test"], run.data.A0_test)
    printed = "".join(output for _, output in outputs)
    assert f"test J={run.test_cost()!r}" in printed  # the compressed forward pass's cell, before training


@pytest.mark.parametrize(
    "settings, count, name",
    [
        ({}, 4, "backprop-lab_xor_4-points.csv"),
        ({"data": "points"}, 25, "backprop-lab_points_25-points.csv"),
        (
            {"data": "xor_cloud", "data_seed": 7, "data_size": 100, "train_percent": 80},
            100,
            "backprop-lab_xor-cloud_data7_size100_train80_100-points.csv",
        ),
    ],
)
def test_points_file_names(settings, count, name):
    assert points_file_name(Config.from_dict(settings), count) == name


@pytest.mark.skipif(sys.platform == "emscripten", reason="nbformat is not in Pyodide")
def test_a_notebook_of_points_is_valid_nbformat_4():
    nbformat = pytest.importorskip("nbformat")
    text = notebook(run_at({"data": "points", "n_h": 4}, 3, OWN_POINTS))
    nbformat.validate(nbformat.reads(text, as_version=nbformat.NO_CONVERT))
    assert "learning your 5 points" in text and "A0_test" in text
