"""The decision surface: the network's output A2 over the input plane (x1, x2), as a colour image.

Pure functions (CPython-testable): the input grid, the colour map, the canvas geometry and the path
of the training points. `DecisionSurface` does the page work: one `run.predict(grid)`, one ImageData
on a small offscreen canvas, one scaled drawImage, then a handful of calls for axes and points.
Browser modules are imported lazily inside the methods, so this module imports under CPython.
"""

import numpy as np

# The square of the input plane that is shown, in input units.
LO, HI = -0.5, 1.5

# Diverging colour map, orange (A2 -> 0) through near-white (0.5) to blue (A2 -> 1): the
# ColorBrewer PuOr/RdBu ends, distinguishable with the common colour-vision deficiencies.
COLOR_STOPS = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
COLOR_VALUES = np.array([
    [179, 88, 6],     # #b35806, A2 = 0
    [241, 163, 64],   # #f1a340
    [247, 247, 247],  # #f7f7f7, A2 = 0.5
    [103, 169, 207],  # #67a9cf
    [33, 102, 172],   # #2166ac, A2 = 1
], dtype=float)
NAN_RGBA = (150, 150, 150, 255)  # a neutral grey for a NaN output (a diverged network)
COLOR_ZERO = "#b35806"  # the colour of target 0 (and of a negative weight in the diagram)
COLOR_ONE = "#2166ac"   # the colour of target 1 (and of a positive weight)
INK = "#1d2330"
MUTED = "#5a6372"

# A lookup table: index k holds the colour of A2 = k / LUT_STEPS, so 0, 0.5 and 1 fall exactly on stops.
LUT_STEPS = 1024
_LUT = np.empty((LUT_STEPS + 1, 4), dtype=np.uint8)
_LUT[:, 3] = 255
for _channel in range(3):
    _LUT[:, _channel] = np.rint(np.interp(np.arange(LUT_STEPS + 1) / LUT_STEPS,
                                          COLOR_STOPS, COLOR_VALUES[:, _channel]))

# Canvas margins around the plot area in CSS pixels: top, right, bottom, left.
MARGINS = (10, 12, 36, 40)


def surface_grid(resolution, lo=LO, hi=HI):
    """Inputs of shape (2, R*R) for an R x R image of the square [lo, hi]^2, one column per pixel.

    Pixels are in row-major order and sampled at their centres: pixel (row i, column j) is the column
    i*R + j, with x1 = lo + (j + 0.5) * (hi - lo) / R growing to the right and x2 growing upward,
    so row 0 (the top of the image) holds the largest x2.
    """
    R = int(resolution)
    if R < 1:
        raise ValueError(f"resolution must be at least 1 (got {resolution!r})")
    centres = lo + (np.arange(R) + 0.5) * ((hi - lo) / R)
    x1 = np.tile(centres, R)
    x2 = np.repeat(centres[::-1], R)
    return np.stack([x1, x2])


def surface_rgba(A2, resolution, out=None):
    """A2 (any shape holding R*R values, row-major) as an (R, R, 4) uint8 RGBA image.

    0 is orange, 0.5 near-white, 1 blue (values outside [0, 1] are clipped); NaN is a neutral grey.
    out, an (R, R, 4) uint8 array, is filled and returned instead of a new array.
    """
    R = int(resolution)
    a = np.asarray(A2, dtype=float).reshape(-1)
    if a.size != R * R:
        raise ValueError(f"A2 has {a.size} values; a {R}x{R} image needs {R * R}")
    nan = np.isnan(a)
    t = np.clip(np.where(nan, 0.5, a), 0.0, 1.0)
    index = np.rint(t * LUT_STEPS).astype(np.intp)
    if out is None:
        out = np.empty((R, R, 4), dtype=np.uint8)
    flat = out.reshape(R * R, 4)
    np.take(_LUT, index, axis=0, out=flat)
    if nan.any():
        flat[nan] = NAN_RGBA
    return out


