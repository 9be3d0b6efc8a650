"""The lab view (app/lab/view.py) on a fake page, talking through app/door.py to the real worker functions
(py/worker/door.py): links, settings, Step, Train and Pause, divergence, Reset, a failing worker, and the
Notebook view: its tabs, its refresh a section a frame and its Take this step.

What the page shows is checked against the worker's own Run and against backprop.Run trained independently.
"""

import asyncio
import json
import platform
import types

import numpy as np

import fake_dom
from app.lab import view as lab_module
from app.lab.readouts import format_cost
from app.settings import write_link
from backprop import Config, Run
from lab_page import FIELDS, FakeWorker, Page, Window, open_lab, readout, session, settle  # noqa: F401
from shared.protocol import read
from worker import door as exports
from worker.notebook import html as notebook_html
from worker.notebook.html import SECTION_KEYS


def test_a_link_sets_up_the_page_and_the_network(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch, "?n_h=3&learning_rate=0.46&seed=x&log_scale=1")
    # before the worker answers: the link's settings in the form, its bad value named, the link made whole
    assert page.text("status") == "starting"
    assert (page.elements["n_h"].value, page.elements["learning_rate"].value) == ("3", "0.46")
    assert page.elements["log_scale"].checked is True
    assert page.elements["messages"].texts() == [
        "The link's seed was ignored, so it is 2: seed must be a whole number from 0 to 4294967295 (got 'x')."
    ]
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
    assert [cells["a2"].textContent for cells in lab.predictions.cells] == [
        "%.4f" % a for a in oracle.A2.reshape(-1).tolist()
    ]
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


# --- the Notebook view ------------------------------------------------------------------------------------------------

LINK = (
    "?n_h=2&activation=tanh&cost=half_mse&learning_rate=10&seed=2&table=XOR&notebook_mode=false&speed=10"
    "&log_scale=false&embed=false"
)


class Target:
    """An event's target: closest(selector) is `inside` when it matches selector, else None."""

    def __init__(self, inside=None):
        self.inside = inside

    def closest(self, selector):
        return self.inside if self.inside is not None and fake_dom.matches(self.inside, selector) else None


def click(element, target):
    event = types.SimpleNamespace(target=target, key=None, preventDefault=lambda: None)
    for kind, handler in element.listeners:
        if kind == "click":
            handler(event)


def sections(page):
    """The notebook's sections on the page: key -> (shown, the body's HTML)."""
    return {
        key: (not section.hidden, section.children[1].props.get("innerHTML"))
        for key, section in zip(SECTION_KEYS, page.elements["notebook"].children)
    }


def shown(page):
    return [key for key, (visible, _) in sections(page).items() if visible]


def tab_state(page):
    return (
        page.documentElement.dataset.view,
        page.elements["tab-lab"].getAttribute("aria-selected"),
        page.elements["tab-notebook"].getAttribute("aria-selected"),
        page.elements["view-lab"].hidden,
        page.elements["view-notebook"].hidden,
    )


async def fill_notebook(page, window):
    """Let the notebook render to its end, a section a frame; returns the sections shown after each frame."""
    seen = [shown(page)]
    while window.frames:
        window.frames.pop(0)(len(seen) * 16.7)
        await settle()
        seen.append(shown(page))
    return seen


def the_workers_notebook(session):
    """Each section's HTML as the worker sends it now (the body of exports.notebook's answer), by key: what
    notebook_html.page writes for the session's network."""
    data, body = read(exports.notebook(True))
    keys = data["keys"]
    html = dict(zip(keys, body))
    assert keys == list(SECTION_KEYS) and html == notebook_html.page(session.notebook(True))["html"]
    return html


def test_the_notebook_view_asks_for_the_notebook_and_writes_a_section_a_frame(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch, "?view=notebook")
    assert window.replaced == [LINK + "&view=notebook"]
    assert tab_state(page) == ("notebook", "false", "true", True, False)

    async def scenario():
        await lab.start()
        await settle()
        assert page.calls.count("notebook") == 1
        assert page.calls.index("notebook") > page.calls.index("configure")  # after the first snapshot
        return await fill_notebook(page, window)

    seen = asyncio.run(scenario())
    assert seen == [list(SECTION_KEYS[:n]) for n in range(1, 7)] + [list(SECTION_KEYS)]  # one per frame, in order
    assert {key: html for key, (_, html) in sections(page).items()} == the_workers_notebook(session)
    assert lab.notebook_version == session.version and not lab.notebook_busy
    assert page.calls.count("notebook") == 1 and window.frames == []  # current: not asked again


