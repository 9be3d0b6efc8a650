"""What every plot's canvas shares (app/canvas.py) on the fake DOM: the bitmap sized to the CSS box times the
device's pixel ratio (and only resized on a change, which would clear it), and a chart's axes as the workers lay
them out (py/plots/).

Oracles: sizes worked out by hand, and the chart geometry of py/plots/cost_chart.py."""

import pytest

import fake_dom
from app.canvas import GRID, INK, backing_size, clear, fit_canvas, paint_axes
from plots.cost_chart import chart


@pytest.mark.parametrize(
    ("css", "ratio", "bitmap"),
    [
        ((640, 400), 1, (640, 400)),
        ((640, 400), 2, (1280, 800)),
        ((100.4, 50.6), 1.5, (151, 76)),
        ((0.2, 0.2), 1, (1, 1)),
    ],
)
def test_backing_size(css, ratio, bitmap):
    assert backing_size(*css, ratio) == bitmap
    assert backing_size(*css, 0) == backing_size(*css, 1)  # a ratio of 0 or None counts as 1


def test_fit_canvas_sizes_the_bitmap_once_and_says_when_not_laid_out(monkeypatch):
    document = fake_dom.install(monkeypatch)
    document.js.window.devicePixelRatio = 2
    canvas = document.createElement("canvas")
    assert fit_canvas(canvas, 1.6) is None  # display: none
    canvas.props.update(clientWidth=320)
    assert fit_canvas(canvas, 1.6) == (320, 200.0, 2.0)  # no CSS height: width / aspect
    assert (canvas.width, canvas.height) == (640, 400)
    writes = len([name for name, _ in document.log if name in ("width", "height")])
    fit_canvas(canvas, 1.6)
    assert len([name for name, _ in document.log if name in ("width", "height")]) == writes  # unchanged: kept
    assert clear(canvas, canvas.context, (320, 200.0, 2.0)) == (320, 200.0)
    assert canvas.context.calls[-2:] == [("setTransform", (2.0, 0, 0, 2.0, 0, 0)), ("clearRect", (0, 0, 320, 200.0))]


def test_paint_axes_writes_the_charts_ticks_and_titles(monkeypatch):
    document = fake_dom.install(monkeypatch)
    canvas = document.createElement("canvas")
    geometry = chart([0, 1, 2, 3], [1.0, 0.5, 0.25, 0.125], 640, 400)
    paint_axes(canvas.context, geometry)
    texts = [args[0] for args in canvas.context.called("fillText")]
    x_ticks, y_ticks = [text for _, text in geometry["x_ticks"]], [text for _, text in geometry["y_ticks"]]
    assert texts == [*x_ticks, "step", *y_ticks, geometry["y_title"]]
    assert len(x_ticks) >= 2
    assert len(y_ticks) >= 2
    assert ("=strokeStyle", GRID) in canvas.context.calls
    assert ("=fillStyle", INK) in canvas.context.calls
