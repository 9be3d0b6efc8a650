"""The lab view (app/lab.py) on a fake page, talking through app/model.py to the real worker functions
(py/worker/exports.py): links, settings, Step, Train and Pause, divergence, Reset and a failing worker.

What the page shows is checked against the worker's own Run and against backprop.Run trained independently.
"""

import asyncio
import json
import platform
import sys
import types

import numpy as np
import pytest

import fake_dom
from app import lab as lab_module
from app.lab import Lab
from app.model import Model
from app.readouts import format_cost
from app.state import write_link
from backprop import Config, Run
from worker import exports
from worker.session import Session

FIELDS = ("learning_rate", "n_h", "activation", "cost", "seed", "table", "notebook_mode", "speed", "log_scale")


class Page(fake_dom.Document):
    """The elements of index.html that the lab uses, by id."""

    def __init__(self):
        super().__init__()
        self.elements = {}
        for name in FIELDS:
            field = self.createElement("input")
            field.props.update(value="", checked=False)
            self.elements[name] = field
            self.elements[name + "-error"] = self.createElement("p")
        for name in ("speed-value", "status", "step-count", "cost-value", "rate", "status-reason", "live",
                     "loading-stage", "load-error-text"):
            self.elements[name] = self.createElement("span")
        for name in ("train", "step", "reset"):
            self.elements[name] = self.createElement("button")
            self.elements[name].props["disabled"] = True
        for name in ("loading", "load-error"):
            self.elements[name] = self.createElement("div")
        self.elements["messages"] = fake_dom.MessageList()
        for name, size in (("cost-chart", (640, 400)), ("surface", (400, 400))):
            canvas = self.createElement("canvas")
            canvas.props.update(clientWidth=size[0], clientHeight=size[1])
            self.elements[name] = canvas
        self.elements["diagram"] = self.createElementNS("svg", "svg")
        self.elements["diagram-tooltip"] = self.createElement("div")
        self.elements["predictions"] = self.createElement("div")
        self.documentElement = types.SimpleNamespace(dataset=types.SimpleNamespace(appState="interactive"))

    def getElementById(self, name):
        return self.elements.get(name)

    def text(self, name):
        return self.elements[name].textContent


class Window:
    def __init__(self, search=""):
        self.location = types.SimpleNamespace(search=search, hash="")
        self.frames = []
        self.pushed, self.replaced = [], []
        self.history = types.SimpleNamespace(pushState=lambda state, title, url: self._go(self.pushed, url),
                                             replaceState=lambda state, title, url: self._go(self.replaced, url))

    def _go(self, log, url):
        log.append(url)
        self.location.search = url.split("#")[0]

    def requestAnimationFrame(self, callback):
        self.frames.append(callback)


class FakeWorker:
    def __init__(self):
        for name in exports.EXPORTS:
            setattr(self, name, self._async(name))

    @staticmethod
    def _async(name):
        async def call(*args):
            await asyncio.sleep(0)  # an answer comes back later, as from a worker
            return getattr(exports, name)(*args)
        return call


@pytest.fixture
def session(monkeypatch):
    fresh = Session()
    monkeypatch.setattr(exports, "SESSION", fresh)
    return fresh


def open_lab(monkeypatch, search=""):
    fake_dom.install(monkeypatch)
    page, window = Page(), Window(search)

    class Workers:  # pyscript.workers: awaiting workers["model"] gives the worker once it has started
        def __getitem__(self, name):
            async def ready():
                return FakeWorker()
            return ready()

    sys.modules["pyscript"].workers = Workers()
    return page, window, Lab(page, window, Model("model"))


async def settle():
    for _ in range(100):
        await asyncio.sleep(0)


def readout(page):
    return page.text("status"), page.text("step-count"), page.text("cost-value")


def test_a_link_sets_up_the_page_and_the_network(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch, "?n_h=3&learning_rate=0.46&seed=x&log_scale=1")
    # before the worker answers: the link's settings in the form, its bad value named, the link made whole
    assert page.text("status") == "starting"
    assert (page.elements["n_h"].value, page.elements["learning_rate"].value) == ("3", "0.46")
    assert page.elements["log_scale"].checked is True
    assert page.elements["messages"].texts() == [
        "The link's seed was ignored, so it is 2: seed must be a whole number from 0 to 4294967295 (got 'x')."]
    assert window.replaced == [write_link(dict(lab.settings))]
    assert lab.settings["n_h"] == 3 and lab.settings["learning_rate"] == 0.46 and lab.settings["seed"] == 2

    async def scenario():
        versions = await lab.start()
        await settle()
        return versions

    versions = asyncio.run(scenario())
    assert versions == {"python": platform.python_version(), "numpy": np.__version__}
    oracle = Run(Config(n_h=3, learning_rate=0.46))
    assert readout(page) == ("ready", "0", format_cost(oracle.cost))
    assert session.run.config == oracle.config
    assert all(page.elements[name].disabled is False for name in ("train", "step", "reset"))
    assert lab.diagram.n_h == 3
    assert [cells["a2"].textContent for cells in lab.predictions.cells] == \
        ["%.4f" % a for a in oracle.A2.reshape(-1).tolist()]
    chart_texts = [args[0] for args in page.elements["cost-chart"].context.called("fillText")]
    assert "cost J (log)" in chart_texts
    assert lab.surface.has_image and len(lab.surface.image.data.bytes) == 64 * 64 * 4


