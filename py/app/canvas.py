"""What every plot's canvas shares: its bitmap sized to the CSS box and the device's pixel ratio, the page's
ink colours, and a chart's grid, axes and tick labels as the workers lay them out (py/plots/).
Plain Python for MicroPython and CPython; the browser module `js` is imported inside the functions."""

import math

from shared.i18n import _

INK = "#1d2330"
MUTED = "#5a6372"
GRID = "#e1e4ea"


def backing_size(css_width, css_height, device_pixel_ratio):
    """The canvas bitmap size (whole pixels, at least 1) for a CSS size and a devicePixelRatio."""
    ratio = device_pixel_ratio if device_pixel_ratio and device_pixel_ratio > 0 else 1.0
    return max(1, round(css_width * ratio)), max(1, round(css_height * ratio))


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


def clear(canvas, ctx, fitted):
    """Scale ctx to CSS pixels for fit_canvas's answer `fitted` and clear the canvas; returns (width, height)."""
    width, height, ratio = fitted
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, width, height)
    return width, height


def paint_axes(ctx, chart, x_title=None):
    """The grid, axes, ticks, tick labels and axis titles of a chart's geometry (its "area", "x_ticks",
    "y_ticks", "y_title", and "x_title" when it has one, else x_title, else "step"), on a context already scaled to
    CSS pixels."""
    import js

    left, top, right, bottom = chart["area"]
    ctx.lineWidth = 1
    ctx.strokeStyle = GRID
    grid = "".join("M{:.1f} {:.1f}H{:.1f}".format(left, y, right) for y, _text in chart["y_ticks"])
    if grid:
        ctx.stroke(js.Path2D.new(grid))
    ctx.strokeStyle = MUTED
    ticks = "".join("M{:.1f} {:.1f}v5".format(x, bottom) for x, _text in chart["x_ticks"])
    ctx.stroke(js.Path2D.new("M{:.1f} {:.1f}V{:.1f}H{:.1f}".format(left, top, bottom, right) + ticks))

    ctx.fillStyle = INK
    ctx.font = "12px system-ui, sans-serif"
    ctx.textAlign = "center"
    ctx.textBaseline = "top"
    for x, text in chart["x_ticks"]:
        ctx.fillText(text, x, bottom + 7)
    if "x_title" in chart:
        x_title = chart["x_title"]
    elif x_title is None:
        # Translators: the x axis's title of the cost chart (the training steps).
        x_title = _("step")
    ctx.fillText(x_title, (left + right) / 2, bottom + 22)
    ctx.textAlign = "right"
    ctx.textBaseline = "middle"
    for y, text in chart["y_ticks"]:
        ctx.fillText(text, left - 6, y)
    ctx.save()
    ctx.translate(13, (top + bottom) / 2)
    ctx.rotate(-math.pi / 2)
    ctx.textAlign = "center"
    ctx.fillText(chart["y_title"], 0, 0)
    ctx.restore()
