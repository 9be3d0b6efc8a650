"""The path through the exercises: each exercise (and the questions before it) in the notebook's order, or the
order of the instructor's link (exercises=forward,backward), marked done, tried or not started, as words.

The marks live in the browser (localStorage, under STORAGE_KEY, as JSON): for each exercise its last check (the
results, the network it was checked on and when), for each question the answer chosen. A stored value this page
cannot read is ignored, entry by entry, without an error. Plain Python for MicroPython and CPython: Marks is data,
PathView lays the path out, PathSteps walks it for the Exercises view.
"""

import json

import exercises
from app.exercises import screen
from app.exercises.runner import RunnerError, Stopped
from shared.i18n import N_, _
from shared.protocol import Refused

STORAGE_KEY = "backprop-lab:path"
DONE, TRIED, NOT_STARTED = "done", "tried", "not started"
# The marks as the path says them (the marks themselves are kept in English: they are values).
MARK_WORDS = {
    # Translators: a step of the exercises' path that is finished.
    DONE: N_("done"),
    # Translators: a step of the exercises' path the student tried, not finished.
    TRIED: N_("tried"),
    # Translators: a step of the exercises' path the student has not begun.
    NOT_STARTED: N_("not started"),
}
# What each exercise is about, for "Predict: ..." and "On to the exercise: ..." (an exercise not listed here is said
# by its title).
SUBJECTS = {
    "activations": N_("the activations and their derivatives"),
    "cost": N_("the cost and its derivative"),
    "numeric": N_("the numeric gradient"),
    "forward": N_("the forward pass"),
    "backward": N_("the backward pass"),
    "update": N_("one gradient-descent update"),
    "ann": N_("the ANN class and train it"),
}
# The exercises with predict-then-see questions before them: checker/questions/'s QUESTIONS has one generator
# list for each (tests/checker/test_questions.py holds the two together).
QUESTION_SETS = ("activations", "cost", "numeric", "forward", "backward", "update", "ann")


def chosen(value):
    """The exercises of the link's exercises= (app/link.py has read it: known names only; "" is every one)."""
    names = []
    for name in str(value or "").split(","):
        name = name.strip()
        if name in exercises.NAMES and name not in names:
            names.append(name)
    return tuple(names) if names else tuple(exercises.NAMES)


def steps(order):
    """The path: for each exercise, its questions (when it has some) then the exercise, as (kind, name)."""
    out = []
    for name in order:
        if name in QUESTION_SETS:
            out.append(("questions", name))
        out.append(("exercise", name))
    return out


def subject(name):
    """What the exercise is about, in the page's language: "forward" -> "the forward pass" (its title otherwise)."""
    return _(SUBJECTS[name]) if name in SUBJECTS else _(exercises.get(name).TITLE)


def step_title(step):
    kind, name = step
    if kind == "questions":
        # Translators: a step of the path: the questions before an exercise; {subject} is "the forward pass"...
        return _("Predict: {subject}").format(subject=subject(name))
    return _(exercises.get(name).TITLE)


