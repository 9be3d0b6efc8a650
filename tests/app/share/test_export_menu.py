"""Save / export (app/share/export_menu.py) on the fake page, through the context and the real worker functions
(py/worker/door.py): a text file made in the page from the worker's text and named by the worker, and the summary a
printout starts with.

Oracles: the worker's own export of the network on screen, and the summary written out."""

import asyncio
import types

import pytest

from app.lab.readouts import format_cost
from app.share.export_menu import ExportMenu, plot_file_name
from backprop import Config, Run
from lab_page import open_page, readout, settle
from shared.protocol import read
from worker import door as exports


def menu_page(monkeypatch, search=""):
    page, window, context, lab = open_page(monkeypatch, search)
    blobs, timers = [], []
    window.Blob = types.SimpleNamespace(new=lambda parts, options: blobs.append((parts, options)) or len(blobs))
    window.URL = types.SimpleNamespace(createObjectURL=lambda blob: f"blob:{blob}", revokeObjectURL=lambda url: None)
    window.setTimeout = lambda callback, ms: timers.append((callback, ms))
    lab.load_panels()
    menu = next(part for part in lab.lesson.parts if isinstance(part, ExportMenu))
    return page, window, context, lab, menu, blobs


def downloads(page):
    """The <a download> links clicked: (file name, address)."""
    return [(element.download, element.href) for name, element in page.log if name == "click"]


@pytest.mark.parametrize(("kind", "kind_type"), [("json", "application/json"), ("py", "text/x-python")])
def test_a_text_file_is_the_workers_text_under_the_workers_name(monkeypatch, session, kind, kind_type):
    page, _window, context, lab, _menu, blobs = menu_page(monkeypatch, "?n_h=3")

    async def scenario():
        await context.start()
        await settle()
        lab.step()
        await settle()
        lab.train()  # a save pauses the training: the file is of the network on screen
        button = page.element("export-group").children[0]
        button.props["dataset"] = types.SimpleNamespace(export=kind)
        for name, handler in page.element("export-group").listeners:
            if name == "click":
                handler(types.SimpleNamespace(target=types.SimpleNamespace(closest=lambda selector: button)))
        assert lab.training is False
        await settle()

    asyncio.run(scenario())
    head, text = read(exports.export_file(kind))
    assert blobs == [([text], {"type": kind_type})]
    assert downloads(page) == [(head["name"], "blob:1")]
    assert page.element("export-message").textContent == "Saved {}.".format(head["name"])
    assert head["name"].endswith("_nh3_seed2_step1." + kind)


def test_a_printout_starts_with_the_step_the_cost_every_setting_and_the_link(monkeypatch, session):
    page, window, context, _lab, menu, _blobs = menu_page(monkeypatch, "?table=AND&learning_rate=0.5")
    window.location.href = "https://example.org/lab/" + window.location.search
    asyncio.run(context.start())
    menu.before_print()
    cost = format_cost(Run(Config(table="AND", learning_rate=0.5)).cost)
    assert readout(page)[2] == cost
    assert page.element("print-summary").textContent == (
        f"Backprop Lab at step 0, cost J = {cost}. Settings: n_h = 2, activation = tanh, cost = half_mse, "
        "learning_rate = 0.5, seed = 2, table = AND, notebook_mode = false, batch = full. Open this state again at "
        + window.location.href
    )


def test_a_plots_file_is_named_after_the_run_and_the_plot():
    assert plot_file_name("backprop-lab_and_nh4_seed7_step120.png", "decision-surface") == (
        "backprop-lab_and_nh4_seed7_step120_decision-surface.png"
    )