def test_step_change_train_pause_and_reset(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch)

    async def scenario():
        await lab.start()
        await settle()
        lab.step()
        await settle()
        assert readout(page)[:2] == ("paused", "1")

        # a new hidden-unit count: a new network at step 0, said in words, and a new link in the history
        page.elements["n_h"].props["value"] = "4"
        lab.change("n_h")
        await settle()
        assert page.elements["messages"].texts()[0] == "Hidden units changed: the network was reset to step 0."
        assert window.pushed[-1].startswith("?n_h=4&")
        assert lab.diagram.n_h == 4 and readout(page)[:2] == ("ready", "0")

        # a bad learning rate: shown beside its field; nothing else changes
        pushed = len(window.pushed)
        page.elements["learning_rate"].props["value"] = "abc"
        lab.change("learning_rate")
        await settle()
        assert page.text("learning_rate-error") == "Must be a finite number greater than 0 (got 'abc')."
        assert page.elements["learning_rate"].attributes["aria-invalid"] == "true"
        assert len(window.pushed) == pushed and lab.settings["learning_rate"] == 10.0

        # a good one: the error goes, and training goes on from the same step
        lab.step()
        await settle()
        page.elements["learning_rate"].props["value"] = "2"
        lab.change("learning_rate")
        await settle()
        assert page.text("learning_rate-error") == ""
        assert "aria-invalid" not in page.elements["learning_rate"].attributes
        assert session.run.config.learning_rate == 2.0 and readout(page)[1] == "1"

        # Train: every animation frame grants `speed` steps; Pause stops after the slice in flight
        lab.train()
        assert page.elements["train"].textContent == "Pause"
        for frame in range(5):
            await settle()
            assert readout(page)[0] == "training"
            window.frames.pop(0)(frame * 16.7)
        await settle()
        lab.pause()
        await settle()
        assert lab.looping  # waiting for the next frame, which ends the loop
        window.frames.pop(0)(100.0)
        await settle()
        assert not lab.looping
        window.frames.pop(0)(116.7)  # the frame already asked for: it asks for no more
        assert window.frames == []

    asyncio.run(scenario())
    status, step, cost = readout(page)
    assert status == "paused" and page.elements["train"].textContent == "Train"
    assert int(step) == session.run.step and int(step) == 1 + 10 * 6  # a slice at Train and one per frame
    # the same network as a Run trained independently: 1 step at rate 10, then the rest at rate 2
    oracle = Run(Config(n_h=4))
    oracle.train(1)
    oracle.set_learning_rate(2.0)
    oracle.train(int(step) - 1)
    assert cost == format_cost(oracle.cost)
    assert page.text("rate") == "\u2013"  # not training: no speed shown

    async def reset():
        lab.reset()
        await settle()

    asyncio.run(reset())
    assert readout(page)[:2] == ("ready", "0")


def test_training_stops_by_itself_when_the_network_diverges(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch, "?learning_rate=1000&speed=100")

    async def scenario():
        await lab.start()
        await settle()
        lab.train()
        for frame in range(5):
            await settle()
            if window.frames:
                window.frames.pop(0)(frame * 16.7)
        await settle()
        lab.train()  # refused: nothing trains after divergence
        await settle()

    asyncio.run(scenario())
    oracle = Run(Config(learning_rate=1000))
    oracle.train(100)
    assert readout(page) == ("diverged", str(oracle.step), format_cost(oracle.cost))
    assert page.text("status-reason") == "Diverged: {}. Press Reset to start again.".format(oracle.reason)
    assert lab.training is False and page.elements["train"].textContent == "Train"
    assert session.run.step == oracle.step


def test_a_failing_worker_shows_the_error_panel(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch)

    async def scenario():
        await lab.start()
        await settle()

        def broken(n):
            raise RuntimeError("the weights went missing")

        monkeypatch.setattr(session, "step", broken)
        lab.step()
        await settle()

    asyncio.run(scenario())
    assert page.documentElement.dataset.appState == "error"
    assert page.elements["load-error"].hidden is False
    assert page.text("load-error-text") == "The model stopped with an error: RuntimeError: the weights went missing"
    assert all(page.elements[name].disabled is True for name in ("train", "step", "reset"))


def test_back_and_forward_load_the_links_settings(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch, "?table=AND")

    async def scenario():
        await lab.start()
        await settle()
        window.location.search = "?table=NOR&n_h=5"
        lab.on_history()
        await settle()

    asyncio.run(scenario())
    assert session.run.config.table == "NOR" and session.run.config.n_h == 5
    assert page.elements["table"].value == "NOR" and page.elements["n_h"].value == "5"
    assert [cells["y"].textContent for cells in lab.predictions.cells] == ["0", "0", "1", "0"]  # NOR


def test_the_view_asks_for_the_plots_only_when_they_are_drawn(monkeypatch, session):
    _, _, lab = open_lab(monkeypatch, "?log_scale=true")
    assert json.loads(lab.view()) == {"chart": [640, 400], "log_scale": True, "surface": True}
    assert json.loads(lab.view(plots=False)) == {"chart": None, "log_scale": False, "surface": False}
    assert lab_module.SLICE_MS > 0
