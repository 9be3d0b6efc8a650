"""The page's cost chart paints what the worker computed (plots.cost_chart.chart): tick labels where the worker
put them, its path in one stroke, the current point or the alert. Tested on the worker's real chart dicts."""

import math

import fake_dom
from app.lab.cost_chart import CostChart
from backprop import Config, Run
from plots.cost_chart import chart, run_points


def laid_out_canvas(document, width, height, ratio):
    canvas = document.createElement("canvas")
    canvas.props.update(clientWidth=width, clientHeight=height)
    document.js.window.devicePixelRatio = ratio
    return canvas


def trained_chart(steps, width, height, log_scale=False, **settings):
    run = Run(Config(**settings))
    run.train(steps)
    return chart(*run_points(run), width, height, log_scale)


def test_the_chart_is_painted_where_the_worker_says(monkeypatch):
    document = fake_dom.install(monkeypatch)
    canvas = laid_out_canvas(document, 640, 400, 2)
    view = CostChart(canvas)
    assert view.size() == [640, 400]
    assert (canvas.width, canvas.height) == (1280, 800)  # the bitmap at the device's pixel ratio
    data = trained_chart(300, 640, 400)
    assert view.draw(data) is True
    ctx = canvas.context
    assert ctx.called("setTransform")[-1] == (2, 0, 0, 2, 0, 0)
    left, _top, right, bottom = data["area"]
    texts = ctx.called("fillText")
    for x, label in data["x_ticks"]:
        assert (label, x, bottom + 7) in texts
    for y, label in data["y_ticks"]:
        assert (label, left - 6, y) in texts
    assert ("cost J", 0, 0) in texts and ("step", (left + right) / 2, bottom + 22) in texts
    assert (("Path2D", data["path"]),) in ctx.called("stroke")  # the curve, in one stroke
    (arc,) = ctx.called("arc")
    assert arc == (data["point"][0], data["point"][1], 3.5, 0, 2 * math.pi)
    assert canvas.attributes["aria-label"] == data["label"]
    assert canvas.attributes["role"] == "img" and canvas.classList.names == ["plot-canvas", "cost-chart"]


def test_a_diverged_run_shows_the_alert_instead_of_the_point(monkeypatch):
    document = fake_dom.install(monkeypatch)
    canvas = laid_out_canvas(document, 480, 300, 1)
    view = CostChart(canvas)
    data = trained_chart(5, 480, 300, True, n_h=16, activation="relu", seed=3, learning_rate=1.7e308)
    assert data["point"] is None and data["alert"] == "J is NaN at step 1"
    view.draw(data)
    ctx = canvas.context
    _left, top, right, _bottom = data["area"]
    assert ("J is NaN at step 1", right, top + 2) in ctx.called("fillText")
    assert ctx.called("arc") == []
    assert ("cost J (log)", 0, 0) in ctx.called("fillText")


def test_a_chart_that_is_not_laid_out_is_not_painted(monkeypatch):
    document = fake_dom.install(monkeypatch)
    canvas = document.createElement("canvas")  # display: none: no width
    view = CostChart(canvas)
    assert view.size() is None
    data = trained_chart(3, 640, 400)
    assert view.draw(data) is False
    assert canvas.attributes["aria-label"] == data["label"]  # still described
    assert canvas.context.called("fillText") == []


def test_the_height_follows_the_aspect_when_the_stylesheet_gives_none(monkeypatch):
    document = fake_dom.install(monkeypatch)
    canvas = laid_out_canvas(document, 400, 0, 1.5)
    assert CostChart(canvas).size() == [400, 250]  # 16:10
    assert (canvas.width, canvas.height) == (600, 375)


def test_the_test_cost_is_a_dashed_curve_of_its_own_named_in_a_legend(monkeypatch):
    import types

    document = fake_dom.install(monkeypatch)
    document.js.Array = types.SimpleNamespace(of=lambda *values: list(values))
    canvas = laid_out_canvas(document, 640, 400, 1)
    view = CostChart(canvas)
    data = dict(trained_chart(30, 640, 400), test_path="M50 60L70 80", legend=["train cost J", "test cost J"])
    view.draw(data)
    calls = canvas.context.calls
    test_stroke = calls.index(("stroke", (("Path2D", "M50 60L70 80"),)))
    before = [args for call, args in calls[:test_stroke] if call in ("=strokeStyle", "setLineDash")]
    assert before[-2:] == ["#6a3d9a", ([7, 4],)]  # dashed, in another colour than the train curve's
    texts = [args[0] for args in canvas.context.called("fillText")]
    assert "train cost J" in texts and "test cost J" in texts
    # the legend's samples: the train curve's solid, the test curve's dashed
    samples = [args for call, args in calls if call == "setLineDash"]
    assert ([],) in samples and samples.count(([7, 4],)) == 2
    # without a test curve, no legend
    plain = CostChart(laid_out_canvas(document, 640, 400, 1))
    plain.draw(dict(trained_chart(30, 640, 400), test_path=None, legend=None))
    assert "test cost J" not in [args[0] for args in plain.canvas.context.called("fillText")]
