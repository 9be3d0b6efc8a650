"""The cost landscape panel of the lab view: J over a plane through the current parameters, spanned by two
parameters the student picks or two random directions, over a range the student sets.

Computed in the model's worker (py/worker/landscape/plot.py: one forward pass over a 64 x 64 grid), one request at a
time, whenever the network on screen changed while not training (paused, stepped, reset, a new setting), the
axes or the range changed, the canvas changed size, or on Compute; while training it waits for the pause.
The axes and the range are in the link (landscape_axes, landscape_span). No maths here.
"""

from app.door import Refused
from app.landscape.plot import LandscapePlot, contour_text
from app.setting_kinds import parameter_names
from app.settings import DEFAULTS, spell, validate
from shared.i18n import N_, _

RANDOM = "random"
NOT_COMPUTED = N_("Not computed yet: it is drawn when the network is not training (press Pause), or press Compute.")


def axes_setting(x, y):
    """The landscape_axes setting for the two selects' values ("random" if either is)."""
    if x == RANDOM or y == RANDOM:
        return RANDOM
    return x + "," + y


def axes_request(setting):
    """What the worker takes for the setting: "random" or [name 1, name 2]."""
    if setting == RANDOM:
        return RANDOM
    first, second = setting.split("],")
    return [first + "]", second]


def other_parameter(names, taken):
    """A parameter of names other than taken (the next one), for the second axis."""
    index = names.index(taken) if taken in names else -1
    return names[(index + 1) % len(names)]


class LandscapePanel:
    def __init__(self, context):
        self.context, self.document, self.window = context, context.document, context.window
        element = self.document.getElementById
        self.element = element
        self.plot = LandscapePlot(element("landscape"), element("landscape-legend"))
        self.x_select, self.y_select = element("landscape-x"), element("landscape-y")
        self.span_field = element("landscape_span")
        self.n_h = None  # the network whose parameters the selects list
        self.busy = False
        self.wanted = False  # asked for while busy: compute again when the answer lands
        self.shown = None  # what the landscape on screen was computed for
        self.x_select.addEventListener("change", lambda event: self._axes_changed("x"))
        self.y_select.addEventListener("change", lambda event: self._axes_changed("y"))
        self.span_field.addEventListener("change", lambda event: self._span_changed())
        element("landscape-form").addEventListener("submit", self._on_submit)
        self._observe_size()
        self._status(_(NOT_COMPUTED))  # the empty state says what to do
        context.subscribe("snapshot", self._on_snapshot)
        if context.snap is not None:  # loaded after the first snapshot
            self.on_snapshot(context.snap)

    def _observe_size(self):
        """Recompute when the canvas is laid out or resized (a tab shown, the window resized)."""
        from pyscript.ffi import create_proxy

        observer_class = getattr(self.window, "ResizeObserver", None)
        if observer_class is not None:
            self.observer = observer_class.new(create_proxy(lambda entries, observer: self.want()))
            self.observer.observe(self.element("landscape"))

    # --- the controls -------------------------------------------------------------------------

    def show_controls(self, n_h):
        settings = self.context.settings
        if n_h != self.n_h:
            self.n_h = n_h
            names = parameter_names(n_h)
            # Translators: the landscape's axes: a random direction through the parameters, instead of one parameter.
            labels = ((self.x_select, _("random direction 1")), (self.y_select, _("random direction 2")))
            for select, label in labels:
                options = [(RANDOM, label)] + [(name, name) for name in names]
                select.replaceChildren()
                for value, text in options:
                    option = self.document.createElement("option")
                    option.value = value
                    option.textContent = text
                    select.appendChild(option)
        setting = settings["landscape_axes"]
        x, y = (RANDOM, RANDOM) if setting == RANDOM else axes_request(setting)
        self.x_select.value, self.y_select.value = x, y
        if self.span_field.getAttribute("aria-invalid") != "true":
            self.span_field.value = spell(settings["landscape_span"])

    def _axes_changed(self, which):
        x, y = self.x_select.value, self.y_select.value
        names = parameter_names(self.n_h or DEFAULTS["n_h"])
        if which == "x" and x != RANDOM and y in (RANDOM, x):
            y = other_parameter(names, x)
        elif which == "y" and y != RANDOM and x in (RANDOM, y):
            x = other_parameter(names, y)
        self._save("landscape_axes", axes_setting(x, y))

    def _span_changed(self):
        """Apply the range field; False when it is not a valid range (the message says why)."""
        try:
            span = validate("landscape_span", self.span_field.value)
        except ValueError as err:
            # Translators: the landscape's range field, named at the start of its error ("The range must be ...").
            self._error(str(err).replace("landscape_span", _("The range")))
            self.span_field.setAttribute("aria-invalid", "true")
            return False
        self.span_field.removeAttribute("aria-invalid")
        if span != self.context.settings["landscape_span"]:
            self._save("landscape_span", span)
        return True

    def _save(self, name, value):
        self.context.change(name, value)
        self.show_controls(self.n_h)
        self.want(force=True)

    def _on_submit(self, event):
        event.preventDefault()
        if self._span_changed():
            self.want(force=True)

    # --- computing ----------------------------------------------------------------------------

    def _on_snapshot(self, snap, surface, plots):
        if plots:
            self.on_snapshot(snap)

    def on_snapshot(self, snap):
        """The lab showed a snapshot: the selects follow its network; the landscape follows when not training."""
        self.show_controls(snap["config"]["n_h"])
        self.want()

    def want(self, force=False):
        context = self.context
        if context.snap is None or context.looping or context.settings["view"] != "lab":
            return
        size = self.plot.size()
        if size is None:
            return
        key = (
            context.snap["version"],
            context.settings["landscape_axes"],
            context.settings["landscape_span"],
            size[0],
            size[1],
        )
        if key == self.shown and not force:
            return
        if self.busy:
            self.wanted = True
            return
        self.busy = True
        context.later(self._compute(key, size))

    async def _compute(self, key, size):
        context = self.context
        self._status(_("Computing the cost landscape…"))
        try:
            view, rgba = await context.model.landscape(axes_request(key[1]), key[2], size)
        except Refused as err:
            self._error(_("The landscape could not be drawn: {error}.").format(error=err))
            self.shown = key
            return
        finally:
            self.busy = False
        self.shown = key
        self._error("")
        self.plot.draw(view, rgba)
        # Translators: {contours} is a sentence of the contour lines ("White contour lines at ...").
        self._status(
            _("At step {step}. {contours}").format(step=context.snap["step"], contours=contour_text(view["contours"]))
        )
        if self.wanted:
            self.wanted = False
            self.want()

    def _status(self, text):
        self.element("landscape-status").textContent = text

    def _error(self, text):
        self.element("landscape-error").textContent = text
