"""The network panel of the Lab: the diagram (app/network/diagram.py) with each unit's picture (pictures.py), the
chain-rule panel of a weight or bias (chain_panel.py) and its value set by hand (editing.py), and the "Unit pictures"
check box (the view setting `pictures`, in the link as pictures=false when off).

The lab view asks the worker for what this panel shows with the plots (units_wanted(), chain_name()), and this panel
draws it from each snapshot on screen. Clicking or tapping a weight or bias, or Enter or Space on a focused one,
opens its chain rule; ArrowUp and ArrowDown change it. Plain Python for MicroPython and CPython; the browser modules
are imported inside the methods.
"""

from app.network.chain_panel import ChainPanel
from app.network.editing import Editing
from app.network.pictures import UnitPictures
from app.network.weights import param_name

OPEN_KEYS = ("Enter", " ")


class NetworkPanel:
    def __init__(self, context, diagram, refresh):
        from pyscript.ffi import create_proxy

        document = context.document
        self.context, self.diagram, self.refresh = context, diagram, refresh
        self.pictures = UnitPictures(
            diagram,
            document.getElementById("unit-popup"),
            document.getElementById("unit-popup-picture"),
            document.getElementById("unit-popup-text"),
        )
        self.chain = ChainPanel(document, on_close=self._closed)
        self.editing = Editing(context, diagram, self.chain)
        self.box = document.getElementById("pictures")
        self.visible = True  # the diagram is in the viewport (an IntersectionObserver says so where there is one)
        self._proxies = {
            "click": create_proxy(self._on_click),
            "keydown": create_proxy(self._on_keydown),
            "change": create_proxy(self._on_box),
        }
        diagram.svg.addEventListener("click", self._proxies["click"])
        diagram.svg.addEventListener("keydown", self._proxies["keydown"])
        self.box.addEventListener("change", self._proxies["change"])
        diagram.on_build = self._apply
        self._apply()
        self._observe()
        context.subscribe("snapshot", self.show)  # after the lab view's: the diagram is drawn first
        context.subscribe("settings changed", self._settings_changed)

    # -- what the lab asks the worker for ---------------------------------------------------------------------------

    def units_wanted(self):
        return bool(self.context.settings["pictures"]) and self.visible

    def chain_name(self):
        return self.chain.name

    def show(self, snap, surface, plots):
        if not plots:
            return
        if "units" in snap:
            self.pictures.draw(snap["units"])
        if "chain" in snap:
            self.chain.show(snap["chain"])

    def reset(self):
        self.editing.reset()

    # -- the pictures' check box and visibility ---------------------------------------------------------------------

    def _apply(self):
        on = bool(self.context.settings["pictures"])
        self.box.checked = on
        if on:
            self.diagram.svg.classList.remove("no-pictures")
        else:
            self.diagram.svg.classList.add("no-pictures")
            self.pictures.hide()

    def _on_box(self, event):
        on = bool(self.box.checked)
        if on == self.context.settings["pictures"]:
            return
        self.context.change("pictures", on, self)
        self._apply()
        self._update()

    def _settings_changed(self, names, origin):
        if origin is not self and "pictures" in names:
            self._apply()

    def _update(self):
        """The pictures or the chain rule are wanted now: ask for them unless training brings them anyway."""
        if self.context.snap is not None and not self.context.looping:
            self.context.later(self.refresh())

    def _observe(self):
        from pyscript.ffi import create_proxy

        observer_class = getattr(self.context.window, "IntersectionObserver", None)
        if observer_class is None:
            return
        self._proxies["seen"] = create_proxy(self._on_seen)
        self.observer = observer_class.new(self._proxies["seen"])
        self.observer.observe(self.diagram.svg)

    def _on_seen(self, entries, observer):
        was = self.visible
        self.visible = bool(entries[entries.length - 1].isIntersecting)
        if self.visible and not was and self.context.settings["pictures"]:
            self._update()

    # -- a weight or bias picked ------------------------------------------------------------------------------------

    def _param_of(self, event):
        target = event.target
        element = target.closest("[data-param]") if target and hasattr(target, "closest") else None
        if element is None:
            return None
        return int(element.getAttribute("data-param"))

    def open(self, j, focus_field=False):
        texts = self.diagram.texts
        self.chain.open(param_name(self.diagram.keys[j]), "" if texts is None else texts[j], focus_field)
        self._update()

    def _on_click(self, event):
        j = self._param_of(event)
        if self.editing.suppress_click:
            self.editing.suppress_click = False
            return
        if j is not None:
            self.open(j)

    def _on_keydown(self, event):
        j = self._param_of(event)
        if j is None:
            return
        if event.key in OPEN_KEYS:
            event.preventDefault()
            self.open(j, focus_field=True)
        elif self.diagram.texts is not None:
            name = param_name(self.diagram.keys[j])
            if self.editing.nudge(name, self.diagram.texts[j], event.key, event.shiftKey):
                event.preventDefault()

    def _closed(self, name):
        """The chain-rule panel closed: the focus back on its weight."""
        for j, key in enumerate(self.diagram.keys):
            if param_name(key) == name:
                self.diagram.items[j]["group"].focus()
                return
