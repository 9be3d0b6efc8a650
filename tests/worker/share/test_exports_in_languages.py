"""The exported script and notebook in the page's language: their comments and prose come from the catalog, their
code does not, so each still reproduces the model's costs (issue 22). The catalogs are the repository's compiled
ones (static/i18n/); the oracle is backprop.Run trained here, as for the English exports (test_exports_with_data.py).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_exports_with_data import assert_close, expected, parse, run_at
from test_ipynb import execute
from test_script import NO_SUBPROCESS

from shared import i18n
from worker.share.ipynb import notebook
from worker.share.script import script

CATALOGS = Path(__file__).resolve().parents[3] / "static" / "i18n"
LANGUAGES = [code for code in json.loads((CATALOGS / "languages.json").read_text()) if code != "en"]
SETTINGS = {"data": "spiral", "n_h": 5, "learning_rate": 1, "noise": 10}


@pytest.fixture(params=LANGUAGES)
def language(request):
    """The run's exports in English, while the language's catalog is loaded for the test."""
    run = run_at(SETTINGS, 20)
    english = script(run), notebook(run)
    i18n.load((CATALOGS / f"{request.param}.json").read_text(encoding="utf-8"))
    yield run, english
    i18n.load("")


@NO_SUBPROCESS
def test_the_script_in_a_language_says_other_words_and_reproduces_the_costs(tmp_path, language):
    run, (english, _) = language
    text = script(run)
    assert text != english  # its comments are in the language
    path = tmp_path / "exported.py"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, str(path), "300"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    log, final, _right, steps = parse(result.stdout)
    want_log, want_final, _accuracy = expected(run, 300)
    assert_close(log + [final], want_log + [want_final])
    assert steps == 300


def test_the_notebook_in_a_language_says_other_words_and_reproduces_the_costs(language):
    run, (_, english) = language
    text = notebook(run)
    prose = [cell for cell in json.loads(text)["cells"] if cell["cell_type"] == "markdown"]
    english_prose = [cell for cell in json.loads(english)["cells"] if cell["cell_type"] == "markdown"]
    assert len(prose) == len(english_prose) and prose != english_prose
    outputs, _namespace = execute(text.replace("STEPS = 1000", "STEPS = 300"))
    log, final, _right, steps = parse(outputs[-1][1])
    want_log, want_final, _accuracy = expected(run, 300)
    assert_close(log + [final], want_log + [want_final])
    assert steps == 300
