"""The lab view: the training panel, the settings form and the four plots of one network, drawn from the snapshots
on screen (the context's "snapshot"). No maths here: the worker computes, this decides when to ask and what to
redraw. The lab's panels show beside every other view, so the page makes the lab view at start whatever view its
link opens. Its other panels wait for its first paint (load_panels): the cost landscape (app/landscape/view.py)
and Save and share's export and import (app/share/); the link's hidden and locked controls (app/share/lesson.py)
apply at once.

Training: while Train is on, one coroutine keeps up to IN_FLIGHT calls of the worker's train_for going,
each call a slice of at most SLICE_MS, and shows each snapshot as it lands; an animation-frame callback
grants `speed` steps per frame. So at top speed the worker trains all the time, and the main thread only
draws. Pause takes effect when the slices in flight land (within two slices); Step is exactly one step,
queued behind them. While training, the plots redraw at most every PLOT_INTERVAL, the readouts every snapshot.

The data: the worker sends its drawing of the points (snapshot["data"]) only when they changed since the version the
page last saw (data_version, in every request). Points by hand (a click on the decision surface, Enter at its
cursor, Undo, Clear) are app/data/editing.py's, which shows each new drawing of the points.
"""

import asyncio

from app.data.editing import PointsEditor
from app.door import view_request
from app.lab.controls import FIELDS, Controls
from app.lab.cost_chart import CostChart
from app.lab.linked import LinkedPlots
from app.lab.predictions import PredictionsPanel
from app.lab.readouts import Readouts
from app.lab.surface import DecisionSurface
from app.network.diagram import NetworkDiagram
from app.network.panel import NetworkPanel
from app.pacing import RateMeter, Throttle, clock
from app.settings import DATA_PARAMETERS, VIEW_KEYS, validate
from app.share.lesson import Lesson
from shared.i18n import N_, _

SLICE_MS = 15  # the longest piece of training between two snapshots
IN_FLIGHT = 2  # train_for calls asked at once: the worker never waits for the page between two slices
PLOT_INTERVAL = 0.1  # seconds between plot redraws while training: redraws take CPU from the worker
# The settings that make a new network, with the names the note says (translated where it is said).
NEW_NETWORK = {
    "n_h": N_("Hidden units"),
    "activation": N_("Hidden activation"),
    "cost": N_("Cost"),
    "seed": N_("Seed"),
    "table": N_("Truth table"),
    "notebook_mode": N_("Notebook mode"),
    "batch": N_("Examples per step"),
    "data": N_("Data"),
    "data_seed": N_("Data seed"),
    # Translators: the setting of how many points a generated data set has.
    "data_size": N_("Points"),
    "noise": N_("Noise"),
    "train_percent": N_("Training points"),
}


