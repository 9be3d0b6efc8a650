"""The questions as the page shows them (app/exercises/questions.py) on the fake document: a radio group per
question, "Check my answer" scores the choice against the answer's index and shows the explanation; the answers
go into the path's marks, and an answered question is shown answered again. Oracle: the questions' data itself
(the checker's, whose numbers tests/checker/test_questions.py holds to a computation of its own)."""

import json

import pytest

import fake_dom
from app.exercises import path
from app.exercises.questions import QuestionsView
from checker import questions as checker_questions


@pytest.fixture
def document(monkeypatch):
    document = fake_dom.install(monkeypatch)
    elements = {name: document.createElement("div") for name in ("exercise-questions-list",)}
    elements["exercise-questions-status"] = document.createElement("p")
    document.getElementById = elements.get
    return document


def asked():
    params = {
        "W0": ["0.04", "-0.03"],
        "b0": ["0.1"],
        "W1": ["-0.02"],
        "b1": ["0.1"],
    }
    screen = json.dumps({"n_h": 1, "table": "XOR", "seed": 0, "step": 0, "params": params})
    return checker_questions.questions("backward", screen, "{}")["questions"]


def groups(document):
    return document.getElementById("exercise-questions-list").children


def parts(group):
    """(legend, radios, button, verdict) of a question's fieldset."""
    children = group.children
    radios = [line.children[0] for line in children if line.tag == "div"]
    return children[0], radios, children[-2], children[-1]


def click(element):
    for _kind, handler in element.listeners:
        handler(None)


def test_a_right_and_a_wrong_answer_are_scored_and_explained(document):
    marks, answers = path.Marks(), []

    def answered(name, question, choice):
        answers.append((question["id"], choice))
        marks.answered(name, question, choice, "t")

    view = QuestionsView(document, answered)
    made = asked()
    marks.asked["backward"] = [q["id"] for q in made]
    view.show("backward", made, marks)
    assert document.getElementById("exercise-questions-status").textContent == "0 of 4 questions answered, 0 right."
    legend, radios, button, verdict = parts(groups(document)[0])
    question = made[0]
    assert legend.textContent == "Question 1: " + question["prompt"]
    assert [radio.type for radio in radios] == ["radio"] * len(question["choices"])
    assert len({radio.name for radio in radios}) == 1
    click(button)  # nothing chosen: asked to choose, nothing recorded
    assert verdict.textContent == "Choose an answer first." and answers == []
    radios[question["answer"]].checked = True
    click(button)
    assert verdict.textContent == "Right. " + question["explanation"]
    legend, radios, button, verdict = parts(groups(document)[1])
    question = made[1]
    wrong = (question["answer"] + 1) % len(question["choices"])
    radios[wrong].checked = True
    click(button)
    right_text = question["choices"][question["answer"]]
    assert verdict.textContent == "Not quite: the answer is “{}”. {}".format(right_text, question["explanation"])
    assert answers == [(made[0]["id"], made[0]["answer"]), (question["id"], wrong)]
    assert document.getElementById("exercise-questions-status").textContent == "2 of 4 questions answered, 1 right."
    assert marks.status(("questions", "backward")) == "tried"
    # shown again (another visit): the answers chosen are checked and explained
    view.show("backward", made, marks)
    legend, radios, button, verdict = parts(groups(document)[1])
    assert radios[wrong].checked is True and verdict.textContent.startswith("Not quite")


def test_no_questions_and_a_failure_say_so_without_blocking(document):
    view = QuestionsView(document, lambda *args: None)
    view.waiting("forward")
    assert document.getElementById("exercise-questions-status").textContent.startswith("Making the questions")
    view.show("forward", [], path.Marks())
    assert groups(document) == [] and "go on to it" in document.getElementById("exercise-questions-status").textContent
    view.failed("The questions could not be made: no.")
    assert document.getElementById("exercise-questions-status").textContent == "The questions could not be made: no."
