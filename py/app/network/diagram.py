"""The network diagram: x1, x2 -> n_h hidden units A1[i] -> output A2, as SVG.

Every weight is a line (colour and dash by sign, width by magnitude); every bias is the outline of
its unit (same encoding). Each weight and bias is focusable and labelled, and shows its exact value
in a tooltip on hover and on keyboard focus, through four listeners on the <svg> (event delegation).

Pure functions: stroke widths, sign styles, value texts, names and the layout. `NetworkDiagram`
creates the elements once per n_h and, per frame, writes only changed attributes. Exact values are
the worker's texts (CPython's repr; MicroPython's float repr differs in the last digits).
Plain Python for MicroPython (the page) and CPython (the tests); the browser modules are imported
lazily inside the methods, so this module imports anywhere.
"""

from app.network.layout import COLUMN_X, HEADER, NODE_HEIGHT, NODE_WIDTH, layout, row_spacing  # noqa: F401
from app.network.pictures import picture_slot
from app.network.weights import (
    STYLES,
    aria_label,
    hidden_name,
    param_keys,
    param_name,
    param_values,
    sign_category,
    stroke_width,
    tooltip_text,
)
from app.pacing import clock
from shared.i18n import _, ngettext

SVG_NS = "http://www.w3.org/2000/svg"
LABEL_INTERVAL = 0.5  # seconds between refreshes of the aria-labels while the values change


