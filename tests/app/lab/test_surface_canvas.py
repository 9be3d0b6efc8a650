"""The page's decision surface: canvas geometry and the training points' path (plain Python, on scalars), that
the page's square and colours are the worker's (py/plots/surface.py), and that DecisionSurface paints the
worker's bytes and the points where they belong. Oracles worked out by hand."""

import pytest

import fake_dom
from app.canvas import backing_size
from app.lab import surface
from app.lab.surface import circles_path, plot_square, to_canvas
from backprop import A0, Config, Run
from plots import surface as surface_image
from worker.lab.session import Session


def test_backing_size_scales_by_device_pixel_ratio():
    assert backing_size(300, 150, 2) == (600, 300)
    assert backing_size(333, 333, 1.25) == (416, 416)  # 416.25
    assert backing_size(100, 50, 0) == (100, 50)
    assert backing_size(100, 50, None) == (100, 50)
    assert backing_size(0, 0, 3) == (1, 1)
    assert all(isinstance(n, int) for n in backing_size(333.3, 100.7, 1.5))


def test_plot_square_is_the_largest_square_inside_the_margins():
    # margins (top 10, right 12, bottom 36, left 40): 400 - 52 = 348 wide, 400 - 46 = 354 high.
    assert plot_square(400, 400) == (40.0, 10.0, 348.0)
    assert plot_square(400, 300, margins=(0, 0, 0, 0)) == (0.0, 0.0, 300.0)
    assert plot_square(30, 30) == (40.0, 10.0, 1.0)  # never less than a pixel


@pytest.mark.parametrize(
    "x1, x2, expected",
    [
        # side 348 over 2 input units: 174 px per unit; x1 = -0.5 at the left edge, x2 = 1.5 at the top.
        (0, 0, (127.0, 271.0)),
        (1, 1, (301.0, 97.0)),
        (-0.5, 1.5, (40.0, 10.0)),
        (1.5, -0.5, (388.0, 358.0)),
        (0.5, 0.5, (214.0, 184.0)),  # the centre of the square
    ],
)
def test_to_canvas_maps_the_input_square_onto_the_plot_square(x1, x2, expected):
    assert to_canvas(x1, x2, (40.0, 10.0, 348.0)) == pytest.approx(expected, abs=1e-12)


def test_to_canvas_puts_each_training_input_on_its_surface_pixel():
    # The worker's 64 x 64 image is drawn over the plot square: the input at a pixel's centre must land
    # in the middle of that pixel's square on the canvas.
    square = (40.0, 10.0, 348.0)
    grid = surface_image.surface_grid(64)
    pixel = square[2] / 64
    for index in (0, 63, 64 * 17 + 5, 64 * 64 - 1):
        row, column = divmod(index, 64)
        x, y = to_canvas(float(grid[0, index]), float(grid[1, index]), square)
        assert x == pytest.approx(square[0] + (column + 0.5) * pixel)
        assert y == pytest.approx(square[1] + (row + 0.5) * pixel)


def test_circles_path():
    assert circles_path([(10, 20)], 5) == "M15.0 20.0A5.0 5.0 0 1 0 5.0 20.0A5.0 5.0 0 1 0 15.0 20.0Z"
    two = circles_path([(1.0, 2.0), (3.0, 4.0)], 0.5)
    assert two == (
        "M1.5 2.0A0.5 0.5 0 1 0 0.5 2.0A0.5 0.5 0 1 0 1.5 2.0ZM3.5 4.0A0.5 0.5 0 1 0 2.5 4.0A0.5 0.5 0 1 0 3.5 4.0Z"
    )
    assert circles_path([], 3) == ""
    assert circles_path([(0.04, 0.06)], 7.25) == "M7.3 0.1A7.2 7.2 0 1 0 -7.2 0.1A7.2 7.2 0 1 0 7.3 0.1Z"


def test_the_page_shows_the_square_the_worker_computes():
    assert (surface.LO, surface.HI) == (surface_image.LO, surface_image.HI)


def test_target_colours_are_the_map_ends():
    # the colour of a point with target 0 is the surface's colour where A2 = 0, and likewise for 1
    rgba = surface_image.surface_rgba([0.0, 1.0, 0.5, 0.5], 2).reshape(4, 4).tolist()
    assert "#%02x%02x%02x" % tuple(rgba[0][:3]) == surface.COLOR_ZERO
    assert "#%02x%02x%02x" % tuple(rgba[1][:3]) == surface.COLOR_ONE


# --- DecisionSurface paints the worker's image ------------------------------------------------------------------------


def test_the_surface_paints_the_workers_bytes_and_the_training_points(monkeypatch):
    document = fake_dom.install(monkeypatch)
    canvas = document.createElement("canvas")
    canvas.props.update(clientWidth=400, clientHeight=400)
    view = surface.DecisionSurface(canvas)
    session = Session()
    session.configure({})
    session.step(1000)
    rgba, label = session.surface()
    assert view.draw(rgba, label, A0.tolist(), [1.0, 1.0, 0.0, 0.0]) is True
    assert view.image.data.bytes == rgba  # one copy of the worker's bytes
    (put,) = view.offscreen.context.called("putImageData")
    assert put == (view.image, 0, 0) and (view.image.width, view.image.height) == (64, 64)
    ctx = canvas.context
    assert ctx.called("drawImage") == [(view.offscreen, 40.0, 10.0, 348.0, 348.0)]  # the plot square
    # the points: targets 0 at (0, 0) and (1, 1) in orange, targets 1 at (0, 1) and (1, 0) in blue
    radius = max(7.0, 348.0 * 0.035)
    zeros = circles_path([to_canvas(0, 0, (40.0, 10.0, 348.0)), to_canvas(1, 1, (40.0, 10.0, 348.0))], radius)
    ones = circles_path([to_canvas(0, 1, (40.0, 10.0, 348.0)), to_canvas(1, 0, (40.0, 10.0, 348.0))], radius)
    fills, style = [], None
    for call, args in ctx.calls:
        style = args if call == "=fillStyle" else style
        if call == "fill":
            fills.append((style, args[0]))
    assert fills == [(surface.COLOR_ZERO, ("Path2D", zeros)), (surface.COLOR_ONE, ("Path2D", ones))]
    # the target written in each point, so the class does not rest on colour alone
    for (x1, x2), target in zip(zip(*A0.tolist()), "1100"):
        x, y = to_canvas(x1, x2, (40.0, 10.0, 348.0))
        assert (target, x, y + 0.5) in ctx.called("fillText")
    assert canvas.attributes["aria-label"] == label
    assert "4 of 4 training points are on the right side of 0.5" in label


