"""The Many seeds view's canvases (app/sweep/plots.py) on the fake DOM, painting the worker's own geometry
(py/worker/sweep/plots.py through a Sweep): one fill per category of the histograms, one stroke per category of the
curves and one for the median, a bar chosen by keyboard, and the description for screen readers.

Oracles: the worker's geometry itself, and the keyboard's moves written out."""

import pytest

import fake_dom
from app.sweep.plots import COLOURS, SELECTED, SweepPlot, bar_index
from worker.sweep.sweep import Sweep


@pytest.fixture(scope="module")
def summary():
    sweep = Sweep({}, 0, 30, 400)
    while not sweep.done:
        sweep.advance(1.0)
    return sweep.summary({"histogram": [480, 300], "curves": [480, 300], "solve_steps": [480, 300]})


def plot_on(monkeypatch, kind, width=480):
    document = fake_dom.install(monkeypatch)
    canvas = document.createElement("canvas")
    canvas.props.update(clientWidth=width, clientHeight=300)
    return SweepPlot(canvas, kind), canvas


def test_a_histogram_is_one_fill_per_category_and_says_what_it_shows(monkeypatch, summary):
    plot, canvas = plot_on(monkeypatch, "histogram")
    geometry = summary["histogram"]
    assert plot.draw(geometry) is True
    assert canvas.getAttribute("aria-label") == geometry["label"]
    categories = {name for bar in geometry["bars"] for name, _, _ in bar["parts"]}
    fills = [value for name, value in canvas.context.calls if name == "=fillStyle"]
    assert {colour for colour in fills if colour in COLOURS.values()} == {COLOURS[name] for name in categories}
    assert len(canvas.context.called("fill")) == len(categories)


def test_the_curves_are_one_stroke_per_category_and_the_median(monkeypatch, summary):
    plot, canvas = plot_on(monkeypatch, "curves")
    geometry = dict(summary["curves"], median="M0 0L1 1", paths={"solved": "M1 1L2 2", "stuck": "M3 3L4 4"})
    plot.draw(geometry)
    strokes = [args[0][1] for args in canvas.context.called("stroke")[-3:]]
    assert strokes == ["M1 1L2 2", "M3 3L4 4", "M0 0L1 1"]
    plot.highlight = "M5 5L6 6"
    plot.draw()
    assert canvas.context.called("stroke")[-1][0][1] == "M5 5L6 6"


def test_a_bar_chosen_by_keyboard_is_outlined_and_named(monkeypatch, summary):
    plot, canvas = plot_on(monkeypatch, "histogram")
    geometry = summary["histogram"]
    plot.draw(geometry)
    bars = geometry["bars"]
    assert plot.choose("End") is bars[-1]
    assert plot.selected == len(bars) - 1
    assert plot.choose("ArrowRight") is bars[-1]  # the last stays chosen
    assert ("=strokeStyle", SELECTED) in canvas.context.calls
    bar = bars[-1]
    assert canvas.context.called("strokeRect")[-1] == (bar["x"] - 1.5, bar["y"] - 1.5, bar["w"] + 3, bar["h"] + 3)
    assert plot.choose("Home") is bars[0]


def test_nothing_is_painted_before_a_sweep_or_when_not_laid_out(monkeypatch, summary):
    plot, canvas = plot_on(monkeypatch, "histogram", width=0)
    assert plot.draw() is False
    assert plot.size() is None
    assert plot.draw(summary["histogram"]) is False  # its description is set all the same
    assert canvas.getAttribute("aria-label") == summary["histogram"]["label"]
    assert plot.choose("ArrowLeft") is summary["histogram"]["bars"][-1]


def test_the_keyboards_moves_between_bars():
    assert [bar_index([1, 2, 3], None, key) for key in ("ArrowRight", "ArrowLeft", "Home", "End")] == [0, 2, 0, 2]
    assert [bar_index([1, 2, 3], 1, key) for key in ("ArrowRight", "ArrowLeft", "Home", "End", "x")] == [2, 0, 0, 2, 1]
    assert bar_index([], None, "End") is None
