"""The page, on MicroPython: the lab answers at once, and the model's worker (Pyodide and NumPy, see
index.html and worker.toml) fills it in once it has started. Boot and event wiring only: what the views
share is app/context.py, the lab view app/lab/view.py, the worker's door app/door.py, the maths
py/backprop/ in the worker.

MicroPython compiles a module when it is first imported, so the page imports at start only what its first
paint needs: the lab view (its panels show beside every view) and the view the link opens. Another view's
modules are imported when its tab is first picked; the lab's landscape and Save and share's export and import
once the lab has painted."""

from pyscript import document, when, window

from app.stages import set_state, show_error, show_ready, show_stage
from shared import i18n
from shared.i18n import _

TYPING = ("INPUT", "SELECT", "TEXTAREA", "BUTTON")
# The views, each shown by its tab: (name, the module imported when the view is first shown, its class).
VIEWS = (
    ("lab", "app.lab.view", "LabView"),
    ("notebook", "app.notebook.view", "NotebookView"),
    ("exercise", "app.exercises.view", "ExerciseView"),
    ("sweep", "app.sweep.view", "SweepView"),
)


# The modules the lab's first paint needs, leaves first, in groups of about 500 lines: MicroPython compiles a
# module when it is first imported, and the start imports a group a task (build_in_tasks) so that no task of
# the start runs long.
START_IMPORTS = (
    ("app.cpython", "shared.limits", "app.setting_kinds", "app.settings", "app.link"),
    ("shared.protocol", "app.door", "app.context", "app.tabs"),
    ("app.lab.controls", "app.canvas", "app.lab.cost_chart", "shared.exact_text", "app.network.weights", "app.pacing"),
    ("app.network.layout", "app.network.pictures", "app.network.diagram"),
    ("app.network.chain_panel", "app.network.editing", "app.network.panel"),
    ("app.lab.linked", "app.lab.predictions", "app.lab.readouts", "app.lab.surface"),
    ("app.data.cursor", "app.data.editing", "app.share.lesson", "app.lab.view"),
)


async def next_task(window):
    """Resolves in a later task of the browser's event loop (a timer's): the work before it ends its task."""
    await window.Promise.new(lambda resolve, reject: window.setTimeout(resolve, 0))


async def build_in_tasks(document, window):
    """build()'s work, with the start's imports, in tasks of their own; returns (context, lab)."""
    for group in START_IMPORTS:
        await next_task(window)
        for module in group:
            __import__(module)
    await next_task(window)
    context = make_context(document, window)
    await next_task(window)
    return context, show_views(context)


def owns_keys(target):
    """Whether the focused element keeps its own keys: a form control, or the code editor (a document's
    listener sees the editor's shadow host, #editor, as the target of its keys)."""
    return target.tagName in TYPING or target.closest("#editor, [contenteditable]") is not None


def build(document, window):
    """The context, the views registered, the lab view and the link's view on screen; returns (context, lab)."""
    context = make_context(document, window)
    return context, show_views(context)


def make_context(document, window):
    from app.context import Context
    from app.door import Model

    context = Context(document, window, Model("model"))
    for name, module, class_name in VIEWS:
        context.register(name, module, class_name)
    return context


def show_views(context):
    """The lab view made, and the link's view on screen; returns the lab view."""
    lab = context.view("lab")
    context.show_view()
    return lab


def wire(document, window, lab):
    """Buttons, the settings form, shortcut keys, Back and Forward, and resizing, to the lab."""
    when("click", "#train")(lambda event: lab.toggle())
    when("click", "#step")(lambda event: lab.step())
    when("click", "#reset")(lambda event: lab.reset())
    when("change", "#settings")(lambda event: lab.change(event.target.name))
    # Enter in a field applies it (via change), never reloads the page.
    when("submit", "#settings")(lambda event: event.preventDefault())

    def on_key(event):
        # Focused controls keep their own keys (Space presses a focused button), and so does an element whose own
        # listener took the key (Space on a weight of the network diagram opens its chain rule); elsewhere, shortcuts.
        if getattr(event, "defaultPrevented", False) or event.ctrlKey or event.metaKey or event.altKey:
            return
        if owns_keys(event.target):
            return
        action = lab.shortcut(event.key.lower())  # None when a lesson locks or hides its button
        if action is not None:
            event.preventDefault()
            action()

    document.addEventListener("keydown", on_key)
    from app.share.carry import offer

    offer(lab.context)
    window.addEventListener("popstate", lambda event: lab.on_history())
    window.addEventListener("resize", lambda event: lab.on_resize())


# The modules of the panels that load once the lab has painted (LabView.load_panels), a group a task.
PANEL_IMPORTS = (
    ("app.landscape.plot",),
    ("app.landscape.view",),
    ("app.share.export_menu", "app.share.importer"),
    ("app.network.slow_motion", "app.network.stage_numbers", "app.network.stage_view"),
)


async def load_panels(context, lab):
    await context.next_frame()  # the lab has painted
    try:
        for group in PANEL_IMPORTS:
            for module in group:
                __import__(module)
            await next_task(context.window)
        lab.load_panels()
    except Exception as err:
        show_error(document, _("The page's Python stopped while starting: {error}").format(error=err))


async def start(context, lab):
    set_state(document, "interactive")
    show_stage(document, _("Starting Python and NumPy in the background (Pyodide, about 13 MB)…"))
    context.later(load_panels(context, lab))
    try:
        versions = await context.start()
    except Exception as err:
        show_error(document, _("Python and NumPy could not start: {error}").format(error=err))
        return
    document.getElementById("runtime-versions").textContent = _(
        "Python {python} and NumPy {numpy}, running in this page (in a background worker)."
    ).format(python=versions["python"], numpy=versions["numpy"])
    show_ready(document)


async def load_language(window):
    """The page's catalog (static/js/i18n.js chose the language and fetched it) in use before the page's modules are
    imported; returns the link's lang= when the page has no such language ("" otherwise)."""
    chosen = await window.backpropLanguage
    i18n.load(chosen.text)
    return chosen.requested


try:
    unknown_language = await load_language(window)
    context, lab = await build_in_tasks(document, window)
except Exception as err:  # a page that cannot start says so, rather than loading for ever
    show_error(document, _("The page's Python stopped while starting: {error}").format(error=err))
else:
    if unknown_language:
        context.say(
            _("The link asks for the language {code}, which this page does not have, so it is in English.").format(
                code=unknown_language
            )
        )
    wire(document, window, lab)
    await start(context, lab)
