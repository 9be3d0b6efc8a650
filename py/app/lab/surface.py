"""The decision surface: the network's output A2 over the input plane (x1, x2), as a colour image.

The worker computes the image (py/plots/surface.py: one forward pass over a 64 x 64 grid,
coloured into RGBA bytes) and its description; `DecisionSurface` copies the bytes into one ImageData on
a small offscreen canvas, draws it scaled, then a handful of calls for the axes and the four points.
Pure functions (canvas geometry, the points' path) are plain Python for MicroPython and CPython;
the browser module `js` is imported lazily inside the methods, so this module imports anywhere.
"""

from app.canvas import INK, MUTED, clear, fit_canvas

# The square of the input plane that is shown, in input units (as py/plots/surface.py's).
LO, HI = -0.5, 1.5
COLOR_ZERO = "#b35806"  # the colour of target 0 (and of a negative weight in the diagram)
COLOR_ONE = "#2166ac"  # the colour of target 1 (and of a positive weight)
LINKED = "#f2a900"  # the page's focus colour: a point linked to the term in focus

# Canvas margins around the plot area in CSS pixels: top, right, bottom, left.
MARGINS = (10, 12, 36, 40)


def plot_square(width, height, margins=MARGINS):
    """(left, top, side) of the largest square plot area inside the margins, in CSS pixels."""
    top, right, bottom, left = margins
    side = max(1.0, min(width - left - right, height - top - bottom))
    return float(left), float(top), float(side)


def to_canvas(x1, x2, square, lo=LO, hi=HI):
    """An input-plane point -> canvas pixels (x to the right, y downward) in the plot square."""
    left, top, side = square
    scale = side / (hi - lo)
    return left + (x1 - lo) * scale, top + (hi - x2) * scale


def circles_path(points, radius):
    """SVG path data for full circles of one radius at the (x, y) points: two arcs each, 1 decimal."""
    parts = []
    for x, y in points:
        parts.append(
            "M{:.1f} {:.1f}A{r:.1f} {r:.1f} 0 1 0 {:.1f} {:.1f}A{r:.1f} {r:.1f} 0 1 0 {:.1f} {:.1f}Z".format(
                x + radius, y, x - radius, y, x + radius, y, r=radius
            )
        )
    return "".join(parts)


class DecisionSurface:
    """The network's output over the input plane, with the four training points.

    canvas: a <canvas> element; it gets the classes "plot-canvas decision-surface" (square, full width,
    see static/css/plots.css), role="img" and an aria-label kept current by draw(). resolution: the
    side R of the worker's image.
    """

    ASPECT = 1.0

    def __init__(self, canvas, resolution=64):
        import js

        self.canvas = canvas
        self.resolution = R = resolution
        self.ctx = canvas.getContext("2d")
        self.offscreen = js.document.createElement("canvas")
        self.offscreen.width = self.offscreen.height = R
        self.offscreen_ctx = self.offscreen.getContext("2d")
        self.image = self.offscreen_ctx.createImageData(R, R)
        canvas.classList.add("plot-canvas", "decision-surface")
        canvas.setAttribute("role", "img")
        self._label = None
        self.has_image = False
        self.linked = None  # the example (column of A0) ringed as linked, or None
        self._points = None

    def draw(self, rgba, label, inputs, targets):
        """Paint the image (rgba: the worker's R*R*4 bytes, or None to keep the last one), with the
        training points at inputs ([x1 values, x2 values]) filled by their targets. Returns False when
        the canvas is not laid out."""
        import js

        if rgba is not None:
            # One copy of R*R*4 bytes into the ImageData's own buffer; no per-pixel calls.
            self.image.data.set(js.Uint8ClampedArray.new(rgba))
            self.offscreen_ctx.putImageData(self.image, 0, 0)
            self.has_image = True
        if label is not None and label != self._label:
            self.canvas.setAttribute("aria-label", label)
            self._label = label
        fitted = fit_canvas(self.canvas, self.ASPECT)
        self._points = inputs, targets
        if fitted is None or not self.has_image:
            return False
        ctx = self.ctx
        width, height = clear(self.canvas, ctx, fitted)
        square = left, top, side = plot_square(width, height)
        ctx.imageSmoothingEnabled = True
        ctx.drawImage(self.offscreen, left, top, side, side)
        self._draw_axes(square)
        self._draw_points(square, inputs, targets)
        return True

    def highlight(self, j):
        """Ring example j's point (or none) as linked, and say so on the canvas (data-linked)."""
        self.linked = j
        self.canvas.setAttribute("data-linked", "" if j is None else str(j))
        if self._points is not None:
            self.draw(None, None, *self._points)

    def _draw_axes(self, square):
        ctx = self.ctx
        left, top, side = square
        ctx.lineWidth = 1
        ctx.strokeStyle = MUTED
        ctx.strokeRect(left, top, side, side)
        # Ticks and labels at 0 and 1 on both axes: one path, a few fillText calls.
        tx0, ty0 = to_canvas(0, 0, square)
        tx1, ty1 = to_canvas(1, 1, square)
        bottom = top + side
        ctx.stroke(
            self._path(
                "M{:.1f} {:.1f}v5M{:.1f} {:.1f}v5M{:.1f} {:.1f}h-5M{:.1f} {:.1f}h-5".format(
                    tx0, bottom, tx1, bottom, left, ty0, left, ty1
                )
            )
        )
        ctx.fillStyle = INK
        ctx.font = "13px system-ui, sans-serif"
        ctx.textAlign = "center"
        ctx.textBaseline = "top"
        ctx.fillText("0", tx0, bottom + 7)
        ctx.fillText("1", tx1, bottom + 7)
        ctx.fillText("x1", left + side / 2, bottom + 20)
        ctx.textAlign = "right"
        ctx.textBaseline = "middle"
        ctx.fillText("0", left - 8, ty0)
        ctx.fillText("1", left - 8, ty1)
        ctx.fillText("x2", left - 20, top + side / 2)

    def _draw_points(self, square, inputs, targets):
        ctx = self.ctx
        points = [to_canvas(x1, x2, square) for x1, x2 in zip(inputs[0], inputs[1])]
        radius = max(7.0, square[2] * 0.035)
        ones = [t > 0.5 for t in targets]
        ctx.lineWidth = 2
        ctx.strokeStyle = INK
        for is_one, colour in ((False, COLOR_ZERO), (True, COLOR_ONE)):
            chosen = [p for p, one in zip(points, ones) if one == is_one]
            if chosen:
                path = self._path(circles_path(chosen, radius))
                ctx.fillStyle = colour
                ctx.fill(path)
                ctx.stroke(path)
        # The target written in each point, so the class does not rest on colour alone.
        ctx.fillStyle = "#ffffff"
        ctx.font = "bold {}px system-ui, sans-serif".format(round(radius * 1.3))
        ctx.textAlign = "center"
        ctx.textBaseline = "middle"
        for (x, y), one in zip(points, ones):
            ctx.fillText("1" if one else "0", x, y + 0.5)
        if self.linked is not None and self.linked < len(points):
            x, y = points[self.linked]
            ctx.lineWidth = 3
            ctx.strokeStyle = LINKED
            ctx.stroke(self._path(circles_path([(x, y)], radius + 5)))

    @staticmethod
    def _path(d):
        import js

        return js.Path2D.new(d)
