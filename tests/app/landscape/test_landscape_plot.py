"""The cost landscape's canvas (app/landscape/plot.py) on the fake DOM, painting the worker's own answer
(py/worker/door.py's landscape): the image's bytes as they came, the contour lines and the training path as one
stroke each, the current point, the legend, and the description for screen readers.

Oracles: the worker's answer itself; the legend's texts written out."""

import pytest

import fake_dom
from app.landscape.plot import LandscapePlot, contour_text, legend_gradient
from shared.protocol import read
from worker import door as exports
from worker.lab.session import Session


@pytest.fixture
def answer(monkeypatch):
    session = Session()
    session.configure({})
    session.step(20)
    monkeypatch.setattr(exports, "SESSION", session)
    return read(exports.landscape('"random"', 2.0, "[320, 320]"))


def plot_on(monkeypatch, width):
    document = fake_dom.install(monkeypatch)
    canvas, legend = document.createElement("canvas"), document.createElement("div")
    canvas.props.update(clientWidth=width, clientHeight=width)
    return LandscapePlot(canvas, legend), canvas, legend


def test_the_workers_landscape_is_painted_as_it_came(monkeypatch, answer):
    view, rgba = answer
    plot, canvas, legend = plot_on(monkeypatch, 320)
    assert plot.draw(view, rgba) is True
    assert plot.image.data.bytes == bytes(rgba)
    assert len(rgba) == 64 * 64 * 4
    assert canvas.getAttribute("aria-label") == view["label"]
    strokes = [args[0][1] for args in canvas.context.called("stroke") if args and isinstance(args[0], tuple)]
    assert "".join(contour["path"] for contour in view["contours"]) in strokes
    assert strokes.count(view["trajectory"]) == 2  # a dark line under a light one
    assert canvas.context.called("arc")[0][:3] == (view["point"][0], view["point"][1], 6)
    title, bar, ticks = legend.children
    assert title.textContent == view["legend"]["title"]
    assert bar.style.background == legend_gradient(view["legend"]["stops"])
    assert [tick.textContent for tick in ticks.children] == [text for _, text in view["legend"]["ticks"]]
    labels = [args[0] for args in canvas.context.called("fillText")]
    assert view["axes"]["x"]["name"] in labels
    assert view["axes"]["y"]["name"] in labels


def test_a_landscape_not_laid_out_keeps_its_description_for_later(monkeypatch, answer):
    view, rgba = answer
    plot, canvas, _legend = plot_on(monkeypatch, 0)
    assert plot.size() is None
    assert plot.draw(view, rgba) is False
    assert canvas.getAttribute("aria-label") == view["label"]
    assert plot.view is view
    assert canvas.context.called("drawImage") == []


def test_the_legend_and_the_contours_in_words():
    assert legend_gradient([[0.0, "#440154"], [0.5, "#21918c"], [0.125, "#fde725"]]) == (
        "linear-gradient(to right, #440154 0%, #21918c 50%, #fde725 12.5%)"
    )
    assert contour_text([]) == "No contour lines: J hardly changes over this range."
