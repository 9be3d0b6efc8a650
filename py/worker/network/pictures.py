"""Each unit's picture: its activation over the input square, for the network diagram (the page's app/network/).

One forward pass over a side x side grid of the input square gives every hidden unit's A1 and the output's A2 at
once; each becomes a side x side RGBA image, row by row, top row = x2 high, over the decision surface's square, the
data's extent (plots/surface.py's surface_grid). A2 takes the decision surface's colour map (orange 0, white 0.5,
blue 1), so the output's picture is the decision surface; a hidden unit's A1, clipped to [-1, 1], takes the same
colours on [-1, 1] (orange -1, white 0, blue +1). Each unit's range (its minimum and maximum over the grid) comes
as "%.3g" texts.
"""

import numpy as np

from backprop import forward
from plots.surface import _LUT, HI, LO, LUT_STEPS, NAN_RGBA, surface_grid, surface_rgba

SIDE = 32


def _range(values):
    """[min, max] of a unit's values as "%.3g" texts ('nan' when any is NaN, as a diverged network gives)."""
    if np.isnan(values).any():
        return ["nan", "nan"]
    return ["%.3g" % float(values.min()), "%.3g" % float(values.max())]


def hidden_rgba(A1, side):
    """Hidden units' values (n_h, side*side) as n_h RGBA images, shape (n_h, side, side, 4): -1 orange, 0 white,
    +1 blue (clipped to [-1, 1]), NaN grey."""
    a = np.asarray(A1, dtype=float)
    nan = np.isnan(a)
    t = (np.clip(np.where(nan, 0.0, a), -1.0, 1.0) + 1.0) * 0.5
    images = np.take(_LUT, np.rint(t * LUT_STEPS).astype(np.intp), axis=0)
    if nan.any():
        images[nan] = NAN_RGBA
    return images.reshape(a.shape[0], side, side, 4)


class UnitPictures:
    """The pictures of one network's units on a side x side grid (the grid made once)."""

    def __init__(self, side=SIDE):
        self.side = side
        self.extent = (LO, HI)
        self.grid = surface_grid(side)

    def pictures(self, run, extent=(LO, HI)):
        """(meta, bytes): meta {"side", "names", "ranges"}, bytes the n_h + 1 RGBA images, hidden units first, over
        the square [lo, hi]^2 of extent (the data's, as the decision surface's)."""
        side, n_h = self.side, run.config.n_h
        if tuple(extent) != self.extent:
            self.extent = tuple(extent)
            self.grid = surface_grid(side, *self.extent)
        with np.errstate(all="ignore"):
            cache = forward(run.params, self.grid, activation=run.config.activation)
        A1, A2 = cache["A1"], cache["A2"]
        images = np.empty((n_h + 1, side, side, 4), dtype=np.uint8)
        images[:n_h] = hidden_rgba(A1, side)
        surface_rgba(A2, side, out=images[n_h])
        meta = {
            "side": side,
            "names": [f"A1[{i}]" for i in range(n_h)] + ["A2"],
            "ranges": [_range(A1[i]) for i in range(n_h)] + [_range(A2[0])],
        }
        return meta, images.tobytes()
