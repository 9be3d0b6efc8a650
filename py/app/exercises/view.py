"""The Exercises view: the student writes the notebook's forward or backward pass in an editor, runs it, has
every value checked, and trains a network with it.

The student's code runs in a worker of its own (app/exercises/runner.py); the checks, the diagnosis and the
charts come from there (py/checker/). This view keeps the code (saved in the browser as it is typed), the
buttons and the messages; app/exercises/results.py shows a check's rows and hints, path.py's PathSteps walks the
path (the questions, the marks) and screen.py says what of the lab goes to the checker. No maths here.
"""

import json

import exercises
from app.exercises import path, report, screen
from app.exercises.ann import TrainedNetwork
from app.exercises.results import ExerciseResults
from app.exercises.runner import ExerciseRunner, RunnerError, Stopped
from app.settings import validate
from app.share.export_menu import download
from shared.i18n import N_, _
from shared.protocol import Refused

STORAGE_PREFIX = "backprop-lab:exercise:"
STOP_MESSAGE = N_("Stopped: you pressed Stop.")  # translated where it is sent: _(STOP_MESSAGE)


class ExerciseView(path.PathSteps):
    def __init__(self, context):
        self.context, self.document, self.window = context, context.document, context.window
        document = self.document
        self.runner = ExerciseRunner(document, self.window)
        self.editor = None  # the CodeMirror editor, once mounted
        self.mounting = False
        self.busy = False  # a call to the runner is under way
        self.checking = None  # (exercise, code, network) of the check under way
        self.questions_pending = None  # questions to ask for once the runner and the model are ready
        self.name = None  # the exercise on screen
        self.element = document.getElementById
        self.status = self.element("exercise-status")
        self.results = ExerciseResults(document, self.go_to_line)
        self.trained = TrainedNetwork(context, self.results.box)  # the ANN exercise's trained network, for the Lab
        self.buttons = {
            key: self.element("exercise-" + key) for key in ("run", "check", "stop", "train", "download", "start-over")
        }
        self.confirm_box = self.element("exercise-confirm")
        self.on_confirm = None
        self.chart = None
        actions = {
            "run": self.run,
            "check": self.check,
            "stop": self.stop,
            "train": self.train,
            "download": self.download,
            "start-over": self.ask_start_over,
        }
        for key, action in actions.items():
            self.buttons[key].addEventListener("click", _ignore_event(action))
        self.element("exercise-confirm-yes").addEventListener("click", _ignore_event(self._confirmed))
        self.element("exercise-confirm-no").addEventListener("click", _ignore_event(self._hide_confirm))
        self.element("exercise").addEventListener("change", lambda event: self._exercise_chosen())
        # the path: the link's exercises in its order, the marks kept in this browser, the solutions shown or not
        self.order = path.chosen(context.settings["exercises"])
        self.path = path.steps(self.order)
        self.step = None  # the step of the path on screen: ("exercise" or "questions", name)
        self.marks = path.load(self.window)
        self.path_view = path.PathView(document, self.choose)
        self.results.solutions = context.settings["solutions"] != "hide"
        self.questions = None  # app/exercises/questions.py's view, made when first shown
        self._choices()
        self.path_view.say(" ".join(context.notes.get("exercises", ())))  # the link's exercises= said
        self.element("exercise-report").addEventListener("click", _ignore_event(self.download_work))
        self.element("exercise-questions-next").addEventListener("click", _ignore_event(self._after_questions))

    def _choices(self):
        """The exercise menu holds the path's exercises, in its order."""
        select = self.element("exercise")
        select.replaceChildren()
        for name in self.order:
            option = self.document.createElement("option")
            option.value = name
            option.textContent = _(exercises.get(name).TITLE)
            select.appendChild(option)

    def _exercise_chosen(self):
        try:
            name = validate("exercise", self.element("exercise").value)
        except ValueError:
            return
        self.context.change("exercise", name)
        self.open()

    # --- opening and choosing -----------------------------------------------------------------

    def open(self):
        """The view is shown: load the editor and Python for the student's code (once), show the exercise."""
        name = self.context.settings["exercise"]
        if self.step is not None and self.step[0] == "questions" and self.step[1] == name:
            self._show_path()
        else:
            self.show_exercise(name if name in self.order else self.order[0])
        if self.editor is None and not self.mounting:
            self.mounting = True
            self.context.later(self._mount())
        if self.runner.starting is None and not self.runner.ready:
            self.context.later(self._start_runner())

    async def _start_runner(self):
        self._status(_("Starting Python and NumPy for your code (a worker of its own)…"))
        try:
            await self.runner.start()
        except RunnerError as err:
            self._status(
                _("Python for your code could not start: {error}. Reload the page to try again.").format(error=err)
            )
            return
        self._status(_("Ready: press Run to run your code, Check to check it."))
        self._enable()
        self._pending_questions()

    async def _mount(self):
        from pyscript.ffi import create_proxy

        parent = self.element("editor")
        parent.replaceChildren()
        self.editor = await self.window.BackpropEditor.mount(
            parent,
            self.saved_code(self.name),
            # Translators: the code editor's accessible name.
            _("Your code"),
            create_proxy(self._on_edit),
        )
        self._enable()

    def _now(self):
        """The time now, as an ISO string (the browser's clock)."""
        try:
            return str(self.window.Date.new().toISOString())
        except Exception:  # no clock to read: the marks say "not known"
            return None

    def download_work(self):
        """One JSON file: each exercise's code, its last check and when, the questions answered."""
        from pyscript.ffi import to_js

        when = self._now()
        codes = {name: self.saved_code(name) for name in self.order}
        if self.name is not None:
            codes[self.name] = self.code()
        work = report.build(self.order, self.marks, codes, when)
        blob = self.window.Blob.new(to_js([json.dumps(work)]), to_js({"type": "application/json"}))
        download(self.document, self.window, blob, report.file_name(when))
        self._status(_("Saved {file}: hand that file in as your work.").format(file=report.file_name(when)))

    def show_exercise(self, name):
        """Show exercise name's statement and the student's code for it."""
        self.step = ("exercise", name)
        self.element("exercise-work").hidden = False
        self.element("exercise-questions").hidden = True
        self._show_path()
        if name == self.name:
            return
        self.name = name
        self.element("exercise").value = name
        exercise = exercises.get(name)
        statement = self.element("exercise-statement")
        statement.replaceChildren()
        for paragraph in exercise.STATEMENT:
            statement.appendChild(_paragraph(self.document, _(paragraph)))
        self.results.clear()
        self.element("exercise-error").textContent = ""
        self.element("exercise-output-box").hidden = True
        self.element("exercise-training").hidden = True
        self.buttons["train"].hidden = "backward" not in exercise.FUNCTIONS
        if self.editor is not None:
            self.editor.setText(self.saved_code(name))
        self._enable()

    # --- the student's code, kept -------------------------------------------------------------

    def saved_code(self, name):
        try:
            saved = self.window.localStorage.getItem(STORAGE_PREFIX + name)
        except Exception:
            saved = None
        return saved if isinstance(saved, str) else exercises.get(name).STARTER

    def _on_edit(self, text):
        try:
            self.window.localStorage.setItem(STORAGE_PREFIX + self.name, text)
        except Exception:
            self._status(_("This browser does not let the page keep your code: use Download my code to keep it."))

    def code(self):
        return self.editor.text() if self.editor is not None else self.saved_code(self.name)

    def download(self):
        from pyscript.ffi import to_js

        blob = self.window.Blob.new(to_js([self.code()]), to_js({"type": "text/x-python"}))
        download(self.document, self.window, blob, "backprop-lab_{}.py".format(self.name))

    def ask_start_over(self):
        self._ask(
            _(
                "Start over from the starter code? Your code for this exercise will be replaced (download it first "
                "to keep it)."
            ),
            # Translators: the button that confirms starting over from the starter code.
            _("Start over"),
            self._start_over,
        )

    def _start_over(self):
        if self.editor is not None:
            self.editor.setText(exercises.get(self.name).STARTER)
        else:
            self._on_edit(exercises.get(self.name).STARTER)
        self.results.clear()
        self._status(_("Back to the starter code."))

    def _ask(self, question, yes, action):
        self.element("exercise-confirm-text").textContent = question
        self.element("exercise-confirm-yes").textContent = yes
        self.on_confirm = action
        self.confirm_box.hidden = False
        self.element("exercise-confirm-no").focus()

    def _confirmed(self):
        action, self.on_confirm = self.on_confirm, None
        self._hide_confirm()
        if action is not None:
            action()

    def _hide_confirm(self):
        self.confirm_box.hidden = True

    # --- running and checking -----------------------------------------------------------------

    def run(self):
        self._call(
            _("Running your code…"), self._show_run, "run", self.name, self.code(), screen.network_json(self.context)
        )

    def check(self):
        network, code = screen.network_json(self.context), self.code()
        self.checking = (self.name, code, json.loads(network))  # what the marks keep of this check (not the CSV)
        on_data = "data" in self.checking[2]
        self._call(
            _("Checking your code on the network on screen, on others and on your data…")
            if on_data
            else _("Checking your code on the network on screen and on others…"),
            self._show_check,
            "check",
            self.name,
            code,
            network,
        )

    def train(self):
        chart = self._chart()
        size = chart.size() or [640, 400]
        request = json.dumps({"chart": size, "log_scale": True})
        self._call(
            _("Training a network with your backward pass…"),
            self._show_train,
            "train",
            self.code(),
            screen.settings_json(self.context.settings),
            1000,
            request,
        )

    def stop(self):
        self.runner.stop(_(STOP_MESSAGE))

    def _call(self, status, show, method, *args):
        if self.busy or self.editor is None or not self.runner.ready or self.context.snap is None:
            return
        self.busy = True
        self._enable()
        self._status(status)
        self.context.later(self._answer(show, method, args))

    async def _answer(self, show, method, args):
        try:
            if method == "check":  # the exercise name, the code, the network JSON: the points' CSV if needed
                args = (args[0], args[1], await screen.with_points(self.context, args[2]))
            answer = await self.runner.call(method, *args)
        except Stopped as err:
            self.results.show_stopped(str(err))
            # Translators: {stopped} is why the code stopped, a sentence such as "Stopped: you pressed Stop."
            self._status(_("{stopped} Python for your code is starting again…").format(stopped=err))
            self.busy = False
            self._enable()
            await self._start_runner()
            return
        except (RunnerError, Refused) as err:
            self._status(_("Your code could not be run: {error}.").format(error=err))
            self.busy = False
            self._enable()
            return
        self.busy = False
        self._enable()
        self._show_output(answer)
        show(answer)
        self._pending_questions()

    def _show_output(self, answer):
        output = answer.get("output") or ""
        self.element("exercise-output").textContent = output
        self.element("exercise-output-box").hidden = not output
        self.results.show_problem(answer.get("error"), answer.get("stopped"))

    def _show_run(self, answer):
        self.marks.tried(self.name)
        self._keep_marks()
        if answer.get("error") or answer.get("stopped"):
            self._status(_("Your code did not run to the end: see below."))
            return
        self.results.show_values(answer.get("values") or [])
        self.trained.show(answer)
        self._status(_("Your code ran. Press Check to check every value."))

    def _show_check(self, answer):
        checked = self.checking
        if checked is not None and checked[0] == self.name:
            self.marks.checked(self.name, answer, checked[1], checked[2], self._now())
            self._keep_marks()
        if answer.get("error") or answer.get("stopped"):
            self._status(_("Your code did not run to the end: see below."))
            return
        self.results.show_check(answer, exercises.get(self.name))
        self.trained.show(answer)
        # Translators: {summary} is the checker's summary, such as "5 of 6 values right".
        self._status(_("Checked: {summary}.").format(summary=answer["summary"]))

    def _chart(self):
        if self.chart is None:
            from app.lab.cost_chart import CostChart

            self.chart = CostChart(self.element("exercise-chart"))
        return self.chart

    def _show_train(self, answer):
        box = self.element("exercise-training")
        if answer.get("error") or answer.get("stopped"):
            box.hidden = True
            self._status(_("Training with your code stopped: see below."))
            return
        box.hidden = False
        self.element("exercise-training-verdict").textContent = answer["verdict"]
        self._chart().draw(answer["chart"])
        self._status(answer["verdict"])

    def go_to_line(self, line):
        if self.editor is not None:
            self.editor.goToLine(line)

    # --- state ----------------------------------------------------------------------------------

    def _status(self, text):
        self.status.textContent = text

    def _enable(self):
        can_run = self.editor is not None and self.runner.ready and self.context.snap is not None and not self.busy
        for key in ("run", "check", "train"):
            self.buttons[key].disabled = not can_run
        self.buttons["stop"].disabled = not self.busy

    def model_ready(self):
        """The lab's model answered: the network on screen can be checked."""
        self._enable()
        self._pending_questions()


def _paragraph(document, text):
    """A <p> of text in which `backticks` mark code."""
    paragraph = document.createElement("p")
    for i, piece in enumerate(text.split("`")):
        if not piece:
            continue
        if i % 2:
            code = document.createElement("code")
            code.textContent = piece
            paragraph.appendChild(code)
        else:
            paragraph.appendChild(document.createTextNode(piece))
    return paragraph


def _ignore_event(action):
    return lambda event: action()
