"""The page's boot (py/main.py) on the fake page: the views registered by name with the module each needs, imported
when the view is first shown (so MicroPython compiles at start only the first view's modules), and the wiring of
the buttons, the shortcut keys (a lesson's locks too), Back and Forward, and resizing.

Oracles: sys.modules (what was imported), and the model's Run, stepped independently."""

import asyncio
import importlib
import sys
import types

import pytest

import fake_dom
from app import settings
from app.lab.readouts import format_cost
from backprop import Config, Run
from lab_page import load_main, open_page, readout, settle

OTHER_VIEWS = ("app.notebook", "app.exercises", "app.sweep", "exercises")
LATER_PANELS = ("app.landscape", "app.share.export_menu", "app.share.importer")


def imported(prefixes):
    return sorted(name for name in sys.modules if any(name == p or name.startswith(p + ".") for p in prefixes))


@pytest.fixture
def fresh_modules(monkeypatch):
    """The page layer not imported yet, as in a browser that has just loaded the page (restored afterwards)."""
    for name in list(sys.modules):
        if name == "app" or name.startswith(("app.", "exercises.")) or name == "exercises":
            monkeypatch.delitem(sys.modules, name)


def click_tab(page, view):
    tab = page.elements["tab-" + view]
    for kind, handler in page.tablist.listeners:
        if kind == "click":
            handler(types.SimpleNamespace(target=tab))


def test_the_views_are_the_links_views_each_with_its_module_and_class(monkeypatch):
    fake_dom.install(monkeypatch)
    views = load_main().VIEWS
    assert tuple(name for name, _, _ in views) == settings.CHOICES["view"]
    for name, module, class_name in views:
        view = getattr(importlib.import_module(module), class_name)
        assert callable(view.open), name
        assert callable(view.model_ready), name
        assert module.startswith("app." + {"exercise": "exercises", "sweep": "sweep"}.get(name, name) + "."), module


def test_opening_the_lab_imports_no_other_views_modules_until_its_tab_is_picked(monkeypatch, fresh_modules):
    page, window, context, lab = open_page(monkeypatch, "?view=lab")
    assert imported(OTHER_VIEWS + LATER_PANELS) == []
    assert "app.lab.view" in sys.modules
    assert "app.share.lesson" in sys.modules
    lab.load_panels()  # after the lab's first paint
    assert imported(LATER_PANELS) == [
        "app.landscape",
        "app.landscape.plot",
        "app.landscape.view",
        "app.share.export_menu",
        "app.share.importer",
    ]
    assert imported(OTHER_VIEWS) == []

    async def pick_each_tab():
        click_tab(page, "notebook")
        assert imported(OTHER_VIEWS) == ["app.notebook", "app.notebook.terms", "app.notebook.view"]
        click_tab(page, "exercise")
        assert imported(("app.exercises", "exercises")) == [
            "app.exercises",
            "app.exercises.ann",
            "app.exercises.path",
            "app.exercises.report",
            "app.exercises.results",
            "app.exercises.runner",
            "app.exercises.screen",
            "app.exercises.view",
            *sorted(name for name in sys.modules if name == "exercises" or name.startswith("exercises.")),
        ]
        assert "exercises" in sys.modules
        assert imported(("app.sweep",)) == []
        click_tab(page, "sweep")
        assert imported(("app.sweep",)) == ["app.sweep", "app.sweep.plots", "app.sweep.view"]
        await settle()

    asyncio.run(pick_each_tab())
    assert sorted(context.views) == ["exercise", "lab", "notebook", "sweep"]
    assert window.pushed[-1].endswith("&view=sweep")
    assert context.settings["view"] == "sweep"


@pytest.mark.parametrize(
    ("view", "modules"),
    [
        ("notebook", ["app.notebook", "app.notebook.terms", "app.notebook.view"]),
        ("sweep", ["app.sweep", "app.sweep.plots", "app.sweep.view"]),
    ],
)
def test_a_link_to_another_view_imports_the_lab_and_that_view_only(monkeypatch, fresh_modules, view, modules):
    page, _window, context, _lab = open_page(monkeypatch, "?view=" + view)
    assert imported(OTHER_VIEWS) == modules
    assert sorted(context.views) == sorted(["lab", view])
    assert page.documentElement.dataset.view == view


# --- the wiring ------------------------------------------------------------------------------------------------------


