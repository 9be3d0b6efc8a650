"""The lab view: the settings, the training loop and the four plots of one network, drawn from the
snapshots of the model's worker (app/door.py). No maths here: the worker computes, this decides
when to ask and what to redraw.

Training: while Train is on, one coroutine keeps calling the worker's train_for, each call a slice of
at most SLICE_MS, and shows each snapshot as it lands; an animation-frame callback grants `speed`
steps per frame. So at top speed the worker trains all the time, and the main thread only draws.
Pause takes effect when the slice in flight lands (within a frame); Step is exactly one step, queued
behind it. While training, the plots redraw at most every PLOT_INTERVAL, the readouts every snapshot.
"""

import asyncio

from app.door import ModelError, Refused, view_request
from app.lab.controls import Controls
from app.lab.cost_chart import CostChart
from app.lab.diagram import NetworkDiagram
from app.lab.predictions import Predictions
from app.lab.readouts import Readouts
from app.lab.surface import DecisionSurface
from app.notebook.terms import Links
from app.notebook.view import NotebookView
from app.pacing import RateMeter, Throttle, clock
from app.settings import OPTIONAL_KEYS, VIEW_KEYS, model_settings, read_link, validate, write_link
from app.stages import show_error
from app.tabs import Tabs

SLICE_MS = 15  # the longest piece of training between two snapshots
PLOT_INTERVAL = 0.1  # seconds between plot redraws while training: redraws take CPU from the worker
NOTEBOOK_INTERVAL = 0.5  # seconds between the notebook's refreshes while training (a section a frame)
NEW_NETWORK = {
    "n_h": "Hidden units",
    "activation": "Hidden activation",
    "cost": "Cost",
    "seed": "Seed",
    "table": "Truth table",
    "notebook_mode": "Notebook mode",
}