class NetworkDiagram:
    """The 2-n_h-1 network as SVG, with a tooltip for every weight and bias.

    svg: an <svg> element (empty; its children are replaced by build). It gets the class
    "network-diagram", role="group" and an aria-label. tooltip: an HTML element (e.g. a <div>) that
    is shown near the hovered or focused weight; it gets role="tooltip", the class "plot-tooltip"
    (position: fixed, see static/css/plots.css), an id if it has none, and is hidden when idle.
    Listeners (mouseover, mouseout, focusin, focusout, keydown for Escape) are added once, on the svg.
    """

    def __init__(self, svg, tooltip):
        from pyscript.ffi import create_proxy

        self.svg, self.tooltip = svg, tooltip
        svg.classList.add("network-diagram")
        svg.setAttribute("role", "group")
        tooltip.classList.add("plot-tooltip")
        tooltip.setAttribute("role", "tooltip")
        if not tooltip.id:
            tooltip.id = "network-diagram-tooltip"
        tooltip.hidden = True
        self.n_h = None
        self.geometry = None  # the layout(n_h) of the last build
        self.overlay = None  # <g class="diagram-overlay">, the svg's last child after a build (the slow-motion step's)
        self.keys, self.items = [], []
        self.values = None
        self._hover = self._focus = self._shown = None
        self._tooltip_text = None
        self._labels_at = -1e9
        self._proxies = {
            "mouseover": create_proxy(self._on_over),
            "mouseout": create_proxy(self._on_out),
            "focusin": create_proxy(self._on_focusin),
            "focusout": create_proxy(self._on_focusout),
            "keydown": create_proxy(self._on_keydown),
        }
        for event, proxy in self._proxies.items():
            svg.addEventListener(event, proxy)
        self._proxies["timer"] = create_proxy(self._on_timer)
        self._timer = None
        self.on_point = None  # on_point(name or None): the weight or bias shown now, for linked views
        self.on_build = None  # on_build(): called after each build (new elements: the pictures' slots, the overlay)
        self.picture_slots = []  # each unit's picture's <canvas>, hidden units first, then the output
        self._linked = None

    # -- building -------------------------------------------------------------------------------

    def build(self, n_h):
        """Create the elements for a 2-n_h-1 network (replacing any previous ones)."""
        import js

        document = js.document
        self._hide()
        self._hover = self._focus = None
        self.n_h = n_h = int(n_h)
        self.geometry = geo = layout(n_h)
        svg = self.svg
        svg.setAttribute("viewBox", f"0 0 {geo['width']:g} {geo['height']:g}")
        label = ngettext(
            "Network diagram: inputs x1 and x2, {n} hidden unit A1, output A2. Tab to a weight or bias to read its "
            "value, Enter for its chain rule, arrow keys up or down to change it; to a unit's picture for its output "
            "over the inputs.",
            "Network diagram: inputs x1 and x2, {n} hidden units A1, output A2. Tab to a weight or bias to read its "
            "value, Enter for its chain rule, arrow keys up or down to change it; to a unit's picture for its output "
            "over the inputs.",
            n_h,
        )
        svg.setAttribute("aria-label", label.format(n=n_h))
        fragment = document.createDocumentFragment()

        def make(tag, parent, attrs=None, text=None):
            el = document.createElementNS(SVG_NS, tag)
            for name, value in (attrs or {}).items():
                el.setAttribute(name, str(value))
            if text is not None:
                el.textContent = text
            parent.appendChild(el)
            return el

        # Translators: the network diagram's column titles; A0 and A1 are the notebook's names.
        titles = (("input", _("inputs A0")), ("hidden", _("hidden layer A1")), ("output", _("output")))
        for column, title in titles:
            make("text", fragment, {"class": "column-title", "x": COLUMN_X[column], "y": 14}, title)

        self.keys = param_keys(n_h)
        self.items = []
        wires = make("g", fragment, {"class": "wires"})
        ends = {("W0", i, k): geo["W0"][i][k] for i in range(n_h) for k in range(2)}
        ends.update({("W1", 0, i): geo["W1"][i] for i in range(n_h)})
        for key in self.keys[: 3 * n_h]:
            x1, y1, x2, y2 = ("%.1f" % v for v in ends[key])
            group = make(
                "g",
                wires,
                {"class": "param weight", "tabindex": "0", "role": "img", "data-param": str(len(self.items))},
            )
            make("line", group, {"class": "hit", "x1": x1, "y1": y1, "x2": x2, "y2": y2})
            line = make("line", group, {"class": "wire", "x1": x1, "y1": y1, "x2": x2, "y2": y2})
            self.items.append({"group": group, "shape": line})

        nodes = make("g", fragment, {"class": "units"})
        boxes = geo["boxes"]
        for k, (x, y) in enumerate(geo["input"]):
            group = make("g", nodes, {"class": "unit input"})
            self._node_shapes(make, group, (x, y), boxes["input"], f"x{k + 1}", x)
        bias_groups, self.picture_slots = [], []
        names = [hidden_name(i) for i in range(n_h)] + ["A2"]
        centres = geo["hidden"] + geo["output"]
        for k, (x, y) in enumerate(centres):
            box = boxes["hidden" if k < n_h else "output"]
            left, _top, side = geo["pictures"][k]
            label_x = (left + side + x + box[0]) / 2  # in the room right of the picture
            group = make("g", nodes, {"class": "param unit bias", "tabindex": "0", "role": "img"})
            bias_groups.append((group, self._node_shapes(make, group, (x, y), box, names[k], label_x)))
            self.picture_slots.append(picture_slot(make, document, nodes, k, names[k], geo["pictures"][k]))
        for group, ring in bias_groups:
            group.setAttribute("data-param", str(len(self.items)))
            self.items.append({"group": group, "shape": ring})

        self.overlay = make("g", fragment, {"class": "diagram-overlay"})
        svg.replaceChildren(fragment)
        self.values = self.texts = None
        self._width = [None] * len(self.keys)
        self._category = [None] * len(self.keys)
        self._labels = [None] * len(self.keys)
        self._tooltip_text = None
        if self.on_build is not None:
            self.on_build()

    @staticmethod
    def _node_shapes(make, group, centre, box, label, label_x):
        """A unit: a focus halo, a box (whose outline is the bias) and its name. Returns the box."""
        (x, y), (half_w, half_h) = centre, box
        r = min(half_h, 12.0)

        def rect(cls, grow):
            return make(
                "rect",
                group,
                {
                    "class": cls,
                    "x": f"{x - half_w - grow:.1f}",
                    "y": f"{y - half_h - grow:.1f}",
                    "width": f"{2 * (half_w + grow):.1f}",
                    "height": f"{2 * (half_h + grow):.1f}",
                    "rx": f"{r + grow:.1f}",
                },
            )

        rect("halo", 5)
        ring = rect("ring", 0)
        make("text", group, {"class": "unit-label", "x": f"{label_x:.1f}", "y": f"{y:.1f}"}, label)
        return ring

    # -- per frame --------------------------------------------------------------------------------

    def draw(self, params, texts, force_labels=False):
        """Show params (dict of W0, b0, W1, b1, flat row-major lists of floats) with their exact texts
        (the same shape, the worker's repr strings), building first when n_h (len(b0)) differs from the
        built one. Writes only attributes whose value changed; the aria-labels follow at most every
        LABEL_INTERVAL seconds (a timer catches up after the last frame), or now with force_labels; a
        focused element's label is refreshed on focus.
        Returns the number of attribute writes."""
        n_h = len(params["b0"])
        if n_h != self.n_h:
            self.build(n_h)  # a new network size: new elements (the listeners stay)
        self.values = values = param_values(params, n_h)
        self.texts = param_values(texts, n_h)
        writes = 0
        for j, value in enumerate(values):
            width = "%.1f" % stroke_width(value)
            if width != self._width[j]:
                self.items[j]["shape"].setAttribute("stroke-width", width)
                self._width[j] = width
                writes += 1
            category = sign_category(value)
            if category != self._category[j]:
                colour, dash, _unused = STYLES[category]
                shape = self.items[j]["shape"]
                shape.setAttribute("stroke", colour)
                shape.setAttribute("stroke-dasharray", dash)
                self._category[j] = category
                writes += 2
        now = clock()
        if force_labels or now - self._labels_at >= LABEL_INTERVAL:
            writes += self._refresh_labels()
            self._labels_at = now
        elif not self._timer:
            # Labels left stale by this frame are brought up to date LABEL_INTERVAL later, even when
            # no further frame comes (training stopped): one pending timer at a time.
            import js

            self._timer = js.setTimeout(self._proxies["timer"], int(LABEL_INTERVAL * 1000))
        if self._shown is not None:
            writes += self._set_tooltip_text(self._shown)
        return writes

    def _on_timer(self, *args):
        self._timer = None
        self._refresh_labels()
        self._labels_at = clock()

    def _refresh_labels(self, indexes=None):
        if self.values is None:
            return 0
        writes = 0
        for j in range(len(self.keys)) if indexes is None else indexes:
            label = aria_label(self.keys[j], self.values[j])
            if label != self._labels[j]:
                self.items[j]["group"].setAttribute("aria-label", label)
                self._labels[j] = label
                writes += 1
        return writes

    # -- tooltip ----------------------------------------------------------------------------------

    def _index_of(self, event):
        target = event.target
        element = target.closest("[data-param]") if target and hasattr(target, "closest") else None
        if element is None:
            return None, None
        return int(element.getAttribute("data-param")), element

    def _on_over(self, event):
        j, element = self._index_of(event)
        if j is not None and j != self._hover:
            self._hover = j
            self._show(j, element, event)

    def _on_out(self, event):
        j, element = self._index_of(event)
        if j is None:
            return
        related = event.relatedTarget
        if related is not None and element.contains(related):
            return  # moving between the parts of one weight
        self._hover = None
        if self._focus is not None:
            self._show(self._focus, self.items[self._focus]["group"])
        else:
            self._hide()

    def _on_focusin(self, event):
        j, element = self._index_of(event)
        if j is None:
            return
        self._focus = j
        self._refresh_labels([j])
        self._show(j, element)

    def _on_focusout(self, event):
        self._focus = None
        if self._hover is None:
            self._hide()

    def _on_keydown(self, event):
        if event.key == "Escape" and self._shown is not None:
            self._hide()

    def _set_tooltip_text(self, j):
        if self.values is None or j >= len(self.keys):
            return 0
        text = tooltip_text(self.keys[j], self.values[j], self.texts[j])
        if text == self._tooltip_text:
            return 0
        self.tooltip.textContent = self._tooltip_text = text
        return 1

    def highlight(self, name):
        """Mark the weight or bias of that notebook name ("W0[1,0]", "b1"), or none, as linked."""
        if self._linked is not None and self._linked < len(self.items):
            self.items[self._linked]["group"].classList.remove("linked")
        self._linked = None
        for j, key in enumerate(self.keys):
            if param_name(key) == name:
                self.items[j]["group"].classList.add("linked")
                self._linked = j

    def _show(self, j, element, event=None):
        import js

        if self.on_point is not None and j != self._shown:
            self.on_point(param_name(self.keys[j]))
        self._shown = j
        self._set_tooltip_text(j)
        tip = self.tooltip
        tip.hidden = False
        element.setAttribute("aria-describedby", tip.id)
        box = element.getBoundingClientRect()
        if event is not None and getattr(event, "clientX", None) is not None and event.type == "mouseover":
            x, top, bottom = event.clientX, event.clientY - 8, event.clientY + 16
        else:
            x, top, bottom = box.left + box.width / 2, box.top - 6, box.bottom + 6
        width, height = tip.offsetWidth, tip.offsetHeight
        left = min(max(4, x - width / 2), max(4, js.window.innerWidth - width - 4))
        y = top - height if top - height >= 4 else bottom
        tip.style.left = f"{left:.0f}px"
        tip.style.top = f"{y:.0f}px"

    def _hide(self):
        if self.on_point is not None and self._shown is not None:
            self.on_point(None)
        if self._shown is not None and self._shown < len(self.items):
            self.items[self._shown]["group"].removeAttribute("aria-describedby")
        self._shown = None
        self.tooltip.hidden = True
