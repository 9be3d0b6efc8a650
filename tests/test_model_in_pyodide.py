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
