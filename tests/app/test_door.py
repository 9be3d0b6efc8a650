"""The page's door to the worker (app/door.py), tested on the JSON that the real worker functions
(py/worker/door.py) produce, so that page and worker are tested together."""

import asyncio
import json
import math
import sys
import types

import pytest

from app.door import Model, ModelError, Refused, decode, head_bytes, read, settings_json, view_request
from backprop import Config, Run
from lab_page import FakeWorker
from plots.surface import surface_grid, surface_rgba
from worker import door as exports
from worker.lab.session import Session
from worker.notebook import html as notebook_html
from worker.share.saved_run import run_from_json

J_NB = 0.12519375208599626  # the notebook's first J


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    session = Session()
    monkeypatch.setattr(exports, "SESSION", session)
    return session


def shown(answer):
    """(snapshot decoded as the page decodes it, data, body) of an answer that shows the network."""
    data, body = read(answer)
    return decode(data["snapshot"]), data, body


def test_decode_a_snapshot():
    snap, data, surface = shown(exports.configure(settings_json({}), view_request()))
    assert snap["cost"] == pytest.approx(J_NB, rel=1e-15) and snap["step"] == 0
    oracle = Run(Config())
    assert snap["A2"] == oracle.A2.reshape(-1).tolist() and snap["Y"] == [1.0, 1.0, 0.0, 0.0]
    assert all(type(v) is float for v in snap["A2"] + snap["Y"] + [snap["cost"]])
    assert snap["params"]["W0"] == oracle.params["W0"].reshape(-1).tolist()
    assert snap["params_text"]["W0"] == [repr(x) for x in oracle.params["W0"].reshape(-1).tolist()]
    assert surface is None and set(data) == {"snapshot"}


def test_decode_turns_not_finite_texts_back_into_floats(fresh_session):
    exports.configure(settings_json({"n_h": 16, "activation": "relu", "seed": 3, "learning_rate": 1.7e308}))
    exports.step(1)
    fresh_session.run.theta[:2] = [math.inf, -math.inf]  # W0[0,0], W0[0,1]: as a diverged network may hold
    answer = exports.snapshot()
    assert '"NaN"' in answer[0] and '"Infinity"' in answer[0] and '"-Infinity"' in answer[0]  # text in the JSON...
    snap, _, _ = shown(answer)
    assert math.isnan(snap["cost"]) and all(math.isnan(a) for a in snap["A2"])  # ...floats on the page
    assert snap["params"]["W0"][:2] == [math.inf, -math.inf]
    assert snap["status"] == "diverged"


def test_read_raises_refused_for_a_setting_the_model_refuses():
    answer = exports.configure(json.dumps({"n_h": 40}))
    with pytest.raises(Refused) as caught:
        read(answer)
    assert str(caught.value) == "n_h must be a whole number from 1 to 16 (got 40)"
    assert answer[1] is None


def test_read_raises_model_error_when_the_worker_failed(monkeypatch, fresh_session):
    exports.configure("{}")
    monkeypatch.setattr(fresh_session, "step", lambda n: 1 / 0)
    with pytest.raises(ModelError) as caught:
        read(exports.step(1))
    assert "ZeroDivisionError: division by zero" in str(caught.value)
    assert not issubclass(ModelError, Refused) and not issubclass(Refused, ModelError)


def test_view_request_is_what_the_worker_reads():
    assert json.loads(view_request()) == {
        "chart": None,
        "log_scale": False,
        "surface": False,
        "units": False,
        "chain": None,
        "data_version": None,
    }
    assert json.loads(view_request(data_version=3))["data_version"] == 3
    exports.configure("{}")
    snap, data, surface = shown(exports.step(3, view_request([640, 400], True, True)))
    assert len(surface) == 64 * 64 * 4 and data["surface"]["label"].startswith("Decision surface")
    assert snap["chart"]["y_title"] == "cost J (log)" and snap["step"] == 3


def test_a_snapshot_of_many_points_decodes_without_a2_and_y():
    snap = decode({"cost": "NaN", "test_cost": 0.25, "params": {}, "accuracy": {"text": "Train: 1 of 2 right."}})
    assert snap["cost"] != snap["cost"] and snap["test_cost"] == 0.25 and "A2" not in snap
    assert decode({"cost": 1, "test_cost": None, "params": {}, "A2": [0.5], "Y": [1]})["test_cost"] is None


