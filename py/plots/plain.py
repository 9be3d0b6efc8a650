"""Numbers as JSON carries them: a float that is not finite travels as the text "NaN", "Infinity" or
"-Infinity" (JSON has no such numbers); the page's app/door.py turns them back into floats."""

import math

import numpy as np


def plain(x):
    """A float as JSON can carry it: the number, or "NaN" / "Infinity" / "-Infinity"."""
    x = float(x)
    if math.isfinite(x):
        return x
    return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")


def plain_list(values):
    return [plain(x) for x in np.asarray(values, dtype=float).reshape(-1).tolist()]
