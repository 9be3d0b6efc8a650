"""What a Run or a Check found (app/exercises/results.py) on the fake DOM, laid out from the real checker's answer
(py/checker/): the error and its line, the values returned, a row per checked value, the first wrong one with its
formula, and its hints one press at a time, the solution's line last and only once confirmed.

Oracles: the checker's answer for the starter code, and the exercise's own hints and solution (py/exercises/)."""

import json

import pytest

import exercises
from app.exercises.results import ExerciseResults
from checker import door as checker
from lab_page import Page
from shared.protocol import read
from worker.lab.session import Session


@pytest.fixture(scope="module")
def network():
    session = Session()
    session.configure({})
    snap = session.snapshot()
    return json.dumps({"n_h": 2, "table": "XOR", "seed": 2, "step": 0, "params": snap["params_text"]})


def press(button):
    for kind, handler in button.listeners:
        if kind == "click":
            handler(None)


def test_a_checks_rows_and_the_hints_then_the_solutions_line(network):
    forward = exercises.get("forward")
    answer, _ = read(checker.check("forward", forward.STARTER, network))
    page, lines = Page(), []
    results = ExerciseResults(page, lines.append)
    results.show_check(answer, forward)
    box = page.element("exercise-results")
    assert box.children[0].textContent == answer["summary"]
    table = next(child for child in box.children if child.tag == "table")
    rows = table.children[2].children
    assert [[cell.textContent for cell in row.children] for row in rows] == [
        [row["name"], row["result_text"], row["error_text"], row["diagnosis"]["text"] if row.get("diagnosis") else ""]
        for row in answer["rows"]
    ]
    first = answer["first_wrong"]
    assert [row.children[0].textContent for row in rows if "first-wrong" in row.classList.names] == [first]
    formula = next(child for child in box.children if child.className == "formula")
    assert formula.children[1].textContent == answer["formula"]

    hints = forward.HINTS[first]
    for shown in range(len(hints)):
        box_of_hints = next(child for child in box.children if child.className == "hints")
        assert [p.textContent for p in box_of_hints.children[:-1]] == [
            "Hint {} of {}: {}".format(i + 1, len(hints), hints[i]) for i in range(shown)
        ]
        press(box_of_hints.children[-1])
    box_of_hints = next(child for child in box.children if child.className == "hints")
    assert box_of_hints.children[-1].textContent == "Show the solution's line for {}".format(first)
    press(box_of_hints.children[-1])
    question, yes, _no = box_of_hints.children[-3:]
    assert question.textContent == "This shows the answer itself. Show the solution's line for {}?".format(first)
    press(yes)
    assert box_of_hints.children[-1].textContent == exercises.reference_line(forward, first)
    assert box_of_hints.children[-1].className == "solution-line"


def test_an_error_names_its_line_and_goes_there(network):
    code = exercises.get("forward").STARTER.replace("Z1 = None", "Z1 = nope")
    answer, _ = read(checker.run("forward", code, network))
    page, lines = Page(), []
    results = ExerciseResults(page, lines.append)
    results.show_problem(answer["error"], answer.get("stopped"))
    problem = page.element("exercise-error")
    error = answer["error"]
    assert problem.children[0].textContent == "Line {}: {}: {}".format(error["line"], error["kind"], error["message"])
    button = problem.children[-1]
    assert button.textContent == "Go to line {}".format(error["line"])
    press(button)
    assert lines == [error["line"]]


def test_the_values_a_run_returned(network):
    code = exercises.get("forward").STARTER.replace("J = None", "J = 0.25")
    answer, _ = read(checker.run("forward", code, network))
    assert answer["values"]
    page = Page()
    results = ExerciseResults(page, None)
    results.show_values(answer["values"])
    heading, listing = page.element("exercise-results").children
    assert heading.textContent == "What your code returned"
    assert [child.textContent for child in listing.children] == [
        text for value in answer["values"] for text in (value["name"], value["text"])
    ]
    results.show_values([])
    assert page.element("exercise-results").children == []
