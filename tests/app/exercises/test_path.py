"""The path through the exercises (app/exercises/path.py) and the link that chooses it (app/settings.py's
exercises= and solutions=): the steps in order, the marks in words, kept in the browser and read back after a
reload, a corrupt stored value ignored; the Exercises view on the fake page with an instructor's link.

Oracles: the exercises' names (py/exercises/), marks written by hand, and the checker's own answer for the code."""

import asyncio
import json
import types

import pytest

import exercises
import lab_page
from app.exercises import path, screen
from app.link import read_link, write_link
from checker import door as checker
from lab_page import open_page, settle
from shared.protocol import read


def test_the_path_is_every_exercise_in_order_with_its_questions_first():
    assert path.chosen("") == exercises.NAMES
    steps = path.steps(exercises.NAMES)
    assert [name for kind, name in steps if kind == "exercise"] == list(exercises.NAMES)
    for name in path.QUESTION_SETS:
        assert steps.index(("questions", name)) + 1 == steps.index(("exercise", name))
    assert path.step_title(("exercise", "forward")) == exercises.get("forward").TITLE
    assert path.step_title(("questions", "forward")) == "Predict: the forward pass"


def test_the_link_chooses_the_exercises_and_their_order():
    settings, messages = read_link("?exercises=backward,forward&solutions=hide")
    assert (settings["exercises"], settings["solutions"], messages) == ("backward,forward", "hide", [])
    assert path.chosen(settings["exercises"]) == ("backward", "forward")
    assert path.steps(("backward", "forward"))[:2] == [("questions", "backward"), ("exercise", "backward")]
    # written back only when not the defaults, and read back the same
    assert "exercises=backward%2Cforward&solutions=hide" in write_link(settings)
    assert "exercises=" not in write_link(read_link("")[0]) and "solutions=" not in write_link(read_link("")[0])
    assert read_link(write_link(settings)) == (settings, [])


@pytest.mark.parametrize(
    "query, kept, named",
    [
        ("?exercises=forward,sideways", "forward", ["'sideways' is not an exercise"]),
        ("?exercises=SIDEWAYS,Backward,zz", "backward", ["'sideways', 'zz' are not exercises"]),
        ("?exercises=nothing", "", ["'nothing' is not an exercise"]),
        ("?exercises=backward,backward,,forward", "backward,forward", []),
        ("?exercises=%3Cb%3Ex%3C%2Fb%3E", "", ["'<b>x</b>' is not an exercise"]),
    ],
)
def test_unknown_exercises_are_named_and_the_rest_applies(query, kept, named):
    settings, messages = read_link(query + "&seed=7")
    assert settings["exercises"] == kept and settings["seed"] == 7
    assert len(messages) == len(named)
    for message, words in zip(messages, named):
        assert message.startswith("The link's exercises: ") and words in message
        assert "the exercises: " + ", ".join(exercises.NAMES) in message
    assert path.chosen(settings["exercises"]) == (tuple(kept.split(",")) if kept else exercises.NAMES)


@pytest.mark.parametrize("value", ["maybe", "", "HIDDEN", "0"])
def test_a_bad_solutions_value_falls_back_to_show_with_a_message(value):
    settings, messages = read_link("?solutions=" + value)
    assert settings["solutions"] == "show"
    assert messages == [
        "The link's solutions was ignored, so it is show: solutions must be one of show, hide (got {!r}).".format(value)
    ]


ANSWER = {
    "right": 5,
    "total": 5,
    "summary": "5 of 5 right",
    "rows": [{"name": n, "status": "right", "error": 1e-17} for n in ("Z1", "A1", "Z2", "A2", "J")],
}
QUESTION = {"id": "forward.a2-side", "prompt": "Above or below?", "choices": ["above", "below"], "answer": 1}


class Storage:
    def __init__(self, stored=None, refuse=False):
        self.stored, self.refuse = dict(stored or {}), refuse

    def getItem(self, key):
        if self.refuse:
            raise RuntimeError("SecurityError: the page may not use localStorage")
        return self.stored.get(key)

    def setItem(self, key, value):
        if self.refuse:
            raise RuntimeError("QuotaExceededError")
        self.stored[key] = value