def _text(value, limit=20000):
    return value[:limit] if isinstance(value, str) else None


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class Marks:
    """The student's marks: exercises {name: {"status", "checked_at", "right", "total", "summary", "rows",
    "code", "network"}} (the code and the network of the last check), questions {id: {"exercise", "prompt",
    "choices", "choice", "answer", "right", "answered_at"}} and asked
    {exercise: [question ids]} (the questions last shown for it)."""

    def __init__(self):
        self.exercises, self.questions, self.asked = {}, {}, {}

    @classmethod
    def read(cls, text):
        """The marks stored as text; whatever cannot be read (bad JSON, a wrong shape, an unknown exercise) is
        left out."""
        marks = cls()
        try:
            data = json.loads(text) if isinstance(text, str) else None
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return marks
        for name, entry in _items(data.get("exercises")):
            clean = _exercise_entry(entry)
            if name in exercises.NAMES and clean is not None:
                marks.exercises[name] = clean
        for key, entry in _items(data.get("questions")):
            clean = _question_entry(entry)
            if isinstance(key, str) and clean is not None:
                marks.questions[key] = clean
        for name, ids in _items(data.get("asked")):
            if name in exercises.NAMES and isinstance(ids, list):
                marks.asked[name] = [key for key in ids if isinstance(key, str)]
        return marks

    def text(self):
        return json.dumps({"version": 1, "exercises": self.exercises, "questions": self.questions, "asked": self.asked})

    def tried(self, name):
        """The student ran their code: tried, unless a check already marked it."""
        if name not in self.exercises:
            self.exercises[name] = {"status": TRIED}

    def checked(self, name, answer, code, network, when):
        """A check's answer (checker/check.py's) of code on network (the dict the checker got) at ISO time when."""
        right, total = answer.get("right"), answer.get("total")
        rows = [{"name": row["name"], "status": row["status"]} for row in answer.get("rows") or []]
        ran = not (answer.get("error") or answer.get("stopped"))
        self.exercises[name] = {
            "status": DONE if ran and total and right == total else TRIED,
            "checked_at": when,
            "right": right if ran else 0,
            "total": total,
            "summary": answer.get("summary") if ran else "did not run to the end",
            "rows": rows,
            "code": code,
            "network": network,
        }

    def answered(self, name, question, choice, when):
        """The student chose choice (an index) for question (a dict of checker/questions/)."""
        self.questions[question["id"]] = {
            "exercise": name,
            "prompt": question["prompt"],
            "choices": list(question["choices"]),
            "choice": choice,
            "answer": question["answer"],
            "right": choice == question["answer"],
            "answered_at": when,
        }

    def status(self, step):
        kind, name = step
        if kind == "exercise":
            entry = self.exercises.get(name)
            return entry["status"] if entry else NOT_STARTED
        ids = self.asked.get(name) or []
        answered = [key for key in ids if key in self.questions]
        if not answered:
            return NOT_STARTED
        return DONE if len(answered) == len(ids) else TRIED

    def score(self, name):
        """(right, answered) of the questions last shown for exercise name."""
        entries = [self.questions[key] for key in self.asked.get(name) or [] if key in self.questions]
        return len([entry for entry in entries if entry["right"]]), len(entries)


def _items(value):
    return list(value.items()) if isinstance(value, dict) else []


def _exercise_entry(entry):
    if not isinstance(entry, dict) or entry.get("status") not in (DONE, TRIED):
        return None
    clean = {"status": entry["status"]}
    if "checked_at" in entry:
        rows = entry.get("rows")
        if not isinstance(rows, list):
            return None
        clean.update(
            checked_at=_text(entry.get("checked_at")),
            right=_int(entry.get("right")),
            total=_int(entry.get("total")),
            summary=_text(entry.get("summary")),
            rows=[
                {"name": row["name"], "status": row["status"]}
                for row in rows
                if isinstance(row, dict) and isinstance(row.get("name"), str) and isinstance(row.get("status"), str)
            ],
            code=_text(entry.get("code"), 200000),
            network=entry.get("network") if isinstance(entry.get("network"), dict) else None,
        )
    return clean


def _question_entry(entry):
    if not isinstance(entry, dict):
        return None
    choices = entry.get("choices")
    choice, answer = _int(entry.get("choice")), _int(entry.get("answer"))
    if not isinstance(choices, list) or choice is None or answer is None or not isinstance(entry.get("right"), bool):
        return None
    return {
        "exercise": _text(entry.get("exercise")),
        "prompt": _text(entry.get("prompt")),
        "choices": [_text(choice_text) for choice_text in choices],
        "choice": choice,
        "answer": answer,
        "right": entry["right"],
        "answered_at": _text(entry.get("answered_at")),
    }


def load(window):
    """The marks kept in this browser (empty when there are none, or they cannot be read)."""
    try:
        text = window.localStorage.getItem(STORAGE_KEY)
    except Exception:
        text = None
    return Marks.read(text)


def save(window, marks):
    """Keep the marks; False when the browser does not let the page keep them."""
    try:
        window.localStorage.setItem(STORAGE_KEY, marks.text())
    except Exception:
        return False
    return True


