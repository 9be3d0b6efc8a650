"""The decision surface's image, computed in the worker: the network's output A2 over the input plane
(x1, x2) as RGBA bytes, and its description.

The input grid, the colour map and the sentence for the surface's aria-label. The page
(py/app/lab/surface.py) puts the bytes into one ImageData and draws the axes and the training points.
"""

import numpy as np

from shared.i18n import _, ngettext

# The square of the input plane shown for a truth table, in input units; other data show their own extent
# (backprop's Data.extent), which the worker sends the page with the points.
LO, HI = -0.5, 1.5

# Diverging colour map, orange (A2 -> 0) through near-white (0.5) to blue (A2 -> 1): the
# ColorBrewer PuOr/RdBu ends, distinguishable with the common colour-vision deficiencies.
COLOR_STOPS = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
COLOR_VALUES = np.array(
    [
        [179, 88, 6],  # #b35806, A2 = 0
        [241, 163, 64],  # #f1a340
        [247, 247, 247],  # #f7f7f7, A2 = 0.5
        [103, 169, 207],  # #67a9cf
        [33, 102, 172],  # #2166ac, A2 = 1
    ],
    dtype=float,
)
NAN_RGBA = (150, 150, 150, 255)  # a neutral grey for a NaN output (a diverged network)

LUT_STEPS = 1024


def colour_table(stops, values, steps=LUT_STEPS):
    """A lookup table of steps + 1 opaque RGBA colours: index k holds the colour at k / steps, interpolated
    between the stops (so 0, 0.5 and 1 fall exactly on stops like these)."""
    table = np.empty((steps + 1, 4), dtype=np.uint8)
    table[:, 3] = 255
    for channel in range(3):
        table[:, channel] = np.rint(np.interp(np.arange(steps + 1) / steps, stops, values[:, channel]))
    return table


_LUT = colour_table(COLOR_STOPS, COLOR_VALUES)


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


def describe_surface(A2_grid, A2_points, Y, lo=LO, hi=HI):
    """A one-sentence text for the surface's aria-label, for the square [lo, hi]^2 (the data's extent) and the
    training points' predictions A2_points and classes Y."""
    a = np.asarray(A2_grid, dtype=float).reshape(-1)
    if a.size == 0 or np.isnan(a).all():
        return _(
            "Decision surface: the network's output A2 is not a number anywhere (the training diverged), shown in grey."
        )
    share = float(np.mean(a > 0.5)) * 100
    points = np.asarray(A2_points, dtype=float).reshape(-1)
    targets = np.asarray(Y, dtype=float).reshape(-1)
    right = int(np.sum(np.where(targets > 0.5, points > 0.5, points < 0.5)))
    lo, hi = (f"{v:g}".replace("-", "\u2212") for v in (lo, hi))
    return ngettext(
        "Decision surface of the network's output A2 over inputs x1 and x2 from {lo} to {hi}: blue where A2 is near 1, "
        "orange near 0, white at 0.5. A2 is above 0.5 on {share}% of the square; {right} of {total} training point is "
        "on the right side of 0.5.",
        "Decision surface of the network's output A2 over inputs x1 and x2 from {lo} to {hi}: blue where A2 is near 1, "
        "orange near 0, white at 0.5. A2 is above 0.5 on {share}% of the square; {right} of {total} training points "
        "are on the right side of 0.5.",
        targets.size,
    ).format(lo=lo, hi=hi, share=f"{share:.0f}", right=right, total=targets.size)
