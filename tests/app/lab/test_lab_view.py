"""The lab view (app/lab/view.py) on a fake page, talking through app/door.py to the real worker functions
(py/worker/door.py): links, settings, Step, Train and Pause, divergence, Reset, a failing worker, and the
tabs (the Notebook view's own tests are in tests/app/notebook/test_notebook_view.py).

What the page shows is checked against the worker's own Run and against backprop.Run trained independently.
"""

import asyncio
import json
import platform

import numpy as np

from app.lab import view as lab_module
from app.lab.readouts import format_cost
from app.link import write_link
from backprop import Config, Run
from lab_page import open_page, readout, settle


def test_a_link_sets_up_the_page_and_the_network(monkeypatch, session):
    page, window, context, lab = open_page(monkeypatch, "?n_h=3&learning_rate=0.46&seed=x&log_scale=1")
    # before the worker answers: the link's settings in the form, its bad value named, the link made whole
    assert page.text("status") == "starting"
    assert (page.elements["n_h"].value, page.elements["learning_rate"].value) == ("3", "0.46")
    assert page.elements["log_scale"].checked is True
    assert page.elements["messages"].texts() == [
        "The link's seed was ignored, so it is 2: seed must be a whole number from 0 to 4294967295 (got 'x')."
    ]
    assert window.replaced == [write_link(dict(context.settings))]
    assert context.settings["n_h"] == 3 and context.settings["learning_rate"] == 0.46 and context.settings["seed"] == 2

    async def scenario():
        versions = await context.start()
        await settle()
        return versions

    versions = asyncio.run(scenario())
    assert versions == {"python": platform.python_version(), "numpy": np.__version__}
    oracle = Run(Config(n_h=3, learning_rate=0.46))
    assert readout(page) == ("ready", "0", format_cost(oracle.cost))
    assert session.run.config == oracle.config
    assert all(page.elements[name].disabled is False for name in ("train", "step", "reset"))
    assert lab.diagram.n_h == 3
    assert [cells["a2"].textContent for cells in lab.predictions.cells] == [
        "%.4f" % a for a in oracle.A2.reshape(-1).tolist()
    ]
    chart_texts = [args[0] for args in page.elements["cost-chart"].context.called("fillText")]
    assert "cost J (log)" in chart_texts
    assert lab.surface.has_image and len(lab.surface.image.data.bytes) == 64 * 64 * 4


def test_step_change_train_pause_and_reset(monkeypatch, session):
    page, window, context, lab = open_page(monkeypatch)

    async def scenario():
        await context.start()
        await settle()
        lab.step()
        await settle()
        assert readout(page)[:2] == ("paused", "1")

        # a new hidden-unit count: a new network at step 0, said in words, and a new link in the history
        page.elements["n_h"].props["value"] = "4"
        lab.change("n_h")
        await settle()
        assert page.elements["messages"].texts()[0] == "Hidden units changed: the network was reset to step 0."
        assert window.pushed[-1].startswith("?n_h=4&")
        assert lab.diagram.n_h == 4 and readout(page)[:2] == ("ready", "0")

        # a bad learning rate: shown beside its field; nothing else changes
        pushed = len(window.pushed)
        page.elements["learning_rate"].props["value"] = "abc"
        lab.change("learning_rate")
        await settle()
        assert page.text("learning_rate-error") == "Must be a finite number greater than 0 (got 'abc')."
        assert page.elements["learning_rate"].attributes["aria-invalid"] == "true"
        assert len(window.pushed) == pushed and context.settings["learning_rate"] == 10.0

        # a good one: the error goes, and training goes on from the same step
        lab.step()
        await settle()
        page.elements["learning_rate"].props["value"] = "2"
        lab.change("learning_rate")
        await settle()
        assert page.text("learning_rate-error") == ""
        assert "aria-invalid" not in page.elements["learning_rate"].attributes
        assert session.run.config.learning_rate == 2.0 and readout(page)[1] == "1"

        # Train: every animation frame grants `speed` steps; Pause stops after the slice in flight
        lab.train()
        assert page.elements["train"].textContent == "Pause"
        for frame in range(5):
            await settle()
            assert readout(page)[0] == "training"
            window.frames.pop(0)(frame * 16.7)
        await settle()
        lab.pause()
        await settle()
        assert context.looping  # waiting for the next frame, which ends the loop
        window.frames.pop(0)(100.0)
        await settle()
        assert not context.looping
        window.frames.pop(0)(116.7)  # the frame already asked for: it asks for no more
        assert window.frames == []

    asyncio.run(scenario())
    status, step, cost = readout(page)
    assert status == "paused" and page.elements["train"].textContent == "Train"
    assert int(step) == session.run.step and int(step) == 1 + 10 * 6  # a slice at Train and one per frame
    # the same network as a Run trained independently: 1 step at rate 10, then the rest at rate 2
    oracle = Run(Config(n_h=4))
    oracle.train(1)
    oracle.set_learning_rate(2.0)
    oracle.train(int(step) - 1)
    assert cost == format_cost(oracle.cost)
    assert page.text("rate") == "\u2013"  # not training: no speed shown

    async def reset():
        lab.reset()
        await settle()

    asyncio.run(reset())
    assert readout(page)[:2] == ("ready", "0")