class PathView:
    """The path as a list of buttons in a nav: the current step marked aria-current="step", each step's mark in
    words. choose(step) is called with the step a button stands for."""

    def __init__(self, document, choose):
        self.document, self.choose = document, choose
        self.list = document.getElementById("exercise-path-list")
        self.note = document.getElementById("exercise-path-note")
        self.current = None  # the current step's button

    def show(self, path, current, marks):
        self.list.replaceChildren()
        self.current = None
        for number, step in enumerate(path):
            item = self.document.createElement("li")
            button = self.document.createElement("button")
            button.type = "button"
            button.className = "path-step"
            if step == current:
                button.setAttribute("aria-current", "step")
                self.current = button
            title = self.document.createElement("span")
            title.className = "path-title"
            title.textContent = _("{number}. {title}").format(number=number + 1, title=step_title(step))
            status = marks.status(step)
            mark = self.document.createElement("span")
            mark.className = "path-mark mark-" + status.replace(" ", "-")
            mark.textContent = _(MARK_WORDS[status])
            button.appendChild(title)
            button.appendChild(self.document.createTextNode(" "))
            button.appendChild(mark)
            button.addEventListener("click", _chooser(self.choose, step))
            item.appendChild(button)
            self.list.appendChild(item)

    def say(self, text):
        self.note.textContent = text
        self.note.hidden = not text


def _chooser(choose, step):
    return lambda event: choose(step)


class PathSteps:
    """The Exercises view's walk along the path (app/exercises/view.py's ExerciseView is one): a step chosen, the
    questions before an exercise asked of the checker and answered, the marks kept and shown. It uses the view's
    context, document, window, element, runner, path, step, marks, path_view, questions, questions_pending, busy
    and its _status, _enable, _now, _start_runner and show_exercise."""

    def _pending_questions(self):
        name, self.questions_pending = self.questions_pending, None
        if name is not None and self.step == ("questions", name):
            self._ask_questions(name)

    def choose(self, step):
        """A step of the path chosen: its exercise into the link, then the exercise or its questions shown."""
        kind, name = step
        if name != self.context.settings["exercise"]:
            self.context.change("exercise", name)
        if kind == "exercise":
            self.show_exercise(name)
        else:
            self.show_questions(name)

    def _show_path(self):
        self.path_view.show(self.path, self.step, self.marks)

    def _keep_marks(self):
        if not save(self.window, self.marks):
            self._status(_("This browser does not let the page keep your marks: use Download my work to keep them."))
        self._show_path()

    def show_questions(self, name):
        """The predict-then-see questions before exercise name, from the network on screen (the checker asks)."""
        self.step = ("questions", name)
        self.element("exercise-work").hidden = True
        self.element("exercise-questions").hidden = False
        # Translators: the button after the questions; {subject} is "the forward pass"...
        self.element("exercise-questions-next").textContent = _("On to the exercise: {subject}").format(
            subject=subject(name)
        )
        if self.questions is None:
            from app.exercises.questions import QuestionsView

            self.questions = QuestionsView(self.document, self._answered)
        self.questions.waiting(name)
        self._show_path()
        self._ask_questions(name)

    def _ask_questions(self, name):
        if self.runner.ready and self.context.snap is not None and not self.busy:
            self.busy = True
            self._enable()
            self.context.later(
                self._questions_answer(
                    name, screen.network_json(self.context), screen.settings_json(self.context.settings)
                )
            )
        else:
            self.questions_pending = name

    async def _questions_answer(self, name, network, settings):
        try:
            answer = await self.runner.call("questions", name, network, settings)
        except Stopped as err:
            self.busy = False
            self.questions.failed(
                _("The questions took too long ({error}); open them again to retry.").format(error=err)
            )
            await self._start_runner()
            return
        except (RunnerError, Refused) as err:
            self.busy = False
            self._enable()
            self.questions.failed(_("The questions could not be made: {error}.").format(error=err))
            return
        self.busy = False
        self._enable()
        self._show_questions(name, answer)

    def _show_questions(self, name, answer):
        if self.step != ("questions", name):
            return
        asked = answer.get("questions") or []
        self.marks.asked[name] = [question["id"] for question in asked]
        self.questions.show(name, asked, self.marks)
        self._keep_marks()

    def _answered(self, name, question, choice):
        self.marks.answered(name, question, choice, self._now())
        self._keep_marks()

    def _after_questions(self):
        if self.step is not None:
            self.choose(("exercise", self.step[1]))
            if self.path_view.current is not None:
                self.path_view.current.focus()
