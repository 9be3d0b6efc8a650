"""The exported script and notebook in the page's language: their comments and prose come from the catalog, their
code does not, so each still reproduces the model's costs (issue 22). The catalogs are the repository's compiled
ones (static/i18n/); the oracle is backprop.Run trained here, as for the English exports (test_script.py)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_ipynb import execute
from test_script import NO_SUBPROCESS, assert_costs, expected, parse, run_at

from shared import i18n
from worker.share.ipynb import notebook
from worker.share.script import script

CATALOGS = Path(__file__).resolve().parents[3] / "static" / "i18n"
LANGUAGES = [code for code in json.loads((CATALOGS / "languages.json").read_text()) if code != "en"]
SETTINGS = {"data": "spiral", "n_h": 5, "learning_rate": 1, "noise": 10}


@pytest.fixture(params=LANGUAGES)
def language(request):
    english = script(run_at(SETTINGS, 20)), notebook(run_at(SETTINGS, 20))
    i18n.load((CATALOGS / f"{request.param}.json").read_text(encoding="utf-8"))
    yield english
    i18n.load("")


@NO_SUBPROCESS
def test_the_script_in_a_language_says_other_words_and_reproduces_the_costs(tmp_path, language):
    english, _ = language
    run = run_at(SETTINGS, 20)
    text = script(run)
    assert text != english  # its comments are in the language
    path = tmp_path / "exported.py"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, str(path), "300"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    log, J, steps, page_step = parse(result.stdout)
    want_log, want_J = expected(SETTINGS, 20, 300)
    assert_costs(log + [J], want_log + [want_J])
    assert (steps, page_step) == (300, 320)


def test_the_notebook_in_a_language_says_other_words_and_reproduces_the_costs(language):
    _, english = language
    run = run_at(SETTINGS, 20)
    text = notebook(run)
    prose = [cell for cell in json.loads(text)["cells"] if cell["cell_type"] == "markdown"]
    english_prose = [cell for cell in json.loads(english)["cells"] if cell["cell_type"] == "markdown"]
    assert len(prose) == len(english_prose) and prose != english_prose
    outputs, _namespace = execute(text.replace("STEPS = 1000", "STEPS = 300"))
    log, J, _, _ = parse(outputs[-1][1])
    want_log, want_J = expected(SETTINGS, 20, 300)
    assert_costs(log + [J], want_log + [want_J])
