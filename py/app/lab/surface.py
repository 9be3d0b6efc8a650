"""The decision surface: the network's output A2 over the input plane (x1, x2), as a colour image, with the points
it learns, and the keyboard cursor where the student adds and removes points by hand.

The worker computes the image (py/plots/surface.py: one forward pass over a 64 x 64 grid over the data's extent,
coloured into RGBA bytes) and its description, and draws the points once per data set (snapshot["data"]: the
extent, its ticks, the points as SVG path data in a 1000 x 1000 square, train and test by class, and the centres
of a few); `DecisionSurface` copies the bytes into one ImageData on a small offscreen canvas, draws it scaled, then
a handful of calls for the axes and the points (one Path2D per class and split, scaled onto the plot square).

Points by hand (the clicks, the keyboard cursor, the edits) are app/data/editing.py's; the surface draws the cursor
where it puts it. Pure functions (canvas geometry) are plain Python for MicroPython and CPython; the browser module
`js` is imported lazily inside the methods, so this module imports anywhere.
"""

from app.canvas import INK, MUTED, clear, fit_canvas

# The square of the input plane a truth table shows, in input units (as py/plots/surface.py's); the worker's
# snapshot["data"] gives the extent of other data.
LO, HI = -0.5, 1.5
COLOR_ZERO = "#b35806"  # the colour of target 0 (and of a negative weight in the diagram)
COLOR_ONE = "#2166ac"  # the colour of target 1 (and of a positive weight)
LINKED = "#f2a900"  # the page's focus colour: a point linked to the term in focus
HALO = "#ffffff"

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


def title_place(places, middle):
    """Where the x2 axis's title goes: between the two middle ticks (places: the ticks' canvas (x, y)), so that it
    meets no tick's text; the middle when there are fewer than two."""
    if len(places) < 2:
        return middle
    k = len(places) // 2 - 1
    return (places[k][1] + places[k + 1][1]) / 2


def cursor_path(x, y, radius):
    """The keyboard cursor at canvas point (x, y) as SVG path data: a square of half side radius + 5 around it (a
    point of that radius shows inside) and a tick of 6 pixels out of each side's middle."""
    half = radius + 5
    return (
        "M{:.1f} {:.1f}h{s:.1f}v{s:.1f}h{m:.1f}Z".format(x - half, y - half, s=2 * half, m=-2 * half)
        + "M{:.1f} {:.1f}h-6M{:.1f} {:.1f}h6".format(x - half, y, x + half, y)
        + "M{:.1f} {:.1f}v-6M{:.1f} {:.1f}v6".format(x, y - half, x, y + half)
    )


