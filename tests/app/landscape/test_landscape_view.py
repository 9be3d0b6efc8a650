"""The cost landscape panel (app/landscape/view.py) on the fake page, loaded after the lab's first paint, through the
context and the real worker functions (py/worker/door.py): computed for the network on screen when it is not
training, its axes and range in the link, a bad range named.

Oracles: the worker's own landscape for the same request, and the texts written out."""

import asyncio

from app.landscape.plot import contour_text
from app.link import write_link
from app.setting_kinds import parameter_names
from app.settings import DEFAULTS
from lab_page import open_page, settle
from shared.protocol import read
from worker import door as exports


def landscape_page(monkeypatch, search=""):
    page, window, context, lab = open_page(monkeypatch, search)
    page.element("landscape").props.update(clientWidth=300, clientHeight=300)  # laid out
    lab.load_panels()
    return page, window, context, lab, lab.landscape


def the_workers(axes, span, size):
    view, _ = read(exports.landscape(axes, span, size))
    return view


def test_the_landscape_follows_the_network_when_it_is_not_training(monkeypatch, session):
    page, window, context, lab, landscape = landscape_page(monkeypatch, "?n_h=3")

    async def scenario():
        await context.start()
        await settle()
        assert page.calls.count("landscape") == 1
        view = the_workers('"random"', 2.0, "[300, 300]")
        assert landscape.plot.view == view
        assert page.element("landscape-status").textContent == "At step 0. " + contour_text(view["contours"])
        assert page.element("landscape").getAttribute("aria-label") == view["label"]
        lab.train()
        await settle()
        window.frames.pop(0)(16.7)
        await settle()
        assert page.calls.count("landscape") == 1  # not while training
        lab.pause()
        window.frames.pop(0)(33.4)
        await settle()

    asyncio.run(scenario())
    assert page.calls.count("landscape") == 2
    step = session.run.step
    assert step > 0
    assert page.element("landscape-status").textContent.startswith(f"At step {step}. ")
    assert [option.value for option in page.element("landscape-x").children] == ["random", *parameter_names(3)]


def test_the_axes_and_the_range_go_into_the_link(monkeypatch, session):
    page, window, context, _lab, landscape = landscape_page(monkeypatch)

    async def scenario():
        await context.start()
        await settle()
        page.element("landscape-x").value = "W1[0,0]"
        landscape._axes_changed("x")
        await settle()
        assert page.element("landscape-y").value == "W1[0,1]"  # the other axis follows
        page.element("landscape_span").value = "0.5"
        landscape._span_changed()
        await settle()

    asyncio.run(scenario())
    axes = "W1[0,0],W1[0,1]"
    assert window.pushed == [
        write_link(dict(DEFAULTS, landscape_axes=axes)),
        write_link(dict(DEFAULTS, landscape_axes=axes, landscape_span=0.5)),
    ]
    assert page.calls.count("landscape") == 3
    assert landscape.plot.view == the_workers('["W1[0,0]", "W1[0,1]"]', 0.5, "[300, 300]")


def test_a_bad_range_is_named_and_changes_nothing(monkeypatch, session):
    page, window, context, _lab, landscape = landscape_page(monkeypatch)
    page.element("landscape_span").value = "500"
    assert landscape._span_changed() is False
    assert page.element("landscape-error").textContent == (
        "The range must be a number greater than 0 and at most 100 (got '500')"
    )
    assert page.element("landscape_span").getAttribute("aria-invalid") == "true"
    assert context.settings["landscape_span"] == 2.0
    assert window.pushed == []
