"""Import a saved run or points: a .json file (a saved run) or a .csv file (points, x1,x2,y with an optional split
column) picked with the file field or dropped anywhere on the page. The worker checks it in full
(worker/share/saved_run.py, worker/share/csv_points.py) before anything on screen changes; a bad file gets a message
naming what is wrong (for a CSV, its line), and the run and the points on screen stay as they were. A file over its
limit is refused by its size, before anything is read.

Imported points become the student's own (data "points"): the network goes on from its parameters and step, as
after a click on the plot, and the link holds the points when it can (app/share/lesson.py's points_link).
"""

from app.door import Refused
from app.lab.readouts import format_cost
from app.settings import DEFAULTS, MODEL_KEYS, validate
from app.share.lesson import points_link
from shared.i18n import _, ngettext

SIZE_LIMIT = 2000000  # bytes, the worker's limit too: a saved run is at most about 60 kB
CSV_SIZE_LIMIT = 1000000  # bytes, the worker's limit for points (worker/share/csv_points.py)


def size_text(size):
    return "{:.1f} MB".format(size / 1e6) if size >= 100000 else "{:.1f} kB".format(size / 1e3)


def is_csv(name):
    """Whether a file's name says it holds points (a .csv), not a saved run."""
    return name.lower().endswith(".csv")


def too_large(name, size):
    """The message for a file over the limit, or None."""
    if is_csv(name):
        if size <= CSV_SIZE_LIMIT:
            return None
        # Translators: {file} is a file's name; {size} and {limit} are sizes such as "1.2 MB".
        return _("{file} is {size}, too large for points (at most {limit}, about 1,000 points take 60 kB).").format(
            file=name, size=size_text(size), limit=size_text(CSV_SIZE_LIMIT)
        )
    if size <= SIZE_LIMIT:
        return None
    return _(
        "{file} is {size}, too large for a saved run (at most {limit}): this is not a file Backprop Lab saved."
    ).format(file=name, size=size_text(size), limit=size_text(SIZE_LIMIT))


def data_locked(settings):
    """Whether a lesson hides or locks the data (then points come from the lesson, not from a file)."""
    return "data" in (settings["hide"] + "," + settings["lock"]).split(",")


def unchanged(name):
    return _("The points on screen are unchanged.") if is_csv(name) else _("The run on screen is unchanged.")


def points_said(name, snap):
    """What an import of points says: how many, train and test, and J."""
    data = snap.get("data") or {}
    count = data.get("count")
    fields = {"file": name, "step": snap["step"], "cost": format_cost(snap["cost"])}
    if count is None:
        return _("Imported the points from {file}: step {step}, cost J = {cost}.").format(**fields)
    total = count["train"] + count["test"]
    if count["test"]:
        words = ngettext(
            "Imported {n} point from {file} ({train} for training, {test} for testing): step {step}, cost J = {cost}.",
            "Imported {n} points from {file} ({train} for training, {test} for testing): step {step}, cost J = {cost}.",
            total,
        )
        return words.format(n=total, train=count["train"], test=count["test"], **fields)
    words = ngettext(
        "Imported {n} point from {file}: step {step}, cost J = {cost}.",
        "Imported {n} points from {file}: step {step}, cost J = {cost}.",
        total,
    )
    return words.format(n=total, **fields)


def imported_settings(settings, snap, learning_rate_text):
    """The page's settings with the imported run's: its config, its exact learning rate, no lesson parameters."""
    settings = dict(settings)
    config = snap["config"]
    for key in MODEL_KEYS:
        settings[key] = validate(key, learning_rate_text if key == "learning_rate" else config.get(key, DEFAULTS[key]))
    settings["params"] = ""
    return settings


def show_run(context, snap, surface, learning_rate_text):
    """A run the worker has taken in (import_run's answer) on screen: its settings in the form and the link."""
    context.update(imported_settings(context.settings, snap, learning_rate_text))
    context.settings["points"] = points_link(snap, context.settings)
    context.save_link()
    context.show(snap, surface)


class Importer:
    def __init__(self, context):
        self.context, self.document, self.window = context, context.document, context.window
        document = self.document
        self.input = document.getElementById("import-file")
        self.points_input = document.getElementById("import-points")
        self.group = document.getElementById("import-group")
        self.message = document.getElementById("import-message")
        self.hint = document.getElementById("drop-hint")
        self.input.addEventListener("change", lambda event: self._on_pick(self.input))
        self.points_input.addEventListener("change", lambda event: self._on_pick(self.points_input))
        document.addEventListener("dragover", self._on_drag_over)
        document.addEventListener("dragleave", self._on_drag_leave)
        document.addEventListener("drop", self._on_drop)

    def model_ready(self):
        self.input.disabled = False
        self.points_input.disabled = False

    def say(self, text, problem=False):
        self.message.textContent = text
        if problem:
            self.message.classList.add("problem")
            self.context.say(text)
        else:
            self.message.classList.remove("problem")

    def _on_pick(self, field):
        files = field.files
        if files.length:
            self.take(files[0])
        field.value = ""  # so that picking the same file again imports it again

    @staticmethod
    def _has_files(event):
        return event.dataTransfer is not None and event.dataTransfer.types.includes("Files")

    def _on_drag_over(self, event):
        if self._has_files(event):
            event.preventDefault()  # a drop here, not the browser opening the file
            self.hint.hidden = False

    def _on_drag_leave(self, event):
        if event.relatedTarget is None:  # left the page
            self.hint.hidden = True

    def _on_drop(self, event):
        if not self._has_files(event):
            return
        event.preventDefault()
        self.hint.hidden = True
        if self.group.hidden or self.input.getAttribute("data-lesson-locked"):
            self.say(_("Importing a file is turned off by this lesson."), True)
            return
        files = event.dataTransfer.files
        if files.length:
            self.take(files[0])

    def take(self, file):
        if self.context.snap is None:
            self.say(_("Python and NumPy are still starting: import the file again in a moment."), True)
            return
        message = too_large(file.name, file.size)
        if message is not None:
            self.say(message + " " + unchanged(file.name), True)
            return
        if is_csv(file.name) and data_locked(self.context.settings):
            self.say(_("Importing points is turned off by this lesson: it sets the data."), True)
            return
        self.say(_("Reading {file}…").format(file=file.name))
        self.context.pause()
        self.context.later(self.load_points(file) if is_csv(file.name) else self.load(file))

    async def load(self, file):
        context = self.context
        text = await file.text()
        try:
            snap, surface, learning_rate_text = await context.model.import_run(text, context.request())
        except Refused as err:
            self.say(
                _("{file} was not imported: {error}. The run on screen is unchanged.").format(
                    file=file.name, error=err
                ),
                True,
            )
            return
        show_run(context, snap, surface, learning_rate_text)
        self.say(
            _("Imported {file}: step {step}, cost J = {cost}.").format(
                file=file.name, step=snap["step"], cost=format_cost(snap["cost"])
            )
        )

    async def load_points(self, file):
        """Points from a CSV: the network goes on from where it is on them; a bad file changes nothing."""
        context = self.context
        text = await file.text()
        try:
            snap, surface = await context.model.import_points_csv(text, context.request())
        except Refused as err:
            words = _("{file} was not imported: {error}. The points on screen are unchanged.")
            self.say(words.format(file=file.name, error=err), True)
            return
        context.update({"data": "points", "params": ""})
        context.settings["points"] = points_link(snap, context.settings)
        context.save_link()
        context.show(snap, surface)
        self.say(points_said(file.name, snap))