def browser(stored=None, refuse=False):
    return type("Window", (), {"localStorage": Storage(stored, refuse)})()


def test_the_marks_survive_a_reload():
    marks = path.Marks()
    assert [marks.status(step) for step in path.steps(("forward",))] == ["not started", "not started"]
    marks.tried("backward")
    marks.checked("forward", ANSWER, "def forward(): ...", {"n_h": 2, "seed": 2}, "2026-12-07T18:00:00.000Z")
    marks.asked["forward"] = ["forward.a2-side", "forward.cost-level"]
    marks.answered("forward", QUESTION, 0, "2026-12-07T18:01:00.000Z")
    window = browser()
    assert path.save(window, marks)
    again = path.load(browser(window.localStorage.stored))  # a reload: only the stored text is left
    assert again.exercises == marks.exercises and again.questions == marks.questions and again.asked == marks.asked
    assert again.status(("exercise", "forward")) == "done"
    assert again.status(("exercise", "backward")) == "tried"
    assert again.status(("questions", "forward")) == "tried"  # one of two answered
    assert again.score("forward") == (0, 1)
    assert again.exercises["forward"]["rows"] == [{"name": n, "status": "right"} for n in ("Z1", "A1", "Z2", "A2", "J")]
    assert again.exercises["forward"]["code"] == "def forward(): ..."
    assert again.questions["forward.a2-side"]["right"] is False


def test_a_check_with_a_wrong_value_or_a_crash_is_tried():
    marks = path.Marks()
    wrong = dict(ANSWER, right=4, summary="4 of 5 right")
    marks.checked("forward", wrong, "code", {}, "t")
    assert marks.status(("exercise", "forward")) == "tried"
    marks.checked("forward", dict(ANSWER, error={"kind": "SyntaxError"}), "code", {}, "t")
    assert marks.status(("exercise", "forward")) == "tried" and marks.exercises["forward"]["right"] == 0
    marks.checked("forward", ANSWER, "code", {}, "t")
    marks.tried("forward")  # a later Run keeps the check's mark
    assert marks.status(("exercise", "forward")) == "done"


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "{",
        "null",
        "[1, 2]",
        '"done"',
        '{"exercises": [], "questions": 3, "asked": "x"}',
        '{"exercises": {"forward": "done", "backward": {"status": "finished"}, "sideways": {"status": "done"}}}',
        '{"exercises": {"forward": {"status": "done", "checked_at": "t", "rows": 5}}}',
        '{"questions": {"q": {"choice": "1", "answer": 0, "choices": [], "right": true}}}',
        '{"questions": {"q": {"choice": 1, "answer": 0, "choices": ["a"], "right": "yes"}}}',
        '{"asked": {"forward": 7, "zz": ["a"]}}',
    ],
)
def test_corrupt_stored_marks_are_ignored_without_an_error(text):
    marks = path.load(browser({path.STORAGE_KEY: text} if text is not None else {}))
    assert (marks.exercises, marks.questions, marks.asked) == ({}, {}, {})
    assert [marks.status(step) for step in path.steps(exercises.NAMES)] == ["not started"] * len(
        path.steps(exercises.NAMES)
    )


def test_the_good_entries_of_a_partly_corrupt_store_are_kept():
    text = json.dumps(
        {
            "exercises": {"forward": {"status": "tried"}, "backward": {"status": 3}},
            "questions": {"forward.a2-side": {"exercise": "forward", "choice": 1, "answer": 1, "choices": ["a", "b"],
                                              "right": True}, "bad": []},
            "asked": {"forward": ["forward.a2-side", 4]},
        }
    )  # fmt: skip
    marks = path.Marks.read(text)
    assert marks.exercises == {"forward": {"status": "tried"}}
    assert list(marks.questions) == ["forward.a2-side"] and marks.asked == {"forward": ["forward.a2-side"]}
    assert marks.status(("questions", "forward")) == "done"


def test_a_browser_that_keeps_nothing_gives_empty_marks_and_says_so():
    window = browser(refuse=True)
    assert path.load(window).exercises == {}
    assert path.save(window, path.Marks()) is False


