"""Browser layer: loads NumPy, then binds the page's controls, readouts and plots to the model.

The maths lives in backprop/; this file only decides when to train and what to redraw.
"""

import asyncio
import dataclasses
import sys
import time

import pyodide_js
from pyodide.ffi import create_once_callable, create_proxy
from pyscript import document, when, window


def show_stage(text):
    document.getElementById("loading-stage").textContent = text


show_stage("Loading NumPy…")
await pyodide_js.loadPackage("numpy")  # noqa: F704 (PyScript runs this script with top-level await)
show_stage("Starting the model…")

import numpy as np  # noqa: E402

from app.controls import Controls  # noqa: E402
from app.cost_chart import CostChart  # noqa: E402
from app.diagram import NetworkDiagram  # noqa: E402
from app.pacing import Pacer, RateMeter  # noqa: E402
from app.predictions import Predictions  # noqa: E402
from app.readouts import Readouts  # noqa: E402
from app.state import read_link, write_link  # noqa: E402
from app.surface import DecisionSurface  # noqa: E402
from backprop import Run  # noqa: E402

HISTORY_LIMIT = 2000  # cost-curve points kept; older ones are thinned evenly
LABELS = {"n_h": "Hidden units", "activation": "Hidden activation", "cost": "Cost", "seed": "Seed",
          "table": "Truth table", "notebook_mode": "Notebook mode"}


def next_frame():
    """A future that resolves at the browser's next animation frame."""
    future = asyncio.get_event_loop().create_future()
    window.requestAnimationFrame(create_once_callable(lambda timestamp: future.set_result(timestamp)))
    return future


class Lab:
    def __init__(self):
        self.controls = Controls(document)
        self.readouts = Readouts(document)
        self.cost_chart = CostChart(document.getElementById("cost-chart"))
        self.surface = DecisionSurface(document.getElementById("surface"))
        self.predictions = Predictions(document.getElementById("predictions"))
        self.diagram = NetworkDiagram(document.getElementById("diagram"), document.getElementById("diagram-tooltip"))
        self.pacer, self.meter = Pacer(), RateMeter()
        self.training, self.loop_task = False, None
        self.load_link(window.location.search)
        window.history.replaceState(None, "", self.link())

    # --- state -------------------------------------------------------------------------------

    def load_link(self, query):
        config, self.view, messages = read_link(query)
        document.documentElement.dataset.embed = "true" if self.view.embed else "false"  # as boot.js set it
        for message in messages:
            self.readouts.note(message)
        self.controls.show(config, self.view)
        self.new_run(config)

    def link(self):
        return write_link(self.run.config, self.view) + window.location.hash

    def save_link(self):
        if window.location.search + window.location.hash != self.link():
            # Embedded, a new history entry would be the host page's too (its Back button would undo a
            # setting in the frame instead of leaving the page), so the frame's address is replaced.
            if self.view.embed:
                window.history.replaceState(None, "", self.link())
            else:
                window.history.pushState(None, "", self.link())

    def new_run(self, config):
        self.run = Run(config, history_limit=HISTORY_LIMIT)
        self.diagram.build(config.n_h)
        self.draw()

    @property
    def status(self):
        if self.run.status == "diverged":
            return "diverged"
        if self.training:
            return "training"
        return "paused" if self.run.step else "ready"

    # --- actions -----------------------------------------------------------------------------

    def toggle(self):
        if self.training:
            self.pause()
        else:
            self.train()

    def train(self):
        if self.training or self.run.status == "diverged":
            return
        self.training = True
        self.controls.show_training(True)
        self.draw()
        # A Pause then Train within one frame finds the old loop still waiting for its frame: it goes on.
        if self.loop_task is None or self.loop_task.done():
            self.loop_task = asyncio.ensure_future(self.loop())

    def pause(self, redraw=True):
        self.training = False
        self.meter.stop()
        self.controls.show_training(False)
        if redraw:
            self.draw()

    def step(self):
        self.pause(redraw=False)
        self.run.train(1)
        self.draw()

    def reset(self):
        self.pause(redraw=False)
        self.new_run(self.run.config)

    async def loop(self):
        frame = 0
        while self.training:
            await next_frame()
            if not self.training:
                break
            started = time.perf_counter()
            steps = self.pacer.steps(self.view.speed)
            self.run.train(steps)
            now = time.perf_counter()
            self.pacer.observe(steps, now - started)
            self.meter.add(steps, now)
            if self.run.status == "diverged":
                self.pause()
            else:
                frame += 1
                self.draw(frame)

    def change(self, name):
        """A setting changed in the form: apply it, or show why it cannot be."""
        value = self.controls.read(name)
        try:
            if name == "learning_rate":
                self.run.set_learning_rate(value)
            elif name in ("speed", "log_scale"):
                self.view = dataclasses.replace(self.view, **{name: value})
                self.controls.show_speed(self.view.speed)
            else:
                config = self.run.config.replace(**{name: value})
                if config != self.run.config:
                    self.new_run(config)
                    self.readouts.note(f"{LABELS[name]} changed: the network was reset to step 0.")
        except ValueError as err:
            self.controls.show_error(name, str(err))
            return
        self.controls.clear_error(name)
        self.save_link()
        self.draw()

    # --- drawing -----------------------------------------------------------------------------

    def draw(self, frame=None):
        """Redraw. While training (a frame number given) the two costly plots take turns,
        so that a frame's drawing stays a few milliseconds beside its training."""
        run, now = self.run, time.perf_counter()
        self.readouts.show(run, self.status, self.meter.rate if self.training else None, now)
        if frame is None or frame % 2 == 0:
            self.cost_chart.draw(run, self.view.log_scale)
        if frame is None or frame % 2 == 1:
            self.surface.draw(run)
        self.predictions.draw(run)
        self.diagram.draw(run.params)


lab = Lab()


@when("click", "#train")
def on_train(event):
    lab.toggle()


@when("click", "#step")
def on_step(event):
    lab.step()


@when("click", "#reset")
def on_reset(event):
    lab.reset()


@when("change", "#settings")
def on_setting(event):
    lab.change(event.target.name)


@when("submit", "#settings")
def on_submit(event):
    event.preventDefault()  # Enter in a field applies it (via change), never reloads the page


SHORTCUTS = {" ": lab.toggle, "s": lab.step, "r": lab.reset}
TYPING = ("INPUT", "SELECT", "TEXTAREA", "BUTTON")


def on_key(event):
    # Focused controls keep their own keys (Space presses a focused button); elsewhere, shortcuts.
    if event.ctrlKey or event.metaKey or event.altKey or event.target.tagName in TYPING:
        return
    action = SHORTCUTS.get(event.key.lower())
    if action is not None:
        event.preventDefault()
        action()


def on_history(event):
    lab.pause(redraw=False)
    lab.load_link(window.location.search)


def on_resize(event):
    lab.draw()  # the plots refit their canvases to the new size


document.addEventListener("keydown", create_proxy(on_key))
window.addEventListener("popstate", create_proxy(on_history))
window.addEventListener("resize", create_proxy(on_resize))

document.getElementById("runtime-versions").textContent = (
    f"Python {sys.version.split()[0]} and NumPy {np.__version__}, running in this page.")
lab.controls.enable()
document.getElementById("loading").hidden = True
document.documentElement.dataset.appState = "ready"