@pytest.mark.parametrize(
    "learning_rate", [10.0, 0.46, 0.0003, 0.1, 1e-7, 0.09437331727736706, 2.5e20, 5e-324, 1.7976931348623157e308]
)
def test_settings_travel_as_the_very_same_floats(learning_rate):
    text = settings_json({"learning_rate": learning_rate, "n_h": 3, "notebook_mode": True, "table": "OR"})
    sent = json.loads(text)
    assert sent["learning_rate"] == (
        repr(learning_rate)[:-2] if repr(learning_rate).endswith(".0") else repr(learning_rate)
    )
    assert (sent["n_h"], sent["notebook_mode"], sent["table"]) == (3, True, "OR")
    snap, _, _ = shown(exports.configure(text))
    assert snap["config"]["learning_rate"] == learning_rate
    assert type(snap["config"]["learning_rate"]) is float


def install_workers(monkeypatch, worker=None, error=None):
    async def ready():
        if error is not None:
            raise error
        return worker

    pyscript = types.ModuleType("pyscript")
    pyscript.workers = {"model": ready()}
    monkeypatch.setitem(sys.modules, "pyscript", pyscript)


def test_model_talks_to_the_worker(monkeypatch):
    worker = FakeWorker()
    install_workers(monkeypatch, worker)

    async def session():
        m = Model("model")
        versions = await m.start()
        configured = await m.configure({"n_h": 2, "learning_rate": 0.46}, view_request(surface=True))
        stepped = await m.step(view_request())
        trained = await m.train_for(30, 1000, view_request())
        shown = await m.snapshot(view_request(surface=True))
        reset = await m.reset(view_request())
        return versions, configured, stepped, trained, shown, reset

    versions, configured, stepped, trained, shown, reset = asyncio.run(session())
    assert versions == read(exports.start())[0]
    snap, (rgba, label) = configured
    assert snap["step"] == 0 and len(rgba) == 64 * 64 * 4 and snap["config"]["learning_rate"] == 0.46
    assert label.startswith("Decision surface") and "surface" not in snap and "surface_label" not in snap
    assert stepped[0]["step"] == 1 and stepped[1] is None
    assert trained[0]["step"] == 31 and trained[2] == 30 and "taken" not in trained[0]
    assert shown[0]["step"] == 31 and len(shown[1][0]) == 64 * 64 * 4 and shown[1][1].startswith("Decision")
    assert reset[0]["step"] == 0 and reset[0]["run_id"] == snap["run_id"] + 1
    assert worker.calls == ["start", "configure", "step", "train_for", "snapshot", "reset"]
    assert worker.args[1][0] == settings_json({"n_h": 2, "learning_rate": 0.46})


def test_the_other_calls_give_what_their_callers_read(monkeypatch, fresh_session):
    install_workers(monkeypatch, FakeWorker())
    sizes = {"histogram": [400, 250], "curves": [600, 375], "solve_steps": [400, 250]}

    async def session():
        m = Model()
        await m.start()
        await m.configure({"n_h": 3, "learning_rate": 0.46}, view_request())
        await m.step(view_request())
        got = {"notebook": await m.notebook(True)}
        got["json"] = await m.export_file("json")
        got["png"] = await m.export_file("png")
        got["params"] = await m.export_file("params")
        with pytest.raises(Refused):
            await m.export_file("exe")
        await m.configure({}, view_request())
        got["imported"] = await m.import_run(got["json"][1], view_request(surface=True))
        with pytest.raises(Refused):
            await m.import_run("not json", view_request())
        got["started"] = await m.start_from(got["params"][1], view_request())
        got["sweep"] = [await m.sweep_start({"learning_rate": 5.0}, 0, 10, 100)]
        while not got["sweep"][-1]["done"]:
            got["sweep"].append(await m.sweep_advance(20, sizes))
        got["stopped"] = await m.sweep_stop(sizes)
        got["picked"] = await m.sweep_pick("histogram", 1, 1)
        got["landscape"] = await m.landscape("random", 1.5, [320, 300])
        return got

    got = asyncio.run(session())
    page = got["notebook"]
    assert page["keys"] == list(notebook_html.SECTION_KEYS)
    assert set(page["html"]) == set(page["keys"]) and all(isinstance(text, str) for text in page["html"].values())
    name, text = got["json"]
    assert name.endswith("_step1.json") and run_from_json(text).step == 1
    assert got["png"] == (name[: -len("json")] + "png", "") and got["params"][0] == ""
    snap, (rgba, _), rate_text = got["imported"]
    assert snap["step"] == 1 and snap["config"]["n_h"] == 3 and rate_text == "0.46" and len(rgba) == 64 * 64 * 4
    snap, surface = got["started"]
    assert snap["step"] == 0 and surface is None and snap["params_text"]["W0"] == got["params"][1].split("_")[:6]
    curves = got["stopped"]["curves"]
    assert got["stopped"]["done"] and set(curves["paths"]) <= {"solved", "stuck", "diverged", "training"}
    assert curves["median"].startswith("M") and all(isinstance(path, str) for path in curves["paths"].values())
    assert any(path.startswith("M") for path in curves["paths"].values())
    assert got["picked"] is None  # the corner of the histogram: no bar
    view, image = got["landscape"]
    assert len(image) == 64 * 64 * 4 and view["version"] == fresh_session.version