class DecisionSurface:
    """The network's output over the input plane, with the points it learns.

    canvas: a <canvas> element; it gets the classes "plot-canvas decision-surface" (square, full width,
    see static/css/plots.css), role="img" and an aria-label kept current by draw(). resolution: the
    side R of the worker's image. The points' editor (app/data/editing.py) listens on the canvas and sets cursor.
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
        self.data = None  # the worker's drawing of the points (a snapshot's "data"), the last one it sent
        self._paths = None
        self.square = None  # the plot square as last drawn
        self.cursor = (
            None  # the keyboard cursor to draw, tenths of (x1, x2), or None (the canvas has no keyboard focus)
        )

    def set_data(self, data):
        """The worker's points (snapshot["data"]): drawn from the next draw on."""
        self.data = data
        self._paths = None  # its Path2D objects, made at its first drawing and kept while it is on screen

    @property
    def extent(self):
        return self.data["extent"] if self.data is not None else (LO, HI)

    def draw(self, rgba, label, inputs=None, targets=None):
        """Paint the image (rgba: the worker's R*R*4 bytes, or None to keep the last one), with the points: the
        worker's drawing of them (set_data), or else the training points at inputs ([x1 values, x2 values]) filled
        by their targets. Returns False when the canvas is not laid out."""
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
        if inputs is not None:
            self._points = inputs, targets
        if fitted is None or not self.has_image:
            return False
        ctx = self.ctx
        width, height = clear(self.canvas, ctx, fitted)
        self.square = square = left, top, side = plot_square(width, height)
        ctx.imageSmoothingEnabled = True
        ctx.drawImage(self.offscreen, left, top, side, side)
        if self.data is not None:
            self._draw_axes(square, self.data["ticks"], self.data["tick_texts"])
            self._draw_data(square, self.data)
        else:
            self._draw_axes(square, (0, 1), ("0", "1"))
            if self._points is not None:
                self._draw_points(square, *self._points)
        if self.cursor is not None:
            self._draw_cursor(square)
        return True

    def redraw(self):
        self.draw(None, None)

    def highlight(self, j):
        """Ring example j's point (or none) as linked, and say so on the canvas (data-linked)."""
        self.linked = j
        self.canvas.setAttribute("data-linked", "" if j is None else str(j))
        self.redraw()

    # --- drawing ---------------------------------------------------------------------------------------------------

    def _draw_axes(self, square, ticks, texts):
        """The frame, and ticks with their texts at the plane values ticks on both axes (one path)."""
        ctx = self.ctx
        left, top, side = square
        lo, hi = self.extent
        ctx.lineWidth = 1
        ctx.strokeStyle = MUTED
        ctx.strokeRect(left, top, side, side)
        bottom = top + side
        places = [to_canvas(value, value, square, lo, hi) for value in ticks]
        ctx.stroke(
            self._path("".join("M{:.1f} {:.1f}v5M{:.1f} {:.1f}h-5".format(x, bottom, left, y) for x, y in places))
        )
        ctx.fillStyle = INK
        ctx.font = "13px system-ui, sans-serif"
        ctx.textAlign = "center"
        ctx.textBaseline = "top"
        for (x, _), text in zip(places, texts):
            ctx.fillText(text, x, bottom + 7)
        ctx.fillText("x1", left + side / 2, bottom + 20)
        ctx.textAlign = "right"
        ctx.textBaseline = "middle"
        for (_, y), text in zip(places, texts):
            ctx.fillText(text, left - 8, y)
        ctx.fillText("x2", left - 20, title_place(places, top + side / 2))

    def _draw_data(self, square, data):
        """The worker's points: training ones filled with their class's colour, test ones hollow (a ring of it on a
        white halo); each path drawn once, scaled from the worker's square onto the plot square; then the class
        written in each of a few points, and the linked example's ring."""
        ctx = self.ctx
        left, top, side = square
        scale = data["scale"]
        pixel = scale / side  # one CSS pixel in the worker's units
        ctx.save()
        ctx.translate(left, top)
        ctx.scale(side / scale, side / scale)
        if self._paths is None:  # parsed once per data set, not at every frame
            self._paths = {
                split: [self._path(d) if d else None for d in data["paths"][split]] for split in ("train", "test")
            }
        ctx.strokeStyle = INK
        ctx.lineWidth = 1.5 * pixel
        for path, colour in zip(self._paths["train"], (COLOR_ZERO, COLOR_ONE)):
            if path is not None:
                ctx.fillStyle = colour
                ctx.fill(path)
                ctx.stroke(path)
        for path, colour in zip(self._paths["test"], (COLOR_ZERO, COLOR_ONE)):
            if path is not None:
                ctx.strokeStyle = HALO
                ctx.lineWidth = 5 * pixel
                ctx.stroke(path)
                ctx.strokeStyle = colour
                ctx.lineWidth = 2.5 * pixel
                ctx.stroke(path)
        ctx.restore()
        centres = data.get("centres")
        if not centres:
            return
        radius = data["radius"] * side
        places = [(left + x * side / scale, top + y * side / scale, y_class, test) for x, y, y_class, test in centres]
        # The class written in each point, so that it does not rest on colour alone.
        ctx.font = "bold {}px system-ui, sans-serif".format(max(9, round(radius * 1.3)))
        ctx.textAlign = "center"
        ctx.textBaseline = "middle"
        for x, y, y_class, test in places:
            ctx.fillStyle = INK if test else HALO
            ctx.fillText("1" if y_class else "0", x, y + 0.5)
        if self.linked is not None and self.linked < len(places):
            x, y = places[self.linked][:2]
            ctx.lineWidth = 3
            ctx.strokeStyle = LINKED
            ctx.stroke(self._path(circles_path([(x, y)], radius + 5)))

    def _draw_points(self, square, inputs, targets):
        """The training points of a snapshot's A0 and Y (a worker that sends no drawing of them)."""
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

    def _draw_cursor(self, square):
        """The keyboard cursor: a square around the place, wider than a point so that a point there shows inside it,
        with a tick out of each side; dark on a white halo, seen on either colour."""
        lo, hi = self.extent
        x, y = to_canvas(self.cursor[0] / 10, self.cursor[1] / 10, square, lo, hi)
        d = cursor_path(x, y, self.point_pixels(square))
        ctx = self.ctx
        for colour, width in ((HALO, 4), (INK, 2)):
            ctx.strokeStyle = colour
            ctx.lineWidth = width
            ctx.stroke(self._path(d))

    def point_pixels(self, square):
        """A point's radius on the canvas, in CSS pixels."""
        if self.data is not None:
            return self.data["radius"] * square[2]
        return max(7.0, square[2] * 0.035)

    @staticmethod
    def _path(d):
        import js

        return js.Path2D.new(d)
