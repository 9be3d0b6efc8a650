"""ruff, pinned in requirements-test.txt and configured in pyproject.toml, finds nothing in py/, tests/, tools/
and bench/, and its formatter would change nothing there."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ["py", "tests", "tools", "bench"]
RUFF = Path(sys.executable).with_name("ruff")


@pytest.mark.skipif(sys.platform == "emscripten", reason="Pyodide starts no processes")
@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_finds_nothing(command):
    result = subprocess.run(
        [str(RUFF), *command, *FOLDERS], cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
