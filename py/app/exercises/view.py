"""The Exercises view: the student writes the notebook's forward or backward pass in an editor, runs it, has
every value checked, and trains a network with it.

The student's code runs in a worker of its own (app/exercises/runner.py); the checks, the diagnosis and the
charts come from there (py/checker/). This view keeps the code (saved in the browser as it is typed), the
buttons and the messages; app/exercises/results.py shows a check's rows and hints. No maths here.
"""

import json

import exercises
from app.exercises import path, report
from app.exercises.ann import TrainedNetwork
from app.exercises.results import ExerciseResults
from app.exercises.runner import ExerciseRunner, RunnerError, Stopped
from app.settings import spell, validate
from app.share.export_menu import download
from shared.protocol import Refused

DATA_KEYS = ("data_seed", "data_size", "noise", "train_percent")  # a generated set's parameters, in snap["config"]

STORAGE_PREFIX = "backprop-lab:exercise:"
STOP_MESSAGE = "Stopped: you pressed Stop."


class ExerciseView:
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
        link_notes = [text for text in context.messages if text.startswith("The link's exercises")]
        self.path_view.say(" ".join(link_notes))
        self.element("exercise-report").addEventListener("click", _ignore_event(self.download_work))
        self.element("exercise-questions-next").addEventListener("click", _ignore_event(self._after_questions))

    def _choices(self):
        """The exercise menu holds the path's exercises, in its order."""
        select = self.element("exercise")
        select.replaceChildren()
        for name in self.order:
            option = self.document.createElement("option")
            option.value = name
            option.textContent = exercises.get(name).TITLE
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
        self._status("Starting Python and NumPy for your code (a worker of its own)…")
        try:
            await self.runner.start()
        except RunnerError as err:
            self._status("Python for your code could not start: {}. Reload the page to try again.".format(err))
            return
        self._status("Ready: press Run to run your code, Check to check it.")
        self._enable()
        self._pending_questions()

    def _pending_questions(self):
        name, self.questions_pending = self.questions_pending, None
        if name is not None and self.step == ("questions", name):
            self._ask_questions(name)

    async def _mount(self):
        from pyscript.ffi import create_proxy

        parent = self.element("editor")
        parent.replaceChildren()
        self.editor = await self.window.BackpropEditor.mount(
            parent, self.saved_code(self.name), "Your code", create_proxy(self._on_edit)
        )
        self._enable()

    # --- the path -------------------------------------------------------------------------------------------------

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
        if not path.save(self.window, self.marks):
            self._status("This browser does not let the page keep your marks: use Download my work to keep them.")
        self._show_path()

    def show_questions(self, name):
        """The predict-then-see questions before exercise name, from the network on screen (the checker asks)."""
        self.step = ("questions", name)
        self.element("exercise-work").hidden = True
        self.element("exercise-questions").hidden = False
        self.element("exercise-questions-next").textContent = "On to the exercise: " + path.subject(name)
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
            self.context.later(self._questions_answer(name, self.network_json(), self.settings_json()))
        else:
            self.questions_pending = name

    async def _questions_answer(self, name, network, settings):
        try:
            answer = await self.runner.call("questions", name, network, settings)
        except Stopped as err:
            self.busy = False
            self.questions.failed("The questions took too long ({}); open them again to retry.".format(err))
            await self._start_runner()
            return
        except (RunnerError, Refused) as err:
            self.busy = False
            self._enable()
            self.questions.failed("The questions could not be made: {}.".format(err))
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
        self._status("Saved {}: hand that file in as your work.".format(report.file_name(when)))

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
            statement.appendChild(_paragraph(self.document, paragraph))
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
            self._status("This browser does not let the page keep your code: use Download my code to keep it.")

    def code(self):
        return self.editor.text() if self.editor is not None else self.saved_code(self.name)

    def download(self):
        from pyscript.ffi import to_js

        blob = self.window.Blob.new(to_js([self.code()]), to_js({"type": "text/x-python"}))
        download(self.document, self.window, blob, "backprop-lab_{}.py".format(self.name))

    def ask_start_over(self):
        self._ask(
            "Start over from the starter code? Your code for this exercise will be replaced (download it first "
            "to keep it).",
            "Start over",
            self._start_over,
        )

    def _start_over(self):
        if self.editor is not None:
            self.editor.setText(exercises.get(self.name).STARTER)
        else:
            self._on_edit(exercises.get(self.name).STARTER)
        self.results.clear()
        self._status("Back to the starter code.")

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

    def network_json(self):
        """The network on screen as the checker takes it: exact parameter texts (CPython's repr), and the data on
        screen when it is not a truth table (checker/networks.py's page_data: the checker checks on it too)."""
        snap = self.context.snap
        config = snap["config"]
        network = {
            "n_h": config["n_h"],
            "table": config["table"],
            "seed": config["seed"],
            "step": snap["step"],
            "params": snap["params_text"],
        }
        data = self.data_json()
        if data is not None:
            network["data"] = data
        return json.dumps(network)

    def data_json(self):
        """The data on screen as the checker takes it: a generated set by its parameters, the student's own points
        by the link's points= text ("" when the link cannot hold them: check() then asks the model for their CSV);
        None for a truth table."""
        config = self.context.snap["config"]
        kind = config.get("data", "table")
        if kind == "table":
            return None
        if kind == "points":
            return {"kind": "points", "points": self.context.settings.get("points") or ""}
        data = {"kind": kind}
        for key in DATA_KEYS:
            if key in config:
                data[key] = config[key]
        return data

    async def _with_points(self, network):
        """The network JSON of a check, with the points on screen as the model's CSV when their link text is not
        there (more points than a link holds). The JSON unchanged when the model has none to give."""
        found = json.loads(network)
        data = found.get("data")
        if data is None or data.get("kind") != "points" or data.get("points"):
            return network
        try:
            _name, text = await self.context.model.export_points_csv()
        except Refused:
            return network
        data["csv"] = text
        return json.dumps(found)

    def settings_json(self):
        settings = self.context.settings
        return json.dumps(
            {
                "n_h": settings["n_h"],
                "seed": settings["seed"],
                "table": settings["table"],
                "learning_rate": spell(settings["learning_rate"]),
            }
        )

    def run(self):
        self._call("Running your code…", self._show_run, "run", self.name, self.code(), self.network_json())

    def check(self):
        network, code = self.network_json(), self.code()
        self.checking = (self.name, code, json.loads(network))  # what the marks keep of this check (not the CSV)
        on_data = "data" in self.checking[2]
        self._call(
            "Checking your code on the network on screen, on others and on your data…"
            if on_data
            else "Checking your code on the network on screen and on others…",
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
            "Training a network with your backward pass…",
            self._show_train,
            "train",
            self.code(),
            self.settings_json(),
            1000,
            request,
        )

    def stop(self):
        self.runner.stop(STOP_MESSAGE)

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
                args = (args[0], args[1], await self._with_points(args[2]))
            answer = await self.runner.call(method, *args)
        except Stopped as err:
            self.results.show_stopped(str(err))
            self._status(str(err) + " Python for your code is starting again…")
            self.busy = False
            self._enable()
            await self._start_runner()
            return
        except (RunnerError, Refused) as err:
            self._status("Your code could not be run: {}.".format(err))
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
            self._status("Your code did not run to the end: see below.")
            return
        self.results.show_values(answer.get("values") or [])
        self.trained.show(answer)
        self._status("Your code ran. Press Check to check every value.")

    def _show_check(self, answer):
        checked = self.checking
        if checked is not None and checked[0] == self.name:
            self.marks.checked(self.name, answer, checked[1], checked[2], self._now())
            self._keep_marks()
        if answer.get("error") or answer.get("stopped"):
            self._status("Your code did not run to the end: see below.")
            return
        self.results.show_check(answer, exercises.get(self.name))
        self.trained.show(answer)
        self._status("Checked: {}.".format(answer["summary"]))

    def _chart(self):
        if self.chart is None:
            from app.lab.cost_chart import CostChart

            self.chart = CostChart(self.element("exercise-chart"))
        return self.chart

    def _show_train(self, answer):
        box = self.element("exercise-training")
        if answer.get("error") or answer.get("stopped"):
            box.hidden = True
            self._status("Training with your code stopped: see below.")
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
