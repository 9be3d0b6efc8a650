"""The worker's message API (py/worker/door.py): numbers and JSON strings in, [snapshot JSON, RGBA bytes or None]
out, and never an exception into the page.

Oracles: the seed notebook's first cost, an independent backprop.Run, and CPython's platform module.
"""

import json
import platform

import numpy as np
import pytest

from backprop import Config, Run
from worker import door as exports
from worker.lab.session import Session
from worker.notebook import html as notebook_html

J_NB = 0.12519375208599626  # the notebook's first J (cell 13), default settings, seed 2
DEFAULTS = {
    "n_h": 2,
    "activation": "tanh",
    "cost": "half_mse",
    "learning_rate": 10.0,
    "seed": 2,
    "table": "XOR",
    "notebook_mode": False,
}
SURFACE = json.dumps({"chart": None, "log_scale": False, "surface": True})
CHART = json.dumps({"chart": [640, 400], "log_scale": True, "surface": False})


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    session = Session()
    monkeypatch.setattr(exports, "SESSION", session)
    return session


def strict(text):
    """JSON as the page's json.loads must read it: no NaN or Infinity literals."""

    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def answer(result):
    assert isinstance(result, list) and len(result) == 2
    text, surface = result
    assert isinstance(text, str)
    return strict(text), surface


def configure(**settings):
    return answer(exports.configure(json.dumps(dict(DEFAULTS, **settings))))


def test_start_reports_the_versions():
    assert json.loads(exports.start()) == {"python": platform.python_version(), "numpy": np.__version__}


def test_the_notebooks_first_cost_at_step_0():
    snap, surface = configure()
    assert snap["step"] == 0 and snap["cost"] == pytest.approx(J_NB, rel=1e-15)
    assert snap["status"] == "ready" and surface is None and "surface_label" not in snap
    snap, _ = answer(exports.configure("{}"))  # every setting left out: the model's defaults, the notebook's
    assert snap["cost"] == pytest.approx(J_NB, rel=1e-15) and snap["config"] == DEFAULTS


def test_configure_with_a_bad_setting_is_refused_with_the_models_words():
    configure()
    exports.step(3)
    snap, surface = answer(exports.configure(json.dumps(dict(DEFAULTS, n_h=99))))
    assert snap == {"error": "n_h must be a whole number from 1 to 16 (got 99)"} and surface is None
    snap, _ = answer(exports.configure(json.dumps(dict(DEFAULTS, learning_rate="-1"))))
    assert snap == {"error": "learning_rate must be a finite number greater than 0 (got '-1')"}
    snap, _ = answer(exports.configure(json.dumps({"hidden": 4})))
    assert snap["error"].startswith("unknown setting 'hidden'")
    # the network is untouched
    snap, _ = answer(exports.snapshot())
    assert snap["step"] == 3 and snap["config"] == DEFAULTS


def test_step_is_exact():
    configure()
    snap, _ = answer(exports.step())
    assert snap["step"] == 1
    snap, _ = answer(exports.step(41))
    assert snap["step"] == 42
    oracle = Run(Config())
    oracle.train(42)
    assert snap["cost"] == oracle.cost and snap["A2"] == oracle.A2.reshape(-1).tolist()


def test_train_for_says_how_many_steps_it_took():
    configure()
    snap, _ = answer(exports.train_for(25, 1000))
    assert snap["taken"] == 25 and snap["step"] == 25
    snap, _ = answer(exports.train_for("10", "1000.0"))  # numbers may arrive as text from JavaScript
    assert snap["taken"] == 10 and snap["step"] == 35
    assert "taken" not in answer(exports.snapshot())[0]


def test_view_with_a_surface_gives_its_bytes_and_label():
    configure()
    snap, surface = answer(exports.step(5, SURFACE))
    assert isinstance(surface, bytes) and len(surface) == 64 * 64 * 4
    assert snap["surface_label"].startswith("Decision surface of the network's output A2")
    assert answer(exports.snapshot(SURFACE))[1] == surface  # the same network, the same image
    for call in (
        lambda view: exports.step(1, view),
        exports.snapshot,
        exports.reset,
        lambda view: exports.train_for(3, 100, view),
        lambda view: exports.configure("{}", view),
    ):
        snap, surface = answer(call(None))
        assert surface is None and "surface_label" not in snap
        snap, surface = answer(call(SURFACE))
        assert len(surface) == 64 * 64 * 4 and "surface_label" in snap


def test_view_with_a_chart_gives_its_geometry():
    configure()
    snap, surface = answer(exports.step(10, CHART))
    assert surface is None
    assert snap["chart"]["y_title"] == "cost J (log)"
    left, top, right, bottom = snap["chart"]["area"]
    assert 0 <= left < right <= 640 and 0 <= top < bottom <= 400
    assert "chart" not in answer(exports.snapshot())[0]


