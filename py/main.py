"""Browser layer: binds the page to the model in backprop/. No maths here."""

import sys

import numpy as np
from pyscript import document, when

from backprop import Run

run = Run()


def show(selector, text):
    document.querySelector(selector).textContent = text


def show_run():
    show("#step-count", str(run.step))
    show("#cost", f"{run.cost:.10g}")


@when("click", "#step")
def on_step(event):
    run.train(1)
    show_run()


show("#runtime-versions", f"Python {sys.version.split()[0]} and NumPy {np.__version__}, running in this page.")
show_run()
document.querySelector("#step").disabled = False
show("#status-text", "Ready")
document.documentElement.dataset.appState = "ready"
