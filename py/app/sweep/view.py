"""The Many seeds view: one network per seed, all with the lab's other settings, trained together in the model's
worker (py/worker/sweep/sweep.py), to see how often a 2-2-1 network learns XOR, and how the others fail.

The loop keeps IN_FLIGHT sweep_advance calls in flight (each at most SLICE_MS of training), so the worker
trains all the time, while the page paints and the messages travel; what lands is painted at the next animation
frame, at most once a frame, and a plot only when its geometry is new. The plots' geometry is asked for every
PLOT_INTERVAL only (it is the big part of an answer). Stop takes effect when the slices in flight land.
Any network can be opened in the lab at step 0: a click on a plot, a bar chosen by keyboard, a seed's button,
or a seed typed in. No maths here.
"""

import asyncio

from app.door import Refused
from app.lab.readouts import thousands
from app.pacing import Throttle, clock
from app.settings import MODEL_KEYS, model_settings, spell, validate
from app.sweep.plots import SweepPlot, warm_text
from shared.i18n import _, ngettext, pgettext

SLICE_MS = 20  # the longest piece of training in one call
IN_FLIGHT = 2  # sweep_advance calls asked at once
PLOT_INTERVAL = 0.25  # seconds between the plots' geometry while running
FIELDS = ("sweep_first", "sweep_count", "sweep_steps")
PLOTS = (("histogram", "sweep-histogram"), ("curves", "sweep-curves"), ("solve_steps", "sweep-solve"))
CATEGORIES = ("solved", "stuck", "diverged", "training")


def progress_text(summary):
    """E.g. "400 of 1,000" (the steps done, a readout of its own)."""
    # Translators: the steps done of the sweep's steps, as "400 of 1,000".
    return _("{done} of {total}").format(done=thousands(summary["step"]), total=thousands(summary["steps"]))


def time_left_text(summary, stopped=False):
    if stopped:
        return pgettext("sweep time left", "stopped")
    if summary["done"]:
        return pgettext("sweep time left", "done")
    seconds = summary["eta_seconds"]
    if seconds is None:
        return pgettext("sweep time left", "estimating…")
    if seconds < 1:
        return pgettext("sweep time left", "under a second")
    return pgettext("sweep time left", "about {seconds} s").format(seconds=thousands(seconds))


def empty_text(settings):
    """What the view says before its first run: what Run will do, with the form's numbers."""
    first, count = settings["sweep_first"], settings["sweep_count"]
    return _(
        "Press Run to train {count} networks (seeds {first} to {last}, {steps} steps each): their costs show here."
    ).format(
        count=thousands(count),
        first=thousands(first),
        last=thousands(first + count - 1),
        steps=thousands(settings["sweep_steps"]),
    )


def seeds_heading(name, count, shown):
    if name == "solved":
        words = ngettext("Solved: {n} network", "Solved: {n} networks", count)
    elif name == "training":
        words = ngettext("Still improving: {n} network", "Still improving: {n} networks", count)
    elif name == "stuck":
        words = ngettext("Stuck: {n} network", "Stuck: {n} networks", count)
    else:
        words = ngettext("Diverged: {n} network", "Diverged: {n} networks", count)
    words = words.format(n=thousands(count))
    # Translators: {heading} is "Solved: 1,000 networks"; only the first {shown} seeds are listed under it.
    return words if shown >= count else _("{heading} (the first {shown} listed)").format(heading=words, shown=shown)


