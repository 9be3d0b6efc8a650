"""The page's Python under the page's own MicroPython: every tests/app_mpy/check_*.py must run without an exception.

Each script runs through tools/micropython_run.mjs (the vendored MicroPython in Node) twice: with the page's
modules compiled (static/mpy/, as the page loads them, brought up to date with their sources first) and with the
sources of py/. A script passes when it runs to the end, so its checks are plain `assert` statements.
"""

import shutil
import subprocess

import pytest

import setup_runtime

ROOT = setup_runtime.ROOT
RUNNER = ROOT / "tools" / "micropython_run.mjs"
CHECKS = sorted((ROOT / "tests" / "app_mpy").glob("check_*.py"))
# check_runner.py checks that the runner imports from py/: the compiled run has its own test below.
COMPILED_CHECKS = [path for path in CHECKS if path.name != "check_runner.py"]

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None, reason="node is not installed (Debian: apt-get install nodejs)"
)


@pytest.fixture(scope="module", autouse=True)
def vendored_micropython():
    if not (setup_runtime.VENDOR / "micropython" / "micropython.mjs").is_file():
        pytest.fail(
            "static/vendor/micropython/ is missing: run `python3 tools/setup_runtime.py` first (the test command does)"
        )
    setup_runtime.compile_page()  # a no-op unless a source changed since the setup ran


def run_under_micropython(script, *options):
    return subprocess.run(
        ["node", str(RUNNER), str(script), *options], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("script", COMPILED_CHECKS, ids=[path.name for path in COMPILED_CHECKS])
def test_check_script_passes_with_the_compiled_page_modules(script):
    result = run_under_micropython(script, "--compiled")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


@pytest.mark.parametrize("script", CHECKS, ids=[path.name for path in CHECKS])
def test_check_script_passes_under_micropython(script):
    result = run_under_micropython(script)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_the_compiled_run_imports_the_mpy_files_only(tmp_path):
    script = tmp_path / "check_compiled.py"
    script.write_text(
        "import app, app.lab.view, exercises, shared.protocol\n"
        "for module in (app, app.lab.view, exercises, shared.protocol):\n"
        "    print(module.__file__)\n"
    )
    result = run_under_micropython(script, "--compiled")
    assert result.returncode == 0, result.stderr
    compiled = ROOT / "static" / "mpy"
    assert result.stdout.split() == [
        str(compiled / name)
        for name in ("app/__init__.mpy", "app/lab/view.mpy", "exercises/__init__.mpy", "shared/protocol.mpy")
    ]


def test_the_runner_checks_something():
    assert "check_runner.py" in [path.name for path in CHECKS]
    result = run_under_micropython(ROOT / "tests" / "app_mpy" / "check_runner.py")
    assert "check_runner: MicroPython (1, 26, 0" in result.stdout


def test_a_script_that_raises_fails_with_its_traceback(tmp_path):
    script = tmp_path / "check_raises.py"
    script.write_text(
        'print("started")\n\ndef broken():\n    raise ValueError("the weights are not finite")\n\nbroken()\n'
    )
    result = run_under_micropython(script)
    assert result.returncode == 1
    assert result.stdout == "started\n"
    assert "ValueError: the weights are not finite" in result.stderr
    assert f'File "{script}", line 4, in broken' in result.stderr


def test_a_failed_assert_fails(tmp_path):
    script = tmp_path / "check_assert.py"
    script.write_text('assert 1 + 1 == 3, "arithmetic"\nprint("not reached")\n')
    result = run_under_micropython(script)
    assert result.returncode == 1
    assert "AssertionError: arithmetic" in result.stderr
    assert "not reached" not in result.stdout


def test_a_script_may_await_at_top_level(tmp_path):
    script = tmp_path / "check_await.py"
    script.write_text(
        "import asyncio\n\nasync def later():\n    await asyncio.sleep(0)\n    return 7\n\nprint(await later())\n"
    )
    result = run_under_micropython(script)
    assert (result.returncode, result.stdout) == (0, "7\n"), result.stderr