class LabView:
    def __init__(self, context):
        from pyscript.ffi import create_proxy

        document = context.document
        self.context, self.document, self.window = context, document, context.window
        self.controls = Controls(document)
        self.readouts = Readouts(document)
        self.cost_chart = CostChart(document.getElementById("cost-chart"))
        self.surface = DecisionSurface(document.getElementById("surface"))
        self.predictions = PredictionsPanel(document.getElementById("predictions"))
        self.diagram = NetworkDiagram(document.getElementById("diagram"), document.getElementById("diagram-tooltip"))
        self.linked = LinkedPlots(context, self.diagram, self.surface)
        self.linked.attach(self.predictions)
        self.data_version = None  # the version of the worker's drawing of the points on screen
        self._waiting = None  # the waiting text on screen
        self.points = PointsEditor(context, self.surface, self.request, lambda: self.lesson.allows("data"))
        self.meter, self.plot_throttle = RateMeter(), Throttle(PLOT_INTERVAL)
        self.training = False  # Train is on
        self.credit = 0  # steps granted by animation frames and not yet asked of the worker
        self.wake = asyncio.Event()  # set by a frame's credit and by a slice that landed
        self.frame_proxy = create_proxy(self.on_frame)
        self.landscape = None  # the cost landscape panel, once loaded
        self.slow_motion = None  # the slow-motion player (Step slowly), once loaded
        context.request = self.request
        for topic, callback in (
            ("snapshot", self.show),
            ("settings changed", self.settings_changed),
            ("message", self.readouts.note),
            ("pause", self.pause),
            ("step", self.step),
            ("failed", self.failed),
        ):
            context.subscribe(topic, callback)
        self.network = NetworkPanel(context, self.diagram, self.refresh)  # unit pictures, chain rule, edits
        for message in context.messages:
            self.readouts.note(message)
        self.controls.show(context.settings)
        self.readouts.show_starting()
        self.lesson = Lesson(context)  # the link's hidden and locked controls, before the student sees them
        if not self.lesson.allows("data"):  # a lesson that hides or locks the data: no points by hand either
            document.getElementById("points-tools").hidden = True
            for name in DATA_PARAMETERS:  # and a generated set's fields are locked with the data's choice
                self.controls.fields[name].disabled = True

    def load_panels(self):
        """The lab's panels that wait for its first paint: the cost landscape, Save and share's export and import."""
        from app.landscape.view import LandscapePanel
        from app.network.stage_view import SlowMotionPlayer
        from app.share.export_menu import ExportMenu
        from app.share.importer import Importer

        self.landscape = LandscapePanel(self.context)
        self.slow_motion = SlowMotionPlayer(self.context, self)  # Step slowly: one step in slow motion
        self.lesson.add_parts([ExportMenu(self.context), Importer(self.context)])

    # --- the view --------------------------------------------------------------------------------------------------

    def open(self):
        """The lab's panels are on screen with every view: nothing to do when its tab is picked."""

    def model_ready(self):
        self.controls.enable()

    def failed(self):
        self.training = False
        self.controls.enable(False)

    def settings_changed(self, names, origin):
        """Settings changed elsewhere (a link, an import, a seed opened): the form shows them."""
        if origin is not self and [name for name in names if name in FIELDS]:
            self.controls.show(self.context.settings)

    def shortcut(self, key):
        """The action of a shortcut key (Space, s, r), unless the lesson locks or hides its button; else None."""
        action = {" ": self.toggle, "s": self.step, "r": self.reset}.get(key)
        return action if action is not None and self.lesson.allows_key(key) else None

    @property
    def status(self):
        snap = self.context.snap
        if snap is None:
            return "starting"
        if snap["status"] == "diverged":
            return "diverged"
        if self.context.looping:
            return "training"
        return "paused" if snap["step"] else "ready"

    def request(self, plots=True):
        """What to ask of the worker with the next snapshot: the plots' data, or only the readouts'."""
        if not plots:
            return view_request(data_version=self.data_version)
        network = self.network
        return view_request(
            self.cost_chart.size(),
            self.context.settings["log_scale"],
            True,
            network.units_wanted(),
            network.chain_name(),
            self.data_version,
        )

    async def refresh(self):
        self.context.show(*(await self.context.model.snapshot(self.request())))

    # --- actions -----------------------------------------------------------------------------------------------------

    def toggle(self):
        if self.training:
            self.pause()
        else:
            self.train()

    def train(self):
        context = self.context
        if context.snap is None or self.training or context.snap["status"] == "diverged":
            return
        self.training = True
        self.controls.show_training(True)
        # A Pause then Train before the last slice landed finds the loop still running: it goes on.
        if not context.looping:
            context.looping = True
            self.credit = context.settings["speed"]
            self.window.requestAnimationFrame(self.frame_proxy)
            context.later(self.loop())
        self.show_readouts()

    def pause(self):
        self.training = False
        self.controls.show_training(False)

    def step(self):
        if self.context.snap is not None:
            self.pause()
            self.context.later(self._show_answer(self.context.model.step(self.request())))

    def reset(self):
        if self.context.snap is not None:
            self.pause()
            self.network.reset()  # after an edit by hand: the seed's parameters, and params= cleared
            self.context.later(self._show_answer(self.context.model.reset(self.request())))

    async def _show_answer(self, call):
        self.context.show(*(await call))

    def on_frame(self, timestamp):
        if not self.context.looping:
            return
        self.credit = self.context.settings["speed"]  # at most one frame's steps wait: a slow slice is not made up
        self.wake.set()
        self.window.requestAnimationFrame(self.frame_proxy)

    async def _slice(self, steps, plots):
        try:
            return await self.context.model.train_for(steps, SLICE_MS, self.request(plots))
        finally:
            self.wake.set()

    async def loop(self):
        """Up to IN_FLIGHT slices asked at once, so that the worker has the next one as it ends one (the page's
        drawing and the messages meet no idle worker); each shown as it lands, in order."""
        context = self.context
        in_flight = []  # (task, plots), oldest first
        try:
            while True:
                going = self.training and context.snap["status"] != "diverged"
                if going and self.credit > 0 and len(in_flight) < IN_FLIGHT:
                    steps, self.credit = self.credit, 0
                    plots = self.plot_throttle.due(clock())
                    in_flight.append((asyncio.create_task(self._slice(steps, plots)), plots))
                elif in_flight and in_flight[0][0].done():
                    task, plots = in_flight.pop(0)
                    snap, surface, taken = await task
                    self.meter.add(taken, clock())
                    context.show(snap, surface, plots)
                elif in_flight or going:
                    self.wake.clear()
                    await self.wake.wait()  # a frame's credit, or a slice landed
                else:
                    break
        finally:
            for task, _plots in in_flight:  # a failed slice: the others are not waited for
                task.cancel()
            context.looping = False
            self.meter.stop()
            if self.training:  # it diverged
                self.pause()
        await self.refresh()

    def change(self, name):
        """A setting changed in the form: apply it, or show why it cannot be."""
        context = self.context
        try:
            value = validate(name, self.controls.read(name))
        except ValueError as err:
            self.controls.show_error(name, str(err))
            return
        self.controls.clear_error(name)
        if name == "speed":
            self.controls.show_speed(value)
        changed = value != context.settings[name]
        if changed and name in NEW_NETWORK:
            context.settings["params"] = ""  # a lesson link's starting parameters were for the network it set up
        context.change(name, value, self)
        if name == "data":
            self.controls.show_data(value)
        if not changed or context.snap is None:
            return  # before the worker is ready, its start applies every setting
        if name in VIEW_KEYS:
            if name == "log_scale":
                context.later(self.refresh())
            return
        if name in NEW_NETWORK:
            # Translators: {setting} is a setting's name as the settings form says it (Hidden units, Seed...).
            note = _("{setting} changed: the network was reset to step 0.").format(setting=_(NEW_NETWORK[name]))
            self.readouts.note(note)
        context.later(context.configure())

    def on_history(self):
        """Back or Forward: the link's settings, its view, and its network."""
        self.pause()
        self.context.load_link(self.window.location.search)
        if self.context.snap is not None:
            self.context.later(self.context.configure())

    def on_resize(self):
        if self.context.snap is not None:
            self.context.later(self.refresh())  # the chart is computed for the canvas's new size

    # --- drawing -----------------------------------------------------------------------------------------------------

    def show_readouts(self):
        if self.context.snap is not None:
            rate = self.meter.rate if self.context.looping else None
            self.readouts.show(self.context.snap, self.status, rate, clock())

    def show(self, snap, surface, plots):
        """The snapshot on screen (surface: (RGBA bytes, label) or None): the readouts; with plots, the plots too."""
        self.show_readouts()
        if "data" in snap:
            self.data_version = snap["data"]["version"]
            self.points.show_data(snap["data"])
        self.show_waiting(snap.get("waiting"))
        if not plots:
            return
        if "chart" in snap:
            self.cost_chart.draw(snap["chart"])
        rgba, label = surface or (None, None)
        self.surface.draw(rgba, label, snap.get("A0"), snap.get("Y"))
        self.predictions.show(snap)
        self.diagram.draw(snap["params"], snap["params_text"])

    def show_waiting(self, waiting):
        """The worker's word that the run waits for a training point (or none): written only when it changes, since
        every snapshot carries it."""
        text = waiting or ""
        if text != self._waiting:
            element = self.document.getElementById("data-waiting")
            element.textContent, element.hidden, self._waiting = text, not text, text