def test_the_surface_keeps_its_last_image_when_a_snapshot_brings_none(monkeypatch):
    document = fake_dom.install(monkeypatch)
    canvas = document.createElement("canvas")
    canvas.props.update(clientWidth=300, clientHeight=300)
    view = surface.DecisionSurface(canvas)
    assert view.draw(None, None, A0.tolist(), [1.0, 1.0, 0.0, 0.0]) is False  # nothing to show yet
    run = Run(Config())
    rgba = surface_image.surface_rgba(run.predict(surface_image.surface_grid(64)), 64).tobytes()
    view.draw(rgba, "first", A0.tolist(), [1.0, 1.0, 0.0, 0.0])
    assert view.draw(None, None, A0.tolist(), [1.0, 1.0, 0.0, 0.0]) is True
    assert len(view.offscreen.context.called("putImageData")) == 1 and len(canvas.context.called("drawImage")) == 2
    assert canvas.attributes["aria-label"] == "first"


# --- the worker's drawing of the points, and points by hand (the contract's snapshot["data"], written out) ----------

DATA = {
    "version": 3,
    "extent": [-1.5, 1.5],
    "ticks": [-1.0, 0.0, 1.0],
    "tick_texts": ["\u22121", "0", "1"],
    "count": {"train": 2, "test": 1},
    "scale": 1000,
    "radius": 0.03,
    "paths": {"train": ["M520 500A20 20 0 1 0 480 500Z", ""], "test": ["", "M20 980A20 20 0 1 0 -20 980Z"]},
    "centres": [[500, 500, 0, 0], [0, 980, 1, 1], [1000, 0, 1, 0]],
}


def surface_with_data(monkeypatch, data=DATA):
    document = fake_dom.install(monkeypatch)
    canvas = document.createElement("canvas")
    canvas.props.update(clientWidth=400, clientHeight=400)
    view = surface.DecisionSurface(canvas)
    view.set_data(data)
    rgba = bytes(64 * 64 * 4)
    assert view.draw(rgba, "a label") is True
    return view, canvas.context


def test_the_points_are_the_workers_paths_scaled_onto_the_plot_square(monkeypatch):
    _view, ctx = surface_with_data(monkeypatch)
    # the plot square (40, 10, 348): the worker's 1000 x 1000 square translated and scaled onto it
    assert ctx.called("translate") == [(40.0, 10.0)] and ctx.called("scale") == [(0.348, 0.348)]
    calls = ctx.calls
    fills = [(calls[i - 1][1], args) for i, (call, args) in enumerate(calls) if call == "fill"]
    assert fills == [(surface.COLOR_ZERO, (("Path2D", DATA["paths"]["train"][0]),))]  # training points filled
    test = ("Path2D", DATA["paths"]["test"][1])
    strokes = [i for i, (call, args) in enumerate(calls) if call == "stroke" and args == (test,)]
    assert len(strokes) == 2  # a test point: hollow, a ring of its class's colour on a white halo
    assert calls[strokes[1] - 2] == ("=strokeStyle", surface.COLOR_ONE)
    assert ("fill", (test,)) not in calls
    # the ticks at -1, 0 and 1 of the extent (-1.5, 1.5): 116 px per unit
    texts = ctx.called("fillText")
    for value, text in zip((-1.0, 0.0, 1.0), ("\u22121", "0", "1")):
        x, y = to_canvas(value, value, (40.0, 10.0, 348.0), -1.5, 1.5)
        assert (text, x, 10.0 + 348.0 + 7) in texts and (text, 40.0 - 8, y) in texts
    # the x2 axis's title between the two middle ticks (-1 and 0), clear of the 0 tick's text
    assert ("x2", 20.0, to_canvas(0, -0.5, (40.0, 10.0, 348.0), -1.5, 1.5)[1]) in texts
    # the class written in each of a few points, at its centre
    assert ("0", 40.0 + 174.0, 10.0 + 174.0 + 0.5) in texts
    assert ("1", 40.0, 10.0 + 0.98 * 348.0 + 0.5) in texts and ("1", 388.0, 10.5) in texts


def test_the_linked_example_is_ringed_at_its_centre(monkeypatch):
    view, ctx = surface_with_data(monkeypatch)
    view.highlight(2)
    ring = circles_path([(388.0, 10.0)], 0.03 * 348.0 + 5)
    assert ("stroke", (("Path2D", ring),)) in ctx.calls
    assert view.canvas.attributes["data-linked"] == "2"


def test_the_cursor_is_a_square_around_a_point_with_a_tick_out_of_each_side():
    assert surface.cursor_path(100, 50, 10) == (
        "M85.0 35.0h30.0v30.0h-30.0Z" + "M85.0 50.0h-6M115.0 50.0h6" + "M100.0 35.0v-6M100.0 65.0v6"
    )