def test_training_stops_by_itself_when_the_network_diverges(monkeypatch, session):
    page, window, context, lab = open_page(monkeypatch, "?learning_rate=1000&speed=100")

    async def scenario():
        await context.start()
        await settle()
        lab.train()
        for frame in range(5):
            await settle()
            if window.frames:
                window.frames.pop(0)(frame * 16.7)
        await settle()
        lab.train()  # refused: nothing trains after divergence
        await settle()

    asyncio.run(scenario())
    oracle = Run(Config(learning_rate=1000))
    oracle.train(100)
    assert readout(page) == ("diverged", str(oracle.step), format_cost(oracle.cost))
    assert page.text("status-reason") == "Diverged: {}. Press Reset to start again.".format(oracle.reason)
    assert lab.training is False and page.elements["train"].textContent == "Train"
    assert session.run.step == oracle.step


def test_a_failing_worker_shows_the_error_panel(monkeypatch, session):
    page, _window, context, lab = open_page(monkeypatch)

    async def scenario():
        await context.start()
        await settle()

        def broken(n):
            raise RuntimeError("the weights went missing")

        monkeypatch.setattr(session, "step", broken)
        lab.step()
        await settle()

    asyncio.run(scenario())
    assert page.documentElement.dataset.appState == "error"
    assert page.elements["load-error"].hidden is False
    assert page.text("load-error-text") == "The model stopped with an error: RuntimeError: the weights went missing"
    assert all(page.elements[name].disabled is True for name in ("train", "step", "reset"))


def test_back_and_forward_load_the_links_settings(monkeypatch, session):
    page, window, context, lab = open_page(monkeypatch, "?table=AND")

    async def scenario():
        await context.start()
        await settle()
        window.location.search = "?table=NOR&n_h=5"
        lab.on_history()
        await settle()

    asyncio.run(scenario())
    assert session.run.config.table == "NOR" and session.run.config.n_h == 5
    assert page.elements["table"].value == "NOR" and page.elements["n_h"].value == "5"
    assert [cells["y"].textContent for cells in lab.predictions.cells] == ["0", "0", "1", "0"]  # NOR


def test_the_view_asks_for_the_plots_only_when_they_are_drawn(monkeypatch, session):
    _, _, _context, lab = open_page(monkeypatch, "?log_scale=true")
    asked, quiet = json.loads(lab.request()), json.loads(lab.request(plots=False))
    assert {key: asked[key] for key in ("chart", "log_scale", "surface")} == {
        "chart": [640, 400],
        "log_scale": True,
        "surface": True,
    }
    assert quiet == {
        "chart": None,
        "log_scale": False,
        "surface": False,
        "units": False,
        "chain": None,
        "data_version": None,
    }
    assert lab_module.SLICE_MS > 0
