"""The unit tests of the model, of the worker's side and of the exercise checker, run again inside Pyodide: the
Python and NumPy 2.0.2 that run them in the page's workers."""

import subprocess
import sysconfig

import setup_runtime


def test_model_suite_passes_under_pyodide():
    result = subprocess.run(
        [
            "node",
            "tools/pyodide_pytest.mjs",
            sysconfig.get_paths()["purelib"],
            "tests/model",
            "tests/plots",
            "tests/worker",
            "tests/checker",
            "-q",
        ],
        cwd=setup_runtime.ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Pyodide: Python 3.12.7, numpy 2.0.2 from /lib/python3.12/site-packages/" in result.stdout
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]


def test_a_data_seed_gives_the_same_points_in_the_worker_as_in_cpython():
    import json
    import sys

    sys.path.insert(0, str(setup_runtime.ROOT / "py"))
    from backprop import GENERATED, generate

    code = (
        "import json\nfrom backprop import GENERATED, generate\n"
        "print(json.dumps([generate(kind, 7, 60, 25, 70).points() for kind in GENERATED]))"
    )
    result = subprocess.run(
        ["node", "tools/pyodide_python.mjs", code], cwd=setup_runtime.ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    in_pyodide = json.loads(result.stdout.strip().splitlines()[-1])
    assert in_pyodide == [generate(kind, 7, 60, 25, 70).points() for kind in GENERATED]
