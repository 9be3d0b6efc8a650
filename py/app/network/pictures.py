"""Each unit's picture on the network diagram: its output over the input square, as the worker drew it (snap["units"],
worker/network/pictures.py: side x side RGBA images, hidden units first, then A2), and the picture enlarged with the
unit's value range when the unit is hovered or focused.

How the pictures are drawn: each unit's box holds an SVG <foreignObject> with a small HTML <canvas> of the image's own
size (32 x 32), scaled by the browser with the SVG. Per frame that is one copy of the unit's bytes into its ImageData
and one putImageData per unit: no image encoding, no URL, nothing to revoke, synchronous, so a picture never flickers
while its next one loads; about 35 calls for n_h 16: 1 ms a frame (median; 7 ms at the 95th percentile) in Chromium
while training at top speed. The alternatives cost more: an SVG <image> per unit needs a blob: URL of an encoded image
(canvas.toBlob, asynchronous PNG encoding and decoding, 17 URLs made and revoked every frame), and one <canvas>
layered under the SVG must follow the SVG's scaling and aspect ratio by hand at every resize. (The page's CSP allows
no data: images; blob: is allowed but not needed.) The one cost: a foreignObject would taint a canvas drawn from the
SVG, so the diagram's PNG export (app/share/export_menu.py) draws the pictures' canvases after the SVG image.

Pure functions: where an image's bytes start, the unit's range and label texts, the popup's place. `UnitPictures`
draws into the slots the diagram builds (picture_slot) and shows the popup. Plain Python for MicroPython and CPython;
the browser modules are imported inside the methods.
"""

from shared.exact_text import exact_value
from shared.i18n import _

POPUP_GAP = 8  # CSS pixels between a unit and its enlarged picture


def image_start(offset, side, k):
    """Where the k-th unit's image starts in the answer's body (hidden units first, then A2)."""
    return offset + k * side * side * 4


def range_text(name, low, high):
    """ "A1[0]: from −0.96 to 0.97", from the worker's "%.3g" texts of the unit's minimum and maximum."""
    # Translators: {name} is a unit's name (A1[0], A2); {low} and {high} are numbers.
    return _("{name}: from {low} to {high}").format(name=name, low=exact_value(low), high=exact_value(high))


def picture_label(name, low=None, high=None):
    """The picture's text alternative: what it shows and the range of the unit's values over the input square."""
    if low is None:
        if name == "A2":
            return _("Picture of the output A2: its output over the input square (not drawn yet)")
        # Translators: {name} is a hidden unit's name (A1[0]).
        return _("Picture of hidden unit {name}: its output over the input square (not drawn yet)").format(name=name)
    low, high = exact_value(low), exact_value(high)
    if name == "A2":
        return _("Picture of the output A2: its output over the input square, from {low} to {high}").format(
            low=low, high=high
        )
    return _("Picture of hidden unit {name}: its output over the input square, from {low} to {high}").format(
        name=name, low=low, high=high
    )


def popup_place(box, size, viewport_width):
    """(left, top) in CSS pixels of a popup of size (width, height) beside the unit's box (left, top, right, bottom):
    to its right when it fits in the viewport, else to its left, else over it; never above the page's top edge."""
    left, top, right, bottom = box
    width, height = size
    if right + POPUP_GAP + width <= viewport_width - 4:
        x = right + POPUP_GAP
    elif left - POPUP_GAP - width >= 4:
        x = left - POPUP_GAP - width
    else:
        x = max(4, min(left, viewport_width - width - 4))
        return x, bottom + POPUP_GAP
    return x, max(4, (top + bottom) / 2 - height / 2)


def part_of(body, start, length):
    """length bytes of the answer's body from start: bytes under CPython (the tests), a JavaScript view (no copy)
    of the typed array on the page."""
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body[start : start + length])
    return body.subarray(start, start + length)


def picture_slot(make, document, parent, k, name, place):
    """A unit's picture on the diagram: a focusable <g class="unit-picture" data-unit=k role=img> with a frame and
    a <foreignObject> holding a <canvas>, at place (x, y, side) in viewBox units. Returns {"group", "canvas"}."""
    x, y, side = place
    attrs = {"x": f"{x:.1f}", "y": f"{y:.1f}", "width": f"{side:.1f}", "height": f"{side:.1f}"}
    group = make(
        "g",
        parent,
        {
            "class": "unit-picture",
            "tabindex": "0",
            "role": "img",
            "data-unit": str(k),
            "aria-label": picture_label(name),
        },
    )
    frame = dict(attrs)
    frame["class"] = "picture-frame"
    make("rect", group, frame)
    holder = make("foreignObject", group, attrs)
    canvas = document.createElement("canvas")
    canvas.setAttribute("class", "unit-canvas")
    canvas.setAttribute("aria-hidden", "true")
    holder.appendChild(canvas)
    return {"group": group, "canvas": canvas, "name": name}