# --- the view on the fake page ------------------------------------------------------------------------------------


def exercise_page(monkeypatch, search, stored=None):
    built = []

    class Kept(lab_page.Window):  # a browser that already holds what an earlier visit stored
        def __init__(self, query=""):
            super().__init__(query)
            self.stored.update(stored or {})

    monkeypatch.setattr(lab_page, "Window", Kept)

    async def build():
        page, window, context, _lab = open_page(monkeypatch, search)
        built.append((page, window, context, context.views["exercise"]))
        await settle()

    asyncio.run(build())
    return built[0]


def path_texts(page):
    return [item.children[0].children[0].textContent for item in page.element("exercise-path-list").children]


def marks_texts(page):
    return [item.children[0].children[2].textContent for item in page.element("exercise-path-list").children]


def current(page):
    return [
        item.children[0].children[0].textContent
        for item in page.element("exercise-path-list").children
        if item.children[0].getAttribute("aria-current") == "step"
    ]


def test_an_instructors_link_sets_the_path_and_the_marks_survive_a_reload(monkeypatch, session):
    link = "?view=exercise&exercise=forward&exercises=forward,zz&solutions=hide"
    page, window, context, view = exercise_page(monkeypatch, link)
    assert path_texts(page) == ["1. Predict: the forward pass", "2. " + exercises.get("forward").TITLE]
    assert marks_texts(page) == ["not started", "not started"]
    assert current(page) == ["2. " + exercises.get("forward").TITLE]
    note = page.element("exercise-path-note")
    assert note.hidden is False and "'zz' is not an exercise" in note.textContent
    assert view.results.solutions is False
    assert [option.value for option in page.element("exercise").children] == ["forward"]

    async def scenario():
        await context.start()
        await settle()
        view.editor.setText(exercises.get("forward").SOLUTION)
        view.check()
        await settle()

    asyncio.run(scenario())
    answer, _ = read(checker.check("forward", exercises.get("forward").SOLUTION, screen.network_json(view.context)))
    assert answer["right"] == answer["total"]
    assert marks_texts(page) == ["not started", "done"]
    stored = dict(window.stored)
    kept = json.loads(stored[path.STORAGE_KEY])["exercises"]["forward"]
    assert (kept["right"], kept["total"], kept["code"]) == (
        answer["right"],
        answer["total"],
        exercises.get("forward").SOLUTION,
    )
    assert [row["status"] for row in kept["rows"]] == [row["status"] for row in answer["rows"]]
    # a reload: a new page, the same browser storage
    page, window, context, view = exercise_page(monkeypatch, link, stored)
    assert marks_texts(page) == ["not started", "done"]
    assert view.marks.exercises["forward"] == json.loads(stored[path.STORAGE_KEY])["exercises"]["forward"]


def click(element):
    for _kind, handler in element.listeners:
        handler(None)


def step_button(page, number):
    return page.element("exercise-path-list").children[number].children[0]


def test_choosing_a_step_shows_it_and_marks_it_current(monkeypatch, session):
    page, _window, _context, _view = exercise_page(monkeypatch, "?view=exercise&exercises=backward")
    assert current(page) == ["2. " + exercises.get("backward").TITLE]  # the link's exercise (forward) is not there
    click(step_button(page, 0))
    assert current(page) == ["1. Predict: the backward pass"]
    assert page.element("exercise-questions").hidden is False and page.element("exercise-work").hidden is True
    page, _window, context, _view = exercise_page(monkeypatch, "?view=exercise&exercises=backward,forward")
    assert current(page) == ["4. " + exercises.get("forward").TITLE]
    click(step_button(page, 1))
    assert current(page) == ["2. " + exercises.get("backward").TITLE]
    assert context.settings["exercise"] == "backward" and "exercise=backward" in context.link()
    assert page.element("exercise-work").hidden is False and page.element("exercise-questions").hidden is True


