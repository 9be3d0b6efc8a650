"""The student's points by hand, on the page: the edits go to the worker's edit_points (py/worker/data/points.py)
while training goes on, and its drawing of the points (py/worker/data/view.py) comes back in the snapshots.

A click (or tap) on the decision surface edits there (adds a point of the class picked in the class toggle, or
removes the point under it); the surface's canvas is focusable, and its arrow keys move a visible cursor over the
plane in tenths (Shift: half units, app/data/cursor.py), Enter edits at the cursor, 0 or 1 picks the class. Undo
and Clear are buttons. Each edit makes the data the student's own points (the setting data=points), and the
worker's words for what it did are spoken in the points' live region (#points-said), as are the cursor's moves.
The surface (app/lab/surface.py) only draws: the points, and the cursor where this puts it.
"""

from app.data.cursor import cursor_fraction, cursor_words, keep_cursor, move_cursor, plot_fraction, start_cursor
from app.door import Refused
from shared.i18n import _

HIT_PIXELS = 8  # a click this close to a point removes it, however small the points are drawn


class PointsEditor:
    """The points by hand of the lab's decision surface. context: the page's; surface: the DecisionSurface;
    request(): the view the worker answers an edit with; allowed(): whether the lesson lets the student edit."""

    def __init__(self, context, surface, request, allowed):
        from pyscript.ffi import create_proxy

        self.context, self.document, self.surface = context, context.document, surface
        self.request, self.allowed = request, allowed
        self.cursor = None  # the keyboard cursor, tenths of (x1, x2); shown while the canvas has the keyboard's focus
        self.focused = False  # the canvas has the focus by the keyboard (a click's focus shows no cursor)
        self._proxies = [
            (name, create_proxy(handler))
            for name, handler in (
                ("click", self.on_click),
                ("keydown", self.on_key),
                ("focus", self.on_focus),
                ("blur", self.on_blur),
            )
        ]
        for name, proxy in self._proxies:
            surface.canvas.addEventListener(name, proxy)
        self.buttons = {op: self.document.getElementById("points-" + op) for op in ("undo", "clear")}
        for op, button in self.buttons.items():
            button.addEventListener("click", create_proxy(lambda event, op=op: self.edit_points({"op": op})))

    # --- what the worker says ----------------------------------------------------------------------------------------

    def show_data(self, data):
        """The worker's drawing of a new data set: to the surface (the cursor kept in its extent); an edit's words
        spoken; Undo and Clear as they apply."""
        self.surface.set_data(data)
        if self.cursor is not None:
            self.cursor = keep_cursor(self.cursor, data["extent"])
            self._place_cursor()
        self.document.getElementById("surface-points").textContent = data.get("label") or ""
        self.buttons["undo"].disabled = True  # a new data set: no edit of it to undo (an edit says so next)
        count = data["count"]
        self.buttons["clear"].disabled = count["train"] + count["test"] == 0

    def show_edit(self, edit):
        """What an edit of the points did (the worker's {"said", "can_undo", "count"}): spoken, Undo and Clear as
        they now apply."""
        self.say_points(edit["said"])
        self.buttons["undo"].disabled = not edit["can_undo"]
        self.buttons["clear"].disabled = not edit["count"]

    def say_points(self, text):
        """What an edit did (or why it could not), or where the cursor is, in the points' live region."""
        self.document.getElementById("points-said").textContent = text

    # --- the edits ---------------------------------------------------------------------------------------------------

    def point_class(self):
        return 1 if self.document.getElementById("point-class-1").checked else 0

    def pick_class(self, y):
        """The 0 or 1 key on the surface: the class of the next points, in the class toggle."""
        self.document.getElementById("point-class-{}".format(y)).checked = True
        self.say_points(_("New points are of class {y}.").format(y=y))

    def click_points(self, fx, fy, radius):
        """A click on the surface (or Enter at its cursor), at fractions fx, fy of the plot square (fy downward);
        radius: a point's, as a fraction of the square's side."""
        self.edit_points({"op": "click", "at": [fx, fy], "y": self.point_class(), "radius": radius})

    def edit_points(self, edit):
        """Edit the points (training goes on); nothing when a lesson hides or locks the data."""
        if self.context.snap is None or not self.allowed():
            return
        self.context.later(self._edit_points(edit))

    async def _edit_points(self, edit):
        context = self.context
        try:
            snap, surface, done = await context.model.edit_points(edit, self.request())
        except Refused as err:
            # Translators: an edit of the points the model refused; {error} says why.
            self.say_points(_("Not done: {error}.").format(error=err))
            return
        if context.settings["data"] != "points":
            context.update({"data": "points"})
            context.save_link()
        context.show(snap, surface)
        self.show_edit(done)

    # --- clicks, keys and the focus on the surface's canvas ----------------------------------------------------------

    def hit_radius(self):
        """A point's radius as a fraction of the plot square's side: the worker's, at least HIT_PIXELS."""
        surface = self.surface
        radius = surface.data["radius"] if surface.data is not None else 0.035
        return max(radius, HIT_PIXELS / surface.square[2]) if surface.square is not None else radius

    def _place_cursor(self):
        """The cursor to the surface, which draws it while the canvas has the keyboard's focus."""
        self.surface.cursor = self.cursor if self.focused else None

    def on_click(self, event):
        if self.surface.square is None:
            return
        place = plot_fraction(event.offsetX, event.offsetY, self.surface.square)
        if place is not None:
            self.click_points(place[0], place[1], self.hit_radius())

    def on_key(self, event):
        key, extent = event.key, self.surface.extent
        if key in ("0", "1"):
            self.pick_class(int(key))
        elif key == "Enter":
            self.focused = True  # the cursor it edits at shows
            if self.cursor is None:
                self.cursor = start_cursor(extent)
            self._place_cursor()
            fx, fy = cursor_fraction(self.cursor, extent)
            self.click_points(fx, fy, self.hit_radius())
        else:
            moved = move_cursor(self.cursor or start_cursor(extent), key, event.shiftKey, extent)
            if moved is None:
                return  # another key: the page's shortcuts
            self.cursor, self.focused = moved, True
            self._place_cursor()
            self.surface.redraw()
            self.say_points(cursor_words(moved))
        event.preventDefault()

    def on_focus(self, event):
        matches = getattr(self.surface.canvas, "matches", None)
        self.focused = matches is None or bool(matches(":focus-visible"))  # not by a click
        if self.cursor is None:
            self.cursor = start_cursor(self.surface.extent)
        self._place_cursor()
        self.surface.redraw()

    def on_blur(self, event):
        self.focused = False
        self._place_cursor()
        self.surface.redraw()
