"""The exported .py script (worker/share/script.py) and the export file names (worker/share/file_names.py).

Oracles: backprop.Run trained independently (its cost at every step), the seed notebook's printed training log
(shared/seed/ann_xor_notebook.txt, cell 35) and the script's own output, read from its printed lines. The
script runs in a subprocess of plain CPython + NumPy (not under Pyodide, which has no subprocesses) and, for
every setting, in this process with sys.argv set (also under Pyodide).
"""

import contextlib
import io
import re
import subprocess
import sys

import numpy as np
import pytest

from backprop import Config, Run
from worker.share.file_names import file_name
from worker.share.script import script

NO_SUBPROCESS = pytest.mark.skipif(sys.platform == "emscripten", reason="Pyodide has no subprocesses")

# The seed notebook's cell 35: J every 100 steps of its loop (notebook mode, default settings).
NOTEBOOK_LOG = [
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

SETTINGS = {
    "defaults": {},
    "notebook mode": {"notebook_mode": True},
    "relu cross-entropy n_h=5": {"n_h": 5, "activation": "relu", "cost": "cross_entropy", "learning_rate": 1},
    "one example per step, shuffled": {"batch": "shuffled"},
}
FINAL = re.compile(r"^J=(\S+) after (\d+) steps \(step (\d+) on the page\)$")


def run_at(settings, step):
    run = Run(settings)
    run.train(step)
    return run


def expected(settings, start, steps):
    """(J every 100 steps, J after the last) of a Run trained from step 0 to start, then steps more."""
    run = run_at(settings, start)
    log = []
    for i in range(steps):
        if i % 100 == 0:
            log.append(run.cost)
        run.train(1)
    assert run.status != "diverged"  # a diverged Run stops, the script does not
    return log, run.cost


def parse(output):
    """(the logged costs, the final J, its step count, the page's step) from the script's printed lines."""
    lines = output.splitlines()
    final = next(i for i, line in enumerate(lines) if FINAL.match(line))
    J, steps, page_step = FINAL.match(lines[final]).groups()
    return [float(line) for line in lines[:final]], float(J), int(steps), int(page_step)


def assert_costs(got, want):
    assert len(got) == len(want)
    assert got == pytest.approx(want, rel=1e-9, abs=1e-12)


def run_in_process(text, *args):
    """Run the script's text here, with sys.argv as the command line would set it; its printed output."""
    out, argv = io.StringIO(), sys.argv
    sys.argv = ["exported.py", *args]
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(text, "exported.py", "exec"), {"__name__": "__main__"})
    finally:
        sys.argv = argv
    return out.getvalue()


@NO_SUBPROCESS
@pytest.mark.parametrize("start", [0, 100, 1000])
@pytest.mark.parametrize("name", list(SETTINGS))
def test_script_reproduces_the_runs_costs_in_cpython(tmp_path, name, start):
    settings = SETTINGS[name]
    run = run_at(settings, start)
    path = tmp_path / file_name(run.config, run.step, "py")
    path.write_text(script(run))
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    log, J, steps, page_step = parse(result.stdout)
    want_log, want_J = expected(settings, start, 1000)
    assert_costs(log, want_log)
    assert_costs([J], [want_J])
    assert (steps, page_step) == (1000, start + 1000)
    assert result.stdout.splitlines()[-1] == "Y = [1 1 0 0]"


@NO_SUBPROCESS
def test_steps_from_the_command_line(tmp_path):
    path = tmp_path / "run.py"
    path.write_text(script(run_at({}, 40)))
    result = subprocess.run([sys.executable, str(path), "250"], capture_output=True, text=True, timeout=60)
    log, J, steps, page_step = parse(result.stdout)
    want_log, want_J = expected({}, 40, 250)
    assert_costs(log, want_log)
    assert_costs([J], [want_J])
    assert (len(log), steps, page_step) == (3, 250, 290)


def test_notebook_mode_prints_the_seed_notebooks_log():
    output = run_in_process(script(run_at({"notebook_mode": True}, 0)))
    log, _, _, _ = parse(output)
    assert_costs(log[:2], NOTEBOOK_LOG[:2])
    # Past step 100 a saddle amplifies last-bit differences between libms (see tests/model/test_model_notebook.py).
    assert log == pytest.approx(NOTEBOOK_LOG, rel=1e-4)
    assert output.splitlines()[-2:] == ["A2 = [0.98  0.98  0.016 0.016]", "Y = [1 1 0 0]"]  # cell 36


EVERY_SETTING = (
    [  # cross-entropy with learning rate 1: at 10 some of these diverge, and a Run stops there
        {
            "activation": activation,
            "cost": cost,
            "notebook_mode": notebook_mode,
            "learning_rate": 10 if cost == "half_mse" else 1,
        }
        for activation in ("tanh", "sigmoid", "relu")
        for cost in ("half_mse", "cross_entropy")
        for notebook_mode in (False, True)
    ]
    + [
        {"table": table, "n_h": n_h, "seed": seed}
        for table, n_h, seed in [
            ("XOR", 1, 0),
            ("XNOR", 3, 1),
            ("AND", 4, 7),
            ("OR", 8, 11),
            ("NAND", 16, 4294967295),
            ("NOR", 2, 5),
        ]
    ]
    + [  # one example per step: each step's gradient on its example alone
        {"batch": "one"},
        {"batch": "one", "activation": "relu", "cost": "cross_entropy", "learning_rate": 1, "n_h": 5},
        {"batch": "one", "notebook_mode": True, "n_h": 3, "learning_rate": 3},
        {"batch": "shuffled", "notebook_mode": True, "n_h": 3, "seed": 4, "learning_rate": 3},
        {"batch": "shuffled", "activation": "sigmoid", "cost": "cross_entropy", "learning_rate": 1, "table": "NAND"},
    ]
)


