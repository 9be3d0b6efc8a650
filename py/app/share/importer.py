"""Import a saved run: a .json file picked with the file field or dropped anywhere on the page. The worker checks it
in full (worker/share/saved_run.py) before the run on screen changes; a bad file gets a message naming what is
wrong, and the run on screen stays as it was. A file over SIZE_LIMIT is refused by its size, before anything is read.
"""

from app.door import Refused
from app.lab.readouts import format_cost
from app.settings import MODEL_KEYS, validate

SIZE_LIMIT = 2000000  # bytes, the worker's limit too: a saved run is at most about 60 kB


def size_text(size):
    return "{:.1f} MB".format(size / 1e6) if size >= 100000 else "{:.1f} kB".format(size / 1e3)


def too_large(name, size):
    """The message for a file over the limit, or None."""
    if size <= SIZE_LIMIT:
        return None
    return "{} is {}, too large for a saved run (at most {}): this is not a file Backprop Lab saved.".format(
        name, size_text(size), size_text(SIZE_LIMIT)
    )


def imported_settings(settings, snap, learning_rate_text):
    """The page's settings with the imported run's: its config, its exact learning rate, no lesson parameters."""
    settings = dict(settings)
    config = snap["config"]
    for key in MODEL_KEYS:
        settings[key] = validate(key, learning_rate_text if key == "learning_rate" else config[key])
    settings["params"] = ""
    return settings


class Importer:
    def __init__(self, context):
        self.context, self.document, self.window = context, context.document, context.window
        document = self.document
        self.input = document.getElementById("import-file")
        self.group = document.getElementById("import-group")
        self.message = document.getElementById("import-message")
        self.hint = document.getElementById("drop-hint")
        self.input.addEventListener("change", self._on_pick)
        document.addEventListener("dragover", self._on_drag_over)
        document.addEventListener("dragleave", self._on_drag_leave)
        document.addEventListener("drop", self._on_drop)

    def model_ready(self):
        self.input.disabled = False

    def say(self, text, problem=False):
        self.message.textContent = text
        if problem:
            self.message.classList.add("problem")
            self.context.say(text)
        else:
            self.message.classList.remove("problem")

    def _on_pick(self, event):
        files = self.input.files
        if files.length:
            self.take(files[0])
        self.input.value = ""  # so that picking the same file again imports it again

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
            self.say("Importing a file is turned off by this lesson.", True)
            return
        files = event.dataTransfer.files
        if files.length:
            self.take(files[0])

    def take(self, file):
        if self.context.snap is None:
            self.say("Python and NumPy are still starting: import the file again in a moment.", True)
            return
        message = too_large(file.name, file.size)
        if message is not None:
            self.say(message + " The run on screen is unchanged.", True)
            return
        self.say("Reading {}…".format(file.name))
        self.context.pause()
        self.context.later(self.load(file))

    async def load(self, file):
        context = self.context
        text = await file.text()
        try:
            snap, surface, learning_rate_text = await context.model.import_run(text, context.request())
        except Refused as err:
            self.say("{} was not imported: {}. The run on screen is unchanged.".format(file.name, err), True)
            return
        context.update(imported_settings(context.settings, snap, learning_rate_text))
        context.save_link()
        context.show(snap, surface)
        self.say("Imported {}: step {}, cost J = {}.".format(file.name, snap["step"], format_cost(snap["cost"])))