class Lab:
    def __init__(self, document, window, model):
        from pyscript.ffi import create_proxy

        self.document, self.window, self.model = document, window, model
        self.controls = Controls(document)
        self.readouts = Readouts(document)
        self.cost_chart = CostChart(document.getElementById("cost-chart"))
        self.surface = DecisionSurface(document.getElementById("surface"))
        self.predictions = None  # built from the first snapshot's inputs A0
        self.diagram = NetworkDiagram(document.getElementById("diagram"), document.getElementById("diagram-tooltip"))
        self.meter, self.plot_throttle = RateMeter(), Throttle(PLOT_INTERVAL)
        self.notebook = NotebookView(document.getElementById("notebook"))
        self.links = Links(document.getElementById("notebook"), self.diagram, self.surface)
        self.notebook_throttle = Throttle(NOTEBOOK_INTERVAL)
        self.notebook_busy = False  # a notebook request or render is under way
        self.notebook_version = None  # the snapshot version the notebook shows
        self.tabs = Tabs(document, self.select_view)
        self.views = {}  # the other views (exercises, many seeds) by name: add_view()
        self.parts = []  # other parts of the page that wait for the model (save and share): add_part()
        self.watchers = []  # called with each snapshot whose plots are drawn (the cost landscape)
        document.getElementById("notebook").addEventListener("click", self._on_notebook_click)
        self.snap = None  # the snapshot on screen; None until the model's worker is ready
        self.training = False  # Train is on
        self.looping = False  # the training loop runs (a slice may still be in flight after Pause)
        self.credit = 0  # steps granted by animation frames and not yet asked of the worker
        self.frame_event = asyncio.Event()
        self.frame_proxy = create_proxy(self.on_frame)
        self.load_link(window.location.search)
        window.history.replaceState(None, "", self.link())
        self.readouts.show_starting()

    # --- state -------------------------------------------------------------------------------

    def load_link(self, query):
        self.settings, messages = read_link(query)
        self.document.documentElement.dataset.embed = "true" if self.settings["embed"] else "false"
        for message in messages:
            self.readouts.note(message)
        self.controls.show(self.settings)
        self.tabs.show(self.settings["view"])
        self.open_view()
        if self.snap is not None:
            self.later(self.configure())

    def add_view(self, name, view):
        """Another view, shown by its tab: view.open() when shown, view.model_ready() once the model is."""
        self.views[name] = view
        self.open_view()

    def add_part(self, part):
        """Another part of the page: part.model_ready() once the model is."""
        self.parts.append(part)

    def open_view(self):
        view = self.views.get(self.settings["view"])
        if view is not None:
            view.open()

    def link(self):
        return write_link(self.settings) + self.window.location.hash

    def save_link(self):
        if self.window.location.search + self.window.location.hash != self.link():
            # Embedded, a new history entry would be the host page's too (its Back button would undo a
            # setting in the frame instead of leaving the page), so the frame's address is replaced.
            if self.settings["embed"]:
                self.window.history.replaceState(None, "", self.link())
            else:
                self.window.history.pushState(None, "", self.link())

    @property
    def status(self):
        if self.snap is None:
            return "starting"
        if self.snap["status"] == "diverged":
            return "diverged"
        if self.looping:
            return "training"
        return "paused" if self.snap["step"] else "ready"

    # --- the model ---------------------------------------------------------------------------

    async def start(self):
        """Wait for the model's worker, show the network of the current settings; returns the versions."""
        versions = await self.model.start()
        await self.configure()
        self.controls.enable()
        for part in list(self.views.values()) + self.parts:
            part.model_ready()
        return versions

    def later(self, coroutine):
        """Run coroutine after this event; a failure of the worker shows the error panel."""
        asyncio.create_task(self._guarded(coroutine))

    async def _guarded(self, coroutine):
        try:
            await coroutine
        except ModelError as err:
            self.fail(str(err))

    def fail(self, message):
        self.training = False
        self.controls.enable(False)
        show_error(self.document, "The model stopped with an error: " + message.strip().split("\n")[-1])

    def view(self, plots=True):
        """What to ask of the worker with the next snapshot: the plots' data, or only the readouts'."""
        if not plots:
            return view_request()
        return view_request(self.cost_chart.size(), self.settings["log_scale"], True)

    async def configure(self):
        try:
            snap, surface = await self.model.configure(model_settings(self.settings), self.view())
        except Refused as err:  # the page validates with the model's rules, so this is a slip between them
            self.readouts.note("The model refused a setting: {}.".format(err))
            return
        self.show(snap, surface)

    async def refresh(self):
        self.show(*(await self.model.snapshot(self.view())))

    # --- actions -----------------------------------------------------------------------------

    def toggle(self):
        if self.training:
            self.pause()
        else:
            self.train()

    def train(self):
        if self.snap is None or self.training or self.snap["status"] == "diverged":
            return
        self.training = True
        self.controls.show_training(True)
        # A Pause then Train before the last slice landed finds the loop still running: it goes on.
        if not self.looping:
            self.looping = True
            self.credit = self.settings["speed"]
            self.window.requestAnimationFrame(self.frame_proxy)
            self.later(self.loop())
        self.show_readouts()

    def pause(self):
        self.training = False
        self.controls.show_training(False)

    def step(self):
        if self.snap is not None:
            self.pause()
            self.later(self._show_answer(self.model.step(self.view())))

    def reset(self):
        if self.snap is not None:
            self.pause()
            self.later(self._show_answer(self.model.reset(self.view())))

    async def _show_answer(self, call):
        self.show(*(await call))

    def on_frame(self, timestamp):
        if not self.looping:
            return
        self.credit = self.settings["speed"]  # at most one frame's steps wait: a slow slice is not made up
        self.frame_event.set()
        self.window.requestAnimationFrame(self.frame_proxy)

    async def loop(self):
        try:
            while self.training and self.snap["status"] != "diverged":
                if self.credit <= 0:
                    self.frame_event.clear()
                    await self.frame_event.wait()
                    continue
                steps, self.credit = self.credit, 0
                plots = self.plot_throttle.due(clock())
                snap, surface, taken = await self.model.train_for(steps, SLICE_MS, self.view(plots))
                self.meter.add(taken, clock())
                self.show(snap, surface, plots)
        finally:
            self.looping = False
            self.meter.stop()
            if self.training:  # it diverged
                self.pause()
        await self.refresh()

    def change(self, name):
        """A setting changed in the form: apply it, or show why it cannot be."""
        if name in OPTIONAL_KEYS:  # a view's own setting; its view shows a bad value's message beside the field
            try:
                self.settings[name] = validate(name, self.document.getElementById(name).value)
            except ValueError:
                return
            self.save_link()
            self.open_view()
            return
        try:
            value = validate(name, self.controls.read(name))
        except ValueError as err:
            self.controls.show_error(name, str(err))
            return
        self.controls.clear_error(name)
        if name == "speed":
            self.controls.show_speed(value)
        changed = value != self.settings[name]
        self.settings[name] = value
        if changed and name in NEW_NETWORK:
            self.settings["params"] = ""  # a lesson link's starting parameters were for the network it set up
        self.save_link()
        if not changed or self.snap is None:
            return  # before the worker is ready, start() applies every setting
        if name in VIEW_KEYS:
            if name == "log_scale":
                self.later(self.refresh())
            return
        if name in NEW_NETWORK:
            self.readouts.note("{} changed: the network was reset to step 0.".format(NEW_NETWORK[name]))
        self.later(self.configure())

    def _on_notebook_click(self, event):
        if event.target.closest('[data-action="step"]') is not None:
            self.step()

    def select_view(self, view):
        """A tab was picked: the view goes into the address, and the notebook fills in when shown."""
        self.settings["view"] = view
        self.save_link()
        self.open_view()
        self.want_notebook()

    def want_notebook(self):
        """Refresh the notebook when it is shown and out of date: at once, or every NOTEBOOK_INTERVAL
        while training; one refresh at a time."""
        if self.settings["view"] != "notebook" or self.snap is None or self.notebook_busy:
            return
        if self.notebook_version == self.snap["version"]:
            return
        if self.looping and not self.notebook_throttle.due(clock()):
            return
        self.notebook_busy = True
        self.later(self.refresh_notebook())

    async def refresh_notebook(self):
        try:
            page = await self.model.notebook(True)
            # A section a frame, so that a large network's notebook never blocks one (n_h = 16: 16 x 4 sums).
            for key in page["keys"]:
                if self.notebook.show_section(key, page):
                    self.links.refresh()
                await next_frame(self.window)
            self.notebook.hide_others(page)
            self.notebook_version = page["version"]
            run = page["run"]
            self.document.getElementById(
                "notebook-at"
            ).textContent = "Worked through for the network at step {}, cost J = {}.".format(
                run["step"], run["cost_text"]
            )
        finally:
            self.notebook_busy = False
        self.want_notebook()

    def on_history(self):
        self.pause()
        self.load_link(self.window.location.search)

    def on_resize(self):
        if self.snap is not None:
            self.later(self.refresh())  # the chart is computed for the canvas's new size

    # --- drawing -----------------------------------------------------------------------------

    def show_readouts(self):
        if self.snap is not None:
            rate = self.meter.rate if self.looping else None
            self.readouts.show(self.snap, self.status, rate, clock())

    def show(self, snap, surface, plots=True):
        """Show snapshot snap (and surface, (RGBA bytes, label) or None); with plots, the plots too."""
        self.snap = snap
        self.show_readouts()
        if not plots:
            return
        if "chart" in snap:
            self.cost_chart.draw(snap["chart"])
        rgba, label = surface or (None, None)
        self.surface.draw(rgba, label, snap["A0"], snap["Y"])
        if self.predictions is None:
            self.predictions = Predictions(self.document.getElementById("predictions"), snap["A0"])
            self.links.attach(self.predictions)
        self.predictions.draw(snap["A2"], snap["Y"])
        self.diagram.draw(snap["params"], snap["params_text"])
        self.want_notebook()
        for watcher in self.watchers:
            watcher(snap)


async def next_frame(window):
    """Resolves at the browser's next animation frame."""
    frame = asyncio.Event()
    window.requestAnimationFrame(lambda timestamp: frame.set())
    await frame.wait()
