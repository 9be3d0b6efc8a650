"""The Exercises view (app/exercises/view.py, app/exercises/results.py) on the fake page, made when its tab is first
picked, with the real checker behind its worker (py/checker/door.py): the exercise of the link, the student's code
kept as it is typed, a Check of the network on screen laid out row by row with its hints, and another exercise
chosen into the link.

Oracles: the exercises' data (py/exercises/), and the checker's own answer for the same code and network."""

import asyncio
import json

import exercises
from app.exercises import screen
from app.link import write_link
from app.settings import DEFAULTS
from checker import door as checker
from lab_page import open_page, settle
from shared.protocol import read


def click(element):
    for kind, handler in element.listeners:
        if kind == "click":
            handler(None)


def texts(element):
    """The text of an element, its children's joined (a paragraph of text and <code>)."""
    return element.textContent or "".join(texts(child) for child in element.children)


def exercise_page(monkeypatch, search="?view=exercise"):
    """The page of a link to the Exercises view, built inside the event loop (the view starts its worker at once)."""
    built = []

    async def build():
        page, window, context, lab = open_page(monkeypatch, search)
        built.append((page, window, context, lab, context.views["exercise"]))
        await settle()

    asyncio.run(build())
    return built[0]


def test_the_links_exercise_with_the_starter_code_and_the_buttons_once_ready(monkeypatch, session):
    page, _window, context, _lab, view = exercise_page(monkeypatch, "?view=exercise&exercise=backward")
    backward = exercises.get("backward")
    assert [texts(p) for p in page.element("exercise-statement").children] == [
        paragraph.replace("`", "") for paragraph in backward.STATEMENT
    ]
    assert page.element("exercise").value == "backward"
    assert page.element("exercise-train").hidden is False

    async def scenario():
        await settle()
        assert view.editor.text() == backward.STARTER
        assert view.runner.ready
        assert page.element("exercise-check").disabled is True  # the network on screen is not there yet
        await context.start()
        await settle()

    asyncio.run(scenario())
    assert [page.element("exercise-" + key).disabled for key in ("run", "check", "train", "stop")] == [
        False,
        False,
        False,
        True,
    ]
    assert page.element("exercise-status").textContent == "Ready: press Run to run your code, Check to check it."


def test_a_check_of_the_starter_code_shows_the_checkers_rows_and_its_hints(monkeypatch, session):
    page, _window, context, _lab, view = exercise_page(monkeypatch)
    forward = exercises.get("forward")

    async def scenario():
        await context.start()
        await settle()
        view.check()
        await settle()

    asyncio.run(scenario())
    network = screen.network_json(view.context)
    assert json.loads(network)["params"] == context.snap["params_text"]
    answer, _ = read(checker.check("forward", forward.STARTER, network))
    assert page.element("exercise-status").textContent == "Checked: {}.".format(answer["summary"])
    results = page.element("exercise-results")
    summary, *rest = results.children
    assert summary.textContent == answer["summary"]
    table = next(child for child in rest if child.tag == "table")
    rows = table.children[2].children
    assert [row.children[0].textContent for row in rows] == [row["name"] for row in answer["rows"]]
    assert [row.children[1].textContent for row in rows] == [row["result_text"] for row in answer["rows"]]
    first = answer["first_wrong"]
    hints = next(child for child in rest if child.className == "hints")
    button = hints.children[-1]
    assert button.textContent == "Hint 1 of {} for {}".format(len(forward.HINTS[first]), first)


def test_another_exercise_goes_into_the_link_and_the_code_is_kept_per_exercise(monkeypatch):
    page, window, context, _lab, view = exercise_page(monkeypatch)

    async def scenario():
        await settle()
        view._on_edit("Z1 = 'mine'")
        page.element("exercise").value = "backward"
        for kind, handler in page.element("exercise").listeners:
            if kind == "change":
                handler(None)
        await settle()

    asyncio.run(scenario())
    assert window.stored == {"backprop-lab:exercise:forward": "Z1 = 'mine'"}
    assert context.settings["exercise"] == "backward"
    assert window.pushed == [write_link(dict(DEFAULTS, view="exercise", exercise="backward"))]
    assert view.editor.text() == exercises.get("backward").STARTER
    assert view.saved_code("forward") == "Z1 = 'mine'"
