"""The cost chart: J against the step count, linear or log scale, on a canvas.

The worker computes the chart for the canvas's size (py/plots/cost_chart.py: ticks, the curve as one
SVG path string, the current point, the description, and with test points the test cost's curve and a legend);
`CostChart` paints it: two strokes for grid and axes, a dozen tick labels, one `ctx.stroke(Path2D(d))` a curve
(the test cost's dashed, in another colour, named in the legend). No per-point calls, no maths.
Plain Python for MicroPython and CPython; `js` is imported lazily inside the methods.
"""

import math

from app.canvas import INK, clear, fit_canvas, paint_axes

LINE = "#1f5fbf"
TEST_LINE = "#6a3d9a"  # the test cost's curve, dashed: told apart by its dashes and the legend, not colour alone
TEST_DASH = (7, 4)
MINE = "#a4161a"  # a second curve: the student's own (the Exercises view's "Train with my code")
ALERT = "#a4161a"


class CostChart:
    """J against the step count on a canvas, as the worker's chart geometry describes it.

    canvas: a <canvas> element; it gets the classes "plot-canvas cost-chart" (full width, 16:10, see
    static/css/plots.css), role="img" and an aria-label kept current by draw().
    """

    ASPECT = 16 / 10

    def __init__(self, canvas):
        self.canvas = canvas
        self.ctx = canvas.getContext("2d")
        canvas.classList.add("plot-canvas", "cost-chart")
        canvas.setAttribute("role", "img")
        self._label = None

    def size(self):
        """[width, height] of the canvas in CSS pixels (its bitmap fitted), or None when not laid out:
        what the worker is asked to compute the chart for."""
        fitted = fit_canvas(self.canvas, self.ASPECT)
        return None if fitted is None else [fitted[0], fitted[1]]

    def draw(self, chart):
        """Paint chart (the worker's dict; see cost_curve.chart). Returns False when not laid out."""
        import js

        if chart["label"] != self._label:
            self.canvas.setAttribute("aria-label", chart["label"])
            self._label = chart["label"]
        fitted = fit_canvas(self.canvas, self.ASPECT)
        if fitted is None:
            return False
        _left, top, right, _bottom = chart["area"]
        ctx = self.ctx
        clear(self.canvas, ctx, fitted)

        paint_axes(ctx, chart)

        ctx.lineWidth = 2
        ctx.lineJoin = "round"
        ctx.strokeStyle = LINE
        if chart["path"]:
            ctx.stroke(js.Path2D.new(chart["path"]))
        if chart.get("test_path"):
            ctx.strokeStyle = TEST_LINE
            ctx.setLineDash(js.Array.of(*TEST_DASH))
            ctx.stroke(js.Path2D.new(chart["test_path"]))
            ctx.setLineDash(js.Array.of())
        if chart.get("legend") and chart.get("test_path"):
            self._legend(chart["legend"], top, right)
        if chart.get("mine_path"):
            ctx.strokeStyle = MINE
            ctx.setLineDash(js.Array.of(6, 3))
            ctx.stroke(js.Path2D.new(chart["mine_path"]))
            ctx.setLineDash(js.Array.of())
        if chart["point"] is not None:
            ctx.fillStyle = LINE
            ctx.beginPath()
            ctx.arc(chart["point"][0], chart["point"][1], 3.5, 0, 2 * math.pi)
            ctx.fill()
        elif chart["alert"]:
            ctx.fillStyle = ALERT
            ctx.textAlign = "right"
            ctx.textBaseline = "top"
            ctx.fillText(chart["alert"], right, top + 2)
        return True

    def _legend(self, names, top, right):
        """The curves' names at the top right, each after a sample of its line (solid, dashed), on a white halo."""
        import js

        ctx = self.ctx
        ctx.font = "12px system-ui, sans-serif"
        ctx.textAlign = "right"
        ctx.textBaseline = "middle"
        for row, (name, colour, dash) in enumerate(zip(names, (LINE, TEST_LINE), ((), TEST_DASH))):
            y = top + 10 + row * 16
            ctx.setLineDash(js.Array.of(*dash))
            ctx.strokeStyle = colour
            ctx.lineWidth = 2
            ctx.stroke(js.Path2D.new("M{:.1f} {:.1f}h24".format(right - 28, y)))
            ctx.setLineDash(js.Array.of())
            ctx.strokeStyle = "#ffffff"
            ctx.lineWidth = 3
            ctx.strokeText(name, right - 34, y)
            ctx.fillStyle = INK
            ctx.fillText(name, right - 34, y)
