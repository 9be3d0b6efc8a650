"""The page as the page-layer tests see it: a fake document with the elements of index.html that the lab
uses, a fake window, and the model's worker as PyScript hands it to the page (the real worker functions of
py/worker/door.py, answered a little later). One definition for every test of the page layer."""

import asyncio
import sys
import types

import pytest

import fake_dom
from app.door import Model
from app.lab.view import Lab
from worker import door as exports
from worker.lab.session import Session

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
        for name in (
            "speed-value",
            "status",
            "step-count",
            "cost-value",
            "rate",
            "status-reason",
            "live",
            "loading-stage",
            "load-error-text",
        ):
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
        # the view tabs: a tablist of two tabs, each controlling its panel; the notebook's container
        self.tablist = self.createElement("div")
        self.tablist.setAttribute("role", "tablist")
        self.focused = []
        for view in ("lab", "notebook"):
            tab = self.createElement("button")
            tab.id = "tab-" + view
            tab.setAttribute("role", "tab")
            tab.setAttribute("aria-controls", "view-" + view)
            tab.props["focus"] = lambda tab=tab: self.focused.append(tab.id)
            self.elements[tab.id] = self.tablist.appendChild(tab)
            self.elements["view-" + view] = self.createElement("section")
        self.elements["notebook"] = self.createElement("div")
        self.documentElement = types.SimpleNamespace(dataset=types.SimpleNamespace(appState="interactive"))

    def getElementById(self, name):
        return self.elements.get(name)

    def querySelector(self, selector):
        return self.tablist if fake_dom.matches(self.tablist, selector) else None

    def text(self, name):
        return self.elements[name].textContent


class Window:
    def __init__(self, search=""):
        self.location = types.SimpleNamespace(search=search, hash="")
        self.frames = []
        self.pushed, self.replaced = [], []
        self.history = types.SimpleNamespace(
            pushState=lambda state, title, url: self._go(self.pushed, url),
            replaceState=lambda state, title, url: self._go(self.replaced, url),
        )

    def _go(self, log, url):
        log.append(url)
        self.location.search = url.split("#")[0]

    def requestAnimationFrame(self, callback):
        self.frames.append(callback)


class FakeWorker:
    """The model's worker as PyScript hands it to the page: async calls of the exported functions, each
    answered a little later, as from a worker. calls: the names called, in order; args: their arguments."""

    def __init__(self, calls=None):
        self.calls = [] if calls is None else calls
        self.args = []
        for name in exports.EXPORTS:
            setattr(self, name, self._async(name))

    def _async(self, name):
        async def call(*args):
            self.calls.append(name)
            self.args.append(args)
            await asyncio.sleep(0)
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
    page.calls = []

    class Workers:  # pyscript.workers: awaiting workers["model"] gives the worker once it has started
        def __getitem__(self, name):
            async def ready():
                return FakeWorker(page.calls)

            return ready()

    sys.modules["pyscript"].workers = Workers()
    return page, window, Lab(page, window, Model("model"))


async def settle():
    for _ in range(100):
        await asyncio.sleep(0)


def readout(page):
    return page.text("status"), page.text("step-count"), page.text("cost-value")
