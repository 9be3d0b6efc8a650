"""The Many seeds view's plots, painted from the worker's geometry (py/worker/sweep/plots.py): the histogram of
the final cost, the histogram of the steps to solve, and the cost curves of all networks with their median.

No maths here: every position comes from the worker, in CSS pixels. A histogram is one fill per category; the
curves are ONE ctx.stroke(Path2D(d)) per category (thin, translucent) and one for the median on top.
Plain Python for MicroPython and CPython; `js` is imported lazily inside the methods.
"""

from app.canvas import MUTED, clear, fit_canvas, paint_axes
from shared.sweep_words import CATEGORIES

# Category colours, told apart also by the words in the lists and the plots' descriptions.
COLOURS = {"solved": "#1f5fbf", "training": "#6b7280", "stuck": "#b35806", "diverged": "#a4161a"}
CURVE_ALPHA = 0.25
MEDIAN = "#1d2330"
SELECTED = "#f2a900"  # the page's focus colour


def warm_text(document):
    """Paint an axis's texts on a canvas of its own, never shown. The first text painted on any canvas of a page
    costs Chromium some 20-45 ms (the font looked up): paid here, in a task of its own, not with the first plots."""
    canvas = document.createElement("canvas")
    canvas.width = canvas.height = 8
    paint_axes(canvas.getContext("2d"), {"area": [0, 0, 8, 8], "x_ticks": [[0, "0.5"]], "y_ticks": [], "y_title": "J"})


def bar_index(bars, index, key):
    """The bar chosen after pressing key (ArrowLeft, ArrowRight, Home, End) from bar `index` (None: none yet)."""
    if not bars:
        return None
    last = len(bars) - 1
    if index is None:
        return last if key in ("ArrowLeft", "End") else 0
    moves = {"ArrowLeft": index - 1, "ArrowRight": index + 1, "Home": 0, "End": last}
    return max(0, min(last, moves.get(key, index)))


class SweepPlot:
    """One canvas of the Many seeds view. kind: "histogram", "solve_steps" or "curves"."""

    ASPECT = 16 / 10

    def __init__(self, canvas, kind):
        self.canvas, self.kind = canvas, kind
        self.ctx = canvas.getContext("2d")
        canvas.classList.add("plot-canvas", "sweep-canvas")
        canvas.setAttribute("role", "img")
        self.geometry = None
        self.selected = None  # the bar chosen by keyboard, or None
        self.highlight = None  # a picked network's curve (path data), or None
        self._label = None

    def size(self):
        """[width, height] in CSS pixels, or None when the canvas is not laid out."""
        fitted = fit_canvas(self.canvas, self.ASPECT)
        return None if fitted is None else [fitted[0], fitted[1]]

    def draw(self, geometry=None):
        """Paint geometry (the worker's dict), or the last one again. Returns False when not laid out."""
        if geometry is not None:
            self.geometry = geometry
            if self.selected is not None and self.selected >= len(geometry.get("bars", ())):
                self.selected = None
        geometry = self.geometry
        if geometry is None:
            return False
        label = geometry["label"]
        if label != self._label:
            self.canvas.setAttribute("aria-label", label)
            self._label = label
        fitted = fit_canvas(self.canvas, self.ASPECT)
        if fitted is None:
            return False
        ctx = self.ctx
        clear(self.canvas, ctx, fitted)
        paint_axes(self.ctx, geometry)
        if self.kind == "curves":
            self._curves(geometry)
        else:
            self._bars(geometry)
        return True

    def _path(self, d):
        import js

        return js.Path2D.new(d)

    def _bars(self, g):
        ctx = self.ctx
        # One path per category, all its bar segments as rectangles.
        rects = {}
        for bar in g["bars"]:
            for name, y, h in bar["parts"]:
                rects.setdefault(name, []).append(
                    "M{:.1f} {:.1f}h{:.1f}v{:.1f}h{:.1f}Z".format(bar["x"], y, bar["w"], h, -bar["w"])
                )
        for name, parts in rects.items():
            ctx.fillStyle = COLOURS["solved"] if self.kind == "solve_steps" else COLOURS[name]
            ctx.fill(self._path("".join(parts)))
        if self.selected is not None:
            bar = g["bars"][self.selected]
            ctx.lineWidth = 3
            ctx.strokeStyle = SELECTED
            ctx.strokeRect(bar["x"] - 1.5, bar["y"] - 1.5, bar["w"] + 3, bar["h"] + 3)
        if g.get("note"):
            _left, top, right, _bottom = g["area"]
            ctx.fillStyle = MUTED
            ctx.textAlign = "right"
            ctx.textBaseline = "top"
            ctx.fillText(g["note"], right, top + 2)

    def _curves(self, g):
        ctx = self.ctx
        ctx.lineWidth = 1
        ctx.lineJoin = "round"
        ctx.globalAlpha = CURVE_ALPHA
        for name in CATEGORIES:
            d = g["paths"].get(name)
            if d:
                ctx.strokeStyle = COLOURS[name]
                ctx.stroke(self._path(d))
        ctx.globalAlpha = 1
        if g["median"]:
            ctx.lineWidth = 2.5
            ctx.strokeStyle = MEDIAN
            ctx.stroke(self._path(g["median"]))
        if self.highlight:
            ctx.lineWidth = 3
            ctx.strokeStyle = SELECTED
            ctx.stroke(self._path(self.highlight))

    def choose(self, key):
        """Move the keyboard's choice of bar; returns the chosen bar (its "seeds", "label") or None."""
        bars = self.geometry["bars"] if self.geometry is not None and "bars" in self.geometry else []
        self.selected = bar_index(bars, self.selected, key)
        self.draw()
        return None if self.selected is None else bars[self.selected]