def test_questions_from_the_worker_answered_on_the_page_and_the_work_downloaded(monkeypatch, session, tmp_path):
    import types

    import recheck_reports

    page, window, context, view = exercise_page(monkeypatch, "?view=exercise&exercises=backward")
    window.Date = types.SimpleNamespace(
        new=lambda: types.SimpleNamespace(toISOString=lambda: "2026-12-07T18:30:00.000Z")
    )
    saved = []
    window.Blob = types.SimpleNamespace(new=lambda parts, options: (parts, options))
    window.URL = types.SimpleNamespace(
        createObjectURL=lambda blob: saved.append(blob) or "blob:1", revokeObjectURL=print
    )
    window.setTimeout = lambda callback, ms: None
    page.body = page.createElement("body")

    async def scenario():
        await context.start()
        await settle()
        click(step_button(page, 0))
        for _ in range(5):
            await settle()
        view.choose(("exercise", "backward"))
        view.editor.setText(exercises.get("backward").SOLUTION)
        view.check()
        for _ in range(5):
            await settle()

    asyncio.run(scenario())
    asked, _ = read(
        checker.questions("backward", screen.network_json(view.context), screen.settings_json(view.context.settings))
    )
    assert view.marks.asked["backward"] == [question["id"] for question in asked["questions"]]

    # answer the first question right, on the page
    async def back_to_the_questions():
        view.choose(("questions", "backward"))
        for _ in range(5):
            await settle()

    asyncio.run(back_to_the_questions())
    group = page.element("exercise-questions-list").children[0]
    radios = [line.children[0] for line in group.children if line.tag == "div"]
    radios[asked["questions"][0]["answer"]].checked = True
    click(group.children[-2])
    assert group.children[-1].textContent == "Right. " + asked["questions"][0]["explanation"]
    assert marks_texts(page) == ["tried", "done"]
    view.download_work()
    ((parts, options),) = saved
    assert options == {"type": "application/json"}
    work = json.loads(parts[0])
    assert work["saved_at"] == "2026-12-07T18:30:00.000Z"
    assert work["exercises"][0]["result"]["summary"] == "8 of 8 right"
    assert work["exercises"][0]["checked_at"] == "2026-12-07T18:30:00.000Z"
    assert [q["id"] for q in work["questions"]] == [asked["questions"][0]["id"]]
    assert work["questions"][0]["right"] is True
    # the instructor's re-check gives the page's table
    (tmp_path / "ann.json").write_text(parts[0])
    (row,) = [row for row in recheck_reports.folder_rows(tmp_path) if row["exercise"] == "backward"]
    assert (row["rechecked"]["summary"], row["flag"]) == ("8 of 8 right", "")


def test_the_lesson_form_writes_the_exercises_and_hides_the_solutions(monkeypatch):
    import fake_dom
    from app.context import Context
    from app.share.lesson import Lesson

    fake_dom.install(monkeypatch)
    page = lab_page.Page()
    lesson = Lesson(Context(page, lab_page.Window("?exercises=backward&solutions=hide"), None))
    assert page.element("lesson-exercises").value == "backward" and page.element("lesson-solutions").checked is True
    assert page.element("lesson-exercises-names").textContent == "The exercises: " + ", ".join(exercises.NAMES) + "."
    page.element("lesson-params").checked = False
    page.element("lesson-link").props["select"] = lambda: None

    async def refuse(text):
        raise RuntimeError("no clipboard here")

    lesson.window.navigator = types.SimpleNamespace(clipboard=types.SimpleNamespace(writeText=refuse))
    page.element("lesson-exercises").value = " Forward, backward "
    page.element("lesson-solutions").checked = False
    asyncio.run(lesson.copy())
    link = page.element("lesson-link").value
    assert read_link(link[link.index("?") :])[0]["exercises"] == "forward,backward"
    assert "solutions=" not in link  # show, the default
    page.element("lesson-exercises").value = "forward,sideways"
    page.element("lesson-solutions").checked = True
    asyncio.run(lesson.copy())
    assert page.element("lesson-link").value == link  # no new link until the name is fixed
    assert page.element("lesson-message").textContent.startswith("Exercises, in order: 'sideways' is not an exercise")
    page.element("lesson-exercises").value = ""
    asyncio.run(lesson.copy())
    link = page.element("lesson-link").value
    assert "solutions=hide" in link and "exercises=" not in link
