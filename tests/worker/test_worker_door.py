"""The worker's message API (py/worker/door.py): numbers and JSON strings in, shared/protocol.py's envelope out
([head, body]: data {"snapshot", ...} and the surface's RGBA bytes or None), and never an exception into the page.

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
    "batch": "full",
    "data": "table",
    "data_seed": 0,
    "data_size": 200,
    "noise": 0,
    "train_percent": 50,
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


def envelope(result):
    """(head, body) of an answer, its head read as the page's json.loads must read it."""
    assert isinstance(result, list) and len(result) == 2
    text, body = result
    assert isinstance(text, str)
    head = strict(text)
    assert set(head) in ({"data"}, {"data", "body"}, {"error"})
    assert (body is not None) == bool(head.get("body"))
    return head, body


def answer(result):
    """(data, body) of an answer that succeeded."""
    head, body = envelope(result)
    assert "data" in head, head
    return head["data"], body


def shown(result):
    """(snapshot, surface) of an answer that shows the network; surface: (bytes, label) or None."""
    data, body = answer(result)
    assert set(data) <= {"snapshot", "surface", "taken", "learning_rate_text"}
    if body is None:
        assert "surface" not in data
        return data["snapshot"], None
    return data["snapshot"], (body, data["surface"]["label"])


def error(result):
    """(kind, message) of an answer that failed."""
    head, body = envelope(result)
    assert "error" in head and body is None, head
    assert set(head["error"]) == {"kind", "message"}
    return head["error"]["kind"], head["error"]["message"]


def configure(**settings):
    return shown(exports.configure(json.dumps(dict(DEFAULTS, **settings))))


def test_start_reports_the_versions():
    assert answer(exports.start()) == ({"python": platform.python_version(), "numpy": np.__version__}, None)


def test_the_notebooks_first_cost_at_step_0():
    snap, surface = configure()
    assert snap["step"] == 0 and snap["cost"] == pytest.approx(J_NB, rel=1e-15)
    assert snap["status"] == "ready" and surface is None and "surface_label" not in snap
    snap, _ = shown(exports.configure("{}"))  # every setting left out: the model's defaults, the notebook's
    assert snap["cost"] == pytest.approx(J_NB, rel=1e-15) and snap["config"] == DEFAULTS


def test_configure_with_a_bad_setting_is_refused_with_the_models_words():
    configure()
    exports.step(3)
    assert error(exports.configure(json.dumps(dict(DEFAULTS, n_h=99)))) == (
        "refused",
        "n_h must be a whole number from 1 to 16 (got 99)",
    )
    assert error(exports.configure(json.dumps(dict(DEFAULTS, learning_rate="-1")))) == (
        "refused",
        "learning_rate must be a finite number greater than 0 (got '-1')",
    )
    kind, message = error(exports.configure(json.dumps({"hidden": 4})))
    assert kind == "refused" and message.startswith("unknown setting 'hidden'")
    # the network is untouched
    snap, _ = shown(exports.snapshot())
    assert snap["step"] == 3 and snap["config"] == DEFAULTS


def test_step_is_exact():
    configure()
    snap, _ = shown(exports.step())
    assert snap["step"] == 1
    snap, _ = shown(exports.step(41))
    assert snap["step"] == 42
    oracle = Run(Config())
    oracle.train(42)
    assert snap["cost"] == oracle.cost and snap["A2"] == oracle.A2.reshape(-1).tolist()


def test_train_for_says_how_many_steps_it_took():
    configure()
    data, _ = answer(exports.train_for(25, 1000))
    assert data["taken"] == 25 and data["snapshot"]["step"] == 25 and "taken" not in data["snapshot"]
    data, _ = answer(exports.train_for("10", "1000.0"))  # numbers may arrive as text from JavaScript
    assert data["taken"] == 10 and data["snapshot"]["step"] == 35
    assert "taken" not in answer(exports.snapshot())[0]


def test_view_with_a_surface_gives_its_bytes_and_label():
    configure()
    snap, (surface, label) = shown(exports.step(5, SURFACE))
    assert isinstance(surface, bytes) and len(surface) == 64 * 64 * 4 and "surface_label" not in snap
    assert label.startswith("Decision surface of the network's output A2")
    assert shown(exports.snapshot(SURFACE))[1] == (surface, label)  # the same network, the same image
    for call in (
        lambda view: exports.step(1, view),
        exports.snapshot,
        exports.reset,
        lambda view: exports.train_for(3, 100, view),
        lambda view: exports.configure("{}", view),
    ):
        assert shown(call(None))[1] is None
        rgba, label = shown(call(SURFACE))[1]
        assert len(rgba) == 64 * 64 * 4 and label.startswith("Decision surface")


def test_view_with_a_chart_gives_its_geometry():
    configure()
    snap, surface = shown(exports.step(10, CHART))
    assert surface is None
    assert snap["chart"]["y_title"] == "cost J (log)"
    left, top, right, bottom = snap["chart"]["area"]
    assert 0 <= left < right <= 640 and 0 <= top < bottom <= 400
    assert "chart" not in shown(exports.snapshot())[0]


def test_reset_starts_again_at_step_0():
    configure(seed=7)
    first, _ = shown(exports.snapshot())
    exports.step(9)
    snap, _ = shown(exports.reset())
    assert snap["step"] == 0 and snap["run_id"] == first["run_id"] + 1 and snap["params"] == first["params"]


