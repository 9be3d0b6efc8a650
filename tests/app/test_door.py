"""The page's door to the worker (app/door.py), tested on the JSON that the real worker functions
(py/worker/door.py) produce, so that page and worker are tested together."""

import asyncio
import json
import math
import sys
import types

import pytest

from app import door as model
from app.door import Model, ModelError, Refused, decode, settings_json, view_request
from backprop import Config, Run
from lab_page import FakeWorker
from worker import door as exports
from worker.lab.session import Session

J_NB = 0.12519375208599626  # the notebook's first J


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    session = Session()
    monkeypatch.setattr(exports, "SESSION", session)
    return session


def test_decode_a_snapshot():
    text, surface = exports.configure(settings_json({}), view_request())
    snap = decode(text)
    assert snap["cost"] == pytest.approx(J_NB, rel=1e-15) and snap["step"] == 0
    oracle = Run(Config())
    assert snap["A2"] == oracle.A2.reshape(-1).tolist() and snap["Y"] == [1.0, 1.0, 0.0, 0.0]
    assert all(type(v) is float for v in snap["A2"] + snap["Y"] + [snap["cost"]])
    assert snap["params"]["W0"] == oracle.params["W0"].reshape(-1).tolist()
    assert snap["params_text"]["W0"] == [repr(x) for x in oracle.params["W0"].reshape(-1).tolist()]
    assert surface is None


def test_decode_turns_not_finite_texts_back_into_floats(fresh_session):
    exports.configure(settings_json({"n_h": 16, "activation": "relu", "seed": 3, "learning_rate": 1.7e308}))
    exports.step(1)
    fresh_session.run.theta[:2] = [math.inf, -math.inf]  # W0[0,0], W0[0,1]: as a diverged network may hold
    text, _ = exports.snapshot()
    assert '"NaN"' in text and '"Infinity"' in text and '"-Infinity"' in text  # text in the JSON...
    snap = decode(text)
    assert math.isnan(snap["cost"]) and all(math.isnan(a) for a in snap["A2"])  # ...floats on the page
    assert snap["params"]["W0"][:2] == [math.inf, -math.inf]
    assert snap["status"] == "diverged"


def test_decode_raises_refused_for_a_setting_the_model_refuses():
    text, surface = exports.configure(json.dumps({"n_h": 40}))
    with pytest.raises(Refused) as caught:
        decode(text)
    assert str(caught.value) == "n_h must be a whole number from 1 to 16 (got 40)"
    assert surface is None


def test_decode_raises_model_error_when_the_worker_failed(monkeypatch, fresh_session):
    exports.configure("{}")
    monkeypatch.setattr(fresh_session, "step", lambda n: 1 / 0)
    text, _ = exports.step(1)
    with pytest.raises(ModelError) as caught:
        decode(text)
    assert "ZeroDivisionError: division by zero" in str(caught.value)
    assert not issubclass(ModelError, Refused) and not issubclass(Refused, ModelError)


def test_view_request_is_what_the_worker_reads():
    assert json.loads(view_request()) == {"chart": None, "log_scale": False, "surface": False}
    exports.configure("{}")
    text, surface = exports.step(3, view_request([640, 400], True, True))
    snap = decode(text)
    assert len(surface) == 64 * 64 * 4 and snap["surface_label"].startswith("Decision surface")
    assert snap["chart"]["y_title"] == "cost J (log)" and snap["step"] == 3


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
    snap = decode(exports.configure(text)[0])
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
    assert versions == json.loads(exports.start())
    snap, surface = configured
    assert snap["step"] == 0 and len(surface) == 64 * 64 * 4 and snap["config"]["learning_rate"] == 0.46
    assert stepped[0]["step"] == 1 and stepped[1] is None
    assert trained[0]["step"] == 31 and trained[0]["taken"] == 30
    assert shown[0]["step"] == 31 and len(shown[1]) == 64 * 64 * 4
    assert reset[0]["step"] == 0 and reset[0]["run_id"] == snap["run_id"] + 1
    assert worker.calls == ["start", "configure", "step", "train_for", "snapshot", "reset"]
    assert worker.args[1][0] == settings_json({"n_h": 2, "learning_rate": 0.46})


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


def test_number():
    assert model.number(0.25) == 0.25 and model.number(3) == 3.0 and type(model.number(3)) is float
    assert math.isnan(model.number("NaN")) and model.number("Infinity") == math.inf
    assert model.number("-Infinity") == -math.inf
