"""Lesson links: an instructor's link may hide controls (hide=seed,table), lock them (lock=n_h: the value shows,
but cannot be changed), open a view (view=notebook) and start from given parameters (params=, checked by the
worker like an imported file's). The Save and share panel's "Copy link to this lesson" form builds such a link.

The link's values are read and validated with the others (app/settings.py, whose table says what a lesson may hide
or lock and names it in the form); this applies them to the page, at once, before the student sees the controls. A
hidden control's wrapper gets the hidden attribute (gone from the layout and the tab order); a locked one is
disabled, with a note saying so, and its shortcut key does nothing. The panel's export and import (its parts) load
after the lab's first paint (add_parts) and are locked as they come.

The student's own points (data "points") are in the link as points= (worker/share/points_link.py's text, which the
worker sends with each new set of points as the snapshot's data["link"]), kept up to date here as the points change;
when there are too many for a link, the panel says so (the worker's data["link_note"]) and offers the JSON and CSV.
A link's points= is read at start, after the link's settings and before its params=, and again on Back and Forward
when it is not the points on screen.
"""

from app.door import Refused
from app.link import clip, read_link, write_link
from app.settings import BY_NAME, EXERCISES, FORM, LESSON_CONTROLS
from app.settings import LESSON_LABELS as LABELS
from shared.i18n import N_, _

FIELDS = FORM
BUTTONS = ("train", "step", "reset")
GROUPS = {"export": "export-group", "import": "import-group", "lesson": "lesson-group"}
SHORTCUTS = {" ": "train", "s": "step", "r": "reset"}
NOTE = N_("Locked by this lesson.")  # translated where it is shown
# The buttons as the note of the locked ones names them.
BUTTON_WORDS = {"train": N_("Train"), "step": N_("Step"), "reset": N_("Reset")}


def names(text):
    """The controls of a hide= or lock= value as state.py keeps it ("seed,table")."""
    return [name for name in text.split(",") if name]


def lesson_query(settings, hide, lock, view, params="", exercises=None, solutions=None):
    """The query of a lesson link: the settings on screen, with the lesson's hidden and locked controls, its view and
    its starting parameters (params_text's, or "" for the seed's), and its exercises and solutions (the settings'
    when None)."""
    lesson = dict(settings)
    if exercises is not None:
        lesson["exercises"] = exercises
    if solutions is not None:
        lesson["solutions"] = solutions
    lesson["hide"] = ",".join(name for name in LESSON_CONTROLS if name in hide)
    lesson["lock"] = ",".join(name for name in LESSON_CONTROLS if name in lock and name not in hide)
    lesson["view"], lesson["params"] = view, params
    return write_link(lesson)


def points_link(snap, settings):
    """The points= text the link holds once snap is on screen: the worker's data["link"] for the student's own
    points ("" when they are too many for a link), "" for other data; settings["points"] unchanged when the snapshot
    brings no new points."""
    if settings.get("data") != "points":
        return ""
    data = snap.get("data")
    if data is None:
        return settings.get("points", "")
    return data.get("link") or ""


def link_note(snap, settings):
    """The note that the link cannot hold the points (the worker's words), None when it can or for other data, or
    False when the snapshot says nothing new of the points."""
    if settings.get("data") != "points":
        return None
    data = snap.get("data")
    if data is None:
        return False
    return data.get("link_note")


def buttons_note(locked):
    """The note beside the Train, Step and Reset buttons that a lesson locks ("" when it locks none)."""
    words = [_(BUTTON_WORDS[name]) for name in BUTTONS if name in locked]
    # Translators: {buttons} lists the buttons (Train, Step, Reset) a lesson locks.
    return _("Locked by this lesson: {buttons}.").format(buttons=", ".join(words)) if words else ""