def test_a_refused_setting_and_a_failure_reach_the_page_as_exceptions(monkeypatch, fresh_session):
    install_workers(monkeypatch, FakeWorker())

    async def session():
        m = Model()
        await m.start()
        await m.configure({}, view_request())
        with pytest.raises(Refused):
            await m.configure({"activation": "softmax"}, view_request())
        monkeypatch.setattr(fresh_session, "snapshot", lambda *args: {}["missing"])
        with pytest.raises(ModelError) as caught:
            await m.step(view_request())
        return str(caught.value)

    assert "KeyError: 'missing'" in asyncio.run(session())


def test_a_worker_that_does_not_start_is_a_model_error(monkeypatch):
    install_workers(monkeypatch, error=RuntimeError("NumPy failed to load"))
    with pytest.raises(ModelError) as caught:
        asyncio.run(Model().start())
    assert str(caught.value) == "the model's worker did not start: NumPy failed to load"


# --- the network: unit pictures, chain rule, slow motion, weights set by hand (issue 19) ----------------------------


class TypedArray:
    """A JavaScript Uint8Array as MicroPython's proxy shows it: no slicing, subarray(start, end) a view."""

    def __init__(self, data):
        self.data = data

    def subarray(self, start, end):
        return TypedArray(self.data[start:end])


def test_head_bytes_cuts_bytes_and_typed_arrays():
    assert head_bytes(b"abcdef", 4) == b"abcd" and head_bytes(bytearray(b"abcdef"), 2) == b"ab"
    assert head_bytes(memoryview(b"abcdef"), 3) == b"abc"
    assert head_bytes(TypedArray(b"abcdef"), 5).data == b"abcde"


def test_units_and_chain_reach_the_page_beside_a_surface_that_draws_as_before(monkeypatch, fresh_session):
    install_workers(monkeypatch, FakeWorker())

    async def session():
        m = Model()
        await m.start()
        got = {"plain": await m.configure({"n_h": 3}, view_request(surface=True))}
        got["units"] = await m.step(view_request(surface=True, units=True, chain="W1[0,1]"))
        got["alone"] = await m.snapshot(view_request(units=True))
        got["stages"] = await m.stages()
        got["edited"] = await m.set_param("W0[1,0]", "0.75", view_request(surface=True, units=True, chain="W0[1,0]"))
        with pytest.raises(Refused) as caught:
            await m.set_param("W0[1,0]", "1e7", view_request())
        got["refused"] = str(caught.value)
        return got

    got = asyncio.run(session())
    plain_snap, (plain_rgba, _) = got["plain"]
    assert "units" not in plain_snap and "chain" not in plain_snap and len(plain_rgba) == 64 * 64 * 4
    snap, (rgba, label) = got["units"]
    units = snap["units"]
    after_one = Run(Config(n_h=3))
    after_one.train(1)
    assert rgba == surface_rgba(after_one.predict(surface_grid(64)), 64).tobytes()  # the surface's own bytes
    assert len(rgba) == 64 * 64 * 4 == units["offset"] and label.startswith("Decision surface")
    assert units["rgba"][: units["offset"]] == rgba and len(units["rgba"]) == units["offset"] + 4 * 32 * 32 * 4
    assert units["names"] == ["A1[0]", "A1[1]", "A1[2]", "A2"] and units["side"] == 32
    assert snap["chain"]["name"] == "W1[0,1]" and snap["chain"]["step"] == 1
    alone, surface = got["alone"]
    assert surface is None and alone["units"]["offset"] == 0 and len(alone["units"]["rgba"]) == 4 * 32 * 32 * 4
    stages = got["stages"]
    assert stages["step"] == 1 and stages["n_h"] == 3 and stages["after"]["J"] == repr(stages_after_J(fresh_session))
    edited, (edited_rgba, _) = got["edited"]
    assert edited["params_text"]["W0"][2] == "0.75" and edited["chain"]["value"] == "0.75" and edited["step"] == 1
    assert len(edited_rgba) == 64 * 64 * 4 and edited["units"]["offset"] == 64 * 64 * 4
    assert got["refused"] == "W0[1,0] must be at most 1e+06 in size (got '1e7')"
    assert fresh_session.run.params["W0"][1, 0] == 0.75


def stages_after_J(session):
    """J after the step the page was shown, from a Run retrained apart: the same settings, one step."""
    run = Run(Config(n_h=3))
    run.train(2)
    return run.cost
