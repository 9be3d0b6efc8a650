"""The cost landscape, painted from the worker's answer (py/worker/landscape/plot.py): the heatmap from its RGBA bytes
(one ImageData on a small offscreen canvas, drawn scaled, as app/lab/surface.py does), the contour lines and the
training path as one Path2D stroke each, the current point marked, the axes' ticks, and an HTML legend.
No maths here: every position comes from the worker, in CSS pixels.
"""

import math

from app.canvas import INK, clear, fit_canvas
from shared.i18n import _

CONTOUR = "rgba(255, 255, 255, 0.75)"
PATH_DARK, PATH_LIGHT = "#1d2330", "#ffffff"
POINT = "#f2a900"


def legend_gradient(stops):
    """The CSS background of the legend's bar: the worker's colour stops, left (low J) to right."""
    return "linear-gradient(to right, {})".format(
        ", ".join("{} {}%".format(colour, _percent(fraction)) for fraction, colour in stops)
    )


def _percent(fraction):
    return "{:.1f}".format(100 * fraction).replace(".0", "")


def contour_text(contours):
    if not contours:
        return _("No contour lines: J hardly changes over this range.")
    # Translators: {levels} are the contour lines' values of J, separated by commas.
    return _("White contour lines at {levels}.").format(levels=", ".join(contour["label"] for contour in contours))


class LandscapePlot:
    """The landscape canvas and its legend (an element holding the bar and its tick labels)."""

    ASPECT = 1.0

    def __init__(self, canvas, legend, resolution=64):
        import js

        self.canvas, self.legend = canvas, legend
        self.ctx = canvas.getContext("2d")
        self.offscreen = js.document.createElement("canvas")
        self.offscreen.width = self.offscreen.height = resolution
        self.offscreen_ctx = self.offscreen.getContext("2d")
        self.image = self.offscreen_ctx.createImageData(resolution, resolution)
        canvas.classList.add("plot-canvas", "landscape-canvas")
        canvas.setAttribute("role", "img")
        self.view = None

    def size(self):
        fitted = fit_canvas(self.canvas, self.ASPECT)
        return None if fitted is None else [fitted[0], fitted[1]]

    def draw(self, view, rgba):
        """Paint the worker's view dict with its image bytes. Returns False when the canvas is not laid out."""
        import js

        self.image.data.set(js.Uint8ClampedArray.new(rgba))
        self.offscreen_ctx.putImageData(self.image, 0, 0)
        self.view = view
        self.canvas.setAttribute("aria-label", view["label"])
        self._legend(view["legend"])
        fitted = fit_canvas(self.canvas, self.ASPECT)
        if fitted is None:
            return False
        ctx = self.ctx
        clear(self.canvas, ctx, fitted)
        left, top, right, bottom = view["area"]
        ctx.imageSmoothingEnabled = False
        ctx.drawImage(self.offscreen, left, top, right - left, bottom - top)
        ctx.lineWidth = 1
        ctx.strokeStyle = CONTOUR
        paths = "".join(contour["path"] for contour in view["contours"])
        if paths:
            ctx.stroke(js.Path2D.new(paths))
        if view["trajectory"]:
            path = js.Path2D.new(view["trajectory"])
            ctx.lineJoin = "round"
            ctx.lineWidth = 4
            ctx.strokeStyle = PATH_DARK
            ctx.stroke(path)
            ctx.lineWidth = 2
            ctx.strokeStyle = PATH_LIGHT
            ctx.stroke(path)
        if view["start"]:
            x, y = view["start"]
            ctx.fillStyle = PATH_LIGHT
            ctx.strokeStyle = PATH_DARK
            ctx.lineWidth = 1.5
            ctx.fillRect(x - 4, y - 4, 8, 8)
            ctx.strokeRect(x - 4, y - 4, 8, 8)
        x, y = view["point"]
        ctx.beginPath()
        ctx.arc(x, y, 6, 0, 2 * math.pi)
        ctx.fillStyle = POINT
        ctx.fill()
        ctx.lineWidth = 2
        ctx.strokeStyle = PATH_DARK
        ctx.stroke()
        self._axes(view["axes"], view["area"])
        return True

    def _axes(self, axes, area):
        import js

        ctx = self.ctx
        left, top, right, bottom = area
        ctx.strokeStyle = INK
        ctx.lineWidth = 1
        ticks = "".join("M{:.1f} {:.1f}v5".format(x, bottom) for x, _text in axes["x"]["ticks"])
        ticks += "".join("M{:.1f} {:.1f}h-5".format(left, y) for y, _text in axes["y"]["ticks"])
        ctx.stroke(js.Path2D.new("M{:.1f} {:.1f}V{:.1f}H{:.1f}".format(left, top, bottom, right) + ticks))
        ctx.fillStyle = INK
        ctx.font = "12px system-ui, sans-serif"
        ctx.textAlign = "center"
        ctx.textBaseline = "top"
        for x, text in axes["x"]["ticks"]:
            ctx.fillText(text, x, bottom + 7)
        ctx.fillText(axes["x"]["name"], (left + right) / 2, bottom + 22)
        ctx.textAlign = "right"
        ctx.textBaseline = "middle"
        for y, text in axes["y"]["ticks"]:
            ctx.fillText(text, left - 7, y)
        ctx.save()
        ctx.translate(12, (top + bottom) / 2)
        ctx.rotate(-math.pi / 2)
        ctx.textAlign = "center"
        ctx.fillText(axes["y"]["name"], 0, 0)
        ctx.restore()

    def _legend(self, legend):
        document = self.legend.ownerDocument
        title = document.createElement("span")
        title.className = "legend-title"
        title.textContent = legend["title"]
        bar = document.createElement("span")
        bar.className = "legend-bar"
        bar.style.background = legend_gradient(legend["stops"])
        ticks = document.createElement("span")
        ticks.className = "legend-ticks"
        for fraction, text in legend["ticks"]:
            tick = document.createElement("span")
            tick.textContent = text
            tick.style.left = _percent(fraction) + "%"
            ticks.appendChild(tick)
        self.legend.replaceChildren(title, bar, ticks)