class Lesson:
    """The Save and share panel: the link's hidden and locked controls, the lesson-link form, and its parts (export,
    import) once added."""

    def __init__(self, context):
        self.context, self.document, self.window = context, context.document, context.window
        self.parts = []
        self.hidden, self.locked = names(context.settings["hide"]), names(context.settings["lock"])
        self.locked = [name for name in self.locked if name not in self.hidden]
        # The link's own points, read before the first snapshot puts the points on screen in settings["points"].
        self.link_points = context.settings.get("points", "") if context.settings.get("data") == "points" else ""
        self.screen_points = None  # the points on screen as the worker last spelled them for a link
        self.form_boxes = {}
        self.build_form()
        self.hide()
        self.lock()
        self.element("lesson-copy").addEventListener("click", lambda event: context.later(self.copy()))
        context.subscribe("model ready", self.model_ready)
        context.subscribe("snapshot", self.on_snapshot)
        # Before the lab's own popstate listener (main.py wires it after the views are made), which loads the link's
        # settings and configures: the link's points go to the worker first, and the configure finds them on screen.
        self.window.addEventListener("popstate", lambda event: self.on_history())

    def add_parts(self, parts):
        """The panel's other parts (each with model_ready()), locked where the lesson locks them."""
        self.parts.extend(parts)
        if self.context.ready:
            for part in parts:
                part.model_ready()
        self.relock()

    def element(self, name):
        return self.document.getElementById(name)

    # --- the link's hidden and locked controls ------------------------------------------------------------------

    def wrapper(self, name):
        """What hide= hides: a field's wrapper, a button, the tabs' nav, a group of the Save and share panel."""
        if name in FIELDS:
            return self.element(name).parentElement
        if name in BUTTONS:
            return self.element(name)
        if name == "tabs":
            return self.document.querySelector('[role="tablist"]').parentElement
        return self.element(GROUPS[name])

    def inputs(self, name):
        """What lock= disables."""
        if name in FIELDS or name in BUTTONS:
            return [self.element(name)]
        parent = self.document.querySelector('[role="tablist"]') if name == "tabs" else self.element(GROUPS[name])
        found = parent.querySelectorAll("button, input, select, textarea")
        return [found[i] for i in range(found.length)]

    def hide(self):
        for name in self.hidden:
            wrapper = self.wrapper(name)
            wrapper.hidden = True
            wrapper.classList.add("lesson-hidden")
        if all(name in self.hidden for name in GROUPS):
            self.element("share-panel").hidden = True

    def lock(self):
        """Disable the locked controls and say so beside them (once)."""
        self.relock()
        for name in self.locked:
            if name in FIELDS or name in GROUPS:
                self.note(self.wrapper(name), name + "-locked", _(NOTE), self.inputs(name))
            elif name == "tabs":
                nav = self.wrapper(name)
                self.note(nav, "tabs-locked", _("The views are locked by this lesson."), self.inputs(name))
        text = buttons_note(self.locked)
        if text:
            buttons = [self.element(name) for name in BUTTONS if name in self.locked]
            note = self.note(None, "buttons-locked", text, buttons)
            self.element("train").parentElement.after(note)

    def note(self, parent, note_id, text, described):
        note = self.document.createElement("p")
        note.id, note.textContent = note_id, text
        note.classList.add("lesson-note")
        if parent is not None:
            parent.appendChild(note)
        for element in described:
            before = element.getAttribute("aria-describedby")
            element.setAttribute("aria-describedby", (before + " " if before else "") + note_id)
        return note

    def relock(self):
        """Disable the locked controls again: the lab enables its buttons once the model is ready."""
        for name in self.locked:
            for element in self.inputs(name):
                element.disabled = True
                element.setAttribute("data-lesson-locked", "true")

    def allows_key(self, key):
        """Whether a shortcut key may do what its button does: not when the lesson hides or locks the button."""
        name = SHORTCUTS.get(key)
        return name is None or (name not in self.hidden and name not in self.locked)

    def allows(self, name):
        return name not in self.hidden and name not in self.locked

    # --- once the model is ready ---------------------------------------------------------------------------------

    def model_ready(self):
        for part in self.parts:
            part.model_ready()
        self.relock()
        if "lesson" not in self.locked:
            self.element("lesson-params").disabled = False
        points, self.link_points = self.link_points, ""
        if points or self.context.settings["params"]:
            self.context.later(self.start_from_link(points, self.context.settings["params"]))

    async def start_from_link(self, points, params):
        """The link's points (then its params) on screen: the points first, since params start a new network."""
        if points:
            await self.points_from_link(points)
        if params:
            await self.start_from(params)

    async def points_from_link(self, points):
        context = self.context
        try:
            snap, surface = await context.model.points_from_link(points, context.request())
        except Refused as err:
            context.say(
                clip(
                    _("The link's points were ignored, so the network learns the points on screen: {error}.").format(
                        error=err
                    )
                )
            )
            context.replace_link()
            return
        context.show(snap, surface)

    def on_history(self):
        """Back or Forward to a link of the student's points that are not on screen: they go to the worker."""
        settings, _messages = read_link(self.window.location.search)
        points = settings["points"] if settings["data"] == "points" else ""
        if points and points != self.screen_points and self.context.ready:
            self.context.later(self.points_from_link(points))

    def on_snapshot(self, snap, surface=None, plots=True):
        """The link follows the points on screen (points=), and the panel says when the link cannot hold them."""
        settings = self.context.settings
        if "points" not in settings:
            return
        if snap.get("data") is not None:
            self.screen_points = snap["data"].get("link")
        text = points_link(snap, settings)
        if text != settings["points"]:
            settings["points"] = text
            self.context.replace_link()
        note = link_note(snap, settings)
        if note is not False:
            element = self.element("points-link-note")
            element.textContent = note or ""
            element.hidden = not note

    async def start_from(self, params):
        context = self.context
        try:
            snap, surface = await context.model.start_from(params, context.request())
        except Refused as err:
            context.say(
                clip(
                    _(
                        "The link's params were ignored, so the network starts from seed {seed}'s parameters: {error}."
                    ).format(seed=context.settings["seed"], error=err)
                )
            )
            context.settings["params"] = ""
            context.replace_link()
            return
        context.show(snap, surface)

    # --- the "Copy link to this lesson" form ------------------------------------------------------------------------

    def build_form(self):
        rows = self.element("lesson-controls")
        for name in LESSON_CONTROLS:
            row = self.document.createElement("tr")
            header = self.document.createElement("th")
            header.setAttribute("scope", "row")
            header.textContent = _(LABELS[name])
            row.appendChild(header)
            for action, chosen in (("hide", self.hidden), ("lock", self.locked)):
                cell = self.document.createElement("td")
                box = self.document.createElement("input")
                box.type = "checkbox"
                box.id = "lesson-{}-{}".format(action, name)
                box.checked = name in chosen
                # Translators: a checkbox of the lesson form; {control} is a control's name (Seed, View tabs...).
                words = _("Hide {control}") if action == "hide" else _("Lock {control}")
                box.setAttribute("aria-label", words.format(control=_(LABELS[name])))
                self.form_boxes[(action, name)] = box
                cell.appendChild(box)
                row.appendChild(cell)
            rows.appendChild(row)
        select = self.element("lesson-view")
        tabs = self.document.querySelectorAll('[role="tab"]')
        for i in range(tabs.length):
            option = self.document.createElement("option")
            option.value = tabs[i].id[len("tab-") :]
            option.textContent = tabs[i].textContent
            select.appendChild(option)
        select.value = self.context.settings["view"]
        self.element("lesson-exercises").value = self.context.settings["exercises"]
        # Translators: {names} are the exercises' names in a link (forward, backward...), kept as they are.
        self.element("lesson-exercises-names").textContent = _("The exercises: {names}.").format(
            names=", ".join(EXERCISES)
        )
        self.element("lesson-solutions").checked = self.context.settings["solutions"] == "hide"

    def chosen(self, action):
        return [name for name in LESSON_CONTROLS if self.form_boxes[(action, name)].checked]

    def base(self):
        location = self.window.location
        return location.origin + location.pathname

    async def copy(self):
        context, message = self.context, self.element("lesson-message")
        params = ""
        if self.element("lesson-params").checked:
            try:
                _name, params = await context.model.export_file("params")
            except Refused as err:
                message.textContent = _("The link cannot start from these parameters: {error}.").format(error=err)
                return
        try:
            exercises = BY_NAME["exercises"].check(self.element("lesson-exercises").value)
        except ValueError as err:  # an unknown name: said, and no link until it is fixed
            detail = getattr(err, "detail", str(err))
            # Translators: "Exercises, in order" is the lesson form's field; {problem} says what is wrong in it.
            message.textContent = clip(_("Exercises, in order: {problem}.").format(problem=detail))
            return
        solutions = "hide" if self.element("lesson-solutions").checked else "show"
        link = self.base() + lesson_query(
            context.settings,
            self.chosen("hide"),
            self.chosen("lock"),
            self.element("lesson-view").value,
            params,
            exercises,
            solutions,
        )
        field = self.element("lesson-link")
        field.value = link
        note = self.element("points-link-note")
        also = " " + note.textContent if not note.hidden and note.textContent else ""
        try:
            await self.window.navigator.clipboard.writeText(link)
            message.textContent = (
                _("The lesson link is copied: paste it into your course page. It is also below.") + also
            )
        except Exception:
            message.textContent = (
                _("This browser did not let the page copy: select the lesson link below and copy it.") + also
            )
        field.select()
