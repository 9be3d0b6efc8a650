"""The Notebook view's DOM (py/app/notebook/view.py) on the fake DOM: the section elements, each body written with the
worker's HTML only when it changed. The HTML is the worker's own (py/worker/notebook/html.py's page of real dicts
of py/worker/notebook/sections.py), as the page gets it.
"""

import json

import pytest

import fake_dom
from app.notebook.view import NotebookView
from backprop import Config, Run
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
    view = NotebookView(container)
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
    view = NotebookView(container)
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