class SweepView:
    def __init__(self, context):
        import js
        from pyscript.ffi import create_proxy

        self.context, self.document, self.window = context, context.document, context.window
        element = self.document.getElementById
        self.element = element
        self.run_button, self.stop_button = element("sweep-run"), element("sweep-stop")
        self.plots = {kind: SweepPlot(element(canvas_id), kind) for kind, canvas_id in PLOTS}
        self.ready = False
        self.running = False  # a sweep's loop is under way
        self.stop_asked = False
        self.summary = None  # the latest summary, painted at the next frame
        self.settings = None  # the model settings the sweep on screen ran with
        self.dirty = False
        self.listed = None  # the summary whose seeds are listed
        self.plot_throttle = Throttle(PLOT_INTERVAL)
        self.frame_proxy = create_proxy(self.on_frame)
        self.frame_pending = False
        self.warm_proxy = create_proxy(lambda: warm_text(self.document))
        js.setTimeout(self.warm_proxy, 0)
        self.run_button.addEventListener("click", lambda event: self.run())
        self.stop_button.addEventListener("click", lambda event: self.stop())
        for name in FIELDS:
            element(name).addEventListener("change", lambda event: self.field_changed(event.target.name))
        element("sweep-form").addEventListener("submit", lambda event: event.preventDefault())
        element("sweep-open").addEventListener("submit", self._on_open_seed)
        element("sweep-seeds").addEventListener("click", self._on_seed_button)
        for kind, canvas_id in PLOTS:
            canvas = element(canvas_id)
            canvas.addEventListener("click", lambda event, kind=kind: self._on_plot_click(kind, event))
            if kind != "curves":
                canvas.addEventListener("keydown", lambda event, kind=kind: self._on_plot_key(kind, event))

    # --- the view and its settings ------------------------------------------------------------

    def open(self):
        """The view is shown (or the link changed): the fields show the settings, the plots repaint."""
        for name in FIELDS:
            self.element(name).value = spell(self.context.settings[name])
            self._field_error(name, "")
        self._empty_state()
        self.request_frame()

    def _empty_state(self):
        """Before a first run: no empty frames, but what Run will do."""
        empty = self.summary is None and not self.running
        self.element("sweep-plots").hidden = empty
        if empty:
            self._status(empty_text(self.context.settings))

    def model_ready(self):
        self.ready = True
        self._buttons()

    def field_changed(self, name):
        try:
            value = validate(name, self.element(name).value)
        except ValueError as err:
            self._field_error(name, str(err))
            return
        self._field_error(name, "")
        self.context.change(name, value)
        self.open()

    def _field_error(self, name, text):
        self.element(name + "-error").textContent = text
        if text:
            self.element(name).setAttribute("aria-invalid", "true")
        else:
            self.element(name).removeAttribute("aria-invalid")

    def _buttons(self):
        self.run_button.disabled = not self.ready or self.running
        self.stop_button.disabled = not self.running

    # --- running ------------------------------------------------------------------------------

    def run(self):
        if not self.ready or self.running:
            return
        for name in FIELDS:  # a field typed in but not yet applied (no change event yet) counts too
            self.field_changed(name)
            if self.element(name + "-error").textContent:
                return
        self.context.pause()  # one worker: the lab's own training waits
        self.running, self.stop_asked = True, False
        self.element("sweep-plots").hidden = False  # laid out before the plots' sizes are asked
        self._buttons()
        self.context.later(self._loop())

    def stop(self):
        if self.running:
            self.stop_asked = True
            self.stop_button.disabled = True

    async def _loop(self):
        settings = self.context.settings
        self.settings = model_settings(settings)
        model = self.context.model
        try:
            self._status(_("Starting {count} networks…").format(count=thousands(settings["sweep_count"])))
            summary = await model.sweep_start(
                self.settings, settings["sweep_first"], settings["sweep_count"], settings["sweep_steps"]
            )
            self.highlight(None)
            self.element("sweep-seeds").replaceChildren()
            self.show(summary)
            in_flight = []  # the worker has the next slice as it ends one: it never waits for the page
            try:
                while in_flight or not summary["done"]:
                    while len(in_flight) < IN_FLIGHT and not summary["done"] and not self.stop_asked:
                        sizes = self.sizes() if self.plot_throttle.due(clock()) else None
                        in_flight.append(asyncio.create_task(model.sweep_advance(SLICE_MS, sizes)))
                    if not in_flight:
                        break
                    summary = await in_flight.pop(0)
                    self.show(summary)
            finally:
                for task in in_flight:
                    task.cancel()
            self.show(await model.sweep_stop(self.sizes()))
        except Refused as err:
            self._status(_("The sweep could not start: {error}.").format(error=err))
        finally:
            self.running = False
            self._buttons()
            self.request_frame()

    def sizes(self):
        sizes = {}
        for kind, plot in self.plots.items():
            size = plot.size()
            if size is not None:
                sizes[kind] = size
        return sizes or None

    def show(self, summary):
        self.summary = summary
        self.dirty = True
        self.request_frame()

    # --- painting, at most once a frame ----------------------------------------------------------

    def request_frame(self):
        if not self.frame_pending:
            self.frame_pending = True
            self.window.requestAnimationFrame(self.frame_proxy)

    def on_frame(self, timestamp):
        self.frame_pending = False
        summary = self.summary
        if summary is None:
            return
        fresh, self.dirty = self.dirty, False
        for kind, plot in self.plots.items():
            geometry = summary.get(kind) if fresh else None
            if geometry is not None or not fresh:  # a summary without a plot's geometry leaves it as it is
                plot.draw(geometry)
        if not fresh:
            return
        self.element("sweep-progress").value = summary["progress"]
        self.element("sweep-steps-done").textContent = progress_text(summary)
        finished = not self.running or summary["done"]
        stopped = finished and self.stop_asked
        self.element("sweep-time-left").textContent = time_left_text(summary, stopped)
        if finished:
            # Translators: {shares} is the model's sentence of how many networks solved, got stuck or diverged.
            if stopped:
                words = _("Stopped at step {step}: {shares}.")
            else:
                words = _("Done: {shares}.")
            self._status(words.format(step=thousands(summary["step"]), shares=summary["shares_text"]))
        else:
            self._status(_("Running: {shares}.").format(shares=summary["shares_text"]))
        if finished and summary is not self.listed:
            self.listed = summary
            self._seed_lists(summary)

    def _status(self, text):
        shares = self.element("sweep-shares")
        if shares.textContent != text:
            shares.textContent = text

    def _seed_lists(self, summary):
        """Each category's seeds, in a disclosure whose buttons are made when it is first opened (a hundred
        buttons at once would hold up a frame), and are out of the tab order until then."""
        document = self.document
        box = self.element("sweep-seeds")
        box.replaceChildren()
        for name in CATEGORIES:
            count, seeds = summary[name], summary["seeds"][name]
            if not count:
                continue
            details = document.createElement("details")
            details.className = "seed-list seed-list-" + name
            heading = document.createElement("summary")
            heading.textContent = seeds_heading(name, count, len(seeds))
            details.appendChild(heading)
            details.addEventListener("toggle", lambda event, details=details, seeds=seeds: self._fill(details, seeds))
            box.appendChild(details)

    def _fill(self, details, seeds):
        if not details.open or details.getAttribute("data-filled"):
            return
        details.setAttribute("data-filled", "true")
        document = self.document
        group = document.createElement("div")
        for seed in seeds:
            button = document.createElement("button")
            button.type = "button"
            button.className = "seed-button"
            button.textContent = str(seed)
            button.setAttribute("data-seed", str(seed))
            button.setAttribute("aria-label", _("Open seed {seed} in the lab").format(seed=seed))
            group.appendChild(button)
        details.appendChild(group)

    # --- opening a network in the lab -------------------------------------------------------

    def _on_seed_button(self, event):
        button = event.target.closest("[data-seed]")
        if button is not None:
            self.open_seed(int(button.getAttribute("data-seed")))

    def _on_open_seed(self, event):
        event.preventDefault()
        field = self.element("sweep-seed")
        try:
            seed = validate("seed", field.value)
        except ValueError as err:
            self.element("sweep-seed-error").textContent = str(err)
            field.setAttribute("aria-invalid", "true")
            return
        self.element("sweep-seed-error").textContent = ""
        field.removeAttribute("aria-invalid")
        self.open_seed(seed)

    def _on_plot_click(self, kind, event):
        if self.summary is None or (self.running and kind == "curves" and self.summary.get("curves") is None):
            return
        self.context.later(self._pick(kind, event.offsetX, event.offsetY))

    async def _pick(self, kind, x, y):
        picked = await self.context.model.sweep_pick(kind, x, y)
        if picked is None:
            self._picked(_("Nothing there: click a curve or a bar to open one of its networks in the lab."))
            return
        if picked.get("path"):
            self.highlight(picked["path"])
        self.open_seed(picked["seed"], picked["label"])

    def _on_plot_key(self, kind, event):
        plot = self.plots[kind]
        if event.key in ("ArrowLeft", "ArrowRight", "Home", "End"):
            event.preventDefault()
            bar = plot.choose(event.key)
            if bar is not None:
                # Translators: {bar} is the model's description of the bar chosen.
                words = _("{bar}. Press Enter to open seed {seed} in the lab.")
                self._picked(words.format(bar=bar["label"], seed=bar["seeds"][0]))
        elif event.key == "Enter" and plot.selected is not None:
            event.preventDefault()
            bar = plot.geometry["bars"][plot.selected]
            self.open_seed(bar["seeds"][0], bar["label"])

    def _picked(self, text):
        self.element("sweep-picked").textContent = text

    def highlight(self, path):
        self.plots["curves"].highlight = path
        self.plots["curves"].draw()

    def open_seed(self, seed, label=None):
        """Show network `seed` in the lab at step 0, with the settings the sweep ran with."""
        self.stop()
        context = self.context
        settings = self.settings or model_settings(context.settings)
        context.pause()
        context.update({key: seed if key == "seed" else settings[key] for key in MODEL_KEYS})
        context.select_view("lab")
        if label:
            # Translators: "Many seeds" is the view's name; {label} the model's description of the network picked.
            context.say(_("Seed {seed} opened from Many seeds at step 0: {label}").format(seed=seed, label=label))
        else:
            context.say(_("Seed {seed} opened from Many seeds at step 0.").format(seed=seed))
        context.later(self._reset_lab())

    async def _reset_lab(self):
        context = self.context
        if context.snap is None:
            return  # the model is starting: it applies the settings once ready
        await context.configure()
        context.show(*(await context.model.reset(context.request())))