class UnitPictures:
    """Draws snap["units"] into the diagram's picture slots, and the popup (an element with a <canvas> and a text)
    of the hovered or focused unit."""

    def __init__(self, diagram, popup, popup_canvas, popup_text):
        from pyscript.ffi import create_proxy

        self.diagram, self.popup, self.popup_canvas, self.popup_text = diagram, popup, popup_canvas, popup_text
        popup.hidden = True
        self.units = None  # the last snap["units"] drawn
        self.slots = None  # the diagram's slots the images were made for
        self.images = []  # an ImageData per slot
        self.labels = []
        self._hover = self._focus = self._shown = None
        self._proxies = {
            "mouseover": create_proxy(self._on_over),
            "mouseout": create_proxy(self._on_out),
            "focusin": create_proxy(self._on_focusin),
            "focusout": create_proxy(self._on_focusout),
            "keydown": create_proxy(self._on_keydown),
        }
        for event, proxy in self._proxies.items():
            diagram.svg.addEventListener(event, proxy)

    def draw(self, units):
        """Put each unit's image into its canvas (units: snap["units"] with "rgba", or None to keep them).
        Returns the number of pictures drawn."""
        slots = self.diagram.picture_slots
        if units is None or not slots or len(units["names"]) != len(slots):
            return 0
        side, body = units["side"], units["rgba"]
        length = side * side * 4
        if slots is not self.slots or not self.images or self.images[0].width != side:
            self.slots, self.images, self.labels = slots, [], [None] * len(slots)
            for slot in slots:
                canvas = slot["canvas"]
                canvas.width = canvas.height = side
                self.images.append(canvas.getContext("2d").createImageData(side, side))
        for k, slot in enumerate(slots):
            image = self.images[k]
            image.data.set(part_of(body, image_start(units["offset"], side, k), length))  # one copy, in JavaScript
            slot["canvas"].getContext("2d").putImageData(image, 0, 0)
            low, high = units["ranges"][k]
            label = picture_label(slot["name"], low, high)
            if label != self.labels[k]:
                slot["group"].setAttribute("aria-label", label)
                self.labels[k] = label
        self.units = units
        if self._shown is not None:
            self._fill_popup(self._shown)
        return len(slots)

    # -- the popup ------------------------------------------------------------------------------------------------

    def _unit_of(self, event):
        target = event.target
        element = target.closest("[data-unit]") if target and hasattr(target, "closest") else None
        if element is None:
            return None, None
        return int(element.getAttribute("data-unit")), element

    def _on_over(self, event):
        k, element = self._unit_of(event)
        if k is not None and k != self._hover:
            self._hover = k
            self.show(k, element)

    def _on_out(self, event):
        k, element = self._unit_of(event)
        if k is None:
            return
        related = event.relatedTarget
        if related is not None and element.contains(related):
            return
        self._hover = None
        if self._focus is None:
            self.hide()

    def _on_focusin(self, event):
        k, element = self._unit_of(event)
        if k is not None:
            self._focus = k
            self.show(k, element)

    def _on_focusout(self, event):
        self._focus = None
        if self._hover is None:
            self.hide()

    def _on_keydown(self, event):
        if event.key == "Escape" and self._shown is not None:
            self.hide()

    def _fill_popup(self, k):
        units = self.units
        if units is None or k >= len(self.images):
            self.popup_text.textContent = picture_label(self.diagram.picture_slots[k]["name"])
            return
        canvas = self.popup_canvas
        if canvas.width != units["side"]:
            canvas.width = canvas.height = units["side"]
        canvas.getContext("2d").putImageData(self.images[k], 0, 0)
        low, high = units["ranges"][k]
        self.popup_text.textContent = range_text(units["names"][k], low, high)

    def show(self, k, element):
        import js

        if k >= len(self.diagram.picture_slots):
            return
        self._shown = k
        self._fill_popup(k)
        popup = self.popup
        popup.hidden = False
        box = element.getBoundingClientRect()
        left, top = popup_place(
            (box.left, box.top, box.right, box.bottom), (popup.offsetWidth, popup.offsetHeight), js.window.innerWidth
        )
        popup.style.left = f"{left:.0f}px"
        popup.style.top = f"{top:.0f}px"

    def hide(self):
        self._shown = None
        self.popup.hidden = True
