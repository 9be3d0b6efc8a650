"""The Notebook view (py/app/notebook/view.py) on the fake page, through the context and the real worker functions
(py/worker/door.py): asked for when shown and out of date, written a section a frame, its Take this step; and its
Sections on the fake DOM: the section elements, each body written with the
worker's HTML only when it changed. The HTML is the worker's own (py/worker/notebook/html.py's page of real dicts
of py/worker/notebook/sections.py), as the page gets it.
"""

import asyncio
import json
import types

import pytest

import fake_dom
from app.lab.readouts import format_cost
from app.notebook.view import Sections
from backprop import Config, Run
from lab_page import open_page, readout, settle
from shared.protocol import read
from worker import door as exports
from worker.notebook import html as notebook_html
from worker.notebook.html import SECTION_KEYS, SECTION_TITLES, page
from worker.notebook.sections import notebook


def as_page_gets_it(view):
    return json.loads(json.dumps(view))


@pytest.fixture(scope="module")
def default():
    return as_page_gets_it(page(notebook(Run())))


@pytest.fixture(scope="module")
def notebook_mode():
    return as_page_gets_it(page(notebook(Run(Config(notebook_mode=True)))))


def writes(document):
    return [value for name, value in document.log if name == "innerHTML"]


def show(view, answer):
    """What the lab does with the worker's answer: each section in order, then the others hidden. Returns how many
    bodies were written."""
    written = sum(view.show_section(key, answer) for key in answer["keys"])
    view.hide_others(answer)
    return written


def test_the_view_writes_only_changed_sections(monkeypatch, default):
    document = fake_dom.install(monkeypatch)
    container = document.createElement("div")
    view = Sections(container)
    assert container.children == []  # nothing until first used
    assert show(view, default) == 6
    sections = container.children
    assert [s.tag for s in sections] == ["section"] * 6
    for section, key in zip(sections, SECTION_KEYS):
        title, body = section.children
        assert section.className == "nb-section" and section.hidden is False
        assert title.tag == "h3" and title.textContent == SECTION_TITLES[key]
        assert section.getAttribute("aria-labelledby") == title.id and title.id.startswith("nb-")
        assert body.tag == "div" and body.className == "nb-body"
        assert body.innerHTML == default["html"][key]
    assert len({s.children[0].id for s in sections}) == 6
    assert len(writes(document)) == 6
    assert show(view, default) == 0 and show(view, as_page_gets_it(default)) == 0
    assert len(writes(document)) == 6

    # a step later every section but the log (a fresh run of the same settings) has changed
    run = Run()
    run.train(1)
    later = as_page_gets_it(page(notebook(run)))
    assert show(view, later) == 5
    assert len(writes(document)) == 11
    assert sections[5].children[1].innerHTML == default["html"]["log"]
    assert [s.children[1].innerHTML for s in sections[:5]] == [later["html"][key] for key in SECTION_KEYS[:5]]

    # without the log the log's section is hidden, and shown again with it
    without_log = as_page_gets_it(page(notebook(run, log=False)))
    assert "log" not in without_log["keys"]
    assert show(view, without_log) == 0
    assert sections[5].hidden is True and [s.hidden for s in sections[:5]] == [False] * 5
    assert show(view, later) == 0 and sections[5].hidden is False
    assert len(container.children) == 6 and len(writes(document)) == 11


def test_sections_are_made_when_first_named_in_that_order(monkeypatch, default, notebook_mode):
    document = fake_dom.install(monkeypatch)
    container = document.createElement("div")
    view = Sections(container)
    assert view.show_section("backward", default) == 1
    sections = container.children
    assert len(sections) == 1  # only the section named so far
    backward = sections[0]
    assert backward.children[0].textContent == SECTION_TITLES["backward"] and backward.hidden is False
    assert view.show_section("backward", default) == 0
    assert view.show_section("backward", notebook_mode) == 1  # the notebook's slip: a new backward section
    assert backward.children[1].innerHTML == notebook_mode["html"]["backward"]
    assert len(writes(document)) == 2

    # the others follow in the order they are named
    assert view.show_section("setup", default) == 1 and view.show_section("log", default) == 1
    assert [s.children[0].textContent for s in container.children] == [
        SECTION_TITLES[key] for key in ("backward", "setup", "log")
    ]
    assert container.children[0] is backward

    # hide_others hides only the sections the answer lacks
    view.hide_others({"keys": ["setup"], "titles": {}, "html": {}})
    assert [s.hidden for s in container.children] == [True, False, True]
    assert view.show_section("log", default) == 0 and container.children[2].hidden is False


