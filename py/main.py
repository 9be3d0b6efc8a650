"""The page, on MicroPython: the lab answers at once, and the model's worker (Pyodide and NumPy, see
index.html and worker.toml) fills it in once it has started. Boot and event wiring only: the lab view
is app/lab/view.py, the worker's door app/door.py, the maths py/backprop/ in the worker."""

from pyscript import document, when, window

from app.stages import set_state, show_error, show_ready, show_stage

TYPING = ("INPUT", "SELECT", "TEXTAREA", "BUTTON")


def owns_keys(target):
    """Whether the focused element keeps its own keys: a form control, or the code editor (a document's
    listener sees the editor's shadow host, #editor, as the target of its keys)."""
    return target.tagName in TYPING or target.closest("#editor, [contenteditable]") is not None


def build():
    """The lab and its other views and panels; returns (lab, lesson): the lesson says which keys it locks."""
    from app.door import Model
    from app.exercises.view import ExerciseView
    from app.lab.view import Lab
    from app.landscape.view import LandscapePanel
    from app.share.lesson import add_save_and_share
    from app.sweep.view import SweepView

    lab = Lab(document, window, Model("model"))
    lab.add_view("exercise", ExerciseView(document, window, lab))
    lab.add_view("sweep", SweepView(document, window, lab))
    LandscapePanel(document, window, lab)  # it follows the lab's snapshots (lab.watchers)
    lesson = add_save_and_share(document, window, lab)  # exports, import, a lesson link's hidden or locked controls
    return lab, lesson


def wire(lab, lesson):
    """Buttons, the settings form, shortcut keys, Back and Forward, and resizing, to the lab."""
    when("click", "#train")(lambda event: lab.toggle())
    when("click", "#step")(lambda event: lab.step())
    when("click", "#reset")(lambda event: lab.reset())
    when("change", "#settings")(lambda event: lab.change(event.target.name))
    # Enter in a field applies it (via change), never reloads the page.
    when("submit", "#settings")(lambda event: event.preventDefault())
    shortcuts = {" ": lab.toggle, "s": lab.step, "r": lab.reset}

    def on_key(event):
        # Focused controls keep their own keys (Space presses a focused button); elsewhere, shortcuts.
        if event.ctrlKey or event.metaKey or event.altKey or owns_keys(event.target):
            return
        action = shortcuts.get(event.key.lower())
        if action is not None and lesson.allows_key(event.key.lower()):  # a lesson may lock Train, Step, Reset
            event.preventDefault()
            action()

    document.addEventListener("keydown", on_key)
    window.addEventListener("popstate", lambda event: lab.on_history())
    window.addEventListener("resize", lambda event: lab.on_resize())


async def start(lab):
    set_state(document, "interactive")
    show_stage(document, "Starting Python and NumPy in the background (Pyodide, about 13 MB)…")
    try:
        versions = await lab.start()
    except Exception as err:
        show_error(document, "Python and NumPy could not start: {}".format(err))
        return
    document.getElementById(
        "runtime-versions"
    ).textContent = "Python {} and NumPy {}, running in this page (in a background worker).".format(
        versions["python"], versions["numpy"]
    )
    show_ready(document)


try:
    lab, lesson = build()
except Exception as err:  # a page that cannot start says so, rather than loading for ever
    show_error(document, "The page's Python stopped while starting: {}".format(err))
else:
    wire(lab, lesson)
    await start(lab)
