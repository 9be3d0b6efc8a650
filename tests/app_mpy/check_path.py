"""The Exercises view's path, questions and report under the page's MicroPython (app/exercises/path.py, report.py):
the link's exercises= read with an unknown name, the marks kept as text and read back, a corrupt store ignored,
the report built from the marks. See mpy_checks.py.
"""

from mpy_checks import Checks, equal

import app.exercises.path
import app.exercises.questions
import app.exercises.report
import exercises
from app.exercises import path, report
from app.link import read_link

CHECKS = Checks()
check = CHECKS.check


@check("the path: the link's exercises, the marks kept and read back, a corrupt store, the report")
def _():
    equal(app.exercises.path.STORAGE_KEY, "backprop-lab:path", "the marks' key")
    equal(app.exercises.report.FORMAT, "backprop-lab-work", "the report's format")
    equal(callable(app.exercises.questions.QuestionsView), True, "the questions' view")
    settings, messages = read_link("?exercises=backward,zz,forward&solutions=hide")
    equal((settings["exercises"], settings["solutions"]), ("backward,forward", "hide"), "the link's path")
    equal(len(messages), 1, "one message")
    equal("'zz' is not an exercise" in messages[0], True, "the unknown name named")
    equal(path.chosen(settings["exercises"]), ("backward", "forward"), "the path's exercises")
    equal(path.chosen(""), tuple(exercises.NAMES), "every exercise by default")
    marks = path.Marks()
    answer = {"right": 5, "total": 5, "summary": "5 of 5 right", "rows": [{"name": "Z1", "status": "right"}]}
    marks.checked("forward", answer, "code", {"n_h": 2}, "2026-12-07T18:00:00.000Z")
    question = {"id": "forward.q", "prompt": "?", "choices": ["a", "b"], "answer": 1}
    marks.asked["forward"] = ["forward.q"]
    marks.answered("forward", question, 1, "t")
    again = path.Marks.read(marks.text())
    equal(again.exercises, marks.exercises, "the exercises' marks read back")
    equal(again.questions, marks.questions, "the answers read back")
    equal([again.status(step) for step in path.steps(("forward",))], ["done", "done"], "the marks")
    for text in ("{", "null", "[]", '{"exercises": 3}', '{"exercises": {"forward": {"status": 1}}}'):
        equal(path.Marks.read(text).exercises, {}, "corrupt: " + text)
    work = report.build(("forward",), again, {"forward": "code"}, "2026-12-07T18:05:00.000Z")
    equal(work["exercises"][0]["result"]["summary"], "5 of 5 right", "the report's result")
    equal(work["questions"][0]["right"], True, "the report's answer")
    equal(report.file_name(work["saved_at"]), "backprop-lab-work-2026-12-07.json", "the file's name")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
