"""The page's context (app/context.py) on the fake page: the link read and written (history entries, embedded
pages), settings changed and their subscribers told in order, the worker's start and its failures, and the views
made from their modules when first shown.

Oracles: write_link of the settings expected, and the order of what subscribers heard, written out."""

import asyncio
import sys
import types

import pytest

import fake_dom
from app.context import Context
from app.door import ModelError, Refused
from app.link import write_link
from app.settings import DEFAULTS
from lab_page import Page, Window, settle


class Model:
    """The door's calls the context makes: start and configure (a snapshot of the settings it was given)."""

    def __init__(self, fail=None):
        self.fail, self.configured = fail, []

    async def start(self):
        return {"python": "3", "numpy": "2"}

    async def configure(self, settings, view):
        self.configured.append((settings, view))
        if self.fail is not None:
            raise self.fail
        return {"step": 0, "status": "ready", "config": settings}, None


@pytest.fixture
def views(monkeypatch):
    """A module of views that record what they are told, registered as "fake_views"."""
    log = []

    class View:
        def __init__(self, context):
            log.append((self.name, "made"))
            context.subscribe("model ready", lambda: log.append((self.name, "its panel hears model ready")))

        def open(self):
            log.append((self.name, "open"))

        def model_ready(self):
            log.append((self.name, "model ready"))

    module = types.ModuleType("fake_views")
    module.Notebook = type("Notebook", (View,), {"name": "notebook"})
    module.Sweep = type("Sweep", (View,), {"name": "sweep"})
    monkeypatch.setitem(sys.modules, "fake_views", module)
    return log


def context_of(monkeypatch, search="", model=None):
    fake_dom.install(monkeypatch)
    page, window = Page(), Window(search)
    return page, window, Context(page, window, model or Model())


def test_the_link_is_read_at_once_and_made_whole(monkeypatch):
    page, window, context = context_of(monkeypatch, "?n_h=4&seed=x&embed=1&view=notebook&hide=seed")
    expected = dict(DEFAULTS, n_h=4, embed=True, view="notebook", hide="seed")
    assert context.settings == expected
    assert context.messages == [
        "The link's seed was ignored, so it is 2: seed must be a whole number from 0 to 4294967295 (got 'x')."
    ]
    assert page.documentElement.dataset.embed == "true"
    assert window.replaced == [write_link(expected)]
    assert window.pushed == []
    assert (context.snap, context.ready, context.looping) == (None, False, False)


def test_a_change_goes_into_the_history_and_to_the_subscribers_in_order(monkeypatch):
    _, window, context = context_of(monkeypatch, "?n_h=3")
    heard = []
    context.subscribe("settings changed", lambda names, origin: heard.append(("first", names, origin)))
    context.subscribe("settings changed", lambda names, origin: heard.append(("second", names, origin)))
    context.change("sweep_count", 50, "the sweep")
    assert heard == [("first", ("sweep_count",), "the sweep"), ("second", ("sweep_count",), "the sweep")]
    assert window.pushed == [write_link(dict(DEFAULTS, n_h=3, sweep_count=50))]
    context.change("sweep_count", 50)  # the same link: no new entry
    assert len(window.pushed) == 1
    context.update({"n_h": 5, "seed": 7})  # several at once: told, but the caller saves the link
    assert heard[-1] == ("second", ("n_h", "seed"), None)
    assert len(window.pushed) == 1
    context.save_link()
    assert window.pushed[-1] == write_link(dict(DEFAULTS, n_h=5, seed=7, sweep_count=50))


def test_an_embedded_page_replaces_its_address_instead_of_adding_to_the_hosts_history(monkeypatch):
    _, window, context = context_of(monkeypatch, "?embed=true")
    context.change("n_h", 6)
    assert window.pushed == []
    assert window.replaced[-1] == write_link(dict(DEFAULTS, n_h=6, embed=True))