class Key:
    def __init__(self, key, tag="BODY", **modifiers):
        self.key, self.prevented = key, False
        self.target = types.SimpleNamespace(tagName=tag, closest=lambda selector: None)
        self.ctrlKey, self.metaKey, self.altKey = (modifiers.get(name, False) for name in ("ctrl", "meta", "alt"))

    def preventDefault(self):
        self.prevented = True


def wired(monkeypatch, search=""):
    page, window, context, lab = open_page(monkeypatch, search)
    load_main().wire(page, window, lab)
    keys = [handler for kind, handler in page.listeners if kind == "keydown"]
    assert len(keys) == 1
    return page, window, context, lab, keys[0]


def test_buttons_and_shortcut_keys_step_train_and_reset(monkeypatch, session):
    page, window, context, lab, press = wired(monkeypatch)
    handlers = {(event, selector): handler for event, selector, handler in sys.modules["pyscript"].handlers}
    assert set(handlers) == {
        ("click", "#train"),
        ("click", "#step"),
        ("click", "#reset"),
        ("change", "#settings"),
        ("submit", "#settings"),
    }

    async def scenario():
        await context.start()
        await settle()
        for event in (Key("s", ctrl=True), Key("s", tag="INPUT"), Key("S", tag="BUTTON")):
            press(event)
            assert not event.prevented
        await settle()
        assert readout(page)[1] == "0"
        press(Key("s"))
        await settle()
        assert readout(page)[:2] == ("paused", "1")
        handlers[("click", "#step")](None)
        await settle()
        assert readout(page)[1] == "2"
        key = Key(" ")
        press(key)
        assert key.prevented
        assert lab.training
        assert page.elements["train"].textContent == "Pause"
        handlers[("click", "#train")](None)
        assert not lab.training
        await settle()
        window.frames.pop(0)(0.0)
        await settle()
        press(Key("r"))
        await settle()

    asyncio.run(scenario())
    assert readout(page) == ("ready", "0", format_cost(Run(Config()).cost))


def test_a_lesson_that_locks_step_and_hides_reset_turns_their_keys_off(monkeypatch, session):
    page, _window, context, lab, press = wired(monkeypatch, "?lock=step&hide=reset")

    async def scenario():
        await context.start()
        await settle()
        for key in ("s", "r"):
            event = Key(key)
            press(event)
            assert not event.prevented
        await settle()
        assert readout(page)[1] == "0"
        assert page.elements["step"].disabled is True
        assert page.elements["train"].disabled is False
        press(Key(" "))
        assert lab.training

    asyncio.run(scenario())


def test_back_forward_and_resizing_reach_the_lab(monkeypatch, session):
    page, window, context, _lab, _press = wired(monkeypatch, "?n_h=3")
    listeners = dict(window.listeners)

    async def scenario():
        await context.start()
        await settle()
        calls = len(page.calls)
        listeners["resize"](None)
        await settle()
        assert page.calls[calls:] == ["snapshot"]
        window.location.search = "?n_h=5&view=notebook"
        listeners["popstate"](None)
        await settle()

    asyncio.run(scenario())
    assert session.run.config.n_h == 5
    assert page.elements["n_h"].value == "5"
    assert page.documentElement.dataset.view == "notebook"
    assert "notebook" in context.views
    oracle = Run(Config(n_h=5))
    assert readout(page) == ("ready", "0", format_cost(oracle.cost))


def test_the_starts_import_groups_name_every_module_the_lab_needs(monkeypatch):
    # main.py imports the lab's modules a group per task, by name: a module renamed or added without it would only
    # fail in a browser. A fresh interpreter importing what the start makes (the context and the tabs it shows, the
    # lab view, its lesson panel) is the oracle; main.py's own imports at its top come before the groups.
    import ast
    import json
    import subprocess

    fake_dom.install(monkeypatch)
    main = load_main()
    code = (
        "import sys, json; sys.path[:0] = ['py']; import app.context, app.tabs, app.lab.view, app.share.lesson;"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('app', 'shared'))))"
    )
    root = importlib.import_module("setup_runtime").ROOT
    run = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    needed = set(json.loads(run.stdout))
    tree = ast.parse((root / "py" / "main.py").read_text())
    at_top = {node.module for node in tree.body if isinstance(node, ast.ImportFrom)}
    listed = [name for group in main.START_IMPORTS for name in group]
    packages = {name for name in needed if not (root / "py" / (name.replace(".", "/") + ".py")).exists()}
    assert sorted(needed - packages - at_top - set(listed)) == []
    assert sorted(set(listed) - needed) == []
    assert len(listed) == len(set(listed))