def test_reset_starts_again_at_step_0():
    configure(seed=7)
    first, _ = answer(exports.snapshot())
    exports.step(9)
    snap, _ = answer(exports.reset())
    assert snap["step"] == 0 and snap["run_id"] == first["run_id"] + 1 and snap["params"] == first["params"]


def test_a_diverged_network_answers_strict_json():
    configure(n_h=16, activation="relu", seed=3, learning_rate=1.7e308)
    snap, surface = answer(exports.step(1, json.dumps({"chart": [400, 250], "log_scale": True, "surface": True})))
    assert snap["status"] == "diverged" and snap["cost"] == "NaN"
    assert snap["chart"]["point"] is None and snap["chart"]["alert"] == "J is NaN at step 1"
    # A2 is NaN over the whole grid: a grey image, and a label that says so
    assert "not a number anywhere" in snap["surface_label"]
    assert set(zip(*[iter(surface)] * 4)) == {(150, 150, 150, 255)}


def test_an_internal_failure_is_fatal_and_never_raises(monkeypatch, fresh_session):
    configure()

    def broken(*args, **kwargs):
        raise RuntimeError("the weights went missing")

    monkeypatch.setattr(fresh_session, "step", broken)
    snap, surface = answer(exports.step(1))
    assert set(snap) == {"fatal"} and surface is None
    assert snap["fatal"].startswith("Traceback (most recent call last):")
    assert snap["fatal"].rstrip().endswith("RuntimeError: the weights went missing")


@pytest.mark.parametrize("method", ["snapshot", "surface"])
def test_a_value_error_after_the_change_is_fatal_not_refused(monkeypatch, fresh_session, method):
    configure()

    def broken(*args, **kwargs):
        raise ValueError("a bug, not a setting")

    monkeypatch.setattr(fresh_session, method, broken)
    snap, surface = answer(exports.configure(json.dumps(DEFAULTS), SURFACE))
    assert "fatal" in snap and "ValueError: a bug, not a setting" in snap["fatal"] and surface is None


def test_calls_before_configure_and_bad_arguments_are_fatal():
    for call in (
        lambda: exports.step(1),
        lambda: exports.snapshot(),
        lambda: exports.reset(),
        lambda: exports.train_for(1, 10),
    ):
        snap, surface = answer(call())  # no network yet
        assert "fatal" in snap and surface is None
    configure()
    for call in (
        lambda: exports.step("many"),
        lambda: exports.train_for(1, "soon"),
        lambda: exports.snapshot("{not json"),
    ):
        snap, surface = answer(call())
        assert "fatal" in snap and surface is None
    assert answer(exports.snapshot())[0]["step"] == 0  # and the session still works


def test_the_notebook_is_each_sections_html_outside_the_json(fresh_session):
    configure(n_h=3)
    exports.step(2)
    result = exports.notebook(True)
    assert isinstance(result, list) and len(result) == 3 and result[1] is None
    view, html = strict(result[0]), result[2]
    assert set(view) == {"version", "run", "keys", "titles"}
    assert view["version"] == fresh_session.version
    assert view["run"]["step"] == 2 and view["run"]["config"] == dict(DEFAULTS, n_h=3)
    assert view["keys"] == list(notebook_html.SECTION_KEYS)
    assert view["titles"] == {key: notebook_html.SECTION_TITLES[key] for key in view["keys"]}
    assert isinstance(html, list) and all(isinstance(text, str) for text in html) and len(html) == len(view["keys"])
    sections = fresh_session.notebook(True)
    assert view["run"] == sections["run"]
    assert html == [notebook_html.section_html(key, sections) for key in view["keys"]]
    assert "nb-summary" in html[view["keys"].index("backward")]  # with the numeric checks

    # without the numeric checks: the same sections, the checks left to come
    view, _, html = exports.notebook(False)
    view = strict(view)
    sections = fresh_session.notebook(False)
    assert html == [notebook_html.section_html(key, sections) for key in view["keys"]]
    assert "nb-pending" in html[view["keys"].index("backward")]

    # a step later: the new version
    exports.step(1)
    assert strict(exports.notebook(True)[0])["version"] == fresh_session.version


def test_a_failing_notebook_is_fatal_and_never_raises(monkeypatch, fresh_session):
    result = exports.notebook(True)  # no network yet
    assert set(strict(result[0])) == {"fatal"} and result[1] is None
    configure()

    def broken(*args, **kwargs):
        raise RuntimeError("the notebook went missing")

    monkeypatch.setattr(fresh_session, "notebook", broken)
    result = exports.notebook(True)
    snap = strict(result[0])
    assert set(snap) == {"fatal"} and result[1] is None
    assert snap["fatal"].rstrip().endswith("RuntimeError: the notebook went missing")


def test_the_worker_script_exports_every_function():
    import model_worker

    assert model_worker.__export__ == exports.EXPORTS
    for name in exports.EXPORTS:
        assert getattr(model_worker, name) is getattr(exports, name)