def test_a_diverged_network_answers_strict_json():
    configure(n_h=16, activation="relu", seed=3, learning_rate=1.7e308)
    snap, (surface, label) = shown(
        exports.step(1, json.dumps({"chart": [400, 250], "log_scale": True, "surface": True}))
    )
    assert snap["status"] == "diverged" and snap["cost"] == "NaN"
    assert snap["chart"]["point"] is None and snap["chart"]["alert"] == "J is NaN at step 1"
    # A2 is NaN over the whole grid: a grey image, and a label that says so
    assert "not a number anywhere" in label
    assert set(zip(*[iter(surface)] * 4)) == {(150, 150, 150, 255)}


def test_an_internal_failure_is_fatal_and_never_raises(monkeypatch, fresh_session):
    configure()

    def broken(*args, **kwargs):
        raise RuntimeError("the weights went missing")

    monkeypatch.setattr(fresh_session, "step", broken)
    kind, message = error(exports.step(1))
    assert kind == "fatal" and message.startswith("Traceback (most recent call last):")
    assert message.rstrip().endswith("RuntimeError: the weights went missing")


@pytest.mark.parametrize("method", ["snapshot", "surface"])
def test_a_value_error_after_the_change_is_fatal_not_refused(monkeypatch, fresh_session, method):
    configure()

    def broken(*args, **kwargs):
        raise ValueError("a bug, not a setting")

    monkeypatch.setattr(fresh_session, method, broken)
    kind, message = error(exports.configure(json.dumps(DEFAULTS), SURFACE))
    assert kind == "fatal" and "ValueError: a bug, not a setting" in message


def test_calls_before_configure_and_bad_arguments_are_fatal():
    for call in (
        lambda: exports.step(1),
        lambda: exports.snapshot(),
        lambda: exports.reset(),
        lambda: exports.train_for(1, 10),
    ):
        assert error(call())[0] == "fatal"  # no network yet
    configure()
    for call in (
        lambda: exports.step("many"),
        lambda: exports.train_for(1, "soon"),
        lambda: exports.snapshot("{not json"),
        lambda: exports.snapshot('{"chart": [640]}'),
        lambda: exports.snapshot('{"chart": {"width": 640, "height": 400}}'),
    ):
        assert error(call())[0] == "fatal"
    assert shown(exports.snapshot())[0]["step"] == 0  # and the session still works


def test_the_notebook_is_each_sections_html_outside_the_json(fresh_session):
    configure(n_h=3)
    exports.step(2)
    view, html = answer(exports.notebook(True))
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
    view, html = answer(exports.notebook(False))
    sections = fresh_session.notebook(False)
    assert html == [notebook_html.section_html(key, sections) for key in view["keys"]]
    assert "nb-pending" in html[view["keys"].index("backward")]

    # a step later: the new version
    exports.step(1)
    assert answer(exports.notebook(True))[0]["version"] == fresh_session.version


def test_a_failing_notebook_is_fatal_and_never_raises(monkeypatch, fresh_session):
    assert error(exports.notebook(True))[0] == "fatal"  # no network yet
    configure()

    def broken(*args, **kwargs):
        raise RuntimeError("the notebook went missing")

    monkeypatch.setattr(fresh_session, "notebook", broken)
    kind, message = error(exports.notebook(True))
    assert kind == "fatal" and message.rstrip().endswith("RuntimeError: the notebook went missing")


def test_the_worker_script_exports_every_function():
    import model_worker

    assert model_worker.__export__ == exports.EXPORTS
    for name in exports.EXPORTS:
        assert getattr(model_worker, name) is getattr(exports, name)


# --- the student's points --------------------------------------------------------------------------------------------


def test_edit_points_answers_the_edit_beside_the_snapshot_and_the_points_when_new(fresh_session):
    snap, _ = configure()
    version = snap["data"]["version"]
    view = json.dumps({"chart": None, "surface": True, "data_version": version})
    data, body = answer(
        exports.edit_points(json.dumps({"op": "click", "at": [0.5, 0.5], "y": 1, "radius": 0.025}), view)
    )
    assert set(data) == {"snapshot", "surface", "edit"} and len(body) == 64 * 64 * 4
    assert data["edit"] == {"said": "Added a point of class 1 at (0.5, 0.5).", "can_undo": True, "count": 5}
    snap = data["snapshot"]
    assert snap["config"]["data"] == "points" and snap["data"]["version"] == version + 1
    assert snap["data"]["centres"][-1] == [500, 500, 1, 0]  # (0.5, 0.5) in the middle of the square
    again, _ = shown(exports.snapshot(json.dumps({"data_version": version + 1})))
    assert "data" not in again


@pytest.mark.parametrize(
    "edit, message",
    [
        ({"op": "undo"}, "there is no edit of the points to undo"),
        ({"op": "set", "points": [[0, 0, 1, 1]]}, "the points need at least one training point"),
        ({"op": "set", "points": [[0, 0, 5]]}, "point 1: the class y must be 0 or 1 (got 5)"),
        ({"op": "click", "at": [1.5, 0.5], "y": 1, "radius": 0.02}, "a click must be on the plot"),
    ],
)
def test_a_refused_edit_changes_nothing(fresh_session, edit, message):
    configure()
    before = fresh_session.points, fresh_session.data_version, fresh_session.version
    kind, said = error(exports.edit_points(json.dumps(edit), SURFACE))
    assert kind == "refused" and said.startswith(message)
    assert (fresh_session.points, fresh_session.data_version, fresh_session.version) == before


def test_an_edit_that_is_not_json_is_the_pages_bug():
    configure()
    assert error(exports.edit_points("{op: click}", SURFACE))[0] == "fatal"