# --- the Notebook view ------------------------------------------------------------------------------------------------

LINK = (
    "?n_h=2&activation=tanh&cost=half_mse&learning_rate=10&seed=2&table=XOR&notebook_mode=false&batch=full&speed=10"
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
        for key, section in zip(SECTION_KEYS, page.element("notebook").children)
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
    page, window, context, _lab = open_page(monkeypatch, "?view=notebook")
    assert window.replaced == [LINK + "&view=notebook"]
    assert tab_state(page) == ("notebook", "false", "true", True, False)

    async def scenario():
        await context.start()
        await settle()
        assert page.calls.count("notebook") == 1
        assert page.calls.index("notebook") > page.calls.index("configure")  # after the first snapshot
        return await fill_notebook(page, window)

    seen = asyncio.run(scenario())
    assert seen == [list(SECTION_KEYS[:n]) for n in range(1, 7)] + [list(SECTION_KEYS)]  # one per frame, in order
    assert {key: html for key, (_, html) in sections(page).items()} == the_workers_notebook(session)
    assert context.views["notebook"].version == session.version and not context.views["notebook"].busy
    assert page.calls.count("notebook") == 1 and window.frames == []  # current: not asked again


def test_the_lab_view_does_not_ask_for_the_notebook(monkeypatch, session):
    page, window, context, lab = open_page(monkeypatch)
    assert tab_state(page) == ("lab", "true", "false", False, True)

    async def scenario():
        await context.start()
        await settle()
        lab.step()
        await settle()

    asyncio.run(scenario())
    assert "notebook" not in page.calls and page.calls.count("step") == 1
    assert page.element("notebook").children == [] and window.frames == []


def test_a_tab_click_shows_the_notebook_and_puts_the_view_in_the_address(monkeypatch, session):
    page, window, context, lab = open_page(monkeypatch)

    async def scenario():
        await context.start()
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
    assert session.run.step == 1 and context.views["notebook"].version == session.version
    assert sections(page)["step"][1] == the_workers_notebook(session)["step"]


def test_take_this_step_in_the_notebook_takes_one_step(monkeypatch, session):
    page, window, context, _lab = open_page(monkeypatch, "?view=notebook")
    notebook = page.element("notebook")

    async def scenario():
        await context.start()
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
    page, window, context, lab = open_page(monkeypatch)

    async def scenario():
        await context.start()
        await settle()
        window.location.search = LINK + "&view=notebook"
        lab.on_history()
        assert tab_state(page) == ("notebook", "false", "true", True, False)
        await settle()
        assert page.calls.count("notebook") == 1
        await fill_notebook(page, window)

    asyncio.run(scenario())
    assert shown(page) == list(SECTION_KEYS) and context.settings["view"] == "notebook"
    assert window.pushed == []  # Back does not add to the history


def test_the_notebook_says_which_data_it_is_worked_through_on():
    from app.notebook.view import at_text

    table = {"step": 3, "cost_text": "0.125", "m": 4, "data": None}
    assert at_text(table) == "Worked through for the network at step 3, cost J = 0.125."
    spiral = notebook(Run(Config(data="spiral", data_size=40, data_seed=2)), numeric=False, log=False)["run"]
    assert at_text(as_page_gets_it(spiral)) == (
        "Worked through for the network at step 0, cost J = {}, over the 20 training examples of the spiral "
        "(data seed 2, 40 points, noise 0 %, 50 % for training).".format(spiral["cost_text"])
    )
    one = {"step": 0, "cost_text": "0.5", "m": 1, "data": "your points"}
    assert at_text(one).endswith(", over the 1 training example of your points.")
