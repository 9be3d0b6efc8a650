"""py/exercises is imported by the page's MicroPython too: it must import there and hold its data."""

import shutil
import subprocess
import sys

import pytest

import exercises
import setup_runtime

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten" or shutil.which("node") is None, reason="needs node and subprocesses"
)


def test_the_exercises_import_under_micropython(tmp_path):
    if not (setup_runtime.VENDOR / "micropython" / "micropython.mjs").is_file():
        pytest.fail("static/vendor/micropython/ is missing: run `python3 tools/setup_runtime.py` first")
    script = tmp_path / "check_exercises.py"
    script.write_text(
        "import exercises\n"
        "for name in exercises.NAMES:\n"
        "    ex = exercises.get(name)\n"
        "    print(ex.TITLE, len(ex.HINTS), exercises.reference_line(ex, ex.CHECKED[0]))\n"
    )
    result = subprocess.run(
        ["node", str(setup_runtime.ROOT / "tools" / "micropython_run.mjs"), str(script)],
        cwd=setup_runtime.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    expected = []
    for name in exercises.NAMES:  # the same lines as CPython prints them
        ex = exercises.get(name)
        expected.extend(f"{ex.TITLE} {len(ex.HINTS)} {exercises.reference_line(ex, ex.CHECKED[0])}".splitlines())
    assert result.stdout.splitlines() == expected
    assert "Write the forward pass 5 Z1 = np.dot(W0, A0) + b0" in expected