def test_the_lab_view_does_not_ask_for_the_notebook(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch)
    assert tab_state(page) == ("lab", "true", "false", False, True)

    async def scenario():
        await lab.start()
        await settle()
        lab.step()
        await settle()

    asyncio.run(scenario())
    assert "notebook" not in page.calls and page.calls.count("step") == 1
    assert page.elements["notebook"].children == [] and window.frames == []


def test_a_tab_click_shows_the_notebook_and_puts_the_view_in_the_address(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch)

    async def scenario():
        await lab.start()
        await settle()
        click(page.tablist, Target(page.elements["tab-notebook"]))
        assert window.pushed == [LINK + "&view=notebook"]
        assert tab_state(page) == ("notebook", "false", "true", True, False)
        await settle()
        assert page.calls.count("notebook") == 1 and shown(page) == ["setup"]
        assert (await fill_notebook(page, window))[-1] == list(SECTION_KEYS)

        # back to the lab: nothing more is asked of the worker, even as the network changes
        click(page.tablist, Target(page.elements["tab-lab"]))
        assert window.pushed[-1] == LINK + "&view=lab"
        assert tab_state(page) == ("lab", "true", "false", False, True)
        lab.step()
        await settle()
        assert page.calls.count("notebook") == 1 and window.frames == []

        # and to the notebook again: it is a step behind, so it is asked for again
        click(page.tablist, Target(page.elements["tab-notebook"]))
        await settle()
        assert page.calls.count("notebook") == 2
        await fill_notebook(page, window)

    asyncio.run(scenario())
    assert window.pushed == [LINK + "&view=notebook", LINK + "&view=lab", LINK + "&view=notebook"]
    assert session.run.step == 1 and lab.notebook_version == session.version
    assert sections(page)["step"][1] == the_workers_notebook(session)["step"]


def test_take_this_step_in_the_notebook_takes_one_step(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch, "?view=notebook")
    notebook = page.elements["notebook"]

    async def scenario():
        await lab.start()
        await settle()
        await fill_notebook(page, window)
        # the step section's button (its HTML is the worker's; here a fake element in its place)
        body = notebook.children[SECTION_KEYS.index("step")].children[1]
        assert 'data-action="step">Take this step</button>' in body.innerHTML
        button = page.createElement("button")
        button.setAttribute("data-action", "step")
        body.appendChild(page.createElement("p")).appendChild(button)
        click(notebook, Target(button))
        await settle()
        assert readout(page)[:2] == ("paused", "1")
        # a click elsewhere in the notebook (a heading, a term) takes no step
        click(notebook, Target(notebook.children[0].children[0]))
        click(notebook, Target())
        await settle()
        assert page.calls.count("notebook") == 2  # the notebook follows the step
        await fill_notebook(page, window)

    asyncio.run(scenario())
    assert page.calls.count("step") == 1 and session.run.step == 1
    oracle = Run(Config())
    oracle.train(1)
    assert readout(page) == ("paused", "1", format_cost(oracle.cost))
    assert {key: html for key, (_, html) in sections(page).items()} == the_workers_notebook(session)
    assert "nb-changed" in sections(page)["setup"][1]  # the setup shows that the weights have moved


def test_back_to_a_notebook_link_shows_the_notebook(monkeypatch, session):
    page, window, lab = open_lab(monkeypatch)

    async def scenario():
        await lab.start()
        await settle()
        window.location.search = LINK + "&view=notebook"
        lab.on_history()
        assert tab_state(page) == ("notebook", "false", "true", True, False)
        await settle()
        assert page.calls.count("notebook") == 1
        await fill_notebook(page, window)

    asyncio.run(scenario())
    assert shown(page) == list(SECTION_KEYS) and lab.settings["view"] == "notebook"
    assert window.pushed == []  # Back does not add to the history
