"""A weight or bias set by hand: typed into the chain-rule panel's field (Set, or Enter), dragged up or down on the
diagram with a mouse or a pen, or nudged with the arrow keys on a focused weight (ArrowUp/ArrowDown by NUDGE, with
Shift by BIG_NUDGE). Each edit is the worker's set_param (Model.set_param), shown as Step's answer is: the context
puts the snapshot on screen, and every panel follows (plots, pictures, the Notebook view, the landscape). At most one
set_param is in flight; while it is, the latest value asked waits, and the ones before it are dropped.

The worker validates the value like an imported run's (a finite number, at most 1e6 in size) and refuses it with a
message naming the parameter: shown beside the field (or in the page's messages for a drag or a key), the network
unchanged. After an edit the link's params= holds the network's parameters (the worker's text), so the link gives
them back; Reset goes back to the seed's parameters (the worker forgets a link's starting parameters on an edit)
and clears params=.

The values a drag or a key asks for are spelled here (the number typed by hand, in effect): a nudge adds NUDGE and
keeps 10 significant digits, a drag moves DRAG_PER_PIXEL per CSS pixel and keeps two decimals. Plain Python for
MicroPython and CPython; the browser modules are imported inside the methods.
"""

from app.door import Refused
from app.network.weights import param_name

NUDGE, BIG_NUDGE = 0.1, 1.0
DRAG_PER_PIXEL = 0.02  # 50 CSS pixels up: +1
DRAG_THRESHOLD = 3  # CSS pixels a press moves before it is a drag (less is a click)
KEYS = {"ArrowUp": 1, "ArrowDown": -1}


def plain(text):
    """A number's text without a minus on zero ("-0.00" -> "0.00")."""
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def nudge_step(key, shift):
    """The change an arrow key asks for, or None for another key."""
    sign = KEYS.get(key)
    if sign is None:
        return None
    return sign * (BIG_NUDGE if shift else NUDGE)


def nudged(text, key, shift):
    """The value text after an arrow key on a parameter whose value is text, or None for another key or a value
    that is not a finite number."""
    step = nudge_step(key, shift)
    try:
        value = float(text)
    except ValueError:
        return None
    if step is None or value != value or value in (float("inf"), float("-inf")):
        return None
    return plain("%.10g" % (value + step))


def drag_value(start_text, dy):
    """The value text of a drag dy CSS pixels down (negative: up) from a parameter whose value was start_text."""
    return plain("%.2f" % (float(start_text) - dy * DRAG_PER_PIXEL))


def is_drag(dy):
    return dy >= DRAG_THRESHOLD or dy <= -DRAG_THRESHOLD


class Editing:
    """The edits of one page: the panel's form, the diagram's drags and keys (the network panel passes those on)."""

    def __init__(self, context, diagram, chain):
        from pyscript.ffi import create_proxy

        document = context.document
        self.context, self.diagram, self.chain = context, diagram, chain
        self.field = document.getElementById("chain-field")
        self.message = document.getElementById("chain-edit-message")
        self.busy = False
        self.pending = None  # (name, text, from_field) asked while one was in flight: the latest only
        self.latest = {}  # name: the text last asked, while edits are in flight (a key's next nudge starts there)
        self.edited = False  # the network on screen has a parameter set by hand since its start or Reset
        self.drag = None  # the pointer's press: {"j", "name", "y", "start", "id", "dragging", "sent"}
        self.suppress_click = False  # the click that ends a drag opens no panel
        self._proxies = {
            "submit": create_proxy(self._on_submit),
            "pointerdown": create_proxy(self._on_down),
            "pointermove": create_proxy(self._on_move),
            "pointerup": create_proxy(self._on_up),
            "pointercancel": create_proxy(self._on_up),
        }
        document.getElementById("chain-edit").addEventListener("submit", self._proxies["submit"])
        for event in ("pointerdown", "pointermove", "pointerup", "pointercancel"):
            diagram.svg.addEventListener(event, self._proxies[event])

    # -- the messages -------------------------------------------------------------------------------------------

    def show_message(self, text):
        self.message.textContent = text
        self.field.setAttribute("aria-invalid", "true")

    def clear_message(self):
        if self.message.textContent:
            self.message.textContent = ""
        self.field.removeAttribute("aria-invalid")

    # -- the ways in --------------------------------------------------------------------------------------------

    def _on_submit(self, event):
        event.preventDefault()
        if self.chain.name is not None:
            self.send(self.chain.name, self.field.value.strip(), True)

    def nudge(self, name, text, key, shift):
        """An arrow key on the parameter name whose value on screen is text; returns whether the key was one."""
        value = nudged(self.latest.get(name, text), key, shift)
        if value is None:
            return nudge_step(key, shift) is not None
        self.send(name, value)
        return True

    def _param_of(self, event):
        target = event.target
        element = target.closest("[data-param]") if target and hasattr(target, "closest") else None
        if element is None:
            return None, None
        return int(element.getAttribute("data-param")), element

    def _on_down(self, event):
        self.suppress_click = False
        if event.button != 0 or event.pointerType == "touch" or self.diagram.texts is None:
            return  # a touch scrolls the page and a tap opens the panel; its field sets the value
        j, element = self._param_of(event)
        if j is None:
            return
        name = param_name(self.diagram.keys[j])
        self.drag = {"j": j, "name": name, "y": event.clientY, "start": self.diagram.texts[j], "sent": None}
        self.drag["dragging"] = False
        element.setPointerCapture(event.pointerId)

    def _on_move(self, event):
        drag = self.drag
        if drag is None:
            return
        dy = event.clientY - drag["y"]
        if not drag["dragging"]:
            if not is_drag(dy):
                return
            drag["dragging"] = True
            self.diagram.svg.classList.add("dragging")
        event.preventDefault()
        value = drag_value(drag["start"], dy)
        if value != drag["sent"]:
            drag["sent"] = value
            self.send(drag["name"], value)

    def _on_up(self, event):
        drag, self.drag = self.drag, None
        if drag is not None and drag["dragging"]:
            self.suppress_click = True
            self.diagram.svg.classList.remove("dragging")

    # -- to the worker ------------------------------------------------------------------------------------------

    def send(self, name, text, from_field=False):
        """Ask the worker to set name to text: now, or when the edit in flight has landed (the latest ask wins)."""
        self.latest[name] = text
        if self.busy:
            self.pending = (name, text, from_field)
            return
        self.busy = True
        self.context.later(self._run((name, text, from_field)))

    async def _run(self, item):
        context, changed = self.context, False
        try:
            while item is not None:
                name, text, from_field = item
                try:
                    snap, surface = await context.model.set_param(name, text, context.request())
                except Refused as err:
                    if from_field:
                        self.show_message(str(err))
                    else:
                        context.say(str(err))
                else:
                    if from_field or self.message.textContent:
                        self.clear_message()
                    changed = self.edited = True
                    context.show(snap, surface)
                item, self.pending = self.pending, None
            if changed:
                await self.write_link()
        finally:
            self.busy = False
            self.latest = {}

    async def write_link(self):
        """The network's parameters into the link's params=, so that the link gives back the edited network."""
        context = self.context
        try:
            _, text = await context.model.export_file("params")
        except Refused:
            return
        if self.edited:  # no Reset came in between
            context.settings["params"] = text
            context.replace_link()

    def reset(self):
        """Reset was pressed: after an edit, the network goes back to the seed's parameters, and the link with it."""
        if self.edited:
            self.edited = False
            self.context.settings["params"] = ""
            self.context.replace_link()
