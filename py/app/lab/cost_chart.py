"""The cost chart: J against the step count, linear or log scale, on a canvas.

The worker computes the chart for the canvas's size (py/plots/cost_chart.py: ticks, the curve as one
SVG path string, the current point, the description); `CostChart` paints it: two strokes for grid and
axes, a dozen tick labels, one `ctx.stroke(Path2D(d))` for the curve. No per-point calls, no maths.
Plain Python for MicroPython and CPython; `js` is imported lazily inside the methods.
"""

import math

from app.canvas import clear, fit_canvas, paint_axes

LINE = "#1f5fbf"
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
