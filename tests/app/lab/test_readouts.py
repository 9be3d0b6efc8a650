"""The readouts: thousands separators (MicroPython's format has none), the texts the live region speaks, and that
the readouts write only what changed. Oracles: Python's format(n, ",d"), hand-written sentences, and the
worker's real snapshots."""

import random

import pytest

import fake_dom
from app.lab import readouts
from app.lab.readouts import ELEMENT_IDS, Readouts, format_cost, summary, thousands
from worker.lab.session import Session


@pytest.mark.parametrize(
    "n",
    [0, 1, 12, 123, 999, 1000, 1001, 12345, 123456, 999999, 1000000, 1234567, -1, -999, -1000, -1234567, 10**18 + 7],
)
def test_thousands_of_whole_numbers(n):
    assert thousands(n) == format(n, ",d")


def test_thousands_of_random_numbers():
    rng = random.Random(4)
    for _ in range(5000):
        n = rng.randint(-(10 ** rng.randint(1, 15)), 10 ** rng.randint(1, 15))
        assert thousands(n) == format(n, ",d")


@pytest.mark.parametrize("rate", [0.4, 0.5, 1.5, 2.5, 999.5, 1234.4, 1234.6, 31415.9265, 1e6 - 0.5])
def test_thousands_of_a_rate_rounds_it_like_format(rate):
    assert thousands(rate) == format(rate, ",.0f")  # what the page showed before MicroPython


def test_format_cost_has_ten_significant_digits():
    assert format_cost(0.12519375208599626) == "0.1251937521"  # the notebook's first J
    assert format_cost(0.00018512952151354307) == "0.0001851295215"
    assert format_cost(0.25) == "0.25"
    assert format_cost(float("nan")) == "nan"


def test_summary_texts():
    assert summary({"step": 0, "cost": 0.12519375208599626}, "ready") == "Ready. Step 0, cost 0.1252."
    assert summary({"step": 1200, "cost": 0.00018512952151354307}, "training") == "Training. Step 1200, cost 0.0001851."
    assert summary({"step": 7, "cost": 0.25}, "paused") == "Paused. Step 7, cost 0.25."


def test_summary_of_a_diverged_network_gives_the_models_reason():
    session = Session()
    session.configure({"learning_rate": 1000})
    session.step(100)
    snap = session.snapshot()
    assert summary(snap, "diverged") == (
        "Diverged at step 20: the cost rose from 0.1252 to 0.25 and stayed above 1.5 times that for 20 steps at "
        "step 20 \u2014 the learning rate 1000 is too large for this network; try a smaller one."
    )


class Page(fake_dom.Document):
    def __init__(self):
        super().__init__()
        self.elements = {name: self.createElement("span") for name in ELEMENT_IDS}
        self.elements["test-cost-row"].hidden = True
        self.elements["messages"] = fake_dom.MessageList()

    def getElementById(self, name):
        return self.elements[name]


def texts(page):
    return {name: element.textContent for name, element in page.elements.items() if name != "messages"}


def test_show_writes_the_readouts_and_speaks_on_a_new_status():
    page = Page()
    view = Readouts(page)
    view.show_starting()
    assert page.elements["status"].textContent == "starting"
    session = Session()
    session.configure({})
    view.show(session.snapshot(), "ready", None, now=0.0)
    assert texts(page) == {
        "status": "ready",
        "step-count": "0",
        "cost-value": "0.1251937521",
        "test-cost-value": "\u2013",
        "test-cost-row": "",
        "rate": "\u2013",
        "status-reason": "",
        "live": "Ready. Step 0, cost 0.1252.",
        "cost-chart-note": "No steps yet: press Train or Step, and the cost J of every step is drawn here.",
    }
    writes = len(page.log)
    view.show(session.snapshot(), "ready", None, now=1.0)
    assert len(page.log) == writes  # nothing changed, nothing written
    assert page.elements["test-cost-row"].hidden  # a truth table has no test points

    session.step(100)
    view.show(session.snapshot(), "training", 12345.6, now=2.0)
    assert page.elements["rate"].textContent == "12,346"
    assert page.elements["cost-chart-note"].textContent == ""  # the chart has steps to draw
    assert page.elements["live"].textContent.startswith("Training. Step 100, cost ")
    session.step(100)
    view.show(session.snapshot(), "training", 12345.6, now=2.0 + readouts.LIVE_INTERVAL / 2)
    assert page.elements["live"].textContent.startswith("Training. Step 100, ")  # not yet spoken again
    assert page.elements["step-count"].textContent == "200"
    view.show(session.snapshot(), "training", 12345.6, now=2.0 + readouts.LIVE_INTERVAL)
    assert page.elements["live"].textContent.startswith("Training. Step 200, ")


def test_show_a_diverged_network():
    page = Page()
    view = Readouts(page)
    session = Session()
    session.configure({"learning_rate": 1000})
    session.step(50)
    snap = session.snapshot()
    view.show(snap, "diverged", None, now=0.0)
    assert page.elements["status-reason"].textContent == "Diverged: {}. Press Reset to start again.".format(
        snap["reason"]
    )
    assert page.elements["live"].textContent == "Diverged at step 20: {}.".format(snap["reason"])


def test_notes_keep_the_newest_first():
    page = Page()
    view = Readouts(page)
    for k in range(readouts.MAX_MESSAGES + 3):
        view.note("message {}".format(k))
    shown = [item.textContent for item in page.elements["messages"].items]
    assert shown == ["message {}".format(k) for k in range(readouts.MAX_MESSAGES + 2, 2, -1)]


def test_the_test_cost_shows_with_test_points():
    import numpy as np

    page = Page()
    view = Readouts(page)
    session = Session()
    session.configure({"data": "circle", "data_size": 40, "train_percent": 75})
    session.step(20)
    view.show(session.snapshot(), "paused", None, now=0.0)
    assert not page.elements["test-cost-row"].hidden
    p, data = session.run.params, session.run.data
    A2 = 1 / (1 + np.exp(-(p["W1"] @ np.tanh(p["W0"] @ data.A0_test + p["b0"]) + p["b1"])))
    J_test = 0.5 * np.mean((A2 - data.Y_test) ** 2)  # J on the 10 test points, written out
    assert float(page.elements["test-cost-value"].textContent) == pytest.approx(J_test, rel=1e-9)
    session.configure({})
    view.show(session.snapshot(), "ready", None, now=1.0)
    assert page.elements["test-cost-row"].hidden and page.elements["test-cost-value"].textContent == "\u2013"