def backing_size(css_width, css_height, device_pixel_ratio):
    """The canvas bitmap size (whole pixels, at least 1) for a CSS size and a devicePixelRatio."""
    ratio = device_pixel_ratio if device_pixel_ratio and device_pixel_ratio > 0 else 1.0
    return max(1, round(css_width * ratio)), max(1, round(css_height * ratio))


def plot_square(width, height, margins=MARGINS):
    """(left, top, side) of the largest square plot area inside the margins, in CSS pixels."""
    top, right, bottom, left = margins
    side = max(1.0, min(width - left - right, height - top - bottom))
    return float(left), float(top), float(side)


def to_canvas(x1, x2, square, lo=LO, hi=HI):
    """Input-plane coordinates -> canvas pixels (x to the right, y downward) in the plot square."""
    left, top, side = square
    scale = side / (hi - lo)
    x1, x2 = np.asarray(x1, dtype=float), np.asarray(x2, dtype=float)
    return left + (x1 - lo) * scale, top + (hi - x2) * scale


def circles_path(xs, ys, radius):
    """SVG path data for full circles of one radius at (xs[i], ys[i]): two arcs each, 1 decimal."""
    parts = []
    for x, y in zip(np.asarray(xs, dtype=float).tolist(), np.asarray(ys, dtype=float).tolist()):
        parts.append(f"M{x + radius:.1f} {y:.1f}A{radius:.1f} {radius:.1f} 0 1 0 {x - radius:.1f} {y:.1f}"
                     f"A{radius:.1f} {radius:.1f} 0 1 0 {x + radius:.1f} {y:.1f}Z")
    return "".join(parts)


def describe_surface(A2_grid, A2_points, Y):
    """A one-sentence text for the surface's aria-label."""
    a = np.asarray(A2_grid, dtype=float).reshape(-1)
    if a.size == 0 or np.isnan(a).all():
        return ("Decision surface: the network's output A2 is not a number anywhere "
                "(the training diverged), shown in grey.")
    share = float(np.mean(a > 0.5)) * 100
    points = np.asarray(A2_points, dtype=float).reshape(-1)
    targets = np.asarray(Y, dtype=float).reshape(-1)
    right = int(np.sum(np.where(targets > 0.5, points > 0.5, points < 0.5)))
    lo, hi = (f"{v:g}".replace("-", "\u2212") for v in (LO, HI))
    return (f"Decision surface of the network's output A2 over inputs x1 and x2 from {lo} to {hi}: "
            f"blue where A2 is near 1, orange near 0, white at 0.5. A2 is above 0.5 on {share:.0f}% of the "
            f"square; {right} of {targets.size} training points are on the right side of 0.5.")


def fit_canvas(canvas, aspect):
    """Size canvas's bitmap to its CSS box times devicePixelRatio; return (ctx-ready) CSS size and ratio.

    The CSS width is canvas.clientWidth; the height is clientHeight when the stylesheet gives one,
    else width / aspect. Returns None when the canvas is not laid out (display: none).
    Setting width/height clears the canvas and its context state, so it is done only on a change.
    """
    import js

    width = canvas.clientWidth
    if not width:
        return None
    height = canvas.clientHeight or width / aspect
    ratio = js.window.devicePixelRatio or 1
    bitmap = backing_size(width, height, ratio)
    if (canvas.width, canvas.height) != bitmap:
        canvas.width, canvas.height = bitmap
    return width, height, bitmap[0] / width


