"""The page's own modules under its MicroPython: the context every view shares (app/context.py), the clock
(app/pacing.py), and the other start-up modules main.py imports. See mpy_checks.py.
"""

import mpy_page
from mpy_checks import Checks, equal
from mpy_page import Document, Window

import app.canvas
import app.context
import app.link
import app.pacing
import app.stages
import app.tabs

CHECKS = Checks()
check = CHECKS.check


@check("the page's clock counts seconds")
def _():
    first = app.pacing.clock()
    assert isinstance(first, float)
    meter = app.pacing.RateMeter(window=1.0)
    meter.add(100, 10.0)
    equal(meter.add(100, 11.0), 200.0, "rate")


@check("the context: the link read and written, its subscribers told in order, a view made from its module")
def _():
    mpy_page.LOG.clear()
    document, window = Document(), Window("?n_h=3&embed=1&seed=x&view=notebook")
    context = app.context.Context(document, window, None)
    equal(context.settings["n_h"], 3, "n_h")
    equal(document.documentElement.dataset.embed, "true", "embedded")
    equal(len(context.messages), 1, "the bad seed's message")
    assert context.messages[0].startswith("The link's seed was ignored, so it is 2"), context.messages[0]
    equal(window.history.replaced, [app.link.write_link(context.settings)], "the link made whole")
    heard = []
    context.subscribe("settings changed", lambda names, origin: heard.append(("first", names, origin)))
    context.subscribe("settings changed", lambda names, origin: heard.append(("second", names, origin)))
    context.change("sweep_count", 50, "me")
    equal(heard, [("first", ("sweep_count",), "me"), ("second", ("sweep_count",), "me")], "in order")
    equal(window.history.pushed, [], "embedded: no entry in the host page's history")
    equal(window.history.replaced[-1], app.link.write_link(context.settings), "the link replaced")
    assert "sweep_count=50" in window.location.search, window.location.search
    context.register("notebook", "mpy_page", "View")
    view = context.view("notebook")
    assert context.view("notebook") is view, "made once"
    context.show({"step": 4}, None, False)
    context.publish("model ready")
    equal(mpy_page.LOG, ["made", ("snapshot", 4, False), "model ready"], "the view's log")
    equal(context.snap, {"step": 4}, "the snapshot on screen")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