def test_back_to_a_link_says_its_bad_values_tells_everyone_and_shows_its_view(monkeypatch):
    page, window, context = context_of(monkeypatch)
    said, changed, opened = [], [], []
    context.subscribe("message", said.append)
    context.subscribe("settings changed", lambda names, origin: changed.append(set(names)))
    context.register("notebook", "fake_views", "Notebook")
    context.views["notebook"] = types.SimpleNamespace(open=lambda: opened.append("notebook"))
    settings = context.settings
    context.load_link("?table=nor&n_h=99&view=notebook")
    assert context.settings is settings
    assert settings["table"] == "NOR"
    assert settings["n_h"] == 2
    assert said == ["The link's n_h was ignored, so it is 2: n_h must be a whole number from 1 to 16 (got '99')."]
    assert changed == [set(DEFAULTS)]
    assert opened == ["notebook"]
    assert page.documentElement.dataset.view == "notebook"
    assert window.pushed == []  # Back adds nothing to the history


def test_the_views_are_made_from_their_modules_when_first_shown(monkeypatch, views):
    page, window, context = context_of(monkeypatch, "?view=sweep")
    context.register("notebook", "fake_views", "Notebook")
    context.register("sweep", "fake_views", "Sweep")
    context.show_view()
    assert views == [("sweep", "made"), ("sweep", "open")]
    assert page.elements["tab-sweep"].getAttribute("aria-selected") == "true"
    context.select_view("notebook")
    assert views[2:] == [("notebook", "made"), ("notebook", "open")]
    assert window.pushed == [write_link(dict(DEFAULTS, view="notebook"))]
    context.select_view("sweep")  # made once
    assert views[4:] == [("sweep", "open")]

    asyncio.run(context.start())
    # each view hears that the model is ready before the panels it made
    assert views[5:] == [
        ("sweep", "model ready"),
        ("sweep", "its panel hears model ready"),
        ("notebook", "model ready"),
        ("notebook", "its panel hears model ready"),
    ]


def test_once_the_model_is_ready_a_late_subscriber_or_view_hears_it_at_once(monkeypatch, views):
    _, _, context = context_of(monkeypatch)
    model = context.model
    shown = []
    context.subscribe("snapshot", lambda snap, surface, plots: shown.append((snap["config"], surface, plots)))
    assert asyncio.run(context.start()) == {"python": "3", "numpy": "2"}
    assert model.configured == [({key: DEFAULTS[key] for key in model.configured[0][0]}, context.request())]
    assert shown == [(model.configured[0][0], None, True)]
    assert context.snap["step"] == 0
    late = []
    context.subscribe("model ready", lambda: late.append("at once"))
    assert late == ["at once"]
    context.register("notebook", "fake_views", "Notebook")
    context.view("notebook")
    assert views == [("notebook", "made"), ("notebook", "its panel hears model ready"), ("notebook", "model ready")]


def test_a_refused_setting_is_said_and_a_failing_worker_shows_the_error_panel(monkeypatch):
    page, _, context = context_of(monkeypatch, model=Model(fail=Refused("n_h must be a whole number")))
    said, failed = [], []
    context.subscribe("message", said.append)
    context.subscribe("failed", lambda: failed.append(True))
    asyncio.run(context.start())
    assert said == ["The model refused a setting: n_h must be a whole number."]
    assert context.snap is None
    assert context.ready

    async def failing():
        raise ModelError("Traceback (most recent call last):\n  ...\nKeyError: 'W0'")

    async def scenario():
        context.later(failing())
        await settle()

    asyncio.run(scenario())
    assert failed == [True]
    assert page.documentElement.dataset.appState == "error"
    assert page.elements["load-error-text"].textContent == "The model stopped with an error: KeyError: 'W0'"


def test_next_frame_waits_for_the_browsers_animation_frame(monkeypatch):
    _, window, context = context_of(monkeypatch)
    order = []

    async def scenario():
        async def waiting():
            await context.next_frame()
            order.append("after the frame")

        task = asyncio.create_task(waiting())
        await settle()
        order.append("before")
        window.frames.pop(0)(16.7)
        await task

    asyncio.run(scenario())
    assert order == ["before", "after the frame"]
