"""The Many seeds view (app/sweep/view.py) on the fake page, through the context and the real worker functions
(py/worker/door.py): its fields in the link, a sweep run to the end and its seeds listed, and a seed opened in the
lab at step 0 with the sweep's settings.

Oracles: the worker's own Sweep run independently (py/worker/sweep/sweep.py), backprop.Run for the opened seed,
and the texts written out."""

import asyncio

import pytest

from app.lab.readouts import format_cost
from app.link import write_link
from app.settings import DEFAULTS
from backprop import Config, Run
from lab_page import open_page, readout, settle
from shared.sweep_words import CATEGORIES
from worker.sweep.sweep import Sweep


def sweep_page(monkeypatch, search="?view=sweep"):
    page, window, context, lab = open_page(monkeypatch, search)
    return page, window, context, lab, context.views["sweep"]


def paint(window):
    """Run the animation frames asked for (the view paints at most once a frame)."""
    while window.frames:
        window.frames.pop(0)(0.0)


def test_the_fields_show_the_link_and_a_bad_value_is_named_beside_its_field(monkeypatch):
    page, window, context, _lab, sweep = sweep_page(monkeypatch, "?view=sweep&sweep_count=50")
    assert [page.element(name).value for name in ("sweep_first", "sweep_count", "sweep_steps")] == ["0", "50", "1000"]
    page.element("sweep_count").value = "9"
    sweep.field_changed("sweep_count")
    assert page.element("sweep_count-error").textContent == (
        "sweep_count must be a whole number from 10 to 1000 (got '9')"
    )
    assert page.element("sweep_count").getAttribute("aria-invalid") == "true"
    assert context.settings["sweep_count"] == 50
    assert window.pushed == []
    page.element("sweep_count").value = " 020 "
    sweep.field_changed("sweep_count")
    assert page.element("sweep_count-error").textContent == ""
    assert page.element("sweep_count").value == "20"  # spelled as the link spells it
    assert window.pushed == [write_link(dict(DEFAULTS, view="sweep", sweep_count=20))]


@pytest.mark.parametrize("first", [0, 40])
def test_a_sweep_runs_to_the_end_and_lists_its_seeds(monkeypatch, session, first):
    page, window, context, lab, sweep = sweep_page(monkeypatch, f"?view=sweep&sweep_first={first}&sweep_count=10")
    page.element("sweep_steps").value = "300"
    sweep.field_changed("sweep_steps")  # its change event

    async def scenario():
        assert page.element("sweep-run").disabled is True  # until the model is ready
        await context.start()
        await settle()
        assert page.element("sweep-run").disabled is False
        lab.train()
        sweep.run()
        assert lab.training is False  # one worker: the lab's training waits
        for _ in range(50):
            await settle()
            paint(window)
            if not sweep.running:
                break
        paint(window)

    asyncio.run(scenario())
    oracle = Sweep(Config().to_dict(), first, 10, 300)
    while not oracle.done:
        oracle.advance(1.0)
    expected = oracle.summary()
    counts = {name: expected[name] for name in CATEGORIES}
    assert sum(counts.values()) == 10
    assert sweep.summary["done"]
    assert page.element("sweep-time-left").textContent == "done"
    assert page.element("sweep-shares").textContent == "Done: " + expected["shares_text"] + "."
    assert {name: sweep.summary[name] for name in counts} == counts
    assert sweep.summary["seeds"] == expected["seeds"]
    lists = page.element("sweep-seeds").children
    assert len(lists) == len([count for count in counts.values() if count])
    for details in lists:
        name = details.className.split("seed-list-")[1]
        assert details.children[0].textContent.endswith(": {} network{}".format(counts[name], "s" * (counts[name] > 1)))
    assert page.element("sweep-steps-done").textContent == "300 of 300"
    assert context.settings["sweep_steps"] == 300
    assert "sweep_steps=300" in window.location.search


def test_a_seed_opened_from_many_seeds_is_the_labs_network_at_step_0(monkeypatch, session):
    page, window, context, lab, sweep = sweep_page(monkeypatch, "?view=sweep&n_h=3&learning_rate=2")

    async def scenario():
        await context.start()
        await settle()
        lab.step()
        await settle()
        assert readout(page)[1] == "1"
        sweep.open_seed(7, "Stuck after 1,000 steps")
        await settle()

    asyncio.run(scenario())
    assert context.settings["seed"] == 7
    assert context.settings["view"] == "lab"
    assert window.pushed == [write_link(dict(DEFAULTS, n_h=3, learning_rate=2.0, seed=7))]  # one entry
    assert page.documentElement.dataset.view == "lab"
    assert page.elements["tab-lab"].getAttribute("aria-selected") == "true"
    assert page.elements["seed"].value == "7"  # the lab's form shows it
    assert page.elements["messages"].texts()[0] == "Seed 7 opened from Many seeds at step 0: Stuck after 1,000 steps"
    assert readout(page) == ("ready", "0", format_cost(Run(Config(n_h=3, learning_rate=2.0, seed=7)).cost))
    assert session.run.config == Config(n_h=3, learning_rate=2.0, seed=7)


def test_a_seed_typed_in_is_checked_like_a_links(monkeypatch):
    page, window, context, _lab, sweep = sweep_page(monkeypatch)
    page.element("sweep-seed").value = "-1"
    prevented = []
    sweep._on_open_seed(type("Submit", (), {"preventDefault": lambda self: prevented.append(True)})())
    assert prevented == [True]
    assert page.element("sweep-seed-error").textContent == (
        "seed must be a whole number from 0 to 4294967295 (got '-1')"
    )
    assert context.settings["view"] == "sweep"
    assert window.pushed == []