@pytest.mark.parametrize("settings", EVERY_SETTING, ids=lambda s: ",".join(f"{k}={v}" for k, v in s.items()))
def test_script_reproduces_every_setting(settings):
    log, J, steps, page_step = parse(run_in_process(script(run_at(settings, 30)), "300"))
    want_log, want_J = expected(settings, 30, 300)
    assert_costs(log + [J], want_log + [want_J])
    assert (steps, page_step) == (300, 330)


def test_script_reads_like_the_notebook():
    text = script(run_at({"n_h": 3, "learning_rate": 2.5, "table": "NAND"}, 7))
    for words in [
        "def linear(W, A, b):",
        "def sigmoid(Z):",
        "def tanh(Z):",
        "def cost(A, Y):",
        "Z1 = linear(W0, A0, b0)",
        "A1 = tanh(Z1)",
        "A2 = sigmoid(Z2)",
        "J = cost(A2, Y)",
        "dA2 = (A2 - Y) / m",
        "dZ1 = dA1 * (1 - A1**2)",
        "db0 = np.sum(dZ1, axis=1, keepdims=True)",
        "learning_rate = 2.5",
        "n_h = 3",
        "Y = np.array([1, 1, 1, 0])",
        "exported at step 7",
        "if i % 100 == 0:",
        "STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000",
        "python backprop-lab_nand_nh3_lr2.5_seed2_step7.py",
    ]:
        assert words in text, words
    assert "relu" not in text and "logaddexp" not in text
    assert "dZ1 = dA1 * (1 - tanh(A1)**2)" in script(run_at({"notebook_mode": True}, 0))
    assert "def example(" not in text and "backward(W1, Z1, A1, Z2, A2)" in text  # the full batch: the notebook's


def test_one_example_per_step_reads_as_the_step_takes_it():
    text = script(run_at({"batch": "shuffled", "seed": 7}, 3))
    for words in [
        "batch=shuffled",
        "def backward(W1, Z1, A1, Z2, A2, A0, Y):",
        "m = len(Y)",
        "def example(step):",
        "np.random.RandomState([7, step // m]).permutation(m)[step % m]",
        "j = [example(3 + i)]",
        "backward(W1, Z1[:, j], A1[:, j], Z2[:, j], A2[:, j], A0[:, j], Y[j])",
    ]:
        assert words in text, words
    assert "return step % m" in script(run_at({"batch": "one"}, 0))


def test_parameters_are_written_in_exactly():
    run = run_at({"n_h": 16}, 123)
    namespace = {}
    text = script(run)
    setup = text[: text.index("def forward")]
    exec(compile(setup.replace("import sys", "import sys; sys.argv = ['x']"), "setup", "exec"), namespace)
    for name in ("W0", "b0", "W1", "b1"):
        assert namespace[name].tobytes() == run.params[name].tobytes()


def test_a_diverged_run_still_exports():
    run = run_at({"learning_rate": 1e308, "activation": "relu", "cost": "cross_entropy"}, 5)
    run.params["W0"][0, 0] = np.nan
    run.params["b0"][1, 0] = -np.inf
    text = script(run)
    assert "This run had diverged on the page" in text and "np.nan" in text and "-np.inf" in text
    compile(text, "diverged.py", "exec")


@pytest.mark.parametrize(
    "settings, step, extension, name",
    [
        ({}, 1000, "py", "backprop-lab_xor_nh2_seed2_step1000.py"),
        ({"table": "and", "n_h": 4, "seed": 7}, 0, ".json", "backprop-lab_and_nh4_seed7_step0.json"),
        (
            {"activation": "relu", "cost": "cross_entropy", "learning_rate": 0.5, "notebook_mode": True},
            250,
            "ipynb",
            "backprop-lab_xor_nh2_relu_cross-entropy_lr0.5_notebook-mode_seed2_step250.ipynb",
        ),
        ({"learning_rate": 1e-05}, 3, "py", "backprop-lab_xor_nh2_lr1e-05_seed2_step3.py"),
        ({"learning_rate": 1e20}, 3, "py", "backprop-lab_xor_nh2_lr1e20_seed2_step3.py"),
        ({"batch": "one"}, 4, "py", "backprop-lab_xor_nh2_batch-one_seed2_step4.py"),
        ({"batch": "shuffled", "seed": 9}, 4, "json", "backprop-lab_xor_nh2_batch-shuffled_seed9_step4.json"),
    ],
)
def test_file_names(settings, step, extension, name):
    assert file_name(Config.from_dict(settings), step, extension) == name
    assert re.fullmatch(r"[A-Za-z0-9._-]+", name)