class DecisionSurface:
    """The network's output over the input plane, with the four training points.

    canvas: a <canvas> element; it gets the classes "plot-canvas decision-surface" (square, full width,
    see static/css/plots.css), role="img" and an aria-label kept current by draw(). resolution: the
    side R of the computed image (R*R network evaluations per draw).
    """

    ASPECT = 1.0

    def __init__(self, canvas, resolution=64):
        import js

        self.canvas = canvas
        self.resolution = R = int(resolution)
        self.grid = surface_grid(R)
        self.rgba = np.zeros((R, R, 4), dtype=np.uint8)
        self.ctx = canvas.getContext("2d")
        self.offscreen = js.document.createElement("canvas")
        self.offscreen.width = self.offscreen.height = R
        self.offscreen_ctx = self.offscreen.getContext("2d")
        self.image = self.offscreen_ctx.createImageData(R, R)
        canvas.classList.add("plot-canvas", "decision-surface")
        canvas.setAttribute("role", "img")
        self.last_grid = None
        self._label = None
        self._key = None

    def draw(self, run, force=False):
        """Paint the surface of run's network; returns False when the canvas is not laid out.

        Does nothing when neither the network (config, parameters, targets) nor the canvas size
        changed since the last draw, unless force.
        """
        import js
        from pyodide.ffi import to_js

        params = getattr(run, "params", None) or {}
        key = (id(run), getattr(run, "config", None), self.canvas.clientWidth, self.canvas.clientHeight,
               js.window.devicePixelRatio, np.asarray(run.Y).tobytes(),
               b"".join(np.asarray(params[name]).tobytes() for name in sorted(params)))
        if not force and key == self._key:
            return True
        fitted = fit_canvas(self.canvas, self.ASPECT)
        self._key = key if fitted is not None else None
        A2 = run.predict(self.grid)
        self.last_grid = A2
        label = describe_surface(A2, run.A2, run.Y)
        if label != self._label:
            self.canvas.setAttribute("aria-label", label)
            self._label = label
        if fitted is None:
            return False
        width, height, ratio = fitted
        surface_rgba(A2, self.resolution, out=self.rgba)
        # One copy of R*R*4 bytes into the ImageData's own buffer; no per-pixel calls.
        self.image.data.set(to_js(memoryview(self.rgba.reshape(-1))))
        self.offscreen_ctx.putImageData(self.image, 0, 0)

        ctx = self.ctx
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
        ctx.clearRect(0, 0, width, height)
        square = left, top, side = plot_square(width, height)
        ctx.imageSmoothingEnabled = True
        ctx.drawImage(self.offscreen, left, top, side, side)
        self._draw_axes(square)
        self._draw_points(run, square)
        return True

    def _draw_axes(self, square):
        ctx = self.ctx
        left, top, side = square
        ctx.lineWidth = 1
        ctx.strokeStyle = MUTED
        ctx.strokeRect(left, top, side, side)
        # Ticks and labels at 0 and 1 on both axes: one path, a few fillText calls.
        (tx0, tx1), (ty1, ty0) = to_canvas([0, 1], [1, 0], square)
        bottom = top + side
        ctx.stroke(self._path(f"M{tx0:.1f} {bottom:.1f}v5M{tx1:.1f} {bottom:.1f}v5"
                              f"M{left:.1f} {ty0:.1f}h-5M{left:.1f} {ty1:.1f}h-5"))
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

    def _draw_points(self, run, square):
        from backprop import A0

        ctx = self.ctx
        xs, ys = to_canvas(A0[0], A0[1], square)
        radius = max(7.0, square[2] * 0.035)
        targets = np.asarray(run.Y, dtype=float).reshape(-1) > 0.5
        ctx.lineWidth = 2
        ctx.strokeStyle = INK
        for is_one, colour in ((False, COLOR_ZERO), (True, COLOR_ONE)):
            chosen = targets == is_one
            if chosen.any():
                path = self._path(circles_path(xs[chosen], ys[chosen], radius))
                ctx.fillStyle = colour
                ctx.fill(path)
                ctx.stroke(path)
        # The target written in each point, so the class does not rest on colour alone.
        ctx.fillStyle = "#ffffff"
        ctx.font = f"bold {round(radius * 1.3)}px system-ui, sans-serif"
        ctx.textAlign = "center"
        ctx.textBaseline = "middle"
        for x, y, t in zip(xs.tolist(), ys.tolist(), targets.tolist()):
            ctx.fillText("1" if t else "0", x, y + 0.5)

    @staticmethod
    def _path(d):
        import js

        return js.Path2D.new(d)


__all__ = ["DecisionSurface", "surface_grid", "surface_rgba", "backing_size", "plot_square", "to_canvas",
           "circles_path", "describe_surface", "fit_canvas", "COLOR_ZERO", "COLOR_ONE"]
